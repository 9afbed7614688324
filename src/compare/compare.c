/*
 * compare.c: the comparator (stage 6).
 *
 * In: an observation table (from one run, or read back from archives) and
 * the ruleset for tolerances. Out: one cc_claimres per (claim, scope, unit)
 * with its verdict and camps.
 *
 * Agreement of intervals on a line is checked with Helly's theorem in one
 * dimension: intervals overlap pairwise exactly when the largest lower bound
 * is at most the smallest upper bound. Camps come from one sweep over the
 * intervals sorted by lower bound, so the whole comparison is a sort plus
 * linear passes.
 */
#include "claimcheck/compare.h"

#include "alloc.h"
#include "arena.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A figure written in another currency than its claim's, converted at the
 * exchange rate of its article's date (rules/fx/). */
typedef struct conv {
    cc_obs o;              /* first: the figure in the claim's currency */
    const cc_obs *written; /* as the article wrote it */
    double rate;
    const char *day;       /* the rate's day */
} conv;

struct cc_result {
    cc_arena arena;
    cc_claimres *v;
    size_t n;
    conv *convs; /* conversions, which result observations may point to */
    size_t nconv;
};

typedef struct ivd {
    double lo, hi;
    int lo_open, hi_open;
} ivd;

static ivd widen(const cc_interval *iv, double tol)
{
    ivd r;
    r.lo = iv->lo_inf ? -INFINITY : cc_dec_to_double(iv->lo);
    r.hi = iv->hi_inf ? INFINITY : cc_dec_to_double(iv->hi);
    r.lo_open = iv->lo_open && !iv->lo_inf;
    r.hi_open = iv->hi_open && !iv->hi_inf;
    if (tol > 0) {
        if (isfinite(r.lo))
            r.lo -= tol * fabs(r.lo);
        if (isfinite(r.hi))
            r.hi += tol * fabs(r.hi);
        r.lo_open = r.hi_open = 0;
    }
    return r;
}

/* A lower bound (lo, lo_open) does not exceed an upper bound (hi, hi_open). */
static bool below(double lo, int lo_open, double hi, int hi_open)
{
    return lo < hi || (lo == hi && !lo_open && !hi_open);
}

bool cc_intervals_agree(const cc_interval *a, const cc_interval *b, double tol)
{
    ivd x = widen(a, tol), y = widen(b, tol);
    return below(x.lo, x.lo_open, y.hi, y.hi_open) && below(y.lo, y.lo_open, x.hi, x.hi_open);
}

static const char *const VERDICT_NAMES[CC_VERDICT__COUNT] = {
    [CC_VERDICT_CONFLICT] = "conflict", [CC_VERDICT_SCALE_ERROR] = "scale_error",
    [CC_VERDICT_CURRENCY_MISMATCH] = "currency_mismatch",
    [CC_VERDICT_DEVIATES] = "deviates", [CC_VERDICT_QUALIFIER] = "qualifier",
    [CC_VERDICT_FORECAST] = "forecast",
    [CC_VERDICT_UPDATE] = "update",     [CC_VERDICT_AGREE] = "agree",
    [CC_VERDICT_SINGLE] = "single"};

const char *cc_verdict_name(cc_verdict v)
{
    return VERDICT_NAMES[(unsigned)v < CC_VERDICT__COUNT ? v : CC_VERDICT_SINGLE];
}

bool cc_verdict_disagrees(cc_verdict v)
{
    return v == CC_VERDICT_CONFLICT || v == CC_VERDICT_SCALE_ERROR ||
           v == CC_VERDICT_CURRENCY_MISMATCH || v == CC_VERDICT_QUALIFIER ||
           v == CC_VERDICT_FORECAST || v == CC_VERDICT_UPDATE;
}

const char *cc_class_name(cc_class c)
{
    static const char *const names[CC_CLASS__COUNT] = {
        "rounding", "qualifier", "scale_error", "currency_mismatch", "update", "forecast",
        "conflict"};
    return names[(unsigned)c < CC_CLASS__COUNT ? c : CC_CLASS_CONFLICT];
}

int cc_verdict_from_name(cc_verdict *out, const char *name)
{
    int v;
    for (v = 0; v < CC_VERDICT__COUNT; v++)
        if (strcmp(VERDICT_NAMES[v], name) == 0) {
            *out = (cc_verdict)v;
            return CC_OK;
        }
    return CC_ERR_NOTFOUND;
}

/* ---- classes of disagreement ---- */

/* The exponent of the step a value is written to: the unit of its last
 * significant digit, one place finer for a single digit (a "5e9" is read
 * to two digits: 4.96e9 rounds to it, 5.4e9 does not). */
static int32_t step_exp(cc_dec v)
{
    v = cc_dec_norm(v);
    return v.m < 10 ? v.e - 1 : v.e;
}

