/*
 * detect.c: language identification (stage 3).
 *
 * In: an article's text and the packs. Out: the pack whose frequent words
 * and distinctive letters occur most often per token. Words are runs of
 * letters, lowercased; in scripts written without spaces every CJK
 * character is a token of its own. Each word found in a pack's list scores
 * 1 for that pack; each letter found in a pack's list scores 0.5 (1 for a
 * CJK character); each letter in one of the pack's script ranges scores
 * 0.1, so that a Chinese headline without any of the frequent characters
 * is still Chinese.
 */
#include "claimcheck/detect.h"

#include "lang_priv.h"
#include "rules_priv.h"
#include "uni.h"
#include "utf8.h"

#include <string.h>

#define DETECT_SAMPLE ((size_t)64 << 10)
#define MAX_PACKS 256

/* Adds weight to the score of each pack that lists the entry. */
static void score_entry(const cc_ruleset *rs, double *score, const cc_detent *e, double weight)
{
    uint32_t k;
    for (k = 0; e && k < e->n; k++)
        if (rs->detect.packs[e->first + k] < MAX_PACKS)
            score[rs->detect.packs[e->first + k]] += weight;
}

static void score_char(const cc_ruleset *rs, double *score, uint32_t cp, double weight)
{
    size_t i, k;
    score_entry(rs, score, cc_detindex_find(&rs->detect, NULL, cp), weight);
    for (i = 0; i < rs->detect.nranged && rs->detect.ranged[i] < MAX_PACKS; i++) {
        const cc_detectdata *dd = &rs->langs[rs->detect.ranged[i]]->detect;
        for (k = 0; k < dd->nranges; k++)
            if (cp >= dd->ranges[k][0] && cp <= dd->ranges[k][1]) {
                score[rs->detect.ranged[i]] += 0.1;
                break;
            }
    }
}

void cc_detect(cc_detection *out, const cc_ruleset *rs, const char *text, size_t len)
{
    double score[MAX_PACKS];
    const char *p = text, *end = text + (len < DETECT_SAMPLE ? len : DETECT_SAMPLE);
    char word[64];
    size_t wl = 0, tokens = 0, i;
    bool wordok = true;

    memset(out, 0, sizeof *out);
    memset(score, 0, sizeof score);
    while (p <= end) {
        uint32_t cp = 0;
        int n = p < end ? cc_utf8_decode(p, end, &cp) : 0;
        bool letter = n > 0 && cc_uni_is_letter(cp) && !cc_uni_is_cjk(cp);
        if (n < 0) {
            /* a sample cut inside a sequence: stop there */
            n = 0;
            letter = false;
        }
        if (letter || (wl > 0 && n > 0 && (cp == '\'' || cp == 0x2019))) {
            uint32_t lc = cc_uni_lower(cp);
            char enc[4];
            int el = cc_utf8_encode(lc, enc);
            if (wl + (size_t)el < sizeof word - 1) {
                memcpy(word + wl, enc, (size_t)el);
                wl += (size_t)el;
            } else {
                wordok = false;
            }
            score_char(rs, score, lc, 0.5);
        } else {
            if (wl) {
                /* trailing apostrophes are not part of the word */
                while (wl && (word[wl - 1] == '\'' ))
                    wl--;
                word[wl] = '\0';
                if (wordok && wl)
                    score_entry(rs, score, cc_detindex_find(&rs->detect, word, 0), 1.0);
                tokens++;
                wl = 0;
                wordok = true;
            }
            if (n > 0 && cc_uni_is_cjk(cp)) {
                tokens++;
                score_char(rs, score, cp, 1.0);
            }
        }
        if (n == 0)
            break;
        p += n;
    }
    out->tokens = tokens;
    if (!tokens)
        return;
    for (i = 0; i < rs->nlangs && i < MAX_PACKS; i++) {
        double s = score[i] / (double)tokens;
        if (s > out->score) {
            out->runner_up = out->score;
            out->score = s;
            out->lang = rs->langs[i];
        } else if (s > out->runner_up) {
            out->runner_up = s;
        }
    }
    if (out->score <= 0.0)
        out->lang = NULL;
}
