/*
 * ydom.c: YAML tree with positions (for rule files, packs and front matter).
 *
 * In: a file's bytes. Out: a tree of ynode in an arena, or reports to the
 * caller's sink. libyaml's marks are 0-based and count characters; they
 * are converted to 1-based line:col and a byte offset here, once.
 *
 * About 740 lines, kept in one file on purpose: the event loop, its frame
 * stack, the anchors and the per-mapping key sets share private types, and
 * the lookups after it (y_get ... y_str) are short. Splitting would export
 * the parser's internals for no reader's gain.
 */
#include "ydom.h"

#include "alloc.h"
#include "buf.h"
#include "hash.h"
#include "utf8.h"

#include <string.h>
#include <yaml.h>

typedef struct anchor_t {
    const char *name;
    ynode *node;
} anchor_t;

typedef struct frame {
    ynode *node;
    ynode **kids;
    size_t n, cap;
    ynode *pending_key; /* maps: key waiting for its value */
    ynode **keys;       /* maps past KEYS_LINEAR keys: a hash set of them */
    size_t nkeys, keycap; /* keycap: 0 or a power of two */
} frame;

/* Mappings with at most this many keys are searched for a duplicate key
 * one by one; larger ones through the frame's hash set, so that a mapping
 * of n keys costs O(n), not O(n^2). */
#define KEYS_LINEAR 8

static size_t mark_offset(const ydoc *doc, size_t line0, size_t col0)
{
    size_t len, i = 0, c = 0;
    const char *l = cc_linemap_line(&doc->lm, (uint32_t)(line0 + 1), &len);
    if (line0 + 1 > doc->lm.n)
        return doc->len;
    while (i < len && c < col0) {
        i += (size_t)cc_utf8_seqlen((unsigned char)l[i]);
        c++;
    }
    if (i > len)
        i = len;
    return (size_t)(l - doc->text) + i;
}

static void add_diag(ydoc *doc, bool error, uint32_t line, uint32_t col, size_t off, int code,
                     const char *hint, const char *msg)
{
    size_t len;
    const char *src = cc_linemap_line(&doc->lm, line, &len);
    char *source = len ? cc_strndup(src, len < 400 ? len : 400) : NULL;
    y_report r;
    r.error = error;
    r.code = code;
    r.file = doc->file;
    r.line = line;
    r.col = col;
    r.offset = off;
    r.source = source;
    r.hint = hint;
    r.msg = msg;
    if (doc->sink.report)
        doc->sink.report(doc->sink.ud, &r);
    cc_free(source);
    if (error)
        doc->errors++;
}

/* The caller's code for the DOM's own error of kind k. */
static int code_of(const ydoc *doc, y_kind k)
{
    return doc->sink.codes[k];
}

#if defined(__GNUC__)
__attribute__((format(printf, 7, 0)))
#endif
static void verror(ydoc *doc, uint32_t line, uint32_t col, size_t off, int code,
                   const char *hint, const char *fmt, va_list ap)
{
    cc_buf b = CC_BUF_INIT;
    cc_buf_vprintf(&b, fmt, ap);
    add_diag(doc, true, line, col, off, code, hint, b.p ? b.p : "out of memory");
    cc_buf_free(&b);
}

void y_note(ydoc *doc, const ynode *n, int code, const char *hint, const char *fmt,
            ...)
{
    cc_buf b = CC_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    cc_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    add_diag(doc, false, n->line, n->col, n->offset, code, hint,
             b.p ? b.p : "out of memory");
    cc_buf_free(&b);
}

void y_error(ydoc *doc, const ynode *n, int code, const char *hint, const char *fmt,
             ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (n)
        verror(doc, n->line, n->col, n->offset, code, hint, fmt, ap);
    else
        verror(doc, 1, 1, 0, code, hint, fmt, ap);
    va_end(ap);
}

