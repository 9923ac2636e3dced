/*
 * place_columns.c - the columns a table's rows show where a layout of
 * aligned columns lost blank cells (place_blanks.c): the table's parts
 * (a part anew at each repeated header or page break), the grids of
 * pdftotext -layout's blocks within a part, and the clusters of the
 * values' display spans that place a short row's values.
 */
#include "ogi_int.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "place_int.h"

/* The offset of row pr's first cell that is not a gap, or UINT32_MAX. */
static uint32_t
row_off(const ogi__table_t *g, const ogi__prow_t *pr)
{
    for (size_t v = 0; v < pr->ntoks; v++)
        if (pr->toks[v] < OGI__PLAN_CUT)
            return g->cells[pr->toks[v]].off;
    return UINT32_MAX;
}

#define HEADERS_MAX 64

/* 1 when row rec of g is a header's line: four labels or more and no
 * value. */
static int
is_header(const ogi__table_t *g, const ogi__row_t *rec)
{
    size_t labels = 0;
    /* most rows hold values: told at the first */
    for (size_t i = rec->first; i < rec->first + rec->count; i++) {
        ogi__cell_kind_t kind = g->cells[i].kind;
        if (kind == OGI__CELL_VALUE || kind == OGI__CELL_RUN)
            return 0;
        labels += kind == OGI__CELL_LABEL;
    }
    return labels >= 4;
}

/* The offsets of g's rows that are a header's line (four labels or more
 * and no value), in *n; -1 when there are more than HEADERS_MAX. */
static int
header_rows(const ogi__table_t *g, uint32_t *off, size_t *n)
{
    *n = 0;
    for (size_t r = 0; r < g->nrows; r++) {
        const ogi__row_t *rec = &g->rows[r];
        if (rec->count == 0)
            continue;
        if (is_header(g, rec)) {
            if (*n == HEADERS_MAX)
                return -1;
            off[(*n)++] = g->cells[rec->first].off;
        }
    }
    return 0;
}

/*
 * 1 when the rows at offsets a < b of g lie in two parts of a table:
 * a header's line between them (four labels or more and no value: a
 * table cut by a page break repeats its header) or three empty lines in
 * a row (a table set as two; a tall row leaves two). Parts may set their
 * columns apart. hdr[0..nhdr): the offsets of g's header lines
 * (header_rows), or NULL to look at every row.
 */
static int
part_break(const ogi__table_t *g, const uint32_t *hdr, size_t nhdr,
           uint32_t a, uint32_t b)
{
    for (size_t h = 0; hdr && h < nhdr; h++)
        if (hdr[h] > a && hdr[h] < b)
            return 1;
    for (size_t r = 0; !hdr && r < g->nrows; r++) {
        const ogi__row_t *rec = &g->rows[r];
        if (rec->count == 0 || g->cells[rec->first].off <= a ||
            g->cells[rec->first].off >= b)
            continue;
        if (is_header(g, rec))
            return 1;
    }
    const ogi_text_t *t = g->text;
    size_t lo = 0, hi = t->nlines; /* the first line starting after a */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->lines[mid].start <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t l = lo, empty = 0; l < t->nlines && t->lines[l].start < b;
         l++) {
        empty = ogi__table_is_empty_line(t, l) ? empty + 1 : 0;
        if (empty == 3)
            return 1;
    }
    return 0;
}

/* The display columns of token tok into *x0, *x1: 1 when known. */
static int tok_span(const ogi__table_t *g, uint32_t tok, int *x0, int *x1);

/* 1 when row pr holds a run of digits with a leading zero ("000000":
 * the values of several cells set together, which the splitter parts,
 * never the columns' positions). */
int
ogi__plan_holds_run(const ogi__prow_t *pr, const ogi__table_t *g)
{
    for (size_t v = 0; v < pr->ntoks; v++) {
        if (pr->toks[v] >= OGI__PLAN_CUT)
            continue;
        const ogi__cell_t *c = &g->cells[pr->toks[v]];
        if (c->kind != OGI__CELL_RUN || c->n < 2 || c->s[0] != '0')
            continue;
        size_t k = 0;
        while (k < c->n && c->s[k] >= '0' && c->s[k] <= '9')
            k++;
        if (k == c->n)
            return 1;
    }
    return 0;
}

