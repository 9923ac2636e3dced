/*
 * test_form_pandoc.c - pandoc's own Markdown loses its markup
 * (ogi__form_pandoc_md, lib/form/form_pandoc.c).
 *
 * Fixtures: tests/data/forms/pandoc_md/ (README.md there): two generated
 * agency pages (Word's spans in their cells) and what
 * `pandoc -f html -t markdown` writes from them, one with simple tables
 * (escaped placeholders "\--"), one with grid tables whose narrow cells
 * pandoc cut values in ("[1" over "0496]{lang=...}"), one whose amount
 * header puts its unit on a line of its own; their golden records
 * are the generator's truth, converted field by field. The same page saved
 * by pandoc as plain text and as GitHub Markdown, and the PDF-to-Markdown
 * pages of tests/data/realhtml, are no pandoc Markdown: their views stay
 * as they are. In the view every table cell keeps its column (the bars of
 * a grid stay at their display columns), and the map leads each byte
 * back to the raw byte it came from. markup.md is pandoc's Markdown of a
 * small page written by hand, with the inline markup pandoc writes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/form_int.h"
#include "form/table_int.h"
#include "golden.h"
#include "ogi.h"
#include "ogi/arena.h"
#include "ogi/parse.h"
#include "ogi/report.h"
#include "ogi/skeleton.h"
#include "ogi/text.h"

#define DIR "tests/data/forms/pandoc_md/"

static void
golden(const char *name)
{
    char rp[256], gp[256], diff[4096];
    snprintf(rp, sizeof(rp), DIR "%s.md", name);
    snprintf(gp, sizeof(gp), DIR "%s.json", name);
    int n = ogi_test_golden_check(rp, gp, diff, sizeof(diff));
    if (n != 0)
        print_error("%s: %d differences\n%s", name, n, diff);
    assert_int_equal(n, 0);
}

/* Simple tables, their cells in Word's spans, "\--" for a placeholder. */
static void
simple_tables(void **state)
{
    (void)state;
    golden("report_s31341");
}

/* Grid tables whose values pandoc cut over two lines of a cell. */
static void
grid_tables(void **state)
{
    (void)state;
    golden("report_s31434");
}

/* The view of the file at path (its bytes in *raw, malloc'd). */
static void
view_of(ogi_arena_t *a, const char *path, char **raw, size_t *len,
        ogi__view_t *v)
{
    *raw = ogi_test_slurp(path, len);
    assert_non_null(*raw);
    char why[256];
    assert_int_equal(ogi__form_text(a, *raw, *len, v, why, sizeof(why)), 0);
    assert_int_equal(ogi__form_pandoc_md(a, v), 0);
}

/* A multiline table whose amount header is two lines ("采购总金额\" over
 * "（万元）**"): the unit is the amount column's, wan_yuan as the page
 * has it. */
static void
unit_below(void **state)
{
    (void)state;
    golden("report_s20250125");
}

/* Texts that are no pandoc Markdown keep their view. */
static void
others_untouched(void **state)
{
    (void)state;
    static const char *const paths[] = {
        DIR "report_s31341.plain.txt",
        DIR "report_s31341.gfm.md",
        "tests/data/realhtml/121.raw.md",
        "tests/data/realhtml/123.raw.md",
    };
    for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
        ogi_arena_t *a = ogi_arena_new(0);
        char *raw, why[256];
        size_t len;
        ogi__view_t v, w;
        raw = ogi_test_slurp(paths[i], &len);
        assert_non_null(raw);
        assert_int_equal(ogi__form_text(a, raw, len, &v, why, sizeof(why)), 0);
        w = v;
        assert_int_equal(ogi__form_pandoc_md(a, &w), 0);
        assert_ptr_equal(w.s, v.s);
        assert_int_equal(w.len, v.len);
        assert_ptr_equal(w.map, v.map);
        free(raw);
        ogi_arena_destroy(&a);
    }
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

/* Display columns of the '|' of s[a..e). */
static size_t
bars(const char *s, size_t a, size_t e, int *col, size_t max)
{
    size_t n = 0;
    int c = 0;
    for (size_t i = a; i < e;) {
        uint32_t cp;
        size_t l = ogi_utf8_decode(s + i, s + e, &cp);
        if (!l)
            l = 1;
        if (s[i] == '|' && n < max)
            col[n++] = c;
        c += (unsigned char)s[i] < 0x80 ? 1 : ogi__table_cp_width(cp);
        i += l;
    }
    return n;
}

static int
is_num(char c)
{
    return (c >= '0' && c <= '9') || c == '.' || c == '-';
}

