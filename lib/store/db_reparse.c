/*
 * db_reparse.c - what `ogi reparse` reads and where it is
 * (deploy/sql/012_reparse.sql): the selection of stored documents, in id
 * order, and the run that records how far it got. The replacing itself is
 * ogi_db_reparse_batch in db.c (it shares the batch writer).
 */
#include "ogi_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_int.h"
#include "ogi/alloc.h"
#include "ogi/db.h"
#include "ogi/error.h"
#include "ogi/version.h"

/* $1 after, $2 all, $3 version, $4 year or NULL, $5 agency or NULL */
#define SELECTION                                                              \
    " FROM documents d"                                                        \
    " LEFT JOIN records r ON r.id = d.id"                                      \
    " LEFT JOIN rejections x ON x.id = d.id"                                   \
    " LEFT JOIN agencies a ON a.id = r.agency_id"                              \
    " WHERE d.id > $1::bigint"                                                 \
    " AND (r.id IS NOT NULL OR x.id IS NOT NULL)"                              \
    " AND ($2::boolean OR coalesce(r.parser_version, x.parser_version)"        \
    "      IS DISTINCT FROM $3)"                                               \
    " AND ($4::int4 IS NULL OR r.year = $4::int4)"                             \
    " AND ($5::text IS NULL OR a.key = $5)"

static const char sql_count[] = "SELECT count(*)" SELECTION;

static const char sql_fetch[] =
    "SELECT d.id, d.doc_key, d.raw, d.source_name" SELECTION
    " ORDER BY d.id LIMIT $6::int4";

static const char sql_find_run[] =
    "SELECT id, last_id FROM reparse_runs WHERE finished_at IS NULL"
    " AND parser_version = $1 AND selection = $2 ORDER BY id DESC LIMIT 1";

static const char sql_new_run[] =
    "INSERT INTO reparse_runs (parser_version, selection) VALUES ($1, $2)"
    " RETURNING id, last_id";

/* The parameters of SELECTION into p[0..5) (buffers in num). */
static void
sel_params(const ogi_db_reparse_sel_t *sel, int64_t after, char num[2][24],
           const char *p[5])
{
    snprintf(num[0], sizeof(num[0]), "%" PRId64, after);
    snprintf(num[1], sizeof(num[1]), "%d", sel->year);
    p[0] = num[0];
    p[1] = sel->all ? "true" : "false";
    p[2] = OGI_PARSER_VERSION;
    p[3] = sel->year ? num[1] : NULL;
    p[4] = sel->agency;
}

int
ogi_db_reparse_begin(ogi_db_t *self, const ogi_db_reparse_sel_t *sel,
                     int64_t *run_id, int64_t *after, int64_t *todo,
                     int *resumed)
{
    char what[256];
    snprintf(what, sizeof(what), "%s year=%d agency=%s",
             sel->all ? "all" : "older", sel->year,
             sel->agency ? sel->agency : "-");
    ogi__db_clear_error(self);
    int rc = ogi__db_ensure_connected(self);
    const char *const p[2] = {OGI_PARSER_VERSION, what};
    PGresult *res = NULL;
    if (rc == 0)
        rc = ogi__db_run(self, "find reparse run", sql_find_run, 2, p, NULL,
                         NULL, PGRES_TUPLES_OK, &res);
    *resumed = rc == 0 && PQntuples(res) == 1;
    if (rc == 0 && !*resumed) {
        PQclear(res);
        res = NULL;
        rc = ogi__db_run(self, "start reparse run", sql_new_run, 2, p, NULL,
                         NULL, PGRES_TUPLES_OK, &res);
    }
    if (rc == 0) {
        *run_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
        *after = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
    }
    PQclear(res);
    char num[2][24];
    const char *sp[5];
    sel_params(sel, rc == 0 ? *after : 0, num, sp);
    if (rc == 0)
        rc = ogi__db_run(self, "count documents to reparse", sql_count, 5, sp,
                         NULL, NULL, PGRES_TUPLES_OK, &res);
    if (rc == 0) {
        *todo = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
        PQclear(res);
    }
    return rc;
}

/* A big-endian 8-byte integer of a binary result. */
static int64_t
be64(const char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | (uint8_t)p[i];
    return (int64_t)v;
}

int
ogi_db_reparse_fetch(ogi_db_t *self, const ogi_db_reparse_sel_t *sel,
                     int64_t after, size_t max, ogi_db_doc_t **docs, size_t *n)
{
    *docs = NULL;
    *n = 0;
    char num[2][24], lim[24];
    const char *p[6];
    sel_params(sel, after, num, p);
    snprintf(lim, sizeof(lim), "%zu", max > 100000 ? (size_t)100000 : max);
    p[5] = lim;
    ogi__db_clear_error(self);
    int rc = ogi__db_ensure_connected(self);
    if (rc)
        return rc;
    /* binary results: raw bytes as they are, ids as 8 bytes */
    PGresult *res =
        PQexecParams(ogi__db_conn(self), sql_fetch, 6, NULL, p, NULL, NULL, 1);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        rc = ogi__db_fail(self, "read documents to reparse", res);
        PQclear(res);
        return rc;
    }
    size_t rows = (size_t)PQntuples(res);
    ogi_db_doc_t *d = rows ? ogi_calloc(rows, sizeof(*d)) : NULL;
    if (rows && !d)
        rc = ogi__db_fail_rc(self, OGI_ENOMEM, "read documents to reparse");
    size_t k = 0;
    for (; rc == 0 && k < rows; k++) {
        int r = (int)k;
        if (PQgetlength(res, r, 0) != 8 || PQgetlength(res, r, 1) != 64) {
            rc = ogi__db_failf(self, OGI_EIO,
                               "could not read documents to reparse: row %d "
                               "is malformed",
                               r);
            break;
        }
        d[k].id = be64(PQgetvalue(res, r, 0));
        memcpy(d[k].doc_key, PQgetvalue(res, r, 1), 64);
        d[k].doc_key[64] = '\0';
        d[k].raw_len = (size_t)PQgetlength(res, r, 2);
        d[k].raw = ogi_malloc(d[k].raw_len ? d[k].raw_len : 1);
        d[k].source_name = ogi__db_dup_value(res, r, 3);
        if (!d[k].raw || (!PQgetisnull(res, r, 3) && !d[k].source_name)) {
            rc = ogi__db_fail_rc(self, OGI_ENOMEM, "read documents to reparse");
            k++;
            break;
        }
        memcpy(d[k].raw, PQgetvalue(res, r, 2), d[k].raw_len);
    }
    PQclear(res);
    if (rc) {
        ogi_db_docs_free(d, k);
        return rc;
    }
    *docs = d;
    *n = rows;
    return 0;
}

void
ogi_db_docs_free(ogi_db_doc_t *docs, size_t n)
{
    for (size_t i = 0; docs && i < n; i++) {
        ogi_free(docs[i].raw);
        ogi_free(docs[i].source_name);
    }
    ogi_free(docs);
}

int
ogi_db_reparse_finish(ogi_db_t *self, int64_t run_id)
{
    char id[24];
    snprintf(id, sizeof(id), "%" PRId64, run_id);
    const char *const p[1] = {id};
    ogi__db_clear_error(self);
    int rc = ogi__db_ensure_connected(self);
    if (rc == 0)
        rc = ogi__db_run(self, "finish reparse run",
                         "UPDATE reparse_runs SET finished_at = now()"
                         " WHERE id = $1::bigint",
                         1, p, NULL, NULL, PGRES_COMMAND_OK, NULL);
    return rc;
}
