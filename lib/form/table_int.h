/*
 * table_int.h - the one table model every layout reader produces.
 *
 * Reports flatten their tables in many ways (README "The forms ogi reads", and
 * every tool that turns a page or a PDF into text draws tables its own way).
 * Each layout has its reader (reader_int.h); all of them produce this model,
 * and the outline and placement only consume it: placement never asks which
 * layout a table came from.
 *
 * A table is rows of cells in reading order. A row is one visual row of the
 * source: a line, a block of cell lines, a box row whose cells wrap over
 * several lines. A cell has its text (normalised: full-width folded, see
 * text.h), the span of the source it came from, its kind, and where the
 * layout gives them its row, column and spans. Private to lib/.
 */
#ifndef OGI_TABLE_INT_H
#define OGI_TABLE_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ogi/arena.h"
#include "ogi/number.h"
#include "ogi/text.h"

typedef enum {
    OGI__CELL_LABEL = 0, /* text: a label, a fragment of one, a caption */
    OGI__CELL_VALUE,     /* a number or a placeholder: see num.kind */
    OGI__CELL_BLANK,     /* an empty cell: a value left blank */
    OGI__CELL_MERGED,    /* covered by a neighbour's row or column span:
                            holds nothing of its own and is no value */
    OGI__CELL_RUN,       /* a run of digits that may belong to several
                            adjacent cells ("7000007"): split later by the
                            format's arithmetic */
} ogi__cell_kind_t;

typedef struct {
    ogi__cell_kind_t kind;
    ogi_num_t num;     /* VALUE only */
    const char *s;     /* the cell's text, not NUL-terminated: into the
                          text, or into the arena when joined from several
                          lines or cleaned of markup */
    uint32_t n;        /* its length in bytes */
    uint32_t off;      /* source span in the normalised text */
    uint32_t len;
    int16_t row;       /* row / column in the layout's grid, or -1 */
    int16_t col;
    int16_t x0;        /* display columns [x0, x1) of the cell's text on
                          its line, where the layout aligns cells by
                          position (columns of spaces), else -1 */
    int16_t x1;
    uint8_t measurable; /* read from a plain line: its display columns can
                           be measured there (ogi__table_cell_columns) */
    uint8_t rowspan;   /* spans where the layout gives them, else 1 */
    uint8_t colspan;
} ogi__cell_t;

typedef struct {
    uint32_t first;  /* index of the row's first cell */
    uint32_t count;  /* cells in this row */
    uint32_t line;   /* first line of the row in the text */
    uint8_t prosey;  /* has sentence punctuation: narrative, not a row */
} ogi__row_t;

typedef struct {
    const ogi_text_t *text;
    ogi_arena_t *arena;
    ogi__cell_t *cells;
    size_t ncells, ccap;
    ogi__row_t *rows;
    size_t nrows, rcap;
    const char *reader; /* name of the reader that read it (diagnostics) */
    size_t stream_values; /* values in the region's stream of text blocks,
                             as text in reading order gives them (the
                             outline weighs them against the format's), or
                             0 where the reader sees rows */
} ogi__table_t;

/* Starts an empty table over t; arrays grow in arena. Never fails. */
void ogi__table_init(ogi__table_t *tb, ogi_arena_t *arena,
                     const ogi_text_t *t);

/* Doubles the room for rows / cells of tb (the inline appends below call
 * them when full). Return 0 or OGI_ENOMEM. */
int ogi__table_grow_rows(ogi__table_t *tb);
int ogi__table_grow_cells(ogi__table_t *tb);

/* Opens a row whose first line is line. Returns 0 or OGI_ENOMEM. Inline:
 * a reader opens a row for every line it reads. */
static inline int
ogi__table_row_open(ogi__table_t *tb, size_t line)
{
    int rc;
    if (tb->nrows == tb->rcap && (rc = ogi__table_grow_rows(tb)) != 0)
        return rc;
    ogi__row_t *r = &tb->rows[tb->nrows++];
    memset(r, 0, sizeof(*r));
    r->first = (uint32_t)tb->ncells;
    r->line = (uint32_t)line;
    return 0;
}

/* Closes the open row: an empty row is dropped; prosey is set when a label
 * of it reads as a sentence. */
void ogi__table_row_close(ogi__table_t *tb);

/* Closes the open row as ogi__table_row_close does, its prosey given
 * rather than read from its labels: for a reader that knows it, or has no
 * use for it (a scratch table whose rows are copied out). */
void ogi__table_row_close_as(ogi__table_t *tb, int prosey);

