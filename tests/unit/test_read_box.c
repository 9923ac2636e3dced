/*
 * test_read_box.c - the box-drawing table reader (lib/form/read_box.c;
 * internal API, lib/form/reader_int.h): tables as `w3m -dump` draws an
 * HTML table with a border.
 *
 * Usage example, as the parser does it for a region of a report:
 *
 *     const ogi__reader_t *rd = ogi__reader_find("box");
 *     if (rd->probe(&text, l0, l1) > 0) {
 *         ogi__table_t tb;
 *         ogi__table_init(&tb, arena, &text);
 *         rc = rd->read(&tb, &text, l0, l1);   0 or OGI_ENOMEM
 *         for each row r of tb.rows:
 *             cells tb.cells[r.first .. r.first + r.count), in column
 *             order: LABEL / VALUE / BLANK where a cell starts, MERGED
 *             where a row span covers the row
 *     }
 *
 * Fixtures: tests/data/forms/box/ (README.md there): HTML pages written
 * like agency pages (the official template's row and column spans, <p>
 * and <br> inside cells, narrow columns, empty and &nbsp; cells), each
 * dumped by w3m at 80 columns (NAME.txt) and at 60 (NAME.c60.txt): the
 * rows read must be the same at both widths. The expected rows below were
 * written from the HTML, not from the reader's output.
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

#define DIR      "tests/data/forms/box/"
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
box(void)
{
    const ogi__reader_t *rd = ogi__reader_find("box");
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

/* A fixture file, decoded; *raw is malloc'd (free it). */
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

/* Reads lines [l0, l1) of t with the box reader; expects success. */
static void
read_box(ogi_arena_t *a, const ogi_text_t *t, size_t l0, size_t l1,
         ogi__table_t *tb)
{
    ogi__table_init(tb, a, t);
    assert_int_equal(box()->read(tb, t, l0, l1), 0);
}

/*
 * Row r of tb as one line: each cell as K[text] (K: L label, V value,
 * B blank, M merged), "RxC" after it when it spans rows or columns (and
 * spans is set), cells separated by one space.
 */
static void
render(const ogi__table_t *tb, size_t r, char *buf, size_t size, int spans)
{
    static const char kinds[] = "LVBMR";
    const ogi__row_t *row = &tb->rows[r];
    size_t n = 0;
    buf[0] = '\0';
    for (uint32_t i = row->first; i < row->first + row->count; i++) {
        const ogi__cell_t *c = &tb->cells[i];
        int k = snprintf(buf + n, size - n, "%s%c[%.*s]", n ? " " : "",
                         kinds[c->kind], (int)c->n, c->s);
        n += (size_t)k < size - n ? (size_t)k : size - n - 1;
        if (spans && (c->rowspan > 1 || c->colspan > 1)) {
            k = snprintf(buf + n, size - n, "%dx%d", c->rowspan, c->colspan);
            n += (size_t)k < size - n ? (size_t)k : size - n - 1;
        }
    }
}

static void
render_row(const ogi__table_t *tb, size_t r, char *buf, size_t size)
{
    render(tb, r, buf, size, 1);
}

/* Compares the rows of tb with want[0..nwant), all of them. */
static void
assert_rows(const ogi__table_t *tb, const char *const *want, size_t nwant,
            const char *what)
{
    char got[2048];
    for (size_t r = 0; r < tb->nrows && r < nwant; r++) {
        render_row(tb, r, got, sizeof(got));
        if (strcmp(got, want[r]) != 0)
            fail_msg("%s row %zu:\n  got  %s\n  want %s", what, r, got,
                     want[r]);
    }
    if (tb->nrows != nwant)
        fail_msg("%s: %zu rows, want %zu", what, tb->nrows, nwant);
}

