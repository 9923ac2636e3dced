/*
 * split_cuts.c - the depth-first walk over the cuts of a span's runs in
 * one layout (split_int.h, stage 1 of split.c; split_walk.c gives the
 * layouts): each run's digits cut into its cells, pruned by the
 * identities along the span's rows, every split that keeps them recorded.
 */
#include "ogi_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#define OGI__SPLIT_INTERNAL
#include "split_int.h"

int64_t
ogi__split_pow10(size_t digits)
{
    int64_t p = 1;
    if (digits > MAX_CELL_DIGITS)
        digits = MAX_CELL_DIGITS;
    for (size_t i = 0; i < digits; i++)
        p *= 10;
    return p;
}

/* Blank cells a piece may stand for when it is a gap (split_int.h), or 0
 * when it is not one. */
size_t
ogi__split_gap_cells(const ogi__cell_t *p)
{
    if (p->kind != OGI__CELL_BLANK || p->n == 0)
        return 0;
    return p->n < MAX_GAP_CELLS ? p->n : MAX_GAP_CELLS;
}

/* A one-cell piece as the arithmetic reads it. */
int
ogi__split_piece_kind(const ogi__cell_t *p, int64_t *v)
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
    int64_t cur_max =
        cut->left ? ogi__split_pow10(cut->rem - cut->left + 1) - 1 : 0;
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
        int side = w->l->neg[q] ? -e->sign[i] : e->sign[i];
        if (cur) {
            cur_in++;
            if (cur_sign && cur_sign != side)
                one_side = 0;
            cur_sign = side;
        }
        if (side > 0)
            hi += x;
        else
            lo -= x;
    }
    if (unknown == 0)
        return lo == 0;
    if (cur_in && cur_in == cut->left && one_side) {
        size_t d = (cut->rem + cut->left - 1) / cut->left;
        int64_t least = d > 1 ? ogi__split_pow10(d - 1) : 0;
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
    if (w->shape_only)
        return 1;
    for (size_t i = 0; i < s->ninst; i++) {
        const inst_t *e = &w->cx->inst[s->inst[i]];
        if (w->use[i] && e->ident && !inst_ok(w, e, cut))
            return 0;
    }
    return 1;
}

/*
 * The column of a table of documents that holds their stock (现行有效件数,
 * 对外公开总数量), or -1: it counts this year's documents and those of
 * the years before, so it is seldom smaller than the year's flows beside
 * it, and its cells are tens and hundreds as often as not.
 */
static long
stock_col(const ctx_t *cx)
{
    if (cx->id == OGI_T2_21_1)
        return ogi_skeleton_col_index(cx->id, "in_force");
    if (cx->id == OGI_T2_19_1)
        return ogi_skeleton_col_index(cx->id, "total_published");
    return -1;
}

/*
 * Whether most cells of the table are 0 or a few: Table 3's and 4's
 * counts of applications are, so a split with fewer cells of several
 * digits is the likelier. Not so a table with a change (本年增/减) or an
 * amount: its counts are of licences, penalties and purchases, thousands
 * as often as not; nor Table 2's of documents, whose stock is (crawler
 * pages run "行政规范性文件77132470" for 77 132 470).
 */
static int
small_cells(const ctx_t *cx)
{
    if (stock_col(cx) >= 0)
        return 0;
    for (size_t c = 0; c < cx->sk->ncols; c++)
        if (cx->sk->cols[c].type != OGI_VT_COUNT)
            return 0;
    return 1;
}

/* Flows of the rows of w's split larger than their row's stock. */
static int
stock_short(const walk_t *w)
{
    const ctx_t *cx = w->cx;
    long sc = stock_col(cx);
    if (sc < 0)
        return 0;
    size_t nc = cx->sk->ncols, first = w->s->sp->first, n = 0;
    for (size_t p = 0; p < w->ncells; p++) {
        size_t cell = first + p, at = cell - cell % nc + (size_t)sc;
        if (cell % nc == (size_t)sc || at < first || at >= first + w->ncells)
            continue;
        size_t q = at - first;
        if ((w->l->kind[p] == K_RUN || w->l->kind[p] == K_NUM) &&
            (w->l->kind[q] == K_RUN || w->l->kind[q] == K_NUM) &&
            w->v[p] > w->v[q])
            n++;
    }
    return (int)n;
}

