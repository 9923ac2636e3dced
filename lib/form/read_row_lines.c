/*
 * read_row_lines.c - one row per line: cells separated by tabs (seed 3) or
 * by runs of spaces (pdftotext -layout, lynx -dump, w3m -dump of a table
 * without borders, pandoc -t plain's simple and multiline tables). The
 * fallback reader: any line reads this way.
 *
 * Where a rule of dashes gives the columns (pandoc's "----- ------"), an
 * empty cell is only more space between two values: each value line's
 * cells are put in the rule's columns and the empty ones after the row's
 * label are read as blank. Without a rule or tabs, a row may be drawn
 * over several lines (read_row_bands.c).
 */
#include "ogi_int.h"

#include <stdint.h>
#include <string.h>

#include "ogi/error.h"
#include "reader_int.h"

#define MAX_COLS 64

typedef struct {
    int x0[MAX_COLS], x1[MAX_COLS]; /* display columns of each rule run */
    size_t n;
} cols_t;

static int
probe(const ogi_text_t *t, size_t l0, size_t l1)
{
    (void)t;
    (void)l0;
    (void)l1;
    return OGI__PROBE_FALLBACK;
}

/* Reads line l as a rule of dashes into *c: runs of '-' (three or more)
 * separated by spaces, at least two of them; the text is normalised, so
 * a rule is ASCII and its byte offsets are its display columns, counted
 * from the line's first byte. Returns 1 for a rule. */
static int
read_rule(const ogi_text_t *t, size_t l, cols_t *c)
{
    /* most lines are told by their first byte that is not a space: the
     * squeezed text gives it without a walk over the indentation */
    if (t->sq.line &&
        (t->sq.line[l + 1] == t->sq.line[l] || t->sq.s[t->sq.line[l]] != '-'))
        return 0;
    const char *s = t->s + t->lines[l].start;
    size_t n = t->lines[l].end - t->lines[l].start, i = 0;
    while (i < n && s[i] == ' ')
        i++;
    if (i == n || s[i] != '-')
        return 0;
    cols_t r = {.n = 0};
    while (i < n) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        if (s[i] != '-' || r.n == MAX_COLS)
            return 0;
        size_t a = i;
        while (i < n && s[i] == '-')
            i++;
        if (i - a < 3)
            return 0;
        r.x0[r.n] = (int)a;
        r.x1[r.n++] = (int)i;
    }
    if (r.n < 2)
        return 0;
    *c = r;
    return 1;
}

/* The column of the rule cell x0 starts in, or -1. */
static long
column_of(const cols_t *c, int x0)
{
    for (size_t j = 0; j < c->n; j++)
        if (x0 >= c->x0[j] - 1 && x0 < c->x1[j] + 1)
            return (long)j;
    return -1;
}

/* Appends a copy of cell c (the row being rebuilt). */
/*
 * Puts the cells [first, ncells) of the open row, read from one line,
 * into the columns c: a column after the row's last label that holds
 * nothing on a line that holds a value is a blank cell, unless it is a
 * label column (labels, a bit each: the columns the rows with values
 * hold labels in; a row label spanning two of them leaves the second
 * empty). A line of labels only, all in label columns, is a row whose
 * cells are all blank. A line whose cells do not all fall in a column is
 * left as it is.
 */
