/*
 * claimcheck/doc.h: articles (stage 2: read an article).
 *
 * An article is a UTF-8 text file, optionally starting with YAML front
 * matter (---, lang: pl, date: 2024-10-18, ---). Opening validates the
 * encoding once, so later stages never re-check it; anything unusable is a
 * diagnostic with the byte offset and line:col of the problem.
 */
#ifndef CLAIMCHECK_DOC_H
#define CLAIMCHECK_DOC_H

#include <stdio.h>

#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cc_doc cc_doc;

/* Largest article read by default: 256 MiB. */
#define CC_DOC_MAX_BYTES ((size_t)256 << 20)

/* Reads and validates the file at path, with the opener of its input kind
 * (known by the end of its name: *.txt text, *.md Markdown; any other name
 * is read as text). On success *out is owned (cc_doc_free). On failure
 * returns CC_ERR_INPUT (or CC_ERR_NOMEM) after adding a diagnostic saying
 * why the article is skipped. */
int cc_doc_open(cc_doc **out, const char *path, cc_diags *d);

/* The same for bytes in memory (data is copied); name is used in reports
 * and diagnostics ("-" for standard input), and picks the kind as a path
 * does. */
int cc_doc_from_buffer(cc_doc **out, const char *name, const char *data, size_t len,
                       cc_diags *d);

/* The same for everything readable from f (up to CC_DOC_MAX_BYTES). */
int cc_doc_from_stream(cc_doc **out, const char *name, FILE *f, cc_diags *d);

void cc_doc_free(cc_doc *doc);

/* Borrowed, valid until cc_doc_free. */
const char *cc_doc_path(const cc_doc *doc);
/* The whole text (front matter included), valid UTF-8, NUL-terminated. A
 * leading byte-order mark is not part of it. */
const char *cc_doc_text(const cc_doc *doc);
size_t cc_doc_len(const cc_doc *doc);
/* Byte offset where the body starts (after front matter), 0 without. */
size_t cc_doc_body(const cc_doc *doc);
/* Front matter values, or NULL. */
const char *cc_doc_meta_lang(const cc_doc *doc);
const char *cc_doc_meta_date(const cc_doc *doc);
/* The year of the front matter date (YYYY-...), or 0 when unknown. */
int cc_doc_year(const cc_doc *doc);

/* 1-based line and column (code points) of byte offset off of the file as
 * read (a skipped byte-order mark counts as no column). Cheapest when asked
 * in increasing offset order. */
cc_loc cc_doc_loc(cc_doc *doc, size_t off);
/* Text of a 1-based line, without its line end. */
cc_span cc_doc_line(const cc_doc *doc, uint32_t line);
/* Byte offset in the file as read of text offset off, through the offset
 * map its opener made (for text and Markdown the two differ only by a
 * skipped byte-order mark). */
size_t cc_doc_file_offset(const cc_doc *doc, size_t off);

#ifdef __cplusplus
}
#endif
#endif
