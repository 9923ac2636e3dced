/*
 * test_cross_year.c - the cross-year rules X1-X4 of lib/check/cross_year.c
 * (report-format.md §5d) on pairs of reports built by hand.
 *
 * year_report() makes an empty report of one year and format with Tables 3
 * and 4 and that format's Table 2 items, every cell missing; each case sets
 * only the cells its rule reads, so a rule with nothing to read says
 * nothing. Each rule gets a pair where it holds (no finding), a pair where it
 * fails (the finding's rule, severity and path, and the numbers and years
 * its message quotes), and pairs it must skip: blank, placeholder, text or
 * missing cells, years that are not consecutive, and (X2, X3) reports of
 * different formats. The numbers are chosen here: 10 + 3 = 13 and so on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "ogi/alloc.h"
#include "ogi/arena.h"
#include "ogi/cross_year.h"
#include "ogi/error.h"
#include "ogi/report.h"
#include "ogi/rules.h"
#include "ogi/skeleton.h"

/* ---- building reports ---- */

static ogi_arena_t *arena;

static int
setup(void **state)
{
    (void)state;
    arena = ogi_arena_new(0);
    return arena ? 0 : -1;
}

static int
teardown(void **state)
{
    (void)state;
    ogi_arena_destroy(&arena);
    return 0;
}

/* An empty report on year in format fm: Tables 3, 4 and fm's Table 2
 * items present, every cell missing. */
static ogi_report_t *
year_report(int year, ogi_format_t fm)
{
    ogi_report_t *r = ogi_report_new(arena);
    assert_non_null(r);
    r->meta.year = year;
    r->meta.format = fm;
    r->apply_other_rows = fm == OGI_FORMAT_2019 ? 1 : 3;
    assert_int_equal(ogi_report_table_init(r, OGI_T3), 0);
    assert_int_equal(ogi_report_table_init(r, OGI_T4), 0);
    size_t n;
    const ogi_table_id_t *ids = ogi_skeleton_active(fm, &n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(ogi_report_table_init(r, ids[i]), 0);
    return r;
}

static ogi_cell_t *
cell(ogi_report_t *r, ogi_table_id_t id, const char *row, const char *col)
{
    long ri = ogi_skeleton_row_index(id, row);
    long ci = ogi_skeleton_col_index(id, col);
    if (ri < 0 || ci < 0)
        print_error("no cell %s.%s in %s\n", row, col,
                    ogi_skeleton_table(id)->path);
    assert_true(ri >= 0 && ci >= 0);
    ogi_cell_t *c = ogi_report_cell(r, id, (size_t)ri, (size_t)ci);
    assert_non_null(c);
    return c;
}

static void
set(ogi_report_t *r, ogi_table_id_t id, const char *row, const char *col,
    long long value)
{
    ogi_cell_t *c = cell(r, id, row, col);
    c->state = OGI_CELL_NUM;
    c->value = value;
    c->scale = 0;
}

static void
set_state(ogi_report_t *r, ogi_table_id_t id, const char *row, const char *col,
          ogi_cell_state_t state)
{
    ogi_cell_t *c = cell(r, id, row, col);
    c->state = (uint8_t)state;
    c->value = 0;
}

/* Sets the 7 columns of a Table 3 row, in skeleton order. */
static void
set_apply_row(ogi_report_t *r, const char *row, const long long v[7])
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    assert_int_equal(sk->ncols, 7);
    for (size_t c = 0; c < sk->ncols; c++)
        set(r, OGI_T3, row, sk->cols[c].key, v[c]);
}

#define ROW(...) ((const long long[]){__VA_ARGS__})

/* ---- reading findings ---- */

static size_t
count_rule(const ogi_report_t *r, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nfindings; i++)
        n += strcmp(r->findings[i].rule, rule) == 0;
    return n;
}

/* The finding of rule at path, failing the test when there is none. */
static const ogi_finding_t *
finding(const ogi_report_t *r, const char *rule, const char *path)
{
    for (size_t i = 0; i < r->nfindings; i++)
        if (strcmp(r->findings[i].rule, rule) == 0 &&
            strcmp(r->findings[i].path, path) == 0)
            return &r->findings[i];
    for (size_t i = 0; i < r->nfindings; i++)
        print_error("  have %s %s: %s\n", r->findings[i].rule,
                    r->findings[i].path, r->findings[i].message);
    print_error("no %s finding at %s\n", rule, path);
    fail();
    return NULL;
}

