/*
 * place_appeal.c - Table 4's one row of values into the report's cells
 * (place_int.h): the blanks its header shows where columns are aligned
 * by spaces, and values fitted to the blocks whose parts make each
 * block's total where the text kept no trace of its blank cells (the
 * readings such a text cannot tell apart: place_appeal_tell.c).
 */
#include "ogi_int.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#include "place_int.h"

/*
 * Table 4 has one row of values, so no whole row gives its columns'
 * positions the way Table 3's rows do (place_blanks.c): where columns are
 * aligned by spaces and a cell was left empty, its header shows where
 * the column is. The header's words are laid out in the 15 leaf columns
 * (a leaf's label wrapped over lines stays within its column), under
 * group labels (行政复议, 未经复议直接起诉) that each span several of
 * them. A word overlapping two words below it that do not overlap each
 * other is such a group label and is set aside, and so is a word that
 * meets only group labels (a group label wrapped over lines). What is
 * left falls in clusters of overlapping words: when they are as many as
 * the table's columns, they are its columns.
 */

#define T4_MAX_WORDS 128

typedef struct {
    int x0, x1;  /* display columns [x0, x1) */
    int group;   /* a group label's, or only under one */
    int one;     /* one character: a wrapped label's last piece */
    size_t line; /* the header record it is on */
} hword_t;

/* Appends the words of label cell c with their display columns to w[*n]
 * (at most max); a cell whose text's width is not its span (text folded
 * from full-width forms) is one word. */
static void
header_words(const ogi__table_t *g, const ogi__cell_t *c, hword_t *w, size_t *n,
             size_t max)
{
    int x0, x1;
    ogi__table_cell_columns(g->text, c, &x0, &x1);
    if (x0 < 0 || x1 <= x0 || *n == max)
        return;
    const char *p = c->s, *end = c->s + c->n;
    int width = 0;
    while (p < end) {
        uint32_t cp;
        size_t k = ogi_utf8_decode(p, end, &cp);
        if (!k)
            k = 1, cp = '?';
        width += ogi__table_cp_width(cp);
        p += k;
    }
    if (width != x1 - x0) {
        uint32_t first;
        size_t k = ogi_utf8_decode(c->s, end, &first);
        w[(*n)++] = (hword_t){x0, x1, 0, k > 0 && k == c->n, 0};
        return;
    }
    int x = x0, in = 0;
    for (p = c->s; p < end && *n < max;) {
        uint32_t cp;
        size_t k = ogi_utf8_decode(p, end, &cp);
        if (!k)
            k = 1, cp = '?';
        int cw = ogi__table_cp_width(cp);
        if (cp == ' ') {
            in = 0;
        } else if (!in) {
            w[(*n)++] = (hword_t){x, x + cw, 0, 1, 0};
            in = 1;
        } else {
            w[*n - 1].x1 = x + cw;
            w[*n - 1].one = 0;
        }
        x += cw;
        p += k;
    }
}

static int
overlap(const hword_t *a, const hword_t *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1;
}

/*
 * The columns [lo[k], hi[k]) of the header in records [0, upto) of g,
 * when they are ncols (at most OGI_T4_CELLS; lo and hi hold one more,
 * see above). Returns 1 when they are. skip_one:
 * words of one character left out (pdftotext -layout sets a leaf's
 * label wrapped in its narrow column, "结果维" over "持", and the last
 * piece where the characters before it push it, off its column).
 */
