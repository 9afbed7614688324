/*
 * terms.c: a language pack's terms (rule-loading stage).
 *
 * In: the pack's terms: mapping, concept name -> forms and examples
 * (docs/language-packs.md, "Terms"). Out: the pack's cc_terms and one
 * pattern over every form (termrx) whose alternatives mark the term they
 * belong to, so that one search finds every concept in a stretch of text.
 * Concept names are checked against the ruleset's concepts later
 * (frames.c), since a pack is loaded on its own.
 */
#include "lang_build.h"

#include "alloc.h"

#include <stdlib.h>
#include <string.h>

static void read_term_examples(loader *L, cc_term *tm, const ynode *n)
{
    size_t i;
    if (!n)
        return;
    if (!y_expect(L->doc, n, Y_SEQ, "examples"))
        return;
    tm->examples = cc_arena_alloc(&L->l->arena, (n->n + 1) * sizeof(cc_termex));
    for (i = 0; tm->examples && i < n->n; i++) {
        const ynode *e = n->kids[i];
        const char *s = y_str(L->doc, e, "an example");
        if (!s)
            continue;
        tm->examples[tm->nexamples].text = s;
        tm->examples[tm->nexamples].line = e->line;
        tm->examples[tm->nexamples].col = e->col;
        tm->nexamples++;
    }
}

/* A form that starts with \w* ("/\w*umsatz/" for "Quartalsumsatz") is
 * searched without it: an unanchored search would otherwise run \w* from
 * every letter of every word and back (a search over a 24 MB corpus took
 * four times as long). The extraction extends each match back to the start
 * of its word (frame.c), which gives the same span. */
static void strip_leading_word(formvec *fv)
{
    size_t i;
    for (i = 0; i < fv->n; i++)
        if (fv->v[i].regex && strncmp(fv->v[i].re, "\\w*", 3) == 0 && fv->v[i].re[3])
            fv->v[i].re += 3;
}

void cc_lang_read_terms(loader *L, const ynode *n)
{
    static const char *const keys[] = {"forms", "examples", NULL};
    cc_lang *l = L->l;
    size_t i;

    if (!n || !y_expect(L->doc, n, Y_MAP, "terms"))
        return;
    l->terms = cc_arena_alloc(&l->arena, (n->n + 1) * sizeof(cc_term));
    if (!l->terms) {
        y_error(L->doc, n, CC_D_NOMEM, NULL, "out of memory");
        return;
    }
    for (i = 0; i < n->n; i++) {
        const ynode *k = y_key(n, i), *v = y_val(n, i), *forms = v;
        cc_term *tm = &l->terms[l->nterms];
        formvec fv = {0};
        const char *alt;
        char msg[256];
        size_t off;
        memset(tm, 0, sizeof *tm);
        if (!(tm->concept = y_str(L->doc, k, "a concept name")))
            continue;
        tm->line = k->line;
        tm->col = k->col;
        if (v->type == Y_MAP) {
            y_check_keys(L->doc, v, keys, "a term");
            forms = y_require(L->doc, v, "forms", "a term");
            read_term_examples(L, tm, y_get(v, "examples"));
        }
        if (!forms)
            continue;
        cc_lang_add_forms(L, forms, "forms", (uint32_t)l->nterms, &fv, F_GUARD);
        strip_leading_word(&fv);
        alt = cc_lang_marked_alternation(&l->arena, &fv, l->spacing, false);
        cc_free(fv.v);
        if (!alt) {
            y_error(L->doc, k, CC_D_NOMEM, NULL, "out of memory");
            continue;
        }
        if (cc_rx_compile(&tm->rx, alt, strlen(alt), PCRE2_CASELESS, msg, sizeof msg, &off) != 0)
            y_error(L->doc, k, CC_D_PATTERN, NULL, "the forms of '%s' do not compile together: %s",
                    tm->concept, msg);
        l->nterms++;
    }
}

void cc_lang_free_terms(cc_lang *l)
{
    size_t i;
    for (i = 0; i < l->nterms; i++)
        cc_rx_free(&l->terms[i].rx);
}

void cc_lang_jit_terms(cc_lang *l)
{
    size_t i;
    for (i = 0; i < l->nterms; i++)
        cc_rx_jit(&l->terms[i].rx);
}

/* A mapping of keys (NULL-terminated) to forms, compiled into rx: one
 * pattern whose alternatives mark their key's number, 1 for the first. */
static void read_marked(loader *L, const ynode *n, const char *const *keys, const char *what,
                        cc_rx *rx)
{
    cc_lang *l = L->l;
    formvec fv = {0};
    const char *alt;
    char msg[256];
    size_t off;
    uint32_t k;
    if (!n || !y_expect(L->doc, n, Y_MAP, what))
        return;
    y_check_keys(L->doc, n, keys, what);
    for (k = 1; keys[k - 1]; k++)
        cc_lang_add_forms(L, y_get(n, keys[k - 1]), keys[k - 1], k, &fv, F_GUARD);
    alt = cc_lang_marked_alternation(&l->arena, &fv, l->spacing, true);
    cc_free(fv.v);
    if (!alt)
        y_error(L->doc, n, CC_D_NOMEM, NULL, "out of memory");
    else if (cc_rx_compile(rx, alt, strlen(alt), PCRE2_CASELESS, msg, sizeof msg, &off) != 0)
        y_error(L->doc, n, CC_D_PATTERN, NULL, "%s do not compile: %s", what, msg);
}

