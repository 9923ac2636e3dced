/*
 * test_split_flat.c - rows of a crawler's text that collapses white space
 * (tests/tools/strip_tags.py --flat and --nodes-flat: the whole page on
 * one line), split and placed by the format's arithmetic through the
 * whole parser. Inputs are in tests/data/split (README.md there says how
 * each was made); the expected values are the pages' truths.
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
#include "ogi/parse.h"
#include "ogi/report.h"
#include "ogi/skeleton.h"

/* The record of the file at path, parsed; *arena to destroy. */
static ogi_report_t *
parse_file(const char *path, ogi_arena_t **arena)
{
    size_t n;
    char *raw = ogi_test_slurp(path, &n);
    if (!raw)
        fail_msg("could not read \"%s\"", path);
    *arena = ogi_arena_new(0);
    assert_non_null(*arena);
    ogi_report_t *r = NULL;
    ogi_parse_opts_t o = {0, path};
    assert_int_equal(ogi_parse_report(*arena, raw, n, &o, &r), 0);
    free(raw);
    return r;
}

/* Row key of table id holds v (-1: blank, -2: not looked at). */
static void
assert_row(const ogi_report_t *r, ogi_table_id_t id, const char *key,
           const long long *v)
{
    long row = ogi_skeleton_row_index(id, key);
    assert_true(row >= 0);
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    for (size_t c = 0; c < sk->ncols; c++) {
        const ogi_cell_t *cell = ogi_report_cell(r, id, (size_t)row, c);
        if (v[c] == -2)
            continue;
        int ok = v[c] == -1 ? cell->state == OGI_CELL_EMPTY
                            : cell->state == OGI_CELL_NUM &&
                                  cell->value == v[c] && cell->scale == 0;
        if (!ok)
            fail_msg("%s col %zu: state %d value %lld, want %lld", key, c,
                     cell->state, (long long)cell->value, v[c]);
    }
}

/*
 * 120 (tests/data/realhtml/120.raw.html) leaves every result row's 总计
 * blank, and --flat leaves one space for each run of blank cells:
 * "（一）予以公开25812 11 " is 258 12 _ _ 1 1 _. One blank cell per space
 * fits the digits in several ways (2 581 2 _ 1 1 _, ...), none of them
 * the page's; gaps of several blank cells, each row's total unprinted
 * (no 0 in the columns' identities either), and the columns' sums (（七）
 * 总计 767 35 _ _ 2 1 805) leave one placement of every row.
 */
static void
flat_blank_totals_by_columns(void **state)
{
    (void)state;
    static const struct {
        const char *row;
        long long want[7];
    } cases[] = {
        {"granted", {258, 12, -1, -1, 1, 1, -1}},
        {"partial", {3, -1, -1, -1, -1, -1, -1}},
        {"denied.state_secret", {14, -1, -1, -1, -1, -1, -1}},
        {"denied.process_info", {3, 1, -1, -1, -1, -1, -1}},
        {"denied.admin_query", {10, 2, -1, -1, -1, -1, -1}},
        {"unable.not_held", {252, 12, -1, -1, 1, -1, -1}},
        {"unable.need_creation", {44, 3, -1, -1, -1, -1, -1}},
        {"rejected.petition", {148, 1, -1, -1, -1, -1, -1}},
        {"rejected.repeat", {5, 4, -1, -1, -1, -1, -1}},
        {"result_total", {767, 35, -1, -1, 2, 1, 805}},
    };
    ogi_arena_t *arena;
    ogi_report_t *r = parse_file("tests/data/split/flat2019_docs.txt", &arena);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        assert_row(r, OGI_T3, cases[i].row, cases[i].want);
    ogi_arena_destroy(&arena);
}

/*
 * The same page through --nodes-flat (tests/data/split/
 * nodesflat2019_blank_totals.txt): a blank cell leaves nothing, so
 * "（一）予以公开 258 12 1 1" has four values for seven columns and no trace
 * of where the blanks stood. Placed by order and the columns that usually
 * hold counts, the two 1s went to 科研机构 and 社会公益组织; the identities
 * down the columns (（七）总计 767 35 _ _ 2 1 805, and 本年新收 + 上年结转 =
 * 总计 + 结转下年) put them under 法律服务机构 and 其他. A row with no values
 * at all is blank, not missing.
 */
