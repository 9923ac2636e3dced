-- 011_reporting.sql - reporting views: what analysts ask, answered in SQL.
--
-- Every view reads only what the analysts' schema contract names
-- (current_reports, agencies, apply, appeal, active_*, active_decisions,
-- findings), joins the report's tables and findings on doc_key, agencies
-- on the agency key, and never reads reports.record, so the views keep
-- working when the store is restructured underneath them.
--
-- Only current reports count (one per agency and year, 007_agencies.sql):
-- a revision replaces the report it corrects. A cell that is NULL (blank,
-- a placeholder, not found) adds nothing to a sum; a sum over no cells is
-- NULL.
--
-- The *_by_region views have one row per (year, division): the division's
-- code, level and its province / prefecture / county names, summed over
-- the current reports of every department of that division. Group them
-- further with SUM(...) GROUP BY province (or prefecture, division_level,
-- year) for a province's or a prefecture's totals.

CREATE OR REPLACE VIEW report_overview AS
    SELECT c.doc_key, c.agency, c.agency_key, a.department,
           c.division_code, c.division_level,
           a.province, a.prefecture, a.county,
           c.year, c.format, c.status, c.published_on,
           coalesce(f.errors, 0) AS errors,
           coalesce(f.warnings, 0) AS warnings,
           coalesce(f.infos, 0) AS infos
      FROM current_reports c
      JOIN agencies a ON a.key = c.agency_key
      LEFT JOIN (SELECT doc_key,
                        count(*) FILTER (WHERE severity = 'error') AS errors,
                        count(*) FILTER (WHERE severity = 'warning') AS warnings,
                        count(*) FILTER (WHERE severity = 'info') AS infos
                   FROM findings GROUP BY doc_key) f
        ON f.doc_key = c.doc_key
     WHERE c.status <> 'rejected';
COMMENT ON VIEW report_overview IS
    '现行报告一览: 每个机关每个年度一行, 附行政区划与各严重程度的问题数. '
    'The current reports, one per (agency, year), with the agency''s '
    'division and the number of findings of each severity';
COMMENT ON COLUMN report_overview.doc_key IS
    '文档键 (原始字节的 SHA-256). The document key (SHA-256 of the raw bytes)';
COMMENT ON COLUMN report_overview.agency IS
    '报告上印的机关名称. The agency''s name as printed in this report';
COMMENT ON COLUMN report_overview.agency_key IS
    '机关键 "行政区划代码:部门". The agency key "CODE:DEPARTMENT"';
COMMENT ON COLUMN report_overview.department IS
    '部门 (人民政府, 教育局...). The department';
COMMENT ON COLUMN report_overview.division_code IS
    '行政区划代码 (GB/T 2260). The division code (GB/T 2260)';
COMMENT ON COLUMN report_overview.division_level IS
    '行政区划级别: national, province, prefecture, county. The division''s level';
COMMENT ON COLUMN report_overview.province IS '省级. The province';
COMMENT ON COLUMN report_overview.prefecture IS
    '地级 (省级机关为空). The prefecture (NULL for a province''s own bodies)';
COMMENT ON COLUMN report_overview.county IS
    '县级 (地级及以上机关为空). The county (NULL above county level)';
COMMENT ON COLUMN report_overview.year IS '报告年度. The year reported on';
COMMENT ON COLUMN report_overview.format IS
    '表格格式 2019 或 2021. The tables'' format: 2019 or 2021';
COMMENT ON COLUMN report_overview.status IS
    '状态: ok 无错误, has_errors 有错误级问题. ok, or has_errors when some '
    'finding is an error';
COMMENT ON COLUMN report_overview.published_on IS
    '发布日期 (报告未注明时为空). The date printed on the report, or NULL';
COMMENT ON COLUMN report_overview.errors IS
    '错误级问题数. Findings of severity error';
COMMENT ON COLUMN report_overview.warnings IS
    '警告级问题数. Findings of severity warning';
COMMENT ON COLUMN report_overview.infos IS
    '提示级问题数. Findings of severity info';

