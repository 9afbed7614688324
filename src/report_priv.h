/*
 * report_priv.h: inside the report stage: the writers, which only the
 * dispatcher (report.c) calls, and the helpers they share
 * (report_common.c), which call no writer and not the dispatcher.
 */
#ifndef CC_REPORT_PRIV_H
#define CC_REPORT_PRIV_H

#include "claimcheck/report.h"

#include "buf.h"

/* Writers, one file each (report_<name>.c): append the whole report to b. */
int cc_report_text(cc_buf *b, const cc_report *r);
int cc_report_json(cc_buf *b, const cc_report *r);
int cc_report_jsonl(cc_buf *b, const cc_report *r);
int cc_report_markdown(cc_buf *b, const cc_report *r);
int cc_report_sarif(cc_buf *b, const cc_report *r);
int cc_report_junit(cc_buf *b, const cc_report *r);
int cc_report_github(cc_buf *b, const cc_report *r);
int cc_report_html(cc_buf *b, const cc_report *r);

/* ---- report_common.c ---- */

/* Is the claim in the report (a baseline's accepted conflicts are not)? */
bool cc_report_shows(const cc_report *r, const cc_claimres *c);
/* Accepted conflicts (left out of the report). */
size_t cc_report_accepted(const cc_report *r);
/* The camps of a claim for people: "13e9 USD (3 articles) vs 14e9 USD (1)". */
void cc_fmt_camps(cc_buf *b, const cc_claimres *c);
/* A camp's common ground: the interval with the largest lower bound and the
 * one with the smallest upper bound (NULL when unbounded). */
void cc_camp_bounds(const cc_claimres *c, const cc_camp *cp, const cc_interval **lo,
                    const cc_interval **hi);

/* "13e9 USD", "≥ 650e6 USD", "about 10e9 USD", "5e9–7e9 USD". */
void cc_fmt_figure(cc_buf *b, const cc_obs *o);
/* JSON number for a bound, or null when unbounded. */
void cc_json_bound(cc_buf *b, const cc_dec *v, int inf);
/* One observation as a JSON object (the schema's observation). */
void cc_json_obs(cc_buf *b, const cc_obs *o);
/* One observation as an archive record: type, claim, scope, the fields
 * above, context, context_start and date. */
void cc_json_obs_record(cc_buf *b, const cc_obs *o);

#endif
