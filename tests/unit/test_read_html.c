/*
 * test_read_html.c - the HTML table reader (lib/form/read_html_table.c;
 * internal API, lib/form/reader_int.h): <table> markup inside text, as
 * `pandoc -t gfm` writes every table with a row or column span, and as
 * an agency page holds it.
 *
 * Usage example, as the parser does it for a region of a report:
 *
 *     const ogi__reader_t *rd = ogi__reader_find("html_table");
 *     if (rd->probe(&text, l0, l1) > 0) {
 *         ogi__table_t tb;
 *         ogi__table_init(&tb, arena, &text);
 *         rc = rd->read(&tb, &text, l0, l1);   0 or OGI_ENOMEM
 *         for each row r of tb.rows (one per <tr>):
 *             cells tb.cells[r.first .. r.first + r.count), one per grid
 *             slot: LABEL / VALUE / BLANK where a cell starts, MERGED
 *             where a row or column span covers the slot
 *     }
 *
 * Fixtures: tests/data/forms/html/ (README.md there): pages written like
 * agency pages (the box reader's, copied) and one of odd markup, each as
 * the page itself (NAME.html) and as `pandoc -f html -t gfm` writes it
 * (NAME.gfm.md). The expected rows below were written from the HTML, not
 * from the reader's output; the page and its Markdown must read the same.
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
#include "ogi.h"
#include "ogi/alloc.h"
#include "ogi/arena.h"
#include "ogi/error.h"
#include "ogi/text.h"
#include "reader_int.h"

#define DIR      "tests/data/forms/html/"
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int
setup(void **state)
{
    ogi_arena_t *a = ogi_arena_new(0);
    if (!a)
        return -1;
    *state = a;
    return 0;
}

static int
teardown(void **state)
{
    ogi_alloc_fail_after(-1);
    ogi_arena_t *a = *state;
    ogi_arena_destroy(&a);
    return 0;
}

static const ogi__reader_t *
html(void)
{
    const ogi__reader_t *rd = ogi__reader_find("html_table");
    assert_non_null(rd);
    return rd;
}

/* Decodes raw[0..len) into *t (raw must outlive it). */
static void
decode(ogi_arena_t *a, const char *raw, size_t len, ogi_text_t *t)
{
    char why[160];
    int rc = ogi_text_decode(a, raw, len, 0, t, why, sizeof(why));
    if (rc)
        print_error("could not decode: %s\n", why);
    assert_int_equal(rc, OGI_OK);
}

/* A fixture file (name relative to DIR), decoded; *raw is malloc'd. */
static void
load(ogi_arena_t *a, const char *name, char **raw, ogi_text_t *t)
{
    char path[256];
    size_t len;
    snprintf(path, sizeof(path), DIR "%s", name);
    *raw = ogi_test_slurp(path, &len);
    if (!*raw)
        fail_msg("could not read \"%s\"", path);
    decode(a, *raw, len, t);
}

/* The first line at or after from that opens a table, or fails. */
static size_t
table_line(const ogi_text_t *t, size_t from)
{
    for (size_t l = from; l < t->nlines; l++)
        if (ogi__html_table_end(t, l, t->nlines))
            return l;
    fail_msg("no table from line %zu", from);
    return 0;
}

/* The n-th line (from 0) whose text starts, after blanks, with lit. */
static size_t
nth_line(const ogi_text_t *t, const char *lit, size_t n)
{
    for (size_t l = 0; l < t->nlines; l++) {
        const char *p = t->s + t->lines[l].start, *e = t->s + t->lines[l].end;
        while (p < e && *p == ' ')
            p++;
        if (ogi_text_has_prefix(p, e, lit) && n-- == 0)
            return l;
    }
    fail_msg("no line %zu starting with \"%s\"", n, lit);
    return 0;
}

/*
 * Row r of tb as one line: each cell as K[text] (K: L label, V value,
 * B blank), "RxC" after it when it spans rows or columns, a MERGED slot
 * as a bare M; cells separated by one space.
 */
