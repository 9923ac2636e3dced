/*
 * db_cross_int.h - private to lib/store: the cross-year findings (rules
 * X1-X4) of a batch's reports, written by db_cross.c inside the
 * transaction db.c opened for the batch, after `current` was updated.
 */
#ifndef OGI_DB_CROSS_INT_H
#define OGI_DB_CROSS_INT_H

#include <stddef.h>
#include <stdint.h>

#include "db_int.h" /* the handle's helpers */

/*
 * For the reports doc_ids[i] with agency_ids[i] != 0: compares the
 * current reports of (agency, year - 1) and (agency, year), and of
 * (agency, year) and (agency, year + 1), and replaces the cross-year
 * findings of the later years' reports with what the comparisons find.
 * Returns 0 or an error code as ogi_db_write_batch.
 */
int ogi__db_cross_update(ogi_db_t *db, const int64_t *doc_ids,
                         const int64_t *agency_ids, size_t n);

#endif /* OGI_DB_CROSS_INT_H */
