/*
 * segment.c: sentences of an article (see segment.h).
 */
#include "segment.h"

#include "alloc.h"
#include "lang_priv.h"
#include "uni.h"
#include "utf8.h"

#include <stdbool.h>
#include <string.h>

static bool is_space_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Appends t[a..b) with its white space trimmed, unless nothing is left. */
static int add_sent(cc_sents *out, const char *t, size_t a, size_t b)
{
    while (a < b && is_space_byte(t[a]))
        a++;
    while (b > a && is_space_byte(t[b - 1]))
        b--;
    if (a >= b)
        return 0;
    if (out->n == out->cap) {
        void *p = out->v;
        if (cc_grow(&p, &out->cap, out->n + 1, sizeof(cc_sent)) != 0)
            return -1;
        out->v = p;
    }
    out->v[out->n].start = a;
    out->v[out->n].end = b;
    out->v[out->n].candidate = 0;
    out->n++;
    return 0;
}

/* Where to cut t[a..) that runs past CC_SENTENCE_MAX bytes: at the last
 * space or tab of the last 512 bytes before the limit; else after the last
 * comma-like CJK mark there (，、；：); else at the last code point
 * boundary before the limit. a < result <= a + CC_SENTENCE_MAX. */
static size_t cut_point(const char *t, size_t a)
{
    static const char *const marks[] = {"\xEF\xBC\x8C", "\xE3\x80\x81", "\xEF\xBC\x9B",
                                        "\xEF\xBC\x9A"};
    size_t lim = a + CC_SENTENCE_MAX, low = lim - 512, k, m;
    for (k = lim; k > low; k--)
        if (t[k] == ' ' || t[k] == '\t')
            return k;
    for (k = lim; k > low + 3; k--)
        for (m = 0; m < sizeof marks / sizeof marks[0]; m++)
            if (memcmp(t + k - 3, marks[m], 3) == 0)
                return k;
    /* back to the lead byte of the code point at the limit (at most 3
     * continuation bytes in valid UTF-8; invalid text is cut anywhere) */
    for (k = lim; k > lim - 3 && ((unsigned char)t[k] & 0xC0) == 0x80; k--)
        ;
    return ((unsigned char)t[k] & 0xC0) == 0x80 ? lim : k;
}

/* Appends t[a..b), cut into pieces of at most CC_SENTENCE_MAX bytes. */
static int push_sent(cc_sents *out, const char *t, size_t a, size_t b)
{
    while (b > a && b - a > CC_SENTENCE_MAX) {
        size_t cut = cut_point(t, a);
        if (add_sent(out, t, a, cut) != 0)
            return -1;
        a = cut;
    }
    return add_sent(out, t, a, b);
}

/* Next code point that is not white space (and not a closing quote or
 * bracket) at or after i; 0 at the end. */
static uint32_t next_visible(const char *t, size_t i, size_t end)
{
    while (i < end) {
        uint32_t cp = cc_utf8_at(t, i, end);
        if (!cc_uni_is_space(cp))
            return cp;
        i = cc_utf8_next(t, i, end);
    }
    return 0;
}

/* The last character before i that is not white space, from s on; 0 if
 * none. */
static uint32_t prev_visible(const char *t, size_t s, size_t i)
{
    while (i > s) {
        uint32_t cp;
        size_t k = i - 1;
        while (k > s && ((unsigned char)t[k] & 0xC0) == 0x80)
            k--;
        if (cc_utf8_decode(t + k, t + i, &cp) < 0)
            return 0;
        if (!cc_uni_is_space(cp))
            return cp;
        i = k;
    }
    return 0;
}

static bool is_closer(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
           cp == 0xBB || cp == 0x300D || cp == 0x300F || cp == 0xFF09 || cp == 0x201C;
}

/* Is the '.' at i the end of a sentence? Not after an abbreviation of the
 * pack, an initial ("D.A."), or before a lowercase word or a digit. */
