/*
 * read_ascii_grid.c - +----+ | ASCII grid tables: pandoc -t plain draws a
 * table this way when a cell holds more than one block, and many text
 * tools (tabulate, prettytable, psql, pandoc 3 with spans) draw them so.
 *
 *   +--------+------+
 *   | 信息内 | 本年 |      a row is the lines between two rules; a cell's
 *   | 容     | 制发 |      text wraps inside its column: the column's
 *   +========+======+      slices of those lines are joined
 *   | 规章   | 0    |
 *   +--------+------+
 *
 * Columns are the display positions of the rules' '+' (an ideograph or
 * full-width punctuation is two columns wide, measured on the raw text,
 * since normalisation folds full-width forms to one-column ASCII). A bar
 * missing inside a row joins two columns (a column span); a rule segment
 * left blank, or holding text, continues the cell above into the next row
 * (a row span), and the covered slot is MERGED. Lines of a region outside
 * any grid are read as plain lines.
 */
#include "ogi_int.h"

#include <string.h>

#include "ogi/error.h"
#include "reader_int.h"

#define MAX_BOUNDS 66   /* column edges: 65 columns, beyond any report */
#define MAX_TEXT   1024 /* bytes of one joined cell; beyond is narrative */

/* A walk along a line: the shift in force at the offset reached, so that
 * each character's raw offset is found without a search. */
typedef struct {
    size_t k;
} walk_t;

/* Starts a walk at normalised offset i. */
static void
walk_start(const ogi_text_t *t, size_t i, walk_t *w)
{
    w->k = ogi_text_shift_at(t, i);
}

/* ogi_text_raw_offset(t, i) for an i not behind the walk's last. */
static size_t
walk_raw(const ogi_text_t *t, size_t i, walk_t *w)
{
    if (i >= t->len)
        return t->raw_len;
    while (w->k + 1 < t->nshifts && t->shifts[w->k + 1].norm <= i)
        w->k++;
    return t->shifts[w->k].raw + (uint32_t)(i - t->shifts[w->k].norm);
}

/* Width of the character at normalised offset i (its length in *len),
 * read from the raw character it came from; w walks the line. */
static int
char_width(const ogi_text_t *t, size_t i, size_t end, size_t *len, walk_t *w)
{
    *len = ogi_utf8_len(t->s + i, t->s + end);
    if ((unsigned char)t->s[i] < 0x80 && !(t->nshifts && t->raw))
        return 1;
    uint32_t cp = 0;
    if (t->nshifts && t->raw) {
        size_t r = walk_raw(t, i, w);
        if (r < t->raw_len &&
            ogi_utf8_decode(t->raw + r, t->raw + t->raw_len, &cp) > 0)
            return ogi__table_cp_width(cp);
    }
    if (ogi_utf8_decode(t->s + i, t->s + end, &cp) > 0)
        return ogi__table_cp_width(cp);
    return 1;
}

/* First non-blank byte of line l, or its end. */
static size_t
first_byte(const ogi_text_t *t, size_t l)
{
    size_t i = t->lines[l].start;
    while (i < t->lines[l].end && (t->s[i] == ' ' || t->s[i] == '\t'))
        i++;
    return i;
}

/* 1 when line l is a rule: + - = : | and spaces only, a '+' and a dash.
 * A rule through a row-spanned cell may hold that cell's text: then the
 * line starts with a bar and has a "+-" or "-+". */
static int
is_rule(const ogi_text_t *t, size_t l)
{
    const char *s = t->s;
    size_t a = first_byte(t, l), b = t->lines[l].end;
    if (a >= b || (s[a] != '+' && s[a] != '|'))
        return 0;
    int plus = 0, dash = 0, other = 0, joint = 0;
    for (size_t i = a; i < b; i++) {
        char c = s[i];
        if (c == '+')
            plus++;
        else if (c == '-' || c == '=')
            dash++;
        else if (c != ':' && c != '|' && c != ' ' && c != '\t')
            other = 1;
        if (i + 1 < b && ((c == '+' && (s[i + 1] == '-' || s[i + 1] == '=')) ||
                          ((c == '-' || c == '=') && s[i + 1] == '+')))
            joint = 1;
    }
    if (!plus || !dash)
        return 0;
    return !other ? (s[a] == '+' || joint) : joint && s[a] == '|';
}

