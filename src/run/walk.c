/*
 * walk.c: turning command-line paths into article files (stage 2 helper).
 *
 * Directories are searched recursively for the files of an input kind
 * (src/input/kinds.c: *.txt and *.md), entries in byte order, hidden
 * entries skipped. Each directory is opened relative to its
 * parent (openat, fdopendir), so depth is not bounded by PATH_MAX; paths
 * longer than that are listed like any other and read the same way (see
 * cc_read_file). Files and directories are known by device and inode: a
 * directory reached twice (a symlink loop) is reported once and not entered
 * again, and a file reached twice (named as x and ./x, through a symbolic
 * or a hard link) is read once, under the first name met; the others are
 * skipped as duplicates naming it. Everything that cannot be used (an entry
 * that cannot be examined, a directory that cannot be read or searched) is
 * returned with its reason, so the caller can account for it.
 */
#include "claimcheck/run.h"

#include "alloc.h"
#include "buf.h"
#include "kinds.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define WALK_MAX_DEPTH 256

/* A set of (device, inode) with a value, open addressing; a file's value is
 * its index in the file list, a directory's is unused. */
typedef struct id_ent {
    dev_t dev;
    ino_t ino;
    size_t val; /* SIZE_MAX: an empty slot */
} id_ent;

typedef struct idset {
    id_ent *v;
    size_t n, cap; /* cap: 0 or a power of two */
} idset;

typedef struct walker {
    cc_pathlist *files, *bad, *why;
    cc_diags *d;
    idset dirs, arts;
    int nomem;
} walker;

static size_t id_slot(const idset *s, dev_t dev, ino_t ino)
{
    uint64_t h = (uint64_t)dev * 0x9E3779B97F4A7C15ull ^ (uint64_t)ino;
    size_t i;
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
    for (i = (size_t)h & (s->cap - 1);; i = (i + 1) & (s->cap - 1))
        if (s->v[i].val == SIZE_MAX || (s->v[i].dev == dev && s->v[i].ino == ino))
            return i;
}

/* The value stored for st's file, or SIZE_MAX after storing val for it.
 * Returns -1 when out of memory. */
static int id_find_add(idset *s, const struct stat *st, size_t val, size_t *found)
{
    size_t i;
    *found = SIZE_MAX;
    if (2 * (s->n + 1) > s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64, k;
        id_ent *v = cc_malloc(cap * sizeof *v);
        idset t;
        if (!v)
            return -1;
        for (k = 0; k < cap; k++)
            v[k].val = SIZE_MAX;
        t.v = v;
        t.n = s->n;
        t.cap = cap;
        for (k = 0; k < s->cap; k++)
            if (s->v[k].val != SIZE_MAX)
                v[id_slot(&t, s->v[k].dev, s->v[k].ino)] = s->v[k];
        cc_free(s->v);
        *s = t;
    }
    i = id_slot(s, st->st_dev, st->st_ino);
    if (s->v[i].val != SIZE_MAX) {
        *found = s->v[i].val;
        return 0;
    }
    s->v[i].dev = st->st_dev;
    s->v[i].ino = st->st_ino;
    s->v[i].val = val;
    s->n++;
    return 0;
}

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

static void reject_as(walker *w, cc_severity sev, const char *path, const char *hint,
                      const char *why)
{
    cc_diags_add(w->d, sev, CC_D_SKIPPED, path, 0, 0, SIZE_MAX, NULL, hint, "skipped: %s", why);
    if (list_push(w->bad, path) != 0 || list_push(w->why, why) != 0)
        w->nomem = 1;
}

static void reject(walker *w, const char *path, const char *hint, const char *why)
{
    reject_as(w, CC_SEV_ERROR, path, hint, why);
}

/* False when the directory st was entered before (and records it). */
static bool first_visit(walker *w, const struct stat *st)
{
    size_t found;
    if (id_find_add(&w->dirs, st, 0, &found) != 0) {
        w->nomem = 1;
        return false;
    }
    return found == SIZE_MAX;
}

/* Lists an article file, unless the same file (device and inode) is listed
 * already: then it is skipped, naming the first path. The very same path
 * given twice is one input, not a duplicate. The duplicate is a warning, not
 * an error: its text is read, under the other name. */
static void add_article(walker *w, const char *path, const struct stat *st)
{
    size_t found;
    if (id_find_add(&w->arts, st, w->files->n, &found) != 0) {
        w->nomem = 1;
        return;
    }
    if (found == SIZE_MAX) {
        if (list_push(w->files, path) != 0)
            w->nomem = 1;
    } else if (strcmp(w->files->v[found], path) != 0) {
        cc_buf why = CC_BUF_INIT;
        cc_buf_printf(&why, "same file as %s (read once, under that name)",
                      w->files->v[found]);
        if (why.err)
            w->nomem = 1;
        else
            reject_as(w, CC_SEV_WARNING, path,
                      "name each article once; a symbolic or hard link to an article is the same article",
                      why.p);
        cc_buf_free(&why);
    }
}

typedef struct entry {
    char *name;
} entry;

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->name, ((const entry *)b)->name);
}

