/*
 * rules_compile.c: compiling a claim's extractors (rule-loading stage; the
 * first half of the "Claims" section of rules.c, moved verbatim).
 *
 * In: a claim's extract: {lang: [extractor...]} nodes and the ruleset's
 * packs. Out: cc_xrules on the claim, each pattern with its macros expanded
 * (lang_macros.c) and compiled once, its context windows and year, or a
 * diagnostic that points into the rule file.
 */
#include "rules_build.h"

#include "alloc.h"
#include "buf.h"
#include "date.h"
#include "hash.h"
#include "io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool cc_rules_is_broken(const cc_ruleset *rs, const char *code)
{
    size_t i;
    for (i = 0; i < rs->nbroken; i++)
        if (strcmp(rs->broken[i], code) == 0)
            return true;
    return false;
}

/* A pattern that starts with an amount macro can only match where the scan
 * found a quantity. With %{money}, %{percent} or %{count} the rest of the
 * pattern (its tail) is compiled on its own, to be matched right after a
 * scanned quantity of that kind: the amount's grammar, the costly part, is
 * not run again. A tail that does not compile alone (it refers to a group
 * of the macro) keeps the whole pattern, anchored at each quantity. */
static void lead_amount(cloader *C, const cc_lang *l, const ynode *p, bool caseless,
                        cc_xrule *x)
{
    static const struct {
        const char *macro;
        int kind; /* -1: no tail */
    } leads[] = {{"%{money}", CC_KIND_MONEY},   {"%{percent}", CC_KIND_PERCENT},
                 {"%{count}", CC_KIND_COUNT},   {"%{number}", -1},
                 {"%{quantity}", -1}};
    size_t i, n;
    for (i = 0; i < sizeof leads / sizeof leads[0]; i++) {
        cc_buf out = CC_BUF_INIT;
        char err[256], hint[8];
        size_t off;
        n = strlen(leads[i].macro);
        if (p->len < n || strncmp(p->s, leads[i].macro, n) != 0)
            continue;
        x->lead_amount = true;
        if (leads[i].kind < 0)
            return;
        if (cc_lang_expand(l, p->s + n, p->len - n, &out, NULL, err, sizeof err, hint,
                           sizeof hint, &off) == 0 &&
            !out.err &&
            cc_rx_compile(&x->tail, out.p ? out.p : "", out.len,
                          (caseless ? PCRE2_CASELESS : 0) | PCRE2_ANCHORED, err, sizeof err,
                          &off) == 0) {
            x->has_tail = true;
            x->tail_kind = (cc_kind)leads[i].kind;
            if (x->tail.ncap > C->rs->maxcap)
                C->rs->maxcap = x->tail.ncap;
        }
        cc_buf_free(&out);
        return;
    }
}

/* Expands and compiles pattern node n for lang; reports errors at the right
 * place in the rule file. */
