/*
 * lang_macros.c: a language pack's macros (rule-loading stage; the verbatim
 * "Macro assembly" and "Macro expansion" sections of lang.c).
 *
 * In: the word lists read from the pack (lang_read.c). Out: the macros
 * %{number}, %{money}, %{percent}, %{count}, %{quantity} and the pack's own,
 * the year and shared_unit patterns, and cc_lang_expand, which expands the
 * macros of a claim pattern and maps its offsets back to the rule file.
 */
#include "lang_build.h"

#include "alloc.h"
#include "uni.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
/* ====================================================================
 * Macro assembly
 * ==================================================================== */

/* Appends an alternation of separators (literal strings). */
static void sep_alt(cc_buf *b, const char (*seps)[8], size_t n)
{
    size_t i;
    if (n == 0) {
        cc_buf_puts(b, "(?!)");
        return;
    }
    cc_buf_puts(b, "(?:");
    for (i = 0; i < n; i++) {
        if (i)
            cc_buf_putc(b, '|');
        if (strcmp(seps[i], " ") == 0)
            cc_buf_puts(b, " "); /* a plain space, not \s+ */
        else
            cc_rx_escape(b, seps[i], strlen(seps[i]));
    }
    cc_buf_putc(b, ')');
}

static const char *cat(cc_arena *a, cc_buf *b)
{
    const char *r = b->err ? NULL : cc_arena_strndup(a, b->p, b->len);
    cc_buf_reset(b);
    return r;
}

#define D "[0-9\\x{FF10}-\\x{FF19}]"

/*
 * The grammar every pack shares (NB is a figure with its scale, a range, or
 * a vague amount):
 *
 *   NB       = (?<value>NUM)(?:\s*(?<scale>SCALE))?
 *                 (?:RSEP(?<value2>NUM)(?:\s*(?<scale2>SCALE))?)?
 *            | BOPEN\s*(?<value>NUM)(?:\s*(?<scale>SCALE))?\s*BSEP\s*(?<value2>NUM)...
 *            | (?<vague>VAGUE)(?:\s*(?<scale>SCALE))?
 *   number   = GB QPRE? NB QPOST? GA
 *   money    = GB QPRE? (CURSYM NB (JOIN CURANY)? | NB JOIN CURANY) QPOST? GA
 *   percent  = GB QPRE? (PCTPRE NB | NB PJOIN PCTPOST) QPOST? GA
 *   count    = GB QPRE? NB JOIN COUNT QPOST? GA
 *   quantity = GB QPRE? ((CURSYM|PCTPRE) NB (JOIN CURANY)?
 *                       | NB (JOIN (CURANY|COUNT) | PJOIN PCTPOST)?) QPOST? GA
 *
 * GB and GA keep figures out of words: "GPT-4", "o4", "4o", "A100" are not
 * quantities. In languages written without spaces (zh, ja) they only look
 * at Latin letters and digits.
 */
