/*
 * cli_test.c: claimcheck test: runs the examples of every pack and claim.
 */
#include "cli.h"

#include "claimcheck/selftest.h"

#include <stdlib.h>

static void help(FILE *f)
{
    fprintf(f,
            "usage: claimcheck test [--rules DIR] [--lang CODE] [--trials DIR]\n"
            "\n"
            "Runs the examples carried by the language packs (a text and the quantity it\n"
            "must yield, or none) and by the claim rules (a text and the observation it\n"
            "must produce, or none). Each failure is reported at the example's\n"
            "file:line:col with what was expected and what was found; then a table of\n"
            "examples per language.\n"
            "\n");
    cli_help_options(f, CLI_TEST, 17);
    fprintf(f,
            "\n"
            "exit status: 0 all examples pass, 1 some fail, 2 errors in the rules.\n");
}

int cmd_test(int argc, char **argv)
{
    cli_opts o;
    cc_diags *d;
    cc_ruleset *rs;
    cc_test_stats *st = NULL;
    size_t n = 0, i;
    long failures;
    size_t tp = 0, tn = 0, tt = 0, cp = 0, cn = 0;
    int rc = cli_start(&o, argc, argv, "test", CLI_TEST, help, &d, &rs);
    if (rc >= 0)
        return rc;
    failures = cc_selftest(rs, o.lang, d, &st, &n);
    cli_print_diags(d, &o);
    if (failures < 0) {
        fprintf(stderr, "claimcheck test: %s\n", cc_strerror((int)failures));
        rc = 2;
        goto out;
    }
    printf("%-6s %10s %10s %10s %10s %10s %8s\n", "lang", "pack +", "pack -", "terms", "claim +",
           "claim -", "failed");
    for (i = 0; i < n; i++) {
        if (o.lang && st[i].pack_pos + st[i].pack_neg + st[i].claim_pos + st[i].claim_neg == 0)
            continue;
        printf("%-6s %10zu %10zu %10zu %10zu %10zu %8zu\n", st[i].lang, st[i].pack_pos,
               st[i].pack_neg, st[i].terms, st[i].claim_pos, st[i].claim_neg, st[i].failed);
        tt += st[i].terms;
        tp += st[i].pack_pos;
        tn += st[i].pack_neg;
        cp += st[i].claim_pos;
        cn += st[i].claim_neg;
    }
    printf("%-6s %10zu %10zu %10zu %10zu %10zu %8ld\n", "total", tp, tn, tt, cp, cn, failures);
    printf("%zu examples, %ld failed\n", tp + tn + tt + cp + cn, failures);
    rc = failures ? 1 : 0;
    if (o.trials) {
        cc_trial_stats *ts = NULL;
        size_t nt = 0, te = 0, tf = 0, tm = 0, ttr = 0, tk = 0;
        cc_diags *td = cc_diags_new();
        long tfail = td ? cc_selftest_trials(rs, o.trials, o.lang, td, &ts, &nt) : CC_ERR_NOMEM;
        if (td)
            cli_print_diags(td, &o);
        cc_diags_free(td);
        if (tfail < 0) {
            fprintf(stderr, "claimcheck test: trials: %s\n", cc_strerror((int)tfail));
            rc = 2;
            goto out;
        }
        printf("\n%-6s %8s %9s %7s %8s %6s %10s %8s\n", "lang", "trials", "expected", "found",
               "matched", "known", "precision", "recall");
        for (i = 0; i < nt; i++) {
            printf("%-6s %8zu %9zu %7zu %8zu %6zu %9.1f%% %7.1f%%\n", ts[i].lang, ts[i].trials,
                   ts[i].expected, ts[i].found, ts[i].matched, ts[i].known,
                   ts[i].found ? 100.0 * (double)ts[i].matched / (double)ts[i].found : 100.0,
                   ts[i].expected ? 100.0 * (double)ts[i].matched / (double)ts[i].expected : 100.0);
            ttr += ts[i].trials;
            te += ts[i].expected;
            tf += ts[i].found;
            tm += ts[i].matched;
            tk += ts[i].known;
        }
        printf("%-6s %8zu %9zu %7zu %8zu %6zu %9.1f%% %7.1f%%\n", "total", ttr, te, tf, tm, tk,
               tf ? 100.0 * (double)tm / (double)tf : 100.0,
               te ? 100.0 * (double)tm / (double)te : 100.0);
        free(ts);
        if (tfail > 0 && rc == 0)
            rc = 1;
    }
out:
    free(st);
    cli_finish(&o, d, rs);
    return rc;
}
