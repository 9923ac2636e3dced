/*
 * read_order_rows.c - the reading-order reader's rows in reading order
 * (read_order_int.h): every piece its own row, runs of single values cut
 * into rows, labels paired with the rows of values they name. Table 3 by
 * the format's order is read_order.c's.
 */
#include "ogi_int.h"

#include <string.h>

#include "label_int.h"
#include "ogi/error.h"
#include "ogi/skeleton.h"
#include "read_order_int.h"
#include "reader_int.h"

int
ogi__order_add_value(ogi__table_t *tb, const order_t *o, const item_t *it)
{
    if (it->js)
        return ogi__table_add(tb, OGI__CELL_VALUE, it->js, it->jn, it->a,
                              it->b - it->a)
                   ? 0
                   : OGI_ENOMEM;
    return ogi__table_add_cell(tb, o->t->s + it->a, it->b - it->a, it->a)
               ? 0
               : OGI_ENOMEM;
}

static int
add_values(ogi__table_t *tb, const order_t *o, const piece_t *p)
{
    for (uint32_t v = 0; v < p->count; v++)
        if (ogi__order_add_value(tb, o, &o->items[o->vals[p->first + v]]))
            return OGI_ENOMEM;
    return 0;
}

int
ogi__order_add_item(ogi__table_t *tb, const order_t *o, size_t item)
{
    const item_t *it = &o->items[item];
    ogi_num_t num;
    /* text that reads as a value (change_slash): a label */
    if (it->kind == IT_TEXT && !it->js &&
        ogi_number_parse(o->t->s + it->a, it->b - it->a, &num) != OGI_NUM_NONE)
        return ogi__table_add(tb, OGI__CELL_LABEL, o->t->s + it->a,
                              it->b - it->a, it->a, it->b - it->a)
                   ? 0
                   : OGI_ENOMEM;
    size_t a, b;
    ogi__order_line_content(o->t, it->line, &a, &b);
    if (it->a == a && it->b == b)
        return ogi__table_add_line(tb, it->line);
    return ogi__table_add_words(tb, o->t->s + it->a, it->b - it->a, it->a);
}

/* A text item as the row-lines reader reads its line. */
int
ogi__order_emit_text_line(ogi__table_t *tb, const order_t *o, uint32_t item)
{
    int rc;
    if ((rc = ogi__table_row_open(tb, o->items[item].line)) ||
        (rc = ogi__order_add_item(tb, o, item)))
        return rc;
    ogi__table_row_close(tb);
    return 0;
}

/* Blank cells one gap of a short row may stand for: one byte each. */
static const char gap_text[T3_COLS] = "      ";

/*
 * The n single values of pieces p[0..n), fewer than width, as one row
 * with a gap before, between and after them, each a BLANK cell whose
 * text stands for up to width - n blank cells (split_int.h).
 */
static int
emit_short_row(ogi__table_t *tb, const order_t *o, const piece_t *p, size_t n,
               size_t width, uint32_t label)
{
    int rc;
    size_t miss = width - n;
    if (miss > sizeof(gap_text))
        miss = sizeof(gap_text);
    uint32_t at0 = label != UINT32_MAX ? label : o->vals[p[0].first];
    if ((rc = ogi__table_row_open(tb, o->items[at0].line)))
        return rc;
    if (label != UINT32_MAX && (rc = ogi__order_add_item(tb, o, label)))
        return rc;
    for (size_t v = 0; v <= n; v++) {
        const item_t *at = &o->items[o->vals[p[v < n ? v : n - 1].first]];
        uint32_t off = v < n ? at->a : at->b;
        if (!ogi__table_add(tb, OGI__CELL_BLANK, gap_text, miss, off, 0))
            return OGI_ENOMEM;
        if (v < n && (rc = add_values(tb, o, &p[v])))
            return rc;
    }
    ogi__table_row_close(tb);
    return 0;
}

/* Rows a run of singles is cut into at most: Table 3's data rows and
 * more (a browser's page writes all of its rows' values in one run after
 * the labels' block); longer runs are read as before. */