/* Asserts that msg contains each of the NULL-terminated words. */
static void
says(const ogi_finding_t *f, ...)
{
    va_list ap;
    va_start(ap, f);
    for (const char *w = va_arg(ap, const char *); w;
         w = va_arg(ap, const char *)) {
        if (!strstr(f->message, w))
            print_error("message \"%s\" lacks \"%s\"\n", f->message, w);
        assert_non_null(strstr(f->message, w));
    }
    va_end(ap);
}

/* Runs the check on (e, l) into l, expecting success. */
static void
check(const ogi_report_t *e, ogi_report_t *l)
{
    assert_int_equal(ogi_cross_year_check(e, l, l), 0);
}

/* ---- the catalogue ---- */

static void
test_catalogue(void **state)
{
    (void)state;
    static const struct {
        const char *id;
        ogi_severity_t sev;
    } want[] = {{"X1", OGI_SEV_WARNING},
                {"X2", OGI_SEV_WARNING},
                {"X3", OGI_SEV_WARNING},
                {"X4", OGI_SEV_INFO}};
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        const ogi_rule_t *ru = ogi_rules_find(want[i].id);
        assert_non_null(ru);
        assert_int_equal(ru->severity, want[i].sev);
        assert_string_equal(ru->scope, "years");
    }
}

/* ---- X1 ---- */

static void
test_x1_holds(void **state)
{
    (void)state;
    ogi_report_t *e = year_report(2019, OGI_FORMAT_2019);
    ogi_report_t *l = year_report(2020, OGI_FORMAT_2019);
    set_apply_row(e, "carry_forward", ROW(4, 1, 0, 2, 0, 0, 7));
    set_apply_row(l, "carried_over", ROW(4, 1, 0, 2, 0, 0, 7));
    /* this year's carry_forward and last year's carried_over play no part */
    set_apply_row(e, "carried_over", ROW(9, 9, 9, 9, 9, 9, 54));
    set_apply_row(l, "carry_forward", ROW(1, 0, 0, 0, 0, 0, 1));
    check(e, l);
    assert_int_equal(l->nfindings, 0);
}

static void
test_x1_breaks(void **state)
{
    (void)state;
    /* across the two formats: Table 3's rows 二 and 四 are the same */
    ogi_report_t *e = year_report(2020, OGI_FORMAT_2019);
    ogi_report_t *l = year_report(2021, OGI_FORMAT_2021);
    set_apply_row(e, "carry_forward", ROW(4, 1, 0, 2, 0, 0, 7));
    set_apply_row(l, "carried_over", ROW(5, 1, 0, 2, 0, 0, 8));
    l->status = OGI_STATUS_OK;
    check(e, l);
    assert_int_equal(l->nfindings, 2);
    const ogi_finding_t *f =
        finding(l, "X1", "apply.carried_over.natural_person");
    assert_int_equal(f->severity, OGI_SEV_WARNING);
    says(f, "5 in 2021", "4 in 2020", "自然人", NULL);
    f = finding(l, "X1", "apply.carried_over.total");
    assert_int_equal(f->severity, OGI_SEV_WARNING);
    says(f, "8 in 2021", "7 in 2020", "总计", NULL);
    /* lower case, no trailing period */
    size_t n = strlen(f->message);
    assert_true(n > 0 && f->message[n - 1] != '.');
    /* a warning leaves the status alone */
    assert_int_equal(l->status, OGI_STATUS_OK);
}

static void
test_x1_not_numbers(void **state)
{
    (void)state;
    ogi_report_t *e = year_report(2019, OGI_FORMAT_2019);
    ogi_report_t *l = year_report(2020, OGI_FORMAT_2019);
    /* natural_person: blank last year; commercial: a placeholder this year;
     * research: text; public_interest: missing this year; total: a
     * decimal. Each would differ if read as 0 or as its value. */
    set_apply_row(e, "carry_forward", ROW(4, 1, 3, 2, 6, 0, 7));
    set_apply_row(l, "carried_over", ROW(0, 0, 0, 0, 6, 0, 70));
    set_state(e, OGI_T3, "carry_forward", "natural_person", OGI_CELL_EMPTY);
    set(l, OGI_T3, "carried_over", "natural_person", 4);
    set_state(l, OGI_T3, "carried_over", "commercial", OGI_CELL_NA);
    set_state(l, OGI_T3, "carried_over", "research", OGI_CELL_TEXT);
    set_state(l, OGI_T3, "carried_over", "public_interest", OGI_CELL_MISSING);
    cell(l, OGI_T3, "carried_over", "total")->scale = 1; /* 7.0 */
    check(e, l);
    assert_int_equal(l->nfindings, 0);

    /* Table 3 absent from last year's report */
    ogi_report_t *e2 = ogi_report_new(arena);
    assert_non_null(e2);
    e2->meta.year = 2019;
    e2->meta.format = OGI_FORMAT_2019;
    ogi_report_t *l2 = year_report(2020, OGI_FORMAT_2019);
    set_apply_row(l2, "carried_over", ROW(1, 1, 1, 1, 1, 1, 6));
    check(e2, l2);
    assert_int_equal(l2->nfindings, 0);
}

