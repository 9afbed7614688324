/*
 * frames.c: concepts, entities and frame claims (rule-loading stage).
 *
 * In: a rule directory's concepts.yaml and entities/NAME.yaml, a claim's
 * frame: mapping, and the packs' terms. Out: the ruleset's concepts and
 * entities, every pack's terms resolved to concepts and its entity pattern
 * (cc_langframe), and one CC_X_FRAME extractor per frame claim and
 * language whose pack has a term for one of its heads (docs/rules.md,
 * "Frames"). A claim's own extractors for a language run as well and go
 * first: a figure they take is theirs. Errors name file:line:column.
 */
#include "rules_build.h"
#include "date.h"

#include "alloc.h"
#include "buf.h"
#include "io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int grow(void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    return cc_grow(v, cap, n + 1, size);
}

long cc_ruleset_concept_index(const cc_ruleset *rs, const char *name)
{
    size_t i;
    for (i = 0; i < rs->nconcepts; i++)
        if (strcmp(rs->concepts[i].name, name) == 0)
            return (long)i;
    return -1;
}

static long entity_index(const cc_ruleset *rs, const char *id)
{
    size_t i;
    for (i = 0; i < rs->nentities; i++)
        if (strcmp(rs->entities[i].id, id) == 0)
            return (long)i;
    return -1;
}

int cc_rules_parse_file(cc_ruleset *rs, const char *path, ydoc *doc, char **text, cc_diags *d)
{
    size_t len;
    const char *fpath;
    int rc = cc_rules_read_rule_file(path, text, &len, d);
    if (rc != CC_OK)
        return rc;
    fpath = cc_arena_strdup(&rs->arena, path);
    return cc_ydoc_parse_diags(doc, &rs->arena, fpath ? fpath : path, *text, len, d);
}

/* ====================================================================
 * Concepts
 * ==================================================================== */

/* A concept's flag key (light:, earlier:, rate:) into *out: true or false, and
 * true only for a concept of the role it belongs to (a, "a head"). */
static void read_flag(ydoc *doc, const ynode *v, const char *key, cc_role role, cc_role needs,
                      const char *a, bool *out)
{
    const ynode *n = y_get(v, key);
    char hint[64];
    bool b;
    if (!n)
        return;
    if (!y_bool(n, &b)) {
        snprintf(hint, sizeof hint, "write %s: true or %s: false", key, key);
        y_error(doc, n, CC_D_VALUE, hint, "%s must be true or false", key);
    } else if (b && role != needs) {
        snprintf(hint, sizeof hint, "drop %s: or make the concept %s", key, a);
        y_error(doc, n, CC_D_VALUE, hint, "only %s can be %s", a, key);
    } else {
        *out = b;
    }
}