static void
render(const ogi__table_t *tb, size_t r, char *buf, size_t size)
{
    static const char kinds[] = "LVBMR";
    const ogi__row_t *row = &tb->rows[r];
    size_t n = 0;
    buf[0] = '\0';
    for (uint32_t i = row->first; i < row->first + row->count; i++) {
        const ogi__cell_t *c = &tb->cells[i];
        int k;
        if (c->kind == OGI__CELL_MERGED)
            k = snprintf(buf + n, size - n, "%sM", n ? " " : "");
        else
            k = snprintf(buf + n, size - n, "%s%c[%.*s]", n ? " " : "",
                         kinds[c->kind], (int)c->n, c->s);
        n += (size_t)k < size - n ? (size_t)k : size - n - 1;
        if (c->kind != OGI__CELL_MERGED && (c->rowspan > 1 || c->colspan > 1)) {
            k = snprintf(buf + n, size - n, "%dx%d", c->rowspan, c->colspan);
            n += (size_t)k < size - n ? (size_t)k : size - n - 1;
        }
    }
}

/* Compares rows [from, ..) of tb with want[0..nwant), all of them. */
static void
assert_rows(const ogi__table_t *tb, size_t from, const char *const *want,
            size_t nwant, const char *what)
{
    char got[4096];
    for (size_t r = from; r < tb->nrows && r - from < nwant; r++) {
        render(tb, r, got, sizeof(got));
        if (strcmp(got, want[r - from]) != 0)
            fail_msg("%s row %zu:\n  got  %s\n  want %s", what, r, got,
                     want[r - from]);
    }
    if (tb->nrows - from != nwant)
        fail_msg("%s: %zu rows, want %zu", what, tb->nrows - from, nwant);
}

/* Every cell's source span lies inside the text, and a cell that holds
 * text points at its <td> or <th> tag. */
static void
assert_spans(const ogi__table_t *tb, const ogi_text_t *t, const char *what,
             int tags)
{
    for (size_t i = 0; i < tb->ncells; i++) {
        const ogi__cell_t *c = &tb->cells[i];
        if ((size_t)c->off + c->len > t->len)
            fail_msg("%s: cell %zu span %u+%u outside the text (%zu)", what, i,
                     c->off, c->len, t->len);
        if (!tags || c->kind == OGI__CELL_MERGED || c->col < 0)
            continue;
        const char *p = t->s + c->off;
        if (c->len < 3 || p[0] != '<' ||
            (strncmp(p + 1, "td", 2) != 0 && strncmp(p + 1, "th", 2) != 0 &&
             strncmp(p + 1, "TD", 2) != 0 && strncmp(p + 1, "TH", 2) != 0))
            fail_msg("%s: cell %zu [%.*s] spans \"%.*s\"", what, i, (int)c->n,
                     c->s, (int)(c->len < 20 ? c->len : 20), p);
    }
}

/* Reads the table opening at or after line from (the block of lines to
 * its </table>) and compares its rows with want, in both forms of stem. */
static void
check_table(ogi_arena_t *a, const char *stem, const char *const *want,
            size_t nwant)
{
    /* the pages are the box reader's (../box/), their gfm forms here */
    static const char *const dir[] = {"../box/", ""};
    static const char *const suffix[] = {".html", ".gfm.md"};
    for (size_t k = 0; k < NELEM(suffix); k++) {
        char name[128];
        snprintf(name, sizeof(name), "%s%s%s", dir[k], stem, suffix[k]);
        char *raw;
        ogi_text_t t;
        load(a, name, &raw, &t);
        size_t l0 = table_line(&t, 0);
        size_t l1 = ogi__html_table_end(&t, l0, t.nlines);
        assert_int_equal(html()->probe(&t, l0, l1), OGI__PROBE_SURE);
        assert_ptr_equal(ogi__reader_pick(&t, l0, l1), html());
        ogi__table_t tb;
        ogi__table_init(&tb, a, &t);
        assert_int_equal(html()->read(&tb, &t, l0, l1), 0);
        assert_rows(&tb, 0, want, nwant, name);
        assert_spans(&tb, &t, name, 1);
        free(raw);
    }
}

