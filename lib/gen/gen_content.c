/*
 * gen_content.c - what a generated report says: who wrote it and when,
 * how to contact them, its narrative, and the one error that may be
 * injected; its tables' figures are drawn by gen_tables.c.
 *
 * Plausibility, kept small: agencies at every level with names built from
 * place-name syllables (fictional places in real provinces), postal codes
 * and telephone area codes of their province, magnitudes that grow with
 * the level, most Table 3 cells 0 and a few large ones. Every identity of
 * README rule table (O1, D1-D3) holds by construction (rows sum to 总计, 一 +
 * 二 = 三 + 四, （七）总计 = Σ result rows, Table 4 blocks sum) and so does
 * every common-sense rule (C1-C8), until an error is injected on purpose. The
 * narrative quotes the tables' figures in the phrases real reports use.
 */
#include "ogi_int.h"

#include <stdio.h>
#include <string.h>

#include "gen_int.h"
#include "ogi/error.h"

/* ---- data: provinces, places, departments ---- */

typedef struct {
    const char *name;     /* "黑龙江省" */
    const char *abbr;     /* "黑": opens provincial document numbers */
    const char *capital;  /* "哈尔滨市" */
    const char *postal;   /* two leading digits of its postal codes */
    int postal3_max;      /* third digit at most this (avoids the ranges
                             other provinces share) */
    const char *areas[4]; /* telephone area codes; the first is the
                             capital's */
} province_t;

static const province_t provinces[] = {
    {"黑龙江省", "黑", "哈尔滨市", "15", 9, {"0451", "0458", "0468", "0459"}},
    {"吉林省", "吉", "长春市", "13", 3, {"0431", "0432", "0439", "0435"}},
    {"江苏省", "苏", "南京市", "22", 9, {"025", "0517", "0516", "0515"}},
    {"浙江省", "浙", "杭州市", "31", 9, {"0571", "0574", "0577", "0579"}},
    {"山东省", "鲁", "济南市", "25", 9, {"0531", "0532", "0535", "0536"}},
    {"河南省", "豫", "郑州市", "45", 9, {"0371", "0379", "0391", "0396"}},
    {"湖南省", "湘", "长沙市", "41", 9, {"0731", "0734", "0736", "0745"}},
    {"四川省", "川", "成都市", "61", 9, {"028", "0816", "0817", "0838"}},
    {"广东省", "粤", "广州市", "51", 9, {"020", "0755", "0757", "0760"}},
    {"安徽省", "皖", "合肥市", "23", 9, {"0551", "0552", "0553", "0556"}},
    {"陕西省", "陕", "西安市", "71", 9, {"029", "0917", "0913", "0916"}},
    {"河北省", "冀", "石家庄市", "05", 9, {"0311", "0312", "0335", "0313"}},
};

/* Place-name syllables: none is a region suffix, a digit, or a word the
 * parser or the narrative checks give a meaning to. */
static const char *const syl_a[] = {
    "松", "江", "平", "安", "清", "临", "华", "泰", "昌", "丰", "德", "兴",
    "永", "鹤", "凤", "云", "青", "白", "金", "龙", "桂", "梅", "桃", "柳",
    "石", "嘉", "通", "海", "河", "宝", "阜", "洪", "乐", "秀", "沙", "岚"};
static const char *const syl_b[] = {
    "阳", "源", "川", "江", "山", "河", "林", "城", "原", "泉", "宁", "丰",
    "都", "台", "水", "岭", "溪", "湖", "口", "浦", "峰", "谷", "泽", "田",
    "陵", "南", "北", "东", "西", "坪", "塘", "桥", "滨", "冈", "庄", "陂"};

static const char *const roads[] = {"人民路", "中山路",   "解放大街", "建设路",
                                    "和平路", "胜利大街", "文化路",   "民主路",
                                    "光明路", "振兴路",   "创新一路", "长江路"};

/* Departments of a city or county government (局/委员会) and of a
 * province (厅/委员会). */
