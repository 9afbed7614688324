/*
 * report_junit.c: JUnit XML for CI dashboards: one test case per claim;
 * conflicts and deviations are failures listing every figure; single-source
 * claims pass (with --fail-on single they are failures); skipped articles
 * are errors of a test case of their own. Text is escaped for XML 1.0
 * (controls and bidi controls become a visible [U+XXXX]).
 */
#include "report_priv.h"

#include "escape.h"

#include <string.h>

static void xml(cc_buf *b, const char *s)
{
    cc_escape_markup(b, s, strlen(s), CC_MARKUP_XML);
}

int cc_report_junit(cc_buf *b, const cc_report *r)
{
    size_t i, j, n = cc_result_count(r->result), tests = 0, failures = 0, errors = 0;
    for (i = 0; i < n; i++) {
        const cc_claimres *c = cc_result_get(r->result, i);
        if (!cc_report_shows(r, c))
            continue;
        tests++;
        failures += cc_verdict_info_of(c->verdict)->fails;
    }
    for (i = 0; i < r->ninputs; i++)
        errors += r->inputs[i].status == CC_INPUT_SKIPPED;
    tests += errors;
    cc_buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<testsuites name=\"claimcheck\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\">\n"
                     "  <testsuite name=\"claimcheck\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"0\">\n",
                  tests, failures, errors, tests, failures, errors);
    for (i = 0; i < n; i++) {
        const cc_claimres *c = cc_result_get(r->result, i);
        const cc_verdict_info *vi = cc_verdict_info_of(c->verdict);
        cc_buf name = CC_BUF_INIT, msg = CC_BUF_INIT;
        if (!cc_report_shows(r, c))
            continue;
        cc_buf_puts(&name, c->id);
        if (c->scope && *c->scope)
            cc_buf_printf(&name, " [%s]", c->scope);
        cc_buf_printf(&name, " (%s)", c->unit ? c->unit : "");
        cc_buf_puts(b, "    <testcase classname=\"claimcheck.claims\" name=\"");
        xml(b, name.p);
        cc_buf_puts(b, "\"");
        if (!vi->fails) {
            cc_buf_puts(b, ">\n      <system-out>");
            cc_buf_printf(&msg, "%s: %zu article%s", vi->name, c->narticles,
                          c->narticles == 1 ? "" : "s");
            xml(b, msg.p);
            cc_buf_puts(b, "</system-out>\n    </testcase>\n");
        } else {
            if (vi->disagree) {
                cc_buf_puts(&msg, "the sources disagree: ");
                cc_fmt_camps(&msg, c);
            } else {
                cc_buf_printf(&msg, "%zu figure%s outside the reference", c->ndeviating,
                              c->ndeviating == 1 ? "" : "s");
            }
            cc_buf_printf(b, ">\n      <failure type=\"%s\" message=\"", vi->name);
            xml(b, msg.p);
            cc_buf_puts(b, "\">");
            for (j = 0; j < c->nobs; j++) {
                const cc_robs *ro = &c->obs[j];
                cc_buf line = CC_BUF_INIT;
                cc_buf_printf(&line, "%s:%u:%u: %s \"%s\" = ", ro->o->file, (unsigned)ro->o->line,
                              (unsigned)ro->o->column, ro->o->lang, ro->o->text);
                cc_fmt_figure(&line, ro->o);
                if (ro->deviates)
                    cc_buf_puts(&line, " (outside the reference)");
                cc_buf_putc(&line, '\n');
                xml(b, line.p);
                cc_buf_free(&line);
            }
            cc_buf_puts(b, "</failure>\n    </testcase>\n");
        }
        cc_buf_free(&name);
        cc_buf_free(&msg);
    }
    for (i = 0; i < r->ninputs; i++) {
        const cc_input *in = &r->inputs[i];
        if (in->status != CC_INPUT_SKIPPED)
            continue;
        cc_buf_puts(b, "    <testcase classname=\"claimcheck.inputs\" name=\"");
        xml(b, in->path);
        cc_buf_puts(b, "\">\n      <error type=\"skipped\" message=\"");
        xml(b, in->reason ? in->reason : "skipped");
        cc_buf_puts(b, "\"/>\n    </testcase>\n");
    }
    cc_buf_puts(b, "  </testsuite>\n</testsuites>\n");
    return b->err ? CC_ERR_NOMEM : CC_OK;
}
