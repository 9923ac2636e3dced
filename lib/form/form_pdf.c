/*
 * form_pdf.c - PDF documents to a text view (form_int.h).
 *
 * poppler-glib opens the bytes in place (a GBytes over raw, no copy).
 * Each page gives its text and one rectangle per character; the glyphs
 * are laid out into lines on a character grid (pdf_lines.c), as
 * `pdftotext -layout` writes them. A page where a line has cells apart
 * is also drawn (cairo, about a pixel a point) to find its ruled tables
 * (pdf_table.c): the glyphs inside a table go to its cells and the table
 * is written as HTML table markup, which keeps a wrapped label in its
 * cell and a value in its column. On 40 generated reports printed by
 * LibreOffice this reads 99.9% of the cells where the laid-out text alone
 * reads 91% (pdftotext -layout's text: 91% too); a table without rules
 * stays laid-out text for the aligned-columns readers. Running headers, footers
 * and page numbers are left out; a table going on over a page break is joined.
 * The view has no map into the raw bytes (nraw = 0) and no encoding.
 *
 * Rejected, with the reason: a PDF that needs a password, one poppler
 * cannot open, one with no text at all (a scan), one whose text is mostly
 * private-use or replacement characters (fonts without a Unicode map).
 * Runs in the sandbox child (sandbox.c), but frees what it takes from
 * poppler all the same: the fuzz target calls it in-process.
 */
#include "ogi_int.h"

#include <cairo.h>
#include <math.h>
#include <poppler.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "ogi/error.h"
#include "pdf_lines_int.h"
#include "pdf_table_int.h"

/* bounds: pages read, and glyphs in all (a page of dense text has ~3000) */
#define MAX_PAGES  500
#define MAX_GLYPHS ((size_t)4 << 20)

typedef struct {
    size_t glyphs;     /* glyphs that are not blank */
    size_t unreadable; /* private-use, replacement or control characters */
} count_t;

static int
unreadable(uint32_t c)
{
    return (c >= 0xE000 && c <= 0xF8FF) || c == 0xFFFD ||
           (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
           (c >= 0xF0000 && c <= 0x10FFFF);
}

/* a page's picture has at most this many pixels (1 pixel a point for A4) */
#define MAX_PIXELS 4000000.0

/* How a page's text runs on the page as poppler shows it (its /Rotate
 * applied): turned so that it runs left to right, lines and tables are
 * read the same way on every page. */
typedef struct {
    int turn;      /* 0, 90, 180, 270: the text runs right, down, left, up */
    double w, h;   /* the page as shown, points */
    double uw, uh; /* the page turned upright */
} orient_t;

/* The turn of glyphs g[0..n) (in the text's order): the way most pairs of
 * glyphs next to each other run. */
static void
orient(const ogi__pdf_glyph_t *g, size_t n, double w, double h, orient_t *o)
{
    size_t vote[4] = {0, 0, 0, 0};
    for (size_t i = 1; i < n; i++) {
        if (g[i].cp <= 0x20 || g[i - 1].cp <= 0x20)
            continue;
        float dx = (g[i].x0 + g[i].x1 - g[i - 1].x0 - g[i - 1].x1) / 2;
        float dy = (g[i].y0 + g[i].y1 - g[i - 1].y0 - g[i - 1].y1) / 2;
        if (fabsf(dx) >= fabsf(dy))
            vote[dx >= 0 ? 0 : 2]++;
        else
            vote[dy > 0 ? 1 : 3]++;
    }
    int best = 0;
    for (int i = 1; i < 4; i++)
        if (vote[i] > 2 * vote[0] && vote[i] > vote[best])
            best = i;
    o->turn = best * 90;
    o->w = w;
    o->h = h;
    o->uw = best % 2 ? h : w;
    o->uh = best % 2 ? w : h;
}

/* Turns glyph c upright as o says. */
static void
turn_glyph(const orient_t *o, ogi__pdf_glyph_t *c)
{
    float x0 = c->x0, y0 = c->y0, x1 = c->x1, y1 = c->y1;
    float w = (float)o->w, h = (float)o->h;
    switch (o->turn) {
        case 90:
            *c = (ogi__pdf_glyph_t){c->cp, y0,     w - x1,
                                    y1,    w - x0, c->space_before};
            break;
        case 180:
            *c = (ogi__pdf_glyph_t){c->cp,  w - x1, h - y1,
                                    w - x0, h - y0, c->space_before};
            break;
        case 270:
            *c = (ogi__pdf_glyph_t){c->cp,  h - y1, x0,
                                    h - y0, x1,     c->space_before};
            break;
        default:
            break;
    }
}

/* The ruled tables of page pg (arena), from its picture turned upright
 * as o says, drawn into dark (at least MAX_PIXELS + slack bytes, the
 * caller's); g[0..ng) are its glyphs, upright. A page that cannot be
 * drawn has none. */
static int
page_tables(ogi_arena_t *arena, PopplerPage *pg, const orient_t *o,
            const ogi__pdf_glyph_t *g, size_t ng, unsigned char *dark,
            ogi__pdf_table_t **t, size_t *nt)
{
    double w = o->uw, h = o->uh;
    *t = NULL;
    *nt = 0;
    if (!(w > 1) || !(h > 1))
        return 0;
    double scale = w * h > MAX_PIXELS ? sqrt(MAX_PIXELS / (w * h)) : 1.0;
    int pw = (int)(w * scale), ph = (int)(h * scale);
    if (pw < 8 || ph < 8 || (double)pw * ph > MAX_PIXELS)
        return 0;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return 0;
    }
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    cairo_matrix_t m;
    if (o->turn == 90)
        cairo_matrix_init(&m, 0, -1, 1, 0, 0, o->w);
    else if (o->turn == 180)
        cairo_matrix_init(&m, -1, 0, 0, -1, o->w, o->h);
    else if (o->turn == 270)
        cairo_matrix_init(&m, 0, 1, -1, 0, o->h, 0);
    else
        cairo_matrix_init_identity(&m);
    cairo_transform(cr, &m);
    poppler_page_render(pg, cr);
    cairo_surface_flush(s);
    const unsigned char *px = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    int rc = 0;
    if (px) {
        for (int y = 0; y < ph; y++) {
            const uint32_t *row =
                (const uint32_t *)(const void *)(px +
                                                 (size_t)y * (size_t)stride);
            for (int x = 0; x < pw; x++) {
                uint32_t c = row[x];
                unsigned r = (c >> 16) & 0xFF, gr = (c >> 8) & 0xFF,
                         b = c & 0xFF;
                /* grey rules too; a light cell shading is not one */
                dark[(size_t)y * (size_t)pw + (size_t)x] =
                    3 * r + 6 * gr + b < 2000;
            }
        }
        /* a large glyph's own strokes are no rule (a title's 一 would be
         * one): its box goes with the picture; a small one's strokes are
         * too short to be taken for one */
        ogi__pdf_box_t *box =
            ogi_arena_alloc(arena, (ng ? ng : 1) * sizeof(*box));
        size_t nb = 0;
        if (!box)
            rc = OGI_ENOMEM;
        for (size_t i = 0; box && i < ng; i++)
            if (g[i].x1 - g[i].x0 >= OGI__PDF_MIN_RULE_PT * 0.9f ||
                g[i].y1 - g[i].y0 >= OGI__PDF_MIN_RULE_PT * 0.9f)
                box[nb++] =
                    (ogi__pdf_box_t){g[i].x0, g[i].y0, g[i].x1, g[i].y1};
        if (box)
            rc = ogi__pdf_find_tables(arena, dark, pw, ph, (float)scale, box,
                                      nb, t, nt);
    }
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return rc;
}