/* Long on purpose: its steps share the map of error offsets into the file. */
static bool compile_pattern(cloader *C, const cc_lang *l, const ynode *n, bool caseless,
                            cc_rx *rx, const char **expanded)
{
    cc_buf out = CC_BUF_INIT;
    cc_expmap map = {NULL, 0, 0};
    char err[256], hint[160];
    size_t off;
    bool ok = false;

    if (!y_expect(C->doc, n, Y_SCALAR, "a pattern"))
        return false;
    if (cc_lang_expand(l, n->s, n->len, &out, &map, err, sizeof err, hint, sizeof hint,
                       &off) != 0) {
        y_error_at(C->doc, n, off, CC_D_MACRO, hint[0] ? hint : NULL, "%s", err);
        goto done;
    }
    /* The author's own syntax first, with every macro an empty group, so
     * that "[a-z %{money}" is a missing ] here and not a puzzle inside the
     * macro's expansion. */
    {
        cc_buf bare = CC_BUF_INIT;
        size_t i, last = 0;
        int bad;
        for (i = 0; i < map.n; i++) {
            const cc_expseg *sg = &map.v[i];
            if (sg->out_len != sg->src_len || strncmp(out.p + sg->out_start, n->s + sg->src_start, sg->src_len) != 0) {
                /* a macro: literal text before it, then (?:) */
                cc_buf_append(&bare, n->s + last, sg->src_start - last);
                cc_buf_puts(&bare, "(?:)");
                last = sg->src_start + sg->src_len;
            }
        }
        cc_buf_append(&bare, n->s + last, n->len - last);
        bad = cc_rx_compile(rx, bare.p ? bare.p : "", bare.len, caseless ? PCRE2_CASELESS : 0,
                            err, sizeof err, &off);
        if (!bad)
            cc_rx_free(rx);
        else {
            /* map the offset in the bare pattern back to the source */
            size_t src = 0, b = 0;
            for (i = 0, last = 0; i < map.n && b < off; i++) {
                const cc_expseg *sg = &map.v[i];
                bool macro = sg->out_len != sg->src_len ||
                             strncmp(out.p + sg->out_start, n->s + sg->src_start, sg->src_len) != 0;
                size_t blen = macro ? 4 : sg->src_len;
                if (off < b + blen) {
                    src = sg->src_start + (macro ? 0 : off - b);
                    b = off;
                    break;
                }
                b += blen;
                src = sg->src_start + sg->src_len;
            }
            y_error_at(C->doc, n, src, CC_D_PATTERN, "see pcre2pattern(3); macros are written %{name}",
                       "pattern does not compile: %s", err);
        }
        cc_buf_free(&bare);
        if (bad)
            goto done;
    }
    if (cc_rx_compile(rx, out.p ? out.p : "", out.len, caseless ? PCRE2_CASELESS : 0, err,
                      sizeof err, &off) != 0) {
        y_error_at(C->doc, n, cc_expmap_src(&map, off), CC_D_PATTERN,
                   "see pcre2pattern(3); macros are written %{name}",
                   "pattern does not compile: %s", err);
        goto done;
    }
    if (expanded) {
        /* self-contained: the options claimcheck compiles with, written
         * into the pattern, so that pcre2grep -f runs it as is */
        cc_buf full = CC_BUF_INIT;
        cc_buf_printf(&full, "(*UTF)(*UCP)(?J%s)", caseless ? "i" : "");
        cc_buf_append(&full, out.p ? out.p : "", out.len);
        *expanded = full.err ? NULL : cc_arena_strndup(&C->rs->arena, full.p, full.len);
        cc_buf_free(&full);
    }
    if (rx->ncap > C->rs->maxcap)
        C->rs->maxcap = rx->ncap;
    ok = true;
done:
    cc_buf_free(&out);
    cc_expmap_free(&map);
    return ok;
}

/* within: "sentence" or a number of characters (1-100000). */
static bool read_within(cloader *C, const ynode *n, uint32_t *out)
{
    cc_dec w;
    if (!y_expect(C->doc, n, Y_SCALAR, "within"))
        return false;
    if (strcmp(n->s, "sentence") == 0) {
        *out = CC_WITHIN_SENTENCE;
        return true;
    }
    if (strcmp(n->s, "paragraph") == 0) {
        *out = CC_WITHIN_PARAGRAPH;
        return true;
    }
    if (cc_dec_parse(&w, n->s, n->len) == 0 && !w.neg && w.e == 0 && w.m > 0 && w.m <= 100000) {
        *out = (uint32_t)w.m;
        return true;
    }
    y_error(C->doc, n, CC_D_VALUE,
            "write sentence, paragraph, or a number of characters (1-100000)",
            "bad window '%s'", n->s);
    return false;
}

/* Reads a window into c from within:, before: and after: of item m (or
 * from the extractor's default window when m has none). */
