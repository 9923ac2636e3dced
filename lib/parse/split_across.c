/*
 * split_across.c - the identities that run down a table's columns (O1,
 * D1) across the spans of one split (split_int.h, stage 2 of split.c):
 * the instances that decide, narrowing by bounds, then a bounded joint
 * search over the spans they touch.
 */
#include "ogi_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#define OGI__SPLIT_INTERNAL
#include "split_int.h"

static void
score_add(score_t *to, const score_t *s)
{
    to->soft += s->soft;
    to->blank += s->blank;
    to->odd += s->odd;
    to->implaus += s->implaus;
    to->bare += s->bare;
    to->multi += s->multi;
    to->sum += s->sum;
    to->max = s->max > to->max ? s->max : to->max;
    to->rare += s->rare;
}

/* What split c of span si adds to instance e; 0 when a cell it gives e
 * holds no integer (e then holds whatever the others are). */
static int
contrib(const ctx_t *cx, const inst_t *e, size_t si, size_t c, int64_t *out)
{
    const span_t *s = &cx->spans[si];
    if (cx->free_wild && s->free)
        return 0;
    const layout_t *l = &s->lay[s->layof[c]];
    const int64_t *v = &s->vals[c * s->sp->ncells];
    int64_t x = 0;
    for (size_t k = 0; k < e->n; k++) {
        if (cx->owner[e->cell[k]] != (long)si)
            continue;
        size_t q = cx->opos[e->cell[k]];
        if (l->kind[q] == K_OPAQUE || ogi__split_unset_total(s, c, q))
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
    /* the kept instances completed at each order index: at[at_first[i]
     * .. at_first[i + 1]); and the order indexes each kept instance
     * touches: tch[tch_first[k] .. tch_first[k + 1]) (so that a step
     * looks only at what it completes) */
    uint32_t *at, *at_first, *tch, *tch_first;
    /* what each split of the span at tch[t] adds to its instance, worked
     * out once before the walk (contrib does not change during it):
     * tv[tv_first[t] + c], and twild[...] set where it holds no integer;
     * NULL when the table would be too large, and contrib is asked */
    int64_t *tv;
    uint8_t *twild;
    size_t *tv_first;
} joint_t;

/* Entries of the table of contributions, at most: beyond it the walk
 * asks contrib at each step, as it always did. */
#define MAX_TV (1u << 18)

/* Whether every kept instance completed at order index i holds. */
static int
joint_ok(const joint_t *j, size_t i)
{
    const ctx_t *cx = j->cx;
    for (uint32_t q = j->at_first[i]; q < j->at_first[i + 1]; q++) {
        size_t k = j->at[q];
        const inst_t *e = &cx->inst[k];
        int64_t sum = e->fixed;
        int wild = 0;
        for (uint32_t t = j->tch_first[k]; t < j->tch_first[k + 1] && !wild;
             t++) {
            int64_t x;
            size_t a = j->tch[t];
            if (j->tv) {
                size_t at = j->tv_first[t] + j->choice[a];
                if (j->twild[at])
                    wild = 1;
                else
                    sum += j->tv[at];
            } else if (!contrib(cx, e, j->order[a], j->choice[a], &x))
                wild = 1;
            else
                sum += x;
        }
        if (!wild && sum != 0)
            return 0;
    }
    return 1;
}

/* Fills j's table of contributions (j->tv stays NULL when it would hold
 * more than MAX_TV entries). Returns 0 or OGI_ENOMEM. */
static int
joint_table(joint_t *j, size_t ntch)
{
    ctx_t *cx = j->cx;
    size_t total = 0;
    for (size_t t = 0; t < ntch; t++)
        total += cx->spans[j->order[j->tch[t]]].ncand;
    if (total > MAX_TV)
        return 0;
    j->tv_first = ogi_arena_alloc(cx->r->arena, (ntch + 1) * sizeof(size_t));
    int64_t *tv = ogi_arena_alloc(cx->r->arena, (total + 1) * sizeof(*tv));
    j->twild = ogi_arena_alloc(cx->r->arena, total + 1);
    if (!j->tv_first || !tv || !j->twild)
        return OGI_ENOMEM;
    size_t fill = 0;
    for (size_t k = 0; k < cx->ninst; k++) {
        const inst_t *e = &cx->inst[k];
        if (!e->kept)
            continue;
        for (uint32_t t = j->tch_first[k]; t < j->tch_first[k + 1]; t++) {
            size_t si = j->order[j->tch[t]];
            j->tv_first[t] = fill;
            for (size_t c = 0; c < cx->spans[si].ncand; c++, fill++) {
                tv[fill] = 0;
                j->twild[fill] = !contrib(cx, e, si, c, &tv[fill]);
            }
        }
    }
    j->tv = tv;
    return 0;
}

/*
 * Splits of a span that add the same to every kept instance are one to
 * the joint search (a row of zeros or placeholders placed in any of its
 * ways adds 0 to every column): only the best of each such class is
 * walked, its rep[c] (SIZE_MAX for the walked ones, the class's best for
 * the others, left out of alive for the walk), and the others share its
 * fate after (joint_classes_expand). Nothing is done without the table of
 * contributions (j->tv). Returns 0 or OGI_ENOMEM.
 */
static int
joint_classes(joint_t *j, size_t **rep)
{
    ctx_t *cx = j->cx;
    for (size_t a = 0; a < j->n; a++)
        rep[a] = NULL;
    if (!j->tv)
        return 0;
    size_t *ts = ogi_arena_alloc(cx->r->arena,
                                 (j->tch_first[cx->ninst] + 1) * sizeof(*ts));
    if (!ts)
        return OGI_ENOMEM;
    for (size_t a = 0; a < j->n; a++) {
        span_t *s = &cx->spans[j->order[a]];
        size_t nt = 0;
        for (size_t k = 0; k < cx->ninst; k++)
            for (uint32_t t = j->tch_first[k];
                 cx->inst[k].kept && t < j->tch_first[k + 1]; t++)
                if (j->tch[t] == a)
                    ts[nt++] = t;
        size_t *r = ogi_arena_alloc(cx->r->arena, s->ncand * sizeof(*r));
        uint64_t *h = ogi_arena_alloc(cx->r->arena, s->ncand * sizeof(*h));
        if (!r || !h)
            return OGI_ENOMEM;
        for (size_t c = 0; c < s->ncand; c++) {
            r[c] = SIZE_MAX;
            h[c] = 1469598103934665603ull;
            for (size_t q = 0; q < nt; q++) {
                size_t at = j->tv_first[ts[q]] + c;
                uint64_t x = j->twild[at] ? 0x9e3779b97f4a7c15ull
                                          : (uint64_t)j->tv[at];
                h[c] = (h[c] ^ x) * 1099511628211ull;
            }
        }
        /* each live split joins the class of the best live one before it
         * with the same contributions, or starts one */
        for (size_t c = 0; c < s->ncand; c++) {
            if (!s->alive[c])
                continue;
            for (size_t b = 0; b < c && r[c] == SIZE_MAX; b++) {
                if (!s->alive[b] || r[b] != SIZE_MAX || h[b] != h[c])
                    continue;
                int same = 1;
                for (size_t q = 0; q < nt && same; q++) {
                    size_t ab = j->tv_first[ts[q]] + b,
                           ac = j->tv_first[ts[q]] + c;
                    same = j->twild[ab] == j->twild[ac] &&
                           (j->twild[ab] || j->tv[ab] == j->tv[ac]);
                }
                if (!same)
                    continue;
                if (ogi__split_score_cmp(&s->score[c], &s->score[b]) < 0) {
                    /* c ranks first: it walks for the class */
                    for (size_t d = 0; d < c; d++)
                        if (r[d] == b)
                            r[d] = c;
                    r[b] = c;
                } else {
                    r[c] = b;
                }
            }
        }
        for (size_t c = 0; c < s->ncand; c++)
            if (r[c] != SIZE_MAX)
                s->alive[c] = 0;
        rep[a] = r;
    }
    return 0;
}

/* After the walk: the splits left out by joint_classes live again, and
 * are in a solution where their class's walked split is. */
static void
joint_classes_expand(joint_t *j, size_t **rep)
{
    for (size_t a = 0; a < j->n; a++) {
        span_t *s = &j->cx->spans[j->order[a]];
        if (!rep[a])
            continue;
        for (size_t c = 0; c < s->ncand; c++)
            if (rep[a][c] != SIZE_MAX) {
                s->alive[c] = 1;
                s->insol[c] = s->insol[rep[a][c]];
            }
    }
}

/* Returns 1 when the search ran out of steps. */
static int
joint_walk(joint_t *j, size_t i)
{
    ctx_t *cx = j->cx;
    if (i == j->n) {
        score_t sc = {0};
        for (size_t a = 0; a < j->n; a++) {
            span_t *s = &cx->spans[j->order[a]];
            s->insol[j->choice[a]] = 1;
            score_add(&sc, &s->score[j->choice[a]]);
        }
        if (j->nsol++ == 0 || ogi__split_score_cmp(&sc, &j->best_score) < 0) {
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
            (best == SIZE_MAX || ogi__split_score_cmp(&s->score[c], &s->score[best]) < 0))
            best = c;
    return best;
}

/* The scratch of an instance's walk: its spans (at most all of them)
 * and a distance per candidate of the span with the most. Returns 0 or
 * OGI_ENOMEM. */
static int
scratch(ctx_t *cx, size_t **spans, int64_t **dist)
{
    *spans = ogi_arena_alloc(cx->r->arena, (cx->nspans + 1) * sizeof(**spans));
    size_t maxc = 1;
    for (size_t i = 0; i < cx->nspans; i++)
        if (cx->spans[i].ncand > maxc)
            maxc = cx->spans[i].ncand;
    *dist = ogi_arena_alloc(cx->r->arena, maxc * sizeof(**dist));
    return *spans && *dist ? 0 : OGI_ENOMEM;
}

int
ogi__split_refuted(ctx_t *cx, size_t si)
{
    size_t *spans;
    int64_t *dist;
    if (scratch(cx, &spans, &dist))
        return OGI_ENOMEM;
    for (size_t i = 0; i < cx->ninst; i++) {
        const inst_t *e = &cx->inst[i];
        if (e->span == -3 || !e->ident)
            continue;
        /* through a cell other than a total of the span's rows: a cut
         * that breaks its row puts the error in its total, which the
         * columns through that total see too */
        int touches = 0;
        for (size_t k = 0; k < e->n; k++)
            touches |= cx->owner[e->cell[k]] == (long)si &&
                       !(cx->spans[si].totals >> cx->opos[e->cell[k]] & 1);
        if (!touches)
            continue;
        size_t ns = inst_spans(cx, e, spans);
        int assessable = 1;
        for (size_t j = 0; j < ns; j++)
            assessable &= !cx->spans[spans[j]].fail &&
                          !(cx->spans[spans[j]].shape_only == 1 &&
                            cx->spans[spans[j]].ncand > 1);
        if (assessable && !satisfiable(cx, e, spans, dist))
            return 1;
    }
    return 0;
}

int
ogi__split_across(ctx_t *cx)
{
    size_t *spans;
    int64_t *dist;
    if (scratch(cx, &spans, &dist))
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
        /* a span read by the cuts of its digits alone (a minus a
         * placeholder or a sign) breaks its row's arithmetic either way,
         * the report's own error: the columns through it do not choose
         * between them either */
        for (size_t j = 0; j < ns; j++)
            assessable &= !cx->spans[spans[j]].fail &&
                          !(cx->spans[spans[j]].shape_only == 1 &&
                            cx->spans[spans[j]].ncand > 1);
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
    /* each span's splits as its own row allows them. Where the table's
     * arithmetic holds under no joint split (a report's own error in a
     * column, or a row misread elsewhere), a span with gaps (a reader
     * that lost its blank cells: pdftotext's reading order, where every
     * row of a table cut at the paper's edge has them) is still placed
     * by what its row allows, as when the search runs out of steps, and
     * tell() names the other splits (P6): one error would otherwise
     * leave every such row of the table unread. So is a span its own
     * row reads one way only (its row's identities decide its cut; the
     * columns then name the report's error, for the validator). A run
     * of digits its row leaves open keeps its P8: its cut is the values
     * themselves, not where blanks sit. */
    uint8_t **own =
        ogi_arena_alloc(cx->r->arena, (cx->nspans + 1) * sizeof(*own));
    if (!own)
        return OGI_ENOMEM;
    for (size_t i = 0; i < cx->nspans; i++) {
        span_t *s = &cx->spans[i];
        own[i] = NULL;
        if (s->fail || !s->ncand || (!s->gaps && s->nalive != 1))
            continue;
        if (!(own[i] = ogi_arena_alloc(cx->r->arena, s->ncand)))
            return OGI_ENOMEM;
        memcpy(own[i], s->alive, s->ncand);
    }
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
    /* the lists joint_ok reads */
    j.at_first = ogi_arena_calloc(cx->r->arena, j.n + 2, sizeof(uint32_t));
    j.tch_first = ogi_arena_calloc(cx->r->arena, cx->ninst + 1,
                                   sizeof(uint32_t));
    j.at = ogi_arena_alloc(cx->r->arena, (nkept + 1) * sizeof(uint32_t));
    size_t ntch = 0;
    for (size_t i = 0; i < cx->ninst; i++)
        if (cx->inst[i].kept)
            ntch += inst_spans(cx, &cx->inst[i], spans);
    j.tch = ogi_arena_alloc(cx->r->arena, (ntch + 1) * sizeof(uint32_t));
    if (!j.at_first || !j.tch_first || !j.at || !j.tch)
        return OGI_ENOMEM;
    for (size_t i = 0; i < cx->ninst; i++)
        if (cx->inst[i].kept)
            j.at_first[j.done_at[i] + 1]++;
    for (size_t i = 0; i < j.n; i++)
        j.at_first[i + 1] += j.at_first[i];
    for (size_t i = 0, fill = 0; i < j.n; i++)
        for (size_t k = 0; k < cx->ninst; k++)
            if (cx->inst[k].kept && j.done_at[k] == i)
                j.at[fill++] = (uint32_t)k;
    for (size_t k = 0, fill = 0; k < cx->ninst; k++) {
        j.tch_first[k] = (uint32_t)fill;
        if (!cx->inst[k].kept)
            continue;
        size_t ns = inst_spans(cx, &cx->inst[k], spans);
        for (size_t q = 0; q < ns; q++)
            j.tch[fill++] = (uint32_t)cx->spans[spans[q]].joint;
    }
    j.tch_first[cx->ninst] = (uint32_t)ntch;
    if (joint_table(&j, ntch))
        return OGI_ENOMEM;
    int out_of_steps = 0;
    if (!contradiction) {
        size_t **rep = ogi_arena_alloc(cx->r->arena,
                                       (j.n + 1) * sizeof(*rep));
        if (!rep || joint_classes(&j, rep))
            return OGI_ENOMEM;
        j.nodes = MAX_JOINT_NODES;
        out_of_steps = joint_walk(&j, 0);
        joint_classes_expand(&j, rep);
        contradiction = !out_of_steps && j.nsol == 0;
    }
    for (size_t a = 0; a < j.n; a++) {
        span_t *s = &cx->spans[j.order[a]];
        if (contradiction && own[j.order[a]]) {
            /* no joint split: a span with gaps on its own (see own) */
            memcpy(s->alive, own[j.order[a]], s->ncand);
            s->nalive = 0;
            for (size_t c = 0; c < s->ncand; c++)
                s->nalive += s->alive[c];
            s->chosen = best_alive(s, s->alive);
        } else if (contradiction) {
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