-- The (year, division) of each current report, the key of the
-- *_by_region views.
CREATE OR REPLACE VIEW report_division AS
    SELECT c.doc_key, c.year, c.division_code, c.division_level,
           a.province, a.prefecture, a.county
      FROM current_reports c
      JOIN agencies a ON a.key = c.agency_key
     WHERE c.status <> 'rejected' AND c.year IS NOT NULL;
COMMENT ON VIEW report_division IS
    '每份现行报告的年度与行政区划 (分区汇总视图的键). The year and division '
    'of each current report: the key of the *_by_region views';
COMMENT ON COLUMN report_division.doc_key IS '文档键. The document key';
COMMENT ON COLUMN report_division.year IS '报告年度. The year reported on';
COMMENT ON COLUMN report_division.division_code IS
    '行政区划代码. The division code';
COMMENT ON COLUMN report_division.division_level IS
    '行政区划级别. The division''s level';
COMMENT ON COLUMN report_division.province IS '省级. The province';
COMMENT ON COLUMN report_division.prefecture IS '地级. The prefecture';
COMMENT ON COLUMN report_division.county IS '县级. The county';

CREATE OR REPLACE VIEW apply_by_region AS
    SELECT d.year, d.division_code, d.division_level,
           d.province, d.prefecture, d.county,
           count(DISTINCT d.doc_key) AS reports,
           count(DISTINCT p.doc_key) AS reports_with_table,
           sum(p.total) FILTER (WHERE p.row_key = 'new_received') AS new_received,
           sum(p.total) FILTER (WHERE p.row_key = 'carried_over') AS carried_over,
           sum(p.total) FILTER (WHERE p.row_key = 'granted') AS granted,
           sum(p.total) FILTER (WHERE p.row_key = 'partial') AS partial,
           sum(p.total) FILTER (WHERE p.row_key LIKE 'denied.%') AS denied,
           sum(p.total) FILTER (WHERE p.row_key LIKE 'unable.%') AS unable,
           sum(p.total) FILTER (WHERE p.row_key LIKE 'rejected.%') AS rejected,
           sum(p.total) FILTER (WHERE p.row_key LIKE 'other.%') AS other,
           sum(p.total) FILTER (WHERE p.row_key = 'result_total') AS result_total,
           sum(p.total) FILTER (WHERE p.row_key = 'carry_forward') AS carry_forward
      FROM report_division d
      LEFT JOIN apply p ON p.doc_key = d.doc_key
     GROUP BY d.year, d.division_code, d.division_level,
              d.province, d.prefecture, d.county;
COMMENT ON VIEW apply_by_region IS
    '表三 收到和处理政府信息公开申请情况 (总计列), 按年度与行政区划汇总现行报告; '
    '省/市合计请再按 province/prefecture 求和. Table 3, applications received '
    'and how they were answered (the 总计 column), summed over the current '
    'reports of each (year, division); SUM it by province or prefecture '
    'for their totals';
COMMENT ON COLUMN apply_by_region.year IS '报告年度. The year reported on';
COMMENT ON COLUMN apply_by_region.division_code IS
    '行政区划代码. The division code';
COMMENT ON COLUMN apply_by_region.division_level IS
    '行政区划级别. The division''s level';
COMMENT ON COLUMN apply_by_region.province IS '省级. The province';
COMMENT ON COLUMN apply_by_region.prefecture IS '地级. The prefecture';
COMMENT ON COLUMN apply_by_region.county IS '县级. The county';
COMMENT ON COLUMN apply_by_region.reports IS
    '现行报告数. Current reports of the division and year';
COMMENT ON COLUMN apply_by_region.reports_with_table IS
    '其中找到表三的报告数. Of them, reports whose Table 3 was found';
COMMENT ON COLUMN apply_by_region.new_received IS
    '一、本年新收政府信息公开申请数量. New applications received this year';
COMMENT ON COLUMN apply_by_region.carried_over IS
    '二、上年结转政府信息公开申请数量. Applications carried over from last year';
