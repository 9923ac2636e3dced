/*
 * form_flat_int.h - the format's words as a one-line report's text is
 * matched against them (form_flat_words.c), for form_flat.c.
 */
#ifndef OGI_FORM_FLAT_INT_H
#define OGI_FORM_FLAT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "ogi/skeleton.h"

#define OGI__FLAT_WORD  192
#define OGI__FLAT_WORDS 48

typedef struct {
    char s[OGI__FLAT_WORD];
    size_t n;
    uint32_t first; /* its first character, folded (a code point) */
} ogi__flat_word_t;

typedef struct {
    ogi__flat_word_t w[OGI__FLAT_WORDS];
    size_t n;
    uint64_t firsts; /* bit (first & 63) of each word: most places in a
                        text start none of the words, told by one test */
} ogi__flat_words_t;

/* The skeleton's words, folded as ogi_text_decode folds text, white space
 * dropped; built once. */
typedef struct {
    ogi__flat_words_t heads[OGI_SEC_COUNT]; /* "二、主动公开政府信息情况" */
    ogi__flat_words_t t2_items;  /* "第二十条第（一）项", ... */
    ogi__flat_words_t t2_next;   /* what follows an item in a table */
    ogi__flat_words_t t2_rows;   /* Table 2's row labels */
    ogi__flat_words_t t3_head;   /* "申请人情况" */
    ogi__flat_words_t t3_next;   /* Table 3's column labels */
    ogi__flat_words_t t3_note;   /* "勾稽关系" */
    ogi__flat_words_t t3_rows;   /* Table 3's, with their numbering */
    ogi__flat_words_t t4_review; /* "行政复议" */
    ogi__flat_words_t t4_suit;   /* "行政诉讼" */
    ogi__flat_words_t t4_next;   /* Table 4's column and row labels */
} ogi__flat_lexicon_t;

const ogi__flat_lexicon_t *ogi__flat_lexicon(void);

/* The fold of the code point at s[p..e) (its length in *l; 0 at a broken
 * sequence), -2 for white space. */
int ogi__flat_fold_at(const char *s, size_t p, size_t e, size_t *l,
                      uint32_t *cp);

/* s[p..e) past white space. */
size_t ogi__flat_skip_space(const char *s, size_t p, size_t e);

/* The longest of ws at s[p..e): its end in *q; 0 when none is there. */
int ogi__flat_match_any(const char *s, size_t p, size_t e,
                        const ogi__flat_words_t *ws, size_t *q);

/* 1 when ws's first word is followed, past white space, by one of next. */
int ogi__flat_match_then(const char *s, size_t p, size_t e,
                         const ogi__flat_words_t *ws,
                         const ogi__flat_words_t *next, size_t *q);

#endif /* OGI_FORM_FLAT_INT_H */
