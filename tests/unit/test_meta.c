/*
 * test_meta.c - the metadata extractor on the eight real reports and on
 * small constructed texts (departments, date forms, postal-code provinces,
 * empty and random input).
 *
 * Run from the repository root: the reports are read from
 * tests/data/reports/.
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
#include "ogi/arena.h"
#include "ogi/meta.h"
#include "ogi/report.h"
#include "ogi/text.h"

/* What one report must yield. */
typedef struct {
    const char *file; /* under tests/data/reports/ */
    const char *agency;
    int year;
    const char *published_on;
    ogi_level_t level;
    const char *province;
    const char *phones[OGI_MAX_PHONES + 1]; /* NULL-terminated */
    const char *postal_code;
    const char *email;
    const char *address;
} expect_t;

/* A parsed text and its report, both in one arena. */
typedef struct {
    ogi_arena_t *arena;
    ogi_text_t text;
    ogi_report_t *report;
    char *raw;
} fixture_t;

/* Whether line i, trimmed, starts with prefix. */
static int
line_starts(const ogi_text_t *t, size_t i, const char *prefix)
{
    const char *p = t->s + t->lines[i].start, *end = t->s + t->lines[i].end;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    size_t n = strlen(prefix);
    return (size_t)(end - p) >= n && memcmp(p, prefix, n) == 0;
}

/* The caller's job in the real parser: the first "一、" line and the last
 * "五、"/"六、" line (nlines when absent). */
static void
find_headings(const ogi_text_t *t, size_t *first, size_t *last)
{
    *first = *last = t->nlines;
    for (size_t i = 0; i < t->nlines; i++) {
        if (*first == t->nlines && line_starts(t, i, "一、"))
            *first = i;
        if (line_starts(t, i, "五、") || line_starts(t, i, "六、"))
            *last = i;
    }
}

/* Decodes raw[0..len) (taking ownership of raw) and runs the extractor. */
static void
fixture_run(fixture_t *f, char *raw, size_t len)
{
    char why[128];
    f->raw = raw;
    f->arena = ogi_arena_new(0);
    assert_non_null(f->arena);
    assert_int_equal(
        ogi_text_decode(f->arena, raw, len, 0, &f->text, why, sizeof(why)), 0);
    f->report = ogi_report_new(f->arena);
    assert_non_null(f->report);
    size_t first, last;
    find_headings(&f->text, &first, &last);
    assert_int_equal(ogi_meta_extract(f->report, &f->text, first, last), 0);
}

static void
fixture_run_str(fixture_t *f, const char *s)
{
    size_t n = strlen(s);
    char *raw = malloc(n + 1);
    assert_non_null(raw);
    memcpy(raw, s, n + 1);
    fixture_run(f, raw, n);
}

static void
fixture_fini(fixture_t *f)
{
    ogi_arena_destroy(&f->arena);
    free(f->raw);
    f->raw = NULL;
}


static void
assert_str_or_null(const char *got, const char *want)
{
    if (want) {
        assert_non_null(got);
        assert_string_equal(got, want);
    } else {
        if (got)
            fail_msg("expected NULL, got \"%s\"", got);
    }
}

