/* test_rules.c: loading rules: the shipped set, and every error kind with
 * its exact message and position. */
#include "helpers.h"
#include "rules_priv.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char *MINI_PACK =
    "lang: en\n"
    "numbers: {decimal: [\".\"], group: [\",\"]}\n"
    "scales:\n  - {value: 1e9, forms: [billion]}\n"
    "currencies:\n  - {code: USD, symbols: [\"$\"], words: [dollars]}\n"
    "detect: {words: [the, and]}\n";

static int load(const char *name, const char *claims, cc_diags **d, cc_ruleset **rs)
{
    return th_load(name, "en", MINI_PACK, claims, d, rs);
}

static void expect_error(const char *name, const char *claims, uint32_t line, uint32_t col,
                         const char *message, const char *hint)
{
    cc_diags *d;
    cc_ruleset *rs = NULL;
    const cc_diag *g;
    assert_int_equal(load(name, claims, &d, &rs), CC_ERR_RULES);
    assert_null(rs);
    assert_true(cc_diags_count(d) >= 1);
    g = cc_diags_get(d, 0);
    assert_int_equal(g->severity, CC_SEV_ERROR);
    assert_non_null(strstr(g->file, "/claims/c.yaml"));
    assert_string_equal(g->message, message);
    assert_int_equal(g->line, line);
    assert_int_equal(g->column, col);
    if (hint)
        assert_string_equal(g->hint, hint);
    cc_diags_free(d);
}

static void test_rules__shipped_rules_load(void **state)
{
    const cc_ruleset *rs = th_rules();
    static const char *ids[] = {"microsoft_investment_total", "openai_loss_2024", "inflection_payment",
                                "oracle_compute_deal", "funding_round_2024", "compute_cost_2024",
                                "compute_cost_2029", "openai_valuation", "microsoft_revenue_share",
                                "microsoft_initial_investment_2019", "chatgpt_weekly_users",
                                "stargate_investment"};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        const cc_claim *c = cc_ruleset_find_claim(rs, ids[i]);
        assert_non_null(c);
        assert_true(c->nextractors > 0);
    }
    assert_non_null(cc_ruleset_find_lang(rs, "hu"));
    assert_non_null(cc_ruleset_find_lang(rs, "zh"));
    assert_null(cc_ruleset_find_lang(rs, "xx"));
    assert_int_equal(cc_ruleset_find_claim(rs, "chatgpt_weekly_users")->kind, CC_KIND_COUNT);
}

static void test_rules__yaml_syntax(void **state)
{
    (void)state;
    expect_error("syntax", "claims:\n  - id: a\n    unit: currency\n     extract: {}\n", 4, 13,
                 "YAML syntax error: mapping values are not allowed in this context",
                 "check indentation, quoting and that every key ends with ': '");
}

static void test_rules__unknown_key_with_suggestion(void **state)
{
    (void)state;
    expect_error("key",
                 "claims:\n  - id: a\n    unit: currency\n    tolerence: 0\n"
                 "    extract: {en: [{pattern: 'x %{money}'}]}\n",
                 4, 5, "unknown key 'tolerence' in a claim", "did you mean 'tolerance'?");
}

static void test_rules__wrong_type(void **state)
{
    (void)state;
    expect_error("type",
                 "claims:\n  - id: a\n    unit: currency\n    extract:\n      en: 'x %{money}'\n", 5,
                 11,
                 "a language's extractors must be a list (lines starting with '- '), not a scalar",
                 NULL);
}

static void test_rules__bad_pattern_points_into_the_file(void **state)
{
    (void)state;
    expect_error("pcre",
                 "claims:\n  - id: a\n    unit: currency\n    extract:\n"
                 "      en: [{pattern: 'paid [a-z %{money}'}]\n",
                 5, 41, "pattern does not compile: missing terminating ] for character class",
                 NULL);
}

static void test_rules__unknown_macro(void **state)
{
    (void)state;
    expect_error("macro",
                 "claims:\n  - id: a\n    unit: currency\n    extract:\n"
                 "      en: [{pattern: 'paid %{monney}'}]\n",
                 5, 28, "unknown macro %{monney} in language 'en'", "did you mean %{money}?");
}

static void test_rules__missing_value_group(void **state)
{
    (void)state;
    expect_error("value",
                 "claims:\n  - id: a\n    unit: currency\n    extract:\n"
                 "      en: [{pattern: 'paid \\$\\d+'}]\n",
                 5, 22, "pattern has no value group",
                 "use a macro such as %{money}, or name the figure (?<value>...)");
}

