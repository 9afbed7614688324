/*
 * diag.c: the diagnostics list (helper for every stage).
 *
 * In: diagnostics from any stage and any worker thread. Out: a sorted list
 * printed for people as file:line:col: severity: message, the source line,
 * a caret and a hint.
 */
#include "claimcheck/diag.h"
#include "diag_priv.h"

#include "alloc.h"
#include "buf.h"
#include "escape.h"
#include "uni.h"
#include "utf8.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct cc_diags {
    cc_diag *v;
    size_t n, cap;
    size_t dropped;
    pthread_mutex_t mu;
};

cc_diags *cc_diags_new(void)
{
    cc_diags *d = cc_calloc(1, sizeof *d);
    if (!d)
        return NULL;
    pthread_mutex_init(&d->mu, NULL);
    return d;
}

static void diag_clear(cc_diag *g)
{
    cc_free(g->file);
    cc_free(g->message);
    cc_free(g->hint);
    cc_free(g->source);
}

void cc_diags_free(cc_diags *d)
{
    size_t i;
    if (!d)
        return;
    for (i = 0; i < d->n; i++)
        diag_clear(&d->v[i]);
    cc_free(d->v);
    pthread_mutex_destroy(&d->mu);
    cc_free(d);
}

static char *dup_or_null(const char *s, int *fail)
{
    char *r;
    if (!s)
        return NULL;
    r = cc_strdup(s);
    if (!r)
        *fail = 1;
    return r;
}

int cc_diags_add(cc_diags *d, cc_severity sev, cc_diag_code code, const char *file,
                 uint32_t line, uint32_t column, size_t offset, const char *source,
                 const char *hint, const char *fmt, ...)
{
    cc_diag g;
    cc_buf msg = CC_BUF_INIT;
    va_list ap;
    int fail = 0;

    if (!d)
        return CC_ERR_INVALID;
    memset(&g, 0, sizeof g);
    g.severity = sev;
    g.code = code;
    g.line = line;
    g.column = column;
    g.offset = offset;
    va_start(ap, fmt);
    cc_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    if (msg.err)
        fail = 1;
    g.message = cc_buf_take(&msg);
    if (!g.message)
        fail = 1;
    g.file = dup_or_null(file, &fail);
    g.hint = dup_or_null(hint, &fail);
    g.source = dup_or_null(source, &fail);

    pthread_mutex_lock(&d->mu);
    if (!fail && d->n == d->cap) {
        void *v = d->v;
        if (cc_grow(&v, &d->cap, d->n + 1, sizeof(cc_diag)) != 0)
            fail = 1;
        else
            d->v = v;
    }
    if (fail) {
        d->dropped++;
        pthread_mutex_unlock(&d->mu);
        diag_clear(&g);
        return CC_ERR_NOMEM;
    }
    d->v[d->n++] = g;
    pthread_mutex_unlock(&d->mu);
    return CC_OK;
}

int cc_diags_move(cc_diags *dst, cc_diags *src)
{
    size_t i;
    int rc = CC_OK;
    if (!src || !dst || src == dst)
        return CC_OK;
    pthread_mutex_lock(&dst->mu);
    pthread_mutex_lock(&src->mu);
    if (dst->n + src->n > dst->cap) {
        void *v = dst->v;
        if (cc_grow(&v, &dst->cap, dst->n + src->n, sizeof(cc_diag)) != 0) {
            rc = CC_ERR_NOMEM;
            dst->dropped += src->n;
            for (i = 0; i < src->n; i++)
                diag_clear(&src->v[i]);
            goto out;
        }
        dst->v = v;
    }
    for (i = 0; i < src->n; i++)
        dst->v[dst->n++] = src->v[i];
out:
    dst->dropped += src->dropped;
    src->n = 0;
    src->dropped = 0;
    pthread_mutex_unlock(&src->mu);
    pthread_mutex_unlock(&dst->mu);
    return rc;
}

size_t cc_diags_count(const cc_diags *d)
{
    return d ? d->n : 0;
}

size_t cc_diags_count_sev(const cc_diags *d, cc_severity min)
{
    size_t i, c = 0;
    if (!d)
        return 0;
    for (i = 0; i < d->n; i++)
        c += d->v[i].severity >= min;
    if (min <= CC_SEV_ERROR)
        c += d->dropped;
    return c;
}

const cc_diag *cc_diags_get(const cc_diags *d, size_t i)
{
    return d && i < d->n ? &d->v[i] : NULL;
}

size_t cc_diags_dropped(const cc_diags *d)
{
    return d ? d->dropped : 0;
}

