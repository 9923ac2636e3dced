/*
 * test_db.c - the PostgreSQL store (include/ogi/db.h) against a real
 * server, and its SQLSTATE classification without one.
 *
 * The group "db_classify" needs no server. The group "db" starts its own
 * private server in a temporary directory through ogi_cluster_start (the
 * code path of `ogi db start`), applies the migrations, writes the real
 * reports of tests/data/reports, and checks the rows against the golden
 * files a person wrote; it stops the server at the end. Usage example:
 *
 *     ogi_db_t *db = ogi_db_connect(NULL, why, sizeof(why));
 *     ogi_db_migrate(db, NULL);
 *     ogi_db_item_t it = {.raw = bytes, .raw_len = n, .report = report};
 *     ogi_db_outcome_t out;
 *     switch (ogi_db_write_batch(db, &it, 1, &out)) {
 *     case 0: ack(out); break;               stored or duplicate: ACK
 *     case OGI_ERETRY: back_off(); break;    nothing stored, try again
 *     case OGI_EREJECT: bisect(); break;     some item's data was refused
 *     }
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <glob.h>
#include <jansson.h>
#include <libpq-fe.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "golden.h"
#include "ogi.h"
#include "ogi/cluster.h"
#include "ogi/db.h"
#include "ogi/hash.h"
#include "ogi/parse.h"

#include "db_int.h" /* the embedded migrations */

/* ---- group "db_classify": no server ---- */

static void
classify_retry(void **state)
{
    (void)state;
    static const char *const codes[] = {
        "08000", "08003", "08006", "08001", "08004", "08P01", "40001", "40P01",
        "53000", "53100", "53200", "53300", "57P01", "57P02", "57P03"};
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
        if (ogi_db_classify(codes[i]) != OGI_ERETRY)
            fail_msg("%s is not OGI_ERETRY", codes[i]);
    }
}

static void
classify_reject(void **state)
{
    (void)state;
    static const char *const codes[] = {
        "22000", "22001", "22003", "22007", "22008", "22021", "22P02",
        "22P05", "23000", "23502", "23503", "23505", "23514", "23P01"};
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
        if (ogi_db_classify(codes[i]) != OGI_EREJECT)
            fail_msg("%s is not OGI_EREJECT", codes[i]);
    }
}

static void
classify_other(void **state)
{
    (void)state;
    /* programming, privilege and server errors: neither retried as is
     * nor blamed on one record */
    static const char *const codes[] = {"42P01", "42501", "42601", "XX000",
                                        "XX001", "40002", "40003", "57014",
                                        "25P02", "0A000", "00000", "54000"};
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
        if (ogi_db_classify(codes[i]) != OGI_EIO)
            fail_msg("%s is not OGI_EIO", codes[i]);
    }
    assert_int_equal(ogi_db_classify(NULL), OGI_EIO);
    assert_int_equal(ogi_db_classify(""), OGI_EIO);
    assert_int_equal(ogi_db_classify("0800"), OGI_EIO);
    assert_int_equal(ogi_db_classify("230050"), OGI_EIO);
    assert_int_equal(ogi_db_classify("08"), OGI_EIO);
}

static void
names_and_tables(void **state)
{
    (void)state;
    assert_string_equal(ogi_db_outcome_name(OGI_DB_STORED), "stored");
    assert_string_equal(ogi_db_outcome_name(OGI_DB_DUPLICATE), "duplicate");
    assert_string_equal(ogi_db_outcome_name(OGI_DB_REJECTED), "rejected");
    assert_string_equal(ogi_db_outcome_name(OGI_DB_POISON), "poison");
    assert_string_equal(ogi_db_table_name(OGI_T3), "apply");
    assert_string_equal(ogi_db_table_name(OGI_T4), "appeal");
    assert_string_equal(ogi_db_table_name(OGI_T2_19_5), "active_2019_a20_5");
    assert_string_equal(ogi_db_row_column(OGI_T4), "block");
    assert_string_equal(ogi_db_row_column(OGI_T3), "row_key");
    for (int a = 0; a < OGI_TABLE_COUNT; a++)
        for (int b = a + 1; b < OGI_TABLE_COUNT; b++)
            assert_string_not_equal(ogi_db_table_name((ogi_table_id_t)a),
                                    ogi_db_table_name((ogi_table_id_t)b));
    assert_true(ogi_db_migration_count() >= 4);
}

static void
default_conninfo(void **state)
{
    (void)state;
    char buf[4200], *host = getenv("PGHOST"), *dbn = getenv("PGDATABASE");
    char *h = host ? strdup(host) : NULL, *d = dbn ? strdup(dbn) : NULL;
    unsetenv("PGHOST");
    unsetenv("PGDATABASE");
    char *o = getenv("OGI_DATA"), *x = getenv("XDG_DATA_HOME");
    char *od = o ? strdup(o) : NULL, *xd = x ? strdup(x) : NULL;
    /* OGI_DATA first, then XDG_DATA_HOME (absolute only), never the cwd */
    setenv("OGI_DATA", "/nonexistent/ogi-data", 1);
    setenv("XDG_DATA_HOME", "/nonexistent/xdg", 1);
    assert_int_equal(ogi_db_default_conninfo(buf, sizeof(buf)), 0);
    assert_non_null(strstr(buf, "host=/nonexistent/ogi-data "));
    assert_non_null(strstr(buf, "dbname=ogi"));
    unsetenv("OGI_DATA");
    assert_int_equal(ogi_db_default_conninfo(buf, sizeof(buf)), 0);
    assert_non_null(strstr(buf, "host=/nonexistent/xdg/ogi/pg "));
    setenv("XDG_DATA_HOME", "relative", 1);
    assert_int_equal(ogi_cluster_default_dir(buf, sizeof(buf)), 0);
    assert_null(strstr(buf, "relative"));
    assert_true(buf[0] == '/');
    if (od)
        setenv("OGI_DATA", od, 1);
    if (xd)
        setenv("XDG_DATA_HOME", xd, 1);
    else
        unsetenv("XDG_DATA_HOME");
    free(od);
    free(xd);
    setenv("PGHOST", "/somewhere", 1);
    assert_int_equal(ogi_db_default_conninfo(buf, sizeof(buf)), 0);
    assert_string_equal(buf, "");
    unsetenv("PGHOST");
    setenv("PGDATABASE", "other", 1);
    assert_int_equal(ogi_db_default_conninfo(buf, sizeof(buf)), 0);
    assert_string_equal(buf, "");
    unsetenv("PGDATABASE");
    if (h)
        setenv("PGHOST", h, 1);
    if (d)
        setenv("PGDATABASE", d, 1);
    free(h);
    free(d);
}

static void
cluster_conninfo(void **state)
{
    (void)state;
    char buf[600], longdir[200];
    assert_int_equal(ogi_cluster_conninfo("/srv/ogi pg", buf, sizeof(buf)), 0);
    assert_string_equal(
        buf, "host='/srv/ogi pg' port=5432 dbname=ogi user=postgres");
    assert_int_equal(ogi_cluster_conninfo("/srv/it's", buf, sizeof(buf)), 0);
    assert_string_equal(
        buf, "host='/srv/it\\'s' port=5432 dbname=ogi user=postgres");
    memset(longdir, 'x', sizeof(longdir) - 1);
    longdir[0] = '/';
    longdir[sizeof(longdir) - 1] = '\0';
    assert_int_equal(ogi_cluster_conninfo(longdir, buf, sizeof(buf)),
                     OGI_EINVAL);
    assert_int_equal(ogi_cluster_conninfo("/srv/pg", buf, 10), OGI_EINVAL);
}

static void
connect_failure_message(void **state)
{
    (void)state;
    char why[1024];
    ogi_db_t *db =
        ogi_db_connect("host=/nonexistent/ogi dbname=ogi", why, sizeof(why));
    assert_null(db);
    assert_true(strncmp(why, "could not connect to database: ", 31) == 0);
    assert_null(strchr(why, '\n'));
    ogi_db_destroy(&db);
    ogi_db_destroy(NULL);
}

/* ---- group "db": a real server ---- */

#define MAX_REPORTS 16

typedef struct {
    char dir[64];            /* temporary directory of the server */
    char pgdir[96];          /* its cluster directory */
    char conninfo[600];      /* the database "ogi" */
    ogi_db_t *db;            /* the handle under test */
    PGconn *pg;              /* a plain connection, for the checks */
    ogi_arena_t *arena;      /* the parsed reports */
    size_t n;                /* reports */
    char *name[MAX_REPORTS]; /* base name without .txt */
    char *raw[MAX_REPORTS];  /* file contents */
    size_t len[MAX_REPORTS];
    ogi_report_t *report[MAX_REPORTS];
} fixture_t;

