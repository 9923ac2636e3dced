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
#include "ogi/skeleton.h"
#include "place_int.h"

/* ---- blanks a layout of aligned columns lost ---- */


const ogi__cell_t ogi__plan_gap_cell = {.kind = OGI__CELL_BLANK,
                                        .x0 = -1,
                                        .x1 = -1,
                                        .row = -1,
                                        .col = -1};

const ogi__cell_t ogi__plan_cut_cell = {.kind = OGI__CELL_RUN,
                                        .s = "???",
                                        .n = 3,
                                        .x0 = -1,
                                        .x1 = -1,
                                        .row = -1,
                                        .col = -1};

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
 * What the tests of a last column cut at the paper's edge ask of a row's
 * cells (last_column_cut, last_column_clipped, edge_gaps), gathered in
 * one walk of its tokens, not a walk per test.
 */
typedef struct {
    int run;      /* a cell holds a run of digits (or is a cut one) */
    int numbers;  /* every cell a number, all of one scale */
    int64_t nsum; /* while numbers: the numbers before the last, summed */
    int units;    /* every cell before the last blank or a value whose
                     number, if any, is in units */
    int64_t usum; /* while units: the numbers before the last, summed */
    int number;   /* a cell before the last holds a number */
    int odd;      /* the first cell before the last that is no value: 1
                     when blank, 2 another kind, 0 none */
    const ogi__cell_t *last; /* the last cell; NULL: no tail (has_tail) */
} tail_t;

/* 1 when the tests read row pr's tail: a row of values of a table of
 * three columns or more, whole or one short. */
static int
has_tail(const ogi__prow_t *pr)
{
    return !pr->group && pr->ncols >= 3 &&
           (pr->ntoks == pr->ncols || pr->ntoks + 1 == pr->ncols);
}

/* Row pr's cells walked once into *t (pr: has_tail). */
static void
tail_of(const ogi__prow_t *pr, const ogi__table_t *g, tail_t *t)
{
    size_t last = pr->ntoks - 1;
    const ogi__cell_t *l = ogi__plan_tok_cell(g, pr->toks[last]);
    /* numbers: the last a number and every other one of its scale (one
     * scale for all); the sums are kept while their test holds */
    int numbers = l->kind == OGI__CELL_VALUE && l->num.kind == OGI_NUM_VALUE;
    int run = l->kind == OGI__CELL_RUN, units = 1, number = 0, odd = 0;
    int64_t nsum = 0, usum = 0;
    for (size_t v = 0; v < last; v++) {
        const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[v]);
        if (c->kind == OGI__CELL_VALUE && c->num.kind == OGI_NUM_VALUE) {
            number = 1;
            numbers = numbers && c->num.scale == l->num.scale;
            if (numbers)
                nsum += c->num.value;
            units = units && c->num.scale == 0;
            if (units)
                usum += c->num.value;
        } else if (c->kind == OGI__CELL_VALUE) {
            numbers = 0; /* a placeholder: a value, no number */
        } else {
            numbers = 0;
            units = units && c->kind == OGI__CELL_BLANK;
            run |= c->kind == OGI__CELL_RUN;
            if (!odd)
                odd = c->kind == OGI__CELL_BLANK ? 1 : 2;
        }
    }
    *t = (tail_t){.run = run,
                  .numbers = numbers,
                  .nsum = nsum,
                  .units = units,
                  .usum = usum,
                  .number = number,
                  .odd = odd,
                  .last = l};
}

/* *t for row pr: walked when it has a tail, else t->last NULL (the tests
 * then ask no more of the row). */
static void
tail_set(const ogi__prow_t *pr, const ogi__table_t *g, tail_t *t)
{
    if (has_tail(pr))
        tail_of(pr, g, t);
    else
        t->last = NULL;
}

