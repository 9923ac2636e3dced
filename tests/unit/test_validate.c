/*
 * test_validate.c - the table and document rules of lib/check/validate.c
 * (README "Rules") on reports built by hand, and seed 2 end to end.
 *
 * make_report() builds a report of either format whose tables add up and
 * hold non-trivial numbers (distinct enough that a message quoting the
 * wrong sum is caught), with all six sections present: it validates with
 * no finding at all. Each case then changes one thing and checks what
 * that does: the finding's rule, severity and path, and the numbers its
 * message quotes; or, where the rule holds, that the rule says nothing.
 * validate() also checks on every case that the status is has_errors
 * exactly when some finding is an error.
 *
 * Narrative rules (N1-N6, C8) are tested elsewhere; the section texts
 * here hold no numbers, so they give those rules nothing to read.
 *
 * Run from the repository root: seed 2 is read from tests/data/reports/.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/arena.h"
#include "ogi/parse.h"
#include "ogi/report.h"
#include "ogi/skeleton.h"
#include "ogi/validate.h"

#define SEED2 "tests/data/reports/002_e734572c7f6275fe.txt"

/* ---- building a report ---- */

/* The cell (row key, col key) of table id; fails the test if the keys or
 * the table do not exist. */
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

/* Sets a cell to the number value * 10^-scale. */
static void
set_dec(ogi_report_t *r, ogi_table_id_t id, const char *row, const char *col,
        long long value, unsigned scale)
{
    ogi_cell_t *c = cell(r, id, row, col);
    c->state = OGI_CELL_NUM;
    c->value = value;
    c->scale = (uint8_t)scale;
}

/* Sets a cell to an integer. */
static void
set(ogi_report_t *r, ogi_table_id_t id, const char *row, const char *col,
    long long value)
{
    set_dec(r, id, row, col, value, 0);
}

/* Makes a cell blank, a placeholder, text or missing (no value). */
static void
set_state(ogi_report_t *r, ogi_table_id_t id, const char *row, const char *col,
          ogi_cell_state_t state)
{
    ogi_cell_t *c = cell(r, id, row, col);
    c->state = (uint8_t)state;
    c->value = 0;
    c->scale = 0;
}

/* Sets every column of a row, in skeleton order. */
static void
set_row(ogi_report_t *r, ogi_table_id_t id, const char *row,
        const long long *values)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    for (size_t c = 0; c < sk->ncols; c++)
        set(r, id, row, sk->cols[c].key, values[c]);
}

#define ROW(...) ((const long long[]){__VA_ARGS__})

/* Marks a row as found or not. */
static void
row_found(ogi_report_t *r, ogi_table_id_t id, const char *row, int found)
{
    long ri = ogi_skeleton_row_index(id, row);
    assert_true(ri >= 0);
    r->tables[id].row_found[ri] = (uint8_t)found;
}

static void
set_text(ogi_report_t *r, ogi_section_id_t k, const char *text)
{
    r->sections[k].text = ogi_arena_strdup(r->arena, text);
    assert_non_null(r->sections[k].text);
}

static const char *const section_text[OGI_SEC_COUNT] = {
    "本机关依法做好政府信息公开工作。",
    "主动公开政府信息情况见下表。",
    "依申请公开情况见下表。",
    "行政复议和行政诉讼情况见下表。",
    "公开内容还不够全面，下一步将加强业务培训。",
    "本机关未收取信息处理费。",
};

/*
 * A report of format f that validates with no finding:
 *
 * Table 3 (columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构,
 * 其他, 总计); rows not listed are all 0.
 *
 *   new_received        10 2 1 1 1 1 | 16
 *   carried_over         2 0 0 0 0 0 |  2      一 + 二 = 12 2 1 1 1 1 | 18
 *   granted              5 1 0 0 0 0 |  6
 *   partial              1 0 0 0 0 0 |  1
 *   denied.third_party   1 0 0 0 0 0 |  1
 *   unable.not_held      1 0 1 0 0 0 |  2
 *   rejected.repeat      1 0 0 1 0 0 |  2
 *   other.all/other.misc 1 0 0 0 1 0 |  2      (both shapes of （六）)
 *   result_total        10 1 1 1 1 0 | 14
 *   carry_forward        2 1 0 0 0 1 |  4      三 + 四 = 12 2 1 1 1 1 | 18
 *
 * Table 4: review 1 2 0 1 | 4, suit_direct 0 1 1 0 | 2,
 * suit_after_review 1 0 0 0 | 1.
 *
 * Table 2, 2019: (一) rules 1 1 5, normative_docs 3 3 20; (五) license
 * 10 +2 100, other_services 5 -1 50; (六) penalty 3 0 30, coercion 1 0 2;
 * (八) admin_fees 2 0; (九) 4 projects, 1234.50.
 * Table 2, 2021: (一) rules 1 0 5, normative_docs 3 1 20; (五) license
 * 100; (六) penalty 30, coercion 2; (八) 12.5 万元.
 *
 * 2019: a report on 2020 published 2021-01-25; 2021: on 2022, published
 * 2023-01-20; both by a department.
 */
