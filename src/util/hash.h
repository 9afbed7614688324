/*
 * hash.h: the string hash of the open-addressing tables (the observation
 * table's interned strings, the detection index).
 */
#ifndef CC_HASH_H
#define CC_HASH_H

#include <stdint.h>

/* FNV-1a, 64 bits, of a NUL-terminated string. */
static inline uint64_t cc_hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

#endif
