/*
 * report.c: report dispatch and shared formatting (stage 7).
 */
#include "report_priv.h"

#include "escape.h"

#include <string.h>

static const char *const FORMAT_NAMES[CC_FMT__COUNT] = {"text", "json"};

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
    switch (fmt) {
    case CC_FMT_JSON: rc = cc_report_json(&b, r); break;
    default: rc = cc_report_text(&b, r); break;
    }
    if (rc == 0 && b.err)
        rc = CC_ERR_NOMEM;
    if (rc == 0 && b.len && fwrite(b.p, 1, b.len, out) != b.len)
        rc = CC_ERR_IO;
    if (rc == 0 && fflush(out) != 0)
        rc = CC_ERR_IO;
    cc_buf_free(&b);
    return rc;
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

void cc_json_bound(cc_buf *b, const cc_dec *v, int inf)
{
    char s[CC_DEC_BUFSZ];
    if (inf)
        cc_buf_puts(b, "null");
    else
        cc_buf_puts(b, cc_dec_format(s, *v));
}

void cc_json_obs(cc_buf *b, const cc_obs *o)
{
    char s[CC_DEC_BUFSZ];
    cc_buf_puts(b, "{\"file\": ");
    cc_json_cstr(b, o->file);
    cc_buf_printf(b, ", \"line\": %u, \"column\": %u, \"start\": %llu, \"end\": %llu, \"lang\": ",
                  (unsigned)o->line, (unsigned)o->column, (unsigned long long)o->start,
                  (unsigned long long)o->end);
    cc_json_cstr(b, o->lang);
    cc_buf_puts(b, ", \"text\": ");
    cc_json_cstr(b, o->text);
    cc_buf_printf(b, ", \"value\": %s, \"low\": ", cc_dec_format(s, o->value));
    cc_json_bound(b, &o->iv.lo, o->iv.lo_inf);
    cc_buf_puts(b, ", \"high\": ");
    cc_json_bound(b, &o->iv.hi, o->iv.hi_inf);
    cc_buf_printf(b, ", \"low_open\": %s, \"high_open\": %s, \"qualifier\": \"%s\", \"unit\": ",
                  o->iv.lo_open ? "true" : "false", o->iv.hi_open ? "true" : "false",
                  cc_qualifier_name(o->qual));
    cc_json_cstr(b, o->unit);
    cc_buf_printf(b, ", \"kind\": \"%s\"}", cc_kind_name(o->kind));
}
