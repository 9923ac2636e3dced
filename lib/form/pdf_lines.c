/*
 * pdf_lines.c - a PDF page's lines rebuilt from its glyph boxes
 * (pdf_lines_int.h).
 *
 * A blank glyph is not laid out but is remembered on the glyph after it:
 * "第 711 号" keeps its spaces when they are narrower than the gap rule.
 *
 * Lines: glyphs sorted by the middle of their box, a glyph joining the
 * line above while its middle is within 0.4 of a glyph's height of that
 * line's; a table's cells vertically centred beside a wrapped label thus
 * get a line of their own, as pdftotext gives them.
 *
 * The grid: each glyph takes one column, as in pdftotext; the gap before a
 * glyph decides the spaces. Under a quarter of the grid step, none (the
 * glyphs of a word); under one step, one (words of a phrase, justified
 * text); wider, the glyph goes to its own column on the grid, at least two
 * spaces on (a new cell to the readers, which split on two spaces).
 */
#include "ogi_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#include "ogi/text.h"
#include "pdf_lines_int.h"
#include "pdf_table_int.h"

/* the widest line in grid columns: boxes far off the page stop here */
#define MAX_COL 1000

static int
is_blank(uint32_t c)
{
    return c <= 0x20 || c == 0x7F || c == 0xA0 || c == 0x3000 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0xFEFF || c == 0x00AD ||
           (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF;
}

/* CJK ideographs, kana, fullwidth forms: the glyphs that set the grid */
static int
is_wide(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF01 && c <= 0xFF60) || (c >= 0x20000 && c <= 0x3FFFF);
}

static size_t
utf8_put(char *o, uint32_t c)
{
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (char)(0xE0 | (c >> 12));
        o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (c >> 18));
    o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

static int
cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

static int
by_middle(const void *a, const void *b)
{
    const ogi__pdf_glyph_t *p = a, *q = b;
    float x = p->y0 + p->y1, y = q->y0 + q->y1;
    if (x != y)
        return (x > y) - (x < y);
    return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static int
by_x(const void *a, const void *b)
{
    const ogi__pdf_glyph_t *p = a, *q = b;
    return (p->x0 > q->x0) - (p->x0 < q->x0);
}

/* The median of v[0..n) (reordered); 0 for none. */
static float
median(float *v, size_t n)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof(*v), cmp_float);
    return v[n / 2];
}

/* Writes line g[0..n) (sorted by x) on the grid of step cw from x origin
 * ox into *ln (arena). */
static int
lay_line(ogi_arena_t *arena, const ogi__pdf_glyph_t *g, size_t n, float ox,
         float cw, ogi__pdf_line_t *ln)
{
    /* at most MAX_COL spaces in all, four bytes a glyph */
    char *o = ogi_arena_alloc(arena, MAX_COL + 4 * n + 1);
    if (!o)
        return OGI_ENOMEM;
    size_t len = 0, col = 0, spaces_left = MAX_COL;
    const ogi__pdf_glyph_t *prev = NULL;
    for (size_t i = 0; i < n; i++) {
        const ogi__pdf_glyph_t *c = &g[i];
        /* a glyph drawn twice over itself (fake bold) is written once */
        if (prev && c->cp == prev->cp &&
            fabsf(c->x0 - prev->x0) < 0.3f * (prev->x1 - prev->x0 + 0.1f))
            continue;
        float t = (c->x0 - ox) / cw;
        size_t target = t <= 0         ? 0
                        : t >= MAX_COL ? MAX_COL
                                       : (size_t)(t + 0.5f);
        size_t sp;
        if (!prev) {
            sp = target;
        } else {
            float gap = c->x0 - prev->x1;
            /* a blank the PDF's text has between the two is kept */
            if (gap < 0.25f * cw)
                sp = c->space_before && gap > -0.1f * cw ? 1 : 0;
            else if (gap < cw)
                sp = 1;
            else
                sp = target > col + 2 ? target - col : 2;
        }
        if (sp > spaces_left)
            sp = spaces_left;
        spaces_left -= sp;
        memset(o + len, ' ', sp);
        len += sp;
        col += sp;
        len += utf8_put(o + len, c->cp);
        col++;
        prev = c;
    }
    o[len] = '\0';
    ln->s = o;
    ln->len = len;
    return 0;
}

/* The lines of g[0..n) (reordered), laid out on the grid of step cw from
 * x origin ox, into *out (arena), top to bottom: *nout of them. */
