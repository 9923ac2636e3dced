/*
 * validate.c - the rules of the catalogue (README "Rules", `ogi rules`) on one
 * report.
 *
 * The arithmetic rules are data in the skeleton (ogi_skeleton_identities):
 * each identity names its table, whether it runs along every row or every
 * column, and the keys on each side; one evaluator runs them all. The narrative
 * rules are in narrative.c.
 */
#include "ogi_int.h"

#include <stdio.h>
#include <string.h>

#include "narrative_int.h"
#include "ogi/agency.h"
#include "ogi/error.h"
#include "ogi/rules.h"
#include "ogi/validate.h"

/* ---- sums over cells ---- */

typedef struct {
    long long sum;
    int blank;     /* a blank or placeholder cell counted as 0 */
    int numbers;   /* cells that hold a number */
    int missing;   /* a cell absent, not a number, or not an integer */
    char path[128];/* the first missing cell */
} side_t;

static void
side_add(side_t *s, const ogi_table_t *t, ogi_table_id_t id, size_t row,
         size_t col)
{
    /* ogi_report_cell without the call: this runs for every key of every
     * row an identity covers */
    if (row >= t->skel->nrows || col >= t->skel->ncols)
        return;
    const ogi_cell_t *c = &t->cells[row * t->skel->ncols + col];
    if (c->state == OGI_CELL_NUM && c->scale == 0) {
        s->sum += c->value;
        s->numbers++;
    } else if (c->state == OGI_CELL_EMPTY || c->state == OGI_CELL_NA) {
        s->blank = 1;
    } else if (!s->missing++) {
        ogi_report_path(id, row, (long)col, s->path, sizeof(s->path));
    }
}

/* What a failed identity says: "<fail_a> <rhs sum> <fail_b> <lhs sum>".
 * The identities themselves are the skeleton's. */
static const struct {
    const char *rule;
    const char *fail_a;
    const char *fail_b;
} wording[] = {
    {"O1", "三 + 四 =", "differs from 一 + 二 ="},
    {"D1", "（七）总计", "differs from the sum of the result rows"},
    {"D2", "row total", "differs from the sum of its columns"},
    {"D3", "total", "differs from the sum of its results"},
};

static const char *
fail_word(const char *rule, int b)
{
    for (size_t i = 0; i < OGI_ARRAY_LEN(wording); i++)
        if (strcmp(wording[i].rule, rule) == 0)
            return b ? wording[i].fail_b : wording[i].fail_a;
    return b ? "differs from" : "sum"; /* an identity without wording */
}

/* Sums the cells of n keys (columns of row `at`, or rows of column `at`) of
 * a table that is present. */
static void
sum_side(side_t *s, const ogi_report_t *r, const ogi_skel_identity_t *id,
         size_t at, const size_t *keys, size_t n)
{
    const ogi_table_t *t = &r->tables[id->table];
    s->sum = 0;
    s->blank = s->numbers = s->missing = 0;
    s->path[0] = '\0';
    for (size_t k = 0; k < n; k++) {
        if (id->along_rows)
            side_add(s, t, id->table, at, keys[k]);
        else
            side_add(s, t, id->table, keys[k], at);
    }
}

/* The keys of one side the report's shape has: every column along rows;
 * along columns, the rows ogi_report_row_in_shape keeps. Found once an
 * identity, not once a column. Returns their count. */
static size_t
keys_in_shape(const ogi_report_t *r, const ogi_skel_identity_t *id,
              const size_t *keys, size_t n, size_t *out)
{
    size_t m = 0;
    for (size_t k = 0; k < n && m < OGI_SKEL_MAX_KEYS; k++)
        if (id->along_rows || ogi_report_row_in_shape(r, id->table, keys[k]))
            out[m++] = keys[k];
    return m;
}

