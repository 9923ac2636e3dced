/*
 * narrative_table.c - what the tables say for each keyword group of the
 * narrative checks (narrative.c): the values a figure in the text may
 * equal, the cell a finding names, and how the figures are written in its
 * message. Paths and the cells each group reads are listed at the top of
 * narrative.c. Thread-safe: reads the report only.
 */
#include "ogi_int.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "narrative_int.h"
#include "ogi/skeleton.h"

/* How a group's table figure is written in a message. */
enum {
    S_PLAIN = 0, /* "293" */
    S_LABELLED,  /* "prev_items 0, delta_items 0, prev_items + delta_items 0" */
    S_RECEIVED,  /* "140 (143 with those carried over)" */
    S_SUIT,      /* "46 (26 direct + 20 after review)" */
    S_AMOUNT,    /* "26102 wan_yuan" */
};

/* ---- the tables -------------------------------------------------------- */

/* The cell (row, col) of table id if it holds a number, else NULL. */
static const ogi_cell_t *
num_cell(const ogi_report_t *r, ogi_table_id_t id, const char *row,
         const char *col, long *ri, long *ci)
{
    if (!r->tables[id].present)
        return NULL;
    long a = ogi_skeleton_row_index(id, row);
    long b = ogi_skeleton_col_index(id, col);
    if (a < 0 || b < 0)
        return NULL;
    const ogi_cell_t *c = ogi_report_cell(r, id, (size_t)a, (size_t)b);
    if (!c || c->state != OGI_CELL_NUM)
        return NULL;
    if (ri)
        *ri = a;
    if (ci)
        *ci = b;
    return c;
}

/* A cell's value * OGI__NUM_SCALE; 0 when it does not fit. */
static int
cell_scaled(const ogi_cell_t *c, int64_t *out)
{
    int64_t v = c->value;
    unsigned sc = c->scale;
    const int64_t lim = INT64_MAX / OGI__NUM_SCALE / 1000;
    if (v > lim || v < -lim)
        return 0;
    if (sc <= OGI__NUM_DECIMALS) {
        for (unsigned k = sc; k < OGI__NUM_DECIMALS; k++)
            v *= 10;
    } else {
        for (unsigned k = OGI__NUM_DECIMALS; k < sc && k < 30; k++)
            v /= 10;
    }
    *out = v;
    return 1;
}

char *
ogi__narrative_fmt_num(int64_t v, char *buf, size_t size)
{
    int neg = v < 0;
    uint64_t u = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    uint64_t ip = u / OGI__NUM_SCALE, fr = u % OGI__NUM_SCALE;
    if (fr == 0) {
        snprintf(buf, size, "%s%llu", neg ? "-" : "", (unsigned long long)ip);
    } else {
        char f[8];
        snprintf(f, sizeof(f), "%04llu", (unsigned long long)fr);
        size_t l = strlen(f);
        while (l > 0 && f[l - 1] == '0')
            f[--l] = '\0';
        snprintf(buf, size, "%s%llu.%s", neg ? "-" : "", (unsigned long long)ip,
                 f);
    }
    return buf;
}

/* Adds a count the group accepts. */
static void
accept(ogi__narrative_gval_t *g, int64_t v)
{
    for (size_t k = 0; k < g->nvals; k++)
        if (g->vals[k] == v)
            return;
    if (g->nvals < OGI_ARRAY_LEN(g->vals))
        g->vals[g->nvals++] = v;
}

/* Adds a figure to write in the message. */
static void
show(ogi__narrative_gval_t *g, const char *label, int64_t v)
{
    if (g->nshown < OGI_ARRAY_LEN(g->shown)) {
        g->label[g->nshown] = label;
        g->shown[g->nshown++] = v;
    }
}

/* Names the cell (id, row, col) in the group's findings. */
static void
name_cell(ogi__narrative_gval_t *g, ogi_table_id_t id, long row, long col)
{
    g->on = 1;
    g->tid = id;
    g->row = (size_t)row;
    g->col = col;
}

/*
 * Sets g to compare with the cells (row, cols[0..ncols)) of table id, all
 * of which pass. cols[0] is the cell named in the findings and must hold a
 * number; with any, the first that holds one is named instead. With sum,
 * the sum of the last two columns (prev_items + delta_items) passes too.
 */
