/*
 * review.c - ogi report: the annual review page (include/ogi/review.h).
 *
 * Reads only the reporting views of deploy/sql/011_reporting.sql and the
 * findings table, with the filter as statement parameters $1 (the year
 * reviewed), $2 (province), $3 (division pattern). Statements are put
 * together from constant pieces only (the region expression of the
 * filter's mode). The page is one file: style, tables, the chart data as
 * JSON, Apache ECharts with its licence, and a short script that draws
 * each chart and records how many bars or points it drew.
 */
#include "ogi_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db_int.h"
#include "export_int.h"
#include "ogi/error.h"
#include "ogi/review.h"
#include "ogi/rules.h"

extern const unsigned char ogi__echarts_js[], ogi__echarts_license[];
extern const size_t ogi__echarts_js_len, ogi__echarts_license_len;
extern const char ogi__echarts_version[];

const char *
ogi_review_echarts_version(void)
{
    return ogi__echarts_version;
}

/* The place filter ($2, $3) on a view with province and division_code;
 * $1 is the year reviewed. */
#define PLACE                                                                  \
    "($2::text IS NULL OR province = $2 OR starts_with(province, $2))"         \
    " AND ($3::text IS NULL OR division_code LIKE $3)"

/* The region a row belongs to: provinces when no place is given,
 * prefectures within a province, divisions within a division. */
static const char *const region_expr[] = {
    "coalesce(province, '国家机关')",
    "coalesce(prefecture, province || '本级')",
    "coalesce(county, prefecture, province, '国家机关')",
};

typedef struct {
    ogi_db_t *db;
    FILE *out;
    ogi__export_params_t p; /* $1 the year reviewed, $2, $3 */
    const char *region;     /* region_expr[mode] */
    json_t *charts;         /* the charts' data, in page order */
    int year;
    int rc;
} page_t;

/* ---- output ---- */

static void
put(page_t *pg, const char *s)
{
    fputs(s, pg->out);
}

/* s with & < > " ' as entities. */
static void
esc(page_t *pg, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
            case '&':
                put(pg, "&amp;");
                break;
            case '<':
                put(pg, "&lt;");
                break;
            case '>':
                put(pg, "&gt;");
                break;
            case '"':
                put(pg, "&quot;");
                break;
            case '\'':
                put(pg, "&#39;");
                break;
            default:
                putc(*s, pg->out);
        }
    }
}

static int
run_with(page_t *pg, const char *sql, int n, const char *const *values,
         PGresult **res)
{
    *res = NULL;
    if (pg->rc)
        return pg->rc;
    pg->rc = ogi__db_run(pg->db, "could not read the reporting views", sql, n,
                         values, NULL, NULL, PGRES_TUPLES_OK, res);
    return pg->rc;
}

/* Runs sql with the filter's $1..$3. */
static int
run(page_t *pg, const char *sql, PGresult **res)
{
    return run_with(pg, sql, 3, pg->p.values, res);
}

static const char *
cell(const PGresult *res, int r, int c)
{
    return PQgetisnull(res, r, c) ? NULL : PQgetvalue(res, r, c);
}

/* <td> of a number (right-aligned), "—" when NULL. */
static void
td_num(page_t *pg, const PGresult *res, int r, int c)
{
    const char *v = cell(res, r, c);
    put(pg, "<td class=\"n\">");
    esc(pg, v ? v : "—");
    put(pg, "</td>");
}

static void
td_text(page_t *pg, const char *v)
{
    put(pg, "<td>");
    esc(pg, v ? v : "—");
    put(pg, "</td>");
}

static void
thead(page_t *pg, const char *const *labels, size_t n)
{
    put(pg, "<table><thead><tr>");
    for (size_t i = 0; i < n; i++) {
        put(pg, "<th>");
        esc(pg, labels[i]);
        put(pg, "</th>");
    }
    put(pg, "</tr></thead><tbody>\n");
}

