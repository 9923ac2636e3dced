/* table_words.c - a line's words into a table's cells: tabs, runs of
 * spaces, numbers and labels, and what OCR leaves in a line of values. */
#include "ogi_int.h"

#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ogi/error.h"
#include "swar_int.h"
#include "table_int.h"

/* ogi__table_add, inline here: most of a line's cells are added by the
 * words' loop below, the cell's kind as it is given. */
static inline ogi__cell_t *
add_cell_as_is(ogi__table_t *tb, ogi__cell_kind_t kind, const char *s,
               size_t n, size_t off, size_t len)
{
    return ogi__table_add_parsed(tb, kind, s, n, off, len, NULL);
}

static int
is_blank_char(char c)
{
    return c == ' ' || c == '\t';
}

/* The bytes that part the words of a line: blanks, and in a line of
 * values rules too; a lookup a byte. */
static const unsigned char blanks[256] = {[' '] = 1, ['\t'] = 1};
static const unsigned char parts[256] = {[' '] = 1, ['\t'] = 1, ['|'] = 1};

/* ogi_number_digits, with *num what ogi_number_parse makes of such a
 * count (num unset for anything else). */
static inline int
digits_value(const char *s, size_t n, ogi_num_t *num)
{
    int64_t v;
    if (!ogi_number_digits(s, n, &v))
        return 0;
    memset(num, 0, sizeof(*num));
    num->kind = OGI_NUM_VALUE;
    num->value = v;
    return 1;
}

/* ogi__table_add_cell, with known the number parsed from the whole of
 * s[0..n) (or NULL): taken as it is when no space is trimmed. */
static ogi__cell_t *
add_cell_known(ogi__table_t *tb, const char *s, size_t n, size_t off,
               const ogi_num_t *known)
{
    size_t a = 0, b = n;
    /* white space is all at or below 0x20: one test for most bytes */
    while (a < b && (unsigned char)s[a] <= 0x20 &&
           ogi_text_is_space((unsigned char)s[a]))
        a++;
    while (b > a && (unsigned char)s[b - 1] <= 0x20 &&
           ogi_text_is_space((unsigned char)s[b - 1]))
        b--;
    if (a == b)
        return add_cell_as_is(tb, OGI__CELL_BLANK, s + a, 0, off + a, 0);
    ogi_num_t num;
    if (known && a == 0 && b == n)
        num = *known;
    else if (!digits_value(s + a, b - a, &num))
        ogi_number_parse(s + a, b - a, &num);
    if (num.kind != OGI_NUM_NONE)
        return ogi__table_add_parsed(tb, OGI__CELL_VALUE, s + a, b - a, off + a,
                                     b - a, &num);
    return add_cell_as_is(tb, OGI__CELL_LABEL, s + a, b - a, off + a, b - a);
}

ogi__cell_t *
ogi__table_add_cell(ogi__table_t *tb, const char *s, size_t n, size_t off)
{
    return add_cell_known(tb, s, n, off, NULL);
}

/* 1 when s[0..n) is 增 or 减 alone: the sign of the value after it. */
static int
is_sign_word(const char *s, size_t n)
{
    return n == 3 && (memcmp(s, "增", 3) == 0 || memcmp(s, "减", 3) == 0);
}

/* 1 when s[0..n) starts with a row's numbering: "(一)", "一、", "1.",
 * "1、" (the text is normalised: full-width parentheses are ASCII). */
static int
is_numbering(const char *s, size_t n)
{
    static const char cjk[] = "一二三四五六七八九十";
    size_t i = 0, k = 0;
    int paren = n > 0 && s[0] == '(';
    i += (size_t)paren;
    while (i < n && ogi_text_is_digit((unsigned char)s[i]) && k < 2) {
        i++;
        k++;
    }
    if (k == 0) {
        /* the numerals' lead bytes are E4 and E5: others end it at once */
        while (n - i >= 3 && k < 3 &&
               ((unsigned char)s[i] == 0xE4 || (unsigned char)s[i] == 0xE5)) {
            const char *d = cjk;
            while (*d && memcmp(d, s + i, 3) != 0)
                d += 3;
            if (!*d)
                break;
            i += 3;
            k++;
        }
        if (k == 0)
            return 0;
        if (paren)
            return i < n && s[i] == ')';
        return n - i >= 3 && memcmp(s + i, "、", 3) == 0;
    }
    if (paren)
        return i < n && s[i] == ')';
    return (i < n && s[i] == '.' && !(i + 1 < n && ogi_text_is_digit(s[i + 1]))) ||
           (n - i >= 3 && memcmp(s + i, "、", 3) == 0);
}

