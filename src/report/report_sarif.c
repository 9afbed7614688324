/*
 * report_sarif.c: SARIF 2.1.0 for code scanning. Every claim is a rule;
 * every conflict (error) and deviation (warning) is a result whose location
 * is the figure of the smallest camp (or the deviating figure), with every
 * observation of the claim, that one included, as a related location
 * whose message gives its value. Skipped inputs are error notifications
 * of the run's invocation. Columns count
 * Unicode code points (columnKind). Validated against the official schema
 * in the test suite.
 */
#include "report_priv.h"

#include "escape.h"

#include <string.h>

/* The end of the figure: the position after its last code point (regions
 * are counted in code points, like columns; a figure may wrap a line). */
static void end_of(const cc_obs *o, unsigned *line, unsigned *col)
{
    const unsigned char *p = (const unsigned char *)o->text;
    *line = (unsigned)o->line;
    *col = (unsigned)o->column;
    for (; *p; p++) {
        if (*p == '\n') {
            (*line)++;
            *col = 1;
        } else if ((*p & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

static void location(cc_buf *b, const cc_obs *o, int id, const char *msg)
{
    unsigned eline, ecol;
    end_of(o, &eline, &ecol);
    cc_buf_puts(b, "{");
    if (id >= 0)
        cc_buf_printf(b, "\"id\": %d, ", id);
    cc_buf_puts(b, "\"physicalLocation\": {\"artifactLocation\": {\"uri\": ");
    cc_json_cstr(b, o->file);
    cc_buf_printf(b, "}, \"region\": {\"startLine\": %u, \"startColumn\": %u, \"endLine\": %u, "
                     "\"endColumn\": %u, \"snippet\": {\"text\": ",
                  (unsigned)o->line, (unsigned)o->column, eline, ecol);
    cc_json_cstr(b, o->text);
    cc_buf_puts(b, "}}}");
    if (msg) {
        cc_buf_puts(b, ", \"message\": {\"text\": ");
        cc_json_cstr(b, msg);
        cc_buf_putc(b, '}');
    }
    cc_buf_putc(b, '}');
}

static void obs_msg(cc_buf *b, const cc_robs *ro)
{
    cc_buf_reset(b);
    cc_buf_puts(b, ro->o->lang);
    cc_buf_puts(b, ": \"");
    cc_buf_puts(b, ro->o->text);
    cc_buf_puts(b, "\" = ");
    cc_fmt_figure(b, ro->o);
    if (ro->deviates)
        cc_buf_puts(b, " (outside the reference)");
}

/* A claim is one rule, however many scopes or units it is reported in:
 * the rule index of result i is the number of distinct claim ids shown
 * before its id first is. Returns -1 when result i is not the first shown
 * result of its id, else its rule index. */
static long rule_of(const cc_report *r, size_t i, size_t *index)
{
    const char *id = cc_result_get(r->result, i)->id;
    size_t j, k, n = cc_result_count(r->result), distinct = 0;
    for (j = 0; j < n; j++) {
        const cc_claimres *d = cc_result_get(r->result, j);
        if (!cc_report_shows(r, d))
            continue;
        if (strcmp(d->id, id) == 0) {
            *index = distinct;
            return j == i ? (long)distinct : -1;
        }
        for (k = 0; k < j; k++)
            if (cc_report_shows(r, cc_result_get(r->result, k)) &&
                strcmp(cc_result_get(r->result, k)->id, d->id) == 0)
                break;
        if (k == j)
            distinct++;
    }
    return -1;
}

static void write_rules(cc_buf *b, const cc_report *r)
{
    size_t i, n = cc_result_count(r->result), k = 0, index = 0;
    for (i = 0; i < n; i++) {
        const cc_claimres *c = cc_result_get(r->result, i);
        if (!cc_report_shows(r, c) || rule_of(r, i, &index) < 0)
            continue;
        cc_buf_printf(b, "%s\n          {\"id\": ", k++ ? "," : "");
        cc_json_cstr(b, c->id);
        cc_buf_puts(b, ", \"name\": ");
        cc_json_cstr(b, c->id);
        cc_buf_puts(b, ", \"shortDescription\": {\"text\": ");
        cc_json_cstr(b, c->claim && c->claim->description ? c->claim->description : c->id);
        cc_buf_puts(b, "}, \"defaultConfiguration\": {\"level\": \"error\"}");
        if (c->claim) {
            cc_buf_puts(b, ", \"properties\": {\"rule_file\": ");
            cc_json_cstr(b, c->claim->file);
            cc_buf_printf(b, ", \"rule_line\": %u}", (unsigned)c->claim->line);
        }
        cc_buf_putc(b, '}');
    }
}

/* Skipped inputs, as the invocation's notifications: the analysis did not
 * cover them, so the run did not succeed. Nothing when none was skipped. */
static void write_skipped(cc_buf *b, cc_buf *msg, const cc_report *r)
{
    size_t i, k = 0;
    for (i = 0; i < r->ninputs; i++) {
        const cc_input *in = &r->inputs[i];
        if (in->status != CC_INPUT_SKIPPED)
            continue;
        cc_buf_puts(b, k++ ? ",\n        "
                           : ",\n    \"invocations\": [{\"executionSuccessful\": false, "
                             "\"toolExecutionNotifications\": [\n        ");
        cc_buf_puts(b, "{\"level\": \"error\", \"descriptor\": {\"id\": \"skipped\"}, "
                       "\"message\": {\"text\": ");
        cc_buf_reset(msg);
        cc_buf_printf(msg, "skipped: %s", in->reason ? in->reason : "not read");
        cc_json_cstr(b, msg->p ? msg->p : "skipped");
        cc_buf_puts(b, "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": "
                       "{\"uri\": ");
        cc_json_cstr(b, in->path);
        cc_buf_puts(b, "}}}]}");
    }
    if (k)
        cc_buf_puts(b, "]}]");
}

int cc_report_sarif(cc_buf *b, const cc_report *r)
{
    size_t i, j, n = cc_result_count(r->result), rule = 0, nres = 0;
    cc_buf msg = CC_BUF_INIT;
    cc_buf_puts(b, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                   "  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
                   "    \"tool\": {\"driver\": {\"name\": \"claimcheck\", \"version\": ");
    cc_json_cstr(b, cc_version());
    cc_buf_puts(b, ",\n        \"rules\": [");
    write_rules(b, r);
    cc_buf_puts(b, "]}},\n    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [");
    for (i = 0; i < n; i++) {
        const cc_claimres *c = cc_result_get(r->result, i);
        const cc_verdict_info *vi = cc_verdict_info_of(c->verdict);
        bool conflict = vi->disagree;
        const cc_robs *primary = NULL;
        size_t smallest = 0;
        if (!cc_report_shows(r, c) || !vi->sarif_level)
            continue;
        rule_of(r, i, &rule);
        if (conflict) {
            /* the odd one out: the first figure of the smallest camp */
            for (j = 1; j < c->ncamps; j++)
                if (c->camps[j].count < c->camps[smallest].count)
                    smallest = j;
            primary = &c->obs[c->camps[smallest].first];
        } else {
            for (j = 0; j < c->nobs && !primary; j++)
                if (c->obs[j].deviates)
                    primary = &c->obs[j];
        }
        cc_buf_reset(&msg);
        cc_buf_puts(&msg, c->id);
        if (c->scope && *c->scope)
            cc_buf_printf(&msg, " [%s]", c->scope);
        if (conflict) {
            cc_buf_puts(&msg, ": the sources disagree: ");
            cc_fmt_camps(&msg, c);
        } else {
            cc_buf_printf(&msg, ": %zu figure%s outside the reference", c->ndeviating,
                          c->ndeviating == 1 ? "" : "s");
        }
        cc_buf_printf(b, "%s\n      {\"ruleId\": ", nres++ ? "," : "");
        cc_json_cstr(b, c->id);
        cc_buf_printf(b, ", \"ruleIndex\": %zu, \"level\": \"%s\", \"message\": {\"text\": ", rule,
                      vi->sarif_level);
        cc_json_cstr(b, msg.p);
        cc_buf_puts(b, "},\n       \"locations\": [");
        location(b, primary->o, -1, NULL);
        cc_buf_puts(b, "],\n       \"relatedLocations\": [");
        for (j = 0; j < c->nobs; j++) {
            obs_msg(&msg, &c->obs[j]);
            if (j)
                cc_buf_puts(b, ",\n         ");
            location(b, c->obs[j].o, (int)j + 1, msg.p);
        }
        cc_buf_puts(b, "],\n       \"partialFingerprints\": {\"claimcheck/claim\": ");
        {
            cc_buf fp = CC_BUF_INIT;
            cc_buf_printf(&fp, "%s|%s|%s", c->id, c->scope ? c->scope : "", c->unit ? c->unit : "");
            cc_json_cstr(b, fp.p);
            cc_buf_free(&fp);
        }
        cc_buf_puts(b, "}}");
    }
    cc_buf_puts(b, "\n    ]");
    write_skipped(b, &msg, r);
    cc_buf_puts(b, "\n  }]\n}\n");
    if (msg.err && !b->err)
        b->err = msg.err;
    cc_buf_free(&msg);
    return b->err ? CC_ERR_NOMEM : CC_OK;
}
