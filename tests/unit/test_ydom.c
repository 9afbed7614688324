/* test_ydom.c: the YAML tree: positions, duplicates, limits. */
#include "helpers.h"

#include "buf.h"
#include "ysink.h"

#include <stdio.h>
#include <string.h>

static int parse(const char *text, ydoc *doc, cc_arena *a, cc_diags **d)
{
    *d = cc_diags_new();
    return cc_ydoc_parse_diags(doc, a, "t.yaml", text, strlen(text), *d);
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

/* Mappings past a few keys find duplicates through a hash set: the first
 * key repeated, a key repeated when the set is built, long keys equal up to
 * the last byte, the same key in two mappings (not a duplicate). */
static void test_ydom__duplicate_keys_in_large_mappings(void **state)
{
    static const struct {
        size_t keys, dup; /* key dup repeated after keys keys */
    } cases[] = {{3, 0}, {8, 0}, {8, 7}, {9, 8}, {500, 0}, {500, 499}, {5000, 1234}};
    size_t c;
    (void)state;
    for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        cc_buf b = CC_BUF_INIT;
        cc_arena a = CC_ARENA_INIT;
        ydoc doc;
        cc_diags *d;
        size_t i;
        char want[96];
        for (i = 0; i < cases[c].keys; i++)
            cc_buf_printf(&b, "k%zu: {k%zu: 1, x: 2}\n", i, i);
        cc_buf_printf(&b, "k%zu: again\n", cases[c].dup);
        assert_false(b.err);
        assert_int_equal(parse(b.p, &doc, &a, &d), CC_ERR_RULES);
        assert_int_equal(cc_diags_count(d), 1);
        snprintf(want, sizeof want, "duplicate key 'k%zu' (first at line %zu)", cases[c].dup,
                 cases[c].dup + 1);
        assert_string_equal(cc_diags_get(d, 0)->message, want);
        assert_int_equal(cc_diags_get(d, 0)->line, cases[c].keys + 1);
        assert_int_equal(cc_diags_get(d, 0)->column, 1);
        cc_ydoc_free(&doc);
        cc_arena_free(&a);
        cc_diags_free(d);
        cc_buf_free(&b);
    }
    {
        /* 2,000 keys of 300 bytes that differ only in their last digits */
        cc_buf b = CC_BUF_INIT;
        cc_arena a = CC_ARENA_INIT;
        ydoc doc;
        cc_diags *d;
        char key[320];
        size_t i;
        memset(key, 'p', 300);
        for (i = 0; i < 2000; i++)
            cc_buf_printf(&b, "%.300s%04zu: %zu\n", key, i, i);
        assert_false(b.err);
        assert_int_equal(parse(b.p, &doc, &a, &d), CC_OK);
        assert_int_equal(cc_diags_count(d), 0);
        assert_int_equal(doc.root->n, 2000);
        snprintf(key + 300, 20, "%04d", 1999);
        assert_string_equal(y_get(doc.root, key)->s, "1999");
        cc_ydoc_free(&doc);
        cc_diags_free(d);
        cc_buf_printf(&b, "%.300s%04d: again\n", key, 42);
        assert_int_equal(parse(b.p, &doc, &a, &d), CC_ERR_RULES);
        assert_int_equal(cc_diags_get(d, 0)->line, 2001);
        cc_ydoc_free(&doc);
        cc_arena_free(&a);
        cc_diags_free(d);
        cc_buf_free(&b);
    }
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

/* The DOM alone, through a sink of its own: the codes it reports are the
 * sink's for its own errors and the caller's for y_error; it returns its
 * own statuses. */
typedef struct rec {
    int codes[8];
    uint32_t lines[8];
    size_t n;
} rec;

static void record(void *ud, const y_report *r)
{
    rec *x = ud;
    if (x->n < 8) {
        x->codes[x->n] = r->code;
        x->lines[x->n++] = r->line;
    }
}

static void test_ydom__own_sink_and_codes(void **state)
{
    y_sink s = {record, NULL, {100, 101, 102, 103, 104, 105, 106, 107}};
    cc_arena a = CC_ARENA_INIT;
    rec x = {{0}, {0}, 0};
    ydoc doc;
    (void)state;
    s.ud = &x;
    assert_int_equal(cc_ydoc_parse(&doc, &a, "t.yaml", "a: 1\na: 2\n", 10, &s), Y_ERR_INVALID);
    assert_int_equal(x.n, 1);
    assert_int_equal(x.codes[0], 100 + Y_K_DUPLICATE);
    assert_int_equal(x.lines[0], 2);
    cc_ydoc_free(&doc);
    assert_int_equal(cc_ydoc_parse(&doc, &a, "t.yaml", "a: [\n", 6, &s), Y_ERR_INVALID);
    assert_int_equal(x.codes[1], 100 + Y_K_SYNTAX);
    cc_ydoc_free(&doc);
    assert_int_equal(cc_ydoc_parse(&doc, &a, "t.yaml", "k: v\n", 5, &s), 0);
    y_error(&doc, y_get(doc.root, "k"), 42, NULL, "caller's %s", "error");
    assert_int_equal(x.codes[2], 42);
    assert_int_equal(doc.errors, 1);
    cc_ydoc_free(&doc);
    cc_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ydom__positions_in_every_scalar_style),
        cmocka_unit_test(test_ydom__duplicate_keys_and_documents),
        cmocka_unit_test(test_ydom__duplicate_keys_in_large_mappings),
        cmocka_unit_test(test_ydom__depth_limit),
        cmocka_unit_test(test_ydom__aliases_share_nodes),
        cmocka_unit_test(test_ydom__own_sink_and_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
