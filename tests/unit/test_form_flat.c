/*
 * test_form_flat.c - a report saved on one line gets its lines back
 * (ogi__form_unflatten, lib/form/form_flat.c).
 *
 * Hand-written one-line texts as crawlers that collapse white space save
 * them: section headings mid-line, table headers, a table run together
 * (its lone spaces before values are empty cells: no-break spaces), a
 * table set apart by blanks (a line per row, tabs between cells, a label
 * cut by a line break joined), words of the format inside sentences that
 * must not break, a title; every line expected is written out here. The
 * map back to the raw bytes is checked byte by byte, for UTF-8 and for
 * GB18030 text, and a 5 MB line is read (its breaks bounded).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "ogi.h"
#include "ogi/arena.h"
#include "ogi/error.h"

/* A sentence of narrative that holds the format's words where they are
 * no heading, no table and no row: "（一）主动公开方面", "第二十条第（一）项"
 * with no table header after it, "申请人情况" with no column after it, a
 * row label ("行政许可") quoted in prose. Repeated to make a long line. */
#define NARR                                                                                                    \
    "本年度，本机关认真落实《条例》要求。（一）主动公开方面持续推进基础信息" \
    "公开，依照第二十条第（一）项规定公开规章，申请人情况良好，行政许可"       \
    "事项均已公开。"

static char *
repeat(const char *s, int n)
{
    size_t k = strlen(s);
    char *b = malloc(k * (size_t)n + 1);
    assert_non_null(b);
    for (int i = 0; i < n; i++)
        memcpy(b + k * (size_t)i, s, k);
    b[k * (size_t)n] = '\0';
    return b;
}

static char *
join(const char *a, const char *b, const char *c)
{
    size_t na = strlen(a), nb = strlen(b), nc = strlen(c);
    char *s = malloc(na + nb + nc + 1);
    assert_non_null(s);
    memcpy(s, a, na);
    memcpy(s + na, b, nb);
    memcpy(s + na + nb, c, nc + 1);
    return s;
}

