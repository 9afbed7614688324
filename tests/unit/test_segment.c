/* test_segment.c: sentence splitting. Long runs without a sentence end are
 * cut on code point boundaries (issue 11: 1,400 CJK characters crashed the
 * recursion); a property test cuts real text at every byte and checks what
 * every segmentation must hold; the whole extraction runs on every prefix
 * of real articles. */
#include "helpers.h"

#include "lang_priv.h"
#include "segment.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *repeat(const char *unit, size_t times, size_t *len)
{
    size_t u = strlen(unit), i;
    char *s = malloc(u * times + 1);
    assert_non_null(s);
    for (i = 0; i < times; i++)
        memcpy(s + i * u, unit, u);
    s[u * times] = '\0';
    *len = u * times;
    return s;
}

static char *slurp(const char *name, size_t *len)
{
    char path[512];
    FILE *f;
    long n;
    char *s;
    snprintf(path, sizeof path, "%s/%s", CC_SOURCE_DIR, name);
    f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    assert_true(n > 0);
    rewind(f);
    s = malloc((size_t)n + 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return s;
}

static bool is_boundary(const char *t, size_t i, size_t end)
{
    return i == end || ((unsigned char)t[i] & 0xC0) != 0x80;
}

/* What every segmentation of t[begin..end) holds: sentences in order, not
 * overlapping, inside the range, not empty, not over CC_SENTENCE_MAX, not
 * starting or ending with white space, and (for valid UTF-8) on code
 * point boundaries. */
static void check_sents(const cc_sents *s, const char *t, size_t begin, size_t end, bool valid)
{
    size_t i, prev = begin;
    for (i = 0; i < s->n; i++) {
        const cc_sent *x = &s->v[i];
        assert_true(x->start >= prev);
        assert_true(x->start < x->end);
        assert_true(x->end <= end);
        assert_true(x->end - x->start <= CC_SENTENCE_MAX);
        assert_true(t[x->start] != ' ' && t[x->start] != '\n');
        assert_true(t[x->end - 1] != ' ' && t[x->end - 1] != '\n');
        if (valid) {
            assert_true(is_boundary(t, x->start, end));
            assert_true(is_boundary(t, x->end, end));
        }
        assert_int_equal(cc_sent_of(s, x->start), (long)i);
        assert_int_equal(cc_sent_of(s, x->end - 1), (long)i);
        prev = x->end;
    }
}

static const cc_lang *pack(const char *code)
{
    const cc_lang *l = cc_ruleset_find_lang(th_rules(), code);
    assert_non_null(l);
    return l;
}

static void test_segment__long_runs_are_cut_on_boundaries(void **state)
{
    static const struct {
        const char *lang, *unit;
        size_t times;
        const char *cut_after; /* each piece ends with this, or NULL */
    } c[] = {
        {"zh", "\xE4\xB8\xAD", 1400, NULL},                  /* 中 x1400: the crash */
        {"zh", "\xE4\xB8\xAD", 100000, NULL},                /* 300 KB */
        {"zh", "\xE4\xB8\xAD\xE6\x96\x87\xEF\xBC\x8C", 3000, "\xEF\xBC\x8C"}, /* 中文， */
        {"ja", "\xE3\x81\x82\xE3\x80\x81", 5000, "\xE3\x80\x81"},           /* あ、 */
        {"ru", "\xD0\x96", 3000, NULL},                      /* Ж */
        {"ru", "\xD0\x96\xD0\xB6 ", 3000, NULL},             /* Жж + space */
        {"en", "a", 10000, NULL},
        {"en", "\xF0\x9F\x98\x80", 2000, NULL},              /* 4-byte emoji */
        {"en", "\xE2\x82\xAC\xCC\x81", 3000, NULL},          /* € + combining mark */
    };
    size_t i, k;
    (void)state;
    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        size_t n;
        char *t = repeat(c[i].unit, c[i].times, &n);
        cc_sents s = {0};
        assert_int_equal(cc_segment(&s, pack(c[i].lang), t, 0, n), 0);
        assert_true(s.n >= n / CC_SENTENCE_MAX);
        check_sents(&s, t, 0, n, true);
        if (c[i].cut_after)
            for (k = 0; k + 1 < s.n; k++)
                assert_memory_equal(t + s.v[k].end - 3, c[i].cut_after, 3);
        cc_sents_free(&s);
        free(t);
    }
}

static void test_segment__invalid_bytes_stay_in_bounds(void **state)
{
    static const char *const units[] = {"\x80", "\xE4\xB8", "\xF0\x9F\x98", "\xFF\xFE"};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof units / sizeof units[0]; i++) {
        size_t n;
        char *t = repeat(units[i], 9000, &n);
        cc_sents s = {0};
        assert_int_equal(cc_segment(&s, pack("en"), t, 0, n), 0);
        check_sents(&s, t, 0, n, false);
        cc_sents_free(&s);
        free(t);
    }
}

