/*
 * selftest.c: the examples of packs and claims, checked (claimcheck test).
 *
 * In: the ruleset. Out: failures as diagnostics at each example's position
 * and per-language counts.
 */
#include "claimcheck/selftest.h"

#include "claimcheck/extract.h"

#include "alloc.h"
#include "buf.h"
#include "io.h"
#include "rules_priv.h"
#include "ysink.h"

#include <stdlib.h>
#include <string.h>

static void fail(cc_diags *d, const cc_example *ex, const char *what, const cc_buf *found)
{
    cc_diags_add(d, CC_SEV_ERROR, CC_D_TEST, ex->file, ex->line, ex->col, SIZE_MAX, NULL,
                 found && found->len ? found->p : "found nothing", "example failed: %s", what);
}

static bool bound_eq(int has, int inf, cc_dec want, int got_inf, cc_dec got)
{
    if (!has)
        return true;
    if (inf || got_inf)
        return inf == got_inf;
    return cc_dec_cmp(want, got) == 0;
}

static bool quantity_matches(const cc_example *ex, const cc_quantity *q)
{
    if (ex->has_value && cc_dec_cmp(ex->value, q->value) != 0)
        return false;
    if (!bound_eq(ex->has_low, ex->low_inf, ex->low, q->iv.lo_inf, q->iv.lo) ||
        !bound_eq(ex->has_high, ex->high_inf, ex->high, q->iv.hi_inf, q->iv.hi))
        return false;
    if (ex->unit && (!q->unit || strcmp(ex->unit, q->unit) != 0))
        return false;
    if (ex->kind >= 0 && (int)q->kind != ex->kind)
        return false;
    if (ex->qual >= 0 && (int)q->qual != ex->qual)
        return false;
    if (ex->vague >= 0 && (int)q->vague != ex->vague)
        return false;
    return true;
}

static void describe_q(cc_buf *b, const cc_doc *doc, const cc_quantity *q)
{
    char v[CC_DEC_BUFSZ], lo[CC_DEC_BUFSZ], hi[CC_DEC_BUFSZ];
    cc_buf_printf(b, "%sfound \"%.*s\" = %s %s (%s, %s%s) in %s%s, %s%s", b->len ? "; " : "",
                  (int)(q->end - q->start), cc_doc_text(doc) + q->start, cc_dec_format(v, q->value),
                  q->unit ? q->unit : "-", cc_kind_name(q->kind), cc_qualifier_name(q->qual),
                  q->vague ? ", vague" : "", q->iv.lo_open ? "(" : "[",
                  q->iv.lo_inf ? "-inf" : cc_dec_format(lo, q->iv.lo),
                  q->iv.hi_inf ? "inf" : cc_dec_format(hi, q->iv.hi), q->iv.hi_open ? ")" : "]");
}

static void describe_want(cc_buf *b, const cc_example *ex)
{
    char v[CC_DEC_BUFSZ];
    if (ex->none) {
        cc_buf_printf(b, "expected no %s in \"%s\"",
                      ex->none_kind >= 0 ? cc_kind_name((cc_kind)ex->none_kind) : "quantity",
                      ex->text);
        return;
    }
    cc_buf_puts(b, "expected");
    if (ex->has_value)
        cc_buf_printf(b, " %s", cc_dec_format(v, ex->value));
    if (ex->unit)
        cc_buf_printf(b, " %s", ex->unit);
    if (ex->kind >= 0)
        cc_buf_printf(b, " %s", cc_kind_name((cc_kind)ex->kind));
    if (ex->qual >= 0)
        cc_buf_printf(b, " %s", cc_qualifier_name((cc_qualifier)ex->qual));
    if (ex->has_low)
        cc_buf_printf(b, " low %s", ex->low_inf ? "-inf" : cc_dec_format(v, ex->low));
    if (ex->has_high)
        cc_buf_printf(b, " high %s", ex->high_inf ? "inf" : cc_dec_format(v, ex->high));
    if (ex->vague >= 0)
        cc_buf_printf(b, " vague=%s", ex->vague ? "true" : "false");
    if (ex->scope)
        cc_buf_printf(b, " scope %s", ex->scope);
    cc_buf_printf(b, " in \"%s\"", ex->text);
}

