/*
 * test_read_grid.c - the ASCII grid reader (pandoc -t plain's +---+
 * tables) and the pipe reader (Markdown, PDF-to-Markdown pipelines).
 *
 * Each fixture in tests/data/forms/grid/ and tests/data/forms/pipe/ is the
 * output of a real tool run on an HTML file kept next to it (README.md
 * there gives the commands). The tests check the cells a reader produces
 * (text, kind, row, column, spans) against what a person reads in the
 * HTML, and whole reports against goldens written by hand. Set
 * OGI_TEST_DUMP=1 to print every cell of the tables read.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/reader_int.h"
#include "golden.h"
#include "ogi/arena.h"
#include "ogi/text.h"

#define GRID_DIR "tests/data/forms/grid/"
#define PIPE_DIR "tests/data/forms/pipe/"

/* A file read into a table by one reader, over all its lines. */
typedef struct {
    ogi_arena_t *arena;
    char *raw;
    ogi_text_t text;
    ogi__table_t tb;
} fixture_t;

static const char *const kind_name[] = {"L", "V", "B", "M", "R"};

static void
dump(const ogi__table_t *tb)
{
    for (size_t r = 0; r < tb->nrows; r++) {
        const ogi__row_t *row = &tb->rows[r];
        printf("row %zu line %u%s:", r, row->line, row->prosey ? " prose" : "");
        for (uint32_t i = 0; i < row->count; i++) {
            const ogi__cell_t *c = &tb->cells[row->first + i];
            printf(" [%s %d,%d %ux%u \"%.*s\"]", kind_name[c->kind], c->row,
                   c->col, c->rowspan, c->colspan, (int)c->n, c->s);
        }
        printf("\n");
    }
}

/* Reads path with reader name into f; the table is checked by the caller
 * and freed with fixture_fini. */
static void
fixture_read(fixture_t *f, const char *path, const char *name)
{
    size_t len;
    memset(f, 0, sizeof(*f));
    f->raw = ogi_test_slurp(path, &len);
    assert_non_null(f->raw);
    f->arena = ogi_arena_new(0);
    assert_non_null(f->arena);
    char why[128];
    assert_int_equal(ogi_text_decode(f->arena, f->raw, len,
                                     OGI_TEXT_MAX_DEFAULT, &f->text, why,
                                     sizeof(why)),
                     0);
    const ogi__reader_t *r = ogi__reader_find(name);
    assert_non_null(r);
    ogi__table_init(&f->tb, f->arena, &f->text);
    assert_int_equal(r->read(&f->tb, &f->text, 0, f->text.nlines), 0);
    if (getenv("OGI_TEST_DUMP"))
        dump(&f->tb);
}

static void
fixture_fini(fixture_t *f)
{
    ogi_arena_destroy(&f->arena);
    free(f->raw);
}

static void
dump_file(void **state)
{
    (void)state;
    const char *p = getenv("OGI_TEST_FILE"), *r = getenv("OGI_TEST_READER");
    if (!p || !r)
        skip();
    fixture_t f;
    fixture_read(&f, p, r);
    const ogi__reader_t *best = ogi__reader_pick(&f.text, 0, f.text.nlines);
    printf("picked: %s\n", best->name);
    fixture_fini(&f);
}

/* The cell at row r, position i of f's table: kind and text. */
static void
expect_cell(const fixture_t *f, size_t r, size_t i, ogi__cell_kind_t kind,
            const char *text)
{
    assert_true(r < f->tb.nrows);
    const ogi__row_t *row = &f->tb.rows[r];
    assert_true(i < row->count);
    const ogi__cell_t *c = &f->tb.cells[row->first + i];
    if (c->kind != kind || c->n != strlen(text) || memcmp(c->s, text, c->n))
        print_error("row %zu cell %zu: want %s \"%s\", got %s \"%.*s\"\n", r,
                    i, kind_name[kind], text, kind_name[c->kind], (int)c->n,
                    c->s);
    assert_int_equal(c->kind, kind);
    assert_int_equal(c->n, strlen(text));
    assert_memory_equal(c->s, text, c->n);
    /* the span is the source's: inside the text */
    assert_true((size_t)c->off + c->len <= f->text.len);
}

static void
golden(const char *dir, const char *name)
{
    char rp[256], gp[256], diff[4096];
    snprintf(rp, sizeof(rp), "%s%s", dir, name);
    snprintf(gp, sizeof(gp), "%s%.*s.json", dir,
             (int)(strchr(name, '.') - name), name);
    int n = ogi_test_golden_check(rp, gp, diff, sizeof(diff));
    if (n != 0)
        print_error("%s: %d differences\n%s", name, n, diff);
    assert_int_equal(n, 0);
}

