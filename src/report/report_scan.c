/*
 * report_scan.c: quantities as JSON Lines (claimcheck scan), the view of an
 * article a rule author works from.
 */
#include "report_priv.h"

#include "escape.h"

static void write_quantity(cc_buf *b, cc_doc *doc, const cc_qlist *ql, size_t i)
{
    const cc_quantity *q = &ql->v[i];
    cc_loc loc = cc_doc_loc(doc, q->start);
    char s[CC_DEC_BUFSZ];
    cc_buf_puts(b, "{\"file\": ");
    cc_json_cstr(b, cc_doc_path(doc));
    cc_buf_printf(b, ", \"line\": %u, \"column\": %u, \"start\": %zu, \"end\": %zu, \"text\": ",
                  (unsigned)loc.line, (unsigned)loc.column, cc_doc_file_offset(doc, q->start),
                  cc_doc_file_offset(doc, q->end));
    cc_json_str(b, cc_doc_text(doc) + q->start, q->end - q->start);
    cc_buf_printf(b, ", \"value\": %s, \"low\": ", cc_dec_format(s, q->value));
    if (q->iv.lo_inf)
        cc_buf_puts(b, "null");
    else
        cc_buf_puts(b, cc_dec_format(s, q->iv.lo));
    cc_buf_puts(b, ", \"high\": ");
    if (q->iv.hi_inf)
        cc_buf_puts(b, "null");
    else
        cc_buf_puts(b, cc_dec_format(s, q->iv.hi));
    cc_buf_puts(b, ", \"unit\": ");
    cc_json_cstr(b, q->unit);
    cc_buf_printf(b, ", \"kind\": \"%s\", \"qualifier\": \"%s\", \"vague\": %s, \"unit_inherited\": %s",
                  cc_kind_name(q->kind), cc_qualifier_name(q->qual), q->vague ? "true" : "false",
                  q->inherited ? "true" : "false");
    if (q->conversion_of >= 0)
        cc_buf_printf(b, ", \"conversion_of\": %zu",
                      cc_doc_file_offset(doc, ql->v[q->conversion_of].start));
    cc_buf_puts(b, "}\n");
}

int cc_write_quantities(FILE *out, cc_doc *doc, const cc_qlist *ql)
{
    cc_buf b = CC_BUF_INIT;
    size_t i;
    int rc = CC_OK;
    b.limit = (size_t)1 << 34;
    for (i = 0; i < ql->n; i++)
        write_quantity(&b, doc, ql, i);
    if (b.err)
        rc = CC_ERR_NOMEM;
    else if (b.len && fwrite(b.p, 1, b.len, out) != b.len)
        rc = CC_ERR_IO;
    cc_buf_free(&b);
    return rc;
}
