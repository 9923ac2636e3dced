/*
 * gen_tables.c - a generated report's figures: Table 2's items, Table 3's
 * requests and results, Table 4's appeals. Most Table 3 cells are 0 and a
 * few large ones; results are spread over the result rows by weights
 * (leaf_weights) that follow what real reports show most; every identity
 * (rows sum to 总计, 一 + 二 = 三 + 四, （七）总计 = Σ result rows, Table
 * 4's blocks) holds by construction, until gen_inject.c breaks one.
 */
#include "ogi_int.h"

#include <string.h>

#include "gen_int.h"
#include "ogi/error.h"

static void
set(ogi__gen_t *g, ogi_table_id_t id, const char *row, const char *col,
    int64_t v)
{
    ogi__gen_set(g, id, (size_t)ogi__gen_row_of(id, row), ogi__gen_col_of(id, col), v);
}

static const struct {
    const char *key;
    unsigned weight;
} leaf_weights[] = {
    {"granted", 60},
    {"partial", 10},
    {"denied.state_secret", 1},
    {"denied.law_forbidden", 1},
    {"denied.security_stability", 1},
    {"denied.third_party", 2},
    {"denied.internal_affairs", 2},
    {"denied.process_info", 3},
    {"denied.enforcement_file", 1},
    {"denied.admin_query", 2},
    {"unable.not_held", 16},
    {"unable.need_creation", 3},
    {"unable.unclear", 2},
    {"rejected.petition", 4},
    {"rejected.repeat", 3},
    {"rejected.publication", 1},
    {"rejected.excessive", 1},
    {"rejected.reconfirm", 1},
    {"other.all", 3},
    {"other.no_correction", 2},
    {"other.fee_unpaid", 1},
    {"other.misc", 2},
};

/* Whether row is a result row of Table 3 (summed by （七）总计). */
int
ogi__gen_is_result_leaf(ogi__gen_t *g, size_t row)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    const char *k = sk->rows[row].key;
    return ogi_report_row_in_shape(g->truth, OGI_T3, row) &&
           strcmp(k, "new_received") != 0 && strcmp(k, "carried_over") != 0 &&
           strcmp(k, "result_total") != 0 && strcmp(k, "carry_forward") != 0;
}

/* Spreads r applications of one column over the result rows. */
static void
spread_results(ogi__gen_t *g, size_t col, int64_t r)
{
    size_t rows[32], n = 0;
    unsigned w[32], wsum = 0;
    long granted = ogi__gen_row_of(OGI_T3, "granted");
    for (size_t i = 0; i < OGI_ARRAY_LEN(leaf_weights); i++) {
        long row = ogi__gen_row_of(OGI_T3, leaf_weights[i].key);
        if (!ogi__gen_is_result_leaf(g, (size_t)row))
            continue;
        rows[n] = (size_t)row;
        w[n] = leaf_weights[i].weight;
        /* legal-service and company applicants are refused more often */
        if (col != 0 && (size_t)row != (size_t)granted)
            w[n] += 1;
        wsum += w[n];
        n++;
    }
    int64_t got[32] = {0};
    /* few: one by one; many: near each row's share, the rest granted */
    if (r <= 24) {
        for (int64_t u = 0; u < r; u++) {
            unsigned x = (unsigned)rnd(g, 0, wsum - 1);
            size_t k = 0;
            while (x >= w[k])
                x -= w[k++];
            got[k]++;
        }
    } else {
        int64_t left = r;
        for (size_t k = 0; k < n; k++) {
            if ((long)rows[k] == granted)
                continue;
            int64_t e = r * (int64_t)w[k] / (int64_t)wsum;
            int64_t v = 0;
            if (!(w[k] <= 2 && chance(g, 2, 5)))
                v = rnd(g, e / 2, e + e / 2 + (e == 0 && chance(g, 1, 3)));
            if (v > left)
                v = left;
            got[k] = v;
            left -= v;
        }
        for (size_t k = 0; k < n; k++)
            if ((long)rows[k] == granted)
                got[k] = left;
    }
    for (size_t k = 0; k < n; k++)
        ogi__gen_set(g, OGI_T3, rows[k], col, got[k]);
}

