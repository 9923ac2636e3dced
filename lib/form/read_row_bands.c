/*
 * read_row_bands.c - the row-lines reader's rows drawn over several lines
 * (read_row_lines.c, reader_int.h): pdftotext -layout's bands.
 */
#include "ogi_int.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#include "reader_int.h"
#include "swar_int.h"

#define BAND_COLS 64 /* columns of one band, at most */

/* ---- rows drawn over several lines (pdftotext -layout) ----
 *
 * A converter that lays a table out on a grid of characters prints a
 * row whose label wraps in a narrow column as a band of lines: the
 * label's pieces above and below the line that holds the values, a group
 * label of an outer column (（六）其他处理) beside them, a placeholder
 * that wraps ("不适" over "用") in its own column, a value set lower in
 * its cell. The band is read back as one row: each piece joins the cell
 * of the value line in whose column it stands, a piece in no cell of that
 * line starts a column of its own, ordered by position.
 */

#define BAND_MAX  12 /* lines of one row, at most */
#define PIECE_MAX 40 /* display columns of a piece: wider is prose */

typedef struct {
    int x0, x1;         /* columns of the first member */
    size_t m[BAND_MAX]; /* cells joined, top to bottom (scratch indices) */
    size_t n;
    size_t main; /* the value line's cell, or SIZE_MAX */
} col_t;

/* A count of code points along a line: the column a converter that
 * sets one character per grid cell (pdftotext -layout) put each at. */
typedef struct {
    size_t i; /* offset reached */
    int x;    /* code points from the line's start to i */
} cp_walk_t;

/* Code points from the start of line l to offset off, counted on from
 * *w when off is not behind it (w->i is the line's start at first). */
static inline int
cp_column(const ogi_text_t *t, size_t l, size_t off, cp_walk_t *w)
{
    if (off < w->i) {
        w->i = t->lines[l].start;
        w->x = 0;
    }
    size_t i = w->i;
    int x = w->x;
    size_t stop = off < t->len ? off : t->len;
    for (; stop > i && stop - i >= 8; i += 8)
        x += (int)ogi__word_leads(ogi__word_load(t->s + i));
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* the last few bytes as a word too, those past stop zeroed: each of
     * them counts as a character, taken off again */
    if (stop > i && t->len - i >= 8) {
        unsigned k = (unsigned)(stop - i);
        uint64_t m = ogi__word_load(t->s + i) & ((UINT64_C(1) << (8 * k)) - 1);
        x += (int)ogi__word_leads(m) - (int)(8 - k);
        i = stop;
    }
#endif
    for (; i < off && i < t->len; i++)
        x += ((unsigned char)t->s[i] & 0xC0) != 0x80;
    w->i = i > off ? i : off;
    w->x = x;
    return x;
}

/* Columns of each cell of sc (one row per line) in both measures: x0/x1
 * in display columns, n0/n1 in code points. Returns 1 when the two agree
 * for every cell (no wide character before a cell's end): then no choice
 * between them is left to make. */
static int
measure(const ogi__table_t *sc, int *x0, int *x1, int *n0, int *n1)
{
    int same = 1;
    size_t shift = SIZE_MAX; /* the walks' place in the shift map */
    for (size_t r = 0; r < sc->nrows; r++) {
        size_t first = sc->rows[r].first, line = sc->rows[r].line;
        size_t count = sc->rows[r].count;
        ogi__table_cells_columns(sc->text, line, &shift, &sc->cells[first],
                                 count, &x0[first], &x1[first]);
        cp_walk_t w = {sc->text->lines[line].start, 0};
        for (size_t i = first; i < first + count; i++) {
            const ogi__cell_t *c = &sc->cells[i];
            n0[i] = cp_column(sc->text, line, c->off, &w);
            n1[i] = cp_column(sc->text, line, c->off + c->len, &w);
            same &= n0[i] == x0[i] && n1[i] == x1[i];
        }
    }
    return same;
}

static int
is_value(const ogi__cell_t *c)
{
    return c->kind == OGI__CELL_VALUE || c->kind == OGI__CELL_RUN;
}

static size_t
nvalues(const ogi__table_t *sc, size_t r)
{
    size_t n = 0;
    for (size_t i = 0; i < sc->rows[r].count; i++)
        n += is_value(&sc->cells[sc->rows[r].first + i]);
    return n;
}

static int
overlap(int a0, int a1, int b0, int b1)
{
    int lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    return hi > lo ? hi - lo : 0;
}

/* 1 when the values vcell[p0..p1) stand left to right under x0/x1: no
 * edge of one left of the same edge of the one before. */
static int
in_order(const uint32_t *vcell, size_t p0, size_t p1, const int *x0,
         const int *x1)
{
    for (size_t p = p0 + 1; p < p1; p++)
        if (x0[vcell[p]] < x0[vcell[p - 1]] || x1[vcell[p]] < x1[vcell[p - 1]])
            return 0;
    return 1;
}

