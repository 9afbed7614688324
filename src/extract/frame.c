/*
 * frame.c: frame claims (stage 4, after the pattern and context
 * extractors).
 *
 * In: an article scanned for quantities and split into sentences, its
 * pack's terms and the ruleset's entities, the language's CC_X_FRAME
 * extractors. Out: hits (extract_priv.h), one claim per figure at most.
 *
 * Each figure is given the head concept that governs it in its sentence:
 * the nearest head term, measured in words (a CJK character counts half a
 * word), where a clause mark between them counts as three words and
 * another figure between them as twenty, so that in "raised $6.6bn at a
 * $157bn valuation" the valuation governs $157bn and not $6.6bn. A frame
 * takes a figure when one of its heads governs it, its entities are named,
 * its with: modifiers are in the figure's clause and its not: concepts are
 * not, and the figure's time fits. When several frames take one figure,
 * the one that asked for most (modifiers, entities, a year) wins; a figure
 * a pattern or context extractor took for another claim is left to it.
 */
#include "extract_priv.h"

#include "alloc.h"
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
    COST_FIGURE = 40,  /* another figure */
    GOVERN_MAX = 16,   /* a head further than this governs nothing */
    CLAUSE_REACH = 12  /* a clause extends this far beyond figure and head */
};

#define PARAGRAPH_REACH 4096

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

/* Is a figure (other than the one at skip) inside [a, b)? */
static bool figure_between(const cc_extractor *x, size_t a, size_t b, size_t skip)
{
    size_t i;
    for (i = 0; i < x->q.n; i++) {
        const cc_quantity *q = &x->q.v[i];
        if (q->start >= b)
            break;
        if (i != skip && q->start >= a && q->end <= b && !q->vague && q->conversion_of < 0)
            return true;
    }
    return false;
}

