/*
 * read_pipe.c - | a | b | pipe tables: Markdown (pandoc -t gfm), and what
 * PDF-to-Markdown and OCR pipelines write.
 *
 * A row is one line of cells between unescaped bars; the |---|:--:| rule
 * under a header carries nothing and is skipped. Cells may hold Markdown:
 * \| is a bar inside a cell, **bold** and __bold__ lose their marks, <br>
 * (a line break inside the cell) joins the cell's lines. An empty cell is
 * BLANK.
 *
 * Pipelines cut a long table into many small ones (one per page or row
 * group), repeat or invent header rows, and leave a row's label as loose
 * text lines before the table holding its values. Every line that is not
 * a pipe row is read as a plain line (its Markdown stripped) in its own
 * row, in reading order, so placement sees labels and values in the order
 * the report printed them.
 */
#include "ogi_int.h"

#include <string.h>

#include "ogi/error.h"
#include "read_pipe_int.h"
#include "reader_int.h"

#define MAX_CELL_BYTES 1024 /* a cell longer than this is cut (narrative) */
#define MAX_TAG_BYTES  512  /* a tag with its attributes (<span style=...>) */

/* column_rule(t, l) for a rule line l: 0, 1 or 2 as below. */

/* Whether a line of [l0, l1) is the rule under a table's first row: a
 * rule with a bar between two columns' dashes ("---|---", "|:--|--:|"),
 * or dashes alone right below a line of text (a one-column first row:
 * Python's html2text writes a caption "第二十条第（一）项" so, its rows
 * of more columns below). Such a table's rows may go without their
 * outer bars ("规章| 0| 0| 0"), as GFM allows. Returns 0 (none), 1 (a
 * rule with outer bars: "|---|---|") or 2 (one without: "---|---", a
 * table whose writer draws no outer bars, so that each bar of its rows
 * stands between two cells, an empty one included: "其他|  " ends in an
 * empty cell, " | 2.重复申请| 0" starts with one). */
static int
column_rule(const ogi_text_t *t, size_t l)
{
    const char *p = t->s + t->lines[l].start;
    size_t n = t->lines[l].end - t->lines[l].start;
    for (size_t i = 1; i + 1 < n; i++)
        if (p[i] == '|' && (p[i - 1] == '-' || p[i - 1] == ':') &&
            (p[i + 1] == '-' || p[i + 1] == ':'))
            return p[skip_blank(t, t->lines[l].start, t->lines[l].end) -
                     t->lines[l].start] == '|'
                       ? 1
                       : 2;
    return 0;
}

static int
has_table_rule(const ogi_text_t *t, size_t l0, size_t l1)
{
    for (size_t l = l0; l < l1; l++) {
        if (l > l0 && t->s[t->lines[l].start] == '-' && is_dash_rule(t, l) &&
            !ogi__table_is_empty_line(t, l - 1))
            return 2;
        int k = is_rule(t, l) ? column_rule(t, l) : 0;
        if (k)
            return k;
    }
    return 0;
}

/* Length of an HTML tag at s[0..n) ("<br>", "<br />", "</p>"), or 0. */
static size_t
tag_len(const char *s, size_t n)
{
    if (n < 3 || s[0] != '<')
        return 0;
    size_t i = 1;
    if (s[i] == '/')
        i++;
    if (i >= n || !ogi_text_is_alpha((unsigned char)s[i]))
        return 0;
    for (; i < n && i < MAX_TAG_BYTES; i++) {
        if (s[i] == '>')
            return i + 1;
        if (s[i] == '<' || s[i] == '\n')
            return 0;
    }
    return 0;
}

/*
 * Copies s[0..n) into out[0..cap) without its Markdown: backslash escapes
 * lose the backslash, ** and __ and single * go, an HTML tag (a <br>, the
 * cell's line break) becomes a space. Returns the length written.
 */
