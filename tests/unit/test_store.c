/* test_store.c: what lasts between runs. Archives: observations, inputs
 * and diagnostics written as JSON Lines read back the same; a file's
 * records dropped; a file cut short refused. Baselines: a run's conflicts
 * written, read back and applied (accepted), a changed value (changed),
 * an entry that no longer occurs (stale). */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add(cc_obstab *t, const char *file, uint32_t line, const char *value)
{
    cc_obs o;
    memset(&o, 0, sizeof o);
    o.claim = "microsoft_investment_total";
    o.scope = "";
    o.file = file;
    o.lang = "en";
    o.text = "$x \"quoted\" \xE2\x80\xA8"; /* a quote and U+2028 survive */
    o.unit = "USD";
    o.start = 10 * line;
    o.end = 10 * line + 5;
    o.line = line;
    o.column = 3;
    o.kind = CC_KIND_MONEY;
    o.qual = CC_Q_EXACT;
    o.value = th_dec(value);
    o.iv = cc_interval_of(CC_Q_EXACT, o.value);
    o.context = "context";
    o.date = "2024-10-20";
    assert_int_equal(cc_obstab_add(t, &o), CC_OK);
}

static const char *write_archive(int slot, const char *name, cc_obstab *t)
{
    cc_input in[2];
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    const char *path;
    memset(in, 0, sizeof in);
    in[0].path = "a.txt";
    in[0].lang = "en";
    in[0].lang_source = "detected";
    in[0].nobs = 2;
    in[0].bytes = 100;
    in[1].path = "b.txt";
    in[1].lang = "en";
    in[1].lang_source = "detected";
    in[1].nobs = 1;
    in[1].bytes = 50;
    assert_non_null(f);
    assert_int_equal(cc_write_jsonl(f, t, in, 2, NULL), CC_OK);
    fclose(f);
    path = th_write(slot, name, buf);
    free(buf);
    return path;
}

static void test_store__archive_round_trip_and_drop(void **state)
{
    cc_obstab *t;
    cc_archive *a;
    cc_diags *d = cc_diags_new();
    const char *path;
    const cc_obs *o;
    const char *drop[] = {"a.txt"};
    (void)state;
    assert_int_equal(cc_obstab_new(&t), CC_OK);
    add(t, "a.txt", 1, "13e9");
    add(t, "a.txt", 2, "1.3E10");
    add(t, "b.txt", 1, "14000000000");
    path = write_archive(0, "arch.jsonl", t);
    assert_int_equal(cc_archive_new(&a), CC_OK);
    assert_int_equal(cc_archive_load(a, path, d), CC_OK);
    assert_int_equal(cc_diags_count(d), 0);
    assert_int_equal(cc_obstab_count(cc_archive_obs(a)), 3);
    assert_int_equal(cc_archive_ninputs(a), 2);
    o = cc_obstab_get(cc_archive_obs(a), 0);
    assert_string_equal(o->file, "a.txt");
    assert_string_equal(o->text, "$x \"quoted\" \xE2\x80\xA8");
    assert_string_equal(o->date, "2024-10-20");
    assert_int_equal(o->line, 1);
    assert_int_equal(o->column, 3);
    assert_dec(o->value, "13e9");
    /* the records of a.txt go; b.txt's stay */
    assert_int_equal(cc_archive_drop_files(a, drop, 1), CC_OK);
    assert_int_equal(cc_obstab_count(cc_archive_obs(a)), 1);
    assert_string_equal(cc_obstab_get(cc_archive_obs(a), 0)->file, "b.txt");
    assert_int_equal(cc_archive_ninputs(a), 1);
    cc_archive_free(a);
    cc_obstab_free(t);
    cc_diags_free(d);
}

