/*
 * test_read_order.c - the reading-order reader (lib/form/read_order.c) on
 * pdftotext's text without -layout.
 *
 * Fixtures in tests/data/forms/order/ (commands in its README.md): two
 * real reports in reading order, 110.txt (洪泽区 2023) and 102.txt
 * (洪泽区 2024, pdftotext of the published PDF), each with a golden
 * converted by hand from the truth a person read from the PDF; and
 * reports generated as HTML, printed to PDF by wkhtmltopdf and read back
 * by pdftotext, which must parse without failing. Paths are relative to
 * the repository root, the working directory of the tests.
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
#include "ogi/arena.h"
#include "ogi/error.h"
#include "ogi/parse.h"
#include "ogi/text.h"
#include "outline_int.h"
#include "reader_int.h"

#define DIR          "tests/data/forms/order/"
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static void
golden(const char *name)
{
    char rp[256], gp[256], diff[4096];
    snprintf(rp, sizeof(rp), DIR "%s.txt", name);
    snprintf(gp, sizeof(gp), DIR "%s.json", name);
    int n = ogi_test_golden_check(rp, gp, diff, sizeof(diff));
    if (n != 0)
        print_error("%s: %d differences\n%s", name, n, diff);
    assert_int_equal(n, 0);
}

/* 洪泽区 2023: Table 3's values in singles and column blocks of 10, 4
 * and 2 rows, labels in runs after them, the first row's label last. */
static void
real_110(void **state)
{
    (void)state;
    golden("110");
}

/* 洪泽区 2024: the same template cut at another row by the page break
 * (blocks of 9 and 5 rows). */
static void
real_102(void **state)
{
    (void)state;
    golden("102");
}

/* A fixture decoded, with the first line at or after `from` that
 * contains lit. */
typedef struct {
    ogi_arena_t *arena;
    char *raw;
    ogi_text_t t;
} fixture_t;

static void
load(fixture_t *f, const char *path)
{
    size_t len = 0;
    f->raw = ogi_test_slurp(path, &len);
    assert_non_null(f->raw);
    f->arena = ogi_arena_new(0);
    assert_non_null(f->arena);
    char why[160];
    assert_int_equal(
        ogi_text_decode(f->arena, f->raw, len, 0, &f->t, why, sizeof(why)), 0);
}

static void
unload(fixture_t *f)
{
    ogi_arena_destroy(&f->arena);
    free(f->raw);
}

static size_t
find_line(const ogi_text_t *t, size_t from, const char *lit)
{
    for (size_t l = from; l < t->nlines; l++)
        if (ogi_text_find(t->s + t->lines[l].start,
                          t->lines[l].end - t->lines[l].start, lit))
            return l;
    fail_msg("no line with \"%s\"", lit);
    return 0;
}

/* Loads file into *f and reads the region from the line holding `from`
 * to the one holding `to` into *tb with the reading-order reader. */
static void
read_region(fixture_t *f, ogi__table_t *tb, const char *file, const char *from,
            const char *to)
{
    load(f, file);
    size_t l0 = find_line(&f->t, 0, from);
    size_t l1 = find_line(&f->t, l0, to);
    ogi__table_init(tb, f->arena, &f->t);
    assert_int_equal(ogi__read_order.read(tb, &f->t, l0, l1), 0);
}

/* The value cells of row r, and its first label (NULL if none). */
static size_t
row_values(const ogi__table_t *tb, size_t r, int64_t *v, size_t cap,
           const ogi__cell_t **label)
{
    size_t n = 0;
    *label = NULL;
    const ogi__row_t *row = &tb->rows[r];
    for (size_t i = row->first; i < row->first + row->count; i++) {
        const ogi__cell_t *c = &tb->cells[i];
        if (c->kind == OGI__CELL_LABEL && !*label)
            *label = c;
        if (c->kind == OGI__CELL_VALUE && n < cap)
            v[n++] = c->num.value;
    }
    return n;
}

/* Table 3 of 110 read on its own: the reader wins the probe, and the
 * model has each row's label with its seven values, in the format's
 * order, whatever order the text gave them in. */
static void
model_110(void **state)
{
    (void)state;
    fixture_t f;
    load(&f, DIR "110.txt");
    size_t l0 = find_line(&f.t, 0, "申请人情况");
    size_t l1 = find_line(&f.t, l0, "行政复议、行政诉讼情况");
    const ogi__reader_t *rd = ogi__reader_pick(&f.t, l0, l1);
    assert_string_equal(rd->name, "order");
    ogi__table_t tb;
    assert_int_equal(ogi__reader_read(&tb, f.arena, &f.t, l0, l1), 0);

    /* the rows with values, in order: label, natural person, total */
    static const struct {
        const char *label;
        int64_t first, total;
    } want[] = {
        {"一、本年新收", 21, 21},   {"二、上年结转", 0, 0},
        {"(一)予以公开", 0, 0},     {"(二)部分公开", 4, 4},
        {"1.属于国家秘密", 1, 1},   {"2.其他法律", 0, 0},
        {"3.危及", 0, 0},           {"4.保护第三方", 0, 0},
        {"5.属于三类", 0, 0},       {"6.属于四类", 1, 1},
        {"7.属于行政执法", 1, 1},   {"8.属于行政查询", 0, 0},
        {"1.本机关不掌握", 10, 10}, {"2.没有现成", 3, 3},
        {"3.补正后", 0, 0},         {"1.信访举报", 1, 1},
        {"2.重复申请", 0, 0},       {"3.要求提供", 0, 0},
        {"4.无正当理由", 0, 0},     {"5.要求行政机关", 0, 0},
        {"(六)其他处理", 0, 0},     {"(七)总计", 21, 21},
        {"四、结转下年度", 0, 0},
    };
    size_t k = 0;
    for (size_t r = 0; r < tb.nrows; r++) {
        int64_t v[16];
        const ogi__cell_t *lab;
        size_t n = row_values(&tb, r, v, 16, &lab);
        if (n == 0)
            continue;
        assert_true(k < ARRAY_LEN(want));
        assert_int_equal(n, 7);
        assert_non_null(lab);
        size_t wl = strlen(want[k].label);
        if (lab->n < wl || memcmp(lab->s, want[k].label, wl) != 0)
            fail_msg("row %zu: label \"%.*s\", want \"%s\"", k, (int)lab->n,
                     lab->s, want[k].label);
        assert_int_equal(v[0], want[k].first);
        assert_int_equal(v[6], want[k].total);
        /* the label's span is its source in the text */
        assert_true(lab->off + lab->len <= f.t.len);
        k++;
    }
    assert_int_equal(k, ARRAY_LEN(want));
    unload(&f);
}

/* Every window of a report's tables read by the reader: bounded, no
 * crash, every cell's span inside the text (run under ASan as well). */
static void
windows(const char *path)
{
    fixture_t f;
    load(&f, path);
    size_t l0 = find_line(&f.t, 0, "主动公开政府信息情况");
    size_t l1 = find_line(&f.t, l0, "存在的主要问题");
    /* the tables in an arena of their own: f's holds the text */
    ogi_arena_t *arena = ogi_arena_new(0);
    assert_non_null(arena);
    for (size_t a = l0; a < l1; a += 7)
        for (size_t b = a + 1; b <= l1; b += 3) {
            ogi__table_t tb;
            ogi__table_init(&tb, arena, &f.t);
            assert_int_equal(ogi__read_order.read(&tb, &f.t, a, b), 0);
            for (size_t i = 0; i < tb.ncells; i++)
                assert_true(tb.cells[i].off + tb.cells[i].len <= f.t.len);
            (void)ogi__read_order.probe(&f.t, a, b);
            ogi_arena_reset(arena);
        }
    ogi_arena_destroy(&arena);
    unload(&f);
}

static void
windows_real(void **state)
{
    (void)state;
    windows(DIR "110.txt");
    windows(DIR "102.txt");
    windows(DIR "gen-html-s1.txt");
}

/* The order probe over all lines of s. */
static int
order_probe_str(const char *s)
{
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_text_t t;
    char why[160];
    assert_int_equal(
        ogi_text_decode(a, s, strlen(s), 1 << 20, &t, why, sizeof(why)), 0);
    int p = ogi__read_order.probe(&t, 0, t.nlines);
    ogi_arena_destroy(&a);
    return p;
}

/* A label over eighteen values, one a line: nineteen lines, so that one
 * line marked by a tab or a run of three spaces (another layout's) is one
 * too many, wherever in a line of any length the mark stands; two spaces
 * are reading order's own. */
