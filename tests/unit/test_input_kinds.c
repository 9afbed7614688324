/* test_input_kinds.c: the table of input kinds (src/input/kinds.c) and the
 * offset maps its openers make. */
#include "helpers.h"

#include "kinds.h"

#include <stdio.h>
#include <string.h>

static void test_input_kinds__every_suffix_is_an_article(void **state)
{
    size_t i, k, rows = 0;
    (void)state;
    for (i = 0; i < cc_doc_nkinds; i++) {
        const cc_doc_kind *kind = &cc_doc_kinds[i];
        assert_non_null(kind->name);
        assert_non_null(kind->open);
        assert_non_null(kind->suffixes[0]);
        for (k = 0; kind->suffixes[k]; k++) {
            char name[64], path[96];
            snprintf(name, sizeof name, "article%s", kind->suffixes[k]);
            snprintf(path, sizeof path, "news/2024/%s", name);
            assert_true(cc_doc_is_article_name(name));
            assert_ptr_equal(cc_doc_kind_of(name), kind);
            assert_ptr_equal(cc_doc_kind_of(path), kind);
            /* the suffix alone is no name */
            assert_false(cc_doc_is_article_name(kind->suffixes[k]));
        }
        rows++;
    }
    assert_true(rows >= 2);
    assert_string_equal(cc_doc_kind_of("a.txt")->name, "text");
    assert_string_equal(cc_doc_kind_of("a.md")->name, "markdown");
}

static void test_input_kinds__other_names_are_not_articles(void **state)
{
    static const char *const other[] = {
        "a.TXT", "a.Md", "a.txt~", "a.txt.bak", "a.markdown", "a.html", "a.text", "txt",
        "md", "a.", "a", "", "notes.txt/", "a.txt/b", ".txt", ".md",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof other / sizeof other[0]; i++) {
        assert_false(cc_doc_is_article_name(other[i]));
        assert_null(cc_doc_kind_of(other[i]));
    }
    /* a file named outright is read whatever its name: as plain text */
    assert_string_equal(cc_doc_kind_default()->name, "text");
}

static void test_input_kinds__bom_maps_text_offset_0_to_file_offset_3(void **state)
{
    cc_diags *d = cc_diags_new();
    cc_doc *doc = NULL;
    (void)state;
    assert_int_equal(cc_doc_from_buffer(&doc, "bom.md", "\xEF\xBB\xBFOne 2\n", 9, d), CC_OK);
    assert_string_equal(cc_doc_text(doc), "One 2\n");
    assert_int_equal(cc_doc_file_offset(doc, 0), 3);
    assert_int_equal(cc_doc_file_offset(doc, 4), 7);
    assert_int_equal(cc_doc_file_offset(doc, cc_doc_len(doc)), 9);
    cc_doc_free(doc);
    assert_int_equal(cc_doc_from_buffer(&doc, "plain.txt", "One 2\n", 6, d), CC_OK);
    assert_int_equal(cc_doc_file_offset(doc, 0), 0);
    assert_int_equal(cc_doc_file_offset(doc, 4), 4);
    cc_doc_free(doc);
    assert_int_equal(cc_diags_count(d), 0);
    cc_diags_free(d);
}

static void test_input_kinds__offset_map_between_points(void **state)
{
    /* as an opener that strips tags would map "One 2 x", the text of the
     * file "One <b>2</b> x": "2" from offset 7, " x" from offset 12 */
    cc_offmap m = {NULL, 0, 0};
    (void)state;
    assert_int_equal(cc_offmap_file(&m, 5), 5);
    assert_int_equal(cc_offmap_add(&m, 4, 7), 0);
    assert_int_equal(cc_offmap_add(&m, 5, 12), 0);
    assert_int_equal(cc_offmap_file(&m, 0), 0);
    assert_int_equal(cc_offmap_file(&m, 3), 3);
    assert_int_equal(cc_offmap_file(&m, 4), 7);
    assert_int_equal(cc_offmap_file(&m, 5), 12);
    assert_int_equal(cc_offmap_file(&m, 6), 13);
    assert_int_equal(cc_offmap_file(&m, 7), 14);
    cc_offmap_free(&m);
    assert_null(m.v);
    assert_int_equal(m.n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_input_kinds__every_suffix_is_an_article),
        cmocka_unit_test(test_input_kinds__other_names_are_not_articles),
        cmocka_unit_test(test_input_kinds__bom_maps_text_offset_0_to_file_offset_3),
        cmocka_unit_test(test_input_kinds__offset_map_between_points),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
