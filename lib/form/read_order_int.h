/*
 * read_order_int.h - private to the reading-order reader (read_order.c):
 * a region's lines as items (text, values, gaps) and pieces (text items
 * and rows of values), made by read_order_scan.c and read_order_pieces.c.
 */
#ifndef OGI_READ_ORDER_INT_H
#define OGI_READ_ORDER_INT_H

#include <stddef.h>
#include <stdint.h>

#include "label_int.h"
#include "ogi/arena.h"
#include "ogi/text.h"
#include "table_int.h"

/* Table 3's columns: the width of a value row in the pairing. */
#define T3_COLS 7
/* Table 3 rows whose labels must be seen before a region is read as
 * Table 3 by the format's order. */
#define T3_MIN_LABELS 6
/* A label's score against a skeleton row that counts as naming it (the
 * placement's threshold). */
#define LABEL_MIN_SCORE 50
/* A text line longer than this is narrative, not a cell. */
#define CELL_MAX_BYTES 90

/* IT_HOLE: a line holding only no-break spaces, what an empty cell's
 * "&nbsp;" leaves in a page's text; scan() settles it as a blank value
 * (IT_NUM with no content) or a gap. */
typedef enum { IT_TEXT, IT_NUM, IT_GAP, IT_HOLE } item_kind_t;

/* Words of one line read as values of their own ("0 0", "不适用 - 1"). */
#define LINE_MAX_VALUES 16

typedef struct {
    uint8_t kind;   /* item_kind_t */
    uint32_t line;  /* its line */
    uint32_t a, b;  /* the trimmed content, offsets into the text */
    const char *js; /* a value wrapped over two lines, joined in the
                       arena ("不适" "用"), or NULL: then text[a, b) */
    uint32_t jn;
} item_t;

/* A piece of the region in reading order: a text item, or a row of
 * values (indexes into the value list). */
typedef struct {
    uint8_t text;   /* 1: text item `item`; 0: a value row */
    uint8_t block;  /* value row from a column block (not a single) */
    uint32_t item;  /* text: its item */
    uint32_t first; /* value row: its first entry in vals */
    uint32_t count; /* value row: its number of values */
    uint32_t bid;   /* value row: the block it comes from */
} piece_t;

typedef struct {
    const ogi_text_t *t;
    item_t *items;
    size_t nitems;
    uint32_t *vals; /* item indexes of values, row after row */
    size_t nvals;
    piece_t *pieces;
    size_t npieces;
    /* 1 when ogi__order_make_pieces cut a run of column blocks into
     * blocks of its width (else its pieces are those of any width) */
    int chunked;
    /* lines that are bare page numbers (ogi__order_scan), in order */
    uint32_t *pages;
    size_t npages;
} order_t;

/* Trimmed content of line l: [*a, *b). */
void ogi__order_line_content(const ogi_text_t *t, size_t l, size_t *a,
                             size_t *b);
/* The items of lines [l0, l1) into o (o->t set): values, text, gaps, the
 * holes settled. Returns 0 or OGI_ENOMEM. */
int ogi__order_scan(order_t *o, size_t l0, size_t l1, ogi_arena_t *arena);
/* The lines of o->t that are bare page numbers into o->pages
 * (read_order_pages.c). Returns 0 or OGI_ENOMEM. */
int ogi__order_find_page_numbers(order_t *o, ogi_arena_t *arena);
/* 1 when line l of t starts a page (pdftotext's form feed before it,
 * read as a space). */
int ogi__order_page_start(const ogi_text_t *t, size_t l);
/* 1 when line l is a page's footer: a page number, bare or marked. */
int ogi__order_page_line(const order_t *o, size_t l);
/* Numbers wrapped in a narrow column (a row's total a digit per line,
 * or over lines of the column's width), joined where the row's values
 * then make its sum (read_order_wrap.c). Returns 0 or OGI_ENOMEM. */
int ogi__order_join_wrapped_totals(order_t *o, ogi_arena_t *arena);