/* Real text (the seed articles, and their bodies glued into one long line
 * with the line ends removed) cut at every byte: the text before the cut
 * and the text after it each segment soundly. Windows of 1.5 KiB on each
 * side keep this linear; the glued line crosses CC_SENTENCE_MAX. */
static void test_segment__real_text_cut_at_every_byte(void **state)
{
    static const char *const files[] = {
        "fixtures/articles/000_531ddda5ff660788.txt", "fixtures/articles/001_856d452ba46fbbed.txt",
        "fixtures/articles/002_fdcdadbe5f2b148f.txt", "fixtures/articles/003_c9c86e45faf40983.txt",
        "fixtures/articles/004_f95c5a4f988cf8a0.txt"};
    const size_t w = 1536;
    size_t f, i;
    (void)state;
    for (f = 0; f < sizeof files / sizeof files[0] * 2; f++) {
        size_t n, j;
        char *t = slurp(files[f / 2], &n);
        const cc_lang *l = pack(f / 2 == 0 ? "hu" : f / 2 == 1 ? "pl" : f / 2 == 3 ? "zh" : "en");
        cc_sents s = {0};
        if (f % 2) { /* one line: no line ends, few sentence ends */
            for (j = 0; j < n; j++)
                if (t[j] == '\n' || t[j] == '.')
                    t[j] = ' ';
        }
        for (i = 0; i <= n; i++) {
            size_t a = i > w ? i - w : 0, b = n - i > w ? i + w : n;
            bool valid = is_boundary(t, i, n);
            while (!is_boundary(t, a, n))
                a++;
            while (!is_boundary(t, b, n))
                b--;
            assert_int_equal(cc_segment(&s, l, t, a, i), 0);
            check_sents(&s, t, a, i, valid && f % 2 == 0);
            assert_int_equal(cc_segment(&s, l, t, i, b), 0);
            check_sents(&s, t, i, b, valid && f % 2 == 0);
        }
        /* and whole */
        assert_int_equal(cc_segment(&s, l, t, 0, n), 0);
        check_sents(&s, t, 0, n, f % 2 == 0);
        cc_sents_free(&s);
        free(t);
    }
}

/* The whole extraction over every prefix of a real article: a prefix cut
 * inside a character is refused as invalid UTF-8, every other one is read
 * and its observations lie inside it. */
static void test_segment__extraction_of_every_prefix(void **state)
{
    static const struct {
        const char *file, *lang;
        size_t from, to;
    } c[] = {{"fixtures/articles/003_c9c86e45faf40983.txt", "zh", 0, 2600},
             {"fixtures/articles/001_856d452ba46fbbed.txt", "pl", 0, 1800}};
    const cc_ruleset *rs = th_rules();
    size_t k, i;
    cc_extractor *x;
    (void)state;
    assert_int_equal(cc_extractor_new(&x, rs), CC_OK);
    for (k = 0; k < sizeof c / sizeof c[0]; k++) {
        size_t n;
        char *t = slurp(c[k].file, &n);
        size_t to = c[k].to < n ? c[k].to : n;
        for (i = c[k].from; i <= to; i++) {
            cc_diags *d = cc_diags_new();
            cc_doc *doc;
            cc_obstab *ot;
            size_t o;
            int rc = cc_doc_from_buffer(&doc, "p.txt", t, i, d);
            if (!is_boundary(t, i, n)) {
                assert_int_equal(rc, CC_ERR_INPUT);
                cc_diags_free(d);
                continue;
            }
            if (rc != CC_OK) { /* a prefix cut inside the front matter */
                assert_int_equal(rc, CC_ERR_INPUT);
                cc_diags_free(d);
                continue;
            }
            assert_int_equal(cc_obstab_new(&ot), CC_OK);
            assert_int_equal(cc_extract(x, cc_ruleset_find_lang(rs, c[k].lang), doc, ot, d), CC_OK);
            for (o = 0; o < cc_obstab_count(ot); o++) {
                const cc_obs *ob = cc_obstab_get(ot, o);
                assert_true(ob->start < ob->end && ob->end <= i);
            }
            cc_obstab_free(ot);
            cc_doc_free(doc);
            cc_diags_free(d);
        }
        free(t);
    }
    cc_extractor_free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_segment__long_runs_are_cut_on_boundaries),
        cmocka_unit_test(test_segment__invalid_bytes_stay_in_bounds),
        cmocka_unit_test(test_segment__real_text_cut_at_every_byte),
        cmocka_unit_test(test_segment__extraction_of_every_prefix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
