/*
 * db.h - the PostgreSQL store: migrations and the sink's batch writer.
 *
 * The schema is deploy/sql/NNN_*.sql, embedded into the binary at build
 * time and applied by ogi_db_migrate. Tables (see those files):
 *
 *   documents      raw bytes of every document, keyed by doc_key (lz4)
 *   reports        one parsed record per document: status, metadata, jsonb
 *   active_2019_a20_1 ... active_2021_a20_8, apply, appeal
 *                  the report's tables, one column per skeleton key; a
 *                  blank or missing cell is NULL
 *   findings       every finding of every report
 *   agencies       one agency across years (key "320813:人民政府");
 *                  reports.agency_id and reports.current: one current
 *                  report per (agency, year), view current_reports
 *   dead_letters   poison documents with their raw bytes
 *
 * A batch is written in one transaction; a document already stored is
 * left alone (INSERT ... ON CONFLICT (doc_key) DO NOTHING), so writing a
 * batch again after an unknown outcome is safe. Failures are classified
 * by SQLSTATE (ogi_db_classify): OGI_ERETRY when trying again later can
 * succeed (connection lost, serialization failure, deadlock), OGI_EREJECT
 * when some item's data was refused (the caller bisects the batch to find
 * it), OGI_EIO otherwise. Nothing of a failed batch is stored.
 *
 * One ogi_db_t is one connection: use it from one thread at a time.
 */
#ifndef OGI_DB_H
#define OGI_DB_H

#include <stddef.h>
#include <stdint.h>

#include "ogi/report.h"
#include "ogi/skeleton.h"

typedef struct ogi_db ogi_db_t;

/* What happened to one item of a batch. */
typedef enum {
    OGI_DB_STORED = 1, /* new: document, report, tables, findings written */
    OGI_DB_DUPLICATE,  /* doc_key already stored or dead-lettered (or twice
                          in the batch) by another submission: nothing
                          written for it */
    OGI_DB_REJECTED,   /* new, stored with status rejected (not a report) */
    OGI_DB_POISON,     /* written to dead_letters */
} ogi_db_outcome_t;

/* One document to store. Nothing is copied or kept after the call. */
typedef struct {
    const char *doc_key;        /* 64 lower-case hex digits; NULL: the
                                   report's doc_key */
    const void *raw;            /* the document as received */
    size_t raw_len;             /* its size in bytes */
    const char *source_name;    /* file name as given, or NULL */
    const char *content_type;   /* told from the bytes: "text/plain",
                                   "text/html", "application/pdf", ... */
    const char *encoding;       /* of a text form's bytes: "utf-8",
                                   "gb18030", ...; NULL for the others */
    const ogi_report_t *report; /* parsed and validated, or NULL: poison */
    const char *poison_reason;  /* report == NULL: why it was given up */
    unsigned attempts;          /* report == NULL: times it was tried */
    const char *submission;     /* "producer:sequence" of the submission,
                                   or NULL: a resend of the submission that
                                   stored the document is OGI_DB_STORED
                                   (or REJECTED) again, not DUPLICATE */
    int retry_dead;             /* tried again out of the dead letters
                                   (dead.h): with a report, its dead letter
                                   is deleted in the batch that stores it;
                                   poison again, its dead letter's attempts
                                   go up by one and its reason is replaced
                                   (outcome OGI_DB_POISON) */
} ogi_db_item_t;

/*
 * The conninfo used when none is given, into buf: "" (libpq's PG*
 * environment variables) when PGHOST or PGDATABASE is set, else the
 * private server in its default directory (ogi_cluster_conninfo). Returns 0 or
 * OGI_EINVAL.
 */
int ogi_db_default_conninfo(char *buf, size_t size);

/*
 * Connects to conninfo (a libpq "key=value ..." string or a postgresql://
 * URL; NULL: ogi_db_default_conninfo) with client encoding UTF8. Returns
 * a handle the caller owns (ogi_db_destroy), or NULL with a message in
 * why ("could not connect to database: ...").
 */
ogi_db_t *ogi_db_connect(const char *conninfo, char *why, size_t why_size);

/* Closes the connection, frees the handle, sets *self_p to NULL. Accepts
 * NULL and *self_p == NULL. */
void ogi_db_destroy(ogi_db_t **self_p);

/* The last failure's message ("could not store batch: ..."), or "". Owned
 * by the handle; valid until the next call on it. */
const char *ogi_db_error(const ogi_db_t *self);

/* The last failure's SQLSTATE ("23514"), or "" when there was none. */
const char *ogi_db_sqlstate(const ogi_db_t *self);

/*
 * What a failure with this SQLSTATE means for the caller (style.md §9):
 * OGI_ERETRY for class 08 (connection exception), 40001 (serialization
 * failure), 40P01 (deadlock), class 53 (insufficient resources) and
 * 57P01-57P03 (server shutting down or starting); OGI_EREJECT for class 22
 * (data exception) and 23 (integrity constraint violation); OGI_EIO for
 * anything else, NULL and malformed codes. Pure; thread-safe.
 */
int ogi_db_classify(const char *sqlstate);

