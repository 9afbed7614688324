/*
 * lang.c: language packs (rule-loading stage).
 *
 * In: a pack's YAML (rules/lang/<code>.yaml). Out: a cc_lang holding
 *   - classifiers: each word list compiled as one alternation with a capture
 *     group per form, so one match says which entry a word is;
 *   - macros: %{number}, %{money}, %{percent}, %{count}, %{quantity} and the
 *     pack's own, assembled from the word lists (see assemble_macros for the
 *     grammar), and the compiled %{quantity} scanner;
 *   - the numeral evaluator and the interpreter that turns a match's named
 *     groups into a cc_quantity with an exact value and an interval.
 *
 * Word lists are YAML lists whose items are literal forms ("milliárd",
 * "több mint") or regular expressions written between slashes
 * ("/milliárd\w*\/"). Literal spaces match any white space.
 */
#include "lang_priv.h"

#include "alloc.h"
#include "uni.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* ====================================================================
 * Word lists
 * ==================================================================== */

typedef struct form {
    const char *re; /* regex text of one form (arena) */
    size_t sortlen; /* longer forms are tried first */
    uint32_t entry; /* index of the entry the form belongs to */
    uint32_t seq;   /* insertion order, for a stable sort */
} form;

typedef struct formvec {
    form *v;
    size_t n, cap;
} formvec;

typedef struct loader {
    ydoc *doc;
    cc_lang *l;
} loader;

enum { F_GUARD = 1 }; /* literal forms ending in a letter must end a word */

static bool ends_with_letter(const char *s, size_t n)
{
    size_t i = n;
    uint32_t cp;
    if (n == 0)
        return false;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i > 0)
        i--;
    if (cc_utf8_decode(s + i, s + n, &cp) < 0)
        return false;
    return cc_uni_is_letter(cp) || cc_uni_is_digit(cp);
}

static int push_form(formvec *fv, const char *re, size_t sortlen, uint32_t entry)
{
    if (fv->n == fv->cap) {
        void *v = fv->v;
        if (cc_grow(&v, &fv->cap, fv->n + 1, sizeof(form)) != 0)
            return -1;
        fv->v = v;
    }
    fv->v[fv->n].re = re;
    fv->v[fv->n].sortlen = sortlen;
    fv->v[fv->n].entry = entry;
    fv->v[fv->n].seq = (uint32_t)fv->n;
    fv->n++;
    return 0;
}

/* Adds every form of list (a YAML list of strings, or one string) to fv as
 * belonging to entry. */
static void add_forms(loader *L, const ynode *list, const char *what, uint32_t entry,
                      formvec *fv, int flags)
{
    size_t i, count;
    const ynode *const *items;
    const ynode *single[1];

    if (!list)
        return;
    if (list->type == Y_SCALAR) {
        single[0] = list;
        items = single;
        count = 1;
    } else if (list->type == Y_SEQ) {
        items = (const ynode *const *)list->kids;
        count = list->n;
    } else {
        y_expect(L->doc, list, Y_SEQ, what);
        return;
    }
    for (i = 0; i < count; i++) {
        const ynode *it = items[i];
        cc_buf b = CC_BUF_INIT;
        char *re;
        if (!y_expect(L->doc, it, Y_SCALAR, what))
            continue;
        if (it->len >= 2 && it->s[0] == '/' && it->s[it->len - 1] == '/') {
            /* a regular expression: it must compile alone and capture nothing */
            cc_rx rx;
            char msg[256];
            size_t off;
            if (cc_rx_compile(&rx, it->s + 1, it->len - 2, PCRE2_CASELESS, msg, sizeof msg,
                              &off) != 0) {
                y_error_at(L->doc, it, off + 1, CC_D_PATTERN, NULL,
                           "bad regular expression in %s: %s", what, msg);
                continue;
            }
            if (rx.ncap) {
                y_error(L->doc, it, CC_D_GROUP, "write (?:...) instead of (...)",
                        "a form in %s must not contain capture groups", what);
                cc_rx_free(&rx);
                continue;
            }
            cc_rx_free(&rx);
            cc_buf_append(&b, it->s + 1, it->len - 2);
        } else {
            if (it->len == 0) {
                y_error(L->doc, it, CC_D_VALUE, NULL, "empty form in %s", what);
                continue;
            }
            cc_rx_escape(&b, it->s, it->len);
            if ((flags & F_GUARD) && L->l->spacing && ends_with_letter(it->s, it->len))
                cc_buf_puts(&b, "(?![\\p{L}\\p{N}])");
        }
        if (b.err) {
            cc_buf_free(&b);
            y_error(L->doc, it, CC_D_NOMEM, NULL, "out of memory");
            continue;
        }
        re = cc_arena_strndup(&L->l->arena, b.p, b.len);
        cc_buf_free(&b);
        if (!re || push_form(fv, re, it->len, entry) != 0)
            y_error(L->doc, it, CC_D_NOMEM, NULL, "out of memory");
    }
}