static size_t
clean(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o < cap; i++) {
        char c = s[i];
        if (c == '\\' && i + 1 < n &&
            strchr("|\\*_#`[]()<>-+.!", s[i + 1]) != NULL) {
            out[o++] = s[++i];
            continue;
        }
        if (c == '*')
            continue;
        if (c == '_' && i + 1 < n && s[i + 1] == '_') {
            i++;
            continue;
        }
        size_t k = tag_len(s + i, n - i);
        if (k) {
            out[o++] = ' ';
            i += k - 1;
            continue;
        }
        out[o++] = c;
    }
    return o;
}

/* 1 when s[0..n) holds a byte clean() would change. */
static int
has_markup(const char *s, size_t n)
{
    for (size_t i = 0;; i++) {
        i = find4(s, i, n, '\\', '*', '<', '_');
        if (i >= n)
            return 0;
        /* a single underscore is text */
        if (s[i] != '_' || (i + 1 < n && s[i + 1] == '_'))
            return 1;
    }
}

/* Appends the cell whose source is t->s[a..b). */
static int
add_cell(ogi__table_t *tb, const ogi_text_t *t, size_t a, size_t b)
{
    const char *s = t->s;
    while (a < b && ogi_text_is_space((unsigned char)s[a]))
        a++;
    while (b > a && ogi_text_is_space((unsigned char)s[b - 1]))
        b--;
    if (!has_markup(s + a, b - a))
        return ogi__table_add_cell(tb, s + a, b - a, a) ? 0 : OGI_ENOMEM;
    char buf[MAX_CELL_BYTES];
    size_t n = clean(s + a, b - a, buf, sizeof(buf));
    size_t x = 0, y = n;
    while (x < y && ogi_text_is_space((unsigned char)buf[x]))
        x++;
    while (y > x && ogi_text_is_space((unsigned char)buf[y - 1]))
        y--;
    char *c = ogi__table_strdup(tb, buf + x, y - x);
    if (!c)
        return OGI_ENOMEM;
    ogi__cell_t *cell = ogi__table_add_cell(tb, c, y - x, a);
    if (!cell)
        return OGI_ENOMEM;
    /* the span is the source's, not the cleaned text's */
    cell->off = (uint32_t)a;
    cell->len = cell->kind == OGI__CELL_BLANK ? 0 : (uint32_t)(b - a);
    return 0;
}

/* Reads pipe row l as one table row; row index r. With open (a table
 * drawn without outer bars), a bar at either end of the row stands
 * between the cells and an empty one beyond it. */
static int
read_row(ogi__table_t *tb, const ogi_text_t *t, size_t l, int16_t r, int open)
{
    const char *s = t->s;
    size_t a = skip_blank(t, t->lines[l].start, t->lines[l].end);
    size_t e = t->lines[l].end;
    while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    int rc = ogi__table_row_open(tb, l);
    if (rc)
        return rc;
    /* a row without its outer bars still has a first and a last cell */
    size_t c0 = s[a] == '|' && !open ? a + 1 : a;
    size_t stop = e > c0 && s[e - 1] == '|' && !open ? e - 1 : e;
    int16_t col = 0;
    size_t i = c0;
    while (i <= stop) {
        size_t j = i;
        /* to the next bar that is not escaped */
        while ((j = find4(s, j, stop, '|', '\\', '|', '\\')) < stop &&
               s[j] != '|')
            j += j + 1 < stop ? 2 : 1;
        if (j > stop)
            j = stop;
        size_t before = tb->ncells;
        if ((rc = add_cell(tb, t, i, j)))
            return rc;
        if (tb->ncells > before) {
            tb->cells[before].row = r;
            tb->cells[before].col = col;
        }
        col++;
        if (j >= stop)
            break;
        i = j + 1;
    }
    ogi__table_row_close(tb);
    return 0;
}

/*
 * Where an item's numbering ("2.没有…") starts inside s[0..n) after other
 * text, or 0. A PDF extraction reads a group label printed down its cell
 * ("（四）无/法提供") a line at a time, into the labels beside it:
 * "（四）无2.没有现成信息需要另". An ideograph before the digits and one
 * after the dot tell it from a decimal number.
 */