/* ---- the official template's tables ---- */

/* Table 3 of 2021, every row (the row text of the template, from
 * t3_2021.html): the note over 3x3 slots, 申请人情况 over 7 columns,
 * 三、本年度办理结果 over 22 rows, a header split over two <p>s or a
 * <br> (joined with a space), a row left blank (one cell &nbsp;). */
static const char *const t3_rows[] = {
    "L[(本列数据的勾稽关系为:第一项加第二项之和, 等于第三项加第四项之和)]"
    "3x3 M M L[申请人情况]1x7 M M M M M M",
    "M M M L[自然人]2x1 L[法人或其他组织]1x5 M M M M L[总计]2x1",
    "M M M M L[商业 企业] L[科研机构] L[社会公益 组织] L[法律服务 机构] "
    "L[其他] M",
    "L[一、本年新收政府信息公开申请数量]1x3 M M V[120] V[8] V[0] V[1] V[0] "
    "V[2] V[131]",
    "L[二、上年结转政府信息公开申请数量]1x3 M M V[5] V[0] V[0] V[0] V[0] "
    "V[0] V[5]",
    "L[三、本年度办理结果]22x1 L[(一)予以公开]1x2 M V[60] V[3] V[0] V[0] "
    "V[0] V[1] V[64]",
    "M L[(二)部分公开(区分处理的,只计这一情形,不计其他情形)]1x2 M V[10] "
    "V[1] V[0] V[0] V[0] V[0] V[11]",
    "M L[(三)不予公开]8x1 L[1.属于国家秘密] V[0] V[0] V[0] V[0] V[0] V[0] "
    "V[0]",
    "M M L[2.其他法律行政法规禁止公开] V[1] V[0] V[0] V[0] V[0] V[0] V[1]",
    "M M L[3.危及\"三安全一稳定\"] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
    "M M L[4.保护第三方合法权益] V[2] V[0] V[0] V[0] V[0] V[0] V[2]",
    "M M L[5.属于三类内部事务信息] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
    "M M L[6.属于四类过程性信息] V[1] V[0] V[0] V[0] V[0] V[0] V[1]",
    "M M L[7.属于行政执法案卷] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
    "M M L[8.属于行政查询事项] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
    "M L[(四)无法提供]3x1 L[1.本机关不掌握相关政府信息] V[30] V[2] V[0] "
    "V[1] V[0] V[1] V[34]",
    "M M L[2.没有现成信息需要另行制作] V[3] V[0] V[0] V[0] V[0] V[0] V[3]",
    "M M L[3.补正后申请内容仍不明确] V[1] V[0] V[0] V[0] V[0] V[0] V[1]",
    "M L[(五)不予处理]5x1 L[1.信访举报投诉类申请] V[4] V[0] V[0] V[0] V[0] "
    "V[0] V[4]",
    "M M L[2.重复申请] V[2] V[1] V[0] V[0] V[0] V[0] V[3]",
    "M M L[3.要求提供公开出版物] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
    "M M L[4.无正当理由大量反复申请] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
    "M M L[5.要求行政机关确认或重新出具已获取信息] V[0] V[0] V[0] V[0] V[0] "
    "V[0] V[0]",
    "M L[(六)其他处理]3x1 "
    "L[1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请] "
    "V[1] V[0] V[0] V[0] V[0] V[0] V[1]",
    "M M L[2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息"
    "公开申请] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
    "M M L[3.其他] B[] B[] B[] B[] B[] B[] B[]",
    "M L[(七)总计]1x2 M V[115] V[7] V[0] V[1] V[0] V[2] V[125]",
    "L[四、结转下年度继续办理]1x3 M M V[10] V[1] V[0] V[0] V[0] V[0] V[11]",
};