static bool period_ends(const cc_lang *l, const char *t, size_t begin, size_t i, size_t end)
{
    size_t j = i, wstart;
    uint32_t after = cc_utf8_at(t, i + 1, end), nextv;
    size_t letters = 0;
    if (i + 1 < end && !cc_uni_is_space(after) && !is_closer(after))
        return false; /* 6.6, D.A.Davidson, example.com */
    while (j > begin) {
        size_t k = j - 1;
        uint32_t cp;
        while (k > begin && ((unsigned char)t[k] & 0xC0) == 0x80)
            k--;
        cp = cc_utf8_at(t, k, end);
        if (!cc_uni_is_letter(cp))
            break;
        letters++;
        j = k;
    }
    wstart = j;
    if (letters == 1)
        return false; /* an initial */
    if (letters == 0 && i > begin) {
        /* a day or ordinal number: "bis zum 30. Juni", "2. helyen" */
        size_t d = i, digits = 0;
        while (d > begin && t[d - 1] >= '0' && t[d - 1] <= '9') {
            d--;
            digits++;
        }
        if (digits >= 1 && digits <= 2 && (d == begin || t[d - 1] == ' ' || t[d - 1] == '('))
            return false;
    }
    if (letters && cc_lang_is_abbrev(l, t + wstart, i - wstart))
        return false;
    nextv = next_visible(t, i + 1, end);
    if (nextv && (cc_uni_lower(nextv) == nextv && cc_uni_is_letter(nextv) && !cc_uni_is_cjk(nextv)))
        return false; /* continues in lowercase */
    return true;
}

/* Splits the body into sentences: at . ! ? … after a word (see period_ends),
 * at CJK full stops, at blank lines, and at line ends unless the next line
 * continues in lowercase (hard-wrapped text). */
int cc_segment(cc_sents *out, const cc_lang *l, const char *t, size_t begin, size_t end)
{
    size_t i = begin, s = begin;
    out->n = 0;
    while (i < end) {
        unsigned char c = (unsigned char)t[i];
        size_t n = cc_utf8_next(t, i, end);
        if (c == '\n' || c == '\r') {
            size_t j = (c == '\r' && n < end && t[n] == '\n') ? n + 1 : n;
            uint32_t nv = next_visible(t, j, end);
            /* a wrapped line goes on: "valuing the company at\n$150
             * billion", "it raised\n6.6 billion"; a line after a heading
             * or list item starts anew */
            bool cont = nv && cc_uni_is_letter(nv) && !cc_uni_is_cjk(nv) &&
                        cc_uni_lower(nv) == nv;
            if (!cont && nv && !cc_uni_is_letter(nv) && !strchr("-*#>|+", (int)nv)) {
                uint32_t pv = prev_visible(t, s, i);
                cont = pv && (cc_uni_is_letter(pv) || cc_uni_is_digit(pv) || pv == ',') &&
                       !cc_uni_is_cjk(pv);
            }
            /* a blank line always ends the sentence */
            size_t k = j;
            while (k < end && (t[k] == ' ' || t[k] == '\t'))
                k++;
            if (k < end && (t[k] == '\n' || t[k] == '\r'))
                cont = false;
            if (!cont) {
                if (push_sent(out, t, s, i) != 0)
                    return -1;
                s = j;
            }
            i = j;
            continue;
        }
        if (c == '.' || c == '!' || c == '?' || c >= 0x80) {
            uint32_t cp = cc_utf8_at(t, i, end);
            bool stop = false;
            if (cp == '.')
                stop = period_ends(l, t, begin, i, end);
            else if (cp == '!' || cp == '?' || cp == 0x2026)
                stop = n >= end || cc_uni_is_space(cc_utf8_at(t, n, end)) || is_closer(cc_utf8_at(t, n, end));
            else if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0E)
                stop = true;
            if (stop) {
                /* closing quotes and brackets stay with the sentence */
                while (n < end && is_closer(cc_utf8_at(t, n, end)))
                    n = cc_utf8_next(t, n, end);
                if (push_sent(out, t, s, n) != 0)
                    return -1;
                s = n;
            }
        }
        i = n;
    }
    return push_sent(out, t, s, end);
}

long cc_sent_of(const cc_sents *s, size_t off)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->v[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->n && s->v[lo].start <= off ? (long)lo : -1;
}

void cc_sents_free(cc_sents *s)
{
    cc_free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}
