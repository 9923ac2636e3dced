/*
 * test_narrative.c - the narrative checks C8 and N1-N6 (lib/check/narrative.c)
 * on the eight real reports and on small reports built by hand.
 *
 * The real reports are parsed with ogi_parse_report and checked; only the
 * findings ogi__narrative_check adds are looked at, so the tests keep
 * working once parsing or validation runs the checks too. The built
 * reports hold a known table (make_2019, make_2021) and one sentence in a
 * section; each case says what the sentence must give. Run from the
 * repository root: the reports are read from tests/data/reports/.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "narrative_int.h"
#include "golden.h"
#include "ogi/alloc.h"
#include "ogi/arena.h"
#include "ogi/error.h"
#include "ogi/parse.h"
#include "ogi/report.h"
#include "ogi/skeleton.h"

#define REPORTS "tests/data/reports/"

/* One report and the findings the checks added to it. */
typedef struct {
    ogi_arena_t *arena;
    ogi_report_t *r;
    size_t first; /* findings before the checks ran */
    char *raw;    /* file bytes, or NULL */
} fx_t;


static void
fx_fini(fx_t *f)
{
    ogi_arena_destroy(&f->arena);
    free(f->raw);
    f->raw = NULL;
}

/* Runs the checks; returns how many findings they added. */
static size_t
run(fx_t *f)
{
    f->first = f->r->nfindings;
    assert_int_equal(ogi__narrative_check(f->r), 0);
    return f->r->nfindings - f->first;
}

/* Parses tests/data/reports/NAME. */
static void
fx_parse(fx_t *f, const char *name)
{
    char path[256];
    size_t len = 0;
    memset(f, 0, sizeof(*f));
    snprintf(path, sizeof(path), REPORTS "%s", name);
    f->raw = ogi_test_slurp(path, &len);
    assert_non_null(f->raw);
    f->arena = ogi_arena_new(0);
    assert_non_null(f->arena);
    assert_int_equal(ogi_parse_report(f->arena, f->raw, len, NULL, &f->r), 0);
    assert_non_null(f->r);
}

/* Prints the findings the checks added (on failure). */
static void
dump(const fx_t *f)
{
    for (size_t i = f->first; i < f->r->nfindings; i++)
        print_error("  %s %s %s\n", f->r->findings[i].rule,
                    f->r->findings[i].path, f->r->findings[i].message);
}

static void
expect_none(fx_t *f)
{
    size_t n = run(f);
    if (n != 0)
        dump(f);
    assert_int_equal(n, 0);
}

/*
 * The one finding the checks added must be (rule, warning, path), and its
 * message must contain each string of the NULL-terminated list.
 */
static void
expect_one(fx_t *f, const char *rule, const char *path, ...)
{
    size_t n = run(f);
    if (n != 1)
        dump(f);
    assert_int_equal(n, 1);
    const ogi_finding_t *x = &f->r->findings[f->first];
    assert_string_equal(x->rule, rule);
    assert_int_equal(x->severity, OGI_SEV_WARNING);
    assert_string_equal(x->path, path);
    /* lower case, no trailing period */
    assert_true(x->message[0] >= 'a' && x->message[0] <= 'z');
    assert_true(x->message[strlen(x->message) - 1] != '.');
    va_list ap;
    va_start(ap, path);
    const char *s;
    while ((s = va_arg(ap, const char *)) != NULL) {
        if (!strstr(x->message, s))
            print_error("\"%s\" not in: %s\n", s, x->message);
        assert_non_null(strstr(x->message, s));
    }
    va_end(ap);
}

/* Whether the checks added a finding (rule, path) whose message contains
 * both a and b. */
static int
has_finding(const fx_t *f, const char *rule, const char *path, const char *a,
            const char *b)
{
    for (size_t i = f->first; i < f->r->nfindings; i++) {
        const ogi_finding_t *x = &f->r->findings[i];
        if (strcmp(x->rule, rule) == 0 && strcmp(x->path, path) == 0 &&
            x->severity == OGI_SEV_WARNING && strstr(x->message, a) &&
            strstr(x->message, b))
            return 1;
    }
    return 0;
}

/* ---- built reports ----------------------------------------------------- */

static ogi_cell_t *
cell(ogi_report_t *r, ogi_table_id_t id, const char *row, const char *col)
{
    long ri = ogi_skeleton_row_index(id, row);
    long ci = ogi_skeleton_col_index(id, col);
    assert_true(ri >= 0 && ci >= 0);
    ogi_cell_t *c = ogi_report_cell(r, id, (size_t)ri, (size_t)ci);
    assert_non_null(c);
    return c;
}