/* Returns 1 when the example passes, 0 when it fails, <0 on errors. */
static int run_pack_example(cc_extractor *x, const cc_lang *l, const cc_example *ex, cc_diags *d)
{
    cc_doc *doc = NULL;
    cc_qlist ql = {NULL, 0, 0};
    cc_diags *local = cc_diags_new();
    cc_buf found = CC_BUF_INIT, want = CC_BUF_INIT;
    int ok = 0, rc;
    size_t i;
    if (!local)
        return CC_ERR_NOMEM;
    rc = cc_doc_from_buffer(&doc, ex->file, ex->text, strlen(ex->text), local);
    if (rc == CC_OK)
        rc = cc_scan(x, l, doc, &ql, local);
    if (rc != CC_OK) {
        cc_buf_printf(&found, "the text could not be scanned (%s)", cc_strerror(rc));
        ok = 0;
    } else if (ex->none) {
        ok = 1;
        for (i = 0; i < ql.n; i++)
            if (ex->none_kind < 0 || (int)ql.v[i].kind == ex->none_kind) {
                ok = 0;
                describe_q(&found, doc, &ql.v[i]);
            }
    } else {
        for (i = 0; i < ql.n && !ok; i++)
            ok = quantity_matches(ex, &ql.v[i]);
        if (!ok)
            for (i = 0; i < ql.n; i++)
                describe_q(&found, doc, &ql.v[i]);
    }
    if (!ok) {
        describe_want(&want, ex);
        fail(d, ex, want.p ? want.p : "", &found);
    }
    cc_buf_free(&found);
    cc_buf_free(&want);
    cc_qlist_free(&ql);
    cc_doc_free(doc);
    cc_diags_free(local);
    return ok;
}

static bool obs_matches(const cc_example *ex, const cc_obs *o)
{
    if (strcmp(o->claim, ex->claim) != 0)
        return false;
    if (ex->has_value && cc_dec_cmp(ex->value, o->value) != 0)
        return false;
    if (!bound_eq(ex->has_low, ex->low_inf, ex->low, o->iv.lo_inf, o->iv.lo) ||
        !bound_eq(ex->has_high, ex->high_inf, ex->high, o->iv.hi_inf, o->iv.hi))
        return false;
    if (ex->unit && strcmp(ex->unit, o->unit) != 0)
        return false;
    if (ex->qual >= 0 && (int)o->qual != ex->qual)
        return false;
    if (ex->scope && strcmp(ex->scope, o->scope) != 0)
        return false;
    return true;
}

typedef struct why_buf {
    const char *claim;
    cc_buf b;
} why_buf;

/* The filters that refused figures for the example's claim. */
static void on_refusal(void *ud, const char *claim, const char *figure, const char *why)
{
    why_buf *w = ud;
    if (strcmp(claim, w->claim) == 0)
        cc_buf_printf(&w->b, "%s\"%s\" refused by %s", w->b.len ? "; " : "", figure, why);
}

