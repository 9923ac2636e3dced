/*
 * cross_year.h - the cross-year rules X1-X4 (report-format.md §5d, README
 * "Rules"): one agency's reports on two consecutive years, compared.
 *
 * X1 (warning)  apply.carried_over[c] of year Y = apply.carry_forward[c] of
 *               Y-1, for each of the 7 columns; both formats.
 * X2 (warning)  prev_items(Y) = prev_items(Y-1) + delta_items(Y-1) for each
 *               row of (五), (六) and (八); both reports in the 2019 format.
 * X3 (warning)  in_force(Y) = in_force(Y-1) + issued(Y) - repealed(Y) for
 *               规章 and 行政规范性文件; both reports in the 2021 format. Soft:
 *               amendments, expiry and reorganisations break it.
 * X4 (info)     a key total rose more than fivefold or fell below a fifth of
 *               last year's (last year's > 0).
 *
 * Table 2 of one format is never compared with the other's (X6), except
 * the decisions of license, penalty and coercion, which X4 reads in either.
 * A comparison runs only where every cell it reads holds a whole number:
 * blank, placeholder, text and missing cells give no finding (the
 * single-year rules already say so). Every finding is on the later year's
 * cell, e.g. "apply.carried_over.total". Thread-safe per output report.
 */
#ifndef OGI_CROSS_YEAR_H
#define OGI_CROSS_YEAR_H

#include "ogi/report.h"

/*
 * Compares earlier (year Y-1) with later (year Y) of the same agency (the
 * caller's to ensure) and appends the findings to out, normally later
 * itself; they are allocated in out's arena. Does nothing when
 * earlier->meta.year != later->meta.year - 1, when a year is 0, or when
 * either report was rejected. Leaves out->status alone (no rule here is
 * an error). Returns 0 or OGI_ENOMEM (findings appended before then stay).
 */
int ogi_cross_year_check(const ogi_report_t *earlier, const ogi_report_t *later,
                         ogi_report_t *out);

#endif /* OGI_CROSS_YEAR_H */
