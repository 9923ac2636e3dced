/*
 * read_underscore_cells.c - the cells of one line of html2text's tables
 * of underscores and bars, cut into fragments (read_underscore_int.h):
 * a label's own text, the overflow of a label from a cell to its left, a
 * value, a blank, a value whose digits a bar or a value overwrote. How
 * html2text lays the cells out is told in read_underscore.c.
 */
#include "ogi_int.h"

#include <string.h>

#include "read_underscore_int.h"
#include "reader_int.h"

static int
is_pad(char c)
{
    return c == '_' || c == ' ';
}

/* Length of a leading number of s[0..n): [-+]digits[.digits]. */
static size_t
number_prefix(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        i++;
    size_t d = i;
    while (i < n && ogi_text_is_digit((unsigned char)s[i]))
        i++;
    if (i == d)
        return 0;
    if (i + 1 < n && s[i] == '.' &&
        ogi_text_is_digit((unsigned char)s[i + 1])) {
        i++;
        while (i < n && ogi_text_is_digit((unsigned char)s[i]))
            i++;
    }
    return i;
}

/* Length of the placeholder dashes s[0..n) starts with ("—" folded to
 * '-'), or slashes when slash is set, when no digit follows: 0 for
 * none. */
static size_t
dash_prefix(const char *s, size_t n, int slash)
{
    size_t i = 0;
    while (i < n && i < 4 && (s[i] == '-' || (slash && s[i] == '/')))
        i++;
    return i < n && ogi_text_is_digit((unsigned char)s[i]) ? 0 : i;
}

/* Whether s[0..n) starts with a label's numbering: 一、 （一） (一) 1. 1、
 * — a new label, never the overflow of another. */
static int
starts_numbering(const char *s, size_t n)
{
    if (n >= 3 && memcmp(s, "（", 3) == 0)
        return 1;
    if (n >= 1 && s[0] == '(')
        return 1;
    size_t d = 0;
    while (d < n && ogi_text_is_digit((unsigned char)s[d]))
        d++;
    if (d > 0 && d <= 2 && d < n)
        return (s[d] == '.' &&
                !(d + 1 < n && ogi_text_is_digit((unsigned char)s[d + 1]))) ||
               (n - d >= 3 && memcmp(s + d, "、", 3) == 0);
    return n >= 6 && ogi_text_cn_digit(s, s + n) && memcmp(s + 3, "、", 3) == 0;
}

/*
 * A cell [a, b) that starts with no-break spaces: each is one character
 * but two bytes, so the cell's text is wider in bytes than its column is
 * in characters, and when it runs up to the bar the bar and the next cell
 * were written over its last bytes. "| |" (a value's digits all gone) and
 * " 4|" (" 47" with its 7 gone, or " 4" whole: the same bytes) hold a
 * value nobody can read back: 1, and it must come out missing. A no-break
 * space followed by padding is an empty cell ("&nbsp;"): 0.
 */
static int
nbsp_cut(const ogi_text_t *t, size_t a, size_t b)
{
    const char *s = t->s;
    size_t p = a;
    if (p >= b || !ogi__table_is_nbsp(t, p))
        return 0;
    while (p < b && ogi__table_is_nbsp(t, p))
        p++;
    if (p == b)
        return 1;
    size_t k = number_prefix(s + p, b - p);
    /* a slash cut hides nothing but more of a placeholder */
    if (k == 0 && s[p] != '-')
        return 0;
    if (k == 0)
        k = 1;
    /* a count never has a digit after a leading zero: a lone 0 run up
     * to the bar lost nothing ("\xc2\xa00|" is " 0" whole) */
    if (k == 1 && s[p] == '0')
        return 0;
    /* the value, then straight the bar; a character cut at the bar is
     * overflow that showed after the value's end: the value is whole */
    return p + k == b && !ogi_text_broken_at(t, b);
}

/* Whether s[0..n) may start a cell's value: a digit, a sign, a dash or a
 * slash ("—" folded to '-'), or the placeholders 无 and 不适用. */
static int
value_start(const char *s, size_t n)
{
    return n > 0 &&
           (ogi_text_is_digit((unsigned char)s[0]) || s[0] == '-' ||
            s[0] == '+' || s[0] == '/' || s[0] == '.' ||
            (n >= 3 && (memcmp(s, "无", 3) == 0 || memcmp(s, "不", 3) == 0)));
}

