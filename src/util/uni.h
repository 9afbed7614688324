/*
 * uni.h: the few Unicode properties claimcheck needs, from utf8proc
 * (Debian's libutf8proc: maintained Unicode tables, so we carry none).
 */
#ifndef CC_UNI_H
#define CC_UNI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

bool cc_uni_is_letter(uint32_t cp);
bool cc_uni_is_digit(uint32_t cp); /* ASCII and full-width digits only */
int cc_uni_digit_value(uint32_t cp);
bool cc_uni_is_space(uint32_t cp); /* Zs, tab, line ends */
bool cc_uni_is_upper(uint32_t cp);
uint32_t cc_uni_lower(uint32_t cp);
/* Han ideographs, kana and related CJK blocks. */
bool cc_uni_is_cjk(uint32_t cp);
/* Terminal display width (0, 1 or 2). */
int cc_uni_width(uint32_t cp);
/* Lowercased copy of s[0..n) in the arena; NULL when out of memory. */
char *cc_uni_lower_str(cc_arena *a, const char *s, size_t n, size_t *outlen);

#endif
