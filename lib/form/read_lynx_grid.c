/*
 * read_lynx_grid.c - the grid lynx aligned a table's rows on
 * (read_lynx_int.h): the characters two rows or more start a value at,
 * a value a little past its column's start, a lone row under its
 * headings read by where the heading words start, and the widest row's
 * cells where no grid shows.
 */
#include "ogi_int.h"

#include <string.h>

#include "ogi/error.h"
#include "read_lynx_int.h"

/* The column of the grid a value starting at character c falls in:
 * the last whose first character is at most c, or ngrid when c is
 * before the first. */
static size_t
grid_col(const rd_t *r, uint32_t c)
{
    size_t g = r->ngrid;
    while (g > 0 && r->grid[g - 1] > c)
        g--;
    return g == 0 ? r->ngrid : g - 1;
}

/*
 * Where lynx kept its grid (a table it could lay out), every cell of a
 * row starts where its column does; a value starts there or a character
 * or two later (region_grid). A blank cell is a column the row has nothing
 * in. 1 when all the values after w's last text word fall in columns of
 * the grid after that word, one each: gapk[i] then receives the blank
 * columns before word i and *tail those after the last.
 */
int
ogi__lynx_on_grid(const rd_t *r, const word_t *w, size_t n, size_t *gapk,
                  size_t *tail)
{
    size_t v = ogi__lynx_trailing_values(w, n);
    size_t first = n - v;
    size_t next = 0; /* the first column the next value may take */
    if (first) {
        size_t g = grid_col(r, w[first - 1].c1);
        next = g == r->ngrid ? 0 : g + 1;
    }
    size_t k[MAX_WORDS];
    for (size_t i = first; i < n; i++) {
        size_t g = grid_col(r, w[i].c0);
        if (g == r->ngrid || g < next || w[i].c0 - r->grid[g] > GRID_SLACK)
            return 0;
        /* lynx pads each cell to its column's width and a space: a
         * value covering the next column's first character is laid out
         * by its own text, no grid */
        if (g + 1 < r->ngrid && w[i].c1 > r->grid[g + 1])
            return 0;
        k[i] = g - next;
        next = g + 1;
    }
    for (size_t i = first; i < n; i++)
        gapk[i] = k[i];
    *tail = r->ngrid - next;
    return 1;
}

/*
 * A row line right under the headings of its table's columns, in a
 * table too short for its rows to show lynx's grid (one row under its
 * headings, 第二十条第（九）项's): lynx lays the headings out on the
 * grid too, each where its column starts, so the columns are the
 * characters the heading lines above start words at. 1 when every value
 * falls in one of them after the row's label, one each (on_grid), gapk
 * and *tail then the blank columns before each and after the last; 0
 * where no headings say so.
 */
int
ogi__lynx_head_grid(const rd_t *r, size_t l, const word_t *w, size_t n,
                    size_t *gapk, size_t *tail)
{
    const ogi_text_t *t = r->t;
    rd_t h = *r;
    uint8_t at[GRID_SPAN];
    memset(at, 0, sizeof(at));
    /* the words of the lines below the one being read, [0, nlow) */
    word_t low[HEAD_LINES * MAX_WORDS];
    size_t nlow = 0, lines = 0;
    for (size_t k = l; k-- > 0 && lines < HEAD_LINES;) {
        if (ogi__table_is_empty_line(t, k) || ogi__table_is_page_line(t, k))
            break;
        word_t *hw = low + nlow;
        size_t m = ogi__lynx_line_words(t, k, hw, MAX_WORDS);
        for (size_t i = 0; i < m; i++) {
            if (hw[i].value)
                return 0;
            /* a heading over words of a line below (a group's, over
             * its columns: 行政复议 over 结果维持 ... 总计) starts no
             * column of its own */
            int over = 0;
            for (size_t j = 0; j < nlow && !over; j++)
                over = hw[i].c0 < low[j].c1 && low[j].c0 < hw[i].c1;
            if (!over && hw[i].c0 < GRID_SPAN)
                at[hw[i].c0] = 1;
        }
        nlow += m;
        lines++;
    }
    if (!lines)
        return 0;
    h.ngrid = 0;
    for (uint32_t c = 0; c < GRID_SPAN; c++) {
        if (!at[c])
            continue;
        if (h.ngrid == MAX_COLS)
            return 0;
        h.grid[h.ngrid++] = c;
    }
    return ogi__lynx_on_grid(&h, w, n, gapk, tail);
}

