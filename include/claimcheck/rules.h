/*
 * claimcheck/rules.h: the ruleset (stage 1): language packs and claim rules
 * loaded at run time from rule directories, so adding a claim or a language
 * never needs a recompile.
 *
 *   DIR/lang/<code>.yaml    language packs (claimcheck/lang.h)
 *   DIR/claims/NAME.yaml    claim rules (docs/rules.md)
 *
 * A claim names a comparable figure (an investment total, a loss forecast)
 * and gives per-language extractors: PCRE2 patterns using the pack's macros
 * (%{money} ...), or quantity-anchored context rules. Every error is
 * reported as file:line:col with what to do.
 */
#ifndef CLAIMCHECK_RULES_H
#define CLAIMCHECK_RULES_H

#include "diag.h"
#include "lang.h"
#include "num.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cc_ruleset cc_ruleset;

/* How a claim's scope follows from the article's front-matter date. */
typedef enum cc_scope_period {
    CC_SCOPE_NONE = 0, /* fixed, captured, or none */
    CC_SCOPE_YEAR,     /* "2024" */
    CC_SCOPE_QUARTER,  /* "2024-Q4" */
    CC_SCOPE_MONTH     /* "2024-10" */
} cc_scope_period;

/* A claim, as written in its rule file. Borrowed from the ruleset. */
typedef struct cc_claim {
    const char *id;          /* unique, [a-z0-9_]+ */
    const char *description; /* for people; may be NULL */
    const char *file;        /* rule file and line of the claim */
    uint32_t line;
    cc_kind kind;            /* money, percent, count or number */
    const char *currency;    /* expected ISO code for money, or NULL */
    const char **units;      /* count claims: accepted count units, the first
                                being the one reported; NULL for any */
    size_t nunits;
    cc_dec tolerance;        /* relative: 0.01 = 1 %; 0 = exact */
    const char *scope;       /* fixed scope (e.g. "2024"), or NULL */
    cc_scope_period scope_period; /* scope from the article's date */
    bool timed;              /* a frame's time kind sets the scope: each
                                figure's own period (scope_period wide) */
    bool moves;              /* time: as_of: a stock whose value moves
                                (valuation, users): figures of different
                                dates are updates, not conflicts */
    bool has_reference;      /* a reference value is given */
    cc_interval reference;   /* what the figure is known to be */
    const char *reference_source; /* where it is from, or NULL */
    const char *reference_date;   /* when, or NULL */
    size_t nextractors;      /* over all languages */
} cc_claim;

/* Loads every pack and claim under the given directories (their lang/ and
 * claims/ subdirectories). All errors are collected in d before returning
 * CC_ERR_RULES; on success *out is owned (cc_ruleset_free). */
int cc_ruleset_load(cc_ruleset **out, const char *const *dirs, size_t ndirs, cc_diags *d);
/* Flags of cc_ruleset_load_flags. */
enum {
    /* search every concept's terms, not only those the frames need
       (claimcheck discover reads a figure's modifiers with no claim) */
    CC_RULES_ALL_TERMS = 1u << 0
};
int cc_ruleset_load_flags(cc_ruleset **out, const char *const *dirs, size_t ndirs,
                          unsigned flags, cc_diags *d);
/* Whether the concept named name is a light head (light: true in
 * rules/concepts.yaml: "pay", "contract"); false for an unknown name. */
bool cc_ruleset_concept_light(const cc_ruleset *rs, const char *name);
/* Whether it is a rate (rate: true: "per_share", "per_day"). */
bool cc_ruleset_concept_rate(const cc_ruleset *rs, const char *name);
/* The family of the head concept named name (family: in
 * rules/concepts.yaml: "deal" for acquire, price, invest...), else name
 * itself. */
const char *cc_ruleset_concept_family(const cc_ruleset *rs, const char *name);
void cc_ruleset_free(cc_ruleset *rs);

size_t cc_ruleset_nlangs(const cc_ruleset *rs);
const cc_lang *cc_ruleset_lang(const cc_ruleset *rs, size_t i);
/* NULL when no pack has that code. */
const cc_lang *cc_ruleset_find_lang(const cc_ruleset *rs, const char *code);
size_t cc_ruleset_nclaims(const cc_ruleset *rs);
const cc_claim *cc_ruleset_claim(const cc_ruleset *rs, size_t i);
const cc_claim *cc_ruleset_find_claim(const cc_ruleset *rs, const char *id);

/* Exchange rates (rules/fx/ (YAML files); docs/ci.md, "Exchange rates"): how
 * many units of `to` one unit of `from` (ISO codes) was worth on date
 * (YYYY-MM-DD, a time after it ignored), at the rates of the last day
 * given on or before it, at most CC_FX_MAX_DAYS_BACK days before
 * (weekends, holidays); *day (may be NULL) gets that day. False when the
 * rules have no such rate: never a guess. */
#define CC_FX_MAX_DAYS_BACK 4
bool cc_ruleset_fx(const cc_ruleset *rs, const char *from, const char *to, const char *date,
                   double *rate, const char **day);
/* The rate files' source: line, or NULL; and how many days they give. */
const char *cc_ruleset_fx_source(const cc_ruleset *rs);
size_t cc_ruleset_fx_days(const cc_ruleset *rs);

/* Calls fn for every extractor pattern with its macros expanded (context
 * rules give their near: patterns), in a stable order. For benchmarks and
 * for rule authors (claimcheck patterns). */
void cc_ruleset_each_pattern(const cc_ruleset *rs,
                             void (*fn)(void *ud, const char *lang, const char *claim,
                                        const char *pattern),
                             void *ud);

#ifdef __cplusplus
}
#endif
#endif
