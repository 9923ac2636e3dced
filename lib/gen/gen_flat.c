/*
 * gen_flat.c - the text flatteners of a generated report's tables: one
 * cell per line (seeds 0, 1, 2, 4), one row per line with tabs (seed 3),
 * and columns aligned with spaces as pdftotext -layout prints them; and
 * each table put out in the report's base (gen_render_int.h).
 */
#include "ogi_int.h"

#include <stdio.h>
#include <string.h>

#include "gen_render_int.h"
#include "ogi/error.h"

/* ---- flattening: one cell per line ---- */

void
ogi__gen_page_number(ogi__gen_t *g, ogi__style_t *st, int indent)
{
    ogi__gen_spaces(&g->out, indent);
    int n = st->page++;
    switch (rnd(g, 0, 2)) {
        case 0:
            out(g, ogi__gen_strf(g, "-%d-", n));
            break;
        case 1:
            out(g, ogi__gen_strf(g, "- %d -", n));
            break;
        default:
            out(g, ogi__gen_strf(g, "— %d —", n));
            break;
    }
    out(g, "\n");
}

/* The first part of a label cut by a page break, and the rest: the number
 * and at least three of its words stay before the break ("4. 保护第三方合"
 * / "法权益", seed 3), one word at least goes after it. */
static void
cut_label(ogi__gen_t *g, const ogi__vrow_t *r, const char **a, const char **b)
{
    const char *lab = r->label;
    size_t n = ogi__gen_cp_count(lab), words = n > r->numcp ? n - r->numcp : 0;
    if (words < 2) { /* nothing to cut (out of memory) */
        *a = lab;
        *b = "";
        return;
    }
    size_t keep = words * 3 / 5 < 3 ? 3 : words * 3 / 5;
    if (keep >= words)
        keep = words - 1;
    size_t o = ogi__gen_cp_offset(lab, r->numcp + keep);
    *a = ogi__gen_strf(g, "%.*s", (int)o, lab);
    *b = lab + o;
}

static void
flat_cell(ogi__gen_t *g, ogi__style_t *st, const ogi__vlist_t *l)
{
    for (size_t i = 0; i < l->n; i++) {
        const ogi__vrow_t *r = &l->v[i];
        if (r->pagebreak && r->label) {
            /* the label's first part, the page break, then the rest of
             * the label and the values as a block of their own */
            const char *a, *b;
            cut_label(g, r, &a, &b);
            size_t nv = r->n - r->nvals;
            for (size_t k = 0; k < nv; k++) {
                out(g, "\t");
                out(g, r->t[k] == r->label ? a : r->t[k]);
                out(g, "\n");
            }
            out(g, "\n");
            ogi__gen_page_number(g, st, 0);
            out(g, "\n\t");
            out(g, b);
            out(g, "\n");
            for (size_t k = nv; k < r->n; k++) {
                out(g, "\t");
                out(g, r->t[k]);
                out(g, "\n");
            }
            out(g, "\n");
            continue;
        }
        if (r->role == OGI__R_JUNK) {
            /* seed 1: " \t<pasted line>" */
            out(g, "\t");
            out(g, r->t[0]);
            out(g, "\n \t");
            out(g, r->t[1]);
            out(g, "\n\n\n");
            continue;
        }
        if (r->role == OGI__R_CAPTION && i == 0 && chance(g, 1, 3))
            out(g, "\t\n"); /* seed 2: a lone tab before the first item */
        for (size_t k = 0; k < r->n; k++) {
            out(g, "\t");
            out(g, r->t[k]);
            out(g, "\n");
        }
        out(g, "\n");
    }
}

/* ---- flattening: one row per line ---- */

