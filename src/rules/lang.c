/*
 * lang.c: language packs (rule-loading stage).
 *
 * In: a pack's YAML (rules/lang/<code>.yaml). Out: a cc_lang holding
 *   - classifiers: each word list compiled as one alternation with a capture
 *     group per form, so one match says which entry a word is (lang_read.c);
 *   - macros: %{number}, %{money}, %{percent}, %{count}, %{quantity} and the
 *     pack's own, assembled from the word lists (see cc_lang_assemble_macros
 *     in lang_macros.c for the grammar), and the compiled %{quantity} scanner;
 *   - the numeral evaluator and the interpreter that turns a match's named
 *     groups into a cc_quantity with an exact value and an interval
 *     (lang_numeral.c).
 *
 * This file loads a pack (cc_lang_load calls the readers and assemblers of
 * the other lang_*.c files, which share lang_build.h) and answers the
 * accessors.
 *
 * Word lists are YAML lists whose items are literal forms ("milliárd",
 * "több mint") or regular expressions written between slashes
 * ("/milliárd\w*\/"). Literal spaces match any white space.
 */
#include "lang_build.h"

#include "alloc.h"
#include "uni.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* ====================================================================
 * Loading
 * ==================================================================== */

static bool valid_lang_code(const char *s)
{
    size_t n = strlen(s), i;
    if (n < 2 || n > 12)
        return false;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (i >= 2 && (c == '-' || (c >= 'A' && c <= 'Z') ||
                                                    (c >= '0' && c <= '9')))))
            return false;
    }
    return true;
}

/* Checks the keys of the pack at root and reads its lang, name and
 * word_spacing. */
static void read_header(ydoc *doc, const ynode *root, cc_lang *l)
{
    static const char *const keys[] = {"lang",     "name",       "word_spacing", "numbers",
                                       "scales",   "currencies", "percent",      "counts",
                                       "qualifiers", "ranges",   "vague",        "unit_join",
                                       "percent_join", "macros", "abbreviations", "detect",
                                       "years", "quarters", "months", "ago", "shared_unit",
                                       "conversion_marks", "examples",
                                       "terms", NULL};
    const ynode *n;
    y_check_keys(doc, root, keys, "a language pack");
    if ((n = y_require(doc, root, "lang", "a language pack"))) {
        l->code = y_str(doc, n, "lang");
        if (l->code && !valid_lang_code(l->code)) {
            y_error(doc, n, CC_D_VALUE, "use an ISO 639-1 code such as en, hu or zh",
                    "'%s' is not a language code", l->code);
            l->code = NULL;
        }
    }
    if ((n = y_get(root, "name")))
        l->name = y_str(doc, n, "name");
    if (!l->name)
        l->name = l->code;
    if ((n = y_get(root, "word_spacing"))) {
        bool b;
        if (y_bool(n, &b))
            l->spacing = b;
        else
            y_error(doc, n, CC_D_TYPE, NULL, "word_spacing must be true or false");
    }
}

/* The pack's word lists, joins, abbreviations and detection words; the
 * decimal separator is '.' when the pack names none. */
static void read_lists(loader *L, const ynode *root, lists *ls)
{
    cc_lang *l = L->l;
    const ynode *n;
    cc_lang_read_numbers(L, y_get(root, "numbers"), ls);
    cc_lang_read_scales(L, y_get(root, "scales"), ls);
    cc_lang_read_units(L, root, ls);
    cc_lang_read_qualifiers(L, y_get(root, "qualifiers"), ls);
    cc_lang_read_ranges(L, y_get(root, "ranges"), ls);
    cc_lang_read_vague(L, y_get(root, "vague"), ls);
    if ((n = y_get(root, "unit_join")))
        ls->unit_join = y_str(L->doc, n, "unit_join");
    if ((n = y_get(root, "percent_join")))
        ls->percent_join = y_str(L->doc, n, "percent_join");
    l->abbrevs = cc_lang_read_word_set(L, y_get(root, "abbreviations"), "abbreviations",
                                       &l->nabbrevs);
    cc_lang_read_detect(L, y_get(root, "detect"));
    if (l->ndecimal == 0) {
        memcpy(l->decimal[0], ".", 2);
        l->ndecimal = 1;
    }
}

/* Word lists for the numeral tokenizer: number words and joiners.
 * Returns 0, or -1 when out of memory. */
static int numeral_words(lists *ls)
{
    size_t i;
    for (i = 0; i < ls->words.n; i++)
        if (cc_lang_push_form(&ls->c_words, ls->words.v[i].re, ls->words.v[i].sortlen,
                              ls->words.v[i].entry) != 0)
            return -1;
    for (i = 0; i < ls->joiners.n; i++)
        if (cc_lang_push_form(&ls->c_words, ls->joiners.v[i].re, ls->joiners.v[i].sortlen,
                              ls->joiners.v[i].entry) != 0)
            return -1;
    return 0;
}

