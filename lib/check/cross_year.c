/*
 * cross_year.c - the cross-year rules X1-X4 (include/ogi/cross_year.h,
 * report-format.md §5d): one agency's reports on years Y-1 and Y.
 *
 * Rows, columns and labels come from the skeleton: X1 reads the two rows of
 * Table 3 by key, X2 every row of the 2019 Table 2 items that have both
 * 上一年项目数量 and 本年增/减, X3 every row of the 2021 item that has
 * 本年制发件数, 本年废止件数 and 现行有效件数. Only X4's choice of key totals
 * is a list here (jumps[] below): the relations are between two reports,
 * so they are not identities of one format and stay out of the skeleton.
 *
 * X6: Table 2 items are compared only within one format (X2 2019, X3
 * 2021), since each format has its own table ids; the one exception X6
 * allows, the decisions of license, penalty and coercion, X4 reads from
 * whichever format each report carries.
 */
#include "ogi_int.h"

#include <limits.h>
#include <stdio.h>

#include "ogi/cross_year.h"
#include "ogi/error.h"
#include "ogi/rules.h"

/* Whether r carries table id: found, and of r's format when that is known
 * (a report carries the Table 2 items of its own format only). */
static int
carries(const ogi_report_t *r, ogi_table_id_t id)
{
    if (!r->tables[id].present)
        return 0;
    return r->meta.format == OGI_FORMAT_UNKNOWN ||
           (ogi_skeleton_table(id)->formats & (1u << r->meta.format));
}

/* Cell (row, col) of table id as a whole number in *v; 0 when the cell is
 * absent, blank, a placeholder, text or a decimal. */
static int
whole(const ogi_report_t *r, ogi_table_id_t id, long row, long col,
      long long *v)
{
    if (row < 0 || col < 0 || !carries(r, id))
        return 0;
    const ogi_cell_t *c = ogi_report_cell(r, id, (size_t)row, (size_t)col);
    if (!c || c->state != OGI_CELL_NUM || c->scale != 0)
        return 0;
    *v = (long long)c->value;
    return 1;
}

/* Severity of rule as the catalogue gives it. */
static ogi_severity_t
severity(const char *rule)
{
    const ogi_rule_t *ru = ogi_rules_find(rule);
    return OGI_ALWAYS(ru != NULL) ? ru->severity : OGI_SEV_WARNING;
}

/* ---- X1: carried over this year = carried forward last year ---- */