static int
cluster(ogi_arena_t *arena, ogi__pdf_glyph_t *g, size_t n, float ox, float cw,
        ogi__pdf_line_t **out, size_t *nout)
{
    *out = NULL;
    *nout = 0;
    if (n == 0)
        return 0;
    qsort(g, n, sizeof(*g), by_middle);
    size_t nl = 0;
    for (size_t a = 0; a < n;) {
        float m = (g[a].y0 + g[a].y1) / 2, gh = g[a].y1 - g[a].y0;
        size_t b = a + 1;
        while (b < n) {
            float bm = (g[b].y0 + g[b].y1) / 2, bh = g[b].y1 - g[b].y0;
            if (bm - m > 0.4f * (gh > bh ? gh : bh))
                break;
            b++;
        }
        nl++;
        a = b;
    }
    ogi__pdf_line_t *lines = ogi_arena_alloc(arena, nl * sizeof(*lines));
    if (!lines)
        return OGI_ENOMEM;
    size_t k = 0;
    for (size_t a = 0; a < n;) {
        float m = (g[a].y0 + g[a].y1) / 2, gh = g[a].y1 - g[a].y0;
        size_t b = a + 1;
        while (b < n) {
            float bm = (g[b].y0 + g[b].y1) / 2, bh = g[b].y1 - g[b].y0;
            if (bm - m > 0.4f * (gh > bh ? gh : bh))
                break;
            b++;
        }
        ogi__pdf_line_t *ln = &lines[k++];
        memset(ln, 0, sizeof(*ln));
        ln->y0 = g[a].y0;
        ln->y1 = g[a].y1;
        for (size_t i = a; i < b; i++) {
            if (g[i].y0 < ln->y0)
                ln->y0 = g[i].y0;
            if (g[i].y1 > ln->y1)
                ln->y1 = g[i].y1;
        }
        qsort(g + a, b - a, sizeof(*g), by_x);
        int rc = lay_line(arena, g + a, b - a, ox, cw, ln);
        if (rc)
            return rc;
        a = b;
    }
    *out = lines;
    *nout = nl;
    return 0;
}

typedef struct {
    ogi__pdf_glyph_t g;
    int table, slot; /* the table and the slot where its cell starts */
} placed_t;

