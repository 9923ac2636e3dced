/*
 * place.c - a region's rows, as the walk gave them their tokens
 * (place_walk.c), into the report's cells: the rows' tokens fitted to
 * their columns or deferred to the splitter, Table 3's shape of （六）,
 * Table 4's one row and the blanks its header shows.
 */
#include "ogi_int.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#include "place_int.h"

/* ---- turning a row's tokens into cells ---- */

int
ogi__plan_cell_from_tok(ogi_report_t *r, ogi_cell_t *c, const ogi__table_t *g,
                        const ogi__cell_t *t)
{
    const ogi_text_t *tx = g->text;
    uint32_t a, b;
    ogi_text_raw_span(tx, t->off, t->len, &a, &b);
    c->off = a;
    c->len = b - a;
    if (t->kind == OGI__CELL_BLANK) {
        c->state = OGI_CELL_EMPTY;
        return 0;
    }
    ogi_num_t num = t->num;
    if (t->kind == OGI__CELL_RUN && ogi__place_cut_mark(c, t->s, t->n))
        return 0;
    /* a run that turned out to be one cell */
    if (t->kind == OGI__CELL_RUN &&
        ogi_number_parse(t->s, t->n, &num) == OGI_NUM_NONE)
        return 0;
    if (num.kind == OGI_NUM_PLACEHOLDER) {
        c->state = OGI_CELL_NA;
        return 0;
    }
    c->state = OGI_CELL_NUM;
    c->value = num.value;
    c->scale = num.scale;
    c->unit = num.unit;
    (void)r;
    return 0;
}

/* Hands the cells toks[lo..hi) of a row to the splitter, to fill ncells
 * cells from cell `first` of the table. */
int
ogi__plan_defer(ogi_report_t *r, const ogi__table_t *g, ogi__pending_t *pend,
                ogi_table_id_t id, size_t first, size_t ncells,
                const uint32_t *toks, size_t lo, size_t hi)
{
    if (pend->n == OGI__PLAN_MAX_ROWS)
        return 0;
    const ogi__cell_t **pieces =
        ogi_arena_alloc(r->arena, (hi - lo) * sizeof(*pieces));
    if (!pieces)
        return OGI_ENOMEM;
    for (size_t i = lo; i < hi; i++)
        pieces[i - lo] = ogi__plan_tok_cell(g, toks[i]);
    pend->table[pend->n] = id;
    pend->span[pend->n++] = (ogi__split_span_t){first, ncells, pieces, hi - lo};
    return 0;
}

/* Runs the splitter over the deferred rows, one table at a time. */
int
ogi__plan_split_pending(ogi_report_t *r, const ogi__table_t *g,
                        ogi__pending_t *pend)
{
    for (size_t i = 0; i < pend->n; i++) {
        ogi_table_id_t id = pend->table[i];
        if ((int)id < 0)
            continue;
        ogi__split_span_t spans[OGI__PLAN_MAX_ROWS];
        size_t n = 0;
        for (size_t k = i; k < pend->n; k++)
            if (pend->table[k] == id) {
                spans[n++] = pend->span[k];
                pend->table[k] = (ogi_table_id_t)-1;
            }
        int rc = ogi__split_runs(r, g, id, spans, n);
        if (rc)
            return rc;
    }
    return 0;
}

int
ogi__plan_has_run(const ogi__table_t *g, const uint32_t *toks, size_t lo,
                  size_t hi)
{
    for (size_t i = lo; i < hi; i++)
        if (ogi__plan_tok_cell(g, toks[i])->kind == OGI__CELL_RUN)
            return 1;
    return 0;
}

/* 1 when toks[lo..hi) hold a gap: a BLANK piece with text, the blanks a
 * crawler left between digits, which may or may not stand for a blank
 * cell (split_int.h). Only the splitter can tell. */
static int
has_gap(const ogi__table_t *g, const uint32_t *toks, size_t lo, size_t hi)
{
    for (size_t i = lo; i < hi; i++)
        if (ogi__plan_tok_cell(g, toks[i])->kind == OGI__CELL_BLANK &&
            ogi__plan_tok_cell(g, toks[i])->n > 0)
            return 1;
    return 0;
}

static size_t
gaps(const ogi__table_t *g, const uint32_t *toks, size_t lo, size_t hi)
{
    size_t n = 0;
    for (size_t i = lo; i < hi; i++)
        n += ogi__plan_tok_cell(g, toks[i])->kind == OGI__CELL_BLANK &&
             ogi__plan_tok_cell(g, toks[i])->n > 0;
    return n;
}

/* Cells more than one a run of placeholder marks may stand for, one
 * each ("—--": the three cells —, - and - run together), as the splitter
 * reads them (split_walk.c); 0 for any other token. */
static size_t
mark_extra(const ogi__cell_t *t)
{
    if (t->kind != OGI__CELL_VALUE || t->num.kind != OGI_NUM_PLACEHOLDER ||
        t->n < 2)
        return 0;
    for (size_t i = 0; i < t->n; i++)
        if (t->s[i] != '-' && t->s[i] != '/')
            return 0;
    return t->n - 1;
}

/* Blank cells the gaps of toks[lo..hi) may stand for: one per no-break
 * space (a BLANK piece's text is one byte per hard blank); and the cells
 * its runs of marks may stand for besides one each. */
static size_t
gap_room(const ogi__table_t *g, const uint32_t *toks, size_t lo, size_t hi)
{
    size_t n = 0;
    for (size_t i = lo; i < hi; i++) {
        const ogi__cell_t *t = ogi__plan_tok_cell(g, toks[i]);
        if (t->kind == OGI__CELL_BLANK)
            n += t->n;
        n += mark_extra(t);
    }
    return n;
}

