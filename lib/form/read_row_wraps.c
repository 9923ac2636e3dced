/*
 * read_row_wraps.c - a placeholder a converter wrapped in its narrow
 * column, joined before the rows' bands are read (read_row_bands.c).
 *
 * w3m sets a cell too narrow for 不适用 over two or three lines ("不适"
 * over "用", "不" over "适用", 不/适/用), each piece in the cell's column.
 * Where the pieces' lines hold only this row's cells, the band of the
 * row joins them. But the line below a row's values may hold the top of
 * the next rows' outer group label ("（五）" beside "用"): that line starts
 * the next band, and the tail would be read as a label of a row of its
 * own. Such a placeholder is joined here, in the piece on the line of its
 * row's values, and its other pieces are taken off their lines.
 */
#include "ogi_int.h"

#include <string.h>

#include "bands_int.h"
#include "ogi/error.h"

#define CHAIN_MAX   3  /* 不/适/用: the narrowest column sets three lines */
#define PIECE_BYTES 12 /* a piece of a placeholder, at most (不适用 is 9) */

/* The one cell of row r of sc overlapping columns [a, b) of cell i, or
 * SIZE_MAX when none or several do. */
static size_t
only_over(const ogi__table_t *sc, size_t r, size_t i, const int *x0,
          const int *x1)
{
    size_t at = SIZE_MAX;
    for (size_t j = sc->rows[r].first;
         j < sc->rows[r].first + sc->rows[r].count; j++)
        if (j != i && x0[j] >= 0 && overlap(x0[i], x1[i], x0[j], x1[j])) {
            if (at != SIZE_MAX)
                return SIZE_MAX;
            at = j;
        }
    return at;
}

/* The row of sc that holds cell i (rows in order, their cells one after
 * another). */
