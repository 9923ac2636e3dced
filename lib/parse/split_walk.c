/*
 * split_walk.c - the splits of one span (split_int.h, stage 1 of split.c):
 * the ways its cells share among its runs (layouts), each walked over the
 * cuts of its runs (split_cuts.c); free spans, and rows read again with
 * looser gaps.
 */
#include "ogi_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#define OGI__SPLIT_INTERNAL
#include "split_int.h"

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
                             : (uint8_t)ogi__split_piece_kind(pc, &l->fixed[p]);
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
           (s->gaps >= 1 && ogi__split_gap_cells(p)) ||
           (s->gaps >= 2 && mark_cells(p));
}

/* Minus signs of s before digits that start no 0, each a placeholder or
 * a negative value's sign (up to 4 counted). */
static size_t
minus_signs(const span_t *s)
{
    const ogi__split_span_t *sp = s->sp;
    size_t n = 0;
    for (size_t i = 0; i + 1 < sp->npieces && n < 4; i++)
        n += s->sign[i] == -2 && sp->pieces[i + 1]->kind == OGI__CELL_RUN &&
             sp->pieces[i + 1]->n > 0 && sp->pieces[i + 1]->s[0] != '0';
    return n;
}

int
ogi__split_signed_at(const ctx_t *cx, const span_t *s, size_t at)
{
    size_t col = (s->sp->first + at) % cx->sk->ncols;
    return cx->sk->cols[col].type == OGI_VT_SIGNED;
}

/* Whether s holds a run of placeholder marks ("---"). */
static int
any_marks(const span_t *s)
{
    for (size_t i = 0; i < s->sp->npieces; i++)
        if (mark_cells(s->sp->pieces[i]))
            return 1;
    return 0;
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
        if (s->nlay ==
            (s->free && !any_run(s) ? MAX_FREE_LAYOUTS : MAX_LAYOUTS))
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
        /* where only the cuts of the digits are left (no split keeps
         * the arithmetic), a minus before digits that start no 0 may be
         * the sign of a value the page printed negative where counts
         * are (its own error, which the validator names): both readings
         * are tried, the placeholder's preferred (odd below) */
        const ogi__cell_t *dig = i + 1 < sp->npieces ? sp->pieces[i + 1] : NULL;
        int negative = s->neg_ok && s->sign[i] == -2 && dig &&
                       dig->kind == OGI__CELL_RUN && dig->n > 0 &&
                       dig->s[0] != '0';
        lo = ogi__split_signed_at(cx, s, at) || negative ? 0 : 1;
        hi = s->sign[i] == -2 ? 1 : 0;
    } else if (sp->pieces[i]->kind != OGI__CELL_RUN) {
        size_t m = mark_cells(sp->pieces[i]);
        lo = m ? 1 : 0;
        hi = m ? m : ogi__split_gap_cells(sp->pieces[i]);
        base = m ? 1 : 0; /* counted among the fixed cells */
        if (!m && s->gap_exact)
            lo = hi = sp->pieces[i]->n;
        if (!m && (s->gap_loose || (cx->collapsed && !s->gap_exact)))
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
                            ogi__split_gap_cells(sp->pieces[i])
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
            size_t g = ogi__split_gap_cells(sp->pieces[i]),
                   m = mark_cells(sp->pieces[i]);
            if (g && !s->free) /* a free gap has no count to keep */
                w->odd += (int)(g > l->k[i] ? g - l->k[i] : l->k[i] - g);
            else if (m)
                w->odd += l->k[i] - 1;
        }
        for (size_t p = 0; p < sp->ncells; p++)
            /* "-" before digits in a change column is the change's sign
             * more likely than a placeholder of its own */
            w->odd +=
                (s->sign[l->piece[p]] != 0 && ogi__split_signed_at(cx, s, p)) ||
                (l->neg[p] && !ogi__split_signed_at(cx, s, p));
        for (size_t p = 0; p < sp->ncells; p++) {
            const ogi__cell_t *pc = sp->pieces[l->piece[p]];
            size_t k = l->k[l->piece[p]];
            w->runmax[p] = l->kind[p] == K_RUN
                               ? ogi__split_pow10(pc->n - k + 1) - 1
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
                    (w->blank_total && e->sign[k] < 0 &&
                     ogi__split_gap_cells(pq)))
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
        ogi__split_walk_cuts(w, 0, NULL, &(cut_t){-1, 0, 0});
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
    if (s->shape_only < 2 || s->shape_only > 3 || p >= 64 ||
        !(s->totals >> p & 1))
        return 0;
    const layout_t *l = &s->lay[s->layof[c]];
    return l->kind[p] == K_ZERO &&
           ogi__split_gap_cells(s->sp->pieces[l->piece[p]]) > 0;
}