/* 1 when line l belongs to a grid: a rule, or a row starting with a bar. */
static int
is_grid_line(const ogi_text_t *t, size_t l)
{
    size_t a = first_byte(t, l);
    return a < t->lines[l].end && (t->s[a] == '|' || is_rule(t, l));
}

/* A piece of a cell's text: bytes of the normalised text. */
typedef struct {
    uint32_t off, len;
    int32_t next; /* the owner's next fragment, or -1 */
} frag_t;

/* A cell of the grid, with the slots it covers. */
typedef struct {
    int32_t first, last; /* its fragments, or -1 */
    uint32_t band;       /* the row it starts in */
    uint16_t col, colspan, rowspan;
} owner_t;

typedef struct {
    ogi__table_t *tb;
    const ogi_text_t *t;
    int pos[MAX_BOUNDS]; /* display column of each edge */
    size_t nb;
    owner_t *own;
    size_t nown, owncap;
    frag_t *frag;
    size_t nfrag, fragcap;
    int32_t *slot; /* band * ncols + col -> owner */
    uint32_t *band_line;
    size_t nbands, maxbands;
    int32_t open[MAX_BOUNDS]; /* owner still open in each column, or -1 */
} grid_t;

static void
add_bound(grid_t *g, int p)
{
    size_t k = 0;
    while (k < g->nb && g->pos[k] < p)
        k++;
    if (k < g->nb && g->pos[k] == p)
        return;
    if (g->nb >= MAX_BOUNDS)
        return;
    memmove(&g->pos[k + 1], &g->pos[k], (g->nb - k) * sizeof(g->pos[0]));
    g->pos[k] = p;
    g->nb++;
}

/* The edge at display column p (one column either way: tools disagree on
 * a few characters' widths), or -1. */
static int
bound_at(const grid_t *g, int p)
{
    int best = -1, bd = 2;
    for (size_t k = 0; k < g->nb; k++) {
        int d = g->pos[k] > p ? g->pos[k] - p : p - g->pos[k];
        if (d < bd) {
            bd = d;
            best = (int)k;
        }
    }
    return best;
}

/* Appends t->s[a..b), trimmed, to owner o's text. */
static int
add_frag(grid_t *g, int32_t o, size_t a, size_t b)
{
    const char *s = g->t->s;
    while (a < b && ogi_text_is_space((unsigned char)s[a]))
        a++;
    while (b > a && ogi_text_is_space((unsigned char)s[b - 1]))
        b--;
    if (a == b || o < 0)
        return 0;
    if (g->nfrag == g->fragcap) {
        size_t cap = g->fragcap ? g->fragcap * 2 : 128;
        frag_t *p = ogi_arena_grow(g->tb->arena, g->frag, g->nfrag * sizeof(*p),
                                   cap * sizeof(*p));
        if (!p)
            return OGI_ENOMEM;
        g->frag = p;
        g->fragcap = cap;
    }
    int32_t f = (int32_t)g->nfrag++;
    g->frag[f] = (frag_t){(uint32_t)a, (uint32_t)(b - a), -1};
    owner_t *ow = &g->own[o];
    if (ow->last >= 0)
        g->frag[ow->last].next = f;
    else
        ow->first = f;
    ow->last = f;
    return 0;
}

static int32_t
new_owner(grid_t *g, size_t col, size_t span)
{
    if (g->nown == g->owncap) {
        size_t cap = g->owncap ? g->owncap * 2 : 64;
        owner_t *p = ogi_arena_grow(g->tb->arena, g->own, g->nown * sizeof(*p),
                                    cap * sizeof(*p));
        if (!p)
            return -1;
        g->own = p;
        g->owncap = cap;
    }
    owner_t *o = &g->own[g->nown];
    o->first = o->last = -1;
    o->band = (uint32_t)(g->nbands - 1);
    o->col = (uint16_t)col;
    o->colspan = (uint16_t)span;
    o->rowspan = 1;
    return (int32_t)g->nown++;
}

