/*
 * db.c - the PostgreSQL store: connection, migrations, batch writer (db.h).
 *
 * Every statement is constant text with $n parameters (style.md §9). The
 * one exception is a migration script: constant text embedded at build
 * time (db_int.h), run with PQexec because it holds several statements.
 *
 * A batch is one transaction:
 *
 *   1. documents: one INSERT over unnest() of binary arrays (doc_key
 *      text[], raw bytea[], content_type text[], source_name text[]) with
 *      ON CONFLICT (doc_key) DO NOTHING. It answers the positions of the
 *      items it inserted, so each item knows whether it is new; of two
 *      items with the same key in one batch, the first is stored.
 *   2. for the new documents: reports, one INSERT over unnest() of binary
 *      arrays (each record's JSON sent as is, parsed once into jsonb);
 *      then the typed tables and findings, one INSERT per table over
 *      json_populate_recordset($1::json). The JSON keys are the skeleton's
 *      keys, which are the column names, so no statement lists them: the
 *      SQL files and lib/skeleton.c stay the two places that name them,
 *      and test_db checks that they agree.
 *   3. dead_letters: the poison items, unless their key is stored.
 *
 * Rows are inserted in doc_key order, so that two sinks writing batches
 * that overlap take their locks in the same order and do not deadlock.
 * Parameters are cut into chunks of about CHUNK_BYTES: a batch of large
 * documents stays far below PostgreSQL's 1 GB limit on one value.
 */
#include "ogi_int.h"

#include <errno.h>
#include <inttypes.h>
#include <libpq-fe.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db_int.h"
#include "ogi/cluster.h"
#include "ogi/db.h"
#include "ogi/error.h"
#include "ogi/json.h"
#include "ogi/parse.h"

#define CHUNK_BYTES (64u << 20)

/* Type OIDs of binary array elements (catalog/pg_type_d.h). */
#define OID_BYTEA 17u
#define OID_INT4  23u
#define OID_TEXT  25u

/* Serialises concurrent migrators (pg_advisory_xact_lock). */
#define MIGRATE_LOCK "7300733"

struct ogi_db {
    PGconn *conn;     /* the connection; reset when it breaks */
    char err[1024];   /* last failure, "" if none */
    char sqlstate[6]; /* its SQLSTATE, "" if none */
};

/* ---- error classification ---- */

int
ogi_db_classify(const char *sqlstate)
{
    if (!sqlstate || strlen(sqlstate) != 5)
        return OGI_EIO;
    if (strncmp(sqlstate, "08", 2) == 0 || /* connection exception */
        strcmp(sqlstate, "40001") == 0 ||  /* serialization failure */
        strcmp(sqlstate, "40P01") == 0 ||  /* deadlock detected */
        strncmp(sqlstate, "53", 2) == 0 || /* insufficient resources */
        strcmp(sqlstate, "57P01") == 0 ||  /* admin shutdown */
        strcmp(sqlstate, "57P02") == 0 ||  /* crash shutdown */
        strcmp(sqlstate, "57P03") == 0)    /* cannot connect now */
        return OGI_ERETRY;
    if (strncmp(sqlstate, "22", 2) == 0 || /* data exception */
        strncmp(sqlstate, "23", 2) == 0)   /* integrity constraint */
        return OGI_EREJECT;
    return OGI_EIO;
}

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

static void
clear_error(ogi_db_t *db)
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

