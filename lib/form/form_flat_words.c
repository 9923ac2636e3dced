/*
 * form_flat_words.c - the format's words for form_flat.c
 * (form_flat_int.h): section headings, Table 2's items, the tables'
 * headers and row labels, all read from the skeleton once and folded as
 * ogi_text_decode folds text, and their matching at a place of a view's
 * text with white space inside a word skipped ("三、本年度办 理结果").
 */
#include "ogi_int.h"

#include <pthread.h>
#include <stddef.h>
#include <string.h>

#include "form_flat_int.h"
#include "ogi/skeleton.h"
#include "ogi/text.h"

/* ---- the format's words, folded as the text is ---- */

static ogi__flat_lexicon_t lex;
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

/* Appends a ∥ b to ws folded the way ogi_text_decode folds text, white
 * space dropped; a word already there is not added twice. */
static void
add(ogi__flat_words_t *ws, const char *a, const char *b)
{
    if (ws->n == OGI__FLAT_WORDS)
        return;
    ogi__flat_word_t *w = &ws->w[ws->n];
    size_t o = ogi_text_fold_append(w->s, 0, sizeof(w->s), a, 1, NULL);
    if (o != (size_t)-1)
        o = ogi_text_fold_append(w->s, o, sizeof(w->s), b, 1, NULL);
    if (o == (size_t)-1) /* the skeleton is UTF-8 and short: cannot happen */
        return;
    if (o == 0)
        return;
    for (size_t i = 0; i < ws->n; i++)
        if (ws->w[i].n == o && memcmp(ws->w[i].s, w->s, o) == 0)
            return;
    w->s[o] = '\0';
    w->n = o;
    if (ogi_utf8_decode(w->s, w->s + o, &w->first) == 0)
        return;
    ws->firsts |= (uint64_t)1 << (w->first & 63);
    ws->n++;
}

/* The words of heading h after its ordinal and "、". */
static void
add_heading(ogi__flat_words_t *ws, const ogi_skel_section_t *sec, const char *h)
{
    const char *w = strstr(h, "、");
    if (w)
        add(ws, sec->ordinal, w);
}

/* The row labels of sk and their variants, each after its numbering
 * when numbered ("1.属于国家秘密"). */
static void
add_rows(ogi__flat_words_t *ws, const ogi_skel_table_t *sk, int numbered)
{
    for (size_t r = 0; r < sk->nrows; r++) {
        const ogi_skel_row_t *row = &sk->rows[r];
        const char *num = numbered ? row->number : "";
        add(ws, num, row->label);
        for (size_t v = 0; row->variants && row->variants[v]; v++)
            add(ws, num, row->variants[v]);
    }
}

static void
add_labels(ogi__flat_words_t *ws, const ogi_skel_table_t *sk, int rows)
{
    for (size_t c = 0; c < sk->ncols; c++) {
        add(ws, sk->cols[c].label, "");
        for (size_t v = 0; sk->cols[c].variants && sk->cols[c].variants[v]; v++)
            add(ws, sk->cols[c].variants[v], "");
    }
    if (rows)
        add_rows(ws, sk, 0);
}

static void
init_words(void)
{
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        const ogi_skel_section_t *sec =
            ogi_skeleton_section((ogi_section_id_t)k);
        add_heading(&lex.heads[k], sec, sec->title);
        for (size_t v = 0; sec->variants && sec->variants[v]; v++)
            add_heading(&lex.heads[k], sec, sec->variants[v]);
    }
    /* the header cell above an item's row labels */
    add(&lex.t2_next, "信息内容", "");
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_skel_table_t *sk = ogi_skeleton_table((ogi_table_id_t)id);
        if (id == OGI_T3) {
            add_labels(&lex.t3_next, sk, 0);
            add_rows(&lex.t3_rows, sk, 1);
        } else if (id == OGI_T4) {
            add_labels(&lex.t4_next, sk, 1);
            add(&lex.t4_review, sk->rows[0].label, "");
        } else {
            add(&lex.t2_items, sk->label, "");
            add_labels(&lex.t2_next, sk, 1);
            add_rows(&lex.t2_rows, sk, 0);
        }
    }
    /* Table 3's and Table 4's headers print these above the skeleton's
     * columns and rows */
    add(&lex.t3_head, "申请人情况", "");
    add(&lex.t3_note, "勾稽关系", "");
    add(&lex.t4_suit, "行政诉讼", "");
}

