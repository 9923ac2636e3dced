/*
 * gen_expect.c - the findings a generated report must give.
 *
 * An oracle written from the rule catalogue (README "Rules") and the
 * record's conventions (README "The record", proto/ogi/v1/report.proto),
 * not from validate.c: the property test compares the
 * two. Only the identities' definition (which cells add up to which) is
 * shared with the validator: it is the skeleton's. It reads the truth (the
 * tables as printed, after the injected error) and what the generator knows it
 * did (a label left out, a wrong figure in the narrative, a late date, a
 * section left out):
 *
 *   O1 D1 D2 D3  each identity on integer cells; a side with a cell that
 *                is absent is "not assessable" (info); a sum that differs
 *                is an error, or a warning when its total was left blank;
 *                one that holds only with blanks read as 0 is a warning
 *   V1 V2        negative counts; rows of the shape not printed
 *   C1-C7        the common-sense rules, "not assessable" (info) when a
 *                cell they read is not a number
 *   N1-N6        the one figure written wrong on purpose
 *   S1 S2 S4     sections left out, a late date, no 信息处理费 (2021)
 *   P2 P4        a row placed by order (nolabel), an amount without unit
 */
#include "ogi_int.h"

#include <stdio.h>
#include <string.h>

#include "gen_int.h"
#include "ogi/agency.h"
#include "ogi/error.h"

typedef struct {
    long long sum;
    int blank;   /* a blank or placeholder counted as 0 */
    int numbers; /* cells holding a number */
    int missing; /* a cell absent (or not an integer) */
    char path[128];
} side_t;

static void
side_add(side_t *s, const ogi_report_t *r, ogi_table_id_t id, size_t row,
         size_t col)
{
    const ogi_cell_t *c = ogi_report_cell(r, id, row, col);
    if (c->state == OGI_CELL_NUM && c->scale == 0) {
        s->sum += c->value;
        s->numbers++;
    } else if (c->state == OGI_CELL_EMPTY || c->state == OGI_CELL_NA) {
        s->blank = 1;
    } else if (!s->missing++) {
        ogi_report_path(id, row, (long)col, s->path, sizeof(s->path));
    }
}

static int
add(ogi__gen_t *g, const char *rule, ogi_severity_t sev, const char *path,
    const char *why)
{
    return ogi_report_add_finding(g->truth, rule, sev, path, "%s", why);
}

/* One identity instance: lhs = rhs, finding at path. */
static int
judge(ogi__gen_t *g, const char *rule, const side_t *l, const side_t *r,
      const char *path)
{
    if (l->missing || r->missing)
        return add(g, rule, OGI_SEV_INFO, path,
                   "not assessable: a cell is "
                   "missing");
    if (l->sum != r->sum && r->numbers == 0)
        return add(g, rule, OGI_SEV_WARNING, path, "total left blank");
    if (l->sum != r->sum)
        return add(g, rule, OGI_SEV_ERROR, path, "sum differs");
    if (l->blank || r->blank)
        return add(g, rule, OGI_SEV_WARNING, path,
                   "holds only with blanks as 0");
    return 0;
}

static int
is_total_row(const char *key)
{
    return strcmp(key, "new_received") == 0 ||
           strcmp(key, "carried_over") == 0 ||
           strcmp(key, "result_total") == 0 ||
           strcmp(key, "carry_forward") == 0;
}

/* Sums the cells of an identity's side at row or column `at`; rows
 * outside the report's shape of （六） are not summed. */
static void
side_sum(side_t *s, const ogi_report_t *r, const ogi_skel_identity_t *id,
         size_t at, const size_t *keys, size_t n)
{
    memset(s, 0, sizeof(*s));
    for (size_t k = 0; k < n; k++) {
        if (id->along_rows)
            side_add(s, r, id->table, at, keys[k]);
        else if (ogi_report_row_in_shape(r, id->table, keys[k]))
            side_add(s, r, id->table, keys[k], at);
    }
}

/* One identity instance at row or column `at`, its finding at the first
 * cell of its right-hand side. */
static int
judge_at(ogi__gen_t *g, const ogi_skel_identity_t *id, size_t at)
{
    side_t l, rr;
    char path[160];
    side_sum(&l, g->truth, id, at, id->lhs_at, id->nlhs);
    side_sum(&rr, g->truth, id, at, id->rhs_at, id->nrhs);
    if (id->along_rows)
        ogi_report_path(id->table, at, (long)id->rhs_at[0], path,
                        sizeof(path));
    else
        ogi_report_path(id->table, id->rhs_at[0], (long)at, path,
                        sizeof(path));
    return judge(g, id->rule, &l, &rr, path);
}

