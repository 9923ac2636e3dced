/*
 * replica.c - a reporting database following ogi's by logical
 * replication (see replica.h): the subscriber's setup and teardown.
 *
 * CREATE and DROP SUBSCRIPTION take no parameters: the subscription's
 * name is checked against the characters a replication slot allows and
 * quoted with PQescapeIdentifier, the publisher's conninfo quoted with
 * PQescapeLiteral. Both run outside a transaction block, as PostgreSQL
 * requires when they create or drop the slot on the publisher.
 */
#include "ogi_int.h"

#include <assert.h>
#include <libpq-fe.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_int.h"
#include "ogi/db.h"
#include "ogi/error.h"
#include "ogi/replica.h"

/* A replication slot's name: lower-case letters, digits, underscores. */
static int
valid_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 63)
        return 0;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              *p == '_'))
            return 0;
    return 1;
}

/* The schema version this binary's migrations make: the last one's
 * number. */
static int
built_version(void)
{
    if (ogi__nmigrations == 0)
        return 0;
    return atoi(ogi__migrations[ogi__nmigrations - 1].name);
}

int
ogi_replica_check_publisher(const char *conninfo, char *why, size_t why_size)
{
    assert(conninfo && why);
    char msg[1024];
    int64_t logical = 0, published = 0;
    int version = 0, rc;
    ogi_db_t *pub = ogi_db_connect(conninfo, msg, sizeof(msg));
    if (!pub) {
        snprintf(why, why_size, "%s", msg);
        return OGI_ENOTFOUND;
    }
    rc = ogi__db_int64(pub, "read wal_level",
                       "SELECT (current_setting('wal_level') = 'logical')"
                       "::int",
                       &logical);
    if (rc == 0)
        rc = ogi__db_int64(pub, "read publications",
                           "SELECT count(*) FROM pg_publication WHERE "
                           "pubname = '" OGI_REPLICA_PUBLICATION "'",
                           &published);
    if (rc == 0)
        rc = ogi_db_schema_version(pub, &version);
    if (rc) {
        snprintf(why, why_size, "publisher: %s", ogi_db_error(pub));
        rc = OGI_EIO;
    } else if (version == 0) {
        snprintf(why, why_size,
                 "publisher has no ogi schema\n"
                 "hint: migrate it with this ogi (ogi db migrate --db "
                 "CONNINFO)");
        rc = OGI_EINVAL;
    } else if (version > built_version()) {
        snprintf(why, why_size,
                 "publisher has schema version %d, this ogi knows %d\n"
                 "hint: subscribe with the ogi that migrated the publisher",
                 version, built_version());
        rc = OGI_EINVAL;
    } else if (!published) {
        snprintf(why, why_size,
                 "publisher has no publication \"" OGI_REPLICA_PUBLICATION
                 "\"\n"
                 "hint: migrate it with this ogi (ogi db migrate); when "
                 "its role may not create publications, a role that owns "
                 "the tables and may create in the database (or a "
                 "superuser) runs: " OGI_REPLICA_CREATE_SQL);
        rc = OGI_EINVAL;
    } else if (!logical) {
        snprintf(why, why_size,
                 "publisher runs with a wal_level other than logical\n"
                 "hint: set wal_level = logical and restart it (a private "
                 "server: ogi db stop, then ogi db start)");
        rc = OGI_EINVAL;
    }
    ogi_db_destroy(&pub);
    return rc;
}

int
ogi_replica_published(ogi_db_t *db, int *published)
{
    assert(db && published);
    ogi__db_clear_error(db);
    int64_t n = 0;
    int rc = ogi__db_ensure_connected(db);
    if (rc == 0)
        rc = ogi__db_int64(db, "read publications",
                           "SELECT count(*) FROM pg_publication WHERE "
                           "pubname = '" OGI_REPLICA_PUBLICATION "'",
                           &n);
    *published = n > 0;
    return rc;
}

/* Whether the subscription name exists in this database. */
static int
subscription_exists(ogi_db_t *db, const char *name, int *exists)
{
    PGresult *res = NULL;
    const char *const p[1] = {name};
    int rc = ogi__db_run(db, "read subscriptions",
                         "SELECT 1 FROM pg_subscription s JOIN pg_database d"
                         " ON d.oid = s.subdbid"
                         " WHERE d.datname = current_database()"
                         " AND s.subname = $1",
                         1, p, NULL, NULL, PGRES_TUPLES_OK, &res);
    if (rc == 0)
        *exists = PQntuples(res) > 0;
    PQclear(res);
    return rc;
}

