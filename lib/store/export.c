/*
 * export.c - ogi export: a relation on a fixed list, filtered by
 * statement parameters, streamed row by row (libpq single-row mode) to
 * CSV or JSON lines.
 *
 * Relations read here are those of the analysts' schema contract: the
 * reports and their tables are filtered through their doc_key, never
 * read through reports.record.
 */
#include "ogi_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "db_int.h"
#include "export_int.h"
#include "ogi/error.h"

/* How a relation is filtered. */
typedef enum {
    BY_COLUMNS, /* it has year, province and division_code */
    BY_DOC_KEY, /* it has doc_key: filtered by the report's */
} filter_kind_t;

typedef struct {
    const char *name;    /* as the user names it and as SQL does */
    const char *columns; /* the select list */
    filter_kind_t kind;
    const char *order; /* a stable order */
} relation_t;

/* reports and current_reports: the contract's columns, never record. */
#define REPORT_COLUMNS                                                         \
    "doc_key, status, parser_version, agency, year, format, admin_level,"      \
    " province, published_on, agency_id, current, stored_at"

static const relation_t relations[] = {
    {"report_overview", "*", BY_COLUMNS, "year, division_code, agency_key"},
    {"apply_by_region", "*", BY_COLUMNS, "year, division_code"},
    {"appeal_by_region", "*", BY_COLUMNS, "year, division_code"},
    {"active_by_region", "*", BY_COLUMNS, "year, division_code"},
    {"findings_by_rule", "*", BY_COLUMNS, "year, agency_key, rule, severity"},
    {"missing_reports", "*", BY_COLUMNS, "year, agency_key"},
    {"arithmetic_failures", "*", BY_COLUMNS, "year, doc_key, seq"},
    {"reports", REPORT_COLUMNS, BY_DOC_KEY, "year, doc_key"},
    {"current_reports",
     REPORT_COLUMNS ", agency_key, division_code, division_level", BY_COLUMNS,
     "year, division_code, agency_key"},
    {"apply", "*", BY_DOC_KEY, "doc_key, row_no"},
    {"appeal", "*", BY_DOC_KEY, "doc_key, row_no"},
    {"findings", "*", BY_DOC_KEY, "doc_key, seq"},
    {"active_decisions", "*", BY_DOC_KEY, "doc_key, row_key"},
    {"procurement", "*", BY_DOC_KEY, "doc_key"},
    {"active_2019_a20_1", "*", BY_DOC_KEY, "doc_key, row_no"},
    {"active_2019_a20_5", "*", BY_DOC_KEY, "doc_key, row_no"},
    {"active_2019_a20_6", "*", BY_DOC_KEY, "doc_key, row_no"},
    {"active_2019_a20_8", "*", BY_DOC_KEY, "doc_key, row_no"},
    {"active_2019_a20_9", "*", BY_DOC_KEY, "doc_key, row_no"},
    {"active_2021_a20_1", "*", BY_DOC_KEY, "doc_key, row_no"},
    {"active_2021_a20_5", "*", BY_DOC_KEY, "doc_key, row_no"},
    {"active_2021_a20_6", "*", BY_DOC_KEY, "doc_key, row_no"},
    {"active_2021_a20_8", "*", BY_DOC_KEY, "doc_key, row_no"},
};
#define NRELATIONS (sizeof(relations) / sizeof(relations[0]))

/* The reports a BY_DOC_KEY relation keeps: the report's year, its
 * agency's province (else the province it names) and division. */
static const char doc_key_filter[] =
    "doc_key IN (SELECT r.doc_key FROM reports r"
    " LEFT JOIN agencies a ON a.id = r.agency_id"
    " WHERE r.status <> 'rejected'"
    " AND ($1::int IS NULL OR r.year = $1::int)"
    " AND ($2::text IS NULL OR coalesce(a.province, r.province) = $2"
    " OR starts_with(coalesce(a.province, r.province), $2))"
    " AND ($3::text IS NULL OR a.division_code LIKE $3))";

const char *const *
ogi_export_views(size_t *n)
{
    static const char *names[NRELATIONS + 1];
    for (size_t i = 0; i < NRELATIONS; i++)
        names[i] = relations[i].name;
    *n = NRELATIONS;
    return names;
}