static void
check_meta(const ogi_meta_t *m, const expect_t *e)
{
    assert_str_or_null(m->agency, e->agency);
    assert_int_equal(m->year, e->year);
    assert_str_or_null(m->published_on, e->published_on);
    assert_int_equal(m->admin_level, e->level);
    assert_str_or_null(m->province, e->province);
    size_t n = 0;
    while (e->phones[n])
        n++;
    assert_int_equal(m->nphones, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(m->phones[i], e->phones[i]);
    assert_str_or_null(m->postal_code, e->postal_code);
    assert_str_or_null(m->email, e->email);
    assert_str_or_null(m->address, e->address);
}

/* ---- the eight real reports ---- */

static expect_t real[] = {
    /* not const: cmocka takes a void * state */
    {"000_797bd12820c43427.txt",
     "工农区人民政府",
     2020,
     NULL,
     OGI_LEVEL_COUNTY,
     "黑龙江省",
     {"0468-3357660"},
     NULL,
     NULL,
     NULL},
    {"001_1cb59e66f00bcffe.txt",
     "江源区人民政府",
     2020,
     NULL,
     OGI_LEVEL_COUNTY,
     "吉林省",
     {"0439-3820611"},
     "134700",
     NULL,
     "白山市江源区江源大街153号"},
    {"002_e734572c7f6275fe.txt",
     "哈尔滨市松北区人民政府",
     2020,
     "2021-02-05",
     OGI_LEVEL_COUNTY,
     "黑龙江省",
     {"0451-84015515"},
     "150021",
     NULL,
     "黑龙江省哈尔滨市松北区创新一路618号"},
    {"003_17bcadf2ed5508d0.txt",
     "伊美区人民政府",
     2020,
     NULL,
     OGI_LEVEL_COUNTY,
     "黑龙江省",
     {"0458-3608992"},
     "153000",
     "ycqzfb@126.com",
     "伊春市伊美区新兴中路20号"},
    {"004_38ec84bebc7328d3.txt",
     "向阳区人民政府",
     2021,
     NULL,
     OGI_LEVEL_COUNTY,
     "黑龙江省",
     {NULL},
     NULL,
     NULL,
     NULL},
    {"huaian-city-2024.txt",
     "淮安市人民政府",
     2024,
     NULL,
     OGI_LEVEL_CITY,
     "江苏省",
     {"0517-83605210"},
     "223001",
     "hazwgkc@163.com",
     "淮安市翔宇南道1号"},
    {"hongze-district-2023.txt",
     "洪泽区人民政府",
     2023,
     NULL,
     OGI_LEVEL_COUNTY,
     "江苏省",
     {"0517-87222589"},
     "223100",
     "hzzwgk@126.com",
     "淮安市洪泽区洪泽湖大道90号"},
    {"hongze-district-2024.txt",
     "淮安市洪泽区人民政府",
     2024,
     NULL,
     OGI_LEVEL_COUNTY,
     "江苏省",
     {"0517-87290606"},
     "223100",
     NULL,
     "淮安市洪泽区洪泽湖大道90号"},
};

static void
test_real_report(void **state)
{
    const expect_t *e = *state;
    char path[256];
    size_t len = 0;
    snprintf(path, sizeof(path), "tests/data/reports/%s", e->file);
    char *raw = ogi_test_slurp(path, &len);
    if (!raw)
        fail_msg("could not read \"%s\" (run from the repository root)", path);
    fixture_t f = {0};
    fixture_run(&f, raw, len);
    check_meta(&f.report->meta, e);
    fixture_fini(&f);
}

/* ---- constructed texts ---- */

/* Runs the extractor on s and checks the result against e. */
static void
check_text(const char *s, const expect_t *e)
{
    fixture_t f = {0};
    fixture_run_str(&f, s);
    check_meta(&f.report->meta, e);
    fixture_fini(&f);
}

static void
test_department(void **state)
{
    (void)state;
    static const expect_t e = {
        NULL, "哈尔滨市教育局", 2022, "2023-01-20", OGI_LEVEL_DEPARTMENT,
        NULL, {NULL},           NULL, NULL,         NULL};
    check_text("哈尔滨市教育局2022年政府信息公开工作年度报告\n"
               "一、总体情况\n2022年，我局认真贯彻落实《条例》。\n"
               "六、其他需要报告的事项\n无。\n哈尔滨市教育局\n"
               "2023年1月20日\n",
               &e);
}

static void
test_department_year_first(void **state)
{
    (void)state;
    fixture_t f = {0};
    fixture_run_str(&f, "2021年度黑龙江省生态环境厅政府信息公开工作年度报告\n"
                        "一、总体情况\n按照要求开展工作。\n");
    assert_string_equal(f.report->meta.agency, "黑龙江省生态环境厅");
    assert_int_equal(f.report->meta.admin_level, OGI_LEVEL_DEPARTMENT);
    assert_int_equal(f.report->meta.year, 2021);
    assert_string_equal(f.report->meta.province, "黑龙江省");
    fixture_fini(&f);
}

static void
test_chinese_numeral_date(void **state)
{
    (void)state;
    static const expect_t e = {
        NULL, "通河县人民政府", 2020, "2021-02-05", OGI_LEVEL_COUNTY,
        NULL, {NULL},           NULL, NULL,         NULL};
    check_text("通河县人民政府\n2020年政府信息公开工作年度报告\n"
               "一、总体情况\n工作平稳。\n六、其他需要报告的事项\n无。\n"
               "通河县人民政府\n二〇二一年二月五日\n",
               &e);
    fixture_t f = {0};
    fixture_run_str(&f, "一、总体情况\n无。\n五、存在的主要问题\n无。\n"
                        "二〇二〇年十二月三十一日\n");
    assert_string_equal(f.report->meta.published_on, "2020-12-31");
    fixture_fini(&f);
}

static void
test_dotted_date(void **state)
{
    (void)state;
    fixture_t f = {0};
    fixture_run_str(&f, "方正县2021年政府信息公开工作年度报告\n一、总体情况\n"
                        "无。\n六、其他需要报告的事项\n无。\n  2022.01.28  \n");
    assert_string_equal(f.report->meta.published_on, "2022-01-28");
    fixture_fini(&f);
    /* an impossible date is no date */
    fixture_run_str(&f,
                    "一、总体情况\n无。\n六、其他\n2022.13.28\n2022-02-30\n");
    assert_null(f.report->meta.published_on);
    fixture_fini(&f);
}

static void
test_header_date_only_before_first_heading(void **state)
{
    (void)state;
    fixture_t f = {0};
    fixture_run_str(&f, "上海市人民政府2019年政府信息公开工作年度报告\n"
                        "发布日期：2020-01-31 10:00\n一、总体情况\n"
                        "发布日期：2020-10-28\n");
    assert_string_equal(f.report->meta.published_on, "2020-01-31");
    assert_int_equal(f.report->meta.admin_level, OGI_LEVEL_PROVINCE);
    assert_string_equal(f.report->meta.province, "上海市");
    fixture_fini(&f);
    fixture_run_str(&f, "一、总体情况\n发布日期：2020-10-28\n");
    assert_null(f.report->meta.published_on);
    fixture_fini(&f);
}

static void
test_title_without_government(void **state)
{
    (void)state;
    static const expect_t e = {
        NULL, "东宁市人民政府", 2021, NULL, OGI_LEVEL_CITY,
        NULL, {NULL},           NULL, NULL, NULL};
    check_text("东宁市2021年度政府信息公开工作报告\n一、总体情况\n无。\n", &e);
    fixture_t f = {0};
    fixture_run_str(&f, "     某某县\n  2020 年政府信息公开工作年度报告\n"
                        "一、总体情况\n");
    assert_string_equal(f.report->meta.agency, "某某县人民政府");
    assert_int_equal(f.report->meta.admin_level, OGI_LEVEL_COUNTY);
    fixture_fini(&f);
    fixture_run_str(&f, "内蒙古自治区2020年政府信息公开工作年度报告\n"
                        "一、总体情况\n");
    assert_string_equal(f.report->meta.agency, "内蒙古自治区人民政府");
    assert_int_equal(f.report->meta.admin_level, OGI_LEVEL_PROVINCE);
    assert_string_equal(f.report->meta.province, "内蒙古自治区");
    fixture_fini(&f);
    fixture_run_str(&f,
                    "淮安市\n洪泽区人民政府\n2024年政府信息公开工作年度报告\n"
                    "一、总体情况\n");
    assert_string_equal(f.report->meta.agency, "淮安市洪泽区人民政府");
    fixture_fini(&f);
    fixture_run_str(&f, "某某镇2020年政府信息公开工作年度报告\n一、总体情况\n");
    assert_string_equal(f.report->meta.agency, "某某镇人民政府");
    assert_int_equal(f.report->meta.admin_level, OGI_LEVEL_TOWNSHIP);
    fixture_fini(&f);
}

static void
test_title_variants(void **state)
{
    (void)state;
    fixture_t f = {0};
    /* an alias in parentheses is dropped */
    fixture_run_str(
        &f, "哈尔滨市松北区（哈尔滨新区）2020年政府信息公开工作年度报告\n"
            "一、总体情况\n");
    assert_string_equal(f.report->meta.agency, "哈尔滨市松北区人民政府");
    fixture_fini(&f);
    /* a breadcrumb ending in 年报 is no title; the web header gives the date */
    fixture_run_str(
        &f, "首页 > 政务公开 > 年报\n江宁区2020年政府信息公开工作年度报告\n"
            "来源：区政府办  发布时间：2021-01-29 09:30\n"
            "一、总体情况\n");
    assert_string_equal(f.report->meta.agency, "江宁区人民政府");
    assert_int_equal(f.report->meta.year, 2020);
    assert_string_equal(f.report->meta.published_on, "2021-01-29");
    fixture_fini(&f);
    /* no title: the signature names the government, and its date is not
     * the year reported on */
    fixture_run_str(&f, "一、总体情况\n无。\n六、其他需要报告的事项\n无。\n"
                        "某某县人民政府办公室\n2021年1月5日\n");
    assert_string_equal(f.report->meta.agency, "某某县人民政府");
    assert_int_equal(f.report->meta.year, 0);
    assert_string_equal(f.report->meta.published_on, "2021-01-05");
    fixture_fini(&f);
    /* pdftotext: indented, spaced date after a signature, a page number */
    fixture_run_str(
        &f, "         昆山市人民政府\n  2022 年政府信息公开工作年度报告\n"
            "一、总体情况\n六、其他需要报告的事项\n无。\n"
            "           昆山市人民政府办公室\n"
            "            2023 年 1 月 20 日\n\n   -5-\n");
    assert_string_equal(f.report->meta.agency, "昆山市人民政府");
    assert_string_equal(f.report->meta.published_on, "2023-01-20");
    fixture_fini(&f);
    fixture_run_str(&f,
                    "长春市朝阳区永昌街道办事处2021年政府信息公开工作年度报告\n"
                    "一、总体情况\n");
    assert_int_equal(f.report->meta.admin_level, OGI_LEVEL_TOWNSHIP);
    fixture_fini(&f);
    fixture_run_str(&f, "北京市海淀区人民政府2020年政府信息公开工作年度报告\n"
                        "一、总体情况\n");
    assert_int_equal(f.report->meta.admin_level, OGI_LEVEL_COUNTY);
    assert_string_equal(f.report->meta.province, "北京市");
    fixture_fini(&f);
}

static void
test_postal_code_gives_province(void **state)
{
    (void)state;
    static const expect_t e = {
        NULL,     "某某区人民政府", 2020,     NULL, OGI_LEVEL_COUNTY,
        "四川省", {"028-12345678"}, "610041", NULL, "某某大道一段1号"};
    check_text("某某区2020年政府信息公开工作年度报告\n"
               "如有疑问请联系（地址：某某大道一段1号，邮编：\n610041，"
               "电话：028-12345678，传真：028-87654321）。\n"
               "一、总体情况\n无。\n",
               &e);
    /* 兴安盟 is numbered inside 吉林's range */
    fixture_t f = {0};
    fixture_run_str(&f, "某某旗2020年政府信息公开工作年度报告\n邮编：137400\n"
                        "一、总体情况\n");
    assert_string_equal(f.report->meta.province, "内蒙古自治区");
    fixture_fini(&f);
}

static void
test_contact_in_body(void **state)
{
    (void)state;
    fixture_t f = {0};
    fixture_run_str(
        &f, "一、总体情况\n（承办单位：物业站，联系电话：0458-1234567）\n"
            "六、其他需要报告的事项\n本单位政府信息公开咨询电话：\n"
            "0451 - 8888 8888，0451-86661234，0451-86661234；"
            "电子邮箱：gk@example.gov.cn。\n");
    const ogi_meta_t *m = &f.report->meta;
    assert_int_equal(m->nphones, 1);
    assert_string_equal(m->phones[0], "0451-86661234");
    assert_string_equal(m->email, "gk@example.gov.cn");
    assert_string_equal(m->province, "黑龙江省"); /* from the area code */
    fixture_fini(&f);
}

static void
test_docno_province(void **state)
{
    (void)state;
    fixture_t f = {0};
    fixture_run_str(&f,
                    "一、总体情况\n2020年，某某县政府按照（国办发〔2020〕17号）"
                    "和（苏政办发〔2020〕22号）要求，某某县政府全面落实。\n");
    const ogi_meta_t *m = &f.report->meta;
    assert_string_equal(m->agency, "某某县人民政府");
    assert_string_equal(m->province, "江苏省");
    assert_int_equal(m->year, 2020);
    fixture_fini(&f);
}

/* A document number is the abbreviation, 政/府/办, up to three of
 * 办厅发函字规明电, a bracket (〔 [ ( 【 〈) and a year; the province cited
 * most wins, the first cited on a tie. */
static void
test_docno_province_counts(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *province;
    } cases[] = {
        /* the text's first characters; ASCII and CJK brackets */
        {"晋政发〔2020〕1号。\n一、总体情况\n按照（粤府办发函[2021]3号）"
         "和（粤办(2022)5号）办理。\n",
         "广东省"},
        /* a tie: the first cited */
        {"一、总体情况\n按照（湘政发【2020】1号）和（鄂政办发〈2020〉2号）"
         "办理。\n",
         "湖南省"},
        /* four middle characters are one too many; a year out of range and
         * a bracket with no year are none */
        {"一、总体情况\n按照（闽政办发函字〔2020〕1号）（闽政办发函字〔2021〕"
         "2号）（闽政〔1989〕3号）（闽政〔〕）和（赣府〔2021〕4号）办理。\n",
         "江西省"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        fixture_t f = {0};
        fixture_run_str(&f, cases[i].text);
        assert_non_null(f.report->meta.province);
        assert_string_equal(f.report->meta.province, cases[i].province);
        fixture_fini(&f);
    }
}

static void
test_statistical_period_year(void **state)
{
    (void)state;
    fixture_t f = {0};
    fixture_run_str(&f,
                    "政府信息公开工作年度报告\n本报告统计期限自2022年1月1日起"
                    "至2022年12月31日止。\n一、总体情况\n2023年初完成。\n");
    assert_int_equal(f.report->meta.year, 2022);
    assert_null(f.report->meta.agency);
    fixture_fini(&f);
}

static void
test_no_metadata(void **state)
{
    (void)state;
    static const expect_t e = {NULL, NULL,   0,    NULL, OGI_LEVEL_UNKNOWN,
                               NULL, {NULL}, NULL, NULL, NULL};
    check_text(
        "一、总体情况\n今年工作平稳有序。\n二、主动公开政府信息情况\n无。\n",
        &e);
    check_text("", &e);
    check_text("\n\n   \n", &e);
}

/* xorshift32: deterministic pseudo-random numbers for the garbage test. */
static uint32_t
next_rand(uint32_t *s)
{
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *s = x;
    return x;
}

/* Appends the UTF-8 encoding of cp to buf at *n. */
static void
put_utf8(char *buf, size_t *n, uint32_t cp)
{
    if (cp < 0x80) {
        buf[(*n)++] = (char)cp;
    } else if (cp < 0x800) {
        buf[(*n)++] = (char)(0xC0 | (cp >> 6));
        buf[(*n)++] = (char)(0x80 | (cp & 0x3F));
    } else {
        buf[(*n)++] = (char)(0xE0 | (cp >> 12));
        buf[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[(*n)++] = (char)(0x80 | (cp & 0x3F));
    }
}

/* Random valid UTF-8 biased towards what the extractor looks for. */
static char *
garbage(uint32_t *seed, size_t chars, size_t *len)
{
    static const char *const words[] = {
        "年",         "月",       "日",   "区",       "县",         "市",
        "政府",       "人民政府", "报告", "一、",     "六、",       "邮编：",
        "电话：",     "地址：",   "邮箱", "@",        "-",          "(",
        ")",          "\n",       "20",   "0451-",    "〔2020〕",   "黑政办发",
        "二〇二一年", "十",       "传真", "统计期限", "发布日期：", "。",
        "，",         "办公室",   "街道"};
    char *buf = malloc(chars * 16 + 1);
    assert_non_null(buf);
    size_t n = 0;
    for (size_t i = 0; i < chars; i++) {
        uint32_t r = next_rand(seed);
        switch (r % 5) {
            case 0:
                put_utf8(buf, &n, 0x20 + (r >> 8) % 0x5F);
                break;
            case 1:
                put_utf8(buf, &n, '0' + (r >> 8) % 10);
                break;
            case 2:
                put_utf8(buf, &n, 0x4E00 + (r >> 8) % 0x5000);
                break;
            case 3:
                put_utf8(buf, &n, 0x80 + (r >> 8) % 0xD000);
                break;
            default: {
                const char *w =
                    words[(r >> 8) % (sizeof(words) / sizeof(words[0]))];
                memcpy(buf + n, w, strlen(w));
                n += strlen(w);
            }
        }
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static void
test_garbage_does_not_crash(void **state)
{
    (void)state;
    uint32_t seed = 0x9E3779B9u;
    for (int round = 0; round < 300; round++) {
        size_t len;
        char *raw = garbage(&seed, 1 + next_rand(&seed) % 600, &len);
        ogi_arena_t *a = ogi_arena_new(0);
        assert_non_null(a);
        ogi_text_t t;
        char why[128];
        if (ogi_text_decode(a, raw, len, 0, &t, why, sizeof(why)) == 0) {
            ogi_report_t *r = ogi_report_new(a);
            assert_non_null(r);
            /* any heading indexes, including out-of-range ones */
            size_t first = next_rand(&seed) % (t.nlines + 2);
            size_t last = next_rand(&seed) % (t.nlines + 2);
            assert_int_equal(ogi_meta_extract(r, &t, first, last), 0);
            const ogi_meta_t *m = &r->meta;
            assert_true(m->nphones <= OGI_MAX_PHONES);
            if (m->published_on)
                assert_int_equal(strlen(m->published_on), 10);
            if (m->postal_code)
                assert_int_equal(strlen(m->postal_code), 6);
        }
        ogi_arena_destroy(&a);
        free(raw);
    }
}

#define REAL(i)                                                                \
    {                                                                          \
        real[i].file, test_real_report, NULL, NULL, &real[i]                   \
    }

/* A whole saved page in Markdown (pandoc -t gfm of
 * tests/data/forms/pipe/chrome_title.html): fifty lines of site menu push
 * the title down; it is the page's "# …年度报告" heading, and its year is
 * the report's, not the crawl's date in the menu or the next year's plans. */
static void
title_heading_far_down(void **state)
{
    (void)state;
    size_t len;
    char *raw = ogi_test_slurp("tests/data/forms/pipe/chrome_title.gfm.md", &len);
    assert_non_null(raw);
    fixture_t f;
    fixture_run(&f, raw, len);
    assert_int_equal(f.report->meta.year, 2023);
    assert_str_or_null(f.report->meta.agency, "某县发展和改革局");
    fixture_fini(&f);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        REAL(0),
        REAL(1),
        REAL(2),
        REAL(3),
        REAL(4),
        REAL(5),
        REAL(6),
        REAL(7),
        cmocka_unit_test(title_heading_far_down),
        cmocka_unit_test(test_department),
        cmocka_unit_test(test_department_year_first),
        cmocka_unit_test(test_chinese_numeral_date),
        cmocka_unit_test(test_dotted_date),
        cmocka_unit_test(test_header_date_only_before_first_heading),
        cmocka_unit_test(test_title_without_government),
        cmocka_unit_test(test_title_variants),
        cmocka_unit_test(test_postal_code_gives_province),
        cmocka_unit_test(test_contact_in_body),
        cmocka_unit_test(test_docno_province),
        cmocka_unit_test(test_docno_province_counts),
        cmocka_unit_test(test_statistical_period_year),
        cmocka_unit_test(test_no_metadata),
        cmocka_unit_test(test_garbage_does_not_crash),
    };
    return cmocka_run_group_tests_name("meta", tests, NULL, NULL);
}
