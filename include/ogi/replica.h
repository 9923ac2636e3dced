/*
 * replica.h - a reporting database that follows ogi's by PostgreSQL
 * logical replication: `ogi db subscribe` and `ogi db unsubscribe`.
 *
 * The publisher is any database with ogi's schema: migration 015 creates
 * the publication OGI_REPLICA_PUBLICATION there (records, rejections,
 * cross_findings, agencies, and documents without the raw bytes). The
 * subscriber gets the same schema from the same migrations, its
 * documents.raw made nullable (the raw bytes are not sent), and a
 * subscription to that publication: the rows already there are copied
 * in the background, then each committed change follows within moments.
 * The views (reports, apply, current_reports, the reporting views) are
 * computed on the subscriber from the replicated rows.
 *
 * The publisher's server needs wal_level = logical (the private server
 * of `ogi db start` has it) and keeps WAL for the subscription's slot
 * until the subscriber has received it: a subscriber that is gone for
 * good must be dropped (ogi_replica_unsubscribe), or the publisher's
 * disk fills.
 */
#ifndef OGI_REPLICA_H
#define OGI_REPLICA_H

#include <stddef.h>

#include "ogi/db.h"

#define OGI_REPLICA_PUBLICATION "ogi_reporting" /* 015_publication.sql */
#define OGI_REPLICA_NAME        "ogi_reporting" /* the default subscription */

/* What migration 015 runs, for a role that owns the tables and may
 * create in the database (or a superuser) to run by hand when the
 * migrating role could not. */
#define OGI_REPLICA_CREATE_SQL                                                 \
    "CREATE PUBLICATION " OGI_REPLICA_PUBLICATION " FOR TABLE records, "       \
    "rejections, cross_findings, agencies, documents (id, doc_key, "           \
    "content_type, encoding, source_name, submitted_by, first_received)"

/*
 * Checks the publisher from here: that it answers at conninfo, runs with
 * wal_level = logical, has the publication, and has no newer schema than
 * this ogi's migrations (a subscriber made by them would lack columns).
 * Returns 0; OGI_ENOTFOUND when it cannot be reached from here (the
 * subscriber's server may still reach it: that is the connection that
 * counts); OGI_EINVAL when it is reachable but cannot be followed. why
 * says what, with a hint. Thread-safe (its own connection).
 */
int ogi_replica_check_publisher(const char *conninfo, char *why,
                                size_t why_size);

/*
 * Whether the database of db has the publication: *published 1 or 0.
 * Returns 0 or an error code with the message in ogi_db_error(db).
 */
int ogi_replica_published(ogi_db_t *db, int *published);

/*
 * Makes the database of db follow the publisher: applies the migrations,
 * drops NOT NULL on documents.raw, and creates the subscription name
 * (NULL: OGI_REPLICA_NAME) to the publication at publisher, a libpq
 * conninfo that the SUBSCRIBER's server uses to connect (for a private
 * server on this machine: "host=DIR port=5432 dbname=ogi user=postgres").
 * Creating it also creates the replication slot of the same name on the
 * publisher, so two subscribers of one publisher need two names
 * ([a-z0-9_], at most 63 characters). The database must hold no
 * documents or agencies yet (copied rows would collide with them).
 * CREATE SUBSCRIPTION needs a superuser on PostgreSQL 15. Returns 0, or
 * an error code with the message in ogi_db_error(db) (OGI_EINVAL: a bad
 * name, an existing subscription or a non-empty database).
 */
int ogi_replica_subscribe(ogi_db_t *db, const char *publisher,
                          const char *name);

/*
 * Drops the subscription name (NULL: OGI_REPLICA_NAME) of the database
 * of db, and with it its slot on the publisher, which must be reachable
 * for that. The rows received stay. *dropped (when not NULL) is 1 when it
 * existed, 0 when there was none (not a failure). Returns 0 or an error
 * code with the message in ogi_db_error(db).
 */
int ogi_replica_unsubscribe(ogi_db_t *db, const char *name, int *dropped);

#endif /* OGI_REPLICA_H */
