/*
 * claimcheck/extract.h: extraction and normalization (stages 4 and 5).
 *
 * For one article in one language: find the sentences, scan every quantity
 * the language pack recognizes (cc_scan), then run that language's claim
 * extractors only on sentences holding a quantity, and normalize each hit
 * into an observation (cc_extract). Observations go into a table (obs.h)
 * that owns all their strings, so articles can be freed as soon as they are
 * read.
 *
 * A cc_extractor holds one thread's matching state; the ruleset is shared
 * read-only between threads.
 */
#ifndef CLAIMCHECK_EXTRACT_H
#define CLAIMCHECK_EXTRACT_H

#include "doc.h"
#include <stdio.h>
#include "obs.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cc_extractor cc_extractor;

/* Owned: cc_extractor_free. Returns 0 or CC_ERR_NOMEM. */
int cc_extractor_new(cc_extractor **out, const cc_ruleset *rs);
/* Whether observations keep their sentence (cc_obs.context); on unless
 * turned off. */
void cc_extractor_keep_context(cc_extractor *x, bool on);
/* Writes to f, for every figure frame claims consider, the head that
 * governs it and why each frame took or refused it (check --explain);
 * NULL: off. Each figure's lines are written at once. */
void cc_extractor_explain(cc_extractor *x, FILE *f);
/* Calls fn for every figure a claim's extractor or frame reached and
 * refused, with the filter that refused it ("near", "not_near", "time",
 * "unit", "kind", "arbitration", a frame's reason): claimcheck test names
 * it when an example finds nothing. NULL: off. */
typedef void (*cc_trace_fn)(void *ud, const char *claim, const char *figure, const char *why);
void cc_extractor_trace(cc_extractor *x, cc_trace_fn fn, void *ud);
/* Whether cc_extract also writes every figure that counts (an amount, a
 * percentage, a count) that a head concept governs, as an observation
 * with claim "" and its head, organisations, modifiers and year
 * (claimcheck discover); off unless turned on. Needs a ruleset loaded
 * with CC_RULES_ALL_TERMS to see every modifier. */
void cc_extractor_discover(cc_extractor *x, bool on);
void cc_extractor_free(cc_extractor *x);
/* The time budget: how long one rule (or the quantity scan) may take over
 * one article, per MiB of the article (at least one MiB is counted). When
 * it is used up, the rule stops on that article with a diagnostic and the
 * other rules go on. Each single match is bounded by PCRE2's match, depth
 * and heap limits besides. 0: no budget. */
#define CC_TIME_BUDGET_MS 10000u
void cc_extractor_time_budget(cc_extractor *x, unsigned ms_per_mib);

/* Quantities of one article, in text order. */
typedef struct cc_qlist {
    cc_quantity *v;
    size_t n, cap;
} cc_qlist;

void cc_qlist_free(cc_qlist *q);

/* Every quantity in the body of doc read with pack l. Appends to out
 * (which the caller clears); conversion_of indexes into out. Returns 0,
 * CC_ERR_NOMEM, or CC_ERR_LIMIT after a diagnostic when a match limit or
 * the time budget stopped the scan early. */
int cc_scan(cc_extractor *x, const cc_lang *l, cc_doc *doc, cc_qlist *out, cc_diags *d);

/* Runs the claim extractors of pack l over doc and appends observations to
 * out. Returns 0, CC_ERR_NOMEM, or CC_ERR_LIMIT after a diagnostic naming
 * the rule that hit a match limit (the other rules still run). */
int cc_extract(cc_extractor *x, const cc_lang *l, cc_doc *doc, cc_obstab *out, cc_diags *d);

#ifdef __cplusplus
}
#endif
#endif
