/*
 * read_box.c - ┌─┬─┐ │ ├─┼─┤ └─┴─┘ box-drawing tables, as w3m -dump draws an
 * HTML table with a border.
 *
 * w3m draws every cell as a rectangle walled by box-drawing characters
 * (U+2500-U+257F). A cell's text wraps inside its rectangle over as many
 * lines as it needs; a column span is a rectangle with no wall inside it; a
 * row span is a rectangle that the horizontal rule between two rows does
 * not cross (the rule stops at its side, or the line holds the cell's text
 * while the rule runs beside it). So cells are read as what they are on
 * the page: the connected areas between walls.
 *
 * A block of box lines is laid out on a grid of display columns (an
 * ideograph or a full-width form is two columns, as w3m prints them; the
 * width comes from the raw character, since normalisation folds "（" to
 * "("). Every area of non-wall positions connected up, down, left or right
 * is one cell; its text is the join of its lines, each trimmed. The
 * table's rows start at the distinct first lines of its cells, its columns
 * at their distinct left edges, which gives each cell its row, column and
 * spans.
 *
 * Each grid row becomes a row of the model, cells in column order: a cell
 * that starts in the row gives its text (LABEL, VALUE, or BLANK when
 * empty), a cell that a row span carries down from an earlier row gives
 * one MERGED cell. So a group label (三、本年度办理结果, （三）不予公开)
 * stands once, in the row where it starts, beside that row's own label and
 * values, and is no blank in the rows it covers.
 *
 * A box line starts, after blanks, with a box character other than a bare
 * horizontal rule (w3m's <hr>); what lies left of its first wall or right
 * of its last is outside the table. Lines that are not box lines (a
 * caption, a heading, narrative between two tables) are read as plain
 * rows; several tables may follow each other in one region, each with its
 * own rows and columns (a new one starts at a top-left corner). A region
 * may start or end inside a table (an anchor row): its edges are walls.
 *
 * Scratch memory is malloc'd and freed per table; cells and rows go to the
 * table's arena. Memory is linear in the table's size, work about linear
 * (sorting its cells).
 */
#include "ogi_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#include "reader_int.h"

/* Component marks of a grid position, before and after labelling. */
#define P_OUT   (-1) /* left of the first wall or right of the last */
#define P_WALL  (-2) /* a box-drawing character */
#define P_UNSET (-3) /* inside, not labelled yet */

/* ---- characters ---- */

/* The box-drawing code point at s[0..e), or 0. U+2500-U+257F are E2 94 80
 * to E2 95 BF in UTF-8. */
static uint32_t
box_at(const char *s, const char *e)
{
    const unsigned char *u = (const unsigned char *)s;
    if (e - s < 3 || u[0] != 0xE2 || (u[1] != 0x94 && u[1] != 0x95) ||
        (u[2] & 0xC0) != 0x80)
        return 0;
    return 0x2500u + ((uint32_t)(u[1] - 0x94) << 6) + (uint32_t)(u[2] & 0x3F);
}

/* 1 for a box character that only runs left and right (─ ━ ═ ┄ ╌ ╴ ...):
 * a line of them alone is a rule (<hr>), not a table. */
static int
box_horizontal_only(uint32_t cp)
{
    switch (cp) {
        case 0x2500:
        case 0x2501:
        case 0x2504:
        case 0x2505:
        case 0x2508:
        case 0x2509:
        case 0x254C:
        case 0x254D:
        case 0x2550:
        case 0x2574:
        case 0x2576:
        case 0x2578:
        case 0x257A:
        case 0x257C:
        case 0x257E:
            return 1;
        default:
            return 0;
    }
}

/* Box characters that open a table (top-left corners) and close one
 * (bottom-left corners). */
static int
box_top_left(uint32_t cp)
{
    return cp == 0x250C || cp == 0x250D || cp == 0x250E || cp == 0x250F ||
           cp == 0x2552 || cp == 0x2553 || cp == 0x2554 || cp == 0x256D;
}

static int
box_bottom_left(uint32_t cp)
{
    return cp == 0x2514 || cp == 0x2515 || cp == 0x2516 || cp == 0x2517 ||
           cp == 0x2558 || cp == 0x2559 || cp == 0x255A || cp == 0x2570;
}

