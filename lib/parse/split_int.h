/*
 * split_int.h - runs of digits split into cells by the format's arithmetic.
 *
 * Text saved without separators runs the digits of adjacent cells
 * together: "（一）予以公开7000007" is the seven cells 7 0 0 0 0 0 7. The
 * readers keep such a run whole (OGI__CELL_RUN); placement hands the rows
 * it could not fit to the splitter, which searches the splits that satisfy
 * every identity of the table at once (the skeleton's identities, the same
 * the validator checks). One split survives: placed, with an info finding
 * (P5). Several: the most plausible is placed and a warning names the
 * others (P6). None: the run is left unsplit and flagged (P8), never
 * guessed. The search is bounded. Private to lib/.
 */
#ifndef OGI_SPLIT_INT_H
#define OGI_SPLIT_INT_H

#include <stddef.h>

#include "ogi/report.h"
#include "table_int.h"

/* Cells of one skeleton table to fill from a row's pieces. */
typedef struct {
    size_t first;   /* first cell to fill, row-major in the skeleton table
                       (row * ncols + col) */
    size_t ncells;  /* how many cells the pieces fill, in order */
    const ogi__cell_t *const *pieces; /* VALUE / BLANK pieces are one cell
                                         each; a RUN piece one or more */
    size_t npieces;
} ogi__split_span_t;

/*
 * Fills the cells of spans[0..n) of table id in r from their pieces, the
 * other cells of the table (already placed) taking part in its identities.
 * g is the table model the pieces came from. Returns 0 or OGI_ENOMEM;
 * what cannot be split is a finding, not an error.
 */
int ogi__split_runs(ogi_report_t *r, const ogi__table_t *g, ogi_table_id_t id,
                    const ogi__split_span_t *spans, size_t n);

#endif /* OGI_SPLIT_INT_H */
