/*
 * date.h: calendar dates as claimcheck reads them (front matter date:,
 * reference dates in rule files): YYYY-MM-DD (and an ISO time after it, if
 * any) and nothing else, so that a date never puts an article in a period
 * silently.
 */
#ifndef CC_DATE_H
#define CC_DATE_H

#include <stddef.h>

/* NULL when s (NUL-terminated) is a real calendar date written YYYY-MM-DD:
 * a 4-digit year, month 01-12, a day that month has (leap years too),
 * alone or followed by an ISO 8601 time ("T10:00:00Z", " 10:00+02:00"),
 * as static site generators write front matter dates.
 * Otherwise why not, as a predicate ("is not written YYYY-MM-DD", "is not
 * a calendar date: there is no month 13"), static or written into why (at
 * least 96 bytes); then fix holds the date written YYYY-MM-DD when s is a
 * real date written another way (2024/10/20, 2024-1-20, 2024.10.20, or
 * with a time that is not one, 2024-10-20T25:00), or is empty. */
const char *cc_date_check(const char *s, char fix[11], char *why, size_t whylen);

#endif