static int
by_cell(const void *a, const void *b)
{
    const placed_t *p = a, *q = b;
    if (p->table != q->table)
        return (p->table > q->table) - (p->table < q->table);
    return (p->slot > q->slot) - (p->slot < q->slot);
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Writes cell text lines[0..n) into b: each line's runs of spaces as one,
 * the lines joined by <br>, but a number wrapped in a narrow cell ("82"
 * over "8") joined whole, and CJK text wrapped in one ("不适" over "用")
 * too: a PDF cannot tell a wrap from a break, and the readers take a
 * broken "不适 用" for two values while a label reads the same either way;
 * no space between a number and a CJK character. */
static void
cell_text(ogi__view_buf_t *b, const ogi__pdf_line_t *lines, size_t n)
{
    for (size_t l = 0; l < n; l++) {
        const char *s = lines[l].s, *e = s + lines[l].len;
        while (s < e && *s == ' ')
            s++;
        const ogi__pdf_line_t *pl = l ? &lines[l - 1] : NULL;
        if (pl && pl->len && s < e) {
            /* the last character of the line before: its first byte */
            const char *q = pl->s + pl->len - 1;
            while (q > pl->s && ((unsigned char)*q & 0xC0) == 0x80)
                q--;
            int num = is_digit(*q) && is_digit(*s);
            int cjk = (unsigned char)*q >= 0xE3 && (unsigned char)*s >= 0xE3;
            if (!num && !cjk)
                ogi__view_buf_puts(b, "<br>");
        }
        while (s < e) {
            const char *p = s;
            while (p < e && *p != ' ')
                p++;
            ogi__view_buf_escape(b, s, (size_t)(p - s));
            const char *q = p - 1; /* the last character's first byte */
            while (q > s && ((unsigned char)*q & 0xC0) == 0x80)
                q--;
            while (p < e && *p == ' ')
                p++;
            /* a number and its unit are one ("3127000元"): the gap a
             * wide glyph's side bearing makes is no space */
            if (p < e && !(is_digit(*q) && (unsigned char)*p >= 0xE3) &&
                !((unsigned char)*q >= 0xE3 && is_digit(*p)))
                ogi__view_buf_put(b, " ", 1);
            s = p;
        }
    }
}

/* Whether glyphs g[0..m) are all digits (a value of the table). */
static int
all_digits(const ogi__pdf_glyph_t *g, size_t m)
{
    for (size_t i = 0; i < m; i++)
        if (g[i].cp < '0' || g[i].cp > '9')
            return 0;
    return m > 0;
}

/*
 * Writes a cell of table t's last column the page's right edge cut, in a
 * row of values (t->open_right: the table is wider than the page), as
 * the pattern of place_lost.c: the digits seen, then a '?' for each digit
 * that may be lost. poppler keeps a glyph that starts on the page, so
 * digits are lost only after one that ends past the edge; an empty cell
 * there may hold a value wholly past it. Returns 1 when written, else 0
 * (the cell is whole: written as any other).
 */
static int
cut_cell(ogi__view_buf_t *b, const ogi__pdf_table_t *t,
         const ogi__pdf_glyph_t *g, size_t m)
{
    float right = 0;
    for (size_t i = 0; i < m; i++)
        right = g[i].x1 > right ? g[i].x1 : right;
    if (m && (!all_digits(g, m) || right < t->edge - 0.5f))
        return 0;
    ogi__view_buf_puts(b, "<td class=\"ogi-cut\">");
    for (size_t i = 0; i < m; i++) {
        char d = (char)g[i].cp;
        ogi__view_buf_put(b, &d, 1);
    }
    ogi__view_buf_puts(b, "?" "?" "?</td>"); /* no trigraph */
    return 1;
}

/* The rows of table t as markup, one <tr> a line, into *ln; its cells'
 * glyphs are p[0..n) (sorted by slot). */
static int
lay_table(ogi_arena_t *arena, const ogi__pdf_table_t *t, placed_t *p, size_t n,
          float cw, ogi__pdf_line_t *ln)
{
    ogi__view_buf_t b;
    ogi__view_buf_init(&b, arena);
    ogi__pdf_glyph_t *g = ogi_arena_alloc(arena, (n ? n : 1) * sizeof(*g));
    if (!g)
        return OGI_ENOMEM;
    size_t at = 0;
    for (int r = 0; r < t->nrows; r++) {
        ogi__view_buf_puts(&b, "<tr>");
        int values = 0; /* a cell of the row before holds a number */
        for (int c = 0; c < t->ncols; c++) {
            int s = r * t->ncols + c;
            if (t->owner[s] != s)
                continue;
            size_t m = 0;
            while (at < n && p[at].slot < s)
                at++;
            while (at < n && p[at].slot == s)
                g[m++] = p[at++].g;
            if (t->open_right && values && t->rowspan[s] == 1 &&
                c + t->colspan[s] == t->ncols && cut_cell(&b, t, g, m))
                continue;
            values |= all_digits(g, m);
            char tag[64];
            int k = snprintf(tag, sizeof(tag), "<td");
            if (t->rowspan[s] > 1)
                k += snprintf(tag + k, sizeof(tag) - (size_t)k,
                              " rowspan=\"%d\"", t->rowspan[s]);
            if (t->colspan[s] > 1)
                k += snprintf(tag + k, sizeof(tag) - (size_t)k,
                              " colspan=\"%d\"", t->colspan[s]);
            ogi__view_buf_puts(&b, tag);
            ogi__view_buf_puts(&b, ">");
            ogi__pdf_line_t *lines;
            size_t nl;
            int rc = cluster(arena, g, m, t->xs[c], cw, &lines, &nl);
            if (rc)
                return rc;
            cell_text(&b, lines, nl);
            ogi__view_buf_puts(&b, "</td>");
        }
        ogi__view_buf_puts(&b, r + 1 < t->nrows ? "</tr>\n" : "</tr>");
    }
    memset(ln, 0, sizeof(*ln));
    ln->y0 = t->ys[0];
    ln->y1 = t->ys[t->nrows];
    ln->table = t;
    return ogi__view_buf_finish(&b, &ln->s, &ln->len);
}

static int
by_top(const void *a, const void *b)
{
    const ogi__pdf_line_t *p = a, *q = b;
    return (p->y0 > q->y0) - (p->y0 < q->y0);
}

int
ogi__pdf_page_lines(ogi_arena_t *arena, ogi__pdf_glyph_t *g, size_t n,
                    float height, const ogi__pdf_table_t *tables,
                    size_t ntables, ogi__pdf_page_t *page)
{
    memset(page, 0, sizeof(*page));
    page->height = height;
    /* the glyphs kept: not blank, with a finite box of some height */
    size_t k = 0;
    int blank = 0;
    for (size_t i = 0; i < n; i++) {
        ogi__pdf_glyph_t c = g[i];
        if (is_blank(c.cp)) {
            blank = 1;
            continue;
        }
        c.space_before |= blank;
        blank = 0;
        if (!isfinite(c.x0) || !isfinite(c.x1) || !isfinite(c.y0) ||
            !isfinite(c.y1))
            continue;
        if (c.x1 < c.x0) {
            float s = c.x0;
            c.x0 = c.x1;
            c.x1 = s;
        }
        if (c.y1 < c.y0) {
            float s = c.y0;
            c.y0 = c.y1;
            c.y1 = s;
        }
        if (c.y1 - c.y0 < 0.01f)
            continue;
        g[k++] = c;
    }
    n = k;
    if (n == 0)
        return 0;
    float *v = ogi_arena_alloc(arena, n * sizeof(*v));
    if (!v)
        return OGI_ENOMEM;
    /* the grid step: the typical wide glyph's width, else any glyph's */
    size_t nv = 0;
    float ox = g[0].x0;
    for (size_t i = 0; i < n; i++) {
        if (g[i].x0 < ox)
            ox = g[i].x0;
        if (is_wide(g[i].cp))
            v[nv++] = g[i].x1 - g[i].x0;
    }
    float cw = median(v, nv);
    if (nv == 0) {
        for (size_t i = 0; i < n; i++)
            v[i] = g[i].x1 - g[i].x0;
        cw = median(v, n);
    }
    for (size_t i = 0; i < n; i++)
        v[i] = g[i].y1 - g[i].y0;
    float h = median(v, n);
    if (!(cw > 0.5f))
        cw = h > 0.5f ? h : 1;

    /* the glyphs inside a table go to its cells, the others to lines */
    placed_t *p = NULL;
    size_t np = 0;
    if (ntables) {
        p = ogi_arena_alloc(arena, n * sizeof(*p));
        if (!p)
            return OGI_ENOMEM;
        k = 0;
        for (size_t i = 0; i < n; i++) {
            float x = (g[i].x0 + g[i].x1) / 2, y = (g[i].y0 + g[i].y1) / 2;
            int s = -1;
            size_t t = 0;
            for (; t < ntables && s < 0; t++)
                s = ogi__pdf_table_slot(&tables[t], x, y);
            if (s < 0) {
                g[k++] = g[i];
                continue;
            }
            p[np].g = g[i];
            p[np].table = (int)t - 1;
            p[np].slot = tables[t - 1].owner[s];
            np++;
        }
        n = k;
        qsort(p, np, sizeof(*p), by_cell);
    }
    ogi__pdf_line_t *text;
    size_t nt;
    int rc = cluster(arena, g, n, ox, cw, &text, &nt);
    if (rc)
        return rc;
    page->lines =
        ogi_arena_alloc(arena, (nt + ntables + 1) * sizeof(*page->lines));
    if (!page->lines)
        return OGI_ENOMEM;
    if (nt)
        memcpy(page->lines, text, nt * sizeof(*text));
    page->n = nt;
    size_t at = 0;
    for (size_t t = 0; t < ntables; t++) {
        size_t from = at;
        while (at < np && p[at].table == (int)t)
            at++;
        if (at == from)
            continue; /* rules around no text: no table to read */
        if ((rc = lay_table(arena, &tables[t], p + from, at - from, cw,
                            &page->lines[page->n])))
            return rc;
        page->n++;
    }
    /* tables among the lines by their top; text lines stay in order */
    qsort(page->lines, page->n, sizeof(*page->lines), by_top);
    for (size_t l = 1; l < page->n; l++)
        page->lines[l].blank_before =
            page->lines[l].y0 - page->lines[l - 1].y1 > h;
    return 0;
}

/* s[0..n) without spaces, each run of digits as '#' and dashes as '-',
 * into o (size osz); the first two numbers into num[]. Returns the length,
 * or osz when it does not fit. */
static size_t
shape(const char *s, size_t n, char *o, size_t osz, long num[2], int *nnum)
{
    size_t k = 0, i = 0;
    *nnum = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        int d = -1;
        size_t w = 1;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (i + 3 <= n && memcmp(s + i, "\xEF\xBC", 2) == 0 &&
                 (unsigned char)s[i + 2] >= 0x90 &&
                 (unsigned char)s[i + 2] <= 0x99) {
            d = (unsigned char)s[i + 2] - 0x90; /* fullwidth digit */
            w = 3;
        }
        if (d >= 0) {
            long v = 0;
            while (i < n) {
                c = (unsigned char)s[i];
                if (c >= '0' && c <= '9') {
                    d = c - '0';
                    w = 1;
                } else if (i + 3 <= n && memcmp(s + i, "\xEF\xBC", 2) == 0 &&
                           (unsigned char)s[i + 2] >= 0x90 &&
                           (unsigned char)s[i + 2] <= 0x99) {
                    d = (unsigned char)s[i + 2] - 0x90;
                    w = 3;
                } else {
                    break;
                }
                if (v < 100000000)
                    v = v * 10 + d;
                i += w;
            }
            if (*nnum < 2)
                num[*nnum] = v;
            ++*nnum;
            if (k + 1 >= osz)
                return osz;
            o[k++] = '#';
            continue;
        }
        if (c == ' ' || c == '\t') {
            i++;
            continue;
        }
        /* dashes: - – — ― － ‒ */
        static const char *const dash[] = {"\xE2\x80\x93", "\xE2\x80\x94",
                                           "\xE2\x80\x95", "\xEF\xBC\x8D",
                                           "\xE2\x80\x92"};
        int is_dash = c == '-';
        for (size_t j = 0; !is_dash && j < 5; j++)
            if (i + 3 <= n && memcmp(s + i, dash[j], 3) == 0) {
                is_dash = 1;
                w = 3;
            }
        if (is_dash) {
            if (k + 1 >= osz)
                return osz;
            o[k++] = '-';
            i += w;
            continue;
        }
        if (i + 3 <= n && memcmp(s + i, "\xEF\xBC\x8F", 3) == 0) {
            if (k + 1 >= osz)
                return osz;
            o[k++] = '/'; /* fullwidth solidus */
            i += 3;
            continue;
        }
        if (k + 1 >= osz)
            return osz;
        o[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        i++;
    }
    o[k] = '\0';
    return k;
}

int
ogi__pdf_is_page_number(const char *s, size_t n, long *num)
{
    char o[64];
    long v[2] = {0, 0};
    int nv;
    size_t k = shape(s, n, o, sizeof(o), v, &nv);
    if (k >= sizeof(o) || nv == 0)
        return 0;
    static const char *const first[] = {
        "-#-",          "--#--", "第#页",   "第#页共#页", "第#页/共#页",
        "第#页,共#页",  "#/#",   "page#",   "page#of#",   "-#/#-",
        "第#页，共#页", "p.#",   "-第#页-",
    };
    for (size_t i = 0; i < sizeof(first) / sizeof(*first); i++)
        if (strcmp(o, first[i]) == 0) {
            *num = v[0];
            return 1;
        }
    if (strcmp(o, "共#页第#页") == 0 || strcmp(o, "共#页,第#页") == 0 ||
        strcmp(o, "共#页，第#页") == 0) {
        *num = v[1];
        return 1;
    }
    return 0;
}

/* 1 when line l of a page of n lines and height h lies in its top or
 * bottom band: the outer three lines, in the outer 12% of the page */
static int
in_band(const ogi__pdf_page_t *p, size_t l)
{
    const ogi__pdf_line_t *ln = &p->lines[l];
    float h = p->height > 0 ? p->height : 842;
    return (l < 3 && ln->y1 < 0.12f * h) ||
           (l + 3 >= p->n && ln->y0 > 0.88f * h);
}

typedef struct {
    size_t page, line;
    float y;
    char key[96];
    long lone; /* a lone number's value, else -1 */
} cand_t;

void
ogi__pdf_drop_furniture(ogi__pdf_page_t *pages, size_t n)
{
    /* page numbers by their form, on the page's first or last line */
    for (size_t p = 0; p < n; p++) {
        ogi__pdf_page_t *pg = &pages[p];
        for (size_t l = 0; l < pg->n; l++) {
            long v;
            if (!pg->lines[l].table &&
                (l < 2 || l + 2 >= pg->n || in_band(pg, l)) &&
                ogi__pdf_is_page_number(pg->lines[l].s, pg->lines[l].len, &v))
                pg->lines[l].drop = 1;
        }
    }
    if (n < 2)
        return;
    /* the band lines of every page, shaped */
    size_t nc = 0;
    for (size_t p = 0; p < n; p++)
        nc += pages[p].n < 6 ? pages[p].n : 6;
    cand_t *c = calloc(nc ? nc : 1, sizeof(*c));
    if (!c)
        return; /* the furniture stays: text is never lost for it */
    size_t k = 0;
    for (size_t p = 0; p < n; p++) {
        ogi__pdf_page_t *pg = &pages[p];
        for (size_t l = 0; l < pg->n && k < nc; l++) {
            if (!(l < 3 || l + 3 >= pg->n) || !in_band(pg, l) ||
                pg->lines[l].drop || pg->lines[l].table)
                continue;
            cand_t *x = &c[k];
            long v[2];
            int nv;
            if (shape(pg->lines[l].s, pg->lines[l].len, x->key, sizeof(x->key),
                      v, &nv) >= sizeof(x->key))
                continue;
            x->page = p;
            x->line = l;
            x->y = pg->lines[l].y0;
            x->lone = strcmp(x->key, "#") == 0 ? v[0] : -1;
            k++;
        }
    }
    size_t need = n >= 3 ? (n + 1) / 2 : 2;
    for (size_t i = 0; i < k; i++) {
        size_t same = 1, counting = 0;
        size_t last = c[i].page;
        for (size_t j = 0; j < k; j++) {
            if (j == i || c[j].page == c[i].page)
                continue;
            if (c[i].lone >= 0) {
                /* a lone number counting the pages with another's */
                if (c[j].lone >= 0 &&
                    c[j].lone - (long)c[j].page ==
                        c[i].lone - (long)c[i].page &&
                    fabsf(c[j].y - c[i].y) < 40)
                    counting = 1;
            } else if (fabsf(c[j].y - c[i].y) < 3 &&
                       strcmp(c[j].key, c[i].key) == 0 && c[j].page != last) {
                same++;
                last = c[j].page;
            }
        }
        if (counting || (c[i].lone < 0 && same >= need))
            pages[c[i].page].lines[c[i].line].drop = 1;
    }
    free(c);
}

/* 1 when tables a and b have the same columns: b continues a */
static int
same_columns(const ogi__pdf_table_t *a, const ogi__pdf_table_t *b)
{
    if (a->ncols != b->ncols)
        return 0;
    for (int i = 0; i <= a->ncols; i++)
        if (fabsf(a->xs[i] - b->xs[i]) > 3)
            return 0;
    return 1;
}

void
ogi__pdf_write_pages(ogi__view_buf_t *b, const ogi__pdf_page_t *pages, size_t n)
{
    const ogi__pdf_table_t *open = NULL; /* the last thing written */
    const char *head = NULL;             /* its first row */
    size_t headlen = 0;
    for (size_t p = 0; p < n; p++) {
        int any = 0;
        for (size_t l = 0; l < pages[p].n; l++) {
            const ogi__pdf_line_t *ln = &pages[p].lines[l];
            if (ln->drop)
                continue;
            if (ln->table) {
                const char *s = ln->s, *e = s + ln->len;
                const char *nl = memchr(s, '\n', ln->len);
                size_t first = nl ? (size_t)(nl - s) : ln->len;
                if (open && !any && same_columns(open, ln->table)) {
                    /* a table going on from the page before; its header
                     * row repeated there is left out */
                    if (head && first == headlen && memcmp(s, head, first) == 0)
                        s = nl ? nl + 1 : e;
                } else {
                    if (open)
                        ogi__view_buf_puts(b, "</table>\n");
                    if (any && ln->blank_before)
                        ogi__view_buf_put(b, "\n", 1);
                    ogi__view_buf_puts(b, "<table>\n");
                    head = s;
                    headlen = first;
                }
                if (s < e) {
                    ogi__view_buf_put(b, s, (size_t)(e - s));
                    ogi__view_buf_put(b, "\n", 1);
                }
                open = ln->table;
                any = 1;
                continue;
            }
            if (open)
                ogi__view_buf_puts(b, "</table>\n");
            open = NULL;
            if (any && ln->blank_before)
                ogi__view_buf_put(b, "\n", 1);
            ogi__view_buf_put(b, ln->s, ln->len);
            ogi__view_buf_put(b, "\n", 1);
            any = 1;
        }
    }
    if (open)
        ogi__view_buf_puts(b, "</table>\n");
}