/*
 * Display columns of code point cp as w3m prints it in a UTF-8 locale:
 * 2 for East Asian wide and full-width characters (ideographs, kana,
 * hangul, CJK punctuation and symbols, full-width forms), 0 for combining
 * marks and zero-width characters, 1 for the rest (ASCII, box drawing, and
 * the ambiguous “ ” — which w3m prints narrow).
 */
static int
cp_width(uint32_t cp)
{
    if (cp < 0x0300)
        return 1;
    if (cp <= 0x036F || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF)
        return 0;
    if (cp < 0x1100)
        return 1;
    if (cp <= 0x115F || cp == 0x2329 || cp == 0x232A ||
        (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
        (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
        (cp >= 0xA000 && cp <= 0xA4CF) || (cp >= 0xA960 && cp <= 0xA97F) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE10 && cp <= 0xFE19) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
        (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
        (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF) ||
        (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

/* ogi_utf8_len(p, e), with ASCII and valid three-byte characters (all
 * of a report but a few) told without a call. */
static inline size_t
char_len(const char *p, const char *e)
{
    const unsigned char *u = (const unsigned char *)p;
    if (u[0] < 0x80)
        return 1;
    if (u[0] >= 0xE1 && u[0] <= 0xEF && u[0] != 0xED && e - p >= 3 &&
        (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
        return 3;
    return ogi_utf8_len(p, e);
}

/*
 * Display width of the normalised character at t->s[i]: taken
 * from the raw character it came from when normalisation folded it (a
 * full-width "（" or "１", the ideographic space: two columns, though
 * folded to one ASCII byte). same: the line was not changed by
 * normalisation, so the normalised character is the raw one. wide: the
 * narrow non-ASCII characters other than box drawing are two columns
 * (w3m reading a GBK page prints — and “ ” as GBK's two-column glyphs).
 */
static int
char_width(const ogi_text_t *t, size_t i, int same, int wide)
{
    const char *end = t->s + t->len;
    const unsigned char *u = (const unsigned char *)t->s + i;
    uint32_t cp;
    /* the bulk of a report and its boxes, no decoding needed: U+5000-
     * U+9FFF wide; U+4000-U+4FFF wide but for U+4DC0-U+4DFF (E4 B7);
     * the box drawing U+2500-U+257F (E2 94, E2 95) narrow */
    if (t->len - i >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        if (u[0] >= 0xE5 && u[0] <= 0xE9)
            return 2;
        if (u[0] == 0xE4)
            return u[1] == 0xB7 ? 1 : 2;
        if (u[0] == 0xE2 && (u[1] == 0x94 || u[1] == 0x95))
            return 1;
    }
    if ((unsigned char)t->s[i] >= 0x80) {
        /* folding only ever yields ASCII: a non-ASCII character is raw */
        if (ogi_utf8_decode(t->s + i, end, &cp) == 0)
            return 1;
        int w = cp_width(cp);
        /* a character East Asian tools may print either way (— “ ” ° ×
         * …): wide on the lines whose walls say so (grid_layout) */
        return w == 1 && wide && !box_at(t->s + i, end) ? 2 : w;
    }
    if (same)
        return 1;
    size_t r = ogi_text_raw_offset(t, i);
    if (r >= t->raw_len || (unsigned char)t->raw[r] < 0x80)
        return 1;
    if (ogi_utf8_decode(t->raw + r, t->raw + t->raw_len, &cp) == 0)
        return 1;
    int w = cp_width(cp);
    return w == 1 && wide ? 2 : w ? w : 1; /* folded: never box drawing */
}

/* 1 when the line was left as it was by normalisation (no folded or
 * dropped character): widths can be read from the normalised bytes. */
static int
line_unchanged(const ogi_text_t *t, size_t l)
{
    size_t a = t->lines[l].start, b = t->lines[l].end;
    if (a == b)
        return 1;
    /* normalisation never lengthens and every fold or drop shortens:
     * equal lengths mean nothing changed (b is the line's '\n' or the end
     * of the text, which maps to the end of the raw line) */
    size_t ra = ogi_text_raw_offset(t, a);
    size_t rb = ogi_text_raw_offset(t, b);
    return rb >= ra && rb - ra == b - a;
}

/* The first box character of line l, after blanks, or 0. */
static uint32_t
first_box(const ogi_text_t *t, size_t l)
{
    const char *p = t->s + t->lines[l].start, *e = t->s + t->lines[l].end;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    return box_at(p, e);
}

/* 1 when line l is a line of a drawn table: it starts, after blanks, with
 * a box character that is not a bare horizontal rule. */
static int
is_box_line(const ogi_text_t *t, size_t l)
{
    uint32_t cp = first_box(t, l);
    return cp && !box_horizontal_only(cp);
}

/* ---- the grid of one block ---- */

typedef struct {
    uint32_t off; /* byte offset in the text of the character here */
    uint16_t len; /* its bytes, with zero-width characters after it */
    int32_t comp; /* cell index, or P_OUT / P_WALL / P_UNSET */
} pos_t;

/* One cell (connected area) of a block. */
typedef struct {
    uint32_t y0, y1; /* first and last line, block-relative */
    uint32_t x0, x1; /* leftmost and rightmost display column */
    uint32_t first;  /* its positions: order[first .. first + count) */
    uint32_t count;
    uint32_t row, col;         /* grid row and column */
    uint32_t rowspan, colspan; /* grid rows and columns it covers */
    ogi__cell_kind_t kind;
    const char *s; /* text: into the text or the arena */
    uint32_t n;
    uint32_t off, len; /* source span in the normalised text */
} comp_t;

typedef struct {
    const ogi_text_t *t;
    size_t l0, nl;   /* the block: lines l0 .. l0 + nl */
    uint32_t *base;  /* base[y]: index of line y's first position */
    uint32_t *width; /* width[y]: its positions */
    pos_t *pos;      /* all positions, line after line */
    uint32_t npos;
    comp_t *comps;
    uint32_t ncomps;
    uint32_t *order; /* positions sorted by cell, in reading order */
    char *buf;       /* scratch for joining a cell's lines */
    size_t bcap;
} grid_t;

static void
grid_free(grid_t *g)
{
    ogi_free(g->base);
    ogi_free(g->width);
    ogi_free(g->pos);
    ogi_free(g->comps);
    ogi_free(g->order);
    ogi_free(g->buf);
}

/* Display columns of line l up to its last box character (the positions
 * it needs), or 0 when it holds none; *first_x its first box column. */
static uint32_t
line_extent(const ogi_text_t *t, size_t l, int same, int wide,
            uint32_t *first_x)
{
    const char *s = t->s, *e = t->s + t->lines[l].end;
    size_t i = t->lines[l].start;
    uint32_t x = 0, last = 0;
    int any = 0;
    *first_x = 0;
    while (i < t->lines[l].end) {
        size_t n = char_len(s + i, e);
        if (box_at(s + i, e)) {
            if (!any)
                *first_x = x;
            any = 1;
            last = x + 1;
        }
        x += (uint32_t)char_width(t, i, same, wide);
        i += n;
    }
    return any ? last : 0;
}

/* Lays out the block's lines on the grid. Returns 0 or OGI_ENOMEM. */
static int
grid_layout(grid_t *g)
{
    const ogi_text_t *t = g->t;
    g->base = ogi_malloc((g->nl + 1) * sizeof(*g->base));
    g->width = ogi_malloc((g->nl + 1) * sizeof(*g->width));
    uint32_t *firstx = ogi_malloc((g->nl + 1) * sizeof(*firstx));
    unsigned char *same = ogi_malloc(g->nl + 1);
    if (!g->base || !g->width || !firstx || !same) {
        ogi_free(firstx);
        ogi_free(same);
        return OGI_ENOMEM;
    }
    /* w3m pads every line of a table to the table's width: the lines
     * whose last wall falls elsewhere hold characters of the other width
     * (same[y] bit 1: the wide reading puts it right) */
    uint32_t common = 0;
    size_t votes = 0;
    for (size_t y = 0; y < g->nl; y++) {
        same[y] = (unsigned char)line_unchanged(t, g->l0 + y);
        g->width[y] = line_extent(t, g->l0 + y, same[y], 0, &firstx[y]);
        if (!g->width[y])
            continue;
        if (!votes || g->width[y] == common)
            votes++, common = g->width[y];
        else
            votes--; /* the majority's width survives */
    }
    size_t total = 0;
    for (size_t y = 0; y < g->nl; y++) {
        uint32_t fx;
        if (g->width[y] && g->width[y] != common &&
            line_extent(t, g->l0 + y, same[y] & 1, 1, &fx) == common) {
            same[y] |= 2;
            g->width[y] = common;
            firstx[y] = fx;
        }
        g->base[y] = (uint32_t)total;
        total += g->width[y];
    }
    g->base[g->nl] = (uint32_t)total;
    g->npos = (uint32_t)total;
    g->pos = ogi_malloc((total ? total : 1) * sizeof(*g->pos));
    if (!g->pos) {
        ogi_free(firstx);
        ogi_free(same);
        return OGI_ENOMEM;
    }
    for (size_t y = 0; y < g->nl; y++) {
        size_t l = g->l0 + y;
        const char *s = t->s, *e = t->s + t->lines[l].end;
        size_t i = t->lines[l].start;
        uint32_t x = 0, w = g->width[y];
        pos_t *row = g->pos + g->base[y];
        long prev = -1; /* position of the last character with a width */
        while (i < t->lines[l].end && x < w) {
            size_t n = char_len(s + i, e);
            int cw = char_width(t, i, same[y] & 1, same[y] >> 1);
            if (cw == 0) {
                if (prev >= 0 && row[prev].len + n <= UINT16_MAX)
                    row[prev].len = (uint16_t)(row[prev].len + n);
                i += n;
                continue;
            }
            int32_t mark = box_at(s + i, e) ? P_WALL
                           : x < firstx[y]  ? P_OUT
                                            : P_UNSET;
            for (int k = 0; k < cw && x < w; k++, x++) {
                row[x].off = (uint32_t)i;
                row[x].len = (uint16_t)n;
                row[x].comp = mark;
            }
            prev = (long)x - 1;
            i += n;
        }
        for (; x < w; x++) { /* cannot happen: the extent was measured */
            row[x].off = (uint32_t)t->lines[l].end;
            row[x].len = 0;
            row[x].comp = P_OUT;
        }
    }
    ogi_free(firstx);
    ogi_free(same);
    return 0;
}

/* Labels the connected areas of inside positions, in reading order of
 * their first position. Returns 0 or OGI_ENOMEM. */
static int
grid_label(grid_t *g)
{
    typedef struct {
        uint32_t y, x;
    } yx_t;
    yx_t *stack = ogi_malloc((g->npos ? g->npos : 1) * sizeof(*stack));
    size_t cap = 64;
    g->comps = ogi_malloc(cap * sizeof(*g->comps));
    if (!stack || !g->comps) {
        ogi_free(stack);
        return OGI_ENOMEM;
    }
    g->ncomps = 0;
    for (uint32_t y = 0; y < g->nl; y++) {
        for (uint32_t x = 0; x < g->width[y]; x++) {
            pos_t *p = &g->pos[g->base[y] + x];
            if (p->comp != P_UNSET)
                continue;
            if (g->ncomps == cap) {
                comp_t *c = ogi_realloc(g->comps, cap * 2 * sizeof(*c));
                if (!c) {
                    ogi_free(stack);
                    return OGI_ENOMEM;
                }
                g->comps = c;
                cap *= 2;
            }
            uint32_t id = g->ncomps++;
            comp_t *c = &g->comps[id];
            memset(c, 0, sizeof(*c));
            c->y0 = c->y1 = y;
            c->x0 = c->x1 = x;
            size_t sp = 0;
            p->comp = (int32_t)id;
            stack[sp++] = (yx_t){y, x};
            while (sp) {
                yx_t q = stack[--sp];
                c->count++;
                if (q.y > c->y1)
                    c->y1 = q.y;
                if (q.x < c->x0)
                    c->x0 = q.x;
                if (q.x > c->x1)
                    c->x1 = q.x;
                /* left, right, up, down */
                yx_t nb[4] = {{q.y, q.x - 1},
                              {q.y, q.x + 1},
                              {q.y - 1, q.x},
                              {q.y + 1, q.x}};
                int ok[4] = {q.x > 0, q.x + 1 < g->width[q.y], q.y > 0,
                             q.y + 1 < g->nl};
                for (int k = 0; k < 4; k++) {
                    if (!ok[k] || nb[k].x >= g->width[nb[k].y])
                        continue;
                    pos_t *r = &g->pos[g->base[nb[k].y] + nb[k].x];
                    if (r->comp != P_UNSET)
                        continue;
                    r->comp = (int32_t)id;
                    stack[sp++] = nb[k];
                }
            }
        }
    }
    ogi_free(stack);
    /* each cell's positions, in reading order (a counting sort) */
    g->order = ogi_malloc((g->npos ? g->npos : 1) * sizeof(*g->order));
    if (!g->order)
        return OGI_ENOMEM;
    uint32_t next = 0;
    for (uint32_t k = 0; k < g->ncomps; k++) {
        g->comps[k].first = next;
        next += g->comps[k].count;
        g->comps[k].count = 0;
    }
    for (uint32_t i = 0; i < g->npos; i++) {
        int32_t id = g->pos[i].comp;
        if (id < 0)
            continue;
        comp_t *c = &g->comps[id];
        g->order[c->first + c->count++] = i;
    }
    return 0;
}

/* Appends s[0..n) to the join buffer at *len. Returns 0 or OGI_ENOMEM. */
static int
buf_add(grid_t *g, size_t *len, const char *s, size_t n)
{
    if (*len + n + 1 > g->bcap) {
        size_t cap = g->bcap ? g->bcap : 256;
        while (cap < *len + n + 1)
            cap *= 2;
        char *b = ogi_realloc(g->buf, cap);
        if (!b)
            return OGI_ENOMEM;
        g->buf = b;
        g->bcap = cap;
    }
    memcpy(g->buf + *len, s, n);
    *len += n;
    return 0;
}

static int
is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* The line (block-relative) holding position p. */
static uint32_t
line_of(const grid_t *g, uint32_t p)
{
    uint32_t lo = 0, hi = (uint32_t)g->nl;
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (g->base[mid] <= p)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/*
 * The text of cell c: each line's stretch trimmed, the lines joined with
 * nothing between them (a wrapped label, vertical text), or one space
 * between two ASCII letters or digits (wrapped words). A cell with text on
 * one line points into the text; a joined one is copied to the arena.
 */
static int
comp_text(grid_t *g, ogi__table_t *tb, comp_t *c)
{
    const char *s = g->t->s;
    size_t len = 0, pieces = 0;
    size_t one_a = 0, one_b = 0;   /* the only piece, in the text */
    size_t span_a = 0, span_b = 0; /* first to last byte of text */
    uint32_t k = 0;
    while (k < c->count) {
        /* one line's stretch */
        uint32_t lim = g->base[line_of(g, g->order[c->first + k]) + 1];
        size_t start = len, a = SIZE_MAX, b = 0;
        uint32_t last_off = UINT32_MAX, prev = 0;
        int contiguous = 1;
        for (; k < c->count && g->order[c->first + k] < lim; k++) {
            uint32_t p = g->order[c->first + k];
            if (a != SIZE_MAX && p != prev + 1)
                contiguous = 0;
            prev = p;
            const pos_t *q = &g->pos[p];
            if (q->off == last_off)
                continue; /* the second column of a wide character */
            last_off = q->off;
            if (a == SIZE_MAX)
                a = q->off;
            b = q->off + q->len;
            if (buf_add(g, &len, s + q->off, q->len))
                return OGI_ENOMEM;
        }
        /* trim the piece */
        size_t x = start, z = len;
        while (x < z && is_blank(g->buf[x]))
            x++;
        while (z > x && is_blank(g->buf[z - 1]))
            z--;
        if (x == z) {
            len = start;
            continue;
        }
        size_t lead = x - start, trail = len - z;
        memmove(g->buf + start, g->buf + x, z - x);
        len = start + (z - x);
        /* two ASCII words wrapped apart keep a space between them */
        if (start && ogi_text_is_alnum((unsigned char)g->buf[start - 1]) &&
            ogi_text_is_alnum((unsigned char)g->buf[start])) {
            if (buf_add(g, &len, " ", 1))
                return OGI_ENOMEM;
            memmove(g->buf + start + 1, g->buf + start, len - start - 1);
            g->buf[start] = ' ';
        }
        if (!pieces)
            span_a = a + lead;
        span_b = b - trail;
        one_a = contiguous ? a + lead : SIZE_MAX;
        one_b = b - trail;
        pieces++;
    }
    if (pieces == 0) {
        /* an empty cell: its place is its first position */
        c->kind = OGI__CELL_BLANK;
        c->off = c->count ? g->pos[g->order[c->first]].off : 0;
        c->s = s + c->off;
        c->n = c->len = 0;
        return 0;
    }
    if (pieces == 1 && one_a != SIZE_MAX) {
        c->s = s + one_a;
        c->n = (uint32_t)(one_b - one_a);
    } else {
        char *d = ogi__table_strdup(tb, g->buf, len);
        if (!d)
            return OGI_ENOMEM;
        c->s = d;
        c->n = (uint32_t)len;
    }
    c->off = (uint32_t)span_a;
    c->len = (uint32_t)(span_b - span_a);
    ogi_num_t num;
    c->kind = ogi_number_parse(c->s, c->n, &num) != OGI_NUM_NONE
                  ? OGI__CELL_VALUE
                  : OGI__CELL_LABEL;
    return 0;
}

static int
cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorts v[0..n) and drops repeats; returns the new count. */
static size_t
uniq(uint32_t *v, size_t n)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof(*v), cmp_u32);
    size_t m = 1;
    for (size_t i = 1; i < n; i++)
        if (v[i] != v[m - 1])
            v[m++] = v[i];
    return m;
}

/* Index of the first v[i] >= key in the sorted v[0..n). */
static size_t
lower(const uint32_t *v, size_t n, uint32_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Rows and columns: from the cells' distinct first lines and left edges. */
static int
grid_rows_cols(grid_t *g, uint32_t **tops_out, size_t *ntops)
{
    uint32_t *tops = ogi_malloc((g->ncomps + 1) * sizeof(*tops));
    uint32_t *lefts = ogi_malloc((g->ncomps + 1) * sizeof(*lefts));
    if (!tops || !lefts) {
        ogi_free(tops);
        ogi_free(lefts);
        return OGI_ENOMEM;
    }
    for (uint32_t k = 0; k < g->ncomps; k++) {
        tops[k] = g->comps[k].y0;
        lefts[k] = g->comps[k].x0;
    }
    size_t nt = uniq(tops, g->ncomps), nc = uniq(lefts, g->ncomps);
    for (uint32_t k = 0; k < g->ncomps; k++) {
        comp_t *c = &g->comps[k];
        c->row = (uint32_t)lower(tops, nt, c->y0);
        c->rowspan = (uint32_t)(lower(tops, nt, c->y1 + 1) - c->row);
        c->col = (uint32_t)lower(lefts, nc, c->x0);
        c->colspan = (uint32_t)(lower(lefts, nc, c->x1 + 1) - c->col);
    }
    ogi_free(lefts);
    *tops_out = tops;
    *ntops = nt;
    return 0;
}

/* A sort key of a cell: grid row, left edge, index. */
typedef struct {
    uint32_t row, x, id;
} sortkey_t;

static int
cmp_key(const void *a, const void *b)
{
    const sortkey_t *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    if (x->x != y->x)
        return x->x < y->x ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static ogi__cell_t *
add_comp(ogi__table_t *tb, const grid_t *g, const comp_t *c, uint32_t row)
{
    ogi__cell_t *cell;
    if (c->row == row) {
        cell = ogi__table_add(tb, c->kind, c->s, c->n, c->off, c->len);
        if (cell) {
            cell->rowspan = (uint8_t)(c->rowspan > 255 ? 255 : c->rowspan);
            cell->colspan = (uint8_t)(c->colspan > 255 ? 255 : c->colspan);
        }
    } else {
        /* covered by a row span from above: holds nothing of its own */
        cell = ogi__table_add(tb, OGI__CELL_MERGED, g->t->s + c->off, 0, c->off,
                              0);
        if (cell)
            cell->colspan = (uint8_t)(c->colspan > 255 ? 255 : c->colspan);
    }
    if (cell) {
        cell->row = (int16_t)(row > INT16_MAX ? INT16_MAX : row);
        cell->col = (int16_t)(c->col > INT16_MAX ? INT16_MAX : c->col);
    }
    return cell;
}

/* Emits the rows of the grid: a cell where it starts, MERGED below it. */
static int
grid_emit(grid_t *g, ogi__table_t *tb, const uint32_t *tops, size_t ntops)
{
    sortkey_t *ord = ogi_malloc((g->ncomps + 1) * sizeof(*ord));
    sortkey_t *act = ogi_malloc((g->ncomps + 1) * sizeof(*act));
    sortkey_t *cur = ogi_malloc((g->ncomps + 1) * sizeof(*cur));
    int rc = 0;
    if (!ord || !act || !cur) {
        rc = OGI_ENOMEM;
        goto out;
    }
    for (uint32_t k = 0; k < g->ncomps; k++)
        ord[k] = (sortkey_t){g->comps[k].row, g->comps[k].x0, k};
    qsort(ord, g->ncomps, sizeof(*ord), cmp_key);
    size_t nact = 0, k = 0;
    for (uint32_t r = 0; r < ntops; r++) {
        /* the cells spanning down into row r, and those starting in it */
        size_t n = 0;
        for (size_t i = 0; i < nact; i++)
            cur[n++] = (sortkey_t){0, act[i].x, act[i].id};
        for (; k < g->ncomps && ord[k].row == r; k++)
            cur[n++] = (sortkey_t){0, ord[k].x, ord[k].id};
        qsort(cur, n, sizeof(*cur), cmp_key);
        if ((rc = ogi__table_row_open(tb, g->l0 + tops[r])))
            goto out;
        nact = 0;
        for (size_t i = 0; i < n; i++) {
            const comp_t *c = &g->comps[cur[i].id];
            if (!add_comp(tb, g, c, r)) {
                rc = OGI_ENOMEM;
                goto out;
            }
            if (c->row + c->rowspan > r + 1)
                act[nact++] = cur[i];
        }
        ogi__table_row_close(tb);
    }
out:
    ogi_free(ord);
    ogi_free(act);
    ogi_free(cur);
    return rc;
}

/* Reads the table drawn on lines [l0, l0 + nl) (box lines only). */
static int
read_table(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t nl)
{
    grid_t g;
    memset(&g, 0, sizeof(g));
    g.t = t;
    g.l0 = l0;
    g.nl = nl;
    uint32_t *tops = NULL;
    size_t ntops = 0;
    int rc;
    if ((rc = grid_layout(&g)) || (rc = grid_label(&g)))
        goto out;
    for (uint32_t k = 0; k < g.ncomps; k++)
        if ((rc = comp_text(&g, tb, &g.comps[k])))
            goto out;
    if ((rc = grid_rows_cols(&g, &tops, &ntops)))
        goto out;
    rc = grid_emit(&g, tb, tops, ntops);
out:
    ogi_free(tops);
    grid_free(&g);
    return rc;
}

/* ---- the reader ---- */

/* 1 when the bytes of lines [l0, l1) of t hold a box-drawing character,
 * U+2500-U+257F: E2 94 xx or E2 95 xx. One search for their lead byte,
 * rare in a report's text, the byte after each looked at. */
static int
has_box_char(const ogi_text_t *t, size_t l0, size_t l1)
{
    if (l1 > t->nlines)
        l1 = t->nlines;
    /* no lead byte in the region's squeezed text, none in the region */
    if (l0 >= l1 || !ogi__probe_region_has(t, l0, l1, "\xE2"))
        return 0;
    const char *p = t->s + t->lines[l0].start, *e = t->s + t->lines[l1 - 1].end;
    while (e - p >= 2 && (p = memchr(p, 0xE2, (size_t)(e - p) - 1)) != NULL) {
        if ((unsigned char)p[1] == 0x94 || (unsigned char)p[1] == 0x95)
            return 1;
        p++;
    }
    return 0;
}

static int
probe(const ogi_text_t *t, size_t l0, size_t l1)
{
    size_t lines = 0, box = 0;
    if (!has_box_char(t, l0, l1))
        return 0;
    for (size_t l = l0; l < l1; l++) {
        if (ogi__table_is_empty_line(t, l))
            continue;
        lines++;
        box += (size_t)is_box_line(t, l);
    }
    if (box < 2)
        return 0;
    if (box * 2 >= lines)
        return 90; /* mostly a drawn table */
    if (box >= 3 && box * 5 >= lines)
        return 60; /* tables between paragraphs: still read best here */
    return 0;
}

static int
read(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    int rc;
    size_t l = l0;
    while (l < l1) {
        if (!is_box_line(t, l)) {
            if (!ogi__table_is_empty_line(t, l) &&
                !ogi__table_is_page_line(t, l)) {
                if ((rc = ogi__table_add_line_row(tb, l)))
                    return rc;
            }
            l++;
            continue;
        }
        /* one table: up to the next table's top or past its bottom */
        size_t a = l++;
        int closed = box_bottom_left(first_box(t, a));
        while (!closed && l < l1 && is_box_line(t, l) &&
               !box_top_left(first_box(t, l))) {
            closed = box_bottom_left(first_box(t, l));
            l++;
        }
        if ((rc = read_table(tb, t, a, l - a)))
            return rc;
    }
    return 0;
}

const ogi__reader_t ogi__read_box = {"box", probe, read};
