/*
 * report_text.c: the report for people (stage 7, default format).
 *
 * Conflicts first, then agreements, then single-source claims. Each claim
 * lists its camps of values, and each observation with file:line:column,
 * language, the text as written and the normalized value. Colours only when
 * asked for (a terminal without NO_COLOR); article text is neutralised so
 * escape sequences and bidi controls cannot reach the terminal.
 */
#include "report_priv.h"

#include "escape.h"

#include <string.h>

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_DIM "\033[2m"

/* Pairs of camps a claim lists at most. */
#define TEXT_PAIRS 12

static void col(cc_buf *b, const cc_report *r, const char *c)
{
    if (r->color)
        cc_buf_puts(b, c);
}

static void term(cc_buf *b, const char *s)
{
    cc_escape_term(b, s, strlen(s), false);
}

static void write_obs(cc_buf *b, const cc_report *r, const cc_robs *ro)
{
    const cc_obs *o = ro->o;
    uint32_t i;
    cc_buf_puts(b, "    ");
    col(b, r, C_BOLD);
    term(b, o->file);
    cc_buf_printf(b, ":%u:%u", (unsigned)o->line, (unsigned)o->column);
    col(b, r, C_RESET);
    cc_buf_puts(b, "  ");
    term(b, o->lang);
    cc_buf_puts(b, "  \"");
    term(b, o->text);
    cc_buf_puts(b, "\"  = ");
    if (ro->written) {
        cc_fmt_figure(b, ro->written);
        cc_buf_puts(b, " = ");
    }
    cc_fmt_figure(b, o);
    if (ro->written) {
        char rt[CC_DEC_BUFSZ];
        cc_buf_printf(b, " at %s (%s)", cc_dec_format(rt, cc_dec_from_double(ro->rate, 6)),
                      ro->rate_day);
    }
    if (ro->deviates) {
        col(b, r, C_RED);
        cc_buf_puts(b, "  outside the reference");
        col(b, r, C_RESET);
    }
    if (ro->nrepeats) {
        col(b, r, C_DIM);
        cc_buf_puts(b, "  (again at line");
        if (ro->nrepeats > 1)
            cc_buf_putc(b, 's');
        for (i = 0; i < ro->nrepeats && i < 8; i++)
            cc_buf_printf(b, "%s %u", i ? "," : "", (unsigned)ro->repeats[i]->line);
        if (ro->nrepeats > 8)
            cc_buf_printf(b, " and %u more", (unsigned)(ro->nrepeats - 8));
        cc_buf_putc(b, ')');
        col(b, r, C_RESET);
    }
    cc_buf_putc(b, '\n');
}

