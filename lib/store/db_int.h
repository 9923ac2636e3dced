/*
 * db_int.h - private to lib/store/db.c: the migrations embedded at build time.
 *
 * The Makefile turns deploy/sql/NNN_*.sql, in name order, into
 * build/gen/migrations.c (byte arrays, so no string-length limits apply).
 */
#ifndef OGI_DB_INT_H
#define OGI_DB_INT_H

#include <stddef.h>

typedef struct {
    const char *name; /* "002_store.sql" */
    const char *sql;  /* its text, NUL-terminated */
    size_t len;       /* strlen(sql) */
} ogi__migration_t;

extern const ogi__migration_t ogi__migrations[];
extern const size_t ogi__nmigrations;

#endif /* OGI_DB_INT_H */
