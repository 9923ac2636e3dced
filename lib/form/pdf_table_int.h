/*
 * pdf_table_int.h - a PDF page's ruled tables, from its picture.
 *
 * poppler-glib gives a page's glyphs but not its vector paths, so the
 * table rules are found where the page is drawn: long thin runs of dark
 * pixels, horizontal and vertical. Rules that touch make a table; the
 * distinct positions of its rules make a grid, and a rule missing between
 * two grid cells merges them (a row or column span). Pure functions over
 * a bitmap: no poppler, no cairo. Private to lib/.
 */
#ifndef OGI_PDF_TABLE_INT_H
#define OGI_PDF_TABLE_INT_H

#include <stddef.h>

#include "ogi/arena.h"

/* the shortest run of dark pixels taken for a rule, in points */
#define OGI__PDF_MIN_RULE_PT 12.0f

typedef struct {
    float x0, y0, x1, y1; /* points, y down */
} ogi__pdf_box_t;

typedef struct {
    float *xs; /* column boundaries in points, ascending: ncols + 1 */
    float *ys; /* row boundaries in points, ascending: nrows + 1 */
    int ncols, nrows;
    int *owner;   /* per grid slot (row * ncols + col): the slot where the
                     cell covering it starts */
    int *rowspan; /* per starting slot: its spans (1 and more) */
    int *colspan;
    int open_right; /* 1: its rules run to the picture's right edge: the
                       glyphs past it (a table wider than the page) are in
                       its last column */
    float edge;     /* the picture's right edge, points */
} ogi__pdf_table_t;

/*
 * Finds the ruled tables in a page picture of w x h pixels (dark[y * w +
 * x] nonzero where the pixel is dark), drawn at scale pixels a point;
 * a run of dark pixels inside one of the glyph boxes box[0..nbox) is a
 * stroke of that glyph, not a rule.
 * *tables receives them top to bottom (arena), *n their count (0 when
 * the page has none, or too many rules to be read as tables). Returns 0
 * or OGI_ENOMEM.
 */
int ogi__pdf_find_tables(ogi_arena_t *arena, const unsigned char *dark, int w,
                         int h, float scale, const ogi__pdf_box_t *box,
                         size_t nbox, ogi__pdf_table_t **tables, size_t *n);

/* The grid slot of table t at point (x, y), or -1 outside it. */
int ogi__pdf_table_slot(const ogi__pdf_table_t *t, float x, float y);

#endif /* OGI_PDF_TABLE_INT_H */