static void
use_cells(const ogi_report_t *r, ogi__narrative_gval_t *g, ogi_table_id_t id,
          const char *row, const char *const *cols, size_t ncols, int any,
          int sum)
{
    long ri = -1, ci = -1;
    int64_t v[4] = {0};
    int have[4] = {0};
    if (ncols > 4)
        ncols = 4;
    for (size_t k = 0; k < ncols; k++) {
        long a, b;
        const ogi_cell_t *c = num_cell(r, id, row, cols[k], &a, &b);
        if (!c || !cell_scaled(c, &v[k]))
            continue;
        have[k] = 1;
        if (ci < 0 && (k == 0 || any)) {
            ri = a;
            ci = b;
        }
    }
    if (ci < 0)
        return;
    name_cell(g, id, ri, ci);
    g->style = ncols > 1 ? S_LABELLED : S_PLAIN;
    for (size_t k = 0; k < ncols; k++) {
        if (!have[k])
            continue;
        accept(g, v[k]);
        show(g, cols[k], v[k]);
    }
    if (sum && ncols >= 2 && have[ncols - 2] && have[ncols - 1]) {
        accept(g, v[ncols - 2] + v[ncols - 1]);
        show(g, "prev_items + delta_items", v[ncols - 2] + v[ncols - 1]);
    }
}

/* Sets g to compare amounts with the cell (row, col) of table id. */
static void
use_amount(const ogi_report_t *r, ogi__narrative_gval_t *g, ogi_table_id_t id,
           const char *row, const char *col)
{
    long ri = -1, ci = -1;
    int64_t v;
    const ogi_cell_t *c = num_cell(r, id, row, col, &ri, &ci);
    if (!c || !cell_scaled(c, &v))
        return;
    ogi_unit_t u = (ogi_unit_t)c->unit;
    if (!u)
        u = r->tables[id].unit;
    if (!u && ogi_skeleton_table(id)->cols[ci].type == OGI_VT_AMOUNT_WAN)
        u = OGI_UNIT_WAN_YUAN;
    double a = ogi_cell_number(c);
    name_cell(g, id, ri, ci);
    g->amount = 1;
    g->style = S_AMOUNT;
    g->unit = (uint8_t)u;
    show(g, NULL, v);
    if (u != OGI_UNIT_WAN_YUAN) /* 元, or not stated: either reading */
        g->yuan[g->nyuan++] = a;
    if (u != OGI_UNIT_YUAN)
        g->yuan[g->nyuan++] = a * 10000.0;
}

char *
ogi__narrative_describe(const ogi__narrative_gval_t *g, char *buf, size_t size)
{
    char a[32], b[32], c[32];
    size_t l = 0;
    buf[0] = '\0';
    switch (g->style) {
        case S_LABELLED:
            for (size_t k = 0; k < g->nshown && l < size; k++)
                l += (size_t)snprintf(
                    buf + l, size - l, "%s%s %s", k ? ", " : "", g->label[k],
                    ogi__narrative_fmt_num(g->shown[k], a, sizeof(a)));
            break;
        case S_RECEIVED:
            snprintf(buf, size, "%s (%s with those carried over)",
                     ogi__narrative_fmt_num(g->shown[0], a, sizeof(a)),
                     ogi__narrative_fmt_num(g->shown[1], b, sizeof(b)));
            break;
        case S_SUIT:
            snprintf(buf, size, "%s (%s direct + %s after review)",
                     ogi__narrative_fmt_num(g->shown[0], a, sizeof(a)),
                     ogi__narrative_fmt_num(g->shown[1], b, sizeof(b)),
                     ogi__narrative_fmt_num(g->shown[2], c, sizeof(c)));
            break;
        case S_AMOUNT:
            snprintf(buf, size, "%s %s",
                     ogi__narrative_fmt_num(g->shown[0], a, sizeof(a)),
                     g->unit ? ogi_unit_name((ogi_unit_t)g->unit)
                             : "(unit not stated)");
            break;
        default:
            snprintf(buf, size, "%s",
                     ogi__narrative_fmt_num(g->shown[0], a, sizeof(a)));
            break;
    }
    return buf;
}

/* The Table 2 item of the report's format (2019 or 2021 id), or -1. */
static int
active_table(const ogi_report_t *r, ogi_table_id_t t19, int t21)
{
    int use19 = r->meta.format == OGI_FORMAT_2019 ||
                (r->meta.format != OGI_FORMAT_2021 && r->tables[t19].present);
    if (use19)
        return r->tables[t19].present ? (int)t19 : -1;
    return t21 >= 0 && r->tables[t21].present ? t21 : -1;
}

