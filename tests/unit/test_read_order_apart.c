/*
 * test_read_order_apart.c - plain pdftotext text (reading order) whose
 * blocks come apart from their table: values written after the next
 * section's heading or before the next table's anchor (the outline's
 * balancing, lib/parse/outline.c), a column of Table 3 written apart
 * from its rows, a row label's wrapped tail holding the row's values,
 * an amount's unit wrapped into a block of its own
 * (lib/form/read_order*.c).
 *
 * The texts are small and made here, shaped as pdftotext writes a
 * browser's or LibreOffice's page: a block a line, a blank line between
 * blocks. The expected cells are read off each text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi.h"
#include "ogi/arena.h"
#include "ogi/error.h"
#include "ogi/skeleton.h"
#include "ogi/text.h"
#include "outline_int.h"
#include "reader_int.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define CAP          65536

/* A text being written: bytes and line count. */
typedef struct {
    char s[CAP];
    size_t n;
} buf_t;

static void
put(buf_t *b, const char *line)
{
    b->n += (size_t)snprintf(b->s + b->n, CAP - b->n, "%s\n\n", line);
    assert_true(b->n < CAP);
}

/* count values, value k being base + k, each a block of its own. */
static void
put_values(buf_t *b, size_t count, int base)
{
    for (size_t k = 0; k < count; k++) {
        b->n += (size_t)snprintf(b->s + b->n, CAP - b->n, "%d\n\n",
                                 base + (int)k);
        assert_true(b->n < CAP);
    }
}

static ogi_text_t *
decode(ogi_arena_t *a, const buf_t *b)
{
    ogi_text_t *t = ogi_arena_alloc(a, sizeof(*t));
    assert_non_null(t);
    char why[160];
    assert_int_equal(ogi_text_decode(a, b->s, b->n, 0, t, why, sizeof(why)),
                     0);
    return t;
}

/* The line holding exactly lit, the first at or after from. */
static size_t
line_of(const ogi_text_t *t, size_t from, const char *lit)
{
    for (size_t l = from; l < t->nlines; l++)
        if (t->lines[l].end - t->lines[l].start == strlen(lit) &&
            memcmp(t->s + t->lines[l].start, lit, strlen(lit)) == 0)
            return l;
    fail_msg("no line \"%s\"", lit);
    return 0;
}

/* A report's text up to Table 3's anchor: its overview, the heading of
 * section 2, Table 2's item heading and t2 values, section 3's heading,
 * Table 3's anchor and a header. */
static void
put_head(buf_t *b, size_t t2)
{
    put(b, "凤溪区人民政府2021年政府信息公开工作年度报告");
    put(b, "一、总体情况");
    put(b, "本年度，我区认真贯彻落实《条例》，政府信息公开工作取得新进展。");
    put(b, "二、主动公开政府信息情况");
    put(b, "第二十条第（一）项");
    put(b, "信息内容");
    put(b, "本年制发件数");
    put_values(b, t2, 1);
    put(b, "三、收到和处理政府信息公开申请情况");
    put(b, "申请人情况");
    put(b, "自然人");
}

/*
 * b's text decoded in a, and its outline as the parser settles it:
 * headings and regions found, the three tables read, then the regions
 * cut again where the tables' values came out of their regions' order
 * (ogi__outline_rebalance).
 */
static ogi_text_t *
outline_of(ogi_arena_t *a, const buf_t *b, ogi__outline_t *o)
{
    ogi_text_t *t = decode(a, b);
    unsigned char *flags = ogi_arena_alloc(a, t->nlines + 1);
    assert_non_null(flags);
    ogi__outline_find(t, o, flags, a);
    ogi__table_t tb[OGI__REG_COUNT];
    const ogi__table_t *read[OGI__REG_COUNT] = {NULL};
    for (int r = 0; r < OGI__REG_COUNT; r++) {
        if (o->start[r] == OGI__NONE)
            continue;
        assert_int_equal(
            ogi__reader_read(&tb[r], a, t, o->start[r], o->end[r]), 0);
        read[r] = &tb[r];
    }
    ogi__outline_rebalance(t, o, read, a);
    return t;
}

/* Section 5 and 6 after Table 4. */
static void
put_tail(buf_t *b)
{
    put(b, "五、存在的主要问题及改进情况");
    put(b, "公开内容的深度和广度不够，下一步将加强培训。");
    put(b, "六、其他需要报告的事项");
    put(b, "本年度未收取信息处理费。");
}