/* last_cut_short of the row of tail t. */
static int
tail_cut_short(const tail_t *t)
{
    const ogi__cell_t *l = t->last;
    if (!t->units || l->kind != OGI__CELL_VALUE ||
        l->num.kind != OGI_NUM_VALUE || l->num.scale != 0 || l->num.sign ||
        t->usum <= l->num.value)
        return 0;
    int64_t head = t->usum;
    while (head > l->num.value)
        head /= 10;
    return head == l->num.value;
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
/*
 * cut[id]: 1 when the last column of table id was cut off at the paper's
 * edge (a wide table printed on upright paper): its rows' values, numbers all,
 * come one short of the columns, and the last of them is not the sum of
 * the others (the rows' total, when a blank cell elsewhere made the row
 * short) in three rows or more, and in none. A row holding every column
 * never sums so either. Rows of zeros say nothing of sums: CUT_ROWS rows
 * of numbers or more all one short, none whole, are a cut as well.
 */
#define CUT_ROWS 5
static void
last_column_cut(const ogi__plan_t *p, const tail_t *tails,
                int cut_out[OGI_TABLE_COUNT])
{
    /* every table's counts in one pass over the rows */
    size_t cut[OGI_TABLE_COUNT] = {0}, whole[OGI_TABLE_COUNT] = {0},
           shorter[OGI_TABLE_COUNT] = {0}, full[OGI_TABLE_COUNT] = {0};
    for (size_t k = 0; k < p->n; k++) {
        const ogi__prow_t *q = &p->rows[k];
        size_t nc = q->ncols, id = q->table;
        if (!tails[k].last || !tails[k].numbers)
            continue;
        int64_t sum = tails[k].nsum, last = tails[k].last->num.value;
        *(q->ntoks == nc ? &full[id] : &shorter[id]) += 1;
        if (last == 0 && sum == 0)
            continue;
        if (sum == last)
            whole[id]++;
        else if (q->ntoks + 1 == nc)
            cut[id]++;
    }
    /* rows of zeros tell no sum: every row of numbers one short, and
     * many of them, is a column cut whole too */
    for (size_t id = 0; id < OGI_TABLE_COUNT; id++)
        cut_out[id] =
            whole[id] == 0 &&
            (cut[id] >= 3 || (full[id] == 0 && shorter[id] >= CUT_ROWS));
}

/*
 * 1 when the last value of row pr (whole) reads as the first digits of
 * the sum of its other cells, the rest of the number cut off at the
 * paper's edge ("1" of 12): its other cells numbers, placeholders or
 * blanks, in units.
 */
static int
last_cut_short(const ogi__prow_t *pr, const ogi__table_t *g)
{
    int64_t sum = 0;
    for (size_t v = 0; v + 1 < pr->ntoks; v++) {
        const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[v]);
        if (c->kind == OGI__CELL_BLANK)
            continue;
        if (c->kind != OGI__CELL_VALUE ||
            (c->num.kind == OGI_NUM_VALUE && c->num.scale != 0))
            return 0;
        if (c->num.kind == OGI_NUM_VALUE)
            sum += c->num.value;
    }
    const ogi__cell_t *l = ogi__plan_tok_cell(g, pr->toks[pr->ntoks - 1]);
    if (l->kind != OGI__CELL_VALUE || l->num.kind != OGI_NUM_VALUE ||
        l->num.scale != 0 || l->num.sign || sum <= l->num.value)
        return 0;
    int64_t head = sum;
    while (head > l->num.value)
        head /= 10;
    return head == l->num.value;
}

/* 1 when row pr holds no run of digits (nor a cut one). */
static int
runless(const ogi__prow_t *pr, const ogi__table_t *g)
{
    for (size_t v = 0; v < pr->ntoks; v++)
        if (ogi__plan_tok_cell(g, pr->toks[v])->kind == OGI__CELL_RUN)
            return 0;
    return 1;
}

/* 1 when row pr's last cell is blank (or no cell) and some other cell
 * holds a number: a total the paper's edge took whole. */
static int
last_blank(const ogi__prow_t *pr, const ogi__table_t *g)
{
    const ogi__cell_t *l = ogi__plan_tok_cell(g, pr->toks[pr->ntoks - 1]);
    if (l->kind != OGI__CELL_BLANK)
        return 0;
    for (size_t v = 0; v + 1 < pr->ntoks; v++) {
        const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[v]);
        if (c->kind == OGI__CELL_VALUE && c->num.kind == OGI_NUM_VALUE)
            return 1;
    }
    return 0;
}

/* The number in row pr's last cell (0 when it holds none). */
static int64_t
last_value(const ogi__prow_t *pr, const ogi__table_t *g)
{
    const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[pr->ntoks - 1]);
    return c->kind == OGI__CELL_VALUE && c->num.kind == OGI_NUM_VALUE
               ? c->num.value
               : 0;
}