/* A cell as a JSON number, or null. */
static json_t *
jnum(const PGresult *res, int r, int c)
{
    const char *v = cell(res, r, c);
    if (!v)
        return json_null();
    return json_real(strtod(v, NULL));
}

/* ---- charts ---- */

/* A chart: its container, and its data for the page's script. kind is
 * "stack" (stacked bars), "bar", "hbar" (horizontal bars) or "line". */
static json_t *
chart_new(page_t *pg, const char *id, const char *kind, const char *unit)
{
    json_t *c = json_pack("{s:s, s:s, s:s, s:[], s:[]}", "id", id, "kind", kind,
                          "unit", unit ? unit : "", "categories", "series");
    if (!c || json_array_append_new(pg->charts, c)) {
        pg->rc = OGI_ENOMEM;
        return NULL;
    }
    return c;
}

static json_t *
chart_series(page_t *pg, json_t *chart, const char *name)
{
    json_t *s = json_pack("{s:s, s:[]}", "name", name, "data");
    if (!s || json_array_append_new(json_object_get(chart, "series"), s)) {
        json_decref(s);
        pg->rc = OGI_ENOMEM;
        return NULL;
    }
    return json_object_get(s, "data");
}

static void
append(page_t *pg, json_t *array, json_t *v)
{
    if (!v || !array || json_array_append_new(array, v))
        pg->rc = OGI_ENOMEM;
}

/* Bars or points the chart must draw: its non-null values. */
static size_t
chart_expected(json_t *chart)
{
    size_t n = 0, i, j;
    json_t *s, *v;
    json_array_foreach(json_object_get(chart, "series"), i, s)
        json_array_foreach(json_object_get(s, "data"), j, v) n +=
        !json_is_null(v);
    return n;
}

/* The chart's container, or a note when it has nothing to draw. */
static void
chart_div(page_t *pg, json_t *chart, const char *title)
{
    if (!chart)
        return;
    size_t expected = chart_expected(chart);
    if (expected == 0) {
        put(pg, "<p class=\"none\">");
        esc(pg, title);
        put(pg, ": 无数据</p>\n");
        json_object_set_new(chart, "skip", json_true());
        return;
    }
    put(pg, "<figure><figcaption>");
    esc(pg, title);
    fprintf(pg->out,
            "</figcaption><div class=\"chart\" id=\"%s\" "
            "data-expected=\"%zu\"></div></figure>\n",
            json_string_value(json_object_get(chart, "id")), expected);
}

/* ---- sections ---- */

static const char *const apply_labels[] = {
    "地区",     "年度",     "报告数",   "新收申请", "上年结转",
    "予以公开", "部分公开", "不予公开", "无法提供", "不予处理",
    "其他处理", "办理总计", "结转下年"};
/* the result columns of the stacked chart: their index in the query */
static const char *const outcome_names[] = {"予以公开", "部分公开", "不予公开",
                                            "无法提供", "不予处理", "其他处理"};

static void
section_apply(page_t *pg)
{
    char sql[2048];
    snprintf(sql, sizeof(sql),
             "SELECT %s AS region, year, sum(reports), sum(new_received),"
             " sum(carried_over), sum(granted), sum(partial), sum(denied),"
             " sum(unable), sum(rejected), sum(other), sum(result_total),"
             " sum(carry_forward), min(division_code)"
             " FROM apply_by_region"
             " WHERE (year = $1::int OR year = $1::int - 1) AND " PLACE
             " GROUP BY 1, 2 ORDER BY min(division_code), 1, year DESC",
             pg->region);
    PGresult *res;
    if (run(pg, sql, &res))
        return;
    put(pg, "<section id=\"apply\"><h2>一、政府信息公开申请的收到与办理</h2>\n"
            "<p>按地区汇总各机关现行报告表三的“总计”列; 本年与上一年度.</p>\n");
    json_t *chart = chart_new(pg, "chart-apply", "stack", "件");
    json_t *series[6] = {0};
    for (int i = 0; i < 6 && chart; i++)
        series[i] = chart_series(pg, chart, outcome_names[i]);
    int n = PQntuples(res);
    for (int r = 0; r < n && chart && !pg->rc; r++) {
        if (atoi(PQgetvalue(res, r, 1)) != pg->year)
            continue;
        append(pg, json_object_get(chart, "categories"),
               json_string(PQgetvalue(res, r, 0)));
        for (int i = 0; i < 6; i++)
            append(pg, series[i], jnum(res, r, 5 + i));
    }
    char title[128];
    snprintf(title, sizeof(title), "%d年 各地区申请办理结果 (件)", pg->year);
    chart_div(pg, chart, title);
    thead(pg, apply_labels, 13);
    for (int r = 0; r < n; r++) {
        put(pg, "<tr>");
        td_text(pg, cell(res, r, 0));
        for (int c = 1; c <= 12; c++)
            td_num(pg, res, r, c);
        put(pg, "</tr>\n");
    }
    put(pg, "</tbody></table></section>\n");
    PQclear(res);
}

