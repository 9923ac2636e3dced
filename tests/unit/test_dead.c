/*
 * test_dead.c - the dead letters (include/ogi/dead.h) and the batch
 * writer's retry_dead items (db.h), against a real private PostgreSQL
 * started in a temporary directory (ogi_cluster_start, as `ogi db start`).
 *
 * Usage example: a dead letter tried again after a parser fix.
 *
 *     ogi_dead_letter_t d;
 *     ogi_dead_find(db, "9c91ecbedf10", 1, &d);       id or doc_key prefix
 *     parse d.raw ... into report
 *     ogi_db_item_t it = {.doc_key = d.doc_key, .raw = d.raw,
 *                         .raw_len = d.raw_len, .report = report,
 *                         .retry_dead = 1};
 *     ogi_db_write_batch(db, &it, 1, &out);           stored, and the dead
 *                                                     letter deleted, in
 *                                                     one transaction
 *     ogi_dead_letter_fini(&d);
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golden.h"
#include "ogi.h"
#include "ogi/cluster.h"
#include "ogi/db.h"
#include "ogi/dead.h"
#include "ogi/hash.h"

typedef struct {
    char dir[64];       /* temporary directory of the server */
    char pgdir[96];     /* its cluster directory */
    char conninfo[600]; /* the database "ogi" */
    ogi_db_t *db;       /* the handle under test */
    PGconn *pg;         /* a plain connection, for the checks */
    ogi_arena_t *arena; /* parsed reports */
    char *raw;          /* a real report's bytes */
    size_t len;
} fixture_t;

static fixture_t fx;

static int
group_setup(void **state)
{
    (void)state;
    char why[1024];
    memset(&fx, 0, sizeof(fx));
    snprintf(fx.dir, sizeof(fx.dir), "/tmp/ogi-test-dead-XXXXXX");
    if (!mkdtemp(fx.dir))
        return -1;
    snprintf(fx.pgdir, sizeof(fx.pgdir), "%s/pg", fx.dir);
    if (ogi_cluster_start(fx.pgdir, NULL, why, sizeof(why)) != 0 ||
        ogi_cluster_conninfo(fx.pgdir, fx.conninfo, sizeof(fx.conninfo))) {
        fprintf(stderr, "# %s\n", why);
        return -1;
    }
    fx.db = ogi_db_connect(fx.conninfo, why, sizeof(why));
    if (!fx.db || ogi_db_migrate(fx.db, NULL) != 0) {
        fprintf(stderr, "# %s\n", fx.db ? ogi_db_error(fx.db) : why);
        return -1;
    }
    fx.pg = PQconnectdb(fx.conninfo);
    if (PQstatus(fx.pg) != CONNECTION_OK)
        return -1;
    fx.arena = ogi_arena_new(0);
    fx.raw =
        ogi_test_slurp("tests/data/reports/002_e734572c7f6275fe.txt", &fx.len);
    return fx.arena && fx.raw ? 0 : -1;
}

static int
group_teardown(void **state)
{
    (void)state;
    char why[1024], cmd[128];
    ogi_db_destroy(&fx.db);
    PQfinish(fx.pg);
    ogi_arena_destroy(&fx.arena);
    free(fx.raw);
    int rc = 0;
    if (ogi_cluster_stop(fx.pgdir, NULL, why, sizeof(why)) != 0) {
        fprintf(stderr, "# %s\n", why);
        rc = -1;
    }
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx.dir);
    if (system(cmd) != 0)
        rc = -1;
    return rc;
}

/* Runs a check query; fails the test on error. The caller clears it. */
static PGresult *
query(const char *sql, const char *param)
{
    const char *const p[1] = {param};
    PGresult *res =
        PQexecParams(fx.pg, sql, param ? 1 : 0, NULL, p, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        char msg[512];
        snprintf(msg, sizeof(msg), "%s", PQresultErrorMessage(res));
        PQclear(res);
        fail_msg("query failed: %s: %s", sql, msg);
    }
    return res;
}