static fixture_t fx;

static int
group_setup(void **state)
{
    (void)state;
    char why[1024];
    memset(&fx, 0, sizeof(fx));
    snprintf(fx.dir, sizeof(fx.dir), "/tmp/ogi-test-db-XXXXXX");
    if (!mkdtemp(fx.dir)) {
        fprintf(stderr, "# could not create a temporary directory\n");
        return -1;
    }
    snprintf(fx.pgdir, sizeof(fx.pgdir), "%s/pg", fx.dir);
    if (ogi_cluster_start(fx.pgdir, NULL, why, sizeof(why)) != 0) {
        fprintf(stderr, "# %s\n", why);
        return -1;
    }
    if (ogi_cluster_conninfo(fx.pgdir, fx.conninfo, sizeof(fx.conninfo)))
        return -1;
    fx.db = ogi_db_connect(fx.conninfo, why, sizeof(why));
    if (!fx.db) {
        fprintf(stderr, "# %s\n", why);
        return -1;
    }
    size_t applied = 0;
    if (ogi_db_migrate(fx.db, &applied) != 0 ||
        applied != ogi_db_migration_count()) {
        fprintf(stderr, "# migrate: %s\n", ogi_db_error(fx.db));
        return -1;
    }
    fx.pg = PQconnectdb(fx.conninfo);
    if (PQstatus(fx.pg) != CONNECTION_OK)
        return -1;
    fx.arena = ogi_arena_new(0);
    glob_t g;
    if (glob("tests/data/reports/*.txt", 0, NULL, &g) != 0)
        return -1;
    for (size_t i = 0; i < g.gl_pathc && fx.n < MAX_REPORTS; i++) {
        size_t k = fx.n;
        const char *base = strrchr(g.gl_pathv[i], '/') + 1;
        fx.name[k] = strndup(base, strlen(base) - 4);
        fx.raw[k] = ogi_test_slurp(g.gl_pathv[i], &fx.len[k]);
        if (!fx.raw[k] ||
            ogi_source_parse_file(fx.arena, g.gl_pathv[i], NULL, &fx.report[k],
                                  why, sizeof(why)) != 0 ||
            ogi_validate_report(fx.report[k]) != 0)
            return -1;
        fx.n++;
    }
    globfree(&g);
    return fx.n == 8 ? 0 : -1;
}

static int
group_teardown(void **state)
{
    (void)state;
    char why[1024], cmd[128];
    ogi_db_destroy(&fx.db);
    PQfinish(fx.pg);
    ogi_arena_destroy(&fx.arena);
    for (size_t i = 0; i < fx.n; i++) {
        free(fx.name[i]);
        free(fx.raw[i]);
    }
    int rc = 0;
    if (fx.dir[0]) {
        if (ogi_cluster_stop(fx.pgdir, NULL, why, sizeof(why)) != 0) {
            fprintf(stderr, "# %s\n", why);
            rc = -1;
        }
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx.dir);
        if (system(cmd) != 0)
            rc = -1;
    }
    return rc;
}

/* The result of a check query; fails the test on error. */
static PGresult *
query(const char *sql, int n, const char *const *params)
{
    PGresult *res = PQexecParams(fx.pg, sql, n, NULL, params, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        char msg[512];
        snprintf(msg, sizeof(msg), "%s", PQresultErrorMessage(res));
        PQclear(res);
        fail_msg("query failed: %s: %s", sql, msg);
    }
    return res;
}

/* The first value of a one-parameter query, copied, or NULL for NULL. */
static char *
value1(const char *sql, const char *param)
{
    const char *const p[1] = {param};
    PGresult *res = query(sql, param ? 1 : 0, p);
    char *v = NULL;
    if (PQntuples(res) > 0 && !PQgetisnull(res, 0, 0))
        v = strdup(PQgetvalue(res, 0, 0));
    PQclear(res);
    return v;
}

static long
count1(const char *sql, const char *param)
{
    char *v = value1(sql, param);
    long n = v ? strtol(v, NULL, 10) : -1;
    free(v);
    return n;
}

static size_t
find(const char *name)
{
    for (size_t i = 0; i < fx.n; i++)
        if (strcmp(fx.name[i], name) == 0)
            return i;
    fail_msg("no report %s", name);
    return 0;
}

static ogi_db_item_t
item_of(size_t i)
{
    ogi_db_item_t it = {.raw = fx.raw[i],
                        .raw_len = fx.len[i],
                        .source_name = fx.name[i],
                        .content_type = "text/plain",
                        .report = fx.report[i]};
    return it;
}

static void
migrate_again_is_a_noop(void **state)
{
    (void)state;
    size_t applied = 99;
    int version = 0;
    assert_int_equal(ogi_db_migrate(fx.db, &applied), 0);
    assert_int_equal(applied, 0);
    assert_int_equal(ogi_db_schema_version(fx.db, &version), 0);
    /* the version is the newest migration's number (numbers may skip:
     * deploy/sql/NNN_*.sql in name order) */
    glob_t g;
    assert_int_equal(glob("deploy/sql/[0-9]*.sql", 0, NULL, &g), 0);
    assert_int_equal(g.gl_pathc, ogi_db_migration_count());
    const char *last = strrchr(g.gl_pathv[g.gl_pathc - 1], '/') + 1;
    assert_int_equal(version, atoi(last));
    globfree(&g);
    assert_int_equal(count1("SELECT count(*) FROM ogi_schema_migrations", NULL),
                     (long)ogi_db_migration_count());
}

/* Every table of the skeleton has its SQL table, whose columns are
 * exactly doc_key, row_no, the row-key column, the column keys (bigint,
 * or numeric(20,6) for amounts) and, for amounts, amount_unit. */
static void
every_skeleton_key_has_its_column(void **state)
{
    (void)state;
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_skel_table_t *sk = ogi_skeleton_table((ogi_table_id_t)id);
        const char *table = ogi_db_table_name((ogi_table_id_t)id);
        const char *const p[1] = {table};
        PGresult *res = query(
            "SELECT column_name, data_type, numeric_precision, numeric_scale"
            " FROM information_schema.columns"
            " WHERE table_schema = 'public' AND table_name = $1",
            1, p);
        int rows = PQntuples(res);
        int want = 4 + (int)sk->ncols, amount = 0;
        for (size_t c = 0; c < sk->ncols; c++) {
            int found = 0;
            int is_amount = sk->cols[c].type == OGI_VT_AMOUNT ||
                            sk->cols[c].type == OGI_VT_AMOUNT_WAN;
            amount |= sk->cols[c].type == OGI_VT_AMOUNT;
            for (int r = 0; r < rows; r++) {
                if (strcmp(PQgetvalue(res, r, 0), sk->cols[c].key) != 0)
                    continue;
                found = 1;
                if (is_amount) {
                    assert_string_equal(PQgetvalue(res, r, 1), "numeric");
                    assert_string_equal(PQgetvalue(res, r, 2), "20");
                    assert_string_equal(PQgetvalue(res, r, 3), "6");
                } else {
                    assert_string_equal(PQgetvalue(res, r, 1), "bigint");
                }
            }
            if (!found)
                fail_msg("table %s has no column %s (skeleton %s)", table,
                         sk->cols[c].key, sk->path);
        }
        static const char *const fixed[] = {"doc_key", "row_no", NULL,
                                            "report_id", "amount_unit"};
        for (int f = 0; f < 5; f++) {
            const char *col =
                f == 2 ? ogi_db_row_column((ogi_table_id_t)id) : fixed[f];
            if (f == 4 && !amount)
                continue;
            int found = 0;
            for (int r = 0; r < rows; r++)
                found |= strcmp(PQgetvalue(res, r, 0), col) == 0;
            if (!found)
                fail_msg("table %s has no column %s", table, col);
        }
        want += amount;
        if (rows != want)
            fail_msg("table %s has %d columns, the skeleton %d", table, rows,
                     want);
        PQclear(res);
    }
}

static void
raw_columns_use_lz4(void **state)
{
    (void)state;
    PGresult *res = query(
        "SELECT attrelid::regclass::text, attcompression FROM pg_attribute"
        " WHERE attname = 'raw' AND attrelid IN"
        " ('documents'::regclass, 'dead_letters'::regclass)"
        " ORDER BY 1",
        0, NULL);
    assert_int_equal(PQntuples(res), 2);
    assert_string_equal(PQgetvalue(res, 0, 1), "l");
    assert_string_equal(PQgetvalue(res, 1, 1), "l");
    PQclear(res);
}