static const char *const appeal_labels[] = {"地区",
                                            "年度",
                                            "复议 维持",
                                            "复议 纠正",
                                            "复议 其他",
                                            "复议 未结",
                                            "复议 总计",
                                            "直接起诉 维持",
                                            "直接起诉 纠正",
                                            "直接起诉 其他",
                                            "直接起诉 未结",
                                            "直接起诉 总计",
                                            "复议后起诉 维持",
                                            "复议后起诉 纠正",
                                            "复议后起诉 其他",
                                            "复议后起诉 未结",
                                            "复议后起诉 总计"};

static void
section_appeal(page_t *pg)
{
    char sql[2048];
    snprintf(sql, sizeof(sql),
             "SELECT %s AS region, year,"
             " sum(review_upheld), sum(review_corrected), sum(review_other),"
             " sum(review_pending), sum(review_total),"
             " sum(suit_direct_upheld), sum(suit_direct_corrected),"
             " sum(suit_direct_other), sum(suit_direct_pending),"
             " sum(suit_direct_total),"
             " sum(suit_after_review_upheld),"
             " sum(suit_after_review_corrected),"
             " sum(suit_after_review_other),"
             " sum(suit_after_review_pending),"
             " sum(suit_after_review_total), min(division_code)"
             " FROM appeal_by_region"
             " WHERE (year = $1::int OR year = $1::int - 1) AND " PLACE
             " GROUP BY 1, 2 ORDER BY min(division_code), 1, year DESC",
             pg->region);
    PGresult *res;
    if (run(pg, sql, &res))
        return;
    put(pg, "<section id=\"appeal\"><h2>二、行政复议与行政诉讼</h2>\n"
            "<p>因政府信息公开工作被申请行政复议、提起行政诉讼的情况 "
            "(表四) 及其结果.</p>\n");
    /* the year's totals: blocks on the axis, outcomes as series */
    static const char *const blocks[] = {"行政复议", "未经复议直接起诉",
                                         "复议后起诉"};
    static const char *const results[] = {"结果维持", "结果纠正", "其他结果",
                                          "尚未审结"};
    json_t *chart = chart_new(pg, "chart-appeal", "bar", "件");
    double sum[3][4] = {{0}};
    int seen[3][4] = {{0}};
    int n = PQntuples(res);
    for (int r = 0; r < n; r++) {
        if (atoi(PQgetvalue(res, r, 1)) != pg->year)
            continue;
        for (int b = 0; b < 3; b++)
            for (int k = 0; k < 4; k++) {
                const char *v = cell(res, r, 2 + b * 5 + k);
                if (v) {
                    sum[b][k] += strtod(v, NULL);
                    seen[b][k] = 1;
                }
            }
    }
    for (int b = 0; b < 3 && chart; b++)
        append(pg, json_object_get(chart, "categories"),
               json_string(blocks[b]));
    for (int k = 0; k < 4 && chart; k++) {
        json_t *s = chart_series(pg, chart, results[k]);
        for (int b = 0; b < 3; b++)
            append(pg, s, seen[b][k] ? json_real(sum[b][k]) : json_null());
    }
    char title[128];
    snprintf(title, sizeof(title), "%d年 行政复议与行政诉讼结果 (件)",
             pg->year);
    chart_div(pg, chart, title);
    thead(pg, appeal_labels, 17);
    for (int r = 0; r < n; r++) {
        put(pg, "<tr>");
        td_text(pg, cell(res, r, 0));
        for (int c = 1; c <= 16; c++)
            td_num(pg, res, r, c);
        put(pg, "</tr>\n");
    }
    put(pg, "</tbody></table></section>\n");
    PQclear(res);
}