static void read_concept(cc_ruleset *rs, ydoc *doc, const ynode *k, const ynode *v)
{
    static const char *const keys[] = {"role", "kind", "light", "earlier", "rate", "unit",
                                       "family", "description", NULL};
    const char *name = y_str(doc, k, "a concept name"), *role;
    const ynode *n;
    cc_concept c;
    memset(&c, 0, sizeof c);
    if (!name || !y_expect(doc, v, Y_MAP, "a concept"))
        return;
    y_check_keys(doc, v, keys, "a concept");
    c.name = name;
    if (cc_ruleset_concept_index(rs, name) >= 0) {
        y_error(doc, k, CC_D_DUPLICATE, "define each concept once", "concept '%s' is already defined",
                name);
        return;
    }
    if ((n = y_require(doc, v, "role", "a concept")) && (role = y_str(doc, n, "role"))) {
        if (strcmp(role, "head") == 0)
            c.role = CC_ROLE_HEAD;
        else if (strcmp(role, "modifier") == 0)
            c.role = CC_ROLE_MODIFIER;
        else if (strcmp(role, "predicate") == 0)
            c.role = CC_ROLE_PREDICATE;
        else
            y_error(doc, n, CC_D_VALUE, "use head, predicate or modifier", "unknown role '%s'",
                    role);
    }
    if ((n = y_get(v, "kind")) && y_expect(doc, n, Y_SEQ, "kind")) {
        size_t i;
        for (i = 0; i < n->n; i++) {
            const char *kn = y_str(doc, n->kids[i], "a kind");
            cc_kind kd;
            if (kn && cc_kind_from_name(&kd, kn) == 0)
                c.kinds |= 1u << kd;
            else if (kn)
                y_error(doc, n->kids[i], CC_D_VALUE, "use money, percent or count",
                        "unknown kind '%s'", kn);
        }
    }
    read_flag(doc, v, "light", c.role, CC_ROLE_HEAD, "a head", &c.light);
    read_flag(doc, v, "earlier", c.role, CC_ROLE_MODIFIER, "a modifier", &c.earlier);
    read_flag(doc, v, "rate", c.role, CC_ROLE_MODIFIER, "a modifier", &c.rate);
    if ((n = y_get(v, "family"))) {
        const char *fam = y_str(doc, n, "family");
        if (fam && c.role != CC_ROLE_HEAD)
            y_error(doc, n, CC_D_VALUE, "drop family: or make the concept a head",
                    "only a head has a family");
        else if (fam && !(c.family = cc_arena_strdup(&rs->arena, fam)))
            y_error(doc, n, CC_D_NOMEM, NULL, "out of memory");
    }
    if ((n = y_get(v, "unit"))) {
        const char *u = y_str(doc, n, "unit");
        if (u && (c.role != CC_ROLE_HEAD || c.kinds != 1u << CC_KIND_COUNT))
            y_error(doc, n, CC_D_VALUE, "drop unit: or make the concept a head of kind [count]",
                    "only a head of counts alone has a unit");
        else if (u && !(c.count_unit = cc_arena_strdup(&rs->arena, u)))
            y_error(doc, n, CC_D_NOMEM, NULL, "out of memory");
    }
    if (grow((void **)&rs->concepts, &rs->capconcepts, rs->nconcepts, sizeof(cc_concept)) != 0) {
        y_error(doc, k, CC_D_NOMEM, NULL, "out of memory");
        return;
    }
    rs->concepts[rs->nconcepts++] = c;
}

int cc_rules_load_concepts(cc_ruleset *rs, const char *dir, cc_diags *d, int *errors)
{
    char *path = cc_rules_join_path(dir, "concepts.yaml"), *text = NULL;
    struct stat st;
    ydoc doc;
    int rc;
    if (!path)
        return CC_ERR_NOMEM;
    if (stat(path, &st) != 0 && errno == ENOENT) {
        cc_free(path);
        return CC_OK;
    }
    memset(&doc, 0, sizeof doc);
    rc = cc_rules_parse_file(rs, path, &doc, &text, d);
    if (rc == CC_OK && doc.root) {
        static const char *const keys[] = {"concepts", NULL};
        const ynode *m;
        if (y_expect(&doc, doc.root, Y_MAP, "a concept file")) {
            y_check_keys(&doc, doc.root, keys, "a concept file");
            if ((m = y_require(&doc, doc.root, "concepts", "a concept file")) &&
                y_expect(&doc, m, Y_MAP, "concepts")) {
                size_t i;
                for (i = 0; i < m->n; i++)
                    read_concept(rs, &doc, y_key(m, i), y_val(m, i));
            }
        }
    }
    if (rc != CC_OK || doc.errors)
        (*errors)++;
    cc_ydoc_free(&doc);
    cc_free(text);
    cc_free(path);
    return rc == CC_ERR_NOMEM ? rc : CC_OK;
}

/* ====================================================================
 * Entities
 * ==================================================================== */

/* The regular expression of one form: a literal, escaped, or /regex/,
 * checked alone. NULL after reporting an error. */