static void
marks_any_offset(void **state)
{
    (void)state;
    static const char *const marks[] = {"   ", "\t", "  "};
    char label[96], text[512];
    for (size_t n = 2; n < 60; n++)
        for (size_t k = 1; k < n; k++)
            for (size_t m = 0; m < ARRAY_LEN(marks); m++) {
                size_t o = 0;
                for (size_t i = 0; i < n; i++) {
                    if (i == k)
                        o += (size_t)snprintf(label + o, sizeof(label) - o,
                                              "%s", marks[m]);
                    label[o++] = (char)('a' + i % 26);
                }
                label[o] = '\0';
                o = (size_t)snprintf(text, sizeof(text), "%s\n", label);
                for (int v = 1; v <= 18; v++)
                    o +=
                        (size_t)snprintf(text + o, sizeof(text) - o, "%d\n", v);
                int p = order_probe_str(text);
                if (m < 2)
                    assert_int_equal(p, 0);
                else
                    assert_true(p > 0);
            }
}

/* A Chromium PDF's Table 3 in plain pdftotext (seed 96014's page): the
 * labels a line each or wrapped, and rows whose cells sit side by side on
 * one line ("1714 122 0 0 0 0 1836", "176 0"). Those lines are values
 * too: the reader takes the region, where counting single values alone
 * left it too few. A line of a value and text ("2021 年") is no row. */
static void
rows_side_by_side(void **state)
{
    (void)state;
    static const char *const labels[] = {
        "申请人情况", "法人或", "其他组织", "总计", "社会",
        "商业企", "业", "科研", "机构", "公", "益组", "织",
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量", "（一）予以公开",
        "三、本年度办", "理结果", "（二）部分公开（区分处理的，只计这一情",
        "形，不计其他情形）", "（三）不予公开", "1.属于国家秘密",
    };
    static const char *const rows[] = {
        "1714 122 0 0 0 0 1836", "176 0", "1106 84", "206 6", "0 1",
    };
    char text[2048];
    size_t o = 0;
    for (size_t i = 0; i < ARRAY_LEN(labels); i++)
        o += (size_t)snprintf(text + o, sizeof(text) - o, "%s\n", labels[i]);
    for (size_t i = 0; i < ARRAY_LEN(rows); i++)
        o += (size_t)snprintf(text + o, sizeof(text) - o, "%s\n\n", rows[i]);
    o += (size_t)snprintf(text + o, sizeof(text) - o, "0\n");
    assert_true(order_probe_str(text) > 0);
    /* the same lines of a value and text: no rows */
    o = 0;
    for (size_t i = 0; i < ARRAY_LEN(labels); i++)
        o += (size_t)snprintf(text + o, sizeof(text) - o, "%s\n", labels[i]);
    for (size_t i = 0; i < ARRAY_LEN(rows); i++)
        o += (size_t)snprintf(text + o, sizeof(text) - o, "2021 年\n\n");
    o += (size_t)snprintf(text + o, sizeof(text) - o, "0\n");
    assert_int_equal(order_probe_str(text), 0);
}

/* pdftotext -layout (the same report as 110) is not reading order. */
static void
declines_layout(void **state)
{
    (void)state;
    fixture_t f;
    load(&f, DIR "009-layout.txt");
    size_t l0 = find_line(&f.t, 0, "申请人情况");
    size_t l1 = find_line(&f.t, l0, "行政复议、行政诉讼情况");
    assert_int_equal(ogi__read_order.probe(&f.t, l0, l1), 0);
    unload(&f);
}

/* Generated reports printed by wkhtmltopdf: not exact yet (see the
 * README), but parsed without failing. */
static void
generated(void **state)
{
    (void)state;
    static const char *const names[] = {"gen-html-s1", "gen-html-s2"};
    for (size_t i = 0; i < ARRAY_LEN(names); i++) {
        char p[256];
        snprintf(p, sizeof(p), DIR "%s.txt", names[i]);
        size_t len = 0;
        char *raw = ogi_test_slurp(p, &len);
        assert_non_null(raw);
        ogi_arena_t *arena = ogi_arena_new(0);
        assert_non_null(arena);
        ogi_report_t *r = NULL;
        assert_int_equal(ogi_parse_report(arena, raw, len, NULL, &r), 0);
        assert_non_null(r);
        ogi_arena_destroy(&arena);
        free(raw);
    }
}

/* Table 3 in reading order as pdftotext writes it: each of labels[0..n)
 * then its seven values as single blocks (row k's are k 0 0 0 0 0 k,
 * from 1). The row labelled want reads k's values. */
static void
expect_row_values(const char *const *labels, size_t nl, const char *want,
                  int64_t k)
{
    char in[8192];
    size_t n = 0;
    for (size_t i = 0; i < nl; i++)
        n += (size_t)snprintf(in + n, sizeof(in) - n,
                              "%s\n\n%zu\n\n0\n\n0\n\n0\n\n0\n\n0\n\n%zu\n\n",
                              labels[i], i + 1, i + 1);
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_text_t t;
    char why[160];
    assert_int_equal(ogi_text_decode(a, in, n, 0, &t, why, sizeof(why)), 0);
    ogi__table_t tb;
    ogi__table_init(&tb, a, &t);
    assert_int_equal(ogi__reader_find("order")->read(&tb, &t, 0, t.nlines), 0);
    int seen = 0;
    for (size_t r = 0; r < tb.nrows; r++) {
        const ogi__cell_t *label;
        int64_t v[8];
        size_t nv = row_values(&tb, r, v, 8, &label);
        if (!label || label->n != strlen(want) ||
            memcmp(label->s, want, label->n) != 0)
            continue;
        seen = 1;
        assert_int_equal(nv, 7);
        assert_int_equal(v[0], k);
        assert_int_equal(v[6], k);
    }
    if (!seen)
        fail_msg("no row labelled %s", want);
    ogi_arena_destroy(&a);
}

/* Table 3's labels in the format's order (one （六） row), as pdftotext
 * writes them in reading order: a group's label and its first row's on
 * lines of their own. */
static const char *const t3_labels[] = {
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果\n\n（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（三）不予公开\n\n1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "（四）无法提供\n\n1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "（五）不予处理\n\n1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理",
    "（七）总计",
    "四、结转下年度继续办理",
};

/* Cells of a row that sit close side by side, which pdftotext sets on
 * one line a space apart ("0 0"), and a placeholder wrapped over two
 * lines in a narrow column ("不适" then "用"): each is a value of its
 * own, so every row still reads its seven values in order. Row k (from
 * 1) is k, 0 0, 不适/用, 0, 0, k. */
static void
values_side_by_side_and_wrapped(void **state)
{
    (void)state;
    char in[8192];
    size_t n = 0;
    for (size_t i = 0; i < ARRAY_LEN(t3_labels); i++)
        n += (size_t)snprintf(in + n, sizeof(in) - n,
                              "%s\n\n%zu\n\n0 0\n\n不适\n用\n\n0\n\n0\n\n"
                              "%zu\n\n",
                              t3_labels[i], i + 1, i + 1);
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_text_t t;
    char why[160];
    assert_int_equal(ogi_text_decode(a, in, n, 0, &t, why, sizeof(why)), 0);
    ogi__table_t tb;
    ogi__table_init(&tb, a, &t);
    assert_int_equal(ogi__reader_find("order")->read(&tb, &t, 0, t.nlines), 0);
    int64_t k = 1;
    for (size_t r = 0; r < tb.nrows; r++) {
        const ogi__cell_t *label;
        int64_t v[8];
        size_t nv = row_values(&tb, r, v, 8, &label);
        if (nv == 0)
            continue;
        assert_int_equal(nv, 7);
        assert_non_null(label);
        assert_int_equal(v[0], k);
        assert_int_equal(v[1], 0);
        assert_int_equal(v[2], 0);
        assert_int_equal(v[6], k);
        /* the fourth value is the placeholder, whole */
        const ogi__cell_t *c = &tb.cells[tb.rows[r].first + 4];
        assert_int_equal(c->kind, OGI__CELL_VALUE);
        assert_int_equal(c->num.kind, OGI_NUM_PLACEHOLDER);
        k++;
    }
    assert_int_equal(k, (int64_t)ARRAY_LEN(t3_labels) + 1);
    ogi_arena_destroy(&a);
}

/* Reads in[0..n) with the reading-order reader into *tb (arena a). */
static void
read_text(ogi_arena_t *a, const char *in, size_t n, ogi_text_t *t,
          ogi__table_t *tb)
{
    char why[160];
    assert_int_equal(ogi_text_decode(a, in, n, 0, t, why, sizeof(why)), 0);
    ogi__table_init(tb, a, t);
    assert_int_equal(ogi__reader_find("order")->read(tb, t, 0, t->nlines), 0);
}

/* Every value row of tb is row k (from 1) of t3_labels: k, 0 0 0 0 0, k,
 * with its label (which keeps no value, when bare_labels). */
