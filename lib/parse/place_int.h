/*
 * place_int.h - putting a region's tokens onto the skeleton's rows.
 *
 * Rows are found by label where the label is there, and by the format's
 * fixed row order where it is not (README "The forms ogi reads": missing
 * labels, rows split over page breaks, junk lines). Private to lib/.
 */
#ifndef OGI_PLACE_INT_H
#define OGI_PLACE_INT_H

#include "table_int.h"
#include "ogi/report.h"

/* Places Table 2 (the items of report->meta.format) from grid g. */
int ogi__place_active(ogi_report_t *r, const ogi__table_t *g);

/* Places Table 3 from grid g; decides report->apply_other_rows. */
int ogi__place_apply(ogi_report_t *r, const ogi__table_t *g);

/* Places Table 4 (15 cells in printed order) from grid g. */
int ogi__place_appeal(ogi_report_t *r, const ogi__table_t *g);

/* Moves Table 4's values toks[0..*ntoks) (in printed order, blanks and
 * OGI__PLAN_GAP among them) to the 15 places, kept in order, that break
 * the fewest blocks' sums (each block's 总计 the sum of its four), the
 * nearest among those to where the gaps between them on their line put
 * them (else to where they were), when that breaks fewer than
 * they do, named by a P3 (place_appeal_sums.c); *ntoks is then 15.
 * Returns 0 or OGI_ENOMEM. */
int ogi__appeal_by_sums(ogi_report_t *r, const ogi__table_t *g, uint32_t *toks,
                        size_t *ntoks);

/* Table 4's blocks (行政复议 and the two suits) and the cells of each
 * (结果维持, 结果纠正, 其他结果, 尚未审结, 总计). */
#define OGI__T4_BLOCKS     3
#define OGI__T4_BLOCK_COLS 5

/* place_appeal_tell.c: whether Table 4's values toks[0..n) keep no trace
 * of the blank cells among them; and the P6 of each block of r that
 * toks (values and blanks, or values and runs of digits) read otherwise
 * than placed, naming the other readings (0 or OGI_ENOMEM). */
int ogi__appeal_traceless(const ogi__table_t *g, const uint32_t *toks,
                          size_t n);
int ogi__appeal_tell_rows(ogi_report_t *r, const ogi__table_t *g,
                          const uint32_t *toks, size_t n);
int ogi__appeal_tell_runs(ogi_report_t *r, const ogi__table_t *g,
                          const uint32_t *toks, size_t n);

/* place_appeal_cut.c: Table 4's values toks[0..n), one a column of a
 * grid a column short, read by the leaf labels of its header records
 * [0, rec), the cell of the column not in the document left missing
 * with a P3; *done 1 when so placed. Returns 0 or OGI_ENOMEM. */
int ogi__appeal_by_leaves(ogi_report_t *r, const ogi__table_t *g,
                          const uint32_t *toks, size_t n, size_t rec,
                          int *done);
/* Table 4's values toks[0..*n) on one line cut by bars into exactly
 * fifteen cells: set to those cells in order, the empty ones blank. */
void ogi__appeal_by_bars(const ogi__table_t *g, uint32_t *toks, size_t *n);

/* The format voted for by the Table 2 column headers in g, or unknown;
 * *margin (when not NULL) receives by how many headers it won. */
ogi_format_t ogi__place_detect_format(const ogi__table_t *g, int *margin);


/* ---- the plan: the rows a region may hold, shared by place*.c ---- */

#include <stdint.h>

#include "label_int.h"
#include "split_int.h"

#define OGI__PLAN_MAX_ROWS  40 /* rows of the tables of a region */
#define OGI__PLAN_MAX_TOKS  48 /* cells one row may be given */
#define OGI__PLAN_MAX_LABEL 180 /* a label with some extra words, in UTF-8 */

/* One row a region may hold, in printed order. */
typedef struct {
    ogi_table_id_t table;
    size_t row;       /* skeleton row; groups included */
    size_t nrows;     /* its table's rows (laid out after one another) */
    int group;        /* holds no values */
    size_t ncols;
    ogi__label_set_t labels;
    uint32_t toks[OGI__PLAN_MAX_TOKS]; /* grid token indexes given to it */
    size_t ntoks;
    int labelled;     /* its label was seen */
    int by_order;     /* got values without a label */
    int traceless;    /* its table's text keeps no trace of a blank cell
                         (set by the table's placer): a short row's values
                         have lost their places */
} ogi__prow_t;

