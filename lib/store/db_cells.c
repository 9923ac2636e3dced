/*
 * db_cells.c - the cells of a report in its `records` row, and the SQL
 * that tells analysts where they are (db_cells_int.h): the `labels` table
 * and one view per table of the format, generated from the skeleton as
 * deploy/sql/009_cells.sql (`ogi db cells-sql`; test_db checks that the
 * file is what this code generates).
 */
#include "ogi_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_buf_int.h"
#include "db_cells_int.h"
#include "ogi/db.h"
#include "ogi/json.h"

int
ogi__slot_is_amount(ogi_vtype_t type)
{
    return type == OGI_VT_AMOUNT || type == OGI_VT_AMOUNT_WAN;
}

int
ogi__slot_next(ogi_format_t format, ogi__slot_t *s)
{
    unsigned mask = 1u << format;
    if (format != OGI_FORMAT_2019 && format != OGI_FORMAT_2021)
        return 0;
    if (!s->started_) {
        s->started_ = 1;
        s->table = 0;
        s->row = 0;
        s->col = 0;
    } else {
        s->col++;
    }
    for (; (unsigned)s->table < OGI_TABLE_COUNT; s->table++, s->row = 0) {
        const ogi_skel_table_t *sk = ogi_skeleton_table(s->table);
        if (!(sk->formats & mask))
            continue;
        for (; s->row < sk->nrows; s->row++, s->col = 0) {
            if ((sk->rows[s->row].flags & OGI_ROW_GROUP) || s->col >= sk->ncols)
                continue;
            s->amount = ogi__slot_is_amount(sk->cols[s->col].type);
            s->slot = s->amount ? ++s->namounts_ : ++s->ncells_;
            return 1;
        }
    }
    return 0;
}

/* ---- the writer's fields ---- */

void
ogi__cells_copy(ogi__copy_t *c, const ogi_report_t *rep)
{
    ogi__buf_t cells = {0}, amounts = {0}, units = {0};
    unsigned tables = 0;
    for (unsigned t = 0; t < OGI_TABLE_COUNT; t++)
        if (rep->tables[t].present)
            tables |= 1u << t;
    ogi__buf_puts(&cells, "{");
    ogi__buf_puts(&amounts, "{");
    ogi__buf_puts(&units, "{");
    ogi__slot_t s = {0};
    while (ogi__slot_next(rep->meta.format, &s)) {
        const ogi_table_t *t = &rep->tables[s.table];
        const ogi_skel_table_t *sk = ogi_skeleton_table(s.table);
        const ogi_cell_t *cell =
            t->present && ogi_report_row_in_shape(rep, s.table, s.row)
                ? ogi_report_cell(rep, s.table, s.row, s.col)
                : NULL;
        ogi__buf_t *b = s.amount ? &amounts : &cells;
        if (s.slot > 1)
            ogi__buf_puts(b, ",");
        if (!ogi__cell_text(b, cell, sk->cols[s.col].type))
            ogi__buf_puts(b, "NULL");
        if (s.amount) {
            ogi_unit_t unit = OGI_UNIT_NONE;
            if (cell && sk->cols[s.col].type == OGI_VT_AMOUNT)
                unit = cell->unit ? (ogi_unit_t)cell->unit : t->unit;
            const char *name = unit ? ogi_unit_name(unit) : NULL;
            ogi__buf_puts(&units, s.slot > 1 ? "," : "");
            ogi__buf_puts(&units, name ? name : "NULL");
        }
    }
    ogi__buf_puts(&cells, "}");
    ogi__buf_puts(&amounts, "}");
    ogi__buf_puts(&units, "}");
    if (cells.oom || amounts.oom || units.oom) {
        c->b.oom = 1;
    } else {
        ogi__copy_int(c, (int64_t)tables);
        ogi__copy_int(c, rep->apply_other_rows == 1   ? 1
                         : rep->apply_other_rows == 3 ? 3
                                                      : 0);
        int any = rep->meta.format == OGI_FORMAT_2019 ||
                  rep->meta.format == OGI_FORMAT_2021;
        ogi__copy_text(c, any ? cells.p : NULL);
        ogi__copy_text(c, any ? amounts.p : NULL);
        ogi__copy_text(c, any ? units.p : NULL);
    }
    ogi__buf_fini(&cells);
    ogi__buf_fini(&amounts);
    ogi__buf_fini(&units);
}

/* ---- the generated SQL ---- */

