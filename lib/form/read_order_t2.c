/*
 * read_order_t2.c - Table 2 in reading order (read_order_int.h): as a
 * browser prints it, headings, row labels and headers in runs of their
 * own, the values apart, item after item in the format's order; and as
 * pdftotext writes a sub-table, its labels in a run and its values after.
 */
#include "ogi_int.h"

#include <string.h>

#include "label_int.h"
#include "ogi/error.h"
#include "ogi/skeleton.h"
#include "read_order_int.h"
#include "reader_int.h"

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

/* Numbers of a Table 2 region read as wrapped in their narrow column at
 * most (a value's digits over two lines). */
#define T2_MAX_WRAPS 2

/* 1 when s[a, b) is digits, a sign before them when sign is set; their
 * count into *nd. */
static int
digits_only(const char *s, uint32_t a, uint32_t b, int sign, size_t *nd)
{
    if (sign && a < b && (s[a] == '+' || s[a] == '-'))
        a++;
    if (a == b)
        return 0;
    for (uint32_t q = a; q < b; q++)
        if (s[q] < '0' || s[q] > '9')
            return 0;
    *nd = b - a;
    return 1;
}

/*
 * 1 when value items i and i + 1 can be one number that LibreOffice
 * wrapped in its narrow column ("+2" "0" for +20, "905" "5" for 9055):
 * a block of their own of two consecutive lines, the first two
 * characters wide or more (a sign allowed), its digits not starting
 * with a zero, the second plain digits no wider.
 */
