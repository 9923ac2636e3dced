/*
 * html_body.c - the text view of a page's body (html_int.h), from the DOM
 * form_html.c marked: block text one line per block, inline text joined,
 * whitespace collapsed (a no-break space is a space); the report's data
 * tables as clean table markup, one <tr> per line (form_int.h).
 *
 * A data table's cell is the text of everything in it (<p>, <span>,
 * <font>, <b>, Word's <o:p>), a <br> or a block's edge inside it a <br>,
 * its spans kept, <th> written as <td>. A data table inside a data
 * table's cell is written after the outer table, so that the outer one
 * stays one grid. Layout tables are read as blocks (each row, each cell
 * a block), tables of images are not written.
 *
 * Every walk is iterative (first child, next sibling, parent), so the
 * depth of the page costs no stack.
 */
#include "ogi_int.h"

#include <stdio.h>
#include <string.h>

#include "html_int.h"

/* ---- block text ---- */

typedef struct {
    ogi__view_buf_t *b;
    int has;   /* the current line has text */
    int space; /* a space is owed before the next text */
} line_t;

/* The length of what is skipped at s, or 0: whitespace (HTML's, and the
 * no-break space: *nbsp set) and Word's conditional markers (*white
 * cleared). */
static size_t
white_at(const unsigned char *s, int *nbsp, int *white)
{
    size_t m = ogi__html_marker(s);
    *white = m == 0;
    if (m)
        return m;
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
        return 1;
    if (s[0] == 0xC2 && s[1] == 0xA0) {
        *nbsp = 1;
        return 2;
    }
    return 0;
}

static void line_break(line_t *l);

/* Appends text s (NUL-terminated UTF-8) to the line, whitespace
 * collapsed; a line feed ends the line when keep_nl is set. */
static void
line_text(line_t *l, const char *s, int keep_nl)
{
    const unsigned char *p = (const unsigned char *)s;
    int nbsp = 0, white = 0;
    while (*p) {
        size_t w = white_at(p, &nbsp, &white);
        if (w) {
            if (keep_nl && *p == '\n')
                line_break(l);
            else if (white)
                l->space = l->has;
            p += w;
            continue;
        }
        const unsigned char *q = p;
        while (*q && !white_at(q, &nbsp, &white))
            q++;
        if (l->space)
            ogi__view_buf_put(l->b, " ", 1);
        ogi__view_buf_put(l->b, (const char *)p, (size_t)(q - p));
        l->space = 0;
        l->has = 1;
        p = q;
    }
}

/* Ends the current line, if it has text. */
static void
line_break(line_t *l)
{
    if (l->has)
        ogi__view_buf_put(l->b, "\n", 1);
    l->has = 0;
    l->space = 0;
}

/* ---- walking ---- */

static int
dropped(const xmlNode *n)
{
    const ogi__html_info_t *in = ogi__html_info(n);
    return !in || in->drop;
}

/* ---- tables ---- */

/* Tables waiting to be written: a data table met inside a data table's
 * cell. */
typedef struct {
    ogi__view_buf_t *b;
    const xmlNode **q;
    size_t n, cap, head;
} queue_t;

static void
enqueue(queue_t *q, const xmlNode *t)
{
    if (q->n == q->cap) {
        size_t cap = q->cap ? q->cap * 2 : 8;
        const xmlNode **p =
            q->q ? ogi_arena_grow(q->b->arena, q->q, q->cap * sizeof(*p),
                                  cap * sizeof(*p))
                 : ogi_arena_alloc(q->b->arena, cap * sizeof(*p));
        if (!p) {
            q->b->oom = 1;
            return;
        }
        q->q = p;
        q->cap = cap;
    }
    q->q[q->n++] = t;
}

/* Writes span attribute name (rowspan, colspan) of cell when it is a
 * number from 2 on. */
static void
put_span(ogi__view_buf_t *b, const xmlNode *cell, const char *name)
{
    for (const xmlAttr *a = cell->properties; a; a = a->next) {
        if (!a->name || strcmp((const char *)a->name, name) != 0)
            continue;
        const char *v = a->children && a->children->type == XML_TEXT_NODE
                            ? (const char *)a->children->content
                            : NULL;
        if (!v)
            return;
        while (*v == ' ' || *v == '\t' || *v == '"' || *v == '\'')
            v++;
        unsigned long k = 0;
        int digits = 0;
        while (*v >= '0' && *v <= '9' && digits < 5) {
            k = k * 10 + (unsigned long)(*v++ - '0');
            digits++;
        }
        if (k >= 2) {
            char s[48];
            snprintf(s, sizeof(s), " %s=\"%lu\"", name, k);
            ogi__view_buf_puts(b, s);
        }
        return;
    }
}