COMMENT ON COLUMN apply_by_region.granted IS
    '三(一) 予以公开. Granted';
COMMENT ON COLUMN apply_by_region.partial IS
    '三(二) 部分公开. Partly granted';
COMMENT ON COLUMN apply_by_region.denied IS
    '三(三) 不予公开 (各项之和). Denied: the sum of the denied.* rows';
COMMENT ON COLUMN apply_by_region.unable IS
    '三(四) 无法提供 (各项之和). Unable to provide: the sum of unable.*';
COMMENT ON COLUMN apply_by_region.rejected IS
    '三(五) 不予处理 (各项之和). Not processed: the sum of rejected.*';
COMMENT ON COLUMN apply_by_region.other IS
    '三(六) 其他处理 (各项之和). Otherwise handled: the sum of other.*';
COMMENT ON COLUMN apply_by_region.result_total IS
    '三(七) 总计 (如报告所印). The results'' total as printed';
COMMENT ON COLUMN apply_by_region.carry_forward IS
    '四、结转下年度继续办理. Carried forward to next year';

CREATE OR REPLACE VIEW appeal_by_region AS
    SELECT d.year, d.division_code, d.division_level,
           d.province, d.prefecture, d.county,
           count(DISTINCT d.doc_key) AS reports,
           count(DISTINCT q.doc_key) AS reports_with_table,
           sum(q.upheld) FILTER (WHERE q.block = 'review') AS review_upheld,
           sum(q.corrected) FILTER (WHERE q.block = 'review') AS review_corrected,
           sum(q.other) FILTER (WHERE q.block = 'review') AS review_other,
           sum(q.pending) FILTER (WHERE q.block = 'review') AS review_pending,
           sum(q.total) FILTER (WHERE q.block = 'review') AS review_total,
           sum(q.upheld) FILTER (WHERE q.block = 'suit_direct') AS suit_direct_upheld,
           sum(q.corrected) FILTER (WHERE q.block = 'suit_direct') AS suit_direct_corrected,
           sum(q.other) FILTER (WHERE q.block = 'suit_direct') AS suit_direct_other,
           sum(q.pending) FILTER (WHERE q.block = 'suit_direct') AS suit_direct_pending,
           sum(q.total) FILTER (WHERE q.block = 'suit_direct') AS suit_direct_total,
           sum(q.upheld) FILTER (WHERE q.block = 'suit_after_review') AS suit_after_review_upheld,
           sum(q.corrected) FILTER (WHERE q.block = 'suit_after_review') AS suit_after_review_corrected,
           sum(q.other) FILTER (WHERE q.block = 'suit_after_review') AS suit_after_review_other,
           sum(q.pending) FILTER (WHERE q.block = 'suit_after_review') AS suit_after_review_pending,
           sum(q.total) FILTER (WHERE q.block = 'suit_after_review') AS suit_after_review_total
      FROM report_division d
      LEFT JOIN appeal q ON q.doc_key = d.doc_key
     GROUP BY d.year, d.division_code, d.division_level,
              d.province, d.prefecture, d.county;
COMMENT ON VIEW appeal_by_region IS
    '表四 因政府信息公开工作被申请行政复议、提起行政诉讼情况, 按年度与行政区划'
    '汇总现行报告. Table 4, administrative reviews and lawsuits over '
    'disclosure and their outcomes, summed over the current reports of '
    'each (year, division)';
COMMENT ON COLUMN appeal_by_region.year IS '报告年度. The year reported on';
COMMENT ON COLUMN appeal_by_region.division_code IS
    '行政区划代码. The division code';
COMMENT ON COLUMN appeal_by_region.division_level IS
    '行政区划级别. The division''s level';
COMMENT ON COLUMN appeal_by_region.province IS '省级. The province';
COMMENT ON COLUMN appeal_by_region.prefecture IS '地级. The prefecture';
COMMENT ON COLUMN appeal_by_region.county IS '县级. The county';
COMMENT ON COLUMN appeal_by_region.reports IS
    '现行报告数. Current reports of the division and year';
