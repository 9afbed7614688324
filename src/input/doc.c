/*
 * doc.c: reading articles (stage 2).
 *
 * In: a path or bytes. Out: a cc_doc with validated UTF-8 text, its line
 * map and front matter, or a diagnostic saying why the article is skipped
 * (unreadable, not a regular file, too large, binary, not UTF-8, bad front
 * matter). Nothing is skipped silently. The opener of the file's kind
 * (kinds.c) turns the bytes as read into the text and its offset map; what
 * is common to every kind is here.
 */
#include "claimcheck/doc.h"

#include "alloc.h"
#include "arena.h"
#include "date.h"
#include "io.h"
#include "kinds.h"
#include "linemap.h"
#include "utf8.h"
#include "ysink.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

struct cc_doc {
    char *path;
    char *data;     /* as read (owned) */
    const char *text; /* from the opener: into data or into owned */
    size_t len;
    char *owned;    /* the opener's text buffer, or NULL */
    cc_offmap map;  /* text offsets back to offsets in data */
    size_t body;
    char *meta_lang, *meta_date;
    cc_linemap lm;
};

static void skip_diag(cc_diags *d, const char *path, cc_diag_code code, uint32_t line,
                      uint32_t col, size_t off, const char *hint, const char *why)
{
    cc_diags_add(d, CC_SEV_ERROR, code, path, line, col, off, NULL, hint, "skipped: %s", why);
}

/* date: must be a calendar date written YYYY-MM-DD. Any other date would
 * put the article in some period by guesswork (2024/10/20 read as the year
 * 2024 only, 2024-13-45 as a thirteenth month), hiding a conflict within
 * the right one. So it is an error, and the article is checked as undated:
 * a claim scoped by date then compares it within every period, as for an
 * article without a date (docs/rules.md), so no conflict is missed. */
static void read_date(cc_doc *doc, ydoc *yd, const ynode *n)
{
    char fix[11], why[96], hint[64];
    const char *bad = cc_date_check(n->s, fix, why, sizeof why);
    if (!bad) {
        doc->meta_date = cc_strndup(n->s, n->len);
        return;
    }
    if (fix[0])
        snprintf(hint, sizeof hint, "write date: %s", fix);
    else
        snprintf(hint, sizeof hint, "write a date YYYY-MM-DD, e.g. date: 2024-10-18");
    y_error(yd, n, CC_D_VALUE, hint,
            "front matter date '%s' %s; the article is checked as undated",
            n->s, bad);
}

/* Front matter: a first line "---", YAML, then a line "---" or "...". */
static int read_front_matter(cc_doc *doc, cc_diags *d)
{
    const char *t = doc->text, *end = t + doc->len, *p, *close = NULL;
    size_t start;
    cc_arena a = CC_ARENA_INIT;
    ydoc yd;
    int rc;

    if (doc->len < 4 || memcmp(t, "---", 3) != 0 || (t[3] != '\n' && t[3] != '\r'))
        return 0;
    start = t[3] == '\r' && doc->len > 4 && t[4] == '\n' ? 5 : 4;
    for (p = t + start; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        size_t ll = (size_t)(le - p);
        if (ll && p[ll - 1] == '\r')
            ll--;
        if ((ll == 3 && (memcmp(p, "---", 3) == 0 || memcmp(p, "...", 3) == 0))) {
            close = p;
            doc->body = (size_t)((nl ? nl + 1 : end) - t);
            break;
        }
        p = nl ? nl + 1 : end;
    }
    if (!close)
        return 0; /* a rule line, not front matter */
    /* Parse the whole text up to the closing line so that positions in
     * diagnostics are positions in the file. */
    rc = cc_ydoc_parse_diags(&yd, &a, doc->path, t, (size_t)(close - t), d);
    if (rc == CC_OK && yd.root) {
        const ynode *n;
        if (yd.root->type != Y_MAP) {
            y_error(&yd, yd.root, CC_D_TYPE, "write key: value lines between the --- lines",
                    "front matter must be a mapping");
            rc = CC_ERR_INPUT;
        } else {
            if ((n = y_get(yd.root, "lang"))) {
                if (n->type == Y_SCALAR && n->len > 0 && n->len < 16)
                    doc->meta_lang = cc_strndup(n->s, n->len);
                else {
                    y_error(&yd, n, CC_D_TYPE, "write e.g. lang: pl", "front matter lang must be a language code");
                    rc = CC_ERR_INPUT;
                }
            }
            if ((n = y_get(yd.root, "date"))) {
                if (n->type == Y_SCALAR && n->len > 0 && n->len < 64)
                    read_date(doc, &yd, n);
                else {
                    y_error(&yd, n, CC_D_TYPE, "write e.g. date: 2024-10-18", "front matter date must be a date");
                    rc = CC_ERR_INPUT;
                }
            }
        }
    }
    cc_ydoc_free(&yd);
    cc_arena_free(&a);
    return rc == CC_OK ? 0 : -1;
}

