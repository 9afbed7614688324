/*
 * uni.c: Unicode properties through utf8proc (helper).
 */
#include "uni.h"
#include "utf8.h"

#include <utf8proc.h>

bool cc_uni_is_letter(uint32_t cp)
{
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL ||
           c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_LM ||
           c == UTF8PROC_CATEGORY_LO || c == UTF8PROC_CATEGORY_MN ||
           c == UTF8PROC_CATEGORY_MC;
}

bool cc_uni_is_digit(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

int cc_uni_digit_value(uint32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return (int)(cp - 0xFF10);
    return -1;
}

bool cc_uni_is_space(uint32_t cp)
{
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
        return true;
    if (cp < 0x80)
        return false;
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ZS;
}

bool cc_uni_is_upper(uint32_t cp)
{
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

uint32_t cc_uni_lower(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

bool cc_uni_is_cjk(uint32_t cp)
{
    return (cp >= 0x3040 && cp <= 0x30FF) ||  /* hiragana, katakana */
           (cp >= 0x3400 && cp <= 0x4DBF) ||  /* ext A */
           (cp >= 0x4E00 && cp <= 0x9FFF) ||  /* unified ideographs */
           (cp >= 0xF900 && cp <= 0xFAFF) ||  /* compatibility */
           (cp >= 0x20000 && cp <= 0x2FA1F) || /* ext B.. */
           (cp >= 0x31F0 && cp <= 0x31FF) || (cp == 0x3007);
}

int cc_uni_width(uint32_t cp)
{
    int w = utf8proc_charwidth((utf8proc_int32_t)cp);
    return w < 0 ? 0 : w;
}

char *cc_uni_lower_str(cc_arena *a, const char *s, size_t n, size_t *outlen)
{
    /* Lowercasing can change a code point's length; 4 bytes each is enough. */
    char *out = cc_arena_alloc(a, n * 2 + 4);
    const char *p = s, *end = s + n;
    size_t o = 0;
    if (!out)
        return NULL;
    while (p < end) {
        uint32_t cp;
        int len = cc_utf8_decode(p, end, &cp);
        char enc[4];
        int el;
        if (len < 0) {
            p++;
            continue;
        }
        el = cc_utf8_encode(cc_uni_lower(cp), enc);
        if (o + (size_t)el > n * 2 + 3)
            break;
        for (int i = 0; i < el; i++)
            out[o++] = enc[i];
        p += len;
    }
    out[o] = '\0';
    if (outlen)
        *outlen = o;
    return out;
}
