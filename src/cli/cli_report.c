/*
 * cli_report.c: the end of check and compare: compare, apply the baseline,
 * write the reports (stdout and --report files, each atomically), write
 * the baseline, and decide the exit status.
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* ===== Locks =======================================================*/

int cli_lock(const char *path)
{
    struct stat st;
    char *real = realpath(path, NULL), *lock;
    const char *name = real ? real : path; /* every name of one file: one lock */
    size_t n = strlen(name);
    int fd;
    /* a device or FIFO (--archive /dev/null) keeps nothing to lose, and no
     * lock file belongs beside it: hold its descriptor instead */
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        free(real);
        fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (fd < 0)
            fprintf(stderr, "claimcheck: cannot open %s: %s\n", path, strerror(errno));
        return fd;
    }
    lock = malloc(n + 6);
    if (!lock) {
        free(real);
        cli_oom(NULL);
        return -1;
    }
    memcpy(lock, name, n);
    memcpy(lock + n, ".lock", 6);
    free(real);
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

/* ===== Writing an output file ======================================
 *
 * A regular file (or a missing one) is written to a temporary file beside
 * it and renamed over it, so that a failed or interrupted run leaves the
 * previous file whole. A symbolic link is followed and its target replaced
 * that way, so the link stays a link. Anything else that exists (a device,
 * a FIFO, /dev/stdout) is opened and written directly. The temporary file
 * being written is registered, so that SIGINT, SIGTERM and SIGHUP remove
 * it before the program dies of the signal.
 */

/* The temporary file in progress, for the signal handler: g_tmp_set is
 * set only once g_tmp holds the whole name. */
static char g_tmp[4200];
static volatile sig_atomic_t g_tmp_set;

static void on_signal(int sig)
{
    if (g_tmp_set)
        unlink(g_tmp); /* async-signal-safe, as are signal and raise */
    signal(sig, SIG_DFL);
    raise(sig); /* delivered on return: the exit status is the signal's */
}

void cli_signals_init(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    size_t i;
    for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa, old;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        /* a signal the parent ignores (nohup, a background job) stays ignored */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    }
}

/* Follows path through symbolic links to what it names. Returns the name
 * to replace (owned: free) with *direct = false, or path itself with
 * *direct = true when it is to be written directly (it exists and is not
 * a regular file, or it is a link in /proc, which names an open file
 * such as standard output). NULL with errno set on an error. */
static char *resolve_output(const char *path, bool *direct)
{
    char *cur = strdup(path);
    int hops;
    *direct = false;
    for (hops = 0; cur && hops < 40; hops++) {
        struct stat st;
        char link[4096], *slash, *next, *dir;
        ssize_t n;
        if (lstat(cur, &st) != 0) {
            if (errno == ENOENT)
                return cur; /* a new file */
            break;
        }
        if (!S_ISLNK(st.st_mode)) {
            *direct = !S_ISREG(st.st_mode);
            return cur;
        }
        /* a link in /proc (/dev/stdout, /dev/fd/N): the kernel follows it */
        slash = strrchr(cur, '/');
        dir = slash ? strndup(cur, slash == cur ? 1 : (size_t)(slash - cur)) : strdup(".");
        if (!dir)
            break;
        next = realpath(dir, NULL);
        free(dir);
        if (next && strncmp(next, "/proc/", 6) == 0) {
            free(next);
            free(cur);
            *direct = true;
            return strdup(path);
        }
        free(next);
        n = readlink(cur, link, sizeof link - 1);
        if (n < 0)
            break;
        link[n] = '\0';
        if (link[0] == '/' || !slash) {
            next = strdup(link);
        } else {
            size_t dl = (size_t)(slash - cur) + 1;
            next = malloc(dl + (size_t)n + 1);
            if (next) {
                memcpy(next, cur, dl);
                memcpy(next + dl, link, (size_t)n + 1);
            }
        }
        free(cur);
        cur = next;
    }
    if (cur && hops == 40)
        errno = ELOOP;
    else if (!cur)
        errno = ENOMEM;
    free(cur);
    return NULL;
}