/* Whether s[0..n) is a placeholder (无, 不适用): after the values of a
 * row, a cell's own, never a label's overflow. */
static int
is_placeholder(const char *s, size_t n)
{
    ogi_num_t num;
    return (unsigned char)s[0] >= 0x80 &&
           ogi_number_parse(s, n, &num) == OGI_NUM_PLACEHOLDER;
}

/* 增 or 减 alone in a cell: the sign of a value the bar overwrote. */
static int
is_sign_only(const char *s, size_t n)
{
    return n == 3 && (memcmp(s, "增", 3) == 0 || memcmp(s, "减", 3) == 0);
}

/* The other of 增/减 than sign (3 bytes) right after the bar at b: the
 * overflow of a value's cell is its digits, never the other sign. */
static int
other_sign_after(const ogi_text_t *t, const char *sign, size_t b)
{
    const char *other = memcmp(sign, "增", 3) == 0 ? "减" : "增";
    return b + 4 <= t->len && t->s[b] == '|' &&
           memcmp(t->s + b + 1, other, 3) == 0;
}

/*
 * A cell [a, b) holding a sign 增/减 (one character, three bytes) and a
 * value whose digits run up to the bar: the bar was written over the
 * bytes the sign took beyond its column, "减_2|" of "减 23". Whole or
 * cut, the same bytes show: a value nobody can read back, missing. A
 * character cut at the bar ("增_14\xe5|") is the label's overflow after
 * the value's end: the value is whole.
 */
static int
sign_cut(const ogi_text_t *t, size_t a, size_t b)
{
    const char *s = t->s;
    size_t p = a;
    while (p < b && ogi__table_is_nbsp(t, p))
        p++;
    if (!is_sign_only(s + p, b - p >= 3 ? 3 : b - p))
        return 0;
    p += 3;
    if (p < b && is_pad(s[p]))
        p++;
    size_t d = p;
    while (p < b && ogi_text_is_digit((unsigned char)s[p]))
        p++;
    return p > d && p == b && !ogi_text_broken_at(t, b);
}

/* Whether segment [p, q) of a cell ending at b is 不适用 cut by the bar
 * or the next cell: "不" or "不适" and then a cut character or the bar.
 * No label of the format starts with 不 in its own cell. */
static int
is_cut_na(const ogi_text_t *t, size_t p, size_t q, size_t b)
{
    const char *s = t->s;
    size_t n = q - p;
    if (!(n == 3 || n == 6) || memcmp(s + p, "不适用", n) != 0)
        return 0;
    return q == b || ogi_text_broken_at(t, q);
}

/* Whether fs holds, on line `line`, a value or blank in a column left of
 * col: col is past the labels. */
static int
after_values(const frags_t *fs, size_t line, int col)
{
    for (size_t i = fs->n; i-- > 0 && fs->f[i].line == line;)
        if (fs->f[i].col < col && fs->f[i].kind != F_OWN &&
            fs->f[i].kind != F_CONT)
            return 1;
    return 0;
}

/* The first byte of the cut character dropped at normalised offset b
 * (b > 0, the character before it whole). */
static unsigned char
cut_lead(const ogi_text_t *t, size_t b)
{
    uint32_t r = ogi_text_raw_offset(t, b - 1);
    r += (uint32_t)ogi_utf8_len(t->raw + r, t->raw + t->raw_len);
    return r < t->raw_len ? (unsigned char)t->raw[r] : 0;
}

/*
 * Whether the bytes of the character cut at normalised offset b (b > 0)
 * are the first bytes of a placeholder's first character (无, 不 of 不适用,
 * —): a placeholder cut by the bar leaves those; a label's overflow
 * shown through a blank cell leaves any other ("| \xe6\x94|" of 政).
 */
static int
cut_placeholder_n(const ogi_text_t *t, size_t b, size_t min)
{
    static const char *const first[] = {"无", "不", "—"};
    uint32_t r = ogi_text_raw_offset(t, b - 1);
    r += (uint32_t)ogi_utf8_len(t->raw + r, t->raw + t->raw_len);
    size_t n = 0;
    while (r + n < t->raw_len && n < 3 && (unsigned char)t->raw[r + n] >= 0x80)
        n++;
    for (size_t k = 0; k < OGI_ARRAY_LEN(first); k++)
        if (n >= min && n > 0 && memcmp(t->raw + r, first[k], n) == 0)
            return 1;
    return 0;
}