COMMENT ON COLUMN appeal_by_region.reports_with_table IS
    '其中找到表四的报告数. Of them, reports whose Table 4 was found';
COMMENT ON COLUMN appeal_by_region.review_upheld IS
    '行政复议 结果维持. Administrative reviews: upheld';
COMMENT ON COLUMN appeal_by_region.review_corrected IS
    '行政复议 结果纠正. Administrative reviews: corrected';
COMMENT ON COLUMN appeal_by_region.review_other IS
    '行政复议 其他结果. Administrative reviews: other outcome';
COMMENT ON COLUMN appeal_by_region.review_pending IS
    '行政复议 尚未审结. Administrative reviews: pending';
COMMENT ON COLUMN appeal_by_region.review_total IS
    '行政复议 总计. Administrative reviews: total';
COMMENT ON COLUMN appeal_by_region.suit_direct_upheld IS
    '未经复议直接起诉 结果维持. Lawsuits without prior review: upheld';
COMMENT ON COLUMN appeal_by_region.suit_direct_corrected IS
    '未经复议直接起诉 结果纠正. Lawsuits without prior review: corrected';
COMMENT ON COLUMN appeal_by_region.suit_direct_other IS
    '未经复议直接起诉 其他结果. Lawsuits without prior review: other outcome';
COMMENT ON COLUMN appeal_by_region.suit_direct_pending IS
    '未经复议直接起诉 尚未审结. Lawsuits without prior review: pending';
COMMENT ON COLUMN appeal_by_region.suit_direct_total IS
    '未经复议直接起诉 总计. Lawsuits without prior review: total';
COMMENT ON COLUMN appeal_by_region.suit_after_review_upheld IS
    '复议后起诉 结果维持. Lawsuits after a review: upheld';
COMMENT ON COLUMN appeal_by_region.suit_after_review_corrected IS
    '复议后起诉 结果纠正. Lawsuits after a review: corrected';
COMMENT ON COLUMN appeal_by_region.suit_after_review_other IS
    '复议后起诉 其他结果. Lawsuits after a review: other outcome';
COMMENT ON COLUMN appeal_by_region.suit_after_review_pending IS
    '复议后起诉 尚未审结. Lawsuits after a review: pending';
COMMENT ON COLUMN appeal_by_region.suit_after_review_total IS
    '复议后起诉 总计. Lawsuits after a review: total';

CREATE OR REPLACE VIEW active_by_region AS
    WITH dec AS (
        SELECT doc_key,
               sum(decisions) FILTER (WHERE row_key = 'license') AS license,
               sum(decisions) FILTER (WHERE row_key = 'penalty') AS penalty,
               sum(decisions) FILTER (WHERE row_key = 'coercion') AS coercion
          FROM active_decisions GROUP BY doc_key
    ), r19 AS (
        SELECT doc_key,
               sum(new_made) FILTER (WHERE row_key = 'rules') AS rules_new_made,
               sum(new_published) FILTER (WHERE row_key = 'rules') AS rules_new_published,
               sum(total_published) FILTER (WHERE row_key = 'rules') AS rules_total_published,
               sum(new_made) FILTER (WHERE row_key = 'normative_docs') AS docs_new_made,
               sum(new_published) FILTER (WHERE row_key = 'normative_docs') AS docs_new_published,
               sum(total_published) FILTER (WHERE row_key = 'normative_docs') AS docs_total_published
          FROM active_2019_a20_1 GROUP BY doc_key
    ), r21 AS (
        SELECT doc_key,
               sum(issued) FILTER (WHERE row_key = 'rules') AS rules_issued,
               sum(repealed) FILTER (WHERE row_key = 'rules') AS rules_repealed,
               sum(in_force) FILTER (WHERE row_key = 'rules') AS rules_in_force,
               sum(issued) FILTER (WHERE row_key = 'normative_docs') AS docs_issued,
               sum(repealed) FILTER (WHERE row_key = 'normative_docs') AS docs_repealed,
               sum(in_force) FILTER (WHERE row_key = 'normative_docs') AS docs_in_force
          FROM active_2021_a20_1 GROUP BY doc_key
    )
    SELECT d.year, d.division_code, d.division_level,
           d.province, d.prefecture, d.county,
           count(*) AS reports,
           sum(dec.license) AS license_decisions,
           sum(dec.penalty) AS penalty_decisions,
           sum(dec.coercion) AS coercion_decisions,
           sum(r19.rules_new_made) AS rules_new_made_2019,
           sum(r19.rules_new_published) AS rules_new_published_2019,
           sum(r19.rules_total_published) AS rules_total_published_2019,
           sum(r19.docs_new_made) AS normative_docs_new_made_2019,
           sum(r19.docs_new_published) AS normative_docs_new_published_2019,
           sum(r19.docs_total_published) AS normative_docs_total_published_2019,
           sum(r21.rules_issued) AS rules_issued_2021,
           sum(r21.rules_repealed) AS rules_repealed_2021,
           sum(r21.rules_in_force) AS rules_in_force_2021,
           sum(r21.docs_issued) AS normative_docs_issued_2021,
           sum(r21.docs_repealed) AS normative_docs_repealed_2021,
           sum(r21.docs_in_force) AS normative_docs_in_force_2021
      FROM report_division d
      LEFT JOIN dec ON dec.doc_key = d.doc_key
      LEFT JOIN r19 ON r19.doc_key = d.doc_key
      LEFT JOIN r21 ON r21.doc_key = d.doc_key
     GROUP BY d.year, d.division_code, d.division_level,
              d.province, d.prefecture, d.county;
