/*
 * test_read_lynx.c - lynx -dump's tables (lib/form/read_lynx.c).
 *
 * tests/data/forms/lynx/{cells,rows}.txt are lynx's output for the .html
 * next to them (README.md there): the cells expected below are read from
 * the HTML. Cells as paragraphs: empty lines count the &nbsp; cells
 * between values, and a gap between two values stands for cells of
 * white space lynx leaves no trace of. Rows as lines: a blank cell is a column of lynx's grid
 * the row has nothing at, or a gap of three spaces. Also: bytes that are
 * not a table never crash the reader.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/reader_int.h"
#include "golden.h"
#include "ogi.h"
#include "ogi/arena.h"
#include "ogi/text.h"

#define FORMS "tests/data/forms/lynx/"

/* A gap between two paragraph values, where cells of white space may
 * hide (as many as six): a blank piece the arithmetic may fill, then the
 * separator */
#define G "B:       | "

/* The file at path (the test fails when it cannot be read). */
static char *
load_file(const char *path, size_t *len)
{
    char *buf = ogi_test_slurp(path, len);
    assert_non_null(buf);
    return buf;
}

static void
check(const char *file, const char *const *want, size_t nwant)
{
    size_t len;
    char *raw = load_file(file, &len);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi_text_t t;
    char why[160];
    assert_int_equal(ogi_text_decode(a, raw, len, 0, &t, why, sizeof(why)), 0);
    ogi__table_t tb;
    assert_int_equal(ogi__reader_read(&tb, a, &t, 0, t.nlines), 0);
    assert_string_equal(tb.reader, "lynx");
    char got[512];
    for (size_t r = 0; r < tb.nrows && r < nwant; r++) {
        if (!want[r]) /* a row not checked */
            continue;
        ogi_test_row_string(&tb, r, got, sizeof(got));
        if (strcmp(got, want[r]) != 0)
            print_error("row %zu: %s\n", r, got);
        assert_string_equal(got, want[r]);
    }
    assert_int_equal(tb.nrows, nwant);
    ogi_arena_destroy(&a);
    free(raw);
}

/* Rows of file from the one whose first cell is want[0]'s on: the rows of
 * a table's body, its headings left out. */
static void
check_body(const char *file, const char *const *want, size_t nwant)
{
    size_t len;
    char *raw = load_file(file, &len);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi_text_t t;
    char why[160];
    assert_int_equal(ogi_text_decode(a, raw, len, 0, &t, why, sizeof(why)), 0);
    ogi__table_t tb;
    assert_int_equal(ogi__reader_read(&tb, a, &t, 0, t.nlines), 0);
    assert_string_equal(tb.reader, "lynx");
    const char *bar = strstr(want[0], " | ");
    size_t head = bar ? (size_t)(bar - want[0]) : strlen(want[0]);
    char got[512];
    size_t r0 = 0;
    while (r0 < tb.nrows) {
        ogi_test_row_string(&tb, r0, got, sizeof(got));
        if (strncmp(got, want[0], head) == 0)
            break;
        r0++;
    }
    assert_true(r0 + nwant <= tb.nrows);
    for (size_t r = 0; r < nwant; r++) {
        ogi_test_row_string(&tb, r0 + r, got, sizeof(got));
        if (want[r] && strcmp(got, want[r]) != 0)
            print_error("row %zu: %s\n", r, got);
    }
    for (size_t r = 0; r < nwant; r++) {
        ogi_test_row_string(&tb, r0 + r, got, sizeof(got));
        if (want[r])
            assert_string_equal(got, want[r]);
    }
    ogi_arena_destroy(&a);
    free(raw);
}

static void
cells(void **state)
{
    (void)state;
    static const char *const want[] = {
        "L:三、收到和处理政府信息公开申请情况",
        "L:申请人情况",
        "L:自然人",
        "L:商业企业",
        "L:3.危及\"三安全一稳定\" | V:0 | " G "V:0 | B: | " G "V:0 | " G
        "V:无 | B: | " G "V:0",
        "L:4.保护第三方合法权益 | B: | V:2 | " G "V:0 | B: | B: | " G "V:0 | " G
        "V:2",
        "L:5.属于三类内部事务信息 | V:1 | " G "V:0 | " G "V:0 | " G "V:0 | " G
        "V:0 | " G "V:0 | B:",
        "L:(七)总计 | V:12 | " G "V:0 | " G "V:- | " G "V:0 | " G "V:0 | " G
        "V:0 | " G "V:12",
        "L:行政强制 | V:37 | " G "V:减 4 | " G "V:1",
        "L:四、政府信息公开行政复议、行政诉讼情况",
    };
    check(FORMS "cells.txt", want, sizeof(want) / sizeof(want[0]));
}

