/*
 * report_common.c: what every report writer shares (stage 7): which claims
 * a report shows, counts, figures and camps for people, observations as
 * JSON. The layer below the writers: nothing here calls a writer or the
 * dispatcher (report.c).
 */
#include "report_priv.h"

#include "escape.h"

#include <string.h>

const cc_verdict_info CC_VERDICTS[CC_VERDICT__COUNT] = {
    {.verdict = CC_VERDICT_CONFLICT,
     .name = "conflict",
     .label = "CONFLICT",
     .color = "\033[1;31m", /* bold red */
     .html_color = "#d32f2f",
     .count = "conflict",
     .count_short = "conflict",
     .plural = true,
     .fails = true,
     .disagree = true,
     .sarif_level = "error",
     .github_level = "error",
     .github_title = "conflict in",
     .markdown_section = "Conflicts"},
    {.verdict = CC_VERDICT_SCALE_ERROR,
     .name = "scale_error",
     .label = "SCALE_ERROR",
     .color = "\033[1;31m", /* bold red */
     .html_color = "#b71c1c",
     .count = "scale error",
     .count_short = "scale error",
     .plural = true,
     .count_if_any = true,
     .fails = true,
     .disagree = true,
     .sarif_level = "error",
     .github_level = "error",
     .github_title = "scale error in",
     .markdown_section = "Scale errors"},
    {.verdict = CC_VERDICT_CURRENCY_MISMATCH,
     .name = "currency_mismatch",
     .label = "CURRENCY_MISMATCH",
     .color = "\033[1;31m", /* bold red */
     .html_color = "#ad1457",
     .count = "currency mismatch",
     .count_short = "currency mismatch",
     .plural = true,
     .count_if_any = true,
     .fails = true,
     .disagree = true,
     .sarif_level = "error",
     .github_level = "error",
     .github_title = "currency mismatch in",
     .markdown_section = "Currency mismatches"},
    {.verdict = CC_VERDICT_DEVIATES,
     .name = "deviates",
     .label = "DEVIATES",
     .color = "\033[1;31m", /* bold red */
     .html_color = "#ef6c00",
     .count = "deviating from the reference",
     .count_short = "deviating",
     .count_if_any = true,
     .fails = true,
     .sarif_level = "warning",
     .github_level = "warning",
     .github_title = "deviation in",
     .markdown_section = "Deviations from the reference"},
    {.verdict = CC_VERDICT_QUALIFIER,
     .name = "qualifier",
     .label = "QUALIFIER",
     .color = "\033[33m", /* yellow */
     .html_color = "#8d6e00",
     .count = "differing only in qualifiers",
     .count_short = "qualifier only",
     .count_if_any = true,
     .disagree = true,
     .markdown_section = "Differing only in qualifiers"},
    {.verdict = CC_VERDICT_FORECAST,
     .name = "forecast",
     .label = "FORECAST",
     .color = "\033[36m", /* cyan */
     .html_color = "#00838f",
     .count = "forecast",
     .count_short = "forecast",
     .plural = true,
     .count_if_any = true,
     .disagree = true,
     .markdown_section = "Forecasts against outcomes"},
    {.verdict = CC_VERDICT_UPDATE,
     .name = "update",
     .label = "UPDATE",
     .color = "\033[36m", /* cyan */
     .html_color = "#0277bd",
     .count = "updated over time",
     .count_short = "updated",
     .count_if_any = true,
     .disagree = true,
     .markdown_section = "Updates over time"},
    {.verdict = CC_VERDICT_AGREE,
     .name = "agree",
     .label = "AGREE",
     .color = "\033[32m", /* green */
     .html_color = "#388e3c",
     .count = "agree",
     .count_short = "agree",
     .markdown_section = "Agreements",
     .markdown_fold = true},
    {.verdict = CC_VERDICT_SINGLE,
     .name = "single",
     .label = "SINGLE",
     .color = "\033[33m", /* yellow */
     .html_color = "#f9a825",
     .count = "single-source",
     .count_short = "single-source",
     .markdown_section = "Single-source claims",
     .markdown_fold = true},
};

const cc_verdict_info *cc_verdict_info_of(cc_verdict v)
{
    return &CC_VERDICTS[(unsigned)v < CC_VERDICT__COUNT ? v : CC_VERDICT_SINGLE];
}

void cc_fmt_counts(cc_buf *b, const cc_report *r, bool brief)
{
    size_t i, n;
    bool first = true;
    for (i = 0; i < CC_VERDICT__COUNT; i++) {
        const cc_verdict_info *vi = &CC_VERDICTS[i];
        n = cc_report_count(r, vi->verdict);
        if (vi->count_if_any && !n)
            continue;
        cc_buf_printf(b, "%s%zu %s%s", first ? "" : ", ", n, brief ? vi->count_short : vi->count,
                      vi->plural && n != 1 ? "s" : "");
        first = false;
    }
}

