/*
 * report.h - one parsed report: the record (README "The record") in C.
 *
 * A report and everything it points to lives in the arena it was created
 * in; it is released with that arena. Not thread-safe; one report is used
 * by one thread at a time.
 */
#ifndef OGI_REPORT_H
#define OGI_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "ogi/arena.h"
#include "ogi/skeleton.h"

#define OGI_RECORD_SCHEMA 1 /* "ogi": 1 in the JSON record */

/* What a cell holds (README "The report format": what a cell holds). */
typedef enum {
    OGI_CELL_MISSING = 0, /* absent from the report (never found) */
    OGI_CELL_NUM,         /* a number, 0 included */
    OGI_CELL_EMPTY,       /* a blank cell */
    OGI_CELL_NA,          /* a placeholder: — - / 无 不适用 */
    OGI_CELL_TEXT,        /* something that is not a number */
} ogi_cell_state_t;

/* Unit of an amount. */
typedef enum {
    OGI_UNIT_NONE = 0, /* not stated */
    OGI_UNIT_YUAN,     /* 元 */
    OGI_UNIT_WAN_YUAN, /* 万元 */
} ogi_unit_t;

/* Cell flags. */
#define OGI_CELLF_BY_ORDER 0x01u /* placed by row order: its label was absent */
#define OGI_CELLF_SHIFTED  0x02u /* its row had more or fewer cells */

typedef struct {
    uint8_t state;  /* ogi_cell_state_t */
    uint8_t scale;  /* decimals: value = number * 10^scale */
    uint8_t unit;   /* ogi_unit_t written in the cell itself */
    uint8_t flags;  /* OGI_CELLF_* */
    int64_t value;  /* OGI_CELL_NUM: the number, scaled */
    uint32_t off;   /* span in the raw input: first byte */
    uint32_t len;   /* span length in bytes (0 when missing) */
} ogi_cell_t;

/* One table of the skeleton as found in a report. */
typedef struct {
    int present;               /* the table was found */
    const ogi_skel_table_t *skel;
    ogi_cell_t *cells;         /* nrows * ncols, row-major; NULL if absent */
    uint8_t *row_found;        /* per row: its label or values were seen */
    ogi_unit_t unit;           /* unit stated in a header (amount columns) */
} ogi_table_t;

typedef enum {
    OGI_LEVEL_UNKNOWN = 0,
    OGI_LEVEL_PROVINCE,
    OGI_LEVEL_CITY,
    OGI_LEVEL_COUNTY,
    OGI_LEVEL_TOWNSHIP,
    OGI_LEVEL_DEPARTMENT,
} ogi_level_t;

#define OGI_MAX_PHONES 8

typedef struct {
    char *agency;        /* "哈尔滨市松北区人民政府", or NULL */
    int year;            /* year reported on, or 0 */
    int title_year;      /* year stated in the title, or 0 */
    int period_year;     /* year of the stated statistical period, or 0 */
    ogi_format_t format; /* format the tables follow */
    char *published_on;  /* "YYYY-MM-DD", or NULL */
    ogi_level_t admin_level;
    char *province;      /* "黑龙江省", or NULL */
    char *phones[OGI_MAX_PHONES]; /* "0451-84015515" */
    size_t nphones;
    char *postal_code;   /* 6 digits, or NULL */
    char *email;         /* or NULL */
    char *address;       /* or NULL */
    /* the agency resolved (ogi/agency.h, the province as the hint) by
     * ogi_validate_report; NULL when it is not resolved (rule M1) */
    char *agency_key;     /* "320813:人民政府", equal across years */
    char *division_code;  /* "320813" (GB/T 2260; "000000" national) */
    char *division_level; /* "county", "prefecture", "province", "national" */
} ogi_meta_t;

typedef struct {
    int present;      /* heading found */
    char *title;      /* heading as printed (trimmed) */
    char *text;       /* the narrative under it, tables excluded */
    uint32_t off;     /* span of the heading line in the raw input */
    uint32_t len;
} ogi_section_t;

