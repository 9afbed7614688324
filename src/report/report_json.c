/*
 * report_json.c: the machine-readable report (stage 7), schema in
 * docs/report-schema.md. Numbers are exact decimals; unbounded interval
 * ends are null.
 */
#include "report_priv.h"

#include "escape.h"
#include "obs_priv.h"
#include "run_priv.h"

#include <string.h>

static void camp_bounds(cc_buf *b, const cc_claimres *c, const cc_camp *cp)
{
    const cc_interval *lo, *hi;
    cc_camp_bounds(c, cp, &lo, &hi);
    cc_buf_puts(b, "\"low\": ");
    cc_json_bound(b, lo ? &lo->lo : NULL, !lo);
    cc_buf_puts(b, ", \"high\": ");
    cc_json_bound(b, hi ? &hi->hi : NULL, !hi);
}

static void write_reference(cc_buf *b, const cc_claim *cl)
{
    if (!cl || !cl->has_reference) {
        cc_buf_puts(b, "null");
        return;
    }
    cc_buf_puts(b, "{\"low\": ");
    cc_json_bound(b, &cl->reference.lo, cl->reference.lo_inf);
    cc_buf_puts(b, ", \"high\": ");
    cc_json_bound(b, &cl->reference.hi, cl->reference.hi_inf);
    cc_buf_puts(b, ", \"source\": ");
    cc_json_cstr(b, cl->reference_source);
    cc_buf_puts(b, ", \"date\": ");
    cc_json_cstr(b, cl->reference_date);
    cc_buf_putc(b, '}');
}

/* One side of a conversion at an exchange rate, as an object: the value
 * and unit of o (the figure as written, or converted), the rate, its day. */
static void conversion(cc_buf *b, const cc_robs *ro, const cc_obs *o)
{
    char v[CC_DEC_BUFSZ], rt[CC_DEC_BUFSZ];
    cc_buf_printf(b, "{\"value\": %s, \"unit\": ", cc_dec_format(v, o->value));
    cc_json_cstr(b, o->unit);
    cc_buf_printf(b, ", \"rate\": %s, \"rate_date\": ",
                  cc_dec_format(rt, cc_dec_from_double(ro->rate, 6)));
    cc_json_cstr(b, ro->rate_day);
    cc_buf_putc(b, '}');
}

void cc_json_claim(cc_buf *b, const cc_claimres *c, bool open)
{
    size_t i, k;
    char s[CC_DEC_BUFSZ];
    cc_buf_puts(b, "    {\"id\": ");
    cc_json_cstr(b, c->id);
    cc_buf_puts(b, ", \"scope\": ");
    if (c->scope && *c->scope)
        cc_json_cstr(b, c->scope);
    else
        cc_buf_puts(b, "null");
    cc_buf_printf(b, ", \"status\": \"%s\", \"unit\": ", cc_verdict_info_of(c->verdict)->name);
    cc_json_cstr(b, c->unit);
    cc_buf_puts(b, ", \"description\": ");
    cc_json_cstr(b, c->claim ? c->claim->description : NULL);
    cc_buf_printf(b, ", \"tolerance\": %s, \"articles\": %zu, \"baseline\": %s, \"reference\": ",
                  cc_dec_format(s, c->claim ? c->claim->tolerance : cc_dec_from_u64(0)),
                  c->narticles,
                  c->baseline == CC_BASELINE_NEW       ? "\"new\""
                  : c->baseline == CC_BASELINE_CHANGED ? "\"changed\""
                                                       : "null");
    write_reference(b, c->claim);
    cc_buf_puts(b, ",\n      \"camps\": [");
    for (k = 0; k < c->ncamps; k++) {
        const cc_camp *cp = &c->camps[k];
        cc_buf_printf(b, "%s{", k ? ", " : "");
        camp_bounds(b, c, cp);
        cc_buf_printf(b, ", \"articles\": %zu, \"observations\": %zu}", cp->narticles, cp->count);
    }
    cc_buf_puts(b, "],\n      \"disagreements\": [");
    for (k = 0; k < c->ndis; k++) {
        const cc_disagreement *d = &c->dis[k];
        cc_buf_printf(b, "%s{\"class\": \"%s\", \"camps\": [%u, %u], \"odd_one_out\": ",
                      k ? ", " : "", cc_class_name(d->cls), (unsigned)d->a, (unsigned)d->b);
        if (d->odd < 0) {
            cc_buf_puts(b, "null}");
            continue;
        }
        cc_buf_printf(b, "{\"camp\": %d, \"observations\": [", (int)d->odd);
        for (i = 0; i < c->camps[d->odd].count; i++)
            cc_buf_printf(b, "%s%zu", i ? ", " : "", c->camps[d->odd].first + i);
        cc_buf_puts(b, "]}}");
    }
    cc_buf_puts(b, "],\n      \"observations\": [\n");
    for (i = 0; i < c->nobs; i++) {
        const cc_robs *ro = &c->obs[i];
        uint32_t j;
        cc_buf_puts(b, "        ");
        cc_obs_write_json(b, ro->o, CC_OBS_JSON_OPEN);
        cc_buf_printf(b, ", \"camp\": %u, \"deviates\": %s, \"written\": ", (unsigned)ro->camp,
                      ro->deviates ? "true" : "false");
        if (ro->written)
            conversion(b, ro, ro->written);
        else
            cc_buf_puts(b, "null");
        cc_buf_puts(b, ", \"repeats\": [");
        for (j = 0; j < ro->nrepeats; j++)
            cc_buf_printf(b, "%s{\"line\": %u, \"column\": %u}", j ? ", " : "",
                          (unsigned)ro->repeats[j]->line, (unsigned)ro->repeats[j]->column);
        cc_buf_printf(b, "]}%s\n", i + 1 < c->nobs ? "," : "");
    }
    cc_buf_puts(b, open ? "      ]" : "      ]}");
}

