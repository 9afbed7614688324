/* test_json.c: the strict JSON reader of archives and baselines, as a table
 * of cases: what parses and into what, and what is refused at which byte
 * with which message. */
#include "helpers.h"

#include "json.h"

#include <string.h>

static void test_json__accepted(void **state)
{
    static const struct {
        const char *text;
        j_type type;
        size_t n;         /* items or pairs */
        const char *s;    /* J_STR, J_NUM: the text kept */
    } c[] = {
        {"null", J_NULL, 0, NULL},
        {" true ", J_BOOL, 0, "true"},
        {"0.1", J_NUM, 0, "0.1"},                     /* kept as written: exact */
        {"-13000000000e-2", J_NUM, 0, "-13000000000e-2"},
        {"\"a\\u00e9\\ud83d\\ude00\"", J_STR, 0, "a\xC3\xA9\xF0\x9F\x98\x80"},
        {"\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", J_STR, 0, "\"\\/\b\f\n\r\t"},
        {"[]", J_ARR, 0, NULL},
        {"[1, [2], {}]", J_ARR, 3, NULL},
        {"{\"a\": 1, \"b\": {\"a\": 2}}", J_OBJ, 2, NULL}, /* a key again, in another object */
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        cc_arena a = CC_ARENA_INIT;
        jval *v = NULL;
        size_t off = 0;
        const char *msg = NULL;
        assert_int_equal(cc_json_parse(&v, &a, c[i].text, strlen(c[i].text), &off, &msg), 0);
        assert_int_equal(v->t, c[i].type);
        assert_int_equal(v->n, c[i].n);
        if (c[i].s)
            assert_string_equal(v->s, c[i].s);
        cc_arena_free(&a);
    }
}

static void test_json__refused_at_their_byte(void **state)
{
    static const struct {
        const char *text;
        size_t len;
        size_t off;        /* where the error is reported */
        const char *words; /* in the message */
    } c[] = {
        {"{\"a\": 1, \"a\": 2}", 16, 9, "duplicate key"},
        {"[1, 2", 5, 5, NULL},
        {"[1,]", 4, 3, NULL},
        {"01", 2, 1, NULL}, /* a leading zero */
        {"\"\xFF\"", 3, 1, "UTF-8"},
        {"\"\\ud83d\"", 8, 7, "unpaired surrogate"}, /* a lone surrogate: where it ends */
        {"\"a\0b\"", 5, 2, "control character"}, /* a NUL byte */
        {"\"\\u0000\"", 8, 7, "\\u0000"}, /* an escaped NUL: where it ends */
        {"1 2", 3, 2, NULL},
        {"", 0, 0, NULL},
        {"nul", 3, 0, NULL},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        cc_arena a = CC_ARENA_INIT;
        jval *v = NULL;
        size_t off = 999;
        const char *msg = NULL;
        assert_int_equal(cc_json_parse(&v, &a, c[i].text, c[i].len, &off, &msg), -1);
        assert_non_null(msg);
        if (off != c[i].off)
            fail_msg("case %zu (%s): error at byte %zu, expected %zu (%s)", i, c[i].text, off,
                     c[i].off, msg);
        if (c[i].words)
            assert_non_null(strstr(msg, c[i].words));
        cc_arena_free(&a);
    }
}

static void test_json__depth_is_bounded(void **state)
{
    char deep[2 * J_MAX_DEPTH + 8];
    size_t n = 0, i;
    cc_arena a = CC_ARENA_INIT;
    jval *v;
    size_t off;
    const char *msg;
    (void)state;
    for (i = 0; i < J_MAX_DEPTH + 1; i++)
        deep[n++] = '[';
    for (i = 0; i < J_MAX_DEPTH + 1; i++)
        deep[n++] = ']';
    assert_int_equal(cc_json_parse(&v, &a, deep, n, &off, &msg), -1);
    cc_arena_free(&a);
    /* one level less is fine */
    assert_int_equal(cc_json_parse(&v, &a, deep + 1, n - 2, &off, &msg), 0);
    cc_arena_free(&a);
}

static void test_json__lookup(void **state)
{
    const char *t = "{\"file\": \"a.txt\", \"line\": 4, \"x\": null}";
    cc_arena a = CC_ARENA_INIT;
    jval *v;
    size_t off;
    const char *msg;
    (void)state;
    assert_int_equal(cc_json_parse(&v, &a, t, strlen(t), &off, &msg), 0);
    assert_string_equal(j_str(v, "file"), "a.txt");
    assert_null(j_str(v, "line")); /* a number, not a string */
    assert_string_equal(j_get(v, "line")->s, "4");
    assert_int_equal(j_get(v, "x")->t, J_NULL);
    assert_null(j_get(v, "y"));
    assert_int_equal(j_get(v, "line")->off, strlen("{\"file\": \"a.txt\", \"line\": "));
    cc_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json__accepted),
        cmocka_unit_test(test_json__refused_at_their_byte),
        cmocka_unit_test(test_json__depth_is_bounded),
        cmocka_unit_test(test_json__lookup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