static void
table3_spans(void **state)
{
    check_table(*state, "t3_2021", t3_rows, NELEM(t3_rows));
}

/* Table 4: 行政复议 over 5 columns, 行政诉讼 over 10, the first five
 * headers over two rows, one empty and one &nbsp; cell, a full-width
 * digit (folded as the text is). */
static void
table4_spans(void **state)
{
    static const char *const want[] = {
        "L[行政复议]1x5 M M M M L[行政诉讼]1x10 M M M M M M M M M",
        "L[结果 维持]2x1 L[结果 纠正]2x1 L[其他 结果]2x1 L[尚未 审结]2x1 "
        "L[总计]2x1 L[未经复议直接起诉]1x5 M M M M L[复议后起诉]1x5 M M M M",
        "M M M M M L[结果维持] L[结果纠正] L[其他结果] L[尚未审结] L[总计] "
        "L[结果维持] L[结果纠正] L[其他结果] L[尚未审结] L[总计]",
        "V[3] V[1] V[0] B[] V[4] V[2] B[] V[0] V[1] V[3] V[0] V[0] V[1] V[0] "
        "V[1]",
    };
    check_table(*state, "t4", want, NELEM(want));
}

/* Each cell knows its grid place; a MERGED slot its coverer's spans. */
static void
cells_have_grid_places(void **state)
{
    char *raw;
    ogi_text_t t;
    load(*state, "t4.gfm.md", &raw, &t);
    ogi__table_t tb;
    ogi__table_init(&tb, *state, &t);
    assert_int_equal(html()->read(&tb, &t, 0, t.nlines), 0);
    size_t f = tb.ncells, m = tb.ncells;
    for (size_t i = 0; i < tb.ncells; i++) {
        const ogi__cell_t *c = &tb.cells[i];
        if (c->kind == OGI__CELL_LABEL && c->n == strlen("复议后起诉") &&
            memcmp(c->s, "复议后起诉", c->n) == 0)
            f = i;
        if (c->kind == OGI__CELL_MERGED && c->row == 2 && c->col == 3)
            m = i;
    }
    assert_true(f < tb.ncells);
    assert_int_equal(tb.cells[f].row, 1);
    assert_int_equal(tb.cells[f].col, 10);
    assert_int_equal(tb.cells[f].colspan, 5);
    assert_true(m < tb.ncells); /* 尚未 审结 carried down */
    assert_int_equal(tb.cells[m].rowspan, 2);
    assert_int_equal(tb.cells[m].colspan, 1);
    assert_int_equal(tb.cells[m].len, 0);
    free(raw);
}

/* The regions the outline gives start at an anchor row, inside a table,
 * and end where the next one starts: rows are read all the same. */
