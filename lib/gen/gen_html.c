/*
 * gen_html.c - the html and markdown layouts of a generated report.
 *
 * The html layout is a page as agencies publish it: either the document a
 * word processor saves as a web page (Word's MsoNormal paragraphs and
 * spans inside every cell) or an article on the agency's site, written by
 * its editor (navigation, breadcrumbs, the article, related links, a
 * copyright line, scripts). The tables are those of the official template
 * (国办公开办函〔2021〕30号, and 60号 for 2019): Table 3's 勾稽关系 note
 * spans the three header rows and the three label columns, 申请人情况 and
 * 法人或其他组织 span their columns, the result groups (三、本年度办理结果,
 * （三）不予公开 …) are rowspans; Table 4's 行政复议 spans 5 columns and
 * 行政诉讼 10. Everything else is drawn from the seed (ogi__html_style_t):
 * borders as attributes or CSS, widths, <p> and <span> in cells, headers
 * split by <br> or over two <p>s, &nbsp; padding, entities, Table 2 as one
 * table or one per item, Table 3 cut in two by a page break.
 *
 * Whatever the variant, what a reader of the page sees in each cell is the
 * truth's value or blank (an empty cell is &nbsp;), so the truth is exact
 * for every variant. Markdown is a pipe table per table.
 */
#include "ogi_int.h"

#include <stdio.h>
#include <string.h>

#include "gen_render_int.h"