/* Do a and b agree at the precision of the coarser of them: is |a - b| at
 * most half its step? Exact decimal arithmetic: 6.65 and 6.6 do. */
static bool rounds_alike(cc_dec a, cc_dec b)
{
    cc_dec d, nb = b;
    int32_t sa, sb;
    if (cc_dec_is_zero(a) || cc_dec_is_zero(b))
        return cc_dec_is_zero(a) && cc_dec_is_zero(b);
    if (a.neg != b.neg)
        return false;
    sa = step_exp(a);
    sb = step_exp(b);
    nb.neg = !nb.neg;
    d = cc_dec_add(a, nb);
    d.neg = 0;
    d = cc_dec_mul(d, cc_dec_from_u64(2));
    return cc_dec_cmp(d, cc_dec_pow10(sa > sb ? sa : sb)) <= 0;
}

/* Is b, within rounding, a times a power of ten (10 to 10^12, up or
 * down)? */
static bool power_of_ten_apart(cc_dec a, cc_dec b)
{
    double x = cc_dec_to_double(a), y = cc_dec_to_double(b), k;
    if (x == 0 || y == 0 || a.neg != b.neg || !isfinite(x) || !isfinite(y))
        return false;
    k = round(log10(fabs(y) / fabs(x)));
    if (k == 0 || fabs(k) > 12)
        return false;
    return rounds_alike(cc_dec_mul(a, cc_dec_pow10((int32_t)k)), b);
}

cc_class cc_classify_values(const cc_obs *a, const cc_obs *b)
{
    if (rounds_alike(a->value, b->value))
        return a->qual == b->qual ? CC_CLASS_ROUNDING : CC_CLASS_QUALIFIER;
    if (power_of_ten_apart(a->value, b->value))
        return CC_CLASS_SCALE_ERROR;
    return CC_CLASS_CONFLICT;
}

static int strcmp0(const char *a, const char *b)
{
    return a == b ? 0 : strcmp(a ? a : "", b ? b : "");
}

static int cmp_bound(const cc_dec *a, int ainf, const cc_dec *b, int binf)
{
    if (ainf != binf)
        return ainf < binf ? -1 : 1;
    return ainf ? 0 : cc_dec_cmp(*a, *b);
}

/* Value, then position: the part of the order after group and article. */
static int cmp_obs_value(const cc_obs *a, const cc_obs *b)
{
    int c;
    if ((c = cmp_bound(&a->iv.lo, a->iv.lo_inf, &b->iv.lo, b->iv.lo_inf)) ||
        (c = cmp_bound(&a->iv.hi, a->iv.hi_inf, &b->iv.hi, b->iv.hi_inf)))
        return c;
    if (a->iv.lo_open != b->iv.lo_open)
        return a->iv.lo_open - b->iv.lo_open;
    if (a->iv.hi_open != b->iv.hi_open)
        return a->iv.hi_open - b->iv.hi_open;
    if (a->qual != b->qual)
        return a->qual < b->qual ? -1 : 1;
    if ((c = cc_dec_cmp(a->value, b->value)))
        return c;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end < b->end ? -1 : a->end > b->end;
}

/* Group, then article, then value (so that repeats of a value in an article
 * are neighbours), then position. */
static int cmp_obs(const void *pa, const void *pb)
{
    const cc_obs *a = *(const cc_obs *const *)pa, *b = *(const cc_obs *const *)pb;
    int c;
    if ((c = strcmp0(a->claim, b->claim)) || (c = strcmp0(a->scope, b->scope)) ||
        (c = strcmp0(a->unit, b->unit)) || (c = strcmp0(a->file, b->file)))
        return c;
    return cmp_obs_value(a, b);
}

/*
 * Sorting a million observations by their strings is mostly strcmp. Each
 * string field is ranked once instead (its distinct values, few next to
 * the observations, sorted), and the observations are sorted by the ranks:
 * the same order as cmp_obs.
 */
typedef struct keyed {
    const cc_obs *o;
    uint32_t k[4]; /* ranks of claim, scope, unit, file */
} keyed;

typedef struct distinct {
    const char *p;
    uint32_t rank;
} distinct;

static int cmp_distinct(const void *a, const void *b)
{
    return strcmp0(((const distinct *)a)->p, ((const distinct *)b)->p);
}

/* Ranks field f (an offset of a const char * in cc_obs) of the n
 * observations of key[] into key[i].k[slot]. Equal strings are mostly one
 * interned pointer: a hash of the pointers finds the distinct ones in
 * O(n); only those are sorted by their text and numbered (equal texts,
 * equal ranks). */
