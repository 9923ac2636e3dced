/*
 * form_docx.c - DOCX documents to a text view (form_int.h).
 *
 * A DOCX is a ZIP (libzip, read from memory) whose word/document.xml
 * holds the body: w:body's w:p paragraphs and w:tbl tables in reading
 * order. The package is hostile until read: the entry count is bounded,
 * and a part is inflated in a bounded loop (never trusting the size its
 * header claims) up to MAX_PART_BYTES and at most RATIO times the input,
 * so that a ZIP bomb is rejected before it is inflated. The XML is parsed
 * by libxml2 without network, DTD loading or entity substitution.
 *
 * A paragraph is one line: the text of its runs (w:t; w:tab a space,
 * w:br a new line, w:sym, w:noBreakHyphen), with what sits inside
 * w:ins, w:hyperlink, w:smartTag, w:fldSimple, w:sdt content and custom
 * XML, and without deleted text (w:del, w:delText) or field
 * instructions (w:instrText). Its automatic number ("一、", "（一）",
 * "1.": docx_num.c) comes first. A table is HTML markup, one <tr> per
 * line: w:gridSpan is a colspan, a w:vMerge run is one cell with a
 * rowspan (the continued cells left out), w:gridBefore/w:gridAfter empty
 * cells, a cell's paragraphs joined with <br>. A table nested in a cell
 * is written after the row that holds it (the outer table closed and
 * opened again around it, so each stays a grid); a one-column table that
 * holds tables is a layout box, read as the blocks it holds. Headers,
 * footers, footnotes and comments are not read.
 *
 * The view is made, not copied: encoding NULL, no map, nraw 0.
 */
#include "ogi_int.h"

#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "docx_int.h"
#include "form_int.h"
#include "ogi/error.h"

#define MAX_ENTRIES    10000              /* ZIP entries */
#define MAX_PART_BYTES ((size_t)64 << 20) /* an inflated part */
#define MIN_PART_BYTES ((size_t)1 << 20)  /* always allowed */
#define RATIO          200                /* part size / input size */
#define MAX_DEPTH      64                 /* elements nested in a block */
#define MAX_TABLES     8                  /* tables nested in tables */
#define MAX_SPAN       64                 /* a w:gridSpan */
#define MAX_ROWS       100000             /* rows of a table */
#define MAX_CELLS      4096               /* cells of a row */

static const char W_NS[] =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char W_NS_STRICT[] =
    "http://purl.oclc.org/ooxml/wordprocessingml/main";

/* ---- WordprocessingML helpers (docx_int.h) ---- */

static int
w_ns(const xmlNs *ns)
{
    return ns && ns->href &&
           (strcmp((const char *)ns->href, W_NS) == 0 ||
            strcmp((const char *)ns->href, W_NS_STRICT) == 0);
}

int
ogi__docx_is(const xmlNode *node, const char *local)
{
    return node && node->type == XML_ELEMENT_NODE && w_ns(node->ns) &&
           strcmp((const char *)node->name, local) == 0;
}

const char *
ogi__docx_attr(const xmlNode *node, const char *local)
{
    for (const xmlAttr *a = node->properties; a; a = a->next) {
        if (!w_ns(a->ns) || strcmp((const char *)a->name, local) != 0)
            continue;
        const xmlNode *v = a->children;
        return v && v->type == XML_TEXT_NODE && v->content
                   ? (const char *)v->content
                   : "";
    }
    return NULL;
}

const xmlNode *
ogi__docx_child(const xmlNode *node, const char *local)
{
    for (const xmlNode *c = node->children; c; c = c->next)
        if (ogi__docx_is(c, local))
            return c;
    return NULL;
}

int
ogi__docx_int_attr(const xmlNode *node, const char *local, int dflt)
{
    const char *s = ogi__docx_attr(node, local);
    if (!s)
        return dflt;
    while (*s == ' ')
        s++;
    int n = 0, k = 0;
    for (; k < 9 && *s >= '0' && *s <= '9'; k++)
        n = n * 10 + (*s++ - '0');
    return k ? n : dflt;
}