/* Reads both dumps of a fixture and compares their rows with want. */
static void
check_fixture(ogi_arena_t *a, const char *stem, const char *const *want,
              size_t nwant)
{
    static const char *const suffix[] = {".txt", ".c60.txt"};
    for (size_t k = 0; k < 2; k++) {
        char name[128];
        snprintf(name, sizeof(name), "%s%s", stem, suffix[k]);
        char *raw;
        ogi_text_t t;
        load(a, name, &raw, &t);
        assert_true(box()->probe(&t, 0, t.nlines) >= 60);
        assert_ptr_equal(ogi__reader_pick(&t, 0, t.nlines), box());
        ogi__table_t tb;
        read_box(a, &t, 0, t.nlines, &tb);
        assert_rows(&tb, want, nwant, name);
        free(raw);
    }
}

/* ---- the official template's tables ---- */

/* Table 3 of the 2021 template: the note and 申请人情况 over three header
 * rows, 三、本年度办理结果 over 22 rows, （三）-（六） over their rows, a
 * row left blank. */
static void
table3_spans(void **state)
{
    static const char *const want[] = {
        "L[三、收到和处理政府信息公开申请情况]",
        "L[(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)]"
        "3x3 L[申请人情况]1x7",
        "M[]1x3 L[自然人]2x1 L[法人或其他组织]1x5 L[总计]2x1",
        "M[]1x3 M[] L[商业企业] L[科研机构] L[社会公益组织] L[法律服务机构] "
        "L[其他] M[]",
        "L[一、本年新收政府信息公开申请数量]1x3 V[120] V[8] V[0] V[1] V[0] "
        "V[2] V[131]",
        "L[二、上年结转政府信息公开申请数量]1x3 V[5] V[0] V[0] V[0] V[0] V[0] "
        "V[5]",
        "L[三、本年度办理结果]22x1 L[(一)予以公开]1x2 V[60] V[3] V[0] V[0] "
        "V[0] V[1] V[64]",
        "M[] L[(二)部分公开(区分处理的,只计这一情形,不计其他情形)]1x2 V[10] "
        "V[1] V[0] V[0] V[0] V[0] V[11]",
        "M[] L[(三)不予公开]8x1 L[1.属于国家秘密] V[0] V[0] V[0] V[0] V[0] "
        "V[0] V[0]",
        "M[] M[] L[2.其他法律行政法规禁止公开] V[1] V[0] V[0] V[0] V[0] V[0] "
        "V[1]",
        "M[] M[] L[3.危及\"三安全一稳定\"] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
        "M[] M[] L[4.保护第三方合法权益] V[2] V[0] V[0] V[0] V[0] V[0] V[2]",
        "M[] M[] L[5.属于三类内部事务信息] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
        "M[] M[] L[6.属于四类过程性信息] V[1] V[0] V[0] V[0] V[0] V[0] V[1]",
        "M[] M[] L[7.属于行政执法案卷] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
        "M[] M[] L[8.属于行政查询事项] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
        "M[] L[(四)无法提供]3x1 L[1.本机关不掌握相关政府信息] V[30] V[2] "
        "V[0] V[1] V[0] V[1] V[34]",
        "M[] M[] L[2.没有现成信息需要另行制作] V[3] V[0] V[0] V[0] V[0] V[0] "
        "V[3]",
        "M[] M[] L[3.补正后申请内容仍不明确] V[1] V[0] V[0] V[0] V[0] V[0] "
        "V[1]",
        "M[] L[(五)不予处理]5x1 L[1.信访举报投诉类申请] V[4] V[0] V[0] V[0] "
        "V[0] V[0] V[4]",
        "M[] M[] L[2.重复申请] V[2] V[1] V[0] V[0] V[0] V[0] V[3]",
        "M[] M[] L[3.要求提供公开出版物] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
        "M[] M[] L[4.无正当理由大量反复申请] V[0] V[0] V[0] V[0] V[0] V[0] "
        "V[0]",
        "M[] M[] L[5.要求行政机关确认或重新出具已获取信息] V[0] V[0] V[0] "
        "V[0] V[0] V[0] V[0]",
        "M[] L[(六)其他处理]3x1 "
        "L[1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请] "
        "V[1] V[0] V[0] V[0] V[0] V[0] V[1]",
        "M[] M[] "
        "L[2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公"
        "开申请] V[0] V[0] V[0] V[0] V[0] V[0] V[0]",
        "M[] M[] L[3.其他] B[] B[] B[] B[] B[] B[] B[]",
        "M[] L[(七)总计]1x2 V[115] V[7] V[0] V[1] V[0] V[2] V[125]",
        "L[四、结转下年度继续办理]1x3 V[10] V[1] V[0] V[0] V[0] V[0] V[11]",
        "L[四、政府信息公开行政复议、行政诉讼情况]",
    };
    check_fixture(*state, "t3_2021", want, NELEM(want));
}

