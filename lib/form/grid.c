/* grid.c - table regions to records of TEXT / VALUE / BLANK tokens. */
#include "ogi_int.h"

#include <string.h>

#include "grid_int.h"
#include "ogi/error.h"

static int
push_tok(ogi__grid_t *g, ogi_arena_t *a, ogi__tok_kind_t kind, size_t off,
         size_t len, const ogi_num_t *num)
{
    if (g->ntoks == g->tcap) {
        size_t cap = g->tcap ? g->tcap * 2 : 256;
        ogi__tok_t *p = ogi_arena_grow(a, g->toks, g->ntoks * sizeof(*p),
                                       cap * sizeof(*p));
        if (!p)
            return OGI_ENOMEM;
        g->toks = p;
        g->tcap = cap;
    }
    ogi__tok_t *t = &g->toks[g->ntoks++];
    memset(t, 0, sizeof(*t));
    t->kind = kind;
    t->off = (uint32_t)off;
    t->len = (uint32_t)len;
    if (num)
        t->num = *num;
    return 0;
}

static int
open_rec(ogi__grid_t *g, ogi_arena_t *a, size_t line)
{
    if (g->nrecs == g->rcap) {
        size_t cap = g->rcap ? g->rcap * 2 : 64;
        ogi__rec_t *p = ogi_arena_grow(a, g->recs, g->nrecs * sizeof(*p),
                                       cap * sizeof(*p));
        if (!p)
            return OGI_ENOMEM;
        g->recs = p;
        g->rcap = cap;
    }
    ogi__rec_t *r = &g->recs[g->nrecs++];
    memset(r, 0, sizeof(*r));
    r->first = (uint32_t)g->ntoks;
    r->line = (uint32_t)line;
    return 0;
}

static void
close_rec(ogi__grid_t *g)
{
    ogi__rec_t *r = &g->recs[g->nrecs - 1];
    r->count = (uint32_t)(g->ntoks - r->first);
    if (r->count == 0) {
        g->nrecs--; /* drop empty records */
        return;
    }
    const char *s = g->text->s;
    for (uint32_t i = r->first; i < r->first + r->count; i++) {
        const ogi__tok_t *t = &g->toks[i];
        if (t->kind != OGI__TOK_TEXT)
            continue;
        if (t->len > 180) {
            r->prosey = 1;
            break;
        }
        /* sentence punctuation: , ; : or 。 */
        const char *p = s + t->off;
        for (uint32_t k = 0; k < t->len && !r->prosey; k++)
            r->prosey = p[k] == ',' || p[k] == ';' || p[k] == ':' ||
                        (p[k] == '\xE3' && t->len - k >= 3 &&
                         p[k + 1] == '\x80' && p[k + 2] == '\x82');
        if (r->prosey)
            break;
    }
}

static int
is_blank_char(char c)
{
    return c == ' ' || c == '\t';
}

static int
is_word_char(char c)
{
    return c != ' ' && c != '\t';
}

/* 1 when s[0..n) is 增 or 减 alone: the sign of the value after it. */
static int
is_sign_word(const char *s, size_t n)
{
    return n == 3 && (memcmp(s, "增", 3) == 0 || memcmp(s, "减", 3) == 0);
}

/*
 * Tokenises one cell s[off..end): words split on spaces; a run of text
 * words is one TEXT token; a number word is a VALUE; "减 22" is one VALUE.
 * Whole-cell values ("减 22" with its space) are tried first.
 */
