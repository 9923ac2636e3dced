/*
 * read_label_slots.c - the empty cells of a table without spans that
 * stand for a label spanning them (pipe and pandoc grid tables), split
 * from read_pipe.c.
 */
#include "ogi_int.h"

#include "reader_int.h"

/*
 * Markdown and pandoc 2's grids have no spans: a row label spanning two
 * label columns (or a group label's rows below it) leaves an empty cell
 * in a label column. In the rows [r0, r1) of one table, the label
 * columns are the columns its data rows (labels, then values and blanks
 * only) hold labels in; and, under a header (a row of labels only naming
 * columns to the right), a column left of every value that holds nothing
 * in any row: the header names every column of values, so that one is
 * the slot of a label spanning it (Table 3's 二、上年结转… over its three
 * label columns where no row labels an item). An empty cell there is no
 * blank value but the slot of a label: MERGED.
 */
void
ogi__table_label_slots(ogi__table_t *tb, size_t r0, size_t r1)
{
    if (r1 <= r0)
        return;
    uint64_t labels = 0, filled = 0, named = 0, valued = 0;
    for (size_t r = r0; r < r1; r++) {
        const ogi__row_t *row = &tb->rows[r];
        uint64_t mask = 0, heads = 0;
        int values = 0, data = 1;
        for (size_t i = row->first; i < row->first + row->count; i++) {
            const ogi__cell_t *c = &tb->cells[i];
            uint64_t bit =
                c->col >= 0 && c->col < 64 ? (uint64_t)1 << c->col : 0;
            if (c->kind != OGI__CELL_BLANK && c->kind != OGI__CELL_MERGED)
                filled |= bit;
            if (c->kind == OGI__CELL_VALUE || c->kind == OGI__CELL_RUN) {
                values = 1;
                valued |= bit;
            } else if (c->kind == OGI__CELL_LABEL && values) {
                data = 0;
            } else if (c->kind == OGI__CELL_LABEL) {
                mask |= bit;
                heads |= bit;
            }
        }
        if (values && data)
            labels |= mask;
        if (!values)
            named |= heads;
    }
    /* the columns left of the first value's, empty throughout, with a
     * column named by the header beyond them */
    uint64_t first = valued & (~valued + 1); /* lowest valued column */
    if (first && named) {
        /* the columns below the highest one named: its bit smeared
         * down, less itself */
        uint64_t below = named;
        for (int k = 1; k < 64; k <<= 1)
            below |= below >> k;
        labels |= (first - 1) & ~filled & (below >> 1);
    }
    for (size_t r = r0; r < r1; r++) {
        const ogi__row_t *row = &tb->rows[r];
        for (size_t i = row->first; i < row->first + row->count; i++) {
            ogi__cell_t *c = &tb->cells[i];
            if (c->kind == OGI__CELL_BLANK && c->col >= 0 && c->col < 64 &&
                (labels >> c->col & 1))
                c->kind = OGI__CELL_MERGED;
        }
    }
}
