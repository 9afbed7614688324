/*
 * open_text.c: the opener of plain text (stage 2), for the kinds "text"
 * and "markdown" (kinds.c).
 *
 * In: the bytes of a file. Out: the same bytes as the text, less a leading
 * UTF-8 byte-order mark, which the offset map accounts for; UTF-16 (a
 * UTF-16 byte-order mark) is refused with a diagnostic. The text is not
 * copied.
 */
#include "kinds.h"

#include <stdint.h>
#include <string.h>

int cc_doc_open_text(cc_doc_conv *c, cc_diags *d)
{
    const unsigned char *u = (const unsigned char *)c->data;
    size_t bom = 0;

    if (c->data_len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        cc_diags_add(d, CC_SEV_ERROR, CC_D_ENCODING, c->name, 0, 0, 0, NULL,
                     "convert it first, e.g. iconv -f UTF-16 -t UTF-8", "skipped: %s",
                     "UTF-16 text (byte-order mark); claimcheck reads UTF-8");
        return CC_ERR_INPUT;
    }
    if (c->data_len >= 3 && memcmp(c->data, "\xEF\xBB\xBF", 3) == 0) {
        bom = 3;
        if (cc_offmap_add(&c->map, 0, bom) != 0)
            return CC_ERR_NOMEM;
    }
    c->text = c->data + bom;
    c->len = c->data_len - bom;
    return CC_OK;
}
