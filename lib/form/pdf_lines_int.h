/*
 * pdf_lines_int.h - a PDF page's lines rebuilt from its glyph boxes.
 *
 * A PDF holds glyphs at positions, not lines or tables. These pure
 * functions (no poppler) put a page's glyphs into lines by their vertical
 * overlap, order each line by x, and write it the way `pdftotext -layout`
 * does: a fixed character grid whose step is the page's typical CJK glyph
 * width, so that columns of a table line up with spaces and cells are
 * apart by two spaces or more (the aligned-columns readers read that).
 * Then the page furniture is marked: running headers and footers (the
 * same line at the same place on most pages) and page numbers ("- 3 -",
 * "第 3 页 共 9 页", "3 / 9", a lone number counting the pages).
 * Private to lib/.
 */
#ifndef OGI_PDF_LINES_INT_H
#define OGI_PDF_LINES_INT_H

#include <stddef.h>
#include <stdint.h>

#include "form_int.h"
#include "ogi/arena.h"
#include "pdf_table_int.h"

typedef struct {
    uint32_t cp;          /* the character (Unicode code point) */
    float x0, y0, x1, y1; /* its box in points, y down from the page top */
    int space_before;     /* 1: the PDF's text has a blank right before it */
} ogi__pdf_glyph_t;

typedef struct {
    const char *s; /* the line laid out on the grid, UTF-8 (arena) */
    size_t len;
    float y0, y1;     /* its vertical extent on the page */
    int blank_before; /* 1: a wide vertical gap above it on the page */
    int drop;         /* 1: page furniture, left out of the view */
    const ogi__pdf_table_t *table; /* non-NULL: s is this table's rows,
                                      one <tr> a line, without <table> */
} ogi__pdf_line_t;

typedef struct {
    ogi__pdf_line_t *lines; /* top to bottom (arena) */
    size_t n;
    float height; /* the page's height in points */
} ogi__pdf_page_t;

/*
 * Lays out the n glyphs g of a page height points high into *page (lines
 * in arena). g is reordered in place. Glyphs that are blank or have no
 * box are left out (the gaps between boxes give the spaces). Glyphs inside
 * one of tables[0..ntables) (pdf_table_int.h) go to its cells: the table
 * is one line of the page, its rows as HTML markup (form_int.h), placed
 * among the text lines by its top. Returns 0 or OGI_ENOMEM.
 */
int ogi__pdf_page_lines(ogi_arena_t *arena, ogi__pdf_glyph_t *g, size_t n,
                        float height, const ogi__pdf_table_t *tables,
                        size_t ntables, ogi__pdf_page_t *page);

/* Marks the furniture lines of pages[0..n) (drop = 1), as above. */
void ogi__pdf_drop_furniture(ogi__pdf_page_t *pages, size_t n);

/* 1 when s[0..n) is a page number line: "- 3 -", "—3—", "第3页",
 * "第 3 页 共 9 页", "3 / 9", "Page 3"; *num receives the number. A lone
 * number is not one here (see ogi__pdf_drop_furniture). */
int ogi__pdf_is_page_number(const char *s, size_t n, long *num);

/* Writes the kept lines of pages[0..n) into b, one per line, a blank
 * line where the page had a wide gap; each table inside <table> and
 * </table>, a table going on at the top of the next page with the same
 * columns joined to it (its repeated header row left out). */
void ogi__pdf_write_pages(ogi__view_buf_t *b, const ogi__pdf_page_t *pages,
                          size_t n);

#endif /* OGI_PDF_LINES_INT_H */
