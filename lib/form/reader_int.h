/*
 * reader_int.h - one reader per table layout, behind one interface.
 *
 * A reader knows one way a table is drawn in text: one cell per line, rows
 * of tab- or space-separated columns, box-drawing characters (w3m), ASCII
 * grids (pandoc), pipe tables (Markdown, OCR), html2text's underscores and
 * bars, pdftotext's reading order, the run-together text a crawler saves.
 * Its probe says how sure it is that lines [l0, l1) of a text are its
 * layout; its read turns them into the table model (table_int.h). A new
 * layout is one new reader added to the list in reader.c, never an edit in
 * the parser. Private to lib/.
 */
#ifndef OGI_READER_INT_H
#define OGI_READER_INT_H

#include <stddef.h>

#include "table_int.h"

/* Probe scores: 0 not this layout; OGI__PROBE_FALLBACK a reader that reads
 * anything passably; up to OGI__PROBE_SURE, unmistakably this layout. */
#define OGI__PROBE_FALLBACK 10
#define OGI__PROBE_SURE     100

typedef struct {
    const char *name; /* "box", "pipe", ...: diagnostics and tests */
    /* How sure, 0..OGI__PROBE_SURE, that lines [l0, l1) of t are drawn in
     * this layout. Reads nothing outside them; never fails. */
    int (*probe)(const ogi_text_t *t, size_t l0, size_t l1);
    /* Reads lines [l0, l1) of t into tb (initialised, empty). Lines that
     * are not of the layout are read as plain lines (ogi__table_add_line).
     * Returns 0 or OGI_ENOMEM. */
    int (*read)(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1);
} ogi__reader_t;

/* The readers, in the order ties are broken; *n receives their count. */
const ogi__reader_t *const *ogi__readers(size_t *n);

/* The reader with the highest probe for lines [l0, l1) of t (never NULL:
 * the fallback reads anything). */
const ogi__reader_t *ogi__reader_pick(const ogi_text_t *t, size_t l0,
                                      size_t l1);

/* ogi__table_region_has(t, l0, l1, lit) for a probe: 1 when the bytes
 * of lines [l0, l1) of t hold lit, declined at once where the region's
 * squeezed text lacks lit's first byte. */
int ogi__probe_region_has(const ogi_text_t *t, size_t l0, size_t l1,
                          const char *lit);

/* The reader named name, or NULL (tests). */
const ogi__reader_t *ogi__reader_find(const char *name);

/*
 * Reads lines [l0, l1) of t into *tb (arrays in arena) with the reader
 * that probes highest. Returns 0 or OGI_ENOMEM.
 */
int ogi__reader_read(ogi__table_t *tb, ogi_arena_t *arena, const ogi_text_t *t,
                     size_t l0, size_t l1);

/* The readers (one module each). */
extern const ogi__reader_t ogi__read_cell_lines; /* one cell per line */
extern const ogi__reader_t ogi__read_row_lines;  /* tabs, aligned spaces */
extern const ogi__reader_t ogi__read_box; /* ┌─┬─┐ │ ├─┼─┤ (w3m) */
extern const ogi__reader_t ogi__read_ascii_grid; /* +---+ | (pandoc plain) */
extern const ogi__reader_t ogi__read_pipe;       /* | a | b | (Markdown) */
extern const ogi__reader_t ogi__read_underscore; /* |a___|b_| (html2text) */
extern const ogi__reader_t ogi__read_h2t_plain;  /* html2text, no bars */
extern const ogi__reader_t ogi__read_order;      /* pdftotext reading order */
extern const ogi__reader_t ogi__read_lynx;        /* lynx -dump: cells as
                                                    paragraphs, rows as lines */
extern const ogi__reader_t ogi__read_runon;      /* crawler text, digits of
                                                    adjacent cells joined */
extern const ogi__reader_t ogi__read_html_table; /* <table><tr><td> markup in
                                                    text (pandoc gfm, OCR) */

/* The values of lines [l0, l1) of t as the reading-order reader reads
 * them (read_order.c): their count, and the line of each of the first cap
 * into line[] (scratch in arena; 0 when out of memory). */
size_t ogi__order_value_lines(const ogi_text_t *t, size_t l0, size_t l1,
                              ogi_arena_t *arena, uint32_t *line, size_t cap);

/* Blank cells of rows [r0, r1) of tb (one table drawn without spans:
 * Markdown's pipes, pandoc 2's grids) that are the slots of a label
 * spanning label columns made MERGED (read_pipe.c). */
void ogi__table_label_slots(ogi__table_t *tb, size_t r0, size_t r1);

/* ---- rows drawn over several lines (read_row_bands.c) ---- */

/* The row-lines reader's lines [l0, l1) where no rule or tab gives the
 * columns: a row whose label wraps is a band of lines read back as one
 * row (pdftotext -layout). Returns 0 or OGI_ENOMEM. */
int ogi__row_bands_read(ogi__table_t *tb, const ogi_text_t *t, size_t l0,
                        size_t l1);

/* ---- HTML tables (read_html_table.c) ---- */

/* libxml2's element node; its header stays out of lib/'s headers. */
struct _xmlNode;

/*
 * Where the markup a DOM was parsed from lies in a text, so that cells get
 * source spans: libxml2 gives an element its line, not its offset, so each
 * cell's tag is looked for in the text from a cursor that moves forward in
 * document order. Filled by the caller, moved by ogi__html_table_fill.
 */
typedef struct {
    const ogi_text_t *text;
    size_t end;      /* the markup is text->s[.., end) */
    size_t line0;    /* text line of the parser's line 1 */
    size_t line1;    /* one past the markup's last line */
    size_t cursor;   /* the next tag is looked for from here */
    size_t fallback; /* line given to what is not found (a <table> line) */
} ogi__html_src_t;

/*
 * Reads the <table> element table (parsed by libxml2's HTML parser from
 * the markup src describes) into tb: one row per <tr>, a cell per grid
 * slot that row/colspan give (spans capped), the cell's text where it
 * starts, MERGED where a span covers the slot. A table holding tables (a
 * page's layout table) is read as the flow of its cells: text as plain
 * rows, inner tables as tables. depth counts the tables around it.
 * Returns 0 or OGI_ENOMEM.
 */
int ogi__html_table_fill(ogi__table_t *tb, const struct _xmlNode *table,
                         ogi__html_src_t *src, int depth);

/*
 * When line l of t (l < l1) opens an HTML table (a <table tag, or a row's
 * or cell's tag outside one), the line after the one closing it (l1 when
 * none does before l1); else 0. Never reads past line l1.
 */
size_t ogi__html_table_end(const ogi_text_t *t, size_t l, size_t l1);

#endif /* OGI_READER_INT_H */
