/*
 * test_form_office.c - Word files to a text view (lib/form/form_docx.c,
 * docx_num.c, form_doc.c; internal API, lib/form/form_int.h).
 *
 * Usage example, as ogi__form_view does it:
 *
 *     ogi__view_t v;
 *     char why[256];
 *     rc = ogi__form_docx(arena, raw, len, &v, why, sizeof(why));
 *     rc == 0: v.s holds one line per paragraph (its automatic number
 *     first) and each table as <table>/<tr>/<td> markup, one row a line;
 *     otherwise why says what is wrong ("DOCX: word/document.xml
 *     missing").
 *
 * The DOCX packages are built here with libzip from WordprocessingML
 * written for each case; the expected views were written from that XML
 * (what Word shows), not from the converter's output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "form_int.h"
#include "golden.h"
#include "ogi/arena.h"
#include "ogi/error.h"

#define W_NS                                                                   \
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define DOC_HEAD                                                               \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " W_NS "><w:body>"
#define DOC_TAIL "</w:body></w:document>"

/* A ZIP of the n parts names[i] = texts[i] (lens[i] bytes, or strlen when
 * 0), malloc'd, its size in *len. */
static char *
make_zip(const char *const *names, const char *const *texts, const size_t *lens,
         size_t n, size_t *len)
{
    zip_error_t e;
    zip_error_init(&e);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &e);
    assert_non_null(src);
    zip_source_keep(src);
    zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &e);
    assert_non_null(za);
    for (size_t i = 0; i < n; i++) {
        size_t l = lens && lens[i] ? lens[i] : strlen(texts[i]);
        zip_source_t *s = zip_source_buffer(za, texts[i], l, 0);
        assert_non_null(s);
        assert_true(zip_file_add(za, names[i], s, ZIP_FL_ENC_UTF_8) >= 0);
    }
    assert_int_equal(zip_close(za), 0);
    zip_stat_t st;
    zip_stat_init(&st);
    assert_int_equal(zip_source_stat(src, &st), 0);
    char *buf = malloc(st.size + 1);
    assert_non_null(buf);
    assert_int_equal(zip_source_open(src), 0);
    assert_int_equal(zip_source_read(src, buf, st.size), (zip_int64_t)st.size);
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&e);
    *len = st.size;
    return buf;
}

/* A DOCX of body XML (and numbering.xml, styles.xml when not NULL). */
static char *
make_docx(const char *body, const char *numbering, const char *styles,
          size_t *len)
{
    size_t n = strlen(DOC_HEAD) + strlen(body) + strlen(DOC_TAIL) + 1;
    char *doc = malloc(n);
    assert_non_null(doc);
    snprintf(doc, n, "%s%s%s", DOC_HEAD, body, DOC_TAIL);
    const char *names[3] = {"word/document.xml", "word/numbering.xml",
                            "word/styles.xml"};
    const char *texts[3] = {doc, numbering, styles};
    size_t k = 1;
    if (numbering)
        k = 2;
    if (styles) {
        names[k] = "word/styles.xml";
        texts[k++] = styles;
    }
    char *z = make_zip(names, texts, NULL, k, len);
    free(doc);
    return z;
}

/* The view of a DOCX of body (numbering, styles), compared with want. */
static void
check_view(const char *body, const char *numbering, const char *styles,
           const char *want)
{
    size_t len = 0;
    char *z = make_docx(body, numbering, styles, &len);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__view_t v;
    char why[256] = "";
    int rc = ogi__form_docx(a, z, len, &v, why, sizeof(why));
    if (rc)
        fail_msg("rejected: %s", why);
    assert_string_equal(v.s, want);
    assert_int_equal(v.len, strlen(want));
    assert_null(v.encoding);
    assert_null(v.map);
    assert_int_equal(v.nraw, 0);
    ogi_arena_destroy(&a);
    free(z);
}

/* The rejection of raw[0..len) by the DOCX converter: its code, reason. */
static int
reject_docx(const char *raw, size_t len, char *why, size_t size)
{
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__view_t v;
    why[0] = '\0';
    int rc = ogi__form_docx(a, raw, len, &v, why, size);
    ogi_arena_destroy(&a);
    return rc;
}

