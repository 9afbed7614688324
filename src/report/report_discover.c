/*
 * report_discover.c: the candidates of claimcheck discover, for people
 * (text, and an HTML triage page) and machines (JSON, docs/discover.md).
 * Each candidate is shown as the check report shows a claim (its camps,
 * figures and disagreements), with what it was grouped by, the known claim
 * it holds and its draft rule (on the page, with a button that copies it).
 */
#include "report_priv.h"

#include "escape.h"

#include <string.h>

static void text_candidate(cc_buf *b, const cc_report *r, const cc_candidate *c, size_t rank)
{
    const char *p;
    cc_buf_printf(b, "#%zu  ", rank);
    cc_text_claim(b, r, c->res);
    /* cc_text_claim ended with an empty line: the candidate's own lines
     * go before it */
    if (b->len && b->p[b->len - 1] == '\n')
        b->p[--b->len] = '\0';
    cc_buf_puts(b, "  grouped by: ");
    cc_escape_term(b, c->head, strlen(c->head), false);
    if (c->of[0]) {
        cc_buf_puts(b, " of ");
        cc_escape_term(b, c->of, strlen(c->of), false);
    }
    if (c->entities[0]) {
        cc_buf_puts(b, ", organisations ");
        cc_escape_term(b, c->entities, strlen(c->entities), false);
    }
    if (c->modifiers[0]) {
        cc_buf_puts(b, ", with ");
        cc_escape_term(b, c->modifiers, strlen(c->modifiers), false);
    }
    if (c->year)
        cc_buf_printf(b, ", year %d", c->year);
    cc_buf_putc(b, '\n');
    if (c->known) {
        cc_buf_puts(b, "  known claim: ");
        cc_escape_term(b, c->known, strlen(c->known), false);
        cc_buf_printf(b, " (it took %zu of these %zu figures)\n", c->nknown, c->nfigures);
    }
    cc_buf_puts(b, "  draft rule:\n");
    for (p = c->draft; *p;) {
        size_t l = strcspn(p, "\n");
        cc_buf_puts(b, "    ");
        cc_escape_term(b, p, l, false);
        cc_buf_putc(b, '\n');
        p += l + (p[l] == '\n');
    }
    cc_buf_putc(b, '\n');
}

static void json_words(cc_buf *b, const char *s)
{
    bool first = true;
    cc_buf_putc(b, '[');
    while (*s) {
        size_t l = strcspn(s, " ");
        cc_buf_puts(b, first ? "\"" : ", \"");
        cc_escape_json(b, s, l);
        cc_buf_putc(b, '"');
        first = false;
        s += l + (s[l] == ' ');
    }
    cc_buf_putc(b, ']');
}

static void json_candidate(cc_buf *b, const cc_candidate *c, size_t rank, bool last)
{
    cc_json_claim(b, c->res, true);
    cc_buf_printf(b, ",\n      \"rank\": %zu, \"head\": ", rank);
    cc_json_cstr(b, c->head);
    cc_buf_puts(b, ", \"of\": ");
    cc_json_cstr(b, c->of[0] ? c->of : NULL);
    cc_buf_puts(b, ", \"entities\": ");
    json_words(b, c->entities);
    cc_buf_puts(b, ", \"modifiers\": ");
    json_words(b, c->modifiers);
    if (c->year)
        cc_buf_printf(b, ", \"year\": %d", c->year);
    else
        cc_buf_puts(b, ", \"year\": null");
    cc_buf_puts(b, ", \"known_claim\": ");
    cc_json_cstr(b, c->known);
    cc_buf_printf(b, ", \"known_figures\": %zu, \"figures\": %zu", c->nknown, c->nfigures);
    cc_buf_puts(b, ",\n      \"draft\": ");
    cc_json_cstr(b, c->draft);
    cc_buf_printf(b, "}%s\n", last ? "" : ",");
}

