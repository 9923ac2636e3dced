/*
 * runon_words.c - the run-on reader's words and tokens (runon_int.h): the
 * format's labels folded as the text is, where they begin in a line
 * of text run together, and the line cut into text, runs of digits and
 * placeholders (read_runon.c reads the rows).
 */
#include "ogi_int.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/skeleton.h"
#include "reader_int.h"
#include "runon_int.h"

/* ---- the format's words, folded as the text is ---- */

static word_t words[MAX_WORDS];
static size_t nwords;
/* words[word_from[c]..word_from[c + 1]) begin with byte c: a lookup at
 * each byte of a line tries only the words that can match there */
static size_t word_from[257];
static pthread_once_t words_once = PTHREAD_ONCE_INIT;

/* Appends a ∥ b folded the way ogi_text_decode folds text (full width to
 * ASCII, curly quotes to '"'), so that words compare byte for byte. */
static void
add_word(const char *a, const char *b)
{
    if (nwords == MAX_WORDS)
        return;
    word_t *w = &words[nwords];
    size_t chars = 0;
    size_t o = ogi_text_fold_append(w->s, 0, sizeof(w->s), a, 0, &chars);
    if (o != (size_t)-1)
        o = ogi_text_fold_append(w->s, o, sizeof(w->s), b, 0, &chars);
    if (o == (size_t)-1) /* the skeleton is UTF-8 and short: cannot happen */
        return;
    if (o == 0)
        return;
    w->n = o;
    w->chars = chars;
    w->head = 0;
    for (size_t k = 0; k < o && k < 3; k++)
        w->head |= (uint32_t)(unsigned char)w->s[k] << (8 * k);
    w->hmask = o >= 3 ? 0xFFFFFFu : (UINT32_C(1) << (8 * o)) - 1;
    nwords++;
}

static int
by_first_byte(const void *a, const void *b)
{
    const word_t *x = a, *y = b;
    return (int)(unsigned char)x->s[0] - (int)(unsigned char)y->s[0];
}

static void
init_words(void)
{
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_skel_table_t *sk = ogi_skeleton_table((ogi_table_id_t)id);
        add_word(sk->label, "");
        for (size_t c = 0; c < sk->ncols; c++) {
            add_word(sk->cols[c].label, "");
            for (size_t v = 0; sk->cols[c].variants && sk->cols[c].variants[v];
                 v++)
                add_word(sk->cols[c].variants[v], "");
        }
        for (size_t r = 0; r < sk->nrows; r++) {
            const ogi_skel_row_t *row = &sk->rows[r];
            add_word(row->number, row->label);
            add_word(row->label, "");
            for (size_t v = 0; row->variants && row->variants[v]; v++) {
                add_word(row->number, row->variants[v]);
                add_word(row->variants[v], "");
            }
        }
    }
    qsort(words, nwords, sizeof(words[0]), by_first_byte);
    for (size_t k = 0, c = 0; c <= 256; c++) {
        while (k < nwords && (unsigned char)words[k].s[0] < c)
            k++;
        word_from[c] = k;
    }
}

/* The longest word at s[i..end), or NULL. short_ok: words of two
 * characters or fewer may match here. */
const word_t *
ogi__runon_word_at(const char *s, size_t i, size_t end, int short_ok)
{
    const word_t *best = NULL;
    unsigned char c = (unsigned char)s[i];
    /* the three bytes here (those there are), to pass over at once the
     * words whose first three differ */
    uint32_t here = 0;
    for (size_t k = 0; k < 3 && k < end - i; k++)
        here |= (uint32_t)(unsigned char)s[i + k] << (8 * k);
    for (size_t k = word_from[c]; k < word_from[c + 1]; k++) {
        const word_t *w = &words[k];
        if ((here & w->hmask) != w->head || w->n > end - i ||
            (best && w->n <= best->n))
            continue;
        if (w->chars <= 2 && !short_ok && i + w->n != end)
            continue;
        if (memcmp(s + i, w->s, w->n) == 0)
            best = w;
    }
    return best;
}

/* ---- characters ---- */

int
ogi__runon_is_digit_at(const char *s, size_t i, size_t end)
{
    return i < end && ogi_text_is_digit((unsigned char)s[i]);
}

int
ogi__runon_is_blank_char(char c)
{
    return c == ' ' || c == '\t';
}

