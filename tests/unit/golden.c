/* golden.c - a record compared cell by cell with a person's golden file. */
#define _POSIX_C_SOURCE 200809L

#include "golden.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi.h"

typedef struct {
    char *buf;
    size_t size, used;
    int n;
} diffs_t;

static void
differ(diffs_t *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
differ(diffs_t *d, const char *fmt, ...)
{
    d->n++;
    if (d->n > 12 || d->used + 2 >= d->size)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(d->buf + d->used, d->size - d->used, fmt, ap);
    va_end(ap);
    if (k > 0)
        d->used += (size_t)k < d->size - d->used ? (size_t)k : d->size - d->used - 1;
    if (d->used + 1 < d->size) {
        d->buf[d->used++] = '\n';
        d->buf[d->used] = '\0';
    }
}

static int
same_value(json_t *want, json_t *got)
{
    if (json_is_null(want) || json_is_null(got))
        return json_is_null(want) && json_is_null(got);
    if (json_is_number(want) && json_is_number(got))
        return fabs(json_number_value(want) - json_number_value(got)) < 1e-6;
    return json_equal(want, got);
}

static char *
show(json_t *v)
{
    return v ? json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT) : strdup("(absent)");
}

static void
cmp_scalar(diffs_t *d, const char *path, json_t *want, json_t *got)
{
    if (got && same_value(want, got))
        return;
    char *w = show(want), *g = show(got);
    differ(d, "%s: want %s, got %s", path, w, g);
    free(w);
    free(g);
}

/* The row object at dotted key under obj (e.g. "denied.state_secret"). */
static json_t *
row_at(json_t *obj, const char *dotted)
{
    char buf[128];
    snprintf(buf, sizeof(buf), "%s", dotted);
    json_t *o = obj;
    for (char *save = NULL, *k = strtok_r(buf, ".", &save); k && o;
         k = strtok_r(NULL, ".", &save))
        o = json_object_get(o, k);
    return o;
}

static void
cmp_row(diffs_t *d, const char *path, json_t *want, json_t *row)
{
    if (!json_is_object(row)) {
        differ(d, "%s: row missing from the record", path);
        return;
    }
    size_t i = 0;
    const char *key;
    json_t *v;
    json_object_foreach(row, key, v)
    {
        if (strcmp(key, "amount_unit") == 0)
            continue;
        char p[192];
        snprintf(p, sizeof(p), "%s.%s", path, key);
        json_t *w = json_array_get(want, i++);
        if (!w) {
            differ(d, "%s: not in the golden row", p);
            continue;
        }
        cmp_scalar(d, p, w, v);
    }
    if (i != json_array_size(want))
        differ(d, "%s: golden has %zu cells, record %zu", path,
               json_array_size(want), i);
}

/* Number of data rows (objects whose values are not objects) under o. */
static size_t
count_rows(json_t *o)
{
    size_t n = 0;
    const char *k;
    json_t *v;
    int leaf = 1;
    json_object_foreach(o, k, v)
    {
        if (json_is_object(v)) {
            leaf = 0;
            n += count_rows(v);
        }
    }
    return leaf ? 1 : n;
}