/* Cells of s's pieces that are neither a run's nor a gap's nor a sign's:
 * one each. */
static size_t
fixed_cells(const span_t *s)
{
    size_t fixed = 0;
    for (size_t i = 0; i < s->sp->npieces; i++) {
        const ogi__cell_t *pc = s->sp->pieces[i];
        fixed += !ogi__split_gap_cells(pc) && !s->sign[i] &&
                 pc->kind != OGI__CELL_RUN;
    }
    return fixed;
}

/* A walk of span s and the layout it fills (*cur), in the table's arena;
 * NULL when out of memory. */
static walk_t *
walk_new(ctx_t *cx, span_t *s, layout_t **cur)
{
    *cur = ogi_arena_calloc(cx->r->arena, 1, sizeof(**cur));
    walk_t *w = ogi_arena_calloc(cx->r->arena, 1, sizeof(*w));
    if (!*cur || !w)
        return NULL;
    w->cx = cx;
    w->s = s;
    w->ncells = s->sp->ncells;
    return w;
}

/* Every split of s stays a candidate (s->alive), none yet found
 * insoluble: 0, or OGI_ENOMEM. */
static int
all_alive(ctx_t *cx, span_t *s)
{
    s->alive = ogi_arena_alloc(cx->r->arena, s->ncand);
    s->insol = ogi_arena_calloc(cx->r->arena, s->ncand, 1);
    if (!s->alive || !s->insol)
        return OGI_ENOMEM;
    memset(s->alive, 1, s->ncand);
    s->nalive = s->ncand;
    return 0;
}

/* The splits of s with each gap zero or more blank cells (gap_loose):
 * a total read as blank left unchecked when blank_total, or, when retry
 * and no split keeps the row's identities, so again (shape_only 3). */
static int
walk_loose(ctx_t *cx, span_t *s, int blank_total, int retry)
{
    layout_t *cur;
    walk_t *w = walk_new(cx, s, &cur);
    if (!w)
        return OGI_ENOMEM;
    w->blank_total = blank_total;
    s->gaps = 1;
    s->gap_loose = 1;
    int rc = walk_layouts(cx, s, cur, w, fixed_cells(s));
    if (!rc && !s->fail && s->ncand == 0 && retry) {
        w->blank_total = 1;
        rc = walk_layouts(cx, s, cur, w, fixed_cells(s));
        s->shape_only = 3;
    }
    s->gap_loose = 0;
    if (rc)
        return rc;
    if (!s->fail && s->ncand == 0)
        s->fail = F_NONE;
    return s->fail ? 0 : all_alive(cx, s);
}

int
ogi__split_span_loosen(ctx_t *cx, span_t *s)
{
    s->fail = F_OK;
    int rc = walk_loose(cx, s, 1, 0);
    if (!rc && !s->fail)
        s->shape_only = 3;
    return rc;
}

/* Stage 1 for a free span (one holding ogi__split_free_gap): every
 * placement of its values that keeps its row's identities, else every
 * one that leaves its total blank (shape_only 3). */
static int
walk_free(ctx_t *cx, span_t *s, int blank_total)
{
    return walk_loose(cx, s, 0, blank_total);
}

/* The cuts of span s's digits alone, its row's identities unchecked:
 * the one there is (shape_only 1), the few a minus read as a
 * placeholder or a sign gives (MAX_SHOWN), or up to MAX_WIDE_CUTS for
 * the columns to choose among (shape_only 4); else s->fail. Returns 0 or
 * OGI_ENOMEM. */