static void test_rules__duplicate_id(void **state)
{
    (void)state;
    expect_error("dup",
                 "claims:\n  - id: a\n    unit: currency\n    extract: {en: [{pattern: 'x %{money}'}]}\n"
                 "  - id: a\n    unit: currency\n    extract: {en: [{pattern: 'y %{money}'}]}\n",
                 5, 9, "duplicate claim id 'a'", NULL);
}

static void test_rules__aliases_share_and_bombs_stop(void **state)
{
    cc_diags *d;
    cc_ruleset *rs = NULL;
    char bomb[2048];
    size_t i, o;
    (void)state;
    /* an anchor reused: fine */
    assert_int_equal(load("alias",
                          "claims:\n  - id: a\n    unit: currency\n    extract:\n"
                          "      en:\n        - pattern: 'x %{money}'\n          not_near: &n ['first']\n"
                          "        - pattern: 'y %{money}'\n          not_near: *n\n",
                          &d, &rs),
                     CC_OK);
    cc_ruleset_free(rs);
    cc_diags_free(d);
    /* billion laughs */
    o = (size_t)snprintf(bomb, sizeof bomb, "a0: &a0 [x,x,x,x,x,x,x,x,x]\n");
    for (i = 1; i < 10; i++)
        o += (size_t)snprintf(bomb + o, sizeof bomb - o,
                              "a%zu: &a%zu [*a%zu,*a%zu,*a%zu,*a%zu,*a%zu,*a%zu,*a%zu,*a%zu,*a%zu]\n",
                              i, i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
    snprintf(bomb + o, sizeof bomb - o, "claims: *a9\n");
    assert_int_equal(load("bomb", bomb, &d, &rs), CC_ERR_RULES);
    assert_non_null(strstr(cc_diags_get(d, 0)->message, "an alias bomb?"));
    cc_diags_free(d);
}

static void test_rules__windows_and_year(void **state)
{
    (void)state;
    expect_error("window",
                 "claims:\n  - id: a\n    unit: currency\n    extract:\n"
                 "      en: [{quantity: money, near: [{pattern: 'x', within: soon}]}]\n",
                 5, 60, "bad window 'soon'", NULL);
    /* the pattern is compiled before the window is read: freed all the same
     * (a leak fuzz_rules found; the ASan build checks it) */
    expect_error("window_after_pattern",
                 "claims:\n  - id: a\n    unit: currency\n    extract:\n"
                 "      en: [{pattern: 'paid %{money} to', within: 0}]\n",
                 5, 50, "bad window '0'", NULL);
    expect_error("year",
                 "claims:\n  - id: a\n    unit: currency\n    extract:\n"
                 "      en: [{pattern: 'x %{money}', year_required: true}]\n",
                 5, 51, "year_required needs year:", NULL);
}

static void test_rules__extensions_add_languages(void **state)
{
    cc_diags *d;
    cc_ruleset *rs = NULL;
    (void)state;
    /* the extension may come before the definition */
    assert_int_equal(load("extends",
                          "claims:\n  - extends: total\n    extract: {en: [{pattern: 'put %{money}'}]}\n"
                          "    examples: [{lang: en, text: 'They put $5 billion in.', value: 5e9}]\n"
                          "  - id: total\n    unit: currency\n    extract: {en: [{pattern: 'paid %{money}'}]}\n",
                          &d, &rs),
                     CC_OK);
    assert_int_equal(cc_ruleset_find_claim(rs, "total")->nextractors, 2);
    cc_ruleset_free(rs);
    cc_diags_free(d);
    expect_error("extends_unknown",
                 "claims:\n  - id: total\n    unit: currency\n    extract: {en: [{pattern: 'x %{money}'}]}\n"
                 "  - extends: totl\n    extract: {en: [{pattern: 'y %{money}'}]}\n",
                 5, 14, "extends an unknown claim 'totl'", "did you mean 'total'?");
    expect_error("extends_both",
                 "claims:\n  - id: total\n    extends: other\n    unit: currency\n    extract: {}\n", 3, 14,
                 "a claim cannot have both id: and extends:", NULL);
}

/* cc_ruleset_load_text (the fuzzer's way in): the claim file from memory,
 * the caller's pack borrowed, used and left alive. */
static void test_rules__load_text_borrows_packs(void **state)
{
    static const char claims[] =
        "claims:\n  - id: total\n    unit: currency\n    extract: {en: [{pattern: 'paid %{money}'}]}\n";
    cc_diags *d = cc_diags_new();
    cc_lang *pack = NULL;
    cc_ruleset *rs = NULL;
    const cc_diag *g;
    int round;
    (void)state;
    assert_int_equal(cc_lang_load(&pack, "en.yaml", MINI_PACK, strlen(MINI_PACK), d), CC_OK);
    for (round = 0; round < 2; round++) {
        assert_int_equal(cc_ruleset_load_text(&rs, &pack, 1, "mem.yaml", claims, sizeof claims - 1, d),
                         CC_OK);
        assert_ptr_equal(cc_ruleset_find_lang(rs, "en"), pack);
        assert_int_equal(cc_ruleset_find_claim(rs, "total")->nextractors, 1);
        cc_ruleset_free(rs); /* not the pack: the next round uses it */
    }
    /* the text need not end in NUL (the "xyz" after it would be a syntax
     * error); errors name the given path: the 1 is not a claim */
    assert_int_equal(cc_ruleset_load_text(&rs, &pack, 1, "mem.yaml", "claims: [1]xyz", 11, d),
                     CC_ERR_RULES);
    assert_null(rs);
    g = cc_diags_get(d, 0);
    assert_non_null(g);
    assert_string_equal(g->file, "mem.yaml");
    assert_int_equal(g->line, 1);
    assert_int_equal(g->column, 10);
    cc_diags_free(d);
    cc_lang_free(pack);
}

/* Exchange rates from the shipped ECB files (rules/fx/): the day's rate,
 * a weekend's from the Friday before, cross rates, and no guess. */
static void test_rules__exchange_rates(void **state)
{
    const cc_ruleset *rs = th_rules();
    const char *day = NULL;
    double r = 0;
    (void)state;
    assert_true(cc_ruleset_fx_days(rs) > 700);
    assert_non_null(cc_ruleset_fx_source(rs));
    assert_true(cc_ruleset_fx(rs, "EUR", "USD", "2024-03-04", &r, &day));
    assert_float_equal(r, 1.0846, 1e-12);
    assert_string_equal(day, "2024-03-04");
    assert_true(cc_ruleset_fx(rs, "USD", "EUR", "2024-03-04T10:00:00Z", &r, &day));
    assert_float_equal(r, 1 / 1.0846, 1e-12);
    assert_true(cc_ruleset_fx(rs, "USD", "JPY", "2024-03-04", &r, NULL));
    assert_float_equal(r, 163.22 / 1.0846, 1e-9);
    assert_true(cc_ruleset_fx(rs, "EUR", "EUR", "2024-03-04", &r, NULL));
    assert_float_equal(r, 1, 0);
    /* Saturday and Sunday take Friday's rates */
    assert_true(cc_ruleset_fx(rs, "EUR", "USD", "2024-03-10", &r, &day));
    assert_string_equal(day, "2024-03-08");
    assert_float_equal(r, 1.0932, 1e-12);
    /* no rate: before the files, long after them, an unknown currency, a
     * date that is not one */
    assert_false(cc_ruleset_fx(rs, "EUR", "USD", "2019-03-04", &r, NULL));
    assert_false(cc_ruleset_fx(rs, "EUR", "USD", "2030-01-01", &r, NULL));
    assert_false(cc_ruleset_fx(rs, "EUR", "XXX", "2024-03-04", &r, NULL));
    assert_false(cc_ruleset_fx(rs, "EUR", "USD", "2024-02-30", &r, NULL));
    assert_false(cc_ruleset_fx(rs, "EUR", "USD", "", &r, NULL));
    assert_false(cc_ruleset_fx(rs, "EUR", "USD", NULL, &r, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules__shipped_rules_load),
        cmocka_unit_test(test_rules__yaml_syntax),
        cmocka_unit_test(test_rules__unknown_key_with_suggestion),
        cmocka_unit_test(test_rules__wrong_type),
        cmocka_unit_test(test_rules__bad_pattern_points_into_the_file),
        cmocka_unit_test(test_rules__unknown_macro),
        cmocka_unit_test(test_rules__missing_value_group),
        cmocka_unit_test(test_rules__duplicate_id),
        cmocka_unit_test(test_rules__aliases_share_and_bombs_stop),
        cmocka_unit_test(test_rules__windows_and_year),
        cmocka_unit_test(test_rules__extensions_add_languages),
        cmocka_unit_test(test_rules__load_text_borrows_packs),
        cmocka_unit_test(test_rules__exchange_rates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
