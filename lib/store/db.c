/*
 * db.c - the PostgreSQL store's batch writer (db.h). Beside it:
 * db_conn.c (the connection and statement helpers), db_migrate.c (the
 * migrations), db_buf.c (the arrays and COPY rows a batch is sent as),
 * db_cells.c (where a report's cells go), db_agency.c (agencies and
 * current reports), db_cross.c (cross-year findings), db_reparse.c
 * (what ogi reparse reads), db_error.c (what a failure means).
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
 *      ON CONFLICT (doc_key) DO NOTHING RETURNING doc_key, id, so each
 *      item knows whether it is new and its id; of two items with the
 *      same key in one batch, the first is sent and stored, the others
 *      are duplicates.
 *   2. the agencies of the new reports (db_agency.c).
 *   3. for the new documents only (so nothing can conflict): one row of
 *      records per report (metadata, the cells in arrays placed by
 *      db_cells.c, the findings in arrays), then one row of rejections
 *      per document that is not a report, each with one COPY FROM STDIN
 *      in text format, streamed in pieces of COPY_FLUSH bytes while the
 *      next rows are made (db_buf.c).
 *   4. which report is current for each (agency, year) touched, and the
 *      cross-year findings of those years and the next (db_cross.c).
 *   5. dead_letters: the poison items, unless their key is stored.
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
#include "db_buf_int.h"
#include "db_cells_int.h"
#include "db_cross_int.h"
#include "db_dead_int.h"
#include "db_int.h"
#include "ogi/db.h"
#include "ogi/error.h"
#include "ogi/json.h"
#include "ogi/version.h"

#define CHUNK_BYTES (64u << 20)

/* Type OIDs of binary array elements (catalog/pg_type_d.h). */
#define OID_BYTEA 17u
#define OID_INT4  23u
#define OID_TEXT  25u

/* ---- the batch writer ---- */

#define F_NEW            0x01u /* the document was inserted by this batch */
#define F_POISON         0x02u /* the dead letter was inserted by this batch */
#define F_AGAIN          0x04u /* stored before by this same submission */
#define F_AGAIN_REJECTED 0x08u /* ... as a rejected document */

const char *
ogi__db_item_key(const ogi_db_item_t *it)
{
    if (it->doc_key)
        return it->doc_key;
    return it->report ? it->report->doc_key : NULL;
}

/* An item's place in doc_key order. */
typedef struct {
    const char *key; /* ogi__db_item_key() */
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
    slot_t *order;      /* the items in doc_key order */
    uint8_t *flags;     /* F_NEW, F_POISON of each item */
    int64_t *doc_id;    /* of each item inserted: documents.id */
    int64_t *agency_id; /* of each item's report: agencies.id, 0: none */
    int replace;        /* ogi_db_reparse_batch: the documents are stored */
} batch_t;

#define MAX_COLS 6

/* Rows for one statement, as one binary array per column. */
typedef struct {
    const char *what; /* "store documents" */
    const char *sql;  /* INSERT ... FROM unnest($1::..[], ...) */
    int ncols;        /* columns in use */
    ogi__barr_t col[MAX_COLS];
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
        ogi__barr_start(&a->col[c], oids[c]);
    a->rows = 0;
    a->bytes = 0;
}

static void
arows_fini(arows_t *a)
{
    for (int c = 0; c < MAX_COLS; c++)
        ogi__buf_fini(&a->col[c].b);
}

/* Sends the statement on the arrays (binary parameters) without waiting
 * for it: await_result() gives its result. */
