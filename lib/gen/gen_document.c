/*
 * gen_document.c - a generated report's document around its tables: the
 * title, the headings, the paragraphs (wrapped as pdftotext prints them
 * in the pdf layout), the intro and its dates, and ogi__gen_render(),
 * which picks the report's printing choices and writes the whole text.
 * The tables themselves are built and printed by gen_render.c.
 */
#include "ogi_int.h"

#include <stdio.h>
#include <string.h>

#include "gen_render_int.h"
#include "ogi/error.h"

/* Whether s starts with a CJK ideograph (U+4000-U+9FFF: lead bytes
 * E4-E9), where pdftotext spaces out the digits next to it. */
static int
is_ideograph_at(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    return u[0] >= 0xE4 && u[0] <= 0xE9;
}

/* A paragraph wrapped as pdftotext prints it: lines of about 38
 * characters, indented, ASCII runs never broken, and (sometimes) spaces
 * around the digits next to ideographs ("2024 年"). */
static void
pdf_para(ogi__gen_t *g, ogi__style_t *st, const char *s, int first_indent)
{
    ogi__sb_t *b = &g->out;
    int col = 0, max = 76;
    ogi__gen_spaces(b, first_indent);
    col = first_indent;
    const char *prev = NULL;
    while (*s) {
        /* an unbreakable ASCII run, or one character */
        const char *q = s;
        if ((unsigned char)*s < 0x80) {
            while (*q && (unsigned char)*q < 0x80 && *q != ' ')
                q++;
            if (q == s)
                q++;
        } else {
            q = s + ogi__gen_cp_len(s);
        }
        int w = ogi__gen_disp_width(ogi__gen_strf(g, "%.*s", (int)(q - s), s));
        int digits = (unsigned char)*s < 0x80 && *s >= '0' && *s <= '9';
        int space_before =
            st->pdf_space_nums && digits && prev && is_ideograph_at(prev);
        /* a line never starts with closing punctuation (禁则) */
        static const char *const closing[] = {"。", "，", "、", "；", "：",
                                              "）", "”",  "！", "？"};
        int closes = 0;
        for (size_t i = 0; i < sizeof(closing) / sizeof(closing[0]); i++)
            closes |= strncmp(s, closing[i], strlen(closing[i])) == 0;
        if (col + w + space_before > max && col > 4 && !closes) {
            out(g, "\n");
            col = 0;
            space_before = 0;
        }
        if (space_before) {
            out(g, " ");
            col++;
        }
        ogi__sb_addn(b, s, (size_t)(q - s));
        col += w;
        if (st->pdf_space_nums && digits && *q && is_ideograph_at(q)) {
            out(g, " ");
            col++;
        }
        prev = s;
        s = q;
    }
    out(g, "\n");
}

static void
para_out(ogi__gen_t *g, ogi__style_t *st, const char *s)
{
    if (g->base == OGI__BASE_PDF) {
        pdf_para(g, st, s, (int)rnd(g, 3, 6));
    } else if (g->base == OGI__BASE_HTML) {
        ogi__gen_html_para(g, st, s);
    } else {
        out(g, s);
        out(g, "\n");
        if (g->base == OGI__BASE_MARKDOWN)
            out(g, "\n");
    }
}

static void
heading_out(ogi__gen_t *g, const ogi__style_t *st, const char *h)
{
    switch (g->base) {
        case OGI__BASE_PDF:
            ogi__gen_spaces(&g->out, (int)rnd(g, 3, 7));
            break;
        case OGI__BASE_HTML:
            ogi__gen_html_heading(g, st, h);
            return;
        case OGI__BASE_MARKDOWN:
            out(g, "## ");
            break;
        default:
            break;
    }
    out(g, h);
    out(g, "\n");
}