static int
cut_placeholder(const ogi_text_t *t, size_t b)
{
    return cut_placeholder_n(t, b, 1);
}

/* Whether the labels of line `line` may have overflowed the character
 * cut at normalised offset b (b > 0) into the cell: its first bytes are
 * those of a character of the rest of such a label. 0 when the skeleton
 * says no label's rest holds one (the bytes are the cell's own). */
static int
rest_holds_cut(const ogi_text_t *t, const frags_t *fs, size_t line, size_t b)
{
    uint32_t r = ogi_text_raw_offset(t, b - 1);
    r += (uint32_t)ogi_utf8_len(t->raw + r, t->raw + t->raw_len);
    size_t n = 0;
    while (r + n < t->raw_len && n < 3 && (unsigned char)t->raw[r + n] >= 0x80)
        n++;
    return n ? ogi__uscore_rest_may_hold(t, fs, line, r, t->raw + r, n) : -1;
}

/* Whether the labels of line `line` may have overflowed the character at
 * normalised offset p into the cell (rest_holds_cut, a whole one). */
static int
rest_holds_char(const ogi_text_t *t, const frags_t *fs, size_t line, size_t p)
{
    uint32_t r = ogi_text_raw_offset(t, p);
    size_t n = ogi_utf8_len(t->raw + r, t->raw + t->raw_len);
    return n ? ogi__uscore_rest_may_hold(t, fs, line, r, t->raw + r, n) : -1;
}

/*
 * The length of the placeholder segment [p, q) of cell col starts with,
 * when no label of its line has that character left to overflow: 无
 * (right of values: a label may start with 无, 无法提供, never after
 * values), dashes or slashes, alone or with the overflow after them
 * ("|无机|" of 行政机关, "|/出|", "|/ 止|" with the cell's no-break
 * space). 0 when not.
 */
static size_t
own_mark(const ogi_text_t *t, const frags_t *fs, size_t line, int col,
         size_t p, size_t q)
{
    const char *s = t->s;
    size_t k;
    if (col <= 0)
        return 0;
    if (q - p >= 3 && memcmp(s + p, "无", 3) == 0)
        k = after_values(fs, line, col) ? 3 : 0;
    else
        k = dash_prefix(s + p, q - p, 1);
    if (k == 0)
        return 0;
    size_t m = p + k;
    while (m < q && s[m] == ' ')
        m++;
    if (m < q && (ogi_text_is_digit((unsigned char)s[m]) ||
                  (unsigned char)s[m] < 0x80))
        return 0;
    return rest_holds_char(t, fs, line, p) == 0 ? k : 0;
}

/* Whether a broken sequence dropped at normalised offset q (q > 0) starts
 * with a continuation byte: the middle of a character whose first bytes
 * something was written over. */
static int
cont_after(const ogi_text_t *t, size_t q)
{
    if (!ogi_text_broken_at(t, q))
        return 0;
    uint32_t r = ogi_text_raw_offset(t, q - 1);
    unsigned char c = (unsigned char)t->raw[r];
    r += c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    return r < t->raw_len && ((unsigned char)t->raw[r] & 0xc0) == 0x80;
}

/* Whether fs holds, on line `line`, a number in a column left of col. */
static int
number_before(const frags_t *fs, size_t line, int col)
{
    for (size_t i = fs->n; i-- > 0 && fs->f[i].line == line;)
        if (fs->f[i].col < col && fs->f[i].kind == F_VALUE &&
            fs->f[i].spaced != 2)
            return 1;
    return 0;
}

/* Whether the character at normalised offset i, right after a number's
 * digits in a cell, starts a label's overflow: an ideograph, or
 * full-width punctuation that normalisation folded to ASCII ("，" "）"
 * "：" "；" "”"). A letter or % may be a unit. */