/* The values vcell[b0..b1) of a line whose columns under x0/x1, a column
 * wider each side, overlap one of the values vcell[a0..a1) of the line
 * before. ordered: both lines' values in order (in_order), so that one
 * pass along each line finds them (the values of the line before that
 * end left of one end left of the next). */
static size_t
overlaps(const uint32_t *vcell, size_t a0, size_t a1, size_t b0, size_t b1,
         const int *x0, const int *x1, int ordered)
{
    size_t score = 0, from = a0;
    for (size_t p = b0; p < b1; p++) {
        size_t i = vcell[p];
        int l = x0[i] - 1, r = x1[i] + 1;
        if (ordered)
            while (from < a1 && x1[vcell[from]] <= l)
                from++;
        for (size_t q = from; q < a1; q++) {
            size_t j = vcell[q];
            if (ordered && x0[j] >= r)
                break;
            if (overlap(l, r, x0[j], x1[j])) {
                score++;
                break;
            }
        }
    }
    return score;
}

/* How well the value columns of successive value lines line up, under
 * measure x (x0/x1, into *wide) and under measure n (n0/n1, into
 * *narrow): values whose columns overlap one of the line before. The
 * values of row r are cells vcell[vfirst[r]..vfirst[r + 1]). */
static void
alignment(const ogi__table_t *sc, const uint32_t *vcell, const size_t *vfirst,
          const int *x0, const int *x1, const int *n0, const int *n1,
          size_t *wide, size_t *narrow)
{
    size_t sw = 0, sn = 0;
    long prev = -1;
    int prev_x = 0, prev_n = 0; /* the line before in order, by measure */
    for (size_t r = 0; r < sc->nrows; r++) {
        size_t b0 = vfirst[r], b1 = vfirst[r + 1];
        if (b1 - b0 < 2)
            continue;
        int ox = in_order(vcell, b0, b1, x0, x1);
        int on = in_order(vcell, b0, b1, n0, n1);
        if (prev >= 0) {
            size_t a0 = vfirst[prev], a1 = vfirst[prev + 1];
            sw += overlaps(vcell, a0, a1, b0, b1, x0, x1, ox && prev_x);
            sn += overlaps(vcell, a0, a1, b0, b1, n0, n1, on && prev_n);
        }
        prev = (long)r;
        prev_x = ox;
        prev_n = on;
    }
    *wide = sw;
    *narrow = sn;
}

/* The column of cols[0..n) piece [a, b) stands in: starting where it
 * starts, or starting within it and over half of it or more (a cell's
 * lines never start left of it); else -1. */
static long
column_at(const col_t *cols, size_t n, int a, int b)
{
    for (size_t j = 0; j < n; j++)
        if ((a - cols[j].x0 <= 1 && cols[j].x0 - a <= 1) ||
            (a > cols[j].x0 &&
             2 * overlap(a, b, cols[j].x0, cols[j].x1) >= b - a))
            return (long)j;
    return -1;
}

/* Orders cols[0..n) by their first column, keeping the order of those
 * that start at the same one (as the library's merge sort did): a band
 * has a few columns, which an insertion sort orders with no call. */
static void
sort_by_x(col_t *cols, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        if (cols[i - 1].x0 <= cols[i].x0)
            continue;
        col_t c = cols[i];
        size_t j = i;
        while (j > 0 && cols[j - 1].x0 > c.x0) {
            cols[j] = cols[j - 1];
            j--;
        }
        cols[j] = c;
    }
}

/* Appends column c (cells of sc) to tb's open row: its one cell as it
 * is, or its pieces joined into one cell read again. */
static int
emit_column(ogi__table_t *tb, const ogi__table_t *sc, const col_t *c,
            const int *x0, const int *x1)
{
    const ogi__cell_t *f = &sc->cells[c->m[0]];
    /* where it stands: its cell on the value line, else its first piece */
    size_t at = c->main != SIZE_MAX ? c->main : c->m[0];
    if (c->n == 1) {
        ogi__cell_t *d = ogi__table_add_copy(tb, f);
        if (!d)
            return OGI_ENOMEM;
        d->x0 = (int16_t)x0[at];
        d->x1 = (int16_t)x1[at];
        return 0;
    }
    size_t len = 0;
    for (size_t k = 0; k < c->n; k++)
        len += sc->cells[c->m[k]].n + 1;
    char *buf = ogi_arena_alloc(tb->arena, len + 1);
    if (!buf)
        return OGI_ENOMEM;
    size_t n = 0;
    for (size_t k = 0; k < c->n; k++) {
        const ogi__cell_t *p = &sc->cells[c->m[k]];
        /* words of Latin text wrap at a space; Chinese at any character */
        if (n && p->n && (unsigned char)buf[n - 1] < 0x80 &&
            (unsigned char)p->s[0] < 0x80 && buf[n - 1] != '-')
            buf[n++] = ' ';
        memcpy(buf + n, p->s, p->n);
        n += p->n;
    }
    /* the span of the pieces: a row's number put first (merge_band) may
     * stand below the others */
    size_t lo = f->off, hi = f->off + f->len;
    for (size_t k = 1; k < c->n; k++) {
        const ogi__cell_t *p = &sc->cells[c->m[k]];
        if (p->off < lo)
            lo = p->off;
        if (p->off + p->len > hi)
            hi = p->off + p->len;
    }
    ogi__cell_t *d = ogi__table_add_cell(tb, buf, n, lo);
    if (!d)
        return OGI_ENOMEM;
    d->off = (uint32_t)lo;
    d->len = (uint32_t)(hi - lo);
    d->x0 = (int16_t)x0[at];
    d->x1 = (int16_t)x1[at];
    d->measurable = 0;
    return 0;
}

