/*
 * gen_cmp.h - compares a parsed report with the truth of the report the
 * generator made (lib/gen): cells (state, value, unit), meta, sections,
 * findings and status. Used by test_gen and by the forms property test
 * (tests/tools/formcmp.c), so both judge a cell the same way.
 */
#ifndef OGI_TEST_GEN_CMP_H
#define OGI_TEST_GEN_CMP_H

#include <stddef.h>

#include "ogi.h"

typedef struct {
    char first[512]; /* the first difference, for people */
    int n;           /* differences */
} ogi_test_diff_t;

/* Counts one difference in d, keeping its description when it is the
 * first. */
void ogi_test_differ(ogi_test_diff_t *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Cell (id, row, col) of got against want's (which must be in want's
 * shape): the same state, the same number at any scale, the same unit for
 * amounts. Returns 1 when they agree; otherwise 0, and the difference is
 * counted in d. A table absent from got makes each of its cells differ. */
int ogi_test_cell_cmp(ogi_test_diff_t *d, const ogi_report_t *want,
                      const ogi_report_t *got, ogi_table_id_t id, size_t row,
                      size_t col);

/* Every cell of want's shape, the tables' presence and the number of
 * （六） rows. */
void ogi_test_cmp_cells(ogi_test_diff_t *d, const ogi_report_t *want,
                        const ogi_report_t *got);

/* Everything: d is reset, then cells, meta, sections, findings (as
 * multisets of rule, severity, path) and status are compared. */
void ogi_test_compare(ogi_test_diff_t *d, const ogi_report_t *want,
                      const ogi_report_t *got);

#endif /* OGI_TEST_GEN_CMP_H */
