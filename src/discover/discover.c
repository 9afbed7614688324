/*
 * discover.c: candidate claims from the figures of a run
 * (claimcheck/discover.h).
 *
 * In: the observations of a discover run (figures of claim "", with the
 * head, organisations, modifiers and year the packs read around them;
 * the claims' observations beside them). Out: candidates, each compared
 * like a claim by compare.c, labelled with the known claim it holds,
 * ranked, with a draft frame rule.
 *
 * Grouping (docs/discover.md): figures of one kind and unit (money in US
 * dollars where a rate of the article's date converts it), of heads of one
 * family (a light head joins any; a predicate's figures only those said of
 * the same head), with the same rates (per share, per day), naming an
 * organisation some figure of the group names, in value order, join a
 * group whose smallest value is within CC_DISCOVER_BAND_PERCENT of theirs:
 * of those, the one sharing most organisations, then the largest. A group
 * keeps the organisations, modifiers and year all its figures have (its
 * draft's); figures naming no organisation group only with each other. A year written does not keep
 * figures apart: on the development set (fixtures/real) it split more
 * figures of one fact ("since 2019", a fiscal year) than it kept facts
 * apart. A group of one article a power of ten from a larger group of the
 * same family and an organisation in common joins it: a probable scale
 * slip, which compare then names. Then groups of one family and the very
 * same organisations whose values are within CC_DISCOVER_CONFLICT_PERCENT
 * join: one fact whose articles disagree.
 */
#include "claimcheck/discover.h"

#include "alloc.h"
#include "arena.h"
#include "buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Modifiers that do not set two figures apart: a forecast of a figure is
 * compared with the figure (the forecast class), and who reports it does
 * not change it. */
static const char *const SAME_FACT[] = {"report", "forecast", "talks", "anaphor", NULL};

/* Values a power of ten apart, within 2%: a probable slip (500 millions
 * de dollars against 500 milliards). */
#define SCALE_BAND 0.02

typedef struct fig {
    const cc_obs *o;
    double v;         /* its value, money in US dollars where a rate of its
                         article's date converts it */
    const char *unit; /* "USD" then, else its unit */
    bool light;       /* its head is light ("pay", "contract") */
    const char *family; /* its head's family ("deal"), else its head */
    const char *rates;  /* money: the rates among its modifiers
                           ("per_share"): a price per share is no total */
    const char *of;   /* o's, "" for none */
    const char *ents; /* o's organisations, "" for none */
    const char *mods; /* its modifiers but those of SAME_FACT (arena) */
    size_t group;
} fig;

typedef struct group {
    size_t first, n;   /* figs in the group, after sorting by group */
    double lo;         /* the smallest value */
    int year;          /* the year all its figures write, or 0 */
    char *ents;        /* organisations all figures name (arena) */
    const char *anyents; /* organisations any figure names (arena): a
                            figure joins when it names one of them (so
                            "OpenAI" and "Microsoft" alone, and both, make
                            one group, whatever their order) */
    char *mods;        /* the modifiers all its figures have (arena) */
    const fig *head;   /* a figure of it (the first): its kind, unit, of */
    const char *concept; /* the head of its figures (light heads join any) */
    const char *family;  /* that head's family */
    const char *heads; /* every head of its figures (arena), sorted, one
                          space between (a light one beside another) */
    bool light;        /* every figure's head is light */
    size_t narticles;
    size_t members;    /* figures, while grouping */
    bool merged;       /* joined another group (a scale slip) */
} group;

struct cc_discovery {
    cc_arena arena;
    cc_candidate *v;
    size_t n;
    cc_result *res;
    cc_obstab *t;
};

static int cmp_fig(const void *a, const void *b)
{
    const fig *x = a, *y = b;
    int c;
    if (x->o->kind != y->o->kind)
        return x->o->kind < y->o->kind ? -1 : 1;
    if ((c = strcmp(x->unit, y->unit)) || (c = strcmp(x->of, y->of)))
        return c;
    if (x->v != y->v)
        return x->v < y->v ? -1 : 1;
    if ((c = strcmp(x->o->file, y->o->file)))
        return c;
    return x->o->start < y->o->start ? -1 : x->o->start > y->o->start;
}