#define RUN_MAX_ROWS 32

/* 1 when the n single values of pieces p[0..n) hold the row identity of
 * Table 3: the last the sum of the others (blanks count nothing). */
static int
sums_up(const order_t *o, const piece_t *p, size_t n)
{
    int64_t sum = 0;
    for (size_t v = 0; v < n; v++) {
        int64_t x = ogi__order_item_count(o, &o->items[o->vals[p[v].first]]);
        if (x < 0)
            return 0;
        if (v + 1 < n)
            sum += x;
        else
            return n >= 2 && x == sum;
    }
    return 0;
}

/*
 * A run of n single values, more than width and not a multiple of it:
 * pdftotext left blank cells out, so the run holds the fewest rows that
 * take it (ceil(n / width)), some of them short. The lengths of the rows
 * into len (returns their count; 0 when the run is too long): each at
 * least width - (the cells missing), cut where most rows hold the row
 * identity; among cuts as good, the full rows first (a cut that is
 * wrong then spoils the fewest rows' columns).
 */
static size_t
cut_run(const order_t *o, const piece_t *p, size_t n, size_t width, size_t *len)
{
    size_t rows = (n + width - 1) / width, miss = rows * width - n;
    if (rows > RUN_MAX_ROWS || n > RUN_MAX_ROWS * T3_COLS)
        return 0;
    /* best[r][q]: most rows holding the identity over rows r.. taking
     * values q.. (-1: cannot be done) */
    int best[RUN_MAX_ROWS + 1][RUN_MAX_ROWS * T3_COLS + 1];
    uint8_t take[RUN_MAX_ROWS + 1][RUN_MAX_ROWS * T3_COLS + 1];
    for (size_t r = rows + 1; r-- > 0;)
        for (size_t q = 0; q <= n; q++) {
            best[r][q] = r == rows ? (q == n ? 0 : -1) : -1;
            if (r == rows)
                continue;
            for (size_t l = width; l + miss >= width && l >= 1; l--) {
                if (q + l > n || best[r + 1][q + l] < 0)
                    continue;
                int sc = best[r + 1][q + l] + sums_up(o, p + q, l);
                if (sc > best[r][q]) {
                    best[r][q] = sc;
                    take[r][q] = (uint8_t)l;
                }
            }
        }
    if (best[0][0] < 0)
        return 0;
    for (size_t r = 0, q = 0; r < rows; r++) {
        len[r] = take[r][q];
        q += len[r];
    }
    return rows;
}

/*
 * How many values the region's rows hold as pdftotext wrote them: width
 * when some run of single values between two labels has width values (or
 * none is seen), else the most common length of such runs (the longer on
 * a tie). Less than width where the table ran over the paper's edge and
 * its last columns were cut off: every row then lacks them.
 */
static size_t
row_width(const order_t *o, size_t width)
{
    size_t seen[T3_COLS + 1] = {0};
    for (size_t i = 0; i < o->npieces;) {
        size_t run = 0;
        while (i + run < o->npieces && !o->pieces[i + run].text &&
               !o->pieces[i + run].block && o->pieces[i + run].count == 1)
            run++;
        if (run && run <= width && width <= T3_COLS && i > 0 &&
            o->pieces[i - 1].text &&
            (i + run == o->npieces || o->pieces[i + run].text))
            seen[run]++;
        i += run ? run : 1;
    }
    if (seen[width])
        return width;
    size_t best = width;
    for (size_t k = width; k >= 1 && width <= T3_COLS; k--)
        if (seen[k] > seen[best])
            best = k;
    return best;
}

/* The width single values of pieces p[0..width) as one row. */
static int
emit_full_row(ogi__table_t *tb, const order_t *o, const piece_t *p,
              size_t width)
{
    int rc;
    if ((rc = ogi__table_row_open(tb, o->items[o->vals[p->first]].line)))
        return rc;
    for (size_t v = 0; v < width; v++)
        if ((rc = add_values(tb, o, &p[v])))
            return rc;
    ogi__table_row_close(tb);
    return 0;
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
                if ((rc = add_values(tb, o, &o->pieces[v + k * w + c])))
                    return rc;
            ogi__table_row_close(tb);
        }
    }
    return 0;
}

