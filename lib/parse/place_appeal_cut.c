/*
 * place_appeal_cut.c - Table 4's row read by its header's leaf labels
 * when the grid has a column fewer than the table's cells (place_int.h):
 * a table cut by the page's right edge (a portrait PDF of a wide table)
 * shows 14 leaves and 14 values. The labels say which column is not in
 * the document; that cell is left missing, never made up.
 */
#include "ogi_int.h"

#include <stdio.h>
#include <string.h>

#include "ogi/error.h"
#include "ogi/skeleton.h"
#include "place_int.h"

/* Leaf k's label (结果维持 … 总计), from the skeleton's Table 4. */
static const char *
leaf_name(int k)
{
    return ogi_skeleton_table(OGI_T4)->cols[k].label;
}

/* The leaf (0..4) label cell c names, white space aside; -1 when none. */
static int
leaf_of(const ogi__cell_t *c)
{
    char buf[32];
    size_t n = 0;
    if (c->kind != OGI__CELL_LABEL)
        return -1;
    for (size_t i = 0; i < c->n; i++) {
        if (c->s[i] == ' ' || c->s[i] == '\t' || c->s[i] == '\n')
            continue;
        if (n + 1 >= sizeof(buf))
            return -1;
        buf[n++] = c->s[i];
    }
    buf[n] = 0;
    for (int k = 0; k < OGI__T4_BLOCK_COLS; k++)
        if (strcmp(buf, leaf_name(k)) == 0)
            return k;
    return -1;
}

int
ogi__appeal_by_leaves(ogi_report_t *r, const ogi__table_t *g,
                      const uint32_t *toks, size_t n, size_t rec, int *done)
{
    *done = 0;
    if (n + 1 != OGI_T4_CELLS)
        return 0;
    /* each value's column, one after the other */
    int col[OGI_T4_CELLS];
    for (size_t i = 0; i < n; i++) {
        if (toks[i] >= OGI__PLAN_FREE)
            return 0;
        const ogi__cell_t *c = ogi__plan_tok_cell(g, toks[i]);
        col[i] = c->col;
        if (c->col < 0 || (i && c->col <= col[i - 1]))
            return 0;
    }
    /* the leaf each column's lowest header label names */
    int leaf[OGI_T4_CELLS];
    for (size_t i = 0; i < n; i++) {
        leaf[i] = -1;
        for (size_t ri = 0; ri < rec; ri++) {
            const ogi__row_t *hr = &g->rows[ri];
            for (size_t k = 0; k < hr->count; k++) {
                const ogi__cell_t *c = &g->cells[hr->first + k];
                int l = c->col == col[i] ? leaf_of(c) : -1;
                if (l >= 0)
                    leaf[i] = l;
            }
        }
        if (leaf[i] < 0)
            return 0;
    }
    /* the leaves in order, one of the fifteen not among them: adjacent
     * leaves differ, so where it was is told by the labels alone */
    size_t at[OGI_T4_CELLS], missing = OGI_T4_CELLS;
    for (size_t i = 0, k = 0; i < n; i++, k++) {
        if (leaf[i] != (int)(k % OGI__T4_BLOCK_COLS)) {
            if (missing != OGI_T4_CELLS)
                return 0;
            missing = k++;
            if (leaf[i] != (int)(k % OGI__T4_BLOCK_COLS))
                return 0;
        }
        at[i] = k;
    }
    if (missing == OGI_T4_CELLS)
        missing = OGI_T4_CELLS - 1; /* the last, past the final column */
    for (size_t i = 0; i < n; i++) {
        ogi_cell_t *c = ogi_report_cell(r, OGI_T4, at[i] / OGI__T4_BLOCK_COLS,
                                        at[i] % OGI__T4_BLOCK_COLS);
        if (!c)
            return 0;
        int rc = ogi__plan_cell_from_tok(r, c, g,
                                         ogi__plan_tok_cell(g, toks[i]));
        if (rc)
            return rc;
    }
    for (size_t b = 0; b < OGI__T4_BLOCKS; b++)
        r->tables[OGI_T4].row_found[b] = 1;
    char path[64];
    ogi_report_path(OGI_T4, missing / OGI__T4_BLOCK_COLS, -1, path,
                    sizeof(path));
    *done = 1;
    return ogi_report_add_finding(
        r, "P3", OGI_SEV_WARNING, path,
        "%zu columns for %d cells: the header's leaf labels show no %s "
        "here, a column not in the document (cut off the page); its cell "
        "left missing, each value read under its own label",
        n, OGI_T4_CELLS, leaf_name((int)(missing % OGI__T4_BLOCK_COLS)));
}

/*
 * Table 4's values toks[0..*n) on one line whose bars cut it into
 * exactly its fifteen cells ("  |  0 |  0 |    |  0 | … |  / |  ", a
 * Markdown row without outer bars: a bar at either end stands between
 * an empty cell and the next): each cell in order, the empty ones blank
 * (OGI__PLAN_GAP), whatever the reader kept of the ends. toks receives
 * the fifteen; left as it was when a piece holds other text than one
 * value, or the pieces are not fifteen.
 */
void
ogi__appeal_by_bars(const ogi__table_t *g, uint32_t *toks, size_t *n)
{
    size_t nv = 0;
    uint32_t vals[OGI_T4_CELLS];
    const char *s = g->text->s, *end = s + g->text->len;
    const char *a = NULL, *b = NULL;
    for (size_t i = 0; i < *n; i++) {
        if (toks[i] >= OGI__PLAN_FREE)
            return;
        const ogi__cell_t *c = ogi__plan_tok_cell(g, toks[i]);
        if (c->kind == OGI__CELL_BLANK)
            continue;
        if (c->kind != OGI__CELL_VALUE || nv == OGI_T4_CELLS ||
            c->off > g->text->len)
            return;
        const char *p = s + c->off;
        if (!a) {
            for (a = p; a > s && a[-1] != '\n';)
                a--;
            for (b = p; b < end && *b != '\n';)
                b++;
        } else if (p < a || p >= b) {
            return; /* not all on one line */
        }
        vals[nv++] = toks[i];
    }
    if (!a || nv < 2)
        return;
    uint32_t out[OGI_T4_CELLS];
    size_t k = 0, v = 0;
    for (const char *q = a; q <= b; k++) {
        const char *e = q;
        while (e < b && !(*e == '|' && (e == a || e[-1] != '\\')))
            e++;
        if (k == OGI_T4_CELLS)
            return; /* more pieces than cells */
        int text = 0;
        for (const char *t = q; t < e; t++)
            text |= *t != ' ' && *t != '\t';
        if (!text) {
            out[k] = OGI__PLAN_GAP;
        } else {
            /* one value, and nothing past it but spaces */
            if (v == nv)
                return;
            const ogi__cell_t *c = ogi__plan_tok_cell(g, vals[v]);
            const char *p = s + c->off;
            if (p < q || p + c->n > e)
                return;
            for (const char *t = q; t < e; t++)
                if ((t < p || t >= p + c->n) && *t != ' ' && *t != '\t')
                    return;
            out[k] = vals[v++];
        }
        q = e + 1;
    }
    if (k != OGI_T4_CELLS || v != nv)
        return;
    memcpy(toks, out, sizeof(out));
    *n = OGI_T4_CELLS;
}
