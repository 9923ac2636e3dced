/*
 * narrative_int.h - the narrative checks (report-format.md §5b C8, §5c).
 *
 * Numbers are read from the sections' text sentence by sentence and
 * compared with the tables (N1-N6) or with their own stated totals (C8).
 * Real narratives group things differently from the tables, so these give
 * warnings only, and only when the phrase is unambiguous; each finding
 * quotes its sentence. Private to lib/.
 */
#ifndef OGI_NARRATIVE_INT_H
#define OGI_NARRATIVE_INT_H

#include "ogi/report.h"

/* Runs C8 and N1-N6 on report, appending findings. Returns 0 or
 * OGI_ENOMEM. */
int ogi__narrative_check(ogi_report_t *report);

#endif /* OGI_NARRATIVE_INT_H */
