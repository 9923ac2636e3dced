/*
 * read_html_table.c - HTML tables inside text: <table><tr><td> markup, as
 * pandoc -t gfm writes every table it cannot draw as a pipe table (any
 * row or column span, several paragraphs in a cell: every agency table),
 * and as PDF-to-Markdown and OCR pipelines write theirs.
 *
 * A block of lines from one that opens a table (<table, or a row's or
 * cell's tag when the region starts inside a table) to the one that
 * closes it is parsed with libxml2's HTML parser, and the DOM read into
 * the table model: one row per <tr>, a cell per slot of the grid that
 * rowspan/colspan give (the HTML table model), the cell's text in the
 * slot where it starts and MERGED in the slots its spans cover. A cell's
 * text is the text of everything in it (<p>, <span>, <br>, entities
 * decoded, &nbsp; a space), whitespace collapsed and normalised as the
 * report's text is (text.h). The lines between blocks (captions,
 * headings, pipe tables, narrative) are read by the reader that suits
 * them best, as the whole region would be without the markup.
 *
 * Why libxml2: agency HTML is rarely well-formed (unclosed <p> and <td>,
 * Word's markup, tables cut at a page break), and a hand-written tag
 * scanner would get spans, nesting and entities subtly wrong. libxml2's
 * HTML parser is maintained and fuzzed (OSS-Fuzz), has a tolerant
 * recovery mode and full entity decoding, and is already a Debian base
 * library. It is given no network (HTML_PARSE_NONET), no encoding but
 * UTF-8 (the text is decoded already), and at most MAX_PARSE_BYTES.
 * libxml2 allocates with its own malloc, not through ogi's hooks: a
 * failed parse is read as plain lines.
 *
 * The DOM-to-model part (ogi__html_table_fill, reader_int.h) takes an
 * element, so a reader of whole HTML pages can read a page's tables with
 * it. Cells get source spans by finding their tags in the text (libxml2
 * gives an element its line, not its offset).
 */
#include "ogi_int.h"

#include <pthread.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "ogi/error.h"
#include "reader_int.h"

#define MAX_SPAN        64         /* a row or column span is capped here */
#define MAX_COLS        256        /* slots tracked for row spans */
#define MAX_CELL_BYTES  4096       /* a cell's text beyond this is cut */
#define MAX_TEXT_DEPTH  64         /* elements nested inside a cell */
#define MAX_TABLE_DEPTH 8          /* tables nested inside tables */
#define MAX_PARSE_BYTES (4u << 20) /* a larger block is read as lines */

/* ---- markup in the text ---- */

static int
lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* 1 when s[i..end) starts with the tag opening "<name" (or "</name" when
 * name starts with '/'), case-insensitive, followed by a byte that ends a
 * tag name. */
static int
tag_at(const char *s, size_t i, size_t end, const char *name)
{
    size_t n = strlen(name);
    if (end - i < n + 2 || s[i] != '<')
        return 0;
    for (size_t k = 0; k < n; k++)
        if (lower((unsigned char)s[i + 1 + k]) != name[k])
            return 0;
    char c = s[i + 1 + n];
    return c == '>' || c == '/' || ogi_text_is_space((unsigned char)c);
}

/* The first tag named by one of names[0..n) in s[from, end), or end; the
 * index of the name found in *which. */
static size_t
find_tag(const char *s, size_t from, size_t end, const char *const *names,
         size_t n, size_t *which)
{
    for (size_t i = from; i < end; i++) {
        if (s[i] != '<')
            continue;
        for (size_t k = 0; k < n; k++)
            if (tag_at(s, i, end, names[k])) {
                if (which)
                    *which = k;
                return i;
            }
    }
    return end;
}

/* The text line of an element's parser line, or (size_t)-1 when libxml2
 * does not know it (0, or 65535: its line numbers are 16 bits). */
