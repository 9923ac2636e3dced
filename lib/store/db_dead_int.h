/*
 * db_dead_int.h - private to lib/store: the batch writer's hook for
 * documents tried again out of the dead letters (db_dead.c).
 */
#ifndef OGI_DB_DEAD_INT_H
#define OGI_DB_DEAD_INT_H

#include <stddef.h>
#include <stdint.h>

#include "ogi/db.h"

/*
 * In the open transaction, after the batch's documents and dead letters
 * are written: the items with retry_dead set leave the dead letters when
 * they have a report (the batch stored them, now or before), or, poison
 * again, add one to their dead letter's attempts and keep the new reason;
 * flags[i] |= poison_flag for each dead letter so updated (unless it has
 * it already: a dead letter this batch inserted is not counted twice).
 * Returns 0 or the failure, classified, recorded in db.
 */
int ogi__db_dead_retried(ogi_db_t *db, const ogi_db_item_t *items, size_t n,
                         uint8_t *flags, uint8_t poison_flag);

#endif /* OGI_DB_DEAD_INT_H */