static void
nodes_flat_places_by_columns(void **state)
{
    (void)state;
    static const struct {
        const char *row;
        long long want[7];
    } cases[] = {
        {"granted", {258, 12, -1, -1, 1, 1, -1}},
        {"partial", {3, -1, -1, -1, -1, -1, -1}},
        {"denied.law_forbidden", {-1, -1, -1, -1, -1, -1, -1}},
        {"denied.process_info", {3, 1, -1, -1, -1, -1, -1}},
        {"unable.not_held", {252, 12, -1, -1, 1, -1, -1}},
        {"rejected.petition", {148, 1, -1, -1, -1, -1, -1}},
        {"rejected.publication", {-1, -1, -1, -1, -1, -1, -1}},
        {"result_total", {767, 35, -1, -1, 2, 1, 805}},
    };
    ogi_arena_t *arena;
    ogi_report_t *r =
        parse_file("tests/data/split/nodesflat2019_blank_totals.txt", &arena);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        assert_row(r, OGI_T3, cases[i].row, cases[i].want);
    ogi_arena_destroy(&arena);
}

/*
 * Table 4 of a generated page through --nodes-flat (tests/data/split/
 * nodesflat2021_t4_marks.txt): "0 0 0 0 0 0 0 0 0 0 无 0 1 1" is fourteen
 * values for fifteen cells, a placeholder among them. Read in printed
 * order the last cell, 复议后起诉's 总计, was missing; each block's parts
 * make its total (D3), so the total of 1 is the last cell, the blank one
 * before it, and P6 names the other placements the arithmetic allows.
 * Values from the generator's truth.
 */
static void
nodes_flat_appeal_with_marks(void **state)
{
    (void)state;
    ogi_arena_t *arena;
    ogi_report_t *r =
        parse_file("tests/data/split/nodesflat2021_t4_marks.txt", &arena);
    assert_row(r, OGI_T4, "review", (long long[]){0, 0, 0, 0, 0});
    assert_row(r, OGI_T4, "suit_direct", (long long[]){0, 0, 0, 0, 0});
    long row = ogi_skeleton_row_index(OGI_T4, "suit_after_review");
    assert_true(row >= 0);
    assert_int_equal(ogi_report_cell(r, OGI_T4, (size_t)row, 0)->state,
                     OGI_CELL_NA); /* 无 */
    assert_row(r, OGI_T4, "suit_after_review", (long long[]){-2, 0, 1, -1, 1});
    int p6 = 0;
    for (size_t i = 0; i < r->nfindings; i++)
        p6 |= strcmp(r->findings[i].rule, "P6") == 0 &&
              strcmp(r->findings[i].path, "appeal") == 0;
    assert_true(p6);
    ogi_arena_destroy(&arena);
}

/*
 * Rows of generated pages through --flat whose blank cells left nothing,
 * not even a space: "四、结转下年度继续办理000000 " is six digits for seven
 * cells (tests/data/split/flat2019_trailing_blank.txt), "四、结转下年度继续
 * 办理…无 5" two pieces (flat2019_lost_cells.txt). Cut as digits and gaps
 * they cannot fill the row, and were left unsplit (P8, every cell
 * missing); their values with zero or more blank cells around each, the
 * arithmetic and P6 placing them, leave no cell missing. Where such a
 * row's placements break the table's columns, the other rows keep their
 * own splits: "（二）部分公开…3不适用/—/—3" is 3 … 3 (the generator's truth).
 */
static void
flat_cells_lost_without_space(void **state)
{
    (void)state;
    ogi_arena_t *arena;
    ogi_report_t *r =
        parse_file("tests/data/split/flat2019_trailing_blank.txt", &arena);
    long row = ogi_skeleton_row_index(OGI_T3, "carry_forward");
    assert_true(row >= 0);
    size_t zeros = 0, blanks = 0;
    for (size_t c = 0; c < 7; c++) {
        const ogi_cell_t *cell = ogi_report_cell(r, OGI_T3, (size_t)row, c);
        zeros += cell->state == OGI_CELL_NUM && cell->value == 0;
        blanks += cell->state == OGI_CELL_EMPTY;
    }
    assert_int_equal(zeros, 6);
    assert_int_equal(blanks, 1);
    assert_true(ogi_test_findings(r, "P6", "apply.carry_forward", NULL));
    ogi_arena_destroy(&arena);

    r = parse_file("tests/data/split/flat2019_lost_cells.txt", &arena);
    row = ogi_skeleton_row_index(OGI_T3, "carry_forward");
    for (size_t c = 0; c < 7; c++)
        assert_int_not_equal(ogi_report_cell(r, OGI_T3, (size_t)row, c)->state,
                             OGI_CELL_MISSING);
    assert_row(r, OGI_T3, "partial", (long long[]){3, -2, -2, -2, -2, -2, 3});
    ogi_arena_destroy(&arena);
}

