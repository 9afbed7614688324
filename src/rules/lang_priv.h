/*
 * lang_priv.h: language-pack internals shared by the stages that use a
 * pack's compiled grammar (rules: macro expansion; detect: word lists;
 * extract: scanning and interpretation). Not part of the public API.
 */
#ifndef CC_LANG_PRIV_H
#define CC_LANG_PRIV_H

#include <stdatomic.h>
#include "claimcheck/lang.h"

#include "arena.h"
#include "buf.h"
#include "rx.h"
#include "ysink.h"
#include "example.h"

/* A word list compiled for lookup: one capture group per form, so the group
 * that matched names the entry. */
typedef struct cc_classifier {
    cc_rx prefix;     /* anchored at the start offset */
    uint32_t *entry;  /* group number -> entry index */
    size_t nforms;
} cc_classifier;

typedef struct cc_numword {
    cc_dec value;
    uint8_t mult;   /* small multiplier: hundred, 十, 百, 千 */
    uint8_t joiner; /* "and" between number words: no value */
} cc_numword;

typedef struct cc_unitent {
    cc_kind kind;
    const char *unit; /* ISO code, "percent", or the count noun */
} cc_unitent;

typedef struct cc_vagueent {
    cc_dec lo, hi;   /* multipliers of the scale */
    cc_dec scale;    /* inherent scale when has_scale */
    uint8_t has_scale;
} cc_vagueent;


typedef struct cc_macro {
    const char *name;
    const char *text;
} cc_macro;

/* An example of a term: a phrase that must contain one of its forms. */
typedef struct cc_termex {
    const char *text;
    uint32_t line, col;
} cc_termex;

/* The forms a pack writes for one concept (terms:). The concept is named,
 * not resolved: the ruleset checks names against rules/concepts.yaml. */
typedef struct cc_term {
    const char *concept;
    uint32_t line, col; /* of its key, for errors */
    cc_termex *examples;
    size_t nexamples;
    cc_rx rx;           /* its forms */
} cc_term;

/* Detection data: lowercase words and distinctive code points. */
typedef struct cc_detectdata {
    const char **words; /* sorted; rules.c indexes them (cc_detindex) */
    size_t nwords;
    uint32_t *chars;    /* sorted */
    size_t nchars;
    uint32_t (*ranges)[2]; /* code point ranges of the pack's script */
    size_t nranges;
} cc_detectdata;

struct cc_lang {
    cc_arena arena;
    const char *code, *name, *file;
    bool spacing; /* words are separated by spaces (false for zh, ja) */

    cc_numword *words;
    size_t nwords;
    cc_dec *scales;
    size_t nscales;
    cc_unitent *units;
    size_t nunits;
    cc_qualifier *quals;
    size_t nquals;
    cc_vagueent *vague;
    size_t nvague;
    char decimal[8][8]; /* decimal separators (UTF-8) */
    size_t ndecimal;
    char group[8][8];   /* grouping separators */
    size_t ngroup;

    cc_classifier c_words, c_scales, c_units, c_quals, c_vague;

    cc_macro *macros;
    size_t nmacros;
    const char *defines; /* (?(DEFINE)...) block the macros call into */
    cc_rx scanner;   /* %{quantity}, for scan and extraction */
    cc_rx prefilter; /* a digit, a scale word or a numeral character: the
                        sentences without one are not scanned by extraction */

    const char **abbrevs; /* sorted lowercase abbreviations without '.' */
    size_t nabbrevs;
    cc_detectdata detect;

    cc_example *examples;
    size_t nexamples;

    /* Year mentions: explicit years (group "year") and relative ones (the
     * group number says which: this, last, next year). */
    cc_rx years;
    uint32_t g_this, g_last, g_next;

    /* Quarter mentions ("third quarter", "Q3", "第三季度"): each
     * alternative marks its quarter, 1 to 4 */
    cc_rx quarters;

    /* Month mentions ("September", "im März", "9月"): each alternative
     * marks its month, 1 to 12. ago_before / ago_after: the words before or
     * after a duration that put it in the past ("hace", "ago", "前");
     * ago_now: words that turn back to the present ("now", "nun"). */
    cc_rx months;
    cc_rx ago_before, ago_after, ago_now;

    /* shared_unit: the words between two figures after which the first
     * takes the second's scale and unit; anchored at both ends */
    cc_rx shared;

    /* conversion_marks: the words between an amount and the article's own
     * conversion of it into another currency ("、日本円で", "umgerechnet");
     * anchored at both ends with the punctuation around them */
    cc_rx convmarks;

    /* terms: the forms of each concept, one pattern per concept, so that
     * a word that says two concepts ("Quartalsumsatz": revenue, per
     * quarter) is found as both */
    cc_term *terms;
    size_t nterms;

    /* the pack's and its extractors' patterns are JIT-compiled
     * (cc_ruleset_ready) */
    atomic_int ready;
};

/* Where each piece of an expanded pattern came from, to map a PCRE2 error
 * offset back into the rule file. */
typedef struct cc_expseg {
    size_t out_start, out_len; /* in the expansion */
    size_t src_start, src_len; /* in the source pattern */
} cc_expseg;

typedef struct cc_expmap {
    cc_expseg *v;
    size_t n, cap;
} cc_expmap;

