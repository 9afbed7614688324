/*
 * report_html.c: one self-contained HTML page (no network, no external
 * files): a summary; per claim an inline SVG number line with every
 * source's value or interval, coloured by camp, conflicts highlighted; every
 * observation with its sentence and the figure marked; filters by status
 * and language (a small inline script; the page reads fine without it, and
 * the URL fragment #status=conflict&lang=hu presets the filters).
 *
 * All article text is HTML-escaped; bidi and control characters are shown
 * as &#x...; and never applied. Coordinates are integers, so the output
 * does not depend on the locale.
 */
#include "report_priv.h"

#include "alloc.h"
#include "escape.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const PALETTE[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b",
                                      "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"};
#define NPALETTE (sizeof PALETTE / sizeof PALETTE[0])

static void h(cc_buf *b, const char *s, size_t n)
{
    cc_escape_markup(b, s, n, CC_MARKUP_HTML);
}

static void hs(cc_buf *b, const char *s)
{
    h(b, s ? s : "", s ? strlen(s) : 0);
}

const char cc_html_css[] =
    "body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}"
    "header{background:#263238;color:#fff;padding:16px 24px}"
    "header h1{margin:0 0 4px;font-size:20px}"
    ".counts span{display:inline-block;margin-right:14px}"
    "#filters{padding:10px 24px;background:#eceff1;border-bottom:1px solid #cfd8dc}"
    "#filters label{margin-right:12px;white-space:nowrap}"
    "main{padding:8px 24px 40px}"
    "section.claim{background:#fff;border:1px solid #ddd;border-left:6px solid #90a4ae;"
    "margin:14px 0;padding:10px 14px;border-radius:4px}"
    ".badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px;"
    "font-weight:bold;margin-right:8px;vertical-align:middle}"
    "h2{font-size:16px;margin:4px 0}"
    ".desc{color:#555}.camps{font-weight:bold;margin:4px 0}"
    "table{border-collapse:collapse;width:100%;margin-top:6px}"
    "td,th{border-top:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}"
    "th{font-size:12px;color:#666}"
    "mark{background:#ffe082;padding:0 2px;border-radius:2px}"
    ".sw{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px}"
    ".loc{font-family:ui-monospace,monospace;font-size:12px;white-space:nowrap}"
    ".ctl{font-family:monospace;font-size:11px;background:#eee;color:#900}"
    ".dev{color:#d32f2f;font-weight:bold}"
    "[hidden]{display:none!important}"
    "svg text{font:11px system-ui,sans-serif;fill:#444}";

static const char JS[] =
    "(function(){"
    "var boxes=document.querySelectorAll('#filters input');"
    "function apply(){"
    "var st={},lg={};"
    "boxes.forEach(function(b){(b.dataset.kind==='status'?st:lg)[b.value]=b.checked;});"
    "document.querySelectorAll('section.claim').forEach(function(s){"
    "var any=false;"
    "s.querySelectorAll('tr.obs').forEach(function(r){"
    "var ok=lg[r.dataset.lang]!==false;r.hidden=!ok;if(ok)any=true;});"
    "s.hidden=!(st[s.dataset.status]!==false&&any);});"
    "var n=document.querySelectorAll('section.claim:not([hidden])').length;"
    "document.getElementById('shown').textContent=n;}"
    "var h=location.hash.slice(1);"
    "if(h){var q={};h.split('&').forEach(function(kv){var p=kv.split('=');"
    "q[p[0]]=(p[1]||'').split(',');});"
    "boxes.forEach(function(b){var w=q[b.dataset.kind];"
    "if(w)b.checked=w.indexOf(b.value)>=0;});}"
    "boxes.forEach(function(b){b.addEventListener('change',apply);});"
    "apply();})();";

/* Finite bounds of an interval as doubles; inf for unbounded. */
static void bounds(const cc_interval *iv, double *lo, double *hi)
{
    *lo = iv->lo_inf ? -INFINITY : cc_dec_to_double(iv->lo);
    *hi = iv->hi_inf ? INFINITY : cc_dec_to_double(iv->hi);
}

/* The number line: one row per observation, a dot for a figure, a bar for
 * an interval (an arrow where it is unbounded), the reference as a band. */
