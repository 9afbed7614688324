/*
 * claimcheck/baseline.h: accepted conflicts (stage 6, after the
 * comparator). A baseline records the conflicts of a run; later runs report
 * only conflicts that are new, or whose values changed, and list baseline
 * entries that no longer occur as stale. The file is stable, sorted JSON:
 *
 *   {"schema_version": 1, "conflicts": [
 *     {"id": "microsoft_investment_total", "scope": null, "unit": "USD",
 *      "camps": [["13000000000", "13000000000"], ["14000000000", "14000000000"]]}]}
 *
 * Each camp is its common ground [low, high] as exact decimals (null for an
 * unbounded end).
 */
#ifndef CLAIMCHECK_BASELINE_H
#define CLAIMCHECK_BASELINE_H

#include <stdio.h>

#include "compare.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cc_baseline cc_baseline;

/* One baseline entry that matched no current conflict. */
typedef struct cc_stale {
    const char *id, *scope, *unit; /* scope "" when none */
} cc_stale;

/* Writes the conflicts of r as a baseline. Returns 0, CC_ERR_NOMEM or
 * CC_ERR_IO. */
int cc_baseline_write(FILE *out, const cc_result *r);

/* Reads a baseline; errors are diagnostics at path:line:col. Owned:
 * cc_baseline_free. Returns 0, CC_ERR_INPUT, CC_ERR_IO or CC_ERR_NOMEM. */
int cc_baseline_load(cc_baseline **out, const char *path, cc_diags *d);
void cc_baseline_free(cc_baseline *b);

/* Marks every conflict of r as new, changed or accepted (cc_claimres's
 * baseline field) and returns the stale entries (borrowed from b). */
int cc_baseline_apply(cc_baseline *b, cc_result *r, const cc_stale **stale, size_t *nstale);

#ifdef __cplusplus
}
#endif
#endif