static void
test_not_consecutive(void **state)
{
    (void)state;
    static const struct {
        int ye, yl;
    } pairs[] = {{2019, 2021}, {2020, 2019}, {2020, 2020},
                 {0, 2020},    {2019, 0},    {0, 1}};
    for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
        ogi_report_t *e = year_report(pairs[i].ye, OGI_FORMAT_2019);
        ogi_report_t *l = year_report(pairs[i].yl, OGI_FORMAT_2019);
        /* every rule would fire on consecutive years */
        set_apply_row(e, "carry_forward", ROW(1, 0, 0, 0, 0, 0, 1));
        set_apply_row(l, "carried_over", ROW(2, 0, 0, 0, 0, 0, 2));
        set(e, OGI_T2_19_5, "license", "prev_items", 10);
        set(e, OGI_T2_19_5, "license", "delta_items", 3);
        set(l, OGI_T2_19_5, "license", "prev_items", 20);
        set(e, OGI_T3, "new_received", "total", 10);
        set(l, OGI_T3, "new_received", "total", 100);
        check(e, l);
        assert_int_equal(l->nfindings, 0);
    }
    /* the same pair one year apart gives X1, X2 and X4: the pair above is
     * one that fires */
    ogi_report_t *e = year_report(2019, OGI_FORMAT_2019);
    ogi_report_t *l = year_report(2020, OGI_FORMAT_2019);
    set_apply_row(e, "carry_forward", ROW(1, 0, 0, 0, 0, 0, 1));
    set_apply_row(l, "carried_over", ROW(2, 0, 0, 0, 0, 0, 2));
    set(e, OGI_T2_19_5, "license", "prev_items", 10);
    set(e, OGI_T2_19_5, "license", "delta_items", 3);
    set(l, OGI_T2_19_5, "license", "prev_items", 20);
    set(e, OGI_T3, "new_received", "total", 10);
    set(l, OGI_T3, "new_received", "total", 100);
    check(e, l);
    assert_int_equal(count_rule(l, "X1"), 2);
    assert_int_equal(count_rule(l, "X2"), 1);
    assert_int_equal(count_rule(l, "X4"), 1);

    /* a rejected report is never compared */
    l->nfindings = 0;
    e->status = OGI_STATUS_REJECTED;
    check(e, l);
    assert_int_equal(l->nfindings, 0);
}

/* ---- X2 ---- */

static void
test_x2(void **state)
{
    (void)state;
    ogi_report_t *e = year_report(2019, OGI_FORMAT_2019);
    ogi_report_t *l = year_report(2020, OGI_FORMAT_2019);
    /* license: 10 + 3 = 13, holds */
    set(e, OGI_T2_19_5, "license", "prev_items", 10);
    set(e, OGI_T2_19_5, "license", "delta_items", 3);
    set(l, OGI_T2_19_5, "license", "prev_items", 13);
    /* other_services: 5 + (-2) = 3, but 4 */
    set(e, OGI_T2_19_5, "other_services", "prev_items", 5);
    set(e, OGI_T2_19_5, "other_services", "delta_items", -2);
    set(l, OGI_T2_19_5, "other_services", "prev_items", 4);
    /* penalty: 30 + 0 = 30, but 31 */
    set(e, OGI_T2_19_6, "penalty", "prev_items", 30);
    set(e, OGI_T2_19_6, "penalty", "delta_items", 0);
    set(l, OGI_T2_19_6, "penalty", "prev_items", 31);
    /* coercion: last year's change blank, not assessed */
    set(e, OGI_T2_19_6, "coercion", "prev_items", 8);
    set_state(e, OGI_T2_19_6, "coercion", "delta_items", OGI_CELL_EMPTY);
    set(l, OGI_T2_19_6, "coercion", "prev_items", 2);
    /* admin_fees: 7 - 7 = 0, holds; this year's delta plays no part */
    set(e, OGI_T2_19_8, "admin_fees", "prev_items", 7);
    set(e, OGI_T2_19_8, "admin_fees", "delta_items", -7);
    set(l, OGI_T2_19_8, "admin_fees", "prev_items", 0);
    set(l, OGI_T2_19_8, "admin_fees", "delta_items", 5);
    check(e, l);
    assert_int_equal(l->nfindings, 2);
    const ogi_finding_t *f =
        finding(l, "X2", "active.a20_5.other_services.prev_items");
    assert_int_equal(f->severity, OGI_SEV_WARNING);
    says(f, "4 in 2020", "differs from 3", "5", "-2", "2019", NULL);
    f = finding(l, "X2", "active.a20_6.penalty.prev_items");
    assert_int_equal(f->severity, OGI_SEV_WARNING);
    says(f, "31 in 2020", "differs from 30", "2019", NULL);
}

