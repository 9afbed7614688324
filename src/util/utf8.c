/*
 * utf8.c: UTF-8 validation and decoding (helper for the article stage).
 *
 * The validator follows the table in RFC 3629 section 4: second bytes of E0,
 * ED, F0 and F4 sequences are restricted so that overlong forms, surrogates
 * and code points past U+10FFFF are all rejected. ASCII runs are skipped a
 * word at a time because news text is mostly ASCII.
 */
#include "utf8.h"

#include <string.h>

int cc_utf8_validate(const char *s, size_t n, size_t *bad)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;

    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            /* Fast path: eight ASCII bytes at a time. */
            while (i + 8 <= n) {
                uint64_t w;
                memcpy(&w, p + i, 8);
                if (w & UINT64_C(0x8080808080808080))
                    break;
                i += 8;
            }
            while (i < n && p[i] < 0x80)
                i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80)
                goto fail;
            i += 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            unsigned char lo = 0x80, hi = 0xBF;
            if (c == 0xE0)
                lo = 0xA0; /* overlong */
            if (c == 0xED)
                hi = 0x9F; /* surrogates */
            if (i + 2 >= n || p[i + 1] < lo || p[i + 1] > hi || (p[i + 2] & 0xC0) != 0x80)
                goto fail;
            i += 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            unsigned char lo = 0x80, hi = 0xBF;
            if (c == 0xF0)
                lo = 0x90; /* overlong */
            if (c == 0xF4)
                hi = 0x8F; /* past U+10FFFF */
            if (i + 3 >= n || p[i + 1] < lo || p[i + 1] > hi || (p[i + 2] & 0xC0) != 0x80 ||
                (p[i + 3] & 0xC0) != 0x80)
                goto fail;
            i += 4;
        } else {
            goto fail;
        }
    }
    return 0;
fail:
    if (bad)
        *bad = i;
    return -1;
}

int cc_utf8_decode(const char *s, const char *end, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t avail = (size_t)(end - s);
    size_t bad;
    int len;

    if (avail == 0)
        goto fail;
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    len = cc_utf8_seqlen(p[0]);
    if ((size_t)len > avail || cc_utf8_validate(s, (size_t)len, &bad) != 0)
        goto fail;
    if (len == 2)
        *cp = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    else if (len == 3)
        *cp = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    else
        *cp = ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
              ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    return len;
fail:
    *cp = 0xFFFD;
    return -1;
}

int cc_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t cc_utf8_count(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t count = 0, i;
    for (i = 0; i < n; i++)
        count += (p[i] & 0xC0) != 0x80;
    return count;
}
