/*
 * place_short.c - a row short of cells (place.c): where its values go
 * when blank cells left no place of their own. A row's last value may be
 * its total (the identity along its rows); the gaps and runs of marks a
 * crawler left may stand for blank cells; a Table 2 row whose values
 * keep no trace of their places gets every placement their kinds allow.
 */
#include "ogi_int.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "place_int.h"

/* Cells more than one a run of placeholder marks may stand for, one
 * each ("—--": the three cells —, - and - run together), as the splitter
 * reads them (split_walk.c); 0 for any other token. */
static size_t
mark_extra(const ogi__cell_t *t)
{
    if (t->kind != OGI__CELL_VALUE || t->num.kind != OGI_NUM_PLACEHOLDER ||
        t->n < 2)
        return 0;
    for (size_t i = 0; i < t->n; i++)
        if (t->s[i] != '-' && t->s[i] != '/')
            return 0;
    return t->n - 1;
}

/* Blank cells the gaps of toks[lo..hi) may stand for: one per no-break
 * space (a BLANK piece's text is one byte per hard blank); and the cells
 * its runs of marks may stand for besides one each. */
size_t
ogi__plan_gap_room(const ogi__table_t *g, const uint32_t *toks, size_t lo,
                   size_t hi)
{
    size_t n = 0;
    for (size_t i = lo; i < hi; i++) {
        const ogi__cell_t *t = ogi__plan_tok_cell(g, toks[i]);
        if (t->kind == OGI__CELL_BLANK)
            n += t->n;
        n += mark_extra(t);
    }
    return n;
}

/*
 * Where the last of a short row's values goes: its table's total column
 * (the right-hand side of the identity along its rows, D2 or D3, the
 * rightmost column), when that value is a number and the sum of the ones
 * before it (placeholders 0): "26 26" for Table 3's seven columns is
 * 自然人 26 and 总计 26, the five organisations blank, as a page saved
 * with its white space collapsed loses the blank cells between them.
 * Returns the column, or -1 (the values are then read from the first
 * column on, the rest missing).
 */
long
ogi__plan_short_total(const ogi__table_t *g, const ogi__prow_t *pr,
                      const uint32_t *toks, size_t lo, size_t hi)
{
    if (hi - lo < 2 || hi - lo >= pr->ncols)
        return -1;
    size_t nid;
    const ogi_skel_identity_t *ids = ogi_skeleton_identities(&nid);
    const ogi_skel_identity_t *id = NULL;
    for (size_t i = 0; i < nid && !id; i++)
        if (ids[i].table == pr->table && ids[i].along_rows &&
            ids[i].nrhs == 1 && ids[i].rhs_at[0] + 1 == pr->ncols &&
            ids[i].nlhs + 1 == pr->ncols)
            id = &ids[i];
    if (!id)
        return -1;
    int64_t sum = 0;
    for (size_t i = lo; i < hi; i++) {
        const ogi__cell_t *t = ogi__plan_tok_cell(g, toks[i]);
        if (t->kind != OGI__CELL_VALUE)
            return -1;
        if (t->num.kind == OGI_NUM_PLACEHOLDER && i + 1 < hi)
            continue;
        if (t->num.kind != OGI_NUM_VALUE || t->num.scale != 0 || t->num.sign ||
            t->num.value < 0)
            return -1;
        if (i + 1 < hi)
            sum += t->num.value;
        else if (t->num.value != sum)
            return -1;
    }
    return (long)id->rhs_at[0];
}

/*
 * The columns of a Table 3 row's k values where the text shows none of
 * their places (blank cells left no trace): the first in the first
 * column, the last in the total column when it is the total (total >= 0),
 * and the ones between, in their order, in the applicant columns that
 * usually hold counts (ogi__split_col_rarity; ties to the left), when
 * spread; else from the first column on. cols[i] stays i where this does
 * not apply.
 */
