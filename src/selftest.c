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
#include "rules_priv.h"

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

static int run_claim_example(cc_extractor *x, const cc_ruleset *rs, const cc_example *ex,
                             cc_diags *d)
{
    const cc_lang *l = cc_ruleset_find_lang(rs, ex->lang);
    cc_doc *doc = NULL;
    cc_obstab *t = NULL;
    cc_diags *local = cc_diags_new();
    cc_buf found = CC_BUF_INIT, want = CC_BUF_INIT;
    int ok = 0, rc;
    size_t i;
    if (!local || cc_obstab_new(&t) != CC_OK) {
        cc_diags_free(local);
        return CC_ERR_NOMEM;
    }
    rc = cc_doc_from_buffer(&doc, ex->file, ex->text, strlen(ex->text), local);
    if (rc == CC_OK)
        rc = cc_extract(x, l, doc, t, local);
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
        fail(d, ex, want.p ? want.p : "", &found);
    }
    cc_buf_free(&found);
    cc_buf_free(&want);
    cc_obstab_free(t);
    cc_doc_free(doc);
    cc_diags_free(local);
    return ok;
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