/* The distance in half-words across t[a, b). */
static unsigned gap_cost(const cc_extractor *x, const char *t, size_t a, size_t b, size_t self)
{
    unsigned cost = 0;
    bool inword = false;
    size_t i = a;
    while (i < b) {
        uint32_t cp;
        int n = cc_utf8_decode(t + i, t + b, &cp);
        if (n < 1)
            n = 1;
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
        if (cost > GOVERN_MAX)
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

typedef struct collect {
    cc_occs *o;
    const int32_t *map; /* mark -> id (-1: drop); NULL: the mark is the id */
    int err;
} collect;

static void on_mark(void *ud, uint32_t mark, size_t a, size_t b)
{
    collect *c = ud;
    int32_t id = c->map ? c->map[mark] : (int32_t)mark;
    if (id >= 0 && push_occ(c->o, (uint32_t)id, a, b) != 0)
        c->err = CC_ERR_NOMEM;
}

/* Terms and entities of the candidate sentences (and, for entities, the
 * lines around them when a frame looks in the paragraph). */
static int find_occurrences(cc_extractor *x, const cc_lang *l, const cc_langframe *lf,
                            const char *t, size_t lo, size_t hi, bool paragraph)
{
    collect ct = {&x->terms, lf->cid, 0}, ce = {&x->ents, NULL, 0};
    size_t s, done = lo;
    x->terms.n = x->ents.n = 0;
    for (s = 0; s < x->ss.n; s++) {
        size_t a = x->ss.v[s].start, b = x->ss.v[s].end;
        int rc;
        if (!x->ss.v[s].candidate)
            continue;
        rc = cc_rx_each_mark(&l->termrx, &x->ctx, t, a, b, on_mark, &ct);
        if (rc == 0 && !paragraph)
            rc = cc_rx_each_mark(&lf->entrx, &x->ctx, t, a, b, on_mark, &ce);
        if (rc < 0)
            return rc;
    }
    if (paragraph) {
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
            rc = cc_rx_each_mark(&lf->entrx, &x->ctx, t, a, b, on_mark, &ce);
            if (rc < 0)
                return rc;
            done = b;
        }
    }
    return ct.err ? ct.err : ce.err;
}

/* The head term governing quantity i, or -1. */
static long governor(const cc_extractor *x, const cc_ruleset *rs, const char *t, size_t i,
                     size_t sa, size_t sb)
{
    const cc_quantity *q = &x->q.v[i];
    unsigned best = GOVERN_MAX + 1;
    long gi = -1;
    size_t k;
    for (k = 0; k < x->terms.n; k++) {
        const cc_occ *o = &x->terms.v[k];
        const cc_concept *c = &rs->concepts[o->id];
        unsigned cost;
        if (o->start < sa || o->end > sb)
            continue;
        if (c->role != CC_ROLE_HEAD || (c->kinds && !(c->kinds & (1u << q->kind))))
            continue;
        if (o->end <= q->start)
            cost = gap_cost(x, t, o->end, q->start, i);
        else if (o->start >= q->end)
            cost = gap_cost(x, t, q->end, o->start, i);
        else
            continue; /* inside the figure's own text */
        /* ties go to the head before the figure ("invested $1bn in funding") */
        if (cost < best || (cost == best && gi >= 0 && o->end <= q->start &&
                            x->terms.v[gi].start > q->start)) {
            best = cost;
            gi = (long)k;
        }
    }
    return gi;
}

/* The figure's clause: figure and head, extended up to CLAUSE_REACH on
 * either side, stopping at clause marks and other figures. */
static void clause_of(const cc_extractor *x, const char *t, size_t i, const cc_occ *head,
                      size_t sa, size_t sb, size_t *ca, size_t *cb)
{
    const cc_quantity *q = &x->q.v[i];
    size_t a = head->start < q->start ? head->start : q->start;
    size_t b = head->end > q->end ? head->end : q->end;
    unsigned cost = 0;
    bool inword = false;
    size_t k;
    /* leftwards */
    while (a > sa && cost <= CLAUSE_REACH) {
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
    cost = 0;
    inword = false;
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
    for (k = 0; k < x->q.n; k++) {
        const cc_quantity *o = &x->q.v[k];
        if (k == i || o->vague || o->conversion_of >= 0)
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
    for (k = 0; k < o->n; k++)
        if (o->v[k].id == concept && o->v[k].start >= a && o->v[k].end <= b)
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

static size_t span_gap(size_t a, size_t b, size_t c, size_t d)
{
    return b <= c ? c - b : d <= a ? a - d : 0;
}

/* Is quantity i the figure nearest to [ya, yb) in its sentence [sa, sb)? A
 * year mention belongs to the nearest figure: "first invested $1bn in
 * 2019, has since invested $13bn". */
static bool nearest_figure(const cc_extractor *x, size_t i, size_t ya, size_t yb, size_t sa,
                           size_t sb)
{
    size_t mine = span_gap(x->q.v[i].start, x->q.v[i].end, ya, yb), k;
    for (k = 0; k < x->q.n; k++) {
        const cc_quantity *o = &x->q.v[k];
        if (k == i || o->vague || o->conversion_of >= 0 || o->start < sa || o->end > sb)
            continue;
        if (span_gap(o->start, o->end, ya, yb) < mine)
            return false;
    }
    return true;
}

/* The year the figure is about: the nearest year mention in its clause,
 * else in its sentence unless another figure is nearer to it (it is that
 * figure's year), else the article's date; 0 when none says.
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
        if (found > 0 && !nearest_figure(x, i, ya, yb, sa, sb))
            found = 0;
    }
    if (found > 0) {
        *written = true;
        if (!rel)
            return year;
        return cc_doc_year(doc) ? cc_doc_year(doc) + year : 0;
    }
    return cc_doc_year(doc);
}

/* The scope of a figure a frame took: its period or window (docs/rules.md,
 * "Time"), "" when the time is unknown or the claim is an event. */
static void frame_scope(const cc_frame *f, cc_doc *doc, int year, bool written, char *out,
                        size_t n)
{
    out[0] = '\0';
    if (f->time == CC_TIME_EVENT || !year)
        return;
    if (f->period == CC_SCOPE_YEAR || written || !cc_doc_meta_date(doc)) {
        snprintf(out, n, "%04d", year);
        return;
    }
    cc_extract_date_scope(cc_doc_meta_date(doc), f->period, out, n);
}

/* How much a frame asked for: the most specific frame wins a figure. */
static unsigned specificity(const cc_frame *f)
{
    return 4u * (unsigned)f->nwith + 2u * (unsigned)f->nents + (f->year ? 2u : 0u) +
           (f->nwithout ? 1u : 0u) + (f->nheads == 1 ? 1u : 0u);
}

static bool taken(const cc_extractor *x, size_t nh0, const cc_quantity *q)
{
    size_t k;
    for (k = 0; k < nh0; k++)
        if (x->h[k].q.figure == q->figure)
            return true;
    return false;
}

/* Does frame r take quantity i (governed by head)? */
static bool frame_takes(cc_extractor *x, const cc_xrule *r, const char *t, size_t lo, size_t hi,
                        size_t i, const cc_occ *head, size_t sa, size_t sb, size_t ca, size_t cb)
{
    const cc_frame *f = r->frame;
    const cc_quantity *q = &x->q.v[i];
    size_t k;
    for (k = 0; k < f->nheads && f->heads[k] != head->id; k++)
        ;
    if (k == f->nheads)
        return false;
    if (r->claim->kind != CC_KIND_NUMBER && r->claim->kind != q->kind)
        return false;
    for (k = 0; k < f->nwith; k++)
        if (!concept_in(&x->terms, f->with[k], ca, cb))
            return false;
    for (k = 0; k < f->nwithout; k++)
        if (f->without[k] != head->id && concept_in(&x->terms, f->without[k], ca, cb))
            return false;
    if (f->nents) {
        size_t ea = sa, eb = sb;
        if (f->ent_paragraph)
            paragraph_of(t, lo, hi, sa, sb, &ea, &eb);
        for (k = 0; k < f->nents; k++)
            if (!concept_in(&x->ents, f->ents[k], ea, eb))
                return false;
    }
    return true;
}

int cc_extract_frames(cc_extractor *x, const cc_lang *l, const cc_xlist *xl, cc_doc *doc,
                      cc_diags *d)
{
    const cc_ruleset *rs = x->rs;
    const char *t = cc_doc_text(doc);
    size_t lo = cc_doc_body(doc), hi = cc_doc_len(doc), i, k, nh0 = x->nh;
    long li = cc_ruleset_lang_index(rs, l);
    bool any = false, paragraph = false;
    int rc;
    for (k = 0; k < xl->n; k++)
        if (xl->v[k]->type == CC_X_FRAME) {
            any = true;
            paragraph = paragraph || xl->v[k]->frame->ent_paragraph;
        }
    if (!any || li < 0 || !rs->lf)
        return CC_OK;
    rc = find_occurrences(x, l, &rs->lf[li], t, lo, hi, paragraph);
    if (rc == CC_ERR_NOMEM)
        return rc;
    if (rc < 0) {
        cc_extract_limit_diag(d, doc, lo, rc, "the pack's terms", l->file, 0);
        return CC_ERR_LIMIT;
    }
    for (i = 0; i < x->q.n; i++) {
        const cc_quantity *q = &x->q.v[i];
        const cc_xrule *best = NULL;
        unsigned bests = 0;
        long s = cc_sent_of(&x->ss, q->start), g;
        size_t sa, sb, ca, cb;
        int year = 0;
        bool written = false;
        if (q->vague || q->conversion_of >= 0 || s < 0 || !x->ss.v[s].candidate)
            continue;
        if (taken(x, nh0, q))
            continue;
        sa = x->ss.v[s].start;
        sb = x->ss.v[s].end > q->end ? x->ss.v[s].end : q->end;
        if ((g = governor(x, rs, t, i, sa, sb)) < 0)
            continue;
        clause_of(x, t, i, &x->terms.v[g], sa, sb, &ca, &cb);
        for (k = 0; k < xl->n; k++) {
            const cc_xrule *r = xl->v[k];
            unsigned sc;
            if (r->type != CC_X_FRAME ||
                !frame_takes(x, r, t, lo, hi, i, &x->terms.v[g], sa, sb, ca, cb))
                continue;
            if (r->frame->year) {
                year = figure_year(x, l, doc, i, ca, cb, sa, sb, &written);
                if (year && year != r->frame->year)
                    continue;
            }
            sc = specificity(r->frame);
            if (!best || sc > bests) {
                best = r;
                bests = sc;
            }
        }
        if (!best)
            continue;
        year = figure_year(x, l, doc, i, ca, cb, sa, sb, &written);
        rc = cc_extract_add_hit(x, best, q, 0, 0);
        if (rc < 0)
            return rc;
        if (rc == 1) {
            hit *h = &x->h[x->nh - 1];
            h->framed = 1;
            frame_scope(best->frame, doc, year, written, h->fscope, sizeof h->fscope);
        }
    }
    return CC_OK;
}
