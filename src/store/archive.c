/*
 * archive.c: observations as JSON Lines (between extraction and
 * comparison).
 *
 * In: the observations, inputs and diagnostics of runs, or files of them.
 * Out: JSON Lines sorted by file and position; or an archive in memory
 * rebuilt from such files, with the exact decimals intact, ready for the
 * comparator. A bad line is a diagnostic at file:line and is skipped; so is
 * an input record whose count of observations is more than the archive
 * holds for that file (an archive cut short at a line boundary).
 */
#include "claimcheck/archive.h"

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "escape.h"
#include "json.h"
#include "obs_priv.h"
#include "run_priv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct cc_archive {
    cc_obstab *obs;
    cc_input *in;
    size_t nin, capin;
    cc_diags *diags;
    cc_arena arena; /* strings of inputs */
};

int cc_archive_new(cc_archive **out)
{
    cc_archive *a = cc_calloc(1, sizeof *a);
    *out = NULL;
    if (!a)
        return CC_ERR_NOMEM;
    if (cc_obstab_new(&a->obs) != CC_OK || !(a->diags = cc_diags_new())) {
        cc_archive_free(a);
        return CC_ERR_NOMEM;
    }
    *out = a;
    return CC_OK;
}

void cc_archive_free(cc_archive *a)
{
    if (!a)
        return;
    cc_obstab_free(a->obs);
    cc_diags_free(a->diags);
    cc_free(a->in);
    cc_arena_free(&a->arena);
    cc_free(a);
}

cc_obstab *cc_archive_obs(cc_archive *a) { return a->obs; }
size_t cc_archive_ninputs(cc_archive *a) { return a->nin; }
const cc_input *cc_archive_inputs(cc_archive *a) { return a->in; }
cc_diags *cc_archive_diags(cc_archive *a) { return a->diags; }

/* ====================================================================
 * Writing
 * ==================================================================== */

static int cmp_obsp(const void *pa, const void *pb)
{
    const cc_obs *a = *(const cc_obs *const *)pa, *b = *(const cc_obs *const *)pb;
    int c = strcmp(a->file, b->file);
    if (c)
        return c;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    if ((c = strcmp(a->claim, b->claim)))
        return c;
    return strcmp(a->scope, b->scope);
}

static int cmp_inp(const void *pa, const void *pb)
{
    return strcmp(((const cc_input *)pa)->path, ((const cc_input *)pb)->path);
}

int cc_write_jsonl(FILE *out, const cc_obstab *t, const cc_input *in, size_t nin,
                   const cc_diags *d)
{
    size_t n = t ? cc_obstab_count(t) : 0, i, nd = d ? cc_diags_count(d) : 0;
    const cc_obs **v = cc_malloc((n + 1) * sizeof(cc_obs *));
    cc_input *inputs = cc_malloc((nin + 1) * sizeof(cc_input));
    cc_buf b = CC_BUF_INIT;
    int rc = CC_OK;
    if (!v || !inputs) {
        cc_free(v);
        cc_free(inputs);
        return CC_ERR_NOMEM;
    }
    for (i = 0; i < n; i++)
        v[i] = cc_obstab_get(t, i);
    qsort(v, n, sizeof *v, cmp_obsp);
    if (nin)
        memcpy(inputs, in, nin * sizeof(cc_input));
    qsort(inputs, nin, sizeof(cc_input), cmp_inp);
    b.limit = (size_t)1 << 34;
    for (i = 0; i < nin && !b.err; i++) {
        cc_input_write_json(&b, &inputs[i], CC_JSON_RECORD);
        cc_buf_putc(&b, '\n');
    }
    for (i = 0; i < n && rc == CC_OK; i++) {
        cc_obs_write_json(&b, v[i], CC_OBS_JSON_RECORD);
        cc_buf_putc(&b, '\n');
        if (b.len > (1u << 20)) { /* stream in pieces */
            if (fwrite(b.p, 1, b.len, out) != b.len)
                rc = CC_ERR_IO;
            cc_buf_reset(&b);
        }
    }
    for (i = 0; i < nd && !b.err; i++) {
        cc_diag_write_json(&b, cc_diags_get(d, i), CC_JSON_RECORD);
        cc_buf_putc(&b, '\n');
    }
    if (rc == CC_OK && b.err)
        rc = CC_ERR_NOMEM;
    if (rc == CC_OK && b.len && fwrite(b.p, 1, b.len, out) != b.len)
        rc = CC_ERR_IO;
    if (rc == CC_OK && fflush(out) != 0)
        rc = CC_ERR_IO;
    cc_buf_free(&b);
    cc_free(v);
    cc_free(inputs);
    return rc;
}

