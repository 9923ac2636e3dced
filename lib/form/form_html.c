/*
 * form_html.c - HTML pages to a text view (form_int.h).
 *
 * An agency publishes its report as a whole page of its site: the
 * report's body wrapped in a header, navigation, breadcrumbs, a search
 * box, scripts, styles, share and print buttons, related links and a
 * footer, often laid out with tables; or a page Word saved ("另存为网
 * 页"), with its Mso classes, <o:p> and conditional comments. The page is
 * decoded to UTF-8 (ogi__form_decode), parsed with libxml2's HTML parser
 * in recovery mode, and read in one pass over the DOM that:
 *
 *   - drops what is never the report's text: <head>, scripts, styles,
 *     <noscript>, <template>, frames, form controls, elements hidden by
 *     display:none, visibility:hidden, mso-hide:all or the hidden
 *     attribute; and <nav>, <footer> and <aside> unless they hold the
 *     report;
 *   - tells each table's part (html_int.h): a data table (cells of
 *     numbers and labels) is written as table markup; a layout table (a
 *     cell holding an article, or other tables and no figures, or a
 *     single column) is read as blocks; a table of images only is a table
 *     published as pictures;
 *   - counts the report's evidence under each element: the text of the
 *     sections' headings outside links, and data tables.
 *
 * The report's body is the smallest element that holds all the evidence,
 * widened to a container (a <div>, a layout cell: never a paragraph or a
 * data table) that holds at least half the page's text outside links (a
 * stray heading in a sidebar cannot shrink it to a paragraph); with no
 * evidence, the whole body. A title line (…年度报告) that lies before the
 * body, outside it, is written first when the body has none. A report
 * whose sections' tables are images and that has no data table is
 * rejected: ogi cannot read pictures.
 *
 * Bounds: libxml2 limits the tree's depth (no HTML_PARSE_HUGE), every
 * walk here is iterative, each node is visited a fixed number of times,
 * and the view is at most a few times the input (a cell costs its tags);
 * beyond MAX_VIEW_FACTOR the page is refused. libxml2 allocates with its
 * own malloc, freed on every path.
 */
#include "ogi_int.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "html_int.h"
#include "ogi/error.h"

#define LONG_CELL       600 /* bytes of text: a cell holding an article */
#define NUM_PROBE       32  /* bytes of a cell's text kept to tell a number */
#define MIN_FIGURES     3   /* numbers in a table of the report's figures */
#define TITLE_MAX       300 /* bytes: a title line is short */
#define MAX_VIEW_FACTOR 4   /* the view is at most this times the input */

/* ---- names ---- */

int
ogi__html_is(const xmlNode *n, const char *name)
{
    return n->name && strcmp((const char *)n->name, name) == 0;
}

static int
name_in(const xmlNode *n, const char *const *names, size_t k)
{
    if (!n->name)
        return 0;
    const char *s = (const char *)n->name;
    for (size_t i = 0; i < k; i++)
        if (s[0] == names[i][0] && strcmp(s, names[i]) == 0)
            return 1;
    return 0;
}

int
ogi__html_is_block(const xmlNode *n)
{
    static const char *const names[] = {
        "p",       "div",     "h1",     "h2",       "h3",         "h4",
        "h5",      "h6",      "li",     "ul",       "ol",         "dl",
        "dt",      "dd",      "tr",     "td",       "th",         "table",
        "tbody",   "thead",   "tfoot",  "caption",  "blockquote", "pre",
        "section", "article", "header", "main",     "center",     "address",
        "hr",      "br",      "form",   "fieldset", "figure",     "figcaption",
        "body",    "html",    "title"};
    return name_in(n, names, OGI_ARRAY_LEN(names));
}

/* Elements whose content is never the report's text. */
static int
is_chrome(const xmlNode *n)
{
    static const char *const names[] = {
        "head",   "script", "style",    "noscript", "template",
        "iframe", "frame",  "frameset", "select",   "option",
        "button", "input",  "textarea", "object",   "embed",
        "svg",    "canvas", "audio",    "video",    "map",
        "xml",    "title",  "applet",   "link",     "meta"};
    return name_in(n, names, OGI_ARRAY_LEN(names));
}

/* Elements that are chrome unless they hold the report. */
static int
is_soft_chrome(const xmlNode *n)
{
    return ogi__html_is(n, "nav") || ogi__html_is(n, "footer") ||
           ogi__html_is(n, "aside");
}

/* The value of attribute name of n: "" for one without a value, NULL
 * when absent. */
static const char *
attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && strcmp((const char *)a->name, name) == 0)
            return a->children && a->children->type == XML_TEXT_NODE &&
                           a->children->content
                       ? (const char *)a->children->content
                       : "";
    return NULL;
}

/* 1 when style s hides its element: display:none, visibility:hidden,
 * mso-hide:all (any case, any spaces). */