/* ---- the package ---- */

/* The inflated bytes of entry name (malloc'd, NUL-terminated, into *s);
 * at most cap bytes are inflated. Returns 0; 1 when the entry is absent;
 * OGI_ETOOBIG beyond cap; OGI_EREJECT when it cannot be read (why). */
static int
read_part(zip_t *za, const char *name, size_t cap, char **s, size_t *n,
          char *why, size_t why_size)
{
    *s = NULL;
    *n = 0;
    zip_int64_t idx = zip_name_locate(za, name, 0);
    if (idx < 0)
        idx = zip_name_locate(za, name, ZIP_FL_NOCASE);
    if (idx < 0)
        return 1;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, (zip_uint64_t)idx, 0, &st) == 0 &&
        (st.valid & ZIP_STAT_SIZE) && st.size > cap) {
        snprintf(why, why_size, "DOCX: %s too large", name);
        return OGI_ETOOBIG;
    }
    zip_file_t *f = zip_fopen_index(za, (zip_uint64_t)idx, 0);
    if (!f) {
        snprintf(why, why_size, "DOCX: %s unreadable (%s)", name,
                 zip_strerror(za));
        return OGI_EREJECT;
    }
    size_t len = 0, bcap = 0;
    char *buf = NULL;
    int rc = 0;
    for (;;) {
        if (len == bcap) {
            if (bcap > cap) {
                snprintf(why, why_size, "DOCX: %s too large", name);
                rc = OGI_ETOOBIG;
                break;
            }
            size_t ncap = bcap ? bcap * 2 : 65536;
            if (ncap > cap + 1)
                ncap = cap + 1;
            char *p = ogi_realloc(buf, ncap + 1);
            if (!p) {
                rc = OGI_ENOMEM;
                break;
            }
            buf = p;
            bcap = ncap;
        }
        zip_int64_t k = zip_fread(f, buf + len, bcap - len);
        if (k < 0) {
            snprintf(why, why_size, "DOCX: %s unreadable (%s)", name,
                     zip_file_strerror(f));
            rc = OGI_EREJECT;
            break;
        }
        if (k == 0)
            break;
        len += (size_t)k;
    }
    if (rc == 0 && len > cap) {
        snprintf(why, why_size, "DOCX: %s too large", name);
        rc = OGI_ETOOBIG;
    }
    zip_fclose(f);
    if (rc) {
        ogi_free(buf);
        return rc;
    }
    if (!buf && !(buf = ogi_malloc(1)))
        return OGI_ENOMEM;
    buf[len] = '\0';
    *s = buf;
    *n = len;
    return 0;
}

/* Parses part bytes s[0..n) as XML: no network, no DTD, no entities
 * substituted, no messages on stderr. NULL when malformed. */
static xmlDoc *
parse_xml(const char *s, size_t n, const char *name)
{
    if (n > (size_t)0x7fffffff)
        return NULL;
    return xmlReadMemory(s, (int)n, name, NULL,
                         XML_PARSE_NONET | XML_PARSE_NOERROR |
                             XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
}

/* ---- the body ---- */

typedef struct {
    ogi_arena_t *arena;
    ogi__view_buf_t out;  /* the view */
    ogi__view_buf_t para; /* a paragraph's text (scratch) */
    ogi__view_buf_t cell; /* a cell's text (scratch) */
    ogi__docx_num_t *num;
    char label[128]; /* a paragraph's number */
} docx_t;

/* Appends code point cp as UTF-8. */
static void
put_cp(ogi__view_buf_t *b, unsigned long cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        if (cp >= 0xD800 && cp < 0xE000)
            return;
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else if (cp < 0x110000) {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    } else {
        return;
    }
    ogi__view_buf_put(b, u, n);
}

/* The text of a w:t: its text nodes, line ends and tabs as spaces. */
static void
put_t(ogi__view_buf_t *b, const xmlNode *t)
{
    for (const xmlNode *c = t->children; c; c = c->next) {
        if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) ||
            !c->content)
            continue;
        const char *s = (const char *)c->content;
        size_t from = 0, i = 0;
        for (; s[i]; i++) {
            if (s[i] == '\r' || s[i] == '\n' || s[i] == '\t') {
                ogi__view_buf_put(b, s + from, i - from);
                ogi__view_buf_put(b, " ", 1);
                from = i + 1;
            }
        }
        ogi__view_buf_put(b, s + from, i - from);
    }
}

