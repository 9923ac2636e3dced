/*
 * split.c - runs of digits into cells by the format's arithmetic
 * (split_int.h).
 *
 * A span is the cells of one row (all of Table 4 when it is read as one
 * flattened row) and the pieces read for them: a VALUE or BLANK piece is
 * one cell, a RUN of plain digits one or more. The splitter works in
 * three stages, over all the spans of one table at once:
 *
 *   1. Each span on its own: a depth-first walk over the ways its runs cut
 *      into cells (no cell with a leading zero unless it is "0"), keeping
 *      those under which every identity that runs along its rows (D2, D3)
 *      holds. A run's last cell is chosen first (it is the 总计 of a Table
 *      3 row), so the cells before it are cut against a known sum; an
 *      identity is checked exactly once all its cells are chosen and
 *      bounded before that (the chosen cells against the smallest and
 *      largest numbers the digits left could still make).
 *   2. Across spans, the identities that run down the columns (O1, D1),
 *      the cells placed in other rows taking part. An instance that no
 *      combination of the spans' splits satisfies is an error of the
 *      report itself (a typo in another row), not evidence against any
 *      split: it is left to the validator. The others narrow each span's
 *      splits by bounds, then a bounded joint search keeps the splits that
 *      take part in some combination satisfying all of them.
 *   3. One split left: placed, P5. Several: the most plausible placed, the
 *      others named, P6. None: nothing placed, P8.
 *
 * Blank and placeholder cells count as 0 in the arithmetic, as the
 * validator reads them (report-format.md §4); a cell that holds no integer
 * makes the identities through it unassessable, so they decide nothing.
 *
 * Plausibility, most important first: fewer soft relations broken (C1-C3,
 * the skeleton's), fewer cells of more than one digit, the smaller sum,
 * the smaller largest cell, then the order the walk found it in (shorter
 * first cells first). Most cells of these tables are 0 or small, so the
 * split with more small cells is the likelier one; C1-C3 come first
 * because they are facts about the items, not about typical sizes.
 *
 * Bounds: a run of more than MAX_RUN_DIGITS digits is not tried; each span
 * keeps at most MAX_CANDS splits and walks at most MAX_SPAN_NODES steps,
 * one call at most MAX_CALL_NODES, the joint search MAX_JOINT_NODES. What
 * runs out is P8 (or, for the joint search, the splits each span allows on
 * its own). Memory comes from the report's arena.
 */
#include "ogi_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#include "split_int.h"

/* No count comes near 10^15, and sums of a few dozen such cells fit
 * int64. */
#define MAX_CELL_DIGITS 15
#define MAX_RUN_DIGITS  40   /* a longer run is left unsplit at once */
#define MAX_CELLS       64   /* cells of one span */
#define MAX_PIECES      64   /* pieces of one span */
#define MAX_LAYOUTS     64   /* ways to share a span's cells among its runs */
#define MAX_CANDS       4096 /* splits kept per span */
#define MAX_SPAN_NODES  (1L << 18)
#define MAX_CALL_NODES  (1L << 22)
#define MAX_JOINT_NODES (1L << 20)
#define MAX_INST_CELLS  48   /* cells of one instance (D1: 22) */
#define MAX_SPAN_INST   64   /* instances within one span */
#define MAX_SUMSET      4096 /* sums tracked when testing an instance */
#define MAX_ROUNDS      64   /* rounds of narrowing by bounds */
#define MAX_SHOWN       6    /* other splits named in a P6 finding */
#define MSG_SIZE        1024

/* What a cell of a span holds under a layout. */
enum {
    K_RUN = 0, /* a cut of a run: a count */
    K_NUM,     /* a VALUE piece's integer */
    K_ZERO,    /* a blank or a placeholder: 0 in the arithmetic */
    K_OPAQUE,  /* no integer: identities through it are not assessable */
};

/* Why a span was left unsplit (0: it was not). */
enum {
    F_OK = 0,
    F_NONE,  /* no split fits its rows */
    F_LONG,  /* a run too long to try */
    F_CHARS, /* a run that is not plain digits */
    F_MANY,  /* more splits fit than are kept */
    F_WORK,  /* the walk ran out of steps */
    F_SHAPE, /* the pieces cannot fill the cells */
    F_JOINT, /* its splits fit its rows but not the table's columns */
};

typedef struct {
    uint8_t k[MAX_PIECES];    /* cells each piece fills */
    uint8_t kind[MAX_CELLS];  /* K_* of each cell */
    uint8_t piece[MAX_CELLS]; /* the piece each cell comes from */
    int64_t fixed[MAX_CELLS]; /* value of K_NUM cells, else 0 */
} layout_t;

typedef struct {
    int soft;    /* soft relations broken */
    int multi;   /* run cells of more than one digit */
    int64_t sum; /* of the run cells */
    int64_t max; /* largest run cell */
} score_t;

/* An instance of an identity (or soft relation) at one row or column. */
typedef struct {
    const char *rule;              /* "D2" */
    int ident;                     /* 1: Σ = 0; 0: soft, Σ ≤ 0 */
    int along_rows;                /* an instance of a row, not of a column */
    size_t n;                      /* its cells in spans */
    uint32_t cell[MAX_INST_CELLS]; /* table cell indexes */
    int8_t sign[MAX_INST_CELLS];   /* +1 lhs, -1 rhs */
    int64_t fixed;                 /* signed sum of the placed cells */
    int opaque;                    /* a placed cell holds no integer */
    long span;                     /* the one span it touches, -1 for
                                      several, -2 for none, -3 when its
                                      span's walk checks it */
    int kept;                      /* a cross instance that decides */
} inst_t;

