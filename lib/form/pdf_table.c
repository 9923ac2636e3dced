/*
 * pdf_table.c - a PDF page's ruled tables, from its picture
 * (pdf_table_int.h).
 *
 * Rules: runs of dark pixels at least OGI__PDF_MIN_RULE_PT long, in rows (then
 * runs in consecutive rows at the same place join into one rule) and in
 * columns alike. A rule thicker than MAX_THICK_PT is a filled area, not a
 * rule. Text never makes one: its strokes are shorter than a rule.
 *
 * Tables: horizontal and vertical rules that touch (within TOL_PT) are
 * one table; a table has two of each at least. Its grid is the distinct
 * positions of its rules (closer than MERGE_PT is one: double borders).
 * Two neighbouring slots are one cell when no rule of the table crosses
 * the middle of the border between them; a cell is a rectangle of slots
 * (the HTML table model: the row span is the rows down to the next rule
 * across all its columns). A grid line where no cell starts is dropped.
 */
#include "ogi_int.h"

#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#include "pdf_table_int.h"

#define MAX_THICK_PT 3.5f
#define TOL_PT       3.0f
#define MERGE_PT     4.0f
#define MAX_SEGS     3000 /* of each direction: more is a picture */
#define MAX_ACTIVE   256  /* runs in one pixel row that can grow a rule */
#define MAX_LINES    512  /* grid lines of a table, each way */

typedef struct {
    int r0, r1; /* rows (or columns) of pixels it covers, across the rule */
    int c0, c1; /* columns (or rows) along it */
} run_t;

typedef struct {
    float pos;  /* the rule's middle, across it, points */
    float a, b; /* its extent along it */
    int comp;   /* its table (union-find root) */
} seg_t;

/* The rules in one direction: dir 0 horizontal (runs along rows), 1
 * vertical. Appends to *segs (count *n, max MAX_SEGS); returns 0, 1 when
 * there are too many (a picture, not a table), OGI_ENOMEM. */
static int
find_rules(ogi_arena_t *arena, const unsigned char *dark, int w, int h,
           float scale, int dir, seg_t **out, size_t *nout)
{
    int outer = dir ? w : h, inner = dir ? h : w;
    int minlen = (int)(OGI__PDF_MIN_RULE_PT * scale),
        maxthick = (int)(MAX_THICK_PT * scale) + 1;
    if (minlen < 4)
        minlen = 4;
    run_t *r = ogi_arena_alloc(arena, MAX_SEGS * sizeof(*r));
    if (!r)
        return OGI_ENOMEM;
    size_t nr = 0;
    size_t act[2][MAX_ACTIVE], nact[2] = {0, 0};
    for (int o = 0; o < outer; o++) {
        size_t *prev = act[o & 1 ? 0 : 1], *cur = act[o & 1];
        size_t np = nact[o & 1 ? 0 : 1], nc = 0;
        int i = 0;
        while (i < inner) {
            size_t at = dir ? (size_t)i * (size_t)w + (size_t)o
                            : (size_t)o * (size_t)w + (size_t)i;
            if (!dark[at]) {
                i++;
                continue;
            }
            int s = i;
            while (i < inner && dark[dir ? (size_t)i * (size_t)w + (size_t)o
                                         : (size_t)o * (size_t)w + (size_t)i])
                i++;
            if (i - s < minlen)
                continue;
            /* the same rule one pixel row on, else a new one */
            size_t k = nr;
            for (size_t j = 0; j < np; j++) {
                run_t *q = &r[prev[j]];
                if (q->r1 == o - 1 && abs(q->c0 - s) <= 2 &&
                    abs(q->c1 - (i - 1)) <= 2) {
                    k = prev[j];
                    break;
                }
            }
            if (k == nr) {
                if (nr == MAX_SEGS)
                    return 1;
                r[nr++] = (run_t){o, o, s, i - 1};
            } else {
                r[k].r1 = o;
                if (s < r[k].c0)
                    r[k].c0 = s;
                if (i - 1 > r[k].c1)
                    r[k].c1 = i - 1;
            }
            if (nc < MAX_ACTIVE)
                cur[nc++] = k;
        }
        nact[o & 1] = nc;
    }
    seg_t *sg = ogi_arena_alloc(arena, (nr ? nr : 1) * sizeof(*sg));
    if (!sg)
        return OGI_ENOMEM;
    size_t n = 0;
    for (size_t j = 0; j < nr; j++) {
        if (r[j].r1 - r[j].r0 + 1 > maxthick)
            continue;
        sg[n].pos = (float)(r[j].r0 + r[j].r1 + 1) / 2 / scale;
        sg[n].a = (float)r[j].c0 / scale;
        sg[n].b = (float)(r[j].c1 + 1) / scale;
        sg[n].comp = -1;
        n++;
    }
    *out = sg;
    *nout = n;
    return 0;
}