/* 1 when a line of page p has two runs of text two spaces apart or more:
 * cells of a table, perhaps */
static int
has_cells(const ogi__pdf_page_t *p)
{
    for (size_t l = 0; l < p->n; l++) {
        const char *s = p->lines[l].s, *e = s + p->lines[l].len;
        while (s < e && *s == ' ')
            s++;
        for (; s + 1 < e; s++)
            if (s[0] == ' ' && s[1] == ' ')
                return 1;
    }
    return 0;
}

/* The glyphs of page pg into *out (arena); counts into *cnt. */
static int
page_glyphs(ogi_arena_t *arena, PopplerPage *pg, unsigned char *dark,
            ogi__pdf_page_t *out, count_t *cnt, size_t *total, char *why,
            size_t why_size)
{
    double w = 0, h = 0;
    poppler_page_get_size(pg, &w, &h);
    /* text running over the page's edge (a table wider than the page)
     * is read too: the area is the page and as much again around it */
    PopplerRectangle area = {-w, -h, 2 * w, 2 * h};
    char *text = poppler_page_get_text_for_area(pg, &area);
    PopplerRectangle *r = NULL;
    guint nr = 0;
    int rc = 0;
    if (!text || !poppler_page_get_text_layout_for_area(pg, &area, &r, &nr)) {
        memset(out, 0, sizeof(*out));
        out->height = (float)h;
        goto out;
    }
    glong nc = g_utf8_strlen(text, -1);
    size_t n = (size_t)nc < nr ? (size_t)nc : nr;
    if (*total + n > MAX_GLYPHS) {
        snprintf(why, why_size, "PDF: too much text (over %zu characters)",
                 MAX_GLYPHS);
        rc = OGI_ETOOBIG;
        goto out;
    }
    *total += n;
    ogi__pdf_glyph_t *g = ogi_arena_alloc(arena, (n ? n : 1) * sizeof(*g));
    if (!g) {
        rc = OGI_ENOMEM;
        goto out;
    }
    char *p = text;
    size_t k = 0;
    for (size_t i = 0; i < n && *p; i++, p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        /* a font without a Unicode map gives its glyph numbers: control
         * characters, or private-use ones */
        int blank = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                    c == '\f' || c == '\v' || c == 0xA0 || c == 0x3000;
        if (!blank) {
            cnt->glyphs++;
            if (unreadable(c)) {
                cnt->unreadable++;
                continue;
            }
        }
        g[k].cp = c;
        g[k].space_before = 0;
        g[k].x0 = (float)r[i].x1;
        g[k].y0 = (float)r[i].y1;
        g[k].x1 = (float)r[i].x2;
        g[k].y1 = (float)r[i].y2;
        k++;
    }
    orient_t o;
    orient(g, k, w, h, &o);
    if (o.turn)
        for (size_t i = 0; i < k; i++)
            turn_glyph(&o, &g[i]);
    /* the page as lines first: only a page with cells apart on a line
     * can hold a table, and only such a page is drawn to find its rules
     * (drawing is most of the time a page takes) */
    ogi__pdf_glyph_t *copy = ogi_arena_alloc(arena, (k ? k : 1) * sizeof(*g));
    if (!copy) {
        rc = OGI_ENOMEM;
        goto out;
    }
    memcpy(copy, g, k * sizeof(*g));
    if ((rc = ogi__pdf_page_lines(arena, g, k, (float)o.uh, NULL, 0, out)) ||
        !has_cells(out))
        goto out;
    ogi__pdf_table_t *tables = NULL;
    size_t nt = 0;
    if ((rc = page_tables(arena, pg, &o, copy, k, dark, &tables, &nt)) ||
        nt == 0)
        goto out;
    rc = ogi__pdf_page_lines(arena, copy, k, (float)o.uh, tables, nt, out);
out:
    g_free(r);
    g_free(text);
    return rc;
}