/*
 * Table 4 of 120 through --flat (tests/data/split/flat2019_docs.txt):
 * "5 278 19" and then the next section's heading. The spaces are runs of
 * blank cells, and the five blank cells after 19 left none: cut with one
 * or several blanks per space, no split fills the fifteen cells. With
 * blanks after the last value too, each block's parts making its total
 * (D3) leaves the page's cells: 5 _ _ 2 7, 8 _ _ 1 9, five blanks.
 */
static void
flat_appeal_trailing_blanks(void **state)
{
    (void)state;
    ogi_arena_t *arena;
    ogi_report_t *r = parse_file("tests/data/split/flat2019_docs.txt", &arena);
    assert_row(r, OGI_T4, "review", (long long[]){5, -1, -1, 2, 7});
    assert_row(r, OGI_T4, "suit_direct", (long long[]){8, -1, -1, 1, 9});
    assert_row(r, OGI_T4, "suit_after_review",
               (long long[]){-1, -1, -1, -1, -1});
    ogi_arena_destroy(&arena);
}

/*
 * Table 4 of a generated page through --nodes-flat (tests/data/split/
 * nodesflat2021_t4_eleven.txt): "0 0 0 — — 0 0 0 0 0 0", eleven values
 * for fifteen cells, 1365 ways to place the four blanks. Read in printed
 * order its last four cells were missing; placed by each block's total
 * (D3) no cell is, and P6 says the arithmetic leaves the blanks' places
 * open (the page's own: 行政复议 _ 0 0 0 _, 直接起诉 — — _ 0 0).
 */
static void
nodes_flat_appeal_many_blanks(void **state)
{
    (void)state;
    ogi_arena_t *arena;
    ogi_report_t *r =
        parse_file("tests/data/split/nodesflat2021_t4_eleven.txt", &arena);
    size_t blanks = 0;
    for (size_t row = 0; row < 3; row++)
        for (size_t c = 0; c < 5; c++) {
            const ogi_cell_t *cell = ogi_report_cell(r, OGI_T4, row, c);
            assert_int_not_equal(cell->state, OGI_CELL_MISSING);
            blanks += cell->state == OGI_CELL_EMPTY;
        }
    assert_int_equal(blanks, 4);
    assert_true(ogi_test_findings(r, "P6", "appeal", NULL));
    ogi_arena_destroy(&arena);
}

/*
 * A generated page through --flat (tests/data/split/
 * flat2019_spaced_marks.txt): Table 3 rows of placeholders whose blank
 * cells left one space for a run of them, or none ("3.危及“三安全一稳定”
 * 无 不适用4.保护…": two pieces for seven cells). Read as printed the rest
 * of each row was missing; the splitter places them (P6: the arithmetic
 * cannot tell a blank from a placeholder), no cell missing, the marks
 * all kept.
 */
static void
flat_spaced_marks(void **state)
{
    (void)state;
    static const char *const rows[] = {"denied.security_stability",
                                       "denied.process_info", "carry_forward"};
    static const size_t marks[] = {2, 1, 3};
    ogi_arena_t *arena;
    ogi_report_t *r =
        parse_file("tests/data/split/flat2019_spaced_marks.txt", &arena);
    for (size_t i = 0; i < 3; i++) {
        long row = ogi_skeleton_row_index(OGI_T3, rows[i]);
        assert_true(row >= 0);
        size_t na = 0;
        for (size_t c = 0; c < 7; c++) {
            const ogi_cell_t *cell = ogi_report_cell(r, OGI_T3, (size_t)row, c);
            assert_int_not_equal(cell->state, OGI_CELL_MISSING);
            na += cell->state == OGI_CELL_NA;
        }
        assert_int_equal(na, marks[i]);
        char path[64];
        snprintf(path, sizeof(path), "apply.%s", rows[i]);
        assert_true(ogi_test_findings(r, "P6", path, NULL));
    }
    ogi_arena_destroy(&arena);
}

/* The P6 finding at path of r names reading (a split as it prints
 * them). */
static void
assert_p6_names(const ogi_report_t *r, const char *path, const char *reading)
{
    for (size_t i = 0; i < r->nfindings; i++)
        if (strcmp(r->findings[i].rule, "P6") == 0 &&
            strcmp(r->findings[i].path, path) == 0) {
            if (!strstr(r->findings[i].message, reading))
                fail_msg("%s: P6 \"%s\" does not name %s", path,
                         r->findings[i].message, reading);
            return;
        }
    fail_msg("%s: no P6", path);
}

