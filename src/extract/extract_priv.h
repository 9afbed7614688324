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
    int framed;      /* taken by a frame: the scope is fscope */
    char fscope[16];
} hit;

/* Where a term (id: concept) or an entity (id: entity) is named. */
typedef struct cc_occ {
    uint32_t id;
    size_t start, end;
} cc_occ;

typedef struct cc_occs {
    cc_occ *v;
    size_t n, cap;
} cc_occs;

/* A figure for claimcheck discover (frame.c, collect_figures): what the
 * packs read around a quantity no claim needs to have asked for. */
#define CC_FIG_MAX 8
typedef struct cc_fig {
    size_t qi;                    /* index into the extractor's q */
    uint32_t head;                /* the concept governing it */
    int32_t of;                   /* a predicate's: the head it is said
                                     of, or -1 */
    uint32_t ents[CC_FIG_MAX];    /* organisations of its sentence */
    uint32_t mods[CC_FIG_MAX];    /* modifier concepts of its clause */
    unsigned nents, nmods;
    int year;                     /* the year written for it, or 0 */
    bool alone;                   /* head and organisations in its sentence */
    bool topic;                   /* the organisation is the article's */
} cc_fig;

struct cc_extractor {
    const cc_ruleset *rs;
    cc_rxctx ctx;
    cc_qlist q;
    cc_sents ss; /* the article's sentences */
    hit *h;
    size_t nh, caph;
    cc_occs terms, ents; /* frame.c */
    long *gov;           /* frame.c: the head term of each quantity, or -1 */
    bool governed;       /* terms, entities and gov are this article's */
    long forecast_id, talks_id; /* the concepts that mark a forecast, or -1 */
    long anaphor_id;            /* "the company": an organisation named before */
    cc_occs orgs;               /* frame.c: every entity of the article, when
                                   an anaphor needs its antecedent */
    bool orgs_found;            /* orgs is this article's */
    const struct cc_langframe *lf; /* frame.c: the language's terms */
    size_t capgov;
    bool no_context;
    FILE *explain; /* --explain, or NULL */
    cc_trace_fn trace; /* cc_extractor_trace */
    void *trace_ud;
    const char *text;  /* the article being extracted */
    size_t why;        /* context_ok: which near/not_near pattern refused */
    int why_near;      /* 1: a near pattern found nothing; 0: a not_near matched */
    uint64_t budget_ns; /* time per rule and MiB of article */
    bool discover;      /* cc_extractor_discover: figures too */
    cc_fig *figs;       /* this article's, when discover is on */
    size_t nfigs, capfigs;
};

/* extract.c */
void cc_extract_start_budget(cc_extractor *x, const cc_doc *doc);
void cc_extract_limit_diag(cc_diags *d, cc_doc *doc, size_t off, int rc, const char *what,
                           const char *file, uint32_t line);
int cc_extract_scan_prefiltered(cc_extractor *x, const cc_lang *l, cc_doc *doc, cc_diags *d);

/* extract_claims.c */
/* The index of the first scanned quantity starting at or after off (the
 * scan's list is in text order). */
size_t cc_extract_first_q(const cc_extractor *x, size_t off);
/* Tells the trace (if any) that r refused q, and why (printf-style). */
void cc_extract_refused(cc_extractor *x, const cc_xrule *r, const char *t, const cc_quantity *q,
                        const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* Adds a hit of r on q unless the claim refuses it (vague, a conversion,
 * the wrong kind or unit). Returns 1 added, 0 refused, CC_ERR_NOMEM. */
int cc_extract_add_hit(cc_extractor *x, const cc_xrule *r, const cc_quantity *q, size_t ss,
                       size_t se);
/* The scope a date gives for a period: "2024", "2024-Q4", "2024-10". */
void cc_extract_date_scope(const char *date, cc_scope_period p, char *out, size_t n);

/* frame.c: the language's frame claims over the scanned quantities, after
 * the other extractors (whose figures they leave alone). */
int cc_extract_frames(cc_extractor *x, const cc_lang *l, const cc_xlist *xl, cc_doc *doc,
                      cc_diags *d);

/* extract.c: warns (file:line:col) of each conversion the article writes
 * ("$5bn (1兆円)") more than CC_FX_CONVERSION_OFF_PERCENT off the exchange
 * rate of the article's date, when the rules have one. */
#define CC_FX_CONVERSION_OFF_PERCENT 10
void cc_extract_check_conversions(cc_extractor *x, cc_doc *doc, cc_diags *d);

/* frame.c: is the figure q said as a forecast: expected, planned, in
 * talks, reported by sources (the packs' forecast and talks terms in the
 * clause of its head, or its sentence)? Only when the article's language
 * has frames (its terms were looked for); false otherwise. */
bool cc_extract_forecast(const cc_extractor *x, const char *t, const cc_quantity *q);

/* frame.c, for frame_time.c: does q count (an amount, a percentage, a
 * count)? The distance between figure [a, b) and mention [c, d): bytes
 * with t NULL, else with t's clause marks counted (cc_lang_mention_gap);
 * is figure i the figure of its kind nearest to the mention [ya, yb) of its
 * sentence [sa, sb), so measured? */
bool cc_extract_counts(const cc_quantity *q);
size_t cc_extract_mention_gap(const char *t, size_t a, size_t b, size_t c, size_t d);
bool cc_extract_nearest_figure(const cc_extractor *x, const char *t, size_t i, size_t ya,
                               size_t yb, size_t sa, size_t sb);

/* frame_time.c: the time of figure i a frame takes, whose clause is [ca,
 * cb) in its sentence [sa, sb) (docs/rules.md, "Time"). */
/* The quarter written nearest to it (1-4), 0 when none. */
int cc_frame_quarter(cc_extractor *x, const cc_lang *l, const char *t, size_t i, size_t ca,
                     size_t cb, size_t sa, size_t sb);
/* The month it is about, in months since year 0, -1 when none is written
 * (year: the year written, 0 when none). */
long cc_frame_month(cc_extractor *x, const cc_lang *l, cc_doc *doc, size_t i, size_t ca,
                    size_t cb, size_t sa, size_t sb, int year);
/* The scope its claim compares it within, "" for an event. */
void cc_frame_scope(const cc_frame *f, cc_doc *doc, int year, bool wrote_year, int quarter,
                    long month, char *out, size_t n);
/* Why on: or before: refuse it (written into why), NULL when they do not. */
const char *cc_frame_date_refusal(const cc_frame *f, const char *date, long month, int year,
                                  char *why, size_t n);

#endif