/* Long on purpose: the grammar above, built piece by piece in its order. */
int cc_lang_assemble_macros(loader *L, lists *ls, frags *f)
{
    cc_lang *l = L->l;
    cc_arena *a = &l->arena;
    cc_buf b = CC_BUF_INIT;
    const char *digits, *words, *joiners;
    size_t i;

    /* DIGITS: grouped (1-3 digits, then groups of 3) or plain, then an
     * optional decimal part */
    cc_buf_puts(&b, "(?:" D "{1,3}(?:");
    sep_alt(&b, (const char(*)[8])l->group, l->ngroup);
    cc_buf_puts(&b, D "{3})+(?!" D ")|" D "+)(?:");
    sep_alt(&b, (const char(*)[8])l->decimal, l->ndecimal);
    cc_buf_puts(&b, D "+");
    /* a dot that groups thousands cannot stand before one or two digits:
     * there it is a decimal point written the English way ("1.8 mil
     * milhões"), but not in a date ("1.12.2024") */
    if (cc_lang_loose_dot(l))
        cc_buf_puts(&b, "|\\." D "{1,2}(?!" D "|[.,]" D ")");
    cc_buf_puts(&b, ")?");
    digits = cat(a, &b);
    words = f->words = cc_lang_alternation(a, &ls->words, false);
    joiners = cc_lang_alternation(a, &ls->joiners, false);
    f->scale = cc_lang_alternation(a, &ls->scales, false);
    f->cursym = cc_lang_alternation(a, &ls->cursym, false);
    f->curany = cc_lang_alternation(a, &ls->curword, false);
    f->pctpre = cc_lang_alternation(a, &ls->pctpre, false);
    f->pctpost = cc_lang_alternation(a, &ls->pctpost, false);
    f->count = cc_lang_alternation(a, &ls->counts, false);
    f->qpre = cc_lang_alternation(a, &ls->qpre, false);
    f->qpost = cc_lang_alternation(a, &ls->qpost, false);
    f->rsep = cc_lang_alternation(a, &ls->rsep, false);
    f->nbetween = ls->nbetween;
    for (i = 0; i < ls->nbetween; i++) {
        f->bopen[i] = cc_lang_alternation(a, &ls->bopen[i], false);
        f->bsep[i] = cc_lang_alternation(a, &ls->bsep[i], false);
        if (!f->bopen[i] || !f->bsep[i])
            goto nomem;
    }
    f->vague = cc_lang_alternation(a, &ls->vague, false);
    if (!digits || !words || !joiners || !f->scale || !f->cursym || !f->curany ||
        !f->pctpre || !f->pctpost || !f->count || !f->qpre || !f->qpost || !f->rsep ||
        !f->vague)
        goto nomem;

    if (l->spacing) {
        /* number words count only before a scale or a unit: "three
         * billion", "két milliárd", not "one of them" */
        /* ... or before the separator of a range whose other end has one:
         * "entre dois e três mil milhões" */
        cc_buf_printf(&b, "(?:%s|%s(?:[\\s\\-]*(?:%s[\\s\\-]+)?%s)*(?=\\s*(?:(?&cc_sc)|(?&cc_ca)|(?&cc_pa)|(?&cc_cn)"
                          "|(?:(?&cc_bs)|(?&cc_rs))\\s*%s)))",
                      digits, words, joiners, words, words);
        f->gb = "(?<![\\p{L}\\p{N}_])(?<![\\p{L}\\p{N}][\\-.,'\\x{2019}])";
        f->ga = "(?![\\p{L}\\p{N}])(?![.,]" D ")";
    } else {
        /* CJK numerals carry their scale characters inside: 2兆1900億 */
        /* a decimal separator written as a word ("六点六亿") joins two
         * numeral parts */
        cc_buf_printf(&b, "(?:%s|%s)(?:%s|%s|(?&cc_sc)|", digits, words, digits, words);
        sep_alt(&b, (const char(*)[8])l->decimal, l->ndecimal);
        cc_buf_printf(&b, "(?=%s))*", words);
        f->gb = "(?<![A-Za-z0-9\\x{FF10}-\\x{FF19}_])(?<![A-Za-z0-9][\\-.,])";
        f->ga = "(?![A-Za-z0-9\\x{FF10}-\\x{FF19}])(?![.,]" D ")";
    }
    f->num = cat(a, &b);
    f->join = ls->unit_join ? ls->unit_join : "\\s*";
    f->pjoin = ls->percent_join ? ls->percent_join : "\\s*-?\\s*";
    if (!f->num)
        goto nomem;

    /* the fragments, compiled once per pattern and called as
     * subroutines: (?&cc_num) ...; cc_boN and cc_bsN are the opener and
     * the separators of between-pair N, cc_bs all the separators */
    cc_buf_printf(&b,
                  "(?(DEFINE)(?<cc_num>%s)(?<cc_sc>%s)(?<cc_cs>%s)(?<cc_ca>%s)(?<cc_pp>%s)"
                  "(?<cc_pa>%s)(?<cc_cn>%s)(?<cc_qp>%s)(?<cc_qa>%s)(?<cc_rs>%s)(?<cc_vg>%s)",
                  f->num, f->scale, f->cursym, f->curany, f->pctpre, f->pctpost, f->count,
                  f->qpre, f->qpost, f->rsep, f->vague);
    cc_buf_puts(&b, "(?<cc_bs>(?!)");
    for (i = 0; i < f->nbetween; i++)
        cc_buf_printf(&b, "|%s", f->bsep[i]);
    cc_buf_putc(&b, ')');
    for (i = 0; i < f->nbetween; i++)
        cc_buf_printf(&b, "(?<cc_bo%zu>%s)(?<cc_bs%zu>%s)", i, f->bopen[i], i, f->bsep[i]);
    cc_buf_putc(&b, ')');
    l->defines = cat(a, &b);
    if (!l->defines)
        goto nomem;
    /* a scale may be several words: "3 ezer milliárd", "mil millones" */
    cc_buf_puts(&b,
                "(?:(?<value>(?&cc_num))(?:\\s*(?<scale>(?&cc_sc)(?:\\s+(?&cc_sc))*))?"
                "(?:\\s*(?&cc_rs)\\s*(?<value2>(?&cc_num))(?:\\s*(?<scale2>(?&cc_sc)(?:\\s+(?&cc_sc))*))?)?");
    for (i = 0; i < f->nbetween; i++)
        cc_buf_printf(&b,
                      "|(?<range>(?&cc_bo%zu))\\s*(?:(?<unit>(?&cc_cs))\\s*)?(?<value>(?&cc_num))"
                      "(?:\\s*(?<scale>(?&cc_sc)(?:\\s+(?&cc_sc))*))?\\s*(?&cc_bs%zu)\\s*(?:(?&cc_cs)\\s*)?"
                      "(?<value2>(?&cc_num))(?:\\s*(?<scale2>(?&cc_sc)(?:\\s+(?&cc_sc))*))?",
                      i, i);
    cc_buf_puts(&b, "|(?<vague>(?&cc_vg))(?:\\s*(?<scale>(?&cc_sc)(?:\\s+(?&cc_sc))*))?)");
    f->numblock = cat(a, &b);
    if (!f->numblock)
        goto nomem;
    cc_buf_free(&b);
    return 0;
nomem:
    cc_buf_free(&b);
    return -1;
}

