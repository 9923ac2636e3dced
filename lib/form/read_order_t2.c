/*
 * read_order_t2.c - Table 2 in reading order as a browser prints it
 * (read_order_int.h): headings, row labels and headers in runs of their
 * own, the values apart, item after item in the format's order.
 */
#include "ogi_int.h"


#include "label_int.h"
#include "ogi/error.h"
#include "read_order_int.h"

/* Rows a Table 2 item's table has at most (two: 规章 and 规范性文件). */
#define T2_MAX_ROWS 4
/* Items of Table 2 in a format at most (2019's five). */
#define T2_MAX_ITEMS 8

typedef struct {
    ogi_table_id_t id;
    uint32_t heading;          /* its heading's text item */
    uint32_t lab[T2_MAX_ROWS]; /* the text items naming its rows */
    size_t nrows;
} t2_item_t;

/* 1 when text item i is the heading of Table 2's item `label`
 * ("第二十条第（五）项"): "第二十条" and the item's numeral in brackets. */
static int
is_heading_of(const order_t *o, size_t i, const char *label)
{
    const item_t *it = &o->items[i];
    const char *s = o->t->s + it->a;
    size_t n = it->b - it->a;
    const char *br = strstr(label, "（");
    if (!br || n > CELL_MAX_BYTES || !ogi_text_find(s, n, "第二十条"))
        return 0;
    /* the numeral: one character (three bytes) after "（" */
    char want[8];
    memcpy(want, br, 6);
    want[6] = '\0';
    if (ogi_text_find(s, n, want))
        return 1;
    want[0] = '(';
    memmove(want + 1, br + 3, 3);
    want[4] = '\0';
    return ogi_text_find(s, n, want) != NULL;
}

/* 1 when some text item of the region holds lit. */
static int
has_text(const order_t *o, const char *lit)
{
    for (size_t i = 0; i < o->nitems; i++)
        if (o->items[i].kind == IT_TEXT &&
            ogi_text_find(o->t->s + o->items[i].a,
                          o->items[i].b - o->items[i].a, lit))
            return 1;
    return 0;
}

/* The value items of the region in order into v (their count). */
static size_t
value_items(const order_t *o, uint32_t *v)
{
    size_t n = 0;
    for (size_t i = 0; i < o->nitems; i++)
        if (o->items[i].kind == IT_NUM)
            v[n++] = (uint32_t)i;
    return n;
}

/* 1 when values v[0..n) are one column's cells: items one after
 * another on consecutive lines (a block of pdftotext's, no gap). */
static int
one_column(const order_t *o, const uint32_t *v, size_t n)
{
    for (size_t q = 1; q < n; q++)
        if (v[q] != v[q - 1] + 1 ||
            o->items[v[q]].line != o->items[v[q - 1]].line + 1)
            return 0;
    return 1;
}

/*
 * Table 2's items as a browser prints them and pdftotext reads them: the
 * item headings, row labels and column headers in runs of their own,
 * wrapped and out of order ("信" "息内容" "规章" ... "本年" "制发件数"),
 * and the values apart from them, item after item in the format's order:
 * an item's values row by row, each a block of its own, or column by
 * column, a block of its rows' cells per column (a header between). When
 * the headings of the format's items (either format) and a row label
 * are there, and the values number exactly the items' rows times their
 * columns, each row gets its values: each item's heading, then its rows
 * in the format's order, labelled by the first short text naming them
 * or unlabelled (the region starts at the first heading, and Chromium
 * may print an item's labels before it: placement then takes the rows
 * in order); the other text after, as lines. A blank cell the page kept
 * ("&nbsp;" in a crawler's text) is a value of its own. *done is 0 when
 * the region is not so: nothing was added.
 */