static void
region_inside_table(void **state)
{
    char *raw;
    ogi_text_t t;
    load(*state, "t3_2021.gfm.md", &raw, &t);
    ogi__table_t tb;
    /* from the <tr> of 一、本年新收 (the fourth row) to the end: its rows,
     * then the heading after the table */
    size_t l0 = nth_line(&t, "<tr", 3);
    assert_int_equal(html()->probe(&t, l0, t.nlines), OGI__PROBE_SURE);
    ogi__table_init(&tb, *state, &t);
    assert_int_equal(html()->read(&tb, &t, l0, t.nlines), 0);
    assert_int_equal(tb.nrows, NELEM(t3_rows) - 3 + 1);
    tb.nrows--;
    assert_rows(&tb, 0, t3_rows + 3, NELEM(t3_rows) - 3, "from row 3");
    assert_spans(&tb, &t, "from row 3", 1);
    char got[512];
    render(&tb, tb.nrows, got, sizeof(got));
    assert_string_equal(got, "L[四、政府信息公开行政复议、行政诉讼情况]");

    /* from the table to the <tr> of 三、本年度办理结果 */
    size_t l1 = nth_line(&t, "<tr", 5);
    ogi__table_init(&tb, *state, &t);
    assert_int_equal(html()->read(&tb, &t, table_line(&t, 0), l1), 0);
    assert_rows(&tb, 0, t3_rows, 5, "to row 5");

    /* from inside a row (二、上年结转's first value) to inside another
     * (2.其他法律…'s first value) */
    static const char *const inside[] = {
        "V[5] V[0] V[0] V[0] V[0] V[0] V[5]",     NULL, NULL, NULL,
        "M M L[2.其他法律行政法规禁止公开] V[1]",
    };
    const char *want[NELEM(inside)];
    for (size_t k = 0; k < NELEM(inside); k++)
        want[k] = inside[k] ? inside[k] : t3_rows[5 + k - 1];
    l0 = nth_line(&t, "<td", 19);
    l1 = nth_line(&t, "<tr", 8) + 3;
    ogi__table_init(&tb, *state, &t);
    assert_int_equal(html()->read(&tb, &t, l0, l1), 0);
    assert_rows(&tb, 0, want, NELEM(want), "inside rows");
    assert_spans(&tb, &t, "inside rows", 1);
    free(raw);
}

/* Lines around and between tables are read by the reader that suits
 * them: a heading as a line, the tables of Table 2 of 2019 (one per item,
 * captions between them) as tables. */
static void
lines_between_tables(void **state)
{
    char *raw;
    ogi_text_t t;
    load(*state, "t2_2019.gfm.md", &raw, &t);
    ogi__table_t tb;
    ogi__table_init(&tb, *state, &t);
    assert_ptr_equal(ogi__reader_pick(&t, 0, t.nlines), html());
    assert_int_equal(html()->read(&tb, &t, 0, t.nlines), 0);
    /* pipe tables too: spans inside the text, not all at a tag */
    assert_spans(&tb, &t, "t2_2019", 0);
    /* every item's caption and its 规章-like first row are read */
    static const char *const words[] = {"第二十条第(一)项", "第二十条第(五)项",
                                        "第二十条第(九)项", "政府集中采购"};
    for (size_t w = 0; w < NELEM(words); w++) {
        int seen = 0;
        for (size_t i = 0; i < tb.ncells && !seen; i++)
            seen = tb.cells[i].n >= strlen(words[w]) &&
                   ogi_text_find(tb.cells[i].s, tb.cells[i].n, words[w]);
        if (!seen)
            fail_msg("\"%s\" not read", words[w]);
    }
    free(raw);
}

/* Markup as agency pages hold it: a layout table around the report's
 * tables (read as the flow of its cells), upper-case tags, unclosed <td>
 * and <tr>, entities (&nbsp; &#65288; &#x3000; &amp;), a comment and a
 * script inside cells, spans of 999, 0 and "2px", a charset the page
 * misstates (the text is UTF-8 already). */
static void
odd_markup(void **state)
{
    static const char *const want[] = {
        "L[首页 > 政务公开]",
        "L[二、主动公开政府信息情况]",
        "L[第二十条第(一)项]1x4 M M M",
        "L[信息内容] L[本年制发件数] L[本年废止件数] L[现行有效件数]",
        "L[规章] V[12] V[0] V[3]",
        "L[行政规范性文件] V[4] V[0] B[]",
        "L[第二十条第(五)项]64x1 L[信息内容] L[本年处理决定数量]1x2 M",
        "M L[行政许可&确认] V[5]",
        "M L[其他对外管理服务事项] V[减 3]",
    };
    char *raw;
    ogi_text_t t;
    load(*state, "edge.html", &raw, &t);
    size_t l0 = table_line(&t, 0);
    size_t l1 = ogi__html_table_end(&t, l0, t.nlines);
    ogi__table_t tb;
    ogi__table_init(&tb, *state, &t);
    assert_int_equal(html()->read(&tb, &t, l0, l1), 0);
    assert_rows(&tb, 0, want, NELEM(want), "edge.html");
    free(raw);
}