/* Every in-shape row's 总计 from its six columns. */
static void
apply_row_totals(ogi__gen_t *g)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    size_t tc = ogi__gen_col_of(OGI_T3, "total");
    for (size_t row = 0; row < sk->nrows; row++) {
        if (!ogi_report_row_in_shape(g->truth, OGI_T3, row))
            continue;
        int64_t s = 0;
        for (size_t c = 0; c < tc; c++)
            s += ogi__gen_cell(g, OGI_T3, row, c)->value;
        ogi__gen_set(g, OGI_T3, row, tc, s);
    }
}

int
ogi__gen_table_apply(ogi__gen_t *g)
{
    int rc = ogi_report_table_init(g->truth, OGI_T3);
    if (rc)
        return rc;
    g->truth->apply_other_rows = g->format == OGI_FORMAT_2019 ? 1 : 3;
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    for (size_t row = 0; row < sk->nrows; row++) {
        if (!ogi_report_row_in_shape(g->truth, OGI_T3, row))
            continue;
        g->truth->tables[OGI_T3].row_found[row] = 1;
        for (size_t c = 0; c < sk->ncols; c++)
            ogi__gen_set(g, OGI_T3, row, c, 0);
    }
    int64_t max = ogi__gen_level_scale(g, 1500, 3000, 300, 12, 150);
    int64_t total = ogi__gen_skew(g, max);
    if (chance(g, 1, 10))
        total = 0;
    /* applicants: mostly natural persons */
    static const struct {
        const char *col;
        unsigned pct;  /* chance of any, in percent */
        int64_t share; /* at most total / share */
    } orgs[] = {{"commercial", 40, 8},
                {"research", 5, 50},
                {"public_interest", 5, 50},
                {"legal_service", 25, 12},
                {"other_org", 15, 20}};
    int64_t left = total;
    int64_t newc[7] = {0};
    for (size_t i = 0; i < OGI_ARRAY_LEN(orgs); i++) {
        int64_t v = chance(g, orgs[i].pct, 100)
                        ? rnd(g, 0, total / orgs[i].share + 1)
                        : 0;
        if (v > left)
            v = left;
        left -= v;
        newc[ogi__gen_col_of(OGI_T3, orgs[i].col)] = v;
    }
    newc[ogi__gen_col_of(OGI_T3, "natural_person")] = left;
    size_t nr = (size_t)ogi__gen_row_of(OGI_T3, "new_received");
    size_t co = (size_t)ogi__gen_row_of(OGI_T3, "carried_over");
    size_t cf = (size_t)ogi__gen_row_of(OGI_T3, "carry_forward");
    size_t rt = (size_t)ogi__gen_row_of(OGI_T3, "result_total");
    for (size_t c = 0; c < 6; c++) {
        int64_t carried = 0;
        if (newc[c] > 0 && chance(g, c == 0 ? 35 : 10, 100))
            carried = rnd(g, 0, newc[c] / 6 + 1);
        int64_t avail = newc[c] + carried;
        int64_t fwd =
            avail > 0 && chance(g, 35, 100) ? rnd(g, 0, avail / 6) : 0;
        ogi__gen_set(g, OGI_T3, nr, c, newc[c]);
        ogi__gen_set(g, OGI_T3, co, c, carried);
        ogi__gen_set(g, OGI_T3, cf, c, fwd);
        ogi__gen_set(g, OGI_T3, rt, c, avail - fwd);
        spread_results(g, c, avail - fwd);
    }
    apply_row_totals(g);
    return 0;
}

