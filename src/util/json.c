/*
 * json.c: strict JSON reader (helper for archives and baselines).
 */
#include "json.h"

#include "utf8.h"

#include <stdlib.h>
#include <string.h>

typedef struct jp {
    const char *p, *end, *start;
    cc_arena *a;
    const char *err;
    int depth;
} jp;

static void ws(jp *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
        j->p++;
}

static jval *node(jp *j, j_type t)
{
    jval *v = cc_arena_alloc(j->a, sizeof *v);
    if (!v)
        j->err = "out of memory";
    else
        v->t = t;
    return v;
}

static int hex4(const char *p, const char *end, unsigned *out)
{
    unsigned v = 0;
    int i;
    if (end - p < 4)
        return -1;
    for (i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

/* Long on purpose: a validation pass, then a table-like switch on escapes. */
static jval *string(jp *j)
{
    const char *q = ++j->p; /* after the quote */
    char *out, *o;
    size_t bad;
    jval *v;
    /* first pass: find the end and check the raw bytes */
    while (q < j->end && *q != '"') {
        if ((unsigned char)*q < 0x20) {
            j->p = q;
            j->err = "control character in a string";
            return NULL;
        }
        q += *q == '\\' && q + 1 < j->end ? 2 : 1;
    }
    if (q >= j->end) {
        j->err = "unterminated string";
        return NULL;
    }
    if (cc_utf8_validate(j->p, (size_t)(q - j->p), &bad) != 0) {
        j->p += bad;
        j->err = "invalid UTF-8 in a string";
        return NULL;
    }
    out = cc_arena_alloc(j->a, (size_t)(q - j->p) + 1);
    if (!out) {
        j->err = "out of memory";
        return NULL;
    }
    o = out;
    while (j->p < q) {
        char c = *j->p++;
        unsigned cp, lo;
        if (c != '\\') {
            *o++ = c;
            continue;
        }
        c = *j->p++;
        switch (c) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u':
            if (hex4(j->p, q, &cp) != 0) {
                j->err = "bad \\u escape";
                return NULL;
            }
            j->p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (q - j->p < 6 || j->p[0] != '\\' || j->p[1] != 'u' ||
                    hex4(j->p + 2, q, &lo) != 0 || lo < 0xDC00 || lo > 0xDFFF) {
                    j->err = "unpaired surrogate in a \\u escape";
                    return NULL;
                }
                j->p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                j->err = "unpaired surrogate in a \\u escape";
                return NULL;
            }
            if (cp == 0) {
                j->err = "\\u0000 is not allowed";
                return NULL;
            }
            o += cc_utf8_encode(cp, o);
            break;
        default:
            j->p--;
            j->err = "bad escape";
            return NULL;
        }
    }
    *o = '\0';
    j->p = q + 1;
    if (!(v = node(j, J_STR)))
        return NULL;
    v->s = out;
    v->len = (size_t)(o - out);
    return v;
}

static jval *number(jp *j)
{
    const char *s = j->p;
    jval *v;
    if (j->p < j->end && *j->p == '-')
        j->p++;
    if (j->p >= j->end || !(*j->p >= '0' && *j->p <= '9')) {
        j->err = "bad number";
        return NULL;
    }
    if (*j->p == '0')
        j->p++;
    else
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
            j->p++;
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        if (j->p >= j->end || !(*j->p >= '0' && *j->p <= '9')) {
            j->err = "bad number";
            return NULL;
        }
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
            j->p++;
    }
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
            j->p++;
        if (j->p >= j->end || !(*j->p >= '0' && *j->p <= '9')) {
            j->err = "bad number";
            return NULL;
        }
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
            j->p++;
    }
    if (!(v = node(j, J_NUM)))
        return NULL;
    v->s = cc_arena_strndup(j->a, s, (size_t)(j->p - s));
    v->len = (size_t)(j->p - s);
    if (!v->s)
        j->err = "out of memory";
    return v->s ? v : NULL;
}

static jval *value(jp *j);

static int cmp_key(const void *pa, const void *pb)
{
    const jval *a = *(const jval *const *)pa, *b = *(const jval *const *)pb;
    int c = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);
    if (c)
        return c;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return a->off < b->off ? -1 : a->off > b->off;
}

/* A key written twice in one object is an error: which of the two a reader
 * takes differs between JSON libraries, so a file that says both is
 * ambiguous. Sorting the keys keeps a large object linear-logarithmic.
 * Leaves j->p at the second occurrence of the first duplicate. */
static int unique_keys(jp *j, jval *obj)
{
    jval **k;
    size_t i, first = SIZE_MAX;
    if (obj->n < 2)
        return 0;
    if (!(k = cc_arena_alloc(j->a, obj->n * sizeof(jval *)))) {
        j->err = "out of memory";
        return -1;
    }
    for (i = 0; i < obj->n; i++)
        k[i] = obj->kids[2 * i];
    qsort(k, obj->n, sizeof(jval *), cmp_key);
    for (i = 1; i < obj->n; i++)
        if (k[i]->len == k[i - 1]->len && memcmp(k[i]->s, k[i - 1]->s, k[i]->len) == 0 &&
            k[i]->off < first)
            first = k[i]->off;
    if (first == SIZE_MAX)
        return 0;
    j->p = j->start + first;
    j->err = "duplicate key in an object";
    return -1;
}