/* A value the page's edge cut, as the PDF converter writes it (class
 * "ogi-cut", its digits then '?'s), is a run for the arithmetic; the same
 * text without the class, or the class on other text, is read as any
 * cell. */
static void
cut_cells(void **state)
{
    static const char page[] =
        "<table>\n"
        "<tr><td>行政许可</td><td>751</td><td class=\"ogi-cut\">75??" "?</td></tr>\n"
        "<tr><td>行政处罚</td><td>0</td><td class=\"ogi-cut\">??" "?</td></tr>\n"
        "<tr><td>其他</td><td>5??" "?</td><td class=\"ogi-cut\">无</td></tr>\n"
        "</table>\n";
    static const char *const want[] = {
        "L[行政许可] V[751] R[75???]",
        "L[行政处罚] V[0] R[???]",
        "L[其他] L[5???] V[无]",
    };
    ogi_text_t t;
    decode(*state, page, sizeof(page) - 1, &t);
    size_t l0 = table_line(&t, 0);
    size_t l1 = ogi__html_table_end(&t, l0, t.nlines);
    ogi__table_t tb;
    ogi__table_init(&tb, *state, &t);
    assert_int_equal(html()->read(&tb, &t, l0, l1), 0);
    assert_rows(&tb, 0, want, NELEM(want), "cut cells");
}

/* Other layouts, and text without a table's rows, are not this reader's. */
static void
probe_declines_other_layouts(void **state)
{
    static const char *const files[] = {"../box/t4.txt", "../pipe/cells.gfm.md",
                                        "../box/t3_2021.c60.txt"};
    for (size_t k = 0; k < NELEM(files); k++) {
        char *raw;
        ogi_text_t t;
        load(*state, files[k], &raw, &t);
        assert_int_equal(html()->probe(&t, 0, t.nlines), 0);
        assert_int_equal(ogi__html_table_end(&t, 0, t.nlines), 0);
        free(raw);
    }
    static const char prose[] = "表格见下 <table> 与 <td> 两字\n<table>\n";
    ogi_text_t t;
    decode(*state, prose, sizeof(prose) - 1, &t);
    assert_int_equal(html()->probe(&t, 0, t.nlines), 0);
}

/* Every prefix of a page and of its Markdown (a table cut anywhere) reads,
 * with spans inside the text. */
static void
every_prefix_reads(void **state)
{
    static const char *const files[] = {"t3_2021.gfm.md", "edge.html"};
    for (size_t k = 0; k < NELEM(files); k++) {
        char *raw;
        ogi_text_t t;
        load(*state, files[k], &raw, &t);
        size_t len = strlen(raw);
        for (size_t n = 0; n < len; n += 7) {
            while (n < len && ((unsigned char)raw[n] & 0xC0) == 0x80)
                n++; /* a character boundary: the text must decode */
            ogi_arena_reset(*state);
            ogi_text_t u;
            decode(*state, raw, n, &u);
            (void)html()->probe(&u, 0, u.nlines);
            ogi__table_t tb;
            ogi__table_init(&tb, *state, &u);
            assert_int_equal(html()->read(&tb, &u, 0, u.nlines), 0);
            for (size_t i = 0; i < tb.ncells; i++)
                assert_true((size_t)tb.cells[i].off + tb.cells[i].len <= u.len);
            for (size_t r = 0; r < tb.nrows; r++)
                assert_true(tb.rows[r].line < u.nlines);
        }
        free(raw);
    }
}