/* Single values (not of a column block) from piece i on: their count. */
static size_t
singles_at(const order_t *o, size_t i)
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
static int
emit_t2(ogi__table_t *tb, const order_t *o, size_t i, size_t *next)
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
        size_t n = b < o->npieces ? singles_at(o, b) : 0;
        if (!n || (b + n < o->npieces && !o->pieces[b + n].text) ||
            !(nl = t2_labels(o, a, b, n, lab)))
            return 0;
        *next = b + n;
        return emit_t2_rows(tb, o, i, b, lab, nl, b, n, 1);
    }
    /* values, then their labels up to the next item's heading */
    size_t n = singles_at(o, i);
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
/*
 * 1 when the region's values follow their own labels, a row at a time
 * (a crawler's text of one text node a line), rather than in runs apart
 * from them as pdftotext writes a table: no run of values longer than a
 * row, none in column blocks.
 */
static int
interleaved(const order_t *o, size_t width)
{
    size_t runs = 0, len = 0;
    for (size_t i = 0; i < o->npieces; i++) {
        if (o->pieces[i].text) {
            len = 0;
            continue;
        }
        if (o->pieces[i].block)
            return 0; /* column blocks: pdftotext's */
        runs += len == 0;
        len += o->pieces[i].count;
        if (len > width)
            return 0; /* several rows' values together: runs apart */
    }
    return runs >= 8;
}

/* The numbering level of text item i (0: none). */
static int
level_of(const order_t *o, uint32_t item)
{
    ogi__label_t in;
    ogi__label_norm(o->t->s + o->items[item].a,
                    o->items[item].b - o->items[item].a, &in);
    return in.num.level;
}

/* A numbered label with nothing after it but the next label, which is not
 * one of its sub-rows: a row whose cells the page left blank, read as
 * width blank cells. */
static int
emit_blank_row(ogi__table_t *tb, const order_t *o, uint32_t item, size_t width)
{
    int rc;
    if ((rc = ogi__table_row_open(tb, o->items[item].line)) ||
        (rc = ogi__order_add_item(tb, o, item)))
        return rc;
    for (size_t c = 0; c < width; c++)
        if (!ogi__table_add(tb, OGI__CELL_BLANK, "", 0, o->items[item].b, 0))
            return OGI_ENOMEM;
    ogi__table_row_close(tb);
    return 0;
}

/* Rows a run of labels paired with a run of rows names at most (a whole
 * Table 3 of 25 data rows). */
#define LABEL_RUN_MAX RUN_MAX_ROWS

static long t3_row_of(const char *s, size_t n);

/* The Table 3 data row that the label starting at text piece q names
 * (its item, then the items after it with no numbering of their own,
 * before piece e), or -1. */
static long
t3_row_named(const order_t *o, size_t q, size_t e)
{
    char buf[OGI__LABEL_MAX * 2];
    size_t len = 0;
    for (size_t k = q; k < e && (k == q || !level_of(o, o->pieces[k].item));
         k++) {
        const item_t *it = &o->items[o->pieces[k].item];
        size_t w = it->b - it->a;
        if (w > sizeof(buf) - len)
            w = sizeof(buf) - len;
        memcpy(buf + len, o->t->s + it->a, w);
        len += w;
    }
    /* a numbering alone ("1.", its label apart) names no row: every
     * group of sub-rows starts with one */
    size_t d = 0;
    while (d < len && buf[d] >= '0' && buf[d] <= '9')
        d++;
    if (d && d + 1 == len && buf[d] == '.')
        return -1;
    return t3_row_of(buf, len);
}

