/* test_compare.c: comparator verdicts, camps, repeats, tolerance. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

static cc_obstab *T;

static int setup(void **state)
{
    (void)state;
    return cc_obstab_new(&T);
}

static int teardown(void **state)
{
    (void)state;
    cc_obstab_free(T);
    return 0;
}

static void add(const char *claim, const char *file, uint64_t start, const char *value,
                cc_qualifier q, const char *unit)
{
    cc_obs o;
    memset(&o, 0, sizeof o);
    o.claim = claim;
    o.scope = "";
    o.file = file;
    o.lang = "en";
    o.text = value;
    o.unit = unit;
    o.start = start;
    o.end = start + 5;
    o.line = (uint32_t)start;
    o.column = 1;
    o.kind = CC_KIND_MONEY;
    o.qual = q;
    o.value = th_dec(value);
    o.iv = cc_interval_of(q, o.value);
    assert_int_equal(cc_obstab_add(T, &o), CC_OK);
}

static const cc_claimres *find(const cc_result *r, const char *id, const char *unit)
{
    size_t i;
    for (i = 0; i < cc_result_count(r); i++) {
        const cc_claimres *c = cc_result_get(r, i);
        if (strcmp(c->id, id) == 0 && (!unit || strcmp(c->unit, unit) == 0))
            return c;
    }
    fail_msg("claim %s not in the result", id);
    return NULL;
}

static void test_compare__conflict_across_articles_with_camps(void **state)
{
    cc_result *r;
    const cc_claimres *c;
    (void)state;
    add("total", "000.txt", 4, "13e9", CC_Q_EXACT, "USD");
    add("total", "000.txt", 16, "13e9", CC_Q_EXACT, "USD"); /* repeated body */
    add("total", "001.txt", 3, "13e9", CC_Q_EXACT, "USD");
    add("total", "003.txt", 7, "13e9", CC_Q_EXACT, "USD");
    add("total", "003.txt", 38, "14e9", CC_Q_EXACT, "USD");
    assert_int_equal(cc_compare_run(&r, NULL, T), CC_OK);
    c = find(r, "total", NULL);
    assert_int_equal(c->verdict, CC_VERDICT_CONFLICT);
    assert_int_equal(c->nobs, 4);
    assert_int_equal(c->narticles, 3);
    assert_int_equal(c->ncamps, 2);
    assert_int_equal(c->camps[0].count, 3);
    assert_int_equal(c->camps[0].narticles, 3);
    assert_int_equal(c->camps[1].count, 1);
    assert_dec(c->obs[c->camps[1].first].o->value, "14e9");
    /* the repeat in 000 is counted once, remembered as a repeat */
    assert_string_equal(c->obs[0].o->file, "000.txt");
    assert_int_equal(c->obs[0].nrepeats, 1);
    assert_int_equal(c->obs[0].repeats[0]->line, 16);
    cc_result_free(r);
}

static void test_compare__agree_single_and_order(void **state)
{
    cc_result *r;
    (void)state;
    add("loss", "a.txt", 1, "5e9", CC_Q_EXACT, "USD");
    add("loss", "b.txt", 1, "5e9", CC_Q_UP_TO, "USD");
    add("loss", "c.txt", 1, "5e9", CC_Q_ABOUT, "USD");
    add("val", "a.txt", 2, "157e9", CC_Q_EXACT, "USD");
    add("val", "a.txt", 9, "157e9", CC_Q_EXACT, "USD");
    add("zz", "a.txt", 3, "1e9", CC_Q_EXACT, "USD");
    add("zz", "b.txt", 3, "2e9", CC_Q_EXACT, "USD");
    assert_int_equal(cc_compare_run(&r, NULL, T), CC_OK);
    assert_int_equal(find(r, "loss", NULL)->verdict, CC_VERDICT_AGREE);
    assert_int_equal(find(r, "val", NULL)->verdict, CC_VERDICT_SINGLE);
    assert_int_equal(find(r, "val", NULL)->nobs, 1);
    /* conflicts first, then agreements, then single-source claims */
    assert_string_equal(cc_result_get(r, 0)->id, "zz");
    assert_string_equal(cc_result_get(r, 1)->id, "loss");
    assert_string_equal(cc_result_get(r, 2)->id, "val");
    assert_int_equal(cc_result_count_verdict(r, CC_VERDICT_CONFLICT), 1);
    cc_result_free(r);
}

