/*
 * utf8.h: strict UTF-8 helpers (no overlong forms, no surrogates, nothing
 * above U+10FFFF), as RFC 3629 requires.
 */
#ifndef CC_UTF8_H
#define CC_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Returns 0 when p[0..n) is valid UTF-8; otherwise -1 and *bad is the byte
 * offset of the first byte of the first invalid sequence. */
int cc_utf8_validate(const char *p, size_t n, size_t *bad);

/* Decodes one code point at p (p < end). Returns its length in bytes (1-4),
 * or -1 for an invalid or truncated sequence (then *cp is U+FFFD). */
int cc_utf8_decode(const char *p, const char *end, uint32_t *cp);

/* Encodes cp (<= 0x10FFFF, not a surrogate) into out; returns the length. */
int cc_utf8_encode(uint32_t cp, char out[4]);

/* Number of code points in valid UTF-8 p[0..n). */
size_t cc_utf8_count(const char *p, size_t n);

/* Length of the sequence whose lead byte is c (1 for invalid leads). */
static inline int cc_utf8_seqlen(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* The offset of the code point after the one at i in t[0..end) (end at
 * the end; an invalid lead byte counts as one). */
static inline size_t cc_utf8_next(const char *t, size_t i, size_t end)
{
    if (i >= end)
        return end;
    i += (size_t)cc_utf8_seqlen((unsigned char)t[i]);
    return i > end ? end : i;
}

/* The code point at i in t[0..end); 0 at the end or for an invalid
 * sequence. */
static inline uint32_t cc_utf8_at(const char *t, size_t i, size_t end)
{
    uint32_t cp = 0;
    if (i >= end || cc_utf8_decode(t + i, t + end, &cp) < 0)
        return 0;
    return cp;
}

#endif
