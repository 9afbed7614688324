/*
 * kinds.h: the input kinds (stage 2), private to the library.
 *
 * One table says which files are articles and how each kind is opened:
 * a row is {name, file name suffixes, opener}. The walker (src/run/walk.c)
 * asks it which directory entries are articles; cc_doc_open asks it which
 * opener reads a file. kinds.c says how to add a kind.
 */
#ifndef CC_KINDS_H
#define CC_KINDS_H

#include <stdbool.h>
#include <stddef.h>

#include "claimcheck/diag.h"

/* One point of an offset map: text offset text_off comes from file offset
 * file_off, and so does every text offset after it up to the next point,
 * byte for byte. */
typedef struct cc_offpair {
    size_t text_off; /* offset in the article's text */
    size_t file_off; /* offset in the file as read */
} cc_offpair;

/* Text offsets back to file offsets: points in increasing text_off order.
 * Without points a text offset is the file offset. */
typedef struct cc_offmap {
    cc_offpair *v; /* owned (cc_free), NULL when n is 0 */
    size_t n, cap;
} cc_offmap;

/* Adds a point after the last one (text_off must not be below the last
 * point's). Returns 0, or -1 when out of memory (the map is unchanged). */
int cc_offmap_add(cc_offmap *m, size_t text_off, size_t file_off);
/* The file offset of text offset off: the last point at or before off,
 * plus the distance from it. */
size_t cc_offmap_file(const cc_offmap *m, size_t off);
void cc_offmap_free(cc_offmap *m);

/* An opener's work: the bytes of a file in, the article's text out. */
typedef struct cc_doc_conv {
    /* in, borrowed, valid while the document lives */
    const char *name; /* path, or a name such as "-", for diagnostics */
    const char *data; /* the bytes as read, NUL-terminated at data_len */
    size_t data_len;
    /* out, set by the opener */
    const char *text; /* into data, or into owned; NUL-terminated at len */
    size_t len;
    char *owned;   /* NULL, or the buffer text points into (cc_malloc'ed;
                      the document frees it) */
    cc_offmap map; /* text offsets back to offsets in data */
} cc_doc_conv;

/* An opener fills c's out fields from its in fields. The text it produces
 * is meant to be UTF-8; cc_doc checks that, and everything else common to
 * articles (no NUL byte, front matter, the line map), after it, reporting
 * positions in the file through the map. Returns CC_OK; or CC_ERR_INPUT
 * after adding a diagnostic saying why the file is skipped ("skipped: ...",
 * CC_D_ENCODING or another code); or CC_ERR_NOMEM (the caller reports it).
 * On failure the caller frees owned and the map as they are. */
typedef int (*cc_doc_opener)(cc_doc_conv *c, cc_diags *d);

typedef struct cc_doc_kind {
    const char *name;            /* "text", "markdown" */
    const char *const *suffixes; /* NULL-terminated: ".txt"; matched
                                    case-sensitively, at the end of a
                                    longer file name */
    cc_doc_opener open;
} cc_doc_kind;

/* The rows, and their number. */
extern const cc_doc_kind cc_doc_kinds[];
extern const size_t cc_doc_nkinds;

/* The kind of a file name (a path: its last component counts), or NULL
 * when no row's suffix matches: then it is no article when met in a
 * directory. */
const cc_doc_kind *cc_doc_kind_of(const char *name);
/* The kind cc_doc_open reads a name of no kind as (a file named outright,
 * standard input "-"): plain text, the first row. */
const cc_doc_kind *cc_doc_kind_default(void);

/* Whether a file of this name is read when met in a directory. */
bool cc_doc_is_article_name(const char *name);

/* The opener of plain UTF-8 text (open_text.c). */
int cc_doc_open_text(cc_doc_conv *c, cc_diags *d);

#endif
