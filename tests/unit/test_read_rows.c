/*
 * test_read_rows.c - the row-lines reader (lib/form/read_row_lines.c) on
 * tables as pdftotext -layout sets them: one character per grid cell,
 * whatever its width, and a row whose cells wrap printed as a band of
 * lines.
 *
 * Each input is written the way pdftotext -layout writes such a table;
 * the rows wanted are read off the input by eye.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golden.h"
#include "ogi/arena.h"
#include "ogi/text.h"
#include "reader_int.h"

typedef struct {
    ogi_arena_t *arena;
    ogi_text_t text;
    ogi__table_t tb;
} fx_t;

/* Reads all of s with the row-lines reader. */
static void
read_str(fx_t *fx, const char *s)
{
    char why[128];
    fx->arena = ogi_arena_new(0);
    assert_non_null(fx->arena);
    assert_int_equal(ogi_text_decode(fx->arena, s, strlen(s),
                                     OGI_TEXT_MAX_DEFAULT, &fx->text, why,
                                     sizeof(why)),
                     0);
    const ogi__reader_t *r = ogi__reader_find("row_lines");
    assert_non_null(r);
    ogi__table_init(&fx->tb, fx->arena, &fx->text);
    assert_int_equal(r->read(&fx->tb, &fx->text, 0, fx->text.nlines), 0);
}

/* Row i of the model as "L[a] V[123] ...", into buf. */
static const char *
row_str(const fx_t *fx, size_t i, char *buf, size_t size)
{
    static const char kind[] = "LVBMR";
    const ogi__row_t *r = &fx->tb.rows[i];
    size_t o = 0;
    buf[0] = '\0';
    for (uint32_t k = 0; k < r->count && o < size; k++) {
        const ogi__cell_t *c = &fx->tb.cells[r->first + k];
        int w = snprintf(buf + o, size - o, "%s%c[%.*s]", k ? " " : "",
                         kind[c->kind], (int)c->n, c->s);
        if (w < 0)
            break;
        o += (size_t)w;
    }
    return buf;
}

/* The model's rows are exactly want[0..n). */
static void
expect_rows(const fx_t *fx, const char *const *want, size_t n)
{
    char buf[1024];
    for (size_t i = 0; i < fx->tb.nrows && i < n; i++) {
        row_str(fx, i, buf, sizeof(buf));
        if (strcmp(buf, want[i]) != 0)
            fail_msg("row %zu: want %s, got %s", i, want[i], buf);
    }
    if (fx->tb.nrows != n) {
        for (size_t i = 0; i < fx->tb.nrows; i++)
            print_message("  %zu: %s\n", i, row_str(fx, i, buf, sizeof(buf)));
        fail_msg("%zu rows, want %zu", fx->tb.nrows, n);
    }
}

static void
done(fx_t *fx)
{
    ogi_arena_destroy(&fx->arena);
}

/* A label wrapped in a narrow column, the values on its middle line. */
static void
label_wrapped(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx,
             "     3.要求提供公开\n"
             "                 /     0     -     无     0     0    --\n"
             "     出版物\n"
             "\n"
             "     1.申请人无正当\n"
             "     理由逾期不补\n"
             "     正、行政机关不    不适用   0     0     0    -     -    0\n"
             "     再处理其政府信\n"
             "     息公开申请\n");
    static const char *const want[] = {
        "L[3.要求提供公开出版物] V[/] V[0] V[-] V[无] V[0] V[0] V[--]",
        "L[1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请] "
        "V[不适用] V[0] V[0] V[0] V[-] V[-] V[0]",
    };
    expect_rows(&fx, want, 2);
    done(&fx);
}

/* An outer column's group label wrapped beside the row label's pieces:
 * two cells, each joined of its own pieces. */
static void
group_beside(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx,
             "（六）\n"
             "    2.申请人逾期未\n"
             "其他处\n"
             "    按收费通知要求\n"
             " 理\n"
             "    缴纳费用、行政\n"
             "                 —     -     -    不适用     无     0    --\n"
             "    机关不再处理其\n"
             "    政府信息公开申\n"
             "    请\n"
             "\n"
             "    3.其他         0     0     -    无       0     不适用  --\n");
    static const char *const want[] = {
        "L[(六)其他处理] "
        "L[2."
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        "] "
        "V[-] V[-] V[-] V[不适用] V[无] V[0] V[--]", /* — read as - */
        "L[3.其他] V[0] V[0] V[-] V[无] V[0] V[不适用] V[--]",
    };
    expect_rows(&fx, want, 2);
    done(&fx);
}

/* A placeholder wrapped in its cell ("不适" over "用") where the value
 * line has a gap: a cell of its own, read as a value, in its place (the
 * row below sets the columns in code points). */
static void
placeholder_wrapped(void **state)
{
    (void)state;
    fx_t fx;
    read_str(
        &fx,
        "                                                     不适\n"
        "一、本年新收政府信息公开申请数量           214   无   2     0    0    "
        "   216\n"
        "                                                      用\n"
        "\n"
        "（二）部分公开                    22    0   0     0    0    0  22\n");
    static const char *const want[] = {
        "L[一、本年新收政府信息公开申请数量] V[214] V[无] V[2] V[0] V[0] "
        "V[不适用] V[216]",
        "L[(二)部分公开] V[22] V[0] V[0] V[0] V[0] V[0] V[22]",
    };
    expect_rows(&fx, want, 2);
    done(&fx);
}

/* Rows printed without a blank line between them: after a line of
 * values, a numbered label starts the next row; the last row's label
 * wraps under its values. */
static void
rows_adjacent(void **state)
{
    (void)state;
    fx_t fx;
    read_str(
        &fx,
        "      2.申请人逾期未按收费通知要求缴纳\n"
        "      费用、行政机关不再处理其政府信息         0       0       0\n"
        "      公开申请\n"
        "      3.其他                                   0       0       1\n"
        "（七）总计                                    54       0       3\n");
    static const char *const want[] = {
        "L[2."
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        "] "
        "V[0] V[0] V[0]",
        "L[3.其他] V[0] V[0] V[1]",
        "L[(七)总计] V[54] V[0] V[3]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* A header band over the values is no row of them: a header word over a
 * value keeps every line its own row. */
static void
header_not_joined(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "                         自然人  商业企业  总计\n"
                  "一、本年新收申请数量          3         0     3\n");
    static const char *const want[] = {
        "L[自然人] L[商业企业] L[总计]",
        "L[一、本年新收申请数量] V[3] V[0] V[3]",
    };
    expect_rows(&fx, want, 2);
    done(&fx);
}

/* pdftotext sets a character per grid cell: the values of rows whose
 * labels differ in length line up in code points, and the cells get
 * those columns, so that the blank under a value stays a gap. */
static void
columns_in_code_points(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "一、本年新收政府信息公开申请数量                         43 "
                  "   0         0\n"
                  "三、本年度办理   （一）予以公开                        26   "
                  " 0     0   0\n");
    assert_int_equal(fx.tb.nrows, 2);
    /* 43 and 26 stand at code point 41 on both lines (16 + 25, 7 + 3 + 7
     * + 24); the 0 after the gap at 57 with the third 0 of the row below */
    const ogi__cell_t *a = &fx.tb.cells[fx.tb.rows[0].first];
    const ogi__cell_t *b = &fx.tb.cells[fx.tb.rows[1].first];
    assert_int_equal(fx.tb.rows[0].count, 4);
    assert_int_equal(fx.tb.rows[1].count, 6);
    assert_int_equal(a[1].x0, 41);
    assert_int_equal(b[2].x0, 41);
    assert_int_equal(a[3].x0, 57);
    assert_int_equal(b[5].x0, 57);
    done(&fx);
}

/* Table 4's one line of values under its header, set by pdftotext one
 * character per grid cell: no second line of values shows the measure,
 * the header's words do. In code points 结果维持 is 0-4, 结果纠正 5-9,
 * 其他结果 10-14, and 1 (at 2), 0 (7) and 3 (12) stand one under each; in
 * display columns (0-8, 9-17, 18-26) 1 and 0 would share the first. */
