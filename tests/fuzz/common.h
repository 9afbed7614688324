/*
 * common.h (fuzz): the shipped rules, loaded once per fuzzer process, with
 * JIT on (the fuzzers run small inputs many times; JIT is what archives
 * use). CC_RULES overrides the rule directory.
 */
#ifndef CC_FUZZ_COMMON_H
#define CC_FUZZ_COMMON_H

#include "claimcheck/claimcheck.h"

#include <stdio.h>
#include <stdlib.h>

void cc_ruleset_use_jit(const cc_ruleset *rs, bool on); /* src/rules_priv.h */

static const cc_ruleset *fuzz_rules(void)
{
    static cc_ruleset *rs;
    if (!rs) {
        const char *dir = getenv("CC_RULES") ? getenv("CC_RULES") : CC_SOURCE_DIR "/rules";
        cc_diags *d = cc_diags_new();
        if (!d || cc_ruleset_load(&rs, &dir, 1, d) != CC_OK) {
            fprintf(stderr, "fuzz: cannot load the rules from %s\n", dir);
            if (d)
                cc_diags_print(d, stderr, false);
            abort();
        }
        cc_ruleset_use_jit(rs, true);
        cc_diags_free(d);
    }
    return rs;
}

/* Where the targets write the reports they exercise. */
static FILE *devnull(void)
{
    static FILE *f;
    if (!f && !(f = fopen("/dev/null", "w")))
        abort();
    return f;
}

#endif
