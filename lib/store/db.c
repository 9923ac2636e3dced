/*
 * db.c - the PostgreSQL store: connection, migrations, batch writer (db.h).
 *
 * Every statement is constant text with $n parameters (style.md §9), or
 * a COPY ... FROM STDIN whose rows are data, never SQL. The one exception
 * is a migration script: constant text embedded at build time (db_int.h),
 * run with PQexec because it holds several statements.
 *
 * A batch is one transaction:
 *
 *   1. documents: one INSERT over unnest() of binary arrays (doc_key
 *      text[], raw bytea[], content_type text[], source_name text[]) with
 *      ON CONFLICT (doc_key) DO NOTHING RETURNING doc_key, so each item
 *      knows whether it is new; of two items with the same key in one
 *      batch, the first is sent and stored, the others are duplicates.
 *      While the server inserts them, the client turns the reports into
 *      JSON records (make_ahead), so that both work at once.
 *   2. for the new documents only (so nothing can conflict): reports,
 *      then each typed table, then findings, each with one COPY FROM
 *      STDIN in text format, streamed in pieces of COPY_FLUSH bytes while
 *      the next rows are made. The typed tables' columns are listed from
 *      the skeleton's keys: the SQL files and lib/core/skeleton.c stay the two
 *      places that name them, and test_db checks that they agree.
 *   3. dead_letters: the poison items, unless their key is stored.
 *
 * Rows are inserted in doc_key order, so that two sinks writing batches
 * that overlap take their locks in the same order and do not deadlock.
 * Array parameters are cut into chunks of about CHUNK_BYTES: a batch of
 * large documents stays far below PostgreSQL's 1 GB limit on one value.
 */
#include "ogi_int.h"

#include <errno.h>
#include <inttypes.h>
#include <libpq-fe.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_agency_int.h"
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

/* For db_agency.c (db_agency_int.h). */
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

/* ---- buffers: text and binary arrays ---- */

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

/* numeric(20,6) holds 14 digits before the point. */
#define AMOUNT_INT_DIGITS 14

/* value * 10^-scale as exact decimal text ("-12.50") into b. Returns 0,
 * or -1 with nothing written when it would not fit numeric(20,6). */
static int
buf_decimal(buf_t *b, int64_t value, unsigned scale)
{
    char d[24];
    uint64_t u = value < 0 ? 0 - (uint64_t)value : (uint64_t)value;
    int n = snprintf(d, sizeof(d), "%" PRIu64, u);
    if (n - (int)scale > AMOUNT_INT_DIGITS)
        return -1;
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
    return 0;
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
#define F_AGAIN  0x04u /* stored before by this same submission */
#define F_AGAIN_REJECTED 0x08u /* ... as a rejected document */

static const char *
item_key(const ogi_db_item_t *it)
{
    if (it->doc_key)
        return it->doc_key;
    return it->report ? it->report->doc_key : NULL;
}

/* An item's place in doc_key order. */
typedef struct {
    const char *key; /* item_key() */
    size_t i;        /* index into the items */
} slot_t;

/* By key, then by position: of items with the same key, the first first. */
static int
slot_cmp(const void *pa, const void *pb)
{
    const slot_t *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    return a->i < b->i ? -1 : a->i > b->i;
}

/* The batch being written. */
typedef struct {
    const ogi_db_item_t *items;
    size_t n;
    slot_t *order;  /* the items in doc_key order */
    uint8_t *flags; /* F_NEW, F_POISON of each item */
    char **json;    /* the record of order[k] as JSON (jansson's), or NULL */
    size_t ahead;   /* json[0..ahead) were tried by make_ahead */
    int64_t *agency_id; /* of each item's report: agencies.id, 0: none */
} batch_t;

#define MAX_COLS 6

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

/* Sends the statement on the arrays (binary parameters) without waiting
 * for it: await_result() gives its result. */
static int
arows_send(ogi_db_t *db, arows_t *a)
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
    if (!PQsendQueryParams(db->conn, a->sql, a->ncols, NULL, values, lengths,
                           formats, 0))
        return set_error(db, a->what, NULL);
    return 0;
}

/* The result of the one statement sent, which must have status want:
 * *out receives it, and the caller clears it. */
