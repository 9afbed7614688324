/*
 * run_priv.h: the JSON record of an input (an article read or skipped),
 * written for the archive (store/archive.c) and the JSON report
 * (report/report_json.c) alike. Not part of the public API.
 */
#ifndef CC_RUN_PRIV_H
#define CC_RUN_PRIV_H

#include "claimcheck/run.h"

#include "buf.h"
#include "diag_priv.h"

/* Appends in as one JSON object (file, status, lang, lang_source, reason,
 * observations) without a newline; with CC_JSON_RECORD, an archive record:
 * "type": "input" first and "bytes" last. Returns b->err. */
int cc_input_write_json(cc_buf *b, const cc_input *in, unsigned flags);

#endif