/* ====================================================================
 * Reading
 * ==================================================================== */

/* An input record as read, for checking its count of observations. */
typedef struct incount {
    const char *path; /* in the archive's arena */
    uint32_t line;    /* of the record */
    size_t nobs;      /* what the record says */
    size_t found;     /* observations of path in the archive */
} incount;

typedef struct reader {
    cc_archive *a;
    const char *path;
    uint32_t line;
    cc_diags *errors;
    int bad;
    incount *counts; /* the input records of this file */
    size_t ncounts, capcounts;
} reader;

static void bad_line(reader *r, const char *why, const char *what)
{
    cc_diags_add(r->errors, CC_SEV_ERROR, CC_D_VALUE, r->path, r->line, 0, SIZE_MAX, NULL,
                 "each line must be a record written by claimcheck extract",
                 "bad archive record: %s%s%s", why, what ? " " : "", what ? what : "");
    r->bad = 1;
}

static bool get_u64(const jval *o, const char *key, uint64_t *out)
{
    const jval *v = j_get(o, key);
    uint64_t x = 0;
    const char *p;
    if (!v || v->t != J_NUM)
        return false;
    for (p = v->s; *p; p++) {
        if (*p < '0' || *p > '9' || x > (UINT64_MAX - 9) / 10)
            return false;
        x = x * 10 + (uint64_t)(*p - '0');
    }
    *out = x;
    return true;
}

static bool get_dec(const jval *o, const char *key, cc_dec *out, int *inf)
{
    const jval *v = j_get(o, key);
    if (!v)
        return false;
    if (inf && v->t == J_NULL) {
        *inf = 1;
        return true;
    }
    if (inf)
        *inf = 0;
    return v->t == J_NUM && cc_dec_parse(out, v->s, v->len) == 0;
}

static bool get_bool(const jval *o, const char *key)
{
    const jval *v = j_get(o, key);
    return v && v->t == J_BOOL && strcmp(v->s, "true") == 0;
}

static void read_observation(reader *r, const jval *o)
{
    cc_obs ob;
    uint64_t line = 0, col = 0, cs = 0;
    int lo_inf = 0, hi_inf = 0;
    const char *kind, *qual;
    memset(&ob, 0, sizeof ob);
    ob.claim = j_str(o, "claim");
    ob.scope = j_str(o, "scope");
    ob.file = j_str(o, "file");
    ob.lang = j_str(o, "lang");
    ob.text = j_str(o, "text");
    ob.unit = j_str(o, "unit");
    ob.context = j_str(o, "context");
    ob.date = j_str(o, "date");
    kind = j_str(o, "kind");
    qual = j_str(o, "qualifier");
    if (!ob.claim || !ob.file || !ob.lang || !ob.text || !kind || !qual) {
        bad_line(r, "an observation needs claim, file, lang, text, kind and qualifier", NULL);
        return;
    }
    if (!ob.scope)
        ob.scope = "";
    if (!ob.unit)
        ob.unit = "";
    if (!get_u64(o, "line", &line) || !get_u64(o, "column", &col) ||
        !get_u64(o, "start", &ob.start) || !get_u64(o, "end", &ob.end) || line > UINT32_MAX ||
        col > UINT32_MAX || ob.end < ob.start) {
        bad_line(r, "bad position (line, column, start, end)", NULL);
        return;
    }
    ob.line = (uint32_t)line;
    ob.column = (uint32_t)col;
    if (get_u64(o, "context_start", &cs))
        ob.context_start = cs;
    if (!get_dec(o, "value", &ob.value, NULL) || !get_dec(o, "low", &ob.iv.lo, &lo_inf) ||
        !get_dec(o, "high", &ob.iv.hi, &hi_inf)) {
        bad_line(r, "value, low and high must be numbers (low and high may be null)", NULL);
        return;
    }
    if (!lo_inf && !hi_inf && cc_dec_cmp(ob.iv.lo, ob.iv.hi) > 0) {
        bad_line(r, "low is greater than high", NULL);
        return;
    }
    ob.iv.lo_inf = (uint8_t)lo_inf;
    ob.iv.hi_inf = (uint8_t)hi_inf;
    ob.unit_inherited = get_bool(o, "unit_inherited");
    ob.forecast = get_bool(o, "forecast");
    ob.iv.lo_open = get_bool(o, "low_open");
    ob.iv.hi_open = get_bool(o, "high_open");
    if (cc_kind_from_name(&ob.kind, kind) != 0) {
        bad_line(r, "unknown kind", kind);
        return;
    }
    if (cc_qualifier_from_name(&ob.qual, qual) != 0) {
        bad_line(r, "unknown qualifier", qual);
        return;
    }
    if (cc_obstab_add(r->a->obs, &ob) != CC_OK)
        bad_line(r, "out of memory", NULL);
}

