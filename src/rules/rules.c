/*
 * rules.c: loading packs and claim rules (stage 1 of the pipeline).
 *
 * In: rule directories. Out: a cc_ruleset with every pack, every claim, and
 * each claim's extractors compiled per language, or diagnostics at
 * file:line:col. Errors are collected across all files before failing, so a
 * rule author sees every mistake in one run.
 *
 * This file reads the packs, builds the detection index and answers the
 * ruleset's accessors; claim files are read by rules_claims.c and their
 * extractors compiled by rules_compile.c (shared: rules_build.h).
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

#define RULE_FILE_MAX ((size_t)16 << 20)

int cc_rules_push_ptr(void ***v, size_t *n, size_t *cap, void *p)
{
    if (*n == *cap) {
        void *a = *v;
        if (cc_grow(&a, cap, *n + 1, sizeof(void *)) != 0)
            return -1;
        *v = a;
    }
    (*v)[(*n)++] = p;
    return 0;
}

int cc_rules_read_rule_file(const char *path, char **text, size_t *len, cc_diags *d)
{
    if (cc_read_file(path, RULE_FILE_MAX, text, len) != 0) {
        int e = errno;
        cc_diags_add(d, CC_SEV_ERROR, e == EFBIG ? CC_D_LIMIT : CC_D_IO, path, 0, 0, SIZE_MAX,
                     NULL, e == EFBIG ? "split the file; rule files are limited to 16 MiB" : NULL,
                     "cannot read rule file: %s",
                     e == EFBIG ? "file too large" : strerror(e));
        return e == ENOMEM ? CC_ERR_NOMEM : CC_ERR_RULES;
    }
    return CC_OK;
}

char *cc_rules_join_path(const char *a, const char *b)
{
    cc_buf buf = CC_BUF_INIT;
    size_t la = strlen(a);
    cc_buf_append(&buf, a, la);
    if (la && a[la - 1] != '/')
        cc_buf_putc(&buf, '/');
    cc_buf_puts(&buf, b);
    if (buf.err) {
        cc_buf_free(&buf);
        return NULL;
    }
    return cc_buf_take(&buf);
}

/* ====================================================================
 * Packs
 * ==================================================================== */

long cc_rules_list_yaml(const char *dir, const char *sub, const char *what, char **subdir,
                        char ***names, cc_diags *d, int *errors)
{
    long n;
    *names = NULL;
    if (!(*subdir = cc_rules_join_path(dir, sub)))
        return -1;
    n = cc_list_dir(*subdir, ".yaml", names);
    if (n >= 0)
        return n;
    if (errno != ENOENT) {
        int e = errno;
        cc_diags_add(d, CC_SEV_ERROR, CC_D_IO, *subdir, 0, 0, SIZE_MAX, NULL, NULL,
                     "cannot list %s: %s", what, strerror(e));
        (*errors)++;
        errno = e;
    }
    *names = NULL;
    return 0;
}