static size_t
node_line(const ogi__html_src_t *src, const xmlNode *node)
{
    unsigned short l = node->line;
    if (l == 0 || l == 65535)
        return (size_t)-1;
    size_t line = src->line0 + l - 1;
    return line < src->line1 ? line : (size_t)-1;
}

/*
 * Finds in the text the tag of element node, one of names[0..n): the
 * first after the cursor, unless it lies past the element's own line (the
 * parser made the element up: an implied row, a cell a broken tag hid),
 * when nothing is found. Moves the cursor past it. Returns its offset, or
 * (size_t)-1.
 */
static size_t
locate(ogi__html_src_t *src, const xmlNode *node, const char *const *names,
       size_t n)
{
    const ogi_text_t *t = src->text;
    size_t end = src->end < t->len ? src->end : t->len;
    if (src->cursor >= end)
        return (size_t)-1;
    size_t p = find_tag(t->s, src->cursor, end, names, n, NULL);
    if (p >= end)
        return (size_t)-1;
    size_t nl = node_line(src, node);
    if (nl != (size_t)-1 && ogi_text_line_of(t, p) > nl)
        return (size_t)-1;
    src->cursor = p + 1;
    return p;
}

/* Length of the cell whose tag starts at p: to the end of its closing
 * tag, or to the next row's or cell's tag when it has none. */
static size_t
cell_len(const ogi__html_src_t *src, size_t p)
{
    static const char *const stops[] = {"/td",   "/th",   "td",    "th",
                                        "tr",    "/tr",   "table", "/table",
                                        "tbody", "/tbody"};
    const char *s = src->text->s;
    size_t end = src->end < src->text->len ? src->end : src->text->len;
    size_t k = 0;
    size_t q = find_tag(s, p + 1, end, stops, OGI_ARRAY_LEN(stops), &k);
    if (q < end && k < 2) {
        while (q < end && s[q] != '>' && s[q] != '<' && s[q] != '\n')
            q++;
        if (q < end && s[q] == '>')
            q++;
    }
    while (q > p && ogi_text_is_space((unsigned char)s[q - 1]))
        q--;
    return q - p;
}

/* ---- text of the DOM ---- */

/* Text collected from a node, normalised, whitespace collapsed. */
typedef struct {
    char s[MAX_CELL_BYTES];
    size_t n;
    int space; /* a space is owed before the next character */
} buf_t;

/* Appends UTF-8 text s[0..n) as the report's text is normalised (text.h:
 * full-width ASCII folded, NBSP and ideographic space to spaces, dashes to
 * '-', zero-width characters dropped), runs of whitespace one space. Stops
 * at a character that would not fit. */
static void
buf_add(buf_t *b, const char *s, size_t n)
{
    const char *p = s, *end = s + n;
    while (p < end) {
        uint32_t cp;
        size_t k = ogi_utf8_decode(p, end, &cp);
        if (k == 0) {
            p++; /* libxml2 gives UTF-8; skip what is not */
            continue;
        }
        int f = cp < 0x80 ? (int)cp : ogi_text_fold(cp);
        const char *out = p;
        size_t m = k;
        char c;
        p += k;
        if (f < 0 || cp == 0)
            continue;
        if (f > 0) {
            c = (char)f;
            if (f < 0x20 || ogi_text_is_space(f)) {
                b->space = 1;
                continue;
            }
            out = &c;
            m = 1;
        }
        if (b->n + m + (b->space && b->n) > sizeof(b->s))
            return;
        if (b->space && b->n)
            b->s[b->n++] = ' ';
        b->space = 0;
        memcpy(b->s + b->n, out, m);
        b->n += m;
    }
}

static int
name_is(const xmlNode *node, const char *name)
{
    return node->type == XML_ELEMENT_NODE && node->name &&
           strcmp((const char *)node->name, name) == 0;
}

/* 1 when an element breaks the text flow: its text is not joined to the
 * text around it (a paragraph, a line break, a list item). */