static int
place_in_columns(ogi__table_t *tb, size_t first, const cols_t *c,
                 uint64_t labels)
{
    size_t n = tb->ncells - first;
    long last_label = -1;
    int values = 0, outside = 0;
    for (size_t i = first; i < tb->ncells; i++) {
        const ogi__cell_t *x = &tb->cells[i];
        long j = x->x0 >= 0 ? column_of(c, x->x0) : -1;
        if (j < 0 || (i > first && x->x0 < tb->cells[i - 1].x0))
            return 0;
        if (x->kind == OGI__CELL_LABEL) {
            last_label = j;
            outside |= !(labels >> j & 1);
        } else if (x->kind == OGI__CELL_VALUE)
            values = 1;
    }
    if (n == 0 || (!values && (outside || !labels)))
        return 0;
    ogi__cell_t *copy = ogi_arena_alloc(tb->arena, n * sizeof(*copy));
    if (!copy)
        return OGI_ENOMEM;
    memcpy(copy, &tb->cells[first], n * sizeof(*copy));
    tb->ncells = first;
    size_t k = 0;
    for (size_t j = 0; j < c->n; j++) {
        int any = 0;
        while (k < n && column_of(c, copy[k].x0) == (long)j) {
            if (!ogi__table_add_copy(tb, &copy[k++]))
                return OGI_ENOMEM;
            any = 1;
        }
        if (any || (long)j <= last_label || (labels >> j & 1))
            continue;
        const ogi__cell_t *prev =
            tb->ncells ? &tb->cells[tb->ncells - 1] : &copy[0];
        ogi__cell_t *b = ogi__table_add(tb, OGI__CELL_BLANK, prev->s, 0,
                                        prev->off + prev->len, 0);
        if (!b)
            return OGI_ENOMEM;
        b->x0 = (int16_t)c->x0[j];
        b->x1 = (int16_t)c->x1[j];
    }
    while (k < n)
        if (!ogi__table_add_copy(tb, &copy[k++]))
            return OGI_ENOMEM;
    return 0;
}

/*
 * Walks the lines of [l0, l1) as read_lines does: calls f on each line
 * read in a rule's columns, the cells [first, ncells) of its open row
 * read from it. The columns are those of the last rule above, from a
 * rule just above l0 on; two empty lines end them.
 */
typedef int (*line_fn)(ogi__table_t *tb, size_t l, size_t first,
                       const cols_t *c, void *arg);

static int
walk_lines(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1,
           line_fn f, void *arg)
{
    int rc;
    cols_t cols = {.n = 0};
    size_t gap = 0; /* empty lines in a row */
    /* a region that starts just under a table's top rule is in its
     * columns from its first line */
    if (l0 > 0 && !read_rule(t, l0 - 1, &cols))
        cols.n = 0;
    for (size_t l = l0; l < l1; l++) {
        if (ogi__table_is_page_line(t, l))
            continue;
        if (read_rule(t, l, &cols)) {
            gap = 0;
            continue;
        }
        if (ogi__table_is_empty_line(t, l)) {
            /* a table's rows are one blank line apart at most */
            if (++gap >= 2)
                cols.n = 0;
            continue;
        }
        gap = 0;
        size_t first = tb->ncells;
        if ((rc = ogi__table_row_open(tb, l)) ||
            (rc = ogi__table_add_line(tb, l)))
            return rc;
        if (cols.n) {
            ogi__table_set_columns(tb, l, first);
            if ((rc = f(tb, l, first, &cols, arg)))
                return rc;
        }
        ogi__table_row_close(tb);
    }
    return 0;
}

/* Marks in *arg the columns a line with values holds labels in. */
static int
mark_labels(ogi__table_t *tb, size_t l, size_t first, const cols_t *c,
            void *arg)
{
    (void)l;
    uint64_t *labels = arg, mask = 0;
    int values = 0;
    for (size_t i = first; i < tb->ncells; i++) {
        const ogi__cell_t *x = &tb->cells[i];
        long j = x->x0 >= 0 ? column_of(c, x->x0) : -1;
        if (x->kind == OGI__CELL_VALUE)
            values = 1;
        else if (x->kind == OGI__CELL_LABEL && j >= 0)
            mask |= (uint64_t)1 << j;
    }
    if (values)
        *labels |= mask;
    return 0;
}

static int
place_line(ogi__table_t *tb, size_t l, size_t first, const cols_t *c, void *arg)
{
    (void)l;
    return place_in_columns(tb, first, c, *(const uint64_t *)arg);
}

static int
read_lines(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    /* the label columns first, on a scratch table */
    ogi__table_t sc;
    ogi__table_init(&sc, tb->arena, t);
    uint64_t labels = 0;
    int rc = walk_lines(&sc, t, l0, l1, mark_labels, &labels);
    if (rc)
        return rc;
    return walk_lines(tb, t, l0, l1, place_line, &labels);
}