static const char *entity_form(cc_ruleset *rs, ydoc *doc, const ynode *f)
{
    cc_buf b = CC_BUF_INIT;
    const char *re;
    if (!y_expect(doc, f, Y_SCALAR, "an entity form"))
        return NULL;
    if (f->len >= 2 && f->s[0] == '/' && f->s[f->len - 1] == '/') {
        cc_rx rx;
        char msg[256];
        size_t off;
        if (cc_rx_compile(&rx, f->s + 1, f->len - 2, PCRE2_CASELESS, msg, sizeof msg, &off) != 0) {
            y_error_at(doc, f, off + 1, CC_D_PATTERN, NULL, "bad regular expression: %s", msg);
            return NULL;
        }
        if (rx.ncap) {
            y_error(doc, f, CC_D_GROUP, "write (?:...) instead of (...)",
                    "an entity form must not contain capture groups");
            cc_rx_free(&rx);
            return NULL;
        }
        cc_rx_free(&rx);
        cc_buf_append(&b, f->s + 1, f->len - 2);
    } else if (f->len == 0) {
        y_error(doc, f, CC_D_VALUE, NULL, "empty entity form");
        return NULL;
    } else {
        cc_rx_escape(&b, f->s, f->len);
    }
    re = b.err ? NULL : cc_arena_strndup(&rs->arena, b.p, b.len);
    cc_buf_free(&b);
    if (!re)
        y_error(doc, f, CC_D_NOMEM, NULL, "out of memory");
    return re;
}

static void add_entity_forms(cc_ruleset *rs, ydoc *doc, const ynode *list, uint32_t ent,
                             const char *lang)
{
    size_t i;
    if (!y_expect(doc, list, Y_SEQ, "forms"))
        return;
    for (i = 0; i < list->n; i++) {
        const char *re = entity_form(rs, doc, list->kids[i]);
        if (!re)
            continue;
        if (grow((void **)&rs->entforms, &rs->capentforms, rs->nentforms, sizeof(cc_entform))) {
            y_error(doc, list, CC_D_NOMEM, NULL, "out of memory");
            return;
        }
        rs->entforms[rs->nentforms].entity = ent;
        rs->entforms[rs->nentforms].lang = lang;
        rs->entforms[rs->nentforms].re = re;
        rs->nentforms++;
    }
}

static void read_entity(cc_ruleset *rs, ydoc *doc, const ynode *k, const ynode *v)
{
    static const char *const keys[] = {"kind", "forms", "lang", "description", NULL};
    static const char *const kinds[] = {"organisation", "product", "person", "place", NULL};
    const char *id = y_str(doc, k, "an entity id");
    const ynode *n;
    uint32_t idx;
    size_t i;
    if (!id || !y_expect(doc, v, Y_MAP, "an entity"))
        return;
    y_check_keys(doc, v, keys, "an entity");
    if (!cc_rules_valid_id(id)) {
        y_error(doc, k, CC_D_VALUE, "use lowercase letters, digits and _", "bad entity id '%s'", id);
        return;
    }
    if (entity_index(rs, id) >= 0) {
        y_error(doc, k, CC_D_DUPLICATE, "define each entity once", "entity '%s' is already defined",
                id);
        return;
    }
    if (grow((void **)&rs->entities, &rs->capentities, rs->nentities, sizeof(cc_entity))) {
        y_error(doc, k, CC_D_NOMEM, NULL, "out of memory");
        return;
    }
    idx = (uint32_t)rs->nentities++;
    rs->entities[idx].id = id;
    rs->entities[idx].kind = NULL;
    if ((n = y_get(v, "kind")) && (rs->entities[idx].kind = y_str(doc, n, "kind"))) {
        for (i = 0; kinds[i] && strcmp(kinds[i], rs->entities[idx].kind) != 0; i++)
            ;
        if (!kinds[i])
            y_error(doc, n, CC_D_VALUE, "use organisation, product, person or place",
                    "unknown entity kind '%s'", rs->entities[idx].kind);
    }
    if ((n = y_get(v, "forms")))
        add_entity_forms(rs, doc, n, idx, NULL);
    if ((n = y_get(v, "lang")) && y_expect(doc, n, Y_MAP, "lang"))
        for (i = 0; i < n->n; i++) {
            const char *code = y_str(doc, y_key(n, i), "a language code");
            if (code)
                add_entity_forms(rs, doc, y_val(n, i), idx, code);
        }
    if (!y_get(v, "forms") && !y_get(v, "lang"))
        y_error(doc, v, CC_D_MISSING_KEY, "add forms: [Name, ...]", "an entity needs forms");
}

