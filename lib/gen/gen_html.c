/*
 * gen_html.c - the html and markdown layouts of a generated report: the
 * tables' visual rows (gen_render_int.h) as <table>s or pipe tables.
 */
#include "ogi_int.h"

#include <string.h>

#include "gen_render_int.h"

static void
out(ogi__gen_t *g, const char *s)
{
    ogi__sb_add(&g->out, s);
}

void
ogi__gen_md_table(ogi__gen_t *g, const ogi__vlist_t *l)
{
    size_t width = 0;
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].n > width)
            width = l->v[i].n;
    int sep = 0;
    for (size_t i = 0; i < l->n; i++) {
        const ogi__vrow_t *r = &l->v[i];
        if (r->role == OGI__R_CAPTION) {
            out(g, "\n**");
            out(g, r->t[0]);
            out(g, "**\n\n");
            sep = 0;
            continue;
        }
        out(g, "|");
        for (size_t k = 0; k < width; k++) {
            out(g, " ");
            if (k < r->n)
                for (const char *p = r->t[k]; *p; p++)
                    ogi__sb_addn(&g->out, *p == '\n' ? " " : p, 1);
            out(g, " |");
        }
        out(g, "\n");
        if (!sep) {
            out(g, "|");
            for (size_t k = 0; k < width; k++)
                out(g, " --- |");
            out(g, "\n");
            sep = 1;
        }
    }
    out(g, "\n");
}

void
ogi__gen_html_text(ogi__gen_t *g, const char *s)
{
    for (; *s; s++) {
        if (*s == '<')
            out(g, "&lt;");
        else if (*s == '>')
            out(g, "&gt;");
        else if (*s == '&')
            out(g, "&amp;");
        else if (*s == '\n')
            out(g, "<br />");
        else
            ogi__sb_addn(&g->out, s, 1);
    }
}

void
ogi__gen_html_table(ogi__gen_t *g, const ogi__vlist_t *l)
{
    out(g, "<table border=\"1\" cellspacing=\"0\">\n");
    for (size_t i = 0; i < l->n; i++) {
        const ogi__vrow_t *r = &l->v[i];
        out(g, "<tr>");
        for (size_t k = 0; k < r->n; k++) {
            out(g, r->role == OGI__R_HEAD || r->role == OGI__R_CAPTION
                       ? "<th>"
                       : "<td>");
            if (r->k[k] == OGI__K_MERGED)
                out(g, "&nbsp;");
            else
                ogi__gen_html_text(g, r->t[k]);
            out(g, r->role == OGI__R_HEAD || r->role == OGI__R_CAPTION
                       ? "</th>"
                       : "</td>");
        }
        out(g, "</tr>\n");
    }
    out(g, "</table>\n");
}