static int
style_hides(const char *s)
{
    static const char *const hides[] = {"display:none", "visibility:hidden",
                                        "mso-hide:all"};
    char buf[256];
    size_t n = 0;
    for (; *s; s++) {
        char c = *s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c == ';') {
            n = 0;
            continue;
        }
        if (n + 1 < sizeof(buf))
            buf[n++] = c;
        buf[n] = '\0';
        for (size_t k = 0; k < OGI_ARRAY_LEN(hides); k++)
            if (strcmp(buf, hides[k]) == 0)
                return 1;
    }
    return 0;
}

static int
is_hidden(const xmlNode *n)
{
    const char *s = attr(n, "style");
    return attr(n, "hidden") || (s && style_hides(s));
}

/* ---- the report's evidence ---- */

/* 1 when text s holds one of the report's section headings. */
static int
is_evidence(const char *s)
{
    static const char *const heads[] = {
        "总体情况",       "主动公开政府信息",   "政府信息公开申请",  "行政复议",
        "存在的主要问题", "其他需要报告的事项", "依申请公开政府信息"};
    for (size_t k = 0; k < OGI_ARRAY_LEN(heads); k++)
        if (strstr(s, heads[k]))
            return 1;
    return 0;
}

int
ogi__html_table_heading(const char *s)
{
    return strstr(s, "主动公开政府信息") || strstr(s, "政府信息公开申请") ||
           strstr(s, "行政复议");
}

/* Bytes of s that are not whitespace (a no-break space is). */
static size_t
text_bytes(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        size_t m = ogi__html_marker(p);
        if (m) {
            p += m - 1;
            continue;
        }
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
            continue;
        if (p[0] == 0xC2 && p[1] == 0xA0) {
            p++;
            continue;
        }
        n++;
    }
    return n;
}

/* ---- tables ---- */

typedef struct {
    size_t nrows, ncells, maxcols;
    size_t nnum;    /* cells holding a number */
    size_t ntext;   /* cells holding text */
    size_t nimg;    /* cells holding an image and no text */
    size_t nnested; /* tables inside cells */
    int longcell;   /* a cell holding an article */
} tstat_t;

/* 1 when s[0..n) is a number: digits (ASCII or full-width) with signs,
 * separators and a percent sign. */
static int
is_number(const char *s, size_t n)
{
    int digits = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9')
            digits = 1;
        else if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBC &&
                 (unsigned char)s[i + 2] >= 0x90 &&
                 (unsigned char)s[i + 2] <= 0x99) {
            digits = 1;
            i += 2;
        } else if (!strchr(",.%+-", c))
            return 0;
    }
    return digits;
}

/* Adds cell c (a td or th) to the table's figures: its text outside
 * tables inside it, which are counted apart. */
static void
scan_cell(const xmlNode *cell, tstat_t *st)
{
    char probe[NUM_PROBE];
    size_t np = 0, bytes = 0;
    int img = 0, over = 0;
    const xmlNode *n = cell->children;
    while (n) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            const ogi__html_info_t *in = ogi__html_info(n);
            if (!in || in->drop)
                ;
            else if (ogi__html_is(n, "table"))
                st->nnested++;
            else if (ogi__html_is(n, "img"))
                img = 1;
            else
                descend = 1;
        } else if (n->type == XML_TEXT_NODE && n->content) {
            for (const unsigned char *p = n->content; *p; p++) {
                size_t m = ogi__html_marker(p);
                if (m) {
                    p += m - 1;
                    continue;
                }
                if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
                    *p == '\f')
                    continue;
                if (p[0] == 0xC2 && p[1] == 0xA0) {
                    p++;
                    continue;
                }
                bytes++;
                if (np < sizeof(probe))
                    probe[np++] = (char)*p;
                else
                    over = 1;
            }
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        while (n != cell && !n->next)
            n = n->parent;
        n = n == cell ? NULL : n->next;
    }
    st->ncells++;
    if (bytes) {
        st->ntext++;
        st->nnum += !over && is_number(probe, np);
    } else if (img) {
        st->nimg++;
    }
    if (bytes > LONG_CELL)
        st->longcell = 1;
}

static void
scan_row(const xmlNode *tr, tstat_t *st)
{
    const ogi__html_info_t *in = ogi__html_info(tr);
    if (!in || in->drop)
        return;
    size_t cols = 0;
    for (const xmlNode *c = tr->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE ||
            !(ogi__html_is(c, "td") || ogi__html_is(c, "th")))
            continue;
        const ogi__html_info_t *ci = ogi__html_info(c);
        if (!ci || ci->drop)
            continue;
        scan_cell(c, st);
        cols++;
    }
    st->nrows++;
    if (cols > st->maxcols)
        st->maxcols = cols;
}