static ogi_report_t *
make_report(ogi_arena_t *arena, ogi_format_t f)
{
    ogi_report_t *r = ogi_report_new(arena);
    assert_non_null(r);
    int y = f == OGI_FORMAT_2019 ? 2020 : 2022;
    r->meta.format = f;
    r->meta.year = r->meta.title_year = r->meta.period_year = y;
    r->meta.admin_level = OGI_LEVEL_DEPARTMENT;
    r->meta.published_on = ogi_arena_strdup(
        arena, f == OGI_FORMAT_2019 ? "2021-01-25" : "2023-01-20");
    assert_non_null(r->meta.published_on);

    size_t n;
    const ogi_table_id_t *active = ogi_skeleton_active(f, &n);
    ogi_table_id_t ids[8];
    assert_true(n + 2 <= 8);
    for (size_t i = 0; i < n; i++)
        ids[i] = active[i];
    ids[n++] = OGI_T3;
    ids[n++] = OGI_T4;
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(ogi_report_table_init(r, ids[i]), 0);
        ogi_table_t *t = &r->tables[ids[i]];
        for (size_t row = 0; row < t->skel->nrows; row++) {
            t->row_found[row] = 1;
            for (size_t c = 0; c < t->skel->ncols; c++) {
                ogi_cell_t *cl = ogi_report_cell(r, ids[i], row, c);
                cl->state = OGI_CELL_NUM;
                cl->value = 0;
            }
        }
    }
    r->apply_other_rows = f == OGI_FORMAT_2019 ? 1 : 3;

    set_row(r, OGI_T3, "new_received", ROW(10, 2, 1, 1, 1, 1, 16));
    set_row(r, OGI_T3, "carried_over", ROW(2, 0, 0, 0, 0, 0, 2));
    set_row(r, OGI_T3, "granted", ROW(5, 1, 0, 0, 0, 0, 6));
    set_row(r, OGI_T3, "partial", ROW(1, 0, 0, 0, 0, 0, 1));
    set_row(r, OGI_T3, "denied.third_party", ROW(1, 0, 0, 0, 0, 0, 1));
    set_row(r, OGI_T3, "unable.not_held", ROW(1, 0, 1, 0, 0, 0, 2));
    set_row(r, OGI_T3, "rejected.repeat", ROW(1, 0, 0, 1, 0, 0, 2));
    set_row(r, OGI_T3, "other.all", ROW(1, 0, 0, 0, 1, 0, 2));
    set_row(r, OGI_T3, "other.misc", ROW(1, 0, 0, 0, 1, 0, 2));
    set_row(r, OGI_T3, "result_total", ROW(10, 1, 1, 1, 1, 0, 14));
    set_row(r, OGI_T3, "carry_forward", ROW(2, 1, 0, 0, 0, 1, 4));

    set_row(r, OGI_T4, "review", ROW(1, 2, 0, 1, 4));
    set_row(r, OGI_T4, "suit_direct", ROW(0, 1, 1, 0, 2));
    set_row(r, OGI_T4, "suit_after_review", ROW(1, 0, 0, 0, 1));

    if (f == OGI_FORMAT_2019) {
        set_row(r, OGI_T2_19_1, "rules", ROW(1, 1, 5));
        set_row(r, OGI_T2_19_1, "normative_docs", ROW(3, 3, 20));
        set_row(r, OGI_T2_19_5, "license", ROW(10, 2, 100));
        set_row(r, OGI_T2_19_5, "other_services", ROW(5, -1, 50));
        set_row(r, OGI_T2_19_6, "penalty", ROW(3, 0, 30));
        set_row(r, OGI_T2_19_6, "coercion", ROW(1, 0, 2));
        set_row(r, OGI_T2_19_8, "admin_fees", ROW(2, 0));
        set(r, OGI_T2_19_9, "central_procurement", "projects", 4);
        set_dec(r, OGI_T2_19_9, "central_procurement", "amount", 123450, 2);
    } else {
        set_row(r, OGI_T2_21_1, "rules", ROW(1, 0, 5));
        set_row(r, OGI_T2_21_1, "normative_docs", ROW(3, 1, 20));
        set(r, OGI_T2_21_5, "license", "decisions", 100);
        set(r, OGI_T2_21_6, "penalty", "decisions", 30);
        set(r, OGI_T2_21_6, "coercion", "decisions", 2);
        set_dec(r, OGI_T2_21_8, "admin_fees", "amount_wan", 125, 1);
    }

    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        ogi_section_t *s = &r->sections[k];
        s->present = 1;
        s->title = ogi_arena_strdup(
            arena, ogi_skeleton_section((ogi_section_id_t)k)->title);
        assert_non_null(s->title);
        set_text(r, (ogi_section_id_t)k, section_text[k]);
    }
    return r;
}

/* ---- reading the findings ---- */

static void
dump(const ogi_report_t *r)
{
    print_error("%zu findings:\n", r->nfindings);
    for (size_t i = 0; i < r->nfindings; i++)
        print_error("  %s %s %s: %s\n", r->findings[i].rule,
                    ogi_severity_name(r->findings[i].severity),
                    r->findings[i].path, r->findings[i].message);
}

/*
 * Validates r and checks the status: has_errors exactly when a finding is
 * an error (rejected reports stay rejected).
 */
static void
validate(ogi_report_t *r)
{
    ogi_status_t before = r->status;
    assert_int_equal(ogi_validate_report(r), 0);
    int errors = 0;
    for (size_t i = 0; i < r->nfindings; i++)
        errors |= r->findings[i].severity == OGI_SEV_ERROR;
    if (before == OGI_STATUS_REJECTED)
        assert_int_equal(r->status, OGI_STATUS_REJECTED);
    else
        assert_int_equal(r->status,
                         errors ? OGI_STATUS_HAS_ERRORS : OGI_STATUS_OK);
}

/* The first finding of rule at path (any path when NULL), or NULL. */
static const ogi_finding_t *
find(const ogi_report_t *r, const char *rule, const char *path)
{
    for (size_t i = 0; i < r->nfindings; i++)
        if (strcmp(r->findings[i].rule, rule) == 0 &&
            (!path || strcmp(r->findings[i].path, path) == 0))
            return &r->findings[i];
    return NULL;
}

/* Findings of rule (any rule when NULL) with severity sev (any when < 0). */
static size_t
count(const ogi_report_t *r, const char *rule, int sev)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nfindings; i++)
        n += (!rule || strcmp(r->findings[i].rule, rule) == 0) &&
             (sev < 0 || (int)r->findings[i].severity == sev);
    return n;
}

#define ANY (-1)

/*
 * Where tok stands alone in msg at or after from: returns the end of the
 * match, or NULL. A number must not be part of a bigger number ("1" is
 * not found in "12", "-1" or "1.5"); other text is a plain substring.
 */
static const char *
find_token(const char *msg, const char *from, const char *tok)
{
    size_t n = strlen(tok);
    if (n == 0)
        return from;
    for (const char *p = strstr(from, tok); p; p = strstr(p + 1, tok)) {
        unsigned char before = p == msg ? ' ' : (unsigned char)p[-1];
        unsigned char after = (unsigned char)p[n];
        if (isdigit((unsigned char)tok[0]) &&
            (isdigit(before) || before == '.' || before == '-'))
            continue;
        if (isdigit((unsigned char)tok[n - 1]) &&
            (isdigit(after) ||
             (after == '.' && isdigit((unsigned char)p[n + 1]))))
            continue;
        return p + n;
    }
    return NULL;
}

/*
 * Asserts a finding of rule at path with severity sev whose message holds
 * the tokens of the NULL-terminated list that follows, in that order (so
 * that "total 92 differs from 91" is told from "total 91 differs from
 * 92"); returns it.
 */
static const ogi_finding_t *
expect(const ogi_report_t *r, const char *rule, ogi_severity_t sev,
       const char *path, ...)
{
    const ogi_finding_t *f = find(r, rule, path);
    if (!f) {
        print_error("expected a %s finding at \"%s\"\n", rule, path);
        dump(r);
        fail();
        return NULL;
    }
    if (f->severity != sev) {
        print_error("%s at %s: severity %s, expected %s\n", rule, path,
                    ogi_severity_name(f->severity), ogi_severity_name(sev));
        dump(r);
    }
    assert_int_equal(f->severity, sev);
    int ok = 1;
    const char *at = f->message;
    va_list ap;
    va_start(ap, path);
    for (const char *t = va_arg(ap, const char *); t;
         t = va_arg(ap, const char *)) {
        const char *next = ok ? find_token(f->message, at, t) : NULL;
        if (ok && !next)
            print_error("%s at %s: message \"%s\" lacks \"%s\" (in order)\n",
                        rule, path, f->message, t);
        ok = next != NULL;
        at = next;
    }
    va_end(ap);
    assert_true(ok);
    return f;
}

/* Asserts that rule gave no finding at all. */
static void
expect_none(const ogi_report_t *r, const char *rule)
{
    if (count(r, rule, ANY) != 0) {
        print_error("expected no %s finding\n", rule);
        dump(r);
    }
    assert_int_equal(count(r, rule, ANY), 0);
}

/* Asserts that the report has no finding at all. */
static void
expect_clean(const ogi_report_t *r)
{
    if (r->nfindings)
        dump(r);
    assert_int_equal(r->nfindings, 0);
    assert_int_equal(r->status, OGI_STATUS_OK);
}

