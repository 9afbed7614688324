/*
 * claimcheck/compare.h: the comparator (stage 6).
 *
 * Groups observations by claim, scope and unit; counts a value repeated in
 * one article once; and splits each group into camps: sets whose members
 * all agree with each other (two observations agree when their intervals
 * overlap once each is widened by the claim's relative tolerance).
 *
 * Every pair of camps is a disagreement of one class, the most specific
 * that explains it (docs/ci.md, "Verdicts"):
 *   rounding     the values agree at the precision the coarser one is
 *                written with (13e9 and 13.1e9; 6.6e9 and 6.65e9);
 *   qualifier    the same value (or one rounding of it), other qualifiers
 *                (500e9 and "more than 500e9");
 *   scale_error  the values differ by a power of ten, within rounding
 *                (570.1e9 and 57.01e9; 15e6 and 15e9);
 *   currency_mismatch  one number written in two currencies, which the
 *                rate of the day does not reconcile ("$1.8 billion" for
 *                "1,8 Milliarden Euro");
 *   update       a claim whose value moves (time: as_of) and camps whose
 *                articles' dates do not interleave;
 *   forecast     every figure of one camp is said as expected, planned, in
 *                talks or reported by sources (cc_obs.forecast), none of
 *                the other's: that camp is the odd one out;
 *   conflict     anything else: a real disagreement.
 * The camp fewer articles hold is the pair's odd one out.
 *
 * A group's verdict: the most severe class of its disagreements (conflict,
 * scale_error, currency_mismatch, qualifier, forecast, update); with none but roundings, or one camp,
 *   agree     two or more articles state it,
 *   single    one article states it;
 *   deviates  (claims with a reference value) no disagreement but
 *             roundings, and an observation falls outside the reference.
 * Runs in O(n log n), plus the pairs of camps (at most CC_MAX_PAIRED_CAMPS
 * camps are paired with each other; beyond, each with the camp most
 * articles hold).
 */
#ifndef CLAIMCHECK_COMPARE_H
#define CLAIMCHECK_COMPARE_H

#include "obs.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/* In report order, most severe first. */
typedef enum cc_verdict {
    CC_VERDICT_CONFLICT = 0, /* two observations disagree */
    CC_VERDICT_SCALE_ERROR,  /* a power of ten apart: a probable slip */
    CC_VERDICT_CURRENCY_MISMATCH, /* one number in two currencies */
    CC_VERDICT_DEVIATES,     /* they agree, but not with the claim's reference */
    CC_VERDICT_QUALIFIER,    /* the same value, other qualifiers */
    CC_VERDICT_FORECAST,     /* an expected figure against the final one */
    CC_VERDICT_UPDATE,       /* a moving value, at different dates */
    CC_VERDICT_AGREE,
    CC_VERDICT_SINGLE,
    CC_VERDICT__COUNT
} cc_verdict;

/* The class of a disagreement between two camps, most specific first. */
typedef enum cc_class {
    CC_CLASS_ROUNDING = 0,
    CC_CLASS_QUALIFIER,
    CC_CLASS_SCALE_ERROR,
    CC_CLASS_CURRENCY_MISMATCH,
    CC_CLASS_UPDATE,
    CC_CLASS_FORECAST,
    CC_CLASS_CONFLICT,
    CC_CLASS__COUNT
} cc_class;

/* A figure converted at an exchange rate stands for its value within this
 * band either side (the writer's rate, day and rounding), kept to this
 * many significant digits. */
#define CC_FX_BAND_PERCENT 2
#define CC_FX_DIGITS 4

/* The verdicts --fail-on counts unless told otherwise. */
#define CC_FAIL_DEFAULT                                                                           \
    ((1u << CC_VERDICT_CONFLICT) | (1u << CC_VERDICT_SCALE_ERROR) |                              \
     (1u << CC_VERDICT_CURRENCY_MISMATCH) | (1u << CC_VERDICT_DEVIATES))

/* Camps paired with each other; a claim with more pairs each camp with the
 * one most articles hold. */
#define CC_MAX_PAIRED_CAMPS 16

/* Two camps of a claim that disagree, and how. */
typedef struct cc_disagreement {
    uint32_t a, b;  /* camps, a < b */
    cc_class cls;
    int32_t odd;    /* the camp judged the odd one out (fewer articles; for a
                       forecast, the forecast's), or -1 */
} cc_disagreement;

/* An observation in a result: the first mention of a value in an article,
 * with the later mentions of the same value there. */
