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
    /* the same value, another qualifier */
    assert_int_equal(find(r, "open", NULL)->verdict, CC_VERDICT_QUALIFIER);
    assert_int_equal(find(r, "about", NULL)->verdict, CC_VERDICT_AGREE);
    /* different currencies are never compared with each other */
    assert_int_equal(find(r, "units", "EUR")->verdict, CC_VERDICT_SINGLE);
    assert_int_equal(find(r, "units", "USD")->verdict, CC_VERDICT_SINGLE);
    cc_result_free(r);
}

/* Class decisions on figures as real articles wrote them (fixtures/real),
 * each pair as the comparator meets it: value, qualifier, the other's
 * value and qualifier, the class. */
static const struct {
    const char *a;
    cc_qualifier qa;
    const char *b;
    cc_qualifier qb;
    cc_class want;
    const char *what;
} CLASSES[] = {
    {"2.9e9", CC_Q_EXACT, "2.95e9", CC_Q_EXACT, CC_CLASS_ROUNDING, "pt-uol-2 2,9 bilhões / 2,95"},
    {"6.6e9", CC_Q_EXACT, "6.65e9", CC_Q_EXACT, CC_CLASS_ROUNDING, "half a step, exactly"},
    {"13e9", CC_Q_EXACT, "13.1e9", CC_Q_EXACT, CC_CLASS_ROUNDING, "13bn / 13.1bn"},
    {"57e9", CC_Q_EXACT, "57.006e9", CC_Q_EXACT, CC_CLASS_ROUNDING, "57 billion / 57,006"},
    {"14e9", CC_Q_EXACT, "13.75e9", CC_Q_EXACT, CC_CLASS_ROUNDING, "140亿 / 13.75 billion"},
    {"29e9", CC_Q_EXACT, "29.2e9", CC_Q_EXACT, CC_CLASS_ROUNDING, "29 billion / 292亿"},
    {"4.3e9", CC_Q_EXACT, "4.34e9", CC_Q_EXACT, CC_CLASS_ROUNDING, "4,3 miljard / 4.34"},
    {"5e9", CC_Q_EXACT, "4.96e9", CC_Q_EXACT, CC_CLASS_ROUNDING, "one digit is read to two"},
    {"500e9", CC_Q_EXACT, "500e9", CC_Q_MORE_THAN, CC_CLASS_QUALIFIER, "500bn / more than 500bn"},
    {"3.2e9", CC_Q_ABOUT, "3.2e9", CC_Q_MORE_THAN, CC_CLASS_QUALIFIER, "about / exceeding $3.2bn"},
    {"1.8e9", CC_Q_EXACT, "1.84e9", CC_Q_MORE_THAN, CC_CLASS_QUALIFIER, "rounding, other qualifier"},
    {"570.1e9", CC_Q_EXACT, "57.01e9", CC_Q_EXACT, CC_CLASS_SCALE_ERROR, "pt-aibars 570,1 bilhões"},
    {"1.8e6", CC_Q_EXACT, "1.8e9", CC_Q_EXACT, CC_CLASS_SCALE_ERROR, "1,8 milhões / 1,8 bilhão"},
    {"500e6", CC_Q_EXACT, "500e9", CC_Q_EXACT, CC_CLASS_SCALE_ERROR, "500 millions / milliards"},
    {"15e6", CC_Q_EXACT, "15e9", CC_Q_ABOUT, CC_CLASS_SCALE_ERROR, "$15 million / about $15bn"},
    {"7.2", CC_Q_EXACT, "7.2e9", CC_Q_EXACT, CC_CLASS_SCALE_ERROR, "a scale word left out"},
    {"2.93e9", CC_Q_EXACT, "2.95e9", CC_Q_EXACT, CC_CLASS_CONFLICT, "2,93 Mrd. / 2.95 billion"},
    {"13e9", CC_Q_EXACT, "14e9", CC_Q_EXACT, CC_CLASS_CONFLICT, "the seeds' conflict"},
    {"13e9", CC_Q_EXACT, "13.75e9", CC_Q_EXACT, CC_CLASS_CONFLICT, "13 / 13.75 billion"},
    {"6.5e9", CC_Q_EXACT, "6.6e9", CC_Q_EXACT, CC_CLASS_CONFLICT, "6,5 / 6,6 miliardi"},
    {"138e9", CC_Q_EXACT, "183e9", CC_Q_EXACT, CC_CLASS_CONFLICT, "1380億 / 1830億: swapped"},
    {"14.03e9", CC_Q_EXACT, "14.3e9", CC_Q_EXACT, CC_CLASS_CONFLICT, "140億3000万 / 143億"},
    {"4", CC_Q_EXACT, "4.91", CC_Q_ABOUT, CC_CLASS_CONFLICT, "4% / about 4.91%"},
    {"5e9", CC_Q_EXACT, "4.3e9", CC_Q_EXACT, CC_CLASS_CONFLICT, "5 / 4,3 miljard"},
    {"130e9", CC_Q_EXACT, "13.75e9", CC_Q_EXACT, CC_CLASS_CONFLICT, "tenfold, but not rounding"},
    {"0", CC_Q_EXACT, "1e9", CC_Q_EXACT, CC_CLASS_CONFLICT, "zero is no power of ten"},
};

