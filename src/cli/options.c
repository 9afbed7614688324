/*
 * options.c: the options of every subcommand, one table (pcre2grep's
 * optionlist[]). A row names an option, its short letter, the kind of its
 * argument, the field of cli_opts it sets, the commands it is for, and the
 * lines it shows in their --help. cli_parse reads argv through the table;
 * cli_help_options writes a command's list of options from it.
 */
#include "cli.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define F(field) offsetof(cli_opts, field)

static const cli_choice WHEN[] = {{"auto", -1}, {"always", 1}, {"never", 0}, {NULL, 0}};

/* In the order of the help lists. */
const cli_option cli_options[] = {
    {"rules", 0, CLI_ARG_LIST, "DIR", F(rules), CLI_ALL, NULL, 0, 0, NULL,
     {{CLI_CHECK | CLI_DISCOVER, NULL,
       "rule directory with lang/ and claims/ (repeatable;\n"
       "default ./rules, then the installed rules)", false},
      {CLI_SCAN, NULL, "rule directory (default ./rules, then the installed rules)", false},
      {CLI_EXTRACT, NULL, "rule directory (repeatable)", false}}},
    {"lang", 0, CLI_ARG_STRING, "CODE", F(lang),
     CLI_CHECK | CLI_EXTRACT | CLI_SCAN | CLI_TEST | CLI_PATTERNS | CLI_DISCOVER, NULL, 0, 0, NULL,
     {{CLI_CHECK | CLI_DISCOVER, NULL,
       "read every article with this language pack\n"
       "(default: front matter lang:, else detected)", false},
      {CLI_SCAN, NULL, "language pack to use (default: front matter, else detected)", false},
      {CLI_EXTRACT, NULL, "read every article with this language pack", false}}},
    {"format", 0, CLI_ARG_STRING, "FORMAT", F(format),
     CLI_CHECK | CLI_EXTRACT | CLI_COMPARE | CLI_DISCOVER, NULL, 0, 0, NULL,
     {{CLI_CHECK, NULL, "report on stdout:", true},
      {CLI_EXTRACT, "jsonl", "the only format (the default)", false},
      {CLI_DISCOVER, NULL, "text (the default), json or html (a triage page)", false}}},
    {"report", 0, CLI_ARG_REPORT, "FORMAT=PATH", 0, CLI_CHECK | CLI_COMPARE, NULL, 0, 0, NULL,
     {{CLI_CHECK, NULL,
       "also write a report to PATH (repeatable; written to a\n"
       "temporary file and renamed)", false}}},
    {"fail-on", 0, CLI_ARG_VERDICTS, "LIST", F(fail_on), CLI_CHECK | CLI_COMPARE, NULL, 0, 0,
     NULL,
     {{CLI_CHECK, NULL,
       "verdicts that make the exit status 1, by commas:\n"
       "conflict, scale_error, currency_mismatch, deviates,\n"
       "qualifier, forecast, update, agree, single; default\n"
       "(conflict,scale_error,currency_mismatch,deviates);\n"
       "or never", false}}},
    {"baseline", 0, CLI_ARG_STRING, "FILE", F(baseline), CLI_CHECK | CLI_COMPARE, NULL, 0, 0,
     NULL,
     {{CLI_CHECK, NULL,
       "report only conflicts not accepted in FILE; list stale\n"
       "entries", false}}},
    {"write-baseline", 0, CLI_ARG_STRING, "FILE", F(write_baseline), CLI_CHECK | CLI_COMPARE,
     NULL, 0, 0, NULL, {{CLI_CHECK, NULL, "record the current conflicts in FILE", false}}},
    {"archive", 0, CLI_ARG_STRING, "OBS.jsonl", F(archive), CLI_CHECK, NULL, 0, 0, NULL,
     {{CLI_CHECK, NULL,
       "compare the articles with the observations of an archive\n"
       "(claimcheck extract) and report only the claims they touch", false}}},
    {"update-archive", 0, CLI_ARG_NONE, NULL, F(update_archive), CLI_CHECK, NULL, 0, 0, NULL,
     {{CLI_CHECK, NULL,
       "with --archive: add the articles' observations to it,\n"
       "replacing those of the same files (concurrent runs\n"
       "take turns: a lock on OBS.jsonl.lock)", false}}},
    {"jobs", 'j', CLI_ARG_NUMBER, "N", F(jobs), CLI_CHECK | CLI_EXTRACT | CLI_DISCOVER, NULL, 1,
     256, "-j wants a number from 1 to 256, not '%s'",
     {{CLI_CHECK | CLI_EXTRACT | CLI_DISCOVER, NULL, "worker threads (default: online CPUs)", false}}},
    {"time-budget", 0, CLI_ARG_SECONDS, "SECONDS", F(time_budget_ms),
     CLI_CHECK | CLI_EXTRACT | CLI_SCAN | CLI_DISCOVER, NULL, 0, 0,
     "--time-budget wants seconds per rule and MiB of article, e.g. 10 or 0.5 (at most a "
     "day), not '%s'",
     {{CLI_CHECK | CLI_DISCOVER, NULL,
       "how long one rule may run over one article, per MiB\n"
       "of it (default 10); past it the rule stops there\n"
       "with a diagnostic and the other rules go on", false},
      {CLI_SCAN, "S", "seconds the scan may take per article and MiB (default 10)", false},
      {CLI_EXTRACT, "S", "seconds one rule may run per article and MiB (default 10)", false}}},
    {"stats", 0, CLI_ARG_NONE, NULL, F(stats), CLI_CHECK | CLI_EXTRACT | CLI_COMPARE | CLI_DISCOVER,
     NULL, 0, 0, NULL,
     {{CLI_CHECK | CLI_EXTRACT | CLI_DISCOVER, NULL, "time, throughput and peak memory per stage on stderr",
       false}}},
    {"explain", 0, CLI_ARG_NONE, NULL, F(explain), CLI_CHECK | CLI_EXTRACT, NULL, 0, 0, NULL,
     {{CLI_CHECK | CLI_EXTRACT, NULL,
       "for every figure frame claims consider, the head that\n"
       "governs it and why each frame took or refused it,\non stderr", false}}},
    {"color", 0, CLI_ARG_CHOICE, "WHEN", F(color),
     CLI_CHECK | CLI_EXTRACT | CLI_COMPARE | CLI_TEST | CLI_DISCOVER, WHEN, 0, 0, NULL,
     {{CLI_CHECK | CLI_DISCOVER, NULL, "auto (default), always or never; NO_COLOR is honoured", false}}},
    {"trials", 0, CLI_ARG_STRING, "DIR", F(trials), CLI_TEST, NULL, 0, 0, NULL,
     {{CLI_TEST, NULL,
       "also run the trial paragraphs in DIR/*.yaml (every quantity\n"
       "a paragraph holds, as written) and print precision and\n"
       "recall per language", false}}},
    {"all", 0, CLI_ARG_NONE, NULL, F(all), CLI_DISCOVER, NULL, 0, 0, NULL,
     {{CLI_DISCOVER, NULL, "also the candidates only one article states", false}}},
    {"top", 0, CLI_ARG_NUMBER, "N", F(top), CLI_DISCOVER, NULL, 1, 0,
     "--top wants a positive number, not '%s'",
     {{CLI_DISCOVER, NULL, "show the first N candidates (default: all)", false}}},
    {"lines", 0, CLI_ARG_NONE, NULL, F(lines), CLI_DETECT, NULL, 0, 0, NULL,
     {{CLI_DETECT, NULL, "detect every line of the input on its own", false}}},
    {"cut", 0, CLI_ARG_NUMBER, "N", F(cut), CLI_DETECT, NULL, 1, 0,
     "--cut wants a positive number",
     {{CLI_DETECT, NULL, "look only at the first N characters of each text", false}}},
    {"verbose", 'v', CLI_ARG_COUNT, NULL, F(verbose), CLI_ALL, NULL, 0, 0, NULL, {{0}}},
    {"help", 'h', CLI_ARG_HELP, NULL, 0, CLI_ALL, NULL, 0, 0, NULL,
     {{CLI_CHECK | CLI_SCAN | CLI_DISCOVER, NULL, "this help", false}}},
    {NULL, 0, CLI_ARG_NONE, NULL, 0, 0, NULL, 0, 0, NULL, {{0}}},
};