static void
test_x2_formats(void **state)
{
    (void)state;
    /* 2020 in the 2019 format, 2021 in the 2021 format: the 2021 format has
     * no 上一年项目数量, and the 2019 cells of an inconsistent report (its
     * format says 2021) are not read as 2019 ones */
    ogi_report_t *e = year_report(2020, OGI_FORMAT_2019);
    ogi_report_t *l = year_report(2021, OGI_FORMAT_2021);
    assert_int_equal(ogi_report_table_init(l, OGI_T2_19_5), 0);
    set(e, OGI_T2_19_5, "license", "prev_items", 10);
    set(e, OGI_T2_19_5, "license", "delta_items", 3);
    set(l, OGI_T2_19_5, "license", "prev_items", 99);
    check(e, l);
    assert_int_equal(count_rule(l, "X2"), 0);
    assert_int_equal(l->nfindings, 0);

    /* the same cells with the later report in the 2019 format: X2 fires */
    l->meta.format = OGI_FORMAT_2019;
    check(e, l);
    assert_int_equal(count_rule(l, "X2"), 1);
    finding(l, "X2", "active.a20_5.license.prev_items");
}

/* ---- X3 ---- */

static void
test_x3(void **state)
{
    (void)state;
    ogi_report_t *e = year_report(2021, OGI_FORMAT_2021);
    ogi_report_t *l = year_report(2022, OGI_FORMAT_2021);
    /* rules: 35 + 6 - 2 = 39, holds; last year's issued/repealed play no
     * part */
    set(e, OGI_T2_21_1, "rules", "in_force", 35);
    set(e, OGI_T2_21_1, "rules", "issued", 50);
    set(e, OGI_T2_21_1, "rules", "repealed", 1);
    set(l, OGI_T2_21_1, "rules", "issued", 6);
    set(l, OGI_T2_21_1, "rules", "repealed", 2);
    set(l, OGI_T2_21_1, "rules", "in_force", 39);
    /* normative_docs: 120 + 10 - 4 = 126, but 130 */
    set(e, OGI_T2_21_1, "normative_docs", "in_force", 120);
    set(l, OGI_T2_21_1, "normative_docs", "issued", 10);
    set(l, OGI_T2_21_1, "normative_docs", "repealed", 4);
    set(l, OGI_T2_21_1, "normative_docs", "in_force", 130);
    check(e, l);
    assert_int_equal(l->nfindings, 1);
    const ogi_finding_t *f =
        finding(l, "X3", "active.a20_1.normative_docs.in_force");
    assert_int_equal(f->severity, OGI_SEV_WARNING);
    says(f, "130 in 2022", "differs from 126", "120 of 2021", "10", "4", NULL);

    /* this year's repealed missing: not assessed */
    ogi_report_t *l2 = year_report(2022, OGI_FORMAT_2021);
    set(l2, OGI_T2_21_1, "normative_docs", "issued", 10);
    set(l2, OGI_T2_21_1, "normative_docs", "in_force", 130);
    set_state(l2, OGI_T2_21_1, "normative_docs", "repealed", OGI_CELL_NA);
    check(e, l2);
    assert_int_equal(l2->nfindings, 0);
}

