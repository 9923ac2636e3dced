/*
 * test_form_ocr.c - reports as an OCR engine reads them: the look-alikes
 * of figures in a row's values (ogi__form_ocr_figures, lib/form/
 * form_ocr.c) and section headings with a character misread (lib/parse/
 * outline.c).
 *
 * Hand-written lines as tesseract writes a table row ("3 0 0 oo 0 3",
 * "1 0 0 1I": o for 0, the table's rule after a figure as I), each with
 * the line expected written out; lines that must be left alone (a
 * sentence, a page's "1 of 2", an English label holding I and o, a look-
 * alike among fewer than two figures). Then a small report in the layout
 * OCR gives, whose heading of section four lost its "、" and whose Table
 * 4 header wraps "行政 / 复议" so that its anchor is lost: every cell
 * expected is read off the text here; and a row whose values OCR set
 * off their columns, its total the sum of the values before it
 * (lib/parse/place_blanks.c); and Table 3 found by its note's opening
 * words where OCR misread its other anchors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "ogi.h"
#include "ogi/arena.h"
#include "ogi/error.h"

/* The view of text s after ogi__form_ocr_figures, compared with want;
 * the view keeps its length, and a text with nothing to mend keeps its
 * bytes where they are (nothing copied). */
static void
check_figures(const char *s, const char *want)
{
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi__view_t v = {0};
    v.s = s;
    v.len = strlen(s);
    assert_int_equal(ogi__form_ocr_figures(a, &v), 0);
    assert_int_equal(v.len, strlen(s));
    if (strcmp(v.s, want) != 0)
        fail_msg("\"%s\": got \"%s\", want \"%s\"", s, v.s, want);
    if (strcmp(s, want) == 0)
        assert_ptr_equal(v.s, s);
    ogi_arena_destroy(&a);
}

static void
look_alikes(void **state)
{
    (void)state;
    /* o for 0: a zero drawn as letters only is one zero */
    check_figures("二、上年结转政府信息公开申请数量   3 0 0 oo oo 0 3",
                  "二、上年结转政府信息公开申请数量   3 0 0 0  0  0 3");
    check_figures("一、本年新收  1o 0 0 0 O 0 1o\n",
                  "一、本年新收  10 0 0 0 0 0 10\n");
    /* the rule after a figure; a 1 after an o */
    check_figures("6.属于四类过程性信息   1 0 0 0 0 0 1I",
                  "6.属于四类过程性信息   1 0 0 0 0 0 1 ");
    check_figures("1 .信访举报投诉类申请       1 0 oo     0 ol\r\n",
                  "1 .信访举报投诉类申请       1 0 0      0 01\r\n");
    /* letters only: "ool" is 0, then 1 */
    check_figures("其他处理  1 0 0 0 ool", "其他处理  1 0 0 0 0 1");
    /* a stray quotation mark before a figure, alone or glued to the
     * label */
    check_figures("5.要求行政机关确认或重新出具已获取信息 ”0   0   0   0 0",
                  "5.要求行政机关确认或重新出具已获取信息    0   0   0   0 0");
    check_figures("理的，只计这一情形, 不“4   0   0  0   2  0 6",
                  "理的，只计这一情形, 不   4   0   0  0   2  0 6");
    check_figures("合计 \"12 3 4", "合计  12 3 4");
    /* each line on its own; tabs part words as spaces do */
    check_figures("行政许可\t272\t-7\to\n其他\t19\t-6\t1741\n",
                  "行政许可\t272\t-7\t0\n其他\t19\t-6\t1741\n");
}

static void
left_alone(void **state)
{
    (void)state;
    /* no run of values at the line's end */
    check_figures("全年共受理申请 75 件，办结 68 件，结转 10 件。",
                  "全年共受理申请 75 件，办结 68 件，结转 10 件。");
    check_figures("page 1 of 2", "page 1 of 2");
    check_figures("Room 101 floor 2 of 3 o", "Room 101 floor 2 of 3 o");
    /* a label's real I and o, before the values */
    check_figures("IOIO Iodine 10 20 30", "IOIO Iodine 10 20 30");
    /* one figure is too few to call the line a row of values */
    check_figures("数量 oo 3", "数量 oo 3");
    /* a word that is no figure ends the run: "ooo" (three letters, no
     * digit), an l inside a word, a bar */
    check_figures("其他 ooo 1 2", "其他 ooo 1 2");
    check_figures("其他 0l34 1 2", "其他 0l34 1 2");
    check_figures("| 0 | 0 | 1|", "| 0 | 0 | 1|");
    /* a quotation ending in a figure, with no run of values after it */
    check_figures("他说“2021 年", "他说“2021 年");
    check_figures("“三安全一稳定” 2", "“三安全一稳定” 2");
    check_figures("", "");
}

/* The report of text s. */
static ogi_report_t *
parse(ogi_arena_t *a, const char *s)
{
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(a, s, strlen(s), NULL, &r), 0);
    assert_non_null(r);
    return r;
}

