/*
 * ysink.c: YAML DOM errors as diagnostics; decimals in rule files.
 */
#include "ysink.h"

static void to_diags(void *ud, const y_report *r)
{
    cc_diags_add(ud, r->error ? CC_SEV_ERROR : CC_SEV_NOTE, (cc_diag_code)r->code, r->file,
                 r->line, r->col, r->offset, r->source, r->hint, "%s", r->msg);
}

y_sink cc_ysink(cc_diags *d)
{
    y_sink s;
    s.report = to_diags;
    s.ud = d;
    s.codes[Y_K_SYNTAX] = CC_D_YAML;
    s.codes[Y_K_TYPE] = CC_D_TYPE;
    s.codes[Y_K_UNKNOWN_KEY] = CC_D_UNKNOWN_KEY;
    s.codes[Y_K_MISSING_KEY] = CC_D_MISSING_KEY;
    s.codes[Y_K_DUPLICATE] = CC_D_DUPLICATE;
    s.codes[Y_K_VALUE] = CC_D_VALUE;
    s.codes[Y_K_LIMIT] = CC_D_LIMIT;
    s.codes[Y_K_NOMEM] = CC_D_NOMEM;
    return s;
}

int cc_ydoc_parse_diags(ydoc *doc, cc_arena *a, const char *file, const char *text, size_t len,
                        cc_diags *d)
{
    y_sink s = cc_ysink(d);
    int rc = cc_ydoc_parse(doc, a, file, text, len, &s);
    return rc == 0 ? CC_OK : rc == Y_ERR_NOMEM ? CC_ERR_NOMEM : CC_ERR_RULES;
}

/* Rule numbers are kept exact and must stay finite as doubles: at most 19
 * significant digits, and a magnitude between 1e-300 and 1e300. */
static bool dec_in_range(ydoc *doc, const ynode *n, const char *what, const cc_dec *v)
{
    int32_t mag = v->e;
    uint64_t m;
    if (v->inexact) {
        y_error(doc, n, CC_D_VALUE, "round it to 19 significant digits, e.g. 1.234e39",
                "%s has more than 19 significant digits: '%s'", what, n->s);
        return false;
    }
    for (m = v->m; m >= 10; m /= 10)
        mag++;
    if (v->m && (mag > 300 || mag < -300)) {
        y_error(doc, n, CC_D_VALUE, "write a number between 1e-300 and 1e300",
                "%s is out of range: '%s'", what, n->s);
        return false;
    }
    return true;
}

bool y_dec(ydoc *doc, const ynode *n, const char *what, bool percent_ok, cc_dec *out)
{
    size_t len;
    if (!y_expect(doc, n, Y_SCALAR, what))
        return false;
    len = n->len;
    if (percent_ok && len > 1 && n->s[len - 1] == '%') {
        cc_dec v;
        if (cc_dec_parse(&v, n->s, len - 1) == 0) {
            v.e -= 2;
            *out = v;
            return dec_in_range(doc, n, what, out);
        }
    }
    if (cc_dec_parse(out, n->s, len) == 0)
        return dec_in_range(doc, n, what, out);
    y_error(doc, n, CC_D_VALUE, percent_ok ? "write a number such as 0.01 or 1%" : "write a number such as 1e9 or 650000000",
            "%s must be a number, not '%s'", what, n->s);
    return false;
}