static int write_direct(const char *path, int (*write)(FILE *f, void *ud), void *ud)
{
    /* O_APPEND: /dev/stdout may be the file that standard output writes
     * to, which must not be truncated under it */
    int fd = open(path, O_WRONLY | O_APPEND | O_NOCTTY), rc;
    FILE *f;
    if (fd < 0 || !(f = fdopen(fd, "ab"))) {
        fprintf(stderr, "claimcheck: cannot write %s: %s\n", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    fflush(stdout); /* what is already on standard output comes first */
    errno = 0;
    rc = write(f, ud);
    if (fclose(f) != 0 && rc == 0)
        rc = CC_ERR_IO;
    if (rc != 0) {
        fprintf(stderr, "claimcheck: cannot write %s: %s\n", path,
                rc == CC_ERR_NOMEM ? "out of memory" : strerror(errno ? errno : EIO));
        return -1;
    }
    return 0;
}

/* The mode a new file gets from open(2): 0666 less the umask. */
static mode_t new_file_mode(void)
{
    mode_t m = umask(0); /* no worker threads run by now */
    umask(m);
    return 0666 & ~m;
}

int cli_write_atomic(const char *path, int (*write)(FILE *f, void *ud), void *ud)
{
    struct stat st;
    sigset_t block, old;
    bool direct, existed;
    char *target = resolve_output(path, &direct);
    size_t n;
    int fd, rc, e;
    FILE *f;
    if (!target) {
        if (errno == ENOMEM) {
            cli_oom(NULL);
            return -1;
        }
        fprintf(stderr, "claimcheck: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (direct) {
        free(target);
        return write_direct(path, write, ud);
    }
    n = strlen(target);
    if (n + 12 > sizeof g_tmp) {
        fprintf(stderr, "claimcheck: cannot write %s: %s\n", path, strerror(ENAMETOOLONG));
        free(target);
        return -1;
    }
    existed = stat(target, &st) == 0;
    memcpy(g_tmp, target, n);
    memcpy(g_tmp + n, ".tmp.XXXXXX", 12);
    /* a signal between mkstemp and g_tmp_set would leave the file: it
     * waits until the file is registered */
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    sigprocmask(SIG_BLOCK, &block, &old);
    fd = mkstemp(g_tmp);
    g_tmp_set = fd >= 0;
    e = errno;
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        fprintf(stderr, "claimcheck: cannot write %s: %s\n", path, strerror(e));
        free(target);
        return -1;
    }
    /* the file keeps its owner (when allowed) and mode; a new one gets
     * the mode the umask gives */
    if (existed && (st.st_uid != geteuid() || st.st_gid != getegid()))
        (void)!fchown(fd, st.st_uid, st.st_gid);
    fchmod(fd, existed ? st.st_mode & 07777 : new_file_mode());
    f = fdopen(fd, "wb");
    if (!f) {
        e = errno;
        close(fd);
        rc = -1;
    } else {
        errno = 0; /* what a failed write leaves is its cause */
        rc = write(f, ud);
        e = errno;
        if (fclose(f) != 0 && rc == 0) {
            e = errno;
            rc = CC_ERR_IO;
        }
    }
    if (rc == 0 && rename(g_tmp, target) != 0) {
        e = errno;
        rc = -1;
    }
    if (rc != 0) {
        unlink(g_tmp);
        fprintf(stderr, "claimcheck: cannot write %s: %s\n", path,
                rc == CC_ERR_NOMEM ? "out of memory" : strerror(e ? e : EIO));
    }
    g_tmp_set = 0; /* after the rename: a signal before it removes the file */
    free(target);
    return rc != 0 ? -1 : 0;
}

/* Are a and b one file (same device and inode)? */
static bool same_id(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Is st the file of one of the inputs? Returns the input's name or NULL. */
static const char *input_at(const struct stat *out, const cli_opts *o, const cc_input *in,
                            size_t nin)
{
    struct stat st;
    size_t i;
    for (i = 0; i < nin + o->npaths; i++) {
        const char *p = i < nin ? in[i].path : o->paths[i - nin];
        if (strcmp(p, "-") != 0 && stat(p, &st) == 0 && same_id(&st, out))
            return p;
    }
    return NULL;
}

int cli_check_outputs(const cli_opts *o, const cc_input *in, size_t nin)
{
    size_t i;
    for (i = 0; i <= o->nreports; i++) {
        const char *path = i < o->nreports ? o->reports[i].path : o->write_baseline, *victim;
        struct stat st;
        if (!path || stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
            !(victim = input_at(&st, o, in, nin)))
            continue;
        if (i < o->nreports)
            fprintf(stderr, "claimcheck: --report %s=%s would overwrite the input %s; "
                            "nothing was written: give the report another path\n",
                    cc_format_name(o->reports[i].fmt), path, victim);
        else
            fprintf(stderr, "claimcheck: --write-baseline %s would overwrite the input %s; "
                            "nothing was written: give the baseline another path\n",
                    path, victim);
        return -1;
    }
    return 0;
}

typedef struct rep_job {
    cc_format fmt;
    const cc_report *rep;
} rep_job;

/* Do a and b name one file (or one path, existing or not)? */
static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (strcmp(a, b) == 0)
        return true;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && same_id(&sa, &sb);
}

static int write_report(FILE *f, void *ud)
{
    rep_job *j = ud;
    return cc_report_write(f, j->fmt, j->rep);
}

static int write_baseline(FILE *f, void *ud)
{
    return cc_baseline_write(f, ud);
}

/* Long on purpose: compare, baseline, reports: one sequence, shared locals. */
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
        char list[CLI_FORMATS_SIZE];
        fprintf(stderr, "claimcheck: unknown format '%s' (%s)\n", o->format,
                cli_formats(list, sizeof list, ""));
        return CC_EXIT_ERROR;
    }
    if (cli_check_outputs(o, in, nin) != 0)
        return CC_EXIT_ERROR;
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
        if (rc != CC_ERR_IO) /* else main() says it, as for every command */
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
    failing = 0;
    for (i = 0; i < CC_VERDICT__COUNT; i++)
        if (o->fail_on & (1u << i))
            failing += cc_report_count(&rep, (cc_verdict)i);
    if (cc_diags_count_sev(d, CC_SEV_ERROR) > 0)
        status = CC_EXIT_ERROR;
    else if (failing > 0)
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