/* Long on purpose: one cursor walks the source of every YAML scalar style. */
void y_scalar_pos(const ydoc *doc, const ynode *n, size_t value_off, uint32_t *line,
                  uint32_t *col, size_t *offset)
{
    /* Walk the source from the scalar's first character, consuming value
     * bytes as the style dictates, until value_off bytes are consumed. */
    const char *src = doc->text, *end = doc->text + doc->len;
    size_t si = n->offset, vi = 0;
    size_t indent = 0;

    if (value_off > n->len)
        value_off = n->len;
    if (n->style == Y_SINGLE || n->style == Y_DOUBLE) {
        si++; /* opening quote */
    } else if (n->style == Y_LITERAL || n->style == Y_FOLDED) {
        /* skip the header line, then measure the indentation of the first
         * non-empty content line */
        while (src + si < end && src[si] != '\n')
            si++;
        if (src + si < end)
            si++;
        while (src + si + indent < end && src[si + indent] == ' ')
            indent++;
        si += indent;
    }
    while (vi < value_off && src + si < end) {
        unsigned char sc = (unsigned char)src[si];
        unsigned char vc = (unsigned char)n->s[vi];
        if (n->style == Y_SINGLE && sc == '\'' && si + 1 < doc->len && src[si + 1] == '\'') {
            si += 2;
            vi++;
        } else if (n->style == Y_DOUBLE && sc == '\\' && src + si + 1 < end) {
            /* one escape: decode its length in the value */
            char e = src[si + 1];
            size_t slen = 2, vlen = 1;
            if (e == 'x' || e == 'u' || e == 'U') {
                size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8, k;
                uint32_t cp = 0;
                char tmp[4];
                for (k = 0; k < digits && src + si + 2 + k < end; k++) {
                    char h = src[si + 2 + k];
                    cp = cp * 16 + (uint32_t)(h >= 'a' ? h - 'a' + 10 : h >= 'A' ? h - 'A' + 10 : h - '0');
                }
                slen = 2 + digits;
                vlen = cp > 0x10FFFF ? 1 : (size_t)cc_utf8_encode(cp, tmp);
            } else if (e == '\n') {
                vlen = 0;
            }
            si += slen;
            vi += vlen;
        } else if ((sc == '\n' || sc == '\r') && vc != '\n') {
            /* line folding: the newline and the next line's indentation
             * stand for one space (or nothing) in the value */
            si++;
            while (src + si < end && (src[si] == ' ' || src[si] == '\t' || src[si] == '\n' || src[si] == '\r'))
                si++;
            if (vc == ' ')
                vi++;
        } else if (sc == '\n' && vc == '\n') {
            si++;
            vi++;
            if (n->style == Y_LITERAL || n->style == Y_FOLDED) {
                size_t k = 0;
                while (k < indent && src + si < end && src[si] == ' ') {
                    si++;
                    k++;
                }
            }
        } else {
            si++;
            vi++;
        }
    }
    if (si > doc->len)
        si = doc->len;
    {
        cc_linemap lm = doc->lm; /* the cache is not shared: copy */
        cc_linecol loc = cc_linemap_loc(&lm, si);
        *line = loc.line;
        *col = loc.column;
    }
    if (offset)
        *offset = si;
}

void y_error_at(ydoc *doc, const ynode *n, size_t value_off, int code,
                const char *hint, const char *fmt, ...)
{
    uint32_t line, col;
    size_t off;
    va_list ap;
    y_scalar_pos(doc, n, value_off, &line, &col, &off);
    va_start(ap, fmt);
    verror(doc, line, col, off, code, hint, fmt, ap);
    va_end(ap);
}

/* A node standing for a position only, for errors about an event. */
static ynode at_mark(const ydoc *doc, const yaml_mark_t *m)
{
    ynode n;
    memset(&n, 0, sizeof n);
    n.line = (uint32_t)m->line + 1;
    n.col = (uint32_t)m->column + 1;
    n.offset = mark_offset(doc, m->line, m->column);
    return n;
}

static ynode *new_node(ydoc *doc, y_type t, const yaml_mark_t *m)
{
    ynode *n = cc_arena_alloc(doc->arena, sizeof *n);
    if (!n)
        return NULL;
    n->type = t;
    n->line = (uint32_t)m->line + 1;
    n->col = (uint32_t)m->column + 1;
    n->offset = mark_offset(doc, m->line, m->column);
    return n;
}