static void
write_reports_then_duplicates(void **state)
{
    (void)state;
    ogi_db_item_t items[MAX_REPORTS];
    ogi_db_outcome_t out[MAX_REPORTS];
    for (size_t i = 0; i < fx.n; i++)
        items[i] = item_of(i);
    int rc = ogi_db_write_batch(fx.db, items, fx.n, out);
    if (rc)
        fail_msg("write_batch: %s: %s", ogi_err_name(rc), ogi_db_error(fx.db));
    for (size_t i = 0; i < fx.n; i++)
        assert_string_equal(ogi_db_outcome_name(out[i]), "stored");
    int64_t count = 0;
    assert_int_equal(ogi_db_count_documents(fx.db, &count), 0);
    assert_int_equal(count, (int64_t)fx.n);

    memset(out, 0, sizeof(out));
    assert_int_equal(ogi_db_write_batch(fx.db, items, fx.n, out), 0);
    for (size_t i = 0; i < fx.n; i++)
        assert_string_equal(ogi_db_outcome_name(out[i]), "duplicate");
    assert_int_equal(ogi_db_count_documents(fx.db, &count), 0);
    assert_int_equal(count, (int64_t)fx.n);
    assert_int_equal(count1("SELECT count(*) FROM reports", NULL), (long)fx.n);
    /* the raw bytes are kept exactly, compressed with lz4 */
    for (size_t i = 0; i < fx.n; i++) {
        const char *const p[1] = {fx.report[i]->doc_key};
        PGresult *res =
            PQexecParams(fx.pg,
                         "SELECT raw, pg_column_compression(raw), source_name"
                         " FROM documents WHERE doc_key = $1",
                         1, NULL, p, NULL, NULL, 1);
        assert_int_equal(PQresultStatus(res), PGRES_TUPLES_OK);
        assert_int_equal(PQntuples(res), 1);
        assert_int_equal(PQgetlength(res, 0, 0), (int)fx.len[i]);
        assert_memory_equal(PQgetvalue(res, 0, 0), fx.raw[i], fx.len[i]);
        assert_string_equal(PQgetvalue(res, 0, 1), "lz4");
        assert_string_equal(PQgetvalue(res, 0, 2), fx.name[i]);
        PQclear(res);
    }
}

/* One row of a typed table as a JSON object (to_jsonb), or NULL. */
static json_t *
typed_row(ogi_table_id_t id, const char *doc_key, const char *row_key)
{
    /* identifiers from ogi_db_table_name, escaped: test code only */
    char *t = PQescapeIdentifier(fx.pg, ogi_db_table_name(id),
                                 strlen(ogi_db_table_name(id)));
    char *c = PQescapeIdentifier(fx.pg, ogi_db_row_column(id),
                                 strlen(ogi_db_row_column(id)));
    char sql[256];
    snprintf(sql, sizeof(sql),
             "SELECT to_jsonb(t) FROM %s t WHERE doc_key = $1 AND %s = $2", t,
             c);
    PQfreemem(t);
    PQfreemem(c);
    const char *const p[2] = {doc_key, row_key};
    PGresult *res = query(sql, 2, p);
    json_t *row = NULL;
    if (PQntuples(res) == 1)
        row = json_loads(PQgetvalue(res, 0, 0), 0, NULL);
    PQclear(res);
    return row;
}

static long
typed_rows(ogi_table_id_t id, const char *doc_key)
{
    char *t = PQescapeIdentifier(fx.pg, ogi_db_table_name(id),
                                 strlen(ogi_db_table_name(id)));
    char sql[160];
    snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s WHERE doc_key = $1", t);
    PQfreemem(t);
    return count1(sql, doc_key);
}

/* want: a golden cell (number or null); got: the column's JSON value. */
static void
same_cell(const char *where, json_t *want, json_t *got)
{
    if (!got)
        fail_msg("%s: column missing", where);
    if (json_is_null(want) || json_is_null(got)) {
        if (!json_is_null(want) || !json_is_null(got))
            fail_msg("%s: want %s, got %s", where,
                     json_is_null(want) ? "NULL" : "a number",
                     json_is_null(got) ? "NULL" : "a number");
        return;
    }
    double w = json_number_value(want), g = json_number_value(got);
    if (fabs(w - g) > 1e-6 * (1 + fabs(w)))
        fail_msg("%s: want %.6f, got %.6f", where, w, g);
}

/* The golden table rows (key -> array of cells) against table id. */
static long
check_golden_rows(size_t i, ogi_table_id_t id, json_t *rows)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    const char *key;
    json_t *cells;
    long n = 0;
    json_object_foreach(rows, key, cells)
    {
        json_t *row = typed_row(id, fx.report[i]->doc_key, key);
        if (!row)
            fail_msg("%s: no row %s.%s", fx.name[i], sk->path, key);
        for (size_t c = 0; c < sk->ncols; c++) {
            char where[200];
            snprintf(where, sizeof(where), "%s: %s.%s.%s", fx.name[i], sk->path,
                     key, sk->cols[c].key);
            same_cell(where, json_array_get(cells, c),
                      json_object_get(row, sk->cols[c].key));
        }
        json_decref(row);
        n++;
    }
    return n;
}

/* Every typed row of every report is the golden file's, cell by cell; a
 * blank cell is NULL; there are no other rows. */
static void
typed_tables_hold_the_golden_cells(void **state)
{
    (void)state;
    for (size_t i = 0; i < fx.n; i++) {
        char path[256];
        snprintf(path, sizeof(path), "tests/data/golden/%s.json", fx.name[i]);
        json_t *g = json_load_file(path, 0, NULL);
        assert_non_null(g);
        const char *key = fx.report[i]->doc_key;
        ogi_format_t fmt = fx.report[i]->meta.format;
        size_t nitems;
        const ogi_table_id_t *items = ogi_skeleton_active(fmt, &nitems);
        for (size_t k = 0; k < nitems; k++) {
            const ogi_skel_table_t *sk = ogi_skeleton_table(items[k]);
            json_t *rows = json_object_get(json_object_get(g, "active"),
                                           sk->path + strlen("active."));
            long n = rows ? check_golden_rows(i, items[k], rows) : 0;
            assert_int_equal(typed_rows(items[k], key), n);
        }
        long n = check_golden_rows(i, OGI_T3, json_object_get(g, "apply"));
        assert_int_equal(typed_rows(OGI_T3, key), n);
        /* Table 4: 15 cells in printed order */
        json_t *appeal = json_object_get(g, "appeal");
        const ogi_skel_table_t *t4 = ogi_skeleton_table(OGI_T4);
        for (size_t r = 0; r < t4->nrows; r++) {
            json_t *row = typed_row(OGI_T4, key, t4->rows[r].key);
            assert_non_null(row);
            for (size_t c = 0; c < t4->ncols; c++) {
                char where[160];
                snprintf(where, sizeof(where), "%s: appeal.%s.%s", fx.name[i],
                         t4->rows[r].key, t4->cols[c].key);
                same_cell(where, json_array_get(appeal, r * t4->ncols + c),
                          json_object_get(row, t4->cols[c].key));
            }
            json_decref(row);
        }
        assert_int_equal(typed_rows(OGI_T4, key), (long)t4->nrows);
        /* the procurement unit (format 2019) */
        if (fmt == OGI_FORMAT_2019) {
            json_t *row = typed_row(OGI_T2_19_9, key, "central_procurement");
            assert_non_null(row);
            json_t *w = json_object_get(g, "amount_unit"),
                   *u = json_object_get(row, "amount_unit");
            if (json_is_null(w))
                assert_true(json_is_null(u));
            else
                assert_string_equal(json_string_value(u), json_string_value(w));
            json_decref(row);
        }
        json_decref(g);
    }
}