/* The columns a part of a table's rows has shown so far: clusters of its
 * values' spans that touch, left to right. */
typedef struct {
    int x0[16], x1[16];
    size_t n;
} grid_t;

/*
 * Adds the values of row pr to grid gr (of its table, in its part) when
 * they fit it: each value touching one column of it at most, no two of
 * them in one, no more columns than the row has. A converter that lays a
 * page out as a grid of characters (pdftotext -layout) may set the rows
 * of one table in blocks that place its columns apart (a block's labels
 * of wide characters push its values left): a row that does not fit
 * starts another part. Returns 1 when added (gr updated), 0 when not.
 */
static int
grid_add(grid_t *gr, const ogi__prow_t *pr, const ogi__table_t *g)
{
    if (pr->group || pr->ntoks < 2 || pr->ntoks > pr->ncols ||
        pr->ncols > 16 || ogi__plan_holds_run(pr, g))
        return 1;
    grid_t n = *gr;
    int hit[16] = {0};
    for (size_t v = 0; v < pr->ntoks; v++) {
        int x0, x1;
        if (!tok_span(g, pr->toks[v], &x0, &x1))
            return 1; /* not measured: says nothing of the columns */
        size_t at = 16, touch = 0;
        for (size_t k = 0; k < n.n; k++)
            if (x0 <= n.x1[k] && n.x0[k] <= x1) {
                touch++;
                at = k;
            }
        if (touch > 1 || (touch == 1 && hit[at]))
            return 0;
        if (touch == 1) {
            n.x0[at] = x0 < n.x0[at] ? x0 : n.x0[at];
            n.x1[at] = x1 > n.x1[at] ? x1 : n.x1[at];
            hit[at] = 1;
            continue;
        }
        if (n.n == pr->ncols)
            return 0;
        size_t k = n.n++;
        for (; k > 0 && n.x0[k - 1] > x0; k--) {
            n.x0[k] = n.x0[k - 1];
            n.x1[k] = n.x1[k - 1];
            hit[k] = hit[k - 1];
        }
        n.x0[k] = x0;
        n.x1[k] = x1;
        hit[k] = 1;
    }
    *gr = n;
    return 1;
}

/* part[k]: the part of the tables row k of plan p lies in (rows in
 * printed order, a new part at each part_break), or -1 with no cell;
 * grid_part[k] the same with also a new part where a row's values do not
 * fit the columns its table's rows of the part showed. One pass for both:
 * they share the order and the breaks. */
void
ogi__plan_find_parts(const ogi__plan_t *p, const ogi__table_t *g, int *part,
                     int *grid_part)
{
    size_t order[OGI__PLAN_MAX_ROWS], n = 0;
    uint32_t off[OGI__PLAN_MAX_ROWS];
    for (size_t k = 0; k < p->n; k++) {
        off[k] = row_off(g, &p->rows[k]);
        part[k] = -1;
        grid_part[k] = -1;
        if (off[k] == UINT32_MAX)
            continue;
        size_t j = n++;
        for (; j > 0 && off[order[j - 1]] > off[k]; j--)
            order[j] = order[j - 1];
        order[j] = k;
    }
    /* the header lines, found once for all the pairs */
    uint32_t hdr[HEADERS_MAX];
    size_t nhdr;
    int many = header_rows(g, hdr, &nhdr) < 0;
    int id = 0, gid = 0;
    grid_t grid[OGI_TABLE_COUNT];
    memset(grid, 0, sizeof(grid));
    for (size_t i = 0; i < n; i++) {
        const ogi__prow_t *pr = &p->rows[order[i]];
        if (i) {
            int brk = part_break(g, many ? NULL : hdr, nhdr,
                                 off[order[i - 1]], off[order[i]]);
            id += brk;
            if (brk || !grid_add(&grid[pr->table], pr, g)) {
                gid++;
                memset(grid, 0, sizeof(grid));
                grid_add(&grid[pr->table], pr, g);
            }
        }
        part[order[i]] = id;
        grid_part[order[i]] = gid;
    }
}

#define SPANS_MAX (OGI__PLAN_MAX_ROWS * 16)

typedef struct {
    int x0, x1;
} span_t;