/*
 * Appends a cell of the given kind to the open row. s[0..n) is its text
 * (kept by pointer: into the text or the arena), off/len its source span
 * in the normalised text. A VALUE cell's number is parsed from s. Row and
 * column are -1, spans 1: set them on the returned cell where the layout
 * gives them. Returns the cell, or NULL when out of memory.
 */
ogi__cell_t *ogi__table_add(ogi__table_t *tb, ogi__cell_kind_t kind,
                            const char *s, size_t n, size_t off, size_t len);

/* ogi__table_add, a value's number given when already parsed from
 * s[0..n) (num, or NULL to parse it here). Inline: a line's words are
 * added through it, most of the cells a reader makes. */
static inline ogi__cell_t *
ogi__table_add_parsed(ogi__table_t *tb, ogi__cell_kind_t kind, const char *s,
                      size_t n, size_t off, size_t len, const ogi_num_t *num)
{
    if (tb->ncells == tb->ccap && ogi__table_grow_cells(tb) != 0)
        return NULL;
    ogi__cell_t *c = &tb->cells[tb->ncells++];
    memset(c, 0, sizeof(*c));
    c->kind = kind;
    c->s = s;
    c->n = (uint32_t)n;
    c->off = (uint32_t)off;
    c->len = (uint32_t)len;
    c->row = c->col = c->x0 = c->x1 = -1;
    c->rowspan = c->colspan = 1;
    if (kind == OGI__CELL_VALUE && num)
        c->num = *num;
    else if (kind == OGI__CELL_VALUE &&
             ogi_number_parse(s, n, &c->num) == OGI_NUM_NONE)
        c->kind = OGI__CELL_LABEL; /* the reader was wrong: keep the text */
    return c;
}

/* Appends a copy of cell c (its kind, number, span and places). Returns
 * the new cell, or NULL when out of memory. Inline: the band reader copies
 * most cells it reads. */
static inline ogi__cell_t *
ogi__table_add_copy(ogi__table_t *tb, const ogi__cell_t *c)
{
    if (tb->ncells == tb->ccap && ogi__table_grow_cells(tb) != 0)
        return NULL;
    ogi__cell_t *d = &tb->cells[tb->ncells++];
    *d = *c;
    return d;
}

/*
 * Appends one cell whose kind is read from its text: BLANK when it is only
 * whitespace, VALUE when it reads as a number or a placeholder ("减 22",
 * "—"), LABEL otherwise. Surrounding whitespace is trimmed. Returns the
 * cell, or NULL when out of memory.
 */
ogi__cell_t *ogi__table_add_cell(ogi__table_t *tb, const char *s, size_t n,
                                 size_t off);

/*
 * Appends the words of a stretch of text that may hold several cells
 * (columns aligned with single spaces, a label followed by its values):
 * a run of text words is one LABEL, each number word a VALUE, "减 22" one
 * VALUE. s points into the normalised text at offset off. Returns 0 or
 * OGI_ENOMEM.
 */
int ogi__table_add_words(ogi__table_t *tb, const char *s, size_t n,
                         size_t off);

/*
 * Appends text line l as cells: split on tabs, then on runs of two or
 * more spaces, each piece read with ogi__table_add_words; an empty cell
 * between tabs is BLANK. The cells are measurable: their display columns
 * on the line are measured when asked for (ogi__table_cell_columns). The way every reader reads a line that is not of
 * its layout (a caption, a label left outside a table). Does not open or
 * close a row. Returns 0 or OGI_ENOMEM.
 */
int ogi__table_add_line(ogi__table_t *tb, size_t l);

/* 1 when s[0..n) starts with an item's number: "3.", "(六)", "二、". */
int ogi__table_starts_numbered(const char *s, size_t n);

/* Appends line l as a row of its own (ogi__table_add_line between
 * ogi__table_row_open and ogi__table_row_close): how a reader keeps a
 * line that is not of its layout. Returns 0 or OGI_ENOMEM. */
int ogi__table_add_line_row(ogi__table_t *tb, size_t l);

/* 1 when the space at normalised offset i of t was a no-break space in
 * the raw text (C2 A0, an "&nbsp;" of the page): part of a cell, where a
 * plain space is only layout. */
int ogi__table_is_nbsp(const ogi_text_t *t, size_t i);

/* ogi__table_is_page_line past its quick test: the line walked. */
int ogi__table_is_page_line_walk(const ogi_text_t *t, size_t l);