/* The SQL view of each table: the old typed tables' names. */
static const char *const view_name[OGI_TABLE_COUNT] = {
    [OGI_T2_19_1] = "active_2019_a20_1",
    [OGI_T2_19_5] = "active_2019_a20_5",
    [OGI_T2_19_6] = "active_2019_a20_6",
    [OGI_T2_19_8] = "active_2019_a20_8",
    [OGI_T2_19_9] = "active_2019_a20_9",
    [OGI_T2_21_1] = "active_2021_a20_1",
    [OGI_T2_21_5] = "active_2021_a20_5",
    [OGI_T2_21_6] = "active_2021_a20_6",
    [OGI_T2_21_8] = "active_2021_a20_8",
    [OGI_T3] = "apply",
    [OGI_T4] = "appeal",
};

const char *
ogi_db_table_name(ogi_table_id_t id)
{
    return (unsigned)id < OGI_TABLE_COUNT ? view_name[id] : NULL;
}

const char *
ogi_db_row_column(ogi_table_id_t id)
{
    return id == OGI_T4 ? "block" : "row_key";
}

/* A string literal: single quotes doubled. The skeleton's text only. */
static void
put_lit(ogi__buf_t *b, const char *s)
{
    ogi__buf_puts(b, "'");
    for (; *s; s++) {
        ogi__buf_put(b, s, 1);
        if (*s == '\'')
            ogi__buf_put(b, s, 1);
    }
    ogi__buf_puts(b, "'");
}

static const char *
kind_name(ogi_vtype_t t)
{
    switch (t) {
        case OGI_VT_SIGNED:
            return "signed";
        case OGI_VT_AMOUNT:
            return "amount";
        case OGI_VT_AMOUNT_WAN:
            return "amount_wan";
        default:
            return "count";
    }
}

static unsigned
row_shape(unsigned flags)
{
    return flags & OGI_ROW_OTHER1 ? 1 : flags & OGI_ROW_OTHER3 ? 3 : 0;
}

static void
put_labels(ogi__buf_t *b)
{
    ogi__buf_puts(
        b,
        "CREATE TABLE labels (\n"
        "    format      text NOT NULL CHECK (format IN ('2019', '2021')),\n"
        "    path        text NOT NULL,  -- \"apply.granted.total\"\n"
        "    view_name   text NOT NULL,  -- \"apply\"\n"
        "    table_bit   smallint NOT NULL,\n"
        "    table_label text NOT NULL,\n"
        "    row_no      smallint NOT NULL,\n"
        "    row_key     text NOT NULL,\n"
        "    row_number  text NOT NULL,  -- \"（一）\", or ''\n"
        "    row_label   text NOT NULL,\n"
        "    shape       smallint NOT NULL,\n"
        "    col_no      smallint NOT NULL,\n"
        "    col_key     text NOT NULL,\n"
        "    col_label   text NOT NULL,\n"
        "    kind        text NOT NULL,\n"
        "    slot        smallint NOT NULL,\n"
        "    PRIMARY KEY (format, path)\n"
        ");\n"
        "COMMENT ON TABLE labels IS '每个格式的每个单元格: 键, 所印标签, "
        "及其在 "
        "records.cells 或 records.amounts 中的位置. Every cell of each "
        "format: its key, its printed labels, and its slot in records.cells "
        "or records.amounts';\n"
        "COMMENT ON COLUMN labels.format IS '报告格式: 2019 或 2021. The "
        "format';\n"
        "COMMENT ON COLUMN labels.path IS '单元格键, 与 JSON 记录相同. The "
        "cell''s key, as in the JSON record';\n"
        "COMMENT ON COLUMN labels.view_name IS '给出该表格的视图. The view "
        "that gives this table';\n"
        "COMMENT ON COLUMN labels.table_bit IS '该表格在 records.tables "
        "中的位. "
        "The table''s bit in records.tables';\n"
        "COMMENT ON COLUMN labels.table_label IS '表格标题 (所印). The "
        "table''s heading as printed';\n"
        "COMMENT ON COLUMN labels.row_no IS '行在所印表格中的位置. The row''s "
        "position in the printed table';\n"
        "COMMENT ON COLUMN labels.row_key IS '行键. The row''s key';\n"
        "COMMENT ON COLUMN labels.row_number IS '行的编号 (所印). The row''s "
        "numbering as printed';\n"
        "COMMENT ON COLUMN labels.row_label IS '行标签 (所印). The row''s "
        "label as printed';\n"
        "COMMENT ON COLUMN labels.shape IS '表三（六）: 1 仅一行形式, 3 仅三个"
        "子行形式, 0 总是. Table 3 (六): 1 only in the one-row form, 3 only in "
        "the three-row form, 0 always';\n"
        "COMMENT ON COLUMN labels.col_no IS '列在所印表格中的位置. The "
        "column''s position';\n"
        "COMMENT ON COLUMN labels.col_key IS '列键. The column''s key';\n"
        "COMMENT ON COLUMN labels.col_label IS '列标签 (所印). The column''s "
        "label as printed';\n"
        "COMMENT ON COLUMN labels.kind IS '单元格类型: count 非负整数, signed "
        "整数, amount 金额 (单位见 records.amount_units), amount_wan 万元金额. "
        "What the cell holds';\n"
        "COMMENT ON COLUMN labels.slot IS '在 records.cells (count, signed) 或 "
        "records.amounts (amount, amount_wan) 中的位置 (从 1 起). Position in "
        "records.cells or records.amounts, from 1';\n");
    ogi_format_t formats[2] = {OGI_FORMAT_2019, OGI_FORMAT_2021};
    for (int f = 0; f < 2; f++) {
        ogi__buf_puts(b, "INSERT INTO labels VALUES\n");
        ogi__slot_t s = {0};
        int first = 1;
        while (ogi__slot_next(formats[f], &s)) {
            const ogi_skel_table_t *sk = ogi_skeleton_table(s.table);
            const ogi_skel_row_t *r = &sk->rows[s.row];
            const ogi_skel_col_t *col = &sk->cols[s.col];
            char path[160], num[64];
            snprintf(path, sizeof(path), "%s.%s.%s", sk->path, r->key,
                     col->key);
            ogi__buf_puts(b, first ? "    (" : ",\n    (");
            first = 0;
            put_lit(b, ogi_skeleton_format_name(formats[f]));
            ogi__buf_puts(b, ", ");
            put_lit(b, path);
            ogi__buf_puts(b, ", ");
            put_lit(b, view_name[s.table]);
            snprintf(num, sizeof(num), ", %d, ", (int)s.table);
            ogi__buf_puts(b, num);
            put_lit(b, sk->label);
            snprintf(num, sizeof(num), ", %zu, ", s.row + 1);
            ogi__buf_puts(b, num);
            put_lit(b, r->key);
            ogi__buf_puts(b, ", ");
            put_lit(b, r->number);
            ogi__buf_puts(b, ", ");
            put_lit(b, r->label);
            snprintf(num, sizeof(num), ", %u, %zu, ", row_shape(r->flags),
                     s.col + 1);
            ogi__buf_puts(b, num);
            put_lit(b, col->key);
            ogi__buf_puts(b, ", ");
            put_lit(b, col->label);
            ogi__buf_puts(b, ", ");
            put_lit(b, kind_name(col->type));
            snprintf(num, sizeof(num), ", %u)", s.slot);
            ogi__buf_puts(b, num);
        }
        ogi__buf_puts(b, ";\n");
    }
}

