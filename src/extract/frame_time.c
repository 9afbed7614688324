/*
 * frame_time.c: the time of a figure a frame takes (stage 4, frame.c's
 * helpers).
 *
 * In: a figure, its clause and sentence, the pack's months, quarters and
 * ago: words, the article's date. Out: the month and quarter the figure is
 * about, the scope its claim compares it within (period or window, fiscal
 * quarters and years), and whether on:/before: refuse it. docs/rules.md,
 * "Time", says the same for rule authors.
 */
#include "extract_priv.h"

#include <stdio.h>
#include <string.h>

/* The mention of a quarter or a month nearest to a figure. */
typedef struct nearest_q {
    const char *t;    /* NULL: distance in bytes; else clause marks count */
    uint32_t last;    /* the highest mark: 4 quarters, 12 months */
    size_t a, b;      /* the figure */
    size_t best;      /* distance of the nearest mention so far */
    size_t ma, mb;    /* its span */
    uint32_t mark;    /* its quarter or month; 0: none */
} nearest_q;

static void on_nearest(void *ud, uint32_t mark, size_t a, size_t b)
{
    nearest_q *n = ud;
    size_t d = cc_extract_mention_gap(n->t, n->a, n->b, a, b);
    if (mark >= 1 && mark <= n->last && d < n->best) {
        n->best = d;
        n->mark = mark;
        n->ma = a;
        n->mb = b;
    }
}

/* The quarter written nearest to figure i (1-4) in its clause, else in its
 * sentence when no other figure is nearer to it; 0 when none is. */
int cc_frame_quarter(cc_extractor *x, const cc_lang *l, const char *t, size_t i, size_t ca,
                     size_t cb, size_t sa, size_t sb)
{
    nearest_q n;
    memset(&n, 0, sizeof n);
    n.last = 4;
    n.a = x->q.v[i].start;
    n.b = x->q.v[i].end;
    n.best = SIZE_MAX;
    if (!l->quarters.code)
        return 0;
    if (cc_rx_each_mark(&l->quarters, &x->ctx, t, ca, cb, on_nearest, &n) < 0)
        return 0;
    if (n.mark)
        return (int)n.mark;
    if (cc_rx_each_mark(&l->quarters, &x->ctx, t, sa, sb, on_nearest, &n) < 0)
        return 0;
    if (n.mark && cc_extract_nearest_figure(x, NULL, i, n.ma, n.mb, sa, sb))
        return (int)n.mark;
    return 0;
}

/* Months since year 0 of a date "YYYY-MM...", or -1. */
static long month_of(const char *date)
{
    int y = 0, m, i;
    if (!date)
        return -1;
    for (i = 0; i < 4; i++) {
        if (date[i] < '0' || date[i] > '9')
            return -1;
        y = y * 10 + (date[i] - '0');
    }
    if (date[4] != '-' || date[5] < '0' || date[5] > '9' || date[6] < '0' || date[6] > '9')
        return -1;
    m = (date[5] - '0') * 10 + (date[6] - '0');
    return m >= 1 && m <= 12 ? (long)y * 12 + m - 1 : -1;
}

/* The nearest duration of months said to be past ("hace tres meses",
 * "four months ago", "4ヶ月前") to figure i in t[a, b): its months, with
 * its distance in *dist and span in *da, *db; 0 when none. */
static unsigned months_ago(cc_extractor *x, const cc_lang *l, const char *t, size_t i,
                           size_t a, size_t b, size_t *dist, size_t *da, size_t *db)
{
    const cc_quantity *q = &x->q.v[i];
    unsigned best = 0;
    size_t k;
    *dist = SIZE_MAX;
    for (k = cc_extract_first_q(x, a); k < x->q.n && x->q.v[k].start < b; k++) {
        const cc_quantity *o = &x->q.v[k];
        double v;
        size_t d;
        if (k == i || o->end > b || o->kind != CC_KIND_COUNT || o->vague || !o->unit ||
            strcmp(o->unit, "months") != 0)
            continue;
        v = cc_dec_to_double(o->value);
        if (v < 1 || v > 120 || v != (double)(unsigned)v)
            continue;
        d = cc_extract_mention_gap(t, q->start, q->end, o->start, o->end);
        if (d >= *dist || !cc_lang_says_ago(l, &x->ctx, t, a, o->start, o->end, b) ||
            (o->end <= q->start ? cc_lang_says_now(l, &x->ctx, t, o->end, q->start)
                                : cc_lang_says_now(l, &x->ctx, t, q->end, o->start)))
            continue;
        *dist = d;
        *da = o->start;
        *db = o->end;
        best = (unsigned)v;
    }
    return best;
}

/* The month figure i is about, in months since year 0, or -1 when none is
 * written: the month named nearest to it in its clause, else in its
 * sentence when no other figure is nearer to it ("im September", "en
 * marzo", "2025年9月"), of the year written (year, 0: none) or else the
 * last such month up to the article's date (news tells of the past: on
 * fixtures/real, taking the next one for a figure said as expected put two
 * past months a year late, "avaliado ... em setembro"); or a duration said
 * to be past ("four months ago", "4ヶ月前") counted back from the
 * article's date, when that is nearer. */
