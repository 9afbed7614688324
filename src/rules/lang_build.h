/*
 * lang_build.h: what the files that build a language pack share (lang.c,
 * lang_read.c, lang_macros.c, lang_numeral.c); no other file includes it.
 *
 * In: a pack's YAML as it is read. Out: the word lists (formvec), the lists
 * read from the pack (lists), the macro fragments (frags), and the helpers
 * of one file that another calls. Not part of the public API.
 */
#ifndef CC_LANG_BUILD_H
#define CC_LANG_BUILD_H

#include "lang_priv.h"

typedef struct form {
    const char *re; /* regex text of one form (arena) */
    size_t sortlen; /* longer forms are tried first */
    uint32_t entry; /* index of the entry the form belongs to */
    uint32_t seq;   /* insertion order, for a stable sort */
    uint8_t regex;  /* written /between slashes/: its author sets its edges */
} form;

typedef struct formvec {
    form *v;
    size_t n, cap;
} formvec;

typedef struct loader {
    ydoc *doc;
    cc_lang *l;
} loader;

enum { F_GUARD = 1 }; /* literal forms ending in a letter must end a word */

enum { CC_MAX_BETWEEN = 8 }; /* {open, separator} pairs in ranges.between */

typedef struct lists {
    formvec words, joiners, scales, cursym, curword, pctpre, pctpost, counts;
    formvec qpre, qpost, rsep, vague;
    formvec bopen[CC_MAX_BETWEEN], bsep[CC_MAX_BETWEEN]; /* paired */
    size_t nbetween;
    formvec c_units; /* everything that can fill the unit group */
    formvec c_quals;
    formvec c_words; /* number words and joiners */
    formvec shared;  /* shared_unit */
    const char *unit_join, *percent_join;
} lists;

/* The pieces of the built-in macros (lang_macros.c). */
typedef struct frags {
    const char *num, *scale, *cursym, *curany, *pctpre, *pctpost, *count, *qpre, *qpost;
    const char *rsep, *vague, *join, *pjoin, *gb, *ga;
    const char *bopen[CC_MAX_BETWEEN], *bsep[CC_MAX_BETWEEN];
    size_t nbetween;
    const char *numblock;
    const char *words; /* number words */
} frags;

/* Word lists (lang_read.c) */
int cc_lang_push_form(formvec *fv, const char *re, size_t sortlen, uint32_t entry);
void cc_lang_add_forms(loader *L, const ynode *list, const char *what, uint32_t entry,
                       formvec *fv, int flags);
const char *cc_lang_alternation(cc_arena *a, formvec *fv, bool groups);
void cc_lang_sort_forms(formvec *fv);
/* "(?:(*MARK:e)f1|...)": every form, longest first, each literal form
 * starting a word in languages written with spaces (a regular expression
 * sets its own edges); with marks, each marked with its entry. A mark
 * costs PCRE2's start-of-match optimization (the pattern is tried at every
 * position): patterns searched over whole texts go without. NULL when out
 * of memory; "(?!)" when fv is empty. */
const char *cc_lang_marked_alternation(cc_arena *a, formvec *fv, bool spacing, bool marks);
int cc_lang_build_classifier(loader *L, cc_classifier *c, formvec *fv);
void cc_lang_free_classifier(cc_classifier *c);
long cc_lang_classify(const cc_classifier *c, cc_rxctx *x, const char *s, size_t len,
                      size_t start, size_t end, bool exact, size_t *mend);

/* Reading the pack (lang_read.c) */
void cc_lang_free_lists(lists *ls);
void cc_lang_read_numbers(loader *L, const ynode *n, lists *ls);
void cc_lang_read_scales(loader *L, const ynode *n, lists *ls);
void cc_lang_read_units(loader *L, const ynode *root, lists *ls);
void cc_lang_read_qualifiers(loader *L, const ynode *n, lists *ls);
void cc_lang_read_ranges(loader *L, const ynode *n, lists *ls);
void cc_lang_read_vague(loader *L, const ynode *n, lists *ls);
int cc_lang_cmp_str(const void *a, const void *b);
const char **cc_lang_read_word_set(loader *L, const ynode *n, const char *what, size_t *count);
void cc_lang_read_detect(loader *L, const ynode *n);
void cc_lang_read_examples(loader *L, const ynode *n);
/* terms: (terms.c) */
void cc_lang_read_terms(loader *L, const ynode *n);
void cc_lang_free_terms(cc_lang *l);
void cc_lang_jit_terms(cc_lang *l);
void cc_lang_read_quarters(loader *L, const ynode *n);
void cc_lang_read_months(loader *L, const ynode *n);
void cc_lang_read_ago(loader *L, const ynode *n);

/* Macro assembly (lang_macros.c) */
int cc_lang_assemble_macros(loader *L, lists *ls, frags *f);
int cc_lang_builtin_macros(cc_lang *l, const frags *f);
void cc_lang_read_user_macros(loader *L, const ynode *n);
int cc_lang_read_shared(loader *L, const ynode *n, lists *ls);
int cc_lang_read_conversion_marks(loader *L, const ynode *n);
int cc_lang_read_years(loader *L, const ynode *n);

#endif
