/*
 * num.c: exact decimal arithmetic and qualifier intervals (normalization
 * stage).
 *
 * In: digits pushed one by one by the numeral parser, or ASCII decimal
 * literals from rule files and archives. Out: cc_dec values, their canonical
 * text, and the interval each qualifier stands for. Locale-free throughout.
 */
#include "claimcheck/num.h"

#include <math.h>
#include <string.h>

#define EXP_LIMIT 1000000 /* exponents saturate here */
#define MANT_PUSH_MAX UINT64_C(999999999999999999) /* push while m <= this */

static int32_t sat_exp(int64_t e)
{
    if (e > EXP_LIMIT)
        return EXP_LIMIT;
    if (e < -EXP_LIMIT)
        return -EXP_LIMIT;
    return (int32_t)e;
}

cc_dec cc_dec_from_u64(uint64_t v)
{
    cc_dec d = {v, 0, 0, 0};
    return d;
}

cc_dec cc_dec_pow10(int32_t k)
{
    cc_dec d = {1, sat_exp(k), 0, 0};
    return d;
}

void cc_dec_push_digit(cc_dec *d, int digit, bool frac)
{
    if (d->m <= MANT_PUSH_MAX) {
        d->m = d->m * 10 + (uint64_t)digit;
        if (frac)
            d->e = sat_exp((int64_t)d->e - 1);
    } else {
        if (!frac)
            d->e = sat_exp((int64_t)d->e + 1);
        if (digit)
            d->inexact = 1;
    }
}

int cc_dec_parse(cc_dec *out, const char *s, size_t n)
{
    cc_dec d = {0, 0, 0, 0};
    size_t i = 0;
    int digits = 0;
    if (i < n && (s[i] == '-' || s[i] == '+')) {
        d.neg = s[i] == '-';
        i++;
    }
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        cc_dec_push_digit(&d, s[i] - '0', false);
        digits++;
        i++;
    }
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            cc_dec_push_digit(&d, s[i] - '0', true);
            digits++;
            i++;
        }
    }
    if (!digits)
        return CC_ERR_INVALID;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        int64_t x = 0;
        int xneg = 0, xd = 0;
        i++;
        if (i < n && (s[i] == '-' || s[i] == '+')) {
            xneg = s[i] == '-';
            i++;
        }
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            x = x * 10 + (s[i] - '0');
            if (x > 100000)
                return CC_ERR_INVALID;
            xd++;
            i++;
        }
        if (!xd)
            return CC_ERR_INVALID;
        d.e = sat_exp((int64_t)d.e + (xneg ? -x : x));
    }
    if (i != n)
        return CC_ERR_INVALID;
    if (d.m == 0) {
        d.neg = 0;
        d.e = 0;
    } else {
        /* the value's own exponent (as cc_dec_format writes it) stays
         * within the bound too, so that what is written reads back */
        int64_t mag = d.e;
        uint64_t m;
        for (m = d.m; m >= 10; m /= 10)
            mag++;
        if (mag > 100000 || mag < -100000)
            return CC_ERR_INVALID;
    }
    *out = d;
    return CC_OK;
}

bool cc_dec_is_zero(cc_dec a)
{
    return a.m == 0;
}

cc_dec cc_dec_norm(cc_dec a)
{
    if (a.m == 0) {
        a.e = 0;
        a.neg = 0;
        return a;
    }
    while (a.m % 10 == 0) {
        a.m /= 10;
        a.e = sat_exp((int64_t)a.e + 1);
    }
    return a;
}

/* Drops the last digit of a's mantissa. */
static void drop_digit(cc_dec *a)
{
    if (a->m % 10)
        a->inexact = 1;
    a->m /= 10;
    a->e = sat_exp((int64_t)a->e + 1);
}

