/*
 * run.c: the pipeline over many articles (stages 2 to 5), on worker
 * threads.
 *
 * In: paths and a ruleset. Out: the input accounting (every path scanned or
 * skipped with its reason) and one observation table. Each worker has its
 * own extractor (match data, JIT stack) and table; the ruleset is shared
 * read-only. Workers take the next input from an atomic counter, so long
 * articles do not hold up the others; results are merged after the join
 * and ordered by path, so they do not depend on the number of threads.
 */
#include "run_priv.h"

#include "claimcheck/detect.h"

#include "alloc.h"
#include "buf.h"
#include "escape.h"
#include "rules_priv.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct cc_run {
    cc_input *in;
    size_t n;
    size_t nskipped;
    cc_obstab *obs;
};

typedef struct shared {
    const cc_ruleset *rs;
    const cc_run_opts *opts;
    cc_run *run;
    cc_diags *d;
    atomic_size_t next;
    atomic_int nomem;
} shared;

typedef struct worker {
    shared *sh;
    cc_extractor *x;
    cc_obstab *obs;
    pthread_t tid;
    int started;
} worker;

static char *last_message(const cc_diags *d)
{
    size_t n = cc_diags_count(d);
    const cc_diag *g;
    const char *m;
    if (!n)
        return cc_strdup("skipped");
    g = cc_diags_get(d, n - 1);
    m = g->message;
    if (strncmp(m, "skipped: ", 9) == 0)
        m += 9;
    return cc_strdup(m);
}

static void skip(cc_input *in, cc_diags *local, const char *why)
{
    in->status = CC_INPUT_SKIPPED;
    in->reason = why ? cc_strdup(why) : last_message(local);
}

static void process(worker *w, cc_input *in)
{
    shared *sh = w->sh;
    cc_diags *local = cc_diags_new();
    cc_doc *doc = NULL;
    const cc_lang *l = NULL;
    int rc;
    size_t before;

    if (!local) {
        atomic_store(&sh->nomem, 1);
        skip(in, NULL, "out of memory");
        return;
    }
    if (strcmp(in->path, "-") == 0) {
        rc = cc_doc_from_stream(&doc, "-", stdin, local);
    } else {
        rc = cc_doc_open(&doc, in->path, local);
    }
    if (rc != CC_OK) {
        skip(in, local, NULL);
        goto out;
    }
    in->bytes = cc_doc_len(doc);
    if (sh->opts && sh->opts->lang) {
        l = cc_ruleset_find_lang(sh->rs, sh->opts->lang);
        in->lang_source = "forced";
    } else if (cc_doc_meta_lang(doc)) {
        l = cc_ruleset_find_lang(sh->rs, cc_doc_meta_lang(doc));
        in->lang_source = "front-matter";
        if (!l) {
            char why[96];
            snprintf(why, sizeof why, "no language pack for '%s' (front matter lang:)",
                     cc_doc_meta_lang(doc));
            cc_diags_add(local, CC_SEV_ERROR, CC_D_LANG, in->path, 0, 0, SIZE_MAX, NULL,
                         "add rules/lang/<code>.yaml, or fix lang: in the front matter",
                         "skipped: %s", why);
            skip(in, local, why);
            goto out;
        }
    } else {
        cc_detection det;
        cc_detect(&det, sh->rs, cc_doc_text(doc) + cc_doc_body(doc),
                  cc_doc_len(doc) - cc_doc_body(doc));
        l = det.lang;
        in->lang_source = "detected";
        if (!l) {
            /* an empty or figure-free article: nothing to extract, and
             * nothing lost */
            if (det.tokens == 0) {
                in->status = CC_INPUT_SCANNED;
                goto out;
            }
            cc_diags_add(local, CC_SEV_ERROR, CC_D_LANG, in->path, 0, 0, SIZE_MAX, NULL,
                         "add lang: to the front matter, or pass --lang",
                         "skipped: language not recognised by any pack");
            skip(in, local, "language not recognised by any pack");
            goto out;
        }
    }
    in->lang = cc_lang_code(l);
    before = cc_obstab_count(w->obs);
    rc = cc_extract(w->x, l, doc, w->obs, local);
    if (rc == CC_ERR_NOMEM)
        atomic_store(&sh->nomem, 1);
    in->nobs = cc_obstab_count(w->obs) - before;
    in->status = CC_INPUT_SCANNED;
out:
    cc_doc_free(doc);
    cc_diags_move(sh->d, local);
    cc_diags_free(local);
}

