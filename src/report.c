/*
 * report.c: report dispatch and shared formatting (stage 7).
 */
#include "report_priv.h"

#include "escape.h"

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

bool cc_report_shows(const cc_report *r, const cc_claimres *c)
{
    return !(r->baseline && c->baseline == CC_BASELINE_ACCEPTED);
}

size_t cc_report_conflicts(const cc_report *r)
{
    size_t i, n = 0;
    for (i = 0; i < cc_result_count(r->result); i++) {
        const cc_claimres *c = cc_result_get(r->result, i);
        n += (c->verdict == CC_VERDICT_CONFLICT || c->verdict == CC_VERDICT_DEVIATES) &&
             cc_report_shows(r, c);
    }
    return n;
}

size_t cc_report_count(const cc_report *r, cc_verdict v)
{
    size_t i, n = 0;
    for (i = 0; i < cc_result_count(r->result); i++) {
        const cc_claimres *c = cc_result_get(r->result, i);
        n += c->verdict == v && cc_report_shows(r, c);
    }
    return n;
}

size_t cc_report_accepted(const cc_report *r)
{
    size_t i, n = 0;
    for (i = 0; i < cc_result_count(r->result); i++)
        n += !cc_report_shows(r, cc_result_get(r->result, i));
    return n;
}

void cc_camp_bounds(const cc_claimres *c, const cc_camp *cp, const cc_interval **lo,
                    const cc_interval **hi)
{
    size_t i;
    *lo = *hi = NULL;
    for (i = 0; i < cp->count; i++) {
        const cc_interval *iv = &c->obs[cp->first + i].o->iv;
        if (!iv->lo_inf && (!*lo || cc_dec_cmp(iv->lo, (*lo)->lo) > 0))
            *lo = iv;
        if (!iv->hi_inf && (!*hi || cc_dec_cmp(iv->hi, (*hi)->hi) < 0))
            *hi = iv;
    }
}

static void unit_suffix(cc_buf *b, const cc_obs *o)
{
    if (o->unit && *o->unit) {
        if (strcmp(o->unit, "percent") == 0) {
            cc_buf_puts(b, "%");
        } else {
            cc_buf_putc(b, ' ');
            cc_escape_term(b, o->unit, strlen(o->unit), false);
        }
    }
}

void cc_fmt_figure(cc_buf *b, const cc_obs *o)
{
    char v[CC_DEC_BUFSZ], w[CC_DEC_BUFSZ];
    const cc_interval *iv = &o->iv;
    switch (o->qual) {
    case CC_Q_AT_LEAST: cc_buf_puts(b, "at least "); break;
    case CC_Q_MORE_THAN: cc_buf_puts(b, "more than "); break;
    case CC_Q_UP_TO: cc_buf_puts(b, "up to "); break;
    case CC_Q_LESS_THAN: cc_buf_puts(b, "less than "); break;
    case CC_Q_ABOUT: cc_buf_puts(b, "about "); break;
    case CC_Q_ALMOST: cc_buf_puts(b, "almost "); break;
    default: break;
    }
    if (o->qual == CC_Q_RANGE) {
        cc_buf_printf(b, "%s to %s", cc_dec_format_short(v, iv->lo), cc_dec_format_short(w, iv->hi));
    } else {
        cc_buf_puts(b, cc_dec_format_short(v, o->value));
    }
    unit_suffix(b, o);
}

void cc_fmt_camps(cc_buf *b, const cc_claimres *c)
{
    size_t k;
    for (k = 0; k < c->ncamps; k++) {
        const cc_camp *cp = &c->camps[k];
        if (k)
            cc_buf_puts(b, " vs ");
        cc_fmt_figure(b, c->obs[cp->first].o);
        cc_buf_printf(b, " (%zu article%s)", cp->narticles, cp->narticles == 1 ? "" : "s");
    }
}
