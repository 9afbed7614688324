/*
 * claimcheck/selftest.h: running the examples that language packs and
 * claim rules carry (claimcheck test, in the spirit of semgrep --test).
 *
 * A pack example is a text and the quantity the pack must find in it (or
 * none: true). A claim example is a text in a language and the observation
 * the claim must produce (or none: true). Every failure is a diagnostic at
 * the example's file:line:col saying what was expected and what was found.
 */
#ifndef CLAIMCHECK_SELFTEST_H
#define CLAIMCHECK_SELFTEST_H

#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Counts for one language. */
typedef struct cc_test_stats {
    const char *lang;
    size_t pack_pos, pack_neg;   /* pack examples: expected quantity / none */
    size_t claim_pos, claim_neg; /* claim examples in this language */
    size_t terms;                /* examples of the pack's terms */
    size_t failed;
} cc_test_stats;

/* Runs every example (only those of language lang when not NULL). stats
 * gets one entry per pack, in pack order (owned: free()). Returns the number
 * of failures, or a negative cc_status. */
long cc_selftest(const cc_ruleset *rs, const char *lang, cc_diags *d, cc_test_stats **stats,
                 size_t *nstats);

/* Trials: paragraphs written like real articles, each with every quantity
 * the pack must find in it (tests/trials/<lang>.yaml). Quantities of kind
 * number (years, dates, model numbers) are not counted unless listed.
 *
 *   lang: de
 *   trials:
 *     - text: "Microsoft hat rund 13 Milliarden Dollar investiert."
 *       expect:
 *         - {text: "rund 13 Milliarden Dollar", value: 13e9, unit: USD, qualifier: about}
 */
typedef struct cc_trial_stats {
    const char *lang;
    size_t trials;   /* paragraphs */
    size_t expected; /* quantities listed */
    size_t found;    /* quantities found (numbers only when listed) */
    size_t matched;  /* found and listed, with the listed value and unit */
    size_t known;    /* listed with 'known:' (a limitation kept on purpose)
                        and not found */
} cc_trial_stats;

/* Runs every trial file (*.yaml) in dir; failures are diagnostics at the
 * trial's position. stats: one entry per file (owned: free()). Returns the
 * number of failures or a negative cc_status. */
long cc_selftest_trials(const cc_ruleset *rs, const char *dir, const char *lang, cc_diags *d,
                        cc_trial_stats **stats, size_t *nstats);

#ifdef __cplusplus
}
#endif
#endif