static int
is_block(const xmlNode *node)
{
    static const char *const names[] = {
        "p",  "br", "div", "li", "tr", "td",    "th",         "h1",
        "h2", "h3", "h4",  "h5", "h6", "table", "blockquote", "hr",
        "ul", "ol", "dl",  "dt", "dd", "pre",   "caption",    "section"};
    for (size_t i = 0; i < OGI_ARRAY_LEN(names); i++)
        if (name_is(node, names[i]))
            return 1;
    return 0;
}

/* 1 for an element whose content is not text of the page. */
static int
is_hidden(const xmlNode *node)
{
    return name_is(node, "script") || name_is(node, "style") ||
           name_is(node, "head") || name_is(node, "title");
}

/* Appends the text of node's children to b. */
static void
collect(buf_t *b, const xmlNode *node, int depth)
{
    if (depth > MAX_TEXT_DEPTH)
        return;
    for (const xmlNode *c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                buf_add(b, (const char *)c->content,
                        strlen((const char *)c->content));
        } else if (c->type == XML_ELEMENT_NODE && !is_hidden(c)) {
            int block = is_block(c);
            b->space |= block;
            collect(b, c, depth + 1);
            b->space |= block;
        }
    }
}

/* 1 when node holds a <table> among its descendants. */
static int
has_table(const xmlNode *node, int depth)
{
    if (depth > MAX_TEXT_DEPTH)
        return 0;
    for (const xmlNode *c = node->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE &&
            (name_is(c, "table") || has_table(c, depth + 1)))
            return 1;
    return 0;
}

/* ---- the grid ---- */

/* A slot a row span from an earlier row covers. */
typedef struct {
    uint8_t left;    /* rows still covered, this one included */
    uint8_t rowspan; /* the spanning cell's spans */
    uint8_t colspan;
    uint32_t off; /* its source offset */
} slot_t;

/* Reading one table: its grid and scratch text. */
typedef struct {
    ogi__table_t *tb;
    ogi__html_src_t *src;
    slot_t slots[MAX_COLS];
    int16_t row; /* grid row of the next <tr> */
    size_t line; /* the table's line: spans of what is not found */
    buf_t text;
} grid_t;

/* A span attribute's value: its leading digits, 1 when absent, zero or
 * unreadable, at most MAX_SPAN. */
static int
span_attr(const xmlNode *node, const char *name)
{
    for (const xmlAttr *a = node->properties; a; a = a->next) {
        if (!a->name || strcmp((const char *)a->name, name) != 0)
            continue;
        const xmlNode *v = a->children;
        const char *s = v && v->content ? (const char *)v->content : "";
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '"')
            s++;
        int n = 0;
        for (int k = 0; k < 4 && ogi_text_is_digit((unsigned char)*s); k++)
            n = n * 10 + (*s++ - '0');
        return n < 1 ? 1 : n > MAX_SPAN ? MAX_SPAN : n;
    }
    return 1;
}

/* Whether node's class attribute is exactly cls. */
static int
class_is(const xmlNode *node, const char *cls)
{
    for (const xmlAttr *a = node->properties; a; a = a->next)
        if (a->name && strcmp((const char *)a->name, "class") == 0)
            return a->children && a->children->content &&
                   strcmp((const char *)a->children->content, cls) == 0;
    return 0;
}

/* Whether s[0..n) is a cut value's pattern: digits, then '?'s. */
static int
cut_pattern(const char *s, size_t n)
{
    size_t d = 0;
    while (d < n && ogi_text_is_digit((unsigned char)s[d]))
        d++;
    if (d == n)
        return 0;
    while (d < n && s[d] == '?')
        d++;
    return d == n;
}

/* Sets a cell's span to the whole of line l (what was not found). */
static void
span_line(ogi__cell_t *c, const ogi_text_t *t, size_t l)
{
    c->off = t->lines[l].start;
    c->len = t->lines[l].end - t->lines[l].start;
}

