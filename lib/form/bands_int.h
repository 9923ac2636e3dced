/*
 * bands_int.h - pdftotext -layout's rows drawn over several lines, shared
 * by the bands' reading (read_row_bands.c: where a band starts and ends)
 * and their merging into one row (read_row_merge.c).
 */
#ifndef OGI_BANDS_INT_H
#define OGI_BANDS_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "table_int.h"

#define BAND_COLS 64 /* columns of one band, at most */
#define BAND_MAX  12 /* lines of one row, at most */
#define PIECE_MAX 40 /* display columns of a piece: wider is prose */

typedef struct {
    int x0, x1;         /* columns of the first member */
    size_t m[BAND_MAX]; /* cells joined, top to bottom (scratch indices) */
    size_t n;
    size_t main; /* the value line's cell, or SIZE_MAX */
} col_t;

static inline int
is_value(const ogi__cell_t *c)
{
    return c->kind == OGI__CELL_VALUE || c->kind == OGI__CELL_RUN;
}

static inline size_t
nvalues(const ogi__table_t *sc, size_t r)
{
    size_t n = 0;
    for (size_t i = 0; i < sc->rows[r].count; i++)
        n += is_value(&sc->cells[sc->rows[r].first + i]);
    return n;
}

static inline int
overlap(int a0, int a1, int b0, int b1)
{
    int lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    return hi > lo ? hi - lo : 0;
}

/* 1 when cell c is a row's number and nothing else ("1.", "12、"). */
int ogi__band_bare_number(const ogi__cell_t *c);

/* Band [r0, r1) of the scratch table sc (one row per line, columns x0/x1)
 * merged into one row of tb: 1 read, 0 not one row (tb untouched), or
 * OGI_ENOMEM (negative). wrap: NULL, or the cells' columns in code points
 * (x0 itself when the table is read in them) when the band is three lines,
 * the tops of numbers wrapped around the middle one and their tails below
 * it: values of this row however close they stand to its others. */
int ogi__band_merge(ogi__table_t *tb, const ogi__table_t *sc, size_t r0,
                    size_t r1, const int *x0, const int *x1, const int *wrap);

/* 1 when cell c may be the tail of 不适用 wrapped in its column ("用",
 * "适用"): a short label ending with 用. The only placeholder of several
 * characters is 不适用 (a number's pieces are values), and most labels
 * do not end so: a table without one has nothing to join. */
static inline int
ogi__band_wrap_tail(const ogi__cell_t *c)
{
    return c->kind == OGI__CELL_LABEL && c->n - 3u <= 9u &&
           c->s[c->n - 1] == '\xA8' &&
           memcmp(c->s + c->n - 3, "\xE7\x94\xA8", 3) == 0;
}

/* A placeholder wrapped in its column over lines the bands cannot join
 * ("不适" over "用" beside the next rows' group label) joined in the
 * scratch table sc (one row per line) into its piece on the line of its
 * row's values, the other pieces taken off (read_row_wraps.c). x0/x1:
 * the cells' columns in the measure chosen; a0/a1 and b0/b1: both
 * measures' arrays, moved with the cells kept (x0/x1 are two of them).
 * Returns 1 when sc changed, 0 when not, or OGI_ENOMEM (negative). */
int ogi__band_join_wraps(ogi__table_t *sc, const int *x0, const int *x1,
                         int *a0, int *a1, int *b0, int *b1);

/* ---- the two measures of a line's columns (read_row_measure.c) ---- */

/* Columns of each cell of sc (one row per line) in both measures: x0/x1
 * in display columns, n0/n1 in code points. Returns 1 when the two agree
 * for every cell: then no choice between them is left to make. */
int ogi__band_measure(const ogi__table_t *sc, int *x0, int *x1, int *n0,
                      int *n1);

/* How well the value columns of successive value lines line up under
 * each measure (into *wide, *narrow); the values of row r are cells
 * vcell[vfirst[r]..vfirst[r + 1]). */
void ogi__band_alignment(const ogi__table_t *sc, const uint32_t *vcell,
                         const size_t *vfirst, const int *x0, const int *x1,
                         const int *n0, const int *n1, size_t *wide,
                         size_t *narrow);

/* How well the header lines fit the values under them under each measure
 * (into *wide, *narrow); nv: the values of each row of sc. */
void ogi__band_header_fit(const ogi__table_t *sc, const size_t *nv,
                          const uint32_t *vcell, const size_t *vfirst,
                          const int *x0, const int *x1, const int *n0,
                          const int *n1, size_t *wide, size_t *narrow);

#endif /* OGI_BANDS_INT_H */
