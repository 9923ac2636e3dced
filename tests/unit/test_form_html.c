/*
 * test_form_html.c - HTML pages to a text view (lib/form/form_html.c,
 * html_body.c; internal API, lib/form/form_int.h).
 *
 * Usage example, as ogi__form_view does it for a page the sniff calls
 * HTML:
 *
 *     ogi__view_t v;
 *     char why[256];
 *     int rc = ogi__form_html(arena, raw, len, &v, why, sizeof(why));
 *     rc == 0: v.s holds the report's body as block text, one line per
 *              block, and its data tables as <table><tr><td>... markup,
 *              one <tr> per line; v.nraw == 0 (spans are view offsets)
 *     rc == OGI_EREJECT: why says why ("HTML: the report's tables are
 *              images")
 *
 * Fixtures: tests/data/html/ (README.md there), saved agency pages. The
 * lines expected below were written from the pages' markup by hand (what
 * the page shows), not from the converter's output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "golden.h"
#include "ogi.h"
#include "ogi/alloc.h"
#include "ogi/arena.h"
#include "ogi/error.h"

#define DIR      "tests/data/html/"
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

/* The view of raw[0..len), which must convert. */
static ogi__view_t
view_of(ogi_arena_t *a, const char *raw, size_t len)
{
    ogi__view_t v;
    char why[256] = "";
    int rc = ogi__form_html(a, raw, len, &v, why, sizeof(why));
    if (rc)
        fail_msg("could not convert: %d %s", rc, why);
    assert_non_null(v.s);
    assert_int_equal(v.s[v.len], '\0');
    assert_int_equal(strlen(v.s), v.len);
    assert_null(v.map);
    assert_int_equal(v.nraw, 0);
    assert_string_equal(v.encoding, "utf-8");
    return v;
}

static ogi__view_t
view_str(ogi_arena_t *a, const char *s)
{
    return view_of(a, s, strlen(s));
}

/* A fixture's view; *raw is malloc'd. */
static ogi__view_t
view_file(ogi_arena_t *a, const char *name, char **raw)
{
    char path[256];
    size_t len;
    snprintf(path, sizeof(path), DIR "%s", name);
    *raw = ogi_test_slurp(path, &len);
    if (!*raw)
        fail_msg("could not read \"%s\"", path);
    return view_of(a, *raw, len);
}

/* 1 when line is one of v's lines, whole. */
static int
has_line(const ogi__view_t *v, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = v->s; p && *p;) {
        const char *e = strchr(p, '\n');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        if (k == n && memcmp(p, line, n) == 0)
            return 1;
        p = e ? e + 1 : NULL;
    }
    return 0;
}

static void
want_lines(const ogi__view_t *v, const char *const *lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!has_line(v, lines[i]))
            fail_msg("no line \"%s\" in the view:\n%s", lines[i], v->s);
}

static void
want_absent(const ogi__view_t *v, const char *const *texts, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(v->s, texts[i]))
            fail_msg("\"%s\" is in the view:\n%s", texts[i], v->s);
}

/* The first line of v. */
static void
want_first(const ogi__view_t *v, const char *line)
{
    size_t n = strlen(line);
    if (strncmp(v->s, line, n) != 0 || v->s[n] != '\n')
        fail_msg("the view starts \"%.80s\", not \"%s\"", v->s, line);
}

/* ---- the saved pages ---- */

/* A gov.cn-style article: the title in an <h1> above the body, chrome
 * all around, a hidden block with a table of figures. */
static void
govcn_article(void **state)
{
    static const char *const lines[] = {
        "一、总体情况",
        "<tr><td>规范性文件</td><td>1</td><td>0</td><td>81</td></tr>",
        "<tr><td>行政许可</td><td colspan=\"3\">13603</td></tr>",
        "<tr><td>行政强制</td><td colspan=\"3\">609</td></tr>",
        "<table>",
        "</table>",
        "六、其他需要报告的事项",
    };
    static const char *const chrome[] = {
        "您当前的位置", "网站标识码",
        "分享到",       "打印",
        "搜索",         "索引号",
        "欢迎访问",     "2023年政府信息公开工作年度报告",
        "2018年",       ">99<",
        "changeSize",   "document.",
        "<th",          "<p",
        "<strong",      "&nbsp;&nbsp;",
    };
    char *raw;
    ogi__view_t v = view_file(*state, "govcn_article.html", &raw);
    want_first(&v, "白林市凤河市2024年政府信息公开工作年度报告");
    want_lines(&v, lines, NELEM(lines));
    want_absent(&v, chrome, NELEM(chrome));
    free(raw);
}

/* A page Word saved: conditional comments and markers, <o:p>, hidden
 * text, the closing row of empty cells. */
