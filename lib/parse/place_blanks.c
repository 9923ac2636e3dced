/*
 * place_blanks.c - the blank cells a layout of aligned columns lost.
 *
 * Where columns are aligned by spaces (pdftotext -layout, w3m without
 * borders, lynx), an empty cell is only more space: its row comes with
 * fewer values than columns, and the cells' display columns (x0, x1) show
 * where the gap was.
 */
#include "ogi_int.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#include "place_int.h"

/* ---- blanks a layout of aligned columns lost ---- */


static const ogi__cell_t gap_cell = {.kind = OGI__CELL_BLANK, .x0 = -1,
                                     .x1 = -1, .row = -1, .col = -1};

const ogi__cell_t *
ogi__plan_tok_cell(const ogi__table_t *g, uint32_t tok)
{
    return tok == OGI__PLAN_GAP ? &gap_cell : &g->cells[tok];
}

/* Twice the centre of token tok's display columns, or -1 unknown. */
static long
tok_mid2(const ogi__table_t *g, uint32_t tok)
{
    const ogi__cell_t *c = ogi__plan_tok_cell(g, tok);
    int x0, x1;
    ogi__table_cell_columns(g->text, c, &x0, &x1);
    if (x0 < 0 || x1 < x0)
        return -1;
    return (long)x0 + x1;
}

/*
 * Where columns are aligned by spaces, an empty cell is only more space
 * and its row comes with fewer values than columns. The rows of the same
 * skeleton table that came whole give each column's position; a short
 * row's values are matched to the columns in order, as close as they
 * can be (each within half the distance to a neighbouring column), and
 * the columns left over are blank. A row that cannot be matched so is
 * left as it is (and is reported short).
 */
void
ogi__plan_infer_blanks(ogi__plan_t *p, const ogi__table_t *g)
{
    for (size_t i = 0; i < p->n; i++) {
        ogi__prow_t *pr = &p->rows[i];
        size_t nc = pr->ncols;
        if (pr->group || pr->ntoks == 0 || pr->ntoks >= nc || nc > 16)
            continue;
        /* column centres from the nearest whole row of the same table:
         * a table cut by a page break may set its parts' columns apart */
        long col[16];
        size_t best_d = SIZE_MAX;
        uint32_t at = ogi__plan_tok_cell(g, pr->toks[0])->off;
        for (size_t k = 0; k < p->n; k++) {
            const ogi__prow_t *q = &p->rows[k];
            if (q->table != pr->table || q->ntoks != nc)
                continue;
            long m[16];
            size_t j = 0;
            for (; j < nc && (m[j] = tok_mid2(g, q->toks[j])) >= 0; j++)
                if (j && m[j] <= m[j - 1])
                    break; /* not columns from left to right */
            if (j < nc)
                continue;
            uint32_t qat = ogi__plan_tok_cell(g, q->toks[0])->off;
            size_t d = qat > at ? qat - at : at - qat;
            if (d < best_d) {
                best_d = d;
                memcpy(col, m, sizeof(m[0]) * nc);
            }
        }
        if (best_d == SIZE_MAX)
            continue;
        /* values to columns: greedy to the nearest column in order, each
         * within half the gap to its neighbours */
        uint32_t out[OGI__PLAN_MAX_TOKS];
        size_t n = 0, j = 0;
        for (size_t v = 0; v < pr->ntoks; v++) {
            long m = tok_mid2(g, pr->toks[v]);
            if (m < 0)
                goto next;
            size_t best = j;
            for (size_t c = j; c < nc; c++)
                if (labs(col[c] - m) < labs(col[best] - m))
                    best = c;
            /* nearer to its column than to any other, and within a
             * column's distance of it */
            long d = labs(col[best] - m);
            long lo = best > 0 ? col[best] - col[best - 1] : LONG_MAX;
            long hi = best + 1 < nc ? col[best + 1] - col[best] : LONG_MAX;
            if ((best > 0 && labs(col[best - 1] - m) <= d) ||
                (best + 1 < nc && labs(col[best + 1] - m) <= d) ||
                d >= (lo < hi ? lo : hi) || nc - best < pr->ntoks - v)
                goto next;
            while (j < best)
                out[n++] = OGI__PLAN_GAP, j++;
            out[n++] = pr->toks[v];
            j = best + 1;
        }
        while (j < nc)
            out[n++] = OGI__PLAN_GAP, j++;
        memcpy(pr->toks, out, n * sizeof(out[0]));
        pr->ntoks = n;
    next:;
    }
}

