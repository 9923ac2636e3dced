/*
 * validate.h - the official rules and common-sense checks on one report
 * (README "Rules"), each finding under its stable rule ID.
 *
 * A rule whose inputs are missing gives an info finding saying it could not
 * be assessed; a rule that holds only because a blank cell was read as 0
 * gives a warning. Cross-year rules (X1-X4) need last year's report and
 * live with the database. Thread-safe per report.
 */
#ifndef OGI_VALIDATE_H
#define OGI_VALIDATE_H

#include "ogi/report.h"

/*
 * Runs every rule on report (nothing for a rejected one), appends the
 * findings and sets report->status to OGI_STATUS_HAS_ERRORS when any
 * finding is an error. Returns 0 or OGI_ENOMEM.
 */
int ogi_validate_report(ogi_report_t *report);

#endif /* OGI_VALIDATE_H */
