/*
 * test_form_pdf.c - a PDF page's lines rebuilt from glyph boxes, and the
 * page furniture left out (lib/form/pdf_lines.c; internal API,
 * lib/form/pdf_lines_int.h). Pure functions: the glyphs are made here,
 * as poppler would give them (one box per character, y down).
 *
 * Usage example, as lib/form/form_pdf.c does it:
 *
 *     ogi__pdf_page_t pages[n];
 *     for each page p: ogi__pdf_page_lines(arena, glyphs, ng, height,
 *                                          &pages[p]);
 *     ogi__pdf_drop_furniture(pages, n);
 *     ogi__pdf_write_pages(&buf, pages, n);   the view's text
 *
 * Tables (lib/form/pdf_table.c) are found in page pictures drawn here:
 * rules as lines of dark pixels, a glyph's strokes inside its box.
 *
 * The expected lines are worked out from the grid rule (one column per
 * glyph; a gap of a grid step or more goes to the glyph's own column, at
 * least two spaces on), not copied from the code's output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "form_int.h"
#include "ogi/arena.h"
#include "ogi/error.h"
#include "pdf_lines_int.h"
#include "pdf_table_int.h"

#define MAXG 512

typedef struct {
    ogi__pdf_glyph_t g[MAXG];
    size_t n;
} glyphs_t;

/* Puts the UTF-8 string s at x, top y: wide glyphs 10 points wide,
 * others 5, all 10 high; a space only moves x on (5 points) and marks
 * the next glyph, as poppler's text has it. Returns x after s. */
