-- 012_reparse.sql - the progress of `ogi reparse`, so that a reparse
-- killed part way resumes where its last committed batch ended.
--
-- Each batch of reports parsed again and this row's last_id are written
-- in one transaction: documents up to last_id (in id order) are done.
CREATE TABLE reparse_runs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parser_version  text NOT NULL,
    selection       text NOT NULL,    -- "older year=2024 agency=..."
    started_at      timestamptz NOT NULL DEFAULT now(),
    last_id         bigint NOT NULL DEFAULT 0,
    documents       bigint NOT NULL DEFAULT 0,
    finished_at     timestamptz
);
COMMENT ON TABLE reparse_runs IS
    '重新解析 (ogi reparse) 的进度: 中断后从 last_id 继续. The progress '
    'of each ogi reparse: a reparse that was stopped resumes after last_id';
COMMENT ON COLUMN reparse_runs.parser_version IS
    '重新解析所用的 ogi 版本. The version of ogi parsing again';
COMMENT ON COLUMN reparse_runs.selection IS
    '所选文档 (all, older, 年度, 机关). Which documents: all or older, and '
    'the year and agency filters';
COMMENT ON COLUMN reparse_runs.last_id IS
    '已完成的最后一个文档编号 (按编号顺序). The last document id done, in '
    'id order';
COMMENT ON COLUMN reparse_runs.documents IS
    '已重新解析的文档数. Documents parsed again so far';
COMMENT ON COLUMN reparse_runs.finished_at IS
    '完成时间; 未完成为 NULL. When it finished; NULL while not finished';
