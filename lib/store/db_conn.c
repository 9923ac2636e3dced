/*
 * db_conn.c - the store's connection (db.h): connect, reconnect, the last
 * failure and its SQLSTATE, and the statement helpers every module of
 * lib/store uses (db_int.h). Every statement is constant text with $n
 * parameters (style.md §9).
 */
#include "ogi_int.h"

#include <libpq-fe.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_int.h"
#include "ogi/alloc.h"
#include "ogi/cluster.h"
#include "ogi/db.h"
#include "ogi/error.h"

struct ogi_db {
    PGconn *conn;     /* the connection; reset when it breaks */
    char err[1024];   /* last failure, "" if none */
    char sqlstate[6]; /* its SQLSTATE, "" if none */
};

/* One line: newlines and tabs of libpq's messages become spaces. */
static void
one_line(char *dst, size_t size, const char *src)
{
    size_t o = 0;
    int space = 0;
    for (; src && *src && o + 1 < size; src++) {
        if (*src == '\n' || *src == '\t' || *src == ' ') {
            space = 1;
            continue;
        }
        if (space && o > 0 && o + 2 < size)
            dst[o++] = ' ';
        space = 0;
        dst[o++] = *src;
    }
    dst[o] = '\0';
}

void
ogi__db_clear_error(ogi_db_t *db)
{
    db->err[0] = '\0';
    db->sqlstate[0] = '\0';
}

/* Records why `what` failed; returns what ogi_db_classify says of it. */
static int
set_error(ogi_db_t *db, const char *what, const PGresult *res)
{
    const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    const char *primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    char msg[768];
    one_line(msg, sizeof(msg), primary ? primary : PQerrorMessage(db->conn));
    snprintf(db->err, sizeof(db->err), "could not %s: %s", what,
             *msg ? msg : "unknown error");
    snprintf(db->sqlstate, sizeof(db->sqlstate), "%s", state ? state : "");
    if (!state || !*state) /* no answer from the server */
        return PQstatus(db->conn) == CONNECTION_BAD ? OGI_ERETRY : OGI_EIO;
    return ogi_db_classify(state);
}

static int
set_failure(ogi_db_t *db, int rc, const char *what)
{
    snprintf(db->err, sizeof(db->err), "could not %s: %s", what,
             ogi_strerror(rc));
    db->sqlstate[0] = '\0';
    return rc;
}

int
ogi__db_failf(ogi_db_t *db, int rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(db->err, sizeof(db->err), fmt, ap);
    va_end(ap);
    db->sqlstate[0] = '\0';
    return rc;
}

/* For db_agency.c and db_migrate.c (db_int.h). */
PGconn *
ogi__db_conn(ogi_db_t *db)
{
    return db->conn;
}

int
ogi__db_fail(ogi_db_t *db, const char *what, const PGresult *res)
{
    return set_error(db, what, res);
}

int
ogi__db_fail_rc(ogi_db_t *db, int rc, const char *what)
{
    return set_failure(db, rc, what);
}

const char *
ogi_db_error(const ogi_db_t *self)
{
    return self ? self->err : "";
}

const char *
ogi_db_sqlstate(const ogi_db_t *self)
{
    return self ? self->sqlstate : "";
}

/* ---- connection ---- */

int
ogi_db_default_conninfo(char *buf, size_t size)
{
    const char *host = getenv("PGHOST"), *db = getenv("PGDATABASE");
    if ((host && *host) || (db && *db)) {
        if (size == 0)
            return OGI_EINVAL;
        buf[0] = '\0';
        return 0;
    }
    return ogi_cluster_conninfo(NULL, buf, size);
}