static void
expect_k_rows(const ogi__table_t *tb, int bare_labels)
{
    int64_t k = 1;
    for (size_t r = 0; r < tb->nrows; r++) {
        const ogi__cell_t *label;
        int64_t v[8];
        size_t nv = row_values(tb, r, v, 8, &label);
        if (nv == 0)
            continue;
        assert_int_equal(nv, 7);
        assert_non_null(label);
        if (bare_labels)
            assert_null(memchr(label->s, '0', label->n));
        assert_int_equal(v[0], k);
        for (size_t c = 1; c < 6; c++)
            assert_int_equal(v[c], 0);
        assert_int_equal(v[6], k);
        k++;
    }
    assert_int_equal(k, (int64_t)ARRAY_LEN(t3_labels) + 1);
}

/* Narrow cells set so close that their digits join ("0 00000 0": the
 * five columns of 法人或其他组织): no number is written with a leading
 * zero, so each zero is a cell. Row k (from 1) is k, 0 0 0 0 0, k. */
static void
zeros_run_together(void **state)
{
    (void)state;
    char in[8192];
    size_t n = 0;
    for (size_t i = 0; i < ARRAY_LEN(t3_labels); i++)
        n += (size_t)snprintf(in + n, sizeof(in) - n, "%s\n\n%zu 00000 %zu\n\n",
                              t3_labels[i], i + 1, i + 1);
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_text_t t;
    ogi__table_t tb;
    read_text(a, in, n, &t, &tb);
    expect_k_rows(&tb, 0);
    ogi_arena_destroy(&a);
}

/* A row's label and all its values on one line ("5.要求行政机关确认或
 * 重新出具已获取信息 0 0 0 0 0 0 0", zeros run together or not): every
 * value a cell of its own, so the rows still number the format's. Row k
 * (from 1) is k 0 0 0 0 0 k, every third row on its label's line. */
static void
label_and_values_on_one_line(void **state)
{
    (void)state;
    char in[8192];
    size_t n = 0;
    for (size_t i = 0; i < ARRAY_LEN(t3_labels); i++)
        n += (size_t)snprintf(in + n, sizeof(in) - n,
                              i % 3 == 0   ? "%s %zu 0 0 0 0 0 %zu\n\n"
                              : i % 3 == 1 ? "%s %zu 00000 %zu\n\n"
                                           : "%s\n\n%zu 0 0 0 0 0 %zu\n\n",
                              t3_labels[i], i + 1, i + 1);
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_text_t t;
    ogi__table_t tb;
    read_text(a, in, n, &t, &tb);
    expect_k_rows(&tb, 1);
    ogi_arena_destroy(&a);
}

/* A row's total in a narrow last column wrapped a digit per line ("1"
 * "2" for 12): joined where the digits make the sum of the row's other
 * values. Row k (from 1) is 10 + k, 0 0 0 0 0, 10 + k; a column of digits
 * that is not the sum stays digits. */
static void
total_wrapped_digit_per_line(void **state)
{
    (void)state;
    char in[8192];
    size_t n = 0;
    for (size_t i = 0; i < ARRAY_LEN(t3_labels); i++)
        n += (size_t)snprintf(in + n, sizeof(in) - n,
                              "%s\n\n%zu\n\n0\n\n0\n\n0\n\n0\n\n0\n\n"
                              "%zu\n%zu\n\n",
                              t3_labels[i], 10 + i + 1, (10 + i + 1) / 10,
                              (10 + i + 1) % 10);
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_text_t t;
    ogi__table_t tb;
    read_text(a, in, n, &t, &tb);
    int64_t k = 1;
    for (size_t r = 0; r < tb.nrows; r++) {
        const ogi__cell_t *label;
        int64_t v[8];
        size_t nv = row_values(&tb, r, v, 8, &label);
        if (nv == 0)
            continue;
        assert_int_equal(nv, 7);
        assert_non_null(label);
        assert_int_equal(v[0], 10 + k);
        assert_int_equal(v[6], 10 + k);
        k++;
    }
    assert_int_equal(k, (int64_t)ARRAY_LEN(t3_labels) + 1);
    ogi_arena_destroy(&a);

    /* 1 then 2 after values adding up to 5: two cells, not 12 */
    static const char other[] = "规章\n\n5\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1\n2\n";
    a = ogi_arena_new(0);
    assert_non_null(a);
    read_text(a, other, sizeof(other) - 1, &t, &tb);
    for (size_t i = 0; i < tb.ncells; i++)
        assert_false(tb.cells[i].kind == OGI__CELL_VALUE &&
                     tb.cells[i].num.value == 12);
    ogi_arena_destroy(&a);
}

/* 1 when the table holds a value cell of value v. */
static int
has_value(const ogi__table_t *tb, int64_t v)
{
    for (size_t i = 0; i < tb->ncells; i++)
        if (tb->cells[i].kind == OGI__CELL_VALUE && tb->cells[i].num.value == v)
            return 1;
    return 0;
}

/* A generated report printed by LibreOffice and read by pdftotext
 * (lo-s25.txt, see the README): Table 3's totals in a column three
 * digits wide wrap their fourth digit to the next line, "107" "6" for
 * 1076 (一、本年新收, 991 + 46 + 39): read whole, as the sum of the row's
 * other values. In （七）总计 the narrow 自然人 wraps too: its 1041 starts
 * above the next column's 0 and ends below it, "104" "0" "1", and the
 * total "112" "6" is 1126 (the truth: 1041 0 0 0 46 39 1126). */
static void
total_wrapped_at_column_width(void **state)
{
    (void)state;
    fixture_t f;
    ogi__table_t tb;
    read_region(&f, &tb, DIR "lo-s25.txt", "申请人情况",
                "四、政府信息公开行政复议");
    assert_true(has_value(&tb, 1076));
    assert_false(has_value(&tb, 107));
    assert_true(has_value(&tb, 1041));
    assert_false(has_value(&tb, 1040));
    assert_true(has_value(&tb, 1126));
    assert_false(has_value(&tb, 104));
    assert_false(has_value(&tb, 112));
    unload(&f);
}

/* A generated report printed by LibreOffice with its pages numbered
 * bare on odd pages (lo-pages-s9.txt, see the README): pdftotext ends
 * page 3 with "3" (line 78, the region's second line, Table 3's heading
 * before it) and page 5 with "5" (line 440, among Table 3's values).
 * They are footers, not values: no value cell sits on them, and Table 3
 * reads in the format's order, 一、本年新收 24 0 0 0 0 0 24 (the truth). */
