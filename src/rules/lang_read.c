/*
 * lang_read.c: reading a language pack's YAML (rule-loading stage; the
 * verbatim "Word lists" and "Reading the pack" sections of lang.c).
 *
 * In: the pack's nodes (numbers, scales, units, qualifiers, ranges, vague
 * amounts, detection words, examples). Out: word lists (formvec) and the
 * classifiers compiled from them, the cc_lang's value tables, and the lists
 * the macro assembly (lang_macros.c) builds its fragments from.
 */
#include "lang_build.h"

#include "alloc.h"
#include "uni.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
/* ====================================================================
 * Word lists
 * ==================================================================== */

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

int cc_lang_push_form(formvec *fv, const char *re, size_t sortlen, uint32_t entry)
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
    fv->v[fv->n].regex = 0;
    fv->n++;
    return 0;
}

/* Adds every form of list (a YAML list of strings, or one string) to fv as
 * belonging to entry. */
void cc_lang_add_forms(loader *L, const ynode *list, const char *what, uint32_t entry,
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
        if (!re || cc_lang_push_form(fv, re, it->len, entry) != 0)
            y_error(L->doc, it, CC_D_NOMEM, NULL, "out of memory");
        else
            fv->v[fv->n - 1].regex = it->len >= 2 && it->s[0] == '/' && it->s[it->len - 1] == '/';
    }
}

static int cmp_form(const void *a, const void *b)
{
    const form *x = a, *y = b;
    if (x->sortlen != y->sortlen)
        return x->sortlen > y->sortlen ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void cc_lang_sort_forms(formvec *fv)
{
    if (fv->n > 1)
        qsort(fv->v, fv->n, sizeof(form), cmp_form);
}

const char *cc_lang_marked_alternation(cc_arena *a, formvec *fv, bool spacing, bool marks)
{
    cc_buf b = CC_BUF_INIT;
    size_t i;
    const char *r;
    if (fv->n == 0)
        return "(?!)";
    cc_lang_sort_forms(fv);
    cc_buf_puts(&b, "(?:");
    for (i = 0; i < fv->n; i++) {
        if (i)
            cc_buf_putc(&b, '|');
        if (marks)
            cc_buf_printf(&b, "(*MARK:%u)", (unsigned)fv->v[i].entry);
        cc_buf_printf(&b, "%s(?:%s)", spacing && !fv->v[i].regex ? "(?<![\\p{L}\\p{N}])" : "",
                      fv->v[i].re);
    }
    cc_buf_putc(&b, ')');
    r = b.err ? NULL : cc_arena_strndup(a, b.p, b.len);
    cc_buf_free(&b);
    return r;
}

/* "(?:f1|f2|...)", longest forms first; "(?!)" when empty (never matches).
 * With groups, each form is its own capture group, followed by a callout
 * that lets the classifier see every form that matches (longest()). */
const char *cc_lang_alternation(cc_arena *a, formvec *fv, bool groups)
{
    cc_buf b = CC_BUF_INIT;
    size_t i;
    const char *r;
    if (fv->n == 0)
        return "(?!)";
    cc_lang_sort_forms(fv);
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

int cc_lang_build_classifier(loader *L, cc_classifier *c, formvec *fv)
{
    const char *alt;
    char msg[256];
    size_t off, i;

    memset(c, 0, sizeof *c);
    if (fv->n == 0)
        return 0;
    alt = cc_lang_alternation(&L->l->arena, fv, true);
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

void cc_lang_free_classifier(cc_classifier *c)
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
long cc_lang_classify(const cc_classifier *c, cc_rxctx *x, const char *s, size_t len,
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

void cc_lang_free_lists(lists *ls)
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

void cc_lang_read_numbers(loader *L, const ynode *n, lists *ls)
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
                cc_lang_add_forms(L, y_require(L->doc, e, "forms", "a number word"), "forms",
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
            cc_lang_add_forms(L, w, "numbers.joiners", (uint32_t)l->nwords, &ls->joiners, F_GUARD);
            l->nwords++;
        }
    }
}

void cc_lang_read_scales(loader *L, const ynode *n, lists *ls)
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
        cc_lang_add_forms(L, y_require(L->doc, e, "forms", "a scale"), "forms",
                          (uint32_t)l->nscales, &ls->scales, F_GUARD);
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

void cc_lang_read_units(loader *L, const ynode *root, lists *ls)
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
            cc_lang_add_forms(L, y_get(e, "symbols"), "symbols", idx, &ls->cursym, F_GUARD);
            cc_lang_add_forms(L, y_get(e, "symbols"), "symbols", idx, &ls->curword, F_GUARD);
            cc_lang_add_forms(L, y_get(e, "symbols"), "symbols", idx, &ls->c_units, F_GUARD);
            cc_lang_add_forms(L, y_get(e, "words"), "words", idx, &ls->curword, F_GUARD);
            cc_lang_add_forms(L, y_get(e, "words"), "words", idx, &ls->c_units, F_GUARD);
        }
    }
    if ((n = y_get(root, "percent"))) {
        static const char *const keys[] = {"before", "after", NULL};
        uint32_t idx = (uint32_t)l->nunits;
        if (add_unit(l, CC_KIND_PERCENT, "percent", &cap) == 0) {
            if (n->type == Y_MAP) {
                y_check_keys(L->doc, n, keys, "percent");
                cc_lang_add_forms(L, y_get(n, "before"), "percent.before", idx, &ls->pctpre,
                                  F_GUARD);
                cc_lang_add_forms(L, y_get(n, "before"), "percent.before", idx, &ls->c_units,
                                  F_GUARD);
                cc_lang_add_forms(L, y_get(n, "after"), "percent.after", idx, &ls->pctpost,
                                  F_GUARD);
                cc_lang_add_forms(L, y_get(n, "after"), "percent.after", idx, &ls->c_units,
                                  F_GUARD);
            } else {
                cc_lang_add_forms(L, n, "percent", idx, &ls->pctpost, F_GUARD);
                cc_lang_add_forms(L, n, "percent", idx, &ls->c_units, F_GUARD);
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
            cc_lang_add_forms(L, y_require(L->doc, e, "forms", "a count"), "forms", idx,
                              &ls->counts, F_GUARD);
            cc_lang_add_forms(L, y_get(e, "forms"), "forms", idx, &ls->c_units, F_GUARD);
        }
    }
}

