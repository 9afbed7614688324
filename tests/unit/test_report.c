/* test_report.c: the table of report formats and the table of verdicts. */
#include "helpers.h"

#include "report_priv.h"

#include <stdbool.h>
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

static bool nonempty(const char *s)
{
    return s && *s;
}

static void test_report__every_verdict_has_every_label(void **state)
{
    int i;
    (void)state;
    for (i = 0; i < CC_VERDICT__COUNT; i++) {
        const cc_verdict_info *vi = &CC_VERDICTS[i];
        char upper[32];
        size_t k;
        assert_int_equal(vi->verdict, i); /* row i is verdict i */
        assert_ptr_equal(cc_verdict_info_of((cc_verdict)i), vi);
        assert_true(nonempty(vi->name));
        assert_string_equal(vi->name, cc_verdict_name((cc_verdict)i));
        /* the text label is the name in capitals */
        assert_true(nonempty(vi->label));
        assert_true(strlen(vi->name) < sizeof upper);
        for (k = 0; vi->name[k]; k++)
            upper[k] = (char)(vi->name[k] >= 'a' && vi->name[k] <= 'z' ? vi->name[k] - 32
                                                                         : vi->name[k]);
        upper[k] = '\0';
        assert_string_equal(vi->label, upper);
        assert_true(nonempty(vi->color));
        assert_true(nonempty(vi->html_color));
        assert_int_equal(vi->html_color[0], '#');
        assert_memory_equal(vi->color, "\033[", 2);
        assert_int_equal(vi->color[strlen(vi->color) - 1], 'm');
        assert_true(nonempty(vi->count));
        assert_true(nonempty(vi->count_short));
        assert_true(nonempty(vi->markdown_section));
        /* a finding is reported by SARIF and GitHub, and only a finding */
        assert_int_equal(vi->sarif_level != NULL, vi->fails);
        assert_int_equal(vi->github_level != NULL, vi->fails);
        assert_int_equal(vi->github_title != NULL, vi->fails);
        if (vi->fails) {
            assert_true(strcmp(vi->sarif_level, "error") == 0 ||
                        strcmp(vi->sarif_level, "warning") == 0 ||
                        strcmp(vi->sarif_level, "note") == 0);
            assert_true(strcmp(vi->github_level, "error") == 0 ||
                        strcmp(vi->github_level, "warning") == 0 ||
                        strcmp(vi->github_level, "notice") == 0);
            assert_true(nonempty(vi->github_title));
        }
        /* a disagreement that is not a finding (qualifiers, an update) is
         * shown with its camps but reported to no code-scanning tool */
        assert_true(!vi->disagree || vi->fails || (!vi->sarif_level && !vi->github_level));
    }
}

static void test_report__verdict_names_are_distinct(void **state)
{
    int i, j;
    (void)state;
    for (i = 0; i < CC_VERDICT__COUNT; i++)
        for (j = i + 1; j < CC_VERDICT__COUNT; j++) {
            assert_string_not_equal(CC_VERDICTS[i].name, CC_VERDICTS[j].name);
            assert_string_not_equal(CC_VERDICTS[i].label, CC_VERDICTS[j].label);
            assert_string_not_equal(CC_VERDICTS[i].markdown_section,
                                    CC_VERDICTS[j].markdown_section);
        }
}

static void test_report__verdicts_as_the_reports_show_them(void **state)
{
    (void)state;
    /* conflicts and deviations fail the run; only a conflict shows camps */
    assert_true(CC_VERDICTS[CC_VERDICT_CONFLICT].fails);
    assert_true(CC_VERDICTS[CC_VERDICT_CONFLICT].disagree);
    assert_string_equal(CC_VERDICTS[CC_VERDICT_CONFLICT].sarif_level, "error");
    assert_true(CC_VERDICTS[CC_VERDICT_DEVIATES].fails);
    assert_false(CC_VERDICTS[CC_VERDICT_DEVIATES].disagree);
    assert_string_equal(CC_VERDICTS[CC_VERDICT_DEVIATES].sarif_level, "warning");
    assert_false(CC_VERDICTS[CC_VERDICT_AGREE].fails);
    assert_false(CC_VERDICTS[CC_VERDICT_SINGLE].fails);
    /* a value out of range is shown as single-source, as before the table */
    assert_ptr_equal(cc_verdict_info_of(CC_VERDICT__COUNT), &CC_VERDICTS[CC_VERDICT_SINGLE]);
    assert_ptr_equal(cc_verdict_info_of((cc_verdict)-1), &CC_VERDICTS[CC_VERDICT_SINGLE]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report__every_format_name_round_trips),
        cmocka_unit_test(test_report__format_names_are_distinct),
        cmocka_unit_test(test_report__unknown_format_names_fail),
        cmocka_unit_test(test_report__formats_as_documented),
        cmocka_unit_test(test_report__every_verdict_has_every_label),
        cmocka_unit_test(test_report__verdict_names_are_distinct),
        cmocka_unit_test(test_report__verdicts_as_the_reports_show_them),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
