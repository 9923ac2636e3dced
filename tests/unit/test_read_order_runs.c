/*
 * test_read_order_runs.c - the reading-order reader (lib/form/read_order.c)
 * on Table 3 as pdftotext writes it without -layout when rows lose cells:
 * runs of single values that fill no rows exactly (blank cells left out),
 * tables cut at the paper's edge, a header fragment that names a sub-row;
 * an amount wrapped in a narrow column; Table 2's labels in a run with
 * their rows' values before or after them.
 * Hand-written text in the shape of the generated pages' PDFs
 * (tests/tools/pdf_fixtures.sh); the values are the fixtures' own.
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
#include "ogi/text.h"
#include "reader_int.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Table 3's labels in the format's order (one （六） row), as pdftotext
 * writes them in reading order: a group's label and its first row's on
 * lines of their own. */
static const char *const t3_labels[] = {
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果\n\n（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（三）不予公开\n\n1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "（四）无法提供\n\n1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "（五）不予处理\n\n1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理",
    "（七）总计",
    "四、结转下年度继续办理",
};

/* Reads in[0..n) with the reading-order reader into *tb (arena a). */
static void
read_text(ogi_arena_t *a, const char *in, size_t n, ogi__table_t *tb)
{
    ogi_text_t *t = ogi_arena_alloc(a, sizeof(*t));
    assert_non_null(t);
    char why[160];
    assert_int_equal(ogi_text_decode(a, in, n, 0, t, why, sizeof(why)), 0);
    ogi__table_init(tb, a, t);
    assert_int_equal(ogi__reader_find("order")->read(tb, t, 0, t->nlines), 0);
}

/* Each row of tb that holds values as "v v v|", a value as its number,
 * a gap (a BLANK cell) as "_N" with N the cells it may stand for. */