int
ogi__table_starts_numbered(const char *s, size_t n)
{
    return is_numbering(s, n);
}

/* ---- what OCR leaves in a line of values ----
 *
 * An OCR engine reads a table's rules as glyphs ("|" for a column's
 * line, " ' _ for specks) set beside or between the values, a 0 as o or
 * O, a 1 as l, and a row's number apart from its label ("4 .保护"). In a
 * line that holds values (two words that are numbers as they stand), a
 * word's stray glyphs are dropped and a word of digits and their
 * look-alikes read as the number it shows; elsewhere nothing changes.
 */

/* A glyph OCR makes of a rule or a speck (the text is normalised: curly
 * quotes are ASCII, full-width commas are ','). */
static int
is_stray(char c)
{
    return c == '|' || c == '"' || c == '\'' || c == '_' || c == '`' ||
           c == ',' || c == '[' || c == ']';
}

/* A quote mark c beside byte inner of a word: part of the text where
 * that is a character of a label, not a digit. */
static int
quotes_text(char c, char inner)
{
    return (c == '"' || c == '\'') && (unsigned char)inner >= 0x80;
}

/* s[*a..*b) without its stray glyphs at either end; also an I beside the
 * digits there (a rule read as a capital I), when a digit or an o stands
 * next to it inside. */
static void
trim_stray(const char *s, size_t *a, size_t *b)
{
    for (;;) {
        size_t a0 = *a, b0 = *b;
        while (*a < *b && is_stray(s[*a]))
            (*a)++;
        while (*b > *a && is_stray(s[*b - 1]))
            (*b)--;
        if (*b - *a >= 2 && s[*a] == 'I' &&
            (ogi_text_is_digit((unsigned char)s[*a + 1]) || s[*a + 1] == 'o'))
            (*a)++;
        if (*b - *a >= 2 && s[*b - 1] == 'I' &&
            ogi_text_is_digit((unsigned char)s[*b - 2]))
            (*b)--;
        if (*a == a0 && *b == b0)
            return;
    }
}

/* The digits s[0..n) shows, o and O read as 0 and l and I as 1, into
 * out (n bytes); 0 when a character is none of those, or when no digit,
 * o or O is among them, or when a lone o or O (a full stop read as a
 * letter) is all there is. */
static int
lookalike_digits(const char *s, size_t n, char *out)
{
    int shown = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (ogi_text_is_digit((unsigned char)c))
            out[i] = c;
        else if (c == 'o' || c == 'O')
            out[i] = '0';
        else if (c == 'l' || c == 'I')
            out[i] = '1';
        else
            return 0;
        shown |= out[i] == '0' || (c >= '0' && c <= '9');
    }
    return shown && !(n == 1 && !ogi_text_is_digit((unsigned char)s[0]));
}

/* 1 when the word s[0..n) is a value as OCR wrote it: *v..*vn is the text
 * of the value (into s, or a copy in tb's arena with the look-alikes
 * read, as long as the source it covers), *skip the stray glyphs before
 * it; 0 when it is no value; -1 when out of memory. */
static int
ocr_value(ogi__table_t *tb, const char *s, size_t n, const char **v, size_t *vn,
          size_t *skip)
{
    size_t a = 0, b = n;
    trim_stray(s, &a, &b);
    *skip = a;
    ogi_num_t num;
    if (a == b)
        return 0;
    if (ogi_number_parse(s + a, b - a, &num) != OGI_NUM_NONE) {
        *v = s + a;
        *vn = b - a;
        return 1;
    }
    char buf[32];
    if (b - a > sizeof(buf) || !lookalike_digits(s + a, b - a, buf))
        return 0;
    const char *c = ogi__table_strdup(tb, buf, b - a);
    if (!c)
        return -1;
    *v = c;
    *vn = b - a;
    return 1;
}

/* 1 when two words of s[0..n) or more are numbers as they stand (a rule
 * "|" parts words). */
