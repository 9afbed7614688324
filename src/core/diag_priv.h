/*
 * diag_priv.h: the JSON record of a diagnostic, written for the archive
 * (store/archive.c) and the JSON report (report/report_json.c) alike. Not
 * part of the public API.
 */
#ifndef CC_DIAG_PRIV_H
#define CC_DIAG_PRIV_H

#include "claimcheck/diag.h"

#include "buf.h"

/* With CC_JSON_RECORD, an archive record: "type": "diagnostic" first. */
#define CC_JSON_RECORD 1u

/* Appends g as one JSON object (file, line, column, severity, code,
 * message, hint) without a newline. Returns b->err. */
int cc_diag_write_json(cc_buf *b, const cc_diag *g, unsigned flags);

#endif
