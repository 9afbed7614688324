/*
 * report_github.c: GitHub Actions workflow commands: one annotation per
 * observation of a conflict or a deviation (warning), at its file, line
 * and column, then a notice with the summary. In a conflict, the figures
 * of the camp most articles agree on are notices and the others errors, so
 * the odd one out is what a pull request's diff shows in red; with no such
 * majority every figure is an error. Each skipped input is a warning on
 * its file. Values are escaped
 * as the workflow-command syntax requires (%, CR, LF; and : , in
 * properties), so article text cannot inject commands.
 */
#include "report_priv.h"

#include "escape.h"

#include <string.h>

static void esc(cc_buf *b, const char *s, bool property)
{
    cc_buf t = CC_BUF_INIT;
    const char *p;
    /* neutralise controls and bidi first, then the command syntax */
    cc_escape_term(&t, s, strlen(s), true);
    for (p = t.p ? t.p : ""; *p; p++) {
        if (*p == '%')
            cc_buf_puts(b, "%25");
        else if (*p == '\r')
            cc_buf_puts(b, "%0D");
        else if (*p == '\n')
            cc_buf_puts(b, "%0A");
        else if (property && *p == ':')
            cc_buf_puts(b, "%3A");
        else if (property && *p == ',')
            cc_buf_puts(b, "%2C");
        else
            cc_buf_putc(b, *p);
    }
    cc_buf_free(&t);
}

/* The camp more articles hold than any other, or -1. */
static long majority(const cc_claimres *c)
{
    size_t k;
    long best = -1;
    bool tie = false;
    for (k = 0; k < c->ncamps; k++) {
        if (best < 0 || c->camps[k].narticles > c->camps[best].narticles) {
            best = (long)k;
            tie = false;
        } else if (c->camps[k].narticles == c->camps[best].narticles) {
            tie = true;
        }
    }
    return tie ? -1 : best;
}

int cc_report_github(cc_buf *b, const cc_report *r)
{
    size_t i, j, n = cc_result_count(r->result);
    for (i = 0; i < n; i++) {
        const cc_claimres *c = cc_result_get(r->result, i);
        const cc_verdict_info *vi = cc_verdict_info_of(c->verdict);
        bool conflict = vi->disagree;
        cc_buf camps = CC_BUF_INIT, title = CC_BUF_INIT;
        if (!vi->github_level || !cc_report_shows(r, c))
            continue;
        long maj = conflict ? majority(c) : -1;
        cc_fmt_camps(&camps, c);
        cc_buf_printf(&title, "claimcheck: %s %s", vi->github_title, c->id);
        for (j = 0; j < c->nobs; j++) {
            const cc_robs *ro = &c->obs[j];
            cc_buf fig = CC_BUF_INIT;
            if (!conflict && !ro->deviates)
                continue;
            cc_fmt_figure(&fig, ro->o);
            cc_buf_printf(b, "::%s file=",
                          maj >= 0 && (long)ro->camp == maj ? "notice" : vi->github_level);
            esc(b, ro->o->file, true);
            cc_buf_printf(b, ",line=%u,col=%u,title=", (unsigned)ro->o->line,
                          (unsigned)ro->o->column);
            esc(b, title.p ? title.p : "", true);
            cc_buf_puts(b, "::\"");
            esc(b, ro->o->text, false);
            cc_buf_puts(b, "\" = ");
            esc(b, fig.p ? fig.p : "", false);
            if (conflict) {
                cc_buf_puts(b, "; the sources disagree: ");
                esc(b, camps.p ? camps.p : "", false);
            } else {
                cc_buf_puts(b, "; outside the claim's reference");
            }
            cc_buf_putc(b, '\n');
            cc_buf_free(&fig);
        }
        cc_buf_free(&camps);
        cc_buf_free(&title);
    }
    /* a skipped input is an error in the run, but not in the file's text */
    for (i = 0; i < r->ninputs; i++) {
        if (r->inputs[i].status != CC_INPUT_SKIPPED)
            continue;
        cc_buf_puts(b, "::warning file=");
        esc(b, r->inputs[i].path, true);
        cc_buf_puts(b, ",title=claimcheck%3A skipped::skipped: ");
        esc(b, r->inputs[i].reason ? r->inputs[i].reason : "not read", false);
        cc_buf_putc(b, '\n');
    }
    cc_buf_puts(b, "::notice title=claimcheck::");
    cc_fmt_counts(b, r, true);
    cc_buf_putc(b, '\n');
    return b->err ? CC_ERR_NOMEM : CC_OK;
}
