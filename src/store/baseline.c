/*
 * baseline.c: accepted conflicts (after the comparator).
 *
 * In: a comparator result, and a baseline file. Out: each conflict marked
 * new, changed or accepted; the baseline's stale entries; or a new baseline
 * file. A conflict is keyed by claim id, scope and unit; its camps, each
 * written as the common ground [low, high] of its observations, say whether
 * it changed.
 */
#include "claimcheck/baseline.h"

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "escape.h"
#include "io.h"
#include "json.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct bentry {
    const char *id, *scope, *unit;
    char *camps; /* canonical text of the camps, for comparison */
    int used;
} bentry;

struct cc_baseline {
    cc_arena arena;
    bentry *v;
    size_t n;
    cc_stale *stale;
    size_t nstale;
};

/* The camps of a conflict as canonical text: "[lo,hi];[lo,hi]". */
static int camps_text(cc_buf *b, const cc_claimres *c)
{
    size_t k, i;
    for (k = 0; k < c->ncamps; k++) {
        const cc_camp *cp = &c->camps[k];
        const cc_interval *lo = NULL, *hi = NULL;
        char s[CC_DEC_BUFSZ];
        for (i = 0; i < cp->count; i++) {
            const cc_interval *iv = &c->obs[cp->first + i].o->iv;
            if (!iv->lo_inf && (!lo || cc_dec_cmp(iv->lo, lo->lo) > 0))
                lo = iv;
            if (!iv->hi_inf && (!hi || cc_dec_cmp(iv->hi, hi->hi) < 0))
                hi = iv;
        }
        cc_buf_printf(b, "%s[", k ? ", " : "");
        if (lo)
            cc_buf_printf(b, "\"%s\"", cc_dec_format(s, lo->lo));
        else
            cc_buf_puts(b, "null");
        cc_buf_puts(b, ", ");
        if (hi)
            cc_buf_printf(b, "\"%s\"", cc_dec_format(s, hi->hi));
        else
            cc_buf_puts(b, "null");
        cc_buf_putc(b, ']');
    }
    return b->err;
}

static int cmp_res(const void *pa, const void *pb)
{
    const cc_claimres *a = *(const cc_claimres *const *)pa, *b = *(const cc_claimres *const *)pb;
    int c = strcmp(a->id, b->id);
    if (c)
        return c;
    if ((c = strcmp(a->scope ? a->scope : "", b->scope ? b->scope : "")))
        return c;
    return strcmp(a->unit ? a->unit : "", b->unit ? b->unit : "");
}

int cc_baseline_write(FILE *out, const cc_result *r)
{
    size_t n = cc_result_count(r), i, k = 0;
    const cc_claimres **v = cc_malloc((n + 1) * sizeof(cc_claimres *));
    cc_buf b = CC_BUF_INIT;
    int rc = CC_OK;
    if (!v)
        return CC_ERR_NOMEM;
    for (i = 0; i < n; i++)
        if (cc_verdict_disagrees(cc_result_get(r, i)->verdict))
            v[k++] = cc_result_get(r, i);
    qsort(v, k, sizeof *v, cmp_res);
    cc_buf_puts(&b, "{\n  \"schema_version\": 1,\n  \"conflicts\": [");
    for (i = 0; i < k; i++) {
        cc_buf_printf(&b, "%s\n    {\"id\": ", i ? "," : "");
        cc_json_cstr(&b, v[i]->id);
        cc_buf_puts(&b, ", \"scope\": ");
        if (v[i]->scope && *v[i]->scope)
            cc_json_cstr(&b, v[i]->scope);
        else
            cc_buf_puts(&b, "null");
        cc_buf_puts(&b, ", \"unit\": ");
        cc_json_cstr(&b, v[i]->unit);
        cc_buf_puts(&b, ",\n     \"camps\": [");
        camps_text(&b, v[i]);
        cc_buf_puts(&b, "]}");
    }
    cc_buf_puts(&b, k ? "\n  ]\n}\n" : "]\n}\n");
    if (b.err)
        rc = CC_ERR_NOMEM;
    else if (fwrite(b.p, 1, b.len, out) != b.len || fflush(out) != 0)
        rc = CC_ERR_IO;
    cc_buf_free(&b);
    cc_free(v);
    return rc;
}

