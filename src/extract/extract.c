/*
 * extract.c: extraction and normalization (stages 4 and 5).
 *
 * In: an article, its language pack and the claim extractors of that
 * language. Out: quantities (cc_scan) and observations (cc_extract).
 *
 * The pack's %{quantity} scanner runs once over the article; it is also the
 * prefilter: claim patterns run only on sentences that hold a quantity, so
 * most of the text is seen by one regex pass. Matches are normalized by the
 * pack (lang_numeral.c) into exact values and intervals; vague amounts and currency
 * conversions in brackets never become observations of their own.
 */
#include "claimcheck/extract.h"

#include "alloc.h"
#include "lang_priv.h"
#include "rules_priv.h"
#include "segment.h"
#include "uni.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Characters of context kept on each side of a figure. */
#define CONTEXT_CHARS 300

/* ====================================================================
 * Extractor state
 * ==================================================================== */

typedef struct hit {
    const cc_xrule *x;
    cc_quantity q;
    size_t scope_start, scope_end; /* scope text in the article, or equal */
} hit;

struct cc_extractor {
    const cc_ruleset *rs;
    cc_rxctx ctx;
    cc_qlist q;
    cc_sents ss; /* the article's sentences */
    hit *h;
    size_t nh, caph;
    bool no_context;
    uint64_t budget_ns; /* time per rule and MiB of article */
};

/* Starts the time budget of one rule (or the scan) over doc. */
static void start_budget(cc_extractor *x, const cc_doc *doc)
{
    uint64_t mib = cc_doc_len(doc) / (1u << 20) + 1;
    x->ctx.deadline = x->budget_ns ? cc_rx_now() + x->budget_ns * mib : 0;
}

static bool out_of_time(const cc_extractor *x)
{
    return x->ctx.deadline && cc_rx_now() > x->ctx.deadline;
}

void cc_extractor_time_budget(cc_extractor *x, unsigned ms_per_mib)
{
    x->budget_ns = (uint64_t)ms_per_mib * 1000000u;
}

void cc_extractor_keep_context(cc_extractor *x, bool on)
{
    x->no_context = !on;
}

int cc_extractor_new(cc_extractor **out, const cc_ruleset *rs)
{
    cc_extractor *x = cc_calloc(1, sizeof *x);
    *out = NULL;
    if (!x)
        return CC_ERR_NOMEM;
    x->rs = rs;
    x->budget_ns = (uint64_t)CC_TIME_BUDGET_MS * 1000000u;
    if (cc_rxctx_init(&x->ctx, rs->maxcap + 1) != 0) {
        cc_free(x);
        return CC_ERR_NOMEM;
    }
    *out = x;
    return CC_OK;
}

void cc_extractor_free(cc_extractor *x)
{
    if (!x)
        return;
    cc_rxctx_free(&x->ctx);
    cc_qlist_free(&x->q);
    cc_sents_free(&x->ss);
    cc_free(x->h);
    cc_free(x);
}

void cc_qlist_free(cc_qlist *q)
{
    cc_free(q->v);
    q->v = NULL;
    q->n = q->cap = 0;
}

static int qpush(cc_qlist *q, const cc_quantity *v)
{
    if (q->n == q->cap) {
        void *p = q->v;
        if (cc_grow(&p, &q->cap, q->n + 1, sizeof(cc_quantity)) != 0)
            return -1;
        q->v = p;
    }
    q->v[q->n++] = *v;
    return 0;
}

static void limit_diag(cc_diags *d, cc_doc *doc, size_t off, int rc, const char *what,
                       const char *file, uint32_t line)
{
    cc_loc loc = cc_doc_loc(doc, off);
    cc_buf hint = CC_BUF_INIT;
    if (rc == CC_RX_TIMEOUT)
        cc_buf_printf(&hint, "%s%s%u is slow on this article: simplify it, or raise --time-budget",
                      file ? file : "", file ? ":" : "line ", (unsigned)line);
    else if (file)
        cc_buf_printf(&hint, "simplify the pattern at %s:%u (nested quantifiers such as (a+)+ backtrack catastrophically)",
                      file, (unsigned)line);
    cc_diags_add(d, CC_SEV_ERROR, CC_D_LIMIT, cc_doc_path(doc), loc.line, loc.column,
                 cc_doc_file_offset(doc, off), NULL, hint.p,
                 "%s stopped here: %s; the rest of this article was not searched by it",
                 what,
                 rc == CC_RX_TIMEOUT            ? "time budget for this article used up"
                 : rc == PCRE2_ERROR_MATCHLIMIT ? "PCRE2 match limit reached"
                 : rc == PCRE2_ERROR_DEPTHLIMIT ? "PCRE2 depth limit reached"
                 : rc == PCRE2_ERROR_HEAPLIMIT  ? "PCRE2 heap limit reached"
                 : rc == PCRE2_ERROR_JIT_STACKLIMIT ? "PCRE2 JIT stack limit reached"
                 : rc == PCRE2_ERROR_NOMEMORY   ? "out of memory"
                                                : "PCRE2 matching error");
    cc_buf_free(&hint);
}

