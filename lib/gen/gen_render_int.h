/*
 * gen_render_int.h - what the text renderer shares with the page writers
 * (private to lib/gen).
 *
 *   gen_render.c  the document's flow and the visual rows of each table
 *   gen_flat.c    the text flatteners (cell, tabrow, pdf) and each table
 *                 put out in the report's base
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

/* How an html report's page is written: each drawn from the seed, so that
 * a few hundred reports hold every variant (gen_html.c). */
typedef struct {
    int page;      /* 0 a Word "save as web page" document, 1 an agency
                      site's article page (navigation, breadcrumbs, footer,
                      scripts) */
    int border;    /* 0 border="1" cellspacing="0" cellpadding="0", 1
                      border="0" with CSS borders on the cells */
    int width;     /* cell widths: 0 none, 1 width="N", 2 style="width:N" */
    int wrap;      /* cell contents: 0 bare, 1 <p>, 2 Word's
                      <p class=MsoNormal><span>, 3 <span style> */
    int src;       /* source lines: 0 a row per line, 1 a cell per line, 2
                      Word's tags on lines of their own, 3 a table on one
                      line */
    int quote;     /* attributes: 0 "quoted", 1 unquoted (Word 2003) */
    int th;        /* header cells as <th> */
    int bold;      /* header cells in <strong> */
    int split_hdr; /* header text split: 0 never, 1 by <br>, 2 over two
                      <p>s */
    int pad;       /* &nbsp; before or after some values and labels */
    int entities; /* “”— as 0 UTF-8, 1 &ldquo; &rdquo; &mdash;, 2 &#8220; */
    int t2_one;   /* Table 2 as one table, the items as colspan rows */
    int t2_cap;   /* Table 2 tables apart: 0 the item as a paragraph
                     before its table, 1 as the table's first row */
    int t3_cut;   /* Table 3 cut by a page break: 0 no, 1 the header
                     repeated, 2 not repeated */
    int t3_regroup; /* a group cell cut by the break: 0 its label again,
                       1 an empty cell */
    int heading;    /* 0 <h2>, 1 <p><strong>, 2 <p style><b>, 3 <h3> */
    int para;       /* 0 <p>, 1 text-indent, 2 &nbsp; indent, 3 Word */
    int title;      /* 0 <h1>, 1 <p align=center><strong>, 2 <div> */
    int br;         /* 0 <br />, 1 <br> */
} ogi__html_style_t;

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
    ogi__html_style_t html; /* html: drawn by ogi__gen_html_begin() */
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

/* The html page: begin draws st->html and writes everything before the
 * report's title (head, navigation, breadcrumbs); end writes what follows
 * its last line (related links, copyright, scripts). */
void ogi__gen_html_begin(ogi__gen_t *g, ogi__style_t *st);
void ogi__gen_html_end(ogi__gen_t *g, const ogi__style_t *st);

/* The title (line breaks kept), a section heading, a paragraph. */
void ogi__gen_html_title(ogi__gen_t *g, const ogi__style_t *st, const char *s);
void ogi__gen_html_heading(ogi__gen_t *g, const ogi__style_t *st,
                           const char *s);
void ogi__gen_html_para(ogi__gen_t *g, const ogi__style_t *st, const char *s);

/* Table 2 from its items' vrows (one list per item), Table 3, Table 4, as
 * the official template lays them out (rowspans and colspans). */
void ogi__gen_html_t2(ogi__gen_t *g, const ogi__style_t *st,
                      const ogi__vlist_t *items, size_t n);
void ogi__gen_html_t3(ogi__gen_t *g, const ogi__style_t *st,
                      const ogi__vlist_t *l);
void ogi__gen_html_t4(ogi__gen_t *g, const ogi__style_t *st,
                      const ogi__vlist_t *l);

/* One table of vrows as a markdown pipe table, appended to g->out. */
void ogi__gen_md_table(ogi__gen_t *g, const ogi__vlist_t *l);

/* ---- shared by the renderer (gen_render.c) and the flatteners
 * (gen_flat.c) ---- */

/* Appends n spaces to b. */
void ogi__gen_spaces(ogi__sb_t *b, int n);

/* Bytes of the UTF-8 character at s. */
size_t ogi__gen_cp_len(const char *s);

/* Code points in s. */
size_t ogi__gen_cp_count(const char *s);

/* Display width of s (ideographs and full-width forms two columns). */
int ogi__gen_disp_width(const char *s);

/* Byte offset of code point k of s (or its end). */
size_t ogi__gen_cp_offset(const char *s, size_t k);

/* s with spaces between its characters after the first nskip (in the
 * generator's arena). */
char *ogi__gen_spaced(ogi__gen_t *g, const char *s, size_t nskip);

/* The visual rows of Table 2 item id, Table 3 and Table 4 into l. */
void ogi__gen_build_t2(ogi__gen_t *g, const ogi__style_t *st,
                       ogi__vlist_t *l, ogi_table_id_t id);
void ogi__gen_build_t3(ogi__gen_t *g, const ogi__style_t *st,
                       ogi__vlist_t *l);
void ogi__gen_build_t4(ogi__gen_t *g, const ogi__style_t *st,
                       ogi__vlist_t *l);

/* The report's printing choices (layout, quirks, widths), drawn once
 * per report from g's random stream. */
void ogi__gen_pick_style(ogi__gen_t *g, ogi__style_t *st);

/* A page footer a PDF conversion leaves, indented by indent. */
void ogi__gen_page_number(ogi__gen_t *g, ogi__style_t *st, int indent);

/* Tables 2, 3 and 4 built and put out in the report's base. */
void ogi__gen_render_t2(ogi__gen_t *g, ogi__style_t *st);
void ogi__gen_render_t3(ogi__gen_t *g, ogi__style_t *st);
void ogi__gen_render_t4(ogi__gen_t *g, ogi__style_t *st);

#endif /* OGI_GEN_RENDER_INT_H */
