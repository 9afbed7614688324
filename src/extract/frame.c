/*
 * frame.c: frame claims (stage 4, after the pattern and context
 * extractors).
 *
 * In: an article scanned for quantities and split into sentences, its
 * pack's terms and the ruleset's entities, the language's CC_X_FRAME
 * extractors. Out: hits (extract_priv.h), one claim per figure at most.
 *
 * Each figure is given the head concept that governs it in its sentence
 * (assign_governors): distances are counted in words (a CJK character is
 * half a word), a clause mark between head and figure counts as three
 * words and another figure as six, a bracketed conversion as nothing;
 * pairs are taken cheapest first, one figure per head, so that in "raised
 * $6.6bn at a $157bn valuation" the valuation governs $157bn and the
 * raise $6.6bn. Predicates (growth, decline, amount) hand a figure not of
 * their kind to the head they are said of; a figure with no head takes
 * the last head of the sentence before. A frame takes a figure when one of
 * its heads governs it, its entities are named, its with: are in the
 * figure's clause and its not: are not, and the figure's year fits. When
 * several frames take one figure the one that asked for most wins; a
 * figure a pattern or context extractor took is left to it. docs/rules.md,
 * "Frames", says the same for rule authors.
 *
 * The file is long because governing, clauses, entities (and anaphors) and
 * arbitration read one another's state; the figure's time (months,
 * quarters, fiscal years, on:/before:) is in frame_time.c.
 */
#include "extract_priv.h"

#include "alloc.h"
#include "buf.h"
#include "uni.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Costs in half-words. */
enum {
    COST_WORD = 2,     /* a word written with spaces around it */
    COST_CJK = 1,      /* a CJK character */
    COST_MARK = 6,     /* a clause mark: , ; : ( ) and dashes */
    COST_FIGURE = 12,  /* another figure */
    GOVERN_MAX = 16,   /* a head further than this governs nothing */
    SUBJECT_MAX = 40,  /* a predicate's head may be this far from it */
    CLAUSE_REACH = 12, /* a clause extends this far beyond figure and head */
    MODAL_REACH = 8,   /* a forecast's word this far before the head ("plans
                          to raise", "is expected to pay", "擬融資") */
    RATE_AFTER = 6,    /* a rate's word this far after a money figure ("$4,000
                          of net profit per second") */
    RATE_BEFORE = 2    /* or this far before it ("每股收益3.46美元") */
};

#define PARAGRAPH_REACH 4096

/* figure_year of "last year" or "next year" in an undated article */
#define CC_YEAR_OTHER (-1)

static bool clause_mark(uint32_t cp)
{
    switch (cp) {
    case ',': case ';': case ':': case '(': case ')': case '[': case ']':
    case 0x2013: case 0x2014:                 /* – — */
    case 0xFF0C: case 0xFF1B: case 0xFF1A:    /* ，；： */
    case 0xFF08: case 0xFF09: case 0x3001:    /* （）、 */
        return true;
    default:
        return false;
    }
}

/* A figure that counts as one between a head and another figure: an
 * amount, a percentage, a count or a scaled number, not a bare number
 * such as a year. */
bool cc_extract_counts(const cc_quantity *q)
{
    return !q->vague && q->conversion_of < 0 && (q->kind != CC_KIND_NUMBER || q->scaled);
}

/* The first occurrence starting at or after off (sorted by start,
 * find_occurrences). Every loop over the figures or words near a place
 * starts at such a search (first_q for figures), so that an article of a
 * million figures is not searched a million times over. */
