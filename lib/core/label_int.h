/*
 * label_int.h - matching printed labels against the skeleton.
 *
 * A label is compared by its core: the text without its numbering ("1.",
 * "（三）", "一、"), without whitespace and without punctuation, so that
 * width, spaces, vertical writing and quote styles do not matter. Private
 * to lib/; thread-safe (the skeleton's cores are computed once).
 */
#ifndef OGI_LABEL_INT_H
#define OGI_LABEL_INT_H

#include <stddef.h>
#include <stdint.h>

#include "ogi/skeleton.h"

#define OGI__LABEL_MAX 256 /* bytes of a core kept for matching */

typedef struct {
    int level;  /* 0 none, 1 "一、", 2 "（一）", 3 "1." */
    int value;  /* the number */
} ogi__numbering_t;

typedef struct {
    char core[OGI__LABEL_MAX]; /* NUL-terminated */
    size_t len;                /* bytes */
    size_t chars;              /* code points */
    uint64_t bloom;            /* one bit per code point (mod 64): a cheap
                                  filter before comparing cores */
    uint64_t head, tail;       /* the bytes of the core's first two
                                  characters and of its last two (of all,
                                  when fewer), zero-padded */
    ogi__numbering_t num;
} ogi__label_t;

/* Normalises s[0..n) into *out. */
void ogi__label_norm(const char *s, size_t n, ogi__label_t *out);

/* The normalised label (and variants: index v >= 1, NULL past the last) of
 * a skeleton row or column; computed once. */
const ogi__label_t *ogi__label_row(ogi_table_id_t id, size_t row, size_t v);
const ogi__label_t *ogi__label_col(ogi_table_id_t id, size_t col, size_t v);

/*
 * How well label in matches the skeleton row (id, row): 0 for no match, up
 * to about 120 for an exact match with the same numbering. expected is
 * nonzero when the row is the next one by order (short labels such as
 * "其他" and "总计" match only with their numbering or when expected).
 */
int ogi__label_score_row(const ogi__label_t *in, ogi_table_id_t id,
                         size_t row, int expected);

/* A skeleton row's normalised labels, looked up once for scoring many
 * labels against the row. */
typedef struct {
    const ogi__label_t *v; /* the label and its variants */
    size_t n;
    int shortkey; /* OGI_ROW_SHORTKEY */
    uint64_t bloom; /* the union of the labels' blooms */
} ogi__label_set_t;

void ogi__label_row_set(ogi_table_id_t id, size_t row, ogi__label_set_t *out);

/* The sets of every row of table id (ogi__label_row_set's), indexed by
 * row: immutable once made, for a caller that takes a table's rows
 * whole. */
const ogi__label_set_t *ogi__label_row_sets(ogi_table_id_t id);

/* 0 when in can match no label of a set whose blooms' union is bloom
 * (ogi__label_score_set would give 0): fewer than two characters in
 * common with every one, and none the same as in, whose bloom would be
 * in's, two bits or more. Inline, for the callers that try many sets. */
static inline int
ogi__label_may_match(const ogi__label_t *in, uint64_t bloom)
{
    uint64_t both = in->bloom & bloom;
    return !(in->chars >= 2 && (both & (both - 1)) == 0 &&
             (in->bloom & (in->bloom - 1)) != 0);
}

/* 0 when in cannot match the skeleton label sk (ogi__label_score_one
 * would give 0): one of them empty, or neither their first two characters
 * nor their last two alike when sk is not inside in. Every match shares
 * them (a typo's common prefix and suffix are three characters at
 * least), but the label inside extra text: most pairs share neither. */
static inline int
ogi__label_may_match_one(const ogi__label_t *in, const ogi__label_t *sk)
{
    return in->len != 0 && sk->len != 0 &&
           (in->head == sk->head || in->tail == sk->tail ||
            (sk->chars >= 4 && in->len > sk->len &&
             (sk->bloom & ~in->bloom) == 0));
}

/* Score of in against one normalised skeleton label of a set (shortkey:
 * the set's); out of line, as ogi__label_may_match_one rules out most
 * pairs before it. */
int ogi__label_score_one(const ogi__label_t *in, const ogi__label_t *sk,
                         int shortkey, int expected);

/* ogi__label_score_row against a set from ogi__label_row_set. Inline:
 * most sets are ruled out by their blooms and heads alone. */
static inline int
ogi__label_score_set(const ogi__label_t *in, const ogi__label_set_t *set,
                     int expected)
{
    if (!ogi__label_may_match(in, set->bloom))
        return 0;
    int best = 0;
    for (size_t v = 0; v < set->n; v++) {
        if (!ogi__label_may_match_one(in, &set->v[v]))
            continue; /* a score of 0 */
        int s = ogi__label_score_one(in, &set->v[v], set->shortkey, expected);
        if (s > best)
            best = s;
    }
    return best;
}

/* The rows of table id (bit r for row r) whose label sets in may match:
 * ogi__label_score_set of any other row gives 0, whatever expected.
 * Remembered per thread by in's core and numbering, so that a label
 * matched again (by another pass, or in the next report) costs a look-up:
 * callers score the rows it names only. */
uint32_t ogi__label_rows_may(const ogi__label_t *in, ogi_table_id_t id);

/* ogi__label_rows_may in two steps, for a caller asking of several
 * tables: the memo's slot of in (NULL for a label it does not keep), then
 * the rows of a table by the slot. The slot holds in until the next
 * ogi__label_rows_find (or ogi__label_rows_may) on the thread. */
#define OGI__LABEL_ROWS_BYTES 180 /* cores longer are scored each time */

typedef struct ogi__label_rows {
    uint32_t known; /* bit id: rows[id] computed */
    uint32_t rows[OGI_TABLE_COUNT];
    uint32_t heads_known;       /* bit id: heads[id] computed */
    int heads[OGI_TABLE_COUNT]; /* the label's score against table id's
                                   heading, kept for the caller that
                                   scores it (place_walk.c) */
} ogi__label_rows_t;

ogi__label_rows_t *ogi__label_rows_find(const ogi__label_t *in);

/* s[0..n) normalised, as by ogi__label_norm, and in *slot the rows it
 * may match kept with it in the normalisation's memo (NULL for a label
 * it does not keep), for ogi__label_rows_in: one look-up for both. The
 * label is the memo's (or *scratch's, with a NULL slot); both hold until
 * the next ogi__label_norm or ogi__label_norm_rows on the thread, and s
 * must not point into them. */
const ogi__label_t *ogi__label_norm_rows(const char *s, size_t n,
                                         ogi__label_t *scratch,
                                         ogi__label_rows_t **slot);

/* ogi__label_rows_in's rows when slot m does not hold them yet: computed
 * (and kept in m, when not NULL). */
uint32_t ogi__label_rows_fill(ogi__label_rows_t *m, const ogi__label_t *in,
                              ogi_table_id_t id);

/* Inline: a walk asks a slot for a table's rows by the hundred, and the
 * slot holds them but the first time. */
static inline uint32_t
ogi__label_rows_in(ogi__label_rows_t *m, const ogi__label_t *in,
                   ogi_table_id_t id)
{
    if (m && (m->known & (1u << id)))
        return m->rows[id];
    return ogi__label_rows_fill(m, in, id);
}

/* 1 when core a starts with core b (b non-empty). */
int ogi__label_starts(const ogi__label_t *a, const ogi__label_t *b);

#endif /* OGI_LABEL_INT_H */
