-- 010_convert.sql - the reports stored before 008 moved into records and
-- rejections, then the old tables dropped.
--
-- Each old typed row is read as jsonb (to_jsonb of the row) and its
-- cells put at the slots `labels` gives (009_cells.sql): the same values,
-- NULL where the old table had NULL or no row. Contact details come from
-- the old jsonb record, the findings from the old findings table in
-- order. The old records' other content (the sections' text) is not
-- kept: the raw documents are, and `ogi reparse` reads them again.

WITH old AS (
    SELECT doc_key, 'apply' AS v, row_key AS k, to_jsonb(t) AS j
      FROM v1_apply t
    UNION ALL SELECT doc_key, 'appeal', block, to_jsonb(t) FROM v1_appeal t
    UNION ALL SELECT doc_key, 'active_2019_a20_1', row_key, to_jsonb(t)
      FROM v1_active_2019_a20_1 t
    UNION ALL SELECT doc_key, 'active_2019_a20_5', row_key, to_jsonb(t)
      FROM v1_active_2019_a20_5 t
    UNION ALL SELECT doc_key, 'active_2019_a20_6', row_key, to_jsonb(t)
      FROM v1_active_2019_a20_6 t
    UNION ALL SELECT doc_key, 'active_2019_a20_8', row_key, to_jsonb(t)
      FROM v1_active_2019_a20_8 t
    UNION ALL SELECT doc_key, 'active_2019_a20_9', row_key, to_jsonb(t)
      FROM v1_active_2019_a20_9 t
    UNION ALL SELECT doc_key, 'active_2021_a20_1', row_key, to_jsonb(t)
      FROM v1_active_2021_a20_1 t
    UNION ALL SELECT doc_key, 'active_2021_a20_5', row_key, to_jsonb(t)
      FROM v1_active_2021_a20_5 t
    UNION ALL SELECT doc_key, 'active_2021_a20_6', row_key, to_jsonb(t)
      FROM v1_active_2021_a20_6 t
    UNION ALL SELECT doc_key, 'active_2021_a20_8', row_key, to_jsonb(t)
      FROM v1_active_2021_a20_8 t
),
tbl AS (
    SELECT o.doc_key, bit_or(1 << b.table_bit) AS tables
      FROM (SELECT DISTINCT doc_key, v FROM old) o
      JOIN (SELECT DISTINCT view_name, table_bit FROM labels) b
        ON b.view_name = o.v
     GROUP BY o.doc_key
),
other AS (
    SELECT doc_key, max(CASE WHEN row_key = 'other.all' THEN 1
                             WHEN row_key LIKE 'other.%' THEN 3 END)
                    AS apply_other
      FROM v1_apply GROUP BY doc_key
),
cells AS (
    SELECT r.doc_key,
           array_agg((o.j ->> l.col_key)::bigint ORDER BY l.slot)
               FILTER (WHERE l.kind IN ('count', 'signed')) AS cells,
           array_agg((o.j ->> l.col_key)::numeric ORDER BY l.slot)
               FILTER (WHERE l.kind IN ('amount', 'amount_wan')) AS amounts,
           array_agg(CASE WHEN l.kind = 'amount' THEN o.j ->> 'amount_unit'
                     END ORDER BY l.slot)
               FILTER (WHERE l.kind IN ('amount', 'amount_wan')) AS units
      FROM v1_reports r
      JOIN labels l ON l.format = r.format
      LEFT JOIN old o ON o.doc_key = r.doc_key AND o.v = l.view_name
                     AND o.k = l.row_key
     WHERE r.status <> 'rejected'
     GROUP BY r.doc_key
),
f AS (
    SELECT doc_key, array_agg(rule ORDER BY seq) AS rules,
           array_agg(severity ORDER BY seq) AS levels,
           array_agg(path ORDER BY seq) AS paths,
           array_agg(message ORDER BY seq) AS texts
      FROM v1_findings GROUP BY doc_key
)
INSERT INTO records (id, status, parser_version, agency, agency_id, year,
    format, admin_level, province, published_on, phones, postal_code,
    email, address, tables, apply_other, cells, amounts, amount_units,
    finding_rules, finding_levels, finding_paths, finding_texts, current,
    stored_at)