static int run_claim_example(cc_extractor *x, const cc_ruleset *rs, const cc_example *ex,
                             cc_diags *d)
{
    const cc_lang *l = cc_ruleset_find_lang(rs, ex->lang);
    cc_doc *doc = NULL;
    cc_obstab *t = NULL;
    cc_diags *local = cc_diags_new();
    cc_buf found = CC_BUF_INIT, want = CC_BUF_INIT;
    why_buf why = {ex->claim, CC_BUF_INIT};
    int ok = 0, rc;
    size_t i;
    if (!local || cc_obstab_new(&t) != CC_OK) {
        cc_diags_free(local);
        return CC_ERR_NOMEM;
    }
    rc = cc_doc_from_buffer(&doc, ex->file, ex->text, strlen(ex->text), local);
    cc_extractor_trace(x, on_refusal, &why);
    if (rc == CC_OK)
        rc = cc_extract(x, l, doc, t, local);
    cc_extractor_trace(x, NULL, NULL);
    if (rc != CC_OK) {
        cc_buf_printf(&found, "the text could not be read (%s)", cc_strerror(rc));
    } else {
        size_t n = cc_obstab_count(t);
        ok = ex->none;
        for (i = 0; i < n; i++) {
            const cc_obs *o = cc_obstab_get(t, i);
            char v[CC_DEC_BUFSZ];
            if (strcmp(o->claim, ex->claim) != 0)
                continue;
            if (ex->none) {
                ok = 0;
            } else if (obs_matches(ex, o)) {
                ok = 1;
            }
            cc_buf_printf(&found, "%sfound \"%s\" = %s %s (%s%s%s)", found.len ? "; " : "",
                          o->text, cc_dec_format(v, o->value), o->unit,
                          cc_qualifier_name(o->qual), *o->scope ? ", scope " : "", o->scope);
        }
    }
    if (!ok) {
        cc_buf_printf(&want, "%s: ", ex->claim);
        describe_want(&want, ex);
        if (!ex->none && why.b.len)
            cc_buf_printf(&found, "%s%s", found.len ? "; " : "", why.b.p);
        else if (!ex->none && !found.len)
            cc_buf_puts(&found, "found nothing: no extractor of the claim reached a figure");
        fail(d, ex, want.p ? want.p : "", &found);
    }
    cc_buf_free(&why.b);
    cc_buf_free(&found);
    cc_buf_free(&want);
    cc_obstab_free(t);
    cc_doc_free(doc);
    cc_diags_free(local);
    return ok;
}

typedef struct term_seen {
    uint32_t term;
    bool seen;
} term_seen;

static void on_term(void *ud, uint32_t mark, size_t a, size_t b)
{
    term_seen *ts = ud;
    (void)a;
    (void)b;
    ts->seen = ts->seen || mark == ts->term;
}

/* Every example of every term of l must hold one of the term's forms.
 * Returns the failures, or a negative cc_status. */
static long run_term_examples(const cc_lang *l, cc_rxctx *c, cc_diags *d, size_t *count)
{
    size_t t, e;
    long fails = 0;
    for (t = 0; t < l->nterms; t++)
        for (e = 0; e < l->terms[t].nexamples; e++) {
            const cc_termex *ex = &l->terms[t].examples[e];
            term_seen ts = {(uint32_t)t, false};
            int rc = cc_rx_each_match(&l->terms[t].rx, (uint32_t)t, c, ex->text, 0,
                                      strlen(ex->text), on_term, &ts);
            if (rc < 0)
                return CC_ERR_LIMIT;
            (*count)++;
            if (!ts.seen) {
                cc_diags_add(d, CC_SEV_ERROR, CC_D_TEST, l->file, ex->line, ex->col, SIZE_MAX,
                             NULL, "add the form it uses to the term's forms, or fix the example",
                             "example failed: no form of '%s' in \"%s\"", l->terms[t].concept,
                             ex->text);
                fails++;
            }
        }
    return fails;
}