static int
header_columns(const ogi__table_t *g, size_t upto, size_t ncols, int *lo,
               int *hi, int skip_one)
{
    hword_t w[T4_MAX_WORDS];
    size_t n = 0, line[T4_MAX_WORDS];
    if (ncols > OGI_T4_CELLS)
        return 0;
    for (size_t ri = 0; ri < upto; ri++) {
        const ogi__row_t *rec = &g->rows[ri];
        if (rec->prosey)
            continue;
        size_t from = n;
        for (size_t i = 0; i < rec->count; i++)
            if (g->cells[rec->first + i].kind == OGI__CELL_LABEL)
                header_words(g, &g->cells[rec->first + i], w, &n, T4_MAX_WORDS);
        for (size_t k = from; k < n; k++)
            line[k] = w[k].line = ri;
        if (!skip_one)
            continue;
        size_t kept = from;
        for (size_t k = from; k < n; k++)
            if (!w[k].one)
                w[kept++] = w[k];
        n = kept;
    }
    /* group labels: the words they overlap below them do not all
     * overlap (a group label lies above its leaves; a leaf's label that
     * strays under a group label's overflow, "尚未审" under "后起诉",
     * meets it above and its own last piece below) */
    for (size_t i = 0; i < n; i++) {
        int end_min = INT_MAX, start_max = INT_MIN;
        for (size_t j = 0; j < n; j++) {
            if (j == i || w[j].line <= w[i].line || !overlap(&w[i], &w[j]))
                continue;
            if (w[j].x1 < end_min)
                end_min = w[j].x1;
            if (w[j].x0 > start_max)
                start_max = w[j].x0;
        }
        w[i].group = end_min <= start_max;
    }
    /* a group label wrapped over lines: its other lines lie within it,
     * starting where it does or centred as it is, and meet no leaf */
    int under[T4_MAX_WORDS];
    for (size_t i = 0; i < n; i++) {
        int leaf = 0, part = 0;
        for (size_t j = 0; j < n && !w[i].group; j++) {
            if (j == i || !overlap(&w[i], &w[j]))
                continue;
            if (!w[j].group)
                leaf = 1;
            else if (w[i].x0 >= w[j].x0 && w[i].x1 <= w[j].x1 &&
                     (w[i].x0 == w[j].x0 ||
                      abs((w[i].x0 + w[i].x1) - (w[j].x0 + w[j].x1)) <= 2))
                part = 1;
        }
        under[i] = part && !leaf;
    }
    /* the middle one of a group's leaves is centred under it too: a word
     * beside another under the same group on its line is a leaf; so is
     * one below a leaf's top under that group (a group label's lines
     * follow one another: a line between them holds no leaf) */
    int leaf_too[T4_MAX_WORDS] = {0};
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; under[i] && j < n; j++) {
            if (!w[j].group || !overlap(&w[i], &w[j]))
                continue;
            size_t above = line[i] < line[j] ? line[i] : line[j];
            size_t below = line[i] < line[j] ? line[j] : line[i];
            for (size_t k = 0; k < n; k++) {
                if (k == i || w[k].group || !overlap(&w[k], &w[j]))
                    continue;
                if (line[k] == line[i] && !under[k])
                    leaf_too[i] = 1;
                /* not a piece of the group label: not within it */
                if (line[k] > above && line[k] < below &&
                    (w[k].x0 < w[j].x0 || w[k].x1 > w[j].x1))
                    leaf_too[i] = 1;
            }
        }
    for (size_t i = 0; i < n; i++)
        under[i] &= !leaf_too[i];
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!w[i].group && !under[i])
            w[k++] = w[i];
    n = k;
    /* clusters of overlapping words, left to right */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && w[j].x0 < w[j - 1].x0; j--) {
            hword_t t = w[j];
            w[j] = w[j - 1];
            w[j - 1] = t;
        }
    size_t nc = 0, top[OGI_T4_CELLS + 1], bottom[OGI_T4_CELLS + 1];
    for (size_t i = 0; i < n; i++) {
        if (nc && w[i].x0 < hi[nc - 1]) {
            if (w[i].x1 > hi[nc - 1])
                hi[nc - 1] = w[i].x1;
            if (w[i].line < top[nc - 1])
                top[nc - 1] = w[i].line;
            if (w[i].line > bottom[nc - 1])
                bottom[nc - 1] = w[i].line;
            continue;
        }
        if (nc == ncols + 1)
            return 0;
        lo[nc] = w[i].x0;
        hi[nc] = w[i].x1;
        top[nc] = bottom[nc] = w[i].line;
        nc++;
    }
    if (nc != ncols + 1)
        return nc == ncols;
    /* one too many: a group label over two leaves in a column of its own
     * (narrow, centred in the gap between them) meets none of them, but
     * lies above both; leaves share the lines their header is aligned to */
    size_t drop = nc;
    for (size_t c = 1; c + 1 < nc; c++)
        if (bottom[c] < top[c - 1] && bottom[c] < top[c + 1]) {
            if (drop != nc)
                return 0;
            drop = c;
        }
    if (drop == nc)
        return 0;
    memmove(lo + drop, lo + drop + 1, (nc - drop - 1) * sizeof(*lo));
    memmove(hi + drop, hi + drop + 1, (nc - drop - 1) * sizeof(*hi));
    return 1;
}