static size_t
row_of(const ogi__table_t *sc, size_t i)
{
    size_t lo = 0, hi = sc->nrows;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (sc->rows[mid].first <= i)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* 1 when row r of sc holds, besides cell i, a label that starts with
 * an item's or a group's number ("（五）", "3.重复申请"). */
static int
numbered_beside(const ogi__table_t *sc, size_t r, size_t i)
{
    for (size_t j = sc->rows[r].first;
         j < sc->rows[r].first + sc->rows[r].count; j++)
        if (j != i && sc->cells[j].kind == OGI__CELL_LABEL &&
            ogi__table_starts_numbered(sc->cells[j].s, sc->cells[j].n))
            return 1;
    return 0;
}

/* Joins the pieces ch[0..n) (bottom first) into cell ch[at]: their text
 * top to bottom, read again; their spans together. Returns 0 or
 * OGI_ENOMEM. */
static int
join(ogi__table_t *sc, const size_t *ch, size_t n, size_t at)
{
    size_t len = 0;
    for (size_t k = 0; k < n; k++)
        len += sc->cells[ch[k]].n;
    char *buf = ogi_arena_alloc(sc->arena, len + 1);
    if (!buf)
        return OGI_ENOMEM;
    size_t o = 0, lo = SIZE_MAX, hi = 0;
    for (size_t k = n; k-- > 0;) {
        const ogi__cell_t *p = &sc->cells[ch[k]];
        memcpy(buf + o, p->s, p->n);
        o += p->n;
        if (p->off < lo)
            lo = p->off;
        if (p->off + p->len > hi)
            hi = p->off + p->len;
    }
    ogi__cell_t *d = &sc->cells[ch[at]];
    if (ogi_number_parse(buf, o, &d->num) == OGI_NUM_NONE)
        return 0; /* the caller parsed it: cannot happen */
    d->kind = OGI__CELL_VALUE;
    d->s = buf;
    d->n = (uint32_t)o;
    d->off = (uint32_t)lo;
    d->len = (uint32_t)(hi - lo);
    d->measurable = 0;
    return 0;
}

/* Cells of sc whose drop[] is set taken off, rows left empty with them;
 * the columns a0..b1 of the cells kept move with them. */
static void
compact(ogi__table_t *sc, const unsigned char *drop, int *a0, int *a1, int *b0,
        int *b1)
{
    size_t o = 0, nr = 0;
    for (size_t r = 0; r < sc->nrows; r++) {
        ogi__row_t row = sc->rows[r];
        size_t first = o;
        for (size_t i = row.first; i < row.first + row.count; i++) {
            if (drop[i])
                continue;
            sc->cells[o] = sc->cells[i];
            a0[o] = a0[i];
            a1[o] = a1[i];
            b0[o] = b0[i];
            b1[o] = b1[i];
            o++;
        }
        if (o == first)
            continue;
        row.first = (uint32_t)first;
        row.count = (uint32_t)(o - first);
        sc->rows[nr++] = row;
    }
    sc->ncells = o;
    sc->nrows = nr;
}

int
ogi__band_join_wraps(ogi__table_t *sc, const int *x0, const int *x1, int *a0,
                     int *a1, int *b0, int *b1)
{
    unsigned char *drop = NULL;
    if (sc->nrows < 2)
        return 0;
    /* one walk along the cells, not the rows: most lines hold no piece */
    for (size_t i = sc->rows[1].first; i < sc->ncells; i++) {
        if (!ogi__band_wrap_tail(&sc->cells[i]) || x0[i] < 0 ||
            (drop && drop[i]))
            continue;
        size_t b = row_of(sc, i);
        /* the pieces right above it, one a line, each the other's
         * only neighbour */
        size_t ch[CHAIN_MAX], rows[CHAIN_MAX], n = 1;
        ch[0] = i;
        rows[0] = b;
        for (size_t q = b; q > 0 && n < CHAIN_MAX; q--) {
            if (sc->rows[q - 1].line + 1 != sc->rows[q].line)
                break;
            size_t j = only_over(sc, q - 1, ch[n - 1], x0, x1);
            if (j == SIZE_MAX || sc->cells[j].n > PIECE_BYTES ||
                sc->cells[j].kind != OGI__CELL_LABEL || (drop && drop[j]) ||
                only_over(sc, q, j, x0, x1) != ch[n - 1])
                break;
            ch[n] = j;
            rows[n++] = q - 1;
        }
        if (n < 2)
            continue;
        /* the fewest pieces that read as a value together */
        char buf[64];
        size_t k = 1, len = 0;
        ogi_num_t num;
        for (; k < n; k++) {
            len = 0;
            for (size_t p = k + 1; p-- > 0;) {
                const ogi__cell_t *q = &sc->cells[ch[p]];
                if (len + q->n > sizeof(buf))
                    break;
                memcpy(buf + len, q->s, q->n);
                len += q->n;
            }
            if (ogi_number_parse(buf, len, &num) != OGI_NUM_NONE)
                break;
        }
        if (k == n)
            continue;
        n = k + 1;
        /* into the piece on the line with the most values. The bands
         * cannot join it where another piece's line starts a row or
         * group of its own (a numbered label: "（五）" beside "用"), nor
         * where the placeholder is one of two values of its line, the
         * only other a value already (a line of one value is no line
         * of values to them); else they do, as they always did */
        size_t at = 0, most = 0;
        int apart = 0;
        for (size_t p = 0; p < n; p++) {
            size_t v = nvalues(sc, rows[p]);
            if (v > most) {
                most = v;
                at = p;
            }
        }
        for (size_t p = 0; p < n && !apart; p++)
            apart = p != at && numbered_beside(sc, rows[p], ch[p]);
        if (most < 1 || (most >= 2 && !apart))
            continue;
        if (!drop) {
            if (!(drop = ogi_arena_alloc(sc->arena, sc->ncells)))
                return OGI_ENOMEM;
            memset(drop, 0, sc->ncells);
        }
        int rc = join(sc, ch, n, at);
        if (rc)
            return rc;
        for (size_t p = 0; p < n; p++)
            drop[ch[p]] = p != at;
    }
    if (drop)
        compact(sc, drop, a0, a1, b0, b1);
    return drop != NULL;
}