static void
section_rules(page_t *pg, size_t *reports)
{
    static const char sql[] =
        "WITH n AS (SELECT count(*) AS n FROM report_overview"
        " WHERE year = $1::int AND " PLACE "),"
        " f AS (SELECT rule, sum(reports) AS reports FROM findings_by_rule"
        " WHERE severity = 'error' AND year = $1::int AND " PLACE
        " GROUP BY rule)"
        " SELECT n.n, f.rule, f.reports,"
        " round(100.0 * f.reports / nullif(n.n, 0), 1)"
        " FROM n LEFT JOIN f ON true"
        " ORDER BY f.reports DESC, f.rule";
    PGresult *res;
    if (run(pg, sql, &res))
        return;
    int n = PQntuples(res);
    *reports = n > 0 ? strtoul(PQgetvalue(res, 0, 0), NULL, 10) : 0;
    fprintf(pg->out,
            "<section id=\"rules\"><h2>三、报告中的错误 (按规则)</h2>\n"
            "<p>%d年现行报告 %zu 份; 下表为出现某规则错误级问题的报告所占比例. "
            "规则含义见 <code>ogi rules</code>.</p>\n",
            pg->year, *reports);
    json_t *chart = chart_new(pg, "chart-rules", "bar", "%");
    json_t *s = chart ? chart_series(pg, chart, "有此错误的报告占比") : NULL;
    static const char *const labels[] = {"规则", "说明", "报告数", "占比 (%)"};
    thead(pg, labels, 4);
    for (int r = 0; r < n; r++) {
        const char *rule = cell(res, r, 1);
        if (!rule)
            continue;
        append(pg, json_object_get(chart, "categories"), json_string(rule));
        append(pg, s, jnum(res, r, 3));
        const ogi_rule_t *def = ogi_rules_find(rule);
        put(pg, "<tr>");
        td_text(pg, rule);
        td_text(pg, def ? def->summary : NULL);
        td_num(pg, res, r, 2);
        td_num(pg, res, r, 3);
        put(pg, "</tr>\n");
    }
    put(pg, "</tbody></table>\n");
    char title[128];
    snprintf(title, sizeof(title), "%d年 有错误的报告占比, 按规则 (%%)",
             pg->year);
    chart_div(pg, chart, title);
    put(pg, "</section>\n");
    PQclear(res);
}

/* The findings of one report, under its anchor. */
static void
agency_findings(page_t *pg, int idx, const char *name, const char *doc_key)
{
    static const char sql[] =
        "SELECT seq, rule, severity, path, message FROM findings"
        " WHERE doc_key = $1 AND severity IN ('error', 'warning')"
        " ORDER BY (severity = 'error') DESC, seq LIMIT 200";
    PGresult *res;
    if (run_with(pg, sql, 1, &doc_key, &res))
        return;
    fprintf(pg->out, "<h3 id=\"agency-%d\">", idx);
    esc(pg, name);
    put(pg, "</h3>\n<p class=\"key\">文档键 ");
    esc(pg, doc_key);
    put(pg, "</p>\n");
    static const char *const labels[] = {"序号", "规则", "严重程度", "位置",
                                         "说明"};
    thead(pg, labels, 5);
    for (int r = 0; r < PQntuples(res); r++) {
        const char *sev = PQgetvalue(res, r, 2);
        put(pg, "<tr>");
        td_num(pg, res, r, 0);
        td_text(pg, cell(res, r, 1));
        td_text(pg, strcmp(sev, "error") == 0 ? "错误" : "警告");
        td_text(pg, cell(res, r, 3));
        td_text(pg, cell(res, r, 4));
        put(pg, "</tr>\n");
    }
    put(pg, "</tbody></table>\n");
    PQclear(res);
}