/* ===== Parsing ======================================================*/

static const cli_option *find_long(const char *name, size_t len)
{
    const cli_option *opt;
    for (opt = cli_options; opt->name; opt++)
        if (strlen(opt->name) == len && memcmp(opt->name, name, len) == 0)
            return opt;
    return NULL;
}

static const cli_option *find_short(char c)
{
    const cli_option *opt;
    for (opt = cli_options; opt->name; opt++)
        if (opt->short_name && opt->short_name == c)
            return opt;
    return NULL;
}

static bool takes_value(const cli_option *opt)
{
    return opt->arg != CLI_ARG_NONE && opt->arg != CLI_ARG_COUNT && opt->arg != CLI_ARG_HELP;
}

/* Seconds with up to three decimals, in ms; 0 for anything else or
 * nothing. No strtod: it follows the locale. */
static unsigned long parse_ms(const char *val)
{
    unsigned long ms = 0;
    int frac = -1;
    const char *c;
    for (c = val; *c; c++) {
        if (*c == '.' && frac < 0) {
            frac = 0;
        } else if (*c < '0' || *c > '9') {
            return 0;
        } else if (frac < 3 && ms < 100000000ul) {
            /* digits past these are dropped decimals, or over the bound */
            ms = ms * 10 + (unsigned long)(*c - '0');
            if (frac >= 0)
                frac++;
        }
    }
    for (frac = frac < 0 ? 0 : frac; frac < 3; frac++)
        ms *= 10;
    return ms;
}

