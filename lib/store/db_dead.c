/*
 * db_dead.c - the dead letters (dead.h): listing and finding them, and
 * the batch writer's hook for the documents tried again out of them
 * (db_dead_int.h).
 *
 * Every statement is constant text with $n parameters. A doc_key prefix
 * is checked to be hex and compared with left(), never LIKE, so that no
 * character of it means anything to SQL. Results are read as text; the
 * raw bytes, when asked for, come hex-encoded and are decoded here.
 */
#include "ogi_int.h"

#include <ctype.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_buf_int.h"
#include "db_dead_int.h"
#include "db_int.h"
#include "ogi/dead.h"
#include "ogi/error.h"

/* The columns every read selects, in this order; then raw when asked. */
#define DEAD_COLUMNS                                                           \
    "SELECT id::text, doc_key,"                                                \
    " to_char(created_at AT TIME ZONE 'UTC', "                                 \
    "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"                                       \
    " attempts::text, reason, content_type, source_name,"                      \
    " octet_length(raw)::text"

/* Row r of a DEAD_COLUMNS result into d; returns 0 or OGI_ENOMEM. */
static int
read_row(const PGresult *res, int r, ogi_dead_letter_t *d)
{
    memset(d, 0, sizeof(*d));
    d->id = strtoll(PQgetvalue(res, r, 0), NULL, 10);
    snprintf(d->doc_key, sizeof(d->doc_key), "%s", PQgetvalue(res, r, 1));
    snprintf(d->created_at, sizeof(d->created_at), "%s", PQgetvalue(res, r, 2));
    d->attempts = atoi(PQgetvalue(res, r, 3));
    d->reason = ogi__db_dup_value(res, r, 4);
    d->content_type = ogi__db_dup_value(res, r, 5);
    d->source_name = ogi__db_dup_value(res, r, 6);
    d->raw_len = (size_t)strtoull(PQgetvalue(res, r, 7), NULL, 10);
    d->whole = 1;
    if (!d->reason || (!PQgetisnull(res, r, 5) && !d->content_type) ||
        (!PQgetisnull(res, r, 6) && !d->source_name)) {
        ogi_dead_letter_fini(d);
        return OGI_ENOMEM;
    }
    return 0;
}

/* Every row of a DEAD_COLUMNS result into *out. */
static int
read_rows(ogi_db_t *db, const char *what, const PGresult *res,
          ogi_dead_list_t *out)
{
    int n = PQntuples(res);
    if (n == 0)
        return 0;
    out->v = ogi_calloc((size_t)n, sizeof(*out->v));
    if (!out->v)
        return ogi__db_fail_rc(db, OGI_ENOMEM, what);
    for (int r = 0; r < n; r++) {
        if (read_row(res, r, &out->v[r]) != 0) {
            ogi_dead_list_fini(out);
            return ogi__db_fail_rc(db, OGI_ENOMEM, what);
        }
        out->n++;
    }
    return 0;
}

int
ogi_dead_list(ogi_db_t *db, const ogi_dead_filter_t *f, ogi_dead_list_t *out)
{
    static const char sql[] = DEAD_COLUMNS
        " FROM dead_letters"
        " WHERE ($1::timestamptz IS NULL OR created_at >= $1::timestamptz)"
        "  AND ($2::text IS NULL OR strpos(lower(reason), lower($2)) > 0)"
        " ORDER BY created_at, id";
    assert(db && out);
    memset(out, 0, sizeof(*out));
    ogi__db_clear_error(db);
    int rc = ogi__db_ensure_connected(db);
    if (rc)
        return rc;
    const char *p[2] = {f && f->since && *f->since ? f->since : NULL,
                        f && f->reason && *f->reason ? f->reason : NULL};
    PGresult *res = NULL;
    rc = ogi__db_run(db, "list dead letters", sql, 2, p, NULL, NULL,
                     PGRES_TUPLES_OK, &res);
    if (rc == OGI_EREJECT) /* a since that is no time */
        rc = OGI_EINVAL;
    if (rc == 0)
        rc = read_rows(db, "list dead letters", res, out);
    PQclear(res);
    return rc;
}