static void syntax_error(ydoc *doc, yaml_parser_t *p)
{
    cc_buf b = CC_BUF_INIT;
    const char *problem = p->problem ? p->problem : "malformed YAML";
    size_t line0 = p->problem_mark.line, col0 = p->problem_mark.column;
    if (p->error == YAML_MEMORY_ERROR) {
        add_diag(doc, true, 1, 1, 0, code_of(doc, Y_K_NOMEM), NULL, "out of memory while parsing YAML");
        return;
    }
    if (p->error == YAML_READER_ERROR) {
        /* reader errors have an offset, not a line */
        cc_buf_printf(&b, "YAML: %s (byte %zu)", problem, p->problem_offset);
        add_diag(doc, true, 1, 1, 0, code_of(doc, Y_K_SYNTAX), "rule files must be UTF-8 text", b.p ? b.p : problem);
        cc_buf_free(&b);
        return;
    }
    cc_buf_printf(&b, "YAML syntax error: %s", problem);
    if (p->context)
        cc_buf_printf(&b, " (%s at line %zu, column %zu)", p->context,
                      p->context_mark.line + 1, p->context_mark.column + 1);
    add_diag(doc, true, (uint32_t)line0 + 1, (uint32_t)col0 + 1, mark_offset(doc, line0, col0),
             code_of(doc, Y_K_SYNTAX), "check indentation, quoting and that every key ends with ': '",
             b.p ? b.p : problem);
    cc_buf_free(&b);
}