bool cc_report_shows(const cc_report *r, const cc_claimres *c)
{
    return !(r->baseline && c->baseline == CC_BASELINE_ACCEPTED);
}

size_t cc_report_conflicts(const cc_report *r)
{
    size_t i, n = 0;
    for (i = 0; i < cc_result_count(r->result); i++) {
        const cc_claimres *c = cc_result_get(r->result, i);
        n += cc_verdict_info_of(c->verdict)->fails && cc_report_shows(r, c);
    }
    return n;
}

size_t cc_report_count(const cc_report *r, cc_verdict v)
{
    size_t i, n = 0;
    for (i = 0; i < cc_result_count(r->result); i++) {
        const cc_claimres *c = cc_result_get(r->result, i);
        n += c->verdict == v && cc_report_shows(r, c);
    }
    return n;
}

size_t cc_report_accepted(const cc_report *r)
{
    size_t i, n = 0;
    for (i = 0; i < cc_result_count(r->result); i++)
        n += !cc_report_shows(r, cc_result_get(r->result, i));
    return n;
}

void cc_camp_bounds(const cc_claimres *c, const cc_camp *cp, const cc_interval **lo,
                    const cc_interval **hi)
{
    size_t i;
    *lo = *hi = NULL;
    for (i = 0; i < cp->count; i++) {
        const cc_interval *iv = &c->obs[cp->first + i].o->iv;
        if (!iv->lo_inf && (!*lo || cc_dec_cmp(iv->lo, (*lo)->lo) > 0))
            *lo = iv;
        if (!iv->hi_inf && (!*hi || cc_dec_cmp(iv->hi, (*hi)->hi) < 0))
            *hi = iv;
    }
}

/* The symbols English news writes before an amount (CLDR's short symbols
 * for English); other currencies go by their code ("CHF 1.2 bn"). */
static const struct {
    char code[4];
    const char *sym;
} SYMBOLS[] = {{"USD", "$"},   {"EUR", "\u20ac"}, {"GBP", "\u00a3"}, {"JPY", "\u00a5"},
               {"CNY", "CN\u00a5"}, {"INR", "\u20b9"}, {"KRW", "\u20a9"}, {"BRL", "R$"},
               {"CAD", "CA$"}, {"AUD", "A$"},   {"HKD", "HK$"},   {"NZD", "NZ$"},
               {"TWD", "NT$"}, {"MXN", "MX$"},  {"ILS", "\u20aa"}};

static const char *symbol_of(const char *code)
{
    size_t i;
    for (i = 0; i < sizeof SYMBOLS / sizeof SYMBOLS[0]; i++)
        if (strcmp(SYMBOLS[i].code, code) == 0)
            return SYMBOLS[i].sym;
    return NULL;
}

/* One amount of o's kind and unit: "$13.75 bn", "CHF 1.2 bn", "20 %",
 * "500 m users", "1,500 employees". */
static void amount(cc_buf *b, cc_dec v, const cc_obs *o)
{
    char s[CC_DEC_BUFSZ];
    const char *word, *n = cc_dec_format_people(s, v, &word), *sym = NULL;
    const char *unit = o->unit && *o->unit ? o->unit : NULL;
    bool money = o->kind == CC_KIND_MONEY && unit;
    if (money && *n == '-') {
        cc_buf_putc(b, '-');
        n++;
    }
    if (money && (sym = symbol_of(unit)) != NULL) {
        cc_buf_puts(b, sym);
    } else if (money) {
        cc_escape_term(b, unit, strlen(unit), false);
        cc_buf_putc(b, ' ');
    }
    cc_buf_puts(b, n);
    if (word)
        cc_buf_printf(b, " %s", word);
    if (!unit || money)
        return;
    if (strcmp(unit, "percent") == 0) {
        cc_buf_puts(b, " %");
        return;
    }
    cc_buf_putc(b, ' ');
    cc_escape_term(b, unit, strlen(unit), false);
}

void cc_fmt_figure(cc_buf *b, const cc_obs *o)
{
    const cc_interval *iv = &o->iv;
    switch (o->qual) {
    case CC_Q_AT_LEAST: cc_buf_puts(b, "at least "); break;
    case CC_Q_MORE_THAN: cc_buf_puts(b, "more than "); break;
    case CC_Q_UP_TO: cc_buf_puts(b, "up to "); break;
    case CC_Q_LESS_THAN: cc_buf_puts(b, "less than "); break;
    case CC_Q_ABOUT: cc_buf_puts(b, "about "); break;
    case CC_Q_ALMOST: cc_buf_puts(b, "almost "); break;
    default: break;
    }
    if (o->qual == CC_Q_RANGE) {
        amount(b, iv->lo, o);
        cc_buf_puts(b, " to ");
        amount(b, iv->hi, o);
    } else {
        amount(b, o->value, o);
    }
    if (o->unit_inherited && o->unit && *o->unit)
        cc_buf_puts(b, " (unit implied)");
}