static float
put(glyphs_t *gs, const char *s, float x, float y)
{
    const unsigned char *p = (const unsigned char *)s;
    int blank = 0;
    while (*p) {
        uint32_t c;
        if (*p < 0x80)
            c = *p++;
        else if (*p < 0xE0) {
            c = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
            p += 2;
        } else {
            c = (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 |
                (p[2] & 0x3F);
            p += 3;
        }
        float w = c >= 0x2E80 ? 10 : 5;
        if (c == ' ') {
            x += w;
            blank = 1;
            continue;
        }
        assert_true(gs->n < MAXG);
        ogi__pdf_glyph_t *g = &gs->g[gs->n++];
        g->cp = c;
        g->x0 = x;
        g->x1 = x + w;
        g->y0 = y;
        g->y1 = y + 10;
        g->space_before = blank;
        blank = 0;
        x += w;
    }
    return x;
}

static int
setup(void **state)
{
    *state = ogi_arena_new(0);
    return *state ? 0 : -1;
}

static int
teardown(void **state)
{
    ogi_arena_t *a = *state;
    ogi_arena_destroy(&a);
    return 0;
}

static void
lay(void **state, glyphs_t *gs, ogi__pdf_page_t *pg)
{
    assert_int_equal(
        ogi__pdf_page_lines(*state, gs->g, gs->n, 842, NULL, 0, pg), 0);
}

static void
assert_line(const ogi__pdf_page_t *pg, size_t l, const char *want)
{
    assert_true(l < pg->n);
    assert_string_equal(pg->lines[l].s, want);
    assert_int_equal(pg->lines[l].len, strlen(want));
}

/* a label and two values: the values go to their grid columns */
static void
cells_on_the_grid(void **state)
{
    glyphs_t gs = {.n = 0};
    put(&gs, "规章", 0, 100);
    put(&gs, "0", 100, 100); /* column 10: 8 spaces after two glyphs */
    put(&gs, "0", 150, 100); /* column 15: 4 spaces after column 11 */
    ogi__pdf_page_t pg;
    lay(state, &gs, &pg);
    assert_int_equal(pg.n, 1);
    assert_line(&pg, 0, "规章        0    0");
}

/* gaps: touching glyphs join, a narrow gap is one space, a wide gap at
 * least two even where the grid column is already taken */
static void
gaps_give_spaces(void **state)
{
    glyphs_t gs = {.n = 0};
    float x = put(&gs, "ab", 0, 100); /* x = 10 */
    x = put(&gs, "c", x + 1, 100);    /* gap 1 < 2.5: joined */
    x = put(&gs, "d", x + 5, 100);    /* gap 5 < 10: one space */
    put(&gs, "e", x + 12, 100);       /* gap 12: own column, 2+ */
    put(&gs, "信息", 0, 200);         /* sets the grid step (10) */
    ogi__pdf_page_t pg;
    lay(state, &gs, &pg);
    assert_int_equal(pg.n, 2);
    /* "e" at x 33: column 3 (rounded 3.3), taken: two spaces */
    assert_line(&pg, 0, "abc d  e");
    assert_line(&pg, 1, "信息");
}

/* the PDF's own blank is kept even where the boxes touch */
static void
blank_kept(void **state)
{
    glyphs_t gs = {.n = 0};
    put(&gs, "第", 0, 100);
    gs.g[gs.n] = (ogi__pdf_glyph_t){'7', 10, 100, 15, 110, 1};
    gs.n++;
    gs.g[gs.n] = (ogi__pdf_glyph_t){0x53F7 /* 号 */, 15, 100, 25, 110, 1};
    gs.n++;
    ogi__pdf_page_t pg;
    lay(state, &gs, &pg);
    assert_line(&pg, 0, "第 7 号");
}

/* lines by vertical overlap, whatever the glyphs' order; a glyph a bit
 * off the line's middle stays in it, one half a line down does not */
static void
lines_by_overlap(void **state)
{
    glyphs_t gs = {.n = 0};
    put(&gs, "二", 0, 130);
    put(&gs, "一", 0, 100);
    put(&gs, "9", 100, 115);    /* between the two lines: a line of its own */
    put(&gs, "甲", 15, 101.5f); /* gap 5: one space */
    put(&gs, "乙", 15, 131);
    ogi__pdf_page_t pg;
    lay(state, &gs, &pg);
    assert_int_equal(pg.n, 3);
    assert_line(&pg, 0, "一 甲");
    assert_line(&pg, 1, "          9");
    assert_line(&pg, 2, "二 乙");
    assert_true(pg.lines[0].y0 <= 100 && pg.lines[0].y1 >= 111);
}

/* a glyph drawn twice over itself (fake bold) is written once; blank and
 * broken boxes are left out */
static void
doubled_and_broken_glyphs(void **state)
{
    glyphs_t gs = {.n = 0};
    put(&gs, "表", 0, 100);
    put(&gs, "表", 0.5f, 100);
    put(&gs, "格", 10.5f, 100);
    gs.g[gs.n++] = (ogi__pdf_glyph_t){'x', NAN, 100, 5, 110, 0};
    gs.g[gs.n++] = (ogi__pdf_glyph_t){'y', 0, 300, 5, 300, 0}; /* no height */
    gs.g[gs.n++] = (ogi__pdf_glyph_t){0x3000, 0, 400, 10, 410, 0};
    gs.g[gs.n++] = (ogi__pdf_glyph_t){'z', 1e30f, 500, 1e30f, 510, 0};
    ogi__pdf_page_t pg;
    lay(state, &gs, &pg);
    assert_int_equal(pg.n, 2);
    assert_line(&pg, 0, "表格");
    /* a box far off the page: spaces stop at the line's bound */
    assert_true(pg.lines[1].len <= 1001);
    assert_int_equal(pg.lines[1].s[pg.lines[1].len - 1], 'z');
}

static void
empty_page(void **state)
{
    glyphs_t gs = {.n = 0};
    put(&gs, "   ", 0, 100);
    ogi__pdf_page_t pg;
    lay(state, &gs, &pg);
    assert_int_equal(pg.n, 0);
    assert_int_equal(ogi__pdf_page_lines(*state, NULL, 0, 842, NULL, 0, &pg),
                     0);
    assert_int_equal(pg.n, 0);
}

/* a wide vertical gap gives a blank line in the view, not more than one */
static void
blank_lines(void **state)
{
    glyphs_t gs = {.n = 0};
    put(&gs, "甲", 0, 100);
    put(&gs, "乙", 0, 112);
    put(&gs, "丙", 0, 200);
    ogi__pdf_page_t pg;
    lay(state, &gs, &pg);
    assert_int_equal(pg.n, 3);
    assert_false(pg.lines[1].blank_before);
    assert_true(pg.lines[2].blank_before);
    ogi__view_buf_t b;
    ogi__view_buf_init(&b, *state);
    ogi__pdf_write_pages(&b, &pg, 1);
    const char *s;
    size_t n;
    assert_int_equal(ogi__view_buf_finish(&b, &s, &n), 0);
    assert_string_equal(s, "甲\n乙\n\n丙\n");
}

static void
page_numbers(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        long num;
    } yes[] = {
        {"-3-", 3},
        {"- 3 -", 3},
        {"— 12 —", 12},
        {"第 3 页", 3},
        {"第3页 共9页", 3},
        {"第 3 页 / 共 9 页", 3},
        {"共 9 页 第 4 页", 4},
        {"3 / 9", 3},
        {"３／９", 3},
        {"Page 2 of 5", 2},
        {"－５－", 5},
    };
    static const char *const no[] = {
        "3",
        "95",
        "2024年",
        "一、总体情况",
        "3 0 0 0",
        "第二十条第（一）项",
        "-",
        "",
        "行政许可  9487",
        "1/2/3",
    };
    for (size_t i = 0; i < sizeof(yes) / sizeof(*yes); i++) {
        long v = -1;
        if (!ogi__pdf_is_page_number(yes[i].s, strlen(yes[i].s), &v))
            fail_msg("not a page number: \"%s\"", yes[i].s);
        assert_int_equal(v, yes[i].num);
    }
    for (size_t i = 0; i < sizeof(no) / sizeof(*no); i++) {
        long v;
        if (ogi__pdf_is_page_number(no[i], strlen(no[i]), &v))
            fail_msg("a page number: \"%s\"", no[i]);
    }
}