static int
wrapped_pair(const order_t *o, size_t i)
{
    if (i + 1 >= o->nitems)
        return 0;
    const item_t *x = &o->items[i], *y = &o->items[i + 1];
    const char *s = o->t->s;
    size_t nx, ny;
    if (x->kind != IT_NUM || y->kind != IT_NUM || x->js || y->js ||
        y->line != x->line + 1 || x->b - x->a < 2 ||
        y->b - y->a > x->b - x->a || !digits_only(s, x->a, x->b, 1, &nx) ||
        !digits_only(s, y->a, y->b, 0, &ny) || nx + ny > 9 ||
        s[x->b - nx] == '0')
        return 0;
    /* the block is the two lines: no number on the line before or after */
    if (i > 0 && o->items[i - 1].kind == IT_NUM &&
        o->items[i - 1].line + 1 == x->line)
        return 0;
    return i + 2 >= o->nitems || o->items[i + 2].kind != IT_NUM ||
           o->items[i + 2].line != y->line + 1;
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

/* 1 when text item i is an item's heading or a row's label. */
static int
t2_used(const t2_item_t *items, size_t nit, size_t i)
{
    for (size_t k = 0; k < nit; k++) {
        if (items[k].heading == i)
            return 1;
        for (size_t r = 0; r < items[k].nrows; r++)
            if (items[k].lab[r] == i)
                return 1;
    }
    return 0;
}

/* Position of value item it in v[0..n), or n. */
static size_t
value_pos(const uint32_t *v, size_t n, size_t it)
{
    size_t q = 0;
    while (q < n && v[q] != it)
        q++;
    return q;
}

/* A row's cells left at a page's end at most (Table 2's columns). */
#define T2_MAX_TAIL 3

/*
 * A Table 2 row that opens a page, its label first, may have its last
 * cells written at the page's end: pdftotext reads the column's block at
 * the page's top after the rest of the page ("其他对外管理服务事项" "177"
 * "0", the next items, "2935" before the form feed). When a row that
 * opens a page has some of its cells after its label but not all, and
 * the page ends in a run of exactly the cells missing after a text item,
 * those values are put back after the row's: in v and vx (n values, the
 * format's order) they move there.
 */
static void
move_page_tails(const order_t *o, const t2_item_t *items, size_t nit,
                uint32_t *v, item_t *vx, size_t n)
{
    for (size_t k = 0; k < nit; k++) {
        size_t cols = ogi_skeleton_table(items[k].id)->ncols;
        for (size_t r = 0; r < items[k].nrows; r++) {
            uint32_t lab = items[k].lab[r];
            if (lab == UINT32_MAX)
                continue;
            /* the label opens its page */
            size_t p = lab;
            while (p > 0 && o->items[p - 1].kind == IT_GAP)
                p--;
            size_t from = p > 0 ? o->items[p - 1].line + 1 : 0, top = 0;
            for (size_t l = from; l <= o->items[lab].line && !top; l++)
                top = ogi__order_page_start(o->t, l);
            if (!top)
                continue;
            /* the row's values after it (its label's wrapped tail
             * between) */
            size_t q = lab + 1, c = 0, last = 0;
            for (; q < o->nitems; q++) {
                const item_t *x = &o->items[q];
                if (x->kind == IT_NUM) {
                    c++;
                    last = q;
                } else if (x->kind == IT_TEXT &&
                           (c || t2_used(items, nit, q))) {
                    break;
                }
            }
            if (c == 0 || c >= cols || q == o->nitems)
                continue;
            /* the page's end: the items before the next page's start */
            size_t e = q;
            while (e < o->nitems &&
                   !ogi__order_page_start(o->t, o->items[e].line))
                e++;
            if (e == o->nitems)
                continue;
            size_t b = e, m = 0;
            while (b > q && o->items[b - 1].kind != IT_TEXT)
                m += o->items[--b].kind == IT_NUM;
            if (m != cols - c || m > T2_MAX_TAIL || b == q)
                continue;
            while (o->items[b].kind != IT_NUM)
                b++;
            size_t pv = value_pos(v, n, last), pt = value_pos(v, n, b);
            if (pv >= n || pt >= n || pt + m > n || pt <= pv + 1)
                continue;
            /* v[pv + 1, pt + m) turned so that the run comes first */
            uint32_t tv[T2_MAX_TAIL];
            item_t tx[T2_MAX_TAIL];
            memcpy(tv, v + pt, m * sizeof(*v));
            memcpy(tx, vx + pt, m * sizeof(*vx));
            memmove(v + pv + 1 + m, v + pv + 1, (pt - pv - 1) * sizeof(*v));
            memmove(vx + pv + 1 + m, vx + pv + 1, (pt - pv - 1) * sizeof(*vx));
            memcpy(v + pv + 1, tv, m * sizeof(*v));
            memcpy(vx + pv + 1, tx, m * sizeof(*vx));
        }
    }
}

/* The values right after text item lab, before the next item that is no
 * value. */
static size_t
values_after(const order_t *o, uint32_t lab)
{
    size_t q = lab + 1;
    while (q < o->nitems && o->items[q].kind == IT_NUM)
        q++;
    return q - lab - 1;
}

/*
 * 1 when the items items[0..nit) of a region with no blank line (a
 * crawler's text, a node a line) are written row by row, each row's label
 * then its values, and the nv values the region holds are those rows'
 * cells but for rows whose label has no value after it: a crawler drops
 * an empty cell's node ("行政事业性收费" then the next section's
 * heading), so such a row's cells are blank. Every row labelled, each
 * followed by all its values or none.
 */
static int
rows_with_blanks(const order_t *o, const t2_item_t *items, size_t nit,
                 size_t nv)
{
    for (size_t i = 0; i < o->nitems; i++)
        if (o->items[i].kind == IT_GAP || o->items[i].kind == IT_HOLE)
            return 0;
    size_t seen = 0, bare = 0;
    for (size_t k = 0; k < nit; k++) {
        size_t cols = ogi_skeleton_table(items[k].id)->ncols;
        for (size_t r = 0; r < items[k].nrows; r++) {
            if (items[k].lab[r] == UINT32_MAX)
                return 0;
            size_t c = values_after(o, items[k].lab[r]);
            if (c != 0 && c != cols)
                return 0;
            seen += c;
            bare += c == 0;
        }
    }
    return bare && seen == nv;
}

/* The text items that are no item heading or row label of items[0..nit),
 * as lines: captions, headers. Returns 0 or OGI_ENOMEM. */
static int
emit_other_text(ogi__table_t *tb, const order_t *o, const t2_item_t *items,
                size_t nit)
{
    int rc;
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

/* The rows of items[0..nit) as rows_with_blanks found them: each row its
 * label and the values after it, or blank cells where none; the other
 * text after, as lines. Returns 0 or OGI_ENOMEM. */
static int
emit_rows_with_blanks(ogi__table_t *tb, const order_t *o,
                      const t2_item_t *items, size_t nit)
{
    int rc;
    for (size_t k = 0; k < nit; k++) {
        const t2_item_t *ti = &items[k];
        size_t cols = ogi_skeleton_table(ti->id)->ncols;
        if ((rc = ogi__order_emit_text_line(tb, o, ti->heading)))
            return rc;
        for (size_t r = 0; r < ti->nrows; r++) {
            uint32_t lab = ti->lab[r];
            size_t c = values_after(o, lab);
            if ((rc = ogi__table_row_open(tb, o->items[lab].line)) ||
                (rc = ogi__order_add_item(tb, o, lab)))
                return rc;
            for (size_t q = 0; q < cols; q++) {
                rc = c ? ogi__order_add_value(tb, o, &o->items[lab + 1 + q])
                     : !ogi__table_add(tb, OGI__CELL_BLANK, "", 0,
                                       o->items[lab].b, 0)
                         ? OGI_ENOMEM
                         : 0;
                if (rc)
                    return rc;
            }
            ogi__table_row_close(tb);
        }
    }
    return emit_other_text(tb, o, items, nit);
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
    /* the values that could be a number wrapped in two: joined when the
     * items' cells then number the values exactly */
    size_t wrap[T2_MAX_WRAPS + 1], nw = 0;
    for (size_t q = 0; q + 1 < nv && nw <= T2_MAX_WRAPS; q++)
        if (v[q + 1] == v[q] + 1 && wrapped_pair(o, v[q]))
            wrap[nw++] = q++;
    int joined = 0, blanks = 0;
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
        if (ok && nit >= 2 && named &&
            (cells == nv || (nw && nw <= T2_MAX_WRAPS && cells + nw == nv))) {
            *done = 1;
            joined = cells != nv;
        } else if (ok && nit >= 2 && nv < cells &&
                   rows_with_blanks(o, items, nit, nv)) {
            *done = blanks = 1;
        }
    }
    if (!*done)
        return 0;
    int rc;
    if (blanks)
        return emit_rows_with_blanks(tb, o, items, nit);
    /* the values as items, the wrapped ones joined */
    item_t *vx = ogi_arena_alloc(tb->arena, (nv + 1) * sizeof(*vx));
    if (!vx)
        return OGI_ENOMEM;
    size_t n = 0;
    for (size_t q = 0, w = 0; q < nv; q++) {
        if (joined && w < nw && wrap[w] == q) {
            size_t pair[2] = {v[q], v[q + 1]};
            if ((rc = ogi__order_join_items(o, pair, 2, &vx[n], tb->arena)))
                return rc;
            v[n++] = v[q++];
            w++;
            continue;
        }
        vx[n] = o->items[v[q]];
        v[n++] = v[q];
    }
    nv = n;
    move_page_tails(o, items, nit, v, vx, nv);
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
                size_t vi = s + (bycol ? c * rows + r : r * cols + c);
                if ((rc = ogi__order_add_value(tb, o, &vx[vi])))
                    return rc;
            }
            ogi__table_row_close(tb);
        }
        s += rows * cols;
    }
    /* text that is no heading or row label after: captions, headers */
    return emit_other_text(tb, o, items, nit);
}