/* The items idx[0..n) (n <= 9, in order) joined into one value item
 * (their texts one after the other in the arena), written at d: a number
 * a narrow column wrapped (read_order_wrap.c). Returns 0 or OGI_ENOMEM. */
int ogi__order_join_items(const order_t *o, const size_t *idx, size_t n,
                          item_t *d, ogi_arena_t *arena);
/* The value of item it when a plain whole number (a placeholder 0), or
 * -1. */
int64_t ogi__order_item_count(const order_t *o, const item_t *it);
/* A text item as the row-lines reader reads its line (read_order_rows.c).
 * Returns 0 or OGI_ENOMEM. */
int ogi__order_emit_text_line(ogi__table_t *tb, const order_t *o,
                              uint32_t item);
/* Table 2 as a browser prints it, rows by the format's order
 * (read_order_t2.c): *done 0 when the region is not so (nothing added).
 * Returns 0 or OGI_ENOMEM. */
int ogi__order_emit_t2_by_order(ogi__table_t *tb, const order_t *o, int *done);
/* The items as pieces: text items and rows of values of width columns
 * (o->chunked set when width cut a run of blocks). */
int ogi__order_make_pieces(order_t *o, size_t width, ogi_arena_t *arena);

/* ---- rows (read_order_rows.c) ---- */

/* The tables 0..last (bit id) with a row that is no group's whose label
 * in names (a score of LABEL_MIN_SCORE at least). */
unsigned ogi__order_label_tables(const ogi__label_t *in, int last);
/* Appends value item it as a cell, and the values of piece p one cell
 * each. Return 0 or OGI_ENOMEM. */
int ogi__order_add_value(ogi__table_t *tb, const order_t *o, const item_t *it);
int ogi__order_add_values(ogi__table_t *tb, const order_t *o, const piece_t *p);
/* The Table 3 data row that text s[0, n) names, or -1. */
long ogi__order_t3_row_of(const char *s, size_t n);
/* Appends text item `item` as cells: its line as the row-lines reader
 * reads it, or, when the line holds several items, the item's words.
 * Returns 0 or OGI_ENOMEM. */
int ogi__order_add_item(ogi__table_t *tb, const order_t *o, size_t item);
/*
 * Every piece its own row, in reading order, except runs of single values
 * read as rows of width (Table 3's, when the region is Table 3 by its
 * labels; else 0) and labels paired with the rows they name.
 * Returns 0 or OGI_ENOMEM.
 */
int ogi__order_emit_plain(ogi__table_t *tb, const order_t *o, size_t width);

/* ---- Table 2's labels and their values (read_order_t2.c) ---- */

/* Table 2's sub-table of text piece i (an item heading or its labels)
 * with the values after it, as rows; *next the piece after them (i when
 * none was read). Returns 0 or OGI_ENOMEM. */
int ogi__order_emit_t2(ogi__table_t *tb, const order_t *o, size_t i,
                       size_t *next);
/* Single values in a row from piece i on. */
size_t ogi__order_singles_at(const order_t *o, size_t i);

/* ---- labels written after their rows (read_order_late.c) ---- */

/* Table 3's value rows that came without labels, their labels written
 * after them: each label moved before its row (tb's rows reordered).
 * Returns 0 or OGI_ENOMEM. */
int ogi__order_late_labels(ogi__table_t *tb);

/* read_order_moves.c */

/* Rows of the stream of counts cnt[0..n) (rows of seven, in order; -1
 * where no count) that hold Table 3's identity: the six applicants'
 * counts make the total (a placeholder counts nothing). */
size_t ogi__order_identity_rows(const int64_t *cnt, size_t n);

/* Puts Table 3's values order[0..nord) (every row a run of singles) back
 * in row order where columns, a row's first value or a chunk of a row
 * were written apart, each move kept only where more rows then add up.
 * cnt, tmp and save are scratch of nord + 1 entries. */
void ogi__order_t3_moves(const order_t *o, uint32_t *order, size_t nord,
                         int64_t *cnt, int64_t *tmp, uint32_t *save);

#endif /* OGI_READ_ORDER_INT_H */