/* ---- fixture: one arena per test ---- */

static int
setup(void **state)
{
    ogi_arena_t *a = ogi_arena_new(0);
    *state = a;
    return a ? 0 : -1;
}

static int
teardown(void **state)
{
    ogi_arena_t *a = *state;
    ogi_arena_destroy(&a);
    return 0;
}

static ogi_report_t *
report19(void **state)
{
    return make_report(*state, OGI_FORMAT_2019);
}

static ogi_report_t *
report21(void **state)
{
    return make_report(*state, OGI_FORMAT_2021);
}

/* ---- the clean reports ---- */

static void
clean_2019_has_no_findings(void **state)
{
    ogi_report_t *r = report19(state);
    validate(r);
    expect_clean(r);
}

static void
clean_2021_has_no_findings(void **state)
{
    ogi_report_t *r = report21(state);
    validate(r);
    expect_clean(r);
}

/* ---- O1: 一 + 二 = 三 + 四, per column ---- */

static void
o1_holds_when_both_sides_move(void **state)
{
    /* one more application received and carried forward: 19 = 19 */
    ogi_report_t *r = report19(state);
    set(r, OGI_T3, "new_received", "natural_person", 11);
    set(r, OGI_T3, "new_received", "total", 17);
    set(r, OGI_T3, "carry_forward", "natural_person", 3);
    set(r, OGI_T3, "carry_forward", "total", 5);
    validate(r);
    expect_none(r, "O1");
    expect_clean(r);
}

static void
o1_fails_when_carry_forward_is_off(void **state)
{
    /* carry_forward one too many (its own row still adds up) */
    ogi_report_t *r = report19(state);
    set(r, OGI_T3, "carry_forward", "natural_person", 3);
    set(r, OGI_T3, "carry_forward", "total", 5);
    validate(r);
    expect(r, "O1", OGI_SEV_ERROR, "apply.result_total.natural_person", "13",
           "12", NULL);
    expect(r, "O1", OGI_SEV_ERROR, "apply.result_total.total", "19", "18",
           NULL);
    assert_int_equal(count(r, "O1", ANY), 2);
    expect_none(r, "D1");
    expect_none(r, "D2");
    assert_int_equal(r->status, OGI_STATUS_HAS_ERRORS);
}

static void
o1_fails_in_2021(void **state)
{
    /* one application fewer received by a 科研机构: 一 + 二 = 0 but
     * 三 + 四 = 1 */
    ogi_report_t *r = report21(state);
    set(r, OGI_T3, "new_received", "research", 0);
    set(r, OGI_T3, "new_received", "total", 15);
    validate(r);
    expect(r, "O1", OGI_SEV_ERROR, "apply.result_total.research", "1", "0",
           NULL);
    expect(r, "O1", OGI_SEV_ERROR, "apply.result_total.total", "18", "17",
           NULL);
    expect_none(r, "D2");
}

/* ---- D1: （七）总计 = Σ result rows, per column ---- */

static void
d1_holds_with_2021_other_sub_rows(void **state)
{
    /* an application moves from 3.其他 to 2.逾期未缴费: still 10 */
    ogi_report_t *r = report21(state);
    set_row(r, OGI_T3, "other.misc", ROW(0, 0, 0, 0, 1, 0, 1));
    set_row(r, OGI_T3, "other.fee_unpaid", ROW(1, 0, 0, 0, 0, 0, 1));
    validate(r);
    expect_none(r, "D1");
    expect_clean(r);
}

static void
d1_ignores_rows_outside_the_shape(void **state)
{
    /* a 2019 report: the 2021 sub-rows of （六） are not part of it */
    ogi_report_t *r = report19(state);
    set_row(r, OGI_T3, "other.no_correction", ROW(7, 0, 0, 0, 0, 0, 7));
    validate(r);
    expect_none(r, "D1");
    expect_clean(r);
}

static void
d1_fails_when_a_result_row_is_off(void **state)
{
    /* 予以公开 one more (its row adds up): 10 vs 11, 14 vs 15 */
    ogi_report_t *r = report19(state);
    set(r, OGI_T3, "granted", "natural_person", 6);
    set(r, OGI_T3, "granted", "total", 7);
    validate(r);
    expect(r, "D1", OGI_SEV_ERROR, "apply.result_total.natural_person", "10",
           "11", NULL);
    expect(r, "D1", OGI_SEV_ERROR, "apply.result_total.total", "14", "15",
           NULL);
    assert_int_equal(count(r, "D1", ANY), 2);
    expect_none(r, "D2");
    expect_none(r, "O1");
}

static void
d1_fails_on_a_2021_other_sub_row(void **state)
{
    /* 1.逾期不补正 gets an application that （七）总计 lacks */
    ogi_report_t *r = report21(state);
    set_row(r, OGI_T3, "other.no_correction", ROW(0, 0, 0, 0, 0, 3, 3));
    validate(r);
    expect(r, "D1", OGI_SEV_ERROR, "apply.result_total.other_org", "0", "3",
           NULL);
    expect(r, "D1", OGI_SEV_ERROR, "apply.result_total.total", "14", "17",
           NULL);
    expect_none(r, "D2");
}

static void
d1_blank_cell_gives_warning(void **state)
{
    /* 属于国家秘密 (all 0) with a blank 商业企业 cell: the column still
     * adds up to 1, but only if blank counts as 0 */
    ogi_report_t *r = report19(state);
    set_state(r, OGI_T3, "denied.state_secret", "commercial", OGI_CELL_EMPTY);
    validate(r);
    expect(r, "D1", OGI_SEV_WARNING, "apply.result_total.commercial", "blank",
           "1", "1", NULL);
    assert_int_equal(count(r, "D1", ANY), 1);
    assert_int_equal(count(r, NULL, OGI_SEV_ERROR), 0);
    assert_int_equal(r->status, OGI_STATUS_OK);
}

static void
d1_blank_cell_does_not_hide_an_error(void **state)
{
    /* 予以公开's 5 natural persons left blank: read as 0 the sums differ,
     * so this stays an error, and says blanks were read as 0 */
    ogi_report_t *r = report19(state);
    set_state(r, OGI_T3, "granted", "natural_person", OGI_CELL_EMPTY);
    validate(r);
    expect(r, "D1", OGI_SEV_ERROR, "apply.result_total.natural_person", "10",
           "5", "blank", NULL);
    expect(r, "D2", OGI_SEV_ERROR, "apply.granted.total", "6", "1", "blank",
           NULL);
}

/* ---- D2: the six applicant columns add up to 总计, per row ---- */

static void
d2_holds_when_a_row_moves_between_columns(void **state)
{
    /* 予以公开: one natural person becomes a 商业企业; still 6 */
    ogi_report_t *r = report19(state);
    set(r, OGI_T3, "granted", "natural_person", 4);
    set(r, OGI_T3, "granted", "commercial", 2);
    validate(r);
    expect_none(r, "D2");
}

