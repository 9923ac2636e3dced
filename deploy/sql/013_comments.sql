-- 013_comments.sql - every table, view and column described, in Chinese
-- and English, for analysts browsing the schema (\d+ in psql, or any SQL
-- client's column tooltips).

COMMENT ON TABLE ogi_schema_migrations IS
    '已应用的数据库迁移. The schema migrations applied, one row each';
COMMENT ON COLUMN ogi_schema_migrations.version IS '迁移编号. Its number';
COMMENT ON COLUMN ogi_schema_migrations.name IS '迁移文件名. Its file name';
COMMENT ON COLUMN ogi_schema_migrations.checksum IS
    '迁移内容的 SHA-256. SHA-256 of its text';
COMMENT ON COLUMN ogi_schema_migrations.applied_at IS '应用时间. When applied';

COMMENT ON TABLE dead_letters IS
    '多次使解析进程崩溃或超时的文档 (死信), 保留原文以便修复后重试 (ogi '
    'dead-letters). Documents that crashed or hung the parser too many times, '
    'kept with their bytes to be retried after a fix';
COMMENT ON COLUMN dead_letters.id IS '死信编号. The dead letter''s number';
COMMENT ON COLUMN dead_letters.doc_key IS
    '文档键: 原文的 SHA-256. SHA-256 of the document''s bytes';
COMMENT ON COLUMN dead_letters.raw IS
    '原文 (超过大小限制时仅前 64 KiB). The bytes (only the first 64 KiB '
    'when the document exceeded the size limit)';
COMMENT ON COLUMN dead_letters.reason IS '放弃的原因. Why it was given up on';
COMMENT ON COLUMN dead_letters.attempts IS '尝试次数. How many times it was tried';
COMMENT ON COLUMN dead_letters.content_type IS '文档形式. The form told from the bytes';
COMMENT ON COLUMN dead_letters.source_name IS '提交时的文件名. The file name given';
COMMENT ON COLUMN dead_letters.created_at IS '成为死信的时间. When it was given up on';

COMMENT ON COLUMN agencies.id IS '机关编号. The agency''s number';
COMMENT ON COLUMN agencies.province IS '省级行政区. The province';
COMMENT ON COLUMN agencies.prefecture IS '地级行政区. The prefecture';
COMMENT ON COLUMN agencies.county IS '县级行政区. The county';
COMMENT ON COLUMN agencies.first_seen IS '首次见到的时间. When first seen';

COMMENT ON COLUMN reparse_runs.id IS '编号. The run''s number';
COMMENT ON COLUMN reparse_runs.started_at IS '开始时间. When it started';

COMMENT ON COLUMN reports.doc_key IS
    '文档键: 原文的 SHA-256. SHA-256 of the document''s bytes';
COMMENT ON COLUMN reports.report_id IS '报告编号 (records.id). The report''s id';
COMMENT ON COLUMN reports.status IS
    '状态: ok 无错误, has_errors 有错误级发现. ok, or has_errors';
COMMENT ON COLUMN reports.parser_version IS
    '解析该报告的 ogi 版本. Version of the ogi that parsed it';
COMMENT ON COLUMN reports.agency IS '报告中的机关名称. The agency as printed';
COMMENT ON COLUMN reports.agency_id IS '机关 (agencies.id). The agency';
COMMENT ON COLUMN reports.year IS '报告年度. The year reported on';
COMMENT ON COLUMN reports.format IS '报告格式: 2019 或 2021. The format';
COMMENT ON COLUMN reports.admin_level IS '机关层级. Administrative level';
COMMENT ON COLUMN reports.province IS '省份. The province';
COMMENT ON COLUMN reports.published_on IS '发布日期. Date of publication';
COMMENT ON COLUMN reports.current IS
    '是否为该机关该年度的现行报告. Whether it is the current report of its '
    '(agency, year)';
COMMENT ON COLUMN reports.stored_at IS '存储时间. When it was stored';
COMMENT ON COLUMN reports.phones IS '联系电话. Contact phone numbers';
COMMENT ON COLUMN reports.postal_code IS '邮政编码. Postal code';
COMMENT ON COLUMN reports.email IS '电子邮箱. E-mail address';
COMMENT ON COLUMN reports.address IS '通讯地址. Postal address';
COMMENT ON COLUMN reports.source_name IS '提交时的文件名. The file name given';
COMMENT ON COLUMN reports.content_type IS '文档形式. The form told from the bytes';
COMMENT ON COLUMN reports.encoding IS '文本编码. Character encoding of a text form';

COMMENT ON COLUMN current_reports.doc_key IS '文档键. SHA-256 of the bytes';
COMMENT ON COLUMN current_reports.report_id IS '报告编号. The report''s id';
COMMENT ON COLUMN current_reports.status IS '状态. ok or has_errors';
COMMENT ON COLUMN current_reports.parser_version IS '解析版本. Parser version';
COMMENT ON COLUMN current_reports.agency IS '机关名称. The agency as printed';
COMMENT ON COLUMN current_reports.agency_id IS '机关. The agency';
COMMENT ON COLUMN current_reports.year IS '报告年度. The year reported on';
COMMENT ON COLUMN current_reports.format IS '报告格式. The format';
COMMENT ON COLUMN current_reports.admin_level IS '机关层级. Administrative level';
COMMENT ON COLUMN current_reports.province IS '省份. The province';
COMMENT ON COLUMN current_reports.published_on IS '发布日期. Date of publication';
COMMENT ON COLUMN current_reports.current IS '现行报告 (总为真). Always true here';
COMMENT ON COLUMN current_reports.stored_at IS '存储时间. When stored';
COMMENT ON COLUMN current_reports.phones IS '联系电话. Phone numbers';
COMMENT ON COLUMN current_reports.postal_code IS '邮政编码. Postal code';
COMMENT ON COLUMN current_reports.email IS '电子邮箱. E-mail address';
COMMENT ON COLUMN current_reports.address IS '通讯地址. Postal address';
COMMENT ON COLUMN current_reports.source_name IS '文件名. The file name given';
COMMENT ON COLUMN current_reports.content_type IS '文档形式. The form';
COMMENT ON COLUMN current_reports.encoding IS '文本编码. Encoding';
COMMENT ON COLUMN current_reports.agency_key IS
    '机关键 "行政区划代码:部门". The agency key "CODE:DEPARTMENT"';
COMMENT ON COLUMN current_reports.division_code IS
    '行政区划代码 (GB/T 2260). Division code';
COMMENT ON COLUMN current_reports.division_level IS
    '行政区划级别. Division level: national, province, prefecture, county';

COMMENT ON COLUMN findings.doc_key IS '文档键. SHA-256 of the bytes';
COMMENT ON COLUMN findings.report_id IS '报告编号. The report''s id';

COMMENT ON COLUMN rejected_documents.doc_key IS '文档键. SHA-256 of the bytes';
COMMENT ON COLUMN rejected_documents.document_id IS '文档编号. The document''s id';
COMMENT ON COLUMN rejected_documents.rule IS '规则编号 (P0). The rule';
COMMENT ON COLUMN rejected_documents.reason IS '原因. Why it is no report';
COMMENT ON COLUMN rejected_documents.parser_version IS '判断的 ogi 版本. Parser version';
COMMENT ON COLUMN rejected_documents.stored_at IS '存储时间. When stored';
COMMENT ON COLUMN rejected_documents.source_name IS '文件名. The file name given';
COMMENT ON COLUMN rejected_documents.content_type IS '文档形式. The form';
COMMENT ON COLUMN rejected_documents.encoding IS '文本编码. Encoding';

COMMENT ON COLUMN active_decisions.doc_key IS '文档键. SHA-256 of the bytes';
COMMENT ON COLUMN active_decisions.report_id IS '报告编号. The report''s id';
COMMENT ON COLUMN active_decisions.row_key IS
    '事项: license 行政许可, penalty 行政处罚, coercion 行政强制. The matter';
COMMENT ON COLUMN active_decisions.decisions IS
    '处理决定数量. Number of decisions';

COMMENT ON COLUMN procurement.doc_key IS '文档键. SHA-256 of the bytes';
COMMENT ON COLUMN procurement.report_id IS '报告编号. The report''s id';
COMMENT ON COLUMN procurement.projects IS '采购项目数量. Projects';
COMMENT ON COLUMN procurement.amount IS '采购总金额 (所印数值). The amount as printed';
COMMENT ON COLUMN procurement.amount_unit IS
    '金额单位: yuan 元, wan_yuan 万元, NULL 未说明. The unit';
