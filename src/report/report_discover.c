/*
 * report_discover.c: the candidates of claimcheck discover, for people
 * (text) and machines (JSON, docs/discover.md). Each candidate is shown as
 * the check report shows a claim (its camps, figures and disagreements),
 * with what it was grouped by, the known claim it holds and its draft rule.
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
        cc_buf_putc(b, '\n');
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

int cc_discovery_write(FILE *out, cc_format fmt, const cc_discovery *d, const cc_input *inputs,
                       size_t ninputs, size_t limit, bool color)
{
    cc_buf b = CC_BUF_INIT;
    cc_report r;
    size_t n = cc_discovery_count(d);
    int rc;
    if (fmt != CC_FMT_TEXT && fmt != CC_FMT_JSON)
        return CC_ERR_INVALID;
    if (limit && limit < n)
        n = limit;
    memset(&r, 0, sizeof r);
    r.inputs = inputs;
    r.ninputs = ninputs;
    r.color = color;
    b.limit = (size_t)1 << 34;
    b.sink = out;
    rc = fmt == CC_FMT_JSON ? write_json(&b, d, &r, n) : write_text(&b, d, &r, n);
    if (b.err)
        rc = b.err == -3 ? CC_ERR_IO : CC_ERR_NOMEM;
    if (rc == 0 && b.len && fwrite(b.p, 1, b.len, out) != b.len)
        rc = CC_ERR_IO;
    if (rc == 0 && fflush(out) != 0)
        rc = CC_ERR_IO;
    cc_buf_free(&b);
    return rc;
}
