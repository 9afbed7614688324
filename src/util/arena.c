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

/* A new block with room for size bytes, linked in front (it becomes the
 * head) or, for oversized requests, behind the head so that the head's free
 * space stays usable. */
static cc_arena_block *new_block(cc_arena *a, size_t room, int behind)
{
    cc_arena_block *b = cc_malloc(HDR + room);
    if (!b)
        return NULL;
    b->size = room;
    if (behind && a->head) {
        b->next = a->head->next;
        a->head->next = b;
    } else {
        b->next = a->head;
        a->head = b;
        a->used = 0;
    }
    return b;
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
#ifdef CC_DEBUG_ARENA
    /* every allocation a block of its own, for ASan and valgrind */
    b = new_block(a, need, 0);
    if (!b)
        return NULL;
    a->used = need;
    p = block_data(b);
#else
    if (a->head && a->head->size - a->used >= need) {
        p = (char *)block_data(a->head) + a->used;
        a->used += need;
    } else if (need > ARENA_BLOCK / 4) {
        int behind = a->head != NULL;
        b = new_block(a, need, behind);
        if (!b)
            return NULL;
        if (!behind)
            a->used = need;
        p = block_data(b);
    } else {
        b = new_block(a, ARENA_BLOCK, 0);
        if (!b)
            return NULL;
        a->used = need;
        p = block_data(b);
    }
#endif
    a->total += need;
    memset(p, 0, size);
    return p;
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
