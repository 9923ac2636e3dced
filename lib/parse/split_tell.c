/*
 * split_tell.c - the splitter's stage 3 (split_int.h, split.c): a span's
 * split placed into the report's cells, P5 for the one left, P6 naming
 * the others when several are, P8 when none is, each finding showing the
 * pieces as read and the splits.
 */
#include "ogi_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#define OGI__SPLIT_INTERNAL
#include "split_int.h"

static size_t
ndigits(int64_t v)
{
    size_t n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

/* ---- text of findings ---- */

typedef struct {
    char *s;
    size_t size, len;
} buf_t;

static void
buf_put(buf_t *b, const char *s, size_t n)
{
    if (b->len + 1 >= b->size)
        return;
    size_t room = b->size - 1 - b->len;
    if (n > room)
        n = room;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void
buf_str(buf_t *b, const char *s)
{
    buf_put(b, s, strlen(s));
}

static void
buf_num(buf_t *b, int64_t v)
{
    char t[24];
    int n = snprintf(t, sizeof(t), "%lld", (long long)v);
    if (n > 0)
        buf_put(b, t, (size_t)n);
}

/* v / 10^frac with its decimals: "34893.9". */
static void
buf_dec(buf_t *b, int64_t v, size_t frac)
{
    if (frac == 0 || v < 0) {
        buf_num(b, v);
        return;
    }
    int64_t p = 1;
    for (size_t i = 0; i < frac; i++)
        p *= 10;
    char t[48];
    int n = snprintf(t, sizeof(t), "%lld.%0*lld", (long long)(v / p), (int)frac,
                     (long long)(v % p));
    if (n > 0)
        buf_put(b, t, (size_t)n);
}

/* Decimals of cell p of split layout l of s: its run's, when it is the
 * run's last cell. */
static size_t
cell_frac(const span_t *s, const layout_t *l, size_t p)
{
    int last = p + 1 == s->sp->ncells || l->piece[p + 1] != l->piece[p];
    return last ? s->frac[l->piece[p]] : 0;
}

/* The pieces as read: "7000007", or "12 _ 345" when several. */
static void
show_pieces(buf_t *b, const ogi__split_span_t *sp)
{
    buf_put(b, "\"", 1);
    for (size_t i = 0; i < sp->npieces; i++) {
        const ogi__cell_t *p = sp->pieces[i];
        if (i)
            buf_put(b, " ", 1);
        if (p->kind == OGI__CELL_BLANK || p->n == 0)
            buf_put(b, "_", 1);
        else
            buf_put(b, p->s, p->n);
    }
    buf_put(b, "\"", 1);
}

typedef struct {
    score_t sc;
    size_t c;
} ranked_t;

/* Cells [p0, p1) of split c of span s: "1 8 15". */
static void
show_cells(buf_t *b, const span_t *s, size_t c, size_t p0, size_t p1)
{
    const layout_t *l = &s->lay[s->layof[c]];
    const int64_t *v = &s->vals[c * s->sp->ncells];
    for (size_t p = p0; p < p1; p++) {
        const ogi__cell_t *pc = s->sp->pieces[l->piece[p]];
        if (p > p0)
            buf_put(b, " ", 1);
        if (l->kind[p] == K_RUN)
            buf_dec(b, v[p], cell_frac(s, l, p));
        else if (pc->kind == OGI__CELL_BLANK || pc->n == 0)
            buf_put(b, "_", 1);
        else
            buf_put(b, pc->s, pc->n);
    }
}

/* Split c of span s: "1 8 15". */
static void
show_split(buf_t *b, const span_t *s, size_t c)
{
    show_cells(b, s, c, 0, s->sp->ncells);
}

/* What cell p of split c of span s holds, as the record will: its state
 * (a count, a blank, a placeholder, text) and its value and decimals. */
static void
cell_reading(const span_t *s, size_t c, size_t p, int *state, int64_t *value,
             size_t *frac)
{
    const layout_t *l = &s->lay[s->layof[c]];
    const ogi__cell_t *pc = s->sp->pieces[l->piece[p]];
    *value = 0;
    *frac = 0;
    if (l->kind[p] == K_RUN) {
        *state = OGI_CELL_NUM;
        *value = s->vals[c * s->sp->ncells + p];
        *frac = cell_frac(s, l, p);
    } else if (pc->kind == OGI__CELL_BLANK) {
        *state = OGI_CELL_EMPTY;
    } else if (pc->kind == OGI__CELL_VALUE &&
               pc->num.kind == OGI_NUM_PLACEHOLDER) {
        *state = OGI_CELL_NA;
    } else if (pc->kind == OGI__CELL_VALUE && pc->num.kind == OGI_NUM_VALUE) {
        *state = OGI_CELL_NUM;
        *value = pc->num.value;
        *frac = pc->num.scale;
    } else {
        *state = OGI_CELL_TEXT;
    }
}

/* Whether splits c and d of span s read cells [p0, p1) alike: the same
 * state in each, the same count where it is one (a 0 and a blank differ). */
static int
same_cells(const span_t *s, size_t c, size_t d, size_t p0, size_t p1)
{
    for (size_t p = p0; p < p1; p++) {
        int sc, sd;
        int64_t vc, vd;
        size_t fc, fd;
        cell_reading(s, c, p, &sc, &vc, &fc);
        cell_reading(s, d, p, &sd, &vd, &fd);
        if (sc != sd || vc != vd || fc != fd)
            return 0;
    }
    return 1;
}

/*
 * A span over several rows (not free) whose splits differ: a P6 on each
 * row they read differently (a row's path is where its cells are looked
 * for), naming the row's other readings, likeliest first (rk[0..n)); the
 * rows every split reads alike are settled.
 */
static int
tell_rows(ctx_t *cx, const span_t *s, const ranked_t *rk, size_t n)
{
    const ogi__split_span_t *sp = s->sp;
    size_t ncols = cx->sk->ncols;
    size_t r0 = sp->first / ncols, r1 = (sp->first + sp->ncells - 1) / ncols;
    for (size_t row = r0; row <= r1; row++) {
        size_t a = row * ncols, e = a + ncols;
        size_t p0 = a > sp->first ? a - sp->first : 0;
        size_t p1 = (e < sp->first + sp->ncells ? e : sp->first + sp->ncells) -
                    sp->first;
        /* the other readings of the row: distinct, likeliest first */
        size_t shown[MAX_SHOWN], nshown = 0, ways = 1;
        for (size_t i = 0; i < n; i++) {
            if (same_cells(s, rk[i].c, s->chosen, p0, p1))
                continue;
            size_t k = 0;
            while (k < nshown && !same_cells(s, rk[i].c, shown[k], p0, p1))
                k++;
            if (k < nshown)
                continue;
            ways++;
            if (nshown < MAX_SHOWN)
                shown[nshown++] = rk[i].c;
            else
                break; /* more than are named: "and more" */
        }
        if (ways == 1)
            continue;
        char path[128], msg[MSG_SIZE];
        buf_t b = {msg, sizeof(msg), 0};
        msg[0] = '\0';
        ogi_report_path(cx->id, row, -1, path, sizeof(path));
        show_pieces(&b, s->orig);
        buf_str(&b, " fits splits that read this row differently; placed ");
        show_cells(&b, s, s->chosen, p0, p1);
        buf_put(&b, "; also fits: ", 13);
        for (size_t k = 0; k < nshown; k++) {
            if (k)
                buf_put(&b, "; ", 2);
            show_cells(&b, s, shown[k], p0, p1);
        }
        if (ways > nshown + 1)
            buf_str(&b, "; and more");
        int rc =
            ogi_report_add_finding(cx->r, "P6", OGI_SEV_WARNING, path, "%s", msg);
        if (rc)
            return rc;
    }
    return 0;
}

static void
place_piece(ogi_cell_t *c, const ogi__cell_t *t)
{
    if (t->kind == OGI__CELL_BLANK) {
        c->state = OGI_CELL_EMPTY;
    } else if (t->kind == OGI__CELL_VALUE &&
               t->num.kind == OGI_NUM_PLACEHOLDER) {
        c->state = OGI_CELL_NA;
    } else if (t->kind == OGI__CELL_VALUE && t->num.kind == OGI_NUM_VALUE) {
        c->state = OGI_CELL_NUM;
        c->value = t->num.value;
        c->scale = t->num.scale;
        c->unit = t->num.unit;
    } else {
        c->state = OGI_CELL_TEXT;
    }
}

/* Raw source span [off, off + len) of normalised text into c. */
static void
set_span(ogi_cell_t *c, const ogi_text_t *tx, size_t off, size_t len)
{
    c->off = ogi_text_raw_offset(tx, off);
    c->len = ogi_text_raw_offset(tx, off + len) - c->off;
}

static void
place(ctx_t *cx, const span_t *s)
{
    const ogi__split_span_t *sp = s->sp;
    const layout_t *l = &s->lay[s->layof[s->chosen]];
    const int64_t *v = &s->vals[s->chosen * sp->ncells];
    ogi_table_t *t = &cx->r->tables[cx->id];
    const ogi_text_t *tx = cx->g->text;
    size_t digit = 0; /* where the cell starts in its run */
    for (size_t p = 0; p < sp->ncells; p++) {
        const ogi__cell_t *pc = sp->pieces[l->piece[p]];
        size_t idx = sp->first + p;
        ogi_cell_t *c = &t->cells[idx];
        if (p == 0 || l->piece[p] != l->piece[p - 1])
            digit = 0;
        if (l->kind[p] != K_RUN) {
            place_piece(c, pc);
            set_span(c, tx, pc->off, pc->len);
        } else {
            size_t nd = ndigits(v[p] < 0 ? -v[p] : v[p]);
            c->state = OGI_CELL_NUM;
            c->value = v[p];
            int last = p + 1 == sp->ncells || l->piece[p + 1] != l->piece[p];
            c->scale = (uint8_t)cell_frac(s, l, p);
            c->unit = last ? s->unit[l->piece[p]] : 0;
            /* the cell's own digits when the run's text is the source
             * itself, else the whole run */
            if (tx && pc->s == tx->s + pc->off && pc->n == pc->len)
                set_span(c, tx, pc->off + digit, nd);
            else
                set_span(c, tx, pc->off, pc->len);
            digit += nd;
            size_t sp_i = l->piece[p];
            if (tx && digit == nd && sp_i > 0 && s->sign[sp_i - 1] &&
                l->k[sp_i - 1] == 0) {
                /* the sign written before the value is part of its text */
                const ogi__cell_t *mark = sp->pieces[sp_i - 1];
                size_t end = c->off + c->len;
                c->off = ogi_text_raw_offset(tx, mark->off);
                c->len = end - c->off;
            }
        }
        t->row_found[idx / cx->sk->ncols] = 1;
    }
}

static int
cmp_ranked(const void *a, const void *b)
{
    const ranked_t *x = a, *y = b;
    int d = ogi__split_score_cmp(&x->sc, &y->sc);
    if (d)
        return d;
    return (x->c > y->c) - (x->c < y->c);
}

int
ogi__split_tell(ctx_t *cx, const span_t *s)
{
    const ogi__split_span_t *sp = s->sp;
    char path[128], msg[MSG_SIZE];
    buf_t b = {msg, sizeof(msg), 0};
    msg[0] = '\0';
    size_t row = sp->first / cx->sk->ncols;
    if (sp->ncells && (sp->first + sp->ncells - 1) / cx->sk->ncols == row)
        ogi_report_path(cx->id, row, -1, path, sizeof(path));
    else
        snprintf(path, sizeof(path), "%s", cx->sk->path);
    if (s->fail) {
        if (s->fail == F_LONG) {
            size_t n = 0;
            for (size_t i = 0; i < sp->npieces; i++)
                if (sp->pieces[i]->kind == OGI__CELL_RUN &&
                    sp->pieces[i]->n > n)
                    n = sp->pieces[i]->n;
            return ogi_report_add_finding(
                cx->r, "P8", OGI_SEV_WARNING, path,
                "a run of %zu digits for %zu cells is too long to split; "
                "left unsplit",
                n, sp->ncells);
        }
        static const char *const why[] = {
            [F_NONE] = "no split fits the arithmetic",
            [F_CHARS] = "holds more than digits",
            [F_MANY] = "too many splits fit",
            [F_WORK] = "too many ways to try",
            [F_SHAPE] = "the pieces cannot fill the cells",
            [F_JOINT] = "no split fits the arithmetic of the whole table",
        };
        show_pieces(&b, s->orig);
        return ogi_report_add_finding(cx->r, "P8", OGI_SEV_WARNING, path,
                                      "%s for %zu cells: %s; left unsplit", msg,
                                      sp->ncells, why[s->fail]);
    }
    place(cx, s);
    show_pieces(&b, s->orig);
    if (s->nalive == 1) {
        buf_put(&b, " split as ", 10);
        show_split(&b, s, s->chosen);
        if (s->free)
            buf_str(&b, s->shape_only ? ", blank cells left no trace; its "
                                        "total left blank"
                                      : ", blank cells left no trace");
        else if (s->shape_only == 1)
            buf_str(&b, ", the only cut of its digits; it breaks the "
                        "arithmetic");
        else if (s->shape_only == 4)
            buf_str(&b, ", the only cut the columns allow; it breaks its "
                        "row's arithmetic");
        else if (s->shape_only == 2)
            buf_str(&b, ", one blank cell per no-break space; its total "
                        "left blank");
        else if (s->shape_only)
            buf_str(&b, ", white space collapsed; its total left blank");
        return ogi_report_add_finding(cx->r, "P5", OGI_SEV_INFO, path, "%s",
                                      msg);
    }
    ranked_t *rk = ogi_arena_alloc(cx->r->arena, s->nalive * sizeof(*rk));
    if (!rk)
        return OGI_ENOMEM;
    size_t n = 0;
    for (size_t c = 0; c < s->ncand; c++)
        if (s->alive[c] && c != s->chosen)
            rk[n++] = (ranked_t){s->score[c], c};
    qsort(rk, n, sizeof(*rk), cmp_ranked);
    char head[32];
    int hn =
        snprintf(head, sizeof(head), " fits %zu splits; placed ", s->nalive);
    buf_put(&b, head, hn > 0 ? (size_t)hn : 0);
    show_split(&b, s, s->chosen);
    if (s->free)
        buf_str(&b, s->shape_only ? ", blank cells left no trace, its total "
                                    "left blank"
                                  : ", blank cells left no trace");
    else if (s->shape_only == 1)
        buf_str(&b, ", a minus read as a placeholder or a sign; each cut "
                    "breaks the arithmetic");
    else if (s->shape_only == 4)
        buf_str(&b, ", the cuts the columns allow; each breaks its row's "
                    "arithmetic");
    else if (s->shape_only)
        buf_str(&b, ", one blank cell per no-break space, its total "
                    "left blank");
    buf_put(&b, "; also fits: ", 13);
    for (size_t i = 0; i < n && i < MAX_SHOWN; i++) {
        if (i)
            buf_put(&b, "; ", 2);
        show_split(&b, s, rk[i].c);
    }
    if (n > MAX_SHOWN) {
        char more[40];
        int mn = snprintf(more, sizeof(more), "; and %zu more", n - MAX_SHOWN);
        buf_put(&b, more, mn > 0 ? (size_t)mn : 0);
    }
    int rc =
        ogi_report_add_finding(cx->r, "P6", OGI_SEV_WARNING, path, "%s", msg);
    /* a free span's rows are told by their placement (the blocks each
     * reading keeps), which judges them more closely than its splits */
    if (rc || s->free || strcmp(path, cx->sk->path) != 0)
        return rc;
    return tell_rows(cx, s, rk, n);
}