typedef struct {
    const ogi__split_span_t *sp;
    int fail;                     /* F_* */
    layout_t *lay;                /* ways its cells share among its runs */
    size_t nlay;                  /* their count */
    int64_t *vals;                /* ncand rows of sp->ncells values */
    uint16_t *layof;              /* layout of each split */
    score_t *score;               /* plausibility of each split */
    size_t ncand, cap;            /* splits kept, room for */
    uint8_t *alive;               /* splits still possible */
    uint8_t *insol;               /* splits seen in a joint solution */
    size_t nalive;                /* how many */
    size_t chosen;                /* the split placed */
    uint32_t inst[MAX_SPAN_INST]; /* instances touching only this span */
    size_t ninst;                 /* their count */
    long joint;                   /* position in the joint search, or -1 */
} span_t;

typedef struct {
    ogi_report_t *r;
    const ogi__table_t *g;
    ogi_table_id_t id;
    const ogi_skel_table_t *sk;
    size_t tcells;  /* cells of the table */
    int16_t *owner; /* per table cell: the span filling it, or -1 */
    uint8_t *opos;  /* per table cell: its position in that span */
    span_t *spans;
    size_t nspans;
    inst_t *inst;
    size_t ninst;
    long work;              /* steps left for this call */
    int rc;                 /* OGI_ENOMEM met deep inside */
    int64_t *set_a, *set_b; /* sumset buffers, MAX_SUMSET each */
} ctx_t;

/* ---- small helpers ---- */

static int64_t
pow10_cap(size_t digits)
{
    int64_t p = 1;
    if (digits > MAX_CELL_DIGITS)
        digits = MAX_CELL_DIGITS;
    for (size_t i = 0; i < digits; i++)
        p *= 10;
    return p;
}

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

static int
score_cmp(const score_t *a, const score_t *b)
{
    if (a->soft != b->soft)
        return a->soft < b->soft ? -1 : 1;
    if (a->multi != b->multi)
        return a->multi < b->multi ? -1 : 1;
    if (a->sum != b->sum)
        return a->sum < b->sum ? -1 : 1;
    if (a->max != b->max)
        return a->max < b->max ? -1 : 1;
    return 0;
}

static void
score_add(score_t *to, const score_t *s)
{
    to->soft += s->soft;
    to->multi += s->multi;
    to->sum += s->sum;
    to->max = s->max > to->max ? s->max : to->max;
}

/* A placed cell as the arithmetic reads it. */
static int
fixed_kind(const ogi_cell_t *c, int64_t *v)
{
    *v = 0;
    if (c->state == OGI_CELL_NUM && c->scale == 0) {
        *v = c->value;
        return K_NUM;
    }
    if (c->state == OGI_CELL_EMPTY || c->state == OGI_CELL_NA)
        return K_ZERO;
    return K_OPAQUE;
}

