/*
 * read_underscore_int.h - html2text's tables of underscores and bars, as
 * read_underscore.c reads them: the fragments of one visual row, which
 * read_underscore_cells.c cuts each line's cells into, and the tests of a
 * line of the layout both files ask. Private to lib/form/.
 */
#ifndef OGI_READ_UNDERSCORE_INT_H
#define OGI_READ_UNDERSCORE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "ogi/text.h"

#define MAX_FRAGS   256 /* fragments in one visual row */
#define MAX_ROWLINE 8   /* lines of one visual row */

typedef enum {
    F_OWN = 0, /* a label's text written at its own cell */
    F_CONT,    /* overflow of a label from a cell to the left */
    F_VALUE,   /* a cell's own number */
    F_BLANK,   /* a cell holding only padding */
    F_LOST,    /* a value whose digits were overwritten ("增_|") */
    F_CUT,     /* a cell of no-break spaces run up to the bar: a value
                  may have lost digits there (nbsp_cut) */
} frag_kind_t;

typedef struct {
    uint32_t off, n; /* in the normalised text */
    int16_t col;     /* cell index on its line; -1 for the tail after
                        the last bar, only overflow */
    uint8_t kind;
    uint8_t line;    /* line within the visual row */
    uint8_t spaced;  /* a value whose spaces became underscores ("增_7"),
                        or 2: 不适用 cut by the bar ("不\xe9|"), or 3:
                        a placeholder cut or a label's overflow over a
                        blank, the bytes alike ("~") */
} frag_t;

typedef struct {
    frag_t f[MAX_FRAGS];
    size_t n;
} frags_t;

/* Where line l's first bar is: a line of the layout starts with a bar,
 * after the indentation of a table html2text centres (align=center) or
 * draws inside an indented block; else the line's end. */
static inline size_t
ogi__uscore_bar_start(const ogi_text_t *t, size_t l)
{
    size_t i = t->lines[l].start, e = t->lines[l].end;
    while (i < e && t->s[i] == ' ')
        i++;
    return i < e && t->s[i] == '|' ? i : e;
}

/* A line of the layout: it starts with a bar. */
static inline int
ogi__uscore_is_bar_line(const ogi_text_t *t, size_t l)
{
    return ogi__uscore_bar_start(t, l) < t->lines[l].end;
}

/* A rule line: underscores only, after indentation. */
static inline int
ogi__uscore_is_rule_line(const ogi_text_t *t, size_t l)
{
    size_t i = t->lines[l].start, e = t->lines[l].end, u = 0;
    while (i < e && t->s[i] == ' ')
        i++;
    for (; i < e; i++) {
        if (t->s[i] != '_')
            return 0;
        u++;
    }
    return u >= 3;
}

/*
 * Appends the fragments of line l, line `line` of its visual row, to fs:
 * each cell between two bars read as a label's own text, a label's
 * overflow, a value, a blank or a value cut short (frag_kind_t).
 */
void ogi__uscore_read_line(const ogi_text_t *t, frags_t *fs, size_t l,
                           size_t line);

/*
 * Whether the overflow of the labels own on line `line` of fs (the
 * fragments read so far) may show, at raw byte r, a character whose UTF-8
 * starts with bytes[0..nb): 1 when the rest of a label of the skeleton
 * such a fragment starts (past what it shows) reaches r and holds one, 0
 * when none does, -1 when the line has no own label or one the skeleton
 * does not know (read_underscore_rest.c). A line of values only so far
 * answers for the placeholders cut short on it (不适用, 无, —).
 */
int ogi__uscore_rest_may_hold(const ogi_text_t *t, const frags_t *fs,
                              size_t line, uint32_t r, const char *bytes,
                              size_t nb);

#endif /* OGI_READ_UNDERSCORE_INT_H */