void cc_lang_read_qualifiers(loader *L, const ynode *n, lists *ls)
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
            cc_lang_add_forms(L, y_get(v, "before"), "before", idx, &ls->qpre, F_GUARD);
            cc_lang_add_forms(L, y_get(v, "before"), "before", idx, &ls->c_quals, F_GUARD);
            cc_lang_add_forms(L, y_get(v, "after"), "after", idx, &ls->qpost, F_GUARD);
            cc_lang_add_forms(L, y_get(v, "after"), "after", idx, &ls->c_quals, F_GUARD);
        } else {
            cc_lang_add_forms(L, v, k->s, idx, &ls->qpre, F_GUARD);
            cc_lang_add_forms(L, v, k->s, idx, &ls->c_quals, F_GUARD);
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
    cc_lang_add_forms(L, y_require(L->doc, b, "open", "ranges.between"), "open", 0,
                      &ls->bopen[ls->nbetween], F_GUARD);
    cc_lang_add_forms(L, y_require(L->doc, b, "separator", "ranges.between"), "separator", 0,
                      &ls->bsep[ls->nbetween], F_GUARD);
    ls->nbetween++;
}

void cc_lang_read_ranges(loader *L, const ynode *n, lists *ls)
{
    static const char *const keys[] = {"separators", "between", NULL};
    const ynode *b;
    size_t i;
    if (!n || !y_expect(L->doc, n, Y_MAP, "ranges"))
        return;
    y_check_keys(L->doc, n, keys, "ranges");
    cc_lang_add_forms(L, y_get(n, "separators"), "ranges.separators", 0, &ls->rsep, F_GUARD);
    if (!(b = y_get(n, "between")))
        return;
    if (b->type == Y_SEQ)
        for (i = 0; i < b->n; i++)
            read_between(L, b->kids[i], ls);
    else
        read_between(L, b, ls);
}

void cc_lang_read_vague(loader *L, const ynode *n, lists *ls)
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
        cc_lang_add_forms(L, y_require(L->doc, e, "forms", "a vague amount"), "forms",
                          (uint32_t)l->nvague, &ls->vague, F_GUARD);
        l->nvague++;
    }
}

int cc_lang_cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* A sorted array of lowercased strings from a YAML list. */
const char **cc_lang_read_word_set(loader *L, const ynode *n, const char *what, size_t *count)
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
        qsort(v, *count, sizeof(char *), cc_lang_cmp_str);
    return v;
}

void cc_lang_read_detect(loader *L, const ynode *n)
{
    static const char *const keys[] = {"words", "chars", "ranges", NULL};
    cc_lang *l = L->l;
    const ynode *c;
    size_t i;
    if (!n || !y_expect(L->doc, n, Y_MAP, "detect"))
        return;
    y_check_keys(L->doc, n, keys, "detect");
    l->detect.words =
        cc_lang_read_word_set(L, y_get(n, "words"), "detect.words", &l->detect.nwords);
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

void cc_lang_read_examples(loader *L, const ynode *n)
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