const char *
ogi_db_outcome_name(ogi_db_outcome_t outcome)
{
    switch (outcome) {
        case OGI_DB_STORED:
            return "stored";
        case OGI_DB_DUPLICATE:
            return "duplicate";
        case OGI_DB_REJECTED:
            return "rejected";
        case OGI_DB_POISON:
            return "poison";
    }
    return "unknown";
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
static int
ensure_connected(ogi_db_t *db)
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
static int
run(ogi_db_t *db, const char *what, const char *sql, int nparams,
    const char *const *values, const int *lengths, const int *formats,
    ExecStatusType want, PGresult **out)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    PGresult *res =
        PQexecParams(db->conn, sql, nparams, NULL, values, lengths, formats, 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (getenv("OGI_TIMING")) fprintf(stderr, "TIMING %.1f ms %s %.40s\n", (t1.tv_sec-t0.tv_sec)*1e3+(t1.tv_nsec-t0.tv_nsec)/1e6, what, sql);
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

static int
command(ogi_db_t *db, const char *what, const char *sql)
{
    return run(db, what, sql, 0, NULL, NULL, NULL, PGRES_COMMAND_OK, NULL);
}

/* Ends a failed transaction; the error already recorded stays. */
static void
rollback(ogi_db_t *db)
{
    if (PQstatus(db->conn) != CONNECTION_OK ||
        PQtransactionStatus(db->conn) == PQTRANS_IDLE)
        return;
    PQclear(PQexecParams(db->conn, "ROLLBACK", 0, NULL, NULL, NULL, NULL, 0));
}

/* The first column of a one-row result as a number. */
static int
single_int64(ogi_db_t *db, const char *what, const char *sql, int64_t *out)
{
    PGresult *res = NULL;
    int rc = run(db, what, sql, 0, NULL, NULL, NULL, PGRES_TUPLES_OK, &res);
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
    clear_error(self);
    int rc = ensure_connected(self);
    if (rc)
        return rc;
    return single_int64(self, "count documents",
                        "SELECT count(*) FROM documents", count);
}

/* ---- migrations ---- */

size_t
ogi_db_migration_count(void)
{
    return ogi__nmigrations;
}

static int
migrations_table_exists(ogi_db_t *db, const char *what, int *exists)
{
    int64_t v = 0;
    int rc = single_int64(
        db, what,
        "SELECT (to_regclass('ogi_schema_migrations') IS NOT NULL)::int", &v);
    *exists = v != 0;
    return rc;
}

int
ogi_db_schema_version(ogi_db_t *self, int *version)
{
    assert(self && version);
    clear_error(self);
    *version = 0;
    int exists = 0;
    int rc = ensure_connected(self);
    if (rc == 0)
        rc = migrations_table_exists(self, "read schema version", &exists);
    if (rc || !exists)
        return rc;
    int64_t v = 0;
    rc = single_int64(self, "read schema version",
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
    ogi_parse_doc_key(m->sql, m->len, sum);
    *did = 0;
    rc = command(db, what, "BEGIN");
    if (rc)
        goto out;
    rc = run(db, what, "SELECT pg_advisory_xact_lock(" MIGRATE_LOCK ")", 0,
             NULL, NULL, NULL, PGRES_TUPLES_OK, NULL);
    if (rc == 0)
        rc = migrations_table_exists(db, what, &exists);
    if (rc)
        goto out;
    if (exists) {
        const char *const p1[1] = {vbuf};
        rc = run(db, what,
                 "SELECT checksum FROM ogi_schema_migrations "
                 "WHERE version = $1::int4",
                 1, p1, NULL, NULL, PGRES_TUPLES_OK, &res);
        if (rc)
            goto out;
        if (PQntuples(res) == 1) {
            if (strcmp(PQgetvalue(res, 0, 0), sum) != 0) {
                snprintf(db->err, sizeof(db->err),
                         "could not apply migrations: migration \"%s\" "
                         "changed after it was applied (checksum %.12s..., "
                         "applied %.12s...)",
                         m->name, sum, PQgetvalue(res, 0, 0));
                rc = OGI_EIO;
                goto out;
            }
            rc = command(db, what, "COMMIT");
            goto out;
        }
        PQclear(res);
        res = NULL;
    }
    /* Several statements: only the simple query protocol takes them. */
    res = PQexec(db->conn, m->sql);
    if (PQresultStatus(res) != PGRES_COMMAND_OK &&
        PQresultStatus(res) != PGRES_TUPLES_OK) {
        rc = set_error(db, what, res);
        goto out;
    }
    PQclear(res);
    res = NULL;
    const char *const p3[3] = {vbuf, m->name, sum};
    rc = run(db, what,
             "INSERT INTO ogi_schema_migrations (version, name, checksum) "
             "VALUES ($1::int4, $2, $3)",
             3, p3, NULL, NULL, PGRES_COMMAND_OK, NULL);
    if (rc == 0)
        rc = command(db, what, "COMMIT");
    if (rc == 0)
        *did = 1;
out:
    PQclear(res);
    if (rc)
        rollback(db);
    return rc;
}

int
ogi_db_migrate(ogi_db_t *self, size_t *applied)
{
    assert(self);
    clear_error(self);
    size_t done = 0;
    int rc = ensure_connected(self), prev = 0;
    for (size_t i = 0; rc == 0 && i < ogi__nmigrations; i++) {
        const ogi__migration_t *m = &ogi__migrations[i];
        char *end;
        long version = strtol(m->name, &end, 10);
        if (end == m->name || *end != '_' || version <= prev ||
            version > INT_MAX) {
            snprintf(self->err, sizeof(self->err),
                     "could not apply migrations: \"%s\" is not named "
                     "NNN_name.sql with NNN above the previous one's",
                     m->name);
            rc = OGI_EIO;
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

/* ---- buffers: JSON text and binary arrays ---- */

typedef struct {
    char *p;    /* NUL-terminated contents, or NULL */
    size_t len; /* bytes used, NUL excluded */
    size_t cap; /* bytes allocated */
    int oom;    /* an allocation failed: contents are incomplete */
} buf_t;

static void
buf_put(buf_t *b, const void *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = ogi_realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void
buf_puts(buf_t *b, const char *s)
{
    buf_put(b, s, strlen(s));
}

static void
buf_u32(buf_t *b, uint32_t v)
{
    unsigned char c[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 8), (unsigned char)v};
    buf_put(b, c, 4);
}

static void
buf_fini(buf_t *b)
{
    ogi_free(b->p);
    memset(b, 0, sizeof(*b));
}

/* A JSON string, or null for NULL. */
static void
json_str(buf_t *b, const char *s)
{
    if (!s) {
        buf_puts(b, "null");
        return;
    }
    buf_put(b, "\"", 1);
    const char *run_start = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c != '"' && c != '\\' && c >= 0x20)
            continue;
        buf_put(b, run_start, (size_t)(s - run_start));
        char esc[8];
        if (c == '"' || c == '\\')
            snprintf(esc, sizeof(esc), "\\%c", c);
        else if (c == '\n')
            snprintf(esc, sizeof(esc), "\\n");
        else if (c == '\t')
            snprintf(esc, sizeof(esc), "\\t");
        else
            snprintf(esc, sizeof(esc), "\\u%04x", c);
        buf_puts(b, esc);
        run_start = s + 1;
    }
    buf_put(b, run_start, (size_t)(s - run_start));
    buf_put(b, "\"", 1);
}

/* ,"key": */
static void
json_key(buf_t *b, const char *key)
{
    buf_put(b, ",", 1);
    json_str(b, key);
    buf_put(b, ":", 1);
}

static void
json_int(buf_t *b, int64_t v)
{
    char s[24];
    snprintf(s, sizeof(s), "%" PRId64, v);
    buf_puts(b, s);
}

/* numeric(20,6) holds 14 digits before the point. */
#define AMOUNT_INT_DIGITS 14

/* value * 10^-scale as an exact JSON number, or null when it would not
 * fit the column. */
static void
json_decimal(buf_t *b, int64_t value, unsigned scale)
{
    char d[24];
    uint64_t u = value < 0 ? 0 - (uint64_t)value : (uint64_t)value;
    int n = snprintf(d, sizeof(d), "%" PRIu64, u);
    if (n - (int)scale > AMOUNT_INT_DIGITS) {
        buf_puts(b, "null");
        return;
    }
    if (value < 0)
        buf_put(b, "-", 1);
    if (n <= (int)scale) {
        buf_puts(b, "0.");
        for (int i = n; i < (int)scale; i++)
            buf_put(b, "0", 1);
        buf_put(b, d, (size_t)n);
    } else {
        buf_put(b, d, (size_t)n - scale);
        if (scale) {
            buf_put(b, ".", 1);
            buf_put(b, d + n - scale, scale);
        }
    }
}

/*
 * A cell: NULL unless it holds a number. Integer columns take a number
 * printed with decimals only when it is whole ("12.00"); otherwise the
 * cell is NULL here (the record keeps it, and V1 reports it).
 */
static void
json_cell(buf_t *b, const ogi_cell_t *c, ogi_vtype_t type)
{
    if (!c || c->state != OGI_CELL_NUM) {
        buf_puts(b, "null");
        return;
    }
    if (type == OGI_VT_AMOUNT || type == OGI_VT_AMOUNT_WAN) {
        json_decimal(b, c->value, c->scale);
        return;
    }
    int64_t p = 1;
    for (unsigned i = 0; i < c->scale && p <= INT64_MAX / 10; i++)
        p *= 10;
    if (c->scale > 18 || c->value % p != 0)
        buf_puts(b, "null");
    else
        json_int(b, c->value / p);
}

/* A binary one-dimensional array parameter (array_recv's format). */
typedef struct {
    buf_t b;      /* header then elements */
    uint32_t n;   /* elements */
    int has_null; /* some element is NULL */
} barr_t;

static void
barr_start(barr_t *a, uint32_t elem_oid)
{
    a->b.len = 0;
    a->n = 0;
    a->has_null = 0;
    buf_u32(&a->b, 1);        /* dimensions */
    buf_u32(&a->b, 0);        /* has nulls (patched) */
    buf_u32(&a->b, elem_oid); /* element type */
    buf_u32(&a->b, 0);        /* length (patched) */
    buf_u32(&a->b, 1);        /* lower bound */
}

static void
barr_add(barr_t *a, const void *p, size_t len)
{
    if (!p) {
        buf_u32(&a->b, 0xffffffffu); /* -1: NULL */
        a->has_null = 1;
    } else {
        buf_u32(&a->b, (uint32_t)len);
        buf_put(&a->b, p, len);
    }
    a->n++;
}

static void
barr_add_str(barr_t *a, const char *s)
{
    barr_add(a, s, s ? strlen(s) : 0);
}

static void
barr_add_int4(barr_t *a, int32_t v)
{
    buf_u32(&a->b, 4);
    buf_u32(&a->b, (uint32_t)v);
    a->n++;
}

static void
barr_finish(barr_t *a)
{
    if (a->b.oom || a->b.len < 20)
        return;
    unsigned char *h = (unsigned char *)a->b.p;
    h[7] = (unsigned char)a->has_null;
    h[12] = (unsigned char)(a->n >> 24);
    h[13] = (unsigned char)(a->n >> 16);
    h[14] = (unsigned char)(a->n >> 8);
    h[15] = (unsigned char)a->n;
}

/* ---- the batch writer ---- */

#define F_NEW    0x01u /* the document was inserted by this batch */
#define F_POISON 0x02u /* the dead letter was inserted by this batch */

static const char *
item_key(const ogi_db_item_t *it)
{
    if (it->doc_key)
        return it->doc_key;
    return it->report ? it->report->doc_key : NULL;
}

#define MAX_COLS 10

/* Rows for one statement, as one binary array per column. */
typedef struct {
    const char *what; /* "store documents" */
    const char *sql;  /* INSERT ... FROM unnest($1::..[], ...) */
    int ncols;        /* columns in use */
    barr_t col[MAX_COLS];
    size_t rows;  /* rows added since the last run */
    size_t bytes; /* payload bytes added since the last run */
} arows_t;

static void
arows_init(arows_t *a, const char *what, const char *sql, int ncols)
{
    memset(a, 0, sizeof(*a));
    a->what = what;
    a->sql = sql;
    a->ncols = ncols;
}

/* Empties the arrays; element types in oids[0..ncols). */
static void
arows_reset(arows_t *a, const uint32_t *oids)
{
    for (int c = 0; c < a->ncols; c++)
        barr_start(&a->col[c], oids[c]);
    a->rows = 0;
    a->bytes = 0;
}

static void
arows_fini(arows_t *a)
{
    for (int c = 0; c < MAX_COLS; c++)
        buf_fini(&a->col[c].b);
}

/* Runs the statement on the arrays (binary parameters); *res receives
 * its result when res is not NULL. */
static int
arows_run(ogi_db_t *db, arows_t *a, ExecStatusType want, PGresult **res)
{
    const char *values[MAX_COLS];
    int lengths[MAX_COLS], formats[MAX_COLS];
    for (int c = 0; c < a->ncols; c++) {
        barr_finish(&a->col[c]);
        if (a->col[c].b.oom)
            return set_failure(db, OGI_ENOMEM, a->what);
        if (a->col[c].b.len > INT32_MAX)
            return set_failure(db, OGI_ETOOBIG, a->what);
        values[c] = a->col[c].b.p;
        lengths[c] = (int)a->col[c].b.len;
        formats[c] = 1;
    }
    return run(db, a->what, a->sql, a->ncols, values, lengths, formats, want,
               res);
}

/*
 * Documents and dead letters: the statement answers the 1-based positions
 * (WITH ORDINALITY) of the rows it inserted; of rows with the same key,
 * the first is inserted (DISTINCT ON ... ORDER BY doc_key, i).
 */
static const char sql_documents[] =
    "WITH u AS ("
    " SELECT * FROM unnest($1::text[], $2::bytea[], $3::text[], $4::text[])"
    "  WITH ORDINALITY AS u(doc_key, raw, content_type, source_name, i)"
    "), ins AS ("
    " INSERT INTO documents (doc_key, raw, content_type, source_name)"
    " SELECT DISTINCT ON (doc_key) doc_key, raw, content_type, source_name"
    "  FROM u ORDER BY doc_key, i"
    " ON CONFLICT (doc_key) DO NOTHING"
    " RETURNING doc_key"
    ") SELECT min(u.i) FROM u JOIN ins USING (doc_key) GROUP BY u.doc_key";

static const char sql_dead_letters[] =
    "WITH u AS ("
    " SELECT * FROM unnest($1::text[], $2::bytea[], $3::text[], $4::text[],"
    "  $5::text[], $6::int4[])"
    "  WITH ORDINALITY AS u(doc_key, raw, content_type, source_name, reason,"
    "  attempts, i)"
    "), ins AS ("
    " INSERT INTO dead_letters (doc_key, raw, content_type, source_name,"
    "  reason, attempts)"
    " SELECT DISTINCT ON (doc_key) doc_key, raw, content_type, source_name,"
    "  reason, attempts"
    "  FROM u WHERE NOT EXISTS"
    "  (SELECT FROM documents d WHERE d.doc_key = u.doc_key)"
    "  ORDER BY doc_key, i"
    " ON CONFLICT (doc_key) DO NOTHING"
    " RETURNING doc_key"
    ") SELECT min(u.i) FROM u JOIN ins USING (doc_key) GROUP BY u.doc_key";

/*
 * Inserts the documents (poison == 0: items with a report) or the dead
 * letters (poison == 1: items without) in chunks, and marks in flags the
 * items that were inserted.
 */
static int
store_raw(ogi_db_t *db, const ogi_db_item_t *items, size_t n, uint8_t *flags,
          int poison)
{
    static const uint32_t oids[6] = {OID_TEXT, OID_BYTEA, OID_TEXT,
                                     OID_TEXT, OID_TEXT,  OID_INT4};
    arows_t a;
    arows_init(&a, poison ? "store dead letters" : "store documents",
               poison ? sql_dead_letters : sql_documents, poison ? 6 : 4);
    size_t *idx = ogi_calloc(n, sizeof(*idx)); /* chunk row -> item */
    PGresult *res = NULL;
    int rc = idx ? 0 : set_failure(db, OGI_ENOMEM, a.what);
    size_t i = 0;
    while (rc == 0 && i < n) {
        arows_reset(&a, oids);
        for (; i < n && a.bytes < CHUNK_BYTES; i++) {
            const ogi_db_item_t *it = &items[i];
            if ((it->report == NULL) != poison)
                continue;
            if (it->raw_len > INT32_MAX) {
                rc = set_failure(db, OGI_ETOOBIG, a.what);
                goto out;
            }
            idx[a.rows++] = i;
            a.bytes += it->raw_len;
            barr_add_str(&a.col[0], item_key(it));
            barr_add(&a.col[1], it->raw ? it->raw : "", it->raw_len);
            barr_add_str(&a.col[2], it->content_type);
            barr_add_str(&a.col[3], it->source_name);
            if (poison) {
                barr_add_str(&a.col[4],
                             it->poison_reason ? it->poison_reason : "poison");
                barr_add_int4(&a.col[5], it->attempts > INT32_MAX
                                             ? INT32_MAX
                                             : (int32_t)it->attempts);
            }
        }
        if (a.rows == 0)
            break;
        rc = arows_run(db, &a, PGRES_TUPLES_OK, &res);
        if (rc)
            goto out;
        for (int r = 0; r < PQntuples(res); r++) {
            long pos = strtol(PQgetvalue(res, r, 0), NULL, 10);
            if (pos >= 1 && (size_t)pos <= a.rows)
                flags[idx[pos - 1]] |= poison ? F_POISON : F_NEW;
        }
        PQclear(res);
        res = NULL;
    }
out:
    PQclear(res);
    arows_fini(&a);
    ogi_free(idx);
    return rc;
}

/*
 * Reports: binary text arrays, so that each record's JSON is sent as is
 * and parsed once into jsonb, element by element (one JSON array holding
 * every record parsed three times slower here).
 */
static const char sql_reports[] =
    "INSERT INTO reports (doc_key, status, parser_version, agency, year,"
    " format, admin_level, province, published_on, record)"
    " SELECT doc_key, status, parser_version, agency, year, format,"
    "  admin_level, province, published_on::date, record::jsonb"
    " FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],"
    "  $5::int4[], $6::text[], $7::text[], $8::text[], $9::text[],"
    "  $10::text[])"
    " AS u(doc_key, status, parser_version, agency, year, format,"
    "  admin_level, province, published_on, record)";

static const uint32_t report_oids[10] = {OID_TEXT, OID_TEXT, OID_TEXT, OID_TEXT,
                                         OID_INT4, OID_TEXT, OID_TEXT, OID_TEXT,
                                         OID_TEXT, OID_TEXT};

/* The typed tables: SQL table, row-key column, and the constant INSERT. */
#define TYPED(table, rowcol)                                                   \
    {                                                                          \
        table, rowcol,                                                         \
            "INSERT INTO " table                                               \
            " SELECT * FROM json_populate_recordset(NULL::" table              \
            ", $1::json)"                                                      \
    }

static const struct {
    const char *table;  /* SQL table */
    const char *rowcol; /* its row-key column */
    const char *sql;    /* rows from a JSON array of objects */
} typed[OGI_TABLE_COUNT] = {
    [OGI_T2_19_1] = TYPED("active_2019_a20_1", "row_key"),
    [OGI_T2_19_5] = TYPED("active_2019_a20_5", "row_key"),
    [OGI_T2_19_6] = TYPED("active_2019_a20_6", "row_key"),
    [OGI_T2_19_8] = TYPED("active_2019_a20_8", "row_key"),
    [OGI_T2_19_9] = TYPED("active_2019_a20_9", "row_key"),
    [OGI_T2_21_1] = TYPED("active_2021_a20_1", "row_key"),
    [OGI_T2_21_5] = TYPED("active_2021_a20_5", "row_key"),
    [OGI_T2_21_6] = TYPED("active_2021_a20_6", "row_key"),
    [OGI_T2_21_8] = TYPED("active_2021_a20_8", "row_key"),
    [OGI_T3] = TYPED("apply", "row_key"),
    [OGI_T4] = TYPED("appeal", "block"),
};

const char *
ogi_db_table_name(ogi_table_id_t id)
{
    assert((unsigned)id < OGI_TABLE_COUNT);
    return typed[id].table;
}

const char *
ogi_db_row_column(ogi_table_id_t id)
{
    assert((unsigned)id < OGI_TABLE_COUNT);
    return typed[id].rowcol;
}

static const char sql_findings[] =
    "INSERT INTO findings (doc_key, seq, rule, severity, path, message)"
    " SELECT doc_key, seq, rule, severity, path, message"
    " FROM json_populate_recordset(NULL::findings, $1::json)";

/* Rows for one table, as a JSON array of objects. */
typedef struct {
    const char *what; /* "store findings" */
    const char *sql;  /* INSERT ... json_populate_recordset($1) */
    buf_t b;          /* "[{...},{...}" */
    size_t rows;      /* objects in b */
} jrows_t;

/* Starts an object whose first key is doc_key. */
static void
jrows_row(jrows_t *j, const char *doc_key)
{
    buf_puts(&j->b, j->rows ? ",{\"doc_key\":" : "[{\"doc_key\":");
    json_str(&j->b, doc_key);
    j->rows++;
}

static int
jrows_flush(ogi_db_t *db, jrows_t *j)
{
    if (j->rows == 0)
        return 0;
    buf_put(&j->b, "]", 1);
    if (j->b.oom)
        return set_failure(db, OGI_ENOMEM, j->what);
    const char *const values[1] = {j->b.p};
    int rc =
        run(db, j->what, j->sql, 1, values, NULL, NULL, PGRES_COMMAND_OK, NULL);
    j->b.len = 0;
    j->rows = 0;
    return rc;
}

/* Everything written for new documents; flushed parents first. */
typedef struct {
    arows_t reports;
    jrows_t tables[OGI_TABLE_COUNT];
    jrows_t findings;
} recs_t;

static int
recs_flush(ogi_db_t *db, recs_t *r)
{
    int rc = 0;
    if (r->reports.rows) {
        rc = arows_run(db, &r->reports, PGRES_COMMAND_OK, NULL);
        arows_reset(&r->reports, report_oids);
    }
    for (int id = 0; rc == 0 && id < OGI_TABLE_COUNT; id++)
        rc = jrows_flush(db, &r->tables[id]);
    if (rc == 0)
        rc = jrows_flush(db, &r->findings);
    return rc;
}

static size_t
recs_bytes(const recs_t *r)
{
    size_t n = r->reports.bytes + r->findings.b.len;
    for (int id = 0; id < OGI_TABLE_COUNT; id++)
        n += r->tables[id].b.len;
    return n;
}

/* "YYYY-MM-DD" naming a real day, else NULL (the column is a date). */
static const char *
valid_date(const char *s)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return NULL;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return NULL;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
        (m == 2 && d == 29 && !leap))
        return NULL;
    return s;
}

static int
add_report(ogi_db_t *db, recs_t *r, const char *key, const ogi_report_t *rep)
{
    char *record = ogi_json_dump(rep, OGI_JSON_COMPACT);
    if (!record)
        return set_failure(db, OGI_ENOMEM, "store reports");
    const ogi_meta_t *m = &rep->meta;
    barr_t *c = r->reports.col;
    barr_add_str(&c[0], key);
    barr_add_str(&c[1], ogi_status_name(rep->status));
    barr_add_str(&c[2], OGI_PARSER_VERSION);
    barr_add_str(&c[3], m->agency);
    if (m->year)
        barr_add_int4(&c[4], m->year);
    else
        barr_add(&c[4], NULL, 0);
    barr_add_str(&c[5], ogi_skeleton_format_name(m->format));
    barr_add_str(&c[6], ogi_level_name(m->admin_level));
    barr_add_str(&c[7], m->province);
    barr_add_str(&c[8], valid_date(m->published_on));
    size_t len = strlen(record);
    barr_add(&c[9], record, len);
    free(record); /* jansson's, from malloc */
    r->reports.rows++;
    r->reports.bytes += len;
    return 0;
}

static void
add_tables(recs_t *r, const char *key, const ogi_report_t *rep)
{
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_table_t *t = &rep->tables[id];
        if (!t->present)
            continue;
        const ogi_skel_table_t *sk = t->skel;
        jrows_t *j = &r->tables[id];
        for (size_t row = 0; row < sk->nrows; row++) {
            if (!ogi_report_row_in_shape(rep, (ogi_table_id_t)id, row))
                continue;
            jrows_row(j, key);
            json_key(&j->b, "row_no");
            json_int(&j->b, (int64_t)row + 1);
            json_key(&j->b, typed[id].rowcol);
            json_str(&j->b, sk->rows[row].key);
            ogi_unit_t unit = OGI_UNIT_NONE;
            int amount = 0;
            for (size_t col = 0; col < sk->ncols; col++) {
                const ogi_cell_t *c =
                    ogi_report_cell(rep, (ogi_table_id_t)id, row, col);
                json_key(&j->b, sk->cols[col].key);
                json_cell(&j->b, c, sk->cols[col].type);
                if (sk->cols[col].type == OGI_VT_AMOUNT) {
                    amount = 1;
                    unit = c && c->unit ? (ogi_unit_t)c->unit : t->unit;
                }
            }
            if (amount) {
                json_key(&j->b, "amount_unit");
                json_str(&j->b, ogi_unit_name(unit));
            }
            buf_put(&j->b, "}", 1);
        }
    }
}

static void
add_findings(recs_t *r, const char *key, const ogi_report_t *rep)
{
    jrows_t *j = &r->findings;
    for (size_t k = 0; k < rep->nfindings; k++) {
        const ogi_finding_t *f = &rep->findings[k];
        jrows_row(j, key);
        json_key(&j->b, "seq");
        json_int(&j->b, (int64_t)k + 1);
        json_key(&j->b, "rule");
        json_str(&j->b, f->rule);
        json_key(&j->b, "severity");
        json_str(&j->b, ogi_severity_name(f->severity));
        json_key(&j->b, "path");
        json_str(&j->b, f->path ? f->path : "");
        json_key(&j->b, "message");
        json_str(&j->b, f->message ? f->message : "");
        buf_put(&j->b, "}", 1);
    }
}

/* Reports, typed tables and findings of the items stored as new. */
static int
store_records(ogi_db_t *db, const ogi_db_item_t *items, size_t n,
              const uint8_t *flags)
{
    recs_t r;
    memset(&r, 0, sizeof(r));
    arows_init(&r.reports, "store reports", sql_reports, 10);
    arows_reset(&r.reports, report_oids);
    r.findings.what = "store findings";
    r.findings.sql = sql_findings;
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        r.tables[id].what = "store report tables";
        r.tables[id].sql = typed[id].sql;
    }
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (!(flags[i] & F_NEW) || !items[i].report)
            continue;
        const char *key = item_key(&items[i]);
        rc = add_report(db, &r, key, items[i].report);
        if (rc)
            break;
        add_tables(&r, key, items[i].report);
        add_findings(&r, key, items[i].report);
        if (recs_bytes(&r) >= CHUNK_BYTES)
            rc = recs_flush(db, &r);
    }
    if (rc == 0)
        rc = recs_flush(db, &r);
    arows_fini(&r.reports);
    buf_fini(&r.findings.b);
    for (int id = 0; id < OGI_TABLE_COUNT; id++)
        buf_fini(&r.tables[id].b);
    return rc;
}