/* The columns cols[0..n) of the band starting at row r0 of sc, ordered by
 * position, as one row of tb. Returns 1, or OGI_ENOMEM (negative). */
static int
emit_row(ogi__table_t *tb, const ogi__table_t *sc, size_t r0, col_t *cols,
         size_t n, const int *x0, const int *x1)
{
    sort_by_x(cols, n);
    int rc;
    if ((rc = ogi__table_row_open(tb, sc->rows[r0].line)))
        return rc;
    for (size_t j = 0; j < n; j++)
        if ((rc = emit_column(tb, sc, &cols[j], x0, x1)))
            return rc;
    ogi__table_row_close(tb);
    return 1;
}

/*
 * Reads the band of rows [r0, r1) of sc, none with values, as one row of
 * headers when it is one: a header written down its narrow column ("本年"
 * over "制发件" over "数"), its pieces joined by column. One line at
 * least holds two cells; every piece is a label no wider than PIECE_MAX; a
 * piece joins the column it overlaps, and one that overlaps two, or a column's
 * second piece on one line (a header over several columns), leaves the band as
 * it is. Returns 1 when read, 0 when not (tb untouched), or OGI_ENOMEM.
 */
static int
merge_header(ogi__table_t *tb, const ogi__table_t *sc, size_t r0, size_t r1,
             const int *x0, const int *x1)
{
    col_t cols[BAND_COLS];
    size_t n = 0;
    size_t last_row[BAND_COLS];
    /* columns set apart by space on one line at least: lines of one
     * cell each are text in reading order, not a grid */
    int grid = 0;
    for (size_t r = r0; r < r1; r++)
        grid |= sc->rows[r].count >= 2;
    if (!grid)
        return 0;
    /* cells one space apart: a header's words run together, which may
     * span two columns as well as stand in one */
    for (size_t r = r0; r < r1; r++)
        for (size_t i = sc->rows[r].first + 1;
             i < sc->rows[r].first + sc->rows[r].count; i++)
            if (x0[i] >= 0 && x1[i - 1] >= 0 && x0[i] - x1[i - 1] < 2)
                return 0;
    for (size_t r = r0; r < r1; r++) {
        const ogi__row_t *rr = &sc->rows[r];
        for (size_t i = rr->first; i < rr->first + rr->count; i++) {
            if (sc->cells[i].kind != OGI__CELL_LABEL || x0[i] < 0 ||
                x1[i] - x0[i] > PIECE_MAX)
                return 0;
            long at = -1;
            for (size_t j = 0; j < n; j++)
                if (overlap(x0[i], x1[i], cols[j].x0, cols[j].x1)) {
                    if (at >= 0)
                        return 0;
                    at = (long)j;
                }
            if (at < 0) {
                if (n == BAND_COLS)
                    return 0;
                cols[n] = (col_t){x0[i], x1[i], {i}, 1, SIZE_MAX};
                last_row[n++] = r;
                continue;
            }
            col_t *k = &cols[at];
            if (last_row[at] == r || k->n == BAND_MAX)
                return 0;
            k->m[k->n++] = i;
            last_row[at] = r;
            /* the column spans its pieces */
            if (x0[i] < k->x0)
                k->x0 = x0[i];
            if (x1[i] > k->x1)
                k->x1 = x1[i];
        }
    }
    /* a column's pieces may have grown it over another's */
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++)
            if (overlap(cols[a].x0, cols[a].x1, cols[b].x0, cols[b].x1))
                return 0;
    return emit_row(tb, sc, r0, cols, n, x0, x1);
}

/* 1 when cell c is a row's number and nothing else ("1.", "12、"): a
 * browser that wraps a numbered label in a narrow column (Chromium)
 * sets the number apart, on a line of its own between the label's
 * pieces ("属于国家秘" / "1." / "密"). */
static int
bare_number(const ogi__cell_t *c)
{
    size_t i = 0;
    while (i < c->n && i < 2 && c->s[i] >= '0' && c->s[i] <= '9')
        i++;
    if (i == 0)
        return 0;
    return (c->n == i + 1 && c->s[i] == '.') ||
           (c->n == i + 3 && memcmp(c->s + i, "、", 3) == 0);
}

