/*
 * db_cross.c - the cross-year findings (rules X1-X4, ogi/cross_year.h) of
 * the reports a batch touched, kept in cross_findings
 * (deploy/sql/008_records.sql).
 *
 * For each (agency, year) a batch stored a report of, the comparisons
 * (year - 1 -> year) and (year -> year + 1) are made again between the
 * current reports of those years, as stored: their cells are read back
 * from records.cells into reports (the slots of db_cells.c), compared by
 * ogi_cross_year_check, and the findings of every report of the later
 * years replaced. A new report thus gets its findings against last year,
 * and next year's report, when stored already, gets them against it.
 */
#include "ogi_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_buf_int.h"
#include "db_cells_int.h"
#include "db_cross_int.h"
#include "ogi/arena.h"
#include "ogi/cross_year.h"
#include "ogi/error.h"
#include "ogi/json.h"

/* The pairs to compare: the current report of (agency, year) as later,
 * the current one of (agency, year - 1) as earlier, for the years of the
 * batch's reports and the year after each. */
static const char sql_pairs[] =
    "WITH t AS (SELECT DISTINCT r.agency_id, r.year + k AS year"
    " FROM records r, (VALUES (0), (1)) AS v(k)"
    " WHERE r.id = ANY ($1::bigint[]) AND r.agency_id IS NOT NULL"
    " AND r.year IS NOT NULL)"
    " SELECT l.id, l.year, l.format, l.tables, l.apply_other, l.cells,"
    " e.id, e.year, e.format, e.tables, e.apply_other, e.cells"
    " FROM t"
    " JOIN records l ON l.agency_id = t.agency_id AND l.year = t.year"
    " AND l.current"
    " JOIN records e ON e.agency_id = t.agency_id AND e.year = t.year - 1"
    " AND e.current";

/* Every report of the later years loses its cross-year findings: the
 * current one gets them again below, a superseded one keeps none. */
static const char sql_clear[] =
    "WITH t AS (SELECT DISTINCT r.agency_id, r.year + k AS year"
    " FROM records r, (VALUES (0), (1)) AS v(k)"
    " WHERE r.id = ANY ($1::bigint[]) AND r.agency_id IS NOT NULL"
    " AND r.year IS NOT NULL)"
    " DELETE FROM cross_findings x USING records r, t"
    " WHERE x.report_id = r.id AND r.agency_id = t.agency_id"
    " AND r.year = t.year";

static const char sql_insert[] =
    "INSERT INTO cross_findings (report_id, earlier_id, rule, severity,"
    " path, message)"
    " SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[],"
    " $4::text[], $5::text[], $6::text[])";

/* A number of the array literal at *p ("123", "-4", "NULL"): its cell.
 * Advances *p past it and a following comma. Returns -1 when malformed. */
static int
next_elem(const char **p, const char *end, ogi_cell_t *cell)
{
    const char *s = *p;
    memset(cell, 0, sizeof(*cell));
    if (end - s >= 4 && memcmp(s, "NULL", 4) == 0) {
        s += 4;
    } else {
        int neg = s < end && *s == '-';
        s += neg;
        const char *d = s;
        uint64_t v = 0;
        while (s < end && *s >= '0' && *s <= '9' && v < (UINT64_C(1) << 62))
            v = v * 10 + (uint64_t)(*s++ - '0');
        if (s == d || v >= (UINT64_C(1) << 62))
            return -1;
        cell->state = OGI_CELL_NUM;
        cell->value = neg ? -(int64_t)v : (int64_t)v;
    }
    if (s < end && *s == ',')
        s++;
    *p = s;
    return 0;
}

/*
 * A report in a holding what a records row says: year, format, the tables
 * found and their integer cells. NULL when memory ran out or the cells are
 * not what the format's slots say (a finding cannot be made of them).
 */