/* Edges of line l: bars[k] = byte offset of the bar at edge k, or -1.
 * Returns the number of characters '+' or '|' seen at edges. */
static size_t
line_edges(const grid_t *g, size_t l, long *bars)
{
    const ogi_text_t *t = g->t;
    size_t i = t->lines[l].start, end = t->lines[l].end, seen = 0;
    int col = 0;
    for (size_t k = 0; k < g->nb; k++)
        bars[k] = -1;
    walk_t wk = {0};
    if (t->nshifts)
        walk_start(t, i, &wk);
    while (i < end) {
        size_t len;
        int w = char_width(t, i, end, &len, &wk);
        if (t->s[i] == '|' || t->s[i] == '+') {
            int k = bound_at(g, col);
            if (k >= 0 && bars[k] < 0) {
                bars[k] = (long)i;
                seen++;
            }
        }
        col += w;
        i += len ? len : 1;
    }
    return seen;
}

/* Content line l: opens a band when none is open, then gives each
 * column's slice to the cell that owns it. */
static int
read_content(grid_t *g, size_t l, int *band_open)
{
    size_t nc = g->nb - 1;
    long bars[MAX_BOUNDS];
    line_edges(g, l, bars);
    if (!*band_open) {
        if (g->nbands >= g->maxbands)
            return 0;
        g->band_line[g->nbands++] = (uint32_t)l;
        int32_t *row = &g->slot[(g->nbands - 1) * nc];
        for (size_t k = 0; k < nc;) {
            if (g->open[k] >= 0) {
                /* a row span: the cell above goes on */
                int32_t o = g->open[k];
                size_t span = g->own[o].colspan;
                g->own[o].rowspan++;
                for (size_t j = k; j < k + span && j < nc; j++)
                    row[j] = o;
                k += span ? span : 1;
                continue;
            }
            size_t e = k + 1;
            while (e < nc && bars[e] < 0 && g->open[e] < 0)
                e++;
            int32_t o = new_owner(g, k, e - k);
            if (o < 0)
                return OGI_ENOMEM;
            for (size_t j = k; j < e; j++) {
                row[j] = o;
                g->open[j] = o;
            }
            k = e;
        }
        *band_open = 1;
    }
    int32_t *row = &g->slot[(g->nbands - 1) * nc];
    size_t end = g->t->lines[l].end;
    for (size_t k = 0; k < nc; k++) {
        if (bars[k] < 0 || (k > 0 && row[k - 1] == row[k]))
            continue; /* inside a span: read from its first column */
        size_t a = (size_t)bars[k] + 1, b = end;
        for (size_t j = k + 1; j < g->nb; j++)
            if (bars[j] >= 0 && (j >= nc || row[j] != row[k])) {
                b = (size_t)bars[j];
                break;
            }
        int rc = add_frag(g, row[k], a, b);
        if (rc)
            return rc;
    }
    return 0;
}

/* Rule line l: closes the cells whose column it rules; a blank or
 * written segment keeps the cell above open (a row span). */
static int
read_rule(grid_t *g, size_t l, int *band_open)
{
    size_t nc = g->nb - 1;
    long bars[MAX_BOUNDS];
    line_edges(g, l, bars);
    const char *s = g->t->s;
    size_t end = g->t->lines[l].end;
    for (size_t k = 0; k < nc; k++) {
        if (bars[k] < 0)
            continue;
        size_t a = (size_t)bars[k] + 1, b = end, j = k + 1;
        for (; j < g->nb; j++)
            if (bars[j] >= 0) {
                b = (size_t)bars[j];
                break;
            }
        int dashes = 0, text = 0;
        for (size_t i = a; i < b; i++) {
            if (s[i] == '-' || s[i] == '=')
                dashes = 1;
            else if (s[i] != ':' && s[i] != ' ')
                text = 1;
        }
        int32_t o = g->open[k];
        if (dashes && !text) {
            /* a rule segment may run over edges a span below has not */
            for (size_t m = k; m < j && m < nc; m++)
                g->open[m] = -1;
            for (size_t m = j; m < nc && o >= 0 && g->open[m] == o; m++)
                g->open[m] = -1;
        } else if (text && o >= 0) {
            int rc = add_frag(g, o, a, b);
            if (rc)
                return rc;
        }
    }
    *band_open = 0;
    return 0;
}