/* The kind whose opener reads a file (or bytes) of this name. */
static const cc_doc_kind *kind_for(const char *name)
{
    const cc_doc_kind *k = cc_doc_kind_of(name);
    return k ? k : cc_doc_kind_default();
}

/* doc->data and doc->len hold the bytes as read: the opener of the kind
 * makes the text of them, then what every article needs is checked. */
static int finish(cc_doc *doc, cc_doc **out, cc_diags *d)
{
    size_t bad, nul;
    const char *t;
    cc_loc loc;
    cc_doc_conv c;
    int rc;

    memset(&c, 0, sizeof c);
    c.name = doc->path;
    c.data = doc->data;
    c.data_len = doc->len;
    rc = kind_for(doc->path)->open(&c, d);
    doc->owned = c.owned;
    doc->map = c.map;
    if (rc == CC_ERR_NOMEM)
        goto nomem;
    if (rc != CC_OK)
        goto fail;
    doc->text = c.text;
    doc->len = c.len;
    t = doc->text;

    /* binary: a NUL byte in the first 8 KiB */
    nul = doc->len < 8192 ? doc->len : 8192;
    if (memchr(t, '\0', nul)) {
        size_t off = (size_t)((const char *)memchr(t, '\0', nul) - t);
        skip_diag(d, doc->path, CC_D_ENCODING, 0, 0, cc_doc_file_offset(doc, off), NULL,
                  "binary file (NUL byte in the first 8 KiB)");
        goto fail;
    }
    if (cc_linemap_build(&doc->lm, t, doc->len) != 0)
        goto nomem;
    if (cc_utf8_validate(t, doc->len, &bad) != 0) {
        char why[96];
        loc = cc_doc_loc(doc, bad);
        snprintf(why, sizeof why, "not valid UTF-8 at byte %zu (0x%02X)", cc_doc_file_offset(doc, bad),
                 (unsigned char)t[bad]);
        skip_diag(d, doc->path, CC_D_ENCODING, loc.line, loc.column, cc_doc_file_offset(doc, bad),
                  "convert the file to UTF-8, e.g. iconv -f LATIN2 -t UTF-8", why);
        goto fail;
    }
    if (memchr(t, '\0', doc->len)) {
        size_t off = (size_t)((const char *)memchr(t, '\0', doc->len) - t);
        loc = cc_doc_loc(doc, off);
        skip_diag(d, doc->path, CC_D_ENCODING, loc.line, loc.column, cc_doc_file_offset(doc, off), NULL,
                  "NUL byte in the text");
        goto fail;
    }
    if (read_front_matter(doc, d) != 0) {
        skip_diag(d, doc->path, CC_D_SKIPPED, 1, 1, 0, "fix the front matter",
                  "front matter is not valid");
        goto fail;
    }
    *out = doc;
    return CC_OK;
nomem:
    cc_diags_add(d, CC_SEV_ERROR, CC_D_NOMEM, doc->path, 0, 0, SIZE_MAX, NULL, NULL,
                 "skipped: out of memory");
    cc_doc_free(doc);
    return CC_ERR_NOMEM;
fail:
    cc_doc_free(doc);
    return CC_ERR_INPUT;
}

int cc_doc_open(cc_doc **out, const char *path, cc_diags *d)
{
    cc_doc *doc;
    *out = NULL;
    doc = cc_calloc(1, sizeof *doc);
    if (!doc || !(doc->path = cc_strdup(path))) {
        cc_free(doc);
        cc_diags_add(d, CC_SEV_ERROR, CC_D_NOMEM, path, 0, 0, SIZE_MAX, NULL, NULL,
                     "skipped: out of memory");
        return CC_ERR_NOMEM;
    }
    if (cc_read_file(path, CC_DOC_MAX_BYTES, &doc->data, &doc->len) != 0) {
        int e = errno;
        const char *why = e == EFBIG    ? "larger than 256 MiB"
                          : e == EISDIR ? "is a directory"
                          : e == ENODEV ? "not a regular file (device, FIFO or socket)"
                                        : strerror(e);
        skip_diag(d, path, e == ENOMEM ? CC_D_NOMEM : CC_D_IO, 0, 0, SIZE_MAX, NULL, why);
        cc_doc_free(doc);
        return e == ENOMEM ? CC_ERR_NOMEM : CC_ERR_INPUT;
    }
    return finish(doc, out, d);
}