/* Line k of the view (malloc'd), or NULL when it has fewer lines. */
static char *
line_of(const ogi__view_t *v, size_t k)
{
    const char *p = v->s, *end = v->s + v->len;
    for (size_t i = 0; i < k; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = (size_t)((nl ? nl : end) - p);
    char *s = malloc(n + 1);
    assert_non_null(s);
    memcpy(s, p, n);
    s[n] = '\0';
    return s;
}

static size_t
count_lines(const ogi__view_t *v)
{
    size_t n = 1;
    for (size_t i = 0; i < v->len; i++)
        n += v->s[i] == '\n';
    return n;
}

/* The raw offset of view offset off, by form_int.h's rule. */
static size_t
raw_of(const ogi__view_t *v, size_t off)
{
    size_t raw = off;
    for (size_t i = 0; i < v->nmap && v->map[i].norm <= off; i++)
        raw = v->map[i].raw + (off - v->map[i].norm);
    return raw < v->nraw ? raw : v->nraw;
}

/*
 * Every byte of the view leads to the same byte of raw (UTF-8 raw),
 * except what the module wrote: a '\n' put in (it leads to the byte
 * before which it stands), a tab or a no-break space for a raw space.
 * Raw offsets never go back, and every raw byte but dropped spaces is
 * reached.
 */
static void
check_map(const ogi__view_t *v, const char *raw, size_t len)
{
    assert_int_equal(v->nraw, len);
    assert_int_equal(v->s[v->len], '\0');
    for (size_t i = 1; i < v->nmap; i++) {
        assert_true(v->map[i].norm > v->map[i - 1].norm);
        assert_true(v->map[i].raw >= v->map[i - 1].raw);
    }
    size_t last = 0, reached = 0;
    for (size_t i = 0; i < v->len; i++) {
        size_t r = raw_of(v, i);
        assert_true(r >= last);
        last = r;
        unsigned char c = (unsigned char)v->s[i];
        if (r < len && c == (unsigned char)raw[r]) {
            reached++;
            continue;
        }
        if (c == '\n' || (c == '\t' && raw[r] == ' '))
            continue;
        if (c == 0xC2 && i + 1 < v->len && (unsigned char)v->s[i + 1] == 0xA0 &&
            raw[r] == ' ') {
            i++;
            continue;
        }
        fail_msg("view byte %zu (0x%02x) leads to raw byte %zu (0x%02x)", i, c,
                 r, r < len ? (unsigned char)raw[r] : 0);
    }
    assert_int_equal(raw_of(v, v->len), len);
    size_t spaces = 0;
    for (size_t i = 0; i < len; i++)
        spaces += raw[i] == ' ';
    assert_true(reached + spaces >= len);
}

static void
view_of(ogi_arena_t *arena, const char *raw, size_t len, ogi__view_t *v)
{
    char why[256];
    assert_int_equal(ogi__form_text(arena, raw, len, v, why, sizeof(why)), 0);
    assert_int_equal(ogi__form_unflatten(arena, v), 0);
}

static void
expect_line(const ogi__view_t *v, size_t k, const char *want)
{
    char *got = line_of(v, k);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

/* ---- a table run together (text nodes joined with nothing between) ---- */

#define GLUED_T2                                                                                                   \
    "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件" \
    "数现行有效件数规章000行政规范性文件77132470第二十条第（五）项信息内容本"        \
    "年处理决定数量行政许可2629"
#define GLUED_T3                                                                                                   \
    "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项" \
    "之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业" \
    "科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量8 "     \
    "0 1000081二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）"         \
    "予以公开220000022"
#define GLUED_T4                                                                                                   \
    "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其" \
    "他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚"    \
    "未审结总计结果维持结果纠正其他结果尚未审结总计110024001510102"
#define TAIL                                                                                                 \
    "五、存在的主要问题及改进情况存在的问题主要有：一是信息发布不够及时。" \
    "六、其他需要报告的事项无。"

static void
glued(void **state)
{
    (void)state;
    ogi_arena_t *arena = ogi_arena_new(0);
    char *narr = repeat(NARR, 6);
    char *head = join(
        "某县人民政府2023年政府信息公开工作年度报告 一、总体情况 ", narr, " ");
    char *raw = join(head, GLUED_T2 GLUED_T3, " " GLUED_T4 TAIL);
    ogi__view_t v;
    view_of(arena, raw, strlen(raw), &v);
    check_map(&v, raw, strlen(raw));

    expect_line(&v, 0, "某县人民政府2023年政府信息公开工作年度报告 ");
    expect_line(&v, 1, "一、总体情况 ");
    char *want = join(narr, " ", "");
    expect_line(&v, 2, want); /* the words of the format in prose stay */
    expect_line(&v, 3, "二、主动公开政府信息情况");
    /* a table run together stays whole, one line per item heading */
    expect_line(&v, 4,
                "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件"
                "数规章000行政规范性文件77132470");
    expect_line(&v, 5,
                "第二十条第（五）项信息内容本年处理决定数量行政许可2629");
    expect_line(&v, 6, "三、收到和处理政府信息公开申请情况");
    /* the lone spaces between values: empty cells, U+00A0 */
    expect_line(
        &v, 7,
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四"
        "项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会"
        "公益组织法律服务机构其他一、本年新收政府信息公开申请数量8\xC2\xA0"
        "0\xC2\xA0"
        "1000081二、上年结转政府信息公开申请数量0000000三、本年度办理结果"
        "（一）予以公开220000022 ");
    expect_line(&v, 8, "四、政府信息公开行政复议、行政诉讼情况");
    expect_line(&v, 9,
                "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直"
                "接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结"
                "果纠正其他结果尚未审结总计110024001510102");
    expect_line(&v, 10, "五、存在的主要问题及改进情况");
    expect_line(&v, 11, "存在的问题主要有：一是信息发布不够及时。");
    expect_line(&v, 12, "六、其他需要报告的事项");
    expect_line(&v, 13, "无。");
    assert_int_equal(count_lines(&v), 14);

    /* and the report reads: headings, tables, title */
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(arena, raw, strlen(raw), NULL, &r), 0);
    assert_non_null(r);
    assert_int_equal(r->status, OGI_STATUS_OK);
    assert_int_equal(r->meta.year, 2023);
    assert_string_equal(r->meta.agency, "某县人民政府");
    assert_string_equal(r->sections[OGI_SEC_ACTIVE].title,
                        "二、主动公开政府信息情况");
    /* a section's span points into the raw bytes */
    const ogi_section_t *sec = &r->sections[OGI_SEC_APPLY];
    assert_memory_equal(raw + sec->off, "三、收到和处理政府信息公开申请情况",
                        sec->len);
    free(want);
    free(raw);
    free(head);
    free(narr);
    ogi_arena_destroy(&arena);
}

/* Table 3 run together from a page that leaves every empty cell one
 * "&nbsp;": a row's trailing empty cells and a row of nothing but empty
 * cells leave a lone space before the next row's label, which is the
 * empty cells' no-break space (as before a value) */
#define GLUED_T3_BLANKS                                                                                            \
    "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项" \
    "之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业" \
    "科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量8 "     \
    "0 1000081二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）"         \
    "予以公开3 （二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000" \
    "（三）不予公开1.属于国家秘密0000000 2.其他法律行政法规禁止公开 3.危及"     \
    "“三安全一稳定”0000000"

static void
glued_blank_rows(void **state)
{
    (void)state;
    ogi_arena_t *arena = ogi_arena_new(0);
    char *narr = repeat(NARR, 6);
    char *head = join(
        "某县人民政府2023年政府信息公开工作年度报告 一、总体情况 ", narr, " ");
    char *raw = join(head, GLUED_T2 GLUED_T3_BLANKS, " " GLUED_T4 TAIL);
    ogi__view_t v;
    view_of(arena, raw, strlen(raw), &v);
    check_map(&v, raw, strlen(raw));
    char *t3 = line_of(&v, 7);
    assert_non_null(t3);
    /* before a value, as before */
    assert_non_null(strstr(t3, "申请数量8\xC2\xA0" "0\xC2\xA0" "1000081"));
    /* before a row's label: after a value, after a label */
    assert_non_null(strstr(t3, "予以公开3\xC2\xA0（二）部分公开"));
    assert_non_null(strstr(t3, "禁止公开\xC2\xA0" "3.危及"));
    /* not inside a sentence-like run of labels: the group's label and
     * its first row are glued, nothing put between them */
    assert_non_null(strstr(t3, "（三）不予公开1.属于国家秘密0000000"));
    free(t3);
    free(raw);
    free(head);
    free(narr);
    ogi_arena_destroy(&arena);
}

/* Table 2 run together ("020行政规范性文件": a run that starts with a 0)
 * from a page whose value cells carry "&nbsp;" ("规章&nbsp;" then
 * "&nbsp;1" "&nbsp;0" "20"): its lone spaces before values are what the
 * no-break spaces became, written back as such, so that the run-on reader
 * reads the table whole and the gaps are zero or more blank cells. "020"
 * is 0 and 20 (no cell is printed "02"); "27035" is 27 0 35, 2 70 35,
 * 2 703 5 or 270 3 5, and nothing ties Table 2's cells: P6 names them. */
#define GLUED_T2_SPACED                                                                                            \
    "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件" \
    "数现行有效件数规章 1 020行政规范性文件 27035 "                                                \
    "第二十条第（五）项信息内容本"                                                                   \
    "年处理决定数量行政许可 2629"

static void
glued_t2_spaced(void **state)
{
    (void)state;
    ogi_arena_t *arena = ogi_arena_new(0);
    char *narr = repeat(NARR, 6);
    char *head = join(
        "某县人民政府2023年政府信息公开工作年度报告 一、总体情况 ", narr, " ");
    char *raw = join(head, GLUED_T2_SPACED " " GLUED_T3, " " GLUED_T4 TAIL);
    ogi__view_t v;
    view_of(arena, raw, strlen(raw), &v);
    check_map(&v, raw, strlen(raw));
    char *t2 = line_of(&v, 4);
    assert_non_null(t2);
    assert_non_null(strstr(t2, "规章\xC2\xA0"
                               "1\xC2\xA0"
                               "020行政规范性文件"
                               "\xC2\xA0"
                               "27035"));
    free(t2);

    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(arena, raw, strlen(raw), NULL, &r), 0);
    assert_non_null(r);
    static const int rules[3] = {1, 0, 20};
    for (size_t k = 0; k < 3; k++) {
        const ogi_cell_t *c = ogi_report_cell(r, OGI_T2_21_1, 0, k);
        assert_non_null(c);
        assert_int_equal(c->state, OGI_CELL_NUM);
        assert_true(ogi_cell_number(c) == rules[k]);
    }
    int p6 = 0;
    for (size_t i = 0; i < r->nfindings; i++)
        if (strcmp(r->findings[i].rule, "P6") == 0 &&
            strcmp(r->findings[i].path, "active.a20_1.normative_docs") == 0) {
            const char *m = r->findings[i].message;
            p6 = strstr(m, "2 70 35") && strstr(m, "2 703 5") &&
                 strstr(m, "270 3 5");
        }
    assert_true(p6);
    free(raw);
    free(head);
    free(narr);
    ogi_arena_destroy(&arena);
}

