/*
 * claimcheck/lang.h: language packs (stage 1, with the rules).
 *
 * A language pack is data (rules/lang/<code>.yaml): digits and separators,
 * scale words with their inflections, currencies, percent and count words,
 * qualifiers, ranges, vague amounts, sentence abbreviations and what
 * language detection needs. From it the loader assembles the grok-style
 * macros %{number}, %{money}, %{percent}, %{count} and %{quantity} that
 * claim rules use, and the scanner that finds every quantity in a text.
 * docs/language-packs.md describes the format.
 */
#ifndef CLAIMCHECK_LANG_H
#define CLAIMCHECK_LANG_H

#include "diag.h"
#include "num.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cc_lang cc_lang;

/* What a quantity measures. */
typedef enum cc_kind {
    CC_KIND_NUMBER = 0, /* a bare figure */
    CC_KIND_MONEY,      /* an amount in a currency */
    CC_KIND_PERCENT,    /* a percentage */
    CC_KIND_COUNT,      /* a count of something (users, people) */
    CC_KIND__COUNT
} cc_kind;

/* A quantity found in a text. */
typedef struct cc_quantity {
    size_t start, end;    /* byte offsets of the text as written */
    size_t figure;        /* byte offset of the figure itself (the digits or
                             number words), which identifies the quantity */
    cc_dec value;         /* the figure (a range's or vague amount's low end) */
    cc_interval iv;       /* what the figure means, after its qualifier */
    cc_kind kind;
    const char *unit;     /* ISO 4217 code, "percent", a count noun, or NULL
                             for a bare number; borrowed from the pack */
    cc_qualifier qual;
    bool vague;           /* "tens of billions": a wide interval, never a conflict */
    bool scaled;          /* written with a scale word ("billion", 亿) */
    bool inherited;       /* the unit is not written: it carries over from the
                             amount before it ("$5.4bn, rising to 37.5bn")
                             or, with the scale, from the one after it
                             ("с 5,4 до 37,5 млрд долларов") */
    cc_dec factor;        /* the scale words and multipliers after the last
                             number ("37,5 млрд": 1e9), 1 when none */
    long conversion_of;   /* index of the quantity this one converts (in
                             brackets after it), or -1 */
} cc_quantity;

/* Loads one pack from text (file is used in diagnostics). On success *out
 * is owned (cc_lang_free). Errors go to d as file:line:col; returns
 * CC_ERR_RULES or CC_ERR_NOMEM then. */
int cc_lang_load(cc_lang **out, const char *file, const char *text, size_t len, cc_diags *d);
void cc_lang_free(cc_lang *l);

/* Borrowed, valid while the pack lives. */
const char *cc_lang_code(const cc_lang *l);
const char *cc_lang_name(const cc_lang *l);
const char *cc_lang_file(const cc_lang *l);

/* The expansion of a macro ("money", or a pack's own), or NULL. Borrowed. */
const char *cc_lang_macro(const cc_lang *l, const char *name);

/* Stable names: "number", "money", "percent", "count". */
const char *cc_kind_name(cc_kind k);
int cc_kind_from_name(cc_kind *out, const char *name);

#ifdef __cplusplus
}
#endif
#endif