/* pandoc 2.17 expands spans into empty cells; a '|' inside a cell is
 * text, not a bar; wrapped labels join across their lines. */
static void
grid_spans(void **state)
{
    (void)state;
    fixture_t f;
    fixture_read(&f, GRID_DIR "spans.plain80.txt", "ascii_grid");
    assert_int_equal(f.tb.nrows, 6);
    expect_cell(&f, 0, 0, OGI__CELL_LABEL,
                "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)");
    /* the corner's colspan="2": its second column is the label's slot */
    expect_cell(&f, 0, 1, OGI__CELL_MERGED, "");
    expect_cell(&f, 0, 2, OGI__CELL_LABEL, "申请人情况");
    expect_cell(&f, 1, 3, OGI__CELL_LABEL, "法人或其他组织");
    expect_cell(&f, 3, 0, OGI__CELL_LABEL, "一、本年新收政府信息公开申请数量");
    expect_cell(&f, 3, 2, OGI__CELL_VALUE, "68");
    expect_cell(&f, 3, 3, OGI__CELL_LABEL, "1 | 2");
    expect_cell(&f, 3, 4, OGI__CELL_VALUE, "75");
    expect_cell(&f, 4, 0, OGI__CELL_LABEL, "三、本年度办理结果");
    expect_cell(&f, 4, 1, OGI__CELL_LABEL, "(一)予以公开");
    expect_cell(&f, 5, 1, OGI__CELL_LABEL,
                "(二)部分公开(区分处理的,只计这一情形,不计其他情形)");
    expect_cell(&f, 5, 2, OGI__CELL_VALUE, "4");
    expect_cell(&f, 5, 3, OGI__CELL_BLANK, "");
    expect_cell(&f, 5, 4, OGI__CELL_VALUE, "6");
    assert_int_equal(f.tb.cells[f.tb.rows[5].first + 4].col, 4);
    assert_string_equal(
        ogi__reader_pick(&f.text, 0, f.text.nlines)->name, "ascii_grid");
    fixture_fini(&f);
}

/* A generated report whose cells hold two paragraphs: every table a grid
 * (pandoc -t plain --columns=80). */
static void
grid_report(void **state)
{
    (void)state;
    golden(GRID_DIR, "report_s1.plain80.txt");
}

/* **bold** loses its marks, \| is a bar in a cell, \- a dash, an empty
 * cell is BLANK, the |---| rule is no row. */
static void
pipe_cells(void **state)
{
    (void)state;
    fixture_t f;
    fixture_read(&f, PIPE_DIR "cells.gfm.md", "pipe");
    assert_int_equal(f.tb.nrows, 3);
    expect_cell(&f, 0, 1, OGI__CELL_LABEL, "本年制发件数");
    expect_cell(&f, 1, 0, OGI__CELL_LABEL, "规章");
    expect_cell(&f, 1, 1, OGI__CELL_LABEL, "1 | 2");
    expect_cell(&f, 1, 2, OGI__CELL_BLANK, "");
    expect_cell(&f, 2, 0, OGI__CELL_LABEL, "行政规范性文件");
    expect_cell(&f, 2, 1, OGI__CELL_VALUE, "15");
    expect_cell(&f, 2, 2, OGI__CELL_VALUE, "-");
    assert_string_equal(ogi__reader_pick(&f.text, 0, f.text.nlines)->name,
                        "pipe");
    fixture_fini(&f);
}

/* A generated report as pandoc -t gfm writes it. */
static void
pipe_report(void **state)
{
    (void)state;
    golden(PIPE_DIR, "report_s2.gfm.md");
}

/* A real report through a PDF-to-Markdown pipeline: Table 3 cut into
 * small tables, labels torn from their values, a stray page number, a
 * Table 4 header shorter than its data row. */
static void
pipe_106(void **state)
{
    (void)state;
    golden(PIPE_DIR, "106.raw.md");
}

/* Table 3's rows in label_span.html: a label over three label columns
 * (colspan="3"), a group label down two rows, an item over two; the
 * blank value cells of 二、上年结转 (商业企业 and 总计) and of the rows
 * below. */
