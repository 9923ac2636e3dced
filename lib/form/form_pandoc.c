/*
 * form_pandoc.c - a page saved as pandoc's own Markdown loses its markup
 * (form_int.h).
 *
 * `pandoc -f html -t markdown` (what `pandoc page.html -o page.md`
 * writes) keeps what the page's markup said about its text: a Word-exported
 * span becomes a bracketed span with its attributes,
 *
 *   [本年制\
 *   发件数]{style="font-size:14px;"}
 *
 * (opened on one line of a cell, closed on a later one, its attributes
 * wrapped over lines of their own in a narrow grid cell), a line break is
 * "\" at the end of a line, punctuation is escaped ("1\.", "\*", "\["), a
 * link is [text](url), an image ![alt](src), bold **text**, a div a fence
 * (::: {#zoom .content} ... :::), and a list's end <!-- -->. Tables are
 * drawn as pandoc's plain text draws them: grid tables (+----+ rules and
 * "|" between cells), or simple and multiline tables (a rule of dash groups,
 * one per column, cells starting at their group's column), and tables with
 * merged cells as raw HTML, which stays as it is.
 *
 * The readers know how pandoc draws tables in plain text; here the text
 * becomes that: the markup goes from inside each cell, and the cell gets as
 * many spaces at the end of its text (before the gap to its neighbour) as
 * the markup took columns, so that every cell still starts at its column.
 * A value pandoc cut over two lines of a narrow grid cell (it cuts a word
 * wider than the cell from its end: "[1" over "0496]{lang=...}") is joined
 * on the second line. Outside tables the markup goes; fence, raw block
 * and comment lines are left empty, a heading's attributes go.
 *
 * Told by what no other text holds: attribute spans ("]{style=", "]{lang=",
 * "]{#id}", "]{.class}"), or pandoc's tables with its fences or its
 * escapes ("1\.", "\--", a line break "\": pandoc's plain text draws the
 * same tables, never with those). Any other view is left as it is.
 *
 * The view gets its edits (bytes dropped, spaces added); its map is the old
 * one composed with them, so that spans still point into the raw bytes.
 * Two passes over the text: linear.
 */
#include "ogi_int.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "form_int.h"
#include "form_pandoc_int.h"
#include "ogi/error.h"
#include "ogi/text.h"
#include "table_int.h"

/* How many columns a table may have here (more: read as text). */
#define MAX_COLS 64

/* ---- the markup inside a run of text ---- */

/* Where a cell (or a paragraph) is in its markup, carried from line to
 * line. */
typedef struct {
    int attr;  /* inside an attribute block {...} */
    int quote; /* inside a quoted value in it, or in a link's title */
    int url;   /* parentheses open in a link's target */
    /* a grid cell's digits at the end of its last line (first pass), or
     * those moved down to the start of this line (second pass) */
    size_t dig0, dig1;
    /* a multiline table's cell: its last line held 增 or 减 alone, with
     * this much room for its markup (first pass) */
    int sign;
    size_t sign_room;
} mk_t;

/*
 * Marks in del[] the markup of s[a..e), one stretch of a cell's or a
 * paragraph's line; returns how many bytes it marked.
 */
static size_t
scrub(const char *s, size_t a, size_t e, unsigned char *del, mk_t *st)
{
    size_t n = 0;
    size_t last = e; /* the last byte that is not a space */
    while (last > a && (s[last - 1] == ' ' || s[last - 1] == '\r'))
        last--;
    for (size_t i = a; i < e; i++) {
        unsigned char c = (unsigned char)s[i];
        if (st->attr || st->url) {
            del[i] = 1;
            n++;
            if (st->quote) {
                if (c == '"')
                    st->quote = 0;
            } else if (c == '"') {
                st->quote = 1;
            } else if (st->attr && c == '}') {
                st->attr = 0;
            } else if (st->url && c == '(') {
                st->url++;
            } else if (st->url && c == ')') {
                st->url--;
            }
            continue;
        }
        switch (c) {
            case '\\':
                if (i + 1 == last) { /* a line break */
                    del[i] = 1;
                    n++;
                } else if (i + 1 < e &&
                           ogi__pmd_is_punct((unsigned char)s[i + 1])) {
                    del[i] = 1; /* the escape; the character stays */
                    n++;
                    i++;
                }
                break;
            case '!':
                if (i + 1 < e && s[i + 1] == '[') {
                    del[i] = 1;
                    n++;
                }
                break;
            case '[':
            case '*':
                del[i] = 1;
                n++;
                break;
            case ']':
                del[i] = 1;
                n++;
                if (i + 1 < e && s[i + 1] == '{') {
                    st->attr = 1;
                    del[++i] = 1;
                    n++;
                } else if (i + 1 < e && s[i + 1] == '(') {
                    st->url = 1;
                    del[++i] = 1;
                    n++;
                }
                break;
            default:
                break;
        }
    }
    return n;
}

