/*
 * form_ocr.c - the figures of a table row as an OCR engine misreads them
 * (form_int.h).
 *
 * A scanned report read back by OCR (tesseract and the like) writes a
 * table row as its label and then its values apart by spaces, as
 * pdftotext -layout does; but a figure may come out as a letter that
 * looks like it: "o" or "O" for 0 ("3 0 0 oo 0 3"), and the table's rule
 * right after a figure as "l" or "I" ("0 0 1I": the cell's 1, then the
 * bar), a 1 as "l" after such an o ("0 ol": 0, 0 and 1). A reader takes
 * such a word for a label and the row loses the value, or all of its
 * values after it.
 *
 * Only the values that end a line are looked at: the run of words at the
 * line's end that are figures or these look-alikes, holding at least
 * MIN_FIGURES plain figures (so a sentence, a page number or a label that
 * holds a real "I" or "o" is never touched: those words are not in such
 * a run). In the run
 *   - a word of 0-9, o and O with an o or O in it (and a figure, or at
 *     most two letters) has each o and O read as 0: "oo" -> "0 " (a
 *     zero drawn as letters only is one zero: "00" would be a run of two
 *     cells' digits), "1o" -> "10";
 *   - a word of such figures that ends in one l or I: after a digit the
 *     letter is the table's rule, a space ("1I" -> "1 "); in a word of
 *     letters only it is a 1 ("ol" -> "01": 0 and 1 run together, which
 *     the row's arithmetic parts as it parts "000" of text run
 *     together).
 * A quotation mark OCR set before a figure of the run ("”0", or glued to
 * the label before it: "不“4") is stray: it goes, as spaces, and the
 * figure is a value of its own.
 * Every edit puts one byte for one byte: the view keeps its length and
 * its map. A text with no such word is left as it is, nothing copied.
 * Only the lines holding a letter or a quotation mark that may be an
 * edit's are read (found by memchr, a pass per cue byte); linear.
 */
#include "ogi_int.h"

#include <stdint.h>
#include <string.h>

#include "form_int.h"
#include "ogi/error.h"

/* Plain figures a run of values needs before its look-alikes are read. */
#define MIN_FIGURES 2

static int
is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static int
is_o(char c)
{
    return c == 'o' || c == 'O';
}

static int
is_l(char c)
{
    return c == 'l' || c == 'I';
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

typedef enum {
    W_NONE = 0, /* not a value */
    W_FIGURE,   /* a plain figure: digits, a leading '-' */
    W_LOOK      /* a figure misread: o or O among its digits, l or I after */
} word_t;

/* What the word w[0..n) is. */
static word_t
word_kind(const char *w, size_t n)
{
    size_t i = 0, digits = 0, os = 0;
    if (n > 1 && w[0] == '-')
        i = 1;
    for (; i < n; i++) {
        if (is_digit(w[i]))
            digits++;
        else if (is_o(w[i]))
            os++;
        else
            break;
    }
    if (digits + os == 0)
        return W_NONE;
    if (i == n)
        return os == 0 ? W_FIGURE : digits > 0 || os <= 2 ? W_LOOK : W_NONE;
    /* one rule letter after the figure */
    if (i + 1 == n && is_l(w[i]) && (digits > 0 || os <= 2))
        return W_LOOK;
    return W_NONE;
}

/* The look-alike word w[0..n) written as what it stands for, in place. */
static void
word_fix(char *w, size_t n)
{
    int digits = 0;
    for (size_t i = 0; i < n; i++)
        digits |= is_digit(w[i]);
    for (size_t i = 0; i < n; i++) {
        if (is_o(w[i]))
            /* a zero drawn as letters only is one zero: "oo" is "0 " */
            w[i] = digits || i == 0 ? '0' : ' ';
        else if (is_l(w[i]))
            /* after a figure the table's rule; in a word of letters
             * only, a 1 ("ol": 0 and 1, a run the arithmetic parts) */
            w[i] = digits ? ' ' : '1';
    }
}

/* The length of the quotation mark that ends w[0..n) (“ ” ‘ ’ " '), or
 * 0. */
static size_t
quote_end(const char *w, size_t n)
{
    if (n >= 1 && (w[n - 1] == '"' || w[n - 1] == '\''))
        return 1;
    if (n >= 3 && (unsigned char)w[n - 3] == 0xE2 &&
        (unsigned char)w[n - 2] == 0x80 && (unsigned char)w[n - 1] >= 0x98 &&
        (unsigned char)w[n - 1] <= 0x9D)
        return 3;
    return 0;
}

/* An edit of a line: a look-alike word to write as its figure
 * (quote 0), or a quotation mark of quote bytes to blank. */
typedef struct {
    size_t at;
    size_t quote;
} edit_t;

/* 1 when c may be a byte of a figure or of its look-alike. */
static int
is_figure_byte(char c)
{
    return is_digit(c) || is_o(c) || is_l(c) || c == '-';
}

/* 1 when s[b..e) is digits only. */
static int
all_digits(const char *s, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++)
        if (!is_digit(s[i]))
            return 0;
    return b < e;
}