/*
 * Gives a row of values that came short the blanks its header's columns
 * show: each value goes to the column it lies in (or is nearest to), in
 * order, one value a column; the others are blank. A row whose values
 * cannot be so placed is left as it is.
 */
static void
appeal_blanks(ogi__prow_t *pr, const ogi__table_t *g, size_t rec)
{
    int lo[OGI_T4_CELLS + 1], hi[OGI_T4_CELLS + 1]; /* one spare */
    if (pr->ntoks == 0 || pr->ntoks >= OGI_T4_CELLS ||
        (!header_columns(g, rec, OGI_T4_CELLS, lo, hi, 0) &&
         !header_columns(g, rec, OGI_T4_CELLS, lo, hi, 1)))
        return;
    uint32_t out[OGI_T4_CELLS];
    size_t next = 0;
    for (size_t v = 0; v < pr->ntoks; v++) {
        const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[v]);
        int x0, x1;
        ogi__table_cell_columns(g->text, c, &x0, &x1);
        if (c->kind != OGI__CELL_VALUE || x0 < 0 || x1 <= x0)
            return;
        /* twice the distance of the value's centre from each column */
        long m = (long)x0 + x1, best_d = LONG_MAX;
        size_t best = OGI_T4_CELLS;
        for (size_t k = 0; k < OGI_T4_CELLS; k++) {
            long d = m < 2L * lo[k]    ? 2L * lo[k] - m
                     : m >= 2L * hi[k] ? m - 2L * hi[k] + 1
                                       : 0;
            if (d < best_d) {
                best_d = d;
                best = k;
            }
        }
        if (best < next || OGI_T4_CELLS - best < pr->ntoks - v)
            return;
        while (next < best)
            out[next++] = OGI__PLAN_GAP;
        out[next++] = pr->toks[v];
    }
    while (next < OGI_T4_CELLS)
        out[next++] = OGI__PLAN_GAP;
    memcpy(pr->toks, out, sizeof(out));
    pr->ntoks = OGI_T4_CELLS;
}

/*
 * Table 4's values with its blank cells gone without a trace (a crawler's
 * text of one text node a line, from a page that leaves every zero blank:
 * "5 2 7 8 1 9" for fifteen cells). Each block's parts make its total
 * (D3, a blank cell 0), which leaves few placements. Among them counts go
 * where counts usually are: the earlier blocks first (行政复议 before the
 * suits), and within a block 维持, then 尚未审结, 其他结果, 纠正. The
 * values placed, with P5 when one placement fits and P6 naming how many
 * when several do; none fits: *done 0, the row read as printed.
 */
typedef struct {
    int64_t v[OGI_T4_CELLS];
    size_t n;
    size_t pos[OGI_T4_CELLS], best[OGI_T4_CELLS];
    long best_cost;
    size_t fits, ties;
} fit_t;

