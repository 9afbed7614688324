/* test_lang.c: language packs: number grammar, scales, units, qualifiers,
 * ranges, vague amounts, conversions, macros. */
#include "helpers.h"

#include "lang_priv.h"

#include <string.h>

typedef struct numcase {
    const char *lang, *text, *value, *unit;
    cc_qualifier qual;
} numcase;

static void check_cases(const numcase *c, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        cc_quantity q;
        char buf[256];
        size_t got = th_scan(c[i].lang, c[i].text, &q, buf, sizeof buf);
        if (got == 0 || cc_dec_cmp(q.value, th_dec(c[i].value)) != 0 ||
            (c[i].unit && (!q.unit || strcmp(q.unit, c[i].unit) != 0)) || q.qual != c[i].qual) {
            char v[CC_DEC_BUFSZ];
            print_error("%s \"%s\": got %zu quantities, first \"%s\" = %s %s %s; want %s %s %s\n",
                        c[i].lang, c[i].text, got, got ? buf : "", got ? cc_dec_format(v, q.value) : "-",
                        got && q.unit ? q.unit : "-", got ? cc_qualifier_name(q.qual) : "-",
                        c[i].value, c[i].unit ? c[i].unit : "-", cc_qualifier_name(c[i].qual));
            fail();
        }
    }
}

static void test_lang__seed_forms(void **state)
{
    static const numcase c[] = {
        {"hu", "6,6 milliárd dolláros", "6.6e9", "USD", CC_Q_EXACT},
        {"hu", "37,5 milliárd dollárra", "37.5e9", "USD", CC_Q_EXACT},
        {"hu", "13 milliárd dollárt", "13e9", "USD", CC_Q_EXACT},
        {"hu", "legalább 5,4 milliárd dolláros", "5.4e9", "USD", CC_Q_AT_LEAST},
        {"hu", "nagyjából 10 milliárd dolláros", "10e9", "USD", CC_Q_ABOUT},
        {"pl", "13 miliardów dolarów", "13e9", "USD", CC_Q_EXACT},
        {"pl", "6,6 miliarda dolarów", "6.6e9", "USD", CC_Q_EXACT},
        {"pl", "co najmniej 650 milionów dolarów", "650e6", "USD", CC_Q_AT_LEAST},
        {"pl", "straty sięgające 5 miliardów dolarów", "5e9", "USD", CC_Q_UP_TO},
        {"pl", "20-procentową prowizję", "20", "percent", CC_Q_EXACT},
        {"zh", "130亿美元", "1.3e10", "USD", CC_Q_EXACT},
        {"zh", "至少6.5亿美元", "6.5e8", "USD", CC_Q_AT_LEAST},
        {"zh", "1570亿美元", "1.57e11", "USD", CC_Q_EXACT},
        {"zh", "约100亿美元", "1e10", "USD", CC_Q_ABOUT},
        {"it", "$ 1 miliardo", "1e9", "USD", CC_Q_EXACT},
        {"it", "oltre 500 milioni di utenti settimanali", "5e8", "users", CC_Q_MORE_THAN},
        {"it", "$ 500 miliardi", "500e9", "USD", CC_Q_EXACT},
    };
    (void)state;
    check_cases(c, sizeof c / sizeof c[0]);
}

static void test_lang__separators_depend_on_language(void **state)
{
    static const numcase c[] = {
        {"en", "$6,600 million", "6.6e9", "USD", CC_Q_EXACT},   /* comma groups */
        {"pl", "6,600 mld dolarów", "6.6e9", "USD", CC_Q_EXACT}, /* comma is decimal */
        {"hu", "4 700 milliárd forint", "4.7e12", "HUF", CC_Q_EXACT},
        {"hu", "4\xc2\xa0" "700 milliárd forint", "4.7e12", "HUF", CC_Q_EXACT}, /* NBSP */
        {"it", "1.570 milioni di dollari", "1.57e9", "USD", CC_Q_EXACT},
        {"pl", "13 000 000 000 dolarów", "13e9", "USD", CC_Q_EXACT},
        {"zh", "1,570亿美元", "1.57e11", "USD", CC_Q_EXACT},
        {"zh", "１３０亿美元", "1.3e10", "USD", CC_Q_EXACT}, /* full-width digits */
    };
    (void)state;
    check_cases(c, sizeof c / sizeof c[0]);
}

