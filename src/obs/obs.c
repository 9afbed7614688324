/*
 * obs.c: observations and their table (the record between extraction and
 * comparison).
 *
 * In: observations from the extractor or an archive. Out: a table that owns
 * one copy of each distinct string (claim ids, paths, languages and units
 * repeat across thousands of observations), for the comparator and the
 * archive writer; and the one JSON record of an observation, for the
 * archive and the JSON reports.
 */
#include "obs_priv.h"

#include "alloc.h"
#include "arena.h"
#include "escape.h"
#include "hash.h"

#include <string.h>

struct cc_obstab {
    cc_arena arena;
    cc_obs *v;
    size_t n, cap;
    const char **set; /* interned strings, open addressing */
    size_t setcap, setn;
};

int cc_obstab_new(cc_obstab **out)
{
    *out = cc_calloc(1, sizeof **out);
    return *out ? CC_OK : CC_ERR_NOMEM;
}

void cc_obstab_free(cc_obstab *t)
{
    if (!t)
        return;
    cc_arena_free(&t->arena);
    cc_free(t->v);
    cc_free(t->set);
    cc_free(t);
}

size_t cc_obstab_count(const cc_obstab *t)
{
    return t->n;
}

const cc_obs *cc_obstab_get(const cc_obstab *t, size_t i)
{
    return i < t->n ? &t->v[i] : NULL;
}

size_t cc_obstab_bytes(const cc_obstab *t)
{
    return t->arena.total + t->cap * sizeof(cc_obs) + t->setcap * sizeof(char *);
}

/* The table's copy of s, shared by every observation that uses it. */
static const char *intern(cc_obstab *t, const char *s)
{
    uint64_t h;
    size_t i;
    char *c;
    if (!s)
        s = "";
    if (t->setn * 2 >= t->setcap) {
        size_t ncap = t->setcap ? t->setcap * 2 : 256, j;
        const char **ns = cc_calloc(ncap, sizeof(char *));
        if (!ns)
            return NULL;
        for (j = 0; j < t->setcap; j++)
            if (t->set[j]) {
                size_t k = cc_hash_str(t->set[j]) & (ncap - 1);
                while (ns[k])
                    k = (k + 1) & (ncap - 1);
                ns[k] = t->set[j];
            }
        cc_free(t->set);
        t->set = ns;
        t->setcap = ncap;
    }
    h = cc_hash_str(s);
    for (i = h & (t->setcap - 1); t->set[i]; i = (i + 1) & (t->setcap - 1))
        if (strcmp(t->set[i], s) == 0)
            return t->set[i];
    c = cc_arena_strdup(&t->arena, s);
    if (!c)
        return NULL;
    t->set[i] = c;
    t->setn++;
    return c;
}

int cc_obstab_add(cc_obstab *t, const cc_obs *o)
{
    cc_obs c = *o;
    if (t->n == t->cap) {
        void *v = t->v;
        if (cc_grow(&v, &t->cap, t->n + 1, sizeof(cc_obs)) != 0)
            return CC_ERR_NOMEM;
        t->v = v;
    }
    c.claim = intern(t, o->claim);
    c.scope = intern(t, o->scope);
    c.file = intern(t, o->file);
    c.lang = intern(t, o->lang);
    c.unit = intern(t, o->unit);
    c.text = intern(t, o->text);
    c.context = intern(t, o->context);
    c.date = intern(t, o->date);
    if (!c.claim || !c.scope || !c.file || !c.lang || !c.unit || !c.text || !c.context || !c.date)
        return CC_ERR_NOMEM;
    if (o->fig) {
        cc_figctx *f = cc_arena_alloc(&t->arena, sizeof *f);
        if (!f)
            return CC_ERR_NOMEM;
        *f = *o->fig;
        f->head = intern(t, o->fig->head);
        f->of = intern(t, o->fig->of);
        f->entities = intern(t, o->fig->entities);
        f->modifiers = intern(t, o->fig->modifiers);
        if (!f->head || !f->of || !f->entities || !f->modifiers)
            return CC_ERR_NOMEM;
        c.fig = f;
    }
    t->v[t->n++] = c;
    return CC_OK;
}

int cc_obstab_move(cc_obstab *dst, cc_obstab *src)
{
    size_t i;
    if (dst->n == 0) {
        /* take src whole: no copy, and no second table at the peak */
        cc_obstab t = *dst;
        *dst = *src;
        *src = t;
    }
    for (i = 0; i < src->n; i++)
        if (cc_obstab_add(dst, &src->v[i]) != CC_OK)
            return CC_ERR_NOMEM;
    cc_arena_free(&src->arena);
    cc_free(src->set);
    src->set = NULL;
    src->setcap = src->setn = 0;
    src->n = 0;
    return CC_OK;
}

/* ====================================================================
 * The JSON record
 * ==================================================================== */

void cc_json_bound(cc_buf *b, const cc_dec *v, int inf)
{
    char s[CC_DEC_BUFSZ];
    if (inf)
        cc_buf_puts(b, "null");
    else
        cc_buf_puts(b, cc_dec_format(s, *v));
}

int cc_obs_write_json(cc_buf *b, const cc_obs *o, unsigned flags)
{
    char s[CC_DEC_BUFSZ];
    if (flags & CC_OBS_JSON_RECORD) {
        cc_buf_puts(b, "{\"type\": \"observation\", \"claim\": ");
        cc_json_cstr(b, o->claim);
        cc_buf_puts(b, ", \"scope\": ");
        cc_json_cstr(b, o->scope);
        cc_buf_puts(b, ", ");
    } else {
        cc_buf_putc(b, '{');
    }
    cc_buf_puts(b, "\"file\": ");
    cc_json_cstr(b, o->file);
    cc_buf_printf(b, ", \"line\": %u, \"column\": %u, \"start\": %llu, \"end\": %llu, \"lang\": ",
                  (unsigned)o->line, (unsigned)o->column, (unsigned long long)o->start,
                  (unsigned long long)o->end);
    cc_json_cstr(b, o->lang);
    cc_buf_puts(b, ", \"text\": ");
    cc_json_cstr(b, o->text);
    cc_buf_printf(b, ", \"value\": %s, \"low\": ", cc_dec_format(s, o->value));
    cc_json_bound(b, &o->iv.lo, o->iv.lo_inf);
    cc_buf_puts(b, ", \"high\": ");
    cc_json_bound(b, &o->iv.hi, o->iv.hi_inf);
    if (o->unit_inherited)
        cc_buf_puts(b, ", \"unit_inherited\": true");
    if (o->forecast)
        cc_buf_puts(b, ", \"forecast\": true");
    cc_buf_printf(b, ", \"low_open\": %s, \"high_open\": %s, \"qualifier\": \"%s\", \"unit\": ",
                  o->iv.lo_open ? "true" : "false", o->iv.hi_open ? "true" : "false",
                  cc_qualifier_name(o->qual));
    cc_json_cstr(b, o->unit);
    cc_buf_printf(b, ", \"kind\": \"%s\"", cc_kind_name(o->kind));
    if (flags & CC_OBS_JSON_RECORD) {
        cc_buf_puts(b, ", \"context\": ");
        cc_json_cstr(b, o->context);
        cc_buf_printf(b, ", \"context_start\": %llu, \"date\": ",
                      (unsigned long long)o->context_start);
        cc_json_cstr(b, o->date);
    }
    if (!(flags & CC_OBS_JSON_OPEN))
        cc_buf_putc(b, '}');
    return b->err;
}