static void *work(void *arg)
{
    worker *w = arg;
    shared *sh = w->sh;
    for (;;) {
        size_t i = atomic_fetch_add(&sh->next, 1);
        if (i >= sh->run->n || atomic_load(&sh->nomem))
            break;
        process(w, &sh->run->in[i]);
    }
    return NULL;
}

static int cmp_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_input(const void *a, const void *b)
{
    return strcmp(((const cc_input *)a)->path, ((const cc_input *)b)->path);
}

/* Long on purpose: collect, sort, de-duplicate, run: one straight sequence. */
int cc_run_paths(cc_run **out, const cc_ruleset *rs, const char *const *paths, size_t npaths,
                 const cc_run_opts *opts, cc_diags *d)
{
    cc_pathlist files = {NULL, 0, 0}, bad = {NULL, 0, 0}, why = {NULL, 0, 0};
    cc_run *r;
    shared sh;
    worker *ws = NULL;
    size_t i, nw;
    long cpus;
    int rc;

    *out = NULL;
    r = cc_calloc(1, sizeof *r);
    if (!r || cc_obstab_new(&r->obs) != CC_OK) {
        cc_free(r);
        return CC_ERR_NOMEM;
    }
    *out = r;
    rc = cc_walk(&files, &bad, &why, paths, npaths, d);
    if (rc != CC_OK)
        goto done;
    if (opts && opts->lang && !cc_ruleset_find_lang(rs, opts->lang)) {
        cc_diags_add(d, CC_SEV_ERROR, CC_D_LANG, NULL, 0, 0, SIZE_MAX, NULL,
                     "see the packs in rules/lang/", "--lang %s: no such language pack",
                     opts->lang);
        rc = CC_ERR_INVALID;
        goto done;
    }
    r->in = cc_calloc(files.n + bad.n + 1, sizeof(cc_input));
    if (!r->in) {
        rc = CC_ERR_NOMEM;
        goto done;
    }
    /* the same file named twice is read once */
    qsort(files.v, files.n, sizeof(char *), cmp_path);
    for (i = 0; i < files.n; i++) {
        if (r->n > 0 && strcmp(r->in[r->n - 1].path, files.v[i]) == 0) {
            cc_free(files.v[i]);
            files.v[i] = NULL;
            continue;
        }
        r->in[r->n++].path = files.v[i];
        files.v[i] = NULL;
    }
    for (i = 0; i < bad.n; i++) {
        cc_input *in = &r->in[r->n++];
        in->path = bad.v[i];
        in->status = CC_INPUT_SKIPPED;
        in->reason = why.v[i];
        bad.v[i] = why.v[i] = NULL;
    }

    {
        /* JIT pays for itself only on enough text */
        size_t total = 0;
        struct stat st;
        for (i = 0; i < r->n && total < CC_JIT_MIN_BYTES; i++)
            if (r->in[i].status == CC_INPUT_SCANNED && stat(r->in[i].path, &st) == 0 &&
                S_ISREG(st.st_mode))
                total += (size_t)st.st_size;
        cc_ruleset_use_jit(rs, total >= CC_JIT_MIN_BYTES);
    }
    memset(&sh, 0, sizeof sh);
    sh.rs = rs;
    sh.opts = opts;
    sh.run = r;
    sh.d = d;
    atomic_init(&sh.next, 0);
    atomic_init(&sh.nomem, 0);
    cpus = sysconf(_SC_NPROCESSORS_ONLN);
    nw = opts && opts->jobs ? opts->jobs : (cpus > 0 ? (size_t)cpus : 1);
    if (nw > 256)
        nw = 256;
    if (nw > r->n - bad.n)
        nw = r->n - bad.n;
    if (nw == 0)
        nw = 1;
    /* inputs already skipped by the walk sit at the end: workers stop
     * before them */
    {
        size_t todo = r->n - bad.n, save = r->n;
        r->n = todo;
        ws = cc_calloc(nw, sizeof(worker));
        if (!ws) {
            r->n = save;
            rc = CC_ERR_NOMEM;
            goto done;
        }
        for (i = 0; i < nw; i++) {
            ws[i].sh = &sh;
            if (cc_extractor_new(&ws[i].x, rs) != CC_OK || cc_obstab_new(&ws[i].obs) != CC_OK) {
                atomic_store(&sh.nomem, 1);
                break;
            }
            cc_extractor_keep_context(ws[i].x, !(opts && opts->no_context));
            cc_extractor_explain(ws[i].x, opts ? opts->explain : NULL);
            cc_extractor_discover(ws[i].x, opts && opts->discover);
            if (opts && opts->time_budget_ms)
                cc_extractor_time_budget(ws[i].x, opts->time_budget_ms);
        }
        if (!atomic_load(&sh.nomem)) {
            if (nw == 1) {
                work(&ws[0]);
            } else {
                for (i = 0; i < nw; i++)
                    ws[i].started = pthread_create(&ws[i].tid, NULL, work, &ws[i]) == 0;
                for (i = 0; i < nw; i++)
                    if (ws[i].started)
                        pthread_join(ws[i].tid, NULL);
                    else
                        work(&ws[i]); /* could not start: do its share here */
            }
        }
        r->n = save;
    }
    for (i = 0; i < nw; i++) {
        if (ws[i].obs && !atomic_load(&sh.nomem) && cc_obstab_move(r->obs, ws[i].obs) != CC_OK)
            atomic_store(&sh.nomem, 1);
        cc_obstab_free(ws[i].obs);
        cc_extractor_free(ws[i].x);
    }
    cc_free(ws);
    if (atomic_load(&sh.nomem)) {
        rc = CC_ERR_NOMEM;
        goto done;
    }
    qsort(r->in, r->n, sizeof(cc_input), cmp_input);
    for (i = 0; i < r->n; i++)
        r->nskipped += r->in[i].status == CC_INPUT_SKIPPED;
    cc_diags_sort(d);
done:
    cc_pathlist_free(&files);
    cc_pathlist_free(&bad);
    cc_pathlist_free(&why);
    return rc;
}

