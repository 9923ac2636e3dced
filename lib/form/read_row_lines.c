/*
 * read_row_lines.c - one row per line: cells separated by tabs (seed 3) or
 * by runs of spaces (pdftotext -layout, lynx -dump, w3m -dump of a table
 * without borders, pandoc -t plain's simple and multiline tables). The
 * fallback reader: any line reads this way.
 *
 * Where a rule of dashes gives the columns (pandoc's "----- ------"), an
 * empty cell is only more space between two values: each value line's
 * cells are put in the rule's columns and the empty ones after the row's
 * label are read as blank.
 */
#include "ogi_int.h"

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
    const char *s = t->s + t->lines[l].start;
    size_t n = t->lines[l].end - t->lines[l].start, i = 0;
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
static int
push_copy(ogi__table_t *tb, const ogi__cell_t *c)
{
    ogi__cell_t *d = ogi__table_add(tb, OGI__CELL_LABEL, c->s, c->n, c->off,
                                    c->len);
    if (!d)
        return OGI_ENOMEM;
    *d = *c;
    return 0;
}

/*
 * Puts the cells [first, ncells) of the open row, read from one line,
 * into the columns c: a column after the row's last label that holds
 * nothing on a line that holds a value is a blank cell. A line whose
 * cells do not all fall in a column is left as it is.
 */
static int
place_in_columns(ogi__table_t *tb, size_t first, const cols_t *c)
{
    size_t n = tb->ncells - first;
    int rc;
    long last_label = -1;
    int values = 0;
    for (size_t i = first; i < tb->ncells; i++) {
        const ogi__cell_t *x = &tb->cells[i];
        long j = x->x0 >= 0 ? column_of(c, x->x0) : -1;
        if (j < 0 || (i > first && x->x0 < tb->cells[i - 1].x0))
            return 0;
        if (x->kind == OGI__CELL_LABEL)
            last_label = j;
        else if (x->kind == OGI__CELL_VALUE)
            values = 1;
    }
    if (!values || n == 0)
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
            if ((rc = push_copy(tb, &copy[k++])))
                return rc;
            any = 1;
        }
        if (any || (long)j <= last_label)
            continue;
        const ogi__cell_t *prev = tb->ncells ? &tb->cells[tb->ncells - 1]
                                             : &copy[0];
        ogi__cell_t *b = ogi__table_add(tb, OGI__CELL_BLANK, prev->s, 0,
                                        prev->off + prev->len, 0);
        if (!b)
            return OGI_ENOMEM;
        b->x0 = (int16_t)c->x0[j];
        b->x1 = (int16_t)c->x1[j];
    }
    while (k < n)
        if ((rc = push_copy(tb, &copy[k++])))
            return rc;
    return 0;
}

static int
read(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    int rc;
    cols_t cols = {.n = 0};
    size_t gap = 0; /* empty lines in a row */
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
            if ((rc = place_in_columns(tb, first, &cols)))
                return rc;
        }
        ogi__table_row_close(tb);
    }
    return 0;
}

const ogi__reader_t ogi__read_row_lines = {"row_lines", probe, read};
