/*
 * fuzz_json.c: libFuzzer target for the JSON reader of archives and
 * baselines (src/json.c). The input is read as a baseline is, one value
 * for the whole text, and as an archive is, one value per line. A parse
 * must end in a value or an error with an offset inside the text, never in
 * a crash, a leak or undefined behaviour; a value must keep what the
 * reader promises: strings valid UTF-8 without NUL, each key once per
 * object, found again by j_get, offsets inside the text.
 */
#include "json.h"
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const jval *v, size_t len)
{
    size_t i, bad;
    if (v->off >= len)
        abort();
    switch (v->t) {
    case J_STR:
        if (strlen(v->s) != v->len || cc_utf8_validate(v->s, v->len, &bad) != 0)
            abort();
        break;
    case J_NUM:
    case J_BOOL:
        if (!v->s || !*v->s)
            abort();
        break;
    case J_ARR:
        for (i = 0; i < v->n; i++)
            check(v->kids[i], len);
        break;
    case J_OBJ:
        for (i = 0; i < v->n; i++) {
            const jval *k = v->kids[2 * i];
            if (k->t != J_STR || j_get(v, k->s) != v->kids[2 * i + 1])
                abort();
            check(k, len);
            check(v->kids[2 * i + 1], len);
        }
        break;
    case J_NULL: break;
    }
}

static void parse(const char *text, size_t len)
{
    cc_arena a = CC_ARENA_INIT;
    jval *v;
    size_t off;
    const char *msg;
    if (cc_json_parse(&v, &a, text, len, &off, &msg) == 0)
        check(v, len);
    else if (off > len || !msg)
        abort();
    cc_arena_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data, *end = p + size, *nl;
    parse(p, size);
    while (p < end) {
        nl = memchr(p, '\n', (size_t)(end - p));
        parse(p, (size_t)((nl ? nl : end) - p));
        p = nl ? nl + 1 : end;
    }
    return 0;
}