/* A w:sym's character: w:char in hex; symbol fonts put theirs at
 * U+F0xx, read as the ASCII code they draw over. */
static void
put_sym(ogi__view_buf_t *b, const xmlNode *sym)
{
    const char *s = ogi__docx_attr(sym, "char");
    unsigned long cp = 0;
    for (int k = 0; s && k < 6 && *s; k++, s++) {
        int v = *s >= '0' && *s <= '9'   ? *s - '0'
                : *s >= 'a' && *s <= 'f' ? *s - 'a' + 10
                : *s >= 'A' && *s <= 'F' ? *s - 'A' + 10
                                         : -1;
        if (v < 0)
            break;
        cp = cp * 16 + (unsigned long)v;
    }
    if (cp >= 0xF000 && cp <= 0xF0FF)
        cp -= 0xF000;
    if (cp >= 0x20 && cp != 0x7F)
        put_cp(b, cp);
}

/* Elements whose text is not the document's: deleted text, field
 * instructions, properties, drawings, references to notes. */
static int
skipped(const xmlNode *c)
{
    static const char names[] =
        "|del|moveFrom|delText|delInstrText|instrText|rPr|pPr|sdtPr|sdtEndPr"
        "|drawing|pict|object|fldData|tblPr|trPr|tcPr|customXmlPr|smartTagPr"
        "|rubyPr|rt|commentReference|footnoteReference|endnoteReference|";
    char key[48];
    size_t n = strlen((const char *)c->name);
    if (n + 3 > sizeof(key))
        return 0;
    key[0] = '|';
    memcpy(key + 1, c->name, n);
    key[n + 1] = '|';
    key[n + 2] = '\0';
    return strstr(names, key) != NULL;
}

/* 1 when run r is hidden text (w:vanish): Word neither shows nor prints
 * it. */
static int
hidden(const xmlNode *r)
{
    const xmlNode *pr = ogi__docx_child(r, "rPr");
    const xmlNode *v = pr ? ogi__docx_child(pr, "vanish") : NULL;
    const char *val = v ? ogi__docx_attr(v, "val") : NULL;
    return v && (!val || (strcmp(val, "0") != 0 && strcmp(val, "false") != 0 &&
                          strcmp(val, "off") != 0));
}

/* Appends the text of node's inline content to b. */
static void
inline_text(ogi__view_buf_t *b, const xmlNode *node, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (const xmlNode *c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !w_ns(c->ns) || skipped(c))
            continue;
        const char *n = (const char *)c->name;
        if (strcmp(n, "t") == 0)
            put_t(b, c);
        else if (strcmp(n, "tab") == 0 || strcmp(n, "ptab") == 0)
            ogi__view_buf_put(b, " ", 1);
        else if (strcmp(n, "br") == 0 || strcmp(n, "cr") == 0)
            ogi__view_buf_put(b, "\n", 1);
        else if (strcmp(n, "noBreakHyphen") == 0)
            ogi__view_buf_put(b, "-", 1);
        else if (strcmp(n, "sym") == 0)
            put_sym(b, c);
        else if (strcmp(n, "r") == 0 && hidden(c))
            continue;
        else if (strcmp(n, "softHyphen") != 0)
            inline_text(b, c, depth + 1); /* r, ins, hyperlink, sdt... */
    }
}