#define R(t)  "<w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r>"
#define P(x)  "<w:p>" x "</w:p>"
#define TC(x) "<w:tc>" P(R(x)) "</w:tc>"

/* The cases below are WordprocessingML written out as Word nests it:
 * clang-format would break its strings apart. */
/* clang-format off */

static void
test_runs(void **state)
{
    (void)state;
    /* runs, tabs, breaks, symbols; insertions, links, smart tags, field
     * results and content controls read; deletions, field instructions
     * and hidden text not; blank paragraphs give no line */
    check_view(
        P(R("本年") "<w:r><w:tab/><w:t>共</w:t><w:br/><w:t>计</w:t></w:r>")
        P("<w:ins w:id=\"1\" w:author=\"a\">" R("新增") "</w:ins>"
          "<w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>删去</w:delText></w:r></w:del>"
          "<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink>"
          "<w:smartTag><w:r><w:t>标记</w:t></w:r></w:smartTag>"
          "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
          "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>显示</w:t></w:r>")
        P("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
          "<w:r><w:instrText> PAGE </w:instrText></w:r>"
          "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" R("3")
          "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
          "<w:fldSimple w:instr=\"NUMPAGES\">" R("9") "</w:fldSimple>")
        P("<w:r><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t>"
          "<w:sym w:font=\"Symbol\" w:char=\"F02B\"/><w:sym w:char=\"2460\"/></w:r>")
        "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>"
        P("<w:sdt><w:sdtContent>" R("控件") "</w:sdtContent></w:sdt>") "</w:sdtContent></w:sdt>"
        P("") P(R("   "))
        "<w:del w:id=\"3\" w:author=\"a\">" P(R("删去的段")) "</w:del>",
        NULL, NULL,
        "本年 共\n计\n新增链接标记显示\n39\nA-B+①\n控件\n");
}