/*
 * The identities of the skeleton (§5a): per column those that run down
 * the columns (O1 then D1 for each column of Table 3), then those that run
 * along rows (D2 on every Table 3 row of the shape, D3 on every block).
 */
static int
identities(ogi__gen_t *g)
{
    const ogi_report_t *r = g->truth;
    size_t n;
    const ogi_skel_identity_t *ids = ogi_skeleton_identities(&n);
    int rc;
    for (int t = 0; t < OGI_TABLE_COUNT; t++) {
        const ogi_skel_table_t *sk = ogi_skeleton_table((ogi_table_id_t)t);
        for (size_t c = 0; c < sk->ncols; c++)
            for (size_t i = 0; i < n; i++)
                if ((int)ids[i].table == t && !ids[i].along_rows &&
                    (rc = judge_at(g, &ids[i], c)))
                    return rc;
    }
    for (size_t i = 0; i < n; i++) {
        if (!ids[i].along_rows)
            continue;
        const ogi_skel_table_t *t = ogi_skeleton_table(ids[i].table);
        for (size_t row = 0; row < t->nrows; row++)
            if (ogi_report_row_in_shape(r, ids[i].table, row) &&
                (rc = judge_at(g, &ids[i], row)))
                return rc;
    }
    return 0;
}

/* V1 and V2 over every table of the format. */
static int
values_and_shape(ogi__gen_t *g)
{
    const ogi_report_t *r = g->truth;
    char path[160];
    int rc;
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_table_t *t = &r->tables[id];
        if (!t->present)
            continue;
        for (size_t row = 0; row < t->skel->nrows; row++) {
            if (!ogi_report_row_in_shape(r, (ogi_table_id_t)id, row))
                continue;
            if (!t->row_found[row]) {
                ogi_report_path((ogi_table_id_t)id, row, -1, path,
                                sizeof(path));
                if ((rc = add(g, "V2", OGI_SEV_ERROR, path, "row left out")))
                    return rc;
            }
            for (size_t c = 0; c < t->skel->ncols; c++) {
                const ogi_cell_t *x =
                    ogi_report_cell(r, (ogi_table_id_t)id, row, c);
                ogi_vtype_t ty = t->skel->cols[c].type;
                int amount = ty == OGI_VT_AMOUNT || ty == OGI_VT_AMOUNT_WAN;
                if (x->state != OGI_CELL_NUM ||
                    !((x->value < 0 && ty != OGI_VT_SIGNED) ||
                      (x->scale > 0 && !amount)))
                    continue;
                ogi_report_path((ogi_table_id_t)id, row, (long)c, path,
                                sizeof(path));
                if ((rc = add(g, "V1", OGI_SEV_ERROR, path, "negative count")))
                    return rc;
            }
        }
    }
    return 0;
}

/* The cell when it holds a number, else NULL. */
static const ogi_cell_t *
num(ogi__gen_t *g, ogi_table_id_t id, const char *row, const char *col)
{
    long ri = ogi_skeleton_row_index(id, row);
    long ci = ogi_skeleton_col_index(id, col);
    const ogi_cell_t *c = ogi_report_cell(g->truth, id, (size_t)ri, (size_t)ci);
    return c && c->state == OGI_CELL_NUM ? c : NULL;
}

/* The value of a cell known to hold a number. */
static int64_t
nv(ogi__gen_t *g, ogi_table_id_t id, const char *row, const char *col)
{
    const ogi_cell_t *c = num(g, id, row, col);
    return c ? c->value : 0;
}

/* Whether both cells hold numbers; if not, the info finding at the first
 * that does not. */
static int
assessable(ogi__gen_t *g, const char *rule, ogi_table_id_t id, const char *row,
           const char *a, const char *b, int *rc)
{
    const char *cols[] = {a, b};
    *rc = 0;
    for (int i = 0; i < 2; i++) {
        if (num(g, id, row, cols[i]))
            continue;
        char path[160];
        snprintf(path, sizeof(path), "%s.%s.%s", ogi_skeleton_table(id)->path,
                 row, cols[i]);
        *rc = add(g, rule, OGI_SEV_INFO, path, "not assessable: blank");
        return 0;
    }
    return 1;
}

static int
warn(ogi__gen_t *g, const char *rule, ogi_table_id_t id, const char *row,
     const char *col)
{
    char path[160];
    snprintf(path, sizeof(path), "%s.%s.%s", ogi_skeleton_table(id)->path, row,
             col);
    return add(g, rule, OGI_SEV_WARNING, path, "common-sense rule fails");
}