static void
flat_tabrow(ogi__gen_t *g, ogi__style_t *st, const ogi__vlist_t *l,
            size_t width)
{
    for (size_t i = 0; i < l->n; i++) {
        const ogi__vrow_t *r = &l->v[i];
        if (r->pagebreak && r->label) {
            /* seed 3: "4. 保护第三方合\t\t0…", a gap, "\t法权益\t\t\t…" */
            const char *a, *b;
            cut_label(g, r, &a, &b);
            out(g, a);
            out(g, "\t");
            for (size_t k = r->n - r->nvals; k < r->n; k++) {
                out(g, "\t");
                out(g, r->t[k]);
            }
            out(g, "\t\n\n");
            ogi__gen_page_number(g, st, 0);
            out(g, "\n\t");
            out(g, b);
            for (size_t k = 0; k < r->nvals; k++)
                out(g, "\t");
            out(g, "\n");
            continue;
        }
        for (size_t k = 0; k < r->n; k++) {
            if (k)
                out(g, "\t");
            out(g, r->t[k]);
        }
        /* captions and headers are padded to the table's width */
        if (r->role == OGI__R_CAPTION || r->role == OGI__R_HEAD)
            for (size_t k = r->n; k < width; k++)
                out(g, "\t");
        else if (st->trailing_tab)
            out(g, "\t");
        out(g, "\n");
    }
}

/* ---- flattening: pdftotext -layout ---- */

/* Appends s and pads it with spaces to display width w (at least two
 * spaces after it). */
static void
pad_to(ogi__sb_t *b, const char *s, int w)
{
    ogi__sb_add(b, s);
    int d = ogi__gen_disp_width(s);
    ogi__gen_spaces(b, w - d >= 2 ? w - d : 2);
}

/* Values right-aligned in columns of width cw. */
static void
pdf_values(ogi__gen_t *g, const ogi__vrow_t *r, int cw)
{
    for (size_t k = r->n - r->nvals; k < r->n; k++) {
        int d = ogi__gen_disp_width(r->t[k]);
        ogi__gen_spaces(&g->out, cw - d >= 2 ? cw - d : 2);
        out(g, r->t[k]);
    }
}

/* The label split into pieces of at most max display columns. */
static size_t
wrap_label(ogi__gen_t *g, const char *lab, int max, const char **parts,
           size_t maxparts)
{
    size_t n = 0;
    const char *p = lab;
    while (*p && n < maxparts) {
        const char *q = p;
        int w = 0;
        while (*q) {
            int cw = (unsigned char)*q < 0x80 ? 1 : 2;
            if (w + cw > max)
                break;
            w += cw;
            q += ogi__gen_cp_len(q);
        }
        if (n + 1 == maxparts)
            q = p + strlen(p);
        parts[n++] = ogi__gen_strf(g, "%.*s", (int)(q - p), p);
        p = q;
    }
    return n;
}

static void
flat_pdf_t2(ogi__gen_t *g, const ogi__vlist_t *l)
{
    int lw = 16, cw = 8;
    for (size_t i = 0; i < l->n; i++) {
        const ogi__vrow_t *r = &l->v[i];
        if (r->role == OGI__R_DATA || r->role == OGI__R_JUNK) {
            int d = ogi__gen_disp_width(r->t[0]);
            if (d + 4 > lw)
                lw = d + 4;
        }
        for (size_t k = 1; k < r->n; k++) {
            int d = ogi__gen_disp_width(r->t[k]);
            if (r->role != OGI__R_JUNK && d + 4 > cw)
                cw = d + 4;
        }
    }
    for (size_t i = 0; i < l->n; i++) {
        const ogi__vrow_t *r = &l->v[i];
        switch (r->role) {
            case OGI__R_CAPTION:
                ogi__gen_spaces(&g->out, (int)rnd(g, 6, 16));
                out(g, r->t[0]);
                out(g, "\n\n\n");
                break;
            case OGI__R_HEAD: {
                ogi__gen_spaces(&g->out, (int)rnd(g, 4, 8));
                pad_to(&g->out, r->t[0], lw - 8);
                for (size_t k = 1; k < r->n; k++) {
                    out(g, r->t[k]);
                    ogi__gen_spaces(&g->out, (int)rnd(g, 3, 6));
                }
                out(g, "\n\n\n");
                break;
            }
            case OGI__R_JUNK:
                pad_to(&g->out, r->t[0], lw);
                out(g, r->t[1]);
                out(g, "\n\n");
                break;
            default:
                pad_to(&g->out, r->t[0], lw);
                pdf_values(g, r, cw);
                out(g, "\n\n");
                break;
        }
    }
}