COMMENT ON VIEW active_by_region IS
    '表二 主动公开政府信息情况, 按年度与行政区划汇总现行报告: 许可、处罚、强制的'
    '处理决定数 (两种格式含义相同), 以及规章与规范性文件 (按格式分列, 含义不同). '
    'Table 2, summed over the current reports of each (year, division): '
    'decisions on licences, penalties and coercion (the same in both '
    'formats), and rules and normative documents, one column per format '
    'because their figures mean different things';
COMMENT ON COLUMN active_by_region.year IS '报告年度. The year reported on';
COMMENT ON COLUMN active_by_region.division_code IS
    '行政区划代码. The division code';
COMMENT ON COLUMN active_by_region.division_level IS
    '行政区划级别. The division''s level';
COMMENT ON COLUMN active_by_region.province IS '省级. The province';
COMMENT ON COLUMN active_by_region.prefecture IS '地级. The prefecture';
COMMENT ON COLUMN active_by_region.county IS '县级. The county';
COMMENT ON COLUMN active_by_region.reports IS
    '现行报告数. Current reports of the division and year';
COMMENT ON COLUMN active_by_region.license_decisions IS
    '行政许可 处理决定数量. Licensing decisions';
COMMENT ON COLUMN active_by_region.penalty_decisions IS
    '行政处罚 处理决定数量. Penalty decisions';
COMMENT ON COLUMN active_by_region.coercion_decisions IS
    '行政强制 处理决定数量. Coercion decisions';
COMMENT ON COLUMN active_by_region.rules_new_made_2019 IS
    '规章 本年新制作数量 (2019 格式). Rules newly made (2019 format)';
COMMENT ON COLUMN active_by_region.rules_new_published_2019 IS
    '规章 本年新公开数量 (2019 格式). Rules newly published (2019 format)';
COMMENT ON COLUMN active_by_region.rules_total_published_2019 IS
    '规章 对外公开总数量 (2019 格式). Rules published in all (2019 format)';
COMMENT ON COLUMN active_by_region.normative_docs_new_made_2019 IS
    '规范性文件 本年新制作数量 (2019 格式). Normative documents newly made '
    '(2019 format)';
COMMENT ON COLUMN active_by_region.normative_docs_new_published_2019 IS
    '规范性文件 本年新公开数量 (2019 格式). Normative documents newly '
    'published (2019 format)';