/* The first value of a check query, as text ("" when none); static. */
static const char *
value1(const char *sql, const char *param)
{
    static char buf[1024];
    PGresult *res = query(sql, param);
    snprintf(buf, sizeof(buf), "%s",
             PQntuples(res) && !PQgetisnull(res, 0, 0) ? PQgetvalue(res, 0, 0)
                                                       : "");
    PQclear(res);
    return buf;
}

/* A poison item of raw's bytes under its own key (into key). */
static ogi_db_item_t
poison(const char *raw, const char *name, const char *reason, char key[65])
{
    ogi_hash_sha256_hex(raw, strlen(raw), key);
    ogi_db_item_t it = {.doc_key = key,
                        .raw = raw,
                        .raw_len = strlen(raw),
                        .source_name = name,
                        .content_type = "application/msword",
                        .poison_reason = reason,
                        .attempts = 1};
    return it;
}

/* Writes one item; returns its outcome. */
static ogi_db_outcome_t
write1(ogi_db_t *db, const ogi_db_item_t *it)
{
    ogi_db_outcome_t out = 0;
    if (ogi_db_write_batch(db, it, 1, &out) != 0)
        fail_msg("write: %s", ogi_db_error(db));
    return out;
}

/* The real report with a suffix: another document, parsed. */
static ogi_db_item_t
report_variant(const char *suffix, char **buf, char key[65])
{
    size_t s = strlen(suffix);
    *buf = malloc(fx.len + s);
    memcpy(*buf, fx.raw, fx.len);
    memcpy(*buf + fx.len, suffix, s);
    ogi_hash_sha256_hex(*buf, fx.len + s, key);
    ogi_report_t *r = NULL;
    ogi_parse_opts_t po = {0};
    po.name = "report.txt";
    assert_int_equal(ogi_parse_report(fx.arena, *buf, fx.len + s, &po, &r), 0);
    assert_int_equal(ogi_validate_report(r), 0);
    assert_string_equal(r->doc_key, key);
    ogi_db_item_t it = {.doc_key = key,
                        .raw = *buf,
                        .raw_len = fx.len + s,
                        .source_name = "report.txt",
                        .content_type = "text/plain",
                        .report = r};
    return it;
}