/*
 * Where the last of a short row's values goes: its table's total column
 * (the right-hand side of the identity along its rows, D2 or D3, the
 * rightmost column), when that value is a number and the sum of the ones
 * before it (placeholders 0): "26 26" for Table 3's seven columns is
 * 自然人 26 and 总计 26, the five organisations blank, as a page saved
 * with its white space collapsed loses the blank cells between them.
 * Returns the column, or -1 (the values are then read from the first
 * column on, the rest missing).
 */
static long
short_row_total(const ogi__table_t *g, const ogi__prow_t *pr,
                const uint32_t *toks, size_t lo, size_t hi)
{
    if (hi - lo < 2 || hi - lo >= pr->ncols)
        return -1;
    size_t nid;
    const ogi_skel_identity_t *ids = ogi_skeleton_identities(&nid);
    const ogi_skel_identity_t *id = NULL;
    for (size_t i = 0; i < nid && !id; i++)
        if (ids[i].table == pr->table && ids[i].along_rows &&
            ids[i].nrhs == 1 && ids[i].rhs_at[0] + 1 == pr->ncols &&
            ids[i].nlhs + 1 == pr->ncols)
            id = &ids[i];
    if (!id)
        return -1;
    int64_t sum = 0;
    for (size_t i = lo; i < hi; i++) {
        const ogi__cell_t *t = ogi__plan_tok_cell(g, toks[i]);
        if (t->kind != OGI__CELL_VALUE)
            return -1;
        if (t->num.kind == OGI_NUM_PLACEHOLDER && i + 1 < hi)
            continue;
        if (t->num.kind != OGI_NUM_VALUE || t->num.scale != 0 ||
            t->num.sign || t->num.value < 0)
            return -1;
        if (i + 1 < hi)
            sum += t->num.value;
        else if (t->num.value != sum)
            return -1;
    }
    return (long)id->rhs_at[0];
}

/*
 * The columns of a Table 3 row's k values where the text shows none of
 * their places (blank cells left no trace): the first in the first
 * column, the last in the total column when it is the total (total >= 0),
 * and the ones between, in their order, in the applicant columns that
 * usually hold counts (ogi__split_col_rarity; ties to the left), when
 * spread; else from the first column on. cols[i] stays i where this does
 * not apply.
 */
static void
short_row_cols(const ogi__prow_t *pr, size_t k, long total, int spread,
               size_t *cols)
{
    for (size_t i = 0; i < k; i++)
        cols[i] = i;
    if (total >= 0 && k)
        cols[k - 1] = (size_t)total;
    if (!spread)
        return;
    size_t end = total >= 0 ? (size_t)total : pr->ncols - 1;
    size_t m = k - 1 - (total >= 0), span = end - 1;
    if (pr->table != OGI_T3 || k < 2 || m == 0 || m > span || span > 16)
        return;
    unsigned best = 0;
    int best_cost = INT_MAX;
    size_t best_pos = SIZE_MAX;
    for (unsigned mask = 0; mask < (1u << span); mask++) {
        if ((size_t)__builtin_popcount(mask) != m)
            continue;
        int cost = 0;
        size_t pos = 0;
        for (size_t c = 0; c < span; c++)
            if (mask & (1u << c)) {
                cost += ogi__split_col_rarity(OGI_T3, 1 + c);
                pos += c;
            }
        if (cost < best_cost || (cost == best_cost && pos < best_pos)) {
            best = mask;
            best_cost = cost;
            best_pos = pos;
        }
    }
    for (size_t c = 0, i = 1; c < span; c++)
        if (best & (1u << c))
            cols[i++] = 1 + c;
}

/*
 * 1 when every blank piece of toks[0..n) is a line in no column and some
 * two of them come in a row: the empty lines of a text that keeps each
 * cell's lines and the source's line breaks and indents between cells (a
 * crawler's text of Word paragraphs), no cells (one alone a blank cell
 * would be as likely).
 */
static int
empty_lines(const ogi__table_t *g, const uint32_t *toks, size_t n)
{
    int runs = 0;
    for (size_t i = 0; i < n; i++) {
        const ogi__cell_t *t = ogi__plan_tok_cell(g, toks[i]);
        if (t->kind != OGI__CELL_BLANK)
            continue;
        if (t->col >= 0 || toks[i] == OGI__PLAN_GAP)
            return 0;
        runs |= i > 0 &&
                ogi__plan_tok_cell(g, toks[i - 1])->kind == OGI__CELL_BLANK;
    }
    return runs;
}

/*
 * 1 when Table 3's rows in p keep no trace of a blank cell: no token is a
 * blank piece or has a display column or a column of its own, and some
 * row has values short of the columns. A crawler's text of one text node
 * per cell, the empty ones dropped (BeautifulSoup's get_text), and any
 * text that drops empty cells read the same: a short row's values have
 * lost their places, which the table's identities tell (the splitter).
 */
static int
no_trace(const ogi__table_t *g, const uint32_t *toks, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const ogi__cell_t *t = ogi__plan_tok_cell(g, toks[k]);
        if (t->kind == OGI__CELL_BLANK || t->x0 >= 0 || t->col >= 0)
            return 0;
    }
    return 1;
}

static int
traceless(const ogi__plan_t *p, const ogi__table_t *g)
{
    int short_row = 0;
    for (size_t i = 0; i < p->n; i++) {
        const ogi__prow_t *pr = &p->rows[i];
        if (!no_trace(g, pr->toks, pr->ntoks))
            return 0;
        short_row |= pr->ntoks > 0 && pr->ntoks < pr->ncols;
    }
    return short_row;
}

/*
 * A short row of a traceless table (traceless above) to the splitter: its
 * values in their order, zero or more blank cells before, between and
 * after them (OGI__PLAN_FREE), its total maybe blank; the identities down
 * the columns choose the places. 0 when the row is not such (a piece that
 * is no value: text, a run of digits), else 1 (or OGI_ENOMEM as -1).
 */
