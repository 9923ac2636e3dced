/* reader.c - the list of layout readers, and picking one for a region. */
#include "ogi_int.h"

#include <string.h>

#include "reader_int.h"

/* Ties go to the earlier reader: specific layouts before general ones.
 * HTML table markup first: a region holding it may also hold pipe rows
 * or plain lines, which its reader hands to the others. */
static const ogi__reader_t *const readers[] = {
    &ogi__read_html_table, &ogi__read_box,        &ogi__read_ascii_grid,
    &ogi__read_pipe,       &ogi__read_underscore, &ogi__read_h2t_plain,
    &ogi__read_cell_lines, &ogi__read_runon,      &ogi__read_order,
    &ogi__read_lynx,       &ogi__read_row_lines,
};

const ogi__reader_t *const *
ogi__readers(size_t *n)
{
    *n = OGI_ARRAY_LEN(readers);
    return readers;
}

const ogi__reader_t *
ogi__reader_pick(const ogi_text_t *t, size_t l0, size_t l1)
{
    const ogi__reader_t *best = &ogi__read_row_lines;
    int best_score = 0;
    for (size_t i = 0; i < OGI_ARRAY_LEN(readers); i++) {
        int s = readers[i]->probe(t, l0, l1);
        if (s > best_score) {
            best_score = s;
            best = readers[i];
        }
        /* no later reader can beat a sure one: ties go to the earlier */
        if (best_score >= OGI__PROBE_SURE)
            break;
    }
    return best;
}

int
ogi__probe_region_has(const ogi_text_t *t, size_t l0, size_t l1,
                      const char *lit)
{
    /* the squeezed text holds the bytes of the region that are no white
     * space, in order and none between: without lit's first byte there,
     * lit is not in the region. Most probes' marks are absent from most
     * regions, and a region's squeezed text is a half or two thirds of
     * its bytes (pdftotext -layout's columns are runs of spaces) */
    if (t->sq.line && (unsigned char)lit[0] > 0x20) {
        if (l1 > t->nlines)
            l1 = t->nlines;
        if (l0 >= l1)
            return 0;
        size_t a = t->sq.line[l0], b = t->sq.line[l1];
        if (!memchr(t->sq.s + a, lit[0], b - a))
            return 0;
    }
    return ogi__table_region_has(t, l0, l1, lit);
}

const ogi__reader_t *
ogi__reader_find(const char *name)
{
    for (size_t i = 0; i < OGI_ARRAY_LEN(readers); i++)
        if (strcmp(readers[i]->name, name) == 0)
            return readers[i];
    return NULL;
}

int
ogi__reader_read(ogi__table_t *tb, ogi_arena_t *arena, const ogi_text_t *t,
                 size_t l0, size_t l1)
{
    ogi__table_init(tb, arena, t);
    if (l1 > t->nlines)
        l1 = t->nlines;
    if (l0 >= l1)
        return 0;
    const ogi__reader_t *r = ogi__reader_pick(t, l0, l1);
    tb->reader = r->name;
    return r->read(tb, t, l0, l1);
}