/* The Table 3 data row that text s[0, n) names, or -1. */
static long
t3_row_of(const char *s, size_t n)
{
    ogi__label_t in;
    ogi__label_norm(s, n, &in);
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    long best = -1;
    int bs = LABEL_MIN_SCORE - 1;
    for (size_t r = 0; r < sk->nrows; r++) {
        int sc = ogi__label_score_row(&in, OGI_T3, r, 0);
        if (sc > bs) {
            bs = sc;
            best = (long)r;
        }
    }
    return best >= 0 && !(sk->rows[best].flags & OGI_ROW_GROUP) ? best : -1;
}

/*
 * A browser's page of Table 3 read by pdftotext: the rows' labels in a
 * run (the label column's block, its group labels "三、本" "年度办"
 * wrapped among them), the column headers, then the page's rows of
 * values, full, one after another. Text pieces [j0, i) before a run of
 * `rows` full rows: when exactly that many numbered labels among them
 * name Table 3's data rows, in the format's order, each goes with its
 * row (their starts into lab). Returns 1 so.
 */
static int
labels_for_rows(const order_t *o, size_t j0, size_t i, size_t rows, size_t *lab)
{
    if (rows < 2 || rows > LABEL_RUN_MAX)
        return 0;
    size_t n = 0;
    long last = -1;
    for (size_t q = j0; q < i; q++) {
        if (!level_of(o, o->pieces[q].item))
            continue;
        long r = t3_row_named(o, q, i);
        if (r < 0)
            continue;
        if (n == rows || r <= last)
            return 0;
        last = r;
        lab[n++] = q;
    }
    if (n == rows)
        return 1;
    /* a browser's label column with its numbering ("1.") on lines of
     * their own, after the labels: each text piece alone, those that
     * name a data row, in the format's order and exactly as many; a
     * group's label sits on the line of one of its rows, before that
     * row's label and a space ("（三）不予公开 属于三类内部事务信息") */
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    size_t odd = SIZE_MAX; /* the one text naming no row since the last */
    n = 0;
    last = -1;
    for (size_t q = j0; q < i; q++) {
        const item_t *it = &o->items[o->pieces[q].item];
        long r = t3_row_named(o, q, q + 1);
        const char *sp = memchr(o->t->s + it->a, ' ', it->b - it->a);
        if (sp) {
            const char *e = o->t->s + it->b;
            long tail = t3_row_of(sp + 1, (size_t)(e - sp - 1));
            if (tail > r)
                r = tail;
        }
        if (r < 0) {
            /* a label too short to name its row alone ("其他", its
             * "3." apart): the one text between the labels of the rows
             * either side of a data row */
            if (!level_of(o, o->pieces[q].item))
                odd = odd == SIZE_MAX ? q : SIZE_MAX - 1;
            continue;
        }
        if (odd < SIZE_MAX - 1 && last >= 0 && r == last + 2 &&
            !(sk->rows[last + 1].flags & OGI_ROW_GROUP) && n + 1 < rows)
            lab[n++] = odd;
        odd = SIZE_MAX;
        if (n == rows || r <= last)
            return 0;
        last = r;
        lab[n++] = q;
    }
    return n == rows;
}

/* Text pieces looked at, back from a run of labels, for the row named
 * last before it. */
#define LATE_LOOK 8

/*
 * 1 unless the label at text piece q names a row at or before the one
 * the nearest text before piece j0 names (among LATE_LOOK text pieces),
 * a row's values at least between them: labels in a run name rows after
 * those named and written before them, else they are the labels of rows
 * written earlier, come late.
 */
static int
named_after(const order_t *o, size_t j0, size_t q)
{
    long first = t3_row_named(o, q, q + 1);
    if (first < 0)
        return 1;
    size_t vals = 0; /* values between that label and the run */
    for (size_t k = j0, seen = 0; k-- > 0 && seen < LATE_LOOK;) {
        if (!o->pieces[k].text) {
            vals += o->pieces[k].count;
            continue;
        }
        seen++;
        long r = t3_row_named(o, k, k + 1);
        if (r >= 0)
            return r < first || vals < T3_COLS;
    }
    return 1;
}

