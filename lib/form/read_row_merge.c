/*
 * read_row_merge.c - a band of pdftotext -layout's lines that draws one
 * row merged into that row (bands_int.h): each piece joins the cell of
 * the value line in whose column it stands, a piece in no cell of that
 * line starts a column of its own; headers whose columns are unsure, a
 * row's number set apart, values set on two lines of the band.
 */
#include "ogi_int.h"

#include "bands_int.h"
#include "ogi/error.h"

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

static int
digit(char c)
{
    return c >= '0' && c <= '9';
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
        /* words of Latin text wrap at a space; Chinese at any character;
         * a number at any digit in a column too narrow for it ("2" over
         * "1", 21): no number starts with a zero ("0" over "0" stays two) */
        if (n && p->n && (unsigned char)buf[n - 1] < 0x80 &&
            (unsigned char)p->s[0] < 0x80 && buf[n - 1] != '-' &&
            !(digit(buf[n - 1]) && digit(p->s[0]) && buf[0] != '0'))
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
    /* no piece on the value line (a header's label wrapped, "行" over
     * "政诉讼"): it stands where its pieces do, all of them */
    for (size_t k = 0; c->main == SIZE_MAX && k < c->n; k++) {
        size_t m = c->m[k];
        if (x0[m] < 0)
            continue;
        if (d->x0 < 0 || x0[m] < d->x0)
            d->x0 = (int16_t)x0[m];
        if (x1[m] > d->x1)
            d->x1 = (int16_t)x1[m];
    }
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
 * it is. The lines are read from the bottom up: the leaves' labels stand
 * lowest, and a group label above them (未经复议直接起诉 over 结果维持 and
 * 结果纠正) then meets their columns set apart, not one column it would
 * grow over both. Returns 1 when read, 0 when not (tb untouched), or
 * OGI_ENOMEM.
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
    for (size_t r = r1; r-- > r0;) {
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
    /* each column's pieces top to bottom, as they read (cells are in
     * line order) */
    for (size_t a = 0; a < n; a++)
        for (size_t p = 1; p < cols[a].n; p++)
            for (size_t q = p; q > 0 && cols[a].m[q] < cols[a].m[q - 1]; q--) {
                size_t t = cols[a].m[q];
                cols[a].m[q] = cols[a].m[q - 1];
                cols[a].m[q - 1] = t;
            }
    return emit_row(tb, sc, r0, cols, n, x0, x1);
}

/* 1 when cell c is a row's number and nothing else ("1.", "12、"): a
 * browser that wraps a numbered label in a narrow column (Chromium)
 * sets the number apart, on a line of its own between the label's
 * pieces ("属于国家秘" / "1." / "密"). */
int
ogi__band_bare_number(const ogi__cell_t *c)
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
                    ogi__band_bare_number(&sc->cells[sc->rows[r].first]);
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
        if (!ogi__band_bare_number(&sc->cells[cols[j].m[0]]))
            continue;
        size_t k = SIZE_MAX;
        for (size_t q = 0; q < n && k == SIZE_MAX; q++) {
            size_t lead =
                cols[q].main != SIZE_MAX ? cols[q].main : cols[q].m[0];
            if (q != j && cols[q].x0 >= cols[j].x0 - 1 &&
                cols[q].x0 <= cols[j].x0 + 3 && !is_value(&sc->cells[lead]) &&
                !ogi__band_bare_number(&sc->cells[cols[q].m[0]]))
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
            for (size_t y = x;
                 y > 1 && sc->cells[m[y]].off < sc->cells[m[y - 1]].off; y--) {
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
beside_value(const ogi__table_t *sc, const col_t *cols, size_t n, int a, int b)
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
 * Adds to cols[0..n) (the value line's cells, row r0 + 1 of sc) the
 * numbers wrapped around it: the last nwrap cells of row r0 (the tops),
 * each over the one of row r0 + 2 in the same place (its tail), a column
 * each. In a table read in display columns (x0 not wrap, the code points
 * pdftotext set them in) a line's wide characters push what follows
 * right, so that the tops and the value line disagree: each column then
 * stands just left of the value line's first value right of it in code
 * points, or past the last. Returns the columns.
 */
static size_t
wrap_columns(const ogi__table_t *sc, size_t r0, col_t *cols, size_t n,
             size_t nwrap, const int *x0, const int *x1, const int *wrap)
{
    const ogi__row_t *top = &sc->rows[r0], *bot = &sc->rows[r0 + 2];
    size_t nmain = n;
    for (size_t k = 0; k < nwrap; k++) {
        size_t a = top->first + top->count - nwrap + k;
        size_t b = bot->first + bot->count - nwrap + k;
        int a0 = x0[a], a1 = x1[a];
        if (wrap != x0) {
            size_t j = 0;
            while (j < nmain && !(is_value(&sc->cells[cols[j].main]) &&
                                  wrap[cols[j].main] > wrap[a]))
                j++;
            a0 = j < nmain ? cols[j].x0 - 2 : cols[nmain - 1].x1 + 2;
            a1 = a0 + 1;
        }
        cols[n++] = (col_t){a0, a1, {a, b}, 2, SIZE_MAX};
    }
    return n;
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
int
ogi__band_merge(ogi__table_t *tb, const ogi__table_t *sc, size_t r0, size_t r1,
                const int *x0, const int *x1, const int *wrap)
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
    size_t nwrap = 0;
    if (wrap) {
        if (main != (long)r0 + 1 || (nwrap = nvalues(sc, r0)) + n > BAND_COLS)
            return 0;
        n = wrap_columns(sc, r0, cols, n, nwrap, x0, x1, wrap);
    }
    for (size_t r = r0; r < r1; r++) {
        if ((long)r == main)
            continue;
        const ogi__row_t *rr = &sc->rows[r];
        /* the tops and the tails are read: the labels beside them left */
        for (size_t i = rr->first; i < rr->first + rr->count - nwrap; i++) {
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
            if (several && !wrap && is_value(c) &&
                beside_value(sc, cols, nmain, x0[i], x1[i]))
                return 0; /* a value of the next row's, one line down */
            /* a browser sets a row's number alone on its line of values,
             * the label's top above it ("属于国家秘密" / "1. 0 0 0") */
            int bare =
                j >= 0 && ogi__band_bare_number(&sc->cells[cols[j].main]);
            if (j >= 0 && r < (size_t)main && !bare &&
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
            if (ogi__band_bare_number(c)) {
                memmove(k->m + 1, k->m, k->n * sizeof(k->m[0]));
                k->m[0] = i;
                k->n++;
                continue;
            }
            /* top to bottom: the value line's cell keeps its place; a
             * number alone leads the pieces above it */
            if (k->main != SIZE_MAX && r < (size_t)main) {
                size_t at = 0;
                while (at < k->n && k->m[at] != k->main)
                    at++;
                if (bare) {
                    at++;
                    while (at < k->n &&
                           sc->cells[k->m[at]].off < sc->cells[k->main].off)
                        at++;
                }
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
