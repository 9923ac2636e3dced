/*
 * outline_order.c - table regions of text in reading order (pdftotext
 * without -layout), which writes a page's text blocks in its own order: a
 * table's last cells after the next section's heading (the region's
 * tail), and values of one table in another's region (balancing).
 */
#include "ogi_int.h"

#include <string.h>

#include "outline_int.h"
#include "reader_int.h"

/* Trimmed line l of t: [*a, *b). */
static void
trimmed(const ogi_text_t *t, size_t l, size_t *a, size_t *b)
{
    size_t i = t->lines[l].start, e = t->lines[l].end;
    while (i < e && ogi_text_is_space((unsigned char)t->s[i]))
        i++;
    while (e > i && ogi_text_is_space((unsigned char)t->s[e - 1]))
        e--;
    *a = i;
    *b = e;
}

#define TAIL_MAX_LINES 80 /* a table's tail: at most this many lines */
#define TAIL_CELL_BYTES 36 /* a cell's line in a tail: at most this long */

size_t
ogi__outline_tail_end(const ogi_text_t *t, size_t start, size_t h,
                      size_t stop)
{
    size_t l = h + 1, values = 0;
    for (; l < stop && l < h + TAIL_MAX_LINES; l++) {
        size_t a, b;
        trimmed(t, l, &a, &b);
        if (a == b)
            continue;
        if (b - a > TAIL_CELL_BYTES || ogi_text_find(t->s + a, b - a, "。") ||
            ogi_text_find(t->s + a, b - a, "，"))
            break;
        ogi_num_t num;
        values += ogi_number_parse(t->s + a, b - a, &num) != OGI_NUM_NONE;
    }
    if (values == 0 || l == stop || l == h + TAIL_MAX_LINES ||
        ogi__read_order.probe(t, start, h) == 0)
        return h;
    return l;
}

/* Values a table of format f holds: its data rows' cells (Table 2: its
 * items'; Table 3: with the format's （六） rows). */
static size_t
table_cells(ogi__region_id_t r, ogi_format_t f)
{
    size_t nids = 1;
    ogi_table_id_t one = r == OGI__REG_T3 ? OGI_T3 : OGI_T4;
    const ogi_table_id_t *ids =
        r == OGI__REG_T2 ? ogi_skeleton_active(f, &nids) : &one;
    unsigned skip = OGI_ROW_GROUP |
                    (f == OGI_FORMAT_2021 ? OGI_ROW_OTHER1 : OGI_ROW_OTHER3);
    size_t cells = 0;
    for (size_t k = 0; k < nids; k++) {
        const ogi_skel_table_t *sk = ogi_skeleton_table(ids[k]);
        for (size_t i = 0; i < sk->nrows; i++)
            cells += (sk->rows[i].flags & skip) ? 0 : sk->ncols;
    }
    return cells;
}

/* Values a reading-order text's three tables hold at most. */
#define BALANCE_MAX_VALUES 512
/* Numbers beyond the tables' values that balancing allows in Table 4's
 * region. */
#define STRAY_MAX 2
/* Values Table 2's region may hold more or fewer than its format's to
 * take part in balancing. */
#define T2_SLACK 3
/* A table header's line: at most this long. */
#define HEADER_CELL_BYTES 24

/* 1 when lines [l0, l1) hold a short line that is no number: the next
 * table's labels. */
static int
labels_between(const ogi_text_t *t, size_t l0, size_t l1)
{
    for (size_t l = l0; l < l1; l++) {
        size_t a, b;
        trimmed(t, l, &a, &b);
        ogi_num_t num;
        if (a < b && b - a <= TAIL_CELL_BYTES &&
            ogi_number_parse(t->s + a, b - a, &num) == OGI_NUM_NONE)
            return 1;
    }
    return 0;
}

