/*
 * kinds.c: the table of input kinds (stage 2: read an article).
 *
 * Which files are articles, and how each is read, is this one table: a
 * row names a kind, the file name suffixes that make a file of that kind,
 * and its opener. The walker reads a directory entry if a row's suffix
 * ends its name (walk.c); cc_doc_open reads a file with the opener of its
 * row, or as plain text when none matches (a file named outright, standard
 * input). Text and Markdown are both read as plain text today.
 *
 * Adding an input format is one row here plus one opener in a file of its
 * own (open_<kind>.c), declared in kinds.h. The opener gets the bytes as
 * read and gives back UTF-8 text and an offset map from text offsets back
 * to file offsets (cc_offmap: a point wherever the distance between the
 * two changes, as after a skipped byte-order mark, a converted character
 * or a stripped tag), so diagnostics and reports point into the file.
 * What every article gets after that (UTF-8 validation, front matter,
 * the line map) stays in doc.c. Then tests/unit/test_input_kinds.c checks
 * the new suffixes, and docs/ and the help texts of check and scan list
 * them.
 *
 * In: a file name, or the bytes of a file. Out: its kind; a text and its
 * offset map.
 */
#include "kinds.h"

#include "alloc.h"

#include <string.h>

static const char *const text_suffixes[] = {".txt", NULL};
static const char *const markdown_suffixes[] = {".md", NULL};

/* The first row is the default kind. */
const cc_doc_kind cc_doc_kinds[] = {
    {"text", text_suffixes, cc_doc_open_text},
    {"markdown", markdown_suffixes, cc_doc_open_text},
};
const size_t cc_doc_nkinds = sizeof cc_doc_kinds / sizeof cc_doc_kinds[0];

const cc_doc_kind *cc_doc_kind_of(const char *name)
{
    const char *base = strrchr(name, '/');
    size_t n, i, k;
    base = base ? base + 1 : name;
    n = strlen(base);
    for (i = 0; i < cc_doc_nkinds; i++)
        for (k = 0; cc_doc_kinds[i].suffixes[k]; k++) {
            const char *s = cc_doc_kinds[i].suffixes[k];
            size_t sl = strlen(s);
            if (n > sl && memcmp(base + n - sl, s, sl) == 0)
                return &cc_doc_kinds[i];
        }
    return NULL;
}

const cc_doc_kind *cc_doc_kind_default(void)
{
    return &cc_doc_kinds[0];
}

bool cc_doc_is_article_name(const char *name)
{
    return cc_doc_kind_of(name) != NULL;
}

/* ====== offset maps ====== */

int cc_offmap_add(cc_offmap *m, size_t text_off, size_t file_off)
{
    if (m->n == m->cap) {
        void *v = m->v;
        if (cc_grow(&v, &m->cap, m->n + 1, sizeof *m->v) != 0)
            return -1;
        m->v = v;
    }
    m->v[m->n].text_off = text_off;
    m->v[m->n].file_off = file_off;
    m->n++;
    return 0;
}

size_t cc_offmap_file(const cc_offmap *m, size_t off)
{
    size_t lo = 0, hi = m->n;
    /* the first point past off */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->v[mid].text_off <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return off;
    return m->v[lo - 1].file_off + (off - m->v[lo - 1].text_off);
}

void cc_offmap_free(cc_offmap *m)
{
    cc_free(m->v);
    m->v = NULL;
    m->n = m->cap = 0;
}