typedef struct {
    ogi__prow_t rows[OGI__PLAN_MAX_ROWS];
    size_t n;
} ogi__plan_t;


/* A row's token that stands for a blank cell inferred from the columns'
 * positions: no cell of the table model holds it. */
#define OGI__PLAN_GAP UINT32_MAX

/* A row's token that stands for a cell cut off at the paper's edge: a
 * cut value of up to three digits ("???"), which the arithmetic may put
 * back (place_lost.c). */
#define OGI__PLAN_CUT (UINT32_MAX - 1)

/* A token for the splitter only (never in a row's list): where zero or
 * more blank cells a text kept no trace of may stand, between the values
 * of a row whose places were lost (ogi__split_free_gap). */
#define OGI__PLAN_FREE (UINT32_MAX - 2)

/* A report cell's mark, between placement and ogi__place_lost: a value
 * the layout cut short, missing for now; its value holds the digits left
 * (-1 none, -2 a placeholder's dash), its scale how many more it may have
 * had. */
#define OGI__CELLF_CUT 0x80u

/* Marks c as cut when s[0..n) is a cut value's pattern ("4?", "?": the
 * digits left, then '?' per digit that may be gone; "-": a placeholder's
 * dash). Returns 1 if so. */
int ogi__place_cut_mark(ogi_cell_t *c, const char *s, size_t n);

/* Puts back the cut cells of Tables 3 and 4 that an identity decides
 * (place_lost.c), then clears every mark. t: the text the cells' spans
 * point into. Returns 0 or OGI_ENOMEM. */
int ogi__place_lost(ogi_report_t *r, const ogi_text_t *t);

/* Rows whose runs of digits are left to the splitter, per table. */
typedef struct {
    ogi_table_id_t table[OGI__PLAN_MAX_ROWS];
    ogi__split_span_t span[OGI__PLAN_MAX_ROWS];
    size_t n;
} ogi__pending_t;

/* Adds the rows of skeleton table id to the plan. */
void ogi__plan_add_table(ogi__plan_t *p, ogi_table_id_t id);

/* Gives the plan's rows the cells of g's rows: by label, else by the
 * format's row order (skip_flags: rows never taken by order). */
void ogi__plan_walk(ogi__plan_t *p, const ogi__table_t *g, unsigned skip_flags);

/* Gives short rows the blank cells their columns' positions show. */
void ogi__plan_infer_blanks(ogi__plan_t *p, const ogi__table_t *g);

/* The cells OGI__PLAN_GAP and OGI__PLAN_CUT stand for (place_blanks.c). */
extern const ogi__cell_t ogi__plan_gap_cell, ogi__plan_cut_cell;

/* The cell a row's token stands for (a blank for OGI__PLAN_GAP, a cut
 * value for OGI__PLAN_CUT). Inline: the placing reads tokens' cells by
 * the thousand. */
static inline const ogi__cell_t *
ogi__plan_tok_cell(const ogi__table_t *g, uint32_t tok)
{
    if (tok < OGI__PLAN_FREE)
        return &g->cells[tok];
    return tok == OGI__PLAN_GAP   ? &ogi__plan_gap_cell
           : tok == OGI__PLAN_CUT ? &ogi__plan_cut_cell
                                  : &ogi__split_free_gap;
}

/* Fills the report's cells of plan row pr; rows holding runs of digits
 * are deferred to pend. Returns 0 or OGI_ENOMEM. */
int ogi__plan_fill_row(ogi_report_t *r, const ogi__table_t *g, ogi__prow_t *pr,
                       ogi__pending_t *pend);

/* Runs the splitter over the deferred rows. Returns 0 or OGI_ENOMEM. */
int ogi__plan_split_pending(ogi_report_t *r, const ogi__table_t *g,
                            ogi__pending_t *pend);

/* Defers the cells toks[lo..hi) of a row, to fill ncells cells from cell
 * first of table id. Returns 0 or OGI_ENOMEM. */
int ogi__plan_defer(ogi_report_t *r, const ogi__table_t *g,
                    ogi__pending_t *pend, ogi_table_id_t id, size_t first,
                    size_t ncells, const uint32_t *toks, size_t lo, size_t hi);

/* 1 when toks[lo..hi) holds a run of digits. */
int ogi__plan_has_run(const ogi__table_t *g, const uint32_t *toks, size_t lo,
                      size_t hi);

/* Sets report cell c from a row's token t. Returns 0. */
int ogi__plan_cell_from_tok(ogi_report_t *r, ogi_cell_t *c,
                            const ogi__table_t *g, const ogi__cell_t *t);