cc_dec cc_dec_mul(cc_dec a, cc_dec b)
{
    cc_dec r;
    a = cc_dec_norm(a);
    b = cc_dec_norm(b);
    if (a.m == 0 || b.m == 0)
        return cc_dec_from_u64(0);
    while (a.m > UINT64_MAX / b.m) {
        if (a.m >= b.m)
            drop_digit(&a);
        else
            drop_digit(&b);
    }
    r.m = a.m * b.m;
    r.e = sat_exp((int64_t)a.e + b.e);
    r.neg = a.neg ^ b.neg;
    r.inexact = a.inexact | b.inexact;
    return r;
}

static const uint64_t P10[20] = {1ull,
                                 10ull,
                                 100ull,
                                 1000ull,
                                 10000ull,
                                 100000ull,
                                 1000000ull,
                                 10000000ull,
                                 100000000ull,
                                 1000000000ull,
                                 10000000000ull,
                                 100000000000ull,
                                 1000000000000ull,
                                 10000000000000ull,
                                 100000000000000ull,
                                 1000000000000000ull,
                                 10000000000000000ull,
                                 100000000000000000ull,
                                 1000000000000000000ull,
                                 10000000000000000000ull};

/* Brings a and b to one exponent, dropping low digits of the operand with
 * the smaller exponent when the other cannot be scaled up. */
static void align(cc_dec *a, cc_dec *b)
{
    while (a->e != b->e) {
        cc_dec *hi = a->e > b->e ? a : b, *lo = hi == a ? b : a;
        int64_t diff = (int64_t)hi->e - lo->e;
        if (hi->m == 0) {
            hi->e = lo->e;
            break;
        }
        if (diff < 20 && hi->m <= UINT64_MAX / P10[diff]) {
            hi->m *= P10[diff];
            hi->e = lo->e;
        } else if (hi->m <= UINT64_MAX / 10) {
            hi->m *= 10;
            hi->e--;
        } else {
            drop_digit(lo);
            if (lo->m == 0)
                lo->e = hi->e;
        }
    }
}

cc_dec cc_dec_add(cc_dec a, cc_dec b)
{
    cc_dec r = {0, 0, 0, 0};
    a = cc_dec_norm(a);
    b = cc_dec_norm(b);
    if (a.m == 0)
        return b;
    if (b.m == 0)
        return a;
    align(&a, &b);
    r.e = a.e;
    r.inexact = a.inexact | b.inexact;
    if (a.neg == b.neg) {
        if (a.m > UINT64_MAX - b.m) {
            drop_digit(&a);
            drop_digit(&b);
            r.e = a.e;
            r.inexact |= a.inexact | b.inexact;
        }
        r.m = a.m + b.m;
        r.neg = a.neg;
    } else if (a.m >= b.m) {
        r.m = a.m - b.m;
        r.neg = a.neg;
    } else {
        r.m = b.m - a.m;
        r.neg = b.neg;
    }
    return cc_dec_norm(r);
}