int
ogi__gen_table_appeal(ogi__gen_t *g)
{
    int rc = ogi_report_table_init(g->truth, OGI_T4);
    if (rc)
        return rc;
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T4);
    unsigned pct[3] = {(unsigned)ogi__gen_level_scale(g, 70, 60, 30, 4, 25),
                       (unsigned)ogi__gen_level_scale(g, 50, 40, 15, 2, 12),
                       (unsigned)ogi__gen_level_scale(g, 40, 30, 10, 1, 8)};
    int64_t mul = ogi__gen_level_scale(g, 40, 20, 4, 1, 3);
    for (size_t row = 0; row < sk->nrows; row++) {
        g->truth->tables[OGI_T4].row_found[row] = 1;
        int any = chance(g, pct[row], 100);
        int64_t sum = 0;
        for (size_t c = 0; c + 1 < sk->ncols; c++) {
            int64_t v = any && chance(g, 1, 2) ? ogi__gen_skew(g, 2 * mul) : 0;
            ogi__gen_set(g, OGI_T4, row, c, v);
            sum += v;
        }
        ogi__gen_set(g, OGI_T4, row, sk->ncols - 1, sum);
    }
    return 0;
}

/* A signed 本年增/减 for a stock of prev items (prev + delta >= 0). */
static int64_t
delta_for(ogi__gen_t *g, int64_t prev)
{
    if (chance(g, 1, 3))
        return 0;
    return rnd(g, -prev / 2, prev / 3 + 4);
}

