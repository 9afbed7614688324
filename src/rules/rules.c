/*
 * rules.c: loading packs and claim rules (stage 1 of the pipeline).
 *
 * In: rule directories. Out: a cc_ruleset with every pack, every claim, and
 * each claim's extractors compiled per language, or diagnostics at
 * file:line:col. Errors are collected across all files before failing, so a
 * rule author sees every mistake in one run.
 */
#include "rules_priv.h"

#include "alloc.h"
#include "buf.h"
#include "date.h"
#include "hash.h"
#include "io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RULE_FILE_MAX ((size_t)16 << 20)

static int push_ptr(void ***v, size_t *n, size_t *cap, void *p)
{
    if (*n == *cap) {
        void *a = *v;
        if (cc_grow(&a, cap, *n + 1, sizeof(void *)) != 0)
            return -1;
        *v = a;
    }
    (*v)[(*n)++] = p;
    return 0;
}

static int read_rule_file(const char *path, char **text, size_t *len, cc_diags *d)
{
    if (cc_read_file(path, RULE_FILE_MAX, text, len) != 0) {
        int e = errno;
        cc_diags_add(d, CC_SEV_ERROR, e == EFBIG ? CC_D_LIMIT : CC_D_IO, path, 0, 0, SIZE_MAX,
                     NULL, e == EFBIG ? "split the file; rule files are limited to 16 MiB" : NULL,
                     "cannot read rule file: %s",
                     e == EFBIG ? "file too large" : strerror(e));
        return e == ENOMEM ? CC_ERR_NOMEM : CC_ERR_RULES;
    }
    return CC_OK;
}

static char *join_path(const char *a, const char *b)
{
    cc_buf buf = CC_BUF_INIT;
    size_t la = strlen(a);
    cc_buf_append(&buf, a, la);
    if (la && a[la - 1] != '/')
        cc_buf_putc(&buf, '/');
    cc_buf_puts(&buf, b);
    if (buf.err) {
        cc_buf_free(&buf);
        return NULL;
    }
    return cc_buf_take(&buf);
}

/* ====================================================================
 * Packs
 * ==================================================================== */

static int load_packs(cc_ruleset *rs, const char *dir, cc_diags *d, int *errors)
{
    char *ldir = join_path(dir, "lang");
    char **names = NULL;
    long n, i;
    if (!ldir)
        return CC_ERR_NOMEM;
    n = cc_list_dir(ldir, ".yaml", &names);
    if (n < 0) {
        if (errno != ENOENT) {
            cc_diags_add(d, CC_SEV_ERROR, CC_D_IO, ldir, 0, 0, SIZE_MAX, NULL, NULL,
                         "cannot list language packs: %s", strerror(errno));
            (*errors)++;
        }
        cc_free(ldir);
        return errno == ENOMEM ? CC_ERR_NOMEM : CC_OK;
    }
    for (i = 0; i < n; i++) {
        char *path = join_path(ldir, names[i]), *text = NULL;
        size_t len, k;
        cc_lang *l = NULL;
        int rc;
        if (!path) {
            (*errors)++;
            continue;
        }
        rc = read_rule_file(path, &text, &len, d);
        if (rc == CC_OK)
            rc = cc_lang_load(&l, path, text, len, d);
        cc_free(text);
        if (rc != CC_OK) {
            /* remember the code so that claims using it do not each
             * report a missing pack: the pack's own errors say it all */
            char *code = cc_strndup(names[i], strlen(names[i]) - 5);
            if (!code || push_ptr((void ***)&rs->broken, &rs->nbroken, &rs->capbroken, code) != 0)
                cc_free(code);
            (*errors)++;
            cc_free(path);
            continue;
        }
        for (k = 0; k < rs->nlangs; k++)
            if (strcmp(rs->langs[k]->code, l->code) == 0)
                break;
        if (k < rs->nlangs) {
            cc_diags_add(d, CC_SEV_ERROR, CC_D_DUPLICATE, path, 1, 1, 0, NULL,
                         "keep one pack per language code",
                         "language '%s' is already defined in %s", l->code,
                         rs->langs[k]->file);
            (*errors)++;
            cc_lang_free(l);
        } else if (push_ptr((void ***)&rs->langs, &rs->nlangs, &rs->caplangs, l) != 0) {
            cc_lang_free(l);
            (*errors)++;
        }
        cc_free(path);
    }
    for (i = 0; i < n; i++)
        cc_free(names[i]);
    cc_free(names);
    cc_free(ldir);
    return CC_OK;
}