static void
rows(void **state)
{
    (void)state;
    static const char *const want[] = {
        "L:三、收到和处理政府信息公开申请情况",
        "L:申请人情况 | L:法人或其他组织",
        "L:一、本年新收政府信息公开申请数量 | V:0 | V:0 | V:0 | B: | V:无 "
        "| V:0 | V:0",
        "L:二、上年结转政府信息公开申请数量 | V:0 | B: | V:0 | V:0 | V:0 "
        "| B: | V:0",
        "L:(二)部分公开 | V:0 | V:0 | V:0 | V:0 | V:0 | V:0 | B:",
        "L:2.其他法律行政法规禁止公开 | B: | B: | V:3 | V:0 | V:0 | V:0 "
        "| V:3",
        "L:(七)总计 | V:10 | V:0 | V:0 | V:0 | V:0 | V:0 | V:10",
        "L:四、政府信息公开行政复议、行政诉讼情况",
    };
    check(FORMS "rows.txt", want, sizeof(want) / sizeof(want[0]));
}

/* Rows whose cells are all <p>&nbsp;</p>: each blank paragraph leaves one
 * more empty line before the next row's label, so the row is its label and
 * that many blanks (tests/data/forms/lynx/blankrows.html). */
static void
blank_rows(void **state)
{
    (void)state;
    static const char *const want[] = {
        "L:三、收到和处理政府信息公开申请情况",
        "L:申请人情况",
        "L:自然人",
        "L:商业企业",
        "L:科研机构",
        "L:总计",
        "L:(三)不予公开",
        "L:1.属于国家秘密 | V:14 | B: | B: | " G "V:14",
        "L:2.其他法律行政法规禁止公开 | B: | B: | B: | B:",
        "L:3.危及\"三安全一稳定\" | B: | B: | B: | B:",
        "L:4.保护第三方合法权益 | V:5 | " G "V:0 | " G "V:1 | " G "V:6",
        "L:(四)无法提供 | V:3 | " G "V:1 | B: | B:",
        "L:(六)其他处理 | B: | B: | B: | B:",
        "L:四、政府信息公开行政复议、行政诉讼情况",
    };
    check(FORMS "blankrows.txt", want, sizeof(want) / sizeof(want[0]));
}

/* Rows as lines where lynx gave up its grid and every row has a blank
 * cell (tests/data/forms/lynx/nowhole.html, cut from a generated page):
 * no row shows all seven values, the gaps of most rows say seven, and
 * &nbsp; typed before a value widens its gap by one, not by a cell. Rows
 * lynx's text cannot decide are NULL. */
static void
no_whole_row(void **state)
{
    (void)state;
    static const char *const want[] = {
        "L:一、本年新收政府信息公开申请数量 | V:12 | V:- | B: | V:不适用 | "
        "V:不适用 | V:不适用 | V:12",
        "L:二、上年结转政府信息公开申请数量 | V:- | V:不适用 | B: | B: | V:- | "
        "B: | V:无",
        "L:三、本年度办理结果 | L:(一)予以公开 | V:7 | B: | V:不适用 | B: | B: "
        "| V:/ | V:7",
        "L:(二)部分公开(区分处理的,只计这一情形,不计其他情形) | V:1 | B: | "
        "V:-- | V:/ | V:- | B: | V:1",
        "L:(三)不予公开 | L:1.属于国家秘密 | V:- | V:不适用 | V:不适用 | B: | "
        "B: | V:无 | V:--",
        "L:2.其他法律行政法规禁止公开 | V:- | B: | B: | B: | B: | B: | V:无",
        /* "—&nbsp;" then "&nbsp;/": three spaces and no cell, as
         * one &nbsp; cell between shows: lynx cannot tell */
        NULL,
        "L:4.保护第三方合法权益 | B: | B: | B: | B: | B: | V:/ | B:",
        "L:5.属于三类内部事务信息 | V:-- | B: | V:-- | B: | V:-- | V:-- | V:/",
        "L:6.属于四类过程性信息 | V:1 | V:- | V:/ | V:/ | B: | B: | V:1",
        "L:7.属于行政执法案卷 | B: | V:-- | B: | B: | B: | V:/ | V:-",
        "L:8.属于行政查询事项 | V:1 | V:无 | V:- | V:/ | B: | B: | V:1",
        /* three spaces after the label, seven after the 1: a blank
         * cell there and three here, or &nbsp; typed around the 1 and
         * two blanks and &nbsp; typed around here; the row is a cell
         * short of seven, so one blank of each gap is left open */
        "L:(四)无法提供 | L:1.本机关不掌握相关政府信息 | B:  | V:1 | B: | B: "
        "| B:  | V:- | V:无 | V:1",
        "L:2.没有现成信息需要另行制作 | B: | V:/ | V:-- | V:-- | B: | V:-- | "
        "V:-",
        "L:3.补正后申请内容仍不明确 | B: | V:-- | V:-- | B: | B: | B: | B:",
        "L:(五)不予处理 | L:1.信访举报投诉类申请 | V:-- | B: | B: | V:不适用 | "
        "B: | B: | V:-",
        "L:2.重复申请 | V:不适用 | B: | V:无 | B: | V:/ | B: | B:",
        "L:3.要求提供公开出版物 | V:-- | V:无 | V:无 | B: | B: | B: | V:/",
        "L:4.无正当理由大量反复申请 | V:不适用 | V:/ | B: | B: | V:不适用 | B: "
        "| B:",
        "L:5.要求行政机关确认或重新出具已获取信息 | V:- | B: | V:- | V:无 | "
        "V:不适用 | V:- | V:/",
        /* seven spaces then five: three cells and two, or two
         * and &nbsp; typed around; two and two is all lynx says */
        NULL,
        "L:(七)总计 | V:12 | V:-- | V:不适用 | V:/ | B: | B: | V:12",
        "L:四、结转下年度继续办理 | V:- | V:-- | B: | V:不适用 | V:-- | V:- | "
        "V:无",
    };
    check_body(FORMS "nowhole.txt", want, sizeof(want) / sizeof(want[0]));
}