/* The cells the brief names, spelled out. */
static void
seed2_and_seed4_cells(void **state)
{
    (void)state;
    const char *k2 = fx.report[find("002_e734572c7f6275fe")]->doc_key;
    const char *k4 = fx.report[find("004_38ec84bebc7328d3")]->doc_key;
    const char *const p2[1] = {k2};
    PGresult *res =
        query("SELECT natural_person, commercial, research, public_interest,"
              " legal_service, other_org, total FROM apply"
              " WHERE doc_key = $1 AND row_key = 'granted'",
              1, p2);
    assert_int_equal(PQntuples(res), 1);
    static const char *const granted[7] = {"91", "0", "0", "0", "0", "0", "92"};
    for (int c = 0; c < 7; c++)
        assert_string_equal(PQgetvalue(res, 0, c), granted[c]);
    PQclear(res);
    assert_int_equal(count1("SELECT count(*) FROM active_2019_a20_9 WHERE"
                            " doc_key = $1 AND projects = 293 AND"
                            " amount = 26102 AND amount_unit = 'wan_yuan'",
                            k2),
                     1);
    assert_int_equal(count1("SELECT delta_items FROM active_2019_a20_6 WHERE"
                            " doc_key = $1 AND row_key = 'penalty'",
                            k2),
                     1740);
    /* seed 4 leaves the whole 3.其他 row blank: NULL, never 0 */
    assert_int_equal(count1("SELECT count(*) FROM apply WHERE doc_key = $1"
                            " AND row_key = 'other.misc'"
                            " AND num_nulls(natural_person, commercial,"
                            " research, public_interest, legal_service,"
                            " other_org, total) = 7",
                            k4),
                     1);
    assert_int_equal(count1("SELECT count(*) FROM apply WHERE doc_key = $1"
                            " AND row_key = 'other.all'",
                            k4),
                     0);
}

static void
reports_and_findings(void **state)
{
    (void)state;
    size_t i2 = find("002_e734572c7f6275fe");
    const char *k2 = fx.report[i2]->doc_key;
    const char *const p[1] = {k2};
    PGresult *res =
        query("SELECT status, agency, year, format, admin_level, province,"
              " published_on, parser_version, r.doc_key,"
              " (SELECT a.total FROM apply a WHERE a.doc_key = r.doc_key"
              "  AND a.row_key = 'granted')"
              " FROM reports r WHERE r.doc_key = $1",
              1, p);
    assert_int_equal(PQntuples(res), 1);
    assert_string_equal(PQgetvalue(res, 0, 0), "has_errors");
    assert_string_equal(PQgetvalue(res, 0, 1), "哈尔滨市松北区人民政府");
    assert_string_equal(PQgetvalue(res, 0, 2), "2020");
    assert_string_equal(PQgetvalue(res, 0, 3), "2019");
    assert_string_equal(PQgetvalue(res, 0, 4), "county");
    assert_string_equal(PQgetvalue(res, 0, 5), "黑龙江省");
    assert_string_equal(PQgetvalue(res, 0, 6), "2021-02-05");
    assert_string_equal(PQgetvalue(res, 0, 7), OGI_PARSER_VERSION);
    assert_string_equal(PQgetvalue(res, 0, 8), k2);
    assert_string_equal(PQgetvalue(res, 0, 9), "92");
    PQclear(res);

    res = query("SELECT path, message FROM findings WHERE doc_key = $1"
                " AND rule = 'D2' AND severity = 'error' ORDER BY seq",
                1, p);
    assert_int_equal(PQntuples(res), 2);
    assert_string_equal(PQgetvalue(res, 0, 0), "apply.granted.total");
    assert_string_equal(PQgetvalue(res, 1, 0), "apply.unable.not_held.total");
    assert_string_equal(PQgetvalue(res, 0, 1),
                        "row total 92 differs from the sum of its columns 91");
    PQclear(res);
    /* every finding of every report, in order; the cross-year ones
     * (X1-X4, against another stored report) come after them */
    for (size_t i = 0; i < fx.n; i++) {
        const char *const pk[1] = {fx.report[i]->doc_key};
        res = query("SELECT rule, severity, path, message FROM findings"
                    " WHERE doc_key = $1 AND seq <= (SELECT"
                    " cardinality(finding_rules) FROM records r JOIN"
                    " documents d USING (id) WHERE d.doc_key = $1)"
                    " ORDER BY seq",
                    1, pk);
        assert_int_equal(PQntuples(res), (int)fx.report[i]->nfindings);
        for (size_t k = 0; k < fx.report[i]->nfindings; k++) {
            const ogi_finding_t *f = &fx.report[i]->findings[k];
            assert_string_equal(PQgetvalue(res, (int)k, 0), f->rule);
            assert_string_equal(PQgetvalue(res, (int)k, 1),
                                ogi_severity_name(f->severity));
            assert_string_equal(PQgetvalue(res, (int)k, 2), f->path);
            assert_string_equal(PQgetvalue(res, (int)k, 3), f->message);
        }
        PQclear(res);
    }
}

static void
not_a_report_is_stored_rejected(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(a, "hello", 5, NULL, &r), 0);
    assert_int_equal(ogi_validate_report(r), 0);
    assert_int_equal(r->status, OGI_STATUS_REJECTED);
    ogi_db_item_t it = {.raw = "hello", .raw_len = 5, .report = r};
    ogi_db_outcome_t out = 0;
    assert_int_equal(ogi_db_write_batch(fx.db, &it, 1, &out), 0);
    assert_int_equal(out, OGI_DB_REJECTED);
    char *rule = value1(
        "SELECT rule FROM rejected_documents WHERE doc_key = $1", r->doc_key);
    assert_non_null(rule);
    assert_string_equal(rule, "P0");
    free(rule);
    assert_int_equal(
        count1("SELECT count(*) FROM reports WHERE doc_key = $1", r->doc_key),
        0);
    assert_int_equal(
        count1("SELECT count(*) FROM documents WHERE doc_key = $1 AND"
               " raw = 'hello'::bytea AND source_name IS NULL",
               r->doc_key),
        1);
    assert_int_equal(
        count1("SELECT count(*) FROM apply WHERE doc_key = $1", r->doc_key), 0);
    assert_int_equal(ogi_db_write_batch(fx.db, &it, 1, &out), 0);
    assert_int_equal(out, OGI_DB_DUPLICATE);
    ogi_arena_destroy(&a);
}

/* reports.parser_version is the version of the parser that made the
 * record (a worker's), not the storing process's. */
static void
stored_parser_version_is_the_records(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    ogi_report_t *r = NULL;
    static const char raw[] = "parsed by an older worker";
    assert_int_equal(ogi_parse_report(a, raw, sizeof(raw) - 1, NULL, &r), 0);
    assert_int_equal(ogi_validate_report(r), 0);
    r->parser_version = "0.0.9-older-worker";
    ogi_db_item_t it = {.raw = raw, .raw_len = sizeof(raw) - 1, .report = r};
    ogi_db_outcome_t out = 0;
    assert_int_equal(ogi_db_write_batch(fx.db, &it, 1, &out), 0);
    char *v = value1("SELECT parser_version FROM reports WHERE doc_key = $1"
                     " UNION ALL SELECT parser_version FROM rejected_documents"
                     " WHERE doc_key = $1",
                     r->doc_key);
    assert_non_null(v);
    assert_string_equal(v, "0.0.9-older-worker");
    free(v);
    ogi_arena_destroy(&a);
}

static void
poison_goes_to_dead_letters(void **state)
{
    (void)state;
    static const char raw[] = "\x00\xff\xfe not text, crashes workers";
    char key[65];
    ogi_hash_sha256_hex(raw, sizeof(raw) - 1, key);
    ogi_db_item_t it = {.doc_key = key,
                        .raw = raw,
                        .raw_len = sizeof(raw) - 1,
                        .source_name = "crash.bin",
                        .poison_reason = "worker lost 3 times",
                        .attempts = 3};
    /* a poison item whose document is stored already is a duplicate */
    ogi_db_item_t stored = {.doc_key = fx.report[0]->doc_key,
                            .raw = fx.raw[0],
                            .raw_len = fx.len[0],
                            .poison_reason = "late"};
    ogi_db_item_t batch[2] = {it, stored};
    ogi_db_outcome_t out[2] = {0, 0};
    assert_int_equal(ogi_db_write_batch(fx.db, batch, 2, out), 0);
    assert_int_equal(out[0], OGI_DB_POISON);
    assert_int_equal(out[1], OGI_DB_DUPLICATE);
    const char *const p[1] = {key};
    PGresult *res = PQexecParams(
        fx.pg,
        "SELECT raw, reason, attempts::text, source_name FROM dead_letters"
        " WHERE doc_key = $1",
        1, NULL, p, NULL, NULL, 1);
    assert_int_equal(PQntuples(res), 1);
    assert_int_equal(PQgetlength(res, 0, 0), (int)sizeof(raw) - 1);
    assert_memory_equal(PQgetvalue(res, 0, 0), raw, sizeof(raw) - 1);
    assert_string_equal(PQgetvalue(res, 0, 1), "worker lost 3 times");
    assert_string_equal(PQgetvalue(res, 0, 2), "3");
    assert_string_equal(PQgetvalue(res, 0, 3), "crash.bin");
    PQclear(res);
    assert_int_equal(count1("SELECT count(*) FROM documents WHERE"
                            " doc_key = $1",
                            key),
                     0);
    assert_int_equal(count1("SELECT count(*) FROM dead_letters WHERE"
                            " doc_key = $1",
                            fx.report[0]->doc_key),
                     0);
    assert_int_equal(ogi_db_write_batch(fx.db, &it, 1, out), 0);
    assert_int_equal(out[0], OGI_DB_DUPLICATE);
    assert_int_equal(count1("SELECT count(*) FROM dead_letters", NULL), 1);
}