static int cmp_form(const void *a, const void *b)
{
    const form *x = a, *y = b;
    if (x->sortlen != y->sortlen)
        return x->sortlen > y->sortlen ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* "(?:f1|f2|...)", longest forms first; "(?!)" when empty (never matches).
 * With groups, each form is its own capture group, followed by a callout
 * that lets the classifier see every form that matches (longest()). */
static const char *alternation(cc_arena *a, formvec *fv, bool groups)
{
    cc_buf b = CC_BUF_INIT;
    size_t i;
    const char *r;
    if (fv->n == 0)
        return "(?!)";
    qsort(fv->v, fv->n, sizeof(form), cmp_form);
    cc_buf_puts(&b, "(?:");
    for (i = 0; i < fv->n; i++) {
        if (i)
            cc_buf_putc(&b, '|');
        if (groups)
            cc_buf_putc(&b, '(');
        cc_buf_puts(&b, fv->v[i].re);
        if (groups)
            cc_buf_printf(&b, ")(?C%d)", CC_CALLOUT_FORM);
    }
    cc_buf_putc(&b, ')');
    r = b.err ? NULL : cc_arena_strndup(a, b.p, b.len);
    cc_buf_free(&b);
    return r;
}

static int build_classifier(loader *L, cc_classifier *c, formvec *fv)
{
    const char *alt;
    char msg[256];
    size_t off, i;

    memset(c, 0, sizeof *c);
    if (fv->n == 0)
        return 0;
    alt = alternation(&L->l->arena, fv, true);
    if (!alt)
        return -1;
    c->nforms = fv->n;
    c->entry = cc_arena_alloc(&L->l->arena, (fv->n + 1) * sizeof(uint32_t));
    if (!c->entry)
        return -1;
    for (i = 0; i < fv->n; i++)
        c->entry[i + 1] = fv->v[i].entry;
    if (cc_rx_compile(&c->prefix, alt, strlen(alt), PCRE2_CASELESS | PCRE2_ANCHORED, msg,
                      sizeof msg, &off) != 0) {
        y_error(L->doc, NULL, CC_D_PATTERN, NULL, "word list does not compile: %s", msg);
        return -1;
    }
    return 0;
}

static void free_classifier(cc_classifier *c)
{
    cc_rx_free(&c->prefix);
}

typedef struct form_match {
    size_t limit;  /* the group's end */
    bool exact;    /* the form must end at limit, not before */
    size_t end;
    uint32_t group; /* 0: none yet */
} form_match;

/* Called after each form matched: remembers the best and fails, so that
 * PCRE2 goes on to try every other form (and every other length of a regex
 * form). Exact: the first form (in list order) ending at the limit; else
 * the longest ending at or before it. */
static int form_seen(pcre2_callout_block *cb, void *data)
{
    form_match *m = data;
    size_t pos = cb->current_position;
    if (cb->callout_number != CC_CALLOUT_FORM || !cb->capture_last)
        return 1;
    if (m->exact ? pos == m->limit && !m->group
                 : pos <= m->limit && (!m->group || pos > m->end)) {
        m->end = pos;
        m->group = cb->capture_last;
    }
    return 1;
}

/* Entry index of the form matching exactly s[start..end) (exact) or of the
 * longest form matching at start within it; -1 when none. *mend gets the
 * match end. The subject runs to len, past the group, so that a form's
 * lookarounds see the same text as the pattern that found the group did
 * ("M" for million only before "€"). A pack can list "две" and "двести"
 * in any order. */
static long classify(const cc_classifier *c, cc_rxctx *x, const char *s, size_t len,
                     size_t start, size_t end, bool exact, size_t *mend)
{
    form_match m = {end, exact, 0, 0};
    int rc;
    if (!c->nforms || start >= end)
        return -1;
    rc = cc_rx_match_callout(&c->prefix, x, x->aux, s, len, start, PCRE2_NO_UTF_CHECK,
                             form_seen, &m);
    if (rc != PCRE2_ERROR_NOMATCH && rc < 0)
        return -1;
    if (!m.group || m.group > c->nforms)
        return -1;
    if (mend)
        *mend = m.end;
    return (long)c->entry[m.group];
}

/* ====================================================================
 * Reading the pack
 * ==================================================================== */

enum { CC_MAX_BETWEEN = 8 }; /* {open, separator} pairs in ranges.between */

typedef struct lists {
    formvec words, joiners, scales, cursym, curword, pctpre, pctpost, counts;
    formvec qpre, qpost, rsep, vague;
    formvec bopen[CC_MAX_BETWEEN], bsep[CC_MAX_BETWEEN]; /* paired */
    size_t nbetween;
    formvec c_units; /* everything that can fill the unit group */
    formvec c_quals;
    formvec c_words; /* number words and joiners */
    formvec shared;  /* shared_unit */
    const char *unit_join, *percent_join;
} lists;

static void free_lists(lists *ls)
{
    formvec *all[] = {&ls->words, &ls->joiners, &ls->scales, &ls->cursym, &ls->curword,
                      &ls->pctpre, &ls->pctpost, &ls->counts, &ls->qpre, &ls->qpost,
                      &ls->rsep, &ls->vague, &ls->c_units, &ls->c_quals, &ls->c_words,
                      &ls->shared};
    size_t i;
    for (i = 0; i < sizeof all / sizeof all[0]; i++)
        cc_free(all[i]->v);
    for (i = 0; i < CC_MAX_BETWEEN; i++) {
        cc_free(ls->bopen[i].v);
        cc_free(ls->bsep[i].v);
    }
}

static bool read_sep_list(loader *L, const ynode *n, const char *what, char out[8][8],
                          size_t *count)
{
    size_t i;
    *count = 0;
    if (!n)
        return true;
    if (!y_expect(L->doc, n, Y_SEQ, what))
        return false;
    for (i = 0; i < n->n; i++) {
        const char *s = y_str(L->doc, n->kids[i], what);
        if (!s)
            continue;
        if (*count == 8 || n->kids[i]->len == 0 || n->kids[i]->len > 7) {
            y_error(L->doc, n->kids[i], CC_D_VALUE, "use at most 8 separators of 1-7 bytes",
                    "bad separator in %s", what);
            continue;
        }
        memcpy(out[*count], s, n->kids[i]->len + 1);
        (*count)++;
    }
    return true;
}

static void read_numbers(loader *L, const ynode *n, lists *ls)
{
    static const char *const keys[] = {"decimal", "group", "words", "joiners", NULL};
    const ynode *w;
    size_t i;
    cc_lang *l = L->l;
    if (!n)
        return;
    if (!y_expect(L->doc, n, Y_MAP, "numbers"))
        return;
    y_check_keys(L->doc, n, keys, "numbers");
    read_sep_list(L, y_get(n, "decimal"), "numbers.decimal", l->decimal, &l->ndecimal);
    read_sep_list(L, y_get(n, "group"), "numbers.group", l->group, &l->ngroup);
    if ((w = y_get(n, "words"))) {
        static const char *const wkeys[] = {"value", "forms", "multiplier", NULL};
        if (y_expect(L->doc, w, Y_SEQ, "numbers.words")) {
            l->words = cc_arena_alloc(&l->arena, (w->n + 1) * sizeof(cc_numword));
            for (i = 0; l->words && i < w->n; i++) {
                const ynode *e = w->kids[i], *v, *m;
                cc_numword *nw = &l->words[l->nwords];
                if (!y_expect(L->doc, e, Y_MAP, "a number word"))
                    continue;
                y_check_keys(L->doc, e, wkeys, "a number word");
                if ((v = y_require(L->doc, e, "value", "a number word")))
                    y_dec(L->doc, v, "value", false, &nw->value);
                if ((m = y_get(e, "multiplier"))) {
                    bool b;
                    if (y_bool(m, &b))
                        nw->mult = b;
                    else
                        y_error(L->doc, m, CC_D_TYPE, NULL, "multiplier must be true or false");
                }
                add_forms(L, y_require(L->doc, e, "forms", "a number word"), "forms",
                          (uint32_t)l->nwords, &ls->words, 0);
                l->nwords++;
            }
        }
    }
    if ((w = y_get(n, "joiners"))) {
        /* joiners are entries with no value, after the number words */
        cc_numword *grown = cc_arena_alloc(&l->arena, (l->nwords + 1) * sizeof(cc_numword));
        if (grown) {
            if (l->nwords)
                memcpy(grown, l->words, l->nwords * sizeof(cc_numword));
            grown[l->nwords].joiner = 1;
            l->words = grown;
            add_forms(L, w, "numbers.joiners", (uint32_t)l->nwords, &ls->joiners, F_GUARD);
            l->nwords++;
        }
    }
}

static void read_scales(loader *L, const ynode *n, lists *ls)
{
    static const char *const keys[] = {"value", "forms", NULL};
    cc_lang *l = L->l;
    size_t i;
    if (!n || !y_expect(L->doc, n, Y_SEQ, "scales"))
        return;
    l->scales = cc_arena_alloc(&l->arena, (n->n + 1) * sizeof(cc_dec));
    for (i = 0; l->scales && i < n->n; i++) {
        const ynode *e = n->kids[i], *v;
        if (!y_expect(L->doc, e, Y_MAP, "a scale"))
            continue;
        y_check_keys(L->doc, e, keys, "a scale");
        if ((v = y_require(L->doc, e, "value", "a scale")))
            y_dec(L->doc, v, "value", false, &l->scales[l->nscales]);
        add_forms(L, y_require(L->doc, e, "forms", "a scale"), "forms", (uint32_t)l->nscales,
                  &ls->scales, F_GUARD);
        l->nscales++;
    }
}

static int add_unit(cc_lang *l, cc_kind kind, const char *unit, size_t *cap)
{
    if (l->nunits == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        cc_unitent *u = cc_arena_alloc(&l->arena, ncap * sizeof(cc_unitent));
        if (!u)
            return -1;
        if (l->nunits)
            memcpy(u, l->units, l->nunits * sizeof(cc_unitent));
        l->units = u;
        *cap = ncap;
    }
    l->units[l->nunits].kind = kind;
    l->units[l->nunits].unit = unit;
    l->nunits++;
    return 0;
}

static bool valid_currency_code(const char *s)
{
    return strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
           s[2] >= 'A' && s[2] <= 'Z';
}

static void read_units(loader *L, const ynode *root, lists *ls)
{
    cc_lang *l = L->l;
    size_t cap = 0, i;
    const ynode *n;

    if ((n = y_get(root, "currencies")) && y_expect(L->doc, n, Y_SEQ, "currencies")) {
        static const char *const keys[] = {"code", "symbols", "words", NULL};
        for (i = 0; i < n->n; i++) {
            const ynode *e = n->kids[i], *c;
            const char *code = NULL;
            uint32_t idx = (uint32_t)l->nunits;
            if (!y_expect(L->doc, e, Y_MAP, "a currency"))
                continue;
            y_check_keys(L->doc, e, keys, "a currency");
            if ((c = y_require(L->doc, e, "code", "a currency")) &&
                (code = y_str(L->doc, c, "code")) && !valid_currency_code(code)) {
                y_error(L->doc, c, CC_D_VALUE, "use an ISO 4217 code such as USD or EUR",
                        "'%s' is not a currency code", code);
                code = NULL;
            }
            if (!code || add_unit(l, CC_KIND_MONEY, code, &cap) != 0)
                continue;
            /* symbols and codes may stand before or after the figure;
             * words only after it */
            add_forms(L, y_get(e, "symbols"), "symbols", idx, &ls->cursym, F_GUARD);
            add_forms(L, y_get(e, "symbols"), "symbols", idx, &ls->curword, F_GUARD);
            add_forms(L, y_get(e, "symbols"), "symbols", idx, &ls->c_units, F_GUARD);
            add_forms(L, y_get(e, "words"), "words", idx, &ls->curword, F_GUARD);
            add_forms(L, y_get(e, "words"), "words", idx, &ls->c_units, F_GUARD);
        }
    }
    if ((n = y_get(root, "percent"))) {
        static const char *const keys[] = {"before", "after", NULL};
        uint32_t idx = (uint32_t)l->nunits;
        if (add_unit(l, CC_KIND_PERCENT, "percent", &cap) == 0) {
            if (n->type == Y_MAP) {
                y_check_keys(L->doc, n, keys, "percent");
                add_forms(L, y_get(n, "before"), "percent.before", idx, &ls->pctpre, F_GUARD);
                add_forms(L, y_get(n, "before"), "percent.before", idx, &ls->c_units, F_GUARD);
                add_forms(L, y_get(n, "after"), "percent.after", idx, &ls->pctpost, F_GUARD);
                add_forms(L, y_get(n, "after"), "percent.after", idx, &ls->c_units, F_GUARD);
            } else {
                add_forms(L, n, "percent", idx, &ls->pctpost, F_GUARD);
                add_forms(L, n, "percent", idx, &ls->c_units, F_GUARD);
            }
        }
    }
    if ((n = y_get(root, "counts")) && y_expect(L->doc, n, Y_SEQ, "counts")) {
        static const char *const keys[] = {"unit", "forms", NULL};
        for (i = 0; i < n->n; i++) {
            const ynode *e = n->kids[i], *u;
            const char *unit = NULL;
            uint32_t idx = (uint32_t)l->nunits;
            if (!y_expect(L->doc, e, Y_MAP, "a count"))
                continue;
            y_check_keys(L->doc, e, keys, "a count");
            if ((u = y_require(L->doc, e, "unit", "a count")))
                unit = y_str(L->doc, u, "unit");
            if (!unit || add_unit(l, CC_KIND_COUNT, unit, &cap) != 0)
                continue;
            add_forms(L, y_require(L->doc, e, "forms", "a count"), "forms", idx, &ls->counts,
                      F_GUARD);
            add_forms(L, y_get(e, "forms"), "forms", idx, &ls->c_units, F_GUARD);
        }
    }
}

static void read_qualifiers(loader *L, const ynode *n, lists *ls)
{
    static const char *const keys[] = {"before", "after", NULL};
    cc_lang *l = L->l;
    size_t i;
    if (!n || !y_expect(L->doc, n, Y_MAP, "qualifiers"))
        return;
    l->quals = cc_arena_alloc(&l->arena, (n->n + 1) * sizeof(cc_qualifier));
    for (i = 0; l->quals && i < n->n; i++) {
        const ynode *k = y_key(n, i), *v = y_val(n, i);
        cc_qualifier q;
        uint32_t idx = (uint32_t)l->nquals;
        if (cc_qualifier_from_name(&q, k->s) != 0 || q == CC_Q_EXACT || q == CC_Q_RANGE) {
            y_error(L->doc, k, CC_D_UNKNOWN_KEY,
                    "use at_least, more_than, up_to, less_than, about or almost",
                    "unknown qualifier kind '%s'", k->s);
            continue;
        }
        l->quals[l->nquals++] = q;
        if (v->type == Y_MAP) {
            y_check_keys(L->doc, v, keys, "a qualifier");
            add_forms(L, y_get(v, "before"), "before", idx, &ls->qpre, F_GUARD);
            add_forms(L, y_get(v, "before"), "before", idx, &ls->c_quals, F_GUARD);
            add_forms(L, y_get(v, "after"), "after", idx, &ls->qpost, F_GUARD);
            add_forms(L, y_get(v, "after"), "after", idx, &ls->c_quals, F_GUARD);
        } else {
            add_forms(L, v, k->s, idx, &ls->qpre, F_GUARD);
            add_forms(L, v, k->s, idx, &ls->c_quals, F_GUARD);
        }
    }
}

/* ranges.between is one {open, separator} pair or a list of them: an
 * opener only goes with its own separators ("zwischen … und", "von … bis"). */
static void read_between(loader *L, const ynode *b, lists *ls)
{
    static const char *const bkeys[] = {"open", "separator", NULL};
    if (!y_expect(L->doc, b, Y_MAP, "ranges.between"))
        return;
    if (ls->nbetween == CC_MAX_BETWEEN) {
        y_error(L->doc, b, CC_D_VALUE, "merge pairs that share their separators",
                "more than %d pairs in ranges.between", CC_MAX_BETWEEN);
        return;
    }
    y_check_keys(L->doc, b, bkeys, "ranges.between");
    add_forms(L, y_require(L->doc, b, "open", "ranges.between"), "open", 0,
              &ls->bopen[ls->nbetween], F_GUARD);
    add_forms(L, y_require(L->doc, b, "separator", "ranges.between"), "separator", 0,
              &ls->bsep[ls->nbetween], F_GUARD);
    ls->nbetween++;
}

static void read_ranges(loader *L, const ynode *n, lists *ls)
{
    static const char *const keys[] = {"separators", "between", NULL};
    const ynode *b;
    size_t i;
    if (!n || !y_expect(L->doc, n, Y_MAP, "ranges"))
        return;
    y_check_keys(L->doc, n, keys, "ranges");
    add_forms(L, y_get(n, "separators"), "ranges.separators", 0, &ls->rsep, F_GUARD);
    if (!(b = y_get(n, "between")))
        return;
    if (b->type == Y_SEQ)
        for (i = 0; i < b->n; i++)
            read_between(L, b->kids[i], ls);
    else
        read_between(L, b, ls);
}

static void read_vague(loader *L, const ynode *n, lists *ls)
{
    static const char *const keys[] = {"low", "high", "scale", "forms", NULL};
    cc_lang *l = L->l;
    size_t i;
    if (!n || !y_expect(L->doc, n, Y_SEQ, "vague"))
        return;
    l->vague = cc_arena_alloc(&l->arena, (n->n + 1) * sizeof(cc_vagueent));
    for (i = 0; l->vague && i < n->n; i++) {
        const ynode *e = n->kids[i], *v;
        cc_vagueent *ve = &l->vague[l->nvague];
        if (!y_expect(L->doc, e, Y_MAP, "a vague amount"))
            continue;
        y_check_keys(L->doc, e, keys, "a vague amount");
        if ((v = y_require(L->doc, e, "low", "a vague amount")))
            y_dec(L->doc, v, "low", false, &ve->lo);
        if ((v = y_require(L->doc, e, "high", "a vague amount")))
            y_dec(L->doc, v, "high", false, &ve->hi);
        if ((v = y_get(e, "scale")))
            ve->has_scale = y_dec(L->doc, v, "scale", false, &ve->scale);
        add_forms(L, y_require(L->doc, e, "forms", "a vague amount"), "forms",
                  (uint32_t)l->nvague, &ls->vague, F_GUARD);
        l->nvague++;
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* A sorted array of lowercased strings from a YAML list. */
static const char **read_word_set(loader *L, const ynode *n, const char *what, size_t *count)
{
    const char **v;
    size_t i;
    *count = 0;
    if (!n || !y_expect(L->doc, n, Y_SEQ, what))
        return NULL;
    v = cc_arena_alloc(&L->l->arena, (n->n + 1) * sizeof(char *));
    for (i = 0; v && i < n->n; i++) {
        const ynode *it = n->kids[i];
        size_t len = it->len;
        if (!y_expect(L->doc, it, Y_SCALAR, what))
            continue;
        while (len > 0 && it->s[len - 1] == '.')
            len--; /* abbreviations are written with or without their dot */
        v[*count] = cc_uni_lower_str(&L->l->arena, it->s, len, NULL);
        if (v[*count])
            (*count)++;
    }
    if (v)
        qsort(v, *count, sizeof(char *), cmp_str);
    return v;
}

static void read_detect(loader *L, const ynode *n)
{
    static const char *const keys[] = {"words", "chars", "ranges", NULL};
    cc_lang *l = L->l;
    const ynode *c;
    size_t i;
    if (!n || !y_expect(L->doc, n, Y_MAP, "detect"))
        return;
    y_check_keys(L->doc, n, keys, "detect");
    l->detect.words = read_word_set(L, y_get(n, "words"), "detect.words", &l->detect.nwords);
    if ((c = y_get(n, "chars"))) {
        const char *s = y_str(L->doc, c, "detect.chars");
        if (s) {
            const char *p = s, *end = s + c->len;
            size_t cnt = 0;
            l->detect.chars = cc_arena_alloc(&l->arena, (c->len + 1) * sizeof(uint32_t));
            while (l->detect.chars && p < end) {
                uint32_t cp;
                int len = cc_utf8_decode(p, end, &cp);
                if (len < 0)
                    break;
                if (!cc_uni_is_space(cp))
                    l->detect.chars[cnt++] = cc_uni_lower(cp);
                p += len;
            }
            l->detect.nchars = cnt;
            if (l->detect.chars)
                qsort(l->detect.chars, cnt, sizeof(uint32_t), cmp_u32);
        }
    }
    /* ranges: ["4E00-9FFF", ...], the script's code points in hex */
    if ((c = y_get(n, "ranges")) && y_expect(L->doc, c, Y_SEQ, "detect.ranges")) {
        l->detect.ranges = cc_arena_alloc(&l->arena, (c->n + 1) * sizeof *l->detect.ranges);
        for (i = 0; l->detect.ranges && i < c->n; i++) {
            const ynode *r = c->kids[i];
            unsigned lo, hi;
            char tail;
            if (r->type != Y_SCALAR || sscanf(r->s, "%x-%x%c", &lo, &hi, &tail) != 2 ||
                lo > hi || hi > 0x10FFFF) {
                y_error(L->doc, r, CC_D_VALUE, "write a range as \"4E00-9FFF\" (hexadecimal)",
                        "bad code point range in detect.ranges");
                continue;
            }
            l->detect.ranges[l->detect.nranges][0] = lo;
            l->detect.ranges[l->detect.nranges][1] = hi;
            l->detect.nranges++;
        }
    }
}

static void read_examples(loader *L, const ynode *n)
{
    cc_lang *l = L->l;
    size_t i;
    if (!n || !y_expect(L->doc, n, Y_SEQ, "examples"))
        return;
    l->examples = cc_arena_alloc(&l->arena, (n->n + 1) * sizeof(cc_example));
    for (i = 0; l->examples && i < n->n; i++) {
        cc_example *ex = &l->examples[l->nexamples];
        if (cc_example_parse(L->doc, n->kids[i], false, ex)) {
            ex->lang = l->code;
            l->nexamples++;
        }
    }
}

/* ====================================================================
 * Macro assembly
 * ==================================================================== */

/* Appends an alternation of separators (literal strings). */
static void sep_alt(cc_buf *b, const char (*seps)[8], size_t n)
{
    size_t i;
    if (n == 0) {
        cc_buf_puts(b, "(?!)");
        return;
    }
    cc_buf_puts(b, "(?:");
    for (i = 0; i < n; i++) {
        if (i)
            cc_buf_putc(b, '|');
        if (strcmp(seps[i], " ") == 0)
            cc_buf_puts(b, " "); /* a plain space, not \s+ */
        else
            cc_rx_escape(b, seps[i], strlen(seps[i]));
    }
    cc_buf_putc(b, ')');
}

typedef struct frags {
    const char *num, *scale, *cursym, *curany, *pctpre, *pctpost, *count, *qpre, *qpost;
    const char *rsep, *vague, *join, *pjoin, *gb, *ga;
    const char *bopen[CC_MAX_BETWEEN], *bsep[CC_MAX_BETWEEN];
    size_t nbetween;
    const char *numblock;
    const char *words; /* number words */
} frags;

static const char *cat(cc_arena *a, cc_buf *b)
{
    const char *r = b->err ? NULL : cc_arena_strndup(a, b->p, b->len);
    cc_buf_reset(b);
    return r;
}

#define D "[0-9\\x{FF10}-\\x{FF19}]"

/*
 * The grammar every pack shares (NB is a figure with its scale, a range, or
 * a vague amount):
 *
 *   NB       = (?<value>NUM)(?:\s*(?<scale>SCALE))?
 *                 (?:RSEP(?<value2>NUM)(?:\s*(?<scale2>SCALE))?)?
 *            | BOPEN\s*(?<value>NUM)(?:\s*(?<scale>SCALE))?\s*BSEP\s*(?<value2>NUM)...
 *            | (?<vague>VAGUE)(?:\s*(?<scale>SCALE))?
 *   number   = GB QPRE? NB QPOST? GA
 *   money    = GB QPRE? (CURSYM NB (JOIN CURANY)? | NB JOIN CURANY) QPOST? GA
 *   percent  = GB QPRE? (PCTPRE NB | NB PJOIN PCTPOST) QPOST? GA
 *   count    = GB QPRE? NB JOIN COUNT QPOST? GA
 *   quantity = GB QPRE? ((CURSYM|PCTPRE) NB (JOIN CURANY)?
 *                       | NB (JOIN (CURANY|COUNT) | PJOIN PCTPOST)?) QPOST? GA
 *
 * GB and GA keep figures out of words: "GPT-4", "o4", "4o", "A100" are not
 * quantities. In languages written without spaces (zh, ja) they only look
 * at Latin letters and digits.
 */
static int assemble_macros(loader *L, lists *ls, frags *f)
{
    cc_lang *l = L->l;
    cc_arena *a = &l->arena;
    cc_buf b = CC_BUF_INIT;
    const char *digits, *words, *joiners;
    size_t i;

    /* DIGITS: grouped (1-3 digits, then groups of 3) or plain, then an
     * optional decimal part */
    cc_buf_puts(&b, "(?:" D "{1,3}(?:");
    sep_alt(&b, (const char(*)[8])l->group, l->ngroup);
    cc_buf_puts(&b, D "{3})+(?!" D ")|" D "+)(?:");
    sep_alt(&b, (const char(*)[8])l->decimal, l->ndecimal);
    cc_buf_puts(&b, D "+)?");
    digits = cat(a, &b);
    words = f->words = alternation(a, &ls->words, false);
    joiners = alternation(a, &ls->joiners, false);
    f->scale = alternation(a, &ls->scales, false);
    f->cursym = alternation(a, &ls->cursym, false);
    f->curany = alternation(a, &ls->curword, false);
    f->pctpre = alternation(a, &ls->pctpre, false);
    f->pctpost = alternation(a, &ls->pctpost, false);
    f->count = alternation(a, &ls->counts, false);
    f->qpre = alternation(a, &ls->qpre, false);
    f->qpost = alternation(a, &ls->qpost, false);
    f->rsep = alternation(a, &ls->rsep, false);
    f->nbetween = ls->nbetween;
    for (i = 0; i < ls->nbetween; i++) {
        f->bopen[i] = alternation(a, &ls->bopen[i], false);
        f->bsep[i] = alternation(a, &ls->bsep[i], false);
        if (!f->bopen[i] || !f->bsep[i])
            goto nomem;
    }
    f->vague = alternation(a, &ls->vague, false);
    if (!digits || !words || !joiners || !f->scale || !f->cursym || !f->curany ||
        !f->pctpre || !f->pctpost || !f->count || !f->qpre || !f->qpost || !f->rsep ||
        !f->vague)
        goto nomem;

    if (l->spacing) {
        /* number words count only before a scale or a unit: "three
         * billion", "két milliárd", not "one of them" */
        /* ... or before the separator of a range whose other end has one:
         * "entre dois e três mil milhões" */
        cc_buf_printf(&b, "(?:%s|%s(?:[\\s\\-]*(?:%s[\\s\\-]+)?%s)*(?=\\s*(?:(?&cc_sc)|(?&cc_ca)|(?&cc_pa)|(?&cc_cn)"
                          "|(?:(?&cc_bs)|(?&cc_rs))\\s*%s)))",
                      digits, words, joiners, words, words);
        f->gb = "(?<![\\p{L}\\p{N}_])(?<![\\p{L}\\p{N}][\\-.,'\\x{2019}])";
        f->ga = "(?![\\p{L}\\p{N}])(?![.,]" D ")";
    } else {
        /* CJK numerals carry their scale characters inside: 2兆1900億 */
        /* a decimal separator written as a word ("六点六亿") joins two
         * numeral parts */
        cc_buf_printf(&b, "(?:%s|%s)(?:%s|%s|(?&cc_sc)|", digits, words, digits, words);
        sep_alt(&b, (const char(*)[8])l->decimal, l->ndecimal);
        cc_buf_printf(&b, "(?=%s))*", words);
        f->gb = "(?<![A-Za-z0-9\\x{FF10}-\\x{FF19}_])(?<![A-Za-z0-9][\\-.,])";
        f->ga = "(?![A-Za-z0-9\\x{FF10}-\\x{FF19}])(?![.,]" D ")";
    }
    f->num = cat(a, &b);
    f->join = ls->unit_join ? ls->unit_join : "\\s*";
    f->pjoin = ls->percent_join ? ls->percent_join : "\\s*-?\\s*";
    if (!f->num)
        goto nomem;

    /* the fragments, compiled once per pattern and called as
     * subroutines: (?&cc_num) ...; cc_boN and cc_bsN are the opener and
     * the separators of between-pair N, cc_bs all the separators */
    cc_buf_printf(&b,
                  "(?(DEFINE)(?<cc_num>%s)(?<cc_sc>%s)(?<cc_cs>%s)(?<cc_ca>%s)(?<cc_pp>%s)"
                  "(?<cc_pa>%s)(?<cc_cn>%s)(?<cc_qp>%s)(?<cc_qa>%s)(?<cc_rs>%s)(?<cc_vg>%s)",
                  f->num, f->scale, f->cursym, f->curany, f->pctpre, f->pctpost, f->count,
                  f->qpre, f->qpost, f->rsep, f->vague);
    cc_buf_puts(&b, "(?<cc_bs>(?!)");
    for (i = 0; i < f->nbetween; i++)
        cc_buf_printf(&b, "|%s", f->bsep[i]);
    cc_buf_putc(&b, ')');
    for (i = 0; i < f->nbetween; i++)
        cc_buf_printf(&b, "(?<cc_bo%zu>%s)(?<cc_bs%zu>%s)", i, f->bopen[i], i, f->bsep[i]);
    cc_buf_putc(&b, ')');
    l->defines = cat(a, &b);
    if (!l->defines)
        goto nomem;
    /* a scale may be several words: "3 ezer milliárd", "mil millones" */
    cc_buf_puts(&b,
                "(?:(?<value>(?&cc_num))(?:\\s*(?<scale>(?&cc_sc)(?:\\s+(?&cc_sc))*))?"
                "(?:\\s*(?&cc_rs)\\s*(?<value2>(?&cc_num))(?:\\s*(?<scale2>(?&cc_sc)(?:\\s+(?&cc_sc))*))?)?");
    for (i = 0; i < f->nbetween; i++)
        cc_buf_printf(&b,
                      "|(?<range>(?&cc_bo%zu))\\s*(?:(?<unit>(?&cc_cs))\\s*)?(?<value>(?&cc_num))"
                      "(?:\\s*(?<scale>(?&cc_sc)(?:\\s+(?&cc_sc))*))?\\s*(?&cc_bs%zu)\\s*(?:(?&cc_cs)\\s*)?"
                      "(?<value2>(?&cc_num))(?:\\s*(?<scale2>(?&cc_sc)(?:\\s+(?&cc_sc))*))?",
                      i, i);
    cc_buf_puts(&b, "|(?<vague>(?&cc_vg))(?:\\s*(?<scale>(?&cc_sc)(?:\\s+(?&cc_sc))*))?)");
    f->numblock = cat(a, &b);
    if (!f->numblock)
        goto nomem;
    cc_buf_free(&b);
    return 0;
nomem:
    cc_buf_free(&b);
    return -1;
}

static int add_macro(cc_lang *l, const char *name, const char *text)
{
    cc_macro *m = cc_arena_alloc(&l->arena, (l->nmacros + 1) * sizeof(cc_macro));
    if (!m || !text)
        return -1;
    if (l->nmacros)
        memcpy(m, l->macros, l->nmacros * sizeof(cc_macro));
    m[l->nmacros].name = name;
    m[l->nmacros].text = text;
    l->macros = m;
    l->nmacros++;
    return 0;
}

static int builtin_macros(cc_lang *l, const frags *f)
{
    cc_arena *a = &l->arena;
    cc_buf b = CC_BUF_INIT;
    const char *qpre = "(?:(?<qualifier>(?&cc_qp))\\s*)?";
    const char *qpost = "(?:\\s*(?<qualifier>(?&cc_qa)))?";
    const char *nb = f->numblock;
    char gb[160];
    int rc = 0;

    /* every amount macro starts with callout CC_CALLOUT_AMOUNT, where the
     * extractor can refuse figures it has already seen (extract.c) */
    snprintf(gb, sizeof gb, "%s(?C%d)", f->gb, CC_CALLOUT_AMOUNT);

    cc_buf_printf(&b, "%s%s%s%s%s", gb, qpre, nb, qpost, f->ga);
    rc |= add_macro(l, "number", cat(a, &b));

    /* the currency comes before the figure, after it, or inside a range
     * ("between $5bn and $7bn"); (?(<unit>)|(?!)) insists on one */
    cc_buf_printf(&b, "%s%s(?:(?<unit>(?&cc_cs))\\s*)?%s(?:%s(?<unit>(?&cc_ca)))?(?(<unit>)|(?!))%s%s",
                  gb, qpre, nb, f->join, qpost, f->ga);
    rc |= add_macro(l, "money", cat(a, &b));

    cc_buf_printf(&b, "%s%s(?:(?<unit>(?&cc_pp))\\s*)?%s(?:%s(?<unit>(?&cc_pa)))?(?(<unit>)|(?!))%s%s",
                  gb, qpre, nb, f->pjoin, qpost, f->ga);
    rc |= add_macro(l, "percent", cat(a, &b));

    cc_buf_printf(&b, "%s%s%s%s(?<unit>(?&cc_cn))%s%s", gb, qpre, nb, f->join, qpost, f->ga);
    rc |= add_macro(l, "count", cat(a, &b));

    /* a bracketed aside after a figure, such as its conversion:
     * "650 millió dollárt (mintegy 235 milliárd forintot) fizetett" */
    rc |= add_macro(l, "aside",
                    "(?:\\s*[(\\x{FF08}\\[][^)\\x{FF09}\\]\\n]{0,120}[)\\x{FF09}\\]])?");

    cc_buf_printf(&b,
                  "%s%s(?:(?<unit>(?&cc_cs)|(?&cc_pp))\\s*)?%s"
                  "(?:%s(?<unit>(?&cc_ca)|(?&cc_cn))|%s(?<unit>(?&cc_pa)))?%s%s",
                  gb, qpre, nb, f->join, f->pjoin, qpost, f->ga);
    rc |= add_macro(l, "quantity", cat(a, &b));
    cc_buf_free(&b);
    return rc ? -1 : 0;
}

/* The pack's own macros, which may use the built-in ones. */
static void read_user_macros(loader *L, const ynode *n)
{
    cc_lang *l = L->l;
    size_t i;
    if (!n || !y_expect(L->doc, n, Y_MAP, "macros"))
        return;
    for (i = 0; i < n->n; i++) {
        const ynode *k = y_key(n, i), *v = y_val(n, i);
        cc_buf out = CC_BUF_INIT;
        char err[256], hint[128];
        size_t off, j;
        cc_rx rx;
        const char *s = y_str(L->doc, v, "a macro");
        if (!s)
            continue;
        for (j = 0; j < k->len; j++)
            if (!((k->s[j] >= 'a' && k->s[j] <= 'z') || (k->s[j] >= '0' && k->s[j] <= '9') ||
                  k->s[j] == '_'))
                break;
        if (j < k->len || k->len == 0) {
            y_error(L->doc, k, CC_D_VALUE, "use lowercase letters, digits and _",
                    "bad macro name '%s'", k->s);
            continue;
        }
        if (cc_lang_macro(l, k->s)) {
            y_error(L->doc, k, CC_D_DUPLICATE, "choose another name",
                    "macro '%s' is already defined", k->s);
            continue;
        }
        if (cc_lang_expand(l, s, v->len, &out, NULL, err, sizeof err, hint, sizeof hint,
                           &off) != 0) {
            y_error_at(L->doc, v, off, CC_D_MACRO, hint[0] ? hint : NULL, "%s", err);
            cc_buf_free(&out);
            continue;
        }
        if (cc_rx_compile(&rx, out.p, out.len, PCRE2_CASELESS, err, sizeof err, &off) != 0) {
            y_error(L->doc, v, CC_D_PATTERN, NULL, "macro '%s' does not compile: %s", k->s,
                    err);
            cc_buf_free(&out);
            continue;
        }
        cc_rx_free(&rx);
        {
            /* stored without the DEFINE block: expansion adds it once */
            size_t keep = out.len, dl = strlen(l->defines);
            if (keep >= dl && memcmp(out.p + keep - dl, l->defines, dl) == 0)
                keep -= dl;
            add_macro(l, cc_arena_strndup(&l->arena, k->s, k->len),
                      cc_arena_strndup(&l->arena, out.p, keep));
        }
        cc_buf_free(&out);
    }
}

/* years: {this: [...], last: [...], next: [...]}: how the language says
 * "this year" and its neighbours; explicit years (1950-2099) need no
 * words. Compiled into one pattern whose groups say which was found. */
/* shared_unit: forms compiled into one pattern anchored at both ends. */
static int read_shared(loader *L, const ynode *n, lists *ls)
{
    cc_buf b = CC_BUF_INIT;
    const char *alt;
    char msg[256];
    size_t off;
    int rc;
    add_forms(L, n, "shared_unit", 0, &ls->shared, F_GUARD);
    if (!ls->shared.n)
        return 0;
    alt = alternation(&L->l->arena, &ls->shared, false);
    cc_buf_printf(&b, "\\s*%s\\s*", alt ? alt : "(?!)");
    rc = b.err || !alt ||
                 cc_rx_compile(&L->l->shared, b.p, b.len,
                               PCRE2_CASELESS | PCRE2_ANCHORED | PCRE2_ENDANCHORED, msg,
                               sizeof msg, &off) != 0
             ? -1
             : 0;
    cc_buf_free(&b);
    return rc;
}

static int read_years(loader *L, const ynode *n)
{
    static const char *const keys[] = {"this", "last", "next", NULL};
    static const char *const names[] = {"this", "last", "next"};
    cc_lang *l = L->l;
    formvec fv[3];
    cc_buf b = CC_BUF_INIT;
    char msg[256];
    size_t off;
    int i, rc = 0;
    uint32_t group = 2;

    memset(fv, 0, sizeof fv);
    if (n && y_expect(L->doc, n, Y_MAP, "years")) {
        y_check_keys(L->doc, n, keys, "years");
        for (i = 0; i < 3; i++)
            add_forms(L, y_get(n, names[i]), names[i], 0, &fv[i], F_GUARD);
    }
    if (l->spacing)
        cc_buf_puts(&b, "(?<![\\p{L}\\p{N}])(?<year>(?:19[5-9]|20[0-9])[0-9])(?![\\p{N}])");
    else /* full-width digits too: ２０２４年 */
        cc_buf_puts(&b, "(?<![0-9\\x{FF10}-\\x{FF19}])(?<year>(?:[1１][9９][5-9５-９]|[2２][0０][0-9０-９])[0-9０-９])"
                        "(?![0-9\\x{FF10}-\\x{FF19}])");
    for (i = 0; i < 3; i++) {
        uint32_t *g = i == 0 ? &l->g_this : i == 1 ? &l->g_last : &l->g_next;
        const char *alt;
        if (fv[i].n == 0)
            continue;
        alt = alternation(&l->arena, &fv[i], false);
        if (!alt) {
            rc = -1;
            break;
        }
        cc_buf_printf(&b, "|%s(%s)", l->spacing ? "(?<![\\p{L}\\p{N}])" : "", alt);
        *g = group++;
    }
    if (rc == 0 && !b.err &&
        cc_rx_compile(&l->years, b.p, b.len, PCRE2_CASELESS, msg, sizeof msg, &off) != 0) {
        y_error(L->doc, n, CC_D_PATTERN, NULL, "years do not compile: %s", msg);
    }
    if (b.err)
        rc = -1;
    cc_buf_free(&b);
    for (i = 0; i < 3; i++)
        cc_free(fv[i].v);
    return rc;
}

/* Distance from i to j for the nearest-year rule: characters, plus 40 for
 * each clause mark crossed, so that in "costs of $5.4bn this year, and in
 * 2029 $37.5bn" the first figure keeps "this year". */
static size_t gap(const char *t, size_t i, size_t j)
{
    size_t d = 0;
    while (i < j) {
        unsigned char ch = (unsigned char)t[i];
        if (ch == ',' || ch == ';' || ch == ':')
            d += 40;
        else if (ch == 0xEF && j - i >= 3 && (unsigned char)t[i + 1] == 0xBC &&
                 ((unsigned char)t[i + 2] == 0x8C || (unsigned char)t[i + 2] == 0x9B ||
                  (unsigned char)t[i + 2] == 0x9A)) /* ， ； ： */
            d += 40;
        else if (ch == 0xE3 && j - i >= 3 && (unsigned char)t[i + 1] == 0x80 &&
                 (unsigned char)t[i + 2] == 0x81) /* 、 */
            d += 40;
        if ((ch & 0xC0) != 0x80)
            d++;
        i++;
    }
    return d;
}

void cc_lang_jit(cc_lang *l)
{
    cc_classifier *c[] = {&l->c_words, &l->c_scales, &l->c_units, &l->c_quals, &l->c_vague};
    size_t i;
    cc_rx_jit(&l->scanner);
    cc_rx_jit(&l->prefilter);
    cc_rx_jit(&l->years);
    cc_rx_jit(&l->shared);
    for (i = 0; i < sizeof c / sizeof c[0]; i++)
        cc_rx_jit(&c[i]->prefix);
}

bool cc_lang_shares_unit(const cc_lang *l, cc_rxctx *c, const char *t, size_t a, size_t b)
{
    return l->shared.code && a <= b &&
           cc_rx_match(&l->shared, c, c->aux, t, b, a, PCRE2_NO_UTF_CHECK) >= 0;
}

int cc_lang_nearest_year(const cc_lang *l, cc_rxctx *c, const char *t, size_t lo, size_t hi,
                         size_t a, size_t b, int *year, int *relative)
{
    size_t off = lo, best = (size_t)-1;
    int found = 0;
    if (!l->years.code)
        return 0;
    while (off < hi) {
        int rc = cc_rx_match(&l->years, c, c->aux, t, hi, off, PCRE2_NO_UTF_CHECK);
        PCRE2_SIZE *ov;
        size_t dist;
        if (rc == PCRE2_ERROR_NOMATCH)
            break;
        if (rc < 0)
            return rc;
        ov = pcre2_get_ovector_pointer(c->aux);
        /* a figure is not its own year ("in 2024" is a year, "2024" as a
         * quantity being scored is not) */
        if (!(ov[0] >= a && ov[1] <= b)) {
            dist = ov[1] <= a ? gap(t, ov[1], a) : ov[0] >= b ? gap(t, b, ov[0]) : 0;
            if (dist < best) {
                best = dist;
                found = 1;
                if (rc > 1 && ov[2] != PCRE2_UNSET) {
                    size_t k = ov[2];
                    *year = 0;
                    while (k < ov[3]) {
                        uint32_t cp;
                        int n = cc_utf8_decode(t + k, t + ov[3], &cp);
                        if (n < 0)
                            break;
                        *year = *year * 10 + cc_uni_digit_value(cp);
                        k += (size_t)n;
                    }
                    *relative = 0;
                } else {
                    *relative = 1;
                    *year = (l->g_last && (int)l->g_last < rc && ov[2 * l->g_last] != PCRE2_UNSET)   ? -1
                            : (l->g_next && (int)l->g_next < rc && ov[2 * l->g_next] != PCRE2_UNSET) ? 1
                                                                                                    : 0;
                }
            }
        }
        off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    return found;
}

/* ====================================================================
 * Loading
 * ==================================================================== */

static bool valid_lang_code(const char *s)
{
    size_t n = strlen(s), i;
    if (n < 2 || n > 12)
        return false;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (i >= 2 && (c == '-' || (c >= 'A' && c <= 'Z') ||
                                                    (c >= '0' && c <= '9')))))
            return false;
    }
    return true;
}

int cc_lang_load(cc_lang **out, const char *file, const char *text, size_t len, cc_diags *d)
{
    static const char *const keys[] = {"lang",     "name",       "word_spacing", "numbers",
                                       "scales",   "currencies", "percent",      "counts",
                                       "qualifiers", "ranges",   "vague",        "unit_join",
                                       "percent_join", "macros", "abbreviations", "detect",
                                       "years", "shared_unit", "examples", NULL};
    cc_lang *l;
    ydoc doc;
    loader L;
    lists ls;
    frags f;
    const ynode *root, *n;
    int rc;
    char msg[256];
    size_t off;

    *out = NULL;
    l = cc_calloc(1, sizeof *l);
    if (!l)
        return CC_ERR_NOMEM;
    memset(&ls, 0, sizeof ls);
    memset(&f, 0, sizeof f);
    l->spacing = true;
    l->file = cc_arena_strdup(&l->arena, file);
    if (!l->file) {
        cc_free(l);
        return CC_ERR_NOMEM;
    }
    rc = cc_ydoc_parse_diags(&doc, &l->arena, l->file, text, len, d);
    L.doc = &doc;
    L.l = l;
    if (rc != CC_OK)
        goto fail;
    root = doc.root;
    if (!y_expect(&doc, root, Y_MAP, "a language pack")) {
        rc = CC_ERR_RULES;
        goto fail;
    }
    y_check_keys(&doc, root, keys, "a language pack");
    if ((n = y_require(&doc, root, "lang", "a language pack"))) {
        l->code = y_str(&doc, n, "lang");
        if (l->code && !valid_lang_code(l->code)) {
            y_error(&doc, n, CC_D_VALUE, "use an ISO 639-1 code such as en, hu or zh",
                    "'%s' is not a language code", l->code);
            l->code = NULL;
        }
    }
    if ((n = y_get(root, "name")))
        l->name = y_str(&doc, n, "name");
    if (!l->name)
        l->name = l->code;
    if ((n = y_get(root, "word_spacing"))) {
        bool b;
        if (y_bool(n, &b))
            l->spacing = b;
        else
            y_error(&doc, n, CC_D_TYPE, NULL, "word_spacing must be true or false");
    }
    read_numbers(&L, y_get(root, "numbers"), &ls);
    read_scales(&L, y_get(root, "scales"), &ls);
    read_units(&L, root, &ls);
    read_qualifiers(&L, y_get(root, "qualifiers"), &ls);
    read_ranges(&L, y_get(root, "ranges"), &ls);
    read_vague(&L, y_get(root, "vague"), &ls);
    if ((n = y_get(root, "unit_join")))
        ls.unit_join = y_str(&doc, n, "unit_join");
    if ((n = y_get(root, "percent_join")))
        ls.percent_join = y_str(&doc, n, "percent_join");
    l->abbrevs = read_word_set(&L, y_get(root, "abbreviations"), "abbreviations", &l->nabbrevs);
    read_detect(&L, y_get(root, "detect"));
    if (l->ndecimal == 0) {
        memcpy(l->decimal[0], ".", 2);
        l->ndecimal = 1;
    }
    if (doc.errors) {
        rc = CC_ERR_RULES;
        goto fail;
    }

    /* Word lists for the numeral tokenizer: number words and joiners. */
    {
        size_t i;
        for (i = 0; i < ls.words.n; i++)
            if (push_form(&ls.c_words, ls.words.v[i].re, ls.words.v[i].sortlen,
                          ls.words.v[i].entry) != 0)
                goto nomem;
        for (i = 0; i < ls.joiners.n; i++)
            if (push_form(&ls.c_words, ls.joiners.v[i].re, ls.joiners.v[i].sortlen,
                          ls.joiners.v[i].entry) != 0)
                goto nomem;
    }
    if (assemble_macros(&L, &ls, &f) != 0 || builtin_macros(l, &f) != 0)
        goto nomem;
    {
        /* the scanner is %{quantity} with its fragments; it also checks the
         * raw regex of unit_join and percent_join */
        cc_buf q = CC_BUF_INIT;
        cc_buf_puts(&q, cc_lang_macro(l, "quantity"));
        cc_buf_puts(&q, l->defines);
        if (q.err) {
            cc_buf_free(&q);
            goto nomem;
        }
        if (cc_rx_compile(&l->scanner, q.p, q.len, PCRE2_CASELESS, msg, sizeof msg, &off) != 0) {
            if (ls.unit_join || ls.percent_join)
                y_error(&doc, y_get(root, ls.unit_join ? "unit_join" : "percent_join"),
                        CC_D_PATTERN, NULL, "unit_join or percent_join breaks the grammar: %s",
                        msg);
            else
                y_error(&doc, root, CC_D_PATTERN, NULL,
                        "the pack's quantity grammar does not compile: %s", msg);
            cc_buf_free(&q);
            rc = CC_ERR_RULES;
            goto fail;
        }
        cc_buf_free(&q);
        /* the prefilter: what any figure worth extracting holds, a digit,
         * a scale word, a percent word ("двадцать процентов") or, where
         * numbers are written without spaces, a numeral character */
        if (l->spacing)
            cc_buf_printf(&q, "[0-9\\x{FF10}-\\x{FF19}]|(?<![\\p{L}\\p{N}])(?:%s|%s|%s)",
                          f.scale, f.pctpre, f.pctpost);
        else
            cc_buf_printf(&q, "[0-9\\x{FF10}-\\x{FF19}]|%s|%s|%s|%s", f.scale, f.words,
                          f.pctpre, f.pctpost);
        if (q.err || cc_rx_compile(&l->prefilter, q.p, q.len, PCRE2_CASELESS, msg, sizeof msg,
                                   &off) != 0) {
            cc_buf_free(&q);
            goto nomem;
        }
        cc_buf_free(&q);
    }
    if (build_classifier(&L, &l->c_words, &ls.c_words) != 0 ||
        build_classifier(&L, &l->c_scales, &ls.scales) != 0 ||
        build_classifier(&L, &l->c_units, &ls.c_units) != 0 ||
        build_classifier(&L, &l->c_quals, &ls.c_quals) != 0 ||
        build_classifier(&L, &l->c_vague, &ls.vague) != 0) {
        rc = doc.errors ? CC_ERR_RULES : CC_ERR_NOMEM;
        goto fail;
    }
    read_user_macros(&L, y_get(root, "macros"));
    if (read_years(&L, y_get(root, "years")) != 0)
        goto nomem;
    if (read_shared(&L, y_get(root, "shared_unit"), &ls) != 0)
        goto nomem;
    read_examples(&L, y_get(root, "examples"));
    if (doc.errors) {
        rc = CC_ERR_RULES;
        goto fail;
    }
    free_lists(&ls);
    cc_ydoc_free(&doc);
    *out = l;
    return CC_OK;
nomem:
    rc = CC_ERR_NOMEM;
    cc_diags_add(d, CC_SEV_ERROR, CC_D_NOMEM, file, 0, 0, SIZE_MAX, NULL, NULL,
                 "out of memory while loading the language pack");
fail:
    free_lists(&ls);
    cc_ydoc_free(&doc);
    cc_lang_free(l);
    return rc;
}

void cc_lang_free(cc_lang *l)
{
    if (!l)
        return;
    free_classifier(&l->c_words);
    free_classifier(&l->c_scales);
    free_classifier(&l->c_units);
    free_classifier(&l->c_quals);
    free_classifier(&l->c_vague);
    cc_rx_free(&l->scanner);
    cc_rx_free(&l->prefilter);
    cc_rx_free(&l->shared);
    cc_rx_free(&l->years);
    cc_arena_free(&l->arena);
    cc_free(l);
}

const char *cc_lang_code(const cc_lang *l)
{
    return l->code;
}

const char *cc_lang_name(const cc_lang *l)
{
    return l->name;
}

const char *cc_lang_file(const cc_lang *l)
{
    return l->file;
}

const char *cc_lang_macro(const cc_lang *l, const char *name)
{
    size_t i;
    for (i = 0; i < l->nmacros; i++)
        if (strcmp(l->macros[i].name, name) == 0)
            return l->macros[i].text;
    return NULL;
}

uint32_t cc_lang_max_captures(const cc_lang *l)
{
    const cc_classifier *cs[] = {&l->c_words, &l->c_scales, &l->c_units, &l->c_quals,
                                 &l->c_vague};
    uint32_t m = l->scanner.ncap;
    size_t i;
    for (i = 0; i < sizeof cs / sizeof cs[0]; i++)
        if (cs[i]->prefix.ncap > m)
            m = cs[i]->prefix.ncap;
    return m;
}

static const char *const KIND_NAMES[CC_KIND__COUNT] = {"number", "money", "percent", "count"};

const char *cc_kind_name(cc_kind k)
{
    return (unsigned)k < CC_KIND__COUNT ? KIND_NAMES[k] : "number";
}

int cc_kind_from_name(cc_kind *out, const char *name)
{
    int i;
    for (i = 0; i < CC_KIND__COUNT; i++)
        if (strcmp(KIND_NAMES[i], name) == 0) {
            *out = (cc_kind)i;
            return CC_OK;
        }
    return CC_ERR_NOTFOUND;
}

bool cc_lang_is_abbrev(const cc_lang *l, const char *word, size_t len)
{
    char buf[64];
    const char *key = buf;
    size_t i, o = 0;
    if (!l->nabbrevs || len == 0 || len >= sizeof buf / 2)
        return false;
    for (i = 0; i < len && o + 4 < sizeof buf;) {
        uint32_t cp;
        int n = cc_utf8_decode(word + i, word + len, &cp);
        if (n < 0)
            return false;
        o += (size_t)cc_utf8_encode(cc_uni_lower(cp), buf + o);
        i += (size_t)n;
    }
    buf[o] = '\0';
    return bsearch(&key, l->abbrevs, l->nabbrevs, sizeof(char *), cmp_str) != NULL;
}

/* ====================================================================
 * Macro expansion
 * ==================================================================== */

static int seg_push(cc_expmap *map, size_t os, size_t ol, size_t ss, size_t sl)
{
    if (!map)
        return 0;
    if (map->n == map->cap) {
        void *v = map->v;
        if (cc_grow(&v, &map->cap, map->n + 1, sizeof(cc_expseg)) != 0)
            return -1;
        map->v = v;
    }
    map->v[map->n].out_start = os;
    map->v[map->n].out_len = ol;
    map->v[map->n].src_start = ss;
    map->v[map->n].src_len = sl;
    map->n++;
    return 0;
}

int cc_lang_expand(const cc_lang *l, const char *p, size_t len, cc_buf *out, cc_expmap *map,
                   char *err, size_t errlen, char *hint, size_t hintlen, size_t *erroff)
{
    size_t i = 0, lit = 0;
    hint[0] = '\0';
    while (i < len) {
        if (p[i] == '\\' && i + 1 < len) {
            i += 2;
            continue;
        }
        if (p[i] == '%' && i + 1 < len && p[i + 1] == '{') {
            size_t j = i + 2, k;
            char name[64];
            const char *text;
            while (j < len && p[j] != '}' && j - i < 60)
                j++;
            if (j >= len || p[j] != '}') {
                snprintf(err, errlen, "unterminated macro: '%%{' without '}'");
                *erroff = i;
                return -1;
            }
            if (j - i - 2 == 0) {
                snprintf(err, errlen, "empty macro name '%%{}'");
                *erroff = i;
                return -1;
            }
            memcpy(name, p + i + 2, j - i - 2);
            name[j - i - 2] = '\0';
            text = cc_lang_macro(l, name);
            if (!text) {
                const char *best = NULL;
                size_t bestd = 3;
                for (k = 0; k < l->nmacros; k++) {
                    size_t dd = cc_edit_distance(name, l->macros[k].name, 2);
                    if (dd < bestd) {
                        bestd = dd;
                        best = l->macros[k].name;
                    }
                }
                snprintf(err, errlen, "unknown macro %%{%s} in language '%s'", name, l->code);
                if (best)
                    snprintf(hint, hintlen, "did you mean %%{%s}?", best);
                else
                    snprintf(hint, hintlen,
                             "macros are number, money, percent, count, quantity and the "
                             "pack's own");
                *erroff = i;
                return -1;
            }
            if (i > lit) {
                seg_push(map, out->len, i - lit, lit, i - lit);
                cc_buf_append(out, p + lit, i - lit);
            }
            seg_push(map, out->len, strlen(text) + 4, i, j + 1 - i);
            cc_buf_puts(out, "(?:");
            cc_buf_puts(out, text);
            cc_buf_putc(out, ')');
            i = lit = j + 1;
            continue;
        }
        i++;
    }
    if (len > lit) {
        seg_push(map, out->len, len - lit, lit, len - lit);
        cc_buf_append(out, p + lit, len - lit);
    }
    if (l->defines && out->p && strstr(out->p, "(?&cc_") && !strstr(out->p, "(?(DEFINE)(?<cc_num>"))
        cc_buf_puts(out, l->defines);
    if (out->err) {
        snprintf(err, errlen, "out of memory");
        *erroff = 0;
        return -1;
    }
    return 0;
}

size_t cc_expmap_src(const cc_expmap *map, size_t off)
{
    size_t i;
    for (i = 0; i < map->n; i++) {
        const cc_expseg *s = &map->v[i];
        if (off >= s->out_start && off < s->out_start + s->out_len) {
            if (s->out_len == s->src_len) /* literal text */
                return s->src_start + (off - s->out_start);
            return s->src_start; /* inside a macro: point at the %{ */
        }
    }
    if (map->n) {
        const cc_expseg *s = &map->v[map->n - 1];
        return s->src_start + s->src_len;
    }
    return 0;
}

void cc_expmap_free(cc_expmap *map)
{
    cc_free(map->v);
    map->v = NULL;
    map->n = map->cap = 0;
}

/* ====================================================================
 * Numerals and interpretation
 * ==================================================================== */

typedef struct numeval {
    cc_dec total, section, cur;
    int has_cur, cur_is_digit, any;
    int frac; /* after a decimal separator written between number words */
    int has_big;
    cc_dec last_big;
    cc_dec tail; /* multipliers and scales after the last number: the factor
                    a bare lower end of a range borrows ("dois e três mil
                    milhões": 1e9) */
    int has_digits, has_mult;
} numeval;

static int ev_number(numeval *e, cc_dec v, int is_digit_word, bool positional)
{
    if (e->frac) {
        /* 零点五: each digit word after the separator is one more decimal */
        if (!is_digit_word || !e->has_cur || v.e != 0 || v.m > 9)
            return -1;
        cc_dec_push_digit(&e->cur, (int)v.m, true);
        return 0;
    }
    if (e->has_cur) {
        if (positional && is_digit_word && e->cur_is_digit) {
            /* 二〇二四: digit words in a row are positional (only where
             * numbers are written without spaces: "cinco e sete" is not 57) */
            e->cur = cc_dec_add(cc_dec_mul(e->cur, cc_dec_from_u64(10)), v);
            return 0;
        }
        if (cc_dec_cmp(e->cur, v) > 0 && !e->cur_is_digit) {
            e->cur = cc_dec_add(e->cur, v); /* twenty five */
            e->cur_is_digit = 0;
            return 0;
        }
        return -1;
    }
    e->cur = v;
    e->has_cur = 1;
    e->cur_is_digit = is_digit_word;
    e->any = 1;
    e->tail = cc_dec_from_u64(1);
    return 0;
}

static void ev_mult(numeval *e, cc_dec m)
{
    cc_dec x = e->has_cur ? e->cur : cc_dec_from_u64(1);
    e->section = cc_dec_add(e->section, cc_dec_mul(x, m));
    e->has_cur = 0;
    e->has_mult = 1;
    e->tail = cc_dec_mul(e->tail, m);
    e->any = 1;
}

static void ev_scale(numeval *e, cc_dec s)
{
    int present = e->has_cur || !cc_dec_is_zero(e->section);
    cc_dec x = cc_dec_add(e->section, e->has_cur ? e->cur : cc_dec_from_u64(0));
    if (e->has_big && cc_dec_cmp(s, e->last_big) > 0)
        e->total = cc_dec_mul(cc_dec_add(e->total, present ? x : cc_dec_from_u64(0)), s);
    else
        e->total = cc_dec_add(e->total, cc_dec_mul(present ? x : cc_dec_from_u64(1), s));
    e->last_big = s;
    e->tail = cc_dec_mul(e->tail, s);
    e->has_big = 1;
    e->section = cc_dec_from_u64(0);
    e->has_cur = 0;
    e->any = 1;
}

/* Does s[p..end) start with one of the separators? Returns its length. */
static size_t at_sep(const char *s, size_t p, size_t end, const char (*seps)[8], size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        size_t k = strlen(seps[i]);
        if (k && p + k <= end && memcmp(s + p, seps[i], k) == 0)
            return k;
    }
    return 0;
}

