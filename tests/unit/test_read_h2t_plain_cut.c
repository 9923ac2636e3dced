/*
 * test_read_h2t_plain_cut.c - 不适用 cut by the next cell in html2text's
 * tables drawn without bars (lib/form/h2t_plain_lines.c).
 *
 * nadash.txt (tests/data/forms/h2t_plain/README.md) is html2text's output
 * for a whole generated page: 8.属于行政查询事项 reads 不适用 -- 0 -- 0 — —
 * in the HTML, and shows "\xc2\xa0不--\xc2\xa0": the next cell's dashes
 * written over 适用. No label has a dash after 不: the 不 is the cell's
 * 不适用, a placeholder.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>

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

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(na_dash),
    };
    return cmocka_run_group_tests_name("read_h2t_plain_cut", tests, NULL, NULL);
}