/* A report as OCR gives it: section four's heading without its "、",
 * Table 4's anchor wrapped over two lines, o for 0 and a rule read as I
 * in Table 3. */
static const char ocr_report[] =
    "某县人民政府2021年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    "2021年，本县认真贯彻落实《条例》，推进政务公开。\n"
    "二、主动公开政府信息情况\n"
    "本年度主动公开政府信息120条。\n"
    "三、收到和处理政府信息公开申请情况\n"
    "                                     申请人情况\n"
    "（本列数据的勾稽关系为：第一项加第二项之和，     法人或其他组织\n"
    "等于第三项加第四项之和）              自然人 商业企业 科研机构 "
    "社会公益组织 法律服务机构 其他 总计\n"
    "一、本年新收政府信息公开申请数量        12  1  0  0  0  0  13\n"
    "二、上年结转政府信息公开申请数量        1o 0 0 0 o 0 1o\n"
    "三、本年度办理结果 （一）予以公开       8  1  0  0  0  0  9I\n"
    "四政府信息公开行政复议、行政诉讼情况\n"
    "行政                                     行政\n"
    "复议                                     诉讼\n"
    "                                         未经复议直接起诉"
    "               复议后起诉\n"
    "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 "
    "尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n"
    "1        0        0        0        1    2        0        0        0"
    "        2    0        0        1        0        1\n"
    "五、存在的主要问题及改进情况\n"
    "信息更新不够及时。\n"
    "六、其他需要报告的事项\n"
    "无。\n";

static void
check_row(const ogi_report_t *r, ogi_table_id_t id, size_t row, const int *want,
          size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const ogi_cell_t *c = ogi_report_cell(r, id, row, k);
        assert_non_null(c);
        if (c->state != OGI_CELL_NUM || ogi_cell_number(c) != (double)want[k])
            fail_msg("table %d row %zu cell %zu is %g (state %d), want %d",
                     (int)id, row, k, ogi_cell_number(c), c->state, want[k]);
    }
}

static void
ocr_report_cells(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_report_t *r = parse(a, ocr_report);
    assert_int_equal(r->meta.year, 2021);
    static const int new_received[7] = {12, 1, 0, 0, 0, 0, 13};
    static const int carried_over[7] = {10, 0, 0, 0, 0, 0, 10};
    static const int granted[7] = {8, 1, 0, 0, 0, 0, 9};
    check_row(r, OGI_T3, 0, new_received, 7);
    check_row(r, OGI_T3, 1, carried_over, 7);
    check_row(r, OGI_T3, 3, granted, 7); /* row 2: the group 三、 */
    /* section four's heading and its table, whose anchor was lost */
    assert_true(r->sections[OGI_SEC_APPEAL].present);
    assert_string_equal(r->sections[OGI_SEC_APPEAL].title,
                        "四政府信息公开行政复议、行政诉讼情况");
    assert_true(r->tables[OGI_T4].present);
    static const int review[5] = {1, 0, 0, 0, 1};
    static const int direct[5] = {2, 0, 0, 0, 2};
    static const int after[5] = {0, 0, 1, 0, 1};
    check_row(r, OGI_T4, 0, review, 5);
    check_row(r, OGI_T4, 1, direct, 5);
    check_row(r, OGI_T4, 2, after, 5);
    ogi_arena_destroy(&a);
}

/* Table 3 as OCR spaces it: the values of a row apart by the gaps it
 * saw, not under their header's columns; the short rows' zeros it did not
 * see. "4  0  4" sets its total 4 nearer the column of 法律服务机构 than
 * of 总计, yet 4 + 0 = 4 is the row's total. */
static const char ocr_short_rows[] =
    "某县人民政府2021年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    "2021年，本县认真贯彻落实《条例》，推进政务公开。\n"
    "二、主动公开政府信息情况\n"
    "本年度主动公开政府信息120条。\n"
    "三、收到和处理政府信息公开申请情况\n"
    "                                     申请人情况\n"
    "（本列数据的勾稽关系为：第一项加第二项之和，     法人或其他组织\n"
    "等于第三项加第四项之和）              自然人 商业企业 科研机构 "
    "社会公益组织 法律服务机构 其他 总计\n"
    "一、本年新收政府信息公开申请数量        12     1     0     0     0     0"
    "     13\n"
    "二、上年结转政府信息公开申请数量        3      0     0     0     0     0"
    "     3\n"
    "三、本年度办理结果 （一）予以公开       8      1     0     0     0     0"
    "     9\n"
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）   2   0   0   0"
    "   0   0   2\n"
    "（三）不予公开 1.属于国家秘密           1      0     0     0     0     0"
    "     1\n"
    "2.其他法律行政法规禁止公开              0      0     0     0     0     0"
    "     0\n"
    "3.危及“三安全一稳定”                  4          0          4\n";