/* A one-cell piece as the arithmetic reads it. */
static int
piece_kind(const ogi__cell_t *p, int64_t *v)
{
    *v = 0;
    if (p->kind == OGI__CELL_BLANK)
        return K_ZERO;
    if (p->kind != OGI__CELL_VALUE)
        return K_OPAQUE;
    if (p->num.kind == OGI_NUM_PLACEHOLDER)
        return K_ZERO;
    if (p->num.kind == OGI_NUM_VALUE && p->num.scale == 0) {
        *v = p->num.value;
        return K_NUM;
    }
    return K_OPAQUE;
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
buf_num(buf_t *b, int64_t v)
{
    char t[24];
    int n = snprintf(t, sizeof(t), "%lld", (long long)v);
    if (n > 0)
        buf_put(b, t, (size_t)n);
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

/* Split c of span s: "1 8 15". */
static void
show_split(buf_t *b, const span_t *s, size_t c)
{
    const layout_t *l = &s->lay[s->layof[c]];
    const int64_t *v = &s->vals[c * s->sp->ncells];
    for (size_t p = 0; p < s->sp->ncells; p++) {
        const ogi__cell_t *pc = s->sp->pieces[l->piece[p]];
        if (p)
            buf_put(b, " ", 1);
        if (l->kind[p] == K_RUN)
            buf_num(b, v[p]);
        else if (pc->kind == OGI__CELL_BLANK || pc->n == 0)
            buf_put(b, "_", 1);
        else
            buf_put(b, pc->s, pc->n);
    }
}

/* ---- stage 0: instances of the table's identities ---- */

static int
add_instances(ctx_t *cx, const ogi_skel_identity_t *ids, size_t nids, int ident)
{
    const ogi_skel_table_t *sk = cx->sk;
    for (size_t i = 0; i < nids; i++) {
        const ogi_skel_identity_t *id = &ids[i];
        if (id->table != cx->id)
            continue;
        size_t n = id->along_rows ? sk->nrows : sk->ncols;
        for (size_t at = 0; at < n; at++) {
            if (id->along_rows && !ogi_report_row_in_shape(cx->r, cx->id, at))
                continue;
            inst_t *e = &cx->inst[cx->ninst];
            e->rule = id->rule;
            e->ident = ident;
            e->along_rows = id->along_rows;
            e->n = 0;
            e->fixed = 0;
            e->opaque = 0;
            e->kept = 0;
            e->span = -2;
            for (int side = 0; side < 2; side++) {
                const size_t *keys = side ? id->rhs_at : id->lhs_at;
                size_t nk = side ? id->nrhs : id->nlhs;
                for (size_t k = 0; k < nk && e->n < MAX_INST_CELLS; k++) {
                    size_t row = id->along_rows ? at : keys[k];
                    size_t col = id->along_rows ? keys[k] : at;
                    if (!ogi_report_row_in_shape(cx->r, cx->id, row))
                        continue;
                    uint32_t cell = (uint32_t)(row * sk->ncols + col);
                    int8_t sign = side ? -1 : 1;
                    long s = cx->owner[cell];
                    if (s < 0) {
                        int64_t v;
                        if (fixed_kind(&cx->r->tables[cx->id].cells[cell],
                                       &v) == K_OPAQUE)
                            e->opaque = 1;
                        e->fixed += sign * v;
                        continue;
                    }
                    e->span = e->span == -2 || e->span == s ? s : -1;
                    e->cell[e->n] = cell;
                    e->sign[e->n++] = sign;
                }
            }
            /* one that touches no span, or can never be assessed, has
             * nothing to say about any split */
            if (e->span == -2 || e->opaque)
                continue;
            if (e->span >= 0 && e->along_rows) {
                span_t *s = &cx->spans[e->span];
                if (s->ninst < MAX_SPAN_INST)
                    s->inst[s->ninst++] = (uint32_t)cx->ninst;
                e->span = -3; /* handled by its span's walk */
            } else if (!ident) {
                continue; /* soft relations only rank within a row */
            }
            cx->ninst++;
        }
    }
    return 0;
}

static int
build_instances(ctx_t *cx)
{
    size_t nid, nrel, total = 0;
    const ogi_skel_identity_t *ids = ogi_skeleton_identities(&nid);
    const ogi_skel_identity_t *rel = ogi_skeleton_relations(&nrel);
    for (size_t i = 0; i < nid; i++)
        if (ids[i].table == cx->id)
            total += ids[i].along_rows ? cx->sk->nrows : cx->sk->ncols;
    for (size_t i = 0; i < nrel; i++)
        if (rel[i].table == cx->id)
            total += rel[i].along_rows ? cx->sk->nrows : cx->sk->ncols;
    cx->inst = ogi_arena_alloc(cx->r->arena, (total + 1) * sizeof(inst_t));
    if (!cx->inst)
        return OGI_ENOMEM;
    cx->ninst = 0;
    add_instances(cx, ids, nid, 1);
    add_instances(cx, rel, nrel, 0);
    return 0;
}

/* ---- stage 1: the splits of one span ---- */

typedef struct {
    ctx_t *cx;
    span_t *s;
    size_t li; /* layout walked */
    const layout_t *l;
    size_t ncells;
    int64_t v[MAX_CELLS];       /* the cells chosen so far */
    uint8_t known[MAX_CELLS];   /* v[p] is chosen, or not a run's */
    int64_t runmax[MAX_CELLS];  /* largest value a cell of a run not yet
                                   begun can take */
    uint8_t use[MAX_SPAN_INST]; /* instance assessable in this layout */
    long nodes;                 /* steps left for this span */
} walk_t;

/* The run being cut: its piece, and the digits and cells still to cut
 * (its last cell, chosen first, not counted). */
typedef struct {
    long piece; /* -1 between runs */
    size_t rem;
    size_t left;
} cut_t;

/*
 * Whether instance e can still hold. Chosen cells count as they are; a
 * cell still to cut is bounded by the largest number the digits left
 * could make of it, and when the cells still to cut of the current run
 * all sit on one side of e, that side gets at least what its largest
 * cell must be (some cell takes ceil(rem / left) digits, no leading
 * zero). With none left to cut the sum must be exact.
 */
static int
inst_ok(const walk_t *w, const inst_t *e, const cut_t *cut)
{
    const ctx_t *cx = w->cx;
    int64_t lo = e->fixed, hi = e->fixed;
    int64_t cur_max = cut->left ? pow10_cap(cut->rem - cut->left + 1) - 1 : 0;
    size_t unknown = 0, cur_in = 0;
    int cur_sign = 0, one_side = 1;
    for (size_t i = 0; i < e->n; i++) {
        size_t q = cx->opos[e->cell[i]];
        if (w->known[q]) {
            lo += e->sign[i] * w->v[q];
            hi += e->sign[i] * w->v[q];
            continue;
        }
        unknown++;
        int cur = (long)w->l->piece[q] == cut->piece;
        int64_t x = cur ? cur_max : w->runmax[q];
        if (cur) {
            cur_in++;
            if (cur_sign && cur_sign != e->sign[i])
                one_side = 0;
            cur_sign = e->sign[i];
        }
        if (e->sign[i] > 0)
            hi += x;
        else
            lo -= x;
    }
    if (unknown == 0)
        return lo == 0;
    if (cur_in && cur_in == cut->left && one_side) {
        size_t d = (cut->rem + cut->left - 1) / cut->left;
        int64_t least = d > 1 ? pow10_cap(d - 1) : 0;
        if (cur_sign > 0)
            lo += least;
        else
            hi -= least;
    }
    return lo <= 0 && hi >= 0;
}

/* Whether the identities of the span can still hold. */
static int
check(const walk_t *w, const cut_t *cut)
{
    const span_t *s = w->s;
    for (size_t i = 0; i < s->ninst; i++) {
        const inst_t *e = &w->cx->inst[s->inst[i]];
        if (w->use[i] && e->ident && !inst_ok(w, e, cut))
            return 0;
    }
    return 1;
}

/* Keeps the split in w->v. Returns 1 to stop the walk. */
static int
record(walk_t *w)
{
    span_t *s = w->s;
    ctx_t *cx = w->cx;
    if (s->ncand == MAX_CANDS) {
        s->fail = F_MANY;
        return 1;
    }
    if (s->ncand == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16, n = w->ncells;
        int64_t *v =
            ogi_arena_grow(cx->r->arena, s->vals, s->cap * n * sizeof(*v),
                           cap * n * sizeof(*v));
        uint16_t *lo = ogi_arena_grow(cx->r->arena, s->layof,
                                      s->cap * sizeof(*lo), cap * sizeof(*lo));
        score_t *sc = ogi_arena_grow(cx->r->arena, s->score,
                                     s->cap * sizeof(*sc), cap * sizeof(*sc));
        if (!v || !lo || !sc) {
            cx->rc = OGI_ENOMEM;
            return 1;
        }
        s->vals = v;
        s->layof = lo;
        s->score = sc;
        s->cap = cap;
    }
    score_t sc = {0, 0, 0, 0};
    for (size_t p = 0; p < w->ncells; p++) {
        if (w->l->kind[p] != K_RUN)
            continue;
        sc.multi += w->v[p] >= 10;
        sc.sum += w->v[p];
        if (w->v[p] > sc.max)
            sc.max = w->v[p];
    }
    for (size_t i = 0; i < s->ninst; i++) {
        const inst_t *e = &cx->inst[s->inst[i]];
        if (!w->use[i] || e->ident)
            continue;
        int64_t sum = e->fixed;
        for (size_t k = 0; k < e->n; k++)
            sum += e->sign[k] * w->v[cx->opos[e->cell[k]]];
        sc.soft += sum > 0;
    }
    memcpy(&s->vals[s->ncand * w->ncells], w->v, w->ncells * sizeof(*w->v));
    s->layof[s->ncand] = (uint16_t)w->li;
    s->score[s->ncand] = sc;
    s->ncand++;
    return 0;
}

/* One more step; 0 when the span or the call has none left. */
static int
step(walk_t *w)
{
    if (--w->nodes < 0 || --w->cx->work < 0) {
        w->s->fail = F_WORK;
        return 0;
    }
    return 1;
}

/* The value of dig[0..len), or -1 when it is no cell ("05"). */
static int64_t
cell_value(const char *dig, size_t len)
{
    if (len == 0 || len > MAX_CELL_DIGITS || (len > 1 && dig[0] == '0'))
        return -1;
    int64_t v = 0;
    for (size_t i = 0; i < len; i++)
        v = v * 10 + (dig[i] - '0');
    return v;
}

static int walk(walk_t *w, size_t p, const char *dig, cut_t *cut);

/*
 * Begins the run at cell p. Its last cell is chosen first: when it is a
 * total (D2's 总计 ends every Table 3 row), the cells before it are then
 * cut against a known sum, which prunes most of the ways at once.
 */
static int
begin_run(walk_t *w, size_t p)
{
    const ogi__cell_t *pc = w->s->sp->pieces[w->l->piece[p]];
    size_t k = w->l->k[w->l->piece[p]], n = pc->n;
    size_t last = p + k - 1;
    size_t maxlen = n - (k - 1);
    if (maxlen > MAX_CELL_DIGITS)
        maxlen = MAX_CELL_DIGITS;
    int rc = 0;
    for (size_t tl = k == 1 ? n : 1; tl <= maxlen && !rc; tl++) {
        int64_t v = cell_value(pc->s + n - tl, tl);
        if (v < 0)
            continue;
        if (!step(w))
            return 1;
        w->v[last] = v;
        w->known[last] = 1;
        cut_t cut = {(long)w->l->piece[p], n - tl, k - 1};
        if (check(w, &cut))
            rc = k == 1 ? walk(w, p + 1, NULL, &(cut_t){-1, 0, 0})
                        : walk(w, p, pc->s, &cut);
        w->known[last] = 0;
    }
    return rc;
}

/*
 * Chooses cell p on. Between runs (cut->piece < 0) a fixed cell is passed
 * over and a run begun; inside a run, dig[0..cut->rem) are the digits
 * left for its cut->left cells before its last. Returns 1 to stop the
 * walk (a bound met, or out of memory).
 */
static int
walk(walk_t *w, size_t p, const char *dig, cut_t *cut)
{
    if (p == w->ncells)
        return record(w);
    if (cut->piece < 0) {
        if (w->l->kind[p] == K_RUN)
            return begin_run(w, p);
        return walk(w, p + 1, NULL, cut); /* fixed: known from the start */
    }
    size_t minlen = cut->left == 1 ? cut->rem : 1;
    size_t maxlen = cut->rem - (cut->left - 1);
    if (maxlen > MAX_CELL_DIGITS)
        maxlen = MAX_CELL_DIGITS;
    int rc = 0;
    for (size_t len = minlen; len <= maxlen && !rc; len++) {
        int64_t v = cell_value(dig, len);
        if (v < 0)
            break; /* a leading zero: longer cuts have it too */
        if (!step(w))
            return 1;
        w->v[p] = v;
        w->known[p] = 1;
        cut_t next = {cut->piece, cut->rem - len, cut->left - 1};
        if (next.left == 0)
            next.piece = -1;
        if (check(w, &next))
            /* the last cell of the run is already chosen: skip it */
            rc = next.left == 0 ? walk(w, p + 2, NULL, &next)
                                : walk(w, p + 1, dig + len, &next);
        w->known[p] = 0;
    }
    return rc;
}

/* Fills layout l's kinds for the cell counts in l->k. */
static void
layout_fill(layout_t *l, const ogi__split_span_t *sp)
{
    size_t p = 0;
    for (size_t i = 0; i < sp->npieces; i++) {
        const ogi__cell_t *pc = sp->pieces[i];
        for (size_t j = 0; j < l->k[i] && p < MAX_CELLS; j++, p++) {
            l->piece[p] = (uint8_t)i;
            l->fixed[p] = 0;
            l->kind[p] = pc->kind == OGI__CELL_RUN
                             ? K_RUN
                             : (uint8_t)piece_kind(pc, &l->fixed[p]);
        }
    }
}

/* Shares `extra` cells among the runs from piece i on (each at least one,
 * at most one per digit). Returns 1 when MAX_LAYOUTS is passed, -1 when
 * out of memory. */
static int
layouts(ogi_arena_t *arena, span_t *s, layout_t *cur, size_t i, size_t extra)
{
    const ogi__split_span_t *sp = s->sp;
    while (i < sp->npieces && sp->pieces[i]->kind != OGI__CELL_RUN)
        i++;
    if (i == sp->npieces) {
        if (extra)
            return 0;
        if (s->nlay == MAX_LAYOUTS)
            return 1;
        if ((s->nlay & (s->nlay - 1)) == 0) {
            /* grown at each power of two: most spans have one layout */
            size_t cap = s->nlay ? s->nlay * 2 : 1;
            layout_t *l = ogi_arena_grow(arena, s->lay, s->nlay * sizeof(*l),
                                         cap * sizeof(*l));
            if (!l)
                return -1;
            s->lay = l;
        }
        s->lay[s->nlay] = *cur;
        layout_fill(&s->lay[s->nlay++], sp);
        return 0;
    }
    size_t runs_after = 0;
    for (size_t j = i + 1; j < sp->npieces; j++)
        runs_after += sp->pieces[j]->kind == OGI__CELL_RUN;
    for (size_t k = 1; k <= sp->pieces[i]->n && k + runs_after <= extra; k++) {
        cur->k[i] = (uint8_t)k;
        int rc = layouts(arena, s, cur, i + 1, extra - k);
        if (rc)
            return rc;
    }
    return 0;
}

/* Stage 1 for span s: its layouts, then every split they allow. */
static int
span_walk(ctx_t *cx, span_t *s)
{
    const ogi__split_span_t *sp = s->sp;
    size_t runs = 0, fixed = 0;
    for (size_t i = 0; i < sp->npieces; i++) {
        const ogi__cell_t *pc = sp->pieces[i];
        if (pc->kind != OGI__CELL_RUN) {
            fixed++;
            continue;
        }
        runs++;
        if (pc->n > MAX_RUN_DIGITS) {
            s->fail = F_LONG;
            return 0;
        }
        for (size_t k = 0; k < pc->n; k++)
            if (!ogi_text_is_digit((unsigned char)pc->s[k])) {
                s->fail = F_CHARS;
                return 0;
            }
        if (pc->n == 0) {
            s->fail = F_CHARS;
            return 0;
        }
    }
    if (fixed + runs > sp->ncells) {
        s->fail = F_SHAPE;
        return 0;
    }
    layout_t *cur = ogi_arena_calloc(cx->r->arena, 1, sizeof(*cur));
    walk_t *w = ogi_arena_calloc(cx->r->arena, 1, sizeof(*w));
    if (!cur || !w)
        return OGI_ENOMEM;
    for (size_t i = 0; i < sp->npieces; i++)
        cur->k[i] = 1;
    int lrc = layouts(cx->r->arena, s, cur, 0, sp->ncells - fixed);
    if (lrc < 0)
        return OGI_ENOMEM;
    if (lrc) {
        s->fail = F_WORK;
        return 0;
    }
    if (s->nlay == 0) {
        s->fail = F_SHAPE; /* fewer digits than cells */
        return 0;
    }
    w->cx = cx;
    w->s = s;
    w->ncells = sp->ncells;
    w->nodes = MAX_SPAN_NODES;
    for (size_t li = 0; li < s->nlay && !s->fail; li++) {
        const layout_t *l = &s->lay[li];
        w->li = li;
        w->l = l;
        for (size_t p = 0; p < sp->ncells; p++) {
            const ogi__cell_t *pc = sp->pieces[l->piece[p]];
            size_t k = l->k[l->piece[p]];
            w->runmax[p] = l->kind[p] == K_RUN ? pow10_cap(pc->n - k + 1) - 1
                                               : l->fixed[p];
        }
        for (size_t i = 0; i < s->ninst; i++) {
            const inst_t *e = &cx->inst[s->inst[i]];
            w->use[i] = 1;
            for (size_t k = 0; k < e->n; k++)
                if (l->kind[cx->opos[e->cell[k]]] == K_OPAQUE)
                    w->use[i] = 0;
        }
        for (size_t p = 0; p < sp->ncells; p++) {
            w->known[p] = l->kind[p] != K_RUN;
            w->v[p] = l->fixed[p];
        }
        walk(w, 0, NULL, &(cut_t){-1, 0, 0});
        if (cx->rc)
            return cx->rc;
    }
    if (s->fail)
        return 0;
    if (s->ncand == 0) {
        s->fail = F_NONE;
        return 0;
    }
    s->alive = ogi_arena_alloc(cx->r->arena, s->ncand);
    s->insol = ogi_arena_calloc(cx->r->arena, s->ncand, 1);
    if (!s->alive || !s->insol)
        return OGI_ENOMEM;
    memset(s->alive, 1, s->ncand);
    s->nalive = s->ncand;
    return 0;
}

/* ---- stage 2: the identities across spans ---- */

/* What split c of span si adds to instance e; 0 when a cell it gives e
 * holds no integer (e then holds whatever the others are). */
static int
contrib(const ctx_t *cx, const inst_t *e, size_t si, size_t c, int64_t *out)
{
    const span_t *s = &cx->spans[si];
    const layout_t *l = &s->lay[s->layof[c]];
    const int64_t *v = &s->vals[c * s->sp->ncells];
    int64_t x = 0;
    for (size_t k = 0; k < e->n; k++) {
        if (cx->owner[e->cell[k]] != (long)si)
            continue;
        size_t q = cx->opos[e->cell[k]];
        if (l->kind[q] == K_OPAQUE)
            return 0;
        x += e->sign[k] * v[q];
    }
    *out = x;
    return 1;
}

/* The spans instance e touches, in order, into out (at most nspans). */
static size_t
inst_spans(const ctx_t *cx, const inst_t *e, size_t *out)
{
    size_t n = 0;
    for (size_t k = 0; k < e->n; k++) {
        size_t s = (size_t)cx->owner[e->cell[k]];
        int seen = 0;
        for (size_t j = 0; j < n; j++)
            seen |= out[j] == s;
        if (!seen)
            out[n++] = s;
    }
    return n;
}

static int
cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static size_t
uniq(int64_t *a, size_t n)
{
    if (n == 0)
        return 0;
    qsort(a, n, sizeof(*a), cmp_i64);
    size_t m = 1;
    for (size_t i = 1; i < n; i++)
        if (a[i] != a[m - 1])
            a[m++] = a[i];
    return m;
}

/* Whether some combination of the spans' live splits satisfies e. When
 * the sums to track grow past MAX_SUMSET it is taken to: a wrong "yes"
 * only keeps e deciding, and the joint search is exact. */
static int
satisfiable(ctx_t *cx, const inst_t *e, size_t *spans, int64_t *dist)
{
    size_t ns = inst_spans(cx, e, spans);
    int64_t *set = cx->set_a, *next = cx->set_b;
    size_t n = 1;
    set[0] = e->fixed;
    for (size_t j = 0; j < ns; j++) {
        const span_t *s = &cx->spans[spans[j]];
        if (s->fail)
            return 1; /* its cells are missing: e is not assessable */
        size_t nd = 0;
        for (size_t c = 0; c < s->ncand; c++) {
            if (!s->alive[c])
                continue;
            if (!contrib(cx, e, spans[j], c, &dist[nd]))
                return 1;
            nd++;
        }
        nd = uniq(dist, nd);
        if (n * nd > MAX_SUMSET)
            return 1;
        size_t m = 0;
        for (size_t a = 0; a < n; a++)
            for (size_t b = 0; b < nd; b++)
                next[m++] = set[a] + dist[b];
        n = uniq(next, m);
        int64_t *t = set;
        set = next;
        next = t;
    }
    for (size_t a = 0; a < n; a++)
        if (set[a] == 0)
            return 1;
    return 0;
}

/* Narrows the live splits of the spans of the kept instances by bounds.
 * Returns 1 when a span is left with none. */
static int
narrow(ctx_t *cx, size_t *spans)
{
    for (int round = 0; round < MAX_ROUNDS; round++) {
        int changed = 0;
        for (size_t i = 0; i < cx->ninst; i++) {
            const inst_t *e = &cx->inst[i];
            if (!e->kept)
                continue;
            size_t ns = inst_spans(cx, e, spans);
            int64_t lo = e->fixed, hi = e->fixed;
            int64_t mn[MAX_INST_CELLS], mx[MAX_INST_CELLS];
            int wild = 0;
            for (size_t j = 0; j < ns && !wild; j++) {
                const span_t *s = &cx->spans[spans[j]];
                int any = 0;
                mn[j] = mx[j] = 0;
                for (size_t c = 0; c < s->ncand; c++) {
                    int64_t x;
                    if (!s->alive[c])
                        continue;
                    if (!contrib(cx, e, spans[j], c, &x)) {
                        wild = 1;
                        break;
                    }
                    if (!any || x < mn[j])
                        mn[j] = x;
                    if (!any || x > mx[j])
                        mx[j] = x;
                    any = 1;
                }
                lo += mn[j];
                hi += mx[j];
            }
            if (wild)
                continue; /* holds under some split whatever the rest */
            for (size_t j = 0; j < ns; j++) {
                span_t *s = &cx->spans[spans[j]];
                int64_t olo = lo - mn[j], ohi = hi - mx[j];
                for (size_t c = 0; c < s->ncand; c++) {
                    int64_t x;
                    if (!s->alive[c] || !contrib(cx, e, spans[j], c, &x))
                        continue;
                    if (x + olo > 0 || x + ohi < 0) {
                        s->alive[c] = 0;
                        s->nalive--;
                        changed = 1;
                    }
                }
                if (s->nalive == 0)
                    return 1;
            }
        }
        if (!changed)
            break;
    }
    return 0;
}

typedef struct {
    ctx_t *cx;
    size_t *order; /* spans in search order */
    size_t n;
    size_t *choice; /* split chosen for each */
    size_t *best;   /* the best solution so far */
    score_t best_score;
    size_t nsol;
    long nodes;
    uint32_t *done_at; /* per instance: order index of its last span */
} joint_t;

/* Whether every kept instance completed at order index i holds. */
static int
joint_ok(const joint_t *j, size_t i)
{
    const ctx_t *cx = j->cx;
    for (size_t k = 0; k < cx->ninst; k++) {
        const inst_t *e = &cx->inst[k];
        if (!e->kept || j->done_at[k] != i)
            continue;
        int64_t sum = e->fixed;
        int wild = 0;
        for (size_t a = 0; a <= i && !wild; a++) {
            int64_t x;
            size_t si = j->order[a];
            int touches = 0;
            for (size_t m = 0; m < e->n; m++)
                touches |= cx->owner[e->cell[m]] == (long)si;
            if (!touches)
                continue;
            if (!contrib(cx, e, si, j->choice[a], &x))
                wild = 1;
            else
                sum += x;
        }
        if (!wild && sum != 0)
            return 0;
    }
    return 1;
}

/* Returns 1 when the search ran out of steps. */
static int
joint_walk(joint_t *j, size_t i)
{
    ctx_t *cx = j->cx;
    if (i == j->n) {
        score_t sc = {0, 0, 0, 0};
        for (size_t a = 0; a < j->n; a++) {
            span_t *s = &cx->spans[j->order[a]];
            s->insol[j->choice[a]] = 1;
            score_add(&sc, &s->score[j->choice[a]]);
        }
        if (j->nsol++ == 0 || score_cmp(&sc, &j->best_score) < 0) {
            j->best_score = sc;
            memcpy(j->best, j->choice, j->n * sizeof(*j->best));
        }
        return 0;
    }
    span_t *s = &cx->spans[j->order[i]];
    for (size_t c = 0; c < s->ncand; c++) {
        if (!s->alive[c])
            continue;
        if (--j->nodes < 0 || --cx->work < 0)
            return 1;
        j->choice[i] = c;
        if (joint_ok(j, i) && joint_walk(j, i + 1))
            return 1;
    }
    return 0;
}

/* The live split of s that ranks first. */
static size_t
best_alive(const span_t *s, const uint8_t *set)
{
    size_t best = SIZE_MAX;
    for (size_t c = 0; c < s->ncand; c++)
        if (set[c] &&
            (best == SIZE_MAX || score_cmp(&s->score[c], &s->score[best]) < 0))
            best = c;
    return best;
}

static int
across(ctx_t *cx)
{
    size_t *spans =
        ogi_arena_alloc(cx->r->arena, (cx->nspans + 1) * sizeof(*spans));
    size_t maxc = 1;
    for (size_t i = 0; i < cx->nspans; i++)
        if (cx->spans[i].ncand > maxc)
            maxc = cx->spans[i].ncand;
    int64_t *dist = ogi_arena_alloc(cx->r->arena, maxc * sizeof(*dist));
    if (!spans || !dist)
        return OGI_ENOMEM;
    /* which cross instances decide: assessable, and satisfiable by some
     * combination (else the report's own error, for the validator) */
    size_t nkept = 0;
    for (size_t i = 0; i < cx->ninst; i++) {
        inst_t *e = &cx->inst[i];
        if (e->span == -3 || !e->ident)
            continue;
        size_t ns = inst_spans(cx, e, spans);
        int assessable = 1;
        for (size_t j = 0; j < ns; j++)
            assessable &= !cx->spans[spans[j]].fail;
        if (!assessable || !satisfiable(cx, e, spans, dist))
            continue;
        e->kept = 1;
        nkept++;
    }
    for (size_t i = 0; i < cx->nspans; i++) {
        span_t *s = &cx->spans[i];
        if (!s->fail)
            s->chosen = best_alive(s, s->alive);
    }
    if (!nkept)
        return 0;
    int contradiction = narrow(cx, spans);
    /* the joint search over the spans the kept instances touch */
    joint_t j = {.cx = cx};
    j.order = ogi_arena_alloc(cx->r->arena, cx->nspans * sizeof(size_t));
    j.choice = ogi_arena_alloc(cx->r->arena, cx->nspans * sizeof(size_t));
    j.best = ogi_arena_alloc(cx->r->arena, cx->nspans * sizeof(size_t));
    j.done_at = ogi_arena_alloc(cx->r->arena, cx->ninst * sizeof(uint32_t));
    if (!j.order || !j.choice || !j.best || !j.done_at)
        return OGI_ENOMEM;
    for (size_t i = 0; i < cx->ninst; i++) {
        const inst_t *e = &cx->inst[i];
        if (!e->kept)
            continue;
        size_t ns = inst_spans(cx, e, spans);
        for (size_t k = 0; k < ns; k++)
            if (cx->spans[spans[k]].joint < 0) {
                cx->spans[spans[k]].joint = 0;
                j.n++;
            }
    }
    for (size_t i = 0, n = 0; i < cx->nspans; i++)
        if (cx->spans[i].joint >= 0) {
            cx->spans[i].joint = (long)n;
            j.order[n++] = i;
        }
    for (size_t i = 0; i < cx->ninst; i++) {
        const inst_t *e = &cx->inst[i];
        j.done_at[i] = 0;
        if (!e->kept)
            continue;
        size_t ns = inst_spans(cx, e, spans);
        for (size_t k = 0; k < ns; k++)
            if ((uint32_t)cx->spans[spans[k]].joint > j.done_at[i])
                j.done_at[i] = (uint32_t)cx->spans[spans[k]].joint;
    }
    int out_of_steps = 0;
    if (!contradiction) {
        j.nodes = MAX_JOINT_NODES;
        out_of_steps = joint_walk(&j, 0);
        contradiction = !out_of_steps && j.nsol == 0;
    }
    for (size_t a = 0; a < j.n; a++) {
        span_t *s = &cx->spans[j.order[a]];
        if (contradiction) {
            s->fail = F_JOINT;
        } else if (out_of_steps) {
            /* what each span allows on its own, narrowed by bounds: a
             * superset of the truth, never a guess */
            s->chosen = best_alive(s, s->alive);
        } else {
            memcpy(s->alive, s->insol, s->ncand);
            s->nalive = 0;
            for (size_t c = 0; c < s->ncand; c++)
                s->nalive += s->alive[c];
            s->chosen = j.best[a];
        }
    }
    return 0;
}

/* ---- stage 3: placing and telling ---- */

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
            size_t nd = ndigits(v[p]);
            c->state = OGI_CELL_NUM;
            c->value = v[p];
            c->scale = 0;
            c->unit = 0;
            /* the cell's own digits when the run's text is the source
             * itself, else the whole run */
            if (tx && pc->s == tx->s + pc->off && pc->n == pc->len)
                set_span(c, tx, pc->off + digit, nd);
            else
                set_span(c, tx, pc->off, pc->len);
            digit += nd;
        }
        t->row_found[idx / cx->sk->ncols] = 1;
    }
}