void
ogi__narrative_load_tables(const ogi_report_t *r,
                           ogi__narrative_gval_t g[OGI__G_COUNT])
{
    static const char *const total[] = {"total"};
    long ri = -1, ci = -1;
    int64_t v1, v2;

    /* N1: new, or new + carried over */
    const ogi_cell_t *c1 =
        num_cell(r, OGI_T3, "new_received", "total", &ri, &ci);
    const ogi_cell_t *c2 =
        num_cell(r, OGI_T3, "carried_over", "total", NULL, NULL);
    if (c1 && cell_scaled(c1, &v1)) {
        ogi__narrative_gval_t *p = &g[OGI__G_RECEIVED];
        name_cell(p, OGI_T3, ri, ci);
        accept(p, v1);
        show(p, NULL, v1);
        if (c2 && cell_scaled(c2, &v2) && v2 != 0) {
            accept(p, v1 + v2);
            show(p, NULL, v1 + v2);
            p->style = S_RECEIVED;
        }
    }
    use_cells(r, &g[OGI__G_ANSWERED], OGI_T3, "result_total", total, 1, 0, 0);
    use_cells(r, &g[OGI__G_FORWARD], OGI_T3, "carry_forward", total, 1, 0, 0);
    use_cells(r, &g[OGI__G_REVIEW], OGI_T4, "review", total, 1, 0, 0);

    /* N5: the two kinds of suit together */
    c1 = num_cell(r, OGI_T4, "suit_direct", "total", &ri, &ci);
    c2 = num_cell(r, OGI_T4, "suit_after_review", "total", NULL, NULL);
    if (c1 && c2 && cell_scaled(c1, &v1) && cell_scaled(c2, &v2)) {
        ogi__narrative_gval_t *p = &g[OGI__G_SUIT];
        name_cell(p, OGI_T4, ri, ci);
        accept(p, v1 + v2);
        show(p, NULL, v1 + v2);
        show(p, NULL, v1);
        show(p, NULL, v2);
        p->style = S_SUIT;
    }

    /* N6: Table 2 of the report's format */
    static const char *const n19[] = {"new_made", "new_published",
                                      "total_published"};
    static const char *const n21[] = {"issued", "repealed", "in_force"};
    static const char *const d19[] = {"decisions", "prev_items", "delta_items"};
    static const char *const d21[] = {"decisions"};
    static const char *const f19[] = {"prev_items", "delta_items"};
    static const char *const proj[] = {"projects"};
    int t;
    if ((t = active_table(r, OGI_T2_19_1, OGI_T2_21_1)) >= 0)
        use_cells(r, &g[OGI__G_NORMATIVE], (ogi_table_id_t)t, "normative_docs",
                  t == OGI_T2_19_1 ? n19 : n21, 3, 1, 0);
    /* 2019: the decisions, or the items (prev_items, prev + delta) */
    if ((t = active_table(r, OGI_T2_19_5, OGI_T2_21_5)) >= 0) {
        int is19 = t == OGI_T2_19_5;
        use_cells(r, &g[OGI__G_LICENSE], (ogi_table_id_t)t, "license",
                  is19 ? d19 : d21, is19 ? 3 : 1, 0, is19);
    }
    if ((t = active_table(r, OGI_T2_19_6, OGI_T2_21_6)) >= 0) {
        int is19 = t == OGI_T2_19_6;
        use_cells(r, &g[OGI__G_PENALTY], (ogi_table_id_t)t, "penalty",
                  is19 ? d19 : d21, is19 ? 3 : 1, 0, is19);
        use_cells(r, &g[OGI__G_COERCION], (ogi_table_id_t)t, "coercion",
                  is19 ? d19 : d21, is19 ? 3 : 1, 0, is19);
    }
    /* 行政事业性收费: item counts in 2019, an amount in 万元 in 2021 */
    if ((t = active_table(r, OGI_T2_19_8, OGI_T2_21_8)) == OGI_T2_19_8)
        use_cells(r, &g[OGI__G_FEES], OGI_T2_19_8, "admin_fees", f19, 2, 1, 1);
    else if (t >= 0)
        use_amount(r, &g[OGI__G_FEES], (ogi_table_id_t)t, "admin_fees",
                   "amount_wan");
    if (active_table(r, OGI_T2_19_9, -1) >= 0) {
        use_cells(r, &g[OGI__G_PROJECTS], OGI_T2_19_9, "central_procurement",
                  proj, 1, 0, 0);
        use_amount(r, &g[OGI__G_AMOUNT], OGI_T2_19_9, "central_procurement",
                   "amount");
    }
}
