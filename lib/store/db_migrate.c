/*
 * db_migrate.c - the schema's migrations (deploy/sql/NNN_*.sql, embedded in
 * the binary: db_int.h), applied in order, each once, each checked against
 * the checksum recorded when it was applied.
 */
#include "ogi_int.h"

#include <assert.h>
#include <libpq-fe.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_int.h"
#include "ogi/db.h"
#include "ogi/error.h"
#include "ogi/hash.h"
#include "ogi/version.h"

/* Serialises concurrent migrators (pg_advisory_xact_lock). */
#define MIGRATE_LOCK "7300733"

size_t
ogi_db_migration_count(void)
{
    return ogi__nmigrations;
}

static int
migrations_table_exists(ogi_db_t *db, const char *what, int *exists)
{
    int64_t v = 0;
    int rc = ogi__db_int64(
        db, what,
        "SELECT (to_regclass('ogi_schema_migrations') IS NOT NULL)::int", &v);
    *exists = v != 0;
    return rc;
}

int
ogi_db_schema_version(ogi_db_t *self, int *version)
{
    assert(self && version);
    ogi__db_clear_error(self);
    *version = 0;
    int exists = 0;
    int rc = ogi__db_ensure_connected(self);
    if (rc == 0)
        rc = migrations_table_exists(self, "read schema version", &exists);
    if (rc || !exists)
        return rc;
    int64_t v = 0;
    rc = ogi__db_int64(self, "read schema version",
                       "SELECT coalesce(max(version), 0) "
                       "FROM ogi_schema_migrations",
                       &v);
    *version = (int)v;
    return rc;
}

/*
 * Applies migration m unless recorded. *did is set when it was applied
 * now. Runs inside BEGIN ... COMMIT under the advisory lock.
 */
static int
migrate_one(ogi_db_t *db, const ogi__migration_t *m, int version, int *did)
{
    char what[160], sum[65], vbuf[16];
    PGresult *res = NULL;
    int exists = 0, rc;
    snprintf(what, sizeof(what), "apply migration \"%s\"", m->name);
    snprintf(vbuf, sizeof(vbuf), "%d", version);
    ogi_hash_sha256_hex(m->sql, m->len, sum);
    *did = 0;
    rc = ogi__db_command(db, what, "BEGIN");
    if (rc)
        goto out;
    rc = ogi__db_run(db, what, "SELECT pg_advisory_xact_lock(" MIGRATE_LOCK ")",
                     0, NULL, NULL, NULL, PGRES_TUPLES_OK, NULL);
    if (rc == 0)
        rc = migrations_table_exists(db, what, &exists);
    if (rc)
        goto out;
    if (exists) {
        const char *const p1[1] = {vbuf};
        rc = ogi__db_run(db, what,
                         "SELECT checksum FROM ogi_schema_migrations "
                         "WHERE version = $1::int4",
                         1, p1, NULL, NULL, PGRES_TUPLES_OK, &res);
        if (rc)
            goto out;
        if (PQntuples(res) == 1) {
            if (strcmp(PQgetvalue(res, 0, 0), sum) != 0) {
                rc = ogi__db_failf(db, OGI_EIO,
                                   "could not apply migrations: migration "
                                   "\"%s\" changed after it was applied "
                                   "(checksum %.12s..., applied %.12s...)",
                                   m->name, sum, PQgetvalue(res, 0, 0));
                goto out;
            }
            rc = ogi__db_command(db, what, "COMMIT");
            goto out;
        }
        PQclear(res);
        res = NULL;
    }
    /* Several statements: only the simple query protocol takes them. */
    res = PQexec(ogi__db_conn(db), m->sql);
    if (PQresultStatus(res) != PGRES_COMMAND_OK &&
        PQresultStatus(res) != PGRES_TUPLES_OK) {
        rc = ogi__db_fail(db, what, res);
        goto out;
    }
    PQclear(res);
    res = NULL;
    const char *const p3[3] = {vbuf, m->name, sum};
    rc = ogi__db_run(
        db, what,
        "INSERT INTO ogi_schema_migrations (version, name, checksum) "
        "VALUES ($1::int4, $2, $3)",
        3, p3, NULL, NULL, PGRES_COMMAND_OK, NULL);
    if (rc == 0)
        rc = ogi__db_command(db, what, "COMMIT");
    if (rc == 0)
        *did = 1;
out:
    PQclear(res);
    if (rc)
        ogi__db_rollback(db);
    return rc;
}

int
ogi_db_migrate(ogi_db_t *self, size_t *applied)
{
    assert(self);
    ogi__db_clear_error(self);
    size_t done = 0;
    int rc = ogi__db_ensure_connected(self), prev = 0;
    for (size_t i = 0; rc == 0 && i < ogi__nmigrations; i++) {
        const ogi__migration_t *m = &ogi__migrations[i];
        char *end;
        long version = strtol(m->name, &end, 10);
        if (end == m->name || *end != '_' || version <= prev ||
            version > INT_MAX) {
            rc = ogi__db_failf(self, OGI_EIO,
                               "could not apply migrations: \"%s\" is not "
                               "named NNN_name.sql with NNN above the "
                               "previous one's",
                               m->name);
            break;
        }
        prev = (int)version;
        int did = 0;
        rc = migrate_one(self, m, (int)version, &did);
        done += (size_t)did;
    }
    if (applied)
        *applied = done;
    return rc;
}
