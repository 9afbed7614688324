/*
 * segment.h: an article's body split into sentences (extraction's first
 * step). Knows the pack only for its abbreviations.
 */
#ifndef CC_SEGMENT_H
#define CC_SEGMENT_H

#include "claimcheck/lang.h"

#include <stddef.h>

/* A "sentence" longer than this (text without sentence ends: lists,
 * scraped tables, a long CJK paragraph with commas only, a hostile file)
 * is cut near this length, so that the searches around each quantity stay
 * local. */
#define CC_SENTENCE_MAX 4096

typedef struct cc_sent {
    size_t start, end; /* byte offsets, on code point boundaries */
    int candidate;     /* holds a quantity that can be an observation */
} cc_sent;

typedef struct cc_sents {
    cc_sent *v;
    size_t n, cap;
} cc_sents;

/* Splits t[begin..end) into sentences, in order, replacing what out held:
 * at . ! ? ... after a word (not after the pack's abbreviations, initials or
 * day numbers), at CJK full stops, at blank lines, and at line ends unless
 * the next line goes on (hard-wrapped text). White space around each is
 * trimmed; none is empty or longer than CC_SENTENCE_MAX bytes, and none
 * starts or ends inside a valid UTF-8 sequence. Returns 0, or -1 when out
 * of memory. */
int cc_segment(cc_sents *out, const cc_lang *l, const char *t, size_t begin, size_t end);

/* The index of the sentence holding byte offset off, or -1 (between
 * sentences). */
long cc_sent_of(const cc_sents *s, size_t off);

void cc_sents_free(cc_sents *s);

#endif