typedef enum {
    OGI_SEV_INFO = 0,
    OGI_SEV_WARNING,
    OGI_SEV_ERROR,
} ogi_severity_t;

typedef struct {
    const char *rule;        /* stable rule ID: "D2", "P1" */
    ogi_severity_t severity;
    char *path;              /* "apply.granted.total", or "" */
    char *message;           /* lower case, no trailing period */
} ogi_finding_t;

typedef enum {
    OGI_STATUS_OK = 0,     /* parsed; no error findings */
    OGI_STATUS_HAS_ERRORS, /* parsed; some error findings */
    OGI_STATUS_REJECTED,   /* not a report, or unreadable */
} ogi_status_t;

typedef struct {
    ogi_arena_t *arena;      /* owns everything below */
    char doc_key[65];        /* SHA-256 of the raw bytes, lower-case hex */
    ogi_status_t status;
    const char *parser_version; /* of the parser that read it (a record
                                   decoded from a worker's message keeps
                                   the worker's); NULL: this binary's */
    char *source_name;       /* file name as given, or NULL */
    size_t source_bytes;     /* raw size */
    const char *encoding;    /* "utf-8", or NULL when rejected before */
    const char *content_type;/* "text/plain" */
    ogi_meta_t meta;
    ogi_table_t tables[OGI_TABLE_COUNT];
    int apply_other_rows;    /* Table 3 （六）: 1 (one row), 3 (sub-rows), 0 */
    ogi_section_t sections[OGI_SEC_COUNT];
    ogi_finding_t *findings;
    size_t nfindings;
    size_t findings_cap;
} ogi_report_t;

/* A new empty report in arena, or NULL when out of memory. */
ogi_report_t *ogi_report_new(ogi_arena_t *arena);

/* Makes table id present with every cell OGI_CELL_MISSING.
 * Returns 0 or OGI_ENOMEM. */
int ogi_report_table_init(ogi_report_t *self, ogi_table_id_t id);

/* The cell (row, col) of table id, or NULL if the table is absent or the
 * indexes are out of range. */
ogi_cell_t *ogi_report_cell(const ogi_report_t *self, ogi_table_id_t id,
                            size_t row, size_t col);

/* Whether a Table 3 row belongs to the shape this report uses for （六）. */
int ogi_report_row_in_shape(const ogi_report_t *self, ogi_table_id_t id,
                            size_t row);

/* A walk over every cell of the report's tables, rows outside the
 * report's shape of （六） left out. Start zeroed: {0}. */
typedef struct {
    ogi_table_id_t table; /* where the current cell is */
    size_t row, col;
    const ogi_cell_t *cell;
    size_t next_;         /* private: cells visited so far */
} ogi_cell_iter_t;

/* Advances it to the next cell; returns 0 when there is none. */
int ogi_report_next_cell(const ogi_report_t *self, ogi_cell_iter_t *it);

/* Appends a finding; path may be NULL. The message is printf-formatted and
 * copied into the arena. Returns 0 or OGI_ENOMEM. */
int ogi_report_add_finding(ogi_report_t *self, const char *rule,
                           ogi_severity_t severity, const char *path,
                           const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Writes "<table path>.<row key>.<col key>" (col < 0: without the column)
 * into buf; returns buf. */
char *ogi_report_path(ogi_table_id_t id, size_t row, long col, char *buf,
                      size_t size);

/* Cell value as a double (value / 10^scale); 0 unless OGI_CELL_NUM. */
double ogi_cell_number(const ogi_cell_t *cell);

const char *ogi_status_name(ogi_status_t status);
const char *ogi_severity_name(ogi_severity_t severity);
const char *ogi_level_name(ogi_level_t level); /* NULL for unknown */
const char *ogi_unit_name(ogi_unit_t unit);   /* NULL for none */

#endif /* OGI_REPORT_H */
