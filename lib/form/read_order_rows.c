/*
 * read_order_rows.c - the reading-order reader's rows in reading order
 * (read_order_int.h): every piece its own row, runs of single values cut
 * into rows, labels paired with the rows of values they name. Table 3 by
 * the format's order is read_order.c's, Table 2's label runs
 * read_order_t2.c's, labels written after their rows read_order_late.c's.
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

int
ogi__order_add_values(ogi__table_t *tb, const order_t *o, const piece_t *p)
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
        if (v < n && (rc = ogi__order_add_values(tb, o, &p[v])))
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
        if ((rc = ogi__order_add_values(tb, o, &p[v])))
            return rc;
    ogi__table_row_close(tb);
    return 0;
}

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
    return ogi__order_t3_row_of(buf, len);
}

/* The Table 3 data row that text s[0, n) names, or -1. */
long
ogi__order_t3_row_of(const char *s, size_t n)
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
            long tail = ogi__order_t3_row_of(sp + 1, (size_t)(e - sp - 1));
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
        if (!width && (rc = ogi__order_emit_t2(tb, o, i, &next)))
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
                (rc = ogi__order_add_values(tb, o, p)))
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
                            rc =
                                ogi__order_add_values(tb, o, &o->pieces[i + v]);
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
        size_t run2 = width ? ogi__order_singles_at(o, i) : 0,
               labs[LABEL_RUN_MAX];
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
                } else if (!(rc = ogi__table_row_open(tb,
                                                      o->items[item].line)) &&
                           !(rc = ogi__order_add_item(tb, o, item))) {
                    for (size_t v = 0; v < width && !rc; v++)
                        rc = ogi__order_add_values(tb, o, &o->pieces[i + v]);
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
            if ((rc = ogi__order_add_values(tb, o, p)))
                return rc;
            ogi__table_row_close(tb);
        }
        i += k;
    }
    return 0;
}