static bool read_window(cloader *C, const ynode *m, cc_ctxpat *c, bool *given)
{
    const ynode *w = y_get(m, "within"), *b = y_get(m, "before"), *a = y_get(m, "after");
    uint32_t v = 1;
    *given = w || b || a;
    c->sentence = c->paragraph = 0;
    c->before = c->after = 0;
    if (w && (b || a)) {
        y_error(C->doc, w, CC_D_VALUE, "use within: N, or before: and after:",
                "within: cannot be combined with before:/after:");
        return false;
    }
    if (w) {
        if (!read_within(C, w, &v))
            return false;
        if (v == CC_WITHIN_SENTENCE)
            c->sentence = 1;
        else if (v == CC_WITHIN_PARAGRAPH)
            c->paragraph = 1;
        else
            c->before = c->after = v;
    }
    if (b) {
        v = 1;
        if (!read_within(C, b, &v) || v == CC_WITHIN_SENTENCE || v == CC_WITHIN_PARAGRAPH) {
            if (v == CC_WITHIN_SENTENCE || v == CC_WITHIN_PARAGRAPH)
                y_error(C->doc, b, CC_D_VALUE, NULL, "before: takes a number of characters");
            return false;
        }
        c->before = v;
    }
    if (a) {
        v = 1;
        if (!read_within(C, a, &v) || v == CC_WITHIN_SENTENCE || v == CC_WITHIN_PARAGRAPH) {
            if (v == CC_WITHIN_SENTENCE || v == CC_WITHIN_PARAGRAPH)
                y_error(C->doc, a, CC_D_VALUE, NULL, "after: takes a number of characters");
            return false;
        }
        c->after = v;
    }
    return true;
}

/* near: / not_near: a pattern, or a list of patterns; each may be a
 * mapping {pattern: ..., within: N | before: N | after: N} with a window
 * of its own. The others take the extractor's window (def). */
static cc_ctxpat *compile_list(cloader *C, const cc_lang *l, const ynode *n, const char *what,
                               const cc_ctxpat *def, size_t *count)
{
    static const char *const keys[] = {"pattern", "within", "before", "after", NULL};
    const ynode *const *items;
    const ynode *single[1];
    size_t i, total;
    cc_ctxpat *v;
    *count = 0;
    if (!n)
        return NULL;
    if (n->type == Y_SEQ) {
        items = (const ynode *const *)n->kids;
        total = n->n;
    } else {
        single[0] = n;
        items = single;
        total = 1;
    }
    v = cc_arena_alloc(&C->rs->arena, (total + 1) * sizeof(cc_ctxpat));
    for (i = 0; v && i < total; i++) {
        const ynode *it = items[i], *pat = it;
        cc_ctxpat *c = &v[*count];
        bool given = false;
        if (it->type == Y_MAP) {
            y_check_keys(C->doc, it, keys, what);
            pat = y_require(C->doc, it, "pattern", what);
            if (!read_window(C, it, c, &given) || !pat)
                continue;
        } else if (it->type != Y_SCALAR) {
            y_expect(C->doc, it, Y_SCALAR, what);
            continue;
        }
        if (!given) {
            c->sentence = def->sentence;
            c->paragraph = def->paragraph;
            c->before = def->before;
            c->after = def->after;
        }
        if (compile_pattern(C, l, pat, true, &c->rx, NULL))
            (*count)++;
    }
    return v;
}

/* The compiled patterns of x (its memory is the arena's). */
void cc_rules_free_xrule(cc_xrule *x)
{
    size_t j;
    if (x->type == CC_X_PATTERN)
        cc_rx_free(&x->rx);
    cc_rx_free(&x->tail);
    for (j = 0; j < x->nnear; j++)
        cc_rx_free(&x->near[j].rx);
    for (j = 0; j < x->nnot; j++)
        cc_rx_free(&x->not_near[j].rx);
    x->nnear = x->nnot = 0;
}