/* The camps of a baseline entry, in the canonical text camps_text writes.
 * Returns 0, -1 for a malformed camp, -2 for one whose low is greater than
 * its high (*bad: that camp), or the buffer's error. */
static int entry_camps(cc_buf *b, const jval *camps, const jval **bad)
{
    size_t k;
    for (k = 0; k < camps->n; k++) {
        const jval *c = camps->kids[k];
        cc_dec ends[2];
        size_t e;
        *bad = c;
        if (c->t != J_ARR || c->n != 2)
            return -1;
        cc_buf_printf(b, "%s[", k ? ", " : "");
        for (e = 0; e < 2; e++) {
            const jval *x = c->kids[e];
            char s[CC_DEC_BUFSZ];
            if (e)
                cc_buf_puts(b, ", ");
            if (x->t == J_NULL)
                cc_buf_puts(b, "null");
            else if (x->t == J_STR && cc_dec_parse(&ends[e], x->s, x->len) == 0)
                cc_buf_printf(b, "\"%s\"", cc_dec_format(s, ends[e]));
            else
                return -1;
        }
        if (c->kids[0]->t != J_NULL && c->kids[1]->t != J_NULL &&
            cc_dec_cmp(ends[0], ends[1]) > 0)
            return -2;
        cc_buf_putc(b, ']');
    }
    return b->err;
}

/* Which camp of camps c is, counting from 1. */
static size_t camp_number(const jval *camps, const jval *c)
{
    size_t k;
    for (k = 0; k < camps->n && camps->kids[k] != c; k++)
        ;
    return k + 1;
}

