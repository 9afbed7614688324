/*
 * escape.c: escaping of untrusted text for terminals, JSON, HTML, XML and
 * Markdown (helper for diagnostics and every report format).
 */
#include "escape.h"
#include "utf8.h"

#include <string.h>

bool cc_is_dangerous_cp(uint32_t cp)
{
    if (cp < 0x20)
        return cp != '\t' && cp != '\n';
    if (cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
        return true;
    if (cp >= 0x202A && cp <= 0x202E) /* LRE RLE PDF LRO RLO */
        return true;
    if (cp >= 0x2066 && cp <= 0x2069) /* LRI RLI FSI PDI */
        return true;
    if (cp == 0x200E || cp == 0x200F || cp == 0x061C) /* LRM RLM ALM */
        return true;
    if (cp == 0x2028 || cp == 0x2029)
        return true;
    return false;
}

int cc_escape_term(cc_buf *b, const char *p, size_t n, bool keep_newlines)
{
    const char *end = p + n;
    while (p < end) {
        const char *run = p;
        uint32_t cp;
        int len;
        /* copy harmless ASCII in runs */
        while (p < end && (unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7F)
            p++;
        if (p > run)
            cc_buf_append(b, run, (size_t)(p - run));
        if (p >= end)
            break;
        len = cc_utf8_decode(p, end, &cp);
        if (len < 0) {
            cc_buf_printf(b, "<0x%02X>", (unsigned char)*p);
            p++;
            continue;
        }
        if (cp == '\n' && !keep_newlines) {
            cc_buf_puts(b, "\\n");
        } else if (cp == '\r' && !keep_newlines) {
            cc_buf_puts(b, "\\r");
        } else if (cp == '\r') {
            /* a lone CR would move the cursor; drop it in CRLF, show it alone */
            if (p + 1 >= end || p[1] != '\n')
                cc_buf_puts(b, "\\r");
        } else if (cc_is_dangerous_cp(cp)) {
            cc_buf_printf(b, "<U+%04X>", (unsigned)cp);
        } else {
            cc_buf_append(b, p, (size_t)len);
        }
        p += len;
    }
    return b->err;
}

int cc_escape_json(cc_buf *b, const char *p, size_t n)
{
    const char *end = p + n;
    static const char hex[] = "0123456789abcdef";
    while (p < end) {
        const char *run = p;
        uint32_t cp;
        int len;
        while (p < end) {
            unsigned char c = (unsigned char)*p;
            if (c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' ||
                c == 0x7F || c >= 0x80)
                break;
            p++;
        }
        if (p > run)
            cc_buf_append(b, run, (size_t)(p - run));
        if (p >= end)
            break;
        len = cc_utf8_decode(p, end, &cp);
        if (len < 0) {
            cc_buf_puts(b, "\\ufffd");
            p++;
            continue;
        }
        switch (cp) {
        case '"': cc_buf_puts(b, "\\\""); break;
        case '\\': cc_buf_puts(b, "\\\\"); break;
        case '\n': cc_buf_puts(b, "\\n"); break;
        case '\r': cc_buf_puts(b, "\\r"); break;
        case '\t': cc_buf_puts(b, "\\t"); break;
        default:
            if (cp < 0x20 || cp == '<' || cp == '>' || cp == '&' || cc_is_dangerous_cp(cp)) {
                char u[7] = {'\\', 'u', hex[(cp >> 12) & 15], hex[(cp >> 8) & 15],
                             hex[(cp >> 4) & 15], hex[cp & 15], 0};
                cc_buf_append(b, u, 6);
            } else {
                cc_buf_append(b, p, (size_t)len);
            }
        }
        p += len;
    }
    return b->err;
}

int cc_escape_markup(cc_buf *b, const char *p, size_t n, cc_markup m)
{
    static const char fffd[] = "\xEF\xBF\xBD"; /* U+FFFD as UTF-8 */
    const char *end = p + n;
    while (p < end) {
        uint32_t cp;
        int len = cc_utf8_decode(p, end, &cp);
        if (len < 0) {
            cc_buf_puts(b, m == CC_MARKUP_HTML ? "&#xFFFD;" : fffd);
            p++;
            continue;
        }
        if (cp == '&') {
            cc_buf_puts(b, "&amp;");
        } else if (cp == '<') {
            cc_buf_puts(b, "&lt;");
        } else if (cp == '>') {
            cc_buf_puts(b, "&gt;");
        } else if (cp == '"' && m != CC_MARKUP_MARKDOWN) {
            cc_buf_puts(b, "&quot;");
        } else if (cp == '\'' && m != CC_MARKUP_MARKDOWN) {
            cc_buf_puts(b, m == CC_MARKUP_HTML ? "&#39;" : "&apos;");
        } else if ((cp == '\t' || cp == '\n' || cp == '\r') && m == CC_MARKUP_MARKDOWN) {
            cc_buf_putc(b, ' '); /* a line break would end the table row */
        } else if ((cp == 0xFFFE || cp == 0xFFFF) && m == CC_MARKUP_XML) {
            cc_buf_puts(b, fffd); /* not characters in XML 1.0 */
        } else if ((cc_is_dangerous_cp(cp) && !(cp == '\r' && m == CC_MARKUP_XML)) ||
                   ((cp == 0xFFFE || cp == 0xFFFF) && m == CC_MARKUP_HTML)) {
            /* visible, not applied */
            cc_buf_printf(b,
                          m == CC_MARKUP_HTML  ? "<span class=\"ctl\">U+%04X</span>"
                          : m == CC_MARKUP_XML ? "[U+%04X]"
                                               : "\\[U+%04X\\]",
                          (unsigned)cp);
        } else if (m == CC_MARKUP_MARKDOWN && cp < 0x80 && strchr("|\\`*_[]#!", (int)cp)) {
            cc_buf_putc(b, '\\');
            cc_buf_putc(b, (char)cp);
        } else {
            cc_buf_append(b, p, (size_t)len);
        }
        p += len;
    }
    return b->err;
}

int cc_json_str(cc_buf *b, const char *p, size_t n)
{
    cc_buf_putc(b, '"');
    cc_escape_json(b, p, n);
    return cc_buf_putc(b, '"');
}

int cc_json_cstr(cc_buf *b, const char *s)
{
    if (!s)
        return cc_buf_puts(b, "null");
    return cc_json_str(b, s, strlen(s));
}