static void
mark_runs(ogi__table_t *tb, size_t c0)
{
    for (size_t i = c0; i < tb->ncells; i++) {
        ogi__cell_t *c = &tb->cells[i];
        if (c->kind != OGI__CELL_VALUE || c->n < 2 || c->s[0] != '0')
            continue;
        size_t k = 0;
        while (k < c->n && c->s[k] >= '0' && c->s[k] <= '9')
            k++;
        if (k == c->n)
            c->kind = OGI__CELL_RUN;
    }
}

/* 1 when cell c is a value written in digits only, two to nine of
 * them, the first no zero: a number, or the digits of adjacent cells run
 * together ("7200" for 7 2 0 0). */
static int
digits_only(const ogi__cell_t *c)
{
    if (c->kind != OGI__CELL_VALUE || c->n < 2 || c->n > 9 || c->s[0] == '0')
        return 0;
    for (size_t k = 0; k < c->n; k++)
        if (c->s[k] < '0' || c->s[k] > '9')
            return 0;
    return 1;
}

/* The cells row r of tb stands for when each run of digits is a cell
 * per digit (values, runs counted by their digits). */
static size_t
cells_at_most(const ogi__table_t *tb, size_t r)
{
    size_t w = 0;
    for (size_t i = tb->rows[r].first;
         i < tb->rows[r].first + tb->rows[r].count; i++) {
        const ogi__cell_t *c = &tb->cells[i];
        w += c->kind == OGI__CELL_RUN ? c->n : c->kind == OGI__CELL_VALUE;
    }
    return w;
}

/* 1 when row r of tb holds a run (mark_runs: digits a leading zero
 * shows are several cells'). */
static int
has_run(const ogi__table_t *tb, size_t r)
{
    for (size_t i = tb->rows[r].first;
         i < tb->rows[r].first + tb->rows[r].count; i++)
        if (tb->cells[i].kind == OGI__CELL_RUN)
            return 1;
    return 0;
}

/*
 * Marks as runs the values of rows of tb from r0 on (cells from c0 on)
 * whose digits are the cells of a row set too close: a row narrower than
 * the rows next to it (the widest of the NEAR_ROWS nearest above and
 * below with two values or more: a neighbour may be short of a blank
 * cell or two itself) by exactly the digits of its one value of
 * several digits less one ("1000 0 0 1" among rows of seven cells, a
 * browser's narrow columns set by pdftotext -layout with no space
 * between), when a row next to it shows such runs already ("0000 0 0
 * 0"): elsewhere a row narrower than its neighbours is one with blank
 * cells (a crawler's text of one node a cell). The format's arithmetic
 * parts a run or keeps it one number.
 */
#define NEAR_ROWS 2
static void
mark_digit_runs(ogi__table_t *tb, size_t r0, size_t c0)
{
    for (size_t r = r0; r < tb->nrows; r++) {
        const ogi__row_t *row = &tb->rows[r];
        size_t at = SIZE_MAX, cand = 0;
        for (size_t i = row->first; i < row->first + row->count; i++)
            if (i >= c0 && digits_only(&tb->cells[i])) {
                cand++;
                at = i;
            }
        if (cand != 1)
            continue;
        size_t near = 0;
        int tight = 0;
        size_t seen = 0;
        for (size_t q = r; q > r0 && seen < NEAR_ROWS; q--)
            if (cells_at_most(tb, q - 1) >= 2) {
                if (cells_at_most(tb, q - 1) > near)
                    near = cells_at_most(tb, q - 1);
                tight |= has_run(tb, q - 1) && seen == 0;
                seen++;
            }
        seen = 0;
        for (size_t q = r + 1; q < tb->nrows && seen < NEAR_ROWS; q++)
            if (cells_at_most(tb, q) >= 2) {
                if (cells_at_most(tb, q) > near)
                    near = cells_at_most(tb, q);
                tight |= has_run(tb, q) && seen == 0;
                seen++;
            }
        if (tight && cells_at_most(tb, r) + tb->cells[at].n - 1 == near)
            tb->cells[at].kind = OGI__CELL_RUN;
    }
}

/* 1 when cell c is a run of three zeros or more and nothing else (two
 * may be a zero read twice: OCR's "oo"). */
