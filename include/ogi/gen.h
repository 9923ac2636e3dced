/*
 * gen.h - realistic annual reports with known truth, from a seed.
 *
 * ogi_gen_report() draws one plausible report (an agency at some level,
 * a year and its format version, tables whose sums hold, narrative whose
 * figures agree with the tables, a contact line, a date) and renders it as
 * text in one of the layouts real reports use (README "The forms ogi reads").
 * Next to the text it returns the truth: the record the parser must read back
 * (every cell and meta field), whose findings are those the validator
 * must give. With some probability one error is injected (a wrong row
 * total, a broken 勾稽关系, a negative count, a missing row, a 2021 fee in
 * 元, a narrative figure that contradicts its table) and the truth lists
 * the findings it causes.
 *
 * Every label is rendered from the skeleton (skeleton.h). The generator
 * draws from its own PRNG (splitmix64) and uses integer arithmetic only:
 * the same options give the same bytes on every machine. Thread-safe as
 * long as each thread uses its own arena.
 */
#ifndef OGI_GEN_H
#define OGI_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "ogi/arena.h"
#include "ogi/report.h"

/* The layouts real reports use (README "The forms ogi reads"), plus two input
 * formats the parser does not read yet (markdown, html). Names are those of
 * --layouts. */
#define OGI_GEN_LAYOUT_MAP(X)                                                  \
    X(CELL, "cell", "one cell per line with a leading tab (seeds 0, 1, 2, 4)") \
    X(TABROW, "tabrow", "one row per line, tab-separated (seed 3)")            \
    X(PDF, "pdf", "columns aligned with spaces (pdftotext -layout)")           \
    X(SPLIT, "split", "labels split over lines")                               \
    X(VERTICAL, "vertical", "vertical group labels and Table 4 headers")       \
    X(SPACED, "spaced", "spaces inside labels")                                \
    X(PAGEBREAK, "pagebreak", "a row split by a page break")                   \
    X(JUNK, "junk", "captions and pasted lines inside the tables")             \
    X(NOLABEL, "nolabel", "a row without its label (seed 0)")                  \
    X(BLANKS, "blanks", "blank cells and placeholders")                        \
    X(WIDTH, "width", "half/full-width punctuation and digits")                \
    X(HEADINGS, "headings", "long and short section headings")                 \
    X(NOTITLE, "notitle", "no title")                                          \
    X(MARKDOWN, "markdown", "pipe tables (Markdown)")                          \
    X(HTML, "html", "an agency page with <table>s (its text forms are read)")

typedef enum {
#define OGI__GEN_LAYOUT_ENUM(name, str, doc) OGI_GEN_##name,
    OGI_GEN_LAYOUT_MAP(OGI__GEN_LAYOUT_ENUM)
#undef OGI__GEN_LAYOUT_ENUM
        OGI_GEN_LAYOUT_COUNT
} ogi_gen_layout_t;

/* The name of a layout ("cell"), or NULL for an invalid one. */
const char *ogi_gen_layout_name(ogi_gen_layout_t layout);

/* One line describing a layout, or NULL. */
const char *ogi_gen_layout_doc(ogi_gen_layout_t layout);

/* The layout with this name, or -1. */
int ogi_gen_layout_find(const char *name);

/* 1 when ogi_parse_report() reads the layout (all but markdown, html). */
int ogi_gen_layout_parsed(ogi_gen_layout_t layout);

typedef struct {
    uint64_t seed;           /* everything is drawn from it */
    ogi_gen_layout_t layout; /* how the text is laid out */
    ogi_format_t format;     /* 2019, 2021, or UNKNOWN for either (the
                                year decides) */
    double error_rate;       /* probability of one injected error, 0..1 */
} ogi_gen_opts_t;

/* Error kinds that can be injected (the truth's "gen.error"). */
#define OGI_GEN_ERROR_MAP(X)                                                   \
    X(NONE, "none")                                                            \
    X(ROW_TOTAL, "row_total")      /* D2: one row total off */                 \
    X(CANCEL, "cancelling_totals") /* D2 twice, column sums intact */          \
    X(IDENTITY, "identity")        /* O1: 一 + 二 != 三 + 四 */            \
    X(NEGATIVE, "negative")        /* V1: a negative count */                  \
    X(MISSING_ROW, "missing_row")  /* V2: a Table 3 row left out */            \
    X(FEE_YUAN, "fee_in_yuan")     /* C5: 2021 收费金额 typed in 元 */    \
    X(NARRATIVE, "narrative")      /* N1-N6: a figure contradicts */

typedef enum {
#define OGI__GEN_ERROR_ENUM(name, str) OGI_GEN_ERR_##name,
    OGI_GEN_ERROR_MAP(OGI__GEN_ERROR_ENUM)
#undef OGI__GEN_ERROR_ENUM
        OGI_GEN_ERR_COUNT
} ogi_gen_error_t;

/* The name of an error kind ("row_total"), or NULL. */
const char *ogi_gen_error_name(ogi_gen_error_t error);

typedef struct {
    char *text;               /* the report, UTF-8, NUL-terminated */
    size_t len;               /* bytes of text */
    ogi_report_t *truth;      /* what the parser must read; its findings
                                 are those the validator must give */
    ogi_gen_layout_t layout;  /* as asked */
    const char *base;         /* the flattening under the quirk: "cell",
                                 "tabrow", "pdf", "markdown" or "html" */
    ogi_gen_error_t error;    /* the injected error, or NONE */
    const char *error_detail; /* what was changed, for people; or "" */
} ogi_gen_doc_t;

/*
 * Generates one report from opts into arena: out->text, out->truth and
 * everything they point to belong to the arena. The truth's doc_key,
 * source_bytes and status are those of out->text; its source_name is
 * name (may be NULL). Returns 0, OGI_EINVAL for invalid options, or
 * OGI_ENOMEM.
 */
int ogi_gen_report(ogi_arena_t *arena, const ogi_gen_opts_t *opts,
                   const char *name, ogi_gen_doc_t *out);

/*
 * The truth of doc as JSON (README "The record", via ogi_json_dump), with a
 * "gen" object added (seed, layout, base, error, detail). Allocated with
 * malloc; the caller frees it. NULL when out of memory.
 */
char *ogi_gen_truth_json(const ogi_gen_doc_t *doc, uint64_t seed);

#endif /* OGI_GEN_H */
