/*
 * cli_archive.c: claimcheck extract (the map: articles to observations)
 * and claimcheck compare (the reduce: observations to the report).
 * extract | compare gives the report check gives (docs/scale.md).
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void extract_help(FILE *f)
{
    fprintf(f,
            "usage: claimcheck extract [options] PATH...\n"
            "\n"
            "Reads articles and writes their observations, and the accounting of every\n"
            "input, as JSON Lines on stdout (docs/report-schema.md, \"Archive records\").\n"
            "Stateless: run it on shards of an archive anywhere, then claimcheck compare.\n"
            "\n"
            "options:\n");
    cli_help_options(f, CLI_EXTRACT, 21);
    fprintf(f,
            "\n"
            "exit status: 0, or 2 when an input or the rules had errors (the records of\n"
            "the usable inputs are still written).\n");
}

int cmd_extract(int argc, char **argv)
{
    cli_opts o;
    cc_diags *d;
    cc_ruleset *rs;
    cc_run *run = NULL;
    cc_run_opts ro;
    int rc = cli_start(&o, argc, argv, "extract", CLI_EXTRACT, extract_help, &d, &rs);
    int status = CC_EXIT_ERROR;
    if (rc >= 0)
        return rc;
    if (o.format && strcmp(o.format, "jsonl") != 0) {
        fprintf(stderr, "claimcheck extract: the only format is jsonl\n");
        goto out;
    }
    if (o.npaths == 0) {
        fprintf(stderr, "claimcheck extract: no articles given\n");
        goto out;
    }
    cli_run_opts(&o, &ro);
    rc = cc_run_paths(&run, rs, o.paths, o.npaths, &ro, d);
    cli_print_diags(d, &o);
    if (rc != CC_OK)
        goto out;
    cli_stage_run(&o, run);
    rc = cc_write_jsonl(stdout, cc_run_obs(run), cc_run_input(run, 0), cc_run_ninputs(run), d);
    if (rc != CC_OK) {
        if (rc != CC_ERR_IO) /* else main() says it, as for every command */
            fprintf(stderr, "claimcheck extract: cannot write: %s\n", cc_strerror(rc));
        goto out;
    }
    status = cc_diags_count_sev(d, CC_SEV_ERROR) ? CC_EXIT_ERROR : CC_EXIT_OK;
out:
    cc_run_free(run);
    cli_finish(&o, d, rs);
    return status;
}

static void compare_help(FILE *f)
{
    fprintf(f,
            "usage: claimcheck compare [options] OBS.jsonl...\n"
            "\n"
            "Compares the observations written by claimcheck extract (any number of files,\n"
            "\"-\" for standard input) and reports as claimcheck check does: the same\n"
            "report, byte for byte, as a check over the same articles.\n"
            "\n"
            "options: --rules DIR, --format FORMAT, --report FORMAT=PATH, --fail-on LIST,\n"
            "--baseline FILE, --write-baseline FILE, --color WHEN, --stats (see claimcheck check\n"
            "--help).\n"
            "The rules give each claim's tolerance, description and reference.\n"
            "\n"
            "exit status: as claimcheck check.\n");
}

int cmd_compare(int argc, char **argv)
{
    cli_opts o;
    cc_diags *d;
    cc_ruleset *rs;
    cc_archive *a = NULL;
    size_t i;
    int status = CC_EXIT_ERROR, bad = 0;
    int rc = cli_start(&o, argc, argv, "compare", CLI_COMPARE, compare_help, &d, &rs);
    if (rc >= 0)
        return rc;
    if (o.npaths == 0) {
        fprintf(stderr, "claimcheck compare: no observation files given\n");
        goto out;
    }
    if (cc_archive_new(&a) != CC_OK) {
        cli_oom(NULL);
        goto out;
    }
    for (i = 0; i < o.npaths; i++)
        if (cc_archive_load(a, o.paths[i], d) != CC_OK)
            bad = 1;
    if (bad) {
        cli_print_diags(d, &o);
        fprintf(stderr, "claimcheck compare: bad observation files; nothing was compared\n");
        goto out;
    }
    cli_stage(&o, "read", "%zu observations", cc_obstab_count(cc_archive_obs(a)));
    /* the diagnostics recorded by the map, as a check would have them */
    cc_diags_move(d, cc_archive_diags(a));
    cc_diags_sort(d);
    status = cli_compare_and_report(&o, rs, cc_archive_obs(a), cc_archive_inputs(a),
                                    cc_archive_ninputs(a), d, NULL, 0);
out:
    cc_archive_free(a);
    cli_finish(&o, d, rs);
    return status;
}