/* A copy of report i's bytes with a suffix: another document. */
static ogi_db_item_t
variant(size_t i, const char *suffix, char **buf, char key[65])
{
    size_t s = strlen(suffix);
    *buf = malloc(fx.len[i] + s);
    memcpy(*buf, fx.raw[i], fx.len[i]);
    memcpy(*buf + fx.len[i], suffix, s);
    ogi_hash_sha256_hex(*buf, fx.len[i] + s, key);
    ogi_db_item_t it = item_of(i);
    it.doc_key = key;
    it.raw = *buf;
    it.raw_len = fx.len[i] + s;
    return it;
}

/* A resend of the submission that stored a document (its acknowledgement
 * was lost with a sink) is acknowledged as stored, or rejected, again;
 * the same bytes from another submission are a duplicate. */
static void
resend_is_acknowledged_as_first_stored(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    static const char raw[] = "resend: not a report";
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(a, raw, sizeof(raw) - 1, NULL, &r), 0);
    ogi_db_item_t it = {.raw = raw,
                        .raw_len = sizeof(raw) - 1,
                        .report = r,
                        .submission = "p1-100:7"};
    ogi_db_outcome_t out = 0;
    assert_int_equal(ogi_db_write_batch(fx.db, &it, 1, &out), 0);
    assert_int_equal(out, OGI_DB_REJECTED);
    assert_int_equal(ogi_db_write_batch(fx.db, &it, 1, &out), 0);
    assert_int_equal(out, OGI_DB_REJECTED);
    ogi_db_item_t other = it;
    other.submission = "p1-100:8";
    assert_int_equal(ogi_db_write_batch(fx.db, &other, 1, &out), 0);
    assert_int_equal(out, OGI_DB_DUPLICATE);
    other.submission = "\"quoted\", {braces}";
    assert_int_equal(ogi_db_write_batch(fx.db, &other, 1, &out), 0);
    assert_int_equal(out, OGI_DB_DUPLICATE);
    other.submission = NULL;
    assert_int_equal(ogi_db_write_batch(fx.db, &other, 1, &out), 0);
    assert_int_equal(out, OGI_DB_DUPLICATE);

    char *buf;
    char key[65];
    ogi_db_item_t v = variant(1, "\nresend", &buf, key);
    v.submission = "p2-5:1";
    ogi_db_item_t pair[2] = {v, v}; /* both copies in one batch */
    ogi_db_outcome_t o2[2] = {0, 0};
    assert_int_equal(ogi_db_write_batch(fx.db, pair, 2, o2), 0);
    assert_int_equal(o2[0], OGI_DB_STORED);
    assert_int_equal(o2[1], OGI_DB_STORED);
    assert_int_equal(ogi_db_write_batch(fx.db, &v, 1, &out), 0);
    assert_int_equal(out, OGI_DB_STORED);
    assert_int_equal(count1("SELECT count(*) FROM documents WHERE doc_key = $1"
                            " AND submitted_by = 'p2-5:1'",
                            key),
                     1);
    free(buf);
    ogi_arena_destroy(&a);
}

static void
data_errors_reject_the_batch(void **state)
{
    (void)state;
    char *b1, *b2, k1[65], k2[65];
    ogi_db_item_t good = variant(1, "\n<!-- reject test 1 -->\n", &b1, k1);
    ogi_db_item_t bad = variant(2, "\n<!-- reject test 2 -->\n", &b2, k2);
    bad.source_name = "bad\xff\xfe.txt"; /* not UTF-8 */
    ogi_db_item_t batch[2] = {good, bad};
    ogi_db_outcome_t out[2];
    int64_t before = 0, after = 0;
    assert_int_equal(ogi_db_count_documents(fx.db, &before), 0);
    assert_int_equal(ogi_db_write_batch(fx.db, batch, 2, out), OGI_EREJECT);
    assert_string_equal(ogi_db_sqlstate(fx.db), "22021");
    assert_true(
        strncmp(ogi_db_error(fx.db), "could not store documents: ", 27) == 0);
    /* a doc_key that is not a SHA-256 breaks the CHECK constraint */
    ogi_db_item_t longkey = good;
    longkey.doc_key = "0123456789abcdef0123456789abcdef"
                      "0123456789abcdef0123456789abcdef0";
    batch[1] = longkey;
    assert_int_equal(ogi_db_write_batch(fx.db, batch, 2, out), OGI_EREJECT);
    assert_string_equal(ogi_db_sqlstate(fx.db), "23514");
    /* nothing of a failed batch is stored */
    assert_int_equal(ogi_db_count_documents(fx.db, &after), 0);
    assert_int_equal(after, before);
    /* the handle goes on: the good item alone is stored, and twice in
     * one batch it is stored once */
    batch[1] = good;
    assert_int_equal(ogi_db_write_batch(fx.db, batch, 2, out), 0);
    assert_int_equal(out[0], OGI_DB_STORED);
    assert_int_equal(out[1], OGI_DB_DUPLICATE);
    assert_string_equal(ogi_db_error(fx.db), "");
    assert_int_equal(
        count1("SELECT count(*) FROM apply WHERE doc_key = $1", k1),
        count1("SELECT count(*) FROM apply WHERE doc_key = $1",
               fx.report[1]->doc_key));
    /* an item without doc_key is a programming error */
    ogi_db_item_t none = {.raw = "x", .raw_len = 1};
    assert_int_equal(ogi_db_write_batch(fx.db, &none, 1, out), OGI_EINVAL);
    free(b1);
    free(b2);
}

/* A lost connection is OGI_ERETRY; the next call reconnects. */
static void
lost_connection_is_retry(void **state)
{
    (void)state;
    char why[1024], conninfo[700], *buf, key[65];
    snprintf(conninfo, sizeof(conninfo), "%s application_name=victim",
             fx.conninfo);
    ogi_db_t *db = ogi_db_connect(conninfo, why, sizeof(why));
    assert_non_null(db);
    int64_t n = 0;
    assert_int_equal(ogi_db_count_documents(db, &n), 0);
    assert_int_equal(count1("SELECT count(*) FROM (SELECT pid FROM"
                            " pg_stat_activity WHERE application_name ="
                            " 'victim' OFFSET 0) AS v"
                            " WHERE pg_terminate_backend(pid)",
                            NULL),
                     1);
    ogi_db_item_t it = variant(3, "\n<!-- retry test -->\n", &buf, key);
    ogi_db_outcome_t out;
    int rc = ogi_db_write_batch(db, &it, 1, &out);
    assert_int_equal(rc, OGI_ERETRY);
    print_message("# lost connection: sqlstate \"%s\", %s\n",
                  ogi_db_sqlstate(db), ogi_db_error(db));
    assert_int_equal(ogi_db_write_batch(db, &it, 1, &out), 0);
    assert_int_equal(out, OGI_DB_STORED);
    ogi_db_destroy(&db);
    assert_null(db);
    free(buf);
}