COMMENT ON COLUMN active_by_region.normative_docs_total_published_2019 IS
    '规范性文件 对外公开总数量 (2019 格式). Normative documents published in '
    'all (2019 format)';
COMMENT ON COLUMN active_by_region.rules_issued_2021 IS
    '规章 本年制发件数 (2021 格式). Rules issued this year (2021 format)';
COMMENT ON COLUMN active_by_region.rules_repealed_2021 IS
    '规章 本年废止件数 (2021 格式). Rules repealed this year (2021 format)';
COMMENT ON COLUMN active_by_region.rules_in_force_2021 IS
    '规章 现行有效件数 (2021 格式). Rules in force (2021 format)';
COMMENT ON COLUMN active_by_region.normative_docs_issued_2021 IS
    '规范性文件 本年制发件数 (2021 格式). Normative documents issued this '
    'year (2021 format)';
COMMENT ON COLUMN active_by_region.normative_docs_repealed_2021 IS
    '规范性文件 本年废止件数 (2021 格式). Normative documents repealed this '
    'year (2021 format)';
COMMENT ON COLUMN active_by_region.normative_docs_in_force_2021 IS
    '规范性文件 现行有效件数 (2021 格式). Normative documents in force (2021 '
    'format)';

CREATE OR REPLACE VIEW findings_by_rule AS
    SELECT c.year, f.rule, f.severity, c.agency_key, a.name AS agency,
           c.division_code, c.division_level,
           a.province, a.prefecture, a.county,
           count(*) AS findings,
           count(DISTINCT f.doc_key) AS reports
      FROM findings f
      JOIN current_reports c ON c.doc_key = f.doc_key
      JOIN agencies a ON a.key = c.agency_key
     WHERE c.status <> 'rejected'
     GROUP BY c.year, f.rule, f.severity, c.agency_key, a.name,
              c.division_code, c.division_level,
              a.province, a.prefecture, a.county;
COMMENT ON VIEW findings_by_rule IS
    '现行报告的问题, 按规则、严重程度、机关与年度计数 (规则含义见 ogi rules). '
    'Findings of the current reports counted by rule, severity, agency and '
    'year (ogi rules lists what each rule means)';
COMMENT ON COLUMN findings_by_rule.year IS '报告年度. The year reported on';
COMMENT ON COLUMN findings_by_rule.rule IS
    '规则 (D1, O1, P2...). The rule';
COMMENT ON COLUMN findings_by_rule.severity IS
    '严重程度: error, warning, info. The severity';
COMMENT ON COLUMN findings_by_rule.agency_key IS
    '机关键. The agency key "CODE:DEPARTMENT"';
COMMENT ON COLUMN findings_by_rule.agency IS
    '机关名称 (首次见到). The agency''s name as first seen';
COMMENT ON COLUMN findings_by_rule.division_code IS
    '行政区划代码. The division code';
COMMENT ON COLUMN findings_by_rule.division_level IS
    '行政区划级别. The division''s level';
COMMENT ON COLUMN findings_by_rule.province IS '省级. The province';
COMMENT ON COLUMN findings_by_rule.prefecture IS '地级. The prefecture';
COMMENT ON COLUMN findings_by_rule.county IS '县级. The county';
COMMENT ON COLUMN findings_by_rule.findings IS '问题数. Findings';
COMMENT ON COLUMN findings_by_rule.reports IS
    '有此问题的报告数 (每机关每年至多 1). Reports with such a finding (at '
    'most 1 per agency and year)';

