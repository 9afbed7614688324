/*
 * main.c: the claimcheck program: subcommand dispatch and loading the
 * rules. Each subcommand lives in its own file; the options in options.c.
 */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef CC_DATADIR
#define CC_DATADIR "/usr/local/share/claimcheck"
#endif

void cc_alloc_init_from_env(void); /* test hook, src/alloc.h */
bool cc_alloc_failed(void);        /* src/alloc.h */

static void usage(FILE *f)
{
    fprintf(f,
            "usage: claimcheck <command> [options] [PATH...]\n"
            "\n"
            "Checks whether news articles in different languages agree on the figures\n"
            "they report.\n"
            "\n"
            "commands:\n"
            "  check PATH...     extract claims from articles and report agreement and\n"
            "                    conflicts (files, or directories of *.txt and *.md)\n"
            "  extract PATH...   write the observations of articles as JSON Lines (the map)\n"
            "  compare OBS...    compare observations from extract and report (the reduce)\n"
            "  discover PATH...  find the figures several articles state, and where they\n"
            "                    disagree, with no claim rules; draft the rules\n"
            "  scan [FILE|-]...  print every quantity a language pack recognizes (JSON Lines)\n"
            "  test              run the examples of every language pack and claim rule\n"
            "  patterns          print every extractor pattern with its macros expanded\n"
            "  detect [FILE|-]   print the language each text is detected as\n"
            "\n"
            "  claimcheck <command> --help   options of a command\n"
            "  claimcheck --version\n"
            "\n"
            "exit status:\n"
            "  0  no conflicts\n"
            "  1  conflicts found\n"
            "  2  errors in the rules or the input, or bad usage\n");
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The rules installed next to the program: <bindir>/../share/claimcheck/rules,
 * so that an installed tree can be moved (or staged with DESTDIR). */
static bool beside_exe(char *out, size_t cap)
{
    char exe[4096], *slash;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return false;
    exe[n] = '\0';
    if (!(slash = strrchr(exe, '/')))
        return false;
    *slash = '\0';
    if ((size_t)snprintf(out, cap, "%s/../share/claimcheck/rules/lang", exe) >= cap ||
        !is_dir(out))
        return false;
    out[strlen(out) - strlen("/lang")] = '\0';
    return true;
}

cc_ruleset *cli_load_rules(const cli_opts *o, cc_diags *d)
{
    static char installed[4200];
    const char *dirs[CLI_MAX_RULE_DIRS];
    size_t n = 0, i;
    cc_ruleset *rs = NULL;
    int rc;
    if (o->rules.n) {
        for (i = 0; i < o->rules.n; i++) {
            if (!is_dir(o->rules.v[i])) {
                fprintf(stderr, "claimcheck: --rules %s: not a directory\n", o->rules.v[i]);
                return NULL;
            }
            dirs[n++] = o->rules.v[i];
        }
    } else if (is_dir("rules/lang")) {
        dirs[n++] = "rules";
    } else if (beside_exe(installed, sizeof installed)) {
        dirs[n++] = installed;
    } else {
        dirs[n++] = CC_DATADIR "/rules";
    }
    rc = cc_ruleset_load_flags(&rs, dirs, n, o->all_terms ? CC_RULES_ALL_TERMS : 0, d);
    if (rc != CC_OK && cc_alloc_failed()) {
        /* the other diagnostics may be its consequences */
        cli_oom("while loading the rules; nothing was checked");
        return NULL;
    }
    if (rc != CC_OK) {
        cli_print_diags(d, o);
        fprintf(stderr, "claimcheck: %zu error%s in the rules; nothing was checked\n",
                cc_diags_count_sev(d, CC_SEV_ERROR),
                cc_diags_count_sev(d, CC_SEV_ERROR) == 1 ? "" : "s");
        return NULL;
    }
    return rs;
}

/* --stats: the stages so far, as one line each. */
static char g_stats[1024];
static size_t g_nstats;
static double g_last = -1;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cli_start(cli_opts *o, int argc, char **argv, const char *cmd, unsigned cmd_bit,
              void (*help)(FILE *), cc_diags **d, cc_ruleset **rs)
{
    int rc = cli_parse(o, argc, argv, cmd, cmd_bit, help);
    *d = NULL;
    *rs = NULL;
    if (rc) {
        free(o->paths);
        return rc == 1 ? CC_EXIT_OK : CC_EXIT_ERROR;
    }
    *d = cc_diags_new();
    if (!*d) {
        cli_oom(NULL);
        free(o->paths);
        return CC_EXIT_ERROR;
    }
    g_last = now();
    o->all_terms = cmd_bit == CLI_DISCOVER;
    *rs = cli_load_rules(o, *d);
    if (!*rs) {
        cli_finish(o, *d, NULL);
        return CC_EXIT_ERROR;
    }
    cli_stage(o, "rules", "%zu languages, %zu claims", cc_ruleset_nlangs(*rs),
              cc_ruleset_nclaims(*rs));
    return -1;
}

void cli_stage(const cli_opts *o, const char *name, const char *fmt, ...)
{
    double t = now();
    va_list ap;
    int n;
    if (!o->stats || g_nstats >= sizeof g_stats)
        return;
    n = snprintf(g_stats + g_nstats, sizeof g_stats - g_nstats, "  %-9s %8.3f s", name,
                 g_last < 0 ? 0.0 : t - g_last);
    if (n > 0 && (g_nstats += (size_t)n) < sizeof g_stats && fmt && *fmt) {
        g_stats[g_nstats++] = ' ';
        va_start(ap, fmt);
        n = vsnprintf(g_stats + g_nstats, sizeof g_stats - g_nstats, fmt, ap);
        va_end(ap);
        if (n > 0)
            g_nstats += (size_t)n;
    }
    if (g_nstats < sizeof g_stats - 1)
        g_stats[g_nstats++] = '\n';
    else
        g_nstats = sizeof g_stats;
    g_last = t;
}

void cli_run_opts(const cli_opts *o, cc_run_opts *ro)
{
    memset(ro, 0, sizeof *ro);
    ro->lang = o->lang;
    ro->jobs = (unsigned)o->jobs;
    ro->time_budget_ms = o->time_budget_ms;
    ro->explain = o->explain ? stderr : NULL;
}

bool cli_wants_context(const cli_opts *o)
{
    size_t i;
    cc_format f;
    if (o->archive || (o->format && cc_format_from_name(&f, o->format) == CC_OK &&
                       cc_format_needs_context(f)))
        return true;
    for (i = 0; i < o->nreports; i++)
        if (cc_format_needs_context(o->reports[i].fmt))
            return true;
    return false;
}

const char *cli_formats(char *out, size_t size, const char *mark)
{
    size_t len = 0;
    int f, n;
    out[0] = '\0';
    for (f = 0; f < CC_FMT__COUNT && len < size; f++) {
        n = snprintf(out + len, size - len, "%s%s%s", f ? ", " : "", cc_format_name((cc_format)f),
                     f ? "" : mark);
        if (n < 0)
            break;
        len += (size_t)n;
    }
    return out;
}

void cli_help_wrap(FILE *f, const char *lead, size_t indent, const char *text)
{
    size_t col = strlen(lead), n;
    bool first = true;
    fputs(lead, f);
    while (*text) {
        n = strcspn(text, " ");
        if (n) {
            if (!first && col + 1 + n > CLI_HELP_WIDTH) {
                fprintf(f, "\n%*s", (int)indent, "");
                col = indent;
            } else if (!first) {
                fputc(' ', f);
                col++;
            }
            fwrite(text, 1, n, f);
            col += n;
            first = false;
        }
        text += n;
        text += strspn(text, " ");
    }
    fputc('\n', f);
}

void cli_stage_run(const cli_opts *o, cc_run *run)
{
    size_t i, bytes = 0, n = cc_run_ninputs(run);
    double t = now() - g_last;
    for (i = 0; i < n; i++)
        bytes += cc_run_input(run, i)->bytes;
    cli_stage(o, "articles", "%zu read, %.1f MB, %.2f MB/s, %zu observations (table %.1f MB)",
              n, (double)bytes / 1e6, t > 0 ? (double)bytes / 1e6 / t : 0.0,
              cc_obstab_count(cc_run_obs(run)),
              (double)cc_obstab_bytes(cc_run_obs(run)) / (1024.0 * 1024.0));
}

void cli_finish(cli_opts *o, cc_diags *d, cc_ruleset *rs)
{
    if (o->stats) {
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        fprintf(stderr, "claimcheck --stats:\n%.*s  peak RSS  %8.1f MB\n",
                (int)(g_nstats < sizeof g_stats ? g_nstats : sizeof g_stats - 1), g_stats,
                (double)ru.ru_maxrss / 1024.0);
    }
    cc_ruleset_free(rs);
    cc_diags_free(d);
    free(o->paths);
    o->paths = NULL;
}

bool cli_color(const cli_opts *o, FILE *f)
{
    const char *nc = getenv("NO_COLOR");
    if (o->color >= 0)
        return o->color == 1;
    if (nc && *nc)
        return false;
    return isatty(fileno(f)) != 0;
}

void cli_print_diags(const cc_diags *d, const cli_opts *o)
{
    cc_diags_print(d, stderr, cli_color(o, stderr));
}

static bool g_oom_said;
void cli_oom(const char *consequence)
{
    fprintf(stderr, "claimcheck: out of memory%s%s\n", consequence ? " " : "; ",
            consequence ? consequence : "the run is incomplete");
    g_oom_said = true;
}

static int dispatch(int argc, char **argv);

/* A failed allocation that some path absorbed (a skipped article, a
 * shortened report) must not pass for a complete run; nor must output that
 * never arrived: whatever a command wrote on standard output is flushed and
 * checked here (claimcheck scan a.txt >/dev/full). */
int main(int argc, char **argv)
{
    int status, e = 0;
    cc_alloc_init_from_env();
    cli_signals_init();
    status = dispatch(argc, argv);
    if (cc_alloc_failed()) {
        if (!g_oom_said)
            cli_oom(NULL);
        status = CC_EXIT_ERROR;
    }
    if (fflush(stdout) != 0)
        e = errno;
    else if (ferror(stdout))
        e = -1; /* an earlier write failed; its errno is gone */
    else if (fclose(stdout) != 0 && errno != EBADF)
        e = errno;
    if (e) {
        fprintf(stderr, "claimcheck: cannot write to standard output%s%s; the output is "
                        "incomplete\n", e > 0 ? ": " : "", e > 0 ? strerror(e) : "");
        status = CC_EXIT_ERROR;
    }
    return status;
}

static int dispatch(int argc, char **argv)
{
    const char *cmd;
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    cmd = argv[1];
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("claimcheck %s\n", cc_version());
        return 0;
    }
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(cmd, "extract") == 0)
        return cmd_extract(argc - 2, argv + 2);
    if (strcmp(cmd, "compare") == 0)
        return cmd_compare(argc - 2, argv + 2);
    if (strcmp(cmd, "scan") == 0)
        return cmd_scan(argc - 2, argv + 2);
    if (strcmp(cmd, "discover") == 0)
        return cmd_discover(argc - 2, argv + 2);
    if (strcmp(cmd, "test") == 0)
        return cmd_test(argc - 2, argv + 2);
    if (strcmp(cmd, "patterns") == 0)
        return cmd_patterns(argc - 2, argv + 2);
    if (strcmp(cmd, "detect") == 0)
        return cmd_detect(argc - 2, argv + 2);
    fprintf(stderr, "claimcheck: unknown command '%s'\n\n", cmd);
    usage(stderr);
    return 2;
}