/* Sets a cell to value / 10^scale. */
static void
set_num(ogi_report_t *r, ogi_table_id_t id, const char *row, const char *col,
        int64_t value, unsigned scale)
{
    ogi_cell_t *c = cell(r, id, row, col);
    c->state = OGI_CELL_NUM;
    c->value = value;
    c->scale = (uint8_t)scale;
}

/* Tables 3 and 4, common to both formats. */
static void
fill_apply_appeal(ogi_report_t *r)
{
    assert_int_equal(ogi_report_table_init(r, OGI_T3), 0);
    assert_int_equal(ogi_report_table_init(r, OGI_T4), 0);
    set_num(r, OGI_T3, "new_received", "total", 45, 0);
    set_num(r, OGI_T3, "carried_over", "total", 3, 0);
    set_num(r, OGI_T3, "result_total", "total", 46, 0);
    set_num(r, OGI_T3, "carry_forward", "total", 2, 0);
    set_num(r, OGI_T4, "review", "total", 2, 0);
    set_num(r, OGI_T4, "suit_direct", "total", 1, 0);
    set_num(r, OGI_T4, "suit_after_review", "total", 1, 0);
}

/*
 * A 2019-format report on 2020:
 *   Table 3: new 45, carried 3, answered 46, carried forward 2
 *   Table 4: reviews 2, suits 1 direct + 1 after review
 *   规范性文件 5 / 5 / 30; 行政许可 prev 10, delta +2, decisions 300;
 *   行政处罚 decisions 120; 行政强制 decisions 4; 行政事业性收费 prev 8,
 *   delta -1; 政府集中采购 12 projects, 350.5 (万元 in the header)
 */
static void
make_2019_in(fx_t *f, int with_unit, size_t block)
{
    memset(f, 0, sizeof(*f));
    f->arena = ogi_arena_new(block);
    assert_non_null(f->arena);
    f->r = ogi_report_new(f->arena);
    assert_non_null(f->r);
    ogi_report_t *r = f->r;
    r->meta.year = 2020;
    r->meta.format = OGI_FORMAT_2019;
    fill_apply_appeal(r);
    static const ogi_table_id_t t2[] = {OGI_T2_19_1, OGI_T2_19_5, OGI_T2_19_6,
                                        OGI_T2_19_8, OGI_T2_19_9};
    for (size_t i = 0; i < sizeof(t2) / sizeof(t2[0]); i++)
        assert_int_equal(ogi_report_table_init(r, t2[i]), 0);
    set_num(r, OGI_T2_19_1, "normative_docs", "new_made", 5, 0);
    set_num(r, OGI_T2_19_1, "normative_docs", "new_published", 5, 0);
    set_num(r, OGI_T2_19_1, "normative_docs", "total_published", 30, 0);
    set_num(r, OGI_T2_19_5, "license", "prev_items", 10, 0);
    set_num(r, OGI_T2_19_5, "license", "delta_items", 2, 0);
    set_num(r, OGI_T2_19_5, "license", "decisions", 300, 0);
    set_num(r, OGI_T2_19_6, "penalty", "decisions", 120, 0);
    set_num(r, OGI_T2_19_6, "coercion", "decisions", 4, 0);
    set_num(r, OGI_T2_19_8, "admin_fees", "prev_items", 8, 0);
    set_num(r, OGI_T2_19_8, "admin_fees", "delta_items", -1, 0);
    set_num(r, OGI_T2_19_9, "central_procurement", "projects", 12, 0);
    set_num(r, OGI_T2_19_9, "central_procurement", "amount", 3505, 1);
    if (with_unit)
        r->tables[OGI_T2_19_9].unit = OGI_UNIT_WAN_YUAN;
}

static void
make_2019(fx_t *f, int with_unit)
{
    make_2019_in(f, with_unit, 0);
}

/* A 2021-format report on 2024: Tables 3 and 4 as above, 行政许可
 * decisions 550, (八) 7730.28 万元. */
static void
make_2021(fx_t *f)
{
    memset(f, 0, sizeof(*f));
    f->arena = ogi_arena_new(0);
    assert_non_null(f->arena);
    f->r = ogi_report_new(f->arena);
    assert_non_null(f->r);
    ogi_report_t *r = f->r;
    r->meta.year = 2024;
    r->meta.format = OGI_FORMAT_2021;
    fill_apply_appeal(r);
    assert_int_equal(ogi_report_table_init(r, OGI_T2_21_5), 0);
    assert_int_equal(ogi_report_table_init(r, OGI_T2_21_8), 0);
    set_num(r, OGI_T2_21_5, "license", "decisions", 550, 0);
    set_num(r, OGI_T2_21_8, "admin_fees", "amount_wan", 773028, 2);
}