static void test_lang__number_words_and_cjk_numerals(void **state)
{
    static const numcase c[] = {
        {"en", "three billion dollars", "3e9", "USD", CC_Q_EXACT},
        {"en", "two hundred and fifty million dollars", "250e6", "USD", CC_Q_EXACT},
        {"hu", "kétmilliárd dollárt", "2e9", "USD", CC_Q_EXACT},
        {"hu", "tizenhárom milliárd dollár", "13e9", "USD", CC_Q_EXACT},
        {"pl", "dwa miliardy dolarów", "2e9", "USD", CC_Q_EXACT},
        {"pl", "pół miliarda dolarów", "0.5e9", "USD", CC_Q_EXACT},
        {"it", "un miliardo di dollari", "1e9", "USD", CC_Q_EXACT},
        {"it", "mille miliardi di dollari", "1e12", "USD", CC_Q_EXACT},
        {"zh", "十三亿美元", "1.3e9", "USD", CC_Q_EXACT},
        {"zh", "两千万美元", "2e7", "USD", CC_Q_EXACT},
        {"zh", "一百亿美元", "1e10", "USD", CC_Q_EXACT},
        {"zh", "1.5万亿元", "1.5e12", "CNY", CC_Q_EXACT},
        {"zh", "2兆1900亿日元", "2.19e12", "JPY", CC_Q_EXACT},
    };
    (void)state;
    check_cases(c, sizeof c / sizeof c[0]);
}

static void test_lang__false_friend_billions(void **state)
{
    static const numcase c[] = {
        {"en", "1 billion dollars", "1e9", "USD", CC_Q_EXACT},
        {"hu", "1 billió forint", "1e12", "HUF", CC_Q_EXACT},
        {"pl", "1 bilion złotych", "1e12", "PLN", CC_Q_EXACT},
        {"it", "1 bilione di euro", "1e12", "EUR", CC_Q_EXACT},
    };
    (void)state;
    check_cases(c, sizeof c / sizeof c[0]);
}

static void test_lang__qualifiers_before_and_after(void **state)
{
    static const numcase c[] = {
        {"en", "more than 500 million users", "500e6", "users", CC_Q_MORE_THAN},
        {"en", "$5 billion or more", "5e9", "USD", CC_Q_AT_LEAST},
        {"hu", "100 millió dollár alatti", "100e6", "USD", CC_Q_LESS_THAN},
        {"hu", "6,6 milliárd dollár körüli", "6.6e9", "USD", CC_Q_ABOUT},
        {"zh", "100亿美元左右", "1e10", "USD", CC_Q_ABOUT},
        {"zh", "50亿美元以上", "5e9", "USD", CC_Q_AT_LEAST},
        {"zh", "5亿多用户", "5e8", "users", CC_Q_MORE_THAN},
        {"it", "fino a 500 miliardi di dollari", "500e9", "USD", CC_Q_UP_TO},
        {"pl", "prawie 14 mld dolarów", "14e9", "USD", CC_Q_ALMOST},
    };
    (void)state;
    check_cases(c, sizeof c / sizeof c[0]);
}

static void test_lang__ranges_and_vague_amounts(void **state)
{
    cc_quantity q;
    (void)state;
    assert_int_equal(th_scan("en", "$5-7 billion", &q, NULL, 0), 1);
    assert_int_equal(q.qual, CC_Q_RANGE);
    assert_dec(q.iv.lo, "5e9");
    assert_dec(q.iv.hi, "7e9");
    assert_int_equal(th_scan("pl", "od 5 do 7 miliardów dolarów", &q, NULL, 0), 1);
    assert_dec(q.iv.lo, "5e9");
    assert_dec(q.iv.hi, "7e9");
    assert_int_equal(th_scan("zh", "50至70亿美元", &q, NULL, 0), 1);
    assert_dec(q.iv.lo, "5e9");
    assert_int_equal(th_scan("zh", "数十亿美元", &q, NULL, 0), 1);
    assert_true(q.vague);
    assert_dec(q.iv.lo, "1e9");
    assert_dec(q.iv.hi, "1e10");
    assert_int_equal(th_scan("it", "decine di miliardi di dollari", &q, NULL, 0), 1);
    assert_true(q.vague);
    assert_int_equal(th_scan("hu", "több milliárd dollárt", &q, NULL, 0), 1);
    assert_true(q.vague);
    assert_int_equal(th_scan("pl", "setkami milionów dolarów", &q, NULL, 0), 1);
    assert_true(q.vague);
}

