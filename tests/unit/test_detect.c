/* test_detect.c: language detection from the packs' data. */
#include "helpers.h"
#include "rules_priv.h" /* cc_ruleset_load_text */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *detect(const char *text)
{
    cc_detection det;
    cc_detect(&det, th_rules(), text, strlen(text));
    return det.lang ? cc_lang_code(det.lang) : "none";
}

static void test_detect__seed_articles(void **state)
{
    static const char *files[][2] = {{"000_531ddda5ff660788.txt", "hu"},
                                     {"001_856d452ba46fbbed.txt", "pl"},
                                     {"002_fdcdadbe5f2b148f.txt", "pl"},
                                     {"003_c9c86e45faf40983.txt", "zh"},
                                     {"004_f95c5a4f988cf8a0.txt", "it"}};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[512];
        cc_doc *doc;
        cc_diags *d = cc_diags_new();
        snprintf(path, sizeof path, "%s/fixtures/articles/%s", CC_SOURCE_DIR, files[i][0]);
        assert_int_equal(cc_doc_open(&doc, path, d), CC_OK);
        assert_string_equal(detect(cc_doc_text(doc)), files[i][1]);
        cc_doc_free(doc);
        cc_diags_free(d);
    }
}

static void test_detect__short_paragraphs(void **state)
{
    static const char *cases[][2] = {
        {"en", "The software maker said on Thursday that it would keep investing in the partnership, "
               "although people familiar with the talks say the terms are being renegotiated."},
        {"hu", "A szoftvercég csütörtökön közölte, hogy továbbra is befektet a partnerségbe, bár a "
               "tárgyalásokat ismerő források szerint a feltételeket újratárgyalják."},
        {"pl", "Producent oprogramowania poinformował w czwartek, że nadal będzie inwestował w to "
               "partnerstwo, choć według osób znających rozmowy warunki są renegocjowane."},
        {"it", "L'azienda di software ha dichiarato giovedì che continuerà a investire nella "
               "partnership, anche se secondo persone vicine ai colloqui le condizioni sono in "
               "fase di rinegoziazione."},
        {"zh", "这家软件公司周四表示，将继续投资这一合作关系，不过据了解谈判情况的人士透露，双方正在重新谈判相关条款。"},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_string_equal(detect(cases[i][1]), cases[i][0]);
}

static void test_detect__nothing_to_go_on(void **state)
{
    cc_detection det;
    (void)state;
    cc_detect(&det, th_rules(), "", 0);
    assert_null(det.lang);
    assert_int_equal(det.tokens, 0);
    cc_detect(&det, th_rules(), "12 345 678 -- 9", 15);
    assert_null(det.lang);
}

/* The scoring itself, on two packs made for it: a word scores 1 for each
 * pack that lists it (once, even if a pack lists it twice), a listed
 * letter 0.5, a letter in a pack's script range 0.1; scores are per token. */
static void test_detect__scores(void **state)
{
    static const char *packs[2] = {
        "lang: aa\nnumbers: {decimal: [\".\"]}\n"
        "detect: {words: [foo, bar, foo, Qux.], chars: \"é\"}\n",
        "lang: bb\nnumbers: {decimal: [\".\"]}\n"
        "detect: {words: [foo, baz], ranges: [\"0400-04FF\"]}\n"};
    cc_lang *l[2] = {NULL, NULL};
    cc_ruleset *rs = NULL;
    cc_diags *d = cc_diags_new();
    cc_detection det;
    size_t i;
    (void)state;
    for (i = 0; i < 2; i++)
        assert_int_equal(cc_lang_load(&l[i], "p.yaml", packs[i], strlen(packs[i]), d), CC_OK);
    assert_int_equal(cc_ruleset_load_text(&rs, l, 2, "c.yaml", "claims: []\n", 11, d), CC_OK);

    cc_detect(&det, rs, "Foo, foo bar!", 13); /* aa 3/3, bb 2/3 */
    assert_ptr_equal(det.lang, l[0]);
    assert_int_equal(det.tokens, 3);
    assert_true(det.score == 1.0);
    assert_true(det.runner_up > 0.66 && det.runner_up < 0.67);

    cc_detect(&det, rs, "baz qux", 7); /* the dot of "Qux." is optional */
    assert_int_equal(det.tokens, 2);
    assert_true(det.score == 0.5 && det.runner_up == 0.5);

    cc_detect(&det, rs, "\xd0\xb4\xd0\xb0 x", 6); /* "да x": bb 0.2/2 */
    assert_ptr_equal(det.lang, l[1]);
    assert_true(det.score > 0.099 && det.score < 0.101);
    assert_true(det.runner_up == 0.0);

    cc_detect(&det, rs, "\xc3\xa9t\xc3\xa9", 5); /* "été": aa 1.0 (two listed letters) */
    assert_ptr_equal(det.lang, l[0]);
    assert_true(det.score == 1.0);

    cc_ruleset_free(rs);
    cc_lang_free(l[0]);
    cc_lang_free(l[1]);
    cc_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_detect__seed_articles),
        cmocka_unit_test(test_detect__short_paragraphs),
        cmocka_unit_test(test_detect__nothing_to_go_on),
        cmocka_unit_test(test_detect__scores),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