/* Puts text into section k. */
static void
say(fx_t *f, ogi_section_id_t k, const char *text)
{
    ogi_section_t *s = &f->r->sections[k];
    s->present = 1;
    s->text = ogi_arena_strdup(f->arena, text);
    assert_non_null(s->text);
}

/* A 2019 report whose overview is text: no finding expected. */
static void
none_2019(const char *text)
{
    fx_t f;
    make_2019(&f, 1);
    say(&f, OGI_SEC_OVERVIEW, text);
    expect_none(&f);
    fx_fini(&f);
}

/* ---- the real reports -------------------------------------------------- */

/* Seed 2 contradicts its table twice (rule N6 and friends, README "Rules") and
 * agrees with it everywhere else: 141, 14, 6, 18, 38631, 1583, 3, 26102万元,
 * and 5066 = 2175 + 2891. */
static void
test_seed2_two_mismatches(void **state)
{
    (void)state;
    fx_t f;
    fx_parse(&f, "002_e734572c7f6275fe.txt");
    size_t n = run(&f);
    if (n != 2)
        dump(&f);
    assert_int_equal(n, 2);
    assert_true(has_finding(&f, "N6",
                            "active.a20_9.central_procurement.projects",
                            "采购项目数量392项", "table has 293"));
    assert_true(has_finding(&f, "N6", "active.a20_8.admin_fees.prev_items",
                            "行政事业性收费数量16条", "prev_items 0"));
    /* the message quotes the figure and the sentence */
    int exact = 0;
    for (size_t i = f.first; i < f.r->nfindings; i++)
        exact |=
            strcmp(f.r->findings[i].message,
                   "narrative says 采购项目数量392项, table has 293: "
                   "\"全年公开采购项目数量392项，采购金额26102万元\"") == 0;
    assert_true(exact);
    fx_fini(&f);
}

/* 淮安市 2024 (pdftotext): 3119, 3050, 103 顺延到下年度, 351, 46 agree;
 * "上年度结转申请 34 件" is not N3; 351 = 72 + 64 + 178 + 37 and
 * 46 = 25 + 5 + 9 + 7 in one sentence. */
static void
test_huaian_agrees(void **state)
{
    (void)state;
    fx_t f;
    fx_parse(&f, "huaian-city-2024.txt");
    expect_none(&f);
    fx_fini(&f);
}

/* The same report with its cells changed: each check really ran. */
static void
test_huaian_changed_cells(void **state)
{
    (void)state;
    fx_t f;
    fx_parse(&f, "huaian-city-2024.txt");
    set_num(f.r, OGI_T3, "new_received", "total", 3000, 0);
    set_num(f.r, OGI_T3, "result_total", "total", 3049, 0);
    set_num(f.r, OGI_T3, "carry_forward", "total", 100, 0);
    set_num(f.r, OGI_T4, "review", "total", 350, 0);
    set_num(f.r, OGI_T4, "suit_after_review", "total", 21, 0);
    size_t n = run(&f);
    if (n != 5)
        dump(&f);
    assert_int_equal(n, 5);
    assert_true(has_finding(&f, "N1", "apply.new_received.total", "3119",
                            "table has 3000 (3034 with those carried over)"));
    assert_true(
        has_finding(&f, "N2", "apply.result_total.total", "3050", "3049"));
    assert_true(
        has_finding(&f, "N3", "apply.carry_forward.total", "103", "100"));
    assert_true(has_finding(&f, "N4", "appeal.review.total", "351", "350"));
    assert_true(has_finding(&f, "N5", "appeal.suit_direct.total", "46",
                            "47 (26 direct + 21 after review)"));
    fx_fini(&f);
}

/* Seed 2 with its Table 4 changed. */
static void
test_seed2_changed_cells(void **state)
{
    (void)state;
    fx_t f;
    fx_parse(&f, "002_e734572c7f6275fe.txt");
    set_num(f.r, OGI_T4, "review", "total", 13, 0);
    set_num(f.r, OGI_T3, "new_received", "total", 140, 0);
    run(&f);
    assert_int_equal(f.r->nfindings - f.first, 4);
    assert_true(has_finding(&f, "N4", "appeal.review.total", "行政复议14件",
                            "table has 13"));
    /* 89 (本级) and 52 (部门) are parts: only 141 is compared */
    assert_true(has_finding(&f, "N1", "apply.new_received.total", "141",
                            "table has 140"));
    fx_fini(&f);
}

static void
check_clean(const char *name)
{
    fx_t f;
    fx_parse(&f, name);
    size_t n = run(&f);
    if (n != 0) {
        print_error("%s:\n", name);
        dump(&f);
    }
    assert_int_equal(n, 0);
    fx_fini(&f);
}