/* The sink's role can insert and read, not change; analysts only read. */
static void
roles_grant_what_they_say(void **state)
{
    (void)state;
    char why[1024], conninfo[700], *buf, key[65];
    snprintf(conninfo, sizeof(conninfo), "%s options='-c role=ogi_ingest'",
             fx.conninfo);
    ogi_db_t *db = ogi_db_connect(conninfo, why, sizeof(why));
    assert_non_null(db);
    /* a sink may run migrate at start: with nothing to apply, reading
     * ogi_schema_migrations is all it takes */
    size_t applied = 99;
    if (ogi_db_migrate(db, &applied) != 0)
        fail_msg("migrate as ogi_ingest: %s", ogi_db_error(db));
    assert_int_equal(applied, 0);
    /* 002 (松北区): its agency is upserted and its pair made current */
    ogi_db_item_t it = variant(2, "\n<!-- role test -->\n", &buf, key);
    char pkey[65];
    ogi_hash_sha256_hex("role poison", 11, pkey);
    ogi_db_item_t poison = {.doc_key = pkey, .raw = "x", .raw_len = 1};
    ogi_db_item_t batch[2] = {it, poison};
    ogi_db_outcome_t out[2];
    int rc = ogi_db_write_batch(db, batch, 2, out);
    if (rc)
        fail_msg("as ogi_ingest: %s", ogi_db_error(db));
    assert_int_equal(out[0], OGI_DB_STORED);
    assert_int_equal(out[1], OGI_DB_POISON);
    assert_int_equal(count1("SELECT count(*) FROM reports WHERE doc_key = $1"
                            " AND agency_id IS NOT NULL AND current",
                            key),
                     1);
    ogi_db_destroy(&db);
    free(buf);

    static const struct {
        const char *role, *sql, *state;
    } checks[] = {
        {"ogi_ingest", "UPDATE documents SET source_name = 'x'", "42501"},
        {"ogi_ingest", "DELETE FROM records", "42501"},
        {"ogi_ingest", "UPDATE records SET agency = 'x'", "42501"},
        {"ogi_ingest", "UPDATE records SET cells = '{}'", "42501"},
        {"ogi_ingest", "DELETE FROM rejections", "42501"},
        {"ogi_ingest", "UPDATE agencies SET name = 'x'", "42501"},
        {"ogi_reporting", "SELECT count(*) FROM current_reports", NULL},
        {"ogi_ingest", "SELECT count(*) FROM apply", NULL},
        {"ogi_reporting", "SELECT count(*) FROM reports", NULL},
        {"ogi_reporting", "SELECT count(*) FROM active_decisions", NULL},
        {"ogi_reporting", "SELECT count(*) FROM labels", NULL},
        {"ogi_reporting", "SELECT count(*) FROM findings", NULL},
        {"ogi_reporting", "UPDATE records SET current = false", "42501"},
        {"ogi_reporting", "DELETE FROM cross_findings", "42501"},
        {"ogi_reporting", "DELETE FROM documents", "42501"},
    };
    for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
        const char *const p[1] = {checks[i].role};
        PQclear(query("SELECT set_config('role', $1, false)", 1, p));
        PGresult *res =
            PQexecParams(fx.pg, checks[i].sql, 0, NULL, NULL, NULL, NULL, 0);
        const char *st = PQresultErrorField(res, PG_DIAG_SQLSTATE);
        if (checks[i].state ? !st || strcmp(st, checks[i].state) != 0
                            : st != NULL)
            fail_msg("as %s: %s: sqlstate %s", checks[i].role, checks[i].sql,
                     st ? st : "none");
        PQclear(res);
        PQclear(query("RESET role", 0, NULL));
    }
}

/* ---- agencies and revisions (deploy/sql/007_agencies.sql) ---- */

/* Report 002's text (松北区 2020, published 2021年2月5日) with `from`
 * replaced by `to` once, parsed and validated in a; *key its doc_key. */
static ogi_db_item_t
edited(ogi_arena_t *a, size_t i, const char *from, const char *to, char **buf,
       char key[65])
{
    const char *at = strstr(fx.raw[i], from);
    if (!at)
        fail_msg("no \"%s\" in %s", from, fx.name[i]);
    size_t pre = (size_t)(at - fx.raw[i]), nf = strlen(from), nt = strlen(to);
    size_t n = fx.len[i] - nf + nt;
    *buf = malloc(n);
    memcpy(*buf, fx.raw[i], pre);
    memcpy(*buf + pre, to, nt);
    memcpy(*buf + pre + nt, at + nf, fx.len[i] - pre - nf);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(a, *buf, n, NULL, &r), 0);
    assert_int_equal(ogi_validate_report(r), 0);
    memcpy(key, r->doc_key, 65);
    ogi_db_item_t it = item_of(i);
    it.raw = *buf;
    it.raw_len = n;
    it.report = r;
    return it;
}

static const char sql_current_of[] =
    "SELECT r.doc_key FROM reports r JOIN agencies a ON a.id = r.agency_id"
    " WHERE a.key = $1 AND r.year = 2020 AND r.current";

/* Writes one item, returns what it superseded ("" none) into sup. */
static void
write_rev(ogi_db_item_t *it, char sup[65])
{
    ogi_db_outcome_t out = 0;
    char s[1][65];
    if (ogi_db_write_batch_rev(fx.db, it, 1, &out, s) != 0)
        fail_msg("write: %s", ogi_db_error(fx.db));
    assert_int_equal(out, OGI_DB_STORED);
    memcpy(sup, s[0], 65);
}

/* Every (agency, year) with a report that is not rejected has exactly
 * one current report; rejected ones have no agency and are not current. */
static void
one_current_each(void)
{
    assert_int_equal(
        count1("SELECT count(*) FROM (SELECT agency_id, year FROM reports"
               " WHERE agency_id IS NOT NULL AND year IS NOT NULL"
               " AND status <> 'rejected' GROUP BY 1, 2"
               " HAVING count(*) FILTER (WHERE current) <> 1) x",
               NULL),
        0);
    /* documents that are not reports are kept apart, never current */
    assert_int_equal(count1("SELECT count(*) FROM rejected_documents x"
                            " JOIN reports r USING (doc_key)",
                            NULL),
                     0);
}

static void
agencies_are_upserted_once(void **state)
{
    (void)state;
    /* golden: lib/core/divisions.tsv, 230109 county 松北区 under 230100 */
    PGresult *res = query(
        "SELECT division_code, division_level, province, prefecture, county,"
        " department, count(*) OVER () FROM agencies"
        " WHERE key = '230109:人民政府'",
        0, NULL);
    assert_int_equal(PQntuples(res), 1);
    assert_string_equal(PQgetvalue(res, 0, 0), "230109");
    assert_string_equal(PQgetvalue(res, 0, 1), "county");
    assert_string_equal(PQgetvalue(res, 0, 2), "黑龙江省");
    assert_string_equal(PQgetvalue(res, 0, 3), "哈尔滨市");
    assert_string_equal(PQgetvalue(res, 0, 4), "松北区");
    assert_string_equal(PQgetvalue(res, 0, 5), "人民政府");
    PQclear(res);
    /* 洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024): one agency */
    assert_int_equal(count1("SELECT count(DISTINCT r.agency_id) FROM reports r"
                            " JOIN agencies a ON a.id = r.agency_id"
                            " WHERE a.division_code = '320813'",
                            NULL),
                     1);
    assert_int_equal(count1("SELECT count(DISTINCT year) FROM current_reports"
                            " WHERE division_code = '320813'",
                            NULL),
                     2);
    /* 向阳区 is two divisions in 黑龙江省: no agency (M1) */
    size_t k = find("004_38ec84bebc7328d3");
    assert_int_equal(count1("SELECT count(*) FROM reports WHERE doc_key = $1"
                            " AND agency_id IS NULL AND NOT current",
                            fx.report[k]->doc_key),
                     1);
    assert_int_equal(count1("SELECT count(*) FROM findings WHERE doc_key = $1"
                            " AND rule = 'M1'",
                            fx.report[k]->doc_key),
                     1);
    one_current_each();
}

static void
revisions_keep_one_current(void **state)
{
    (void)state;
    static const char *const ag = "230109:人民政府";
    ogi_arena_t *a = ogi_arena_new(0);
    size_t i = find("002_e734572c7f6275fe");
    char *was = value1(sql_current_of, ag);
    assert_non_null(was);

    /* published later (2021年3月1日): the new current, a revision */
    char *b1, k1[65], sup[65];
    ogi_db_item_t later = edited(a, i, "2021年2月5日", "2021年3月1日", &b1, k1);
    assert_string_equal(later.report->meta.published_on, "2021-03-01");
    write_rev(&later, sup);
    assert_string_equal(sup, was);
    char *now = value1(sql_current_of, ag);
    assert_string_equal(now, k1);
    free(now);

    /* another copy published earlier, stored after: a revision that is
     * not current */
    char *b2, k2[65];
    ogi_db_item_t earlier =
        edited(a, i, "2021年2月5日", "2021年1月5日", &b2, k2);
    write_rev(&earlier, sup);
    assert_string_equal(sup, k1);
    now = value1(sql_current_of, ag);
    assert_string_equal(now, k1);
    free(now);

    /* the same day as the current one, one byte changed, stored later:
     * the later stored wins */
    char *b3, k3[65];
    ogi_db_item_t fixed =
        edited(a, i, "2021年2月5日", "2021年3月1日 ", &b3, k3);
    assert_string_equal(fixed.report->meta.published_on, "2021-03-01");
    write_rev(&fixed, sup);
    assert_string_equal(sup, k1);
    now = value1(sql_current_of, ag);
    assert_string_equal(now, k3);
    free(now);

    /* the first one again: a duplicate, nothing moves */
    ogi_db_outcome_t out = 0;
    char s[1][65];
    assert_int_equal(ogi_db_write_batch_rev(fx.db, &later, 1, &out, s), 0);
    assert_int_equal(out, OGI_DB_DUPLICATE);
    assert_string_equal(s[0], "");
    now = value1(sql_current_of, ag);
    assert_string_equal(now, k3);
    free(now);
    assert_int_equal(count1("SELECT count(*) FROM reports r JOIN agencies a"
                            " ON a.id = r.agency_id WHERE a.key = $1"
                            " AND r.year = 2020",
                            ag),
                     count1("SELECT count(*) FROM reports WHERE agency ="
                            " '哈尔滨市松北区人民政府' AND year = 2020",
                            NULL));
    one_current_each();
    free(was);
    free(b1);
    free(b2);
    free(b3);
    ogi_arena_destroy(&a);
}