static int
check_identity(ogi_report_t *r, const ogi_skel_identity_t *id)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(id->table);
    if (!r->tables[id->table].present)
        return 0;
    size_t lhs[OGI_SKEL_MAX_KEYS], rhs[OGI_SKEL_MAX_KEYS];
    size_t nlhs = keys_in_shape(r, id, id->lhs_at, id->nlhs, lhs);
    size_t nrhs = keys_in_shape(r, id, id->rhs_at, id->nrhs, rhs);
    size_t n = id->along_rows ? sk->nrows : sk->ncols;
    for (size_t at = 0; at < n; at++) {
        if (id->along_rows && !ogi_report_row_in_shape(r, id->table, at))
            continue;
        side_t l, rr;
        sum_side(&l, r, id, at, lhs, nlhs);
        sum_side(&rr, r, id, at, rhs, nrhs);
        int rc = 0;
        char path[128];
        if (!(l.missing || rr.missing || l.sum != rr.sum || l.blank ||
              rr.blank))
            continue; /* the common case: it holds */
        if (id->along_rows)
            ogi_report_path(id->table, at, (long)id->rhs_at[0], path,
                            sizeof(path));
        else
            ogi_report_path(id->table, id->rhs_at[0], (long)at, path,
                            sizeof(path));
        if (l.missing || rr.missing) {
            rc = ogi_report_add_finding(r, id->rule, OGI_SEV_INFO, path,
                                        "could not be assessed: %s is missing",
                                        l.missing ? l.path : rr.path);
        } else if (l.sum != rr.sum && rr.numbers == 0) {
            /* a total left blank was often never filled in (report-format
             * §4): not the same as a total that contradicts its parts */
            rc = ogi_report_add_finding(
                r, id->rule, OGI_SEV_WARNING, path,
                "%s is blank while its parts add up to %lld",
                fail_word(id->rule, 0), l.sum);
        } else if (l.sum != rr.sum) {
            rc = ogi_report_add_finding(r, id->rule, OGI_SEV_ERROR, path,
                                        "%s %lld %s %lld%s",
                                        fail_word(id->rule, 0), rr.sum,
                                        fail_word(id->rule, 1), l.sum,
                                        l.blank || rr.blank
                                            ? " (blank cells counted as 0)"
                                            : "");
        } else if (l.blank || rr.blank) {
            rc = ogi_report_add_finding(
                r, id->rule, OGI_SEV_WARNING, path,
                "holds only if blank cells count as 0 (%lld = %lld)", rr.sum,
                l.sum);
        }
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- V1, V2: values and shape ---- */

static void
format_cell(const ogi_cell_t *c, char *buf, size_t size)
{
    long long v = c->value, p = 1;
    int scale = c->scale > 6 ? 6 : c->scale;
    for (int i = 0; i < scale; i++)
        p *= 10;
    unsigned long long a = v < 0 ? 0ULL - (unsigned long long)v
                                 : (unsigned long long)v;
    if (scale == 0)
        snprintf(buf, size, "%lld", v);
    else
        snprintf(buf, size, "%s%llu.%0*llu", v < 0 ? "-" : "",
                 a / (unsigned long long)p, scale, a % (unsigned long long)p);
}

/* The blank cells of Tables 3 and 4 (C7), counted by check_values' pass. */
typedef struct {
    size_t blank, total, blank4;
} census_t;

/* V1 on the number c of cell (id, row, col). */
static int
check_value(ogi_report_t *r, ogi_table_id_t id, size_t row, size_t col,
            const ogi_cell_t *c)
{
    ogi_vtype_t type = r->tables[id].skel->cols[col].type;
    int amount = type == OGI_VT_AMOUNT || type == OGI_VT_AMOUNT_WAN;
    const char *why = NULL;
    if (c->value < 0 && type != OGI_VT_SIGNED)
        why = "negative value";
    else if (c->scale > 0 && !amount)
        why = "a count must be a whole number, not";
    if (!why)
        return 0;
    char v[48], path[160];
    format_cell(c, v, sizeof(v));
    ogi_report_path(id, row, (long)col, path, sizeof(path));
    return ogi_report_add_finding(r, "V1", OGI_SEV_ERROR, path, "%s %s", why,
                                  v);
}

/* V1 on every cell in shape, in the order of ogi_report_next_cell (table,
 * row, column) but without its call a cell; the same pass counts the blank
 * cells of Tables 3 and 4 into *cn. */
static int
check_values(ogi_report_t *r, census_t *cn)
{
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_table_t *t = &r->tables[id];
        if (!t->present)
            continue;
        const ogi_skel_table_t *sk = t->skel;
        int census = id == OGI_T3 || id == OGI_T4;
        for (size_t row = 0; row < sk->nrows; row++) {
            if (!ogi_report_row_in_shape(r, (ogi_table_id_t)id, row))
                continue;
            const ogi_cell_t *cells = &t->cells[row * sk->ncols];
            for (size_t col = 0; col < sk->ncols; col++) {
                const ogi_cell_t *c = &cells[col];
                if (census) {
                    int b = c->state == OGI_CELL_EMPTY ||
                            c->state == OGI_CELL_NA;
                    cn->total++;
                    cn->blank += b;
                    cn->blank4 += b && id == OGI_T4;
                }
                int rc;
                if (c->state == OGI_CELL_NUM &&
                    (rc = check_value(r, (ogi_table_id_t)id, row, col, c)))
                    return rc;
            }
        }
    }
    return 0;
}

