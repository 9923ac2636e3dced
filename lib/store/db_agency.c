/*
 * db_agency.c - the agencies of a batch and the current report of each
 * (agency, year) (deploy/sql/007_agencies.sql). Two set-based statements
 * per batch, parameterised with text arrays; no per-row round trips.
 */
#include "ogi_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_agency_int.h"
#include "db_buf_int.h"
#include "ogi/agency.h"
#include "ogi/alloc.h"
#include "ogi/error.h"

/* ---- agencies ---- */

#define AG_COLS 8

static const char sql_upsert[] =
    "WITH v AS (SELECT DISTINCT ON (key) * FROM unnest($1::text[],"
    " $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],"
    " $7::text[], $8::text[]) AS v(key, code, level, province, prefecture,"
    " county, department, name) ORDER BY key),"
    " ins AS (INSERT INTO agencies (key, division_code, division_level,"
    " province, prefecture, county, department, name)"
    " SELECT key, code, level, NULLIF(province, ''), NULLIF(prefecture, ''),"
    " NULLIF(county, ''), department, name FROM v"
    " ON CONFLICT (key) DO NOTHING RETURNING id, key)"
    " SELECT id, key FROM ins"
    " UNION ALL SELECT a.id, a.key FROM agencies a JOIN v USING (key)";

typedef struct {
    const char *key;
    int64_t id;
} agid_t;

static int
agid_cmp(const void *pa, const void *pb)
{
    return strcmp(((const agid_t *)pa)->key, ((const agid_t *)pb)->key);
}

/* The department of a key "CODE:DEPARTMENT". */
static const char *
key_department(const char *key)
{
    const char *c = strchr(key, ':');
    return c ? c + 1 : key;
}

/* Runs the upsert once; fills ids[] of the keys it returned, counting
 * those still without one into *missing. */
static int
upsert_once(ogi_db_t *db, const ogi_db_item_t *items, size_t n,
            const uint8_t *want, int64_t *ids, size_t *missing)
{
    ogi__buf_t col[AG_COLS] = {{0}};
    size_t nk = 0;
    for (size_t i = 0; i < n; i++) {
        const ogi_report_t *r = items[i].report;
        if (!want[i] || !r || !r->meta.agency_key || ids[i])
            continue;
        const ogi_meta_t *m = &r->meta;
        /* the names are not in the record: resolved again, kept only
         * when the resolver still says what the record does */
        ogi_agency_t ag;
        int same = ogi_agency_resolve(m->agency, m->province, &ag) ==
                       OGI_AGENCY_RESOLVED &&
                   strcmp(ag.key, m->agency_key) == 0;
        ogi__buf_text_elem(&col[0], m->agency_key);
        ogi__buf_text_elem(&col[1], m->division_code);
        ogi__buf_text_elem(&col[2], m->division_level);
        ogi__buf_text_elem(&col[3], same ? ag.province : NULL);
        ogi__buf_text_elem(&col[4], same ? ag.prefecture : NULL);
        ogi__buf_text_elem(&col[5], same ? ag.county : NULL);
        ogi__buf_text_elem(&col[6], key_department(m->agency_key));
        ogi__buf_text_elem(&col[7], m->agency);
        nk++;
    }
    int rc = 0;
    const char *params[AG_COLS];
    for (int c = 0; c < AG_COLS; c++)
        if (!(params[c] = ogi__buf_text_end(&col[c])))
            rc = ogi__db_fail_rc(db, OGI_ENOMEM, "store agencies");
    PGresult *res = NULL;
    if (rc == 0 && nk) {
        res = PQexecParams(ogi__db_conn(db), sql_upsert, AG_COLS, NULL, params,
                           NULL, NULL, 0);
        if (PQresultStatus(res) != PGRES_TUPLES_OK)
            rc = ogi__db_fail(db, "store agencies", res);
    }
    int nrows = rc == 0 && res ? PQntuples(res) : 0;
    agid_t *got = nrows ? ogi_calloc((size_t)nrows, sizeof(*got)) : NULL;
    if (nrows && !got)
        rc = ogi__db_fail_rc(db, OGI_ENOMEM, "store agencies");
    for (int k = 0; rc == 0 && k < nrows; k++) {
        got[k].key = PQgetvalue(res, k, 1);
        got[k].id = strtoll(PQgetvalue(res, k, 0), NULL, 10);
    }
    if (rc == 0 && nrows)
        qsort(got, (size_t)nrows, sizeof(*got), agid_cmp);
    *missing = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        const ogi_report_t *r = items[i].report;
        if (!want[i] || !r || !r->meta.agency_key || ids[i])
            continue;
        agid_t k = {r->meta.agency_key, 0};
        const agid_t *f =
            nrows ? bsearch(&k, got, (size_t)nrows, sizeof(*got), agid_cmp)
                  : NULL;
        if (f)
            ids[i] = f->id;
        else
            ++*missing;
    }
    ogi_free(got);
    PQclear(res);
    for (int c = 0; c < AG_COLS; c++)
        ogi_free(col[c].p);
    return rc;
}