static int
defer_free(ogi_report_t *r, const ogi__table_t *g, ogi__prow_t *pr,
           ogi__pending_t *pend)
{
    if (!pr->traceless || pr->ntoks == 0 || pr->ntoks >= pr->ncols ||
        !ogi__split_free_fits(pr->ncols, pr->ntoks))
        return 0;
    uint32_t toks[2 * OGI__PLAN_MAX_TOKS + 1];
    size_t n = 0;
    toks[n++] = OGI__PLAN_FREE;
    for (size_t i = 0; i < pr->ntoks; i++) {
        if (ogi__plan_tok_cell(g, pr->toks[i])->kind != OGI__CELL_VALUE)
            return 0;
        toks[n++] = pr->toks[i];
        toks[n++] = OGI__PLAN_FREE;
    }
    size_t before = pend->n;
    if (ogi__plan_defer(r, g, pend, pr->table, pr->row * pr->ncols, pr->ncols,
                        toks, 0, n))
        return -1;
    if (pend->n == before)
        return 0; /* no room: placed as any short row */
    r->tables[pr->table].row_found[pr->row] = 1;
    return 1;
}

/* Whether toks[lo..hi) are values, runs of digits and gaps only, and
 * some value among them. */
static int
values_only(const ogi__table_t *g, const uint32_t *toks, size_t lo, size_t hi)
{
    size_t values = 0;
    for (size_t i = lo; i < hi; i++) {
        const ogi__cell_t *t = ogi__plan_tok_cell(g, toks[i]);
        if (t->kind != OGI__CELL_VALUE && t->kind != OGI__CELL_RUN &&
            !(t->kind == OGI__CELL_BLANK && t->n > 0))
            return 0;
        values += t->kind != OGI__CELL_BLANK;
    }
    return values > 0;
}

/*
 * A row holding runs of digits to the splitter. Where its pieces cannot
 * fill its cells however the runs are cut and the gaps read (a crawler
 * that collapses white space drops an empty cell without a space: "无 5"
 * for seven cells), blank cells left no trace there: its values go as a
 * free span (defer_free), zero or more blank cells around each.
 */
static int
defer_runs(ogi_report_t *r, const ogi__table_t *g, ogi__prow_t *pr,
           ogi__pending_t *pend, size_t lo, size_t hi)
{
    const ogi__cell_t *pieces[OGI__PLAN_MAX_TOKS];
    uint32_t toks[2 * OGI__PLAN_MAX_TOKS + 1];
    size_t n = 0, k = 0;
    for (size_t i = lo; i < hi && n < OGI__PLAN_MAX_TOKS; i++)
        pieces[n++] = ogi__plan_tok_cell(g, pr->toks[i]);
    size_t values = 0;
    for (size_t i = 0; i < n; i++)
        values += pieces[i]->kind != OGI__CELL_BLANK || pieces[i]->n == 0;
    if (hi - lo > OGI__PLAN_MAX_TOKS || values == 0 ||
        ogi__split_most_cells(pieces, n) >= pr->ncols)
        return ogi__plan_defer(r, g, pend, pr->table, pr->row * pr->ncols,
                               pr->ncols, pr->toks, lo, hi);
    toks[k++] = OGI__PLAN_FREE;
    for (size_t i = lo; i < hi; i++) {
        const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[i]);
        if (c->kind == OGI__CELL_BLANK && c->n > 0)
            continue; /* a gap: the free ones stand for it */
        toks[k++] = pr->toks[i];
        toks[k++] = OGI__PLAN_FREE;
    }
    return ogi__plan_defer(r, g, pend, pr->table, pr->row * pr->ncols,
                           pr->ncols, toks, 0, k);
}

/*
 * Fits a row's tokens to its columns: extra blanks at either end are
 * dropped first; still too many, the last ncols are kept (the total
 * column is the rightmost); too few, the first columns are filled, unless
 * the row holds runs of digits, which go to the splitter (pend).
 */