/* a page of n lines: a running header, body, a footer */
static void
make_page(void **state, ogi__pdf_page_t *pg, const char *header,
          const char *const *body, size_t nbody, const char *footer)
{
    glyphs_t gs = {.n = 0};
    if (header)
        put(&gs, header, 50, 30);
    for (size_t i = 0; i < nbody; i++)
        put(&gs, body[i], 50, 100 + 20 * (float)i);
    if (footer)
        put(&gs, footer, 280, 800);
    lay(state, &gs, pg);
}

static const char *
view_of(void **state, ogi__pdf_page_t *pages, size_t n)
{
    const char **out = ogi_arena_alloc(*state, sizeof(*out));
    assert_non_null(out);
    ogi__pdf_drop_furniture(pages, n);
    ogi__view_buf_t b;
    ogi__view_buf_init(&b, *state);
    ogi__pdf_write_pages(&b, pages, n);
    size_t len;
    assert_int_equal(ogi__view_buf_finish(&b, out, &len), 0);
    return *out;
}

/* headers repeated on every page and "- N -" footers go; the body stays,
 * a table's header repeated mid-page included */
static void
furniture_dropped(void **state)
{
    const char *p1[] = {"正文一", "信息内容  数量"};
    const char *p2[] = {"正文二", "信息内容  数量"};
    const char *p3[] = {"正文三"};
    ogi__pdf_page_t pg[3];
    make_page(state, &pg[0], "某区人民政府公报", p1, 2, "- 1 -");
    make_page(state, &pg[1], "某区人民政府公报", p2, 2, "- 2 -");
    make_page(state, &pg[2], "某区人民政府公报", p3, 1, "第 3 页 共 3 页");
    const char *s = view_of(state, pg, 3);
    assert_non_null(strstr(s, "正文一"));
    assert_non_null(strstr(s, "正文三"));
    assert_null(strstr(s, "公报"));
    assert_null(strstr(s, "- 1 -"));
    assert_null(strstr(s, "页"));
    assert_non_null(strstr(s, "信息内容"));
    const char *two = strstr(s, "正文二");
    assert_non_null(two);
    assert_non_null(strstr(two, "信息内容"));
}

/* lone numbers at the foot that count the pages go; a lone value at the
 * foot that does not count them stays */
static void
lone_numbers(void **state)
{
    const char *body[] = {"正文"};
    ogi__pdf_page_t pg[3];
    make_page(state, &pg[0], NULL, body, 1, "1");
    make_page(state, &pg[1], NULL, body, 1, "2");
    make_page(state, &pg[2], NULL, body, 1, "3");
    assert_string_equal(view_of(state, pg, 3), "正文\n正文\n正文\n");

    make_page(state, &pg[0], NULL, body, 1, "95");
    make_page(state, &pg[1], NULL, body, 1, "0");
    const char *s = view_of(state, pg, 2);
    assert_non_null(strstr(s, "95"));
    assert_non_null(strstr(s, "0\n"));
}

/* a one-page document keeps a header line: nothing repeats */
static void
one_page_keeps_header(void **state)
{
    const char *body[] = {"正文"};
    ogi__pdf_page_t pg;
    make_page(state, &pg, "某区人民政府", body, 1, "- 1 -");
    const char *s = view_of(state, &pg, 1);
    assert_non_null(strstr(s, "某区人民政府"));
    assert_null(strstr(s, "- 1 -"));
}

