/*
 * split_walk.c - the splits of one span (split_int.h, stage 1 of split.c):
 * the ways its cells share among its runs (layouts), then a depth-first
 * walk over the cuts of each run, pruned by the identities along the
 * span's rows.
 */
#include "ogi_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#define OGI__SPLIT_INTERNAL
#include "split_int.h"

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

/* Most blank cells one gap may stand for. */
#define MAX_GAP_CELLS 6
/* Most blank cells all gaps of a span may stand for when their layouts
 * are too many to try at once. */
#define MAX_GAP_BUDGET 6

/* Blank cells a piece may stand for when it is a gap (split_int.h), or 0
 * when it is not one. */
static size_t
gap_cells(const ogi__cell_t *p)
{
    if (p->kind != OGI__CELL_BLANK || p->n == 0)
        return 0;
    return p->n < MAX_GAP_CELLS ? p->n : MAX_GAP_CELLS;
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
    uint8_t blanked[MAX_SPAN_INST]; /* not, for a total read as blank
                                       beside cells that hold something */
    long nodes;                 /* steps left for this span */
    int shape_only;             /* the identities are not checked: the
                                   cuts the digits allow at all */
    int odd;                    /* score_t.odd of the layout walked */
    int blank_total;            /* an identity whose total side holds
                                   a gap's blank cell is not checked */
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
    if (w->shape_only)
        return 1;
    for (size_t i = 0; i < s->ninst; i++) {
        const inst_t *e = &w->cx->inst[s->inst[i]];
        if (w->use[i] && e->ident && !inst_ok(w, e, cut))
            return 0;
    }
    return 1;
}