-- Agencies grouped by province; national bodies (no province) form one
-- group of their own.
CREATE OR REPLACE VIEW missing_reports AS
    WITH had AS (
        SELECT DISTINCT a.key AS agency_key, a.name, a.division_code,
               a.division_level, a.province, a.prefecture, a.county,
               coalesce(a.province, '') AS grp, c.year
          FROM current_reports c JOIN agencies a ON a.key = c.agency_key
         WHERE c.status <> 'rejected' AND c.year IS NOT NULL
    ), years AS (
        SELECT grp, year, count(DISTINCT agency_key) AS agencies
          FROM had GROUP BY grp, year
    ), agency AS (
        SELECT agency_key, name, division_code, division_level,
               province, prefecture, county, grp, min(year) AS first_year
          FROM had
         GROUP BY agency_key, name, division_code, division_level,
                  province, prefecture, county, grp
    )
    SELECT y.year, g.agency_key, g.name AS agency, g.division_code,
           g.division_level, g.province, g.prefecture, g.county,
           (SELECT max(h.year) FROM had h
             WHERE h.agency_key = g.agency_key AND h.year < y.year)
               AS last_year,
           y.agencies AS others_published
      FROM agency g
      JOIN years y ON y.grp = g.grp AND y.year > g.first_year
     WHERE NOT EXISTS (SELECT 1 FROM had h
                        WHERE h.agency_key = g.agency_key
                          AND h.year = y.year);
COMMENT ON VIEW missing_reports IS
    '缺报: 某机关在某年度有现行报告, 而在其后某一年度没有, 但同省其他机关该年度已有'
    '现行报告 (说明该年度的报告已在收集). 一行为 (机关, 缺报年度). 国家机关 (无省份) '
    '互为一组. 只看已收集的报告: 一个省尚无任何机关的年度不算缺报. '
    'Missing reports: one row per (agency, year) where the agency has no '
    'current report for that year although it has one for an earlier year '
    'and at least one other agency of the same province has a current '
    'report for that year (so that year is being collected there). '
    'National bodies (no province) are one group. Judged only from the '
    'reports stored: a year no agency of the province has is not counted '
    'missing';
COMMENT ON COLUMN missing_reports.year IS
    '缺报的年度. The year whose report is missing';
COMMENT ON COLUMN missing_reports.agency_key IS
    '机关键. The agency key "CODE:DEPARTMENT"';
COMMENT ON COLUMN missing_reports.agency IS
    '机关名称 (首次见到). The agency''s name as first seen';
COMMENT ON COLUMN missing_reports.division_code IS
    '行政区划代码. The division code';
COMMENT ON COLUMN missing_reports.division_level IS
    '行政区划级别. The division''s level';
COMMENT ON COLUMN missing_reports.province IS '省级. The province';
COMMENT ON COLUMN missing_reports.prefecture IS '地级. The prefecture';
COMMENT ON COLUMN missing_reports.county IS '县级. The county';
COMMENT ON COLUMN missing_reports.last_year IS
    '该机关此前最近有报告的年度. The agency''s latest earlier year with a '
    'current report';
COMMENT ON COLUMN missing_reports.others_published IS
    '同省该年度已有现行报告的机关数. Agencies of the same province with a '
    'current report for that year';

-- A finding's path names one cell: "apply.ROW.COLUMN" (ROW may hold a
-- dot: "denied.state_secret") or "appeal.BLOCK.COLUMN".
CREATE OR REPLACE VIEW arithmetic_failures AS
    WITH f AS (
        SELECT f.doc_key, f.seq, f.rule, f.severity, f.path, f.message,
               substring(f.path FROM '^([a-z_0-9]+)\.') AS table_name,
               substring(f.path FROM '^[a-z_0-9]+\.(.+)\.[a-z_0-9]+$') AS row_key,
               substring(f.path FROM '\.([a-z_0-9]+)$') AS column_key
          FROM findings f
         WHERE f.rule IN ('D1', 'D2', 'D3', 'O1') AND f.severity = 'error'
    )
    SELECT c.year, c.doc_key, c.agency_key, c.agency,
           c.division_code, c.division_level,
           a.province, a.prefecture, a.county,
           f.seq, f.rule, f.path, f.table_name, f.row_key, f.column_key,
           CASE f.table_name
               WHEN 'apply' THEN
                   CASE f.column_key
                       WHEN 'natural_person' THEN p.natural_person
                       WHEN 'commercial' THEN p.commercial
                       WHEN 'research' THEN p.research
                       WHEN 'public_interest' THEN p.public_interest
                       WHEN 'legal_service' THEN p.legal_service
                       WHEN 'other_org' THEN p.other_org
                       WHEN 'total' THEN p.total
                   END
               WHEN 'appeal' THEN
                   CASE f.column_key
                       WHEN 'upheld' THEN q.upheld
                       WHEN 'corrected' THEN q.corrected
                       WHEN 'other' THEN q.other
                       WHEN 'pending' THEN q.pending
                       WHEN 'total' THEN q.total
                   END
           END AS value,
           f.message
      FROM f
      JOIN current_reports c ON c.doc_key = f.doc_key
      JOIN agencies a ON a.key = c.agency_key
      LEFT JOIN apply p ON f.table_name = 'apply'
                       AND p.doc_key = f.doc_key AND p.row_key = f.row_key
      LEFT JOIN appeal q ON f.table_name = 'appeal'
                        AND q.doc_key = f.doc_key AND q.block = f.row_key
     WHERE c.status <> 'rejected';