/* ====================================================================
 * Scanning
 * ==================================================================== */

/* Is the bracket opened in t[a..b) (white space, one opening bracket,
 * then anything but a closing bracket)? */
static bool opens_bracket(const char *t, size_t a, size_t b)
{
    size_t i = a;
    while (i < b && (t[i] == ' ' || t[i] == '\t'))
        i++;
    if (i < b && (t[i] == '(' || t[i] == '['))
        i++;
    else if (b - i >= 3 && memcmp(t + i, "\xEF\xBC\x88", 3) == 0) /* （ */
        i += 3;
    else
        return false;
    if (b - i > 60)
        return false; /* "(nach aktuellem Kurs rund 5 Mrd. Euro)": a few words */
    for (; i < b; i++)
        if (t[i] == ')' || t[i] == ']' || (b - i >= 3 && memcmp(t + i, "\xEF\xBC\x89", 3) == 0) ||
            t[i] == '\n')
            return false;
    return true;
}

/* Does a closing bracket follow within the next 80 bytes, before any
 * opening one? */
static bool closes_bracket(const char *t, size_t i, size_t end)
{
    size_t lim = i + 80 < end ? i + 80 : end;
    for (; i < lim; i++) {
        if (t[i] == ')' || t[i] == ']' || (lim - i >= 3 && memcmp(t + i, "\xEF\xBC\x89", 3) == 0))
            return true;
        if (t[i] == '(' || t[i] == '[' || t[i] == '\n' ||
            (lim - i >= 3 && memcmp(t + i, "\xEF\xBC\x88", 3) == 0))
            return false;
    }
    return false;
}

/* "140億ドル(約2兆1900億円)", "$13 billion (€12 billion)", "5,4 Mrd. Dollar
 * (nach aktuellem Kurs rund 5 Mrd. Euro)": an amount in another currency in
 * brackets right after an amount converts it. */
static void link_conversions(const char *t, size_t end, cc_qlist *q)
{
    size_t i;
    for (i = 1; i < q->n; i++) {
        cc_quantity *a = &q->v[i - 1], *b = &q->v[i];
        if (a->kind != CC_KIND_MONEY || b->kind != CC_KIND_MONEY || !a->unit || !b->unit ||
            strcmp(a->unit, b->unit) == 0 || a->conversion_of >= 0)
            continue;
        if (opens_bracket(t, a->end, b->start) && closes_bracket(t, b->end, end))
            b->conversion_of = (long)(i - 1);
    }
}

/* Does a sentence end in t[a..b)? (for carrying a currency over) */
static bool crosses_sentence(const char *t, size_t a, size_t b)
{
    size_t i;
    for (i = a; i < b; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c == '\n')
            return true;
        if ((c == '.' || c == '!' || c == '?') && i + 1 < b && (t[i + 1] == ' ' || t[i + 1] == '\n'))
            return true;
        if (c == 0xE3 && i + 2 < b && (unsigned char)t[i + 1] == 0x80 &&
            (unsigned char)t[i + 2] == 0x82) /* 。 */
            return true;
    }
    return false;
}

/* "с 5,4 до 37,5 млрд долларов", "passé de 10 à 15 millions d'abonnés",
 * "je rund 100 bzw. 500 Millionen Dollar": a bare figure followed by one of
 * the pack's shared_unit words and an amount with a scale takes that
 * amount's scale and unit. */
static void borrow_unit(const cc_lang *l, cc_rxctx *c, const char *t, cc_qlist *q)
{
    size_t i;
    for (i = 0; i + 1 < q->n; i++) {
        cc_quantity *x = &q->v[i];
        const cc_quantity *y = &q->v[i + 1];
        if (x->kind != CC_KIND_NUMBER || x->scaled || x->vague || x->conversion_of >= 0 ||
            y->kind == CC_KIND_NUMBER || !y->scaled || y->vague || y->start < x->end ||
            y->start - x->end > 24 || !cc_lang_shares_unit(l, c, t, x->end, y->start))
            continue;
        x->value = cc_dec_mul(x->value, y->factor);
        x->iv = cc_interval_of(x->qual, x->value);
        x->factor = y->factor;
        x->kind = y->kind;
        x->unit = y->unit;
        x->scaled = true;
        x->inherited = true;
    }
}

/* "$5.4bn this year, rising to 37.5bn in 2029", "500 millones de usuarios
 * frente a los 200 millones de agosto": a figure with a scale word and no
 * unit, in the sentence of an amount of money or a count, within 200 bytes
 * of it and of a like size (a factor of 1000 either way), has the same
 * unit. "$100bn, good for a hundred thousand jobs" does not. */
