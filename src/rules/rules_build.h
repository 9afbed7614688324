/*
 * rules_build.h: what the files that load a ruleset share (rules.c,
 * rules_compile.c, rules_claims.c); no other file includes it.
 *
 * In: rule files as they are read. Out: the claim loader's state (cloader),
 * a parsed claim file (cfile), and the helpers of one file that another
 * calls. Not part of the public API.
 */
#ifndef CC_RULES_BUILD_H
#define CC_RULES_BUILD_H

#include "rules_priv.h"

/* A claim file being read. */
typedef struct cloader {
    cc_ruleset *rs;
    ydoc *doc;
} cloader;

/* A parsed claim file, kept until every file's definitions are read so
 * that extensions can refer to claims of any file. */
typedef struct cfile {
    ydoc doc;
    char *text;
    int ok;
} cfile;

/* rules.c */
int cc_rules_push_ptr(void ***v, size_t *n, size_t *cap, void *p);
int cc_rules_read_rule_file(const char *path, char **text, size_t *len, cc_diags *d);
char *cc_rules_join_path(const char *a, const char *b);
/* The YAML files of dir/sub: their names into *names (owned; NULL when
 * none) and the directory's path into *subdir (owned). A directory that
 * does not exist has none; one that cannot be listed is an error in d
 * ("cannot list WHAT: ...", errno kept) and has none. Returns how many, or
 * -1 when out of memory (nothing to free). */
long cc_rules_list_yaml(const char *dir, const char *sub, const char *what, char **subdir,
                        char ***names, cc_diags *d, int *errors);

/* rules_compile.c */
bool cc_rules_is_broken(const cc_ruleset *rs, const char *code);
void cc_rules_free_xrule(cc_xrule *x);
void cc_rules_read_extract(cloader *C, cc_claim *cl, uint32_t idx, const ynode *n);

/* frames.c */
typedef struct cc_framedef {
    uint32_t claim_idx;
    cc_frame frame;
    const char *file;
    uint32_t line;
} cc_framedef;
int cc_rules_load_concepts(cc_ruleset *rs, const char *dir, cc_diags *d, int *errors);
int cc_rules_load_entities(cc_ruleset *rs, const char *dir, cc_diags *d, int *errors);
/* Reads a YAML file of a rule directory into doc (nodes in the ruleset's
 * arena); *text must be freed after the document. */
int cc_rules_parse_file(cc_ruleset *rs, const char *path, ydoc *doc, char **text, cc_diags *d);
void cc_rules_read_frame(cloader *C, cc_claim *cl, uint32_t idx, const ynode *n);
int cc_rules_finish_frames(cc_ruleset *rs, cc_diags *d, int *errors);
void cc_rules_free_frames(cc_ruleset *rs);

/* rules_claims.c */
/* A claim or entity id: [a-z0-9_]+. */
bool cc_rules_valid_id(const char *s);
int cc_rules_parse_claim_text(cc_ruleset *rs, const char *path, cfile *f, size_t len, cc_diags *d);
void cc_rules_read_claim_files(cc_ruleset *rs, cfile *files, size_t nfiles, int *errors);
int cc_rules_load_claims(cc_ruleset *rs, const char *const *dirs, size_t ndirs, cc_diags *d,
                         int *errors);

/* ---- fx.c ---- */

/* Every YAML file of the directories' fx/: exchange rates. */
int cc_rules_load_fx(cc_ruleset *rs, const char *const *dirs, size_t ndirs, cc_diags *d,
                     int *errors);
void cc_rules_free_fx(cc_ruleset *rs);

#endif