static const char numbering[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering " W_NS ">"
    "<w:abstractNum w:abstractNumId=\"7\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
    "<w:lvlText w:val=\"%1、\"/><w:suff w:val=\"nothing\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCountingThousand\"/>"
    "<w:lvlText w:val=\"（%2）\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%3.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"3\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimalEnclosedCircle\"/>"
    "<w:lvlText w:val=\"%4\"/></w:lvl>"
    "<w:lvl w:ilvl=\"4\"><w:start w:val=\"1\"/><w:numFmt w:val=\"ideographTraditional\"/>"
    "<w:lvlText w:val=\"%5、\"/></w:lvl>"
    "<w:lvl w:ilvl=\"5\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%3.%6\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"8\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>"
    "<w:lvlText w:val=\"\xEF\x82\xB7\"/></w:lvl></w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"7\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"8\"/></w:num>"
    "<w:abstractNum w:abstractNumId=\"9\"><w:numStyleLink w:val=\"List1\"/>"
    "</w:abstractNum>"
    "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"9\"/></w:num>"
    "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"7\"/></w:num>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"7\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"10\"/></w:lvlOverride></w:num>"
    "</w:numbering>";

static const char styles[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles " W_NS ">"
    "<w:style w:type=\"numbering\" w:styleId=\"List1\"><w:pPr><w:numPr>"
    "<w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"H1\"><w:pPr><w:numPr>"
    "<w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"H1x\"><w:basedOn w:val=\"H1\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"H2\"><w:basedOn w:val=\"H1\"/>"
    "<w:pPr><w:numPr><w:ilvl w:val=\"1\"/></w:numPr></w:pPr></w:style>"
    "</w:styles>";

#define NUM(l, id, x) \
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #l "\"/><w:numId w:val=\"" #id "\"/>" \
    "</w:numPr></w:pPr>" R(x) "</w:p>"
#define STY(s, x) "<w:p><w:pPr><w:pStyle w:val=\"" s "\"/></w:pPr>" R(x) "</w:p>"

static void
test_numbering(void **state)
{
    (void)state;
    /* levels count on and restart below; a style (through w:basedOn)
     * numbers its paragraphs; bullets and w:numId 0 carry no number */
    check_view(STY("H1", "总体情况")
               STY("H2", "主动公开")
               NUM(2, 1, "规章")
               NUM(2, 1, "规范性文件")
               NUM(3, 1, "圈")
               NUM(1, 1, "依申请公开")
               NUM(2, 1, "重新计数")
               NUM(5, 1, "多级")
               STY("H1x", "主动公开情况")
               NUM(4, 1, "甲项")
               NUM(4, 1, "乙项")
               NUM(0, 2, "项目符号")
               "<w:p><w:pPr><w:pStyle w:val=\"H1\"/><w:numPr><w:numId w:val=\"0\"/>"
               "</w:numPr></w:pPr>" R("不编号") "</w:p>"
               NUM(0, 1, "三")
               NUM(1, 1, "a") NUM(1, 1, "b") NUM(1, 1, "c") NUM(1, 1, "d")
               NUM(1, 1, "e") NUM(1, 1, "f") NUM(1, 1, "g") NUM(1, 1, "h")
               NUM(1, 1, "i") NUM(1, 1, "j") NUM(1, 1, "k")
               NUM(0, 3, "另起")
               NUM(0, 4, "样式列表"),
               numbering, styles,
               "一、总体情况\n"
               "（一）主动公开\n"
               "1. 规章\n"
               "2. 规范性文件\n"
               "①圈\n"
               "（二）依申请公开\n"
               "1. 重新计数\n"
               "1.1 多级\n"
               "二、主动公开情况\n"
               "甲、甲项\n"
               "乙、乙项\n"
               "项目符号\n"
               "不编号\n"
               "三、三\n"
               "（一）a\n（二）b\n（三）c\n（四）d\n（五）e\n（六）f\n"
               "（七）g\n（八）h\n（九）i\n（十）j\n（十一）k\n"
               "十、另起\n"
               "四、样式列表\n");
}

static void
test_table_spans(void **state)
{
    (void)state;
    /* the application table's head: a w:vMerge run is one cell with a
     * rowspan, w:gridSpan a colspan, a cell's paragraphs joined by <br> */
    check_view(
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/>"
        "</w:tblGrid>"
        "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>"
        "</w:tcPr>" P(R("本列")) "</w:tc>"
        "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" P(R("申请人")) P(R("情况")) "</w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/><w:vMerge/></w:tcPr><w:p/></w:tc>"
        TC("自然人") TC("法人") "</w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" P(R("三、结果")) "</w:tc>"
        TC("予以公开") TC("1") TC("2") "</w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"continue\"/></w:tcPr><w:p/></w:tc>"
        TC("部分公开") TC("A&amp;B") "<w:tc>" P(R("\xC2\xA0")) "</w:tc></w:tr>"
        "<w:tr>" TC("总计") "<w:tc><w:p/></w:tc>" TC("1") TC("2") "</w:tr>"
        "</w:tbl>" P(R("表后")),
        NULL, NULL,
        "<table>\n"
        "<tr><td rowspan=\"2\" colspan=\"2\">本列</td><td colspan=\"2\">申请人<br>情况</td></tr>\n"
        "<tr><td>自然人</td><td>法人</td></tr>\n"
        "<tr><td rowspan=\"2\">三、结果</td><td>予以公开</td><td>1</td><td>2</td></tr>\n"
        "<tr><td>部分公开</td><td>A&amp;B</td><td>&nbsp;</td></tr>\n"
        "<tr><td>总计</td><td></td><td>1</td><td>2</td></tr>\n"
        "</table>\n"
        "表后\n");
}

static void
test_table_grid_before(void **state)
{
    (void)state;
    /* w:gridBefore / w:gridAfter hold their grid columns empty; rows and
     * cells inside content controls count */
    check_view(
        "<w:tbl>"
        "<w:tr>" TC("a") TC("b") TC("c") "</w:tr>"
        "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" TC("y") TC("z") "</w:tr>"
        "<w:tr><w:trPr><w:gridAfter w:val=\"2\"/></w:trPr>" TC("x") "</w:tr>"
        "<w:sdt><w:sdtContent><w:tr><w:sdt><w:sdtContent>" TC("s1")
        "</w:sdtContent></w:sdt>" TC("s2") TC("s3") "</w:tr></w:sdtContent></w:sdt>"
        "</w:tbl>",
        NULL, NULL,
        "<table>\n"
        "<tr><td>a</td><td>b</td><td>c</td></tr>\n"
        "<tr><td></td><td>y</td><td>z</td></tr>\n"
        "<tr><td>x</td><td colspan=\"2\"></td></tr>\n"
        "<tr><td>s1</td><td>s2</td><td>s3</td></tr>\n"
        "</table>\n");
}

static void
test_table_nested(void **state)
{
    (void)state;
    /* a table in a cell is written after the row that holds it; a
     * one-column box around tables is read as the blocks it holds */
    check_view(
        "<w:tbl>"
        "<w:tr>" TC("外1") "<w:tc>" P(R("外2"))
        "<w:tbl><w:tr>" TC("内1") TC("内2") "</w:tr></w:tbl></w:tc></w:tr>"
        "<w:tr>" TC("外3") TC("外4") "</w:tr>"
        "</w:tbl>"
        "<w:tbl><w:tr><w:tc>" P(R("标题"))
        "<w:tbl><w:tr>" TC("甲") TC("乙") "</w:tr></w:tbl>" P(R("说明"))
        "</w:tc></w:tr></w:tbl>",
        NULL, NULL,
        "<table>\n"
        "<tr><td>外1</td><td>外2</td></tr>\n"
        "</table>\n"
        "<table>\n"
        "<tr><td>内1</td><td>内2</td></tr>\n"
        "</table>\n"
        "<table>\n"
        "<tr><td>外3</td><td>外4</td></tr>\n"
        "</table>\n"
        "标题\n"
        "<table>\n"
        "<tr><td>甲</td><td>乙</td></tr>\n"
        "</table>\n"
        "说明\n");
}

/* clang-format on */

static void
test_zip_bomb(void **state)
{
    (void)state;
    /* 40 MiB of spaces deflate to some 40 KiB: a thousand times the
     * input, rejected before it is inflated whole */
    size_t n = (size_t)40 << 20;
    char *big = malloc(n);
    assert_non_null(big);
    memcpy(big, DOC_HEAD, strlen(DOC_HEAD));
    memset(big + strlen(DOC_HEAD), ' ',
           n - strlen(DOC_HEAD) - strlen(DOC_TAIL));
    memcpy(big + n - strlen(DOC_TAIL), DOC_TAIL, strlen(DOC_TAIL));
    const char *names[] = {"word/document.xml"};
    const char *texts[] = {big};
    size_t lens[] = {n}, len = 0;
    char *z = make_zip(names, texts, lens, 1, &len);
    free(big);
    assert_true(len < n / 200);
    char why[256];
    assert_int_equal(reject_docx(z, len, why, sizeof(why)), OGI_ETOOBIG);
    assert_string_equal(why, "DOCX: word/document.xml too large");

    /* the same, its sizes in the headers made small: the inflating loop
     * stops it (or libzip finds the lie) */
    for (size_t i = 0; i + 30 < len; i++) {
        if (memcmp(z + i, "PK\x03\x04", 4) == 0)
            memset(z + i + 22, 0, 4); /* uncompressed size */
        else if (memcmp(z + i, "PK\x01\x02", 4) == 0)
            memset(z + i + 24, 0, 4);
    }
    int rc = reject_docx(z, len, why, sizeof(why));
    print_message("# patched sizes: %s\n", why);
    assert_true(rc == OGI_ETOOBIG || rc == OGI_EREJECT);
    assert_true(strncmp(why, "DOCX: word/document.xml ", 24) == 0);
    free(z);
}

static void
test_corrupt(void **state)
{
    (void)state;
    char why[256];
    static const char junk[] =
        "PK\x03\x04 this is no zip at all, only its magic";
    assert_int_equal(reject_docx(junk, sizeof(junk) - 1, why, sizeof(why)),
                     OGI_EREJECT);
    assert_true(strncmp(why, "DOCX: not a readable ZIP (", 26) == 0);

    const char *names[] = {"word/styles.xml", "docProps/app.xml"};
    const char *texts[] = {"<x/>", "<y/>"};
    size_t len = 0;
    char *z = make_zip(names, texts, NULL, 2, &len);
    assert_int_equal(reject_docx(z, len, why, sizeof(why)), OGI_EREJECT);
    assert_string_equal(why, "DOCX: word/document.xml missing");
    free(z);

    const char *n2[] = {"word/document.xml"};
    const char *t2[] = {"<w:document><w:body><w:p>"};
    z = make_zip(n2, t2, NULL, 1, &len);
    assert_int_equal(reject_docx(z, len, why, sizeof(why)), OGI_EREJECT);
    assert_true(strncmp(why, "DOCX: word/document.xml is not", 30) == 0);
    free(z);

    /* an empty body is an empty view (the parser rejects it later) */
    check_view("", NULL, NULL, "");
}

static void
test_entities(void **state)
{
    (void)state;
    /* a DTD's entities are not substituted: the reference reads as
     * nothing, and no external entity is fetched */
    static const char doc[] =
        "<?xml version=\"1.0\"?><!DOCTYPE w:document ["
        "<!ENTITY x \"展开\"><!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        "<w:document " W_NS "><w:body>" P(R("前&x;&e;后")) DOC_TAIL;
    const char *names[] = {"word/document.xml"};
    const char *texts[] = {doc};
    size_t len = 0;
    char *z = make_zip(names, texts, NULL, 1, &len);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__view_t v;
    char why[256] = "";
    assert_int_equal(ogi__form_docx(a, z, len, &v, why, sizeof(why)), 0);
    assert_string_equal(v.s, "前后\n");
    ogi_arena_destroy(&a);
    free(z);
}

static void
test_word_fixture(void **state)
{
    (void)state;
    /* tests/data/office/word/word.raw.docx (office_fixtures.sh): headings
     * numbered by a style and by w:numPr, a decimal list, tracked changes */
    size_t len = 0;
    char *raw = ogi_test_slurp("tests/data/office/word/word.raw.docx", &len);
    assert_non_null(raw);
    ogi__form_t form;
    ogi__form_sniff(raw, len, &form);
    assert_int_equal(form.kind, OGI__FORM_DOCX);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__view_t v;
    char why[256] = "";
    assert_int_equal(ogi__form_docx(a, raw, len, &v, why, sizeof(why)), 0);
    static const char *const lines[] = {
        "清河县交通运输局2023年政府信息公开工作年度报告\n",
        "\n一、总体情况\n",
        "\n（一）主动公开\n",
        "\n2023年，本局在门户网站主动公开政府信息386条。\n",
        "\n（二）依申请公开\n",
        "\n全年收到政府信息公开申请26件，办结24件。\n",
        "\n二、主动公开政府信息情况\n",
        "<tr><td>行政许可</td><td colspan=\"3\">1520</td></tr>\n",
        "<tr><td>行政强制</td><td colspan=\"3\">4</td></tr>\n",
        "\n三、收到和处理政府信息公开申请情况\n",
        "<tr><td rowspan=\"3\" colspan=\"3\">（本列数据",
        "<td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或<br>其他组织</td>"
        "<td rowspan=\"2\">总计</td></tr>\n",
        "<tr><td rowspan=\"22\">三、本年度办理结果</td>",
        "<tr><td rowspan=\"8\">（三）不予公开</td><td>1.属于国家秘密</td>",
        "\n四、政府信息公开行政复议、行政诉讼情况\n",
        "\n五、存在的主要问题及改进情况\n1. 公开内容不够全面。\n"
        "2. 解读形式较为单一。\n六、其他需要报告的事项\n",
    };
    assert_true(strncmp(v.s, lines[0], strlen(lines[0])) == 0);
    const char *at = v.s;
    for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
        const char *p = strstr(at, lines[i]);
        if (!p)
            fail_msg("not in order in the view: %s", lines[i]);
        at = p + 1;
    }
    assert_null(strstr(v.s, "1502"));
    ogi_arena_destroy(&a);
    free(raw);
}

static void
test_sniff(void **state)
{
    (void)state;
    static const struct {
        const char *path;
        ogi__form_kind_t kind;
        const char *name;
    } cases[] = {
        {"tests/data/office/gen/000000_html_s20260101.docx", OGI__FORM_DOCX,
         "DOCX"},
        {"tests/data/office/gen/000000_html_s20260101.doc", OGI__FORM_DOC,
         "DOC"},
        {"tests/data/office/other/report.xlsx", OGI__FORM_OTHER,
         "XLSX spreadsheet"},
        {"tests/data/office/other/report.xls", OGI__FORM_OTHER,
         "XLS spreadsheet"},
        {"tests/data/office/other/report.odt", OGI__FORM_OTHER,
         "OpenDocument file"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        size_t len = 0;
        char *raw = ogi_test_slurp(cases[i].path, &len);
        assert_non_null(raw);
        ogi__form_t f;
        ogi__form_sniff(raw, len, &f);
        assert_int_equal(f.kind, cases[i].kind);
        assert_string_equal(f.name, cases[i].name);
        free(raw);
    }
}

static void
test_doc(void **state)
{
    (void)state;
    size_t len = 0;
    char *raw =
        ogi_test_slurp("tests/data/office/gen/000000_html_s20260101.doc", &len);
    assert_non_null(raw);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__view_t v;
    char why[256] = "";

    /* without wvHtml on the PATH */
    const char *path = getenv("PATH");
    char *saved = path ? strdup(path) : NULL;
    setenv("PATH", "/nonexistent", 1);
    int rc = ogi__form_doc(a, raw, len, &v, why, sizeof(why));
    if (saved) {
        setenv("PATH", saved, 1);
        free(saved);
    }
    assert_int_equal(rc, OGI_EREJECT);
    assert_string_equal(why, "DOC: wvHtml not installed (Debian package wv)");

    if (system("command -v wvHtml >/dev/null 2>&1") != 0) {
        ogi_arena_destroy(&a);
        free(raw);
        skip();
    }
    /* the page wvHtml writes, its covered cells (rowspan="0") taken out */
    assert_int_equal(ogi__form_doc(a, raw, len, &v, why, sizeof(why)), 0);
    assert_null(v.encoding);
    assert_int_equal(v.nraw, 0);
    assert_non_null(strstr(v.s, "行政许可"));
    assert_non_null(strstr(v.s, "rowspan=\"2\""));
    assert_null(strstr(v.s, "rowspan=\"0\""));

    /* a tracked change read as accepted: the deleted figure and the
     * author's brackets gone (tests/data/office/word/worddoc.raw.doc) */
    size_t wlen = 0;
    char *word =
        ogi_test_slurp("tests/data/office/word/worddoc.raw.doc", &wlen);
    assert_non_null(word);
    assert_int_equal(ogi__form_doc(a, word, wlen, &v, why, sizeof(why)), 0);
    assert_non_null(strstr(v.s, "1520"));
    assert_null(strstr(v.s, "1502"));
    assert_null(strstr(v.s, "[Author"));
    free(word);

    /* a DOC cut short: wvHtml's failure is the reason */
    rc = ogi__form_doc(a, raw, 20000, &v, why, sizeof(why));
    assert_int_equal(rc, OGI_EREJECT);
    assert_true(strncmp(why, "DOC: wvHtml could not read it (exit ", 36) == 0);
    ogi_arena_destroy(&a);
    free(raw);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_runs),
        cmocka_unit_test(test_numbering),
        cmocka_unit_test(test_table_spans),
        cmocka_unit_test(test_table_grid_before),
        cmocka_unit_test(test_table_nested),
        cmocka_unit_test(test_zip_bomb),
        cmocka_unit_test(test_corrupt),
        cmocka_unit_test(test_entities),
        cmocka_unit_test(test_word_fixture),
        cmocka_unit_test(test_sniff),
        cmocka_unit_test(test_doc),
    };
    return cmocka_run_group_tests_name("form_office", tests, NULL, NULL);
}