static int add_macro(cc_lang *l, const char *name, const char *text)
{
    cc_macro *m = cc_arena_alloc(&l->arena, (l->nmacros + 1) * sizeof(cc_macro));
    if (!m || !text)
        return -1;
    if (l->nmacros)
        memcpy(m, l->macros, l->nmacros * sizeof(cc_macro));
    m[l->nmacros].name = name;
    m[l->nmacros].text = text;
    l->macros = m;
    l->nmacros++;
    return 0;
}

int cc_lang_builtin_macros(cc_lang *l, const frags *f)
{
    cc_arena *a = &l->arena;
    cc_buf b = CC_BUF_INIT;
    const char *qpre = "(?:(?<qualifier>(?&cc_qp))\\s*)?";
    const char *qpost = "(?:\\s*(?<qualifier>(?&cc_qa)))?";
    const char *nb = f->numblock;
    char gb[160];
    int rc = 0;

    /* every amount macro starts with callout CC_CALLOUT_AMOUNT, where the
     * extractor can refuse figures it has already seen (extract.c) */
    snprintf(gb, sizeof gb, "%s(?C%d)", f->gb, CC_CALLOUT_AMOUNT);

    cc_buf_printf(&b, "%s%s%s%s%s", gb, qpre, nb, qpost, f->ga);
    rc |= add_macro(l, "number", cat(a, &b));

    /* the currency comes before the figure, after it, or inside a range
     * ("between $5bn and $7bn"); (?(<unit>)|(?!)) insists on one */
    cc_buf_printf(&b, "%s%s(?:(?<unit>(?&cc_cs))\\s*)?%s(?:%s(?<unit>(?&cc_ca)))?(?(<unit>)|(?!))%s%s",
                  gb, qpre, nb, f->join, qpost, f->ga);
    rc |= add_macro(l, "money", cat(a, &b));

    cc_buf_printf(&b, "%s%s(?:(?<unit>(?&cc_pp))\\s*)?%s(?:%s(?<unit>(?&cc_pa)))?(?(<unit>)|(?!))%s%s",
                  gb, qpre, nb, f->pjoin, qpost, f->ga);
    rc |= add_macro(l, "percent", cat(a, &b));

    cc_buf_printf(&b, "%s%s%s%s(?<unit>(?&cc_cn))%s%s", gb, qpre, nb, f->join, qpost, f->ga);
    rc |= add_macro(l, "count", cat(a, &b));

    /* a bracketed aside after a figure, such as its conversion:
     * "650 millió dollárt (mintegy 235 milliárd forintot) fizetett" */
    rc |= add_macro(l, "aside",
                    "(?:\\s*[(\\x{FF08}\\[][^)\\x{FF09}\\]\\n]{0,120}[)\\x{FF09}\\]])?");

    cc_buf_printf(&b,
                  "%s%s(?:(?<unit>(?&cc_cs)|(?&cc_pp))\\s*)?%s"
                  "(?:%s(?<unit>(?&cc_ca)|(?&cc_cn))|%s(?<unit>(?&cc_pa)))?%s%s",
                  gb, qpre, nb, f->join, f->pjoin, qpost, f->ga);
    rc |= add_macro(l, "quantity", cat(a, &b));
    cc_buf_free(&b);
    return rc ? -1 : 0;
}

