/*
 * grid_int.h - a table region of the text as records of tokens.
 *
 * Reports flatten their tables in many ways (report-format.md §7): one
 * cell per line with a leading tab and blank lines between rows, one row
 * per line with tabs, columns aligned with runs of spaces (pdftotext
 * -layout). The grid hides the difference: a record is one visual row
 * (a block of cell lines, or a line), and its tokens are TEXT (a label or
 * a fragment), VALUE (a number or placeholder) or BLANK (an empty cell
 * between tabs). Private to lib/.
 */
#ifndef OGI_GRID_INT_H
#define OGI_GRID_INT_H

#include <stddef.h>
#include <stdint.h>

#include "ogi/arena.h"
#include "ogi/number.h"
#include "ogi/text.h"

typedef enum {
    OGI__TOK_TEXT = 0,
    OGI__TOK_VALUE, /* number or placeholder: see num.kind */
    OGI__TOK_BLANK,
} ogi__tok_kind_t;

typedef struct {
    ogi__tok_kind_t kind;
    ogi_num_t num;  /* VALUE only */
    uint32_t off;   /* span in the normalised text */
    uint32_t len;
} ogi__tok_t;

typedef struct {
    uint32_t first;  /* index of the first token */
    uint32_t count;  /* tokens in this record */
    uint32_t line;   /* first line of the record */
    uint8_t prosey;  /* has sentence punctuation: narrative, not a row */
} ogi__rec_t;

typedef struct {
    const ogi_text_t *text;
    ogi__tok_t *toks;
    size_t ntoks, tcap;
    ogi__rec_t *recs;
    size_t nrecs, rcap;
    int cell_per_line; /* layout detected for the region */
} ogi__grid_t;

/* Reads lines [line0, line1) of t into *g (arrays in arena).
 * Returns 0 or OGI_ENOMEM. */
int ogi__grid_read(ogi__grid_t *g, ogi_arena_t *arena, const ogi_text_t *t,
                   size_t line0, size_t line1);

#endif /* OGI_GRID_INT_H */
