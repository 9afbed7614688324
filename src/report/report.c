/*
 * report.c: report dispatch (stage 7): the table of formats and their
 * writers. cc_format_from_name, cc_format_name, cc_format_needs_context,
 * the CLI's lists of formats and cc_report_write all read FORMATS; a new
 * format is a value of cc_format, a row here and its writer file. The
 * writers share report_common.c and never call back in here.
 */
#include "report_priv.h"

#include <string.h>

typedef struct format_row {
    cc_format_info info;
    int (*write)(cc_buf *b, const cc_report *r); /* appends the whole report */
} format_row;

/* In the order of cc_format: row i describes format i. */
static const format_row FORMATS[CC_FMT__COUNT] = {
    {{CC_FMT_TEXT, "text", "for people (colour on a terminal)", false}, cc_report_text},
    {{CC_FMT_JSON, "json", "docs/report-schema.md", false}, cc_report_json},
    {{CC_FMT_JSONL, "jsonl", "one observation per line, with its claim's status", true},
     cc_report_jsonl},
    {{CC_FMT_MARKDOWN, "markdown", "a pull-request comment", false}, cc_report_markdown},
    {{CC_FMT_SARIF, "sarif", "SARIF 2.1.0, for code scanning", false}, cc_report_sarif},
    {{CC_FMT_JUNIT, "junit", "JUnit XML: one test case per claim", false}, cc_report_junit},
    {{CC_FMT_GITHUB, "github", "GitHub Actions workflow commands (annotations)", false},
     cc_report_github},
    {{CC_FMT_HTML, "html", "one self-contained page with number lines", true}, cc_report_html},
};

const cc_format_info *cc_format_info_get(cc_format f)
{
    return (unsigned)f < CC_FMT__COUNT ? &FORMATS[f].info : NULL;
}

int cc_format_from_name(cc_format *out, const char *name)
{
    int i;
    for (i = 0; i < CC_FMT__COUNT; i++)
        if (strcmp(FORMATS[i].info.name, name) == 0) {
            *out = FORMATS[i].info.format;
            return CC_OK;
        }
    return CC_ERR_NOTFOUND;
}

const char *cc_format_name(cc_format f)
{
    return (unsigned)f < CC_FMT__COUNT ? FORMATS[f].info.name : "text";
}

bool cc_format_needs_context(cc_format f)
{
    return (unsigned)f < CC_FMT__COUNT && FORMATS[f].info.needs_context;
}

void cc_report_start(cc_buf *b, FILE *out)
{
    cc_buf init = CC_BUF_INIT;
    *b = init;
    b->limit = (size_t)1 << 34;
    b->sink = out; /* writers spill between claims */
}

int cc_report_finish(cc_buf *b, FILE *out, int rc)
{
    if (b->err)
        rc = b->err == -3 ? CC_ERR_IO : CC_ERR_NOMEM;
    if (rc == 0 && b->len && fwrite(b->p, 1, b->len, out) != b->len)
        rc = CC_ERR_IO;
    if (rc == 0 && fflush(out) != 0)
        rc = CC_ERR_IO;
    cc_buf_free(b);
    return rc;
}

int cc_report_write(FILE *out, cc_format fmt, const cc_report *r)
{
    cc_buf b;
    cc_format f = (unsigned)fmt < CC_FMT__COUNT ? fmt : CC_FMT_TEXT;
    cc_report_start(&b, out);
    return cc_report_finish(&b, out, FORMATS[f].write(&b, r));
}