static int rank_field(keyed *key, size_t n, size_t f, int slot)
{
    size_t cap = 64, mask, i, nd = 0;
    uint32_t *slot_of; /* hash slot -> index into d[] + 1; 0 empty */
    const char **ptr_at;
    distinct *d;
    uint32_t *rank_of; /* index into d[] as first seen -> rank */
    uint32_t r = 0;
    int rc = CC_ERR_NOMEM;
    while (cap < 2 * n)
        cap *= 2;
    mask = cap - 1;
    slot_of = cc_calloc(cap, sizeof *slot_of);
    ptr_at = cc_malloc(cap * sizeof *ptr_at);
    d = cc_malloc((n + 1) * sizeof *d);
    rank_of = cc_malloc((n + 1) * sizeof *rank_of);
    if (!slot_of || !ptr_at || !d || !rank_of || n > UINT32_MAX - 1)
        goto out;
    for (i = 0; i < n; i++) {
        const char *p = *(const char *const *)((const char *)key[i].o + f);
        size_t h = (size_t)(((uintptr_t)p >> 3) * 0x9E3779B97F4A7C15ull) & mask;
        while (slot_of[h] && ptr_at[h] != p)
            h = (h + 1) & mask;
        if (!slot_of[h]) {
            ptr_at[h] = p;
            d[nd].p = p;
            d[nd].rank = (uint32_t)nd; /* its index, kept through the sort */
            slot_of[h] = (uint32_t)++nd;
        }
        key[i].k[slot] = slot_of[h] - 1; /* for now: the index of its distinct */
    }
    /* number the distinct strings in text order, then map */
    qsort(d, nd, sizeof *d, cmp_distinct);
    for (i = 0; i < nd; i++) {
        if (i > 0 && strcmp0(d[i - 1].p, d[i].p) != 0)
            r++;
        rank_of[d[i].rank] = r;
    }
    for (i = 0; i < n; i++)
        key[i].k[slot] = rank_of[key[i].k[slot]];
    rc = CC_OK;
out:
    cc_free(slot_of);
    cc_free(ptr_at);
    cc_free(d);
    cc_free(rank_of);
    return rc;
}

static int cmp_keyed(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    int i;
    for (i = 0; i < 4; i++)
        if (a->k[i] != b->k[i])
            return a->k[i] < b->k[i] ? -1 : 1;
    return cmp_obs_value(a->o, b->o);
}

/* Sorts v[0..n) as cmp_obs does. */
static int sort_obs(const cc_obs **v, size_t n)
{
    keyed *key = cc_malloc((n + 1) * sizeof *key);
    size_t i;
    if (!key)
        return CC_ERR_NOMEM;
    for (i = 0; i < n; i++)
        key[i].o = v[i];
    if (rank_field(key, n, offsetof(cc_obs, claim), 0) != CC_OK ||
        rank_field(key, n, offsetof(cc_obs, scope), 1) != CC_OK ||
        rank_field(key, n, offsetof(cc_obs, unit), 2) != CC_OK ||
        rank_field(key, n, offsetof(cc_obs, file), 3) != CC_OK) {
        cc_free(key);
        return CC_ERR_NOMEM;
    }
    qsort(key, n, sizeof *key, cmp_keyed);
    for (i = 0; i < n; i++)
        v[i] = key[i].o;
    cc_free(key);
    return CC_OK;
}

/* cmp_obs without the scope: undated observations merged into a dated
 * group (compare_dated) take their place by article. */
static int cmp_obs_unscoped(const void *pa, const void *pb)
{
    const cc_obs *a = *(const cc_obs *const *)pa, *b = *(const cc_obs *const *)pb;
    cc_obs x = *a, y = *b;
    const cc_obs *px = &x, *py = &y;
    x.scope = y.scope = NULL;
    return cmp_obs(&px, &py);
}

static bool undated(const cc_obs *o)
{
    return !o->scope || !*o->scope;
}

static bool same_group(const cc_obs *a, const cc_obs *b)
{
    return !strcmp0(a->claim, b->claim) && !strcmp0(a->scope, b->scope) &&
           !strcmp0(a->unit, b->unit);
}

static bool same_value(const cc_obs *a, const cc_obs *b)
{
    const cc_interval *x = &a->iv, *y = &b->iv;
    if (a->qual != b->qual || x->lo_inf != y->lo_inf || x->hi_inf != y->hi_inf ||
        x->lo_open != y->lo_open || x->hi_open != y->hi_open)
        return false;
    if (!x->lo_inf && cc_dec_cmp(x->lo, y->lo) != 0)
        return false;
    if (!x->hi_inf && cc_dec_cmp(x->hi, y->hi) != 0)
        return false;
    return cc_dec_cmp(a->value, b->value) == 0;
}

typedef struct sweep {
    cc_robs r;
    ivd w;
    const char *file;
    size_t first; /* index in the group of the first mention */
} sweep;