static void
d2_fails_on_a_row_total(void **state)
{
    ogi_report_t *r = report19(state);
    set(r, OGI_T3, "granted", "total", 7);
    validate(r);
    const ogi_finding_t *f =
        expect(r, "D2", OGI_SEV_ERROR, "apply.granted.total", "7", "6", NULL);
    assert_false(f && strstr(f->message, "blank"));
    assert_int_equal(count(r, "D2", ANY), 1);
    assert_int_equal(r->status, OGI_STATUS_HAS_ERRORS);
}

/* Bumps the 总计 of every row in the shape of format f, one report per
 * row, and expects exactly one D2 error at that row. */
static void
d2_on_every_row(void **state, ogi_format_t f, size_t want_rows)
{
    ogi_arena_t *a = *state;
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    long tc = ogi_skeleton_col_index(OGI_T3, "total");
    size_t rows = 0;
    for (size_t row = 0; row < sk->nrows; row++) {
        ogi_arena_reset(a);
        ogi_report_t *r = make_report(a, f);
        if (!ogi_report_row_in_shape(r, OGI_T3, row))
            continue;
        rows++;
        ogi_cell_t *c = ogi_report_cell(r, OGI_T3, row, (size_t)tc);
        long long old = c->value;
        c->value = old + 3;
        validate(r);
        char path[128], want[32], got[32];
        snprintf(path, sizeof(path), "apply.%s.total", sk->rows[row].key);
        snprintf(want, sizeof(want), "%lld", old + 3);
        snprintf(got, sizeof(got), "%lld", old);
        expect(r, "D2", OGI_SEV_ERROR, path, want, got, NULL);
        assert_int_equal(count(r, "D2", ANY), 1);
    }
    assert_int_equal(rows, want_rows);
}

static void
d2_runs_on_every_row_2019(void **state)
{
    d2_on_every_row(state, OGI_FORMAT_2019, 23);
}

static void
d2_runs_on_every_row_2021(void **state)
{
    d2_on_every_row(state, OGI_FORMAT_2021, 25);
}

static void
d2_ignores_rows_outside_the_shape(void **state)
{
    /* 2021: the 2019 （六） row is not part of the table */
    ogi_report_t *r = report21(state);
    set(r, OGI_T3, "other.all", "total", 9);
    validate(r);
    expect_none(r, "D2");
    expect_clean(r);
}

static void
d2_blank_cell_gives_warning(void **state)
{
    /* 予以公开's 科研机构 (0) left blank: 6 = 6 only if blank is 0 */
    ogi_report_t *r = report19(state);
    set_state(r, OGI_T3, "granted", "research", OGI_CELL_EMPTY);
    validate(r);
    expect(r, "D2", OGI_SEV_WARNING, "apply.granted.total", "blank", "6", "6",
           NULL);
    assert_int_equal(count(r, "D2", ANY), 1);
    assert_int_equal(count(r, NULL, OGI_SEV_ERROR), 0);
    assert_int_equal(r->status, OGI_STATUS_OK);
}

static void
d2_placeholder_cell_gives_warning(void **state)
{
    /* "—" in 属于国家秘密's 总计: 0 = 0 only if the dash is 0 */
    ogi_report_t *r = report21(state);
    set_state(r, OGI_T3, "denied.state_secret", "total", OGI_CELL_NA);
    validate(r);
    expect(r, "D2", OGI_SEV_WARNING, "apply.denied.state_secret.total", "0",
           NULL);
    assert_int_equal(count(r, "D2", OGI_SEV_ERROR), 0);
}

static void
d2_missing_cell_is_not_assessable(void **state)
{
    ogi_report_t *r = report19(state);
    set_state(r, OGI_T3, "granted", "research", OGI_CELL_MISSING);
    validate(r);
    expect(r, "D2", OGI_SEV_INFO, "apply.granted.total",
           "could not be assessed", "apply.granted.research", NULL);
    assert_int_equal(count(r, "D2", ANY), 1);
    assert_int_equal(r->status, OGI_STATUS_OK);
}

static void
d2_missing_total_is_not_assessable(void **state)
{
    ogi_report_t *r = report21(state);
    set_state(r, OGI_T3, "partial", "total", OGI_CELL_MISSING);
    validate(r);
    expect(r, "D2", OGI_SEV_INFO, "apply.partial.total",
           "could not be assessed", NULL);
    assert_int_equal(count(r, "D2", OGI_SEV_ERROR), 0);
}

static void
d2_text_cell_is_not_assessable(void **state)
{
    ogi_report_t *r = report19(state);
    set_state(r, OGI_T3, "unable.not_held", "natural_person", OGI_CELL_TEXT);
    validate(r);
    expect(r, "D2", OGI_SEV_INFO, "apply.unable.not_held.total",
           "could not be assessed", "apply.unable.not_held.natural_person",
           NULL);
}

/* ---- D3: Table 4, 维持 + 纠正 + 其他 + 尚未审结 = 总计 ---- */

static void
d3_holds_when_a_result_moves(void **state)
{
    ogi_report_t *r = report19(state);
    set_row(r, OGI_T4, "review", ROW(0, 2, 1, 1, 4));
    validate(r);
    expect_none(r, "D3");
    expect_clean(r);
}

static void
d3_fails_on_review(void **state)
{
    ogi_report_t *r = report19(state);
    set(r, OGI_T4, "review", "total", 5);
    validate(r);
    expect(r, "D3", OGI_SEV_ERROR, "appeal.review.total", "5", "4", NULL);
    assert_int_equal(count(r, "D3", ANY), 1);
}

static void
d3_fails_on_suit_after_review(void **state)
{
    ogi_report_t *r = report21(state);
    set(r, OGI_T4, "suit_after_review", "pending", 1);
    validate(r);
    expect(r, "D3", OGI_SEV_ERROR, "appeal.suit_after_review.total", "1", "2",
           NULL);
    assert_int_equal(count(r, "D3", ANY), 1);
}

/* ---- V1: values ---- */

static void
v1_holds_on_signed_delta_and_decimal_amounts(void **state)
{
    /* the clean 2019 report has 本年增/减 -1 and an amount 1234.50 */
    ogi_report_t *r = report19(state);
    set(r, OGI_T2_19_8, "admin_fees", "delta_items", -2);
    validate(r);
    expect_none(r, "V1");
    r = report21(state);
    set_dec(r, OGI_T2_21_8, "admin_fees", "amount_wan", 3, 2);
    validate(r);
    expect_none(r, "V1");
}

static void
v1_fails_on_a_negative_count(void **state)
{
    ogi_report_t *r = report19(state);
    set(r, OGI_T3, "granted", "commercial", -1);
    set(r, OGI_T3, "granted", "total", 4);
    validate(r);
    expect(r, "V1", OGI_SEV_ERROR, "apply.granted.commercial", "-1", NULL);
    assert_int_equal(count(r, "V1", ANY), 1);
}

static void
v1_fails_on_a_decimal_count(void **state)
{
    ogi_report_t *r = report21(state);
    set_dec(r, OGI_T4, "review", "upheld", 15, 1);
    validate(r);
    expect(r, "V1", OGI_SEV_ERROR, "appeal.review.upheld", "1.5", NULL);
    assert_int_equal(count(r, "V1", ANY), 1);
    /* 本年增/减 is signed, but still a whole number */
    r = report19(state);
    set_dec(r, OGI_T2_19_5, "license", "delta_items", -25, 1);
    validate(r);
    expect(r, "V1", OGI_SEV_ERROR, "active.a20_5.license.delta_items", "-2.5",
           NULL);
    assert_int_equal(count(r, "V1", ANY), 1);
}