/*
 * A generated page's Table 3 through --flat (tests/data/split/
 * flat2021_collapsed.txt): "一、本年新收政府信息公开申请数量 11815 — 133" is
 * the cells "&nbsp;118", "15", "&nbsp;", "&nbsp;", "&mdash;&nbsp;",
 * "&nbsp;", "&nbsp;133": 118 15 _ _ — _ 133, each run of blanks one
 * space, each space before a value a no-break space. No blank cell is
 * written twice in this text (no two blanks in a row anywhere): a gap
 * stands for any number of blank cells, not one. Read so, 118 and 15 are
 * 自然人 and 商业企业 (as 本年新收 + 上年结转 = 总计 (七) down the columns:
 * 20 _ …, 138 15 … 153); where the — and the blanks stand the arithmetic
 * cannot tell (they weigh 0), and P6 names the page's reading among the
 * others.
 */
static void
flat_collapsed_gaps(void **state)
{
    (void)state;
    ogi_arena_t *arena;
    ogi_report_t *r =
        parse_file("tests/data/split/flat2021_collapsed.txt", &arena);
    assert_row(r, OGI_T3, "new_received",
               (long long[]){118, 15, -2, -2, -2, -2, 133});
    assert_row(r, OGI_T3, "result_total",
               (long long[]){138, 15, -2, -2, -2, -2, 153});
    assert_p6_names(r, "apply.new_received", "118 15 _ _ - _ 133");
    assert_p6_names(r, "apply.result_total", "138 15 _ 无 _ _ 153");
    ogi_arena_destroy(&arena);
}

/*
 * A generated page whose Table 3 the page split in two, its header
 * written again (tests/data/split/flat2025_table_twice.txt, --flat): the
 * flat form puts a line break back before each header, so the table's
 * rows are on two lines, white space collapsed on both. 1.属于国家秘密's
 * cells "&nbsp;" "&nbsp;" 不适用 不适用 &mdash; -- "&nbsp;" read "
 * 不适用不适用—-- ": a space for two blank cells or one, "--" one
 * placeholder or two; the arithmetic cannot tell (all weigh 0), so P6
 * names the page's reading among the others.
 */
static void
flat_collapsed_table_twice(void **state)
{
    (void)state;
    ogi_arena_t *arena;
    ogi_report_t *r =
        parse_file("tests/data/split/flat2025_table_twice.txt", &arena);
    assert_p6_names(r, "apply.denied.state_secret", "_ _ 不适用 不适用 - -- _");
    ogi_arena_destroy(&arena);
}

/*
 * A generated page whose Table 3 holds the report's own error, two totals
 * off by 2 the other way (tests/data/split/flat2025_row_error.txt,
 * --flat): "一、…(一)予以公开74000000738 " is 740 0 0 0 0 0 738, its total
 * printed 2 short, and "2.重复申请500000052 " 50 0 0 0 0 0 52, 2 over. Read
 * with a blank total (the space after each a blank cell) 7400 0 0 0 0 738
 * _ keeps the row, but white space collapsed: that space says nothing of
 * a blank cell, and the cuts with the total printed are left to the
 * columns, which want 740 and 50 (the page's truth).
 */
static void
flat_row_error_by_columns(void **state)
{
    (void)state;
    ogi_arena_t *arena;
    ogi_report_t *r =
        parse_file("tests/data/split/flat2025_row_error.txt", &arena);
    assert_row(r, OGI_T3, "granted", (long long[]){740, 0, 0, 0, 0, 0, 738});
    assert_row(r, OGI_T3, "rejected.repeat",
               (long long[]){50, 0, 0, 0, 0, 0, 52});
    ogi_arena_destroy(&arena);
}

/*
 * Table 4 of a crawler's text (strip_tags.py, one line): "0  1 110 12 0 00
 * 00 00 -30 0" is 0 1 11 0 12 | 0 0 0 0 0 | 0 0 -3 0 0, the last row
 * holding a negative count its total does not make. Its gaps, each a
 * blank cell or none, give more layouts than are tried; no reading keeps
 * every row, so the cuts of the digits alone are read: the review row
 * and the direct suits' row placed as the page has them (1 10 would keep
 * the review row too: P6 there), the last row's "-30" a placeholder and
 * 30 or -3 and 0, which the text cannot tell (P6), never left unsplit.
 */