static bool same_key(const ynode *a, const ynode *b)
{
    return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

/* The slot of key k in f's hash set: where it is, or the empty slot where
 * it belongs. Keys hold no NUL (refused earlier), so s is the whole key. */
static size_t key_slot(const frame *f, const ynode *k)
{
    size_t i = (size_t)cc_hash_str(k->s) & (f->keycap - 1);
    while (f->keys[i] && !same_key(f->keys[i], k))
        i = (i + 1) & (f->keycap - 1);
    return i;
}

/* Adds key k to f's set at half load at most. Returns -1 when out of
 * memory. */
static int key_add(frame *f, ynode *k)
{
    if (2 * (f->nkeys + 1) > f->keycap) {
        frame t = *f;
        size_t i;
        t.keycap = f->keycap ? 2 * f->keycap : 4 * KEYS_LINEAR;
        t.keys = cc_calloc(t.keycap, sizeof(ynode *));
        if (!t.keys)
            return -1;
        for (i = 0; i < f->keycap; i++)
            if (f->keys[i])
                t.keys[key_slot(&t, f->keys[i])] = f->keys[i];
        cc_free(f->keys);
        f->keys = t.keys;
        f->keycap = t.keycap;
    }
    f->keys[key_slot(f, k)] = k;
    f->nkeys++;
    return 0;
}

/* The earlier key of map frame f equal to n, or NULL (then n is recorded,
 * when f keeps a set). Sets *nomem when the set could not grow. */
static const ynode *earlier_key(frame *f, ynode *n, int *nomem)
{
    size_t i, nk = f->n / 2;
    if (nk < KEYS_LINEAR) {
        for (i = 0; i + 1 < f->n; i += 2)
            if (same_key(f->kids[i], n))
                return f->kids[i];
        return NULL;
    }
    if (!f->keys) /* the mapping has just grown past KEYS_LINEAR keys */
        for (i = 0; i + 1 < f->n; i += 2)
            if (key_add(f, f->kids[i]) != 0) {
                *nomem = 1;
                return NULL;
            }
    i = key_slot(f, n);
    if (f->keys[i])
        return f->keys[i];
    if (key_add(f, n) != 0)
        *nomem = 1;
    return NULL;
}

static int attach(ydoc *doc, frame *stack, size_t depth, ynode *n)
{
    frame *f;
    if (depth == 0) {
        if (!doc->root)
            doc->root = n;
        return 0;
    }
    f = &stack[depth - 1];
    if (f->node->type == Y_MAP) {
        if (!f->pending_key) {
            const ynode *first;
            int nomem = 0;
            if (n->type != Y_SCALAR) {
                y_error(doc, n, code_of(doc, Y_K_TYPE), "write keys as plain words",
                        "mapping keys must be plain scalars");
                return -2;
            }
            first = earlier_key(f, n, &nomem);
            if (nomem)
                return -1;
            if (first) {
                y_error(doc, n, code_of(doc, Y_K_DUPLICATE), "remove one of the two entries",
                        "duplicate key '%s' (first at line %u)", n->s, (unsigned)first->line);
                return -2;
            }
            f->pending_key = n;
            return 0;
        }
    }
    if (f->n + 2 > f->cap) {
        void *k = f->kids;
        if (cc_grow(&k, &f->cap, f->n + 2, sizeof(ynode *)) != 0)
            return -1;
        f->kids = k;
    }
    if (f->node->type == Y_MAP) {
        f->kids[f->n++] = f->pending_key;
        f->pending_key = NULL;
    }
    f->kids[f->n++] = n;
    return 0;
}

static int close_frame(ydoc *doc, frame *f)
{
    ynode *n = f->node;
    size_t count = f->n;
    cc_free(f->keys);
    f->keys = NULL;
    if (count) {
        n->kids = cc_arena_memdup(doc->arena, f->kids, count * sizeof(ynode *));
        if (!n->kids) {
            cc_free(f->kids);
            f->kids = NULL;
            return -1;
        }
    }
    n->n = n->type == Y_MAP ? count / 2 : count;
    n->size = 1;
    for (size_t i = 0; i < count; i++)
        n->size += n->kids[i]->size;
    cc_free(f->kids);
    f->kids = NULL;
    return 0;
}

/* Long on purpose: libyaml's event loop; its cases share the parser state. */
int cc_ydoc_parse(ydoc *doc, cc_arena *a, const char *file, const char *text, size_t len,
                  const y_sink *sink)
{
    yaml_parser_t p;
    yaml_event_t ev;
    frame stack[Y_MAX_DEPTH];
    size_t depth = 0, nodes = 0, docs = 0, nanchors = 0, capanchors = 0;
    anchor_t *anchors = NULL;
    int rc = 0, done = 0;

    memset(doc, 0, sizeof *doc);
    doc->file = file;
    doc->text = text;
    doc->len = len;
    doc->arena = a;
    doc->sink = *sink;
    if (cc_linemap_build(&doc->lm, text, len) != 0)
        return Y_ERR_NOMEM;
    if (!yaml_parser_initialize(&p))
        return Y_ERR_NOMEM;
    yaml_parser_set_input_string(&p, (const unsigned char *)text, len);

    while (!done) {
        ynode *n = NULL;
        const unsigned char *anchor = NULL;
        if (!yaml_parser_parse(&p, &ev)) {
            syntax_error(doc, &p);
            rc = p.error == YAML_MEMORY_ERROR ? Y_ERR_NOMEM : Y_ERR_INVALID;
            break;
        }
        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
            done = 1;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++docs > 1) {
                ynode tmp = at_mark(doc, &ev.start_mark);
                y_error(doc, &tmp, code_of(doc, Y_K_SYNTAX), "put each file's content in one document",
                        "more than one YAML document in this file");
                rc = Y_ERR_INVALID;
                done = 1;
            }
            break;
        case YAML_ALIAS_EVENT: {
            /* share the anchored node; count it at its full size */
            size_t k;
            ynode *target = NULL;
            for (k = 0; k < nanchors; k++)
                if (strcmp(anchors[k].name, (const char *)ev.data.alias.anchor) == 0)
                    target = anchors[k].node;
            if (!target || target->size == 0) {
                ynode tmp = at_mark(doc, &ev.start_mark);
                y_error(doc, &tmp, code_of(doc, Y_K_SYNTAX), "define the anchor (&name) before using it, outside itself",
                        "unknown or unfinished anchor *%s", (const char *)ev.data.alias.anchor);
                rc = Y_ERR_INVALID;
                done = 1;
                break;
            }
            nodes += target->size;
            if (nodes > Y_MAX_NODES) {
                ynode tmp = at_mark(doc, &ev.start_mark);
                y_error(doc, &tmp, code_of(doc, Y_K_LIMIT), "use fewer aliases",
                        "document too large with its aliases expanded (more than %d nodes; "
                        "an alias bomb?)", Y_MAX_NODES);
                rc = Y_ERR_INVALID;
                done = 1;
                break;
            }
            {
                int r = attach(doc, stack, depth, target);
                if (r != 0) {
                    rc = r == -1 ? Y_ERR_NOMEM : Y_ERR_INVALID;
                    done = 1;
                }
            }
            break;
        }
        case YAML_SCALAR_EVENT:
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            if (ev.type == YAML_SCALAR_EVENT)
                anchor = ev.data.scalar.anchor;
            else if (ev.type == YAML_SEQUENCE_START_EVENT)
                anchor = ev.data.sequence_start.anchor;
            else if (ev.type == YAML_MAPPING_START_EVENT)
                anchor = ev.data.mapping_start.anchor;
            if (++nodes > Y_MAX_NODES) {
                ynode tmp = at_mark(doc, &ev.start_mark);
                y_error(doc, &tmp, code_of(doc, Y_K_LIMIT), "split the file",
                        "too many YAML nodes (more than %d)", Y_MAX_NODES);
                rc = Y_ERR_INVALID;
                done = 1;
                break;
            }
            n = new_node(doc,
                         ev.type == YAML_SCALAR_EVENT           ? Y_SCALAR
                         : ev.type == YAML_SEQUENCE_START_EVENT ? Y_SEQ
                                                                : Y_MAP,
                         &ev.start_mark);
            if (!n) {
                rc = Y_ERR_NOMEM;
                done = 1;
                break;
            }
            if (ev.type == YAML_SCALAR_EVENT)
                n->size = 1;
            if (anchor) {
                anchor_t *na;
                if (nanchors == capanchors) {
                    void *v = anchors;
                    if (cc_grow(&v, &capanchors, nanchors + 1, sizeof(anchor_t)) != 0) {
                        rc = Y_ERR_NOMEM;
                        done = 1;
                        break;
                    }
                    anchors = v;
                }
                na = &anchors[nanchors++];
                na->name = cc_arena_strdup(doc->arena, (const char *)anchor);
                na->node = n;
                if (!na->name) {
                    rc = Y_ERR_NOMEM;
                    done = 1;
                    break;
                }
            }
            if (ev.type == YAML_SCALAR_EVENT) {
                switch (ev.data.scalar.style) {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: n->style = Y_SINGLE; break;
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: n->style = Y_DOUBLE; break;
                case YAML_LITERAL_SCALAR_STYLE: n->style = Y_LITERAL; break;
                case YAML_FOLDED_SCALAR_STYLE: n->style = Y_FOLDED; break;
                default: n->style = Y_PLAIN; break;
                }
                n->s = cc_arena_strndup(doc->arena, (const char *)ev.data.scalar.value,
                                        ev.data.scalar.length);
                n->len = ev.data.scalar.length;
                if (!n->s) {
                    rc = Y_ERR_NOMEM;
                    done = 1;
                    break;
                }
                if (strlen(n->s) != n->len) {
                    y_error(doc, n, code_of(doc, Y_K_VALUE), "remove the \\0 escape",
                            "NUL characters are not allowed in values");
                    rc = Y_ERR_INVALID;
                    done = 1;
                    break;
                }
            }
            {
                int r = attach(doc, stack, depth, n);
                if (r != 0) {
                    rc = r == -1 ? Y_ERR_NOMEM : Y_ERR_INVALID;
                    done = 1;
                    break;
                }
            }
            if (ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT) {
                if (depth == Y_MAX_DEPTH) {
                    y_error(doc, n, code_of(doc, Y_K_LIMIT), "flatten the structure",
                            "YAML nested deeper than %d levels", Y_MAX_DEPTH);
                    rc = Y_ERR_INVALID;
                    done = 1;
                    break;
                }
                memset(&stack[depth], 0, sizeof stack[depth]);
                stack[depth].node = n;
                depth++;
            }
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            if (depth == 0)
                break;
            depth--;
            if (close_frame(doc, &stack[depth]) != 0) {
                rc = Y_ERR_NOMEM;
                done = 1;
            }
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
    }
    while (depth > 0) {
        depth--;
        cc_free(stack[depth].kids);
        cc_free(stack[depth].keys);
    }
    cc_free(anchors);
    yaml_parser_delete(&p);
    return rc;
}