static int
walk_shape(ctx_t *cx, span_t *s, layout_t *cur, walk_t *w, size_t fixed,
           size_t spread)
{
    s->gaps = 0;
    w->shape_only = 1;
    w->shape_cuts = minus_signs(s) ? MAX_SHOWN : 1;
    s->neg_ok = 1;
    int rc = walk_layouts(cx, s, cur, w, fixed);
    while (!rc && !s->fail && s->nlay == 0 && spread && s->gaps < 2) {
        s->gaps++;
        rc = walk_layouts(cx, s, cur, w, fixed);
    }
    /* more cuts than that: a row holding the report's own error (a total
     * off by some units) that no cut keeps; the cuts of its digits, up to
     * MAX_WIDE_CUTS, are left to the identities down the columns
     * (shape_only 4), which hold through the row's cells as through any
     * other's */
    if (!rc && !s->fail && s->ncand > w->shape_cuts) {
        w->shape_cuts = MAX_WIDE_CUTS;
        rc = walk_layouts(cx, s, cur, w, fixed);
        if (!rc && !s->fail && s->ncand > 1 && s->ncand <= MAX_WIDE_CUTS)
            s->shape_only = 4;
        else if (!rc && !s->fail)
            s->ncand = MAX_WIDE_CUTS + 1;
    }
    s->neg_ok = 0;
    if (rc)
        return rc;
    /* a minus before digits is a placeholder or a sign, each reading its
     * own cuts: the few they give are what the page may say, the
     * arithmetic unable to choose (P6) */
    if (s->fail || s->ncand == 0 ||
        (s->shape_only != 4 && s->ncand > w->shape_cuts)) {
        s->fail = F_NONE;
        s->shape_only = 0;
        return 0;
    }
    if (!s->shape_only)
        s->shape_only = 1;
    return all_alive(cx, s);
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
        gapped += ogi__split_gap_cells(sp->pieces[i]) > 0;
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
        spread += ogi__split_gap_cells(pc) || mark_cells(pc);
        if (ogi__split_gap_cells(pc) || s->sign[i])
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
    layout_t *cur;
    walk_t *w = walk_new(cx, s, &cur);
    if (!w)
        return OGI_ENOMEM;
    /* gaps are read as blank cells, and runs of marks ("---") as several
     * placeholders, only where the row cannot be read without: most gaps
     * are "&nbsp;" typed around a value, and a blank weighs 0 in every
     * identity, so the arithmetic could seldom tell where one stands
     * among digits that fill the row */
    int rc = walk_layouts(cx, s, cur, w, fixed);
    while (!rc && !s->fail && s->ncand == 0 && spread && s->gaps < 2) {
        /* where white space collapsed, a gap's blank cells and a run of
         * marks' placeholders are as likely as each other: both at once */
        s->gaps = cx->collapsed ? 2 : s->gaps + 1;
        rc = walk_layouts(cx, s, cur, w, fixed);
    }
    /* a gap read as blank cells fits: a run of marks read as several
     * placeholders in its stead may fit too ("11 ------ _ 不适用": "--"
     * three times, the "&nbsp;" typed beside a value), the text unable
     * to tell; both are kept, the gap's reading preferred (odd) */
    if (!rc && !s->fail && s->ncand > 0 && s->gaps == 1 && any_marks(s)) {
        s->gaps = 2;
        rc = walk_layouts(cx, s, cur, w, fixed);
        if (!rc && (s->fail || s->ncand == 0)) {
            /* too many ways with both: the gaps' reading alone */
            s->fail = F_OK;
            s->gaps = 1;
            rc = walk_layouts(cx, s, cur, w, fixed);
        }
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
    /* still too many with every budget and none fitting yet: the gaps
     * read as blank cells decide nothing here, and the readings below
     * (the cuts of the digits alone last) are tried as for a row no
     * split fits */
    if (!rc && s->fail == F_WORK && s->ncand == 0 && s->gaps >= 1) {
        s->fail = F_OK;
        s->gaps = 0;
    }
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
        if (s->ncand == 0)
            return walk_shape(cx, s, cur, w, fixed, spread);
        if (!s->shape_only)
            s->shape_only = 1;
    }
    return all_alive(cx, s);
}

int
ogi__split_span_shape(ctx_t *cx, span_t *s)
{
    layout_t *cur;
    walk_t *w = walk_new(cx, s, &cur);
    if (!w)
        return OGI_ENOMEM;
    size_t spread = 0;
    for (size_t i = 0; i < s->sp->npieces; i++)
        spread += ogi__split_gap_cells(s->sp->pieces[i]) ||
                  mark_cells(s->sp->pieces[i]);
    s->fail = F_OK;
    s->shape_only = 0;
    s->gap_exact = s->gap_loose = 0;
    s->gap_budget = 0;
    return walk_shape(cx, s, cur, w, fixed_cells(s), spread);
}
