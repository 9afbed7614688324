/*
 * arena.c: region allocator (helper for every stage).
 *
 * Blocks are chained newest first. Requests larger than a quarter block get a
 * block of their own, so a big string never wastes the rest of a block.
 */
#include "arena.h"
#include "alloc.h"

#include <stdint.h>
#include <string.h>

#define ARENA_BLOCK 65536u
#define ARENA_ALIGN 16u

struct cc_arena_block {
    cc_arena_block *next;
    size_t size; /* usable bytes after the header */
    /* data follows, aligned */
};

#define HDR (((sizeof(cc_arena_block) + ARENA_ALIGN - 1) / ARENA_ALIGN) * ARENA_ALIGN)

static void *block_data(cc_arena_block *b)
{
    return (char *)b + HDR;
}

void *cc_arena_alloc(cc_arena *a, size_t size)
{
    size_t need;
    cc_arena_block *b;
    void *p;

    if (size > SIZE_MAX - HDR - ARENA_ALIGN)
        return NULL;
    need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need == 0)
        need = ARENA_ALIGN;
#ifndef CC_DEBUG_ARENA
    if (a->head && a->head->size - a->used >= need) {
        p = (char *)block_data(a->head) + a->used;
        a->used += need;
        a->total += need;
        memset(p, 0, size);
        return p;
    }
    if (need > ARENA_BLOCK / 4) {
        /* Oversized: its own block, linked behind the head so the head's
         * free space stays usable. */
        b = cc_malloc(HDR + need);
        if (!b)
            return NULL;
        b->size = need;
        if (a->head) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = NULL;
            a->head = b;
            a->used = need;
        }
        a->total += need;
        memset(block_data(b), 0, size);
        return block_data(b);
    }
    b = cc_malloc(HDR + ARENA_BLOCK);
    if (!b)
        return NULL;
    b->size = ARENA_BLOCK;
    b->next = a->head;
    a->head = b;
    a->used = need;
    a->total += need;
    p = block_data(b);
    memset(p, 0, size);
    return p;
#else
    b = cc_malloc(HDR + need);
    if (!b)
        return NULL;
    b->size = need;
    b->next = a->head;
    a->head = b;
    a->used = need;
    a->total += need;
    p = block_data(b);
    memset(p, 0, size);
    return p;
#endif
}

char *cc_arena_strndup(cc_arena *a, const char *s, size_t len)
{
    char *d;
    if (len == SIZE_MAX)
        return NULL;
    d = cc_arena_alloc(a, len + 1);
    if (!d)
        return NULL;
    if (len)
        memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

char *cc_arena_strdup(cc_arena *a, const char *s)
{
    return cc_arena_strndup(a, s, strlen(s));
}

void *cc_arena_memdup(cc_arena *a, const void *p, size_t n)
{
    void *d = cc_arena_alloc(a, n);
    if (d && n)
        memcpy(d, p, n);
    return d;
}

void cc_arena_free(cc_arena *a)
{
    cc_arena_block *b = a->head;
    while (b) {
        cc_arena_block *n = b->next;
        cc_free(b);
        b = n;
    }
    a->head = NULL;
    a->used = 0;
    a->total = 0;
}
