/*
 * db_agency_int.h - private to lib/store: the agencies of a batch and the
 * current report of each (agency, year), written by db_agency.c inside the
 * transaction that db.c opened for the batch.
 */
#ifndef OGI_DB_AGENCY_INT_H
#define OGI_DB_AGENCY_INT_H

#include <libpq-fe.h>
#include <stddef.h>
#include <stdint.h>

#include "ogi/db.h"

#include "db_int.h" /* the handle's helpers */

/*
 * Upserts the agency of every items[i] with want[i] set whose report
 * carries an agency_key (one statement: INSERT ... ON CONFLICT DO NOTHING,
 * then the ids) and writes its id into ids[i] (0: none). Returns 0 or an
 * error code as ogi_db_write_batch.
 */
int ogi__db_agencies_upsert(ogi_db_t *db, const ogi_db_item_t *items, size_t n,
                            const uint8_t *want, int64_t *ids);

/*
 * Recomputes records.current for the (agency, year) pairs of items[i]
 * with ids[i] != 0 (their reports are stored as records doc_ids[i], not
 * current yet), in one
 * statement: the latest published_on, then the latest stored_at, then the
 * greater id. When supersedes is not NULL, supersedes[i] receives
 * the doc_key of the report that was current for item i's pair before
 * (another document: item i is a revision), or "". Returns 0 or an error
 * code as ogi_db_write_batch.
 */
int ogi__db_current_update(ogi_db_t *db, const ogi_db_item_t *items, size_t n,
                           const int64_t *doc_ids, const int64_t *ids,
                           char (*supersedes)[65]);

#endif /* OGI_DB_AGENCY_INT_H */