/* Seed 0: 3751 = 377 + 3114 + 217 + 43 (parts across ；), 受理 2 件. */
static void
test_seed0_agrees(void **state)
{
    (void)state;
    check_clean("000_797bd12820c43427.txt");
}

/* Seed 1: no figure the tables hold. */
static void
test_seed1_agrees(void **state)
{
    (void)state;
    check_clean("001_1cb59e66f00bcffe.txt");
}

/* Seed 3: 1029 = 574 + 142 + 313; 新收 0 件; pasted 区长专线 text
 * (受理…函件8件) is no application count. */
static void
test_seed3_agrees(void **state)
{
    (void)state;
    check_clean("003_17bcadf2ed5508d0.txt");
}

static void
test_seed4_agrees(void **state)
{
    (void)state;
    check_clean("004_38ec84bebc7328d3.txt");
}

/* 洪泽区 2023: 受理 21 件. */
static void
test_hongze2023_agrees(void **state)
{
    (void)state;
    check_clean("hongze-district-2023.txt");
}

/* 洪泽区 2024: "区政府办代表区政府受理政府信息公开申请 17 件" against 95
 * in the table is about the office's part of the whole (政府办, 代表):
 * never a warning on its own. */
static void
test_hongze2024_agrees(void **state)
{
    (void)state;
    check_clean("hongze-district-2024.txt");
}

/* ---- N1-N6 on built reports -------------------------------------------- */

static void
test_n1(void **state)
{
    (void)state;
    fx_t f;
    none_2019("2020年，全区共受理政府信息公开申请45件。");
    /* new + carried over */
    none_2019("全年共收到政府信息公开申请48件，均已按时答复。");
    none_2019("本年新收政府信息公开申请45件。");
    /* no 申请: not an application count */
    none_2019("共受理群众来电300件。");
    /* 不予受理 is not 受理 */
    none_2019("不予受理申请3件。");
    make_2019(&f, 1);
    say(&f, OGI_SEC_APPLY, "2020年，全区共受理政府信息公开申请44件。");
    expect_one(&f, "N1", "apply.new_received.total", "受理政府信息公开申请44件",
               "table has 45 (48 with those carried over)",
               "\"2020年，全区共受理政府信息公开申请44件\"", NULL);
    fx_fini(&f);
}

static void
test_n2(void **state)
{
    (void)state;
    fx_t f;
    none_2019("全年共答复46件，答复率100%。");
    none_2019("全部在法定期限内办结。");
    /* a rate is not a count */
    none_2019("按时办结率为95%。");
    make_2019(&f, 1);
    say(&f, OGI_SEC_APPLY, "全年办结政府信息公开申请40件。");
    expect_one(&f, "N2", "apply.result_total.total", "办结政府信息公开申请40件",
               "table has 46", NULL);
    fx_fini(&f);
}

static void
test_n3(void **state)
{
    (void)state;
    fx_t f;
    none_2019("结转下年度继续办理2件。");
    /* the number may come first */
    none_2019("另有2件顺延到下年度答复。");
    /* 上年度结转 is carried_over, never N3 */
    none_2019("含上年度结转申请34件。");
    make_2019(&f, 1);
    say(&f, OGI_SEC_APPLY, "结转至下年度办理的申请5件。");
    expect_one(&f, "N3", "apply.carry_forward.total", "5件", "table has 2",
               NULL);
    fx_fini(&f);
    make_2019(&f, 1);
    say(&f, OGI_SEC_APPLY, "另有7件顺延到下年度答复。");
    expect_one(&f, "N3", "apply.carry_forward.total", "7件顺延到下年度",
               "table has 2", NULL);
    fx_fini(&f);
}

static void
test_n4_n5(void **state)
{
    (void)state;
    fx_t f;
    none_2019("全年被申请行政复议2件，提起行政诉讼2件。");
    /* a joint figure is neither */
    none_2019("因政府信息公开被申请行政复议、提起行政诉讼共9件。");
    none_2019("未发生行政复议和行政诉讼案件。");
    make_2019(&f, 1);
    say(&f, OGI_SEC_APPEAL, "全年引发行政复议3件，0件被申请人为区政府。");
    expect_one(&f, "N4", "appeal.review.total", "行政复议3件", "table has 2",
               NULL);
    fx_fini(&f);
    make_2019(&f, 1);
    say(&f, OGI_SEC_APPEAL, "全年引发行政诉讼1件。");
    expect_one(&f, "N5", "appeal.suit_direct.total", "行政诉讼1件",
               "table has 2 (1 direct + 1 after review)", NULL);
    fx_fini(&f);
}