static int
find_root(int *up, int i)
{
    while (up[i] != i) {
        up[i] = up[up[i]];
        i = up[i];
    }
    return i;
}

static int
cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

/* The distinct positions of the rules of component c in s[0..n), into v
 * (sorted, close ones merged); returns their count, at most MAX_LINES. */
static size_t
positions(const seg_t *s, size_t n, int c, float *v)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < MAX_LINES; i++)
        if (s[i].comp == c)
            v[k++] = s[i].pos;
    qsort(v, k, sizeof(*v), cmp_float);
    size_t m = 0;
    for (size_t i = 0; i < k; i++) {
        if (m && v[i] - v[m - 1] < MERGE_PT)
            continue;
        v[m++] = v[i];
    }
    return m;
}

/* 1 when a rule of component c in s[0..n) lies at pos and crosses at. */
static int
ruled(const seg_t *s, size_t n, int c, float pos, float at)
{
    for (size_t i = 0; i < n; i++)
        if (s[i].comp == c && s[i].pos > pos - MERGE_PT &&
            s[i].pos < pos + MERGE_PT && s[i].a - TOL_PT <= at &&
            s[i].b + TOL_PT >= at)
            return 1;
    return 0;
}

/* Fills t's cells from its grid lines and the rules of component c;
 * returns 1 when a grid line bounds no cell (then dropped from t: call
 * again). */
static int
cells(ogi__pdf_table_t *t, const seg_t *hs, size_t nh, const seg_t *vs,
      size_t nv, int c)
{
    int R = t->nrows, C = t->ncols;
    for (int i = 0; i < R * C; i++)
        t->owner[i] = -1;
    for (int i = 0; i < R; i++)
        for (int j = 0; j < C; j++) {
            if (t->owner[i * C + j] >= 0)
                continue;
            float ym = (t->ys[i] + t->ys[i + 1]) / 2;
            int cs = 1;
            while (j + cs < C && t->owner[i * C + j + cs] < 0 &&
                   !ruled(vs, nv, c, t->xs[j + cs], ym))
                cs++;
            int rs = 1;
            while (i + rs < R) {
                int open = 1;
                for (int k = j; k < j + cs && open; k++)
                    open = !ruled(hs, nh, c, t->ys[i + rs],
                                  (t->xs[k] + t->xs[k + 1]) / 2) &&
                           t->owner[(i + rs) * C + k] < 0;
                if (!open)
                    break;
                rs++;
            }
            for (int a = i; a < i + rs; a++)
                for (int b = j; b < j + cs; b++)
                    t->owner[a * C + b] = i * C + j;
            t->rowspan[i * C + j] = rs;
            t->colspan[i * C + j] = cs;
        }
    /* a row or column where no cell starts */
    for (int i = 1; i < R; i++) {
        int starts = 0;
        for (int j = 0; j < C && !starts; j++)
            starts = t->owner[i * C + j] == i * C + j;
        if (!starts) {
            memmove(t->ys + i, t->ys + i + 1, (size_t)(R - i) * sizeof(float));
            t->nrows--;
            return 1;
        }
    }
    for (int j = 1; j < C; j++) {
        int starts = 0;
        for (int i = 0; i < R && !starts; i++)
            starts = t->owner[i * C + j] == i * C + j;
        if (!starts) {
            memmove(t->xs + j, t->xs + j + 1, (size_t)(C - j) * sizeof(float));
            t->ncols--;
            return 1;
        }
    }
    return 0;
}