#define TOP_AGENCIES 15

static void
section_top(page_t *pg)
{
    static const char sql[] =
        "SELECT agency_key, coalesce(agency, agency_key), doc_key,"
        " division_code, errors, warnings"
        " FROM report_overview WHERE year = $1::int AND " PLACE
        " AND errors + warnings > 0"
        " ORDER BY errors DESC, warnings DESC, agency_key LIMIT 15";
    PGresult *res;
    if (run(pg, sql, &res))
        return;
    fprintf(pg->out,
            "<section id=\"agencies\"><h2>四、问题最多的机关</h2>\n"
            "<p>%d年现行报告中错误与警告最多的机关 (至多 %d 个); "
            "点击机关名称查看其问题.</p>\n",
            pg->year, TOP_AGENCIES);
    json_t *chart = chart_new(pg, "chart-agencies", "hbar", "条");
    json_t *s = chart ? chart_series(pg, chart, "错误与警告") : NULL;
    static const char *const labels[] = {"机关", "机关键", "错误", "警告"};
    thead(pg, labels, 4);
    int n = PQntuples(res);
    for (int r = 0; r < n; r++) {
        fprintf(pg->out, "<tr><td><a href=\"#agency-%d\">", r + 1);
        esc(pg, PQgetvalue(res, r, 1));
        put(pg, "</a></td>");
        td_text(pg, PQgetvalue(res, r, 0));
        td_num(pg, res, r, 4);
        td_num(pg, res, r, 5);
        put(pg, "</tr>\n");
        append(pg, json_object_get(chart, "categories"),
               json_string(PQgetvalue(res, r, 1)));
        append(pg, s,
               json_real(strtod(PQgetvalue(res, r, 4), NULL) +
                         strtod(PQgetvalue(res, r, 5), NULL)));
    }
    put(pg, "</tbody></table>\n");
    char title[128];
    snprintf(title, sizeof(title), "%d年 问题最多的机关 (条)", pg->year);
    chart_div(pg, chart, title);
    put(pg, "<h3>各机关的问题</h3>\n");
    for (int r = 0; r < n && !pg->rc; r++)
        agency_findings(pg, r + 1, PQgetvalue(res, r, 1),
                        PQgetvalue(res, r, 2));
    put(pg, "</section>\n");
    PQclear(res);
}

static void
section_missing(page_t *pg)
{
    static const char sql[] =
        "SELECT year, agency, agency_key, province, prefecture, county,"
        " last_year, others_published FROM missing_reports"
        " WHERE year <= $1::int AND " PLACE
        " ORDER BY year DESC, division_code, agency_key";
    PGresult *res;
    if (run(pg, sql, &res))
        return;
    int n = PQntuples(res);
    fprintf(pg->out,
            "<section id=\"missing\"><h2>五、未发布报告的机关</h2>\n"
            "<p>某机关此前有报告, 而同省其他机关已有某年度报告时, 该机关该年度"
            "尚无报告 (共 %d 条).</p>\n",
            n);
    static const char *const labels[] = {
        "缺报年度", "机关", "机关键",       "省",
        "市",       "县",   "上次报告年度", "同省已发布机关数"};
    thead(pg, labels, 8);
    for (int r = 0; r < n; r++) {
        put(pg, "<tr>");
        td_num(pg, res, r, 0);
        for (int c = 1; c <= 5; c++)
            td_text(pg, cell(res, r, c));
        td_num(pg, res, r, 6);
        td_num(pg, res, r, 7);
        put(pg, "</tr>\n");
    }
    put(pg, "</tbody></table></section>\n");
    PQclear(res);
}

