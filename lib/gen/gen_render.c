/*
 * gen_render.c - a generated report as text, in one of the layouts real
 * reports use (README "The forms ogi reads").
 *
 * Tables are first built as visual rows (vrows): cells of text, values and
 * merged (empty) slots, read from the skeleton: every row number, row
 * label, column label and heading comes from skeleton.h, never from a
 * string written here. A base flattening then prints the vrows (the text
 * ones in gen_flat.c):
 *
 *   cell     "\t<cell>" per line, a blank line after each row (seeds 0, 1,
 *            2, 4); merged slots print as a lone tab
 *   tabrow   one row per line, cells joined by tabs (seed 3)
 *   pdf      labels padded with spaces and values right-aligned in
 *            columns, group labels on lines of their own, long labels
 *            wrapped (pdftotext -layout: 淮安, 洪泽)
 *   markdown pipe tables; html a page with <table>s (gen_html.c)
 *
 * and the layout's quirk changes what is printed: labels split over lines,
 * vertical or spaced labels, a row cut by a page break, captions and
 * pasted lines, a missing label, blanks and placeholders, other widths of
 * punctuation and digits, heading variants, no title.
 *
 * The document around the tables (title, headings, paragraphs) is
 * written by gen_document.c.
 *
 * The words of the tables that are not the skeleton's row or column
 * labels (the 勾稽关系 note, 申请人情况, 法人或其他组织, 信息内容,
 * 行政诉讼) are in the one table `furniture` below.
 */
#include "ogi_int.h"

#include <stdio.h>
#include <string.h>

#include "gen_render_int.h"
#include "ogi/error.h"

/* ---- the words of the tables that are not row or column labels ---- */

const ogi__furniture_t ogi__gen_furniture = {
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "申请人情况",
    "法人或其他组织",
    "信息内容",
    "行政诉讼",
    "万元",
    "元",
};

#define furniture ogi__gen_furniture

const char *
ogi__gen_row_words(ogi_table_id_t id, const char *key)
{
    long r = ogi_skeleton_row_index(id, key);
    assert(r >= 0);
    return ogi_skeleton_table(id)->rows[r].label;
}

/* ---- helpers ---- */

void
ogi__gen_spaces(ogi__sb_t *b, int n)
{
    for (int i = 0; i < n; i++)
        ogi__sb_addn(b, " ", 1);
}

/* Length of the UTF-8 sequence at s. */
size_t
ogi__gen_cp_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    if (c < 0x80)
        return 1;
    if (c >= 0xF0)
        return 4;
    if (c >= 0xE0)
        return 3;
    return 2;
}

/* Code points in s. */
size_t
ogi__gen_cp_count(const char *s)
{
    size_t n = 0;
    while (*s) {
        s += ogi__gen_cp_len(s);
        n++;
    }
    return n;
}

/* Display width: ASCII 1, everything else 2 (CJK, full width). */
int
ogi__gen_disp_width(const char *s)
{
    int w = 0;
    while (*s) {
        w += (unsigned char)*s < 0x80 ? 1 : 2;
        s += ogi__gen_cp_len(s);
    }
    return w;
}

/* Byte offset of code point k of s (or its end). */
size_t
ogi__gen_cp_offset(const char *s, size_t k)
{
    size_t o = 0;
    while (k-- && s[o])
        o += ogi__gen_cp_len(s + o);
    return o;
}

/* Level of a printed row number: 1 "一、", 2 "（一）", 3 "1.", 0 none. */
static int
num_level(const char *number)
{
    if (!number[0])
        return 0;
    if (number[0] >= '0' && number[0] <= '9')
        return 3;
    if (strncmp(number, "（", strlen("（")) == 0)
        return 2;
    return 1;
}

/* ---- label transforms for the quirks ---- */

