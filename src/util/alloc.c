/*
 * alloc.c: the allocation funnel (helper, used by every stage).
 *
 * In: sizes. Out: memory from malloc, or NULL when the system (or the test
 * hook cc_alloc_fail_at) refuses. The countdown is atomic so that worker
 * threads may allocate concurrently.
 */
#include "alloc.h"

#include <limits.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static atomic_long fail_countdown; /* 0: off; n: the nth allocation fails */
static atomic_long injected;
static atomic_int failed; /* sticky: some allocation returned NULL */

static void *none(void)
{
    atomic_store_explicit(&failed, 1, memory_order_relaxed);
    return NULL;
}

bool cc_alloc_failed(void)
{
    return atomic_load_explicit(&failed, memory_order_relaxed) != 0;
}

static int should_fail(void)
{
    long n = atomic_load_explicit(&fail_countdown, memory_order_relaxed);
    if (n <= 0)
        return 0;
    n = atomic_fetch_sub(&fail_countdown, 1);
    if (n == 1) {
        atomic_fetch_add(&injected, 1);
        return 1;
    }
    if (n <= 0) /* raced below zero: failure already injected */
        atomic_store(&fail_countdown, 0);
    return 0;
}

void cc_alloc_fail_at(long n)
{
    atomic_store(&fail_countdown, n > 0 ? n : 0);
}

void cc_alloc_init_from_env(void)
{
    const char *s = getenv("CC_FAIL_ALLOC");
    long n = 0;
    if (!s)
        return;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (n > (LONG_MAX - 9) / 10)
            break;
        n = n * 10 + (*s - '0');
    }
    cc_alloc_fail_at(n);
}

long cc_alloc_injected_failures(void)
{
    return atomic_load(&injected);
}

void *cc_malloc(size_t size)
{
    void *p = should_fail() ? NULL : malloc(size ? size : 1);
    return p ? p : none();
}

void *cc_calloc(size_t n, size_t size)
{
    void *p = should_fail() ? NULL : calloc(n ? n : 1, size ? size : 1);
    return p ? p : none();
}

void *cc_realloc(void *p, size_t size)
{
    void *np = should_fail() ? NULL : realloc(p, size ? size : 1);
    return np ? np : none();
}

void cc_free(void *p)
{
    free(p);
}

char *cc_strndup(const char *s, size_t len)
{
    char *d = cc_malloc(len + 1);
    if (!d)
        return NULL;
    if (len)
        memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

char *cc_strdup(const char *s)
{
    return cc_strndup(s, strlen(s));
}

int cc_grow(void **p, size_t *cap, size_t min, size_t elem)
{
    size_t ncap = *cap ? *cap : 8;
    void *np;
    while (ncap < min) {
        if (ncap > SIZE_MAX / 2)
            return -1;
        ncap *= 2;
    }
    if (ncap <= *cap)
        return 0;
    if (elem && ncap > SIZE_MAX / elem)
        return -1;
    np = cc_realloc(*p, ncap * elem);
    if (!np)
        return -1;
    *p = np;
    *cap = ncap;
    return 0;
}