/* Out of memory at every allocation: OGI_ENOMEM, never a crash. */
static void
out_of_memory(void **state)
{
    char *raw;
    ogi_text_t t;
    load(*state, "report_2019.gfm.md", &raw, &t);
    int rc = -1, failures = 0;
    for (long n = 0; n < 2000; n++) {
        ogi_arena_t *a = ogi_arena_new(0);
        assert_non_null(a);
        ogi__table_t tb;
        ogi__table_init(&tb, a, &t);
        ogi_alloc_fail_after(n);
        rc = html()->read(&tb, &t, 0, t.nlines);
        ogi_alloc_fail_after(-1);
        ogi_arena_destroy(&a);
        if (rc == 0)
            break;
        assert_int_equal(rc, OGI_ENOMEM);
        failures++;
    }
    assert_int_equal(rc, 0);
    /* the arena's chunks, the scratch of each table and flow (libxml2
     * allocates on its own) */
    assert_true(failures >= 3);
    free(raw);
}

/* ---- whole reports ---- */

/*
 * Parses a report and compares every cell of its tables with NAME.expect
 * ("<path> <number>" or "<path> empty" a line, every cell of the format,
 * written from the HTML). The outline finds the anchors inside the
 * tables' markup.
 */
static void
check_report(const char *file, const char *expect)
{
    char path[256];
    size_t len, elen;
    snprintf(path, sizeof(path), DIR "%s", file);
    char *raw = ogi_test_slurp(path, &len);
    snprintf(path, sizeof(path), DIR "%s", expect);
    char *text = ogi_test_slurp(path, &elen);
    assert_non_null(raw);
    assert_non_null(text);
    /* every line, the first too, after a newline: "\n<path> " finds it */
    char *exp = malloc(elen + 2);
    assert_non_null(exp);
    exp[0] = '\n';
    memcpy(exp + 1, text, elen + 1);
    free(text);
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(a, raw, len, NULL, &r), 0);
    assert_non_null(r);
    size_t cells = 0, lines = 0;
    for (const char *p = exp + 1; *p; p++)
        lines += *p == '\n';
    ogi_cell_iter_t it = {0};
    while (ogi_report_next_cell(r, &it)) {
        char key[160], line[200];
        ogi_report_path(it.table, it.row, (long)it.col, key, sizeof(key));
        snprintf(line, sizeof(line), "\n%s ", key);
        const char *e = strstr(exp, line);
        if (!e)
            fail_msg("%s: cell %s is not in %s", file, key, expect);
        const char *v = e + strlen(line);
        if (strncmp(v, "empty\n", 6) == 0) {
            if (it.cell->state != OGI_CELL_EMPTY)
                fail_msg("%s: %s should be blank (state %d)", file, key,
                         it.cell->state);
        } else {
            double want = strtod(v, NULL), got = ogi_cell_number(it.cell);
            double tol = 1e-9 * (want < 0 ? -want : want > 1 ? want : 1);
            if (it.cell->state != OGI_CELL_NUM || want - got > tol ||
                got - want > tol)
                fail_msg("%s: %s is %g (state %d), want %g", file, key, got,
                         it.cell->state, want);
        }
        cells++;
    }
    assert_int_equal(cells, lines);
    ogi_arena_destroy(&a);
    free(raw);
    free(exp);
}

static void
report_2019_cells(void **state)
{
    (void)state;
    check_report("report_2019.gfm.md", "../box/report_2019.expect");
    check_report("../box/report_2019.html", "../box/report_2019.expect");
}

static void
report_2021_cells(void **state)
{
    (void)state;
    check_report("report_2021.gfm.md", "../box/report_2021.expect");
    check_report("../box/report_2021.html", "../box/report_2021.expect");
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(table3_spans),
        T(table4_spans),
        T(cells_have_grid_places),
        T(region_inside_table),
        T(lines_between_tables),
        T(odd_markup),
        T(cut_cells),
        T(probe_declines_other_layouts),
        T(every_prefix_reads),
        T(out_of_memory),
        T(report_2019_cells),
        T(report_2021_cells),
    };
    return cmocka_run_group_tests_name("read_html", tests, NULL, NULL);
}