/* The text of paragraph p into d->para: its number, then its runs. */
static void
para_text(docx_t *d, const xmlNode *p)
{
    d->para.len = 0;
    size_t n = ogi__docx_num_label(d->num, p, d->label, sizeof(d->label));
    size_t mark = n;
    ogi__view_buf_put(&d->para, d->label, n);
    inline_text(&d->para, p, 0);
    /* a number with no text after it is an empty paragraph */
    int blank = 1;
    for (size_t i = mark; i < d->para.len && blank; i++)
        blank = d->para.s[i] == ' ' || d->para.s[i] == '\n';
    if (blank)
        d->para.len = 0;
}

/* Writes paragraph p as lines of the view (a w:br starts a new line). */
static void
para_block(docx_t *d, const xmlNode *p)
{
    para_text(d, p);
    const char *s = d->para.s;
    size_t from = 0, n = d->para.len;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '\n')
            continue;
        size_t a = from, z = i;
        while (a < z && s[a] == ' ')
            a++;
        if (a < z) {
            ogi__view_buf_put(&d->out, s + from, i - from);
            ogi__view_buf_put(&d->out, "\n", 1);
        }
        from = i + 1;
    }
}

static void blocks(docx_t *d, const xmlNode *parent, int depth, int tables);
static void write_table(docx_t *d, const xmlNode *tbl, int depth);

/* Children of parent named local, looking through content controls and
 * custom XML (w:sdt/w:sdtContent, w:customXml): into v[*n..cap). */
static void
gather(const xmlNode *parent, const char *local, const xmlNode **v, size_t *n,
       size_t cap, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (const xmlNode *c = parent->children; c; c = c->next) {
        if (ogi__docx_is(c, local)) {
            if (v && *n < cap)
                v[*n] = c;
            if (*n < cap)
                (*n)++;
        } else if (ogi__docx_is(c, "sdt")) {
            const xmlNode *sc = ogi__docx_child(c, "sdtContent");
            if (sc)
                gather(sc, local, v, n, cap, depth + 1);
        } else if (ogi__docx_is(c, "customXml")) {
            gather(c, local, v, n, cap, depth + 1);
        }
    }
}

/* The cell's paragraphs into d->cell, joined with new lines (empty ones
 * left out); its tables into tbls[*ntbls..cap). */
static void
cell_text(docx_t *d, const xmlNode *node, const xmlNode **tbls, size_t *ntbls,
          size_t cap, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (const xmlNode *c = node->children; c; c = c->next) {
        if (ogi__docx_is(c, "p")) {
            para_text(d, c);
            if (d->para.len == 0)
                continue;
            if (d->cell.len)
                ogi__view_buf_put(&d->cell, "\n", 1);
            ogi__view_buf_put(&d->cell, d->para.s, d->para.len);
        } else if (ogi__docx_is(c, "tbl")) {
            if (*ntbls < cap)
                tbls[(*ntbls)++] = c;
        } else if (ogi__docx_is(c, "sdt")) {
            const xmlNode *sc = ogi__docx_child(c, "sdtContent");
            if (sc)
                cell_text(d, sc, tbls, ntbls, cap, depth + 1);
        } else if (ogi__docx_is(c, "customXml") || ogi__docx_is(c, "ins") ||
                   ogi__docx_is(c, "moveTo")) {
            cell_text(d, c, tbls, ntbls, cap, depth + 1);
        }
    }
}

/* Writes the cell text in d->cell, escaped; a cell of no-break spaces
 * only as &nbsp;. */
static void
put_cell(docx_t *d)
{
    const char *s = d->cell.s;
    size_t n = d->cell.len, nbsp = 0, other = 0;
    for (size_t i = 0; i < n; i++) {
        if (i + 1 < n && (unsigned char)s[i] == 0xC2 &&
            (unsigned char)s[i + 1] == 0xA0) {
            nbsp++;
            i++;
        } else if (s[i] != ' ') {
            other++;
        }
    }
    if (nbsp && !other)
        ogi__view_buf_puts(&d->out, "&nbsp;");
    else
        ogi__view_buf_escape(&d->out, s, n);
}

