/*
 * read_order_moves.c - Table 3's stream of values in reading order put
 * back in row order where pdftotext wrote parts of it apart: the total
 * column after the page's rows, the last columns after the next heading,
 * a row's first value with its label, a chunk of a row displaced. Each
 * move is kept only when more rows then hold the row identity.
 */
#include "ogi_int.h"

#include <string.h>

#include "read_order_int.h"

size_t
ogi__order_identity_rows(const int64_t *cnt, size_t n)
{
    size_t good = 0;
    for (size_t r = 0; r + T3_COLS <= n; r += T3_COLS) {
        int64_t sum = 0;
        size_t c = 0;
        for (; c + 1 < T3_COLS && cnt[r + c] >= 0; c++)
            sum += cnt[r + c];
        good += c + 1 == T3_COLS && cnt[r + c] == sum;
    }
    return good;
}

/* Position q of x[0..n) once x[s, s + c) is taken out and put back at p
 * of the rest: the index into x it holds. */
static size_t
moved_at(size_t q, size_t s, size_t c, size_t p)
{
    if (q >= p && q < p + c)
        return s + (q - p);
    size_t r = q < p ? q : q - c; /* position among the rest */
    return r < s ? r : r + c;
}

/* 1 when a text item lies between items a and b. */
static int
text_between(const order_t *o, uint32_t a, uint32_t b)
{
    if (a > b) {
        uint32_t x = a;
        a = b;
        b = x;
    }
    for (uint32_t q = a + 1; q < b; q++)
        if (o->items[q].kind == IT_TEXT)
            return 1;
    return 0;
}

/* Rows a displaced chunk must set right, more than the stream as
 * written, to be moved: one row could add up by chance. */
#define CHUNK_MIN_GAIN 2
/* Rows that may still not add up once the chunk is moved. */
#define CHUNK_MAX_WRONG 1

/*
 * The row's cells that sit close side by side come out on one line
 * ("0 0 0 0", the narrow middle columns), and pdftotext may write that
 * line as a block of its own far from the row's other values (after a
 * later row's), every row between then shifted. The values of ord[0..n)
 * (rows of seven, singles in order) with one such chunk (the values of
 * one line, two to five, or one value set apart by text) moved to where the
 * most rows then hold the identity, when that is CHUNK_MIN_GAIN rows more than
 * as written and every row but CHUNK_MAX_WRONG then adds up; else ord as it is.
 * cnt and tmp hold n entries each.
 */
static void
move_displaced_chunk(const order_t *o, uint32_t *ord, size_t n, int64_t *cnt,
                     int64_t *tmp)
{
    for (size_t q = 0; q < n; q++)
        cnt[q] = ogi__order_item_count(o, &o->items[ord[q]]);
    /* the rows that add up first; then, among places as good, inside a
     * row between its first value and its total (the chunk holds middle
     * columns), the later the better */
    size_t base = ogi__order_identity_rows(cnt, n);
    if (base + CHUNK_MIN_GAIN > n / T3_COLS)
        return; /* no move could gain enough: the table adds up */
    size_t best = (base + CHUNK_MIN_GAIN) * 16;
    size_t bs = 0, bc = 0, bp = 0;
    for (size_t s = 0; s < n;) {
        size_t e = s + 1;
        while (e < n && o->items[ord[e]].line == o->items[ord[s]].line)
            e++;
        size_t c = e - s;
        /* a single value only when written apart, text on both sides (a
         * block after the next section's heading), in a table that
         * does not add up in three rows as written: a zero moved among
         * zeros mends an error of the report's own by chance */
        int ok = c >= 2 || (base + 3 <= n / T3_COLS &&
                            (s == 0 || text_between(o, ord[s - 1], ord[s])) &&
                            (e == n || text_between(o, ord[s], ord[e])));
        /* p: where the chunk goes in the stream without it */
        for (size_t p = 0; ok && c <= T3_COLS - 2 && p + c <= n; p++) {
            if (p == s)
                continue;
            for (size_t q = 0; q < n; q++)
                tmp[q] = cnt[moved_at(q, s, c, p)];
            size_t at = p % T3_COLS;
            size_t g = ogi__order_identity_rows(tmp, n) * 16 +
                       (at >= 1 && at + c < T3_COLS ? 8 : 0) + at;
            if (g >= best && (!bc || g > best)) {
                best = g;
                bs = s;
                bc = c;
                bp = p;
            }
        }
        s = e;
    }
    /* a table that then adds up, but for one row at most (an error of
     * the report's own): a chunk moved where only some rows come right
     * more likely mends values that blank cells left out shifted */
    if (!bc || best / 16 + CHUNK_MAX_WRONG < n / T3_COLS)
        return;
    for (size_t q = 0; q < n; q++)
        tmp[q] = ord[moved_at(q, bs, bc, bp)];
    for (size_t q = 0; q < n; q++)
        ord[q] = (uint32_t)tmp[q];
}