static int
by_top(const void *a, const void *b)
{
    const ogi__pdf_table_t *p = a, *q = b;
    return (p->ys[0] > q->ys[0]) - (p->ys[0] < q->ys[0]);
}

/* Drops the rules of s[0..*n) that lie inside one glyph box: dir 0
 * horizontal, 1 vertical. */
static void
not_glyphs(seg_t *s, size_t *n, int dir, const ogi__pdf_box_t *box, size_t nbox)
{
    size_t k = 0;
    for (size_t i = 0; i < *n; i++) {
        int inside = 0;
        for (size_t j = 0; j < nbox && !inside; j++) {
            float a0 = dir ? box[j].y0 : box[j].x0,
                  a1 = dir ? box[j].y1 : box[j].x1;
            float p0 = dir ? box[j].x0 : box[j].y0,
                  p1 = dir ? box[j].x1 : box[j].y1;
            inside = s[i].pos >= p0 - 0.5f && s[i].pos <= p1 + 0.5f &&
                     s[i].a >= a0 - 1 && s[i].b <= a1 + 1;
        }
        if (!inside)
            s[k++] = s[i];
    }
    *n = k;
}

/* 1 when a glyph of box[0..nbox) lies right of x between rows y0 and
 * y1 (its middle). */
static int
glyph_past(const ogi__pdf_box_t *box, size_t nbox, float x, float y0, float y1)
{
    for (size_t j = 0; j < nbox; j++) {
        float ym = (box[j].y0 + box[j].y1) / 2;
        if (box[j].x0 > x + 0.5f && ym > y0 && ym < y1)
            return 1;
    }
    return 0;
}

