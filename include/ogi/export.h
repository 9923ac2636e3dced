/*
 * export.h - the reporting views and tables out of the database, as CSV
 * (UTF-8 with a byte order mark, RFC 4180) or JSON lines.
 *
 * Only the relations on a fixed list can be exported (ogi_export_views):
 * the reporting views of deploy/sql/011_reporting.sql, reports,
 * current_reports and the report's tables. A name is never put into SQL
 * unless it is on that list; filters are statement parameters.
 */
#ifndef OGI_EXPORT_H
#define OGI_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "ogi/db.h"

typedef enum {
    OGI_EXPORT_CSV = 1, /* header row, CRLF line ends, BOM first */
    OGI_EXPORT_JSONL,   /* one JSON object per row, LF line ends */
} ogi_export_format_t;

/* Which rows: each member narrows; all unset exports every row. */
typedef struct {
    int year;             /* the year reported on; 0: every year */
    const char *province; /* "江苏省", or its start "江苏"; NULL: every one */
    const char *division; /* a 6-digit division code: that division and
                             those under it (320800: 淮安市 and its
                             counties; 320000: all of 江苏省); NULL: all */
} ogi_export_filter_t;

/* The relations that can be exported, in a fixed order; *n receives how
 * many. Static storage; thread-safe. */
const char *const *ogi_export_views(size_t *n);

/* 1 when view is on the list, else 0. */
int ogi_export_known(const char *view);

/*
 * The LIKE pattern for a division code into buf (size >= 8): "32%" for a
 * province (NN0000), "3208%" for a prefecture (NNNN00), the code itself
 * for a county, "000000" for national bodies. Returns 0, or OGI_EINVAL
 * when code is not six digits.
 */
int ogi_export_division_pattern(const char *code, char *buf, size_t size);

/*
 * Writes the rows of view that pass filter (NULL: all) to out in format,
 * in a stable order, streaming them from the server one at a time.
 * *rows (may be NULL) receives how many were written. Returns 0;
 * OGI_ENOTFOUND when view is not on the list; OGI_EINVAL for a bad
 * filter; OGI_EIO when writing to out failed; or a database failure as
 * ogi_db_classify says (message in ogi_db_error).
 */
int ogi_export_write(ogi_db_t *db, const char *view,
                     const ogi_export_filter_t *filter,
                     ogi_export_format_t format, FILE *out, size_t *rows);

/* The UTF-8 byte order mark. Returns 0 or OGI_EIO. */
int ogi_export_csv_bom(FILE *out);

/*
 * One CSV record of n fields and its CRLF (RFC 4180): a field holding a
 * comma, a double quote, CR or LF, or beginning or ending with a space,
 * is quoted, its quotes doubled; a NULL field is empty. Returns 0 or
 * OGI_EIO.
 */
int ogi_export_csv_row(FILE *out, const char *const *fields, size_t n);

#endif /* OGI_EXPORT_H */