int
ogi_db_write_batch(ogi_db_t *self, const ogi_db_item_t *items, size_t n,
                   ogi_db_outcome_t *outcomes)
{
    assert(self && (items || n == 0) && (outcomes || n == 0));
    clear_error(self);
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!item_key(&items[i])) {
            snprintf(self->err, sizeof(self->err),
                     "could not store batch: item %zu has no doc_key", i);
            return OGI_EINVAL;
        }
    uint8_t *flags = ogi_calloc(n, 1);
    if (!flags)
        return set_failure(self, OGI_ENOMEM, "store batch");
    int rc = ensure_connected(self);
    if (rc == 0)
        rc = command(self, "begin transaction", "BEGIN");
    if (rc == 0)
        rc = store_raw(self, items, n, flags, 0);
    if (rc == 0)
        rc = store_records(self, items, n, flags);
    if (rc == 0)
        rc = store_raw(self, items, n, flags, 1);
    if (rc == 0)
        rc = command(self, "commit batch", "COMMIT");
    if (rc) {
        rollback(self);
    } else {
        for (size_t i = 0; i < n; i++) {
            const ogi_db_item_t *it = &items[i];
            if (!it->report)
                outcomes[i] =
                    flags[i] & F_POISON ? OGI_DB_POISON : OGI_DB_DUPLICATE;
            else if (!(flags[i] & F_NEW))
                outcomes[i] = OGI_DB_DUPLICATE;
            else if (it->report->status == OGI_STATUS_REJECTED)
                outcomes[i] = OGI_DB_REJECTED;
            else
                outcomes[i] = OGI_DB_STORED;
        }
    }
    ogi_free(flags);
    return rc;
}
