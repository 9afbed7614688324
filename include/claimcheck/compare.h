/*
 * claimcheck/compare.h: the comparator (stage 6).
 *
 * Groups observations by claim, scope and unit; counts a value repeated in
 * one article once; and gives each group a verdict:
 *   conflict  two observations disagree (even inside one article),
 *   agree     two or more articles state it and none disagree,
 *   single    one article states it;
 *   deviates  (claims with a reference value) no two disagree, but an
 *             observation falls outside the reference.
 * Two observations agree when their intervals overlap once each is widened
 * by the claim's relative tolerance. Disagreeing observations are split into
 * camps: sets whose members all agree with each other. Runs in O(n log n).
 */
#ifndef CLAIMCHECK_COMPARE_H
#define CLAIMCHECK_COMPARE_H

#include "obs.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cc_verdict {
    CC_VERDICT_CONFLICT = 0, /* two observations disagree */
    CC_VERDICT_DEVIATES,     /* they agree, but not with the claim's reference */
    CC_VERDICT_AGREE,
    CC_VERDICT_SINGLE,
    CC_VERDICT__COUNT
} cc_verdict;

/* An observation in a result: the first mention of a value in an article,
 * with the later mentions of the same value there. */
typedef struct cc_robs {
    const cc_obs *o;          /* borrowed from the table */
    uint32_t camp;            /* index into the claim's camps */
    uint32_t nrepeats;
    const cc_obs **repeats;   /* same article, same value, later on */
    bool deviates;            /* outside the claim's reference */
} cc_robs;

typedef struct cc_camp {
    size_t first, count; /* the camp's observations: obs[first .. first+count) */
    size_t narticles;
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
void cc_result_free(cc_result *r);

/* Claims in report order: conflicts, agreements, single-source claims;
 * each by id, scope and unit. */
size_t cc_result_count(const cc_result *r);
const cc_claimres *cc_result_get(const cc_result *r, size_t i);
size_t cc_result_count_verdict(const cc_result *r, cc_verdict v);

/* Keeps only the claims with at least one observation (or repeat) from
 * one of the given files (sorted or not): "the claims these articles touch". */
int cc_result_keep_touched(cc_result *r, const char *const *files, size_t n);

/* Do intervals a and b agree within relative tolerance tol? */
bool cc_intervals_agree(const cc_interval *a, const cc_interval *b, double tol);

const char *cc_verdict_name(cc_verdict v);

#ifdef __cplusplus
}
#endif
#endif