/* Throughput of one batch of 1,000 new documents (printed, not asserted). */
static void
batch_of_1000(void **state)
{
    (void)state;
    enum { N = 1000 };
    ogi_db_item_t *items = calloc(N, sizeof(*items));
    ogi_db_outcome_t *out = calloc(N, sizeof(*out));
    char **bufs = calloc(N, sizeof(*bufs));
    char(*keys)[65] = calloc(N, sizeof(*keys));
    size_t bytes = 0;
    for (size_t i = 0; i < N; i++) {
        char suffix[64];
        snprintf(suffix, sizeof(suffix), "\n<!-- copy %zu -->\n", i);
        items[i] = variant(i % fx.n, suffix, &bufs[i], keys[i]);
        bytes += items[i].raw_len;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = ogi_db_write_batch(fx.db, items, N, out);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (rc)
        fail_msg("write_batch: %s", ogi_db_error(fx.db));
    for (size_t i = 0; i < N; i++)
        assert_int_equal(out[i], OGI_DB_STORED);
    double s = (double)(t1.tv_sec - t0.tv_sec) +
               (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    print_message("# 1000-document batch (%.1f MB raw): %.3f s, %.0f "
                  "documents/s\n",
                  (double)bytes / 1e6, s, N / s);
    for (size_t i = 0; i < N; i++)
        free(bufs[i]);
    free(bufs);
    free(keys);
    free(items);
    free(out);
}

/* A 2021-format report of 230109:人民政府 on year, doc_key made of c,
 * with only Table 3's carried_over.total and carry_forward.total. */
static ogi_report_t *
year_report(ogi_arena_t *a, char c, int year, const char *published,
            long carried_over, long carry_forward)
{
    ogi_report_t *r = ogi_report_new(a);
    assert_non_null(r);
    memset(r->doc_key, c, 64);
    r->doc_key[64] = '\0';
    r->status = OGI_STATUS_OK;
    r->meta.agency = ogi_arena_strdup(a, "松北区人民政府");
    r->meta.province = ogi_arena_strdup(a, "黑龙江省");
    r->meta.year = year;
    r->meta.format = OGI_FORMAT_2021;
    r->meta.published_on = ogi_arena_strdup(a, published);
    r->meta.agency_key = ogi_arena_strdup(a, "230109:人民政府");
    r->meta.division_code = ogi_arena_strdup(a, "230109");
    r->meta.division_level = ogi_arena_strdup(a, "county");
    assert_int_equal(ogi_report_table_init(r, OGI_T3), 0);
    long total = ogi_skeleton_col_index(OGI_T3, "total");
    ogi_cell_t *in = ogi_report_cell(
        r, OGI_T3, (size_t)ogi_skeleton_row_index(OGI_T3, "carried_over"),
        (size_t)total);
    ogi_cell_t *out = ogi_report_cell(
        r, OGI_T3, (size_t)ogi_skeleton_row_index(OGI_T3, "carry_forward"),
        (size_t)total);
    in->state = out->state = OGI_CELL_NUM;
    in->value = carried_over;
    out->value = carry_forward;
    return r;
}

static void
write_one(ogi_report_t *r)
{
    ogi_db_item_t it = {.raw = r->doc_key, .raw_len = 64, .report = r};
    ogi_db_outcome_t out = 0;
    assert_int_equal(ogi_db_write_batch(fx.db, &it, 1, &out), 0);
    assert_int_equal(out, OGI_DB_STORED);
}

/* X1: 2022's carried over against 2021's carried forward, made when
 * either arrives, and made again when 2021 is corrected. */
static void
cross_year_findings_follow_the_neighbours(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    static const char x1[] =
        "SELECT count(*) FROM findings WHERE rule = 'X1' AND doc_key = $1"
        " AND path = 'apply.carried_over.total'";
    ogi_report_t *y22 = year_report(a, 'c', 2022, "2023-01-20", 8, 0);
    write_one(y22);
    assert_int_equal(count1(x1, y22->doc_key), 0); /* nothing to compare */
    ogi_report_t *y21 = year_report(a, 'd', 2021, "2022-01-20", 0, 7);
    write_one(y21);
    assert_int_equal(count1(x1, y22->doc_key), 1); /* 8 vs 7 */
    assert_int_equal(count1("SELECT count(*) FROM findings WHERE doc_key ="
                            " $1 AND rule LIKE 'X%'",
                            y21->doc_key),
                     0);
    /* 2021 corrected (published later): it is current, 8 = 8 */
    ogi_report_t *fix = year_report(a, 'e', 2021, "2022-03-01", 0, 8);
    write_one(fix);
    assert_int_equal(count1(x1, y22->doc_key), 0);
    assert_int_equal(
        count1("SELECT count(*) FROM cross_findings x JOIN records r ON r.id = "
               "x.report_id WHERE r.year IN (2021, 2022) AND r.agency_id = "
               "(SELECT id FROM agencies WHERE key = '230109:人民政府')",
               NULL),
        0);
    ogi_arena_destroy(&a);
}

/* ---- the lean store (deploy/sql/008-010) ---- */

/* 009_cells.sql is what the binary generates from the skeleton. */
static void
cells_sql_is_the_skeletons(void **state)
{
    (void)state;
    char *sql = ogi_db_cells_sql();
    assert_non_null(sql);
    const ogi__migration_t *m = NULL;
    for (size_t i = 0; i < ogi__nmigrations; i++)
        if (strcmp(ogi__migrations[i].name, "009_cells.sql") == 0)
            m = &ogi__migrations[i];
    if (!m)
        fail_msg("no migration 009_cells.sql");
    else if (strcmp(m->sql, sql) != 0)
        fail_msg("deploy/sql/009_cells.sql differs from `ogi db cells-sql`:"
                 " run make cells-sql");
    free(sql);
    /* one label row per cell: Table 3 has 7 columns on 26 rows (both
     * forms of row (六)), Table 4 5 on 3 */
    assert_int_equal(count1("SELECT count(*) FROM labels WHERE format ="
                            " '2021' AND view_name = 'apply'",
                            NULL),
                     7 * 26);
    assert_int_equal(count1("SELECT count(*) FROM labels WHERE format ="
                            " '2019' AND view_name = 'appeal'",
                            NULL),
                     5 * 3);
    /* slots are dense and distinct within each array */
    assert_int_equal(
        count1("SELECT count(*) FROM (SELECT format, kind IN ('amount',"
               " 'amount_wan') AS am, count(*) AS n, max(slot) AS mx,"
               " count(DISTINCT slot) AS d FROM labels GROUP BY 1, 2) x"
               " WHERE n <> mx OR n <> d",
               NULL),
        0);
}

/* Runs sql (several statements) on c; fails the test on error. */
static void
exec_on(PGconn *c, const char *sql)
{
    PGresult *res = PQexec(c, sql);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        char msg[512];
        snprintf(msg, sizeof(msg), "%s", PQresultErrorMessage(res));
        PQclear(res);
        fail_msg("%.60s...: %s", sql, msg);
    }
    PQclear(res);
}

/* The first column of the first row of sql on c, as text ("" if NULL). */
static char *
value_on(PGconn *c, const char *sql)
{
    PGresult *res = PQexec(c, sql);
    if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) < 1) {
        char msg[512];
        snprintf(msg, sizeof(msg), "%s", PQresultErrorMessage(res));
        PQclear(res);
        fail_msg("%s: %s", sql, msg);
    }
    char *v = strdup(PQgetvalue(res, 0, 0));
    PQclear(res);
    return v;
}