static int signed_at(const ctx_t *cx, const span_t *s, size_t at);

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
    if (w->shape_only && s->ncand == 1) {
        s->ncand = 2; /* a second cut: the shape decides nothing */
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
        if (signed_at(cx, s, p) && p > 0 && cell % cx->sk->ncols > 0 &&
            w->l->kind[p - 1] != K_OPAQUE) {
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
        w->v[p] = w->l->neg[p] ? -v : v;
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
layout_fill(layout_t *l, const span_t *s)
{
    const ogi__split_span_t *sp = s->sp;
    size_t p = 0;
    int neg = 0; /* the next run's first cell follows a minus sign */
    for (size_t i = 0; i < sp->npieces; i++) {
        const ogi__cell_t *pc = sp->pieces[i];
        if (s->sign[i] && l->k[i] == 0) {
            neg = s->sign[i] < 0;
            continue;
        }
        for (size_t j = 0; j < l->k[i] && p < MAX_CELLS; j++, p++) {
            l->piece[p] = (uint8_t)i;
            l->fixed[p] = 0;
            l->neg[p] = (uint8_t)(neg && j == 0);
            l->kind[p] = pc->kind == OGI__CELL_RUN
                             ? K_RUN
                             : (uint8_t)piece_kind(pc, &l->fixed[p]);
        }
        neg = 0;
    }
}

/* Placeholder marks a piece may stand for one each ("--/": up to three
 * cells), or 0 when it is no run of marks. */
static size_t
mark_cells(const ogi__cell_t *p)
{
    if (p->kind != OGI__CELL_VALUE || p->num.kind != OGI_NUM_PLACEHOLDER ||
        p->n < 2)
        return 0;
    for (size_t i = 0; i < p->n; i++)
        if (p->s[i] != '-' && p->s[i] != '/')
            return 0;
    return p->n < MAX_GAP_CELLS ? p->n : MAX_GAP_CELLS;
}

/* Whether piece i may take other than one cell: a run, a gap or a run of
 * marks (when s->gaps), or a sign. */
static int
variable(const span_t *s, size_t i)
{
    const ogi__cell_t *p = s->sp->pieces[i];
    return p->kind == OGI__CELL_RUN || s->sign[i] ||
           (s->gaps >= 1 && gap_cells(p)) || (s->gaps >= 2 && mark_cells(p));
}

/* Whether cell `at` of s is in a signed column (本年增/减). */
static int
signed_at(const ctx_t *cx, const span_t *s, size_t at)
{
    size_t col = (s->sp->first + at) % cx->sk->ncols;
    return cx->sk->cols[col].type == OGI_VT_SIGNED;
}

/* Whether s holds a run of digits. */
static int
any_run(const span_t *s)
{
    for (size_t i = 0; i < s->sp->npieces; i++)
        if (s->sp->pieces[i]->kind == OGI__CELL_RUN)
            return 1;
    return 0;
}

/* Shares `extra` cells among the variable pieces from piece i on, cell
 * `at` of the span the first they fill: a run at least one cell and at
 * most one per digit, a gap none to gap_cells, a run of marks one to
 * mark_cells (one of them counted fixed), a sign none when the run after
 * it starts in a signed column, one (a placeholder) when it is "-".
 * Returns 1 when MAX_LAYOUTS is passed, -1 when out of memory. */
static int
layouts(const ctx_t *cx, span_t *s, layout_t *cur, size_t i, size_t at,
        size_t extra, size_t gap_left)
{
    const ogi__split_span_t *sp = s->sp;
    while (i < sp->npieces && !variable(s, i))
        at += cur->k[i++];
    if (i == sp->npieces) {
        if (extra)
            return 0;
        if (s->nlay == (s->free && !any_run(s) ? MAX_FREE_LAYOUTS
                                                : MAX_LAYOUTS))
            return 1;
        if ((s->nlay & (s->nlay - 1)) == 0) {
            /* grown at each power of two: most spans have one layout */
            size_t cap = s->nlay ? s->nlay * 2 : 1;
            layout_t *l = ogi_arena_grow(
                cx->r->arena, s->lay, s->nlay * sizeof(*l), cap * sizeof(*l));
            if (!l)
                return -1;
            s->lay = l;
        }
        s->lay[s->nlay] = *cur;
        layout_fill(&s->lay[s->nlay++], s);
        return 0;
    }
    size_t runs_after = 0;
    for (size_t j = i + 1; j < sp->npieces; j++)
        runs_after += sp->pieces[j]->kind == OGI__CELL_RUN;
    size_t lo = 1, hi = sp->pieces[i]->n, base = 0;
    if (s->sign[i]) {
        lo = signed_at(cx, s, at) ? 0 : 1;
        hi = s->sign[i] == -2 ? 1 : 0;
    } else if (sp->pieces[i]->kind != OGI__CELL_RUN) {
        size_t m = mark_cells(sp->pieces[i]);
        lo = m ? 1 : 0;
        hi = m ? m : gap_cells(sp->pieces[i]);
        base = m ? 1 : 0; /* counted among the fixed cells */
        if (!m && s->gap_exact)
            lo = hi = sp->pieces[i]->n;
        if (!m && s->gap_loose)
            hi = MAX_GAP_CELLS;
        if (!m && hi > gap_left)
            hi = gap_left;
    }
    int gap = !s->sign[i] && sp->pieces[i]->kind != OGI__CELL_RUN &&
              !mark_cells(sp->pieces[i]);
    for (size_t k = lo; k <= hi && k - base + runs_after <= extra; k++) {
        cur->k[i] = (uint8_t)k;
        int rc = layouts(cx, s, cur, i + 1, at + k, extra - (k - base),
                         gap ? gap_left - k : gap_left);
        if (rc)
            return rc;
    }
    cur->k[i] = (uint8_t)base;
    return 0;
}

/* Every layout of s, then every split they allow, into s. Returns 0 or
 * OGI_ENOMEM; what runs out is s->fail. */
static int
walk_layouts(ctx_t *cx, span_t *s, layout_t *cur, walk_t *w, size_t fixed)
{
    const ogi__split_span_t *sp = s->sp;
    s->nlay = 0;
    s->ncand = 0;
    for (size_t i = 0; i < sp->npieces; i++)
        cur->k[i] = sp->pieces[i]->kind == OGI__CELL_RUN || s->sign[i] ||
                            gap_cells(sp->pieces[i])
                        ? 0
                        : 1;
    int lrc = layouts(cx, s, cur, 0, 0, sp->ncells - fixed,
                      s->gap_budget ? s->gap_budget : SIZE_MAX);
    if (lrc < 0)
        return OGI_ENOMEM;
    if (lrc) {
        s->fail = F_WORK;
        return 0;
    }
    w->nodes = MAX_SPAN_NODES;
    for (size_t li = 0; li < s->nlay && !s->fail; li++) {
        const layout_t *l = &s->lay[li];
        w->li = li;
        w->l = l;
        w->odd = 0;
        for (size_t i = 0; i < sp->npieces; i++) {
            size_t g = gap_cells(sp->pieces[i]), m = mark_cells(sp->pieces[i]);
            if (g && !s->free) /* a free gap has no count to keep */
                w->odd += (int)(g > l->k[i] ? g - l->k[i] : l->k[i] - g);
            else if (m)
                w->odd += l->k[i] - 1;
        }
        for (size_t p = 0; p < sp->ncells; p++)
            /* "-" before digits in a change column is the change's sign
             * more likely than a placeholder of its own */
            w->odd += s->sign[l->piece[p]] != 0 && signed_at(cx, s, p);
        for (size_t p = 0; p < sp->ncells; p++) {
            const ogi__cell_t *pc = sp->pieces[l->piece[p]];
            size_t k = l->k[l->piece[p]];
            w->runmax[p] = l->kind[p] == K_RUN ? pow10_cap(pc->n - k + 1) - 1
                                               : l->fixed[p];
        }
        for (size_t i = 0; i < s->ninst; i++) {
            const inst_t *e = &cx->inst[s->inst[i]];
            int blank = 0, held = 0;
            w->use[i] = 1;
            for (size_t k = 0; k < e->n; k++) {
                size_t q = cx->opos[e->cell[k]];
                const ogi__cell_t *pq = sp->pieces[l->piece[q]];
                if (l->kind[q] == K_OPAQUE ||
                    (w->blank_total && e->sign[k] < 0 && gap_cells(pq)))
                    w->use[i] = 0;
                blank |= e->sign[k] < 0 && pq->kind == OGI__CELL_BLANK;
                held |= e->sign[k] > 0 && pq->kind != OGI__CELL_BLANK;
            }
            w->blanked[i] = (uint8_t)(blank && held && e->ident);
        }
        for (size_t p = 0; p < sp->ncells; p++) {
            w->known[p] = l->kind[p] != K_RUN;
            w->v[p] = l->fixed[p];
        }
        walk(w, 0, NULL, &(cut_t){-1, 0, 0});
        if (cx->rc)
            return cx->rc;
    }
    return 0;
}

/* walk_layouts with the row's gaps read as blank cells: one per no-break
 * space (exact), or up to MAX_GAP_CELLS each (white space collapsed); the
 * layouts it found added to *any_lay, a failure to fit forgotten. */
static int
walk_gaps(ctx_t *cx, span_t *s, layout_t *cur, walk_t *w, size_t fixed,
          int exact, size_t *any_lay)
{
    s->gaps = 1;
    s->gap_exact = exact;
    s->gap_loose = !exact;
    int rc = walk_layouts(cx, s, cur, w, fixed);
    s->gap_exact = 0;
    s->gap_loose = 0;
    if (rc)
        return rc;
    *any_lay += s->nlay;
    if (s->fail) {
        s->fail = F_OK;
        s->ncand = 0;
    }
    return 0;
}

size_t
ogi__split_most_cells(const ogi__cell_t *const *pieces, size_t n)
{
    size_t most = 0;
    for (size_t i = 0; i < n; i++) {
        const ogi__cell_t *p = pieces[i];
        size_t m = mark_cells(p);
        size_t gap = p->n > MAX_GAP_CELLS ? p->n : MAX_GAP_CELLS;
        most += p->kind == OGI__CELL_RUN                 ? p->n
                : p->kind == OGI__CELL_BLANK && p->n > 0 ? gap
                : m                                      ? m
                                                         : 1;
    }
    return most;
}

/* The cells of s that are a total of one of its rows (split_int.h). */
static uint64_t
row_totals(const ctx_t *cx, const span_t *s)
{
    uint64_t m = 0;
    for (size_t i = 0; i < s->ninst; i++) {
        const inst_t *e = &cx->inst[s->inst[i]];
        if (!e->ident || !e->along_rows)
            continue;
        for (size_t k = 0; k < e->n; k++)
            if (e->sign[k] < 0 && cx->opos[e->cell[k]] < 64)
                m |= (uint64_t)1 << cx->opos[e->cell[k]];
    }
    return m;
}

int
ogi__split_unset_total(const span_t *s, size_t c, size_t p)
{
    if (s->shape_only < 2 || p >= 64 || !(s->totals >> p & 1))
        return 0;
    const layout_t *l = &s->lay[s->layof[c]];
    return l->kind[p] == K_ZERO &&
           gap_cells(s->sp->pieces[l->piece[p]]) > 0;
}

/* Cells of s's pieces that are neither a run's nor a gap's nor a sign's:
 * one each. */
static size_t
fixed_cells(const span_t *s)
{
    size_t fixed = 0;
    for (size_t i = 0; i < s->sp->npieces; i++) {
        const ogi__cell_t *pc = s->sp->pieces[i];
        fixed += !gap_cells(pc) && !s->sign[i] && pc->kind != OGI__CELL_RUN;
    }
    return fixed;
}

int
ogi__split_span_loosen(ctx_t *cx, span_t *s)
{
    layout_t *cur = ogi_arena_calloc(cx->r->arena, 1, sizeof(*cur));
    walk_t *w = ogi_arena_calloc(cx->r->arena, 1, sizeof(*w));
    if (!cur || !w)
        return OGI_ENOMEM;
    w->cx = cx;
    w->s = s;
    w->ncells = s->sp->ncells;
    w->blank_total = 1;
    s->fail = F_OK;
    s->gaps = 1;
    s->gap_loose = 1;
    int rc = walk_layouts(cx, s, cur, w, fixed_cells(s));
    s->gap_loose = 0;
    if (rc)
        return rc;
    if (!s->fail && s->ncand == 0)
        s->fail = F_NONE;
    if (s->fail)
        return 0;
    s->shape_only = 3;
    s->alive = ogi_arena_alloc(cx->r->arena, s->ncand);
    s->insol = ogi_arena_calloc(cx->r->arena, s->ncand, 1);
    if (!s->alive || !s->insol)
        return OGI_ENOMEM;
    memset(s->alive, 1, s->ncand);
    s->nalive = s->ncand;
    return 0;
}

/* Stage 1 for a free span (one holding ogi__split_free_gap): every
 * placement of its values that keeps its row's identities, else every
 * one that leaves its total blank (shape_only 3). */
static int
walk_free(ctx_t *cx, span_t *s, int blank_total)
{
    layout_t *cur = ogi_arena_calloc(cx->r->arena, 1, sizeof(*cur));
    walk_t *w = ogi_arena_calloc(cx->r->arena, 1, sizeof(*w));
    if (!cur || !w)
        return OGI_ENOMEM;
    w->cx = cx;
    w->s = s;
    w->ncells = s->sp->ncells;
    s->gaps = 1;
    s->gap_loose = 1;
    int rc = walk_layouts(cx, s, cur, w, fixed_cells(s));
    if (!rc && !s->fail && s->ncand == 0 && blank_total) {
        w->blank_total = 1;
        rc = walk_layouts(cx, s, cur, w, fixed_cells(s));
        s->shape_only = 3;
    }
    s->gap_loose = 0;
    if (rc)
        return rc;
    if (!s->fail && s->ncand == 0)
        s->fail = F_NONE;
    if (s->fail)
        return 0;
    s->alive = ogi_arena_alloc(cx->r->arena, s->ncand);
    s->insol = ogi_arena_calloc(cx->r->arena, s->ncand, 1);
    if (!s->alive || !s->insol)
        return OGI_ENOMEM;
    memset(s->alive, 1, s->ncand);
    s->nalive = s->ncand;
    return 0;
}

static int span_walk(ctx_t *cx, span_t *s);

/* Stage 1 for span s: its layouts, then every split they allow. */
int
ogi__split_span_walk(ctx_t *cx, span_t *s)
{
    const ogi__split_span_t *sp = s->sp;
    s->totals = row_totals(cx, s);
    if (s->free)
        return walk_free(cx, s, 1);
    int rc = span_walk(cx, s);
    if (rc || (s->fail != F_NONE && s->fail != F_SHAPE))
        return rc;
    /* no split fits, the row's gaps read as blank cells or not: a row
     * whose blank cells after its last value left no trace (the next
     * section's heading follows Table 4's last value, and a crawler that
     * collapses white space keeps no space there: "5 278 19" then "五、"
     * for 5 _ _ 2 7 8 _ _ 1 9 and five blanks) is cut again with zero or
     * more blank cells around each piece and after the last; only
     * placements that keep every identity of the row, no total guessed */
    size_t n = sp->npieces, gapped = 0;
    for (size_t i = 0; i < n; i++)
        gapped += gap_cells(sp->pieces[i]) > 0;
    if (n == 0 || n >= MAX_PIECES || !gapped ||
        sp->pieces[n - 1]->kind == OGI__CELL_BLANK ||
        !ogi__split_free_fits(sp->ncells, n - gapped))
        return 0;
    const ogi__cell_t **pieces =
        ogi_arena_alloc(cx->r->arena, (n + 1) * sizeof(*pieces));
    ogi__split_span_t *fsp = ogi_arena_alloc(cx->r->arena, sizeof(*fsp));
    if (!pieces || !fsp)
        return OGI_ENOMEM;
    memcpy(pieces, sp->pieces, n * sizeof(*pieces));
    pieces[n] = &ogi__split_free_gap;
    *fsp = (ogi__split_span_t){sp->first, sp->ncells, pieces, n + 1};
    s->sp = fsp;
    s->free = 1;
    s->fail = F_OK;
    s->shape_only = 0;
    rc = walk_free(cx, s, 0);
    if (!rc && s->fail) {
        s->sp = sp; /* as it was: unsplit, P8 */
        s->free = 0;
        s->fail = F_NONE;
    }
    return rc;
}

/* ogi__split_span_walk for a span as read. */
static int
span_walk(ctx_t *cx, span_t *s)
{
    const ogi__split_span_t *sp = s->sp;
    size_t runs = 0, fixed = 0, spread = 0;
    for (size_t i = 0; i < sp->npieces; i++) {
        const ogi__cell_t *pc = sp->pieces[i];
        spread += gap_cells(pc) || mark_cells(pc);
        if (gap_cells(pc) || s->sign[i])
            continue; /* zero or more cells: shared out with the runs' */
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
    w->cx = cx;
    w->s = s;
    w->ncells = sp->ncells;
    /* gaps are read as blank cells, and runs of marks ("---") as several
     * placeholders, only where the row cannot be read without: most gaps
     * are "&nbsp;" typed around a value, and a blank weighs 0 in every
     * identity, so the arithmetic could seldom tell where one stands
     * among digits that fill the row */
    int rc = walk_layouts(cx, s, cur, w, fixed);
    while (!rc && !s->fail && s->ncand == 0 && spread && s->gaps < 2) {
        s->gaps++;
        rc = walk_layouts(cx, s, cur, w, fixed);
    }
    /* gaps that could each hold a blank cell give more layouts than are
     * tried (a row of Table 4 with "&nbsp;" around most values): the
     * splits with the fewest blank cells in gaps first, one more at a
     * time, until some fit */
    int more = !rc && s->fail == F_WORK && s->gaps >= 1;
    for (size_t b = 1; more && b <= MAX_GAP_BUDGET; b++) {
        s->fail = F_OK;
        s->gap_budget = b;
        rc = walk_layouts(cx, s, cur, w, fixed);
        /* none yet: one more blank, unless these were already too many */
        more = !rc && !s->fail && s->ncand == 0;
        if (more)
            s->fail = F_WORK;
    }
    s->gap_budget = 0;
    if (rc || s->fail)
        return rc;
    /* none fits: a page that leaves each empty cell one "&nbsp;" says
     * how many blank cells each gap is, a whole row of them too (more
     * than one gap is tried as) */
    size_t any_lay = s->nlay;
    if (s->ncand == 0 && spread &&
        (rc = walk_gaps(cx, s, cur, w, fixed, 1, &any_lay)))
        return rc;
    /* and still none fits: white space collapsed (a crawler that keeps
     * one space for a run of them, "82135 21859" for 821 35 _ _ 2 1
     * 859), so a gap may be up to MAX_GAP_CELLS blank cells whatever its
     * no-break spaces, the arithmetic deciding */
    if (s->ncand == 0 && spread &&
        (rc = walk_gaps(cx, s, cur, w, fixed, 0, &any_lay)))
        return rc;
    if (any_lay == 0) {
        s->fail = F_SHAPE; /* fewer digits than cells */
        return 0;
    }
    if (s->ncand == 0) {
        /* no split fits the arithmetic. A page that leaves each empty
         * cell one "&nbsp;" says how many cells each gap stands for, and
         * a total it leaves blank is not printed rather than 0 (the
         * report's own error, as printed): the cuts that read it so and
         * keep the other identities, every one kept for the identities
         * down the columns to choose among; then, white space collapsed,
         * the cuts with gaps of up to MAX_GAP_CELLS blanks, placed only
         * where one is left (split.c) */
        for (int loose = 0; spread && s->ncand == 0 && loose < 2; loose++) {
            s->gaps = 1;
            s->gap_exact = !loose;
            s->gap_loose = loose;
            w->blank_total = 1;
            rc = walk_layouts(cx, s, cur, w, fixed);
            s->gap_exact = 0;
            s->gap_loose = 0;
            w->blank_total = 0;
            if (rc)
                return rc;
            if (s->fail || s->ncand == 0) {
                s->fail = F_OK;
                s->ncand = 0;
            } else {
                s->shape_only = loose ? 3 : 2;
            }
        }
        /* else, when the digits can be cut into the cells in one way
         * only, that cut is what the page says, and the arithmetic it
         * breaks is the report's own error, for the validator to tell */
        if (s->ncand == 0) {
            s->gaps = 0;
            w->shape_only = 1;
            rc = walk_layouts(cx, s, cur, w, fixed);
            while (!rc && !s->fail && s->nlay == 0 && spread && s->gaps < 2) {
                s->gaps++;
                rc = walk_layouts(cx, s, cur, w, fixed);
            }
            if (rc)
                return rc;
            if (s->fail || s->ncand != 1) {
                s->fail = F_NONE;
                return 0;
            }
        }
        if (!s->shape_only)
            s->shape_only = 1;
    }
    s->alive = ogi_arena_alloc(cx->r->arena, s->ncand);
    s->insol = ogi_arena_calloc(cx->r->arena, s->ncand, 1);
    if (!s->alive || !s->insol)
        return OGI_ENOMEM;
    memset(s->alive, 1, s->ncand);
    s->nalive = s->ncand;
    return 0;
}
