/*
 * rx.h: PCRE2 in one place. Every pattern is compiled once per ruleset with
 * UTF, UCP and DUPNAMES (macros repeat group names). JIT compilation is
 * separate (cc_rx_jit) and done per language the first time it is used
 * (cc_ruleset_ready): compiling every pattern of thirteen languages takes
 * seconds, a run over articles in two of them needs a fraction. Without
 * JIT (or with CC_NO_JIT set) patterns run in the interpreter. Matching uses one match
 * context with match, depth and heap limits, and per-thread match data; a
 * document is validated as UTF-8 once, so matches pass PCRE2_NO_UTF_CHECK.
 */
#ifndef CC_RX_H
#define CC_RX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Semantic capture groups that patterns and macros use. */
typedef enum cc_group {
    CC_G_VALUE = 0, /* the figure */
    CC_G_VALUE2,    /* upper end of a range */
    CC_G_SCALE,     /* scale word after the figure */
    CC_G_SCALE2,    /* scale word after the upper end */
    CC_G_UNIT,      /* currency, percent sign or counted noun */
    CC_G_QUAL,      /* qualifier word */
    CC_G_VAGUE,     /* vague amount word */
    CC_G_SCOPE,     /* scope of the claim, e.g. a year */
    CC_G_RANGE,     /* the opening word of a range ("between", "od"): part
                       of the text as written, not interpreted */
    CC_G__COUNT
} cc_group;

#define CC_G_MAX 32 /* group numbers kept per semantic name */

extern const char *const cc_group_names[CC_G__COUNT];

typedef struct cc_rx {
    pcre2_code *code;
    bool jit;
    uint32_t ncap;                  /* capture groups in the pattern */
    uint16_t g[CC_G__COUNT][CC_G_MAX];
    uint8_t gn[CC_G__COUNT];        /* how many numbers of each name */
} cc_rx;

/* Default limits (docs/robustness.md). */
#define CC_RX_MATCH_LIMIT 5000000u
#define CC_RX_DEPTH_LIMIT 10000u
#define CC_RX_HEAP_LIMIT_KB 65536u
/* A search over at most this many bytes from its start offset does not
 * check the deadline inside the match; its match limit per start position
 * is CC_RX_SHORT_MATCH_LIMIT, so that all its start positions together
 * stay within about a second of work. */
#define CC_RX_TICK_SPAN 256u
#define CC_RX_SHORT_MATCH_LIMIT 500000u

/* Compile options added to every pattern. */
#define CC_RX_OPTS (PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES)

/* Compiles pattern[0..len) with CC_RX_OPTS | opts, with the tick callout
 * put in front of it. On failure returns -1 and sets *errmsg (a
 * static-size buffer of errlen bytes) and *erroff (byte offset in
 * pattern). Records the semantic group numbers. */
int cc_rx_compile(cc_rx *rx, const char *pattern, size_t len, uint32_t opts, char *errmsg,
                  size_t errlen, size_t *erroff);
void cc_rx_free(cc_rx *rx);
/* JIT-compiles rx when the platform allows (idempotent). Not to be called
 * while another thread matches with rx. */
void cc_rx_jit(cc_rx *rx);

/* The first group of semantic name k that is set in a match, or 0. */
uint32_t cc_rx_group(const cc_rx *rx, const PCRE2_SIZE *ov, int rc, cc_group k);

/* Per-thread matching state. */
typedef struct cc_rxctx {
    pcre2_general_context *gctx;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jstack;
    pcre2_match_data *md;  /* for document-level patterns */
    pcre2_match_data *aux; /* for classifiers, while md is in use */
    uint64_t deadline;     /* CLOCK_MONOTONIC ns after which matches return
                              CC_RX_TIMEOUT, checked between matches and at
                              start positions inside one; 0: none */
    unsigned ticks;        /* start positions tried (the clock is read at
                              every 16th) */
    int (*fn)(pcre2_callout_block *, void *); /* the caller's callouts */
    void *fn_data;
} cc_rxctx;

/* What cc_rx_match returns once the context's deadline has passed (outside
 * PCRE2's error codes). The limits above bound the work at one start
 * position; the deadline bounds a rule's many matches over one article and
 * a single search across many start positions (every compiled pattern
 * begins with a tick callout, CC_CALLOUT_TICK). */
#define CC_RX_TIMEOUT (-10000)

/* CLOCK_MONOTONIC in nanoseconds. */
uint64_t cc_rx_now(void);

/* ncap: the largest capture count of any pattern this context will run. */
int cc_rxctx_init(cc_rxctx *c, uint32_t ncap);
void cc_rxctx_free(cc_rxctx *c);

/* pcre2_match through the JIT when available. Returns PCRE2's result. */
int cc_rx_match(const cc_rx *rx, cc_rxctx *c, pcre2_match_data *md, const char *subj,
                size_t len, size_t start, uint32_t opts);

/* Callout numbers used in generated patterns. */
enum {
    CC_CALLOUT_FORM = 1,  /* after each form of a word classifier (lang_read.c) */
    CC_CALLOUT_AMOUNT = 2, /* at the start of each amount macro (extract.c) */
    CC_CALLOUT_TICK = 255  /* at the start of every pattern (rx.c): the
                              deadline check */
};

/* cc_rx_match with a callout function for the patterns' (?C) points;
 * without one, callouts are skipped. */
typedef int (*cc_rx_callout)(pcre2_callout_block *cb, void *data);
int cc_rx_match_callout(const cc_rx *rx, cc_rxctx *c, pcre2_match_data *md, const char *subj,
                        size_t len, size_t start, uint32_t opts, cc_rx_callout fn, void *data);

/* Appends the regex-escaped form of literal s[0..n) to b. */
struct cc_buf;
int cc_rx_escape(struct cc_buf *b, const char *s, size_t n);

/* The shared general context routing PCRE2's allocations through the
 * allocation funnel. */
pcre2_general_context *cc_rx_gctx(void);

#endif