int
ogi__pdf_find_tables(ogi_arena_t *arena, const unsigned char *dark, int w,
                     int h, float scale, const ogi__pdf_box_t *box, size_t nbox,
                     ogi__pdf_table_t **tables, size_t *n)
{
    *tables = NULL;
    *n = 0;
    if (w <= 0 || h <= 0 || !(scale > 0))
        return 0;
    seg_t *hs = NULL, *vs = NULL;
    size_t nh = 0, nv = 0;
    int rc = find_rules(arena, dark, w, h, scale, 0, &hs, &nh);
    if (rc == 0)
        rc = find_rules(arena, dark, w, h, scale, 1, &vs, &nv);
    if (rc)
        return rc == 1 ? 0 : rc;
    not_glyphs(hs, &nh, 0, box, nbox);
    not_glyphs(vs, &nv, 1, box, nbox);
    if (nh < 2 || nv < 2)
        return 0;
    /* the tables: rules that touch */
    int *up = ogi_arena_alloc(arena, (nh + nv) * sizeof(*up));
    if (!up)
        return OGI_ENOMEM;
    for (size_t i = 0; i < nh + nv; i++)
        up[i] = (int)i;
    for (size_t i = 0; i < nh; i++)
        for (size_t j = 0; j < nv; j++)
            if (vs[j].pos >= hs[i].a - TOL_PT &&
                vs[j].pos <= hs[i].b + TOL_PT &&
                hs[i].pos >= vs[j].a - TOL_PT &&
                hs[i].pos <= vs[j].b + TOL_PT) {
                int a = find_root(up, (int)i), b = find_root(up, (int)(nh + j));
                if (a != b)
                    up[a] = b;
            }
    for (size_t i = 0; i < nh; i++)
        hs[i].comp = find_root(up, (int)i);
    for (size_t j = 0; j < nv; j++)
        vs[j].comp = find_root(up, (int)(nh + j));
    ogi__pdf_table_t *t = ogi_arena_alloc(arena, nh * sizeof(*t));
    float *xs = ogi_arena_alloc(arena, MAX_LINES * sizeof(float));
    float *ys = ogi_arena_alloc(arena, MAX_LINES * sizeof(float));
    if (!t || !xs || !ys)
        return OGI_ENOMEM;
    size_t nt = 0;
    for (size_t i = 0; i < nh; i++) {
        int c = hs[i].comp;
        int seen = 0;
        for (size_t k = 0; k < i && !seen; k++)
            seen = hs[k].comp == c;
        if (seen)
            continue;
        size_t ny = positions(hs, nh, c, ys), nx = positions(vs, nv, c, xs);
        /* rules running past the outer ones: a side without its rule (or
         * cut off by the page's edge) still bounds the table */
        float x0 = 1e30f, x1 = -1e30f, y0 = 1e30f, y1 = -1e30f;
        for (size_t k = 0; k < nh; k++)
            if (hs[k].comp == c) {
                x0 = hs[k].a < x0 ? hs[k].a : x0;
                x1 = hs[k].b > x1 ? hs[k].b : x1;
            }
        for (size_t k = 0; k < nv; k++)
            if (vs[k].comp == c) {
                y0 = vs[k].a < y0 ? vs[k].a : y0;
                y1 = vs[k].b > y1 ? vs[k].b : y1;
            }
        /* rules running to the picture's right edge: a table wider than
         * the page. Glyphs past its last upright rule are a column the
         * edge cut, however narrow its visible part (a value there is
         * not the last full column's) */
        int open_right = x1 >= (float)w / scale - 1.5f / scale - 0.5f;
        if (nx >= 2 && nx < MAX_LINES &&
            (x1 > xs[nx - 1] + 2 * MERGE_PT ||
             (open_right && glyph_past(box, nbox, xs[nx - 1], y0, y1)))) {
            float last = xs[nx - 1];
            xs[nx++] = x1 > last + 1 ? x1 : last + 1;
        }
        if (nx >= 2 && nx < MAX_LINES && x0 < xs[0] - 2 * MERGE_PT) {
            memmove(xs + 1, xs, nx * sizeof(float));
            xs[0] = x0;
            nx++;
        }
        if (ny >= 2 && ny < MAX_LINES && y1 > ys[ny - 1] + 2 * MERGE_PT)
            ys[ny++] = y1;
        if (ny >= 2 && ny < MAX_LINES && y0 < ys[0] - 2 * MERGE_PT) {
            memmove(ys + 1, ys, ny * sizeof(float));
            ys[0] = y0;
            ny++;
        }
        if (ny < 2 || nx < 2 || (ny - 1) * (nx - 1) < 2)
            continue;
        ogi__pdf_table_t *tb = &t[nt];
        size_t slots = (ny - 1) * (nx - 1);
        tb->xs = ogi_arena_alloc(arena, nx * sizeof(float));
        tb->ys = ogi_arena_alloc(arena, ny * sizeof(float));
        tb->owner = ogi_arena_alloc(arena, slots * sizeof(int));
        tb->rowspan = ogi_arena_alloc(arena, slots * sizeof(int));
        tb->colspan = ogi_arena_alloc(arena, slots * sizeof(int));
        if (!tb->xs || !tb->ys || !tb->owner || !tb->rowspan || !tb->colspan)
            return OGI_ENOMEM;
        memcpy(tb->xs, xs, nx * sizeof(float));
        memcpy(tb->ys, ys, ny * sizeof(float));
        tb->ncols = (int)nx - 1;
        tb->open_right = open_right;
        tb->edge = (float)w / scale;
        tb->nrows = (int)ny - 1;
        while (cells(tb, hs, nh, vs, nv, c))
            ;
        if (tb->nrows * tb->ncols < 2)
            continue;
        nt++;
    }
    qsort(t, nt, sizeof(*t), by_top);
    *tables = t;
    *n = nt;
    return 0;
}

int
ogi__pdf_table_slot(const ogi__pdf_table_t *t, float x, float y)
{
    if (x < t->xs[0] || (x > t->xs[t->ncols] && !t->open_right) ||
        y < t->ys[0] || y > t->ys[t->nrows])
        return -1;
    int c = 0, r = 0;
    while (c + 1 < t->ncols && x >= t->xs[c + 1])
        c++;
    while (r + 1 < t->nrows && y >= t->ys[r + 1])
        r++;
    return r * t->ncols + c;
}