int
ogi__plan_fill_row(ogi_report_t *r, const ogi__table_t *g, ogi__prow_t *pr,
                   ogi__pending_t *pend)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(pr->table);
    size_t lo = 0, hi = pr->ntoks;
    int freed = defer_free(r, g, pr, pend);
    if (freed)
        return freed < 0 ? OGI_ENOMEM : 0;
    int lines = empty_lines(g, pr->toks, hi);
    /* too few cells without the gaps: with runs, or gaps enough to make
     * up the row, the splitter tells which gaps are blank cells */
    size_t ng = gaps(g, pr->toks, lo, hi);
    if (ng && hi - lo - ng < pr->ncols &&
        (ogi__plan_has_run(g, pr->toks, lo, hi) ||
         hi - lo - ng + gap_room(g, pr->toks, lo, hi) >= pr->ncols)) {
        r->tables[pr->table].row_found[pr->row] = 1;
        return defer_runs(r, g, pr, pend, lo, hi);
    }
    /* still too few with each gap one blank cell per no-break space, in a
     * crawler's text: one that collapses white space leaves one space for
     * a run of blank cells, and none for those between glued values
     * ("3.危及“三安全一稳定” 无 不适用4.保护…"); the splitter reads each gap
     * as several blanks and places the values by the arithmetic */
    if (ng && hi - lo - ng < pr->ncols && g->reader &&
        strcmp(g->reader, "runon") == 0 && values_only(g, pr->toks, lo, hi)) {
        r->tables[pr->table].row_found[pr->row] = 1;
        return defer_runs(r, g, pr, pend, lo, hi);
    }
    /* the cells are there without the gaps: they were boundaries */
    size_t kept = 0;
    for (size_t i = lo; i < hi; i++)
        if (ogi__plan_tok_cell(g, pr->toks[i])->kind != OGI__CELL_BLANK ||
            ogi__plan_tok_cell(g, pr->toks[i])->n == 0)
            pr->toks[kept++] = pr->toks[i];
    hi = pr->ntoks = kept;
    while (hi - lo > pr->ncols &&
           ogi__plan_tok_cell(g, pr->toks[hi - 1])->kind == OGI__CELL_BLANK)
        hi--;
    while (hi - lo > pr->ncols &&
           ogi__plan_tok_cell(g, pr->toks[lo])->kind == OGI__CELL_BLANK)
        lo++;
    /* then the blanks of a drawn grid between values, the rightmost
     * first: a tool that cannot draw a column span draws the spanning
     * cell and an empty one for each column it covers (pandoc 2's grid
     * tables) */
    for (size_t i = hi; hi - lo > pr->ncols && i-- > lo + 1;)
        if (ogi__plan_tok_cell(g, pr->toks[i])->kind == OGI__CELL_BLANK &&
            ogi__plan_tok_cell(g, pr->toks[i])->col >= 0) {
            memmove(&pr->toks[i], &pr->toks[i + 1],
                    (hi - i - 1) * sizeof(pr->toks[0]));
            hi--;
        }
    /* still too many, and empty pieces among them: a text that keeps
     * each cell's lines (a crawler's text of Word paragraphs: the source's
     * line breaks and indents) has empty lines between cells that are no
     * cells. With as many values as columns, or fewer whose last is the
     * sum of the others (its total), the values are the row. */
    if (hi - lo > pr->ncols) {
        uint32_t vals[OGI__PLAN_MAX_TOKS];
        size_t nv = 0;
        for (size_t i = lo; i < hi; i++)
            if (ogi__plan_tok_cell(g, pr->toks[i])->kind != OGI__CELL_BLANK)
                vals[nv++] = pr->toks[i];
        /* fewer values: only when the empty lines alone outnumber the
         * columns (one cell a line, an empty line is a blank cell) */
        if (lines && nv >= 2 &&
            (nv == pr->ncols ||
             (nv < pr->ncols && hi - lo - nv >= pr->ncols &&
              short_row_total(g, pr, vals, 0, nv) >= 0))) {
            memcpy(&pr->toks[lo], vals, nv * sizeof(vals[0]));
            hi = lo + nv;
        }
    }
    char path[128] = "";
    int rc;
    if (hi - lo < pr->ncols && ogi__plan_has_run(g, pr->toks, lo, hi)) {
        r->tables[pr->table].row_found[pr->row] = 1;
        return defer_runs(r, g, pr, pend, lo, hi);
    }
    if (hi - lo != pr->ncols || (pr->by_order && !pr->labelled))
        ogi_report_path(pr->table, pr->row, -1, path, sizeof(path));
    long total = short_row_total(g, pr, pr->toks, lo, hi);
    /* a crawler's text (the run-on reader's) keeps no trace of a blank
     * cell: a short row of numbers whose last is not their sum left its
     * total blank, as some agencies do on every result row */
    int loose = hi - lo < pr->ncols && hi - lo >= 2 && total < 0 &&
                pr->table == OGI_T3 && g->reader &&
                strcmp(g->reader, "runon") == 0;
    for (size_t i = lo; loose && i < hi; i++) {
        const ogi__cell_t *t = ogi__plan_tok_cell(g, pr->toks[i]);
        loose = t->kind == OGI__CELL_VALUE && t->num.kind == OGI_NUM_VALUE;
    }
    /* values the layout gave positions (pdftotext -layout's columns) that
     * still came short lost their last columns at the paper's edge, not
     * blanks among them: they stay in order */
    int cut = 0;
    for (size_t i = lo; i < hi && !cut; i++)
        cut = ogi__plan_tok_cell(g, pr->toks[i])->x0 >= 0;
    size_t cols[OGI__PLAN_MAX_TOKS];
    if (hi - lo < pr->ncols)
        short_row_cols(pr, hi - lo, total, (total >= 0 && !cut) || loose,
                       cols);
    if (hi - lo > pr->ncols) {
        if ((rc = ogi_report_add_finding(
                 r, "P3", OGI_SEV_WARNING, path,
                 "row has %zu cells for %zu columns; the last %zu were read",
                 hi - lo, pr->ncols, pr->ncols)))
            return rc;
        lo = hi - pr->ncols;
    } else if (hi - lo < pr->ncols && total >= 0) {
        if ((rc = ogi_report_add_finding(
                 r, "P3", OGI_SEV_WARNING, path,
                 "row has %zu cells for %zu columns; the last, the sum of "
                 "the others, read as the total, the cells before it blank",
                 hi - lo, pr->ncols)))
            return rc;
    } else if (loose) {
        if ((rc = ogi_report_add_finding(
                 r, "P6", OGI_SEV_WARNING, path,
                 "row has %zu cells for %zu columns and no total: read as "
                 "自然人 and the applicants that usually apply, the rest "
                 "blank; other places fit as well",
                 hi - lo, pr->ncols)))
            return rc;
    } else if (hi - lo < pr->ncols && pr->ntoks > 0) {
        if ((rc = ogi_report_add_finding(
                 r, "P3", OGI_SEV_WARNING, path,
                 "row has %zu cells for %zu columns; the rest are missing",
                 hi - lo, pr->ncols)))
            return rc;
    }
    if (pr->by_order && !pr->labelled &&
        (rc = ogi_report_add_finding(
             r, "P2", OGI_SEV_WARNING, path,
             "row label \"%s\" not found; values placed by row order",
             sk->rows[pr->row].label)))
        return rc;
    r->tables[pr->table].row_found[pr->row] = pr->labelled || pr->ntoks > 0;
    for (size_t i = lo; i < hi; i++) {
        size_t col = hi - lo < pr->ncols ? cols[i - lo] : i - lo;
        ogi_cell_t *c = ogi_report_cell(r, pr->table, pr->row, col);
        if (!c)
            break;
        if ((rc = ogi__plan_cell_from_tok(r, c, g,
                                          ogi__plan_tok_cell(g, pr->toks[i]))))
            return rc;
        if (pr->by_order && !pr->labelled)
            c->flags |= OGI_CELLF_BY_ORDER;
        if (pr->ntoks != pr->ncols)
            c->flags |= OGI_CELLF_SHIFTED;
    }
    /* a crawler's text gives a row whose cells hold no text at all (not
     * even a no-break space) as its label alone, the next label after it:
     * its cells are blank */
    int bare = ((g->reader && strcmp(g->reader, "runon") == 0) ||
                pr->traceless) &&
               pr->labelled && !pr->group && pr->ntoks == 0;
    for (size_t col = 0; bare && col < pr->ncols; col++) {
        ogi_cell_t *c = ogi_report_cell(r, pr->table, pr->row, col);
        if (c && c->state == OGI_CELL_MISSING)
            c->state = OGI_CELL_EMPTY;
    }
    for (size_t col = 0; (total >= 0 || loose) && col < pr->ncols; col++) {
        ogi_cell_t *c = ogi_report_cell(r, pr->table, pr->row, col);
        if (c && c->state == OGI_CELL_MISSING) {
            c->state = OGI_CELL_EMPTY;
            c->flags |= OGI_CELLF_SHIFTED;
        }
    }
    return 0;
}