static const relation_t *
find_relation(const char *view)
{
    for (size_t i = 0; view && i < NRELATIONS; i++)
        if (strcmp(relations[i].name, view) == 0)
            return &relations[i];
    return NULL;
}

int
ogi_export_known(const char *view)
{
    return find_relation(view) != NULL;
}

int
ogi_export_division_pattern(const char *code, char *buf, size_t size)
{
    if (!code || strlen(code) != 6 || strspn(code, "0123456789") != 6 ||
        size < 8)
        return OGI_EINVAL;
    if (strcmp(code, "000000") == 0)
        snprintf(buf, size, "%s", code);
    else if (strcmp(code + 2, "0000") == 0)
        snprintf(buf, size, "%.2s%%", code);
    else if (strcmp(code + 4, "00") == 0)
        snprintf(buf, size, "%.4s%%", code);
    else
        snprintf(buf, size, "%s", code);
    return 0;
}

int
ogi__export_params(const ogi_export_filter_t *filter, ogi__export_params_t *p)
{
    memset(p, 0, sizeof(*p));
    if (!filter)
        return 0;
    if (filter->year) {
        if (filter->year < 1900 || filter->year > 9999)
            return OGI_EINVAL;
        snprintf(p->year, sizeof(p->year), "%d", filter->year);
        p->values[0] = p->year;
    }
    if (filter->province) {
        if (!filter->province[0])
            return OGI_EINVAL;
        p->values[1] = filter->province;
    }
    if (filter->division) {
        if (ogi_export_division_pattern(filter->division, p->division,
                                        sizeof(p->division)))
            return OGI_EINVAL;
        p->values[2] = p->division;
    }
    return 0;
}

int
ogi_export_csv_bom(FILE *out)
{
    return fputs("\xef\xbb\xbf", out) == EOF ? OGI_EIO : 0;
}

/* Whether a CSV field must be quoted. */
static int
needs_quotes(const char *s)
{
    size_t len = strlen(s);
    if (len == 0)
        return 0;
    return strpbrk(s, ",\"\r\n") != NULL || s[0] == ' ' || s[len - 1] == ' ';
}

int
ogi_export_csv_row(FILE *out, const char *const *fields, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *s = fields[i] ? fields[i] : "";
        if (i > 0)
            putc(',', out);
        if (!needs_quotes(s)) {
            fputs(s, out);
            continue;
        }
        putc('"', out);
        for (; *s; s++) {
            if (*s == '"')
                putc('"', out);
            putc(*s, out);
        }
        putc('"', out);
    }
    fputs("\r\n", out);
    return ferror(out) ? OGI_EIO : 0;
}

/* PostgreSQL type OIDs written as JSON numbers, booleans or JSON. */
enum {
    OID_BOOL = 16,
    OID_INT8 = 20,
    OID_INT2 = 21,
    OID_INT4 = 23,
    OID_JSON = 114,
    OID_FLOAT4 = 700,
    OID_FLOAT8 = 701,
    OID_NUMERIC = 1700,
    OID_JSONB = 3802,
};

/* One cell as JSON (a new reference; NULL on OOM). */
static json_t *
cell_json(const PGresult *res, int row, int col)
{
    if (PQgetisnull(res, row, col))
        return json_null();
    const char *v = PQgetvalue(res, row, col);
    switch (PQftype(res, col)) {
        case OID_BOOL:
            return json_boolean(v[0] == 't');
        case OID_INT2:
        case OID_INT4:
        case OID_INT8:
            return json_integer(strtoll(v, NULL, 10));
        case OID_FLOAT4:
        case OID_FLOAT8:
        case OID_NUMERIC: {
            char *end;
            double d = strtod(v, &end);
            /* NaN and infinities have no JSON number: keep the text */
            if (*end || d != d || d - d != 0)
                return json_string(v);
            return json_real(d);
        }
        case OID_JSON:
        case OID_JSONB: {
            json_t *j = json_loads(v, JSON_DECODE_ANY, NULL);
            return j ? j : json_string(v);
        }
        default:
            return json_string(v);
    }
}

