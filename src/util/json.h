/*
 * json.h: a small strict JSON reader for claimcheck's own files (archives
 * of observations, baselines). Numbers keep their text, so exact decimals
 * survive a round trip (a double would turn 0.1 into 0.1000000000000000055);
 * that is why this is not jansson. Depth and size are bounded; strings must
 * be valid UTF-8; \u escapes, surrogate pairs included, are decoded; a key
 * written twice in one object is an error.
 */
#ifndef CC_JSON_H
#define CC_JSON_H

#include <stddef.h>

#include "arena.h"

typedef enum j_type { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ } j_type;

typedef struct jval {
    j_type t;
    const char *s;      /* J_STR: the string (NUL-terminated, may hold no NUL);
                           J_NUM: the number as written; J_BOOL: "true"/"false" */
    size_t len;
    struct jval **kids; /* J_ARR: items; J_OBJ: keys and values interleaved */
    size_t n;           /* items, or key/value pairs */
    size_t off;         /* byte offset in the text where the value (or key) starts */
} jval;

#define J_MAX_DEPTH 64

/* Parses text[0..len) as one JSON value (surrounding white space allowed).
 * Returns 0, or -1 with *erroff (byte offset) and *errmsg (static). Nodes
 * live in arena a. */
int cc_json_parse(jval **out, cc_arena *a, const char *text, size_t len, size_t *erroff,
                  const char **errmsg);

/* The value of key in object v, or NULL. */
const jval *j_get(const jval *v, const char *key);
/* The string of key, or NULL when absent or not a string. */
const char *j_str(const jval *v, const char *key);

#endif
