/*
 * read_lynx_int.h - private to lynx's reader: read_lynx.c (the probe,
 * the rows) and read_lynx_grid.c (the grid its rows are aligned on).
 */
#ifndef OGI_READ_LYNX_INT_H
#define OGI_READ_LYNX_INT_H

#include <stddef.h>
#include <stdint.h>

#include "reader_int.h"

#define MAX_WORDS 96 /* words of one line read as cells; the rest: text */
#define MAX_COLS  32 /* cells a row may be completed to */

typedef struct {
    uint32_t a, b;   /* bytes [a, b) in the normalised text */
    uint32_t c0, c1; /* characters [c0, c1) from the line's start */
    int value;       /* a number or a placeholder */
} word_t;

typedef struct {
    ogi__table_t *tb;
    const ogi_text_t *t;
    size_t width;            /* cells of the widest row of the region, or 0 */
    uint32_t grid[MAX_COLS]; /* where lynx aligned the value columns: the
                                characters two rows or more start a value
                                at, when they are width of them */
    size_t ngrid;
    uint32_t rgrid[MAX_COLS]; /* the region's grid, or none (nrgrid 0) */
    size_t nrgrid;
    size_t b0, b1; /* the block of lines grid was last made for */
    int own;       /* grid is that block's own, not the region's */
    int in_row;
    size_t row_values; /* VALUE cells in the open row */
    int labelled;      /* the open row starts with a label */
} rd_t;

/* Characters a value may start past its column's start: no-break
 * spaces typed before it, cells before it wider than their columns. */
#define GRID_SLACK 3

/* Columns a grid may have more than the widest row has values (rows
 * with blank cells, all of them): a row laid out by its text alone, no
 * grid, starts values at characters that make many more. */
#define GRID_MORE 2

#define GRID_SPAN 512 /* characters of a line the grid is looked for in */

/* Lines of headings looked for above a row */
#define HEAD_LINES 3

/* Values Table 4's line shows at least, for its headings to be looked
 * for as its columns */
#define T4_GRID_MIN 3

/* The words of line l (at most max) with their character columns. */
size_t ogi__lynx_line_words(const ogi_text_t *t, size_t l, word_t *w,
                            size_t max);
/* Values of a row line after its last text word. */
size_t ogi__lynx_trailing_values(const word_t *w, size_t n);

/* read_lynx_grid.c */

/* Whether row line w[0..n)'s values fall on r's grid, one a column at
 * most: then gapk[i] the blank cells before value i and *tail after the
 * last. */
int ogi__lynx_on_grid(const rd_t *r, const word_t *w, size_t n, size_t *gapk,
                      size_t *tail);
/* The same by the columns of the heading words above line l, for a row
 * alone under its table's headings. */
int ogi__lynx_head_grid(const rd_t *r, size_t l, const word_t *w, size_t n,
                        size_t *gapk, size_t *tail);
/* 1 when lines [l0, l1) are Table 4 on lynx's grid: a line of values
 * under heading lines whose words start its columns. */
int ogi__lynx_t4_grid(const ogi_text_t *t, size_t l0, size_t l1);
/* Cells of the widest row of lines [l0, l1), *by_gaps what its gaps
 * alone say. */
size_t ogi__lynx_region_width(const ogi_text_t *t, size_t l0, size_t l1,
                              size_t *by_gaps);
/* The grid of the region [l0, l1) into r (rgrid), and of the block of
 * line l (grid); 0 or OGI_ENOMEM. */
int ogi__lynx_region_grid(rd_t *r, size_t l0, size_t l1);
int ogi__lynx_block_grid(rd_t *r, size_t l, size_t l0, size_t l1);

#endif /* OGI_READ_LYNX_INT_H */