static int
arows_send(ogi_db_t *db, arows_t *a)
{
    const char *values[MAX_COLS];
    int lengths[MAX_COLS], formats[MAX_COLS];
    for (int c = 0; c < a->ncols; c++) {
        ogi__barr_finish(&a->col[c]);
        if (a->col[c].b.oom)
            return ogi__db_fail_rc(db, OGI_ENOMEM, a->what);
        if (a->col[c].b.len > INT32_MAX)
            return ogi__db_fail_rc(db, OGI_ETOOBIG, a->what);
        values[c] = a->col[c].b.p;
        lengths[c] = (int)a->col[c].b.len;
        formats[c] = 1;
    }
    if (!PQsendQueryParams(ogi__db_conn(db), a->sql, a->ncols, NULL, values,
                           lengths, formats, 0))
        return ogi__db_fail(db, a->what, NULL);
    return 0;
}

/* The result of the one statement sent, which must have status want:
 * *out receives it, and the caller clears it. */
static int
await_result(ogi_db_t *db, const char *what, ExecStatusType want,
             PGresult **out)
{
    PGresult *res = PQgetResult(ogi__db_conn(db)), *more;
    while ((more = PQgetResult(ogi__db_conn(db))) != NULL)
        PQclear(more);
    int rc = 0;
    if (PQresultStatus(res) != want) {
        rc = ogi__db_fail(db, what, res);
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
    " RETURNING doc_key, id";

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
    int with_id = PQnfields(res) > 1;
    for (int r = 0; r < PQntuples(res); r++) {
        const char *key = PQgetvalue(res, r, 0);
        size_t lo = 0, hi = nrows;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            const slot_t *s = &b->order[rows[mid]];
            int c = strcmp(s->key, key);
            if (c == 0) {
                b->flags[s->i] |= flag;
                if (with_id)
                    b->doc_id[s->i] = strtoll(PQgetvalue(res, r, 1), NULL, 10);
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
        return ogi__db_fail_rc(db, OGI_ETOOBIG, a->what);
    a->bytes += it->raw_len;
    a->rows++;
    ogi__barr_add_str(&a->col[0], key);
    ogi__barr_add(&a->col[1], it->raw ? it->raw : "", it->raw_len);
    ogi__barr_add_str(&a->col[2], it->content_type);
    ogi__barr_add_str(&a->col[3], it->source_name);
    if (!poison) {
        ogi__barr_add_str(&a->col[4], it->submission);
        ogi__barr_add_str(&a->col[5], it->encoding);
    } else {
        ogi__barr_add_str(&a->col[4],
                          it->poison_reason ? it->poison_reason : "poison");
        ogi__barr_add_int4(&a->col[5], it->attempts > INT32_MAX
                                           ? INT32_MAX
                                           : (int32_t)it->attempts);
    }
    return 0;
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
    int rc = rows ? 0 : ogi__db_fail_rc(db, OGI_ENOMEM, a.what);
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

static const char sql_records[] =
    "COPY records (id, status, parser_version, agency, agency_id, year,"
    " format, admin_level, province, published_on, phones, postal_code,"
    " email, address, tables, apply_other, cells, amounts, amount_units,"
    " finding_rules, finding_levels, finding_paths, finding_texts)"
    " FROM STDIN";

static const char sql_rejections[] =
    "COPY rejections (id, parser_version, rule, reason) FROM STDIN";

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

/* A text[] field from n strings (get(rep, k) gives the k-th). */
static void
copy_text_array(ogi__copy_t *c, const ogi_report_t *rep, size_t n,
                const char *(*get)(const ogi_report_t *, size_t))
{
    ogi__buf_t arr = {0};
    for (size_t k = 0; k < n; k++)
        ogi__buf_text_elem(&arr, get(rep, k));
    const char *lit = ogi__buf_text_end(&arr);
    if (!lit)
        c->b.oom = 1;
    else
        ogi__copy_text(c, lit);
    ogi__buf_fini(&arr);
}

static const char *
get_phone(const ogi_report_t *r, size_t k)
{
    return r->meta.phones[k];
}

static const char *
get_rule(const ogi_report_t *r, size_t k)
{
    return r->findings[k].rule;
}

static const char *
get_level(const ogi_report_t *r, size_t k)
{
    return ogi_severity_name(r->findings[k].severity);
}

static const char *
get_path(const ogi_report_t *r, size_t k)
{
    return r->findings[k].path ? r->findings[k].path : "";
}

static const char *
get_text(const ogi_report_t *r, size_t k)
{
    return r->findings[k].message ? r->findings[k].message : "";
}

static const char *
parser_version(const ogi_report_t *rep)
{
    return rep->parser_version ? rep->parser_version : OGI_PARSER_VERSION;
}

/* The report's one row: metadata, cells (db_cells.c), findings. */
static void
copy_record(ogi__copy_t *c, int64_t id, const ogi_report_t *rep,
            int64_t agency_id)
{
    if (ogi__copy_row(c))
        return;
    const ogi_meta_t *m = &rep->meta;
    ogi__copy_int(c, id);
    ogi__copy_text(c, ogi_status_name(rep->status));
    ogi__copy_text(c, parser_version(rep));
    ogi__copy_text(c, m->agency);
    if (agency_id)
        ogi__copy_int(c, agency_id);
    else
        ogi__copy_text(c, NULL);
    if (m->year)
        ogi__copy_int(c, m->year);
    else
        ogi__copy_text(c, NULL);
    ogi__copy_text(c, ogi_skeleton_format_name(m->format));
    ogi__copy_text(c, ogi_level_name(m->admin_level));
    ogi__copy_text(c, m->province);
    ogi__copy_text(c, valid_date(m->published_on));
    if (m->nphones)
        copy_text_array(c, rep, m->nphones, get_phone);
    else
        ogi__copy_text(c, NULL);
    ogi__copy_text(c, m->postal_code);
    ogi__copy_text(c, m->email);
    ogi__copy_text(c, m->address);
    ogi__cells_copy(c, rep);
    copy_text_array(c, rep, rep->nfindings, get_rule);
    copy_text_array(c, rep, rep->nfindings, get_level);
    copy_text_array(c, rep, rep->nfindings, get_path);
    copy_text_array(c, rep, rep->nfindings, get_text);
    ogi__copy_end_row(c);
}

/* A document that is not a report: the finding that says why (its first
 * error, else its first finding). */
static void
copy_rejection(ogi__copy_t *c, int64_t id, const ogi_report_t *rep)
{
    if (ogi__copy_row(c))
        return;
    const ogi_finding_t *why = NULL;
    for (size_t k = 0; k < rep->nfindings && !why; k++)
        if (rep->findings[k].severity == OGI_SEV_ERROR)
            why = &rep->findings[k];
    if (!why && rep->nfindings)
        why = &rep->findings[0];
    ogi__copy_int(c, id);
    ogi__copy_text(c, parser_version(rep));
    ogi__copy_text(c, why ? why->rule : "P0");
    ogi__copy_text(c, why && why->message ? why->message : "not a report");
    ogi__copy_end_row(c);
}

/* The records (rejected == 0) or the rejections of every document this
 * batch stored, in doc_key order, with one COPY (none when none). */
static int
store_rows(ogi_db_t *db, const batch_t *b, int rejected)
{
    ogi__copy_t c;
    ogi__copy_init(&c, db, rejected ? "store rejections" : "store records",
                   rejected ? sql_rejections : sql_records);
    for (size_t k = 0; k < b->n && c.rc == 0; k++) {
        const slot_t *s = &b->order[k];
        const ogi_report_t *rep = b->items[s->i].report;
        if (!(b->flags[s->i] & F_NEW) || !rep ||
            (rep->status == OGI_STATUS_REJECTED) != rejected)
            continue;
        if (rejected)
            copy_rejection(&c, b->doc_id[s->i], rep);
        else
            copy_record(&c, b->doc_id[s->i], rep, b->agency_id[s->i]);
        if (c.b.oom)
            c.rc = ogi__db_fail_rc(db, OGI_ENOMEM, c.what);
    }
    return ogi__copy_finish(&c);
}

/* Documents, the agencies of the new reports, then the rows of the new
 * ones (parents first), which reports are current, then dead letters, in
 * the open transaction. */
static int
store_batch(ogi_db_t *db, batch_t *b, char (*supersedes)[65])
{
    int rc = b->replace ? 0 : store_raw(db, b, 0);
    uint8_t *want = rc == 0 ? ogi_calloc(b->n, 1) : NULL;
    if (rc == 0 && !want)
        rc = ogi__db_fail_rc(db, OGI_ENOMEM, "store agencies");
    for (size_t i = 0; rc == 0 && i < b->n; i++) {
        const ogi_report_t *rep = b->items[i].report;
        want[i] = (b->flags[i] & F_NEW) && rep &&
                  rep->status != OGI_STATUS_REJECTED && rep->meta.agency_key;
    }
    if (rc == 0)
        rc = ogi__db_agencies_upsert(db, b->items, b->n, want, b->agency_id);
    ogi_free(want);
    for (int rejected = 0; rc == 0 && rejected <= 1; rejected++)
        rc = store_rows(db, b, rejected);
    if (rc == 0)
        rc = ogi__db_current_update(db, b->items, b->n, b->doc_id, b->agency_id,
                                    supersedes);
    if (rc == 0)
        rc = ogi__db_cross_update(db, b->doc_id, b->agency_id, b->n);
    if (rc == 0 && !b->replace)
        rc = store_raw(db, b, 1);
    if (rc == 0 && !b->replace) /* tried again out of the dead letters */
        rc = ogi__db_dead_retried(db, b->items, b->n, b->flags, F_POISON);
    return rc;
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
        "SELECT u.k, CASE WHEN x.id IS NULL THEN 'ok' ELSE 'rejected' END"
        " FROM unnest($1::text[], $2::text[]) AS u(k, s)"
        " JOIN documents d ON d.doc_key = u.k AND d.submitted_by = u.s"
        " LEFT JOIN rejections x ON x.id = d.id";
    ogi__buf_t keys = {0}, subs = {0};
    size_t n = 0;
    for (size_t i = 0; i < b->n; i++) {
        const ogi_db_item_t *it = &b->items[i];
        if (!it->report || !it->submission || (b->flags[i] & F_NEW))
            continue;
        ogi__buf_text_elem(&keys, ogi__db_item_key(it));
        ogi__buf_text_elem(&subs, it->submission);
        n++;
    }
    const char *params[2] = {ogi__buf_text_end(&keys),
                             ogi__buf_text_end(&subs)};
    int rc = 0;
    if (n && (!params[0] || !params[1]))
        rc = ogi__db_fail_rc(db, OGI_ENOMEM, "find resent documents");
    else if (n) {
        PGresult *res =
            PQexecParams(ogi__db_conn(db), sql, 2, NULL, params, NULL, NULL, 0);
        if (PQresultStatus(res) != PGRES_TUPLES_OK) {
            rc = ogi__db_fail(db, "find resent documents", res);
        } else {
            for (int r = 0; r < PQntuples(res); r++) {
                const char *k = PQgetvalue(res, r, 0);
                int rej = strcmp(PQgetvalue(res, r, 1), "rejected") == 0;
                for (size_t i = 0; i < b->n; i++)
                    if (b->items[i].report && !(b->flags[i] & F_NEW) &&
                        strcmp(ogi__db_item_key(&b->items[i]), k) == 0)
                        b->flags[i] |= F_AGAIN | (rej ? F_AGAIN_REJECTED : 0);
            }
        }
        PQclear(res);
    }
    ogi__buf_fini(&keys);
    ogi__buf_fini(&subs);
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
    ogi__db_clear_error(self);
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!ogi__db_item_key(&items[i])) {
            return ogi__db_failf(self, OGI_EINVAL,
                                 "could not store batch: item %zu has no "
                                 "doc_key",
                                 i);
        }
    batch_t b = {.items = items,
                 .n = n,
                 .order = ogi_calloc(n, sizeof(slot_t)),
                 .flags = ogi_calloc(n, 1),
                 .doc_id = ogi_calloc(n, sizeof(int64_t)),
                 .agency_id = ogi_calloc(n, sizeof(int64_t))};
    int rc = b.order && b.flags && b.doc_id && b.agency_id
                 ? ogi__db_ensure_connected(self)
                 : ogi__db_fail_rc(self, OGI_ENOMEM, "store batch");
    if (rc == 0) {
        for (size_t i = 0; i < n; i++)
            b.order[i] = (slot_t){ogi__db_item_key(&items[i]), i};
        qsort(b.order, n, sizeof(slot_t), slot_cmp);
        rc = ogi__db_command(self, "begin transaction", "BEGIN");
    }
    if (rc == 0)
        rc = store_batch(self, &b, supersedes);
    if (rc == 0)
        rc = find_resent(self, &b);
    if (rc == 0)
        rc = ogi__db_command(self, "commit batch", "COMMIT");
    if (rc)
        ogi__db_rollback(self);
    else
        set_outcomes(&b, outcomes);
    ogi_free(b.doc_id);
    ogi_free(b.agency_id);
    ogi_free(b.order);
    ogi_free(b.flags);
    return rc;
}

/* The reports a reparse replaces go, with their cross-year findings
 * (cascade); the (agency, year) pairs they leave are answered so that
 * their current reports are chosen again. */
static const char sql_unstore[] =
    "WITH d AS (DELETE FROM records WHERE id = ANY ($1::bigint[])"
    " RETURNING agency_id, year),"
    " x AS (DELETE FROM rejections WHERE id = ANY ($1::bigint[]))"
    " SELECT DISTINCT agency_id, year FROM d"
    " WHERE agency_id IS NOT NULL AND year IS NOT NULL";

/* One report left in each of those pairs that no new report is in (the
 * batch's own pairs were chosen again by store_batch): enough to name the
 * pair to ogi__db_current_update and ogi__db_cross_update. */
static const char sql_left[] =
    "SELECT DISTINCT ON (r.agency_id, r.year) r.id, r.agency_id"
    " FROM records r"
    " JOIN unnest($1::bigint[], $2::int4[]) AS p(agency_id, year)"
    " USING (agency_id, year)"
    " WHERE NOT (r.id = ANY ($3::bigint[]))"
    " AND NOT EXISTS (SELECT FROM records n WHERE n.id = ANY ($3::bigint[])"
    " AND n.agency_id = p.agency_id AND n.year = p.year)"
    " ORDER BY r.agency_id, r.year, r.id";

/* Chooses again the current report of the pairs the replaced reports
 * were in (res: agency_id, year) among the reports left there. */
static int
reelect(ogi_db_t *db, PGresult *pairs, const char *ids)
{
    ogi__buf_t ag = {0}, yr = {0};
    for (int r = 0; r < PQntuples(pairs); r++) {
        ogi__buf_text_elem(&ag, PQgetvalue(pairs, r, 0));
        ogi__buf_text_elem(&yr, PQgetvalue(pairs, r, 1));
    }
    const char *p[3] = {ogi__buf_text_end(&ag), ogi__buf_text_end(&yr), ids};
    PGresult *res = NULL;
    int rc = p[0] && p[1] ? 0 : ogi__db_fail_rc(db, OGI_ENOMEM, "reparse");
    if (rc == 0 && PQntuples(pairs) > 0)
        rc = ogi__db_run(db, "reparse", sql_left, 3, p, NULL, NULL,
                         PGRES_TUPLES_OK, &res);
    size_t n = res ? (size_t)PQntuples(res) : 0;
    int64_t *doc = n ? ogi_calloc(n, sizeof(*doc)) : NULL;
    int64_t *agency = n ? ogi_calloc(n, sizeof(*agency)) : NULL;
    ogi_db_item_t *items = n ? ogi_calloc(n, sizeof(*items)) : NULL;
    if (n && (!doc || !agency || !items))
        rc = ogi__db_fail_rc(db, OGI_ENOMEM, "reparse");
    for (size_t i = 0; rc == 0 && i < n; i++) {
        doc[i] = strtoll(PQgetvalue(res, (int)i, 0), NULL, 10);
        agency[i] = strtoll(PQgetvalue(res, (int)i, 1), NULL, 10);
    }
    if (rc == 0 && n)
        rc = ogi__db_current_update(db, items, n, doc, agency, NULL);
    if (rc == 0 && n)
        rc = ogi__db_cross_update(db, doc, agency, n);
    ogi_free(doc);
    ogi_free(agency);
    ogi_free(items);
    PQclear(res);
    ogi__buf_fini(&ag);
    ogi__buf_fini(&yr);
    return rc;
}

static const char sql_progress[] =
    "UPDATE reparse_runs SET last_id = $2::bigint,"
    " documents = documents + $3::bigint WHERE id = $1::bigint";

int
ogi_db_reparse_batch(ogi_db_t *self, const ogi_db_item_t *items,
                     const int64_t *ids, size_t n, int64_t run_id,
                     int64_t last_id)
{
    assert(self && (items || n == 0) && (ids || n == 0));
    ogi__db_clear_error(self);
    batch_t b = {.items = items,
                 .n = n,
                 .replace = 1,
                 .order = ogi_calloc(n ? n : 1, sizeof(slot_t)),
                 .flags = ogi_calloc(n ? n : 1, 1),
                 .doc_id = ogi_calloc(n ? n : 1, sizeof(int64_t)),
                 .agency_id = ogi_calloc(n ? n : 1, sizeof(int64_t))};
    ogi__buf_t idl = {0};
    int rc = b.order && b.flags && b.doc_id && b.agency_id
                 ? ogi__db_ensure_connected(self)
                 : ogi__db_fail_rc(self, OGI_ENOMEM, "reparse");
    for (size_t i = 0; rc == 0 && i < n; i++) {
        b.order[i] = (slot_t){ogi__db_item_key(&items[i]), i};
        if (!b.order[i].key)
            b.order[i].key = "";
        if (!items[i].report)
            continue; /* not parsed again: its rows stay */
        b.flags[i] = F_NEW;
        b.doc_id[i] = ids[i];
        ogi__buf_int_elem(&idl, ids[i]);
    }
    const char *idp = ogi__buf_text_end(&idl);
    if (rc == 0 && !idp)
        rc = ogi__db_fail_rc(self, OGI_ENOMEM, "reparse");
    if (rc == 0) {
        qsort(b.order, n, sizeof(slot_t), slot_cmp);
        rc = ogi__db_command(self, "begin transaction", "BEGIN");
    }
    PGresult *pairs = NULL;
    if (rc == 0)
        rc = ogi__db_run(self, "reparse", sql_unstore, 1, &idp, NULL, NULL,
                         PGRES_TUPLES_OK, &pairs);
    if (rc == 0)
        rc = store_batch(self, &b, NULL);
    if (rc == 0)
        rc = reelect(self, pairs, idp);
    if (rc == 0 && run_id > 0) {
        char a[24], l[24], c[24];
        snprintf(a, sizeof(a), "%" PRId64, run_id);
        snprintf(l, sizeof(l), "%" PRId64, last_id);
        snprintf(c, sizeof(c), "%zu", n);
        const char *const p[3] = {a, l, c};
        rc = ogi__db_run(self, "record reparse progress", sql_progress, 3, p,
                         NULL, NULL, PGRES_COMMAND_OK, NULL);
    }
    if (rc == 0)
        rc = ogi__db_command(self, "commit reparse", "COMMIT");
    if (rc)
        ogi__db_rollback(self);
    PQclear(pairs);
    ogi__buf_fini(&idl);
    ogi_free(b.doc_id);
    ogi_free(b.agency_id);
    ogi_free(b.order);
    ogi_free(b.flags);
    return rc;
}