static bool same_block(const fig *a, const fig *b)
{
    return a->o->kind == b->o->kind && strcmp(a->unit, b->unit) == 0 &&
           strcmp(a->of, b->of) == 0;
}

/* The next word of the space-separated words at *p: *w and *l get it,
 * *p goes past it; false when there is none. */
static bool next_word(const char **p, const char **w, size_t *l)
{
    while (**p) {
        *w = *p;
        *l = strcspn(*p, " ");
        *p += *l + ((*p)[*l] == ' ');
        if (*l)
            return true;
    }
    return false;
}

/* Is w[0..l) one of the words of s (separated by spaces or ", ")? */
static bool has_word_n(const char *s, const char *w, size_t l)
{
    const char *p = s;
    while (*p) {
        const char *e = p + strcspn(p, " ,");
        if ((size_t)(e - p) == l && memcmp(p, w, l) == 0)
            return true;
        p = *e ? e + 1 : e;
    }
    return false;
}

/* The words of a that keep(w, l, ud) says to keep, one space between,
 * into out (at least strlen(a) + 1 bytes). */
static void keep_words(const char *a, bool (*keep)(const char *w, size_t l, const void *ud),
                       const void *ud, char *out)
{
    const char *w;
    size_t n = 0, l;
    while (next_word(&a, &w, &l))
        if (keep(w, l, ud)) {
            if (n)
                out[n++] = ' ';
            memcpy(out + n, w, l);
            n += l;
        }
    out[n] = '\0';
}

static bool in_words(const char *w, size_t l, const void *words)
{
    return has_word_n(words, w, l);
}

/* The words of a that are in b too (both sorted, one space between), into
 * out (at least strlen(a) + 1 bytes). */
static void common_words(const char *a, const char *b, char *out)
{
    keep_words(a, in_words, b, out);
}

/* dst keeps the words other has too. */
static int keep_common(char *dst, const char *other)
{
    char *tmp = cc_malloc(strlen(dst) + 1);
    if (!tmp)
        return CC_ERR_NOMEM;
    common_words(dst, other, tmp);
    strcpy(dst, tmp);
    cc_free(tmp);
    return CC_OK;
}

static bool tells_the_fact(const char *w, size_t l, const void *ud)
{
    size_t k;
    (void)ud;
    for (k = 0; SAME_FACT[k]; k++)
        if (strlen(SAME_FACT[k]) == l && memcmp(SAME_FACT[k], w, l) == 0)
            return false;
    return true;
}

/* Modifiers less those of SAME_FACT, into the arena. */
static const char *separating(cc_arena *ar, const char *mods)
{
    char *out = cc_arena_alloc(ar, strlen(mods) + 1);
    if (out)
        keep_words(mods, tells_the_fact, NULL, out);
    return out;
}

static bool is_rate(const char *w, size_t l, const void *rs)
{
    char buf[64], *name = l < sizeof buf ? buf : cc_malloc(l + 1);
    bool rate;
    if (!name)
        return false; /* out of memory: the figure's rates are not known */
    memcpy(name, w, l);
    name[l] = '\0';
    rate = cc_ruleset_concept_rate(rs, name);
    if (name != buf)
        cc_free(name);
    return rate;
}

/* The rate modifiers of a money figure's mods ("per_share"), into the
 * arena. */
static const char *rates_of(cc_arena *ar, const cc_ruleset *rs, const fig *f)
{
    char *out = cc_arena_alloc(ar, strlen(f->mods) + 1);
    if (out)
        keep_words(rs && f->o->kind == CC_KIND_MONEY ? f->mods : "", is_rate, rs, out);
    return out;
}

/* Can f join g? Heads of one family (family: in rules/concepts.yaml) may
 * say one fact ("acquires Wiz for $32bn", "a $32bn price"); a light head
 * ("pay", "contract") says too little to keep a figure from the group of
 * another head ("paid $32bn" and "a $32bn acquisition"). */
static bool joins(const group *g, const fig *f, char *common)
{
    common[0] = '\0';
    if (!same_block(g->head, f) || f->v > g->lo * (1.0 + CC_DISCOVER_BAND_PERCENT / 100.0))
        return false;
    if (!g->light && !f->light && strcmp(g->family, f->family) != 0)
        return false;
    if (strcmp(g->head->rates, f->rates) != 0)
        return false;
    if (!g->anyents[0] || !f->ents[0])
        return !g->anyents[0] && !f->ents[0];
    common_words(f->ents, g->anyents, common);
    return common[0] != '\0';
}