/* Full-width punctuation to half width (seed 3, 杨凌 2022). */
static char *
halfwidth(ogi__gen_t *g, const char *s)
{
    static const struct {
        const char *from, *to;
    } map[] = {{"（", "("}, {"）", ")"}, {"：", ":"},
               {"，", ","}, {"“", "\""}, {"”", "\""}};
    ogi__sb_t b;
    ogi__sb_init(&b, g->arena);
    while (*s) {
        size_t i;
        for (i = 0; i < OGI_ARRAY_LEN(map); i++) {
            size_t l = strlen(map[i].from);
            if (strncmp(s, map[i].from, l) == 0) {
                ogi__sb_add(&b, map[i].to);
                s += l;
                break;
            }
        }
        if (i == OGI_ARRAY_LEN(map)) {
            size_t l = ogi__gen_cp_len(s);
            ogi__sb_addn(&b, s, l);
            s += l;
        }
    }
    return ogi__gen_sb(g, &b);
}

/* "自 然 人", "三、 本 年 度 办 理 结 果" (seed 3): a space between the
 * characters after the first nskip ones, and one after those. */
char *
ogi__gen_spaced(ogi__gen_t *g, const char *s, size_t nskip)
{
    ogi__sb_t b;
    ogi__sb_init(&b, g->arena);
    size_t k = 0;
    while (*s) {
        size_t l = ogi__gen_cp_len(s);
        if (k > 0 && k >= nskip)
            ogi__sb_add(&b, " ");
        ogi__sb_addn(&b, s, l);
        s += l;
        k++;
    }
    return ogi__gen_sb(g, &b);
}

/* The label cut in two lines after code point at (seeds 1, 2). */
static char *
split_at(ogi__gen_t *g, const char *s, size_t at)
{
    size_t o = ogi__gen_cp_offset(s, at);
    return ogi__gen_strf(g, "%.*s\n%s", (int)o, s, s + o);
}

/* One character per line (seed 2), later lines indented or not. */
static char *
vertical(ogi__gen_t *g, const char *s, int indent)
{
    ogi__sb_t b;
    ogi__sb_init(&b, g->arena);
    int first = 1;
    while (*s) {
        size_t l = ogi__gen_cp_len(s);
        if (!first) {
            ogi__sb_add(&b, "\n");
            ogi__gen_spaces(&b, indent);
        }
        ogi__sb_addn(&b, s, l);
        s += l;
        first = 0;
    }
    return ogi__gen_sb(g, &b);
}

/* Full-width digits for a number ("１２３", "８２６５．５"). */
static char *
fullwidth_digits(ogi__gen_t *g, const char *s)
{
    ogi__sb_t b;
    ogi__sb_init(&b, g->arena);
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            char w[4] = {(char)0xEF, (char)0xBC, (char)(0x90 + (*s - '0')), 0};
            ogi__sb_add(&b, w);
        } else if (*s == '.') {
            ogi__sb_add(&b, "．");
        } else if (*s == '-') {
            ogi__sb_add(&b, "－");
        } else if (*s == '+') {
            ogi__sb_add(&b, "＋");
        } else {
            ogi__sb_addn(&b, s, 1);
        }
    }
    return ogi__gen_sb(g, &b);
}

/* ---- per-report printing choices (ogi__style_t) ---- */

void
ogi__gen_pick_style(ogi__gen_t *g, ogi__style_t *st)
{
    memset(st, 0, sizeof(*st));
    ogi_gen_layout_t l = g->opts.layout;
    if (l == OGI_GEN_WIDTH) {
        st->halfwidth = chance(g, 2, 3);
        st->fullwidth_pct = (int)rnd(g, 10, 60);
        st->thousands = chance(g, 1, 2);
        st->num_style = (int)rnd(g, 0, 3);
    }
    if (l == OGI_GEN_SPACED) {
        st->spaced = 1;
        st->num_style = chance(g, 1, 2) ? 3 : 0;
    }
    st->split = l == OGI_GEN_SPLIT;
    st->vertical = l == OGI_GEN_VERTICAL;
    st->vindent = chance(g, 1, 2) ? 4 : 0;
    st->trailing_tab = chance(g, 1, 2);
    st->rule_line = g->base == OGI__BASE_TABROW && chance(g, 1, 2);
    st->split_number = g->base == OGI__BASE_TABROW && chance(g, 1, 2);
    st->junk = l == OGI_GEN_JUNK;
    st->pdf_space_nums = chance(g, 2, 3);
    st->pdf_mid_groups = chance(g, 1, 2);
    st->pdf_wrap_mode = (int)rnd(g, 0, 2);
    st->page = (int)rnd(g, 1, 3);
    st->short_partial = chance(g, 1, 8);
    st->use_variants = chance(g, 1, 4);
}

