/*
 * read_pipe.c - | a | b | pipe tables (Markdown, PDF-to-Markdown and OCR pipelines).
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

const ogi__reader_t ogi__read_pipe = {"pipe", probe, read};