/* ref as a doc_key prefix, lower-cased into key; 0 when it is one. */
static int
key_prefix(const char *ref, char key[65])
{
    size_t n = strlen(ref);
    if (n < 4 || n > 64)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (!isxdigit((unsigned char)ref[i]))
            return -1;
        key[i] = (char)tolower((unsigned char)ref[i]);
    }
    key[n] = '\0';
    return 0;
}

/* The dead letters sql (one parameter: arg) answers, at most 2. */
static int
find_by(ogi_db_t *db, const char *sql, const char *arg, PGresult **res)
{
    const char *p[1] = {arg};
    return ogi__db_run(db, "find dead letter", sql, 1, p, NULL, NULL,
                       PGRES_TUPLES_OK, res);
}

int
ogi_dead_find(ogi_db_t *db, const char *ref, int with_raw,
              ogi_dead_letter_t *out)
{
    static const char by_id[] =
        DEAD_COLUMNS ", encode(sha256(raw), 'hex') = doc_key, NULL::bytea"
                     " FROM dead_letters WHERE id = $1::bigint";
    static const char by_id_raw[] =
        DEAD_COLUMNS ", encode(sha256(raw), 'hex') = doc_key, raw"
                     " FROM dead_letters WHERE id = $1::bigint";
    static const char by_key[] =
        DEAD_COLUMNS ", encode(sha256(raw), 'hex') = doc_key, NULL::bytea"
                     " FROM dead_letters WHERE left(doc_key, length($1)) = $1"
                     " ORDER BY doc_key LIMIT 2";
    static const char by_key_raw[] =
        DEAD_COLUMNS ", encode(sha256(raw), 'hex') = doc_key, raw"
                     " FROM dead_letters WHERE left(doc_key, length($1)) = $1"
                     " ORDER BY doc_key LIMIT 2";
    assert(db && ref && out);
    memset(out, 0, sizeof(*out));
    ogi__db_clear_error(db);
    int rc = ogi__db_ensure_connected(db);
    if (rc)
        return rc;
    char key[65];
    size_t digits = strspn(ref, "0123456789");
    int is_id = *ref && ref[digits] == '\0' && digits <= 18;
    int is_key = key_prefix(ref, key) == 0;
    if (!is_id && !is_key)
        return ogi__db_failf(db, OGI_EINVAL,
                             "\"%s\" is neither a dead letter's id nor the "
                             "start of a doc_key (4 to 64 hex digits)",
                             ref);
    PGresult *res = NULL;
    if (is_id) {
        rc = find_by(db, with_raw ? by_id_raw : by_id, ref, &res);
        if (rc == 0 && PQntuples(res) == 0 && is_key) {
            PQclear(res);
            res = NULL;
            is_id = 0;
        }
    }
    if (rc == 0 && !is_id)
        rc = find_by(db, with_raw ? by_key_raw : by_key, key, &res);
    if (rc)
        goto out;
    if (PQntuples(res) == 0) {
        rc = ogi__db_failf(db, OGI_EINVAL, "no dead letter \"%s\"", ref);
        goto out;
    }
    if (PQntuples(res) > 1) {
        rc = ogi__db_failf(db, OGI_EINVAL,
                           "\"%s\" is the start of several dead letters' "
                           "doc_keys: give more of it",
                           ref);
        goto out;
    }
    if (read_row(res, 0, out) != 0) {
        rc = ogi__db_fail_rc(db, OGI_ENOMEM, "find dead letter");
        goto out;
    }
    out->whole = strcmp(PQgetvalue(res, 0, 8), "t") == 0;
    if (with_raw) {
        size_t n = 0;
        unsigned char *bytes =
            PQunescapeBytea((const unsigned char *)PQgetvalue(res, 0, 9), &n);
        out->raw = bytes ? ogi_malloc(n ? n : 1) : NULL;
        if (!out->raw) {
            PQfreemem(bytes);
            ogi_dead_letter_fini(out);
            rc = ogi__db_fail_rc(db, OGI_ENOMEM, "find dead letter");
            goto out;
        }
        memcpy(out->raw, bytes, n);
        PQfreemem(bytes);
        out->raw_len = n;
    }
out:
    PQclear(res);
    return rc;
}