/* ---- labels from the skeleton ---- */

/* A row's number as printed in this report's style. */
static const char *
row_number(ogi__gen_t *g, const ogi__style_t *st, const char *number)
{
    if (num_level(number) != 3 || st->num_style == 0)
        return number;
    size_t l = strlen(number);
    const char *tail = st->num_style == 1   ? "、"
                       : st->num_style == 2 ? "．"
                                            : ". ";
    return ogi__gen_strf(g, "%.*s%s", (int)(l - 1), number, tail);
}

/* A row's label: number and words, from the skeleton (a variant of the
 * words sometimes), in the style of the layout. */
static const char *
row_label(ogi__gen_t *g, const ogi__style_t *st, ogi_table_id_t id, size_t row)
{
    const ogi_skel_row_t *r = &ogi_skeleton_table(id)->rows[row];
    const char *words = r->label;
    if (r->variants && r->variants[0] &&
        ((id == OGI_T3 && st->short_partial) ||
         (id != OGI_T3 && st->use_variants)))
        words = r->variants[0];
    const char *num = row_number(g, st, r->number);
    const char *s = ogi__gen_strf(g, "%s%s", num, words);
    if (!s)
        return "";
    if (st->halfwidth)
        s = halfwidth(g, s);
    if (st->spaced && s && chance(g, 1, 2) && num_level(r->number) != 3)
        s = ogi__gen_spaced(g, s, ogi__gen_cp_count(num));
    return s ? s : "";
}

/* A column's header. */
static const char *
col_label(ogi__gen_t *g, const ogi__style_t *st, ogi_table_id_t id, size_t col)
{
    const ogi_skel_col_t *c = &ogi_skeleton_table(id)->cols[col];
    const char *s = c->label;
    if (c->variants && c->variants[0] && st->use_variants) {
        size_t n = 0;
        while (c->variants[n])
            n++;
        s = c->variants[rnd(g, 0, (int64_t)n - 1)];
    }
    if (c->type == OGI_VT_AMOUNT &&
        g->truth->tables[id].unit == OGI_UNIT_WAN_YUAN)
        s = ogi__gen_strf(g, "%s（%s）", c->label, furniture.wan);
    if (s && st->halfwidth)
        s = halfwidth(g, s);
    if (s && st->spaced && chance(g, 1, 3))
        s = ogi__gen_spaced(g, s, 0);
    return s ? s : "";
}

/* A Table 2 item's heading: "第二十条第（一）项". */
static const char *
item_label(ogi__gen_t *g, const ogi__style_t *st, ogi_table_id_t id)
{
    const char *s = ogi_skeleton_table(id)->label;
    if (st->halfwidth)
        s = halfwidth(g, s);
    if (s && g->base == OGI__BASE_PDF && chance(g, 1, 2)) {
        /* "第二十条 第（一）项" (洪泽, 淮安) */
        size_t o = ogi__gen_cp_offset(s, 4);
        s = ogi__gen_strf(g, "%.*s %s", (int)o, s, s + o);
    }
    return s ? s : "";
}

/* ---- values ---- */

static char *
fig(ogi__gen_t *g, int64_t v, int scale)
{
    if (scale == 0)
        return ogi__gen_strf(g, "%lld", (long long)v);
    int64_t p = 1;
    for (int i = 0; i < scale; i++)
        p *= 10;
    int64_t a = v < 0 ? -v : v;
    return ogi__gen_strf(g, "%s%lld.%0*lld", v < 0 ? "-" : "",
                         (long long)(a / p), scale, (long long)(a % p));
}

/* "1,046": thousands separators. */
static char *
thousands(ogi__gen_t *g, int64_t v)
{
    char d[32];
    snprintf(d, sizeof(d), "%lld", (long long)v);
    size_t n = strlen(d);
    ogi__sb_t b;
    ogi__sb_init(&b, g->arena);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            ogi__sb_add(&b, ",");
        ogi__sb_addn(&b, d + i, 1);
    }
    return ogi__gen_sb(g, &b);
}

