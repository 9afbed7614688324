/*
 * io.c: whole-file reading and directory listing (helper).
 */
#include "io.h"
#include "alloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* open(2) for a path longer than PATH_MAX (ENAMETOOLONG), as a directory
 * search finds them: one directory at a time, each opened relative to the
 * one before. Directories on the way need read permission here. */
static int open_long(const char *path, int flags)
{
    const char *p = path;
    int dfd = AT_FDCWD;
    if (*p == '/') {
        dfd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd < 0)
            return -1;
    }
    for (;;) {
        char name[NAME_MAX + 1];
        const char *e;
        size_t l;
        int fd, err;
        while (*p == '/')
            p++;
        e = strchr(p, '/');
        if (!e) {
            fd = *p ? openat(dfd, p, flags) : dfd;
            err = errno;
            if (dfd != AT_FDCWD && fd != dfd)
                close(dfd);
            errno = err;
            return fd;
        }
        l = (size_t)(e - p);
        if (l > NAME_MAX) {
            fd = -1;
            errno = ENAMETOOLONG;
        } else {
            memcpy(name, p, l);
            name[l] = '\0';
            fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK);
        }
        err = errno;
        if (dfd != AT_FDCWD)
            close(dfd);
        errno = err;
        if (fd < 0)
            return -1;
        dfd = fd;
        p = e;
    }
}

int cc_read_file(const char *path, size_t max, char **out, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat st;
    char *buf = NULL;
    size_t cap = 0, n = 0;

    *out = NULL;
    *len = 0;
    if (fd < 0 && errno == ENAMETOOLONG)
        fd = open_long(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return -1;
    if (fstat(fd, &st) != 0)
        goto fail;
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        goto fail;
    }
    if (!S_ISREG(st.st_mode)) {
        errno = ENODEV;
        goto fail;
    }
    if ((unsigned long long)st.st_size > max) {
        errno = EFBIG;
        goto fail;
    }
    cap = (size_t)st.st_size + 1;
    buf = cc_malloc(cap);
    if (!buf) {
        errno = ENOMEM;
        goto fail;
    }
    for (;;) {
        ssize_t r;
        if (n + 1 >= cap) {
            void *p = buf;
            if (cap > max) {
                errno = EFBIG;
                goto fail;
            }
            if (cc_grow(&p, &cap, cap + 4096, 1) != 0) {
                errno = ENOMEM;
                goto fail;
            }
            buf = p;
        }
        r = read(fd, buf + n, cap - 1 - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            goto fail;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n > max) {
            errno = EFBIG;
            goto fail;
        }
    }
    close(fd);
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
fail: {
    int e = errno;
    cc_free(buf);
    close(fd);
    errno = e;
    return -1;
}
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

long cc_list_dir(const char *dir, const char *suffix, char ***names)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **v = NULL;
    size_t n = 0, cap = 0, sl = strlen(suffix);

    *names = NULL;
    if (!d)
        return -1;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        char *s;
        if (e->d_name[0] == '.' || l < sl || strcmp(e->d_name + l - sl, suffix) != 0)
            continue;
        if (n == cap) {
            void *p = v;
            if (cc_grow(&p, &cap, n + 1, sizeof(char *)) != 0)
                goto nomem;
            v = p;
        }
        s = cc_strdup(e->d_name);
        if (!s)
            goto nomem;
        v[n++] = s;
    }
    closedir(d);
    if (n)
        qsort(v, n, sizeof(char *), cmp_name);
    *names = v;
    return (long)n;
nomem:
    while (n)
        cc_free(v[--n]);
    cc_free(v);
    closedir(d);
    errno = ENOMEM;
    return -1;
}