/* Table 4: 行政复议 over 5 columns, 行政诉讼 over 10, the first five
 * headers over two rows (vertical at these widths), one blank and one
 * &nbsp; cell, a full-width digit; the table centred (indented). */
static void
table4_spans(void **state)
{
    static const char *const want[] = {
        "L[四、政府信息公开行政复议、行政诉讼情况]",
        "L[行政复议]1x5 L[行政诉讼]1x10",
        "L[结果维持]2x1 L[结果纠正]2x1 L[其他结果]2x1 L[尚未审结]2x1 "
        "L[总计]2x1 L[未经复议直接起诉]1x5 L[复议后起诉]1x5",
        "M[] M[] M[] M[] M[] L[结果维持] L[结果纠正] L[其他结果] L[尚未审结] "
        "L[总计] L[结果维持] L[结果纠正] L[其他结果] L[尚未审结] L[总计]",
        "V[3] V[1] V[0] B[] V[4] V[2] B[] V[0] V[1] V[3] V[0] V[0] V[1] "
        "V[0] V[1]",
        "L[五、存在的主要问题及改进情况]",
    };
    check_fixture(*state, "t4", want, NELEM(want));
}

/* Table 2 of 2021 as one table: each item a caption row over the four
 * columns, one value cell over three columns, a header split over two
 * <p>s, a thousands separator, an &nbsp; cell. */
static void
table2_one_table(void **state)
{
    static const char *const want[] = {
        "L[二、主动公开政府信息情况]",
        "L[第二十条第(一)项]1x4",
        "L[信息内容] L[本年制发件数] L[本年废止件数] L[现行有效件数]",
        "L[规章] V[0] V[0] V[3]",
        "L[行政规范性文件] V[12] V[2] V[47]",
        "L[第二十条第(五)项]1x4",
        "L[信息内容] L[本年处理决定数量]1x3",
        "L[行政许可] V[1,286]1x3",
        "L[第二十条第(六)项]1x4",
        "L[信息内容] L[本年处理决定数量]1x3",
        "L[行政处罚] V[315]1x3",
        "L[行政强制] B[]1x3",
        "L[第二十条第(八)项]1x4",
        "L[信息内容] L[本年收费金额(单位:万元)]1x3",
        "L[行政事业性收费] V[12.58]1x3",
    };
    check_fixture(*state, "t2_2021", want, NELEM(want));
}

/* Table 2 of 2019 as one table per item: captions outside the tables or
 * in a row of their own, a note between two tables, three tables with no
 * line between them, headers wrapped by <br> in narrow columns, column
 * spans that differ between the header and the rows. */
