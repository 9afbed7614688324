/* test_obs.c: the observation table (copies, interning, moves, accounting)
 * and the one JSON record of an observation. */
#include "helpers.h"

#include "buf.h"
#include "obs_priv.h"

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

/* An observation with text that JSON must escape: quotes, a backslash, a
 * control character, '<', U+2028 (a line break to JavaScript), an emoji. */
static cc_obs odd(void)
{
    cc_obs o = obs("c.\"x\"", "dir/a \"b\"\\c.md", 10, "1.5e9");
    o.scope = "Q1";
    o.lang = "hu";
    o.text = "1,5 milliárd\x01";
    o.line = 2;
    o.column = 7;
    o.qual = CC_Q_AT_LEAST;
    o.iv = cc_interval_of(o.qual, o.value);
    o.context = "tab\there\xe2\x80\xa8<b>\xf0\x9f\x98\x80 \"q\"";
    o.context_start = 4;
    o.date = "2024-10-20";
    return o;
}

static const char FIELDS[] =
    "\"file\": \"dir/a \\\"b\\\"\\\\c.md\", \"line\": 2, \"column\": 7, \"start\": 10, "
    "\"end\": 15, \"lang\": \"hu\", \"text\": \"1,5 milliárd\\u0001\", \"value\": 1500000000, "
    "\"low\": 1500000000, \"high\": null, \"low_open\": false, \"high_open\": false, "
    "\"qualifier\": \"at_least\", \"unit\": \"USD\", \"kind\": \"money\"";

static void test_obs__json_object(void **state)
{
    cc_buf b = CC_BUF_INIT, want = CC_BUF_INIT;
    cc_obs o = odd();
    (void)state;
    assert_int_equal(cc_obs_write_json(&b, &o, 0), 0);
    cc_buf_printf(&want, "{%s}", FIELDS);
    assert_string_equal(b.p, want.p);
    cc_buf_free(&b);
    cc_buf_free(&want);
}

static void test_obs__json_record(void **state)
{
    cc_buf b = CC_BUF_INIT, want = CC_BUF_INIT;
    cc_obs o = odd();
    (void)state;
    assert_int_equal(cc_obs_write_json(&b, &o, CC_OBS_JSON_RECORD), 0);
    cc_buf_printf(&want,
                  "{\"type\": \"observation\", \"claim\": \"c.\\\"x\\\"\", \"scope\": \"Q1\", %s, "
                  "\"context\": \"tab\\there\\u2028\\u003cb\\u003e\xf0\x9f\x98\x80 \\\"q\\\"\", "
                  "\"context_start\": 4, \"date\": \"2024-10-20\"}",
                  FIELDS);
    assert_string_equal(b.p, want.p);
    assert_null(strchr(b.p, '\n')); /* one line: a JSON Lines record */
    cc_buf_free(&b);
    cc_buf_free(&want);
}

static void test_obs__json_open_for_more_fields(void **state)
{
    cc_buf b = CC_BUF_INIT, closed = CC_BUF_INIT;
    cc_obs o = odd();
    (void)state;
    cc_obs_write_json(&closed, &o, CC_OBS_JSON_RECORD);
    assert_int_equal(cc_obs_write_json(&b, &o, CC_OBS_JSON_RECORD | CC_OBS_JSON_OPEN), 0);
    /* the same record without its closing brace */
    assert_int_equal(b.len + 1, closed.len);
    assert_memory_equal(b.p, closed.p, b.len);
    assert_int_equal(closed.p[closed.len - 1], '}');
    cc_buf_reset(&b);
    cc_obs_write_json(&b, &o, CC_OBS_JSON_OPEN);
    assert_int_equal(b.len, 1 + sizeof FIELDS - 1);
    cc_buf_free(&b);
    cc_buf_free(&closed);
}

static void test_obs__json_bound(void **state)
{
    cc_buf b = CC_BUF_INIT;
    cc_dec v = th_dec("-2.5");
    (void)state;
    cc_json_bound(&b, &v, 0);
    cc_buf_puts(&b, " ");
    cc_json_bound(&b, &v, 1);
    assert_string_equal(b.p, "-2.5 null");
    cc_buf_free(&b);
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
        cmocka_unit_test(test_obs__json_object),
        cmocka_unit_test(test_obs__json_record),
        cmocka_unit_test(test_obs__json_open_for_more_fields),
        cmocka_unit_test(test_obs__json_bound),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