void cc_ydoc_free(ydoc *doc)
{
    cc_linemap_free(&doc->lm);
}

const ynode *y_get(const ynode *m, const char *key)
{
    size_t i, kl = strlen(key);
    if (!m || m->type != Y_MAP)
        return NULL;
    for (i = 0; i < m->n; i++) {
        const ynode *k = y_key(m, i);
        if (k->len == kl && memcmp(k->s, key, kl) == 0)
            return y_val(m, i);
    }
    return NULL;
}

static const char *type_name(const ynode *n)
{
    if (!n)
        return "nothing";
    if (n->type == Y_MAP)
        return "a mapping";
    if (n->type == Y_SEQ)
        return "a list";
    if (y_is_null(n))
        return "null";
    return "a scalar";
}

bool y_expect(ydoc *doc, const ynode *n, y_type t, const char *what)
{
    const char *want = t == Y_MAP ? "a mapping (key: value lines)"
                       : t == Y_SEQ ? "a list (lines starting with '- ')"
                                    : "a scalar value";
    if (n && n->type == t && !(t == Y_SCALAR && y_is_null(n)))
        return true;
    y_error(doc, n, code_of(doc, Y_K_TYPE), NULL, "%s must be %s, not %s", what, want, type_name(n));
    return false;
}

size_t cc_edit_distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b), i, j;
    size_t row[64];
    if (lb >= 63 || la >= 63)
        return cap + 1;
    for (j = 0; j <= lb; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        size_t prev = row[0], best;
        row[0] = i;
        best = row[0];
        for (j = 1; j <= lb; j++) {
            size_t cur = row[j];
            size_t sub = prev + (a[i - 1] != b[j - 1]);
            size_t v = row[j] + 1 < row[j - 1] + 1 ? row[j] + 1 : row[j - 1] + 1;
            row[j] = sub < v ? sub : v;
            prev = cur;
            if (row[j] < best)
                best = row[j];
        }
        if (best > cap)
            return cap + 1;
    }
    return row[lb];
}