/* The title, in one of the forms reports use (§7 "Document structure"). */
static void
title_out(ogi__gen_t *g, const ogi__style_t *st)
{
    const char *t = g->title_name;
    int y = g->year;
    char *s;
    int form = (int)rnd(g, 0, 4);
    if (g->base == OGI__BASE_PDF)
        form = chance(g, 1, 2) ? 5 : 0;
    switch (form) {
        case 1: /* "向阳区2021年度政府信息公开工作报告" (seed 4) */
            s = ogi__gen_strf(g, "%s%d年度政府信息公开工作报告", t, y);
            break;
        case 2: /* split over two lines (seed 2) */
            s = ogi__gen_strf(g, "%s%d年政府信息公开\n工作年度报告", t, y);
            break;
        case 3: /* the agency on a line of its own (seed 3) */
            s = ogi__gen_strf(g, "%s\n\n%d 年政府信息公开工作年度报告", t, y);
            break;
        case 4: /* the year first */
            s = ogi__gen_strf(g, "%d年%s政府信息公开工作年度报告", y, t);
            break;
        case 5: /* centred lines (淮安) */
            s = ogi__gen_strf(
                g, "            %s\n     %d 年政府信息公开工作年度报告", t, y);
            break;
        default:
            s = ogi__gen_strf(g, "%s%d年政府信息公开工作年度报告", t, y);
            break;
    }
    if (!s)
        return;
    if (g->base == OGI__BASE_HTML) {
        ogi__gen_html_title(g, st, s);
        return;
    }
    if (g->base == OGI__BASE_MARKDOWN)
        out(g, "# ");
    else if (g->base == OGI__BASE_CELL && chance(g, 1, 4))
        out(g, "\n"); /* seed 2 starts with an empty line */
    out(g, s);
    out(g, "\n\n");
}

/* The intro: the legal basis, the statistical period, the contact. */
static const char *
intro_text(ogi__gen_t *g)
{
    ogi__sb_t b;
    ogi__sb_init(&b, g->arena);
    ogi__sb_addf(
        &b,
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）"
        "规定，由%s综合本级政府信息公开工作情况编制而成。全文包括",
        g->office);
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        const char *t = ogi_skeleton_section((ogi_section_id_t)k)->title;
        const char *p = strstr(t, "、");
        ogi__sb_addf(&b, "%s%s", k ? "、" : "", p ? p + strlen("、") : t);
    }
    ogi__sb_addf(&b,
                 "。本报告所列数据的统计期限自%d年1月1日起至%d年12月31日止。"
                 "本报告电子版可在%s门户网站查阅或下载。",
                 g->year, g->year, g->agency);
    switch (rnd(g, 0, 2)) {
        case 0: /* 伊美区 */
            ogi__sb_addf(
                &b,
                "如对本报告有疑问，请与%s联系（联系地址：%s，邮编：%s，"
                "电话：%s；电子邮箱：%s）。",
                g->office, g->address, g->postal, g->phone_printed, g->email);
            break;
        case 1: /* 江源区 */
            ogi__sb_addf(
                &b,
                "如对本报告有任何疑问，请与%s联系。地址：%s。邮政编码：%s。"
                "咨询电话：%s。电子邮箱：%s。",
                g->office, g->address, g->postal, g->phone_printed, g->email);
            break;
        default: /* 淮安 */
            ogi__sb_addf(&b,
                         "如对本报告有疑问，请与%s联系（地址：%s，邮编：%s，"
                         "电话：%s，电子邮箱：%s）。",
                         g->office, g->address, g->postal, g->phone_printed,
                         g->email);
            break;
    }
    return ogi__gen_sb(g, &b);
}

/* "二〇二一年二月五日". */
static char *
cjk_date(ogi__gen_t *g, int y, int m, int d)
{
    static const char *const dg[] = {"〇", "一", "二", "三", "四",
                                     "五", "六", "七", "八", "九"};
    char ys[32] = "";
    for (int i = 3; i >= 0; i--) {
        int v = y;
        for (int k = 0; k < i; k++)
            v /= 10;
        strcat(ys, dg[v % 10]);
    }
    char ds[16];
    if (d < 10)
        snprintf(ds, sizeof(ds), "%s", dg[d]);
    else
        snprintf(ds, sizeof(ds), "%s十%s", d >= 20 ? dg[d / 10] : "",
                 d % 10 ? dg[d % 10] : "");
    char ms[16];
    if (m < 10)
        snprintf(ms, sizeof(ms), "%s", dg[m]);
    else
        snprintf(ms, sizeof(ms), "十%s", m % 10 ? dg[m % 10] : "");
    return ogi__gen_strf(g, "%s年%s月%s日", ys, ms, ds);
}