int
ogi__gen_table_active(ogi__gen_t *g)
{
    size_t n;
    const ogi_table_id_t *ids = ogi_skeleton_active(g->format, &n);
    for (size_t k = 0; k < n; k++) {
        int rc = ogi_report_table_init(g->truth, ids[k]);
        if (rc)
            return rc;
        const ogi_skel_table_t *sk = ogi_skeleton_table(ids[k]);
        for (size_t row = 0; row < sk->nrows; row++) {
            g->truth->tables[ids[k]].row_found[row] = 1;
            for (size_t c = 0; c < sk->ncols; c++)
                ogi__gen_set(g, ids[k], row, c, 0);
        }
    }
    int rules_maker = g->kind == OGI__AG_PROVINCE || g->kind == OGI__AG_CITY;
    int64_t docs = ogi__gen_level_scale(g, 60, 50, 25, 4, 15);
    int64_t big = ogi__gen_level_scale(g, 400000, 200000, 40000, 600, 20000);
    if (g->format == OGI_FORMAT_2019) {
        ogi_table_id_t t1 = OGI_T2_19_1;
        int64_t m = rules_maker ? rnd(g, 0, 4) : 0;
        set(g, t1, "rules", "new_made", m);
        set(g, t1, "rules", "new_published", m);
        set(g, t1, "rules", "total_published",
            m + (rules_maker ? ogi__gen_skew(g, 60) : 0));
        m = ogi__gen_skew(g, docs);
        int64_t p = m - (chance(g, 1, 5) ? rnd(g, 0, m / 3) : 0);
        set(g, t1, "normative_docs", "new_made", m);
        set(g, t1, "normative_docs", "new_published", p);
        set(g, t1, "normative_docs", "total_published", p + ogi__gen_skew(g, docs * 6));
        static const struct {
            ogi_table_id_t id;
            const char *row;
            int64_t prev_max, dec_div;
        } stock[] = {{OGI_T2_19_5, "license", 800, 1},
                     {OGI_T2_19_5, "other_services", 400, 4},
                     {OGI_T2_19_6, "penalty", 1500, 2},
                     {OGI_T2_19_6, "coercion", 300, 40}};
        for (size_t i = 0; i < OGI_ARRAY_LEN(stock); i++) {
            int64_t prev = ogi__gen_skew(g, stock[i].prev_max);
            set(g, stock[i].id, stock[i].row, "prev_items", prev);
            set(g, stock[i].id, stock[i].row, "delta_items",
                delta_for(g, prev));
            set(g, stock[i].id, stock[i].row, "decisions",
                ogi__gen_skew(g, big / stock[i].dec_div));
        }
        int64_t prev = ogi__gen_skew(g, 40);
        set(g, OGI_T2_19_8, "admin_fees", "prev_items", prev);
        set(g, OGI_T2_19_8, "admin_fees", "delta_items", delta_for(g, prev));
        /* (九): both zero, or both not (C4) */
        int64_t proj = chance(g, 4, 5)
                           ? ogi__gen_skew(g, ogi__gen_level_scale(g, 2000, 1200, 400, 20, 150))
                           : 0;
        set(g, OGI_T2_19_9, "central_procurement", "projects", proj);
        size_t ac = ogi__gen_col_of(OGI_T2_19_9, "amount");
        size_t pr = (size_t)ogi__gen_row_of(OGI_T2_19_9, "central_procurement");
        ogi_cell_t *a = ogi__gen_cell(g, OGI_T2_19_9, pr, ac);
        g->amount_unit_where = (int)rnd(g, 0, 2);
        if (proj > 0) {
            switch (g->amount_unit_where) {
                case 0: /* no unit anywhere: 元 with its fen (seeds 0, 3) */
                    a->value = rnd(g, 100000, 99999999) * 100;
                    a->value += rnd(g, 1, 99);
                    a->scale = 2;
                    break;
                case 1: /* 采购总金额（万元） (seed 2) */
                    a->value = rnd(g, 5, 60000);
                    if (chance(g, 1, 2)) {
                        a->value = a->value * 10 + rnd(g, 1, 9);
                        a->scale = 1;
                    }
                    break;
                default: /* "251000元" in the cell (上海 2019) */
                    a->value = rnd(g, 10, 9999) * 1000;
                    a->unit = OGI_UNIT_YUAN;
                    break;
            }
        } else if (g->amount_unit_where == 2) {
            a->unit = OGI_UNIT_YUAN;
        }
        if (g->amount_unit_where == 1)
            g->truth->tables[OGI_T2_19_9].unit = OGI_UNIT_WAN_YUAN;
    } else {
        ogi_table_id_t t1 = OGI_T2_21_1;
        int64_t is = rules_maker ? rnd(g, 0, 3) : 0;
        int64_t rp = rules_maker && chance(g, 1, 3) ? rnd(g, 0, 2) : 0;
        set(g, t1, "rules", "issued", is);
        set(g, t1, "rules", "repealed", rp);
        set(g, t1, "rules", "in_force", is + (rules_maker ? ogi__gen_skew(g, 50) : 0));
        is = ogi__gen_skew(g, docs);
        rp = chance(g, 1, 2) ? ogi__gen_skew(g, docs / 2 + 1) : 0;
        set(g, t1, "normative_docs", "issued", is);
        set(g, t1, "normative_docs", "repealed", rp);
        set(g, t1, "normative_docs", "in_force", is + ogi__gen_skew(g, docs * 5));
        set(g, OGI_T2_21_5, "license", "decisions", ogi__gen_skew(g, big));
        set(g, OGI_T2_21_6, "penalty", "decisions", ogi__gen_skew(g, big / 2));
        set(g, OGI_T2_21_6, "coercion", "decisions", ogi__gen_skew(g, big / 40));
        /* 本年收费金额（单位：万元）: well below the C5 magnitudes */
        ogi_cell_t *a = ogi__gen_cell(g, OGI_T2_21_8,
                                      (size_t)ogi__gen_row_of(OGI_T2_21_8, "admin_fees"),
                                      ogi__gen_col_of(OGI_T2_21_8, "amount_wan"));
        if (chance(g, 2, 3)) {
            int scale = (int)rnd(g, 0, 2);
            int64_t v = ogi__gen_skew(g, ogi__gen_level_scale(g, 90000, 50000, 8000, 50, 3000));
            for (int i = 0; i < scale; i++)
                v = v * 10 + rnd(g, i + 1 == scale ? 1 : 0, 9);
            a->value = v;
            a->scale = (uint8_t)scale;
        }
        g->truth->tables[OGI_T2_21_8].unit = OGI_UNIT_WAN_YUAN;
    }
    return 0;
}