static void
fit_walk(fit_t *f, size_t i, size_t from)
{
    if (i == f->n) {
        int64_t cell[OGI_T4_CELLS] = {0};
        for (size_t k = 0; k < f->n; k++)
            cell[f->pos[k]] = f->v[k];
        for (size_t b = 0; b < OGI__T4_BLOCKS; b++) {
            const int64_t *c = cell + b * OGI__T4_BLOCK_COLS;
            if (c[0] + c[1] + c[2] + c[3] != c[4])
                return;
        }
        /* 维持 0, 纠正 3, 其他 2, 尚未审结 1, 总计 0; a later block 10 */
        static const long col_cost[OGI__T4_BLOCK_COLS] = {0, 3, 2, 1, 0};
        long cost = 0;
        for (size_t k = 0; k < f->n; k++)
            cost += (long)(f->pos[k] / OGI__T4_BLOCK_COLS) * 10 +
                    col_cost[f->pos[k] % OGI__T4_BLOCK_COLS];
        f->fits++;
        if (f->fits == 1 || cost < f->best_cost) {
            f->best_cost = cost;
            f->ties = 1;
            memcpy(f->best, f->pos, f->n * sizeof(*f->pos));
        } else if (cost == f->best_cost) {
            f->ties++;
        }
        return;
    }
    for (size_t p = from; p + (f->n - i) <= OGI_T4_CELLS; p++) {
        f->pos[i] = p;
        fit_walk(f, i + 1, p + 1);
    }
}

static int
appeal_fit(ogi_report_t *r, ogi__prow_t *pr, const ogi__table_t *g, size_t lo,
           size_t hi, int *done)
{
    *done = 0;
    fit_t f = {.n = hi - lo};
    if (f.n < 2 || f.n >= OGI_T4_CELLS)
        return 0;
    for (size_t i = 0; i < f.n; i++) {
        const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[lo + i]);
        if (c->kind != OGI__CELL_VALUE || c->num.kind != OGI_NUM_VALUE ||
            c->num.scale || c->num.value < 0)
            return 0; /* a placeholder or a blank: its place is its own */
        f.v[i] = c->num.value;
    }
    fit_walk(&f, 0, 0);
    if (f.fits == 0)
        return 0;
    uint32_t out[OGI_T4_CELLS];
    char shown[OGI_T4_CELLS * 22 + 1];
    size_t w = 0;
    for (size_t k = 0, i = 0; k < OGI_T4_CELLS; k++) {
        int at = i < f.n && f.best[i] == k;
        out[k] = at ? pr->toks[lo + i] : OGI__PLAN_GAP;
        int m =
            at ? snprintf(shown + w, sizeof(shown) - w, "%s%lld", k ? " " : "",
                          (long long)f.v[i++])
               : snprintf(shown + w, sizeof(shown) - w, "%s_", k ? " " : "");
        if (m > 0 && (size_t)m < sizeof(shown) - w)
            w += (size_t)m;
    }
    int rc = f.fits == 1
                 ? ogi_report_add_finding(
                       r, "P5", OGI_SEV_INFO, "appeal",
                       "%zu values for %d cells, blank cells left no trace: "
                       "one placement keeps each block's total; placed %s",
                       f.n, OGI_T4_CELLS, shown)
                 : ogi_report_add_finding(
                       r, "P6", OGI_SEV_WARNING, "appeal",
                       "%zu values for %d cells, blank cells left no trace: "
                       "%zu placements keep each block's total; placed the "
                       "likeliest, %s",
                       f.n, OGI_T4_CELLS, f.fits, shown);
    if (rc)
        return rc;
    memcpy(pr->toks, out, sizeof(out));
    pr->ntoks = OGI_T4_CELLS;
    *done = 1;
    return 0;
}

/*
 * lynx's gaps of one (a blank cell, or &nbsp; typed on both sides of a
 * gap: the same three spaces) among toks[0..n), more of them than the
 * row's missing cells (fill): which of them hold the blanks. Each choice
 * is a reading of the same text; the one placed breaks the fewest
 * blocks' totals (D3, a blank or a placeholder 0), the leftmost gaps
 * among equals, and the others as good that read a block otherwise give
 * its row a P6 naming how many readings there are. take[k]: whether the
 * k-th gap of one holds a blank, as placed.
 */
#define ONES_SHOWN 3 /* other readings of a block named */

