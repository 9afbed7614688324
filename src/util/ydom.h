/*
 * ydom.h: a small YAML document tree built from libyaml's event parser, with
 * source positions on every node, for the rule and language-pack loaders.
 *
 * Hardened for files written by many hands: an alias shares the anchored
 * node (no copy), and the document's size with every alias expanded is
 * capped, so "billion laughs" is an error, not an explosion; nesting depth
 * is capped; duplicate mapping keys are errors, found in linear time (a hash
 * set per mapping). Every error goes to the caller's sink (y_sink) as
 * file:line:col with the source line. Knows nothing of claimcheck: the
 * caller gives the codes its errors carry (ysink.h makes diagnostics of
 * them).
 */
#ifndef CC_YDOM_H
#define CC_YDOM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "linemap.h"

typedef enum y_type { Y_SCALAR, Y_SEQ, Y_MAP } y_type;

/* The errors the DOM finds itself; the sink gives its code for each. */
typedef enum y_kind {
    Y_K_SYNTAX = 0, /* YAML syntax, encoding, several documents, anchors */
    Y_K_TYPE,       /* a value of the wrong type */
    Y_K_UNKNOWN_KEY,
    Y_K_MISSING_KEY,
    Y_K_DUPLICATE,  /* a key written twice */
    Y_K_VALUE,      /* a malformed value (a \0 escape) */
    Y_K_LIMIT,      /* nesting, size or alias limits */
    Y_K_NOMEM,
    Y_K__COUNT
} y_kind;

/* One error or note: where, what, and the text of its line (NULL if none). */
typedef struct y_report {
    bool error;
    int code; /* the caller's code: given to y_error, or codes[kind] */
    const char *file;
    uint32_t line, col;
    size_t offset;
    const char *source, *hint, *msg;
} y_report;

/* Where the document's errors go. */
typedef struct y_sink {
    void (*report)(void *ud, const y_report *r);
    void *ud;
    int codes[Y_K__COUNT]; /* the code of each of the DOM's own errors */
} y_sink;

typedef enum y_style { Y_PLAIN, Y_SINGLE, Y_DOUBLE, Y_LITERAL, Y_FOLDED } y_style;

typedef struct ynode {
    y_type type;
    y_style style;       /* scalars only */
    uint32_t line, col;  /* 1-based; col in code points */
    size_t offset;       /* byte offset of the node's first character */
    const char *s;       /* scalar value, NUL-terminated (arena) */
    size_t len;          /* scalar length in bytes */
    struct ynode **kids; /* sequence items, or map keys and values interleaved */
    size_t n;            /* number of items; for maps, of key/value pairs */
    size_t size;         /* nodes in this subtree, aliases expanded */
} ynode;

typedef struct ydoc {
    const char *file; /* borrowed */
    const char *text; /* borrowed */
    size_t len;
    cc_linemap lm;
    ynode *root; /* NULL for an empty document */
    cc_arena *arena;
    y_sink sink;
    size_t errors; /* errors reported through this document */
} ydoc;

/* Limits, overridable for tests. */
#define Y_MAX_DEPTH 64
#define Y_MAX_NODES 200000

/* What cc_ydoc_parse returns besides 0. */
enum { Y_ERR_INVALID = -1, Y_ERR_NOMEM = -2 };

/* Parses text into *doc (nodes in arena a), reporting to sink. Returns 0,
 * Y_ERR_INVALID after reporting why, or Y_ERR_NOMEM. cc_ydoc_free must be
 * called either way. */
int cc_ydoc_parse(ydoc *doc, cc_arena *a, const char *file, const char *text, size_t len,
                  const y_sink *sink);
void cc_ydoc_free(ydoc *doc);

/* Reports an error at node n (or at the document start when n is NULL). */
void y_error(ydoc *doc, const ynode *n, int code, const char *hint, const char *fmt,
             ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* Reports a note (not an error) at node n. */
void y_note(ydoc *doc, const ynode *n, int code, const char *hint, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* Reports an error at a byte position inside scalar n's value. */
void y_error_at(ydoc *doc, const ynode *n, size_t value_off, int code,
                const char *hint, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
/* Position in the file of byte value_off of scalar n's value. */
void y_scalar_pos(const ydoc *doc, const ynode *n, size_t value_off, uint32_t *line,
                  uint32_t *col, size_t *offset);

/* Value for key in map m, or NULL. */
const ynode *y_get(const ynode *m, const char *key);
/* The i-th key and value of map m. */
static inline const ynode *y_key(const ynode *m, size_t i) { return m->kids[2 * i]; }
static inline const ynode *y_val(const ynode *m, size_t i) { return m->kids[2 * i + 1]; }

/* Each reports an error naming what (e.g. "claim") and returns false on the
 * wrong type. */
bool y_expect(ydoc *doc, const ynode *n, y_type t, const char *what);
/* Reports every key of map m not in the NULL-terminated list allowed, with
 * a "did you mean" hint. Returns the number of unknown keys. */
size_t y_check_keys(ydoc *doc, const ynode *m, const char *const *allowed, const char *what);
/* Reports a missing required key at map m; returns the value or NULL. */
const ynode *y_require(ydoc *doc, const ynode *m, const char *key, const char *what);

/* Scalar helpers: true when n is a scalar that reads as the type. */
bool y_is_null(const ynode *n);
bool y_bool(const ynode *n, bool *out);

/* The text of scalar n, or NULL after reporting an error naming what. */
const char *y_str(ydoc *doc, const ynode *n, const char *what);

/* Levenshtein distance, capped: used for "did you mean" hints. */
size_t cc_edit_distance(const char *a, const char *b, size_t cap);

#endif