/* The line of rows [r0, r1) of sc that holds its one value when no line
 * holds two (a row whose one cell filled is a placeholder, the others
 * left empty), and a line of the band is a row's number alone: else -1.
 * Without the number a lone value may be a header's word or a note. */
static long
lone_value_line(const ogi__table_t *sc, size_t r0, size_t r1)
{
    long at = -1;
    int numbered = 0;
    for (size_t r = r0; r < r1; r++) {
        size_t v = nvalues(sc, r);
        if (v == 1) {
            if (at >= 0 || sc->rows[r].count != 1)
                return -1;
            at = (long)r;
        }
        numbered |= sc->rows[r].count == 1 &&
                    bare_number(&sc->cells[sc->rows[r].first]);
    }
    return numbered ? at : -1;
}

/*
 * Joins to its label each column of cols[nmain..n) that a row's number
 * alone starts (with the pieces that stand under it): pdftotext sets
 * the number a column or two left of the label's other pieces ("1." at
 * 8, "属于国家秘" at 10), so that the two read as columns apart. The
 * label is the column of no value starting within three columns right
 * of the number or one left; the number leads, the other pieces follow
 * top to bottom. Returns the columns left.
 */
static size_t
join_numbers(const ogi__table_t *sc, col_t *cols, size_t nmain, size_t n)
{
    for (size_t j = nmain; j < n; j++) {
        if (!bare_number(&sc->cells[cols[j].m[0]]))
            continue;
        size_t k = SIZE_MAX;
        for (size_t q = 0; q < n && k == SIZE_MAX; q++) {
            size_t lead = cols[q].main != SIZE_MAX ? cols[q].main : cols[q].m[0];
            if (q != j && cols[q].x0 >= cols[j].x0 - 1 &&
                cols[q].x0 <= cols[j].x0 + 3 && !is_value(&sc->cells[lead]) &&
                !bare_number(&sc->cells[cols[q].m[0]]))
                k = q;
        }
        if (k == SIZE_MAX || cols[j].n + cols[k].n > BAND_MAX)
            continue;
        col_t *a = &cols[j], *b = &cols[k];
        size_t m[BAND_MAX], nm = 0;
        m[nm++] = a->m[0];
        /* the other pieces of both, in the order of the text */
        for (size_t x = 1; x < a->n; x++)
            m[nm++] = a->m[x];
        for (size_t x = 0; x < b->n; x++)
            m[nm++] = b->m[x];
        for (size_t x = 2; x < nm; x++)
            for (size_t y = x; y > 1 && sc->cells[m[y]].off <
                                            sc->cells[m[y - 1]].off; y--) {
                size_t t = m[y];
                m[y] = m[y - 1];
                m[y - 1] = t;
            }
        memcpy(b->m, m, nm * sizeof(m[0]));
        b->n = nm;
        memmove(cols + j, cols + j + 1, (n - j - 1) * sizeof(cols[0]));
        n--;
        j--;
    }
    return n;
}

/* 1 when [a, b) comes within a column of a value among cols[0..n) (the
 * value line's cells): values of two lines set apart in one row's band
 * stand in columns of their own, a space or more from the others'. */
static int
beside_value(const ogi__table_t *sc, const col_t *cols, size_t n, int a,
             int b)
{
    for (size_t j = 0; j < n; j++)
        if (is_value(&sc->cells[cols[j].main]) &&
            overlap(a - 2, b + 2, cols[j].x0, cols[j].x1))
            return 1;
    return 0;
}

/*
 * The line of rows [r0, r1) of sc with the most values (the first of
 * the widest), in a band of two lines with values or more: a browser
 * sets some cells of a row at its top (aligned to the top of the band)
 * and the others on its middle line ("申请数 3 ... 不适用" over "量 / 0
 * 0 0 3"). The other lines' values join it as pieces in columns of
 * their own (merge_band): one over a value of this line is another
 * row's, and leaves the band as it is.
 */
static long
widest_values_line(const ogi__table_t *sc, size_t r0, size_t r1)
{
    long at = -1;
    size_t most = 0;
    for (size_t r = r0; r < r1; r++) {
        size_t v = nvalues(sc, r);
        if (v > most) {
            most = v;
            at = (long)r;
        }
    }
    return at;
}

/*
 * Reads the band of rows [r0, r1) of sc (lines one after another) as one
 * row of tb when it is one: a line with values (two or more; the widest
 * when others hold values too, theirs then a column or more from its),
 * the other lines' pieces each in a column of it or in a column of their
 * own (left of the values, or reading as a value), none over a value of
 * that line or across two of its cells. Returns 1 when read, 0 when the
 * band is not one row (tb untouched), or OGI_ENOMEM (negative).
 */
