/* test_discover.c: grouping figures into candidates (src/discover/), as
 * cases: each a list of figures and the groups they must form. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

typedef struct fig {
    const char *tag;  /* the case's name for the figure; "-": in no group */
    const char *file, *head, *of, *ents, *mods;
    const char *value, *unit;
    int year;
} fig;

typedef struct dcase {
    const char *name;
    fig figs[8];
    /* the groups of two articles or more: tags, one group per string,
     * space-separated; in rank order */
    const char *groups[4];
    cc_verdict first; /* the first candidate's verdict */
} dcase;

static const dcase CASES[] = {
    {"a conflict and an agreement, ranked conflict first",
     {{"a", "1.txt", "raise", "", "openai", "", "6.6e9", "USD", 0},
      {"b", "2.txt", "raise", "", "openai", "", "6.6e9", "USD", 0},
      {"c", "1.txt", "invest", "", "microsoft openai", "", "13e9", "USD", 0},
      {"d", "2.txt", "invest", "", "microsoft openai", "total", "14e9", "USD", 0}},
     {"c d", "a b"}, CC_VERDICT_CONFLICT},
    {"another head family, other organisations or values far apart keep them apart",
     {{"-", "1.txt", "revenue", "", "openai", "", "13e9", "USD", 0},
      {"-", "2.txt", "invest", "", "openai", "", "13e9", "USD", 0},
      {"-", "3.txt", "loss", "", "anthropic", "", "5e9", "USD", 0},
      {"-", "4.txt", "loss", "", "openai", "", "5e9", "USD", 0},
      {"-", "5.txt", "cost", "", "openai", "", "5.4e9", "USD", 0},
      {"-", "6.txt", "cost", "", "openai", "", "37.5e9", "USD", 0}},
     {NULL}, CC_VERDICT_SINGLE},
    {"heads of one family, a light head, shared organisations",
     {{"a", "1.txt", "acquire", "", "google wiz", "", "32e9", "USD", 0},
      {"a", "2.txt", "price", "", "wiz", "", "32e9", "USD", 0},
      {"a", "3.txt", "pay", "", "google wiz", "", "33e9", "USD", 2025},
      {"-", "4.txt", "valuation", "", "wiz", "", "32e9", "USD", 0}},
     {"a a a"}, CC_VERDICT_CONFLICT},
    {"a predicate's figures group by the head they are said of",
     {{"a", "1.txt", "growth", "revenue", "nvidia", "", "62", "percent", 0},
      {"a", "2.txt", "growth", "revenue", "nvidia", "", "62", "percent", 0},
      {"-", "3.txt", "growth", "profit", "nvidia", "", "62", "percent", 0}},
     {"a a"}, CC_VERDICT_AGREE},
    {"a scale slip of one article joins the others; figures naming no organisation stay apart",
     {{"a", "1.txt", "invest", "", "stargate", "", "500e9", "USD", 0},
      {"a", "2.txt", "invest", "", "openai stargate", "", "500e9", "USD", 0},
      {"a", "3.txt", "invest", "", "stargate", "", "500e6", "USD", 0},
      {"b", "4.txt", "invest", "", "", "", "500e9", "USD", 0},
      {"b", "5.txt", "invest", "", "", "", "500e9", "USD", 0}},
     {"a a a", "b b"}, CC_VERDICT_SCALE_ERROR},
    {"within 30%, one family and the very same organisations: one fact they disagree on",
     {{"a", "1.txt", "valuation", "", "anthropic", "", "183e9", "USD", 0},
      {"a", "2.txt", "valuation", "", "anthropic", "", "183e9", "USD", 0},
      {"a", "3.txt", "market_value", "", "anthropic", "", "150e9", "USD", 0},
      {"-", "4.txt", "valuation", "", "openai", "", "170e9", "USD", 0},
      {"-", "5.txt", "valuation", "", "anthropic", "", "100e9", "USD", 0}},
     {"a a a"}, CC_VERDICT_CONFLICT},
    /* past the group's fixed lists (256 bytes of organisations, 96 of
     * heads) and with names longer than 64 bytes: still one candidate */
    {"long names and more organisations than the group's list holds",
     {{"a", "1.txt", "invest", "",
       "organisation_with_a_very_long_identifier_that_goes_on_and_on_and_on_0001 "
       "organisation_with_a_very_long_identifier_that_goes_on_and_on_and_on_0002 "
       "organisation_with_a_very_long_identifier_that_goes_on_and_on_and_on_0003 "
       "organisation_with_a_very_long_identifier_that_goes_on_and_on_and_on_0004",
       "", "1e9", "USD", 0},
      {"a", "2.txt", "invest", "",
       "organisation_with_a_very_long_identifier_that_goes_on_and_on_and_on_0004", "", "1e9",
       "USD", 0},
      {"a", "3.txt", "invest", "",
       "organisation_with_a_very_long_identifier_that_goes_on_and_on_and_on_0001", "", "1e9",
       "USD", 0}},
     {"a a a"}, CC_VERDICT_AGREE},
    {"one article twice is one article; the same figure in one article is no candidate",
     {{"-", "1.txt", "fine", "", "apple", "", "1.8e9", "EUR", 0},
      {"-", "1.txt", "fine", "", "apple", "", "1.8e9", "EUR", 0}},
     {NULL}, CC_VERDICT_SINGLE},
};