static void
test_x3_formats(void **state)
{
    (void)state;
    /* 2020 in the 2019 format: 对外公开总数量 is no 现行有效件数 (X6) */
    ogi_report_t *e = year_report(2020, OGI_FORMAT_2019);
    ogi_report_t *l = year_report(2021, OGI_FORMAT_2021);
    set(e, OGI_T2_19_1, "rules", "total_published", 100);
    set(e, OGI_T2_19_1, "rules", "new_made", 3);
    set(e, OGI_T2_19_1, "rules", "new_published", 3);
    set(l, OGI_T2_21_1, "rules", "issued", 6);
    set(l, OGI_T2_21_1, "rules", "repealed", 2);
    set(l, OGI_T2_21_1, "rules", "in_force", 39);
    check(e, l);
    assert_int_equal(l->nfindings, 0);
    /* nor is a 2021 table read from a report whose format says 2019 */
    assert_int_equal(ogi_report_table_init(e, OGI_T2_21_1), 0);
    set(e, OGI_T2_21_1, "rules", "in_force", 100);
    check(e, l);
    assert_int_equal(l->nfindings, 0);
}

/* ---- X4 ---- */

static void
test_x4(void **state)
{
    (void)state;
    ogi_report_t *e = year_report(2019, OGI_FORMAT_2019);
    ogi_report_t *l = year_report(2020, OGI_FORMAT_2019);
    /* received: 10 to 60, six times */
    set(e, OGI_T3, "new_received", "total", 10);
    set(l, OGI_T3, "new_received", "total", 60);
    /* answered: 10 to 50, exactly five times: no finding */
    set(e, OGI_T3, "result_total", "total", 10);
    set(l, OGI_T3, "result_total", "total", 50);
    /* reviews: 20 to 3, 0.15 */
    set(e, OGI_T4, "review", "total", 20);
    set(l, OGI_T4, "review", "total", 3);
    /* suits: 2 + 3 = 5 to 1 + 0 = 1, exactly a fifth: no finding */
    set(e, OGI_T4, "suit_direct", "total", 2);
    set(e, OGI_T4, "suit_after_review", "total", 3);
    set(l, OGI_T4, "suit_direct", "total", 1);
    set(l, OGI_T4, "suit_after_review", "total", 0);
    /* licenses: 0 to 100, denominator 0: no finding */
    set(e, OGI_T2_19_5, "license", "decisions", 0);
    set(l, OGI_T2_19_5, "license", "decisions", 100);
    /* penalties: 40 to 9, above a fifth: no finding */
    set(e, OGI_T2_19_6, "penalty", "decisions", 40);
    set(l, OGI_T2_19_6, "penalty", "decisions", 9);
    /* coercion: 4 to 0 */
    set(e, OGI_T2_19_6, "coercion", "decisions", 4);
    set(l, OGI_T2_19_6, "coercion", "decisions", 0);
    /* carried forward is no key total: 1 to 50, no finding */
    set(e, OGI_T3, "carry_forward", "total", 1);
    set(l, OGI_T3, "carry_forward", "total", 50);
    check(e, l);
    assert_int_equal(count_rule(l, "X4"), 3);
    const ogi_finding_t *f = finding(l, "X4", "apply.new_received.total");
    assert_int_equal(f->severity, OGI_SEV_INFO);
    says(f, "rose from 10 in 2019 to 60 in 2020", "6.00", NULL);
    f = finding(l, "X4", "appeal.review.total");
    assert_int_equal(f->severity, OGI_SEV_INFO);
    says(f, "fell from 20 in 2019 to 3 in 2020", "0.15", NULL);
    f = finding(l, "X4", "active.a20_6.coercion.decisions");
    assert_int_equal(f->severity, OGI_SEV_INFO);
    says(f, "fell from 4 in 2019 to 0 in 2020", NULL);
}

static void
test_x4_zero_and_blank(void **state)
{
    (void)state;
    ogi_report_t *e = year_report(2019, OGI_FORMAT_2019);
    ogi_report_t *l = year_report(2020, OGI_FORMAT_2019);
    /* 0 to 0 and 0 to 7: denominator 0 */
    set(e, OGI_T3, "new_received", "total", 0);
    set(l, OGI_T3, "new_received", "total", 0);
    set(e, OGI_T4, "review", "total", 0);
    set(l, OGI_T4, "review", "total", 7);
    /* 30 to blank: not 0 */
    set(e, OGI_T3, "result_total", "total", 30);
    set_state(l, OGI_T3, "result_total", "total", OGI_CELL_EMPTY);
    /* suits: one of the two cells blank this year */
    set(e, OGI_T4, "suit_direct", "total", 2);
    set(e, OGI_T4, "suit_after_review", "total", 3);
    set(l, OGI_T4, "suit_direct", "total", 40);
    set_state(l, OGI_T4, "suit_after_review", "total", OGI_CELL_NA);
    check(e, l);
    assert_int_equal(l->nfindings, 0);
}

