/* test_report.c: the table of report formats and the table of verdicts. */
#include "helpers.h"

#include "report_priv.h"

#include <string.h>

static void test_report__every_format_name_round_trips(void **state)
{
    int i;
    (void)state;
    for (i = 0; i < CC_FMT__COUNT; i++) {
        const cc_format_info *fi = cc_format_info_get((cc_format)i);
        cc_format f = CC_FMT__COUNT;
        assert_non_null(fi);
        assert_int_equal(fi->format, i); /* row i is format i */
        assert_non_null(fi->name);
        assert_true(*fi->name);
        assert_non_null(fi->description);
        assert_true(*fi->description);
        assert_string_equal(cc_format_name((cc_format)i), fi->name);
        assert_int_equal(cc_format_from_name(&f, fi->name), CC_OK);
        assert_int_equal(f, i);
    }
}

static void test_report__format_names_are_distinct(void **state)
{
    int i, j;
    (void)state;
    for (i = 0; i < CC_FMT__COUNT; i++)
        for (j = i + 1; j < CC_FMT__COUNT; j++)
            assert_string_not_equal(cc_format_name((cc_format)i), cc_format_name((cc_format)j));
}

static void test_report__unknown_format_names_fail(void **state)
{
    static const char *const bad[] = {"", "TEXT", "Json", "tex", "texts", "json ", "xml",
                                      "sarif=x", "csv"};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cc_format f = CC_FMT_HTML;
        assert_int_equal(cc_format_from_name(&f, bad[i]), CC_ERR_NOTFOUND);
        assert_int_equal(f, CC_FMT_HTML); /* untouched */
    }
    assert_null(cc_format_info_get(CC_FMT__COUNT));
    assert_null(cc_format_info_get((cc_format)-1));
    assert_string_equal(cc_format_name(CC_FMT__COUNT), "text");
    assert_false(cc_format_needs_context(CC_FMT__COUNT));
}

static void test_report__formats_as_documented(void **state)
{
    /* report.h: the formats in the order of cc_format, after which a new one
     * may come; only html and jsonl show each observation's sentence */
    static const char *const names[] = {"text",  "json",  "jsonl",  "markdown",
                                        "sarif", "junit", "github", "html"};
    size_t i;
    (void)state;
    assert_true(CC_FMT__COUNT >= sizeof names / sizeof names[0]);
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        cc_format f;
        assert_int_equal(cc_format_from_name(&f, names[i]), CC_OK);
        assert_int_equal(f, (cc_format)i);
        assert_int_equal(cc_format_needs_context(f), f == CC_FMT_HTML || f == CC_FMT_JSONL);
        assert_int_equal(cc_format_info_get(f)->needs_context, cc_format_needs_context(f));
    }
    assert_int_equal(CC_FMT_TEXT, 0); /* the default: cc_format_name's fallback */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report__every_format_name_round_trips),
        cmocka_unit_test(test_report__format_names_are_distinct),
        cmocka_unit_test(test_report__unknown_format_names_fail),
        cmocka_unit_test(test_report__formats_as_documented),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