SELECT d.id, r.status, r.parser_version, r.agency, r.agency_id, r.year,
       r.format, r.admin_level, r.province, r.published_on,
       (SELECT array_agg(p) FROM jsonb_array_elements_text(
            CASE WHEN jsonb_typeof(r.record #> '{meta,contact,phones}')
                      = 'array'
                 THEN r.record #> '{meta,contact,phones}' END) AS p),
       r.record #>> '{meta,contact,postal_code}',
       r.record #>> '{meta,contact,email}',
       r.record #>> '{meta,contact,address}',
       coalesce(tbl.tables, 0), coalesce(other.apply_other, 0),
       cells.cells, cells.amounts, cells.units,
       coalesce(f.rules, '{}'), coalesce(f.levels, '{}'),
       coalesce(f.paths, '{}'), coalesce(f.texts, '{}'),
       r.current, r.stored_at
  FROM v1_reports r
  JOIN documents d ON d.doc_key = r.doc_key
  LEFT JOIN tbl ON tbl.doc_key = r.doc_key
  LEFT JOIN other ON other.doc_key = r.doc_key
  LEFT JOIN cells ON cells.doc_key = r.doc_key
  LEFT JOIN f ON f.doc_key = r.doc_key
 WHERE r.status <> 'rejected';

INSERT INTO rejections (id, parser_version, rule, reason, stored_at)
SELECT d.id, r.parser_version, coalesce(w.rule, 'P0'),
       coalesce(w.message, 'not a report'), r.stored_at
  FROM v1_reports r
  JOIN documents d ON d.doc_key = r.doc_key
  LEFT JOIN LATERAL (SELECT rule, message FROM v1_findings x
                      WHERE x.doc_key = r.doc_key
                      ORDER BY x.severity = 'error' DESC, x.seq
                      LIMIT 1) w ON true
 WHERE r.status = 'rejected';

DROP TABLE v1_findings, v1_apply, v1_appeal,
    v1_active_2019_a20_1, v1_active_2019_a20_5, v1_active_2019_a20_6,
    v1_active_2019_a20_8, v1_active_2019_a20_9,
    v1_active_2021_a20_1, v1_active_2021_a20_5, v1_active_2021_a20_6,
    v1_active_2021_a20_8, v1_reports;

-- Decisions on licences, penalties and coercion: the only Table 2 figures
-- that mean the same in both formats (rule X6).
CREATE VIEW active_decisions AS
    SELECT doc_key, row_key, decisions, report_id FROM active_2019_a20_5
     WHERE row_key = 'license'
    UNION ALL
    SELECT doc_key, row_key, decisions, report_id FROM active_2019_a20_6
    UNION ALL
    SELECT doc_key, row_key, decisions, report_id FROM active_2021_a20_5
    UNION ALL
    SELECT doc_key, row_key, decisions, report_id FROM active_2021_a20_6;
COMMENT ON VIEW active_decisions IS
    '行政许可、行政处罚、行政强制的处理决定数量 (两种格式中含义相同的表二数字, 规则 X6). '
    'Decisions on licences, penalties and coercion: the Table 2 figures '
    'that mean the same in both formats (rule X6)';

-- Central procurement (format 2019 only) with the amount in 元 when the
-- unit is known (report-format.md §1a: the value, the unit, and the
-- amount in 元).
CREATE VIEW procurement AS
    SELECT doc_key, projects, amount, amount_unit,
           CASE amount_unit WHEN 'yuan' THEN amount
                            WHEN 'wan_yuan' THEN amount * 10000
           END AS amount_yuan, report_id
      FROM active_2019_a20_9;
COMMENT ON VIEW procurement IS
    '政府集中采购 (2019 格式), 金额按元换算 (单位已知时). Central '
    'procurement (format 2019), with the amount in yuan when the unit is '
    'known';
COMMENT ON COLUMN procurement.amount_yuan IS
    '采购总金额 (元). The amount in yuan';

GRANT SELECT ON active_decisions, procurement TO ogi_reporting, ogi_ingest;