static void
word_saved(void **state)
{
    static const char *const lines[] = {
        "沙泉市2019年政府信息公开",
        "工作年度报告",
        "二、主动公开政府信息情况",
        "<tr><td colspan=\"4\">第二十条第（一）项</td></tr>",
        "<tr><td>规章</td><td>0</td><td>0</td><td>12</td></tr>",
        "<tr><td>其他对外管理服务事项</td><td>78</td><td>+5</td><td>5454</td>"
        "</tr>",
        "<tr><td>行政处罚</td><td>205</td><td>-80</td><td>17785</td></tr>",
    };
    static const char *const chrome[] = {
        "<![",         "o:p",   "草稿",
        "mso",         "Print", "<tr><td></td><td></td></tr>",
        "font-family",
    };
    char *raw;
    ogi__view_t v = view_file(*state, "word_saved.html", &raw);
    want_first(&v, "沙泉市2019年政府信息公开");
    want_lines(&v, lines, NELEM(lines));
    want_absent(&v, chrome, NELEM(chrome));
    free(raw);
}

/* An old site: the report inside a layout table's cell, capitals, no
 * </td>, spans in single quotes. */
static void
layout_table(void **state)
{
    static const char *const lines[] = {
        "一、总体情况",
        "<tr><td>行政许可</td><td colspan=\"3\">3870</td></tr>",
        "<tr><td>行政事业性收费</td><td colspan=\"3\">2188.76</td></tr>",
        "<tr><td>行政规范性文件</td><td>9</td><td>0</td><td>39</td></tr>",
    };
    static const char *const chrome[] = {
        "网站首页", "访问量", "版权所有", "当前位置", "打印本页",
        "2022年度", "点击数", "<TD",      "<td>网站",
    };
    char *raw;
    ogi__view_t v = view_file(*state, "layout_table.html", &raw);
    want_first(&v, "临桥市泰滨县人民政府");
    want_lines(&v, lines, NELEM(lines));
    want_absent(&v, chrome, NELEM(chrome));
    free(raw);
}

/* The tables published as pictures: rejected, saying so. */
static void
image_tables(void **state)
{
    char path[] = DIR "image_tables.html";
    size_t len;
    char *raw = ogi_test_slurp(path, &len);
    assert_non_null(raw);
    ogi__view_t v;
    char why[256] = "";
    assert_int_equal(ogi__form_html(*state, raw, len, &v, why, sizeof(why)),
                     OGI_EREJECT);
    assert_string_equal(why, "HTML: the report's tables are images");
    free(raw);

    /* a table whose rows hold images only */
    static const char rows[] =
        "<html><body><h1>某县2020年政府信息公开工作年度报告</h1>"
        "<p>二、主动公开政府信息情况</p><table><tr><td><img src=a.png></td>"
        "</tr><tr><td><img src=b.png></td></tr></table>"
        "<p>三、收到和处理政府信息公开申请情况</p></body></html>";
    assert_int_equal(
        ogi__form_html(*state, rows, strlen(rows), &v, why, sizeof(why)),
        OGI_EREJECT);
    assert_string_equal(why, "HTML: the report's tables are images");
}

/* ---- markup, case by case ---- */

/* Cells: text joined, <br> and block edges as <br>, spans kept, th as
 * td, entities decoded and escaped again, &nbsp; alone kept. */
static void
cells(void **state)
{
    ogi__view_t v = view_str(
        *state,
        "<!DOCTYPE html><html><body>\n"
        "<table border=1><thead><tr><th colspan=\"2\" rowspan='2'>"
        "<p><b>信息</b><font>内容</font></p></th><th>本年新<br>制作数量</th>"
        "<th><p>自然</p><p>人</p></th></tr></thead>\n<tbody>"
        "<tr><td>行政许可&amp;确认</td><td>&nbsp;</td>"
        "<td> 1 2 </td><td></td></tr>\n"
        "<tr><td><span lang=EN-US>3</span><o:p></o:p></td><td>&lt;4&gt;</td>"
        "<td>&#20116;</td><td>&nbsp;&nbsp;6&nbsp;</td></tr></tbody></table>\n"
        "</body></html>");
    static const char *const lines[] = {
        "<table>",
        "<tr><td rowspan=\"2\" "
        "colspan=\"2\">信息内容</td><td>本年新<br>制作数量"
        "</td><td>自然<br>人</td></tr>",
        "<tr><td>行政许可&amp;确认</td><td>&nbsp;</td><td>1 2</td><td></td>"
        "</tr>",
        "<tr><td>3</td><td>&lt;4&gt;</td><td>五</td><td>6</td></tr>",
        "</table>",
    };
    want_lines(&v, lines, NELEM(lines));
}