static int
two_numbers(const char *s, size_t n)
{
    size_t k = 0, i = 0;
    ogi_num_t num;
    while (i < n) {
        /* blanks and words eight bytes at a time where they run on (the
         * text is decoded: its only bytes below 0x21 are blanks) */
        for (;;) {
            i = ogi__skip_spaces(s, i, n);
            if (i >= n || s[i] != '|')
                break;
            i++;
        }
        size_t w = i;
        while (n - i >= 8) {
            uint64_t x = ogi__word_load(s + i);
            uint64_t m = ogi__word_any_below(x, 0x21) |
                         ogi__word_any_below(x ^ (OGI__ONES * '|'), 1);
            if (m) {
                i += ogi__word_first(m);
                break;
            }
            i += 8;
        }
        while (i < n && !parts[(unsigned char)s[i]])
            i++;
        /* a number starts with a digit, a sign or 增/减 (lead byte E5):
         * the words of a label are passed over unparsed */
        unsigned char c0 = i > w ? (unsigned char)s[w] : 0;
        /* of the words led by E5 (many ideographs) only those that start
         * with 增 or 减 may be numbers */
        if ((ogi_text_is_digit(c0) || c0 == '+' || c0 == '-' ||
             (c0 == 0xE5 && i - w >= 3 && is_sign_word(s + w, 3))) &&
            (digits_value(s + w, i - w, &num) ||
             ogi_number_parse(s + w, i - w, &num) == OGI_NUM_VALUE) &&
            ++k >= 2)
            return 1;
    }
    return 0;
}

/* 1 when the word after s[w..i) (one space on) starts with "." or "、"
 * and then no digit: s[w..i) is a row's number set apart from its label
 * ("4 .保护第三方合法权益"), not a value. */
static int
number_apart(const char *s, size_t n, size_t w, size_t i)
{
    if (i - w > 2 || i + 1 >= n || s[i] != ' ')
        return 0;
    for (size_t k = w; k < i; k++)
        if (!ogi_text_is_digit((unsigned char)s[k]))
            return 0;
    const char *p = s + i + 1;
    size_t left = n - i - 1, sl;
    if (*p == '.')
        sl = 1;
    else if (left >= 3 && memcmp(p, "、", 3) == 0)
        sl = 3;
    else
        return 0;
    return left > sl && !ogi_text_is_digit((unsigned char)p[sl]) &&
           !is_blank_char(p[sl]);
}

/* Where in the word s[0..n) a row's number (one or two digits, "." or
 * "、", an ideograph) follows an ideograph: OCR lost the space before it.
 * 0 when none does. */
static size_t
numbered_inside(const char *s, size_t n)
{
    /* most words of a label hold no digit at all: their bytes passed
     * over eight at a time, up to the first eight that hold one */
    size_t k = 3;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) &&                            \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (n > k && n - k >= 8) {
        uint64_t x = ogi__word_load(s + k);
        /* each byte's low seven bits with the high bit set, less a
         * constant below 0x80, borrow nothing: a digit, exactly */
        uint64_t lo = (x & ~OGI__HIGHS) | OGI__HIGHS;
        uint64_t digit = ~x & (lo - OGI__ONES * '0') &
                         ~(lo - OGI__ONES * ('9' + 1)) & OGI__HIGHS;
        if (digit)
            break;
        k += 8;
    }
#endif
    for (; k < n; k++) {
        unsigned char lead = (unsigned char)s[k - 3];
        if (!ogi_text_is_digit((unsigned char)s[k]) || lead < 0xE4 ||
            lead > 0xE9 || ogi_text_is_digit((unsigned char)s[k - 1]))
            continue;
        size_t d = k;
        while (d < n && d - k < 3 && ogi_text_is_digit((unsigned char)s[d]))
            d++;
        if (d - k > 2)
            continue;
        size_t sl = d < n && s[d] == '.'                                 ? 1
                    : n - d >= 3 && memcmp(s + d, "、", 3) == 0 ? 3
                                                                         : 0;
        if (sl && n - d - sl >= 3 && (unsigned char)s[d + sl] >= 0xE4 &&
            (unsigned char)s[d + sl] <= 0xE9)
            return k;
    }
    return 0;
}

static int add_words(ogi__table_t *tb, const char *s, size_t n, size_t off,
                     int ocr);

int
ogi__table_add_words(ogi__table_t *tb, const char *s, size_t n, size_t off)
{
    return add_words(tb, s, n, off, 0);
}

/* ogi__table_add_words; ocr: the words are in a line of values, read as
 * OCR writes them (above). */