static void test_compare__conflict_inside_one_article(void **state)
{
    cc_result *r;
    (void)state;
    add("total", "003.txt", 7, "13e9", CC_Q_EXACT, "USD");
    add("total", "003.txt", 38, "14e9", CC_Q_EXACT, "USD");
    assert_int_equal(cc_compare_run(&r, NULL, T), CC_OK);
    assert_int_equal(find(r, "total", NULL)->verdict, CC_VERDICT_CONFLICT);
    assert_int_equal(find(r, "total", NULL)->narticles, 1);
    cc_result_free(r);
}

static void test_compare__intervals(void **state)
{
    cc_result *r;
    (void)state;
    add("least", "a.txt", 1, "5.4e9", CC_Q_AT_LEAST, "USD");
    add("least", "b.txt", 1, "5.4e9", CC_Q_EXACT, "USD");
    add("least", "c.txt", 1, "5e9", CC_Q_MORE_THAN, "USD"); /* all hold 5.4e9 */
    add("above", "a.txt", 2, "6e9", CC_Q_AT_LEAST, "USD");
    add("above", "b.txt", 2, "5e9", CC_Q_EXACT, "USD");
    add("open", "a.txt", 3, "500e6", CC_Q_MORE_THAN, "USD");
    add("open", "b.txt", 3, "500e6", CC_Q_EXACT, "USD"); /* excluded end */
    add("about", "a.txt", 4, "10e9", CC_Q_ABOUT, "USD");
    add("about", "b.txt", 4, "10.4e9", CC_Q_EXACT, "USD");
    add("units", "a.txt", 5, "12e9", CC_Q_EXACT, "EUR");
    add("units", "b.txt", 5, "13e9", CC_Q_EXACT, "USD");
    assert_int_equal(cc_compare_run(&r, NULL, T), CC_OK);
    assert_int_equal(find(r, "least", NULL)->verdict, CC_VERDICT_AGREE);
    assert_int_equal(find(r, "above", NULL)->verdict, CC_VERDICT_CONFLICT);
    assert_int_equal(find(r, "open", NULL)->verdict, CC_VERDICT_CONFLICT);
    assert_int_equal(find(r, "about", NULL)->verdict, CC_VERDICT_AGREE);
    /* different currencies are never compared with each other */
    assert_int_equal(find(r, "units", "EUR")->verdict, CC_VERDICT_SINGLE);
    assert_int_equal(find(r, "units", "USD")->verdict, CC_VERDICT_SINGLE);
    cc_result_free(r);
}

static void test_compare__tolerance(void **state)
{
    cc_interval a = cc_interval_of(CC_Q_EXACT, th_dec("13e9"));
    cc_interval b = cc_interval_of(CC_Q_EXACT, th_dec("13.1e9"));
    cc_interval c = cc_interval_of(CC_Q_MORE_THAN, th_dec("500e6"));
    cc_interval d = cc_interval_of(CC_Q_EXACT, th_dec("500e6"));
    (void)state;
    assert_false(cc_intervals_agree(&a, &b, 0));
    assert_true(cc_intervals_agree(&a, &b, 0.01));
    assert_false(cc_intervals_agree(&a, &b, 0.001));
    assert_false(cc_intervals_agree(&c, &d, 0));
    assert_true(cc_intervals_agree(&c, &d, 0.001));
    assert_true(cc_intervals_agree(&a, &a, 0));
}

static void test_compare__many_observations(void **state)
{
    cc_result *r;
    size_t i;
    char file[32];
    (void)state;
    for (i = 0; i < 20000; i++) {
        snprintf(file, sizeof file, "f%05zu.txt", i % 1000);
        add(i % 2 ? "odd" : "even", file, i, i % 1000 == 7 ? "14e9" : "13e9", CC_Q_EXACT, "USD");
    }
    assert_int_equal(cc_compare_run(&r, NULL, T), CC_OK);
    assert_int_equal(cc_result_count(r), 2);
    assert_int_equal(find(r, "odd", NULL)->verdict, CC_VERDICT_CONFLICT);
    assert_int_equal(find(r, "odd", NULL)->narticles, 500);
    assert_int_equal(find(r, "even", NULL)->verdict, CC_VERDICT_AGREE);
    assert_int_equal(find(r, "even", NULL)->nobs, 500);
    cc_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_compare__conflict_across_articles_with_camps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_compare__agree_single_and_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_compare__conflict_inside_one_article, setup, teardown),
        cmocka_unit_test_setup_teardown(test_compare__intervals, setup, teardown),
        cmocka_unit_test(test_compare__tolerance),
        cmocka_unit_test_setup_teardown(test_compare__many_observations, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