static int write_text(cc_buf *b, const cc_discovery *d, const cc_report *r, size_t n)
{
    size_t i, scanned = 0;
    for (i = 0; i < n; i++) {
        text_candidate(b, r, cc_discovery_get(d, i), i + 1);
        cc_buf_spill(b);
    }
    for (i = 0; i < r->ninputs; i++)
        scanned += r->inputs[i].status == CC_INPUT_SCANNED;
    for (i = 0; i < r->ninputs; i++)
        if (r->inputs[i].status == CC_INPUT_SKIPPED) {
            cc_buf_puts(b, "skipped: ");
            cc_escape_term(b, r->inputs[i].path, strlen(r->inputs[i].path), false);
            cc_buf_puts(b, ": ");
            cc_escape_term(b, r->inputs[i].reason ? r->inputs[i].reason : "skipped",
                           strlen(r->inputs[i].reason ? r->inputs[i].reason : "skipped"), false);
            cc_buf_putc(b, '\n');
        }
    cc_buf_printf(b, "%zu candidate%s", n, n == 1 ? "" : "s");
    if (n < cc_discovery_count(d))
        cc_buf_printf(b, " shown of %zu", cc_discovery_count(d));
    cc_buf_printf(b, "; %zu article%s scanned, %zu skipped\n", scanned, scanned == 1 ? "" : "s",
                  r->ninputs - scanned);
    return 0;
}

static int write_json(cc_buf *b, const cc_discovery *d, const cc_report *r, size_t n)
{
    size_t i, scanned = 0, k = 0;
    for (i = 0; i < r->ninputs; i++)
        scanned += r->inputs[i].status == CC_INPUT_SCANNED;
    cc_buf_printf(b, "{\n  \"schema_version\": %d,\n  \"tool\": {\"name\": \"claimcheck\", "
                     "\"version\": ",
                  CC_JSON_SCHEMA_VERSION);
    cc_json_cstr(b, cc_version());
    cc_buf_printf(b, "},\n  \"summary\": {\"candidates\": %zu, \"shown\": %zu, "
                     "\"articles_scanned\": %zu, \"articles_skipped\": %zu},\n",
                  cc_discovery_count(d), n, scanned, r->ninputs - scanned);
    cc_buf_puts(b, "  \"skipped\": [");
    for (i = 0; i < r->ninputs; i++)
        if (r->inputs[i].status == CC_INPUT_SKIPPED) {
            cc_buf_puts(b, k++ ? ", {\"path\": " : "{\"path\": ");
            cc_json_cstr(b, r->inputs[i].path);
            cc_buf_puts(b, ", \"reason\": ");
            cc_json_cstr(b, r->inputs[i].reason);
            cc_buf_putc(b, '}');
        }
    cc_buf_puts(b, "],\n  \"candidates\": [\n");
    for (i = 0; i < n; i++) {
        json_candidate(b, cc_discovery_get(d, i), i + 1, i + 1 == n);
        cc_buf_spill(b);
    }
    cc_buf_puts(b, "  ]\n}\n");
    return 0;
}

static void h(cc_buf *b, const char *s)
{
    cc_escape_markup(b, s ? s : "", s ? strlen(s) : 0, CC_MARKUP_HTML);
}

/* The page's one script: the copy buttons (the clipboard API where the
 * page may use it, else a selection and the copy command). */
static const char COPY_JS[] =
    "document.addEventListener('click',function(e){"
    "var id=e.target.getAttribute&&e.target.getAttribute('data-copy');if(!id)return;"
    "var pre=document.getElementById(id),t=pre.textContent;"
    "function done(){e.target.textContent='copied';}"
    "if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(t).then(done);"
    "return;}"
    "var r=document.createRange();r.selectNodeContents(pre);var s=window.getSelection();"
    "s.removeAllRanges();s.addRange(r);if(document.execCommand('copy'))done();});";