/* A cell as printed. */
static const char *
value_text(ogi__gen_t *g, const ogi__style_t *st, ogi_table_id_t id, size_t row,
           size_t col)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    if (g->cell_text[id] && g->cell_text[id][row * sk->ncols + col])
        return g->cell_text[id][row * sk->ncols + col];
    const ogi_cell_t *c = ogi__gen_cell(g, id, row, col);
    char *s = NULL;
    if (sk->cols[col].type == OGI_VT_SIGNED) {
        int64_t v = c->value, a = v < 0 ? -v : v;
        switch (g->delta_style) {
            case 0: /* +2, -5 (seed 2) */
                s = v ? ogi__gen_strf(g, "%s%lld", v > 0 ? "+" : "-",
                                      (long long)a)
                      : fig(g, 0, 0);
                break;
            case 1: /* 减 22 (seed 3) */
                s = v < 0   ? ogi__gen_strf(g, "减 %lld", (long long)a)
                    : v > 0 ? ogi__gen_strf(g, "增 %lld", (long long)a)
                            : fig(g, 0, 0);
                break;
            default: /* unsigned when positive */
                s = fig(g, v, 0);
                break;
        }
    } else if (sk->cols[col].type == OGI_VT_AMOUNT &&
               c->unit == OGI_UNIT_YUAN) {
        s = ogi__gen_strf(g, "%s%s", fig(g, c->value, c->scale),
                          furniture.yuan);
    } else if (st->thousands && c->scale == 0 && c->value >= 1000 &&
               chance(g, 1, 2)) {
        s = thousands(g, c->value);
    } else {
        s = fig(g, c->value, c->scale);
    }
    if (s && st->fullwidth_pct && chance(g, (unsigned)st->fullwidth_pct, 100))
        s = fullwidth_digits(g, s);
    return s ? s : "";
}

/* ---- visual rows (ogi__vrow_t) ---- */

static ogi__vrow_t *
vnew(ogi__gen_t *g, ogi__vlist_t *l, int role)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        ogi__vrow_t *p =
            ogi_arena_grow(g->arena, l->v, l->n * sizeof(*p), cap * sizeof(*p));
        if (!p) {
            g->oom = 1;
            return NULL;
        }
        l->v = p;
        l->cap = cap;
    }
    ogi__vrow_t *r = &l->v[l->n++];
    memset(r, 0, sizeof(*r));
    r->role = role;
    r->row = -1;
    return r;
}

static void
vput(ogi__vrow_t *r, const char *t, int kind)
{
    if (r && r->n < OGI__VR_MAXC) {
        r->t[r->n] = t ? t : "";
        r->k[r->n] = (unsigned char)kind;
        r->n++;
    }
}

/* Table 2, one item. */
void
ogi__gen_build_t2(ogi__gen_t *g, const ogi__style_t *st, ogi__vlist_t *l,
         ogi_table_id_t id)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    l->table = id;
    ogi__vrow_t *r = vnew(g, l, OGI__R_CAPTION);
    vput(r, item_label(g, st, id), OGI__K_TEXT);
    r = vnew(g, l, OGI__R_HEAD);
    vput(r, furniture.content, OGI__K_TEXT);
    for (size_t c = 0; c < sk->ncols; c++) {
        const char *h = col_label(g, st, id, c);
        if (st->split && ogi__gen_cp_count(h) >= 5 && chance(g, 1, 2))
            h = split_at(g, h, (size_t)rnd(g, 2, (int64_t)ogi__gen_cp_count(h) - 2));
        vput(r, h, OGI__K_TEXT);
    }
    for (size_t row = 0; row < sk->nrows; row++) {
        r = vnew(g, l, OGI__R_DATA);
        if (!r)
            return;
        r->row = (long)row;
        const char *lab = row_label(g, st, id, row);
        if (st->split && ogi__gen_cp_count(lab) >= 6 && chance(g, 1, 2))
            lab =
                split_at(g, lab, (size_t)rnd(g, 2, (int64_t)ogi__gen_cp_count(lab) - 2));
        r->label = lab;
        vput(r, lab, OGI__K_TEXT);
        if (id == OGI_T2_19_9 && g->junk_procurement) {
            /* seed 1: a pasted line where the values should be */
            vput(
                r,
                ogi__gen_strf(g,
                              "%d年本行政区域（或本部门）政府信息公开发布总数量"
                              "（非新闻类、消息类）：%d",
                              g->year, (int)rnd(g, 100, 9999)),
                OGI__K_TEXT);
            r->role = OGI__R_JUNK;
            continue;
        }
        for (size_t c = 0; c < sk->ncols; c++)
            vput(r, value_text(g, st, id, row, c), OGI__K_VALUE);
        r->nvals = sk->ncols;
    }
}