static void
flat_pdf_t3(ogi__gen_t *g, ogi__style_t *st, const ogi__vlist_t *l)
{
    const int lw = 46, cw = 8, max_label = 36;
    /* headers: the group, the note wrapped beside 法人或其他组织, the
     * columns */
    const ogi__vrow_t *h1 = &l->v[0], *h2 = &l->v[1], *h3 = &l->v[2];
    ogi__gen_spaces(&g->out, lw + 12);
    out(g, h1->t[1]);
    out(g, "\n\n");
    const char *note[3] = {"", "", ""};
    size_t nn = wrap_label(g, h1->t[0], 44, note, 3);
    out(g, note[0]);
    ogi__gen_spaces(&g->out, lw + 14 - ogi__gen_disp_width(note[0]) > 2
                        ? lw + 14 - ogi__gen_disp_width(note[0])
                        : 2);
    out(g, h2->t[2]);
    out(g, "\n");
    for (size_t k = 1; k < nn; k++) {
        out(g, note[k]);
        out(g, "\n");
    }
    ogi__gen_spaces(&g->out, lw - 4);
    out(g, h2->t[1]);
    for (size_t k = 2; k + 1 < h3->n; k++) {
        ogi__gen_spaces(&g->out, 2);
        out(g, h3->t[k]);
    }
    ogi__gen_spaces(&g->out, 3);
    out(g, h2->t[3]);
    out(g, "\n\n");

    /* rows; group labels on lines of their own */
    const char *pending_top = NULL, *pending_sub = NULL;
    size_t sub_left = 0, sub_mid = 0;
    for (size_t i = 3; i < l->n; i++) {
        const ogi__vrow_t *r = &l->v[i];
        if (r->role != OGI__R_DATA)
            continue;
        int indent = r->depth * 6;
        if (r->top) {
            const char *t = st->pdf_mid_groups ? ogi__gen_spaced(g, r->top, 0) : r->top;
            if (st->pdf_mid_groups)
                pending_top = t;
            else {
                out(g, t);
                out(g, "\n");
            }
        }
        if (r->sub) {
            /* the group's rows: those after it at depth 2 */
            size_t n = 0;
            for (size_t j = i;
                 j < l->n && l->v[j].depth == 2 && (j == i || !l->v[j].sub);
                 j++)
                n++;
            if (st->pdf_mid_groups && n > 1 && r->label) {
                pending_sub = r->sub;
                sub_left = n;
                sub_mid = n / 2;
            } else {
                ogi__gen_spaces(&g->out, 6);
                out(g, r->sub);
                if (!r->label) {
                    /* seed 0: the values on the group label's line */
                    ogi__gen_spaces(&g->out, lw - 6 - ogi__gen_disp_width(r->sub) > 2
                                        ? lw - 6 - ogi__gen_disp_width(r->sub)
                                        : 2);
                    pdf_values(g, r, cw);
                    out(g, "\n");
                    continue;
                }
                out(g, "\n");
            }
        }
        const char *lab = r->label ? r->label : "";
        if (r->pagebreak && r->label) {
            const char *a, *b;
            cut_label(g, r, &a, &b);
            ogi__gen_spaces(&g->out, indent);
            pad_to(&g->out, a, lw - indent);
            pdf_values(g, r, cw);
            out(g, "\n\n\n");
            ogi__gen_page_number(g, st, (int)rnd(g, 30, 70));
            ogi__gen_spaces(&g->out, indent);
            out(g, b);
            out(g, "\n");
        } else if (ogi__gen_disp_width(lab) > max_label + (2 - r->depth) * 6) {
            const char *parts[4];
            size_t np = wrap_label(g, lab, max_label - 4, parts, 4);
            int mode = st->pdf_wrap_mode;
            for (size_t k = 0; k < np; k++) {
                ogi__gen_spaces(&g->out, indent);
                if (mode == 0 && k == 0) {
                    pad_to(&g->out, parts[k], lw - indent);
                    pdf_values(g, r, cw);
                } else if (mode == 2 && k == 1) {
                    /* 淮安: values on the middle line */
                    pad_to(&g->out, parts[k], lw - indent);
                    pdf_values(g, r, cw);
                } else {
                    out(g, parts[k]);
                }
                out(g, "\n");
                if (mode == 2 && np == 1) {
                    ogi__gen_spaces(&g->out, lw);
                    pdf_values(g, r, cw);
                    out(g, "\n");
                }
            }
            if (mode == 1) {
                /* 洪泽: the values on a line of their own after it */
                ogi__gen_spaces(&g->out, lw);
                pdf_values(g, r, cw);
                out(g, "\n");
            }
        } else {
            ogi__gen_spaces(&g->out, indent);
            pad_to(&g->out, lab, lw - indent);
            pdf_values(g, r, cw);
            out(g, "\n");
        }
        if (pending_sub && sub_left) {
            sub_left--;
            if (sub_left == sub_mid) {
                ogi__gen_spaces(&g->out, 6);
                out(g, pending_sub);
                out(g, "\n");
                pending_sub = NULL;
            }
        }
        if (pending_top && r->depth >= 1 && chance(g, 1, 3)) {
            out(g, " ");
            out(g, pending_top);
            out(g, "\n");
            pending_top = NULL;
        }
        if (chance(g, 1, 14))
            out(g, "\n");
    }
    if (pending_top) {
        out(g, pending_top);
        out(g, "\n");
    }
}