static void
bare_page_numbers_are_footers(void **state)
{
    (void)state;
    fixture_t f;
    ogi__table_t tb;
    read_region(&f, &tb, DIR "lo-pages-s9.txt",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议");
    static const size_t footers[] = {78 - 1, 440 - 1};
    for (size_t i = 0; i < tb.ncells; i++)
        for (size_t k = 0; k < ARRAY_LEN(footers); k++)
            assert_false(tb.cells[i].kind == OGI__CELL_VALUE &&
                         tb.cells[i].off >= f.t.lines[footers[k]].start &&
                         tb.cells[i].off < f.t.lines[footers[k]].end);
    int seen = 0;
    for (size_t r = 0; r < tb.nrows; r++) {
        const ogi__cell_t *label;
        int64_t v[8];
        size_t nv = row_values(&tb, r, v, 8, &label);
        if (!label || !ogi_text_find(label->s, label->n, "本年新收"))
            continue;
        static const int64_t want[7] = {24, 0, 0, 0, 0, 0, 24};
        assert_int_equal(nv, 7);
        for (size_t c = 0; c < 7; c++)
            assert_int_equal(v[c], want[c]);
        seen = 1;
    }
    assert_true(seen);
    unload(&f);
}

/* 1 when the table holds a value cell on line l. */
static int
value_on_line(const ogi__table_t *tb, const ogi_text_t *t, size_t l)
{
    for (size_t i = 0; i < tb->ncells; i++)
        if (tb->cells[i].kind == OGI__CELL_VALUE &&
            tb->cells[i].off >= t->lines[l].start &&
            tb->cells[i].off < t->lines[l].end)
            return 1;
    return 0;
}

/* The same report, its Table 2 read before Table 3: the page numbers,
 * looked for once per text and kept in its memo, are the whole text's
 * (lines 78 and 440, of Table 3's region, not of Table 2's), and Table 3
 * takes them as footers still. */
static void
page_numbers_kept_per_text(void **state)
{
    (void)state;
    fixture_t f;
    load(&f, DIR "lo-pages-s9.txt");
    size_t l0 = find_line(&f.t, 0, "二、主动公开政府信息情况");
    size_t l1 = find_line(&f.t, l0, "三、收到和处理政府信息公开申请情况");
    size_t l2 = find_line(&f.t, l1, "四、政府信息公开行政复议");
    ogi__table_t tb;
    ogi__table_init(&tb, f.arena, &f.t);
    assert_int_equal(ogi__read_order.read(&tb, &f.t, l0, l1), 0);
    assert_non_null(f.t.memo);
    assert_true(f.t.memo->pages_known);
    int found[2] = {0, 0};
    for (size_t i = 0; i < f.t.memo->npages; i++) {
        found[0] |= f.t.memo->pages[i] == 78 - 1;
        found[1] |= f.t.memo->pages[i] == 440 - 1;
    }
    assert_true(found[0] && found[1]);
    ogi__table_init(&tb, f.arena, &f.t);
    assert_int_equal(ogi__read_order.read(&tb, &f.t, l1, l2), 0);
    assert_false(value_on_line(&tb, &f.t, 78 - 1));
    assert_false(value_on_line(&tb, &f.t, 440 - 1));
    unload(&f);
}

/* A generated report on A4 upright by LibreOffice, no page numbers
 * (lo-portrait-s15018.txt, see the README): its first page is empty, and
 * pages 3 and 5 end in table values "2" (line 170, Table 3) and "4" (line
 * 573, Table 4), what a document with a cover numbering the rest would
 * print there. Two pages are no numbering: both are values. */
static void
two_page_ends_are_no_numbering(void **state)
{
    (void)state;
    fixture_t f;
    load(&f, DIR "lo-portrait-s15018.txt");
    size_t l0 = find_line(&f.t, 0, "三、收到和处理政府信息公开申请情况");
    size_t l1 = find_line(&f.t, l0, "四、政府信息公开行政复议");
    size_t l2 = find_line(&f.t, l1, "五、");
    ogi__table_t tb;
    ogi__table_init(&tb, f.arena, &f.t);
    assert_int_equal(ogi__read_order.read(&tb, &f.t, l0, l1), 0);
    assert_true(value_on_line(&tb, &f.t, 170 - 1));
    ogi__table_init(&tb, f.arena, &f.t);
    assert_int_equal(ogi__read_order.read(&tb, &f.t, l1, l2), 0);
    assert_true(value_on_line(&tb, &f.t, 573 - 1));
    unload(&f);
}

/* 102 with its footers "-1-" … "-5-" written bare ("1" … "5"), as many
 * reports number their pages: every page but the second ends in its
 * number; the second's "2" sits before its last blocks, inside Table 2
 * (行政许可 "2" 本年处理决定数量 9487). The same golden as 102. */
static void
real_102_bare_page_numbers(void **state)
{
    (void)state;
    char diff[4096];
    int n = ogi_test_golden_check(DIR "102-bare.txt", DIR "102.json", diff,
                                  sizeof(diff));
    if (n != 0)
        print_error("102-bare: %d differences\n%s", n, diff);
    assert_int_equal(n, 0);
}

/* The values of row r labelled with lit: 1 when found, its values in v
 * (count *nv). */
static int
labelled_row(const ogi__table_t *tb, const char *lit, int64_t *v, size_t *nv)
{
    for (size_t r = 0; r < tb->nrows; r++) {
        const ogi__cell_t *label;
        size_t n = row_values(tb, r, v, 8, &label);
        if (label && ogi_text_find(label->s, label->n, lit)) {
            *nv = n;
            return 1;
        }
    }
    return 0;
}

/* A generated report printed by LibreOffice (tests/data/pdf/pdf/
 * 000004_html_s5.txt) read by pdftotext (lo-chunk-s5.txt): the middle
 * cells of 5.要求行政机关确认… (6 0 0 0 0 0 6), close side by side, come
 * out as one line "0 0 0 0" after （七）总计's values, every row between
 * shifted. The line is put back where the rows add up: the rows read as
 * the truth has them. */
static void
displaced_chunk_moved_back(void **state)
{
    (void)state;
    fixture_t f;
    ogi__table_t tb;
    read_region(&f, &tb, DIR "lo-chunk-s5.txt",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议");
    static const struct {
        const char *label;
        int64_t v[7];
    } want[] = {
        {"确认或重新出具", {6, 0, 0, 0, 0, 0, 6}},
        /* (the text's full-width brackets are ASCII) */
        {"(六)其他处理", {17, 0, 0, 0, 0, 0, 17}},
        {"(七)总计", {685, 39, 0, 0, 0, 0, 724}},
    };
    for (size_t i = 0; i < ARRAY_LEN(want); i++) {
        int64_t v[8];
        size_t nv = 0;
        assert_true(labelled_row(&tb, want[i].label, v, &nv));
        assert_int_equal(nv, 7);
        for (size_t c = 0; c < 7; c++)
            assert_int_equal(v[c], want[i].v[c]);
    }
    unload(&f);
}

/* 110 with its footers written "1 / 5" … "5 / 5" (the page of the
 * pages, spaced): footers, not the values 1, / and 5. The same golden as
 * 110. */
static void
real_110_page_of_pages(void **state)
{
    (void)state;
    char diff[4096];
    int n = ogi_test_golden_check(DIR "110-of.txt", DIR "110.json", diff,
                                  sizeof(diff));
    if (n != 0)
        print_error("110-of: %d differences\n%s", n, diff);
    assert_int_equal(n, 0);
}

/* Blocks that pdftotext wrote out of order: the values of 1.本机关不掌握
 * (row 13: 13 0 0 0 0 0 13) split, "13 0" after its label and the rest
 * after a later row's values. The value count still numbers the format's
 * rows, but labels and rows that alternate after it (3.补正后…, seven
 * values on each side) contradict taking the rows in order: no row may
 * pair a label with values shifted from another row (row k's first and
 * last values are both k). */
static void
blocks_out_of_order(void **state)
{
    (void)state;
    char in[8192];
    size_t n = 0;
    for (size_t i = 0; i < ARRAY_LEN(t3_labels); i++) {
        if (i == 12)
            n += (size_t)snprintf(in + n, sizeof(in) - n, "%s\n\n13 0\n\n",
                                  t3_labels[i]);
        else
            n += (size_t)snprintf(in + n, sizeof(in) - n,
                                  "%s\n\n%zu\n\n0 0 0 0 0\n\n%zu\n\n",
                                  t3_labels[i], i + 1, i + 1);
        if (i == 19)
            n += (size_t)snprintf(in + n, sizeof(in) - n, "0 0 0 0 13\n\n");
    }
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_text_t t;
    ogi__table_t tb;
    read_text(a, in, n, &t, &tb);
    for (size_t r = 0; r < tb.nrows; r++) {
        const ogi__cell_t *label;
        int64_t v[8];
        size_t nv = row_values(&tb, r, v, 8, &label);
        if (nv == 7 && label)
            assert_int_equal(v[0], v[6]);
    }
    ogi_arena_destroy(&a);
}

/* pdftotext sets cells that share a text line a space apart: a word that
 * starts with an item's number starts a cell of its own. Table 3 in
 * reading order, each row's label then its seven values as single
 * blocks, the group 三、 and the row （一） on one line: the row reads
 * its label and its own values (row k's are k 0 0 0 0 0 k). */
static void
cells_on_one_line(void **state)
{
    (void)state;
    static const char *const labels[] = {
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果 （一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开\n\n1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
        "（四）无法提供\n\n1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        "3.补正后申请内容仍不明确",
        "（五）不予处理\n\n1.信访举报投诉类申请",
        "2.重复申请",
        "3.要求提供公开出版物",
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
        "（六）其他处理",
        "（七）总计",
        "四、结转下年度继续办理",
    };
    expect_row_values(labels, ARRAY_LEN(labels), "(一)予以公开", 3);
}

/* The wrapped tail of a taller cell beside ("处理" of （六）其他处理,
 * centred over its sub-rows) among a row's label lines: the label still
 * names its row (the 22nd of the value rows). */
static void
tail_among_label(void **state)
{
    (void)state;
    static const char *const labels[] = {
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果\n\n（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开\n\n1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
        "（四）无法提供\n\n1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        "3.补正后申请内容仍不明确",
        "（五）不予处理\n\n1.信访举报投诉类申请",
        "2.重复申请",
        "3.要求提供公开出版物",
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
        "（六）其他\n\n1.申请人无正当理由逾期不补正、行政机关不再处理其政府信"
        "息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再\n处理\n"
        "处理其政府信息公开申请",
        "3.其他",
        "（七）总计",
        "四、结转下年度继续办理",
    };
    expect_row_values(labels, ARRAY_LEN(labels),
                      "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其"
                      "政府信息公开申请",
                      22);
}

/* Two labels, then both rows' values as single blocks, in a Table 3 whose
 * values do not number the format's rows (the last row lost a blank
 * cell): the fourteen values read as two rows of seven, in order. */
static void
singles_in_rows(void **state)
{
    (void)state;
    static const char in[] =
        "一、本年新收政府信息公开申请数量\n\n1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1\n"
        "\n"
        "二、上年结转政府信息公开申请数量\n\n2\n\n0\n\n0\n\n0\n\n0\n\n0\n\n2\n"
        "\n"
        "三、本年度办理结果\n\n（一）予以公开\n"
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n\n"
        "3\n\n0\n\n0\n\n0\n\n0\n\n0\n\n3\n\n"
        "4\n\n0\n\n0\n\n0\n\n0\n\n0\n\n4\n\n"
        "（三）不予公开\n\n1."
        "属于国家秘密\n\n5\n\n0\n\n0\n\n0\n\n0\n\n0\n\n5\n\n"
        "2.其他法律行政法规禁止公开\n\n6\n\n0\n\n0\n\n0\n\n0\n\n0\n\n6\n\n"
        "3.危及“三安全一稳定”\n\n7\n\n0\n\n0\n\n0\n\n0\n\n0\n\n7\n\n"
        "四、结转下年度继续办理\n\n8\n\n0\n\n0\n\n0\n\n0\n\n8\n\n";
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_text_t t;
    char why[160];
    assert_int_equal(
        ogi_text_decode(a, in, sizeof(in) - 1, 0, &t, why, sizeof(why)), 0);
    ogi__table_t tb;
    ogi__table_init(&tb, a, &t);
    assert_int_equal(ogi__reader_find("order")->read(&tb, &t, 0, t.nlines), 0);
    int64_t want = 3;
    for (size_t r = 0; r < tb.nrows && want <= 4; r++) {
        const ogi__cell_t *label;
        int64_t v[8];
        size_t nv = row_values(&tb, r, v, 8, &label);
        if (nv == 0 || v[0] != want)
            continue;
        assert_int_equal(nv, 7);
        assert_int_equal(v[6], want);
        want++;
    }
    assert_int_equal(want, 5);
    ogi_arena_destroy(&a);
}

/* A row's label and its first value that pdftotext set on one line
 * ("规范性文件 0"): the value is a cell of its own; a value whose sign is
 * a word ("增 16") and values one after another ("0 0 16") stay whole. */
static void
label_and_value_on_one_line(void **state)
{
    (void)state;
    static const char in[] = "第二十条第（一）项\n"
                             "信息内容\n"
                             "\n"
                             "规章\n"
                             "\n"
                             "1\n\n2\n\n3\n\n"
                             "规范性文件 4\n"
                             "\n"
                             "5\n\n6\n\n"
                             "增 16\n"
                             "\n"
                             "0 0 17\n";
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_text_t t;
    char why[160];
    assert_int_equal(
        ogi_text_decode(a, in, sizeof(in) - 1, 0, &t, why, sizeof(why)), 0);
    ogi__table_t tb;
    ogi__table_init(&tb, a, &t);
    assert_int_equal(ogi__reader_find("order")->read(&tb, &t, 0, t.nlines), 0);
    int label = 0, four = 0, sixteen = 0, seventeen = 0;
    for (size_t i = 0; i < tb.ncells; i++) {
        const ogi__cell_t *c = &tb.cells[i];
        if (c->kind == OGI__CELL_LABEL && c->n == strlen("规范性文件") &&
            memcmp(c->s, "规范性文件", c->n) == 0)
            label = 1;
        if (c->kind == OGI__CELL_VALUE && c->num.value == 4)
            four = 1;
        if (c->kind == OGI__CELL_VALUE && c->num.value == 16)
            sixteen = 1;
        if (c->kind == OGI__CELL_VALUE && c->num.value == 17)
            seventeen = 1;
        /* no label holds a number */
        if (c->kind == OGI__CELL_LABEL)
            assert_null(memchr(c->s, '1', c->n));
    }
    /* the value is a single of its own, as those after it, not in the
     * label's row */
    for (size_t r = 0; r < tb.nrows; r++) {
        const ogi__cell_t *c = &tb.cells[tb.rows[r].first];
        if (c->n == strlen("规范性文件") &&
            memcmp(c->s, "规范性文件", c->n) == 0)
            assert_int_equal(tb.rows[r].count, 1);
    }
    assert_true(label);
    assert_true(four);
    assert_true(sixteen);
    assert_true(seventeen);
    ogi_arena_destroy(&a);
}

/* Table 4 in reading order whose last cells pdftotext wrote after the
 * next section's heading (set beside them on the page): the table's
 * region runs on over them to the section's first paragraph; without
 * such a tail it ends at the heading. */
static void
tail_after_next_heading(void **state)
{
    (void)state;
    static const char head[] =
        "四、政府信息公开行政复议、行政诉讼情况\n\n"
        "行政复议\n\n行政诉讼\n\n结果维持\n\n结果纠正\n\n"
        "0\n\n1\n\n0\n\n0\n\n1\n\n0\n\n0\n\n2\n\n"
        "五、存在的主要问题及改进情况\n\n";
    static const char tail[] = "尚未审\n结\n\n0\n\n0\n\n2\n\n";
    static const char prose[] =
        "本机关将继续做好政府信息公开工作，提高公开质量。\n";
    for (int with_tail = 0; with_tail < 2; with_tail++) {
        char in[2048];
        int n = snprintf(in, sizeof(in), "%s%s%s", head, with_tail ? tail : "",
                         prose);
        ogi_arena_t *a = ogi_arena_new(0);
        assert_non_null(a);
        ogi_text_t t;
        char why[160];
        assert_int_equal(
            ogi_text_decode(a, in, (size_t)n, 0, &t, why, sizeof(why)), 0);
        unsigned char *flags = ogi_arena_alloc(a, t.nlines + 1);
        assert_non_null(flags);
        ogi__outline_t o;
        ogi__outline_find(&t, &o, flags, a);
        size_t h5 = find_line(&t, 0, "五、存在的主要问题");
        size_t para = find_line(&t, 0, "本机关将继续");
        assert_true(o.start[OGI__REG_T4] != OGI__NONE);
        assert_true(o.start[OGI__REG_T4] < h5);
        assert_int_equal(o.end[OGI__REG_T4], with_tail ? para : h5);
        ogi_arena_destroy(&a);
    }
}

/* A crawler's page text with one cell per line (a Word page's cells each
 * on lines of their own): an empty cell is a line holding only the
 * no-break space its "&nbsp;" left. It is a blank cell where values go
 * on after it, or where it ends a row indented as the value before it
 * (the value's own "&nbsp;" no part of its indent);
 * an unindented "&nbsp;" paragraph before the next text is no cell, nor
 * is an empty line. */
static void
nbsp_lines_are_blank_cells(void **state)
{
    (void)state;
    static const char in[] = "规章\n"
                             "  \n"
                             "  3\n"
                             "  \n"
                             "  \xc2\xa0\n"
                             "  \n"
                             "  \xc2\xa0\n"
                             "  4\n"
                             "规范性文件\n"
                             "  \xc2\xa0\n"
                             "  \n"
                             "  1\n"
                             "  \xc2\xa0\n"
                             "\xc2\xa0\n"
                             "第二十条\n"
                             "  \n"
                             "  7\n"
                             "行政处罚\n"
                             "  \xc2\xa0"
                             "8\n"
                             "  \xc2\xa0\n"
                             "行政强制\n";
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_text_t t;
    char why[160];
    assert_int_equal(
        ogi_text_decode(a, in, sizeof(in) - 1, 0, &t, why, sizeof(why)), 0);
    ogi__table_t tb;
    ogi__table_init(&tb, a, &t);
    assert_int_equal(ogi__reader_find("order")->read(&tb, &t, 0, t.nlines), 0);
    /* the values and blanks in reading order: 3, two blanks, 4; a blank,
     * 1, a blank; 7; 8 (its cell's "&nbsp;" before it is no indent),
     * a blank */
    char got[32];
    size_t n = 0;
    for (size_t i = 0; i < tb.ncells && n + 1 < sizeof(got); i++) {
        const ogi__cell_t *c = &tb.cells[i];
        if (c->kind == OGI__CELL_BLANK)
            got[n++] = '_';
        else if (c->kind == OGI__CELL_VALUE)
            got[n++] = (char)('0' + c->num.value);
    }
    got[n] = '\0';
    assert_string_equal(got, "3__4_1_78_");
    ogi_arena_destroy(&a);
}

/* The header "本年增/减" of Table 2 wrapped in a narrow column: pdftotext
 * writes the header cells' lines interleaved in one block, the "/" on a
 * line of its own between "上一年 本年增" and "减". It is header text,
 * not a placeholder; a "/" between a label's lines elsewhere stays a
 * value. (The text as pdftotext wrote a LibreOffice print of a generated
 * page, the values those of the page.) */
static void
change_header_slash_is_text(void **state)
{
    (void)state;
    static const char in[] = "第二十条第（五）项\n"
                             "信息内\n"
                             "容\n\n"
                             "上一年 本年增\n"
                             "处理决定数\n"
                             "/\n"
                             "项\n"
                             "量\n"
                             "减\n"
                             "目数量\n\n"
                             "行政许可\n\n119\n\n37\n\n6605\n\n"
                             "其他对外管理服务事\n"
                             "项\n\n116\n\n16\n\n68172\n\n"
                             "行政处\n"
                             "/\n"
                             "罚\n\n5\n\n";
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_text_t t;
    char why[160];
    assert_int_equal(
        ogi_text_decode(a, in, sizeof(in) - 1, 0, &t, why, sizeof(why)), 0);
    ogi__table_t tb;
    ogi__table_init(&tb, a, &t);
    assert_int_equal(ogi__reader_find("order")->read(&tb, &t, 0, t.nlines), 0);
    char got[128];
    size_t n = 0;
    for (size_t i = 0; i < tb.ncells && n + 16 < sizeof(got); i++) {
        const ogi__cell_t *c = &tb.cells[i];
        if (c->kind != OGI__CELL_VALUE)
            continue;
        if (c->num.kind == OGI_NUM_PLACEHOLDER)
            n += (size_t)snprintf(got + n, sizeof(got) - n, "/ ");
        else
            n += (size_t)snprintf(got + n, sizeof(got) - n, "%lld ",
                                  (long long)c->num.value);
    }
    got[n] = '\0';
    assert_string_equal(got, "119 37 6605 116 16 68172 / 5 ");
    ogi_arena_destroy(&a);
}

/* Table 3 in reading order where pdftotext left the blank cells out: a
 * row's single values between its label and the next fewer than seven.
 * The row is read with a gap before, between and after its values, each
 * standing for up to the cells missing (a BLANK cell with a byte per
 * cell), for the splitter to place by the arithmetic; full rows are read
 * as they are. (Values as a generated page gave them: 予以公开 5, 3 and
 * the total 8, four cells left blank.) */
static void
short_row_gets_gaps(void **state)
{
    (void)state;
    static const char in[] =
        "一、本年新收政府信息公开申请数量\n\n"
        "9\n\n0\n\n0\n\n0\n\n0\n\n0\n\n9\n\n"
        "二、上年结转政府信息公开申请数量\n\n"
        "0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n"
        "（一）予以公开\n\n"
        "5\n\n3\n\n8\n\n"
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n\n"
        "1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1\n\n"
        "1.属于国家秘密\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n"
        "2.其他法律行政法规禁止公开\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n"
        "3.危及“三安全一稳定”\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n"
        "4.保护第三方合法权益\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n";
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_text_t t;
    char why[160];
    assert_int_equal(
        ogi_text_decode(a, in, sizeof(in) - 1, 0, &t, why, sizeof(why)), 0);
    ogi__table_t tb;
    ogi__table_init(&tb, a, &t);
    assert_int_equal(ogi__reader_find("order")->read(&tb, &t, 0, t.nlines), 0);
    /* each row's values, a gap as "_N" (the cells it may stand for) */
    char got[512];
    size_t n = 0;
    for (size_t r = 0; r < tb.nrows; r++) {
        const ogi__row_t *row = &tb.rows[r];
        size_t m = 0;
        for (size_t i = row->first; i < row->first + row->count; i++) {
            const ogi__cell_t *c = &tb.cells[i];
            if (c->kind == OGI__CELL_BLANK)
                m += (size_t)snprintf(got + n + m, sizeof(got) - n - m, "_%u",
                                      (unsigned)c->n);
            else if (c->kind == OGI__CELL_VALUE)
                m += (size_t)snprintf(got + n + m, sizeof(got) - n - m, "%lld",
                                      (long long)c->num.value);
        }
        if (m) {
            n += m;
            got[n++] = '|';
        }
    }
    got[n] = '\0';
    assert_string_equal(got, "9000009|0000000|_45_43_48_4|1000001|"
                             "0000000|0000000|0000000|0000000|");
    ogi_arena_destroy(&a);
}

/* Table 2 region [from, to) of fixture name read by the reader: the row
 * labelled lit holds want[0..n). */
static void
t2_row(const char *name, const char *from, const char *lit, const int64_t *want,
       size_t n)
{
    fixture_t f;
    char p[256];
    snprintf(p, sizeof(p), DIR "%s.txt", name);
    load(&f, p);
    size_t l0 = find_line(&f.t, 0, from);
    size_t l1 = find_line(&f.t, l0, "三、收到和处理政府信息公开申请情况");
    ogi__table_t tb;
    ogi__table_init(&tb, f.arena, &f.t);
    assert_int_equal(ogi__read_order.read(&tb, &f.t, l0, l1), 0);
    int64_t v[8];
    size_t nv = 0;
    if (!labelled_row(&tb, lit, v, &nv))
        fail_msg("%s: no row labelled %s", name, lit);
    assert_int_equal(nv, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(v[i], want[i]);
    unload(&f);
}

/* Table 2 printed by Chromium and read by pdftotext (chromium-t2-*.txt,
 * see the README): headings, row labels and column headers in runs of
 * their own, the values apart, item after item in the format's order.
 * s31017 (2019 format): each value a block, row by row, the labels of
 * （一）（五） before the first heading (outside a region that starts
 * there: those rows unlabelled, in order); s31000 (2021 format): a
 * column's cells one block under its header ("本年制发件数" "0" "11").
 * Values as the truth has them. */
static void
t2_by_format_order(void **state)
{
    (void)state;
    static const int64_t penalty[] = {419, -197, 2050};
    static const int64_t coercion[] = {64, 20, 150};
    static const int64_t fees[] = {23, -7};
    t2_row("chromium-t2-s31017", "第二十条", "行政处罚", penalty, 3);
    t2_row("chromium-t2-s31017", "第二十条", "行政强制", coercion, 3);
    t2_row("chromium-t2-s31017", "第二十条", "行政事业性收费", fees, 2);
    static const int64_t rules[] = {0, 0, 0};
    static const int64_t docs[] = {11, 0, 64};
    static const int64_t license[] = {352};
    t2_row("chromium-t2-s31000", "第二十条", "规章", rules, 3);
    t2_row("chromium-t2-s31000", "第二十条", "行政规范性文件", docs, 3);
    t2_row("chromium-t2-s31000", "第二十条", "行政许可", license, 1);
}

/* Table 2 printed by LibreOffice on A4 across, read by pdftotext
 * (lo-t2wrap-s91058.txt, lo-t2tail-s91047.txt, see the README): in
 * s91058 行政许可's 本年增/减 wraps in its narrow column ("+2" "0" for
 * +20), and both pages' 其他对外管理服务事项, which opens a page, has its
 * 处理决定数量 written at the page's end ("3838", "2935" after the
 * heading of （九）). The wrapped value is joined and the page's last
 * value put back in its row: the rows as the truth has them. */
static void
t2_wrapped_and_page_tail(void **state)
{
    (void)state;
    static const int64_t license[] = {498, 20, 5284};
    static const int64_t other[] = {80, 0, 3838};
    static const int64_t penalty[] = {44, 4, 2673};
    static const int64_t fees[] = {0, 1};
    t2_row("lo-t2wrap-s91058", "第二十条", "行政许可", license, 3);
    t2_row("lo-t2wrap-s91058", "第二十条", "其他对外管理服务", other, 3);
    t2_row("lo-t2wrap-s91058", "第二十条", "行政处", penalty, 3);
    t2_row("lo-t2wrap-s91058", "第二十条", "行政事业性收", fees, 2);
    static const int64_t other47[] = {177, 0, 2935};
    static const int64_t penalty47[] = {95, 0, 6727};
    static const int64_t fees47[] = {11, -5};
    t2_row("lo-t2tail-s91047", "第二十条", "其他对外管理服务", other47, 3);
    t2_row("lo-t2tail-s91047", "第二十条", "行政处", penalty47, 3);
    t2_row("lo-t2tail-s91047", "第二十条", "行政事业性收", fees47, 2);
}

/* Table 3 printed by Chromium with its 总计 column apart
 * (chromium-total-s31014.txt, see the README): each row's six applicant
 * values, 自然人's on the label's line after the other five ("0" "0" "0"
 * "0" "2" "一、本年新收…数量 47"), and after the page's ten rows "总计"
 * with their totals one a line ("49" "4" "41" "5" ...). The rows read as
 * the truth has them. */
static void
total_column_apart_put_back(void **state)
{
    (void)state;
    fixture_t f;
    ogi__table_t tb;
    read_region(&f, &tb, DIR "chromium-total-s31014.txt",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议");
    static const struct {
        const char *label;
        int64_t v[7];
    } want[] = {
        {"本年新收", {47, 0, 0, 0, 0, 2, 49}},
        {"上年结转", {4, 0, 0, 0, 0, 0, 4}},
        {"予以公开", {39, 0, 0, 0, 0, 2, 41}},
        {"部分公开", {5, 0, 0, 0, 0, 0, 5}},
    };
    for (size_t k = 0; k < ARRAY_LEN(want); k++) {
        int64_t v[8];
        size_t nv = 0;
        if (!labelled_row(&tb, want[k].label, v, &nv))
            fail_msg("no row labelled %s", want[k].label);
        assert_int_equal(nv, 7);
        for (size_t c = 0; c < 7; c++)
            if (v[c] != want[k].v[c])
                fail_msg("%s: column %zu is %lld, want %lld", want[k].label, c,
                         (long long)v[c], (long long)want[k].v[c]);
    }
    unload(&f);
}

/* A sentence's year printed apart by Chromium (chromium-year-s33005.txt,
 * see the README): "2020年，我市未发生…" written as "年,我市未发生…", a
 * blank line, then "2020" (line 596), inside Table 4's region. The year
 * is text, not a cell: every cell of the table a zero, as the truth has
 * it. A "2020" with no such sentence next to it stays a value. */
static void
sentence_year_is_text(void **state)
{
    (void)state;
    fixture_t f;
    ogi__table_t tb;
    read_region(&f, &tb, DIR "chromium-year-s33005.txt",
                "四、政府信息公开行政复议", "五、");
    assert_false(value_on_line(&tb, &f.t, 596 - 1));
    size_t values = 0;
    for (size_t i = 0; i < tb.ncells; i++)
        if (tb.cells[i].kind == OGI__CELL_VALUE) {
            assert_int_equal(tb.cells[i].num.value, 0);
            values++;
        }
    assert_int_equal(values, 15);
    unload(&f);

    static const char in[] = "行政许可\n\n2020\n\n行政处罚\n\n7\n\n"
                             "行政强制\n\n0\n\n行政事业性收费\n\n1\n";
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_text_t t;
    char why[160];
    assert_int_equal(
        ogi_text_decode(a, in, sizeof(in) - 1, 0, &t, why, sizeof(why)), 0);
    ogi__table_init(&tb, a, &t);
    assert_int_equal(ogi__read_order.read(&tb, &t, 0, t.nlines), 0);
    assert_true(value_on_line(&tb, &t, 2));
    ogi_arena_destroy(&a);
}

/* The last rows of Table 3 printed by Chromium
 * (chromium-labels-s33025.txt, see the README): their labels in a run
 * ("3." "其他" "（七）总计" "四、结转下年度继续办理", line 479 on), then
 * their values, three full rows of single blocks. The table as a whole
 * is not read by the format's order (its pages are laid out otherwise),
 * yet each label goes with its row, as the truth has them. */
static void
label_run_then_rows(void **state)
{
    (void)state;
    fixture_t f;
    ogi__table_t tb;
    read_region(&f, &tb, DIR "chromium-labels-s33025.txt",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议");
    static const struct {
        const char *label;
        int64_t first, second, total;
    } want[] = {
        {"3.", 0, 1, 1},
        {"总计", 192, 5, 197},
        {"结转下年度", 22, 0, 22},
    };
    for (size_t k = 0; k < ARRAY_LEN(want); k++) {
        /* the row so labelled that holds values (a header "其他" too) */
        int64_t v[8];
        size_t nv = 0, r = 0;
        for (; r < tb.nrows; r++) {
            const ogi__cell_t *label;
            nv = row_values(&tb, r, v, 8, &label);
            if (nv && label && ogi_text_find(label->s, label->n, want[k].label))
                break;
        }
        if (r == tb.nrows)
            fail_msg("no row labelled %s with values", want[k].label);
        assert_int_equal(nv, 7);
        assert_int_equal(v[0], want[k].first);
        assert_int_equal(v[1], want[k].second);
        assert_int_equal(v[6], want[k].total);
    }
    unload(&f);
}

/* Table 2 printed by Chromium with each row's label and first value as
 * one word (chromium-glued-s33029.txt, see the README): "规范性文件1"
 * "1" "4", "行政处罚977" "0" "1716"; chromium-glued-s33026.txt:
 * "政府集中采购22 7426000元", the row's other value after it. The value
 * is a cell of its own, the rest its label: the rows as the truth has
 * them. */
static void
label_glued_to_value(void **state)
{
    (void)state;
    static const int64_t docs[] = {1, 1, 4};
    static const int64_t other[] = {70, -4, 2};
    static const int64_t penalty[] = {977, 0, 1716};
    static const int64_t coercion[] = {27, -3, 17};
    t2_row("chromium-glued-s33029", "第二十条", "规范性文件", docs, 3);
    t2_row("chromium-glued-s33029", "第二十条", "其他对外管理服务事项", other,
           3);
    t2_row("chromium-glued-s33029", "第二十条", "行政处罚", penalty, 3);
    t2_row("chromium-glued-s33029", "第二十条", "行政强制", coercion, 3);
    /* glued, and another value after it on the line (s33026) */
    static const int64_t procurement[] = {22, 7426000};
    t2_row("chromium-glued-s33026", "第二十条", "政府集中采购", procurement, 2);
}

/* The values of the row that label lit names: the row holding the
 * label, or, when it holds no values (a label read as a line of its
 * own), the next row that does. 1 when found, its values in v (count
 * *nv). */
static int
named_row(const ogi__table_t *tb, const char *lit, int64_t *v, size_t *nv)
{
    for (size_t r = 0; r < tb->nrows; r++) {
        const ogi__cell_t *label;
        size_t n = row_values(tb, r, v, 8, &label);
        if (!label || !ogi_text_find(label->s, label->n, lit))
            continue;
        for (size_t q = r; !n && q + 1 < tb->nrows;)
            n = row_values(tb, ++q, v, 8, &label);
        *nv = n;
        return n > 0;
    }
    return 0;
}

/* Table 3's region of fixture `name` (DIR name.txt) read alone: each
 * row named by want[k].label holds want[k].v. */
typedef struct {
    const char *label;
    int64_t v[7];
} want_row_t;

static void
t3_rows(const char *name, const want_row_t *want, size_t n)
{
    char path[256];
    snprintf(path, sizeof(path), DIR "%s.txt", name);
    fixture_t f;
    ogi__table_t tb;
    read_region(&f, &tb, path, "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议");
    for (size_t k = 0; k < n; k++) {
        int64_t v[8];
        size_t nv = 0;
        if (!named_row(&tb, want[k].label, v, &nv))
            fail_msg("%s: no row named %s", name, want[k].label);
        assert_int_equal(nv, 7);
        for (size_t c = 0; c < 7; c++)
            if (v[c] != want[k].v[c])
                fail_msg("%s: %s column %zu is %lld, want %lld", name,
                         want[k].label, c, (long long)v[c],
                         (long long)want[k].v[c]);
    }
    unload(&f);
}

/* A generated report printed by LibreOffice and read by pdftotext
 * (lo-label-s86019.txt, see the README): a row's first value written
 * with its label ("2.没有现成信息需要" "14" "另行制作"), the label's
 * block after the row's other six values and a later row's ("0 0 0 0 0
 * 14" "0 0 0 0 0 12" then the labels with 14 and 12); 3.要求提供公开出版
 * 物's "5" after the table's last row. Each value goes back to its row's
 * start: the rows read as the truth has them, and those after them too. */
static void
label_value_put_first(void **state)
{
    (void)state;
    static const want_row_t want[] = {
        {"本机关不掌握", {58, 0, 0, 0, 0, 0, 58}},
        {"没有现成信息", {14, 0, 0, 0, 0, 0, 14}},
        {"补正后申请内容", {12, 0, 0, 0, 0, 0, 12}},
        {"信访举报投诉", {15, 0, 0, 0, 0, 0, 15}},
        {"要求提供公开出版", {5, 0, 0, 0, 0, 0, 5}},
        {"无正当理由大量反", {4, 0, 0, 0, 0, 0, 4}},
        {"逾期未按收", {5, 0, 0, 0, 0, 0, 5}},
    };
    t3_rows("lo-label-s86019", want, ARRAY_LEN(want));
}

/* lo-label-s91014.txt (see the README): 3.要求提供公开出版物's first
 * value "0" written with its label after the table's last rows, and the
 * report's own sums wrong in two rows before it (（一）予以公开 52 of 51,
 * 8.属于行政查询事项 0 of 1). The value goes back to its row's start:
 * the rows after it read as the truth has them, the wrong sums as the
 * report wrote them. */
static void
label_value_with_own_errors(void **state)
{
    (void)state;
    static const want_row_t want[] = {
        {"予以公开", {52, 0, 0, 0, 0, 0, 51}},
        {"属于行政查询", {0, 0, 0, 0, 0, 0, 1}},
        {"重复申请", {2, 0, 0, 0, 0, 0, 2}},
        {"其他处理", {3, 0, 0, 0, 0, 0, 3}},
        {"(七)总计", {93, 0, 0, 0, 0, 0, 93}},
    };
    t3_rows("lo-label-s91014", want, ARRAY_LEN(want));
}

/* lo-after-s91025.txt (see the README): each row's values a line of
 * seven, in the format's order, but the last rows' labels written after
 * their values ("0 0 0 0 0 0 0" "3.其他" "1 0 0 0 0 1 2" "（七）总计"
 * "0 0 0 0 0 0 0" "四、结转下年度继续办理"): the rows read in the
 * format's order, as the truth has them, not each label with the line
 * after it. */
static void
labels_after_their_rows(void **state)
{
    (void)state;
    static const want_row_t want[] = {
        {"本年新收", {1, 0, 0, 0, 0, 1, 2}},
        {"予以公开", {1, 0, 0, 0, 0, 0, 1}},
        {"3.其他", {0, 0, 0, 0, 0, 0, 0}},
        {"(七)总计", {1, 0, 0, 0, 0, 1, 2}},
        {"结转下年度", {0, 0, 0, 0, 0, 0, 0}},
    };
    t3_rows("lo-after-s91025", want, ARRAY_LEN(want));
}

static void parsed_t3_row(const char *name, const char *key,
                          const int64_t *want);

/* lo-split-s91013.txt (see the README): 一、本年新收's total 226 split
 * over two blocks in its narrow column ("22", a blank line, "6"), after
 * the row's six values (221, 商业企业's blank written "无", 0, 0, 0, 5):
 * one value, the row's sum, so that the rows after it are not shifted:
 * they read as the truth has them. */
static void
total_split_over_blocks(void **state)
{
    (void)state;
    static const int64_t granted[] = {118, 0, 0, 0, 0, 2, 120};
    static const int64_t secret[] = {1, 0, 0, 0, 0, 0, 1};
    static const int64_t third[] = {3, 0, 0, 0, 0, 1, 4};
    static const int64_t creation[] = {2, 0, 0, 0, 0, 0, 2};
    parsed_t3_row("lo-split-s91013", "granted", granted);
    parsed_t3_row("lo-split-s91013", "denied.state_secret", secret);
    parsed_t3_row("lo-split-s91013", "denied.third_party", third);
    parsed_t3_row("lo-split-s91013", "unable.need_creation", creation);
}

/* lo-wrap-s87004.txt (see the README): the total of （一）予以公开 wrapped
 * in its narrow column ("15" "3"), the row standing alone between its
 * label and the next; the report's own sum is wrong (150 + 2 is not
 * 153), but the pieces are one value: no row shifted after it. */
static void
wrapped_total_wrong_sum(void **state)
{
    (void)state;
    static const want_row_t want[] = {
        {"予以公开", {150, 2, 0, 0, 0, 0, 153}},
        {"部分公开", {22, 0, 0, 0, 0, 0, 22}},
        {"属于国家秘密", {1, 0, 0, 0, 0, 0, 1}},
    };
    t3_rows("lo-wrap-s87004", want, ARRAY_LEN(want));
}

/* lo-t2wrap-s91058.txt (see the README): 自然人's header written a
 * character per line, its column one digit wide, and 总计's as narrow:
 * 48 and 51 of 一、本年新收 each wrapped a digit per line ("4" "8", the
 * other five values, "5" "1"), and the same for （一）予以公开's 32 and
 * 34. Each pair is one value where the row's values make its total. */
static void
wrapped_digit_per_line(void **state)
{
    (void)state;
    static const want_row_t want[] = {
        {"本年新收", {48, 0, 0, 0, 0, 3, 51}},
        {"上年结转", {0, 0, 0, 0, 0, 0, 0}},
        {"予以公开", {32, 0, 0, 0, 0, 2, 34}},
    };
    t3_rows("lo-t2wrap-s91058", want, ARRAY_LEN(want));
}

/* Fixture `name` (DIR name.txt) parsed whole: Table 3's row `key` holds
 * the numbers want (every cell a number). */
static void
parsed_t3_row(const char *name, const char *key, const int64_t *want)
{
    char path[256];
    snprintf(path, sizeof(path), DIR "%s.txt", name);
    size_t len = 0;
    char *raw = ogi_test_slurp(path, &len);
    assert_non_null(raw);
    ogi_arena_t *arena = ogi_arena_new(0);
    assert_non_null(arena);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(arena, raw, len, NULL, &r), 0);
    long row = ogi_skeleton_row_index(OGI_T3, key);
    assert_true(row >= 0);
    for (size_t c = 0; c < 7; c++) {
        const ogi_cell_t *cell = ogi_report_cell(r, OGI_T3, (size_t)row, c);
        assert_non_null(cell);
        if (cell->state != OGI_CELL_NUM || cell->value != want[c])
            fail_msg("%s: %s column %zu is state %d value %lld, want %lld",
                     name, key, c, cell->state, (long long)cell->value,
                     (long long)want[c]);
    }
    ogi_arena_destroy(&arena);
    free(raw);
}

/* Table 3 printed by Chromium with its 其他 and 总计 columns apart
 * (chromium-other-s75026.txt, see the README): each row's five values
 * (自然人's on the label's line), then after the page's rows the headers
 * "其他" "总计" and each row's two values in turn ("0" "1847" "0" "0"
 * "0" "1092" ...). The report's rows as the truth has them: 其他's
 * zeros too, not blanks. */
static void
other_and_total_apart(void **state)
{
    (void)state;
    static const int64_t received[] = {1709, 0, 0, 0, 138, 0, 1847};
    static const int64_t granted[] = {1000, 0, 0, 0, 92, 0, 1092};
    static const int64_t partial[] = {179, 0, 0, 0, 12, 0, 191};
    static const int64_t not_held[] = {231, 0, 0, 0, 11, 0, 242};
    parsed_t3_row("chromium-other-s75026", "new_received", received);
    parsed_t3_row("chromium-other-s75026", "granted", granted);
    parsed_t3_row("chromium-other-s75026", "partial", partial);
    parsed_t3_row("chromium-other-s75026", "unable.not_held", not_held);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(real_110),
        cmocka_unit_test(real_102),
        cmocka_unit_test(model_110),
        cmocka_unit_test(windows_real),
        cmocka_unit_test(declines_layout),
        cmocka_unit_test(rows_side_by_side),
        cmocka_unit_test(generated),
        cmocka_unit_test(cells_on_one_line),
        cmocka_unit_test(tail_among_label),
        cmocka_unit_test(singles_in_rows),
        cmocka_unit_test(label_and_value_on_one_line),
        cmocka_unit_test(values_side_by_side_and_wrapped),
        cmocka_unit_test(zeros_run_together),
        cmocka_unit_test(blocks_out_of_order),
        cmocka_unit_test(label_and_values_on_one_line),
        cmocka_unit_test(tail_after_next_heading),
        cmocka_unit_test(total_wrapped_digit_per_line),
        cmocka_unit_test(total_wrapped_at_column_width),
        cmocka_unit_test(bare_page_numbers_are_footers),
        cmocka_unit_test(page_numbers_kept_per_text),
        cmocka_unit_test(real_102_bare_page_numbers),
        cmocka_unit_test(two_page_ends_are_no_numbering),
        cmocka_unit_test(displaced_chunk_moved_back),
        cmocka_unit_test(real_110_page_of_pages),
        cmocka_unit_test(t2_by_format_order),
        cmocka_unit_test(t2_wrapped_and_page_tail),
        cmocka_unit_test(total_column_apart_put_back),
        cmocka_unit_test(label_value_put_first),
        cmocka_unit_test(wrapped_total_wrong_sum),
        cmocka_unit_test(label_value_with_own_errors),
        cmocka_unit_test(labels_after_their_rows),
        cmocka_unit_test(total_split_over_blocks),
        cmocka_unit_test(wrapped_digit_per_line),
        cmocka_unit_test(other_and_total_apart),
        cmocka_unit_test(sentence_year_is_text),
        cmocka_unit_test(label_run_then_rows),
        cmocka_unit_test(label_glued_to_value),
        cmocka_unit_test(nbsp_lines_are_blank_cells),
        cmocka_unit_test(change_header_slash_is_text),
        cmocka_unit_test(short_row_gets_gaps),
        cmocka_unit_test(marks_any_offset),
    };
    return cmocka_run_group_tests_name("read_order", tests, NULL, NULL);
}