static void test_compare__classes(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < sizeof CLASSES / sizeof CLASSES[0]; i++) {
        cc_obs a, b;
        memset(&a, 0, sizeof a);
        memset(&b, 0, sizeof b);
        a.value = th_dec(CLASSES[i].a);
        a.qual = CLASSES[i].qa;
        a.iv = cc_interval_of(a.qual, a.value);
        b.value = th_dec(CLASSES[i].b);
        b.qual = CLASSES[i].qb;
        b.iv = cc_interval_of(b.qual, b.value);
        if (cc_classify_values(&a, &b) != CLASSES[i].want ||
            cc_classify_values(&b, &a) != CLASSES[i].want)
            fail_msg("%s: %s / %s is %s, not %s", CLASSES[i].what, CLASSES[i].a, CLASSES[i].b,
                     cc_class_name(cc_classify_values(&a, &b)), cc_class_name(CLASSES[i].want));
    }
}

/* A claim's verdict is its most severe pair; the odd one out is the camp
 * fewer articles hold; an update needs a moving value and dates apart. */
static void test_compare__verdicts_from_classes(void **state)
{
    cc_result *r;
    const cc_claimres *c;
    (void)state;
    add("slip", "a.txt", 1, "57.01e9", CC_Q_EXACT, "USD");
    add("slip", "b.txt", 1, "57.01e9", CC_Q_EXACT, "USD");
    add("slip", "c.txt", 1, "570.1e9", CC_Q_EXACT, "USD");
    /* "more than 1.8e9" and 1.84e9 are one camp, which 1.84e9 stands for */
    add("rep", "a.txt", 4, "1.8e9", CC_Q_MORE_THAN, "EUR");
    add("rep", "b.txt", 4, "1.84e9", CC_Q_EXACT, "EUR");
    add("rep", "c.txt", 4, "1.8e9", CC_Q_MORE_THAN, "EUR");
    add("rep", "d.txt", 4, "1.8e6", CC_Q_EXACT, "EUR");
    add("round", "a.txt", 2, "13e9", CC_Q_EXACT, "USD");
    add("round", "b.txt", 2, "13.1e9", CC_Q_EXACT, "USD");
    add("mixed", "a.txt", 3, "13e9", CC_Q_EXACT, "USD");
    add("mixed", "b.txt", 3, "13e9", CC_Q_EXACT, "USD");
    add("mixed", "c.txt", 3, "1.3e9", CC_Q_EXACT, "USD");
    add("mixed", "d.txt", 3, "14e9", CC_Q_EXACT, "USD");
    assert_int_equal(cc_compare_run(&r, NULL, T), CC_OK);
    c = find(r, "slip", NULL);
    assert_int_equal(c->verdict, CC_VERDICT_SCALE_ERROR);
    assert_int_equal(c->ndis, 1);
    assert_int_equal(c->dis[0].cls, CC_CLASS_SCALE_ERROR);
    assert_int_equal(c->dis[0].odd, 1); /* 570.1e9, in one article of three */
    assert_dec(c->obs[c->camps[1].rep].o->value, "570.1e9");
    c = find(r, "rep", NULL);
    assert_int_equal(c->ncamps, 2);
    assert_int_equal(c->camps[1].count, 3);
    assert_dec(c->obs[c->camps[1].rep].o->value, "1.84e9");
    assert_int_equal(c->obs[c->camps[1].rep].o->qual, CC_Q_EXACT);
    assert_int_equal(c->dis[0].cls, CC_CLASS_SCALE_ERROR);
    assert_int_equal(c->dis[0].odd, 0);
    c = find(r, "round", NULL);
    assert_int_equal(c->verdict, CC_VERDICT_AGREE);
    assert_int_equal(c->ncamps, 2);
    assert_int_equal(c->dis[0].cls, CC_CLASS_ROUNDING);
    assert_int_equal(c->dis[0].odd, -1);
    c = find(r, "mixed", NULL);
    assert_int_equal(c->verdict, CC_VERDICT_CONFLICT);
    assert_int_equal(c->ndis, 3);
    assert_int_equal(c->dis[0].cls, CC_CLASS_SCALE_ERROR); /* 1.3e9 vs 13e9 */
    assert_int_equal(c->dis[0].odd, 0);
    assert_int_equal(c->dis[1].cls, CC_CLASS_CONFLICT); /* 1.3e9 vs 14e9 */
    assert_int_equal(c->dis[1].odd, -1);
    assert_int_equal(c->dis[2].cls, CC_CLASS_CONFLICT); /* 13e9 vs 14e9 */
    assert_int_equal(c->dis[2].odd, 2);
    cc_result_free(r);
}