/* 1 when text item i is the total column's header: "总计" alone (the
 * row "（七）总计" has its numbering). */
static int
is_total_header(const order_t *o, size_t i)
{
    const item_t *it = &o->items[i];
    return it->kind == IT_TEXT && it->b - it->a == strlen("总计") &&
           memcmp(o->t->s + it->a, "总计", it->b - it->a) == 0;
}

/* 1 when value item v shares its line with a text item (a label's line
 * that ends in the row's first value). */
static int
on_text_line(const order_t *o, uint32_t v)
{
    uint32_t l = o->items[v].line;
    for (uint32_t q = v; q-- > 0 && o->items[q].line == l;)
        if (o->items[q].kind == IT_TEXT)
            return 1;
    for (uint32_t q = v + 1; q < o->nitems && o->items[q].line == l; q++)
        if (o->items[q].kind == IT_TEXT)
            return 1;
    return 0;
}

/* 1 when value item v is written with a label: on one of its lines, or
 * alone between two of them ("2.没有现成信息需要" "14" "另行制作"). */
static int
on_label(const order_t *o, uint32_t v)
{
    return on_text_line(o, v) ||
           (v > 0 && v + 1 < o->nitems && o->items[v - 1].kind == IT_TEXT &&
            o->items[v + 1].kind == IT_TEXT);
}

/* Label values moved at most, and rows that may still not add up once
 * they are. */
#define LABEL_MOVES_MAX 8
#define LABEL_MAX_WRONG 1

/*
 * A row's first value (自然人's, the column beside the labels) comes out
 * with its label, and pdftotext may write the label's block after the
 * row's other six values, after later rows even ("0 0 0 0 0 14" "0 0 0
 * 0 0 12" then "2.没有现成信息需要" "14" "另行制作" "3.补正后申请内容仍
 * 12"): every row from there on is shifted. In the ord[0..n) stream
 * (rows of seven, singles in order) each value written with a label that
 * is no row's first is moved to the start of the row where the most rows
 * then hold the identity, one at a time while that sets rows right (or,
 * setting none wrong, to its own row's start); the moves are kept when
 * more rows then add up than as written, and all from the first row a
 * move touched but LABEL_MAX_WRONG (rows before it are as written: the
 * report's own wrong sums may sit there). cnt holds the counts of ord; tmp and save n entries each.
 */
