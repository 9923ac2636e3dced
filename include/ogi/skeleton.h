/*
 * skeleton.h - the official report format, defined once, as data.
 *
 * Both versions of the State Council format (国办公开办函〔2019〕60号 and
 * 〔2021〕30号): every table, row and column with its printed label, its
 * variants, its key and its type. The parser matches labels against it, the
 * validator iterates over it, and JSON, protobuf and SQL take their names
 * from it. A label written anywhere else in ogi is a bug.
 *
 * A cell's path is "<table path>.<row key>.<column key>", for example
 * "apply.denied.state_secret.natural_person" or "active.a20_5.license.decisions".
 * All data here is static and read-only: safe from any thread.
 */
#ifndef OGI_SKELETON_H
#define OGI_SKELETON_H

#include <stddef.h>

/* Which official format a report's tables follow. */
typedef enum {
    OGI_FORMAT_UNKNOWN = 0,
    OGI_FORMAT_2019 = 1, /* 国办公开办函〔2019〕60号, reports on 2019-2020 */
    OGI_FORMAT_2021 = 2, /* 国办公开办函〔2021〕30号, reports on 2021 on */
} ogi_format_t;

/* Bit masks of formats a table or row belongs to. */
#define OGI_FMASK_2019 (1u << OGI_FORMAT_2019)
#define OGI_FMASK_2021 (1u << OGI_FORMAT_2021)
#define OGI_FMASK_BOTH (OGI_FMASK_2019 | OGI_FMASK_2021)

/* What a column holds. */
typedef enum {
    OGI_VT_COUNT = 0,  /* non-negative integer */
    OGI_VT_SIGNED,     /* signed integer: 本年增/减 */
    OGI_VT_AMOUNT,     /* non-negative decimal, unit from header or cell */
    OGI_VT_AMOUNT_WAN, /* non-negative decimal in 万元 by definition */
} ogi_vtype_t;

/* The tables of both versions; a report carries those of its version. */
typedef enum {
    OGI_T2_19_1 = 0, /* 第二十条第（一）项, 2019 */
    OGI_T2_19_5,
    OGI_T2_19_6,
    OGI_T2_19_8,
    OGI_T2_19_9,
    OGI_T2_21_1, /* 第二十条第（一）项, 2021 */
    OGI_T2_21_5,
    OGI_T2_21_6,
    OGI_T2_21_8,
    OGI_T3, /* 收到和处理政府信息公开申请情况 */
    OGI_T4, /* 行政复议、行政诉讼 */
    OGI_TABLE_COUNT
} ogi_table_id_t;

/* Row flags. */
#define OGI_ROW_GROUP    0x01u /* merged group header: holds no values */
#define OGI_ROW_OTHER1   0x02u /* Table 3 （六）其他处理 as one data row */
#define OGI_ROW_OTHER3   0x04u /* Table 3 （六） sub-rows of the 2021 format */
#define OGI_ROW_SHORTKEY 0x08u /* label core too short to match without its
                                  numbering ("其他", "总计") */

typedef struct {
    const char *key;             /* JSON/SQL key: "natural_person" */
    const char *label;           /* label as printed in the template */
    const char *const *variants; /* other printed forms, NULL-terminated */
    ogi_vtype_t type;            /* what the cells hold */
} ogi_skel_col_t;

typedef struct {
    const char *key;             /* "denied.state_secret"; group rows: "" */
    const char *number;          /* numbering as printed: "1.", "（三）",
                                    "一、", or "" */
    const char *label;           /* label without its numbering */
    const char *const *variants; /* other printed forms, NULL-terminated */
    unsigned flags;              /* OGI_ROW_* */
} ogi_skel_row_t;

typedef struct {
    ogi_table_id_t id;
    const char *path;            /* "active.a20_1", "apply", "appeal" */
    const char *label;           /* heading as printed: "第二十条第（一）项" */
    unsigned formats;            /* OGI_FMASK_* */
    const ogi_skel_row_t *rows;  /* rows in printed order (groups included) */
    size_t nrows;
    const ogi_skel_col_t *cols;  /* columns in printed order */
    size_t ncols;
} ogi_skel_table_t;