/*
 * clipped[id]: 1 when table id was not cut whole (cut[id]) and the
 * paper's edge cut through its last column, not beside it: every row
 * still has its last cell, but a total wider than what the paper kept
 * lost its last digits ("42" of 423) while narrower ones came whole.
 * Told by two rows or more whose last value is the first digits of the
 * sum of the others (last_cut_short), every other row of numbers summing
 * (one printed error allowed) or without its total (last_blank: cut
 * whole): a row total mistyped as its sum's first digits twice is no
 * report's error.
 */
/* 1 when a row of table id (of nc columns) sums along itself into its
 * last column (an identity along rows, D2 or D3): only there is a last
 * value the first digits of the others' sum a sign of a cut. Table 2's
 * rows (上一年项目数量, 本年增/减, 处理决定数量) hold no sum, and "443
 * -135 30" reads so by chance. */
static int
sums_into_last(size_t id, size_t nc)
{
    size_t nid;
    const ogi_skel_identity_t *ids = ogi_skeleton_identities(&nid);
    for (size_t i = 0; i < nid; i++)
        if ((size_t)ids[i].table == id && ids[i].along_rows &&
            ids[i].nrhs == 1 && ids[i].rhs_at[0] + 1 == nc)
            return 1;
    return 0;
}

static void
last_column_clipped(const ogi__plan_t *p, const tail_t *tails,
                    const int cut[OGI_TABLE_COUNT],
                    int clipped_out[OGI_TABLE_COUNT])
{
    /* every table not cut whole, in one pass over the rows */
    size_t clipped[OGI_TABLE_COUNT] = {0}, other[OGI_TABLE_COUNT] = {0};
    for (size_t k = 0; k < p->n; k++) {
        const ogi__prow_t *q = &p->rows[k];
        const tail_t *t = &tails[k];
        size_t id = q->table;
        if (cut[id] || !t->last || q->ntoks != q->ncols || t->run)
            continue;
        const ogi__cell_t *l = t->last;
        int num = l->kind == OGI__CELL_VALUE && l->num.kind == OGI_NUM_VALUE;
        if (tail_cut_short(t) && l->num.value > 0 &&
            sums_into_last(id, q->ncols)) {
            clipped[id]++;
            continue;
        }
        if (l->kind == OGI__CELL_BLANK && t->number)
            continue; /* cut whole, or blank as printed: no sign either way */
        /* its cells blank or values in units, the last as well */
        int ok = t->units &&
                 (l->kind == OGI__CELL_BLANK ||
                  (l->kind == OGI__CELL_VALUE && (!num || l->num.scale == 0)));
        other[id] += ok && t->usum != (num ? l->num.value : 0);
    }
    for (size_t id = 0; id < OGI_TABLE_COUNT; id++)
        clipped_out[id] = !cut[id] && clipped[id] >= 2 && other[id] <= 1;
}

/* Table 3's row identity (D2: a row's 总计 is the sum of its applicants'
 * columns), the skeleton's. */
static const ogi_skel_identity_t *
row_sum(void)
{
    size_t nid;
    const ogi_skel_identity_t *ids = ogi_skeleton_identities(&nid);
    for (size_t i = 0; i < nid; i++)
        if (ids[i].table == OGI_T3 && ids[i].along_rows && ids[i].nrhs == 1)
            return &ids[i];
    return NULL;
}

/*
 * A Table 3 row whose short values the columns' positions placed with its
 * total column blank, while its last value is the sum of the others (and
 * more than 0): that value is the row's total, in the total column, where
 * the positions were off (OCR spaces a row's values by the gaps it saw,
 * not by its header's columns: "4      0      4" set under 社会公益组织).
 * A number whose neighbours before it sum to it is a total, not a
 * category's count.
 */