/* Rows as lines of a table that holds no number at all (an agency with
 * no applications): placeholders and &nbsp; cells only, most rows ending
 * in blanks lynx trims, so no row shows seven cells and most rows' gaps,
 * the narrow one after the label included, say seven
 * (tests/data/forms/lynx/empty.html, cut from a generated page). NULL:
 * rows where &nbsp; typed around a placeholder widens a gap as a blank
 * cell does, which lynx's text cannot tell. */
static void
no_data_rows(void **state)
{
    (void)state;
    static const char *const want[] = {
        "L:一、本年新收政府信息公开申请数量 | B: | V:- | V:- | V:/ | V:-- | B: | V:/",
        "L:二、上年结转政府信息公开申请数量 | V:-- | V:/ | B: | V:- | V:/ | V:/ | B:",
        "L:三、本年度办理结果 | L:(一)予以公开 | B: | V:-- | V:不适用 | V:- | V:- | B:"
        " | B:",
        "L:(二)部分公开(区分处理的,只计这一情形,不计其他情形) | V:-- | V:不适用 | V:不适用 | B:"
        " | V:-- | V:-- | B:",
        NULL,
        "L:2.其他法律行政法规禁止公开 | V:- | V:不适用 | B: | V:- | V:无 | V:/ | B:",
        NULL,
        "L:4.保护第三方合法权益 | V:-- | B: | B: | B: | B: | B: | B:",
        "L:5.属于三类内部事务信息 | B: | B: | V:/ | B: | B: | V:无 | V:不适用",
        NULL,
        "L:7.属于行政执法案卷 | B: | B: | B: | V:无 | V:不适用 | B: | V:-",
        "L:8.属于行政查询事项 | V:- | V:- | B: | B: | B: | B: | B:",
        "L:(四)无法提供 | L:1.本机关不掌握相关政府信息 | V:/ | B: | B: | V:- | B: | B:"
        " | B:",
        "L:2.没有现成信息需要另行制作 | B: | B: | V:不适用 | V:- | B: | B: | V:无",
        "L:3.补正后申请内容仍不明确 | B: | V:- | B: | B: | B: | V:- | B:",
        NULL,
        "L:2.重复申请 | B: | V:/ | B: | B: | V:无 | V:- | B:",
        NULL,
        "L:4.无正当理由大量反复申请 | B: | B: | V:无 | B: | V:/ | V:不适用 | V:-",
        "L:5.要求行政机关确认或重新出具已获取信息 | B: | B: | V:- | V:不适用 | B: | V:/"
        " | B:",
        NULL,
        "L:(七)总计 | V:无 | B: | V:无 | V:- | V:/ | V:- | V:/",
        "L:四、结转下年度继续办理 | B: | V:- | V:/ | V:- | B: | B: | V:无",
    };
    check_body(FORMS "empty.txt", want, sizeof(want) / sizeof(want[0]));
}