int cc_rules_load_entities(cc_ruleset *rs, const char *dir, cc_diags *d, int *errors)
{
    char *edir, **names;
    long n = cc_rules_list_yaml(dir, "entities", "entities", &edir, &names, d, errors), i;
    if (n < 0)
        return CC_ERR_NOMEM;
    if (!names) {
        cc_free(edir);
        return CC_OK;
    }
    for (i = 0; i < n; i++) {
        char *path = cc_rules_join_path(edir, names[i]), *text = NULL;
        ydoc doc;
        int rc = CC_ERR_NOMEM;
        memset(&doc, 0, sizeof doc);
        if (path)
            rc = cc_rules_parse_file(rs, path, &doc, &text, d);
        if (rc == CC_OK && doc.root) {
            static const char *const keys[] = {"entities", NULL};
            const ynode *m;
            if (y_expect(&doc, doc.root, Y_MAP, "an entity file")) {
                y_check_keys(&doc, doc.root, keys, "an entity file");
                if ((m = y_require(&doc, doc.root, "entities", "an entity file")) &&
                    y_expect(&doc, m, Y_MAP, "entities")) {
                    size_t j;
                    for (j = 0; j < m->n; j++)
                        read_entity(rs, &doc, y_key(m, j), y_val(m, j));
                }
            }
        }
        if (rc != CC_OK || doc.errors)
            (*errors)++;
        cc_ydoc_free(&doc);
        cc_free(text);
        cc_free(path);
        cc_free(names[i]);
    }
    cc_free(names);
    cc_free(edir);
    return CC_OK;
}

/* ====================================================================
 * Frame claims
 * ==================================================================== */

/* A list of concept names (or one name) into indices; role says which
 * role they must have (-1: any). With ents (not:), a name that is an
 * entity goes there instead. */
static size_t read_concepts(cloader *C, const ynode *n, const char *what, int role,
                            uint32_t **out, uint32_t **ents, size_t *nents)
{
    cc_ruleset *rs = C->rs;
    const ynode *const *items;
    const ynode *single[1];
    size_t count, i, k = 0;
    if (n->type == Y_SCALAR) {
        single[0] = n;
        items = single;
        count = 1;
    } else if (y_expect(C->doc, n, Y_SEQ, what)) {
        items = (const ynode *const *)n->kids;
        count = n->n;
    } else {
        return 0;
    }
    *out = cc_arena_alloc(&rs->arena, (count + 1) * sizeof(uint32_t));
    if (!*out)
        return 0;
    if (ents && !(*ents = cc_arena_alloc(&rs->arena, (count + 1) * sizeof(uint32_t))))
        return 0;
    for (i = 0; i < count; i++) {
        const char *name = y_str(C->doc, items[i], "a concept");
        long ci;
        if (!name)
            continue;
        ci = cc_ruleset_concept_index(rs, name);
        if (ci < 0 && ents && entity_index(rs, name) >= 0) {
            (*ents)[(*nents)++] = (uint32_t)entity_index(rs, name);
            continue;
        }
        if (ci < 0) {
            y_error(C->doc, items[i], CC_D_VALUE,
                    rs->nconcepts ? "see rules/concepts.yaml for the concepts"
                                  : "add rules/concepts.yaml to the rule directory",
                    ents ? "'%s' is neither a concept nor an entity" : "unknown concept '%s'",
                    name);
            continue;
        }
        if (role == CC_ROLE_HEAD && rs->concepts[ci].role == CC_ROLE_MODIFIER) {
            y_error(C->doc, items[i], CC_D_VALUE,
                    role == CC_ROLE_HEAD ? "a figure is governed by a head concept (invest, "
                                           "valuation, loss...); put modifiers under with:"
                                         : NULL,
                    "'%s' is a modifier, not a head", name);
            continue;
        }
        (*out)[k++] = (uint32_t)ci;
    }
    return k;
}