static void
v1_fails_on_a_negative_table2_count(void **state)
{
    ogi_report_t *r = report19(state);
    set(r, OGI_T2_19_6, "penalty", "decisions", -30);
    validate(r);
    expect(r, "V1", OGI_SEV_ERROR, "active.a20_6.penalty.decisions", "-30",
           NULL);
    r = report21(state);
    set(r, OGI_T2_21_1, "normative_docs", "in_force", -20);
    validate(r);
    expect(r, "V1", OGI_SEV_ERROR, "active.a20_1.normative_docs.in_force",
           "-20", NULL);
}

static void
v1_fails_on_a_negative_amount(void **state)
{
    ogi_report_t *r = report21(state);
    set_dec(r, OGI_T2_21_8, "admin_fees", "amount_wan", -125, 1);
    validate(r);
    expect(r, "V1", OGI_SEV_ERROR, "active.a20_8.admin_fees.amount_wan",
           "-12.5", NULL);
    r = report19(state);
    set_dec(r, OGI_T2_19_9, "central_procurement", "amount", -123450, 2);
    validate(r);
    expect(r, "V1", OGI_SEV_ERROR, "active.a20_9.central_procurement.amount",
           "-1234.50", NULL);
}

/* ---- V2: the shape of the tables ---- */

static void
v2_holds_without_rows_outside_the_shape(void **state)
{
    /* rows of the other format's （六） and group headers need not be
     * found */
    ogi_report_t *r = report19(state);
    ogi_table_t *t = &r->tables[OGI_T3];
    for (size_t row = 0; row < t->skel->nrows; row++)
        if (t->skel->rows[row].flags & (OGI_ROW_GROUP | OGI_ROW_OTHER3))
            t->row_found[row] = 0;
    validate(r);
    expect_none(r, "V2");
    expect_clean(r);
    r = report21(state);
    row_found(r, OGI_T3, "other.all", 0);
    validate(r);
    expect_none(r, "V2");
    expect_clean(r);
}

static void
v2_fails_on_a_missing_row(void **state)
{
    ogi_report_t *r = report19(state);
    row_found(r, OGI_T3, "granted", 0);
    validate(r);
    expect(r, "V2", OGI_SEV_ERROR, "apply.granted", "予以公开", NULL);
    assert_int_equal(count(r, "V2", ANY), 1);
    r = report21(state);
    row_found(r, OGI_T3, "other.fee_unpaid", 0);
    validate(r);
    expect(r, "V2", OGI_SEV_ERROR, "apply.other.fee_unpaid", "缴纳费用", NULL);
}

static void
v2_fails_on_a_missing_table2_row(void **state)
{
    ogi_report_t *r = report19(state);
    row_found(r, OGI_T2_19_5, "other_services", 0);
    validate(r);
    expect(r, "V2", OGI_SEV_ERROR, "active.a20_5.other_services",
           "其他对外管理服务事项", NULL);
    assert_int_equal(count(r, "V2", ANY), 1);
}

static void
v2_fails_on_2019_other_in_2021(void **state)
{
    ogi_report_t *r = report21(state);
    r->apply_other_rows = 1;
    validate(r);
    expect(r, "V2", OGI_SEV_ERROR, "apply.other", "其他处理", NULL);
    assert_int_equal(count(r, "V2", ANY), 1);
}

static void
v2_fails_on_2021_other_in_2019(void **state)
{
    ogi_report_t *r = report19(state);
    r->apply_other_rows = 3;
    validate(r);
    expect(r, "V2", OGI_SEV_ERROR, "apply.other", "其他处理", NULL);
    assert_int_equal(count(r, "V2", ANY), 1);
}

/* ---- C1: 2019, 上一年项目数量 + 本年增/减 >= 0 ---- */

static void
c1_holds_at_zero(void **state)
{
    ogi_report_t *r = report19(state);
    set(r, OGI_T2_19_5, "other_services", "delta_items", -5);
    set(r, OGI_T2_19_8, "admin_fees", "delta_items", -2);
    validate(r);
    expect_none(r, "C1");
    expect_clean(r);
}

static void
c1_fails_on_license(void **state)
{
    ogi_report_t *r = report19(state);
    set(r, OGI_T2_19_5, "license", "delta_items", -12);
    validate(r);
    expect(r, "C1", OGI_SEV_WARNING, "active.a20_5.license.delta_items", "10",
           "-12", NULL);
    assert_int_equal(count(r, "C1", ANY), 1);
    assert_int_equal(r->status, OGI_STATUS_OK);
}

static void
c1_fails_on_admin_fees(void **state)
{
    ogi_report_t *r = report19(state);
    set(r, OGI_T2_19_8, "admin_fees", "delta_items", -3);
    validate(r);
    expect(r, "C1", OGI_SEV_WARNING, "active.a20_8.admin_fees.delta_items", "2",
           "-3", NULL);
    assert_int_equal(count(r, "C1", ANY), 1);
}

static void
c1_blank_delta_is_not_assessable(void **state)
{
    ogi_report_t *r = report19(state);
    set_state(r, OGI_T2_19_6, "coercion", "delta_items", OGI_CELL_EMPTY);
    validate(r);
    expect(r, "C1", OGI_SEV_INFO, "active.a20_6.coercion.delta_items",
           "could not be assessed", NULL);
    assert_int_equal(count(r, "C1", ANY), 1);
}

/* ---- C2: 2019 (一), 本年新公开数量 <= 对外公开总数量 ---- */

static void
c2_holds_at_equality(void **state)
{
    /* new_published above new_made is allowed */
    ogi_report_t *r = report19(state);
    set_row(r, OGI_T2_19_1, "rules", ROW(1, 5, 5));
    validate(r);
    expect_none(r, "C2");
    expect_clean(r);
}

static void
c2_fails(void **state)
{
    ogi_report_t *r = report19(state);
    set(r, OGI_T2_19_1, "rules", "new_published", 6);
    validate(r);
    expect(r, "C2", OGI_SEV_WARNING, "active.a20_1.rules.new_published", "6",
           "5", NULL);
    assert_int_equal(count(r, "C2", ANY), 1);
}

/* ---- C3: 2021 (一), 本年制发件数 <= 现行有效件数 + 本年废止件数 ---- */

static void
c3_holds_at_equality(void **state)
{
    ogi_report_t *r = report21(state);
    set(r, OGI_T2_21_1, "normative_docs", "issued", 21);
    validate(r);
    expect_none(r, "C3");
    expect_clean(r);
}

static void
c3_fails(void **state)
{
    ogi_report_t *r = report21(state);
    set(r, OGI_T2_21_1, "normative_docs", "issued", 30);
    validate(r);
    expect(r, "C3", OGI_SEV_WARNING, "active.a20_1.normative_docs.issued", "30",
           "21", NULL);
    assert_int_equal(count(r, "C3", ANY), 1);
}