void cc_fmt_value(cc_buf *b, cc_dec v, const cc_claim *cl, const char *unit)
{
    cc_obs o;
    memset(&o, 0, sizeof o);
    o.kind = cl ? cl->kind : CC_KIND_NUMBER;
    o.unit = unit;
    amount(b, v, &o);
}

void cc_fmt_camps(cc_buf *b, const cc_claimres *c)
{
    size_t k;
    for (k = 0; k < c->ncamps; k++) {
        const cc_camp *cp = &c->camps[k];
        if (k)
            cc_buf_puts(b, " vs ");
        cc_fmt_figure(b, c->obs[cp->first].o);
        cc_buf_printf(b, " (%zu article%s)", cp->narticles, cp->narticles == 1 ? "" : "s");
    }
}

const char *cc_class_words(cc_class c)
{
    switch (c) {
    case CC_CLASS_ROUNDING: return "rounding (they agree)";
    case CC_CLASS_QUALIFIER: return "the same value, other qualifiers";
    case CC_CLASS_SCALE_ERROR: return "a power of ten apart: a probable scale slip";
    case CC_CLASS_CURRENCY_MISMATCH:
        return "the same number in another currency, which the day's rate does not reconcile";
    case CC_CLASS_UPDATE: return "an update over time";
    case CC_CLASS_FORECAST: return "a forecast (expected, planned, in talks) against the outcome";
    default: return "conflict";
    }
}

bool cc_show_disagreements(const cc_claimres *c)
{
    return c->ndis > 1 || (c->ndis == 1 && c->dis[0].cls != CC_CLASS_CONFLICT);
}

/* "500e6 users (2025-03-31) then 700e6 users (2025-09-24)": an update in
 * the order of its dates. */
static void fmt_update(cc_buf *b, const cc_claimres *c, const cc_disagreement *d)
{
    const char *alo, *ahi, *blo, *bhi;
    const cc_camp *x = &c->camps[d->a], *y = &c->camps[d->b];
    if (!cc_camp_dates(c, x, &alo, &ahi) || !cc_camp_dates(c, y, &blo, &bhi))
        alo = ahi = blo = bhi = ""; /* not an update then; said plainly */
    if (strcmp(blo, alo) < 0) {
        const cc_camp *t = x;
        const char *tl = alo, *th = ahi;
        x = y, alo = blo, ahi = bhi;
        y = t, blo = tl, bhi = th;
    }
    cc_fmt_figure(b, c->obs[x->rep].o);
    cc_buf_printf(b, " (%s%s%s) then ", alo, strcmp(alo, ahi) ? " to " : "",
                  strcmp(alo, ahi) ? ahi : "");
    cc_fmt_figure(b, c->obs[y->rep].o);
    cc_buf_printf(b, " (%s%s%s): an update over time", blo, strcmp(blo, bhi) ? " to " : "",
                  strcmp(blo, bhi) ? bhi : "");
}

/* A camp's representative: as written, with its conversion when it is
 * one ("1.8e9 EUR (1.952e9 USD)"). */
static void fmt_rep(cc_buf *b, const cc_claimres *c, const cc_camp *cp)
{
    const cc_robs *ro = &c->obs[cp->rep];
    if (!ro->written) {
        cc_fmt_figure(b, ro->o);
        return;
    }
    cc_fmt_figure(b, ro->written);
    cc_buf_puts(b, " (");
    cc_fmt_figure(b, ro->o);
    cc_buf_putc(b, ')');
}

void cc_fmt_disagreement(cc_buf *b, const cc_claimres *c, const cc_disagreement *d)
{
    if (d->cls == CC_CLASS_UPDATE) {
        fmt_update(b, c, d);
        return;
    }
    fmt_rep(b, c, &c->camps[d->a]);
    cc_buf_puts(b, " vs ");
    fmt_rep(b, c, &c->camps[d->b]);
    cc_buf_printf(b, ": %s", cc_class_words(d->cls));
    if (d->odd >= 0 && d->cls != CC_CLASS_ROUNDING) {
        const cc_camp *cp = &c->camps[d->odd];
        cc_buf_puts(b, d->cls == CC_CLASS_SCALE_ERROR || d->cls == CC_CLASS_CURRENCY_MISMATCH
                           ? "; the slip is probably "
                       : d->cls == CC_CLASS_FORECAST ? "; the forecast: "
                                                     : "; odd one out: ");
        fmt_rep(b, c, cp);
        cc_buf_printf(b, " (%zu article%s)", cp->narticles, cp->narticles == 1 ? "" : "s");
    }
}