/* Rows as lines of a Table 3 lynx split in two blocks (an empty line
 * between), each aligned on a grid of its own
 * (tests/data/forms/lynx/blocks.html, cut from a generated page): the
 * second block's rows read on its grid, blank cells where it has no
 * value, as the HTML has them. */
static void
block_grids(void **state)
{
    (void)state;
    static const char *const want[] = {
        "L:(五)不予处理 | L:1.信访举报投诉类申请 | V:- | B: | B: | V:0 | "
        "V:0 | V:0 | B:",
        "L:2.重复申请 | V:- | B: | V:/ | V:0 | V:- | V:/ | V:0",
        "L:3.要求提供公开出版物 | B: | V:0 | B: | V:0 | V:0 | V:0 | B:",
        "L:4.无正当理由大量反复申请 | V:- | V:不适用 | B: | V:- | B: | "
        "V:0 | V:0",
        "L:5.要求行政机关确认或重新出具已获取信息 | B: | V:/ | B: | V:0 | "
        "B: | V:0 | B:",
        "L:(六)其他处理 | L:1.申请人无正当理由逾期不补正、行政机关不再处理"
        "其政府信息公开申请 | V:0 | B: | V:0 | V:0 | B: | B: | B:",
        "L:2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息"
        "公开申请 | V:不适用 | V:0 | V:-- | B: | V:0 | V:0 | B:",
        "L:3.其他 | V:- | V:- | V:0 | V:0 | B: | V:0 | V:0",
        "L:(七)总计 | V:51 | V:0 | V:0 | B: | V:0 | V:无 | V:51",
        "L:四、结转下年度继续办理 | V:0 | V:0 | B: | B: | V:-- | B: | B:",
    };
    check_body(FORMS "blocks.txt", want, sizeof(want) / sizeof(want[0]));
}

/* Table 4 as lynx draws it from <td> cells: its headings, some wrapped
 * over lines, and its fifteen cells on one line of values only
 * (tests/data/forms/lynx/t4lines.html, cut from a generated page). The
 * lynx layout still: a gap of three spaces or more holds &nbsp; cells
 * (6 不适用 ~ ~ 6 ~-- --~ ~ 2~ 2 ~ 无~ -~, and two blanks lynx trims at
 * the line's end, a gap the reader puts there). Three spaces are a blank
 * or &nbsp; typed on both sides: a gap of one, which placement fills as
 * the row comes short. */
static void
t4_lines(void **state)
{
    (void)state;
    static const char *const want[] = {
        "V:6 | V:不适用 | B: | B: | V:6 | V:-- | V:-- | B: | V:2 | V:2 | "
        "B:  | V:无 | V:- | B:      ",
    };
    check_body(FORMS "t4lines.txt", want, sizeof(want) / sizeof(want[0]));
    /* parsed, the gap at the line's end is the two blanks lynx trimmed */
    size_t len;
    char *raw = load_file(FORMS "t4lines.txt", &len);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(a, raw, len, NULL, &r), 0);
    assert_non_null(r);
    /* from the HTML: N a placeholder, B blank */
    static const char cells[] = "6NBB6NNB22BNNBB";
    for (size_t k = 0; k < 15; k++) {
        const ogi_cell_t *c = ogi_report_cell(r, OGI_T4, k / 5, k % 5);
        assert_non_null(c);
        int ok = cells[k] == 'N'   ? c->state == OGI_CELL_NA
                 : cells[k] == 'B' ? c->state == OGI_CELL_EMPTY
                                   : c->state == OGI_CELL_NUM &&
                                         ogi_cell_number(c) == cells[k] - '0';
        if (!ok)
            fail_msg("cell %zu: state %d, want %c", k, c->state, cells[k]);
    }
    ogi_arena_destroy(&a);
    free(raw);
}

/* Table 4 of Word paragraph cells (tests/data/forms/lynx/t4paras.html,
 * cut from a generated page): each value a paragraph, and the two blank
 * paragraphs at the row's end leave two more empty lines after its last
 * value, before the next section: k empty lines there are k - 1 blanks
 * too. Parsed, the fifteen cells are the HTML's. */