/* Change from before to now, as text: "+12.5%", "—" without a base. */
static void
td_change(page_t *pg, const char *now, const char *before)
{
    char buf[32] = "—";
    if (now && before && strtod(before, NULL) != 0) {
        double b = strtod(before, NULL);
        snprintf(buf, sizeof(buf), "%+.1f%%",
                 100.0 * (strtod(now, NULL) - b) / b);
    }
    put(pg, "<td class=\"n\">");
    esc(pg, buf);
    put(pg, "</td>");
}

static void
section_trend(page_t *pg)
{
    /* every year up to the one reviewed: the line chart */
    static const char sql_years[] =
        "SELECT a.year, sum(a.new_received), sum(a.result_total),"
        " (SELECT sum(q.review_total) FROM appeal_by_region q"
        "   WHERE q.year = a.year AND " PLACE ")"
        " FROM apply_by_region a WHERE a.year <= $1::int AND " PLACE
        " GROUP BY a.year ORDER BY a.year";
    char sql[2048];
    snprintf(sql, sizeof(sql),
             "WITH a AS (SELECT year, %s AS region, min(division_code) AS"
             " code, sum(new_received) AS nr, sum(result_total) AS rt"
             " FROM apply_by_region WHERE (year = $1::int OR year = $1::int"
             " - 1) AND " PLACE " GROUP BY 1, 2),"
             " q AS (SELECT year, %s AS region, sum(review_total) AS rv,"
             " sum(suit_direct_total) + sum(suit_after_review_total) AS st"
             " FROM appeal_by_region WHERE (year = $1::int OR year ="
             " $1::int - 1) AND " PLACE " GROUP BY 1, 2)"
             " SELECT a.region, a.nr, p.nr, a.rt, p.rt, qa.rv, qp.rv, qa.st,"
             " qp.st, p.year IS NOT NULL"
             " FROM a LEFT JOIN a p ON p.region = a.region"
             " AND p.year = a.year - 1"
             " LEFT JOIN q qa ON qa.region = a.region AND qa.year = a.year"
             " LEFT JOIN q qp ON qp.region = a.region AND qp.year = p.year"
             " WHERE a.year = $1::int ORDER BY a.code, a.region",
             pg->region, pg->region);
    PGresult *years, *res;
    if (run(pg, sql_years, &years))
        return;
    if (run(pg, sql, &res)) {
        PQclear(years);
        return;
    }
    fprintf(pg->out,
            "<section id=\"trend\"><h2>六、同比</h2>\n"
            "<p>%d年与%d年相比 (仅列两年均有报告的地区).</p>\n",
            pg->year, pg->year - 1);
    json_t *chart = chart_new(pg, "chart-trend", "line", "件");
    json_t *s1 = chart ? chart_series(pg, chart, "新收申请") : NULL;
    json_t *s2 = chart ? chart_series(pg, chart, "办理总计") : NULL;
    json_t *s3 = chart ? chart_series(pg, chart, "行政复议") : NULL;
    for (int r = 0; r < PQntuples(years) && chart; r++) {
        append(pg, json_object_get(chart, "categories"),
               json_string(PQgetvalue(years, r, 0)));
        append(pg, s1, jnum(years, r, 1));
        append(pg, s2, jnum(years, r, 2));
        append(pg, s3, jnum(years, r, 3));
    }
    chart_div(pg, chart, "各年度 申请与行政复议 (件)");
    static const char *const labels[] = {
        "地区",     "新收申请", "上年", "同比",     "办理总计", "上年", "同比",
        "行政复议", "上年",     "同比", "行政诉讼", "上年",     "同比"};
    thead(pg, labels, 13);
    int without = 0;
    for (int r = 0; r < PQntuples(res); r++) {
        if (PQgetvalue(res, r, 9)[0] != 't') {
            without++;
            continue;
        }
        put(pg, "<tr>");
        td_text(pg, cell(res, r, 0));
        for (int k = 0; k < 4; k++) {
            td_num(pg, res, r, 1 + 2 * k);
            td_num(pg, res, r, 2 + 2 * k);
            td_change(pg, cell(res, r, 1 + 2 * k), cell(res, r, 2 + 2 * k));
        }
        put(pg, "</tr>\n");
    }
    put(pg, "</tbody></table>\n");
    if (without)
        fprintf(
            pg->out,
            "<p class=\"none\">另有 %d 个地区未收录%d年报告, 无法同比.</p>\n",
            without, pg->year - 1);
    put(pg, "</section>\n");
    PQclear(years);
    PQclear(res);
}