static size_t
item_start(const char *s, size_t n)
{
    for (size_t i = 3; i + 1 < n; i++) {
        if (!ogi_text_is_digit((unsigned char)s[i]) ||
            (unsigned char)s[i - 1] < 0x80)
            continue;
        size_t j = i;
        while (j < n && ogi_text_is_digit((unsigned char)s[j]))
            j++;
        if (j + 1 < n && s[j] == '.' && (unsigned char)s[j + 1] >= 0x80)
            return i;
    }
    return 0;
}

/* Reads line l, not a pipe row, as a plain line in its own row; Markdown
 * around it (## heading, **bold**, > quote) is dropped first. */
static int
read_loose(ogi__table_t *tb, const ogi_text_t *t, size_t l)
{
    const char *s = t->s;
    size_t a = t->lines[l].start, e = t->lines[l].end;
    int rc = ogi__table_row_open(tb, l);
    if (rc)
        return rc;
    size_t p = skip_blank(t, a, e);
    size_t q = p;
    while (q < e && (s[q] == '#' || s[q] == '>'))
        q++;
    size_t cut = item_start(s + q, e - q);
    if (q == p && !cut && !has_markup(s + p, e - p)) {
        rc = ogi__table_add_line(tb, l);
    } else if (!has_markup(s + q, e - q)) {
        /* a group label's fragment run into an item's label */
        rc = ogi__table_add_words(tb, s + q, cut ? cut : e - q, q);
        if (!rc && cut)
            rc = ogi__table_add_words(tb, s + q + cut, e - q - cut, q + cut);
    } else {
        char buf[MAX_CELL_BYTES];
        size_t n = clean(s + q, e - q, buf, sizeof(buf));
        char *c = ogi__table_strdup(tb, buf, n);
        rc = c ? ogi__table_add_words(tb, c, n, q) : OGI_ENOMEM;
    }
    if (rc)
        return rc;
    ogi__table_row_close(tb);
    return 0;
}

/* 1 when line l holds one number and nothing else. Between pipe tables
 * the values are in the tables; a number alone on its line is what a
 * PDF's page number became ("1" between two halves of Table 3). */
static int
is_lone_number(const ogi_text_t *t, size_t l)
{
    size_t a = skip_blank(t, t->lines[l].start, t->lines[l].end);
    size_t b = t->lines[l].end;
    while (b > a && (t->s[b - 1] == ' ' || t->s[b - 1] == '\t'))
        b--;
    for (size_t i = a; i < b; i++)
        if (!ogi_text_is_digit((unsigned char)t->s[i]))
            return 0;
    return b > a && b - a <= 3;
}

/* 1 when line l pads a cell with underscores up to its bar ("12__|"):
 * html2text's tables, which are another reader's layout. */
static int
underscore_padded(const ogi_text_t *t, size_t l)
{
    const char *p = t->s + t->lines[l].start;
    size_t n = t->lines[l].end - t->lines[l].start;
    /* most rows hold no underscore at all: one search settles them */
    if (!memchr(p, '_', n))
        return 0;
    for (size_t i = 1; (i = find4(p, i, n, '|', '|', '|', '|')) < n; i++)
        if (p[i - 1] == '_')
            return 1;
    return 0;
}

/*
 * Block rows: Python's html2text writes a row whose cells hold paragraphs
 * (<p>, as Word's pages do) a cell a paragraph at a time, each bar on a
 * line of its own between blank lines, and ends the row with a line of
 * two spaces (its hard break):
 *
 *     信                (a <br> inside the cell: "信  " then "息内容"
 *     息内容             on the next line)
 *                       (blank)
 *     |
 *                       (blank)
 *     本年制发件数
 *     ...
 *     现行有效件数"  "    (its last cell, the break after it)
 *     "  "              (the row's end)
 *
 * A cell runs from one bar to the next over blank lines and line breaks
 * (a cell of two paragraphs); an empty cell is bar, blank lines, bar. A
 * row starts at the paragraph right before its first bar (or at that
 * bar: an empty first cell; or at a paragraph ending in a bar before a
 * blank line: a cell of a row whose others hold paragraphs), and ends at
 * a line of spaces only, a rule, a row on a line of its own, or the
 * region's end. Lines before a row's first paragraph (a caption,
 * a first cell's earlier paragraph) stay loose lines.
 */