/* on: / before: DATE, a calendar date written YYYY-MM-DD, into out. */
static void read_frame_date(cloader *C, const ynode *n, const char *key, char out[11])
{
    const ynode *v = y_get(n, key);
    const char *s, *why;
    char fix[11] = "", buf[128];
    if (!v || !(s = y_str(C->doc, v, key)))
        return;
    if ((why = cc_date_check(s, fix, buf, sizeof buf)) || strlen(s) != 10) {
        if (fix[0])
            y_error(C->doc, v, CC_D_VALUE, "write it YYYY-MM-DD", "%s: '%s' %s; did you mean %s?",
                    key, s, why ? why : "has a time", fix);
        else
            y_error(C->doc, v, CC_D_VALUE, "write it YYYY-MM-DD, e.g. 2024-03-04", "%s: '%s' %s",
                    key, s, why ? why : "has a time");
        return;
    }
    memcpy(out, s, 11);
}

void cc_rules_read_frame(cloader *C, cc_claim *cl, uint32_t idx, const ynode *n)
{
    static const char *const keys[] = {"concept", "entities", "within", "with", "not",
                                       "time", "period", "year", "on", "before",
                                       "fiscal_year_end", NULL};
    cc_ruleset *rs = C->rs;
    cc_framedef fd;
    const ynode *v;
    memset(&fd, 0, sizeof fd);
    if (!y_expect(C->doc, n, Y_MAP, "frame"))
        return;
    y_check_keys(C->doc, n, keys, "a frame");
    fd.claim_idx = idx;
    fd.file = C->doc->file;
    fd.line = n->line;
    if ((v = y_require(C->doc, n, "concept", "a frame")))
        fd.frame.nheads = read_concepts(C, v, "concept", CC_ROLE_HEAD, &fd.frame.heads, NULL,
                                        NULL);
    if ((v = y_get(n, "with")))
        fd.frame.nwith = read_concepts(C, v, "with", -1, &fd.frame.with, &fd.frame.with_ents,
                                       &fd.frame.nwith_ents);
    if ((v = y_get(n, "not")))
        fd.frame.nwithout = read_concepts(C, v, "not", -1, &fd.frame.without, &fd.frame.not_ents,
                                          &fd.frame.nnot_ents);
    if ((v = y_get(n, "entities"))) {
        const ynode *const *items = (const ynode *const *)v->kids;
        size_t i, count = v->n;
        if (v->type == Y_SCALAR) {
            items = &v;
            count = 1;
        } else if (!y_expect(C->doc, v, Y_SEQ, "entities")) {
            count = 0;
        }
        fd.frame.ents = cc_arena_alloc(&rs->arena, (count + 1) * sizeof(uint32_t));
        for (i = 0; fd.frame.ents && i < count; i++) {
            const char *id = y_str(C->doc, items[i], "an entity");
            long ei = id ? entity_index(rs, id) : -1;
            if (id && ei < 0)
                y_error(C->doc, items[i], CC_D_VALUE, "define it in rules/entities/NAME.yaml",
                        "unknown entity '%s'", id);
            else if (id)
                fd.frame.ents[fd.frame.nents++] = (uint32_t)ei;
        }
    }
    if ((v = y_get(n, "within"))) {
        const char *w = y_str(C->doc, v, "within");
        if (w && strcmp(w, "paragraph") == 0)
            fd.frame.ent_within = CC_ENT_PARAGRAPH;
        else if (w && strcmp(w, "article") == 0)
            fd.frame.ent_within = CC_ENT_ARTICLE;
        else if (w && strcmp(w, "sentence") != 0)
            y_error(C->doc, v, CC_D_VALUE, "use sentence, paragraph or article",
                    "entities are looked for within a sentence, a paragraph or the article, "
                    "not '%s'", w);
    }
    fd.frame.time = CC_TIME_EVENT;
    if ((v = y_get(n, "time"))) {
        const char *t = y_str(C->doc, v, "time");
        if (t && strcmp(t, "event") == 0)
            fd.frame.time = CC_TIME_EVENT;
        else if (t && strcmp(t, "period") == 0)
            fd.frame.time = CC_TIME_PERIOD;
        else if (t && strcmp(t, "as_of") == 0)
            fd.frame.time = CC_TIME_ASOF;
        else if (t)
            y_error(C->doc, v, CC_D_VALUE, "use event, period or as_of",
                    "unknown time kind '%s'", t);
    }
    fd.frame.period = fd.frame.time == CC_TIME_EVENT ? CC_SCOPE_NONE : CC_SCOPE_YEAR;
    if ((v = y_get(n, "period"))) {
        const char *p = y_str(C->doc, v, "period");
        if (fd.frame.time == CC_TIME_EVENT)
            y_error(C->doc, v, CC_D_VALUE, "add time: period or time: as_of",
                    "an event has no period");
        else if (p && strcmp(p, "year") == 0)
            fd.frame.period = CC_SCOPE_YEAR;
        else if (p && strcmp(p, "quarter") == 0)
            fd.frame.period = CC_SCOPE_QUARTER;
        else if (p && strcmp(p, "month") == 0)
            fd.frame.period = CC_SCOPE_MONTH;
        else if (p)
            y_error(C->doc, v, CC_D_VALUE, "use year, quarter or month", "unknown period '%s'", p);
    }
    if ((v = y_get(n, "year"))) {
        const char *y = y_str(C->doc, v, "year");
        char *end = NULL;
        long yr = y ? strtol(y, &end, 10) : 0;
        if (!y || *end || yr < 1900 || yr > 2199)
            y_error(C->doc, v, CC_D_VALUE, "write e.g. year: 2024", "year must be a year");
        else
            fd.frame.year = (int)yr;
    }
    if ((v = y_get(n, "fiscal_year_end"))) {
        const char *m = y_str(C->doc, v, "fiscal_year_end");
        char *end = NULL;
        long mo = m ? strtol(m, &end, 10) : 0;
        if (!m || *end || mo < 1 || mo > 12)
            y_error(C->doc, v, CC_D_VALUE, "write the month the fiscal year ends, 1 to 12",
                    "fiscal_year_end must be a month number");
        else if (fd.frame.time == CC_TIME_EVENT)
            y_error(C->doc, v, CC_D_VALUE, "add time: period or time: as_of",
                    "an event has no fiscal year");
        else
            fd.frame.fiscal_end = mo == 12 ? 0 : (int)mo;
    }
    read_frame_date(C, n, "on", fd.frame.on);
    read_frame_date(C, n, "before", fd.frame.before);
    if (fd.frame.on[0] && fd.frame.before[0] && strcmp(fd.frame.before, fd.frame.on) <= 0)
        y_error(C->doc, y_get(n, "before"), CC_D_VALUE, "write a date after on:",
                "no article is dated on or after %s and before %s", fd.frame.on,
                fd.frame.before);
    if ((cl->scope || cl->scope_period) && y_get(n, "time"))
        y_error(C->doc, y_get(n, "time"), CC_D_VALUE, "drop scope: or the frame's time:",
                "a claim's scope comes from its scope: or from its frame's time:, not both");
    else if (fd.frame.time != CC_TIME_EVENT && !cl->scope && !cl->scope_period) {
        /* compared like a claim scoped by date: an undated figure within
         * every period (compare.c) */
        cl->scope_period = fd.frame.period;
        cl->timed = true;
    }
    cl->moves = fd.frame.time == CC_TIME_ASOF;
    if (grow((void **)&rs->frames, &rs->capframes, rs->nframes, sizeof(cc_framedef))) {
        y_error(C->doc, n, CC_D_NOMEM, NULL, "out of memory");
        return;
    }
    rs->frames[rs->nframes++] = fd;
}