/* Writes the text of cell: whitespace collapsed, a <br> or a block's
 * edge as <br>, a cell of no-break spaces only as &nbsp;. Data tables
 * inside it go to the queue. */
static void
put_cell(queue_t *q, const xmlNode *cell)
{
    ogi__view_buf_t *b = q->b;
    int has = 0, br = 0, space = 0, nbsp = 0, white = 0;
    const xmlNode *n = cell->children;
    while (n) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            const ogi__html_info_t *in = ogi__html_info(n);
            if (!in || in->drop) {
                /* not written */
            } else if (ogi__html_is(n, "table") &&
                       in->table != OGI__HT_LAYOUT) {
                if (in->table == OGI__HT_DATA)
                    enqueue(q, n);
                br = has;
            } else if (ogi__html_is(n, "br")) {
                br = has;
            } else {
                if (in->block)
                    br = has;
                descend = 1;
            }
        } else if ((n->type == XML_TEXT_NODE ||
                    n->type == XML_CDATA_SECTION_NODE) &&
                   n->content) {
            const unsigned char *p = n->content;
            while (*p) {
                size_t w = white_at(p, &nbsp, &white);
                if (w) {
                    if (white)
                        space = has;
                    p += w;
                    continue;
                }
                const unsigned char *e = p;
                while (*e && !white_at(e, &nbsp, &white))
                    e++;
                if (br)
                    ogi__view_buf_puts(b, "<br>");
                else if (space)
                    ogi__view_buf_put(b, " ", 1);
                ogi__view_buf_escape(b, (const char *)p, (size_t)(e - p));
                br = space = 0;
                has = 1;
                p = e;
            }
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        /* leaving n and the ancestors it ends, up to the cell */
        while (n && n != cell) {
            if (n->type == XML_ELEMENT_NODE && !dropped(n) &&
                ogi__html_info(n)->block)
                br = br || has;
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
        if (n == cell)
            break;
    }
    if (!has && nbsp)
        ogi__view_buf_puts(b, "&nbsp;");
}

static int
is_row(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE && ogi__html_is(n, "tr") && !dropped(n);
}

static int
is_cell(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE &&
           (ogi__html_is(n, "td") || ogi__html_is(n, "th")) && !dropped(n);
}

static void
put_row(queue_t *q, const xmlNode *tr)
{
    ogi__view_buf_puts(q->b, "<tr>");
    for (const xmlNode *c = tr->children; c; c = c->next) {
        if (!is_cell(c))
            continue;
        ogi__view_buf_puts(q->b, "<td");
        put_span(q->b, c, "rowspan");
        put_span(q->b, c, "colspan");
        ogi__view_buf_puts(q->b, ">");
        put_cell(q, c);
        ogi__view_buf_puts(q->b, "</td>");
    }
    ogi__view_buf_puts(q->b, "</tr>\n");
}

/* 1 when row tr has no text, no no-break space and no span: the row of
 * empty cells Word ends a table with (supportMisalignedColumns). */
static int
row_blank(const xmlNode *tr)
{
    for (const xmlNode *c = tr->children; c; c = c->next) {
        if (!is_cell(c))
            continue;
        for (const xmlAttr *a = c->properties; a; a = a->next)
            if (a->name && (strcmp((const char *)a->name, "rowspan") == 0 ||
                            strcmp((const char *)a->name, "colspan") == 0))
                return 0;
        const xmlNode *n = c->children;
        while (n) {
            if (n->type == XML_TEXT_NODE && n->content) {
                int nbsp = 0, white = 0;
                for (const unsigned char *p = n->content; *p;) {
                    size_t w = white_at(p, &nbsp, &white);
                    if (!w)
                        return 0;
                    p += w;
                }
                if (nbsp)
                    return 0;
            }
            if (n->type == XML_ELEMENT_NODE && !dropped(n)) {
                if (ogi__html_is(n, "table") || ogi__html_is(n, "img"))
                    return 0; /* and a table inside is not walked twice */
                if (n->children) {
                    n = n->children;
                    continue;
                }
            }
            while (n != c && !n->next)
                n = n->parent;
            n = n == c ? NULL : n->next;
        }
    }
    return 1;
}

/* The row after row r of table t (the first when r is NULL), through
 * <thead>, <tbody> and <tfoot>; NULL at the end. */