static void free_entries(entry *v, size_t n)
{
    while (n)
        cc_free(v[--n].name);
    cc_free(v);
}

/* The visible entries of directory dir (owned: dir is closed), sorted
 * bytewise. Returns the count, or -1 with errno set (also for an error
 * while reading it: a partial listing would lose entries silently). */
static long read_entries(DIR *dir, entry **out)
{
    entry *v = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int err;
    *out = NULL;
    for (;;) {
        errno = 0;
        if (!(e = readdir(dir)))
            break;
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            void *p = v;
            if (cc_grow(&p, &cap, n + 1, sizeof *v) != 0) {
                errno = ENOMEM;
                break;
            }
            v = p;
        }
        if (!(v[n].name = cc_strdup(e->d_name))) {
            errno = ENOMEM;
            break;
        }
        n++;
    }
    err = errno;
    closedir(dir);
    if (err) {
        free_entries(v, n);
        errno = err;
        return -1;
    }
    if (n)
        qsort(v, n, sizeof *v, cmp_entry);
    *out = v;
    return (long)n;
}

static void reject_errno(walker *w, const char *path, const char *what, int e)
{
    char why[160];
    const char *hint = e == EACCES ? "give the user running claimcheck read and search (x) permission on it"
                                   : NULL;
    snprintf(why, sizeof why, "%s%s", what, strerror(e));
    reject(w, path, hint, why);
}

/* Searches directory name, relative to the directory open as parent (or
 * AT_FDCWD); path is how it is named in the report. */
/* Long on purpose: a directory's descriptor opened and closed in one place. */
static void walk_dir(walker *w, int parent, const char *name, const char *path, int depth)
{
    entry *v = NULL;
    long n = 0, i;
    int fd;
    DIR *dir;
    struct stat self;
    if (depth > WALK_MAX_DEPTH) {
        reject(w, path, "flatten the directory tree", "directory nesting deeper than 256 levels");
        return;
    }
    fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        reject_errno(w, path, "cannot read directory: ", errno);
        return;
    }
    /* the listing is read through a copy of the descriptor (closedir
     * closes it); fd stays open while the entries are examined, one per
     * level of the tree */
    {
        int lfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
        if (lfd < 0 || !(dir = fdopendir(lfd))) {
            int e = errno;
            if (lfd >= 0)
                close(lfd);
            reject_errno(w, path, "cannot read directory: ", e);
            goto out;
        }
    }
    n = read_entries(dir, &v); /* closes dir */
    if (n < 0) {
        n = 0;
        if (errno == ENOMEM)
            w->nomem = 1;
        else
            reject_errno(w, path, "cannot read directory: ", errno);
        goto out;
    }
    if (n == 0)
        goto out;
    /* Looking up "." needs search permission: without it no entry could be
     * examined; the directory is skipped as a whole, not entry by entry. */
    if (fstatat(fd, ".", &self, 0) != 0) {
        reject_errno(w, path, "cannot search directory: ", errno);
        goto out;
    }
    for (i = 0; i < n && !w->nomem; i++) {
        cc_buf p = CC_BUF_INIT;
        struct stat st;
        size_t dl = strlen(path);
        cc_buf_append(&p, path, dl);
        if (dl && path[dl - 1] != '/')
            cc_buf_putc(&p, '/');
        cc_buf_puts(&p, v[i].name);
        if (p.err) {
            w->nomem = 1;
            cc_buf_free(&p);
            break;
        }
        if (fstatat(fd, v[i].name, &st, 0) != 0) {
            /* an article, or what may be a directory, that cannot be
             * examined is reported; a dangling link to something else
             * is no input */
            int e = errno;
            if (cc_doc_is_article_name(v[i].name) || e != ENOENT) {
                char why[128];
                snprintf(why, sizeof why, "%s", e == ENOENT ? "broken symbolic link"
                                                : e == ELOOP ? "symbolic link loop"
                                                             : strerror(e));
                reject(w, p.p, e == EACCES ? "give the user running claimcheck search (x) permission on the directories on the way"
                                           : NULL,
                       why);
            }
        } else if (S_ISDIR(st.st_mode)) {
            if (!first_visit(w, &st)) {
                if (!w->nomem)
                    reject(w, p.p, NULL, "directory already searched (symbolic link loop)");
            } else {
                walk_dir(w, fd, v[i].name, p.p, depth + 1);
            }
        } else if (cc_doc_is_article_name(v[i].name)) {
            add_article(w, p.p, &st);
        }
        cc_buf_free(&p);
    }
out:
    if (fd >= 0)
        close(fd);
    free_entries(v, (size_t)n);
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
            reject(&w, p, NULL, why2);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (first_visit(&w, &st))
                walk_dir(&w, AT_FDCWD, p, p, 0);
        } else if (S_ISREG(st.st_mode)) {
            add_article(&w, p, &st);
        } else if (list_push(files, p) != 0) {
            w.nomem = 1; /* a FIFO or device: the reader says why it is skipped */
        }
    }
    cc_free(w.dirs.v);
    cc_free(w.arts.v);
    return w.nomem ? CC_ERR_NOMEM : CC_OK;
}