static int cmp_sweep(const void *pa, const void *pb)
{
    const sweep *a = pa, *b = pb;
    int c;
    if (a->w.lo != b->w.lo)
        return a->w.lo < b->w.lo ? -1 : 1;
    if (a->w.lo_open != b->w.lo_open)
        return a->w.lo_open - b->w.lo_open;
    if (a->w.hi != b->w.hi)
        return a->w.hi < b->w.hi ? -1 : 1;
    if ((c = strcmp0(a->file, b->file)))
        return c;
    return a->r.o->start < b->r.o->start ? -1 : a->r.o->start > b->r.o->start;
}

static int cmp_final(const void *pa, const void *pb)
{
    const cc_robs *a = pa, *b = pb;
    int c;
    if (a->camp != b->camp)
        return a->camp < b->camp ? -1 : 1;
    if ((c = strcmp0(a->o->file, b->o->file)))
        return c;
    return a->o->start < b->o->start ? -1 : a->o->start > b->o->start;
}

static size_t count_articles(const cc_robs *v, size_t n)
{
    /* v is sorted by file within the range given */
    size_t i, c = 0;
    for (i = 0; i < n; i++)
        if (i == 0 || strcmp0(v[i].o->file, v[i - 1].o->file) != 0)
            c++;
    return c;
}

static int cmp_robs_file(const void *pa, const void *pb)
{
    const cc_robs *a = pa, *b = pb;
    return strcmp0(a->o->file, b->o->file);
}

/* ---- disagreements between camps ---- */

/* Values of a camp looked at when classing a pair (its first ones). */
#define CAMP_VALUES 16

/* What classing a pair needs of a camp, worked out once per camp (a claim
 * may pair one large camp with thousands of others). */
typedef struct campinfo {
    const cc_obs *v[CAMP_VALUES]; /* its distinct values */
    size_t n;
    bool forecast;                /* every mention a forecast */
    bool dated;                   /* every article dated: lo, hi */
    const char *lo, *hi;
} campinfo;

/* The distinct values of a camp (at most CAMP_VALUES) into out, and the
 * index in cr->obs of its representative into *rep: the exact value most of its articles
 * state, else the value most of them state ("more than 1.8e9" beside
 * 1.84e9 is 1.84e9's camp, not a figure of its own). */
static size_t camp_values(const cc_claimres *cr, const cc_camp *cp, const cc_obs **out,
                          size_t *rep)
{
    size_t i, k, n = 0, count[CAMP_VALUES] = {0}, at[CAMP_VALUES], best = 0;
    for (i = cp->first; i < cp->first + cp->count; i++) {
        const cc_obs *o = cr->obs[i].o;
        for (k = 0; k < n && !same_value(out[k], o); k++)
            ;
        if (k == n) {
            if (n == CAMP_VALUES)
                continue;
            at[n] = i;
            out[n++] = o;
        }
        count[k]++; /* one observation per article and value */
    }
    for (k = 1; k < n; k++) {
        bool exact = out[k]->qual == CC_Q_EXACT, bexact = out[best]->qual == CC_Q_EXACT;
        if ((exact && !bexact) || (exact == bexact && count[k] > count[best]))
            best = k;
    }
    *rep = at[best];
    return n;
}

bool cc_camp_dates(const cc_claimres *cr, const cc_camp *cp, const char **lo, const char **hi)
{
    size_t i;
    *lo = *hi = NULL;
    for (i = cp->first; i < cp->first + cp->count; i++) {
        const char *d = cr->obs[i].o->date;
        if (!d || !*d)
            return false;
        if (!*lo || strcmp(d, *lo) < 0)
            *lo = d;
        if (!*hi || strcmp(d, *hi) > 0)
            *hi = d;
    }
    return *lo != NULL;
}

/* Is every mention of every figure of camp k said as a forecast? */
static bool forecast_camp(const cc_claimres *cr, uint32_t k)
{
    size_t i, j;
    for (i = cr->camps[k].first; i < cr->camps[k].first + cr->camps[k].count; i++) {
        const cc_robs *ro = &cr->obs[i];
        if (!ro->o->forecast)
            return false;
        for (j = 0; j < ro->nrepeats; j++)
            if (!ro->repeats[j]->forecast)
                return false;
    }
    return true;
}

/* The class of the disagreement between camps a and b: rounding or
 * qualifier as their representatives say, a scale error when those or two
 * of their values that disagree are a power of ten apart ("$15 million"
 * against "about $15 billion" in the camp of 14.3e9), an update when a
 * moving value's camps have dates that do not interleave, else a
 * conflict. */
