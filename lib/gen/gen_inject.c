/*
 * gen_inject.c - the one error a generated report may carry (an identity
 * broken, a row total off, a narrative figure wrong ...), made in its
 * figures so that the truth's findings name it (gen_int.h).
 */
#include "ogi_int.h"

#include <string.h>

#include "gen_int.h"
#include "ogi/error.h"

/* ---- the injected error ---- */

/* A random result row of Table 3 whose 总计 is at least need_total, or
 * -1. */
static long
random_result_row(ogi__gen_t *g, int need_total)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    size_t tc = ogi__gen_col_of(OGI_T3, "total");
    long cand[32];
    size_t n = 0;
    for (size_t row = 0; row < sk->nrows; row++)
        if (ogi__gen_is_result_leaf(g, row) &&
            ogi__gen_cell(g, OGI_T3, row, tc)->value >= need_total)
            cand[n++] = (long)row;
    if (n == 0)
        return -1;
    return cand[rnd(g, 0, (int64_t)n - 1)];
}

int
ogi__gen_inject(ogi__gen_t *g)
{
    ogi_gen_error_t kinds[8];
    size_t n = 0;
    kinds[n++] = OGI_GEN_ERR_ROW_TOTAL;
    kinds[n++] = OGI_GEN_ERR_CANCEL;
    kinds[n++] = OGI_GEN_ERR_IDENTITY;
    kinds[n++] = OGI_GEN_ERR_NEGATIVE;
    kinds[n++] = OGI_GEN_ERR_MISSING_ROW;
    if (g->format == OGI_FORMAT_2021)
        kinds[n++] = OGI_GEN_ERR_FEE_YUAN;
    kinds[n++] = OGI_GEN_ERR_NARRATIVE;
    ogi_gen_error_t e = kinds[rnd(g, 0, (int64_t)n - 1)];
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    size_t tc = ogi__gen_col_of(OGI_T3, "total");
    switch (e) {
        case OGI_GEN_ERR_ROW_TOTAL: {
            /* any row of the shape, its 总计 off by a few */
            long cand[32];
            size_t m = 0;
            for (size_t row = 0; row < sk->nrows; row++)
                if (ogi_report_row_in_shape(g->truth, OGI_T3, row) &&
                    ogi__gen_cell(g, OGI_T3, row, tc)->state == OGI_CELL_NUM)
                    cand[m++] = (long)row;
            if (m == 0) { /* every total blank or a placeholder */
                e = OGI_GEN_ERR_NONE;
                break;
            }
            size_t row = (size_t)cand[rnd(g, 0, (int64_t)m - 1)];
            ogi_cell_t *c = ogi__gen_cell(g, OGI_T3, row, tc);
            int64_t d = rnd(g, 1, 9);
            if (c->value >= d && chance(g, 1, 2))
                d = -d;
            c->value += d;
            g->error_detail = ogi__gen_strf(g, "apply.%s.total %+lld",
                                            sk->rows[row].key, (long long)d);
            break;
        }
        case OGI_GEN_ERR_CANCEL: {
            /* seed 2: one result row's total one up, another's one down */
            long a = random_result_row(g, 0), b = random_result_row(g, 1);
            if (a < 0 || b < 0 || a == b) {
                e = OGI_GEN_ERR_NONE;
                break;
            }
            int64_t d = ogi__gen_cell(g, OGI_T3, (size_t)b, tc)->value > 3
                            ? rnd(g, 1, 3)
                            : 1;
            ogi_cell_t *ca = ogi__gen_cell(g, OGI_T3, (size_t)a, tc);
            ogi_cell_t *cb = ogi__gen_cell(g, OGI_T3, (size_t)b, tc);
            if (ca->state != OGI_CELL_NUM || cb->state != OGI_CELL_NUM) {
                e = OGI_GEN_ERR_NONE;
                break;
            }
            ca->value += d;
            cb->value -= d;
            g->error_detail = ogi__gen_strf(
                g, "apply.%s.total +%lld, apply.%s.total -%lld",
                sk->rows[a].key, (long long)d, sk->rows[b].key, (long long)d);
            break;
        }
        case OGI_GEN_ERR_IDENTITY: {
            /* 四 grows in one column and its total: the row adds up, the
             * 勾稽关系 does not */
            size_t cf = (size_t)ogi__gen_row_of(OGI_T3, "carry_forward");
            size_t c = (size_t)rnd(g, 0, 5);
            ogi_cell_t *x = ogi__gen_cell(g, OGI_T3, cf, c);
            ogi_cell_t *t = ogi__gen_cell(g, OGI_T3, cf, tc);
            if (x->state != OGI_CELL_NUM || t->state != OGI_CELL_NUM) {
                e = OGI_GEN_ERR_NONE;
                break;
            }
            int64_t d = rnd(g, 1, 20);
            x->value += d;
            t->value += d;
            g->error_detail = ogi__gen_strf(
                g, "apply.carry_forward.%s and .total +%lld",
                ogi_skeleton_table(OGI_T3)->cols[c].key, (long long)d);
            break;
        }
        case OGI_GEN_ERR_NEGATIVE: {
            /* a count printed with a minus sign */
            int where = (int)rnd(g, 0, 2);
            if (where == 0) {
                long row = random_result_row(g, 0);
                size_t c = (size_t)rnd(g, 0, 5);
                ogi_cell_t *x = ogi__gen_cell(g, OGI_T3, (size_t)row, c);
                if (x->state != OGI_CELL_NUM) {
                    e = OGI_GEN_ERR_NONE;
                    break;
                }
                x->value = x->value ? -x->value : -rnd(g, 1, 5);
                g->error_detail =
                    ogi__gen_strf(g, "apply.%s.%s = %lld", sk->rows[row].key,
                                  sk->cols[c].key, (long long)x->value);
            } else if (where == 1) {
                size_t row = (size_t)rnd(g, 0, 2), c = (size_t)rnd(g, 0, 3);
                ogi_cell_t *x = ogi__gen_cell(g, OGI_T4, row, c);
                if (x->state != OGI_CELL_NUM) {
                    e = OGI_GEN_ERR_NONE;
                    break;
                }
                x->value = x->value ? -x->value : -rnd(g, 1, 3);
                g->error_detail =
                    ogi__gen_strf(g, "appeal.%s.%s = %lld",
                                  ogi_skeleton_table(OGI_T4)->rows[row].key,
                                  ogi_skeleton_table(OGI_T4)->cols[c].key,
                                  (long long)x->value);
            } else {
                ogi_table_id_t id =
                    g->format == OGI_FORMAT_2019 ? OGI_T2_19_6 : OGI_T2_21_6;
                size_t row = (size_t)ogi__gen_row_of(id, "coercion");
                size_t c = ogi__gen_col_of(id, "decisions");
                ogi_cell_t *x = ogi__gen_cell(g, id, row, c);
                if (x->state != OGI_CELL_NUM) {
                    e = OGI_GEN_ERR_NONE;
                    break;
                }
                x->value = x->value ? -x->value : -rnd(g, 1, 9);
                g->error_detail = ogi__gen_strf(g,
                                                "active.a20_6.coercion."
                                                "decisions = %lld",
                                                (long long)x->value);
            }
            break;
        }
        case OGI_GEN_ERR_MISSING_ROW: {
            /* a result row that is not the first of its group */
            long cand[32];
            size_t m = 0;
            for (size_t row = 1; row < sk->nrows; row++)
                if (ogi__gen_is_result_leaf(g, row) &&
                    !(sk->rows[row - 1].flags & OGI_ROW_GROUP) &&
                    !(sk->rows[row - 1].flags & OGI_ROW_OTHER1) &&
                    (long)row != g->nolabel_row)
                    cand[m++] = (long)row;
            if (m == 0) { /* every total blank or a placeholder */
                e = OGI_GEN_ERR_NONE;
                break;
            }
            size_t row = (size_t)cand[rnd(g, 0, (int64_t)m - 1)];
            g->missing_row = (long)row;
            g->truth->tables[OGI_T3].row_found[row] = 0;
            for (size_t c = 0; c < sk->ncols; c++) {
                ogi_cell_t *x = ogi__gen_cell(g, OGI_T3, row, c);
                memset(x, 0, sizeof(*x));
            }
            g->error_detail =
                ogi__gen_strf(g, "apply.%s left out", sk->rows[row].key);
            break;
        }
        case OGI_GEN_ERR_FEE_YUAN: {
            ogi_cell_t *a = ogi__gen_cell(
                g, OGI_T2_21_8, (size_t)ogi__gen_row_of(OGI_T2_21_8, "admin_fees"),
                ogi__gen_col_of(OGI_T2_21_8, "amount_wan"));
            if (a->state != OGI_CELL_NUM) {
                e = OGI_GEN_ERR_NONE;
                break;
            }
            /* seed 3's 9184322.81: 元 with its fen in a 万元 column */
            a->value = rnd(g, 200000, 99999999) * 100;
            a->value += rnd(g, 1, 99);
            a->scale = 2;
            g->error_detail = "active.a20_8.admin_fees.amount_wan in 元";
            break;
        }
        case OGI_GEN_ERR_NARRATIVE:
            /* made once the narrative is written */
            break;
        case OGI_GEN_ERR_NONE:
        case OGI_GEN_ERR_COUNT:
            break;
    }
    g->error = e;
    return 0;
}

