/*
 * walk.c: turning command-line paths into article files (stage 2 helper).
 *
 * Directories are searched recursively for *.txt and *.md, entries in byte
 * order, hidden entries skipped; a directory reached twice (a symlink loop)
 * is reported once and not entered again. Everything that cannot be used is
 * returned with its reason, so the caller can account for it.
 */
#include "claimcheck/run.h"

#include "alloc.h"
#include "buf.h"
#include "io.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#define WALK_MAX_DEPTH 256

typedef struct seen {
    dev_t *dev;
    ino_t *ino;
    size_t n, cap;
} seen;

typedef struct walker {
    cc_pathlist *files, *bad, *why;
    cc_diags *d;
    seen s;
    int nomem;
} walker;

static int list_push(cc_pathlist *l, const char *s)
{
    char *c;
    if (l->n == l->cap) {
        void *v = l->v;
        if (cc_grow(&v, &l->cap, l->n + 1, sizeof(char *)) != 0)
            return -1;
        l->v = v;
    }
    c = cc_strdup(s);
    if (!c)
        return -1;
    l->v[l->n++] = c;
    return 0;
}

void cc_pathlist_free(cc_pathlist *l)
{
    size_t i;
    for (i = 0; i < l->n; i++)
        cc_free(l->v[i]);
    cc_free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

static void reject(walker *w, const char *path, const char *why)
{
    cc_diags_add(w->d, CC_SEV_ERROR, CC_D_SKIPPED, path, 0, 0, SIZE_MAX, NULL, NULL,
                 "skipped: %s", why);
    if (list_push(w->bad, path) != 0 || list_push(w->why, why) != 0)
        w->nomem = 1;
}

static bool seen_before(walker *w, const struct stat *st)
{
    size_t i;
    for (i = 0; i < w->s.n; i++)
        if (w->s.dev[i] == st->st_dev && w->s.ino[i] == st->st_ino)
            return true;
    if (w->s.n == w->s.cap) {
        size_t cap = w->s.cap, cap2 = w->s.cap;
        void *a = w->s.dev, *b = w->s.ino;
        if (cc_grow(&a, &cap, w->s.n + 1, sizeof(dev_t)) != 0) {
            w->nomem = 1;
            return true;
        }
        w->s.dev = a;
        if (cc_grow(&b, &cap2, w->s.n + 1, sizeof(ino_t)) != 0) {
            w->nomem = 1;
            return true;
        }
        w->s.ino = b;
        w->s.cap = cap < cap2 ? cap : cap2;
    }
    w->s.dev[w->s.n] = st->st_dev;
    w->s.ino[w->s.n] = st->st_ino;
    w->s.n++;
    return false;
}

static bool article_name(const char *name)
{
    size_t n = strlen(name);
    return (n > 4 && strcmp(name + n - 4, ".txt") == 0) ||
           (n > 3 && strcmp(name + n - 3, ".md") == 0);
}

static void walk_dir(walker *w, const char *dir, int depth)
{
    char **names = NULL;
    long n, i;
    if (depth > WALK_MAX_DEPTH) {
        reject(w, dir, "directory nesting deeper than 256 levels");
        return;
    }
    n = cc_list_dir(dir, "", &names);
    if (n < 0) {
        char why[128];
        snprintf(why, sizeof why, "cannot read directory: %s", strerror(errno));
        reject(w, dir, why);
        return;
    }
    for (i = 0; i < n && !w->nomem; i++) {
        cc_buf p = CC_BUF_INIT;
        struct stat st;
        size_t dl = strlen(dir);
        cc_buf_append(&p, dir, dl);
        if (dl && dir[dl - 1] != '/')
            cc_buf_putc(&p, '/');
        cc_buf_puts(&p, names[i]);
        if (p.err) {
            w->nomem = 1;
            cc_buf_free(&p);
            break;
        }
        if (stat(p.p, &st) != 0) {
            if (article_name(names[i])) {
                char why[128];
                snprintf(why, sizeof why, "%s", errno == ENOENT ? "broken symbolic link"
                                                : errno == ELOOP ? "symbolic link loop"
                                                                 : strerror(errno));
                reject(w, p.p, why);
            }
        } else if (S_ISDIR(st.st_mode)) {
            if (seen_before(w, &st))
                reject(w, p.p, "directory already searched (symbolic link loop)");
            else
                walk_dir(w, p.p, depth + 1);
        } else if (article_name(names[i])) {
            if (list_push(w->files, p.p) != 0)
                w->nomem = 1;
        }
        cc_buf_free(&p);
    }
    for (i = 0; i < n; i++)
        cc_free(names[i]);
    cc_free(names);
}

int cc_walk(cc_pathlist *files, cc_pathlist *bad, cc_pathlist *why, const char *const *paths,
            size_t npaths, cc_diags *d)
{
    walker w;
    size_t i;
    memset(&w, 0, sizeof w);
    w.files = files;
    w.bad = bad;
    w.why = why;
    w.d = d;
    for (i = 0; i < npaths && !w.nomem; i++) {
        struct stat st;
        const char *p = paths[i];
        if (strcmp(p, "-") == 0) {
            if (list_push(files, p) != 0)
                w.nomem = 1;
            continue;
        }
        if (stat(p, &st) != 0) {
            char why2[128];
            snprintf(why2, sizeof why2, "%s", errno == ELOOP ? "symbolic link loop" : strerror(errno));
            reject(&w, p, why2);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (!seen_before(&w, &st))
                walk_dir(&w, p, 0);
        } else if (list_push(files, p) != 0) {
            w.nomem = 1;
        }
    }
    cc_free(w.s.dev);
    cc_free(w.s.ino);
    return w.nomem ? CC_ERR_NOMEM : CC_OK;
}