static void
label_values_first(const order_t *o, uint32_t *ord, size_t n, int64_t *cnt,
                   int64_t *tmp, uint32_t *save)
{
    size_t rows = n / T3_COLS, base0 = ogi__order_identity_rows(cnt, n);
    if (base0 == rows)
        return;
    memcpy(save, ord, n * sizeof(*ord));
    size_t base = base0, lo = rows; /* lo: the first row a move touched */
    for (int round = 0; round < LABEL_MOVES_MAX; round++) {
        /* g: rows that add up * 2, + 1 for the value's own row start */
        size_t best = 0, bs = 0, bp = 0;
        for (size_t s = 0; s < n; s++) {
            if (s % T3_COLS == 0 || !on_label(o, ord[s]))
                continue;
            for (size_t p = 0; p < n; p += T3_COLS) {
                for (size_t q = 0; q < n; q++)
                    tmp[q] = cnt[moved_at(q, s, 1, p)];
                size_t id = ogi__order_identity_rows(tmp, n);
                size_t g = id * 2 + (p == s - s % T3_COLS);
                if ((id > base || (id == base && p == s - s % T3_COLS)) &&
                    g > best) {
                    best = g;
                    bs = s;
                    bp = p;
                }
            }
        }
        if (!best)
            break;
        if ((bs < bp ? bs : bp) / T3_COLS < lo)
            lo = (bs < bp ? bs : bp) / T3_COLS;
        for (size_t q = 0; q < n; q++)
            tmp[q] = ord[moved_at(q, bs, 1, bp)];
        for (size_t q = 0; q < n; q++) {
            ord[q] = (uint32_t)tmp[q];
            cnt[q] = ogi__order_item_count(o, &o->items[ord[q]]);
        }
        base = best / 2;
    }
    /* (the rows before the first one moved are as written: those that
     * do not add up are the report's own errors) */
    if (base > base0 &&
        ogi__order_identity_rows(cnt + lo * T3_COLS, n - lo * T3_COLS) + LABEL_MAX_WRONG >=
            rows - lo)
        return;
    memcpy(ord, save, n * sizeof(*ord));
    for (size_t q = 0; q < n; q++)
        cnt[q] = ogi__order_item_count(o, &o->items[ord[q]]);
}


/* Rows whose last columns may come apart at the table's end at most, and
 * those columns at most. */
#define TAIL_ROWS_MAX 4
#define TAIL_COLS_MAX 3

/*
 * The rows at the end of a page may be printed with their last k columns
 * apart (the narrow 其他组织 and 总计 columns set beside the next
 * section's heading): pdftotext writes the m rows' other 7 - k values,
 * then, after text, the m rows' last k values (a column block of the m
 * rows, read row by row: "0 0" "0 76" "0 1"). When the ord[0..n) stream
 * (rows of seven) ends so, and the m rows put back together all add up
 * where fewer did as written, they are.
 * cnt holds the counts of ord; tmp n entries.
 */
static void
tail_columns_apart(const order_t *o, uint32_t *ord, size_t n, int64_t *cnt,
                   uint32_t *tmp)
{
    for (size_t m = 2; m <= TAIL_ROWS_MAX && m * T3_COLS <= n; m++)
        for (size_t k = 1; k <= TAIL_COLS_MAX; k++) {
            size_t s = n - m * T3_COLS, c = n - m * k; /* chunks from c */
            if (!text_between(o, ord[c - 1], ord[c]))
                continue;
            for (size_t j = 0; j < m; j++) {
                memcpy(tmp + j * T3_COLS, ord + s + j * (T3_COLS - k),
                       (T3_COLS - k) * sizeof(*tmp));
                memcpy(tmp + j * T3_COLS + T3_COLS - k, ord + c + j * k,
                       k * sizeof(*tmp));
            }
            int64_t was[T3_COLS * TAIL_ROWS_MAX], now[T3_COLS * TAIL_ROWS_MAX];
            for (size_t q = 0; q < m * T3_COLS; q++) {
                was[q] = cnt[s + q];
                now[q] = ogi__order_item_count(o, &o->items[tmp[q]]);
            }
            if (ogi__order_identity_rows(now, m * T3_COLS) == m &&
                ogi__order_identity_rows(was, m * T3_COLS) < m) {
                memcpy(ord + s, tmp, m * T3_COLS * sizeof(*ord));
                for (size_t q = 0; q < m * T3_COLS; q++)
                    cnt[s + q] = now[q];
                return;
            }
        }
}

/* Rows of a total column written apart at most (a page's rows). */
#define TOTALS_MAX 32