/* Appends the MERGED cell of covered slot col in grid row g->row. */
static int
add_merged(grid_t *g, int col, uint8_t rowspan, uint8_t colspan, size_t off)
{
    const ogi_text_t *t = g->src->text;
    if (off > t->len)
        off = t->len;
    ogi__cell_t *c =
        ogi__table_add(g->tb, OGI__CELL_MERGED, t->s + off, 0, off, 0);
    if (!c)
        return OGI_ENOMEM;
    c->row = g->row;
    c->col = (int16_t)col;
    c->rowspan = rowspan;
    c->colspan = colspan;
    return 0;
}

/* MERGED cells for the covered slots from *col on that an earlier row's
 * span holds, up to the first free one (or all of them when to_end). */
static int
add_covered(grid_t *g, int *col, int to_end)
{
    int rc;
    while (*col < MAX_COLS) {
        const slot_t *s = &g->slots[*col];
        if (s->left == 0) {
            if (!to_end)
                return 0;
            (*col)++;
            continue;
        }
        if ((rc = add_merged(g, *col, s->rowspan, s->colspan, s->off)))
            return rc;
        (*col)++;
    }
    return 0;
}

/* Appends cell element td at slot *col and the MERGED slots its column
 * span covers; marks the slots its row span covers below. */
static int
add_td(grid_t *g, const xmlNode *td, int *col)
{
    static const char *const tags[] = {"td", "th"};
    const ogi_text_t *t = g->src->text;
    int rs = span_attr(td, "rowspan"), cs = span_attr(td, "colspan");
    g->text.n = 0;
    g->text.space = 0;
    collect(&g->text, td, 0);
    char *s = ogi__table_strdup(g->tb, g->text.s, g->text.n);
    if (!s)
        return OGI_ENOMEM;
    ogi__cell_t *c = ogi__table_add_cell(g->tb, s, g->text.n, 0);
    if (!c)
        return OGI_ENOMEM;
    /* a value the page's edge cut (the PDF converter's "ogi-cut", see
     * pdf_lines.c): its digits are split by the arithmetic */
    if (class_is(td, "ogi-cut") && cut_pattern(s, g->text.n))
        c->kind = OGI__CELL_RUN;
    size_t p = locate(g->src, td, tags, 2);
    if (p != (size_t)-1) {
        c->off = (uint32_t)p;
        c->len = (uint32_t)cell_len(g->src, p);
    } else {
        span_line(c, t, g->line);
    }
    c->row = g->row;
    c->col = (int16_t)(*col < MAX_COLS ? *col : MAX_COLS - 1);
    c->rowspan = (uint8_t)rs;
    c->colspan = (uint8_t)cs;
    size_t off = c->off;
    int rc;
    for (int k = 1; k < cs && *col + k < MAX_COLS; k++)
        if ((rc = add_merged(g, *col + k, (uint8_t)rs, (uint8_t)cs, off)))
            return rc;
    for (int k = 0; k < cs && *col + k < MAX_COLS; k++)
        g->slots[*col + k] =
            (slot_t){(uint8_t)rs, (uint8_t)rs, (uint8_t)cs, (uint32_t)off};
    *col += cs;
    return 0;
}

/* Reads a row: the cells in tr's children (or, for a row the parser left
 * without its <tr>, the run of cells first..; *next receives the node
 * after the run). */