static void carry_unit(const char *t, cc_qlist *q)
{
    size_t i;
    long last = -1;
    for (i = 0; i < q->n; i++) {
        cc_quantity *x = &q->v[i];
        if ((x->kind == CC_KIND_MONEY || x->kind == CC_KIND_COUNT) && !x->vague &&
            x->conversion_of < 0) {
            last = (long)i;
            continue;
        }
        if (x->kind != CC_KIND_NUMBER || !x->scaled || x->vague || last < 0)
            continue;
        if (x->start - q->v[last].end > 200 || crosses_sentence(t, q->v[last].end, x->start)) {
            last = -1;
            continue;
        }
        {
            double a = cc_dec_to_double(x->value), m = cc_dec_to_double(q->v[last].value);
            if (a * 1000 < m || a > m * 1000)
                continue;
        }
        x->kind = q->v[last].kind;
        x->unit = q->v[last].unit;
        x->inherited = true;
    }
}

/* If a web address starts at i, returns its end; otherwise i. Figures in
 * URLs ("/2024/10/17/", "the-14-billion-question") are not quantities. */
static size_t url_end(const char *t, size_t i, size_t end)
{
    static const char *const schemes[] = {"https://", "http://", "www.", NULL};
    const char *const *s;
    for (s = schemes; *s; s++) {
        size_t n = strlen(*s);
        if (end - i >= n && strncasecmp(t + i, *s, n) == 0) {
            size_t j = i + n;
            while (j < end && !cc_uni_is_space(cc_utf8_at(t, j, end)) && t[j] != '"' && t[j] != '<' &&
                   t[j] != '>' && (unsigned char)t[j] >= 0x21)
                j = cc_utf8_next(t, j, end);
            return j;
        }
    }
    return i;
}

/* The end of the web address holding offset pos, or pos when none does:
 * looks back to the start of the white-space-delimited token. */
static size_t in_url(const char *t, size_t begin, size_t pos, size_t end)
{
    size_t a = pos, floor = pos > begin + 2048 ? pos - 2048 : begin;
    while (a > floor && !cc_uni_is_space((unsigned char)t[a - 1]) && (unsigned char)t[a - 1] >= 0x21)
        a--;
    for (; a <= pos && a < end; a++) {
        size_t e = url_end(t, a, end);
        if (e > a)
            return e > pos ? e : pos;
    }
    return pos;
}

static int scan_range(cc_extractor *x, const cc_lang *l, cc_doc *doc, size_t begin, size_t end,
                      cc_qlist *out, cc_diags *d)
{
    const char *t = cc_doc_text(doc);
    size_t off = begin;
    size_t first = out->n;
    while (off < end) {
        int rc = cc_rx_match(&l->scanner, &x->ctx, x->ctx.md, t, end, off, PCRE2_NO_UTF_CHECK);
        PCRE2_SIZE *ov;
        cc_quantity q;
        if (rc == PCRE2_ERROR_NOMATCH)
            break;
        if (rc < 0) {
            limit_diag(d, doc, off, rc, "the quantity scanner", l->file, 1);
            return CC_ERR_LIMIT;
        }
        ov = pcre2_get_ovector_pointer(x->ctx.md);
        {
            size_t u = in_url(t, begin, ov[0], end);
            if (u > ov[0]) {
                off = u;
                continue;
            }
        }
        if (cc_lang_interpret(l, &x->ctx, &l->scanner, t, end, ov, rc, &q) == 0 && q.end > q.start) {
            if (qpush(out, &q) != 0)
                return CC_ERR_NOMEM;
            off = ov[1] > ov[0] ? ov[1] : cc_utf8_next(t, ov[0], end);
        } else {
            off = cc_utf8_next(t, ov[0], end);
        }
    }
    {
        cc_qlist view = {out->v ? out->v + first : NULL, out->n - first, 0};
        size_t i;
        link_conversions(t, end, &view);
        borrow_unit(l, &x->ctx, t, &view);
        carry_unit(t, &view);
        for (i = first; i < out->n; i++)
            if (out->v[i].conversion_of >= 0)
                out->v[i].conversion_of += (long)first;
    }
    return CC_OK;
}

/* Does sentence s hold a digit, a scale word or a numeral character (the
 * pack's prefilter)? 1 yes, 0 no, <0 a matching error. */
static int worth_scanning(cc_extractor *x, const cc_lang *l, const char *t, size_t s)
{
    int rc = cc_rx_match(&l->prefilter, &x->ctx, x->ctx.aux, t, x->ss.v[s].end, x->ss.v[s].start,
                         PCRE2_NO_UTF_CHECK);
    return rc >= 0 ? 1 : rc == PCRE2_ERROR_NOMATCH ? 0 : rc;
}

/* The scan for extraction: only runs of sentences that pass the prefilter
 * are scanned (news text has many sentences without a figure; the full
 * grammar is costly to try at every word). */