int
ogi_dead_still(ogi_db_t *db, const char *const *keys, size_t n,
               ogi_dead_list_t *out)
{
    static const char sql[] = DEAD_COLUMNS
        " FROM dead_letters WHERE doc_key = ANY ($1::text[]) ORDER BY id";
    assert(db && (keys || n == 0) && out);
    memset(out, 0, sizeof(*out));
    ogi__db_clear_error(db);
    if (n == 0)
        return 0;
    int rc = ogi__db_ensure_connected(db);
    if (rc)
        return rc;
    ogi__buf_t b = {0};
    for (size_t i = 0; i < n; i++)
        ogi__buf_text_elem(&b, keys[i]);
    const char *p[1] = {ogi__buf_text_end(&b)};
    PGresult *res = NULL;
    if (!p[0])
        rc = ogi__db_fail_rc(db, OGI_ENOMEM, "find dead letters");
    else
        rc = ogi__db_run(db, "find dead letters", sql, 1, p, NULL, NULL,
                         PGRES_TUPLES_OK, &res);
    if (rc == 0)
        rc = read_rows(db, "find dead letters", res, out);
    PQclear(res);
    ogi__buf_fini(&b);
    return rc;
}

void
ogi_dead_letter_fini(ogi_dead_letter_t *d)
{
    if (!d)
        return;
    ogi_free(d->reason);
    ogi_free(d->content_type);
    ogi_free(d->source_name);
    ogi_free(d->raw);
    memset(d, 0, sizeof(*d));
}

void
ogi_dead_list_fini(ogi_dead_list_t *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        ogi_dead_letter_fini(&l->v[i]);
    ogi_free(l->v);
    l->v = NULL;
    l->n = 0;
}

/* ---- the batch writer's hook ---- */

int
ogi__db_dead_retried(ogi_db_t *db, const ogi_db_item_t *items, size_t n,
                     uint8_t *flags, uint8_t poison_flag)
{
    /* stored now or before: the document has left the dead letters */
    static const char sql_delete[] =
        "DELETE FROM dead_letters WHERE doc_key = ANY ($1::text[])";
    /* dead again: one more attempt, and why this time */
    static const char sql_update[] =
        "UPDATE dead_letters d SET attempts = d.attempts + 1,"
        " reason = u.reason"
        " FROM unnest($1::text[], $2::text[]) AS u(doc_key, reason)"
        " WHERE d.doc_key = u.doc_key RETURNING d.doc_key";
    ogi__buf_t gone = {0}, again = {0}, why = {0};
    size_t ngone = 0, nagain = 0;
    for (size_t i = 0; i < n; i++) {
        const ogi_db_item_t *it = &items[i];
        if (!it->retry_dead)
            continue;
        if (it->report) {
            ogi__buf_text_elem(&gone, ogi__db_item_key(it));
            ngone++;
        } else if (!(flags[i] & poison_flag)) {
            ogi__buf_text_elem(&again, ogi__db_item_key(it));
            ogi__buf_text_elem(&why, it->poison_reason ? it->poison_reason
                                                       : "poison");
            nagain++;
        }
    }
    const char *pg[1] = {ogi__buf_text_end(&gone)};
    const char *pa[2] = {ogi__buf_text_end(&again), ogi__buf_text_end(&why)};
    int rc = 0;
    PGresult *res = NULL;
    if (!pg[0] || !pa[0] || !pa[1])
        rc = ogi__db_fail_rc(db, OGI_ENOMEM, "settle retried dead letters");
    if (rc == 0 && ngone)
        rc = ogi__db_run(db, "delete retried dead letters", sql_delete, 1, pg,
                         NULL, NULL, PGRES_COMMAND_OK, NULL);
    if (rc == 0 && nagain)
        rc = ogi__db_run(db, "count a dead letter's attempt", sql_update, 2, pa,
                         NULL, NULL, PGRES_TUPLES_OK, &res);
    for (int r = 0; rc == 0 && res && r < PQntuples(res); r++) {
        const char *key = PQgetvalue(res, r, 0);
        for (size_t i = 0; i < n; i++)
            if (items[i].retry_dead && !items[i].report &&
                strcmp(ogi__db_item_key(&items[i]), key) == 0)
                flags[i] |= poison_flag;
    }
    PQclear(res);
    ogi__buf_fini(&gone);
    ogi__buf_fini(&again);
    ogi__buf_fini(&why);
    return rc;
}