/* ---- Table 3 ---- */

static long
find_prow(const ogi__plan_t *p, const char *key)
{
    for (size_t i = 0; i < p->n; i++) {
        const ogi_skel_row_t *row =
            &ogi_skeleton_table(p->rows[i].table)->rows[p->rows[i].row];
        if (strcmp(row->key, key) == 0)
            return (long)i;
    }
    return -1;
}

int
ogi__place_apply(ogi_report_t *r, const ogi__table_t *g)
{
    /* rows are initialised as they are added: the token lists (most of
     * the plan's size) are written before they are read */
    ogi__plan_t *p = ogi_arena_alloc(r->arena, sizeof(*p));
    if (!p)
        return OGI_ENOMEM;
    p->n = 0;
    int rc = ogi_report_table_init(r, OGI_T3);
    if (rc)
        return rc;
    ogi__plan_add_table(p, OGI_T3);
    /* by order, （六） is taken as one row; sub-rows only by label */
    ogi__plan_walk(p, g, OGI_ROW_OTHER3);
    /* a text that keeps no trace of a blank cell has no columns to find
     * them by either: its short rows go to the splitter whole */
    int none_left = traceless(p, g);
    if (!none_left)
        ogi__plan_infer_blanks(p, g);

    /* the shape of （六）: sub-rows seen by label make it the 2021 one;
     * one given no values was a header's words (申请人 of 申请人情况 cut
     * short reads like 1.申请人无正当理由… cut short) */
    int sub = 0;
    for (size_t i = 0; i < p->n; i++) {
        const ogi_skel_row_t *row =
            &ogi_skeleton_table(OGI_T3)->rows[p->rows[i].row];
        if ((row->flags & OGI_ROW_OTHER3) && p->rows[i].labelled &&
            ogi__plan_row_has_value(g, &p->rows[i]))
            sub = 1;
    }
    long one = find_prow(p, "other.all");
    if (sub) {
        r->apply_other_rows = 3;
        long first = find_prow(p, "other.no_correction");
        /* values under the group label belong to its first sub-row */
        if (one >= 0 && first >= 0 && p->rows[one].ntoks &&
            !p->rows[first].ntoks) {
            memcpy(p->rows[first].toks, p->rows[one].toks,
                   p->rows[one].ntoks * sizeof(p->rows[one].toks[0]));
            p->rows[first].ntoks = p->rows[one].ntoks;
            p->rows[first].by_order = 1;
        }
        if (one >= 0)
            p->rows[one].ntoks = 0;
    } else if (one >= 0 && (p->rows[one].ntoks || p->rows[one].labelled)) {
        r->apply_other_rows = 1;
    } else {
        r->apply_other_rows = r->meta.format == OGI_FORMAT_2019 ? 1 : 3;
    }
    ogi__pending_t pend = {.n = 0};
    for (size_t i = 0; i < p->n; i++)
        p->rows[i].traceless = none_left;
    for (size_t i = 0; i < p->n; i++) {
        if (!ogi_report_row_in_shape(r, OGI_T3, p->rows[i].row))
            continue;
        if ((rc = ogi__plan_fill_row(r, g, &p->rows[i], &pend)))
            return rc;
    }
    return ogi__plan_split_pending(r, g, &pend);
}

/* ---- Table 4 ---- */

/*
 * Table 4 has one row of values, so no whole row gives its columns'
 * positions the way Table 3's rows do (place_blanks.c): where columns are
 * aligned by spaces and a cell was left empty, its header shows where
 * the column is. The header's words are laid out in the 15 leaf columns
 * (a leaf's label wrapped over lines stays within its column), under
 * group labels (行政复议, 未经复议直接起诉) that each span several of
 * them. A word overlapping two words that do not overlap each other is
 * such a group label and is set aside, and so is a word that meets only
 * group labels (a group label wrapped over lines). What is left falls in
 * clusters of overlapping words: when they are as many as the table's
 * columns, they are its columns.
 */

#define T4_MAX_WORDS 128

typedef struct {
    int x0, x1; /* display columns [x0, x1) */
    int group;  /* a group label's, or only under one */
} hword_t;

/* Appends the words of label cell c with their display columns to w[*n]
 * (at most max); a cell whose text's width is not its span (text folded
 * from full-width forms) is one word. */
