/*
 * fuzz_rules.c: libFuzzer target for claim-rule loading. The input is a
 * claim file, loaded from memory against a small English pack (loaded once)
 * through cc_ruleset_load_text: YAML, every claim key, extensions, macro
 * expansion, PCRE2 compilation, the index of extractors. Directory listing
 * and file reading are the program's own tests' (e2e.hostile_rules,
 * e2e.rule_errors), not the fuzzer's: leaving them out made it faster.
 */
#include "claimcheck/claimcheck.h"
#include "rules_priv.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static cc_lang *pack;

static const char PACK[] =
    "lang: en\n"
    "name: Mini English\n"
    "numbers: {decimal: [\".\"], group: [\",\"]}\n"
    "scales:\n"
    "  - {value: 1e6, forms: [million, m]}\n"
    "  - {value: 1e9, forms: [billion, bn]}\n"
    "currencies:\n"
    "  - {code: USD, symbols: [\"$\"], words: [dollars, dollar]}\n"
    "percent: [\"%\", percent]\n"
    "qualifiers:\n"
    "  at_least: [at least]\n"
    "  about: [about, around]\n"
    "detect:\n"
    "  words: [the, and, of]\n";

static void cleanup(void)
{
    cc_lang_free(pack);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    cc_diags *d = cc_diags_new();
    (void)argc;
    (void)argv;
    if (!d || cc_lang_load(&pack, "lang/en.yaml", PACK, sizeof PACK - 1, d) != CC_OK)
        abort();
    cc_diags_free(d);
    atexit(cleanup);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cc_diags *d;
    cc_ruleset *rs = NULL;
    if (!(d = cc_diags_new()))
        return 0;
    if (cc_ruleset_load_text(&rs, &pack, 1, "claims/fuzz.yaml", (const char *)data, size, d) ==
        CC_OK)
        cc_ruleset_free(rs);
    cc_diags_free(d);
    return 0;
}