static void add(cc_obstab *t, const fig *f, uint64_t at)
{
    cc_obs o;
    cc_figctx fc;
    memset(&o, 0, sizeof o);
    memset(&fc, 0, sizeof fc);
    o.claim = "";
    o.scope = "";
    o.file = f->file;
    o.lang = "en";
    o.text = f->value;
    o.unit = f->unit;
    o.start = at;
    o.end = at + 4;
    o.line = (uint32_t)at;
    o.column = 1;
    o.kind = strcmp(f->unit, "percent") == 0 ? CC_KIND_PERCENT : CC_KIND_MONEY;
    o.qual = CC_Q_EXACT;
    o.value = th_dec(f->value);
    o.iv = cc_interval_of(CC_Q_EXACT, o.value);
    o.context = "";
    o.date = "2025-06-01";
    fc.head = f->head;
    fc.of = f->of;
    fc.entities = f->ents;
    fc.modifiers = f->mods;
    fc.year = f->year;
    fc.alone = true;
    o.fig = &fc;
    assert_int_equal(cc_obstab_add(t, &o), CC_OK);
}

/* The tags of candidate c's figures, in observation order, space-separated. */
static void tags_of(const dcase *k, const cc_candidate *c, char *out, size_t n)
{
    size_t i, j, len = 0;
    out[0] = '\0';
    for (i = 0; i < c->res->nobs; i++) {
        const cc_robs *ro = &c->res->obs[i];
        size_t reps = 1 + ro->nrepeats;
        for (j = 0; j < 8 && k->figs[j].tag; j++)
            if (strcmp(k->figs[j].file, ro->o->file) == 0 && (uint64_t)j * 100 == ro->o->start)
                break;
        assert_true(j < 8 && k->figs[j].tag);
        while (reps--)
            len += (size_t)snprintf(out + len, n - len, "%s%s", len ? " " : "", k->figs[j].tag);
    }
}

/* The same tags, in any order (one letter each). */
static bool same_tags(const char *a, const char *b)
{
    int n[256] = {0};
    for (; *a; a++)
        n[(unsigned char)*a]++;
    for (; *b; b++)
        n[(unsigned char)*b]--;
    for (size_t i = 0; i < 256; i++)
        if (n[i])
            return false;
    return true;
}

static void test_discover__cases(void **state)
{
    size_t ci;
    (void)state;
    for (ci = 0; ci < sizeof CASES / sizeof CASES[0]; ci++) {
        const dcase *k = &CASES[ci];
        cc_obstab *t;
        cc_discovery *d;
        size_t i, ng = 0;
        assert_int_equal(cc_obstab_new(&t), CC_OK);
        for (i = 0; i < 8 && k->figs[i].tag; i++)
            add(t, &k->figs[i], (uint64_t)i * 100);
        assert_int_equal(cc_discover(&d, th_rules(), t, false), CC_OK);
        while (ng < 4 && k->groups[ng])
            ng++;
        if (cc_discovery_count(d) != ng)
            fail_msg("%s: %zu candidates, expected %zu", k->name, cc_discovery_count(d), ng);
        for (i = 0; i < ng; i++) {
            char got[256];
            const cc_candidate *c = cc_discovery_get(d, i);
            tags_of(k, c, got, sizeof got);
            /* the figures of one tag, in any order of articles */
            if (!same_tags(got, k->groups[i]))
                fail_msg("%s: candidate %zu (%s) holds \"%s\", expected \"%s\"", k->name, i + 1,
                         c->id, got, k->groups[i]);
            assert_non_null(c->draft);
        }
        if (ng && cc_discovery_get(d, 0)->res->verdict != k->first)
            fail_msg("%s: the first candidate is %s", k->name,
                     cc_verdict_name(cc_discovery_get(d, 0)->res->verdict));
        cc_discovery_free(d);
        cc_obstab_free(t);
    }
}

/* What the draft rule says: id, unit, frame, and one example per article. */
static void test_discover__draft(void **state)
{
    static const fig figs[] = {
        {"a", "1.txt", "acquire", "", "google wiz", "", "32e9", "USD", 2025},
        {"a", "2.txt", "pay", "", "google wiz", "", "32e9", "USD", 2025},
    };
    cc_obstab *t;
    cc_discovery *d;
    const cc_candidate *c;
    (void)state;
    assert_int_equal(cc_obstab_new(&t), CC_OK);
    add(t, &figs[0], 0);
    add(t, &figs[1], 100);
    assert_int_equal(cc_discover(&d, th_rules(), t, false), CC_OK);
    assert_int_equal(cc_discovery_count(d), 1);
    c = cc_discovery_get(d, 0);
    assert_string_equal(c->id, "acquire_google_wiz_2025");
    assert_string_equal(c->heads, "acquire pay");
    assert_string_equal(c->currency, "USD");
    assert_non_null(strstr(c->draft, "  - id: acquire_google_wiz_2025\n"));
    assert_non_null(strstr(c->draft, "    unit: currency\n    currency: USD\n"));
    assert_non_null(
        strstr(c->draft, "frame: {concept: [acquire, pay], entities: [google, wiz], year: 2025}"));
    assert_non_null(strstr(c->draft, "      - {lang: en, text: \"32e9\", value: 32000000000}\n"));
    cc_discovery_free(d);
    cc_obstab_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_discover__cases),
        cmocka_unit_test(test_discover__draft),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