int
ogi__db_agencies_upsert(ogi_db_t *db, const ogi_db_item_t *items, size_t n,
                        const uint8_t *want, int64_t *ids)
{
    memset(ids, 0, n * sizeof(*ids));
    size_t missing = 0;
    int rc = upsert_once(db, items, n, want, ids, &missing);
    /* a key another transaction inserted after this statement's snapshot
     * was neither inserted nor seen: once more, with a new snapshot */
    if (rc == 0 && missing)
        rc = upsert_once(db, items, n, want, ids, &missing);
    if (rc == 0 && missing)
        rc = ogi__db_fail_rc(db, OGI_ERETRY, "store agencies");
    return rc;
}

/* ---- the current report of each (agency, year) ---- */

static const char sql_current[] =
    "WITH b AS (SELECT r.id, r.agency_id, r.year FROM records r"
    " WHERE r.id = ANY ($1::bigint[]) AND r.agency_id IS NOT NULL"
    " AND r.year IS NOT NULL),"
    " pairs AS (SELECT DISTINCT agency_id, year FROM b),"
    " prior AS (SELECT r.agency_id, r.year, r.id FROM records r"
    " JOIN pairs USING (agency_id, year) WHERE r.current),"
    " ranked AS (SELECT r.id, r.current,"
    " row_number() OVER (PARTITION BY r.agency_id, r.year"
    " ORDER BY r.published_on DESC NULLS LAST, r.stored_at DESC,"
    " r.id DESC) = 1 AS now_current"
    " FROM records r JOIN pairs USING (agency_id, year)),"
    " upd AS (UPDATE records r SET current = k.now_current FROM ranked k"
    " WHERE r.id = k.id AND r.current <> k.now_current"
    " RETURNING r.id)" /* run whether read or not */
    " SELECT b.id, d.doc_key"
    " FROM b JOIN prior p USING (agency_id, year)"
    " JOIN documents d ON d.id = p.id"
    " WHERE p.id <> b.id";

int
ogi__db_current_update(ogi_db_t *db, const ogi_db_item_t *items, size_t n,
                       const int64_t *doc_ids, const int64_t *ids,
                       char (*supersedes)[65])
{
    ogi__buf_t keys = {0};
    size_t nk = 0;
    (void)items;
    for (size_t i = 0; i < n; i++) {
        if (supersedes)
            supersedes[i][0] = '\0';
        if (ids[i]) {
            ogi__buf_int_elem(&keys, doc_ids[i]);
            nk++;
        }
    }
    const char *param = ogi__buf_text_end(&keys);
    int rc = 0;
    if (!param)
        rc = ogi__db_fail_rc(db, OGI_ENOMEM, "mark current reports");
    else if (nk) {
        /* one batch at a time from here to its commit, so that each sees
         * the current reports the others committed */
        PGresult *res =
            PQexec(ogi__db_conn(db), "SELECT pg_advisory_xact_lock(7300734)");
        if (PQresultStatus(res) != PGRES_TUPLES_OK)
            rc = ogi__db_fail(db, "mark current reports", res);
        PQclear(res);
        res = rc ? NULL
                 : PQexecParams(ogi__db_conn(db), sql_current, 1, NULL, &param,
                                NULL, NULL, 0);
        if (rc == 0 && PQresultStatus(res) != PGRES_TUPLES_OK)
            rc = ogi__db_fail(db, "mark current reports", res);
        for (int k = 0; rc == 0 && supersedes && k < PQntuples(res); k++) {
            int64_t doc = strtoll(PQgetvalue(res, k, 0), NULL, 10);
            for (size_t i = 0; i < n; i++)
                if (ids[i] && doc_ids[i] == doc)
                    snprintf(supersedes[i], sizeof(supersedes[i]), "%s",
                             PQgetvalue(res, k, 1));
        }
        PQclear(res);
    }
    ogi_free(keys.p);
    return rc;
}