static int scan_prefiltered(cc_extractor *x, const cc_lang *l, cc_doc *doc, cc_diags *d)
{
    const char *t = cc_doc_text(doc);
    size_t s = 0;
    int worst = CC_OK;
    while (s < x->ss.n) {
        size_t e;
        int rc = worth_scanning(x, l, t, s);
        if (rc < 0)
            rc = 1; /* the prefilter hit a limit: scan anyway */
        if (!rc) {
            s++;
            continue;
        }
        for (e = s + 1; e < x->ss.n && worth_scanning(x, l, t, e) != 0; e++)
            ;
        rc = scan_range(x, l, doc, x->ss.v[s].start, x->ss.v[e - 1].end, &x->q, d);
        if (rc == CC_ERR_NOMEM)
            return rc;
        if (rc != CC_OK) {
            worst = rc;
            if (out_of_time(x))
                break;
        }
        s = e;
    }
    return worst;
}

int cc_scan(cc_extractor *x, const cc_lang *l, cc_doc *doc, cc_qlist *out, cc_diags *d)
{
    int rc;
    cc_ruleset_ready(x->rs, l);
    start_budget(x, doc);
    rc = scan_range(x, l, doc, cc_doc_body(doc), cc_doc_len(doc), out, d);
    x->ctx.deadline = 0;
    return rc;
}

/* ====================================================================
 * Claims
 * ==================================================================== */

#define PARAGRAPH_REACH 4096

/* The window of c around [a, b): its sentence, its line, or characters
 * before and after inside the sentence. */
static void window(const cc_extractor *x, const cc_ctxpat *c, const char *t, size_t lo,
                   size_t hi, size_t a, size_t b, size_t *wa, size_t *wb)
{
    uint32_t k;
    long s = cc_sent_of(&x->ss, a);
    size_t sa = s >= 0 ? x->ss.v[s].start : a, sb = s >= 0 && x->ss.v[s].end > b ? x->ss.v[s].end : b;
    if (c->sentence) {
        *wa = sa;
        *wb = sb;
        return;
    }
    if (c->paragraph) {
        /* the line holding the quantity, up to PARAGRAPH_REACH bytes on
         * either side of its sentence (a file that is one long line must
         * not make every quantity search all of it) */
        size_t la = sa > lo + PARAGRAPH_REACH ? sa - PARAGRAPH_REACH : lo;
        size_t lb = hi - sb > PARAGRAPH_REACH ? sb + PARAGRAPH_REACH : hi;
        while (sa > la && t[sa - 1] != '\n' && t[sa - 1] != '\r')
            sa--;
        while (sb < lb && t[sb] != '\n' && t[sb] != '\r')
            sb++;
        while (sa > lo && ((unsigned char)t[sa] & 0xC0) == 0x80)
            sa++;
        while (sb < hi && ((unsigned char)t[sb] & 0xC0) == 0x80)
            sb--;
        *wa = sa;
        *wb = sb;
        return;
    }
    for (k = 0; k < c->before && a > sa; k++) {
        a--;
        while (a > sa && ((unsigned char)t[a] & 0xC0) == 0x80)
            a--;
    }
    for (k = 0; k < c->after && b < sb; k++)
        b = cc_utf8_next(t, b, sb);
    *wa = a;
    *wb = b;
}

/* Returns 1 when the quantity at [a, b) passes the rule's near and not_near
 * patterns, 0 when not, <0 on a matching error. Captures a scope group of a
 * near pattern into h. */
static int context_ok(cc_extractor *x, const cc_xrule *r, cc_doc *doc, size_t a, size_t b,
                      hit *h)
{
    const char *t = cc_doc_text(doc);
    size_t lo = cc_doc_body(doc), hi = cc_doc_len(doc), i, wa, wb;
    for (i = 0; i < r->nnear; i++) {
        int rc;
        window(x, &r->near[i], t, lo, hi, a, b, &wa, &wb);
        rc = cc_rx_match(&r->near[i].rx, &x->ctx, x->ctx.aux, t, wb, wa, PCRE2_NO_UTF_CHECK);
        if (rc == PCRE2_ERROR_NOMATCH)
            return 0;
        if (rc < 0)
            return rc;
        if (h->scope_end == h->scope_start) {
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->ctx.aux);
            uint32_t g = cc_rx_group(&r->near[i].rx, ov, rc, CC_G_SCOPE);
            if (g) {
                h->scope_start = ov[2 * g];
                h->scope_end = ov[2 * g + 1];
            }
        }
    }
    for (i = 0; i < r->nnot; i++) {
        int rc;
        window(x, &r->not_near[i], t, lo, hi, a, b, &wa, &wb);
        rc = cc_rx_match(&r->not_near[i].rx, &x->ctx, x->ctx.aux, t, wb, wa, PCRE2_NO_UTF_CHECK);
        if (rc >= 0)
            return 0;
        if (rc != PCRE2_ERROR_NOMATCH)
            return rc;
    }
    return 1;
}

