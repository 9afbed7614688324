/*
 * claimcheck/run.h: running the pipeline over many articles (stages 2-5 for
 * every input), on worker threads.
 *
 * Paths may be files (any name) or directories (searched recursively for
 * *.txt and *.md, in byte order of their names; symlink loops are cut).
 * A file is one input however it is named: a second name for it (./x, an
 * absolute path, a link) is skipped as a duplicate naming the first.
 * Every input ends up in the accounting, as scanned or as skipped with its
 * reason; nothing is dropped silently. Results do not depend on the number
 * of threads.
 */
#ifndef CLAIMCHECK_RUN_H
#define CLAIMCHECK_RUN_H

#include "extract.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cc_input_status {
    CC_INPUT_SCANNED = 0,
    CC_INPUT_SKIPPED
} cc_input_status;

typedef struct cc_input {
    char *path;              /* as given or as found in a directory */
    cc_input_status status;
    const char *lang;        /* pack code, or NULL when skipped */
    const char *lang_source; /* "forced", "front-matter" or "detected" */
    char *reason;            /* why it was skipped, or NULL */
    size_t nobs;             /* observations found in it */
    size_t bytes;            /* size read */
} cc_input;

typedef struct cc_run_opts {
    const char *lang;   /* force this pack for every article, or NULL */
    unsigned jobs;      /* worker threads; 0: one per online CPU */
    bool no_context;    /* leave the observations' sentences out (they cost
                           about 200 bytes each; only HTML reports, JSON
                           Lines and archives use them) */
    FILE *explain;      /* check --explain: why frames took each figure */
    bool discover;      /* also every figure a head governs, as an
                           observation of claim "" (cc_extractor_discover) */
    unsigned time_budget_ms; /* per rule, article and MiB (see
                                cc_extractor_time_budget); 0: the default */
} cc_run_opts;

typedef struct cc_run cc_run;

/* Reads, detects and extracts every input. Problems with single inputs are
 * diagnostics in d and skipped inputs in the accounting; the return value is
 * 0, or CC_ERR_NOMEM when the run could not go on. *out is owned
 * (cc_run_free) whenever it is set. */
int cc_run_paths(cc_run **out, const cc_ruleset *rs, const char *const *paths, size_t npaths,
                 const cc_run_opts *opts, cc_diags *d);
void cc_run_free(cc_run *r);

size_t cc_run_ninputs(const cc_run *r);
/* Borrowed; inputs are sorted by path. */
const cc_input *cc_run_input(const cc_run *r, size_t i);
size_t cc_run_nskipped(const cc_run *r);
/* The observations of every scanned input. Borrowed. */
cc_obstab *cc_run_obs(cc_run *r);

/* Expands paths into the list of article files (directories searched
 * recursively). Problems (missing paths, directories that cannot be read or
 * searched, loops) are error diagnostics, a second name for a file already
 * listed a warning; all appear in *bad with their reasons. Owned arrays: free
 * with cc_pathlist_free. */
typedef struct cc_pathlist {
    char **v;
    size_t n, cap;
} cc_pathlist;

int cc_walk(cc_pathlist *files, cc_pathlist *bad, cc_pathlist *why, const char *const *paths,
            size_t npaths, cc_diags *d);
void cc_pathlist_free(cc_pathlist *l);

#ifdef __cplusplus
}
#endif
#endif