/* Line kinds for block rows. */
enum { LK_EMPTY, LK_SPACES, LK_BAR, LK_TEXT };

static int
line_kind(const ogi_text_t *t, size_t l)
{
    size_t a = t->lines[l].start, e = t->lines[l].end;
    if (a == e)
        return LK_EMPTY;
    size_t p = skip_blank(t, a, e);
    if (p == e)
        return LK_SPACES;
    if (t->s[p] == '|') {
        size_t q = skip_blank(t, p + 1, e);
        if (q == e)
            return LK_BAR;
    }
    return LK_TEXT;
}

/* 1 when lines [l0, l1) hold a bar alone on a line and a line of spaces
 * only: block rows and the breaks that end them. */
static int
has_block_rows(const ogi_text_t *t, size_t l0, size_t l1)
{
    int bar = 0, spaces = 0;
    for (size_t l = l0; l < l1 && !(bar && spaces); l++) {
        int k = line_kind(t, l);
        bar |= k == LK_BAR;
        spaces |= k == LK_SPACES;
    }
    return bar && spaces;
}

/* 1 when line l is a whole row of its own: a bar between text on both
 * sides, or two bars. A block row's lines hold a bar alone, or at their
 * start or end (a cell's paragraph and the bar after or before it); the
 * rows below a header of paragraphs are often one line each. */
static int
inline_row(const ogi_text_t *t, size_t l)
{
    size_t a = skip_blank(t, t->lines[l].start, t->lines[l].end);
    size_t b = t->lines[l].end;
    while (b > a && (t->s[b - 1] == ' ' || t->s[b - 1] == '\t'))
        b--;
    if (b - a < 3)
        return 0;
    if (t->s[a] != '|' && t->s[b - 1] != '|')
        return count_bars(t->s, a, b, 1) >= 1;
    return count_bars(t->s, a, b, 2) >= 2;
}

/* 1 when a block row starts at line l: l is a bar alone on its line, or
 * the paragraph from l is followed, past blank lines, by one. */
static int
block_start(const ogi_text_t *t, size_t l, size_t l1)
{
    int k = line_kind(t, l);
    if (k == LK_BAR)
        return 1;
    if (k != LK_TEXT)
        return 0;
    size_t i = l;
    while (i < l1 && line_kind(t, i) == LK_TEXT && !is_rule(t, i))
        i++;
    if (i == l)
        return 0;
    /* a paragraph ending in a bar with no break after it ("结果维持|"):
     * its cell's end, the next cell's paragraph below the blank line (a
     * row's last line ends in a break, "| 0|  ") */
    size_t e = t->lines[i - 1].end;
    if (i < l1 && line_kind(t, i) == LK_EMPTY && t->s[e - 1] == '|' &&
        (e - 2 < t->lines[i - 1].start || t->s[e - 2] != '\\')) {
        /* rows of their own above it are rows, the block starts below */
        for (size_t j = l; j + 1 < i; j++)
            if (inline_row(t, j))
                return 0;
        return 1;
    }
    while (i < l1 && line_kind(t, i) == LK_EMPTY)
        i++;
    return i < l1 && line_kind(t, i) == LK_BAR;
}

/* A block row's cell being gathered: its source span and cleaned text. */
typedef struct {
    size_t a, b; /* source span; a == b: nothing yet */
    size_t n;
    char buf[MAX_CELL_BYTES];
} block_cell_t;

