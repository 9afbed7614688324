/* test_obs.c: the observation table (copies, interning, moves, accounting). */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

/* An observation whose strings live in the caller's buffers, so the tests
 * can see what the table copied. */
static cc_obs obs(const char *claim, const char *file, uint64_t start, const char *value)
{
    cc_obs o;
    memset(&o, 0, sizeof o);
    o.claim = claim;
    o.scope = "";
    o.file = file;
    o.lang = "en";
    o.text = value;
    o.unit = "USD";
    o.start = start;
    o.end = start + 5;
    o.line = 1;
    o.column = (uint32_t)start + 1;
    o.kind = CC_KIND_MONEY;
    o.qual = CC_Q_EXACT;
    o.value = th_dec(value);
    o.iv = cc_interval_of(o.qual, o.value);
    o.context = "";
    o.date = "";
    return o;
}

static void test_obs__add_copies_the_strings(void **state)
{
    cc_obstab *t;
    char claim[] = "c.x", file[] = "a.md";
    cc_obs o = obs(claim, file, 3, "13e9");
    const cc_obs *g;
    (void)state;
    assert_int_equal(cc_obstab_new(&t), CC_OK);
    assert_int_equal(cc_obstab_count(t), 0);
    assert_null(cc_obstab_get(t, 0));
    assert_int_equal(cc_obstab_add(t, &o), CC_OK);
    memcpy(claim, "XXX", 3); /* the caller's strings may change */
    memcpy(file, "YYYY", 4);
    assert_int_equal(cc_obstab_count(t), 1);
    g = cc_obstab_get(t, 0);
    assert_non_null(g);
    assert_null(cc_obstab_get(t, 1));
    assert_string_equal(g->claim, "c.x");
    assert_string_equal(g->file, "a.md");
    assert_int_equal(g->start, 3);
    assert_dec(g->value, "13e9");
    cc_obstab_free(t);
    cc_obstab_free(NULL); /* does nothing */
}

static void test_obs__null_strings_become_empty(void **state)
{
    cc_obstab *t;
    cc_obs o = obs("c.x", "a.md", 0, "1");
    const cc_obs *g;
    (void)state;
    o.scope = o.unit = o.context = o.date = NULL;
    assert_int_equal(cc_obstab_new(&t), CC_OK);
    assert_int_equal(cc_obstab_add(t, &o), CC_OK);
    g = cc_obstab_get(t, 0);
    assert_string_equal(g->scope, "");
    assert_string_equal(g->unit, "");
    assert_string_equal(g->context, "");
    assert_string_equal(g->date, "");
    cc_obstab_free(t);
}

static void test_obs__strings_are_interned(void **state)
{
    cc_obstab *t;
    char claim1[] = "c.x", claim2[] = "c.x";
    cc_obs a = obs(claim1, "a.md", 0, "1"), b = obs(claim2, "b.md", 9, "2");
    const cc_obs *ga, *gb;
    (void)state;
    assert_int_equal(cc_obstab_new(&t), CC_OK);
    assert_int_equal(cc_obstab_add(t, &a), CC_OK);
    assert_int_equal(cc_obstab_add(t, &b), CC_OK);
    ga = cc_obstab_get(t, 0);
    gb = cc_obstab_get(t, 1);
    /* one copy of each distinct string, not the caller's */
    assert_ptr_equal(ga->claim, gb->claim);
    assert_ptr_equal(ga->lang, gb->lang);
    assert_ptr_equal(ga->unit, gb->unit);
    assert_ptr_equal(ga->scope, ga->context); /* both "" */
    assert_ptr_not_equal(ga->claim, claim1);
    assert_ptr_not_equal(ga->file, gb->file);
    assert_string_equal(gb->file, "b.md");
    cc_obstab_free(t);
}

static void test_obs__many_keep_their_strings(void **state)
{
    /* enough distinct strings to grow the intern set several times */
    cc_obstab *t;
    char file[32];
    size_t i;
    (void)state;
    assert_int_equal(cc_obstab_new(&t), CC_OK);
    for (i = 0; i < 2000; i++) {
        cc_obs o;
        snprintf(file, sizeof file, "f%zu.md", i % 700);
        o = obs("c.x", file, i, "1");
        assert_int_equal(cc_obstab_add(t, &o), CC_OK);
    }
    assert_int_equal(cc_obstab_count(t), 2000);
    for (i = 0; i < 2000; i++) {
        snprintf(file, sizeof file, "f%zu.md", i % 700);
        assert_string_equal(cc_obstab_get(t, i)->file, file);
        assert_int_equal(cc_obstab_get(t, i)->start, i);
    }
    assert_ptr_equal(cc_obstab_get(t, 5)->file, cc_obstab_get(t, 705)->file);
    cc_obstab_free(t);
}

