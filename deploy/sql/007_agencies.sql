-- 007_agencies.sql - one agency across years, and one current report per
-- (agency, year).
--
-- An agency is what lib/core/agency.c resolves a report's agency name to
-- (ogi/agency.h): a division code and a department, keyed
-- "CODE:DEPARTMENT" ("320813:人民政府"), equal across years however the
-- name is printed. The sink upserts the agencies of each batch and, in the
-- same transaction, recomputes `current` for the (agency_id, year) pairs
-- the batch touched: the latest published (published_on), then the latest
-- stored (stored_at), then the greater doc_key. Older reports stay, marked
-- not current.
--
-- Reports stored before this migration keep agency_id NULL and current
-- false: their records carry no agency_key; `ogi reparse` fills them.
CREATE TABLE IF NOT EXISTS agencies (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key             text NOT NULL UNIQUE,  -- "320813:人民政府"
    division_code   text NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
    division_level  text NOT NULL CHECK (division_level IN ('national',
                        'province', 'prefecture', 'county')),
    province        text,                  -- "江苏省"
    prefecture      text,                  -- "淮安市"
    county          text,                  -- "洪泽区"
    department      text NOT NULL,         -- "人民政府", "教育局"
    name            text,                  -- the name as first seen
    first_seen      timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE agencies IS
    '机关: 一个机关跨年度唯一 (行政区划代码 + 部门). '
    'One agency across years: a division code and a department';
COMMENT ON COLUMN agencies.key IS
    '机关键 "行政区划代码:部门", 跨年度不变. '
    'The agency key "CODE:DEPARTMENT", equal across years: 320813:人民政府';
COMMENT ON COLUMN agencies.division_code IS
    '行政区划代码 (GB/T 2260, 国家机关为 000000). '
    'Division code (GB/T 2260; 000000 for national bodies)';
COMMENT ON COLUMN agencies.division_level IS
    '行政区划级别. The division''s level: national, province, prefecture, county';
COMMENT ON COLUMN agencies.department IS
    '部门 (人民政府, 人民政府办公室, 教育局...). '
    'The department: 人民政府 for the government itself';
COMMENT ON COLUMN agencies.name IS
    '首次见到的机关名称. The agency''s name as printed in the first report seen';

ALTER TABLE reports ADD COLUMN IF NOT EXISTS agency_id bigint
    REFERENCES agencies (id);
ALTER TABLE reports ADD COLUMN IF NOT EXISTS current boolean NOT NULL
    DEFAULT false;
COMMENT ON COLUMN reports.agency_id IS
    '机关; 未能解析的机关与被拒文档为 NULL; 本迁移之前存储的报告亦为 NULL, '
    '重新解析 (ogi reparse) 后填入. The agency; NULL when it was not resolved '
    '(rule M1), for rejected documents, and for reports stored before this '
    'migration until a reparse fills it';
COMMENT ON COLUMN reports.current IS
    '是否为该机关该年度的现行报告: 发布日期最晚者, 其次存储最晚者. '
    'Whether this is the current report of its (agency, year): the latest '
    'published, then the latest stored; older revisions stay, not current. '
    'Rejected documents are never current';
-- At most one current report per (agency, year), checked at commit: the
-- one UPDATE that moves `current` from one report to another sets and
-- clears it in no particular row order.
ALTER TABLE reports ADD CONSTRAINT reports_one_current
    EXCLUDE USING btree (agency_id WITH =, year WITH =) WHERE (current)
    DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX IF NOT EXISTS reports_agency_id_year
    ON reports (agency_id, year);

CREATE OR REPLACE VIEW current_reports AS
    SELECT r.*, a.key AS agency_key, a.division_code, a.division_level
    FROM reports r JOIN agencies a ON a.id = r.agency_id
    WHERE r.current;
COMMENT ON VIEW current_reports IS
    '每个机关每个年度的现行报告 (一行), 附机关键与行政区划. '
    'The current report of each (agency, year), one row each, with the '
    'agency''s key and division';

-- The sink upserts agencies and moves `current`; nothing else changes.
GRANT SELECT, INSERT ON agencies TO ogi_ingest;
GRANT UPDATE (current) ON reports TO ogi_ingest;
GRANT SELECT ON agencies, current_reports TO ogi_reporting;