/* A row of the number line: an observation and its article's date. */
typedef struct dated {
    const char *date;
    size_t i;
} dated;

/* By date, then as they were. */
static int by_date(const void *pa, const void *pb)
{
    const dated *a = pa, *b = pb;
    int c = strcmp(a->date, b->date);
    return c ? c : a->i < b->i ? -1 : a->i > b->i;
}

/* Long on purpose: one SVG drawn top to bottom over shared coordinates. */
static void number_line(cc_buf *b, const cc_claimres *c)
{
    const int W = 760, L = 170, R = 20, ROW = 20, TOP = 26;
    int plot = W - L - R, height = TOP + ROW * (int)c->nobs + 24;
    double mn = INFINITY, mx = -INFINITY, lo, hi;
    size_t i;
    dated *row = cc_malloc((c->nobs + 1) * sizeof *row);
    bool logscale, *odd = cc_calloc(c->ncamps + 1, sizeof *odd);
    cc_buf tick = CC_BUF_INIT;

    if (!row || !odd) {
        cc_free(row);
        cc_free(odd);
        b->err = 1;
        return;
    }
    /* rows: by camp, or for an update by date (a timeline) */
    for (i = 0; i < c->nobs; i++) {
        row[i].i = i;
        row[i].date = c->obs[i].o->date ? c->obs[i].o->date : "";
    }
    if (c->verdict == CC_VERDICT_UPDATE)
        qsort(row, c->nobs, sizeof *row, by_date);
    /* the odd ones out of every disagreement but a rounding */
    for (i = 0; i < c->ndis; i++)
        if (c->dis[i].odd >= 0 && c->dis[i].cls != CC_CLASS_ROUNDING)
            odd[c->dis[i].odd] = true;

    for (i = 0; i < c->nobs; i++) {
        bounds(&c->obs[i].o->iv, &lo, &hi);
        if (isfinite(lo) && lo < mn)
            mn = lo;
        if (isfinite(hi) && hi > mx)
            mx = hi;
        if (isfinite(lo) && lo > mx)
            mx = lo;
        if (isfinite(hi) && hi < mn)
            mn = hi;
    }
    if (c->claim && c->claim->has_reference) {
        bounds(&c->claim->reference, &lo, &hi);
        if (isfinite(lo) && lo < mn)
            mn = lo;
        if (isfinite(hi) && hi > mx)
            mx = hi;
    }
    if (!isfinite(mn) || !isfinite(mx)) {
        mn = 0;
        mx = 1;
    }
    /* values more than ten times apart: a log scale */
    logscale = mn > 0 && mx / mn > 10;
    if (logscale) {
        mn = log10(mn);
        mx = log10(mx);
    }
    if (mx - mn <= fabs(mx) * 1e-9) { /* all the same: a window of +-10% */
        double w = fabs(mx) > 0 ? fabs(mx) * 0.1 : 1;
        mn -= w;
        mx += w;
    } else {
        double pad = (mx - mn) * 0.08;
        mn -= pad;
        mx += pad;
    }
#define X(v) (L + (int)(((logscale ? log10((v) > 0 ? (v) : 1e-300) : (v)) - mn) / (mx - mn) * plot + 0.5))
    cc_buf_printf(b, "<svg class=\"line\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                     "role=\"img\" aria-label=\"number line of the figures\">",
                  W, height, W, height);
    cc_buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", L,
                  height - 18, W - R, height - 18);
    if (c->claim && c->claim->has_reference) {
        int x1, x2;
        bounds(&c->claim->reference, &lo, &hi);
        x1 = isfinite(lo) ? X(lo) : L;
        x2 = isfinite(hi) ? X(hi) : W - R;
        if (x2 - x1 < 3) {
            x1 -= 1;
            x2 += 2;
        }
        cc_buf_printf(b, "<rect class=\"reference\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                         "fill=\"#cfd8dc\" opacity=\"0.6\"/><text x=\"%d\" y=\"14\">reference</text>",
                      x1, TOP - 6, x2 - x1, ROW * (int)c->nobs + 6, x1);
    }
    /* ticks: each camp's first figure */
    for (i = 0; i < c->ncamps; i++) {
        const cc_obs *o = c->obs[c->camps[i].first].o;
        double v = cc_dec_to_double(o->value);
        cc_buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbb\"/>", X(v),
                      height - 22, X(v), height - 14);
        cc_buf_reset(&tick);
        cc_fmt_value(&tick, o->value, c->claim, c->unit);
        cc_buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">", X(v), height - 4);
        hs(b, tick.p ? tick.p : "");
        cc_buf_puts(b, "</text>");
    }
    if (logscale)
        cc_buf_printf(b, "<text x=\"%d\" y=\"14\" text-anchor=\"end\">log scale</text>", W - R);
    for (i = 0; i < c->nobs; i++) {
        const cc_robs *ro = &c->obs[row[i].i];
        const char *colr = PALETTE[ro->camp % NPALETTE];
        int y = TOP + ROW * (int)i + ROW / 2;
        const char *slash = strrchr(ro->o->file, '/');
        cc_buf_printf(b, "<g class=\"obs%s\" data-lang=\"", odd[ro->camp] ? " odd" : "");
        hs(b, ro->o->lang);
        cc_buf_printf(b, "\"><text x=\"4\" y=\"%d\">", y + 4);
        if (c->verdict == CC_VERDICT_UPDATE && ro->o->date && *ro->o->date) {
            hs(b, ro->o->date);
            cc_buf_puts(b, " ");
        }
        hs(b, ro->o->lang);
        cc_buf_puts(b, " ");
        hs(b, slash ? slash + 1 : ro->o->file);
        cc_buf_printf(b, ":%u</text>", (unsigned)ro->o->line);
        bounds(&ro->o->iv, &lo, &hi);
        if (isfinite(lo) && isfinite(hi) && lo == hi) {
            cc_buf_printf(b, "<circle cx=\"%d\" cy=\"%d\" r=\"6\" fill=\"%s\"%s/>", X(lo), y, colr,
                          ro->deviates ? " stroke=\"#d32f2f\" stroke-width=\"3\"" : "");
        } else {
            int x1 = isfinite(lo) ? X(lo) : L, x2 = isfinite(hi) ? X(hi) : W - R;
            cc_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"8\" rx=\"3\" fill=\"%s\" "
                             "opacity=\"0.8\"%s/>",
                          x1, y - 4, x2 - x1 > 2 ? x2 - x1 : 2, colr,
                          ro->deviates ? " stroke=\"#d32f2f\" stroke-width=\"2\"" : "");
            if (!isfinite(hi))
                cc_buf_printf(b, "<path d=\"M%d %d l8 6 l-8 6z\" fill=\"%s\"/>", W - R, y - 6, colr);
            if (!isfinite(lo))
                cc_buf_printf(b, "<path d=\"M%d %d l-8 6 l8 6z\" fill=\"%s\"/>", L, y - 6, colr);
            cc_buf_printf(b, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"#fff\" stroke=\"%s\" "
                             "stroke-width=\"2\"/>",
                          X(cc_dec_to_double(ro->o->value)), y, colr);
        }
        if (odd[ro->camp])
            cc_buf_printf(b, "<circle cx=\"%d\" cy=\"%d\" r=\"9\" fill=\"none\" stroke=\"#d32f2f\" "
                             "stroke-width=\"2\"><title>odd one out</title></circle>",
                          X(cc_dec_to_double(ro->o->value)), y);
        cc_buf_puts(b, "</g>");
    }
    cc_buf_puts(b, "</svg>");
    cc_buf_free(&tick);
    cc_free(row);
    cc_free(odd);