/* ====================================================================
 * Finishing: packs' terms, entity patterns, frame extractors
 * ==================================================================== */

static int resolve_terms(cc_ruleset *rs, size_t li, cc_diags *d, int *errors)
{
    const cc_lang *l = rs->langs[li];
    size_t t;
    rs->lf[li].cid = cc_arena_alloc(&rs->arena, (l->nterms + 1) * sizeof(int32_t));
    if (!rs->lf[li].cid)
        return CC_ERR_NOMEM;
    for (t = 0; t < l->nterms; t++) {
        long ci = cc_ruleset_concept_index(rs, l->terms[t].concept);
        rs->lf[li].cid[t] = (int32_t)ci;
        if (ci < 0 && rs->nconcepts) {
            cc_diags_add(d, CC_SEV_ERROR, CC_D_VALUE, l->file, l->terms[t].line, l->terms[t].col,
                         SIZE_MAX, NULL, "use a concept of rules/concepts.yaml, or add it there",
                         "unknown concept '%s'", l->terms[t].concept);
            (*errors)++;
        }
    }
    return CC_OK;
}

/* One pattern per entity named in l's language (its forms for every
 * language and for this one): without marks, so that PCRE2 skips to the
 * letters a name can start with. */
static int compile_entities(cc_ruleset *rs, size_t li, cc_diags *d, int *errors)
{
    const cc_lang *l = rs->langs[li];
    cc_langframe *lf = &rs->lf[li];
    size_t e, i;
    lf->entrx = cc_arena_alloc(&rs->arena, (rs->nentities + 1) * sizeof(cc_rx));
    lf->entid = cc_arena_alloc(&rs->arena, (rs->nentities + 1) * sizeof(uint32_t));
    if (!lf->entrx || !lf->entid)
        return CC_ERR_NOMEM;
    for (e = 0; e < rs->nentities; e++) {
        cc_buf b = CC_BUF_INIT;
        size_t n = 0, off;
        char msg[256];
        for (i = 0; i < rs->nentforms; i++) {
            const cc_entform *f = &rs->entforms[i];
            if (f->entity != e || (f->lang && strcmp(f->lang, l->code) != 0))
                continue;
            cc_buf_printf(&b, "%s%s(?:%s)", n++ ? "|" : "(?:",
                          l->spacing ? "(?<![\\p{L}\\p{N}])" : "", f->re);
        }
        if (!n)
            continue;
        cc_buf_putc(&b, ')');
        if (b.err) {
            cc_buf_free(&b);
            return CC_ERR_NOMEM;
        }
        memset(&lf->entrx[lf->nent], 0, sizeof(cc_rx));
        if (cc_rx_compile(&lf->entrx[lf->nent], b.p, b.len, PCRE2_CASELESS, msg, sizeof msg,
                          &off) != 0) {
            cc_diags_add(d, CC_SEV_ERROR, CC_D_PATTERN, l->file, 0, 0, SIZE_MAX, NULL, NULL,
                         "the forms of entity '%s' for '%s' do not compile together: %s",
                         rs->entities[e].id, l->code, msg);
            (*errors)++;
        } else {
            lf->entid[lf->nent++] = (uint32_t)e;
        }
        cc_buf_free(&b);
    }
    return CC_OK;
}

