/*
 * place.c - a region's rows, as the walk gave them their tokens
 * (place_walk.c), into the report's cells: the rows' tokens fitted to
 * their columns or deferred to the splitter, Table 3's shape of （六）
 * (Table 4's one row: place_appeal.c; a row short of cells:
 * place_short.c).
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

/* The shift of tx in force at normalised offset i (ogi_text_shift_at),
 * tried first at *hint, the one in force at the last span's end: a row's
 * cells come left to right, most often with no shift between them. */
static inline size_t
shift_near(const ogi_text_t *tx, size_t i, size_t hint)
{
    if (hint < tx->nshifts && tx->shifts[hint].norm <= i &&
        (hint + 1 == tx->nshifts || tx->shifts[hint + 1].norm > i))
        return hint;
    return ogi_text_shift_from(tx, i, hint);
}

/* ogi_text_raw_span of [i, i + n) of tx, its start's shift looked for
 * from *hint on (shift_near), which is left at its end's. */
static inline void
raw_span_near(const ogi_text_t *tx, size_t i, size_t n, size_t *hint,
              uint32_t *a, uint32_t *b)
{
    if (i >= tx->len) {
        *a = *b = (uint32_t)tx->raw_len;
        return;
    }
    size_t lo = shift_near(tx, i, *hint);
    *a = tx->shifts[lo].raw + (uint32_t)(i - tx->shifts[lo].norm);
    size_t j = i + n;
    *hint = lo;
    if (j >= tx->len) {
        *b = (uint32_t)tx->raw_len;
        return;
    }
    /* the last at or before j: on from i's */
    while (lo + 1 < tx->nshifts && tx->shifts[lo + 1].norm <= j)
        lo++;
    *b = tx->shifts[lo].raw + (uint32_t)(j - tx->shifts[lo].norm);
    *hint = lo;
}

/* ogi__plan_cell_from_tok, inline for the rows' loop (fill_row), which
 * fills a report's cells by the hundred; *hint as raw_span_near's. */
static inline int
cell_from_tok(ogi_cell_t *c, const ogi__table_t *g, const ogi__cell_t *t,
              size_t *hint)
{
    const ogi_text_t *tx = g->text;
    uint32_t a, b;
    raw_span_near(tx, t->off, t->len, hint, &a, &b);
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
    return 0;
}

