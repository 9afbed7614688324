/*
 * cli.h: the claimcheck program. Uses only the public API (and the
 * allocation test hook).
 */
#ifndef CC_CLI_H
#define CC_CLI_H

#include "claimcheck/claimcheck.h"

#include <stdio.h>

#define CLI_MAX_RULE_DIRS 16
#define CLI_MAX_REPORTS 16

/* --fail-on: which verdicts make the exit status 1. */

/* The subcommands, as bits of the set of commands an option is for. */
enum {
    CLI_CHECK = 1u << 0,
    CLI_EXTRACT = 1u << 1,
    CLI_COMPARE = 1u << 2,
    CLI_SCAN = 1u << 3,
    CLI_TEST = 1u << 4,
    CLI_PATTERNS = 1u << 5,
    CLI_DETECT = 1u << 6,
    CLI_DISCOVER = 1u << 7,
    CLI_ALL = (1u << 8) - 1
};

/* A repeatable option's values, in the order given. */
typedef struct cli_list {
    const char *v[CLI_MAX_RULE_DIRS];
    size_t n;
} cli_list;

/* Options shared by the subcommands; the table in options.c sets them. */
typedef struct cli_opts {
    cli_list rules;       /* --rules DIR, repeatable */
    const char *lang;
    const char *format;
    const char *trials; /* claimcheck test --trials DIR */
    struct {
        cc_format fmt;
        const char *path;
    } reports[CLI_MAX_REPORTS]; /* --report FORMAT=PATH */
    size_t nreports;
    unsigned fail_on;     /* --fail-on: verdicts (1 << cc_verdict) that fail */
    const char *baseline, *write_baseline;
    const char *archive;  /* check --archive OBS.jsonl */
    int update_archive;   /* check --update-archive */
    int lines;            /* detect --lines */
    int stats;            /* --stats: time per stage on stderr */
    int explain;          /* --explain: frames' reasons on stderr */
    long cut;             /* detect --cut N */
    unsigned time_budget_ms; /* --time-budget SECONDS; 0: the default */
    long jobs;            /* -j N; 0: the default */
    int all;              /* discover --all: candidates of one article too */
    long top;             /* discover --top N; 0: every candidate */
    bool all_terms;       /* load the rules with CC_RULES_ALL_TERMS */
    int color;          /* -1 auto, 0 never, 1 always */
    int verbose;
    const char **paths; /* positional arguments */
    size_t npaths;
} cli_opts;

/* ===== The options table (options.c) ===============================
 *
 * One row per option drives both the parsing and every command's list of
 * options in --help (pcre2grep's optionlist[]). Adding an option is a row
 * in options.c, a field in cli_opts, and the code that uses its value.
 */

/* What an option's argument is: how it is read and what it sets. */
typedef enum cli_arg {
    CLI_ARG_NONE,    /* a flag: sets the int field to 1 */
    CLI_ARG_COUNT,   /* -v: adds 1 to the int field */
    CLI_ARG_HELP,    /* -h: prints the command's help */
    CLI_ARG_STRING,  /* sets the const char * field */
    CLI_ARG_LIST,    /* repeatable: adds to the cli_list field */
    CLI_ARG_CHOICE,  /* one of the row's words: sets the int field to its value */
    CLI_ARG_VERDICTS, /* verdict names by commas: sets the unsigned bit set */
    CLI_ARG_NUMBER,  /* a decimal integer from min to max: sets the long field */
    CLI_ARG_SECONDS, /* seconds, up to three decimals: the unsigned field in ms */
    CLI_ARG_REPORT   /* FORMAT=PATH: adds to reports[] */
} cli_arg;

/* A word of a CLI_ARG_CHOICE option and the value it sets. */
typedef struct cli_choice {
    const char *word;
    int value;
} cli_choice;

/* A line of the options in some commands' --help: "  --name ARG", padded
 * to the command's column, then text. */
typedef struct cli_help_line {
    unsigned cmds;    /* the commands whose --help shows it */
    const char *arg;  /* the argument's name there, if not the row's */
    const char *text; /* lines separated by \n, each indented to the column */
    bool formats;     /* text is followed by the report formats, wrapped */
} cli_help_line;

#define CLI_HELP_LINES 3

typedef struct cli_option {
    const char *name;          /* the long name, without "--" */
    char short_name;           /* -j; 0 if none */
    cli_arg arg;
    const char *metavar;       /* the argument's name in help: "DIR" */
    size_t field;              /* offsetof(cli_opts, the field it sets) */
    unsigned cmds;             /* the commands that accept it (CLI_CHECK...) */
    const cli_choice *choices; /* CLI_ARG_CHOICE: ends with {NULL, 0} */
    long min, max;             /* CLI_ARG_NUMBER; max 0: no upper bound */
    const char *bad;           /* NUMBER, SECONDS: the complaint about a bad
                                * value; %s stands for the value */
    cli_help_line help[CLI_HELP_LINES];
} cli_option;

/* The table, ended by a row with a NULL name. */
extern const cli_option cli_options[];