static cc_class camp_class(const cc_claimres *cr, const campinfo *ci, uint32_t a, uint32_t b,
                           bool moves, double tol)
{
    const campinfo *x = &ci[a], *y = &ci[b];
    const cc_robs *xa = &cr->obs[cr->camps[a].rep], *xb = &cr->obs[cr->camps[b].rep];
    const cc_obs *wa = xa->written ? xa->written : xa->o, *wb = xb->written ? xb->written : xb->o;
    cc_class c = cc_classify_values(xa->o, xb->o);
    size_t i, j;
    for (i = 0; i < x->n && c == CC_CLASS_CONFLICT; i++)
        for (j = 0; j < y->n && c == CC_CLASS_CONFLICT; j++)
            if (!cc_intervals_agree(&x->v[i]->iv, &y->v[j]->iv, tol) &&
                cc_classify_values(x->v[i], y->v[j]) == CC_CLASS_SCALE_ERROR)
                c = CC_CLASS_SCALE_ERROR;
    /* the same number written in two currencies, which the rate of the
     * day does not reconcile ("$1.8 billion" for "1,8 Milliarden Euro") */
    if (c == CC_CLASS_CONFLICT && (xa->written || xb->written) &&
        strcmp0(wa->unit, wb->unit) != 0 && rounds_alike(wa->value, wb->value))
        c = CC_CLASS_CURRENCY_MISMATCH;
    if (c == CC_CLASS_CONFLICT && moves && x->dated && y->dated &&
        (strcmp(x->hi, y->lo) < 0 || strcmp(y->hi, x->lo) < 0))
        c = CC_CLASS_UPDATE;
    if (c == CC_CLASS_CONFLICT && x->forecast != y->forecast)
        c = CC_CLASS_FORECAST;
    return c;
}

/* What a disagreement of a class makes of its claim; agree for a
 * rounding. */
static cc_verdict verdict_of_class(cc_class c)
{
    switch (c) {
    case CC_CLASS_ROUNDING: return CC_VERDICT_AGREE;
    case CC_CLASS_QUALIFIER: return CC_VERDICT_QUALIFIER;
    case CC_CLASS_SCALE_ERROR: return CC_VERDICT_SCALE_ERROR;
    case CC_CLASS_CURRENCY_MISMATCH: return CC_VERDICT_CURRENCY_MISMATCH;
    case CC_CLASS_UPDATE: return CC_VERDICT_UPDATE;
    case CC_CLASS_FORECAST: return CC_VERDICT_FORECAST;
    default: return CC_VERDICT_CONFLICT;
    }
}

/* Classes every pair of camps of cr (or, past CC_MAX_PAIRED_CAMPS, each
 * camp with the one most articles hold) and returns the most severe
 * verdict they make (CC_VERDICT_AGREE: none but roundings). */
static int disagreements(cc_result *res, cc_claimres *cr, const campinfo *ci, bool moves,
                         double tol, cc_verdict *worst)
{
    size_t top = 0, i, j, k = 0, cap;
    *worst = CC_VERDICT_AGREE;
    for (i = 1; i < cr->ncamps; i++)
        if (cr->camps[i].narticles > cr->camps[top].narticles)
            top = i;
    cr->top = top;
    if (cr->ncamps < 2)
        return CC_OK;
    cap = cr->ncamps <= CC_MAX_PAIRED_CAMPS ? cr->ncamps * (cr->ncamps - 1) / 2 : cr->ncamps - 1;
    cr->dis = cc_arena_alloc(&res->arena, cap * sizeof(cc_disagreement));
    if (!cr->dis)
        return CC_ERR_NOMEM;
    for (i = 0; i < cr->ncamps; i++) {
        /* past CC_MAX_PAIRED_CAMPS, only the pairs with top: (i, top) for
         * i < top, then (top, j) */
        size_t j0 = i + 1, j1 = cr->ncamps;
        if (cr->ncamps > CC_MAX_PAIRED_CAMPS && i != top) {
            if (i > top)
                break;
            j0 = top, j1 = top + 1;
        }
        for (j = j0; j < j1; j++) {
            cc_disagreement *d = &cr->dis[k++];
            cc_verdict v;
            d->a = (uint32_t)i;
            d->b = (uint32_t)j;
            d->cls = camp_class(cr, ci, d->a, d->b, moves, tol);
            d->odd = cr->camps[i].narticles < cr->camps[j].narticles   ? (int32_t)i
                     : cr->camps[j].narticles < cr->camps[i].narticles ? (int32_t)j
                                                                       : -1;
            if (d->cls == CC_CLASS_FORECAST)
                d->odd = ci[d->a].forecast ? (int32_t)d->a : (int32_t)d->b;
            v = verdict_of_class(d->cls);
            if (v < *worst)
                *worst = v;
        }
    }
    cr->ndis = k;
    return CC_OK;
}

/* When ro's observation is a conversion, the figure as written and the
 * rate. */