static int u64_digits(uint64_t m, char out[21])
{
    char tmp[21];
    int n = 0, i;
    do {
        tmp[n++] = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    for (i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
    return n;
}

int cc_dec_cmp(cc_dec a, cc_dec b)
{
    char da[21], db[21];
    int na, nb, sign, i;
    int64_t ma, mb;
    a = cc_dec_norm(a);
    b = cc_dec_norm(b);
    if (a.m == 0 && b.m == 0)
        return 0;
    if (a.m == 0)
        return b.neg ? 1 : -1;
    if (b.m == 0)
        return a.neg ? -1 : 1;
    if (a.neg != b.neg)
        return a.neg ? -1 : 1;
    sign = a.neg ? -1 : 1;
    na = u64_digits(a.m, da);
    nb = u64_digits(b.m, db);
    ma = (int64_t)na + a.e; /* order of magnitude */
    mb = (int64_t)nb + b.e;
    if (ma != mb)
        return ma < mb ? -sign : sign;
    for (i = 0; i < na || i < nb; i++) {
        char ca = i < na ? da[i] : '0', cb = i < nb ? db[i] : '0';
        if (ca != cb)
            return ca < cb ? -sign : sign;
    }
    return 0;
}

double cc_dec_to_double(cc_dec a)
{
    static const double p10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    double v;
    a = cc_dec_norm(a);
    if (a.m == 0)
        return 0.0;
    if (a.m < (UINT64_C(1) << 53) && a.e >= -22 && a.e <= 22)
        v = a.e >= 0 ? (double)a.m * p10[a.e] : (double)a.m / p10[-a.e];
    else if (a.e > 400)
        v = HUGE_VAL;
    else if (a.e < -400)
        v = 0.0;
    else
        v = (double)a.m * pow(10.0, (double)a.e);
    return a.neg ? -v : v;
}

char *cc_dec_format(char buf[CC_DEC_BUFSZ], cc_dec a)
{
    char d[21];
    int nd, i;
    char *o = buf;
    int64_t e;

    a = cc_dec_norm(a);
    if (a.m == 0) {
        strcpy(buf, "0");
        return buf;
    }
    nd = u64_digits(a.m, d);
    e = a.e;
    if (a.neg)
        *o++ = '-';
    if (e >= 0 && nd + e <= 21) {
        memcpy(o, d, (size_t)nd);
        o += nd;
        for (i = 0; i < e; i++)
            *o++ = '0';
    } else if (e < 0 && -e < nd) {
        int ip = nd + (int)e;
        memcpy(o, d, (size_t)ip);
        o += ip;
        *o++ = '.';
        memcpy(o, d + ip, (size_t)(nd - ip));
        o += nd - ip;
    } else if (e < 0 && -e - nd <= 6) {
        *o++ = '0';
        *o++ = '.';
        for (i = 0; i < -e - nd; i++)
            *o++ = '0';
        memcpy(o, d, (size_t)nd);
        o += nd;
    } else {
        int64_t x = e + nd - 1;
        char xs[21];
        *o++ = d[0];
        if (nd > 1) {
            *o++ = '.';
            memcpy(o, d + 1, (size_t)(nd - 1));
            o += nd - 1;
        }
        *o++ = 'e';
        *o++ = x < 0 ? '-' : '+';
        u64_digits((uint64_t)(x < 0 ? -x : x), xs);
        strcpy(o, xs);
        o += strlen(xs);
    }
    *o = '\0';
    return buf;
}

char *cc_dec_format_short(char buf[CC_DEC_BUFSZ], cc_dec a)
{
    char d[21];
    int nd, p, i;
    int64_t mag, k;
    char *o = buf;

    a = cc_dec_norm(a);
    if (a.m == 0)
        return cc_dec_format(buf, a);
    nd = u64_digits(a.m, d);
    mag = (int64_t)nd - 1 + a.e; /* value is d.ddd x 10^mag */
    if (mag < 6 || mag > 99999)
        return cc_dec_format(buf, a);
    k = (mag / 3) * 3;
    p = (int)(mag - k) + 1; /* digits before the point */
    if (a.neg)
        *o++ = '-';
    for (i = 0; i < p; i++)
        *o++ = i < nd ? d[i] : '0';
    if (nd > p) {
        *o++ = '.';
        for (i = p; i < nd; i++)
            *o++ = d[i];
    }
    *o++ = 'e';
    {
        char xs[21];
        u64_digits((uint64_t)k, xs);
        strcpy(o, xs);
    }
    return buf;
}

char *cc_dec_format_people(char buf[CC_DEC_BUFSZ], cc_dec a, const char **word)
{
    static const char *const words[] = {"m", "bn", "tn"};
    char d[21];
    int nd, p, i, w;
    int64_t mag, k;
    char *o = buf;

    *word = NULL;
    a = cc_dec_norm(a);
    if (a.m == 0)
        return strcpy(buf, "0");
    nd = u64_digits(a.m, d);
    mag = (int64_t)nd - 1 + a.e; /* value is d.ddd x 10^mag */
    if (mag < -6 || mag > 20 || (mag >= 6 && nd > 15))
        return cc_dec_format(buf, a);
    if (a.neg)
        *o++ = '-';
    if (mag >= 6) {
        w = mag >= 12 ? 2 : mag >= 9 ? 1 : 0;
        k = 6 + 3 * w;
        *word = words[w];
    } else {
        k = 0;
    }
    p = (int)(mag - k) + 1; /* digits before the point; <= 0 below 1 */
    if (p <= 0) {
        *o++ = '0';
        *o++ = '.';
        for (i = p; i < 0; i++)
            *o++ = '0';
        for (i = 0; i < nd; i++)
            *o++ = d[i];
    } else {
        for (i = 0; i < p; i++) {
            /* thousands grouped below a million, and in 1,500 tn */
            if (i > 0 && (p - i) % 3 == 0)
                *o++ = ',';
            *o++ = i < nd ? d[i] : '0';
        }
        if (nd > p) {
            *o++ = '.';
            for (i = p; i < nd; i++)
                *o++ = d[i];
        }
    }
    *o = '\0';
    return buf;
}

cc_interval cc_interval_range(cc_dec lo, cc_dec hi)
{
    cc_interval iv;
    memset(&iv, 0, sizeof iv);
    if (cc_dec_cmp(lo, hi) > 0) {
        cc_dec t = lo;
        lo = hi;
        hi = t;
    }
    iv.lo = lo;
    iv.hi = hi;
    return iv;
}

cc_interval cc_interval_of(cc_qualifier q, cc_dec v)
{
    cc_interval iv;
    cc_dec below = {100 - CC_ABOUT_BAND_PERCENT, -2, 0, 0};
    cc_dec above = {100 + CC_ABOUT_BAND_PERCENT, -2, 0, 0};
    memset(&iv, 0, sizeof iv);
    iv.lo = iv.hi = v;
    switch (q) {
    case CC_Q_AT_LEAST:
        iv.hi_inf = 1;
        break;
    case CC_Q_MORE_THAN:
        iv.hi_inf = 1;
        iv.lo_open = 1;
        break;
    case CC_Q_UP_TO:
        iv.lo_inf = 1;
        break;
    case CC_Q_LESS_THAN:
        iv.lo_inf = 1;
        iv.hi_open = 1;
        break;
    case CC_Q_ABOUT:
        return cc_interval_range(cc_dec_mul(v, below), cc_dec_mul(v, above));
    case CC_Q_ALMOST:
        return cc_interval_range(cc_dec_mul(v, below), v);
    default:
        break;
    }
    return iv;
}

static const char *const QNAMES[CC_Q__COUNT] = {"exact",     "at_least", "more_than",
                                                "up_to",     "less_than", "about",
                                                "almost",    "range"};

const char *cc_qualifier_name(cc_qualifier q)
{
    return (unsigned)q < CC_Q__COUNT ? QNAMES[q] : "exact";
}

int cc_qualifier_from_name(cc_qualifier *out, const char *name)
{
    int i;
    for (i = 0; i < CC_Q__COUNT; i++)
        if (strcmp(QNAMES[i], name) == 0) {
            *out = (cc_qualifier)i;
            return CC_OK;
        }
    return CC_ERR_NOTFOUND;
}

cc_dec cc_dec_from_double(double x, int digits)
{
    cc_dec r = {0, 0, 0, 0};
    double m;
    int e;
    if (!isfinite(x) || x == 0 || digits < 1 || digits > 17)
        return r;
    r.neg = x < 0;
    x = fabs(x);
    e = (int)floor(log10(x)) - (digits - 1);
    m = e >= 0 ? x / pow(10, e) : x * pow(10, -e);
    r.m = (uint64_t)llround(m);
    r.e = e;
    return cc_dec_norm(r);
}