static void
t4_trailing_paras(void **state)
{
    (void)state;
    size_t len;
    char *raw = load_file(FORMS "t4paras.txt", &len);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(a, raw, len, NULL, &r), 0);
    assert_non_null(r);
    /* 0 1 7 2 10 | 0 - - 无 0 | 0 不适用 - ~ ~: -1 a placeholder, -2 blank */
    static const int want[15] = {0, 1, 7, 2, 10, 0, -1, -1,
                                 -1, 0, 0, -1, -1, -2, -2};
    for (size_t k = 0; k < 15; k++) {
        const ogi_cell_t *c = ogi_report_cell(r, OGI_T4, k / 5, k % 5);
        assert_non_null(c);
        int ok = want[k] == -1   ? c->state == OGI_CELL_NA
                 : want[k] == -2 ? c->state == OGI_CELL_EMPTY
                                 : c->state == OGI_CELL_NUM &&
                                       ogi_cell_number(c) == want[k];
        if (!ok)
            fail_msg("cell %zu: state %d, want %d", k, c->state, want[k]);
    }
    ogi_arena_destroy(&a);
    free(raw);
}

/* Table 4 as lines whose fifteen values all show, two with &nbsp; typed
 * on the sides facing each other ("0~ ~0": three spaces, as a blank
 * cell leaves; tests/data/forms/lynx/t4pad.html, cut from a generated
 * page with its title). Parsed, the row is whole without a blank there:
 * the fifteen values of the HTML. */
static void
t4_padded(void **state)
{
    (void)state;
    size_t len;
    char *raw = load_file(FORMS "t4pad.txt", &len);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(a, raw, len, NULL, &r), 0);
    assert_non_null(r);
    static const int want[15] = {9, 7, 0, 0, 16, 1, 0, 2,
                                 9, 12, 0, 0, 11, 0, 11};
    for (size_t k = 0; k < 15; k++) {
        const ogi_cell_t *c = ogi_report_cell(r, OGI_T4, k / 5, k % 5);
        assert_non_null(c);
        if (c->state != OGI_CELL_NUM || ogi_cell_number(c) != want[k])
            fail_msg("cell %zu: state %d value %g, want %d", k, c->state,
                     ogi_cell_number(c), want[k]);
    }
    ogi_arena_destroy(&a);
    free(raw);
}

/* Spaces, values, labels and line breaks in any order: bounded, no
 * crash, whatever the probe says. */
static void
garbage(void **state)
{
    (void)state;
    static const char *const pieces[] = {" ", "   ", "0", "12", "减", " 4",
                                         "\n", "\n\n", "规章", "\xe6", "-"};
    uint64_t x = 88172645463325252ull;
    ogi_arena_t *a = ogi_arena_new(0);
    char buf[4096];
    for (int round = 0; round < 200; round++) {
        size_t n = 0;
        while (n + 8 < sizeof(buf)) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            const char *p = pieces[x % (sizeof(pieces) / sizeof(pieces[0]))];
            size_t l = strlen(p);
            memcpy(buf + n, p, l);
            n += l;
        }
        ogi_text_t t;
        char why[160];
        if (ogi_text_decode(a, buf, n, 0, &t, why, sizeof(why)) == 0) {
            ogi__table_t tb;
            const ogi__reader_t *r = ogi__reader_find("lynx");
            assert_non_null(r);
            ogi__table_init(&tb, a, &t);
            (void)r->probe(&t, 0, t.nlines);
            assert_int_equal(r->read(&tb, &t, 0, t.nlines), 0);
        }
        ogi_arena_reset(a);
    }
    ogi_arena_destroy(&a);
}

/* The lynx probe over all lines of s. */
static int
lynx_probe_str(const char *s)
{
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_text_t t;
    char why[64];
    assert_int_equal(
        ogi_text_decode(a, s, strlen(s), 1 << 20, &t, why, sizeof(why)), 0);
    int p = ogi__reader_find("lynx")->probe(&t, 0, t.nlines);
    ogi_arena_destroy(&a);
    return p;
}

/* Every row with a blank cell, so no row shows the table's seven values;
 * &nbsp; typed before some values moves them a character past their
 * column, one row is pushed by its labels: lynx's grid still tells each
 * blank's column (tests/data/forms/lynx/gridslack.html). */