static void
table2_per_item(void **state)
{
    static const char *const want[] = {
        "L[二、主动公开政府信息情况]",
        "L[第二十条第(一)项]",
        "L[信息内容] L[本年新制作数量] L[本年新公开数量] L[对外公开总数量]",
        "L[规章] V[0] V[0] V[0]",
        "L[规范性文件] V[5] V[5] V[36]",
        "L[第二十条第(五)项]",
        /* the 2019 上海 report's drift: 上一年项目数量 over two columns in
         * the header, the row labels over two in the rows */
        "L[信息内容] L[上一年项目数量]1x2 L[本年增/减] L[处理决定数量]",
        "L[行政许可] V[120] V[减 3] V[4563]",
        "L[其他对外管理服务事项] V[8] V[+2] V[97]",
        "L[注:本年增/减一栏以上一年项目数量为基数。]",
        /* the column spans are counted per table: (八) and (九) have
         * three columns, not the four of (六) above them */
        "L[第二十条第(六)项]1x4",
        "L[信息内容] L[上一年项目数量] L[本年增/减] L[处理决定数量]",
        "L[行政处罚] V[64] V[0] V[211]",
        "L[行政强制] V[2] V[-1] V[9]",
        "L[第二十条第(八)项]1x3",
        "L[信息内容] L[上一年项目数量] L[本年增/减]",
        "L[行政事业性收费] V[3] V[0]",
        "L[第二十条第(九)项]1x3",
        "L[信息内容] L[采购项目数量] L[采购总金额]",
        "L[政府集中采购] V[14] V[9184322.81元]",
    };
    check_fixture(*state, "t2_2019", want, NELEM(want));
}

/* Cells carry their grid place: row and column of the table, spans. */
static void
cells_have_grid_places(void **state)
{
    char *raw;
    ogi_text_t t;
    load(*state, "t3_2021.txt", &raw, &t);
    ogi__table_t tb;
    read_box(*state, &t, 0, t.nlines, &tb);
    int seen = 0;
    for (size_t i = 0; i < tb.ncells; i++) {
        const ogi__cell_t *c = &tb.cells[i];
        if (c->kind == OGI__CELL_LABEL && c->n == strlen("(三)不予公开") &&
            memcmp(c->s, "(三)不予公开", c->n) == 0) {
            /* grid row 7 (3 header rows, 一, 二, (一), (二)), column 1 */
            assert_int_equal(c->row, 7);
            assert_int_equal(c->col, 1);
            assert_int_equal(c->rowspan, 8);
            assert_int_equal(c->colspan, 1);
            /* its span in the text covers its first and last line */
            assert_non_null(ogi_text_find(t.s + c->off, c->len, "(三)不"));
            assert_non_null(ogi_text_find(t.s + c->off, c->len, "予公开"));
            seen = 1;
        }
        if (c->kind == OGI__CELL_VALUE && c->n == 3 &&
            memcmp(c->s, "125", 3) == 0) {
            assert_int_equal(c->col, 9); /* the 总计 column */
            assert_int_equal(c->num.value, 125);
            assert_int_equal(memcmp(t.s + c->off, "125", 3), 0);
        }
    }
    assert_true(seen);
    free(raw);
}

/* ---- regions ---- */

/* The parser's region may start on an anchor row inside a table (the
 * line of 申请人情况), with the table's top above it: the rows from there
 * on read as in the whole table. */
static void
region_starts_inside_table(void **state)
{
    char *raw;
    ogi_text_t t;
    load(*state, "t3_2021.txt", &raw, &t);
    ogi__table_t whole, part;
    read_box(*state, &t, 0, t.nlines, &whole);
    /* the first line of the first data row's band */
    size_t l0 = whole.rows[4].line;
    assert_true(strstr(t.s + t.lines[l0].start, "一、本年新收") != NULL);
    assert_true(box()->probe(&t, l0, t.nlines) >= 60);
    read_box(*state, &t, l0, t.nlines, &part);
    assert_int_equal(part.nrows, whole.nrows - 4);
    char a[2048], b[2048];
    for (size_t r = 0; r < part.nrows; r++) {
        render_row(&whole, r + 4, a, sizeof(a));
        render_row(&part, r, b, sizeof(b));
        assert_string_equal(b, a);
    }
    /* inside the band of the note cell: cut cells, no crash, then rows */
    size_t mid = whole.rows[1].line + 2;
    read_box(*state, &t, mid, t.nlines, &part);
    assert_true(part.nrows >= whole.nrows - 3);
    free(raw);
}