/* ---- a table set apart by blanks (one cell per line in the source) ---- */

static void
spaced(void **state)
{
    (void)state;
    ogi_arena_t *arena = ogi_arena_new(0);
    char *narr = repeat(NARR, 6);
    char *head = join("一、总体情况 ", narr, " ");
    const char *tables =
        "二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制 发件数 "
        "本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 1 0 7 三、收到和"
        "处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，"
        "等于第三项加第四项之和） 申请人情况 自然人 法人或其他组织 总计 商业企"
        "业 科研机构 社会公益组织 法律服务机构 其他 一、本年新收政府信息公开"
        "申请数量 2 0 0 0 0 0 2 三、本年度办理结果 （一）予以公开 2 0 0 0 0 0 "
        "2 四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持 "
        "结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉 结果维持 "
        "结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 "
        "总计 1 2 0 0 3 0 0 0 0 0 0 0 0 0 0 五、存在的主要问题及整改措施 一是"
        "公开不够及时。";
    char *raw = join(head, tables, "");
    ogi__view_t v;
    view_of(arena, raw, strlen(raw), &v);
    check_map(&v, raw, strlen(raw));

    expect_line(&v, 2, "二、主动公开政府信息情况 ");
    /* tabs between cells; "本年制 发件数" joined: a label a line break cut */
    expect_line(&v, 3,
                "第二十条第（一）项\t信息内容\t本年制发件数\t本年废止件数\t"
                "现行有效件数 ");
    expect_line(&v, 4, "规章\t0\t0\t0 ");
    expect_line(&v, 5, "行政规范性文件\t1\t0\t7 ");
    expect_line(&v, 6, "三、收到和处理政府信息公开申请情况 ");
    expect_line(&v, 7,
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四"
                "项之和）\t申请人情况\t自然人\t法人或其他组织\t总计\t商业企业\t"
                "科研机构\t社会公益组织\t法律服务机构\t其他 ");
    expect_line(&v, 8,
                "一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2 ");
    /* a group row: the next row's label follows it */
    expect_line(&v, 9, "三、本年度办理结果 ");
    expect_line(&v, 10, "（一）予以公开\t2\t0\t0\t0\t0\t0\t2 ");
    expect_line(&v, 11, "四、政府信息公开行政复议、行政诉讼情况 ");
    char *t4 = line_of(&v, 12);
    assert_non_null(t4);
    static const char t4_head[] = "行政复议\t行政诉讼\t结果维持\t";
    assert_true(strncmp(t4, t4_head, strlen(t4_head)) == 0);
    free(t4);
    /* Table 4's values apart from its header */
    expect_line(&v, 13, "1\t2\t0\t0\t3\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0 ");
    /* a heading in words the skeleton does not list: ordinal, keyword */
    expect_line(&v, 14, "五、存在的主要问题及整改措施 ");
    expect_line(&v, 15, "一是公开不够及时。");
    assert_int_equal(count_lines(&v), 16);

    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(arena, raw, strlen(raw), NULL, &r), 0);
    assert_int_equal(r->status, OGI_STATUS_OK);
    assert_int_equal(r->meta.format, OGI_FORMAT_2021);
    free(raw);
    free(head);
    free(narr);
    ogi_arena_destroy(&arena);
}