/* The pack's own macros, which may use the built-in ones. */
void cc_lang_read_user_macros(loader *L, const ynode *n)
{
    cc_lang *l = L->l;
    size_t i;
    if (!n || !y_expect(L->doc, n, Y_MAP, "macros"))
        return;
    for (i = 0; i < n->n; i++) {
        const ynode *k = y_key(n, i), *v = y_val(n, i);
        cc_buf out = CC_BUF_INIT;
        char err[256], hint[128];
        size_t off, j;
        cc_rx rx;
        const char *s = y_str(L->doc, v, "a macro");
        if (!s)
            continue;
        for (j = 0; j < k->len; j++)
            if (!((k->s[j] >= 'a' && k->s[j] <= 'z') || (k->s[j] >= '0' && k->s[j] <= '9') ||
                  k->s[j] == '_'))
                break;
        if (j < k->len || k->len == 0) {
            y_error(L->doc, k, CC_D_VALUE, "use lowercase letters, digits and _",
                    "bad macro name '%s'", k->s);
            continue;
        }
        if (cc_lang_macro(l, k->s)) {
            y_error(L->doc, k, CC_D_DUPLICATE, "choose another name",
                    "macro '%s' is already defined", k->s);
            continue;
        }
        if (cc_lang_expand(l, s, v->len, &out, NULL, err, sizeof err, hint, sizeof hint,
                           &off) != 0) {
            y_error_at(L->doc, v, off, CC_D_MACRO, hint[0] ? hint : NULL, "%s", err);
            cc_buf_free(&out);
            continue;
        }
        if (cc_rx_compile(&rx, out.p, out.len, PCRE2_CASELESS, err, sizeof err, &off) != 0) {
            y_error(L->doc, v, CC_D_PATTERN, NULL, "macro '%s' does not compile: %s", k->s,
                    err);
            cc_buf_free(&out);
            continue;
        }
        cc_rx_free(&rx);
        {
            /* stored without the DEFINE block: expansion adds it once */
            size_t keep = out.len, dl = strlen(l->defines);
            if (keep >= dl && memcmp(out.p + keep - dl, l->defines, dl) == 0)
                keep -= dl;
            add_macro(l, cc_arena_strndup(&l->arena, k->s, k->len),
                      cc_arena_strndup(&l->arena, out.p, keep));
        }
        cc_buf_free(&out);
    }
}

/* years: {this: [...], last: [...], next: [...]}: how the language says
 * "this year" and its neighbours; explicit years (1950-2099) need no
 * words. Compiled into one pattern whose groups say which was found. */
/* shared_unit: forms compiled into one pattern anchored at both ends. */
int cc_lang_read_shared(loader *L, const ynode *n, lists *ls)
{
    cc_buf b = CC_BUF_INIT;
    const char *alt;
    char msg[256];
    size_t off;
    int rc;
    cc_lang_add_forms(L, n, "shared_unit", 0, &ls->shared, F_GUARD);
    if (!ls->shared.n)
        return 0;
    alt = cc_lang_alternation(&L->l->arena, &ls->shared, false);
    cc_buf_printf(&b, "\\s*%s\\s*", alt ? alt : "(?!)");
    rc = b.err || !alt ||
                 cc_rx_compile(&L->l->shared, b.p, b.len,
                               PCRE2_CASELESS | PCRE2_ANCHORED | PCRE2_ENDANCHORED, msg,
                               sizeof msg, &off) != 0
             ? -1
             : 0;
    cc_buf_free(&b);
    return rc;
}

