/*
 * outline_int.h - where a report's sections and tables are.
 *
 * Section headings are recognised by their ordinal (一 … 六) and a keyword
 * of the section; tables by their anchors ("第二十条第", "勾稽关系" /
 * "申请人情况", a "行政复议" header). Either may be missing: a heading with
 * no table, a table with no heading. Private to lib/.
 */
#ifndef OGI_OUTLINE_INT_H
#define OGI_OUTLINE_INT_H

#include <stddef.h>

#include "ogi/skeleton.h"
#include "ogi/text.h"
#include "table_int.h"

#define OGI__NONE ((size_t)-1)

typedef enum { OGI__REG_T2 = 0, OGI__REG_T3, OGI__REG_T4, OGI__REG_COUNT } ogi__region_id_t;

typedef struct {
    size_t heading[OGI_SEC_COUNT]; /* line of each heading, or OGI__NONE */
    size_t start[OGI__REG_COUNT];  /* first line of each table, or OGI__NONE */
    size_t end[OGI__REG_COUNT];    /* one past its last line */
    size_t first_heading;          /* first heading line, or nlines */
    size_t last_heading;           /* last heading line, or nlines */
    int old_format;                /* pre-2019 tables (当面申请, 信函申请) */
} ogi__outline_t;

/* Finds headings and table regions in t; flags is scratch space of
 * t->nlines bytes; drawn tables are read in arena. Never fails (out of
 * memory, a drawn table's anchors are looked for line by line only). */
void ogi__outline_find(const ogi_text_t *t, ogi__outline_t *o,
                       unsigned char *flags, ogi_arena_t *arena);

/*
 * Text in reading order (pdftotext without -layout) writes a page's text
 * blocks in its own order: a table's values can lie past its region. When
 * the tables as read (tables[r], NULL where none) do not each hold their
 * format's count of values, the regions are cut again so that each table
 * takes its share of the stream of values in order. Returns 1 when a
 * region moved (its table is to be read again), else 0.
 */
int ogi__outline_rebalance(const ogi_text_t *t, ogi__outline_t *o,
                           const ogi__table_t *const tables[OGI__REG_COUNT],
                           ogi_arena_t *arena);

/*
 * pdftotext without -layout writes a page's blocks in its own order: a
 * table's last cells can come after the heading of the next section (the
 * heading set beside or above them). When heading line h is followed, up
 * to the section's first paragraph, by nothing but short lines (a cell
 * each) among which values, and the table before it is in reading order,
 * the line that paragraph starts on (the table's new end); else h.
 * Never past stop. (outline_order.c)
 */
size_t ogi__outline_tail_end(const ogi_text_t *t, size_t start, size_t h,
                             size_t stop);

/* End line of section id's narrative: the next heading or the first table
 * that starts inside it. */
size_t ogi__outline_section_end(const ogi__outline_t *o, size_t nlines,
                                ogi_section_id_t id);

/* outline_heading.c */

/* Drops markup from both ends of the squeezed line *b[0..*n). */
void ogi__outline_strip_markup(const char **b, size_t *n);

/* Length of the markup character at s[0..n) (a byte of # * | + - = _ > `,
 * a box-drawing character, a full-width bar), or 0. */
static inline size_t
ogi__outline_markup_len(const char *s, size_t n)
{
    /* the one-byte marks by a lookup (a markdown table's lines are
     * stripped of many) */
    static const unsigned char marks[256] = {
        ['#'] = 1, ['*'] = 1, ['|'] = 1, ['+'] = 1, ['-'] = 1,
        ['='] = 1, ['_'] = 1, ['>'] = 1, ['`'] = 1, ['~'] = 1};
    if (n == 0)
        return 0;
    if (marks[(unsigned char)s[0]])
        return 1;
    /* U+2500-U+257F box drawing: E2 94 80 - E2 95 BF */
    if (n >= 3 && (unsigned char)s[0] == 0xE2 &&
        ((unsigned char)s[1] == 0x94 || (unsigned char)s[1] == 0x95))
        return 3;
    return 0;
}

/* Line l's squeezed text from its first byte after its spaces and
 * leading markup (the first strip_markup leaves; a character's bytes hold
 * no space) to *end, or NULL when nothing is left. Inline, with
 * ogi__outline_markup_len: the outline asks it of every line. */
static inline const char *
ogi__outline_line_lead(const ogi_text_t *t, size_t l, const char **end)
{
    const ogi_squeezed_t *q = &t->sq;
    const char *p = q->s + q->line[l], *e = q->s + q->line[l + 1];
    *end = e;
    while (p < e) {
        size_t k =
            *p == ' ' ? 1 : ogi__outline_markup_len(p, (size_t)(e - p));
        if (k == 0)
            return p;
        p += k;
    }
    return NULL;
}

/* Whether line text buf is the heading of section sec. */
int ogi__outline_is_heading(const char *buf, size_t n,
                            const ogi_skel_section_t *sec);

/* Headings OCR misread or a report renumbered (the section's title
 * words after its 、 under another ordinal or none), for sections whose
 * heading was not found by its ordinal: o->heading[k] set to the first
 * line that reads so between the headings found before and after it. */
void ogi__outline_find_renumbered(const ogi_text_t *t, ogi__outline_t *o);

#endif /* OGI_OUTLINE_INT_H */