/* What table t is to the report (OGI__HT_*), from its own cells; *nnum
 * receives how many hold a number. */
static unsigned
classify(const xmlNode *t, size_t *nnum)
{
    tstat_t st = {0};
    for (const xmlNode *c = t->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (ogi__html_is(c, "tr"))
            scan_row(c, &st);
        else if (ogi__html_is(c, "tbody") || ogi__html_is(c, "thead") ||
                 ogi__html_is(c, "tfoot"))
            for (const xmlNode *r = c->children; r; r = r->next)
                if (r->type == XML_ELEMENT_NODE && ogi__html_is(r, "tr"))
                    scan_row(r, &st);
    }
    *nnum = st.nnum;
    if (st.nrows == 0 || st.longcell)
        return OGI__HT_LAYOUT;
    if (st.nnested && st.nnum < 3)
        return OGI__HT_LAYOUT;
    if (st.nimg && st.nnum == 0 && st.ntext <= st.nimg)
        return OGI__HT_IMAGE;
    if (st.maxcols < 2 || st.ntext == 0)
        return OGI__HT_LAYOUT;
    return OGI__HT_DATA;
}

/* ---- the pass over the page ---- */

/*
 * Marks every element under root (node->_private: ogi__html_info_t from
 * the arena): chrome dropped, tables told, evidence and text counted
 * bottom up. Returns 0 or OGI_ENOMEM.
 */
static int
mark(ogi_arena_t *arena, xmlNode *root)
{
    xmlNode *n = root;
    int links = 0; /* <a> elements open around n */
    while (n) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            ogi__html_info_t *in = ogi_arena_calloc(arena, 1, sizeof(*in));
            if (!in)
                return OGI_ENOMEM;
            n->_private = in;
            in->block = ogi__html_is_block(n) & 1;
            if (is_chrome(n) || is_hidden(n)) {
                in->drop = 1;
            } else {
                descend = 1;
                links += ogi__html_is(n, "a");
            }
        } else if ((n->type == XML_TEXT_NODE ||
                    n->type == XML_CDATA_SECTION_NODE) &&
                   n->content && !links) {
            ogi__html_info_t *p = ogi__html_info(n->parent);
            if (p) {
                p->text += text_bytes((const char *)n->content);
                p->evid += is_evidence((const char *)n->content);
            }
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        /* leaving n, and the ancestors whose last child it is */
        for (;;) {
            ogi__html_info_t *in = ogi__html_info(n);
            if (in && !in->drop) {
                links -= ogi__html_is(n, "a");
                if (ogi__html_is(n, "table")) {
                    size_t nnum = 0;
                    in->table = classify(n, &nnum) & 3u;
                    /* a table of figures: a table of links is not one */
                    in->evid +=
                        in->table == OGI__HT_DATA && nnum >= MIN_FIGURES;
                }
                if (is_soft_chrome(n) && in->evid == 0)
                    in->drop = 1;
                ogi__html_info_t *p = ogi__html_info(n->parent);
                if (p && !in->drop) {
                    p->evid += in->evid;
                    p->text += in->text;
                }
            }
            if (n == root)
                return 0;
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
    return 0;
}

/* The info of a marked element; a dropped one for anything else. */
static const ogi__html_info_t *
inf(const xmlNode *n)
{
    static const ogi__html_info_t none = {.drop = 1};
    const ogi__html_info_t *i = ogi__html_info(n);
    return i ? i : &none;
}

/* The child element of n named name, or NULL. */
static xmlNode *
child(xmlNode *n, const char *name)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && ogi__html_is(c, name))
            return c;
    return NULL;
}

/* 1 for an element that can hold a page's article: not a paragraph, a
 * heading or inline text. */
static int
is_container(const xmlNode *n)
{
    static const char *const names[] = {"div",  "section", "article",    "main",
                                        "form", "center",  "blockquote", "td",
                                        "th",   "body",    "html"};
    return name_in(n, names, OGI_ARRAY_LEN(names));
}

/* 1 when n is a data table or lies inside one's rows. */
static int
in_data_table(const xmlNode *n)
{
    for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
        if (ogi__html_is(n, "table"))
            return inf(n)->table == OGI__HT_DATA;
        if (!(ogi__html_is(n, "td") || ogi__html_is(n, "th") ||
              ogi__html_is(n, "tr") || ogi__html_is(n, "tbody") ||
              ogi__html_is(n, "thead") || ogi__html_is(n, "tfoot")))
            return 0;
    }
    return 0;
}

/* The report's body under body (see the file's comment). */
static xmlNode *
content_of(xmlNode *body)
{
    const ogi__html_info_t *bi = inf(body);
    xmlNode *c = body;
    if (bi->evid > 0) {
        for (;;) {
            xmlNode *next = NULL;
            for (xmlNode *k = c->children; k && !next; k = k->next) {
                const ogi__html_info_t *ki = ogi__html_info(k);
                if (ki && !ki->drop && ki->evid == bi->evid)
                    next = k;
            }
            if (!next)
                break;
            c = next;
        }
    }
    while (c != body && (!is_container(c) || in_data_table(c) ||
                         inf(c)->text * 2 < bi->text))
        c = c->parent;
    return c;
}