static void
flat_pdf_t4(ogi__gen_t *g, const ogi__vlist_t *l)
{
    const ogi__vrow_t *h1 = &l->v[0], *h2 = &l->v[1], *v = &l->v[3];
    out(g, h1->t[0]);
    ogi__gen_spaces(&g->out, 30);
    out(g, h1->t[1]);
    out(g, "\n\n");
    ogi__gen_spaces(&g->out, 30);
    out(g, h2->t[5]);
    ogi__gen_spaces(&g->out, 18);
    out(g, h2->t[6]);
    out(g, "\n\n");
    for (int k = 0; k < 3; k++)
        for (size_t c = 0; c < 5; c++) {
            out(g, h2->t[c]);
            ogi__gen_spaces(&g->out, 2);
        }
    out(g, "\n\n\n");
    for (size_t k = 0; k < v->n; k++) {
        if (k)
            ogi__gen_spaces(&g->out, (int)rnd(g, 3, 5));
        out(g, v->t[k]);
    }
    out(g, "\n");
}

/* ---- one table in the report's base ---- */

static void
flat(ogi__gen_t *g, ogi__style_t *st, const ogi__vlist_t *l, size_t width)
{
    switch (g->base) {
        case OGI__BASE_CELL:
            flat_cell(g, st, l);
            break;
        case OGI__BASE_TABROW:
            flat_tabrow(g, st, l, width);
            break;
        case OGI__BASE_PDF:
            if (l->table == OGI_T3)
                flat_pdf_t3(g, st, l);
            else if (l->table == OGI_T4)
                flat_pdf_t4(g, l);
            else
                flat_pdf_t2(g, l);
            break;
        case OGI__BASE_MARKDOWN:
            ogi__gen_md_table(g, l);
            break;
        case OGI__BASE_HTML:
            if (l->table == OGI_T3)
                ogi__gen_html_t3(g, st, l);
            else if (l->table == OGI_T4)
                ogi__gen_html_t4(g, st, l);
            else
                ogi__gen_html_t2(g, st, l, 1);
            break;
    }
}

/* A caption or pasted line inside a table (junk). */
static void
junk_line(ogi__gen_t *g, const char *s)
{
    if (g->base == OGI__BASE_CELL || g->base == OGI__BASE_TABROW)
        out(g, "\t");
    else if (g->base == OGI__BASE_PDF)
        ogi__gen_spaces(&g->out, (int)rnd(g, 8, 20));
    out(g, s);
    out(g, "\n\n");
}