size_t y_check_keys(ydoc *doc, const ynode *m, const char *const *allowed, const char *what)
{
    size_t i, bad = 0;
    if (!m || m->type != Y_MAP)
        return 0;
    for (i = 0; i < m->n; i++) {
        const ynode *k = y_key(m, i);
        const char *const *a;
        const char *best = NULL;
        size_t bestd = 3;
        for (a = allowed; *a; a++) {
            size_t dd;
            if (strcmp(*a, k->s) == 0)
                break;
            dd = cc_edit_distance(k->s, *a, 2);
            if (dd < bestd) {
                bestd = dd;
                best = *a;
            }
        }
        if (*a)
            continue;
        bad++;
        {
            cc_buf hint = CC_BUF_INIT, list = CC_BUF_INIT;
            for (a = allowed; *a; a++)
                cc_buf_printf(&list, "%s%s", a == allowed ? "" : ", ", *a);
            if (best)
                cc_buf_printf(&hint, "did you mean '%s'?", best);
            else
                cc_buf_printf(&hint, "known keys: %s", list.p ? list.p : "");
            y_error(doc, k, code_of(doc, Y_K_UNKNOWN_KEY), hint.p, "unknown key '%s' in %s", k->s, what);
            cc_buf_free(&hint);
            cc_buf_free(&list);
        }
    }
    return bad;
}

const ynode *y_require(ydoc *doc, const ynode *m, const char *key, const char *what)
{
    const ynode *v = y_get(m, key);
    if (!v)
        y_error(doc, m, code_of(doc, Y_K_MISSING_KEY), NULL, "%s has no '%s'", what, key);
    return v;
}

bool y_is_null(const ynode *n)
{
    if (!n)
        return true;
    if (n->type != Y_SCALAR || n->style != Y_PLAIN)
        return false;
    return n->len == 0 || strcmp(n->s, "~") == 0 || strcmp(n->s, "null") == 0 ||
           strcmp(n->s, "Null") == 0 || strcmp(n->s, "NULL") == 0;
}

bool y_bool(const ynode *n, bool *out)
{
    if (!n || n->type != Y_SCALAR || n->style != Y_PLAIN)
        return false;
    if (!strcmp(n->s, "true") || !strcmp(n->s, "True") || !strcmp(n->s, "TRUE") ||
        !strcmp(n->s, "yes")) {
        *out = true;
        return true;
    }
    if (!strcmp(n->s, "false") || !strcmp(n->s, "False") || !strcmp(n->s, "FALSE") ||
        !strcmp(n->s, "no")) {
        *out = false;
        return true;
    }
    return false;
}

const char *y_str(ydoc *doc, const ynode *n, const char *what)
{
    if (!y_expect(doc, n, Y_SCALAR, what))
        return NULL;
    return n->s;
}