static void
compare(diffs_t *d, json_t *g, json_t *rec)
{
    json_t *gm = json_object_get(g, "meta"), *rm = json_object_get(rec, "meta");
    const char *k;
    json_t *v;
    if (gm) {
        json_object_foreach(gm, k, v)
        {
            char p[96];
            snprintf(p, sizeof(p), "meta.%s", k);
            if (strcmp(k, "contact") == 0) {
                const char *ck;
                json_t *cv;
                json_t *rc = json_object_get(rm, "contact");
                json_object_foreach(v, ck, cv)
                {
                    snprintf(p, sizeof(p), "meta.contact.%s", ck);
                    cmp_scalar(d, p, cv, json_object_get(rc, ck));
                }
            } else {
                cmp_scalar(d, p, v, json_object_get(rm, k));
            }
        }
    }
    size_t want_rows = 0;
    json_t *ga = json_object_get(g, "active");
    json_t *ra = json_object_get(rec, "active");
    if (ga) {
        json_t *items;
        const char *item;
        json_object_foreach(ga, item, items)
        {
            const char *rk;
            json_t *cells;
            json_object_foreach(items, rk, cells)
            {
                char p[128];
                snprintf(p, sizeof(p), "active.%s.%s", item, rk);
                cmp_row(d, p, cells, row_at(row_at(ra, item), rk));
                want_rows++;
            }
        }
        if (json_object_get(g, "amount_unit")) {
            json_t *row = row_at(ra, "a20_9.central_procurement");
            cmp_scalar(d, "active.a20_9.central_procurement.amount_unit",
                       json_object_get(g, "amount_unit"),
                       row ? json_object_get(row, "amount_unit") : NULL);
        }
    }
    json_t *gp = json_object_get(g, "apply"), *rp = json_object_get(rec, "apply");
    if (gp) {
        json_object_foreach(gp, k, v)
        {
            char p[128];
            snprintf(p, sizeof(p), "apply.%s", k);
            cmp_row(d, p, v, row_at(rp, k));
            want_rows++;
        }
    }
    json_t *g4 = json_object_get(g, "appeal");
    if (g4) {
        json_t *r4 = json_object_get(rec, "appeal");
        static const char *const blocks[] = {"review", "suit_direct",
                                             "suit_after_review"};
        for (size_t b = 0; b < 3; b++) {
            json_t *want = json_array();
            for (size_t i = 0; i < 5; i++)
                json_array_append(want, json_array_get(g4, b * 5 + i));
            char p[64];
            snprintf(p, sizeof(p), "appeal.%s", blocks[b]);
            cmp_row(d, p, want, row_at(r4, blocks[b]));
            json_decref(want);
        }
    }
    if (json_is_true(json_object_get(g, "complete"))) {
        size_t got = (json_is_object(ra) ? count_rows(ra) : 0) +
                     (json_is_object(rp) ? count_rows(rp) : 0);
        if (got != want_rows)
            differ(d, "record has %zu Table 2/3 rows, golden %zu", got,
                   want_rows);
    }
    json_t *gs = json_object_get(g, "sections");
    if (gs) {
        json_t *rs = json_object_get(rec, "sections");
        if (json_array_size(gs) != json_array_size(rs))
            differ(d, "sections: golden has %zu, record %zu",
                   json_array_size(gs), json_array_size(rs));
        size_t i;
        json_array_foreach(gs, i, v)
        {
            json_t *r = NULL, *x;
            size_t j;
            json_array_foreach(rs, j, x) if (json_equal(json_object_get(x, "no"),
                                                        json_object_get(v, "no")))
                r = x;
            char p[64];
            snprintf(p, sizeof(p), "sections[no=%lld]",
                     (long long)json_integer_value(json_object_get(v, "no")));
            if (!r) {
                differ(d, "%s: missing", p);
                continue;
            }
            cmp_scalar(d, p, json_object_get(v, "key"), json_object_get(r, "key"));
            cmp_scalar(d, p, json_object_get(v, "title"),
                       json_object_get(r, "title"));
            const char *text = json_string_value(json_object_get(r, "text"));
            const char *st = json_string_value(json_object_get(v, "starts"));
            const char *en = json_string_value(json_object_get(v, "ends"));
            size_t tl = text ? strlen(text) : 0;
            if (st && (!text || strncmp(text, st, strlen(st)) != 0))
                differ(d, "%s.text: should start with \"%s\", starts \"%.40s\"",
                       p, st, text ? text : "");
            if (en && (!text || tl < strlen(en) ||
                       strcmp(text + tl - strlen(en), en) != 0))
                differ(d, "%s.text: should end with \"%s\", ends \"%s\"", p, en,
                       text && tl > 40 ? text + tl - 40 : (text ? text : ""));
            if (st && !*st && en && !*en && text && *text)
                differ(d, "%s.text: should be empty, is \"%.40s\"", p, text);
        }
    }
}

int
ogi_test_golden_check_mem(const char *report, size_t len,
                          const char *golden_json, char *diff, size_t size)
{
    diffs_t d = {diff, size, 0, 0};
    diff[0] = '\0';
    json_error_t err;
    json_t *g = json_loads(golden_json, 0, &err);
    if (!g) {
        snprintf(diff, size, "golden: %s (line %d)", err.text, err.line);
        return -1;
    }
    ogi_arena_t *a = ogi_arena_new(0);
    ogi_report_t *r = NULL;
    ogi_parse_opts_t o = {0};
    if (!a || ogi_parse_report(a, report, len, &o, &r) != 0) {
        json_decref(g);
        ogi_arena_destroy(&a);
        snprintf(diff, size, "parse failed");
        return -1;
    }
    char *s = ogi_json_dump(r, 0);
    json_t *rec = s ? json_loads(s, 0, &err) : NULL;
    free(s);
    if (!rec) {
        d.n = -1;
        snprintf(diff, size, "record is not valid JSON");
    } else {
        compare(&d, g, rec);
    }
    json_decref(rec);
    json_decref(g);
    ogi_arena_destroy(&a);
    return d.n;
}

char *
ogi_test_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    size_t k;
    while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

int
ogi_test_golden_check(const char *report_path, const char *golden_path,
                      char *diff, size_t size)
{
    size_t rl, gl;
    char *rep = ogi_test_slurp(report_path, &rl),
         *gold = ogi_test_slurp(golden_path, &gl);
    int n;
    if (!rep || !gold) {
        snprintf(diff, size, "could not read \"%s\" or \"%s\"", report_path,
                 golden_path);
        n = -1;
    } else {
        n = ogi_test_golden_check_mem(rep, rl, gold, diff, size);
    }
    free(rep);
    free(gold);
    return n;
}

void
ogi_test_row_string(const ogi__table_t *tb, size_t r, char *out, size_t size)
{
    size_t o = 0;
    out[0] = '\0';
    const ogi__row_t *row = &tb->rows[r];
    for (size_t i = row->first; i < row->first + row->count; i++) {
        const ogi__cell_t *c = &tb->cells[i];
        int k = snprintf(out + o, size - o, "%s%c:%.*s", o ? " | " : "",
                         "LVBMR"[c->kind], (int)c->n, c->s);
        if (k < 0 || (size_t)k >= size - o)
            break;
        o += (size_t)k;
    }
}

size_t
ogi_test_findings(const ogi_report_t *r, const char *rule, const char *path,
                  const char *cell)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nfindings; i++)
        n += strcmp(r->findings[i].rule, rule) == 0 &&
             strcmp(r->findings[i].path, path) == 0 &&
             (!cell || strstr(r->findings[i].message, cell) != NULL);
    return n;
}
