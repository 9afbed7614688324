/*
 * extract_priv.h: what extract.c (the extractor and the scan) and
 * extract_claims.c (the claim extractors) share; no other file includes it.
 *
 * In: the extractor's state (struct cc_extractor) and a claim hit. Out: the
 * helpers of one file that the other calls. Not part of the public API.
 */
#ifndef CC_EXTRACT_PRIV_H
#define CC_EXTRACT_PRIV_H

#include "claimcheck/extract.h"

#include "lang_priv.h"
#include "rules_priv.h"
#include "segment.h"

/* A claim extractor's match, before it becomes an observation. */
typedef struct hit {
    const cc_xrule *x;
    cc_quantity q;
    size_t scope_start, scope_end; /* scope text in the article, or equal */
} hit;

struct cc_extractor {
    const cc_ruleset *rs;
    cc_rxctx ctx;
    cc_qlist q;
    cc_sents ss; /* the article's sentences */
    hit *h;
    size_t nh, caph;
    bool no_context;
    uint64_t budget_ns; /* time per rule and MiB of article */
};

/* extract.c */
void cc_extract_start_budget(cc_extractor *x, const cc_doc *doc);
void cc_extract_limit_diag(cc_diags *d, cc_doc *doc, size_t off, int rc, const char *what,
                           const char *file, uint32_t line);
int cc_extract_scan_prefiltered(cc_extractor *x, const cc_lang *l, cc_doc *doc, cc_diags *d);

#endif