static char *keep(cc_archive *a, const char *s)
{
    return s ? cc_arena_strdup(&a->arena, s) : NULL;
}

static void read_input(reader *r, const jval *o)
{
    cc_archive *a = r->a;
    const char *file = j_str(o, "file"), *status = j_str(o, "status");
    uint64_t nobs = 0, bytes = 0;
    cc_input in;
    if (!file || !status || (strcmp(status, "scanned") && strcmp(status, "skipped"))) {
        bad_line(r, "an input needs file and status (scanned or skipped)", NULL);
        return;
    }
    memset(&in, 0, sizeof in);
    in.path = keep(a, file);
    in.status = strcmp(status, "scanned") == 0 ? CC_INPUT_SCANNED : CC_INPUT_SKIPPED;
    in.lang = keep(a, j_str(o, "lang"));
    in.lang_source = keep(a, j_str(o, "lang_source"));
    in.reason = keep(a, j_str(o, "reason"));
    get_u64(o, "observations", &nobs);
    get_u64(o, "bytes", &bytes);
    in.nobs = (size_t)nobs;
    in.bytes = (size_t)bytes;
    if (!in.path) {
        bad_line(r, "out of memory", NULL);
        return;
    }
    if (a->nin == a->capin) {
        void *v = a->in;
        if (cc_grow(&v, &a->capin, a->nin + 1, sizeof(cc_input)) != 0) {
            bad_line(r, "out of memory", NULL);
            return;
        }
        a->in = v;
    }
    if (r->ncounts == r->capcounts) {
        void *v = r->counts;
        if (cc_grow(&v, &r->capcounts, r->ncounts + 1, sizeof(incount)) != 0) {
            bad_line(r, "out of memory", NULL);
            return;
        }
        r->counts = v;
    }
    r->counts[r->ncounts].path = in.path;
    r->counts[r->ncounts].line = r->line;
    r->counts[r->ncounts].nobs = in.nobs;
    r->counts[r->ncounts].found = 0;
    r->ncounts++;
    a->in[a->nin++] = in;
}

static void read_diagnostic(reader *r, const jval *o)
{
    const char *sev = j_str(o, "severity"), *code = j_str(o, "code"), *msg = j_str(o, "message");
    uint64_t line = 0, col = 0;
    cc_severity s = CC_SEV_ERROR;
    cc_diag_code c = CC_D_GENERIC;
    int k;
    if (!msg || !sev) {
        bad_line(r, "a diagnostic needs severity and message", NULL);
        return;
    }
    if (!strcmp(sev, "note"))
        s = CC_SEV_NOTE;
    else if (!strcmp(sev, "warning"))
        s = CC_SEV_WARNING;
    for (k = 0; code && k <= CC_D_TEST; k++)
        if (!strcmp(cc_diag_code_name((cc_diag_code)k), code))
            c = (cc_diag_code)k;
    get_u64(o, "line", &line);
    get_u64(o, "column", &col);
    cc_diags_add(r->a->diags, s, c, j_str(o, "file"), (uint32_t)line, (uint32_t)col, SIZE_MAX,
                 NULL, j_str(o, "hint"), "%s", msg);
}

static void read_record(reader *r, const char *p, size_t n)
{
    cc_arena tmp = CC_ARENA_INIT;
    jval *v;
    size_t off;
    const char *msg, *type;
    if (cc_json_parse(&v, &tmp, p, n, &off, &msg) != 0) {
        char where[48];
        snprintf(where, sizeof where, "(at byte %zu of the line)", off);
        bad_line(r, msg, where);
    } else if (v->t != J_OBJ || !(type = j_str(v, "type"))) {
        bad_line(r, "not an object with a type", NULL);
    } else if (!strcmp(type, "observation")) {
        read_observation(r, v);
    } else if (!strcmp(type, "input")) {
        read_input(r, v);
    } else if (!strcmp(type, "diagnostic")) {
        read_diagnostic(r, v);
    } else {
        bad_line(r, "unknown type", type);
    }
    cc_arena_free(&tmp);
}