static const char *const depts_local[] = {
    "教育局",           "自然资源局",       "财政局",
    "民政局",           "司法局",           "交通运输局",
    "农业农村局",       "水利局",           "商务局",
    "文化和旅游局",     "卫生健康委员会",   "市场监督管理局",
    "生态环境局",       "住房和城乡建设局", "人力资源和社会保障局",
    "发展和改革委员会", "审计局",           "统计局",
    "医疗保障局",       "应急管理局",
};
static const char *const depts_province[] = {
    "教育厅",     "自然资源厅", "财政厅", "民政厅", "司法厅",
    "交通运输厅", "水利厅",     "商务厅", "审计厅", "卫生健康委员会",
};

static const char *const email_domains[] = {"126.com", "163.com", "qq.com",
                                            "sina.com"};

void
ogi__gen_province(const ogi__gen_t *g, const char **name, const char **abbr)
{
    *name = provinces[g->prov].name;
    *abbr = provinces[g->prov].abbr;
}

/* ---- small helpers ---- */

/* A value in [0, max] skewed toward small ones. */
int64_t
ogi__gen_skew(ogi__gen_t *g, int64_t max)
{
    if (max <= 0)
        return 0;
    return rnd(g, 0, rnd(g, 0, max));
}

/* Scale for magnitudes by the agency's level. */
int64_t
ogi__gen_level_scale(const ogi__gen_t *g, int64_t province, int64_t city, int64_t county,
            int64_t township, int64_t dept)
{
    switch (g->kind) {
        case OGI__AG_PROVINCE:
            return province;
        case OGI__AG_CITY:
            return city;
        case OGI__AG_COUNTY:
            return county;
        case OGI__AG_TOWNSHIP:
            return township;
        case OGI__AG_DEPT:
            break;
    }
    return dept;
}

long
ogi__gen_row_of(ogi_table_id_t id, const char *key)
{
    long r = ogi_skeleton_row_index(id, key);
    assert(r >= 0);
    return r;
}

size_t
ogi__gen_col_of(ogi_table_id_t id, const char *key)
{
    long c = ogi_skeleton_col_index(id, key);
    assert(c >= 0);
    return (size_t)c;
}

/* Two syllables, the second different from the first. */
static char *
place_name(ogi__gen_t *g, const char *suffix)
{
    const char *a = OGI__PICK(&g->rng, syl_a);
    const char *b;
    do {
        b = OGI__PICK(&g->rng, syl_b);
    } while (strcmp(a, b) == 0);
    /* a, b: one ideograph each, from the tables above */
    return ogi__gen_strf(g, "%s%s%s", a, b, suffix);
}

/* ---- who, where, when ---- */

static void
pick_year(ogi__gen_t *g)
{
    switch (g->opts.format) {
        case OGI_FORMAT_2019:
            g->year = (int)rnd(g, 2019, 2020);
            break;
        case OGI_FORMAT_2021:
            g->year = (int)rnd(g, 2021, 2025);
            break;
        case OGI_FORMAT_UNKNOWN:
            g->year = (int)rnd(g, 2019, 2025);
            break;
    }
    g->format = g->year <= 2020 ? OGI_FORMAT_2019 : OGI_FORMAT_2021;
}

