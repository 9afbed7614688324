/*
 * rules_priv.h: compiled extractors, for the extraction stage and the test
 * runner. Not part of the public API.
 */
#ifndef CC_RULES_PRIV_H
#define CC_RULES_PRIV_H

#include "claimcheck/rules.h"

#include "arena.h"
#include "example.h"
#include "lang_priv.h"
#include "rx.h"

#include <pthread.h>

typedef enum cc_xtype {
    CC_X_PATTERN = 0, /* a pattern with a value group (usually via a macro) */
    CC_X_CONTEXT,     /* a quantity of a kind with near/not_near patterns */
    CC_X_FRAME        /* a frame over the pack's terms (cc_frame) */
} cc_xtype;

/* Concepts (rules/concepts.yaml): heads govern figures, modifiers qualify
 * them. */
typedef enum cc_role { CC_ROLE_HEAD = 0, CC_ROLE_MODIFIER, CC_ROLE_PREDICATE } cc_role;

typedef struct cc_concept {
    const char *name;
    cc_role role;
    unsigned kinds; /* heads: bit (1 << cc_kind) per kind governed; 0 any */
    bool earlier;   /* a modifier that puts the figure before the article's
                       time ("previous", "already") */
    bool rate;      /* a modifier that makes the money figure it follows
                       a rate ("$700,000 a day", "$1.08 per share") */
    bool light;     /* a head that says little ("pay", "for", "a deal"): a
                       frame of a head named in the figure's sentence may
                       take the figures it governs */
    const char *family;     /* heads of one family may govern one fact's
                               figure in different articles ("acquire",
                               "price", "invest": deal); NULL: its own */
    const char *count_unit; /* a head of counts: a bare scaled number it is
                               nearest to counts this ("users ... reached
                               800 million") */
} cc_concept;

/* Entities (rules/entities/NAME.yaml) and their forms. */
typedef struct cc_entity {
    const char *id, *kind;
} cc_entity;

typedef struct cc_entform {
    uint32_t entity;
    const char *lang; /* NULL: every language */
    const char *re;   /* regular expression text */
} cc_entform;

/* Where a frame's entities must be named. */
enum { CC_ENT_SENTENCE = 0, CC_ENT_PARAGRAPH, CC_ENT_ARTICLE };

/* How a claim's figures are placed in time (docs/rules.md, "Time"). */
typedef enum cc_timekind {
    CC_TIME_NONE = 0, /* no time kind: the claim's scope rules alone */
    CC_TIME_EVENT,    /* a one-off figure: compared across all times */
    CC_TIME_PERIOD,   /* a flow: compared within its period */
    CC_TIME_ASOF      /* a stock: compared within a window */
} cc_timekind;

/* A frame claim, written once for every language. */
typedef struct cc_frame {
    uint32_t *heads;   /* concepts, one of which must govern the figure */
    size_t nheads;
    uint32_t *with;    /* modifiers required in the figure's clause */
    size_t nwith;
    uint32_t *without; /* concepts that exclude the figure from its clause */
    size_t nwithout;
    uint32_t *ents;    /* entities that must all be named */
    size_t nents;
    uint32_t *not_ents; /* entities that exclude the figure from its sentence */
    size_t nnot_ents;
    uint32_t *with_ents; /* entities required in the figure's clause */
    size_t nwith_ents;
    uint8_t ent_within;  /* CC_WITHIN_*: where the entities must be named */
    cc_timekind time;
    cc_scope_period period; /* period and as_of: the window */
    int year;          /* 0, or the year the figure must be about */
    char on[11];       /* "" or YYYY-MM-DD: the event's date; an article
                          dated earlier cannot report it */
    char before[11];   /* "" or YYYY-MM-DD: only articles dated earlier */
    int fiscal_end;    /* 1-12: the month the company's fiscal year ends
                          (its year is named for the calendar year it ends
                          in); 0: December */
} cc_frame;

/* What the ruleset adds to a pack for frames: its terms resolved to
 * concepts, and its entity pattern. */
typedef struct cc_langframe {
    int32_t *cid;  /* term index -> concept index (-1: none) */
    cc_rx *entrx;  /* one pattern per entity named in this language */
    uint32_t *entid; /* ... and the entity it names */
    size_t nent;
} cc_langframe;

/* Context window: the sentence of the quantity, its paragraph, or n
 * characters each side (inside the sentence). */
#define CC_WITHIN_SENTENCE 0
#define CC_WITHIN_PARAGRAPH UINT32_MAX

/* A near/not_near pattern and the window it looks in. */
typedef struct cc_ctxpat {
    cc_rx rx;
    uint8_t sentence;       /* look in the quantity's sentence */
    uint8_t paragraph;      /* look in its paragraph (its line) */
    uint32_t before, after; /* otherwise: characters before and after it,
                               inside the sentence */
} cc_ctxpat;