static int
overflow_after(const ogi_text_t *t, size_t i)
{
    unsigned char c = (unsigned char)t->s[i];
    return c >= 0x80 || c == ',' || c == ')' || c == '(' || c == ':' ||
           c == ';' ||
           (c != ' ' && c != '%' &&
            (unsigned char)t->raw[ogi_text_raw_offset(t, i)] >= 0x80);
}

static void
push(frags_t *fs, size_t off, size_t n, int col, frag_kind_t kind, size_t line)
{
    if (fs->n >= MAX_FRAGS || n == 0)
        return; /* bounded: the rest of a monstrous row is dropped */
    frag_t *f = &fs->f[fs->n++];
    f->off = (uint32_t)off;
    f->n = (uint32_t)n;
    f->col = (int16_t)(col < INT16_MAX ? col : INT16_MAX);
    f->kind = (uint8_t)kind;
    f->line = (uint8_t)line;
    f->spaced = 0;
}

/* Whether [a, b) of t, padding trimmed, is one value whose spaces were
 * drawn as underscores on a row's last line ("增_7", "减_22"); sets *c0,
 * *c1 to it. A cut character inside means overflow, not a value. */
static int
spaced_value(const ogi_text_t *t, size_t a, size_t b, size_t *c0, size_t *c1)
{
    const char *s = t->s;
    while (a < b && is_pad(s[a]))
        a++;
    while (b > a && is_pad(s[b - 1]))
        b--;
    char buf[32];
    if (b - a < 2 || b - a >= sizeof(buf) || !memchr(s + a, '_', b - a))
        return 0;
    for (size_t i = a; i < b; i++) {
        if (i > a && ogi_text_broken_at(t, i))
            return 0;
        buf[i - a] = s[i] == '_' ? ' ' : s[i];
    }
    ogi_num_t num;
    if (ogi_number_parse(buf, b - a, &num) != OGI_NUM_VALUE)
        return 0;
    *c0 = a;
    *c1 = b;
    return 1;
}

/*
 * Reads cell [a, b) of a line (b at its closing bar, or the line's end for
 * the tail). after_cut: the cell to the left ran up to the bar without
 * padding, so its text may have overflowed into this one; left_broken: a
 * character was cut at that bar. tail: the bytes after the last bar, only
 * overflow.
 */