typedef struct {
    const xmlNode *tc;
    int col, span;
    int vm;      /* 0 none, 1 w:vMerge restart, 2 continue */
    int rowspan; /* 0: left out (a continued cell) */
    int tables;  /* holds a table */
} cell_t;

typedef struct {
    cell_t *cells;
    size_t n;
    int before, after; /* w:gridBefore, w:gridAfter */
    int nested;        /* a cell holds a table: the grid is cut after it */
} row_t;

static int
has_table(const xmlNode *tc)
{
    size_t n = 0;
    gather(tc, "tbl", NULL, &n, 1, 0);
    return n > 0;
}

/* Reads row tr's cells. 0, or OGI_ENOMEM. */
static int
read_row(docx_t *d, const xmlNode *tr, row_t *r)
{
    const xmlNode *pr = ogi__docx_child(tr, "trPr");
    const xmlNode *g;
    r->before = pr && (g = ogi__docx_child(pr, "gridBefore"))
                    ? ogi__docx_int_attr(g, "val", 0)
                    : 0;
    r->after = pr && (g = ogi__docx_child(pr, "gridAfter"))
                   ? ogi__docx_int_attr(g, "val", 0)
                   : 0;
    r->before = r->before > MAX_SPAN ? MAX_SPAN : r->before;
    r->after = r->after > MAX_SPAN ? MAX_SPAN : r->after;
    size_t n = 0;
    gather(tr, "tc", NULL, &n, MAX_CELLS, 0);
    const xmlNode **tcs = ogi_arena_calloc(d->arena, n + 1, sizeof(*tcs));
    r->cells = ogi_arena_calloc(d->arena, n + 1, sizeof(*r->cells));
    if (!tcs || !r->cells)
        return OGI_ENOMEM;
    r->n = 0;
    gather(tr, "tc", tcs, &r->n, n, 0);
    int col = r->before;
    for (size_t k = 0; k < r->n; k++) {
        cell_t *c = &r->cells[k];
        const xmlNode *tcpr = ogi__docx_child(tcs[k], "tcPr");
        const xmlNode *gs = tcpr ? ogi__docx_child(tcpr, "gridSpan") : NULL;
        const xmlNode *vm = tcpr ? ogi__docx_child(tcpr, "vMerge") : NULL;
        int span = gs ? ogi__docx_int_attr(gs, "val", 1) : 1;
        const char *v = vm ? ogi__docx_attr(vm, "val") : NULL;
        c->tc = tcs[k];
        c->col = col;
        c->span = span < 1 ? 1 : span > MAX_SPAN ? MAX_SPAN : span;
        c->vm = !vm ? 0 : v && strcmp(v, "restart") == 0 ? 1 : 2;
        c->rowspan = 1;
        c->tables = has_table(tcs[k]);
        r->nested |= c->tables;
        if (col < 1000000)
            col += c->span;
    }
    return 0;
}

/* The cell of row r that starts at grid column col, or NULL (a row's
 * columns ascend: a binary search keeps wide, tall tables linear). */
static cell_t *
cell_at(row_t *r, int col)
{
    size_t lo = 0, hi = r->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->cells[mid].col < col)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < r->n && r->cells[lo].col == col ? &r->cells[lo] : NULL;
}

/* Row spans of rows[from..to): a cell followed below by continued cells
 * (w:vMerge without restart) at its column spans them; those are left
 * out. */
static void
row_spans(row_t *rows, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        for (size_t k = 0; k < rows[i].n; k++) {
            cell_t *c = &rows[i].cells[k];
            if (c->vm == 2 && i > from && cell_at(&rows[i - 1], c->col)) {
                c->rowspan = 0;
                continue;
            }
            size_t j = i + 1;
            cell_t *b;
            while (j < to && (b = cell_at(&rows[j], c->col)) && b->vm == 2)
                j++;
            c->rowspan = (int)(j - i);
        }
    }
}