static size_t count_words(const char *s)
{
    const char *w;
    size_t n = 0, l;
    while (next_word(&s, &w, &l))
        n++;
    return n;
}

/* Does the word w[0..lw) sort before p[0..l)? */
static bool word_before(const char *w, size_t lw, const char *p, size_t l)
{
    int c = memcmp(w, p, lw < l ? lw : l);
    return c < 0 || (c == 0 && lw < l);
}

/* s with the word w[0..lw) added in its sorted place, in the arena (s
 * itself when it has the word); NULL when out of memory. */
static const char *add_word(cc_arena *ar, const char *s, const char *w, size_t lw)
{
    const char *p = s;
    char *out;
    size_t k = 0;
    bool done = false;
    if (has_word_n(s, w, lw))
        return s;
    if (!(out = cc_arena_alloc(ar, strlen(s) + lw + 2)))
        return NULL;
    while (*p || !done) {
        size_t l = strcspn(p, " ");
        if (!done && (!*p || word_before(w, lw, p, l))) {
            if (k)
                out[k++] = ' ';
            memcpy(out + k, w, lw);
            k += lw;
            done = true;
            continue;
        }
        if (k)
            out[k++] = ' ';
        memcpy(out + k, p, l);
        k += l;
        p += l + (p[l] == ' ');
    }
    out[k] = '\0';
    return out;
}

/* s with each word of ws added (add_word). */
static const char *add_words(cc_arena *ar, const char *s, const char *ws)
{
    const char *w;
    size_t l;
    while (s && next_word(&ws, &w, &l))
        s = add_word(ar, s, w, l);
    return s;
}

/* Has a a word b has too? */
static bool shares_word(const char *a, const char *b)
{
    const char *w;
    size_t l;
    while (next_word(&a, &w, &l))
        if (has_word_n(b, w, l))
            return true;
    return false;
}

static bool power_of_ten_apart(double a, double b)
{
    int k;
    for (k = 1; k <= 3; k++) {
        double p = pow(10.0, k);
        if (fabs(a * p - b) <= SCALE_BAND * b || fabs(b * p - a) <= SCALE_BAND * a)
            return true;
    }
    return false;
}

/* Distinct files of g's figures (sorted by group, then file). */
static size_t articles_of(const fig *v, const group *g)
{
    size_t i, n = 0;
    for (i = g->first; i < g->first + g->n; i++)
        n += i == g->first || strcmp(v[i - 1].o->file, v[i].o->file) != 0;
    return n;
}

/* By group, then article, then place in it. */
static int cmp_by_group(const void *a, const void *b)
{
    const fig *x = a, *y = b;
    int c;
    if (x->group != y->group)
        return x->group < y->group ? -1 : 1;
    if ((c = strcmp(x->o->file, y->o->file)))
        return c;
    return x->o->start < y->o->start ? -1 : x->o->start > y->o->start;
}

static int cmp_fig_ptr(const void *a, const void *b)
{
    return cmp_by_group(*(const fig *const *)a, *(const fig *const *)b);
}

/* Each group's number of articles, through an index sorted by group and
 * article (v itself keeps its order: the groups point into it). */
static int count_articles(const fig *v, size_t nf, group *gs, size_t ng)
{
    const fig **ix = cc_malloc((nf + 1) * sizeof *ix);
    size_t i;
    if (!ix)
        return CC_ERR_NOMEM;
    for (i = 0; i < nf; i++)
        ix[i] = &v[i];
    qsort(ix, nf, sizeof *ix, cmp_fig_ptr);
    for (i = 0; i < ng; i++)
        gs[i].narticles = 0;
    for (i = 0; i < nf; i++)
        if (i == 0 || ix[i]->group != ix[i - 1]->group ||
            strcmp(ix[i]->o->file, ix[i - 1]->o->file) != 0)
            gs[ix[i]->group].narticles++;
    cc_free(ix);
    return CC_OK;
}

static int cmp_ptr(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    return x < y ? -1 : x > y;
}

