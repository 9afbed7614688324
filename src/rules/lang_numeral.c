/*
 * lang_numeral.c: numerals and interpretation (used by extraction; the
 * verbatim "Numerals and interpretation" section of lang.c).
 *
 * In: a match of a pattern built from a pack's macros. Out: the numeral's
 * exact value (cc_lang_numeral) and the cc_quantity the match describes
 * (cc_lang_interpret): value, scale, unit, qualifier and interval.
 */
#include "lang_build.h"

#include "alloc.h"
#include "uni.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
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
        } else if (q < end && s[q] == '.' && cc_lang_loose_dot(l)) {
            /* as the DIGITS fragment: ".8", ".25", not before a third digit
             * or another separator and digit */
            size_t r = q + 1, cnt = 0, k2;
            cc_dec t = d;
            while (cnt < 3 && (k = digit_at(s, r, end, &v))) {
                cc_dec_push_digit(&t, v, true);
                r += k;
                cnt++;
            }
            if (cnt >= 1 && cnt <= 2 &&
                !(r < end && (s[r] == '.' || s[r] == ',') && (k2 = digit_at(s, r + 1, end, &v)) > 0)) {
                d = t;
                q = r;
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
            long went = cc_lang_classify(&l->c_words, c, s, len, p, end, false, &wend);
            long sent = cc_lang_classify(&l->c_scales, c, s, len, p, end, false, &send);
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

/* Long on purpose: each named group in turn into one cc_quantity. */
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
        ent = cc_lang_classify(&l->c_vague, c, subj, len, ov[2 * gvg], ov[2 * gvg + 1], true, NULL);
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
        ent = cc_lang_classify(&l->c_units, c, subj, len, ov[2 * gu], ov[2 * gu + 1], true, NULL);
        if (ent < 0)
            return -1;
        q->kind = l->units[ent].kind;
        q->unit = l->units[ent].unit;
    } else {
        q->kind = CC_KIND_NUMBER;
    }
    q->qual = CC_Q_EXACT;
    if (gq) {
        ent = cc_lang_classify(&l->c_quals, c, subj, len, ov[2 * gq], ov[2 * gq + 1], true, NULL);
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
