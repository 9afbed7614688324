/*
 * cli_discover.c: claimcheck discover: the figures several articles state,
 * grouped into candidate claims with no claim rules, where they disagree,
 * and a draft rule for each.
 */
#include "cli.h"

#include <string.h>

static void help(FILE *f)
{
    fprintf(f,
            "usage: claimcheck discover [options] PATH...\n"
            "\n"
            "Reads articles like check and, with no claim rules, groups the figures\n"
            "that probably state one fact across articles and languages: the same\n"
            "kind and unit, the concept that governs them (invest, raise, valuation,\n"
            "revenue...), the organisations and modifiers (first, total, per share...)\n"
            "named with them, and values close to each other (or a power of ten\n"
            "apart). Disagreements come first, then agreements across the most\n"
            "articles; each candidate shows its figures with file:line:column and a\n"
            "draft frame rule that loads with --rules. Figures of the claims the rules\n"
            "already have are labelled with their claim.\n"
            "\n"
            "options:\n");
    cli_help_options(f, CLI_DISCOVER, 25);
    fprintf(f,
            "\n"
            "exit status:\n"
            "  0  no candidate whose articles disagree\n"
            "  1  a candidate with a conflict, scale error or currency mismatch\n"
            "  2  errors in the rules or the input, or bad usage\n");
}

int cmd_discover(int argc, char **argv)
{
    cli_opts o;
    cc_diags *d = NULL;
    cc_ruleset *rs = NULL;
    cc_run *run = NULL;
    cc_discovery *dis = NULL;
    cc_run_opts ro;
    cc_format fmt = CC_FMT_TEXT;
    size_t i, n;
    int rc, status = CC_EXIT_ERROR;

    rc = cli_start(&o, argc, argv, "discover", CLI_DISCOVER, help, &d, &rs);
    if (rc >= 0)
        return rc;
    if (o.npaths == 0) {
        fprintf(stderr, "claimcheck discover: no articles given (see claimcheck discover "
                        "--help)\n");
        goto out;
    }
    if (o.format && (cc_format_from_name(&fmt, o.format) != CC_OK ||
                     (fmt != CC_FMT_TEXT && fmt != CC_FMT_JSON && fmt != CC_FMT_HTML))) {
        fprintf(stderr, "claimcheck discover: unknown format '%s' (text, json or html)\n",
                o.format);
        goto out;
    }
    cli_run_opts(&o, &ro);
    ro.discover = true;
    rc = cc_run_paths(&run, rs, o.paths, o.npaths, &ro, d);
    if (rc != CC_OK) {
        cli_print_diags(d, &o);
        if (rc == CC_ERR_NOMEM)
            cli_oom(NULL);
        goto out;
    }
    cli_stage_run(&o, run);
    if (cc_discover(&dis, rs, cc_run_obs(run), o.all != 0) != CC_OK) {
        cli_oom(NULL);
        goto out;
    }
    cli_stage(&o, "discover", "%zu candidates", cc_discovery_count(dis));
    cli_print_diags(d, &o);
    rc = cc_discovery_write(stdout, fmt, dis, cc_run_input(run, 0), cc_run_ninputs(run),
                            (size_t)o.top, fmt == CC_FMT_TEXT && cli_color(&o, stdout));
    if (rc != CC_OK) {
        if (rc != CC_ERR_IO) /* else main() says it, as for every command */
            fprintf(stderr, "claimcheck: cannot write the candidates: %s\n", cc_strerror(rc));
        goto out;
    }
    n = cc_discovery_count(dis);
    if (o.top && (size_t)o.top < n)
        n = (size_t)o.top;
    status = CC_EXIT_OK;
    for (i = 0; i < n; i++)
        if (CC_FAIL_DEFAULT & (1u << cc_discovery_get(dis, i)->res->verdict))
            status = CC_EXIT_CONFLICT;
    if (cc_diags_count_sev(d, CC_SEV_ERROR) > 0)
        status = CC_EXIT_ERROR;
out:
    cc_discovery_free(dis);
    cc_run_free(run);
    cli_finish(&o, d, rs);
    return status;
}