static void
test_n6_counts(void **state)
{
    (void)state;
    fx_t f;
    /* any cell of the 规范性文件 row */
    none_2019("全年制定和公开规范性文件数量5条。");
    none_2019("对外公开规范性文件30件。");
    /* 解读, 清理: another count */
    none_2019("解读规范性文件在13个，清理规范性文件20件。");
    none_2019("主动公开行政许可处理决定300条，行政处罚120条，行政强制4条。");
    /* 2019: the items too (prev_items, prev + delta) */
    none_2019("行政许可处理量12件。");
    /* 事项 counts the catalogue, not decisions */
    none_2019("梳理行政许可事项500项。");
    /* a heading of a joint row gives no candidate */
    none_2019("行政许可和其他对外管理服务事项12234条。");
    none_2019("行政许可、行政处罚等信息8000条。");
    none_2019("主动公开行政事业性收费数量7条。");
    none_2019("全年公开采购项目数量12项。");
    /* inside a title: 《行政许可法》 */
    none_2019("学习《行政许可法》20次，开展培训5期。");

    make_2019(&f, 1);
    say(&f, OGI_SEC_OVERVIEW, "全年制定和公开规范性文件数量7条。");
    expect_one(&f, "N6", "active.a20_1.normative_docs.new_made", "7条",
               "new_made 5, new_published 5, total_published 30", NULL);
    fx_fini(&f);
    make_2019(&f, 1);
    say(&f, OGI_SEC_OVERVIEW, "主动公开行政许可处理量301条。");
    expect_one(&f, "N6", "active.a20_5.license.decisions",
               "行政许可处理量301条", "decisions 300", NULL);
    fx_fini(&f);
    make_2019(&f, 1);
    say(&f, OGI_SEC_OVERVIEW, "主动公开行政处罚处理数量121条。");
    expect_one(&f, "N6", "active.a20_6.penalty.decisions", "121条",
               "decisions 120", NULL);
    fx_fini(&f);
    make_2019(&f, 1);
    say(&f, OGI_SEC_OVERVIEW, "行政强制处理数量5条。");
    expect_one(&f, "N6", "active.a20_6.coercion.decisions", "5条",
               "decisions 4", NULL);
    fx_fini(&f);
    make_2019(&f, 1);
    say(&f, OGI_SEC_OVERVIEW, "主动公开行政事业性收费数量16条。");
    expect_one(&f, "N6", "active.a20_8.admin_fees.prev_items", "16条",
               "prev_items 8, delta_items -1, prev_items + delta_items 7",
               NULL);
    fx_fini(&f);
    make_2019(&f, 1);
    say(&f, OGI_SEC_OVERVIEW, "全年公开采购项目数量13项，采购金额350.5万元。");
    expect_one(&f, "N6", "active.a20_9.central_procurement.projects", "13项",
               "table has 12", NULL);
    fx_fini(&f);
}

static void
test_n6_amounts(void **state)
{
    (void)state;
    fx_t f;
    /* 350.5 万元 in the table: the same in 元, or rounded */
    none_2019("采购金额350.5万元。");
    none_2019("采购总金额3505000元。");
    none_2019("采购金额约351万元。");
    none_2019("采购金额351万元。");
    make_2019(&f, 1);
    say(&f, OGI_SEC_OVERVIEW, "采购金额360万元。");
    expect_one(&f, "N6", "active.a20_9.central_procurement.amount", "360万元",
               "350.5 wan_yuan", NULL);
    fx_fini(&f);
    /* no unit in the table: 350.5 may be 元 or 万元 */
    make_2019(&f, 0);
    say(&f, OGI_SEC_OVERVIEW, "采购金额350.5元。");
    expect_none(&f);
    fx_fini(&f);
    make_2019(&f, 0);
    say(&f, OGI_SEC_OVERVIEW, "采购金额360元。");
    expect_one(&f, "N6", "active.a20_9.central_procurement.amount", "360元",
               "(unit not stated)", NULL);
    fx_fini(&f);
}

/* 2021: (八) is an amount in 万元; counts of fee items are not compared. */
static void
test_n6_fees_2021(void **state)
{
    (void)state;
    fx_t f;
    make_2021(&f);
    say(&f, OGI_SEC_OVERVIEW,
        "2024年，收取行政事业性收费7730.28万元，行政事业性收费项目12项，"
        "行政许可550件。");
    expect_none(&f);
    fx_fini(&f);
    make_2021(&f);
    say(&f, OGI_SEC_OVERVIEW, "2024年，收取行政事业性收费7800万元。");
    expect_one(&f, "N6", "active.a20_8.admin_fees.amount_wan", "7800万元",
               "7730.28 wan_yuan", NULL);
    fx_fini(&f);
}