static int
check_shape(ogi_report_t *r)
{
    int rc;
    const ogi_table_t *t3 = &r->tables[OGI_T3];
    if (t3->present && r->meta.format == OGI_FORMAT_2021 &&
        r->apply_other_rows == 1 &&
        (rc = ogi_report_add_finding(
             r, "V2", OGI_SEV_ERROR, "apply.other",
             "（六）其他处理 is one row as in the 2019 format; the 2021 "
             "format has three sub-rows")))
        return rc;
    if (t3->present && r->meta.format == OGI_FORMAT_2019 &&
        r->apply_other_rows == 3 &&
        (rc = ogi_report_add_finding(
             r, "V2", OGI_SEV_ERROR, "apply.other",
             "（六）其他处理 has the three sub-rows of the 2021 format in a "
             "2019 report")))
        return rc;
    /* every row of a table that was found */
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_table_t *t = &r->tables[id];
        if (!t->present)
            continue;
        for (size_t row = 0; row < t->skel->nrows; row++) {
            /* found first: most rows are, and then their shape is moot */
            if (t->row_found[row] ||
                !ogi_report_row_in_shape(r, (ogi_table_id_t)id, row))
                continue;
            char path[128];
            ogi_report_path((ogi_table_id_t)id, row, -1, path, sizeof(path));
            if ((rc = ogi_report_add_finding(
                     r, "V2", OGI_SEV_ERROR, path, "row \"%s%s\" is missing",
                     t->skel->rows[row].number, t->skel->rows[row].label)))
                return rc;
        }
    }
    return 0;
}

/* ---- C1-C7: common sense ---- */

/* The cell (table, row key, col key) when it holds an integer, else NULL. */
static const ogi_cell_t *
num(const ogi_report_t *r, ogi_table_id_t id, const char *row,
    const char *col)
{
    long ri = ogi_skeleton_row_index(id, row), ci = ogi_skeleton_col_index(id, col);
    if (ri < 0 || ci < 0)
        return NULL;
    const ogi_cell_t *c = ogi_report_cell(r, id, (size_t)ri, (size_t)ci);
    return c && c->state == OGI_CELL_NUM ? c : NULL;
}

/*
 * Whether the cells (row; col_a, col_b) of table id hold numbers; when they
 * do, cell[0] and cell[1] receive them. When the table is there but a cell
 * is not, the rule could not be assessed: an info finding says so.
 */
static int
assessable(ogi_report_t *r, const char *rule, ogi_table_id_t id,
           const char *row, const char *col_a, const char *col_b,
           const ogi_cell_t *cell[2], int *rc)
{
    *rc = 0;
    if (!r->tables[id].present)
        return 0;
    const char *cols[] = {col_a, col_b};
    for (size_t i = 0; i < 2; i++) {
        if ((cell[i] = num(r, id, row, cols[i])))
            continue;
        char path[160];
        snprintf(path, sizeof(path), "%s.%s.%s", ogi_skeleton_table(id)->path,
                 row, cols[i]);
        *rc = ogi_report_add_finding(r, rule, OGI_SEV_INFO, path,
                                     "could not be assessed: the cell is "
                                     "blank or missing");
        return 0;
    }
    return 1;
}

/* A finding "<a> <x> <b> <y><c>" at table id, row, col, severity from the
 * catalogue. */