/* A camp all of whose mentions are forecasts, against a final figure; a
 * forecast repeated as a fact in the same article is not one. */
static void test_compare__forecast(void **state)
{
    cc_result *r;
    const cc_claimres *c;
    size_t n;
    (void)state;
    add("round", "a.txt", 1, "5e9", CC_Q_EXACT, "USD"); /* "plans to raise $5bn" */
    add("round", "b.txt", 1, "13e9", CC_Q_EXACT, "USD");
    add("round", "c.txt", 1, "13e9", CC_Q_EXACT, "USD");
    add("mixed", "a.txt", 2, "5e9", CC_Q_EXACT, "USD");  /* a forecast at line 2 */
    add("mixed", "a.txt", 3, "5e9", CC_Q_EXACT, "USD");  /* the same as a fact */
    add("mixed", "b.txt", 2, "13e9", CC_Q_EXACT, "USD");
    n = cc_obstab_count(T);
    ((cc_obs *)cc_obstab_get(T, 0))->forecast = true;
    ((cc_obs *)cc_obstab_get(T, n - 3))->forecast = true;
    assert_int_equal(cc_compare_run(&r, NULL, T), CC_OK);
    c = find(r, "round", NULL);
    assert_int_equal(c->verdict, CC_VERDICT_FORECAST);
    assert_int_equal(c->dis[0].cls, CC_CLASS_FORECAST);
    assert_int_equal(c->dis[0].odd, 0); /* the forecast's camp */
    c = find(r, "mixed", NULL);
    assert_int_equal(c->verdict, CC_VERDICT_CONFLICT);
    cc_result_free(r);
}

/* More camps than CC_MAX_PAIRED_CAMPS: each paired with the camp most
 * articles hold, in camp order, and nothing else. */
static void test_compare__many_camps_pair_with_top(void **state)
{
    cc_result *r;
    const cc_claimres *c;
    char file[32], value[32];
    size_t i, top;
    (void)state;
    for (i = 0; i < 3; i++) {
        snprintf(file, sizeof file, "top%zu.txt", i);
        add("wide", file, 1, "30e9", CC_Q_EXACT, "USD");
    }
    for (i = 0; i < CC_MAX_PAIRED_CAMPS + 4; i++) {
        snprintf(file, sizeof file, "f%02zu.txt", i);
        snprintf(value, sizeof value, "%zue9", 2 * i + 1);
        add("wide", file, 1, value, CC_Q_EXACT, "USD");
    }
    assert_int_equal(cc_compare_run(&r, NULL, T), CC_OK);
    c = find(r, "wide", NULL);
    assert_int_equal(c->ncamps, CC_MAX_PAIRED_CAMPS + 5);
    assert_int_equal(c->ndis, c->ncamps - 1);
    top = 15; /* 30e9, between 29e9 and 31e9 */
    assert_int_equal(c->top, top);
    assert_dec(c->obs[c->camps[top].rep].o->value, "30e9");
    for (i = 0; i < c->ndis; i++) {
        assert_true(c->dis[i].a == top || c->dis[i].b == top);
        assert_true(c->dis[i].a < c->dis[i].b);
        if (i > 0)
            assert_true(c->dis[i - 1].a < c->dis[i].a ||
                        (c->dis[i - 1].a == c->dis[i].a && c->dis[i - 1].b < c->dis[i].b));
    }
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
        cmocka_unit_test(test_compare__classes),
        cmocka_unit_test_setup_teardown(test_compare__forecast, setup, teardown),
        cmocka_unit_test_setup_teardown(test_compare__many_camps_pair_with_top, setup, teardown),
        cmocka_unit_test_setup_teardown(test_compare__verdicts_from_classes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_compare__many_observations, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
