/*
 * place_appeal_sums.c - Table 4's values moved to where each block's
 * total is the sum of its parts, when the places the text gave them
 * break that (place_int.h: ogi__appeal_by_sums).
 *
 * A Word or LibreOffice table printed to PDF and read back by pdftotext
 * keeps its blank cells only as spaces, and its two-line header (leaf
 * labels wrapped in narrow columns, words of both header levels
 * interleaved) gives columns that cannot be trusted: a value placed by
 * them may land one column off, or a row read in printed order leaves
 * the blanks out. The three blocks (维持, 纠正, 其他, 尚未审结, 总计)
 * each have 总计 = the sum of the four before it, so the values, kept in
 * their printed order, go to the places that break the fewest blocks,
 * the nearest among those to where the gaps between them on their line
 * put them (gaps_place), else to where they were. More values than
 * cells: the fewest dropped from the row's ends that let the rest fit
 * (appeal_extra).
 */
#include "ogi_int.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#include "place_int.h"

typedef struct {
    const ogi__cell_t *c[OGI_T4_CELLS]; /* the values (not blanks) */
    size_t at[OGI_T4_CELLS];            /* where they were */
    size_t n;
    size_t pos[OGI_T4_CELLS], best[OGI_T4_CELLS];
    int best_bad;
    long best_cost;
} sums_t;

static int
is_count(const ogi__cell_t *c)
{
    return c && c->kind == OGI__CELL_VALUE && c->num.kind == OGI_NUM_VALUE &&
           !c->num.scale && c->num.value >= 0;
}

/* Table 4's block identity (D3: a block's 总计 is the sum of its four
 * results), the skeleton's, once per row of the table. */
static const ogi_skel_identity_t *
block_sum(void)
{
    size_t nid;
    const ogi_skel_identity_t *ids = ogi_skeleton_identities(&nid);
    for (size_t i = 0; i < nid; i++)
        if (ids[i].table == OGI_T4 && ids[i].along_rows)
            return &ids[i];
    return NULL;
}

/* Σ of the counts among cells c[at[0..n)]; *counts receives how many
 * there are. */
static int64_t
sum_at(const ogi__cell_t *const *c, const size_t *at, size_t n, size_t *counts)
{
    int64_t sum = 0;
    *counts = 0;
    for (size_t k = 0; k < n; k++)
        if (is_count(c[at[k]])) {
            sum += c[at[k]]->num.value;
            ++*counts;
        }
    return sum;
}

/* How many blocks break their sum with cells cell[] (NULL: blank): a
 * count as total that is not its counted parts' sum, or counted parts
 * above 0 under a total that is no count. A block of placeholders and
 * blanks breaks nothing. */
static int
bad_blocks(const ogi__cell_t *const *cell)
{
    const ogi_skel_identity_t *id = block_sum();
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T4);
    int bad = 0;
    for (size_t b = 0; id && b < sk->nrows; b++) {
        const ogi__cell_t *const *c = cell + b * sk->ncols;
        size_t parts, totals;
        int64_t sum = sum_at(c, id->lhs_at, id->nlhs, &parts);
        int64_t total = sum_at(c, id->rhs_at, id->nrhs, &totals);
        if (totals == id->nrhs ? sum != total : sum > 0)
            bad++;
    }
    return bad;
}

static void
sums_walk(sums_t *s, size_t i, size_t from)
{
    if (i == s->n) {
        const ogi__cell_t *cell[OGI_T4_CELLS] = {0};
        long cost = 0;
        for (size_t k = 0; k < s->n; k++) {
            cell[s->pos[k]] = s->c[k];
            cost += labs((long)s->pos[k] - (long)s->at[k]);
        }
        int bad = bad_blocks(cell);
        if (bad < s->best_bad || (bad == s->best_bad && cost < s->best_cost)) {
            s->best_bad = bad;
            s->best_cost = cost;
            memcpy(s->best, s->pos, s->n * sizeof(*s->pos));
        }
        return;
    }
    for (size_t p = from; p + (s->n - i) <= OGI_T4_CELLS; p++) {
        s->pos[i] = p;
        sums_walk(s, i + 1, p + 1);
    }
}

/*
 * More values than cells, all of them values (pdftotext's reading order
 * puts numbers from around the table, a header's or a page's, among
 * Table 4's): the fewest values dropped from the row's ends that leave a
 * row whose values fit each block's sum, when some do (at most
 * EXTRA_MAX more than the cells' count dropped). Returns 0 or
 * OGI_ENOMEM; *ntoks 15 when it placed them.
 */
#define EXTRA_MAX 4
static int
appeal_extra(ogi_report_t *r, const ogi__table_t *g, uint32_t *toks,
             size_t *ntoks)
{
    size_t nt = *ntoks;
    if (nt > OGI__PLAN_MAX_TOKS)
        return 0;
    for (size_t i = 0; i < nt; i++)
        if (ogi__plan_tok_cell(g, toks[i])->kind != OGI__CELL_VALUE)
            return 0;
    for (size_t drop = nt - OGI_T4_CELLS;
         drop <= nt - OGI_T4_CELLS + EXTRA_MAX && drop + 2 <= nt; drop++) {
        size_t best_d = SIZE_MAX;
        long best_cost = LONG_MAX;
        for (size_t d = 0; d <= drop; d++) {
            sums_t s = {
                .n = nt - drop, .best_bad = INT_MAX, .best_cost = LONG_MAX};
            for (size_t k = 0; k < s.n; k++) {
                s.c[k] = ogi__plan_tok_cell(g, toks[d + k]);
                s.at[k] = k;
            }
            sums_walk(&s, 0, 0);
            if (s.best_bad == 0 && s.best_cost < best_cost) {
                best_cost = s.best_cost;
                best_d = d;
            }
        }
        if (best_d == SIZE_MAX)
            continue;
        size_t n = nt - drop;
        int rc = ogi_report_add_finding(
            r, "P3", OGI_SEV_WARNING, "appeal",
            "%zu values for %d cells: %zu before them and %zu after left "
            "out, the rest fits each block's total",
            nt, OGI_T4_CELLS, best_d, drop - best_d);
        if (rc)
            return rc;
        memmove(toks, toks + best_d, n * sizeof(*toks));
        *ntoks = n;
        return ogi__appeal_by_sums(r, g, toks, ntoks);
    }
    return 0;
}

