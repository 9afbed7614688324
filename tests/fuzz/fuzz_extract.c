/*
 * fuzz_extract.c: libFuzzer target for whole-article extraction with the
 * shipped rules: reading (encoding checks, front matter, line map),
 * language detection, the prefilter, every claim extractor of the detected
 * pack, then comparison and a JSON and an HTML report of the result, so
 * the escaping of untrusted text is fuzzed too (when something was found);
 * the extractor also writes discover's figures, which claimcheck discover
 * groups and reports (text, JSON, HTML, drafts).
 */
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const cc_ruleset *rs = fuzz_rules();
    static cc_extractor *x; /* one per thread in the program too, reused */
    cc_diags *d = cc_diags_new();
    cc_doc *doc = NULL;
    cc_obstab *t = NULL;
    cc_result *res = NULL;
    cc_discovery *dis = NULL;
    cc_detection det;
    const cc_lang *l = NULL;

    if (!d)
        return 0;
    if (cc_doc_from_buffer(&doc, "fuzz.md", (const char *)data, size, d) != CC_OK)
        goto out;
    if (cc_doc_meta_lang(doc))
        l = cc_ruleset_find_lang(rs, cc_doc_meta_lang(doc));
    if (!l) {
        cc_detect(&det, rs, cc_doc_text(doc) + cc_doc_body(doc), cc_doc_len(doc) - cc_doc_body(doc));
        l = det.lang;
    }
    if (!l)
        goto out;
    if (!x && cc_extractor_new(&x, rs) == CC_OK)
        cc_extractor_discover(x, true);
    if (!x || cc_obstab_new(&t) != CC_OK)
        goto out;
    cc_extract(x, l, doc, t, d);
    if (cc_obstab_count(t) && cc_discover(&dis, rs, t, true) == CC_OK) {
        cc_discovery_write(devnull(), CC_FMT_TEXT, dis, NULL, 0, 0, false);
        cc_discovery_write(devnull(), CC_FMT_JSON, dis, NULL, 0, 0, false);
        cc_discovery_write(devnull(), CC_FMT_HTML, dis, NULL, 0, 0, false);
        cc_discovery_free(dis);
    }
    if (cc_obstab_count(t) && cc_compare_run(&res, rs, t) == CC_OK) {
        cc_report r = {0};
        r.result = res;
        r.diags = d;
        cc_report_write(devnull(), CC_FMT_JSON, &r);
        cc_report_write(devnull(), CC_FMT_HTML, &r);
        cc_result_free(res);
    }
out:
    cc_obstab_free(t);
    cc_doc_free(doc);
    cc_diags_free(d);
    return 0;
}