/* ====================================================================
 * Claims
 * ==================================================================== */

typedef struct cloader {
    cc_ruleset *rs;
    ydoc *doc;
} cloader;

static bool is_broken(const cc_ruleset *rs, const char *code)
{
    size_t i;
    for (i = 0; i < rs->nbroken; i++)
        if (strcmp(rs->broken[i], code) == 0)
            return true;
    return false;
}

static bool valid_id(const char *s)
{
    size_t i;
    if (!*s)
        return false;
    for (i = 0; s[i]; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return false;
    return true;
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
static void free_xrule(cc_xrule *x)
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
            free_xrule(x); /* the pattern and its tail are compiled */
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
    if (C->doc->errors != before || push_ptr((void ***)&rs->xr, &rs->nxr, &rs->capxr, x) != 0) {
        free_xrule(x);
        return;
    }
    cl->nextractors++;
}

/* extract: {lang: [extractor...]} of claim cl (index idx). */
static void read_extract(cloader *C, cc_claim *cl, uint32_t idx, const ynode *n)
{
    size_t i, j;
    if (!y_expect(C->doc, n, Y_MAP, "extract"))
        return;
    for (i = 0; i < n->n; i++) {
        const ynode *k = y_key(n, i), *v = y_val(n, i);
        const cc_lang *l = cc_ruleset_find_lang(C->rs, k->s);
        if (!l && is_broken(C->rs, k->s))
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

/* examples: [...] of claim cl. */
static void read_claim_examples(cloader *C, const cc_claim *cl, const ynode *n)
{
    cc_ruleset *rs = C->rs;
    size_t i;
    if (!y_expect(C->doc, n, Y_SEQ, "examples"))
        return;
    for (i = 0; i < n->n; i++) {
        cc_example ex;
        if (!cc_example_parse(C->doc, n->kids[i], true, &ex))
            continue;
        if (!cc_ruleset_find_lang(rs, ex.lang)) {
            if (!is_broken(rs, ex.lang))
                y_error(C->doc, n->kids[i], CC_D_LANG, NULL, "no language pack for '%s'", ex.lang);
            continue;
        }
        ex.claim = cl->id;
        if (rs->nexamples == rs->capexamples) {
            void *v = rs->examples;
            if (cc_grow(&v, &rs->capexamples, rs->nexamples + 1, sizeof(cc_example)) != 0)
                break;
            rs->examples = v;
        }
        rs->examples[rs->nexamples++] = ex;
    }
}

/* A claim: its definition, extractors and examples. */
static void read_claim(cloader *C, const ynode *m)
{
    static const char *const keys[] = {"id",       "description", "unit",      "currency",
                                       "units",    "tolerance",   "scope",     "reference",
                                       "extract",  "examples",    NULL};
    cc_ruleset *rs = C->rs;
    cc_claim *cl;
    const ynode *n, *idn;
    uint32_t idx;
    size_t i;

    y_check_keys(C->doc, m, keys, "a claim");
    cl = cc_arena_alloc(&rs->arena, sizeof *cl);
    if (!cl)
        return;
    cl->file = C->doc->file;
    cl->line = m->line;
    if (!(idn = y_require(C->doc, m, "id", "a claim")) || !(cl->id = y_str(C->doc, idn, "id")))
        return;
    if (!valid_id(cl->id)) {
        y_error(C->doc, idn, CC_D_VALUE, "use lowercase letters, digits and _",
                "bad claim id '%s'", cl->id);
        return;
    }
    for (i = 0; i < rs->nclaims; i++)
        if (strcmp(rs->claims[i]->id, cl->id) == 0) {
            cc_buf hint = CC_BUF_INIT;
            cc_buf_printf(&hint, "the first is at %s:%u", rs->claims[i]->file,
                          (unsigned)rs->claims[i]->line);
            y_error(C->doc, idn, CC_D_DUPLICATE, hint.p, "duplicate claim id '%s'", cl->id);
            cc_buf_free(&hint);
            return;
        }
    if ((n = y_get(m, "description")))
        cl->description = y_str(C->doc, n, "description");
    cl->kind = CC_KIND_MONEY;
    if ((n = y_require(C->doc, m, "unit", "a claim"))) {
        const char *u = y_str(C->doc, n, "unit");
        if (u && strcmp(u, "currency") == 0)
            cl->kind = CC_KIND_MONEY;
        else if (u && cc_kind_from_name(&cl->kind, u) != 0)
            y_error(C->doc, n, CC_D_VALUE, "use currency, percent, count or number",
                    "unknown unit kind '%s'", u);
    }
    if ((n = y_get(m, "currency"))) {
        const char *c = y_str(C->doc, n, "currency");
        if (c && (strlen(c) != 3 || c[0] < 'A' || c[0] > 'Z'))
            y_error(C->doc, n, CC_D_VALUE, "use an ISO 4217 code such as USD",
                    "'%s' is not a currency code", c);
        cl->currency = c;
    }
    if ((n = y_get(m, "units"))) {
        /* count claims: the units that mean the same thing here, the first
         * being the one reported ("users", "people") */
        if (n->type == Y_SCALAR)
            n = NULL, y_error(C->doc, y_get(m, "units"), CC_D_TYPE, "write units: [users, people]",
                              "units must be a list");
        else if (y_expect(C->doc, n, Y_SEQ, "units")) {
            cl->units = cc_arena_alloc(&rs->arena, (n->n + 1) * sizeof(char *));
            for (i = 0; cl->units && i < n->n; i++) {
                const char *u = y_str(C->doc, n->kids[i], "a unit");
                if (u)
                    cl->units[cl->nunits++] = u;
            }
        }
    }
    if ((n = y_get(m, "tolerance"))) {
        if (y_dec(C->doc, n, "tolerance", true, &cl->tolerance) &&
            (cl->tolerance.neg || cc_dec_cmp(cl->tolerance, cc_dec_from_u64(1)) > 0))
            y_error(C->doc, n, CC_D_VALUE, "write a fraction such as 0.01, or 1%",
                    "tolerance must be between 0 and 1 (100%%)");
    }
    if ((n = y_get(m, "scope"))) {
        /* a fixed scope ("2024"), or {from: date, period: year|quarter|month} */
        if (n->type == Y_MAP) {
            static const char *const skeys[] = {"from", "period", NULL};
            const ynode *f = y_get(n, "from"), *p = y_get(n, "period");
            y_check_keys(C->doc, n, skeys, "a scope");
            if (!f || f->type != Y_SCALAR || strcmp(f->s, "date") != 0)
                y_error(C->doc, f ? f : n, CC_D_VALUE, "write scope: {from: date, period: quarter}",
                        "a scope mapping takes from: date");
            else if (!p || p->type != Y_SCALAR)
                y_error(C->doc, n, CC_D_MISSING_KEY, "add period: year, quarter or month",
                        "a date scope needs a period");
            else if (!strcmp(p->s, "year"))
                cl->scope_period = CC_SCOPE_YEAR;
            else if (!strcmp(p->s, "quarter"))
                cl->scope_period = CC_SCOPE_QUARTER;
            else if (!strcmp(p->s, "month"))
                cl->scope_period = CC_SCOPE_MONTH;
            else
                y_error(C->doc, p, CC_D_VALUE, "use year, quarter or month",
                        "unknown period '%s'", p->s);
        } else {
            cl->scope = y_str(C->doc, n, "scope");
        }
    }
    if ((n = y_get(m, "reference"))) {
        /* {value: 13e9} or {low: ..., high: ...}, with source and date */
        static const char *const rkeys[] = {"value", "low", "high", "source", "date", NULL};
        const ynode *v;
        if (y_expect(C->doc, n, Y_MAP, "reference")) {
            cc_dec lo, hi;
            bool ok = true;
            y_check_keys(C->doc, n, rkeys, "a reference");
            memset(&cl->reference, 0, sizeof cl->reference);
            if ((v = y_get(n, "value"))) {
                ok = y_dec(C->doc, v, "value", false, &lo);
                hi = lo;
                cl->reference = cc_interval_range(lo, hi);
            } else if (y_get(n, "low") || y_get(n, "high")) {
                cl->reference.lo_inf = 1;
                cl->reference.hi_inf = 1;
                if ((v = y_get(n, "low"))) {
                    ok = y_dec(C->doc, v, "low", false, &cl->reference.lo) && ok;
                    cl->reference.lo_inf = 0;
                }
                if ((v = y_get(n, "high"))) {
                    ok = y_dec(C->doc, v, "high", false, &cl->reference.hi) && ok;
                    cl->reference.hi_inf = 0;
                }
                if (ok && !cl->reference.lo_inf && !cl->reference.hi_inf &&
                    cc_dec_cmp(cl->reference.lo, cl->reference.hi) > 0) {
                    y_error(C->doc, n, CC_D_VALUE, NULL, "reference low is above high");
                    ok = false;
                }
            } else {
                y_error(C->doc, n, CC_D_MISSING_KEY, "add value:, or low: and/or high:",
                        "a reference needs a value or bounds");
                ok = false;
            }
            if ((v = y_get(n, "source")))
                cl->reference_source = y_str(C->doc, v, "source");
            if ((v = y_get(n, "date")) && (cl->reference_date = y_str(C->doc, v, "date"))) {
                char fix[11], why[96], hint[64];
                const char *bad = cc_date_check(cl->reference_date, fix, why, sizeof why);
                if (bad) {
                    if (fix[0])
                        snprintf(hint, sizeof hint, "write date: %s", fix);
                    else
                        snprintf(hint, sizeof hint, "write a date YYYY-MM-DD, e.g. date: 2024-10-02");
                    y_error(C->doc, v, CC_D_VALUE, hint, "reference date '%s' %s",
                            cl->reference_date, bad);
                }
            }
            cl->has_reference = ok;
        }
    }
    idx = (uint32_t)rs->nclaims;
    if ((n = y_require(C->doc, m, "extract", "a claim")))
        read_extract(C, cl, idx, n);
    if ((n = y_get(m, "examples")))
        read_claim_examples(C, cl, n);
    push_ptr((void ***)&rs->claims, &rs->nclaims, &rs->capclaims, cl);
}


/* extends: <id>: more extractors and examples for a claim defined in
 * another file, so that a new language is one file of its own. */
static void read_extension(cloader *C, const ynode *m)
{
    static const char *const keys[] = {"extends", "extract", "examples", NULL};
    cc_ruleset *rs = C->rs;
    const ynode *idn = y_get(m, "extends"), *n;
    const char *id = y_str(C->doc, idn, "extends");
    size_t i;
    y_check_keys(C->doc, m, keys, "a claim extension");
    if (!id)
        return;
    for (i = 0; i < rs->nclaims; i++)
        if (strcmp(rs->claims[i]->id, id) == 0)
            break;
    if (i == rs->nclaims) {
        const char *best = NULL;
        size_t bestd = 4, k;
        cc_buf hint = CC_BUF_INIT;
        for (k = 0; k < rs->nclaims; k++) {
            size_t dd = cc_edit_distance(id, rs->claims[k]->id, 3);
            if (dd < bestd) {
                bestd = dd;
                best = rs->claims[k]->id;
            }
        }
        if (best)
            cc_buf_printf(&hint, "did you mean '%s'?", best);
        y_error(C->doc, idn, CC_D_MISSING_KEY, best ? hint.p : "define the claim with id: first",
                "extends an unknown claim '%s'", id);
        cc_buf_free(&hint);
        return;
    }
    if ((n = y_get(m, "extract")))
        read_extract(C, rs->claims[i], (uint32_t)i, n);
    if ((n = y_get(m, "examples")))
        read_claim_examples(C, rs->claims[i], n);
}

/* A parsed claim file, kept until every file's definitions are read so
 * that extensions can refer to claims of any file. */
typedef struct cfile {
    ydoc doc;
    char *text;
    int ok;
} cfile;

/* Parses f->text (owned by f) as a claim file. */
static int parse_claim_text(cc_ruleset *rs, const char *path, cfile *f, size_t len, cc_diags *d)
{
    /* nodes and the file name live in the ruleset's arena */
    const char *fpath = cc_arena_strdup(&rs->arena, path);
    int rc = cc_ydoc_parse_diags(&f->doc, &rs->arena, fpath ? fpath : path, f->text, len, d);
    if (rc == CC_OK) {
        static const char *const keys[] = {"claims", NULL};
        const ynode *root = f->doc.root, *list;
        if (y_expect(&f->doc, root, Y_MAP, "a claim file")) {
            y_check_keys(&f->doc, root, keys, "a claim file");
            if ((list = y_require(&f->doc, root, "claims", "a claim file")))
                y_expect(&f->doc, list, Y_SEQ, "claims");
        }
        f->ok = f->doc.errors == 0;
    }
    return rc;
}

static int parse_claim_file(cc_ruleset *rs, const char *path, cfile *f, cc_diags *d)
{
    size_t len;
    int rc = read_rule_file(path, &f->text, &len, d);
    return rc == CC_OK ? parse_claim_text(rs, path, f, len, d) : rc;
}

/* Reads the entries of f: pass 0 the claims (id:), pass 1 the extensions
 * (extends:). */
static void read_claim_file(cc_ruleset *rs, cfile *f, int pass)
{
    const ynode *list = y_get(f->doc.root, "claims");
    cloader C;
    size_t i;
    C.rs = rs;
    C.doc = &f->doc;
    for (i = 0; list && i < list->n; i++) {
        const ynode *m = list->kids[i];
        bool ext;
        if (pass == 0 && !y_expect(&f->doc, m, Y_MAP, "a claim"))
            continue;
        if (m->type != Y_MAP)
            continue;
        ext = y_get(m, "extends") != NULL;
        if (pass == 0 && ext && y_get(m, "id")) {
            y_error(&f->doc, y_get(m, "extends"), CC_D_VALUE,
                    "a claim is either defined (id:) or extended (extends:)",
                    "a claim cannot have both id: and extends:");
            continue;
        }
        if (pass == 0 && !ext)
            read_claim(&C, m);
        else if (pass == 1 && ext)
            read_extension(&C, m);
    }
}

/* Reads the claims of the parsed files, then their extensions, and frees
 * the files' documents and texts. */
static void read_claim_files(cc_ruleset *rs, cfile *files, size_t nfiles, int *errors)
{
    size_t i;
    int pass;
    for (pass = 0; pass < 2; pass++)
        for (i = 0; i < nfiles; i++)
            if (files[i].ok)
                read_claim_file(rs, &files[i], pass);
    for (i = 0; i < nfiles; i++) {
        if (files[i].doc.errors)
            (*errors)++;
        cc_ydoc_free(&files[i].doc);
        cc_free(files[i].text);
    }
}

static int load_claims(cc_ruleset *rs, const char *const *dirs, size_t ndirs, cc_diags *d,
                       int *errors)
{
    cfile *files = NULL;
    size_t nfiles = 0, cap = 0, k, i;
    for (k = 0; k < ndirs; k++) {
        char *cdir = join_path(dirs[k], "claims");
        char **names = NULL;
        long n;
        if (!cdir)
            return CC_ERR_NOMEM;
        n = cc_list_dir(cdir, ".yaml", &names);
        if (n < 0) {
            if (errno != ENOENT) {
                cc_diags_add(d, CC_SEV_ERROR, CC_D_IO, cdir, 0, 0, SIZE_MAX, NULL, NULL,
                             "cannot list claim rules: %s", strerror(errno));
                (*errors)++;
            }
            n = 0;
        }
        for (i = 0; i < (size_t)n; i++) {
            char *path = join_path(cdir, names[i]);
            if (nfiles == cap) {
                void *v = files;
                if (cc_grow(&v, &cap, nfiles + 1, sizeof(cfile)) != 0) {
                    cc_free(path);
                    (*errors)++;
                    break;
                }
                files = v;
            }
            memset(&files[nfiles], 0, sizeof(cfile));
            if (!path || parse_claim_file(rs, path, &files[nfiles], d) != CC_OK)
                (*errors)++;
            nfiles++;
            cc_free(path);
        }
        for (i = 0; i < (size_t)(n > 0 ? n : 0); i++)
            cc_free(names[i]);
        cc_free(names);
        cc_free(cdir);
    }
    read_claim_files(rs, files, nfiles, errors);
    cc_free(files);
    return CC_OK;
}

/* ====================================================================
 * Detection index
 * ==================================================================== */

static uint32_t detindex_hash_word(const char *w)
{
    uint32_t h = (uint32_t)cc_hash_str(w);
    return h ? h : 1;
}

static uint32_t detindex_hash_cp(uint32_t cp)
{
    uint32_t h = (cp + 1) * 2654435761u;
    h ^= h >> 15;
    return h ? h : 1;
}

/* The slot of a key: its entry, or the empty slot where it would go.
 * Only looks: detection threads share the table. */
static cc_detent *detindex_slot(const cc_detindex *ix, const char *word, uint32_t cp, uint32_t h)
{
    size_t i;
    for (i = h & ix->mask;; i = (i + 1) & ix->mask) {
        cc_detent *e = &ix->slots[i];
        if (!e->hash)
            return e;
        if (e->hash == h && e->cp == cp &&
            (word ? e->word && strcmp(e->word, word) == 0 : !e->word))
            return e;
    }
}

const cc_detent *cc_detindex_find(const cc_detindex *ix, const char *word, uint32_t cp)
{
    const cc_detent *e;
    if (!ix->slots)
        return NULL;
    e = detindex_slot(ix, word, cp, word ? detindex_hash_word(word) : detindex_hash_cp(cp));
    return e->hash ? e : NULL;
}

/* Pass 0 counts the packs of each key (first holds the last pack seen,
 * plus one, so that a key listed twice in one pack counts once, as it
 * scored once); pass 1 places them. */
static void detindex_add(cc_detindex *ix, const char *word, uint32_t cp, uint32_t pack, int pass)
{
    uint32_t h = word ? detindex_hash_word(word) : detindex_hash_cp(cp);
    cc_detent *e = detindex_slot(ix, word, cp, h);
    if (!e->hash) {
        e->hash = h;
        e->word = word;
        e->cp = cp;
    }
    if (pass == 0) {
        if (e->first != pack + 1) {
            e->first = pack + 1;
            e->n++;
        }
    } else if (e->n == 0 || ix->packs[e->first + e->n - 1] != pack) {
        ix->packs[e->first + e->n++] = pack;
    }
}

static int build_detindex(cc_ruleset *rs)
{
    cc_detindex *ix = &rs->detect;
    size_t keys = 0, size = 16, i, k;
    uint32_t off = 0;
    int pass;
    for (i = 0; i < rs->nlangs; i++)
        keys += rs->langs[i]->detect.nwords + rs->langs[i]->detect.nchars;
    while (size < 2 * keys)
        size *= 2;
    ix->slots = cc_arena_alloc(&rs->arena, size * sizeof *ix->slots);
    ix->packs = cc_arena_alloc(&rs->arena, (keys + 1) * sizeof *ix->packs);
    ix->ranged = cc_arena_alloc(&rs->arena, (rs->nlangs + 1) * sizeof *ix->ranged);
    if (!ix->slots || !ix->packs || !ix->ranged)
        return CC_ERR_NOMEM;
    for (i = 0; i < rs->nlangs; i++)
        if (rs->langs[i]->detect.nranges)
            ix->ranged[ix->nranged++] = (uint32_t)i;
    ix->mask = size - 1;
    for (pass = 0; pass < 2; pass++) {
        for (i = 0; i < rs->nlangs; i++) {
            const cc_detectdata *dd = &rs->langs[i]->detect;
            for (k = 0; k < dd->nwords; k++)
                detindex_add(ix, dd->words[k], 0, (uint32_t)i, pass);
            for (k = 0; k < dd->nchars; k++)
                detindex_add(ix, NULL, dd->chars[k], (uint32_t)i, pass);
        }
        if (pass == 1)
            break;
        for (i = 0; i < size; i++)
            if (ix->slots[i].hash) {
                ix->slots[i].first = off;
                off += ix->slots[i].n;
                ix->slots[i].n = 0;
            }
    }
    return CC_OK;
}

/* ====================================================================
 * Ruleset
 * ==================================================================== */

static cc_ruleset *ruleset_new(void)
{
    cc_ruleset *rs = cc_calloc(1, sizeof *rs);
    if (!rs)
        return NULL;
    if (pthread_mutex_init(&rs->jit_lock, NULL) != 0) {
        cc_free(rs);
        return NULL;
    }
    cc_ruleset_use_jit(rs, false); /* CC_JIT may say otherwise */
    return rs;
}

/* Checks what was loaded and builds the indices; frees rs on failure. */
static int ruleset_finish(cc_ruleset **out, cc_ruleset *rs, const char *dir, int errors,
                          cc_diags *d)
{
    size_t i;
    if (!errors && rs->nlangs == 0) {
        cc_diags_add(d, CC_SEV_ERROR, CC_D_IO, dir, 0, 0, SIZE_MAX, NULL,
                     "point --rules at a directory with lang/*.yaml (and claims/*.yaml)",
                     "no language packs found");
        errors++;
    }
    if (errors || cc_diags_dropped(d)) {
        cc_ruleset_free(rs);
        return CC_ERR_RULES;
    }
    /* extractors by language, in claim order */
    rs->bylang = cc_arena_alloc(&rs->arena, (rs->nlangs + 1) * sizeof(cc_xlist));
    if (!rs->bylang) {
        cc_ruleset_free(rs);
        return CC_ERR_NOMEM;
    }
    for (i = 0; i < rs->nlangs; i++) {
        size_t j, n = 0;
        for (j = 0; j < rs->nxr; j++)
            n += rs->xr[j]->lang == rs->langs[i];
        rs->bylang[i].v = cc_arena_alloc(&rs->arena, (n + 1) * sizeof(cc_xrule *));
        if (!rs->bylang[i].v) {
            cc_ruleset_free(rs);
            return CC_ERR_NOMEM;
        }
        for (j = 0; j < rs->nxr; j++)
            if (rs->xr[j]->lang == rs->langs[i])
                rs->bylang[i].v[rs->bylang[i].n++] = rs->xr[j];
        if (cc_lang_max_captures(rs->langs[i]) > rs->maxcap)
            rs->maxcap = cc_lang_max_captures(rs->langs[i]);
    }
    if (build_detindex(rs) != CC_OK) {
        cc_ruleset_free(rs);
        return CC_ERR_NOMEM;
    }
    *out = rs;
    return CC_OK;
}

int cc_ruleset_load(cc_ruleset **out, const char *const *dirs, size_t ndirs, cc_diags *d)
{
    cc_ruleset *rs = ruleset_new();
    int errors = 0;
    size_t i;

    *out = NULL;
    if (!rs)
        return CC_ERR_NOMEM;
    for (i = 0; i < ndirs; i++)
        load_packs(rs, dirs[i], d, &errors);
    load_claims(rs, dirs, ndirs, d, &errors);
    return ruleset_finish(out, rs, ndirs ? dirs[0] : NULL, errors, d);
}

int cc_ruleset_load_text(cc_ruleset **out, cc_lang *const *packs, size_t npacks,
                         const char *path, const char *text, size_t len, cc_diags *d)
{
    cc_ruleset *rs = ruleset_new();
    cfile f;
    int errors = 0;
    size_t i;

    *out = NULL;
    if (!rs)
        return CC_ERR_NOMEM;
    rs->borrowed_langs = true;
    for (i = 0; i < npacks; i++)
        if (push_ptr((void ***)&rs->langs, &rs->nlangs, &rs->caplangs, packs[i]) != 0) {
            cc_ruleset_free(rs);
            return CC_ERR_NOMEM;
        }
    memset(&f, 0, sizeof f);
    if (!(f.text = cc_malloc(len + 1))) {
        cc_ruleset_free(rs);
        return CC_ERR_NOMEM;
    }
    if (len)
        memcpy(f.text, text, len);
    f.text[len] = '\0';
    if (parse_claim_text(rs, path, &f, len, d) != CC_OK)
        errors++;
    read_claim_files(rs, &f, 1, &errors);
    return ruleset_finish(out, rs, path, errors, d);
}

void cc_ruleset_free(cc_ruleset *rs)
{
    size_t i;
    if (!rs)
        return;
    for (i = 0; i < rs->nxr; i++)
        free_xrule(rs->xr[i]);
    for (i = 0; i < rs->nlangs && !rs->borrowed_langs; i++)
        cc_lang_free(rs->langs[i]);
    cc_free(rs->langs);
    cc_free(rs->claims);
    cc_free(rs->xr);
    cc_free(rs->examples);
    for (i = 0; i < rs->nbroken; i++)
        cc_free(rs->broken[i]);
    cc_free(rs->broken);
    cc_arena_free(&rs->arena);
    pthread_mutex_destroy(&rs->jit_lock);
    cc_free(rs);
}

void cc_ruleset_use_jit(const cc_ruleset *rs, bool on)
{
    const char *env = getenv("CC_JIT");
    if (env && strcmp(env, "always") == 0)
        on = true;
    else if (env && strcmp(env, "never") == 0)
        on = false;
    atomic_store(&((cc_ruleset *)rs)->jit, on);
}

void cc_ruleset_ready(const cc_ruleset *crs, const cc_lang *cl)
{
    cc_ruleset *rs = (cc_ruleset *)crs; /* a cache filled on first use */
    cc_lang *l = (cc_lang *)cl;
    long li;
    size_t i, j;
    if (atomic_load_explicit(&l->ready, memory_order_acquire) || !atomic_load(&rs->jit))
        return;
    pthread_mutex_lock(&rs->jit_lock);
    if (!atomic_load_explicit(&l->ready, memory_order_relaxed)) {
        cc_lang_jit(l);
        li = cc_ruleset_lang_index(rs, l);
        for (i = 0; li >= 0 && rs->bylang && i < rs->bylang[li].n; i++) {
            cc_xrule *x = rs->bylang[li].v[i];
            /* with a tail, the whole pattern is never matched */
            if (x->type == CC_X_PATTERN && !x->has_tail)
                cc_rx_jit(&x->rx);
            cc_rx_jit(&x->tail);
            for (j = 0; j < x->nnear; j++)
                cc_rx_jit(&x->near[j].rx);
            for (j = 0; j < x->nnot; j++)
                cc_rx_jit(&x->not_near[j].rx);
        }
        atomic_store_explicit(&l->ready, 1, memory_order_release);
    }
    pthread_mutex_unlock(&rs->jit_lock);
}

size_t cc_ruleset_nlangs(const cc_ruleset *rs)
{
    return rs->nlangs;
}

const cc_lang *cc_ruleset_lang(const cc_ruleset *rs, size_t i)
{
    return i < rs->nlangs ? rs->langs[i] : NULL;
}

const cc_lang *cc_ruleset_find_lang(const cc_ruleset *rs, const char *code)
{
    size_t i;
    for (i = 0; i < rs->nlangs; i++)
        if (strcmp(rs->langs[i]->code, code) == 0)
            return rs->langs[i];
    return NULL;
}

long cc_ruleset_lang_index(const cc_ruleset *rs, const cc_lang *l)
{
    size_t i;
    for (i = 0; i < rs->nlangs; i++)
        if (rs->langs[i] == l)
            return (long)i;
    return -1;
}

size_t cc_ruleset_nclaims(const cc_ruleset *rs)
{
    return rs->nclaims;
}

const cc_claim *cc_ruleset_claim(const cc_ruleset *rs, size_t i)
{
    return i < rs->nclaims ? rs->claims[i] : NULL;
}

const cc_claim *cc_ruleset_find_claim(const cc_ruleset *rs, const char *id)
{
    size_t i;
    for (i = 0; i < rs->nclaims; i++)
        if (strcmp(rs->claims[i]->id, id) == 0)
            return rs->claims[i];
    return NULL;
}

void cc_ruleset_each_pattern(const cc_ruleset *rs,
                             void (*fn)(void *ud, const char *lang, const char *claim,
                                        const char *pattern),
                             void *ud)
{
    size_t i;
    for (i = 0; i < rs->nxr; i++) {
        const cc_xrule *x = rs->xr[i];
        if (x->type == CC_X_PATTERN) {
            fn(ud, x->lang->code, x->claim->id, x->expanded);
        } else {
            /* a context rule runs the pack's scanner */
            cc_buf q = CC_BUF_INIT;
            cc_buf_puts(&q, "(*UTF)(*UCP)(?Ji)");
            cc_buf_puts(&q, cc_lang_macro(x->lang, "quantity"));
            cc_buf_puts(&q, x->lang->defines);
            fn(ud, x->lang->code, x->claim->id, q.p ? q.p : "");
            cc_buf_free(&q);
        }
    }
}