/* Gives pr the value cells of row rec from cell from on. */
void ogi__plan_give(ogi__prow_t *pr, const ogi__table_t *g,
                    const ogi__row_t *rec, size_t from);

/* 1 when row rec holds a value (or a run) from cell from on. */
int ogi__plan_has_value(const ogi__table_t *g, const ogi__row_t *rec,
                        size_t from);

/* 1 when row rec holds a blank cell. */
int ogi__plan_has_blank(const ogi__table_t *g, const ogi__row_t *rec);

/* 1 when plan row pr was given a value or a run of digits. */
int ogi__plan_row_has_value(const ogi__table_t *g, const ogi__prow_t *pr);

/* place.c's tests of a row's tokens, shared with Table 4's placement
 * (place_appeal.c): a gap among toks[lo..hi) (a crawler's blanks between
 * digits, which only the splitter can read); blank pieces that are all
 * empty lines of a text keeping its line breaks; no trace of a blank
 * cell at all. */
int ogi__plan_has_gap(const ogi__table_t *g, const uint32_t *toks, size_t lo,
                      size_t hi);
int ogi__plan_empty_lines(const ogi__table_t *g, const uint32_t *toks,
                          size_t n);
int ogi__plan_no_trace(const ogi__table_t *g, const uint32_t *toks, size_t n);

/* A short row of a table that kept no trace of its blank cells to the
 * splitter as a free span: 1 deferred, 0 not such a row, -1 out of
 * memory (place.c). */
int ogi__plan_defer_free(ogi_report_t *r, const ogi__table_t *g,
                         ogi__prow_t *pr, ogi__pending_t *pend);

/* place_short.c: a row short of cells */

/* The blank cells the gaps among toks[lo..hi) (BLANK pieces with text)
 * and the runs of marks among them may stand for. */
size_t ogi__plan_gap_room(const ogi__table_t *g, const uint32_t *toks,
                          size_t lo, size_t hi);
/* The column of a short row's last value when it is the row's total,
 * else -1. */
long ogi__plan_short_total(const ogi__table_t *g, const ogi__prow_t *pr,
                           const uint32_t *toks, size_t lo, size_t hi);
/* The columns cols[0..k) of a short row's k values (total: the column
 * of the last, or -1; spread: the ones between to the applicant columns
 * that usually hold counts). */
void ogi__plan_short_cols(const ogi__prow_t *pr, size_t k, long total,
                          int spread, size_t *cols);
/* Appends a placement of toks by column mask to buf ("3 _ 无"). */
void ogi__plan_put_placement(char *buf, size_t cap, size_t *len,
                             const ogi__table_t *g, const uint32_t *toks,
                             size_t ncols, unsigned mask);
/* A Table 2 short row whose values keep no trace of their places: how
 * many placements their kinds allow, the leftmost in cols, the others
 * written into alt (0: not such a row, or none fits). */
size_t ogi__plan_traceless_cols(const ogi__table_t *g, const ogi__prow_t *pr,
                                const uint32_t *toks, size_t k, size_t *cols,
                                char *alt, size_t altcap);

/* place_columns.c */

/* part[k]: the part of the tables row k of plan p lies in (rows in
 * printed order, a new part at each part_break), or -1 with no cell;
 * grid_part[k] the same with also a new part where a row's values do not
 * fit the columns its table's rows of the part showed. One pass for both:
 * they share the order and the breaks. */
void ogi__plan_find_parts(const ogi__plan_t *p, const ogi__table_t *g, int *part,
                          int *grid_part);

/*
 * Places short row i of plan p by the columns the rows of its part show
 * (part[]: ogi__plan_find_parts's part or grid_part): the display spans
 * of the values of its table's rows there, clustered, must give exactly
 * the row's column count, in order on every row used (a third of them
 * may be dropped as out of order); with by_line, the rows must also stand
 * on lines of their own and most columns show in two rows or more. The
 * row's values go to the clusters they overlap, gaps between: toks[0..
 * ncols). Returns 1 when placed, else 0 (toks undefined).
 */
int ogi__plan_cluster_columns(const ogi__plan_t *p, const ogi__table_t *g,
                              const int *part, size_t i, int by_line,
                              uint32_t *toks);

/* 1 when row pr holds a run of digits with a leading zero ("000000":
 * the values of several cells set together, which the splitter parts,
 * never the columns' positions). */
int ogi__plan_holds_run(const ogi__prow_t *pr, const ogi__table_t *g);

#endif /* OGI_PLACE_INT_H */