static void test_obs__bytes_count_what_the_table_holds(void **state)
{
    cc_obstab *t;
    cc_obs o = obs("c.x", "a.md", 0, "1");
    size_t empty, one, same;
    char ctx[4096];
    (void)state;
    assert_int_equal(cc_obstab_new(&t), CC_OK);
    empty = cc_obstab_bytes(t);
    assert_int_equal(empty, 0);
    assert_int_equal(cc_obstab_add(t, &o), CC_OK);
    one = cc_obstab_bytes(t);
    assert_true(one >= sizeof(cc_obs) + strlen("c.x") + strlen("a.md"));
    assert_int_equal(cc_obstab_add(t, &o), CC_OK); /* the same strings again */
    same = cc_obstab_bytes(t);
    assert_true(same >= one);
    memset(ctx, 'x', sizeof ctx - 1);
    ctx[sizeof ctx - 1] = 0;
    o.context = ctx; /* a new long string is counted */
    assert_int_equal(cc_obstab_add(t, &o), CC_OK);
    assert_true(cc_obstab_bytes(t) >= same + sizeof ctx);
    cc_obstab_free(t);
}

static void test_obs__move_into_an_empty_table(void **state)
{
    cc_obstab *dst, *src;
    cc_obs a = obs("c.x", "a.md", 0, "1"), b = obs("c.y", "b.md", 4, "2");
    (void)state;
    assert_int_equal(cc_obstab_new(&dst), CC_OK);
    assert_int_equal(cc_obstab_new(&src), CC_OK);
    assert_int_equal(cc_obstab_add(src, &a), CC_OK);
    assert_int_equal(cc_obstab_add(src, &b), CC_OK);
    assert_int_equal(cc_obstab_move(dst, src), CC_OK);
    assert_int_equal(cc_obstab_count(src), 0);
    cc_obstab_free(src); /* dst's strings do not live in src */
    assert_int_equal(cc_obstab_count(dst), 2);
    assert_string_equal(cc_obstab_get(dst, 0)->claim, "c.x");
    assert_string_equal(cc_obstab_get(dst, 1)->file, "b.md");
    cc_obstab_free(dst);
}

static void test_obs__move_appends_and_empties_the_source(void **state)
{
    cc_obstab *dst, *src;
    cc_obs a = obs("c.x", "a.md", 0, "1"), b = obs("c.y", "b.md", 4, "2");
    cc_obs c = obs("c.x", "c.md", 8, "3");
    (void)state;
    assert_int_equal(cc_obstab_new(&dst), CC_OK);
    assert_int_equal(cc_obstab_new(&src), CC_OK);
    assert_int_equal(cc_obstab_add(dst, &a), CC_OK);
    assert_int_equal(cc_obstab_add(src, &b), CC_OK);
    assert_int_equal(cc_obstab_add(src, &c), CC_OK);
    assert_int_equal(cc_obstab_move(dst, src), CC_OK);
    assert_int_equal(cc_obstab_count(src), 0);
    assert_null(cc_obstab_get(src, 0));
    /* src stays usable */
    assert_int_equal(cc_obstab_add(src, &a), CC_OK);
    assert_int_equal(cc_obstab_count(src), 1);
    cc_obstab_free(src);
    assert_int_equal(cc_obstab_count(dst), 3);
    assert_string_equal(cc_obstab_get(dst, 0)->file, "a.md");
    assert_string_equal(cc_obstab_get(dst, 1)->file, "b.md");
    assert_string_equal(cc_obstab_get(dst, 2)->file, "c.md");
    assert_ptr_equal(cc_obstab_get(dst, 0)->claim, cc_obstab_get(dst, 2)->claim);
    cc_obstab_free(dst);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_obs__add_copies_the_strings),
        cmocka_unit_test(test_obs__null_strings_become_empty),
        cmocka_unit_test(test_obs__strings_are_interned),
        cmocka_unit_test(test_obs__many_keep_their_strings),
        cmocka_unit_test(test_obs__bytes_count_what_the_table_holds),
        cmocka_unit_test(test_obs__move_into_an_empty_table),
        cmocka_unit_test(test_obs__move_appends_and_empties_the_source),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