/* 1 when text s looks like the report's title. */
static int
is_title(const char *s)
{
    size_t n = strlen(s);
    return n <= TITLE_MAX && strstr(s, "年度报告") && strstr(s, "公开");
}

/*
 * The report's title when the body c lacks one: the last title-like text
 * before c outside links, else the page's <title>; NULL when c has one
 * among its first texts or none is found.
 */
static const char *
title_for(xmlNode *root, xmlNode *body, xmlNode *c)
{
    /* the body's first texts, joined */
    char head[TITLE_MAX + 1];
    size_t hn = 0;
    for (xmlNode *n = c; n && hn < TITLE_MAX;) {
        int descend = n->type == XML_ELEMENT_NODE && !inf(n)->drop;
        if (n->type == XML_TEXT_NODE && n->content) {
            for (const char *p = (const char *)n->content; *p && hn < TITLE_MAX;
                 p++)
                if (!strchr(" \t\r\n", *p))
                    head[hn++] = *p;
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        while (n != c && !n->next)
            n = n->parent;
        n = n == c ? NULL : n->next;
    }
    head[hn] = '\0';
    if (strstr(head, "年度报告"))
        return NULL;
    const char *found = NULL;
    if (c != body) {
        int links = 0;
        for (xmlNode *n = body; n && n != c;) {
            int descend = 0;
            if (n->type == XML_ELEMENT_NODE) {
                if (!inf(n)->drop && !ogi__html_is(n, "a"))
                    descend = 1;
            } else if (n->type == XML_TEXT_NODE && n->content && !links &&
                       is_title((const char *)n->content)) {
                found = (const char *)n->content;
            }
            if (descend && n->children) {
                n = n->children;
                continue;
            }
            while (n != body && !n->next)
                n = n->parent;
            n = n == body ? NULL : n->next;
        }
    }
    if (!found) {
        xmlNode *t = child(child(root, "head"), "title");
        if (t && t->children && t->children->type == XML_TEXT_NODE &&
            t->children->content &&
            is_title((const char *)t->children->content))
            found = (const char *)t->children->content;
    }
    return found;
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

/* libxml2 wants its global state set up once, before threads use it. */
static void
init_libxml(void)
{
    xmlInitParser();
}

int
ogi__form_html(ogi_arena_t *arena, const char *raw, size_t len,
               ogi__view_t *out, char *why, size_t why_size)
{
    ogi__view_t dec;
    memset(&dec, 0, sizeof(dec));
    int rc = ogi__form_decode(arena, raw, len, 1, &dec, why, why_size);
    if (rc)
        return rc;
    if (dec.len > (size_t)INT32_MAX) {
        snprintf(why, why_size, "HTML: page of %zu bytes is too large",
                 dec.len);
        return OGI_ETOOBIG;
    }
    pthread_once(&init_once, init_libxml);
    htmlDocPtr doc = htmlReadMemory(
        dec.s, (int)dec.len, NULL, "UTF-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
            HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        /* nothing libxml2 can build a tree from: no text */
        xmlFreeDoc(doc);
        out->s = "";
        out->len = 0;
        out->encoding = dec.encoding;
        out->map = NULL;
        out->nmap = 0;
        out->nraw = 0;
        return 0;
    }
    if ((rc = mark(arena, root))) {
        xmlFreeDoc(doc);
        return rc;
    }
    xmlNode *body = child(root, "body");
    if (!body || inf(body)->drop)
        body = root;
    xmlNode *c = content_of(body);
    const char *title = title_for(root, body, c);

    ogi__view_buf_t b;
    ogi__view_buf_init(&b, arena);
    ogi__html_seen_t seen;
    ogi__html_write(&b, c, title, &seen);
    int evid = inf(body)->evid > 0;
    xmlFreeDoc(doc);

    if (evid && seen.ndata == 0 && (seen.nimage || seen.nimg_sec)) {
        snprintf(why, why_size, "HTML: the report's tables are images");
        return OGI_EREJECT;
    }
    const char *s;
    size_t n;
    if ((rc = ogi__view_buf_finish(&b, &s, &n)))
        return rc;
    if (n > len * MAX_VIEW_FACTOR + 4096) {
        snprintf(why, why_size, "HTML: view of %zu bytes from %zu", n, len);
        return OGI_ETOOBIG;
    }
    out->s = s;
    out->len = n;
    out->encoding = dec.encoding;
    out->map = NULL;
    out->nmap = 0;
    out->nraw = 0;
    return 0;
}