/* ---- the page ---- */

static const char style[] =
    "body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;"
    "margin:2em auto;max-width:1200px;color:#222;padding:0 1em}"
    "h1{font-size:1.6em}h2{border-bottom:2px solid #c00;padding-bottom:.2em;"
    "margin-top:2em}table{border-collapse:collapse;margin:1em 0;"
    "font-size:.85em}th,td{border:1px solid #ccc;padding:.25em .5em}"
    "th{background:#f4f4f4}td.n{text-align:right}"
    ".chart{width:100%;height:420px}figure{margin:1em 0}"
    "figcaption{font-weight:bold}.none,.meta,.key{color:#666}"
    "nav a{margin-right:1em}";

/* Draws each chart (SVG renderer, no animation: drawn when setOption
 * returns) and sets data-rendered to the bars or points drawn. */
static const char script[] =
    "(function(){\n"
    "var charts=JSON.parse(document.getElementById('ogi-charts')"
    ".textContent);\n"
    "charts.forEach(function(c){\n"
    "  if(c.skip)return;\n"
    "  var el=document.getElementById(c.id);\n"
    "  var chart=echarts.init(el,null,{renderer:'svg'});\n"
    "  var h=c.kind==='hbar';\n"
    "  var cat={type:'category',data:c.categories,axisLabel:{interval:0,"
    "rotate:(!h&&c.categories.length>6)?30:0}};\n"
    "  var val={type:'value',name:c.unit};\n"
    "  chart.setOption({animation:false,tooltip:{trigger:'axis'},\n"
    "    legend:{top:0},grid:{left:h?180:60,right:30,top:40,bottom:60,"
    "containLabel:false},\n"
    "    xAxis:h?val:cat,yAxis:h?Object.assign(cat,{inverse:true}):val,\n"
    "    series:c.series.map(function(s){return {name:s.name,"
    "type:c.kind==='line'?'line':'bar',stack:c.kind==='stack'?'all':"
    "undefined,data:s.data,barMaxWidth:60,label:{show:c.kind!=='stack',"
    "position:h?'right':'top'}};})});\n"
    "  var n=0;\n"
    "  chart.getModel().eachSeries(function(s){var d=s.getData();"
    "for(var i=0;i<d.count();i++)if(d.getItemGraphicEl(i))n++;});\n"
    "  el.setAttribute('data-rendered',String(n));\n"
    "});\n"
    "document.body.setAttribute('data-charts-done','1');\n"
    "})();\n";

/* The chart data as JSON safe inside <script>: <, > and & escaped (they
 * occur in JSON text only inside strings). */
static void
put_json(page_t *pg, const json_t *j)
{
    char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER |
                                JSON_REAL_PRECISION(15));
    if (!s) {
        pg->rc = OGI_ENOMEM;
        return;
    }
    for (const char *c = s; *c; c++) {
        if (*c == '<')
            put(pg, "\\u003c");
        else if (*c == '>')
            put(pg, "\\u003e");
        else if (*c == '&')
            put(pg, "\\u0026");
        else
            putc(*c, pg->out);
    }
    free(s);
}