static int
tokenise_cell(ogi__grid_t *g, ogi_arena_t *a, size_t off, size_t end)
{
    const char *s = g->text->s;
    ogi_num_t num;
    if (ogi_number_parse(s + off, end - off, &num) != OGI_NUM_NONE) {
        while (off < end && is_blank_char(s[off]))
            off++;
        while (end > off && is_blank_char(s[end - 1]))
            end--;
        return push_tok(g, a, OGI__TOK_VALUE, off, end - off, &num);
    }
    size_t text_start = 0, text_end = 0;
    int in_text = 0;
    size_t i = off;
    while (i < end) {
        while (i < end && !is_word_char(s[i]))
            i++;
        if (i >= end)
            break;
        size_t w = i;
        while (i < end && is_word_char(s[i]))
            i++;
        size_t wlen = i - w;
        int rc;
        /* 减 22: sign word then number word */
        if (is_sign_word(s + w, wlen)) {
            size_t j = i;
            while (j < end && s[j] == ' ')
                j++;
            size_t k = j;
            while (k < end && is_word_char(s[k]))
                k++;
            if (k > j && ogi_number_parse(s + w, k - w, &num) == OGI_NUM_VALUE) {
                if (in_text &&
                    (rc = push_tok(g, a, OGI__TOK_TEXT, text_start,
                                   text_end - text_start, NULL)))
                    return rc;
                in_text = 0;
                if ((rc = push_tok(g, a, OGI__TOK_VALUE, w, k - w, &num)))
                    return rc;
                i = k;
                continue;
            }
        }
        if (ogi_number_parse(s + w, wlen, &num) != OGI_NUM_NONE) {
            if (in_text && (rc = push_tok(g, a, OGI__TOK_TEXT, text_start,
                                          text_end - text_start, NULL)))
                return rc;
            in_text = 0;
            if ((rc = push_tok(g, a, OGI__TOK_VALUE, w, wlen, &num)))
                return rc;
            continue;
        }
        if (!in_text) {
            in_text = 1;
            text_start = w;
        }
        text_end = i;
    }
    if (in_text)
        return push_tok(g, a, OGI__TOK_TEXT, text_start,
                        text_end - text_start, NULL);
    return 0;
}

/* One line as one record: cells split on tabs, then on runs of 2+ spaces. */
static int
read_row_line(ogi__grid_t *g, ogi_arena_t *a, size_t start, size_t end)
{
    const char *s = g->text->s;
    /* trailing empty tab cells carry nothing */
    while (end > start && is_blank_char(s[end - 1]))
        end--;
    size_t c = start;
    int rc;
    while (c <= end) {
        size_t ce = c;
        while (ce < end && s[ce] != '\t')
            ce++;
        /* split the tab cell on runs of two or more spaces */
        size_t sc = c;
        int any = 0;
        while (sc < ce) {
            size_t se = sc;
            while (se < ce && !(s[se] == ' ' && se + 1 < ce && s[se + 1] == ' '))
                se++;
            size_t a0 = sc, a1 = se;
            while (a0 < a1 && s[a0] == ' ')
                a0++;
            if (a1 > a0) {
                if ((rc = tokenise_cell(g, a, a0, a1)))
                    return rc;
                any = 1;
            }
            sc = se;
            while (sc < ce && s[sc] == ' ')
                sc++;
        }
        if (!any && ce < end) {
            /* an empty cell between tabs (not layout spaces) */
            if ((rc = push_tok(g, a, OGI__TOK_BLANK, c, 0, NULL)))
                return rc;
        }
        if (ce >= end)
            break;
        c = ce + 1;
    }
    return 0;
}

/* The content start of a cell line ("  \tX"), or -1 if not a cell line. */
static long
cell_line_start(const char *s, size_t start, size_t end)
{
    size_t i = start;
    while (i < end && s[i] == ' ')
        i++;
    if (i < end && s[i] == '\t')
        return (long)(i + 1);
    return -1;
}

static int
is_empty_line(const char *s, size_t start, size_t end)
{
    for (size_t i = start; i < end; i++)
        if (s[i] != ' ')
            return 0;
    return 1;
}

static int
is_page_line(const ogi_text_t *t, size_t l)
{
    /* pdftotext centres footers: indentation does not count */
    const char *p = t->s + t->lines[l].start, *e = t->s + t->lines[l].end;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    size_t n = (size_t)(e - p);
    return n > 0 && n < 40 && ogi_text_is_page_number(p, n);
}

