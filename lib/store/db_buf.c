/* db_buf.c - buffers, binary array parameters and COPY rows (db_buf_int.h). */
#include "ogi_int.h"

#include <inttypes.h>
#include <libpq-fe.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "db_buf_int.h"
#include "db_int.h"
#include "ogi/alloc.h"
#include "ogi/error.h"

/* ---- buffers: text and binary arrays ---- */

void
ogi__buf_put(ogi__buf_t *b, const void *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = ogi_realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void
ogi__buf_puts(ogi__buf_t *b, const char *s)
{
    ogi__buf_put(b, s, strlen(s));
}

void
ogi__buf_u32(ogi__buf_t *b, uint32_t v)
{
    unsigned char c[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 8), (unsigned char)v};
    ogi__buf_put(b, c, 4);
}

void
ogi__buf_fini(ogi__buf_t *b)
{
    ogi_free(b->p);
    memset(b, 0, sizeof(*b));
}

/* numeric(20,6) holds 14 digits before the point. */
#define AMOUNT_INT_DIGITS 14

/* value * 10^-scale as exact decimal text ("-12.50") into b. Returns 0,
 * or -1 with nothing written when it would not fit numeric(20,6). */
int
ogi__buf_decimal(ogi__buf_t *b, int64_t value, unsigned scale)
{
    char d[24];
    uint64_t u = value < 0 ? 0 - (uint64_t)value : (uint64_t)value;
    int n = snprintf(d, sizeof(d), "%" PRIu64, u);
    if (n - (int)scale > AMOUNT_INT_DIGITS)
        return -1;
    if (value < 0)
        ogi__buf_put(b, "-", 1);
    if (n <= (int)scale) {
        ogi__buf_puts(b, "0.");
        for (int i = n; i < (int)scale; i++)
            ogi__buf_put(b, "0", 1);
        ogi__buf_put(b, d, (size_t)n);
    } else {
        ogi__buf_put(b, d, (size_t)n - scale);
        if (scale) {
            ogi__buf_put(b, ".", 1);
            ogi__buf_put(b, d + n - scale, scale);
        }
    }
    return 0;
}

void
ogi__barr_start(ogi__barr_t *a, uint32_t elem_oid)
{
    a->b.len = 0;
    a->n = 0;
    a->has_null = 0;
    ogi__buf_u32(&a->b, 1);        /* dimensions */
    ogi__buf_u32(&a->b, 0);        /* has nulls (patched) */
    ogi__buf_u32(&a->b, elem_oid); /* element type */
    ogi__buf_u32(&a->b, 0);        /* length (patched) */
    ogi__buf_u32(&a->b, 1);        /* lower bound */
}

void
ogi__barr_add(ogi__barr_t *a, const void *p, size_t len)
{
    if (!p) {
        ogi__buf_u32(&a->b, 0xffffffffu); /* -1: NULL */
        a->has_null = 1;
    } else {
        ogi__buf_u32(&a->b, (uint32_t)len);
        ogi__buf_put(&a->b, p, len);
    }
    a->n++;
}

void
ogi__barr_add_str(ogi__barr_t *a, const char *s)
{
    ogi__barr_add(a, s, s ? strlen(s) : 0);
}

void
ogi__barr_add_int4(ogi__barr_t *a, int32_t v)
{
    ogi__buf_u32(&a->b, 4);
    ogi__buf_u32(&a->b, (uint32_t)v);
    a->n++;
}

void
ogi__barr_finish(ogi__barr_t *a)
{
    if (a->b.oom || a->b.len < 20)
        return;
    unsigned char *h = (unsigned char *)a->b.p;
    h[7] = (unsigned char)a->has_null;
    h[12] = (unsigned char)(a->n >> 24);
    h[13] = (unsigned char)(a->n >> 16);
    h[14] = (unsigned char)(a->n >> 8);
    h[15] = (unsigned char)a->n;
}

/* ---- COPY FROM STDIN (text format) for the rows of new documents ---- */

/* Bytes buffered before they are sent: pieces of 16-64 KB keep client
 * and server busy at once; 256 KB made the reports' COPY twice as slow. */
#define COPY_FLUSH (64u << 10)

void
ogi__copy_init(ogi__copy_t *c, ogi_db_t *db, const char *what, const char *sql)
{
    memset(c, 0, sizeof(*c));
    c->db = db;
    c->what = what;
    c->sql = sql;
}

/* Begins a row, and the COPY at the first one. Returns 0 when the row
 * may be written. */
int
ogi__copy_row(ogi__copy_t *c)
{
    if (c->rc == 0 && !c->started) {
        c->rc = ogi__db_run(c->db, c->what, c->sql, 0, NULL, NULL, NULL,
                            PGRES_COPY_IN, NULL);
        c->started = c->rc == 0;
    }
    return c->rc;
}

