/*
 * io.h: reading whole files (helper for rules and articles).
 */
#ifndef CC_IO_H
#define CC_IO_H

#include <stddef.h>

/* Reads a regular file of at most max bytes into a NUL-terminated buffer
 * (owned: cc_free). Returns 0, or -1 with errno set (EFBIG when larger than
 * max, EISDIR/ENODEV for what is not a regular file). A path longer than
 * PATH_MAX is opened one directory at a time. */
int cc_read_file(const char *path, size_t max, char **out, size_t *len);

/* Names of the regular entries of dir ending in suffix, sorted bytewise.
 * Returns the count (>= 0) or -1 with errno set; *names is owned: free each
 * with cc_free, then the array. */
long cc_list_dir(const char *dir, const char *suffix, char ***names);

#endif