typedef struct {
    const ogi__table_t *g;
    const uint32_t *toks;
    size_t n, nones;
    int pick[OGI_T4_CELLS]; /* the gaps of one taken, this reading */
    int best_pick[OGI_T4_CELLS];
    const ogi__cell_t *placed[OGI_T4_CELLS], *cell[OGI_T4_CELLS];
    int best_bad, pass;
    size_t readings;
    int differs[OGI__T4_BLOCKS];
    /* the other readings of each block, "a b _ c d; ...", a few */
    char alt[OGI__T4_BLOCKS][ONES_SHOWN * 80];
    size_t nalt[OGI__T4_BLOCKS];
} ones_t;

/* Appends block b of cells c ("0 _ 不适用 0 0") to s[*w..size). */
static void
ones_show(char *s, size_t size, size_t *w, const ogi__cell_t *const *c)
{
    for (size_t k = 0; k < OGI__T4_BLOCK_COLS; k++) {
        int m = c[k] ? snprintf(s + *w, size - *w, "%s%.*s", k ? " " : "",
                                (int)c[k]->n, c[k]->s)
                     : snprintf(s + *w, size - *w, "%s_", k ? " " : "");
        if (m > 0 && (size_t)m < size - *w)
            *w += (size_t)m;
    }
}

/* Adds block b of the reading o->cell to its others, once each. */
static void
ones_note(ones_t *o, size_t b)
{
    char one[80];
    size_t w = 0;
    one[0] = 0;
    ones_show(one, sizeof(one), &w, o->cell + b * OGI__T4_BLOCK_COLS);
    if (strstr(o->alt[b], one) || o->nalt[b] >= ONES_SHOWN) {
        o->nalt[b] += !strstr(o->alt[b], one) && o->nalt[b] == ONES_SHOWN;
        return;
    }
    size_t len = strlen(o->alt[b]);
    snprintf(o->alt[b] + len, sizeof(o->alt[b]) - len, "%s%s", len ? "; " : "",
             one);
    o->nalt[b]++;
}

/* The cells of the reading o->pick into c, blanks NULL; returns how many
 * blocks have a count for total that is not the sum of the counts
 * before it. */
static int
ones_read(const ones_t *o, const ogi__cell_t **c)
{
    size_t k = 0, j = 0;
    for (size_t i = 0; i < o->n && k < OGI_T4_CELLS; i++) {
        const ogi__cell_t *t = ogi__plan_tok_cell(o->g, o->toks[i]);
        if (t->kind != OGI__CELL_BLANK)
            c[k++] = t;
        else if (t->n == 0)
            c[k++] = NULL;
        else if (t->n == 1 && o->pick[j++])
            c[k++] = NULL;
    }
    while (k < OGI_T4_CELLS)
        c[k++] = NULL;
    int bad = 0;
    for (size_t b = 0; b < OGI__T4_BLOCKS; b++) {
        const ogi__cell_t **x = c + b * OGI__T4_BLOCK_COLS;
        const ogi__cell_t *tot = x[OGI__T4_BLOCK_COLS - 1];
        if (!tot || tot->kind != OGI__CELL_VALUE ||
            tot->num.kind != OGI_NUM_VALUE)
            continue;
        int64_t sum = 0;
        for (size_t q = 0; q + 1 < OGI__T4_BLOCK_COLS; q++)
            if (x[q] && x[q]->kind == OGI__CELL_VALUE &&
                x[q]->num.kind == OGI_NUM_VALUE)
                sum += x[q]->num.value;
        bad += sum != tot->num.value;
    }
    return bad;
}

/* Pass 0: the best reading; pass 1: the blocks the readings as good
 * read otherwise. Taken first: the leftmost reading comes first. */
static void
ones_walk(ones_t *o, size_t i, size_t left)
{
    if (left == 0) {
        for (size_t k = i; k < o->nones; k++)
            o->pick[k] = 0;
        int bad = ones_read(o, o->cell);
        if (o->pass == 0) {
            if (bad < o->best_bad) {
                o->best_bad = bad;
                memcpy(o->best_pick, o->pick, sizeof(o->pick));
            }
            return;
        }
        if (bad > o->best_bad)
            return;
        o->readings++;
        for (size_t b = 0; b < OGI__T4_BLOCKS; b++)
            for (size_t k = 0; k < OGI__T4_BLOCK_COLS; k++)
                if (o->cell[b * OGI__T4_BLOCK_COLS + k] !=
                    o->placed[b * OGI__T4_BLOCK_COLS + k]) {
                    o->differs[b] = 1;
                    ones_note(o, b);
                    break;
                }
        return;
    }
    if (o->nones - i < left)
        return;
    o->pick[i] = 1;
    ones_walk(o, i + 1, left - 1);
    o->pick[i] = 0;
    ones_walk(o, i + 1, left);
}