/* ---- ruled tables ---- */

#define PW 200
#define PH 120

typedef struct {
    unsigned char px[PW * PH];
} pic_t;

static void
hline(pic_t *p, int y, int x0, int x1)
{
    for (int x = x0; x <= x1; x++)
        p->px[y * PW + x] = 1;
}

static void
vline(pic_t *p, int x, int y0, int y1)
{
    for (int y = y0; y <= y1; y++)
        p->px[y * PW + x] = 1;
}

static ogi__pdf_table_t *
one_table(void **state, const pic_t *p, const ogi__pdf_box_t *box, size_t nbox)
{
    ogi__pdf_table_t *t;
    size_t n;
    assert_int_equal(
        ogi__pdf_find_tables(*state, p->px, PW, PH, 1, box, nbox, &t, &n), 0);
    assert_int_equal(n, 1);
    return t;
}

/* a 2 x 2 grid: its lines where the rules are, four cells */
static void
table_grid(void **state)
{
    static pic_t p;
    memset(&p, 0, sizeof(p));
    for (int y = 10; y <= 90; y += 40)
        hline(&p, y, 10, 190);
    for (int x = 10; x <= 190; x += 90)
        vline(&p, x, 10, 90);
    ogi__pdf_table_t *t = one_table(state, &p, NULL, 0);
    assert_int_equal(t->ncols, 2);
    assert_int_equal(t->nrows, 2);
    assert_true(fabsf(t->xs[1] - 100.5f) < 1 && fabsf(t->ys[2] - 90.5f) < 1);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(t->owner[i], i);
        assert_int_equal(t->rowspan[i], 1);
        assert_int_equal(t->colspan[i], 1);
    }
    assert_int_equal(ogi__pdf_table_slot(t, 150, 70), 3);
    assert_int_equal(ogi__pdf_table_slot(t, 50, 20), 0);
    assert_int_equal(ogi__pdf_table_slot(t, 5, 20), -1);
    assert_int_equal(ogi__pdf_table_slot(t, 50, 100), -1);
}

/* a missing rule merges: the top row one cell across, the left column
 * one cell down the two rows below it */
static void
table_spans(void **state)
{
    static pic_t p;
    memset(&p, 0, sizeof(p));
    hline(&p, 10, 10, 190);
    hline(&p, 40, 10, 190);
    hline(&p, 70, 100, 190); /* not across the left column */
    hline(&p, 100, 10, 190);
    vline(&p, 10, 10, 100);
    vline(&p, 190, 10, 100);
    vline(&p, 100, 40, 100); /* not in the top row */
    ogi__pdf_table_t *t = one_table(state, &p, NULL, 0);
    assert_int_equal(t->ncols, 2);
    assert_int_equal(t->nrows, 3);
    assert_int_equal(t->colspan[0], 2);
    assert_int_equal(t->owner[1], 0);
    assert_int_equal(t->rowspan[2], 2);
    assert_int_equal(t->owner[4], 2);
    assert_int_equal(t->rowspan[3], 1);
    assert_int_equal(t->owner[5], 5);
}

/* a table without its outer side rules is bounded by its rules' ends */
static void
table_open_sides(void **state)
{
    static pic_t p;
    memset(&p, 0, sizeof(p));
    for (int y = 10; y <= 90; y += 40)
        hline(&p, y, 10, 190);
    vline(&p, 60, 10, 90);
    vline(&p, 120, 10, 90);
    ogi__pdf_table_t *t = one_table(state, &p, NULL, 0);
    assert_int_equal(t->ncols, 3);
    assert_true(t->xs[0] < 12 && t->xs[3] > 189);
}

/* a table wider than the page: its rules run to the picture's edge and
 * its last upright rule stands 5 points before it. A glyph past that
 * rule (总 of a 总计 the edge cut) is a column of its own, not more text
 * of the column before; without such a glyph the sliver is no column */
static void
table_cut_at_edge(void **state)
{
    static pic_t p;
    memset(&p, 0, sizeof(p));
    for (int y = 10; y <= 90; y += 40)
        hline(&p, y, 10, PW - 1);
    for (int x = 10; x <= 194; x += 92)
        vline(&p, x, 10, 90);
    ogi__pdf_table_t *t = one_table(state, &p, NULL, 0);
    assert_int_equal(t->ncols, 2);
    ogi__pdf_box_t cut = {196, 60, 199, 70};
    t = one_table(state, &p, &cut, 1);
    assert_int_equal(t->ncols, 3);
    assert_int_equal(ogi__pdf_table_slot(t, 197, 65), 5);
    assert_int_equal(ogi__pdf_table_slot(t, 150, 65), 4);
    /* a glyph past the edge itself still falls in the last column */
    assert_int_equal(ogi__pdf_table_slot(t, 230, 65), 5);
}

