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
 *
 * This file holds the extractor and the scan; the claim extractors run in
 * extract_claims.c (shared: extract_priv.h).
 */
#include "extract_priv.h"

#include "alloc.h"
#include "segment.h"
#include "uni.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ====================================================================
 * Extractor state
 * ==================================================================== */

/* Starts the time budget of one rule (or the scan) over doc. */
void cc_extract_start_budget(cc_extractor *x, const cc_doc *doc)
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

void cc_extractor_explain(cc_extractor *x, FILE *f)
{
    x->explain = f;
}

void cc_extractor_trace(cc_extractor *x, cc_trace_fn fn, void *ud)
{
    x->trace = fn;
    x->trace_ud = ud;
}

void cc_extractor_keep_context(cc_extractor *x, bool on)
{
    x->no_context = !on;
}

void cc_extractor_discover(cc_extractor *x, bool on)
{
    x->discover = on;
}

int cc_extractor_new(cc_extractor **out, const cc_ruleset *rs)
{
    cc_extractor *x = cc_calloc(1, sizeof *x);
    *out = NULL;
    if (!x)
        return CC_ERR_NOMEM;
    x->rs = rs;
    x->budget_ns = (uint64_t)CC_TIME_BUDGET_MS * 1000000u;
    x->forecast_id = rs->lf ? cc_ruleset_concept_index(rs, "forecast") : -1;
    x->talks_id = rs->lf ? cc_ruleset_concept_index(rs, "talks") : -1;
    x->anaphor_id = rs->lf ? cc_ruleset_concept_index(rs, "anaphor") : -1;
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
    cc_free(x->terms.v);
    cc_free(x->ents.v);
    cc_free(x->orgs.v);
    cc_free(x->gov);
    cc_free(x->figs);
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

void cc_extract_limit_diag(cc_diags *d, cc_doc *doc, size_t off, int rc, const char *what,
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
 * brackets right after an amount converts it; so does one after the pack's
 * conversion_marks ("18億ユーロ、日本円で2900億円", "23 miliard dolarů,
 * tedy v přepočtu asi 535 miliard Kč"). */
static void link_conversions(const cc_lang *l, cc_rxctx *c, const char *t, size_t end,
                             cc_qlist *q)
{
    size_t i;
    for (i = 1; i < q->n; i++) {
        cc_quantity *a = &q->v[i - 1], *b = &q->v[i];
        if (a->kind != CC_KIND_MONEY || b->kind != CC_KIND_MONEY || !a->unit || !b->unit ||
            strcmp(a->unit, b->unit) == 0 || a->conversion_of >= 0)
            continue;
        if ((opens_bracket(t, a->end, b->start) && closes_bracket(t, b->end, end)) ||
            cc_lang_marks_conversion(l, c, t, a->end, b->start, b->figure))
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
 * amount's scale and unit; one with its own scale ("从 1830 亿翻倍至 3500
 * 亿美元", "from 183 billion to 350 billion dollars") takes its unit. */
static void borrow_unit(const cc_lang *l, cc_rxctx *c, const char *t, cc_qlist *q)
{
    size_t i;
    for (i = 0; i + 1 < q->n; i++) {
        cc_quantity *x = &q->v[i];
        const cc_quantity *y = &q->v[i + 1];
        if (x->kind != CC_KIND_NUMBER || x->vague || x->conversion_of >= 0 ||
            y->kind == CC_KIND_NUMBER || !y->scaled || y->vague || y->start < x->end ||
            y->start - x->end > 24 || !cc_lang_shares_unit(l, c, t, x->end, y->start))
            continue;
        if (x->scaled) {
            x->kind = y->kind;
            x->unit = y->unit;
            x->inherited = true;
            continue;
        }
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
            cc_extract_limit_diag(d, doc, off, rc, "the quantity scanner", l->file, 1);
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
        link_conversions(l, &x->ctx, t, end, &view);
        borrow_unit(l, &x->ctx, t, &view);
        carry_unit(t, &view);
        for (i = first; i < out->n; i++)
            if (out->v[i].conversion_of >= 0)
                out->v[i].conversion_of += (long)first;
    }
    return CC_OK;
}

void cc_extract_check_conversions(cc_extractor *x, cc_doc *doc, cc_diags *d)
{
    const char *date = cc_doc_meta_date(doc), *t = cc_doc_text(doc);
    size_t i;
    if (!date || !*date || !cc_ruleset_fx_days(x->rs))
        return;
    for (i = 0; i < x->q.n; i++) {
        const cc_quantity *b = &x->q.v[i], *a;
        const char *day;
        double rate, want, got, off;
        char sa[CC_DEC_BUFSZ], sb[CC_DEC_BUFSZ], sw[CC_DEC_BUFSZ], sr[CC_DEC_BUFSZ];
        cc_loc loc;
        if (b->conversion_of < 0 || (size_t)b->conversion_of >= x->q.n)
            continue;
        a = &x->q.v[b->conversion_of];
        if (!a->unit || !b->unit || !cc_ruleset_fx(x->rs, a->unit, b->unit, date, &rate, &day))
            continue;
        want = cc_dec_to_double(a->value) * rate;
        got = cc_dec_to_double(b->value);
        if (!(want > 0) || !(got > 0))
            continue;
        off = got / want - 1;
        if (fabs(off) * 100 <= CC_FX_CONVERSION_OFF_PERCENT)
            continue;
        loc = cc_doc_loc(doc, b->start);
        cc_diags_add(d, CC_SEV_WARNING, CC_D_VALUE, cc_doc_path(doc), loc.line, loc.column,
                     cc_doc_file_offset(doc, b->start), NULL,
                     "check the figure and its currency against the source",
                     "\"%.*s\" converts %s %s into %s %s; at the rate of %s (%s) that is %s %s: "
                     "%.0f%% %s",
                     (int)(b->end - b->start), t + b->start, cc_dec_format_short(sa, a->value),
                     a->unit, cc_dec_format_short(sb, b->value), b->unit, day,
                     cc_dec_format(sr, cc_dec_from_double(rate, 6)),
                     cc_dec_format_short(sw, cc_dec_from_double(want, 4)), b->unit,
                     fabs(off) * 100, off > 0 ? "more" : "less");
    }
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
int cc_extract_scan_prefiltered(cc_extractor *x, const cc_lang *l, cc_doc *doc, cc_diags *d)
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
    cc_extract_start_budget(x, doc);
    rc = scan_range(x, l, doc, cc_doc_body(doc), cc_doc_len(doc), out, d);
    x->ctx.deadline = 0;
    return rc;
}