/* Has the pack a term for one of the frame's heads? */
static bool speaks(const cc_ruleset *rs, size_t li, const cc_frame *f)
{
    const cc_lang *l = rs->langs[li];
    size_t t, h;
    for (t = 0; t < l->nterms; t++)
        for (h = 0; h < f->nheads; h++)
            if (rs->lf[li].cid[t] == (int32_t)f->heads[h])
                return true;
    return false;
}

/* Is concept c needed by the frames: a head or predicate (any of them may
 * govern a figure), a modifier the extraction reads itself (a forecast's
 * words, an anaphor, a concept that says earlier or a rate), or one some
 * frame asks for? The others are not searched (each costs a search of
 * every sentence with a figure). */
static bool needed(const cc_ruleset *rs, uint32_t c)
{
    static const char *const own[] = {"forecast", "talks", "anaphor", NULL};
    size_t i, k;
    if (rs->all_terms || rs->concepts[c].role != CC_ROLE_MODIFIER || rs->concepts[c].earlier ||
        rs->concepts[c].rate)
        return true;
    for (i = 0; own[i]; i++)
        if (strcmp(rs->concepts[c].name, own[i]) == 0)
            return true;
    for (i = 0; i < rs->nframes; i++) {
        const cc_frame *f = &rs->frames[i].frame;
        for (k = 0; k < f->nwith; k++)
            if (f->with[k] == c)
                return true;
        for (k = 0; k < f->nwithout; k++)
            if (f->without[k] == c)
                return true;
    }
    return false;
}