void cc_text_claim(cc_buf *b, const cc_report *r, const cc_claimres *c)
{
    size_t k, i;
    const cc_verdict_info *vi = cc_verdict_info_of(c->verdict);
    col(b, r, vi->color);
    cc_buf_puts(b, vi->label);
    col(b, r, C_RESET);
    if (c->baseline == CC_BASELINE_NEW)
        cc_buf_puts(b, " (new)");
    else if (c->baseline == CC_BASELINE_CHANGED)
        cc_buf_puts(b, " (changed since the baseline)");
    cc_buf_puts(b, "  ");
    col(b, r, C_BOLD);
    term(b, c->id);
    col(b, r, C_RESET);
    if (c->scope && *c->scope) {
        cc_buf_puts(b, " [");
        term(b, c->scope);
        cc_buf_putc(b, ']');
    }
    if (c->unit && *c->unit) {
        cc_buf_puts(b, " (");
        term(b, c->unit);
        cc_buf_putc(b, ')');
    }
    cc_buf_printf(b, ", %zu article%s", c->narticles, c->narticles == 1 ? "" : "s");
    if (c->claim && c->claim->description) {
        cc_buf_puts(b, ": ");
        term(b, c->claim->description);
    }
    cc_buf_putc(b, '\n');
    if (c->claim && c->claim->kind == CC_KIND_MONEY && c->claim->currency && c->unit &&
        strcmp(c->unit, c->claim->currency) != 0)
        cc_buf_printf(b, "  not compared with the claim's %s figures: the rules have no exchange "
                         "rate for these articles' dates (rules/fx/)\n",
                      c->claim->currency);
    if (c->claim && c->claim->has_reference) {
        const cc_interval *ref = &c->claim->reference;
        cc_buf_puts(b, "  reference: ");
        if (!ref->lo_inf && !ref->hi_inf && cc_dec_cmp(ref->lo, ref->hi) == 0) {
            cc_fmt_value(b, ref->lo, c->claim, c->unit);
        } else {
            if (ref->lo_inf)
                cc_buf_puts(b, "-inf");
            else
                cc_fmt_value(b, ref->lo, c->claim, c->unit);
            cc_buf_puts(b, " to ");
            if (ref->hi_inf)
                cc_buf_puts(b, "inf");
            else
                cc_fmt_value(b, ref->hi, c->claim, c->unit);
        }
        if (c->claim->reference_source) {
            cc_buf_puts(b, " (");
            term(b, c->claim->reference_source);
            if (c->claim->reference_date) {
                cc_buf_puts(b, ", ");
                term(b, c->claim->reference_date);
            }
            cc_buf_putc(b, ')');
        }
        cc_buf_printf(b, "; %zu observation%s outside it\n", c->ndeviating,
                      c->ndeviating == 1 ? "" : "s");
    }
    for (k = 0; k < c->ncamps; k++) {
        const cc_camp *cp = &c->camps[k];
        if (c->ncamps > 1) {
            cc_buf_puts(b, "  ");
            col(b, r, C_BOLD);
            cc_fmt_figure(b, c->obs[cp->first].o);
            col(b, r, C_RESET);
            cc_buf_printf(b, " in %zu article%s\n", cp->narticles, cp->narticles == 1 ? "" : "s");
        }
        for (i = 0; i < cp->count; i++)
            write_obs(b, r, &c->obs[cp->first + i]);
    }
    if (cc_show_disagreements(c)) {
        /* the pairs with the camp most articles hold first: what disagrees
         * with the most sources */
        size_t shown = 0, pass;
        for (pass = 0; pass < 2; pass++)
            for (k = 0; k < c->ndis && shown < TEXT_PAIRS; k++) {
                const cc_disagreement *d = &c->dis[k];
                if ((d->a == c->top || d->b == c->top) != (pass == 0))
                    continue;
                cc_buf_puts(b, "  ~ ");
                cc_fmt_disagreement(b, c, d);
                cc_buf_putc(b, '\n');
                shown++;
            }
        if (c->ndis > shown)
            cc_buf_printf(b, "  ~ and %zu more pairs of camps (the JSON report has them all)\n",
                          c->ndis - shown);
    }
    cc_buf_putc(b, '\n');
}

int cc_report_text(cc_buf *b, const cc_report *r)
{
    size_t i, n = cc_result_count(r->result), shown = 0, scanned = 0, skipped = 0;
    for (i = 0; i < n; i++) {
        const cc_claimres *c = cc_result_get(r->result, i);
        if (!cc_report_shows(r, c))
            continue;
        cc_text_claim(b, r, c);
        shown++;
        cc_buf_spill(b);
    }
    for (i = 0; i < r->ninputs; i++) {
        if (r->inputs[i].status == CC_INPUT_SCANNED)
            scanned++;
        else
            skipped++;
    }
    if (skipped) {
        cc_buf_puts(b, "skipped:\n");
        for (i = 0; i < r->ninputs; i++)
            if (r->inputs[i].status == CC_INPUT_SKIPPED) {
                cc_buf_puts(b, "    ");
                term(b, r->inputs[i].path);
                cc_buf_puts(b, ": ");
                term(b, r->inputs[i].reason ? r->inputs[i].reason : "skipped");
                cc_buf_putc(b, '\n');
            }
        cc_buf_putc(b, '\n');
    }
    if (r->baseline) {
        cc_buf_printf(b, "baseline: %zu accepted conflict%s not shown", cc_report_accepted(r),
                      cc_report_accepted(r) == 1 ? "" : "s");
        if (r->nstale) {
            cc_buf_printf(b, "; %zu stale entr%s (no longer occur):\n", r->nstale,
                          r->nstale == 1 ? "y" : "ies");
            for (i = 0; i < r->nstale; i++) {
                cc_buf_puts(b, "    ");
                term(b, r->stale[i].id);
                if (*r->stale[i].scope) {
                    cc_buf_puts(b, " [");
                    term(b, r->stale[i].scope);
                    cc_buf_putc(b, ']');
                }
                cc_buf_puts(b, " (");
                term(b, r->stale[i].unit);
                cc_buf_puts(b, ")\n");
            }
        } else {
            cc_buf_puts(b, "; no stale entries\n");
        }
        cc_buf_putc(b, '\n');
    }
    col(b, r, C_BOLD);
    cc_buf_printf(b, "%zu claim%s: ", shown, shown == 1 ? "" : "s");
    cc_fmt_counts(b, r, false);
    if (r->inputs)
        cc_buf_printf(b, "; %zu article%s scanned, %zu skipped", scanned,
                      scanned == 1 ? "" : "s", skipped);
    col(b, r, C_RESET);
    cc_buf_putc(b, '\n');
    return b->err ? CC_ERR_NOMEM : CC_OK;
}