static int
add_words(ogi__table_t *tb, const char *s, size_t n, size_t off, int ocr)
{
    ogi_num_t num;
    /* a count in digits, as add_cell_known would add it (nothing to
     * trim, the number as parsed) */
    if (digits_value(s, n, &num))
        return ogi__table_add_parsed(tb, OGI__CELL_VALUE, s, n, off, n, &num)
                   ? 0
                   : OGI_ENOMEM;
    /* a whole-cell value ("减 22" with its space) first */
    if (ogi_number_parse(s, n, &num) != OGI_NUM_NONE)
        return add_cell_known(tb, s, n, off, &num) ? 0 : OGI_ENOMEM;
    size_t text_start = 0, text_end = 0;
    int in_text = 0;
    size_t i = 0;
    const unsigned char *sep = ocr ? parts : blanks;
    while (i < n) {
        /* in a line of values a rule ("|") parts words as a space does */
        while (i < n && sep[(unsigned char)s[i]])
            i++;
        if (i >= n)
            break;
        size_t w = i;
        /* eight bytes at a time while none parts words */
        while (n - i >= 8) {
            uint64_t x = ogi__word_load(s + i);
            uint64_t m = ogi__word_any_below(x, 0x21);
            if (ocr)
                m |= ogi__word_any_below(x ^ (OGI__ONES * '|'), 1);
            if (m) {
                i += ogi__word_first(m);
                break;
            }
            i += 8;
        }
        while (i < n && !sep[(unsigned char)s[i]])
            i++;
        size_t wlen = i - w, vend = 0;
        /* "4 .保护": a row's number, then its label */
        int apart = number_apart(s, n, w, i);
        if (ocr && !apart) {
            const char *v = NULL;
            size_t vn = 0, a = 0;
            int rc = ocr_value(tb, s + w, wlen, &v, &vn, &a);
            if (rc < 0)
                return OGI_ENOMEM;
            if (rc > 0) {
                if (in_text &&
                    !add_cell_as_is(tb, OGI__CELL_LABEL, s + text_start,
                                    text_end - text_start, off + text_start,
                                    text_end - text_start))
                    return OGI_ENOMEM;
                in_text = 0;
                if (!add_cell_as_is(tb, OGI__CELL_VALUE, v, vn, off + w + a,
                                    vn))
                    return OGI_ENOMEM;
                continue;
            }
            /* a rule or a speck: no word; else the word without them,
             * but a label's own quotes kept (3.危及"三安全一稳定") */
            size_t b = wlen;
            a = 0;
            while (a < b && is_stray(s[w + a]) && s[w + a] != ',' &&
                   !quotes_text(s[w + a], a + 1 < b ? s[w + a + 1] : 0))
                a++;
            while (b > a && is_stray(s[w + b - 1]) && s[w + b - 1] != ',' &&
                   !quotes_text(s[w + b - 1], b >= 2 ? s[w + b - 2] : 0))
                b--;
            if (a == b)
                continue;
            w += a;
            wlen = b - a;
            /* a group label run into its first row's ("(五) 不予3.要求"):
             * the row's label starts at its number */
            size_t k = numbered_inside(s + w, wlen);
            if (k) {
                if (!in_text) {
                    in_text = 1;
                    text_start = w;
                }
                if (!add_cell_as_is(tb, OGI__CELL_LABEL, s + text_start,
                                    w + k - text_start, off + text_start,
                                    w + k - text_start))
                    return OGI_ENOMEM;
                text_start = w + k;
                text_end = w + wlen;
                continue;
            }
        }
        if (apart) {
            /* the number and its label's first word are one word */
            while (i < n && s[i] == ' ')
                i++;
            while (i < n && !is_blank_char(s[i]))
                i++;
            if (in_text) {
                if (!add_cell_as_is(tb, OGI__CELL_LABEL, s + text_start,
                                    text_end - text_start, off + text_start,
                                    text_end - text_start))
                    return OGI_ENOMEM;
                in_text = 0;
            }
            in_text = 1;
            text_start = w;
            text_end = i;
            continue;
        }
        /* 减 22: a sign word, then a number word */
        if (is_sign_word(s + w, wlen)) {
            size_t j = i;
            while (j < n && s[j] == ' ')
                j++;
            size_t k = j;
            while (k < n && !is_blank_char(s[k]))
                k++;
            if (k > j && ogi_number_parse(s + w, k - w, &num) == OGI_NUM_VALUE)
                vend = k;
        }
        /* a word that is the whole stretch was read above: no number */
        if (!vend && !(w == 0 && wlen == n) &&
            ogi_number_parse(s + w, wlen, &num) != OGI_NUM_NONE)
            vend = i;
        if (vend) {
            if (in_text && !add_cell_as_is(tb, OGI__CELL_LABEL, s + text_start,
                                           text_end - text_start,
                                           off + text_start,
                                           text_end - text_start))
                return OGI_ENOMEM;
            in_text = 0;
            /* num holds s[w..vend) parsed above: not parsed again */
            if (!ogi__table_add_parsed(tb, OGI__CELL_VALUE, s + w, vend - w,
                                       off + w, vend - w, &num))
                return OGI_ENOMEM;
            i = vend;
            continue;
        }
        /* a row's numbering after a space starts another label: a group
         * label and its first row share a line where columns are
         * separated by one space ("三、本年度办理结果 (一)予以公开") */
        if (in_text && is_numbering(s + w, wlen)) {
            if (!add_cell_as_is(tb, OGI__CELL_LABEL, s + text_start,
                                text_end - text_start, off + text_start,
                                text_end - text_start))
                return OGI_ENOMEM;
            in_text = 0;
        }
        if (!in_text) {
            in_text = 1;
            text_start = w;
        }
        text_end = w + wlen;
    }
    if (in_text && !add_cell_as_is(tb, OGI__CELL_LABEL, s + text_start,
                                   text_end - text_start, off + text_start,
                                   text_end - text_start))
        return OGI_ENOMEM;
    return 0;
}