static int
zero_run(const ogi__cell_t *c)
{
    if (c->kind != OGI__CELL_RUN || c->n < 3)
        return 0;
    for (size_t k = 0; k < c->n; k++)
        if (c->s[k] != '0')
            return 0;
    return 1;
}

/* Takes cells [c0, c0 + n) off tb into *old (arena) to be added again,
 * with *at room for their new places (n + 1, see reseat_rows). Returns 0
 * or OGI_ENOMEM. */
static int
detach_cells(ogi__table_t *tb, size_t c0, size_t n, ogi__cell_t **old,
             uint32_t **at)
{
    *old = ogi_arena_alloc(tb->arena, n * sizeof(**old));
    *at = ogi_arena_alloc(tb->arena, (n + 1) * sizeof(**at));
    if (!*old || !*at)
        return OGI_ENOMEM;
    memcpy(*old, &tb->cells[c0], n * sizeof(**old));
    tb->ncells = c0;
    return 0;
}

/* The rows read from r0 on, after cells [c0, c0 + n) were added again
 * with cell i's first copy at at[i] (at[n]: the new end): each row's
 * first cell and count follow its cells. */
static void
reseat_rows(ogi__table_t *tb, size_t r0, size_t c0, size_t n, uint32_t *at)
{
    at[n] = (uint32_t)tb->ncells;
    for (size_t r = r0; r < tb->nrows; r++) {
        ogi__row_t *row = &tb->rows[r];
        if (row->first < c0 || row->first - c0 >= n)
            continue;
        size_t f = row->first - c0, e = f + row->count;
        row->first = at[f];
        row->count = (e <= n ? at[e] : at[n]) - at[f];
    }
}

/*
 * Parts the runs of zeros among cells [c0, ncells) of tb ("000000": the
 * zeros of adjacent cells a converter set close together) into a cell
 * per zero, each at its own column: no number is written with a leading
 * zero, so each zero is a cell of its own. The rows read from c0 on get
 * their cells' new places. Returns 0 or OGI_ENOMEM.
 */
static int
split_zero_runs(ogi__table_t *tb, size_t r0, size_t c0)
{
    size_t extra = 0;
    for (size_t i = c0; i < tb->ncells; i++)
        if (zero_run(&tb->cells[i]))
            extra += tb->cells[i].n - 1;
    if (extra == 0)
        return 0;
    size_t n = tb->ncells - c0;
    ogi__cell_t *old;
    uint32_t *at;
    if (detach_cells(tb, c0, n, &old, &at))
        return OGI_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        at[i] = (uint32_t)tb->ncells;
        const ogi__cell_t *c = &old[i];
        size_t parts = zero_run(c) ? c->n : 1;
        for (size_t k = 0; k < parts; k++) {
            ogi__cell_t *d = ogi__table_add_copy(tb, c);
            if (!d)
                return OGI_ENOMEM;
            if (parts == 1)
                continue;
            d->s = c->s + k;
            d->n = 1;
            /* the text's bytes are the run's when the cell is read from
             * its line; a joined cell keeps its span whole */
            if (c->len == c->n) {
                d->off = c->off + (uint32_t)k;
                d->len = 1;
            }
            d->kind = OGI__CELL_VALUE;
            ogi_number_parse(d->s, 1, &d->num);
            if (c->x0 >= 0) {
                d->x0 = (int16_t)(c->x0 + (int)k);
                d->x1 = (int16_t)(d->x0 + 1);
            }
        }
    }
    reseat_rows(tb, r0, c0, n, at);
    return 0;
}

/* The end of the line of row r's last cell when it runs on past that
 * cell in spaces, two or more (blank_ends), else 0. */
static size_t
space_end(const ogi__table_t *tb, const ogi_text_t *t, size_t r)
{
    const ogi__row_t *row = &tb->rows[r];
    if (!row->count)
        return 0;
    const ogi__cell_t *c = &tb->cells[row->first + row->count - 1];
    size_t at = (size_t)c->off + c->len;
    /* most lines end at their last cell: nothing more to ask (the text
     * is NUL-terminated: at most its end is read) */
    if (t->s[at] != ' ' || t->s[at + 1] != ' ' || row->count > 8 || c->x0 < 0 ||
        c->x1 < c->x0 || c->len == 0 ||
        tb->cells[row->first].kind != OGI__CELL_LABEL)
        return 0;
    size_t end = t->lines[ogi_text_line_of(t, c->off)].end;
    if (at > end || end - at > 64)
        return 0;
    for (size_t k = at; k < end; k++)
        if (t->s[k] != ' ')
            return 0;
    return end;
}