/* ---- the new view ---- */

typedef struct {
    ogi_arena_t *arena;
    const ogi__view_t *v;
    const unsigned char *del;
    char *out;
    size_t o, ocap; /* written, room (the view's length: text only goes) */
    ogi_text_shift_t *map;
    size_t n, cap;
    size_t mi; /* the old map's next entry */
    int oom;
} emit_t;

/* Notes that new offset norm comes from raw offset raw: an entry unless
 * the last one already says so; one at the same offset is replaced. */
static void
mark(emit_t *m, size_t norm, uint32_t raw)
{
    if (m->n && m->map[m->n - 1].norm == norm)
        m->n--;
    uint32_t n0 = m->n ? m->map[m->n - 1].norm : 0;
    uint32_t r0 = m->n ? m->map[m->n - 1].raw : 0;
    if (r0 + ((uint32_t)norm - n0) == raw)
        return;
    if (m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 256;
        ogi_text_shift_t *g = ogi_arena_grow(
            m->arena, m->map, m->cap * sizeof(*g), cap * sizeof(*g));
        if (!g) {
            m->oom = 1;
            return;
        }
        m->map = g;
        m->cap = cap;
    }
    m->map[m->n++] = (ogi_text_shift_t){(uint32_t)norm, raw};
}

/* Copies the bytes of view[a..b) that are not markup. */
static void
emit_range(emit_t *m, size_t a, size_t b)
{
    const ogi__view_t *v = m->v;
    int run = 0;
    for (size_t x = a; x < b; x++) {
        if (m->del[x]) {
            run = 0;
            continue;
        }
        if (!run) {
            mark(m, m->o, ogi__view_raw(v, x));
            run = 1;
        }
        while (m->mi < v->nmap && v->map[m->mi].norm < x)
            m->mi++;
        if (m->mi < v->nmap && v->map[m->mi].norm == x)
            mark(m, m->o, v->map[m->mi].raw);
        if (OGI_ALWAYS(m->o < m->ocap))
            m->out[m->o++] = v->s[x];
    }
}

static void
emit_spaces(emit_t *m, size_t n, size_t x)
{
    /* each leads to x, so that raw offsets never go back when the text
     * from x follows */
    uint32_t r = ogi__view_raw(m->v, x);
    for (size_t k = 0; k < n && OGI_ALWAYS(m->o < m->ocap); k++) {
        mark(m, m->o, r);
        m->out[m->o++] = ' ';
    }
}

/* A cell's stretch view[a..b): its text without markup, spaces for it at
 * the end of the text, then the gap. */
static void
emit_cell(emit_t *m, size_t a, size_t b, size_t lost)
{
    size_t t = b;
    while (t > a && (m->del[t - 1] || m->v->s[t - 1] == ' '))
        t--;
    emit_range(m, a, t);
    emit_spaces(m, lost, t);
    emit_range(m, t, b);
}

/* A grid cell's stretch view[a..b) that starts with the digits view[d0..d1)
 * of its line above (a number pandoc cut in two): the digits, then the
 * cell's text, the spaces for its markup fewer by as many. */
