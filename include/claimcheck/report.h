/*
 * claimcheck/report.h: reports (stage 7). One writer per format, all fed the
 * same data: the comparator's result, the input accounting and the
 * diagnostics. Untrusted article text is escaped for each format.
 */
#ifndef CLAIMCHECK_REPORT_H
#define CLAIMCHECK_REPORT_H

#include <stdio.h>

#include "baseline.h"
#include "compare.h"
#include "discover.h"
#include "run.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cc_format {
    CC_FMT_TEXT = 0, /* for people (colour on a terminal) */
    CC_FMT_JSON,     /* docs/report-schema.md */
    CC_FMT_JSONL,    /* one observation per line, with its claim's status */
    CC_FMT_MARKDOWN, /* a pull-request comment */
    CC_FMT_SARIF,    /* SARIF 2.1.0, for code scanning */
    CC_FMT_JUNIT,    /* JUnit XML: one test case per claim */
    CC_FMT_GITHUB,   /* GitHub Actions workflow commands (annotations) */
    CC_FMT_HTML,     /* one self-contained page with number lines */
    CC_FMT__COUNT
} cc_format;

/* The version of the JSON report's schema (docs/report-schema.md). */
#define CC_JSON_SCHEMA_VERSION 1

typedef struct cc_report {
    const cc_result *result;
    const cc_input *inputs; /* may be NULL */
    size_t ninputs;
    const cc_diags *diags;  /* may be NULL */
    bool color;             /* text: ANSI colours */
    bool baseline;          /* a baseline was applied: accepted conflicts
                               are left out, stale entries listed */
    const cc_stale *stale;
    size_t nstale;
} cc_report;

/* Conflicts and deviations still to report (a baseline's accepted ones
 * left out). */
size_t cc_report_conflicts(const cc_report *r);
/* Claims of a verdict that the report shows. */
size_t cc_report_count(const cc_report *r, cc_verdict v);

/* Writes the report to out. Returns 0, CC_ERR_NOMEM or CC_ERR_IO. */
int cc_report_write(FILE *out, cc_format fmt, const cc_report *r);

/* Writes the candidates of claimcheck discover to out, in text
 * (CC_FMT_TEXT, colours with color), JSON (CC_FMT_JSON; schema in
 * docs/discover.md) or a triage page (CC_FMT_HTML): each with its figures by camp, its disagreements,
 * the known claim it holds and its draft rule. inputs: the articles read.
 * At most limit candidates (0: all). Returns 0, CC_ERR_NOMEM, CC_ERR_IO,
 * or CC_ERR_INVALID for another format. */
int cc_discovery_write(FILE *out, cc_format fmt, const cc_discovery *d, const cc_input *inputs,
                       size_t ninputs, size_t limit, bool color);

/* Writes the quantities of doc (from cc_scan) as JSON Lines, one object
 * per quantity (file, line, column, start, end, text, value, low, high,
 * unit, kind, qualifier, vague, conversion_of). Returns 0, CC_ERR_NOMEM or
 * CC_ERR_IO. */
int cc_write_quantities(FILE *out, cc_doc *doc, const cc_qlist *q);

/* The formats, one row each of the table in src/report.c, in the order of
 * cc_format (the order --help and error messages list them in). A new
 * format is a value of cc_format, a row and its writer. */
typedef struct cc_format_info {
    cc_format format;
    const char *name;        /* "text", "json", ...: --format, --report NAME=PATH */
    const char *description; /* a short phrase for people: "SARIF 2.1.0, for code scanning" */
    bool needs_context;      /* the writer shows each observation's sentence, so
                                extraction must keep it (html, jsonl) */
} cc_format_info;

/* The row of f, or NULL when f is not a format. Borrowed: static. */
const cc_format_info *cc_format_info_get(cc_format f);

/* "text", "json", "jsonl", "markdown", "sarif", "junit", "github", "html".
 * Returns 0 or CC_ERR_NOTFOUND. */
int cc_format_from_name(cc_format *out, const char *name);
/* The name of f; "text" when f is not a format. Borrowed: static. */
const char *cc_format_name(cc_format f);
/* Does the writer of f need each observation's sentence (cc_format_info's
 * needs_context)? False when f is not a format. */
bool cc_format_needs_context(cc_format f);

#ifdef __cplusplus
}
#endif
#endif