/* ---- C4: 2019 (九), 采购项目数量 = 0 <=> 采购总金额 = 0 ---- */

static void
c4_holds_when_both_are_zero(void **state)
{
    ogi_report_t *r = report19(state);
    set(r, OGI_T2_19_9, "central_procurement", "projects", 0);
    set_dec(r, OGI_T2_19_9, "central_procurement", "amount", 0, 2);
    validate(r);
    expect_none(r, "C4");
    expect_clean(r);
}

static void
c4_fails_on_projects_without_amount(void **state)
{
    ogi_report_t *r = report19(state);
    set(r, OGI_T2_19_9, "central_procurement", "amount", 0);
    validate(r);
    expect(r, "C4", OGI_SEV_WARNING, "active.a20_9.central_procurement.amount",
           "4", "0", NULL);
    assert_int_equal(count(r, "C4", ANY), 1);
}

static void
c4_fails_on_amount_without_projects(void **state)
{
    ogi_report_t *r = report19(state);
    set(r, OGI_T2_19_9, "central_procurement", "projects", 0);
    validate(r);
    expect(r, "C4", OGI_SEV_WARNING, "active.a20_9.central_procurement.amount",
           "0", "1234.50", NULL);
    assert_int_equal(count(r, "C4", ANY), 1);
}

static void
c4_missing_cell_is_not_assessable(void **state)
{
    ogi_report_t *r = report19(state);
    set_state(r, OGI_T2_19_9, "central_procurement", "projects",
              OGI_CELL_MISSING);
    validate(r);
    expect(r, "C4", OGI_SEV_INFO, "active.a20_9.central_procurement.projects",
           "could not be assessed", NULL);
    assert_int_equal(count(r, "C4", ANY), 1);
    assert_int_equal(r->status, OGI_STATUS_OK);
}

static void
c4_blank_amount_is_not_assessable(void **state)
{
    ogi_report_t *r = report19(state);
    set_state(r, OGI_T2_19_9, "central_procurement", "amount", OGI_CELL_EMPTY);
    validate(r);
    expect(r, "C4", OGI_SEV_INFO, "active.a20_9.central_procurement.amount",
           "could not be assessed", NULL);
    assert_int_equal(count(r, "C4", ANY), 1);
}

/* ---- C5: 2021 (八), 万元 amounts typed in 元 ---- */

static void
c5_holds_on_plausible_amounts(void **state)
{
    static const struct {
        long long v;
        unsigned scale;
    } ok[] = {{125, 1}, {9999999, 2}, {1000000, 0}, {9999995, 1}, {0, 0}};
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        ogi_arena_reset(*state);
        ogi_report_t *r = report21(state);
        set_dec(r, OGI_T2_21_8, "admin_fees", "amount_wan", ok[i].v,
                ok[i].scale);
        validate(r);
        expect_none(r, "C5");
    }
}

static void
c5_fails_on_the_yuan_pattern(void **state)
{
    /* 9184322.81 (seed 3's procurement in 元) as 万元 */
    ogi_report_t *r = report21(state);
    set_dec(r, OGI_T2_21_8, "admin_fees", "amount_wan", 918432281, 2);
    validate(r);
    expect(r, "C5", OGI_SEV_WARNING, "active.a20_8.admin_fees.amount_wan",
           "9184322.81", NULL);
    assert_int_equal(count(r, "C5", ANY), 1);
    /* two decimals at 元 magnitude, below ¥100亿 */
    r = report21(state);
    set_dec(r, OGI_T2_21_8, "admin_fees", "amount_wan", 12345678, 2);
    validate(r);
    expect(r, "C5", OGI_SEV_WARNING, "active.a20_8.admin_fees.amount_wan",
           "123456.78", NULL);
}

static void
c5_fails_above_ten_billion_yuan(void **state)
{
    ogi_report_t *r = report21(state);
    set(r, OGI_T2_21_8, "admin_fees", "amount_wan", 2000000);
    validate(r);
    expect(r, "C5", OGI_SEV_WARNING, "active.a20_8.admin_fees.amount_wan",
           "2000000", NULL);
    assert_int_equal(count(r, "C5", ANY), 1);
}

/* ---- C6: no Table 3 cell above 一 + 二 of its column ---- */

static void
c6_holds_at_the_cap(void **state)
{
    /* 予以公开 12 natural persons, as many as received and carried over */
    ogi_report_t *r = report19(state);
    set(r, OGI_T3, "granted", "natural_person", 12);
    validate(r);
    expect_none(r, "C6");
}

static void
c6_fails(void **state)
{
    ogi_report_t *r = report19(state);
    set(r, OGI_T3, "granted", "natural_person", 13);
    validate(r);
    expect(r, "C6", OGI_SEV_WARNING, "apply.granted.natural_person", "13", "12",
           NULL);
    assert_int_equal(count(r, "C6", ANY), 1);
}

static void
c6_fails_on_a_2021_other_sub_row(void **state)
{
    ogi_report_t *r = report21(state);
    set(r, OGI_T3, "other.fee_unpaid", "commercial", 3);
    validate(r);
    expect(r, "C6", OGI_SEV_WARNING, "apply.other.fee_unpaid.commercial", "3",
           "2", NULL);
    assert_int_equal(count(r, "C6", ANY), 1);
}

/* ---- C7: many blank or placeholder cells in Tables 3 and 4 ---- */

/* Blanks the first n of five zero cells of Table 4. */
static void
blank_table4(ogi_report_t *r, size_t n)
{
    static const char *const cells[][2] = {{"suit_direct", "upheld"},
                                           {"suit_direct", "pending"},
                                           {"suit_after_review", "corrected"},
                                           {"suit_after_review", "other"},
                                           {"suit_after_review", "pending"}};
    for (size_t i = 0; i < n && i < 5; i++)
        set_state(r, OGI_T4, cells[i][0], cells[i][1],
                  i % 2 ? OGI_CELL_NA : OGI_CELL_EMPTY);
}

static void
c7_holds_below_the_threshold(void **state)
{
    ogi_report_t *r = report19(state);
    blank_table4(r, 4);
    validate(r);
    expect_none(r, "C7");
}

static void
c7_fails_2019(void **state)
{
    /* 23 x 7 + 15 = 176 cells */
    ogi_report_t *r = report19(state);
    blank_table4(r, 5);
    validate(r);
    expect(r, "C7", OGI_SEV_WARNING, "appeal", "5", "176", NULL);
    assert_int_equal(count(r, "C7", ANY), 1);
}

static void
c7_fails_2021(void **state)
{
    /* 25 x 7 + 15 = 190 cells */
    ogi_report_t *r = report21(state);
    blank_table4(r, 5);
    validate(r);
    expect(r, "C7", OGI_SEV_WARNING, "appeal", "5", "190", NULL);
}

/* ---- S1: all six sections present ---- */

static void
s1_holds_when_all_sections_are_present(void **state)
{
    ogi_report_t *r = report21(state);
    validate(r);
    expect_none(r, "S1");
}

static void
s1_fails_on_a_missing_section(void **state)
{
    ogi_report_t *r = report19(state);
    r->sections[OGI_SEC_PROBLEMS].present = 0;
    validate(r);
    expect(r, "S1", OGI_SEV_WARNING, "sections.problems",
           "五、存在的主要问题及改进情况", NULL);
    assert_int_equal(count(r, "S1", ANY), 1);
    assert_int_equal(r->status, OGI_STATUS_OK);
}