/* Table 4's header lines (its anchor first). */
static void
put_t4_header(buf_t *b)
{
    put(b, "行政复议");
    put(b, "行政诉讼");
}

/*
 * Table 3's last 25 values written after section 4's heading, before
 * Table 4's header (a page's remaining blocks after the heading set
 * above them): 10 + 150 + 25 + 15 values, 2021's tables exactly. Table 3
 * reaches on past the heading to its 175th value (value 185, the tail's
 * last); Table 4 keeps its anchor and its 15 values.
 */
static void
table3_tail_after_heading(void **state)
{
    (void)state;
    static buf_t b;
    b.n = 0;
    put_head(&b, 10);
    put_values(&b, 150, 11);
    put(&b, "四、政府信息公开行政复议、行政诉讼情况");
    put_values(&b, 25, 161);
    put_t4_header(&b);
    put_values(&b, 15, 186);
    put_tail(&b);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__outline_t o;
    ogi_text_t *t = outline_of(a, &b, &o);
    size_t last = line_of(t, 0, "185"), anchor = line_of(t, 0, "行政复议");
    assert_int_equal(o.end[OGI__REG_T3], last + 1);
    assert_int_equal(o.start[OGI__REG_T4], anchor);
    assert_int_equal(ogi__order_value_lines(t, o.start[OGI__REG_T3],
                                            o.end[OGI__REG_T3], a, NULL, 0),
                     175);
    assert_int_equal(ogi__order_value_lines(t, o.start[OGI__REG_T4],
                                            o.end[OGI__REG_T4], a, NULL, 0),
                     15);
    ogi_arena_destroy(&a);
}

/*
 * Table 4's 15 values written before its "行政复议" anchor, after
 * section 4's heading: Table 4's region starts at its first value
 * (value 186), Table 3's ends at the heading as it did.
 */
static void
table4_values_before_anchor(void **state)
{
    (void)state;
    static buf_t b;
    b.n = 0;
    put_head(&b, 10);
    put_values(&b, 175, 11);
    put(&b, "四、政府信息公开行政复议、行政诉讼情况");
    put_values(&b, 15, 186);
    put_t4_header(&b);
    put_tail(&b);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__outline_t o;
    ogi_text_t *t = outline_of(a, &b, &o);
    size_t heading = line_of(t, 0, "四、政府信息公开行政复议、行政诉讼情况");
    assert_int_equal(o.end[OGI__REG_T3], heading);
    assert_int_equal(o.start[OGI__REG_T4], line_of(t, heading, "186"));
    assert_int_equal(ogi__order_value_lines(t, o.start[OGI__REG_T4],
                                            o.end[OGI__REG_T4], a, NULL, 0),
                     15);
    ogi_arena_destroy(&a);
}

/*
 * 2021's Table 2 (10 values) and a Table 3 that lost two values (148 and
 * 25 after the heading): 198 values, 2019's count, but Table 2 holds
 * 2021's. Nothing moves: Table 3 ends at section 4's heading.
 */
static void
other_format_count_moves_nothing(void **state)
{
    (void)state;
    static buf_t b;
    b.n = 0;
    put_head(&b, 10);
    put_values(&b, 148, 11);
    put(&b, "四、政府信息公开行政复议、行政诉讼情况");
    put_values(&b, 25, 159);
    put_t4_header(&b);
    put_values(&b, 15, 184);
    put_tail(&b);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__outline_t o;
    ogi_text_t *t = outline_of(a, &b, &o);
    assert_int_equal(o.end[OGI__REG_T3],
                     line_of(t, 0, "四、政府信息公开行政复议、行政诉讼情况"));
    assert_int_equal(o.start[OGI__REG_T4], line_of(t, 0, "行政复议"));
    ogi_arena_destroy(&a);
}

/*
 * 2019's tables (22, 161, 15 values) with Table 3's last 30 after
 * section 4's heading, Table 4's header wrapped ("行政" "复议": no
 * anchor, so Table 4's region starts after the heading), and a year the
 * narrative wrapped onto a line of its own after the sentence ("2019"):
 * one number more than the tables hold. Table 3 takes its 30 (up to
 * value 183), Table 4 starts after them and keeps the rest.
 */