/*
 * Gives each row read from r0 on whose last line runs on past its last
 * cell in spaces, two or more, a blank cell at the last of them: a
 * converter that sets cells in columns of spaces (w3m) trims a line's
 * end, but a last cell holding only a no-break space is written as a
 * space in its column, one gap past the cell before. Nothing else leaves
 * a line's end in spaces (a lost value leaves no space behind), so the
 * row's last columns up to that one are blank, not missing. The cells
 * read from c0 on get their new places. Only rows led by their label,
 * with up to seven cells after it (Tables 2 and 3): Table 4's row of
 * values, no label before them, is placed by its columns' positions
 * (place_appeal*.c), which read a blank end there already and take an
 * extra piece as a value's place.
 * Returns 0 or OGI_ENOMEM.
 */
static int
blank_ends(ogi__table_t *tb, const ogi_text_t *t, size_t r0, size_t c0)
{
    size_t n = tb->ncells - c0;
    uint8_t *ends = NULL; /* made at the first row that needs it */
    for (size_t r = r0; r < tb->nrows; r++) {
        if (tb->rows[r].first < c0 || !space_end(tb, t, r))
            continue;
        if (!ends) {
            if (!(ends = ogi_arena_alloc(tb->arena, n)))
                return OGI_ENOMEM;
            memset(ends, 0, n);
        }
        ends[tb->rows[r].first + tb->rows[r].count - 1 - c0] = 1;
    }
    if (!ends)
        return 0;
    ogi__cell_t *old;
    uint32_t *at;
    if (detach_cells(tb, c0, n, &old, &at))
        return OGI_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        at[i] = (uint32_t)tb->ncells;
        const ogi__cell_t *c = &old[i];
        if (!ogi__table_add_copy(tb, c))
            return OGI_ENOMEM;
        if (!ends[i])
            continue;
        size_t l = ogi_text_line_of(t, c->off), end = t->lines[l].end;
        int spaces = (int)(end - c->off - c->len);
        ogi__cell_t *d = ogi__table_add_copy(tb, c);
        if (!d)
            return OGI_ENOMEM;
        d->kind = OGI__CELL_BLANK;
        d->num = (ogi_num_t){0};
        d->s = t->s + end - 1;
        d->n = 0;
        d->off = (uint32_t)(end - 1);
        d->len = 1;
        d->x0 = (int16_t)(c->x1 + spaces - 1);
        d->x1 = (int16_t)(d->x0 + 1);
        d->col = -1;
        d->rowspan = d->colspan = 1;
    }
    reseat_rows(tb, r0, c0, n, at);
    return 0;
}

static int
read(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    cols_t c;
    size_t c0 = tb->ncells, r0 = tb->nrows;
    int ruled = l0 > 0 && read_rule(t, l0 - 1, &c);
    /* a region without a tab (most) needs no line searched for one */
    int tabs = ogi__table_region_has(t, l0, l1, "\t");
    for (size_t l = l0; l < l1 && !ruled; l++)
        ruled = read_rule(t, l, &c) ||
                (tabs && memchr(t->s + t->lines[l].start, '\t',
                                t->lines[l].end - t->lines[l].start) != NULL);
    int rc =
        ruled ? read_lines(tb, t, l0, l1) : ogi__row_bands_read(tb, t, l0, l1);
    if (rc == 0) {
        mark_runs(tb, c0);
        mark_digit_runs(tb, r0, c0);
        rc = split_zero_runs(tb, r0, c0);
    }
    if (rc == 0 && !ruled)
        rc = blank_ends(tb, t, r0, c0);
    return rc;
}

const ogi__reader_t ogi__read_row_lines = {"row_lines", probe, read};