/* 1 when text item i is text s alone. */
static int
is_text(const order_t *o, size_t i, const char *s)
{
    const item_t *it = &o->items[i];
    return it->kind == IT_TEXT && it->b - it->a == strlen(s) &&
           memcmp(o->t->s + it->a, s, it->b - it->a) == 0;
}

/* Columns a page's rows may have apart: 总计's, or 其他's and 总计's
 * (the header "其他" just before "总计"), as k. */
static size_t
columns_apart(const order_t *o, size_t h)
{
    size_t q = h;
    while (q > 0 && o->items[q - 1].kind == IT_GAP)
        q--;
    return q > 0 && is_text(o, q - 1, "其他") ? 2 : 1;
}

/*
 * A browser's page printed with Table 3's 总计 column apart: pdftotext
 * writes each row's six applicant values (the first, 自然人's, on the
 * label's line: before the other five or after them), and after the
 * page's rows the header "总计" with the rows' totals one a line ("总计"
 * "49" "4" "41" ...; a second header and run where the column broke).
 * The ord[0..n) stream (singles in order) read so holds, before the
 * totals' m values, m runs of six that each add up to their total. Those
 * rows are put back as rows of seven, the value on a label's line first,
 * where every row but one then adds up. The 其他 column may come apart
 * with it (headers "其他" "总计", then each row's two values in turn, after
 * runs of five).
 */
static void
total_column_apart(const order_t *o, uint32_t *ord, size_t n)
{
    for (size_t h = 0; h < o->nitems; h++) {
        if (!is_total_header(o, h))
            continue;
        size_t k = columns_apart(o, h), w = T3_COLS - k;
        size_t p = 0;
        while (p < n && ord[p] < h)
            p++;
        /* the values apart: after the header, across further headers
         * "总计" and gaps but no other text */
        size_t m = 0;
        while (p + m < n && m < TOTALS_MAX * k) {
            int apart = 0;
            for (uint32_t q = (m ? ord[p + m - 1] : (uint32_t)h) + 1;
                 q < ord[p + m] && !apart; q++)
                apart = o->items[q].kind == IT_TEXT && !is_total_header(o, q);
            if (apart)
                break;
            m++;
        }
        m /= k; /* rows */
        if (m < 2 || p < w * m)
            continue;
        size_t s = p - w * m, good = 0;
        uint32_t row[T3_COLS * TOTALS_MAX];
        for (size_t r = 0; r < m; r++) {
            const uint32_t *vals = ord + s + w * r;
            /* the label's line's value last, the first not on one: it
             * is 自然人's, printed after the others beside it */
            int rot = on_text_line(o, vals[w - 1]) && !on_text_line(o, vals[0]);
            int64_t sum = 0;
            int counts = 1;
            for (size_t c = 0; c < T3_COLS; c++) {
                uint32_t it = c < w ? vals[rot ? (c + w - 1) % w : c]
                                    : ord[p + k * r + (c - w)];
                row[r * T3_COLS + c] = it;
                int64_t x = ogi__order_item_count(o, &o->items[it]);
                if (c + 1 < T3_COLS) {
                    counts &= x >= 0;
                    sum += x;
                } else {
                    good += counts && x == sum;
                }
            }
        }
        if (good + 1 < m)
            continue;
        /* the rows end where the totals did: go on past them */
        h = ord[p + k * m - 1];
        memcpy(ord + s, row, T3_COLS * m * sizeof(*row));
    }
}

void
ogi__order_t3_moves(const order_t *o, uint32_t *order, size_t nord,
                    int64_t *cnt, int64_t *tmp, uint32_t *save)
{
    total_column_apart(o, order, nord);
    for (size_t q = 0; q < nord; q++)
        cnt[q] = ogi__order_item_count(o, &o->items[order[q]]);
    tail_columns_apart(o, order, nord, cnt, (uint32_t *)tmp);
    label_values_first(o, order, nord, cnt, tmp, save);
    move_displaced_chunk(o, order, nord, cnt, tmp);
}