/* The agency: its kind, its name as the title prints it and canonical. */
static void
pick_agency(ogi__gen_t *g)
{
    const province_t *pv = &provinces[g->prov];
    int notitle = g->opts.layout == OGI_GEN_NOTITLE;
    /* without a title the agency is read from a signature "…人民政府办公室",
     * which departments and 街道 do not have */
    unsigned w[] = {6, 18, 40, 16, 20};
    if (notitle)
        w[OGI__AG_DEPT] = 0;
    unsigned tot = 0;
    for (size_t i = 0; i < OGI_ARRAY_LEN(w); i++)
        tot += w[i];
    unsigned x = (unsigned)rnd(g, 0, tot - 1);
    size_t k = 0;
    while (x >= w[k])
        x -= w[k++];
    g->kind = (ogi__agency_kind_t)k;

    char *city = place_name(g, "市");
    char *county = NULL;
    do {
        county = place_name(g, chance(g, 2, 3) ? "区" : "县");
    } while (!g->oom && strncmp(county, city, 6) == 0);
    g->city = city;
    const char *name = NULL, *full = NULL, *gov = "人民政府";
    switch (g->kind) {
        case OGI__AG_PROVINCE:
            g->city = pv->capital;
            name = pv->name;
            full = ogi__gen_strf(g, "%s%s", pv->name, gov);
            g->we = "我省";
            g->whole = "全省";
            break;
        case OGI__AG_CITY:
            name = city;
            full = ogi__gen_strf(g, "%s%s", city, gov);
            g->we = "我市";
            g->whole = "全市";
            break;
        case OGI__AG_COUNTY:
            /* a county-level city is told from a city only by the city
             * above it ("苏州市昆山市"), so it is always printed with it */
            if (chance(g, 1, 6))
                county = place_name(g, "市");
            name = chance(g, 1, 2) || strstr(county, "市")
                       ? ogi__gen_strf(g, "%s%s", city, county)
                       : county;
            full = ogi__gen_strf(g, "%s%s", name, gov);
            g->we = strstr(county, "县")   ? "我县"
                    : strstr(county, "区") ? "我区"
                                           : "我市";
            g->whole = strstr(county, "县")   ? "全县"
                       : strstr(county, "区") ? "全区"
                                              : "全市";
            break;
        case OGI__AG_TOWNSHIP: {
            int street = !notitle && chance(g, 1, 3);
            char *town = place_name(g, street            ? "街道"
                                       : chance(g, 3, 4) ? "镇"
                                                         : "乡");
            name =
                chance(g, 1, 2) ? ogi__gen_strf(g, "%s%s", county, town) : town;
            full = ogi__gen_strf(g, "%s%s", name, street ? "办事处" : gov);
            g->we = street ? "我街道" : strstr(town, "镇") ? "我镇" : "我乡";
            g->whole = street ? "全街道" : strstr(town, "镇") ? "全镇" : "全乡";
            break;
        }
        case OGI__AG_DEPT: {
            int prov_level = chance(g, 1, 5);
            const char *d = prov_level ? OGI__PICK(&g->rng, depts_province)
                                       : OGI__PICK(&g->rng, depts_local);
            const char *parent = prov_level ? pv->name
                                 : chance(g, 1, 2)
                                     ? city
                                     : ogi__gen_strf(g, "%s%s", city, county);
            if (prov_level)
                g->city = pv->capital;
            name = ogi__gen_strf(g, "%s%s", parent, d);
            full = name;
            g->we = strstr(d, "委员会") ? "我委"
                    : strstr(d, "厅")   ? "我厅"
                                        : "我局";
            g->whole = "全系统";
            break;
        }
    }
    /* the title prints the short name or the full one */
    g->agency = full;
    g->title_name = (g->kind != OGI__AG_DEPT && chance(g, 1, 3)) ? full : name;
    if (g->kind == OGI__AG_DEPT ||
        (g->kind == OGI__AG_TOWNSHIP && full && strstr(full, "办事处")))
        g->office = chance(g, 1, 2) ? ogi__gen_strf(g, "%s办公室", full) : full;
    else
        g->office = ogi__gen_strf(g, "%s办公室", full);
}

