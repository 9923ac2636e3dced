/*
 * gen_render_int.h - what the text renderer shares with the page writers
 * (private to lib/gen).
 *
 *   gen_render.c  the document's flow, the visual rows of each table and
 *                 the text flatteners (cell, tabrow, pdf)
 *   gen_html.c    the html page and the markdown tables, from the same
 *                 visual rows
 *
 * A table is first built as visual rows (vrows): cells of text, values and
 * merged (empty) slots; a flattener then prints them in the report's base.
 */
#ifndef OGI_GEN_RENDER_INT_H
#define OGI_GEN_RENDER_INT_H

#include <stddef.h>

#include "gen_int.h"

/* ---- per-report printing choices ---- */

typedef struct {
    int halfwidth;      /* width: （）：， printed half width */
    int fullwidth_pct;  /* width: share of values in full-width digits */
    int thousands;      /* width: 1,234 */
    int num_style;      /* row numbers: 0 "1.", 1 "1、", 2 "1．", 3 "1. " */
    int spaced;         /* spaced: spaces inside labels */
    int split;          /* split: labels split over lines */
    int vertical;       /* vertical: group labels and Table 4 headers */
    int vindent;        /* vertical: indent of the later lines */
    int trailing_tab;   /* tabrow: rows end with a tab */
    int rule_line;      /* tabrow: the stray "--------" line (seed 3) */
    int split_number;   /* tabrow: "一、\t本年新收…" (seed 3) */
    int junk;           /* junk: captions and pasted lines */
    int pdf_space_nums; /* pdf: "2024 年" */
    int pdf_mid_groups; /* pdf: group labels in the middle of their rows */
    int pdf_wrap_mode;  /* pdf: where values go on a wrapped label */
    int page;           /* page number counter */
    int short_partial;  /* （二）部分公开 without its note (a variant) */
    int use_variants;   /* column/row label variants of the skeleton */
} ogi__style_t;

/* ---- visual rows ---- */

/* Kinds of vrow cells, and roles of vrows. */
enum { OGI__K_TEXT = 0, OGI__K_VALUE, OGI__K_MERGED };
enum { OGI__R_CAPTION = 0, OGI__R_HEAD, OGI__R_DATA, OGI__R_JUNK };

#define OGI__VR_MAXC 20

typedef struct {
    const char *t[OGI__VR_MAXC];
    unsigned char k[OGI__VR_MAXC];
    size_t n;
    int role;
    int depth;         /* pdf: 0 top-level row, 1 under 三, 2 under a group */
    long row;          /* skeleton row of a data row, else -1 */
    const char *label; /* data rows: the label (NULL: printed without) */
    const char *top; /* data rows: the 三、 group label they open, or NULL */
    const char *sub; /* data rows: the group label they open, or NULL */
    size_t nvals;    /* data rows: values are t[n - nvals .. n) */
    int pagebreak;   /* this row is cut by a page break */
    size_t numcp;    /* code points of the label's printed number */
} ogi__vrow_t;

typedef struct {
    ogi__vrow_t *v;
    size_t n, cap;
    ogi_table_id_t table;
} ogi__vlist_t;

/* ---- gen_html.c ---- */

/* Appends s to g->out as HTML text: <, > and & escaped, line breaks as
 * <br />. */
void ogi__gen_html_text(ogi__gen_t *g, const char *s);

/* One table of vrows as an HTML <table>, appended to g->out. */
void ogi__gen_html_table(ogi__gen_t *g, const ogi__vlist_t *l);

/* One table of vrows as a markdown pipe table, appended to g->out. */
void ogi__gen_md_table(ogi__gen_t *g, const ogi__vlist_t *l);

#endif /* OGI_GEN_RENDER_INT_H */