/* Joins owner o's fragments and appends it as one cell. */
static int
emit_owner(grid_t *g, int32_t o, int16_t row)
{
    owner_t *ow = &g->own[o];
    const char *s = g->t->s;
    ogi__cell_t *c;
    if (ow->first < 0) {
        size_t at = g->t->lines[g->band_line[ow->band]].start;
        c = ogi__table_add(g->tb, OGI__CELL_BLANK, s + at, 0, at, 0);
    } else if (g->frag[ow->first].next < 0) {
        const frag_t *f = &g->frag[ow->first];
        c = ogi__table_add_cell(g->tb, s + f->off, f->len, f->off);
    } else {
        char buf[MAX_TEXT];
        size_t n = 0;
        for (int32_t f = ow->first; f >= 0; f = g->frag[f].next) {
            const frag_t *fr = &g->frag[f];
            /* words of Latin text wrapped at a space keep one */
            if (n && n < sizeof(buf) &&
                ogi_text_is_alnum((unsigned char)buf[n - 1]) &&
                ogi_text_is_alnum((unsigned char)s[fr->off]))
                buf[n++] = ' ';
            size_t k = fr->len < sizeof(buf) - n ? fr->len : sizeof(buf) - n;
            memcpy(buf + n, s + fr->off, k);
            n += k;
        }
        char *p = ogi__table_strdup(g->tb, buf, n);
        if (!p)
            return OGI_ENOMEM;
        const frag_t *f0 = &g->frag[ow->first];
        c = ogi__table_add_cell(g->tb, p, n, f0->off);
        if (c) {
            c->off = f0->off; /* the first line's span stands for all */
            c->len = c->kind == OGI__CELL_BLANK ? 0 : f0->len;
        }
    }
    if (!c)
        return OGI_ENOMEM;
    c->row = row;
    c->col = (int16_t)ow->col;
    c->rowspan = (uint8_t)(ow->rowspan > 255 ? 255 : ow->rowspan);
    c->colspan = (uint8_t)(ow->colspan > 255 ? 255 : ow->colspan);
    return 0;
}

/* Reads the grid on lines [b0, b1) into g->tb, one row per band. */
static int
read_grid(ogi__table_t *tb, const ogi_text_t *t, size_t b0, size_t b1)
{
    grid_t g;
    memset(&g, 0, sizeof(g));
    g.tb = tb;
    g.t = t;
    for (size_t l = b0; l < b1; l++) {
        if (!is_rule(t, l))
            continue;
        size_t i = t->lines[l].start, end = t->lines[l].end, len;
        int col = 0;
        walk_t wk = {0};
        if (t->nshifts)
            walk_start(t, i, &wk);
        while (i < end) {
            int w = char_width(t, i, end, &len, &wk);
            if (t->s[i] == '+')
                add_bound(&g, col);
            col += w;
            i += len ? len : 1;
        }
    }
    int rc = 0;
    if (g.nb < 2) {
        for (size_t l = b0; l < b1 && !rc; l++) {
            if (!(rc = ogi__table_row_open(tb, l)) &&
                !(rc = ogi__table_add_line(tb, l)))
                ogi__table_row_close(tb);
        }
        return rc;
    }
    size_t nc = g.nb - 1;
    g.maxbands = b1 - b0;
    g.slot = ogi_arena_alloc(tb->arena, g.maxbands * nc * sizeof(*g.slot));
    g.band_line = ogi_arena_alloc(tb->arena, g.maxbands * sizeof(uint32_t));
    if (!g.slot || !g.band_line)
        return OGI_ENOMEM;
    for (size_t k = 0; k < MAX_BOUNDS; k++)
        g.open[k] = -1;
    int band_open = 0;
    size_t r0 = tb->nrows;
    for (size_t l = b0; l < b1 && !rc; l++) {
        if (is_rule(t, l))
            rc = read_rule(&g, l, &band_open);
        else if (!ogi__table_is_empty_line(t, l))
            rc = read_content(&g, l, &band_open);
    }
    for (size_t b = 0; b < g.nbands && !rc; b++) {
        if ((rc = ogi__table_row_open(tb, g.band_line[b])))
            break;
        const int32_t *row = &g.slot[b * nc];
        for (size_t k = 0; k < nc && !rc; k++) {
            const owner_t *ow = &g.own[row[k]];
            if (ow->band == b && ow->col == k) {
                rc = emit_owner(&g, row[k], (int16_t)b);
            } else {
                size_t at = t->lines[g.band_line[b]].start;
                ogi__cell_t *c =
                    ogi__table_add(tb, OGI__CELL_MERGED, t->s + at, 0, at, 0);
                if (!c)
                    rc = OGI_ENOMEM;
                else {
                    c->row = (int16_t)b;
                    c->col = (int16_t)k;
                }
            }
        }
        ogi__table_row_close(tb);
    }
    /* pandoc 2 draws a spanning label as the label and empty cells */
    if (!rc)
        ogi__table_label_slots(tb, r0, tb->nrows);
    return rc;
}