int
ogi__runon_starts(const char *s, size_t i, size_t end, const char *lit)
{
    size_t n = strlen(lit);
    return end - i >= n && memcmp(s + i, lit, n) == 0;
}

/* A count word after digits makes them narrative: "2019年", "75件",
 * "8次". No label of the format starts with one of these. */
static int
is_count_word(const char *s, size_t i, size_t end)
{
    static const char *const w[] = {"年", "月", "日", "号", "件", "条",  "个",
                                    "次", "人", "名", "份", "天", "页",  "项",
                                    "家", "户", "%",  "余", "多", "万人"};
    for (size_t k = 0; k < OGI_ARRAY_LEN(w); k++)
        if (ogi__runon_starts(s, i, end, w[k]))
            return 1;
    return 0;
}

/* 1 when the character before i is one that makes digits text: a Latin
 * letter ("GB2312"), "第" ("第3页"). */
static int
text_before(const char *s, size_t i, size_t start)
{
    if (i > start && ogi_text_is_alpha((unsigned char)s[i - 1]))
        return 1;
    return i >= start + 3 && memcmp(s + i - 3, "第", 3) == 0;
}

/* A separator after a numbering digit: "." (also "．", folded) or "、". */
size_t
ogi__runon_numbering_sep(const char *s, size_t i, size_t end)
{
    if (i < end && s[i] == '.')
        return 1;
    if (ogi__runon_starts(s, i, end, "、"))
        return 3;
    return 0;
}

/* ---- tokens ---- */

/* Length of a sign at i: "+", "-", or "增"/"减" with the blanks after it
 * ("减 22", seed 3); 0 when there is none. Only a sign before a digit
 * makes a value. */
static size_t
sign_len(const char *s, size_t i, size_t end)
{
    if (i < end && (s[i] == '+' || s[i] == '-'))
        return 1;
    if (!ogi__runon_starts(s, i, end, "增") &&
        !ogi__runon_starts(s, i, end, "减"))
        return 0;
    size_t j = i + 3;
    while (j < end && j - i < 6 && ogi__runon_is_blank_char(s[j]))
        j++;
    return j - i;
}

/*
 * Whether a value starts at i (a digit, or a sign before one). Sets *vend
 * to the end of its run and *text_at to where text starts inside it (the
 * numbering digit of the next label), or to *vend. Returns 0 when the
 * digits at i are text.
 */
static int
value_at(const char *s, size_t i, size_t start, size_t end, size_t *vend,
         size_t *text_at)
{
    size_t sl = sign_len(s, i, end), j = i + sl;
    if (!ogi__runon_is_digit_at(s, j, end) || text_before(s, i, start))
        return 0;
    int plain = 1; /* digits only: a numbering digit may end it */
    while (j < end) {
        if (ogi__runon_is_digit_at(s, j, end)) {
            j++;
        } else if (s[j] == '.' && ogi__runon_is_digit_at(s, j + 1, end)) {
            j++;
            plain = 0;
        } else if (s[j] == ',' && ogi__runon_is_digit_at(s, j + 1, end) &&
                   ogi__runon_is_digit_at(s, j + 2, end) &&
                   ogi__runon_is_digit_at(s, j + 3, end) &&
                   !ogi__runon_is_digit_at(s, j + 4, end)) {
            j += 4; /* a thousands separator */
            plain = 0;
        } else {
            break;
        }
    }
    if (j < end &&
        (ogi_text_is_alpha((unsigned char)s[j]) || is_count_word(s, j, end)))
        return 0;
    size_t sep;
    if (plain && (sep = ogi__runon_numbering_sep(s, j, end)) != 0 &&
        j + sep < end && !ogi_text_is_space((unsigned char)s[j + sep]) &&
        !ogi__runon_is_digit_at(s, j + sep, end)) {
        /* "1.属于…": the last digit numbers the label after it; a sign
         * before it alone is no value ("-5.属于": a placeholder, then
         * the label) */
        if (sl && j - 1 == i + sl)
            return 0;
        *vend = j;
        *text_at = j - 1;
        return 1;
    }
    if (ogi__runon_starts(s, j, end, "万元"))
        j += strlen("万元");
    else if (ogi__runon_starts(s, j, end, "元"))
        j += strlen("元");
    *vend = j;
    *text_at = j;
    return 1;
}

/* Length of a placeholder word at i ("无", "不适用", "空": the words
 * ogi_number_parse reads as a placeholder), or 0. */