static void
put_td(docx_t *d, int rowspan, int colspan)
{
    char tag[64];
    if (rowspan > 1 && colspan > 1)
        snprintf(tag, sizeof(tag), "<td rowspan=\"%d\" colspan=\"%d\">",
                 rowspan, colspan);
    else if (rowspan > 1)
        snprintf(tag, sizeof(tag), "<td rowspan=\"%d\">", rowspan);
    else if (colspan > 1)
        snprintf(tag, sizeof(tag), "<td colspan=\"%d\">", colspan);
    else
        snprintf(tag, sizeof(tag), "<td>");
    ogi__view_buf_puts(&d->out, tag);
}

/* Writes row r (one line); the tables its cells hold into tbls. */
static void
write_row(docx_t *d, const row_t *r, const xmlNode **tbls, size_t *ntbls,
          size_t cap)
{
    ogi__view_buf_puts(&d->out, "<tr>");
    if (r->before > 0) {
        put_td(d, 1, r->before);
        ogi__view_buf_puts(&d->out, "</td>");
    }
    for (size_t k = 0; k < r->n; k++) {
        const cell_t *c = &r->cells[k];
        if (c->rowspan == 0)
            continue;
        d->cell.len = 0;
        cell_text(d, c->tc, tbls, ntbls, cap, 0);
        put_td(d, c->rowspan, c->span);
        put_cell(d);
        ogi__view_buf_puts(&d->out, "</td>");
    }
    if (r->after > 0) {
        put_td(d, 1, r->after);
        ogi__view_buf_puts(&d->out, "</td>");
    }
    ogi__view_buf_puts(&d->out, "</tr>\n");
}

/* A one-column table that holds tables: a box around the page. */
static int
is_layout(const row_t *rows, size_t n)
{
    int nested = 0;
    for (size_t i = 0; i < n; i++) {
        if (rows[i].n > 1 || rows[i].before || rows[i].after)
            return 0;
        nested |= rows[i].nested;
    }
    return nested;
}

static void
write_table(docx_t *d, const xmlNode *tbl, int depth)
{
    if (depth >= MAX_TABLES || d->out.oom)
        return;
    size_t n = 0;
    gather(tbl, "tr", NULL, &n, MAX_ROWS, 0);
    const xmlNode **trs = ogi_arena_calloc(d->arena, n + 1, sizeof(*trs));
    row_t *rows = ogi_arena_calloc(d->arena, n + 1, sizeof(*rows));
    if (!trs || !rows) {
        d->out.oom = 1;
        return;
    }
    size_t got = 0;
    gather(tbl, "tr", trs, &got, n, 0);
    for (size_t i = 0; i < n; i++)
        if (read_row(d, trs[i], &rows[i])) {
            d->out.oom = 1;
            return;
        }
    if (is_layout(rows, n)) {
        for (size_t i = 0; i < n; i++)
            for (size_t k = 0; k < rows[i].n; k++)
                blocks(d, rows[i].cells[k].tc, 0, depth + 1);
        return;
    }
    /* the grid is cut after each row that holds a table */
    for (size_t from = 0; from < n;) {
        size_t to = from;
        while (to < n && !rows[to].nested)
            to++;
        to = to < n ? to + 1 : n;
        row_spans(rows, from, to);
        ogi__view_buf_puts(&d->out, "<table>\n");
        const xmlNode *tbls[16];
        size_t ntbls = 0;
        for (size_t i = from; i < to; i++)
            write_row(d, &rows[i], tbls, &ntbls, OGI_ARRAY_LEN(tbls));
        ogi__view_buf_puts(&d->out, "</table>\n");
        for (size_t k = 0; k < ntbls; k++)
            write_table(d, tbls[k], depth + 1);
        from = to;
    }
}

/* Writes the block content of parent: paragraphs, tables, and what
 * content controls, custom XML and insertions hold. */