/* Appends the piece t->s[a..b) of a cell (one line's part of it). */
static void
block_piece(block_cell_t *c, const ogi_text_t *t, size_t a, size_t b)
{
    while (a < b && ogi_text_is_space((unsigned char)t->s[a]))
        a++;
    while (b > a && ogi_text_is_space((unsigned char)t->s[b - 1]))
        b--;
    if (a == b)
        return;
    if (c->a == c->b) {
        c->a = a;
    } else if (c->n > 0 && c->n < sizeof(c->buf) &&
               ((unsigned char)c->buf[c->n - 1] < 0x80 ||
                (unsigned char)t->s[a] < 0x80)) {
        /* a line break inside a cell: nothing between ideographs (a
         * label broken in two), a space beside Latin text */
        c->buf[c->n++] = ' ';
    }
    c->b = b;
    c->n += clean(t->s + a, b - a, c->buf + c->n, sizeof(c->buf) - c->n);
}

/* Adds the gathered cell at column col (a blank one when empty). */
static int
block_cell_add(ogi__table_t *tb, block_cell_t *c, size_t at, int16_t r,
               int16_t col)
{
    ogi__cell_t *cell;
    size_t x = 0, y = c->n;
    while (x < y && ogi_text_is_space((unsigned char)c->buf[x]))
        x++;
    while (y > x && ogi_text_is_space((unsigned char)c->buf[y - 1]))
        y--;
    if (y == x) {
        cell = ogi__table_add_cell(tb, "", 0, c->a == c->b ? at : c->a);
    } else {
        char *s = ogi__table_strdup(tb, c->buf + x, y - x);
        if (!s)
            return OGI_ENOMEM;
        cell = ogi__table_add_cell(tb, s, y - x, c->a);
        if (cell) {
            cell->off = (uint32_t)c->a;
            cell->len =
                cell->kind == OGI__CELL_BLANK ? 0 : (uint32_t)(c->b - c->a);
        }
    }
    if (!cell)
        return OGI_ENOMEM;
    cell->row = r;
    cell->col = col;
    c->a = c->b = c->n = 0;
    return 0;
}

/* 1 when line l ends in a hard break: two spaces. */
static int
hard_break(const ogi_text_t *t, size_t l)
{
    size_t a = t->lines[l].start, e = t->lines[l].end;
    return e - a >= 2 && t->s[e - 1] == ' ' && t->s[e - 2] == ' ';
}

/* The line after the block row starting at line l: the row ends at a
 * line of spaces only, a rule, a whole row of its own below it, or the
 * region's end. */
static size_t
block_row_end(const ogi_text_t *t, size_t l, size_t l1)
{
    size_t i = l;
    for (; i < l1; i++) {
        int k = line_kind(t, i);
        /* a row of its own ends the block row right after a break: past
         * a blank line, a line starting with a bar is the row's next cell
         * ("| 总计| 复议后起诉" after a paragraph) */
        if (k == LK_SPACES || (k == LK_TEXT && i > l &&
                               (is_rule(t, i) || is_dash_rule(t, i) ||
                                (inline_row(t, i) && hard_break(t, i - 1)))))
            break;
    }
    return i;
}

/* Unescaped "**" marks on line l. */
static size_t
bold_marks(const ogi_text_t *t, size_t l)
{
    const char *s = t->s;
    size_t n = 0, e = t->lines[l].end;
    for (size_t i = t->lines[l].start; i + 1 < e; i++) {
        if (s[i] == '\\')
            i++;
        else if (s[i] == '*' && s[i + 1] == '*')
            n++, i++;
    }
    return n;
}

/* 1 when lines [l, e) hold an ASCII digit. */
static int
has_digit(const ogi_text_t *t, size_t l, size_t e)
{
    for (size_t i = t->lines[l].start; i < t->lines[e - 1].end; i++)
        if (ogi_text_is_digit((unsigned char)t->s[i]))
            return 1;
    return 0;
}

/*
 * The line after the row of a table without outer bars that starts at
 * pipe row l. Python's html2text ends each row with a hard break (two
 * spaces) and wraps a line longer than its width at a space: a row line
 * without the break goes on on the next line ("... |  0" then "|  0  ").
 * A <br> inside a bold header cell breaks the line inside its marks
 * ("**结  " then "果维持** | ..."): while a mark is open the row goes on
 * to the line that closes it. Line l may be such a first piece of a row,
 * before its first bar ("**信息  ").
 */
