/*
 * test_read_pipe_h2md.c - the pipe reader on Python html2text's Markdown
 * (html2markdown.py3 FILE utf-8, default options): rows without outer
 * bars under a "---|---" rule or a one-column caption's "---", a bar at
 * a row's end before an empty cell, rows wrapped at the writer's width
 * or broken inside a bold header cell, and block rows (cells holding
 * paragraphs: a bar alone on its line, a line of two spaces ending the
 * row). The fixtures are in html2text's layout as it writes them; the
 * cells expected are what a person reads in them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "form/reader_int.h"
#include "ogi/arena.h"
#include "ogi/text.h"

typedef struct {
    ogi_arena_t *arena;
    ogi_text_t text;
    ogi__table_t tb;
    const ogi__reader_t *picked;
} fixture_t;

static const char *const kind_name[] = {"L", "V", "B", "M", "R"};

static void
fixture_read(fixture_t *f, const char *src)
{
    memset(f, 0, sizeof(*f));
    f->arena = ogi_arena_new(0);
    assert_non_null(f->arena);
    char why[128];
    assert_int_equal(ogi_text_decode(f->arena, src, strlen(src), 1 << 20,
                                     &f->text, why, sizeof(why)),
                     0);
    f->picked = ogi__reader_pick(&f->text, 0, f->text.nlines);
    const ogi__reader_t *r = ogi__reader_find("pipe");
    assert_non_null(r);
    ogi__table_init(&f->tb, f->arena, &f->text);
    assert_int_equal(r->read(&f->tb, &f->text, 0, f->text.nlines), 0);
    for (size_t i = 0; i < f->tb.ncells; i++)
        assert_true((size_t)f->tb.cells[i].off + f->tb.cells[i].len <=
                    f->text.len);
}

static void
fixture_fini(fixture_t *f)
{
    ogi_arena_destroy(&f->arena);
}

/* The row whose first cell reads first (kind k), or fails. */
static const ogi__row_t *
row_of(const fixture_t *f, ogi__cell_kind_t k, const char *first)
{
    for (size_t r = 0; r < f->tb.nrows; r++) {
        const ogi__row_t *row = &f->tb.rows[r];
        if (!row->count)
            continue;
        const ogi__cell_t *c = &f->tb.cells[row->first];
        if (c->kind == k && c->n == strlen(first) &&
            memcmp(c->s, first, c->n) == 0)
            return row;
    }
    print_error("no row starting with %s \"%s\"\n", kind_name[k], first);
    fail();
    return NULL;
}

/* Row row holds exactly the cells "K:text" of want, in order. */
static void
expect_row(const fixture_t *f, const ogi__row_t *row, size_t n,
           const char *const *want)
{
    if (row->count != n)
        print_error("want %zu cells, got %u\n", n, row->count);
    assert_int_equal(row->count, n);
    for (size_t i = 0; i < n; i++) {
        const ogi__cell_t *c = &f->tb.cells[row->first + i];
        const char *w = want[i] + 2;
        if (strcmp(kind_name[c->kind], (const char[]){want[i][0], 0}) ||
            c->n != strlen(w) || memcmp(c->s, w, c->n))
            print_error("cell %zu: want %s, got %s:%.*s\n", i, want[i],
                        kind_name[c->kind], (int)c->n, c->s);
        assert_int_equal(c->n, strlen(w));
        assert_memory_equal(c->s, w, c->n);
        assert_int_equal(want[i][0], kind_name[c->kind][0]);
    }
}

#define ROW(f, k, first, ...)                                                  \
    do {                                                                       \
        static const char *const w_[] = {__VA_ARGS__};                         \
        expect_row((f), row_of((f), (k), (first)), sizeof(w_) / sizeof(*w_),   \
                   w_);                                                        \
    } while (0)

/* A caption row over its "---", then rows of more columns without outer
 * bars: a pipe table, the rule no value (no "-" of a cell n/a). */