int
ogi__form_pdf(ogi_arena_t *arena, const char *raw, size_t len, ogi__view_t *out,
              char *why, size_t why_size)
{
    memset(out, 0, sizeof(*out));
    GError *err = NULL;
    GBytes *bytes = g_bytes_new_static(raw, len);
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
    int rc = 0;
    if (!doc) {
        if (err && err->domain == POPPLER_ERROR &&
            err->code == POPPLER_ERROR_ENCRYPTED)
            snprintf(why, why_size, "PDF: encrypted");
        else
            snprintf(why, why_size, "PDF: damaged (poppler: %s)",
                     err && err->message ? err->message : "unreadable");
        rc = OGI_EREJECT;
        goto out;
    }
    int np = poppler_document_get_n_pages(doc);
    if (np > MAX_PAGES) {
        snprintf(why, why_size, "PDF: too many pages (%d, over %d)", np,
                 MAX_PAGES);
        rc = OGI_ETOOBIG;
        goto out;
    }
    if (np <= 0) {
        snprintf(why, why_size, "PDF: damaged (poppler: no pages)");
        rc = OGI_EREJECT;
        goto out;
    }
    ogi__pdf_page_t *pages =
        ogi_arena_alloc(arena, (size_t)np * sizeof(*pages));
    if (!pages) {
        rc = OGI_ENOMEM;
        goto out;
    }
    count_t cnt = {0, 0};
    size_t total = 0;
    unsigned char *dark = malloc((size_t)MAX_PIXELS + 64);
    if (!dark) {
        rc = OGI_ENOMEM;
        goto out;
    }
    for (int i = 0; i < np && rc == 0; i++) {
        PopplerPage *pg = poppler_document_get_page(doc, i);
        if (!pg) {
            memset(&pages[i], 0, sizeof(pages[i]));
            continue;
        }
        rc = page_glyphs(arena, pg, dark, &pages[i], &cnt, &total, why,
                         why_size);
        g_object_unref(pg);
    }
    free(dark);
    if (rc)
        goto out;
    if (cnt.glyphs == 0) {
        snprintf(why, why_size, "PDF: scanned: no text layer");
        rc = OGI_EREJECT;
        goto out;
    }
    if (cnt.unreadable * 2 > cnt.glyphs) {
        snprintf(why, why_size,
                 "PDF: text not extractable (fonts without Unicode map)");
        rc = OGI_EREJECT;
        goto out;
    }
    ogi__pdf_drop_furniture(pages, (size_t)np);
    ogi__view_buf_t b;
    ogi__view_buf_init(&b, arena);
    ogi__pdf_write_pages(&b, pages, (size_t)np);
    if ((rc = ogi__view_buf_finish(&b, &out->s, &out->len)))
        goto out;
    out->encoding = NULL;
    out->map = NULL;
    out->nmap = 0;
    out->nraw = 0;
out:
    if (doc)
        g_object_unref(doc);
    g_bytes_unref(bytes);
    g_clear_error(&err);
    return rc;
}
