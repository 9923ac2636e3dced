/*
 * test_place.c - placement's blanks in Table 4 (lib/parse/place.c) and
 * Table 3 (lib/parse/place_blanks.c).
 *
 * Fixtures: tests/data/forms/place/ (README.md there): Table 4 pages
 * written by hand, converted by w3m and pandoc. Their one row of values
 * comes with empty cells as space only; the columns of the header show
 * which cells they were. The cells expected are read from the HTML.
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

#define DIR "tests/data/forms/place/"

/* Table 4 of the pages, in printed order; -1 for an empty cell. */
static const int t4_want[15] = {3, 1, -1, 0, 4, 2, -1, 0, 1, 3, 0, 0, 1, -1, 1};

static void
check_t4(const char *file)
{
    size_t len;
    char *raw = ogi_test_slurp(file, &len);
    assert_non_null(raw);
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(a, raw, len, NULL, &r), 0);
    assert_non_null(r);
    assert_true(r->tables[OGI_T4].present);
    for (size_t k = 0; k < 15; k++) {
        const ogi_cell_t *c = ogi_report_cell(r, OGI_T4, k / 5, k % 5);
        assert_non_null(c);
        if (t4_want[k] < 0) {
            if (c->state != OGI_CELL_EMPTY)
                fail_msg("%s: cell %zu should be blank (state %d)", file, k,
                         c->state);
        } else if (c->state != OGI_CELL_NUM ||
                   ogi_cell_number(c) != (double)t4_want[k]) {
            fail_msg("%s: cell %zu is %g (state %d), want %d", file, k,
                     ogi_cell_number(c), c->state, t4_want[k]);
        }
    }
    ogi_arena_destroy(&a);
    free(raw);
}

/* w3m centres the cells: values sit in the middle of their columns */
static void
t4_centred_w3m(void **state)
{
    (void)state;
    check_t4(DIR "t4_blank.w3m.txt");
}

/* pandoc's rule of dashes gives the columns itself */
static void
t4_pandoc(void **state)
{
    (void)state;
    check_t4(DIR "t4_blank.pandoc.txt");
}

/* columns two characters wide: every header one character a line, the
 * group labels wrapped over two lines */
static void
t4_narrow_w3m(void **state)
{
    (void)state;
    check_t4(DIR "t4_narrow.w3m.txt");
}

/* a header that does not give fifteen columns leaves the row in printed
 * order, never a crash: every prefix of a page parses */
static void
t4_prefixes(void **state)
{
    (void)state;
    size_t len;
    char *raw = ogi_test_slurp(DIR "t4_narrow.w3m.txt", &len);
    assert_non_null(raw);
    for (size_t n = 0; n <= len; n += 7) {
        ogi_arena_t *a = ogi_arena_new(0);
        assert_non_null(a);
        ogi_report_t *r = NULL;
        assert_int_equal(ogi_parse_report(a, raw, n, NULL, &r), 0);
        ogi_arena_destroy(&a);
    }
    free(raw);
}

/* columns wide enough for every header on one line: the middle leaf of
 * 未经复议直接起诉 (其他结果) is centred under it, and is a column */
static void
t4_wide_w3m(void **state)
{
    (void)state;
    check_t4(DIR "t4_wide.w3m.txt");
}

/*
 * Table 3 with every zero left blank: no row has a value in every
 * column, and a placeholder wraps in its narrow column (不适/用). The
 * rows' values together show the seven columns. Cells as in the HTML:
 * a number, N for a placeholder, _ for a blank cell.
 */
static void
t3_sparse_w3m(void **state)
{
    (void)state;
    static const struct {
        const char *row, *cells;
    } want[] = {
        {"new_received", "6NN_NN6"},  {"carried_over", "2_N___2"},
        {"granted", "5_N___5"},       {"partial", "N__N_N_"},
        {"carry_forward", "_______"},
    };
    size_t len;
    char *raw = ogi_test_slurp(DIR "t3_sparse.w3m.txt", &len);
    assert_non_null(raw);
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(a, raw, len, NULL, &r), 0);
    assert_non_null(r);
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        long row = ogi_skeleton_row_index(OGI_T3, want[i].row);
        assert_true(row >= 0);
        for (size_t k = 0; k < 7; k++) {
            const ogi_cell_t *c = ogi_report_cell(r, OGI_T3, (size_t)row, k);
            assert_non_null(c);
            char w = want[i].cells[k];
            int ok = w == '_'   ? c->state == OGI_CELL_EMPTY
                     : w == 'N' ? c->state == OGI_CELL_NA
                                : c->state == OGI_CELL_NUM &&
                                      ogi_cell_number(c) == (double)(w - '0');
            if (!ok)
                fail_msg("%s column %zu: state %d (%g), want %c", want[i].row,
                         k, c->state, ogi_cell_number(c), w);
        }
    }
    ogi_arena_destroy(&a);
    free(raw);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t4_centred_w3m),
        cmocka_unit_test(t4_pandoc),
        cmocka_unit_test(t4_narrow_w3m),
        cmocka_unit_test(t4_prefixes),
        cmocka_unit_test(t4_wide_w3m),
        cmocka_unit_test(t3_sparse_w3m),
    };
    return cmocka_run_group_tests_name("place", tests, NULL, NULL);
}
