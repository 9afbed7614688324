/*
 * claimcheck/discover.h: candidate claims from figures no rule names
 * (claimcheck discover, after compare).
 *
 * In: the observations of a run made with cc_run_opts.discover (every
 * figure a head concept governs, as an observation of claim "", and the
 * claims' own observations, if the rules have claims). Out: candidates,
 * each a group of figures from several articles that probably state one
 * fact: the same kind and unit, the same governing concept, the same
 * organisations and modifiers, no other year written, and values within a
 * band of each other (or a power of ten apart, a probable scale slip). Each
 * is compared like a claim (compare.h: camps, classes, verdict), labelled
 * with the known claim whose figures it holds, ranked for a person, and
 * given a draft frame rule that loads as is.
 */
#ifndef CLAIMCHECK_DISCOVER_H
#define CLAIMCHECK_DISCOVER_H

#include "compare.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Values this close (the larger over the smaller, in percent above 1)
 * may state one fact: 13bn and 14bn do, 6.6bn and 5.4bn do not. */
#define CC_DISCOVER_BAND_PERCENT 10
/* Candidates of one head family and the very same organisations whose
 * values are this close are one fact the articles disagree on ("183bn"
 * against "170bn", "€5bn" against "€4.3bn"). */
#define CC_DISCOVER_CONFLICT_PERCENT 30

typedef struct cc_candidate {
    const char *id;        /* the draft rule's claim id: concept and
                              organisations ("invest_microsoft_openai") */
    const char *head;      /* the governing concept */
    const char *heads;     /* every head of its figures: head, and the
                              light ones beside it ("acquire pay") */
    const char *of;        /* for a predicate, the head it is said of
                              ("growth" of "revenue"), or "" */
    const char *entities;  /* organisations all its figures name, sorted,
                              one space between; "" none */
    const char *modifiers; /* modifiers all its figures have, the same way */
    int year;              /* the year all of them write, or 0 */
    const char *currency;  /* money: the currency most of them are written
                              in, that the others are converted into at
                              their article's date (rules/fx/) */
    const char *known;     /* the claim of the rules whose figures it
                              holds (most of them), or NULL */
    size_t nknown;         /* its figures that claim took; the others are
                              what the rules miss */
    size_t nfigures;       /* its figures, mentions again included */
    const cc_claimres *res; /* its comparison: camps, classes, verdict;
                               observations by camp */
    size_t narticles;
    const char *draft;     /* the draft rule: a claim file in YAML */
} cc_candidate;

typedef struct cc_discovery cc_discovery;

/* Groups the figures of t into candidates, ranked: disagreements first
 * (by verdict), then agreements across the most articles. With singles,
 * candidates of one article too. rs: the rules of the run (for the known
 * claims' ids and units). Owned: cc_discovery_free. */
int cc_discover(cc_discovery **out, const cc_ruleset *rs, const cc_obstab *t, bool singles);
void cc_discovery_free(cc_discovery *d);
size_t cc_discovery_count(const cc_discovery *d);
const cc_candidate *cc_discovery_get(const cc_discovery *d, size_t i);

#ifdef __cplusplus
}
#endif
#endif