static int cmp_place(const void *a, const void *b)
{
    const cc_obs *x = *(const cc_obs *const *)a, *y = *(const cc_obs *const *)b;
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* The claim of the rules whose observation overlaps f (known: the
 * claims' observations by file and start), or NULL. */
static const char *known_at(const cc_obs *const *known, size_t n, const fig *f)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(known[mid]->file, f->o->file);
        if (c < 0 || (c == 0 && known[mid]->end <= f->o->start))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n && strcmp(known[lo]->file, f->o->file) == 0 && known[lo]->start < f->o->end)
        return known[lo]->claim;
    return NULL;
}

/* An id for the draft rule: head, organisations, modifiers and year
 * ("invest_microsoft_openai", "invest_microsoft_first_2019"), made unique
 * among the candidates named so far and the rules' claims. */
static const char *make_id(cc_discovery *d, const cc_ruleset *rs, const group *g)
{
    cc_buf b = CC_BUF_INIT;
    const char *parts[2] = {g->ents, g->mods}, *p;
    char *id = NULL;
    size_t base, i, k;
    int nth = 1;
    cc_buf_puts(&b, g->concept);
    if (g->head->of[0])
        cc_buf_printf(&b, "_%s", g->head->of);
    for (k = 0; k < 2; k++)
        if (parts[k][0]) {
            cc_buf_putc(&b, '_');
            for (p = parts[k]; *p; p++)
                cc_buf_putc(&b, *p == ' ' ? '_' : *p);
        }
    if (g->year)
        cc_buf_printf(&b, "_%d", g->year);
    base = b.len;
    while (!b.err) {
        bool taken = rs && cc_ruleset_find_claim(rs, b.p);
        for (i = 0; i < d->n && !taken; i++)
            taken = strcmp(d->v[i].id, b.p) == 0;
        if (!taken) {
            id = cc_arena_strdup(&d->arena, b.p);
            break;
        }
        b.len = base;
        b.p[base] = '\0';
        cc_buf_printf(&b, "_%d", ++nth);
    }
    cc_buf_free(&b);
    return id;
}

/* s as a YAML double-quoted scalar. */
static void yaml_quoted(cc_buf *b, const char *s)
{
    cc_buf_putc(b, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            cc_buf_printf(b, "\\%c", c);
        else if (c == '\n' || c == '\r' || c == '\t')
            cc_buf_putc(b, ' ');
        else if (c < 0x20)
            cc_buf_printf(b, "\\x%02x", c);
        else
            cc_buf_putc(b, (char)c);
    }
    cc_buf_putc(b, '"');
}

/* Words of s as a YAML flow list: "a b" -> "[a, b]". */
static void yaml_words(cc_buf *b, const char *s)
{
    cc_buf_putc(b, '[');
    for (; *s; s++)
        cc_buf_puts(b, *s == ' ' ? ", " : (char[2]){*s, '\0'});
    cc_buf_putc(b, ']');
}

/* Modifiers the other groups of g's head and organisations have and no
 * figure of g has, into b as a list (empty: nothing written). */
static void other_mods(const group *gs, size_t ng, const group *g, const fig *v, cc_buf *b)
{
    size_t i, k;
    bool any = false;
    for (i = 0; i < ng; i++) {
        const group *o = &gs[i];
        const char *p, *w;
        size_t l;
        if (o == g || !o->n || o->head->o->kind != g->head->o->kind ||
            strcmp(o->concept, g->concept) != 0 ||
            strcmp(o->head->of, g->head->of) != 0 || strcmp(o->ents, g->ents) != 0)
            continue;
        for (p = o->mods; next_word(&p, &w, &l);) {
            /* not one that a figure of g has: the draft must take it */
            for (k = g->first; k < g->first + g->n && !has_word_n(v[k].mods, w, l); k++)
                ;
            if (k == g->first + g->n && !(b->p && has_word_n(b->p, w, l))) {
                cc_buf_puts(b, any ? ", " : "");
                cc_buf_append(b, w, l);
                any = true;
            }
        }
    }
}

/* The draft rule of candidate c (group g): a claim file that loads as is
 * and finds the candidate's figures. */
