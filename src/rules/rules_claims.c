/*
 * rules_claims.c: reading claim files (rule-loading stage; the rest of the
 * "Claims" section of rules.c, moved verbatim).
 *
 * In: the claim directories. Out: the ruleset's cc_claims (id, title, unit,
 * tolerance, examples, extensions of claims in other files), their
 * extractors compiled by rules_compile.c, and diagnostics at file:line:col.
 */
#include "rules_build.h"

#include "alloc.h"
#include "buf.h"
#include "date.h"
#include "hash.h"
#include "io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* ====================================================================
 * Claims
 * ==================================================================== */

bool cc_rules_valid_id(const char *s)
{
    size_t i;
    if (!*s)
        return false;
    for (i = 0; s[i]; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return false;
    return true;
}
/* examples: [...] of claim cl. */
static void read_claim_examples(cloader *C, const cc_claim *cl, const ynode *n)
{
    cc_ruleset *rs = C->rs;
    size_t i;
    if (!y_expect(C->doc, n, Y_SEQ, "examples"))
        return;
    for (i = 0; i < n->n; i++) {
        cc_example ex;
        if (!cc_example_parse(C->doc, n->kids[i], true, &ex))
            continue;
        if (!cc_ruleset_find_lang(rs, ex.lang)) {
            if (!cc_rules_is_broken(rs, ex.lang))
                y_error(C->doc, n->kids[i], CC_D_LANG, NULL, "no language pack for '%s'", ex.lang);
            continue;
        }
        ex.claim = cl->id;
        if (rs->nexamples == rs->capexamples) {
            void *v = rs->examples;
            if (cc_grow(&v, &rs->capexamples, rs->nexamples + 1, sizeof(cc_example)) != 0)
                break;
            rs->examples = v;
        }
        rs->examples[rs->nexamples++] = ex;
    }
}

/* units: of a count claim. */
static void read_units(cloader *C, cc_claim *cl, const ynode *m, const ynode *n)
{
    size_t i;
    /* count claims: the units that mean the same thing here, the first
     * being the one reported ("users", "people") */
    if (n->type == Y_SCALAR)
        n = NULL, y_error(C->doc, y_get(m, "units"), CC_D_TYPE, "write units: [users, people]",
                          "units must be a list");
    else if (y_expect(C->doc, n, Y_SEQ, "units")) {
        cl->units = cc_arena_alloc(&C->rs->arena, (n->n + 1) * sizeof(char *));
        for (i = 0; cl->units && i < n->n; i++) {
            const char *u = y_str(C->doc, n->kids[i], "a unit");
            if (u)
                cl->units[cl->nunits++] = u;
        }
    }
}

/* scope: of claim cl. */
static void read_scope(cloader *C, cc_claim *cl, const ynode *n)
{
    /* a fixed scope ("2024"), or {from: date, period: year|quarter|month} */
    if (n->type == Y_MAP) {
        static const char *const skeys[] = {"from", "period", NULL};
        const ynode *f = y_get(n, "from"), *p = y_get(n, "period");
        y_check_keys(C->doc, n, skeys, "a scope");
        if (!f || f->type != Y_SCALAR || strcmp(f->s, "date") != 0)
            y_error(C->doc, f ? f : n, CC_D_VALUE, "write scope: {from: date, period: quarter}",
                    "a scope mapping takes from: date");
        else if (!p || p->type != Y_SCALAR)
            y_error(C->doc, n, CC_D_MISSING_KEY, "add period: year, quarter or month",
                    "a date scope needs a period");
        else if (!strcmp(p->s, "year"))
            cl->scope_period = CC_SCOPE_YEAR;
        else if (!strcmp(p->s, "quarter"))
            cl->scope_period = CC_SCOPE_QUARTER;
        else if (!strcmp(p->s, "month"))
            cl->scope_period = CC_SCOPE_MONTH;
        else
            y_error(C->doc, p, CC_D_VALUE, "use year, quarter or month",
                    "unknown period '%s'", p->s);
    } else {
        cl->scope = y_str(C->doc, n, "scope");
    }
}

/* reference: of claim cl. */
static void read_reference(cloader *C, cc_claim *cl, const ynode *n)
{
    /* {value: 13e9} or {low: ..., high: ...}, with source and date */
    static const char *const rkeys[] = {"value", "low", "high", "source", "date", NULL};
    const ynode *v;
    if (y_expect(C->doc, n, Y_MAP, "reference")) {
        cc_dec lo, hi;
        bool ok = true;
        y_check_keys(C->doc, n, rkeys, "a reference");
        memset(&cl->reference, 0, sizeof cl->reference);
        if ((v = y_get(n, "value"))) {
            ok = y_dec(C->doc, v, "value", false, &lo);
            hi = lo;
            cl->reference = cc_interval_range(lo, hi);
        } else if (y_get(n, "low") || y_get(n, "high")) {
            cl->reference.lo_inf = 1;
            cl->reference.hi_inf = 1;
            if ((v = y_get(n, "low"))) {
                ok = y_dec(C->doc, v, "low", false, &cl->reference.lo) && ok;
                cl->reference.lo_inf = 0;
            }
            if ((v = y_get(n, "high"))) {
                ok = y_dec(C->doc, v, "high", false, &cl->reference.hi) && ok;
                cl->reference.hi_inf = 0;
            }
            if (ok && !cl->reference.lo_inf && !cl->reference.hi_inf &&
                cc_dec_cmp(cl->reference.lo, cl->reference.hi) > 0) {
                y_error(C->doc, n, CC_D_VALUE, NULL, "reference low is above high");
                ok = false;
            }
        } else {
            y_error(C->doc, n, CC_D_MISSING_KEY, "add value:, or low: and/or high:",
                    "a reference needs a value or bounds");
            ok = false;
        }
        if ((v = y_get(n, "source")))
            cl->reference_source = y_str(C->doc, v, "source");
        if ((v = y_get(n, "date")) && (cl->reference_date = y_str(C->doc, v, "date"))) {
            char fix[11], why[96], hint[64];
            const char *bad = cc_date_check(cl->reference_date, fix, why, sizeof why);
            if (bad) {
                if (fix[0])
                    snprintf(hint, sizeof hint, "write date: %s", fix);
                else
                    snprintf(hint, sizeof hint, "write a date YYYY-MM-DD, e.g. date: 2024-10-02");
                y_error(C->doc, v, CC_D_VALUE, hint, "reference date '%s' %s",
                        cl->reference_date, bad);
            }
        }
        cl->has_reference = ok;
    }
}

/* A claim: its definition, extractors and examples. */
static void read_claim(cloader *C, const ynode *m)
{
    static const char *const keys[] = {"id",       "description", "unit",      "currency",
                                       "units",    "tolerance",   "scope",     "reference",
                                       "extract",  "frame",       "examples",    NULL};
    cc_ruleset *rs = C->rs;
    cc_claim *cl;
    const ynode *n, *idn;
    uint32_t idx;
    size_t i;

    y_check_keys(C->doc, m, keys, "a claim");
    cl = cc_arena_alloc(&rs->arena, sizeof *cl);
    if (!cl)
        return;
    cl->file = C->doc->file;
    cl->line = m->line;
    if (!(idn = y_require(C->doc, m, "id", "a claim")) || !(cl->id = y_str(C->doc, idn, "id")))
        return;
    if (!cc_rules_valid_id(cl->id)) {
        y_error(C->doc, idn, CC_D_VALUE, "use lowercase letters, digits and _",
                "bad claim id '%s'", cl->id);
        return;
    }
    for (i = 0; i < rs->nclaims; i++)
        if (strcmp(rs->claims[i]->id, cl->id) == 0) {
            cc_buf hint = CC_BUF_INIT;
            cc_buf_printf(&hint, "the first is at %s:%u", rs->claims[i]->file,
                          (unsigned)rs->claims[i]->line);
            y_error(C->doc, idn, CC_D_DUPLICATE, hint.p, "duplicate claim id '%s'", cl->id);
            cc_buf_free(&hint);
            return;
        }
    if ((n = y_get(m, "description")))
        cl->description = y_str(C->doc, n, "description");
    cl->kind = CC_KIND_MONEY;
    if ((n = y_require(C->doc, m, "unit", "a claim"))) {
        const char *u = y_str(C->doc, n, "unit");
        if (u && strcmp(u, "currency") == 0)
            cl->kind = CC_KIND_MONEY;
        else if (u && cc_kind_from_name(&cl->kind, u) != 0)
            y_error(C->doc, n, CC_D_VALUE, "use currency, percent, count or number",
                    "unknown unit kind '%s'", u);
    }
    if ((n = y_get(m, "currency"))) {
        const char *c = y_str(C->doc, n, "currency");
        if (c && (strlen(c) != 3 || c[0] < 'A' || c[0] > 'Z'))
            y_error(C->doc, n, CC_D_VALUE, "use an ISO 4217 code such as USD",
                    "'%s' is not a currency code", c);
        cl->currency = c;
    }
    if ((n = y_get(m, "units")))
        read_units(C, cl, m, n);
    if ((n = y_get(m, "tolerance"))) {
        if (y_dec(C->doc, n, "tolerance", true, &cl->tolerance) &&
            (cl->tolerance.neg || cc_dec_cmp(cl->tolerance, cc_dec_from_u64(1)) > 0))
            y_error(C->doc, n, CC_D_VALUE, "write a fraction such as 0.01, or 1%",
                    "tolerance must be between 0 and 1 (100%%)");
    }
    if ((n = y_get(m, "scope")))
        read_scope(C, cl, n);
    if ((n = y_get(m, "reference")))
        read_reference(C, cl, n);
    idx = (uint32_t)rs->nclaims;
    if ((n = y_get(m, "extract")))
        cc_rules_read_extract(C, cl, idx, n);
    if ((n = y_get(m, "frame")))
        cc_rules_read_frame(C, cl, idx, n);
    if (!y_get(m, "extract") && !y_get(m, "frame"))
        y_error(C->doc, m, CC_D_MISSING_KEY,
                "add frame: {concept: ..., entities: [...]} or extract: per language",
                "a claim needs a frame or extractors");
    if ((n = y_get(m, "examples")))
        read_claim_examples(C, cl, n);
    cc_rules_push_ptr((void ***)&rs->claims, &rs->nclaims, &rs->capclaims, cl);
}

/* extends: <id>: more extractors and examples for a claim defined in
 * another file, so that a new language is one file of its own. */
static void read_extension(cloader *C, const ynode *m)
{
    static const char *const keys[] = {"extends", "extract", "examples", NULL};
    cc_ruleset *rs = C->rs;
    const ynode *idn = y_get(m, "extends"), *n;
    const char *id = y_str(C->doc, idn, "extends");
    size_t i;
    y_check_keys(C->doc, m, keys, "a claim extension");
    if (!id)
        return;
    for (i = 0; i < rs->nclaims; i++)
        if (strcmp(rs->claims[i]->id, id) == 0)
            break;
    if (i == rs->nclaims) {
        const char *best = NULL;
        size_t bestd = 4, k;
        cc_buf hint = CC_BUF_INIT;
        for (k = 0; k < rs->nclaims; k++) {
            size_t dd = cc_edit_distance(id, rs->claims[k]->id, 3);
            if (dd < bestd) {
                bestd = dd;
                best = rs->claims[k]->id;
            }
        }
        if (best)
            cc_buf_printf(&hint, "did you mean '%s'?", best);
        y_error(C->doc, idn, CC_D_MISSING_KEY, best ? hint.p : "define the claim with id: first",
                "extends an unknown claim '%s'", id);
        cc_buf_free(&hint);
        return;
    }
    if ((n = y_get(m, "extract")))
        cc_rules_read_extract(C, rs->claims[i], (uint32_t)i, n);
    if ((n = y_get(m, "examples")))
        read_claim_examples(C, rs->claims[i], n);
}

/* Parses f->text (owned by f) as a claim file. */
int cc_rules_parse_claim_text(cc_ruleset *rs, const char *path, cfile *f, size_t len, cc_diags *d)
{
    /* nodes and the file name live in the ruleset's arena */
    const char *fpath = cc_arena_strdup(&rs->arena, path);
    int rc = cc_ydoc_parse_diags(&f->doc, &rs->arena, fpath ? fpath : path, f->text, len, d);
    if (rc == CC_OK) {
        static const char *const keys[] = {"claims", NULL};
        const ynode *root = f->doc.root, *list;
        if (y_expect(&f->doc, root, Y_MAP, "a claim file")) {
            y_check_keys(&f->doc, root, keys, "a claim file");
            if ((list = y_require(&f->doc, root, "claims", "a claim file")))
                y_expect(&f->doc, list, Y_SEQ, "claims");
        }
        f->ok = f->doc.errors == 0;
    }
    return rc;
}

static int parse_claim_file(cc_ruleset *rs, const char *path, cfile *f, cc_diags *d)
{
    size_t len;
    int rc = cc_rules_read_rule_file(path, &f->text, &len, d);
    return rc == CC_OK ? cc_rules_parse_claim_text(rs, path, f, len, d) : rc;
}

/* Reads the entries of f: pass 0 the claims (id:), pass 1 the extensions
 * (extends:). */
static void read_claim_file(cc_ruleset *rs, cfile *f, int pass)
{
    const ynode *list = y_get(f->doc.root, "claims");
    cloader C;
    size_t i;
    C.rs = rs;
    C.doc = &f->doc;
    for (i = 0; list && i < list->n; i++) {
        const ynode *m = list->kids[i];
        bool ext;
        if (pass == 0 && !y_expect(&f->doc, m, Y_MAP, "a claim"))
            continue;
        if (m->type != Y_MAP)
            continue;
        ext = y_get(m, "extends") != NULL;
        if (pass == 0 && ext && y_get(m, "id")) {
            y_error(&f->doc, y_get(m, "extends"), CC_D_VALUE,
                    "a claim is either defined (id:) or extended (extends:)",
                    "a claim cannot have both id: and extends:");
            continue;
        }
        if (pass == 0 && !ext)
            read_claim(&C, m);
        else if (pass == 1 && ext)
            read_extension(&C, m);
    }
}

/* Reads the claims of the parsed files, then their extensions, and frees
 * the files' documents and texts. */
void cc_rules_read_claim_files(cc_ruleset *rs, cfile *files, size_t nfiles, int *errors)
{
    size_t i;
    int pass;
    for (pass = 0; pass < 2; pass++)
        for (i = 0; i < nfiles; i++)
            if (files[i].ok)
                read_claim_file(rs, &files[i], pass);
    for (i = 0; i < nfiles; i++) {
        if (files[i].doc.errors)
            (*errors)++;
        cc_ydoc_free(&files[i].doc);
        cc_free(files[i].text);
    }
}

int cc_rules_load_claims(cc_ruleset *rs, const char *const *dirs, size_t ndirs, cc_diags *d,
                         int *errors)
{
    cfile *files = NULL;
    size_t nfiles = 0, cap = 0, k, i;
    for (k = 0; k < ndirs; k++) {
        char *cdir, **names;
        long n = cc_rules_list_yaml(dirs[k], "claims", "claim rules", &cdir, &names, d, errors);
        if (n < 0)
            return CC_ERR_NOMEM;
        for (i = 0; i < (size_t)n; i++) {
            char *path = cc_rules_join_path(cdir, names[i]);
            if (nfiles == cap) {
                void *v = files;
                if (cc_grow(&v, &cap, nfiles + 1, sizeof(cfile)) != 0) {
                    cc_free(path);
                    (*errors)++;
                    break;
                }
                files = v;
            }
            memset(&files[nfiles], 0, sizeof(cfile));
            if (!path || parse_claim_file(rs, path, &files[nfiles], d) != CC_OK)
                (*errors)++;
            nfiles++;
            cc_free(path);
        }
        for (i = 0; i < (size_t)(n > 0 ? n : 0); i++)
            cc_free(names[i]);
        cc_free(names);
        cc_free(cdir);
    }
    cc_rules_read_claim_files(rs, files, nfiles, errors);
    cc_free(files);
    return CC_OK;
}