static void
grid_slack(void **state)
{
    (void)state;
    static const char *const want[] = {
        "L:三、收到和处理政府信息公开申请情况",
        "L:一、本年新收政府信息公开申请数量 | V:5 | V:0 | V:0 | B: | V:0 "
        "| V:1 | V:6",
        "L:二、上年结转政府信息公开申请数量 | V:0 | B: | V:0 | V:0 | V:0 "
        "| V:0 | V:0",
        "L:三、本年度办理结果 | L:(一)予以公开 | V:3 | V:0 | B: | V:0 | V:0 "
        "| V:1 | V:4",
        "L:(二)部分公开 | B: | V:0 | V:0 | V:0 | V:0 | V:-- | V:0",
        "L:(三)不予公开 | L:1.属于国家秘密 | V:2 | V:0 | V:0 | V:0 | V:0 "
        "| B: | V:2",
        "L:2.其他法律行政法规禁止公开 | V:0 | V:0 | V:0 | V:0 | V:0 | B: | B:",
        "L:3.危及\"三安全一稳定\" | V:0 | V:0 | V:0 | V:0 | V:0 | B: | B:",
        "L:4.保护第三方合法权益 | V:0 | V:0 | V:0 | V:0 | V:0 | B: | B:",
        "L:四、结转下年度继续办理 | V:0 | V:0 | V:0 | V:无 | B: | V:0 | V:0",
        "L:四、政府信息公开行政复议、行政诉讼情况",
    };
    check(FORMS "gridslack.txt", want, sizeof(want) / sizeof(want[0]));
}

/* Rows of lynx's grid (margin, label, values one space apart) are told
 * wherever their values stand in a line of any length (the probe reads a
 * line sixteen places at a time); values set further apart are not
 * lynx's. */
static void
grid_rows_any_offset(void **state)
{
    (void)state;
    static const char *const values[] = {"1 2 3", "1  2  3"};
    char text[2048];
    for (size_t v = 0; v < 2; v++)
        for (int pad = 1; pad <= 40; pad++) {
            size_t o = 0;
            for (int r = 0; r < 6; r++)
                o += (size_t)snprintf(text + o, sizeof(text) - o,
                                      "   abc%*s%s\n", pad, "", values[v]);
            int p = lynx_probe_str(text);
            if (v == 0)
                assert_int_equal(p, 60);
            else
                assert_int_equal(p, 0);
        }
}

/* A column only two rows have values in, one of them a character past
 * its start (&nbsp; typed before it): the two together make the column
 * (tests/data/forms/lynx/gridpair.html). */
static void
grid_pair(void **state)
{
    (void)state;
    static const char *const want[] = {
        "L:三、收到和处理政府信息公开申请情况",
        "L:一、本年新收政府信息公开申请数量 | V:1 | V:0 | V:0 | B: | V:0 "
        "| V:0 | V:1",
        "L:二、上年结转政府信息公开申请数量 | V:0 | V:0 | V:0 | B: | V:0 "
        "| V:0 | V:0",
        "L:(一)予以公开 | V:2 | V:0 | V:0 | V:不适用 | V:0 | V:0 | V:2",
        "L:(二)部分公开 | V:0 | V:0 | V:0 | B: | V:0 | B: | V:0",
        "L:1.属于国家秘密 | V:0 | V:0 | V:0 | V:0 | V:0 | V:0 | V:0",
        "L:2.其他法律行政法规禁止公开 | V:3 | V:0 | B: | B: | V:0 | V:0 "
        "| V:3",
        "L:四、结转下年度继续办理 | V:0 | V:0 | V:0 | B: | V:0 | V:0 | V:0",
        "L:四、政府信息公开行政复议、行政诉讼情况",
    };
    check(FORMS "gridpair.txt", want, sizeof(want) / sizeof(want[0]));
}

/* One row under its headings, the headings wider than its values: lynx
 * lays both out on its grid, so the gap of four spaces before the amount
 * is the heading's width, not a blank cell
 * (tests/data/forms/lynx/headgrid.html). */
static void
head_grid(void **state)
{
    (void)state;
    static const char *const want[] = {
        "L:第二十条第(九)项",
        "L:信息内容 | L:采购项目数量 采购总金额",
        "L:政府集中采购 | V:208 | V:9432091.92",
        "L:三、收到和处理政府信息公开申请情况",
        "L:一、本年新收政府信息公开申请数量 | V:5 | V:0 | V:0 | V:0 | V:0 "
        "| V:1 | V:6",
        "L:二、上年结转政府信息公开申请数量 | V:0 | V:0 | V:0 | V:0 | V:0 "
        "| V:0 | V:0",
        "L:四、结转下年度继续办理 | V:0 | V:0 | V:0 | V:0 | V:0 | V:0 | V:0",
    };
    check(FORMS "headgrid.txt", want, sizeof(want) / sizeof(want[0]));
}

/* A table the page split in two (two <table>s, an empty paragraph
 * between): lynx lays each part out on a grid of its own, the second's
 * columns four characters right of the first's. Each block is read on
 * its own grid; the region's, both side by side, would have nine
 * columns (tests/data/forms/lynx/splitgrid.html). */