static const xmlNode *
next_row(const xmlNode *t, const xmlNode *r)
{
    const xmlNode *n = r ? r : t->children;
    int first = r == NULL;
    while (n) {
        if (!first) {
            /* past r: its next sibling, or out of its section */
            if (n->next)
                n = n->next;
            else if (n->parent != t)
                n = n->parent->next;
            else
                return NULL;
        }
        first = 0;
        if (!n)
            return NULL;
        if (is_row(n))
            return n;
        if (n->type == XML_ELEMENT_NODE && !dropped(n) && n->children &&
            (ogi__html_is(n, "tbody") || ogi__html_is(n, "thead") ||
             ogi__html_is(n, "tfoot"))) {
            n = n->children;
            first = 1;
        }
    }
    return NULL;
}

/* Writes data table t, then the data tables found in its cells. */
static void
put_table(ogi__view_buf_t *b, const xmlNode *t)
{
    queue_t q = {.b = b};
    enqueue(&q, t);
    while (q.head < q.n && !b->oom) {
        const xmlNode *tb = q.q[q.head++], *last = NULL;
        for (const xmlNode *r = next_row(tb, NULL); r; r = next_row(tb, r))
            if (!row_blank(r))
                last = r;
        ogi__view_buf_puts(b, "<table>\n");
        for (const xmlNode *r = last ? next_row(tb, NULL) : NULL; r;
             r = r == last ? NULL : next_row(tb, r))
            put_row(&q, r);
        ogi__view_buf_puts(b, "</table>\n");
    }
}

/* 1 when text in element n keeps its line feeds: preformatted text, and
 * text loose in the body (a text file that starts like a page). */
static int
keeps_lines(const xmlNode *n)
{
    for (int k = 0; n && n->type == XML_ELEMENT_NODE && k < 16;
         n = n->parent, k++) {
        if (ogi__html_is(n, "pre") || ogi__html_is(n, "xmp") ||
            ogi__html_is(n, "listing") || ogi__html_is(n, "plaintext"))
            return 1;
        if (k == 0 && (ogi__html_is(n, "body") || ogi__html_is(n, "html")))
            return 1;
    }
    return 0;
}

/* Writes the text of table t's <caption> as a line of its own. */
static void
put_caption(line_t *l, const xmlNode *t)
{
    const xmlNode *cap = NULL;
    for (const xmlNode *c = t->children; c && !cap; c = c->next)
        if (c->type == XML_ELEMENT_NODE && ogi__html_is(c, "caption") &&
            !dropped(c))
            cap = c;
    const xmlNode *n = cap ? cap->children : NULL;
    while (n) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
            n->content)
            line_text(l, (const char *)n->content, 0);
        if (n->type == XML_ELEMENT_NODE && !dropped(n) && n->children) {
            n = n->children;
            continue;
        }
        while (n != cap && !n->next)
            n = n->parent;
        n = n == cap ? NULL : n->next;
    }
    line_break(l);
}

/* ---- the body ---- */

void
ogi__html_write(ogi__view_buf_t *b, const xmlNode *body, const char *title,
                ogi__html_seen_t *seen)
{
    line_t l = {.b = b};
    int armed = 0; /* a table section's heading, and no table since */
    memset(seen, 0, sizeof(*seen));
    if (title) {
        line_text(&l, title, 0);
        line_break(&l);
    }
    const xmlNode *n = body;
    while (n && !b->oom) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            const ogi__html_info_t *in = ogi__html_info(n);
            if (!in || in->drop) {
                /* chrome, hidden: not written */
            } else if (ogi__html_is(n, "table") && in->table == OGI__HT_DATA) {
                line_break(&l);
                put_caption(&l, n);
                put_table(b, n);
                seen->ndata++;
                armed = 0;
            } else if (ogi__html_is(n, "table") && in->table == OGI__HT_IMAGE) {
                line_break(&l);
                seen->nimage++;
            } else if (ogi__html_is(n, "img")) {
                seen->nimg_sec += armed != 0;
            } else {
                if (in->block)
                    line_break(&l);
                descend = 1;
            }
        } else if ((n->type == XML_TEXT_NODE ||
                    n->type == XML_CDATA_SECTION_NODE) &&
                   n->content) {
            line_text(&l, (const char *)n->content, keeps_lines(n->parent));
            if (ogi__html_table_heading((const char *)n->content))
                armed = 1;
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        while (n) {
            if (n->type == XML_ELEMENT_NODE && !dropped(n) &&
                ogi__html_info(n)->block)
                line_break(&l);
            if (n == body) {
                n = NULL;
                break;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
    line_break(&l);
}