static void
stray_year_before_table4(void **state)
{
    (void)state;
    static buf_t b;
    b.n = 0;
    put_head(&b, 22);
    put_values(&b, 131, 23);
    put(&b, "四、政府信息公开行政复议、行政诉讼情况");
    put_values(&b, 30, 154);
    put(&b, "年，我区未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。");
    put(&b, "2019");
    put(&b, "行政");
    put(&b, "复议");
    put(&b, "行政诉讼");
    put_values(&b, 15, 500);
    put_tail(&b);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__outline_t o;
    ogi_text_t *t = outline_of(a, &b, &o);
    assert_int_equal(o.end[OGI__REG_T3], line_of(t, 0, "183") + 1);
    assert_int_equal(ogi__order_value_lines(t, o.start[OGI__REG_T3],
                                            o.end[OGI__REG_T3], a, NULL, 0),
                     161);
    assert_int_equal(o.start[OGI__REG_T4], o.end[OGI__REG_T3]);
    assert_true(o.end[OGI__REG_T4] > line_of(t, 0, "514"));
    ogi_arena_destroy(&a);
}

/* Rows [r0, r1) of tb holding values as "v v v|"; a blank cell as "_". */
static void
value_rows(const ogi__table_t *tb, size_t r0, size_t r1, char *got,
           size_t cap)
{
    size_t n = 0;
    got[0] = '\0';
    for (size_t r = r0; r < r1; r++) {
        const ogi__row_t *row = &tb->rows[r];
        size_t m = 0;
        for (size_t i = row->first; i < row->first + row->count; i++) {
            const ogi__cell_t *c = &tb->cells[i];
            if (c->kind == OGI__CELL_BLANK)
                m += (size_t)snprintf(got + n + m, cap - n - m, "_ ");
            else if (c->kind == OGI__CELL_VALUE)
                m += (size_t)snprintf(got + n + m, cap - n - m, "%lld ",
                                      (long long)c->num.value);
            assert_true(n + m + 2 < cap);
        }
        if (m) {
            n += m;
            got[n - 1] = '|';
            got[n] = '\0';
        }
    }
}

/* The row of tb whose first label starts with lit: its values as
 * value_rows writes a row ("" when none). */
static void
row_named(const ogi__table_t *tb, const char *lit, char *got, size_t cap)
{
    got[0] = '\0';
    for (size_t r = 0; r < tb->nrows; r++) {
        const ogi__row_t *row = &tb->rows[r];
        const ogi__cell_t *l = NULL;
        for (size_t i = row->first; i < row->first + row->count && !l; i++)
            if (tb->cells[i].kind == OGI__CELL_LABEL)
                l = &tb->cells[i];
        if (!l || l->n < strlen(lit) || memcmp(l->s, lit, strlen(lit)) != 0)
            continue;
        value_rows(tb, r, r + 1, got, cap);
        return;
    }
}

/* s with full-width brackets and quotes as the decoded text has them
 * (ogi_text_decode folds them to ASCII): "（一）" -> "(一)", "，" -> ",". */
static void
ascii_marks(char *s)
{
    static const char *const wide[] = {"（", "）", "“", "”", "，"};
    static const char narrow[] = {'(', ')', '"', '"', ','};
    char *w = s;
    for (const char *p = s; *p;) {
        size_t k = 0;
        while (k < ARRAY_LEN(wide) && strncmp(p, wide[k], strlen(wide[k])))
            k++;
        if (k < ARRAY_LEN(wide)) {
            *w++ = narrow[k];
            p += strlen(wide[k]);
        } else {
            *w++ = *p++;
        }
    }
    *w = '\0';
}

static void
read_all(ogi_arena_t *a, const buf_t *b, ogi__table_t *tb)
{
    ogi_text_t *t = decode(a, b);
    ogi__table_init(tb, a, t);
    assert_int_equal(ogi__read_order.read(tb, t, 0, t->nlines), 0);
}

/*
 * Table 3 read a label at a time (nine rows: not the format's whole
 * table), each label followed by its row's seven values; the label
 * "2.没有现成信息需要另行制作" is followed by "供", the tail of the
 * group label "（四）无法提供" set beside it, and then by its values
 * (2 0 0 0 0 0 2). The values are the numbered label's; "供" names no
 * row.
 */
static void
label_tail_leaves_values_to_label(void **state)
{
    (void)state;
    static buf_t b;
    b.n = 0;
    static const char *const labels[] = {
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "1.属于国家秘密",
        "1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作\n\n供",
        "3.补正后申请内容仍不明确",
        "1.信访举报投诉类申请",
    };
    put(&b, "申请人情况");
    for (size_t r = 0; r < ARRAY_LEN(labels); r++) {
        put(&b, labels[r]);
        int v = (int)r + 1;
        int row[7] = {v, 0, 0, 0, 0, 0, v};
        for (size_t c = 0; c < 7; c++) {
            char s[16];
            snprintf(s, sizeof(s), "%d", row[c]);
            put(&b, s);
        }
    }
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__table_t tb;
    read_all(a, &b, &tb);
    char got[256];
    row_named(&tb, "2.没有现成信息", got, sizeof(got));
    assert_string_equal(got, "7 0 0 0 0 0 7|");
    row_named(&tb, "供", got, sizeof(got));
    assert_string_equal(got, "");
    row_named(&tb, "3.补正后", got, sizeof(got));
    assert_string_equal(got, "8 0 0 0 0 0 8|");
    ogi_arena_destroy(&a);
}