/* The scanned quantity starting at off, or NULL. */
static const cc_quantity *scanned_at(const cc_extractor *x, size_t off, long *idx)
{
    size_t lo = 0, hi = x->q.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->q.v[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < x->q.n && x->q.v[lo].start == off) {
        *idx = (long)lo;
        return &x->q.v[lo];
    }
    return NULL;
}

static bool kind_fits(const cc_claim *c, const cc_quantity *q)
{
    return c->kind == CC_KIND_NUMBER || c->kind == q->kind;
}

/* The year filter: the year mentioned nearest to the figure in its
 * sentence (clause marks count as distance) must be the rule's. Relative
 * mentions ("this year", "idén", "今年") are resolved with the article's
 * front-matter date. Returns 1 pass, 0 fail, <0 error. */
static int year_ok(cc_extractor *x, const cc_xrule *r, cc_doc *doc, const cc_quantity *q)
{
    const char *t = cc_doc_text(doc);
    long s = cc_sent_of(&x->ss, q->start);
    size_t lo = s >= 0 ? x->ss.v[s].start : q->start, hi = s >= 0 ? x->ss.v[s].end : q->end;
    int year = 0, rel = 0, found;
    if (!r->year)
        return 1;
    if (hi < q->end)
        hi = q->end;
    found = cc_lang_nearest_year(r->lang, &x->ctx, t, lo, hi, q->start, q->end, &year, &rel);
    if (found < 0)
        return found;
    if (found && rel) {
        int doc_year = cc_doc_year(doc);
        /* An undated article: "this year" is taken to be the rule's year
         * unless the rule insists on seeing it written; "last year" and
         * "next year" are another year either way. */
        if (!doc_year)
            return year == 0 && !r->year_required;
        year += doc_year;
    }
    if (!found)
        return !r->year_required;
    return year == r->year;
}

/* Adds a hit unless the quantity cannot stand for the claim: vague amounts,
 * bracketed conversions, the wrong kind. A figure in another currency than
 * the claim's is replaced by its bracketed conversion when there is one.
 * Returns 1 added, 0 refused, CC_ERR_NOMEM. */
static int add_hit(cc_extractor *x, const cc_xrule *r, const cc_quantity *q, size_t ss,
                   size_t se)
{
    const cc_claim *c = r->claim;
    const cc_quantity *use;
    const cc_quantity *sq;
    cc_quantity tmpq;
    long idx = -1;
    hit *h;
    sq = scanned_at(x, q->start, &idx);
    if (q->kind == CC_KIND_NUMBER && sq && sq->inherited && sq->figure == q->figure) {
        /* a pattern read a bare figure the scan gave a unit (and a scale) */
        tmpq = *q;
        tmpq.kind = sq->kind;
        tmpq.unit = sq->unit;
        if (sq->scaled && !q->scaled) {
            tmpq.value = sq->value;
            tmpq.iv = sq->iv;
            tmpq.factor = sq->factor;
            tmpq.scaled = true;
        }
        q = &tmpq;
    }
    if (q->vague || !kind_fits(c, q))
        return 0;
    if (c->nunits) {
        size_t k;
        for (k = 0; k < c->nunits; k++)
            if (q->unit && strcmp(q->unit, c->units[k]) == 0)
                break;
        if (k == c->nunits)
            return 0; /* "500 million employees" is not a user count */
    }
    use = q;
    if (sq && sq->conversion_of >= 0)
        return 0;
    if (c->currency && q->unit && strcmp(q->unit, c->currency) != 0 && idx >= 0 &&
        (size_t)idx + 1 < x->q.n && x->q.v[idx + 1].conversion_of == idx &&
        x->q.v[idx + 1].unit && strcmp(x->q.v[idx + 1].unit, c->currency) == 0)
        use = &x->q.v[idx + 1];
    if (x->nh == x->caph) {
        void *p = x->h;
        if (cc_grow(&p, &x->caph, x->nh + 1, sizeof(hit)) != 0)
            return CC_ERR_NOMEM;
        x->h = p;
    }
    h = &x->h[x->nh++];
    h->x = r;
    h->q = *use;
    if (c->nunits)
        h->q.unit = c->units[0];
    h->scope_start = ss;
    h->scope_end = se;
    return 1;
}

/* Callout at the start of every amount macro: refuses amounts starting at
 * or before *data, so that a match whose figure the filters rejected can be
 * tried again with the next figure after the same trigger words ("losses
 * of $14bn in 2026 and about $5bn this year"). */
static int after_floor(pcre2_callout_block *cb, void *data)
{
    const size_t *floor = data;
    return cb->callout_number == CC_CALLOUT_AMOUNT && cb->current_position <= *floor;
}