static void
bare_rows_under_caption(void **state)
{
    (void)state;
    fixture_t f;
    fixture_read(&f, "**Article 20 (1)**  \n"
                     "---  \n"
                     "信息内容| 本年制发件数| 本年废止件数| 现行有效件数  \n"
                     "规章| 0| 0| 0  \n"
                     "行政规范性文件| 6| 0| 33  \n"
                     "  \n");
    assert_string_equal(f.picked->name, "pipe");
    ROW(&f, OGI__CELL_LABEL, "规章", "L:规章", "V:0", "V:0", "V:0");
    ROW(&f, OGI__CELL_LABEL, "行政规范性文件", "L:行政规范性文件", "V:6", "V:0",
        "V:33");
    for (size_t i = 0; i < f.tb.ncells; i++)
        assert_true(f.tb.cells[i].kind != OGI__CELL_VALUE ||
                    f.tb.cells[i].s[0] != '-');
    fixture_fini(&f);
}

/* Without outer bars a bar at the row's end stands before an empty last
 * cell, one at its start after an empty first cell; and an empty cell is
 * a blank value (no label's slot: the writer writes a spanned cell once
 * and leaves the rows below it one cell short). */
static void
bare_rows_empty_ends(void **state)
{
    (void)state;
    fixture_t f;
    fixture_read(&f, "申请人情况| 自然人| 商业企业  \n"
                     "---|---  \n"
                     "（五）不予处理| 1.信访举报投诉类申请| 3|  \n"
                     "2.重复申请| | 1  \n"
                     " | 3.要求提供公开出版物| 0| 0  \n");
    ROW(&f, OGI__CELL_LABEL, "2.重复申请", "L:2.重复申请", "B:", "V:1");
    ROW(&f, OGI__CELL_BLANK, "", "B:", "L:3.要求提供公开出版物", "V:0", "V:0");
    /* the first row: its last cell empty */
    const ogi__row_t *row = &f.tb.rows[1];
    assert_int_equal(row->count, 4);
    assert_int_equal(f.tb.cells[row->first + 2].kind, OGI__CELL_VALUE);
    assert_int_equal(f.tb.cells[row->first + 3].kind, OGI__CELL_BLANK);
    fixture_fini(&f);
}

/* A row longer than the writer's width goes on on the next line (no
 * hard break at the end of the first); a <br> in a bold header cell
 * breaks the line inside its marks. */
static void
bare_rows_wrapped(void **state)
{
    (void)state;
    fixture_t f;
    fixture_read(&f, "**行政  \n"
                     "复议** |  **行政  \n"
                     "诉讼**  \n"
                     "---|---  \n"
                     " 17 |  32  |  0  |  2 |  51 |  15 |  0 |  1 |  7 |  23 "
                     " |  0\n"
                     "|  0  \n"
                     "  \n");
    ROW(&f, OGI__CELL_LABEL, "行政复议", "L:行政复议", "L:行政诉讼");
    ROW(&f, OGI__CELL_VALUE, "17", "V:17", "V:32", "V:0", "V:2", "V:51", "V:15",
        "V:0", "V:1", "V:7", "V:23", "V:0", "V:0");
    fixture_fini(&f);
}

/* A row wrapped right after a bar: the rest ("-- |  ") is the row's
 * end, no rule (the rule follows a row's hard break). */
static void
bare_rows_wrapped_dashes(void **state)
{
    (void)state;
    fixture_t f;
    fixture_read(&f, "申请人情况| 自然人| 商业企业| 科研机构| 其他  \n"
                     "---|---  \n"
                     "1.逾期不补正  |  0  |  0  |    |  \\- |\n"
                     "-- |  \n"
                     "2.逾期未缴费  |  0  |  1  |  0  |  0  |  1  \n");
    ROW(&f, OGI__CELL_LABEL, "1.逾期不补正", "L:1.逾期不补正", "V:0", "V:0",
        "B:", "V:-", "V:--", "B:");
    fixture_fini(&f);
}

/* A header's last cell broken by a <br>: the line without a bar between
 * the header (labels only) and its data goes with the header; a caption
 * line after a data row stays a line of its own. */
static void
bare_rows_header_break(void **state)
{
    (void)state;
    fixture_t f;
    fixture_read(&f, "Article 20 (6)  \n"
                     "---  \n"
                     "信息内容| 上一年项目数量| 本年增/减| 处理  \n"
                     "决定数量  \n"
                     "行政处罚| 443| -135| 30  \n"
                     "第二十条第八项  \n"
                     "信息内容| 本年收费金额  \n"
                     "行政事业性收费| 0  \n");
    ROW(&f, OGI__CELL_LABEL, "信息内容", "L:信息内容", "L:上一年项目数量",
        "L:本年增/减", "L:处理决定数量");
    ROW(&f, OGI__CELL_LABEL, "行政处罚", "L:行政处罚", "V:443", "V:-135",
        "V:30");
    ROW(&f, OGI__CELL_LABEL, "第二十条第八项", "L:第二十条第八项");
    fixture_fini(&f);
}