/* A group label of Table 3 as the layout prints it. */
static const char *
group_label(ogi__gen_t *g, const ogi__style_t *st, size_t row)
{
    const char *s = row_label(g, st, OGI_T3, row);
    const ogi_skel_row_t *r = &ogi_skeleton_table(OGI_T3)->rows[row];
    if (st->vertical && chance(g, 3, 4))
        return vertical(g, s, st->vindent);
    if (st->spaced && num_level(r->number) == 1)
        return ogi__gen_spaced(g, s, ogi__gen_cp_count(r->number)); /* seed 3 */
    if (st->split && ogi__gen_cp_count(s) >= 5 && chance(g, 1, 2))
        return split_at(g, s, ogi__gen_cp_count(r->number) + 1);
    return s;
}

void
ogi__gen_build_t3(ogi__gen_t *g, const ogi__style_t *st, ogi__vlist_t *l)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    l->table = OGI_T3;
    /* three header rows */
    ogi__vrow_t *r = vnew(g, l, OGI__R_HEAD);
    const char *note =
        st->halfwidth ? halfwidth(g, furniture.note) : furniture.note;
    if (st->split && chance(g, 1, 2))
        note = split_at(g, note, 12); /* "…为：\n第一项…" (seed 2) */
    vput(r, note, OGI__K_TEXT);
    const char *ap = furniture.applicant;
    if (st->vertical && chance(g, 1, 2))
        ap = vertical(g, ap, 0);
    else if (st->spaced && chance(g, 1, 2))
        ap = ogi__gen_spaced(g, ap, 0);
    vput(r, ap, OGI__K_TEXT);
    r = vnew(g, l, OGI__R_HEAD);
    vput(r, "", OGI__K_MERGED);
    vput(r, col_label(g, st, OGI_T3, 0), OGI__K_TEXT);
    const char *legal = furniture.legal;
    if (st->split && chance(g, 1, 2))
        legal = split_at(g, legal, 4);
    vput(r, legal, OGI__K_TEXT);
    vput(r, col_label(g, st, OGI_T3, sk->ncols - 1), OGI__K_TEXT);
    r = vnew(g, l, OGI__R_HEAD);
    vput(r, "", OGI__K_MERGED);
    vput(r, "", OGI__K_MERGED);
    for (size_t c = 1; c + 1 < sk->ncols; c++) {
        const char *h = col_label(g, st, OGI_T3, c);
        if (st->split && ogi__gen_cp_count(h) == 4 && chance(g, 1, 2))
            h = split_at(g, h, 2); /* "商业\n企业" (seed 2) */
        vput(r, h, OGI__K_TEXT);
    }
    vput(r, "", OGI__K_MERGED);

    /* the rows, with the group labels in their slots */
    const char *top = NULL, *sub = NULL;
    int under_top = 0, under_sub = 0;
    for (size_t row = 0; row < sk->nrows; row++) {
        const ogi_skel_row_t *sr = &sk->rows[row];
        int lv = num_level(sr->number);
        int group =
            (sr->flags & OGI_ROW_GROUP) ||
            ((sr->flags & OGI_ROW_OTHER1) && g->truth->apply_other_rows == 3);
        if (group) {
            if (lv == 1) {
                top = group_label(g, st, row);
                under_top = 1;
                under_sub = 0;
            } else {
                sub = group_label(g, st, row);
                under_sub = 1;
            }
            continue;
        }
        if (!ogi_report_row_in_shape(g->truth, OGI_T3, row))
            continue;
        if (lv == 1) {
            under_top = under_sub = 0;
        } else if (lv == 2) {
            under_sub = 0;
        }
        if ((long)row == g->missing_row)
            continue;
        r = vnew(g, l, OGI__R_DATA);
        if (!r)
            return;
        r->row = (long)row;
        r->depth = under_sub ? 2 : under_top ? 1 : 0;
        if (under_top) {
            vput(r, top ? top : "", top ? OGI__K_TEXT : OGI__K_MERGED);
            r->top = top;
            top = NULL;
        }
        if (under_sub) {
            vput(r, sub ? sub : "", sub ? OGI__K_TEXT : OGI__K_MERGED);
            r->sub = sub;
            sub = NULL;
        }
        const char *lab = row_label(g, st, OGI_T3, row);
        if (st->split && ogi__gen_cp_count(lab) >= 8 && chance(g, 1, 2)) {
            /* "（二）部分公开\n（区分处理的…）" (seed 2) */
            size_t at = ogi__gen_cp_count(lab) / 2;
            const char *p = strstr(lab, "（区分");
            if (!p)
                p = strstr(lab, "(区分");
            if (p && p > lab)
                at = ogi__gen_cp_count(ogi__gen_strf(g, "%.*s", (int)(p - lab), lab));
            lab = split_at(g, lab, at);
        }
        r->numcp = ogi__gen_cp_count(row_number(g, st, sr->number));
        if ((long)row == g->nolabel_row) {
            r->label = NULL; /* seed 0: values on the group label's line */
        } else {
            if (lv == 1 && st->split_number && g->base == OGI__BASE_TABROW) {
                /* "一、\t本年新收…" (seed 3) */
                size_t o = strlen(sr->number);
                if (strncmp(lab, sr->number, o) == 0) {
                    vput(r, ogi__gen_strf(g, "%.*s", (int)o, lab), OGI__K_TEXT);
                    lab = lab + o;
                    r->numcp = 0;
                }
            }
            r->label = lab;
            vput(r, lab, OGI__K_TEXT);
        }
        r->pagebreak = (long)row == g->pagebreak_row;
        for (size_t c = 0; c < sk->ncols; c++)
            vput(r, value_text(g, st, OGI_T3, row, c), OGI__K_VALUE);
        r->nvals = sk->ncols;
    }
}