int
ogi_review_write(ogi_db_t *db, const ogi_export_filter_t *filter, FILE *out,
                 ogi_review_stats_t *stats)
{
    page_t pg = {.db = db, .out = out};
    if (stats)
        memset(stats, 0, sizeof(*stats));
    if (ogi__export_params(filter, &pg.p))
        return OGI_EINVAL;
    int mode = filter && filter->division ? 2 : filter && filter->province;
    pg.region = region_expr[mode];

    /* the year reviewed: the one asked for, else the latest stored */
    static const char sql_year[] =
        "SELECT max(year) FROM report_overview"
        " WHERE ($1::int IS NULL OR year = $1::int) AND " PLACE;
    ogi__db_clear_error(db);
    PGresult *res;
    if (run(&pg, sql_year, &res))
        return pg.rc;
    pg.year = PQgetisnull(res, 0, 0) ? 0 : atoi(PQgetvalue(res, 0, 0));
    PQclear(res);
    snprintf(pg.p.year, sizeof(pg.p.year), "%d",
             pg.year                  ? pg.year
             : filter && filter->year ? filter->year
                                      : 0);
    pg.p.values[0] = pg.p.year;

    pg.charts = json_array();
    if (!pg.charts)
        return OGI_ENOMEM;

    char scope[256];
    if (filter && filter->province)
        snprintf(scope, sizeof(scope), "%s", filter->province);
    else if (filter && filter->division)
        snprintf(scope, sizeof(scope), "行政区划 %s 及其下级",
                 filter->division);
    else
        snprintf(scope, sizeof(scope), "全部地区");
    char when[64] = "";
    time_t now = time(NULL);
    struct tm tm;
    if (gmtime_r(&now, &tm))
        strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", &tm);

    put(&pg, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
             "<meta charset=\"utf-8\">\n<title>");
    esc(&pg, scope);
    fprintf(out,
            " %d年 政府信息公开工作年度报告汇总</title>\n<style>%s</style>\n"
            "</head>\n<body>\n<h1>",
            pg.year, style);
    esc(&pg, scope);
    fprintf(out,
            " %d年 政府信息公开工作年度报告汇总</h1>\n<p class=\"meta\">"
            "范围: ",
            pg.year);
    esc(&pg, scope);
    fprintf(out, "; 年度: %d; 生成时间: %s; 只计各机关各年度的现行报告.</p>\n",
            pg.year, when);
    size_t reports = 0;
    if (pg.year == 0) {
        put(&pg, "<p class=\"none\">没有符合条件的报告.</p>\n");
    } else {
        put(&pg,
            "<nav><a href=\"#apply\">申请</a><a href=\"#appeal\">复议与诉讼"
            "</a><a href=\"#rules\">错误</a><a href=\"#agencies\">问题最多的"
            "机关</a><a href=\"#missing\">未发布</a><a href=\"#trend\">同比"
            "</a></nav>\n");
        section_apply(&pg);
        section_appeal(&pg);
        section_rules(&pg, &reports);
        section_top(&pg);
        section_missing(&pg);
        section_trend(&pg);
    }
    fprintf(out,
            "<p class=\"meta\">图表由 Apache ECharts %s 绘制 (Apache "
            "License 2.0, 许可文本见页面源代码).</p>\n",
            ogi__echarts_version);
    put(&pg, "<script type=\"application/json\" id=\"ogi-charts\">");
    put_json(&pg, pg.charts);
    put(&pg, "</script>\n<script>\n/*! Apache ECharts ");
    put(&pg, ogi__echarts_version);
    put(&pg, ", embedded by ogi. Its licence and notices follow.\n\n");
    fwrite(ogi__echarts_license, 1, ogi__echarts_license_len, out);
    put(&pg, "\n*/\n");
    fwrite(ogi__echarts_js, 1, ogi__echarts_js_len, out);
    put(&pg, "\n</script>\n<script>\n");
    put(&pg, script);
    put(&pg, "</script>\n</body>\n</html>\n");

    if (stats && !pg.rc) {
        stats->year = pg.year;
        stats->reports = reports;
        size_t i;
        json_t *c;
        json_array_foreach(pg.charts, i, c) stats->charts +=
            !json_is_true(json_object_get(c, "skip"));
    }
    json_decref(pg.charts);
    if (!pg.rc && (fflush(out) == EOF || ferror(out)))
        pg.rc = OGI_EIO;
    return pg.rc;
}