static void
pick_contact(ogi__gen_t *g)
{
    const province_t *pv = &provinces[g->prov];
    /* the capital's area code for the province and its departments */
    int capital = g->kind == OGI__AG_PROVINCE ||
                  (g->city && strcmp(g->city, pv->capital) == 0);
    const char *area = capital ? pv->areas[0] : OGI__PICK(&g->rng, pv->areas);
    int digits = strlen(area) == 3 ? 8 : 7;
    char num[16];
    num[0] = (char)('2' + rnd(g, 0, 6)); /* local numbers start 2-8 */
    for (int i = 1; i < digits; i++)
        num[i] = (char)('0' + rnd(g, 0, 9));
    num[digits] = '\0';
    g->phone = ogi__gen_strf(g, "%s-%s", area, num);
    switch (rnd(g, 0, 5)) {
        case 0:
            g->phone_printed = ogi__gen_strf(g, "%s—%s", area, num);
            break;
        case 1:
            g->phone_printed = ogi__gen_strf(g, "（%s）%s", area, num);
            break;
        default:
            g->phone_printed = g->phone;
            break;
    }
    /* one draw per statement: the order in which a call's arguments are
     * evaluated is unspecified, and compilers differ */
    int p3 = (int)rnd(g, 0, pv->postal3_max);
    int p4 = (int)rnd(g, 0, 9);
    const char *p56 = chance(g, 2, 3) ? "00" : "01";
    g->postal = ogi__gen_strf(g, "%s%d%d%s", pv->postal, p3, p4, p56);
    char local[12];
    int n = (int)rnd(g, 4, 8);
    for (int i = 0; i < n; i++)
        local[i] = (char)('a' + rnd(g, 0, 25));
    local[n] = '\0';
    if (chance(g, 1, 3)) {
        char dom[8];
        int m = (int)rnd(g, 2, 5);
        for (int i = 0; i < m; i++)
            dom[i] = (char)('a' + rnd(g, 0, 25));
        dom[m] = '\0';
        g->email = ogi__gen_strf(g, "%s@%s.gov.cn", local, dom);
    } else {
        g->email =
            ogi__gen_strf(g, "%s@%s", local, OGI__PICK(&g->rng, email_domains));
    }
    /* the address: the city (the county too when the agency sits in
     * one), a road, a number */
    const char *where = g->city;
    if (g->agency && g->kind != OGI__AG_PROVINCE && g->kind != OGI__AG_CITY &&
        strstr(g->title_name, g->city))
        where = g->title_name;
    if (g->kind == OGI__AG_PROVINCE)
        where = chance(g, 1, 2)
                    ? ogi__gen_strf(g, "%s%s", pv->name, pv->capital)
                    : pv->capital;
    if (g->kind == OGI__AG_DEPT || g->kind == OGI__AG_TOWNSHIP)
        where = g->city;
    const char *road = OGI__PICK(&g->rng, roads);
    int number = (int)rnd(g, 1, 399);
    g->address = ogi__gen_strf(g, "%s%s%d号", where, road, number);
    g->contact_in_other = chance(g, 1, 4);
}

static void
pick_date(ogi__gen_t *g)
{
    g->signature = chance(g, 3, 4);
    if (chance(g, 1, 4) && g->opts.layout != OGI_GEN_NOTITLE) {
        g->pub_y = 0; /* no date printed (seeds 0, 1, 3, 4) */
        return;
    }
    g->pub_y = g->year + 1;
    int dept = g->kind == OGI__AG_DEPT;
    /* most are on time (1月31日 departments, 3月31日 governments) */
    int late = chance(g, 1, 12);
    if (dept) {
        g->pub_m = late ? (int)rnd(g, 2, 3) : 1;
        g->pub_d = late ? (int)rnd(g, 1, 28) : (int)rnd(g, 5, 31);
    } else {
        g->pub_m = late ? 4 : (int)rnd(g, 1, 3);
        g->pub_d =
            late ? (int)rnd(g, 1, 20)
                 : (int)rnd(g, g->pub_m == 1 ? 10 : 1, g->pub_m == 2 ? 28 : 31);
    }
    g->date_style = (int)rnd(g, 0, 5) == 0 ? 1 : 0;
    if (g->date_style == 0 && chance(g, 1, 8))
        g->date_style = 2;
}

/* ---- layouts that change what the parser must read ---- */

static const char *const placeholders[] = {"—", "/", "无", "-", "--", "不适用"};

static int
alloc_texts(ogi__gen_t *g, ogi_table_id_t id)
{
    if (g->cell_text[id])
        return 0;
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    g->cell_text[id] =
        ogi_arena_calloc(g->arena, sk->nrows * sk->ncols, sizeof(char *));
    return g->cell_text[id] ? 0 : OGI_ENOMEM;
}

/* Prints cell (id, row, col), which holds 0, as a blank or a placeholder;
 * the truth reads null. */
static int
blank_cell(ogi__gen_t *g, ogi_table_id_t id, size_t row, size_t col,
           int allow_empty)
{
    int rc = alloc_texts(g, id);
    if (rc)
        return rc;
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    ogi_cell_t *c = ogi__gen_cell(g, id, row, col);
    int empty = allow_empty && chance(g, 1, 2);
    /* a blank last cell of a tab-separated row cannot be told from the
     * trailing tabs many rows end with: placeholders there */
    if (g->base == OGI__BASE_TABROW && col + 1 == sk->ncols)
        empty = 0;
    c->state = empty ? OGI_CELL_EMPTY : OGI_CELL_NA;
    c->value = 0;
    c->scale = 0;
    c->unit = 0;
    g->cell_text[id][row * sk->ncols + col] =
        empty ? "" : OGI__PICK(&g->rng, placeholders);
    return 0;
}

