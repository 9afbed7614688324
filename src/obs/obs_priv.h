/*
 * obs_priv.h: the JSON record of an observation, written for the archive
 * (archive.c) and the JSON and JSON Lines reports (report_json.c), so the
 * three agree field for field (docs/report-schema.md). Not part of the
 * public API.
 */
#ifndef CC_OBS_PRIV_H
#define CC_OBS_PRIV_H

#include "claimcheck/obs.h"

#include "buf.h"

/* What cc_obs_write_json writes besides the fields every observation
 * object has (file, line, column, start, end, lang, text, value, low, high,
 * low_open, high_open, qualifier, unit, kind, in that order). */
enum {
    /* An archive record: "type": "observation", "claim" and "scope"
     * before those fields; "context", "context_start" and "date" after. */
    CC_OBS_JSON_RECORD = 1u << 0,
    /* Leave the object open: the caller appends ", \"key\": value" pairs
     * and the closing brace. */
    CC_OBS_JSON_OPEN = 1u << 1
};

/* Appends observation o to b as one JSON object on one line (no newline),
 * flags a mask of CC_OBS_JSON_*. Strings are escaped by cc_escape_json.
 * Returns b->err: 0, or the buffer's latched error. */
int cc_obs_write_json(cc_buf *b, const cc_obs *o, unsigned flags);

/* A JSON number for an interval bound, or null when unbounded (inf). */
void cc_json_bound(cc_buf *b, const cc_dec *v, int inf);

#endif