/* A region that ends inside a table reads the rows above the cut (their
 * spans counted on the rows it holds). */
static void
region_ends_inside_table(void **state)
{
    char *raw;
    ogi_text_t t;
    load(*state, "t4.txt", &raw, &t);
    ogi__table_t whole, part;
    read_box(*state, &t, 0, t.nlines, &whole);
    read_box(*state, &t, 0, whole.rows[3].line, &part);
    char a[2048], b[2048];
    for (size_t r = 0; r < 2; r++) {
        render(&whole, r, a, sizeof(a), 0);
        render(&part, r, b, sizeof(b), 0);
        assert_string_equal(b, a);
    }
    free(raw);
}

/* ---- probe ---- */

static void
probe_declines_other_layouts(void **state)
{
    static const char *const texts[] = {
        /* narrative */
        "一、总体情况\n2021年，我区主动公开政府信息1286条。\n",
        /* a Markdown pipe table */
        "| 信息内容 | 本年制发件数 |\n| --- | --- |\n| 规章 | 0 |\n",
        /* a pandoc grid */
        "+------+----+\n| 规章 | 0  |\n+------+----+\n| 许可 | 3  |\n",
        /* w3m's <hr>, twice: rules, no table */
        "────────────\n正文\n────────────\n",
        /* one box line alone */
        "│ 规章 │ 0 │\n说明文字\n说明文字\n说明文字\n",
        "",
    };
    for (size_t i = 0; i < NELEM(texts); i++) {
        ogi_text_t t;
        decode(*state, texts[i], strlen(texts[i]), &t);
        assert_int_equal(box()->probe(&t, 0, t.nlines), 0);
    }
    /* a table among paragraphs is still read as one */
    const char *mixed = "说明一\n说明二\n说明三\n说明四\n说明五\n说明六\n"
                        "┌──┬─┐\n│规章│0│\n└──┴─┘\n";
    ogi_text_t t;
    decode(*state, mixed, strlen(mixed), &t);
    assert_true(box()->probe(&t, 0, t.nlines) > OGI__PROBE_FALLBACK);
}

/* ---- text: widths, joins, odd drawings ---- */

/* Reads a literal with the box reader and compares its rows. */
static void
check_text(void **state, const char *text, const char *const *want,
           size_t nwant)
{
    ogi_text_t t;
    decode(*state, text, strlen(text), &t);
    ogi__table_t tb;
    read_box(*state, &t, 0, t.nlines, &tb);
    assert_rows(&tb, want, nwant, text);
}

/* Columns are display columns of the raw text: a full-width "（" is two
 * columns though normalised to "(", an ideograph two, “ one. */
static void
widths_from_raw_characters(void **state)
{
    static const char text[] = "┌──────┬──┬────┐\n"
                               "│（一）│１│“a”│\n"
                               "├──────┼──┼────┤\n"
                               "│规章  │ 2│  3 │\n"
                               "└──────┴──┴────┘\n";
    static const char *const want[] = {
        "L[(一)] V[1] L[\"a\"]",
        "L[规章] V[2] V[3]",
    };
    check_text(state, text, want, NELEM(want));
}

/* w3m reading a GBK page prints — and “ ” as GBK's two-column glyphs
 * (gbk_dash.txt: w3m -dump -O UTF-8 of gbk_dash.html): the lines holding
 * them are read with those characters wide, so their walls meet the
 * rules' junctions and no cell takes its neighbour's wall. */
static void
wide_dashes_of_a_gbk_page(void **state)
{
    char *raw;
    ogi_text_t t;
    load(*state, "gbk_dash.txt", &raw, &t);
    ogi__table_t tb;
    read_box(*state, &t, 0, t.nlines, &tb);
    static const char *const want[] = {
        "L[信息内容] L[本年制发件数] L[本年废止件数] L[现行有效件数]",
        "L[规章] V[-] V[-] V[0]",
        "L[行政规范性文件] V[2] V[-] V[32]",
        "L[3.危及\"三安全一稳定\"] V[0] V[-] V[5]",
    };
    assert_rows(&tb, want, NELEM(want), "gbk_dash.txt");
    free(raw);
}