static int
merge_band(ogi__table_t *tb, const ogi__table_t *sc, size_t r0, size_t r1,
           const int *x0, const int *x1)
{
    long main = -1;
    int several = 0; /* lines with values: two or more */
    for (size_t r = r0; r < r1; r++)
        if (nvalues(sc, r) >= 2) {
            if (main >= 0) {
                main = widest_values_line(sc, r0, r1);
                several = 1;
                break;
            }
            main = (long)r;
        }
    if (main < 0)
        main = lone_value_line(sc, r0, r1);
    if (main < 0)
        return merge_header(tb, sc, r0, r1, x0, x1);
    col_t cols[BAND_COLS];
    size_t n = 0, nmain;
    const ogi__row_t *mr = &sc->rows[main];
    int first_value = -1;
    for (size_t i = mr->first; i < mr->first + mr->count; i++) {
        if (n == BAND_COLS)
            return 0;
        cols[n] = (col_t){x0[i], x1[i], {i}, 1, i};
        if (first_value < 0 && is_value(&sc->cells[i]))
            first_value = x0[i];
        n++;
    }
    nmain = n;
    for (size_t r = r0; r < r1; r++) {
        if ((long)r == main)
            continue;
        const ogi__row_t *rr = &sc->rows[r];
        for (size_t i = rr->first; i < rr->first + rr->count; i++) {
            const ogi__cell_t *c = &sc->cells[i];
            if (x0[i] < 0 || x1[i] - x0[i] > PIECE_MAX ||
                c->kind == OGI__CELL_BLANK)
                return 0;
            size_t across = 0;
            for (size_t j = 0; j < nmain; j++)
                across += overlap(x0[i], x1[i], cols[j].x0, cols[j].x1) > 0;
            if (across > 1)
                return 0;
            long j = column_at(cols, nmain, x0[i], x1[i]);
            if (j >= 0 && is_value(&sc->cells[cols[j].main]))
                return 0; /* a header word or another row's value */
            if (several && is_value(c) &&
                beside_value(sc, cols, nmain, x0[i], x1[i]))
                return 0; /* a value of the next row's, one line down */
            if (j >= 0 && r < (size_t)main &&
                ogi__table_starts_numbered(sc->cells[cols[j].main].s,
                                           sc->cells[cols[j].main].n))
                return 0; /* a label starts at its number: a header above */
            if (j < 0) {
                j = column_at(cols + nmain, n - nmain, x0[i], x1[i]);
                j = j >= 0 ? j + (long)nmain : -1;
            }
            if (j < 0) {
                if (n == BAND_COLS)
                    return 0;
                cols[n++] = (col_t){x0[i], x1[i], {i}, 1, SIZE_MAX};
                continue;
            }
            col_t *k = &cols[j];
            if (k->n == BAND_MAX)
                return 0;
            /* a row's number leads its label wherever the browser set
             * it among the label's pieces */
            if (bare_number(c)) {
                memmove(k->m + 1, k->m, k->n * sizeof(k->m[0]));
                k->m[0] = i;
                k->n++;
                continue;
            }
            /* top to bottom: the value line's cell keeps its place */
            if (k->main != SIZE_MAX && r < (size_t)main) {
                size_t at = 0;
                while (at < k->n && k->m[at] != k->main)
                    at++;
                memmove(k->m + at + 1, k->m + at,
                        (k->n - at) * sizeof(k->m[0]));
                k->m[at] = i;
                k->n++;
            } else
                k->m[k->n++] = i;
        }
    }
    n = join_numbers(sc, cols, nmain, n);
    /* a column of its own is a group label left of the values, or a
     * value (a placeholder wrapped, a number set lower) */
    for (size_t j = nmain; j < n; j++) {
        if (cols[j].x1 <= first_value)
            continue;
        /* a row's label by its number, starting left of the values: its
         * top piece may run past where they start, the line pushed right
         * by a value set on it (pdftotext) */
        const ogi__cell_t *lead = &sc->cells[cols[j].m[0]];
        if (cols[j].x0 < first_value && lead->kind == OGI__CELL_LABEL &&
            ogi__table_starts_numbered(lead->s, lead->n))
            continue;
        if (cols[j].n == 1 && is_value(&sc->cells[cols[j].m[0]]))
            continue;
        ogi__table_t probe = {.text = sc->text, .arena = tb->arena};
        if (emit_column(&probe, sc, &cols[j], x0, x1) < 0)
            return OGI_ENOMEM;
        if (probe.ncells != 1 || !is_value(&probe.cells[0]))
            return 0;
    }
    return emit_row(tb, sc, r0, cols, n, x0, x1);
}

/* 1 when row r of sc starts with a numbered label that starts a row,
 * after the tails of outer groups' labels wrapped (two at most: "果" of
 * 三、本年度办理结果): not an outer group's label beside the tail of a
 * row label (a line of two labels and no values, the second without a
 * number of its own, left of column vx where the values of the line
 * before start). */