static void
strip_appeal_negative_count(void **state)
{
    (void)state;
    ogi_arena_t *arena;
    ogi_report_t *r =
        parse_file("tests/data/split/strip2022_t4_negative.txt", &arena);
    assert_row(r, OGI_T4, "review", (long long[]){0, 1, 11, 0, 12});
    assert_row(r, OGI_T4, "suit_direct", (long long[]){0, 0, 0, 0, 0});
    assert_row(r, OGI_T4, "suit_after_review", (long long[]){0, 0, -2, -2, 0});
    size_t p6 = 0, p8 = 0;
    for (size_t i = 0; i < r->nfindings; i++) {
        const ogi_finding_t *fd = &r->findings[i];
        p6 += strcmp(fd->rule, "P6") == 0 &&
              strcmp(fd->path, "appeal.suit_after_review") == 0;
        p8 +=
            strcmp(fd->rule, "P8") == 0 && strncmp(fd->path, "appeal", 6) == 0;
    }
    assert_int_equal(p6, 1);
    assert_int_equal(p8, 0);
    ogi_arena_destroy(&arena);
}

/*
 * "（一）予以公开100 0 0 0 0 " (--flat) is 1 0 0 0 0 0 0, the row's total
 * printed 0 where its parts make 1 (and 2.重复申请's 1 where they make
 * 0: the columns' totals hold). The one cut of its digits breaks its row;
 * the columns do not refute it: placed (P5 saying so), not left unsplit.
 */
static void
flat_single_cut_breaks_row(void **state)
{
    (void)state;
    ogi_arena_t *arena;
    ogi_report_t *r =
        parse_file("tests/data/split/flat2025_single_cut.txt", &arena);
    assert_row(r, OGI_T3, "granted", (long long[]){1, 0, 0, 0, 0, 0, 0});
    size_t p5 = 0, p8 = 0;
    for (size_t i = 0; i < r->nfindings; i++) {
        const ogi_finding_t *fd = &r->findings[i];
        int at = strcmp(fd->path, "apply.granted") == 0;
        p5 += at && strcmp(fd->rule, "P5") == 0 &&
              strstr(fd->message, "breaks the arithmetic") != NULL;
        p8 += strcmp(fd->rule, "P8") == 0;
    }
    assert_int_equal(p5, 1);
    assert_int_equal(p8, 0);
    ogi_arena_destroy(&arena);
}

/*
 * "6.属于四类过程性信息3000004 " (--flat) is 3 0 0 0 0 0 4, its total the
 * report's own error; read as 3000004 and six blank cells (white space
 * collapsed, its total left blank) the natural persons' column passes
 * its 总计 of 138, so the columns refute that reading, and the one cut
 * of the digits is placed (P5), never the refuted count.
 */
static void
flat_refuted_blank_total(void **state)
{
    (void)state;
    ogi_arena_t *arena;
    ogi_report_t *r =
        parse_file("tests/data/split/flat2025_refuted_blank_total.txt", &arena);
    assert_row(r, OGI_T3, "denied.process_info",
               (long long[]){3, 0, 0, 0, 0, 0, 4});
    assert_row(r, OGI_T3, "other.misc", (long long[]){3, 0, 0, 0, 0, 0, 2});
    ogi_arena_destroy(&arena);
}

/*
 * "1.信访举报投诉类申请1000005 " (--flat) is 1 0 0 0 0 0 5, its total
 * printed 5 where its parts make 1; the total column's 总计 (6) agrees
 * with 1, so it sees the same error, and no column through the row's
 * other cells refutes the one cut of its digits: placed (P5).
 */
static void
flat_total_error_not_refuted(void **state)
{
    (void)state;
    ogi_arena_t *arena;
    ogi_report_t *r =
        parse_file("tests/data/split/flat2025_total_error.txt", &arena);
    assert_row(r, OGI_T3, "rejected.petition",
               (long long[]){1, 0, 0, 0, 0, 0, 5});
    ogi_arena_destroy(&arena);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(flat_blank_totals_by_columns),
        cmocka_unit_test(nodes_flat_places_by_columns),
        cmocka_unit_test(nodes_flat_appeal_with_marks),
        cmocka_unit_test(flat_cells_lost_without_space),
        cmocka_unit_test(flat_appeal_trailing_blanks),
        cmocka_unit_test(nodes_flat_appeal_many_blanks),
        cmocka_unit_test(flat_spaced_marks),
        cmocka_unit_test(flat_collapsed_gaps),
        cmocka_unit_test(flat_collapsed_table_twice),
        cmocka_unit_test(flat_row_error_by_columns),
        cmocka_unit_test(strip_appeal_negative_count),
        cmocka_unit_test(flat_single_cut_breaks_row),
        cmocka_unit_test(flat_refuted_blank_total),
        cmocka_unit_test(flat_total_error_not_refuted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
