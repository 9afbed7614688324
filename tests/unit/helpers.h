/*
 * helpers.h: shared helpers for the unit tests.
 */
#ifndef CC_TEST_HELPERS_H
#define CC_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "claimcheck/claimcheck.h"

/* The shipped ruleset (rules/ of the source tree), loaded once. */
const cc_ruleset *th_rules(void);
/* A decimal from ASCII; fails the test on a malformed literal. */
cc_dec th_dec(const char *s);
/* Scans text with pack lang; returns the number of quantities, copies the
 * first into *first (when not NULL) and its text into buf. */
size_t th_scan(const char *lang, const char *text, cc_quantity *first, char *buf, size_t bufsz);
/* All quantities of text: out must hold max entries. */
size_t th_scan_all(const char *lang, const char *text, cc_quantity *out, size_t max);
/* The same with another ruleset. */
size_t th_scan_in(const cc_ruleset *rs, const char *lang, const char *text, cc_quantity *out,
                  size_t max);
/* Asserts that d and the decimal literal want are equal. */
#define assert_dec(d, want) assert_int_equal(cc_dec_cmp((d), th_dec(want)), 0)
/* Writes text to a fresh file in a temporary directory; returns its path
 * (static buffer per call slot 0-7). */
const char *th_write(int slot, const char *name, const char *text);
/* Loads a ruleset from a fresh directory <tmp>/name holding lang/<code>.yaml
 * = pack and claims/c.yaml = claims (either may be NULL); returns the
 * status, the diagnostics in *d (caller frees) and the ruleset in *rs. */
int th_load(const char *name, const char *code, const char *pack, const char *claims,
            cc_diags **d, cc_ruleset **rs);
/* A fresh temporary directory (removed at exit). */
const char *th_tmpdir(void);

#endif
