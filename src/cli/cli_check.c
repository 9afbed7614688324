/*
 * cli_check.c: claimcheck check: the whole pipeline over articles, and the
 * report.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void help(FILE *f)
{
    fprintf(f,
            "usage: claimcheck check [options] PATH...\n"
            "\n"
            "Reads articles (files, or directories searched for *.txt and *.md), extracts\n"
            "the claims of the rules, and reports which agree and which conflict, with\n"
            "file:line:column and the text as written for every figure.\n"
            "\n"
            "options:\n"
            "  --rules DIR        rule directory with lang/ and claims/ (repeatable;\n"
            "                     default ./rules, then the installed rules)\n"
            "  --lang CODE        read every article with this language pack\n"
            "                     (default: front matter lang:, else detected)\n"
            "  --format FORMAT    text (default) or json\n"
            "  -j N, --jobs N     worker threads (default: online CPUs)\n"
            "  --color WHEN       auto (default), always or never; NO_COLOR is honoured\n"
            "  -h, --help         this help\n"
            "\n"
            "exit status:\n"
            "  0  no conflicts\n"
            "  1  conflicts found\n"
            "  2  errors in the rules or the input (the report is still written for\n"
            "     the usable input), or bad usage\n");
}

int cmd_check(int argc, char **argv)
{
    cli_opts o;
    cc_diags *d = NULL;
    cc_ruleset *rs = NULL;
    cc_run *run = NULL;
    cc_result *res = NULL;
    cc_run_opts ro;
    cc_format fmt = CC_FMT_TEXT;
    cc_report rep;
    int rc, status = CC_EXIT_ERROR;

    rc = cli_start(&o, argc, argv, "check", "rules lang format jobs color", help, &d, &rs);
    if (rc >= 0)
        return rc;
    if (o.format && cc_format_from_name(&fmt, o.format) != CC_OK) {
        fprintf(stderr, "claimcheck check: unknown format '%s' (text or json)\n", o.format);
        goto out;
    }
    if (o.npaths == 0) {
        fprintf(stderr, "claimcheck check: no articles given (see claimcheck check --help)\n");
        goto out;
    }
    memset(&ro, 0, sizeof ro);
    ro.lang = o.lang;
    ro.jobs = o.jobs;
    rc = cc_run_paths(&run, rs, o.paths, o.npaths, &ro, d);
    if (rc == CC_ERR_NOMEM)
        goto nomem;
    if (rc != CC_OK) {
        cli_print_diags(d, &o);
        goto out;
    }
    rc = cc_compare_run(&res, rs, cc_run_obs(run));
    if (rc != CC_OK)
        goto nomem;
    cli_print_diags(d, &o);
    memset(&rep, 0, sizeof rep);
    rep.result = res;
    rep.inputs = cc_run_input(run, 0);
    rep.ninputs = cc_run_ninputs(run);
    rep.diags = d;
    rep.color = fmt == CC_FMT_TEXT && cli_color(&o, stdout);
    rc = cc_report_write(stdout, fmt, &rep);
    if (rc != CC_OK) {
        fprintf(stderr, "claimcheck: cannot write the report: %s\n", cc_strerror(rc));
        goto out;
    }
    if (cc_diags_count_sev(d, CC_SEV_ERROR) > 0)
        status = CC_EXIT_ERROR;
    else if (cc_result_count_verdict(res, CC_VERDICT_CONFLICT) > 0)
        status = CC_EXIT_CONFLICT;
    else
        status = CC_EXIT_OK;
    goto out;
nomem:
    if (d)
        cli_print_diags(d, &o);
    fprintf(stderr, "claimcheck: out of memory\n");
    status = CC_EXIT_ERROR;
out:
    cc_result_free(res);
    cc_run_free(run);
    cli_finish(&o, d, rs);
    return status;
}