/* Block text: a line per block, inline text joined, whitespace and
 * no-break spaces collapsed, hidden and script text dropped. */
static void
blocks(void **state)
{
    ogi__view_t v = view_str(
        *state,
        "<html><head><title>t</title><style>p{}</style></head><body>\n"
        "<div><p>&nbsp;&nbsp;一、<b>总体</b>\n  情况</p>第二段<br>第三行"
        "<h2>二、主动公开政府信息情况</h2><ul><li>甲</li><li>乙</li></ul>"
        "<p style=\"DISPLAY:none\">隐藏</p><span hidden>也隐藏</span>"
        "<script>var a='脚本';</script><noscript>无脚本</noscript>"
        "<p>&nbsp;</p><p>末</p></div></body></html>");
    assert_string_equal(v.s, "一、总体 情况\n第二段\n第三行\n"
                             "二、主动公开政府信息情况\n甲\n乙\n末\n");
}

/* Tables that are not the report's: a layout table whose cell holds the
 * article is read as blocks, its data table inside as markup; a data
 * table inside a data table's cell comes after the outer one. */
static void
tables(void **state)
{
    ogi__view_t v = view_str(
        *state,
        "<html><body><table><tr><td><a href=/>首页</a></td><td>导航</td></tr>"
        "<tr><td colspan=2><p>一、总体情况</p>"
        "<table><tr><td>规章</td><td>1</td><td>2</td><td>3</td></tr>"
        "<tr><td>其他<table><tr><td>内</td><td>9</td><td>8</td><td>7</td>"
        "</tr></table></td><td>4</td><td>5</td><td>6</td></tr></table>"
        "<p>二、主动公开政府信息情况</p></td></tr></table></body></html>");
    assert_string_equal(v.s, "一、总体情况\n"
                             "<table>\n"
                             "<tr><td>规章</td><td>1</td><td>2</td><td>3</td>"
                             "</tr>\n"
                             "<tr><td>其他</td><td>4</td><td>5</td><td>6</td>"
                             "</tr>\n"
                             "</table>\n"
                             "<table>\n"
                             "<tr><td>内</td><td>9</td><td>8</td><td>7</td>"
                             "</tr>\n"
                             "</table>\n"
                             "二、主动公开政府信息情况\n");
}

/* Preformatted text keeps its lines, as does text loose in the body. */
static void
preformatted(void **state)
{
    ogi__view_t v = view_str(*state, "<html><body><pre>\n一、总体情况\n"
                                     "第一行\n  第二行\n</pre><table><tr>"
                                     "<td>甲</td><td>1</td></tr></table>\n"
                                     "二、主动公开政府信息情况\n| a |\n"
                                     "</body></html>");
    assert_string_equal(v.s, "一、总体情况\n第一行\n第二行\n<table>\n"
                             "<tr><td>甲</td><td>1</td></tr>\n</table>\n"
                             "二、主动公开政府信息情况\n| a |\n");
}

/* A data table's caption is a line of its own before it. */
static void
caption(void **state)
{
    ogi__view_t v = view_str(
        *state, "<html><body><p>正文</p><table><caption>表一 <b>情况</b>"
                "</caption><tr><td>规章</td><td>1</td><td>2</td><td>3</td></tr>"
                "</table></body></html>");
    assert_string_equal(v.s, "正文\n表一 情况\n<table>\n"
                             "<tr><td>规章</td><td>1</td><td>2</td><td>3</td>"
                             "</tr>\n</table>\n");
}

/* Markup as old editors wrote it: capitals, no closing </td> or </tr>,
 * attributes in single quotes or bare. */
static void
old_markup(void **state)
{
    ogi__view_t v = view_str(*state, "<HTML><BODY><P>正文\n"
                                     "<TABLE BORDER=1><TR><TD COLSPAN='2'>甲"
                                     "<TD ROWSPAN=2>1\n<TR><TD>乙<TD>2<TD>3\n"
                                     "</TABLE></BODY></HTML>");
    assert_string_equal(v.s, "正文\n<table>\n"
                             "<tr><td colspan=\"2\">甲</td><td rowspan=\"2\">"
                             "1</td></tr>\n"
                             "<tr><td>乙</td><td>2</td><td>3</td></tr>\n"
                             "</table>\n");
}

/* The body is where the report's evidence is: a sidebar's text and a
 * footer's table of numbers are left out; a page without evidence is
 * read whole and left to the parser. */