static void written_as(const cc_result *res, cc_robs *ro)
{
    uintptr_t p = (uintptr_t)ro->o, a = (uintptr_t)res->convs;
    if (res->nconv && p >= a && p < a + res->nconv * sizeof(conv)) {
        const conv *c = &res->convs[(p - a) / sizeof(conv)];
        ro->written = c->written;
        ro->rate = c->rate;
        ro->rate_day = c->day;
    }
}

/* Converts a money observation written in another currency than its
 * claim's into *c, at the rate of its article's date; false when there is
 * no such rate (it stays in its own currency, compared with none). */
static bool convert(const cc_ruleset *rs, const char *currency, const cc_obs *o, conv *c)
{
    double rate, band = CC_FX_BAND_PERCENT / 100.0;
    const char *day;
    if (o->kind != CC_KIND_MONEY || !currency || !o->unit || !*o->unit ||
        strcmp(o->unit, currency) == 0 ||
        !cc_ruleset_fx(rs, o->unit, currency, o->date, &rate, &day))
        return false;
    c->o = *o;
    c->o.unit = currency;
    c->o.value = cc_dec_from_double(cc_dec_to_double(o->value) * rate, CC_FX_DIGITS);
    if (!o->iv.lo_inf)
        c->o.iv.lo = cc_dec_from_double(cc_dec_to_double(o->iv.lo) * rate * (1 - band), CC_FX_DIGITS);
    if (!o->iv.hi_inf)
        c->o.iv.hi = cc_dec_from_double(cc_dec_to_double(o->iv.hi) * rate * (1 + band), CC_FX_DIGITS);
    c->o.iv.lo_open = c->o.iv.hi_open = 0; /* the band takes in the bounds */
    c->written = o;
    c->rate = rate;
    c->day = day;
    return true;
}

/* Builds the result for observations g[0..n) of one group. */
/* Long on purpose: its three numbered steps share the sweep and the camps. */
static int build_group(cc_result *res, const cc_ruleset *rs, const cc_obs **g, size_t n,
                       const char *scope, cc_claimres *cr)
{
    sweep *sw = cc_malloc(n * sizeof(sweep));
    size_t i, np = 0, ncamps = 0;
    double minhi = 0;
    int minhi_open = 0, rc;
    double tol = 0;
    cc_robs *tmp;
    campinfo *ci;

    if (!sw)
        return CC_ERR_NOMEM;
    memset(cr, 0, sizeof *cr);
    cr->id = g[0]->claim;
    cr->scope = scope;
    cr->unit = g[0]->unit;
    cr->claim = rs ? cc_ruleset_find_claim(rs, g[0]->claim) : NULL;
    if (cr->claim)
        tol = cc_dec_to_double(cr->claim->tolerance);

    /* 1. one observation per value and article: g is sorted by article,
     * then value, then offset, so later mentions of a value follow the
     * first and become its repeats */
    for (i = 0; i < n; i++) {
        if (np > 0 && strcmp0(g[i]->file, sw[np - 1].file) == 0 &&
            same_value(sw[np - 1].r.o, g[i])) {
            sw[np - 1].r.nrepeats++;
            continue;
        }
        memset(&sw[np], 0, sizeof sw[np]);
        sw[np].r.o = g[i];
        written_as(res, &sw[np].r);
        sw[np].w = widen(&g[i]->iv, tol);
        sw[np].file = g[i]->file;
        sw[np].first = i;
        np++;
    }
    for (i = 0; i < np; i++) {
        cc_robs *p = &sw[i].r;
        if (!p->nrepeats)
            continue;
        p->repeats = cc_arena_alloc(&res->arena, p->nrepeats * sizeof(cc_obs *));
        if (!p->repeats) {
            cc_free(sw);
            return CC_ERR_NOMEM;
        }
        memcpy((void *)p->repeats, g + sw[i].first + 1, p->nrepeats * sizeof(cc_obs *));
    }

    /* 2. camps: sweep by lower bound; a camp stays open while the next
     * lower bound is within every member's upper bound */
    qsort(sw, np, sizeof(sweep), cmp_sweep);
    for (i = 0; i < np; i++) {
        if (i == 0 || !below(sw[i].w.lo, sw[i].w.lo_open, minhi, minhi_open)) {
            ncamps++;
            minhi = sw[i].w.hi;
            minhi_open = sw[i].w.hi_open;
        } else if (sw[i].w.hi < minhi || (sw[i].w.hi == minhi && sw[i].w.hi_open)) {
            minhi = sw[i].w.hi;
            minhi_open = sw[i].w.hi_open;
        }
        sw[i].r.camp = (uint32_t)(ncamps - 1);
    }

    /* 3. final order and per-camp counts */
    cr->obs = cc_arena_alloc(&res->arena, (np + 1) * sizeof(cc_robs));
    cr->camps = cc_arena_alloc(&res->arena, (ncamps + 1) * sizeof(cc_camp));
    tmp = cc_malloc((np + 1) * sizeof(cc_robs));
    if (!cr->obs || !cr->camps || !tmp) {
        cc_free(tmp);
        cc_free(sw);
        return CC_ERR_NOMEM;
    }
    for (i = 0; i < np; i++)
        cr->obs[i] = sw[i].r;
    cc_free(sw);
    cr->nobs = np;
    qsort(cr->obs, np, sizeof(cc_robs), cmp_final);
    cr->ncamps = ncamps;
    for (i = 0; i < np; i++) {
        cc_camp *c = &cr->camps[cr->obs[i].camp];
        if (c->count == 0)
            c->first = i;
        c->count++;
    }
    ci = cc_malloc((ncamps + 1) * sizeof *ci);
    if (!ci) {
        cc_free(tmp);
        return CC_ERR_NOMEM;
    }
    for (i = 0; i < ncamps; i++) {
        cc_camp *cp = &cr->camps[i];
        cp->narticles = count_articles(cr->obs + cp->first, cp->count);
        ci[i].n = camp_values(cr, cp, ci[i].v, &cp->rep);
        ci[i].forecast = forecast_camp(cr, (uint32_t)i);
        ci[i].dated = cc_camp_dates(cr, cp, &ci[i].lo, &ci[i].hi);
    }
    memcpy(tmp, cr->obs, np * sizeof(cc_robs));
    qsort(tmp, np, sizeof(cc_robs), cmp_robs_file);
    cr->narticles = count_articles(tmp, np);
    cc_free(tmp);
    if (cr->claim && cr->claim->has_reference) {
        for (i = 0; i < np; i++)
            if (!cc_intervals_agree(&cr->obs[i].o->iv, &cr->claim->reference, tol)) {
                cr->obs[i].deviates = true;
                cr->ndeviating++;
            }
    }
    rc = disagreements(res, cr, ci, cr->claim && cr->claim->moves, tol, &cr->verdict);
    cc_free(ci);
    if (rc != CC_OK)
        return rc;
    if (cr->ndeviating && cr->verdict > CC_VERDICT_DEVIATES)
        cr->verdict = CC_VERDICT_DEVIATES;
    else if (cr->verdict == CC_VERDICT_AGREE && cr->narticles < 2)
        cr->verdict = CC_VERDICT_SINGLE;
    return CC_OK;
}