static size_t
place_word(const char *s, size_t i, size_t end)
{
    static const char *const w[] = {"不适用", "无", "空"};
    for (size_t k = 0; k < OGI_ARRAY_LEN(w); k++)
        if (ogi__runon_starts(s, i, end, w[k]))
            return strlen(w[k]);
    return 0;
}

/* 1 when a placeholder word ends at s[i] (after start). */
static int
place_word_before(const char *s, size_t i, size_t start)
{
    static const char *const w[] = {"不适用", "无", "空"};
    for (size_t k = 0; k < OGI_ARRAY_LEN(w); k++) {
        size_t n = strlen(w[k]);
        if (i >= start + n && memcmp(s + i - n, w[k], n) == 0)
            return 1;
    }
    return 0;
}

/* 1 when s[i] is a character that cannot be part of a label's text: a
 * blank, a digit, a placeholder mark, or the line's end. */
static int
not_text_at(const char *s, size_t i, size_t end)
{
    return i >= end || ogi__runon_is_blank_char(s[i]) ||
           ogi_text_is_digit((unsigned char)s[i]) || s[i] == '-' || s[i] == '/';
}

/* 1 when a value ends before the blanks before s[i] (after start): a
 * digit, a placeholder mark or word. */
static int
value_before(const char *s, size_t i, size_t start)
{
    while (i > start && ogi__runon_is_blank_char(s[i - 1]))
        i--;
    return i > start &&
           (ogi_text_is_digit((unsigned char)s[i - 1]) || s[i - 1] == '-' ||
            s[i - 1] == '/' || place_word_before(s, i, start));
}

/* 1 when a row's numbering starts at s[i..end): "(六)", "六、", "2." or
 * "2、". */
static int
numbering_at(const char *s, size_t i, size_t end)
{
    if (ogi__runon_is_digit_at(s, i, end)) {
        size_t j = i + 1;
        if (ogi__runon_is_digit_at(s, j, end))
            j++;
        return ogi__runon_numbering_sep(s, j, end) != 0;
    }
    int paren = i < end && s[i] == '(';
    size_t k = i + (size_t)paren;
    if (k >= end || !ogi_text_cn_digit(s + k, s + end))
        return 0;
    return paren ? ogi__runon_starts(s, k + 3, end, ")")
                 : ogi__runon_starts(s, k + 3, end, "、");
}

/* 1 when a cell starts after the blanks at s[i..end): a digit, a
 * placeholder mark or word. */
static int
cell_after(const char *s, size_t i, size_t end)
{
    while (i < end && ogi__runon_is_blank_char(s[i]))
        i++;
    return i < end && (ogi_text_is_digit((unsigned char)s[i]) || s[i] == '-' ||
                       s[i] == '/' || place_word(s, i, end));
}

/*
 * A placeholder at i: its end, or 0. "-", "--" and "/" inside text
 * ("本年增/减") are text. A placeholder word is one only where a value
 * could stand: values, blanks or the line's end on both sides ("000 无00"),
 * right after a value ("0无" then a label), or before a value or a blank
 * ("文件不适用8"); "（四）无法提供", "4.无正当理由" and a sentence ending
 * in "无" are text.
 */