int cc_lang_read_conversion_marks(loader *L, const ynode *n)
{
    formvec fv = {0};
    cc_buf b = CC_BUF_INIT;
    const char *alt;
    char msg[256];
    size_t off;
    int rc = 0;
    cc_lang_add_forms(L, n, "conversion_marks", 0, &fv, F_GUARD);
    if (fv.n) {
        alt = cc_lang_alternation(&L->l->arena, &fv, false);
        /* between the amount and its conversion: punctuation, the mark,
         * punctuation ("、日本円で", ", tedy v přepočtu ", " – umgerechnet ") */
        cc_buf_printf(&b, "[\\s,;:\\x{3001}\\x{FF0C}\\x{2013}\\x{2014}-]*(?:%s)[\\s,:]*",
                      alt ? alt : "(?!)");
        if (b.err || !alt)
            rc = -1;
        else if (cc_rx_compile(&L->l->convmarks, b.p, b.len, PCRE2_CASELESS | PCRE2_ANCHORED, msg,
                               sizeof msg, &off) != 0)
            y_error(L->doc, n, CC_D_PATTERN, NULL, "conversion_marks do not compile: %s", msg);
    }
    cc_buf_free(&b);
    cc_free(fv.v);
    return rc;
}

bool cc_lang_marks_conversion(const cc_lang *l, cc_rxctx *c, const char *t, size_t a, size_t b,
                              size_t digits)
{
    return l->convmarks.code && a <= b && b <= digits && b - a <= 64 && digits - a <= 128 &&
           cc_rx_match(&l->convmarks, c, c->aux, t, digits, a, PCRE2_NO_UTF_CHECK) >= 0 &&
           pcre2_get_ovector_pointer(c->aux)[1] >= b;
}

bool cc_lang_says_ago(const cc_lang *l, cc_rxctx *c, const char *t, size_t lo, size_t a,
                      size_t b, size_t hi)
{
    size_t from = a > lo + 48 ? a - 48 : lo, to = b + 48 < hi ? b + 48 : hi;
    while (from < a && ((unsigned char)t[from] & 0xC0) == 0x80)
        from++;
    while (to > b && to < hi && ((unsigned char)t[to] & 0xC0) == 0x80)
        to--;
    if (l->ago_before.code && cc_rx_match(&l->ago_before, c, c->aux, t, a, from,
                                          PCRE2_NO_UTF_CHECK) >= 0)
        return true;
    return l->ago_after.code &&
           cc_rx_match(&l->ago_after, c, c->aux, t, to, b, PCRE2_NO_UTF_CHECK) >= 0;
}

bool cc_lang_says_now(const cc_lang *l, cc_rxctx *c, const char *t, size_t a, size_t b)
{
    return l->ago_now.code && a < b &&
           cc_rx_match(&l->ago_now, c, c->aux, t, b, a, PCRE2_NO_UTF_CHECK) >= 0;
}

int cc_lang_read_years(loader *L, const ynode *n)
{
    static const char *const keys[] = {"this", "last", "next", NULL};
    static const char *const names[] = {"this", "last", "next"};
    cc_lang *l = L->l;
    formvec fv[3];
    cc_buf b = CC_BUF_INIT;
    char msg[256];
    size_t off;
    int i, rc = 0;
    uint32_t group = 2;

    memset(fv, 0, sizeof fv);
    if (n && y_expect(L->doc, n, Y_MAP, "years")) {
        y_check_keys(L->doc, n, keys, "years");
        for (i = 0; i < 3; i++)
            cc_lang_add_forms(L, y_get(n, names[i]), names[i], 0, &fv[i], F_GUARD);
    }
    if (l->spacing)
        cc_buf_puts(&b, "(?<![\\p{L}\\p{N}])(?<year>(?:19[5-9]|20[0-9])[0-9])(?![\\p{N}])");
    else /* full-width digits too: ２０２４年; not an amount ("约合人民币 2082 亿元") */
        cc_buf_puts(&b, "(?<![0-9\\x{FF10}-\\x{FF19}])(?<year>(?:[1１][9９][5-9５-９]|[2２][0０][0-9０-９])[0-9０-９])"
                        "(?![0-9\\x{FF10}-\\x{FF19}]|\\s*[亿億万萬兆])");
    for (i = 0; i < 3; i++) {
        uint32_t *g = i == 0 ? &l->g_this : i == 1 ? &l->g_last : &l->g_next;
        const char *alt;
        if (fv[i].n == 0)
            continue;
        alt = cc_lang_alternation(&l->arena, &fv[i], false);
        if (!alt) {
            rc = -1;
            break;
        }
        cc_buf_printf(&b, "|%s(%s)", l->spacing ? "(?<![\\p{L}\\p{N}])" : "", alt);
        *g = group++;
    }
    if (rc == 0 && !b.err &&
        cc_rx_compile(&l->years, b.p, b.len, PCRE2_CASELESS, msg, sizeof msg, &off) != 0) {
        y_error(L->doc, n, CC_D_PATTERN, NULL, "years do not compile: %s", msg);
    }
    if (b.err)
        rc = -1;
    cc_buf_free(&b);
    for (i = 0; i < 3; i++)
        cc_free(fv[i].v);
    return rc;
}

