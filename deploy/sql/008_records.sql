-- 008_records.sql - one row per report: the lean store.
--
-- Until now a report was written as about 39 rows over 14 tables, each
-- row carrying the 64-character doc_key with its own index and foreign
-- key. From here a document has an integer id, and a parsed report is ONE
-- row of `records`: its metadata, every cell of its tables in one array
-- (positions given by `labels`, 009_cells.sql) and its findings in four
-- parallel arrays. Documents that are not reports go to `rejections`.
-- Analysts read views with the old names and columns (`reports`,
-- `apply`, `appeal`, `active_*`, `findings`, `current_reports`), which
-- unfold the arrays into one row per table row.
--
-- This migration renames the old tables to v1_* (010_convert.sql moves
-- their rows over and drops them) and creates the new ones.

DROP VIEW IF EXISTS current_reports, active_decisions, procurement;
ALTER TABLE reports RENAME TO v1_reports;
ALTER TABLE findings RENAME TO v1_findings;
ALTER TABLE apply RENAME TO v1_apply;
ALTER TABLE appeal RENAME TO v1_appeal;
ALTER TABLE active_2019_a20_1 RENAME TO v1_active_2019_a20_1;
ALTER TABLE active_2019_a20_5 RENAME TO v1_active_2019_a20_5;
ALTER TABLE active_2019_a20_6 RENAME TO v1_active_2019_a20_6;
ALTER TABLE active_2019_a20_8 RENAME TO v1_active_2019_a20_8;
ALTER TABLE active_2019_a20_9 RENAME TO v1_active_2019_a20_9;
ALTER TABLE active_2021_a20_1 RENAME TO v1_active_2021_a20_1;
ALTER TABLE active_2021_a20_5 RENAME TO v1_active_2021_a20_5;
ALTER TABLE active_2021_a20_6 RENAME TO v1_active_2021_a20_6;
ALTER TABLE active_2021_a20_8 RENAME TO v1_active_2021_a20_8;
ALTER TABLE v1_reports DROP CONSTRAINT IF EXISTS reports_one_current;
ALTER TABLE v1_reports DROP CONSTRAINT IF EXISTS reports_doc_key_fkey;

-- Existing documents are numbered in the order they were received; the
-- number becomes the key, doc_key stays unique (ON CONFLICT (doc_key)).
ALTER TABLE documents ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE documents DROP CONSTRAINT documents_pkey;
ALTER TABLE documents ADD PRIMARY KEY (id);
ALTER TABLE documents ADD CONSTRAINT documents_doc_key_key UNIQUE (doc_key);
COMMENT ON TABLE documents IS
    '收到的文档原文 (每个文档一行, 按内容的 SHA-256 去重, lz4 压缩). '
    'Every document received, once (deduplicated by the SHA-256 of its '
    'bytes), raw bytes compressed with lz4, kept for ogi reparse';
COMMENT ON COLUMN documents.id IS '文档编号. The document''s number';
COMMENT ON COLUMN documents.doc_key IS
    '文档键: 原文字节的 SHA-256 (十六进制). SHA-256 of the raw bytes, hex';
COMMENT ON COLUMN documents.raw IS '原文. The bytes as received';
COMMENT ON COLUMN documents.source_name IS
    '提交时的文件名. The file name given with the document';
COMMENT ON COLUMN documents.first_received IS
    '首次收到时间. When the document was first received';

