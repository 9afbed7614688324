/*
 * cli_check.c: claimcheck check: the whole pipeline over articles, and the
 * report; with --archive, over new articles against an archive of
 * observations.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void help(FILE *f)
{
    fprintf(f,
            "usage: claimcheck check [options] PATH...\n"
            "\n"
            "Reads articles (files, or directories searched for *.txt and *.md), extracts\n"
            "the claims of the rules, and reports which agree and which conflict, with\n"
            "file:line:column and the text as written for every figure.\n"
            "\n"
            "options:\n");
    cli_help_options(f, CLI_CHECK, 25);
    fprintf(f,
            "\n"
            "exit status:\n"
            "  0  nothing that --fail-on counts\n"
            "  1  a conflict, scale error, currency mismatch or deviation found\n"
            "     (or what --fail-on names)\n"
            "  2  errors in the rules or the input (the report is still written for\n"
            "     the usable input), or bad usage\n");
}

static int write_archive(FILE *f, void *ud)
{
    cc_archive *a = ud;
    return cc_write_jsonl(f, cc_archive_obs(a), cc_archive_inputs(a), cc_archive_ninputs(a),
                          cc_archive_diags(a));
}

/* Long on purpose: its steps in order, sharing the options and the archive. */
int cmd_check(int argc, char **argv)
{
    cli_opts o;
    cc_diags *d = NULL;
    cc_ruleset *rs = NULL;
    cc_run *run = NULL;
    cc_archive *arch = NULL;
    cc_run_opts ro;
    const char **files = NULL;
    size_t i, nf = 0;
    int rc, status = CC_EXIT_ERROR, lock = -1;

    rc = cli_start(&o, argc, argv, "check", CLI_CHECK, help, &d, &rs);
    if (rc >= 0)
        return rc;
    if (o.npaths == 0) {
        fprintf(stderr, "claimcheck check: no articles given (see claimcheck check --help)\n");
        goto out;
    }
    if (o.update_archive && !o.archive) {
        fprintf(stderr, "claimcheck check: --update-archive needs --archive OBS.jsonl\n");
        goto out;
    }
    if (o.archive && strcmp(o.archive, "-") == 0) {
        fprintf(stderr, "claimcheck check: --archive wants the archive's file path, not '-' "
                        "(an archive on standard input can be neither locked nor updated; to "
                        "compare observations from standard input, use claimcheck compare -)\n");
        goto out;
    }
    cli_run_opts(&o, &ro);
    ro.no_context = !cli_wants_context(&o);
    rc = cc_run_paths(&run, rs, o.paths, o.npaths, &ro, d);
    if (rc != CC_OK) {
        cli_print_diags(d, &o);
        if (rc == CC_ERR_NOMEM)
            cli_oom(NULL);
        goto out;
    }
    cli_stage_run(&o, run);
    if (!o.archive) {
        status = cli_compare_and_report(&o, rs, cc_run_obs(run), cc_run_input(run, 0),
                                        cc_run_ninputs(run), d, NULL, 0);
        goto out;
    }

    /* archive mode: the new articles replace their earlier records */
    if (cc_archive_new(&arch) != CC_OK)
        goto nomem;
    /* read, add, write back: one run at a time, or concurrent runs would
     * each write the archive they read and lose the others' articles */
    if (o.update_archive && (lock = cli_lock(o.archive)) < 0)
        goto out;
    if (!(o.update_archive && access(o.archive, F_OK) != 0)) { /* else: a new archive */
        rc = cc_archive_load(arch, o.archive, d);
        if (rc != CC_OK) {
            cli_print_diags(d, &o);
            fprintf(stderr, "claimcheck check: the archive %s could not be used\n", o.archive);
            goto out;
        }
        cli_stage(&o, "archive", "%zu observations", cc_obstab_count(cc_archive_obs(arch)));
    }
    files = malloc((cc_run_ninputs(run) + 1) * sizeof(char *));
    if (!files)
        goto nomem;
    for (i = 0; i < cc_run_ninputs(run); i++)
        files[nf++] = cc_run_input(run, i)->path;
    if (cc_archive_drop_files(arch, files, nf) != CC_OK)
        goto nomem;
    /* what this run said about the articles replaces what the archive said */
    if (cc_archive_add_diags(arch, d, files, nf) != CC_OK)
        goto nomem;
    for (i = 0; i < cc_obstab_count(cc_run_obs(run)); i++)
        if (cc_obstab_add(cc_archive_obs(arch), cc_obstab_get(cc_run_obs(run), i)) != CC_OK)
            goto nomem;
    status = cli_compare_and_report(&o, rs, cc_archive_obs(arch), cc_run_input(run, 0),
                                    cc_run_ninputs(run), d, files, nf);
    /* the archive takes what could be read even when some input could not
     * (its skipped records replace the file's earlier observations) */
    if (o.update_archive) {
        if (cc_archive_add_inputs(arch, cc_run_input(run, 0), cc_run_ninputs(run)) != CC_OK)
            goto nomem;
        if (cli_write_atomic(o.archive, write_archive, arch) != 0)
            status = CC_EXIT_ERROR;
    }
    goto out;
nomem:
    cli_oom(NULL);
    status = CC_EXIT_ERROR;
out:
    cli_unlock(lock);
    free(files);
    cc_archive_free(arch);
    cc_run_free(run);
    cli_finish(&o, d, rs);
    return status;
}