static void
expect_on(PGconn *c, const char *sql, const char *want)
{
    char *got = value_on(c, sql);
    if (strcmp(got, want) != 0)
        fail_msg("%s: got \"%s\", want \"%s\"", sql, got, want);
    free(got);
}

/*
 * A database at schema 7 (the typed tables), filled by hand, brought
 * over by ogi_db_migrate: every value lands in the views unchanged.
 */
static void
old_schema_moves_over(void **state)
{
    (void)state;
    exec_on(fx.pg, "DROP DATABASE IF EXISTS ogi_v7");
    exec_on(fx.pg, "CREATE DATABASE ogi_v7");
    char conninfo[sizeof(fx.conninfo) + 32], why[1024];
    snprintf(conninfo, sizeof(conninfo), "%s dbname=ogi_v7", fx.conninfo);
    PGconn *c = PQconnectdb(conninfo);
    assert_int_equal(PQstatus(c), CONNECTION_OK);
    for (size_t i = 0; i < ogi__nmigrations; i++) {
        const ogi__migration_t *m = &ogi__migrations[i];
        if (atoi(m->name) > 7)
            break;
        exec_on(c, m->sql);
        char sum[65], ver[16];
        ogi_hash_sha256_hex(m->sql, m->len, sum);
        snprintf(ver, sizeof(ver), "%d", atoi(m->name));
        const char *const p[3] = {ver, m->name, sum};
        PGresult *res = PQexecParams(
            c,
            "INSERT INTO ogi_schema_migrations (version, name, checksum)"
            " VALUES ($1::int4, $2, $3)",
            3, NULL, p, NULL, NULL, 0);
        assert_int_equal(PQresultStatus(res), PGRES_COMMAND_OK);
        PQclear(res);
    }
    /* a 2019-format report: figures made up for this test */
    exec_on(
        c,
        "INSERT INTO documents (doc_key, raw) VALUES (repeat('a', 64), 'r1'),"
        " (repeat('b', 64), 'r2');"
        "INSERT INTO reports (doc_key, status, parser_version, agency, year,"
        " format, admin_level, province, published_on, record) VALUES"
        " (repeat('a', 64), 'has_errors', '0.0.1', '某县人民政府', 2020,"
        "  '2019', 'county', '黑龙江省', '2021-01-31',"
        "  '{\"meta\": {\"contact\": {\"phones\": [\"0451-1\", \"0451-2\"],"
        "  \"postal_code\": \"150000\"}}}'),"
        " (repeat('b', 64), 'rejected', '0.0.1', NULL, NULL, NULL, NULL,"
        "  '黑龙江省', NULL, '{}');"
        "INSERT INTO apply VALUES"
        " (repeat('a', 64), 1, 'new_received', 5, 1, NULL, 0, 0, 0, 6),"
        " (repeat('a', 64), 4, 'granted', 3, 1, 0, 0, 0, 0, 4),"
        " (repeat('a', 64), 26, 'other.all', 2, 0, 0, 0, 0, 0, 2);"
        "INSERT INTO appeal VALUES"
        " (repeat('a', 64), 2, 'suit_direct', 1, 2, 0, 0, 3);"
        "INSERT INTO active_2019_a20_5 VALUES"
        " (repeat('a', 64), 1, 'license', 10, -3, 40);"
        "INSERT INTO active_2019_a20_9 VALUES"
        " (repeat('a', 64), 1, 'central_procurement', 7, 12.5, 'wan_yuan');"
        "INSERT INTO findings VALUES"
        " (repeat('a', 64), 1, 'D2', 'error', 'apply.granted.total', 'm1'),"
        " (repeat('a', 64), 2, 'S1', 'info', '', 'm2'),"
        " (repeat('b', 64), 1, 'P0', 'error', '', 'not a report: m3');");
    ogi_db_t *db = ogi_db_connect(conninfo, why, sizeof(why));
    assert_non_null(db);
    size_t applied = 0;
    if (ogi_db_migrate(db, &applied) != 0)
        fail_msg("migrate: %s", ogi_db_error(db));
    assert_int_equal(applied, ogi__nmigrations - 7);
    ogi_db_destroy(&db);
    const char *a = "(SELECT repeat('a', 64))";
    char q[512];
#define EXPECT(want, ...)                                                      \
    do {                                                                       \
        snprintf(q, sizeof(q), __VA_ARGS__);                                   \
        expect_on(c, q, want);                                                 \
    } while (0)
    EXPECT("1", "SELECT count(*) FROM reports");
    EXPECT("has_errors|2020|2019|county|2021-01-31|{0451-1,0451-2}|150000",
           "SELECT concat_ws('|', status, year, format, admin_level,"
           " published_on, phones, postal_code) FROM reports"
           " WHERE doc_key = %s",
           a);
    EXPECT("5,1,,0,0,0,6",
           "SELECT concat_ws(',', natural_person, commercial,"
           " coalesce(research::text, ''), public_interest, legal_service,"
           " other_org, total) FROM apply WHERE row_key = 'new_received'");
    EXPECT("4", "SELECT total FROM apply WHERE row_key = 'granted'");
    EXPECT("2", "SELECT total FROM apply WHERE row_key = 'other.all'");
    /* the table was found: every row of its shape, blank where no row */
    EXPECT("23", "SELECT count(*) FROM apply"); /* 26 less 3 sub-rows */
    EXPECT("0", "SELECT count(*) FROM apply WHERE row_key ="
                " 'other.no_correction'");
    EXPECT("", "SELECT coalesce(total::text, '') FROM apply"
               " WHERE row_key = 'carried_over'");
    EXPECT("1,2,3", "SELECT concat_ws(',', upheld, corrected, total)"
                    " FROM appeal WHERE block = 'suit_direct'");
    EXPECT("10,-3,40", "SELECT concat_ws(',', prev_items, delta_items,"
                       " decisions) FROM active_2019_a20_5"
                       " WHERE row_key = 'license'");
    EXPECT("0", "SELECT count(*) FROM active_2019_a20_1");
    EXPECT("7|12.500000|wan_yuan|125000.000000",
           "SELECT concat_ws('|', projects, amount, amount_unit,"
           " amount_yuan) FROM procurement");
    EXPECT("1 D2 error apply.granted.total m1;2 S1 info  m2",
           "SELECT string_agg(concat_ws(' ', seq, rule, severity, path,"
           " message), ';' ORDER BY seq) FROM findings");
    EXPECT("P0|not a report: m3",
           "SELECT rule || '|' || reason FROM rejected_documents"
           " WHERE doc_key = repeat('b', 64)");
    EXPECT("0", "SELECT count(*) FROM information_schema.tables WHERE"
                " table_name LIKE 'v1\\_%%'");
#undef EXPECT
    PQfinish(c);
}

int
main(void)
{
    const struct CMUnitTest pure[] = {
        cmocka_unit_test(classify_retry),
        cmocka_unit_test(classify_reject),
        cmocka_unit_test(classify_other),
        cmocka_unit_test(names_and_tables),
        cmocka_unit_test(default_conninfo),
        cmocka_unit_test(cluster_conninfo),
        cmocka_unit_test(connect_failure_message),
    };
    const struct CMUnitTest server[] = {
        cmocka_unit_test(migrate_again_is_a_noop),
        cmocka_unit_test(every_skeleton_key_has_its_column),
        cmocka_unit_test(raw_columns_use_lz4),
        cmocka_unit_test(write_reports_then_duplicates),
        cmocka_unit_test(typed_tables_hold_the_golden_cells),
        cmocka_unit_test(seed2_and_seed4_cells),
        cmocka_unit_test(reports_and_findings),
        cmocka_unit_test(not_a_report_is_stored_rejected),
        cmocka_unit_test(stored_parser_version_is_the_records),
        cmocka_unit_test(poison_goes_to_dead_letters),
        cmocka_unit_test(resend_is_acknowledged_as_first_stored),
        cmocka_unit_test(data_errors_reject_the_batch),
        cmocka_unit_test(lost_connection_is_retry),
        cmocka_unit_test(roles_grant_what_they_say),
        cmocka_unit_test(agencies_are_upserted_once),
        cmocka_unit_test(revisions_keep_one_current),
        cmocka_unit_test(batch_of_1000),
        cmocka_unit_test(cells_sql_is_the_skeletons),
        cmocka_unit_test(cross_year_findings_follow_the_neighbours),
        cmocka_unit_test(old_schema_moves_over),
    };
    int failed = cmocka_run_group_tests_name("db_classify", pure, NULL, NULL);
    failed +=
        cmocka_run_group_tests_name("db", server, group_setup, group_teardown);
    return failed ? 1 : 0;
}