/* 1 when line l of t is a page footer a PDF conversion left ("- 3 -",
 * "第3页"), whatever its indentation. Inline: every reader asks it of
 * most lines. */
static inline int
ogi__table_is_page_line(const ogi_text_t *t, size_t l)
{
    /* a footer is short and starts with "-" or 第 (ogi_text_is_page_number):
     * most lines are told apart by the squeezed text, which holds at most
     * one space more than the line's content, without walking their
     * indentation */
    if (t->sq.line) {
        size_t a = t->sq.line[l], b = t->sq.line[l + 1];
        if (b == a || b - a > 40 ||
            (t->sq.s[a] != '-' && (unsigned char)t->sq.s[a] != 0xE7))
            return 0;
    }
    return ogi__table_is_page_line_walk(t, l);
}

/* 1 when the bytes of lines [l0, l1) of t hold lit: one search, so that a
 * probe declines a region without the marks of its layout at once. */
int ogi__table_region_has(const ogi_text_t *t, size_t l0, size_t l1,
                          const char *lit);

/* ogi__table_is_empty_line for a text without its squeezed lines. */
int ogi__table_is_empty_line_walk(const ogi_text_t *t, size_t l);

/* 1 when line l of t holds only spaces and tabs. Inline: every reader
 * asks it of every line. */
static inline int
ogi__table_is_empty_line(const ogi_text_t *t, size_t l)
{
    /* the squeezed text keeps no white space: a line that left nothing
     * there is blanks only (the text holds no other byte below 0x21) */
    if (t->sq.line)
        return t->sq.line[l + 1] == t->sq.line[l];
    return ogi__table_is_empty_line_walk(t, l);
}

/* Sets the display columns (x0, x1) of cells [c0, ncells), all read from
 * line l, measured on the raw characters. */
void ogi__table_set_columns(ogi__table_t *tb, size_t l, size_t c0);

/* ogi__table_cell_columns for a cell not measured yet: its line walked. */
void ogi__table_cell_columns_measure(const ogi_text_t *t, const ogi__cell_t *c,
                                     int *x0, int *x1);

/* The display columns of cell c of a table over text t: its x0 and x1
 * where set, else measured on its line when it is measurable, else -1
 * for both. Measuring walks the line: placement asks only for the few
 * rows it must. */
static inline void
ogi__table_cell_columns(const ogi_text_t *t, const ogi__cell_t *c, int *x0,
                        int *x1)
{
    /* inline: placement asks it of every value of most rows, and most
     * were measured when read (pdftotext -layout's bands) */
    *x0 = c->x0;
    *x1 = c->x1;
    if (c->x0 >= 0 || !c->measurable || t->nlines == 0)
        return;
    ogi__table_cell_columns_measure(t, c, x0, x1);
}

/* The display columns of cells[0..n) of a table over text t into
 * x0[0..n) and x1[0..n): what ogi__table_cell_columns gives for each,
 * measured in one walk along a line while the cells follow each other
 * on it. line: the line the cells are likely read from (no search for
 * it when they are), or SIZE_MAX. *shift: where in t's shift map the walk
 * of an earlier line ended, carried from call to call for lines taken in
 * order (SIZE_MAX at first). */
void ogi__table_cells_columns(const ogi_text_t *t, size_t line, size_t *shift,
                              const ogi__cell_t *cells, size_t n, int *x0,
                              int *x1);

/* ogi__table_cells_columns for cells[0..n), all read from line `line`,
 * with the code points from the line's start to each cell's edges into
 * n0[0..n) and n1[0..n) (a converter that sets a character per grid cell
 * puts it at that column), both measures taken in one walk. Returns 1;
 * 0, the arrays holding nothing to use, where a raw character of the
 * line has no normalised one (a zero-width character dropped, a broken
 * sequence) or a cell is not within the line: the caller then measures
 * the two apart (ogi__table_cells_columns, and code points counted on the
 * normalised text). */
int ogi__table_line_columns(const ogi_text_t *t, size_t line, size_t *shift,
                            const ogi__cell_t *cells, size_t n, int *x0,
                            int *x1, int *n0, int *n1);

/* Display width of code point cp in a monospaced terminal or a
 * converter's layout: 2 for ideographs and full-width forms, else 1. */
int ogi__table_cp_width(uint32_t cp);

/* Copies s[0..n) into the arena (for cell text joined or cleaned by a
 * reader). Returns NULL when out of memory. */
char *ogi__table_strdup(ogi__table_t *tb, const char *s, size_t n);

#endif /* OGI_TABLE_INT_H */