static int
warn_at(ogi_report_t *r, const char *rule, ogi_table_id_t id, const char *row,
        const char *col, const char *a, long long x, const char *b,
        long long y, const char *c)
{
    char path[160];
    snprintf(path, sizeof(path), "%s.%s.%s", ogi_skeleton_table(id)->path, row,
             col);
    const ogi_rule_t *ru = ogi_rules_find(rule);
    return ogi_report_add_finding(r, rule, ru ? ru->severity : OGI_SEV_WARNING,
                                  path, "%s %lld %s %lld%s", a, x, b, y, c);
}

static int
check_common_2019(ogi_report_t *r)
{
    static const struct {
        ogi_table_id_t id;
        const char *row;
    } stock[] = {{OGI_T2_19_5, "license"},  {OGI_T2_19_5, "other_services"},
                 {OGI_T2_19_6, "penalty"},  {OGI_T2_19_6, "coercion"},
                 {OGI_T2_19_8, "admin_fees"}};
    int rc;
    const ogi_cell_t *cell[2];
    for (size_t i = 0; i < OGI_ARRAY_LEN(stock); i++) {
        if (!assessable(r, "C1", stock[i].id, stock[i].row, "prev_items",
                        "delta_items", cell, &rc)) {
            if (rc)
                return rc;
            continue;
        }
        const ogi_cell_t *p = cell[0], *d = cell[1];
        if (p && d && p->scale == 0 && d->scale == 0 && p->value + d->value < 0 &&
            (rc = warn_at(r, "C1", stock[i].id, stock[i].row, "delta_items",
                          "上一年项目数量", (long long)p->value,
                          "plus 本年增/减", (long long)d->value,
                          " is negative")))
            return rc;
    }
    static const char *const docs[] = {"rules", "normative_docs"};
    for (size_t i = 0; i < OGI_ARRAY_LEN(docs); i++) {
        if (!assessable(r, "C2", OGI_T2_19_1, docs[i], "new_published",
                        "total_published", cell, &rc)) {
            if (rc)
                return rc;
            continue;
        }
        const ogi_cell_t *np = cell[0], *tp = cell[1];
        if (np && tp && np->value > tp->value &&
            (rc = warn_at(r, "C2", OGI_T2_19_1, docs[i], "new_published",
                          "本年新公开数量", (long long)np->value,
                          "exceeds 对外公开总数量", (long long)tp->value, "")))
            return rc;
    }
    if (!assessable(r, "C4", OGI_T2_19_9, "central_procurement", "projects",
                    "amount", cell, &rc))
        return rc;
    const ogi_cell_t *pj = cell[0], *am = cell[1];
    if (pj && am && ((pj->value == 0) != (am->value == 0))) {
        char a[48];
        format_cell(am, a, sizeof(a));
        char path[] = "active.a20_9.central_procurement.amount";
        if ((rc = ogi_report_add_finding(
                 r, "C4", OGI_SEV_WARNING, path,
                 "采购项目数量 %lld but 采购总金额 %s: one is 0, the other not",
                 (long long)pj->value, a)))
            return rc;
    }
    return 0;
}

static int
check_common_2021(ogi_report_t *r)
{
    static const char *const docs[] = {"rules", "normative_docs"};
    int rc;
    const ogi_cell_t *issued[2], *repealed[2];
    for (size_t i = 0; i < OGI_ARRAY_LEN(docs); i++) {
        if (!assessable(r, "C3", OGI_T2_21_1, docs[i], "issued", "in_force",
                        issued, &rc) ||
            !assessable(r, "C3", OGI_T2_21_1, docs[i], "repealed", "in_force",
                        repealed, &rc)) {
            if (rc)
                return rc;
            continue;
        }
        const ogi_cell_t *is = issued[0], *rp = repealed[0], *in = issued[1];
        if (is && rp && in && is->value > in->value + rp->value &&
            (rc = warn_at(r, "C3", OGI_T2_21_1, docs[i], "issued",
                          "本年制发件数", (long long)is->value,
                          "exceeds 现行有效件数 + 本年废止件数",
                          (long long)(in->value + rp->value), "")))
            return rc;
    }
    /* C5: 万元 amounts that look typed in 元 (more than ¥100亿, or the
     * two-decimal pattern of 元 at 元 magnitudes) */
    const ogi_cell_t *a = num(r, OGI_T2_21_8, "admin_fees", "amount_wan");
    if (a) {
        double v = ogi_cell_number(a);
        if (v > 1e6 || (a->scale == 2 && v >= 1e5)) {
            char s[48];
            format_cell(a, s, sizeof(s));
            if ((rc = ogi_report_add_finding(
                     r, "C5", OGI_SEV_WARNING,
                     "active.a20_8.admin_fees.amount_wan",
                     "本年收费金额 %s 万元 is implausibly large: probably "
                     "typed in 元",
                     s)))
                return rc;
        }
    }
    return 0;
}