static int cmp_str0(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

/* A total order, so that output does not depend on which worker thread
 * reported first. */
static int cmp_diag(const void *a, const void *b)
{
    const cc_diag *x = a, *y = b;
    int c = cmp_str0(x->file, y->file);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    if (x->severity != y->severity)
        return x->severity > y->severity ? -1 : 1;
    if ((c = cmp_str0(x->message, y->message)))
        return c;
    return cmp_str0(x->hint, y->hint);
}

void cc_diags_sort(cc_diags *d)
{
    if (d && d->n > 1)
        qsort(d->v, d->n, sizeof(cc_diag), cmp_diag);
}

const char *cc_severity_name(cc_severity s)
{
    switch (s) {
    case CC_SEV_NOTE: return "note";
    case CC_SEV_WARNING: return "warning";
    default: return "error";
    }
}

const char *cc_diag_code_name(cc_diag_code c)
{
    static const char *const names[] = {
        "generic", "yaml", "type", "unknown-key", "missing-key", "duplicate",
        "pattern", "macro", "group", "value", "lang", "io", "encoding",
        "skipped", "limit", "nomem", "test"};
    return (size_t)c < sizeof names / sizeof names[0] ? names[c] : "generic";
}

void cc_diag_print(const cc_diag *g, FILE *out, bool color)
{
    cc_buf b = CC_BUF_INIT;
    const char *sevcol = g->severity == CC_SEV_ERROR     ? "\033[1;31m"
                         : g->severity == CC_SEV_WARNING ? "\033[1;35m"
                                                         : "\033[1;36m";
    if (color)
        cc_buf_puts(&b, "\033[1m");
    if (g->file) {
        cc_escape_term(&b, g->file, strlen(g->file), false);
        if (g->line) {
            cc_buf_printf(&b, ":%u", (unsigned)g->line);
            if (g->column)
                cc_buf_printf(&b, ":%u", (unsigned)g->column);
        }
        cc_buf_puts(&b, ": ");
    } else {
        cc_buf_puts(&b, "claimcheck: ");
    }
    if (color)
        cc_buf_printf(&b, "\033[0m%s", sevcol);
    cc_buf_puts(&b, cc_severity_name(g->severity));
    cc_buf_puts(&b, color ? ":\033[0m " : ": ");
    cc_escape_term(&b, g->message, strlen(g->message), false);
    cc_buf_putc(&b, '\n');
    if (g->source) {
        /* The source line, then a caret under the column. Tabs are kept in
         * the padding so the caret lines up. */
        const char *s = g->source;
        size_t col = 1;
        cc_buf_puts(&b, "    ");
        cc_escape_term(&b, s, strlen(s), false);
        cc_buf_putc(&b, '\n');
        if (g->column) {
            /* pad to the column: tabs stay tabs, wide characters (CJK)
             * take two cells */
            const char *p = s, *e = s + strlen(s);
            cc_buf_puts(&b, "    ");
            while (p < e && col < g->column) {
                uint32_t cp;
                int n = cc_utf8_decode(p, e, &cp);
                if (n < 0) {
                    cc_buf_putc(&b, ' ');
                    p++;
                } else {
                    if (cp == '\t')
                        cc_buf_putc(&b, '\t');
                    else if (!cc_is_dangerous_cp(cp))
                        cc_buf_puts(&b, cc_uni_width(cp) == 2 ? "  " : cc_uni_width(cp) == 0 ? "" : " ");
                    else
                        cc_buf_puts(&b, "        "); /* shown as <U+XXXX> */
                    p += n;
                }
                col++;
            }
            cc_buf_puts(&b, color ? "\033[1;32m^\033[0m\n" : "^\n");
        }
    }
    if (g->hint) {
        cc_buf_puts(&b, color ? "\033[1;36mhint:\033[0m " : "hint: ");
        cc_escape_term(&b, g->hint, strlen(g->hint), false);
        cc_buf_putc(&b, '\n');
    }
    if (b.p)
        fwrite(b.p, 1, b.len, out);
    cc_buf_free(&b);
}

void cc_diags_print(const cc_diags *d, FILE *out, bool color)
{
    size_t i;
    if (!d)
        return;
    for (i = 0; i < d->n; i++)
        cc_diag_print(&d->v[i], out, color);
    if (d->dropped)
        fprintf(out, "claimcheck: error: %zu more diagnostics were lost: out of memory\n",
                d->dropped);
}

int cc_diag_write_json(cc_buf *b, const cc_diag *g, unsigned flags)
{
    cc_buf_puts(b, flags & CC_JSON_RECORD ? "{\"type\": \"diagnostic\", \"file\": " : "{\"file\": ");
    cc_json_cstr(b, g->file);
    cc_buf_printf(b, ", \"line\": %u, \"column\": %u, \"severity\": \"%s\", \"code\": \"%s\", "
                     "\"message\": ",
                  (unsigned)g->line, (unsigned)g->column, cc_severity_name(g->severity),
                  cc_diag_code_name(g->code));
    cc_json_cstr(b, g->message);
    cc_buf_puts(b, ", \"hint\": ");
    cc_json_cstr(b, g->hint);
    cc_buf_putc(b, '}');
    return b->err;
}
