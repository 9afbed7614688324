/*
 * cli_scan.c: claimcheck scan: every quantity a language pack recognizes,
 * with no claim rules involved, as JSON Lines. This is how a rule author
 * sees what the tool sees. Also claimcheck patterns.
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void help(FILE *f)
{
    fprintf(f,
            "usage: claimcheck scan [options] [FILE|-]...\n"
            "\n"
            "Prints every quantity the language pack recognizes, one JSON object per line:\n"
            "file, line, column, start, end (byte offsets), text, value, low, high, unit,\n"
            "kind, qualifier, vague and conversion_of (the start offset of the amount a\n"
            "bracketed conversion converts). Without FILE, reads standard input.\n"
            "\n"
            "options:\n");
    cli_help_options(f, CLI_SCAN, 17);
    fprintf(f,
            "\n"
            "exit status: 0 when every input was read, 2 otherwise.\n");
}

static int scan_one(const cli_opts *o, const cc_ruleset *rs, cc_extractor *x, const char *path,
                    cc_diags *d)
{
    cc_doc *doc = NULL;
    const cc_lang *l;
    cc_qlist ql = {NULL, 0, 0};
    int rc;

    if (strcmp(path, "-") == 0) {
        rc = cc_doc_from_stream(&doc, "-", stdin, d);
    } else {
        rc = cc_doc_open(&doc, path, d);
    }
    if (rc != CC_OK)
        return rc;
    if (o->lang)
        l = cc_ruleset_find_lang(rs, o->lang);
    else if (cc_doc_meta_lang(doc))
        l = cc_ruleset_find_lang(rs, cc_doc_meta_lang(doc));
    else {
        cc_detection det;
        cc_detect(&det, rs, cc_doc_text(doc) + cc_doc_body(doc), cc_doc_len(doc) - cc_doc_body(doc));
        l = det.lang;
    }
    if (!l) {
        /* a text with no words at all holds no quantities either */
        bool empty = cc_doc_len(doc) == cc_doc_body(doc);
        if (!empty)
            cc_diags_add(d, CC_SEV_ERROR, CC_D_LANG, path, 0, 0, SIZE_MAX, NULL,
                         "pass --lang, or add lang: to the front matter",
                         "skipped: language not recognised by any pack");
        cc_doc_free(doc);
        return empty ? CC_OK : CC_ERR_INPUT;
    }
    rc = cc_scan(x, l, doc, &ql, d);
    if (rc != CC_ERR_NOMEM && cc_write_quantities(stdout, doc, &ql) != CC_OK)
        rc = CC_ERR_IO;
    cc_qlist_free(&ql);
    cc_doc_free(doc);
    return rc == CC_ERR_NOMEM || rc == CC_ERR_IO ? rc : CC_OK;
}

int cmd_scan(int argc, char **argv)
{
    cli_opts o;
    cc_diags *d;
    cc_ruleset *rs = NULL;
    cc_extractor *x = NULL;
    cc_pathlist files = {NULL, 0, 0}, bad = {NULL, 0, 0}, why = {NULL, 0, 0};
    static const char *stdin_only[] = {"-"};
    int status = CC_EXIT_OK, rc;
    size_t i;

    rc = cli_start(&o, argc, argv, "scan", CLI_SCAN, help, &d, &rs);
    if (rc >= 0)
        return rc;
    if (o.lang && !cc_ruleset_find_lang(rs, o.lang)) {
        fprintf(stderr, "claimcheck scan: --lang %s: no such language pack\n", o.lang);
        status = 2;
        goto out;
    }
    if (cc_extractor_new(&x, rs) != CC_OK ||
        cc_walk(&files, &bad, &why, o.npaths ? (const char *const *)o.paths : stdin_only,
                o.npaths ? o.npaths : 1, d) != CC_OK) {
        cli_oom(NULL);
        status = 2;
        goto out;
    }
    if (o.time_budget_ms)
        cc_extractor_time_budget(x, o.time_budget_ms);
    /* every path the walk could not use is an error diagnostic, counted
     * below; a second name for a file (a warning) is read under the first */
    for (i = 0; i < files.n; i++) {
        rc = scan_one(&o, rs, x, files.v[i], d);
        if (rc != CC_OK)
            status = 2;
        fflush(stdout);
    }
    if (cc_diags_count_sev(d, CC_SEV_ERROR))
        status = 2;
out:
    cli_print_diags(d, &o);
    cc_pathlist_free(&files);
    cc_pathlist_free(&bad);
    cc_pathlist_free(&why);
    cc_extractor_free(x);
    cli_finish(&o, d, rs);
    return status;
}

static void phelp(FILE *f)
{
    fprintf(f,
            "usage: claimcheck patterns [--rules DIR] [--lang CODE]\n"
            "\n"
            "Prints every extractor pattern of the rules with its macros expanded, one per\n"
            "line (newlines written as \\n), e.g. for pcre2grep -f. Context rules print the\n"
            "quantity macro they anchor on.\n");
}

struct pctx {
    const char *lang;
};

static void print_pattern(void *ud, const char *lang, const char *claim, const char *pattern)
{
    struct pctx *c = ud;
    const char *p;
    (void)claim;
    if (c->lang && strcmp(c->lang, lang) != 0)
        return;
    for (p = pattern; *p; p++) {
        if (*p == '\n')
            fputs("\\n", stdout);
        else if (*p != '\r')
            putchar(*p);
    }
    putchar('\n');
}

int cmd_patterns(int argc, char **argv)
{
    cli_opts o;
    cc_diags *d;
    cc_ruleset *rs;
    struct pctx c;
    int rc = cli_start(&o, argc, argv, "patterns", CLI_PATTERNS, phelp, &d, &rs);
    if (rc >= 0)
        return rc;
    c.lang = o.lang;
    cc_ruleset_each_pattern(rs, print_pattern, &c);
    rc = fflush(stdout) == 0 ? 0 : 2;
    cli_finish(&o, d, rs);
    return rc;
}
