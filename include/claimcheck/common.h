/*
 * claimcheck/common.h: status codes, exit codes and small value types shared
 * by every stage of the pipeline.
 *
 * Conventions (all public headers):
 *   - functions that can fail return 0 (CC_OK) or a negative cc_status;
 *   - out parameters come first;
 *   - cc_x_free(NULL) does nothing;
 *   - every pointer a function returns says who owns it: "owned" means the
 *     caller frees it with the named function, "borrowed" says how long it
 *     stays valid.
 */
#ifndef CLAIMCHECK_COMMON_H
#define CLAIMCHECK_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Every status a library function returns. */
typedef enum cc_status {
    CC_OK = 0,
    CC_ERR_NOMEM = -1,    /* an allocation failed */
    CC_ERR_IO = -2,       /* a file could not be read or written */
    CC_ERR_RULES = -3,    /* rule or language-pack errors; see the diagnostics */
    CC_ERR_INPUT = -4,    /* an article could not be used; see the diagnostics */
    CC_ERR_LIMIT = -5,    /* a size, depth or time limit was reached */
    CC_ERR_NOTFOUND = -6, /* the thing asked for does not exist */
    CC_ERR_INVALID = -7   /* an argument was malformed */
} cc_status;

/* Process exit codes of the claimcheck program (README, --help). */
typedef enum cc_exit {
    CC_EXIT_OK = 0,       /* no conflicts */
    CC_EXIT_CONFLICT = 1, /* at least one conflict (per --fail-on) */
    CC_EXIT_ERROR = 2     /* rule errors, input errors or bad usage */
} cc_exit;

/* A borrowed run of bytes. */
typedef struct cc_span {
    const char *p; /* first byte; need not be NUL-terminated */
    size_t len;    /* number of bytes */
} cc_span;

/* A human position: 1-based line, 1-based column counted in code points. */
typedef struct cc_loc {
    uint32_t line;
    uint32_t column;
} cc_loc;

/* The library's version, e.g. "0.1.0". Borrowed, static. */
const char *cc_version(void);

/* A short English description of a status. Borrowed, static. */
const char *cc_strerror(int status);

#ifdef __cplusplus
}
#endif
#endif
