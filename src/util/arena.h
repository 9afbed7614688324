/*
 * arena.h: region allocation. One arena per ruleset and one per article; all
 * of it is freed in one call. Built with CC_DEBUG_ARENA, every allocation is
 * a separate malloc block so ASan and valgrind can see each one.
 */
#ifndef CC_ARENA_H
#define CC_ARENA_H

#include <stddef.h>

typedef struct cc_arena_block cc_arena_block;

typedef struct cc_arena {
    cc_arena_block *head; /* newest block first */
    size_t used;          /* bytes used in head */
    size_t total;         /* bytes handed out, for accounting */
} cc_arena;

#define CC_ARENA_INIT {NULL, 0, 0}

/* Zeroed memory, aligned for any type; NULL when out of memory.
 * Borrowed: valid until cc_arena_free. */
void *cc_arena_alloc(cc_arena *a, size_t size);
/* A NUL-terminated copy of s[0..len). Borrowed, as above. */
char *cc_arena_strndup(cc_arena *a, const char *s, size_t len);
char *cc_arena_strdup(cc_arena *a, const char *s);
/* Copy of n bytes. */
void *cc_arena_memdup(cc_arena *a, const void *p, size_t n);
/* Frees every block; the arena is empty and reusable afterwards. */
void cc_arena_free(cc_arena *a);

#endif