static int add_line_cells(ogi__table_t *tb, size_t l);

/* Where the first two spaces in a row stand in s[i..n), or n: sixteen
 * places at a time (a -layout line sets its cells apart by such runs,
 * the words of a cell by one space). */
static inline size_t
two_spaces(const char *s, size_t i, size_t n)
{
#if defined(__SSE2__) && defined(__GNUC__)
    const __m128i sp = _mm_set1_epi8(' ');
    for (; n - i >= 17; i += 16) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
        unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpeq_epi8(a, sp), _mm_cmpeq_epi8(b, sp)));
        if (m)
            return i + (unsigned)__builtin_ctz(m);
    }
#endif
    for (; i + 1 < n; i++)
        if (s[i] == ' ' && s[i + 1] == ' ')
            return i;
    return n;
}

int
ogi__table_add_line(ogi__table_t *tb, size_t l)
{
    size_t c0 = tb->ncells;
    int rc = add_line_cells(tb, l);
    for (size_t i = c0; rc == 0 && i < tb->ncells; i++)
        tb->cells[i].measurable = 1;
    return rc;
}

static int
add_line_cells(ogi__table_t *tb, size_t l)
{
    const char *s = tb->text->s;
    size_t start = tb->text->lines[l].start, end = tb->text->lines[l].end;
    /* trailing empty tab cells carry nothing */
    while (end > start && is_blank_char(s[end - 1]))
        end--;
    /* a line of values: its words may be read as OCR writes them */
    int ocr = two_numbers(s + start, end - start);
    size_t c = start;
    int rc;
    while (c <= end) {
        const char *tab = c < end ? memchr(s + c, '\t', end - c) : NULL;
        size_t ce = tab ? (size_t)(tab - s) : end > c ? end : c;
        /* split the tab cell on runs of two or more spaces */
        size_t sc = c;
        int any = 0;
        while (sc < ce) {
            size_t se = two_spaces(s, sc, ce);
            /* a tab cell holds no blank but spaces (the text is decoded:
             * its only bytes below 0x21 are blanks) */
            size_t a0 = ogi__skip_spaces(s, sc, se), a1 = se;
            ogi_num_t num;
            if (a1 > a0) {
                /* a count in digits, most pieces of a line of values,
                 * added as add_words adds it, without the call */
                if (digits_value(s + a0, a1 - a0, &num)) {
                    if (!ogi__table_add_parsed(tb, OGI__CELL_VALUE, s + a0,
                                               a1 - a0, a0, a1 - a0, &num))
                        return OGI_ENOMEM;
                } else if ((rc = add_words(tb, s + a0, a1 - a0, a0, ocr))) {
                    return rc;
                }
                any = 1;
            }
            sc = ogi__skip_spaces(s, se, ce);
        }
        if (!any && ce < end &&
            !add_cell_as_is(tb, OGI__CELL_BLANK, s + c, 0, c, 0))
            return OGI_ENOMEM; /* an empty cell between tabs */
        if (ce >= end)
            break;
        c = ce + 1;
    }
    return 0;
}

int
ogi__table_add_line_row(ogi__table_t *tb, size_t l)
{
    int rc;
    if ((rc = ogi__table_row_open(tb, l)) || (rc = ogi__table_add_line(tb, l)))
        return rc;
    ogi__table_row_close(tb);
    return 0;
}
