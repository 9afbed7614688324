/*
 * report_priv.h: helpers shared by the report writers.
 */
#ifndef CC_REPORT_PRIV_H
#define CC_REPORT_PRIV_H

#include "claimcheck/report.h"

#include "buf.h"

/* Writers: append the whole report to b. */
int cc_report_text(cc_buf *b, const cc_report *r);
int cc_report_json(cc_buf *b, const cc_report *r);

/* "13e9 USD", "≥ 650e6 USD", "about 10e9 USD", "5e9–7e9 USD". */
void cc_fmt_figure(cc_buf *b, const cc_obs *o);
/* JSON number for a bound, or null when unbounded. */
void cc_json_bound(cc_buf *b, const cc_dec *v, int inf);
/* One observation as a JSON object (the schema's observation). */
void cc_json_obs(cc_buf *b, const cc_obs *o);

#endif
