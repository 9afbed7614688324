/*
 * buf.h: a growable byte buffer with a hard cap (curl's dynbuf). Appending
 * past the cap or past available memory fails cleanly and latches an error,
 * so a caller may append many times and check once.
 */
#ifndef CC_BUF_H
#define CC_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef struct cc_buf {
    char *p;      /* contents, always NUL-terminated when non-NULL */
    size_t len;   /* bytes used, excluding the terminator */
    size_t cap;   /* bytes allocated */
    size_t limit; /* maximum len; 0 means the default (256 MiB) */
    int err;      /* 0, or the first failure: -1 out of memory, -2 over limit,
                     -3 the sink could not be written */
    FILE *sink;   /* cc_buf_spill writes the contents here, or NULL */
} cc_buf;

#define CC_BUF_INIT {NULL, 0, 0, 0, 0, NULL}

int cc_buf_append(cc_buf *b, const void *p, size_t n);
int cc_buf_puts(cc_buf *b, const char *s);
int cc_buf_putc(cc_buf *b, char c);
/* printf-style append. Integers and strings only: never pass floating point
 * (formatting doubles depends on the locale). */
int cc_buf_printf(cc_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
int cc_buf_vprintf(cc_buf *b, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 0)))
#endif
    ;
/* With a sink, at a point where the contents are final: writes them out
 * once they pass 1 MiB, so that a long report is not all held in memory.
 * Returns b->err. */
int cc_buf_spill(cc_buf *b);
/* Drops the contents but keeps the memory. */
void cc_buf_reset(cc_buf *b);
/* Hands the contents to the caller (owned: cc_free) and resets b. */
char *cc_buf_take(cc_buf *b);
void cc_buf_free(cc_buf *b);

#endif
