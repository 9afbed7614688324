/*
 * claimcheck/obs.h: observations and the table that holds them (the
 * record between stage 5 and stage 6).
 *
 * Extraction (extract.h) adds observations, an archive (archive.h) reads
 * and writes them, the comparator (compare.h) reads them. The table owns
 * every string of its observations, so articles can be freed as soon as
 * they are read.
 */
#ifndef CLAIMCHECK_OBS_H
#define CLAIMCHECK_OBS_H

#include "common.h"
#include "lang.h"
#include "num.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One observation of a claim in an article. */
/* What the packs read around a figure no claim was asked for
 * (claimcheck discover). */
typedef struct cc_figctx {
    const char *head;      /* the concept of the head governing it */
    const char *of;        /* for a predicate ("growth"): the head concept
                              it is said of ("revenue"), or "" */
    const char *entities;  /* the organisations named in its sentence (or
                              by an anaphor there, else its article's
                              topic): ids, sorted, one space between */
    const char *modifiers; /* the modifier concepts in its clause, sorted */
    int year;              /* the year written for it, or 0 */
    bool alone;            /* its sentence, whole in the context, names its
                              head and organisations (no anaphor, no head
                              of the sentence before): it can be a draft
                              rule's example */
    bool topic;            /* its sentence names no organisation: entities
                              is the one its article names most */
} cc_figctx;

typedef struct cc_obs {
    const char *claim;     /* claim id */
    const char *scope;     /* "" when the claim has no scope */
    const char *file;      /* article path as given */
    const char *lang;      /* language pack code */
    const char *text;      /* the figure as written */
    const char *unit;      /* ISO code, "percent", count noun, or "" */
    uint64_t start, end;   /* byte offsets in the file */
    uint32_t line, column; /* 1-based; column counted in code points */
    cc_kind kind;
    cc_qualifier qual;
    cc_dec value;          /* as stated (a range's low end) */
    cc_interval iv;        /* what it means after the qualifier */
    const char *context;   /* the sentence holding the figure (at most about
                              300 characters each side of it), or "" */
    uint64_t context_start; /* byte offset of context in the file */
    const char *date;      /* the article's front-matter date, or "" */
    bool unit_inherited;   /* the unit is not written next to the figure: it
                              comes from the amount beside it or the
                              paragraph ("9.300 millones") */
    bool forecast;         /* said as expected, planned, in talks or reported
                              by sources (the packs' forecast and talks
                              terms in its clause), not as a final figure */
    const struct cc_figctx *fig; /* claimcheck discover's figures (claim
                              ""): what the packs read around it; NULL
                              in a claim's observation */
} cc_obs;

typedef struct cc_obstab cc_obstab;

/* Owned: cc_obstab_free. */
int cc_obstab_new(cc_obstab **out);
void cc_obstab_free(cc_obstab *t);
size_t cc_obstab_count(const cc_obstab *t);
/* Borrowed: valid until the table changes or is freed. */
const cc_obs *cc_obstab_get(const cc_obstab *t, size_t i);
/* Appends a copy of o (its strings are copied into the table). */
int cc_obstab_add(cc_obstab *t, const cc_obs *o);
/* Moves every observation of src to the end of dst; src is left empty. */
int cc_obstab_move(cc_obstab *dst, cc_obstab *src);
/* Bytes the table holds, for the memory budget (docs/scale.md). */
size_t cc_obstab_bytes(const cc_obstab *t);

#ifdef __cplusplus
}
#endif
#endif