static int
apply_blanks(ogi__gen_t *g)
{
    /* zeros left blank or written as a placeholder (上海 2019, seed 4);
     * some agencies leave every zero blank, so whole rows and whole
     * columns (the five organisations) come out empty */
    unsigned pct = (unsigned)rnd(g, 10, 60);
    if (pct >= 55)
        pct = 100;
    int allow_empty = chance(g, 3, 4);
    const ogi_table_id_t t34[] = {OGI_T3, OGI_T4};
    int rc;
    for (size_t k = 0; k < OGI_ARRAY_LEN(t34); k++) {
        const ogi_skel_table_t *sk = ogi_skeleton_table(t34[k]);
        for (size_t row = 0; row < sk->nrows; row++) {
            if (!ogi_report_row_in_shape(g->truth, t34[k], row))
                continue;
            for (size_t c = 0; c < sk->ncols; c++) {
                ogi_cell_t *cell = ogi__gen_cell(g, t34[k], row, c);
                if (cell->state == OGI_CELL_NUM && cell->value == 0 &&
                    chance(g, pct, 100) &&
                    (rc = blank_cell(g, t34[k], row, c, allow_empty)))
                    return rc;
            }
        }
    }
    /* sometimes a Table 2 row of zeros too ((八) "—" "—") */
    if (chance(g, 1, 3)) {
        size_t n;
        const ogi_table_id_t *ids = ogi_skeleton_active(g->format, &n);
        ogi_table_id_t id = ids[rnd(g, 0, (int64_t)n - 1)];
        const ogi_skel_table_t *sk = ogi_skeleton_table(id);
        size_t row = (size_t)rnd(g, 0, (int64_t)sk->nrows - 1);
        for (size_t c = 0; c < sk->ncols; c++) {
            ogi_cell_t *cell = ogi__gen_cell(g, id, row, c);
            if (cell->state == OGI_CELL_NUM && cell->value == 0 &&
                cell->unit == 0 &&
                (rc = blank_cell(g, id, row, c, allow_empty)))
                return rc;
        }
    }
    return 0;
}

/* ---- the layout's choices that the truth depends on ---- */

static int
layout_choices(ogi__gen_t *g)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    g->nolabel_row = -1;
    g->missing_row = -1;
    g->pagebreak_row = -1;
    if (g->opts.layout == OGI_GEN_NOLABEL) {
        /* the first row under a group label (seed 0: 1.属于国家秘密) */
        long cand[8];
        size_t n = 0;
        for (size_t row = 1; row < sk->nrows; row++) {
            int group = (sk->rows[row - 1].flags & OGI_ROW_GROUP) ||
                        ((sk->rows[row - 1].flags & OGI_ROW_OTHER1) &&
                         g->format == OGI_FORMAT_2021);
            if (group && ogi_report_row_in_shape(g->truth, OGI_T3, row) &&
                strcmp(sk->rows[row].key, "granted") != 0)
                cand[n++] = (long)row;
        }
        g->nolabel_row = cand[rnd(g, 0, (int64_t)n - 1)];
    }
    if (g->opts.layout == OGI_GEN_PAGEBREAK) {
        long cand[32];
        size_t n = 0;
        for (size_t row = 0; row < sk->nrows; row++) {
            const char *l = sk->rows[row].label;
            if (ogi_report_row_in_shape(g->truth, OGI_T3, row) &&
                strlen(l) >= 15 && !(sk->rows[row].flags & OGI_ROW_SHORTKEY))
                cand[n++] = (long)row;
        }
        g->pagebreak_row = cand[rnd(g, 0, (int64_t)n - 1)];
    }
    if (g->opts.layout == OGI_GEN_JUNK && g->format == OGI_FORMAT_2019 &&
        chance(g, 1, 3)) {
        /* seed 1: the (九) values replaced by a pasted line */
        g->junk_procurement = 1;
        size_t row = (size_t)ogi__gen_row_of(OGI_T2_19_9, "central_procurement");
        const ogi_skel_table_t *s9 = ogi_skeleton_table(OGI_T2_19_9);
        for (size_t c = 0; c < s9->ncols; c++) {
            ogi_cell_t *x = ogi__gen_cell(g, OGI_T2_19_9, row, c);
            memset(x, 0, sizeof(*x));
        }
    }
    if (g->opts.layout == OGI_GEN_BLANKS)
        return apply_blanks(g);
    /* pages saved from agency sites leave zeros blank (&nbsp;) or write a
     * placeholder too (上海 2019) */
    if (g->opts.layout == OGI_GEN_HTML && chance(g, 1, 3))
        return apply_blanks(g);
    return 0;
}

