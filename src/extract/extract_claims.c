/*
 * extract_claims.c: running the claim extractors (stage 4, the verbatim
 * "Claims" section of extract.c).
 *
 * In: an article already scanned for quantities (extract.c), its language
 * pack and the claim extractors of that language. Out: observations
 * (cc_extract): each hit's figure, scope, context and year checked, the
 * figures of one claim ordered and de-duplicated into the cc_obstab.
 */
#include "extract_priv.h"

#include "alloc.h"
#include "segment.h"
#include "uni.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
/* Characters of context kept on each side of a figure. */
#define CONTEXT_CHARS 300

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
        if (rc == PCRE2_ERROR_NOMATCH) {
            x->why = i;
            x->why_near = 1;
            return 0;
        }
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
        if (rc >= 0) {
            x->why = i;
            x->why_near = 0;
            return 0;
        }
        if (rc != PCRE2_ERROR_NOMATCH)
            return rc;
    }
    return 1;
}

void cc_extract_refused(cc_extractor *x, const cc_xrule *r, const char *t, const cc_quantity *q,
                        const char *fmt, ...)
{
    char why[256], *fig;
    va_list ap;
    if (!x->trace)
        return;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    fig = cc_strndup(t + q->start, q->end - q->start);
    x->trace(x->trace_ud, r->claim->id, fig ? fig : "", why);
    cc_free(fig);
}