/* lang_priv.h */
size_t cc_lang_mention_gap(const char *t, size_t i, size_t j)
{
    size_t d = 0;
    while (i < j) {
        unsigned char ch = (unsigned char)t[i];
        if (ch == ',' || ch == ':')
            d += 40;
        else if (ch == ';')
            d += 80;
        else if (ch == 0xEF && j - i >= 3 && (unsigned char)t[i + 1] == 0xBC &&
                 ((unsigned char)t[i + 2] == 0x8C || (unsigned char)t[i + 2] == 0x9A)) /* ， ： */
            d += 40;
        else if (ch == 0xEF && j - i >= 3 && (unsigned char)t[i + 1] == 0xBC &&
                 (unsigned char)t[i + 2] == 0x9B) /* ； */
            d += 80;
        else if (ch == 0xE3 && j - i >= 3 && (unsigned char)t[i + 1] == 0x80 &&
                 (unsigned char)t[i + 2] == 0x81) /* 、 */
            d += 40;
        if ((ch & 0xC0) != 0x80)
            d++;
        i++;
    }
    return d;
}

void cc_lang_jit(cc_lang *l)
{
    cc_classifier *c[] = {&l->c_words, &l->c_scales, &l->c_units, &l->c_quals, &l->c_vague};
    size_t i;
    cc_rx_jit(&l->scanner);
    cc_rx_jit(&l->prefilter);
    cc_rx_jit(&l->years);
    cc_rx_jit(&l->shared);
    cc_rx_jit(&l->convmarks);
    cc_lang_jit_terms(l);
    cc_rx_jit(&l->quarters);
    cc_rx_jit(&l->months);
    cc_rx_jit(&l->ago_before);
    cc_rx_jit(&l->ago_after);
    cc_rx_jit(&l->ago_now);
    for (i = 0; i < sizeof c / sizeof c[0]; i++)
        cc_rx_jit(&c[i]->prefix);
}

bool cc_lang_shares_unit(const cc_lang *l, cc_rxctx *c, const char *t, size_t a, size_t b)
{
    return l->shared.code && a <= b &&
           cc_rx_match(&l->shared, c, c->aux, t, b, a, PCRE2_NO_UTF_CHECK) >= 0;
}