static int
read_tr(grid_t *g, const xmlNode *tr, const xmlNode *first,
        const xmlNode **next)
{
    static const char *const tags[] = {"tr"};
    const ogi_text_t *t = g->src->text;
    size_t line = g->line;
    size_t p = tr ? locate(g->src, tr, tags, 1) : (size_t)-1;
    if (p != (size_t)-1)
        line = ogi_text_line_of(t, p);
    else if (tr && node_line(g->src, tr) != (size_t)-1)
        line = node_line(g->src, tr);
    else if (first && node_line(g->src, first) != (size_t)-1)
        line = node_line(g->src, first);
    int rc = ogi__table_row_open(g->tb, line);
    if (rc)
        return rc;
    int col = 0;
    const xmlNode *c = tr ? tr->children : first;
    for (; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!name_is(c, "td") && !name_is(c, "th")) {
            if (!tr)
                break; /* the end of a run of loose cells */
            continue;
        }
        if ((rc = add_covered(g, &col, 0)) || (rc = add_td(g, c, &col)))
            return rc;
    }
    if (next)
        *next = c;
    if ((rc = add_covered(g, &col, 1)))
        return rc;
    ogi__table_row_close(g->tb);
    for (int k = 0; k < MAX_COLS; k++)
        if (g->slots[k].left)
            g->slots[k].left--;
    if (g->row < INT16_MAX)
        g->row++;
    return 0;
}

/* ---- text outside a table's grid ---- */

/* Appends the text in b as one row of words at line l. The words' spans
 * are the line's: the text was cleaned of its markup. */
static int
add_loose(ogi__table_t *tb, buf_t *b, size_t l)
{
    const ogi_text_t *t = tb->text;
    size_t n = b->n;
    while (n && b->s[n - 1] == ' ')
        n--;
    b->space = 0;
    b->n = 0;
    if (n == 0)
        return 0;
    char *s = ogi__table_strdup(tb, b->s, n);
    if (!s)
        return OGI_ENOMEM;
    int rc = ogi__table_row_open(tb, l);
    if (rc)
        return rc;
    size_t first = tb->ncells;
    if ((rc = ogi__table_add_words(tb, s, n, 0)))
        return rc;
    for (size_t i = first; i < tb->ncells; i++)
        span_line(&tb->cells[i], t, l);
    ogi__table_row_close(tb);
    return 0;
}

/* Reading the flow of text and tables around and between tables. */
typedef struct {
    ogi__table_t *tb;
    ogi__html_src_t *src;
    buf_t text;  /* text since the last break */
    size_t line; /* its first line */
    int depth;   /* tables around the flow */
} flow_t;

static int flow_node(flow_t *f, const xmlNode *node, int depth);

/* Ends the text collected so far as a row. */
static int
flow_break(flow_t *f)
{
    return add_loose(f->tb, &f->text, f->line);
}

static int
flow_node(flow_t *f, const xmlNode *node, int depth)
{
    int rc;
    if (depth > MAX_TEXT_DEPTH)
        return 0;
    for (const xmlNode *c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (!c->content)
                continue;
            if (f->text.n == 0 && node_line(f->src, node) != (size_t)-1)
                f->line = node_line(f->src, node);
            buf_add(&f->text, (const char *)c->content,
                    strlen((const char *)c->content));
            continue;
        }
        if (c->type != XML_ELEMENT_NODE || is_hidden(c))
            continue;
        if (name_is(c, "table")) {
            if ((rc = flow_break(f)) ||
                (rc = ogi__html_table_fill(f->tb, c, f->src, f->depth + 1)))
                return rc;
            continue;
        }
        int block = is_block(c);
        if (block && (rc = flow_break(f)))
            return rc;
        if ((rc = flow_node(f, c, depth + 1)))
            return rc;
        if (block && (rc = flow_break(f)))
            return rc;
    }
    return 0;
}

/* Reads node's content as a flow: text as rows of words, tables as
 * tables. */
static int
read_flow(ogi__table_t *tb, ogi__html_src_t *src, const xmlNode *node,
          int depth, size_t line)
{
    flow_t *f = ogi_malloc(sizeof(*f));
    if (!f)
        return OGI_ENOMEM;
    f->tb = tb;
    f->src = src;
    f->text.n = 0;
    f->text.space = 0;
    f->line = line;
    f->depth = depth;
    int rc = flow_node(f, node, 0);
    if (!rc)
        rc = flow_break(f);
    ogi_free(f);
    return rc;
}

/* ---- a table ---- */