static int load_packs(cc_ruleset *rs, const char *dir, cc_diags *d, int *errors)
{
    char *ldir, **names;
    long n = cc_rules_list_yaml(dir, "lang", "language packs", &ldir, &names, d, errors), i;
    if (n < 0)
        return CC_ERR_NOMEM;
    if (!names) {
        int e = errno;
        cc_free(ldir);
        return e == ENOMEM ? CC_ERR_NOMEM : CC_OK;
    }
    for (i = 0; i < n; i++) {
        char *path = cc_rules_join_path(ldir, names[i]), *text = NULL;
        size_t len, k;
        cc_lang *l = NULL;
        int rc;
        if (!path) {
            (*errors)++;
            continue;
        }
        rc = cc_rules_read_rule_file(path, &text, &len, d);
        if (rc == CC_OK)
            rc = cc_lang_load(&l, path, text, len, d);
        cc_free(text);
        if (rc != CC_OK) {
            /* remember the code so that claims using it do not each
             * report a missing pack: the pack's own errors say it all */
            char *code = cc_strndup(names[i], strlen(names[i]) - 5);
            if (!code ||
                cc_rules_push_ptr((void ***)&rs->broken, &rs->nbroken, &rs->capbroken, code) != 0)
                cc_free(code);
            (*errors)++;
            cc_free(path);
            continue;
        }
        for (k = 0; k < rs->nlangs; k++)
            if (strcmp(rs->langs[k]->code, l->code) == 0)
                break;
        if (k < rs->nlangs) {
            cc_diags_add(d, CC_SEV_ERROR, CC_D_DUPLICATE, path, 1, 1, 0, NULL,
                         "keep one pack per language code",
                         "language '%s' is already defined in %s", l->code,
                         rs->langs[k]->file);
            (*errors)++;
            cc_lang_free(l);
        } else if (cc_rules_push_ptr((void ***)&rs->langs, &rs->nlangs, &rs->caplangs, l) != 0) {
            cc_lang_free(l);
            (*errors)++;
        }
        cc_free(path);
    }
    for (i = 0; i < n; i++)
        cc_free(names[i]);
    cc_free(names);
    cc_free(ldir);
    return CC_OK;
}

/* ====================================================================
 * Detection index
 * ==================================================================== */

static uint32_t detindex_hash_word(const char *w)
{
    uint32_t h = (uint32_t)cc_hash_str(w);
    return h ? h : 1;
}

static uint32_t detindex_hash_cp(uint32_t cp)
{
    uint32_t h = (cp + 1) * 2654435761u;
    h ^= h >> 15;
    return h ? h : 1;
}

/* The slot of a key: its entry, or the empty slot where it would go.
 * Only looks: detection threads share the table. */
static cc_detent *detindex_slot(const cc_detindex *ix, const char *word, uint32_t cp, uint32_t h)
{
    size_t i;
    for (i = h & ix->mask;; i = (i + 1) & ix->mask) {
        cc_detent *e = &ix->slots[i];
        if (!e->hash)
            return e;
        if (e->hash == h && e->cp == cp &&
            (word ? e->word && strcmp(e->word, word) == 0 : !e->word))
            return e;
    }
}

const cc_detent *cc_detindex_find(const cc_detindex *ix, const char *word, uint32_t cp)
{
    const cc_detent *e;
    if (!ix->slots)
        return NULL;
    e = detindex_slot(ix, word, cp, word ? detindex_hash_word(word) : detindex_hash_cp(cp));
    return e->hash ? e : NULL;
}

/* Pass 0 counts the packs of each key (first holds the last pack seen,
 * plus one, so that a key listed twice in one pack counts once, as it
 * scored once); pass 1 places them. */
static void detindex_add(cc_detindex *ix, const char *word, uint32_t cp, uint32_t pack, int pass)
{
    uint32_t h = word ? detindex_hash_word(word) : detindex_hash_cp(cp);
    cc_detent *e = detindex_slot(ix, word, cp, h);
    if (!e->hash) {
        e->hash = h;
        e->word = word;
        e->cp = cp;
    }
    if (pass == 0) {
        if (e->first != pack + 1) {
            e->first = pack + 1;
            e->n++;
        }
    } else if (e->n == 0 || ix->packs[e->first + e->n - 1] != pack) {
        ix->packs[e->first + e->n++] = pack;
    }
}