/* "--fail-on is conflict, single or never" */
static void bad_choice(const char *cmd, const cli_option *opt)
{
    const cli_choice *c;
    fprintf(stderr, "claimcheck %s: --%s is ", cmd, opt->name);
    for (c = opt->choices; c->word; c++)
        fprintf(stderr, "%s%s", c == opt->choices ? "" : c[1].word ? ", " : " or ", c->word);
    fputc('\n', stderr);
}

/* --fail-on: verdict names, "default", or "never" alone. */
static int set_verdicts(unsigned *set, const char *cmd, const cli_option *opt, char *val)
{
    char *p = val, *comma;
    unsigned v = 0;
    cc_verdict one;
    if (strcmp(val, "never") == 0) {
        *set = 0;
        return 0;
    }
    for (;; p = comma + 1) {
        comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (strcmp(p, "default") == 0)
            v |= CC_FAIL_DEFAULT;
        else if (cc_verdict_from_name(&one, p) == CC_OK)
            v |= 1u << one;
        else {
            fprintf(stderr,
                    "claimcheck %s: --%s takes verdicts separated by commas (conflict, "
                    "scale_error, currency_mismatch, deviates, qualifier, forecast, update, "
                    "agree, single), default, or never; not '%s'\n",
                    cmd, opt->name, p);
            return 2;
        }
        if (!comma)
            break;
        *comma = ',';
    }
    *set = v;
    return 0;
}

static int add_report(cli_opts *o, const char *cmd, char *val)
{
    char *eq = strchr(val, '=');
    cc_format f;
    if (!eq || eq == val || !eq[1]) {
        fprintf(stderr, "claimcheck %s: --report wants FORMAT=PATH, e.g. sarif=report.sarif\n",
                cmd);
        return 2;
    }
    *eq = '\0';
    if (cc_format_from_name(&f, val) != CC_OK) {
        char list[CLI_FORMATS_SIZE];
        fprintf(stderr, "claimcheck %s: unknown report format '%s' (%s)\n", cmd, val,
                cli_formats(list, sizeof list, ""));
        return 2;
    }
    if (o->nreports == CLI_MAX_REPORTS) {
        fprintf(stderr, "claimcheck %s: at most %d --report\n", cmd, CLI_MAX_REPORTS);
        return 2;
    }
    o->reports[o->nreports].fmt = f;
    o->reports[o->nreports++].path = eq + 1;
    return 0;
}

/* Sets the field of opt from val. Returns 0, or 2 after saying why not. */
static int set_value(cli_opts *o, const char *cmd, const cli_option *opt, char *val)
{
    char *field = (char *)o + opt->field, *end;
    const cli_choice *c;
    cli_list *list;
    unsigned long ms;
    long n;
    switch (opt->arg) {
    case CLI_ARG_STRING:
        *(const char **)field = val;
        return 0;
    case CLI_ARG_LIST:
        list = (cli_list *)field;
        if (list->n == sizeof list->v / sizeof list->v[0]) {
            fprintf(stderr, "claimcheck %s: at most %zu --%s\n", cmd,
                    sizeof list->v / sizeof list->v[0], opt->name);
            return 2;
        }
        list->v[list->n++] = val;
        return 0;
    case CLI_ARG_CHOICE:
        for (c = opt->choices; c->word; c++)
            if (strcmp(c->word, val) == 0) {
                *(int *)field = c->value;
                return 0;
            }
        bad_choice(cmd, opt);
        return 2;
    case CLI_ARG_NUMBER:
        n = strtol(val, &end, 10);
        if (*val == '\0' || *end || n < opt->min || (opt->max && n > opt->max))
            break;
        *(long *)field = n;
        return 0;
    case CLI_ARG_SECONDS:
        ms = parse_ms(val);
        if (ms == 0 || ms > 86400000ul)
            break;
        *(unsigned *)field = (unsigned)ms;
        return 0;
    case CLI_ARG_REPORT:
        return add_report(o, cmd, val);
    case CLI_ARG_VERDICTS:
        return set_verdicts((unsigned *)field, cmd, opt, val);
    default:
        return 0;
    }
    /* opt->bad, with the value in place of its %s */
    end = strstr(opt->bad, "%s");
    fprintf(stderr, "claimcheck %s: %.*s%s%s\n", cmd,
            (int)(end ? (size_t)(end - opt->bad) : strlen(opt->bad)), opt->bad, end ? val : "",
            end ? end + 2 : "");
    return 2;
}