static int cmp_claimres(const void *pa, const void *pb)
{
    const cc_claimres *a = pa, *b = pb;
    int c;
    if (a->verdict != b->verdict)
        return a->verdict < b->verdict ? -1 : 1;
    if ((c = strcmp0(a->id, b->id)) || (c = strcmp0(a->scope, b->scope)))
        return c;
    return strcmp0(a->unit, b->unit);
}

/*
 * A claim scoped by the articles' dates (scope: {from: date}): an undated
 * article could be from any period, so its observations are compared within
 * every dated scope of the claim (and unit), and form a group of their own
 * only when there is none. A conflict is not missed because one side lacks
 * a date. v[g0..g1) is one group of the sorted v[0..n).
 */
static int compare_dated(cc_result *res, const cc_ruleset *rs, const cc_obs **v, size_t n,
                         size_t g0, size_t g1)
{
    const cc_obs *first = v[g0];
    size_t i, u0 = g0, u1, k = 0;
    const cc_obs **merged;
    int rc;
    if (undated(first)) {
        for (i = g1; i < n && !strcmp0(v[i]->claim, first->claim); i++)
            if (!undated(v[i]) && !strcmp0(v[i]->unit, first->unit))
                return CC_OK; /* merged into the dated groups after it */
        return build_group(res, rs, v + g0, g1 - g0, first->scope, &res->v[res->n++]);
    }
    /* undated observations of the claim and unit sort before the dated */
    while (u0 > 0 && !strcmp0(v[u0 - 1]->claim, first->claim))
        u0--;
    for (; u0 < g0 && !(undated(v[u0]) && !strcmp0(v[u0]->unit, first->unit)); u0++)
        ;
    for (u1 = u0; u1 < g0 && undated(v[u1]) && !strcmp0(v[u1]->unit, first->unit); u1++)
        ;
    merged = cc_malloc((g1 - g0 + u1 - u0 + 1) * sizeof *merged);
    if (!merged)
        return CC_ERR_NOMEM;
    for (i = g0; i < g1; i++)
        merged[k++] = v[i];
    for (i = u0; i < u1; i++)
        merged[k++] = v[i];
    qsort(merged, k, sizeof *merged, cmp_obs_unscoped);
    rc = build_group(res, rs, merged, k, first->scope, &res->v[res->n++]);
    cc_free(merged);
    return rc;
}

int cc_compare_run(cc_result **out, const cc_ruleset *rs, const cc_obstab *t)
{
    return cc_compare_run_currency(out, rs, t, NULL, NULL);
}

