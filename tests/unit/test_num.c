/* test_num.c: exact decimals and qualifier intervals. */
#include "helpers.h"

#include <math.h>
#include <string.h>

static void test_num__parse_and_format_round_trip(void **state)
{
    const char *cases[][2] = {{"6.6e9", "6600000000"}, {"650e6", "650000000"},
                              {"0.5", "0.5"},          {"1e-7", "0.0000001"}, {"1e-9", "1e-9"},
                              {"37.5e9", "37500000000"}, {"1.57e11", "157000000000"},
                              {"-3.25", "-3.25"},      {"1e25", "1e+25"},
                              {"0", "0"},              {"0.000120", "0.00012"}};
    size_t i;
    char buf[CC_DEC_BUFSZ];
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_string_equal(cc_dec_format(buf, th_dec(cases[i][0])), cases[i][1]);
}

static void test_num__short_form_for_people(void **state)
{
    char buf[CC_DEC_BUFSZ];
    (void)state;
    assert_string_equal(cc_dec_format_short(buf, th_dec("13e9")), "13e9");
    assert_string_equal(cc_dec_format_short(buf, th_dec("6.6e9")), "6.6e9");
    assert_string_equal(cc_dec_format_short(buf, th_dec("650e6")), "650e6");
    assert_string_equal(cc_dec_format_short(buf, th_dec("1.57e11")), "157e9");
    assert_string_equal(cc_dec_format_short(buf, th_dec("20")), "20");
    assert_string_equal(cc_dec_format_short(buf, th_dec("500000")), "500000");
}

static void test_num__parse_rejects_malformed(void **state)
{
    cc_dec d;
    const char *bad[] = {"", "e9", "1e", "1.2.3", "1,5", "abc", "1e999999", "--1", "1e+"};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(cc_dec_parse(&d, bad[i], strlen(bad[i])), CC_ERR_INVALID);
}

/* Found by fuzz_num: 9999e99999 parsed, but its canonical form
 * 9.999e+100002 did not read back. The bound holds for the value's own
 * exponent now, so whatever parses round-trips. */
static void test_num__exponent_bound_round_trips(void **state)
{
    const char *edge[] = {"9999e99999", "1e100001", "0.001e-99998"};
    const char *ok[] = {"1e100000", "10e99999", "1e-100000", "0e999"};
    char buf[CC_DEC_BUFSZ];
    cc_dec d, e;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof edge / sizeof edge[0]; i++)
        assert_int_equal(cc_dec_parse(&d, edge[i], strlen(edge[i])), CC_ERR_INVALID);
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        assert_int_equal(cc_dec_parse(&d, ok[i], strlen(ok[i])), CC_OK);
        cc_dec_format(buf, d);
        assert_int_equal(cc_dec_parse(&e, buf, strlen(buf)), CC_OK);
        assert_int_equal(cc_dec_cmp(d, e), 0);
    }
}

static void test_num__arithmetic_is_exact(void **state)
{
    (void)state;
    /* 66 x 10^8 from two routes */
    assert_dec(cc_dec_mul(th_dec("6.6"), th_dec("1e9")), "6600000000");
    assert_dec(cc_dec_mul(th_dec("66"), th_dec("1e8")), "6.6e9");
    assert_dec(cc_dec_add(th_dec("2e12"), th_dec("1900e8")), "2.19e12");
    assert_dec(cc_dec_add(th_dec("0.1"), th_dec("0.2")), "0.3");
    assert_int_equal(cc_dec_cmp(th_dec("13e9"), th_dec("1.3e10")), 0);
    assert_true(cc_dec_cmp(th_dec("13e9"), th_dec("14e9")) < 0);
    assert_true(cc_dec_cmp(th_dec("-5"), th_dec("3")) < 0);
    assert_true(cc_dec_to_double(th_dec("6.6e9")) == 6600000000.0);
    assert_true(cc_dec_to_double(th_dec("0.3")) == 0.3);
}

static void test_num__forty_digits_are_kept_approximately(void **state)
{
    const char *s = "1234567890123456789012345678901234567890";
    cc_dec d;
    char buf[CC_DEC_BUFSZ];
    (void)state;
    assert_int_equal(cc_dec_parse(&d, s, strlen(s)), CC_OK);
    assert_true(d.inexact);
    assert_string_equal(cc_dec_format(buf, d), "1.234567890123456789e+39");
    /* products that overflow 64 bits drop low digits, not magnitude */
    d = cc_dec_mul(th_dec("999999999999999999"), th_dec("999999999999999999"));
    assert_true(cc_dec_to_double(d) > 9.9e35 && cc_dec_to_double(d) < 1.1e36);
}