/*
 * Applies the embedded migrations not yet applied, in order, each in its
 * own transaction under an advisory lock (concurrent callers wait).
 * *applied (may be NULL) receives how many were applied now. Returns 0,
 * OGI_EIO when a migration fails or an applied one changed since (message
 * in ogi_db_error), or what ogi_db_classify says of the error.
 */
int ogi_db_migrate(ogi_db_t *self, size_t *applied);

/* The number of migrations embedded in this binary. */
size_t ogi_db_migration_count(void);

/* Highest migration applied to the database (0 when none) into *version.
 * Returns 0 or an error code as ogi_db_write_batch. */
int ogi_db_schema_version(ogi_db_t *self, int *version);

/*
 * Writes items[0..n) in one transaction and fills outcomes[0..n). Items
 * with a report store the document (ON CONFLICT (doc_key) DO NOTHING) and,
 * when it is new, the report, its tables and its findings; items without
 * one go to dead_letters unless their doc_key is already stored. Returns
 * 0 after COMMIT; on failure nothing is stored, outcomes are undefined,
 * and the code says what to do: OGI_ERETRY (try the batch again later;
 * the handle reconnects on the next call), OGI_EREJECT (some item's data
 * was refused: split the batch), OGI_EIO, OGI_ENOMEM, OGI_EINVAL (an item
 * without doc_key).
 */
int ogi_db_write_batch(ogi_db_t *self, const ogi_db_item_t *items, size_t n,
                       ogi_db_outcome_t *outcomes);

/*
 * As ogi_db_write_batch, and keeps one current report per (agency, year)
 * (deploy/sql/007_agencies.sql): when supersedes is not NULL,
 * supersedes[i] receives the doc_key of the report that was current for
 * item i's (agency, year) before this batch, when item i is a new report
 * of that pair from another document (a revision), else "". Whether the
 * revision became current depends on its published_on.
 */
int ogi_db_write_batch_rev(ogi_db_t *self, const ogi_db_item_t *items, size_t n,
                           ogi_db_outcome_t *outcomes, char (*supersedes)[65]);

/*
 * Replaces the stored reports of documents ids[0..n) (documents.id) with
 * items[i].report, parsed again (ogi reparse), in one transaction: the
 * old record or rejection goes, the new one is written with the same id,
 * the current report of every (agency, year) the old and new reports are
 * in is chosen again, and their cross-year findings made again. An item
 * without a report keeps its stored rows. When run_id > 0, the run's
 * progress (reparse_runs: last_id, and n more documents) is recorded in
 * the same transaction. Returns 0 or an error code as ogi_db_write_batch.
 */
int ogi_db_reparse_batch(ogi_db_t *self, const ogi_db_item_t *items,
                         const int64_t *ids, size_t n, int64_t run_id,
                         int64_t last_id);

/* Which stored documents `ogi reparse` parses again. */
typedef struct {
    int all;            /* every one, not only those of another version */
    int year;           /* reports on this year only; 0: any */
    const char *agency; /* this agency key only; NULL: any */
} ogi_db_reparse_sel_t;

/* A stored document, as ogi_db_reparse_fetch gives it (malloc'd). */
typedef struct {
    int64_t id;
    char doc_key[65];
    void *raw;
    size_t raw_len;
    char *source_name; /* or NULL */
} ogi_db_doc_t;

/*
 * Starts a reparse run of sel for this binary's parser version, or
 * resumes the newest unfinished run of the same selection: *run_id, the
 * last document id it finished (*after, 0 for a new run), the documents
 * still to do (*todo) and whether it resumed. Returns 0 or an error code
 * as ogi_db_write_batch.
 */
int ogi_db_reparse_begin(ogi_db_t *self, const ogi_db_reparse_sel_t *sel,
                         int64_t *run_id, int64_t *after, int64_t *todo,
                         int *resumed);

/* Up to max documents of sel with id > after, in id order, into *docs
 * (*n of them; free with ogi_db_docs_free). */
int ogi_db_reparse_fetch(ogi_db_t *self, const ogi_db_reparse_sel_t *sel,
                         int64_t after, size_t max, ogi_db_doc_t **docs,
                         size_t *n);
void ogi_db_docs_free(ogi_db_doc_t *docs, size_t n);

/* Marks the run finished. */
int ogi_db_reparse_finish(ogi_db_t *self, int64_t run_id);

/* The number of stored documents into *count. Returns 0 or an error code
 * as ogi_db_write_batch. */
int ogi_db_count_documents(ogi_db_t *self, int64_t *count);

/* "stored", "duplicate", "rejected", "poison". */
const char *ogi_db_outcome_name(ogi_db_outcome_t outcome);

/* The SQL table holding table id of the skeleton ("apply",
 * "active_2019_a20_5"), and the name of its row-key column ("row_key";
 * "block" for appeal). */
const char *ogi_db_table_name(ogi_table_id_t id);
/*
 * The SQL of deploy/sql/009_cells.sql, generated from the skeleton: the
 * labels table (every cell of both formats, its printed labels, its slot
 * in records.cells / records.amounts) and the view of each table. A
 * string the caller frees with free(), or NULL when memory ran out.
 */
char *ogi_db_cells_sql(void);
const char *ogi_db_row_column(ogi_table_id_t id);

#endif /* OGI_DB_H */