static int
by_x0(const void *a, const void *b)
{
    const span_t *p = a, *q = b;
    return (p->x0 > q->x0) - (p->x0 < q->x0);
}

/* The column of clusters c[0..n) that span [x0, x1) overlaps, or -1. */
static long
cluster_of(const span_t *c, size_t n, int x0, int x1)
{
    for (size_t k = 0; k < n; k++)
        if (x0 < c[k].x1 && c[k].x0 < x1)
            return (long)k;
    return -1;
}

/* The display columns of token tok into *x0, *x1: 1 when known. */
static int
tok_span(const ogi__table_t *g, uint32_t tok, int *x0, int *x1)
{
    if (tok >= OGI__PLAN_CUT)
        return 0;
    ogi__table_cell_columns(g->text, &g->cells[tok], x0, x1);
    return *x0 >= 0 && *x1 > *x0;
}

/* The columns col[0..] (at most max) the values of the rows use[k] of p
 * fall in: clusters of spans that overlap or touch (a column's values
 * set left, centred or right; cells of a line are a space apart at
 * least), left to right. Returns their count, or max + 1 when there are
 * more. */
static size_t
clusters(const ogi__plan_t *p, const ogi__table_t *g, const int *use,
         span_t *col, size_t max)
{
    span_t sp[SPANS_MAX];
    size_t n = 0, nk = 0;
    for (size_t k = 0; k < p->n; k++)
        for (size_t v = 0; use[k] && v < p->rows[k].ntoks && n < SPANS_MAX;
             v++)
            if (tok_span(g, p->rows[k].toks[v], &sp[n].x0, &sp[n].x1))
                n++;
    qsort(sp, n, sizeof(sp[0]), by_x0);
    for (size_t k = 0; k < n; k++) {
        if (nk && sp[k].x0 <= col[nk - 1].x1) {
            if (sp[k].x1 > col[nk - 1].x1)
                col[nk - 1].x1 = sp[k].x1;
            continue;
        }
        if (nk == max)
            return max + 1;
        col[nk++] = sp[k];
    }
    return nk;
}

/* 1 when the values of row pr fall one to a column of col[0..nk), left
 * to right. */
static int
in_order(const ogi__prow_t *pr, const ogi__table_t *g, const span_t *col,
         size_t nk)
{
    long last = -1;
    for (size_t v = 0; v < pr->ntoks; v++) {
        int x0, x1;
        if (!tok_span(g, pr->toks[v], &x0, &x1))
            continue;
        long c = cluster_of(col, nk, x0, x1);
        if (c <= last)
            return 0;
        last = c;
    }
    return 1;
}

/*
 * Where no row came whole, the values of the rows together show the
 * columns: a value stands in its column (left-aligned, centred or
 * right-aligned, the values of one column overlap), and the values of
 * the rows of row i's part of its table fall in clusters of overlapping
 * spans. When they are nc clusters and each row has at most one value in
 * each, in order, they are the columns; a few rows given the values of
 * another as well (a label not seen) are left out and the clusters taken
 * again (by_line: when each of them is on a line of its own and the
 * columns are shared, seen_twice). Row i's
 * values go to their columns, in toks (nc of them, gaps
 * for the rest). Returns 1 when placed so, else 0.
 */
/* 1 when the cells of rows a and b of p (printed in that order or the
 * other) are on lines of their own: a newline between them. */
static int
apart(const ogi__plan_t *p, const ogi__table_t *g, size_t a, size_t b)
{
    uint32_t a0 = UINT32_MAX, a1 = 0, b0 = UINT32_MAX, b1 = 0;
    for (size_t v = 0; v < p->rows[a].ntoks; v++)
        if (p->rows[a].toks[v] < OGI__PLAN_CUT) {
            const ogi__cell_t *c = &g->cells[p->rows[a].toks[v]];
            a0 = c->off < a0 ? c->off : a0;
            a1 = c->off + c->len > a1 ? c->off + c->len : a1;
        }
    for (size_t v = 0; v < p->rows[b].ntoks; v++)
        if (p->rows[b].toks[v] < OGI__PLAN_CUT) {
            const ogi__cell_t *c = &g->cells[p->rows[b].toks[v]];
            b0 = c->off < b0 ? c->off : b0;
            b1 = c->off + c->len > b1 ? c->off + c->len : b1;
        }
    if (a0 == UINT32_MAX || b0 == UINT32_MAX)
        return 1;
    uint32_t lo = a1 <= b0 ? a1 : b1, hi = a1 <= b0 ? b0 : a0;
    if (hi < lo || hi > g->text->len)
        return 0; /* the rows' cells interleave */
    return memchr(g->text->s + lo, '\n', hi - lo) != NULL;
}