static void
expect_label_span(const fixture_t *f, size_t corner)
{
    size_t r = corner;
    /* the corner label spans the three label columns */
    expect_cell(f, r, 1, OGI__CELL_MERGED, "");
    expect_cell(f, r, 2, OGI__CELL_MERGED, "");
    expect_cell(f, r, 3, OGI__CELL_LABEL, "申请人情况");
    r += 3; /* 一、本年新收: 41 6 (blank) -- 3 0 50 */
    expect_cell(f, r, 1, OGI__CELL_MERGED, "");
    expect_cell(f, r, 2, OGI__CELL_MERGED, "");
    expect_cell(f, r, 3, OGI__CELL_VALUE, "41");
    expect_cell(f, r, 5, OGI__CELL_BLANK, "");
    r++; /* 二、上年结转: / (blank) 0 0 0 无 (blank) */
    expect_cell(f, r, 1, OGI__CELL_MERGED, "");
    expect_cell(f, r, 2, OGI__CELL_MERGED, "");
    expect_cell(f, r, 3, OGI__CELL_VALUE, "/");
    expect_cell(f, r, 4, OGI__CELL_BLANK, "");
    expect_cell(f, r, 8, OGI__CELL_VALUE, "无");
    expect_cell(f, r, 9, OGI__CELL_BLANK, "");
    r++; /* 三、本年度办理结果 （一）予以公开: 32 2 - (blank) 2 0 36 */
    expect_cell(f, r, 1, OGI__CELL_LABEL, "(一)予以公开");
    expect_cell(f, r, 2, OGI__CELL_MERGED, "");
    expect_cell(f, r, 6, OGI__CELL_BLANK, "");
    r++; /* （二）部分公开: 1 1 0 0 无 (blank) 2 */
    expect_cell(f, r, 0, OGI__CELL_MERGED, "");
    expect_cell(f, r, 2, OGI__CELL_MERGED, "");
    expect_cell(f, r, 8, OGI__CELL_BLANK, "");
    expect_cell(f, r, 9, OGI__CELL_VALUE, "2");
}

/* pandoc 2's grid of label_span.html: empty cells where the labels
 * span; a column no row labels, under a header naming the columns to
 * its right, holds the labels' slots too. */
static void
grid_label_span(void **state)
{
    (void)state;
    fixture_t f;
    fixture_read(&f, GRID_DIR "label_span.plain200.txt", "ascii_grid");
    assert_int_equal(f.tb.nrows, 7);
    expect_label_span(&f, 0);
    fixture_fini(&f);
}

/* pandoc -t gfm's pipe table of label_span.html (its first row the
 * empty header pandoc writes). */
static void
pipe_label_span(void **state)
{
    (void)state;
    fixture_t f;
    fixture_read(&f, PIPE_DIR "label_span.gfm.md", "pipe");
    assert_int_equal(f.tb.nrows, 8);
    expect_label_span(&f, 1);
    fixture_fini(&f);
}

/* Any bytes: no crash, no read past the text (run under ASan). */
static void
readers_bad_input(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "+", "|", "+-", "|-|", "+--+\n|", "+--+--+\n|a|b|c|d|\n+-+\n",
        "+==+\n|\xe4\xb8\n+--+", "| a \\", "|\\|\\|", "| <br",
        "|---|\n|---|", "+--+\n|  +--+\n|  |  |\n+--+--+\n",
        "+-+-+-+\n| | | |\n|   + |\n+-----+\n", "1.x2.y\n|1|2|\n",
    };
    for (size_t k = 0; k < sizeof(inputs) / sizeof(inputs[0]); k++) {
        ogi_arena_t *a = ogi_arena_new(0);
        assert_non_null(a);
        ogi_text_t t;
        char why[64];
        if (ogi_text_decode(a, inputs[k], strlen(inputs[k]), 1 << 20, &t, why,
                            sizeof(why)) == 0) {
            static const char *const names[] = {"ascii_grid", "pipe"};
            for (size_t r = 0; r < 2; r++) {
                const ogi__reader_t *rd = ogi__reader_find(names[r]);
                (void)rd->probe(&t, 0, t.nlines);
                ogi__table_t tb;
                ogi__table_init(&tb, a, &t);
                assert_int_equal(rd->read(&tb, &t, 0, t.nlines), 0);
                for (size_t i = 0; i < tb.ncells; i++)
                    assert_true((size_t)tb.cells[i].off + tb.cells[i].len <=
                                t.len);
            }
        }
        ogi_arena_destroy(&a);
    }
}

/* The pipe probe over all lines of s. */
static int
pipe_probe_str(const char *s)
{
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_text_t t;
    char why[64];
    assert_int_equal(
        ogi_text_decode(a, s, strlen(s), 1 << 20, &t, why, sizeof(why)), 0);
    int p = ogi__reader_find("pipe")->probe(&t, 0, t.nlines);
    ogi_arena_destroy(&a);
    return p;
}

/* The rule under a Markdown header is told however long it is and
 * wherever a byte that no rule holds stands in it: two rows and a rule
 * are surely pipe rows (40 + 50 for the rows, 10 for the rule, capped at
 * 100); a line of bars and dashes with a letter in it is one more row
 * (40 + 50 for three rows of three, no rule). */
