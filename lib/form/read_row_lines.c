/*
 * read_row_lines.c - one row per line: cells separated by tabs (seed 3) or
 * by runs of spaces (pdftotext -layout, lynx -dump, pandoc -t plain
 * without a grid). The fallback reader: any line reads this way.
 */
#include "ogi_int.h"

#include <string.h>

#include "reader_int.h"

static int
probe(const ogi_text_t *t, size_t l0, size_t l1)
{
    (void)t;
    (void)l0;
    (void)l1;
    return OGI__PROBE_FALLBACK;
}

static int
read(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    int rc;
    for (size_t l = l0; l < l1; l++) {
        if (ogi__table_is_page_line(t, l))
            continue;
        if ((rc = ogi__table_row_open(tb, l)) ||
            (rc = ogi__table_add_line(tb, l)))
            return rc;
        ogi__table_row_close(tb);
    }
    return 0;
}

const ogi__reader_t ogi__read_row_lines = {"row_lines", probe, read};