typedef struct cc_xrule {
    const cc_claim *claim;
    uint32_t claim_idx;
    const cc_lang *lang;
    cc_xtype type;
    cc_rx rx;            /* CC_X_PATTERN */
    bool lead_amount;    /* the pattern starts with an amount macro: it can
                            only match where the scan found a quantity */
    bool has_tail;       /* ... %{money}, %{percent} or %{count}: then tail
                            is the rest of the pattern, matched right after
                            a scanned quantity of kind tail_kind */
    cc_kind tail_kind;
    cc_rx tail;
    const char *expanded;/* the pattern with its macros expanded */
    cc_kind qkind;       /* CC_X_CONTEXT */
    cc_ctxpat *near;     /* all must occur in their windows */
    size_t nnear;
    cc_ctxpat *not_near; /* none may occur in its window */
    size_t nnot;
    int year;            /* 0, or the year the figure must be about */
    uint8_t year_required; /* a mention of that year must be there */
    const cc_frame *frame; /* CC_X_FRAME */
    const char *file;
    uint32_t line;
} cc_xrule;

typedef struct cc_xlist {
    cc_xrule **v;
    size_t n;
} cc_xlist;

/* The detection lists of all packs in one hash table (built by
 * cc_ruleset_load), so that language detection looks each word and letter
 * up once instead of once per pack. An entry is a word (word != NULL) or a
 * code point, with the packs that list it: packs[first .. first+n). */
typedef struct cc_detent {
    const char *word;
    uint32_t cp;
    uint32_t hash; /* 0: an empty slot */
    uint32_t first, n;
} cc_detent;

typedef struct cc_detindex {
    cc_detent *slots;
    size_t mask;      /* slots - 1, a power of two less one */
    uint32_t *packs;  /* indices into cc_ruleset.langs */
    uint32_t *ranged; /* the packs with script ranges, in order */
    size_t nranged;
} cc_detindex;

/* The entry for a word (cp 0) or a code point (word NULL), or NULL. */
const cc_detent *cc_detindex_find(const cc_detindex *ix, const char *word, uint32_t cp);

/* One exchange rate of a day (fx.c). */
typedef struct cc_fxrate {
    char cur[4];
    double rate; /* units of cur per unit of the base */
} cc_fxrate;

struct cc_ruleset {
    cc_arena arena;
    cc_lang **langs;
    size_t nlangs, caplangs;
    cc_claim **claims;
    size_t nclaims, capclaims;
    cc_xrule **xr;
    size_t nxr, capxr;
    cc_xlist *bylang; /* extractors per pack, parallel to langs */
    cc_detindex detect;
    cc_example *examples;
    size_t nexamples, capexamples;
    cc_concept *concepts;
    size_t nconcepts, capconcepts;
    cc_entity *entities;
    size_t nentities, capentities;
    cc_entform *entforms;
    size_t nentforms, capentforms;
    struct cc_framedef *frames; /* frame claims, until ruleset_finish */
    size_t nframes, capframes;
    cc_langframe *lf;  /* parallel to langs */
    struct cc_fxtab *fx; /* exchange rates (fx.c), or NULL */
    uint32_t maxcap;  /* largest capture count of any pattern */
    char **broken;    /* codes (file names) of packs that failed to load */
    size_t nbroken, capbroken;
    pthread_mutex_t jit_lock; /* cc_ruleset_ready */
    atomic_int jit;           /* JIT-compile languages on first use */
    bool all_terms;           /* CC_RULES_ALL_TERMS */
    bool borrowed_langs;      /* cc_ruleset_load_text: langs are the caller's */
};

/* Loads one claim file from memory (path names it in diagnostics) against
 * packs loaded by the caller, which stay the caller's: they must outlive
 * the ruleset. The claim loader without the file system and without
 * reloading packs, for tests/fuzz/fuzz_rules.c. */
int cc_ruleset_load_text(cc_ruleset **out, cc_lang *const *packs, size_t npacks,
                         const char *path, const char *text, size_t len, cc_diags *d);

/* Makes l's patterns and its extractors' ready for matching: when JIT is
 * on, JIT-compiles them the first time a language is used (any thread; the
 * others wait). */
void cc_ruleset_ready(const cc_ruleset *rs, const cc_lang *l);

/* JIT-compiling a language's patterns costs about 0.15 s and pays back
 * after some 150 KB of its text; a run turns it on when its inputs add up
 * to CC_JIT_MIN_BYTES (CC_JIT=always|never overrides). Off by default. */
#define CC_JIT_MIN_BYTES ((size_t)1 << 20)
void cc_ruleset_use_jit(const cc_ruleset *rs, bool on);

/* Index of a concept by name, or -1. */
long cc_ruleset_concept_index(const cc_ruleset *rs, const char *name);

/* Index of a pack in rs->langs, or -1. */
long cc_ruleset_lang_index(const cc_ruleset *rs, const cc_lang *l);

#endif