static void test_lang__conversions_in_brackets_are_linked(void **state)
{
    cc_quantity q[4];
    (void)state;
    assert_int_equal(th_scan_all("en", "$13 billion (€12 billion) in total", q, 4), 2);
    assert_int_equal(q[0].conversion_of, -1);
    assert_int_equal(q[1].conversion_of, 0);
    assert_string_equal(q[1].unit, "EUR");
    assert_int_equal(th_scan_all("zh", "140亿美元（约合1000亿元人民币）", q, 4), 2);
    assert_int_equal(q[1].conversion_of, 0);
    /* same currency in brackets is not a conversion */
    assert_int_equal(th_scan_all("en", "$13 billion ($13bn)", q, 4), 2);
    assert_int_equal(q[1].conversion_of, -1);
}

/* conversion_marks: the article's own conversion written out */
static void test_lang__conversions_after_marks_are_linked(void **state)
{
    static const struct {
        const char *lang, *text;
        int linked;
    } c[] = {{"ja", "18億ユーロ、日本円で2900億円を超える制裁金", 1},
             {"cs", "až 23 miliard dolarů, tedy v přepočtu asi 535 miliard Kč", 1},
             {"en", "EUR 1.8 billion, or $1.95 billion, on Monday", 1},
             {"de", "1,8 Milliarden Euro, umgerechnet rund 1,95 Milliarden Dollar", 1},
             /* another currency without a mark is another figure */
             {"en", "EUR 1.8 billion and $1.95 billion", 0},
             /* the same currency after a mark is not a conversion */
             {"en", "$5 billion or $6 billion", 0},
             /* a mark too far from the amounts is not one */
             {"en", "EUR 1.8 billion was paid by the company over the years, or $1.95 billion", 0}};
    cc_quantity q[4];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        assert_int_equal(th_scan_all(c[i].lang, c[i].text, q, 4), 2);
        assert_int_equal(q[0].conversion_of, -1);
        assert_int_equal(q[1].conversion_of, c[i].linked ? 0 : -1);
    }
}

static void test_lang__not_quantities(void **state)
{
    static const struct {
        const char *lang, *text;
    } c[] = {{"en", "GPT-4 and GPT-5 and o4 and 4o"},
             {"en", "see https://example.com/2024/10/17/the-14-billion-question"},
             {"zh", "一边是想要更多钱"},
             {"zh", "三家公司合作"},
             {"pl", "technologie o4, GPT-4"},
             {"hu", "a hónap elején"},
             {"it", "un mese fa"},
             {"en", "a month later"}};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        char buf[128];
        size_t n = th_scan(c[i].lang, c[i].text, NULL, buf, sizeof buf);
        if (n) {
            print_error("%s \"%s\": found \"%s\"\n", c[i].lang, c[i].text, buf);
            fail();
        }
    }
}

static void test_lang__macros_expand_and_report_unknown(void **state)
{
    const cc_lang *l = cc_ruleset_find_lang(th_rules(), "en");
    cc_buf out = CC_BUF_INIT;
    char err[256], hint[128];
    size_t off = 0;
    (void)state;
    assert_non_null(cc_lang_macro(l, "money"));
    assert_non_null(cc_lang_macro(l, "percent"));
    assert_non_null(cc_lang_macro(l, "count"));
    assert_non_null(cc_lang_macro(l, "quantity"));
    assert_int_equal(cc_lang_expand(l, "paid %{money}", 13, &out, NULL, err, sizeof err, hint,
                                    sizeof hint, &off), 0);
    assert_non_null(strstr(out.p, "(?<value>"));
    cc_buf_reset(&out);
    assert_int_equal(cc_lang_expand(l, "paid %{monney}", 14, &out, NULL, err, sizeof err, hint,
                                    sizeof hint, &off), -1);
    assert_int_equal(off, 5);
    assert_string_equal(err, "unknown macro %{monney} in language 'en'");
    assert_string_equal(hint, "did you mean %{money}?");
    cc_buf_reset(&out);
    assert_int_equal(cc_lang_expand(l, "x %{money", 9, &out, NULL, err, sizeof err, hint,
                                    sizeof hint, &off), -1);
    assert_string_equal(err, "unterminated macro: '%{' without '}'");
    cc_buf_free(&out);
}