/* Runs "HEAD name TAIL" with name quoted as an identifier (and, when
 * literal is not NULL, "HEAD name MIDDLE 'literal' TAIL"). */
static int
run_named(ogi_db_t *db, const char *what, const char *head, const char *name,
          const char *middle, const char *literal, const char *tail)
{
    PGconn *c = ogi__db_conn(db);
    char *id = PQescapeIdentifier(c, name, strlen(name));
    char *lit = literal ? PQescapeLiteral(c, literal, strlen(literal)) : NULL;
    char *sql = NULL;
    int rc;
    if (!id || (literal && !lit)) {
        rc = ogi__db_fail_rc(db, OGI_ENOMEM, what);
        goto out;
    }
    size_t n = strlen(head) + strlen(id) + strlen(tail) + 4 +
               (lit ? strlen(middle) + strlen(lit) + 2 : 0);
    sql = ogi_malloc(n);
    if (!sql) {
        rc = ogi__db_fail_rc(db, OGI_ENOMEM, what);
        goto out;
    }
    if (lit)
        snprintf(sql, n, "%s %s %s %s %s", head, id, middle, lit, tail);
    else
        snprintf(sql, n, "%s %s %s", head, id, tail);
    rc = ogi__db_command(db, what, sql);
out:
    ogi_free(sql);
    PQfreemem(lit);
    PQfreemem(id);
    return rc;
}

int
ogi_replica_subscribe(ogi_db_t *db, const char *publisher, const char *name)
{
    assert(db && publisher);
    ogi__db_clear_error(db);
    if (!name)
        name = OGI_REPLICA_NAME;
    if (!valid_name(name))
        return ogi__db_failf(db, OGI_EINVAL,
                             "could not subscribe: invalid subscription "
                             "name \"%s\" (lower-case letters, digits and "
                             "underscores, at most 63)",
                             name);
    int rc = ogi__db_ensure_connected(db), exists = 0;
    int64_t held = 0;
    if (rc == 0)
        rc = ogi_db_migrate(db, NULL);
    if (rc == 0)
        rc = subscription_exists(db, name, &exists);
    if (rc)
        return rc;
    if (exists)
        return ogi__db_failf(db, OGI_EINVAL,
                             "could not subscribe: subscription \"%s\" "
                             "already exists (ogi db unsubscribe drops it)",
                             name);
    rc = ogi__db_int64(db, "read documents",
                       "SELECT (EXISTS (SELECT 1 FROM documents) OR"
                       " EXISTS (SELECT 1 FROM agencies))::int",
                       &held);
    if (rc)
        return rc;
    if (held)
        return ogi__db_failf(db, OGI_EINVAL,
                             "could not subscribe: the database already "
                             "holds documents or agencies of its own, which "
                             "the rows copied from the publisher would "
                             "collide with; subscribe an empty database");
    /* The publication leaves the raw bytes out: replicated rows have
     * none. Idempotent, like the migrations. */
    rc = ogi__db_command(db, "allow documents without raw bytes",
                         "ALTER TABLE documents ALTER COLUMN raw DROP "
                         "NOT NULL");
    if (rc)
        return rc;
    return run_named(db, "create subscription", "CREATE SUBSCRIPTION", name,
                     "CONNECTION", publisher,
                     "PUBLICATION " OGI_REPLICA_PUBLICATION);
}

int
ogi_replica_unsubscribe(ogi_db_t *db, const char *name, int *dropped)
{
    assert(db);
    ogi__db_clear_error(db);
    if (dropped)
        *dropped = 0;
    if (!name)
        name = OGI_REPLICA_NAME;
    if (!valid_name(name))
        return ogi__db_failf(db, OGI_EINVAL,
                             "could not unsubscribe: invalid subscription "
                             "name \"%s\"",
                             name);
    int exists = 0;
    int rc = ogi__db_ensure_connected(db);
    if (rc == 0)
        rc = subscription_exists(db, name, &exists);
    if (rc || !exists)
        return rc;
    rc = run_named(db, "drop subscription", "DROP SUBSCRIPTION", name, NULL,
                   NULL, "");
    if (rc == 0 && dropped)
        *dropped = 1;
    return rc;
}
