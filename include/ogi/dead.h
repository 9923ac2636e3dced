/*
 * dead.h - the dead letters: documents the pipeline gave up on (a
 * converter that crashed, workers lost, a record the database refused, a
 * document above the size limit), kept with their raw bytes in the table
 * dead_letters (deploy/sql/002_store.sql) so that they can be read and
 * tried again after a fix or a parser upgrade (`ogi dead-letters`).
 *
 * Reading them is here; trying one again goes through the pipeline like
 * any document, with ogi_db_item_t.retry_dead set (db.h): the batch that
 * stores the document deletes its dead letter in the same transaction,
 * and one that dead-letters it again adds one to its attempts and keeps
 * the new reason.
 *
 * Every function takes a connected handle (ogi_db_connect), records a
 * failure in it (ogi_db_error) and returns 0 or an error code as
 * ogi_db_write_batch does. Not thread-safe on one handle.
 */
#ifndef OGI_DEAD_H
#define OGI_DEAD_H

#include <stddef.h>
#include <stdint.h>

#include "ogi/db.h"

/* One dead letter. The strings and raw are the caller's after a call that
 * fills it: free them with ogi_dead_letter_fini. */
typedef struct {
    int64_t id;          /* dead_letters.id */
    char doc_key[65];    /* SHA-256 (hex) of the whole document */
    char created_at[32]; /* when it was dead-lettered, UTC:
                            "2026-12-05T21:47:46Z" */
    int attempts;        /* times it was tried */
    char *reason;        /* why it was given up on (the last reason) */
    char *content_type;  /* the form told from its bytes, or NULL */
    char *source_name;   /* file name as submitted, or NULL */
    size_t raw_len;      /* bytes kept */
    int whole;           /* raw is the whole document (doc_key is its
                            SHA-256); 0: only the head of a document above
                            the size limit, which no retry can parse
                            (told by ogi_dead_find; a list says 1) */
    void *raw;           /* the bytes kept, when asked for, else NULL */
} ogi_dead_letter_t;

/* Dead letters, oldest first. */
typedef struct {
    ogi_dead_letter_t *v; /* v[0..n), the caller's (ogi_dead_list_fini) */
    size_t n;
} ogi_dead_list_t;

/* Which dead letters a list takes; NULL or "" fields take all. */
typedef struct {
    const char *since;  /* created at or after this PostgreSQL timestamptz
                           ("2026-12-05", "2026-12-05 10:00+08") */
    const char *reason; /* reason contains this text (any letter case) */
} ogi_dead_filter_t;

/*
 * The dead letters f takes (f may be NULL), without their bytes, into
 * *out (emptied first). Returns 0; OGI_EINVAL when since is no time (the
 * message says so); or an error code as ogi_db_write_batch.
 */
int ogi_dead_list(ogi_db_t *db, const ogi_dead_filter_t *f,
                  ogi_dead_list_t *out);

/*
 * The dead letter ref names into *out: its id ("17"), or a doc_key or the
 * start of one (at least 4 hex digits) that names only one; with_raw:
 * its bytes too. A ref of digits is an id first, then a doc_key prefix.
 * Returns 0; OGI_EINVAL when it names none or several (the message says
 * which); or an error code as ogi_db_write_batch.
 */
int ogi_dead_find(ogi_db_t *db, const char *ref, int with_raw,
                  ogi_dead_letter_t *out);

/*
 * The dead letters with these doc_keys that are still there, into *out
 * (emptied first), without their bytes: what a retry left. Returns 0 or
 * an error code as ogi_db_write_batch.
 */
int ogi_dead_still(ogi_db_t *db, const char *const *keys, size_t n,
                   ogi_dead_list_t *out);

/* Frees what a dead letter holds and zeroes it. Accepts NULL. */
void ogi_dead_letter_fini(ogi_dead_letter_t *d);

/* Frees a list's letters and array and empties it. Accepts NULL. */
void ogi_dead_list_fini(ogi_dead_list_t *l);

#endif /* OGI_DEAD_H */