/* The cells a row line's gaps say it has after its last text word: each
 * value, and (g - 1) / 2 cells of &nbsp; in a gap of g spaces, the one
 * after the label too where it is narrow (at most two cells). */
static size_t
gap_cells(const word_t *w, size_t n, size_t v)
{
    size_t k = v;
    for (size_t i = n - v > 0 ? n - v : 1; i < n; i++) {
        uint32_t g = w[i].c0 - w[i - 1].c1;
        /* past the label, a wide gap is a column lynx padded */
        if (g >= 3 && (i > n - v || g <= 5))
            k += (g - 1) / 2;
    }
    return k;
}

/*
 * How many cells the region's rows have, where at least three rows have
 * values: the most any row shows; into *by_gaps, more where most rows
 * say so by their gaps (two at least, and over twice the rows showing
 * that most), else 0. A table where every row has a blank cell shows no row
 * whole; &nbsp; typed around values widens a gap now and then, not in most rows
 * alike. Where lynx kept its grid, the gaps are its padding: that is for
 * the caller to tell.
 */
size_t
ogi__lynx_region_width(const ogi_text_t *t, size_t l0, size_t l1,
                       size_t *by_gaps)
{
    word_t w[MAX_WORDS];
    size_t width = 0, rows = 0;
    uint8_t says[MAX_COLS + 1] = {0};
    for (size_t l = l0; l < l1; l++) {
        if (ogi__table_is_empty_line(t, l))
            continue;
        size_t n = ogi__lynx_line_words(t, l, w, MAX_WORDS);
        size_t v = ogi__lynx_trailing_values(w, n);
        if (v < 2 || v == n)
            continue;
        rows++;
        if (v > width)
            width = v;
        size_t k = gap_cells(w, n, v);
        if (k <= MAX_COLS && says[k] < 255)
            says[k]++;
    }
    size_t most = 0;
    for (size_t k = 1; k <= MAX_COLS; k++)
        if (says[k] >= 2 && says[k] >= says[most])
            most = k;
    size_t whole = 0; /* rows showing width values */
    for (size_t l = l0; l < l1 && most > width; l++) {
        if (ogi__table_is_empty_line(t, l))
            continue;
        size_t n = ogi__lynx_line_words(t, l, w, MAX_WORDS);
        size_t v = ogi__lynx_trailing_values(w, n);
        whole += v == width && v < n;
    }
    *by_gaps = rows >= 3 && most > width && says[most] > 2 * whole ? most : 0;
    return rows >= 3 && width <= MAX_COLS ? width : 0;
}

/*
 * The grid of the value columns of lines [l0, l1) (see on_grid), or
 * none (r->ngrid 0). A column starts where two rows or more start a
 * value there or a character later, but one character after such a
 * column's start: that is a value moved on
 * by a no-break space typed before it, or by a cell before it wider than
 * lynx made its column (it sizes columns by the rows it has seen, and a
 * row under a cell spanning rows counts its cells from another column).
 * A grid is one where every row (but one whose label reaches into the
 * columns) has its values fall in columns one each, each at most
 * GRID_SLACK characters past the column's start, with at least as many
 * columns as the widest row has values and at most GRID_MORE more.
 */