/* Keeps the split in w->v. Returns 1 to stop the walk. */
static int
record(walk_t *w)
{
    span_t *s = w->s;
    ctx_t *cx = w->cx;
    if (w->shape_only && s->ncand >= w->shape_cuts) {
        s->ncand = w->shape_cuts + 1; /* a cut more: the shape decides
                                         nothing */
        return 1;
    }
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
    score_t sc = {0};
    sc.odd = w->odd;
    for (size_t i = 0; i < s->ninst; i++) {
        const inst_t *e = &cx->inst[s->inst[i]];
        if (!e->ident)
            continue;
        if (w->blanked[i]) {
            sc.blank += 1; /* a total left blank: unchecked */
            continue;
        }
        int64_t sum = e->fixed;
        int opaque = 0;
        for (size_t k = 0; k < e->n; k++) {
            size_t q = cx->opos[e->cell[k]];
            opaque |= w->l->kind[q] == K_OPAQUE;
            sum += e->sign[k] * w->v[q];
        }
        /* a total printed that its parts do not make (only where the
         * row is read by its shape alone, its identities unchecked) */
        if (!opaque && sum != 0)
            sc.blank += 2;
    }
    sc.implaus = stock_short(w);
    int small = small_cells(cx);
    for (size_t p = 0; p < w->ncells; p++) {
        size_t cell = s->sp->first + p;
        if (ogi__split_signed_at(cx, s, p) && p > 0 &&
            cell % cx->sk->ncols > 0 && w->l->kind[p - 1] != K_OPAQUE) {
            /* a stock seldom changes by more than it held */
            int64_t d = w->v[p] < 0 ? -w->v[p] : w->v[p];
            sc.implaus += d > w->v[p - 1];
            size_t pi = w->l->piece[p];
            int written = w->l->kind[p] == K_RUN &&
                          (p == 0 || w->l->piece[p - 1] != pi) && pi > 0 &&
                          s->sign[pi - 1] && w->l->k[pi - 1] == 0;
            if (!written)
                sc.bare += d;
        }
        if (w->v[p] && cell % cx->sk->ncols < OGI__SPLIT_MAX_COLS)
            sc.rare += cx->rare[cell % cx->sk->ncols];
        if (w->l->kind[p] != K_RUN || ogi__split_amount_at(cx, cell))
            continue; /* an amount is as large as it is */
        int64_t a = w->v[p] < 0 ? -w->v[p] : w->v[p];
        sc.multi += small && a >= 10;
        sc.sum += a;
        if (a > sc.max)
            sc.max = a;
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

/* The value of a run's last cell dig[0..len) whose last frac digits are
 * decimals (an amount: "348939" with 1 is 34893.9), or -1 when it is no
 * cell: the integer part has at least one digit and no leading zero
 * ("0.5" is one, "05.5" is not). */
static int64_t
last_value(const char *dig, size_t len, size_t frac)
{
    if (frac == 0)
        return cell_value(dig, len);
    if (len <= frac || len > MAX_CELL_DIGITS ||
        (len - frac > 1 && dig[0] == '0'))
        return -1;
    int64_t v = 0;
    for (size_t i = 0; i < len; i++)
        v = v * 10 + (dig[i] - '0');
    return v;
}

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
    size_t pi = w->l->piece[p], frac = w->s->frac[pi];
    int amount = frac || w->s->unit[pi];
    if (amount && !ogi__split_amount_at(w->cx, w->s->sp->first + last))
        return 0; /* a point or a unit in a cell that is no amount */
    for (size_t tl = k == 1 ? n : 1; tl <= maxlen && !rc; tl++) {
        int64_t v = last_value(pc->s + n - tl, tl, frac);
        if (v < 0)
            continue;
        if (!step(w))
            return 1;
        w->v[last] = w->l->neg[last] ? -v : v;
        w->known[last] = 1;
        cut_t cut = {(long)w->l->piece[p], n - tl, k - 1};
        if (check(w, &cut))
            rc = k == 1
                     ? ogi__split_walk_cuts(w, p + 1, NULL, &(cut_t){-1, 0, 0})
                     : ogi__split_walk_cuts(w, p, pc->s, &cut);
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
int
ogi__split_walk_cuts(walk_t *w, size_t p, const char *dig, cut_t *cut)
{
    if (p == w->ncells)
        return record(w);
    if (cut->piece < 0) {
        if (w->l->kind[p] == K_RUN)
            return begin_run(w, p);
        return ogi__split_walk_cuts(w, p + 1, NULL,
                                    cut); /* fixed: known from the start */
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
        w->v[p] = w->l->neg[p] ? -v : v;
        w->known[p] = 1;
        cut_t next = {cut->piece, cut->rem - len, cut->left - 1};
        if (next.left == 0)
            next.piece = -1;
        if (check(w, &next))
            /* the last cell of the run is already chosen: skip it */
            rc = next.left == 0
                     ? ogi__split_walk_cuts(w, p + 2, NULL, &next)
                     : ogi__split_walk_cuts(w, p + 1, dig + len, &next);
        w->known[p] = 0;
    }
    return rc;
}
