/*
 * place_int.h - putting a region's tokens onto the skeleton's rows.
 *
 * Rows are found by label where the label is there, and by the format's
 * fixed row order where it is not (report-format.md §7: missing labels,
 * rows split over page breaks, junk lines). Private to lib/.
 */
#ifndef OGI_PLACE_INT_H
#define OGI_PLACE_INT_H

#include "table_int.h"
#include "ogi/report.h"

/* Places Table 2 (the items of report->meta.format) from grid g. */
int ogi__place_active(ogi_report_t *r, const ogi__table_t *g);

/* Places Table 3 from grid g; decides report->apply_other_rows. */
int ogi__place_apply(ogi_report_t *r, const ogi__table_t *g);

/* Places Table 4 (15 cells in printed order) from grid g. */
int ogi__place_appeal(ogi_report_t *r, const ogi__table_t *g);

/* The format voted for by the Table 2 column headers in g, or unknown. */
ogi_format_t ogi__place_detect_format(const ogi__table_t *g);

#endif /* OGI_PLACE_INT_H */