/* Compiles the pack's scanner (%{quantity} with its fragments, which also
 * checks the raw regex of unit_join and percent_join) and its prefilter.
 * Returns CC_OK, CC_ERR_RULES (reported on doc) or CC_ERR_NOMEM. */
static int compile_scanner(ydoc *doc, const ynode *root, cc_lang *l, const lists *ls,
                           const frags *f)
{
    cc_buf q = CC_BUF_INIT;
    char msg[256];
    size_t off;
    cc_buf_puts(&q, cc_lang_macro(l, "quantity"));
    cc_buf_puts(&q, l->defines);
    if (q.err) {
        cc_buf_free(&q);
        return CC_ERR_NOMEM;
    }
    if (cc_rx_compile(&l->scanner, q.p, q.len, PCRE2_CASELESS, msg, sizeof msg, &off) != 0) {
        if (ls->unit_join || ls->percent_join)
            y_error(doc, y_get(root, ls->unit_join ? "unit_join" : "percent_join"),
                    CC_D_PATTERN, NULL, "unit_join or percent_join breaks the grammar: %s",
                    msg);
        else
            y_error(doc, root, CC_D_PATTERN, NULL,
                    "the pack's quantity grammar does not compile: %s", msg);
        cc_buf_free(&q);
        return CC_ERR_RULES;
    }
    cc_buf_free(&q);
    /* the prefilter: what any figure worth extracting holds, a digit,
     * a scale word, a percent word ("двадцать процентов"), a number word
     * before a counted noun ("six months", "sześciu miesięcy") or, where
     * numbers are written without spaces, a numeral character */
    if (l->spacing)
        cc_buf_printf(&q,
                      "[0-9\\x{FF10}-\\x{FF19}]|(?<![\\p{L}\\p{N}])(?:%s|%s|%s|(?:%s)\\s+(?:%s))",
                      f->scale, f->pctpre, f->pctpost, f->words, f->count);
    else
        cc_buf_printf(&q, "[0-9\\x{FF10}-\\x{FF19}]|%s|%s|%s|%s", f->scale, f->words,
                      f->pctpre, f->pctpost);
    if (q.err || cc_rx_compile(&l->prefilter, q.p, q.len, PCRE2_CASELESS, msg, sizeof msg,
                               &off) != 0) {
        cc_buf_free(&q);
        return CC_ERR_NOMEM;
    }
    cc_buf_free(&q);
    return CC_OK;
}

int cc_lang_load(cc_lang **out, const char *file, const char *text, size_t len, cc_diags *d)
{
    cc_lang *l;
    ydoc doc;
    loader L;
    lists ls;
    frags f;
    const ynode *root;
    int rc;

    *out = NULL;
    l = cc_calloc(1, sizeof *l);
    if (!l)
        return CC_ERR_NOMEM;
    memset(&ls, 0, sizeof ls);
    memset(&f, 0, sizeof f);
    l->spacing = true;
    l->file = cc_arena_strdup(&l->arena, file);
    if (!l->file) {
        cc_free(l);
        return CC_ERR_NOMEM;
    }
    rc = cc_ydoc_parse_diags(&doc, &l->arena, l->file, text, len, d);
    L.doc = &doc;
    L.l = l;
    if (rc != CC_OK)
        goto fail;
    root = doc.root;
    if (!y_expect(&doc, root, Y_MAP, "a language pack")) {
        rc = CC_ERR_RULES;
        goto fail;
    }
    read_header(&doc, root, l);
    read_lists(&L, root, &ls);
    if (doc.errors) {
        rc = CC_ERR_RULES;
        goto fail;
    }

    if (numeral_words(&ls) != 0)
        goto nomem;
    if (cc_lang_assemble_macros(&L, &ls, &f) != 0 || cc_lang_builtin_macros(l, &f) != 0)
        goto nomem;
    rc = compile_scanner(&doc, root, l, &ls, &f);
    if (rc == CC_ERR_NOMEM)
        goto nomem;
    if (rc != CC_OK)
        goto fail;
    if (cc_lang_build_classifier(&L, &l->c_words, &ls.c_words) != 0 ||
        cc_lang_build_classifier(&L, &l->c_scales, &ls.scales) != 0 ||
        cc_lang_build_classifier(&L, &l->c_units, &ls.c_units) != 0 ||
        cc_lang_build_classifier(&L, &l->c_quals, &ls.c_quals) != 0 ||
        cc_lang_build_classifier(&L, &l->c_vague, &ls.vague) != 0) {
        rc = doc.errors ? CC_ERR_RULES : CC_ERR_NOMEM;
        goto fail;
    }
    cc_lang_read_user_macros(&L, y_get(root, "macros"));
    if (cc_lang_read_years(&L, y_get(root, "years")) != 0)
        goto nomem;
    if (cc_lang_read_conversion_marks(&L, y_get(root, "conversion_marks")) != 0)
        goto nomem;
    if (cc_lang_read_shared(&L, y_get(root, "shared_unit"), &ls) != 0)
        goto nomem;
    cc_lang_read_examples(&L, y_get(root, "examples"));
    cc_lang_read_terms(&L, y_get(root, "terms"));
    cc_lang_read_quarters(&L, y_get(root, "quarters"));
    cc_lang_read_months(&L, y_get(root, "months"));
    cc_lang_read_ago(&L, y_get(root, "ago"));
    if (doc.errors) {
        rc = CC_ERR_RULES;
        goto fail;
    }
    cc_lang_free_lists(&ls);
    cc_ydoc_free(&doc);
    *out = l;
    return CC_OK;
nomem:
    rc = CC_ERR_NOMEM;
    cc_diags_add(d, CC_SEV_ERROR, CC_D_NOMEM, file, 0, 0, SIZE_MAX, NULL, NULL,
                 "out of memory while loading the language pack");
fail:
    cc_lang_free_lists(&ls);
    cc_ydoc_free(&doc);
    cc_lang_free(l);
    return rc;
}