/* Reads the rows of a table or of its row group (thead, tbody, tfoot). */
static int
read_rows(grid_t *g, const xmlNode *parent, int depth)
{
    int rc;
    const xmlNode *c = parent->children;
    while (c) {
        if (name_is(c, "tr")) {
            if ((rc = read_tr(g, c, NULL, NULL)))
                return rc;
            c = c->next;
        } else if (name_is(c, "td") || name_is(c, "th")) {
            const xmlNode *next = NULL;
            if ((rc = read_tr(g, NULL, c, &next)))
                return rc;
            c = next;
        } else if (depth < 2 && (name_is(c, "tbody") || name_is(c, "thead") ||
                                 name_is(c, "tfoot"))) {
            if ((rc = read_rows(g, c, depth + 1)))
                return rc;
            c = c->next;
        } else {
            /* a caption, or text the parser left inside the table */
            if (c->type == XML_ELEMENT_NODE && !is_hidden(c) &&
                !name_is(c, "colgroup") && !name_is(c, "col")) {
                buf_t *b = &g->text;
                b->n = 0;
                b->space = 0;
                collect(b, c, 0);
                if ((rc = add_loose(g->tb, b, g->line)))
                    return rc;
            } else if (c->type == XML_TEXT_NODE && c->content) {
                buf_t *b = &g->text;
                b->n = 0;
                b->space = 0;
                buf_add(b, (const char *)c->content,
                        strlen((const char *)c->content));
                if ((rc = add_loose(g->tb, b, g->line)))
                    return rc;
            }
            c = c->next;
        }
    }
    return 0;
}

int
ogi__html_table_fill(ogi__table_t *tb, const struct _xmlNode *table,
                     ogi__html_src_t *src, int depth)
{
    static const char *const tags[] = {"table"};
    const ogi_text_t *t = src->text;
    size_t line = src->fallback < t->nlines ? src->fallback : 0;
    size_t p = locate(src, table, tags, 1);
    if (p != (size_t)-1)
        line = ogi_text_line_of(t, p);
    if (depth < MAX_TABLE_DEPTH && has_table(table, 0))
        return read_flow(tb, src, table, depth, line); /* a layout table */
    if (t->nlines == 0)
        return 0;
    grid_t *g = ogi_calloc(1, sizeof(*g));
    if (!g)
        return OGI_ENOMEM;
    g->tb = tb;
    g->src = src;
    g->line = line;
    int rc = read_rows(g, table, 0);
    ogi_free(g);
    return rc;
}

/* ---- blocks of markup in a region ---- */

/* How line l of t moves the depth of open tables, starting at *depth:
 * returns 1 when the line opens a table (a <table tag, or a row's or
 * cell's tag outside any table), and *orphan when that was a row's or
 * cell's tag. */
static int
scan_line(const ogi_text_t *t, size_t l, int *depth, int *orphan)
{
    static const char *const names[] = {"table", "/table", "tr", "td", "th"};
    const char *s = t->s;
    size_t i = t->lines[l].start, end = t->lines[l].end;
    int opened = 0;
    while (i < end) {
        size_t k = 0;
        i = find_tag(s, i, end, names, OGI_ARRAY_LEN(names), &k);
        if (i >= end)
            break;
        if (k == 0) {
            opened |= *depth == 0;
            if (*depth < 1000)
                (*depth)++;
        } else if (k == 1) {
            if (*depth > 0)
                (*depth)--;
        } else if (*depth == 0) {
            /* a region that starts inside a table */
            opened = 1;
            if (orphan)
                *orphan = 1;
            *depth = 1;
        }
        i++;
    }
    return opened;
}

