/*
 * fx.c: exchange rates (rules/fx/ (YAML files)), read like every other rule file.
 *
 * A rate file gives, per day, how many units of each currency one unit of
 * its base is worth (the ECB's euro reference rates: base EUR;
 * scripts/fx-from-ecb.py writes them from the ECB's CSV file):
 *
 *   source: "European Central Bank, euro foreign exchange reference rates"
 *   base: EUR
 *   rates:
 *     2024-03-04: {USD: 1.0844, JPY: 162.86, GBP: 0.85525}
 *
 * Every file of every rule directory must have the same base; a day given
 * twice is an error at its second place. The days are kept sorted, each
 * with its rates, so a lookup is a binary search plus a short scan.
 */
#include "rules_build.h"

#include "alloc.h"
#include "arena.h"
#include "date.h"
#include "io.h"
#include "ysink.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fxday {
    char date[11];
    uint32_t first, n; /* rates rs->fxrates[first .. first + n) */
    const char *file;  /* where it is given, for a day given twice */
    uint32_t line, col;
} fxday;

struct cc_fxtab {
    char base[4];
    const char *base_file; /* the file that set it */
    fxday *days;
    size_t ndays, capdays;
    cc_fxrate *rates;
    size_t nrates, caprates;
    const char *source; /* of the first file */
};

static bool is_code(const char *s)
{
    return s && strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
           s[2] >= 'A' && s[2] <= 'Z';
}

/* One day of a rates: map: "2024-03-04: {USD: 1.0844, ...}". */
static void read_day(cc_ruleset *rs, ydoc *doc, const ynode *k, const ynode *v)
{
    struct cc_fxtab *t = rs->fx;
    char fix[11], why[128];
    const char *bad = cc_date_check(k->s, fix, why, sizeof why);
    fxday *day;
    size_t j;
    if (bad || strlen(k->s) != 10) {
        char hint[32];
        snprintf(hint, sizeof hint, "write %s", fix[0] ? fix : "a date YYYY-MM-DD");
        y_error(doc, k, CC_D_VALUE, hint, "rate date '%s' %s", k->s,
                bad ? bad : "is not written YYYY-MM-DD");
        return;
    }
    if (!y_expect(doc, v, Y_MAP, "a day's rates"))
        return;
    if (cc_grow((void **)&t->days, &t->capdays, t->ndays + 1, sizeof *t->days)) {
        y_error(doc, v, CC_D_NOMEM, NULL, "out of memory");
        return;
    }
    day = &t->days[t->ndays];
    memcpy(day->date, k->s, 11);
    day->first = (uint32_t)t->nrates;
    day->n = 0;
    day->file = doc->file;
    day->line = k->line;
    day->col = k->col;
    for (j = 0; j < v->n; j++) {
        const ynode *c = y_key(v, j), *r = y_val(v, j);
        cc_dec rate;
        if (!is_code(c->s)) {
            y_error(doc, c, CC_D_VALUE, "write an ISO 4217 code in capitals, e.g. USD",
                    "'%s' is not a currency code", c->s);
            continue;
        }
        if (!y_dec(doc, r, "a rate", false, &rate))
            continue;
        if (rate.neg || cc_dec_is_zero(rate)) {
            y_error(doc, r, CC_D_VALUE, "write how many units of the currency one unit of the base is",
                    "a rate must be more than 0");
            continue;
        }
        if (cc_grow((void **)&t->rates, &t->caprates, t->nrates + 1, sizeof *t->rates)) {
            y_error(doc, r, CC_D_NOMEM, NULL, "out of memory");
            return;
        }
        memcpy(t->rates[t->nrates].cur, c->s, 4);
        t->rates[t->nrates].rate = cc_dec_to_double(rate);
        t->nrates++;
        day->n++;
    }
    t->ndays++;
}

static void read_fx_file(cc_ruleset *rs, ydoc *doc)
{
    static const char *const keys[] = {"source", "base", "rates", NULL};
    struct cc_fxtab *t = rs->fx;
    const ynode *b, *m, *s;
    size_t j;
    if (!y_expect(doc, doc->root, Y_MAP, "an exchange-rate file"))
        return;
    y_check_keys(doc, doc->root, keys, "an exchange-rate file");
    if ((s = y_get(doc->root, "source")) && !t->source && y_str(doc, s, "source"))
        t->source = cc_arena_strdup(&rs->arena, s->s);
    if (!(b = y_require(doc, doc->root, "base", "an exchange-rate file")) ||
        !(m = y_require(doc, doc->root, "rates", "an exchange-rate file")))
        return;
    if (!is_code(b->s)) {
        y_error(doc, b, CC_D_VALUE, "write an ISO 4217 code in capitals, e.g. EUR",
                "'%s' is not a currency code", b->s ? b->s : "");
        return;
    }
    if (!t->base[0]) {
        memcpy(t->base, b->s, 4);
        t->base_file = doc->file;
    } else if (strcmp(t->base, b->s) != 0) {
        y_error(doc, b, CC_D_VALUE, "give every rate file of the rules one base",
                "base %s, but %s has base %s", b->s, t->base_file, t->base);
        return;
    }
    if (!y_expect(doc, m, Y_MAP, "rates"))
        return;
    for (j = 0; j < m->n; j++)
        read_day(rs, doc, y_key(m, j), y_val(m, j));
}

static int cmp_day(const void *a, const void *b)
{
    const fxday *x = a, *y = b;
    int c = strcmp(x->date, y->date);
    if (c)
        return c;
    return x->first < y->first ? -1 : x->first > y->first;
}