/* 1 when a third of the columns of col[0..nk) at least hold values of
 * two rows use[k] of p or more: columns that rows share, not the chance
 * places of a row's values each. */
static int
seen_twice(const ogi__plan_t *p, const ogi__table_t *g, const int *use,
           const span_t *col, size_t nk)
{
    size_t seen[16] = {0};
    for (size_t k = 0; k < p->n; k++)
        for (size_t v = 0; use[k] && v < p->rows[k].ntoks; v++) {
            int x0, x1;
            if (!tok_span(g, p->rows[k].toks[v], &x0, &x1))
                continue;
            long c = cluster_of(col, nk, x0, x1);
            if (c >= 0)
                seen[c]++;
        }
    size_t once = 0;
    for (size_t c = 0; c < nk; c++)
        once += seen[c] < 2;
    return 3 * once <= 2 * nk;
}

/*
 * Places short row i of plan p by the columns the rows of its part show
 * (part[]: ogi__plan_find_parts's part or grid_part): the display spans
 * of the values of its table's rows there, clustered, must give exactly
 * the row's column count, in order on every row used (a third of them
 * may be dropped as out of order); with by_line, the rows must also stand
 * on lines of their own and most columns show in two rows or more. The
 * row's values go to the clusters they overlap, gaps between: toks[0..
 * ncols). Returns 1 when placed, else 0 (toks undefined).
 */
int
ogi__plan_cluster_columns(const ogi__plan_t *p, const ogi__table_t *g,
                          const int *part, size_t i, int by_line,
                          uint32_t *toks)
{
    const ogi__prow_t *pr = &p->rows[i];
    size_t nc = pr->ncols, used = 0, dropped = 0;
    int use[OGI__PLAN_MAX_ROWS] = {0};
    for (size_t k = 0; k < p->n; k++) {
        const ogi__prow_t *q = &p->rows[k];
        if (q->table != pr->table || q->group || q->ntoks == 0 ||
            q->ntoks > nc || part[k] != part[i])
            continue;
        size_t v = 0;
        for (int x0, x1; v < q->ntoks; v++)
            if (q->toks[v] != OGI__PLAN_GAP && !tok_span(g, q->toks[v], &x0, &x1))
                break;
        use[k] = v == q->ntoks;
        used += (size_t)use[k];
    }
    if (!use[i])
        return 0;
    /* columns of characters are the lines': rows run together on one
     * line (a crawler's text) show none */
    for (size_t k = 0; by_line && k < p->n; k++)
        for (size_t j = k + 1; use[k] && j < p->n; j++)
            if (use[j] && !apart(p, g, k, j))
                return 0;
    span_t col[16];
    size_t nk = clusters(p, g, use, col, nc);
    if (nk != nc || (by_line && !seen_twice(p, g, use, col, nk)))
        return 0;
    for (size_t k = 0; k < p->n; k++)
        if (use[k] && !in_order(&p->rows[k], g, col, nk)) {
            if (k == i)
                return 0;
            use[k] = 0;
            dropped++;
        }
    if (dropped) {
        if (3 * dropped > used || clusters(p, g, use, col, nc) != nc)
            return 0;
        for (size_t k = 0; k < p->n; k++)
            if (use[k] && !in_order(&p->rows[k], g, col, nk))
                return 0;
    }
    size_t j = 0;
    for (size_t v = 0; v < pr->ntoks; v++) {
        int x0, x1;
        tok_span(g, pr->toks[v], &x0, &x1);
        long c = cluster_of(col, nk, x0, x1);
        if (c < (long)j)
            return 0;
        while (j < (size_t)c)
            toks[j++] = OGI__PLAN_GAP;
        toks[j++] = pr->toks[v];
    }
    while (j < nc)
        toks[j++] = OGI__PLAN_GAP;
    return 1;
}
