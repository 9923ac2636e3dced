/*
 * h2t_plain_int.h - the lines of html2text's tables drawn without bars,
 * as read_h2t_plain.c reads them: each line's value tokens in html2text's
 * byte columns (h2t_plain_lines.c). Private to lib/form/.
 */
#ifndef OGI_H2T_PLAIN_INT_H
#define OGI_H2T_PLAIN_INT_H

#include <stddef.h>
#include <stdint.h>

#include "ogi/text.h"

#define MAX_TOK  48   /* value tokens kept on one line */
#define MAX_X    1024 /* byte columns remembered */
#define MAX_COLS 32   /* columns of one block of value lines */
#define MAX_FRAG 32   /* label fragments of one line */

typedef enum {
    T_NUM = 0, /* digits */
    T_DASH,    /* "-", "--", "—" (folded), "/" */
    T_WORD,    /* 无, 不适用 */
    T_NBSP,    /* no-break spaces: an empty cell of "&nbsp;" */
} tok_kind_t;

typedef struct {
    uint32_t off, n; /* in the normalised text */
    uint32_t od;     /* T_NUM: normalised offset of its first digit */
    int16_t x0, x1;  /* raw byte columns on the line, no-break spaces of
                        the cell and a sign 增/减 included */
    int16_t xd;      /* T_NUM: raw byte column of its first digit */
    uint8_t kind;
    uint8_t clean;   /* between spaces (or the line's ends) */
    uint8_t extra;   /* bytes beyond one a character in [x0, xd): a
                        leading no-break space 1, a sign 增/减 2 */
    uint8_t mid;     /* its leading no-break spaces came right after
                        another value's digits: whose they are is open */
    uint8_t lost;    /* cut by the next cell: a value, but not this one */
} tok_t;

typedef struct {
    tok_t t[MAX_TOK];
    uint8_t n;
    uint8_t values; /* accepted tokens other than no-break spaces */
    uint8_t prose;  /* a sentence ("。"): no table row */
    uint8_t vline;  /* values only, no label (values_only) */
    uint32_t r0, r1; /* raw offsets of the line's start and end */
    uint32_t b0, b1; /* the run of lines with values around it (indexes
                        into the region): one table's rows, whose cells
                        share its columns */
} line_t;

/* The offset in html2text's own bytes of raw offset r: r itself, or,
 * when html2text read the page as ISO-8859-1 (t->canvas), the offset in
 * what it wrote, each byte of the page's characters two bytes there. Its
 * columns are fixed in those bytes, not in the page's. */
uint32_t ogi__h2t_canvas_at(const ogi_text_t *t, uint32_t r);

/*
 * Whether line [ls, le) holds values only, no label: digits, dashes,
 * slashes, no-break spaces and the placeholders 无 and 不适用, and the
 * pieces cells written over one another leave of them (适, 用, cut
 * bytes). The appeals table's row is such a line: each cell is written
 * at its column's byte over what the cell to its left ran on with, so
 * whatever touches there is the next cell's value ("不\xe9\x8026\x940":
 * 不适用, 26, 0), never a label's overflow.
 */
int ogi__h2t_values_only(const ogi_text_t *t, size_t ls, size_t le);

/*
 * The value tokens of line l, accepted or not yet (clean ones are). A
 * cell's no-break spaces are its text: "&nbsp;0" is one value whose cell
 * starts at the no-break space, and the ones after a value's digits end
 * its cell. Between two values' digits ("0\xc2\xa00") they belong to the
 * left one or the right one: settled by the columns (settle_mid).
 */
void ogi__h2t_scan_line(const ogi_text_t *t, size_t l, line_t *ln);

#endif /* OGI_H2T_PLAIN_INT_H */
