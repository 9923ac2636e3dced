/*
 * read_row_measure.c - the two measures of a line's columns (display
 * columns, code points) for the row-lines reader's bands
 * (read_row_bands.c, bands_int.h), and the choice between them: how well
 * the values of successive lines, and the header's words over them, line
 * up under each.
 */
#include "ogi_int.h"

#include "bands_int.h"
#include "swar_int.h"

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
int
ogi__band_measure(const ogi__table_t *sc, int *x0, int *x1, int *n0, int *n1)
{
    int same = 1;
    size_t shift = SIZE_MAX; /* the walks' place in the shift map */
    for (size_t r = 0; r < sc->nrows; r++) {
        size_t first = sc->rows[r].first, line = sc->rows[r].line;
        size_t count = sc->rows[r].count;
        /* both measures in one walk along the line where its raw
         * characters are its normalised ones, one for one; else the
         * code points counted on the normalised text */
        if (!ogi__table_line_columns(sc->text, line, &shift, &sc->cells[first],
                                     count, &x0[first], &x1[first], &n0[first],
                                     &n1[first])) {
            ogi__table_cells_columns(sc->text, line, &shift, &sc->cells[first],
                                     count, &x0[first], &x1[first]);
            cp_walk_t w = {sc->text->lines[line].start, 0};
            for (size_t i = first; i < first + count; i++) {
                const ogi__cell_t *c = &sc->cells[i];
                n0[i] = cp_column(sc->text, line, c->off, &w);
                n1[i] = cp_column(sc->text, line, c->off + c->len, &w);
            }
        }
        for (size_t i = first; i < first + count; i++)
            same &= n0[i] == x0[i] && n1[i] == x1[i];
    }
    return same;
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
void
ogi__band_alignment(const ogi__table_t *sc, const uint32_t *vcell,
                    const size_t *vfirst, const int *x0, const int *x1,
                    const int *n0, const int *n1, size_t *wide, size_t *narrow)
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

/* 1 when the values vcell[p0..p1) stand left to right under x0/x1
 * (in_order) and each covers a column or more: then the values a span
 * overlaps follow each other, from the first that ends right of its
 * start. */
static int
in_order_wide(const uint32_t *vcell, size_t p0, size_t p1, const int *x0,
              const int *x1)
{
    for (size_t p = p0; p < p1; p++)
        if (x0[vcell[p]] >= x1[vcell[p]])
            return 0;
    return in_order(vcell, p0, p1, x0, x1);
}

/* The labels of row h of sc (a line of labels only) that exactly one
 * value of a line stands under by columns x0/x1: a header's words over a
 * line of values set in the same grid. That line's values are cells
 * vcell[v0..v1); ordered: they are in_order_wide, so that the first
 * value a label may overlap is found by bisection. */
static size_t
under_one(const ogi__table_t *sc, size_t h, const uint32_t *vcell, size_t v0,
          size_t v1, const int *x0, const int *x1, int ordered)
{
    size_t fit = 0;
    const ogi__row_t *hr = &sc->rows[h];
    for (size_t i = hr->first; i < hr->first + hr->count; i++) {
        /* a second value under it is as good as any more */
        size_t hits = 0;
        if (ordered) {
            int a = x0[i], b = x1[i];
            if (a >= b)
                continue; /* an empty span overlaps nothing */
            /* the first value that ends right of a; those from it on
             * that start left of b overlap [a, b), the rest none */
            size_t lo = v0, hi = v1;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (x1[vcell[mid]] > a)
                    hi = mid;
                else
                    lo = mid + 1;
            }
            for (size_t p = lo; p < v1 && hits < 2 && x0[vcell[p]] < b; p++)
                hits++;
        } else {
            for (size_t p = v0; p < v1 && hits < 2; p++)
                hits += overlap(x0[i], x1[i], x0[vcell[p]], x1[vcell[p]]) > 0;
        }
        fit += hits == 1;
    }
    return fit;
}

/* The labels of row h of sc (a line of labels only) that stand alone
 * in the stretch of a line of values that starts at one value and ends
 * at the next (its cell, where a converter sets each cell's text from
 * its column's start: w3m): no other label of the line starts there.
 * Labels left of the first value count for nothing. A measure that
 * squeezes the header's words together (code points for a text set in
 * display columns) puts two words of one line into one cell. The values
 * are cells vcell[v0..v1), in order (in_order_wide). */
static size_t
alone_in_cell(const ogi__table_t *sc, size_t h, const uint32_t *vcell,
              size_t v0, size_t v1, const int *x0)
{
    size_t fit = 0;
    const ogi__row_t *hr = &sc->rows[h];
    long prev = -1, run = 0; /* the cell of the label before, its labels */
    size_t p = v0; /* a line's labels stand left to right: p only grows */
    for (size_t i = hr->first; i < hr->first + hr->count; i++) {
        if (x0[i] < x0[vcell[v0]])
            continue;
        while (p + 1 < v1 && x0[vcell[p + 1]] <= x0[i])
            p++;
        if ((long)p == prev) {
            run++;
            continue;
        }
        fit += run == 1;
        prev = (long)p;
        run = 1;
    }
    return fit + (run == 1);
}

/*
 * How well the header lines fit the values under them, under measure x
 * (x0/x1, into *wide) and under measure n (n0/n1, into *narrow): for
 * each line of two values or more, the labels of the lines of labels
 * just above it (up to the line of values before, BAND_MAX lines at
 * most) that exactly one of its values stands under. A table of one row
 * of values (Table 4) has no second line for alignment to line up; its
 * header's words stand over its values in the measure the converter
 * set them in.
 */
void
ogi__band_header_fit(const ogi__table_t *sc, const size_t *nv,
                     const uint32_t *vcell, const size_t *vfirst, const int *x0,
                     const int *x1, const int *n0, const int *n1, size_t *wide,
                     size_t *narrow)
{
    size_t sw = 0, sn = 0;
    /* pass 0: the labels one value stands under; pass 1, only when they
     * favour code points: the labels alone in a value's cell, which a
     * text set in display columns keeps apart and code points squeeze */
    for (int pass = 0; pass < 2 && (pass == 0 || sn > sw); pass++)
        for (size_t v = 0; v < sc->nrows; v++) {
            if (nv[v] < 2)
                continue;
            size_t v0 = vfirst[v], v1 = vfirst[v + 1];
            int ox = -1, on = -1; /* the values in order: unknown */
            for (size_t h = v; h > 0 && v - h < BAND_MAX && nv[h - 1] == 0;
                 h--) {
                if (sc->rows[h - 1].count < 2)
                    continue;
                if (ox < 0) {
                    ox = in_order_wide(vcell, v0, v1, x0, x1);
                    on = in_order_wide(vcell, v0, v1, n0, n1);
                }
                if (pass == 0) {
                    sw += under_one(sc, h - 1, vcell, v0, v1, x0, x1, ox);
                    sn += under_one(sc, h - 1, vcell, v0, v1, n0, n1, on);
                } else if (ox && on) {
                    sw += alone_in_cell(sc, h - 1, vcell, v0, v1, x0);
                    sn += alone_in_cell(sc, h - 1, vcell, v0, v1, n0);
                }
            }
        }
    *wide = sw;
    *narrow = sn;
}