static void
s1_fails_on_every_missing_section(void **state)
{
    ogi_report_t *r = report19(state);
    for (int k = 0; k < OGI_SEC_COUNT; k++)
        r->sections[k].present = 0;
    validate(r);
    assert_int_equal(count(r, "S1", OGI_SEV_WARNING), OGI_SEC_COUNT);
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        const ogi_skel_section_t *s = ogi_skeleton_section((ogi_section_id_t)k);
        char path[64];
        snprintf(path, sizeof(path), "sections.%s", s->key);
        expect(r, "S1", OGI_SEV_WARNING, path, s->title, NULL);
    }
}

/* ---- S2: published by 1月31日 (department) or 3月31日 (government) ---- */

static void
s2_holds_on_the_deadline(void **state)
{
    ogi_report_t *r = report19(state);
    r->meta.published_on = ogi_arena_strdup(*state, "2021-01-31");
    validate(r);
    expect_none(r, "S2");
    /* a government may publish after 1月31日 */
    r = report19(state);
    r->meta.admin_level = OGI_LEVEL_COUNTY;
    r->meta.published_on = ogi_arena_strdup(*state, "2021-03-31");
    validate(r);
    expect_none(r, "S2");
}

static void
s2_fails_for_a_department(void **state)
{
    ogi_report_t *r = report19(state);
    r->meta.published_on = ogi_arena_strdup(*state, "2021-02-05");
    validate(r);
    expect(r, "S2", OGI_SEV_WARNING, "meta.published_on", "2021-02-05",
           "2021-01-31", NULL);
    assert_int_equal(count(r, "S2", ANY), 1);
}

static void
s2_fails_for_a_government(void **state)
{
    ogi_report_t *r = report21(state);
    r->meta.admin_level = OGI_LEVEL_CITY;
    r->meta.published_on = ogi_arena_strdup(*state, "2023-04-01");
    validate(r);
    expect(r, "S2", OGI_SEV_WARNING, "meta.published_on", "2023-04-01",
           "2023-03-31", NULL);
}

static void
s2_needs_the_date_and_the_agency_type(void **state)
{
    ogi_report_t *r = report19(state);
    r->meta.admin_level = OGI_LEVEL_UNKNOWN;
    r->meta.published_on = ogi_arena_strdup(*state, "2021-06-01");
    validate(r);
    expect_none(r, "S2");
    r = report19(state);
    r->meta.published_on = NULL;
    validate(r);
    expect_none(r, "S2");
}

/* ---- S3: the statistical period is the year of the title ---- */

static void
s3_holds_when_years_agree_or_one_is_unknown(void **state)
{
    ogi_report_t *r = report19(state);
    r->meta.period_year = 0;
    validate(r);
    expect_none(r, "S3");
}

static void
s3_fails(void **state)
{
    ogi_report_t *r = report19(state);
    r->meta.period_year = 2019;
    validate(r);
    expect(r, "S3", OGI_SEV_WARNING, "meta.year", "2020", "2019", NULL);
    assert_int_equal(count(r, "S3", ANY), 1);
}

/* ---- S4: 2021 format, section 六 reports on 信息处理费 ---- */

static void
s4_holds(void **state)
{
    ogi_report_t *r = report21(state);
    set_text(r, OGI_SEC_OTHER, "本年度共收取信息处理费零元。");
    validate(r);
    expect_none(r, "S4");
    /* the 2019 format does not ask for it */
    r = report19(state);
    set_text(r, OGI_SEC_OTHER, "无其他需要报告的事项。");
    validate(r);
    expect_none(r, "S4");
    expect_clean(r);
}

static void
s4_fails(void **state)
{
    ogi_report_t *r = report21(state);
    set_text(r, OGI_SEC_OTHER, "无其他需要报告的事项。");
    validate(r);
    expect(r, "S4", OGI_SEV_INFO, "sections.other", "信息处理费", NULL);
    assert_int_equal(count(r, "S4", ANY), 1);
    assert_int_equal(r->status, OGI_STATUS_OK);
}

static void
s4_fails_without_section_six(void **state)
{
    ogi_report_t *r = report21(state);
    r->sections[OGI_SEC_OTHER].present = 0;
    validate(r);
    expect(r, "S4", OGI_SEV_INFO, "sections.other", NULL);
    expect(r, "S1", OGI_SEV_WARNING, "sections.other", NULL);
}

/* ---- S5: section 五 is not empty and not just 无 ---- */

static void
s5_holds(void **state)
{
    ogi_report_t *r = report19(state);
    set_text(r, OGI_SEC_PROBLEMS, "无明显问题，将继续做好公开工作。");
    validate(r);
    expect_none(r, "S5");
    /* a missing section is S1's business */
    r = report19(state);
    r->sections[OGI_SEC_PROBLEMS].present = 0;
    validate(r);
    expect_none(r, "S5");
}

static void
s5_fails(void **state)
{
    static const char *const empty[] = {"无", "无。", ""};
    for (size_t i = 0; i < sizeof(empty) / sizeof(empty[0]); i++) {
        ogi_arena_reset(*state);
        ogi_report_t *r = report19(state);
        set_text(r, OGI_SEC_PROBLEMS, empty[i]);
        validate(r);
        expect(r, "S5", OGI_SEV_WARNING, "sections.problems", empty[i], NULL);
        assert_int_equal(count(r, "S5", ANY), 1);
    }
}

/* ---- X5: the format matches the year ---- */

static void
set_year(ogi_report_t *r, int y)
{
    r->meta.year = r->meta.title_year = r->meta.period_year = y;
}

static void
x5_holds(void **state)
{
    ogi_report_t *r = report19(state);
    set_year(r, 2019);
    r->meta.published_on = ogi_arena_strdup(*state, "2020-01-20");
    validate(r);
    expect_none(r, "X5");
    expect_clean(r);
    r = report21(state);
    set_year(r, 2021);
    r->meta.published_on = ogi_arena_strdup(*state, "2022-01-20");
    validate(r);
    expect_none(r, "X5");
    expect_clean(r);
    /* no year: nothing to compare */
    r = report21(state);
    set_year(r, 0);
    validate(r);
    expect_none(r, "X5");
}

static void
x5_fails_on_the_2019_format_after_2020(void **state)
{
    ogi_report_t *r = report19(state);
    set_year(r, 2021);
    validate(r);
    expect(r, "X5", OGI_SEV_WARNING, "meta.format", "2021", "2019", NULL);
    assert_int_equal(count(r, "X5", ANY), 1);
}

static void
x5_fails_on_the_2021_format_before_2021(void **state)
{
    ogi_report_t *r = report21(state);
    set_year(r, 2020);
    validate(r);
    expect(r, "X5", OGI_SEV_WARNING, "meta.format", "2020", "2019", "2021",
           NULL);
    assert_int_equal(count(r, "X5", ANY), 1);
}

/* ---- status ---- */