/* ---- what stays as it is ---- */

static void
left_alone(void **state)
{
    (void)state;
    ogi_arena_t *arena = ogi_arena_new(0);
    ogi__view_t v;
    /* short lines: the outline reads them as they are */
    const char *lines = "一、总体情况\n本年度无。\n二、主动公开政府信息情况\n";
    view_of(arena, lines, strlen(lines), &v);
    assert_ptr_equal(v.s, lines);
    assert_null(v.map);
    /* a long line of prose: the format's words in sentences only */
    char *narr = repeat(NARR, 12);
    view_of(arena, narr, strlen(narr), &v);
    assert_ptr_equal(v.s, narr);
    /* one heading alone on a long line is too little to act on */
    char *one = join("一、总体情况 ", narr, "");
    view_of(arena, one, strlen(one), &v);
    assert_ptr_equal(v.s, one);
    free(one);
    free(narr);
    ogi_arena_destroy(&arena);
}

/* ---- a converted view: the maps composed ---- */

static void
gb18030(void **state)
{
    (void)state;
    ogi_arena_t *arena = ogi_arena_new(0);
    char *narr = repeat(NARR, 6);
    char *utf8 = join("一、总体情况 ", narr, " " GLUED_T2 GLUED_T3 TAIL);
    size_t n = strlen(utf8), gn = 0;
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    assert_true(cd != (iconv_t)-1);
    char *gb = malloc(2 * n), *in = utf8, *o = gb;
    size_t inleft = n, oleft = 2 * n;
    assert_true(iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1);
    iconv_close(cd);
    gn = (size_t)(o - gb);

    ogi__view_t v;
    view_of(arena, gb, gn, &v);
    assert_string_equal(v.encoding, "gb18030");
    expect_line(&v, 2, "二、主动公开政府信息情况");
    /* each line's first character leads to its GB18030 bytes */
    cd = iconv_open("UTF-8", "GB18030");
    assert_true(cd != (iconv_t)-1);
    size_t lines = count_lines(&v);
    assert_int_equal(lines, 11);
    for (size_t i = 0, k = 0; i <= v.len; i++) {
        if (i != 0 && (i == v.len || v.s[i - 1] != '\n'))
            continue;
        if (i == v.len)
            break;
        size_t r = raw_of(&v, i);
        char out[8];
        char *p = gb + r, *q = out;
        size_t pl = 2, ql = sizeof(out);
        iconv(cd, NULL, NULL, NULL, NULL);
        assert_true(iconv(cd, &p, &pl, &q, &ql) != (size_t)-1);
        assert_memory_equal(out, v.s + i, 3);
        k++;
    }
    iconv_close(cd);
    free(gb);
    free(utf8);
    free(narr);
    ogi_arena_destroy(&arena);
}