static int
detect_cell_per_line(const ogi_text_t *t, size_t l0, size_t l1)
{
    size_t tab_lines = 0, single = 0;
    for (size_t l = l0; l < l1; l++) {
        const ogi_line_t *ln = &t->lines[l];
        const char *p = memchr(t->s + ln->start, '\t', ln->end - ln->start);
        if (!p)
            continue;
        tab_lines++;
        long cs = cell_line_start(t->s, ln->start, ln->end);
        if (cs >= 0 && !memchr(t->s + cs, '\t', ln->end - (size_t)cs))
            single++;
    }
    return tab_lines >= 4 && single * 2 >= tab_lines;
}

int
ogi__grid_read(ogi__grid_t *g, ogi_arena_t *a, const ogi_text_t *t,
               size_t line0, size_t line1)
{
    memset(g, 0, sizeof(*g));
    g->text = t;
    if (line1 > t->nlines)
        line1 = t->nlines;
    g->cell_per_line = detect_cell_per_line(t, line0, line1);
    const char *s = t->s;
    int rc;
    if (!g->cell_per_line) {
        for (size_t l = line0; l < line1; l++) {
            if (is_page_line(t, l))
                continue;
            if ((rc = open_rec(g, a, l)))
                return rc;
            if ((rc = read_row_line(g, a, t->lines[l].start, t->lines[l].end)))
                return rc;
            close_rec(g);
        }
        return 0;
    }
    /* one cell per line: blocks between empty lines; a line without the
     * leading tab continues the cell above it (labels split over lines) */
    int in_block = 0;
    size_t l = line0;
    while (l < line1) {
        const ogi_line_t *ln = &t->lines[l];
        if (is_empty_line(s, ln->start, ln->end)) {
            if (in_block)
                close_rec(g);
            in_block = 0;
            l++;
            continue;
        }
        if (is_page_line(t, l)) {
            l++; /* a page footer between cells is no cell */
            continue;
        }
        long cs = cell_line_start(s, ln->start, ln->end);
        if (cs < 0) {
            /* a line of its own (narrative, heading) outside any cell */
            if (in_block)
                close_rec(g);
            in_block = 0;
            if ((rc = open_rec(g, a, l)) ||
                (rc = read_row_line(g, a, ln->start, ln->end)))
                return rc;
            close_rec(g);
            l++;
            continue;
        }
        if (!in_block) {
            if ((rc = open_rec(g, a, l)))
                return rc;
            in_block = 1;
        }
        size_t cend = ln->end;
        size_t m = l + 1;
        while (m < line1) {
            const ogi_line_t *nx = &t->lines[m];
            if (is_empty_line(s, nx->start, nx->end) ||
                cell_line_start(s, nx->start, nx->end) >= 0 ||
                is_page_line(t, m))
                break;
            cend = nx->end;
            m++;
        }
        size_t cstart = (size_t)cs;
        size_t a0 = cstart, a1 = cend;
        while (a0 < a1 && ogi_text_is_space((unsigned char)s[a0]))
            a0++;
        while (a1 > a0 && ogi_text_is_space((unsigned char)s[a1 - 1]))
            a1--;
        if (a1 == a0) {
            rc = push_tok(g, a, OGI__TOK_BLANK, cstart, 0, NULL);
        } else {
            ogi_num_t num;
            if (ogi_number_parse(s + a0, a1 - a0, &num) != OGI_NUM_NONE)
                rc = push_tok(g, a, OGI__TOK_VALUE, a0, a1 - a0, &num);
            else
                rc = push_tok(g, a, OGI__TOK_TEXT, a0, a1 - a0, NULL);
        }
        if (rc)
            return rc;
        l = m;
    }
    if (in_block)
        close_rec(g);
    return 0;
}
