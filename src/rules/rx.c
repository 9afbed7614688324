/*
 * rx.c: PCRE2 compile and match wrappers (helper for the rule-loading and
 * extraction stages).
 */
#include "rx.h"

#include "alloc.h"
#include "buf.h"

#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

const char *const cc_group_names[CC_G__COUNT] = {"value", "value2", "scale", "scale2", "unit",
                                                 "qualifier", "vague", "scope", "range"};

static void *rx_malloc(PCRE2_SIZE size, void *ud)
{
    (void)ud;
    return cc_malloc(size);
}

static void rx_free(void *p, void *ud)
{
    (void)ud;
    cc_free(p);
}

static pcre2_general_context *g_gctx;
static pthread_once_t g_gctx_once = PTHREAD_ONCE_INIT;

static void free_gctx(void)
{
    pcre2_general_context_free(g_gctx);
    g_gctx = NULL;
}

static void make_gctx(void)
{
    /* Created with the system allocator so that it cannot itself fail by
     * injection; what it allocates afterwards goes through the funnel.
     * Freed at exit, so that leak checkers see nothing left. */
    g_gctx = pcre2_general_context_create(rx_malloc, rx_free, NULL);
    if (g_gctx)
        atexit(free_gctx);
}

pcre2_general_context *cc_rx_gctx(void)
{
    pthread_once(&g_gctx_once, make_gctx);
    return g_gctx;
}

static void record_groups(cc_rx *rx)
{
    int k;
    memset(rx->gn, 0, sizeof rx->gn);
    for (k = 0; k < CC_G__COUNT; k++) {
        PCRE2_SPTR first, last, e;
        int size = pcre2_substring_nametable_scan(rx->code, (PCRE2_SPTR)cc_group_names[k],
                                                  &first, &last);
        if (size <= 0)
            continue;
        for (e = first; e <= last && rx->gn[k] < CC_G_MAX; e += size) {
            uint16_t num = (uint16_t)((e[0] << 8) | e[1]);
            /* keep sorted: the leftmost group in the pattern wins */
            int i = rx->gn[k];
            while (i > 0 && rx->g[k][i - 1] > num) {
                rx->g[k][i] = rx->g[k][i - 1];
                i--;
            }
            rx->g[k][i] = num;
            rx->gn[k]++;
        }
    }
}

/* Length of the start-of-pattern settings such as (*UTF) or
 * (*LIMIT_MATCH=10) at the head of p, which must stay first. */
static size_t leading_verbs(const char *p, size_t len)
{
    size_t i = 0;
    while (i + 2 < len && p[i] == '(' && p[i + 1] == '*') {
        size_t j = i + 2;
        while (j < len && ((p[j] >= 'A' && p[j] <= 'Z') || (p[j] >= '0' && p[j] <= '9') ||
                           p[j] == '_' || p[j] == '='))
            j++;
        if (j >= len || p[j] != ')' || j == i + 2)
            break;
        i = j + 1;
    }
    return i;
}

int cc_rx_compile(cc_rx *rx, const char *pattern, size_t len, uint32_t opts, char *errmsg,
                  size_t errlen, size_t *erroff)
{
    int errcode = 0;
    PCRE2_SIZE off = 0;
    pcre2_compile_context *cctx;
    cc_buf b = CC_BUF_INIT;
    size_t verbs = leading_verbs(pattern, len), head;

    memset(rx, 0, sizeof *rx);
    /* The pattern becomes VERBS(?C<tick>)(?:REST): the tick callout runs at
     * every start position, where the deadline is checked (PCRE2's match
     * limit restarts at each start position, so alone it does not bound a
     * search over a long subject). Callouts are transparent to PCRE2's
     * start-of-match optimizations. */
    cc_buf_append(&b, pattern, verbs);
    cc_buf_printf(&b, "(?C%d)(?:", CC_CALLOUT_TICK);
    head = b.len;
    cc_buf_append(&b, pattern + verbs, len - verbs);
    cc_buf_putc(&b, ')');
    cctx = b.err ? NULL : pcre2_compile_context_create(cc_rx_gctx());
    if (!cctx) {
        if (errmsg)
            snprintf(errmsg, errlen, "out of memory");
        if (erroff)
            *erroff = 0;
        cc_buf_free(&b);
        return -1;
    }
    rx->code = pcre2_compile((PCRE2_SPTR)b.p, b.len, CC_RX_OPTS | opts, &errcode, &off, cctx);
    pcre2_compile_context_free(cctx);
    cc_buf_free(&b);
    if (!rx->code) {
        if (errmsg) {
            if (pcre2_get_error_message(errcode, (PCRE2_UCHAR *)errmsg, errlen) < 0)
                snprintf(errmsg, errlen, "PCRE2 error %d", errcode);
        }
        /* an offset in what the caller wrote */
        if (erroff) {
            size_t added = head - verbs; /* "(?C255)(?:" */
            if (off <= verbs)
                *erroff = off;
            else if (off < head)
                *erroff = verbs; /* inside what was added: where it went */
            else
                *erroff = off - added > len ? len : off - added; /* past the closing ")" */
        }
        return -1;
    }
    pcre2_pattern_info(rx->code, PCRE2_INFO_CAPTURECOUNT, &rx->ncap);
    record_groups(rx);
    return 0;
}

void cc_rx_jit(cc_rx *rx)
{
    if (rx->code && !rx->jit && !getenv("CC_NO_JIT"))
        rx->jit = pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE) == 0;
}