static size_t
open_row_end(const ogi_text_t *t, size_t l, size_t l1)
{
    size_t marks = bold_marks(t, l);
    size_t e = l + 1;
    for (; e < l1; e++) {
        if (line_kind(t, e) != LK_TEXT || ogi__table_is_page_line(t, e))
            break;
        size_t m = bold_marks(t, e);
        /* wrapped (whatever the rest looks like: "-- |  " is the end of a
         * row, no rule, as the rule follows a row's break); or a bold
         * cell's mark open, to be closed on this line */
        if (hard_break(t, e - 1) &&
            (is_rule(t, e) || is_dash_rule(t, e) || !(marks % 2 && m)))
            break;
        marks += m;
    }
    /* a header's last cell broken by a <br> ("处理  " then "决定数量  ",
     * the data rows right below): a line without a bar between a row of
     * labels only and a row below it goes with the header, as a table's
     * caption (a row of one cell) comes before its header, never between
     * the header and its data */
    if (e + 1 < l1 && hard_break(t, e - 1) && line_kind(t, e) == LK_TEXT &&
        !count_bars(t->s, t->lines[e].start, t->lines[e].end, 1) &&
        !is_rule(t, e) && !is_dash_rule(t, e) && !is_rule(t, e + 1) &&
        is_pipe_row(t, e + 1, 1) && !has_digit(t, l, e + 1))
        e++;
    return e;
}

/* Reads lines [l, end) as row r: cells between bars, a cell running on
 * over line breaks and blank lines; a bar at either end stands before
 * or after an empty cell. */
static int
read_lines_row(ogi__table_t *tb, const ogi_text_t *t, size_t l, size_t end,
               int16_t r)
{
    const char *s = t->s;
    int rc = ogi__table_row_open(tb, l);
    if (rc)
        return rc;
    block_cell_t c;
    c.a = c.b = c.n = 0;
    int16_t col = 0;
    for (size_t i = l; i < end; i++) {
        size_t a = t->lines[i].start, e = t->lines[i].end;
        for (;;) {
            size_t j = a;
            while ((j = find4(s, j, e, '|', '\\', '|', '\\')) < e &&
                   s[j] != '|')
                j += j + 1 < e ? 2 : 1;
            if (j > e)
                j = e;
            block_piece(&c, t, a, j);
            if (j >= e)
                break;
            if ((rc = block_cell_add(tb, &c, j, r, col)))
                return rc;
            if (col < INT16_MAX)
                col++;
            a = j + 1;
        }
    }
    if ((rc = block_cell_add(tb, &c, t->lines[end - 1].end, r, col)))
        return rc;
    ogi__table_row_close(tb);
    return 0;
}

/* The probe's counts of lines [l0, l1) with block rows (a region of
 * Python html2text's Markdown: a second pass, rare). */
static void
probe_blocks(const ogi_text_t *t, size_t l0, size_t l1, int bare, size_t *rows,
             size_t *rules, size_t *text)
{
    int last = LK_EMPTY; /* the kind of the last line not blank */
    for (size_t l = l0; l < l1; l++) {
        if (ogi__table_is_empty_line(t, l))
            continue;
        /* a block row's bar, and the cells on either side of it */
        int k = line_kind(t, l);
        if (k == LK_BAR && last == LK_TEXT && *text > 0) {
            (*text)--;
            (*rows)++;
        }
        int prev = last;
        last = k;
        if (k == LK_BAR || prev == LK_BAR)
            (*rows)++;
        else if (is_rule(t, l) || (bare && is_dash_rule(t, l)))
            (*rules)++;
        else if (is_pipe_row(t, l, bare == 2) && !underscore_padded(t, l))
            (*rows)++;
        else
            (*text)++;
    }
}