static int
starts_numbered(const ogi__table_t *sc, size_t r, const int *x0, int vx)
{
    const ogi__row_t *row = &sc->rows[r];
    const ogi__cell_t *c = &sc->cells[row->first];
    size_t k = 0;
    while (k < row->count && k < 3 && c[k].kind == OGI__CELL_LABEL &&
           !ogi__table_starts_numbered(c[k].s, c[k].n))
        k++;
    if (k == row->count || k == 3 || c[k].kind != OGI__CELL_LABEL ||
        !ogi__table_starts_numbered(c[k].s, c[k].n))
        return 0;
    return !(row->count == k + 2 && nvalues(sc, r) == 0 &&
             c[k + 1].kind == OGI__CELL_LABEL &&
             !ogi__table_starts_numbered(c[k + 1].s, c[k + 1].n) &&
             x0[row->first + k + 1] < vx);
}

/*
 * 1 when row s of sc starts a numbered row whose number a browser set
 * apart: a line of labels (a group label's piece beside the row label's,
 * at most), then values only (the cells set at the top of the row's
 * band), whose last label is followed, on the next line of the band
 * (before e), by a row's number alone at that piece's column or just
 * left of it ("属于国家秘" over "1."). starts_numbered sees no number on
 * line s and would join it to the row above.
 */
static int
starts_numbered_below(const ogi__table_t *sc, size_t s, size_t e,
                      const int *x0)
{
    if (s + 1 >= e || sc->rows[s + 1].count != 1 ||
        sc->rows[s + 1].line != sc->rows[s].line + 1)
        return 0;
    const ogi__row_t *row = &sc->rows[s];
    size_t labels = 0;
    while (labels < row->count &&
           sc->cells[row->first + labels].kind == OGI__CELL_LABEL)
        labels++;
    if (labels == 0 || labels > 2)
        return 0;
    for (size_t i = row->first; i < row->first + row->count; i++)
        if (i < row->first + labels
                ? ogi__table_starts_numbered(sc->cells[i].s, sc->cells[i].n)
                : !is_value(&sc->cells[i]))
            return 0;
    size_t num = sc->rows[s + 1].first, last = row->first + labels - 1;
    if (!bare_number(&sc->cells[num]) || x0[num] < 0 || x0[last] < 0)
        return 0;
    return x0[num] <= x0[last] + 1 && x0[num] >= x0[last] - 3;
}

/* The column the first numbered label of row r of sc (one of its first
 * three cells, labels) starts at, or -1; with near >= 0, the first such
 * label starting within two columns of near. */
static int
numbered_at(const ogi__table_t *sc, size_t r, const int *x0, int near)
{
    const ogi__row_t *row = &sc->rows[r];
    for (size_t k = 0; k < row->count && k < 3; k++) {
        const ogi__cell_t *c = &sc->cells[row->first + k];
        int x = x0[row->first + k];
        if (c->kind != OGI__CELL_LABEL)
            return -1;
        if (ogi__table_starts_numbered(c->s, c->n) && x >= 0 &&
            (near < 0 || abs(x - near) <= 2))
            return x;
    }
    return -1;
}

/* The column the first value of row r of sc starts at, or INT_MAX. */
static int
first_value_at(const ogi__table_t *sc, size_t r, const int *x0)
{
    for (size_t i = sc->rows[r].first;
         i < sc->rows[r].first + sc->rows[r].count; i++)
        if (is_value(&sc->cells[i]))
            return x0[i];
    return INT_MAX;
}

/* The number of cells of row r of sc overlapping [a, b); *label is set
 * when one of them is a label. */
static size_t
cells_over(const ogi__table_t *sc, size_t r, int a, int b, const int *x0,
           const int *x1, int *label)
{
    size_t n = 0;
    *label = 0;
    for (size_t j = sc->rows[r].first;
         j < sc->rows[r].first + sc->rows[r].count; j++)
        if (overlap(a, b, x0[j], x1[j])) {
            *label |= sc->cells[j].kind == OGI__CELL_LABEL;
            n++;
        }
    return n;
}

/*
 * 1 when row l of sc, a line after a row's values, is the top of a cell
 * of the row starting at row s (the next line): a converter that centres
 * a cell's lines in a taller row (w3m) sets "不" of 不/适/用 above the
 * line of the row's label. Its cells right of column vx (where values
 * stand) are pieces, none a value, each over one piece of line s that is
 * no value either and under no piece of the line above (which it would
 * end: "不适" over "用"); left of vx it holds labels only (an outer
 * group's).
 */