long cc_frame_month(cc_extractor *x, const cc_lang *l, cc_doc *doc, size_t i, size_t ca,
                    size_t cb, size_t sa, size_t sb, int year)
{
    const char *t = cc_doc_text(doc);
    long art = month_of(cc_doc_meta_date(doc));
    nearest_q n;
    unsigned ago;
    size_t dist = SIZE_MAX, da = 0, db = 0;
    memset(&n, 0, sizeof n);
    n.t = t;
    n.last = 12;
    n.a = x->q.v[i].start;
    n.b = x->q.v[i].end;
    n.best = SIZE_MAX;
    if (l->months.code && cc_rx_each_mark(&l->months, &x->ctx, t, ca, cb, on_nearest, &n) < 0)
        n.mark = 0;
    if (!n.mark && l->months.code &&
        cc_rx_each_mark(&l->months, &x->ctx, t, sa, sb, on_nearest, &n) < 0)
        n.mark = 0;
    if (n.mark && !cc_extract_nearest_figure(x, t, i, n.ma, n.mb, sa, sb))
        n.mark = 0;
    if (!n.mark)
        n.best = SIZE_MAX;
    ago = months_ago(x, l, t, i, ca, cb, &dist, &da, &db);
    if (!ago)
        ago = months_ago(x, l, t, i, sa, sb, &dist, &da, &db);
    if (ago && !cc_extract_nearest_figure(x, t, i, da, db, sa, sb))
        ago = 0;
    if (ago && dist < n.best)
        return art >= 0 ? art - (long)ago : -1;
    if (!n.mark)
        return -1;
    if (year > 0)
        return (long)year * 12 + (long)n.mark - 1;
    if (art < 0)
        return -1;
    {
        long m = art - art % 12 + (long)n.mark - 1;
        return m > art ? m - 12 : m;
    }
}

/* The scope of a figure a frame took: its period or window (docs/rules.md,
 * "Time"), "" when the time is unknown or the claim is an event. year is
 * the figure's, wrote_year whether the text says it; month the figure's
 * month (-1: none, the article's date stands for it); quarter the quarter
 * written (0: none). Quarters and years are the company's fiscal ones
 * (fiscal_year_end:; a fiscal year is named for the calendar year it ends
 * in): a quarter without its year is of the last year in which it has
 * begun by then ("the fourth quarter" reported in February is the year
 * before's; Nvidia's third quarter reported in November 2025 is of its
 * fiscal 2026), and a flow (time: period) with no quarter written is of
 * the last quarter that ended before the article's date. */
void cc_frame_scope(const cc_frame *f, cc_doc *doc, int year, bool wrote_year, int quarter,
                    long month, char *out, size_t n)
{
    long at = month >= 0 ? month : month_of(cc_doc_meta_date(doc)), off;
    int end = f->fiscal_end ? f->fiscal_end : 12;
    out[0] = '\0';
    if (f->time == CC_TIME_EVENT || year <= 0)
        return;
    off = at - end; /* months since the start of fiscal year 1 */
    switch (f->period) {
    case CC_SCOPE_QUARTER:
        if (quarter) {
            if (!wrote_year && at >= 0)
                year = (int)((off - 3 * (quarter - 1)) / 12) + 1;
            snprintf(out, n, "%04d-Q%d", year, quarter);
        } else if (at >= 0 && (!wrote_year || month >= 0)) {
            /* a flow the article's date stands for is of the last quarter
             * that has ended: results are reported after it */
            if (month < 0 && f->time == CC_TIME_PERIOD)
                off -= 3;
            snprintf(out, n, "%04d-Q%d", (int)(off / 12 + 1), (int)(off % 12 / 3 + 1));
        } else {
            snprintf(out, n, "%04d", year);
        }
        return;
    case CC_SCOPE_MONTH:
        if (at >= 0 && (!wrote_year || month >= 0))
            snprintf(out, n, "%04d-%02d", (int)(at / 12), (int)(at % 12 + 1));
        else
            snprintf(out, n, "%04d", year);
        return;
    default:
        if (at >= 0 && (!wrote_year || month >= 0))
            year = (int)(off / 12) + 1;
        snprintf(out, n, "%04d", year);
        return;
    }
}

/* Why the article's date (front matter, YYYY-MM-DD...) keeps frame f from
 * its figures: dated before the event (on:), or not before before:. An
 * undated article is refused by before: only, since it may be of any day. */
const char *cc_frame_date_refusal(const cc_frame *f, const char *date, long month, int year,
                                  char *why, size_t n)
{
    if (f->on[0] && date && strncmp(date, f->on, 10) < 0) {
        snprintf(why, n, "the article (%.10s) is older than the event (%s)", date, f->on);
        return why;
    }
    if (f->on[0] && month >= 0 && month < month_of(f->on)) {
        snprintf(why, n, "about %04ld-%02ld, before the event (%s)", month / 12, month % 12 + 1,
                 f->on);
        return why;
    }
    /* before: a figure written to be of a month (or a year) before the
     * date is, whenever the article tells of it */
    if (f->before[0] && month >= 0) {
        if (month < month_of(f->before))
            return NULL;
        snprintf(why, n, "about %04ld-%02ld, not before %s", month / 12, month % 12 + 1,
                 f->before);
        return why;
    }
    if (f->before[0] && year > 0 && month_of(f->before) >= 0 && year != month_of(f->before) / 12) {
        if (year < month_of(f->before) / 12)
            return NULL;
        snprintf(why, n, "about %d, not before %s", year, f->before);
        return why;
    }
    if (f->before[0] && (!date || strncmp(date, f->before, 10) >= 0)) {
        if (date)
            snprintf(why, n, "the article (%.10s) is not older than %s", date, f->before);
        else
            snprintf(why, n, "the article has no date: it may not be older than %s", f->before);
        return why;
    }
    return NULL;
}
