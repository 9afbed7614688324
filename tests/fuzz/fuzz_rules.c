/*
 * fuzz_rules.c: libFuzzer target for claim-rule loading. The input is a
 * claim file, loaded with a small English pack (fixtures/bad's) from a
 * private directory under /dev/shm (or TMPDIR): the same path the program
 * takes, from directory listing to compiled extractors.
 */
#include "claimcheck/claimcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static char dir[256], claim_file[300];

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

static int write_file(const char *path, const void *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    int ok;
    if (!f)
        return -1;
    ok = fwrite(p, 1, n, f) == n;
    return (fclose(f) == 0 && ok) ? 0 : -1;
}

static void cleanup(void)
{
    char path[300];
    static const char *const parts[] = {"claims/fuzz.yaml", "claims", "lang/en.yaml", "lang"};
    size_t i;
    for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, parts[i]);
        remove(path);
    }
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char path[300];
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    (void)argc;
    (void)argv;
    snprintf(dir, sizeof dir, "%s/cc-fuzz-rules.%ld", base ? base : "/tmp", (long)getpid());
    snprintf(path, sizeof path, "%s/lang", dir);
    if (mkdir(dir, 0700) != 0 || mkdir(path, 0700) != 0)
        abort();
    snprintf(path, sizeof path, "%s/lang/en.yaml", dir);
    if (write_file(path, PACK, sizeof PACK - 1) != 0)
        abort();
    snprintf(path, sizeof path, "%s/claims", dir);
    if (mkdir(path, 0700) != 0)
        abort();
    snprintf(claim_file, sizeof claim_file, "%s/claims/fuzz.yaml", dir);
    atexit(cleanup);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *dirs[1] = {dir};
    cc_diags *d;
    cc_ruleset *rs = NULL;
    if (write_file(claim_file, data, size) != 0)
        abort();
    if (!(d = cc_diags_new()))
        return 0;
    if (cc_ruleset_load(&rs, dirs, 1, d) == CC_OK)
        cc_ruleset_free(rs);
    cc_diags_free(d);
    return 0;
}