static void test_lang__nearest_year(void **state)
{
    const cc_ruleset *rs = th_rules();
    const cc_lang *en = cc_ruleset_find_lang(rs, "en");
    cc_rxctx c;
    const char *t = "costs of $5.4bn this year, rising to $37.5bn in 2029";
    int year, rel;
    size_t ya = 0, yb = 0;
    (void)state;
    assert_int_equal(cc_rxctx_init(&c, 64), 0);
    /* $5.4bn: "this year" is closer than 2029 (behind a comma) */
    assert_int_equal(cc_lang_nearest_year(en, &c, t, 0, strlen(t), 9, 15, &year, &rel, &ya, &yb), 1);
    assert_int_equal(rel, 1);
    assert_int_equal(year, 0);
    assert_int_equal(ya, 16);
    assert_int_equal(yb, 25);
    assert_int_equal(cc_lang_nearest_year(en, &c, t, 0, strlen(t), 37, 44, &year, &rel, NULL, NULL), 1);
    assert_int_equal(rel, 0);
    assert_int_equal(year, 2029);
    cc_rxctx_free(&c);
}

/* The longest form wins, whatever the order or the length of its YAML:
 * a regex form that could read "two" out of "twoscore" does not shadow the
 * literal. */
static void test_lang__longest_form_wins(void **state)
{
    static const char *pack =
        "lang: xx\n"
        "numbers:\n"
        "  decimal: [\".\"]\n"
        "  group: [\",\"]\n"
        "  words:\n"
        "    - {value: 2, forms: [\"/tw(?:o|ain)/\"]}\n"
        "    - {value: 40, forms: [twoscore]}\n"
        "scales:\n"
        "  - {value: 1e6, forms: [\"/mil+(?:ion)?/\", mn]}\n"
        "currencies:\n"
        "  - {code: USD, symbols: [\"$\"], words: [dollars]}\n"
        "detect: {words: [the]}\n";
    cc_ruleset *rs;
    cc_diags *d;
    cc_quantity q[4];
    (void)state;
    assert_int_equal(th_load("longest", "xx", pack, NULL, &d, &rs), CC_OK);
    assert_int_equal(th_scan_in(rs, "xx", "twoscore million dollars", q, 4), 1);
    assert_dec(q[0].value, "4e7");
    assert_int_equal(th_scan_in(rs, "xx", "twain million dollars", q, 4), 1);
    assert_dec(q[0].value, "2e6");
    assert_int_equal(th_scan_in(rs, "xx", "two mil dollars", q, 4), 1);
    assert_dec(q[0].value, "2e6");
    cc_ruleset_free(rs);
    cc_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lang__seed_forms),
        cmocka_unit_test(test_lang__separators_depend_on_language),
        cmocka_unit_test(test_lang__number_words_and_cjk_numerals),
        cmocka_unit_test(test_lang__false_friend_billions),
        cmocka_unit_test(test_lang__qualifiers_before_and_after),
        cmocka_unit_test(test_lang__ranges_and_vague_amounts),
        cmocka_unit_test(test_lang__conversions_in_brackets_are_linked),
        cmocka_unit_test(test_lang__conversions_after_marks_are_linked),
        cmocka_unit_test(test_lang__not_quantities),
        cmocka_unit_test(test_lang__macros_expand_and_report_unknown),
        cmocka_unit_test(test_lang__nearest_year),
        cmocka_unit_test(test_lang__longest_form_wins),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
