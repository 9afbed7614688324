/*
 * report.c: report dispatch (stage 7). The writers share report_common.c
 * and never call back in here.
 */
#include "report_priv.h"

#include <string.h>

static const char *const FORMAT_NAMES[CC_FMT__COUNT] = {
    "text", "json", "jsonl", "markdown", "sarif", "junit", "github", "html"};

int cc_format_from_name(cc_format *out, const char *name)
{
    int i;
    for (i = 0; i < CC_FMT__COUNT; i++)
        if (strcmp(FORMAT_NAMES[i], name) == 0) {
            *out = (cc_format)i;
            return CC_OK;
        }
    return CC_ERR_NOTFOUND;
}

const char *cc_format_name(cc_format f)
{
    return (unsigned)f < CC_FMT__COUNT ? FORMAT_NAMES[f] : "text";
}

int cc_report_write(FILE *out, cc_format fmt, const cc_report *r)
{
    cc_buf b = CC_BUF_INIT;
    int rc;
    b.limit = (size_t)1 << 34;
    b.sink = out; /* writers spill between claims */
    switch (fmt) {
    case CC_FMT_JSON: rc = cc_report_json(&b, r); break;
    case CC_FMT_JSONL: rc = cc_report_jsonl(&b, r); break;
    case CC_FMT_MARKDOWN: rc = cc_report_markdown(&b, r); break;
    case CC_FMT_SARIF: rc = cc_report_sarif(&b, r); break;
    case CC_FMT_JUNIT: rc = cc_report_junit(&b, r); break;
    case CC_FMT_GITHUB: rc = cc_report_github(&b, r); break;
    case CC_FMT_HTML: rc = cc_report_html(&b, r); break;
    default: rc = cc_report_text(&b, r); break;
    }
    if (b.err)
        rc = b.err == -3 ? CC_ERR_IO : CC_ERR_NOMEM;
    if (rc == 0 && b.len && fwrite(b.p, 1, b.len, out) != b.len)
        rc = CC_ERR_IO;
    if (rc == 0 && fflush(out) != 0)
        rc = CC_ERR_IO;
    cc_buf_free(&b);
    return rc;
}