static void
header_over_one_row(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "结果维持 结果纠正 其他结果\n"
                  "\n"
                  "  1    0    3\n");
    static const char *const want[] = {
        "L[结果维持] L[结果纠正] L[其他结果]",
        "V[1] V[0] V[3]",
    };
    expect_rows(&fx, want, 2);
    const ogi__cell_t *h = &fx.tb.cells[fx.tb.rows[0].first];
    assert_int_equal(h[1].x0, 5);
    assert_int_equal(h[2].x0, 10);
    assert_int_equal(h[2].x1, 14);
    done(&fx);
}

/* The same header over values set in display columns (a terminal's
 * dump, w3m): 1 (at 3), 0 (12) and 3 (21) stand one under each word at
 * 0-8, 9-17 and 18-26; in code points 0 (at 12) would stand under no
 * word. The display columns stay. */
static void
header_over_one_row_display(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "结果维持 结果纠正 其他结果\n"
                  "\n"
                  "   1        0        3\n");
    const ogi__cell_t *h = &fx.tb.cells[fx.tb.rows[0].first];
    assert_int_equal(fx.tb.nrows, 2);
    assert_int_equal(h[1].x0, 9);
    assert_int_equal(h[2].x0, 18);
    done(&fx);
}

/* A browser's row label that wraps over more lines than its values'
 * line, which pdftotext sets apart by an empty line: the label's tail
 * below the gap ("府信息公开申" / "请", an outer group's piece （六）
 * beside it) ends that row, not the next, whose numbered label starts
 * under it. */
static void
label_tail_below_gap(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "                1.申请人无正当\n"
                  "                理由逾期不补\n"
                  "                不再处理其政     0       0         0        "
                  "0   0       0        0\n"
                  "\n"
                  "                府信息公开申\n"
                  "     （六）        请\n"
                  "     其他处        2.申请人逾期未\n"
                  "      理         按收费通知要\n"
                  "                行政机关不再     0       0         0        "
                  "0   0       0        0\n"
                  "\n"
                  "                处理其政府信\n"
                  "                息公开申请\n"
                  "                3.其他       0       0         0        0   "
                  "0       0        0\n");
    static const char *const want[] = {
        "L[(六)] L[1.申请人无正当理由逾期不补不再处理其政府信息公开申请] "
        "V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
        "L[其他处理] "
        "L[2.申请人逾期未按收费通知要行政机关不再处理其政府信息公开申请] "
        "V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
        "L[3.其他] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* Below the gap after a row's values, the top of the next row's label
 * over its number alone ("危及“三安全一" / "3."): that row's, not a
 * tail of the row above. */
static void
top_below_gap_not_tail(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "       2.其他法律行政法规禁止公开   0    0    0\n"
                  "\n"
                  "        危及“三安全一\n"
                  "       3.\n"
                  "                     0    0    /\n"
                  "       稳定”\n");
    static const char *const want[] = {
        "L[2.其他法律行政法规禁止公开] V[0] V[0] V[0]",
        "L[3.危及\"三安全一稳定\"] V[0] V[0] V[/]",
    };
    expect_rows(&fx, want, 2);
    done(&fx);
}

/* A number wrapped in a column too narrow for it (LibreOffice's PDF of a
 * narrow 总计 column, pdftotext -layout): "2" over the row's line, "1"
 * under it, in the column right of its other values, is 21. Two zeros
 * so set are never one number (no number starts with a zero). */
static void
number_wrapped(void **state)
{
    (void)state;
    fx_t fx;
    read_str(
        &fx,
        "                                                       2\n"
        "一、本年新收政府信息公开申请数量     15    3     0     0     3     0\n"
        "                                                       1\n"
        "\n"
        "二、上年结转政府信息公开申请数量     0     0     0     0     0     0  "
        " 0\n"
        "\n"
        "                                                       0\n"
        "（一）予以公开             0     0     0     0     0     0\n"
        "                                                       0\n");
    static const char *const want[] = {
        "L[一、本年新收政府信息公开申请数量] V[15] V[3] V[0] V[0] V[3] V[0] "
        "V[21]",
        "L[二、上年结转政府信息公开申请数量] V[0] V[0] V[0] V[0] V[0] V[0] "
        "V[0]",
    };
    char buf[1024];
    assert_true(fx.tb.nrows >= 2);
    for (size_t i = 0; i < 2; i++)
        assert_string_equal(row_str(&fx, i, buf, sizeof(buf)), want[i]);
    for (size_t i = 0; i < fx.tb.ncells; i++)
        assert_false(fx.tb.cells[i].n == 2 &&
                     memcmp(fx.tb.cells[i].s, "00", 2) == 0);
    done(&fx);
}

/* The same with the rows set close, no empty line between them: "27"
 * under a row of seven values and over a row with none in its column,
 * "3" under that row at the same column, is that row's 273, not a value
 * of the row above set lower. */
static void
number_wrapped_close(void **state)
{
    (void)state;
    fx_t fx;
    read_str(
        &fx,
        "二、上年结转政府信息公开申请数量     47    0     0     0     0     0  "
        " 47\n"
        "                     27\n"
        "（一）予以公开                    0     0     0     2     9   284\n"
        "                     3\n"
        "（二）部分公开              56    0     0     0     0     2   58\n");
    static const char *const want[] = {
        "L[二、上年结转政府信息公开申请数量] V[47] V[0] V[0] V[0] V[0] V[0] "
        "V[47]",
        "L[(一)予以公开] V[273] V[0] V[0] V[0] V[2] V[9] V[284]",
        "L[(二)部分公开] V[56] V[0] V[0] V[0] V[0] V[2] V[58]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* The label of an outer column (三、本年度办理结果, centred over many rows)
 * within a band, its numbered first piece beside a row label's tail: no
 * new row there; the next row starts at the numbered row label （六）'s
 * group stands beside. Values line up in code points. */
static void
outer_group_in_band(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "           1.申请人无正当\n"
                  "           理由逾期不补\n"
                  "           正、行政机关不    1     0   0   0   0   0   1\n"
                  "三、本年       再处理其政府信\n"
                  "度办理结       息公开申请\n"
                  "  果\n"
                  "       （六）\n"
                  "           2.申请人逾期未\n"
                  "       其他处\n"
                  "           按收费通知要求\n"
                  "        理\n"
                  "           缴纳费用、行政\n"
                  "                      0     0   0   0   0   0    0\n"
                  "           机关不再处理其\n"
                  "           政府信息公开申\n"
                  "           请\n"
                  "\n"
                  "           3.其他       0     0   0   0   0   0   0\n");
    static const char *const want[] = {
        "L[三、本年度办理结果] "
        "L[1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请] "
        "V[1] V[0] V[0] V[0] V[0] V[0] V[1]",
        "L[(六)其他处理] "
        "L[2."
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        "] "
        "V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
        "L[3.其他] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* Headers written down their narrow columns ("本年" over "制发件" over
 * "数"): one row, each column's pieces joined (the rows below set the
 * columns in code points). The last column's "有", set off its centre,
 * stays a cell of its own: not asserted. */
static void
header_down_columns(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "                     现行\n"
                  "                本年\n"
                  " 信     本年制发件          有\n"
                  "               废止件\n"
                  "息内容      数           效件\n"
                  "                 数\n"
                  "                      数\n"
                  "\n"
                  "规章        0     0    0\n"
                  "\n"
                  "规范性文件     0     0    4\n");
    assert_int_equal(fx.tb.nrows, 3);
    char buf[1024];
    const char *want = "L[信息内容] L[本年制发件数] L[本年废止件数] ";
    row_str(&fx, 0, buf, sizeof(buf));
    if (strncmp(buf, want, strlen(want)) != 0)
        fail_msg("want %s..., got %s", want, buf);
    assert_string_equal(row_str(&fx, 1, buf, sizeof(buf)),
                        "L[规章] V[0] V[0] V[0]");
    done(&fx);
}

/* Lines of one cell each (pdftotext without -layout) are no header
 * written down columns: each stays a row. */