/* ---- matching in the view ---- */

int
ogi__flat_fold_at(const char *s, size_t p, size_t e, size_t *l, uint32_t *cp)
{
    /* an ideograph (U+4000-U+9FFF), most of a text: no fold touches it */
    const unsigned char *u = (const unsigned char *)s + p;
    if (p < e && e - p >= 3 && u[0] >= 0xE4 && u[0] <= 0xE9 &&
        (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        *l = 3;
        *cp = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
              (uint32_t)(u[2] & 0x3F);
        return 0;
    }
    *l = ogi_utf8_decode(s + p, s + e, cp);
    if (*l == 0) {
        *l = 1;
        *cp = 0xFFFD;
        return 0;
    }
    int f = ogi_text_fold(*cp);
    if (f == ' ' || *cp == ' ' || *cp == '\t' || *cp == '\r')
        return -2;
    return f;
}

size_t
ogi__flat_skip_space(const char *s, size_t p, size_t e)
{
    while (p < e) {
        size_t l;
        uint32_t cp;
        if (ogi__flat_fold_at(s, p, e, &l, &cp) != -2)
            break;
        p += l;
    }
    return p;
}

/* 1 when word w is at s[p..e), white space inside it skipped; its end in
 * *q. */
static int
match(const char *s, size_t p, size_t e, const ogi__flat_word_t *w, size_t *q)
{
    size_t i = 0;
    while (i < w->n) {
        if (p >= e)
            return 0;
        size_t l;
        uint32_t cp;
        int f = ogi__flat_fold_at(s, p, e, &l, &cp);
        if (f == -1 || (f == -2 && i > 0)) {
            p += l;
            continue;
        }
        if (f == -2)
            return 0;
        if (f > 0) {
            if ((unsigned char)w->s[i] != (unsigned)f)
                return 0;
            i++;
        } else {
            if (l > w->n - i || memcmp(w->s + i, s + p, l) != 0)
                return 0;
            i += l;
        }
        p += l;
    }
    *q = p;
    return 1;
}

int
ogi__flat_match_any(const char *s, size_t p, size_t e,
                    const ogi__flat_words_t *ws, size_t *q)
{
    if (p >= e)
        return 0;
    size_t l;
    uint32_t cp;
    int f = ogi__flat_fold_at(s, p, e, &l, &cp);
    if (f < 0)
        return 0; /* no word starts with a space */
    uint32_t c = f > 0 ? (uint32_t)f : cp;
    if (!(ws->firsts >> (c & 63) & 1))
        return 0;
    int hit = 0;
    for (size_t i = 0; i < ws->n; i++) {
        size_t x;
        if (ws->w[i].first == c && match(s, p, e, &ws->w[i], &x) &&
            (!hit || x > *q)) {
            *q = x;
            hit = 1;
        }
    }
    return hit;
}

int
ogi__flat_match_then(const char *s, size_t p, size_t e,
                     const ogi__flat_words_t *ws, const ogi__flat_words_t *next,
                     size_t *q)
{
    size_t x;
    if (!ogi__flat_match_any(s, p, e, ws, &x))
        return 0;
    return ogi__flat_match_any(s, ogi__flat_skip_space(s, x, e), e, next, q);
}

const ogi__flat_lexicon_t *
ogi__flat_lexicon(void)
{
    pthread_once(&lex_once, init_words);
    return &lex;
}