/*
 * Where the blank cells a row read short of lost most likely stood, from
 * its values' display columns: the widest gaps between values hold them,
 * a gap taking a second where it is still the widest for two (its width
 * over its blanks plus one), so wide gaps between narrow columns take
 * one. The value k's likely place into s->at[k]; left as it was where a
 * value has no columns (not all on one line, or not measured).
 */
static void
gaps_place(sums_t *s, const ogi__table_t *g)
{
    long mid[OGI_T4_CELLS];
    for (size_t k = 0; k < s->n; k++) {
        int x0, x1;
        ogi__table_cell_columns(g->text, s->c[k], &x0, &x1);
        if (x0 < 0 || x1 <= x0 || (k && (long)x0 + x1 <= mid[k - 1]))
            return;
        uint32_t a = s->c[0]->off, b = s->c[k]->off;
        if (b < a || b > g->text->len || memchr(g->text->s + a, '\n', b - a))
            return; /* not on one line */
        mid[k] = (long)x0 + x1;
    }
    size_t blanks[OGI_T4_CELLS] = {0}; /* in the gap before value k */
    for (size_t left = OGI_T4_CELLS - s->n; left > 0; left--) {
        size_t best = 1; /* s->n >= 2 */
        for (size_t k = 2; k < s->n; k++) {
            long a = (mid[k] - mid[k - 1]) * (long)(blanks[best] + 1),
                 b = (mid[best] - mid[best - 1]) * (long)(blanks[k] + 1);
            if (a > b ||
                (a == b && mid[k] - mid[k - 1] >= mid[best] - mid[best - 1]))
                best = k;
        }
        blanks[best]++;
    }
    for (size_t k = 0, before = 0; k < s->n; k++) {
        before += blanks[k];
        s->at[k] = k + before;
    }
}

int
ogi__appeal_by_sums(ogi_report_t *r, const ogi__table_t *g, uint32_t *toks,
                    size_t *ntoks)
{
    size_t nt = *ntoks;
    if (nt > OGI_T4_CELLS)
        return appeal_extra(r, g, toks, ntoks);
    if (nt == 0)
        return 0;
    sums_t s = {.n = 0};
    const ogi__cell_t *now[OGI_T4_CELLS] = {0};
    for (size_t i = 0; i < nt; i++) {
        const ogi__cell_t *c = ogi__plan_tok_cell(g, toks[i]);
        if (c->kind == OGI__CELL_RUN || c == &ogi__plan_cut_cell)
            return 0; /* the splitter's or the lost cells' to place */
        if (c->kind != OGI__CELL_VALUE)
            continue;
        now[i] = c;
        s.c[s.n] = c;
        s.at[s.n] = i;
        s.n++;
    }
    /* nothing to move, or nothing to move it into */
    if (s.n < 2 || s.n == OGI_T4_CELLS)
        return 0;
    int bad_now = nt == OGI_T4_CELLS ? bad_blocks(now) : INT_MAX;
    if (bad_now == 0)
        return 0;
    gaps_place(&s, g);
    s.best_bad = INT_MAX;
    s.best_cost = LONG_MAX;
    sums_walk(&s, 0, 0);
    if (s.best_bad >= bad_now)
        return 0;
    uint32_t vals[OGI_T4_CELLS];
    for (size_t i = 0, k = 0; i < nt; i++)
        if (now[i])
            vals[k++] = toks[i];
    for (size_t k = 0; k < OGI_T4_CELLS; k++)
        toks[k] = OGI__PLAN_GAP;
    char shown[OGI_T4_CELLS * 24 + 1];
    size_t w = 0;
    for (size_t k = 0, i = 0; k < OGI_T4_CELLS; k++) {
        const char *s0 = "_";
        int len = 1;
        if (i < s.n && s.best[i] == k) {
            toks[k] = vals[i];
            s0 = s.c[i]->s;
            len = s.c[i]->n < 20 ? (int)s.c[i]->n : 20;
            i++;
        }
        int m = snprintf(shown + w, sizeof(shown) - w, "%s%.*s", k ? " " : "",
                         len, s0);
        if (m > 0 && (size_t)m < sizeof(shown) - w)
            w += (size_t)m;
    }
    *ntoks = OGI_T4_CELLS;
    if (nt < OGI_T4_CELLS)
        return ogi_report_add_finding(
            r, "P3", OGI_SEV_WARNING, "appeal",
            "%zu values for %d cells, their blank cells lost: moved, in "
            "order, to where %d blocks' totals are not their parts' sums; "
            "placed %s",
            s.n, OGI_T4_CELLS, s.best_bad, shown);
    return ogi_report_add_finding(
        r, "P3", OGI_SEV_WARNING, "appeal",
        "%zu values for %d cells placed where %d blocks' totals are not "
        "their parts' sums: moved, in order, to where %d are; placed %s",
        s.n, OGI_T4_CELLS, bad_now, s.best_bad, shown);
}