void cc_rx_free(cc_rx *rx)
{
    if (rx->code)
        pcre2_code_free(rx->code);
    rx->code = NULL;
}

uint32_t cc_rx_group(const cc_rx *rx, const PCRE2_SIZE *ov, int rc, cc_group k)
{
    int i;
    for (i = 0; i < rx->gn[k]; i++) {
        uint32_t g = rx->g[k][i];
        if ((int)g < rc && ov[2 * g] != PCRE2_UNSET)
            return g;
    }
    return 0;
}

int cc_rxctx_init(cc_rxctx *c, uint32_t ncap)
{
    memset(c, 0, sizeof *c);
    c->gctx = cc_rx_gctx();
    c->mctx = pcre2_match_context_create(c->gctx);
    c->jstack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, c->gctx);
    c->md = pcre2_match_data_create(ncap + 1, c->gctx);
    c->aux = pcre2_match_data_create(ncap + 1, c->gctx);
    if (!c->mctx || !c->jstack || !c->md || !c->aux) {
        cc_rxctx_free(c);
        return -1;
    }
    pcre2_set_match_limit(c->mctx, CC_RX_MATCH_LIMIT);
    pcre2_set_depth_limit(c->mctx, CC_RX_DEPTH_LIMIT);
    pcre2_set_heap_limit(c->mctx, CC_RX_HEAP_LIMIT_KB);
    pcre2_jit_stack_assign(c->mctx, NULL, c->jstack);
    return 0;
}

void cc_rxctx_free(cc_rxctx *c)
{
    if (c->md)
        pcre2_match_data_free(c->md);
    if (c->aux)
        pcre2_match_data_free(c->aux);
    if (c->jstack)
        pcre2_jit_stack_free(c->jstack);
    if (c->mctx)
        pcre2_match_context_free(c->mctx);
    memset(c, 0, sizeof *c);
}

uint64_t cc_rx_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The callout function of every match: the tick at each start position
 * checks the deadline (the clock is read every 16 ticks); other callouts
 * go to the caller's function, if any. */
static int dispatch(pcre2_callout_block *cb, void *data)
{
    cc_rxctx *c = data;
    if (cb->callout_number == CC_CALLOUT_TICK) {
        if (c->deadline && (++c->ticks & 15) == 0 && cc_rx_now() > c->deadline)
            return CC_RX_TIMEOUT;
        return 0;
    }
    return c->fn ? c->fn(cb, c->fn_data) : 0;
}

static int run(const cc_rx *rx, cc_rxctx *c, pcre2_match_data *md, const char *subj,
               size_t len, size_t start, uint32_t opts)
{
    int rc;
    bool wide = len - start > CC_RX_TICK_SPAN;
    if (c->deadline && cc_rx_now() > c->deadline)
        return CC_RX_TIMEOUT;
    /* A search over more than CC_RX_TICK_SPAN bytes checks the deadline at
     * its start positions; a shorter one (most: a sentence, a window) is
     * bounded by a smaller match limit per start position instead, since
     * calling out at every start costs about 15% of a run. Callouts are
     * skipped while no function is set. */
    pcre2_set_callout(c->mctx, (c->deadline && wide) || c->fn ? dispatch : NULL, c);
    pcre2_set_match_limit(c->mctx, wide ? CC_RX_MATCH_LIMIT : CC_RX_SHORT_MATCH_LIMIT);
    if (rx->jit && !(opts & ~PCRE2_NO_UTF_CHECK & ~PCRE2_NOTEMPTY_ATSTART & ~PCRE2_NOTBOL &
                     ~PCRE2_NOTEOL & ~PCRE2_NOTEMPTY))
        rc = pcre2_jit_match(rx->code, (PCRE2_SPTR)subj, len, start, opts, md, c->mctx);
    else
        rc = pcre2_match(rx->code, (PCRE2_SPTR)subj, len, start, opts, md, c->mctx);
    return rc;
}

int cc_rx_match(const cc_rx *rx, cc_rxctx *c, pcre2_match_data *md, const char *subj,
                size_t len, size_t start, uint32_t opts)
{
    c->fn = NULL;
    return run(rx, c, md, subj, len, start, opts);
}

int cc_rx_match_callout(const cc_rx *rx, cc_rxctx *c, pcre2_match_data *md, const char *subj,
                        size_t len, size_t start, uint32_t opts, cc_rx_callout fn, void *data)
{
    int rc;
    c->fn = fn;
    c->fn_data = data;
    rc = run(rx, c, md, subj, len, start, opts);
    c->fn = NULL;
    c->fn_data = NULL;
    return rc;
}

int cc_rx_escape(cc_buf *b, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == ' ') {
            /* a space in a literal form matches any run of white space,
             * including NBSP and line breaks in wrapped text */
            while (i + 1 < n && s[i + 1] == ' ')
                i++;
            cc_buf_puts(b, "\\s+");
            continue;
        }
        if (ch == '-') {
            /* a hyphen matches the Unicode hyphens too ("US‑Dollar" with
             * U+2011, as some sites write it) */
            cc_buf_puts(b, "[\\-\\x{2010}\\x{2011}]");
            continue;
        }
        if (strchr("\\^$.|?*+()[]{}#/", ch) && ch)
            cc_buf_putc(b, '\\');
        cc_buf_putc(b, (char)ch);
    }
    return b->err;
}
