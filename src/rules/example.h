/*
 * example.h: examples carried by language packs and claim rules, run by
 * `claimcheck test` (semgrep --test style). Parsed here, checked in the
 * test runner.
 */
#ifndef CC_EXAMPLE_H
#define CC_EXAMPLE_H

#include "claimcheck/lang.h"
#include "claimcheck/num.h"
#include "ysink.h"

typedef struct cc_example {
    const char *file;
    uint32_t line, col;
    const char *lang;   /* claims: which pack reads the text */
    const char *text;
    int none;           /* 1: must yield nothing */
    int none_kind;      /* with none: only this kind must be absent; -1 any */
    int has_value;
    cc_dec value;
    int has_low, has_high; /* bounds given */
    int low_inf, high_inf; /* bound given as -inf / inf */
    cc_dec low, high;
    const char *unit;   /* NULL: not checked */
    int kind;           /* -1: not checked */
    int qual;           /* -1: not checked */
    int vague;          /* -1: not checked */
    const char *scope;  /* NULL: not checked */
    const char *claim;  /* claims: the claim id */
} cc_example;

/* Parses one example mapping. for_claim selects the claim schema (lang and
 * scope allowed; kind and vague not). Returns true when well-formed;
 * errors are reported through doc. */
bool cc_example_parse(ydoc *doc, const ynode *m, bool for_claim, cc_example *ex);

#endif