/* ---- Table 2's labels and their values ---- */

/* Items a label run of Table 2 holds at most (its tables have two rows
 * or three). */
#define T2_MAX_LABELS 4

/* 1 when text item i is an item heading of Table 2 ("第二十条第（一）项"):
 * a sub-table of its own starts there. */
static int
is_item_heading(const order_t *o, size_t i)
{
    const item_t *it = &o->items[i];
    return ogi_text_find(o->t->s + it->a, it->b - it->a, "第二十条") != NULL;
}

/* The Table 2 tables (a bit each) whose data rows text item i names. */
static unsigned
t2_tables(const order_t *o, size_t i)
{
    const item_t *it = &o->items[i];
    if (it->b - it->a > CELL_MAX_BYTES)
        return 0;
    ogi__label_t in;
    ogi__label_norm(o->t->s + it->a, it->b - it->a, &in);
    return ogi__order_label_tables(&in, OGI_T3 - 1);
}

unsigned
ogi__order_label_tables(const ogi__label_t *in, int last)
{
    /* the rows the label may match only (most labels name one row or
     * none): the others score 0 */
    ogi__label_rows_t *m = ogi__label_rows_find(in);
    unsigned ids = 0;
    for (int id = 0; id <= last; id++) {
        const ogi_skel_table_t *sk = ogi_skeleton_table((ogi_table_id_t)id);
        for (uint32_t may = ogi__label_rows_in(m, in, (ogi_table_id_t)id); may;
             may &= may - 1) {
            size_t r = (size_t)__builtin_ctz(may);
            if (r >= sk->nrows)
                break;
            if (!(sk->rows[r].flags & OGI_ROW_GROUP) &&
                ogi__label_score_row(in, (ogi_table_id_t)id, r, 0) >=
                    LABEL_MIN_SCORE) {
                ids |= 1u << id;
                break;
            }
        }
    }
    return ids;
}

/*
 * The labels of Table 2's rows among text pieces [a, b) into lab (piece
 * indexes; their count), when every text piece of that span that names a
 * row names one of the same table, and n single values fill those rows
 * exactly (n = labels x the table's columns); else 0.
 */