/* Long on purpose: one extractor's keys in order, with one cleanup. */
static void read_extractor(cloader *C, cc_claim *cl, uint32_t claim_idx, const cc_lang *l,
                           const ynode *e)
{
    static const char *const keys[] = {"pattern", "quantity", "near", "not_near", "within",
                                       "before", "after", "case_sensitive", "year",
                                       "year_required", NULL};
    cc_ruleset *rs = C->rs;
    cc_xrule *x;
    const ynode *p, *q, *n;
    bool caseless = true;
    size_t before = C->doc->errors;

    if (!y_expect(C->doc, e, Y_MAP, "an extractor"))
        return;
    y_check_keys(C->doc, e, keys, "an extractor");
    x = cc_arena_alloc(&rs->arena, sizeof *x);
    if (!x)
        return;
    x->claim = cl;
    x->claim_idx = claim_idx;
    x->lang = l;
    x->file = C->doc->file;
    x->line = e->line;
    if ((n = y_get(e, "case_sensitive"))) {
        bool b;
        if (y_bool(n, &b))
            caseless = !b;
        else
            y_error(C->doc, n, CC_D_TYPE, NULL, "case_sensitive must be true or false");
    }
    p = y_get(e, "pattern");
    q = y_get(e, "quantity");
    if (p && q) {
        y_error(C->doc, q, CC_D_VALUE, "write two extractors",
                "an extractor has either pattern: or quantity:, not both");
        return;
    }
    if (!p && !q) {
        y_error(C->doc, e, CC_D_MISSING_KEY,
                "add pattern: '... %{money}' or quantity: money with near: [...]",
                "an extractor needs pattern: or quantity:");
        return;
    }
    if (p) {
        x->type = CC_X_PATTERN;
        if (!compile_pattern(C, l, p, caseless, &x->rx, &x->expanded))
            return;
        if (!x->rx.gn[CC_G_VALUE] && !x->rx.gn[CC_G_VAGUE]) {
            y_error(C->doc, p, CC_D_GROUP,
                    "use a macro such as %{money}, or name the figure (?<value>...)",
                    "pattern has no value group");
            cc_rx_free(&x->rx);
            return;
        }
        lead_amount(C, l, p, caseless, x);
    } else {
        const char *k = y_str(C->doc, q, "quantity");
        x->type = CC_X_CONTEXT;
        if (k && cc_kind_from_name(&x->qkind, k) != 0) {
            y_error(C->doc, q, CC_D_VALUE, "use money, percent, count or number",
                    "unknown quantity kind '%s'", k);
            return;
        }
        if (!y_get(e, "near")) {
            y_error(C->doc, e, CC_D_MISSING_KEY,
                    "say what must occur near the quantity, e.g. near: ['Microsoft', 'invest']",
                    "a quantity extractor needs near:");
            return;
        }
    }
    {
        /* the extractor's own window, default the sentence */
        cc_ctxpat def;
        bool given;
        memset(&def, 0, sizeof def);
        if (!read_window(C, e, &def, &given)) {
            cc_rules_free_xrule(x); /* the pattern and its tail are compiled */
            return;
        }
        if (!given)
            def.sentence = 1;
        x->near = compile_list(C, l, y_get(e, "near"), "near", &def, &x->nnear);
        x->not_near = compile_list(C, l, y_get(e, "not_near"), "not_near", &def, &x->nnot);
    }
    if ((n = y_get(e, "year"))) {
        cc_dec y;
        if (y_dec(C->doc, n, "year", false, &y) && (y.e != 0 || y.neg || y.m < 1950 || y.m > 2099))
            y_error(C->doc, n, CC_D_VALUE, "write a year such as 2024", "year must be 1950-2099");
        else
            x->year = (int)y.m;
    }
    if ((n = y_get(e, "year_required"))) {
        bool b;
        if (!y_bool(n, &b))
            y_error(C->doc, n, CC_D_TYPE, NULL, "year_required must be true or false");
        else if (b && !x->year)
            y_error(C->doc, n, CC_D_MISSING_KEY, "add year: 2024 (for example)",
                    "year_required needs year:");
        else
            x->year_required = b;
    }
    if (C->doc->errors != before ||
        cc_rules_push_ptr((void ***)&rs->xr, &rs->nxr, &rs->capxr, x) != 0) {
        cc_rules_free_xrule(x);
        return;
    }
    cl->nextractors++;
}

/* extract: {lang: [extractor...]} of claim cl (index idx). */
void cc_rules_read_extract(cloader *C, cc_claim *cl, uint32_t idx, const ynode *n)
{
    size_t i, j;
    if (!y_expect(C->doc, n, Y_MAP, "extract"))
        return;
    for (i = 0; i < n->n; i++) {
        const ynode *k = y_key(n, i), *v = y_val(n, i);
        const cc_lang *l = cc_ruleset_find_lang(C->rs, k->s);
        if (!l && cc_rules_is_broken(C->rs, k->s))
            continue;
        if (!l) {
            y_error(C->doc, k, CC_D_LANG, "add rules/lang/<code>.yaml or fix the code",
                    "no language pack for '%s'", k->s);
            continue;
        }
        if (v->type == Y_MAP) {
            read_extractor(C, cl, idx, l, v);
        } else if (y_expect(C->doc, v, Y_SEQ, "a language's extractors")) {
            for (j = 0; j < v->n; j++)
                read_extractor(C, cl, idx, l, v->kids[j]);
        }
    }
}