long cc_selftest(const cc_ruleset *rs, const char *lang, cc_diags *d, cc_test_stats **stats,
                 size_t *nstats)
{
    cc_extractor *x = NULL;
    cc_test_stats *st;
    size_t i, j;
    long failures = 0;

    *stats = NULL;
    *nstats = 0;
    st = calloc(rs->nlangs + 1, sizeof *st);
    if (!st || cc_extractor_new(&x, rs) != CC_OK) {
        free(st);
        return CC_ERR_NOMEM;
    }
    for (i = 0; i < rs->nlangs; i++) {
        const cc_lang *l = rs->langs[i];
        st[i].lang = l->code;
        if (lang && strcmp(lang, l->code) != 0)
            continue;
        {
            cc_rxctx c;
            long tf;
            if (cc_rxctx_init(&c, rs->maxcap) != 0) {
                failures = CC_ERR_NOMEM;
                goto out;
            }
            tf = run_term_examples(l, &c, d, &st[i].terms);
            cc_rxctx_free(&c);
            if (tf < 0) {
                failures = tf;
                goto out;
            }
            st[i].failed += (size_t)tf;
            failures += tf;
        }
        for (j = 0; j < l->nexamples; j++) {
            int ok = run_pack_example(x, l, &l->examples[j], d);
            if (ok < 0) {
                failures = ok;
                goto out;
            }
            if (l->examples[j].none)
                st[i].pack_neg++;
            else
                st[i].pack_pos++;
            if (!ok) {
                st[i].failed++;
                failures++;
            }
        }
    }
    for (j = 0; j < rs->nexamples; j++) {
        const cc_example *ex = &rs->examples[j];
        int ok;
        for (i = 0; i < rs->nlangs; i++)
            if (strcmp(rs->langs[i]->code, ex->lang) == 0)
                break;
        if (i == rs->nlangs || (lang && strcmp(lang, ex->lang) != 0))
            continue;
        ok = run_claim_example(x, rs, ex, d);
        if (ok < 0) {
            failures = ok;
            goto out;
        }
        if (ex->none)
            st[i].claim_neg++;
        else
            st[i].claim_pos++;
        if (!ok) {
            st[i].failed++;
            failures++;
        }
    }
out:
    cc_extractor_free(x);
    if (failures < 0) {
        free(st);
        return failures;
    }
    *stats = st;
    *nstats = rs->nlangs;
    return failures;
}

/* ====================================================================
 * Trials
 * ==================================================================== */

typedef struct want {
    const ynode *node;
    cc_example ex;
    const char *text;
    const char *known; /* why the tool cannot read it yet, or NULL */
    int used;
} want;

static bool want_matches(const want *w, const cc_doc *doc, const cc_quantity *q)
{
    size_t len = strlen(w->text);
    if (q->end - q->start != len || memcmp(cc_doc_text(doc) + q->start, w->text, len) != 0)
        return false;
    return quantity_matches(&w->ex, q);
}

/* One trial: scan the text, match what was found against what is listed.
 * Mismatches are errors reported through doc. Returns 0 or <0 (no memory). */