int cc_rules_load_fx(cc_ruleset *rs, const char *const *dirs, size_t ndirs, cc_diags *d,
                     int *errors)
{
    size_t k, i;
    for (k = 0; k < ndirs; k++) {
        char *fdir, **names;
        long n = cc_rules_list_yaml(dirs[k], "fx", "exchange rates", &fdir, &names, d, errors);
        if (n < 0)
            return CC_ERR_NOMEM;
        if (!names) {
            cc_free(fdir);
            continue;
        }
        if (n > 0 && !rs->fx && !(rs->fx = cc_calloc(1, sizeof *rs->fx))) {
            cc_free(fdir);
            return CC_ERR_NOMEM;
        }
        for (i = 0; i < (size_t)n; i++) {
            char *path = cc_rules_join_path(fdir, names[i]), *text = NULL;
            const char *file = path ? cc_arena_strdup(&rs->arena, path) : NULL;
            /* the document in an arena of its own: a year of rates is about
             * 20,000 nodes, not worth keeping once read */
            cc_arena tmp = CC_ARENA_INIT;
            ydoc doc;
            size_t len;
            int rc = CC_ERR_NOMEM;
            memset(&doc, 0, sizeof doc);
            if (file && (rc = cc_rules_read_rule_file(path, &text, &len, d)) == CC_OK)
                rc = cc_ydoc_parse_diags(&doc, &tmp, file, text, len, d);
            if (rc == CC_OK && doc.root)
                read_fx_file(rs, &doc);
            if (rc != CC_OK || doc.errors)
                (*errors)++;
            cc_ydoc_free(&doc);
            cc_arena_free(&tmp);
            cc_free(text);
            cc_free(path);
            cc_free(names[i]);
        }
        cc_free(names);
        cc_free(fdir);
    }
    if (!rs->fx)
        return CC_OK;
    /* sorted by date; a day given twice is an error where it is given again */
    qsort(rs->fx->days, rs->fx->ndays, sizeof *rs->fx->days, cmp_day);
    for (i = 1; i < rs->fx->ndays; i++)
        if (strcmp(rs->fx->days[i].date, rs->fx->days[i - 1].date) == 0) {
            const fxday *a = &rs->fx->days[i - 1], *b = &rs->fx->days[i];
            cc_diags_add(d, CC_SEV_ERROR, CC_D_VALUE, b->file, b->line, b->col, SIZE_MAX, NULL,
                         "give each day's rates once", "the rates of %s are given again (first at %s:%u)",
                         b->date, a->file, (unsigned)a->line);
            (*errors)++;
        }
    return CC_OK;
}

void cc_rules_free_fx(cc_ruleset *rs)
{
    if (!rs->fx)
        return;
    cc_free(rs->fx->days);
    cc_free(rs->fx->rates);
    cc_free(rs->fx);
    rs->fx = NULL;
}

/* Units of cur one unit of the base is worth on day, or 0. */
static double per_base(const struct cc_fxtab *t, const fxday *day, const char *cur)
{
    uint32_t i;
    if (strcmp(cur, t->base) == 0)
        return 1;
    for (i = 0; i < day->n; i++)
        if (strcmp(t->rates[day->first + i].cur, cur) == 0)
            return t->rates[day->first + i].rate;
    return 0;
}

/* Days between two YYYY-MM-DD dates, a after b; -1 when not. */
static long days_after(const char *a, const char *b)
{
    /* days from civil (Howard Hinnant's algorithm) */
    long x[2];
    int k;
    const char *s[2] = {a, b};
    for (k = 0; k < 2; k++) {
        long y = strtol(s[k], NULL, 10), m = strtol(s[k] + 5, NULL, 10),
             dd = strtol(s[k] + 8, NULL, 10), era, yoe, doy, doe;
        y -= m <= 2;
        era = (y >= 0 ? y : y - 399) / 400;
        yoe = y - era * 400;
        doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
        doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        x[k] = era * 146097 + doe;
    }
    return x[0] >= x[1] ? x[0] - x[1] : -1;
}

bool cc_ruleset_fx(const cc_ruleset *rs, const char *from, const char *to, const char *date,
                   double *rate, const char **day)
{
    const struct cc_fxtab *t = rs ? rs->fx : NULL;
    size_t lo = 0, hi;
    char fix[11], why[128];
    double f, g;
    if (!t || !t->ndays || !date || strlen(date) < 10 || !from || !to)
        return false;
    {
        char d10[11];
        memcpy(d10, date, 10);
        d10[10] = '\0';
        if (cc_date_check(d10, fix, why, sizeof why))
            return false;
    }
    /* the last day on or before date */
    hi = t->ndays;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strncmp(t->days[mid].date, date, 10) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return false;
    {
        const fxday *dd = &t->days[lo - 1];
        long gap = days_after(date, dd->date);
        if (gap < 0 || gap > CC_FX_MAX_DAYS_BACK)
            return false;
        f = per_base(t, dd, from);
        g = per_base(t, dd, to);
        if (f <= 0 || g <= 0)
            return false;
        *rate = g / f;
        if (day)
            *day = dd->date;
    }
    return true;
}

const char *cc_ruleset_fx_source(const cc_ruleset *rs)
{
    return rs && rs->fx ? rs->fx->source : NULL;
}

size_t cc_ruleset_fx_days(const cc_ruleset *rs)
{
    return rs && rs->fx ? rs->fx->ndays : 0;
}