static size_t first_occ(const cc_occs *o, size_t off)
{
    size_t lo = 0, hi = o->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (o->v[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Is a figure (other than the one at skip) inside [a, b)? */
static bool figure_between(const cc_extractor *x, size_t a, size_t b, size_t skip)
{
    size_t i;
    for (i = cc_extract_first_q(x, a); i < x->q.n; i++) {
        const cc_quantity *q = &x->q.v[i];
        if (q->start >= b)
            break;
        if (i != skip && q->start >= a && q->end <= b && cc_extract_counts(q))
            return true;
    }
    return false;
}

/* e past the spaces and closing brackets after a conversion, up to b. */
static size_t past_bracket(const char *t, size_t e, size_t b)
{
    for (;;) {
        if (e < b && (t[e] == ' ' || t[e] == ')'))
            e++;
        else if (e + 3 <= b && memcmp(t + e, "\xEF\xBC\x89", 3) == 0) /* ） */
            e += 3;
        else
            return e;
    }
}

/* The end of the bracketed conversion opening at i ("(29,3 Milliarden
 * Euro)", "（約4兆8000億円）"), or i when there is none. */
static size_t skip_conversion(const cc_extractor *x, const char *t, size_t i, size_t b)
{
    size_t k;
    for (k = cc_extract_first_q(x, i + 1); k < x->q.n && x->q.v[k].start <= i + 16; k++) {
        const cc_quantity *q = &x->q.v[k];
        if (q->conversion_of < 0 || q->end > b)
            continue;
        return past_bracket(t, q->end, b);
    }
    return i;
}

/* The distance in half-words across t[a, b). */
static unsigned gap_cost(const cc_extractor *x, const char *t, size_t a, size_t b, size_t self,
                         unsigned limit)
{
    unsigned cost = 0;
    bool inword = false;
    size_t i = a;
    /* the figure's own conversion written after it stands for it, with
     * its mark: "18億4000万ユーロ、日本円でおよそ3000億円の制裁金" is no
     * further from 制裁金 than "18億ユーロの制裁金" */
    if (self + 1 < x->q.n && a == x->q.v[self].end && x->q.v[self + 1].conversion_of == (long)self &&
        x->q.v[self + 1].end <= b)
        i = past_bracket(t, x->q.v[self + 1].end, b);
    while (i < b) {
        uint32_t cp;
        int n = cc_utf8_decode(t + i, t + b, &cp);
        if (n < 1)
            n = 1;
        if (cp == '(' || cp == 0xFF08) {
            /* a conversion in brackets stands for the figure before it:
             * it is no distance ("320億ドル(4兆8,000億円)で買収") */
            size_t e = skip_conversion(x, t, i, b);
            if (e > i) {
                i = e;
                continue;
            }
        }
        if (cc_uni_is_cjk(cp)) {
            cost += COST_CJK;
            inword = false;
        } else if (cc_uni_is_letter(cp) || cc_uni_is_digit(cp)) {
            if (!inword)
                cost += COST_WORD;
            inword = true;
        } else {
            if (clause_mark(cp))
                cost += COST_MARK;
            /* "OpenAI-ba", "l'acquisition": joined by a hyphen or an
             * apostrophe, still one word */
            inword = inword && (cp == '-' || cp == '\'' || cp == 0x2019);
        }
        i += (size_t)n;
        if (cost > limit)
            return cost;
    }
    if (figure_between(x, a, b, self))
        cost += COST_FIGURE;
    return cost;
}

static int push_occ(cc_occs *o, uint32_t id, size_t a, size_t b)
{
    if (o->n == o->cap) {
        void *v = o->v;
        if (cc_grow(&v, &o->cap, o->n + 1, sizeof(cc_occ)) != 0)
            return -1;
        o->v = v;
    }
    o->v[o->n].id = id;
    o->v[o->n].start = a;
    o->v[o->n].end = b;
    o->n++;
    return 0;
}

static int cmp_occ(const void *a, const void *b)
{
    const cc_occ *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

typedef struct collect {
    cc_occs *o;
    const int32_t *map; /* mark -> id (-1: drop); NULL: the mark is the id */
    const char *t;      /* with map: the text, to extend a term to its word */
    size_t lo;
    int err;
} collect;

static void on_mark(void *ud, uint32_t mark, size_t a, size_t b)
{
    collect *c = ud;
    int32_t id = c->map ? c->map[mark] : (int32_t)mark;
    if (c->map) {
        /* a term found inside a word ("Quartals|umsatz") starts with it */
        while (a > c->lo) {
            uint32_t cp;
            size_t p = a - 1;
            while (p > c->lo && ((unsigned char)c->t[p] & 0xC0) == 0x80)
                p--;
            if (cc_utf8_decode(c->t + p, c->t + a, &cp) < 0 || cc_uni_is_cjk(cp) ||
                !(cc_uni_is_letter(cp) || cc_uni_is_digit(cp)))
                break;
            a = p;
        }
    }
    if (id >= 0 && push_occ(c->o, (uint32_t)id, a, b) != 0)
        c->err = CC_ERR_NOMEM;
}

/* The terms of t[a, b), each term's pattern searched on its own (a word
 * may say two concepts). */
static int find_terms(cc_extractor *x, const cc_lang *l, const cc_langframe *lf, const char *t,
                      size_t a, size_t b, collect *ct)
{
    size_t k;
    int rc = 0;
    for (k = 0; k < l->nterms && rc == 0; k++)
        if (lf->cid[k] >= 0)
            rc = cc_rx_each_match(&l->terms[k].rx, (uint32_t)k, &x->ctx, t, a, b, on_mark, ct);
    return rc;
}

static int each_entity(cc_extractor *x, const cc_langframe *lf, const char *t, size_t a,
                       size_t b, collect *ce)
{
    size_t k;
    int rc = 0;
    for (k = 0; k < lf->nent && rc == 0; k++)
        rc = cc_rx_each_match(&lf->entrx[k], lf->entid[k], &x->ctx, t, a, b, on_mark, ce);
    return rc;
}

/* Terms and entities of the candidate sentences (and, for entities, the
 * lines around them when a frame looks in the paragraph). */
static int find_occurrences(cc_extractor *x, const cc_lang *l, const cc_langframe *lf,
                            const char *t, size_t lo, size_t hi, int within)
{
    bool paragraph = within == CC_ENT_PARAGRAPH;
    collect ct = {&x->terms, lf->cid, t, lo, 0}, ce = {&x->ents, NULL, NULL, 0, 0};
    size_t s, done = lo, i;
    uint8_t *want;
    x->terms.n = x->ents.n = 0;
    /* only sentences with a figure frames can take (1), and the sentence
     * before each (2, for its heads), are searched: a year or a page
     * number makes a sentence a candidate for the extractors, not here */
    if (!(want = cc_calloc(x->ss.n + 1, 1)))
        return CC_ERR_NOMEM;
    for (i = 0; i < x->q.n; i++) {
        long si = cc_sent_of(&x->ss, x->q.v[i].start);
        if (si < 0 || !x->ss.v[si].candidate || !cc_extract_counts(&x->q.v[i]))
            continue;
        want[si] |= 1;
        if (si > 0)
            want[si - 1] |= 2;
    }
    /* a run of wanted sentences is searched at once */
    for (s = 0; s < x->ss.n; s++) {
        size_t a = x->ss.v[s].start, b, e = s;
        int rc;
        if (!want[s])
            continue;
        while (e + 1 < x->ss.n && want[e + 1])
            e++;
        b = x->ss.v[e].end;
        rc = find_terms(x, l, lf, t, a, b, &ct);
        if (rc == 0 && within == CC_ENT_SENTENCE)
            rc = each_entity(x, lf, t, a, b, &ce);
        s = e;
        if (rc < 0) {
            cc_free(want);
            return rc;
        }
    }
    cc_free(want);
    if (within == CC_ENT_ARTICLE) {
        int rc = each_entity(x, lf, t, lo, hi, &ce);
        if (rc < 0)
            return rc;
    } else if (paragraph) {
        /* every line that holds a candidate, once */
        for (s = 0; s < x->ss.n; s++) {
            size_t a = x->ss.v[s].start, b = x->ss.v[s].end, la, lb;
            int rc;
            if (!x->ss.v[s].candidate || b <= done)
                continue;
            la = a > lo + PARAGRAPH_REACH ? a - PARAGRAPH_REACH : lo;
            lb = hi - b > PARAGRAPH_REACH ? b + PARAGRAPH_REACH : hi;
            while (a > la && t[a - 1] != '\n')
                a--;
            while (b < lb && t[b] != '\n')
                b++;
            while (a < b && ((unsigned char)t[a] & 0xC0) == 0x80)
                a++;
            while (b > a && b < hi && ((unsigned char)t[b] & 0xC0) == 0x80)
                b--;
            if (a < done)
                a = done;
            rc = each_entity(x, lf, t, a, b, &ce);
            if (rc < 0)
                return rc;
            done = b;
        }
    }
    if (x->terms.n > 1)
        qsort(x->terms.v, x->terms.n, sizeof(cc_occ), cmp_occ);
    if (x->ents.n > 1)
        qsort(x->ents.v, x->ents.n, sizeof(cc_occ), cmp_occ);
    return ct.err ? ct.err : ce.err;
}

static bool eligible(const cc_extractor *x, size_t i)
{
    const cc_quantity *q = &x->q.v[i];
    long s = cc_sent_of(&x->ss, q->start);
    return cc_extract_counts(q) && s >= 0 && x->ss.v[s].candidate;
}

static bool governs_kind(const cc_concept *c, const cc_quantity *q)
{
    return c->role != CC_ROLE_MODIFIER && (!c->kinds || (c->kinds & (1u << q->kind)));
}

/* A predicate ("rose", "a jump of") reaches the figure. It governs it when
 * the figure is of its kind; otherwise the figure is the head's it is said
 * of. */
static bool reaches(const cc_concept *c, const cc_quantity *q)
{
    return governs_kind(c, q) || c->role == CC_ROLE_PREDICATE;
}

/* Is term o inside the text of a counted figure other than i ("2カ月" of
 * "2カ月あまりで4億人", "users" of "800 million users")? Such a noun says
 * what its own figure counts and governs no other. */
static bool inside_other(const cc_extractor *x, const cc_occ *o, size_t i)
{
    size_t k = cc_extract_first_q(x, o->start);
    if (k < x->q.n && k != i && x->q.v[k].start == o->start && o->end <= x->q.v[k].end &&
        cc_extract_counts(&x->q.v[k]))
        return true;
    return k > 0 && k - 1 != i && x->q.v[k - 1].start <= o->start && o->end <= x->q.v[k - 1].end &&
           cc_extract_counts(&x->q.v[k - 1]);
}

/* The words between term o and figure i (gap_cost, up to max), or max + 1
 * when o overlaps the figure's text. */
static unsigned term_gap(const cc_extractor *x, const char *t, size_t i, const cc_occ *o,
                         unsigned max)
{
    const cc_quantity *q = &x->q.v[i];
    if (o->end <= q->start)
        return gap_cost(x, t, o->end, q->start, i, max);
    if (o->start >= q->end)
        return gap_cost(x, t, q->end, o->start, i, max);
    return max + 1;
}

/* The cost of head term k governing quantity i, or max + 1 (GOVERN_MAX:
 * a head further than that governs nothing). */
static unsigned pair_cost(const cc_extractor *x, const char *t, size_t i, size_t k, unsigned max)
{
    const cc_quantity *q = &x->q.v[i];
    const cc_occ *o = &x->terms.v[k];
    if (!reaches(&x->rs->concepts[o->id], q) || inside_other(x, o, i))
        return max + 1;
    /* inside the figure's own text: a count's noun says what is counted
     * ("1,800 employees", "800 Millionen Nutzer"); nothing else does */
    if (q->kind == CC_KIND_COUNT && o->start >= q->start && o->end <= q->end)
        return 0;
    return term_gap(x, t, i, o, max);
}

/* The head a predicate (term p) is said of, for figure i: the nearest head
 * of i's kind (of any kind with any_kind) in the sentence, measured from
 * the predicate ("Tržby Nvidie vzrostly ... na 57 miliard"); -1 when none
 * is near. */
static long subject_of(const cc_extractor *x, const char *t, size_t i, size_t p, bool any_kind)
{
    const cc_occ *po = &x->terms.v[p];
    long s = cc_sent_of(&x->ss, x->q.v[i].start), best = -1;
    unsigned bc = SUBJECT_MAX + 1;
    size_t k;
    for (k = first_occ(&x->terms, x->ss.v[s].start);
         k < x->terms.n && x->terms.v[k].start < x->ss.v[s].end; k++) {
        const cc_occ *o = &x->terms.v[k];
        unsigned c;
        if (k == p || o->end > x->ss.v[s].end ||
            x->rs->concepts[o->id].role != CC_ROLE_HEAD ||
            (!any_kind && !governs_kind(&x->rs->concepts[o->id], &x->q.v[i])))
            continue;
        c = o->end <= po->start ? gap_cost(x, t, o->end, po->start, i, SUBJECT_MAX)
            : o->start >= po->end ? gap_cost(x, t, po->end, o->start, i, SUBJECT_MAX)
                                  : SUBJECT_MAX + 1;
        if (c < bc) {
            bc = c;
            best = (long)k;
        }
    }
    return best;
}

/* The governor of the counted figure right before i in i's sentence, when
 * that governor has the given role and the words between the two figures
 * cost at most max; -1 otherwise. */
static long governor_before(const cc_extractor *x, const char *t, size_t i, cc_role role,
                            unsigned max)
{
    const cc_quantity *q = &x->q.v[i];
    size_t j = i;
    while (j-- > 0 && !cc_extract_counts(&x->q.v[j]))
        ;
    if (j >= i || x->gov[j] < 0 || x->q.v[j].end > q->start ||
        cc_sent_of(&x->ss, x->q.v[j].start) != cc_sent_of(&x->ss, q->start) ||
        x->rs->concepts[x->terms.v[x->gov[j]].id].role != role)
        return -1;
    return gap_cost(x, t, x->q.v[j].end, q->start, i, max) <= max ? x->gov[j] : -1;
}

/* "57 mil 006 millones de dólares, un 62,5% más", "$51.2bn in revenue
 * (+66% year on year)": the head of the figure right before i, when i is
 * set beside it (a clause mark and a word or two between them); -1 when
 * there is none. */
static long apposed_head(const cc_extractor *x, const char *t, size_t i)
{
    return governor_before(x, t, i, CC_ROLE_HEAD, COST_MARK + 2 * COST_WORD);
}

typedef struct govpair {
    unsigned cost;
    uint32_t q, term;
    uint8_t after; /* the head comes after the figure */
} govpair;

static int cmp_pair(const void *a, const void *b)
{
    const govpair *x = a, *y = b;
    if (x->cost != y->cost)
        return x->cost < y->cost ? -1 : 1;
    /* ties: the head right after the figure when one word joins them
     * ("USD 6.6 bn in funding and USD 4 bn in loans": the loans'), else
     * the head before it ("a funding of 6.6bn") */
    if (x->after != y->after)
        return (x->cost <= COST_WORD ? x->after > y->after : x->after < y->after) ? -1 : 1;
    if (x->q != y->q)
        return x->q < y->q ? -1 : 1;
    return x->term < y->term ? -1 : x->term > y->term;
}

/* Gives every eligible quantity the head term that governs it (x->gov[i],
 * -1 for none). Pairs of a head and a figure in one sentence are taken
 * cheapest first, each head and each figure once, so that in "a new
 * funding of 6.6bn with a valuation of 157bn" the valuation goes to the
 * figure right after it and the funding to the other; a figure left over
 * then takes its nearest head even if that head governs another ("invested
 * $1bn in 2019 and $10bn in 2023"). A figure with no head in its sentence
 * takes the last head of the sentence before it in the same line when that
 * sentence governs no figure ("Google's biggest acquisition yet. It pays
 * $32bn for Wiz."). */
static int assign_governors(cc_extractor *x, const char *t)
{
    govpair *pairs = NULL;
    size_t np = 0, cap = 0, i, k;
    bool *used;
    if (cc_grow((void **)&x->gov, &x->capgov, x->q.n + 1, sizeof(long)) != 0)
        return CC_ERR_NOMEM;
    used = cc_calloc(x->terms.n + 1, 1);
    if (!used)
        return CC_ERR_NOMEM;
    for (i = 0; i < x->q.n; i++) {
        long s;
        x->gov[i] = -1;
        if (!eligible(x, i))
            continue;
        s = cc_sent_of(&x->ss, x->q.v[i].start);
        for (k = first_occ(&x->terms, x->ss.v[s].start);
             k < x->terms.n && x->terms.v[k].start < x->ss.v[s].end; k++) {
            const cc_occ *o = &x->terms.v[k];
            unsigned c;
            if (o->end > x->ss.v[s].end)
                continue;
            if ((c = pair_cost(x, t, i, k, GOVERN_MAX)) > GOVERN_MAX)
                continue;
            if (np == cap && cc_grow((void **)&pairs, &cap, np + 1, sizeof(govpair)) != 0) {
                cc_free(pairs);
                cc_free(used);
                return CC_ERR_NOMEM;
            }
            pairs[np].cost = c;
            pairs[np].q = (uint32_t)i;
            pairs[np].term = (uint32_t)k;
            pairs[np].after = o->start >= x->q.v[i].end;
            np++;
        }
    }
    if (np)
        qsort(pairs, np, sizeof(govpair), cmp_pair);
    for (k = 0; k < np; k++)
        if (x->gov[pairs[k].q] < 0 && !used[pairs[k].term]) {
            x->gov[pairs[k].q] = pairs[k].term;
            used[pairs[k].term] = true;
        }
    for (k = 0; k < np; k++)
        if (x->gov[pairs[k].q] < 0)
            x->gov[pairs[k].q] = pairs[k].term;
    /* "stieg um 62 Prozent auf 57 Milliarden", "climbed 62% to a record
     * $57bn", "s'envoler de 65%, à 31,91 milliards": a figure that follows
     * one a predicate governs, in its sentence, with no head near it, is
     * said of that predicate's head too */
    for (i = 1; i < x->q.n; i++)
        if (x->gov[i] < 0 && eligible(x, i))
            x->gov[i] = governor_before(x, t, i, CC_ROLE_PREDICATE, GOVERN_MAX);
    for (i = 0; i < x->q.n; i++)
        if (x->gov[i] >= 0 && !governs_kind(&x->rs->concepts[x->terms.v[x->gov[i]].id], &x->q.v[i]))
            x->gov[i] = subject_of(x, t, i, (size_t)x->gov[i], false);
    /* the sentence before */
    for (i = 0; i < x->q.n; i++) {
        long s, p;
        size_t j;
        if (x->gov[i] >= 0 || !eligible(x, i))
            continue;
        s = cc_sent_of(&x->ss, x->q.v[i].start);
        if (s <= 0)
            continue;
        p = s - 1;
        if (memchr(t + x->ss.v[p].end, '\n', x->ss.v[s].start - x->ss.v[p].end))
            continue; /* another line */
        for (j = cc_extract_first_q(x, x->ss.v[p].start); j < x->q.n && x->q.v[j].start < x->ss.v[p].end;
             j++)
            if (x->gov[j] >= 0)
                break;
        if (j < x->q.n && x->q.v[j].start < x->ss.v[p].end)
            continue; /* it governs its own figures */
        for (k = first_occ(&x->terms, x->ss.v[p].end); k-- > 0;) {
            const cc_occ *o = &x->terms.v[k];
            if (o->start < x->ss.v[p].start)
                break;
            if (o->end <= x->ss.v[p].end && governs_kind(&x->rs->concepts[o->id], &x->q.v[i])) {
                x->gov[i] = (long)k;
                break;
            }
        }
    }
    cc_free(pairs);
    cc_free(used);
    return CC_OK;
}

/* From a, leftwards up to reach but not past a clause mark or sa: the
 * words that belong with what is at a ("Data center revenue"). */
static size_t reach_left(const char *t, size_t sa, size_t a, unsigned reach)
{
    unsigned cost = 0;
    bool inword = false;
    while (a > sa && cost <= reach) {
        size_t p = a - 1;
        uint32_t cp;
        while (p > sa && ((unsigned char)t[p] & 0xC0) == 0x80)
            p--;
        if (cc_utf8_decode(t + p, t + a, &cp) < 0)
            cp = 0xFFFD;
        if (clause_mark(cp))
            break;
        if (cc_uni_is_cjk(cp))
            cost += COST_CJK, inword = false;
        else if (cc_uni_is_letter(cp) || cc_uni_is_digit(cp))
            cost += inword ? 0 : COST_WORD, inword = true;
        else
            inword = false;
        a = p;
    }
    return a;
}

/* The figure's clause: figure and head, extended up to CLAUSE_REACH on
 * either side, stopping at clause marks and other figures. */
static void clause_of(const cc_extractor *x, const char *t, size_t i, const cc_occ *head,
                      size_t sa, size_t sb, size_t *ca, size_t *cb)
{
    const cc_quantity *q = &x->q.v[i];
    size_t a = reach_left(t, sa, head->start < q->start ? head->start : q->start, CLAUSE_REACH);
    size_t b = head->end > q->end ? head->end : q->end;
    unsigned cost = 0;
    bool inword = false;
    size_t k;
    while (b < sb && cost <= CLAUSE_REACH) {
        uint32_t cp;
        int n = cc_utf8_decode(t + b, t + sb, &cp);
        if (n < 1)
            n = 1;
        if (clause_mark(cp))
            break;
        if (cc_uni_is_cjk(cp))
            cost += COST_CJK, inword = false;
        else if (cc_uni_is_letter(cp) || cc_uni_is_digit(cp))
            cost += inword ? 0 : COST_WORD, inword = true;
        else
            inword = false;
        b += (size_t)n;
    }
    /* other figures bound the clause */
    for (k = cc_extract_first_q(x, sa); k < x->q.n && x->q.v[k].start < sb; k++) {
        const cc_quantity *o = &x->q.v[k];
        if (k == i || !cc_extract_counts(o))
            continue;
        if (o->end <= q->start && o->end > a && o->end <= head->start)
            a = o->end;
        if (o->end <= q->start && o->end > a && head->start < o->start)
            a = o->end;
        if (o->start >= q->end && o->start < b && o->start >= head->end)
            b = o->start;
    }
    *ca = a;
    *cb = b;
}

static bool concept_in(const cc_occs *o, uint32_t concept, size_t a, size_t b)
{
    size_t k;
    for (k = first_occ(o, a); k < o->n && o->v[k].start < b; k++)
        if (o->v[k].id == concept && o->v[k].end <= b)
            return true;
    return false;
}

/* The organisation an anaphor at a stands for ("the company", "la
 * empresa", "同社"): the organisation named last before it in the article;
 * -1 when none is. The article's entities are searched once, when the
 * first anaphor asks. */
static void find_orgs(cc_extractor *x, const char *t, size_t lo, size_t hi)
{
    if (!x->orgs_found) {
        collect ce = {&x->orgs, NULL, NULL, 0, 0};
        x->orgs.n = 0;
        if (each_entity(x, x->lf, t, lo, hi, &ce) < 0 || ce.err)
            x->orgs.n = 0; /* out of memory or budget: no antecedents */
        else if (x->orgs.n > 1)
            qsort(x->orgs.v, x->orgs.n, sizeof(cc_occ), cmp_occ);
        x->orgs_found = true;
    }
}

static long antecedent(cc_extractor *x, const char *t, size_t lo, size_t hi, size_t a)
{
    size_t k;
    find_orgs(x, t, lo, hi);
    /* back from the first entity named at or after a (sorted by start) */
    for (k = first_occ(&x->orgs, a); k-- > 0;) {
        const char *kind = x->rs->entities[x->orgs.v[k].id].kind;
        if (x->orgs.v[k].end <= a && kind && strcmp(kind, "organisation") == 0)
            return (long)x->orgs.v[k].id;
    }
    return -1;
}

/* Is entity e named in t[a, b) by an anaphor that stands for it ("Meta
 * announced... The company will invest $14.3bn")? */
static bool named_by_anaphor(cc_extractor *x, const char *t, size_t lo, size_t hi, uint32_t e,
                             size_t a, size_t b)
{
    size_t k;
    if (x->anaphor_id < 0 || !x->lf)
        return false;
    for (k = first_occ(&x->terms, a); k < x->terms.n && x->terms.v[k].start < b; k++)
        if (x->terms.v[k].id == (uint32_t)x->anaphor_id && x->terms.v[k].end <= b &&
            antecedent(x, t, lo, hi, x->terms.v[k].start) == (long)e)
            return true;
    return false;
}

/* The line around [a, b), as the paragraph window of the context
 * extractors. */
static void paragraph_of(const char *t, size_t lo, size_t hi, size_t a, size_t b, size_t *pa,
                         size_t *pb)
{
    size_t la = a > lo + PARAGRAPH_REACH ? a - PARAGRAPH_REACH : lo;
    size_t lb = hi - b > PARAGRAPH_REACH ? b + PARAGRAPH_REACH : hi;
    while (a > la && t[a - 1] != '\n')
        a--;
    while (b < lb && t[b] != '\n')
        b++;
    *pa = a;
    *pb = b;
}

size_t cc_extract_mention_gap(const char *t, size_t a, size_t b, size_t c, size_t d)
{
    if (t)
        return d <= a ? cc_lang_mention_gap(t, d, a) : c >= b ? cc_lang_mention_gap(t, b, c) : 0;
    return b <= c ? c - b : d <= a ? a - d : 0;
}

/* Is quantity i the figure of its kind nearest to [ya, yb) in its sentence
 * [sa, sb)? A year mention belongs to the nearest figure: "first invested
 * $1bn in 2019, has since invested $13bn"; a percentage does not take it
 * from an amount: "im dritten Quartal um 62 Prozent auf 57 Milliarden". */
bool cc_extract_nearest_figure(const cc_extractor *x, const char *t, size_t i, size_t ya,
                               size_t yb, size_t sa, size_t sb)
{
    size_t mine = cc_extract_mention_gap(t, x->q.v[i].start, x->q.v[i].end, ya, yb), k;
    for (k = cc_extract_first_q(x, sa); k < x->q.n && x->q.v[k].start < sb; k++) {
        const cc_quantity *o = &x->q.v[k];
        if (k == i || !cc_extract_counts(o) || o->kind != x->q.v[i].kind || o->end > sb)
            continue;
        if (cc_extract_mention_gap(t, o->start, o->end, ya, yb) < mine)
            return false;
    }
    return true;
}

/* Is the year mention t[ya, yb) the base of a change: next to a
 * percentage a predicate governs ("62% more than a year ago", "up 62% from
 * last year", "un 62,5% más que un año antes", "前年同期比62%増")? Such a
 * mention says what the change is measured against, not when any figure
 * of the sentence is. */
static bool comparison_base(const cc_extractor *x, const char *t, size_t ya, size_t yb,
                            size_t sa, size_t sb)
{
    size_t k;
    for (k = cc_extract_first_q(x, sa); k < x->q.n && x->q.v[k].start < sb; k++) {
        const cc_quantity *o = &x->q.v[k];
        unsigned c;
        if (o->kind != CC_KIND_PERCENT || x->gov[k] < 0 ||
            x->rs->concepts[x->terms.v[x->gov[k]].id].role != CC_ROLE_PREDICATE)
            continue;
        if (o->end <= ya)
            c = gap_cost(x, t, o->end, ya, k, 4 * COST_WORD);
        else if (o->start >= yb)
            c = gap_cost(x, t, yb, o->start, k, 4 * COST_WORD);
        else
            continue;
        if (c <= 4 * COST_WORD)
            return true;
    }
    return false;
}

/* The year the figure is about: the nearest year mention in its clause,
 * else in its sentence unless another figure is nearer to it (it is that
 * figure's year), else the article's date; 0 when none says. A relative
 * year that is the base of a change (comparison_base) says nothing.
 * *written: a mention. */
static int figure_year(cc_extractor *x, const cc_lang *l, cc_doc *doc, size_t i, size_t ca,
                       size_t cb, size_t sa, size_t sb, bool *written)
{
    const char *t = cc_doc_text(doc);
    const cc_quantity *q = &x->q.v[i];
    int year = 0, rel = 0, found;
    size_t ya = 0, yb = 0;
    *written = false;
    found = cc_lang_nearest_year(l, &x->ctx, t, ca, cb, q->start, q->end, &year, &rel, &ya, &yb);
    if (found == 0) {
        found = cc_lang_nearest_year(l, &x->ctx, t, sa, sb, q->start, q->end, &year, &rel, &ya,
                                     &yb);
        if (found > 0 && !cc_extract_nearest_figure(x, NULL, i, ya, yb, sa, sb))
            found = 0;
    }
    if (found > 0 && rel && comparison_base(x, t, ya, yb, sa, sb))
        found = 0;
    if (found > 0) {
        *written = true;
        if (!rel)
            return year;
        if (cc_doc_year(doc))
            return cc_doc_year(doc) + year;
        /* undated: "this year" says nothing; "last year" says another
         * year than whatever the claim's is (CC_YEAR_OTHER) */
        return year ? CC_YEAR_OTHER : 0;
    }
    return cc_doc_year(doc);
}

/* How much a frame asked for, and got: the most specific frame wins a
 * figure. A year counts when it is written; a year the frame needs but
 * the sentence does not say is a guess and counts against it. */
static int specificity(const cc_frame *f, bool written)
{
    return 4 * (int)(f->nwith + f->nwith_ents) + 2 * (int)f->nents + (f->year ? (written ? 3 : -3) : 0) +
           (f->nwithout || f->nnot_ents ? 1 : 0) + (f->nheads == 1 ? 1 : 0);
}

/* A concept that puts the figure before the article's time ("previous",
 * "already", "earlier": earlier: true in rules/concepts.yaml) in t[a, b). */
static bool earlier_in(const cc_extractor *x, size_t a, size_t b)
{
    size_t k;
    for (k = first_occ(&x->terms, a); k < x->terms.n && x->terms.v[k].start < b; k++)
        if (x->terms.v[k].end <= b && x->rs->concepts[x->terms.v[k].id].earlier)
            return true;
    return false;
}

/* Is the frame's year possible for a figure whose year is not written, in
 * an article of year doc (0: undated)? Only the article's own year (on the
 * development set, fixtures/real, allowing an event the year after it too
 * kept 1 right figure in 200 and 10 wrong ones), or a year before it for a
 * figure said to be earlier (a concept with earlier: true in its clause:
 * "the previous fine of 345 million"). */
static bool year_possible(const cc_frame *f, int doc, bool earlier)
{
    return !f->year || !doc || doc == f->year || (earlier && f->year < doc);
}

/* The figures the claims' own extractors took (the first nh0 hits),
 * sorted, so that each figure is looked up, not searched for. */
typedef struct took {
    size_t figure;
    const cc_xrule *by;
} took;

static int cmp_took(const void *a, const void *b)
{
    const took *x = a, *y = b;
    return x->figure < y->figure ? -1 : x->figure > y->figure;
}

static took *took_list(const cc_extractor *x, size_t nh0)
{
    took *v = cc_malloc((nh0 + 1) * sizeof(took));
    size_t k;
    if (!v)
        return NULL;
    for (k = 0; k < nh0; k++) {
        v[k].figure = x->h[k].q.figure;
        v[k].by = x->h[k].x;
    }
    qsort(v, nh0, sizeof(took), cmp_took);
    return v;
}

/* The claim extractor that took q, or NULL. */
static const cc_xrule *taken(const took *v, size_t n, const cc_quantity *q)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].figure < q->figure)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && v[lo].figure == q->figure ? v[lo].by : NULL;
}

/* Tells the trace why every frame of xl (but except) did not take q. */
static void trace_all(cc_extractor *x, const cc_xlist *xl, const char *t, const cc_quantity *q,
                      const cc_xrule *except, const char *why, const char *who)
{
    size_t k;
    if (!x->trace)
        return;
    for (k = 0; k < xl->n; k++)
        if (xl->v[k]->type == CC_X_FRAME && xl->v[k] != except &&
            (!who || strcmp(who, xl->v[k]->claim->id) != 0))
            cc_extract_refused(x, xl->v[k], t, q, "%s%s", why, who ? who : "");
}

/* Is one of the frame's heads said by the governing word (a word may say
 * two concepts: "капитализация" is a valuation and a market value)? */
static bool said_at(const cc_extractor *x, const cc_frame *f, const cc_occ *head)
{
    size_t k, h;
    for (k = first_occ(&x->terms, head->start);
         k < x->terms.n && x->terms.v[k].start == head->start; k++) {
        const cc_occ *o = &x->terms.v[k];
        if (o->end != head->end)
            continue;
        for (h = 0; h < f->nheads; h++)
            if (f->heads[h] == o->id)
                return true;
    }
    return false;
}

/* Is one of the frame's heads named in the sentence t[a, b) without
 * governing a figure of its own there ("TikTok must pay 530 million euros
 * for the fine": the figure "pay" governs is the fine's; not in "will
 * invest $5bn at $23.28 a share", where "invest" has its figure)? */
static bool head_named(const cc_extractor *x, const cc_frame *f, size_t a, size_t b)
{
    size_t k, h, j;
    for (k = first_occ(&x->terms, a); k < x->terms.n && x->terms.v[k].start < b; k++) {
        const cc_occ *o = &x->terms.v[k];
        bool governs = false;
        if (o->end > b)
            continue;
        for (h = 0; h < f->nheads && f->heads[h] != o->id; h++)
            ;
        if (h == f->nheads)
            continue;
        for (j = cc_extract_first_q(x, a); j < x->q.n && x->q.v[j].start < b && !governs; j++)
            governs = x->gov[j] == (long)k;
        if (!governs)
            return true;
    }
    return false;
}

/* The rate said of money figure i in its clause [ca, cb) that frame f
 * does not ask for ("$700,000 a day", "$1.08 per share", "4.000 dólares
 * de lucro puro por segundo", "每股收益3.46美元"): an occurrence of a
 * concept marked rate: just after the figure, just before it or around
 * it, with no clause mark or other figure between; NULL when there is
 * none, or when f's with: names one of them ("$23,28 за штуку", both
 * each and per_share, for a price per share). */
static const cc_occ *rate_of(const cc_extractor *x, const char *t, size_t i, size_t ca,
                             size_t cb, const cc_frame *f)
{
    const cc_quantity *q = &x->q.v[i];
    const cc_occ *found = NULL;
    size_t k, w;
    if (q->kind != CC_KIND_MONEY)
        return NULL;
    for (k = first_occ(&x->terms, ca); k < x->terms.n && x->terms.v[k].start < cb; k++) {
        const cc_occ *o = &x->terms.v[k];
        if (!x->rs->concepts[o->id].rate || o->end > cb)
            continue;
        if (!(o->start >= q->end && gap_cost(x, t, q->end, o->start, i, RATE_AFTER) <= RATE_AFTER) &&
            !(o->end <= q->start && gap_cost(x, t, o->end, q->start, i, RATE_BEFORE) <= RATE_BEFORE) &&
            !(o->start <= q->start && o->end >= q->end))
            continue;
        for (w = 0; w < f->nwith; w++)
            if (f->with[w] == o->id)
                return NULL;
        if (!found)
            found = o;
    }
    return found;
}

/* Why frame r does not take quantity i (governed by head), written into
 * why; NULL when it takes it. weak (NULL, or two counters) gets the
 * frame's with: named only before the figure (weak[0]) and its entities
 * named only by an anaphor (weak[1]). */
static const char *refusal(cc_extractor *x, const cc_xrule *r, const char *t, size_t lo,
                           size_t hi, size_t i, const cc_occ *head, size_t sa, size_t sb,
                           size_t ca, size_t cb, size_t xa, size_t xb, unsigned *weak,
                           char *why, size_t n)
{
    const cc_frame *f = r->frame;
    const cc_concept *cs = x->rs->concepts;
    const cc_quantity *q = &x->q.v[i];
    const cc_occ *rate;
    size_t k;
    if (!said_at(x, f, head) && !(cs[head->id].light && head_named(x, f, sa, sb))) {
        snprintf(why, n, "governed by %s, not %s", cs[head->id].name, cs[f->heads[0]].name);
        return why;
    }
    if (r->claim->kind != CC_KIND_NUMBER && r->claim->kind != q->kind) {
        snprintf(why, n, "a %s figure, not %s", cc_kind_name(q->kind), cc_kind_name(r->claim->kind));
        return why;
    }
    for (k = 0; k < f->nwith; k++)
        if (!concept_in(&x->terms, f->with[k], ca, cb) &&
            !(xb > xa && concept_in(&x->terms, f->with[k], xa, xb))) {
            snprintf(why, n, "no '%s' in its clause", cs[f->with[k]].name);
            return why;
        }
    /* a rate is not the total a frame counts unless it asks for the rate
     * ("per_share" for a price per share) */
    if ((rate = rate_of(x, t, i, ca, cb, f))) {
        snprintf(why, n, "a rate ('%s'), and the frame has no with: %s", cs[rate->id].name,
                 cs[rate->id].name);
        return why;
    }
    if (head->start >= q->end) {
        /* a head after its figure ("a contract, which is worth $10bn"):
         * what the relative clause describes stands before its mark */
        size_t p = ca;
        while (p > sa) {
            uint32_t cp;
            size_t c = p - 1;
            while (c > sa && ((unsigned char)t[c] & 0xC0) == 0x80)
                c--;
            if (cc_utf8_decode(t + c, t + p, &cp) < 0)
                cp = 0xFFFD;
            p = c;
            if (clause_mark(cp) && p < ca - 1)
                break;
        }
        ca = p;
    }
    for (k = 0; k < f->nwithout; k++)
        if (f->without[k] != head->id && concept_in(&x->terms, f->without[k], ca, cb)) {
            snprintf(why, n, "'%s' in its clause", cs[f->without[k]].name);
            return why;
        }
    /* a name the frame wants with the figure: in its clause, where its
     * predicate's head is, or else (weaker) before it in its sentence, as
     * the subject of a long one ("The data center division, now by far
     * its largest business, generated $51.2 billion") */
    for (k = 0; k < f->nwith_ents; k++)
        if (!concept_in(&x->ents, f->with_ents[k], ca, cb) &&
            !(xb > xa && concept_in(&x->ents, f->with_ents[k], xa, xb))) {
            if (concept_in(&x->ents, f->with_ents[k], sa, q->start)) {
                if (weak)
                    weak[0]++;
                continue;
            }
            snprintf(why, n, "%s not named in its clause", x->rs->entities[f->with_ents[k]].id);
            return why;
        }
    /* an excluded name before the figure in its sentence (the subject:
     * "the data center division, now its largest, generated $51bn") or in
     * its clause; not one said after the figure's clause of another figure
     * ("will invest $5bn in Intel, after the US government took 10%") */
    for (k = 0; k < f->nnot_ents; k++)
        if (concept_in(&x->ents, f->not_ents[k], sa, cb > q->end ? cb : q->end)) {
            snprintf(why, n, "%s named before it in its sentence", x->rs->entities[f->not_ents[k]].id);
            return why;
        }
    if (f->nents) {
        size_t ea = sa, eb = sb;
        if (f->ent_within == CC_ENT_PARAGRAPH)
            paragraph_of(t, lo, hi, sa, sb, &ea, &eb);
        else if (f->ent_within == CC_ENT_ARTICLE)
            ea = lo, eb = hi;
        for (k = 0; k < f->nents; k++)
            if (!concept_in(&x->ents, f->ents[k], ea, eb)) {
                if (named_by_anaphor(x, t, lo, hi, f->ents[k], ea, eb)) {
                    if (weak)
                        weak[1]++;
                    continue;
                }
                snprintf(why, n, "%s not named in its %s", x->rs->entities[f->ents[k]].id,
                         f->ent_within == CC_ENT_ARTICLE     ? "article"
                         : f->ent_within == CC_ENT_PARAGRAPH ? "paragraph"
                                                             : "sentence");
                return why;
            }
    }
    return NULL;
}

bool cc_extract_forecast(const cc_extractor *x, const char *t, const cc_quantity *q)
{
    long fc = x->forecast_id, tk = x->talks_id, s;
    size_t i, a, b;
    if ((fc < 0 && tk < 0) || !x->governed || (s = cc_sent_of(&x->ss, q->start)) < 0)
        return false;
    a = x->ss.v[s].start;
    b = x->ss.v[s].end;
    for (i = cc_extract_first_q(x, a); i < x->q.n && x->q.v[i].start < b; i++)
        if (x->q.v[i].start == q->start && x->q.v[i].end == q->end)
            break;
    /* the clause of its head, when it has one, from a few words before
     * the head or figure ("approved a plan to expand, and Microsoft has
     * invested $13bn" is no forecast); else the figure's sentence from a
     * few words before it */
    if (i < x->q.n && x->q.v[i].start == q->start && x->gov[i] >= 0) {
        const cc_occ *h = &x->terms.v[x->gov[i]];
        size_t from = h->start < q->start ? h->start : q->start;
        clause_of(x, t, i, h, x->ss.v[s].start, x->ss.v[s].end, &a, &b);
        from = reach_left(t, a, from, MODAL_REACH);
        if (from > a)
            a = from;
    } else {
        a = reach_left(t, a, q->start, MODAL_REACH);
    }
    return (fc >= 0 && concept_in(&x->terms, (uint32_t)fc, a, b)) ||
           (tk >= 0 && concept_in(&x->terms, (uint32_t)tk, a, b));
}

/* --explain: one block per figure, written at once. */
static void explain_head(cc_buf *b, cc_doc *doc, const char *t, size_t i,
                         const cc_extractor *x, long g)
{
    const cc_quantity *q = &x->q.v[i];
    cc_loc loc = cc_doc_loc(doc, q->start);
    cc_buf_printf(b, "%s:%u:%u: \"%.*s\" ", cc_doc_path(doc), (unsigned)loc.line,
                  (unsigned)loc.column, (int)(q->end - q->start), t + q->start);
    if (g < 0) {
        /* the nearest head of its kind in its sentence, too far to govern:
         * what a rule author would look at */
        long s = cc_sent_of(&x->ss, q->start), best = -1;
        unsigned bc = SUBJECT_MAX + 1, c;
        size_t k;
        for (k = s >= 0 ? first_occ(&x->terms, x->ss.v[s].start) : x->terms.n;
             k < x->terms.n && x->terms.v[k].start < x->ss.v[s].end; k++)
            if (governs_kind(&x->rs->concepts[x->terms.v[k].id], q) &&
                (c = pair_cost(x, t, i, k, SUBJECT_MAX)) < bc) {
                bc = c;
                best = (long)k;
            }
        if (best < 0) {
            cc_buf_printf(b,
                          "is governed by no head concept (no head of a %s figure in its "
                          "sentence)\n",
                          cc_kind_name(q->kind));
            return;
        }
        cc_buf_printf(b, "is governed by no head concept (the nearest, %s (\"%.*s\"), is %u "
                         "words away; a head governs up to %u)\n",
                      x->rs->concepts[x->terms.v[best].id].name,
                      (int)(x->terms.v[best].end - x->terms.v[best].start),
                      t + x->terms.v[best].start, (bc + 1) / 2, GOVERN_MAX / 2);
        return;
    }
    cc_buf_printf(b, "is governed by %s (\"%.*s\")\n", x->rs->concepts[x->terms.v[g].id].name,
                  (int)(x->terms.v[g].end - x->terms.v[g].start), t + x->terms.v[g].start);
}

static void explain_flush(cc_extractor *x, cc_buf *b)
{
    if (x->explain && b->len && !b->err) {
        flockfile(x->explain);
        fwrite(b->p, 1, b->len, x->explain);
        funlockfile(x->explain);
    }
    b->len = 0;
}

/* The unit of the head of counts nearest to figure i in its sentence, when
 * that is the nearest head of all: "ChatGPT's weekly users have reached
 * 800 million" counts users, not dollars (unit: in rules/concepts.yaml);
 * NULL otherwise. */
static const char *counted_by(const cc_extractor *x, const char *t, size_t i)
{
    const cc_quantity *q = &x->q.v[i];
    long s = cc_sent_of(&x->ss, q->start);
    const cc_concept *best = NULL;
    unsigned bc = GOVERN_MAX + 1;
    size_t k;
    if (s < 0)
        return NULL;
    for (k = first_occ(&x->terms, x->ss.v[s].start);
         k < x->terms.n && x->terms.v[k].start < x->ss.v[s].end; k++) {
        const cc_occ *o = &x->terms.v[k];
        const cc_concept *c = &x->rs->concepts[o->id];
        unsigned cost;
        if (c->role != CC_ROLE_HEAD || o->end > x->ss.v[s].end)
            continue;
        if ((cost = term_gap(x, t, i, o, GOVERN_MAX)) < bc) {
            bc = cost;
            best = c;
        }
    }
    return best ? best->count_unit : NULL;
}

/* Implied units: a scaled figure written without its currency ("9.300
 * millones", "4,2 miljard") is an amount in the currency of the other
 * amounts of its paragraph when they all have one; with none, in the
 * currency the language's money frames agree on (their claims' currency:),
 * if they do. It is marked inherited, and shown so in every report. The
 * scan's list is changed for the frames only: the other extractors ran
 * before. */
static void imply_units(cc_extractor *x, const char *t, size_t lo, size_t hi,
                        const cc_xlist *xl)
{
    const char *claimcur = NULL;
    bool agree = true;
    size_t i, k;
    for (k = 0; k < xl->n; k++) {
        const cc_claim *c = xl->v[k]->claim;
        if (xl->v[k]->type != CC_X_FRAME || c->kind != CC_KIND_MONEY || !c->currency)
            continue;
        if (claimcur && strcmp(claimcur, c->currency) != 0)
            agree = false;
        claimcur = c->currency;
    }
    if (!agree)
        claimcur = NULL;
    for (i = 0; i < x->q.n; i++) {
        cc_quantity *q = &x->q.v[i];
        const char *cur = NULL, *counted;
        bool one = true;
        size_t pa, pb;
        if (q->kind != CC_KIND_NUMBER || !q->scaled || q->vague || q->conversion_of >= 0)
            continue;
        if ((counted = counted_by(x, t, i))) {
            q->kind = CC_KIND_COUNT;
            q->unit = counted;
            q->inherited = true;
            continue;
        }
        paragraph_of(t, lo, hi, q->start, q->end, &pa, &pb);
        for (k = cc_extract_first_q(x, pa); k < x->q.n && x->q.v[k].start < pb; k++) {
            const cc_quantity *o = &x->q.v[k];
            if (o->kind != CC_KIND_MONEY || !o->unit || o->end > pb)
                continue;
            if (cur && strcmp(cur, o->unit) != 0)
                one = false;
            cur = o->unit;
        }
        if (!one)
            continue;
        if (!cur)
            cur = claimcur;
        if (!cur)
            continue;
        q->kind = CC_KIND_MONEY;
        q->unit = cur;
        q->inherited = true;
    }
}

/* --explain: the line that says an extractor (rule r) found q. */
static void explain_found(cc_buf *b, cc_doc *doc, const char *t, const cc_quantity *q,
                          const cc_xrule *r)
{
    cc_loc loc = cc_doc_loc(doc, q->start);
    cc_buf_printf(b, "%s:%u:%u: \"%.*s\" was found by the extractor at %s:%u\n",
                  cc_doc_path(doc), (unsigned)loc.line, (unsigned)loc.column,
                  (int)(q->end - q->start), t + q->start, r->file, (unsigned)r->line);
}

/* The frame of claim c in xl, or NULL. */
static const cc_frame *frame_of(const cc_xlist *xl, const cc_claim *c)
{
    size_t k;
    for (k = 0; k < xl->n; k++)
        if (xl->v[k]->type == CC_X_FRAME && xl->v[k]->claim == c)
            return xl->v[k]->frame;
    return NULL;
}

/* Does an extractor's hit need the article's entities checked: its claim
 * has a frame that names entities. */
static bool gated(const cc_xlist *xl, const hit *h)
{
    const cc_frame *f = frame_of(xl, h->x->claim);
    return f && f->nents;
}

/* An organisation other than the frame's entities named in t[a, b). */
static const char *other_organisation(const cc_extractor *x, const cc_frame *f, size_t a,
                                      size_t b)
{
    size_t k, j;
    for (k = first_occ(&x->ents, a); k < x->ents.n && x->ents.v[k].start < b; k++) {
        const cc_entity *e = &x->rs->entities[x->ents.v[k].id];
        if (!e->kind || strcmp(e->kind, "organisation") != 0 || x->ents.v[k].end > b)
            continue;
        for (j = 0; j < f->nents && f->ents[j] != x->ents.v[k].id; j++)
            ;
        if (j == f->nents)
            return e->id;
    }
    return NULL;
}

/* An extractor's figure is not its claim's when the claim's frame names
 * entities the article never names and the figure's paragraph names
 * another organisation: "$12 billion" in an article about Wiz is not
 * OpenAI's valuation, whatever a pattern of openai_valuation matched.
 * Such hits are dropped (the frames may take the figure). A figure with
 * no organisation named near it ("The company raised $6.6bn") stays the
 * extractor's. *nh: the extractors' hits, all of x->h; then those left. */
static void gate_extractors(cc_extractor *x, const cc_xlist *xl, cc_doc *doc, size_t lo,
                            size_t hi, size_t *nh, cc_buf *eb)
{
    const char *t = cc_doc_text(doc);
    size_t k, j, kept = 0;
    for (k = 0; k < *nh; k++) {
        hit *h = &x->h[k];
        const cc_frame *f = frame_of(xl, h->x->claim);
        const char *missing = NULL, *other = NULL;
        for (j = 0; f && j < f->nents && !missing; j++)
            if (!concept_in(&x->ents, f->ents[j], lo, hi))
                missing = x->rs->entities[f->ents[j]].id;
        if (missing) {
            long s = cc_sent_of(&x->ss, h->q.start);
            size_t pa = lo, pb = hi;
            if (s >= 0)
                paragraph_of(t, lo, hi, x->ss.v[s].start, x->ss.v[s].end, &pa, &pb);
            other = other_organisation(x, f, pa, pb);
        }
        if (!other) {
            if (kept != k)
                x->h[kept] = *h;
            kept++;
            continue;
        }
        cc_extract_refused(x, h->x, t, &h->q, "%s not named in its article, %s in its paragraph",
                           missing, other);
        if (x->explain) {
            explain_found(eb, doc, t, &h->q, h->x);
            cc_buf_printf(eb, "  %s: dropped: %s not named in its article, %s in its paragraph\n",
                          h->x->claim->id, missing, other);
            explain_flush(x, eb);
        }
    }
    x->nh = *nh = kept; /* the frames' hits come after these */
}

/* Adds id to the sorted set v of *n (at most CC_FIG_MAX). */
static void fig_add(uint32_t *v, unsigned *n, uint32_t id)
{
    unsigned k, j;
    for (k = 0; k < *n && v[k] < id; k++)
        ;
    if ((k < *n && v[k] == id) || *n == CC_FIG_MAX)
        return;
    for (j = *n; j > k; j--)
        v[j] = v[j - 1];
    v[k] = id;
    (*n)++;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* How many times id is in the sorted v[0..n). */
static size_t count_of(const uint32_t *v, size_t n, uint32_t id)
{
    size_t lo = 0, hi = n, a;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (a = lo; a < n && v[a] == id; a++)
        ;
    return a - lo;
}

/* The organisation the article names most often (the first named of
 * those tied), -1 when it names none, -3 when out of memory: what a
 * figure whose sentence names none is about. One sort of the names, so
 * that an article naming one company a million times is no slower. */
static long topic_of(cc_extractor *x, const char *t, size_t lo, size_t hi)
{
    uint32_t *ids;
    size_t k, n = 0, most = 0;
    long best = -1;
    find_orgs(x, t, lo, hi);
    if (!(ids = cc_malloc((x->orgs.n + 1) * sizeof *ids)))
        return -3;
    for (k = 0; k < x->orgs.n; k++) {
        const cc_entity *e = &x->rs->entities[x->orgs.v[k].id];
        if (e->kind && strcmp(e->kind, "organisation") == 0)
            ids[n++] = x->orgs.v[k].id;
    }
    qsort(ids, n, sizeof *ids, cmp_u32);
    for (k = 0; k < n;) {
        size_t run = count_of(ids, n, ids[k]);
        if (run > most)
            most = run;
        k += run;
    }
    for (k = 0; k < x->orgs.n && best < 0; k++)
        if (count_of(ids, n, x->orgs.v[k].id) == most && most)
            best = (long)x->orgs.v[k].id;
    cc_free(ids);
    return best;
}

/* claimcheck discover: every figure that counts and that a head governs,
 * with its head, the organisations of its sentence (named, or by an
 * anaphor there, else the article's topic), the modifiers of its clause
 * and the year written for it, into x->figs. */
static int collect_figures(cc_extractor *x, const cc_lang *l, cc_doc *doc, size_t lo, size_t hi)
{
    const char *t = cc_doc_text(doc);
    size_t i, k;
    long topic = -2; /* not looked for yet */
    for (i = 0; i < x->q.n; i++) {
        const cc_quantity *q = &x->q.v[i];
        long s = cc_sent_of(&x->ss, q->start), g = x->gov[i];
        size_t sa, sb, ca, cb;
        bool written;
        int year;
        cc_fig *f;
        if (!cc_extract_counts(q) || q->kind == CC_KIND_NUMBER || s < 0 ||
            !x->ss.v[s].candidate || g < 0)
            continue;
        if (x->nfigs == x->capfigs) {
            void *v = x->figs;
            if (cc_grow(&v, &x->capfigs, x->nfigs + 1, sizeof(cc_fig)) != 0)
                return CC_ERR_NOMEM;
            x->figs = v;
        }
        f = &x->figs[x->nfigs++];
        memset(f, 0, sizeof *f);
        f->qi = i;
        f->head = x->terms.v[g].id;
        sa = x->ss.v[s].start;
        sb = x->ss.v[s].end > q->end ? x->ss.v[s].end : q->end;
        clause_of(x, t, i, &x->terms.v[g], sa, sb, &ca, &cb);
        year = figure_year(x, l, doc, i, ca, cb, sa, sb, &written);
        f->year = written && year > 0 ? year : 0;
        f->alone = x->terms.v[g].start >= sa && x->terms.v[g].end <= sb;
        f->of = -1;
        if (x->rs->concepts[f->head].role == CC_ROLE_PREDICATE) {
            /* "revenue rose 62%": growth of revenue */
            long sh = apposed_head(x, t, i);
            if (sh < 0)
                sh = subject_of(x, t, i, (size_t)g, true);
            if (sh >= 0)
                f->of = (int32_t)x->terms.v[sh].id;
        }
        for (k = first_occ(&x->ents, sa); k < x->ents.n && x->ents.v[k].start < sb; k++) {
            const cc_entity *e = &x->rs->entities[x->ents.v[k].id];
            if (x->ents.v[k].end <= sb && e->kind && strcmp(e->kind, "organisation") == 0)
                fig_add(f->ents, &f->nents, x->ents.v[k].id);
        }
        for (k = first_occ(&x->terms, sa); k < x->terms.n && x->terms.v[k].start < sb; k++) {
            const cc_occ *o = &x->terms.v[k];
            long e;
            if (o->end > sb)
                continue;
            if ((long)o->id == x->anaphor_id && !f->nents &&
                (e = antecedent(x, t, lo, hi, o->start)) >= 0) {
                fig_add(f->ents, &f->nents, (uint32_t)e);
                f->alone = false;
            } else if (x->rs->concepts[o->id].role == CC_ROLE_MODIFIER && o->start >= ca &&
                     o->end <= cb && (long)o->id != x->anaphor_id)
                fig_add(f->mods, &f->nmods, o->id);
        }
        if (!f->nents) {
            /* "Revenue rose to $57bn": the article's */
            if (topic == -2 && (topic = topic_of(x, t, lo, hi)) == -3)
                return CC_ERR_NOMEM;
            if (topic >= 0) {
                fig_add(f->ents, &f->nents, (uint32_t)topic);
                f->alone = false;
                f->topic = true;
            }
        }
    }
    return CC_OK;
}

int cc_extract_frames(cc_extractor *x, const cc_lang *l, const cc_xlist *xl, cc_doc *doc,
                      cc_diags *d)
{
    const cc_ruleset *rs = x->rs;
    const char *t = cc_doc_text(doc);
    size_t lo = cc_doc_body(doc), hi = cc_doc_len(doc), i, k, nh0 = x->nh;
    long li = cc_ruleset_lang_index(rs, l);
    bool any = false;
    int within = CC_ENT_SENTENCE;
    cc_buf eb = CC_BUF_INIT;
    took *tv = NULL;
    int rc;
    for (k = 0; k < xl->n; k++)
        if (xl->v[k]->type == CC_X_FRAME) {
            any = true;
            if (xl->v[k]->frame->ent_within > within)
                within = xl->v[k]->frame->ent_within;
        }
    x->nfigs = 0;
    if (!(any || x->discover) || li < 0 || !rs->lf)
        return CC_OK;
    x->lf = &rs->lf[li];
    for (k = 0; k < nh0; k++)
        if (gated(xl, &x->h[k]))
            within = CC_ENT_ARTICLE;
    rc = find_occurrences(x, l, &rs->lf[li], t, lo, hi, within);
    if (rc == CC_ERR_NOMEM)
        return rc;
    if (rc < 0) {
        cc_extract_limit_diag(d, doc, lo, rc, "the pack's terms", l->file, 0);
        return CC_ERR_LIMIT;
    }
    gate_extractors(x, xl, doc, lo, hi, &nh0, &eb);
    imply_units(x, t, lo, hi, xl);
    if (assign_governors(x, t) != CC_OK || !(tv = took_list(x, nh0)))
        return CC_ERR_NOMEM;
    x->governed = true;
    for (i = 0; i < x->q.n; i++) {
        const cc_quantity *q = &x->q.v[i];
        const cc_xrule *best = NULL, *by;
        int bests = 0;
        long s = cc_sent_of(&x->ss, q->start), g;
        size_t sa, sb, ca, cb, xa, xb;
        bool earlier;
        int year = 0;
        long month;
        bool written = false, wrote_year;
        char why[160];
        if (q->vague || q->conversion_of >= 0 || s < 0 || !x->ss.v[s].candidate)
            continue;
        if ((by = taken(tv, nh0, q))) {
            trace_all(x, xl, t, q, NULL, "arbitration: taken by the extractors of ",
                      by->claim->id);
            if (x->explain) {
                explain_found(&eb, doc, t, q, by);
                cc_buf_printf(&eb, "  -> %s\n", by->claim->id);
                explain_flush(x, &eb);
            }
            continue;
        }
        sa = x->ss.v[s].start;
        sb = x->ss.v[s].end > q->end ? x->ss.v[s].end : q->end;
        g = x->gov[i];
        if (x->explain)
            explain_head(&eb, doc, t, i, x, g);
        if (g < 0) {
            trace_all(x, xl, t, q, NULL, "frame: no head concept governs it", NULL);
            explain_flush(x, &eb);
            continue;
        }
        clause_of(x, t, i, &x->terms.v[g], sa, sb, &ca, &cb);
        xa = xb = 0;
        if (x->rs->concepts[x->terms.v[g].id].role == CC_ROLE_PREDICATE) {
            /* "Data center revenue was $51bn, a 22% increase": a with: of
             * the frame may be named where the predicate's head is */
            long sh = apposed_head(x, t, i);
            if (sh < 0)
                sh = subject_of(x, t, i, (size_t)g, true);
            if (sh >= 0) {
                xa = reach_left(t, sa, x->terms.v[sh].start, CLAUSE_REACH);
                xb = x->terms.v[sh].end;
            }
        }
        year = figure_year(x, l, doc, i, ca, cb, sa, sb, &written);
        wrote_year = written;
        month = cc_frame_month(x, l, doc, i, ca, cb, sa, sb,
                               written && year != CC_YEAR_OTHER ? year : 0);
        if (month >= 0 && !written) {
            year = (int)(month / 12);
            written = true;
        }
        earlier = !written && earlier_in(x, ca, cb);
        for (k = 0; k < xl->n; k++) {
            const cc_xrule *r = xl->v[k];
            const char *no;
            int sc;
            bool direct;
            unsigned weak[2] = {0, 0};
            if (r->type != CC_X_FRAME)
                continue;
            no = refusal(x, r, t, lo, hi, i, &x->terms.v[g], sa, sb, ca, cb, xa, xb, weak, why,
                         sizeof why);
            /* an article of 2025 may well tell of 2024's round without
             * writing the year: only a written year refuses */
            if (!no && r->frame->year && written && year == CC_YEAR_OTHER) {
                snprintf(why, sizeof why, "about last or next year, not %d (undated article)",
                         r->frame->year);
                no = why;
            } else if (!no && r->frame->year && written && year && year != r->frame->year) {
                snprintf(why, sizeof why, "about %d, not %d", year, r->frame->year);
                no = why;
            } else if (!no &&
                       (no = cc_frame_date_refusal(r->frame, cc_doc_meta_date(doc), month,
                                                   written && year != CC_YEAR_OTHER ? year : 0,
                                                   why, sizeof why))) {
                ;
            } else if (!no && !written && !year_possible(r->frame, cc_doc_year(doc), earlier)) {
                snprintf(why, sizeof why, "no year written and the article is of %d, not %d",
                         cc_doc_year(doc), r->frame->year);
                no = why;
            }
            if (no) {
                if (x->explain && strncmp(no, "governed by", 11) != 0)
                    cc_buf_printf(&eb, "  %s: refused: %s\n", r->claim->id, no);
                cc_extract_refused(x, r, t, q, "frame: %s", no);
                continue;
            }
            direct = said_at(x, r->frame, &x->terms.v[g]);
            /* through a light head: below a frame of the light head */
            sc = specificity(r->frame, written || (earlier && r->frame->year &&
                                                   r->frame->year < cc_doc_year(doc))) -
                 (direct ? 0 : 2) - 2 * (int)(weak[0] + weak[1]);
            if (x->explain)
                cc_buf_printf(&eb, "  %s: fits%s%s%s (specificity %d)%s\n", r->claim->id,
                              direct ? "" : ", its head named in the sentence",
                              weak[0] ? ", a with: named only before it in its sentence" : "",
                              weak[1] ? ", an organisation named by an anaphor" : "", sc,
                              best && sc <= bests ? ", loses to a more specific or earlier claim"
                                                  : "");
            if (!best || sc > bests) {
                best = r;
                bests = sc;
            }
        }
        if (best && x->trace) {
            /* the frames that fit and lost */
            for (k = 0; k < xl->n; k++) {
                const cc_xrule *r = xl->v[k];
                if (r->type == CC_X_FRAME && r != best &&
                    !refusal(x, r, t, lo, hi, i, &x->terms.v[g], sa, sb, ca, cb, xa, xb, NULL,
                             why, sizeof why))
                    cc_extract_refused(x, r, t, q, "arbitration: %s asked for more",
                                       best->claim->id);
            }
        }
        if (best) {
            rc = cc_extract_add_hit(x, best, q, 0, 0);
            if (rc < 0) {
                cc_buf_free(&eb);
                cc_free(tv);
                return rc;
            }
            if (rc == 1) {
                hit *h = &x->h[x->nh - 1];
                h->framed = 1;
                cc_frame_scope(best->frame, doc, year, wrote_year,
                               best->frame->period == CC_SCOPE_QUARTER
                                   ? cc_frame_quarter(x, l, t, i, ca, cb, sa, sb)
                                   : 0,
                               month, h->fscope, sizeof h->fscope);
                if (x->explain)
                    cc_buf_printf(&eb, "  -> %s%s%s\n", best->claim->id, h->fscope[0] ? ", scope " : "",
                                  h->fscope);
            } else if (x->explain) {
                cc_buf_printf(&eb, "  -> refused by %s itself (unit, currency or kind)\n",
                              best->claim->id);
            }
        }
        explain_flush(x, &eb);
    }
    cc_buf_free(&eb);
    cc_free(tv);
    return x->discover ? collect_figures(x, l, doc, lo, hi) : CC_OK;
}