static void
value_rows(const ogi__table_t *tb, char *got, size_t cap)
{
    size_t n = 0;
    got[0] = '\0';
    for (size_t r = 0; r < tb->nrows; r++) {
        const ogi__row_t *row = &tb->rows[r];
        size_t m = 0;
        for (size_t i = row->first; i < row->first + row->count; i++) {
            const ogi__cell_t *c = &tb->cells[i];
            if (c->kind == OGI__CELL_BLANK)
                m += (size_t)snprintf(got + n + m, cap - n - m, "_%u ",
                                      (unsigned)c->n);
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

/* 1 when cell c's text holds str. */
static int
cell_has(const ogi__cell_t *c, const char *str)
{
    size_t m = strlen(str);
    for (size_t i = 0; c && i + m <= c->n; i++)
        if (memcmp(c->s + i, str, m) == 0)
            return 1;
    return 0;
}

/* Appends "\n\n"-separated values v[0..nv) to in at *n. */
static void
put_values(char *in, size_t cap, size_t *n, const int *v, size_t nv)
{
    for (size_t i = 0; i < nv; i++)
        *n += (size_t)snprintf(in + *n, cap - *n, "%d\n\n", v[i]);
}

/*
 * A row whose blank cell pdftotext left out, its six values run on into
 * the next row's seven with no label between (the next row's label comes
 * after them): thirteen values, two rows. They are cut where both rows
 * hold the row identity (2 1 0 0 0 | 3 and 3 0 0 0 0 0 | 3: the short
 * row first), the short row read with gaps for the splitter, not as
 * thirteen rows of one value and one of seven.
 */
static void
run_cut_by_row_identity(void **state)
{
    (void)state;
    static char in[16384];
    size_t n = 0;
    static const int zero[7] = {0, 0, 0, 0, 0, 0, 0};
    static const int run[13] = {2, 1, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 3};
    for (size_t i = 0; i < ARRAY_LEN(t3_labels); i++) {
        if (i == 7) /* 4.保护第三方合法权益: its values came before */
            continue;
        n += (size_t)snprintf(in + n, sizeof(in) - n, "%s\n\n", t3_labels[i]);
        if (i == 6) /* 3.危及…: its row and the next one's */
            put_values(in, sizeof(in), &n, run, 13);
        else
            put_values(in, sizeof(in), &n, zero, 7);
        if (i == 6)
            n += (size_t)snprintf(in + n, sizeof(in) - n, "%s\n\n",
                                  t3_labels[7]);
    }
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi__table_t tb;
    read_text(a, in, n, &tb);
    char got[8192];
    value_rows(&tb, got, sizeof(got));
    if (!strstr(got, "|_1 2 _1 1 _1 0 _1 0 _1 0 _1 3 _1|3 0 0 0 0 0 3|"))
        fail_msg("rows: %s", got);
    ogi_arena_destroy(&a);
}

/*
 * A table wider than the paper, its total column cut off: every row six
 * values. Two rows' values run together after one label (the second
 * row's label after them): twelve values are two rows of six, each read
 * with gaps, not a row of seven taken across them.
 */
static void
table_cut_at_paper_edge(void **state)
{
    (void)state;
    static char in[16384];
    size_t n = 0;
    for (size_t i = 0; i < ARRAY_LEN(t3_labels); i++) {
        if (i == 10)
            continue;
        n += (size_t)snprintf(in + n, sizeof(in) - n, "%s\n\n", t3_labels[i]);
        int row[6] = {(int)i + 1, 0, 0, 0, 0, 0};
        put_values(in, sizeof(in), &n, row, 6);
        if (i == 9) { /* 6.属于四类过程性信息, then 7.'s values */
            int next[6] = {11, 0, 0, 0, 0, 0};
            put_values(in, sizeof(in), &n, next, 6);
            n += (size_t)snprintf(in + n, sizeof(in) - n, "%s\n\n",
                                  t3_labels[10]);
        }
    }
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi__table_t tb;
    read_text(a, in, n, &tb);
    char got[8192];
    value_rows(&tb, got, sizeof(got));
    if (!strstr(got, "|_1 10 _1 0 _1 0 _1 0 _1 0 _1 0 _1|"
                     "_1 11 _1 0 _1 0 _1 0 _1 0 _1 0 _1|"))
        fail_msg("rows: %s", got);
    ogi_arena_destroy(&a);
}

/*
 * The header "申请人情况" wrapped, its first line "申请人" a block of its
 * own: it names "1.申请人无正当理由逾期不补正…", a sub-row of （六）, well
 * enough. The value rows number the table with one （六） row, so that
 * label names nothing: each row keeps its label and its values (row k
 * from 1: k 0 0 0 0 0 k), and the fragment is left out rather than read
 * as the sub-row the table lacks.
 */
static void
header_fragment_names_no_sub_row(void **state)
{
    (void)state;
    static char in[16384];
    size_t n = (size_t)snprintf(in, sizeof(in), "申请人\n\n情况\n\n");
    for (size_t i = 0; i < ARRAY_LEN(t3_labels); i++) {
        n += (size_t)snprintf(in + n, sizeof(in) - n, "%s\n\n", t3_labels[i]);
        int row[7] = {(int)i + 1, 0, 0, 0, 0, 0, (int)i + 1};
        put_values(in, sizeof(in), &n, row, 7);
    }
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi__table_t tb;
    read_text(a, in, n, &tb);
    int64_t k = 1;
    for (size_t r = 0; r < tb.nrows; r++) {
        const ogi__row_t *row = &tb.rows[r];
        const ogi__cell_t *label = NULL;
        int64_t v[8];
        size_t nv = 0;
        for (size_t i = row->first; i < row->first + row->count; i++) {
            const ogi__cell_t *c = &tb.cells[i];
            if (c->kind == OGI__CELL_LABEL) {
                assert_false(c->n == strlen("申请人") &&
                             memcmp(c->s, "申请人", c->n) == 0);
                if (!label)
                    label = c;
            }
            if (c->kind == OGI__CELL_VALUE && nv < 8)
                v[nv++] = c->num.value;
        }
        if (nv == 0)
            continue;
        assert_non_null(label);
        assert_int_equal(nv, 7);
        assert_int_equal(v[0], k);
        assert_int_equal(v[6], k);
        k++;
    }
    assert_int_equal(k, (int64_t)ARRAY_LEN(t3_labels) + 1);
    ogi_arena_destroy(&a);
}

/*
 * An amount in a narrow column wrapped its last digit onto a line of its
 * own ("85005400.2" then "8", as the generated page of seed 5001 gave
 * 政府集中采购's 85005400.28): one value, not 85005400.2 and a stray 8.
 * A column of two rows whose second is a short number stays two values.
 */
static void
amount_wrapped_in_narrow_column(void **state)
{
    (void)state;
    static const char in[] = "（九）政府集中采购\n\n"
                             "采购项目数量\n\n采购总金额\n\n"
                             "政府集中采购\n\n2\n\n85005400.2\n8\n\n"
                             "三、收到和处理政府信息公开申请情况\n\n"
                             "12\n7\n\n";
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi__table_t tb;
    read_text(a, in, sizeof(in) - 1, &tb);
    int amount = 0, eight = 0, twelve = 0, seven = 0;
    for (size_t i = 0; i < tb.ncells; i++) {
        const ogi__cell_t *c = &tb.cells[i];
        if (c->kind != OGI__CELL_VALUE)
            continue;
        amount += c->num.value == 8500540028 && c->num.scale == 2;
        eight += c->num.value == 8 && c->num.scale == 0;
        twelve += c->num.value == 12;
        seven += c->num.value == 7;
    }
    assert_int_equal(amount, 1);
    assert_int_equal(eight, 0);
    assert_int_equal(twelve, 1);
    assert_int_equal(seven, 1);
    ogi_arena_destroy(&a);
}

/* The label and the values of each row of tb that has a label and
 * values, as "label:v v v|". */
static void
labelled_rows(const ogi__table_t *tb, char *got, size_t cap)
{
    size_t n = 0;
    got[0] = '\0';
    for (size_t r = 0; r < tb->nrows; r++) {
        const ogi__row_t *row = &tb->rows[r];
        const ogi__cell_t *label = NULL;
        char vals[256];
        size_t m = 0;
        for (size_t i = row->first; i < row->first + row->count; i++) {
            const ogi__cell_t *c = &tb->cells[i];
            if (c->kind == OGI__CELL_LABEL && !label)
                label = c;
            else if (c->kind == OGI__CELL_VALUE)
                m += (size_t)snprintf(vals + m, sizeof(vals) - m, " %lld",
                                      (long long)c->num.value);
        }
        if (!label || !m)
            continue;
        n += (size_t)snprintf(got + n, cap - n, "%.*s:%s|", (int)label->n,
                              label->s, vals + 1);
        assert_true(n + 1 < cap);
    }
}

/*
 * Table 2 as pdftotext wrote a generated page of seed 7026 (A4 across):
 * the labels of 第二十条第（一）项 in a run ("行政规范性文件" wrapped),
 * its column headers wrapped, then the two rows' six values as single
 * blocks. The values go with the labels row by row, three each (the
 * table's columns): 规章 0 0 0, 行政规范性文件 1 0 7. The region holds few
 * values among many lines of wrapped headers, and is still reading order.
 */
static void
t2_labels_then_values(void **state)
{
    (void)state;
    static const char in[] =
        "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n规章\n"
        "行政规范性文\n件\n\n本年制发件\n数\n\n本年废止件\n数\n\n"
        "现行有效件\n数\n\n0\n\n0\n\n0\n\n1\n\n0\n\n7\n\n"
        "第二十条第（五）项\n信息内容\n\n本年处理决定数\n量\n\n"
        "行政许可 10512\n\n第二十条第（六）项\n\n信息内\n容\n\n"
        "本年处理决定数\n量\n\n行政处\n罚\n\n1378\n\n行政强\n制\n\n"
        "88\n\n第二十条第（八）项\n信息内容\n行政事业性收\n费\n\n"
        "本年收费金额（单位：万\n元）\n2282.4\n\n";
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi__table_t tb;
    read_text(a, in, sizeof(in) - 1, &tb);
    assert_true(ogi__read_order.probe(tb.text, 0, tb.text->nlines) > 0);
    char got[4096];
    labelled_rows(&tb, got, sizeof(got));
    if (!strstr(got, "规章:0 0 0|行政规范性文:1 0 7|"))
        fail_msg("rows: %s", got);
    ogi_arena_destroy(&a);
}

/*
 * The same table with its values before its labels, as pdftotext wrote
 * a generated page of seed 7003: the column header, the six values, then
 * 规章 and 行政规范性文件, then the next item's heading. The values go
 * with the labels after them: 规章 0 0 0, 行政规范性文件 14 0 72, not
 * the next item's labels.
 */
static void
t2_values_then_labels(void **state)
{
    (void)state;
    static const char in[] =
        "第二十条第（一）项\n信息\n内容\n\n本年制发件数\n0\n\n0\n\n0\n\n"
        "14\n\n0\n\n72\n规章\n行政规范性文件\n\n"
        "第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可\n\n"
        "10159\n\n";
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi__table_t tb;
    read_text(a, in, sizeof(in) - 1, &tb);
    char got[4096];
    labelled_rows(&tb, got, sizeof(got));
    if (!strstr(got, "规章:0 0 0|行政规范性文件:14 0 72|"))
        fail_msg("rows: %s", got);
    ogi_arena_destroy(&a);
}

/* The label cell that opens the row of tb whose values read as `vals`
 * ("3 0 0 1 0 0 4", gaps left out), or NULL. */
static const ogi__cell_t *
label_of_row(const ogi__table_t *tb, const char *vals)
{
    for (size_t r = 0; r < tb->nrows; r++) {
        const ogi__row_t *row = &tb->rows[r];
        char got[256];
        size_t m = 0;
        got[0] = '\0';
        for (size_t i = row->first; i < row->first + row->count; i++) {
            const ogi__cell_t *c = &tb->cells[i];
            if (c->kind == OGI__CELL_VALUE && m + 24 < sizeof(got))
                m += (size_t)snprintf(got + m, sizeof(got) - m, "%s%lld",
                                      m ? " " : "", (long long)c->num.value);
        }
        if (row->count && strcmp(got, vals) == 0)
            return tb->cells[row->first].kind == OGI__CELL_LABEL
                       ? &tb->cells[row->first]
                       : NULL;
    }
    return NULL;
}

/*
 * The first rows' labels in a run (一、 二、 the group 三、 and （一）), the
 * column headers, then their values in one run: twenty for three rows,
 * （一）予以公开 having lost a blank cell (seed 96013's page: 3 0 0 1 0 0 4,
 * 0 0 0 0 0 0 0, then 1 0 0 0 0 1 for seven cells). The run is cut into
 * rows by the row identity and each row goes with the label that names
 * it, the short one with gaps, rather than the labels left behind and
 * the rows read as the rows after （一）.
 */
static void
label_run_before_cut_run(void **state)
{
    (void)state;
    static char in[16384];
    size_t n = 0;
    static const int zero[7] = {0, 0, 0, 0, 0, 0, 0};
    static const int run[20] = {3, 0, 0, 1, 0, 0, 4, 0, 0, 0, 0,
                                0, 0, 0, 1, 0, 0, 0, 0, 1};
    n += (size_t)snprintf(in + n, sizeof(in) - n,
                          "申请人情况\n自然人\n\n法人或其他组织\n\n总计\n\n");
    for (size_t i = 0; i < 3; i++)
        n += (size_t)snprintf(in + n, sizeof(in) - n, "%s\n", t3_labels[i]);
    n += (size_t)snprintf(in + n, sizeof(in) - n,
                          "\n商业企\n业\n\n科研机\n构\n\n社会公\n益组织\n\n"
                          "法律服\n务机构\n\n其他\n\n");
    put_values(in, sizeof(in), &n, run, 20);
    for (size_t i = 3; i < ARRAY_LEN(t3_labels); i++) {
        n += (size_t)snprintf(in + n, sizeof(in) - n, "%s\n\n", t3_labels[i]);
        put_values(in, sizeof(in), &n, zero, 7);
    }
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi__table_t tb;
    read_text(a, in, n, &tb);
    char got[8192];
    value_rows(&tb, got, sizeof(got));
    if (!strstr(got, "3 0 0 1 0 0 4|0 0 0 0 0 0 0|"
                     "_1 1 _1 0 _1 0 _1 0 _1 0 _1 1 _1|"))
        fail_msg("rows: %s", got);
    const ogi__cell_t *l1 = label_of_row(&tb, "3 0 0 1 0 0 4");
    const ogi__cell_t *l3 = label_of_row(&tb, "1 0 0 0 0 1");
    assert_non_null(l1);
    assert_non_null(l3);
    assert_true(cell_has(l1, "本年新收"));
    assert_true(cell_has(l3, "予以公开"));
    ogi_arena_destroy(&a);
}

/*
 * Table 3 as plain pdftotext writes a Chromium PDF of the page (seed
 * 96029's shape): the label column's block (a group's label on the line
 * of one of its rows, before it and a space; "其他" alone), its numbering
 * ("1.", "2.") in a block after it, then the rows' values a line each,
 * （二）'s with a blank cell left out. The rows after （一） go with the
 * labels in order (row k holds k 0 0 0 0 0 k), "其他" with the row
 * between 2. and （七）'s.
 */
static void
browser_label_column_read(int short_row)
{
    static const char *const labels[] = {
        "（二）部分公开",
        "属于国家秘密",
        "其他法律行政法规禁止公开",
        "危及“三安全一稳定”",
        "保护第三方合法权益",
        "（三）不予公开 属于三类内部事务信息",
        "属于四类过程性信息",
        "属于行政执法案卷",
        "属于行政查询事项",
        "本机关不掌握相关政府信息",
        "（四）无法提供 没有现成信息需要另行制作",
        "补正后申请内容仍不明确",
        "信访举报投诉类申请",
        "重复申请",
        "（五）不予处理 要求提供公开出版物",
        "无正当理由大量反复申请",
        "要求行政机关确认或重新出具已获取信息",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "（六）其他处理 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "其他",
        "（七）总计",
        "四、结转下年度继续办理",
    };
    static const char *const numbering[] = {
        "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "1.", "2.",
        "3.", "1.", "2.", "3.", "4.", "5.", "1.", "2.", "3.",
    };
    static char in[16384];
    size_t n = 0;
    n += (size_t)snprintf(in + n, sizeof(in) - n,
                          "申请人情况\n自然人\n法人或其他组织\n总计\n"
                          "一、本年新收政府信息公开申请数量\n"
                          "1 0 0 0 0 0 1\n\n"
                          "二、上年结转政府信息公开申请数量\n"
                          "2 0 0 0 0 0 2\n\n"
                          "三、本年度办理结果\n（一）予以公开\n"
                          "3 0 0 0 0 0 3\n\n");
    for (size_t i = 0; i < ARRAY_LEN(labels); i++)
        n += (size_t)snprintf(in + n, sizeof(in) - n, "%s\n", labels[i]);
    for (size_t i = 0; i < ARRAY_LEN(numbering); i++)
        n += (size_t)snprintf(in + n, sizeof(in) - n, "%s\n", numbering[i]);
    n += (size_t)snprintf(in + n, sizeof(in) - n, "\n");
    /* （二）'s row lost a blank cell: six values */
    n += (size_t)snprintf(in + n, sizeof(in) - n,
                          short_row ? "4 0 0 0 0 4\n" : "4 0 0 0 0 0 4\n");
    for (int k = 5; k < 4 + (int)ARRAY_LEN(labels); k++)
        n += (size_t)snprintf(in + n, sizeof(in) - n, "%d 0 0 0 0 0 %d\n", k,
                              k);
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi__table_t tb;
    read_text(a, in, n, &tb);
    const struct {
        const char *vals, *label;
    } cut[] = {
        {"4 0 0 0 0 4", "部分公开"},
        {"9 0 0 0 0 0 9", "内部事务"},
        {"14 0 0 0 0 0 14", "另行制作"},
        {"18 0 0 0 0 0 18", "公开出版物"},
        {"22 0 0 0 0 0 22", "缴纳费用"},
        {"23 0 0 0 0 0 23", "其他"},
        {"24 0 0 0 0 0 24", "总计"},
        {"25 0 0 0 0 0 25", "结转"},
    }, whole[] = {
        /* (rows read by the format's order: a row whose label shares
         * its group's line goes unlabelled after the row before it) */
        {"4 0 0 0 0 0 4", "部分公开"},
        {"5 0 0 0 0 0 5", "国家秘密"},
        {"10 0 0 0 0 0 10", "过程性"},
        {"13 0 0 0 0 0 13", "不掌握"},
        {"15 0 0 0 0 0 15", "补正后"},
        {"21 0 0 0 0 0 21", "逾期不补正"},
        {"25 0 0 0 0 0 25", "结转"},
    }, *want = short_row ? cut : whole;
    size_t nwant = short_row ? ARRAY_LEN(cut) : ARRAY_LEN(whole);
    for (size_t i = 0; i < nwant; i++) {
        const ogi__cell_t *l = label_of_row(&tb, want[i].vals);
        if (!l || !cell_has(l, want[i].label))
            fail_msg("row %s: label %.*s, want %s", want[i].vals,
                     l ? (int)l->n : 4, l ? l->s : "none", want[i].label);
    }
    ogi_arena_destroy(&a);
}

static void
browser_label_column(void **state)
{
    (void)state;
    browser_label_column_read(1);
}

/*
 * The same with every row whole: the rows number the format's, so they
 * are read by its order, and each label a line of its own names its row
 * rather than running on into the labels after it.
 */
static void
browser_label_column_whole(void **state)
{
    (void)state;
    browser_label_column_read(0);
}

/*
 * Narrow cells set close: a zero and the next cell's count run together
 * into one word ("01", seed 96029's （二） row: 0 1 0 0 0 0 1), as a line
 * of its own (LibreOffice's PDF) or among the row's words (Chromium's,
 * "01 0 0 00 1"). No count is written with a leading zero, so the zero
 * is a cell of its own and the row is whole: seven values.
 */
static void
zero_before_count(void **state)
{
    (void)state;
    for (int line = 0; line < 2; line++) {
        static char in[16384];
        size_t n = 0;
        static const int zero[7] = {0, 0, 0, 0, 0, 0, 0};
        for (size_t i = 0; i < ARRAY_LEN(t3_labels); i++) {
            n += (size_t)snprintf(in + n, sizeof(in) - n, "%s\n\n",
                                  t3_labels[i]);
            if (i != 3)
                put_values(in, sizeof(in), &n, zero, 7);
            else if (line)
                n += (size_t)snprintf(in + n, sizeof(in) - n,
                                      "01 0 0 00 1\n\n");
            else
                n += (size_t)snprintf(in + n, sizeof(in) - n,
                                      "01\n\n0\n\n0\n\n0\n\n0\n\n1\n\n");
        }
        ogi_arena_t *a = ogi_arena_new(0);
        assert_non_null(a);
        ogi__table_t tb;
        read_text(a, in, n, &tb);
        char got[8192];
        value_rows(&tb, got, sizeof(got));
        if (!strstr(got, "|0 1 0 0 0 0 1|"))
            fail_msg("rows (%s): %s", line ? "one line" : "a line each", got);
        ogi_arena_destroy(&a);
    }
}

/* The label of the row of tb whose values read as `vals`: its own first
 * cell, or the row just before it when that row holds labels only; NULL
 * when neither. */
static const ogi__cell_t *
label_before_row(const ogi__table_t *tb, const char *vals)
{
    for (size_t r = 0; r < tb->nrows; r++) {
        const ogi__row_t *row = &tb->rows[r];
        char got[256];
        size_t m = 0;
        got[0] = '\0';
        for (size_t i = row->first; i < row->first + row->count; i++) {
            const ogi__cell_t *c = &tb->cells[i];
            if (c->kind == OGI__CELL_VALUE && m + 24 < sizeof(got))
                m += (size_t)snprintf(got + m, sizeof(got) - m, "%s%lld",
                                      m ? " " : "", (long long)c->num.value);
        }
        if (!row->count || strcmp(got, vals) != 0)
            continue;
        if (tb->cells[row->first].kind == OGI__CELL_LABEL)
            return &tb->cells[row->first];
        if (r == 0)
            return NULL;
        const ogi__row_t *prev = &tb->rows[r - 1];
        for (size_t i = prev->first; i < prev->first + prev->count; i++)
            if (tb->cells[i].kind != OGI__CELL_LABEL)
                return NULL;
        return prev->count ? &tb->cells[prev->first] : NULL;
    }
    return NULL;
}

/*
 * A page's labels written after its rows (seed 96009's upright page):
 * "3.危及…"'s values then two rows without labels, the table lacking
 * "4.保护第三方合法权益" altogether, and "5.属于三类内部事务信息" and
 * "6.属于四类过程性信息" at the region's end. Three rows lie between 3.
 * and 7. for two rows of values, so the format's order alone would name
 * them 4. and 5.; the labels that came late name them (row k holds
 * k 0 0 0 0 0 k).
 */
static void
labels_after_their_rows(void **state)
{
    (void)state;
    static char in[16384];
    size_t n = 0;
    for (size_t i = 0; i < ARRAY_LEN(t3_labels); i++) {
        if (i >= 7 && i <= 9) /* 4. absent, 5. and 6. at the end */
            continue;
        n += (size_t)snprintf(in + n, sizeof(in) - n, "%s\n\n", t3_labels[i]);
        int k = (int)i + 1;
        int row[7] = {k, 0, 0, 0, 0, 0, k};
        put_values(in, sizeof(in), &n, row, 7);
        if (i == 6) /* 3.危及…: then the rows of 5. and 6. */
            for (int r = 9; r <= 10; r++) {
                int late[7] = {r, 0, 0, 0, 0, 0, r};
                put_values(in, sizeof(in), &n, late, 7);
            }
    }
    n += (size_t)snprintf(in + n, sizeof(in) - n, "%s\n\n%s\n\n",
                          t3_labels[8], t3_labels[9]);
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi__table_t tb;
    read_text(a, in, n, &tb);
    const ogi__cell_t *l9 = label_before_row(&tb, "9 0 0 0 0 0 9");
    const ogi__cell_t *l10 = label_before_row(&tb, "10 0 0 0 0 0 10");
    if (!cell_has(l9, "内部事务") || !cell_has(l10, "过程性"))
        fail_msg("labels: %.*s / %.*s", l9 ? (int)l9->n : 4,
                 l9 ? l9->s : "none", l10 ? (int)l10->n : 4,
                 l10 ? l10->s : "none");
    ogi_arena_destroy(&a);
}

/*
 * Labels come late (seed 98015's Chromium page): （二） and 1.'s rows
 * were written without labels after （一）'s, and their labels stand in a
 * run after "8.属于行政查询事项"'s row, before the rows of （四）'s first
 * two sub-rows (whose labels came earlier). Those labels name rows
 * before 8., so they do not name the rows after them: those rows take
 * no label from them (row k holds k 0 0 0 0 0 k).
 */
static void
late_labels_not_the_next_rows(void **state)
{
    (void)state;
    static char in[16384];
    size_t n = 0;
    for (size_t i = 0; i < ARRAY_LEN(t3_labels); i++) {
        int k = (int)i + 1;
        int row[7] = {k, 0, 0, 0, 0, 0, k};
        if (i == 3 || i == 4 || i == 12 || i == 13)
            ; /* （二）, 1., then （四） 1. and 2.: labels elsewhere */
        else
            n += (size_t)snprintf(in + n, sizeof(in) - n, "%s\n\n",
                                  t3_labels[i]);
        if (i == 12)
            n += (size_t)snprintf(in + n, sizeof(in) - n, "%s\n%s\n\n",
                                  t3_labels[3], "1.属于国家秘密");
        /* （五）2.'s row lost a blank cell: the table is not read by the
         * format's order alone */
        put_values(in, sizeof(in), &n, i == 17 ? row + 1 : row,
                   i == 17 ? 6 : 7);
    }
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi__table_t tb;
    read_text(a, in, n, &tb);
    const ogi__cell_t *l13 = label_of_row(&tb, "13 0 0 0 0 0 13");
    const ogi__cell_t *l14 = label_of_row(&tb, "14 0 0 0 0 0 14");
    if (cell_has(l13, "部分公开") || cell_has(l14, "国家秘密"))
        fail_msg("rows after 8. took the late labels: %.*s / %.*s",
                 l13 ? (int)l13->n : 4, l13 ? l13->s : "none",
                 l14 ? (int)l14->n : 4, l14 ? l14->s : "none");
    ogi_arena_destroy(&a);
}

/*
 * A crawler's text one node a line (no blank lines): Table 3's rows a
 * value a line, "10" "0" "0" "0" "1" "0" "11" (a generated page's
 * 一、, its truth 10 0 0 0 1 0 | 11). Its "1" "0" are two cells, not a
 * total 10 wrapped in a narrow column that the four values before add
 * up to: read apart, the six make the total on the next line.
 */
static void
node_lines_one_zero_apart(void **state)
{
    (void)state;
    static char in[16384];
    size_t n = 0;
    for (size_t i = 0; i < ARRAY_LEN(t3_labels); i++) {
        for (const char *c = t3_labels[i]; *c; c++)
            if (!(c[0] == '\n' && c[1] == '\n') && n + 1 < sizeof(in))
                in[n++] = *c;
        in[n++] = '\n';
        static const int first[7] = {10, 0, 0, 0, 1, 0, 11};
        static const int second[7] = {2, 0, 0, 0, 0, 0, 2};
        for (size_t k = 0; k < 7; k++)
            n += (size_t)snprintf(in + n, sizeof(in) - n, "%d\n",
                                  i == 0 ? first[k]
                                         : i == 1 ? second[k] : (k == 0 || k == 6));
    }
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi__table_t tb;
    read_text(a, in, n, &tb);
    static char got[8192];
    value_rows(&tb, got, sizeof(got));
    if (strncmp(got, "10 0 0 0 1 0 11|2 0 0 0 0 0 2|", 30) != 0)
        fail_msg("rows read %s", got);
    ogi_arena_destroy(&a);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(run_cut_by_row_identity),
        cmocka_unit_test(table_cut_at_paper_edge),
        cmocka_unit_test(header_fragment_names_no_sub_row),
        cmocka_unit_test(amount_wrapped_in_narrow_column),
        cmocka_unit_test(t2_labels_then_values),
        cmocka_unit_test(t2_values_then_labels),
        cmocka_unit_test(label_run_before_cut_run),
        cmocka_unit_test(browser_label_column),
        cmocka_unit_test(browser_label_column_whole),
        cmocka_unit_test(zero_before_count),
        cmocka_unit_test(labels_after_their_rows),
        cmocka_unit_test(late_labels_not_the_next_rows),
        cmocka_unit_test(node_lines_one_zero_apart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