static void
test_x4_across_formats(void **state)
{
    (void)state;
    /* 2020 (2019 format) to 2021 (2021 format): decisions are comparable
     * (X6), from the tables of each report's own format */
    ogi_report_t *e = year_report(2020, OGI_FORMAT_2019);
    ogi_report_t *l = year_report(2021, OGI_FORMAT_2021);
    set(e, OGI_T2_19_6, "penalty", "decisions", 100);
    set(l, OGI_T2_21_6, "penalty", "decisions", 700);
    set(e, OGI_T2_19_5, "license", "decisions", 50);
    set(l, OGI_T2_21_5, "license", "decisions", 60);
    /* suits: 1 + 1 = 2 to 8 + 3 = 11 */
    set(e, OGI_T4, "suit_direct", "total", 1);
    set(e, OGI_T4, "suit_after_review", "total", 1);
    set(l, OGI_T4, "suit_direct", "total", 8);
    set(l, OGI_T4, "suit_after_review", "total", 3);
    check(e, l);
    assert_int_equal(l->nfindings, 2);
    const ogi_finding_t *f = finding(l, "X4", "active.a20_6.penalty.decisions");
    assert_int_equal(f->severity, OGI_SEV_INFO);
    says(f, "rose from 100 in 2020 to 700 in 2021", "7.00", NULL);
    f = finding(l, "X4", "appeal.suit_direct.total");
    says(f, "行政诉讼", "rose from 2 in 2020 to 11 in 2021", "5.50", NULL);
}

/* ---- where the findings go, and running out of memory ---- */

static void
test_out_report(void **state)
{
    (void)state;
    ogi_report_t *e = year_report(2019, OGI_FORMAT_2019);
    ogi_report_t *l = year_report(2020, OGI_FORMAT_2019);
    ogi_report_t *out = ogi_report_new(arena);
    assert_non_null(out);
    set(e, OGI_T3, "carry_forward", "total", 7);
    set(l, OGI_T3, "carried_over", "total", 9);
    assert_int_equal(ogi_cross_year_check(e, l, out), 0);
    assert_int_equal(l->nfindings, 0);
    assert_int_equal(e->nfindings, 0);
    assert_int_equal(out->nfindings, 1);
    finding(out, "X1", "apply.carried_over.total");
}

static void
test_enomem(void **state)
{
    (void)state;
    ogi_report_t *e = year_report(2019, OGI_FORMAT_2019);
    ogi_report_t *l = year_report(2020, OGI_FORMAT_2019);
    set_apply_row(e, "carry_forward", ROW(1, 2, 3, 4, 5, 6, 21));
    set_apply_row(l, "carried_over", ROW(2, 3, 4, 5, 6, 7, 27));
    int ok = 0, failed = 0;
    for (long n = 0; n < 200 && !ok; n++) {
        /* a fresh arena of small blocks, so that findings need new ones */
        ogi_arena_t *a = ogi_arena_new(64);
        assert_non_null(a);
        ogi_report_t *out = ogi_report_new(a);
        assert_non_null(out);
        ogi_alloc_fail_after(n);
        int rc = ogi_cross_year_check(e, l, out);
        ogi_alloc_fail_after(-1);
        if (rc == 0) {
            assert_int_equal(out->nfindings, 7);
            ok = 1;
        } else {
            assert_int_equal(rc, OGI_ENOMEM);
            assert_true(out->nfindings < 7);
            failed++;
        }
        ogi_arena_destroy(&a);
    }
    assert_true(ok);
    assert_true(failed > 0); /* the error path was taken */
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_catalogue),
        cmocka_unit_test_setup_teardown(test_x1_holds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_x1_breaks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_x1_not_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_consecutive, setup, teardown),
        cmocka_unit_test_setup_teardown(test_x2, setup, teardown),
        cmocka_unit_test_setup_teardown(test_x2_formats, setup, teardown),
        cmocka_unit_test_setup_teardown(test_x3, setup, teardown),
        cmocka_unit_test_setup_teardown(test_x3_formats, setup, teardown),
        cmocka_unit_test_setup_teardown(test_x4, setup, teardown),
        cmocka_unit_test_setup_teardown(test_x4_zero_and_blank, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_x4_across_formats, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_out_report, setup, teardown),
        cmocka_unit_test_setup_teardown(test_enomem, setup, teardown),
    };
    return cmocka_run_group_tests_name("cross_year", tests, NULL, NULL);
}