int
ogi__lynx_region_grid(rd_t *r, size_t l0, size_t l1)
{
    const ogi_text_t *t = r->t;
    r->ngrid = 0;
    if (!r->width)
        return 0;
    uint8_t *hits = ogi_arena_alloc(r->tb->arena, GRID_SPAN);
    if (!hits)
        return OGI_ENOMEM;
    memset(hits, 0, GRID_SPAN);
    word_t w[MAX_WORDS];
    size_t rows = 0;
    for (size_t l = l0; l < l1; l++) {
        if (ogi__table_is_empty_line(t, l))
            continue;
        size_t n = ogi__lynx_line_words(t, l, w, MAX_WORDS);
        size_t v = ogi__lynx_trailing_values(w, n);
        if (v < 2 || v == n)
            continue;
        rows++;
        for (size_t i = n - v; i < n; i++)
            if (w[i].c0 < GRID_SPAN && hits[w[i].c0] < 255)
                hits[w[i].c0]++;
    }
    if (rows < 2)
        return 0;
    size_t ng = 0;
    for (uint32_t c = 0; c < GRID_SPAN; c++) {
        if (!hits[c] || (ng && r->grid[ng - 1] + 1 == c) ||
            hits[c] + (c + 1 < GRID_SPAN ? hits[c + 1] : 0) < 2)
            continue;
        if (ng == MAX_COLS)
            return 0;
        r->grid[ng++] = c;
    }
    if (ng < r->width || ng > r->width + GRID_MORE)
        return 0;
    r->ngrid = ng;
    /* every row on it, but one whose label reaches into the columns: a
     * label spanning columns lynx could not lay out, its cells after it */
    size_t gapk[MAX_WORDS], tail, past = 0, touch = 0;
    for (size_t l = l0; l < l1; l++) {
        if (ogi__table_is_empty_line(t, l))
            continue;
        size_t n = ogi__lynx_line_words(t, l, w, MAX_WORDS);
        size_t v = ogi__lynx_trailing_values(w, n);
        if (v < 2 || v == n)
            continue;
        if (w[n - v - 1].c1 >= r->grid[0]) {
            past++;
            continue;
        }
        if (!ogi__lynx_on_grid(r, w, n, gapk, &tail)) {
            r->ngrid = 0;
            return 0;
        }
        for (size_t i = n - v; i < n; i++) {
            size_t g = grid_col(r, w[i].c0);
            touch += g + 1 < r->ngrid && w[i].c1 == r->grid[g + 1];
        }
    }
    /* such rows are few: in a text laid out row by row, no grid, every
     * label but the shortest reaches past the first value. Likewise a
     * value running up to the next column's start, no space between:
     * lynx pads a cell to its column and a space, but where a row's cell
     * is wider than the rows before made its column; values set one
     * space apart by their text do it in most rows */
    if (past * 3 > rows || touch * 3 > rows)
        r->ngrid = 0;
    return 0;
}

/*
 * The grid for row line l: lynx lays out each block of lines (between
 * empty lines) of a table it splits on its own, so a block of three
 * rows or more with a grid of its own has it; else the region's.
 */
int
ogi__lynx_block_grid(rd_t *r, size_t l, size_t l0, size_t l1)
{
    const ogi_text_t *t = r->t;
    if (l >= r->b0 && l < r->b1)
        return 0;
    size_t b0 = l, b1 = l + 1;
    while (b0 > l0 && !ogi__table_is_empty_line(t, b0 - 1))
        b0--;
    while (b1 < l1 && !ogi__table_is_empty_line(t, b1))
        b1++;
    r->b0 = b0;
    r->b1 = b1;
    size_t rows = 0;
    word_t w[MAX_WORDS];
    for (size_t k = b0; k < b1; k++) {
        size_t n = ogi__lynx_line_words(t, k, w, MAX_WORDS);
        size_t v = ogi__lynx_trailing_values(w, n);
        rows += v >= 2 && v < n;
    }
    int rc = rows >= 3 ? ogi__lynx_region_grid(r, b0, b1) : 0;
    if (rc)
        return rc;
    r->own = rows >= 3 && r->ngrid;
    if (!r->own) {
        memcpy(r->grid, r->rgrid, sizeof(r->grid));
        r->ngrid = r->nrgrid;
    }
    return 0;
}

/*
 * 1 when lines [l0, l1) are Table 4 as lynx lays it out on its grid
 * (too few lines for the probe's other signs): the last line values
 * only, T4_GRID_MIN of them or more, each in a column the heading
 * lines right above start a word at, counted in characters as lynx
 * counts them (a tool laying text out by display columns puts the
 * values of columns under headings in ideographs about twice as far
 * right), every line indented by lynx's margin.
 */
int
ogi__lynx_t4_grid(const ogi_text_t *t, size_t l0, size_t l1)
{
    size_t l = l1;
    while (l > l0 && ogi__table_is_empty_line(t, l - 1))
        l--;
    if (l == l0)
        return 0;
    l--;
    word_t w[MAX_WORDS];
    size_t n = ogi__lynx_line_words(t, l, w, MAX_WORDS);
    if (n < T4_GRID_MIN || ogi__lynx_trailing_values(w, n) != n)
        return 0;
    for (size_t k = l0; k <= l; k++) {
        const ogi_line_t *ln = &t->lines[k];
        if (ln->end > ln->start &&
            (ln->end - ln->start < 3 || memcmp(t->s + ln->start, "   ", 3)))
            return 0;
    }
    rd_t r = {.t = t};
    size_t gapk[MAX_WORDS], tail;
    return ogi__lynx_head_grid(&r, l, w, n, gapk, &tail);
}