static int
common_2019(ogi__gen_t *g)
{
    static const struct {
        ogi_table_id_t id;
        const char *row;
    } stock[] = {{OGI_T2_19_5, "license"},
                 {OGI_T2_19_5, "other_services"},
                 {OGI_T2_19_6, "penalty"},
                 {OGI_T2_19_6, "coercion"},
                 {OGI_T2_19_8, "admin_fees"}};
    int rc;
    for (size_t i = 0; i < OGI_ARRAY_LEN(stock); i++) {
        if (!assessable(g, "C1", stock[i].id, stock[i].row, "prev_items",
                        "delta_items", &rc)) {
            if (rc)
                return rc;
            continue;
        }
        if (nv(g, stock[i].id, stock[i].row, "prev_items") +
                    nv(g, stock[i].id, stock[i].row, "delta_items") <
                0 &&
            (rc = warn(g, "C1", stock[i].id, stock[i].row, "delta_items")))
            return rc;
    }
    static const char *const docs[] = {"rules", "normative_docs"};
    for (size_t i = 0; i < 2; i++) {
        if (!assessable(g, "C2", OGI_T2_19_1, docs[i], "new_published",
                        "total_published", &rc)) {
            if (rc)
                return rc;
            continue;
        }
        if (nv(g, OGI_T2_19_1, docs[i], "new_published") >
                nv(g, OGI_T2_19_1, docs[i], "total_published") &&
            (rc = warn(g, "C2", OGI_T2_19_1, docs[i], "new_published")))
            return rc;
    }
    if (!assessable(g, "C4", OGI_T2_19_9, "central_procurement", "projects",
                    "amount", &rc))
        return rc;
    if ((nv(g, OGI_T2_19_9, "central_procurement", "projects") == 0) !=
        (nv(g, OGI_T2_19_9, "central_procurement", "amount") == 0))
        return warn(g, "C4", OGI_T2_19_9, "central_procurement", "amount");
    return 0;
}

static int
common_2021(ogi__gen_t *g)
{
    static const char *const docs[] = {"rules", "normative_docs"};
    int rc;
    for (size_t i = 0; i < 2; i++) {
        if (!assessable(g, "C3", OGI_T2_21_1, docs[i], "issued", "in_force",
                        &rc) ||
            !assessable(g, "C3", OGI_T2_21_1, docs[i], "repealed", "in_force",
                        &rc)) {
            if (rc)
                return rc;
            continue;
        }
        if (nv(g, OGI_T2_21_1, docs[i], "issued") >
                nv(g, OGI_T2_21_1, docs[i], "in_force") +
                    nv(g, OGI_T2_21_1, docs[i], "repealed") &&
            (rc = warn(g, "C3", OGI_T2_21_1, docs[i], "issued")))
            return rc;
    }
    /* C5: more than 1e6 万元, or 元's two decimals at 1e5 and above */
    const ogi_cell_t *a = num(g, OGI_T2_21_8, "admin_fees", "amount_wan");
    if (a) {
        int64_t p = 1;
        for (int i = 0; i < a->scale; i++)
            p *= 10;
        if (a->value > 1000000 * p || (a->scale == 2 && a->value >= 100000 * p))
            return warn(g, "C5", OGI_T2_21_8, "admin_fees", "amount_wan");
    }
    return 0;
}

/* C6 and C7 on Tables 3 and 4. */
static int
apply_common(ogi__gen_t *g)
{
    const ogi_report_t *r = g->truth;
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    long nr = ogi_skeleton_row_index(OGI_T3, "new_received");
    long co = ogi_skeleton_row_index(OGI_T3, "carried_over");
    int rc;
    for (size_t c = 0; c < sk->ncols; c++) {
        const ogi_cell_t *a = ogi_report_cell(r, OGI_T3, (size_t)nr, c);
        const ogi_cell_t *b = ogi_report_cell(r, OGI_T3, (size_t)co, c);
        if (a->state != OGI_CELL_NUM || b->state != OGI_CELL_NUM)
            continue;
        int64_t cap = a->value + b->value;
        for (size_t row = 0; row < sk->nrows; row++) {
            if (!ogi_report_row_in_shape(r, OGI_T3, row) ||
                is_total_row(sk->rows[row].key))
                continue;
            const ogi_cell_t *x = ogi_report_cell(r, OGI_T3, row, c);
            if (x->state != OGI_CELL_NUM || x->value <= cap)
                continue;
            char path[160];
            ogi_report_path(OGI_T3, row, (long)c, path, sizeof(path));
            if ((rc = add(g, "C6", OGI_SEV_WARNING, path, "exceeds 一 + 二")))
                return rc;
        }
    }
    size_t blank = 0, blank4 = 0;
    const ogi_table_id_t ids[] = {OGI_T3, OGI_T4};
    for (size_t i = 0; i < 2; i++) {
        const ogi_skel_table_t *s = ogi_skeleton_table(ids[i]);
        for (size_t row = 0; row < s->nrows; row++) {
            if (!ogi_report_row_in_shape(r, ids[i], row))
                continue;
            for (size_t c = 0; c < s->ncols; c++) {
                const ogi_cell_t *x = ogi_report_cell(r, ids[i], row, c);
                int b = x->state == OGI_CELL_EMPTY || x->state == OGI_CELL_NA;
                blank += b;
                blank4 += b && ids[i] == OGI_T4;
            }
        }
    }
    if (blank >= 5)
        return add(g, "C7", OGI_SEV_WARNING,
                   blank4 * 2 > blank ? "appeal" : "apply", "many blank cells");
    return 0;
}