static void
emit_cell_joined(emit_t *m, size_t a, size_t b, size_t lost, size_t d0,
                 size_t d1)
{
    size_t h = a;
    while (h < b && (m->del[h] || m->v->s[h] == ' '))
        h++;
    emit_range(m, a, h);
    /* each leads to where they now stand, so that raw offsets never go
     * back: the number's span is its part on this line */
    uint32_t r = ogi__view_raw(m->v, h);
    size_t n = d1 - d0;
    if (!OGI_ALWAYS(n <= m->ocap - m->o && n <= lost))
        n = 0;
    for (size_t k = 0; k < n; k++) {
        mark(m, m->o, r);
        m->out[m->o++] = m->v->s[d0 + k];
    }
    emit_cell(m, h, b, lost - n);
}

/* ---- tables ---- */

typedef struct {
    int kind; /* 0 none, 1 grid, 2 dash columns */
    int ncol;
    int col[MAX_COLS + 1]; /* display columns where cells start (grid: the
                              bars) */
} layout_t;

/* Display columns of the "+" of a grid rule, or of the dash groups. */
static int
layout_of(const char *s, size_t a, size_t e, int grid, layout_t *L)
{
    L->kind = 0;
    L->ncol = 0;
    for (size_t i = a; i < e; i++) {
        int at =
            grid ? s[i] == '+' : s[i] == '-' && (i == a || s[i - 1] != '-');
        if (!at)
            continue;
        if (L->ncol > MAX_COLS)
            return 0;
        L->col[L->ncol++] = (int)(i - a);
    }
    if (grid)
        L->ncol--; /* bars, one more than cells */
    if (L->ncol < 1)
        return 0;
    L->kind = grid ? 1 : 2;
    return 1;
}

/* Byte offset in a line, up to e, where display column c starts (e if
 * beyond), walking on from *from at display column *fromcol (both moved
 * there). */
static size_t
byte_at_col(const char *s, size_t e, int c, size_t *from, int *fromcol)
{
    size_t i = *from;
    int col = *fromcol;
    while (i < e && col < c) {
        uint32_t cp;
        size_t l = ogi_utf8_decode(s + i, s + e, &cp);
        if (!l)
            l = 1;
        col += (unsigned char)s[i] < 0x80 ? 1 : ogi__table_cp_width(cp);
        i += l;
    }
    *from = i;
    *fromcol = col;
    return i;
}

/* The cells of a line of a grid table: the byte offsets of its bars in
 * bar[0..ncol]; 0 when they are not where the rule says (nor are the
 * line's bars as many). */
static int
grid_bars(const char *s, size_t a, size_t e, const layout_t *L, size_t *bar)
{
    size_t from = a;
    int fc = 0, ok = 1;
    for (int k = 0; k <= L->ncol && ok; k++) {
        size_t p = byte_at_col(s, e, L->col[k], &from, &fc);
        ok = p < e && s[p] == '|' && fc == L->col[k];
        bar[k] = p;
    }
    if (ok)
        return 1;
    /* the bars as they are, escaped ones skipped */
    int k = 0;
    for (size_t i = a; i < e; i++) {
        if (s[i] == '\\') {
            i++;
            continue;
        }
        if (s[i] == '|') {
            if (k > L->ncol)
                return 0;
            bar[k++] = i;
        }
    }
    return k == L->ncol + 1;
}

/* The display width of the markup in s[a..b) (an attribute's value may
 * hold ideographs: "font-family:宋体"). */
static size_t
lost_width(const char *s, size_t a, size_t b, const unsigned char *del)
{
    size_t w = 0;
    for (size_t x = a; x < b; x++) {
        unsigned char c = (unsigned char)s[x];
        if (!del[x] || (c & 0xC0) == 0x80)
            continue;
        uint32_t cp;
        w += c < 0x80 || !ogi_utf8_decode(s + x, s + b, &cp)
                 ? 1
                 : (size_t)ogi__table_cp_width(cp);
    }
    return w;
}

/* del[] of a digit moved down to the next line */
#define MOVED 2

/*
 * Pandoc cuts a word wider than its grid cell (a value and its span's
 * attributes: "[9693 ]{style=...}") into pieces from its end, each piece
 * but the first as wide as the cell: "[9", "693 ]{style="fo", "nt-size:
 * 14px;"}". When the cell's line above held only digits and this line,
 * full to the cell's edge, starts with digits, the digits above move down
 * before this line's (marked MOVED; written by the second pass), so that
 * the value is one number again. Notes this line's last digits for the
 * next.
 */