static size_t digit_at(const char *s, size_t p, size_t end, int *val)
{
    uint32_t cp;
    int n;
    if (p >= end)
        return 0;
    n = cc_utf8_decode(s + p, s + end, &cp);
    if (n < 0 || !cc_uni_is_digit(cp))
        return 0;
    *val = cc_uni_digit_value(cp);
    return (size_t)n;
}

/* Digits with the pack's grouping and decimal separators, mirroring the
 * DIGITS fragment of the grammar. */
static size_t parse_digits(const cc_lang *l, const char *s, size_t p, size_t end, cc_dec *out)
{
    cc_dec d = {0, 0, 0, 0};
    size_t q = p, k, run = 0;
    int v;
    while ((k = digit_at(s, q, end, &v))) {
        cc_dec_push_digit(&d, v, false);
        q += k;
        run++;
    }
    if (run <= 3) {
        for (;;) {
            size_t sl = at_sep(s, q, end, l->group, l->ngroup), r = q + sl, cnt = 0;
            cc_dec t = d;
            if (!sl)
                break;
            while (cnt < 4 && (k = digit_at(s, r, end, &v))) {
                cc_dec_push_digit(&t, v, false);
                r += k;
                cnt++;
            }
            if (cnt != 3)
                break;
            d = t;
            q = r;
        }
    }
    {
        size_t sl = at_sep(s, q, end, l->decimal, l->ndecimal);
        if (sl && digit_at(s, q + sl, end, &v)) {
            q += sl;
            while ((k = digit_at(s, q, end, &v))) {
                cc_dec_push_digit(&d, v, true);
                q += k;
            }
        }
    }
    *out = d;
    return q - p;
}