/*
 * The grid page's view: as many lines as the raw text; in each line of a
 * grid the bars where the raw line has them; no markup left ("]{", "\\"
 * before punctuation); the value cut in two is one number ("10496",
 * written in the page as one). Every byte leads to a raw byte, never
 * going back, and is that byte, or a space the module wrote for markup,
 * or a digit moved down to join its number (leading to a digit).
 */
static void
grid_view(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    char *raw;
    size_t len;
    ogi__view_t v;
    view_of(a, DIR "report_s31434.md", &raw, &len, &v);
    assert_ptr_not_equal(v.s, raw);
    assert_int_equal(v.nraw, len);
    assert_int_equal(v.s[v.len], '\0');
    assert_null(strstr(v.s, "]{"));
    assert_null(strstr(v.s, "\\--"));
    assert_non_null(strstr(v.s, "| 10496 "));
    assert_non_null(strstr(v.s, "| 7915 "));
    size_t lines = 0, grid = 0;
    for (size_t ra = 0, va = 0; ra < len && va < v.len; lines++) {
        const char *rn = memchr(raw + ra, '\n', len - ra);
        const char *vn = memchr(v.s + va, '\n', v.len - va);
        size_t re = rn ? (size_t)(rn - raw) : len;
        size_t ve = vn ? (size_t)(vn - v.s) : v.len;
        if (raw[ra] == '|') {
            int rc[80], vc[80];
            size_t nr = bars(raw, ra, re, rc, 80),
                   nv = bars(v.s, va, ve, vc, 80);
            assert_int_equal(nr, nv);
            assert_memory_equal(rc, vc, nr * sizeof(int));
            grid++;
        }
        ra = re + 1;
        va = ve + 1;
    }
    assert_true(grid > 50);
    size_t rl = 0, vl = 0;
    for (size_t i = 0; i < len; i++)
        rl += raw[i] == '\n';
    for (size_t i = 0; i < v.len; i++)
        vl += v.s[i] == '\n';
    assert_int_equal(rl, vl);

    size_t last = 0;
    for (size_t i = 0; i < v.len; i++) {
        size_t r = raw_of(&v, i);
        if (r < last)
            fail_msg("view byte %zu leads to raw byte %zu, after %zu", i, r,
                     last);
        last = r;
        assert_true(r < len);
        char c = v.s[i];
        if (c == raw[r] || c == ' ')
            continue;
        if (is_num(c) && is_num(raw[r]))
            continue;
        fail_msg("view byte %zu ('%c') leads to raw byte %zu ('%c')", i, c, r,
                 raw[r]);
    }
    assert_int_equal(raw_of(&v, v.len), len);
    free(raw);
    ogi_arena_destroy(&a);
}

/* The simple tables' view: cells at the columns of their rule's dash
 * groups, the placeholder "--" unescaped. */
static void
simple_view(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    char *raw;
    size_t len;
    ogi__view_t v;
    view_of(a, DIR "report_s31341.md", &raw, &len, &v);
    assert_ptr_not_equal(v.s, raw);
    assert_null(strstr(v.s, "\\--"));
    assert_null(strstr(v.s, "]{"));
    assert_null(strstr(v.s, "\n:::"));
    /* the row of 一、本年新收: its values where the raw line has them */
    const char *rv = strstr(v.s, "一、本年新收政府信息公开申请数量");
    const char *rr = strstr(raw, "一、本年新收政府信息公开申请数量");
    assert_non_null(rv);
    assert_non_null(rr);
    while (rv > v.s && rv[-1] != '\n')
        rv--;
    while (rr > raw && rr[-1] != '\n')
        rr--;
    const char *ve = strchr(rv, '\n'), *re = strchr(rr, '\n');
    /* "\--" is "--" and a space after it: the same columns */
    char want[1024];
    size_t n = 0;
    for (const char *p = rr; p < re && n + 2 < sizeof(want);) {
        if (p[0] == '\\' && p + 1 < re && p[1] == '-') {
            size_t k = 1;
            while (p + k < re && p[k] == '-')
                want[n++] = p[k++];
            want[n++] = ' ';
            p += k;
            continue;
        }
        want[n++] = *p++;
    }
    while (n && want[n - 1] == ' ')
        n--;
    size_t got = (size_t)(ve - rv);
    while (got && rv[got - 1] == ' ')
        got--;
    assert_int_equal(got, n);
    assert_memory_equal(rv, want, n);
    free(raw);
    ogi_arena_destroy(&a);
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
    while (n && p[n - 1] == ' ')
        n--; /* the last cell's padding */
    char *s = malloc(n + 1);
    assert_non_null(s);
    memcpy(s, p, n);
    s[n] = '\0';
    return s;
}