static void
single_cells_not_joined(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "第二十条第（一）项\n"
                  "本年\n"
                  "现行\n");
    static const char *const want[] = {
        "L[第二十条第(一)项]",
        "L[本年]",
        "L[现行]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* Narrow columns set close run adjacent cells' digits together: digits
 * with a leading zero ("00") are a run for the arithmetic to split, but
 * three zeros or more ("0000000") are a cell each, since no number is
 * written with a leading zero; "0.5" and "10" stay values. */
static void
leading_zero_runs(void **state)
{
    (void)state;
    fx_t fx;
    read_str(
        &fx,
        "                      6.属于四类过程性信息        0000000\n"
        "\n"
        "                      1.属于国家秘密             0 0 0 00      0\n"
        "\n"
        "                      行政事业性收费             0.5   10\n");
    static const char *const want[] = {
        "L[6.属于四类过程性信息] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
        "L[1.属于国家秘密] V[0] V[0] V[0] R[00] V[0]",
        "L[行政事业性收费] V[0.5] V[10]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* OCR (tesseract) reads a table's rules as "|", specks as quotes beside
 * the values: in a line of values they are no cells, and a value they
 * touch is the value. A label's leading speck goes too, so that its
 * row's number is seen ("“|1.属于"). */
static void
ocr_stray_glyphs(void **state)
{
    (void)state;
    fx_t fx;
    read_str(
        &fx,
        "一、本年新收政府信息公开申请数量      620 | 0    0     0   0 |620\n"
        "\n"
        "(三) 不予公开 “|1.属于国家秘密      3    0    0     0   0 | 3\n"
        "\n"
        "5.要求行政机关确认或重新出具已获取信息 ”0   0   0    0     0\n");
    static const char *const want[] = {
        "L[一、本年新收政府信息公开申请数量] V[620] V[0] V[0] V[0] V[0] "
        "V[620]",
        "L[(三) 不予公开] L[1.属于国家秘密] V[3] V[0] V[0] V[0] V[0] V[3]",
        "L[5.要求行政机关确认或重新出具已获取信息] V[0] V[0] V[0] V[0] V[0]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* Digits as OCR misreads them in a line of values: o for 0 ("oo" two
 * zeros run together: a run), l for 1, a rule read as I after a digit.
 * A line without values keeps its words: "查阅 O" is a full stop read as
 * a letter, "ol" a word. */
static void
ocr_digit_lookalikes(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "二、上年结转政府信息公开申请数量      3 0 0 oo 0 0 3\n"
                  "\n"
                  "6.属于四类过程性信息        1     0     0     0     0 1I\n"
                  "\n"
                  "(六) 其他处理          1 0 0      0 ol\n"
                  "\n"
                  "方便群众查阅 O\n"
                  "\n"
                  "附件 ol 见下\n");
    static const char *const want[] = {
        "L[二、上年结转政府信息公开申请数量] V[3] V[0] V[0] R[00] V[0] V[0] "
        "V[3]",
        "L[6.属于四类过程性信息] V[1] V[0] V[0] V[0] V[0] V[1]",
        "L[(六) 其他处理] V[1] V[0] V[0] V[0] R[01]",
        "L[方便群众查阅 O]",
        "L[附件 ol 见下]",
    };
    expect_rows(&fx, want, 5);
    done(&fx);
}

/* OCR sets a row's number apart from its label ("4 .保护"): the number
 * is the label's, not a value, and starts a label of its own after a
 * group label. A number before "." and a digit stays a value. */
static void
ocr_number_apart(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "4 .保护第三方合法权益       1   0   0   0   0   0 1\n"
                  "\n"
                  "(五) 不予处理 1 .信访举报投诉类申请     1   0   0   0 1\n"
                  "\n"
                  "行政事业性收费       3 .5\n");
    static const char *const want[] = {
        "L[4 .保护第三方合法权益] V[1] V[0] V[0] V[0] V[0] V[0] V[1]",
        "L[(五) 不予处理] L[1 .信访举报投诉类申请] V[1] V[0] V[0] V[0] V[1]",
        "L[行政事业性收费] V[3] L[.5]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* OCR sets a table's header lines right above its first row, no line
 * between: the header's pieces in the column of the row's label are no
 * part of it, as the label starts at its number ("一、"). */
static void
ocr_header_over_numbered(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx,
             "申请人情况\n"
             "(勾稽关系: 第一项加第二项)\n"
             "自然人\n"
             "一、本年新收政府信息公开申请数量       68    0    7    75\n");
    static const char *const want[] = {
        "L[申请人情况]",
        "L[(勾稽关系: 第一项加第二项)]",
        "L[自然人]",
        "L[一、本年新收政府信息公开申请数量] V[68] V[0] V[7] V[75]",
    };
    expect_rows(&fx, want, 4);
    done(&fx);
}

/* A rule OCR reads as "|" between two values with no space parts them;
 * in a line without values it stays in the text. */
static void
ocr_rule_between_values(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "3.要求提供公开出版物       1 0|0 0 0 0 1\n"
                  "\n"
                  "自然人|商业企业\n");
    static const char *const want[] = {
        "L[3.要求提供公开出版物] V[1] V[0] V[0] V[0] V[0] V[0] V[1]",
        "L[自然人|商业企业]",
    };
    expect_rows(&fx, want, 2);
    done(&fx);
}

/* OCR loses the space between a group label and its first row's label:
 * the row's label starts at its number. A number inside a label with no
 * stop after it, or a decimal, stays. */
static void
ocr_group_run_into_row(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "(五) 不予3.要求提供公开出版物       0 0 0 0 0 0 0\n"
                  "\n"
                  "2019年政府集中采购       106   36812\n"
                  "\n"
                  "采购额1.5万元以上       2   3\n");
    static const char *const want[] = {
        "L[(五) 不予] L[3.要求提供公开出版物] V[0] V[0] V[0] V[0] V[0] V[0] "
        "V[0]",
        "L[2019年政府集中采购] V[106] V[36812]",
        "L[采购额1.5万元以上] V[2] V[3]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/*
 * w3m -dump of a table without borders (w3m -dump -T text/html -O UTF-8
 * -cols 80 of a small table written by hand, columns 16 pixels wide):
 * w3m centres a cell's lines in a taller row, so a placeholder wrapped
 * one character a line (不/适/用) puts "不" above the line of its row's
 * label, right after the row before; it starts the next row.
 */
static void
w3m_top_above_label(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "1.属于国家秘密                0  0  /  0  0  0  0\n"
                  "                                       不\n"
                  "2.其他法律行政法规禁止公开    1  0  0  适 0  0  1\n"
                  "                                       用\n"
                  "3.危及“三安全一稳定”          0  无 0  0  0  0  0\n");
    static const char *const want[] = {
        "L[1.属于国家秘密] V[0] V[0] V[/] V[0] V[0] V[0] V[0]",
        "L[2.其他法律行政法规禁止公开] V[1] V[0] V[0] V[不适用] V[0] V[0] "
        "V[1]",
        "L[3.危及\"三安全一稳定\"] V[0] V[无] V[0] V[0] V[0] V[0] V[0]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* w3m: an outer group's label (（三）不予公开, three rows tall) starts
 * beside the top "不" of the next row's placeholder: the line starts that
 * row, not the tail of the row before. */
static void
w3m_group_beside_top(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "       3.危及“三安全一稳定”          0  无 0  /  0  0  无\n"
                  "（三）                                        不\n"
                  "不予公 4.保护第三方合法权益          1  —  0  适 无 /  1\n"
                  "开                                            用\n"
                  "       5.属于三类内部事务信息        0  0  0  -  0  0  0\n");
    static const char *const want[] = {
        "L[3.危及\"三安全一稳定\"] V[0] V[无] V[0] V[/] V[0] V[0] V[无]",
        "L[(三)不予公开] L[4.保护第三方合法权益] V[1] V[-] V[0] V[不适用] "
        "V[无] V[/] V[1]",
        "L[5.属于三类内部事务信息] V[0] V[0] V[0] V[-] V[0] V[0] V[0]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* w3m: the tail of an outer group's label wrapped in a narrow column
 * ("度办", "理结" of 三、本年度办理结果) before a row's numbered label: the
 * row starts there, empty cells only space. */
static void
w3m_group_tail_before_label(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "三、  （一）予以公开                5     -           5\n"
                  "本年\n"
                  "度办                                         不\n"
                  "理结  （二）部分公开（区分处理的，  无       适    -\n"
                  "果    只计这一情形，不计其他情形）           用\n"
                  "\n"
                  "1.申请人无正当理由逾期不补正、行政     不    不\n"
                  "机关不再处理其政府信息公开申请      /  适 -  适    /\n"
                  "                                       用    用\n");
    static const char *const want[] = {
        "L[三、本年] L[(一)予以公开] V[5] V[-] V[5]",
        "L[度办理结果] L[(二)部分公开(区分处理的,只计这一情形,不计其他情形)] "
        "V[无] V[不适用] V[-]",
        "L[1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请] "
        "V[/] V[不适用] V[-] V[不适用] V[/]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* w3m (ogi gen --seed 63178 --layouts html, w3m -dump, 120 columns):
 * the row before left its first columns blank, so its values start right
 * of the column of "不" (of 不/适/用, set above the next row's label
 * beside the tail "开" of the group label （三）不予公开): "不" is still the
 * top of the next row's placeholder, over "适" right of its label. */
static void
w3m_top_left_of_values(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx,
                  "         （三）   4.保护第三方合法权益                        —     —         \n"
                  "         不予公\n"
                  "           开                                       不\n"
                  "                5.属于三类内部事务信息              适                  -   无 \n"
                  "                                                    用 \n");
    static const char *const want[] = {
        "L[(三)不予公] L[4.保护第三方合法权益] V[-] V[-] B[]",
        "L[开] L[5.属于三类内部事务信息] V[不适用] V[-] V[无]",
    };
    expect_rows(&fx, want, 2);
    done(&fx);
}

/* w3m (ogi gen --seed 20251193 --layouts html, w3m -dump): 无 set on the
 * second line of its wrapped row, beside the outer group's label
 * 三、本年度 (numbered, but an outer group's) and the tails 予处理 and 请 of
 * the labels above: the line goes on the row above, 无 its sixth value. */
static void
w3m_value_beside_outer_group(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx,
                  "                     3.要求提供公开出版物     0 0    0    0       —       /  0\n"
                  "            （五）不 4.无正当理由大量反复申  —   0   0     0      -           0\n"
                  "三、本年度  予处理   请                                                   无\n"
                  "办理结果             5.要求行政机关确认或重  0  0    0    0       -       0   0\n"
                  "                     新出具已获取信息\n");
    static const char *const want[] = {
        "L[3.要求提供公开出版物] V[0] V[0] V[0] V[0] V[-] V[/] V[0]",
        "L[三、本年度] L[(五)不予处理] L[4.无正当理由大量反复申请] V[-] V[0] "
        "V[0] V[0] "
        "V[-] V[无] V[0]",
        "L[办理结果] L[5.要求行政机关确认或重新出具已获取信息] V[0] V[0] "
        "V[0] V[0] V[-] V[0] V[0]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* w3m (ogi gen --seed 20250143 --layouts html, w3m -dump): 不适用 wrapped
 * in its column, "用" on the line of the next rows' group label
 * （五）不予处理: the tail ends the placeholder above, the group label
 * stays with the rows below. */
static void
w3m_tail_beside_group(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "度办理结        1.信访举报投诉类申请              0  0    0 "
                  "   0   0     0  0\n"
                  "果              2.重复申请                        0  不适 0 "
                  "   0   0     无 --\n"
                  "         （五）                                      用\n"
                  "         不予处 3.要求提供公开出版物              0  0    0 "
                  "   --  0     0  0\n");
    static const char *const want[] = {
        "L[度办理结] L[1.信访举报投诉类申请] V[0] V[0] V[0] V[0] V[0] V[0] "
        "V[0]",
        "L[果] L[2.重复申请] V[0] V[不适用] V[0] V[0] V[0] V[无] V[--]",
        "L[(五)不予处] L[3.要求提供公开出版物] V[0] V[0] V[0] V[--] V[0] "
        "V[0] V[0]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* w3m (seed 20250231): "不适" over "用" and "不" over "适用" in one row,
 * their tails beside the group label （五）不予处理; below, "不适" over
 * "用" beside the tail of the row's own label, which the row's band
 * joins. The page's cells: 0, 不适用, 不适用, —, blank, blank, 0 and /,
 * blank, 不适用, 0, --, 0, blank (blanks are only space here). */
static void
w3m_tails_beside_group(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "                    3.要求提供公开出版物  0    不适  不  —  "
                  "               0 \n"
                  "           （五）不                            用   适用\n"
                  "           予处理   4.无正当理由大量反复   /        不适 0  "
                  "    --     0    \n"
                  "                    申请                            用 \n");
    static const char *const want[] = {
        "L[3.要求提供公开出版物] V[0] V[不适用] V[不适用] V[-] V[0]",
        "L[(五)不予处理] L[4.无正当理由大量反复申请] V[/] V[不适用] V[0] "
        "V[--] V[0] B[]",
    };
    expect_rows(&fx, want, 2);
    done(&fx);
}

/* w3m (seed 20250289): "不适" over "用" in a row whose only other value
 * is 无: one value besides the pieces is no line of values to the bands,
 * which read "不适" as a label's; joined, the row holds 不适用 (商业企业)
 * and 无 (总计), its other cells blank (only space here). */
static void
w3m_tail_one_value(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "\n"
                  "                        1.属于国家秘密  1                   "
                  "                1\n"
                  "\n"
                  "                      2.其他法律行政法       不适           "
                  "               无\n"
                  "                      规禁止公开             用 \n"
                  "\n"
                  "三、本年度            3.危及“三安全一稳      1     --  -    "
                  "   不适用  无  1\n"
                  "办理结果              定” \n");
    static const char *const want[] = {
        "L[1.属于国家秘密] V[1] V[1]",
        "L[2.其他法律行政法规禁止公开] V[不适用] V[无]",
        "L[三、本年度办理结果] L[3.危及\"三安全一稳定\"] V[1] V[--] V[-] "
        "V[不适用] V[无] V[1]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* w3m (seed 20250107, 80 columns): Table 4's group label 行政诉讼 set
 * in a narrow column, "行" (columns 51-53) over "政诉讼" (49-55), read as
 * one label: it stands where both pieces do, [49, 55), over the columns
 * of 总计 [49, 51) and 结果维持 [53, 57) it spans; not at "行" alone,
 * between them, where a column of its own would be. */
static void
w3m_header_label_wrapped(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "         行政复议                                  行\n"
                  "                                                 政诉讼\n"
                  "\n"
                  "                                 未经复议直接               "
                  "复议后起诉\n"
                  "结果                                 起诉\n"
                  " 维  结果  其他  尚未  总\n"
                  " 持  纠正  结果  审结  计  结果  结果 其他 尚未  总  结果   "
                  "结  其他   尚  总\n"
                  "                           维持   纠   结  审结  计  维持  "
                  "果纠 结果  未审 计\n"
                  "                                  正   果                   "
                  "正         结\n"
                  "\n"
                  " —                 0   0     0    0    0     0    0    0    "
                  "      -    0     \n");
    const ogi__cell_t *hit = NULL;
    for (size_t i = 0; i < fx.tb.ncells; i++)
        if (fx.tb.cells[i].n == strlen("行政诉讼") &&
            memcmp(fx.tb.cells[i].s, "行政诉讼", fx.tb.cells[i].n) == 0)
            hit = &fx.tb.cells[i];
    if (!hit)
        fail_msg("no cell \"行政诉讼\"");
    else {
        assert_int_equal(hit->kind, OGI__CELL_LABEL);
        assert_int_equal(hit->x0, 49);
        assert_int_equal(hit->x1, 55);
    }
    done(&fx);
}

/* w3m (seed 61267, 120 columns): Table 4's header, its group label
 * 未经复议直接起诉 (columns 50-66) over the leaves 结果维持 [50, 58) and
 * 结果纠/正 [60, 66): the leaves stay two columns, 结果维持 where it
 * stands, never one cell run together with the group's words. */
static void
w3m_header_group_over_leaves(void **state)
{
    (void)state;
    fx_t fx;
    read_str(
        &fx,
        "行政复议                                          行政诉讼\n"
        "                    其他结                        未经复议直接起诉    "
        "                              复议后起诉\n"
        "                                                            结果纠    "
        "                              结        结果      其他结    尚\n"
        "结果维持  结果纠正  果        尚未审结  总计      结果维持            "
        "其他结果  尚未审结  总计                                              "
        "总计\n"
        "                                                            正        "
        "                              果维持    纠正      果        未审结\n"
        "\n"
        "          0         0          不适用             0          0        "
        "          0         0         0         0         /                   "
        "0\n"
        "\n");
    int leaf = 0;
    for (size_t i = 0; i < fx.tb.ncells; i++) {
        const ogi__cell_t *c = &fx.tb.cells[i];
        if (c->n == strlen("结果维持") && memcmp(c->s, "结果维持", c->n) == 0 &&
            c->x0 == 50 && c->x1 == 58)
            leaf = 1;
        for (size_t k = 0; k + strlen("起诉结果") <= c->n; k++)
            if (memcmp(c->s + k, "起诉结果", strlen("起诉结果")) == 0)
                fail_msg("leaf run into the group label: %.*s", (int)c->n,
                         c->s);
    }
    assert_true(leaf);
    done(&fx);
}

/* w3m (seed 61254): "不" of 不/适/用 beside "供" (the tail of the group
 * label （四）无法提供), a column left of the value "0" above it (48, the
 * value at 49): it stands among the values, the top of the next row's
 * placeholder. The page's cells of 3.补正后…: 不适用, /, 0, -, 0, blank,
 * —. */
static void
w3m_top_left_of_value(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "三、本年        1.本机关不掌握相关政府信息       11  0      "
                  "  -          0  11\n"
                  "度办理结\n"
                  "   果    （四） 2.没有现成信息需要另行制作       0       0  "
                  " 0      0   /     \n"
                  "         无法提\n"
                  "           供                                   不\n"
                  "                3.补正后申请内容仍不明确        适   /  0   "
                  "  -     0        —\n"
                  "                                                用 \n"
                  "\n"
                  "                1.信访举报投诉类申请            1   0    0  "
                  "        0   0    1\n");
    static const char *const want[] = {
        "L[三、本年度办理结] L[1.本机关不掌握相关政府信息] V[11] V[0] V[-] "
        "V[0] V[11]",
        "L[果] L[(四)无法提] L[2.没有现成信息需要另行制作] V[0] V[0] V[0] "
        "V[0] V[/] B[]",
        "L[供] L[3.补正后申请内容仍不明确] V[不适用] V[/] V[0] V[-] V[0] "
        "V[-]",
        "L[1.信访举报投诉类申请] V[1] V[0] V[0] V[0] V[0] V[1]",
    };
    expect_rows(&fx, want, 4);
    done(&fx);
}

/* The row of the model whose cells, as row_str writes them, start with
 * head; NULL when none does. */
static const char *
row_starting(const fx_t *fx, const char *head, char *buf, size_t size)
{
    for (size_t i = 0; i < fx->tb.nrows; i++)
        if (strncmp(row_str(fx, i, buf, size), head, strlen(head)) == 0)
            return buf;
    return NULL;
}

/* w3m (ogi gen --seed 63000, report 000161, 120 columns): Table 3 split,
 * its header repeated right above the row 5.要求行政机关确认…, whose
 * 不适用 is wrapped "不适" over "用" beside the tail "处理" of the group
 * label （五）不予处理. The header's lines are rows of their own; the
 * row's band from its values down joins "用" to "不适" and "处理" to its
 * group label. The page's cells: /, —, 无, --, -, 0, 不适用. */
static void
w3m_tail_beside_label_under_header(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx,
             "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之"
             "和）       自然 法人或其他组织\n"
             "                                                                "
             "           人   商业  科研  社会公益 法律服务 其  总计\n"
             "                                                                "
             "                企业  机构  组织     机构     他\n"
             "             （五）不予 5.要求行政机关确认或重新出具已获取信息  "
             "           /    —      无   --       -        0    不适\n"
             "             处理                                               "
             "                                                  用\n"
             "                        1.申请人无正当理由逾期不补正、行政机关不"
             "再处理其政 0    --    0     0        -        0   无\n");
    char buf[1024];
    const char *row = row_starting(&fx, "L[(五)不予处理]", buf, sizeof(buf));
    if (!row)
        fail_msg("no row of (五)不予处理");
    assert_string_equal(row, "L[(五)不予处理] "
                             "L[5.要求行政机关确认或重新出具已获取信息] "
                             "V[/] V[-] V[无] V[--] V[-] V[0] V[不适用]");
    assert_null(row_starting(&fx, "L[用]", buf, sizeof(buf)));
    done(&fx);
}

/* w3m (ogi gen --seed 20250101, report 000620, 80 columns): Table 4's
 * header, its group label 行政复议 wrapped "行政复" over "议" (a line of
 * one word), right above the line of values, whose 不适用 is wrapped
 * "不适" over "用". The values' band joins them: 不适用 is one value of
 * the row (行政复议's 尚未审结), no label "不适" before the values. */
static void
w3m_t4_tail_under_header(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx,
             "行政复                        行政诉讼\n"
             "议\n"
             "                              未经复                    "
             "复议后起诉\n"
             "              其              议直接起诉\n"
             "结果维 结果纠 他结 尚未审 总         结  其             结果 结  "
             "       尚\n"
             "持     正     果   结     计  结果维 果  他  尚未审 总  维   果  "
             "其他结 未审 总\n"
             "                              持     纠  结  结     计  持   纠  "
             "果     结   计\n"
             "                                     正  果                  正\n"
             " 0     0      0     不适  0    0     0   --  0           0       "
             "0      0    /\n"
             "                   用\n");
    char buf[1024];
    const char *row = row_starting(&fx, "V[0]", buf, sizeof(buf));
    if (!row)
        fail_msg("no row of values");
    assert_string_equal(row, "V[0] V[0] V[0] V[不适用] V[0] V[0] V[0] V[--] "
                             "V[0] V[0] V[0] V[0] V[/]");
    done(&fx);
}

/* w3m (ogi gen --seed 20250101, report 000458, 80 columns): Table 3's
 * header in narrow columns, its last line "构" (法律服务机构 one
 * character a line) right above "不" of 不适用 wrapped three lines tall
 * ("不" over "适" over "用") in the same column, the values on the
 * middle line. The header's lines are rows of their own; the row's band
 * from "不" to "用" joins 不适用. The page's cells: 214, 23, -, --,
 * 不适用, -, 237. */
static void
w3m_top_under_header(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "     （本列数据的勾稽关系为：第一项加第二                   "
                  "       法\n"
                  "       项之和，等于第三项加第四项之和）         自然 商  科 "
                  " 社会  律      总计\n"
                  "                                                 人  业  研 "
                  " 公益  服  其\n"
                  "                                                     企  机 "
                  " 组织  务  他\n"
                  "                                                     业  构 "
                  "       机\n"
                  "                                                            "
                  "       构\n"
                  "                                                            "
                  "       不\n"
                  "一、本年新收政府信息公开申请数量                214   23 -  "
                  " --    适  -   237\n"
                  "                                                            "
                  "       用\n");
    char buf[1024];
    const char *row = row_starting(&fx, "L[一、本年新收政府信息公开申请数量]",
                                   buf, sizeof(buf));
    if (!row)
        fail_msg("no row of 一、本年新收…");
    assert_string_equal(row, "L[一、本年新收政府信息公开申请数量] V[214] V[23] "
                             "V[-] V[--] V[不适用] V[-] V[237]");
    assert_null(row_starting(&fx, "L[不]", buf, sizeof(buf)));
    done(&fx);
}

/* w3m: placeholders three lines tall in two rows one after another: "用"
 * ends the row above (不/适/用 is whole), "不" under it starts the next;
 * the first row's "不" stands above its label at the top. */
static void
w3m_tops_between_rows(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx,
             "                                                        不\n"
             "一、本年新收政府信息公开申请数量    31  1   0   0   0   适  32\n"
             "                                                        用\n"
             "                                    不                  不\n"
             "二、上年结转政府信息公开申请数量    适  0   0           适\n"
             "                                    用                  用\n");
    static const char *const want[] = {
        "L[一、本年新收政府信息公开申请数量] V[31] V[1] V[0] V[0] V[0] "
        "V[不适用] V[32]",
        "L[二、上年结转政府信息公开申请数量] V[不适用] V[0] V[0] V[不适用]",
    };
    expect_rows(&fx, want, 2);
    done(&fx);
}

/* w3m: a header set right above the first row (no empty line between):
 * the header's words over a value are no part of the "不" under that
 * value, which tops the next row's 不/适/用. */
static void
w3m_top_after_header(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "                                    自  商  科\n"
                  "                                    然  业  研  总\n"
                  "                                    人  企  机  计\n"
                  "                                        业  构\n"
                  "一、本年新收政府信息公开申请数量    27  0   1   28\n"
                  "                                        不\n"
                  "二、上年结转政府信息公开申请数量    0   适  0   无\n"
                  "                                        用\n");
    static const char *const want[] = {
        "L[自] L[商] L[科]",
        "L[然] L[业] L[研] L[总]",
        "L[人] L[企] L[机] L[计]",
        "L[业] L[构]",
        "L[一、本年新收政府信息公开申请数量] V[27] V[0] V[1] V[28]",
        "L[二、上年结转政府信息公开申请数量] V[0] V[不适用] V[0] V[无]",
    };
    expect_rows(&fx, want, 6);
    done(&fx);
}