/* Long on purpose: one trial from parsing to tally, freed at one exit. */
static long run_trial(cc_extractor *x, const cc_lang *l, ydoc *doc, const ynode *t,
                      cc_trial_stats *st, cc_diags *d)
{
    static const char *const keys[] = {"text", "expect", NULL};
    static const char *const wkeys[] = {"text", "value", "low", "high", "unit", "kind",
                                        "qualifier", "vague", "known", NULL};
    const ynode *tn, *en;
    want *w = NULL;
    size_t nw = 0, i, j;
    cc_doc *art = NULL;
    cc_qlist ql = {NULL, 0, 0};
    cc_diags *local = cc_diags_new();
    long fails = 0;

    if (!local)
        return CC_ERR_NOMEM;
    if (!y_expect(doc, t, Y_MAP, "a trial")) {
        cc_diags_free(local);
        return 1;
    }
    y_check_keys(doc, t, keys, "a trial");
    tn = y_require(doc, t, "text", "a trial");
    en = y_get(t, "expect");
    if (!tn || !y_str(doc, tn, "a trial's text") || (en && !y_expect(doc, en, Y_SEQ, "expect"))) {
        cc_diags_free(local);
        return 1;
    }
    if (en && en->n) {
        w = calloc(en->n, sizeof *w);
        if (!w) {
            cc_diags_free(local);
            return CC_ERR_NOMEM;
        }
        for (i = 0; i < en->n; i++) {
            const ynode *m = en->kids[i], *txt;
            if (!y_expect(doc, m, Y_MAP, "an expected quantity"))
                continue;
            y_check_keys(doc, m, wkeys, "an expected quantity");
            txt = y_require(doc, m, "text", "an expected quantity");
            if (!txt || !y_str(doc, txt, "text"))
                continue;
            /* the example parser reads value, unit, qualifier...; text is ours */
            memset(&w[nw].ex, 0, sizeof w[nw].ex);
            w[nw].ex.kind = w[nw].ex.qual = w[nw].ex.vague = -1;
            w[nw].ex.none_kind = -1;
            {
                const ynode *v;
                if ((v = y_get(m, "value")))
                    w[nw].ex.has_value = y_dec(doc, v, "value", false, &w[nw].ex.value);
                if ((v = y_get(m, "unit")))
                    w[nw].ex.unit = y_str(doc, v, "unit");
                if ((v = y_get(m, "kind"))) {
                    cc_kind k;
                    if (cc_kind_from_name(&k, v->s) == 0)
                        w[nw].ex.kind = (int)k;
                }
                if ((v = y_get(m, "qualifier"))) {
                    cc_qualifier q;
                    if (cc_qualifier_from_name(&q, v->s) == 0)
                        w[nw].ex.qual = (int)q;
                }
                if ((v = y_get(m, "vague"))) {
                    bool b;
                    if (y_bool(v, &b))
                        w[nw].ex.vague = b;
                }
                if ((v = y_get(m, "low")))
                    w[nw].ex.has_low = y_dec(doc, v, "low", false, &w[nw].ex.low);
                if ((v = y_get(m, "high")))
                    w[nw].ex.has_high = y_dec(doc, v, "high", false, &w[nw].ex.high);
            }
            w[nw].text = txt->s;
            w[nw].known = y_get(m, "known") ? y_str(doc, y_get(m, "known"), "known") : NULL;
            w[nw].node = m;
            nw++;
        }
    }
    st->trials++;
    st->expected += nw;
    if (cc_doc_from_buffer(&art, doc->file, tn->s, tn->len, local) != CC_OK ||
        cc_scan(x, l, art, &ql, local) != CC_OK) {
        y_error(doc, t, CC_D_TEST, NULL, "trial could not be scanned");
        fails++;
        goto out;
    }
    for (i = 0; i < ql.n; i++) {
        const cc_quantity *q = &ql.v[i];
        bool listed = false;
        for (j = 0; j < nw; j++)
            if (!w[j].used && want_matches(&w[j], art, q)) {
                w[j].used = 1;
                listed = true;
                break;
            }
        if (q->kind == CC_KIND_NUMBER && !listed)
            continue; /* years, dates, model numbers: not counted */
        st->found++;
        if (listed) {
            st->matched++;
        } else {
            cc_buf b = CC_BUF_INIT;
            describe_q(&b, art, q);
            y_error(doc, t, CC_D_TEST, b.p, "trial: a quantity that is not expected");
            cc_buf_free(&b);
            fails++;
        }
    }
    for (j = 0; j < nw; j++) {
        if (w[j].known) {
            /* a limitation the trial keeps on purpose: it counts against
             * recall, and is noted, not failed; once read, it is an error
             * until the note is removed */
            if (w[j].used) {
                y_error(doc, w[j].node, CC_D_TEST, "remove 'known:' from the trial",
                        "trial: \"%s\" is read now, but is marked as a known limitation",
                        w[j].text);
                fails++;
            } else {
                y_note(doc, w[j].node, CC_D_TEST, NULL, "known limitation: %s", w[j].known);
                st->known++;
            }
            continue;
        }
        if (!w[j].used) {
            cc_buf b = CC_BUF_INIT;
            for (i = 0; i < ql.n; i++)
                if (ql.v[i].end > ql.v[i].start)
                    describe_q(&b, art, &ql.v[i]);
            y_error(doc, w[j].node, CC_D_TEST, b.len ? b.p : "found nothing",
                    "trial: expected \"%s\" was not found as written", w[j].text);
            cc_buf_free(&b);
            fails++;
        }
    }
out:
    cc_qlist_free(&ql);
    cc_doc_free(art);
    cc_diags_free(local);
    free(w);
    return fails;
}

