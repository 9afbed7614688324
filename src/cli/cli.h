/*
 * cli.h: the claimcheck program. Uses only the public API (and the
 * allocation test hook).
 */
#ifndef CC_CLI_H
#define CC_CLI_H

#include "claimcheck/claimcheck.h"

#include <stdio.h>

#define CLI_MAX_RULE_DIRS 16

/* Options shared by the subcommands. */
typedef struct cli_opts {
    const char *rules[CLI_MAX_RULE_DIRS];
    size_t nrules;
    const char *lang;
    const char *format;
    const char *trials; /* claimcheck test --trials DIR */
    unsigned jobs;
    int color;          /* -1 auto, 0 never, 1 always */
    int verbose;
    const char **paths; /* positional arguments */
    size_t npaths;
} cli_opts;

/* Parses argv (after the subcommand). known: the option names this
 * subcommand accepts, e.g. "rules lang format jobs color verbose". Returns
 * 0, or 2 after printing a usage error. Prints help and returns 1 for -h. */
int cli_parse(cli_opts *o, int argc, char **argv, const char *cmd, const char *known,
              void (*help)(FILE *));
/* Loads the ruleset from --rules (default ./rules, then the installed data
 * directory). Prints diagnostics; returns NULL on errors. */
cc_ruleset *cli_load_rules(const cli_opts *o, cc_diags *d);
/* The start shared by the subcommands: parse the options, make the
 * diagnostics list, load the rules. Returns -1 to go on, or the exit status
 * to return (everything is cleaned up then). */
int cli_start(cli_opts *o, int argc, char **argv, const char *cmd, const char *known,
              void (*help)(FILE *), cc_diags **d, cc_ruleset **rs);
void cli_finish(cli_opts *o, cc_diags *d, cc_ruleset *rs);
bool cli_color(const cli_opts *o, FILE *f);
void cli_print_diags(const cc_diags *d, const cli_opts *o);

int cmd_check(int argc, char **argv);
int cmd_scan(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_patterns(int argc, char **argv);
int cmd_detect(int argc, char **argv);

#endif
