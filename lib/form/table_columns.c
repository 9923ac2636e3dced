/*
 * table_columns.c - where a table's cells stand on their lines: display
 * columns measured on the raw characters (table_int.h).
 *
 * A converter that lays a table out by position sets its columns in the
 * width a terminal gives each character: two for ideographs and
 * full-width forms, one for the rest. Normalisation folds full-width
 * forms to ASCII, so a cell's columns are measured on the raw bytes its
 * normalised span maps back to (the text's shift map).
 */
#include "ogi_int.h"

#include <stdint.h>
#include <string.h>

#include "swar_int.h"
#include "table_int.h"

int
ogi__table_cp_width(uint32_t cp)
{
    if (cp < 0x1100)
        return 1;
    if (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

/* Raw offset of normalised offset i, for offsets that only grow: *k is
 * the shift in force, carried from call to call (one search per line
 * rather than one per cell). */
static size_t
raw_at(const ogi_text_t *t, size_t i, size_t *k)
{
    if (i >= t->len)
        return t->raw_len;
    while (*k + 1 < t->nshifts && t->shifts[*k + 1].norm <= i)
        (*k)++;
    return t->shifts[*k].raw + (i - t->shifts[*k].norm);
}

/* Display width of the UTF-8 character at p (its length in *len). */
static int
char_width(const char *p, const char *end, size_t *len)
{
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
        *len = 1;
        return c != '\f'; /* a page break (pdftotext) takes no column */
    }
    /* U+3040-U+9FFF, most of a report: wide, no decoding needed */
    if (c >= 0xE3 && c <= 0xE9 && end - p >= 3 && c != 0xE3) {
        *len = 3;
        return 2;
    }
    uint32_t cp;
    *len = ogi_utf8_decode(p, end, &cp);
    if (*len == 0) {
        *len = 1;
        return 1;
    }
    return ogi__table_cp_width(cp);
}

/*
 * Sets the display columns of cells [c0, ncells) of line l: one walk over
 * the line's raw bytes (normalisation folds full-width forms, two columns
 * wide, to one-byte ASCII, so widths are measured on the raw text).
 */
void
ogi__table_set_columns(ogi__table_t *tb, size_t l, size_t c0)
{
    const ogi_text_t *t = tb->text;
    if (!t->raw || t->nshifts == 0) {
        for (size_t i = c0; i < tb->ncells; i++)
            tb->cells[i].x0 = tb->cells[i].x1 = -1;
        return;
    }
    const char *raw = t->raw, *rend = t->raw + t->raw_len;
    /* the shift in force at the line's start, found once */
    size_t at = t->lines[l].start, k = ogi_text_shift_at(t, at);
    size_t r = raw_at(t, at, &k);
    long x = 0;
    for (size_t i = c0; i < tb->ncells; i++) {
        ogi__cell_t *c = &tb->cells[i];
        for (int edge = 0; edge < 2; edge++) {
            size_t to = raw_at(t, edge ? c->off + c->len : c->off, &k);
            while (r < to && raw + r < rend) {
                size_t n;
                x += char_width(raw + r, rend, &n);
                r += n;
            }
            if (x > INT16_MAX)
                return;
            if (edge)
                c->x1 = (int16_t)x;
            else
                c->x0 = (int16_t)x;
        }
    }
}

void
ogi__table_cell_columns_measure(const ogi_text_t *t, const ogi__cell_t *c,
                                int *x0, int *x1)
{
    ogi__cell_t one = *c;
    ogi__table_t tb = {.text = t, .cells = &one, .ncells = 1, .ccap = 1};
    ogi__table_set_columns(&tb, ogi_text_line_of(t, c->off), 0);
    *x0 = one.x0;
    *x1 = one.x1;
}

/* A walk along one line's raw characters, measuring display columns. */
typedef struct {
    size_t line; /* the line walked, or SIZE_MAX before the first */
    size_t k;    /* the shift in force at i */
    size_t i;    /* the normalised offset last measured */
    size_t r;    /* the raw offset reached */
    long x;      /* the display column at r */
    long chars;  /* the characters walked over to r */
} walk_t;

static void
walk_start(const ogi_text_t *t, walk_t *w, size_t l, size_t hint)
{
    size_t at = t->lines[l].start;
    w->line = l;
    w->k = ogi_text_shift_from(t, at, hint);
    w->i = at;
    w->r = raw_at(t, at, &w->k);
    w->x = 0;
    w->chars = 0;
}

/* Steps along raw[r..to) a character at a time, adding up their display
 * columns in *x and their count in *chars. Returns the raw offset
 * reached: to, or past it when a character starting before to ends
 * there. Inline: a walk takes it twice for each cell. */
static inline size_t
advance(const ogi_text_t *t, size_t r, size_t to, long *x, long *chars)
{
    const char *raw = t->raw, *rend = t->raw + t->raw_len;
    long cx = *x, n = *chars;
    /* printable ASCII, a column a byte, eight bytes at a time */
    while (to - r >= 8 && r < to) {
        uint64_t v = ogi__word_load(raw + r);
        if (ogi__word_any_below(v, 0x20) || ogi__word_any_high(v))
            break;
        cx += 8;
        n += 8;
        r += 8;
    }
    if (t->raw_len - to >= 2) {
        /* every character starting before to ends in the text: no test
         * of its end for an ideograph */
        for (; r < to; n++) {
            unsigned char c = (unsigned char)raw[r];
            if ((unsigned char)(c - 0xE4) <= 5) {
                cx += 2;
                r += 3;
            } else if (c == ' ') {
                cx++;
                r++;
            } else {
                size_t len;
                cx += char_width(raw + r, rend, &len);
                r += len;
            }
        }
    }
    for (; r < to && raw + r < rend; n++) {
        unsigned char c = (unsigned char)raw[r];
        /* a report's line: ideographs (E4-E9, two columns, as
         * char_width has them) and blanks, taken without a call */
        if (c >= 0xE4 && c <= 0xE9 && rend - (raw + r) >= 3) {
            cx += 2;
            r += 3;
            continue;
        }
        if (c == ' ') {
            cx++;
            r++;
            continue;
        }
        size_t len;
        cx += char_width(raw + r, rend, &len);
        r += len;
    }
    *x = cx;
    *chars = n;
    return r;
}

/* The display column of normalised offset i on the walk's line, as
 * ogi__table_set_columns measures it from the line's start: the walk goes
 * on from where it stands when i is not behind the offset last measured
 * (raw offsets grow with normalised ones), else starts again. */
static inline long
walk_to(const ogi_text_t *t, walk_t *w, size_t i)
{
    if (i < w->i)
        walk_start(t, w, w->line, SIZE_MAX);
    size_t to = raw_at(t, i, &w->k);
    w->i = i;
    if (to > t->raw_len)
        to = t->raw_len;
    w->r = advance(t, w->r, to, &w->x, &w->chars);
    return w->x;
}

void
ogi__table_cells_columns(const ogi_text_t *t, size_t line, size_t *shift,
                         const ogi__cell_t *cells, size_t n, int *x0, int *x1)
{
    walk_t w = {.line = SIZE_MAX};
    for (size_t j = 0; j < n; j++) {
        const ogi__cell_t *c = &cells[j];
        x0[j] = c->x0;
        x1[j] = c->x1;
        if (c->x0 >= 0 || !c->measurable || t->nlines == 0)
            continue;
        if (!t->raw || t->nshifts == 0) {
            x0[j] = x1[j] = -1;
            continue;
        }
        /* the cell's line: the last that starts at or before it; the
         * caller's guess first, then a search */
        if (w.line == SIZE_MAX && line < t->nlines &&
            !(t->lines[line].start > c->off ||
              (line + 1 < t->nlines && t->lines[line + 1].start <= c->off)))
            walk_start(t, &w, line, *shift);
        if (w.line == SIZE_MAX || t->lines[w.line].start > c->off ||
            (w.line + 1 < t->nlines && t->lines[w.line + 1].start <= c->off)) {
            walk_start(t, &w, ogi_text_line_of(t, c->off), SIZE_MAX);
        }
        /* both edges from one call of the walk, inlined here; beyond
         * INT16_MAX a column is left as it was (and the end too when
         * the start is) */
        for (int edge = 0; edge < 2; edge++) {
            long x = walk_to(t, &w, edge ? c->off + c->len : c->off);
            if (x > INT16_MAX)
                break;
            (edge ? x1 : x0)[j] = (int)x;
        }
    }
    if (w.line != SIZE_MAX)
        *shift = w.k;
}

/* 1 when the walk along line l (w, just started) steps over one raw
 * character for each normalised one: no shift inside the line, up to its
 * end, passes over raw bytes but a folded character's continuation bytes
 * (no zero-width character dropped, no CR of a CR LF), and no broken
 * sequence anywhere in the text. */
static int
walk_one_to_one(const ogi_text_t *t, const walk_t *w, size_t l)
{
    if (t->nbroken)
        return 0;
    size_t end = t->lines[l].end;
    for (size_t k = w->k + 1; k < t->nshifts && t->shifts[k].norm <= end;
         k++) {
        /* where raw would be had the shift before gone on */
        size_t from =
            t->shifts[k - 1].raw + (t->shifts[k].norm - t->shifts[k - 1].norm);
        if (t->shifts[k].raw < from || t->shifts[k].raw > t->raw_len)
            return 0;
        for (size_t r = from; r < t->shifts[k].raw; r++)
            if (((unsigned char)t->raw[r] & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

int
ogi__table_line_columns(const ogi_text_t *t, size_t line, size_t *shift,
                        const ogi__cell_t *cells, size_t n, int *x0, int *x1,
                        int *n0, int *n1)
{
    if (!t->raw || t->nshifts == 0 || line >= t->nlines)
        return 0;
    size_t start = t->lines[line].start, end = t->lines[line].end;
    /* the text's last line may end where raw has bytes left over */
    if (end >= t->len)
        return 0;
    walk_t w;
    walk_start(t, &w, line, *shift);
    if (!walk_one_to_one(t, &w, line))
        return 0;
    /* the walk in locals, the shift map followed only where the line
     * has shifts (most have none): within a shift's reach, raw offset =
     * normalised offset + delta (raw is never the shorter) */
    const ogi_text_shift_t *sh = t->shifts;
    size_t k = w.k, k_end = k, i = start, r = w.r;
    size_t delta = sh[k].raw - sh[k].norm;
    long x = 0, chars = 0;
    while (k_end + 1 < t->nshifts && sh[k_end + 1].norm <= end)
        k_end++;
    /* no edge maps past the line's end, nor past raw's */
    if (sh[k_end].raw + (end - sh[k_end].norm) > t->raw_len)
        return 0;
    /* each cell's two edges in turn, the walk's state in locals (a loop
     * over the two kept them in arrays in memory) */
#define EDGE_TO(b, at, cnt)                                                    \
    do {                                                                       \
        if ((b) < i) {                                                         \
            /* behind the walk: again from the line's start */                 \
            k = w.k;                                                           \
            delta = sh[k].raw - sh[k].norm;                                    \
            r = w.r;                                                           \
            x = chars = 0;                                                     \
        }                                                                      \
        i = (b);                                                               \
        if (k != k_end && sh[k + 1].norm <= i) {                               \
            while (k + 1 < t->nshifts && sh[k + 1].norm <= i)                  \
                k++;                                                           \
            delta = sh[k].raw - sh[k].norm;                                    \
        }                                                                      \
        r = advance(t, r, i + delta, &x, &chars);                              \
        (at) = x;                                                              \
        (cnt) = chars;                                                         \
    } while (0)
    for (size_t j = 0; j < n; j++) {
        const ogi__cell_t *c = &cells[j];
        /* a cell off the line: told here rather than by a pass of its own
         * before the walk (the caller then measures every cell apart) */
        if (c->off < start || c->off + c->len > end)
            return 0;
        long at0, at1, cnt0, cnt1;
        EDGE_TO((size_t)c->off, at0, cnt0);
        EDGE_TO((size_t)c->off + c->len, at1, cnt1);
        n0[j] = (int)cnt0;
        n1[j] = (int)cnt1;
        x0[j] = c->x0;
        x1[j] = c->x1;
        /* as ogi__table_cells_columns has them: beyond INT16_MAX a
         * column is left as it was (and the end too when the start is) */
        if (c->x0 >= 0 || !c->measurable || at0 > INT16_MAX)
            continue;
        x0[j] = (int)at0;
        if (at1 <= INT16_MAX)
            x1[j] = (int)at1;
    }
#undef EDGE_TO
    *shift = k;
    return 1;
}
