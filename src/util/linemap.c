/*
 * linemap.c: line index of a text (helper for diagnostics and reports).
 */
#include "linemap.h"
#include "alloc.h"

#include <string.h>

int cc_linemap_build(cc_linemap *lm, const char *text, size_t len)
{
    size_t cap = 0, i = 0;
    void *starts = NULL;

    memset(lm, 0, sizeof *lm);
    lm->text = text;
    lm->len = len;
    if (cc_grow(&starts, &cap, 16, sizeof(size_t)) != 0)
        return -1;
    lm->starts = starts;
    lm->starts[lm->n++] = 0;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        const char *cr = memchr(text + i, '\r', nl ? (size_t)(nl - (text + i)) : len - i);
        size_t next;
        if (cr) {
            next = (size_t)(cr - text) + 1;
            if (next < len && text[next] == '\n')
                next++;
        } else if (nl) {
            next = (size_t)(nl - text) + 1;
        } else {
            break;
        }
        if (lm->n == cap) {
            starts = lm->starts;
            if (cc_grow(&starts, &cap, lm->n + 1, sizeof(size_t)) != 0)
                return -1;
            lm->starts = starts;
        }
        lm->starts[lm->n++] = next;
        i = next;
    }
    return 0;
}

static size_t find_line(const cc_linemap *lm, size_t off)
{
    size_t lo = 0, hi = lm->n; /* answer in [lo, hi) */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (lm->starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static uint32_t count_cols(const char *p, size_t n)
{
    size_t i, c = 0;
    for (i = 0; i < n; i++)
        c += ((unsigned char)p[i] & 0xC0) != 0x80;
    return c > UINT32_MAX ? UINT32_MAX : (uint32_t)c;
}

cc_linecol cc_linemap_loc(cc_linemap *lm, size_t off)
{
    cc_linecol loc;
    size_t line;
    uint32_t col;

    if (off > lm->len)
        off = lm->len;
    if (lm->c_off <= off && lm->c_line < lm->n &&
        (lm->c_line + 1 == lm->n || lm->starts[lm->c_line + 1] > off) &&
        lm->starts[lm->c_line] <= lm->c_off) {
        line = lm->c_line;
        col = lm->c_col + count_cols(lm->text + lm->c_off, off - lm->c_off);
    } else {
        line = find_line(lm, off);
        col = count_cols(lm->text + lm->starts[line], off - lm->starts[line]);
    }
    lm->c_off = off;
    lm->c_line = line;
    lm->c_col = col;
    loc.line = line + 1 > UINT32_MAX ? UINT32_MAX : (uint32_t)(line + 1);
    loc.column = col == UINT32_MAX ? col : col + 1;
    return loc;
}

const char *cc_linemap_line(const cc_linemap *lm, uint32_t line, size_t *len)
{
    size_t b, e;
    *len = 0;
    if (line == 0 || line > lm->n)
        return "";
    b = lm->starts[line - 1];
    e = line < lm->n ? lm->starts[line] : lm->len;
    while (e > b && (lm->text[e - 1] == '\n' || lm->text[e - 1] == '\r'))
        e--;
    *len = e - b;
    return lm->text + b;
}

void cc_linemap_free(cc_linemap *lm)
{
    cc_free(lm->starts);
    memset(lm, 0, sizeof *lm);
}