static int
await_result(ogi_db_t *db, const char *what, ExecStatusType want,
             PGresult **out)
{
    PGresult *res = PQgetResult(db->conn), *more;
    while ((more = PQgetResult(db->conn)) != NULL)
        PQclear(more);
    int rc = 0;
    if (PQresultStatus(res) != want) {
        rc = set_error(db, what, res);
        PQclear(res);
        res = NULL;
    }
    *out = res;
    return rc;
}

/*
 * Documents and dead letters, one row per distinct key (the caller drops
 * the later items of a key), in doc_key order. Each statement answers the
 * keys it inserted.
 */
static const char sql_documents[] =
    "INSERT INTO documents (doc_key, raw, content_type, source_name,"
    " submitted_by, encoding)"
    " SELECT * FROM unnest($1::text[], $2::bytea[], $3::text[], $4::text[],"
    "  $5::text[], $6::text[])"
    " ON CONFLICT (doc_key) DO NOTHING"
    " RETURNING doc_key";

static const char sql_dead_letters[] =
    "INSERT INTO dead_letters (doc_key, raw, content_type, source_name,"
    " reason, attempts)"
    " SELECT * FROM unnest($1::text[], $2::bytea[], $3::text[], $4::text[],"
    "  $5::text[], $6::int4[])"
    "  AS u(doc_key, raw, content_type, source_name, reason, attempts)"
    " WHERE NOT EXISTS (SELECT FROM documents d WHERE d.doc_key = u.doc_key)"
    " ON CONFLICT (doc_key) DO NOTHING"
    " RETURNING doc_key";

/*
 * Sets flag on the items whose keys res answers. rows[0..nrows) are the
 * positions in b->order of the rows sent: distinct keys, in order.
 */