/* Wrapped lines join without a space, except two ASCII words; vertical
 * text (one character a line) joins into the word. */
static void
lines_of_a_cell_join(void **state)
{
    static const char text[] = "┌─────┬──┬──┐\n"
                               "│Total│自│合│\n"
                               "│sum  │然│计│\n"
                               "│     │人│  │\n"
                               "├─────┼──┼──┤\n"
                               "│减   │12│5 │\n"
                               "│22   │  │  │\n"
                               "└─────┴──┴──┘\n";
    static const char *const want[] = {
        "L[Total sum] L[自然人] L[合计]",
        "V[减22] V[12] V[5]",
    };
    check_text(state, text, want, NELEM(want));
}

/* Heavy and double borders (border="2"), and a cell spanning rows where
 * the rule beside it runs on its text's line. */
static void
heavy_borders_and_partial_rules(void **state)
{
    static const char text[] = "┏━━━━━┯━┯━━┓\n"
                               "┃行政 │a│12┃\n"
                               "┃许可 ├─┴──┨\n"
                               "┃     │合并┃\n"
                               "┠─────┼─┬──┨\n"
                               "┃x    │ │3 ┃\n"
                               "┗━━━━━┷━┷━━┛\n"
                               "╔══╦══╗\n"
                               "║甲║乙║\n"
                               "╚══╩══╝\n";
    static const char *const want[] = {
        "L[行政许可]2x1 L[a] V[12]",
        "M[] L[合并]1x2",
        "L[x] B[] V[3]",
        "L[甲] L[乙]",
    };
    check_text(state, text, want, NELEM(want));
}

/* Drawings w3m would not make: no right border, ragged lines, a wall with
 * a gap, stray box characters in text. Read without a crash; what is
 * walled in is read, what lies right of a line's last wall is not. */
static void
odd_drawings(void **state)
{
    static const char *const texts[] = {
        "┌──┬──\n│规章│0\n├──┼──\n│许可│3\n",
        "┌──┬──┐\n│规章│0 │ 多余文字\n│许可\n└──┴──┘\n",
        "┌──┬──┐\n│规章  0 │\n├──  ──┤\n│许│3 │\n└──┴──┘\n",
        "│\n│\n│\n",
        "┼┼┼┼\n┼ ┼┼\n┼┼ ┼\n",
        "│ a │ b\n└\n┌\n│ c\n",
        "   │\t│\n   ├─┤\n",
    };
    for (size_t i = 0; i < NELEM(texts); i++) {
        ogi_text_t t;
        decode(*state, texts[i], strlen(texts[i]), &t);
        ogi__table_t tb;
        read_box(*state, &t, 0, t.nlines, &tb);
        for (size_t k = 0; k < tb.ncells; k++) {
            const ogi__cell_t *c = &tb.cells[k];
            assert_true(c->off + c->len <= t.len);
            if (c->kind == OGI__CELL_LABEL || c->kind == OGI__CELL_VALUE)
                assert_true(c->n > 0);
        }
    }
    static const char *const want[] = {"L[规章]", "L[许可]"};
    check_text(state, texts[0], want, NELEM(want));
    /* a rule with a gap joins the cells above and below it into one */
    static const char *const gap[] = {"L[规章  0 3]2x1", "M[] L[许]"};
    check_text(state, texts[2], gap, NELEM(gap));
}

