/* test_escape.c: untrusted text in terminal and JSON output. */
#include "helpers.h"

#include "escape.h"

#include <string.h>

static const char *term(const char *s)
{
    static cc_buf b = CC_BUF_INIT;
    cc_buf_reset(&b);
    cc_escape_term(&b, s, strlen(s), false);
    return b.p ? b.p : "";
}

static const char *json(const char *s)
{
    static cc_buf b = CC_BUF_INIT;
    cc_buf_reset(&b);
    cc_json_str(&b, s, strlen(s));
    return b.p;
}

static void test_escape__terminal_neutralises_controls(void **state)
{
    (void)state;
    assert_string_equal(term("a\033[31mred"), "a<U+001B>[31mred");
    assert_string_equal(term("x\xe2\x80\xaey"), "x<U+202E>y"); /* RLO */
    assert_string_equal(term("tab\tok"), "tab\tok");
    assert_string_equal(term("line\nend"), "line\\nend");
    assert_string_equal(term("bad\xff"), "bad<0xFF>");
    assert_string_equal(term("130亿美元"), "130亿美元");
}

static void test_escape__json(void **state)
{
    (void)state;
    assert_string_equal(json("say \"hi\"\\"), "\"say \\\"hi\\\"\\\\\"");
    assert_string_equal(json("</script>"), "\"\\u003c/script\\u003e\"");
    assert_string_equal(json("\x01\n"), "\"\\u0001\\n\"");
    assert_string_equal(json("\xe2\x80\xae"), "\"\\u202e\"");
    assert_string_equal(json("żółw 亿"), "\"żółw 亿\"");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape__terminal_neutralises_controls),
        cmocka_unit_test(test_escape__json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