/* Parses argv (after the subcommand) for the command cmd (its name) whose
 * bit is cmd_bit (CLI_CHECK...): the options of the table that are for it.
 * Returns 0, or 2 after printing a usage error. Prints help and returns 1
 * for -h. */
int cli_parse(cli_opts *o, int argc, char **argv, const char *cmd, unsigned cmd_bit,
              void (*help)(FILE *));
/* The options lines of the --help of the command cmd_bit, from the table,
 * their text at column (or two spaces after a longer "  --name ARG"). */
void cli_help_options(FILE *f, unsigned cmd_bit, size_t column);
/* Loads the ruleset from --rules (default ./rules, then the installed data
 * directory). Prints diagnostics; returns NULL on errors. */
cc_ruleset *cli_load_rules(const cli_opts *o, cc_diags *d);
/* The start shared by the subcommands: parse the options, make the
 * diagnostics list, load the rules. Returns -1 to go on, or the exit status
 * to return (everything is cleaned up then). */
int cli_start(cli_opts *o, int argc, char **argv, const char *cmd, unsigned cmd_bit,
              void (*help)(FILE *), cc_diags **d, cc_ruleset **rs);
void cli_finish(cli_opts *o, cc_diags *d, cc_ruleset *rs);
bool cli_color(const cli_opts *o, FILE *f);
/* Whether the requested outputs show the observations' sentences (the
 * formats whose cc_format_needs_context is true, an archive). */
/* The options of a run (cc_run_paths) that --lang, -j, --time-budget and
 * --explain set; the rest off. */
void cli_run_opts(const cli_opts *o, cc_run_opts *ro);
bool cli_wants_context(const cli_opts *o);
/* The report formats for people, from the library's table of formats:
 * "text, json, ..., html", mark after the first (the default), e.g.
 * " (default)". Writes to out (CLI_FORMATS_SIZE is enough) and returns it. */
#define CLI_FORMATS_SIZE 512
const char *cli_formats(char *out, size_t size, const char *mark);
/* The widest line of the help texts. */
#define CLI_HELP_WIDTH 83
/* One help item: lead ("  --format FORMAT        report on stdout: "),
 * then the words of text, wrapped at CLI_HELP_WIDTH to lines indented by
 * indent spaces, and a newline. */
void cli_help_wrap(FILE *f, const char *lead, size_t indent, const char *text);
/* cli_stage for a run of articles: their number, size and observations. */
void cli_stage_run(const cli_opts *o, cc_run *run);
/* --stats: the end of a stage ("rules", "articles", "compare", "report"),
 * with a note such as "5 articles, 2.3 MB"; printed by cli_finish. */
void cli_stage(const cli_opts *o, const char *name, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void cli_print_diags(const cc_diags *d, const cli_opts *o);
/* Says "out of memory" (and what was lost: NULL for "the run is
 * incomplete") once; main() adds its catch-all only if nobody said it. */
void cli_oom(const char *consequence);

/* The end shared by check and compare: compare the observations, apply
 * the baseline, write the report to stdout and every --report file
 * (atomically), write the baseline; returns the exit status. touched: the
 * files whose claims alone are reported (archive mode), or NULL. */
int cli_compare_and_report(const cli_opts *o, const cc_ruleset *rs, cc_obstab *obs,
                           const cc_input *in, size_t nin, cc_diags *d,
                           const char *const *touched, size_t ntouched);
/* Writes an output file. A regular file, or a new one, is written through
 * a temporary file in the same directory and a rename, so that a failed
 * or interrupted run never leaves half a file; it keeps its mode (and,
 * when allowed, its owner), and a new file gets 0666 less the umask. A
 * symbolic link is followed and its target replaced. A device, a FIFO or
 * /dev/stdout is written directly. write is called with the open stream.
 * Returns 0 or -1 after printing why. */
int cli_write_atomic(const char *path, int (*write)(FILE *f, void *ud), void *ud);
/* Takes an exclusive advisory lock (flock) for a read-modify-write of the
 * file at path, waiting for it as long as another run holds it. The lock
 * is on a separate file, path.lock, created if missing and never removed:
 * cli_write_atomic replaces path by a rename, so a lock on path's own
 * descriptor would stay on the old file while the next run opens the new
 * one. Returns the descriptor to give to cli_unlock, or -1 after printing
 * why. */
int cli_lock(const char *path);
void cli_unlock(int fd);
/* Makes SIGINT, SIGTERM and SIGHUP remove the temporary file that
 * cli_write_atomic is writing, then end the program by the signal. */
void cli_signals_init(void);
/* Refuses outputs (--report, --write-baseline) that name one of the
 * inputs, or a file that is one (same device and inode): the inputs of
 * the run and the paths given. Returns 0, or -1 after saying which and
 * what to do. */
int cli_check_outputs(const cli_opts *o, const cc_input *in, size_t nin);

int cmd_check(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_scan(int argc, char **argv);
int cmd_discover(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_patterns(int argc, char **argv);
int cmd_detect(int argc, char **argv);

#endif