void
ogi__plan_short_cols(const ogi__prow_t *pr, size_t k, long total, int spread,
                     size_t *cols)
{
    for (size_t i = 0; i < k; i++)
        cols[i] = i;
    if (total >= 0 && k)
        cols[k - 1] = (size_t)total;
    if (!spread)
        return;
    size_t end = total >= 0 ? (size_t)total : pr->ncols - 1;
    size_t m = k - 1 - (total >= 0), span = end - 1;
    if (pr->table != OGI_T3 || k < 2 || m == 0 || m > span || span > 16)
        return;
    unsigned best = 0;
    int best_cost = INT_MAX;
    size_t best_pos = SIZE_MAX;
    for (unsigned mask = 0; mask < (1u << span); mask++) {
        if ((size_t)__builtin_popcount(mask) != m)
            continue;
        int cost = 0;
        size_t pos = 0;
        for (size_t c = 0; c < span; c++)
            if (mask & (1u << c)) {
                cost += ogi__split_col_rarity(OGI_T3, 1 + c);
                pos += c;
            }
        if (cost < best_cost || (cost == best_cost && pos < best_pos)) {
            best = mask;
            best_cost = cost;
            best_pos = pos;
        }
    }
    for (size_t c = 0, i = 1; c < span; c++)
        if (best & (1u << c))
            cols[i++] = 1 + c;
}

/* Whether value t may stand in column c of table id: a signed one
 * ("增 3", "-2") only in a 本年增/减 column, a decimal only in an
 * amount's; a placeholder anywhere. */
static int
fits_col(ogi_table_id_t id, size_t c, const ogi__cell_t *t)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    if (c >= sk->ncols || t->kind != OGI__CELL_VALUE)
        return 0;
    if (t->num.kind != OGI_NUM_VALUE)
        return 1;
    ogi_vtype_t ty = sk->cols[c].type;
    if ((t->num.sign || t->num.value < 0) && ty != OGI_VT_SIGNED)
        return 0;
    return t->num.scale == 0 || ty == OGI_VT_AMOUNT || ty == OGI_VT_AMOUNT_WAN;
}

/* Appends to buf (size cap, *len used) a placement of toks[0..k) by mask
 * over ncols columns: the values, "_" for a blank cell. */
void
ogi__plan_put_placement(char *buf, size_t cap, size_t *len,
                        const ogi__table_t *g, const uint32_t *toks,
                        size_t ncols, unsigned mask)
{
    for (size_t c = 0, i = 0; c < ncols && *len + 1 < cap; c++) {
        const char *s = "_";
        int n = 1;
        if (mask & (1u << c)) {
            const ogi__cell_t *t = ogi__plan_tok_cell(g, toks[i++]);
            s = t->s;
            n = (int)(t->n < 40 ? t->n : 40);
        }
        int w = snprintf(buf + *len, cap - *len, "%s%.*s", c ? " " : "", n, s);
        *len += w > 0 ? (size_t)w : 0;
        if (*len >= cap)
            *len = cap - 1;
    }
}

/*
 * A short row of Table 2 whose k values keep no trace of their places
 * (no blank piece, position or column among them: a crawler's text of
 * one node per cell, the empty ones dropped, or one that collapses white
 * space): every placement in their order whose cells take their values'
 * kinds (fits_col) is a reading, and no identity ties Table 2's cells to
 * choose among them. The leftmost goes into cols; the others, written out,
 * into alt (size altcap). Returns how many fit (0 when none does, or the
 * row is not such).
 */
size_t
ogi__plan_traceless_cols(const ogi__table_t *g, const ogi__prow_t *pr,
                         const uint32_t *toks, size_t k, size_t *cols,
                         char *alt, size_t altcap)
{
    size_t n = pr->ncols, fits = 0, len = 0;
    if (pr->table >= OGI_T3 || k == 0 || k >= n || n > 16 ||
        !ogi__plan_no_trace(g, toks, k))
        return 0;
    unsigned best = 0;
    alt[0] = '\0';
    /* masks as words of their columns, the first column the highest
     * bit, from the highest down: the placement that fills the first
     * columns is the first found */
    for (unsigned rev = (1u << n); rev-- > 0;) {
        unsigned mask = 0;
        for (size_t c = 0; c < n; c++)
            if (rev & (1u << (n - 1 - c)))
                mask |= 1u << c;
        if ((size_t)__builtin_popcount(mask) != k)
            continue;
        int ok = 1;
        for (size_t c = 0, i = 0; c < n && ok; c++)
            if (mask & (1u << c))
                ok = fits_col(pr->table, c, ogi__plan_tok_cell(g, toks[i++]));
        if (!ok)
            continue;
        if (fits++ == 0) {
            best = mask;
            continue;
        }
        if (len + 2 < altcap) {
            if (fits > 2) {
                memcpy(alt + len, "; ", 3);
                len += 2;
            }
            ogi__plan_put_placement(alt, altcap, &len, g, toks, n, mask);
        }
    }
    for (size_t c = 0, i = 0; fits && c < n; c++)
        if (best & (1u << c))
            cols[i++] = c;
    return fits;
}
