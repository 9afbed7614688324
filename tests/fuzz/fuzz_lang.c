/*
 * fuzz_lang.c: libFuzzer target for language-pack loading (YAML through
 * libyaml, the DOM, every pack key, macro expansion, PCRE2 compilation).
 * The input is a pack file; loading must end in a pack or in diagnostics,
 * never in a crash, a leak or undefined behaviour.
 */
#include "claimcheck/claimcheck.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cc_diags *d = cc_diags_new();
    cc_lang *l = NULL;
    if (!d)
        return 0;
    if (cc_lang_load(&l, "fuzz.yaml", (const char *)data, size, d) == CC_OK)
        cc_lang_free(l);
    cc_diags_free(d);
    return 0;
}
