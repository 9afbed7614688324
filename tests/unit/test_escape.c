/* test_escape.c: untrusted text in terminal, JSON, HTML, XML and Markdown
 * output. */
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

static const char *markup(const char *s, cc_markup m)
{
    static cc_buf b = CC_BUF_INIT;
    cc_buf_reset(&b);
    cc_escape_markup(&b, s, strlen(s), m);
    return b.p ? b.p : "";
}

static void test_escape__html(void **state)
{
    (void)state;
    assert_string_equal(markup("<a href=\"x\">'&'</a>", CC_MARKUP_HTML),
                        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    assert_string_equal(markup("a\tb\nc\r", CC_MARKUP_HTML),
                        "a\tb\nc<span class=\"ctl\">U+000D</span>");
    assert_string_equal(markup("x\xe2\x80\xaey\xef\xbf\xbe", CC_MARKUP_HTML),
                        "x<span class=\"ctl\">U+202E</span>y<span class=\"ctl\">U+FFFE</span>");
    assert_string_equal(markup("bad\xff *_|", CC_MARKUP_HTML), "bad&#xFFFD; *_|");
    assert_string_equal(markup("130亿美元 \xf0\x9f\x98\x80", CC_MARKUP_HTML), "130亿美元 \xf0\x9f\x98\x80");
}

static void test_escape__xml(void **state)
{
    (void)state;
    assert_string_equal(markup("<a b=\"x\">'&'", CC_MARKUP_XML),
                        "&lt;a b=&quot;x&quot;&gt;&apos;&amp;&apos;");
    assert_string_equal(markup("a\tb\nc\r\x01", CC_MARKUP_XML), "a\tb\nc\r[U+0001]");
    assert_string_equal(markup("x\xe2\x80\xa8y", CC_MARKUP_XML), "x[U+2028]y");
    /* not characters in XML 1.0 */
    assert_string_equal(markup("\xef\xbf\xbf|\xff", CC_MARKUP_XML),
                        "\xef\xbf\xbd|\xef\xbf\xbd");
}

static void test_escape__markdown(void **state)
{
    (void)state;
    assert_string_equal(markup("a|b *c* _d_ `e` [f](g) #1 !h \\", CC_MARKUP_MARKDOWN),
                        "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\#1 \\!h \\\\");
    assert_string_equal(markup("<b>&\"'", CC_MARKUP_MARKDOWN), "&lt;b&gt;&amp;\"'");
    assert_string_equal(markup("one\ntwo\r\tthree", CC_MARKUP_MARKDOWN), "one two  three");
    assert_string_equal(markup("x\x1b[31m\xe2\x80\xaey", CC_MARKUP_MARKDOWN),
                        "x\\[U+001B\\]\\[31m\\[U+202E\\]y");
    assert_string_equal(markup("bad\xff \xef\xbf\xbe", CC_MARKUP_MARKDOWN),
                        "bad\xef\xbf\xbd \xef\xbf\xbe");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape__terminal_neutralises_controls),
        cmocka_unit_test(test_escape__json),
        cmocka_unit_test(test_escape__html),
        cmocka_unit_test(test_escape__xml),
        cmocka_unit_test(test_escape__markdown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