static void html_candidate(cc_buf *b, const cc_candidate *c, size_t rank)
{
    const cc_claimres *r = c->res;
    const cc_verdict_info *vi = cc_verdict_info_of(r->verdict);
    size_t k, i;
    cc_buf_printf(b, "<section class=\"claim\" id=\"c%zu\" style=\"border-left-color:%s\">"
                     "<h2>#%zu <span class=\"badge\" style=\"background:%s\">",
                  rank, vi->html_color, rank, vi->html_color);
    h(b, vi->label);
    cc_buf_puts(b, "</span>");
    h(b, c->id);
    cc_buf_printf(b, "</h2><p class=\"desc\">%zu article%s; grouped by ", c->narticles,
                  c->narticles == 1 ? "" : "s");
    h(b, c->head);
    if (c->of[0]) {
        cc_buf_puts(b, " of ");
        h(b, c->of);
    }
    if (c->entities[0]) {
        cc_buf_puts(b, ", organisations ");
        h(b, c->entities);
    }
    if (c->modifiers[0]) {
        cc_buf_puts(b, ", with ");
        h(b, c->modifiers);
    }
    if (c->year)
        cc_buf_printf(b, ", year %d", c->year);
    if (c->known) {
        cc_buf_puts(b, "; known claim <b>");
        h(b, c->known);
        cc_buf_printf(b, "</b> (it took %zu of these %zu figures)", c->nknown, c->nfigures);
    }
    cc_buf_puts(b, "</p>");
    if (r->ncamps > 1) {
        cc_buf_puts(b, "<p class=\"camps\">");
        {
            cc_buf camps = CC_BUF_INIT;
            cc_fmt_camps(&camps, r);
            h(b, camps.p);
            cc_buf_free(&camps);
        }
        cc_buf_puts(b, "</p>");
    }
    cc_buf_puts(b, "<table><tr><th>figure</th><th>where</th><th>lang</th><th>sentence</th></tr>");
    for (k = 0; k < r->ncamps; k++)
        for (i = 0; i < r->camps[k].count; i++) {
            const cc_obs *o = r->obs[r->camps[k].first + i].o;
            cc_buf fig = CC_BUF_INIT;
            cc_fmt_figure(&fig, o);
            cc_buf_puts(b, "<tr class=\"obs\"><td>");
            h(b, fig.p);
            cc_buf_free(&fig);
            cc_buf_puts(b, "</td><td class=\"loc\">");
            h(b, o->file);
            cc_buf_printf(b, ":%u:%u</td><td>", (unsigned)o->line, (unsigned)o->column);
            h(b, o->lang);
            cc_buf_puts(b, "</td><td>");
            cc_html_sentence(b, o);
            cc_buf_puts(b, "</td></tr>");
        }
    cc_buf_printf(b, "</table><details><summary>draft rule</summary>"
                     "<button type=\"button\" data-copy=\"draft%zu\">copy</button>"
                     "<pre id=\"draft%zu\">",
                  rank, rank);
    h(b, c->draft);
    cc_buf_puts(b, "</pre></details></section>\n");
}

static int write_html(cc_buf *b, const cc_discovery *d, const cc_report *r, size_t n)
{
    size_t i, scanned = 0;
    for (i = 0; i < r->ninputs; i++)
        scanned += r->inputs[i].status == CC_INPUT_SCANNED;
    cc_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                   "<title>claimcheck discover</title><style>");
    cc_buf_puts(b, cc_html_css);
    cc_buf_puts(b, "pre{background:#f5f5f5;padding:8px;overflow:auto}"
                   "tr.obs td:first-child{white-space:nowrap}</style></head><body>"
                   "<header><h1>claimcheck discover</h1><div class=\"counts\">");
    cc_buf_printf(b, "<span>%zu candidate%s", cc_discovery_count(d),
                  cc_discovery_count(d) == 1 ? "" : "s");
    if (n < cc_discovery_count(d))
        cc_buf_printf(b, " (the first %zu shown)", n);
    cc_buf_printf(b,
                  "</span><span>%zu article%s scanned, %zu skipped</span></div></header>"
                  "<main>\n",
                  scanned, scanned == 1 ? "" : "s", r->ninputs - scanned);
    for (i = 0; i < r->ninputs; i++)
        if (r->inputs[i].status == CC_INPUT_SKIPPED) {
            cc_buf_puts(b, "<p class=\"dev\">skipped: ");
            h(b, r->inputs[i].path);
            cc_buf_puts(b, ": ");
            h(b, r->inputs[i].reason ? r->inputs[i].reason : "skipped");
            cc_buf_puts(b, "</p>\n");
        }
    for (i = 0; i < n; i++) {
        html_candidate(b, cc_discovery_get(d, i), i + 1);
        cc_buf_spill(b);
    }
    cc_buf_printf(b, "</main><script>%s</script></body></html>\n", COPY_JS);
    return 0;
}

int cc_discovery_write(FILE *out, cc_format fmt, const cc_discovery *d, const cc_input *inputs,
                       size_t ninputs, size_t limit, bool color)
{
    cc_buf b;
    cc_report r;
    size_t n = cc_discovery_count(d);
    int rc;
    if (fmt != CC_FMT_TEXT && fmt != CC_FMT_JSON && fmt != CC_FMT_HTML)
        return CC_ERR_INVALID;
    if (limit && limit < n)
        n = limit;
    memset(&r, 0, sizeof r);
    r.inputs = inputs;
    r.ninputs = ninputs;
    r.color = color;
    cc_report_start(&b, out);
    rc = fmt == CC_FMT_JSON   ? write_json(&b, d, &r, n)
         : fmt == CC_FMT_HTML ? write_html(&b, d, &r, n)
                              : write_text(&b, d, &r, n);
    return cc_report_finish(&b, out, rc);
}