static void
blocks(docx_t *d, const xmlNode *parent, int depth, int tables)
{
    if (depth > MAX_DEPTH)
        return;
    for (const xmlNode *c = parent->children; c && !d->out.oom; c = c->next) {
        if (ogi__docx_is(c, "p")) {
            para_block(d, c);
        } else if (ogi__docx_is(c, "tbl")) {
            write_table(d, c, tables);
        } else if (ogi__docx_is(c, "sdt")) {
            const xmlNode *sc = ogi__docx_child(c, "sdtContent");
            if (sc)
                blocks(d, sc, depth + 1, tables);
        } else if (ogi__docx_is(c, "customXml") || ogi__docx_is(c, "ins") ||
                   ogi__docx_is(c, "moveTo")) {
            blocks(d, c, depth + 1, tables);
        }
    }
}

/* ---- the converter ---- */

/* Reads an optional part (numbering, styles) as XML: NULL when absent,
 * too large or malformed (the document is read without it). *rc gets
 * OGI_ENOMEM when memory ran out. */
static xmlDoc *
optional_part(zip_t *za, const char *name, size_t cap, int *rc)
{
    char *s = NULL, why[8];
    size_t n = 0;
    int r = read_part(za, name, cap, &s, &n, why, sizeof(why));
    if (r == OGI_ENOMEM)
        *rc = r;
    if (r)
        return NULL;
    xmlDoc *doc = parse_xml(s, n, name);
    ogi_free(s);
    return doc;
}

int
ogi__form_docx(ogi_arena_t *arena, const char *raw, size_t len,
               ogi__view_t *out, char *why, size_t why_size)
{
    memset(out, 0, sizeof(*out));
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(raw, len, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (!za) {
        snprintf(why, why_size, "DOCX: not a readable ZIP (%s)",
                 zip_error_strerror(&ze));
        zip_error_fini(&ze);
        if (src)
            zip_source_free(src);
        return OGI_EREJECT;
    }
    zip_error_fini(&ze);

    int rc = 0;
    char *xml = NULL;
    size_t nxml = 0;
    xmlDoc *doc = NULL, *numbering = NULL, *styles = NULL;
    size_t cap = len < MAX_PART_BYTES / RATIO ? len * RATIO : MAX_PART_BYTES;
    if (cap < MIN_PART_BYTES)
        cap = MIN_PART_BYTES;
    zip_int64_t entries = zip_get_num_entries(za, 0);
    if (entries < 0 || entries > MAX_ENTRIES) {
        snprintf(why, why_size, "DOCX: too many ZIP entries (%lld)",
                 (long long)entries);
        rc = OGI_ETOOBIG;
        goto out;
    }
    rc = read_part(za, "word/document.xml", cap, &xml, &nxml, why, why_size);
    if (rc == 1) {
        snprintf(why, why_size, "DOCX: word/document.xml missing");
        rc = OGI_EREJECT;
    }
    if (rc)
        goto out;
    doc = parse_xml(xml, nxml, "document.xml");
    ogi_free(xml);
    const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    const xmlNode *body = root ? ogi__docx_child(root, "body") : NULL;
    if (!body) {
        snprintf(why, why_size,
                 "DOCX: word/document.xml is not a Word "
                 "document's XML");
        rc = OGI_EREJECT;
        goto out;
    }
    numbering = optional_part(za, "word/numbering.xml", cap, &rc);
    styles = optional_part(za, "word/styles.xml", cap, &rc);
    if (rc)
        goto out;
    docx_t d;
    memset(&d, 0, sizeof(d));
    d.arena = arena;
    ogi__view_buf_init(&d.out, arena);
    ogi__view_buf_init(&d.para, arena);
    ogi__view_buf_init(&d.cell, arena);
    if (!(d.num = ogi__docx_num_new(arena, numbering, styles))) {
        rc = OGI_ENOMEM;
        goto out;
    }
    blocks(&d, body, 0, 0);
    if (d.para.oom || d.cell.oom)
        d.out.oom = 1;
    rc = ogi__view_buf_finish(&d.out, &out->s, &out->len);
    out->encoding = NULL;
    out->map = NULL;
    out->nmap = 0;
    out->nraw = 0;
out:
    xmlFreeDoc(doc);
    xmlFreeDoc(numbering);
    xmlFreeDoc(styles);
    zip_discard(za);
    return rc;
}