/* Long on purpose: lists, runs and tallies the trials, one cleanup path. */
long cc_selftest_trials(const cc_ruleset *rs, const char *dir, const char *lang, cc_diags *d,
                        cc_trial_stats **stats, size_t *nstats)
{
    char **names = NULL;
    long n = cc_list_dir(dir, ".yaml", &names), i, fails = 0;
    cc_trial_stats *st;
    cc_extractor *x = NULL;
    *stats = NULL;
    *nstats = 0;
    if (n < 0) {
        cc_diags_add(d, CC_SEV_ERROR, CC_D_IO, dir, 0, 0, SIZE_MAX, NULL, NULL,
                     "cannot read the trials directory");
        return CC_ERR_IO;
    }
    st = calloc((size_t)n + 1, sizeof *st);
    if (!st || cc_extractor_new(&x, rs) != CC_OK) {
        free(st);
        for (i = 0; i < n; i++)
            cc_free(names[i]);
        cc_free(names);
        return CC_ERR_NOMEM;
    }
    for (i = 0; i < n; i++) {
        cc_buf path = CC_BUF_INIT;
        char *text = NULL;
        size_t len, k;
        cc_arena a = CC_ARENA_INIT;
        ydoc doc;
        const ynode *root, *ln, *tl;
        const cc_lang *l;
        cc_buf_printf(&path, "%s/%s", dir, names[i]);
        if (cc_read_file(path.p, (size_t)16 << 20, &text, &len) != 0) {
            cc_diags_add(d, CC_SEV_ERROR, CC_D_IO, path.p, 0, 0, SIZE_MAX, NULL, NULL,
                         "cannot read the trial file");
            fails++;
            cc_buf_free(&path);
            continue;
        }
        if (cc_ydoc_parse_diags(&doc, &a, path.p, text, len, d) == CC_OK &&
            y_expect(&doc, doc.root, Y_MAP, "a trial file")) {
            static const char *const keys[] = {"lang", "trials", NULL};
            root = doc.root;
            y_check_keys(&doc, root, keys, "a trial file");
            ln = y_require(&doc, root, "lang", "a trial file");
            tl = y_require(&doc, root, "trials", "a trial file");
            l = ln && ln->type == Y_SCALAR ? cc_ruleset_find_lang(rs, ln->s) : NULL;
            if (ln && !l)
                y_error(&doc, ln, CC_D_LANG, NULL, "no language pack for '%s'", ln->s);
            if (l && tl && (!lang || strcmp(lang, l->code) == 0) &&
                y_expect(&doc, tl, Y_SEQ, "trials")) {
                st[*nstats].lang = l->code;
                for (k = 0; k < tl->n; k++) {
                    /* failures are reported through doc and counted there */
                    long r = run_trial(x, l, &doc, tl->kids[k], &st[*nstats], d);
                    if (r < 0) {
                        fails = r;
                        break;
                    }
                }
                (*nstats)++;
            }
            if (fails >= 0)
                fails += (long)doc.errors;
        } else {
            fails++;
        }
        cc_ydoc_free(&doc);
        cc_arena_free(&a);
        cc_free(text);
        cc_buf_free(&path);
        if (fails < 0)
            break;
    }
    for (i = 0; i < n; i++)
        cc_free(names[i]);
    cc_free(names);
    cc_extractor_free(x);
    if (fails < 0) {
        free(st);
        *nstats = 0;
        return fails;
    }
    *stats = st;
    return fails;
}