static int build_detindex(cc_ruleset *rs)
{
    cc_detindex *ix = &rs->detect;
    size_t keys = 0, size = 16, i, k;
    uint32_t off = 0;
    int pass;
    for (i = 0; i < rs->nlangs; i++)
        keys += rs->langs[i]->detect.nwords + rs->langs[i]->detect.nchars;
    while (size < 2 * keys)
        size *= 2;
    ix->slots = cc_arena_alloc(&rs->arena, size * sizeof *ix->slots);
    ix->packs = cc_arena_alloc(&rs->arena, (keys + 1) * sizeof *ix->packs);
    ix->ranged = cc_arena_alloc(&rs->arena, (rs->nlangs + 1) * sizeof *ix->ranged);
    if (!ix->slots || !ix->packs || !ix->ranged)
        return CC_ERR_NOMEM;
    for (i = 0; i < rs->nlangs; i++)
        if (rs->langs[i]->detect.nranges)
            ix->ranged[ix->nranged++] = (uint32_t)i;
    ix->mask = size - 1;
    for (pass = 0; pass < 2; pass++) {
        for (i = 0; i < rs->nlangs; i++) {
            const cc_detectdata *dd = &rs->langs[i]->detect;
            for (k = 0; k < dd->nwords; k++)
                detindex_add(ix, dd->words[k], 0, (uint32_t)i, pass);
            for (k = 0; k < dd->nchars; k++)
                detindex_add(ix, NULL, dd->chars[k], (uint32_t)i, pass);
        }
        if (pass == 1)
            break;
        for (i = 0; i < size; i++)
            if (ix->slots[i].hash) {
                ix->slots[i].first = off;
                off += ix->slots[i].n;
                ix->slots[i].n = 0;
            }
    }
    return CC_OK;
}

/* ====================================================================
 * Ruleset
 * ==================================================================== */

static cc_ruleset *ruleset_new(void)
{
    cc_ruleset *rs = cc_calloc(1, sizeof *rs);
    if (!rs)
        return NULL;
    if (pthread_mutex_init(&rs->jit_lock, NULL) != 0) {
        cc_free(rs);
        return NULL;
    }
    cc_ruleset_use_jit(rs, false); /* CC_JIT may say otherwise */
    return rs;
}

/* Checks what was loaded and builds the indices; frees rs on failure. */
static int ruleset_finish(cc_ruleset **out, cc_ruleset *rs, const char *dir, int errors,
                          cc_diags *d)
{
    size_t i;
    if (!errors && rs->nlangs == 0) {
        cc_diags_add(d, CC_SEV_ERROR, CC_D_IO, dir, 0, 0, SIZE_MAX, NULL,
                     "point --rules at a directory with lang/*.yaml (and claims/*.yaml)",
                     "no language packs found");
        errors++;
    }
    if (cc_rules_finish_frames(rs, d, &errors) != CC_OK) {
        cc_ruleset_free(rs);
        return CC_ERR_NOMEM;
    }
    if (errors || cc_diags_dropped(d)) {
        cc_ruleset_free(rs);
        return CC_ERR_RULES;
    }
    /* extractors by language, in claim order */
    rs->bylang = cc_arena_alloc(&rs->arena, (rs->nlangs + 1) * sizeof(cc_xlist));
    if (!rs->bylang) {
        cc_ruleset_free(rs);
        return CC_ERR_NOMEM;
    }
    for (i = 0; i < rs->nlangs; i++) {
        size_t j, n = 0;
        for (j = 0; j < rs->nxr; j++)
            n += rs->xr[j]->lang == rs->langs[i];
        rs->bylang[i].v = cc_arena_alloc(&rs->arena, (n + 1) * sizeof(cc_xrule *));
        if (!rs->bylang[i].v) {
            cc_ruleset_free(rs);
            return CC_ERR_NOMEM;
        }
        for (j = 0; j < rs->nxr; j++)
            if (rs->xr[j]->lang == rs->langs[i])
                rs->bylang[i].v[rs->bylang[i].n++] = rs->xr[j];
        if (cc_lang_max_captures(rs->langs[i]) > rs->maxcap)
            rs->maxcap = cc_lang_max_captures(rs->langs[i]);
    }
    if (build_detindex(rs) != CC_OK) {
        cc_ruleset_free(rs);
        return CC_ERR_NOMEM;
    }
    *out = rs;
    return CC_OK;
}

int cc_ruleset_load(cc_ruleset **out, const char *const *dirs, size_t ndirs, cc_diags *d)
{
    return cc_ruleset_load_flags(out, dirs, ndirs, 0, d);
}