/* A character of a number cut in two ("887.0" and "2", "-1" and "2"). */
static int
is_num_char(char c)
{
    return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' ||
           c == '+';
}

static void
join_digits(const char *s, size_t c0, size_t c1, unsigned char *del, mk_t *st)
{
    size_t h = c0, t = c1;
    for (;;) { /* spaces, no-break ones too, and markup */
        if (h < c1 && (del[h] || s[h] == ' '))
            h++;
        else if (h + 1 < c1 && s[h] == '\xC2' && s[h + 1] == '\xA0')
            h += 2;
        else
            break;
    }
    while (t > h && (del[t - 1] || s[t - 1] == ' '))
        t--;
    int full = c1 - c0 >= 3 && s[c1 - 1] == ' ' && s[c1 - 2] != ' ';
    if (st->dig1 > st->dig0 && full && h < t && is_num_char(s[h]) &&
        lost_width(s, c0, c1, del) >= st->dig1 - st->dig0)
        memset(del + st->dig0, MOVED, st->dig1 - st->dig0);
    /* this line's text, if it is digits only */
    st->dig0 = st->dig1 = 0;
    size_t x = h;
    while (x < t && is_num_char(s[x]) && !del[x])
        x++;
    if (h < t && x == t) {
        st->dig0 = h;
        st->dig1 = t;
    }
}

/* del[] of a count's digits moved up to its sign word on the line above */
#define MOVED_UP 3

/* The bytes s[h..t) of s[c0..c1) that are text: spaces, no-break ones
 * too, and markup trimmed. */
static void
cell_text(const char *s, size_t c0, size_t c1, const unsigned char *del,
          size_t *h, size_t *t)
{
    *h = c0;
    for (;;) {
        if (*h < c1 && (del[*h] || s[*h] == ' '))
            (*h)++;
        else if (*h + 1 < c1 && s[*h] == '\xC2' && s[*h + 1] == '\xA0')
            *h += 2;
        else
            break;
    }
    *t = c1;
    for (;;) {
        if (*t > *h && (del[*t - 1] || s[*t - 1] == ' '))
            (*t)--;
        else if (*t >= *h + 2 && s[*t - 2] == '\xC2' && s[*t - 1] == '\xA0')
            *t -= 2;
        else
            break;
    }
}

/* 1 when s[h..t) is the sign word 增 or 减 alone. */
static int
sign_word(const char *s, size_t h, size_t t)
{
    return t - h == 3 && (memcmp(s + h, "\xE5\xA2\x9E", 3) == 0 || /* 增 */
                          memcmp(s + h, "\xE5\x87\x8F", 3) == 0);  /* 减 */
}

/*
 * Pandoc wraps a multiline table's narrow cell at its spaces: a count
 * with its sign word ("[减 10]{style=...}") sets "[减" over "10]{style=
 * ...}". When the cell's line above held only 增 or 减 and this line
 * starts with the count's digits, they move up after the word (marked
 * MOVED_UP; written by the second pass), so that the count is one value
 * on its row's line, as pandoc's plain text sets it when it does not
 * wrap. Notes whether this line holds a sign word alone, for the next.
 */
static void
join_sign(const char *s, size_t c0, size_t c1, unsigned char *del, mk_t *st)
{
    size_t h, t;
    cell_text(s, c0, c1, del, &h, &t);
    if (st->sign && h < t && s[h] >= '0' && s[h] <= '9') {
        size_t x = h;
        while (x < t && is_num_char(s[x]) && !del[x])
            x++;
        if (x == t && x - h + 1 <= st->sign_room)
            memset(del + h, MOVED_UP, x - h);
    }
    st->sign = sign_word(s, h, t) && !del[h];
    st->sign_room = 0;
    if (st->sign) { /* its markup's columns and its gap's but two */
        size_t gap = 0;
        for (size_t x = t; x < c1; x++)
            gap += !del[x] && s[x] == ' ';
        st->sign_room = lost_width(s, c0, c1, del) + (gap > 2 ? gap - 2 : 0);
    }
}

