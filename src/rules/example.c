/*
 * example.c: parsing of pack and claim examples (helper for rule loading).
 */
#include "example.h"

#include <string.h>

static bool parse_bound(ydoc *doc, const ynode *n, const char *what, cc_dec *v, int *inf)
{
    if (n->type == Y_SCALAR && (!strcmp(n->s, "inf") || !strcmp(n->s, "+inf") ||
                                !strcmp(n->s, ".inf") || !strcmp(n->s, "-inf") ||
                                !strcmp(n->s, "-.inf"))) {
        *inf = 1;
        return true;
    }
    *inf = 0;
    return y_dec(doc, n, what, false, v);
}

bool cc_example_parse(ydoc *doc, const ynode *m, bool for_claim, cc_example *ex)
{
    static const char *const pack_keys[] = {"text", "value", "low", "high", "unit", "kind",
                                            "qualifier", "vague", "none", NULL};
    static const char *const claim_keys[] = {"lang", "text", "value", "low", "high", "unit",
                                             "qualifier", "scope", "none", NULL};
    const ynode *n;
    size_t before = doc->errors;

    memset(ex, 0, sizeof *ex);
    ex->none_kind = -1;
    ex->kind = ex->qual = ex->vague = -1;
    if (!y_expect(doc, m, Y_MAP, "an example"))
        return false;
    ex->file = doc->file;
    ex->line = m->line;
    ex->col = m->col;
    y_check_keys(doc, m, for_claim ? claim_keys : pack_keys, "an example");
    n = y_require(doc, m, "text", "an example");
    if (n)
        ex->text = y_str(doc, n, "an example's text");
    if (for_claim && (n = y_require(doc, m, "lang", "a claim example")))
        ex->lang = y_str(doc, n, "an example's lang");
    if ((n = y_get(m, "value")))
        ex->has_value = y_dec(doc, n, "value", false, &ex->value);
    if ((n = y_get(m, "low")))
        ex->has_low = parse_bound(doc, n, "low", &ex->low, &ex->low_inf);
    if ((n = y_get(m, "high")))
        ex->has_high = parse_bound(doc, n, "high", &ex->high, &ex->high_inf);
    if ((n = y_get(m, "unit")))
        ex->unit = y_str(doc, n, "unit");
    if ((n = y_get(m, "scope")))
        ex->scope = y_str(doc, n, "scope");
    if ((n = y_get(m, "kind"))) {
        const char *s = y_str(doc, n, "kind");
        cc_kind k;
        if (s && cc_kind_from_name(&k, s) == 0)
            ex->kind = (int)k;
        else if (s)
            y_error(doc, n, CC_D_VALUE, "use number, money, percent or count",
                    "unknown kind '%s'", s);
    }
    if ((n = y_get(m, "qualifier"))) {
        const char *s = y_str(doc, n, "qualifier");
        cc_qualifier q;
        if (s && cc_qualifier_from_name(&q, s) == 0)
            ex->qual = (int)q;
        else if (s)
            y_error(doc, n, CC_D_VALUE,
                    "use exact, at_least, more_than, up_to, less_than, about, almost or range",
                    "unknown qualifier '%s'", s);
    }
    if ((n = y_get(m, "vague"))) {
        bool b;
        if (y_bool(n, &b))
            ex->vague = b;
        else
            y_error(doc, n, CC_D_TYPE, NULL, "vague must be true or false");
    }
    if ((n = y_get(m, "none"))) {
        bool b;
        cc_kind k;
        if (y_bool(n, &b)) {
            ex->none = b;
        } else if (n->type == Y_SCALAR && !for_claim && cc_kind_from_name(&k, n->s) == 0) {
            ex->none = 1;
            ex->none_kind = (int)k;
        } else {
            y_error(doc, n, CC_D_TYPE, NULL,
                    for_claim ? "none must be true or false"
                              : "none must be true, false or a kind (money, percent, count, number)");
        }
    }
    if (!ex->none && !ex->has_value && !ex->has_low && !ex->has_high && ex->vague < 0 &&
        !ex->unit && ex->kind < 0 && ex->qual < 0 && !ex->scope && doc->errors == before)
        y_error(doc, m, CC_D_MISSING_KEY, "add value: (or low:/high:), or none: true",
                "an example must say what it expects");
    return doc->errors == before;
}
