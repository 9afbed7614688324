/*
 * escape.h: writing untrusted text into outputs. Article text can contain
 * ANSI escape sequences, control characters and Unicode bidi controls (the
 * "Trojan Source" class); every output goes through one of these.
 */
#ifndef CC_ESCAPE_H
#define CC_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* True for code points that must never reach a terminal or a report raw:
 * C0 and C1 controls (tab excepted), DEL, bidi embeddings, overrides and
 * isolates, LRM/RLM/ALM, line and paragraph separators. */
bool cc_is_dangerous_cp(uint32_t cp);

/* Terminal-safe copy: dangerous code points become <U+XXXX>, invalid bytes
 * <0xNN>, tabs stay; newlines become a visible "\n" when keep_newlines is
 * false. */
int cc_escape_term(cc_buf *b, const char *p, size_t n, bool keep_newlines);

/* JSON string contents (without the quotes). Escapes ", \, controls, and
 * dangerous code points as \uXXXX; also '<', '>' and '&' so that JSON can be
 * embedded in HTML <script> blocks safely. */
int cc_escape_json(cc_buf *b, const char *p, size_t n);

/* Markup whose text cc_escape_markup writes. */
typedef enum cc_markup {
    CC_MARKUP_HTML,     /* & < > " ' as entities (&#39;); a dangerous code
                           point, U+FFFE or U+FFFF as
                           <span class="ctl">U+XXXX</span>; an invalid byte
                           &#xFFFD; */
    CC_MARKUP_XML,      /* XML 1.0: & < > " ' as entities (&apos;); tab, LF
                           and CR kept; other dangerous code points as a
                           visible [U+XXXX]; U+FFFE, U+FFFF and an invalid
                           byte as U+FFFD */
    CC_MARKUP_MARKDOWN  /* a GitHub Markdown table cell: & < > as entities;
                           | \ ` * _ [ ] # ! after a backslash; tab, LF and
                           CR as a space; other dangerous code points as
                           \[U+XXXX\]; an invalid byte as U+FFFD */
} cc_markup;

/* Text for markup m: its specials escaped and dangerous code points made
 * visible, never applied. */
int cc_escape_markup(cc_buf *b, const char *p, size_t n, cc_markup m);

/* Writes a JSON string with quotes. */
int cc_json_str(cc_buf *b, const char *p, size_t n);
int cc_json_cstr(cc_buf *b, const char *s); /* NULL prints null */

#endif