int cc_lang_numeral(const cc_lang *l, cc_rxctx *c, const char *s, size_t len, size_t start,
                    size_t end, cc_dec *out, int *has_big, cc_dec *tail, int *has_digits)
{
    numeval e;
    size_t p = start;
    memset(&e, 0, sizeof e);
    e.tail = cc_dec_from_u64(1);
    while (p < end) {
        uint32_t cp;
        int n = cc_utf8_decode(s + p, s + end, &cp);
        if (n < 0)
            return -1;
        if (cc_uni_is_space(cp) || cp == '-' || (cp >= 0x2010 && cp <= 0x2012)) {
            p += (size_t)n;
            continue;
        }
        if (e.has_cur && e.cur_is_digit && !e.frac && !cc_uni_is_digit(cp)) {
            size_t sl = at_sep(s, p, end, l->decimal, l->ndecimal);
            if (sl) {
                e.frac = 1;
                p += sl;
                continue;
            }
        }
        if (cc_uni_is_digit(cp)) {
            cc_dec v;
            size_t used = parse_digits(l, s, p, end, &v);
            if (ev_number(&e, v, 0, !l->spacing) != 0)
                return -1;
            e.has_digits = 1;
            p += used;
            continue;
        }
        {
            /* a number word or a scale word, whichever is longer:
             * "mil" (a word) does not shadow "milhões" (a scale); a form
             * that is both is read as a scale, which multiplies */
            size_t wend = 0, send = 0;
            long went = classify(&l->c_words, c, s, len, p, end, false, &wend);
            long sent = classify(&l->c_scales, c, s, len, p, end, false, &send);
            if (went < 0 || wend <= p)
                wend = 0;
            if (sent < 0 || send <= p)
                send = 0;
            if (!wend && !send)
                return -1;
            if (wend > send) {
                const cc_numword *w = &l->words[went];
                if (w->joiner) {
                    /* nothing */
                } else if (w->mult) {
                    e.frac = 0;
                    ev_mult(&e, w->value);
                } else {
                    int digitword = cc_dec_cmp(w->value, cc_dec_from_u64(10)) < 0;
                    if (ev_number(&e, w->value, digitword, !l->spacing) != 0)
                        return -1;
                }
                p = wend;
                continue;
            }
            e.frac = 0;
            ev_scale(&e, l->scales[sent]);
            p = send;
        }
    }
    if (!e.any)
        return -1;
    *out = cc_dec_add(cc_dec_add(e.total, e.section), e.has_cur ? e.cur : cc_dec_from_u64(0));
    if (has_big)
        *has_big = e.has_big || e.has_mult;
    if (tail)
        *tail = e.tail;
    if (has_digits)
        *has_digits = e.has_digits;
    return 0;
}