/* The table with this id; never NULL for a valid id. */
const ogi_skel_table_t *ogi_skeleton_table(ogi_table_id_t id);

/* Index of the row with this key ("denied.state_secret") in table id, or
 * -1. */
long ogi_skeleton_row_index(ogi_table_id_t id, const char *key);

/* Index of the column with this key ("total") in table id, or -1. */
long ogi_skeleton_col_index(ogi_table_id_t id, const char *key);

/* Table 2 items of a format, in printed order; *n receives their count. */
const ogi_table_id_t *ogi_skeleton_active(ogi_format_t format, size_t *n);

/* "2019" / "2021" / NULL. */
const char *ogi_skeleton_format_name(ogi_format_t format);

/*
 * An arithmetic relation of the format (README "Rules": O1, D1-D3), once per
 * row of its table (along_rows: the keys name columns) or once per column (the
 * keys name rows): the cells of lhs add up to those of rhs. The identities
 * (O1 D1 D2 D3) hold exactly; the soft relations (C1 C2 C3) say Σ lhs ≤
 * Σ rhs and only rank what is plausible. A row key ending in '.' names
 * every row under that prefix ("denied."); rows of both shapes of Table 3
 * （六） are listed, so callers keep those of the report's shape
 * (ogi_report_row_in_shape).
 */
#define OGI_SKEL_MAX_KEYS 32 /* resolved indexes on one side */

typedef struct {
    const char *rule;          /* stable rule ID: "O1", "D2", "C3" */
    ogi_table_id_t table;
    int along_rows;            /* 1: once per row, keys are columns;
                                  0: once per column, keys are rows */
    const char *const *lhs;    /* keys, NULL-terminated */
    const char *const *rhs;    /* keys, NULL-terminated; may be empty */
    const size_t *lhs_at;      /* lhs resolved to column (or row) indexes,
                                  in printed order, group rows left out */
    size_t nlhs;
    const size_t *rhs_at;      /* rhs resolved likewise */
    size_t nrhs;
} ogi_skel_identity_t;

/* The identities O1 D1 D2 D3 (Σ lhs = Σ rhs), in that order; *n receives
 * their count. Resolved on first use; safe from any thread. */
const ogi_skel_identity_t *ogi_skeleton_identities(size_t *n);

/* The soft relations C1 C2 C3 (Σ lhs ≤ Σ rhs, along rows), one entry per
 * table they cover; *n receives their count. Safe from any thread. */
const ogi_skel_identity_t *ogi_skeleton_relations(size_t *n);

/* Table 4 in flattened text: its 15 cells in printed order map to
 * (row, col) = (i / 5, i % 5). */
#define OGI_T4_CELLS 15

/* The six sections of a report. */
typedef enum {
    OGI_SEC_OVERVIEW = 0, /* 一、总体情况 */
    OGI_SEC_ACTIVE,       /* 二、主动公开政府信息情况 */
    OGI_SEC_APPLY,        /* 三、收到和处理政府信息公开申请情况 */
    OGI_SEC_APPEAL,       /* 四、政府信息公开行政复议、行政诉讼情况 */
    OGI_SEC_PROBLEMS,     /* 五、存在的主要问题及改进情况 */
    OGI_SEC_OTHER,        /* 六、其他需要报告的事项 */
    OGI_SEC_COUNT
} ogi_section_id_t;

typedef struct {
    ogi_section_id_t id;
    const char *key;               /* "overview" */
    const char *ordinal;           /* "一" */
    const char *title;             /* official heading: "一、总体情况" */
    const char *const *keywords;   /* any one identifies a heading, NULL-term. */
    const char *const *variants;   /* other printed headings (long and short
                                      forms seen in reports), NULL-term. */
} ogi_skel_section_t;

/* The section with this id; never NULL for a valid id. */
const ogi_skel_section_t *ogi_skeleton_section(ogi_section_id_t id);

#endif /* OGI_SKELETON_H */
