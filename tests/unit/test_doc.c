/* test_doc.c: reading articles: encodings, line ends, front matter. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

static cc_doc *open_text(const char *name, const char *bytes, size_t len, cc_diags *d, int *rc)
{
    cc_doc *doc = NULL;
    *rc = cc_doc_from_buffer(&doc, name, bytes, len, d);
    return doc;
}

static void test_doc__invalid_utf8_reports_offset_and_position(void **state)
{
    cc_diags *d = cc_diags_new();
    int rc;
    const char bytes[] = "line one\nsecond \xE1 line";
    cc_doc *doc = open_text("x.txt", bytes, sizeof bytes - 1, d, &rc);
    (void)state;
    assert_null(doc);
    assert_int_equal(rc, CC_ERR_INPUT);
    assert_string_equal(cc_diags_get(d, 0)->message, "skipped: not valid UTF-8 at byte 16 (0xE1)");
    assert_int_equal(cc_diags_get(d, 0)->line, 2);
    assert_int_equal(cc_diags_get(d, 0)->column, 8);
    assert_int_equal(cc_diags_get(d, 0)->offset, 16);
    cc_diags_free(d);
}

static void test_doc__overlong_and_surrogates_are_invalid(void **state)
{
    static const char *bad[] = {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF8"};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cc_diags *d = cc_diags_new();
        int rc;
        assert_null(open_text("x", bad[i], strlen(bad[i]), d, &rc));
        assert_int_equal(rc, CC_ERR_INPUT);
        cc_diags_free(d);
    }
}

static void test_doc__bom_and_binary(void **state)
{
    cc_diags *d = cc_diags_new();
    int rc;
    cc_doc *doc = open_text("bom", "\xEF\xBB\xBFHello", 8, d, &rc);
    (void)state;
    assert_non_null(doc);
    assert_string_equal(cc_doc_text(doc), "Hello");
    assert_int_equal(cc_doc_file_offset(doc, 0), 3);
    cc_doc_free(doc);
    assert_null(open_text("utf16", "\xFF\xFEH\0i\0", 6, d, &rc));
    assert_non_null(strstr(cc_diags_get(d, 0)->message, "UTF-16"));
    assert_null(open_text("bin", "ab\0cd", 5, d, &rc));
    assert_non_null(strstr(cc_diags_get(d, 1)->message, "binary file"));
    cc_diags_free(d);
}

static void test_doc__line_ends(void **state)
{
    cc_diags *d = cc_diags_new();
    int rc;
    const char *t = "a\r\nbb\rccc\ndddd";
    cc_doc *doc = open_text("le", t, strlen(t), d, &rc);
    cc_loc loc;
    (void)state;
    assert_non_null(doc);
    loc = cc_doc_loc(doc, 3);
    assert_int_equal(loc.line, 2);
    assert_int_equal(loc.column, 1);
    loc = cc_doc_loc(doc, 6);
    assert_int_equal(loc.line, 3);
    loc = cc_doc_loc(doc, 11);
    assert_int_equal(loc.line, 4);
    assert_int_equal(loc.column, 2);
    assert_int_equal(cc_doc_line(doc, 2).len, 2);
    cc_doc_free(doc);
    cc_diags_free(d);
}

static void test_doc__columns_count_code_points(void **state)
{
    cc_diags *d = cc_diags_new();
    int rc;
    const char *t = "微软已经向 OpenAI 注入了130亿美元";
    cc_doc *doc = open_text("zh", t, strlen(t), d, &rc);
    (void)state;
    assert_int_equal(cc_doc_loc(doc, (size_t)(strstr(t, "130") - t)).column, 17);
    cc_doc_free(doc);
    cc_diags_free(d);
}

static void test_doc__front_matter(void **state)
{
    cc_diags *d = cc_diags_new();
    int rc;
    const char *t = "---\nlang: pl\ndate: 2024-10-18\ntitle: x\n---\nBody.\n";
    cc_doc *doc = open_text("fm", t, strlen(t), d, &rc);
    (void)state;
    assert_non_null(doc);
    assert_string_equal(cc_doc_meta_lang(doc), "pl");
    assert_string_equal(cc_doc_meta_date(doc), "2024-10-18");
    assert_int_equal(cc_doc_year(doc), 2024);
    assert_string_equal(cc_doc_text(doc) + cc_doc_body(doc), "Body.\n");
    cc_doc_free(doc);
    /* a --- line with no closing line is text, not front matter */
    doc = open_text("rule", "---\nJust a rule\n", 16, d, &rc);
    assert_int_equal(cc_doc_body(doc), 0);
    cc_doc_free(doc);
    /* malformed front matter: the article is skipped, with the place */
    t = "---\nlang: [pl\n---\nBody\n";
    assert_null(open_text("bad", t, strlen(t), d, &rc));
    assert_true(cc_diags_count(d) >= 1);
    assert_int_equal(cc_diags_get(d, 0)->line, 3);
    cc_diags_free(d);
}

