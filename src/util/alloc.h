/*
 * alloc.h: the one allocation funnel. Every heap allocation of the library
 * goes through these functions (PCRE2's too, through a general context), so
 * that a test can make the Nth allocation fail and watch the program report
 * out-of-memory cleanly (in the spirit of SQLite's fault simulator).
 */
#ifndef CC_ALLOC_H
#define CC_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

void *cc_malloc(size_t size);
void *cc_calloc(size_t n, size_t size);
void *cc_realloc(void *p, size_t size);
void cc_free(void *p);
/* A NUL-terminated copy of the first len bytes of s. Owned: cc_free. */
char *cc_strndup(const char *s, size_t len);
char *cc_strdup(const char *s);

/* Grows *cap (doubling, at least min) for an array of elements of size elem
 * and reallocates *p. Returns 0, or -1 when out of memory or past SIZE_MAX. */
int cc_grow(void **p, size_t *cap, size_t min, size_t elem);

/* Test hook: make the nth allocation from now on fail (1 = the next one).
 * 0 turns failure injection off. Reads CC_FAIL_ALLOC from the environment
 * when cc_alloc_init_from_env() is called. */
void cc_alloc_fail_at(long n);
void cc_alloc_init_from_env(void);
/* Number of allocations that failed by injection since start. */
long cc_alloc_injected_failures(void);

/* Whether any allocation has failed in this process (injected or real).
 * The program checks it before it reports success: a failure that some
 * path absorbed must still end the run with "out of memory". */
bool cc_alloc_failed(void);

#endif