static void
header_words(const ogi__table_t *g, const ogi__cell_t *c, hword_t *w, size_t *n,
             size_t max)
{
    int x0, x1;
    ogi__table_cell_columns(g->text, c, &x0, &x1);
    if (x0 < 0 || x1 <= x0 || *n == max)
        return;
    const char *p = c->s, *end = c->s + c->n;
    int width = 0;
    while (p < end) {
        uint32_t cp;
        size_t k = ogi_utf8_decode(p, end, &cp);
        if (!k)
            k = 1, cp = '?';
        width += ogi__table_cp_width(cp);
        p += k;
    }
    if (width != x1 - x0) {
        w[(*n)++] = (hword_t){x0, x1, 0};
        return;
    }
    int x = x0, in = 0;
    for (p = c->s; p < end && *n < max;) {
        uint32_t cp;
        size_t k = ogi_utf8_decode(p, end, &cp);
        if (!k)
            k = 1, cp = '?';
        int cw = ogi__table_cp_width(cp);
        if (cp == ' ') {
            in = 0;
        } else if (!in) {
            w[(*n)++] = (hword_t){x, x + cw, 0};
            in = 1;
        } else {
            w[*n - 1].x1 = x + cw;
        }
        x += cw;
        p += k;
    }
}

static int
overlap(const hword_t *a, const hword_t *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1;
}

/*
 * The columns [lo[k], hi[k]) of the header in records [0, upto) of g,
 * when they are ncols (see above). Returns 1 when they are.
 */
static int
header_columns(const ogi__table_t *g, size_t upto, size_t ncols, int *lo,
               int *hi)
{
    hword_t w[T4_MAX_WORDS];
    size_t n = 0, line[T4_MAX_WORDS];
    for (size_t ri = 0; ri < upto; ri++) {
        const ogi__row_t *rec = &g->rows[ri];
        if (rec->prosey)
            continue;
        size_t from = n;
        for (size_t i = 0; i < rec->count; i++)
            if (g->cells[rec->first + i].kind == OGI__CELL_LABEL)
                header_words(g, &g->cells[rec->first + i], w, &n, T4_MAX_WORDS);
        for (size_t k = from; k < n; k++)
            line[k] = ri;
    }
    /* group labels: the words they overlap do not all overlap */
    for (size_t i = 0; i < n; i++) {
        int end_min = INT_MAX, start_max = INT_MIN;
        for (size_t j = 0; j < n; j++) {
            if (j == i || !overlap(&w[i], &w[j]))
                continue;
            if (w[j].x1 < end_min)
                end_min = w[j].x1;
            if (w[j].x0 > start_max)
                start_max = w[j].x0;
        }
        w[i].group = end_min <= start_max;
    }
    /* a group label wrapped over lines: its other lines lie within it,
     * starting where it does or centred as it is, and meet no leaf */
    int under[T4_MAX_WORDS];
    for (size_t i = 0; i < n; i++) {
        int leaf = 0, part = 0;
        for (size_t j = 0; j < n && !w[i].group; j++) {
            if (j == i || !overlap(&w[i], &w[j]))
                continue;
            if (!w[j].group)
                leaf = 1;
            else if (w[i].x0 >= w[j].x0 && w[i].x1 <= w[j].x1 &&
                     (w[i].x0 == w[j].x0 ||
                      abs((w[i].x0 + w[i].x1) - (w[j].x0 + w[j].x1)) <= 2))
                part = 1;
        }
        under[i] = part && !leaf;
    }
    /* the middle one of a group's leaves is centred under it too: a word
     * beside another under the same group on its line is a leaf */
    int leaf_too[T4_MAX_WORDS] = {0};
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; under[i] && j < n; j++) {
            if (!w[j].group || !overlap(&w[i], &w[j]))
                continue;
            for (size_t k = 0; k < n; k++)
                if (k != i && line[k] == line[i] && !w[k].group &&
                    !under[k] && overlap(&w[k], &w[j]))
                    leaf_too[i] = 1;
        }
    for (size_t i = 0; i < n; i++)
        under[i] &= !leaf_too[i];
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!w[i].group && !under[i])
            w[k++] = w[i];
    n = k;
    /* clusters of overlapping words, left to right */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && w[j].x0 < w[j - 1].x0; j--) {
            hword_t t = w[j];
            w[j] = w[j - 1];
            w[j - 1] = t;
        }
    size_t nc = 0;
    for (size_t i = 0; i < n; i++) {
        if (nc && w[i].x0 < hi[nc - 1]) {
            if (w[i].x1 > hi[nc - 1])
                hi[nc - 1] = w[i].x1;
            continue;
        }
        if (nc == ncols)
            return 0;
        lo[nc] = w[i].x0;
        hi[nc++] = w[i].x1;
    }
    return nc == ncols;
}

/*
 * Gives a row of values that came short the blanks its header's columns
 * show: each value goes to the column it lies in (or is nearest to), in
 * order, one value a column; the others are blank. A row whose values
 * cannot be so placed is left as it is.
 */
static void
appeal_blanks(ogi__prow_t *pr, const ogi__table_t *g, size_t rec)
{
    int lo[OGI_T4_CELLS], hi[OGI_T4_CELLS];
    if (pr->ntoks == 0 || pr->ntoks >= OGI_T4_CELLS ||
        !header_columns(g, rec, OGI_T4_CELLS, lo, hi))
        return;
    uint32_t out[OGI_T4_CELLS];
    size_t next = 0;
    for (size_t v = 0; v < pr->ntoks; v++) {
        const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[v]);
        int x0, x1;
        ogi__table_cell_columns(g->text, c, &x0, &x1);
        if (c->kind != OGI__CELL_VALUE || x0 < 0 || x1 <= x0)
            return;
        /* twice the distance of the value's centre from each column */
        long m = (long)x0 + x1, best_d = LONG_MAX;
        size_t best = OGI_T4_CELLS;
        for (size_t k = 0; k < OGI_T4_CELLS; k++) {
            long d = m < 2L * lo[k]    ? 2L * lo[k] - m
                     : m >= 2L * hi[k] ? m - 2L * hi[k] + 1
                                       : 0;
            if (d < best_d) {
                best_d = d;
                best = k;
            }
        }
        if (best < next || OGI_T4_CELLS - best < pr->ntoks - v)
            return;
        while (next < best)
            out[next++] = OGI__PLAN_GAP;
        out[next++] = pr->toks[v];
    }
    while (next < OGI_T4_CELLS)
        out[next++] = OGI__PLAN_GAP;
    memcpy(pr->toks, out, sizeof(out));
    pr->ntoks = OGI_T4_CELLS;
}