typedef struct inrank {
    const char *path;
    size_t idx;
} inrank;

static int cmp_rank(const void *pa, const void *pb)
{
    const inrank *a = pa, *b = pb;
    int c = strcmp(a->path, b->path);
    if (c)
        return c;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* Inputs sorted by path, the last record of a path kept. */
static int unique_inputs(cc_archive *a)
{
    inrank *r = cc_malloc((a->nin + 1) * sizeof(inrank));
    cc_input *v = cc_malloc((a->nin + 1) * sizeof(cc_input));
    size_t i, k = 0;
    if (!r || !v) {
        cc_free(r);
        cc_free(v);
        return CC_ERR_NOMEM;
    }
    for (i = 0; i < a->nin; i++) {
        r[i].path = a->in[i].path;
        r[i].idx = i;
    }
    qsort(r, a->nin, sizeof(inrank), cmp_rank);
    for (i = 0; i < a->nin; i++) {
        if (k > 0 && strcmp(v[k - 1].path, r[i].path) == 0)
            v[k - 1] = a->in[r[i].idx];
        else
            v[k++] = a->in[r[i].idx];
    }
    cc_free(a->in);
    cc_free(r);
    a->in = v;
    a->nin = k;
    a->capin = a->nin + 1;
    return CC_OK;
}

static int cmp_count(const void *pa, const void *pb)
{
    const incount *a = pa, *b = pb;
    int c = strcmp(a->path, b->path);
    if (c)
        return c;
    return a->line < b->line ? -1 : a->line > b->line;
}

static int cmp_count_key(const void *key, const void *elt)
{
    return strcmp(key, ((const incount *)elt)->path);
}

/* Each input record read from this file says how many observations its
 * article gave; the archive must hold at least that many. Fewer means
 * lines were lost, such as an archive cut short at a line boundary, which
 * no single line shows. (More is allowed: archives of the same article may
 * be concatenated.) The last record of a path counts, as in unique_inputs. */
static void check_counts(reader *r)
{
    size_t i, k = 0;
    if (!r->ncounts)
        return;
    qsort(r->counts, r->ncounts, sizeof(incount), cmp_count);
    for (i = 0; i < r->ncounts; i++) {
        if (k > 0 && strcmp(r->counts[k - 1].path, r->counts[i].path) == 0)
            r->counts[k - 1] = r->counts[i];
        else
            r->counts[k++] = r->counts[i];
    }
    r->ncounts = k;
    for (i = 0; i < cc_obstab_count(r->a->obs); i++) {
        incount *c = bsearch(cc_obstab_get(r->a->obs, i)->file, r->counts, r->ncounts,
                             sizeof(incount), cmp_count_key);
        if (c)
            c->found++;
    }
    for (i = 0; i < r->ncounts; i++) {
        const incount *c = &r->counts[i];
        if (c->found >= c->nobs)
            continue;
        cc_diags_add(r->errors, CC_SEV_ERROR, CC_D_VALUE, r->path, c->line, 0, SIZE_MAX, NULL,
                     "the archive was cut short or edited: write it again with claimcheck "
                     "extract",
                     "bad archive: the input record of %s counts %zu observation%s, but the "
                     "archive holds %zu",
                     c->path, c->nobs, c->nobs == 1 ? "" : "s", c->found);
        r->bad = 1;
    }
}

int cc_archive_load(cc_archive *a, const char *path, cc_diags *errors)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    reader r;
    char *line = NULL; /* getline's buffer (libc's allocator) */
    size_t cap = 0;
    ssize_t n;
    int rc = CC_OK;
    if (!f) {
        cc_diags_add(errors, CC_SEV_ERROR, CC_D_IO, path, 0, 0, SIZE_MAX, NULL, NULL,
                     "cannot read the archive: %s", strerror(errno));
        return CC_ERR_IO;
    }
    memset(&r, 0, sizeof r);
    r.a = a;
    r.path = path;
    r.errors = errors;
    while ((n = getline(&line, &cap, f)) >= 0) {
        r.line++;
        if (n > 0 && line[n - 1] == '\n')
            n--;
        if (n > 0 && line[n - 1] == '\r')
            n--;
        if ((size_t)n > (size_t)64 << 20)
            bad_line(&r, "line too long (more than 64 MiB)", NULL);
        else if (n > 0)
            read_record(&r, line, (size_t)n);
    }
    if (ferror(f)) {
        cc_diags_add(errors, CC_SEV_ERROR, CC_D_IO, path, 0, 0, SIZE_MAX, NULL, NULL,
                     "error reading the archive");
        rc = CC_ERR_IO;
    }
    if (f != stdin)
        fclose(f);
    free(line);
    if (rc == CC_OK)
        check_counts(&r);
    cc_free(r.counts);
    if (unique_inputs(a) != CC_OK)
        rc = CC_ERR_NOMEM;
    if (rc == CC_OK && r.bad)
        rc = CC_ERR_INPUT;
    return rc;
}

