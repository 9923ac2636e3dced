/*
 * db_int.h - private to lib/store/db.c: the migrations embedded at build time.
 *
 * The Makefile turns deploy/sql/NNN_*.sql, in name order, into
 * build/gen/migrations.c (byte arrays, so no string-length limits apply).
 */
#ifndef OGI_DB_INT_H
#define OGI_DB_INT_H

#include <stddef.h>

typedef struct {
    const char *name; /* "002_store.sql" */
    const char *sql;  /* its text, NUL-terminated */
    size_t len;       /* strlen(sql) */
} ogi__migration_t;

extern const ogi__migration_t ogi__migrations[];
extern const size_t ogi__nmigrations;

/*
 * The handle's statement helpers, defined in db.c and shared by the
 * modules of lib/store (db_migrate.c, db_agency.c). Each records a failure
 * in the handle (what ogi_db_error says) and returns it classified.
 */
#include <libpq-fe.h>
#include <stdint.h>

#include "ogi/db.h"

PGconn *ogi__db_conn(ogi_db_t *db);
/* An item's key: its doc_key, else its report's. */
const char *ogi__db_item_key(const ogi_db_item_t *it);
void ogi__db_clear_error(ogi_db_t *db);
/* Resets a broken connection; OGI_ERETRY when it stays broken. */
int ogi__db_ensure_connected(ogi_db_t *db);
/* A failed statement (res NULL: the connection's error). */
int ogi__db_fail(ogi_db_t *db, const char *what, const PGresult *res);
int ogi__db_fail_rc(ogi_db_t *db, int rc, const char *what);
/* A failure in ogi's own words (printf format); returns rc. */
int ogi__db_failf(ogi_db_t *db, int rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Runs sql (parameters as PQexecParams); a result whose status is not
 * want is a failure. *out (when out is not NULL) receives the result. */
int ogi__db_run(ogi_db_t *db, const char *what, const char *sql, int nparams,
                const char *const *values, const int *lengths,
                const int *formats, ExecStatusType want, PGresult **out);
int ogi__db_command(ogi_db_t *db, const char *what, const char *sql);
/* Ends a failed transaction; the error already recorded stays. */
void ogi__db_rollback(ogi_db_t *db);
/* A copy (malloc'd, NUL-terminated) of a text value of res, or NULL when
 * it is NULL or memory ran out. */
char *ogi__db_dup_value(const PGresult *res, int row, int col);
/* The first column of a one-row result as a number. */
int ogi__db_int64(ogi_db_t *db, const char *what, const char *sql,
                  int64_t *out);

#endif /* OGI_DB_INT_H */