static int
top_of_next(const ogi__table_t *sc, size_t r0, size_t l, size_t s,
            const int *x0, const int *x1, int vx)
{
    const ogi__row_t *a = &sc->rows[l];
    size_t pieces = 0;
    for (size_t i = a->first; i < a->first + a->count; i++) {
        const ogi__cell_t *c = &sc->cells[i];
        if (c->kind != OGI__CELL_LABEL || x0[i] < 0)
            return 0;
        if (x0[i] < vx)
            continue;
        int label;
        if (cells_over(sc, s, x0[i], x1[i], x0, x1, &label) != 1 || !label)
            return 0;
        for (size_t j = sc->rows[s].first;
             j < sc->rows[s].first + sc->rows[s].count; j++)
            if (overlap(x0[i], x1[i], x0[j], x1[j]) && x0[j] < vx)
                return 0;
        /* the pieces right above it, up to a value: a word it would end */
        size_t up[BAND_MAX], nup = 0;
        for (size_t q = l; q > r0 && nup < BAND_MAX; q--) {
            size_t at = SIZE_MAX;
            for (size_t j = sc->rows[q - 1].first;
                 j < sc->rows[q - 1].first + sc->rows[q - 1].count; j++)
                if (x0[j] >= vx && overlap(x0[i], x1[i], x0[j], x1[j]))
                    at = j;
            if (at == SIZE_MAX || is_value(&sc->cells[at]))
                break;
            up[nup++] = at;
        }
        char buf[128];
        size_t n = 0;
        for (size_t k = nup; k > 0; k--)
            if (n + sc->cells[up[k - 1]].n <= sizeof(buf)) {
                memcpy(buf + n, sc->cells[up[k - 1]].s, sc->cells[up[k - 1]].n);
                n += sc->cells[up[k - 1]].n;
            }
        ogi_num_t num;
        if (n && ogi_number_parse(buf, n, &num) == OGI_NUM_NONE)
            return 0;
        pieces++;
    }
    return pieces > 0;
}

/* Appends row r of sc to tb as it is, its cells at columns x0/x1. */
static int
copy_row(ogi__table_t *tb, const ogi__table_t *sc, size_t r, const int *x0,
         const int *x1)
{
    int rc;
    if ((rc = ogi__table_row_open(tb, sc->rows[r].line)))
        return rc;
    for (size_t i = sc->rows[r].first;
         i < sc->rows[r].first + sc->rows[r].count; i++) {
        ogi__cell_t *d = ogi__table_add_copy(tb, &sc->cells[i]);
        if (!d)
            return OGI_ENOMEM;
        d->x0 = (int16_t)x0[i];
        d->x1 = (int16_t)x1[i];
    }
    ogi__table_row_close(tb);
    return 0;
}

/* 1 when cell c of a line of t may read otherwise when its text is read
 * again as words (add_line_apart): a label that holds a blank, or whose
 * text is a number. Anything else is kept as it is, by either way. */
static int
reads_again(const ogi_text_t *t, const ogi__cell_t *c)
{
    if (c->kind != OGI__CELL_LABEL || c->s != t->s + c->off || c->n != c->len)
        return 0;
    /* eight bytes at a time while none is below 0x21 (no blank) */
    size_t i = 0;
    while (c->n - i >= 8 &&
           !ogi__word_any_below(ogi__word_load(c->s + i), 0x21))
        i += 8;
    for (; i < c->n; i++)
        if (c->s[i] == ' ' || c->s[i] == '\t')
            return 1;
    ogi_num_t num;
    return ogi_number_parse(c->s, c->n, &num) != OGI_NUM_NONE;
}

/*
 * Appends the cells of the open row of sc read from line l, a label cell
 * that holds a space between two characters that are not ASCII read as
 * two: Chinese text has no spaces, and a converter that sets tight
 * columns one space apart (w3m) runs two cells together ("（六）
 * 2.申请人…" over "其他处 费用、…"): apart, each joins its own column.
 * Cells one space apart are only so read (merge_header takes them as
 * words of a header whose columns are unsure).
 */
static int
add_line_apart(ogi__table_t *sc, const ogi_text_t *t, size_t l)
{
    size_t c0 = sc->ncells;
    int rc = ogi__table_add_line(sc, l);
    if (rc || c0 == sc->ncells)
        return rc;
    /* the cells before the first label that may read otherwise stay as
     * they are: a label of one word that is no number reads back as
     * itself (most lines hold no other) */
    while (c0 < sc->ncells && !reads_again(t, &sc->cells[c0]))
        c0++;
    if (c0 == sc->ncells)
        return 0;
    size_t n = sc->ncells - c0;
    ogi__cell_t *copy = ogi_arena_alloc(sc->arena, n * sizeof(*copy));
    if (!copy)
        return OGI_ENOMEM;
    memcpy(copy, &sc->cells[c0], n * sizeof(*copy));
    sc->ncells = c0;
    for (size_t k = 0; k < n; k++) {
        const ogi__cell_t *c = &copy[k];
        if (c->kind != OGI__CELL_LABEL || c->s != t->s + c->off ||
            c->n != c->len) {
            if (!ogi__table_add_copy(sc, c))
                return OGI_ENOMEM;
            continue;
        }
        size_t a = 0;
        for (size_t i = 1; i <= c->n; i++) {
            if (i < c->n && !(c->s[i] == ' ' && i + 1 < c->n &&
                              (unsigned char)c->s[i - 1] >= 0x80 &&
                              (unsigned char)c->s[i + 1] >= 0x80))
                continue;
            size_t at = sc->ncells;
            if ((rc = ogi__table_add_words(sc, c->s + a, i - a, c->off + a)))
                return rc;
            for (; at < sc->ncells; at++)
                sc->cells[at].measurable = c->measurable;
            a = i + 1;
        }
    }
    return 0;
}

