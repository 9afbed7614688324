/*
 * date.c: checking calendar dates (helper for front matter and rules).
 *
 * In: a string. Out: whether it is a date written YYYY-MM-DD that exists,
 * and if not, why, and the date it most likely means when only the writing
 * is off.
 */
#include "date.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static const char *const month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

static int days_in(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

/* Digits at *p, at most max of them, as a number; their count in *n. */
static long digits(const char **p, int max, int *n)
{
    long v = 0;
    for (*n = 0; **p >= '0' && **p <= '9'; (*p)++, (*n)++)
        if (*n < max)
            v = v * 10 + (**p - '0');
    return v;
}

/* Why year y, month m, day d is no date, or NULL. */
static const char *no_date(int y, long m, long d, char *why, size_t whylen)
{
    if (m < 1 || m > 12) {
        snprintf(why, whylen, "is not a calendar date: there is no month %ld", m);
        return why;
    }
    if (d < 1 || d > days_in(y, (int)m)) {
        snprintf(why, whylen, "is not a calendar date: %s %d has %d days", month_names[m - 1], y,
                 days_in(y, (int)m));
        return why;
    }
    return NULL;
}

static const char not_written[] = "is not written YYYY-MM-DD";

/* The number written with exactly two digits at p, or -1. */
static int two(const char *p)
{
    if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
        return -1;
    return (p[0] - '0') * 10 + (p[1] - '0');
}

/* Whether p is an ISO 8601 time of day as front matter writes it after
 * the date: HH:MM, then :SS and a fraction if any, then Z or an offset
 * +HH:MM / -HHMM if any. */
static bool is_time(const char *p)
{
    int h = two(p), m = h < 0 || p[2] != ':' ? -1 : two(p + 3);
    if (h < 0 || h > 23 || m < 0 || m > 59)
        return false;
    p += 5;
    if (*p == ':') {
        int sec = two(p + 1);
        if (sec < 0 || sec > 60)
            return false;
        p += 3;
        if (*p == '.' || *p == ',') {
            const char *f = ++p;
            while (*p >= '0' && *p <= '9')
                p++;
            if (p == f)
                return false;
        }
    }
    if (*p == 'Z')
        return p[1] == '\0';
    if (*p == '+' || *p == '-') {
        h = two(p + 1);
        if (h < 0 || h > 23)
            return false;
        p += 3;
        if (*p == ':')
            p++;
        m = two(p);
        return m >= 0 && m <= 59 && p[2] == '\0';
    }
    return *p == '\0';
}

const char *cc_date_check(const char *s, char fix[11], char *why, size_t whylen)
{
    const char *p = s;
    long y, m, d;
    int ny, nm, nd;
    char sep, buf[64];

    fix[0] = '\0';
    y = digits(&p, 4, &ny);
    sep = *p;
    if (ny != 4 || (sep != '-' && sep != '/' && sep != '.'))
        return not_written;
    p++;
    m = digits(&p, 2, &nm);
    if (nm < 1 || nm > 2 || *p != sep)
        return not_written;
    p++;
    d = digits(&p, 2, &nd);
    if (nd < 1 || nd > 2)
        return not_written;
    /* a date and a time (2024-10-20T10:00:00Z): the date is meant */
    if (*p != '\0' && *p != 'T' && *p != ' ')
        return not_written;
    if (no_date((int)y, m, d, why, whylen))
        return why;
    if (sep == '-' && nm == 2 && nd == 2 && (*p == '\0' || is_time(p + 1)))
        return NULL; /* 2024-10-20, 2024-10-20T10:00:00Z, 2024-10-20 10:00 */
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
    memcpy(fix, buf, 11);
    fix[10] = '\0';
    return not_written;
}
