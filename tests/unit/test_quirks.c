/*
 * test_quirks.c - one small constructed report per layout quirk real
 * reports show (README "The forms ogi reads"), each compared cell by cell with
 * a golden written by hand from the values put into the fixture.
 *
 * Fixtures live in tests/data/quirks/NAME.txt with the golden next to it
 * as NAME.json (format: tests/data/golden/README.md; the notes in each
 * golden say what the quirk is and how it reads). Every cell holds a
 * distinct non-zero value where the quirk allows it, so that a cell
 * placed one column or one row off is caught. Paths are relative to the
 * repository root, the working directory of the tests.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>

#include "golden.h"

#define QUIRKS_DIR "tests/data/quirks/"

static void
check(const char *name)
{
    char rp[256], gp[256], diff[4096];
    snprintf(rp, sizeof(rp), QUIRKS_DIR "%s.txt", name);
    snprintf(gp, sizeof(gp), QUIRKS_DIR "%s.json", name);
    int n = ogi_test_golden_check(rp, gp, diff, sizeof(diff));
    if (n != 0)
        print_error("%s: %d differences\n%s", name, n, diff);
    assert_int_equal(n, 0);
}

#define QUIRK(name)                                                            \
    static void name(void **state)                                             \
    {                                                                          \
        (void)state;                                                           \
        check(#name);                                                          \
    }

/* Layouts: one cell per line (seeds 0/1/2/4), one row per line with tabs
 * (seed 3), columns aligned with spaces (pdftotext -layout). */
QUIRK(cell_per_line)
QUIRK(row_per_line)
QUIRK(layout_columns)
/* Labels split over lines, printed vertically, or with inner spaces. */
QUIRK(split_labels)
QUIRK(vertical_text)
QUIRK(spaced_labels)
/* A Table 3 row cut by a page break (seed 3). */
QUIRK(page_break_row)
/* Captions, pasted text and page numbers inside the tables; page footers
 * right after a row's last cell (pdftotext without -layout). */
QUIRK(junk_lines)
QUIRK(page_numbers)
/* Row 1.属于国家秘密 without its label (seed 0). */
QUIRK(missing_row_label)
/* Blank cells and —, /, 无, -, --, 不适用 -> null, in both layouts. */
QUIRK(placeholders)
QUIRK(placeholders_tabs)
/* Narrative with numbers between a heading and its table. */
QUIRK(narrative_numbers)
/* Half-width punctuation, full-width digits, thousands separators. */
QUIRK(punctuation_width)
/* Section heading variants, and a report with no title. */
QUIRK(heading_long)
QUIRK(heading_short)
QUIRK(no_title)
/* Signed deltas in every printed form. */
QUIRK(signed_deltas_a)
QUIRK(signed_deltas_b)
/* Units of the (九) procurement amount. */
QUIRK(amount_wan_header)
QUIRK(amount_wan_cell)
QUIRK(amount_yuan_cell)
QUIRK(amount_none)
/* Format 2021 with and without the three （六） sub-rows. */
QUIRK(v2021_other_subrows)
QUIRK(v2021_other_single)
/* Misprinted and differently numbered row labels. */
QUIRK(label_typo)
QUIRK(numbering_variants)

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cell_per_line),
        cmocka_unit_test(row_per_line),
        cmocka_unit_test(layout_columns),
        cmocka_unit_test(split_labels),
        cmocka_unit_test(vertical_text),
        cmocka_unit_test(spaced_labels),
        cmocka_unit_test(page_break_row),
        cmocka_unit_test(junk_lines),
        cmocka_unit_test(page_numbers),
        cmocka_unit_test(missing_row_label),
        cmocka_unit_test(placeholders),
        cmocka_unit_test(placeholders_tabs),
        cmocka_unit_test(narrative_numbers),
        cmocka_unit_test(punctuation_width),
        cmocka_unit_test(heading_long),
        cmocka_unit_test(heading_short),
        cmocka_unit_test(no_title),
        cmocka_unit_test(signed_deltas_a),
        cmocka_unit_test(signed_deltas_b),
        cmocka_unit_test(amount_wan_header),
        cmocka_unit_test(amount_wan_cell),
        cmocka_unit_test(amount_yuan_cell),
        cmocka_unit_test(amount_none),
        cmocka_unit_test(v2021_other_subrows),
        cmocka_unit_test(v2021_other_single),
        cmocka_unit_test(label_typo),
        cmocka_unit_test(numbering_variants),
    };
    return cmocka_run_group_tests_name("quirks", tests, NULL, NULL);
}