typedef struct {
    score_t sc;
    size_t c;
} ranked_t;

static int
cmp_ranked(const void *a, const void *b)
{
    const ranked_t *x = a, *y = b;
    int d = score_cmp(&x->sc, &y->sc);
    if (d)
        return d;
    return (x->c > y->c) - (x->c < y->c);
}

static int
tell(ctx_t *cx, const span_t *s)
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
        show_pieces(&b, sp);
        return ogi_report_add_finding(cx->r, "P8", OGI_SEV_WARNING, path,
                                      "%s for %zu cells: %s; left unsplit", msg,
                                      sp->ncells, why[s->fail]);
    }
    place(cx, s);
    show_pieces(&b, sp);
    if (s->nalive == 1) {
        buf_put(&b, " split as ", 10);
        show_split(&b, s, s->chosen);
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
    return ogi_report_add_finding(cx->r, "P6", OGI_SEV_WARNING, path, "%s",
                                  msg);
}

int
ogi__split_runs(ogi_report_t *r, const ogi__table_t *g, ogi_table_id_t id,
                const ogi__split_span_t *spans, size_t n)
{
    int rc = ogi_report_table_init(r, id);
    if (rc || n == 0)
        return rc;
    ctx_t cx = {.r = r, .g = g, .id = id, .sk = ogi_skeleton_table(id)};
    cx.tcells = cx.sk->nrows * cx.sk->ncols;
    cx.work = MAX_CALL_NODES;
    cx.nspans = n;
    cx.owner = ogi_arena_alloc(r->arena, cx.tcells * sizeof(*cx.owner));
    cx.opos = ogi_arena_calloc(r->arena, cx.tcells, 1);
    cx.spans = ogi_arena_calloc(r->arena, n, sizeof(*cx.spans));
    cx.set_a = ogi_arena_alloc(r->arena, 2 * MAX_SUMSET * sizeof(int64_t));
    if (!cx.owner || !cx.opos || !cx.spans || !cx.set_a)
        return OGI_ENOMEM;
    cx.set_b = cx.set_a + MAX_SUMSET;
    for (size_t i = 0; i < cx.tcells; i++)
        cx.owner[i] = -1;
    for (size_t i = 0; i < n; i++) {
        span_t *s = &cx.spans[i];
        s->sp = &spans[i];
        s->joint = -1;
        const ogi__split_span_t *sp = &spans[i];
        int fits = sp->ncells > 0 && sp->ncells <= MAX_CELLS &&
                   sp->npieces <= MAX_PIECES && sp->first < cx.tcells &&
                   sp->ncells <= cx.tcells - sp->first;
        for (size_t p = 0; fits && p < sp->ncells; p++)
            fits = cx.owner[sp->first + p] < 0; /* spans never overlap */
        if (!fits) {
            s->fail = F_SHAPE;
            continue;
        }
        for (size_t p = 0; p < sp->ncells; p++) {
            cx.owner[sp->first + p] = (int16_t)i;
            cx.opos[sp->first + p] = (uint8_t)p;
        }
    }
    if ((rc = build_instances(&cx)))
        return rc;
    for (size_t i = 0; i < n; i++)
        if (!cx.spans[i].fail && (rc = span_walk(&cx, &cx.spans[i])))
            return rc;
    if ((rc = across(&cx)))
        return rc;
    for (size_t i = 0; i < n; i++)
        if ((rc = tell(&cx, &cx.spans[i])))
            return rc;
    return 0;
}