int cli_parse(cli_opts *o, int argc, char **argv, const char *cmd, unsigned cmd_bit,
              void (*help)(FILE *))
{
    int i, only_paths = 0;
    memset(o, 0, sizeof *o);
    o->color = -1;
    o->fail_on = CC_FAIL_DEFAULT;
    o->paths = calloc((size_t)argc + 1, sizeof(char *));
    if (!o->paths) {
        cli_oom(NULL);
        return 2;
    }
    for (i = 0; i < argc; i++) {
        char *a = argv[i], *val = NULL;
        const cli_option *opt;
        int rc;
        if (only_paths || a[0] != '-' || strcmp(a, "-") == 0) {
            o->paths[o->npaths++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_paths = 1;
            continue;
        }
        if (a[1] == '-') {
            const char *eq = strchr(a + 2, '=');
            size_t nl = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
            if (nl >= 32) { /* longer than any option; said so without the hint */
                fprintf(stderr, "claimcheck %s: unknown option '%s'\n", cmd, a);
                return 2;
            }
            opt = find_long(a + 2, nl);
            /* a flag ignores "=value"; --help and --verbose are written whole */
            if (opt && eq && (opt->arg == CLI_ARG_HELP || opt->arg == CLI_ARG_COUNT))
                opt = NULL;
            if (eq)
                val = (char *)eq + 1;
        } else {
            opt = find_short(a[1]);
            if (opt && a[2] && !takes_value(opt)) /* no bundling: -vv */
                opt = NULL;
            else if (opt && a[2]) /* -jN */
                val = a + 2;
        }
        if (!opt || !(opt->cmds & cmd_bit)) {
            fprintf(stderr, "claimcheck %s: unknown option '%s' (see claimcheck %s --help)\n",
                    cmd, a, cmd);
            return 2;
        }
        switch (opt->arg) {
        case CLI_ARG_HELP:
            help(stdout);
            return 1;
        case CLI_ARG_NONE:
            *(int *)((char *)o + opt->field) = 1;
            continue;
        case CLI_ARG_COUNT:
            (*(int *)((char *)o + opt->field))++;
            continue;
        default:
            break;
        }
        if (!val && i + 1 < argc)
            val = argv[++i];
        if (!val) {
            fprintf(stderr, "claimcheck %s: option '%s' needs a value\n", cmd, a);
            return 2;
        }
        if ((rc = set_value(o, cmd, opt, val)) != 0)
            return rc;
    }
    return 0;
}

/* ===== Help =========================================================*/

void cli_help_options(FILE *f, unsigned cmd_bit, size_t column)
{
    const cli_option *opt;
    for (opt = cli_options; opt->name; opt++) {
        const cli_help_line *h = NULL;
        const char *arg, *t;
        char lead[256];
        size_t i, len;
        for (i = 0; i < CLI_HELP_LINES && !h; i++)
            if (opt->help[i].cmds & cmd_bit)
                h = &opt->help[i];
        if (!h)
            continue;
        arg = h->arg ? h->arg : opt->metavar;
        len = 0;
        if (opt->short_name)
            len = (size_t)snprintf(lead, sizeof lead, "  -%c%s%s,", opt->short_name,
                                   arg ? " " : "", arg ? arg : "");
        len += (size_t)snprintf(lead + len, sizeof lead - len, "%s--%s%s%s",
                                opt->short_name ? " " : "  ", opt->name, arg ? " " : "",
                                arg ? arg : "");
        /* two spaces at least after a long lead */
        len += (size_t)snprintf(lead + len, sizeof lead - len, "%*s",
                                (int)(len + 2 > column ? 2 : column - len), "");
        if (h->formats) {
            char formats[CLI_FORMATS_SIZE];
            snprintf(lead + len, sizeof lead - len, "%s ", h->text);
            cli_help_wrap(f, lead, column, cli_formats(formats, sizeof formats, " (default)"));
            continue;
        }
        fputs(lead, f);
        for (t = h->text; *t; t++) {
            fputc(*t, f);
            if (*t == '\n')
                fprintf(f, "%*s", (int)column, "");
        }
        fputc('\n', f);
    }
}