/* A multiline table's cell view[a..b) holding a sign word alone, whose
 * count's digits on the next line's stretch view[n0..n1) moved up: the
 * word, a space and the digits, then the spaces for its markup fewer by
 * as many. */
static void
emit_cell_signed(emit_t *m, size_t a, size_t b, size_t lost, size_t n0,
                 size_t n1)
{
    size_t t = b;
    while (t > a && (m->del[t - 1] || m->v->s[t - 1] == ' '))
        t--;
    emit_range(m, a, t);
    size_t n = 0;
    for (size_t x = n0; x < n1; x++)
        n += m->del[x] == MOVED_UP;
    size_t gap = 0; /* the cell's spaces after its text */
    for (size_t x = t; x < b; x++)
        gap += !m->del[x] && m->v->s[x] == ' ';
    if (n && !OGI_ALWAYS(n + 1 <= m->ocap - m->o && n + 1 <= lost + gap))
        n = 0;
    size_t need = 0; /* of the gap's spaces, taken */
    if (n) {
        /* each leads to where they now stand, so that raw offsets never
         * go back: the count's span is its word */
        uint32_t r = ogi__view_raw(m->v, t);
        mark(m, m->o, r);
        m->out[m->o++] = ' ';
        for (size_t x = n0; x < n1; x++)
            if (m->del[x] == MOVED_UP) {
                mark(m, m->o, r);
                m->out[m->o++] = m->v->s[x];
            }
        need = n + 1 > lost ? n + 1 - lost : 0;
        lost -= n + 1 - need;
    }
    emit_spaces(m, lost, t);
    size_t x = t;
    for (; need && x < b && (m->del[x] || m->v->s[x] == ' '); x++)
        if (!m->del[x])
            need--;
    emit_range(m, x, b);
}

/* ---- the walk ---- */

typedef struct {
    const char *s;
    size_t len;
    unsigned char *del;
    emit_t *m;
    int emit; /* second pass: write; first pass: mark */
} walk_t;

/* A block line s[a..e): its markup goes (a div's fence, a raw block's
 * "```{=html}" and "```", a comment: all of it; a heading's attributes). */
static void
block_line(walk_t *w, size_t a, size_t e, mk_t *st)
{
    const char *s = w->s;
    if (!w->emit) {
        if (ogi__pmd_is_fence(s, a, e) ||
            (e - a >= 3 && memcmp(s + a, "```", 3) == 0) ||
            (e - a >= 7 && memcmp(s + a, "<!--", 4) == 0 &&
             memcmp(s + e - 3, "-->", 3) == 0))
            memset(w->del + a, 1, e - a);
        else if (s[a] != '<')
            scrub(s, a, e, w->del, st);
        /* a heading's attributes ("## 一、总体情况 {#s1 .unnumbered}") */
        size_t t = e;
        while (t > a && (s[t - 1] == ' ' || s[t - 1] == '\r'))
            t--;
        if (s[a] == '#' && t > a && s[t - 1] == '}') {
            size_t b = t - 1;
            while (b > a && s[b] != '{')
                b--;
            if (s[b] == '{' && b > a && s[b - 1] == ' ' &&
                ogi__pmd_is_attr_start(s + b + 1, s + t))
                memset(w->del + b - 1, 1, t - (b - 1));
        }
        return;
    }
    emit_range(w->m, a, e);
}

static size_t line_end(const char *s, size_t a, size_t n);

/* A table's line s[a..e) cut into its cells by L; st[] the cells'
 * markup. 0 when the line is not the table's. */