/* P2 and P4: what the parser says about how it read the tables. */
static int
parser_findings(ogi__gen_t *g)
{
    int rc;
    char path[160];
    if (g->nolabel_row >= 0) {
        ogi_report_path(OGI_T3, (size_t)g->nolabel_row, -1, path, sizeof(path));
        if ((rc = add(g, "P2", OGI_SEV_WARNING, path,
                      "row without its label, placed by order")))
            return rc;
    }
    if (g->format == OGI_FORMAT_2019) {
        const ogi_cell_t *a =
            num(g, OGI_T2_19_9, "central_procurement", "amount");
        if (a && !a->unit &&
            g->truth->tables[OGI_T2_19_9].unit == OGI_UNIT_NONE &&
            (rc = add(g, "P4", OGI_SEV_WARNING,
                      "active.a20_9.central_procurement.amount",
                      "amount without a unit")))
            return rc;
    }
    return 0;
}

static int
document(ogi__gen_t *g)
{
    const ogi_report_t *r = g->truth;
    int rc;
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        if (r->sections[k].present)
            continue;
        char path[64];
        snprintf(path, sizeof(path), "sections.%s",
                 ogi_skeleton_section((ogi_section_id_t)k)->key);
        if ((rc = add(g, "S1", OGI_SEV_WARNING, path, "section left out")))
            return rc;
    }
    if (g->pub_y) {
        /* due 1月31日 (departments) or 3月31日 (governments) of Y+1 */
        int due_m = g->kind == OGI__AG_DEPT ? 1 : 3;
        if ((g->pub_y > g->year + 1 ||
             (g->pub_y == g->year + 1 && g->pub_m > due_m)) &&
            (rc = add(g, "S2", OGI_SEV_WARNING, "meta.published_on",
                      "published late")))
            return rc;
    }
    const ogi_section_t *o = &r->sections[OGI_SEC_OTHER];
    if (g->format == OGI_FORMAT_2021 &&
        !(o->present && o->text && strstr(o->text, "信息处理费")) &&
        (rc = add(g, "S4", OGI_SEV_INFO, "sections.other",
                  "no word on 信息处理费")))
        return rc;
    for (size_t i = 0; i < g->nfacts; i++) {
        const ogi__fact_t *f = &g->facts[i];
        if (f->wrong && (rc = add(g, f->rule, OGI_SEV_WARNING, f->path,
                                  "narrative figure contradicts its table")))
            return rc;
    }
    /* M1: the places are made up (real provinces, invented cities and
     * counties), so most agencies resolve to nothing */
    ogi_meta_t *m = &g->truth->meta;
    ogi_agency_t ag;
    if (!m->agency)
        return 0;
    if (ogi_agency_resolve(m->agency, m->province, &ag) != OGI_AGENCY_RESOLVED)
        return add(g, "M1", OGI_SEV_INFO, "meta.agency", "an invented place");
    m->agency_key = ogi_arena_strdup(g->truth->arena, ag.key);
    m->division_code = ogi_arena_strdup(g->truth->arena, ag.code);
    m->division_level =
        ogi_arena_strdup(g->truth->arena, ogi_agency_level_name(ag.level));
    return m->agency_key && m->division_code && m->division_level ? 0
                                                                  : OGI_ENOMEM;
}

int
ogi__gen_expect(ogi__gen_t *g)
{
    int rc = parser_findings(g);
    if (!rc)
        rc = identities(g);
    if (!rc)
        rc = values_and_shape(g);
    if (!rc)
        rc = g->format == OGI_FORMAT_2019 ? common_2019(g) : common_2021(g);
    if (!rc)
        rc = apply_common(g);
    if (!rc)
        rc = document(g);
    return rc;
}
