/* test_ydom.c: the YAML tree: positions, duplicates, limits. */
#include "helpers.h"

#include "ydom.h"

#include <string.h>

static int parse(const char *text, ydoc *doc, cc_arena *a, cc_diags **d)
{
    *d = cc_diags_new();
    return cc_ydoc_parse(doc, a, "t.yaml", text, strlen(text), *d);
}

static void test_ydom__positions_in_every_scalar_style(void **state)
{
    const char *text = "a: 'x ''q'' %{m}'\nb: \"x \\t %{m}\"\nc: |\n  line1\n  x %{m}\nd: x %{m}\n";
    cc_arena a = CC_ARENA_INIT;
    ydoc doc;
    cc_diags *d;
    uint32_t line, col;
    (void)state;
    assert_int_equal(parse(text, &doc, &a, &d), CC_OK);
    /* offset of "%{m}" in each value maps back into the file */
    y_scalar_pos(&doc, y_get(doc.root, "a"), strlen("x 'q' "), &line, &col, NULL);
    assert_int_equal(line, 1);
    assert_int_equal(col, 13);
    y_scalar_pos(&doc, y_get(doc.root, "b"), strlen("x \t "), &line, &col, NULL);
    assert_int_equal(line, 2);
    assert_int_equal(col, 10);
    y_scalar_pos(&doc, y_get(doc.root, "c"), strlen("line1\nx "), &line, &col, NULL);
    assert_int_equal(line, 5);
    assert_int_equal(col, 5);
    y_scalar_pos(&doc, y_get(doc.root, "d"), 2, &line, &col, NULL);
    assert_int_equal(line, 6);
    assert_int_equal(col, 6);
    cc_ydoc_free(&doc);
    cc_arena_free(&a);
    cc_diags_free(d);
}

static void test_ydom__duplicate_keys_and_documents(void **state)
{
    cc_arena a = CC_ARENA_INIT;
    ydoc doc;
    cc_diags *d;
    (void)state;
    assert_int_equal(parse("a: 1\nb: 2\na: 3\n", &doc, &a, &d), CC_ERR_RULES);
    assert_string_equal(cc_diags_get(d, 0)->message, "duplicate key 'a' (first at line 1)");
    assert_int_equal(cc_diags_get(d, 0)->line, 3);
    cc_ydoc_free(&doc);
    cc_diags_free(d);
    assert_int_equal(parse("a: 1\n---\nb: 2\n", &doc, &a, &d), CC_ERR_RULES);
    assert_string_equal(cc_diags_get(d, 0)->message, "more than one YAML document in this file");
    cc_ydoc_free(&doc);
    cc_arena_free(&a);
    cc_diags_free(d);
}

static void test_ydom__depth_limit(void **state)
{
    cc_arena a = CC_ARENA_INIT;
    ydoc doc;
    cc_diags *d;
    char deep[400];
    size_t i;
    (void)state;
    for (i = 0; i < 100; i++)
        deep[i] = '[';
    deep[100] = '\0';
    assert_int_equal(parse(deep, &doc, &a, &d), CC_ERR_RULES);
    assert_non_null(strstr(cc_diags_get(d, 0)->message, "nested deeper than"));
    cc_ydoc_free(&doc);
    cc_arena_free(&a);
    cc_diags_free(d);
}

static void test_ydom__aliases_share_nodes(void **state)
{
    cc_arena a = CC_ARENA_INIT;
    ydoc doc;
    cc_diags *d;
    (void)state;
    assert_int_equal(parse("x: &l [1, 2]\ny: *l\n", &doc, &a, &d), CC_OK);
    assert_ptr_equal(y_get(doc.root, "x"), y_get(doc.root, "y"));
    cc_ydoc_free(&doc);
    cc_diags_free(d);
    assert_int_equal(parse("y: *nope\n", &doc, &a, &d), CC_ERR_RULES);
    assert_string_equal(cc_diags_get(d, 0)->message, "unknown or unfinished anchor *nope");
    cc_ydoc_free(&doc);
    cc_arena_free(&a);
    cc_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ydom__positions_in_every_scalar_style),
        cmocka_unit_test(test_ydom__duplicate_keys_and_documents),
        cmocka_unit_test(test_ydom__depth_limit),
        cmocka_unit_test(test_ydom__aliases_share_nodes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