static void
split_grid(void **state)
{
    (void)state;
    static const char *const want[] = {
        "L:一、本年新收政府信息公开申请数量 | V:39 | V:0 | V:0 | V:0 | V:0 "
        "| V:0 | V:39",
        "L:二、上年结转政府信息公开申请数量 | V:6 | V:0 | V:0 | V:0 | V:0 "
        "| V:0 | V:6",
        "L:三、本年度办理结果 | L:(一)予以公开 | V:31 | V:0 | V:0 | V:0 "
        "| V:0 | V:0 | V:31",
        "L:(二)部分公开 | V:1 | V:0 | V:0 | V:0 | V:0 | V:0 | V:1",
        "L:三、本年度办理结果 | L:(三)不予公开 | L:1.属于国家秘密 | V:0 "
        "| V:0 | V:0 | V:0 | V:0 | V:0 | V:0",
        "L:2.其他法律行政法规禁止公开 | V:1 | V:0 | V:0 | V:0 | V:0 | V:0 "
        "| V:1",
        NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
        NULL, NULL, NULL,
        "L:(六)其他处理 | V:0 | V:0 | V:0 | V:0 | V:0 | V:0 | V:0",
        "L:(七)总计 | V:45 | V:0 | V:0 | V:0 | V:0 | V:0 | V:45",
        "L:四、结转下年度继续办理 | V:0 | V:0 | V:0 | V:0 | V:0 | V:0 | V:0",
    };
    check_body(FORMS "splitgrid.txt", want, sizeof(want) / sizeof(want[0]));
}

/* Rows laid out by their text, one space between cells (the headings'
 * paragraphs keep lynx from its grid), where the values' starts happen
 * to fall every two characters: "110" covers the first character of the
 * column such a grid would have next, so it is no grid, and the block
 * below, a grid of its own, keeps its seven columns
 * (tests/data/forms/lynx/tightrows.html). */
static void
tight_rows(void **state)
{
    (void)state;
    static const char *const want[] = {
        "L:一、本年新收政府信息公开申请数量 | V:110 | V:17 | V:0 | B: | V:/ "
        "| V:7 | V:134",
        "L:二、上年结转政府信息公开申请数量 | V:0 | V:0 | B: | V:0 | B: "
        "| V:0 | V:0",
        NULL, NULL, NULL, NULL,
        "L:三、本年度办理结果 | L:(三)不予公开 | L:3.危及\"三安全一稳定\" "
        "| V:0 | B: | V:0 | V:0 | V:0 | B: | V:-",
        "L:4.保护第三方合法权益 | V:0 | B: | B: | V:0 | V:- | V:1 | V:1",
        NULL, NULL, NULL,
        "L:8.属于行政查询事项 | V:1 | V:- | B: | V:- | V:0 | V:不适用 | V:1",
        NULL, NULL, NULL, NULL, NULL,
        "L:3.要求提供公开出版物 | V:0 | V:无 | B: | V:0 | V:0 | B: | V:0",
        NULL,
        "L:5.要求行政机关确认或重新出具已获取信息 | B: | V:0 | V:0 | B: "
        "| V:0 | V:0 | V:0",
        "L:(六)其他处理 | L:1.申请人无正当理由逾期不补正、行政机关不再处理其政府"
        "信息公开申请 | V:1 | V:无 | V:0 | V:0 | V:0 | B: | V:1",
        NULL, NULL,
        "L:(七)总计 | V:95 | V:17 | B: | V:-- | V:0 | V:7 | V:119",
        "L:四、结转下年度继续办理 | V:15 | V:0 | V:0 | B: | V:0 | V:0 | V:15",
    };
    check_body(FORMS "tightrows.txt", want, sizeof(want) / sizeof(want[0]));
}

/* Table 2's last tables, one row each under headings lynx wrapped:
 * the row's gap of three or more spaces is lynx's padding under the
 * wider heading as well as a blank cell would be (the HTML has none),
 * and the region's widest row (three values) says nothing of a table of
 * two columns: the gap keeps its blank open, a gap of one space, for the
 * format's columns to settle (tests/data/forms/lynx/t2alone.html). */
static void
t2_alone(void **state)
{
    (void)state;
    static const char *const want[] = {
        "L:行政事业性收费 | V:24 | B:  | V:-11",
        NULL,
        "L:政府集中采购 | V:46 | B:  | V:36962.3",
    };
    check_body(FORMS "t2alone.txt", want, sizeof(want) / sizeof(want[0]));
}