static void
read_cell(const ogi_text_t *t, frags_t *fs, size_t a, size_t b, int col,
          size_t line, int after_cut, int left_broken, int tail)
{
    const char *s = t->s;
    size_t p = a, c0, c1;
    int padded = 0, first = 1, any = 0;
    /* "|\xe6\x97|": a cell of one cut character only, after a value of
     * its line: its own text, cut by the bar (a cell writes its text
     * over the overflow from the left, then the bar comes). Of the
     * values only a placeholder (无, 不适用, —) starts with a character of
     * three bytes, and which one it was says the same ("\xc2" is a
     * no-break space cut, a value's digits gone with it) */
    /* after padding too ("&nbsp;无", "_—" centred). Overflow from the
     * left that ran on under the values shows the same: then the cell
     * held padding only, and reads na for blank, never a number. In the
     * first value column, after a label padded to its bar (nothing ran
     * over), a cut \xe2 is the cell's own dash (—). So is any cut
     * ideograph after the cell's own no-break space ("| \xe4\xb8|" of
     * "&nbsp;不适用"): the left cell was padded to its bar, so the cell
     * was written from its start, and a value's digits are one byte each:
     * never cut, never a cut character's first bytes. Where html2text
     * read the page as ISO-8859-1 (t->canvas), a column is as wide in
     * the bytes it wrote as its widest cell has bytes of the page, and
     * writes two for each: 无 in its own column of three leaves its first
     * byte only, and after a cell padded to its bar that byte is the
     * cell's own */
    size_t sp = a;
    while (sp < b && is_pad(s[sp]))
        sp++;
    if (!tail && sp == b && col > 0 && ogi_text_broken_at(t, b) &&
        cut_lead(t, b) >= 0xe0 && cut_placeholder(t, b) &&
        (number_before(fs, line, col) ||
         (!after_cut &&
          (cut_lead(t, b) == 0xe2 || ogi__table_is_nbsp(t, a) || t->canvas)) ||
         ((!after_cut || s[a] == '_') && cut_placeholder_n(t, b, 2)) ||
         /* no label of the line has such a character left to overflow */
         rest_holds_cut(t, fs, line, b) == 0)) {
        /* where the left cell ran on to its bar, or values came first,
         * a label's overflow may show here too: when the rest of the
         * line's label holds a character starting with these bytes, the
         * cell was its placeholder or blank, and the bytes cannot say
         * which (3: "~", read by place_lost.c) */
        int both = (after_cut || number_before(fs, line, col)) &&
                   rest_holds_cut(t, fs, line, b) == 1;
        size_t n0 = fs->n;
        push(fs, a, 1, col, F_VALUE, line);
        if (fs->n > n0) {
            fs->f[fs->n - 1].n = 0; /* nothing of it is left */
            fs->f[fs->n - 1].spaced = both ? 3 : 2;
        }
        return;
    }
    /* the column's width never tells a whole " 5|" from a cut " 57":
     * both are as wide as the widest cell may be */
    if (!tail && col > 0 && nbsp_cut(t, a, b)) {
        push(fs, a, b - a, col, F_CUT, line);
        return;
    }
    if (!tail && col > 0 && sign_cut(t, a, b)) {
        push(fs, a, b - a, col, F_CUT, line);
        return;
    }
    if (!tail && !ogi_text_broken_at(t, a) && spaced_value(t, a, b, &c0, &c1)) {
        push(fs, c0, c1 - c0, col, F_VALUE, line);
        if (fs->n)
            fs->f[fs->n - 1].spaced = 1;
        return;
    }
    /* at the cell's start: overflow when bytes of a cut character come
     * first, or when the cut fell on a character boundary */
    int cont = tail || ogi_text_broken_at(t, a);
    /* the cell's own no-break space first ("&nbsp;"), right of a value
     * of its line: text after it that starts no value (a digit, a dash,
     * a slash, 无, 不) or comes after cut bytes is overflow from the left
     * it was written over ("\xc2\xa0其\xe4|" of 其他情形, "\xc2\xa0\x8c不|"
     * of 不计), never the cell's own: a blank. (A label may start with
     * no-break spaces: "|三、本|\xc2\xa0\xc2\xa0（二）部分公开".) */
    int nbsp_lead = !tail && col > 0 && ogi__table_is_nbsp(t, a) &&
                    !ogi_text_broken_at(t, a);
    while (p < b) {
        if (is_pad(s[p])) {
            size_t q = p;
            while (q < b && is_pad(s[q]))
                q++;
            /* a single space inside text is text ("1. 属于") */
            if (q - p == 1 && s[p] == ' ' && q < b && !first &&
                !ogi_text_broken_at(t, q)) {
                p = q;
                continue;
            }
            padded = 1;
            cont = 0; /* padding is written by the cell itself */
            p = q;
            continue;
        }
        /* a segment: up to padding or a cut character */
        size_t q = p + 1;
        while (
            q < b && !ogi_text_broken_at(t, q) &&
            !(is_pad(s[q]) && (s[q] == '_' || q + 1 >= b || is_pad(s[q + 1]))))
            q++;
        if (first && !cont && !padded && after_cut && left_broken &&
            !ogi_text_is_digit((unsigned char)s[p]) && s[p] != '-' &&
            s[p] != '+' && !starts_numbering(s + p, q - p) &&
            !(col > 0 &&
              (is_cut_na(t, p, q, b) ||
               (after_values(fs, line, col) &&
                (is_placeholder(s + p, q - p) ||
                 /* "|0\xc2|/ |": slashes alone, right of a
                  * value, are the cell's placeholder; a
                  * label's overflow is text ("增/减" is a
                  * heading's, no value before it) */
                 dash_prefix(s + p, q - p, 1) == q - p)) ||
               /* "|/\xaf\xb7\xe6|": slashes the bytes of a
                * character's middle follow, which overflow never
                * starts a character with: written over it */
               (dash_prefix(s + p, q - p, 1) == q - p &&
                cont_after(t, q)) ||
               /* "|6\xb8\xe5|/政|": slashes written over the
                * overflow, right of a number */
               (number_before(fs, line, col) &&
                dash_prefix(s + p, q - p, 1) > 0 &&
                overflow_after(t, p + dash_prefix(s + p, q - p, 1))) ||
               /* a placeholder's first character that no label of the
                * line has left to overflow ("重新\xe5\x87|/__|") */
               (is_placeholder(s + p, q - p) &&
                rest_holds_char(t, fs, line, p) == 0) ||
               own_mark(t, fs, line, col, p, q) > 0)))
            cont = 1; /* the cut fell on a boundary: overflow shows */
        if (cont) {
            push(fs, p, q - p, col, F_CONT, line);
        } else if (first && nbsp_lead && padded &&
                   (ogi_text_broken_at(t, p) || !value_start(s + p, q - p)) &&
                   after_values(fs, line, col)) {
            push(fs, a, 1, col, F_BLANK, line);
            push(fs, p, q - p, col, F_CONT, line);
        } else if (first) {
            ogi_num_t num;
            size_t k = number_prefix(s + p, q - p), k2 = k, kd;
            /* a value's own space ("0&nbsp;"), then the overflow */
            while (k > 0 && k2 < q - p && s[p + k2] == ' ')
                k2++;
            if (k > 0 && k2 < q - p && overflow_after(t, p + k2) &&
                (after_cut || left_broken || col > 0) &&
                (!starts_numbering(s + p, q - p) || s[p] == '0' ||
                 after_values(fs, line, col)) &&
                ogi_number_parse(s + p, q - p, &num) == OGI_NUM_NONE) {
                /* a value written over the overflow: "4处理的", "0，"
                 * (the comma folded to ASCII), and "1件" is 1 and the
                 * end of 文件, not a count of 件 */
                push(fs, p, k, col, F_VALUE, line);
                push(fs, p + k2, q - p - k2, col, F_CONT, line);
            } else if (ogi_number_parse(s + p, q - p, &num) != OGI_NUM_NONE) {
                push(fs, p, q - p, col, F_VALUE, line);
            } else if ((kd = own_mark(t, fs, line, col, p, q)) > 0) {
                /* a placeholder written over the overflow, which no
                 * label of the line has left ("|无机|" of 行政机关) */
                size_t m = p + kd;
                push(fs, p, kd, col, F_VALUE, line);
                while (m < q && s[m] == ' ')
                    m++;
                if (m < q)
                    push(fs, m, q - m, col, F_CONT, line);
            } else if (col > 0 &&
                       (kd = dash_prefix(s + p, q - p,
                                         number_before(fs, line, col))) > 0 &&
                       kd < q - p && overflow_after(t, p + kd)) {
                /* a placeholder written over the overflow: "-量" is a
                 * dash and the end of 数量, never a label; "/" only right
                 * of a number of its line (headings write "增/减") */
                push(fs, p, kd, col, F_VALUE, line);
                push(fs, p + kd, q - p - kd, col, F_CONT, line);
            } else if ((col > 0 || q - p == 6) && is_cut_na(t, p, q, b)) {
                /* a placeholder wider than its column: its first
                 * characters tell which (no label starts with 不, nor
                 * does overflow from a cut label at a cell's start, where
                 * the cell's own text or &nbsp; is written); in the first
                 * column (Table 4's values) only as "不适": 不 alone may
                 * begin a label without its numbering (不予公开) */
                push(fs, p, q - p, col, F_VALUE, line);
                if (fs->n)
                    fs->f[fs->n - 1].spaced = 2;
            } else if (is_sign_only(s + p, q - p) &&
                       !(q + 1 < b && is_pad(s[q]) && is_pad(s[q + 1])) &&
                       !(q == b && other_sign_after(t, s + p, b))) {
                /* 增/减 and its digits overwritten by the bar: a value
                 * is here, but what it was is lost (two pads after it
                 * left room for a digit: a heading's "增/减" wrapped;
                 * the other sign right after the bar: the heading's
                 * "增/减" with its "/" under the bar, "|增|减") */
                push(fs, p, q - p, col, F_LOST, line);
            } else if (padded && col > 0 && number_before(fs, line, col)) {
                /* text after the cell's own padding, right of a value of
                 * its line: a label's overflow that ran on under the
                 * values, shown where the padding left it ("____ 开_");
                 * the cell itself is blank */
                push(fs, a, 1, col, F_BLANK, line);
                push(fs, p, q - p, col, F_CONT, line);
            } else {
                push(fs, p, q - p, col, F_OWN, line);
            }
        } else {
            /* after a value or a cut: the overflow goes on */
            push(fs, p, q - p, col, F_CONT, line);
        }
        any = 1;
        first = 0;
        cont = 1;
        p = q;
    }
    if (!any && !tail)
        push(fs, a, 1, col, F_BLANK, line);
}