/* Lists, filters and finds by id and by doc_key prefix. */
static void
list_and_find(void **state)
{
    (void)state;
    char k1[65], k2[65];
    ogi_db_item_t a = poison("first dead letter", "a.doc",
                             "DOC: converter crashed (signal 11)", k1);
    ogi_db_item_t b =
        poison("second dead letter", NULL,
               "worker lost 3 times while holding the document", k2);
    assert_int_equal(write1(fx.db, &a), OGI_DB_POISON);
    assert_int_equal(write1(fx.db, &b), OGI_DB_POISON);
    /* only the head of a large document: its key is not its bytes' */
    char khead[65];
    memset(khead, 'a', 64);
    khead[64] = '\0';
    ogi_db_item_t h = {.doc_key = khead,
                       .raw = "head",
                       .raw_len = 4,
                       .poison_reason = "input of 9000000 bytes exceeds the "
                                        "limit of 8388608 bytes",
                       .attempts = 1};
    assert_int_equal(write1(fx.db, &h), OGI_DB_POISON);
    /* another key sharing its first 8 digits */
    char ksame[65];
    memcpy(ksame, khead, 65);
    ksame[63] = 'b';
    h.doc_key = ksame;
    assert_int_equal(write1(fx.db, &h), OGI_DB_POISON);

    ogi_dead_list_t l;
    assert_int_equal(ogi_dead_list(fx.db, NULL, &l), 0);
    assert_int_equal(l.n, 4);
    assert_string_equal(l.v[0].doc_key, k1); /* oldest first */
    assert_string_equal(l.v[0].source_name, "a.doc");
    assert_string_equal(l.v[0].content_type, "application/msword");
    assert_string_equal(l.v[0].reason, "DOC: converter crashed (signal 11)");
    assert_int_equal(l.v[0].attempts, 1);
    assert_int_equal(l.v[0].raw_len, strlen("first dead letter"));
    assert_null(l.v[0].raw);
    assert_null(l.v[1].source_name);
    assert_int_equal(strlen(l.v[0].created_at), 20);
    assert_true(l.v[0].created_at[19] == 'Z');
    int64_t id1 = l.v[0].id;
    ogi_dead_list_fini(&l);
    assert_null(l.v);

    ogi_dead_filter_t f = {.reason = "WORKER LOST"};
    assert_int_equal(ogi_dead_list(fx.db, &f, &l), 0);
    assert_int_equal(l.n, 1);
    assert_string_equal(l.v[0].doc_key, k2);
    ogi_dead_list_fini(&l);
    f = (ogi_dead_filter_t){.since = "2999-01-01"};
    assert_int_equal(ogi_dead_list(fx.db, &f, &l), 0);
    assert_int_equal(l.n, 0);
    f = (ogi_dead_filter_t){.since = "2000-01-01 00:00+08", .reason = "%"};
    assert_int_equal(ogi_dead_list(fx.db, &f, &l), 0);
    assert_int_equal(l.n, 0); /* "%" is text, not a pattern */
    f = (ogi_dead_filter_t){.since = "yesterday-ish"};
    assert_int_equal(ogi_dead_list(fx.db, &f, &l), OGI_EINVAL);
    assert_non_null(strstr(ogi_db_error(fx.db), "yesterday-ish"));

    ogi_dead_letter_t d;
    char ref[32];
    snprintf(ref, sizeof(ref), "%lld", (long long)id1);
    assert_int_equal(ogi_dead_find(fx.db, ref, 1, &d), 0);
    assert_string_equal(d.doc_key, k1);
    assert_true(d.whole);
    assert_int_equal(d.raw_len, strlen("first dead letter"));
    assert_memory_equal(d.raw, "first dead letter", d.raw_len);
    ogi_dead_letter_fini(&d);
    char prefix[13];
    snprintf(prefix, sizeof(prefix), "%.12s", k2);
    for (char *p = prefix; *p; p++) /* any letter case */
        if (*p >= 'a' && *p <= 'f')
            *p = (char)(*p - 'a' + 'A');
    assert_int_equal(ogi_dead_find(fx.db, prefix, 0, &d), 0);
    assert_string_equal(d.doc_key, k2);
    assert_null(d.raw);
    ogi_dead_letter_fini(&d);
    assert_int_equal(ogi_dead_find(fx.db, khead, 0, &d), 0);
    assert_false(d.whole);
    ogi_dead_letter_fini(&d);
    assert_int_equal(ogi_dead_find(fx.db, "aaaaaaaa", 0, &d), OGI_EINVAL);
    assert_non_null(strstr(ogi_db_error(fx.db), "several"));
    assert_int_equal(ogi_dead_find(fx.db, "999999", 0, &d), OGI_EINVAL);
    assert_non_null(strstr(ogi_db_error(fx.db), "no dead letter \"999999\""));
    assert_int_equal(ogi_dead_find(fx.db, "a'b", 0, &d), OGI_EINVAL);
    assert_int_equal(ogi_dead_find(fx.db, "abc", 0, &d), OGI_EINVAL);

    const char *keys[3] = {k1,
                           "0000000000000000000000000000000000000000000"
                           "000000000000000000000",
                           k2};
    assert_int_equal(ogi_dead_still(fx.db, keys, 3, &l), 0);
    assert_int_equal(l.n, 2);
    ogi_dead_list_fini(&l);
    PQclear(query("DELETE FROM dead_letters", NULL));
}

/* Poison again: one more attempt, the new reason; without retry_dead a
 * poison item of a dead letter's key changes nothing (a duplicate). */
