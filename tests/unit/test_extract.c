/* test_extract.c: extraction: sentences, windows, the year filter,
 * conversions, deduplication; on the seeds, the observations per article. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

static cc_obstab *extract_in(const cc_ruleset *rs, const char *lang, const char *text)
{
    cc_extractor *x;
    cc_doc *doc;
    cc_obstab *t;
    cc_diags *d = cc_diags_new();
    assert_int_equal(cc_extractor_new(&x, rs), CC_OK);
    assert_int_equal(cc_obstab_new(&t), CC_OK);
    assert_int_equal(cc_doc_from_buffer(&doc, "t.txt", text, strlen(text), d), CC_OK);
    assert_int_equal(cc_extract(x, cc_ruleset_find_lang(rs, lang), doc, t, d), CC_OK);
    cc_doc_free(doc);
    cc_extractor_free(x);
    cc_diags_free(d);
    return t;
}

static cc_obstab *extract_text(const char *lang, const char *text)
{
    return extract_in(th_rules(), lang, text);
}

static size_t count_claim(const cc_obstab *t, const char *claim)
{
    size_t i, n = 0;
    for (i = 0; i < cc_obstab_count(t); i++)
        n += strcmp(cc_obstab_get(t, i)->claim, claim) == 0;
    return n;
}

static void test_extract__seed_observations_per_article(void **state)
{
    static const struct {
        const char *file;
        size_t n;
    } c[] = {{"000_531ddda5ff660788.txt", 14}, /* 7 claims, body repeated */
             {"001_856d452ba46fbbed.txt", 5},
             {"002_fdcdadbe5f2b148f.txt", 1},
             {"003_c9c86e45faf40983.txt", 10},
             {"004_f95c5a4f988cf8a0.txt", 3}};
    const cc_ruleset *rs = th_rules();
    size_t i;
    (void)state;
    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        char path[512];
        cc_doc *doc;
        cc_diags *d = cc_diags_new();
        cc_extractor *x;
        cc_obstab *t;
        cc_detection det;
        snprintf(path, sizeof path, "%s/fixtures/articles/%s", CC_SOURCE_DIR, c[i].file);
        assert_int_equal(cc_doc_open(&doc, path, d), CC_OK);
        cc_detect(&det, rs, cc_doc_text(doc), cc_doc_len(doc));
        assert_int_equal(cc_extractor_new(&x, rs), CC_OK);
        assert_int_equal(cc_obstab_new(&t), CC_OK);
        assert_int_equal(cc_extract(x, det.lang, doc, t, d), CC_OK);
        if (cc_obstab_count(t) != c[i].n)
            fail_msg("%s: %zu observations, expected %zu", c[i].file, cc_obstab_count(t), c[i].n);
        assert_int_equal(cc_diags_count(d), 0);
        cc_obstab_free(t);
        cc_extractor_free(x);
        cc_doc_free(doc);
        cc_diags_free(d);
    }
}

static void test_extract__abbreviations_do_not_split_sentences(void **state)
{
    cc_obstab *t;
    (void)state;
    /* "ok." is an abbreviation: the qualifier and the claim stay together */
    t = extract_text("pl", "Microsoft włożył w OpenAI łącznie ok. 13 mld dolarów.");
    assert_int_equal(count_claim(t, "microsoft_investment_total"), 1);
    assert_int_equal(cc_obstab_get(t, 0)->qual, CC_Q_ABOUT);
    cc_obstab_free(t);
    /* a full stop ends the sentence: Microsoft is not in the figure's one */
    t = extract_text("en", "Microsoft declined to comment. OpenAI has invested $13 billion in chips.");
    assert_int_equal(count_claim(t, "microsoft_investment_total"), 0);
    cc_obstab_free(t);
}