static int
check_apply_bounds(ogi_report_t *r)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    const ogi_table_t *t3 = &r->tables[OGI_T3];
    long nr = ogi_skeleton_row_index(OGI_T3, "new_received");
    long co = ogi_skeleton_row_index(OGI_T3, "carried_over");
    long rt = ogi_skeleton_row_index(OGI_T3, "result_total");
    long cf = ogi_skeleton_row_index(OGI_T3, "carry_forward");
    for (size_t col = 0; col < sk->ncols; col++) {
        const ogi_cell_t *a = ogi_report_cell(r, OGI_T3, (size_t)nr, col);
        const ogi_cell_t *b = ogi_report_cell(r, OGI_T3, (size_t)co, col);
        if (!a || !b || a->state != OGI_CELL_NUM || b->state != OGI_CELL_NUM)
            continue;
        long long cap = a->value + b->value;
        for (size_t row = 0; row < sk->nrows; row++) {
            /* the cell first: most are within their column's bound */
            const ogi_cell_t *c = &t3->cells[row * sk->ncols + col];
            if (c->state != OGI_CELL_NUM || c->value <= cap ||
                (long)row == nr || (long)row == co || (long)row == rt ||
                (long)row == cf || !ogi_report_row_in_shape(r, OGI_T3, row))
                continue;
            char path[160];
            ogi_report_path(OGI_T3, row, (long)col, path, sizeof(path));
            int rc = ogi_report_add_finding(
                r, "C6", OGI_SEV_WARNING, path,
                "%lld exceeds the %lld applications of its column (一 + 二)",
                (long long)c->value, cap);
            if (rc)
                return rc;
        }
    }
    return 0;
}

#define C7_THRESHOLD 5 /* blank cells in Tables 3 and 4 worth a warning */

static int
check_blank_census(ogi_report_t *r, const census_t *cn)
{
    if (cn->blank < C7_THRESHOLD)
        return 0;
    return ogi_report_add_finding(
        r, "C7", OGI_SEV_WARNING, cn->blank4 * 2 > cn->blank ? "appeal" : "apply",
        "%zu of %zu cells in Tables 3 and 4 are blank or placeholders",
        cn->blank, cn->total);
}

/* ---- S1-S5, X5: the document ---- */

