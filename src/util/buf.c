/*
 * buf.c: growable, capped byte buffer (helper).
 */
#include "buf.h"
#include "alloc.h"

#include <stdio.h>
#include <string.h>

#define BUF_DEFAULT_LIMIT ((size_t)256 << 20)

static int reserve(cc_buf *b, size_t extra)
{
    size_t limit = b->limit ? b->limit : BUF_DEFAULT_LIMIT;
    size_t need;
    if (b->err)
        return b->err;
    if (extra > limit || b->len > limit - extra) {
        b->err = -2;
        return b->err;
    }
    need = b->len + extra + 1;
    if (need > b->cap) {
        void *p = b->p;
        size_t cap = b->cap;
        if (cc_grow(&p, &cap, need < 64 ? 64 : need, 1) != 0) {
            b->err = -1;
            return b->err;
        }
        b->p = p;
        b->cap = cap;
    }
    return 0;
}

int cc_buf_append(cc_buf *b, const void *p, size_t n)
{
    if (reserve(b, n) != 0)
        return b->err;
    if (n)
        memcpy(b->p + b->len, p, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

int cc_buf_puts(cc_buf *b, const char *s)
{
    return cc_buf_append(b, s, strlen(s));
}

int cc_buf_putc(cc_buf *b, char c)
{
    return cc_buf_append(b, &c, 1);
}

int cc_buf_vprintf(cc_buf *b, const char *fmt, va_list ap)
{
    va_list aq;
    int n;
    char small[256];

    va_copy(aq, ap);
    n = vsnprintf(small, sizeof small, fmt, aq);
    va_end(aq);
    if (n < 0) {
        b->err = b->err ? b->err : -1;
        return b->err;
    }
    if ((size_t)n < sizeof small)
        return cc_buf_append(b, small, (size_t)n);
    if (reserve(b, (size_t)n) != 0)
        return b->err;
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return 0;
}

int cc_buf_printf(cc_buf *b, const char *fmt, ...)
{
    va_list ap;
    int r;
    va_start(ap, fmt);
    r = cc_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return r;
}

void cc_buf_reset(cc_buf *b)
{
    b->len = 0;
    b->err = 0;
    if (b->p)
        b->p[0] = '\0';
}

char *cc_buf_take(cc_buf *b)
{
    char *p = b->p;
    if (!p)
        p = cc_strndup("", 0);
    b->p = NULL;
    b->len = b->cap = 0;
    b->err = 0;
    return p;
}

int cc_buf_spill(cc_buf *b)
{
    if (b->sink && !b->err && b->len >= ((size_t)1 << 20)) {
        if (fwrite(b->p, 1, b->len, b->sink) != b->len)
            b->err = -3;
        else
            cc_buf_reset(b);
    }
    return b->err;
}

void cc_buf_free(cc_buf *b)
{
    cc_free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
    b->err = 0;
}