size_t
ogi__html_table_end(const ogi_text_t *t, size_t l, size_t l1)
{
    if (l1 > t->nlines)
        l1 = t->nlines;
    if (l >= l1)
        return 0;
    int depth = 0;
    if (!scan_line(t, l, &depth, NULL))
        return 0;
    size_t bytes = 0;
    for (size_t k = l; k < l1; k++) {
        if (k > l)
            scan_line(t, k, &depth, NULL);
        bytes += t->lines[k].end - t->lines[k].start + 1;
        /* an unclosed table ends where parsing it would cost too much */
        if (depth == 0 || bytes > MAX_PARSE_BYTES)
            return k + 1;
    }
    return l1;
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

/* libxml2 wants its global state set up once, before threads use it. */
static void
init_libxml(void)
{
    xmlInitParser();
}

/* Reads the block of lines [l0, l1) that holds a table's markup. */
static int
read_block(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    static const char open[] = "<table>";
    size_t a = t->lines[l0].start, b = t->lines[l1 - 1].end;
    int depth = 0, orphan = 0;
    scan_line(t, l0, &depth, &orphan);
    /* a region that starts inside a table: its rows need a table around
     * them, or the parser leaves them loose */
    size_t n = b - a + (orphan ? sizeof(open) - 1 : 0);
    if (b - a > MAX_PARSE_BYTES)
        return ogi__read_row_lines.read(tb, t, l0, l1);
    char *copy = NULL;
    const char *buf = t->s + a;
    if (orphan) {
        if (!(copy = ogi_malloc(n)))
            return OGI_ENOMEM;
        memcpy(copy, open, sizeof(open) - 1);
        memcpy(copy + sizeof(open) - 1, t->s + a, b - a);
        buf = copy;
    }
    pthread_once(&init_once, init_libxml);
    htmlDocPtr doc = htmlReadMemory(
        buf, (int)n, NULL, "UTF-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
            HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
    ogi_free(copy);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        xmlFreeDoc(doc);
        return ogi__read_row_lines.read(tb, t, l0, l1);
    }
    ogi__html_src_t src = {t, b, l0, l1, a, l0};
    int rc = read_flow(tb, &src, root, 0, l0);
    xmlFreeDoc(doc);
    return rc;
}

/* Reads lines [l0, l1) that hold no table markup with the reader that
 * suits them. */
static int
read_between(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    size_t l = l0;
    while (l < l1 && ogi__table_is_empty_line(t, l))
        l++;
    if (l >= l1)
        return 0;
    const ogi__reader_t *r = ogi__reader_pick(t, l0, l1);
    if (r == &ogi__read_html_table)
        r = &ogi__read_row_lines;
    return r->read(tb, t, l0, l1);
}

/* ---- the reader ---- */

static int
probe(const ogi_text_t *t, size_t l0, size_t l1)
{
    static const char *const names[] = {"table", "tr", "td", "th"};
    size_t tables = 0, rows = 0, cells = 0;
    if (l1 > t->nlines)
        l1 = t->nlines;
    if (l0 >= l1 || !ogi__probe_region_has(t, l0, l1, "<"))
        return 0;
    const char *s = t->s;
    size_t i = t->lines[l0].start, end = t->lines[l1 - 1].end;
    while (i < end && !(cells >= 2 && rows + tables >= 1)) {
        size_t k = 0;
        i = find_tag(s, i, end, names, OGI_ARRAY_LEN(names), &k);
        if (i >= end)
            break;
        tables += k == 0;
        rows += k == 1;
        cells += k >= 2;
        i++;
    }
    /* markup no other layout holds: its tables are read best here, and
     * the lines between them by the reader that suits them */
    return cells >= 2 && rows + tables >= 1 ? OGI__PROBE_SURE : 0;
}

static int
read(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    int rc;
    if (l1 > t->nlines)
        l1 = t->nlines;
    size_t seg = l0, l = l0;
    while (l < l1) {
        size_t e = ogi__html_table_end(t, l, l1);
        if (e == 0) {
            l++;
            continue;
        }
        if ((rc = read_between(tb, t, seg, l)) ||
            (rc = read_block(tb, t, l, e)))
            return rc;
        seg = l = e;
    }
    return read_between(tb, t, seg, l1);
}

const ogi__reader_t ogi__read_html_table = {"html_table", probe, read};