int
ogi__plan_cell_from_tok(ogi_report_t *r, ogi_cell_t *c, const ogi__table_t *g,
                        const ogi__cell_t *t)
{
    (void)r;
    size_t hint = SIZE_MAX; /* no shift known: a search from the start */
    return cell_from_tok(c, g, t, &hint);
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
int
ogi__plan_has_gap(const ogi__table_t *g, const uint32_t *toks, size_t lo,
                  size_t hi)
{
    for (size_t i = lo; i < hi; i++)
        if (ogi__plan_tok_cell(g, toks[i])->kind == OGI__CELL_BLANK &&
            ogi__plan_tok_cell(g, toks[i])->n > 0)
            return 1;
    return 0;
}

/*
 * 1 when every blank piece of toks[0..n) is a line in no column and some
 * two of them come in a row: the empty lines of a text that keeps each
 * cell's lines and the source's line breaks and indents between cells (a
 * crawler's text of Word paragraphs), no cells (one alone a blank cell
 * would be as likely).
 */
int
ogi__plan_empty_lines(const ogi__table_t *g, const uint32_t *toks, size_t n)
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
int
ogi__plan_no_trace(const ogi__table_t *g, const uint32_t *toks, size_t n)
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
        if (!ogi__plan_no_trace(g, pr->toks, pr->ntoks))
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
int
ogi__plan_defer_free(ogi_report_t *r, const ogi__table_t *g, ogi__prow_t *pr,
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

/* The gaps among toks[lo..hi): BLANK pieces with text. */
static size_t
gaps(const ogi__table_t *g, const uint32_t *toks, size_t lo, size_t hi)
{
    size_t n = 0;
    for (size_t i = lo; i < hi; i++)
        n += ogi__plan_tok_cell(g, toks[i])->kind == OGI__CELL_BLANK &&
             ogi__plan_tok_cell(g, toks[i])->n > 0;
    return n;
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
    int freed = ogi__plan_defer_free(r, g, pr, pend);
    if (freed)
        return freed < 0 ? OGI_ENOMEM : 0;
    int lines = ogi__plan_empty_lines(g, pr->toks, hi);
    /* too few cells without the gaps: with runs, or gaps enough to make
     * up the row, the splitter tells which gaps are blank cells */
    size_t ng = gaps(g, pr->toks, lo, hi);
    if (ng && hi - lo - ng < pr->ncols &&
        (ogi__plan_has_run(g, pr->toks, lo, hi) ||
         hi - lo - ng + ogi__plan_gap_room(g, pr->toks, lo, hi) >= pr->ncols)) {
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
            (nv == pr->ncols || (nv < pr->ncols && hi - lo - nv >= pr->ncols &&
                                 ogi__plan_short_total(g, pr, vals, 0, nv) >= 0))) {
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
    long total = ogi__plan_short_total(g, pr, pr->toks, lo, hi);
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
    /* Table 2's short row in a text that keeps no trace of a blank cell:
     * its readings (traceless_cols) */
    size_t nfit = 0;
    char alt[384], placed[160];
    if (hi - lo < pr->ncols) {
        ogi__plan_short_cols(pr, hi - lo, total, (total >= 0 && !cut) || loose, cols);
        if (total < 0 && !loose && !cut)
            nfit = ogi__plan_traceless_cols(g, pr, &pr->toks[lo], hi - lo, cols, alt,
                                  sizeof(alt));
    }
    if (nfit) {
        unsigned mask = 0;
        size_t len = 0;
        for (size_t i = 0; i < hi - lo; i++)
            mask |= 1u << cols[i];
        placed[0] = '\0';
        ogi__plan_put_placement(placed, sizeof(placed), &len, g, &pr->toks[lo], pr->ncols,
                      mask);
    }
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
    } else if (nfit > 1) {
        if ((rc = ogi_report_add_finding(
                 r, "P6", OGI_SEV_WARNING, path,
                 "row has %zu cells for %zu columns and blank cells left no "
                 "trace: placed %s; also fits: %s",
                 hi - lo, pr->ncols, placed, alt)))
            return rc;
    } else if (nfit == 1) {
        if ((rc = ogi_report_add_finding(
                 r, "P5", OGI_SEV_INFO, path,
                 "row has %zu cells for %zu columns and blank cells left no "
                 "trace: only %s fits the values' kinds",
                 hi - lo, pr->ncols, placed)))
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
    /* the row's cells, one after another (ogi_report_cell of each) */
    ogi_cell_t *row_cells = ogi_report_cell(r, pr->table, pr->row, 0);
    size_t tcols = row_cells ? r->tables[pr->table].skel->ncols : 0;
    size_t hint = SIZE_MAX;
    for (size_t i = lo; i < hi; i++) {
        size_t col = hi - lo < pr->ncols ? cols[i - lo] : i - lo;
        ogi_cell_t *c = col < tcols ? row_cells + col : NULL;
        if (!c)
            break;
        if ((rc = cell_from_tok(c, g, ogi__plan_tok_cell(g, pr->toks[i]),
                                 &hint)))
            return rc;
        if (pr->by_order && !pr->labelled)
            c->flags |= OGI_CELLF_BY_ORDER;
        if (pr->ntoks != pr->ncols)
            c->flags |= OGI_CELLF_SHIFTED;
    }
    /* a crawler's text gives a row whose cells hold no text at all (not
     * even a no-break space) as its label alone, the next label after it:
     * its cells are blank */
    int bare =
        pr->ntoks == 0 && pr->labelled && !pr->group &&
        ((g->reader && strcmp(g->reader, "runon") == 0) || pr->traceless);
    for (size_t col = 0; bare && col < pr->ncols; col++) {
        ogi_cell_t *c = ogi_report_cell(r, pr->table, pr->row, col);
        if (c && c->state == OGI_CELL_MISSING)
            c->state = OGI_CELL_EMPTY;
    }
    for (size_t col = 0; (total >= 0 || loose || nfit) && col < pr->ncols;
         col++) {
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
        if (row->key[0] == key[0] && strcmp(row->key, key) == 0)
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