/* Notices ("relation already exists, skipping") are not errors. */
static void
quiet(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

ogi_db_t *
ogi_db_connect(const char *conninfo, char *why, size_t why_size)
{
    char def[PATH_MAX + 128], msg[768];
    int local = 0;
    if (!conninfo) {
        if (ogi_db_default_conninfo(def, sizeof(def)) != 0) {
            snprintf(why, why_size,
                     "could not connect to database: the "
                     "default directory's path is too long");
            return NULL;
        }
        conninfo = def;
        local = *def != '\0';
    }
    ogi_db_t *db = ogi_calloc(1, sizeof(*db));
    if (!db) {
        snprintf(why, why_size, "could not connect to database: %s",
                 ogi_strerror(OGI_ENOMEM));
        return NULL;
    }
    /* dbname expands a conninfo or URL; the keys after it override it. */
    const char *const kw[] = {"dbname", "client_encoding",
                              "fallback_application_name", NULL};
    const char *const val[] = {conninfo, "UTF8", "ogi", NULL};
    db->conn = PQconnectdbParams(kw, val, 1);
    if (!db->conn || PQstatus(db->conn) != CONNECTION_OK) {
        one_line(msg, sizeof(msg),
                 db->conn ? PQerrorMessage(db->conn) : "out of memory");
        snprintf(why, why_size, "could not connect to database: %s%s", msg,
                 local ? " (is the local server running? start it with "
                         "\"ogi db start\")"
                       : "");
        PQfinish(db->conn);
        ogi_free(db);
        return NULL;
    }
    PQsetNoticeProcessor(db->conn, quiet, NULL);
    return db;
}

void
ogi_db_destroy(ogi_db_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    PQfinish((*self_p)->conn);
    ogi_free(*self_p);
    *self_p = NULL;
}

/* A broken connection is reset before the next unit of work. */
int
ogi__db_ensure_connected(ogi_db_t *db)
{
    if (PQstatus(db->conn) == CONNECTION_OK)
        return 0;
    PQreset(db->conn);
    if (PQstatus(db->conn) == CONNECTION_OK)
        return 0;
    char msg[768];
    one_line(msg, sizeof(msg), PQerrorMessage(db->conn));
    snprintf(db->err, sizeof(db->err), "could not connect to database: %s",
             msg);
    snprintf(db->sqlstate, sizeof(db->sqlstate), "08006");
    return OGI_ERETRY;
}

/*
 * Runs a constant statement whose result must have status want. On
 * success *out (when out is not NULL) receives the result, which the
 * caller clears; on failure the error is recorded and classified.
 */
int
ogi__db_run(ogi_db_t *db, const char *what, const char *sql, int nparams,
            const char *const *values, const int *lengths, const int *formats,
            ExecStatusType want, PGresult **out)
{
    PGresult *res =
        PQexecParams(db->conn, sql, nparams, NULL, values, lengths, formats, 0);
    int rc = 0;
    if (PQresultStatus(res) != want) {
        rc = set_error(db, what, res);
        PQclear(res);
        res = NULL;
    }
    if (out)
        *out = res;
    else
        PQclear(res);
    return rc;
}

int
ogi__db_command(ogi_db_t *db, const char *what, const char *sql)
{
    return ogi__db_run(db, what, sql, 0, NULL, NULL, NULL, PGRES_COMMAND_OK,
                       NULL);
}

/* Ends a failed transaction; the error already recorded stays. */
void
ogi__db_rollback(ogi_db_t *db)
{
    if (PQstatus(db->conn) != CONNECTION_OK ||
        PQtransactionStatus(db->conn) == PQTRANS_IDLE)
        return;
    PQclear(PQexecParams(db->conn, "ROLLBACK", 0, NULL, NULL, NULL, NULL, 0));
}

/* The first column of a one-row result as a number. */
char *
ogi__db_dup_value(const PGresult *res, int row, int col)
{
    if (PQgetisnull(res, row, col))
        return NULL;
    size_t n = (size_t)PQgetlength(res, row, col);
    char *p = ogi_malloc(n + 1);
    if (p) {
        memcpy(p, PQgetvalue(res, row, col), n);
        p[n] = '\0';
    }
    return p;
}

int
ogi__db_int64(ogi_db_t *db, const char *what, const char *sql, int64_t *out)
{
    PGresult *res = NULL;
    int rc =
        ogi__db_run(db, what, sql, 0, NULL, NULL, NULL, PGRES_TUPLES_OK, &res);
    if (rc)
        goto out;
    if (PQntuples(res) != 1 || PQgetisnull(res, 0, 0)) {
        rc = set_failure(db, OGI_EIO, what);
        goto out;
    }
    *out = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
out:
    PQclear(res);
    return rc;
}

int
ogi_db_count_documents(ogi_db_t *self, int64_t *count)
{
    assert(self && count);
    ogi__db_clear_error(self);
    int rc = ogi__db_ensure_connected(self);
    if (rc)
        return rc;
    return ogi__db_int64(self, "count documents",
                         "SELECT count(*) FROM documents", count);
}