void
ogi__copy_send(ogi__copy_t *c)
{
    if (c->rc == 0 && c->b.oom)
        c->rc = ogi__db_fail_rc(c->db, OGI_ENOMEM, c->what);
    if (c->rc == 0 && c->b.len > INT32_MAX)
        c->rc = ogi__db_fail_rc(c->db, OGI_ETOOBIG, c->what);
    if (c->rc == 0 && c->b.len > 0 &&
        PQputCopyData(ogi__db_conn(c->db), c->b.p, (int)c->b.len) != 1)
        c->rc = ogi__db_fail(c->db, c->what, NULL);
    c->b.len = 0;
}

void
ogi__copy_end_row(ogi__copy_t *c)
{
    if (c->b.len > 0 && !c->b.oom)
        c->b.p[c->b.len - 1] = '\n';
    if (c->b.len >= COPY_FLUSH)
        ogi__copy_send(c);
}

/* A text field, NULL as \N; backslash, tab, newline and CR escaped. */
void
ogi__copy_text(ogi__copy_t *c, const char *s)
{
    if (!s) {
        ogi__buf_put(&c->b, "\\N\t", 3);
        return;
    }
    for (;;) {
        size_t k = strcspn(s, "\\\t\n\r");
        ogi__buf_put(&c->b, s, k);
        s += k;
        if (!*s)
            break;
        char esc[2] = {'\\', *s == '\t'   ? 't'
                             : *s == '\n' ? 'n'
                             : *s == '\r' ? 'r'
                                          : '\\'};
        ogi__buf_put(&c->b, esc, 2);
        s++;
    }
    ogi__buf_put(&c->b, "\t", 1);
}

/* An integer's digits into b. */
static void
put_int(ogi__buf_t *b, int64_t v)
{
    char s[24], *p = s + sizeof(s);
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        *--p = '-';
    ogi__buf_put(b, p, (size_t)(s + sizeof(s) - p));
}

void
ogi__copy_int(ogi__copy_t *c, int64_t v)
{
    put_int(&c->b, v);
    ogi__buf_put(&c->b, "\t", 1);
}

int
ogi__cell_text(ogi__buf_t *b, const ogi_cell_t *cell, ogi_vtype_t type)
{
    if (!cell || cell->state != OGI_CELL_NUM)
        return 0;
    if (type == OGI_VT_AMOUNT || type == OGI_VT_AMOUNT_WAN)
        return ogi__buf_decimal(b, cell->value, cell->scale) == 0;
    int64_t p = 1;
    for (unsigned i = 0; i < cell->scale && p <= INT64_MAX / 10; i++)
        p *= 10;
    if (cell->scale > 18 || cell->value % p != 0)
        return 0;
    put_int(b, cell->value / p);
    return 1;
}

void
ogi__copy_cell(ogi__copy_t *c, const ogi_cell_t *cell, ogi_vtype_t type)
{
    if (ogi__cell_text(&c->b, cell, type))
        ogi__buf_put(&c->b, "\t", 1);
    else
        ogi__copy_text(c, NULL);
}

/*
 * Ends the COPY and frees its buffer. Returns 0 when its rows are in the
 * table; after a failure the COPY is abandoned and the first error kept.
 */
int
ogi__copy_finish(ogi__copy_t *c)
{
    ogi__copy_send(c);
    int rc = c->rc, tries = 0;
    PGconn *conn = ogi__db_conn(c->db);
    PGresult *res;
    if (c->started && PQputCopyEnd(conn, rc ? "abandoned by ogi" : NULL) != 1 &&
        rc == 0)
        rc = ogi__db_fail(c->db, c->what, NULL);
    while (c->started && (res = PQgetResult(conn)) != NULL) {
        ExecStatusType st = PQresultStatus(res);
        if (st != PGRES_COPY_IN && st != PGRES_COMMAND_OK && rc == 0)
            rc = ogi__db_fail(c->db, c->what, res);
        PQclear(res);
        if (st != PGRES_COPY_IN)
            continue;
        if (++tries > 3) { /* the end cannot be sent: start afresh */
            PQreset(conn); /* the server rolls the transaction back */
            if (rc == 0)
                rc = ogi__db_fail_rc(c->db, OGI_ERETRY, c->what);
            break;
        }
        PQputCopyEnd(conn, "abandoned by ogi");
    }
    ogi__buf_fini(&c->b);
    return rc;
}

/* ---- text array literals: {"a","b",NULL} ---- */

void
ogi__buf_text_elem(ogi__buf_t *b, const char *s)
{
    ogi__buf_put(b, b->len ? "," : "{", 1);
    if (!s) {
        ogi__buf_put(b, "NULL", 4);
        return;
    }
    ogi__buf_put(b, "\"", 1);
    for (;;) {
        size_t k = strcspn(s, "\"\\");
        ogi__buf_put(b, s, k);
        s += k;
        if (!*s)
            break;
        char esc[2] = {'\\', *s++};
        ogi__buf_put(b, esc, 2);
    }
    ogi__buf_put(b, "\"", 1);
}

void
ogi__buf_int_elem(ogi__buf_t *b, int64_t v)
{
    ogi__buf_put(b, b->len ? "," : "{", 1);
    put_int(b, v);
}

const char *
ogi__buf_text_end(ogi__buf_t *b)
{
    ogi__buf_put(b, b->len ? "}" : "{}", b->len ? 1 : 2);
    return b->oom ? NULL : b->p;
}