static int
appeal_tell_ones(ogi_report_t *r, const ogi__table_t *g, const uint32_t *toks,
                 size_t n, size_t ones, size_t fill, int *take)
{
    for (size_t k = 0; k < ones && k < OGI_T4_CELLS; k++)
        take[k] = k < fill;
    if (fill == 0 || ones <= fill || ones > OGI_T4_CELLS)
        return 0;
    ones_t o = {.g = g, .toks = toks, .n = n, .nones = ones};
    o.best_bad = INT_MAX;
    ones_walk(&o, 0, fill);
    memcpy(o.pick, o.best_pick, sizeof(o.pick));
    memcpy(take, o.best_pick, sizeof(o.best_pick));
    ones_read(&o, o.placed);
    o.pass = 1;
    ones_walk(&o, 0, fill);
    for (size_t b = 0; b < OGI__T4_BLOCKS; b++) {
        if (!o.differs[b])
            continue;
        char path[64], placed[80];
        size_t w = 0;
        placed[0] = 0;
        ogi_report_path(OGI_T4, b, -1, path, sizeof(path));
        ones_show(placed, sizeof(placed), &w,
                  o.placed + b * OGI__T4_BLOCK_COLS);
        int rc = ogi_report_add_finding(
            r, "P6", OGI_SEV_WARNING, path,
            "%zu gaps of three spaces (a blank cell, or &nbsp; typed on "
            "both sides) for %zu blank cells: %zu readings break %d "
            "blocks' totals; placed %s (the leftmost gaps), also fits: "
            "%s%s",
            ones, fill, o.readings, o.best_bad, placed, o.alt[b],
            o.nalt[b] > ONES_SHOWN ? "; and more" : "");
        if (rc)
            return rc;
    }
    return 0;
}