/* The scanned quantity starting at off, or NULL. */
size_t cc_extract_first_q(const cc_extractor *x, size_t off)
{
    size_t lo = 0, hi = x->q.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->q.v[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static const cc_quantity *scanned_at(const cc_extractor *x, size_t off, long *idx)
{
    size_t lo = cc_extract_first_q(x, off);
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
    found = cc_lang_nearest_year(r->lang, &x->ctx, t, lo, hi, q->start, q->end, &year, &rel,
                                 NULL, NULL);
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
    if (!found) {
        /* nothing written: a dated article tells of its own year (on the
         * development set, fixtures/real, this kept every right figure and
         * dropped a third of the wrong ones) */
        if (cc_doc_year(doc) && cc_doc_year(doc) != r->year)
            return 0;
        return !r->year_required;
    }
    return year == r->year;
}

/* Adds a hit unless the quantity cannot stand for the claim: vague amounts,
 * bracketed conversions, the wrong kind. A figure in another currency than
 * the claim's is replaced by its bracketed conversion when there is one.
 * Returns 1 added, 0 refused, CC_ERR_NOMEM. */
int cc_extract_add_hit(cc_extractor *x, const cc_xrule *r, const cc_quantity *q, size_t ss,
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
    if (q->vague || !kind_fits(c, q)) {
        if (!q->vague)
            cc_extract_refused(x, r, x->text, q, "kind: a %s, not a %s", cc_kind_name(q->kind),
                               cc_kind_name(c->kind));
        return 0;
    }
    if (c->nunits) {
        size_t k;
        for (k = 0; k < c->nunits; k++)
            if (q->unit && strcmp(q->unit, c->units[k]) == 0)
                break;
        if (k == c->nunits) {
            /* "500 million employees" is not a user count */
            cc_extract_refused(x, r, x->text, q, "unit: '%s' is not one of the claim's units",
                               q->unit ? q->unit : "");
            return 0;
        }
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
    memset(h, 0, sizeof *h);
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
    if (ok == 0)
        cc_extract_refused(x, r, cc_doc_text(doc), q, "%s: its %s pattern %zu (%s:%u)",
                           x->why_near ? "near" : "not_near",
                           x->why_near ? "near" : "not_near", x->why + 1, r->file,
                           (unsigned)r->line);
    if (ok == 1) {
        ok = year_ok(x, r, doc, q);
        if (ok == 0)
            cc_extract_refused(x, r, cc_doc_text(doc), q,
                               "time: the year nearest to it is not %d (%s:%u)", r->year,
                               r->file, (unsigned)r->line);
    }
    if (ok < 0) {
        cc_extract_limit_diag(d, doc, q->start, ok, "a near/not_near pattern", r->file, r->line);
        return CC_ERR_LIMIT;
    }
    if (ok == 1)
        ok = cc_extract_add_hit(x, r, q, tmp.scope_start, tmp.scope_end);
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
                cc_extract_limit_diag(d, doc, sq->end, rc, "a claim pattern", r->file, r->line);
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
                cc_extract_limit_diag(d, doc, starts[k], rc, "a claim pattern", r->file, r->line);
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
                cc_extract_limit_diag(d, doc, off, rc, "a claim pattern", r->file, r->line);
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
void cc_extract_date_scope(const char *date, cc_scope_period p, char *out, size_t n)
{
    int y = 0, m = 0, i;
    out[0] = '\0';
    if (!date)
        return;
    for (i = 0; i < 4 && date[i] >= '0' && date[i] <= '9'; i++)
        y = y * 10 + (date[i] - '0');
    if (i < 4)
        return;
    if (date[4] == '-' && date[5] >= '0' && date[5] <= '9' && date[6] >= '0' && date[6] <= '9')
        m = (date[5] - '0') * 10 + (date[6] - '0');
    if (p == CC_SCOPE_YEAR || m < 1 || m > 12)
        snprintf(out, n, "%04d", y);
    else if (p == CC_SCOPE_QUARTER)
        snprintf(out, n, "%04d-Q%d", y, (m - 1) / 3 + 1);
    else
        snprintf(out, n, "%04d-%02d", y, m);
}

static char *date_scope(const char *date, cc_scope_period p)
{
    char buf[16];
    cc_extract_date_scope(date, p, buf, sizeof buf);
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

/* Marks the sentences that hold a scanned figure (not a vague amount, not
 * a conversion in brackets): claim patterns only run on those. */
static void mark_candidates(cc_extractor *x)
{
    size_t i;
    for (i = 0; i < x->q.n; i++) {
        long s;
        if (x->q.v[i].vague || x->q.v[i].conversion_of >= 0)
            continue;
        s = cc_sent_of(&x->ss, x->q.v[i].start);
        if (s >= 0)
            x->ss.v[s].candidate = 1;
    }
}

/* One hit per claim and figure; in text order. */
static void dedupe_hits(cc_extractor *x)
{
    size_t i;
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
}

/* The context of quantity q in text t: its sentence, cut to about 300
 * characters each side (nothing with no_context); *start gets where it
 * begins. Owned: free with cc_free; NULL when out of memory. */
static char *hit_context(const cc_extractor *x, const char *t, const cc_quantity *q,
                         size_t *start)
{
    long si = cc_sent_of(&x->ss, q->start);
    size_t ca = si >= 0 ? x->ss.v[si].start : q->start;
    size_t cb = si >= 0 && x->ss.v[si].end > q->end ? x->ss.v[si].end : q->end;
    size_t k, a = q->start, b = q->end;
    for (k = 0; k < CONTEXT_CHARS && a > ca; k++) {
        a--;
        while (a > ca && ((unsigned char)t[a] & 0xC0) == 0x80)
            a--;
    }
    for (k = 0; k < CONTEXT_CHARS && b < cb; k++)
        b = cc_utf8_next(t, b, cb);
    if (x->no_context)
        a = b = q->start;
    *start = a;
    return cc_strndup(t + a, b - a);
}

/* Completes o (its claim and scope set) with quantity q of doc and adds
 * it to out. */
static int write_obs(const cc_extractor *x, const cc_lang *l, cc_doc *doc, const cc_quantity *q,
                     cc_obs *o, cc_figctx *fig, cc_obstab *out)
{
    const char *t = cc_doc_text(doc);
    cc_loc loc = cc_doc_loc(doc, q->start);
    char *text = cc_strndup(t + q->start, q->end - q->start), *context;
    size_t a;
    int rc;
    o->file = cc_doc_path(doc);
    o->lang = l->code;
    o->text = text;
    o->unit = q->unit ? q->unit : "";
    o->start = cc_doc_file_offset(doc, q->start);
    o->end = cc_doc_file_offset(doc, q->end);
    o->line = loc.line;
    o->column = loc.column;
    o->kind = q->kind;
    o->qual = q->qual;
    o->value = q->value;
    o->iv = q->iv;
    o->unit_inherited = q->inherited;
    o->forecast = cc_extract_forecast(x, t, q);
    o->date = cc_doc_meta_date(doc) ? cc_doc_meta_date(doc) : "";
    context = hit_context(x, t, q, &a);
    o->context = context;
    o->context_start = cc_doc_file_offset(doc, a);
    if (context && fig && fig->alone) {
        /* an example must be the whole sentence, not a cut of it */
        long si = cc_sent_of(&x->ss, q->start);
        fig->alone = si >= 0 && a == x->ss.v[si].start &&
                     a + strlen(context) >= x->ss.v[si].end;
    }
    o->fig = fig;
    rc = text && context ? cc_obstab_add(out, o) : CC_ERR_NOMEM;
    cc_free(text);
    cc_free(context);
    return rc;
}

/* Names of the concepts or entities ids[0..n) (sorted by name), one
 * space between, into b. */
static void names_of(const cc_ruleset *rs, const uint32_t *ids, unsigned n, bool ents, cc_buf *b)
{
    const char *v[CC_FIG_MAX], *tmp;
    unsigned k, j;
    for (k = 0; k < n; k++) {
        v[k] = ents ? rs->entities[ids[k]].id : rs->concepts[ids[k]].name;
        for (j = k; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
            tmp = v[j];
            v[j] = v[j - 1];
            v[j - 1] = tmp;
        }
    }
    for (k = 0; k < n; k++) {
        if (k)
            cc_buf_putc(b, ' ');
        cc_buf_puts(b, v[k]);
    }
}

/* A figure for claimcheck discover: an observation of no claim ("") with
 * what the packs read around it. */
static int write_figure(const cc_extractor *x, const cc_lang *l, cc_doc *doc, const cc_fig *f,
                        cc_obstab *out)
{
    cc_buf e = CC_BUF_INIT, m = CC_BUF_INIT;
    cc_figctx fc;
    cc_obs o;
    int rc;
    memset(&o, 0, sizeof o);
    memset(&fc, 0, sizeof fc);
    o.claim = "";
    o.scope = "";
    fc.head = x->rs->concepts[f->head].name;
    fc.of = f->of >= 0 ? x->rs->concepts[f->of].name : "";
    names_of(x->rs, f->ents, f->nents, true, &e);
    names_of(x->rs, f->mods, f->nmods, false, &m);
    fc.entities = e.err ? NULL : e.p ? e.p : "";
    fc.modifiers = m.err ? NULL : m.p ? m.p : "";
    fc.year = f->year;
    fc.alone = f->alone;
    fc.topic = f->topic;
    rc = fc.entities && fc.modifiers ? write_obs(x, l, doc, &x->q.v[f->qi], &o, &fc, out)
                                     : CC_ERR_NOMEM;
    cc_buf_free(&e);
    cc_buf_free(&m);
    return rc;
}

/* Slightly long on purpose: the steps of one article in order (segment,
 * scan, mark, run the claims, dedupe, write observations); each step is a
 * call already. */
int cc_extract(cc_extractor *x, const cc_lang *l, cc_doc *doc, cc_obstab *out, cc_diags *d)
{
    const char *t = cc_doc_text(doc);
    size_t begin = cc_doc_body(doc), end = cc_doc_len(doc), i;
    long li = cc_ruleset_lang_index(x->rs, l);
    const cc_xlist *xl;
    int rc = CC_OK, worst = CC_OK;

    if (li < 0)
        return CC_ERR_INVALID;
    x->text = t;
    cc_ruleset_ready(x->rs, l);
    xl = &x->rs->bylang[li];
    x->nfigs = 0;
    if (xl->n == 0 && !x->discover)
        return CC_OK;
    x->q.n = 0;
    x->nh = 0;
    x->governed = false;
    x->orgs_found = false;
    if (cc_segment(&x->ss, l, t, begin, end) != 0)
        return CC_ERR_NOMEM;
    cc_extract_start_budget(x, doc);
    rc = cc_extract_scan_prefiltered(x, l, doc, d);
    x->ctx.deadline = 0;
    if (rc == CC_ERR_NOMEM)
        return rc;
    if (rc != CC_OK)
        worst = rc;
    cc_extract_check_conversions(x, doc, d);
    mark_candidates(x);
    for (i = 0; i < xl->n; i++) {
        const cc_xrule *r = xl->v[i];
        if (r->type == CC_X_FRAME)
            continue;
        cc_extract_start_budget(x, doc);
        rc = r->type == CC_X_PATTERN ? run_pattern(x, l, r, doc, d) : run_context(x, r, doc, d);
        x->ctx.deadline = 0;
        if (rc == CC_ERR_NOMEM)
            return rc;
        if (rc != CC_OK)
            worst = rc;
    }
    cc_extract_start_budget(x, doc);
    rc = cc_extract_frames(x, l, xl, doc, d);
    x->ctx.deadline = 0;
    if (rc == CC_ERR_NOMEM)
        return rc;
    if (rc != CC_OK)
        worst = rc;
    dedupe_hits(x);
    for (i = 0; i < x->nh; i++) {
        const hit *h = &x->h[i];
        char *scope = NULL;
        cc_obs o;
        memset(&o, 0, sizeof o);
        o.claim = h->x->claim->id;
        if (h->framed && (h->x->claim->timed || (!h->x->claim->scope &&
                                                  !h->x->claim->scope_period)))
            o.scope = h->fscope;
        else if (h->x->claim->scope)
            o.scope = h->x->claim->scope;
        else if (h->scope_end > h->scope_start)
            o.scope = scope = cc_strndup(t + h->scope_start, h->scope_end - h->scope_start);
        else if (h->x->claim->scope_period)
            o.scope = scope = date_scope(cc_doc_meta_date(doc), h->x->claim->scope_period);
        else
            o.scope = "";
        rc = o.scope ? write_obs(x, l, doc, &h->q, &o, NULL, out) : CC_ERR_NOMEM;
        cc_free(scope);
        if (rc != CC_OK)
            return rc;
    }
    for (i = 0; i < x->nfigs; i++)
        if ((rc = write_figure(x, l, doc, &x->figs[i], out)) != CC_OK)
            return rc;
    return worst;
}