/* A region without rules: each line read as a row, then bands of lines
 * that draw one row joined (merge_band). */
int
ogi__row_bands_read(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    int rc;
    ogi__table_t sc;
    ogi__table_init(&sc, tb->arena, t);
    for (size_t l = l0; l < l1; l++) {
        if (ogi__table_is_page_line(t, l) || ogi__table_is_empty_line(t, l))
            continue;
        if ((rc = ogi__table_row_open(&sc, l)) ||
            (rc = add_line_apart(&sc, t, l)))
            return rc;
        /* the scratch's rows are not read as prose: a row copied out is,
         * in the table, and a band's lines merged need not be */
        ogi__table_row_close_as(&sc, 0);
    }
    if (sc.nrows == 0)
        return 0;
    int *x0 = ogi_arena_alloc(tb->arena, 4 * sc.ncells * sizeof(int));
    size_t *nv =
        ogi_arena_alloc(tb->arena, (2 * sc.nrows + 1) * sizeof(size_t));
    uint32_t *vcell = ogi_arena_alloc(tb->arena, sc.ncells * sizeof(uint32_t));
    if (!x0 || !nv || !vcell)
        return OGI_ENOMEM;
    int *x1 = x0 + sc.ncells;
    int *n0 = x1 + sc.ncells, *n1 = n0 + sc.ncells;
    /* each row's values, listed once: their count, and where they are */
    size_t *vfirst = nv + sc.nrows, nval = 0;
    for (size_t k = 0; k < sc.nrows; k++) {
        vfirst[k] = nval;
        for (size_t i = sc.rows[k].first;
             i < sc.rows[k].first + sc.rows[k].count; i++)
            if (is_value(&sc.cells[i]))
                vcell[nval++] = (uint32_t)i;
        nv[k] = nval - vfirst[k];
    }
    vfirst[sc.nrows] = nval;
    /* a converter that sets a character per grid cell, whatever its
     * width, is told by the values lining up in code points: the cells
     * are given those columns (placement finds blank cells by them) */
    if (!measure(&sc, x0, x1, n0, n1)) {
        size_t wide, narrow;
        alignment(&sc, vcell, vfirst, x0, x1, n0, n1, &wide, &narrow);
        if (narrow > wide) {
            x0 = n0;
            x1 = n1;
        }
    }
    size_t r = 0;
    while (r < sc.nrows) {
        size_t e = r + 1;
        while (e < sc.nrows && sc.rows[e].line == sc.rows[e - 1].line + 1 &&
               !memchr(t->s + t->lines[sc.rows[e].line].start, '\t',
                       t->lines[sc.rows[e].line].end -
                           t->lines[sc.rows[e].line].start))
            e++;
        /* rows printed without a line between them: after a line of
         * values, a numbered row label starts the next */
        while (r < e) {
            size_t s = r + 1, vl = r; /* the band's line of values */
            int values = nv[r] >= 2;
            /* a row left wholly blank: a line of its numbered label
             * alone, then the next row's values and label in its column */
            int at = sc.rows[r].count == 1 ? numbered_at(&sc, r, x0, -1) : -1;
            while (s < e &&
                   !(values && starts_numbered(&sc, s, x0,
                                               first_value_at(&sc, vl, x0))) &&
                   !(values && starts_numbered_below(&sc, s, e, x0)) &&
                   !(!values && at >= 0 && s == r + 1 && nv[s] >= 2 &&
                     numbered_at(&sc, s, x0, at) >= 0)) {
                if (!values && nv[s] >= 2)
                    vl = s;
                values |= nv[s] >= 2;
                s++;
            }
            /* the tops of the next row's cells set above its label */
            if (values && s < e) {
                int vx = first_value_at(&sc, vl, x0);
                size_t top = s;
                while (top - 1 > vl &&
                       top_of_next(&sc, r, top - 1, top, x0, x1, vx))
                    top--;
                s = top;
            }
            int m = 0;
            if (s - r >= 2 && s - r <= BAND_MAX) {
                m = merge_band(tb, &sc, r, s, x0, x1);
                if (m < 0)
                    return m;
            }
            if (m == 0)
                for (size_t k = r; k < s; k++)
                    if ((rc = copy_row(tb, &sc, k, x0, x1)))
                        return rc;
            r = s;
        }
    }
    return 0;
}

/* Marks as runs the values of cells [c0, ncells) of tb that are digits
 * with a leading zero ("0000000", "00"): no number is written so, but a
 * converter that sets narrow columns close runs adjacent cells' digits
 * together; the format's arithmetic splits them (OGI__CELL_RUN). */