static void
body_choice(void **state)
{
    ogi__view_t v = view_str(
        *state,
        "<html><body><div class=side><p>栏目导航</p><table><tr><td>访问</td>"
        "<td>1</td><td>2</td></tr></table></div>"
        "<div class=main><p>一、总体情况</p><p>内容</p>"
        "<table><tr><td>规章</td><td>1</td><td>2</td><td>3</td></tr></table>"
        "<p>五、存在的主要问题及改进情况</p></div>"
        "<div class=foot>版权所有</div></body></html>");
    assert_string_equal(v.s, "一、总体情况\n内容\n<table>\n"
                             "<tr><td>规章</td><td>1</td><td>2</td><td>3</td>"
                             "</tr>\n</table>\n"
                             "五、存在的主要问题及改进情况\n");

    v = view_str(*state, "<html><body><div>通知</div><p>今天 开会</p>"
                         "</body></html>");
    assert_string_equal(v.s, "通知\n今天 开会\n");
}

/* ---- bounds ---- */

/* Deep nesting, unclosed tables, garbage: converted or rejected, never a
 * crash; the view stays within a small multiple of the input. */
static void
hostile(void **state)
{
    static const char *const units[] = {"<div>",
                                        "<table><tr><td>",
                                        "<td>",
                                        "<tr>",
                                        "<b><p>",
                                        "<td colspan=99999>",
                                        "<br>",
                                        "<table><tr><td>1</td><td>2</td>"
                                        "<td>3</td><td>"};
    for (size_t k = 0; k < NELEM(units); k++) {
        size_t n = strlen(units[k]), reps = 200000 / n;
        char *s = malloc(n * reps + reps + 64);
        assert_non_null(s);
        size_t len = 0;
        memcpy(s, "<html><body>", 12);
        len = 12;
        for (size_t i = 0; i < reps; i++) {
            memcpy(s + len, units[k], n);
            len += n;
            if (i % 3 == 0)
                s[len++] = '7';
        }
        ogi_arena_reset(*state);
        ogi__view_t v;
        char why[256];
        int rc = ogi__form_html(*state, s, len, &v, why, sizeof(why));
        assert_true(rc == 0 || rc == OGI_ETOOBIG);
        if (rc == 0)
            assert_true(v.len <= 4 * len + 4096);
        free(s);
    }
    /* not HTML at all */
    static const char junk[] = "\x01\x02<<<>>>&&&;\xff\xfe";
    ogi__view_t v;
    char why[256];
    int rc =
        ogi__form_html(*state, junk, sizeof(junk) - 1, &v, why, sizeof(why));
    /* (bytes in no encoding ogi reads are refused by the decoder) */
    assert_true(rc == 0 || rc == OGI_EREJECT || rc == OGI_ENCODING);
    assert_int_equal(ogi__form_html(*state, "", 0, &v, why, sizeof(why)), 0);
}

/* Out of memory at every allocation: OGI_ENOMEM, never a crash. */
static void
out_of_memory(void **state)
{
    (void)state;
    size_t len;
    char *raw = ogi_test_slurp(DIR "govcn_article.html", &len);
    assert_non_null(raw);
    int failures = 0, rc = 0;
    for (long n = 0; n < 100000; n++) {
        /* small blocks: the arena allocates as the view grows */
        ogi_arena_t *a = ogi_arena_new(1024);
        assert_non_null(a);
        ogi__view_t v;
        char why[256];
        ogi_alloc_fail_after(n);
        rc = ogi__form_html(a, raw, len, &v, why, sizeof(why));
        ogi_alloc_fail_after(-1);
        ogi_arena_destroy(&a);
        if (rc == 0)
            break;
        assert_int_equal(rc, OGI_ENOMEM);
        failures++;
    }
    assert_int_equal(rc, 0);
    assert_true(failures >= 1);
    free(raw);
}

/* ---- through the parser ---- */

/* The sniff sends a page to the HTML converter and the parser reads its
 * figures. */
static void
parses(void **state)
{
    size_t len;
    char *raw = ogi_test_slurp(DIR "govcn_article.html", &len);
    assert_non_null(raw);
    ogi__form_t form;
    ogi__form_sniff(raw, len, &form);
    assert_int_equal(form.kind, OGI__FORM_HTML);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(*state, raw, len, NULL, &r), 0);
    assert_non_null(r);
    assert_int_equal(r->meta.year, 2024);
    free(raw);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
    const struct CMUnitTest tests[] = {
        T(govcn_article), T(word_saved), T(layout_table), T(image_tables),
        T(cells),         T(blocks),     T(tables),       T(old_markup),
        T(body_choice),   T(caption),    T(preformatted), T(hostile),
        T(out_of_memory), T(parses),
    };
    return cmocka_run_group_tests_name("form_html", tests, NULL, NULL);
}