enum { MAX_RETRIES = 16 }; /* rejected figures retried per match start */

/* Handles one match of r: reads its quantity and keeps it when the
 * filters and the claim accept it. Returns 1 kept, 0 refused, -1 not a
 * quantity, or a negative cc_status (from CC_ERR_LIMIT down). *q gets the
 * quantity. */
static int accept(cc_extractor *x, const cc_xrule *r, cc_doc *doc, const cc_rx *rx, int rc,
                  const cc_quantity *q, cc_diags *d);
static int keep(cc_extractor *x, const cc_xrule *r, cc_doc *doc, const cc_quantity *q,
                size_t ss, size_t se, cc_diags *d);

static int take_match(cc_extractor *x, const cc_lang *l, const cc_xrule *r, cc_doc *doc,
                      size_t end, int rc, cc_quantity *q, cc_diags *d)
{
    const char *t = cc_doc_text(doc);
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->ctx.md);
    if (cc_lang_interpret(l, &x->ctx, &r->rx, t, end, ov, rc, q) != 0)
        return -1;
    return accept(x, r, doc, &r->rx, rc, q, d);
}

/* The filters and the claim on quantity q found by a match of rx (whose
 * scope group, if any, gives the scope). Returns 1 kept, 0 refused, or a
 * negative cc_status. */
static int accept(cc_extractor *x, const cc_xrule *r, cc_doc *doc, const cc_rx *rx, int rc,
                  const cc_quantity *q, cc_diags *d)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->ctx.md);
    uint32_t gs = cc_rx_group(rx, ov, rc, CC_G_SCOPE);
    return keep(x, r, doc, q, gs ? ov[2 * gs] : 0, gs ? ov[2 * gs + 1] : 0, d);
}

/* The context and year filters, then the claim's own checks (add_hit), on
 * quantity q with scope text [ss, se). Returns 1 kept, 0 refused, or a
 * negative cc_status. */
static int keep(cc_extractor *x, const cc_xrule *r, cc_doc *doc, const cc_quantity *q,
                size_t ss, size_t se, cc_diags *d)
{
    hit tmp;
    int ok = 1;
    memset(&tmp, 0, sizeof tmp);
    tmp.scope_start = ss;
    tmp.scope_end = se;
    if (r->nnear || r->nnot)
        ok = context_ok(x, r, doc, q->start, q->end, &tmp);
    if (ok == 1)
        ok = year_ok(x, r, doc, q);
    if (ok < 0) {
        limit_diag(d, doc, q->start, ok, "a near/not_near pattern", r->file, r->line);
        return CC_ERR_LIMIT;
    }
    if (ok == 1)
        ok = add_hit(x, r, q, tmp.scope_start, tmp.scope_end);
    return ok;
}

/* A pattern that starts with an amount macro can only match where the
 * scan found a quantity: it is tried there, anchored, instead of at every
 * position of the sentence; when it has a tail (rules_priv.h), only the
 * tail is matched, after the quantity. */
static int run_anchored(cc_extractor *x, const cc_lang *l, const cc_xrule *r, cc_doc *doc,
                        cc_diags *d)
{
    const char *t = cc_doc_text(doc);
    size_t i, next = 0;
    for (i = 0; i < x->q.n; i++) {
        const cc_quantity *sq = &x->q.v[i];
        long s;
        size_t starts[2], k;
        if (sq->start < next)
            continue;
        if (r->has_tail && (sq->kind != r->tail_kind || sq->vague || sq->conversion_of >= 0))
            continue;
        s = cc_sent_of(&x->ss, sq->start);
        if (s < 0 || !x->ss.v[s].candidate)
            continue;
        if (r->has_tail) {
            int rc = cc_rx_match(&r->tail, &x->ctx, x->ctx.md, t, x->ss.v[s].end, sq->end,
                                 PCRE2_NO_UTF_CHECK);
            if (rc == PCRE2_ERROR_NOMATCH)
                continue;
            if (rc < 0) {
                limit_diag(d, doc, sq->end, rc, "a claim pattern", r->file, r->line);
                return CC_ERR_LIMIT;
            }
            rc = accept(x, r, doc, &r->tail, rc, sq, d);
            if (rc < 0)
                return rc;
            if (rc == 1)
                next = pcre2_get_ovector_pointer(x->ctx.md)[1];
            continue;
        }
        starts[0] = sq->start;
        starts[1] = sq->figure;
        for (k = 0; k < (sq->figure > sq->start ? 2u : 1u); k++) {
            cc_quantity q;
            int rc = cc_rx_match(&r->rx, &x->ctx, x->ctx.md, t, x->ss.v[s].end, starts[k],
                                 PCRE2_NO_UTF_CHECK | PCRE2_ANCHORED);
            if (rc == PCRE2_ERROR_NOMATCH)
                continue;
            if (rc < 0) {
                limit_diag(d, doc, starts[k], rc, "a claim pattern", r->file, r->line);
                return CC_ERR_LIMIT;
            }
            rc = take_match(x, l, r, doc, x->ss.v[s].end, rc, &q, d);
            if (rc < -1)
                return rc;
            if (rc == 1) {
                next = pcre2_get_ovector_pointer(x->ctx.md)[1];
                break;
            }
        }
    }
    return CC_OK;
}