static const char *draft_of(cc_discovery *d, const group *gs, size_t ng, const group *g,
                            const cc_candidate *c, const fig *v)
{
    const cc_obs *o = g->head->o;
    cc_buf b = CC_BUF_INIT, nots = CC_BUF_INIT;
    char *out;
    const char *last;
    size_t i, nex = 0;
    char num[CC_DEC_BUFSZ];
    cc_buf_printf(&b, "# claimcheck discover: %s", c->head);
    if (c->entities[0])
        cc_buf_printf(&b, " (%s)", c->entities);
    cc_buf_printf(&b, ", %zu article%s\nclaims:\n  - id: %s\n    description: ", c->narticles,
                  c->narticles == 1 ? "" : "s", c->id);
    {
        cc_buf dsc = CC_BUF_INIT;
        /* "invest: microsoft, openai (total), 2024" */
        const char *p;
        cc_buf_puts(&dsc, c->head);
        if (c->of[0])
            cc_buf_printf(&dsc, " of %s", c->of);
        if (c->entities[0])
            cc_buf_puts(&dsc, ": ");
        for (p = c->entities; *p; p++)
            cc_buf_puts(&dsc, *p == ' ' ? ", " : (char[2]){*p, '\0'});
        if (c->modifiers[0])
            cc_buf_printf(&dsc, " (%s)", c->modifiers);
        if (c->year)
            cc_buf_printf(&dsc, ", %d", c->year);
        yaml_quoted(&b, dsc.p ? dsc.p : "");
        cc_buf_free(&dsc);
    }
    if (o->kind == CC_KIND_MONEY)
        cc_buf_printf(&b, "\n    unit: currency\n    currency: %s\n", c->currency);
    else if (o->kind == CC_KIND_PERCENT)
        cc_buf_puts(&b, "\n    unit: percent\n");
    else if (o->unit[0])
        cc_buf_printf(&b, "\n    unit: count\n    units: [%s]\n", o->unit);
    else
        cc_buf_puts(&b, "\n    unit: count\n");
    cc_buf_puts(&b, "    frame: {concept: ");
    if (strchr(c->heads, ' '))
        yaml_words(&b, c->heads);
    else
        cc_buf_puts(&b, c->head);
    if (c->entities[0]) {
        cc_buf_puts(&b, ", entities: ");
        yaml_words(&b, c->entities);
    }
    if (c->of[0] || c->modifiers[0]) {
        /* a predicate's head goes with the modifiers: {concept: growth,
         * with: [revenue]} */
        cc_buf with = CC_BUF_INIT;
        cc_buf_printf(&with, "%s%s%s", c->of, c->of[0] && c->modifiers[0] ? " " : "",
                      c->modifiers);
        cc_buf_puts(&b, ", with: ");
        yaml_words(&b, with.p ? with.p : "");
        if (with.err)
            b.err = with.err;
        cc_buf_free(&with);
    }
    other_mods(gs, ng, g, v, &nots);
    if (nots.len)
        cc_buf_printf(&b, ", not: [%s]", nots.p);
    if (c->year)
        cc_buf_printf(&b, ", year: %d", c->year);
    for (i = g->first; i < g->first + g->n && !v[i].o->fig->topic; i++)
        ;
    if (c->entities[0] && i < g->first + g->n)
        cc_buf_puts(&b, ", within: article"); /* a figure's organisation is its article's */
    cc_buf_puts(&b, "}\n");
    /* one per article: its first figure whose sentence says it all */
    for (i = g->first, last = NULL; i < g->first + g->n; i++) {
        if (!v[i].o->fig->alone || (last && strcmp(last, v[i].o->file) == 0))
            continue;
        last = v[i].o->file;
        if (!nex++)
            cc_buf_puts(&b, "    examples:\n");
        cc_buf_printf(&b, "      - {lang: %s, text: ", v[i].o->lang);
        yaml_quoted(&b, v[i].o->context[0] ? v[i].o->context : v[i].o->text);
        cc_buf_printf(&b, ", value: %s}\n", cc_dec_format(num, v[i].o->value));
    }
    cc_buf_free(&nots);
    out = b.err ? NULL : cc_arena_strdup(&d->arena, b.p);
    cc_buf_free(&b);
    return out;
}

/* The currency most of g's figures are written in (the first of ties). */
static const char *currency_of_group(const fig *v, const group *g)
{
    const char *best = NULL;
    size_t i, k, bn = 0;
    for (i = g->first; i < g->first + g->n; i++) {
        size_t n = 0;
        for (k = g->first; k < g->first + g->n; k++)
            n += strcmp(v[k].o->unit, v[i].o->unit) == 0;
        if (n > bn) {
            bn = n;
            best = v[i].o->unit;
        }
    }
    return best;
}

