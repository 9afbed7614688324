/* helpers.c: shared helpers for the unit tests. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef CC_SOURCE_DIR
#define CC_SOURCE_DIR "."
#endif

static cc_ruleset *g_rules;
static char g_tmp[256];

static void cleanup(void)
{
    cc_ruleset_free(g_rules);
    g_rules = NULL;
    if (g_tmp[0]) {
        char cmd[300];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", g_tmp);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", g_tmp);
    }
}

const cc_ruleset *th_rules(void)
{
    if (!g_rules) {
        const char *dirs[] = {CC_SOURCE_DIR "/rules"};
        cc_diags *d = cc_diags_new();
        int rc = cc_ruleset_load(&g_rules, dirs, 1, d);
        if (rc != CC_OK)
            cc_diags_print(d, stderr, false);
        cc_diags_free(d);
        assert_int_equal(rc, CC_OK);
        atexit(cleanup);
    }
    return g_rules;
}

cc_dec th_dec(const char *s)
{
    cc_dec d;
    assert_int_equal(cc_dec_parse(&d, s, strlen(s)), CC_OK);
    return d;
}

size_t th_scan_all(const char *lang, const char *text, cc_quantity *out, size_t max)
{
    return th_scan_in(th_rules(), lang, text, out, max);
}

size_t th_scan_in(const cc_ruleset *rs, const char *lang, const char *text, cc_quantity *out,
                  size_t max)
{
    const cc_lang *l = cc_ruleset_find_lang(rs, lang);
    cc_extractor *x = NULL;
    cc_doc *doc = NULL;
    cc_diags *d = cc_diags_new();
    cc_qlist q = {NULL, 0, 0};
    size_t n, i;
    assert_non_null(l);
    assert_int_equal(cc_extractor_new(&x, rs), CC_OK);
    assert_int_equal(cc_doc_from_buffer(&doc, "t", text, strlen(text), d), CC_OK);
    assert_int_equal(cc_scan(x, l, doc, &q, d), CC_OK);
    n = q.n;
    for (i = 0; i < n && i < max; i++)
        out[i] = q.v[i];
    cc_qlist_free(&q);
    cc_doc_free(doc);
    cc_extractor_free(x);
    cc_diags_free(d);
    return n;
}

size_t th_scan(const char *lang, const char *text, cc_quantity *first, char *buf, size_t bufsz)
{
    cc_quantity q[16];
    size_t n = th_scan_all(lang, text, q, 16);
    if (n && first)
        *first = q[0];
    if (n && buf) {
        size_t len = q[0].end - q[0].start;
        if (len >= bufsz)
            len = bufsz - 1;
        memcpy(buf, text + q[0].start, len);
        buf[len] = '\0';
    }
    return n;
}

const char *th_tmpdir(void)
{
    if (!g_tmp[0]) {
        snprintf(g_tmp, sizeof g_tmp, "%s/cc-unit.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
        assert_non_null(mkdtemp(g_tmp));
        if (!g_rules)
            atexit(cleanup);
    }
    return g_tmp;
}

const char *th_write(int slot, const char *name, const char *text)
{
    static char paths[8][512];
    FILE *f;
    snprintf(paths[slot], sizeof paths[slot], "%s/%s", th_tmpdir(), name);
    f = fopen(paths[slot], "wb");
    assert_non_null(f);
    fwrite(text, 1, strlen(text), f);
    fclose(f);
    return paths[slot];
}

static void write_under(const char *dir, const char *sub, const char *file, const char *text)
{
    char path[800];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, sub);
    mkdir(path, 0777);
    snprintf(path, sizeof path, "%s/%s/%s", dir, sub, file);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

int th_load(const char *name, const char *code, const char *pack, const char *claims,
            cc_diags **d, cc_ruleset **rs)
{
    char dir[512], file[64];
    const char *dirs[1];
    snprintf(dir, sizeof dir, "%s/%s", th_tmpdir(), name);
    mkdir(dir, 0777);
    snprintf(file, sizeof file, "%s.yaml", code);
    if (pack)
        write_under(dir, "lang", file, pack);
    if (claims)
        write_under(dir, "claims", "c.yaml", claims);
    *d = cc_diags_new();
    dirs[0] = dir;
    return cc_ruleset_load(rs, dirs, 1, *d);
}