int cc_archive_add_inputs(cc_archive *a, const cc_input *in, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        cc_input c = in[i];
        c.path = keep(a, in[i].path);
        c.lang = keep(a, in[i].lang);
        c.lang_source = keep(a, in[i].lang_source);
        c.reason = keep(a, in[i].reason);
        if (!c.path)
            return CC_ERR_NOMEM;
        if (a->nin == a->capin) {
            void *v = a->in;
            if (cc_grow(&v, &a->capin, a->nin + 1, sizeof(cc_input)) != 0)
                return CC_ERR_NOMEM;
            a->in = v;
        }
        a->in[a->nin++] = c;
    }
    return unique_inputs(a);
}

static int cmp_cstr(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* A new list of the diagnostics of d whose file is (about: true) or is not
 * (false) one of sorted[0..n). */
static int copy_diags(cc_diags **out, const cc_diags *d, const char *const *sorted, size_t n,
                      bool about)
{
    size_t i;
    if (!(*out = cc_diags_new()))
        return CC_ERR_NOMEM;
    for (i = 0; i < cc_diags_count(d); i++) {
        const cc_diag *g = cc_diags_get(d, i);
        bool hit = g->file && bsearch(&g->file, sorted, n, sizeof(char *), cmp_cstr);
        if (hit != about)
            continue;
        if (cc_diags_add(*out, g->severity, g->code, g->file, g->line, g->column, g->offset,
                         g->source, g->hint, "%s", g->message) != CC_OK) {
            cc_diags_free(*out);
            *out = NULL;
            return CC_ERR_NOMEM;
        }
    }
    return CC_OK;
}

int cc_archive_drop_files(cc_archive *a, const char *const *files, size_t n)
{
    const char **sorted = cc_malloc((n + 1) * sizeof(char *));
    cc_obstab *keep_t = NULL;
    cc_diags *keep_d = NULL;
    size_t i, k = 0;
    if (!sorted || cc_obstab_new(&keep_t) != CC_OK) {
        cc_free(sorted);
        return CC_ERR_NOMEM;
    }
    if (n)
        memcpy(sorted, files, n * sizeof(char *));
    qsort(sorted, n, sizeof(char *), cmp_cstr);
    for (i = 0; i < cc_obstab_count(a->obs); i++) {
        const cc_obs *o = cc_obstab_get(a->obs, i);
        if (bsearch(&o->file, sorted, n, sizeof(char *), cmp_cstr))
            continue;
        if (cc_obstab_add(keep_t, o) != CC_OK) {
            cc_obstab_free(keep_t);
            cc_free(sorted);
            return CC_ERR_NOMEM;
        }
    }
    cc_obstab_free(a->obs);
    a->obs = keep_t;
    for (i = 0; i < a->nin; i++) {
        const char *p = a->in[i].path;
        if (!bsearch(&p, sorted, n, sizeof(char *), cmp_cstr))
            a->in[k++] = a->in[i];
    }
    a->nin = k;
    /* and their diagnostics: a file fixed since must not keep its errors */
    if (copy_diags(&keep_d, a->diags, sorted, n, false) != CC_OK) {
        cc_free(sorted);
        return CC_ERR_NOMEM;
    }
    cc_diags_free(a->diags);
    a->diags = keep_d;
    cc_free(sorted);
    return CC_OK;
}

int cc_archive_add_diags(cc_archive *a, const cc_diags *d, const char *const *files, size_t n)
{
    const char **sorted = cc_malloc((n + 1) * sizeof(char *));
    cc_diags *got = NULL;
    int rc;
    if (!sorted)
        return CC_ERR_NOMEM;
    if (n)
        memcpy(sorted, files, n * sizeof(char *));
    qsort(sorted, n, sizeof(char *), cmp_cstr);
    rc = copy_diags(&got, d, sorted, n, true);
    if (rc == CC_OK)
        rc = cc_diags_move(a->diags, got);
    cc_diags_free(got);
    cc_free(sorted);
    return rc;
}