static ogi_report_t *
load(ogi_arena_t *a, const PGresult *res, int row, int col)
{
    ogi_report_t *r = ogi_report_new(a);
    if (!r)
        return NULL;
    const char *format = PQgetvalue(res, row, col + 2);
    r->meta.year = atoi(PQgetvalue(res, row, col + 1));
    r->meta.format = strcmp(format, "2019") == 0   ? OGI_FORMAT_2019
                     : strcmp(format, "2021") == 0 ? OGI_FORMAT_2021
                                                   : OGI_FORMAT_UNKNOWN;
    unsigned long tables = strtoul(PQgetvalue(res, row, col + 3), NULL, 10);
    r->apply_other_rows = atoi(PQgetvalue(res, row, col + 4));
    for (unsigned t = 0; t < OGI_TABLE_COUNT; t++)
        if ((tables >> t & 1u) && ogi_report_table_init(r, t) != 0)
            return NULL;
    const char *p = PQgetvalue(res, row, col + 5);
    const char *end = p + PQgetlength(res, row, col + 5);
    if (PQgetisnull(res, row, col + 5) || p == end || *p++ != '{')
        return r->meta.format == OGI_FORMAT_UNKNOWN ? r : NULL;
    ogi__slot_t s = {0};
    while (ogi__slot_next(r->meta.format, &s)) {
        if (s.amount)
            continue;
        ogi_cell_t cell;
        if (next_elem(&p, end, &cell) != 0)
            return NULL;
        ogi_cell_t *dst = ogi_report_cell(r, s.table, s.row, s.col);
        if (dst)
            *dst = cell;
    }
    return p < end && *p == '}' ? r : NULL;
}

int
ogi__db_cross_update(ogi_db_t *db, const int64_t *doc_ids,
                     const int64_t *agency_ids, size_t n)
{
    ogi__buf_t ids = {0};
    size_t nk = 0;
    for (size_t i = 0; i < n; i++)
        if (agency_ids[i]) {
            ogi__buf_int_elem(&ids, doc_ids[i]);
            nk++;
        }
    const char *param = ogi__buf_text_end(&ids);
    if (!param) {
        ogi__buf_fini(&ids);
        return ogi__db_fail_rc(db, OGI_ENOMEM, "compare years");
    }
    if (nk == 0) {
        ogi__buf_fini(&ids);
        return 0;
    }
    int rc = ogi__db_run(db, "compare years", sql_clear, 1, &param, NULL, NULL,
                         PGRES_COMMAND_OK, NULL);
    PGresult *res = NULL;
    if (rc == 0)
        rc = ogi__db_run(db, "compare years", sql_pairs, 1, &param, NULL, NULL,
                         PGRES_TUPLES_OK, &res);
    ogi__buf_t col[6] = {{0}};
    size_t nf = 0;
    ogi_arena_t *a = rc == 0 ? ogi_arena_new(0) : NULL;
    if (rc == 0 && !a)
        rc = ogi__db_fail_rc(db, OGI_ENOMEM, "compare years");
    for (int row = 0; rc == 0 && row < PQntuples(res); row++) {
        ogi_report_t *later = load(a, res, row, 0);
        ogi_report_t *earlier = later ? load(a, res, row, 6) : NULL;
        if (!earlier)
            continue; /* cells not as the slots say: nothing to compare */
        size_t before = later->nfindings;
        if (ogi_cross_year_check(earlier, later, later) != 0) {
            rc = ogi__db_fail_rc(db, OGI_ENOMEM, "compare years");
            break;
        }
        for (size_t k = before; k < later->nfindings; k++) {
            const ogi_finding_t *f = &later->findings[k];
            ogi__buf_text_elem(&col[0], PQgetvalue(res, row, 0));
            ogi__buf_text_elem(&col[1], PQgetvalue(res, row, 6));
            ogi__buf_text_elem(&col[2], f->rule);
            ogi__buf_text_elem(&col[3], ogi_severity_name(f->severity));
            ogi__buf_text_elem(&col[4], f->path ? f->path : "");
            ogi__buf_text_elem(&col[5], f->message ? f->message : "");
            nf++;
        }
    }
    const char *params[6];
    for (int c = 0; rc == 0 && c < 6; c++)
        if (!(params[c] = ogi__buf_text_end(&col[c])))
            rc = ogi__db_fail_rc(db, OGI_ENOMEM, "compare years");
    if (rc == 0 && nf)
        rc = ogi__db_run(db, "store cross-year findings", sql_insert, 6, params,
                         NULL, NULL, PGRES_COMMAND_OK, NULL);
    for (int c = 0; c < 6; c++)
        ogi__buf_fini(&col[c]);
    PQclear(res);
    ogi_arena_destroy(&a);
    ogi__buf_fini(&ids);
    return rc;
}