int cc_lang_nearest_year(const cc_lang *l, cc_rxctx *c, const char *t, size_t lo, size_t hi,
                         size_t a, size_t b, int *year, int *relative, size_t *ya, size_t *yb)
{
    size_t off = lo, best = (size_t)-1;
    int found = 0;
    if (!l->years.code)
        return 0;
    while (off < hi) {
        int rc = cc_rx_match(&l->years, c, c->aux, t, hi, off, PCRE2_NO_UTF_CHECK);
        PCRE2_SIZE *ov;
        size_t dist;
        if (rc == PCRE2_ERROR_NOMATCH)
            break;
        if (rc < 0)
            return rc;
        ov = pcre2_get_ovector_pointer(c->aux);
        /* a figure is not its own year ("in 2024" is a year, "2024" as a
         * quantity being scored is not) */
        if (!(ov[0] >= a && ov[1] <= b)) {
            dist = ov[1] <= a   ? cc_lang_mention_gap(t, ov[1], a)
                   : ov[0] >= b ? cc_lang_mention_gap(t, b, ov[0])
                                : 0;
            if (dist < best) {
                best = dist;
                found = 1;
                if (ya)
                    *ya = ov[0], *yb = ov[1];
                if (rc > 1 && ov[2] != PCRE2_UNSET) {
                    size_t k = ov[2];
                    *year = 0;
                    while (k < ov[3]) {
                        uint32_t cp;
                        int n = cc_utf8_decode(t + k, t + ov[3], &cp);
                        if (n < 0)
                            break;
                        *year = *year * 10 + cc_uni_digit_value(cp);
                        k += (size_t)n;
                    }
                    *relative = 0;
                } else {
                    *relative = 1;
                    *year = (l->g_last && (int)l->g_last < rc && ov[2 * l->g_last] != PCRE2_UNSET)   ? -1
                            : (l->g_next && (int)l->g_next < rc && ov[2 * l->g_next] != PCRE2_UNSET) ? 1
                                                                                                    : 0;
                }
            }
        }
        off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    return found;
}

/* ====================================================================
 * Macro expansion
 * ==================================================================== */

static int seg_push(cc_expmap *map, size_t os, size_t ol, size_t ss, size_t sl)
{
    if (!map)
        return 0;
    if (map->n == map->cap) {
        void *v = map->v;
        if (cc_grow(&v, &map->cap, map->n + 1, sizeof(cc_expseg)) != 0)
            return -1;
        map->v = v;
    }
    map->v[map->n].out_start = os;
    map->v[map->n].out_len = ol;
    map->v[map->n].src_start = ss;
    map->v[map->n].src_len = sl;
    map->n++;
    return 0;
}

int cc_lang_expand(const cc_lang *l, const char *p, size_t len, cc_buf *out, cc_expmap *map,
                   char *err, size_t errlen, char *hint, size_t hintlen, size_t *erroff)
{
    size_t i = 0, lit = 0;
    hint[0] = '\0';
    while (i < len) {
        if (p[i] == '\\' && i + 1 < len) {
            i += 2;
            continue;
        }
        if (p[i] == '%' && i + 1 < len && p[i + 1] == '{') {
            size_t j = i + 2, k;
            char name[64];
            const char *text;
            while (j < len && p[j] != '}' && j - i < 60)
                j++;
            if (j >= len || p[j] != '}') {
                snprintf(err, errlen, "unterminated macro: '%%{' without '}'");
                *erroff = i;
                return -1;
            }
            if (j - i - 2 == 0) {
                snprintf(err, errlen, "empty macro name '%%{}'");
                *erroff = i;
                return -1;
            }
            memcpy(name, p + i + 2, j - i - 2);
            name[j - i - 2] = '\0';
            text = cc_lang_macro(l, name);
            if (!text) {
                const char *best = NULL;
                size_t bestd = 3;
                for (k = 0; k < l->nmacros; k++) {
                    size_t dd = cc_edit_distance(name, l->macros[k].name, 2);
                    if (dd < bestd) {
                        bestd = dd;
                        best = l->macros[k].name;
                    }
                }
                snprintf(err, errlen, "unknown macro %%{%s} in language '%s'", name, l->code);
                if (best)
                    snprintf(hint, hintlen, "did you mean %%{%s}?", best);
                else
                    snprintf(hint, hintlen,
                             "macros are number, money, percent, count, quantity and the "
                             "pack's own");
                *erroff = i;
                return -1;
            }
            if (i > lit) {
                seg_push(map, out->len, i - lit, lit, i - lit);
                cc_buf_append(out, p + lit, i - lit);
            }
            seg_push(map, out->len, strlen(text) + 4, i, j + 1 - i);
            cc_buf_puts(out, "(?:");
            cc_buf_puts(out, text);
            cc_buf_putc(out, ')');
            i = lit = j + 1;
            continue;
        }
        i++;
    }
    if (len > lit) {
        seg_push(map, out->len, len - lit, lit, len - lit);
        cc_buf_append(out, p + lit, len - lit);
    }
    if (l->defines && out->p && strstr(out->p, "(?&cc_") && !strstr(out->p, "(?(DEFINE)(?<cc_num>"))
        cc_buf_puts(out, l->defines);
    if (out->err) {
        snprintf(err, errlen, "out of memory");
        *erroff = 0;
        return -1;
    }
    return 0;
}

size_t cc_expmap_src(const cc_expmap *map, size_t off)
{
    size_t i;
    for (i = 0; i < map->n; i++) {
        const cc_expseg *s = &map->v[i];
        if (off >= s->out_start && off < s->out_start + s->out_len) {
            if (s->out_len == s->src_len) /* literal text */
                return s->src_start + (off - s->out_start);
            return s->src_start; /* inside a macro: point at the %{ */
        }
    }
    if (map->n) {
        const cc_expseg *s = &map->v[map->n - 1];
        return s->src_start + s->src_len;
    }
    return 0;
}

void cc_expmap_free(cc_expmap *map)
{
    cc_free(map->v);
    map->v = NULL;
    map->n = map->cap = 0;
}