/*
 * Whether [a, e) of a line, the cells after its first, holds values only:
 * digits, placeholders and the pieces of 不适用, padding and bars, and
 * one digit at least. The appeals table's row is such a line, and has no
 * label: its first cell is a value.
 */
static int
values_after(const ogi_text_t *t, size_t a, size_t e)
{
    static const char *const pieces[] = {"不", "适", "用", "无"};
    const char *s = t->s;
    size_t digits = 0;
    while (a < e) {
        unsigned char c = (unsigned char)s[a];
        if (ogi_text_is_digit(c)) {
            digits++;
            a++;
        } else if (c == ' ' || c == '_' || c == '|' || c == '.' || c == '-' ||
                   c == '/' || c == '+') {
            a++;
        } else {
            size_t k = 0;
            while (k < OGI_ARRAY_LEN(pieces) &&
                   !ogi_text_has_prefix(s + a, s + e, pieces[k]))
                k++;
            if (k == OGI_ARRAY_LEN(pieces))
                return 0;
            a += strlen(pieces[k]);
        }
    }
    return digits > 0;
}

/*
 * Whether cell [a, b), the first of a line whose other cells hold values
 * only, is a placeholder the bar cut: padding (centring, its own no-break
 * space) then the first bytes of 无, 不 or — ("| \xe2\x80|" of
 * "&nbsp;—"). Nothing is left of the line to overflow into it: the bytes
 * are its own, and no label starts with those characters.
 */