/*
 * The edits of the value run ending line s[a..e) into ed[] (up to cap),
 * their count returned; 0 when the run holds fewer than MIN_FIGURES plain
 * figures. A word whose figure a quotation mark precedes is a figure,
 * the mark stray; what comes before the mark in the word is the label
 * the figure was glued to, and ends the run. A word is read back from
 * its end only as far as figures' bytes go: most lines end in a word
 * that is none, told by its last byte.
 */
static size_t
line_edits(const char *s, size_t a, size_t e, edit_t *ed, size_t cap)
{
    size_t figures = 0, n = 0;
    while (e > a) {
        while (e > a && (is_blank(s[e - 1]) || s[e - 1] == '\r'))
            e--;
        size_t b = e;
        while (b > a && is_figure_byte(s[b - 1]))
            b--;
        if (b == e)
            break;
        if (b == a || is_blank(s[b - 1])) {
            word_t k = word_kind(s + b, e - b);
            if (k == W_NONE)
                break;
            if (k == W_FIGURE)
                figures++;
            else if (n < cap)
                ed[n++] = (edit_t){b, 0};
            e = b;
            continue;
        }
        /* the word goes on before its figure: a quotation mark there? */
        size_t qn = quote_end(s + a, b - a);
        if (qn == 0 || !all_digits(s, b, e))
            break;
        figures++;
        if (n < cap)
            ed[n++] = (edit_t){b - qn, qn};
        e = b - qn;
        if (e > a && !is_blank(s[e - 1]))
            break;
    }
    return figures >= MIN_FIGURES ? n : 0;
}

/* The bytes a line needs one of to hold an edit: the look-alike letters,
 * the ASCII quotation marks, the lead byte of “ ” ‘ ’. */
static const char cues[] = {'o', 'O', 'l', 'I', '"', '\'', (char)0xE2};
#define NCUES (sizeof(cues) / sizeof(cues[0]))

/* The offset of the first c in s[from..len), or len. */
static size_t
find_cue(const char *s, size_t from, size_t len, char c)
{
    const char *p = from < len ? memchr(s + from, c, len - from) : NULL;
    return p ? (size_t)(p - s) : len;
}

/* 1 when the cue at s[i] (len bytes in all) may be part of an edit: a
 * letter beside a figure's byte, a blank or a line's end; a quotation mark
 * before a digit. Lines without one are never read. */
static int
cue_may(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == 0xE2)
        return len - i > 3 && (unsigned char)s[i + 1] == 0x80 &&
               (unsigned char)s[i + 2] >= 0x98 &&
               (unsigned char)s[i + 2] <= 0x9D && is_digit(s[i + 3]);
    if (c == '"' || c == '\'')
        return i + 1 < len && is_digit(s[i + 1]);
    int before = i == 0 || is_blank(s[i - 1]) || s[i - 1] == '\n' ||
                 is_figure_byte(s[i - 1]);
    int after = i + 1 == len || is_blank(s[i + 1]) || s[i + 1] == '\n' ||
                s[i + 1] == '\r' || is_figure_byte(s[i + 1]);
    return before || after;
}

int
ogi__form_ocr_figures(ogi_arena_t *arena, ogi__view_t *v)
{
    enum { PER_LINE = 16 };
    const char *s = v->s;
    size_t len = v->len, next[NCUES], done = 0;
    char *out = NULL;
    /* the lines that hold a cue, in order, each read once: most text
     * holds few (a Chinese report's ASCII letters are its e-mail and web
     * addresses), and most of it is never read byte by byte */
    for (size_t k = 0; k < NCUES; k++)
        next[k] = find_cue(s, 0, len, cues[k]);
    for (;;) {
        size_t i = len;
        for (size_t k = 0; k < NCUES; k++)
            i = next[k] < i ? next[k] : i;
        if (i >= len)
            break;
        if (i >= done && cue_may(s, len, i)) {
            const char *nl = memchr(s + i, '\n', len - i);
            size_t e = nl ? (size_t)(nl - s) : len, a = i;
            while (a > done && s[a - 1] != '\n')
                a--;
            edit_t ed[PER_LINE];
            size_t n = line_edits(s, a, e, ed, PER_LINE);
            for (size_t k = 0; k < n; k++) {
                if (!out) {
                    out = ogi_arena_alloc(arena, len + 1);
                    if (!out)
                        return OGI_ENOMEM;
                    memcpy(out, s, len);
                    out[len] = '\0';
                }
                if (ed[k].quote) {
                    memset(out + ed[k].at, ' ', ed[k].quote);
                    continue;
                }
                size_t w = ed[k].at;
                while (w < e && !is_blank(s[w]) && s[w] != '\r')
                    w++;
                word_fix(out + ed[k].at, w - ed[k].at);
            }
            done = e + 1;
        }
        size_t from = i + 1 > done ? i + 1 : done;
        for (size_t k = 0; k < NCUES; k++)
            if (next[k] < from)
                next[k] = find_cue(s, from, len, cues[k]);
    }
    if (out)
        v->s = out;
    return 0;
}
