/*
 * cli_detect.c: claimcheck detect: which language pack the detector picks
 * for a text, with its scores. --lines treats each line as a text, for
 * measuring accuracy on paragraph collections (bench/detect_accuracy.sh).
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void help(FILE *f)
{
    fprintf(f,
            "usage: claimcheck detect [--rules DIR] [--lines] [--cut N] [FILE|-]...\n"
            "\n"
            "Prints the language each text is detected as, one JSON object per line:\n"
            "file, line (with --lines), lang (null when nothing scored), score and\n"
            "runner_up (hits per token of the best and second best pack), tokens.\n"
            "\n");
    cli_help_options(f, CLI_DETECT, 12);
}

/* Length in bytes of the first n code points of p[0..len) (all when n <= 0). */
static size_t first_chars(const char *p, size_t len, long n)
{
    size_t i = 0;
    long c = 0;
    if (n <= 0)
        return len;
    while (i < len) {
        if (((unsigned char)p[i] & 0xC0) != 0x80) {
            if (c == n)
                break;
            c++;
        }
        i++;
    }
    return i;
}

static void print_one(const char *file, long line, const cc_detection *det)
{
    printf("{\"file\": \"");
    for (const char *p = file; *p; p++) {
        if (*p == '"' || *p == '\\')
            putchar('\\');
        if ((unsigned char)*p >= 0x20)
            putchar(*p);
    }
    printf("\"");
    if (line > 0)
        printf(", \"line\": %ld", line);
    if (det->lang)
        printf(", \"lang\": \"%s\"", cc_lang_code(det->lang));
    else
        printf(", \"lang\": null");
    /* integers in thousandths: no locale-dependent floating point */
    printf(", \"score_milli\": %ld, \"runner_up_milli\": %ld, \"tokens\": %zu}\n",
           (long)(det->score * 1000 + 0.5), (long)(det->runner_up * 1000 + 0.5), det->tokens);
}

int cmd_detect(int argc, char **argv)
{
    cli_opts o;
    cc_diags *d;
    cc_ruleset *rs;
    static const char *stdin_only[] = {"-"};
    const char *const *paths;
    size_t np, i;
    int status = CC_EXIT_OK, rc;
    rc = cli_start(&o, argc, argv, "detect", CLI_DETECT, help, &d, &rs);
    if (rc >= 0)
        return rc;
    paths = o.npaths ? (const char *const *)o.paths : stdin_only;
    np = o.npaths ? o.npaths : 1;
    for (i = 0; i < np; i++) {
        cc_doc *doc = NULL;
        cc_detection det;
        int r = strcmp(paths[i], "-") == 0 ? cc_doc_from_stream(&doc, "-", stdin, d)
                                          : cc_doc_open(&doc, paths[i], d);
        if (r != CC_OK) {
            status = CC_EXIT_ERROR;
            continue;
        }
        if (!o.lines) {
            const char *t = cc_doc_text(doc) + cc_doc_body(doc);
            cc_detect(&det, rs, t, first_chars(t, cc_doc_len(doc) - cc_doc_body(doc), o.cut));
            print_one(paths[i], 0, &det);
        } else {
            uint32_t ln;
            for (ln = 1;; ln++) {
                cc_span s = cc_doc_line(doc, ln);
                if (!s.len && !cc_doc_line(doc, ln + 1).len)
                    break;
                if (!s.len)
                    continue;
                cc_detect(&det, rs, s.p, first_chars(s.p, s.len, o.cut));
                print_one(paths[i], (long)ln, &det);
            }
        }
        cc_doc_free(doc);
    }
    cli_print_diags(d, &o);
    cli_finish(&o, d, rs);
    return status;
}