static int
check_document(ogi_report_t *r)
{
    int rc;
    const ogi_meta_t *m = &r->meta;
    char path[64];
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        if (r->sections[k].present)
            continue;
        const ogi_skel_section_t *s = ogi_skeleton_section((ogi_section_id_t)k);
        snprintf(path, sizeof(path), "sections.%s", s->key);
        if ((rc = ogi_report_add_finding(r, "S1", OGI_SEV_WARNING, path,
                                         "section \"%s\" is missing",
                                         s->title)))
            return rc;
    }
    /* S2: 1月31日 for departments, 3月31日 for governments */
    if (m->published_on && m->year && m->admin_level != OGI_LEVEL_UNKNOWN) {
        int dept = m->admin_level == OGI_LEVEL_DEPARTMENT;
        char due[32];
        snprintf(due, sizeof(due), "%04d-%s", m->year + 1,
                 dept ? "01-31" : "03-31");
        if (strcmp(m->published_on, due) > 0 &&
            (rc = ogi_report_add_finding(
                 r, "S2", OGI_SEV_WARNING, "meta.published_on",
                 "published on %s, after the deadline %s for a %s",
                 m->published_on, due, dept ? "department" : "government")))
            return rc;
    }
    /* S3: the stated period and the title agree */
    if (m->period_year && m->title_year && m->period_year != m->title_year &&
        (rc = ogi_report_add_finding(
             r, "S3", OGI_SEV_WARNING, "meta.year",
             "the title says %d but the statistical period is in %d",
             m->title_year, m->period_year)))
        return rc;
    /* S4: 2021 format, 信息处理费 in section 六 */
    const ogi_section_t *other = &r->sections[OGI_SEC_OTHER];
    if (m->format == OGI_FORMAT_2021 &&
        !(other->present && other->text && strstr(other->text, "信息处理费")) &&
        (rc = ogi_report_add_finding(
             r, "S4", OGI_SEV_INFO, "sections.other",
             "section 六 does not mention 信息处理费 (information "
             "processing fees)")))
        return rc;
    /* S5: section 五 says something */
    const ogi_section_t *pr = &r->sections[OGI_SEC_PROBLEMS];
    if (pr->present && pr->text) {
        const char *t = pr->text;
        int empty = t[0] == '\0' || strcmp(t, "无") == 0 ||
                    strcmp(t, "无。") == 0 || strcmp(t, "无.") == 0;
        if (empty && (rc = ogi_report_add_finding(
                          r, "S5", OGI_SEV_WARNING, "sections.problems",
                          "section 五 says nothing (\"%s\")", t)))
            return rc;
    }
    /* X5: the format matches the year */
    if (m->year && m->format) {
        ogi_format_t want = m->year <= 2020 ? OGI_FORMAT_2019 : OGI_FORMAT_2021;
        if (want != m->format &&
            (rc = ogi_report_add_finding(
                 r, "X5", OGI_SEV_WARNING, "meta.format",
                 "a report on %d should use the %s format, not %s", m->year,
                 ogi_skeleton_format_name(want),
                 ogi_skeleton_format_name(m->format))))
            return rc;
    }
    return 0;
}

/* ---- M1: the agency, resolved with the province as the hint ---- */

static int
check_agency(ogi_report_t *r)
{
    ogi_meta_t *m = &r->meta;
    m->agency_key = m->division_code = m->division_level = NULL;
    if (!m->agency) /* nothing to resolve: the record says null */
        return 0;
    ogi_agency_t ag;
    if (ogi_agency_resolve(m->agency, m->province, &ag) != OGI_AGENCY_RESOLVED)
        return ogi_report_add_finding(
            r, "M1", OGI_SEV_INFO, "meta.agency",
            "agency \"%s\" is %s (province hint %s): %s", m->agency,
            ogi_agency_status_name(ag.status),
            m->province ? m->province : "none", ag.reason);
    m->agency_key = ogi_arena_strdup(r->arena, ag.key);
    m->division_code = ogi_arena_strdup(r->arena, ag.code);
    m->division_level =
        ogi_arena_strdup(r->arena, ogi_agency_level_name(ag.level));
    if (!m->agency_key || !m->division_code || !m->division_level)
        return OGI_ENOMEM;
    return 0;
}

int
ogi_validate_report(ogi_report_t *r)
{
    if (r->status == OGI_STATUS_REJECTED)
        return 0;
    int rc = 0;
    size_t nid;
    const ogi_skel_identity_t *ids = ogi_skeleton_identities(&nid);
    for (size_t i = 0; !rc && i < nid; i++)
        rc = check_identity(r, &ids[i]);
    census_t census = {0};
    if (!rc)
        rc = check_values(r, &census);
    if (!rc)
        rc = check_shape(r);
    if (!rc)
        rc = r->meta.format == OGI_FORMAT_2019 ? check_common_2019(r)
                                               : check_common_2021(r);
    if (!rc && r->tables[OGI_T3].present)
        rc = check_apply_bounds(r);
    if (!rc)
        rc = check_blank_census(r, &census);
    if (!rc)
        rc = ogi__narrative_check(r);
    if (!rc)
        rc = check_document(r);
    if (!rc)
        rc = check_agency(r);
    if (rc)
        return rc;
    for (size_t i = 0; i < r->nfindings; i++)
        if (r->findings[i].severity == OGI_SEV_ERROR)
            r->status = OGI_STATUS_HAS_ERRORS;
    return 0;
}