/* ---- C8 ---------------------------------------------------------------- */

static void
test_c8(void **state)
{
    (void)state;
    fx_t f;
    none_2019("全年主动公开信息100条，其中网站60条、微博40条。");
    /* parts across ；: C8 bounds its sentence at 。 only */
    none_2019("共发布信息100条，其中，通过网站发布60条；通过微信发布30条、"
              "抖音10条。");
    /* one part: nothing to add up */
    none_2019("全年主动公开信息100条，其中网站60条。");
    /* parts in another unit are not parts */
    none_2019("共100条，其中网站60个百分点、微博40%。");
    /* a figure after the list (the next list's total) */
    none_2019("行政复议2件，其中维持1件，纠正1件；行政诉讼2件，其中维持1件，"
              "尚未审结1件。");
    /* short of the total across a ；: a partial list, then another
     * figure (tests/data/quirks/page_numbers.txt) */
    none_2019("全年通过政府门户网站主动公开政府信息2315条，其中政策文件46条、"
              "政策解读31条、通知公告527条；通过政务新媒体发布信息1204条。");
    /* beyond the total across a ； */
    make_2019(&f, 1);
    say(&f, OGI_SEC_OVERVIEW,
        "主动公开政府信息3751条，其中，通过网站发布信息377条；通过微信发布"
        "信息3114条、通过抖音发布信息217条、53条。");
    expect_one(&f, "C8", "sections.overview", "3751条", "3761",
               "(377 + 3114 + 217 + 53)", NULL);
    fx_fini(&f);
    make_2019(&f, 1);
    say(&f, OGI_SEC_ACTIVE, "全年主动公开信息100条，其中网站60条、微博30条。");
    expect_one(&f, "C8", "sections.active", "100条", "90", "(60 + 30)",
               "其中网站60条", NULL);
    fx_fini(&f);
    make_2019(&f, 1);
    say(&f, OGI_SEC_OVERVIEW,
        "行政复议10件，其中维持6件，纠正4件；"
        "行政诉讼3件，其中维持1件，尚未审结1件。");
    /* 行政复议 10 vs 2 and 行政诉讼 3 vs 2 warn too: only C8 looked at */
    run(&f);
    assert_true(
        has_finding(&f, "C8", "sections.overview", "total 3件", "(1 + 1)"));
    fx_fini(&f);
}

/* ---- the method -------------------------------------------------------- */

/* Several figures for one keyword: any that equals the table passes. */
static void
test_multiple_candidates(void **state)
{
    (void)state;
    fx_t f;
    none_2019("区政府本级收到政府信息公开申请30件，各职能部门共收到政府信息"
              "公开申请15件，全区共受理申请45件，全部在法定期限内办结。");
    none_2019("收到申请44件，受理申请45件。");
    /* a part alone never warns */
    none_2019("区政府本级收到政府信息公开申请30件。");
    none_2019("共受理申请45件，其中区政府受理申请30件。");
    /* approximations are not compared */
    none_2019("全年受理申请约40件。");
    make_2019(&f, 1);
    say(&f, OGI_SEC_APPLY, "全区共受理申请40件，各部门收到申请20件。");
    expect_one(&f, "N1", "apply.new_received.total", "40件", NULL);
    fx_fini(&f);
}

/* A sentence about another year is skipped; a year in a title does not
 * count. */
static void
test_other_year(void **state)
{
    (void)state;
    fx_t f;
    none_2019("2019年，全区共受理政府信息公开申请99件。");
    none_2019("与2019年相比，受理政府信息公开申请99件。");
    /* 上年, 同比: about another year or a change */
    none_2019("去年受理政府信息公开申请99件。");
    none_2019("受理政府信息公开申请同比增加9件。");
    make_2019(&f, 1);
    say(&f, OGI_SEC_OVERVIEW,
        "根据《2019年政务公开工作要点》，全年受理政府信息公开申请99件。");
    expect_one(&f, "N1", "apply.new_received.total", "99件", NULL);
    fx_fini(&f);
    /* meta.year unknown: nothing is skipped */
    make_2019(&f, 1);
    f.r->meta.year = 0;
    say(&f, OGI_SEC_OVERVIEW, "2019年，全区共受理政府信息公开申请99件。");
    expect_one(&f, "N1", "apply.new_received.total", "99件", NULL);
    fx_fini(&f);
}

/* Section 五 talks about other years by design: never checked. */
static void
test_problems_section_skipped(void **state)
{
    (void)state;
    fx_t f;
    make_2019(&f, 1);
    say(&f, OGI_SEC_PROBLEMS,
        "全年受理政府信息公开申请99件。"
        "共100条，其中网站1条、微博1条。");
    expect_none(&f);
    fx_fini(&f);
}