void
ogi__gen_build_t4(ogi__gen_t *g, const ogi__style_t *st, ogi__vlist_t *l)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T4);
    l->table = OGI_T4;
    ogi__vrow_t *r = vnew(g, l, OGI__R_HEAD);
    vput(r, sk->rows[0].label, OGI__K_TEXT);
    vput(r, furniture.suit, OGI__K_TEXT);
    r = vnew(g, l, OGI__R_HEAD);
    const char *hs[OGI_T4_CELLS];
    for (size_t c = 0; c < sk->ncols; c++) {
        const char *h = col_label(g, st, OGI_T4, c);
        if (st->vertical && chance(g, 3, 4))
            h = vertical(g, h, st->vindent ? st->vindent : 4);
        else if (st->spaced && ogi__gen_cp_count(h) == 4)
            h = ogi__gen_spaced(g, h, 2); /* "结果 维持" (seed 3) */
        hs[c] = h;
        vput(r, h, OGI__K_TEXT);
    }
    vput(r, sk->rows[1].label, OGI__K_TEXT);
    vput(r, sk->rows[2].label, OGI__K_TEXT);
    r = vnew(g, l, OGI__R_HEAD);
    for (size_t c = 0; c < sk->ncols; c++)
        vput(r, "", OGI__K_MERGED);
    for (int k = 0; k < 2; k++)
        for (size_t c = 0; c < sk->ncols; c++)
            vput(r, hs[c], OGI__K_TEXT);
    r = vnew(g, l, OGI__R_DATA);
    for (size_t row = 0; row < sk->nrows; row++)
        for (size_t c = 0; c < sk->ncols; c++)
            vput(r, value_text(g, st, OGI_T4, row, c), OGI__K_VALUE);
    if (r)
        r->nvals = OGI_T4_CELLS;
}