int cc_doc_from_buffer(cc_doc **out, const char *name, const char *data, size_t len,
                       cc_diags *d)
{
    cc_doc *doc;
    *out = NULL;
    doc = cc_calloc(1, sizeof *doc);
    if (!doc || !(doc->path = cc_strdup(name)) || !(doc->data = cc_strndup(data, len))) {
        cc_doc_free(doc);
        cc_diags_add(d, CC_SEV_ERROR, CC_D_NOMEM, name, 0, 0, SIZE_MAX, NULL, NULL,
                     "skipped: out of memory");
        return CC_ERR_NOMEM;
    }
    doc->len = len;
    return finish(doc, out, d);
}

void cc_doc_free(cc_doc *doc)
{
    if (!doc)
        return;
    cc_linemap_free(&doc->lm);
    cc_free(doc->path);
    cc_free(doc->data);
    cc_free(doc->owned);
    cc_offmap_free(&doc->map);
    cc_free(doc->meta_lang);
    cc_free(doc->meta_date);
    cc_free(doc);
}

const char *cc_doc_path(const cc_doc *doc) { return doc->path; }
const char *cc_doc_text(const cc_doc *doc) { return doc->text; }
size_t cc_doc_len(const cc_doc *doc) { return doc->len; }
size_t cc_doc_body(const cc_doc *doc) { return doc->body; }
const char *cc_doc_meta_lang(const cc_doc *doc) { return doc->meta_lang; }
const char *cc_doc_meta_date(const cc_doc *doc) { return doc->meta_date; }

int cc_doc_year(const cc_doc *doc)
{
    const char *d = doc->meta_date;
    int y = 0, i;
    if (!d)
        return 0;
    for (i = 0; i < 4; i++) {
        if (d[i] < '0' || d[i] > '9')
            return 0;
        y = y * 10 + (d[i] - '0');
    }
    return (d[4] == '\0' || d[4] == '-' || d[4] == '/' || d[4] == '.') && y >= 1900 ? y : 0;
}

cc_loc cc_doc_loc(cc_doc *doc, size_t off)
{
    cc_linecol lc = cc_linemap_loc(&doc->lm, off);
    cc_loc loc = {lc.line, lc.column};
    return loc;
}

cc_span cc_doc_line(const cc_doc *doc, uint32_t line)
{
    cc_span s;
    s.p = cc_linemap_line(&doc->lm, line, &s.len);
    return s;
}

size_t cc_doc_file_offset(const cc_doc *doc, size_t off)
{
    return cc_offmap_file(&doc->map, off);
}

int cc_doc_from_stream(cc_doc **out, const char *name, FILE *f, cc_diags *d)
{
    cc_doc *doc;
    char chunk[65536];
    size_t r, cap = 0;
    void *data = NULL;
    *out = NULL;
    doc = cc_calloc(1, sizeof *doc);
    if (!doc || !(doc->path = cc_strdup(name)))
        goto nomem;
    while ((r = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (doc->len + r > CC_DOC_MAX_BYTES) {
            cc_free(data);
            doc->data = NULL;
            skip_diag(d, name, CC_D_IO, 0, 0, SIZE_MAX, NULL, "larger than 256 MiB");
            cc_doc_free(doc);
            return CC_ERR_INPUT;
        }
        if (cc_grow(&data, &cap, doc->len + r + 1, 1) != 0) {
            cc_free(data);
            goto nomem;
        }
        memcpy((char *)data + doc->len, chunk, r);
        doc->len += r;
    }
    if (ferror(f)) {
        cc_free(data);
        skip_diag(d, name, CC_D_IO, 0, 0, SIZE_MAX, NULL, "read error");
        cc_doc_free(doc);
        return CC_ERR_INPUT;
    }
    if (!data && !(data = cc_malloc(1))) 
        goto nomem;
    ((char *)data)[doc->len] = '\0';
    doc->data = data;
    return finish(doc, out, d);
nomem:
    cc_diags_add(d, CC_SEV_ERROR, CC_D_NOMEM, name, 0, 0, SIZE_MAX, NULL, NULL,
                 "skipped: out of memory");
    cc_doc_free(doc);
    return CC_ERR_NOMEM;
}
