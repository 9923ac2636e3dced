-- 003_tables.sql - the report's tables as typed SQL tables, for analysts.
--
-- One table per table of the official format (lib/skeleton.c): one row per
-- report and table row, one column per column key. Column and row keys are
-- the skeleton's, as in the JSON record and the protobuf message; the test
-- test_db checks that every skeleton key has its column here. Every row of
-- the report's format is written when the table was found; a cell that is
-- blank, a placeholder (—, /, 无), not a number, or absent is NULL, never 0.
--
--   row_no    position of the row in the printed table (skeleton order)
--   row_key   the row's key: "granted", "denied.state_secret", "license"
--
-- The writer (lib/db.c) fills these with json_populate_recordset, which
-- matches JSON keys to column names: keep only skeleton keys and the three
-- leading columns here (test_db checks it), and put derived values in
-- views.

-- Table 2, format 2019 (国办公开办函〔2019〕60号): 第二十条第（一）（五）（六）（八）（九）项
CREATE TABLE IF NOT EXISTS active_2019_a20_1 (
    doc_key         text NOT NULL REFERENCES reports ON DELETE CASCADE,
    row_no          smallint NOT NULL,
    row_key         text NOT NULL,    -- rules | normative_docs
    new_made        bigint,           -- 本年新制作数量
    new_published   bigint,           -- 本年新公开数量
    total_published bigint,           -- 对外公开总数量
    PRIMARY KEY (doc_key, row_key)
);
CREATE TABLE IF NOT EXISTS active_2019_a20_5 (
    doc_key         text NOT NULL REFERENCES reports ON DELETE CASCADE,
    row_no          smallint NOT NULL,
    row_key         text NOT NULL,    -- license | other_services
    prev_items      bigint,           -- 上一年项目数量
    delta_items     bigint,           -- 本年增/减 (signed)
    decisions       bigint,           -- 处理决定数量
    PRIMARY KEY (doc_key, row_key)
);
CREATE TABLE IF NOT EXISTS active_2019_a20_6 (
    doc_key         text NOT NULL REFERENCES reports ON DELETE CASCADE,
    row_no          smallint NOT NULL,
    row_key         text NOT NULL,    -- penalty | coercion
    prev_items      bigint,
    delta_items     bigint,
    decisions       bigint,
    PRIMARY KEY (doc_key, row_key)
);
CREATE TABLE IF NOT EXISTS active_2019_a20_8 (
    doc_key         text NOT NULL REFERENCES reports ON DELETE CASCADE,
    row_no          smallint NOT NULL,
    row_key         text NOT NULL,    -- admin_fees
    prev_items      bigint,
    delta_items     bigint,
    PRIMARY KEY (doc_key, row_key)
);
CREATE TABLE IF NOT EXISTS active_2019_a20_9 (
    doc_key         text NOT NULL REFERENCES reports ON DELETE CASCADE,
    row_no          smallint NOT NULL,
    row_key         text NOT NULL,    -- central_procurement
    projects        bigint,           -- 采购项目数量
    amount          numeric(20,6),    -- 采购总金额, as printed
    amount_unit     text CHECK (amount_unit IN ('yuan', 'wan_yuan')),
                                      -- NULL: the report does not say
    PRIMARY KEY (doc_key, row_key)
);

-- Table 2, format 2021 (国办公开办函〔2021〕30号)
CREATE TABLE IF NOT EXISTS active_2021_a20_1 (
    doc_key         text NOT NULL REFERENCES reports ON DELETE CASCADE,
    row_no          smallint NOT NULL,
    row_key         text NOT NULL,    -- rules | normative_docs
    issued          bigint,           -- 本年制发件数
    repealed        bigint,           -- 本年废止件数
    in_force        bigint,           -- 现行有效件数
    PRIMARY KEY (doc_key, row_key)
);
CREATE TABLE IF NOT EXISTS active_2021_a20_5 (
    doc_key         text NOT NULL REFERENCES reports ON DELETE CASCADE,
    row_no          smallint NOT NULL,
    row_key         text NOT NULL,    -- license
    decisions       bigint,           -- 本年处理决定数量
    PRIMARY KEY (doc_key, row_key)
);
CREATE TABLE IF NOT EXISTS active_2021_a20_6 (
    doc_key         text NOT NULL REFERENCES reports ON DELETE CASCADE,
    row_no          smallint NOT NULL,
    row_key         text NOT NULL,    -- penalty | coercion
    decisions       bigint,
    PRIMARY KEY (doc_key, row_key)
);
CREATE TABLE IF NOT EXISTS active_2021_a20_8 (
    doc_key         text NOT NULL REFERENCES reports ON DELETE CASCADE,
    row_no          smallint NOT NULL,
    row_key         text NOT NULL,    -- admin_fees
    amount_wan      numeric(20,6),    -- 本年收费金额, in 万元 by definition
    PRIMARY KEY (doc_key, row_key)
);

-- Table 3 (both formats): 收到和处理政府信息公开申请情况. Row （六）其他处理
-- is other.all when printed as one row, or other.no_correction,
-- other.fee_unpaid and other.misc (format 2021). There are no subtotal
-- rows for （三）（四）（五）: sum them with row_key LIKE 'denied.%'.
CREATE TABLE IF NOT EXISTS apply (
    doc_key         text NOT NULL REFERENCES reports ON DELETE CASCADE,
    row_no          smallint NOT NULL,
    row_key         text NOT NULL,    -- new_received, granted, ...
    natural_person  bigint,           -- 自然人
    commercial      bigint,           -- 商业企业
    research        bigint,           -- 科研机构
    public_interest bigint,           -- 社会公益组织
    legal_service   bigint,           -- 法律服务机构
    other_org       bigint,           -- 其他
    total           bigint,           -- 总计 (as printed, not a sum)
    PRIMARY KEY (doc_key, row_key)
);

-- Table 4 (both formats): 行政复议、行政诉讼. block: review | suit_direct |
-- suit_after_review.
CREATE TABLE IF NOT EXISTS appeal (
    doc_key         text NOT NULL REFERENCES reports ON DELETE CASCADE,
    row_no          smallint NOT NULL,
    block           text NOT NULL,
    upheld          bigint,           -- 结果维持
    corrected       bigint,           -- 结果纠正
    other           bigint,           -- 其他结果
    pending         bigint,           -- 尚未审结
    total           bigint,           -- 总计
    PRIMARY KEY (doc_key, block)
);

-- Decisions on licences, penalties and coercion: the only Table 2 figures
-- that mean the same in both formats (rule X6).
CREATE OR REPLACE VIEW active_decisions AS
    SELECT doc_key, row_key, decisions FROM active_2019_a20_5
     WHERE row_key = 'license'
    UNION ALL
    SELECT doc_key, row_key, decisions FROM active_2019_a20_6
    UNION ALL
    SELECT doc_key, row_key, decisions FROM active_2021_a20_5
    UNION ALL
    SELECT doc_key, row_key, decisions FROM active_2021_a20_6;

-- Central procurement (format 2019 only) with the amount in 元 when the
-- unit is known (report-format.md §1a: store the value, the unit, and the
-- amount in 元).
CREATE OR REPLACE VIEW procurement AS
    SELECT doc_key, projects, amount, amount_unit,
           CASE amount_unit WHEN 'yuan' THEN amount
                            WHEN 'wan_yuan' THEN amount * 10000
           END AS amount_yuan
      FROM active_2019_a20_9;