static void
failed_retry_counts_an_attempt(void **state)
{
    (void)state;
    char k[65];
    ogi_db_item_t it = poison("crashes the converter", "c.doc",
                              "DOC: converter crashed (signal 11)", k);
    assert_int_equal(write1(fx.db, &it), OGI_DB_POISON);
    it.poison_reason = "DOC: converter timed out after 30 s";
    assert_int_equal(write1(fx.db, &it), OGI_DB_DUPLICATE);
    assert_string_equal(value1("SELECT attempts || ' ' || reason FROM"
                               " dead_letters WHERE doc_key = $1",
                               k),
                        "1 DOC: converter crashed (signal 11)");
    it.retry_dead = 1;
    assert_int_equal(write1(fx.db, &it), OGI_DB_POISON);
    assert_int_equal(write1(fx.db, &it), OGI_DB_POISON);
    assert_string_equal(value1("SELECT attempts || ' ' || reason FROM"
                               " dead_letters WHERE doc_key = $1",
                               k),
                        "3 DOC: converter timed out after 30 s");
    /* a retried document whose dead letter is gone is dead-lettered anew,
     * counted once */
    PQclear(query("DELETE FROM dead_letters", NULL));
    assert_int_equal(write1(fx.db, &it), OGI_DB_POISON);
    assert_string_equal(
        value1("SELECT attempts FROM dead_letters WHERE doc_key = $1", k), "1");
    PQclear(query("DELETE FROM dead_letters", NULL));
}

/* Stored now, as a report or as rejected: the dead letter goes in the
 * same transaction; a batch that fails takes nothing away. */
static void
stored_retry_leaves_the_dead_letters(void **state)
{
    (void)state;
    char *buf, k[65];
    ogi_db_item_t rep = report_variant("\n<!-- dead once -->\n", &buf, k);
    ogi_db_item_t dead = rep;
    dead.report = NULL;
    dead.poison_reason = "DOC: converter crashed (signal 11)";
    dead.attempts = 1;
    assert_int_equal(write1(fx.db, &dead), OGI_DB_POISON);

    /* a failed batch (a key the table refuses) rolls the deletion back */
    rep.retry_dead = 1;
    ogi_db_item_t bad = {
        .doc_key = "not hex", .raw = "x", .raw_len = 1, .poison_reason = "x"};
    ogi_db_item_t batch[2] = {rep, bad};
    ogi_db_outcome_t out[2];
    assert_int_equal(ogi_db_write_batch(fx.db, batch, 2, out), OGI_EREJECT);
    assert_string_equal(
        value1("SELECT count(*) FROM dead_letters WHERE doc_key = $1", k), "1");
    assert_string_equal(
        value1("SELECT count(*) FROM documents WHERE doc_key = $1", k), "0");

    /* without retry_dead the report is stored and the dead letter stays */
    char *buf2, k2[65];
    ogi_db_item_t other = report_variant("\n<!-- dead twice -->\n", &buf2, k2);
    ogi_db_item_t other_dead = other;
    other_dead.report = NULL;
    other_dead.poison_reason = "worker lost 3 times";
    assert_int_equal(write1(fx.db, &other_dead), OGI_DB_POISON);
    assert_int_equal(write1(fx.db, &other), OGI_DB_STORED);
    assert_string_equal(
        value1("SELECT count(*) FROM dead_letters WHERE doc_key = $1", k2),
        "1");

    assert_int_equal(write1(fx.db, &rep), OGI_DB_STORED);
    assert_string_equal(
        value1("SELECT count(*) FROM dead_letters WHERE doc_key = $1", k), "0");
    assert_string_equal(value1("SELECT r.status <> 'rejected' AND"
                               " d.source_name = 'report.txt'"
                               " FROM documents d JOIN reports r"
                               " USING (doc_key) WHERE doc_key = $1",
                               k),
                        "t");
    /* stored before: retrying it takes its dead letter away too */
    other.retry_dead = 1;
    assert_int_equal(write1(fx.db, &other), OGI_DB_DUPLICATE);
    assert_string_equal(
        value1("SELECT count(*) FROM dead_letters WHERE doc_key = $1", k2),
        "0");

    /* rejected as not a report is stored too: it leaves */
    static const char hello[] = "hello, not a report";
    char kh[65];
    ogi_db_item_t hd = poison(hello, "hello.doc", "converter failed", kh);
    assert_int_equal(write1(fx.db, &hd), OGI_DB_POISON);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(fx.arena, hello, strlen(hello), NULL, &r),
                     0);
    assert_int_equal(ogi_validate_report(r), 0);
    assert_int_equal(r->status, OGI_STATUS_REJECTED);
    ogi_db_item_t hr = {
        .raw = hello, .raw_len = strlen(hello), .report = r, .retry_dead = 1};
    assert_int_equal(write1(fx.db, &hr), OGI_DB_REJECTED);
    assert_string_equal(
        value1("SELECT count(*) FROM dead_letters WHERE doc_key = $1", kh),
        "0");
    free(buf);
    free(buf2);
}