/* no table: a glyph's strokes (田 inside its box), a filled block, a
 * lone frame of one cell, rules too short */
static void
not_tables(void **state)
{
    static pic_t p;
    ogi__pdf_table_t *t;
    size_t n;
    memset(&p, 0, sizeof(p));
    for (int k = 0; k < 3; k++) {
        hline(&p, 20 + 8 * k, 20, 36);
        vline(&p, 20 + 8 * k, 20, 36);
    }
    ogi__pdf_box_t box = {19, 18, 38, 38};
    assert_int_equal(
        ogi__pdf_find_tables(*state, p.px, PW, PH, 1, &box, 1, &t, &n), 0);
    assert_int_equal(n, 0);
    /* the same strokes with no glyph there are a small table */
    assert_int_equal(
        ogi__pdf_find_tables(*state, p.px, PW, PH, 1, NULL, 0, &t, &n), 0);
    assert_int_equal(n, 1);

    memset(&p, 0, sizeof(p));
    for (int y = 20; y < 80; y++)
        hline(&p, y, 20, 100);
    hline(&p, 100, 10, 190); /* a frame of one cell */
    hline(&p, 115, 10, 190);
    vline(&p, 10, 100, 115);
    vline(&p, 190, 100, 115);
    for (int k = 0; k < 4; k++) /* short ticks */
        hline(&p, 5 + 2 * k, 150, 158);
    assert_int_equal(
        ogi__pdf_find_tables(*state, p.px, PW, PH, 1, NULL, 0, &t, &n), 0);
    assert_int_equal(n, 0);
    assert_int_equal(
        ogi__pdf_find_tables(*state, p.px, 0, 0, 1, NULL, 0, &t, &n), 0);
    assert_int_equal(n, 0);
}

/* glyphs inside a table go to its cells: the page gets the table as
 * markup among its text lines, by its top; wrapped CJK text and a wrapped
 * number are joined whole (the number to its unit too), other lines of a
 * cell are kept apart (<br>) */
static void
table_markup(void **state)
{
    static pic_t p;
    memset(&p, 0, sizeof(p));
    hline(&p, 10, 10, 190);
    hline(&p, 40, 10, 190);
    hline(&p, 100, 10, 190);
    vline(&p, 10, 10, 100);
    vline(&p, 190, 10, 100);
    vline(&p, 100, 40, 100);
    ogi__pdf_table_t *t = one_table(state, &p, NULL, 0);
    glyphs_t gs = {.n = 0};
    put(&gs, "标题", 0, 0);     /* above the table */
    put(&gs, "表<头>", 40, 20); /* the top cell */
    put(&gs, "行政许", 20, 50); /* a label over three lines */
    put(&gs, "可", 20, 62);
    put(&gs, "(A)", 20, 74);
    put(&gs, "82", 120, 50);   /* a number wrapped */
    put(&gs, "8 元", 120, 62); /* its unit after a blank */
    put(&gs, "正文", 0, 110);  /* below */
    ogi__pdf_page_t pg;
    assert_int_equal(ogi__pdf_page_lines(*state, gs.g, gs.n, 842, t, 1, &pg),
                     0);
    assert_int_equal(pg.n, 3);
    assert_line(&pg, 0, "标题");
    assert_ptr_equal(pg.lines[1].table, t);
    assert_line(&pg, 1,
                "<tr><td colspan=\"2\">表&lt;头&gt;</td></tr>\n"
                "<tr><td>行政许可<br>(A)</td><td>828元</td></tr>");
    assert_line(&pg, 2, "正文");
    ogi__view_buf_t b;
    ogi__view_buf_init(&b, *state);
    ogi__pdf_write_pages(&b, &pg, 1);
    const char *s;
    size_t n;
    assert_int_equal(ogi__view_buf_finish(&b, &s, &n), 0);
    assert_non_null(strstr(s, "标题\n<table>\n<tr><td colspan"));
    assert_non_null(strstr(s, "828元</td></tr>\n</table>\n正文\n"));
}

