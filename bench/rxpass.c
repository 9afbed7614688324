/*
 * rxpass.c: the raw regex floor for bench/run.sh. Runs every pattern of a
 * pattern file (one per line, as `claimcheck patterns` prints them) over
 * every file named on the command line, in one pass per file: each pattern
 * is JIT-compiled once and searched from start to end of the whole file,
 * every match counted. No sentences, no interpretation, no comparison: what
 * the same patterns cost in PCRE2 alone.
 *
 * pcre2grep would be the natural floor, but it refuses patterns longer than
 * 8192 bytes, and most of claimcheck's expanded patterns are longer (the
 * language's number grammar rides along in a DEFINE block).
 *
 *   rxpass PATTERNS FILE...      prints the number of matches
 */
#define _POSIX_C_SOURCE 200809L
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, r;
    if (!f)
        return NULL;
    do {
        if (n + 65536 > cap) {
            char *p = realloc(buf, cap = cap ? cap * 2 : 1 << 20);
            if (!p) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = p;
        }
        r = fread(buf + n, 1, cap - n, f);
        n += r;
    } while (r > 0);
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    size_t plen, i, npat = 0, cap = 0;
    char *pats, *line, *save = NULL;
    pcre2_code **code = NULL;
    pcre2_match_data *md;
    unsigned long long matches = 0;
    int a;

    if (argc < 3 || !(pats = slurp(argv[1], &plen))) {
        fprintf(stderr, "usage: rxpass PATTERNS FILE...\n");
        return 2;
    }
    pats = realloc(pats, plen + 1);
    pats[plen] = '\0';
    for (line = strtok_r(pats, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        int err;
        PCRE2_SIZE off;
        pcre2_code *c = pcre2_compile((PCRE2_SPTR)line, PCRE2_ZERO_TERMINATED, 0, &err, &off,
                                      NULL);
        if (!c) {
            fprintf(stderr, "rxpass: pattern %zu does not compile (error %d at %zu)\n",
                    npat + 1, err, (size_t)off);
            return 2;
        }
        pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
        if (npat == cap)
            code = realloc(code, (cap = cap ? cap * 2 : 64) * sizeof *code);
        code[npat++] = c;
    }
    md = pcre2_match_data_create(512, NULL);
    for (a = 2; a < argc; a++) {
        size_t len;
        char *text = slurp(argv[a], &len);
        if (!text) {
            fprintf(stderr, "rxpass: cannot read %s\n", argv[a]);
            continue;
        }
        for (i = 0; i < npat; i++) {
            PCRE2_SIZE start = 0;
            while (start <= len) {
                int rc = pcre2_match(code[i], (PCRE2_SPTR)text, len, start,
                                     PCRE2_NO_UTF_CHECK, md, NULL);
                PCRE2_SIZE *ov;
                if (rc < 0)
                    break;
                ov = pcre2_get_ovector_pointer(md);
                matches++;
                start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
                while (start < len && ((unsigned char)text[start] & 0xC0) == 0x80)
                    start++;
            }
        }
        free(text);
    }
    printf("%llu\n", matches);
    pcre2_match_data_free(md);
    for (i = 0; i < npat; i++)
        pcre2_code_free(code[i]);
    free(code);
    free(pats);
    return 0;
}