static void test_extract__year_filter_keeps_figures_with_their_year(void **state)
{
    cc_obstab *t = extract_text(
        "en", "Its computing costs this year will be at least $5.4bn, rising to $37.5bn in 2029.");
    (void)state;
    assert_int_equal(count_claim(t, "compute_cost_2024"), 1);
    assert_int_equal(count_claim(t, "compute_cost_2029"), 1);
    assert_dec(cc_obstab_get(t, 0)->value, "5.4e9");
    cc_obstab_free(t);
    t = extract_text("en", "OpenAI lost $540 million in 2022.");
    assert_int_equal(count_claim(t, "openai_loss_2024"), 0);
    cc_obstab_free(t);
}

static void test_extract__conversions_and_vague_amounts_are_not_observations(void **state)
{
    cc_obstab *t = extract_text(
        "hu", "A Microsoft legalább 650 millió dollárt (mintegy 235 milliárd forintot) fizetett az "
              "Inflection AI-nak, és további több milliárd dollárt fektetett be.");
    (void)state;
    assert_int_equal(count_claim(t, "inflection_payment"), 1);
    assert_string_equal(cc_obstab_get(t, 0)->unit, "USD");
    assert_int_equal(count_claim(t, "microsoft_investment_total"), 0);
    cc_obstab_free(t);
}

static void test_extract__two_extractors_one_figure(void **state)
{
    /* the pattern with the separated qualifier and the context rule both
     * find 54亿美元; one observation, with the qualifier */
    cc_obstab *t = extract_text("zh", "OpenAI 预计到2024年底前至少在计算成本上花费54亿美元。");
    (void)state;
    assert_int_equal(count_claim(t, "compute_cost_2024"), 1);
    assert_string_equal(cc_obstab_get(t, 0)->text, "至少在计算成本上花费54亿美元");
    assert_int_equal(cc_obstab_get(t, 0)->qual, CC_Q_AT_LEAST);
    cc_obstab_free(t);
}

/* A figure the filters reject does not use up the trigger words before
 * it: the next figure the pattern allows is tried. */
static void test_extract__rejected_figure_frees_its_trigger(void **state)
{
    static const char *pack =
        "lang: en\n"
        "numbers: {decimal: [\".\"], group: [\",\"]}\n"
        "scales:\n  - {value: 1e9, forms: [billion]}\n"
        "currencies:\n  - {code: USD, symbols: [\"$\"], words: [dollars]}\n"
        "detect: {words: [the, and]}\n";
    static const char *claims =
        "claims:\n"
        "  - id: loss\n"
        "    description: the loss\n"
        "    unit: currency\n"
        "    currency: USD\n"
        "    extract:\n"
        "      en:\n"
        "        - pattern: '\\blose\\s+(?:\\S+\\s+){0,9}?%{money}'\n"
        "          year: 2024\n"
        "  - id: handmade\n"
        "    description: a pattern without macros\n"
        "    unit: currency\n"
        "    currency: USD\n"
        "    extract:\n"
        "      en:\n"
        "        - pattern: '\\bspend\\s+(?:\\S+\\s+){0,9}?(?<value>\\d+)'\n";
    cc_ruleset *rs;
    cc_diags *d;
    cc_obstab *t;
    (void)state;
    assert_int_equal(th_load("retry", "en", pack, claims, &d, &rs), CC_OK);
    t = extract_in(rs, "en", "It may lose $14 billion in 2026, $9 billion in 2025 and $5 billion in 2024.");
    assert_int_equal(cc_obstab_count(t), 1);
    assert_dec(cc_obstab_get(t, 0)->value, "5e9");
    cc_obstab_free(t);
    /* a bare figure is never money; the retry gives up instead of looping */
    t = extract_in(rs, "en", "They spend 14 and 15 and 16 on it in 2024.");
    assert_int_equal(cc_obstab_count(t), 0);
    cc_obstab_free(t);
    cc_ruleset_free(rs);
    cc_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_extract__seed_observations_per_article),
        cmocka_unit_test(test_extract__abbreviations_do_not_split_sentences),
        cmocka_unit_test(test_extract__year_filter_keeps_figures_with_their_year),
        cmocka_unit_test(test_extract__conversions_and_vague_amounts_are_not_observations),
        cmocka_unit_test(test_extract__two_extractors_one_figure),
        cmocka_unit_test(test_extract__rejected_figure_frees_its_trigger),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