/*
 * pdftotext without -layout writes a page's text blocks in its own order,
 * not the regions': Table 2's last values can come after Table 3's
 * anchor, Table 3's after the next section's heading, Table 4's before
 * its "行政复议" anchor. When the three regions and what lies between
 * them, read in order, hold exactly the values of one format's three
 * tables (so that no value is lost or stray), but some region holds a
 * number other than its own table's, each table takes its share of that
 * stream of values in order: a region short of values reaches on past
 * its end (or starts earlier) to the lines holding its share; the next
 * region starts after them. Called for text whose Table 3 the
 * reading-order reader read (ogi__outline_rebalance).
 */
static void
balance_order(const ogi_text_t *t, ogi__outline_t *o, ogi_arena_t *arena)
{
    size_t *st = o->start, *en = o->end;
    if (!arena || st[OGI__REG_T2] == OGI__NONE ||
        st[OGI__REG_T3] == OGI__NONE || st[OGI__REG_T4] == OGI__NONE ||
        !(st[OGI__REG_T2] < st[OGI__REG_T3] &&
          st[OGI__REG_T3] < st[OGI__REG_T4]) ||
        en[OGI__REG_T2] > st[OGI__REG_T3] ||
        en[OGI__REG_T3] > st[OGI__REG_T4])
        return;
    uint32_t line[BALANCE_MAX_VALUES];
    size_t n = ogi__order_value_lines(t, st[OGI__REG_T2], en[OGI__REG_T4],
                                      arena, line, BALANCE_MAX_VALUES);
    if (n == 0 || n > BALANCE_MAX_VALUES)
        return;
    /* Table 4's header: its first short line naming 复议 after Table 3
     * (the heading before it names it too) */
    size_t head4 = en[OGI__REG_T4];
    for (size_t l = en[OGI__REG_T3];
         l < en[OGI__REG_T4] && head4 == en[OGI__REG_T4]; l++) {
        size_t a, b;
        trimmed(t, l, &a, &b);
        if (b - a <= HEADER_CELL_BYTES &&
            ogi_text_find(t->s + a, b - a, "复议"))
            head4 = l;
    }
    size_t want[OGI__REG_COUNT] = {0};
    static const ogi_format_t formats[] = {OGI_FORMAT_2019, OGI_FORMAT_2021};
    int fits = 0, stray = 0;
    size_t t4 = table_cells(OGI__REG_T4, OGI_FORMAT_2021);
    /* exact fits first: a format's tables and a stray number can make
     * the other's count */
    for (size_t k = 0; k < 4 && !fits; k++) {
        size_t f = k % 2, sum = 0;
        for (int r = 0; r < OGI__REG_COUNT; r++)
            sum += want[r] = table_cells((ogi__region_id_t)r, formats[f]);
        /* exactly the tables' values; or a stray number or two more (a
         * year the narrative beside Table 4 wrapped onto a line of its
         * own) when Tables 2 and 3 take theirs before Table 4's header:
         * Table 4 then takes the rest */
        fits = sum == n ||
               (k >= 2 && n > sum && n <= sum + STRAY_MAX &&
                line[want[OGI__REG_T2] + want[OGI__REG_T3] - 1] < head4);
        if (fits) {
            stray = n != sum;
            want[OGI__REG_T4] = n - want[OGI__REG_T2] - want[OGI__REG_T3];
        }
    }
    if (!fits)
        return;
    /* each region's share: values [first[r], first[r] + want[r]) */
    size_t first = 0, have[OGI__REG_COUNT] = {0};
    int off = 0;
    for (size_t v = 0; v < n; v++)
        for (int r = 0; r < OGI__REG_COUNT; r++)
            have[r] += line[v] >= st[r] && line[v] < en[r];
    for (int r = 0; r < OGI__REG_COUNT; r++)
        off |= have[r] != want[r];
    /* Table 2 as found tells the format (2019's has 22 values, 2021's
     * 10): a count of the other format's made up by values lost or
     * stray moves nothing. With stray numbers only regions short of
     * values reach on, and Table 4, which keeps the rest, has its own
     * (it gives none). */
    size_t t2 = have[OGI__REG_T2], w2 = want[OGI__REG_T2];
    if (!off || t2 + T2_SLACK < w2 || t2 > w2 + T2_SLACK ||
        (stray && (t2 > w2 || have[OGI__REG_T3] > want[OGI__REG_T3] ||
                   have[OGI__REG_T4] < t4)))
        return;
    for (int r = 0; r < OGI__REG_COUNT; r++) {
        size_t a = line[first], b = (size_t)line[first + want[r] - 1] + 1;
        first += want[r];
        /* a region starts no later than its first value (Table 4 where
         * no stray number may be its first), ends no earlier than after
         * its last, and never reaches into the next one's */
        if (a < st[r] && !(r == OGI__REG_T4 && stray))
            st[r] = a;
        /* Table 2's last values written after Table 3's row labels (a
         * browser's PDF: its last amount after them) stay in Table 3's
         * region, which keeps its labels (Table 3's reader leaves an
         * amount out); Table 3's values after Table 4's heading and
         * header are its region's as they are */
        if (r == OGI__REG_T2 && b > st[r + 1] &&
            labels_between(t, st[r + 1], b - 1))
            b = st[r + 1] > en[r] ? st[r + 1] : en[r];
        if (b > en[r])
            en[r] = b;
        if (r + 1 < OGI__REG_COUNT && en[r] > st[r + 1])
            st[r + 1] = en[r];
    }
}