static int run_pattern(cc_extractor *x, const cc_lang *l, const cc_xrule *r, cc_doc *doc,
                       cc_diags *d)
{
    const char *t = cc_doc_text(doc);
    size_t si;
    if (r->lead_amount)
        return run_anchored(x, l, r, doc, d);
    for (si = 0; si < x->ss.n; si++) {
        size_t off = x->ss.v[si].start, end = x->ss.v[si].end;
        size_t floor = 0;
        int retries = 0;
        if (!x->ss.v[si].candidate)
            continue;
        while (off < end) {
            int rc = retries ? cc_rx_match_callout(&r->rx, &x->ctx, x->ctx.md, t, end, off,
                                                   PCRE2_NO_UTF_CHECK, after_floor, &floor)
                             : cc_rx_match(&r->rx, &x->ctx, x->ctx.md, t, end, off,
                                           PCRE2_NO_UTF_CHECK);
            PCRE2_SIZE *ov;
            cc_quantity q;
            if (rc == PCRE2_ERROR_NOMATCH)
                break;
            if (rc < 0) {
                limit_diag(d, doc, off, rc, "a claim pattern", r->file, r->line);
                return CC_ERR_LIMIT;
            }
            ov = pcre2_get_ovector_pointer(x->ctx.md);
            {
                size_t o0 = ov[0], o1 = ov[1];
                rc = take_match(x, l, r, doc, end, rc, &q, d);
                if (rc < -1)
                    return rc;
                if (rc == 0 && (!retries || q.start > floor) && retries < MAX_RETRIES) {
                    /* the same start, a later figure */
                    floor = q.start;
                    retries++;
                    continue;
                }
                floor = 0;
                retries = 0;
                off = o1 > o0 ? o1 : cc_utf8_next(t, o0, end);
            }
        }
    }
    return CC_OK;
}

static int run_context(cc_extractor *x, const cc_xrule *r, cc_doc *doc, cc_diags *d)
{
    size_t i;
    for (i = 0; i < x->q.n; i++) {
        const cc_quantity *q = &x->q.v[i];
        int ok;
        if (q->vague || q->conversion_of >= 0 || q->kind != r->qkind)
            continue;
        ok = keep(x, r, doc, q, 0, 0, d);
        if (ok < 0)
            return ok;
    }
    return CC_OK;
}

/* Same claim and figure: the same observation, found by two extractors.
 * The longer text (it holds the qualifier or unit the other missed) goes
 * first and is kept. */
static int cmp_hit_figure(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->x->claim_idx != y->x->claim_idx)
        return x->x->claim_idx < y->x->claim_idx ? -1 : 1;
    if (x->q.figure != y->q.figure)
        return x->q.figure < y->q.figure ? -1 : 1;
    if (x->q.end - x->q.start != y->q.end - y->q.start)
        return x->q.end - x->q.start > y->q.end - y->q.start ? -1 : 1;
    return x->q.start < y->q.start ? -1 : x->q.start > y->q.start;
}

/* The scope an article's date gives: "2024", "2024-Q4", "2024-10"; ""
 * for an undated article (compared within every dated scope of the claim,
 * see compare.c). Dates are checked YYYY-MM-DD when the front matter is
 * read (doc.c). Owned. */
static char *date_scope(const char *date, cc_scope_period p)
{
    char buf[16];
    int y = 0, m = 0, i;
    if (!date)
        return cc_strdup("");
    for (i = 0; i < 4 && date[i] >= '0' && date[i] <= '9'; i++)
        y = y * 10 + (date[i] - '0');
    if (i < 4)
        return cc_strdup("");
    if (date[4] == '-' && date[5] >= '0' && date[5] <= '9' && date[6] >= '0' && date[6] <= '9')
        m = (date[5] - '0') * 10 + (date[6] - '0');
    if (p == CC_SCOPE_YEAR || m < 1 || m > 12)
        snprintf(buf, sizeof buf, "%04d", y);
    else if (p == CC_SCOPE_QUARTER)
        snprintf(buf, sizeof buf, "%04d-Q%d", y, (m - 1) / 3 + 1);
    else
        snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    return cc_strdup(buf);
}

/* Text order, for the line map. */
static int cmp_hit_start(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->q.start != y->q.start)
        return x->q.start < y->q.start ? -1 : 1;
    return x->x->claim_idx < y->x->claim_idx ? -1 : x->x->claim_idx > y->x->claim_idx;
}

