/*
 * claimcheck/archive.h: observations as JSON Lines (between stages 5 and 6).
 *
 * `claimcheck extract` writes, and `compare` and `check --archive` read, one
 * JSON object per line:
 *   {"type": "observation", "claim": ..., "file": ..., "value": ..., ...}
 *   {"type": "input", "file": ..., "status": "scanned", ...}
 *   {"type": "diagnostic", "file": ..., "message": ..., ...}
 * Values are exact decimals and survive the round trip, so comparing an
 * archive gives the report a direct check would (docs/report-schema.md).
 */
#ifndef CLAIMCHECK_ARCHIVE_H
#define CLAIMCHECK_ARCHIVE_H

#include <stdio.h>

#include "obs.h"
#include "run.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cc_archive cc_archive;

/* Owned: cc_archive_free. */
int cc_archive_new(cc_archive **out);
void cc_archive_free(cc_archive *a);

/* Appends the records of the JSON Lines file at path ("-" for standard
 * input). Malformed lines (bad JSON, a key written twice, low greater than
 * high, ...) are diagnostics in errors at path:line and are skipped; so is
 * an input record that counts more observations of its file than the
 * archive holds (lines lost, as when the file was cut short). Returns 0,
 * CC_ERR_INPUT when a line was bad, CC_ERR_IO or CC_ERR_NOMEM. */
int cc_archive_load(cc_archive *a, const char *path, cc_diags *errors);

/* What was read. Borrowed, valid while a lives. Inputs are sorted by path
 * and unique (the last record for a path wins). */
cc_obstab *cc_archive_obs(cc_archive *a);
size_t cc_archive_ninputs(cc_archive *a);
const cc_input *cc_archive_inputs(cc_archive *a);
/* The diagnostics recorded in the archive (not errors reading it). */
cc_diags *cc_archive_diags(cc_archive *a);

/* Adds input records (copied); a path already present is replaced. */
int cc_archive_add_inputs(cc_archive *a, const cc_input *in, size_t n);

/* Removes every record of the given article files, observations, inputs
 * and diagnostics (they are about to be replaced by a new reading).
 * Returns 0 or CC_ERR_NOMEM. */
int cc_archive_drop_files(cc_archive *a, const char *const *files, size_t n);

/* Adds copies of the diagnostics of d whose file is one of files[0..n) (a
 * new reading of those articles). Returns 0 or CC_ERR_NOMEM. */
int cc_archive_add_diags(cc_archive *a, const cc_diags *d, const char *const *files, size_t n);

/* Writes observations, inputs and diagnostics as JSON Lines, sorted by file
 * and position, so the output does not depend on thread scheduling. */
int cc_write_jsonl(FILE *out, const cc_obstab *t, const cc_input *in, size_t nin,
                   const cc_diags *d);

#ifdef __cplusplus
}
#endif
#endif
