/*
 * golden.h - compares a parsed record with a golden file written by a
 * person who read the report (format: tests/data/golden/README.md).
 */
#ifndef OGI_TEST_GOLDEN_H
#define OGI_TEST_GOLDEN_H

#include <stddef.h>

/*
 * Parses the report at report_path and compares its JSON record with the
 * golden file. Returns the number of differences (-1 if a file cannot be
 * read); the first few are described in diff[0..size).
 */
int ogi_test_golden_check(const char *report_path, const char *golden_path,
                          char *diff, size_t size);

/*
 * Same, for a report given as bytes and a golden given as a JSON string
 * (fixtures inside a test).
 */
int ogi_test_golden_check_mem(const char *report, size_t len,
                              const char *golden_json, char *diff,
                              size_t size);

/* The whole file at path, NUL-terminated, allocated with malloc (free it),
 * its size in *len; NULL when it cannot be read. */
char *ogi_test_slurp(const char *path, size_t *len);

#include "ogi/report.h"

/* How many findings of rule at path r carries whose message holds cell
 * (any message when cell is NULL). */
size_t ogi_test_findings(const ogi_report_t *r, const char *rule,
                         const char *path, const char *cell);

#include "table_int.h"

/* Row r of a table read by a reader as "K:text" per cell (K one of L V B
 * M R, the cell's kind), joined by " | ", into out[0..size). */
void ogi_test_row_string(const ogi__table_t *tb, size_t r, char *out,
                         size_t size);

#endif /* OGI_TEST_GOLDEN_H */
