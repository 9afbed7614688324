/*
 * linemap.h: byte offset -> 1-based line and column (in code points), for
 * articles and rule files alike. Lines end at LF, CRLF or a lone CR.
 *
 * Locations are usually asked for in increasing offset order; the map keeps
 * the last answer so that a run of such queries costs O(total distance), not
 * O(line length) each (a 100 MB single-line file has many quantities).
 */
#ifndef CC_LINEMAP_H
#define CC_LINEMAP_H

#include <stddef.h>
#include <stdint.h>

/* A 1-based line and column (in code points). */
typedef struct cc_linecol {
    uint32_t line, column;
} cc_linecol;

typedef struct cc_linemap {
    const char *text; /* borrowed */
    size_t len;
    size_t *starts; /* byte offset of each line start; starts[0] == 0 */
    size_t n;       /* number of lines (>= 1) */
    /* cursor cache */
    size_t c_off, c_line; /* c_line is 0-based */
    uint32_t c_col;       /* 0-based column of c_off */
} cc_linemap;

/* Returns 0, or -1 when out of memory. text must outlive the map. */
int cc_linemap_build(cc_linemap *lm, const char *text, size_t len);
/* Location of byte offset off (clamped to len). */
cc_linecol cc_linemap_loc(cc_linemap *lm, size_t off);
/* The text of 1-based line (without its line end), its length in *len.
 * Out of range: "" and 0. */
const char *cc_linemap_line(const cc_linemap *lm, uint32_t line, size_t *len);
void cc_linemap_free(cc_linemap *lm);

#endif