static size_t
place_at(const char *s, size_t i, size_t start, size_t end)
{
    size_t j = i, wl = place_word(s, i, end);
    if (wl) {
        j = i + wl;
        int val_l = i > start && not_text_at(s, i - 1, end);
        int val_r = not_text_at(s, j, end) || place_word(s, j, end);
        int after_word = place_word_before(s, i, start);
        if (after_word)
            val_l = 1; /* "无无", "不适用不适用" */
        if (val_l && val_r)
            return j;
        if (val_l && (ogi_text_is_digit((unsigned char)s[i - 1]) ||
                      s[i - 1] == '-' || s[i - 1] == '/' || after_word))
            return j; /* "0无", "/不适用", "不适用不适用" then a label */
        if (val_r && j < end)
            return j; /* "文件不适用8": a label then cells */
        if (val_l && value_before(s, i, start) &&
            (numbering_at(s, j, end) || ogi__runon_word_at(s, j, end, 0)))
            return j; /* "00000 无(六)其他处理", "-- 不适用行政规范性文件":
                         the row's last cell, then the next row's label */
        return 0;
    }
    /* the marks around i ("-----", "--/"): text when text flanks them
     * ("本年增/减"); more than three only beside a value or a placeholder
     * word, or between blanks (or a blank and the line's end), not a rule
     * drawn with dashes */
    if (i >= end || (s[i] != '-' && s[i] != '/'))
        return 0;
    size_t ms = i, me = i;
    while (ms > start && (s[ms - 1] == '-' || s[ms - 1] == '/'))
        ms--;
    while (me < end && (s[me] == '-' || s[me] == '/'))
        me++;
    int blank_l = ms > start && ogi__runon_is_blank_char(s[ms - 1]);
    int blank_r = me < end && ogi__runon_is_blank_char(s[me]);
    int val_l = ms > start && (ogi_text_is_digit((unsigned char)s[ms - 1]) ||
                               place_word_before(s, ms, start));
    int val_r = me < end && (ogi_text_is_digit((unsigned char)s[me]) ||
                             place_word(s, me, end));
    /* the line's end after a blank ends a row of cells as a blank does
     * ("无     -----": the last cells, their marks run together) */
    int end_r = me == end;
    /* a label, marks glued to it, then a gap and more cells: the row's
     * first cells are placeholders ("…申请-----  000"), not a rule */
    int cells_r = blank_r && cell_after(s, me, end);
    if (me - ms > MAX_MARKS || (me - ms > 3 && !val_l && !val_r && !cells_r &&
                                !(blank_l && (blank_r || end_r))))
        return 0;
    /* one mark's run of at most three ("/": two, the most one cell
     * writes) is one cell: "/-" is two cells, "/" then "-"; "-----" is
     * "---" then "--", "///" is "//" then "/", the splitter reading each
     * as one or more placeholders */
    size_t most = s[i] == '/' ? 2 : 3;
    while (j < end && j - i < most && s[j] == s[i])
        j++;
    int text_l = ms > start && !blank_l && !val_l;
    int text_r = me < end && !blank_r && !val_r;
    if (text_l && text_r)
        return 0;
    size_t ve, ta;
    if (s[i] == '-' && j - i == 1 && ogi__runon_is_digit_at(s, j, end) &&
        !(value_at(s, j, start, end, &ve, &ta) && ta == j))
        return 0; /* a sign, unless the digit numbers a label */
    return j;
}

/*
 * The next token of line [start, end) from *pos, skipping blanks; 0 at
 * the end of the line. A text token ends at a blank, at a value, or before
 * a numbering digit.
 */
int
ogi__runon_next_token(const char *s, size_t *pos, size_t start, size_t end,
                      token_t *tk)
{
    size_t i = *pos;
    while (i < end && ogi__runon_is_blank_char(s[i]))
        i++;
    if (i >= end) {
        *pos = end;
        return 0;
    }
    size_t vend, text_at, pend;
    if (value_at(s, i, start, end, &vend, &text_at) && text_at > i) {
        tk->kind = TK_RUN;
        tk->a = i;
        tk->b = text_at;
        *pos = text_at;
        return 1;
    }
    if ((pend = place_at(s, i, start, end)) != 0) {
        tk->kind = TK_PLACE;
        tk->a = i;
        tk->b = pend;
        *pos = pend;
        return 1;
    }
    /* text: up to a blank or a value; a numbering digit opening the text
     * belongs to it */
    size_t j = i;
    while (j < end && !ogi__runon_is_blank_char(s[j])) {
        size_t sl = sign_len(s, j, end);
        if (j > i &&
            (ogi_text_is_digit((unsigned char)s[j]) ||
             (sl && ogi__runon_is_digit_at(s, j + sl, end))) &&
            value_at(s, j, start, end, &vend, &text_at))
            break; /* a value, or a numbering digit: a new token */
        if (j > i && (s[j] == '-' || s[j] == '/' || place_word(s, j, end)) &&
            place_at(s, j, start, end))
            break;
        if (ogi_text_is_digit((unsigned char)s[j]) &&
            value_at(s, j, start, end, &vend, &text_at) && text_at == j) {
            /* the numbering digit at the token's start: step over it and
             * its separator */
            j = vend + ogi__runon_numbering_sep(s, vend, end);
            continue;
        }
        j += ogi_utf8_len(s + j, s + end);
    }
    tk->kind = TK_TEXT;
    tk->a = i;
    tk->b = j;
    *pos = j;
    return 1;
}

void
ogi__runon_words_init(void)
{
    pthread_once(&words_once, init_words);
}