COMMENT ON VIEW arithmetic_failures IS
    '自身算术不成立的现行报告: 规则 D1 (表三各列结果行之和=总计), D2 (表三各行'
    '六类申请人之和=总计), D3 (表四各块 维持+纠正+其他+尚未审结=总计), O1 (表三'
    '各列 一+二=三(七)总计+四) 的错误级问题, 每个问题一行, 附其路径所指单元格的'
    '值. Current reports whose own arithmetic fails: one row per error '
    'finding of rules D1 (Table 3, each column: the result rows add up to '
    '总计), D2 (Table 3, each row: the six applicant columns add up to '
    '总计), D3 (Table 4, each block: upheld + corrected + other + pending = '
    'total) and O1 (Table 3, each column: new + carried over = results '
    'total + carried forward), with the value of the cell its path names';
COMMENT ON COLUMN arithmetic_failures.year IS '报告年度. The year reported on';
COMMENT ON COLUMN arithmetic_failures.doc_key IS '文档键. The document key';
COMMENT ON COLUMN arithmetic_failures.agency_key IS
    '机关键. The agency key "CODE:DEPARTMENT"';
COMMENT ON COLUMN arithmetic_failures.agency IS
    '报告上印的机关名称. The agency''s name as printed in the report';
COMMENT ON COLUMN arithmetic_failures.division_code IS
    '行政区划代码. The division code';
COMMENT ON COLUMN arithmetic_failures.division_level IS
    '行政区划级别. The division''s level';
COMMENT ON COLUMN arithmetic_failures.province IS '省级. The province';
COMMENT ON COLUMN arithmetic_failures.prefecture IS '地级. The prefecture';
COMMENT ON COLUMN arithmetic_failures.county IS '县级. The county';
COMMENT ON COLUMN arithmetic_failures.seq IS
    '问题在报告中的序号. The finding''s number within its report';
COMMENT ON COLUMN arithmetic_failures.rule IS
    '规则: D1, D2, D3 或 O1. The rule';
COMMENT ON COLUMN arithmetic_failures.path IS
    '问题所指单元格的路径 (表.行.列). The path of the cell the finding names: '
    'TABLE.ROW.COLUMN';
COMMENT ON COLUMN arithmetic_failures.table_name IS
    '表: apply (表三) 或 appeal (表四). The table: apply (Table 3) or appeal '
    '(Table 4)';
COMMENT ON COLUMN arithmetic_failures.row_key IS
    '行键 (表四为块). The row key (the block, in Table 4)';
COMMENT ON COLUMN arithmetic_failures.column_key IS '列键. The column key';
COMMENT ON COLUMN arithmetic_failures.value IS
    '该单元格的值 (空白为 NULL). The cell''s value, NULL when blank';
COMMENT ON COLUMN arithmetic_failures.message IS
    '问题说明 (算出的与印出的数). The finding''s message: the figures that '
    'differ';

GRANT SELECT ON report_overview, report_division, apply_by_region,
    appeal_by_region, active_by_region, findings_by_rule, missing_reports,
    arithmetic_failures TO ogi_reporting;
