/*
 * db_buf_int.h - private to lib/store: the bytes a batch is sent as. A
 * growing buffer; a binary one-dimensional array parameter (array_recv's
 * format: the rows of documents and dead letters go as arrays, one
 * parameter per column); and a COPY FROM STDIN in text format (the rows of
 * reports, findings and the typed tables), sent in pieces while the next
 * rows are made.
 */
#ifndef OGI_DB_BUF_INT_H
#define OGI_DB_BUF_INT_H

#include <stddef.h>
#include <stdint.h>

#include "ogi/db.h"
#include "ogi/report.h"
#include "ogi/skeleton.h"

typedef struct {
    char *p;    /* NUL-terminated contents, or NULL */
    size_t len; /* bytes used, NUL excluded */
    size_t cap; /* bytes allocated */
    int oom;    /* an allocation failed: contents are incomplete */
} ogi__buf_t;

/* A binary one-dimensional array parameter (array_recv's format). */
typedef struct {
    ogi__buf_t b; /* header then elements */
    uint32_t n;   /* elements */
    int has_null; /* some element is NULL */
} ogi__barr_t;

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
    ogi__buf_t b;     /* rows not sent yet */
    int started;      /* the server is in COPY IN */
    int rc;           /* the first failure: nothing more is sent */
} ogi__copy_t;

void ogi__buf_put(ogi__buf_t *b, const void *s, size_t n);
void ogi__buf_puts(ogi__buf_t *b, const char *s);
void ogi__buf_u32(ogi__buf_t *b, uint32_t v);
void ogi__buf_fini(ogi__buf_t *b);
/* value * 10^-scale as exact decimal text ("-12.50") into b. Returns 0,
 * or -1 with nothing written when it would not fit numeric(20,6). */
int ogi__buf_decimal(ogi__buf_t *b, int64_t value, unsigned scale);
void ogi__barr_start(ogi__barr_t *a, uint32_t elem_oid);
void ogi__barr_add(ogi__barr_t *a, const void *p, size_t len);
void ogi__barr_add_str(ogi__barr_t *a, const char *s);
void ogi__barr_add_int4(ogi__barr_t *a, int32_t v);
void ogi__barr_finish(ogi__barr_t *a);

void ogi__copy_init(ogi__copy_t *c, ogi_db_t *db, const char *what,
                    const char *sql);
/* Begins a row, and the COPY at the first one. Returns 0 when the row
 * may be written. */
int ogi__copy_row(ogi__copy_t *c);
void ogi__copy_send(ogi__copy_t *c);
void ogi__copy_end_row(ogi__copy_t *c);
/* A text field, NULL as \N; backslash, tab, newline and CR escaped. */
void ogi__copy_text(ogi__copy_t *c, const char *s);
void ogi__copy_int(ogi__copy_t *c, int64_t v);
/*
 * A cell: NULL unless it holds a number. Integer columns take a number
 * printed with decimals only when it is whole ("12.00"); otherwise the
 * cell is NULL here (the record keeps it, and V1 reports it). An amount
 * too large for its column is NULL too.
 */
void ogi__copy_cell(ogi__copy_t *c, const ogi_cell_t *cell, ogi_vtype_t type);
/* The cell's value as ogi__copy_cell writes it, into b; returns 0 with
 * nothing written when the column takes NULL. */
int ogi__cell_text(ogi__buf_t *b, const ogi_cell_t *cell, ogi_vtype_t type);
/*
 * Ends the COPY and frees its buffer. Returns 0 when its rows are in the
 * table; after a failure the COPY is abandoned and the first error kept.
 */
int ogi__copy_finish(ogi__copy_t *c);

/* A text array parameter in literal form ({"a","b",NULL}): one element
 * (s NULL is NULL), then the end, which gives the literal (NULL when
 * memory ran out). The buffer starts empty. */
void ogi__buf_text_elem(ogi__buf_t *b, const char *s);
/* An integer element of such a literal (a bigint[] of ids). */
void ogi__buf_int_elem(ogi__buf_t *b, int64_t v);
const char *ogi__buf_text_end(ogi__buf_t *b);

#endif /* OGI_DB_BUF_INT_H */