/* For compare: the currency of the candidate named claim. */
static const char *candidate_currency(void *ud, const char *claim)
{
    const cc_discovery *d = ud;
    size_t i;
    for (i = 0; i < d->n; i++)
        if (strcmp(d->v[i].id, claim) == 0)
            return d->v[i].currency;
    return NULL;
}

static int verdict_rank(cc_verdict v)
{
    /* disagreements first, in the verdicts' order; then agreements */
    return (int)v;
}

static int cmp_candidate(const void *a, const void *b)
{
    const cc_candidate *x = a, *y = b;
    int vx = verdict_rank(x->res->verdict), vy = verdict_rank(y->res->verdict);
    if (vx != vy)
        return vx < vy ? -1 : 1;
    if (x->narticles != y->narticles)
        return x->narticles > y->narticles ? -1 : 1;
    return strcmp(x->id, y->id);
}

static const cc_claimres *result_of(const cc_result *r, const char *id)
{
    size_t i, n = cc_result_count(r);
    for (i = 0; i < n; i++)
        if (strcmp(cc_result_get(r, i)->id, id) == 0)
            return cc_result_get(r, i);
    return NULL;
}

/* Long on purpose: the steps in order (collect, group, merge slips, name,
 * compare, label, rank), each short. */
int cc_discover(cc_discovery **out, const cc_ruleset *rs, const cc_obstab *t, bool singles)
{
    cc_discovery *d = cc_calloc(1, sizeof *d);
    size_t n = cc_obstab_count(t), nf = 0, ng = 0, i, j;
    fig *v = NULL;
    group *gs = NULL;
    const cc_obs **known = NULL;
    size_t nknown = 0;
    double rate;
    char *common = NULL;
    int rc = CC_ERR_NOMEM;

    *out = NULL;
    if (!d)
        return CC_ERR_NOMEM;
    v = cc_calloc(n + 1, sizeof *v);
    gs = cc_calloc(n + 1, sizeof *gs);
    known = cc_calloc(n + 1, sizeof *known);
    if (!v || !gs || !known || cc_obstab_new(&d->t) != CC_OK)
        goto done;
    /* 1. the figures */
    for (i = 0; i < n; i++) {
        const cc_obs *o = cc_obstab_get(t, i);
        if (o->claim[0]) {
            known[nknown++] = o;
            continue;
        }
        if (!o->fig)
            continue;
        v[nf].o = o;
        v[nf].of = o->fig->of ? o->fig->of : "";
        v[nf].ents = o->fig->entities ? o->fig->entities : "";
        v[nf].v = fabs(cc_dec_to_double(o->value));
        v[nf].unit = o->unit;
        /* money in one currency, to group "1,8 Milliarden Euro" with
         * "$2bn": compare then converts into the candidate's currency */
        if (o->kind == CC_KIND_MONEY && rs && strcmp(o->unit, "USD") != 0 &&
            cc_ruleset_fx(rs, o->unit, "USD", o->date, &rate, NULL)) {
            v[nf].v *= rate;
            v[nf].unit = "USD";
        }
        v[nf].light = rs && cc_ruleset_concept_light(rs, o->fig->head);
        v[nf].family = rs ? cc_ruleset_concept_family(rs, o->fig->head) : o->fig->head;
        if (!(v[nf].mods = separating(&d->arena, o->fig->modifiers ? o->fig->modifiers : "")))
            goto done;
        if (!(v[nf].rates = rates_of(&d->arena, rs, &v[nf])))
            goto done;
        nf++;
    }
    qsort(v, nf, sizeof *v, cmp_fig);
    qsort(known, nknown, sizeof *known, cmp_place);
    /* 2. groups */
    for (i = 0; i < nf; i++) {
        size_t need = strlen(v[i].ents) + strlen(v[i].mods) + 1;
        group *g = NULL;
        char *common2;
        size_t best;
        if (!(common = cc_malloc(2 * need)))
            goto done;
        common2 = common + need;
        /* of the groups it may join (groups start in value order: past
         * the band, none), the one sharing most organisations, then the
         * largest: a light head's figure goes where its fact most likely is */
        for (j = ng, best = 0; j-- > 0;) {
            size_t score;
            if (!same_block(gs[j].head, &v[i]) ||
                v[i].v > gs[j].lo * (1.0 + CC_DISCOVER_BAND_PERCENT / 100.0))
                break;
            if (!joins(&gs[j], &v[i], common))
                continue;
            score = 1 + 1000 * count_words(common) + gs[j].members;
            if (score > best) {
                best = score;
                g = &gs[j];
            }
        }
        if (g) {
            joins(g, &v[i], common); /* its organisations in common again */
            g->members++;
            common_words(g->ents, v[i].ents, common2);
            strcpy(g->ents, common2);
            common_words(g->mods, v[i].mods, common2);
            strcpy(g->mods, common2);
            if (!(g->anyents = add_words(&d->arena, g->anyents, v[i].ents)) ||
                !(g->heads = add_words(&d->arena, g->heads, v[i].o->fig->head)))
                goto done;
            if (g->light && !v[i].light) {
                g->concept = v[i].o->fig->head;
                g->family = v[i].family;
                g->light = false;
            }
            if (g->year != v[i].o->fig->year)
                g->year = 0; /* a year all its figures write, or none */
        } else {
            g = &gs[ng++];
            g->members = 1;
            g->lo = v[i].v;
            g->year = v[i].o->fig->year;
            g->head = &v[i];
            g->concept = v[i].o->fig->head;
            g->family = v[i].family;
            g->light = v[i].light;
            if (!(g->heads = cc_arena_strdup(&d->arena, v[i].o->fig->head)) ||
                !(g->anyents = cc_arena_strdup(&d->arena, v[i].ents)) ||
                !(g->ents = cc_arena_strdup(&d->arena, v[i].ents)) ||
                !(g->mods = cc_arena_strdup(&d->arena, v[i].mods)))
                goto done;
        }
        v[i].group = (size_t)(g - gs);
        cc_free(common);
        common = NULL;
    }
    /* a group of one article a power of ten from a larger one of the same
     * family and an organisation in common: a probable slip of that one */
    if (count_articles(v, nf, gs, ng) != CC_OK)
        goto done;
    for (i = 0; i < ng; i++) {
        if (gs[i].narticles != 1 || !gs[i].anyents[0])
            continue;
        for (j = 0; j < ng; j++) {
            size_t k;
            if (j == i || gs[j].merged || gs[j].narticles < 2 ||
                !same_block(gs[j].head, gs[i].head) || strcmp(gs[j].family, gs[i].family) != 0 ||
                !power_of_ten_apart(gs[i].lo, gs[j].lo) ||
                !shares_word(gs[i].anyents, gs[j].anyents))
                continue;
            if (keep_common(gs[j].ents, gs[i].ents) != CC_OK ||
                keep_common(gs[j].mods, gs[i].mods) != CC_OK)
                goto done;
            if (!(gs[j].anyents = add_words(&d->arena, gs[j].anyents, gs[i].anyents)) ||
                !(gs[j].heads = add_words(&d->arena, gs[j].heads, gs[i].heads)))
                goto done;
            if (gs[j].year != gs[i].year)
                gs[j].year = 0;
            for (k = 0; k < nf; k++)
                if (v[k].group == i)
                    v[k].group = j;
            gs[i].merged = true;
            break;
        }
    }
    /* groups of one family and the very same organisations whose values
     * are within CC_DISCOVER_CONFLICT_PERCENT: one fact the articles
     * disagree on (183bn against 170bn, €5bn against €4.3bn) */
    for (i = 0; i < ng; i++) {
        if (gs[i].merged || !gs[i].ents[0])
            continue;
        for (j = i + 1; j < ng; j++) {
            size_t k;
            double r = gs[j].lo > gs[i].lo ? gs[j].lo / gs[i].lo : gs[i].lo / gs[j].lo;
            if (gs[j].merged || r > 1.0 + CC_DISCOVER_CONFLICT_PERCENT / 100.0 ||
                !same_block(gs[j].head, gs[i].head) || strcmp(gs[j].family, gs[i].family) != 0 ||
                strcmp(gs[j].ents, gs[i].ents) != 0 ||
                strcmp(gs[j].head->rates, gs[i].head->rates) != 0)
                continue;
            if (keep_common(gs[i].mods, gs[j].mods) != CC_OK)
                goto done;
            if (!(gs[i].heads = add_words(&d->arena, gs[i].heads, gs[j].heads)))
                goto done;
            if (gs[j].year != gs[i].year)
                gs[i].year = 0;
            for (k = 0; k < nf; k++)
                if (v[k].group == j)
                    v[k].group = i;
            gs[j].merged = true;
        }
    }
    /* the figures of each group together; each group's head is its first */
    qsort(v, nf, sizeof *v, cmp_by_group);
    for (i = 0; i < ng; i++)
        gs[i].n = 0;
    for (i = 0; i < nf; i++) {
        group *g = &gs[v[i].group];
        if (!g->n++)
            g->first = i;
    }
    for (i = 0; i < ng; i++)
        gs[i].head = gs[i].n ? &v[gs[i].first] : NULL;
    /* 3. candidates: named, compared, labelled */
    if (!(d->v = cc_calloc(ng + 1, sizeof *d->v)))
        goto done;
    for (i = 0; i < ng; i++) {
        group *g = &gs[i];
        cc_candidate *c;
        if (!g->n)
            continue;
        g->narticles = articles_of(v, g);
        if (g->narticles < 2 && !singles)
            continue;
        c = &d->v[d->n];
        c->head = g->concept;
        c->heads = g->heads; /* the arena's */
        c->of = g->head->of;
        c->entities = g->ents;
        c->modifiers = g->mods;
        c->year = g->year;
        c->narticles = g->narticles;
        c->currency = g->head->o->kind == CC_KIND_MONEY ? currency_of_group(v, g) : NULL;
        if (!(c->id = make_id(d, rs, g)))
            goto done;
        d->n++;
        for (j = g->first; j < g->first + g->n; j++) {
            cc_obs o = *v[j].o;
            o.claim = c->id;
            o.scope = "";
            o.fig = NULL;
            if (cc_obstab_add(d->t, &o) != CC_OK)
                goto done;
        }
    }
    if ((rc = cc_compare_run_currency(&d->res, rs, d->t, candidate_currency, d)) != CC_OK)
        goto done;
    rc = CC_ERR_NOMEM;
    for (i = 0, j = 0; i < ng; i++) {
        group *g = &gs[i];
        cc_candidate *c;
        const char **kns;
        size_t k, m, run;
        if (!g->n || (g->narticles < 2 && !singles))
            continue;
        c = &d->v[j++];
        c->res = result_of(d->res, c->id);
        /* the known claim most of its figures are (the ids are the run's
         * table's, interned: one pointer per claim) */
        if (!(kns = cc_malloc((g->n + 1) * sizeof *kns)))
            goto done;
        for (k = 0, m = 0; k < g->n; k++)
            if ((kns[m] = known_at(known, nknown, &v[g->first + k])))
                m++;
        qsort(kns, m, sizeof *kns, cmp_ptr);
        for (k = 0; k < m; k = run) {
            for (run = k + 1; run < m && kns[run] == kns[k]; run++)
                ;
            if (run - k > c->nknown) {
                c->nknown = run - k;
                c->known = kns[k];
            }
        }
        cc_free(kns);
        c->nfigures = g->n;
        if (!(c->draft = draft_of(d, gs, ng, g, c, v)))
            goto done;
    }
    for (i = 0; i < d->n; i++)
        if (!d->v[i].res)
            goto done; /* compare keeps every group: out of memory */
    qsort(d->v, d->n, sizeof *d->v, cmp_candidate);
    rc = CC_OK;
done:
    cc_free(known);
    cc_free(common);
    cc_free(v);
    cc_free(gs);
    if (rc != CC_OK) {
        cc_discovery_free(d);
        return rc;
    }
    *out = d;
    return CC_OK;
}

void cc_discovery_free(cc_discovery *d)
{
    if (!d)
        return;
    cc_result_free(d->res);
    cc_obstab_free(d->t);
    cc_free(d->v);
    cc_arena_free(&d->arena);
    cc_free(d);
}

size_t cc_discovery_count(const cc_discovery *d)
{
    return d->n;
}

const cc_candidate *cc_discovery_get(const cc_discovery *d, size_t i)
{
    return i < d->n ? &d->v[i] : NULL;
}