static void
ocr_short_row_total(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_report_t *r = parse(a, ocr_short_rows);
    static const int granted[7] = {8, 1, 0, 0, 0, 0, 9};
    check_row(r, OGI_T3, 3, granted, 7);
    /* row 8: 3.危及“三安全一稳定”: 自然人 4, 总计 4, and no 4 between */
    const ogi_cell_t *np = ogi_report_cell(r, OGI_T3, 8, 0);
    const ogi_cell_t *total = ogi_report_cell(r, OGI_T3, 8, 6);
    assert_non_null(np);
    assert_non_null(total);
    assert_int_equal(np->state, OGI_CELL_NUM);
    assert_true(ogi_cell_number(np) == 4.0);
    assert_int_equal(total->state, OGI_CELL_NUM);
    assert_true(ogi_cell_number(total) == 4.0);
    for (size_t k = 1; k < 6; k++) {
        const ogi_cell_t *c = ogi_report_cell(r, OGI_T3, 8, k);
        assert_non_null(c);
        if (c->state == OGI_CELL_NUM && ogi_cell_number(c) != 0.0)
            fail_msg("cell %zu holds %g", k, ogi_cell_number(c));
    }
    ogi_arena_destroy(&a);
}

/* Table 3 whose every anchor OCR misread but its note's opening words:
 * "申 / 请人情况" over two lines, "匀稽关系", "林年新收" in the first row. */
static const char ocr_note_anchor[] =
    "某县人民政府2021年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    "2021年，本县认真贯彻落实《条例》，推进政务公开。\n"
    "二、主动公开政府信息情况\n"
    "本年度主动公开政府信息120条。\n"
    "三、收到和处理政府信息公开申请情况\n"
    "2021年，本县共收到政府信息公开申请13件。\n"
    "申\n"
    "请人情况\n"
    "(本列数据的匀稽关系为: 第一项加第二项之和，     法人或其他组织\n"
    "等于第三项加第四项之和)              自然人 商业企业 科研机构 "
    "社会公益组织 法律服务机构 其他 总计\n"
    "一、林年新收政府信息公开申请数量        12     1     0     0     0     0"
    "     13\n"
    "二、上年结转政府信息公开申请数量        3      0     0     0     0     0"
    "     3\n"
    "三、本年度办理结果 （一）予以公开       8      1     0     0     0     0"
    "     9\n"
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "2021年，本县未发生行政复议、行政诉讼。\n"
    "五、存在的主要问题及改进情况\n"
    "信息更新不够及时。\n"
    "六、其他需要报告的事项\n"
    "无。\n";

static void
ocr_note_anchor_cells(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_report_t *r = parse(a, ocr_note_anchor);
    assert_true(r->tables[OGI_T3].present);
    static const int new_received[7] = {12, 1, 0, 0, 0, 0, 13};
    static const int carried_over[7] = {3, 0, 0, 0, 0, 0, 3};
    static const int granted[7] = {8, 1, 0, 0, 0, 0, 9};
    check_row(r, OGI_T3, 0, new_received, 7);
    check_row(r, OGI_T3, 1, carried_over, 7);
    check_row(r, OGI_T3, 3, granted, 7);
    ogi_arena_destroy(&a);
}

static void
ocr_headings(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    /* the ordinal read as another character, "、" lost inside the words
     * or after the ordinal, one character of the words wrong */
    const char *ok = "一、总体情况\n本年度推进政务公开。\n"
                     "二、主动公开政府信息情况\n主动公开信息120条。\n"
                     "三、收到和处理政府信息公开申请情况\n收到申请10件。\n"
                     "下、政府信息公开行政复议行政诉讼情况\n未发生行政复议。\n"
                     "元存在的主要问题及改进倩况\n信息更新不够及时。\n"
                     "六、其他需要报告的事项\n无。\n";
    ogi_report_t *r = parse(a, ok);
    assert_true(r->sections[OGI_SEC_APPEAL].present);
    assert_string_equal(r->sections[OGI_SEC_APPEAL].title,
                        "下、政府信息公开行政复议行政诉讼情况");
    assert_true(r->sections[OGI_SEC_PROBLEMS].present);
    assert_string_equal(r->sections[OGI_SEC_PROBLEMS].title,
                        "元存在的主要问题及改进倩况");
    /* two characters wrong, a word left out, a sentence that quotes the
     * words: no heading */
    const char *no = "一、总体情况\n本年度推进政务公开。\n"
                     "二、主动公开政府信息情况\n主动公开信息120条。\n"
                     "三、收到和处理政府信息公开申请情况\n收到申请10件。\n"
                     "下、政府信息公开行政复仪行政诉松情况\n未发生行政复议。\n"
                     "元存在的问题及改进情况\n信息更新不够及时。\n"
                     "六、其他需要报告的事项\n无。\n";
    r = parse(a, no);
    assert_false(r->sections[OGI_SEC_APPEAL].present);
    assert_false(r->sections[OGI_SEC_PROBLEMS].present);
    ogi_arena_destroy(&a);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(look_alikes),
        cmocka_unit_test(left_alone),
        cmocka_unit_test(ocr_report_cells),
        cmocka_unit_test(ocr_short_row_total),
        cmocka_unit_test(ocr_note_anchor_cells),
        cmocka_unit_test(ocr_headings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