int cc_report_json(cc_buf *b, const cc_report *r)
{
    size_t i, n = cc_result_count(r->result), scanned = 0, nobs = 0, nd, shown = 0, k = 0;
    for (i = 0; i < r->ninputs; i++)
        scanned += r->inputs[i].status == CC_INPUT_SCANNED;
    for (i = 0; i < n; i++)
        if (cc_report_shows(r, cc_result_get(r->result, i))) {
            nobs += cc_result_get(r->result, i)->nobs;
            shown++;
        }
    cc_buf_printf(b, "{\n  \"schema_version\": %d,\n  \"tool\": {\"name\": \"claimcheck\", \"version\": ",
                  CC_JSON_SCHEMA_VERSION);
    cc_json_cstr(b, cc_version());
    cc_buf_printf(b, "},\n  \"summary\": {\"claims\": %zu", shown);
    for (i = 0; i < CC_VERDICT__COUNT; i++)
        cc_buf_printf(b, ", \"%s\": %zu", CC_VERDICTS[i].name,
                      cc_report_count(r, CC_VERDICTS[i].verdict));
    cc_buf_printf(b,
                  ", \"observations\": %zu, \"articles_scanned\": %zu, \"articles_skipped\": %zu},"
                  "\n  \"baseline\": ",
                  nobs, scanned, r->ninputs - scanned);
    if (!r->baseline) {
        cc_buf_puts(b, "null");
    } else {
        cc_buf_printf(b, "{\"accepted\": %zu, \"stale\": [", cc_report_accepted(r));
        for (i = 0; i < r->nstale; i++) {
            cc_buf_printf(b, "%s{\"id\": ", i ? ", " : "");
            cc_json_cstr(b, r->stale[i].id);
            cc_buf_puts(b, ", \"scope\": ");
            if (*r->stale[i].scope)
                cc_json_cstr(b, r->stale[i].scope);
            else
                cc_buf_puts(b, "null");
            cc_buf_puts(b, ", \"unit\": ");
            cc_json_cstr(b, r->stale[i].unit);
            cc_buf_putc(b, '}');
        }
        cc_buf_puts(b, "]}");
    }
    cc_buf_puts(b, ",\n  \"claims\": [\n");
    for (i = 0; i < n; i++) {
        const cc_claimres *c = cc_result_get(r->result, i);
        if (!cc_report_shows(r, c))
            continue;
        cc_json_claim(b, c, false);
        cc_buf_puts(b, ++k < shown ? ",\n" : "\n");
        cc_buf_spill(b);
    }
    cc_buf_puts(b, "  ],\n  \"inputs\": [\n");
    for (i = 0; i < r->ninputs; i++) {
        cc_buf_puts(b, "    ");
        cc_input_write_json(b, &r->inputs[i], 0);
        cc_buf_puts(b, i + 1 < r->ninputs ? ",\n" : "\n");
        cc_buf_spill(b);
    }
    cc_buf_puts(b, "  ],\n  \"diagnostics\": [\n");
    nd = r->diags ? cc_diags_count(r->diags) : 0;
    for (i = 0; i < nd; i++) {
        cc_buf_puts(b, "    ");
        cc_diag_write_json(b, cc_diags_get(r->diags, i), 0);
        cc_buf_puts(b, i + 1 < nd ? ",\n" : "\n");
    }
    cc_buf_puts(b, "  ]\n}\n");
    return b->err ? CC_ERR_NOMEM : CC_OK;
}

int cc_report_jsonl(cc_buf *b, const cc_report *r)
{
    size_t i, j, n = cc_result_count(r->result);
    for (i = 0; i < n; i++) {
        const cc_claimres *c = cc_result_get(r->result, i);
        if (!cc_report_shows(r, c))
            continue;
        for (j = 0; j < c->nobs; j++) {
            const cc_robs *ro = &c->obs[j];
            /* the figure as written, as an archive holds it; a conversion
             * into the claim's currency beside it */
            cc_obs_write_json(b, ro->written ? ro->written : ro->o,
                              CC_OBS_JSON_RECORD | CC_OBS_JSON_OPEN);
            cc_buf_printf(b, ", \"status\": \"%s\", \"camp\": %u, \"deviates\": %s, \"repeats\": %u",
                          cc_verdict_info_of(c->verdict)->name, (unsigned)ro->camp,
                          ro->deviates ? "true" : "false", (unsigned)ro->nrepeats);
            if (ro->written) {
                cc_buf_puts(b, ", \"converted\": ");
                conversion(b, ro, ro->o);
            }
            cc_buf_puts(b, "}\n");
        }
        cc_buf_spill(b);
    }
    return b->err ? CC_ERR_NOMEM : CC_OK;
}