int
ogi__order_emit_t2_by_order(ogi__table_t *tb, const order_t *o, int *done)
{
    *done = 0;
    /* most regions hold no item heading: one look settles it */
    if (!has_text(o, "第二十条"))
        return 0;
    uint32_t *v = ogi_arena_alloc(tb->arena, (o->nitems + 1) * sizeof(*v));
    /* each short text item's label, normalised once for every row */
    ogi__label_t *norm =
        ogi_arena_alloc(tb->arena, (o->nitems + 1) * sizeof(*norm));
    if (!v || !norm)
        return OGI_ENOMEM;
    for (size_t i = 0; i < o->nitems; i++) {
        const item_t *it = &o->items[i];
        if (it->kind == IT_TEXT && it->b - it->a <= CELL_MAX_BYTES)
            ogi__label_norm(o->t->s + it->a, it->b - it->a, &norm[i]);
    }
    size_t nv = value_items(o, v);
    static const ogi_format_t formats[] = {OGI_FORMAT_2021, OGI_FORMAT_2019};
    t2_item_t items[T2_MAX_ITEMS];
    size_t nit = 0;
    for (size_t f = 0; f < 2 && !*done; f++) {
        size_t nids;
        const ogi_table_id_t *ids = ogi_skeleton_active(formats[f], &nids);
        size_t cells = 0, named = 0;
        nit = 0;
        int ok = 1;
        for (size_t k = 0; k < nids && k < T2_MAX_ITEMS && ok; k++) {
            const ogi_skel_table_t *sk = ogi_skeleton_table(ids[k]);
            t2_item_t *ti = &items[nit];
            ti->id = ids[k];
            ti->nrows = 0;
            ti->heading = UINT32_MAX;
            for (size_t i = 0; i < o->nitems && ti->heading == UINT32_MAX; i++)
                if (o->items[i].kind == IT_TEXT &&
                    is_heading_of(o, i, sk->label))
                    ti->heading = (uint32_t)i;
            if (ti->heading == UINT32_MAX)
                continue; /* an item the region lacks */
            /* each data row, labelled or not */
            for (size_t r = 0; r < sk->nrows && ok; r++) {
                if (sk->rows[r].flags & OGI_ROW_GROUP)
                    continue;
                if (ti->nrows == T2_MAX_ROWS) {
                    ok = 0;
                    break;
                }
                uint32_t lab = UINT32_MAX;
                for (size_t i = 0; i < o->nitems && lab == UINT32_MAX; i++) {
                    const item_t *it = &o->items[i];
                    if (it->kind != IT_TEXT || it->b - it->a > CELL_MAX_BYTES)
                        continue;
                    if (ogi__label_score_row(&norm[i], ids[k], r, 0) >=
                        LABEL_MIN_SCORE)
                        lab = (uint32_t)i;
                }
                named += lab != UINT32_MAX;
                ti->lab[ti->nrows++] = lab;
            }
            cells += ti->nrows * sk->ncols;
            nit++;
        }
        /* two items at least, a row label, and the items' cells every
         * value of the region */
        if (ok && nit >= 2 && named && cells == nv)
            *done = 1;
    }
    if (!*done)
        return 0;
    int rc;
    size_t s = 0;
    for (size_t k = 0; k < nit; k++) {
        const t2_item_t *ti = &items[k];
        size_t rows = ti->nrows, cols = ogi_skeleton_table(ti->id)->ncols;
        /* column by column: a block of the item's rows per column, the
         * blocks apart (a header or a blank line between) */
        int bycol = rows >= 2;
        for (size_t c = 0; c < cols && bycol; c++)
            bycol = one_column(o, v + s + c * rows, rows) &&
                    (c == 0 || !one_column(o, v + s + c * rows - 1, 2));
        if ((rc = ogi__order_emit_text_line(tb, o, ti->heading)))
            return rc;
        for (size_t r = 0; r < rows; r++) {
            uint32_t lab = ti->lab[r];
            uint32_t at =
                lab != UINT32_MAX ? lab : v[s + r * (bycol ? 1 : cols)];
            if ((rc = ogi__table_row_open(tb, o->items[at].line)) ||
                (lab != UINT32_MAX && (rc = ogi__order_add_item(tb, o, lab))))
                return rc;
            for (size_t c = 0; c < cols; c++) {
                uint32_t it = v[s + (bycol ? c * rows + r : r * cols + c)];
                if ((rc = ogi__order_add_value(tb, o, &o->items[it])))
                    return rc;
            }
            ogi__table_row_close(tb);
        }
        s += rows * cols;
    }
    /* text that is no heading or row label after: captions, headers */
    for (size_t i = 0; i < o->nitems; i++) {
        if (o->items[i].kind != IT_TEXT)
            continue;
        int used = 0;
        for (size_t k = 0; k < nit && !used; k++) {
            used = items[k].heading == i;
            for (size_t r = 0; r < items[k].nrows && !used; r++)
                used = items[k].lab[r] == i;
        }
        if (!used && (rc = ogi__order_emit_text_line(tb, o, (uint32_t)i)))
            return rc;
    }
    return 0;
}