/* Table 4 laid out on lynx's grid, too short for the probe's other
 * signs: its cells are the columns its leaf headings start at, counted
 * in characters (结果维持 is four, not eight display columns); the group
 * headings over them (行政复议, 未经复议直接起诉) start none
 * (tests/data/forms/lynx/t4grid.html, cells read from the HTML). */
static void
t4_grid(void **state)
{
    (void)state;
    static const char *const want[] = {
        "L:行政复议 | L:行政诉讼",
        NULL,
        NULL,
        "B: | B: | B: | B: | V:/ | B: | B: | V:不适用 | B: | V:- | B: | B: "
        "| B: | V:无 | V:不适用",
    };
    check(FORMS "t4grid.txt", want, sizeof(want) / sizeof(want[0]));
}

/* The same with every cell a value: the group headings start at
 * characters of their own (行政复议 centred over its five columns), and
 * no column is made of them (tests/data/forms/lynx/t4groups.html). */
static void
t4_groups(void **state)
{
    (void)state;
    static const char *const want[] = {
        "L:行政复议 | L:行政诉讼",
        NULL,
        NULL,
        "V:0 | V:0 | V:0 | V:0 | V:0 | V:0 | V:0 | V:0 | V:0 | V:0 | V:0 "
        "| V:0 | V:0 | V:0 | V:0",
    };
    check(FORMS "t4groups.txt", want, sizeof(want) / sizeof(want[0]));
}

/* A row line lynx wrapped at its width: the row's last value alone on
 * the next line, at the margin, is the end of that row, not a row of
 * its own (tests/data/forms/lynx/wrapped.html, seven zeros in the
 * HTML). */
static void
wrapped_row(void **state)
{
    (void)state;
    static const char *const want[] = {
        "L:(六)其他处理 | L:1.申请人无正当理由逾期不补正、行政机关不再处理其政府"
        "信息公开申请 | V:0 | V:0 | V:0 | V:0 | V:0 | V:0 | V:0",
        NULL, /* the headings lynx repeats where the page split the table */
        "L:三、本年度办理结果 | L:(六)其他处理 | L:2.申请人逾期未按收费通知要求"
        "缴纳费用、行政机关不再处理其政府信息公开申请 | V:0 | V:0 | V:0 | V:0 "
        "| V:0 | V:0 | V:0",
        "L:3.其他 | V:2 | V:0 | V:0 | V:0 | V:0 | V:0 | V:2",
    };
    check_body(FORMS "wrapped.txt", want, sizeof(want) / sizeof(want[0]));
}

/* Rows laid out by their text (paragraph headings: no grid), three rows
 * only in their block, whose values' starts happen to fall in seven
 * columns: "130", "10" and "0" run up to the next such column's start
 * with no space between, as lynx's padded cells never do in most rows,
 * so there is no grid and the gaps tell the blanks. The second row's
 * gaps (three, five and three spaces for three blank cells, &nbsp;
 * typed beside values) leave readings open (cells from the HTML:
 * tests/data/forms/lynx/textrows.html). */
static void
text_rows(void **state)
{
    (void)state;
    static const char *const want[] = {
        "L:一、本年新收政府信息公开申请数量 | V:130 | V:10 | V:- | V:0 | B: "
        "| V:0 | V:140",
        "L:二、上年结转政府信息公开申请数量 | V:20 | B:  | V:0 | B: | B:  "
        "| V:0 | B:  | V:20",
        "L:三、本年度办理结果 | L:(一)予以公开 | V:87 | V:6 | V:0 | V:无 "
        "| B: | B: | V:93",
    };
    check_body(FORMS "textrows.txt", want, sizeof(want) / sizeof(want[0]));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cells),
        cmocka_unit_test(rows),
        cmocka_unit_test(blank_rows),
        cmocka_unit_test(no_whole_row),
        cmocka_unit_test(no_data_rows),
        cmocka_unit_test(block_grids),
        cmocka_unit_test(t4_lines),
        cmocka_unit_test(t4_trailing_paras),
        cmocka_unit_test(t4_padded),
        cmocka_unit_test(garbage),
        cmocka_unit_test(grid_rows_any_offset),
        cmocka_unit_test(grid_slack),
        cmocka_unit_test(grid_pair),
        cmocka_unit_test(head_grid),
        cmocka_unit_test(split_grid),
        cmocka_unit_test(tight_rows),
        cmocka_unit_test(t2_alone),
        cmocka_unit_test(t4_grid),
        cmocka_unit_test(t4_groups),
        cmocka_unit_test(wrapped_row),
        cmocka_unit_test(text_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
