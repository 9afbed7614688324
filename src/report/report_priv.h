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

/* A report's buffer on its way to out: started with out as its sink
 * (writers spill into it), finished with the writer's status rc: the
 * buffer's error, the rest written, out flushed; the buffer freed. Returns
 * 0, CC_ERR_NOMEM or CC_ERR_IO. */
void cc_report_start(cc_buf *b, FILE *out);
int cc_report_finish(cc_buf *b, FILE *out, int rc);

/* One claim of a report as the text writer shows it (report_text.c), and
 * as the JSON writer does (report_json.c; open: without its closing
 * brace, for the caller's keys): claimcheck discover shows its
 * candidates so. */
void cc_text_claim(cc_buf *b, const cc_report *r, const cc_claimres *c);
void cc_json_claim(cc_buf *b, const cc_claimres *c, bool open);

/* The HTML report's style sheet, and an observation's sentence with its
 * figure marked, escaped (report_html.c): discover's page shares them. */
extern const char cc_html_css[];
void cc_html_sentence(cc_buf *b, const cc_obs *o);

/* ---- report_common.c ---- */

/* One verdict as the writers show it: a row of CC_VERDICTS, in the order
 * of cc_verdict (the order reports list verdicts in). Every writer takes
 * its words and its choices from here, not from CC_VERDICT_* values, so a
 * new verdict is a value of cc_verdict and one row. */
typedef struct cc_verdict_info {
    cc_verdict verdict;
    const char *name;  /* cc_verdict_name: JSON and JSONL status, the JSON
                          summary's key, HTML class, filter and count id,
                          JUnit failure type */
    const char *label; /* text: the claim's heading, "CONFLICT" */
    const char *color; /* text: the label's ANSI colour */
    const char *html_color; /* HTML: the badge and the section's edge */
    const char *count; /* text and markdown summaries: "1 deviating from
                          the reference" */
    const char *count_short; /* GitHub and HTML summaries: "1 deviating" */
    bool plural;       /* counts take an s: "2 conflicts" */
    bool count_if_any; /* text, markdown and HTML summaries leave out a
                          count of none */
    bool fails;        /* a finding: cc_report_conflicts counts it, JUnit
                          fails it, SARIF and GitHub report it */
    bool disagree;     /* the sources disagree: findings show the camps;
                          other findings, the figures outside the
                          reference */
    const char *sarif_level;  /* SARIF result level; NULL: no result */
    const char *github_level; /* annotation of its figures (the majority
                                 camp's of a disagreement: notice); NULL:
                                 none */
    const char *github_title; /* annotation title: "conflict in" CLAIM */
    const char *markdown_section; /* "Conflicts" */
    bool markdown_fold;       /* the section is folded (<details>) */
} cc_verdict_info;

extern const cc_verdict_info CC_VERDICTS[CC_VERDICT__COUNT];

/* The row of v; a value out of range is shown as single-source. */
const cc_verdict_info *cc_verdict_info_of(cc_verdict v);
/* The verdicts' counts for people, joined by ", ": "2 conflicts, 1
 * deviating from the reference, 3 agree, 1 single-source" (a count_if_any
 * of none left out); brief: the short words. */
void cc_fmt_counts(cc_buf *b, const cc_report *r, bool brief);

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

/* A class of disagreement for people: "a power of ten apart: a probable
 * scale slip". */
const char *cc_class_words(cc_class c);
/* Does a report list the claim's disagreements? Not for one plain conflict
 * of two camps, which its camps say all of. */
bool cc_show_disagreements(const cc_claimres *c);
/* "13e9 USD vs 14e9 USD: conflict; odd one out: 14e9 USD (1 article)";
 * an update in the order of its dates: "500e6 users (2025-03-31) then
 * 700e6 users (2025-09-24): an update over time". */
void cc_fmt_disagreement(cc_buf *b, const cc_claimres *c, const cc_disagreement *d);

/* A figure as people write it: "$13 bn", "at least $650 m", "about
 * €10 bn", "$5 bn to $7 bn", "20 %", "500 m users" (the exact value is
 * the JSON's). */
void cc_fmt_figure(cc_buf *b, const cc_obs *o);
/* A bare value of a claim in a unit, likewise ("$157 bn"). */
void cc_fmt_value(cc_buf *b, cc_dec v, const cc_claim *cl, const char *unit);

#endif