CREATE TABLE records (
    id              bigint PRIMARY KEY
                    REFERENCES documents (id) ON DELETE CASCADE,
    status          text NOT NULL CHECK (status IN ('ok', 'has_errors')),
    parser_version  text NOT NULL,
    agency          text,
    agency_id       bigint REFERENCES agencies (id),
    year            integer,
    format          text CHECK (format IN ('2019', '2021')),
    admin_level     text CHECK (admin_level IN ('province', 'city',
                        'county', 'township', 'department')),
    province        text,
    published_on    date,
    phones          text[],
    postal_code     text,
    email           text,
    address         text,
    tables          integer NOT NULL DEFAULT 0,
    apply_other     smallint NOT NULL DEFAULT 0
                    CHECK (apply_other IN (0, 1, 3)),
    cells           bigint[],
    amounts         numeric(20,6)[],
    amount_units    text[],
    finding_rules   text[] NOT NULL DEFAULT '{}',
    finding_levels  text[] NOT NULL DEFAULT '{}',
    finding_paths   text[] NOT NULL DEFAULT '{}',
    finding_texts   text[] NOT NULL DEFAULT '{}',
    current         boolean NOT NULL DEFAULT false,
    stored_at       timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE records IS
    '解析后的年度报告 (每个报告一行): 元数据, 表格的全部单元格 (数组, 位置见 '
    'labels), 校验发现 (数组). 分析请用视图 reports, apply, appeal, '
    'active_*, findings. One parsed report per row: metadata, every cell of '
    'its tables in one array (positions in labels) and its findings in '
    'arrays; analysts read the views reports, apply, appeal, active_*, '
    'findings';
COMMENT ON COLUMN records.id IS '文档编号 (documents.id). The document''s id';
COMMENT ON COLUMN records.status IS
    '状态: ok 无错误, has_errors 有错误级发现. ok, or has_errors when some '
    'finding is an error';
COMMENT ON COLUMN records.parser_version IS
    '解析该报告的 ogi 版本. The version of the ogi that parsed it';
COMMENT ON COLUMN records.agency IS
    '报告中的机关名称. The agency''s name as printed';
COMMENT ON COLUMN records.agency_id IS
    '机关 (agencies.id); 未能识别时为空 (规则 M1). The agency; NULL when '
    'it was not resolved (rule M1)';
COMMENT ON COLUMN records.year IS '报告年度. The year reported on';
COMMENT ON COLUMN records.format IS
    '报告格式: 2019 (国办公开办函〔2019〕60号) 或 2021 (国办公开办函〔2021〕30号). '
    'The official format the tables follow';
COMMENT ON COLUMN records.admin_level IS
    '机关层级. Administrative level: province, city, county, township, '
    'department';
COMMENT ON COLUMN records.province IS '省份. The province';
COMMENT ON COLUMN records.published_on IS '发布日期. Date of publication';
COMMENT ON COLUMN records.phones IS '联系电话. Contact phone numbers';
COMMENT ON COLUMN records.postal_code IS '邮政编码. Postal code';
COMMENT ON COLUMN records.email IS '电子邮箱. E-mail address';
COMMENT ON COLUMN records.address IS '通讯地址. Postal address';
COMMENT ON COLUMN records.tables IS
    '找到的表格: 第 labels.table_bit 位为 1 表示该表格在报告中. Bit '
    'labels.table_bit is set when that table was found';
COMMENT ON COLUMN records.apply_other IS
    '表三（六）其他处理的形式: 1 一行, 3 三个子行, 0 未找到. How Table 3 '
    'row (六) is printed: 1 one row, 3 three sub-rows, 0 not found';
COMMENT ON COLUMN records.cells IS
    '整数单元格, 位置 labels.slot (kind 为 count 或 signed); 空白、占位符或'
    '缺失为 NULL. The integer cells at labels.slot; blank, placeholder or '
    'missing cells are NULL, never 0';
COMMENT ON COLUMN records.amounts IS
    '金额单元格, 位置 labels.slot (kind 为 amount 或 amount_wan), 按所印数值. '
    'The amount cells at labels.slot, as printed';
COMMENT ON COLUMN records.amount_units IS
    '金额单位 (yuan 元, wan_yuan 万元, NULL 未说明), 与 amounts 对应. The '
    'unit of each amount: yuan, wan_yuan, or NULL when not stated';
COMMENT ON COLUMN records.finding_rules IS
    '发现的规则编号 (按顺序; 见视图 findings). Rule IDs of the findings, in '
    'order; the view findings gives one row each';
COMMENT ON COLUMN records.finding_levels IS
    '发现的严重程度: info, warning, error. Severity of each finding';
COMMENT ON COLUMN records.finding_paths IS
    '发现所指的单元格或章节. Cell or section each finding points at';
COMMENT ON COLUMN records.finding_texts IS '发现的说明. Each finding''s message';
COMMENT ON COLUMN records.current IS
    '是否为该机关该年度的现行报告: 发布日期最晚者, 其次存储最晚者. '
    'Whether this is the current report of its (agency, year): the latest '
    'published, then the latest stored; older revisions stay, not current';
COMMENT ON COLUMN records.stored_at IS '存储时间. When it was stored';

-- At most one current report per (agency, year), checked at commit.
ALTER TABLE records ADD CONSTRAINT records_one_current
    EXCLUDE USING btree (agency_id WITH =, year WITH =) WHERE (current)
    DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX records_agency_year ON records (agency_id, year);
CREATE INDEX records_year_province ON records (year, province);

-- Documents that are not reports (or could not be read): why, and by
-- which parser. Nothing else of them is kept apart from the raw bytes.
CREATE TABLE rejections (
    id              bigint PRIMARY KEY
                    REFERENCES documents (id) ON DELETE CASCADE,
    parser_version  text NOT NULL,
    rule            text NOT NULL,        -- "P0"
    reason          text NOT NULL,        -- "not a report: ..."
    stored_at       timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE rejections IS
    '被拒绝的文档 (不是年度报告或无法读取) 及原因. Documents that are not '
    'reports, or could not be read, and why';
COMMENT ON COLUMN rejections.id IS '文档编号. The document''s id';
COMMENT ON COLUMN rejections.parser_version IS
    '作出判断的 ogi 版本. The version of the ogi that rejected it';
COMMENT ON COLUMN rejections.rule IS '规则编号 (P0). The rule: P0';
COMMENT ON COLUMN rejections.reason IS '原因. Why it was rejected';
COMMENT ON COLUMN rejections.stored_at IS '存储时间. When it was stored';

-- Findings that compare a report with the same agency's report of the
-- year before (rules X1-X4). They change when a neighbour arrives, so
-- they live apart from the report's own findings.
CREATE TABLE cross_findings (
    report_id       bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    earlier_id      bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    rule            text NOT NULL,
    severity        text NOT NULL CHECK (severity IN ('info', 'warning',
                        'error')),
    path            text NOT NULL,
    message         text NOT NULL
);
CREATE INDEX cross_findings_report ON cross_findings (report_id);
CREATE INDEX cross_findings_earlier ON cross_findings (earlier_id);
COMMENT ON TABLE cross_findings IS
    '跨年度校验发现 (规则 X1-X4): 本报告与同一机关上一年度现行报告的比较. '
    'Cross-year findings (rules X1-X4): this report compared with the same '
    'agency''s current report of the year before';
COMMENT ON COLUMN cross_findings.report_id IS
    '较晚年度的报告. The later report, which the finding is on';
COMMENT ON COLUMN cross_findings.earlier_id IS
    '比较的上一年度报告. The earlier report it was compared with';
COMMENT ON COLUMN cross_findings.rule IS '规则编号. Rule ID';
COMMENT ON COLUMN cross_findings.severity IS '严重程度. Severity';
COMMENT ON COLUMN cross_findings.path IS '单元格. The cell';
COMMENT ON COLUMN cross_findings.message IS '说明. The message';

CREATE VIEW reports AS
    SELECT d.doc_key, r.id AS report_id, r.status, r.parser_version,
           r.agency, r.year, r.format, r.admin_level, r.province,
           r.published_on, r.agency_id, r.current, r.stored_at,
           r.phones, r.postal_code, r.email, r.address,
           d.source_name, d.content_type, d.encoding
      FROM records r JOIN documents d ON d.id = r.id;
COMMENT ON VIEW reports IS
    '年度报告 (每个报告一行, 含被更正取代的旧版本; 被拒文档不在此). Every '
    'parsed report, one row each, superseded revisions included; rejected '
    'documents are in rejected_documents';

CREATE VIEW current_reports AS
    SELECT r.*, a.key AS agency_key, a.division_code, a.division_level
      FROM reports r JOIN agencies a ON a.id = r.agency_id
     WHERE r.current;
COMMENT ON VIEW current_reports IS
    '每个机关每个年度的现行报告 (一行), 附机关键与行政区划. '
    'The current report of each (agency, year), one row each, with the '
    'agency''s key and division';

CREATE VIEW rejected_documents AS
    SELECT d.doc_key, d.id AS document_id, x.rule, x.reason,
           x.parser_version, x.stored_at, d.source_name, d.content_type,
           d.encoding
      FROM rejections x JOIN documents d ON d.id = x.id;
COMMENT ON VIEW rejected_documents IS
    '被拒绝的文档及原因. Documents that are not reports, and why';

CREATE VIEW findings AS
    SELECT d.doc_key, r.id AS report_id, f.seq::integer AS seq, f.rule,
           f.severity, f.path, f.message
      FROM records r JOIN documents d ON d.id = r.id
     CROSS JOIN LATERAL unnest(r.finding_rules, r.finding_levels,
           r.finding_paths, r.finding_texts) WITH ORDINALITY
           AS f(rule, severity, path, message, seq)
    UNION ALL
    SELECT d.doc_key, x.report_id,
           (cardinality(r.finding_rules) + row_number() OVER (
               PARTITION BY x.report_id ORDER BY x.rule, x.path))::integer,
           x.rule, x.severity, x.path, x.message
      FROM cross_findings x JOIN records r ON r.id = x.report_id
      JOIN documents d ON d.id = x.report_id;
COMMENT ON VIEW findings IS
    '校验发现 (每条一行): 报告自身的发现, 以及跨年度发现 (X1-X4). Every '
    'finding, one row each: the report''s own, then the cross-year ones';
COMMENT ON COLUMN findings.seq IS '报告内序号. 1, 2, ... within the report';
COMMENT ON COLUMN findings.rule IS
    '规则编号 (ogi rules 列出). Rule ID, as ogi rules lists them';
COMMENT ON COLUMN findings.severity IS '严重程度: info, warning, error';
COMMENT ON COLUMN findings.path IS
    '所指单元格或章节 ("apply.granted.total"). The cell or section';
COMMENT ON COLUMN findings.message IS '说明. The message';

-- The sink writes these; nothing else changes them except `current`, the
-- cross-year findings it recomputes, and ogi reparse (run as the owner).
GRANT SELECT, INSERT ON records, rejections, cross_findings TO ogi_ingest;
GRANT UPDATE (current) ON records TO ogi_ingest;
GRANT DELETE ON cross_findings TO ogi_ingest;
GRANT SELECT ON records, rejections, cross_findings, reports,
    current_reports, rejected_documents, findings TO ogi_reporting;
GRANT SELECT ON reports, current_reports, rejected_documents, findings
    TO ogi_ingest;