static int
table_line(walk_t *w, size_t a, size_t e, const layout_t *L, mk_t *st)
{
    const char *s = w->s;
    size_t cut[MAX_COLS + 2] = {0};
    int nc = L->ncol;
    if (L->kind == 1) {
        if (!grid_bars(s, a, e, L, cut))
            return 0;
        /* cells between bars */
        if (w->emit)
            emit_range(w->m, a, cut[0] + 1);
        for (int k = 0; k < nc; k++) {
            size_t c0 = cut[k] + 1, c1 = cut[k + 1];
            if (!w->emit) {
                scrub(s, c0, c1, w->del, &st[k]);
                join_digits(s, c0, c1, w->del, &st[k]);
                continue;
            }
            size_t lost = lost_width(s, c0, c1, w->del);
            if (st[k].dig1 > st[k].dig0)
                emit_cell_joined(w->m, c0, c1, lost, st[k].dig0, st[k].dig1);
            else
                emit_cell(w->m, c0, c1, lost);
            /* digits this line gives to the next */
            st[k].dig0 = st[k].dig1 = 0;
            for (size_t x = c0; x < c1; x++)
                if (w->del[x] == MOVED) {
                    if (st[k].dig1 == st[k].dig0)
                        st[k].dig0 = x;
                    st[k].dig1 = x + 1;
                }
            emit_range(w->m, c1, c1 + 1);
        }
        if (w->emit)
            emit_range(w->m, cut[nc] + 1, e);
        return 1;
    }
    size_t from = a;
    int fc = 0;
    for (int k = 0; k < nc; k++)
        cut[k] = byte_at_col(s, e, L->col[k], &from, &fc);
    cut[nc] = e;
    if (w->emit)
        emit_range(w->m, a, cut[0]);
    /* the next line's cells, for a count's digits moved up from them */
    size_t ncut[MAX_COLS + 2] = {0}, na = e < w->len ? e + 1 : w->len;
    size_t ne = line_end(s, na, w->len);
    int below = 0;
    for (int k = 0; w->emit && k < nc && !below; k++) {
        size_t h, t;
        cell_text(s, cut[k], cut[k + 1], w->del, &h, &t);
        below = sign_word(s, h, t);
    }
    if (below) {
        size_t nf = na;
        int nfc = 0;
        for (int k = 0; k < nc; k++)
            ncut[k] = byte_at_col(s, ne, L->col[k], &nf, &nfc);
        ncut[nc] = ne;
    }
    for (int k = 0; k < nc; k++) {
        size_t c0 = cut[k], c1 = cut[k + 1];
        if (!w->emit) {
            scrub(s, c0, c1, w->del, &st[k]);
            join_sign(s, c0, c1, w->del, &st[k]);
            continue;
        }
        size_t lost = lost_width(s, c0, c1, w->del);
        if (below)
            emit_cell_signed(w->m, c0, c1, lost, ncut[k], ncut[k + 1]);
        else
            emit_cell(w->m, c0, c1, lost);
    }
    return 1;
}

static size_t
line_end(const char *s, size_t a, size_t n)
{
    const char *nl = memchr(s + a, '\n', n - a);
    return nl ? (size_t)(nl - s) : n;
}

static int
blank(const char *s, size_t a, size_t e)
{
    for (size_t i = a; i < e; i++)
        if (s[i] != ' ' && s[i] != '\r' && s[i] != '\t')
            return 0;
    return 1;
}

/*
 * The walk over the lines: tables cut into cells, raw HTML tables kept,
 * other lines scrubbed. In the first pass markup is marked; in the second
 * the view is written.
 */