typedef struct cc_robs {
    const cc_obs *o;          /* borrowed from the table */
    uint32_t camp;            /* index into the claim's camps */
    uint32_t nrepeats;
    const cc_obs **repeats;   /* same article, same value, later on */
    bool deviates;            /* outside the claim's reference */
    const cc_obs *written;    /* when o is a conversion into the claim's
                                 currency (rules/fx/): the figure as the
                                 article wrote it; else NULL */
    double rate;              /* its exchange rate, units of o's currency
                                 per unit of written's */
    const char *rate_day;     /* the day of that rate */
} cc_robs;

typedef struct cc_camp {
    size_t first, count; /* the camp's observations: obs[first .. first+count) */
    size_t narticles;
    size_t rep;          /* its representative observation, an index into obs:
                            the exact value most of its articles state, else
                            the value most state */
} cc_camp;

typedef struct cc_claimres {
    const char *id, *scope, *unit;
    const cc_claim *claim; /* from the ruleset, or NULL when unknown there */
    cc_verdict verdict;
    size_t narticles;      /* distinct articles */
    cc_robs *obs;          /* ordered by camp, then article path, then offset */
    size_t nobs;
    cc_camp *camps;        /* ordered by value */
    size_t ncamps;
    size_t ndeviating;     /* observations outside the reference */
    size_t top;            /* the camp most articles hold (the first of ties) */
    cc_disagreement *dis;  /* every pair of camps (see CC_MAX_PAIRED_CAMPS),
                              by camp a, then camp b */
    size_t ndis;
    int baseline;          /* CC_BASELINE_* when a baseline was applied */
} cc_claimres;

/* What a baseline says of a conflict (claimcheck check --baseline). */
enum {
    CC_BASELINE_NONE = 0, /* no baseline applied, or not a conflict */
    CC_BASELINE_NEW,      /* not in the baseline */
    CC_BASELINE_CHANGED,  /* in the baseline with other values */
    CC_BASELINE_ACCEPTED  /* in the baseline as it is: not reported */
};

typedef struct cc_result cc_result;

/* Compares every observation in t. rs supplies each claim's tolerance and
 * description (claims unknown to rs compare exactly). *out is owned
 * (cc_result_free) and borrows t, which must outlive it. */
int cc_compare_run(cc_result **out, const cc_ruleset *rs, const cc_obstab *t);
/* The same, for claims the ruleset does not have (claimcheck discover):
 * currency_of(ud, claim) gives the currency their money figures are
 * converted into at the day's rate, or NULL for none. */
typedef const char *(*cc_currency_fn)(void *ud, const char *claim);
int cc_compare_run_currency(cc_result **out, const cc_ruleset *rs, const cc_obstab *t,
                            cc_currency_fn currency_of, void *ud);
void cc_result_free(cc_result *r);

/* Claims in report order: conflicts, agreements, single-source claims;
 * each by id, scope and unit. */
size_t cc_result_count(const cc_result *r);
const cc_claimres *cc_result_get(const cc_result *r, size_t i);
size_t cc_result_count_verdict(const cc_result *r, cc_verdict v);

/* Keeps only the claims with at least one observation (or repeat) from
 * one of the given files (sorted or not): "the claims these articles touch". */
int cc_result_keep_touched(cc_result *r, const char *const *files, size_t n);

/* The earliest and latest article date of a camp of c; false when one of
 * its articles has none. */
bool cc_camp_dates(const cc_claimres *c, const cc_camp *cp, const char **lo, const char **hi);

/* Do intervals a and b agree within relative tolerance tol? */
bool cc_intervals_agree(const cc_interval *a, const cc_interval *b, double tol);

const char *cc_verdict_name(cc_verdict v);
/* Do the sources disagree (conflict, scale_error, currency_mismatch,
 * qualifier, forecast, update)? The
 * verdicts a baseline records and accepts. */
bool cc_verdict_disagrees(cc_verdict v);
/* "rounding", "qualifier", "scale_error", "currency_mismatch", "update",
 * "forecast", "conflict". */
const char *cc_class_name(cc_class c);
/* A verdict's name ("scale_error") to its value; 0 or CC_ERR_NOTFOUND. */
int cc_verdict_from_name(cc_verdict *out, const char *name);

/* What the values of two observations say of their difference:
 * CC_CLASS_ROUNDING, _QUALIFIER, _SCALE_ERROR or _CONFLICT (an update is
 * a matter of camps and dates, decided by cc_compare_run). */
cc_class cc_classify_values(const cc_obs *a, const cc_obs *b);

#ifdef __cplusplus
}
#endif
#endif