void
ogi__gen_render_t2(ogi__gen_t *g, ogi__style_t *st)
{
    size_t n;
    const ogi_table_id_t *ids = ogi_skeleton_active(g->format, &n);
    if (g->base == OGI__BASE_HTML) {
        /* the items first: the page may print them as one table */
        ogi__vlist_t *items = ogi_arena_calloc(g->arena, n, sizeof(*items));
        if (!items) {
            g->oom = 1;
            return;
        }
        for (size_t k = 0; k < n; k++)
            ogi__gen_build_t2(g, st, &items[k], ids[k]);
        ogi__gen_html_t2(g, st, items, n);
        return;
    }
    if (g->base == OGI__BASE_MARKDOWN) {
        for (size_t k = 0; k < n; k++) {
            ogi__vlist_t l = {0};
            ogi__gen_build_t2(g, st, &l, ids[k]);
            flat(g, st, &l, 4);
        }
        return;
    }
    for (size_t k = 0; k < n; k++) {
        ogi__vlist_t l = {0};
        ogi__gen_build_t2(g, st, &l, ids[k]);
        flat(g, st, &l, 4);
        if (st->junk && k == 2 && g->base != OGI__BASE_PDF) {
            ogi__gen_page_number(g, st, 0);
            out(g, "\n");
        }
    }
    if (st->rule_line && g->base == OGI__BASE_TABROW)
        out(g, "--------\t-----\t------------\n");
    out(g, "\n");
    if (g->base == OGI__BASE_PDF) {
        out(g, "\n");
        ogi__gen_page_number(g, st, (int)rnd(g, 30, 60));
    }
}

void
ogi__gen_render_t3(ogi__gen_t *g, ogi__style_t *st)
{
    ogi__vlist_t l = {0};
    ogi__gen_build_t3(g, st, &l);
    if (g->oom || l.n < 3)
        return;
    const char *caption = ogi_skeleton_table(OGI_T3)->label;
    if (st->junk && g->base == OGI__BASE_CELL && chance(g, 1, 2))
        junk_line(g, caption); /* seed 2: the caption before the header */
    if (!st->junk || g->base == OGI__BASE_HTML ||
        g->base == OGI__BASE_MARKDOWN) {
        flat(g, st, &l, 10);
        out(g, "\n");
        return;
    }
    /* junk: the table in two parts with a page footer and a caption
     * "表3 …（续）" between them */
    size_t cut = 3 + (size_t)rnd(g, 4, (int64_t)l.n - 6);
    while (cut < l.n && l.v[cut].role == OGI__R_DATA && !l.v[cut].label)
        cut++;
    ogi__vlist_t a = l, b = l;
    a.n = cut;
    b.v = l.v + cut;
    b.n = l.n - cut;
    if (g->base == OGI__BASE_PDF) {
        /* pdf prints headers from the first three rows: print the rest as
         * plain rows */
        flat(g, st, &a, 10);
        out(g, "\n");
        ogi__gen_page_number(g, st, (int)rnd(g, 30, 60));
        junk_line(g, ogi__gen_strf(g, "表3  %s（续）", caption));
        for (size_t i = 0; i < b.n; i++) {
            const ogi__vrow_t *r = &b.v[i];
            ogi__gen_spaces(&g->out, r->depth * 6);
            pad_to(&g->out, r->label ? r->label : "", 46 - r->depth * 6);
            pdf_values(g, r, 8);
            out(g, "\n");
        }
    } else {
        flat(g, st, &a, 10);
        ogi__gen_page_number(g, st, 0);
        out(g, "\n");
        junk_line(g, ogi__gen_strf(g, "表3  %s（续）", caption));
        flat(g, st, &b, 10);
    }
    out(g, "\n");
}

void
ogi__gen_render_t4(ogi__gen_t *g, ogi__style_t *st)
{
    ogi__vlist_t l = {0};
    ogi__gen_build_t4(g, st, &l);
    if (g->oom || l.n < 4)
        return;
    flat(g, st, &l, 15);
    if (st->junk && g->base != OGI__BASE_HTML && g->base != OGI__BASE_MARKDOWN)
        junk_line(
            g, ogi__gen_strf(g, "注：本表数据统计截至%d年12月31日。", g->year));
    out(g, "\n");
}