int cc_extract(cc_extractor *x, const cc_lang *l, cc_doc *doc, cc_obstab *out, cc_diags *d)
{
    const char *t = cc_doc_text(doc);
    size_t begin = cc_doc_body(doc), end = cc_doc_len(doc), i;
    long li = cc_ruleset_lang_index(x->rs, l);
    const cc_xlist *xl;
    int rc = CC_OK, worst = CC_OK;

    if (li < 0)
        return CC_ERR_INVALID;
    cc_ruleset_ready(x->rs, l);
    xl = &x->rs->bylang[li];
    if (xl->n == 0)
        return CC_OK;
    x->q.n = 0;
    x->nh = 0;
    if (cc_segment(&x->ss, l, t, begin, end) != 0)
        return CC_ERR_NOMEM;
    start_budget(x, doc);
    rc = scan_prefiltered(x, l, doc, d);
    x->ctx.deadline = 0;
    if (rc == CC_ERR_NOMEM)
        return rc;
    if (rc != CC_OK)
        worst = rc;
    for (i = 0; i < x->q.n; i++) {
        long s;
        if (x->q.v[i].vague || x->q.v[i].conversion_of >= 0)
            continue;
        s = cc_sent_of(&x->ss, x->q.v[i].start);
        if (s >= 0)
            x->ss.v[s].candidate = 1;
    }
    for (i = 0; i < xl->n; i++) {
        const cc_xrule *r = xl->v[i];
        start_budget(x, doc);
        rc = r->type == CC_X_PATTERN ? run_pattern(x, l, r, doc, d) : run_context(x, r, doc, d);
        x->ctx.deadline = 0;
        if (rc == CC_ERR_NOMEM)
            return rc;
        if (rc != CC_OK)
            worst = rc;
    }
    /* one observation per claim and figure; in text order */
    if (x->nh > 1) {
        size_t k = 0;
        qsort(x->h, x->nh, sizeof(hit), cmp_hit_figure);
        for (i = 0; i < x->nh; i++)
            if (k == 0 || x->h[k - 1].x->claim_idx != x->h[i].x->claim_idx ||
                x->h[k - 1].q.figure != x->h[i].q.figure)
                x->h[k++] = x->h[i];
        x->nh = k;
        qsort(x->h, x->nh, sizeof(hit), cmp_hit_start);
    }
    for (i = 0; i < x->nh; i++) {
        const hit *h = &x->h[i];
        cc_obs o;
        cc_loc loc;
        char *text, *scope = NULL, *context = NULL;
        int arc;
        memset(&o, 0, sizeof o);
        loc = cc_doc_loc(doc, h->q.start);
        o.claim = h->x->claim->id;
        if (h->x->claim->scope)
            o.scope = h->x->claim->scope;
        else if (h->scope_end > h->scope_start)
            o.scope = scope = cc_strndup(t + h->scope_start, h->scope_end - h->scope_start);
        else if (h->x->claim->scope_period)
            o.scope = scope = date_scope(cc_doc_meta_date(doc), h->x->claim->scope_period);
        else
            o.scope = "";
        o.file = cc_doc_path(doc);
        o.lang = l->code;
        text = cc_strndup(t + h->q.start, h->q.end - h->q.start);
        o.text = text;
        o.unit = h->q.unit ? h->q.unit : "";
        o.start = cc_doc_file_offset(doc, h->q.start);
        o.end = cc_doc_file_offset(doc, h->q.end);
        o.line = loc.line;
        o.column = loc.column;
        o.kind = h->q.kind;
        o.qual = h->q.qual;
        o.value = h->q.value;
        o.iv = h->q.iv;
        o.date = cc_doc_meta_date(doc) ? cc_doc_meta_date(doc) : "";
        {
            /* the sentence, cut to about 300 characters each side */
            long si = cc_sent_of(&x->ss, h->q.start);
            size_t ca = si >= 0 ? x->ss.v[si].start : h->q.start;
            size_t cb = si >= 0 && x->ss.v[si].end > h->q.end ? x->ss.v[si].end : h->q.end;
            size_t k, a = h->q.start, b = h->q.end;
            for (k = 0; k < CONTEXT_CHARS && a > ca; k++) {
                a--;
                while (a > ca && ((unsigned char)t[a] & 0xC0) == 0x80)
                    a--;
            }
            for (k = 0; k < CONTEXT_CHARS && b < cb; k++)
                b = cc_utf8_next(t, b, cb);
            if (x->no_context)
                a = b = h->q.start;
            context = cc_strndup(t + a, b - a);
            o.context = context;
            o.context_start = cc_doc_file_offset(doc, a);
        }
        arc = text && o.scope && context ? cc_obstab_add(out, &o) : CC_ERR_NOMEM;
        cc_free(text);
        cc_free(scope);
        cc_free(context);
        if (arc != CC_OK)
            return arc;
    }
    return worst;
}
