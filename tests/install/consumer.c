/* consumer.c: a program built against an installed claimcheck (through
 * pkg-config or the CMake package) runs the whole pipeline: load the rules,
 * read the articles, compare, and write the JSON report.
 *   consumer RULES_DIR PATH... */
#include <claimcheck/claimcheck.h>

#include <stdio.h>

int main(int argc, char **argv)
{
    const char *dirs[1];
    cc_ruleset *rs = NULL;
    cc_run *run = NULL;
    cc_result *res = NULL;
    cc_report rep = {0};
    cc_run_opts opts = {0};
    cc_diags *d = cc_diags_new();
    int rc = 2;

    opts.jobs = 1;

    if (argc < 3 || !d) {
        fprintf(stderr, "usage: consumer RULES_DIR PATH...\n");
        return 2;
    }
    dirs[0] = argv[1];
    if (cc_ruleset_load(&rs, dirs, 1, d) != CC_OK ||
        cc_run_paths(&run, rs, (const char *const *)argv + 2, (size_t)argc - 2, &opts, d) != CC_OK ||
        cc_compare_run(&res, rs, cc_run_obs(run)) != CC_OK)
        goto out;
    rep.result = res;
    rep.inputs = cc_run_input(run, 0);
    rep.ninputs = cc_run_ninputs(run);
    rep.diags = d;
    if (cc_report_write(stdout, CC_FMT_JSON, &rep) == CC_OK)
        rc = cc_report_conflicts(&rep) ? 1 : 0;
out:
    if (rc == 2)
        cc_diags_print(d, stderr, false);
    cc_result_free(res);
    cc_run_free(run);
    cc_ruleset_free(rs);
    cc_diags_free(d);
    return rc;
}