/* quarters: {q1: [...], ..., q4: [...]}, marked 1 to 4 */
void cc_lang_read_quarters(loader *L, const ynode *n)
{
    static const char *const keys[] = {"q1", "q2", "q3", "q4", NULL};
    read_marked(L, n, keys, "quarters", &L->l->quarters);
}

/* months: {jan: [...], ..., dec: [...]}, marked 1 to 12 */
void cc_lang_read_months(loader *L, const ynode *n)
{
    static const char *const keys[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                       "aug", "sep", "oct", "nov", "dec", NULL};
    read_marked(L, n, keys, "months", &L->l->months);
}

/* ago: {before: [...], after: [...]}: the words that make a duration a
 * time in the past ("hace tres meses", "four months ago", "4ヶ月前").
 * before: a pattern that ends where the duration starts (matched with the
 * subject cut there); after: one anchored where it ends; now: the words
 * that turn to the present ("Vor acht Monaten scheiterten die Gespräche,
 * nun kauft Google Wiz für 33 Milliarden"), past which the duration says
 * nothing. */
void cc_lang_read_ago(loader *L, const ynode *n)
{
    static const char *const keys[] = {"before", "after", "now", NULL};
    static const char *const names[] = {"before", "after", "now"};
    cc_lang *l = L->l;
    int i;
    if (!n || !y_expect(L->doc, n, Y_MAP, "ago"))
        return;
    y_check_keys(L->doc, n, keys, "ago");
    for (i = 0; i < 3; i++) {
        formvec fv = {0};
        cc_buf b = CC_BUF_INIT;
        char msg[256];
        size_t off;
        const char *alt;
        cc_rx *rx = i == 0 ? &l->ago_before : i == 1 ? &l->ago_after : &l->ago_now;
        cc_lang_add_forms(L, y_get(n, names[i]), names[i], 0, &fv, F_GUARD);
        if (!fv.n)
            continue;
        alt = cc_lang_marked_alternation(&l->arena, &fv, l->spacing, false);
        cc_free(fv.v);
        if (!alt) {
            y_error(L->doc, n, CC_D_NOMEM, NULL, "out of memory");
            continue;
        }
        if (i == 0)
            cc_buf_printf(&b, "%s[\\s\\x{00A0}]*", alt);
        else if (i == 1)
            cc_buf_printf(&b, "[\\s\\x{00A0}]*%s", alt);
        else
            cc_buf_puts(&b, alt);
        if (b.err)
            y_error(L->doc, n, CC_D_NOMEM, NULL, "out of memory");
        else if (cc_rx_compile(rx, b.p, b.len,
                               PCRE2_CASELESS | (i == 0   ? PCRE2_ENDANCHORED
                                                 : i == 1 ? PCRE2_ANCHORED
                                                          : 0),
                               msg, sizeof msg, &off) != 0)
            y_error(L->doc, n, CC_D_PATTERN, NULL, "ago.%s does not compile: %s", names[i], msg);
        cc_buf_free(&b);
    }
}

/* Every match of rx in t[a, b), left to right: fn gets id, or with
 * marked the number the match's (*MARK) names (no mark: not reported). */
static int each(const cc_rx *rx, bool marked, uint32_t id, cc_rxctx *c, const char *t,
                size_t a, size_t b, cc_mark_fn fn, void *ud)
{
    size_t off = a;
    if (!rx->code)
        return 0;
    while (off < b) {
        int rc = cc_rx_match(rx, c, c->aux, t, b, off, PCRE2_NO_UTF_CHECK);
        PCRE2_SIZE *ov;
        PCRE2_SPTR mark = NULL;
        if (rc == PCRE2_ERROR_NOMATCH)
            return 0;
        if (rc < 0)
            return rc;
        ov = pcre2_get_ovector_pointer(c->aux);
        if (marked && (mark = pcre2_get_mark(c->aux)))
            id = (uint32_t)strtoul((const char *)mark, NULL, 10);
        if ((!marked || mark) && ov[1] > ov[0])
            fn(ud, id, ov[0], ov[1]);
        off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        while (off < b && ((unsigned char)t[off] & 0xC0) == 0x80)
            off++;
    }
    return 0;
}

int cc_rx_each_match(const cc_rx *rx, uint32_t id, cc_rxctx *c, const char *t, size_t a,
                     size_t b, cc_mark_fn fn, void *ud)
{
    return each(rx, false, id, c, t, a, b, fn, ud);
}

int cc_rx_each_mark(const cc_rx *rx, cc_rxctx *c, const char *t, size_t a, size_t b,
                    cc_mark_fn fn, void *ud)
{
    return each(rx, true, 0, c, t, a, b, fn, ud);
}
