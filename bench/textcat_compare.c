/* Classify each line of the given files with libexttextcat (Debian's n-gram
 * language guesser) and print one line per input line: the best label mapped
 * to its ISO 639-1 code for the 13 languages claimcheck ships packs for, any
 * other label as the library gives it ("sk--utf8"), or UNKNOWN / SHORT.
 * Used by bench/textcat_compare.sh to compare with claimcheck's detector.
 *   textcat_compare CONF PREFIX FILE...
 * CONF is an fpdb.conf, PREFIX the directory of its .lm files (ending in /).
 * Build: cc -std=c11 -O2 bench/textcat_compare.c \
 *          $(pkg-config --cflags --libs libexttextcat) -o /tmp/textcat_compare
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <textcat.h>

/* labels of /usr/share/libexttextcat/fpdb.conf (second column) */
static const char *const labels[][2] = {
    {"en--utf8", "en"}, {"de--utf8", "de"}, {"fr--utf8", "fr"},
    {"es--utf8", "es"}, {"pt--utf8", "pt"}, {"it--utf8", "it"},
    {"nl--utf8", "nl"}, {"pl--utf8", "pl"}, {"cs--utf8", "cs"},
    {"hu--utf8", "hu"}, {"ru--utf8", "ru"}, {"ja--utf8", "ja"},
    {"zh-CN-utf8", "zh"}, /* zh-Hans.lm */
    {"zh-TW-utf8", "zh"}, /* zh-Hant.lm */
};

/* print the first "[label]" of a textcat_Classify result, mapped */
static void print_best(const char *res)
{
    const char *end;
    size_t n, i;
    if (res[0] != '[' || !(end = strchr(res, ']'))) {
        puts(res); /* UNKNOWN or SHORT */
        return;
    }
    n = (size_t)(end - res - 1);
    for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strlen(labels[i][0]) == n && memcmp(labels[i][0], res + 1, n) == 0) {
            puts(labels[i][1]);
            return;
        }
    printf("%.*s\n", (int)n, res + 1);
}

int main(int argc, char **argv)
{
    void *h;
    char *line = NULL;
    size_t cap = 0;
    int i, status = 0;
    if (argc < 4) {
        fprintf(stderr, "usage: textcat_compare CONF PREFIX FILE...\n");
        return 2;
    }
    h = special_textcat_Init(argv[1], argv[2]);
    if (!h) {
        fprintf(stderr, "textcat_compare: cannot load %s (prefix %s)\n", argv[1], argv[2]);
        return 1;
    }
    for (i = 3; i < argc; i++) {
        FILE *f = fopen(argv[i], "r");
        ssize_t len;
        if (!f) {
            perror(argv[i]);
            status = 1;
            continue;
        }
        while ((len = getline(&line, &cap, f)) >= 0) {
            while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
                line[--len] = '\0';
            print_best(textcat_Classify(h, line, (size_t)len));
        }
        fclose(f);
    }
    free(line);
    textcat_Done(h);
    return status;
}