#undef X
}

/* The sentence with the figure marked. */
void cc_html_sentence(cc_buf *b, const cc_obs *o)
{
    size_t clen = strlen(o->context);
    uint64_t a = o->start >= o->context_start ? o->start - o->context_start : 0;
    uint64_t z = o->end >= o->context_start ? o->end - o->context_start : 0;
    if (!clen || z > clen || a > z) {
        cc_buf_puts(b, "<mark>");
        hs(b, o->text);
        cc_buf_puts(b, "</mark>");
        return;
    }
    h(b, o->context, (size_t)a);
    cc_buf_puts(b, "<mark>");
    h(b, o->context + a, (size_t)(z - a));
    cc_buf_puts(b, "</mark>");
    h(b, o->context + z, clen - (size_t)z);
}

static void write_claim(cc_buf *b, const cc_claimres *c)
{
    size_t i;
    const cc_verdict_info *vi = cc_verdict_info_of(c->verdict);
    const char *st = vi->name;
    cc_buf fig = CC_BUF_INIT;
    cc_buf_printf(b, "<section class=\"claim %s\" data-status=\"%s\" id=\"", st, st);
    hs(b, c->id);
    if (c->scope && *c->scope) {
        cc_buf_putc(b, '-');
        hs(b, c->scope);
    }
    cc_buf_printf(b, "\"><h2><span class=\"badge b-%s\">%s</span>", st, st);
    hs(b, c->id);
    if (c->scope && *c->scope) {
        cc_buf_puts(b, " [");
        hs(b, c->scope);
        cc_buf_putc(b, ']');
    }
    cc_buf_puts(b, " <small>(");
    hs(b, c->unit);
    cc_buf_printf(b, ", %zu article%s)</small></h2>", c->narticles, c->narticles == 1 ? "" : "s");
    if (c->claim && c->claim->description) {
        cc_buf_puts(b, "<div class=\"desc\">");
        hs(b, c->claim->description);
        cc_buf_puts(b, "</div>");
    }
    if (vi->disagree) {
        cc_fmt_camps(&fig, c);
        cc_buf_puts(b, "<div class=\"camps\">");
        hs(b, fig.p);
        cc_buf_puts(b, "</div>");
    }
    if (cc_show_disagreements(c)) {
        cc_buf_puts(b, "<ul class=\"pairs\">");
        for (i = 0; i < c->ndis; i++) {
            cc_buf_reset(&fig);
            cc_fmt_disagreement(&fig, c, &c->dis[i]);
            cc_buf_printf(b, "<li class=\"%s\">", cc_class_name(c->dis[i].cls));
            hs(b, fig.p);
            cc_buf_puts(b, "</li>");
        }
        cc_buf_puts(b, "</ul>");
    }
    number_line(b, c);
    cc_buf_puts(b, "<table><tr><th></th><th>where</th><th>lang</th><th>value</th><th>sentence</th></tr>");
    for (i = 0; i < c->nobs; i++) {
        const cc_robs *ro = &c->obs[i];
        cc_buf_reset(&fig);
        if (ro->written) {
            cc_fmt_figure(&fig, ro->written);
            cc_buf_puts(&fig, " = ");
        }
        cc_fmt_figure(&fig, ro->o);
        cc_buf_puts(b, "<tr class=\"obs\" data-lang=\"");
        hs(b, ro->o->lang);
        cc_buf_printf(b, "\"><td><span class=\"sw\" style=\"background:%s\"></span></td>"
                         "<td class=\"loc\">",
                      PALETTE[ro->camp % NPALETTE]);
        hs(b, ro->o->file);
        cc_buf_printf(b, ":%u:%u", (unsigned)ro->o->line, (unsigned)ro->o->column);
        if (ro->nrepeats)
            cc_buf_printf(b, "<br>(and %u more in it)", (unsigned)ro->nrepeats);
        cc_buf_puts(b, "</td><td>");
        hs(b, ro->o->lang);
        cc_buf_puts(b, "</td><td>");
        hs(b, fig.p);
        if (ro->deviates)
            cc_buf_puts(b, " <span class=\"dev\">outside the reference</span>");
        cc_buf_puts(b, "</td><td>");
        cc_html_sentence(b, ro->o);
        cc_buf_puts(b, "</td></tr>");
    }
    cc_buf_puts(b, "</table></section>\n");
    cc_buf_free(&fig);
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Long on purpose: the page written top to bottom, one straight sequence. */
int cc_report_html(cc_buf *b, const cc_report *r)
{
    size_t i, j, n = cc_result_count(r->result), shown = 0, nl = 0, cap = 0, scanned = 0;
    const char **langs = NULL;

    /* the languages present, for the filters */
    for (i = 0; i < n; i++) {
        const cc_claimres *c = cc_result_get(r->result, i);
        if (!cc_report_shows(r, c))
            continue;
        shown++;
        for (j = 0; j < c->nobs; j++) {
            size_t k;
            for (k = 0; k < nl && strcmp(langs[k], c->obs[j].o->lang); k++)
                ;
            if (k == nl) {
                if (nl == cap) {
                    void *v = langs;
                    if (cc_grow(&v, &cap, nl + 1, sizeof(char *)) != 0) {
                        cc_free(langs);
                        return CC_ERR_NOMEM;
                    }
                    langs = v;
                }
                langs[nl++] = c->obs[j].o->lang;
            }
        }
    }
    if (nl)
        qsort(langs, nl, sizeof(char *), cmp_cstr);
    for (i = 0; i < r->ninputs; i++)
        scanned += r->inputs[i].status == CC_INPUT_SCANNED;

    cc_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                   "<meta name=\"viewport\" content=\"width=device-width\">"
                   "<title>claimcheck report</title><style>");
    cc_buf_puts(b, cc_html_css);
    /* each verdict's colour, from the one table of verdicts; a finding's
     * section tinted */
    for (i = 0; i < CC_VERDICT__COUNT; i++)
        cc_buf_printf(b, "section.%s{border-left-color:%s%s}.b-%s{background:%s}",
                      CC_VERDICTS[i].name, CC_VERDICTS[i].html_color,
                      CC_VERDICTS[i].fails ? ";background:#fff7f5" : "", CC_VERDICTS[i].name,
                      CC_VERDICTS[i].html_color);
    cc_buf_puts(b, "</style></head><body>\n<header><h1>claimcheck report</h1><div class=\"counts\">");
    for (i = 0; i < CC_VERDICT__COUNT; i++) {
        const cc_verdict_info *vi = &CC_VERDICTS[i];
        size_t k = cc_report_count(r, vi->verdict);
        if (!vi->count_if_any || k)
            cc_buf_printf(b, "<span id=\"n-%s\">%zu %s%s</span>", vi->name, k, vi->count_short,
                          vi->plural && k != 1 ? "s" : "");
    }
    cc_buf_printf(b, "<span>%zu article%s scanned, %zu skipped</span>", scanned,
                  scanned == 1 ? "" : "s", r->ninputs - scanned);
    if (r->baseline)
        cc_buf_printf(b, "<span>baseline: %zu accepted, %zu stale</span>", cc_report_accepted(r),
                      r->nstale);
    cc_buf_printf(b, "<span><b id=\"shown\">%zu</b> of %zu claims shown</span></div></header>\n",
                  shown, shown);
    cc_buf_puts(b, "<div id=\"filters\"><b>status:</b> ");
    for (i = 0; i < CC_VERDICT__COUNT; i++)
        cc_buf_printf(b, "<label><input type=\"checkbox\" data-kind=\"status\" value=\"%s\" checked> %s</label>",
                      CC_VERDICTS[i].name, CC_VERDICTS[i].name);
    cc_buf_puts(b, " <b>language:</b> ");
    for (i = 0; i < nl; i++) {
        cc_buf_puts(b, "<label><input type=\"checkbox\" data-kind=\"lang\" value=\"");
        hs(b, langs[i]);
        cc_buf_puts(b, "\" checked> ");
        hs(b, langs[i]);
        cc_buf_puts(b, "</label>");
    }
    cc_free(langs);
    cc_buf_puts(b, "</div>\n<main>\n");
    for (i = 0; i < n; i++) {
        const cc_claimres *c = cc_result_get(r->result, i);
        if (cc_report_shows(r, c))
            write_claim(b, c);
        cc_buf_spill(b);
    }
    if (scanned != r->ninputs) {
        cc_buf_puts(b, "<section class=\"skipped\"><h2>Skipped articles</h2><ul>");
        for (i = 0; i < r->ninputs; i++)
            if (r->inputs[i].status == CC_INPUT_SKIPPED) {
                cc_buf_puts(b, "<li>");
                hs(b, r->inputs[i].path);
                cc_buf_puts(b, ": ");
                hs(b, r->inputs[i].reason);
                cc_buf_puts(b, "</li>");
            }
        cc_buf_puts(b, "</ul></section>\n");
    }
    cc_buf_puts(b, "</main>\n<script>");
    cc_buf_puts(b, JS);
    cc_buf_puts(b, "</script>\n</body></html>\n");
    return b->err ? CC_ERR_NOMEM : CC_OK;
}