void cc_run_free(cc_run *r)
{
    size_t i;
    if (!r)
        return;
    for (i = 0; i < r->n; i++) {
        cc_free(r->in[i].path);
        cc_free(r->in[i].reason);
    }
    cc_free(r->in);
    cc_obstab_free(r->obs);
    cc_free(r);
}

size_t cc_run_ninputs(const cc_run *r)
{
    return r->n;
}

const cc_input *cc_run_input(const cc_run *r, size_t i)
{
    return i < r->n ? &r->in[i] : NULL;
}

size_t cc_run_nskipped(const cc_run *r)
{
    return r->nskipped;
}

cc_obstab *cc_run_obs(cc_run *r)
{
    return r->obs;
}

int cc_input_write_json(cc_buf *b, const cc_input *in, unsigned flags)
{
    cc_buf_puts(b, flags & CC_JSON_RECORD ? "{\"type\": \"input\", \"file\": " : "{\"file\": ");
    cc_json_cstr(b, in->path);
    cc_buf_printf(b, ", \"status\": \"%s\", \"lang\": ",
                  in->status == CC_INPUT_SCANNED ? "scanned" : "skipped");
    cc_json_cstr(b, in->lang);
    cc_buf_puts(b, ", \"lang_source\": ");
    cc_json_cstr(b, in->lang_source);
    cc_buf_puts(b, ", \"reason\": ");
    cc_json_cstr(b, in->reason);
    cc_buf_printf(b, ", \"observations\": %zu", in->nobs);
    if (flags & CC_JSON_RECORD)
        cc_buf_printf(b, ", \"bytes\": %zu", in->bytes);
    cc_buf_putc(b, '}');
    return b->err;
}