/* The values in the stream of a table the reading-order reader read, or
 * -1. */
static long
order_values(const ogi__table_t *g)
{
    if (!g || g->reader != ogi__read_order.name)
        return -1;
    return (long)g->stream_values;
}

int
ogi__outline_rebalance(const ogi_text_t *t, ogi__outline_t *o,
                       const ogi__table_t *const tables[OGI__REG_COUNT],
                       ogi_arena_t *arena)
{
    long have[OGI__REG_COUNT];
    for (int r = 0; r < OGI__REG_COUNT; r++)
        have[r] = order_values(tables[r]);
    /* balancing is for text in reading order: Table 3 shows which */
    if (have[OGI__REG_T3] < 0)
        return 0;
    /* the stream's values: the tables' and those between their regions
     * (a few lines: headings, a sentence) */
    const size_t *st = o->start, *en = o->end;
    size_t n = 0;
    int counted = 1;
    for (int r = 0; r < OGI__REG_COUNT; r++) {
        if (st[r] == OGI__NONE)
            return 0;
        counted &= have[r] >= 0; /* else read by another reader */
        n += have[r] >= 0 ? (size_t)have[r] : 0;
        if (r > 0 && en[r - 1] < st[r])
            n += ogi__order_value_lines(t, en[r - 1], st[r], arena, NULL, 0);
    }
    /* balancing moves values only when the stream holds one format's
     * count (or a stray number or two more), and some table holds other
     * than its share: in the common case, which this tells without reading
     * the stream again, nothing moves */
    static const ogi_format_t formats[] = {OGI_FORMAT_2019, OGI_FORMAT_2021};
    int may = !counted;
    for (size_t f = 0; f < OGI_ARRAY_LEN(formats) && counted; f++) {
        size_t sum = 0;
        int off = 0;
        for (int r = 0; r < OGI__REG_COUNT; r++) {
            size_t want = table_cells((ogi__region_id_t)r, formats[f]);
            sum += want;
            off |= (size_t)have[r] != want;
        }
        if (n >= sum && n <= sum + STRAY_MAX && !off)
            return 0;
        may |= n >= sum && n <= sum + STRAY_MAX;
    }
    if (!may)
        return 0;
    size_t was[2 * OGI__REG_COUNT];
    memcpy(was, o->start, sizeof(o->start));
    memcpy(was + OGI__REG_COUNT, o->end, sizeof(o->end));
    balance_order(t, o, arena);
    return memcmp(was, o->start, sizeof(o->start)) != 0 ||
           memcmp(was + OGI__REG_COUNT, o->end, sizeof(o->end)) != 0;
}
