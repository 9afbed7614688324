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
#define C_GREEN "\033[32m"
#define C_YELLOW "\033[33m"
#define C_DIM "\033[2m"

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
    cc_fmt_figure(b, o);
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

static void write_claim(cc_buf *b, const cc_report *r, const cc_claimres *c)
{
    size_t k, i;
    const char *label = c->verdict == CC_VERDICT_CONFLICT ? "CONFLICT"
                        : c->verdict == CC_VERDICT_AGREE  ? "AGREE"
                                                          : "SINGLE";
    col(b, r, c->verdict == CC_VERDICT_CONFLICT ? C_RED
              : c->verdict == CC_VERDICT_AGREE  ? C_GREEN
                                                : C_YELLOW);
    cc_buf_puts(b, label);
    col(b, r, C_RESET);
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
    cc_buf_putc(b, '\n');
}

int cc_report_text(cc_buf *b, const cc_report *r)
{
    size_t i, n = cc_result_count(r->result), scanned = 0, skipped = 0;
    for (i = 0; i < n; i++)
        write_claim(b, r, cc_result_get(r->result, i));
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
    col(b, r, C_BOLD);
    cc_buf_printf(b, "%zu claim%s: %zu conflict%s, %zu agree, %zu single-source", n,
                  n == 1 ? "" : "s", cc_result_count_verdict(r->result, CC_VERDICT_CONFLICT),
                  cc_result_count_verdict(r->result, CC_VERDICT_CONFLICT) == 1 ? "" : "s",
                  cc_result_count_verdict(r->result, CC_VERDICT_AGREE),
                  cc_result_count_verdict(r->result, CC_VERDICT_SINGLE));
    if (r->inputs)
        cc_buf_printf(b, "; %zu article%s scanned, %zu skipped", scanned,
                      scanned == 1 ? "" : "s", skipped);
    col(b, r, C_RESET);
    cc_buf_putc(b, '\n');
    return b->err ? CC_ERR_NOMEM : CC_OK;
}