/* The sink's role may delete a dead letter and count its attempts, and
 * change nothing else of it. */
static void
ingest_role_retries(void **state)
{
    (void)state;
    char why[1024], conninfo[700];
    snprintf(conninfo, sizeof(conninfo), "%s options='-c role=ogi_ingest'",
             fx.conninfo);
    ogi_db_t *db = ogi_db_connect(conninfo, why, sizeof(why));
    assert_non_null(db);
    char *buf, k[65], kp[65];
    ogi_db_item_t rep = report_variant("\n<!-- role -->\n", &buf, k);
    ogi_db_item_t dead = rep;
    dead.report = NULL;
    dead.poison_reason = "first";
    assert_int_equal(write1(db, &dead), OGI_DB_POISON);
    ogi_db_item_t p = poison("role poison", NULL, "first", kp);
    assert_int_equal(write1(db, &p), OGI_DB_POISON);
    rep.retry_dead = 1;
    p.retry_dead = 1;
    p.poison_reason = "second";
    ogi_db_item_t batch[2] = {rep, p};
    ogi_db_outcome_t out[2];
    if (ogi_db_write_batch(db, batch, 2, out) != 0)
        fail_msg("as ogi_ingest: %s", ogi_db_error(db));
    assert_int_equal(out[0], OGI_DB_STORED);
    assert_int_equal(out[1], OGI_DB_POISON);
    assert_string_equal(value1("SELECT string_agg(attempts || ' ' || reason,"
                               " ',') FROM dead_letters",
                               NULL),
                        "2 second");
    ogi_db_destroy(&db);
    static const char *const denied[] = {
        "UPDATE dead_letters SET raw = 'x'",
        "UPDATE dead_letters SET doc_key = doc_key",
        "DELETE FROM documents",
    };
    for (size_t i = 0; i < sizeof(denied) / sizeof(denied[0]); i++) {
        PQclear(query("BEGIN", NULL));
        PQclear(query("SET LOCAL ROLE ogi_ingest", NULL));
        PGresult *res = PQexec(fx.pg, denied[i]);
        const char *st = PQresultErrorField(res, PG_DIAG_SQLSTATE);
        if (!st || strcmp(st, "42501") != 0)
            fail_msg("ogi_ingest: %s: %s", denied[i], st ? st : "allowed");
        PQclear(res);
        PQclear(query("ROLLBACK", NULL));
    }
    PQclear(query("DELETE FROM dead_letters", NULL));
    free(buf);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(list_and_find),
        cmocka_unit_test(failed_retry_counts_an_attempt),
        cmocka_unit_test(stored_retry_leaves_the_dead_letters),
        cmocka_unit_test(ingest_role_retries),
    };
    return cmocka_run_group_tests_name("dead", tests, group_setup,
                                       group_teardown);
}
