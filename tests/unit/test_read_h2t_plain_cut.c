/*
 * test_read_h2t_plain_cut.c - 不适用 cut by the next cell in html2text's
 * tables drawn without bars (lib/form/h2t_plain_lines.c).
 *
 * nadash.txt (tests/data/forms/h2t_plain/README.md) is html2text's output
 * for a whole generated page: 8.属于行政查询事项 reads 不适用 -- 0 -- 0 — —
 * in the HTML, and shows "\xc2\xa0不--\xc2\xa0": the next cell's dashes
 * written over 适用. No label has a dash after 不: the 不 is the cell's
 * 不适用, a placeholder.
 *
 * appealsrun.txt and appealsopen.txt (same README) are html2text's output
 * for the appeals tables of two generated pages: a no-break space's cell
 * that filled its column touches the next cell's digits on Table 4's one
 * line of values, and the blocks' totals decide where they part, or the
 * record names the other reading (P6).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "golden.h"
#include "ogi.h"
#include "ogi/arena.h"

static void
na_dash(void **state)
{
    (void)state;
    size_t len;
    char *raw = ogi_test_slurp("tests/data/forms/h2t_plain/nadash.txt", &len);
    assert_non_null(raw);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(a, raw, len, NULL, &r), 0);
    assert_non_null(r);
    long row = ogi_skeleton_row_index(OGI_T3, "denied.admin_query");
    assert_true(row >= 0);
    const ogi_cell_t *c = ogi_report_cell(r, OGI_T3, (size_t)row, 0);
    assert_non_null(c);
    assert_int_equal(c->state, OGI_CELL_NA);
    ogi_arena_destroy(&a);
    free(raw);
}

/* Table 4's fifteen cells of the report parsed from file. */
static ogi_report_t *
appeal_cells(ogi_arena_t *a, const char *file, double *v, int *state)
{
    size_t len;
    char *raw = ogi_test_slurp(file, &len);
    assert_non_null(raw);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(a, raw, len, NULL, &r), 0);
    free(raw);
    assert_non_null(r);
    for (size_t k = 0; k < 15; k++) {
        const ogi_cell_t *c = ogi_report_cell(r, OGI_T4, k / 5, k % 5);
        assert_non_null(c);
        state[k] = c->state;
        v[k] = ogi_cell_number(c);
    }
    return r;
}

/* "0 0 ~1 0 1 2~ ~0 ~10 3 0 0 0 0 0 0": fourteen pieces, the HTML's
 * fifteen cells; 1 and 10 would break the second block's total (3). */
static void
appeal_run(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    double v[15];
    int st[15];
    appeal_cells(a, "tests/data/forms/h2t_plain/appealsrun.txt", v, st);
    static const double want[15] = {0, 0, 1, 0, 1, 2, 0, 1,
                                    0, 3, 0, 0, 0, 0, 0};
    for (size_t k = 0; k < 15; k++) {
        if (st[k] != OGI_CELL_NUM || v[k] != want[k])
            fail_msg("cell %zu: state %d value %g, want %g", k, st[k], v[k],
                     want[k]);
    }
    ogi_arena_destroy(&a);
}

/* "0~ ~1 ~110~ 12~0": the HTML has 0, 1, 11, 0, 12; 0, 1, 1, 10, 12 makes
 * the same total from the same bytes: whichever is placed, the review
 * block carries a P6 naming the other, and its total is 12. */
static void
appeal_open(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    double v[15];
    int st[15];
    ogi_report_t *r = appeal_cells(
        a, "tests/data/forms/h2t_plain/appealsopen.txt", v, st);
    assert_int_equal(st[4], OGI_CELL_NUM);
    assert_true(v[4] == 12);
    int p6 = 0;
    for (size_t i = 0; i < r->nfindings; i++)
        p6 |= strcmp(r->findings[i].rule, "P6") == 0 &&
              strcmp(r->findings[i].path, "appeal.review") == 0 &&
              strstr(r->findings[i].message, "0 1 11 0 12") &&
              strstr(r->findings[i].message, "0 1 1 10 12");
    assert_true(p6);
    ogi_arena_destroy(&a);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(na_dash),
        cmocka_unit_test(appeal_run),
        cmocka_unit_test(appeal_open),
    };
    return cmocka_run_group_tests_name("read_h2t_plain_cut", tests, NULL, NULL);
}
