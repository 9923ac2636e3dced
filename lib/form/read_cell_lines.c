/*
 * read_cell_lines.c - one cell per line with an indenting tab, rows
 * separated by blank lines (seeds 0, 1, 2 and 4: text copied out of a
 * Word table). An empty cell is a line holding only the tab; a line
 * without the tab continues the cell above it (a label wrapped in its
 * cell) unless a blank line came first.
 */
#include "ogi_int.h"

#include <string.h>

#include "ogi/error.h"
#include "reader_int.h"

/* The content start of a cell line ("  \tX"), or -1 if not a cell line. */
static long
cell_start(const ogi_text_t *t, size_t l)
{
    const char *s = t->s;
    size_t i = t->lines[l].start, end = t->lines[l].end;
    while (i < end && s[i] == ' ')
        i++;
    if (i < end && s[i] == '\t')
        return (long)(i + 1);
    return -1;
}

/* An empty line separates rows; a line holding only the tab is an empty
 * cell, not a separator. */
static int
is_gap(const ogi_text_t *t, size_t l)
{
    for (size_t i = t->lines[l].start; i < t->lines[l].end; i++)
        if (t->s[i] != ' ')
            return 0;
    return 1;
}

static int
probe(const ogi_text_t *t, size_t l0, size_t l1)
{
    size_t tab_lines = 0, single = 0;
    /* a region without a tab (most) is declined in one search */
    if (!ogi__table_region_has(t, l0, l1, "\t"))
        return 0;
    for (size_t l = l0; l < l1; l++) {
        const ogi_line_t *ln = &t->lines[l];
        if (!memchr(t->s + ln->start, '\t', ln->end - ln->start))
            continue;
        tab_lines++;
        long cs = cell_start(t, l);
        if (cs >= 0 && !memchr(t->s + cs, '\t', ln->end - (size_t)cs))
            single++;
    }
    if (tab_lines < 4 || single * 2 < tab_lines)
        return 0;
    return 50 + (int)(single * 40 / tab_lines);
}

static int
read(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    const char *s = t->s;
    int rc, in_row = 0;
    size_t l = l0;
    while (l < l1) {
        if (is_gap(t, l)) {
            if (in_row)
                ogi__table_row_close(tb);
            in_row = 0;
            l++;
            continue;
        }
        if (ogi__table_is_page_line(t, l)) {
            l++; /* a page footer between cells is no cell */
            continue;
        }
        long cs = cell_start(t, l);
        if (cs < 0) {
            /* a line of its own (narrative, heading) outside any cell */
            if (in_row)
                ogi__table_row_close(tb);
            in_row = 0;
            if ((rc = ogi__table_add_line_row(tb, l)))
                return rc;
            l++;
            continue;
        }
        if (!in_row) {
            if ((rc = ogi__table_row_open(tb, l)))
                return rc;
            in_row = 1;
        }
        size_t cend = t->lines[l].end;
        size_t m = l + 1;
        while (m < l1 && !is_gap(t, m) &&
               cell_start(t, m) < 0 && !ogi__table_is_page_line(t, m)) {
            cend = t->lines[m].end;
            m++;
        }
        if (!ogi__table_add_cell(tb, s + cs, cend - (size_t)cs, (size_t)cs))
            return OGI_ENOMEM;
        l = m;
    }
    if (in_row)
        ogi__table_row_close(tb);
    return 0;
}

const ogi__reader_t ogi__read_cell_lines = {"cell_lines", probe, read};