/*
 * Table 3 (2021, 25 rows) as a browser prints it over a page break: the
 * first four rows with six values each and their 总计 column after them
 * ("总计" then 11 12 13 14, a line each), rows 5 to 22 whole, the last
 * three rows with five values each, then section 4's heading and the
 * last three rows' 其他组织 and 总计 columns as two column blocks ("0"
 * "0" "0", then "33" "34" "35"). Row r (from 1) is (r + 10) 0 0 0 0 0
 * (r + 10): each row read back whole, with its label.
 */
static void
column_written_apart(void **state)
{
    (void)state;
    static buf_t b;
    b.n = 0;
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    put(&b, "申请人情况");
    put(&b, "自然人");
    size_t r = 0;
    char s[256];
    for (size_t k = 0; k < sk->nrows; k++) {
        const ogi_skel_row_t *row = &sk->rows[k];
        if (row->flags & (OGI_ROW_GROUP | OGI_ROW_OTHER1))
            continue;
        r++;
        snprintf(s, sizeof(s), "%s%s", row->number, row->label);
        put(&b, s);
        int v = (int)r + 10;
        size_t cols = r <= 4 ? 6 : r >= 23 ? 5 : 7;
        for (size_t c = 0; c < cols; c++) {
            snprintf(s, sizeof(s), "%d", c == 0 || c == 6 ? v : 0);
            put(&b, s);
        }
        if (r == 4) {
            /* 总计 and the four rows' totals, one block */
            put(&b, "总计");
            b.n -= 1; /* the totals' lines follow with no blank line */
            b.n += (size_t)snprintf(b.s + b.n, CAP - b.n, "11\n12\n13\n14\n\n");
        }
    }
    assert_int_equal(r, 25);
    put(&b, "四、政府信息公开行政复议、行政诉讼情况");
    b.n += (size_t)snprintf(b.s + b.n, CAP - b.n, "0\n0\n0\n\n33\n34\n35\n\n");
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__table_t tb;
    read_all(a, &b, &tb);
    char got[256], want[256];
    r = 0;
    for (size_t k = 0; k < sk->nrows; k++) {
        const ogi_skel_row_t *row = &sk->rows[k];
        if (row->flags & (OGI_ROW_GROUP | OGI_ROW_OTHER1))
            continue;
        r++;
        snprintf(s, sizeof(s), "%s%s", row->number, row->label);
        ascii_marks(s);
        row_named(&tb, s, got, sizeof(got));
        snprintf(want, sizeof(want), "%d 0 0 0 0 0 %d|", (int)r + 10,
                 (int)r + 10);
        if (strcmp(got, want) != 0)
            fail_msg("row %zu (%s): got \"%s\", want \"%s\"", r, s, got,
                     want);
    }
    ogi_arena_destroy(&a);
}

/*
 * A Table 3 that holds one number more than its share (a stray inside
 * it) and a year wrapped before Table 4's header: 2021's tables and two
 * numbers too many. Table 3 is not cut short (the stray may sit
 * anywhere in it): its region still holds its last value, 185.
 */
static void
stray_inside_table3_cuts_nothing(void **state)
{
    (void)state;
    static buf_t b;
    b.n = 0;
    put_head(&b, 10);
    put_values(&b, 100, 11);
    put(&b, "7");
    put_values(&b, 75, 111);
    put(&b, "四、政府信息公开行政复议、行政诉讼情况");
    put(&b, "年，我区未发生因政府信息公开工作被申请行政复议的情况。");
    put(&b, "2021");
    put_t4_header(&b);
    put_values(&b, 15, 500);
    put_tail(&b);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__outline_t o;
    ogi_text_t *t = outline_of(a, &b, &o);
    assert_true(o.end[OGI__REG_T3] > line_of(t, 0, "185"));
    ogi_arena_destroy(&a);
}

/* The values and labels of Table 2's region read from b: the row of the
 * item "政府集中采购" as value_rows writes it, its value cells' texts
 * into texts ("1321000元" ...). */
