/*
 * claimcheck/num.h: locale-free exact decimal numbers and intervals (the
 * normalization stage's arithmetic).
 *
 * A cc_dec keeps a decimal mantissa and exponent, so "6,6 milliárd" is
 * exactly 66 x 10^8 and never 6599999999.9999. Scale words are applied by
 * exponent arithmetic; conversion to double happens last, only for ordering
 * and tolerance checks. Nothing here reads the locale (no strtod, atof,
 * sscanf or printf of floating point).
 */
#ifndef CLAIMCHECK_NUM_H
#define CLAIMCHECK_NUM_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* value = (neg ? -1 : 1) * m * 10^e */
typedef struct cc_dec {
    uint64_t m;      /* mantissa, at most 19 significant digits */
    int32_t e;       /* decimal exponent */
    uint8_t neg;     /* 1 when negative */
    uint8_t inexact; /* 1 when digits beyond the 19th were dropped */
} cc_dec;

/* How a figure was qualified in the text, and so which interval it means. */
typedef enum cc_qualifier {
    CC_Q_EXACT = 0, /* [v, v] */
    CC_Q_AT_LEAST,  /* [v, +inf) */
    CC_Q_MORE_THAN, /* (v, +inf) */
    CC_Q_UP_TO,     /* (-inf, v] */
    CC_Q_LESS_THAN, /* (-inf, v) */
    CC_Q_ABOUT,     /* [v - 5%, v + 5%] */
    CC_Q_ALMOST,    /* [v - 5%, v] */
    CC_Q_RANGE,     /* [v1, v2], a stated range */
    CC_Q__COUNT
} cc_qualifier;

/* The relative band of "about" and "almost", in percent (documented in
 * docs/normalization.md). */
#define CC_ABOUT_BAND_PERCENT 5

/* A closed, open or unbounded interval of values. */
typedef struct cc_interval {
    cc_dec lo, hi;    /* bounds; ignored on an unbounded side */
    uint8_t lo_inf;   /* 1: unbounded below (-inf) */
    uint8_t hi_inf;   /* 1: unbounded above (+inf) */
    uint8_t lo_open;  /* 1: lo itself excluded */
    uint8_t hi_open;  /* 1: hi itself excluded */
} cc_interval;

/* Largest number of characters cc_dec_format writes, with the NUL. */
#define CC_DEC_BUFSZ 48

cc_dec cc_dec_from_u64(uint64_t v);
/* 10^k as a cc_dec. */
cc_dec cc_dec_pow10(int32_t k);
/* Parses ASCII "[-+]digits[.digits][(e|E)[-+]digits]" in s[0..n) entirely.
 * Returns 0 or CC_ERR_INVALID. Values whose exponent (as written, or in
 * the form cc_dec_format writes) is beyond +-100000 are refused. */
int cc_dec_parse(cc_dec *out, const char *s, size_t n);
/* Appends one decimal digit (0-9) to an integer part (frac = false) or a
 * fraction (frac = true) being built up in *d; digits beyond the 19th are
 * dropped and mark *d inexact. */
void cc_dec_push_digit(cc_dec *d, int digit, bool frac);

cc_dec cc_dec_mul(cc_dec a, cc_dec b);
cc_dec cc_dec_add(cc_dec a, cc_dec b);
/* Strips trailing zeros of the mantissa: 6600 x 10^6 becomes 66 x 10^8. */
cc_dec cc_dec_norm(cc_dec a);
bool cc_dec_is_zero(cc_dec a);
/* -1, 0 or 1 as a < b, a == b, a > b, exactly. */
int cc_dec_cmp(cc_dec a, cc_dec b);
/* Nearest double (one rounding when m < 2^53 and |e| <= 22); +-HUGE_VAL on
 * overflow. */
double cc_dec_to_double(cc_dec a);
/* x rounded to `digits` significant digits (1-17), for values computed in
 * floating point (a conversion at an exchange rate); 0 for 0, NaN or an
 * infinity. */
cc_dec cc_dec_from_double(double x, int digits);

/* Canonical text, a valid JSON number: "6600000000", "0.5", "1.57e+25".
 * Returns buf. */
char *cc_dec_format(char buf[CC_DEC_BUFSZ], cc_dec a);
/* Short engineering form for people: "13e9", "6.6e9", "650e6", "20". */
char *cc_dec_format_short(char buf[CC_DEC_BUFSZ], cc_dec a);
/* As people write figures in news: from a million on, the digits before
 * a scale word put in *word ("13.75" and "bn", "650" and "m", "2.19" and
 * "tn"), every digit kept; below, the number with its thousands grouped
 * ("1,500", "23.28", "0.05") and *word NULL. Beyond what that can show
 * (more than 15 digits, below 1e-6, from 1e21) the canonical form. */
char *cc_dec_format_people(char buf[CC_DEC_BUFSZ], cc_dec a, const char **word);

/* The interval a qualified figure stands for. */
cc_interval cc_interval_of(cc_qualifier q, cc_dec v);
/* [lo, hi] closed. */
cc_interval cc_interval_range(cc_dec lo, cc_dec hi);

/* Stable names: "exact", "at_least", ... Borrowed, static. */
const char *cc_qualifier_name(cc_qualifier q);
/* Name to qualifier; returns 0 or CC_ERR_NOTFOUND. */
int cc_qualifier_from_name(cc_qualifier *out, const char *name);

#ifdef __cplusplus
}
#endif
#endif