/* A report cut anywhere: every prefix of a dump reads without a crash. */
static void
every_prefix_reads(void **state)
{
    char *raw;
    ogi_text_t t;
    load(*state, "t3_2021.c60.txt", &raw, &t);
    size_t len = strlen(raw);
    for (size_t n = 0; n < len; n += 5) {
        while (n < len && ((unsigned char)raw[n] & 0xC0) == 0x80)
            n++; /* a character boundary: the text must decode */
        ogi_arena_reset(*state);
        ogi_text_t u;
        decode(*state, raw, n, &u);
        ogi__table_t tb;
        (void)box()->probe(&u, 0, u.nlines);
        read_box(*state, &u, 0, u.nlines, &tb);
    }
    free(raw);
}

/* Out of memory at every allocation: OGI_ENOMEM, never a crash. */
static void
out_of_memory(void **state)
{
    char *raw;
    ogi_text_t t;
    load(*state, "t2_2019.txt", &raw, &t);
    int rc = -1, failures = 0;
    for (long n = 0; n < 500; n++) {
        ogi_arena_t *a = ogi_arena_new(0);
        assert_non_null(a);
        ogi__table_t tb;
        ogi__table_init(&tb, a, &t);
        ogi_alloc_fail_after(n);
        rc = box()->read(&tb, &t, 0, t.nlines);
        ogi_alloc_fail_after(-1);
        ogi_arena_destroy(&a);
        if (rc == 0)
            break;
        assert_int_equal(rc, OGI_ENOMEM);
        failures++;
    }
    assert_int_equal(rc, 0);
    assert_true(failures >= 5);
    free(raw);
}

/* ---- whole reports ---- */

/*
 * Parses a report dump and compares every cell of its tables with NAME.expect
 * ("<path> <number>" or "<path> empty" a line, every cell of the format).
 */
static void
check_report(const char *dump, const char *expect)
{
    char path[256];
    size_t len, elen;
    snprintf(path, sizeof(path), DIR "%s", dump);
    char *raw = ogi_test_slurp(path, &len);
    snprintf(path, sizeof(path), DIR "%s", expect);
    char *file = ogi_test_slurp(path, &elen);
    assert_non_null(raw);
    assert_non_null(file);
    /* every line, the first too, after a newline: "\n<path> " finds it */
    char *exp = malloc(elen + 2);
    assert_non_null(exp);
    exp[0] = '\n';
    memcpy(exp + 1, file, elen + 1);
    free(file);
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
            fail_msg("%s: cell %s is not in %s", dump, key, expect);
        const char *v = e + strlen(line);
        if (strncmp(v, "empty\n", 6) == 0) {
            if (it.cell->state != OGI_CELL_EMPTY)
                fail_msg("%s: %s should be blank (state %d)", dump, key,
                         it.cell->state);
        } else {
            double want = strtod(v, NULL), got = ogi_cell_number(it.cell);
            double tol = 1e-9 * (want < 0 ? -want : want > 1 ? want : 1);
            if (it.cell->state != OGI_CELL_NUM || want - got > tol ||
                got - want > tol)
                fail_msg("%s: %s is %g (state %d), want %g", dump, key, got,
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
    check_report("report_2019.txt", "report_2019.expect");
    check_report("report_2019.c60.txt", "report_2019.expect");
}

static void
report_2021_cells(void **state)
{
    (void)state;
    check_report("report_2021.txt", "report_2021.expect");
    check_report("report_2021.c60.txt", "report_2021.expect");
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(table3_spans),
        T(table4_spans),
        T(table2_one_table),
        T(table2_per_item),
        T(cells_have_grid_places),
        T(region_starts_inside_table),
        T(region_ends_inside_table),
        T(probe_declines_other_layouts),
        T(widths_from_raw_characters),
        T(wide_dashes_of_a_gbk_page),
        T(lines_of_a_cell_join),
        T(heavy_borders_and_partial_rules),
        T(odd_drawings),
        T(every_prefix_reads),
        T(out_of_memory),
        T(report_2019_cells),
        T(report_2021_cells),
    };
    return cmocka_run_group_tests_name("read_box", tests, NULL, NULL);
}