/* w3m: a row left wholly blank is its label's line alone, right above the
 * next row: the two labels are two rows, not one label wrapped. */
static void
w3m_blank_row_above(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "                                          不\n"
                  "6.属于四类过程性信息          —       /   适\n"
                  "                                          用\n"
                  "7.属于行政执法案卷\n"
                  "8.属于行政查询事项            1   —   —   1\n");
    static const char *const want[] = {
        "L[6.属于四类过程性信息] V[-] V[/] V[不适用]",
        "L[7.属于行政执法案卷]",
        "L[8.属于行政查询事项] V[1] V[-] V[-] V[1]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* Chromium's PDF of a generated page, as pdftotext -layout writes it
 * (tests/data/forms/browser/number_apart.layout.txt, README.md there): a
 * row label wrapped in a narrow column with its number on a line of its
 * own between the pieces ("属于国家秘" / "1." / "密"), its one filled cell
 * a placeholder alone on a line of the band, right under the line of the
 * row above's values. The number starts the row: the pieces are not the
 * tail of (二)部分公开, whose values stay its own. */
static void
number_apart(void **state)
{
    (void)state;
    fx_t fx;
    size_t len;
    char *s = ogi_test_slurp("tests/data/forms/browser/number_apart.layout.txt",
                             &len);
    assert_non_null(s);
    read_str(&fx, s);
    free(s);
    static const char *const want[] = {
        "L[三、本] L[(一)予以公开] V[129] V[15] V[不适用] V[不适用] V[10] "
        "V[不适用] V[154]",
        "L[年度办理结果] L[(二)部分公开] V[22] V[--] V[--] V[22]",
        "L[1.属于国家秘密] V[--]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* The same on another page (number_below_value.layout.txt): the row's
 * first value set on the label's top line ("其他法律行政法规禁止公 0"),
 * the number alone under it, the other six values on the line below
 * that: one row of seven values, not a tail of 1.属于国家秘密's. */
static void
number_below_value(void **state)
{
    (void)state;
    fx_t fx;
    size_t len;
    char *s = ogi_test_slurp(
        "tests/data/forms/browser/number_below_value.layout.txt", &len);
    assert_non_null(s);
    read_str(&fx, s);
    free(s);
    static const char *const want[] = {
        "L[(三)不予公开] L[1.属于国家秘密] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
        "L[2.其他法律行政法规禁止公开] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
    };
    expect_rows(&fx, want, 2);
    done(&fx);
}

/* A row whose cells a browser set some at the top of its band, the
 * others on its middle line (values_two_lines.layout.txt, README.md
 * there): "1.属于国家秘 无 不适用" over "密 -- 0 0 0". The values of both
 * lines, each in a column of its own, are the row's, in the order of
 * their columns (the truth: 自然人 and 商业企业 empty, printed 无 and --,
 * 科研机构 empty, then 0 0, 其他组织 empty printed 不适用, 总计 0). */
static void
values_two_lines(void **state)
{
    (void)state;
    fx_t fx;
    size_t len;
    char *s = ogi_test_slurp(
        "tests/data/forms/browser/values_two_lines.layout.txt", &len);
    assert_non_null(s);
    read_str(&fx, s);
    free(s);
    static const char *const want[] = {
        "L[三、本] L[(一)予以公开] V[-] V[-] V[不适用] V[0] V[/] V[--] V[0]",
        "L[年度办理结果] L[(二)部分公开(区分处理的,只计这一情形,不计其他情形)] "
        "V[无] V[0] V[0] V[0] V[0] V[0]",
        "L[1.属于国家秘密] V[无] V[--] V[0] V[0] V[不适用] V[0]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* Two rows of Table 2 printed on adjacent lines (rows_close.layout.txt,
 * the second on the next page): the second row's values stand right
 * beside the first's ("61" and "9" a column apart), so they are another
 * row's, not cells of one band set on two lines. */
static void
rows_close_not_joined(void **state)
{
    (void)state;
    fx_t fx;
    size_t len;
    char *s =
        ogi_test_slurp("tests/data/forms/browser/rows_close.layout.txt", &len);
    assert_non_null(s);
    read_str(&fx, s);
    free(s);
    static const char *const want[] = {
        "L[行政许可] V[41] V[+6] V[35]",
        "L[其他对外管理服务事项] V[48] V[+2] V[8]",
        "L[第二十条第(六)项]",
        "L[信息内容] L[上一年项目数量] L[本年增/减] L[处理决定数量]",
        "L[行政处罚] V[61] V[0] V[13]",
        "L[行政强制] V[9] V[+5] V[0]",
    };
    expect_rows(&fx, want, 6);
    done(&fx);
}

/* A page whose narrow columns pdftotext set with no space between
 * (digits_close.layout.txt): "1000 0 0 1" is 1 0 0 0 0 0 1 (the truth),
 * its row three cells narrower than the rows around it, as "1000" has
 * digits more than one. The digits are a run the format's arithmetic
 * parts (or keeps whole), not the number 1000. */
static void
digits_close(void **state)
{
    (void)state;
    fx_t fx;
    size_t len;
    char *s = ogi_test_slurp("tests/data/forms/browser/digits_close.layout.txt",
                             &len);
    assert_non_null(s);
    read_str(&fx, s);
    free(s);
    static const char *const want[] = {
        "L[2.没有现成信息需要另行制作] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
        "L[3.补正后申请内容仍不明确] R[1000] V[0] V[0] V[1]",
        "L[1.信访举报投诉类申请] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* The same where the row next to it is short of a blank cell itself
 * ("无 0 0 000": six of seven): the row two lines up shows the seven, so
 * "101" of a row of five is the digits of three cells (1 0 1). */
static void
digits_close_short_neighbour(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx,
             " 5.要求行政机关确认或重新出具已获取信息 0 0 0        0   000\n"
             "\n"
             "（六）其他处理                 无     0    0   000\n"
             "\n"
             "（七）总计                   0 00       0   101\n"
             "\n"
             "四、结转下年度继续办理             0 00       0    00\n");
    static const char *const want[] = {
        "L[5.要求行政机关确认或重新出具已获取信息] V[0] V[0] V[0] V[0] V[0] "
        "V[0] V[0]",
        "L[(六)其他处理] V[无] V[0] V[0] V[0] V[0] V[0]",
        "L[(七)总计] V[0] R[00] V[0] R[101]",
        "L[四、结转下年度继续办理] V[0] R[00] V[0] R[00]",
    };
    expect_rows(&fx, want, 4);
    done(&fx);
}

/* A browser's row label whose number pdftotext sets alone on the line
 * of the row's values, the label's words on the line above it
 * ("属于国家秘密" over "1.   0 0 0"): the words start that row (after
 * its number), not a tail of the row above. */
static void
number_on_values_label_above(void **state)
{
    (void)state;
    fx_t fx;
    read_str(
        &fx,
        "          （二）部分公开                   14 0     0   0    0   0   "
        "14\n"
        "                     属于国家秘密\n"
        "                     1.             0   0    0   0    0   0   0\n"
        "                    其他法律行政法规禁止公开\n"
        "                    2.              1   0    0   0    0   0   1\n"
        "                    危及“三安全一稳定”\n"
        "                    3.              0   2    0   0    0   0   2\n");
    static const char *const want[] = {
        "L[(二)部分公开] V[14] V[0] V[0] V[0] V[0] V[0] V[14]",
        "L[1.属于国家秘密] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
        "L[2.其他法律行政法规禁止公开] V[1] V[0] V[0] V[0] V[0] V[0] V[1]",
        "L[3.危及\"三安全一稳定\"] V[0] V[2] V[0] V[0] V[0] V[0] V[2]",
    };
    expect_rows(&fx, want, 4);
    done(&fx);
}

/* A browser's row label over its number alone, the row's values below
 * an empty line, the label's tail below another ("申请人无正当理由逾期不补
 * 正、" / "1." / "" / "行政机关不再处理其政府信息公开  0 0 0" / "" /
 * "申请"): one row, and so the next, its outer group's pieces beside. */
static void
label_number_values_apart(void **state)
{
    (void)state;
    fx_t fx;
    read_str(
        &fx,
        "                 申请人无正当理由逾期不补正、\n"
        "                1.\n"
        "\n"
        "                行政机关不再处理其政府信息公开    0     0   0   0   0 "
        "  0   0\n"
        "\n"
        "                申请\n"
        "        （六）其\n"
        "                 申请人逾期未按收费通知要求缴\n"
        "                2.\n"
        "         他处理\n"
        "                纳费用、行政机关不再处理其政府    2     0   0   0   0 "
        "  0   2\n"
        "\n"
        "                信息公开申请\n"
        "                3.其他               3     0   0   0   0   0   3\n");
    static const char *const want[] = {
        "L[1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请] "
        "V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
        "L[(六)其他处理] "
        "L[2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开"
        "申请] V[2] V[0] V[0] V[0] V[0] V[0] V[2]",
        "L[3.其他] V[3] V[0] V[0] V[0] V[0] V[0] V[3]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* Table 3's numbers wrapped in narrow columns (seed 97033 printed by
 * LibreOffice on A4 across, pdftotext -layout): the total row's 194 and
 * 229 set as "19" and "22" on the line above its label, "4" and "9" on
 * the line below, under them; its numbered label does not start a row
 * of its own under the tops. The cells wanted are the generator's truth
 * (result_total 194 19 0 0 16 0 229, other.all 2 0 0 0 0 0 2,
 * carry_forward 8 1 0 0 0 0 9). */
static void
numbers_wrapped_around_row(void **state)
{
    (void)state;
    fx_t fx;
    read_str(
        &fx,
        "（六）其他处理                           2    0     0     0   0    0  "
        " 2\n"
        "\n"
        "                                 19                             22\n"
        "（七）总计                                  19    0     0   16   0\n"
        "                                  4                              9\n"
        "\n"
        "四、结转下年度继续办理                       8    1     0     0   0   "
        " 0   9\n");
    static const char *const want[] = {
        "L[(六)其他处理] V[2] V[0] V[0] V[0] V[0] V[0] V[2]",
        "L[(七)总计] V[194] V[19] V[0] V[0] V[16] V[0] V[229]",
        "L[四、结转下年度继续办理] V[8] V[1] V[0] V[0] V[0] V[0] V[9]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* Rows of an OCR text one under another, each with its values (the
 * first two OCR lines and the third in the same columns): no wrapped
 * number's tops, three rows. */
static void
rows_of_values_not_wrapped(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "1 .信访举报投诉类申请              19               0       "
                  "           19\n"
                  "(五) 不予处理 “|2.重复申请                      21          "
                  "     0                  21\n"
                  "3.要求提供公开出版物              6                0        "
                  "          6\n");
    static const char *const want[] = {
        "L[1 .信访举报投诉类申请] V[19] V[0] V[19]",
        "L[(五) 不予处理] L[2.重复申请] V[21] V[0] V[21]",
        "L[3.要求提供公开出版物] V[6] V[0] V[6]",
    };
    expect_rows(&fx, want, 3);
    done(&fx);
}

/* Table 3 of seed 97035 (LibreOffice, A4 across, pdftotext -layout),
 * read in display columns: its numbers wrapped in narrow columns ("26"
 * over "8", 268), the value line's Chinese label pushing its values
 * right of the tops and tails, which line up only in code points; an
 * outer group's label beside them (三、本年度办理结 over 果). The cells
 * wanted are the generator's truth (new_received 268 0 4 0 0 11 283,
 * carried_over 14 0 0 0 0 0 14, granted 167 0 2 0 0 5 174). */
static void
numbers_wrapped_display(void **state)
{
    (void)state;
    fx_t fx;
    read_str(
        &fx,
        "\n"
        "                                  自   法人或其他组织   总\n"
        "                                              商         社会   "
        "法律\n"
        "                                              业         公    服\n"
        "                                          然       科研机             "
        "其\n"
        "                                                                      "
        " 计\n"
        "                                          人       构               "
        "他\n"
        "                                              企         益组   务机\n"
        "                                              业         织    构\n"
        "\n"
        "                                          26                          "
        " 28\n"
        "一、本年新收政府信息公开申请数量                             0    4   "
        "  0    0    11\n"
        "                                          8                           "
        " 3\n"
        "\n"
        "\n"
        "二、上年结转政府信息公开申请数量                          14 0    0   "
        "  0    0    0    14\n"
        "\n"
        "\n"
        "三、本年度办理结                                  16                  "
        "         17\n"
        "           （一）予以公开                           0    2     0    0 "
        "   5\n"
        "果                                         7                          "
        "  4\n");
    static const char *const want[] = {
        "L[自] L[法人或其他组织] L[总]",
        "L[商] L[社会] L[法律]",
        "L[业] L[公] L[服]",
        "L[然] L[科研机] L[其]",
        "L[计]",
        "L[人] L[构] L[他]",
        "L[企] L[益组] L[务机]",
        "L[业] L[织] L[构]",
        "L[一、本年新收政府信息公开申请数量] "
        "V[268] V[0] V[4] V[0] V[0] V[11] V[283]",
        "L[二、上年结转政府信息公开申请数量] "
        "V[14] V[0] V[0] V[0] V[0] V[0] V[14]",
        "L[三、本年度办理结果] L[(一)予以公开] "
        "V[167] V[0] V[2] V[0] V[0] V[5] V[174]",
    };
    expect_rows(&fx, want, 11);
    done(&fx);
}

/* w3m's table without borders: a last cell holding only a no-break space
 * is written as a space in its column, the line's end past the cell
 * before in spaces; that cell is blank, not lost. The header's words
 * over the row show the column ("本年增/减" starts at display column 30,
 * the last space of the row's line). */
static void
blank_end_in_spaces(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "第二十条第（八）项\n"
                  "信息内容       上一年项目数量 本年增/减\n"
                  "行政事业性收费 4               \n");
    static const char *const want[] = {
        "L[第二十条第(八)项]",
        "L[信息内容] L[上一年项目数量] L[本年增/减]",
        "L[行政事业性收费] V[4] B[]",
    };
    expect_rows(&fx, want, 3);
    const ogi__cell_t *b = &fx.tb.cells[fx.tb.rows[2].first + 2];
    assert_int_equal(b->x0, 30);
    assert_int_equal(b->x1, 31);
    assert_int_equal(b->len, 1);
    done(&fx);
}

/* w3m (seed 20250192): the same with the row's only value blank: its
 * label, two spaces (the gap, then the blank cell at its column's
 * start). */
static void
blank_end_label_alone(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "    第二十条第（六）项\n"
                  "  信息   本年处理决定数量\n"
                  "  内容\n"
                  "行政处罚 1539\n"
                  "行政强制 -17\n"
                  "\n"
                  " \n"
                  "\n"
                  "     第二十条第（八）项\n"
                  "    信息内     本年收费金额（\n"
                  "      容        单位：万元）\n"
                  "行政事业性收费  \n");
    static const char *const want[] = {
        "L[第二十条第(六)项]",
        "L[信息] L[本年处理决定数量]",
        "L[内容]",
        "L[行政处罚] V[1539]",
        "L[行政强制] V[-17]",
        "L[第二十条第(八)项]",
        "L[信息内] L[本年收费金额(]",
        "L[容] L[单位:万元)]",
        "L[行政事业性收费] B[]",
    };
    expect_rows(&fx, want, 9);
    /* at the column's start: 本年收费金额 is at 15 */
    assert_int_equal(fx.tb.cells[fx.tb.rows[8].first + 1].x0, 15);
    done(&fx);
}

/* No blank where the line ends at its last cell or one space after it
 * (a gap alone holds no cell), nor after a row of values with no label
 * before them (Table 4's row: placed by its columns' positions). */
static void
no_blank_end(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "信息内容       上一年项目数量 本年增/减\n"
                  "行政许可       3              1 \n"
                  "行政强制       1\n"
                  "0     0   0     0     0    0          \n");
    static const char *const want[] = {
        "L[信息内容] L[上一年项目数量] L[本年增/减]",
        "L[行政许可] V[3] V[1]",
        "L[行政强制] V[1]",
        "V[0] V[0] V[0] V[0] V[0] V[0]",
    };
    expect_rows(&fx, want, 4);
    done(&fx);
}

/* w3m (seed 62164): Table 4's header lines with no line between them and
 * the row of values, 不适用 wrapped in two columns below it ("不适" over
 * "用"): the header's lines stay rows of their own, the values' line and
 * the tails below it one row. The page's cells: 0, --, 0, /, 0, 0,
 * 不适用, 不适用, 0, 0, 0, /, 0, 0, 0. */
static void
w3m_header_over_wrapped_row(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "行政复议                   行政诉讼\n"
                  "结果  结果  其他  尚未  总 未经复议直接起诉           "
                  "复议后起诉\n"
                  "维持  纠正  结果  审结  计 结果  结果  其他  尚未  总 "
                  "结果  结果  其他  尚未  总\n"
                  "                           维持  纠正  结果  审结  计 "
                  "维持  纠正  结果  审结  计\n"
                  "0     --    0     /     0  0     不适  不适  0     0  0  "
                  "   /     0     0     0\n"
                  "                                 用    用\n");
    static const char *const want[] = {
        "L[行政复议] L[行政诉讼]",
        "L[结果] L[结果] L[其他] L[尚未] L[总] L[未经复议直接起诉] "
        "L[复议后起诉]",
        "L[维持] L[纠正] L[结果] L[审结] L[计] L[结果] L[结果] L[其他] "
        "L[尚未] L[总] L[结果] L[结果] L[其他] L[尚未] L[总]",
        "L[维持] L[纠正] L[结果] L[审结] L[计] L[维持] L[纠正] L[结果] "
        "L[审结] L[计]",
        "V[0] V[--] V[0] V[/] V[0] V[0] V[不适用] V[不适用] V[0] V[0] V[0] "
        "V[/] V[0] V[0] V[0]",
    };
    expect_rows(&fx, want, 5);
    done(&fx);
}

/* w3m (seed 61243): Table 4's header words over its one row of values,
 * each cell ten display columns wide, the values at their cells' starts.
 * No second line of values tells the measure; the header's words do: in
 * display columns each word of a line stands in a cell of its own (结果
 * at 12 and 其他 at 22 over the values at 10 and 20), in code points two
 * of them fall in one (结果 at 12, 其他 at 18). Read in display columns. */
static void
w3m_header_words_in_display_columns(void **state)
{
    (void)state;
    fx_t fx;
    read_str(
        &fx,
        "                    行政复议                                          "
        "                         行政诉讼\n"
        "                                                                      "
        "  未经\n"
        "                                                                      "
        "                                                 复议后起诉\n"
        "            结果      其他                                          "
        "复议直接起诉\n"
        "结果维持                      尚未审结    总计\n"
        "            纠正      结果                                     结     "
        "   其      尚未审              结果维      结      其他结     尚未\n"
        "                                                  结果维持            "
        "                      总计                                            "
        "  总计\n"
        "                                                             果纠正   "
        " 他结果      结                  持      果纠正      果       审结\n"
        "\n"
        "          0         0         0         0         0         0         "
        "          0         0         0         /         —         0         "
        "0\n");
    const ogi__row_t *r = &fx.tb.rows[3];
    const ogi__cell_t *c = &fx.tb.cells[r->first];
    assert_int_equal(c->n, strlen("结果"));
    assert_int_equal(c->x0, 12);
    assert_int_equal(c[1].x0, 22);
    assert_int_equal(c[2].x0, 68); /* 复议直接起诉 */
    r = &fx.tb.rows[4];
    c = &fx.tb.cells[r->first];
    assert_int_equal(c[0].x1, 8);  /* 结果维持 */
    assert_int_equal(c[1].x0, 30); /* 尚未审结 */
    done(&fx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(label_wrapped),
        cmocka_unit_test(blank_end_in_spaces),
        cmocka_unit_test(blank_end_label_alone),
        cmocka_unit_test(no_blank_end),
        cmocka_unit_test(w3m_header_over_wrapped_row),
        cmocka_unit_test(w3m_header_words_in_display_columns),
        cmocka_unit_test(numbers_wrapped_around_row),
        cmocka_unit_test(rows_of_values_not_wrapped),
        cmocka_unit_test(numbers_wrapped_display),
        cmocka_unit_test(group_beside),
        cmocka_unit_test(placeholder_wrapped),
        cmocka_unit_test(rows_adjacent),
        cmocka_unit_test(header_not_joined),
        cmocka_unit_test(columns_in_code_points),
        cmocka_unit_test(header_over_one_row),
        cmocka_unit_test(header_over_one_row_display),
        cmocka_unit_test(label_tail_below_gap),
        cmocka_unit_test(top_below_gap_not_tail),
        cmocka_unit_test(number_wrapped),
        cmocka_unit_test(number_wrapped_close),
        cmocka_unit_test(number_on_values_label_above),
        cmocka_unit_test(label_number_values_apart),
        cmocka_unit_test(outer_group_in_band),
        cmocka_unit_test(number_apart),
        cmocka_unit_test(number_below_value),
        cmocka_unit_test(values_two_lines),
        cmocka_unit_test(rows_close_not_joined),
        cmocka_unit_test(digits_close),
        cmocka_unit_test(digits_close_short_neighbour),
        cmocka_unit_test(header_down_columns),
        cmocka_unit_test(single_cells_not_joined),
        cmocka_unit_test(leading_zero_runs),
        cmocka_unit_test(ocr_stray_glyphs),
        cmocka_unit_test(ocr_digit_lookalikes),
        cmocka_unit_test(ocr_number_apart),
        cmocka_unit_test(ocr_header_over_numbered),
        cmocka_unit_test(ocr_rule_between_values),
        cmocka_unit_test(ocr_group_run_into_row),
        cmocka_unit_test(w3m_top_above_label),
        cmocka_unit_test(w3m_group_beside_top),
        cmocka_unit_test(w3m_group_tail_before_label),
        cmocka_unit_test(w3m_tail_beside_group),
        cmocka_unit_test(w3m_top_left_of_values),
        cmocka_unit_test(w3m_value_beside_outer_group),
        cmocka_unit_test(w3m_tails_beside_group),
        cmocka_unit_test(w3m_tail_one_value),
        cmocka_unit_test(w3m_header_label_wrapped),
        cmocka_unit_test(w3m_header_group_over_leaves),
        cmocka_unit_test(w3m_top_left_of_value),
        cmocka_unit_test(w3m_tail_beside_label_under_header),
        cmocka_unit_test(w3m_t4_tail_under_header),
        cmocka_unit_test(w3m_top_under_header),
        cmocka_unit_test(w3m_tops_between_rows),
        cmocka_unit_test(w3m_top_after_header),
        cmocka_unit_test(w3m_blank_row_above),
    };
    return cmocka_run_group_tests_name("read_rows", tests, NULL, NULL);
}