static void widen(size_t *lo, size_t *hi, const PCRE2_SIZE *ov, uint32_t g)
{
    if (!g)
        return;
    if (ov[2 * g] < *lo)
        *lo = ov[2 * g];
    if (ov[2 * g + 1] > *hi)
        *hi = ov[2 * g + 1];
}

int cc_lang_interpret(const cc_lang *l, cc_rxctx *c, const cc_rx *rx, const char *subj, size_t len,
                      const PCRE2_SIZE *ov, int rc, cc_quantity *q)
{
    uint32_t gv = cc_rx_group(rx, ov, rc, CC_G_VALUE);
    uint32_t gv2 = cc_rx_group(rx, ov, rc, CC_G_VALUE2);
    uint32_t gs = cc_rx_group(rx, ov, rc, CC_G_SCALE);
    uint32_t gs2 = cc_rx_group(rx, ov, rc, CC_G_SCALE2);
    uint32_t gu = cc_rx_group(rx, ov, rc, CC_G_UNIT);
    uint32_t gq = cc_rx_group(rx, ov, rc, CC_G_QUAL);
    uint32_t gvg = cc_rx_group(rx, ov, rc, CC_G_VAGUE);
    uint32_t grg = cc_rx_group(rx, ov, rc, CC_G_RANGE);
    size_t lo = (size_t)-1, hi = 0;
    cc_dec v, scale = cc_dec_from_u64(1);
    long ent;
    int range = 0;

    memset(q, 0, sizeof *q);
    q->conversion_of = -1;
    q->factor = cc_dec_from_u64(1);
    if (!gv && !gvg)
        return -1;
    widen(&lo, &hi, ov, gv);
    widen(&lo, &hi, ov, gv2);
    widen(&lo, &hi, ov, gs);
    widen(&lo, &hi, ov, gs2);
    widen(&lo, &hi, ov, gu);
    widen(&lo, &hi, ov, gq);
    widen(&lo, &hi, ov, gvg);
    widen(&lo, &hi, ov, grg);
    q->start = lo;
    q->end = hi;
    q->figure = gv ? ov[2 * gv] : ov[2 * gvg];

    if (gs) {
        /* one or more scale words: their product, in the numeral
         * evaluator's terms (a larger scale multiplies what precedes) */
        int big = 0;
        if (cc_lang_numeral(l, c, subj, len, ov[2 * gs], ov[2 * gs + 1], &scale, &big, NULL, NULL) != 0 ||
            !big)
            return -1;
    }
    if (gvg) {
        const cc_vagueent *ve;
        ent = classify(&l->c_vague, c, subj, len, ov[2 * gvg], ov[2 * gvg + 1], true, NULL);
        if (ent < 0)
            return -1;
        ve = &l->vague[ent];
        if (!gs) {
            /* "tens of billions" needs its scale; "几十位" (dozens of
             * people) is complete with its unit */
            if (ve->has_scale)
                scale = ve->scale;
            else if (!gu)
                return -1;
        }
        q->vague = 1;
        q->value = cc_dec_mul(ve->lo, scale);
        q->iv = cc_interval_range(q->value, cc_dec_mul(ve->hi, scale));
    } else {
        int big1 = 0, digits1 = 0;
        cc_dec last1;
        if (cc_lang_numeral(l, c, subj, len, ov[2 * gv], ov[2 * gv + 1], &v, &big1, &last1,
                            &digits1) != 0)
            return -1;
        if (!digits1 && !big1 && !gs && !gu)
            return -1; /* a lone number word: "one", 一 */
        q->scaled = gs || big1;
        if (gs)
            v = cc_dec_mul(v, scale);
        q->value = v;
        q->factor = cc_dec_mul(last1, scale);
        if (gv2) {
            cc_dec v2, last2, scale2 = cc_dec_from_u64(1);
            int big2 = 0, digits2 = 0;
            if (cc_lang_numeral(l, c, subj, len, ov[2 * gv2], ov[2 * gv2 + 1], &v2, &big2, &last2,
                                &digits2) != 0)
                return -1;
            if (gs2) {
                int big = 0;
                if (cc_lang_numeral(l, c, subj, len, ov[2 * gs2], ov[2 * gs2 + 1], &scale2, &big, NULL,
                                    NULL) != 0 ||
                    !big)
                    return -1;
                v2 = cc_dec_mul(v2, scale2);
            }
            /* "5-7 billion", "50至70亿": the upper end's scale applies to
             * the lower end when that has none of its own */
            if (!gs && !big1)
                q->value = cc_dec_mul(q->value, cc_dec_mul(last2, gs2 ? scale2 : cc_dec_from_u64(1)));
            range = 1;
            q->factor = cc_dec_mul(last2, scale2);
            q->iv = cc_interval_range(q->value, v2);
            q->value = q->iv.lo;
        }
    }
    if (gu) {
        ent = classify(&l->c_units, c, subj, len, ov[2 * gu], ov[2 * gu + 1], true, NULL);
        if (ent < 0)
            return -1;
        q->kind = l->units[ent].kind;
        q->unit = l->units[ent].unit;
    } else {
        q->kind = CC_KIND_NUMBER;
    }
    q->qual = CC_Q_EXACT;
    if (gq) {
        ent = classify(&l->c_quals, c, subj, len, ov[2 * gq], ov[2 * gq + 1], true, NULL);
        if (ent < 0)
            return -1;
        q->qual = l->quals[ent];
    }
    if (range)
        q->qual = CC_Q_RANGE;
    else if (!q->vague)
        q->iv = cc_interval_of(q->qual, q->value);
    return 0;
}