int cc_compare_run_currency(cc_result **out, const cc_ruleset *rs, const cc_obstab *t,
                            cc_currency_fn currency_of, void *ud)
{
    size_t n = cc_obstab_count(t), i, g0, ngroups = 0;
    const cc_obs **v;
    cc_result *res;
    int rc = CC_OK;

    *out = NULL;
    res = cc_calloc(1, sizeof *res);
    v = cc_malloc((n + 1) * sizeof(cc_obs *));
    if (!res || !v) {
        cc_free(res);
        cc_free(v);
        return CC_ERR_NOMEM;
    }
    for (i = 0; i < n; i++)
        v[i] = cc_obstab_get(t, i);
    if (sort_obs(v, n) != CC_OK) {
        rc = CC_ERR_NOMEM;
        goto done;
    }
    /* figures in another currency than their claim's, at the day's rate:
     * then sorted again, into their claim's currency */
    if (rs && cc_ruleset_fx_days(rs) > 0) {
        const char *cur = NULL;
        for (i = 0; i < n; i++) {
            conv c;
            if (i == 0 || strcmp0(v[i]->claim, v[i - 1]->claim) != 0) {
                const cc_claim *cl = cc_ruleset_find_claim(rs, v[i]->claim);
                cur = cl ? cl->currency : currency_of ? currency_of(ud, v[i]->claim) : NULL;
            }
            if (!convert(rs, cur, v[i], &c))
                continue;
            if (!res->convs && !(res->convs = cc_arena_alloc(&res->arena, n * sizeof(conv)))) {
                rc = CC_ERR_NOMEM;
                goto done;
            }
            res->convs[res->nconv] = c;
            v[i] = &res->convs[res->nconv++].o;
        }
        if (res->nconv && sort_obs(v, n) != CC_OK) {
            rc = CC_ERR_NOMEM;
            goto done;
        }
    }
    for (i = 0; i < n; i++)
        if (i == 0 || !same_group(v[i], v[i - 1]))
            ngroups++;
    res->v = cc_arena_alloc(&res->arena, (ngroups + 1) * sizeof(cc_claimres));
    if (!res->v) {
        rc = CC_ERR_NOMEM;
        goto done;
    }
    for (g0 = 0; g0 < n;) {
        size_t g1 = g0 + 1;
        const cc_claim *cl = rs ? cc_ruleset_find_claim(rs, v[g0]->claim) : NULL;
        while (g1 < n && same_group(v[g1], v[g0]))
            g1++;
        if (cl && cl->scope_period != CC_SCOPE_NONE)
            rc = compare_dated(res, rs, v, n, g0, g1);
        else
            rc = build_group(res, rs, v + g0, g1 - g0, v[g0]->scope, &res->v[res->n++]);
        if (rc != CC_OK)
            goto done;
        g0 = g1;
    }
    qsort(res->v, res->n, sizeof(cc_claimres), cmp_claimres);
done:
    cc_free(v);
    if (rc != CC_OK) {
        cc_result_free(res);
        return rc;
    }
    *out = res;
    return CC_OK;
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int cc_result_keep_touched(cc_result *r, const char *const *files, size_t n)
{
    const char **sorted = cc_malloc((n + 1) * sizeof(char *));
    size_t i, k = 0, j, m;
    if (!sorted)
        return CC_ERR_NOMEM;
    if (n)
        memcpy(sorted, files, n * sizeof(char *));
    qsort(sorted, n, sizeof(char *), cmp_cstr);
    for (i = 0; i < r->n; i++) {
        const cc_claimres *c = &r->v[i];
        bool touched = false;
        for (j = 0; j < c->nobs && !touched; j++) {
            touched = bsearch(&c->obs[j].o->file, sorted, n, sizeof(char *), cmp_cstr) != NULL;
            for (m = 0; m < c->obs[j].nrepeats && !touched; m++)
                touched = bsearch(&c->obs[j].repeats[m]->file, sorted, n, sizeof(char *),
                                  cmp_cstr) != NULL;
        }
        if (touched)
            r->v[k++] = r->v[i];
    }
    r->n = k;
    cc_free(sorted);
    return CC_OK;
}

void cc_result_free(cc_result *r)
{
    if (!r)
        return;
    cc_arena_free(&r->arena);
    cc_free(r);
}

size_t cc_result_count(const cc_result *r)
{
    return r->n;
}

const cc_claimres *cc_result_get(const cc_result *r, size_t i)
{
    return i < r->n ? &r->v[i] : NULL;
}

size_t cc_result_count_verdict(const cc_result *r, cc_verdict v)
{
    size_t i, c = 0;
    for (i = 0; i < r->n; i++)
        c += r->v[i].verdict == v;
    return c;
}