/* 1-based line and column (in code points) of byte off of text. */
static void where(const char *text, size_t len, size_t off, uint32_t *line, uint32_t *col)
{
    size_t i;
    *line = 1;
    *col = 1;
    for (i = 0; i < off && i < len; i++) {
        if (text[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

/* Long on purpose: read, parse and check entries, one cleanup on failure. */
int cc_baseline_load(cc_baseline **out, const char *path, cc_diags *d)
{
    cc_baseline *bl;
    char *text = NULL;
    size_t len, off, i;
    const char *msg;
    jval *root;
    const jval *list;
    *out = NULL;
    if (cc_read_file(path, (size_t)64 << 20, &text, &len) != 0) {
        cc_diags_add(d, CC_SEV_ERROR, CC_D_IO, path, 0, 0, SIZE_MAX, NULL,
                     "write one with --write-baseline", "cannot read the baseline: %s",
                     strerror(errno));
        return CC_ERR_IO;
    }
    bl = cc_calloc(1, sizeof *bl);
    if (!bl) {
        cc_free(text);
        return CC_ERR_NOMEM;
    }
    if (cc_json_parse(&root, &bl->arena, text, len, &off, &msg) != 0) {
        uint32_t line, col;
        where(text, len, off, &line, &col);
        cc_diags_add(d, CC_SEV_ERROR, CC_D_VALUE, path, line, col, off, NULL,
                     "write the baseline again with --write-baseline", "bad baseline: %s", msg);
        goto fail;
    }
    list = j_get(root, "conflicts");
    if (!list || list->t != J_ARR) {
        cc_diags_add(d, CC_SEV_ERROR, CC_D_VALUE, path, 1, 1, 0, NULL,
                     "write the baseline again with --write-baseline",
                     "bad baseline: no \"conflicts\" list");
        goto fail;
    }
    bl->v = cc_arena_alloc(&bl->arena, (list->n + 1) * sizeof(bentry));
    if (!bl->v)
        goto nomem;
    for (i = 0; i < list->n; i++) {
        const jval *e = list->kids[i], *camps = j_get(e, "camps");
        const jval *scope = j_get(e, "scope"), *bad = e;
        bentry *be = &bl->v[bl->n];
        cc_buf cb = CC_BUF_INIT;
        uint32_t line, col;
        int crc = -1;
        be->id = j_str(e, "id");
        be->unit = j_str(e, "unit");
        be->scope = scope && scope->t == J_STR ? scope->s : "";
        if (!be->id || !be->unit || !camps || camps->t != J_ARR ||
            (crc = entry_camps(&cb, camps, &bad)) != 0) {
            cc_buf_free(&cb);
            where(text, len, bad->off, &line, &col);
            if (crc == -2)
                cc_diags_add(d, CC_SEV_ERROR, CC_D_VALUE, path, line, col, bad->off, NULL,
                             "a camp is [low, high]; write the baseline again with "
                             "--write-baseline",
                             "bad baseline entry %zu: camp %zu has low greater than high", i + 1,
                             camp_number(camps, bad));
            else
                cc_diags_add(d, CC_SEV_ERROR, CC_D_VALUE, path, line, col, bad->off, NULL,
                             "write the baseline again with --write-baseline",
                             "bad baseline entry %zu: needs id, unit and camps of [low, high]",
                             i + 1);
            goto fail;
        }
        be->camps = cc_arena_strndup(&bl->arena, cb.p ? cb.p : "", cb.len);
        cc_buf_free(&cb);
        if (!be->camps)
            goto nomem;
        bl->n++;
    }
    cc_free(text);
    *out = bl;
    return CC_OK;
nomem:
    cc_diags_add(d, CC_SEV_ERROR, CC_D_NOMEM, path, 0, 0, SIZE_MAX, NULL, NULL,
                 "out of memory reading the baseline");
    cc_free(text);
    cc_baseline_free(bl);
    return CC_ERR_NOMEM;
fail:
    cc_free(text);
    cc_baseline_free(bl);
    return CC_ERR_INPUT;
}

void cc_baseline_free(cc_baseline *b)
{
    if (!b)
        return;
    cc_free(b->stale);
    cc_arena_free(&b->arena);
    cc_free(b);
}

int cc_baseline_apply(cc_baseline *b, cc_result *r, const cc_stale **stale, size_t *nstale)
{
    size_t n = cc_result_count(r), i, k;
    *stale = NULL;
    *nstale = 0;
    for (k = 0; k < b->n; k++)
        b->v[k].used = 0;
    for (i = 0; i < n; i++) {
        cc_claimres *c = (cc_claimres *)cc_result_get(r, i);
        cc_buf t = CC_BUF_INIT;
        if (!cc_verdict_disagrees(c->verdict)) {
            c->baseline = CC_BASELINE_NONE;
            continue;
        }
        c->baseline = CC_BASELINE_NEW;
        for (k = 0; k < b->n; k++) {
            bentry *e = &b->v[k];
            if (strcmp(e->id, c->id) || strcmp(e->scope, c->scope ? c->scope : "") ||
                strcmp(e->unit, c->unit ? c->unit : ""))
                continue;
            e->used = 1;
            if (camps_text(&t, c) != 0) {
                cc_buf_free(&t);
                return CC_ERR_NOMEM;
            }
            c->baseline = strcmp(t.p ? t.p : "", e->camps) == 0 ? CC_BASELINE_ACCEPTED
                                                                : CC_BASELINE_CHANGED;
            break;
        }
        cc_buf_free(&t);
    }
    cc_free(b->stale);
    b->stale = cc_malloc((b->n + 1) * sizeof(cc_stale));
    b->nstale = 0;
    if (!b->stale)
        return CC_ERR_NOMEM;
    for (k = 0; k < b->n; k++)
        if (!b->v[k].used) {
            b->stale[b->nstale].id = b->v[k].id;
            b->stale[b->nstale].scope = b->v[k].scope;
            b->stale[b->nstale].unit = b->v[k].unit;
            b->nstale++;
        }
    *stale = b->stale;
    *nstale = b->nstale;
    return CC_OK;
}