void cc_lang_free(cc_lang *l)
{
    if (!l)
        return;
    cc_lang_free_classifier(&l->c_words);
    cc_lang_free_classifier(&l->c_scales);
    cc_lang_free_classifier(&l->c_units);
    cc_lang_free_classifier(&l->c_quals);
    cc_lang_free_classifier(&l->c_vague);
    cc_rx_free(&l->scanner);
    cc_rx_free(&l->prefilter);
    cc_rx_free(&l->shared);
    cc_rx_free(&l->convmarks);
    cc_rx_free(&l->years);
    cc_lang_free_terms(l);
    cc_rx_free(&l->quarters);
    cc_rx_free(&l->months);
    cc_rx_free(&l->ago_before);
    cc_rx_free(&l->ago_after);
    cc_rx_free(&l->ago_now);
    cc_arena_free(&l->arena);
    cc_free(l);
}

const char *cc_lang_code(const cc_lang *l)
{
    return l->code;
}

const char *cc_lang_name(const cc_lang *l)
{
    return l->name;
}

const char *cc_lang_file(const cc_lang *l)
{
    return l->file;
}

const char *cc_lang_macro(const cc_lang *l, const char *name)
{
    size_t i;
    for (i = 0; i < l->nmacros; i++)
        if (strcmp(l->macros[i].name, name) == 0)
            return l->macros[i].text;
    return NULL;
}

uint32_t cc_lang_max_captures(const cc_lang *l)
{
    const cc_classifier *cs[] = {&l->c_words, &l->c_scales, &l->c_units, &l->c_quals,
                                 &l->c_vague};
    uint32_t m = l->scanner.ncap;
    size_t i;
    for (i = 0; i < sizeof cs / sizeof cs[0]; i++)
        if (cs[i]->prefix.ncap > m)
            m = cs[i]->prefix.ncap;
    return m;
}

static const char *const KIND_NAMES[CC_KIND__COUNT] = {"number", "money", "percent", "count"};

const char *cc_kind_name(cc_kind k)
{
    return (unsigned)k < CC_KIND__COUNT ? KIND_NAMES[k] : "number";
}

int cc_kind_from_name(cc_kind *out, const char *name)
{
    int i;
    for (i = 0; i < CC_KIND__COUNT; i++)
        if (strcmp(KIND_NAMES[i], name) == 0) {
            *out = (cc_kind)i;
            return CC_OK;
        }
    return CC_ERR_NOTFOUND;
}

bool cc_lang_is_abbrev(const cc_lang *l, const char *word, size_t len)
{
    char buf[64];
    const char *key = buf;
    size_t i, o = 0;
    if (!l->nabbrevs || len == 0 || len >= sizeof buf / 2)
        return false;
    for (i = 0; i < len && o + 4 < sizeof buf;) {
        uint32_t cp;
        int n = cc_utf8_decode(word + i, word + len, &cp);
        if (n < 0)
            return false;
        o += (size_t)cc_utf8_encode(cc_uni_lower(cp), buf + o);
        i += (size_t)n;
    }
    buf[o] = '\0';
    return bsearch(&key, l->abbrevs, l->nabbrevs, sizeof(char *), cc_lang_cmp_str) != NULL;
}

bool cc_lang_loose_dot(const cc_lang *l)
{
    size_t i;
    bool grouped = false;
    for (i = 0; i < l->ndecimal; i++)
        if (strcmp(l->decimal[i], ".") == 0)
            return false;
    for (i = 0; i < l->ngroup; i++)
        grouped |= strcmp(l->group[i], ".") == 0;
    return grouped;
}