static void
pipe_rule_any_length(void **state)
{
    (void)state;
    char rule[128], text[256];
    for (size_t n = 3; n < 60; n++) {
        /* "|-:-- ...|": bars at both ends, dashes, a colon and a space */
        rule[0] = '|';
        for (size_t i = 1; i + 1 < n; i++)
            rule[i] = i % 7 == 3 ? ':' : i % 11 == 5 ? ' ' : '-';
        rule[n - 1] = '|';
        rule[n] = '\0';
        snprintf(text, sizeof(text), "| a | b |\n%s\n| 1 | 2 |\n", rule);
        assert_int_equal(pipe_probe_str(text), 100);
        for (size_t bad = 1; bad + 1 < n; bad++) {
            char keep = rule[bad];
            rule[bad] = 'x';
            snprintf(text, sizeof(text), "| a | b |\n%s\n| 1 | 2 |\n", rule);
            assert_int_equal(pipe_probe_str(text), 90);
            rule[bad] = keep;
        }
    }
}

/* A probe's quick look for its marks (in the squeezed text first) says
 * what a search of the region's bytes says, for every window of lines,
 * marks set apart by white space or at a line's ends included. */
static void
probe_region_has_agrees(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "a\n  | b |\n\n+ - \n+-\tx\n<p>\n  __\n\xe2\x94\x80\n",
        "\n\n   \n|",
        "x+\n-y\n",
        "  <\n\t_\n  \xe2\x80\x94 z  \n",
        "",
    };
    static const char *const lits[] = {"|", "+-", "<", "_", "\xE2", "\t"};
    for (size_t k = 0; k < sizeof(texts) / sizeof(texts[0]); k++) {
        ogi_arena_t *a = ogi_arena_new(0);
        assert_non_null(a);
        ogi_text_t t;
        char why[64];
        assert_int_equal(ogi_text_decode(a, texts[k], strlen(texts[k]), 1 << 20,
                                         &t, why, sizeof(why)),
                         0);
        for (size_t l0 = 0; l0 <= t.nlines + 1; l0++)
            for (size_t l1 = l0; l1 <= t.nlines + 1; l1++)
                for (size_t m = 0; m < sizeof(lits) / sizeof(lits[0]); m++)
                    assert_int_equal(
                        ogi__probe_region_has(&t, l0, l1, lits[m]) != 0,
                        ogi__table_region_has(&t, l0, l1, lits[m]) != 0);
        ogi_arena_destroy(&a);
    }
}

/* pandoc's simple table after its grid tables in one region
 * (tests/data/forms/place/spans_pandoc.html): read in its rule's columns,
 * a blank cell is a column with nothing on the row's line, a label
 * column a row's label does not reach is no cell, and a row of labels
 * alone in the label columns is a row of blanks. */
static void
grid_then_simple(void **state)
{
    (void)state;
    fixture_t f;
    fixture_read(&f, "tests/data/forms/place/spans_pandoc.plain.txt",
                 "ascii_grid");
    static const char *const want[] = {
        "L:一、本年新收政府信息公开申请数量 | V:21 | V:3 | B: | B: | V:2 | "
        "V:1 | V:27",
        "L:三、本年度办理结果 | L:(一)予以公开 | V:9 | V:2 | B: | B: | V:1 "
        "| V:1 | B:",
        "L:2.其他法律行政法规禁止公开 | B: | B: | B: | B: | B: | B: | B:",
        "L:(六)其他处理 | B: | B: | B: | B: | B: | B: | B:",
    };
    char got[512];
    size_t found = 0;
    for (size_t r = 0; r < f.tb.nrows; r++) {
        ogi_test_row_string(&f.tb, r, got, sizeof(got));
        for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
            size_t n = strchr(want[k], '|') - want[k];
            if (strncmp(got, want[k], n) != 0)
                continue;
            if (strcmp(got, want[k]) != 0)
                print_error("row %zu: %s\n", r, got);
            assert_string_equal(got, want[k]);
            found++;
        }
    }
    assert_int_equal(found, sizeof(want) / sizeof(want[0]));
    fixture_fini(&f);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(grid_then_simple),
        cmocka_unit_test(grid_spans),
        cmocka_unit_test(grid_report),
        cmocka_unit_test(grid_label_span),
        cmocka_unit_test(pipe_cells),
        cmocka_unit_test(pipe_label_span),
        cmocka_unit_test(pipe_report),
        cmocka_unit_test(pipe_106),
        cmocka_unit_test(readers_bad_input),
        cmocka_unit_test(pipe_rule_any_length),
        cmocka_unit_test(probe_region_has_agrees),
        cmocka_unit_test(dump_file),
    };
    return cmocka_run_group_tests_name("read_grid", tests, NULL, NULL);
}