static size_t
t2_labels(const order_t *o, size_t a, size_t b, size_t n, size_t *lab)
{
    size_t nl = 0;
    unsigned common = ~0u;
    for (size_t q = a; q < b; q++) {
        unsigned ids = t2_tables(o, o->pieces[q].item);
        if (!ids)
            continue;
        if (nl == T2_MAX_LABELS)
            return 0;
        common &= ids;
        lab[nl++] = q;
    }
    if (nl < 2 || !common)
        return 0;
    for (int id = 0; id < OGI_T3; id++)
        if ((common >> id & 1u) &&
            n == nl * ogi_skeleton_table((ogi_table_id_t)id)->ncols)
            return nl;
    return 0;
}

/* Label piece lab[k] with the k-th share of the n single values from
 * piece v, as rows; the other text pieces of [a, b) as lines. The lines
 * first when lines_first (the labels and headers came before the
 * values). */
static int
emit_t2_rows(ogi__table_t *tb, const order_t *o, size_t a, size_t b,
             const size_t *lab, size_t nl, size_t v, size_t n, int lines_first)
{
    int rc;
    for (int pass = 0; pass < 2; pass++) {
        if ((pass == 0) == (lines_first != 0)) {
            for (size_t q = a, k = 0; q < b; q++) {
                if (k < nl && lab[k] == q) {
                    k++;
                    continue;
                }
                if ((rc = ogi__order_emit_text_line(tb, o, o->pieces[q].item)))
                    return rc;
            }
            continue;
        }
        size_t w = n / nl;
        for (size_t k = 0; k < nl; k++) {
            uint32_t item = o->pieces[lab[k]].item;
            if ((rc = ogi__table_row_open(tb, o->items[item].line)) ||
                (rc = ogi__order_add_item(tb, o, item)))
                return rc;
            for (size_t c = 0; c < w; c++)
                if ((rc = ogi__order_add_values(tb, o,
                                                &o->pieces[v + k * w + c])))
                    return rc;
            ogi__table_row_close(tb);
        }
    }
    return 0;
}

/* Single values (not of a column block) from piece i on: their count. */
size_t
ogi__order_singles_at(const order_t *o, size_t i)
{
    size_t n = 0;
    while (i + n < o->npieces && !o->pieces[i + n].text &&
           !o->pieces[i + n].block && o->pieces[i + n].count == 1)
        n++;
    return n;
}

/*
 * Table 2's small tables in reading order: their row labels in a run
 * (with the column headers), and the rows' values as single blocks, all
 * of them, either after the run or before it ("规章" "行政规范性文件"
 * then "0" "0" "0" "1" "0" "7"). Row by row, the values go with the
 * labels in order when they number exactly the labels' rows of their
 * table's columns. The labels count from the item's heading
 * ("第二十条第（一）项") on; values before labels pair with them only when
 * the next item's heading (or the region's end) follows them, not values
 * of their own. From piece i: *next past what was read, or i when the
 * pieces there are not such a table. Returns 0 or OGI_ENOMEM.
 */
int
ogi__order_emit_t2(ogi__table_t *tb, const order_t *o, size_t i, size_t *next)
{
    size_t lab[T2_MAX_LABELS], nl;
    *next = i;
    if (o->pieces[i].text) {
        /* labels, then their values */
        size_t a = i, b = i;
        while (b < o->npieces && o->pieces[b].text) {
            if (is_item_heading(o, o->pieces[b].item))
                a = b + 1;
            b++;
        }
        size_t n = b < o->npieces ? ogi__order_singles_at(o, b) : 0;
        if (!n || (b + n < o->npieces && !o->pieces[b + n].text) ||
            !(nl = t2_labels(o, a, b, n, lab)))
            return 0;
        *next = b + n;
        return emit_t2_rows(tb, o, i, b, lab, nl, b, n, 1);
    }
    /* values, then their labels up to the next item's heading */
    size_t n = ogi__order_singles_at(o, i);
    if (n < 2 || (i > 0 && !o->pieces[i - 1].text))
        return 0;
    size_t a = i + n, b = a;
    while (b < o->npieces && o->pieces[b].text &&
           !is_item_heading(o, o->pieces[b].item))
        b++;
    if (b == a || (b < o->npieces && !o->pieces[b].text) ||
        !(nl = t2_labels(o, a, b, n, lab)))
        return 0;
    *next = b;
    return emit_t2_rows(tb, o, a, b, lab, nl, i, n, 0);
}

/*
 * Every piece its own row, in reading order, except that a run of single
 * values that fills rows of width (Table 3's, when the region is Table 3
 * by its labels; else 0) is read as those rows, and the labels just
 * before a column block are paired with its rows: with j labels before a
 * block of k rows, the last min(j, k) labels name the last min(j, k) rows
 * (a label run as long as the block names all of it; a single label
 * before a block sits on the level of the block's last row).
 */