static int push(jp *j, jval ***kids, size_t *n, size_t *cap, jval *v)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 8;
        jval **k = cc_arena_alloc(j->a, nc * sizeof(jval *));
        if (!k) {
            j->err = "out of memory";
            return -1;
        }
        if (*n)
            memcpy(k, *kids, *n * sizeof(jval *));
        *kids = k;
        *cap = nc;
    }
    (*kids)[(*n)++] = v;
    return 0;
}

static jval *container(jp *j, int obj)
{
    jval *v = node(j, obj ? J_OBJ : J_ARR), *k, *e;
    size_t cap = 0, n = 0;
    if (!v)
        return NULL;
    if (++j->depth > J_MAX_DEPTH) {
        j->err = "nested too deeply";
        return NULL;
    }
    j->p++;
    ws(j);
    if (j->p < j->end && *j->p == (obj ? '}' : ']')) {
        j->p++;
        j->depth--;
        return v;
    }
    for (;;) {
        const char *kp;
        ws(j);
        kp = j->p;
        if (obj) {
            if (j->p >= j->end || *j->p != '"') {
                j->err = "expected a string key";
                return NULL;
            }
            if (!(k = string(j)))
                return NULL;
            k->off = (size_t)(kp - j->start);
            if (push(j, &v->kids, &n, &cap, k) != 0)
                return NULL;
            ws(j);
            if (j->p >= j->end || *j->p != ':') {
                j->err = "expected ':'";
                return NULL;
            }
            j->p++;
        }
        if (!(e = value(j)) || push(j, &v->kids, &n, &cap, e) != 0)
            return NULL;
        ws(j);
        if (j->p < j->end && *j->p == ',') {
            j->p++;
            continue;
        }
        if (j->p < j->end && *j->p == (obj ? '}' : ']')) {
            j->p++;
            break;
        }
        j->err = obj ? "expected ',' or '}'" : "expected ',' or ']'";
        return NULL;
    }
    v->n = obj ? n / 2 : n;
    if (obj && unique_keys(j, v) != 0)
        return NULL;
    j->depth--;
    return v;
}

static int lit(jp *j, const char *w)
{
    size_t l = strlen(w);
    if ((size_t)(j->end - j->p) >= l && memcmp(j->p, w, l) == 0) {
        j->p += l;
        return 1;
    }
    return 0;
}

static jval *value1(jp *j);

static jval *value(jp *j)
{
    const char *at;
    jval *v;
    ws(j);
    at = j->p;
    if ((v = value1(j)))
        v->off = (size_t)(at - j->start);
    return v;
}

static jval *value1(jp *j)
{
    jval *v;
    if (j->p >= j->end) {
        j->err = "unexpected end";
        return NULL;
    }
    switch (*j->p) {
    case '{': return container(j, 1);
    case '[': return container(j, 0);
    case '"': return string(j);
    case 't':
    case 'f':
        if (lit(j, "true") || lit(j, "false")) {
            if ((v = node(j, J_BOOL)))
                v->s = j->p[-1] == 'e' && j->p[-2] == 'u' ? "true" : "false";
            return v;
        }
        break;
    case 'n':
        if (lit(j, "null"))
            return node(j, J_NULL);
        break;
    default:
        if (*j->p == '-' || (*j->p >= '0' && *j->p <= '9'))
            return number(j);
    }
    j->err = "unexpected character";
    return NULL;
}

int cc_json_parse(jval **out, cc_arena *a, const char *text, size_t len, size_t *erroff,
                  const char **errmsg)
{
    jp j;
    jval *v;
    j.p = j.start = text;
    j.end = text + len;
    j.a = a;
    j.err = NULL;
    j.depth = 0;
    v = value(&j);
    if (v) {
        ws(&j);
        if (j.p != j.end) {
            j.err = "trailing characters after the value";
            v = NULL;
        }
    }
    if (!v) {
        *erroff = (size_t)(j.p - text);
        *errmsg = j.err ? j.err : "malformed JSON";
        return -1;
    }
    *out = v;
    return 0;
}

const jval *j_get(const jval *v, const char *key)
{
    size_t i;
    if (!v || v->t != J_OBJ)
        return NULL;
    for (i = 0; i < v->n; i++)
        if (strcmp(v->kids[2 * i]->s, key) == 0)
            return v->kids[2 * i + 1];
    return NULL;
}

const char *j_str(const jval *v, const char *key)
{
    const jval *x = j_get(v, key);
    return x && x->t == J_STR ? x->s : NULL;
}