static int
probe(const ogi_text_t *t, size_t l0, size_t l1)
{
    size_t rows = 0, rules = 0, text = 0;
    if (!ogi__probe_region_has(t, l0, l1, "|"))
        return 0;
    /* one pass: lines with a bar but no outer one, and dashes alone, are
     * rows and rules only under a rule without outer bars (bare 2:
     * has_table_rule's verdict, its first rule deciding) */
    size_t loose = 0, dashes = 0;
    int bare = 0, filled = 0;
    for (size_t l = l0; l < l1; l++) {
        if (ogi__table_is_empty_line(t, l)) {
            filled = 0;
            continue;
        }
        if (is_rule(t, l)) {
            rules++;
            if (!bare)
                bare = column_rule(t, l);
        } else if (is_dash_rule(t, l)) {
            dashes++;
            if (!bare && filled && l > l0)
                bare = 2;
        } else if (is_pipe_row(t, l, 0)) {
            if (underscore_padded(t, l))
                text++;
            else
                rows++;
        } else if (bare != 1 && is_pipe_row(t, l, 1)) {
            /* (under outer bars' rule such a line is text: not looked
             * into) */
            if (underscore_padded(t, l))
                text++;
            else
                loose++;
        } else {
            text++;
        }
        filled = 1;
    }
    if (bare != 1 && has_block_rows(t, l0, l1)) {
        /* block rows are a Markdown writer's, its rows ended by lines of
         * spaces (an OCR's lone "|" is a border it read, no cell's end) */
        rows = rules = text = 0;
        probe_blocks(t, l0, l1, bare, &rows, &rules, &text);
    } else {
        if (bare)
            rules += dashes;
        else
            text += dashes;
        if (bare == 2)
            rows += loose;
        else
            text += loose;
    }
    if (rows < 2 && !(rows >= 1 && rules >= 1))
        return 0;
    /* a grid's rules are +---+, not |---|: those lines are not rows, and
     * a box table has no ASCII bars */
    int score = 40 + (int)(rows * 50 / (rows + text));
    if (rules)
        score += 10;
    return score > OGI__PROBE_SURE ? OGI__PROBE_SURE : score;
}

static int
read(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    int rc;
    int16_t r = 0;
    size_t r0 = tb->nrows; /* the first row of the pipe table being read */
    int bare = has_table_rule(t, l0, l1);
    int blocks = bare != 1 && has_block_rows(t, l0, l1);
    int in_block = 0; /* the last row read was a block row */
    /* a writer without outer bars (Python's html2text) writes a spanned
     * cell once and no empty cell in its place: an empty cell there is a
     * blank value, never a label's slot */
    int slots = bare != 2 && !blocks;
    for (size_t l = l0; l < l1; l++) {
        if (ogi__table_is_page_line(t, l) || is_rule(t, l) ||
            (t->s[t->lines[l].start] == '-' && is_dash_rule(t, l)))
            continue;
        if (blocks && block_start(t, l, l1)) {
            size_t next = block_row_end(t, l, l1);
            if ((rc = read_lines_row(tb, t, l, next, r)))
                return rc;
            if (r < INT16_MAX)
                r++;
            in_block = 1;
            l = next - 1;
            continue;
        }
        /* the blank lines between block rows: the table goes on */
        if (in_block && ogi__table_is_empty_line(t, l))
            continue;
        in_block = 0;
        if (is_pipe_row(t, l, bare == 2) ||
            (bare == 2 && bold_marks(t, l) % 2 && l + 1 < l1 &&
             is_pipe_row(t, l + 1, 1))) {
            size_t next = bare == 2 ? open_row_end(t, l, l1) : l + 1;
            if (next > l + 1)
                rc = read_lines_row(tb, t, l, next, r);
            else
                rc = read_row(tb, t, l, r, bare == 2);
            if (rc)
                return rc;
            l = next - 1;
            if (r < INT16_MAX)
                r++;
            continue;
        }
        if (slots)
            ogi__table_label_slots(tb, r0, tb->nrows);
        if (!ogi__table_is_empty_line(t, l) && !is_lone_number(t, l) &&
            (rc = read_loose(tb, t, l)))
            return rc;
        r0 = tb->nrows;
    }
    if (slots)
        ogi__table_label_slots(tb, r0, tb->nrows);
    return 0;
}

const ogi__reader_t ogi__read_pipe = {"pipe", probe, read};