/* The heading of section k as this report prints it. */
static const char *
heading_text(ogi__gen_t *g, int k)
{
    const ogi_skel_section_t *s = ogi_skeleton_section((ogi_section_id_t)k);
    if (g->opts.layout != OGI_GEN_HEADINGS || !s->variants || chance(g, 1, 3))
        return s->title;
    size_t n = 0;
    while (s->variants[n])
        n++;
    return s->variants[rnd(g, 0, (int64_t)n - 1)];
}

/* The truth's sections: headings as printed, texts without layout. */
static int
set_sections(ogi__gen_t *g, const int *present)
{
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        ogi_section_t *sec = &g->truth->sections[k];
        if (!present[k])
            continue;
        sec->present = 1;
        sec->title = ogi_arena_strdup(g->arena, g->headings[k]);
        ogi__sb_t b;
        ogi__sb_init(&b, g->arena);
        for (size_t i = 0; i < g->nparas[k]; i++) {
            if (i)
                ogi__sb_add(&b, "\n");
            ogi__sb_add(&b, g->paras[k][i]);
        }
        const char *t = ogi__gen_sb(g, &b);
        sec->text = t ? ogi_arena_strdup(g->arena, t) : NULL;
        if (!sec->title || !sec->text)
            return OGI_ENOMEM;
    }
    return 0;
}

int
ogi__gen_render(ogi__gen_t *g)
{
    ogi__style_t st;
    ogi__gen_pick_style(g, &st);
    g->delta_style = (int)rnd(g, 0, 2);
    g->omit_other = chance(g, 1, 16);
    int present[OGI_SEC_COUNT];
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        present[k] = !(k == OGI_SEC_OTHER && g->omit_other);
        g->headings[k] = heading_text(g, k);
    }
    /* a heading variant was asked for: make sure one is there */
    if (g->opts.layout == OGI_GEN_HEADINGS) {
        int any = 0;
        for (int k = 0; k < OGI_SEC_COUNT; k++)
            any |= g->headings[k] !=
                   ogi_skeleton_section((ogi_section_id_t)k)->title;
        if (!any) {
            int k = (int)rnd(g, 0, OGI_SEC_COUNT - 1);
            g->headings[k] =
                ogi_skeleton_section((ogi_section_id_t)k)->variants[0];
        }
    }

    if (g->base == OGI__BASE_HTML)
        ogi__gen_html_begin(g, &st);
    if (g->opts.layout != OGI_GEN_NOTITLE)
        title_out(g, &st);
    para_out(g, &st, intro_text(g));
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        if (!present[k])
            continue;
        if (g->base == OGI__BASE_PDF && k == OGI_SEC_ACTIVE) {
            out(g, "\n");
            ogi__gen_page_number(g, &st, (int)rnd(g, 30, 60));
        }
        heading_out(g, &st, g->headings[k]);
        for (size_t i = 0; i < g->nparas[k]; i++)
            para_out(g, &st, g->paras[k][i]);
        if (g->base != OGI__BASE_TABROW && g->base != OGI__BASE_HTML)
            out(g, "\n");
        if (k == OGI_SEC_ACTIVE)
            ogi__gen_render_t2(g, &st);
        else if (k == OGI_SEC_APPLY)
            ogi__gen_render_t3(g, &st);
        else if (k == OGI_SEC_APPEAL)
            ogi__gen_render_t4(g, &st);
    }
    /* signature and date */
    int sign = g->signature || g->opts.layout == OGI_GEN_NOTITLE;
    if (sign || g->pub_y) {
        const char *signer = g->opts.layout == OGI_GEN_NOTITLE
                                 ? ogi__gen_strf(g, "%s办公室", g->agency)
                                 : g->office;
        if (sign)
            para_out(g, &st, signer);
        if (g->pub_y) {
            const char *d = g->date_style == 1
                                ? cjk_date(g, g->pub_y, g->pub_m, g->pub_d)
                            : g->date_style == 2
                                ? ogi__gen_strf(g, "%04d-%02d-%02d", g->pub_y,
                                                g->pub_m, g->pub_d)
                                : ogi__gen_strf(g, "%d年%d月%d日", g->pub_y,
                                                g->pub_m, g->pub_d);
            para_out(g, &st, d);
        }
    }
    if (g->base == OGI__BASE_HTML)
        ogi__gen_html_end(g, &st);
    return set_sections(g, present);
}
