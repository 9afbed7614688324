/*
 * claimcheck/detect.h: language identification (stage 3), from the data in
 * the language packs (frequent words and distinctive letters), so a new pack
 * brings its own detection without a recompile. docs/detection.md records
 * its measured accuracy.
 */
#ifndef CLAIMCHECK_DETECT_H
#define CLAIMCHECK_DETECT_H

#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cc_detection {
    const cc_lang *lang; /* best pack, or NULL when nothing scored */
    double score;        /* hits per token of the best pack */
    double runner_up;    /* the same for the second best */
    size_t tokens;       /* words (and CJK characters) looked at */
} cc_detection;

/* Looks at up to the first 64 KiB of text (valid UTF-8). */
void cc_detect(cc_detection *out, const cc_ruleset *rs, const char *text, size_t len);

#ifdef __cplusplus
}
#endif
#endif
