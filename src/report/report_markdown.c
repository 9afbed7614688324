/*
 * report_markdown.c: the report as Markdown, for a pull-request comment.
 * Conflicts and deviations in full; agreements and single-source claims
 * folded in <details>. Article text is escaped for Markdown and HTML.
 */
#include "report_priv.h"

#include "escape.h"

#include <string.h>

/* Text for a table cell: Markdown and HTML specials escaped, line breaks
 * and dangerous code points made harmless. */
static void md(cc_buf *b, const char *s)
{
    cc_escape_markup(b, s, strlen(s), CC_MARKUP_MARKDOWN);
}

static void table(cc_buf *b, const cc_claimres *c, bool camps)
{
    size_t i;
    cc_buf_puts(b, camps ? "| camp | value | article | line:col | lang | as written |\n"
                           "|---|---|---|---|---|---|\n"
                         : "| value | article | line:col | lang | as written |\n"
                           "|---|---|---|---|---|\n");
    for (i = 0; i < c->nobs; i++) {
        const cc_robs *ro = &c->obs[i];
        cc_buf fig = CC_BUF_INIT;
        if (camps)
            cc_buf_printf(b, "| %u ", (unsigned)ro->camp + 1);
        cc_fmt_figure(&fig, ro->o);
        cc_buf_puts(b, "| ");
        md(b, fig.p ? fig.p : "");
        if (ro->deviates)
            cc_buf_puts(b, " (outside the reference)");
        cc_buf_free(&fig);
        cc_buf_puts(b, " | ");
        md(b, ro->o->file);
        cc_buf_printf(b, " | %u:%u | ", (unsigned)ro->o->line, (unsigned)ro->o->column);
        md(b, ro->o->lang);
        cc_buf_puts(b, " | ");
        md(b, ro->o->text);
        cc_buf_puts(b, " |\n");
    }
    cc_buf_putc(b, '\n');
}

static void heading(cc_buf *b, const cc_claimres *c)
{
    cc_buf_puts(b, "#### ");
    md(b, c->id);
    if (c->scope && *c->scope) {
        cc_buf_puts(b, " [");
        md(b, c->scope);
        cc_buf_putc(b, ']');
    }
    cc_buf_puts(b, " (");
    md(b, c->unit);
    cc_buf_putc(b, ')');
    if (c->baseline == CC_BASELINE_NEW)
        cc_buf_puts(b, ", new");
    else if (c->baseline == CC_BASELINE_CHANGED)
        cc_buf_puts(b, ", changed since the baseline");
    if (c->claim && c->claim->description) {
        cc_buf_puts(b, ": ");
        md(b, c->claim->description);
    }
    cc_buf_putc(b, '\n');
}

static void section(cc_buf *b, const cc_report *r, const cc_verdict_info *vi)
{
    cc_verdict v = vi->verdict;
    size_t i, n = cc_result_count(r->result), count = cc_report_count(r, v);
    if (!count)
        return;
    cc_buf_printf(b, "### %s (%zu)\n\n", vi->markdown_section, count);
    if (vi->markdown_fold)
        cc_buf_puts(b, "<details><summary>show</summary>\n\n");
    for (i = 0; i < n; i++) {
        const cc_claimres *c = cc_result_get(r->result, i);
        if (c->verdict != v || !cc_report_shows(r, c))
            continue;
        cc_buf_spill(b);
        heading(b, c);
        if (vi->disagree) {
            cc_buf fc = CC_BUF_INIT;
            cc_fmt_camps(&fc, c);
            cc_buf_puts(b, "\n**");
            md(b, fc.p ? fc.p : "");
            cc_buf_puts(b, "**\n\n");
            cc_buf_free(&fc);
        } else {
            cc_buf_putc(b, '\n');
        }
        if (cc_show_disagreements(c)) {
            size_t k;
            for (k = 0; k < c->ndis; k++) {
                cc_buf fd = CC_BUF_INIT;
                cc_fmt_disagreement(&fd, c, &c->dis[k]);
                cc_buf_puts(b, "- ");
                md(b, fd.p ? fd.p : "");
                cc_buf_putc(b, '\n');
                cc_buf_free(&fd);
            }
            cc_buf_putc(b, '\n');
        }
        table(b, c, vi->disagree);
    }
    if (vi->markdown_fold)
        cc_buf_puts(b, "</details>\n\n");
}

int cc_report_markdown(cc_buf *b, const cc_report *r)
{
    size_t i, scanned = 0, skipped = 0;
    for (i = 0; i < r->ninputs; i++) {
        if (r->inputs[i].status == CC_INPUT_SCANNED)
            scanned++;
        else
            skipped++;
    }
    cc_buf_puts(b, "## claimcheck: ");
    cc_fmt_counts(b, r, false);
    cc_buf_printf(b, " (%zu article%s scanned, %zu skipped)\n\n", scanned, scanned == 1 ? "" : "s",
                  skipped);
    for (i = 0; i < CC_VERDICT__COUNT; i++)
        section(b, r, &CC_VERDICTS[i]);
    if (skipped) {
        cc_buf_puts(b, "### Skipped articles\n\n");
        for (i = 0; i < r->ninputs; i++)
            if (r->inputs[i].status == CC_INPUT_SKIPPED) {
                cc_buf_puts(b, "- ");
                md(b, r->inputs[i].path);
                cc_buf_puts(b, ": ");
                md(b, r->inputs[i].reason ? r->inputs[i].reason : "skipped");
                cc_buf_putc(b, '\n');
            }
        cc_buf_putc(b, '\n');
    }
    if (r->baseline) {
        cc_buf_printf(b, "Baseline: %zu accepted conflict%s not shown", cc_report_accepted(r),
                      cc_report_accepted(r) == 1 ? "" : "s");
        if (r->nstale) {
            cc_buf_puts(b, "; stale entries (no longer occur):");
            for (i = 0; i < r->nstale; i++) {
                cc_buf_puts(b, i ? ", " : " ");
                md(b, r->stale[i].id);
            }
        }
        cc_buf_puts(b, ".\n");
    }
    return b->err ? CC_ERR_NOMEM : CC_OK;
}