bool cc_ruleset_concept_light(const cc_ruleset *rs, const char *name)
{
    long c = cc_ruleset_concept_index(rs, name);
    return c >= 0 && rs->concepts[c].light;
}

bool cc_ruleset_concept_rate(const cc_ruleset *rs, const char *name)
{
    long c = cc_ruleset_concept_index(rs, name);
    return c >= 0 && rs->concepts[c].rate;
}

const char *cc_ruleset_concept_family(const cc_ruleset *rs, const char *name)
{
    long c = cc_ruleset_concept_index(rs, name);
    return c >= 0 && rs->concepts[c].family ? rs->concepts[c].family : name;
}

int cc_ruleset_load_flags(cc_ruleset **out, const char *const *dirs, size_t ndirs,
                          unsigned flags, cc_diags *d)
{
    cc_ruleset *rs = ruleset_new();
    int errors = 0;
    size_t i;

    *out = NULL;
    if (!rs)
        return CC_ERR_NOMEM;
    rs->all_terms = (flags & CC_RULES_ALL_TERMS) != 0;
    for (i = 0; i < ndirs; i++)
        load_packs(rs, dirs[i], d, &errors);
    for (i = 0; i < ndirs; i++)
        if (cc_rules_load_concepts(rs, dirs[i], d, &errors) != CC_OK ||
            cc_rules_load_entities(rs, dirs[i], d, &errors) != CC_OK)
            errors++;
    cc_rules_load_claims(rs, dirs, ndirs, d, &errors);
    if (cc_rules_load_fx(rs, dirs, ndirs, d, &errors) != CC_OK)
        errors++;
    return ruleset_finish(out, rs, ndirs ? dirs[0] : NULL, errors, d);
}

int cc_ruleset_load_text(cc_ruleset **out, cc_lang *const *packs, size_t npacks,
                         const char *path, const char *text, size_t len, cc_diags *d)
{
    cc_ruleset *rs = ruleset_new();
    cfile f;
    int errors = 0;
    size_t i;

    *out = NULL;
    if (!rs)
        return CC_ERR_NOMEM;
    rs->borrowed_langs = true;
    for (i = 0; i < npacks; i++)
        if (cc_rules_push_ptr((void ***)&rs->langs, &rs->nlangs, &rs->caplangs, packs[i]) != 0) {
            cc_ruleset_free(rs);
            return CC_ERR_NOMEM;
        }
    memset(&f, 0, sizeof f);
    if (!(f.text = cc_malloc(len + 1))) {
        cc_ruleset_free(rs);
        return CC_ERR_NOMEM;
    }
    if (len)
        memcpy(f.text, text, len);
    f.text[len] = '\0';
    if (cc_rules_parse_claim_text(rs, path, &f, len, d) != CC_OK)
        errors++;
    cc_rules_read_claim_files(rs, &f, 1, &errors);
    return ruleset_finish(out, rs, path, errors, d);
}

void cc_ruleset_free(cc_ruleset *rs)
{
    size_t i;
    if (!rs)
        return;
    for (i = 0; i < rs->nxr; i++)
        cc_rules_free_xrule(rs->xr[i]);
    for (i = 0; i < rs->nlangs && !rs->borrowed_langs; i++)
        cc_lang_free(rs->langs[i]);
    cc_free(rs->langs);
    cc_free(rs->claims);
    cc_free(rs->xr);
    cc_free(rs->examples);
    cc_rules_free_frames(rs);
    for (i = 0; i < rs->nbroken; i++)
        cc_free(rs->broken[i]);
    cc_free(rs->broken);
    cc_rules_free_fx(rs);
    cc_arena_free(&rs->arena);
    pthread_mutex_destroy(&rs->jit_lock);
    cc_free(rs);
}

void cc_ruleset_use_jit(const cc_ruleset *rs, bool on)
{
    const char *env = getenv("CC_JIT");
    if (env && strcmp(env, "always") == 0)
        on = true;
    else if (env && strcmp(env, "never") == 0)
        on = false;
    atomic_store(&((cc_ruleset *)rs)->jit, on);
}

