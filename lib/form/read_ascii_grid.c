/*
 * read_ascii_grid.c - +----+ | ASCII grid tables, as pandoc -t plain draws tables with set widths.
 * Not read yet: the probe declines every region.
 */
#include "ogi_int.h"

#include "reader_int.h"

static int
probe(const ogi_text_t *t, size_t l0, size_t l1)
{
    (void)t;
    (void)l0;
    (void)l1;
    return 0;
}

static int
read(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    (void)tb;
    (void)t;
    (void)l0;
    (void)l1;
    return 0;
}

const ogi__reader_t ogi__read_ascii_grid = {"ascii_grid", probe, read};