static void
walk(walk_t *w)
{
    const char *s = w->s;
    size_t n = w->len;
    mk_t para = {0};
    mk_t st[MAX_COLS];
    layout_t L = {0};
    int html = 0, prev_blank = 1;
    int head_rule = 0; /* the table's next rule is its header's */
    for (size_t a = 0; a < n;) {
        size_t e = line_end(s, a, n);
        size_t next = e < n ? e + 1 : n;
        int was_blank = prev_blank;
        prev_blank = blank(s, a, e);
        if (html) { /* inside a raw HTML table: as it is */
            if (w->emit)
                emit_range(w->m, a, next);
            if (ogi__form_find_ci(s + a, e - a, "</table>"))
                html = 0;
            a = next;
            continue;
        }
        if (e - a >= 6 && memcmp(s + a, "<table", 6) == 0 &&
            !ogi__form_find_ci(s + a, e - a, "</table>")) {
            html = 1;
            if (w->emit)
                emit_range(w->m, a, next);
            a = next;
            continue;
        }
        int g = ogi__pmd_dash_groups(s, a, e);
        if (L.kind == 1) {
            if (ogi__pmd_grid_rule(s, a, e)) {
                memset(st, 0, sizeof(st)); /* a row ends */
                if (w->emit)
                    emit_range(w->m, a, next);
                a = next;
                continue;
            }
            if (e > a && s[a] == '|' && table_line(w, a, e, &L, st)) {
                if (w->emit)
                    emit_range(w->m, e, next);
                a = next;
                continue;
            }
            L.kind = 0; /* the table ended */
        } else if (L.kind == 2) {
            if (g >= 1) {
                /* the header's rule; or the table's end: a full rule, or
                 * a headerless table's closing rule */
                if (g == 1 || !head_rule || !layout_of(s, a, e, 0, &L))
                    L.kind = 0;
                head_rule = 0;
                memset(st, 0, sizeof(st));
                if (w->emit)
                    emit_range(w->m, a, next);
                a = next;
                continue;
            }
            if (blank(s, a, e)) {
                memset(st, 0, sizeof(st)); /* a row ends */
                if (w->emit)
                    emit_range(w->m, a, next);
                a = next;
                continue;
            }
            if (e - a >= 2 && s[a] == ' ' && table_line(w, a, e, &L, st)) {
                if (w->emit)
                    emit_range(w->m, e, next);
                a = next;
                continue;
            }
            L.kind = 0;
        }
        if (ogi__pmd_grid_rule(s, a, e) || g >= 2) {
            /* a table starts: a grid, or a headerless simple or
             * multiline table */
            if (layout_of(s, a, e, ogi__pmd_grid_rule(s, a, e), &L))
                memset(st, 0, sizeof(st));
            head_rule = 0;
            if (w->emit)
                emit_range(w->m, a, next);
            a = next;
            continue;
        }
        if (g == 1) {
            /* a multiline table's top: its header's columns are the rule
             * after it */
            size_t b = next;
            while (b < n) {
                size_t be = line_end(s, b, n);
                if (blank(s, b, be))
                    break;
                if (ogi__pmd_dash_groups(s, b, be) >= 2) {
                    if (layout_of(s, b, be, 0, &L))
                        memset(st, 0, sizeof(st));
                    break;
                }
                b = be < n ? be + 1 : n;
            }
            head_rule = 1;
            if (w->emit)
                emit_range(w->m, a, next);
            a = next;
            continue;
        }
        if (L.kind == 0 && !blank(s, a, e) && e - a >= 2 && s[a] == ' ' &&
            next < n && was_blank) {
            /* a simple table's header: the line above its rule */
            size_t ne = line_end(s, next, n);
            if (ogi__pmd_dash_groups(s, next, ne) >= 2 &&
                layout_of(s, next, ne, 0, &L)) {
                memset(st, 0, sizeof(st));
                head_rule = 1;
                if (table_line(w, a, e, &L, st)) {
                    if (w->emit)
                        emit_range(w->m, e, next);
                    a = next;
                    continue;
                }
                L.kind = 0;
            }
        }
        if (prev_blank)
            memset(&para, 0, sizeof(para));
        else
            block_line(w, a, e, &para);
        if (w->emit)
            emit_range(w->m, e, next);
        a = next;
    }
}

int
ogi__form_pandoc_md(ogi_arena_t *arena, ogi__view_t *v)
{
    if (v->len >= (1u << 30) || !ogi__pmd_is_md(v->s, v->len))
        return 0;
    unsigned char *del = ogi_arena_calloc(arena, v->len + 1, 1);
    char *out = ogi_arena_alloc(arena, v->len + 1);
    if (!del || !out)
        return OGI_ENOMEM;
    emit_t m = {.arena = arena, .v = v, .del = del, .out = out, .ocap = v->len};
    walk_t w = {.s = v->s, .len = v->len, .del = del, .m = &m};
    walk(&w);
    w.emit = 1;
    walk(&w);
    if (m.oom)
        return OGI_ENOMEM;
    out[m.o] = '\0';
    /* the end of the view is the end of the raw bytes */
    mark(&m, m.o, ogi__view_raw(v, v->len));
    if (m.oom)
        return OGI_ENOMEM;
    v->s = out;
    v->len = m.o;
    v->map = m.map;
    v->nmap = m.n;
    return 0;
}