void cc_ruleset_ready(const cc_ruleset *crs, const cc_lang *cl)
{
    cc_ruleset *rs = (cc_ruleset *)crs; /* a cache filled on first use */
    cc_lang *l = (cc_lang *)cl;
    long li;
    size_t i, j;
    if (atomic_load_explicit(&l->ready, memory_order_acquire) || !atomic_load(&rs->jit))
        return;
    pthread_mutex_lock(&rs->jit_lock);
    if (!atomic_load_explicit(&l->ready, memory_order_relaxed)) {
        cc_lang_jit(l);
        li = cc_ruleset_lang_index(rs, l);
        for (i = 0; li >= 0 && rs->lf && i < rs->lf[li].nent; i++)
            cc_rx_jit(&rs->lf[li].entrx[i]);
        for (i = 0; li >= 0 && rs->bylang && i < rs->bylang[li].n; i++) {
            cc_xrule *x = rs->bylang[li].v[i];
            /* with a tail, the whole pattern is never matched */
            if (x->type == CC_X_PATTERN && !x->has_tail)
                cc_rx_jit(&x->rx);
            cc_rx_jit(&x->tail);
            for (j = 0; j < x->nnear; j++)
                cc_rx_jit(&x->near[j].rx);
            for (j = 0; j < x->nnot; j++)
                cc_rx_jit(&x->not_near[j].rx);
        }
        atomic_store_explicit(&l->ready, 1, memory_order_release);
    }
    pthread_mutex_unlock(&rs->jit_lock);
}

size_t cc_ruleset_nlangs(const cc_ruleset *rs)
{
    return rs->nlangs;
}

const cc_lang *cc_ruleset_lang(const cc_ruleset *rs, size_t i)
{
    return i < rs->nlangs ? rs->langs[i] : NULL;
}

const cc_lang *cc_ruleset_find_lang(const cc_ruleset *rs, const char *code)
{
    size_t i;
    for (i = 0; i < rs->nlangs; i++)
        if (strcmp(rs->langs[i]->code, code) == 0)
            return rs->langs[i];
    return NULL;
}

long cc_ruleset_lang_index(const cc_ruleset *rs, const cc_lang *l)
{
    size_t i;
    for (i = 0; i < rs->nlangs; i++)
        if (rs->langs[i] == l)
            return (long)i;
    return -1;
}

size_t cc_ruleset_nclaims(const cc_ruleset *rs)
{
    return rs->nclaims;
}

const cc_claim *cc_ruleset_claim(const cc_ruleset *rs, size_t i)
{
    return i < rs->nclaims ? rs->claims[i] : NULL;
}

const cc_claim *cc_ruleset_find_claim(const cc_ruleset *rs, const char *id)
{
    size_t i;
    for (i = 0; i < rs->nclaims; i++)
        if (strcmp(rs->claims[i]->id, id) == 0)
            return rs->claims[i];
    return NULL;
}

void cc_ruleset_each_pattern(const cc_ruleset *rs,
                             void (*fn)(void *ud, const char *lang, const char *claim,
                                        const char *pattern),
                             void *ud)
{
    size_t i;
    for (i = 0; i < rs->nxr; i++) {
        const cc_xrule *x = rs->xr[i];
        if (x->type == CC_X_PATTERN) {
            fn(ud, x->lang->code, x->claim->id, x->expanded);
        } else {
            /* a context rule runs the pack's scanner */
            cc_buf q = CC_BUF_INIT;
            cc_buf_puts(&q, "(*UTF)(*UCP)(?Ji)");
            cc_buf_puts(&q, cc_lang_macro(x->lang, "quantity"));
            cc_buf_puts(&q, x->lang->defines);
            fn(ud, x->lang->code, x->claim->id, q.p ? q.p : "");
            cc_buf_free(&q);
        }
    }
}