/* Block rows: cells of paragraphs, a bar alone between them, a line of
 * two spaces after a row; a <br> inside a cell ("本年处理决定  " then
 * "数量"); an empty cell (bar, blank lines, bar); a caption paragraph
 * before the table stays a line of its own. */
static void
block_rows(void **state)
{
    (void)state;
    fixture_t f;
    fixture_read(&f, "**Article 20 (6)**\n"
                     "\n"
                     "信息内容\n"
                     "\n"
                     "|\n"
                     "\n"
                     "本年处理决定  \n"
                     "数量  \n"
                     "  \n"
                     "---|---  \n"
                     "  \n"
                     "行政处罚\n"
                     "\n"
                     "|\n"
                     "\n"
                     "\n"
                     "\n"
                     "|\n"
                     "\n"
                     "3236  \n"
                     "  \n"
                     "行政强制\n"
                     "\n"
                     "|\n"
                     "\n"
                     "338  \n"
                     "  \n"
                     "\n"
                     "\n"
                     "## Section\n");
    assert_string_equal(f.picked->name, "pipe");
    ROW(&f, OGI__CELL_LABEL, "信息内容", "L:信息内容", "L:本年处理决定数量");
    ROW(&f, OGI__CELL_LABEL, "行政处罚", "L:行政处罚", "B:", "V:3236");
    ROW(&f, OGI__CELL_LABEL, "行政强制", "L:行政强制", "V:338");
    /* the caption is its own row, not the first cell's */
    const ogi__row_t *cap = &f.tb.rows[0];
    assert_int_equal(cap->line, 0);
    assert_int_equal(f.tb.cells[cap->first].kind, OGI__CELL_LABEL);
    fixture_fini(&f);
}

/* Rows of cells partly on one line, partly paragraphs: a paragraph
 * ending in a bar ("维持|") starts a row whose next cell is the paragraph
 * below; past a blank line a line starting with a bar goes on with the
 * row; a row of its own after a break ends it, an empty first cell
 * included (" | 19 | 0"). */
static void
block_rows_mixed(void **state)
{
    (void)state;
    fixture_t f;
    fixture_read(&f, "复议\n"
                     "\n"
                     "|\n"
                     "\n"
                     "诉讼  \n"
                     "  \n"
                     "---|---  \n"
                     "维持|\n"
                     "\n"
                     "纠\n"
                     "\n"
                     "正\n"
                     "\n"
                     "| 总计| 直接起诉  \n"
                     " | 19 | 0| 28  \n"
                     "  \n");
    ROW(&f, OGI__CELL_LABEL, "维持", "L:维持", "L:纠正", "L:总计",
        "L:直接起诉");
    ROW(&f, OGI__CELL_BLANK, "", "B:", "V:19", "V:0", "V:28");
    fixture_fini(&f);
}

/* An OCR's lone bar (a border it read) with no line of spaces to end a
 * row: no block row, each line read as before. */
static void
lone_bar_no_block(void **state)
{
    (void)state;
    fixture_t f;
    fixture_read(&f, "| 规章 | 0 |\n"
                     "|\n"
                     "行政处罚\n"
                     "\n"
                     "|\n"
                     "\n"
                     "3236\n");
    ROW(&f, OGI__CELL_LABEL, "行政处罚", "L:行政处罚");
    fixture_fini(&f);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bare_rows_under_caption),
        cmocka_unit_test(bare_rows_empty_ends),
        cmocka_unit_test(bare_rows_wrapped),
        cmocka_unit_test(bare_rows_wrapped_dashes),
        cmocka_unit_test(bare_rows_header_break),
        cmocka_unit_test(block_rows),
        cmocka_unit_test(block_rows_mixed),
        cmocka_unit_test(lone_bar_no_block),
    };
    return cmocka_run_group_tests_name("read_pipe_h2md", tests, NULL, NULL);
}