static void
status_stays_ok_with_warnings_and_info(void **state)
{
    ogi_report_t *r = report21(state);
    set(r, OGI_T2_21_1, "rules", "issued", 9); /* C3 warning */
    set_text(r, OGI_SEC_OTHER, "无。");        /* S4 info */
    validate(r);
    assert_int_equal(count(r, "C3", OGI_SEV_WARNING), 1);
    assert_int_equal(count(r, "S4", OGI_SEV_INFO), 1);
    assert_int_equal(count(r, NULL, OGI_SEV_ERROR), 0);
    assert_int_equal(r->status, OGI_STATUS_OK);
}

static void
status_has_errors_with_one_error(void **state)
{
    ogi_report_t *r = report21(state);
    set(r, OGI_T4, "suit_direct", "total", 3); /* D3 error */
    validate(r);
    assert_int_equal(count(r, NULL, OGI_SEV_ERROR), 1);
    assert_int_equal(r->status, OGI_STATUS_HAS_ERRORS);
}

static void
rejected_report_gets_no_findings(void **state)
{
    /* tables that break O1, D1, D2, D3 and V1, and no sections */
    ogi_report_t *r = report19(state);
    set(r, OGI_T3, "granted", "total", 99);
    set(r, OGI_T4, "review", "total", 99);
    set(r, OGI_T3, "partial", "natural_person", -1);
    for (int k = 0; k < OGI_SEC_COUNT; k++)
        r->sections[k].present = 0;
    r->status = OGI_STATUS_REJECTED;
    assert_int_equal(
        ogi_report_add_finding(r, "P0", OGI_SEV_ERROR, NULL, "not a report"),
        0);
    validate(r);
    assert_int_equal(r->nfindings, 1);
    assert_string_equal(r->findings[0].rule, "P0");
    assert_int_equal(r->status, OGI_STATUS_REJECTED);
}

/* ---- seed 2: two D2 errors that cancel out in the totals ---- */

static void
seed2_d2_errors_cancel_in_the_totals(void **state)
{
    FILE *fp = fopen(SEED2, "rb");
    if (!fp)
        print_error("could not open \"%s\"\n", SEED2);
    assert_non_null(fp);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            cap = cap ? cap * 2 : 65536;
            char *nb = realloc(buf, cap);
            assert_non_null(nb);
            buf = nb;
        }
        size_t got = fread(buf + len, 1, cap - len, fp);
        if (got == 0)
            break;
        len += got;
    }
    fclose(fp);
    ogi_parse_opts_t opts = {0, SEED2};
    ogi_report_t *r = NULL;
    int rc = ogi_parse_report(*state, buf, len, &opts, &r);
    free(buf);
    assert_int_equal(rc, 0);
    assert_non_null(r);
    assert_int_not_equal(r->status, OGI_STATUS_REJECTED);
    assert_int_equal(r->meta.format, OGI_FORMAT_2019);

    validate(r);
    expect(r, "D2", OGI_SEV_ERROR, "apply.granted.total", "92", "91", NULL);
    expect(r, "D2", OGI_SEV_ERROR, "apply.unable.not_held.total", "1", "2",
           NULL);
    if (count(r, "D2", OGI_SEV_ERROR) != 2 || count(r, "O1", OGI_SEV_ERROR) ||
        count(r, "D1", OGI_SEV_ERROR))
        dump(r);
    assert_int_equal(count(r, "D2", OGI_SEV_ERROR), 2);
    assert_int_equal(count(r, "O1", OGI_SEV_ERROR), 0);
    assert_int_equal(count(r, "D1", OGI_SEV_ERROR), 0);
    assert_int_equal(r->status, OGI_STATUS_HAS_ERRORS);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
    const struct CMUnitTest tests[] = {
        T(clean_2019_has_no_findings),
        T(clean_2021_has_no_findings),
        T(o1_holds_when_both_sides_move),
        T(o1_fails_when_carry_forward_is_off),
        T(o1_fails_in_2021),
        T(d1_holds_with_2021_other_sub_rows),
        T(d1_ignores_rows_outside_the_shape),
        T(d1_fails_when_a_result_row_is_off),
        T(d1_fails_on_a_2021_other_sub_row),
        T(d1_blank_cell_gives_warning),
        T(d1_blank_cell_does_not_hide_an_error),
        T(d2_holds_when_a_row_moves_between_columns),
        T(d2_fails_on_a_row_total),
        T(d2_runs_on_every_row_2019),
        T(d2_runs_on_every_row_2021),
        T(d2_ignores_rows_outside_the_shape),
        T(d2_blank_cell_gives_warning),
        T(d2_placeholder_cell_gives_warning),
        T(d2_missing_cell_is_not_assessable),
        T(d2_missing_total_is_not_assessable),
        T(d2_text_cell_is_not_assessable),
        T(d3_holds_when_a_result_moves),
        T(d3_fails_on_review),
        T(d3_fails_on_suit_after_review),
        T(v1_holds_on_signed_delta_and_decimal_amounts),
        T(v1_fails_on_a_negative_count),
        T(v1_fails_on_a_decimal_count),
        T(v1_fails_on_a_negative_table2_count),
        T(v1_fails_on_a_negative_amount),
        T(v2_holds_without_rows_outside_the_shape),
        T(v2_fails_on_a_missing_row),
        T(v2_fails_on_a_missing_table2_row),
        T(v2_fails_on_2019_other_in_2021),
        T(v2_fails_on_2021_other_in_2019),
        T(c1_holds_at_zero),
        T(c1_fails_on_license),
        T(c1_fails_on_admin_fees),
        T(c1_blank_delta_is_not_assessable),
        T(c2_holds_at_equality),
        T(c2_fails),
        T(c3_holds_at_equality),
        T(c3_fails),
        T(c4_holds_when_both_are_zero),
        T(c4_fails_on_projects_without_amount),
        T(c4_fails_on_amount_without_projects),
        T(c4_missing_cell_is_not_assessable),
        T(c4_blank_amount_is_not_assessable),
        T(c5_holds_on_plausible_amounts),
        T(c5_fails_on_the_yuan_pattern),
        T(c5_fails_above_ten_billion_yuan),
        T(c6_holds_at_the_cap),
        T(c6_fails),
        T(c6_fails_on_a_2021_other_sub_row),
        T(c7_holds_below_the_threshold),
        T(c7_fails_2019),
        T(c7_fails_2021),
        T(s1_holds_when_all_sections_are_present),
        T(s1_fails_on_a_missing_section),
        T(s1_fails_on_every_missing_section),
        T(s2_holds_on_the_deadline),
        T(s2_fails_for_a_department),
        T(s2_fails_for_a_government),
        T(s2_needs_the_date_and_the_agency_type),
        T(s3_holds_when_years_agree_or_one_is_unknown),
        T(s3_fails),
        T(s4_holds),
        T(s4_fails),
        T(s4_fails_without_section_six),
        T(s5_holds),
        T(s5_fails),
        T(x5_holds),
        T(x5_fails_on_the_2019_format_after_2020),
        T(x5_fails_on_the_2021_format_before_2021),
        T(status_stays_ok_with_warnings_and_info),
        T(status_has_errors_with_one_error),
        T(rejected_report_gets_no_findings),
        T(seed2_d2_errors_cancel_in_the_totals),
    };
    return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
