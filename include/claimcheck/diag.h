/*
 * claimcheck/diag.h: diagnostics. Errors are data: each one carries where it
 * happened and what to do, and goes on a list the caller owns. One bad rule
 * or article never stops the run; the caller counts and decides.
 *
 * Printed form (one line, then the source line and a caret when known):
 *   rules/claims/x.yaml:12:9: error: unknown macro %{monney}
 *       pattern: 'invested %{monney}'
 *                          ^
 *   hint: did you mean %{money}?
 */
#ifndef CLAIMCHECK_DIAG_H
#define CLAIMCHECK_DIAG_H

#include <stdio.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cc_severity {
    CC_SEV_NOTE = 0,
    CC_SEV_WARNING = 1,
    CC_SEV_ERROR = 2
} cc_severity;

/* What a diagnostic is about; stable names for machine-readable output. */
typedef enum cc_diag_code {
    CC_D_GENERIC = 0,
    CC_D_YAML,          /* YAML syntax */
    CC_D_TYPE,          /* wrong type of value */
    CC_D_UNKNOWN_KEY,   /* key not in the schema */
    CC_D_MISSING_KEY,   /* required key absent */
    CC_D_DUPLICATE,     /* duplicate id, key or language */
    CC_D_PATTERN,       /* PCRE2 pattern does not compile */
    CC_D_MACRO,         /* unknown macro */
    CC_D_GROUP,         /* missing or misused capture group */
    CC_D_VALUE,         /* a value out of range or malformed */
    CC_D_LANG,          /* unknown language */
    CC_D_IO,            /* file could not be read */
    CC_D_ENCODING,      /* not UTF-8, binary, NUL bytes */
    CC_D_SKIPPED,       /* an input was skipped */
    CC_D_LIMIT,         /* a match, time or size limit was hit */
    CC_D_NOMEM,         /* out of memory */
    CC_D_TEST           /* a rule or pack example failed */
} cc_diag_code;

typedef struct cc_diag {
    cc_severity severity;
    cc_diag_code code;
    char *file;        /* path, or NULL; owned by the list */
    uint32_t line;     /* 1-based; 0 when unknown */
    uint32_t column;   /* 1-based, in code points; 0 when unknown */
    size_t offset;     /* byte offset in the file; SIZE_MAX when unknown */
    char *message;     /* owned by the list */
    char *hint;        /* what to do, or NULL; owned by the list */
    char *source;      /* the source line, or NULL; owned by the list */
} cc_diag;

typedef struct cc_diags cc_diags;

/* A new, empty list. Owned: cc_diags_free. NULL when out of memory. */
cc_diags *cc_diags_new(void);
void cc_diags_free(cc_diags *d);

/* Appends a diagnostic; file, source and hint may be NULL. The strings are
 * copied. Returns 0, or CC_ERR_NOMEM (the list then counts the loss in
 * cc_diags_dropped and the caller may go on). Thread-safe. */
int cc_diags_add(cc_diags *d, cc_severity sev, cc_diag_code code, const char *file,
                 uint32_t line, uint32_t column, size_t offset, const char *source,
                 const char *hint, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 10, 11)))
#endif
    ;

/* Moves every diagnostic of src to the end of dst (src is left empty). */
int cc_diags_move(cc_diags *dst, cc_diags *src);

size_t cc_diags_count(const cc_diags *d);
/* Number of diagnostics of at least the given severity. */
size_t cc_diags_count_sev(const cc_diags *d, cc_severity min);
/* Borrowed: valid until the list changes or is freed. */
const cc_diag *cc_diags_get(const cc_diags *d, size_t i);
/* Diagnostics that could not be recorded for lack of memory. */
size_t cc_diags_dropped(const cc_diags *d);

/* Sorts by file, line, column, severity, message: reproducible output. */
void cc_diags_sort(cc_diags *d);

/* Prints every diagnostic in the form above. color: ANSI colours. Control
 * characters in messages and sources are neutralised. */
void cc_diags_print(const cc_diags *d, FILE *out, bool color);
/* Prints one diagnostic. */
void cc_diag_print(const cc_diag *g, FILE *out, bool color);

const char *cc_severity_name(cc_severity s);
const char *cc_diag_code_name(cc_diag_code c);

#ifdef __cplusplus
}
#endif
#endif