/*
 * The view of table id: one row per report that has the table and row
 * of its shape. The first column's label row (alias l) gives the slot of
 * the row's first cell of l's kind; a cell of the other kind is found
 * through its own label row (alias c<col>).
 */
static void
put_view(ogi__buf_t *b, ogi_table_id_t id)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    const char *rowcol = ogi_db_row_column(id);
    char tmp[256];
    int kind0 = ogi__slot_is_amount(sk->cols[0].type);
    snprintf(tmp, sizeof(tmp),
             "\nCREATE VIEW %s AS\n    SELECT d.doc_key, l.row_no, l.row_key "
             "AS %s",
             view_name[id], rowcol);
    ogi__buf_puts(b, tmp);
    unsigned off = 0;
    for (size_t col = 0; col < sk->ncols; col++) {
        int am = ogi__slot_is_amount(sk->cols[col].type);
        char idx[32];
        if (am == kind0)
            snprintf(idx, sizeof(idx), "l.slot + %u", off++);
        else
            snprintf(idx, sizeof(idx), "c%zu.slot", col);
        snprintf(tmp, sizeof(tmp), ",\n           r.%s[%s] AS %s",
                 am ? "amounts" : "cells", idx, sk->cols[col].key);
        ogi__buf_puts(b, tmp);
        if (sk->cols[col].type == OGI_VT_AMOUNT) {
            snprintf(tmp, sizeof(tmp),
                     ",\n           r.amount_units[%s] AS amount_unit", idx);
            ogi__buf_puts(b, tmp);
        }
    }
    snprintf(tmp, sizeof(tmp),
             ",\n           r.id AS report_id\n"
             "      FROM records r JOIN documents d ON d.id = r.id\n"
             "      JOIN labels l ON l.format = r.format AND l.view_name = "
             "'%s'\n           AND l.col_no = 1\n",
             view_name[id]);
    ogi__buf_puts(b, tmp);
    for (size_t col = 1; col < sk->ncols; col++) {
        if (ogi__slot_is_amount(sk->cols[col].type) == kind0)
            continue;
        snprintf(tmp, sizeof(tmp),
                 "      JOIN labels c%zu ON c%zu.format = l.format AND "
                 "c%zu.view_name = l.view_name\n           AND c%zu.row_key = "
                 "l.row_key AND c%zu.col_no = %zu\n",
                 col, col, col, col, col, col + 1);
        ogi__buf_puts(b, tmp);
    }
    ogi__buf_puts(b, "     WHERE r.tables & (1 << l.table_bit) <> 0\n"
                     "       AND (l.shape = 0 OR l.shape = r.apply_other);\n");
    snprintf(tmp, sizeof(tmp), "COMMENT ON VIEW %s IS ", view_name[id]);
    ogi__buf_puts(b, tmp);
    const char *fmt = id <= OGI_T2_19_9   ? "2019"
                      : id <= OGI_T2_21_8 ? "2021"
                                          : "2019/2021";
    char what[512];
    snprintf(what, sizeof(what),
             "%s (%s): 每个报告每行一行; 空白、占位符或缺失的单元格为 NULL. "
             "Table %s of format %s, one row per report and row; blank, "
             "placeholder or missing cells are NULL",
             sk->label, fmt, sk->path, fmt);
    put_lit(b, what);
    ogi__buf_puts(b, ";\n");
    snprintf(tmp, sizeof(tmp), "COMMENT ON COLUMN %s.%s IS ", view_name[id],
             rowcol);
    ogi__buf_puts(b, tmp);
    put_lit(b, "行键 (labels.row_key). The row's key");
    ogi__buf_puts(b, ";\n");
    snprintf(tmp, sizeof(tmp), "COMMENT ON COLUMN %s.doc_key IS ",
             view_name[id]);
    ogi__buf_puts(b, tmp);
    put_lit(b, "文档键: 原文的 SHA-256. The document's key: SHA-256 of its "
               "bytes");
    ogi__buf_puts(b, ";\n");
    snprintf(tmp, sizeof(tmp), "COMMENT ON COLUMN %s.report_id IS ",
             view_name[id]);
    ogi__buf_puts(b, tmp);
    put_lit(b, "报告编号 (records.id). The report's id");
    ogi__buf_puts(b, ";\n");
    snprintf(tmp, sizeof(tmp), "COMMENT ON COLUMN %s.row_no IS ",
             view_name[id]);
    ogi__buf_puts(b, tmp);
    put_lit(b, "行在所印表格中的位置. The row's position in the printed table");
    ogi__buf_puts(b, ";\n");
    for (size_t col = 0; col < sk->ncols; col++) {
        snprintf(tmp, sizeof(tmp), "COMMENT ON COLUMN %s.%s IS ", view_name[id],
                 sk->cols[col].key);
        ogi__buf_puts(b, tmp);
        put_lit(b, sk->cols[col].label);
        ogi__buf_puts(b, ";\n");
        if (sk->cols[col].type == OGI_VT_AMOUNT) {
            snprintf(tmp, sizeof(tmp), "COMMENT ON COLUMN %s.amount_unit IS ",
                     view_name[id]);
            ogi__buf_puts(b, tmp);
            put_lit(b, "金额单位: yuan 元, wan_yuan 万元, NULL 未说明. The "
                       "amount's unit, NULL when the report does not say");
            ogi__buf_puts(b, ";\n");
        }
    }
}

char *
ogi_db_cells_sql(void)
{
    ogi__buf_t b = {0};
    ogi__buf_puts(&b, "-- 009_cells.sql - GENERATED by `ogi db cells-sql` "
                      "from the skeleton\n"
                      "-- (lib/core/skeleton.c): do not edit; `make "
                      "cells-sql` writes it again.\n"
                      "--\n"
                      "-- labels: every cell of both formats, its printed "
                      "labels and its slot in\n"
                      "-- records.cells / records.amounts. The views give "
                      "each table of the\n"
                      "-- format one row per report and table row, as the "
                      "typed tables did.\n\n");
    put_labels(&b);
    for (unsigned t = 0; t < OGI_TABLE_COUNT; t++)
        put_view(&b, (ogi_table_id_t)t);
    ogi__buf_puts(&b, "\nGRANT SELECT ON labels");
    for (unsigned t = 0; t < OGI_TABLE_COUNT; t++) {
        ogi__buf_puts(&b, ", ");
        ogi__buf_puts(&b, view_name[t]);
    }
    ogi__buf_puts(&b, " TO ogi_reporting, ogi_ingest;\n");
    if (b.oom) {
        ogi__buf_fini(&b);
        return NULL;
    }
    return b.p;
}