static int
probe(const ogi_text_t *t, size_t l0, size_t l1)
{
    size_t rules = 0, rows = 0, text = 0;
    if (!ogi__probe_region_has(t, l0, l1, "+-"))
        return 0;
    for (size_t l = l0; l < l1; l++) {
        if (ogi__table_is_empty_line(t, l))
            continue;
        if (is_rule(t, l))
            rules++;
        else if (is_grid_line(t, l))
            rows++;
        else
            text++;
    }
    if (rules < 2 || rows < 1)
        return 0;
    /* a +---+ rule is unmistakable; narrative around the grid lowers it */
    int score = 70 + (int)((rules + rows) * 30 / (rules + rows + text));
    return score > OGI__PROBE_SURE ? OGI__PROBE_SURE : score;
}

/* 1 when a line of [l0, l1) is a rule of dashes ("-----  ------"): two
 * runs of three dashes or more, spaces between, nothing else. */
static int
has_dash_rule(const ogi_text_t *t, size_t l0, size_t l1)
{
    for (size_t l = l0; l < l1; l++) {
        const char *s = t->s;
        size_t i = t->lines[l].start, end = t->lines[l].end, runs = 0;
        int ok = 1;
        while (i < end && ok) {
            if (s[i] == ' ') {
                i++;
                continue;
            }
            size_t a = i;
            while (i < end && s[i] == '-')
                i++;
            ok = i - a >= 3;
            runs++;
        }
        if (ok && runs >= 2)
            return 1;
    }
    return 0;
}

static int
read(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    int rc = 0;
    size_t l = l0;
    while (l < l1 && !rc) {
        if (!is_grid_line(t, l)) {
            /* a stretch outside the grids with a rule of dashes: pandoc's
             * simple table beside its grid tables, read in the rule's
             * columns (read_row_lines.c) */
            size_t e = l;
            while (e < l1 && !is_grid_line(t, e))
                e++;
            if (has_dash_rule(t, l, e)) {
                rc = ogi__read_row_lines.read(tb, t, l, e);
                l = e;
                continue;
            }
            if (!ogi__table_is_empty_line(t, l) &&
                !ogi__table_is_page_line(t, l) &&
                !(rc = ogi__table_row_open(tb, l)) &&
                !(rc = ogi__table_add_line(tb, l)))
                ogi__table_row_close(tb);
            l++;
            continue;
        }
        size_t e = l;
        while (e < l1 && is_grid_line(t, e))
            e++;
        rc = read_grid(tb, t, l, e);
        l = e;
    }
    return rc;
}

const ogi__reader_t ogi__read_ascii_grid = {"ascii_grid", probe, read};