int
ogi__order_emit_plain(ogi__table_t *tb, const order_t *o, size_t width)
{
    int rc;
    if (!width) {
        int done;
        if ((rc = ogi__order_emit_t2_by_order(tb, o, &done)) || done)
            return rc;
    }
    size_t usual = width ? row_width(o, width) : 0;
    int inter = width && interleaved(o, width);
    size_t i = 0;
    while (i < o->npieces) {
        size_t next;
        if (!width && (rc = emit_t2(tb, o, i, &next)))
            return rc;
        if (!width && next > i) {
            i = next;
            continue;
        }
        /* a run of single values that fills rows of width exactly: a
         * row's values one after another, rows in order */
        size_t run = 0;
        while (width && i + run < o->npieces && !o->pieces[i + run].text &&
               !o->pieces[i + run].block && o->pieces[i + run].count == 1)
            run++;
        if (width && run >= width && run % width == 0) {
            for (size_t r = 0; r < run; r += width)
                if ((rc = emit_full_row(tb, o, &o->pieces[i + r], width)))
                    return rc;
            i += run;
            continue;
        }
        /* a longer run that fills no rows exactly: rows with blank
         * cells left out among them, cut by the row identity */
        size_t len[RUN_MAX_ROWS], nr = 0;
        if (width && run > width && usual == width)
            nr = cut_run(o, &o->pieces[i], run, width, len);
        /* rows cut at the paper's edge: runs of the rows' width */
        if (width && run > usual && usual < width && run % usual == 0 &&
            run / usual <= RUN_MAX_ROWS)
            for (nr = 0; nr < run / usual; nr++)
                len[nr] = usual;
        if (nr) {
            for (size_t r = 0; r < nr; r++) {
                const piece_t *p = &o->pieces[i];
                rc = len[r] == width
                         ? emit_full_row(tb, o, p, width)
                         : emit_short_row(tb, o, p, len[r], width, UINT32_MAX);
                if (rc)
                    return rc;
                i += len[r];
            }
            continue;
        }
        /* a run of fewer single values than width between two labels:
         * pdftotext leaves blank cells out, so the row's blanks may sit
         * anywhere among its values; a gap before, between and after
         * them, each standing for up to the cells missing, lets the
         * format's arithmetic tell where (split_int.h: ambiguous, P6) */
        if (width && run && run < width && i > 0 && o->pieces[i - 1].text &&
            (i + run == o->npieces || o->pieces[i + run].text)) {
            if ((rc = emit_short_row(tb, o, &o->pieces[i], run, width,
                                     UINT32_MAX)))
                return rc;
            i += run;
            continue;
        }
        if (!o->pieces[i].text) {
            const piece_t *p = &o->pieces[i];
            if ((rc = ogi__table_row_open(tb,
                                          o->items[o->vals[p->first]].line)) ||
                (rc = add_values(tb, o, p)))
                return rc;
            ogi__table_row_close(tb);
            i++;
            continue;
        }
        size_t j0 = i;
        while (i < o->npieces && o->pieces[i].text)
            i++;
        if (inter) {
            /* each label with the values after it; a numbered label
             * followed by another of its level or above holds blanks */
            size_t vals = 0;
            while (i + vals < o->npieces && !o->pieces[i + vals].text &&
                   o->pieces[i + vals].count == 1)
                vals++;
            /* the values go with the run's last label; a fragment after
             * it that names no row (the label's wrapped tail "申请", a
             * group label's "供") leaves them to the numbered label before
             * it, and is read as a line of its own first */
            size_t holder = i - 1;
            if (i - j0 >= 2 && vals && level_of(o, o->pieces[i - 2].item) > 0 &&
                !level_of(o, o->pieces[i - 1].item) &&
                t3_row_named(o, i - 1, i) < 0 &&
                t3_row_named(o, i - 2, i) >= 0) {
                holder = i - 2;
                if ((rc = ogi__order_emit_text_line(tb, o,
                                                    o->pieces[i - 1].item)))
                    return rc;
            }
            for (size_t q = j0; q <= holder; q++) {
                uint32_t it = o->pieces[q].item;
                int lv = level_of(o, it);
                int last = q == holder;
                if (last && vals && vals <= width &&
                    (i + vals == o->npieces || o->pieces[i + vals].text)) {
                    if (vals < width)
                        rc = emit_short_row(tb, o, &o->pieces[i], vals, width,
                                            it);
                    else if (!(rc = ogi__table_row_open(tb,
                                                        o->items[it].line)) &&
                             !(rc = ogi__order_add_item(tb, o, it))) {
                        for (size_t v = 0; v < vals && !rc; v++)
                            rc = add_values(tb, o, &o->pieces[i + v]);
                        ogi__table_row_close(tb);
                    }
                    if (rc)
                        return rc;
                    i += vals;
                    break;
                }
                if (lv > 0 && (last ? vals == 0 && i < o->npieces
                                    : level_of(o, o->pieces[q + 1].item) <= lv))
                    rc = emit_blank_row(tb, o, it, width);
                else
                    rc = ogi__order_emit_text_line(tb, o, it);
                if (rc)
                    return rc;
            }
            continue;
        }
        /* labels in a run, then rows of single values: full rows, or a
         * run cut into rows as above (pdftotext left blank cells out) */
        size_t run2 = width ? singles_at(o, i) : 0, labs[LABEL_RUN_MAX];
        size_t rlen[RUN_MAX_ROWS], nrows = 0;
        if (width && !inter && run2 && run2 % width == 0) {
            nrows = run2 / width;
            for (size_t r = 0; r < nrows && r < RUN_MAX_ROWS; r++)
                rlen[r] = width;
        } else if (width && !inter && run2 > width && usual == width) {
            nrows = cut_run(o, &o->pieces[i], run2, width, rlen);
        }
        if (nrows && nrows <= RUN_MAX_ROWS &&
            labels_for_rows(o, j0, i, nrows, labs) &&
            named_after(o, j0, labs[0])) {
            for (size_t q = j0, k = 0; q < i; q++) {
                if (k < nrows && labs[k] == q) {
                    k++;
                    continue;
                }
                if ((rc = ogi__order_emit_text_line(tb, o, o->pieces[q].item)))
                    return rc;
            }
            for (size_t r = 0; r < nrows; r++) {
                uint32_t item = o->pieces[labs[r]].item;
                if (rlen[r] < width) {
                    rc = emit_short_row(tb, o, &o->pieces[i], rlen[r], width,
                                        item);
                } else if (!(rc = ogi__table_row_open(tb, o->items[item].line)) &&
                           !(rc = ogi__order_add_item(tb, o, item))) {
                    for (size_t v = 0; v < width && !rc; v++)
                        rc = add_values(tb, o, &o->pieces[i + v]);
                    ogi__table_row_close(tb);
                }
                if (rc)
                    return rc;
                i += rlen[r];
            }
            continue;
        }
        size_t j = i - j0, k = 0;
        if (i < o->npieces && o->pieces[i].block) {
            uint32_t bid = o->pieces[i].bid;
            while (i + k < o->npieces && !o->pieces[i + k].text &&
                   o->pieces[i + k].bid == bid)
                k++;
        }
        size_t pair = j < k ? j : k;
        for (size_t q = j0; q < j0 + j - pair; q++)
            if ((rc = ogi__order_emit_text_line(tb, o, o->pieces[q].item)))
                return rc;
        for (size_t r = 0; r < k; r++) {
            const piece_t *p = &o->pieces[i + r];
            size_t lab = r + pair >= k ? j0 + j - pair + (r + pair - k) : 0;
            int labelled = r + pair >= k;
            const item_t *first = labelled ? &o->items[o->pieces[lab].item]
                                           : &o->items[o->vals[p->first]];
            if ((rc = ogi__table_row_open(tb, first->line)))
                return rc;
            if (labelled &&
                (rc = ogi__order_add_item(tb, o, o->pieces[lab].item)))
                return rc;
            if ((rc = add_values(tb, o, p)))
                return rc;
            ogi__table_row_close(tb);
        }
        i += k;
    }
    return 0;
}

/* ---- labels written after the rows they name ---- */

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
    return *nl ? t3_row_of(buf, len) : -1;
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