int
ogi__place_appeal(ogi_report_t *r, const ogi__table_t *g)
{
    int rc = ogi_report_table_init(r, OGI_T4);
    if (rc)
        return rc;
    /* one flattened row of 15 cells: values after the last text of each
     * record that is not narrative */
    ogi__prow_t *pr = ogi_arena_calloc(r->arena, 1, sizeof(*pr));
    if (!pr)
        return OGI_ENOMEM;
    pr->table = OGI_T4;
    pr->ncols = OGI_T4_CELLS;
    pr->labelled = 1;
    size_t first_rec = 0, recs = 0; /* records that gave values */
    for (size_t ri = 0; ri < g->nrows; ri++) {
        const ogi__row_t *rec = &g->rows[ri];
        size_t from = 0;
        int any_text = 0;
        for (size_t i = 0; i < rec->count; i++)
            if (g->cells[rec->first + i].kind == OGI__CELL_LABEL) {
                from = i + 1;
                any_text = 1;
            }
        if (any_text && rec->prosey)
            continue;
        /* a row of blank cells with no label is a row of Table 4 left
         * blank; a header row's empty cells are merged, not blank */
        if (!ogi__plan_has_value(g, rec, from) &&
            (any_text || !ogi__plan_has_blank(g, rec)))
            continue;
        if (!recs++)
            first_rec = ri;
        ogi__plan_give(pr, g, rec, from);
    }
    if (recs == 1) {
        int done;
        if ((rc = ogi__appeal_by_leaves(r, g, pr->toks, pr->ntoks, first_rec,
                                        &done)))
            return rc;
        if (done)
            return 0;
        if (pr->ntoks < OGI_T4_CELLS)
            ogi__appeal_by_bars(g, pr->toks, &pr->ntoks);
        appeal_blanks(pr, g, first_rec);
    }
    size_t lo = 0, hi = pr->ntoks;
    int lines = ogi__plan_empty_lines(g, pr->toks, hi);
    int gap = ogi__plan_has_gap(g, pr->toks, lo, hi);
    int whole = 0; /* lynx's cells, each blank one an empty line */
    /* gaps without runs: Table 4's one row of values, its cells mostly
     * 0, gives the arithmetic too little to tell where blanks hidden in
     * them were; the cells are read in printed order without them */
    if (gap && !ogi__plan_has_run(g, pr->toks, lo, hi)) {
        /* lynx's line of values: a gap of one (a blank cell, or &nbsp;
         * typed on both sides of a gap) holds its blank where the row
         * comes short, left to right, and the gap ending the line the
         * blank cells lynx trimmed with it */
        int lynx = g->reader && strcmp(g->reader, "lynx") == 0;
        const ogi__cell_t *end = ogi__plan_tok_cell(g, pr->toks[hi - 1]);
        uint32_t trail = pr->toks[hi - 1];
        int trimmed = lynx && end->kind == OGI__CELL_BLANK && end->n > 0;
        size_t fixed = 0, ones = 0;
        for (size_t i = lo; i < hi; i++) {
            const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[i]);
            fixed += c->kind != OGI__CELL_BLANK || c->n == 0;
            ones += lynx && c->kind == OGI__CELL_BLANK && c->n == 1;
        }
        size_t fill = fixed < OGI_T4_CELLS ? OGI_T4_CELLS - fixed : 0;
        if (fill > ones)
            fill = ones;
        /* a cell a paragraph: the empty lines past one between two
         * values are blank cells; when they and the values make the
         * row, each is in its place. When they come short, some blank
         * cells left no empty line (an empty cell lynx skips): the
         * lines no longer tell where the values stood, and the values
         * go as a row that kept no trace of its blanks */
        int bare = lynx && !trimmed && ones == 0 && fixed < OGI_T4_CELLS;
        whole = lynx && fixed == OGI_T4_CELLS && ones == 0;
        int take[OGI_T4_CELLS] = {0};
        if (lynx && (rc = appeal_tell_ones(r, g, pr->toks + lo, hi - lo, ones,
                                           fill, take)))
            return rc;
        size_t kept = 0, one = 0;
        for (size_t i = lo; i < hi; i++) {
            const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[i]);
            if (c->kind != OGI__CELL_BLANK || (c->n == 0 && !bare))
                pr->toks[kept++] = pr->toks[i];
            else if (lynx && c->n == 1 && one < OGI_T4_CELLS && take[one++])
                pr->toks[kept++] = pr->toks[i];
        }
        while (trimmed && kept < OGI_T4_CELLS)
            pr->toks[kept++] = trail;
        hi = pr->ntoks = kept;
        gap = 0;
    }
    while (!gap && hi - lo > OGI_T4_CELLS &&
           ogi__plan_tok_cell(g, pr->toks[hi - 1])->kind == OGI__CELL_BLANK)
        hi--;
    while (!gap && hi - lo > OGI_T4_CELLS &&
           ogi__plan_tok_cell(g, pr->toks[lo])->kind == OGI__CELL_BLANK)
        lo++;
    if ((hi - lo < OGI_T4_CELLS || gap) &&
        ogi__plan_has_run(g, pr->toks, lo, hi)) {
        for (size_t b = 0; b < 3; b++)
            r->tables[OGI_T4].row_found[b] = 1;
        ogi__pending_t pend = {.n = 0};
        if ((rc = ogi__plan_defer(r, g, &pend, OGI_T4, 0, OGI_T4_CELLS,
                                  pr->toks, lo, hi)) ||
            (rc = ogi__plan_split_pending(r, g, &pend)))
            return rc;
        return ogi__appeal_tell_runs(r, g, pr->toks + lo, hi - lo);
    }
    /* the values appeal_fit placed, for the rows they leave undecided */
    uint32_t fitted[OGI_T4_CELLS];
    size_t nfitted = 0;
    if (hi - lo < OGI_T4_CELLS && !gap) {
        int done;
        nfitted = hi - lo;
        if (nfitted < OGI_T4_CELLS)
            memcpy(fitted, pr->toks + lo, nfitted * sizeof(*fitted));
        if ((rc = appeal_fit(r, pr, g, lo, hi, &done)))
            return rc;
        if (done) {
            lo = 0;
            hi = OGI_T4_CELLS;
        }
        /* placed by the blocks' totals alone (the header showed no
         * columns): each block the other placements read otherwise is
         * told on its own row, display columns or not */
        if (!done)
            nfitted = 0;
    }
    /* short of its cells with no trace of the blank ones, and not all
     * counts (a placeholder's place is as lost as a count's): each
     * block's total (D3) places the values, the splitter's free span
     * (defer_free) */
    if (hi - lo < OGI_T4_CELLS && hi > lo && !gap &&
        ogi__plan_no_trace(g, pr->toks + lo, hi - lo)) {
        memmove(pr->toks, pr->toks + lo, (hi - lo) * sizeof(pr->toks[0]));
        pr->ntoks = hi - lo;
        pr->traceless = 1;
        ogi__pending_t pend = {.n = 0};
        int freed = ogi__plan_defer_free(r, g, pr, &pend);
        if (freed < 0)
            return OGI_ENOMEM;
        if (freed) {
            for (size_t b = 0; b < 3; b++)
                r->tables[OGI_T4].row_found[b] = 1;
            if ((rc = ogi__plan_split_pending(r, g, &pend)))
                return rc;
            return ogi__appeal_traceless(g, pr->toks, pr->ntoks)
                       ? ogi__appeal_tell_rows(r, g, pr->toks, pr->ntoks)
                       : 0;
        }
    }
    if (hi - lo > OGI_T4_CELLS && lines) {
        /* as many values as cells among empty lines (ogi__plan_fill_row) */
        size_t nv = 0;
        for (size_t i = lo; i < hi; i++)
            nv += ogi__plan_tok_cell(g, pr->toks[i])->kind != OGI__CELL_BLANK;
        if (nv == OGI_T4_CELLS) {
            size_t k = lo;
            for (size_t i = lo; i < hi; i++)
                if (ogi__plan_tok_cell(g, pr->toks[i])->kind != OGI__CELL_BLANK)
                    pr->toks[k++] = pr->toks[i];
            hi = k;
        }
    }
    {
        size_t n = hi - lo;
        /* short with no trace of its blank cells: moved by the sums,
         * where they may leave several places */
        if (!nfitted && n < OGI_T4_CELLS && !gap &&
            ogi__appeal_traceless(g, pr->toks + lo, n)) {
            nfitted = n;
            memcpy(fitted, pr->toks + lo, n * sizeof(*fitted));
        }
        if (!whole && (rc = ogi__appeal_by_sums(r, g, pr->toks + lo, &n)))
            return rc;
        hi = lo + n;
        if (hi - lo != OGI_T4_CELLS)
            nfitted = 0;
    }
    if (hi - lo != OGI_T4_CELLS) {
        if ((rc = ogi_report_add_finding(
                 r, "P3", OGI_SEV_WARNING, "appeal",
                 "table has %zu cells for %d; cells read in printed order",
                 hi - lo, OGI_T4_CELLS)))
            return rc;
        if (hi - lo > OGI_T4_CELLS)
            hi = lo + OGI_T4_CELLS;
    }
    for (size_t i = lo; i < hi; i++) {
        size_t k = i - lo;
        ogi_cell_t *c = ogi_report_cell(r, OGI_T4, k / 5, k % 5);
        if (!c)
            break;
        if ((rc = ogi__plan_cell_from_tok(r, c, g,
                                          ogi__plan_tok_cell(g, pr->toks[i]))))
            return rc;
        r->tables[OGI_T4].row_found[k / 5] = 1;
    }
    return ogi__appeal_tell_rows(r, g, fitted, nfitted);
}