/*
 * Table 4's values with its blank cells gone without a trace (a crawler's
 * text of one text node a line, from a page that leaves every zero blank:
 * "5 2 7 8 1 9" for fifteen cells). Each block's parts make its total
 * (D3, a blank cell 0), which leaves few placements. Among them counts go
 * where counts usually are: the earlier blocks first (行政复议 before the
 * suits), and within a block 维持, then 尚未审结, 其他结果, 纠正. The
 * values placed, with P5 when one placement fits and P6 naming how many
 * when several do; none fits: *done 0, the row read as printed.
 */
#define FIT_BLOCKS 3
#define FIT_COLS   5
typedef struct {
    int64_t v[OGI_T4_CELLS];
    size_t n;
    size_t pos[OGI_T4_CELLS], best[OGI_T4_CELLS];
    long best_cost;
    size_t fits, ties;
} fit_t;

static void
fit_walk(fit_t *f, size_t i, size_t from)
{
    if (i == f->n) {
        int64_t cell[OGI_T4_CELLS] = {0};
        for (size_t k = 0; k < f->n; k++)
            cell[f->pos[k]] = f->v[k];
        for (size_t b = 0; b < FIT_BLOCKS; b++) {
            const int64_t *c = cell + b * FIT_COLS;
            if (c[0] + c[1] + c[2] + c[3] != c[4])
                return;
        }
        /* 维持 0, 纠正 3, 其他 2, 尚未审结 1, 总计 0; a later block 10 */
        static const long col_cost[FIT_COLS] = {0, 3, 2, 1, 0};
        long cost = 0;
        for (size_t k = 0; k < f->n; k++)
            cost += (long)(f->pos[k] / FIT_COLS) * 10 +
                    col_cost[f->pos[k] % FIT_COLS];
        f->fits++;
        if (f->fits == 1 || cost < f->best_cost) {
            f->best_cost = cost;
            f->ties = 1;
            memcpy(f->best, f->pos, f->n * sizeof(*f->pos));
        } else if (cost == f->best_cost) {
            f->ties++;
        }
        return;
    }
    for (size_t p = from; p + (f->n - i) <= OGI_T4_CELLS; p++) {
        f->pos[i] = p;
        fit_walk(f, i + 1, p + 1);
    }
}

static int
appeal_fit(ogi_report_t *r, ogi__prow_t *pr, const ogi__table_t *g, size_t lo,
           size_t hi, int *done)
{
    *done = 0;
    fit_t f = {.n = hi - lo};
    if (f.n < 2 || f.n >= OGI_T4_CELLS)
        return 0;
    for (size_t i = 0; i < f.n; i++) {
        const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[lo + i]);
        if (c->kind != OGI__CELL_VALUE || c->num.kind != OGI_NUM_VALUE ||
            c->num.scale || c->num.value < 0)
            return 0; /* a placeholder or a blank: its place is its own */
        f.v[i] = c->num.value;
    }
    fit_walk(&f, 0, 0);
    if (f.fits == 0)
        return 0;
    uint32_t out[OGI_T4_CELLS];
    char shown[OGI_T4_CELLS * 22 + 1];
    size_t w = 0;
    for (size_t k = 0, i = 0; k < OGI_T4_CELLS; k++) {
        int at = i < f.n && f.best[i] == k;
        out[k] = at ? pr->toks[lo + i] : OGI__PLAN_GAP;
        int m =
            at ? snprintf(shown + w, sizeof(shown) - w, "%s%lld", k ? " " : "",
                          (long long)f.v[i++])
               : snprintf(shown + w, sizeof(shown) - w, "%s_", k ? " " : "");
        if (m > 0 && (size_t)m < sizeof(shown) - w)
            w += (size_t)m;
    }
    int rc = f.fits == 1
                 ? ogi_report_add_finding(
                       r, "P5", OGI_SEV_INFO, "appeal",
                       "%zu values for %d cells, blank cells left no trace: "
                       "one placement keeps each block's total; placed %s",
                       f.n, OGI_T4_CELLS, shown)
                 : ogi_report_add_finding(
                       r, "P6", OGI_SEV_WARNING, "appeal",
                       "%zu values for %d cells, blank cells left no trace: "
                       "%zu placements keep each block's total; placed the "
                       "likeliest, %s",
                       f.n, OGI_T4_CELLS, f.fits, shown);
    if (rc)
        return rc;
    memcpy(pr->toks, out, sizeof(out));
    pr->ntoks = OGI_T4_CELLS;
    *done = 1;
    return 0;
}