static int
check_carry(const ogi_report_t *e, const ogi_report_t *l, ogi_report_t *out)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    long co = ogi_skeleton_row_index(OGI_T3, "carried_over");
    long cf = ogi_skeleton_row_index(OGI_T3, "carry_forward");
    if (OGI_NEVER(co < 0 || cf < 0))
        return 0;
    for (size_t c = 0; c < sk->ncols; c++) {
        long long now, before;
        if (!whole(l, OGI_T3, co, (long)c, &now) ||
            !whole(e, OGI_T3, cf, (long)c, &before) || now == before)
            continue;
        char path[128];
        ogi_report_path(OGI_T3, (size_t)co, (long)c, path, sizeof(path));
        int rc = ogi_report_add_finding(
            out, "X1", severity("X1"), path,
            "%s (%s) %lld in %d differs from %s %lld in %d", sk->rows[co].label,
            sk->cols[c].label, now, l->meta.year, sk->rows[cf].label, before,
            e->meta.year);
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- X2: 2019 stocks of items, last year's plus its change ---- */

static int
check_items(const ogi_report_t *e, const ogi_report_t *l, ogi_report_t *out)
{
    size_t n;
    const ogi_table_id_t *ids = ogi_skeleton_active(OGI_FORMAT_2019, &n);
    for (size_t i = 0; i < n; i++) {
        ogi_table_id_t id = ids[i];
        long pc = ogi_skeleton_col_index(id, "prev_items");
        long dc = ogi_skeleton_col_index(id, "delta_items");
        if (pc < 0 || dc < 0 || !carries(e, id) || !carries(l, id))
            continue;
        const ogi_skel_table_t *sk = ogi_skeleton_table(id);
        for (size_t row = 0; row < sk->nrows; row++) {
            long long now, prev, delta, want;
            if (sk->rows[row].flags & OGI_ROW_GROUP ||
                !whole(l, id, (long)row, pc, &now) ||
                !whole(e, id, (long)row, pc, &prev) ||
                !whole(e, id, (long)row, dc, &delta) ||
                __builtin_add_overflow(prev, delta, &want) || now == want)
                continue;
            char path[128];
            ogi_report_path(id, row, pc, path, sizeof(path));
            int rc = ogi_report_add_finding(
                out, "X2", severity("X2"), path,
                "%s: %s %lld in %d differs from %lld, the %s %lld plus %s "
                "%lld of %d",
                sk->rows[row].label, sk->cols[pc].label, now, l->meta.year,
                want, sk->cols[pc].label, prev, sk->cols[dc].label, delta,
                e->meta.year);
            if (rc)
                return rc;
        }
    }
    return 0;
}

/* ---- X3: 2021 documents in force, last year's plus issued minus
 * repealed ---- */

static int
check_in_force(const ogi_report_t *e, const ogi_report_t *l, ogi_report_t *out)
{
    size_t n;
    const ogi_table_id_t *ids = ogi_skeleton_active(OGI_FORMAT_2021, &n);
    for (size_t i = 0; i < n; i++) {
        ogi_table_id_t id = ids[i];
        long ic = ogi_skeleton_col_index(id, "issued");
        long rc_ = ogi_skeleton_col_index(id, "repealed");
        long fc = ogi_skeleton_col_index(id, "in_force");
        if (ic < 0 || rc_ < 0 || fc < 0 || !carries(e, id) || !carries(l, id))
            continue;
        const ogi_skel_table_t *sk = ogi_skeleton_table(id);
        for (size_t row = 0; row < sk->nrows; row++) {
            long long now, before, issued, repealed, want;
            if (sk->rows[row].flags & OGI_ROW_GROUP ||
                !whole(l, id, (long)row, fc, &now) ||
                !whole(e, id, (long)row, fc, &before) ||
                !whole(l, id, (long)row, ic, &issued) ||
                !whole(l, id, (long)row, rc_, &repealed) ||
                __builtin_add_overflow(before, issued, &want) ||
                __builtin_sub_overflow(want, repealed, &want) || now == want)
                continue;
            char path[128];
            ogi_report_path(id, row, fc, path, sizeof(path));
            int rc = ogi_report_add_finding(
                out, "X3", severity("X3"), path,
                "%s: %s %lld in %d differs from %lld, the %s %lld of %d plus "
                "%s %lld minus %s %lld of %d (amendments, expiry or a "
                "reorganisation may explain it)",
                sk->rows[row].label, sk->cols[fc].label, now, l->meta.year,
                want, sk->cols[fc].label, before, e->meta.year,
                sk->cols[ic].label, issued, sk->cols[rc_].label, repealed,
                l->meta.year);
            if (rc)
                return rc;
        }
    }
    return 0;
}

/* ---- X4: year-on-year jumps of key totals ---- */

/*
 * The key totals: the applications received and answered (Table 3 一 and
 * （七）总计, column 总计), the administrative reviews and the lawsuits of
 * both kinds together (Table 4, as the narratives quote them), and the
 * decisions on licenses, penalties and coercion (Table 2 (五)/(六), the only
 * Table 2 cells X6 lets two formats share). 结转 rows are left out: they are
 * small and swing by nature. t19/t21 name the table in each format (the same
 * for Tables 3 and 4); row2, when set, is a second row added to the first.
 */
static const struct {
    ogi_table_id_t t19, t21;
    const char *row, *row2, *col;
    const char *label; /* NULL: "<row label> (<column label>)" */
} jumps[] = {
    {OGI_T3, OGI_T3, "new_received", NULL, "total", NULL},
    {OGI_T3, OGI_T3, "result_total", NULL, "total", NULL},
    {OGI_T4, OGI_T4, "review", NULL, "total", NULL},
    {OGI_T4, OGI_T4, "suit_direct", "suit_after_review", "total",
     "行政诉讼 (未经复议直接起诉 + 复议后起诉) 总计"},
    {OGI_T2_19_5, OGI_T2_21_5, "license", NULL, "decisions", NULL},
    {OGI_T2_19_6, OGI_T2_21_6, "penalty", NULL, "decisions", NULL},
    {OGI_T2_19_6, OGI_T2_21_6, "coercion", NULL, "decisions", NULL},
};

/* The key total k of r in *v, and the table it was read from in *id. */
static int
jump_value(const ogi_report_t *r, size_t k, long long *v, ogi_table_id_t *id)
{
    *id = carries(r, jumps[k].t19) ? jumps[k].t19 : jumps[k].t21;
    long row = ogi_skeleton_row_index(*id, jumps[k].row);
    long col = ogi_skeleton_col_index(*id, jumps[k].col);
    if (!whole(r, *id, row, col, v) || *v < 0)
        return 0;
    if (!jumps[k].row2)
        return 1;
    long long b;
    long row2 = ogi_skeleton_row_index(*id, jumps[k].row2);
    return whole(r, *id, row2, col, &b) && b >= 0 &&
           !__builtin_add_overflow(*v, b, v);
}

static int
check_jumps(const ogi_report_t *e, const ogi_report_t *l, ogi_report_t *out)
{
    for (size_t k = 0; k < OGI_ARRAY_LEN(jumps); k++) {
        long long before, now;
        ogi_table_id_t ide, idl;
        if (!jump_value(e, k, &before, &ide) || !jump_value(l, k, &now, &idl) ||
            before == 0)
            continue;
        /* now / before > 5 or < 0.2 in integers; neither side is negative,
         * and a product that would overflow cannot be exceeded */
        int rise = before <= LLONG_MAX / 5 && now > 5 * before;
        int fall = now <= LLONG_MAX / 5 && 5 * now < before;
        if (!rise && !fall)
            continue;
        const ogi_skel_table_t *sk = ogi_skeleton_table(idl);
        long row = ogi_skeleton_row_index(idl, jumps[k].row);
        long col = ogi_skeleton_col_index(idl, jumps[k].col);
        char path[128], label[256];
        ogi_report_path(idl, (size_t)row, col, path, sizeof(path));
        if (jumps[k].label)
            snprintf(label, sizeof(label), "%s", jumps[k].label);
        else
            snprintf(label, sizeof(label), "%s (%s)", sk->rows[row].label,
                     sk->cols[col].label);
        int rc = ogi_report_add_finding(
            out, "X4", severity("X4"), path,
            "%s %s from %lld in %d to %lld in %d, %.2f times", label,
            rise ? "rose" : "fell", before, e->meta.year, now, l->meta.year,
            (double)now / (double)before);
        if (rc)
            return rc;
    }
    return 0;
}

int
ogi_cross_year_check(const ogi_report_t *earlier, const ogi_report_t *later,
                     ogi_report_t *out)
{
    assert(earlier && later && out);
    if (earlier->status == OGI_STATUS_REJECTED ||
        later->status == OGI_STATUS_REJECTED || earlier->meta.year == 0 ||
        later->meta.year == 0 || earlier->meta.year != later->meta.year - 1)
        return 0;
    int rc = check_carry(earlier, later, out);
    if (!rc)
        rc = check_items(earlier, later, out);
    if (!rc)
        rc = check_in_force(earlier, later, out);
    if (!rc)
        rc = check_jumps(earlier, later, out);
    return rc;
}