static void
procurement_row(const buf_t *b, char *texts, size_t cap)
{
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__table_t tb;
    read_all(a, b, &tb);
    size_t n = 0;
    texts[0] = '\0';
    for (size_t i = 0; i < tb.ncells; i++)
        if (tb.cells[i].kind == OGI__CELL_VALUE)
            n += (size_t)snprintf(texts + n, cap - n, "%.*s;",
                                  (int)tb.cells[i].n, tb.cells[i].s);
    ogi_arena_destroy(&a);
}

/*
 * The amount "1321000元" of 2019's 政府集中采购 wrapped in its narrow
 * column, pdftotext writing the unit as a block of its own after the
 * number (the item's last cell): the value cell is "1321000元", the
 * unit no line of its own; the project count 1 stays bare.
 */
static void
unit_after_amount(void **state)
{
    (void)state;
    static buf_t b;
    b.n = 0;
    put(&b, "第二十条第（一）项");
    put(&b, "信息内容");
    put(&b, "规章");
    put_values(&b, 6, 1);
    put(&b, "第二十条第（九）项");
    put(&b, "信息内容");
    put(&b, "政府集中采购");
    put(&b, "采购项目数量");
    put(&b, "采购总金额");
    put(&b, "1");
    put(&b, "1321000");
    put(&b, "元");
    char texts[512];
    procurement_row(&b, texts, sizeof(texts));
    assert_non_null(strstr(texts, ";1;1321000元;"));
}

/*
 * The same with the unit's block before the number's ("52" "元"
 * "9002000"): the unit is the amount's, after it, not the count's
 * before it.
 */
static void
unit_before_amount(void **state)
{
    (void)state;
    static buf_t b;
    b.n = 0;
    put(&b, "第二十条第（一）项");
    put(&b, "信息内容");
    put(&b, "规章");
    put_values(&b, 6, 1);
    put(&b, "第二十条第（九）项");
    put(&b, "信息内容");
    put(&b, "政府集中采购");
    put(&b, "52");
    put(&b, "元");
    put(&b, "9002000");
    char texts[512];
    procurement_row(&b, texts, sizeof(texts));
    assert_non_null(strstr(texts, ";52;9002000元;"));
}

/*
 * Table 2's last value, an amount ("3.37"), written after Table 3's row
 * labels (a browser's PDF of a page: the labels' column, then the
 * amount, then Table 3's values): 10 + 175 + 15 values, 2021's tables,
 * Table 3's last 25 after section 4's heading. Table 3 keeps its labels
 * (its region is not cut after the amount) and reaches on to its last
 * value; read, its stream holds its own 175 values, not the amount.
 */
static void
table2_amount_after_table3_labels(void **state)
{
    (void)state;
    static buf_t b;
    b.n = 0;
    put_head(&b, 9);
    static const char *const labels[] = {
        "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果", "（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
    };
    for (size_t i = 0; i < ARRAY_LEN(labels); i++)
        put(&b, labels[i]);
    put(&b, "3.37");
    put_values(&b, 150, 11);
    put(&b, "四、政府信息公开行政复议、行政诉讼情况");
    put_values(&b, 25, 161);
    put_t4_header(&b);
    put_values(&b, 15, 186);
    put_tail(&b);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__outline_t o;
    ogi_text_t *t = outline_of(a, &b, &o);
    size_t first = line_of(t, 0, labels[0]);
    assert_true(o.start[OGI__REG_T3] <= first);
    assert_true(o.end[OGI__REG_T2] <= first);
    assert_int_equal(o.end[OGI__REG_T3], line_of(t, 0, "185") + 1);
    assert_int_equal(o.start[OGI__REG_T4], line_of(t, 0, "行政复议"));
    ogi__table_t tb;
    assert_int_equal(ogi__reader_read(&tb, a, t, o.start[OGI__REG_T3],
                                      o.end[OGI__REG_T3]),
                     0);
    assert_int_equal(tb.stream_values, 175);
    ogi_arena_destroy(&a);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(table3_tail_after_heading),
        cmocka_unit_test(table4_values_before_anchor),
        cmocka_unit_test(other_format_count_moves_nothing),
        cmocka_unit_test(stray_year_before_table4),
        cmocka_unit_test(table2_amount_after_table3_labels),
        cmocka_unit_test(label_tail_leaves_values_to_label),
        cmocka_unit_test(column_written_apart),
        cmocka_unit_test(stray_inside_table3_cuts_nothing),
        cmocka_unit_test(unit_after_amount),
        cmocka_unit_test(unit_before_amount),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