/* ---- bounded: a 5 MB line ---- */

static void
big_line(void **state)
{
    (void)state;
    ogi_arena_t *arena = ogi_arena_new(0);
    char *narr = repeat(NARR, 6);
    char *one = join(narr, " " GLUED_T2 GLUED_T3 " ", GLUED_T4 " ");
    size_t k = strlen(one), times = (5u << 20) / k + 1;
    char *raw = malloc(k * times + 64);
    assert_non_null(raw);
    strcpy(raw, "一、总体情况 ");
    size_t n = strlen(raw);
    for (size_t i = 0; i < times; i++) {
        memcpy(raw + n, one, k);
        n += k;
    }
    ogi__view_t v;
    view_of(arena, raw, n, &v);
    /* the first tables got their lines; thousands of headers are no
     * report: at most 2048 breaks (lines for the readers to go through) */
    expect_line(&v, 0, "一、总体情况 ");
    expect_line(&v, 2, "二、主动公开政府信息情况");
    assert_int_equal(count_lines(&v), 2048 + 1);
    assert_int_equal(raw_of(&v, v.len), n);
    free(raw);
    free(one);
    free(narr);
    ogi_arena_destroy(&arena);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(glued),           cmocka_unit_test(glued_blank_rows),
        cmocka_unit_test(glued_t2_spaced), cmocka_unit_test(spaced),
        cmocka_unit_test(left_alone),      cmocka_unit_test(gb18030),
        cmocka_unit_test(big_line),
    };
    return cmocka_run_group_tests_name("form_flat", tests, NULL, NULL);
}