static int
first_cut_placeholder(const ogi_text_t *t, size_t a, size_t b, size_t e)
{
    size_t sp = a;
    while (sp < b && is_pad(t->s[sp]))
        sp++;
    return sp == b && b < e && ogi_text_broken_at(t, b) &&
           cut_lead(t, b) >= 0xe0 && cut_placeholder(t, b) &&
           values_after(t, b + 1, e);
}

/*
 * Whether cell [a, b), the first of a line whose other cells hold values
 * only, is 不适用 cut by the bar: "不" or "不适" run up to it, after
 * padding, and the bytes cut there, if any, the start of the next
 * character ("不\xe9|" of 不适). A label's 不 (不予公开) is never followed
 * by values only, nor by 适.
 */
static int
first_cut_na(const ogi_text_t *t, size_t a, size_t b, size_t e)
{
    size_t p = a;
    while (p < b && is_pad(t->s[p]))
        p++;
    size_t n = b - p;
    if (!(n == 3 || n == 6) || memcmp(t->s + p, "不适用", n) != 0)
        return 0;
    if (n == 3 && ogi_text_broken_at(t, b) && cut_lead(t, b) != 0xe9)
        return 0;
    return b < e && values_after(t, b + 1, e);
}

/* Splits line l of a row into cells and reads each. */
void
ogi__uscore_read_line(const ogi_text_t *t, frags_t *fs, size_t l, size_t line)
{
    const char *s = t->s;
    size_t e = t->lines[l].end;
    size_t a = ogi__uscore_bar_start(t, l) + 1; /* past the first bar */
    int col = 0, after_cut = 0, left_broken = 0;
    for (;;) {
        const char *bar = memchr(s + a, '|', e - a);
        size_t b = bar ? (size_t)(bar - s) : e;
        if (col == 0 && bar &&
            (first_cut_placeholder(t, a, b, e) || first_cut_na(t, a, b, e))) {
            size_t n0 = fs->n;
            push(fs, a, 1, col, F_VALUE, line);
            if (fs->n > n0) {
                fs->f[fs->n - 1].n = 0; /* nothing of it is left */
                fs->f[fs->n - 1].spaced = 2;
            }
        } else {
            read_cell(t, fs, a, b, bar ? col : -1, line, after_cut,
                      left_broken, !bar);
        }
        if (!bar)
            break;
        after_cut = b > a && !is_pad(s[b - 1]);
        left_broken = ogi_text_broken_at(t, b);
        a = b + 1;
        col++;
    }
}