static void test_doc__unreadable_paths(void **state)
{
    cc_diags *d = cc_diags_new();
    cc_doc *doc;
    (void)state;
    assert_int_equal(cc_doc_open(&doc, "/nonexistent/x.txt", d), CC_ERR_INPUT);
    assert_string_equal(cc_diags_get(d, 0)->message, "skipped: No such file or directory");
    assert_int_equal(cc_doc_open(&doc, "/", d), CC_ERR_INPUT);
    assert_string_equal(cc_diags_get(d, 1)->message, "skipped: is a directory");
    assert_int_equal(cc_doc_open(&doc, "/dev/null", d), CC_ERR_INPUT);
    assert_string_equal(cc_diags_get(d, 2)->message,
                        "skipped: not a regular file (device, FIFO or socket)");
    cc_diags_free(d);
}

/* date: is a calendar date written YYYY-MM-DD (with an ISO time after it
 * or not), or an error and no date: leap years by the Gregorian rule (1900
 * is none, 2000 is one). */
static void test_doc__front_matter_dates(void **state)
{
    static const struct {
        const char *date;
        bool ok;
    } cases[] = {
        {"2024-02-29", true},  {"2000-02-29", true},   {"1900-02-28", true},
        {"2024-12-31", true},  {"1900-02-29", false},  {"2023-02-29", false},
        {"2024-04-31", false}, {"2024-00-10", false},  {"2024-10-00", false},
        {"2024-13-45", false}, {"2024/10/20", false},  {"2024-1-20", false},
        {"99999-99-99", false}, {"2024-10-20x", false}, {"20241020", false},
        /* with a time, as static site generators write it */
        {"2024-10-20T10:00:00Z", true}, {"2024-10-20 10:00", true},
        {"2024-10-20T10:00:00.250+02:00", true}, {"2024-10-20T23:59:60-0530", true},
        {"2024-10-20T25:00", false}, {"2024-10-20T10", false}, {"2024-10-20T10:00+2", false},
        {"2024/10/20T10:00", false}, {"2024-02-30T10:00", false},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cc_diags *d = cc_diags_new();
        char text[128];
        int rc;
        cc_doc *doc;
        snprintf(text, sizeof text, "---\ndate: %s\n---\nText.\n", cases[i].date);
        doc = open_text("a.md", text, strlen(text), d, &rc);
        assert_int_equal(rc, CC_OK); /* checked either way */
        if (cases[i].ok) {
            assert_string_equal(cc_doc_meta_date(doc), cases[i].date);
            assert_int_equal(cc_diags_count(d), 0);
        } else {
            assert_null(cc_doc_meta_date(doc));
            assert_int_equal(cc_diags_count_sev(d, CC_SEV_ERROR), 1);
            assert_int_equal(cc_diags_get(d, 0)->line, 2);
            assert_int_equal(cc_diags_get(d, 0)->column, 7);
        }
        cc_doc_free(doc);
        cc_diags_free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_doc__invalid_utf8_reports_offset_and_position),
        cmocka_unit_test(test_doc__overlong_and_surrogates_are_invalid),
        cmocka_unit_test(test_doc__bom_and_binary),
        cmocka_unit_test(test_doc__line_ends),
        cmocka_unit_test(test_doc__columns_count_code_points),
        cmocka_unit_test(test_doc__front_matter),
        cmocka_unit_test(test_doc__front_matter_dates),
        cmocka_unit_test(test_doc__unreadable_paths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