static void test_store__archive_cut_short_is_refused(void **state)
{
    cc_obstab *t;
    cc_archive *a;
    cc_diags *d = cc_diags_new();
    char *text, *last;
    FILE *f;
    const char *path;
    long n;
    (void)state;
    assert_int_equal(cc_obstab_new(&t), CC_OK);
    add(t, "a.txt", 1, "13e9");
    add(t, "a.txt", 2, "13e9");
    add(t, "b.txt", 1, "14e9");
    path = write_archive(1, "full.jsonl", t);
    /* drop the last line: an observation the input records still count */
    f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    text = calloc(1, (size_t)n + 1);
    assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    text[n - 1] = '\0';
    last = strrchr(text, '\n');
    assert_non_null(last);
    last[1] = '\0';
    path = th_write(2, "cut.jsonl", text);
    free(text);
    assert_int_equal(cc_archive_new(&a), CC_OK);
    assert_int_equal(cc_archive_load(a, path, d), CC_ERR_INPUT);
    assert_int_equal(cc_diags_count_sev(d, CC_SEV_ERROR), 1);
    assert_non_null(strstr(cc_diags_get(d, 0)->message, "counts"));
    cc_archive_free(a);
    cc_obstab_free(t);
    cc_diags_free(d);
}

static const cc_claimres *the_claim(const cc_result *r)
{
    size_t i;
    for (i = 0; i < cc_result_count(r); i++)
        if (strcmp(cc_result_get(r, i)->id, "microsoft_investment_total") == 0)
            return cc_result_get(r, i);
    fail_msg("no microsoft_investment_total in the result");
    return NULL;
}

/* The result borrows the observations: t lives as long as it. */
static cc_result *compare(cc_obstab **t, const char *v1, const char *v2)
{
    cc_result *r;
    assert_int_equal(cc_obstab_new(t), CC_OK);
    add(*t, "a.txt", 1, v1);
    add(*t, "b.txt", 1, v2);
    assert_int_equal(cc_compare_run(&r, th_rules(), *t), CC_OK);
    return r;
}

static void test_store__baseline_accepts_changes_and_goes_stale(void **state)
{
    cc_obstab *t, *t2;
    cc_result *r = compare(&t, "13e9", "14e9"), *r2;
    cc_baseline *b;
    cc_diags *d = cc_diags_new();
    const cc_stale *stale;
    size_t nstale;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    const char *path;
    (void)state;
    assert_int_equal(the_claim(r)->verdict, CC_VERDICT_CONFLICT);
    assert_int_equal(cc_baseline_write(f, r), CC_OK);
    fclose(f);
    path = th_write(3, "baseline.json", buf);
    free(buf);
    assert_int_equal(cc_baseline_load(&b, path, d), CC_OK);
    /* the same conflict: accepted, nothing stale */
    assert_int_equal(cc_baseline_apply(b, r, &stale, &nstale), CC_OK);
    assert_int_equal(the_claim(r)->baseline, CC_BASELINE_ACCEPTED);
    assert_int_equal(nstale, 0);
    /* another value: changed */
    r2 = compare(&t2, "13e9", "15e9");
    assert_int_equal(cc_baseline_apply(b, r2, &stale, &nstale), CC_OK);
    assert_int_equal(the_claim(r2)->baseline, CC_BASELINE_CHANGED);
    cc_result_free(r2);
    cc_obstab_free(t2);
    /* no conflict any more: the entry is stale */
    r2 = compare(&t2, "13e9", "13e9");
    assert_int_equal(cc_baseline_apply(b, r2, &stale, &nstale), CC_OK);
    assert_int_equal(nstale, 1);
    assert_string_equal(stale[0].id, "microsoft_investment_total");
    cc_result_free(r2);
    cc_obstab_free(t2);
    cc_baseline_free(b);
    cc_result_free(r);
    cc_obstab_free(t);
    cc_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_store__archive_round_trip_and_drop),
        cmocka_unit_test(test_store__archive_cut_short_is_refused),
        cmocka_unit_test(test_store__baseline_accepts_changes_and_goes_stale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