/* ---- the meta the parser must read ---- */

static int
fill_meta(ogi__gen_t *g)
{
    ogi_meta_t *m = &g->truth->meta;
    ogi_arena_t *a = g->arena;
    m->agency = ogi_arena_strdup(a, g->agency);
    m->year = g->year;
    m->period_year = g->year;
    m->title_year = g->opts.layout == OGI_GEN_NOTITLE ? 0 : g->year;
    m->format = g->format;
    if (g->pub_y)
        m->published_on =
            ogi__gen_strf(g, "%04d-%02d-%02d", g->pub_y, g->pub_m, g->pub_d);
    static const ogi_level_t levels[] = {OGI_LEVEL_PROVINCE, OGI_LEVEL_CITY,
                                         OGI_LEVEL_COUNTY, OGI_LEVEL_TOWNSHIP,
                                         OGI_LEVEL_DEPARTMENT};
    m->admin_level = levels[g->kind];
    m->province = ogi_arena_strdup(a, provinces[g->prov].name);
    m->phones[0] = ogi_arena_strdup(a, g->phone);
    m->nphones = 1;
    m->postal_code = ogi_arena_strdup(a, g->postal);
    m->email = ogi_arena_strdup(a, g->email);
    m->address = ogi_arena_strdup(a, g->address);
    if (!m->agency || !m->province || !m->phones[0] || !m->postal_code ||
        !m->email || !m->address)
        return OGI_ENOMEM;
    return 0;
}

int
ogi__gen_content(ogi__gen_t *g)
{
    pick_year(g);
    g->prov = (int)rnd(g, 0, (int64_t)OGI_ARRAY_LEN(provinces) - 1);
    pick_agency(g);
    pick_contact(g);
    pick_date(g);
    if (g->oom)
        return OGI_ENOMEM;
    int rc = ogi__gen_table_active(g);
    if (!rc)
        rc = ogi__gen_table_apply(g);
    if (!rc)
        rc = ogi__gen_table_appeal(g);
    if (!rc)
        rc = layout_choices(g);
    if (rc)
        return rc;
    g->error = OGI_GEN_ERR_NONE;
    /* the error is drawn from a PRNG of its own, so that the same seed
     * gives the same report with and without errors */
    ogi__rng_t keep = g->rng;
    g->rng.s ^= 0x5DEECE66Dull;
    uint64_t x = ogi__rng_next(&g->rng) >> 11; /* 53 bits */
    int hit = (double)x < g->opts.error_rate * 9007199254740992.0;
    if (hit && (rc = ogi__gen_inject(g)))
        return rc;
    g->rng = keep;
    ogi__gen_write_overview(g);
    ogi__gen_write_active(g);
    ogi__gen_write_apply(g);
    ogi__gen_write_appeal(g);
    ogi__gen_write_problems(g);
    ogi__gen_write_other(g);
    if (hit && g->error == OGI_GEN_ERR_NARRATIVE) {
        /* the fact to make wrong is drawn from the error PRNG too */
        ogi__rng_t k2 = g->rng;
        g->rng.s ^= 0xA5A5A5A5ull;
        rc = ogi__gen_fill_facts(g);
        g->rng = k2;
    } else {
        rc = ogi__gen_fill_facts(g);
    }
    if (rc)
        return rc;
    rc = fill_meta(g);
    return g->oom ? OGI_ENOMEM : rc;
}