static void
test_fullwidth_digits(void **state)
{
    (void)state;
    fx_t f;
    none_2019("全年共受理政府信息公开申请４５件。");
    make_2019(&f, 1);
    say(&f, OGI_SEC_APPLY, "全年共受理政府信息公开申请４４件；答复４６件。");
    expect_one(&f, "N1", "apply.new_received.total", "申请44件", "table has 45",
               NULL);
    fx_fini(&f);
}

/* pdftotext: line breaks and spaces inside a sentence, page numbers
 * between its lines, a list item on a new line. */
static void
test_pdftotext_breaks(void **state)
{
    (void)state;
    fx_t f;
    none_2019("2020 年，全区共受理政府信息公开申请 45 件，答\n复 46 件（含上"
              "年度结转申请 3 件，另有 2 件顺延到下年度\n答复）。");
    none_2019("全区共受理政府信息公开申\n\n                   -1-\n请 45 件。");
    /* a number wrapped by the layout */
    none_2019("全区共受理政府信息公开申请 4\n   5 件。");
    make_2019(&f, 1);
    say(&f, OGI_SEC_OVERVIEW,
        "2020 年，全区共受理政府信\n息公开申请 44 件，答\n复 46 件。");
    expect_one(&f, "N1", "apply.new_received.total", "受理政府信息公开申请44件",
               "\"2020年，全区共受理政府信息公开申请44件，答复46件\"", NULL);
    fx_fini(&f);
    /* the page number is dropped, not read as a figure */
    make_2019(&f, 1);
    say(&f, OGI_SEC_OVERVIEW,
        "全区共受理政府信息公开申\n\n           - 2 -\n请 44 件。");
    expect_one(&f, "N1", "apply.new_received.total", "申请44件", NULL);
    fx_fini(&f);
    /* a list item on its own line starts a sentence: the year of the
     * first one does not reach the second */
    make_2019(&f, 1);
    say(&f, OGI_SEC_OVERVIEW,
        "1.2019年工作回顾\n2.全年受理政府信息公开申请44件");
    expect_one(&f, "N1", "apply.new_received.total", "44件", NULL);
    fx_fini(&f);
}

/* No table value, no comparison. */
static void
test_missing_cell(void **state)
{
    (void)state;
    fx_t f;
    make_2019(&f, 1);
    cell(f.r, OGI_T3, "new_received", "total")->state = OGI_CELL_MISSING;
    cell(f.r, OGI_T3, "result_total", "total")->state = OGI_CELL_EMPTY;
    cell(f.r, OGI_T4, "suit_after_review", "total")->state = OGI_CELL_NA;
    cell(f.r, OGI_T2_19_9, "central_procurement", "projects")->state =
        OGI_CELL_EMPTY;
    say(&f, OGI_SEC_OVERVIEW,
        "全年受理政府信息公开申请99件，答复99件，"
        "行政诉讼9件，采购项目99项。");
    expect_none(&f);
    fx_fini(&f);
    /* no tables at all */
    memset(&f, 0, sizeof(f));
    f.arena = ogi_arena_new(0);
    f.r = ogi_report_new(f.arena);
    assert_non_null(f.r);
    say(&f, OGI_SEC_OVERVIEW,
        "全年受理政府信息公开申请99件，行政复议9件，"
        "共100条，其中网站1条、微博2条。");
    expect_one(&f, "C8", "sections.overview", "100条", "3", NULL);
    fx_fini(&f);
}

/* Odd text never crashes and finds nothing. */
static void
test_odd_text(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "",
        "。。。；；；",
        "受理",
        "受理申请",
        "受理申请99",
        "99999999999999999999999件",
        "共1,234件，其中1,000件、234件。",
        "(((((((((((",
        ")))))受理申请9件",
        "《《《《受理申请9件",
        "\xE5\x8F\x97",
        "\xFF\xFE\xE5\x8F",
        "其中其中其中1件2件3件",
        "1.\n2.\n(三)\n四、\n",
        "２０２０年受理申请４５件。",
    };
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        fx_t f;
        make_2019(&f, 1);
        for (int k = 0; k < OGI_SEC_COUNT; k++)
            say(&f, (ogi_section_id_t)k, texts[i]);
        f.first = f.r->nfindings;
        assert_int_equal(ogi__narrative_check(f.r), 0);
        fx_fini(&f);
    }
    none_2019("共1,234件，其中1,000件、234件。");
}

/* Random text from the pieces the checks react to (fixed seed): no crash,
 * no sanitizer report, every finding well formed. */