static int
write_jsonl_row(FILE *out, const PGresult *res, int row)
{
    json_t *obj = json_object();
    if (!obj)
        return OGI_ENOMEM;
    int nf = PQnfields(res);
    for (int c = 0; c < nf; c++) {
        json_t *v = cell_json(res, row, c);
        if (!v || json_object_set_new(obj, PQfname(res, c), v)) {
            json_decref(obj);
            return OGI_ENOMEM;
        }
    }
    int rc = json_dumpf(
        obj, out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
    json_decref(obj);
    if (rc || putc('\n', out) == EOF)
        return OGI_EIO;
    return 0;
}

static int
write_csv_header(FILE *out, const PGresult *res)
{
    int nf = PQnfields(res);
    const char **names = ogi_malloc(sizeof(*names) * (size_t)(nf ? nf : 1));
    if (!names)
        return OGI_ENOMEM;
    for (int c = 0; c < nf; c++)
        names[c] = PQfname(res, c);
    int rc = ogi_export_csv_row(out, names, (size_t)nf);
    ogi_free(names);
    return rc;
}

static int
write_csv_row(FILE *out, const PGresult *res, int row)
{
    int nf = PQnfields(res);
    const char **vals = ogi_malloc(sizeof(*vals) * (size_t)(nf ? nf : 1));
    if (!vals)
        return OGI_ENOMEM;
    for (int c = 0; c < nf; c++)
        vals[c] = PQgetisnull(res, row, c) ? NULL : PQgetvalue(res, row, c);
    int rc = ogi_export_csv_row(out, vals, (size_t)nf);
    ogi_free(vals);
    return rc;
}

/* Drains the results of the query in flight. */
static void
drain(PGconn *conn)
{
    PGresult *res;
    while ((res = PQgetResult(conn)) != NULL)
        PQclear(res);
}

int
ogi_export_write(ogi_db_t *db, const char *view,
                 const ogi_export_filter_t *filter, ogi_export_format_t format,
                 FILE *out, size_t *rows)
{
    if (rows)
        *rows = 0;
    const relation_t *rel = find_relation(view);
    if (!rel)
        return OGI_ENOTFOUND;
    if (format != OGI_EXPORT_CSV && format != OGI_EXPORT_JSONL)
        return OGI_EINVAL;
    ogi__export_params_t p;
    if (ogi__export_params(filter, &p))
        return OGI_EINVAL;

    /* Only names from the list above go into the statement. */
    char sql[1024];
    snprintf(sql, sizeof(sql), "SELECT %s FROM %s WHERE %s%s ORDER BY %s",
             rel->columns, rel->name,
             rel->kind == BY_COLUMNS ? OGI__EXPORT_WHERE : doc_key_filter,
             strcmp(rel->name, "reports") == 0 ? " AND status <> 'rejected'"
                                               : "",
             rel->order);

    ogi__db_clear_error(db);
    int rc = ogi__db_ensure_connected(db);
    if (rc)
        return rc;
    PGconn *conn = ogi__db_conn(db);
    if (!PQsendQueryParams(conn, sql, 3, NULL, p.values, NULL, NULL, 0))
        return ogi__db_fail(db, "could not export", NULL);
    PQsetSingleRowMode(conn);

    size_t n = 0;
    if (format == OGI_EXPORT_CSV && (rc = ogi_export_csv_bom(out)))
        goto out;
    int header = format == OGI_EXPORT_CSV;
    PGresult *res;
    while ((res = PQgetResult(conn)) != NULL) {
        ExecStatusType st = PQresultStatus(res);
        if (st != PGRES_SINGLE_TUPLE && st != PGRES_TUPLES_OK) {
            rc = ogi__db_fail(db, "could not export", res);
            PQclear(res);
            goto out;
        }
        if (header) {
            header = 0;
            rc = write_csv_header(out, res);
        }
        for (int r = 0; !rc && r < PQntuples(res); r++) {
            rc = format == OGI_EXPORT_CSV ? write_csv_row(out, res, r)
                                          : write_jsonl_row(out, res, r);
            n++;
        }
        PQclear(res);
        if (rc)
            goto out;
    }
    if (fflush(out) == EOF)
        rc = OGI_EIO;
out:
    drain(conn);
    if (rows)
        *rows = n;
    return rc;
}
