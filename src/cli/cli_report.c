/*
 * cli_report.c: the end of check and compare: compare, apply the baseline,
 * write the reports (stdout and --report files, each atomically), write
 * the baseline, and decide the exit status.
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_lock(const char *path)
{
    size_t n = strlen(path);
    char *lock = malloc(n + 6);
    int fd;
    if (!lock) {
        cli_oom(NULL);
        return -1;
    }
    memcpy(lock, path, n);
    memcpy(lock + n, ".lock", 6);
    fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) {
        fprintf(stderr, "claimcheck: cannot lock %s: cannot open %s: %s\n", path, lock,
                strerror(errno));
        free(lock);
        return -1;
    }
    while (flock(fd, LOCK_EX) != 0) {
        if (errno == EINTR)
            continue;
        fprintf(stderr, "claimcheck: cannot lock %s: %s\n", lock, strerror(errno));
        close(fd);
        free(lock);
        return -1;
    }
    free(lock);
    return fd;
}

void cli_unlock(int fd)
{
    if (fd >= 0)
        close(fd);
}

int cli_write_atomic(const char *path, int (*write)(FILE *f, void *ud), void *ud)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    int fd, rc;
    FILE *f;
    if (!tmp) {
        cli_oom(NULL);
        return -1;
    }
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".tmp.XXXXXX", 12);
    fd = mkstemp(tmp);
    if (fd < 0) {
        fprintf(stderr, "claimcheck: cannot write %s: %s\n", path, strerror(errno));
        free(tmp);
        return -1;
    }
    f = fdopen(fd, "wb");
    if (!f) {
        close(fd);
        unlink(tmp);
        free(tmp);
        fprintf(stderr, "claimcheck: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    rc = write(f, ud);
    if (fclose(f) != 0 && rc == 0)
        rc = CC_ERR_IO;
    if (rc != 0 || rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        fprintf(stderr, "claimcheck: cannot write %s: %s\n", path,
                rc == CC_ERR_NOMEM ? "out of memory" : strerror(rc ? EIO : e));
        free(tmp);
        return -1;
    }
    free(tmp);
    return 0;
}

/* Do a and b name one file (or one path, existing or not)? */
static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (strcmp(a, b) == 0)
        return true;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

typedef struct rep_job {
    cc_format fmt;
    const cc_report *rep;
} rep_job;

static int write_report(FILE *f, void *ud)
{
    rep_job *j = ud;
    return cc_report_write(f, j->fmt, j->rep);
}

static int write_baseline(FILE *f, void *ud)
{
    return cc_baseline_write(f, ud);
}

int cli_compare_and_report(const cli_opts *o, const cc_ruleset *rs, cc_obstab *obs,
                           const cc_input *in, size_t nin, cc_diags *d,
                           const char *const *touched, size_t ntouched)
{
    cc_result *res = NULL;
    cc_baseline *bl = NULL;
    cc_report rep;
    cc_format fmt = CC_FMT_TEXT;
    int status = CC_EXIT_ERROR, rc, lock = -1;
    size_t i, failing;

    if (o->format && cc_format_from_name(&fmt, o->format) != CC_OK) {
        fprintf(stderr,
                "claimcheck: unknown format '%s' (text, json, jsonl, markdown, sarif, junit, "
                "github, html)\n",
                o->format);
        return CC_EXIT_ERROR;
    }
    if (cc_compare_run(&res, rs, obs) != CC_OK) {
        cli_oom(NULL);
        return CC_EXIT_ERROR;
    }
    cli_stage(o, "compare", "%zu observations, %zu claims", cc_obstab_count(obs),
              cc_result_count(res));
    if (touched && cc_result_keep_touched(res, touched, ntouched) != CC_OK)
        goto nomem;
    memset(&rep, 0, sizeof rep);
    rep.result = res;
    rep.inputs = in;
    rep.ninputs = nin;
    rep.diags = d;
    /* --baseline F --write-baseline F reads, then rewrites F: one run at a
     * time (the lock is held until the new baseline is in place). Writing
     * alone needs no lock: the rename makes it whole, and no F.lock is
     * left beside a baseline that is only written. */
    if (o->baseline && o->write_baseline && same_file(o->baseline, o->write_baseline) &&
        (lock = cli_lock(o->write_baseline)) < 0)
        goto out;
    if (o->baseline) {
        rc = cc_baseline_load(&bl, o->baseline, d);
        if (rc != CC_OK) {
            cli_print_diags(d, o);
            goto out;
        }
        if (cc_baseline_apply(bl, res, &rep.stale, &rep.nstale) != CC_OK)
            goto nomem;
        rep.baseline = true;
    }
    cli_print_diags(d, o);
    rep.color = fmt == CC_FMT_TEXT && cli_color(o, stdout);
    if ((rc = cc_report_write(stdout, fmt, &rep)) != CC_OK) {
        fprintf(stderr, "claimcheck: cannot write the report: %s\n", cc_strerror(rc));
        goto out;
    }
    rep.color = false;
    for (i = 0; i < o->nreports; i++) {
        rep_job j = {o->reports[i].fmt, &rep};
        if (cli_write_atomic(o->reports[i].path, write_report, &j) != 0)
            goto out;
    }
    if (o->write_baseline && cli_write_atomic(o->write_baseline, write_baseline, res) != 0)
        goto out;
    cli_stage(o, "report", "%zu report%s", 1 + o->nreports, o->nreports ? "s" : "");
    failing = cc_report_conflicts(&rep);
    if (o->fail_on == CLI_FAIL_SINGLE)
        failing += cc_report_count(&rep, CC_VERDICT_SINGLE);
    if (cc_diags_count_sev(d, CC_SEV_ERROR) > 0)
        status = CC_EXIT_ERROR;
    else if (o->fail_on != CLI_FAIL_NEVER && failing > 0)
        status = CC_EXIT_CONFLICT;
    else
        status = CC_EXIT_OK;
    goto out;
nomem:
    cli_oom(NULL);
    status = CC_EXIT_ERROR;
out:
    cli_unlock(lock);
    cc_baseline_free(bl);
    cc_result_free(res);
    return status;
}