static void
test_random_text(void **state)
{
    (void)state;
    /* the pieces, separated by '|' */
    static const char all[] =
        "受理|收到|申请|答复|结转下年度|行政复议|行政诉讼|规范性文件|"
        "行政许可|采购项目|采购金额|行政事业性收费|其中|本级|解读|上年|"
        "同比|率|事项|第|约|余|万|万元|"
        "元|件|条|个|个月|年|2020|2019|"
        "45|1,234|3.5|0|99999999999999|１２|，|、|"
        "。|；|,|;|(|)|（|）|"
        "《|》|\n| |\t|-1-|1.|(二)|"
        "三、|\xE5|\xFF|%|IPv6|〔|[|行政|";
    const char *pieces[96];
    size_t lens[96], np = 0;
    for (const char *p = all; np < 96;) {
        const char *q = strchr(p, '|');
        pieces[np] = p;
        lens[np++] = q ? (size_t)(q - p) : strlen(p);
        if (!q)
            break;
        p = q + 1;
    }
    uint32_t seed = 12345;
    char buf[1024];
    for (int iter = 0; iter < 2000; iter++) {
        size_t n = 0;
        seed = seed * 1103515245u + 12345u;
        int count = (int)(seed >> 16) % 80;
        for (int i = 0; i < count; i++) {
            seed = seed * 1103515245u + 12345u;
            size_t r = (seed >> 16) % np;
            const char *p = pieces[r];
            size_t l = lens[r];
            if (n + l >= sizeof(buf))
                break;
            memcpy(buf + n, p, l);
            n += l;
        }
        buf[n] = '\0';
        fx_t f;
        make_2019(&f, (int)(iter & 1));
        say(&f, (ogi_section_id_t)(iter % OGI_SEC_COUNT), buf);
        f.first = f.r->nfindings;
        assert_int_equal(ogi__narrative_check(f.r), 0);
        for (size_t i = f.first; i < f.r->nfindings; i++) {
            const ogi_finding_t *x = &f.r->findings[i];
            assert_int_equal(x->severity, OGI_SEV_WARNING);
            assert_true(x->path[0] != '\0');
            assert_true(x->message[0] >= 'a' && x->message[0] <= 'z');
        }
        fx_fini(&f);
    }
}

/* Out of memory at every allocation in turn: OGI_ENOMEM, never a crash. */
static void
test_out_of_memory(void **state)
{
    (void)state;
    int ok = 0, failed = 0;
    for (long n = 0; n < 200 && !ok; n++) {
        fx_t f;
        /* small blocks: nearly every allocation reaches the allocator */
        make_2019_in(&f, 1, 64);
        say(&f, OGI_SEC_OVERVIEW,
            "共受理申请44件。共100条，其中网站1条、"
            "微博2条。采购项目13项。");
        ogi_alloc_fail_after(n);
        int rc = ogi__narrative_check(f.r);
        ogi_alloc_fail_after(-1);
        assert_true(rc == 0 || rc == OGI_ENOMEM);
        failed += rc == OGI_ENOMEM;
        ok = rc == 0;
        if (ok)
            assert_int_equal(f.r->nfindings, 3);
        fx_fini(&f);
    }
    assert_true(ok);
    assert_true(failed > 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed2_two_mismatches),
        cmocka_unit_test(test_huaian_agrees),
        cmocka_unit_test(test_huaian_changed_cells),
        cmocka_unit_test(test_seed2_changed_cells),
        cmocka_unit_test(test_seed0_agrees),
        cmocka_unit_test(test_seed1_agrees),
        cmocka_unit_test(test_seed3_agrees),
        cmocka_unit_test(test_seed4_agrees),
        cmocka_unit_test(test_hongze2023_agrees),
        cmocka_unit_test(test_hongze2024_agrees),
        cmocka_unit_test(test_n1),
        cmocka_unit_test(test_n2),
        cmocka_unit_test(test_n3),
        cmocka_unit_test(test_n4_n5),
        cmocka_unit_test(test_n6_counts),
        cmocka_unit_test(test_n6_amounts),
        cmocka_unit_test(test_n6_fees_2021),
        cmocka_unit_test(test_c8),
        cmocka_unit_test(test_multiple_candidates),
        cmocka_unit_test(test_other_year),
        cmocka_unit_test(test_problems_section_skipped),
        cmocka_unit_test(test_fullwidth_digits),
        cmocka_unit_test(test_pdftotext_breaks),
        cmocka_unit_test(test_missing_cell),
        cmocka_unit_test(test_odd_text),
        cmocka_unit_test(test_random_text),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests_name("narrative", tests, NULL, NULL);
}