int
ogi__place_appeal(ogi_report_t *r, const ogi__table_t *g)
{
    int rc = ogi_report_table_init(r, OGI_T4);
    if (rc)
        return rc;
    /* one flattened row of 15 cells: values after the last text of each
     * record that is not narrative */
    ogi__prow_t *pr = ogi_arena_calloc(r->arena, 1, sizeof(*pr));
    if (!pr)
        return OGI_ENOMEM;
    pr->table = OGI_T4;
    pr->ncols = OGI_T4_CELLS;
    pr->labelled = 1;
    size_t first_rec = 0, recs = 0; /* records that gave values */
    for (size_t ri = 0; ri < g->nrows; ri++) {
        const ogi__row_t *rec = &g->rows[ri];
        size_t from = 0;
        int any_text = 0;
        for (size_t i = 0; i < rec->count; i++)
            if (g->cells[rec->first + i].kind == OGI__CELL_LABEL) {
                from = i + 1;
                any_text = 1;
            }
        if (any_text && rec->prosey)
            continue;
        /* a row of blank cells with no label is a row of Table 4 left
         * blank; a header row's empty cells are merged, not blank */
        if (!ogi__plan_has_value(g, rec, from) &&
            (any_text || !ogi__plan_has_blank(g, rec)))
            continue;
        if (!recs++)
            first_rec = ri;
        ogi__plan_give(pr, g, rec, from);
    }
    if (recs == 1)
        appeal_blanks(pr, g, first_rec);
    size_t lo = 0, hi = pr->ntoks;
    int lines = empty_lines(g, pr->toks, hi);
    int gap = has_gap(g, pr->toks, lo, hi);
    /* gaps without runs: Table 4's one row of values, its cells mostly
     * 0, gives the arithmetic too little to tell where blanks hidden in
     * them were; the cells are read in printed order without them */
    if (gap && !ogi__plan_has_run(g, pr->toks, lo, hi)) {
        /* lynx's line of values: a gap of one (a blank cell, or &nbsp;
         * typed on both sides of a gap) holds its blank where the row
         * comes short, left to right, and the gap ending the line the
         * blank cells lynx trimmed with it */
        int lynx = g->reader && strcmp(g->reader, "lynx") == 0;
        const ogi__cell_t *end = ogi__plan_tok_cell(g, pr->toks[hi - 1]);
        uint32_t trail = pr->toks[hi - 1];
        int trimmed = lynx && end->kind == OGI__CELL_BLANK && end->n > 0;
        size_t fixed = 0, ones = 0;
        for (size_t i = lo; i < hi; i++) {
            const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[i]);
            fixed += c->kind != OGI__CELL_BLANK || c->n == 0;
            ones += lynx && c->kind == OGI__CELL_BLANK && c->n == 1;
        }
        size_t fill = fixed < OGI_T4_CELLS ? OGI_T4_CELLS - fixed : 0;
        if (fill > ones)
            fill = ones;
        size_t kept = 0;
        for (size_t i = lo; i < hi; i++) {
            const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[i]);
            if (c->kind != OGI__CELL_BLANK || c->n == 0)
                pr->toks[kept++] = pr->toks[i];
            else if (lynx && c->n == 1 && fill > 0) {
                pr->toks[kept++] = pr->toks[i];
                fill--;
            }
        }
        while (trimmed && kept < OGI_T4_CELLS)
            pr->toks[kept++] = trail;
        hi = pr->ntoks = kept;
        gap = 0;
    }
    while (!gap && hi - lo > OGI_T4_CELLS &&
           ogi__plan_tok_cell(g, pr->toks[hi - 1])->kind == OGI__CELL_BLANK)
        hi--;
    while (!gap && hi - lo > OGI_T4_CELLS &&
           ogi__plan_tok_cell(g, pr->toks[lo])->kind == OGI__CELL_BLANK)
        lo++;
    if ((hi - lo < OGI_T4_CELLS || gap) &&
        ogi__plan_has_run(g, pr->toks, lo, hi)) {
        for (size_t b = 0; b < 3; b++)
            r->tables[OGI_T4].row_found[b] = 1;
        ogi__pending_t pend = {.n = 0};
        if ((rc = ogi__plan_defer(r, g, &pend, OGI_T4, 0, OGI_T4_CELLS,
                                  pr->toks, lo, hi)))
            return rc;
        return ogi__plan_split_pending(r, g, &pend);
    }
    if (hi - lo < OGI_T4_CELLS && !gap) {
        int done;
        if ((rc = appeal_fit(r, pr, g, lo, hi, &done)))
            return rc;
        if (done) {
            lo = 0;
            hi = OGI_T4_CELLS;
        }
    }
    /* short of its cells with no trace of the blank ones, and not all
     * counts (a placeholder's place is as lost as a count's): each
     * block's total (D3) places the values, the splitter's free span
     * (defer_free) */
    if (hi - lo < OGI_T4_CELLS && hi > lo && !gap &&
        no_trace(g, pr->toks + lo, hi - lo)) {
        memmove(pr->toks, pr->toks + lo, (hi - lo) * sizeof(pr->toks[0]));
        pr->ntoks = hi - lo;
        pr->traceless = 1;
        ogi__pending_t pend = {.n = 0};
        int freed = defer_free(r, g, pr, &pend);
        if (freed < 0)
            return OGI_ENOMEM;
        if (freed) {
            for (size_t b = 0; b < 3; b++)
                r->tables[OGI_T4].row_found[b] = 1;
            return ogi__plan_split_pending(r, g, &pend);
        }
    }
    if (hi - lo > OGI_T4_CELLS && lines) {
        /* as many values as cells among empty lines (ogi__plan_fill_row) */
        size_t nv = 0;
        for (size_t i = lo; i < hi; i++)
            nv += ogi__plan_tok_cell(g, pr->toks[i])->kind != OGI__CELL_BLANK;
        if (nv == OGI_T4_CELLS) {
            size_t k = lo;
            for (size_t i = lo; i < hi; i++)
                if (ogi__plan_tok_cell(g, pr->toks[i])->kind !=
                    OGI__CELL_BLANK)
                    pr->toks[k++] = pr->toks[i];
            hi = k;
        }
    }
    if (hi - lo != OGI_T4_CELLS) {
        if ((rc = ogi_report_add_finding(
                 r, "P3", OGI_SEV_WARNING, "appeal",
                 "table has %zu cells for %d; cells read in printed order",
                 hi - lo, OGI_T4_CELLS)))
            return rc;
        if (hi - lo > OGI_T4_CELLS)
            hi = lo + OGI_T4_CELLS;
    }
    for (size_t i = lo; i < hi; i++) {
        size_t k = i - lo;
        ogi_cell_t *c = ogi_report_cell(r, OGI_T4, k / 5, k % 5);
        if (!c)
            break;
        if ((rc = ogi__plan_cell_from_tok(r, c, g,
                                          ogi__plan_tok_cell(g, pr->toks[i]))))
            return rc;
        r->tables[OGI_T4].row_found[k / 5] = 1;
    }
    return 0;
}
