/*
 * read_order_late.c - Table 3's labels that pdftotext wrote after the
 * rows they name (read_order_int.h): each moved before its row.
 */
#include "ogi_int.h"

#include <string.h>

#include "label_int.h"
#include "ogi/error.h"
#include "read_order_int.h"
#include "reader_int.h"

/* Rows whose labels ogi__order_late_labels moves at most. */
#define LATE_MAX 8

/* The Table 3 data row the label cells of row w of tb name (their text
 * joined), or -1; *vals the row's value cells, *blank its blank ones. */
static long
row_named(const ogi__table_t *tb, size_t w, size_t *nl, size_t *vals,
          size_t *blank)
{
    const ogi__row_t *row = &tb->rows[w];
    char buf[OGI__LABEL_MAX * 2];
    size_t len = 0;
    *nl = *vals = *blank = 0;
    for (size_t i = row->first; i < row->first + row->count; i++) {
        const ogi__cell_t *c = &tb->cells[i];
        if (c->kind == OGI__CELL_VALUE)
            (*vals)++;
        else if (c->kind == OGI__CELL_BLANK)
            (*blank)++;
        else if (c->kind == OGI__CELL_LABEL) {
            (*nl)++;
            size_t m = c->n < sizeof(buf) - len ? c->n : sizeof(buf) - len;
            memcpy(buf + len, c->s, m);
            len += m;
        }
    }
    return *nl ? ogi__order_t3_row_of(buf, len) : -1;
}

/*
 * Table 3's rows as emitted, where a page's labels came after its rows
 * (pdftotext wrote the label column's last block once the values were
 * out): a run of k value rows without labels follows a labelled row of
 * row ra, the next labelled row names rb, and more than k data rows lie
 * between ra and rb, so that reading them in the format's order from ra
 * on would name them wrong. When exactly k labels naming rows between
 * ra and rb, in order, stand alone later in the region, each is moved
 * to just before its row (the rows of tb reordered, their cells kept).
 * Returns 0 or OGI_ENOMEM.
 */
int
ogi__order_late_labels(ogi__table_t *tb)
{
    size_t n = tb->nrows;
    if (n < 4)
        return 0;
    long *named = ogi_arena_alloc(tb->arena, n * sizeof(*named));
    long *anchor = ogi_arena_alloc(tb->arena, n * sizeof(*anchor));
    /* 0 other, 1 values alone, 2 labels alone, 3 labels and values */
    uint8_t *kind = ogi_arena_alloc(tb->arena, n);
    uint8_t *used = ogi_arena_calloc(tb->arena, n, 1);
    if (!named || !anchor || !kind || !used)
        return OGI_ENOMEM;
    for (size_t w = 0; w < n; w++) {
        size_t nl, nv, nb;
        named[w] = row_named(tb, w, &nl, &nv, &nb);
        kind[w] = !nl && nv ? 1 : nl && !nv && !nb ? 2 : nl && nv ? 3 : 0;
    }
    /* the row each row is known to hold (-1: none known): a labelled
     * row its label's; values alone right after labels alone the last
     * of those labels' that names one (a label wrapped over rows: it
     * and the fragments after it are used) */
    for (size_t w = 0; w < n; w++)
        anchor[w] = kind[w] == 3 ? named[w] : -1;
    for (size_t w = 0; w < n; w++) {
        if (kind[w] != 2)
            continue;
        size_t e = w;
        while (e + 1 < n && kind[e + 1] == 2)
            e++;
        if (e + 1 < n && kind[e + 1] == 1) {
            /* (the last label that names a row, and its wrapped tail;
             * the labels before it in the run are others') */
            size_t q = e + 1;
            while (q > w && named[q - 1] < 0)
                q--;
            if (q > w)
                anchor[e + 1] = named[--q];
            for (; q <= e; q++)
                used[q] = 1;
        }
        w = e;
    }
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    size_t move_from[LATE_MAX], move_to[LATE_MAX], nmove = 0;
    long ra = -1;
    for (size_t w = 0; w < n; w++) {
        if (anchor[w] >= 0) {
            ra = anchor[w];
            continue;
        }
        if (kind[w] != 1 || ra < 0)
            continue;
        /* a run of values alone after the row of ra, up to the next
         * row known (rb) */
        size_t g0 = w, g1 = w;
        while (g1 + 1 < n && kind[g1 + 1] == 1 && anchor[g1 + 1] < 0)
            g1++;
        w = g1;
        long rb = -1;
        size_t zb = g1 + 1;
        for (; zb < n && rb < 0; zb++)
            rb = anchor[zb];
        if (rb <= ra)
            continue;
        size_t k = g1 - g0 + 1, between = 0;
        for (long r = ra + 1; r < rb; r++)
            between += !(sk->rows[r].flags & OGI_ROW_GROUP);
        if (between <= k || nmove + k > LATE_MAX)
            continue;
        /* k labels alone, after rb's row and before no values of their
         * own, naming rows between ra and rb in order */
        size_t got = 0, at[LATE_MAX];
        long last = ra;
        for (size_t q = zb; q < n && got <= k; q++) {
            if (kind[q] != 2 || used[q] || named[q] <= ra || named[q] >= rb)
                continue;
            if (named[q] <= last || got == k) {
                got = k + 1;
                break;
            }
            last = named[q];
            at[got++] = q;
        }
        if (got != k)
            continue;
        for (size_t i = 0; i < k; i++) {
            used[at[i]] = 1;
            move_from[nmove] = at[i];
            move_to[nmove++] = g0 + i;
        }
    }
    if (!nmove)
        return 0;
    ogi__row_t *rows = ogi_arena_alloc(tb->arena, n * sizeof(*rows));
    if (!rows)
        return OGI_ENOMEM;
    size_t m = 0;
    for (size_t w = 0; w < n; w++) {
        int moved = 0;
        for (size_t i = 0; i < nmove; i++) {
            moved |= move_from[i] == w;
            if (move_to[i] == w && OGI_ALWAYS(m < n))
                rows[m++] = tb->rows[move_from[i]];
        }
        if (!moved && OGI_ALWAYS(m < n))
            rows[m++] = tb->rows[w];
    }
    memcpy(tb->rows, rows, m * sizeof(*rows));
    return 0;
}