static void
total_to_last(ogi__prow_t *pr, const ogi__table_t *g)
{
    const ogi_skel_identity_t *id = row_sum();
    size_t nc = pr->ncols, last = nc, vals = 0;
    if (!id || pr->table != OGI_T3 || pr->group || pr->ntoks != nc ||
        nc < 3 || id->rhs_at[0] >= nc || id->nlhs + 1 != nc)
        return;
    size_t tot = id->rhs_at[0];
    if (pr->toks[tot] != OGI__PLAN_GAP)
        return;
    int64_t sum = 0;
    for (size_t v = 0; v < nc; v++) {
        if (pr->toks[v] == OGI__PLAN_GAP)
            continue;
        const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[v]);
        if (c->kind != OGI__CELL_VALUE || c->num.kind != OGI_NUM_VALUE ||
            c->num.scale != 0 || c->num.sign)
            return;
        if (last < nc)
            sum += ogi__plan_tok_cell(g, pr->toks[last])->num.value;
        last = v;
        vals++;
    }
    if (vals < 2 || last >= nc)
        return;
    int64_t total = ogi__plan_tok_cell(g, pr->toks[last])->num.value;
    if (total <= 0 || total != sum)
        return;
    pr->toks[tot] = pr->toks[last];
    pr->toks[last] = OGI__PLAN_GAP;
}

/* 1 when row pr (placed: a token a column) of a table of three columns
 * or more has its last cell blank and every other cell a value, one a
 * number at least; -1 when a cell before the last is blank; else 0. */
static int
last_gap_kind(const ogi__prow_t *pr, const ogi__table_t *g)
{
    if (pr->group || pr->ncols < 3 || pr->ntoks != pr->ncols || !runless(pr, g))
        return 0;
    int number = 0;
    for (size_t v = 0; v + 1 < pr->ntoks; v++) {
        const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[v]);
        if (c->kind == OGI__CELL_BLANK)
            return -1;
        if (c->kind != OGI__CELL_VALUE)
            return 0;
        number |= c->num.kind == OGI_NUM_VALUE;
    }
    return number && ogi__plan_tok_cell(g, pr->toks[pr->ntoks - 1])->kind ==
                         OGI__CELL_BLANK;
}

static int
only_last_gap(const ogi__prow_t *pr, const ogi__table_t *g)
{
    return last_gap_kind(pr, g) == 1;
}

/*
 * edge[id]: 1 when table id was neither cut nor clipped and the paper's
 * edge cut its last column in some rows only (LibreOffice upright: a
 * total shows in one row and not the next): the columns' positions,
 * placed, leave the last cell blank and no other in CUT_ROWS rows or
 * more, twice as many as rows with a blank elsewhere.
 * Blanks a page left fall anywhere; an edge takes the last column.
 */
static void
edge_gaps(const ogi__plan_t *p, const tail_t *tails,
          const int cut[OGI_TABLE_COUNT], const int clipped[OGI_TABLE_COUNT],
          int edge[OGI_TABLE_COUNT])
{
    /* every table neither cut nor clipped, in one pass over the rows */
    size_t last[OGI_TABLE_COUNT] = {0}, inner[OGI_TABLE_COUNT] = {0};
    for (size_t k = 0; k < p->n; k++) {
        const ogi__prow_t *q = &p->rows[k];
        const tail_t *t = &tails[k];
        size_t id = q->table;
        if (cut[id] || clipped[id] || !t->last || q->ntoks != q->ncols ||
            t->run)
            continue;
        /* last_gap_kind */
        int kind = t->odd == 1   ? -1
                   : t->odd == 2 ? 0
                                 : t->number && t->last->kind == OGI__CELL_BLANK;
        last[id] += kind == 1;
        inner[id] += kind == -1;
    }
    for (size_t id = 0; id < OGI_TABLE_COUNT; id++)
        edge[id] = !cut[id] && !clipped[id] && last[id] >= CUT_ROWS &&
                   last[id] >= 2 * inner[id];
}

/* 1 when row pr is one short in a table cut at the paper's edge (cut:
 * last_column_cut's): its last cell is the one cut off. */
static int
cut_short(const ogi__prow_t *pr, const ogi__table_t *g,
          const int cut[OGI_TABLE_COUNT])
{
    size_t nc = pr->ncols;
    return cut[pr->table] && !pr->group && pr->ntoks + 1 == nc &&
           nc <= OGI__PLAN_MAX_TOKS && runless(pr, g);
}

/* 1 when row pr (not cut_short) is short of values that the columns'
 * positions may place: fewer values than columns, no run of digits. */
static int
to_place(const ogi__prow_t *pr, const ogi__table_t *g)
{
    return !pr->group && pr->ntoks > 0 && pr->ntoks < pr->ncols &&
           pr->ncols <= 16 && !ogi__plan_holds_run(pr, g);
}