/* Expands %{name} macros of pattern[0..len) into out, followed by the
 * pack's (?(DEFINE)...) block when a macro needs it. On an unknown or
 * malformed macro returns -1 with *erroff at the '%' and a message in err
 * (and a suggestion in hint, possibly empty). map may be NULL. */
int cc_lang_expand(const cc_lang *l, const char *pattern, size_t len, cc_buf *out,
                   cc_expmap *map, char *err, size_t errlen, char *hint, size_t hintlen,
                   size_t *erroff);
/* Source offset for an offset in the expansion. */
size_t cc_expmap_src(const cc_expmap *map, size_t out_off);
void cc_expmap_free(cc_expmap *map);

/* Reads the quantity a match of rx (a pattern built from this pack's macros
 * or with its own value/scale/unit/qualifier groups) in subj[0..len)
 * describes. The span is the union of the semantic groups. Returns 0, or -1
 * when the groups do not make a quantity (then *q is unspecified). */
int cc_lang_interpret(const cc_lang *l, cc_rxctx *c, const cc_rx *rx, const char *subj,
                      size_t len, const PCRE2_SIZE *ov, int rc, cc_quantity *q);

/* Parses a numeral (digits with the pack's separators, number words,
 * multipliers and scale words) in s[start..end) of s[0..len). *tail gets the product of
 * the multipliers and scales after its last number ("três mil": 1000,
 * "70亿": 1e8). Returns 0 or -1. */
int cc_lang_numeral(const cc_lang *l, cc_rxctx *c, const char *s, size_t len, size_t start,
                    size_t end, cc_dec *out, int *has_big, cc_dec *tail, int *has_digits);

/* JIT-compiles the pack's own patterns (cc_ruleset_ready does it once). */
void cc_lang_jit(cc_lang *l);

/* Does t[a..b) hold only one of the pack's shared_unit words (and white
 * space)? "с 5,4 до 37,5 млрд", "rund 100 bzw. 500 Millionen Dollar". */
bool cc_lang_shares_unit(const cc_lang *l, cc_rxctx *c, const char *t, size_t a, size_t b);
/* Does one of the pack's conversion_marks, with its punctuation, start at a
 * and cover t[a, b), the gap before an amount whose digits are at digits
 * (the mark may be read as part of the amount's qualifier: "umgerechnet
 * rund 1,95 Milliarden Dollar")? */
/* Does the pack group thousands with a dot and write decimals otherwise
 * (de, es, pt...)? Then a dot before one or two digits is a decimal point
 * written the English way ("1.8 mil milhões"). */
bool cc_lang_loose_dot(const cc_lang *l);
bool cc_lang_marks_conversion(const cc_lang *l, cc_rxctx *c, const char *t, size_t a, size_t b,
                              size_t digits);
/* The distance from a mention ending at i to a figure starting at j (or
 * from a figure to a mention): characters, plus 40 for each clause mark
 * between them (80 for a semicolon, which ends a clause that could have
 * been a sentence), so that in "costs of $5.4bn this year, and in 2029
 * $37.5bn" the first figure keeps "this year". */
size_t cc_lang_mention_gap(const char *t, size_t i, size_t j);
/* Is the duration t[a, b) said to be in the past ("hace tres meses", "four
 * months ago", "4ヶ月前": the pack's ago: words right before or after it),
 * within [lo, hi)? */
bool cc_lang_says_ago(const cc_lang *l, cc_rxctx *c, const char *t, size_t lo, size_t a,
                      size_t b, size_t hi);
/* Does t[a, b) turn to the present (the pack's ago.now words)? */
bool cc_lang_says_now(const cc_lang *l, cc_rxctx *c, const char *t, size_t a, size_t b);

/* The year mentioned nearest to [a, b) within [lo, hi): *year gets the
 * year, or the offset from the article's year (0 this year, -1 last, +1
 * next) with *relative set. Returns 1 when there is a mention, 0 when
 * none, <0 on a matching error. [*ya, *yb) gets the mention's span when ya
 * is not NULL. */
int cc_lang_nearest_year(const cc_lang *l, cc_rxctx *c, const char *t, size_t lo, size_t hi,
                         size_t a, size_t b, int *year, int *relative, size_t *ya,
                         size_t *yb);

/* True when the lowercase form of word (no '.') is one of the pack's
 * sentence abbreviations. */
bool cc_lang_is_abbrev(const cc_lang *l, const char *word, size_t len);

/* Occurrences of marked alternatives (terms, entities) in t[a, b): calls
 * fn with the mark's number and the match's span for each, left to right,
 * longest form first at each position. Returns 0, or a PCRE2 error. */
typedef void (*cc_mark_fn)(void *ud, uint32_t mark, size_t start, size_t end);
int cc_rx_each_mark(const cc_rx *rx, cc_rxctx *c, const char *t, size_t a, size_t b,
                    cc_mark_fn fn, void *ud);
/* The same for a pattern without marks: every match is id's. */
int cc_rx_each_match(const cc_rx *rx, uint32_t id, cc_rxctx *c, const char *t, size_t a,
                     size_t b, cc_mark_fn fn, void *ud);

/* The largest capture count of any pattern the pack compiled. */
uint32_t cc_lang_max_captures(const cc_lang *l);

#endif