/* Code points in s. */
static size_t
cp_count(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Byte offset of code point k of s (or its end). */
static size_t
cp_offset(const char *s, size_t k)
{
    size_t o = 0;
    while (s[o]) {
        if (((unsigned char)s[o] & 0xC0) != 0x80 && k-- == 0)
            break;
        o++;
    }
    return o;
}

/* ---- text ---- */

/* s as HTML text: markup characters escaped, line breaks as <br>, and the
 * quotation marks and dashes as entities when the page writes them so. */
static void
text(ogi__gen_t *g, const ogi__style_t *st, const char *s)
{
    static const struct {
        const char *ch, *named, *num;
    } ents[] = {
        {"“", "&ldquo;", "&#8220;"},
        {"”", "&rdquo;", "&#8221;"},
        {"—", "&mdash;", "&#8212;"},
    };
    const char *br = st->html.br ? "<br>" : "<br />";
    while (*s) {
        size_t k;
        if (st->html.entities) {
            for (k = 0; k < OGI_ARRAY_LEN(ents); k++)
                if (strncmp(s, ents[k].ch, strlen(ents[k].ch)) == 0)
                    break;
            if (k < OGI_ARRAY_LEN(ents)) {
                out(g, st->html.entities == 1 ? ents[k].named : ents[k].num);
                s += strlen(ents[k].ch);
                continue;
            }
        }
        if (*s == '<')
            out(g, "&lt;");
        else if (*s == '>')
            out(g, "&gt;");
        else if (*s == '&')
            out(g, "&amp;");
        else if (*s == '\n')
            out(g, br);
        else
            ogi__sb_addn(&g->out, s, 1);
        s++;
    }
}

/* An attribute: ` name="value"`, or unquoted as Word 2003 wrote them
 * (values with spaces or quotes keep their quotes). */
static void
attr(ogi__gen_t *g, const ogi__style_t *st, const char *name, const char *value)
{
    int bare = st->html.quote && !strpbrk(value, " ;:\"'#");
    ogi__sb_addf(&g->out, bare ? " %s=%s" : " %s=\"%s\"", name, value);
}

/* ---- the page ---- */

void
ogi__gen_html_begin(ogi__gen_t *g, ogi__style_t *st)
{
    ogi__html_style_t *h = &st->html;
    h->page = chance(g, 1, 2);
    h->border = chance(g, 1, 3);
    h->width = (int)rnd(g, 0, 2);
    h->wrap = (int)rnd(g, 0, 3);
    h->src = (int)rnd(g, 0, 3);
    h->quote = h->wrap == 2 && chance(g, 1, 2);
    h->th = chance(g, 1, 4);
    h->bold = chance(g, 1, 3);
    h->split_hdr = (int)rnd(g, 0, 2);
    h->pad = chance(g, 1, 3);
    h->entities = (int)rnd(g, 0, 2);
    h->t2_one = chance(g, 1, 2);
    h->t2_cap = chance(g, 1, 2);
    h->t3_cut = (int)rnd(g, 0, 2);
    h->t3_regroup = chance(g, 1, 2);
    h->heading = (int)rnd(g, 0, 3);
    h->para = (int)rnd(g, 0, 3);
    h->title = (int)rnd(g, 0, 2);
    h->br = chance(g, 1, 2);

    const char *full = ogi__gen_strf(g, "%s%d年政府信息公开工作年度报告",
                                     g->title_name, g->year);
    out(g, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
    if (!h->page) {
        out(g, "<meta name=\"Generator\" content=\"Microsoft Word 15 "
               "(filtered)\">\n<title>");
        text(g, st, full);
        out(g, "</title>\n<style>\n<!--\n"
               " p.MsoNormal, li.MsoNormal {margin:0cm; text-align:justify;"
               " font-size:10.5pt; font-family:等线;}\n"
               " table.MsoNormalTable {border-collapse:collapse;}\n"
               "-->\n</style>\n</head>\n<body lang=\"ZH-CN\">\n"
               "<div class=\"WordSection1\">\n");
        return;
    }
    out(g, "<title>");
    text(g, st, full);
    out(g, "_");
    text(g, st, g->agency);
    out(g, "</title>\n<link rel=\"stylesheet\" href=\"/css/common.css\">\n"
           "<script src=\"/js/jquery.min.js\"></script>\n"
           "<style>.xxgk_nav li{float:left;} .article p{line-height:2;}"
           "</style>\n</head>\n<body>\n<div class=\"header\">\n"
           "<div class=\"logo\">");
    text(g, st, g->agency);
    out(g, "</div>\n<ul class=\"nav\">\n<li><a href=\"/\">首页</a></li>\n"
           "<li><a href=\"/zwgk/\">政务公开</a></li>\n"
           "<li><a href=\"/zfxxgk/\">政府信息公开</a></li>\n"
           "<li><a href=\"/hdjl/\">互动交流</a></li>\n"
           "<li><a href=\"/bsfw/\">办事服务</a></li>\n</ul>\n</div>\n"
           "<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; "
           "<a href=\"/zfxxgk/\">政府信息公开</a> &gt; "
           "<a href=\"/zfxxgk/ndbg/\">政府信息公开年度报告</a></div>\n"
           "<div class=\"article\">\n");
    /* the article's own line: its date is the report's, when printed */
    out(g, "<div class=\"info\">");
    if (g->pub_y)
        ogi__sb_addf(&g->out, "发布时间：%04d-%02d-%02d&nbsp;&nbsp;", g->pub_y,
                     g->pub_m, g->pub_d);
    out(g, "来源：");
    text(g, st, g->office);
    ogi__sb_addf(&g->out,
                 "&nbsp;&nbsp;浏览次数：<span id=\"hits\">%d</span>"
                 "&nbsp;&nbsp;【字体：<a href=\"javascript:void(0)\">大</a> "
                 "<a href=\"javascript:void(0)\">中</a> "
                 "<a href=\"javascript:void(0)\">小</a>】</div>\n"
                 "<div class=\"content\" id=\"zoom\">\n",
                 (int)rnd(g, 30, 9999));
}

void
ogi__gen_html_end(ogi__gen_t *g, const ogi__style_t *st)
{
    if (!st->html.page) {
        out(g, "</div>\n</body>\n</html>\n");
        return;
    }
    out(g, "</div>\n<div class=\"tools\"><a href=\"javascript:window.print()"
           "\">打印本页</a> <a href=\"javascript:window.close()\">关闭窗口"
           "</a></div>\n</div>\n<div class=\"related\">\n<h4>相关链接</h4>\n"
           "<ul>\n");
    /* the earlier reports of the same agency: other years on the page */
    for (int k = 1; k <= 2; k++) {
        out(g, "<li><a href=\"/zfxxgk/ndbg/\">");
        text(g, st,
             ogi__gen_strf(g, "%s%d年政府信息公开工作年度报告", g->title_name,
                           g->year - k));
        out(g, "</a></li>\n");
    }
    out(g, "</ul>\n</div>\n<div class=\"footer\">\n<p>主办：");
    text(g, st, g->office);
    ogi__sb_addf(&g->out,
                 "&nbsp;&nbsp;版权所有&copy;%d&nbsp;&nbsp;网站标识码：%d"
                 "</p>\n<p>ICP备案号：黑ICP备%08d号-1</p>\n</div>\n",
                 g->pub_y ? g->pub_y : g->year + 1,
                 (int)rnd(g, 230000001, 239999999),
                 (int)rnd(g, 1000000, 9999999));
    out(g, "<script type=\"text/javascript\">\nvar _hmt = _hmt || [];\n"
           "(function() {\n  var hm = document.createElement(\"script\");\n"
           "  hm.src = \"https://hm.baidu.com/hm.js?3f0a7c\";\n"
           "  var s = document.getElementsByTagName(\"script\")[0];\n"
           "  s.parentNode.insertBefore(hm, s);\n})();\n"
           "document.getElementById(\"hits\").innerHTML = \"1\";\n"
           "</script>\n</body>\n</html>\n");
}

void
ogi__gen_html_title(ogi__gen_t *g, const ogi__style_t *st, const char *s)
{
    static const char *const open[] = {"<h1>", "<p align=\"center\"><strong>",
                                       "<div class=\"title\">"};
    static const char *const close[] = {"</h1>\n", "</strong></p>\n",
                                        "</div>\n"};
    out(g, open[st->html.title]);
    text(g, st, s);
    out(g, close[st->html.title]);
}

void
ogi__gen_html_heading(ogi__gen_t *g, const ogi__style_t *st, const char *s)
{
    static const char *const open[] = {
        "<h2>", "<p><strong>", "<p style=\"text-indent:2em;\"><b>", "<h3>"};
    static const char *const close[] = {"</h2>\n", "</strong></p>\n",
                                        "</b></p>\n", "</h3>\n"};
    out(g, open[st->html.heading]);
    text(g, st, s);
    out(g, close[st->html.heading]);
}

void
ogi__gen_html_para(ogi__gen_t *g, const ogi__style_t *st, const char *s)
{
    switch (st->html.para) {
        case 1:
            out(g, "<p style=\"text-indent:2em;\">");
            break;
        case 2:
            out(g, "<p>&nbsp;&nbsp;&nbsp;&nbsp;");
            break;
        case 3:
            out(g, "<p class=\"MsoNormal\" style=\"text-indent:32.0pt\">"
                   "<span style=\"font-size:16.0pt;font-family:仿宋_GB2312\">");
            text(g, st, s);
            out(g, "</span></p>\n");
            return;
        default:
            out(g, "<p>");
            break;
    }
    text(g, st, s);
    out(g, "</p>\n");
}

/* ---- cells ---- */

enum { C_HEAD = 0, C_LABEL, C_GROUP, C_VALUE, C_CAPTION };

typedef struct {
    int kind;    /* C_* */
    int rowspan; /* > 1: a rowspan attribute */
    int colspan;
    int width; /* in px, 0: none */
} cell_t;

/* The end of a source line inside a table, as the page's source has it. */
static void
nl(ogi__gen_t *g, const ogi__style_t *st, int level)
{
    /* level 0 after a row, 1 after a cell, 2 inside a cell */
    if (st->html.src == 3 || level > st->html.src)
        return;
    out(g, "\n");
    if (st->html.src >= 1 && level >= 1)
        out(g, "  ");
}

/* The contents of one paragraph of a cell, in the page's wrapping. */
static void
cell_para(ogi__gen_t *g, const ogi__style_t *st, const cell_t *c, const char *s,
          size_t n)
{
    int center = c->kind != C_LABEL;
    const char *t = ogi__gen_strf(g, "%.*s", (int)n, s);
    int bold = st->html.bold && (c->kind == C_HEAD || c->kind == C_CAPTION);
    switch (st->html.wrap) {
        case 1:
            out(g, center ? "<p style=\"text-align:center;\">" : "<p>");
            break;
        case 2:
            out(g, "<p class=\"MsoNormal\"");
            if (center) {
                attr(g, st, "align", "center");
                attr(g, st, "style", "text-align:center");
            }
            out(g, ">");
            nl(g, st, 2);
            out(g, c->kind == C_VALUE
                       ? "<span lang=\"EN-US\" style=\"font-size:10.5pt\">"
                       : "<span style=\"font-size:10.5pt;font-family:宋体\">");
            break;
        case 3:
            out(g, "<span style=\"font-size:14px;\">");
            break;
        default:
            break;
    }
    if (bold)
        out(g, "<strong>");
    if (!*t) {
        out(g, "&nbsp;");
    } else {
        /* &nbsp; padding typed around some values and labels */
        int pad = st->html.pad && (c->kind == C_VALUE || c->kind == C_LABEL)
                      ? (int)rnd(g, 0, 3)
                      : 0;
        if (pad == 1)
            out(g, c->kind == C_LABEL ? "&nbsp;&nbsp;" : "&nbsp;");
        text(g, st, t);
        if (pad == 2)
            out(g, "&nbsp;");
    }
    if (bold)
        out(g, "</strong>");
    switch (st->html.wrap) {
        case 1:
            out(g, "</p>");
            break;
        case 2:
            out(g, "</span></p>");
            break;
        case 3:
            out(g, "</span>");
            break;
        default:
            break;
    }
}

/* One cell: the tag with its spans, width and borders, then the text
 * (split over two lines when the page splits its headers). */
static void
cell(ogi__gen_t *g, const ogi__style_t *st, const cell_t *c, const char *s)
{
    const ogi__html_style_t *h = &st->html;
    int th = h->th && (c->kind == C_HEAD || c->kind == C_CAPTION);
    out(g, th ? "<th" : "<td");
    char buf[64];
    if (c->rowspan > 1) {
        snprintf(buf, sizeof(buf), "%d", c->rowspan);
        attr(g, st, "rowspan", buf);
    }
    if (c->colspan > 1) {
        snprintf(buf, sizeof(buf), "%d", c->colspan);
        attr(g, st, "colspan", buf);
    }
    if (h->width == 1 && c->width) {
        snprintf(buf, sizeof(buf), "%d", c->width);
        attr(g, st, "width", buf);
    }
    if (h->wrap == 2)
        attr(g, st, "valign", "center");
    ogi__sb_t css;
    ogi__sb_init(&css, g->arena);
    if (h->width == 2 && c->width)
        ogi__sb_addf(&css, "width:%dpx;", c->width);
    if (h->border)
        ogi__sb_add(&css, "border:1px solid #000000;");
    if (h->wrap == 2)
        ogi__sb_add(&css, "padding:0cm 5.4pt;");
    else if (h->wrap == 0 && c->kind != C_LABEL)
        ogi__sb_add(&css, "text-align:center;");
    if (css.len)
        attr(g, st, "style", ogi__gen_sb(g, &css));
    out(g, ">");
    nl(g, st, 2);

    size_t n = cp_count(s);
    int split = h->split_hdr && c->kind == C_HEAD && n >= 3 &&
                !strchr(s, '\n') && chance(g, 1, 2);
    if (!split) {
        cell_para(g, st, c, s, strlen(s));
    } else {
        /* 本年新<br>制作数量, 自然<p>人 */
        /* where a narrow column wraps: about the middle */
        size_t at =
            cp_offset(s, (size_t)rnd(g, (int64_t)n / 3 ? (int64_t)n / 3 : 1,
                                     (int64_t)(n - n / 3 - (n % 3 == 0))));
        if (h->split_hdr == 1) {
            cell_para(g, st, c,
                      ogi__gen_strf(g, "%.*s\n%s", (int)at, s, s + at),
                      strlen(s) + 1);
        } else {
            int bare = h->wrap == 0 || h->wrap == 3;
            if (bare)
                out(g, "<p>");
            cell_para(g, st, c, s, at);
            out(g, bare ? "</p>" : "");
            nl(g, st, 2);
            if (bare)
                out(g, "<p>");
            cell_para(g, st, c, s + at, strlen(s + at));
            if (bare)
                out(g, "</p>");
        }
    }
    nl(g, st, 2);
    out(g, th ? "</th>" : "</td>");
    nl(g, st, 1);
}

static void
row_open(ogi__gen_t *g, const ogi__style_t *st)
{
    out(g, st->html.wrap == 2 ? "<tr style=\"height:20.0pt\">" : "<tr>");
    nl(g, st, 1);
}

static void
row_close(ogi__gen_t *g, const ogi__style_t *st)
{
    out(g, "</tr>");
    nl(g, st, 0);
}

static void
table_open(ogi__gen_t *g, const ogi__style_t *st, int width)
{
    const ogi__html_style_t *h = &st->html;
    char buf[64];
    out(g, "<table");
    if (h->wrap == 2)
        attr(g, st, "class", "MsoNormalTable");
    attr(g, st, "border", h->border ? "0" : "1");
    attr(g, st, "cellspacing", "0");
    attr(g, st, "cellpadding", "0");
    if (h->width == 1) {
        snprintf(buf, sizeof(buf), "%d", width);
        attr(g, st, "width", buf);
    }
    snprintf(buf, sizeof(buf), "border-collapse:collapse;%s",
             h->width == 2 ? "width:100%;" : "");
    attr(g, st, "style", buf);
    out(g, ">");
    if (h->src != 3)
        out(g, "\n");
    if (h->src == 2)
        out(g, "<tbody>\n");
}

static void
table_close(ogi__gen_t *g, const ogi__style_t *st)
{
    out(g, st->html.src == 2 ? "</tbody>\n</table>\n" : "</table>\n");
}

/* A paragraph between two tables, or between a page's two parts. */
static void
gap(ogi__gen_t *g, const ogi__style_t *st)
{
    out(g, st->html.wrap == 2 ? "<p class=\"MsoNormal\">&nbsp;</p>\n"
                              : "<p>&nbsp;</p>\n");
}

/* The values of a vrow, the last one spanning what is left of width. */
static void
values(ogi__gen_t *g, const ogi__style_t *st, const ogi__vrow_t *r,
       size_t width)
{
    for (size_t k = r->n - r->nvals; k < r->n; k++) {
        cell_t c = {C_VALUE, 1, 1, 64};
        if (k + 1 == r->n && r->nvals < width)
            c.colspan = (int)(width - r->nvals + 1);
        cell(g, st, &c, r->t[k]);
    }
}

/* ---- Table 2 ---- */

/* One item: its heading as a row spanning the table (caption), its
 * header row and its rows; width counts the value columns. */
static void
t2_rows(ogi__gen_t *g, const ogi__style_t *st, const ogi__vlist_t *l,
        size_t width, int caption)
{
    for (size_t i = 0; i < l->n; i++) {
        const ogi__vrow_t *r = &l->v[i];
        if (r->role == OGI__R_CAPTION) {
            if (!caption)
                continue;
            row_open(g, st);
            cell_t c = {C_CAPTION, 1, (int)width + 1, 0};
            cell(g, st, &c, r->t[0]);
            row_close(g, st);
            continue;
        }
        row_open(g, st);
        if (r->role == OGI__R_HEAD) {
            for (size_t k = 0; k < r->n; k++) {
                cell_t c = {C_HEAD, 1, 1, k ? 64 : 120};
                if (k + 1 == r->n && r->n - 1 < width)
                    c.colspan = (int)(width - (r->n - 1) + 1);
                cell(g, st, &c, r->t[k]);
            }
        } else {
            cell_t c = {C_LABEL, 1, 1, 120};
            cell(g, st, &c, r->label ? r->label : r->t[0]);
            if (r->nvals)
                values(g, st, r, width);
        }
        row_close(g, st);
    }
}

void
ogi__gen_html_t2(ogi__gen_t *g, const ogi__style_t *st,
                 const ogi__vlist_t *items, size_t n)
{
    size_t width = 0;
    for (size_t k = 0; k < n; k++)
        if (ogi_skeleton_table(items[k].table)->ncols > width)
            width = ogi_skeleton_table(items[k].table)->ncols;
    if (st->html.t2_one) {
        /* the template: one table, the items as rows spanning it */
        table_open(g, st, 600);
        for (size_t k = 0; k < n; k++)
            t2_rows(g, st, &items[k], width, 1);
        table_close(g, st);
        return;
    }
    for (size_t k = 0; k < n; k++) {
        const ogi__vlist_t *l = &items[k];
        size_t w = ogi_skeleton_table(l->table)->ncols;
        if (!st->html.t2_cap && l->n && l->v[0].role == OGI__R_CAPTION) {
            out(g, "<p><strong>");
            text(g, st, l->v[0].t[0]);
            out(g, "</strong></p>\n");
        }
        table_open(g, st, 600);
        t2_rows(g, st, l, w, st->html.t2_cap);
        table_close(g, st);
        if (k + 1 < n)
            gap(g, st);
    }
}

/* ---- Table 3 ---- */

static void
t3_header(ogi__gen_t *g, const ogi__style_t *st, const ogi__vlist_t *l)
{
    const ogi__vrow_t *h0 = &l->v[0], *h1 = &l->v[1], *h2 = &l->v[2];
    row_open(g, st);
    cell_t note = {C_HEAD, 3, 3, 240};
    cell(g, st, &note, h0->t[0]);
    cell_t ap = {C_HEAD, 1, 7, 0};
    cell(g, st, &ap, h0->t[1]);
    row_close(g, st);
    row_open(g, st);
    cell_t one = {C_HEAD, 2, 1, 64};
    cell(g, st, &one, h1->t[1]);
    cell_t legal = {C_HEAD, 1, 5, 0};
    cell(g, st, &legal, h1->t[2]);
    cell(g, st, &one, h1->t[3]);
    row_close(g, st);
    row_open(g, st);
    for (size_t k = 0; k < h2->n; k++) {
        if (h2->k[k] == OGI__K_MERGED)
            continue;
        cell_t c = {C_HEAD, 1, 1, 64};
        cell(g, st, &c, h2->t[k]);
    }
    row_close(g, st);
}

/* The data rows [a, b) of Table 3, the vrows from index 3 on. tg and sg
 * give each row the index of the row that opens its group (三、…; （三）…),
 * or -1; a group cut at a by the page break opens again there. */
static void
t3_rows(ogi__gen_t *g, const ogi__style_t *st, const ogi__vlist_t *l,
        const long *tg, const long *sg, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        const ogi__vrow_t *r = &l->v[i];
        row_open(g, st);
        const long *grp[2] = {tg, sg};
        const char *lab[2] = {NULL, NULL};
        for (int lv = 0; lv < 2; lv++) {
            long o = grp[lv][i];
            if (o < 0 || (o != (long)i && i != a))
                continue;
            const ogi__vrow_t *opener = &l->v[o];
            lab[lv] = lv == 0 ? opener->top : opener->sub;
            if (o != (long)i && st->html.t3_regroup)
                lab[lv] = "";
            int span = 0;
            for (size_t j = i; j < b && grp[lv][j] == o; j++)
                span++;
            cell_t c = {C_GROUP, span, 1, 40};
            cell(g, st, &c, lab[lv] ? lab[lv] : "");
        }
        cell_t c = {C_LABEL, 1, 3 - r->depth, 80 * (3 - r->depth)};
        cell(g, st, &c, r->label ? r->label : "");
        values(g, st, r, r->nvals);
        row_close(g, st);
    }
}

void
ogi__gen_html_t3(ogi__gen_t *g, const ogi__style_t *st, const ogi__vlist_t *l)
{
    if (l->n < 4)
        return;
    long *tg = ogi_arena_alloc(g->arena, l->n * sizeof(long));
    long *sg = ogi_arena_alloc(g->arena, l->n * sizeof(long));
    if (!tg || !sg) {
        g->oom = 1;
        return;
    }
    long top = -1, sub = -1;
    for (size_t i = 0; i < l->n; i++) {
        const ogi__vrow_t *r = &l->v[i];
        tg[i] = sg[i] = -1;
        if (r->role != OGI__R_DATA)
            continue;
        if (r->top)
            top = (long)i;
        if (r->sub)
            sub = (long)i;
        tg[i] = r->depth >= 1 ? top : -1;
        sg[i] = r->depth == 2 ? sub : -1;
    }
    table_open(g, st, 760);
    t3_header(g, st, l);
    size_t cut = l->n;
    if (st->html.t3_cut && l->n > 10)
        cut = (size_t)rnd(g, 6, (int64_t)l->n - 3);
    t3_rows(g, st, l, tg, sg, 3, cut);
    table_close(g, st);
    if (cut == l->n)
        return;
    /* the page break Word prints when the table runs over a page */
    out(g, st->html.wrap == 2 ? "<br clear=\"all\" style=\"page-break-before:"
                                "always\">\n"
                              : "");
    gap(g, st);
    table_open(g, st, 760);
    if (st->html.t3_cut == 1)
        t3_header(g, st, l);
    t3_rows(g, st, l, tg, sg, cut, l->n);
    table_close(g, st);
}

/* ---- Table 4 ---- */

void
ogi__gen_html_t4(ogi__gen_t *g, const ogi__style_t *st, const ogi__vlist_t *l)
{
    if (l->n < 4)
        return;
    const ogi__vrow_t *h0 = &l->v[0], *h1 = &l->v[1], *h2 = &l->v[2];
    table_open(g, st, 760);
    row_open(g, st);
    cell_t review = {C_HEAD, 1, 5, 0}, suit = {C_HEAD, 1, 10, 0};
    cell(g, st, &review, h0->t[0]);
    cell(g, st, &suit, h0->t[1]);
    row_close(g, st);
    row_open(g, st);
    for (size_t k = 0; k + 2 < h1->n; k++) {
        cell_t c = {C_HEAD, 2, 1, 48};
        cell(g, st, &c, h1->t[k]);
    }
    cell_t grp = {C_HEAD, 1, 5, 0};
    cell(g, st, &grp, h1->t[h1->n - 2]);
    cell(g, st, &grp, h1->t[h1->n - 1]);
    row_close(g, st);
    row_open(g, st);
    for (size_t k = 0; k < h2->n; k++) {
        if (h2->k[k] == OGI__K_MERGED)
            continue;
        cell_t c = {C_HEAD, 1, 1, 48};
        cell(g, st, &c, h2->t[k]);
    }
    row_close(g, st);
    for (size_t i = 3; i < l->n; i++) {
        row_open(g, st);
        values(g, st, &l->v[i], l->v[i].nvals);
        row_close(g, st);
    }
    table_close(g, st);
}

/* ---- markdown ---- */

void
ogi__gen_md_table(ogi__gen_t *g, const ogi__vlist_t *l)
{
    size_t width = 0;
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].n > width)
            width = l->v[i].n;
    int sep = 0;
    for (size_t i = 0; i < l->n; i++) {
        const ogi__vrow_t *r = &l->v[i];
        if (r->role == OGI__R_CAPTION) {
            out(g, "\n**");
            out(g, r->t[0]);
            out(g, "**\n\n");
            sep = 0;
            continue;
        }
        out(g, "|");
        for (size_t k = 0; k < width; k++) {
            out(g, " ");
            if (k < r->n)
                for (const char *p = r->t[k]; *p; p++)
                    ogi__sb_addn(&g->out, *p == '\n' ? " " : p, 1);
            out(g, " |");
        }
        out(g, "\n");
        if (!sep) {
            out(g, "|");
            for (size_t k = 0; k < width; k++)
                out(g, " --- |");
            out(g, "\n");
            sep = 1;
        }
    }
    out(g, "\n");
}