int cc_rules_finish_frames(cc_ruleset *rs, cc_diags *d, int *errors)
{
    size_t li, i;
    rs->lf = cc_arena_alloc(&rs->arena, (rs->nlangs + 1) * sizeof(cc_langframe));
    if (!rs->lf)
        return CC_ERR_NOMEM;
    memset(rs->lf, 0, (rs->nlangs + 1) * sizeof(cc_langframe));
    for (li = 0; li < rs->nlangs; li++) {
        size_t t;
        if (resolve_terms(rs, li, d, errors) != CC_OK ||
            compile_entities(rs, li, d, errors) != CC_OK)
            return CC_ERR_NOMEM;
        for (t = 0; t < rs->langs[li]->nterms; t++)
            if (rs->lf[li].cid[t] >= 0 && !needed(rs, (uint32_t)rs->lf[li].cid[t]))
                rs->lf[li].cid[t] = -1;
    }
    for (i = 0; i < rs->nframes; i++) {
        const cc_framedef *fd = &rs->frames[i];
        cc_claim *cl = rs->claims[fd->claim_idx];
        for (li = 0; li < rs->nlangs; li++) {
            cc_xrule *x;
            if (!speaks(rs, li, &fd->frame))
                continue;
            x = cc_arena_alloc(&rs->arena, sizeof *x);
            if (!x || cc_rules_push_ptr((void ***)&rs->xr, &rs->nxr, &rs->capxr, x) != 0)
                return CC_ERR_NOMEM;
            memset(x, 0, sizeof *x);
            x->claim = cl;
            x->claim_idx = fd->claim_idx;
            x->lang = rs->langs[li];
            x->type = CC_X_FRAME;
            x->frame = &fd->frame;
            x->year = fd->frame.year;
            x->file = fd->file;
            x->line = fd->line;
            cl->nextractors++;
        }
    }
    return CC_OK;
}

void cc_rules_free_frames(cc_ruleset *rs)
{
    size_t i;
    for (i = 0; rs->lf && i < rs->nlangs; i++) {
        size_t k;
        for (k = 0; k < rs->lf[i].nent; k++)
            cc_rx_free(&rs->lf[i].entrx[k]);
    }
    cc_free(rs->concepts);
    cc_free(rs->entities);
    cc_free(rs->entforms);
    cc_free(rs->frames);
}