static void
line_is(const ogi__view_t *v, size_t k, const char *want)
{
    char *got = line_of(v, k);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

/*
 * markup.md, pandoc's Markdown of markup.html (written by hand): a
 * heading in a span with its attributes ("{#s2 .sec}"), a link whose
 * target holds parentheses, an image, bold, escaped "*" and "[", a list's
 * end comment in a raw block, a
 * multiline table with a header ("信<br>息内容" a "\" line break), a
 * headerless simple table, and a grid right after it; every line as the
 * page has it, cells at their columns.
 */
static void
markup(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    char *raw;
    size_t len;
    ogi__view_t v;
    view_of(a, DIR "markup.md", &raw, &len, &v);
    line_is(&v, 0, "");
    line_is(&v, 1, "## 二、主动公开政府信息情况");
    line_is(&v, 3, "见附件 图 1. 说明 *注* [一]");
    line_is(&v, 7, "");
    line_is(&v, 8, "");
    line_is(&v, 9, "");
    line_is(&v, 13,
            "  信                                 本年制      "
            "                       现行有效件数");
    line_is(&v, 14, "  息内容                             发件数");
    line_is(&v, 16,
            "  规章                               0          "
            "                        --");
    line_is(&v, 21, "  信息内容                              本年制发件数");
    line_is(&v, 22, "  规章                                  1");
    line_is(&v, 26,
            "| 行政许可                          | 10496      "
            "                       |");
    line_is(&v, 29,
            "| x                                 |          "
            "                         |");
    free(raw);
    ogi_arena_destroy(&a);
}

/* Table 2's cell path ("active.a20_6.penalty.delta_items") of r, in the
 * table of that path the report has (2019's or 2021's), or NULL. */
static const ogi_cell_t *
active_cell(ogi_report_t *r, const char *table, const char *row,
            const char *col)
{
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_skel_table_t *sk = ogi_skeleton_table((ogi_table_id_t)id);
        long ri = ogi_skeleton_row_index((ogi_table_id_t)id, row);
        long ci = ogi_skeleton_col_index((ogi_table_id_t)id, col);
        if (strcmp(sk->path, table) != 0 || ri < 0 || ci < 0 ||
            !r->tables[id].row_found[ri])
            continue;
        return ogi_report_cell(r, (ogi_table_id_t)id, (size_t)ri, (size_t)ci);
    }
    return NULL;
}

/* Pandoc wraps a multiline table's narrow cell at its space: the count
 * "减 10" of 本年增减 is "[减" over "10]{style=...}" (report_s20250989.md),
 * "增 28" is "[增" over "28 ]{style=...}" with a no-break space before
 * the bracket (report_s20251533.md). The view joins each on its row's
 * line; the rows read as the pages have them (the generator's truth):
 * 行政处罚 27, -10, 464 and 行政强制 57, -12, 31; 其他对外管理服务事项
 * 218, 28, 2512. */
static void
sign_wrapped(void **state)
{
    (void)state;
    static const struct {
        const char *file, *table, *row;
        long long v[3];
    } want[] = {
        {"report_s20250989.md", "active.a20_6", "penalty", {27, -10, 464}},
        {"report_s20250989.md", "active.a20_6", "coercion", {57, -12, 31}},
        {"report_s20251533.md",
         "active.a20_5",
         "other_services",
         {218, 28, 2512}},
    };
    static const char *const cols[] = {"prev_items", "delta_items",
                                       "decisions"};
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        char path[256];
        snprintf(path, sizeof(path), DIR "%s", want[i].file);
        size_t len;
        char *raw = ogi_test_slurp(path, &len);
        assert_non_null(raw);
        ogi_arena_t *a = ogi_arena_new(0);
        ogi_report_t *r = NULL;
        ogi_parse_opts_t o = {0, path};
        assert_int_equal(ogi_parse_report(a, raw, len, &o, &r), 0);
        for (size_t c = 0; c < 3; c++) {
            const ogi_cell_t *cell =
                active_cell(r, want[i].table, want[i].row, cols[c]);
            if (!cell || cell->state != OGI_CELL_NUM ||
                cell->value != want[i].v[c])
                fail_msg("%s %s.%s: want %lld", want[i].file, want[i].row,
                         cols[c], want[i].v[c]);
        }
        free(raw);
        ogi_arena_destroy(&a);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(simple_tables),    cmocka_unit_test(grid_tables),
        cmocka_unit_test(others_untouched), cmocka_unit_test(grid_view),
        cmocka_unit_test(simple_view),      cmocka_unit_test(markup),
        cmocka_unit_test(unit_below),       cmocka_unit_test(sign_wrapped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