/* a table wider than the page, its last column cut by the edge: in a row
 * of values, a number running past the edge may have lost digits and an
 * empty cell may hold a value wholly past it: both written as the
 * arithmetic's pattern (digits, then '?'); a number ending before the
 * edge is whole, and the header row is left as it is */
static void
table_cut_values(void **state)
{
    static pic_t p;
    memset(&p, 0, sizeof(p));
    for (int y = 10; y <= 110; y += 25)
        hline(&p, y, 10, PW - 1);
    for (int x = 10; x <= 120; x += 55)
        vline(&p, x, 10, 110);
    ogi__pdf_table_t *t = one_table(state, &p, NULL, 0);
    assert_int_equal(t->ncols, 3);
    assert_true(t->open_right);
    glyphs_t gs = {.n = 0};
    put(&gs, "项目", 15, 20);
    put(&gs, "数量", 70, 20);
    put(&gs, "总", 192, 20);
    put(&gs, "行政许可", 15, 45);
    put(&gs, "12", 70, 45);
    put(&gs, "75", 192, 45); /* "5" ends at 202, past the edge (200) */
    put(&gs, "行政处罚", 15, 70);
    put(&gs, "3", 70, 70);
    put(&gs, "5", 150, 70);
    put(&gs, "其他", 15, 95);
    put(&gs, "0", 70, 95);
    ogi__pdf_page_t pg;
    assert_int_equal(ogi__pdf_page_lines(*state, gs.g, gs.n, 842, t, 1, &pg),
                     0);
    assert_int_equal(pg.n, 1);
    assert_line(&pg, 0,
                "<tr><td>项目</td><td>数量</td><td>总</td></tr>\n"
                "<tr><td>行政许可</td><td>12</td>"
                "<td class=\"ogi-cut\">75??" "?</td></tr>\n"
                "<tr><td>行政处罚</td><td>3</td><td>5</td></tr>\n"
                "<tr><td>其他</td><td>0</td>"
                "<td class=\"ogi-cut\">??" "?</td></tr>");
}

/* a table going on at the top of the next page with the same columns is
 * one table; its header row repeated there is left out */
static void
table_across_pages(void **state)
{
    static pic_t p;
    memset(&p, 0, sizeof(p));
    for (int y = 10; y <= 90; y += 40)
        hline(&p, y, 10, 190);
    for (int x = 10; x <= 190; x += 90)
        vline(&p, x, 10, 90);
    ogi__pdf_table_t *t = one_table(state, &p, NULL, 0);
    ogi__pdf_page_t pg[2];
    glyphs_t a = {.n = 0}, b2 = {.n = 0};
    put(&a, "项目", 20, 20);
    put(&a, "数量", 120, 20);
    put(&a, "许可", 20, 60);
    put(&a, "9", 120, 60);
    put(&b2, "项目", 20, 20);
    put(&b2, "数量", 120, 20);
    put(&b2, "处罚", 20, 60);
    put(&b2, "7", 120, 60);
    assert_int_equal(ogi__pdf_page_lines(*state, a.g, a.n, 842, t, 1, &pg[0]),
                     0);
    assert_int_equal(ogi__pdf_page_lines(*state, b2.g, b2.n, 842, t, 1, &pg[1]),
                     0);
    ogi__view_buf_t b;
    ogi__view_buf_init(&b, *state);
    ogi__pdf_write_pages(&b, pg, 2);
    const char *s;
    size_t n;
    assert_int_equal(ogi__view_buf_finish(&b, &s, &n), 0);
    assert_string_equal(s, "<table>\n"
                           "<tr><td>项目</td><td>数量</td></tr>\n"
                           "<tr><td>许可</td><td>9</td></tr>\n"
                           "<tr><td>处罚</td><td>7</td></tr>\n"
                           "</table>\n");
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(cells_on_the_grid),
        T(gaps_give_spaces),
        T(blank_kept),
        T(lines_by_overlap),
        T(doubled_and_broken_glyphs),
        T(empty_page),
        T(blank_lines),
        T(page_numbers),
        T(furniture_dropped),
        T(lone_numbers),
        T(one_page_keeps_header),
        T(table_grid),
        T(table_spans),
        T(table_open_sides),
        T(table_cut_at_edge),
        T(not_tables),
        T(table_markup),
        T(table_cut_values),
        T(table_across_pages),
    };
    return cmocka_run_group_tests_name("form_pdf", tests, NULL, NULL);
}