static void
mark_returned(batch_t *b, const PGresult *res, const size_t *rows, size_t nrows,
              uint8_t flag)
{
    for (int r = 0; r < PQntuples(res); r++) {
        const char *key = PQgetvalue(res, r, 0);
        size_t lo = 0, hi = nrows;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            const slot_t *s = &b->order[rows[mid]];
            int c = strcmp(s->key, key);
            if (c == 0) {
                b->flags[s->i] |= flag;
                break;
            }
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
}

/* Adds item it (its key being new to this statement) to the arrays. */
static int
add_raw(ogi_db_t *db, arows_t *a, const ogi_db_item_t *it, const char *key,
        int poison)
{
    if (it->raw_len > INT32_MAX)
        return set_failure(db, OGI_ETOOBIG, a->what);
    a->bytes += it->raw_len;
    a->rows++;
    barr_add_str(&a->col[0], key);
    barr_add(&a->col[1], it->raw ? it->raw : "", it->raw_len);
    barr_add_str(&a->col[2], it->content_type);
    barr_add_str(&a->col[3], it->source_name);
    if (!poison) {
        barr_add_str(&a->col[4], it->submission);
        barr_add_str(&a->col[5], it->encoding);
    } else {
        barr_add_str(&a->col[4],
                     it->poison_reason ? it->poison_reason : "poison");
        barr_add_int4(&a->col[5], it->attempts > INT32_MAX
                                      ? INT32_MAX
                                      : (int32_t)it->attempts);
    }
    return 0;
}

/*
 * Makes the records' JSON, in doc_key order, while the server works on
 * the statement sent last, so that both work at once (the documents are
 * new, as a rule; copy_report makes the rest). A NULL left means that
 * memory ran out (or that the item has no report): copy_report tries again.
 */
static void
make_ahead(ogi_db_t *db, batch_t *b)
{
    while (b->ahead < b->n && PQconsumeInput(db->conn) && PQisBusy(db->conn)) {
        const ogi_db_item_t *it = &b->items[b->order[b->ahead].i];
        if (it->report)
            b->json[b->ahead] = ogi_json_dump(it->report, OGI_JSON_COMPACT);
        b->ahead++;
    }
}

/*
 * Inserts the documents (poison == 0: items with a report) or the dead
 * letters (poison == 1: items without) in chunks, and flags the items
 * that were inserted. Of items with the same key, the first is stored.
 */
static int
store_raw(ogi_db_t *db, batch_t *b, int poison)
{
    static const uint32_t doc_oids[6] = {OID_TEXT, OID_BYTEA, OID_TEXT,
                                         OID_TEXT, OID_TEXT,  OID_TEXT};
    static const uint32_t dead_oids[6] = {OID_TEXT, OID_BYTEA, OID_TEXT,
                                          OID_TEXT, OID_TEXT,  OID_INT4};
    const uint32_t *oids = poison ? dead_oids : doc_oids;
    arows_t a;
    arows_init(&a, poison ? "store dead letters" : "store documents",
               poison ? sql_dead_letters : sql_documents, 6);
    size_t *rows = ogi_calloc(b->n, sizeof(*rows)); /* row -> order */
    PGresult *res = NULL;
    int rc = rows ? 0 : set_failure(db, OGI_ENOMEM, a.what);
    const char *last = NULL; /* the previous row's key */
    size_t k = 0;
    while (rc == 0 && k < b->n) {
        arows_reset(&a, oids);
        for (; rc == 0 && k < b->n && a.bytes < CHUNK_BYTES; k++) {
            const slot_t *s = &b->order[k];
            const ogi_db_item_t *it = &b->items[s->i];
            if ((it->report == NULL) != poison ||
                (last && strcmp(last, s->key) == 0))
                continue;
            last = s->key;
            rows[a.rows] = k;
            rc = add_raw(db, &a, it, s->key, poison);
        }
        if (rc || a.rows == 0)
            break;
        rc = arows_send(db, &a);
        if (rc)
            break;
        if (!poison)
            make_ahead(db, b);
        rc = await_result(db, a.what, PGRES_TUPLES_OK, &res);
        if (rc == 0)
            mark_returned(b, res, rows, a.rows, poison ? F_POISON : F_NEW);
        PQclear(res);
        res = NULL;
    }
    arows_fini(&a);
    ogi_free(rows);
    return rc;
}

/* ---- COPY FROM STDIN (text format) for the rows of new documents ---- */

/* Bytes buffered before they are sent: pieces of 16-64 KB keep client
 * and server busy at once; 256 KB made the reports' COPY twice as slow. */
#define COPY_FLUSH (64u << 10)

/*
 * One COPY: begun at its first row, rows sent in pieces of COPY_FLUSH
 * bytes, so that the server works while the next rows are made. Every
 * field ends with a tab; copy_end_row turns the row's last one into a
 * newline.
 */
typedef struct {
    ogi_db_t *db;
    const char *what; /* "store findings" */
    const char *sql;  /* COPY ... FROM STDIN */
    buf_t b;          /* rows not sent yet */
    int started;      /* the server is in COPY IN */
    int rc;           /* the first failure: nothing more is sent */
} copy_t;

static void
copy_init(copy_t *c, ogi_db_t *db, const char *what, const char *sql)
{
    memset(c, 0, sizeof(*c));
    c->db = db;
    c->what = what;
    c->sql = sql;
}

/* Begins a row, and the COPY at the first one. Returns 0 when the row
 * may be written. */
static int
copy_row(copy_t *c)
{
    if (c->rc == 0 && !c->started) {
        c->rc = run(c->db, c->what, c->sql, 0, NULL, NULL, NULL, PGRES_COPY_IN,
                    NULL);
        c->started = c->rc == 0;
    }
    return c->rc;
}

static void
copy_send(copy_t *c)
{
    if (c->rc == 0 && c->b.oom)
        c->rc = set_failure(c->db, OGI_ENOMEM, c->what);
    if (c->rc == 0 && c->b.len > INT32_MAX)
        c->rc = set_failure(c->db, OGI_ETOOBIG, c->what);
    if (c->rc == 0 && c->b.len > 0 &&
        PQputCopyData(c->db->conn, c->b.p, (int)c->b.len) != 1)
        c->rc = set_error(c->db, c->what, NULL);
    c->b.len = 0;
}

static void
copy_end_row(copy_t *c)
{
    if (c->b.len > 0 && !c->b.oom)
        c->b.p[c->b.len - 1] = '\n';
    if (c->b.len >= COPY_FLUSH)
        copy_send(c);
}

/* A text field, NULL as \N; backslash, tab, newline and CR escaped. */
static void
copy_text(copy_t *c, const char *s)
{
    if (!s) {
        buf_put(&c->b, "\\N\t", 3);
        return;
    }
    for (;;) {
        size_t k = strcspn(s, "\\\t\n\r");
        buf_put(&c->b, s, k);
        s += k;
        if (!*s)
            break;
        char esc[2] = {'\\', *s == '\t'   ? 't'
                             : *s == '\n' ? 'n'
                             : *s == '\r' ? 'r'
                                          : '\\'};
        buf_put(&c->b, esc, 2);
        s++;
    }
    buf_put(&c->b, "\t", 1);
}

static void
copy_int(copy_t *c, int64_t v)
{
    char s[24], *p = s + sizeof(s);
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    *--p = '\t';
    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        *--p = '-';
    buf_put(&c->b, p, (size_t)(s + sizeof(s) - p));
}

/*
 * A cell: NULL unless it holds a number. Integer columns take a number
 * printed with decimals only when it is whole ("12.00"); otherwise the
 * cell is NULL here (the record keeps it, and V1 reports it). An amount
 * too large for its column is NULL too.
 */
static void
copy_cell(copy_t *c, const ogi_cell_t *cell, ogi_vtype_t type)
{
    if (!cell || cell->state != OGI_CELL_NUM) {
        copy_text(c, NULL);
        return;
    }
    if (type == OGI_VT_AMOUNT || type == OGI_VT_AMOUNT_WAN) {
        if (buf_decimal(&c->b, cell->value, cell->scale) == 0)
            buf_put(&c->b, "\t", 1);
        else
            copy_text(c, NULL);
        return;
    }
    int64_t p = 1;
    for (unsigned i = 0; i < cell->scale && p <= INT64_MAX / 10; i++)
        p *= 10;
    if (cell->scale > 18 || cell->value % p != 0)
        copy_text(c, NULL);
    else
        copy_int(c, cell->value / p);
}

/*
 * Ends the COPY and frees its buffer. Returns 0 when its rows are in the
 * table; after a failure the COPY is abandoned and the first error kept.
 */
static int
copy_finish(copy_t *c)
{
    copy_send(c);
    int rc = c->rc, tries = 0;
    PGconn *conn = c->db->conn;
    PGresult *res;
    if (c->started && PQputCopyEnd(conn, rc ? "abandoned by ogi" : NULL) != 1 &&
        rc == 0)
        rc = set_error(c->db, c->what, NULL);
    while (c->started && (res = PQgetResult(conn)) != NULL) {
        ExecStatusType st = PQresultStatus(res);
        if (st != PGRES_COPY_IN && st != PGRES_COMMAND_OK && rc == 0)
            rc = set_error(c->db, c->what, res);
        PQclear(res);
        if (st != PGRES_COPY_IN)
            continue;
        if (++tries > 3) { /* the end cannot be sent: start afresh */
            PQreset(conn); /* the server rolls the transaction back */
            if (rc == 0)
                rc = set_failure(c->db, OGI_ERETRY, c->what);
            break;
        }
        PQputCopyEnd(conn, "abandoned by ogi");
    }
    buf_fini(&c->b);
    return rc;
}

static const char sql_reports[] =
    "COPY reports (doc_key, status, parser_version, agency, year, format,"
    " admin_level, province, published_on, record, agency_id) FROM STDIN";

static const char sql_findings[] =
    "COPY findings (doc_key, seq, rule, severity, path, message)"
    " FROM STDIN";

/* The typed tables: SQL table and its row-key column. */
static const struct {
    const char *table;  /* SQL table */
    const char *rowcol; /* its row-key column */
} typed[OGI_TABLE_COUNT] = {
    [OGI_T2_19_1] = {"active_2019_a20_1", "row_key"},
    [OGI_T2_19_5] = {"active_2019_a20_5", "row_key"},
    [OGI_T2_19_6] = {"active_2019_a20_6", "row_key"},
    [OGI_T2_19_8] = {"active_2019_a20_8", "row_key"},
    [OGI_T2_19_9] = {"active_2019_a20_9", "row_key"},
    [OGI_T2_21_1] = {"active_2021_a20_1", "row_key"},
    [OGI_T2_21_5] = {"active_2021_a20_5", "row_key"},
    [OGI_T2_21_6] = {"active_2021_a20_6", "row_key"},
    [OGI_T2_21_8] = {"active_2021_a20_8", "row_key"},
    [OGI_T3] = {"apply", "row_key"},
    [OGI_T4] = {"appeal", "block"},
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

/*
 * ", name", quoted: the names above and the skeleton's keys, constants of
 * the program, never data. Each is checked to be lower-case ASCII, so
 * quoting is all it takes. Returns 0 or OGI_EINVAL.
 */
static int
put_column(buf_t *sql, const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_") != n)
        return OGI_EINVAL;
    buf_puts(sql, ", \"");
    buf_put(sql, name, n);
    buf_put(sql, "\"", 1);
    return 0;
}

/*
 * "COPY table (doc_key, row_no, row_key, <the skeleton's column keys>
 * [, amount_unit]) FROM STDIN" into sql: no statement names the columns
 * itself, so the SQL files and lib/core/skeleton.c stay the two places that
 * do (test_db checks that they agree). Returns 0, OGI_ENOMEM, OGI_EINVAL.
 */
static int
table_copy_sql(ogi_table_id_t id, buf_t *sql)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    int amount = 0;
    buf_puts(sql, "COPY ");
    buf_puts(sql, typed[id].table); /* a constant above */
    buf_puts(sql, " (doc_key, row_no");
    int rc = put_column(sql, typed[id].rowcol);
    for (size_t col = 0; rc == 0 && col < sk->ncols; col++) {
        rc = put_column(sql, sk->cols[col].key);
        amount |= sk->cols[col].type == OGI_VT_AMOUNT;
    }
    buf_puts(sql, amount ? ", amount_unit) FROM STDIN" : ") FROM STDIN");
    return rc ? rc : sql->oom ? OGI_ENOMEM : 0;
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

/* The report's row: metadata, and the record as JSON (parsed once into
 * jsonb by the server), made now unless *json holds it already. */
static void
copy_report(copy_t *c, const char *key, const ogi_report_t *rep, char **json,
            int64_t agency_id)
{
    if (copy_row(c))
        return;
    if (!*json)
        *json = ogi_json_dump(rep, OGI_JSON_COMPACT);
    const char *record = *json;
    if (!record) {
        c->rc = set_failure(c->db, OGI_ENOMEM, c->what);
        return;
    }
    const ogi_meta_t *m = &rep->meta;
    copy_text(c, key);
    copy_text(c, ogi_status_name(rep->status));
    copy_text(c, rep->parser_version ? rep->parser_version
                                     : OGI_PARSER_VERSION);
    copy_text(c, m->agency);
    if (m->year)
        copy_int(c, m->year);
    else
        copy_text(c, NULL);
    copy_text(c, ogi_skeleton_format_name(m->format));
    copy_text(c, ogi_level_name(m->admin_level));
    copy_text(c, m->province);
    copy_text(c, valid_date(m->published_on));
    copy_text(c, record);
    if (agency_id)
        copy_int(c, agency_id);
    else
        copy_text(c, NULL);
    copy_end_row(c);
    free(*json); /* jansson's, from malloc; not needed any more */
    *json = NULL;
}

/* The rows of table id: every row of the report's format, in skeleton
 * order, when the table was found. */
static void
copy_table(copy_t *c, const char *key, const ogi_report_t *rep,
           ogi_table_id_t id)
{
    const ogi_table_t *t = &rep->tables[id];
    if (!t->present)
        return;
    const ogi_skel_table_t *sk = t->skel;
    for (size_t row = 0; row < sk->nrows; row++) {
        if (!ogi_report_row_in_shape(rep, id, row))
            continue;
        if (copy_row(c))
            return;
        copy_text(c, key);
        copy_int(c, (int64_t)row + 1);
        copy_text(c, sk->rows[row].key);
        ogi_unit_t unit = OGI_UNIT_NONE;
        int amount = 0;
        for (size_t col = 0; col < sk->ncols; col++) {
            const ogi_cell_t *cell = ogi_report_cell(rep, id, row, col);
            copy_cell(c, cell, sk->cols[col].type);
            if (sk->cols[col].type == OGI_VT_AMOUNT) {
                amount = 1;
                unit = cell && cell->unit ? (ogi_unit_t)cell->unit : t->unit;
            }
        }
        if (amount)
            copy_text(c, ogi_unit_name(unit));
        copy_end_row(c);
    }
}

static void
copy_findings(copy_t *c, const char *key, const ogi_report_t *rep)
{
    for (size_t k = 0; k < rep->nfindings; k++) {
        const ogi_finding_t *f = &rep->findings[k];
        if (copy_row(c))
            return;
        copy_text(c, key);
        copy_int(c, (int64_t)k + 1);
        copy_text(c, f->rule);
        copy_text(c, ogi_severity_name(f->severity));
        copy_text(c, f->path ? f->path : "");
        copy_text(c, f->message ? f->message : "");
        copy_end_row(c);
    }
}

/* What store_rows writes: the reports, a typed table (its id), or the
 * findings. */
#define TARGET_REPORTS  (-1)
#define TARGET_FINDINGS OGI_TABLE_COUNT

/* The rows of target for every document this batch stored, in doc_key
 * order, with one COPY (none when there are no rows). */
static int
store_rows(ogi_db_t *db, const batch_t *b, int target)
{
    buf_t sql = {0};
    copy_t c;
    int rc = 0;
    if (target == TARGET_REPORTS)
        copy_init(&c, db, "store reports", sql_reports);
    else if (target == TARGET_FINDINGS)
        copy_init(&c, db, "store findings", sql_findings);
    else if ((rc = table_copy_sql((ogi_table_id_t)target, &sql)) != 0) {
        buf_fini(&sql);
        return set_failure(db, rc, "store report tables");
    } else
        copy_init(&c, db, "store report tables", sql.p);
    for (size_t k = 0; k < b->n && c.rc == 0; k++) {
        const slot_t *s = &b->order[k];
        const ogi_report_t *rep = b->items[s->i].report;
        if (!(b->flags[s->i] & F_NEW) || !rep)
            continue;
        if (target == TARGET_REPORTS)
            copy_report(&c, s->key, rep, &b->json[k], b->agency_id[s->i]);
        else if (target == TARGET_FINDINGS)
            copy_findings(&c, s->key, rep);
        else
            copy_table(&c, s->key, rep, (ogi_table_id_t)target);
    }
    rc = copy_finish(&c);
    buf_fini(&sql);
    return rc;
}

/* Documents, the agencies of the new reports, then the rows of the new
 * ones (parents first), which reports are current, then dead letters, in
 * the open transaction. */
static int
store_batch(ogi_db_t *db, batch_t *b, char (*supersedes)[65])
{
    int rc = store_raw(db, b, 0);
    uint8_t *want = rc == 0 ? ogi_calloc(b->n, 1) : NULL;
    if (rc == 0 && !want)
        rc = set_failure(db, OGI_ENOMEM, "store agencies");
    for (size_t i = 0; rc == 0 && i < b->n; i++) {
        const ogi_report_t *rep = b->items[i].report;
        want[i] = (b->flags[i] & F_NEW) && rep &&
                  rep->status != OGI_STATUS_REJECTED && rep->meta.agency_key;
    }
    if (rc == 0)
        rc = ogi__db_agencies_upsert(db, b->items, b->n, want, b->agency_id);
    ogi_free(want);
    for (int t = TARGET_REPORTS; rc == 0 && t <= TARGET_FINDINGS; t++)
        rc = store_rows(db, b, t);
    if (rc == 0)
        rc = ogi__db_current_update(db, b->items, b->n, b->agency_id,
                                    supersedes);
    if (rc == 0)
        rc = store_raw(db, b, 1);
    return rc;
}

/* Appends s to an array literal's text as one quoted element. */
static void
array_elem(buf_t *t, const char *s)
{
    buf_puts(t, t->len > 1 ? ",\"" : "\"");
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            buf_put(t, "\\", 1);
        buf_put(t, s, 1);
    }
    buf_put(t, "\"", 1);
}

/*
 * The duplicates that this same submission stored before (a resend after
 * a lost acknowledgement): flagged F_AGAIN, with how they were stored, so
 * that they are acknowledged as they were the first time. One query for
 * the batch, only when it has duplicates.
 */
static int
find_resent(ogi_db_t *db, batch_t *b)
{
    static const char sql[] =
        "SELECT u.k, r.status FROM unnest($1::text[], $2::text[]) AS u(k, s)"
        " JOIN documents d ON d.doc_key = u.k AND d.submitted_by = u.s"
        " LEFT JOIN reports r ON r.doc_key = u.k";
    buf_t keys = {0}, subs = {0};
    buf_put(&keys, "{", 1);
    buf_put(&subs, "{", 1);
    size_t n = 0;
    for (size_t i = 0; i < b->n; i++) {
        const ogi_db_item_t *it = &b->items[i];
        if (!it->report || !it->submission || (b->flags[i] & F_NEW))
            continue;
        array_elem(&keys, item_key(it));
        array_elem(&subs, it->submission);
        n++;
    }
    buf_put(&keys, "}", 1);
    buf_put(&subs, "}", 1);
    int rc = 0;
    if (n && (keys.oom || subs.oom))
        rc = set_failure(db, OGI_ENOMEM, "find resent documents");
    else if (n) {
        const char *params[2] = {keys.p, subs.p};
        PGresult *res =
            PQexecParams(db->conn, sql, 2, NULL, params, NULL, NULL, 0);
        if (PQresultStatus(res) != PGRES_TUPLES_OK) {
            rc = set_error(db, "find resent documents", res);
        } else {
            for (int r = 0; r < PQntuples(res); r++) {
                const char *k = PQgetvalue(res, r, 0);
                int rej = strcmp(PQgetvalue(res, r, 1), "rejected") == 0;
                for (size_t i = 0; i < b->n; i++)
                    if (b->items[i].report && !(b->flags[i] & F_NEW) &&
                        strcmp(item_key(&b->items[i]), k) == 0)
                        b->flags[i] |= F_AGAIN | (rej ? F_AGAIN_REJECTED : 0);
            }
        }
        PQclear(res);
    }
    buf_fini(&keys);
    buf_fini(&subs);
    return rc;
}

static void
set_outcomes(const batch_t *b, ogi_db_outcome_t *outcomes)
{
    for (size_t i = 0; i < b->n; i++) {
        const ogi_db_item_t *it = &b->items[i];
        if (!it->report)
            outcomes[i] =
                b->flags[i] & F_POISON ? OGI_DB_POISON : OGI_DB_DUPLICATE;
        else if (b->flags[i] & F_AGAIN)
            outcomes[i] = b->flags[i] & F_AGAIN_REJECTED ? OGI_DB_REJECTED
                                                         : OGI_DB_STORED;
        else if (!(b->flags[i] & F_NEW))
            outcomes[i] = OGI_DB_DUPLICATE;
        else if (it->report->status == OGI_STATUS_REJECTED)
            outcomes[i] = OGI_DB_REJECTED;
        else
            outcomes[i] = OGI_DB_STORED;
    }
}

int
ogi_db_write_batch(ogi_db_t *self, const ogi_db_item_t *items, size_t n,
                   ogi_db_outcome_t *outcomes)
{
    return ogi_db_write_batch_rev(self, items, n, outcomes, NULL);
}

int
ogi_db_write_batch_rev(ogi_db_t *self, const ogi_db_item_t *items, size_t n,
                       ogi_db_outcome_t *outcomes, char (*supersedes)[65])
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
    batch_t b = {.items = items,
                 .n = n,
                 .order = ogi_calloc(n, sizeof(slot_t)),
                 .flags = ogi_calloc(n, 1),
                 .json = ogi_calloc(n, sizeof(char *)),
                 .agency_id = ogi_calloc(n, sizeof(int64_t))};
    int rc = b.order && b.flags && b.json && b.agency_id
                 ? ensure_connected(self)
                 : set_failure(self, OGI_ENOMEM, "store batch");
    if (rc == 0) {
        for (size_t i = 0; i < n; i++)
            b.order[i] = (slot_t){item_key(&items[i]), i};
        qsort(b.order, n, sizeof(slot_t), slot_cmp);
        rc = command(self, "begin transaction", "BEGIN");
    }
    if (rc == 0)
        rc = store_batch(self, &b, supersedes);
    if (rc == 0)
        rc = find_resent(self, &b);
    if (rc == 0)
        rc = command(self, "commit batch", "COMMIT");
    if (rc)
        rollback(self);
    else
        set_outcomes(&b, outcomes);
    for (size_t k = 0; b.json && k < n; k++)
        free(b.json[k]); /* jansson's, from malloc */
    ogi_free(b.json);
    ogi_free(b.agency_id);
    ogi_free(b.order);
    ogi_free(b.flags);
    return rc;
}