void
ogi__plan_infer_blanks(ogi__plan_t *p, const ogi__table_t *g)
{
    int part[OGI__PLAN_MAX_ROWS], aligned[OGI_TABLE_COUNT] = {0};
    int grid_part[OGI__PLAN_MAX_ROWS];
    int cut[OGI_TABLE_COUNT], clipped[OGI_TABLE_COUNT];
    tail_t tails[OGI__PLAN_MAX_ROWS];
    int moved[OGI__PLAN_MAX_ROWS] = {0}; /* rows placed or cut below */
    for (size_t i = 0; i < p->n; i++)
        tail_set(&p->rows[i], g, &tails[i]);
    last_column_cut(p, tails, cut);
    last_column_clipped(p, tails, cut, clipped);
    /* what each row's turn below does: a row's turn changes that row
     * only, so it is known beforehand. The parts are read only to place a
     * short row, and most tables have none: found (on the rows as they
     * came, before any is placed) only when one row at least will be. */
    enum { ROW_KEEP, ROW_CUT, ROW_PLACE } todo[OGI__PLAN_MAX_ROWS];
    int placing = 0;
    for (size_t i = 0; i < p->n; i++) {
        todo[i] = cut_short(&p->rows[i], g, cut) ? ROW_CUT
                  : to_place(&p->rows[i], g)     ? ROW_PLACE
                                                 : ROW_KEEP;
        placing |= todo[i] == ROW_PLACE;
    }
    if (placing)
        ogi__plan_find_parts(p, g, part, grid_part);
    for (size_t i = 0; i < p->n; i++) {
        ogi__prow_t *pr = &p->rows[i];
        size_t nc = pr->ncols;
        if (todo[i] == ROW_CUT) {
            pr->toks[pr->ntoks++] = OGI__PLAN_CUT;
            moved[i] = 1;
            continue;
        }
        if (todo[i] != ROW_PLACE)
            continue;
        uint32_t placed[16];
        /* the columns of the row's part, else of its block of rows that
         * fit one grid (pdftotext -layout's blocks within a part) */
        if (ogi__plan_cluster_columns(p, g, part, i, 0, placed) ||
            ogi__plan_cluster_columns(p, g, grid_part, i, 1, placed)) {
            memcpy(pr->toks, placed, nc * sizeof(placed[0]));
            pr->ntoks = nc;
            aligned[pr->table] = 1;
            total_to_last(pr, g);
            moved[i] = 1;
            continue;
        }
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
        total_to_last(pr, g);
        moved[i] = 1;
    next:;
    }
    for (size_t i = 0; i < p->n; i++)
        if (moved[i])
            tail_set(&p->rows[i], g, &tails[i]);
    int edge[OGI_TABLE_COUNT];
    edge_gaps(p, tails, cut, clipped, edge);
    /* in a table cut at the paper's edge, a last cell the columns'
     * positions left blank, or whose value is the first digits of the
     * row's sum, is the one cut off */
    for (size_t i = 0; i < p->n; i++) {
        ogi__prow_t *pr = &p->rows[i];
        if (edge[pr->table] && only_last_gap(pr, g)) {
            pr->toks[pr->ntoks - 1] = OGI__PLAN_CUT;
            continue;
        }
        if ((cut[pr->table] || clipped[pr->table]) && !pr->group &&
            pr->ntoks == pr->ncols && runless(pr, g) &&
            ((cut[pr->table] && pr->toks[pr->ntoks - 1] == OGI__PLAN_GAP) ||
             (clipped[pr->table] && last_blank(pr, g)) ||
             (last_cut_short(pr, g) &&
              (cut[pr->table] || last_value(pr, g) > 0))))
            pr->toks[pr->ntoks - 1] = OGI__PLAN_CUT;
    }
    /* where the values' columns were seen, a row whose label is there
     * and no value at all is a row of blank cells (（六）其他处理 as one
     * row is the label of its sub-rows as well) */
    for (size_t i = 0; i < p->n; i++) {
        ogi__prow_t *pr = &p->rows[i];
        if (!aligned[pr->table] || pr->group || !pr->labelled ||
            pr->ntoks || pr->ncols > OGI__PLAN_MAX_TOKS ||
            (ogi_skeleton_table(pr->table)->rows[pr->row].flags &
             OGI_ROW_OTHER1))
            continue;
        while (pr->ntoks < pr->ncols)
            pr->toks[pr->ntoks++] = OGI__PLAN_GAP;
    }
}