static void test_num__qualifier_intervals(void **state)
{
    cc_dec v = th_dec("650e6");
    cc_interval iv;
    (void)state;
    iv = cc_interval_of(CC_Q_EXACT, v);
    assert_dec(iv.lo, "650e6");
    assert_dec(iv.hi, "650e6");
    assert_false(iv.lo_inf || iv.hi_inf);
    iv = cc_interval_of(CC_Q_AT_LEAST, v);
    assert_dec(iv.lo, "650e6");
    assert_true(iv.hi_inf);
    assert_false(iv.lo_open);
    iv = cc_interval_of(CC_Q_MORE_THAN, v);
    assert_true(iv.lo_open && iv.hi_inf);
    iv = cc_interval_of(CC_Q_UP_TO, v);
    assert_true(iv.lo_inf);
    assert_dec(iv.hi, "650e6");
    assert_false(iv.hi_open);
    iv = cc_interval_of(CC_Q_LESS_THAN, v);
    assert_true(iv.lo_inf && iv.hi_open);
    iv = cc_interval_of(CC_Q_ABOUT, th_dec("10e9"));
    assert_dec(iv.lo, "9.5e9");
    assert_dec(iv.hi, "10.5e9");
    iv = cc_interval_of(CC_Q_ALMOST, th_dec("10e9"));
    assert_dec(iv.lo, "9.5e9");
    assert_dec(iv.hi, "10e9");
    iv = cc_interval_range(th_dec("7e9"), th_dec("5e9"));
    assert_dec(iv.lo, "5e9");
    assert_dec(iv.hi, "7e9");
}

static void test_num__qualifier_names_round_trip(void **state)
{
    int q;
    (void)state;
    for (q = 0; q < CC_Q__COUNT; q++) {
        cc_qualifier back;
        assert_int_equal(cc_qualifier_from_name(&back, cc_qualifier_name((cc_qualifier)q)), CC_OK);
        assert_int_equal(back, q);
    }
    assert_int_equal(cc_qualifier_from_name(&(cc_qualifier){0}, "roughly"), CC_ERR_NOTFOUND);
}

/* Figures as people read them: digits before m, bn or tn, every digit
 * kept; thousands grouped below a million. */
static void test_num__people(void **state)
{
    static const struct {
        const char *in, *digits, *word;
    } cases[] = {
        {"13e9", "13", "bn"},          {"13.75e9", "13.75", "bn"},   {"650e6", "650", "m"},
        {"2.19e12", "2.19", "tn"},     {"57.006e9", "57.006", "bn"}, {"1e6", "1", "m"},
        {"999999", "999,999", NULL},   {"1500", "1,500", NULL},      {"23.28", "23.28", NULL},
        {"20", "20", NULL},            {"0.05", "0.05", NULL},       {"0", "0", NULL},
        {"-5e9", "-5", "bn"},          {"1.5e15", "1,500", "tn"},    {"4333e5", "433.3", "m"},
        {"1e25", "1e+25", NULL},       {"1234567890123456789", "1234567890123456789", NULL},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[CC_DEC_BUFSZ];
        const char *word = "unset";
        const char *got = cc_dec_format_people(buf, th_dec(cases[i].in), &word);
        if (strcmp(got, cases[i].digits) != 0 ||
            (cases[i].word ? !word || strcmp(word, cases[i].word) : word != NULL))
            fail_msg("%s: '%s' '%s', not '%s' '%s'", cases[i].in, got, word ? word : "(none)",
                     cases[i].digits, cases[i].word ? cases[i].word : "(none)");
    }
}

/* A value computed in floating point, to so many significant digits. */
static void test_num__from_double(void **state)
{
    (void)state;
    assert_dec(cc_dec_from_double(1.9536e9 * 0.921999, 4), "1.801e9");
    assert_dec(cc_dec_from_double(0.0061267, 6), "0.0061267");
    assert_dec(cc_dec_from_double(-2.5, 3), "-2.5");
    assert_dec(cc_dec_from_double(0, 4), "0");
    assert_dec(cc_dec_from_double(INFINITY, 4), "0");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_num__parse_and_format_round_trip),
        cmocka_unit_test(test_num__exponent_bound_round_trips),
        cmocka_unit_test(test_num__short_form_for_people),
        cmocka_unit_test(test_num__parse_rejects_malformed),
        cmocka_unit_test(test_num__arithmetic_is_exact),
        cmocka_unit_test(test_num__forty_digits_are_kept_approximately),
        cmocka_unit_test(test_num__qualifier_intervals),
        cmocka_unit_test(test_num__qualifier_names_round_trip),
        cmocka_unit_test(test_num__people),
        cmocka_unit_test(test_num__from_double),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
