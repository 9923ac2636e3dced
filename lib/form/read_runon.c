/*
 * read_runon.c - text with no separators between cells: a crawler's page
 * text.
 *
 * A crawler strips a page's tags and joins its text nodes with nothing
 * between them, keeping only the newlines that were in the page source.
 * A table row then reads "（一）予以公开7000007": the label and seven
 * cells whose digits run together. Depending on the source, a line holds
 * one row, a whole table, or one cell; a stray space or newline may split
 * a run ("7 000007"); header cells run together ("自然人法人或其他组织总计").
 *
 * The reader cuts each line into text and runs of digits. Every run
 * becomes a RUN cell, split later by the format's arithmetic (split_int.h);
 * the reader never guesses where one cell's digits end. Text becomes LABEL
 * cells, cut where the format's own words (row and column labels from the
 * skeleton) begin, so that "…对外公开总数量规章" gives the header words and
 * the row label "规章" apart. A row of the model is a label and the runs
 * after it: a label that follows a run, or text that starts a line, opens
 * a new row; a line that starts with digits continues the row above (a run
 * split by a newline, or one cell per line).
 *
 * What is a value and what is text:
 *   - a digit run directly followed by "." or "、" and then text is the
 *     numbering of the label that follows ("1.属于国家秘密"); when more
 *     digits come before it, only the last is numbering ("60001072.没有…":
 *     the run 6000107, then the label "2.没有…"; the format numbers rows
 *     1 to 8);
 *   - a sign starts a new run ("272-711113": 272, then -711113; "12减 1":
 *     12, then "减 1"), a decimal
 *     point stays inside it ("7730.28"), as do "元"/"万元" written after it;
 *   - digits followed by a count word (2019年, 75件) or glued to Latin
 *     letters are text: that is narrative, not a cell;
 *   - "-", "--" and "/" standing between values are placeholders (VALUE).
 * Narrative is cut at its last "。" and read as one LABEL in a row of its
 * own, so a page saved on one line still gives its tables.
 */
#include "ogi_int.h"

#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ogi/error.h"
#include "reader_int.h"
#include "runon_int.h"

/* ---- reading ---- */

/* Length of a unit note in parentheses at s[i..end) ("(万元)",
 * "(单位:万元)"): it belongs to the amount column's word before it, where
 * placement reads the unit. 0 when there is none. */
static size_t
unit_note(const char *s, size_t i, size_t end)
{
    if (i >= end || s[i] != '(')
        return 0;
    for (size_t j = i + 1; j < end && j - i <= 24; j++)
        if (s[j] == ')')
            return ogi_text_find(s + i, j - i, "元") ? j + 1 - i : 0;
    return 0;
}

/* Length of a numbering that opens s[a..b) ("1.", "2、", "(三)", "一、"),
 * or 0. */
static size_t
numbering_len(const char *s, size_t a, size_t b)
{
    size_t i = a, sep;
    if (ogi__runon_is_digit_at(s, i, b)) {
        while (ogi__runon_is_digit_at(s, i, b) && i - a < 2)
            i++;
        return (sep = ogi__runon_numbering_sep(s, i, b)) != 0 ? i + sep - a : 0;
    }
    int paren = i < b && s[i] == '(';
    i += (size_t)paren;
    if (i >= b || !ogi_text_cn_digit(s + i, s + b))
        return 0;
    i += 3;
    if (paren)
        return i < b && s[i] == ')' ? i + 1 - a : 0;
    return ogi__runon_starts(s, i, b, "、") ? i + 3 - a : 0;
}

/* Appends text s[a..b) as LABEL cells cut at the format's words. */
static int
add_text(ogi__table_t *tb, const char *s, size_t a, size_t b)
{
    if (b - a > MAX_SPLIT_LEN)
        return ogi__table_add(tb, OGI__CELL_LABEL, s + a, b - a, a, b - a)
                   ? 0
                   : OGI_ENOMEM;
    /* the label's numbering ("2、", "(三)") stays with the word after it,
     * whatever separator the page used */
    size_t num = numbering_len(s, a, b);
    size_t pend = a, i = a + num;
    int at_cut = 1;
    while (i < b) {
        const word_t *w = ogi__runon_word_at(s, i, b, at_cut);
        if (!w) {
            i += ogi_utf8_len(s + i, s + b);
            at_cut = 0;
            continue;
        }
        size_t from = i;
        if (num && pend == a && i == a + num)
            from = a; /* the word and its numbering: one label */
        else if (i > pend && !ogi__table_add(tb, OGI__CELL_LABEL, s + pend,
                                             i - pend, pend, i - pend))
            return OGI_ENOMEM;
        size_t to = i + w->n + unit_note(s, i + w->n, b);
        if (!ogi__table_add(tb, OGI__CELL_LABEL, s + from, to - from, from,
                            to - from))
            return OGI_ENOMEM;
        i = pend = to;
        at_cut = 1;
    }
    if (b > pend && !ogi__table_add(tb, OGI__CELL_LABEL, s + pend, b - pend,
                                    pend, b - pend))
        return OGI_ENOMEM;
    return 0;
}

/* Offset just past the last "。" in s[a..b), or a. */
static size_t
prose_end(const char *s, size_t a, size_t b)
{
    size_t k = b;
    while (k >= a + 3) {
        if (memcmp(s + k - 3, "。", 3) == 0)
            return k;
        k--;
    }
    return a;
}

typedef struct {
    ogi__table_t *tb;
    int open;      /* a row is open */
    int after_run; /* the open row's last cell is a value */
} rows_t;

static int
row_new(rows_t *r, size_t line)
{
    if (r->open)
        ogi__table_row_close(r->tb);
    r->open = 1;
    r->after_run = 0;
    return ogi__table_row_open(r->tb, line);
}

static void
row_end(rows_t *r)
{
    if (r->open)
        ogi__table_row_close(r->tb);
    r->open = 0;
    r->after_run = 0;
}

/* Blanks in [a, b) of the text that were a no-break or ideographic
 * space in the page: what an empty cell's "&nbsp;" leaves. A plain space
 * is the page source's own layout. */
static size_t
hard_blanks(const ogi_text_t *t, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++) {
        if (!ogi__runon_is_blank_char(t->s[i]))
            continue;
        size_t ro = ogi_text_raw_offset(t, i);
        const unsigned char *p = (const unsigned char *)t->raw + ro;
        size_t left = ro < t->raw_len ? t->raw_len - ro : 0;
        if ((left >= 2 && p[0] == 0xC2 && p[1] == 0xA0) ||
            (left >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80))
            n++;
    }
    return n;
}

/*
 * A gap: blanks [a, b) next to a value of an open row. An empty cell's
 * "&nbsp;" leaves one, but so does "&nbsp;" typed around a value, so it
 * becomes a BLANK cell with text, one the splitter may read as zero or
 * more blank cells (split_int.h), never a cell of its own. Its text is one
 * byte per hard blank.
 */
static int
add_gap(rows_t *r, const ogi_text_t *t, size_t a, size_t b)
{
    size_t n = hard_blanks(t, a, b);
    if (!r->open || n == 0)
        return 0;
    return ogi__table_add(r->tb, OGI__CELL_BLANK, t->s + a, n, a, b - a)
               ? 0
               : OGI_ENOMEM;
}

/* Bytes of the character at normalised offset i of t as the page wrote
 * it (into *n), or NULL when t keeps no raw text. */
static const char *
raw_char(const ogi_text_t *t, size_t i, size_t *n)
{
    if (!t->raw)
        return NULL;
    size_t ro = ogi_text_raw_offset(t, i);
    if (ro >= t->raw_len)
        return NULL;
    *n = ogi_utf8_len(t->raw + ro, t->raw + t->raw_len);
    return t->raw + ro;
}

/*
 * Adds placeholder [a, b) of the text as VALUE cells: a word one; marks
 * one per change of the mark the page wrote where the text folded several
 * to "-" ("-—--" is "-", "—" then "--": three cells, as the page's own
 * characters tell; "——" stays one), and a run of one mark cut into cells
 * of at most three ("-----" is "---" then "--"; "/": two, the most one
 * cell writes), the splitter reading each as one or more placeholders.
 */
static int
add_marks(rows_t *r, const ogi_text_t *t, size_t a, size_t b)
{
    const char *s = t->s;
    size_t from = a, pn = 0, n = 0;
    const char *prev = raw_char(t, a, &pn);
    for (size_t i = a + 1; (s[a] == '-' || s[a] == '/') && i < b; i++) {
        const char *c = raw_char(t, i, &n);
        size_t most = s[from] == '/' ? 2 : 3;
        int cut = s[i] != s[from] || i - from >= most ||
                  (prev && c && (n != pn || memcmp(c, prev, n) != 0));
        if (cut) {
            if (!ogi__table_add(r->tb, OGI__CELL_VALUE, s + from, i - from,
                                from, i - from))
                return OGI_ENOMEM;
            from = i;
        }
        prev = c;
        pn = n;
    }
    return ogi__table_add(r->tb, OGI__CELL_VALUE, s + from, b - from, from,
                          b - from)
               ? 0
               : OGI_ENOMEM;
}

static int
read_line(rows_t *r, const ogi_text_t *t, size_t l)
{
    const char *s = t->s;
    size_t start = t->lines[l].start, end = t->lines[l].end, pos = start;
    int first = 1, rc;
    token_t tk;
    size_t before = pos;
    int after_text = 0; /* the line's last token was a label */
    while (ogi__runon_next_token(s, &pos, start, end, &tk)) {
        /* a gap before a value, or after one, the line's start included:
         * a row goes on from the line above ("总计" then "&nbsp;11"),
         * and its first cell may be the empty one; or a gap between two
         * labels of one line: a row whose every cell is an empty one's
         * "&nbsp;" ("2.其他法律行政法规禁止公开" and seven, then "3.") */
        int blank_row = 0; /* a label and its row of empty cells */
        if (tk.a > before &&
            (r->after_run || tk.kind != TK_TEXT || after_text)) {
            blank_row = after_text && tk.kind == TK_TEXT &&
                        hard_blanks(t, before, tk.a) > 0;
            if ((rc = add_gap(r, t, before, tk.a)))
                return rc;
        }
        after_text = tk.kind == TK_TEXT;
        before = tk.b;
        if (tk.kind == TK_TEXT) {
            size_t a = tk.a, pe = prose_end(s, tk.a, tk.b);
            if (pe > a) {
                /* narrative: a row of its own */
                if ((rc = row_new(r, l)))
                    return rc;
                if (!ogi__table_add(r->tb, OGI__CELL_LABEL, s + a, pe - a, a,
                                    pe - a))
                    return OGI_ENOMEM;
                row_end(r);
                a = pe;
                if (a >= tk.b) {
                    first = 0;
                    continue;
                }
            }
            if ((first || r->after_run || !r->open || blank_row) &&
                (rc = row_new(r, l)))
                return rc;
            if ((rc = add_text(r->tb, s, a, tk.b)))
                return rc;
            r->after_run = 0;
        } else {
            if (!r->open && (rc = row_new(r, l)))
                return rc;
            if (tk.kind == TK_PLACE) {
                /* marks the tokens cut apart in the text as folded, one
                 * run: its cells are told by the page's characters */
                size_t p2 = pos;
                token_t nx;
                while ((s[tk.a] == '-' || s[tk.a] == '/') &&
                       ogi__runon_next_token(s, &p2, start, end, &nx) &&
                       nx.kind == TK_PLACE && nx.a == tk.b &&
                       (s[nx.a] == '-' || s[nx.a] == '/')) {
                    tk.b = nx.b;
                    pos = p2;
                }
                before = tk.b;
                if ((rc = add_marks(r, t, tk.a, tk.b)))
                    return rc;
            } else if (!ogi__table_add(r->tb, OGI__CELL_RUN, s + tk.a,
                                       tk.b - tk.a, tk.a, tk.b - tk.a)) {
                return OGI_ENOMEM;
            }
            r->after_run = 1;
        }
        first = 0;
    }
    if ((r->after_run || after_text) && end > before &&
        (rc = add_gap(r, t, before, end)))
        return rc;
    return 0;
}

static int
read(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    ogi__runon_words_init();
    rows_t r = {tb, 0, 0};
    int rc;
    for (size_t l = l0; l < l1 && l < t->nlines; l++) {
        if (ogi__table_is_empty_line(t, l) || ogi__table_is_page_line(t, l))
            continue;
        if ((rc = read_line(&r, t, l)))
            return rc;
    }
    row_end(&r);
    return 0;
}

/* ---- probe ---- */

/* What one line shows of its layout. */
typedef struct {
    int glued;    /* a label directly followed by a value: "规章000", or
                     by placeholder marks glued to more cells: "总计--/" */
    int heads;    /* two of the format's words run together */
    int spaced;   /* a label or a value followed by a blank and a value
                     (a plain blank: a page's "&nbsp;" is a cell's) */
    int long_run; /* more digits than any one cell holds */
    int hard;     /* a value after a gap of no-break spaces only */
} look_t;

static int
is_drawing(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '\t' || c == '|')
        return 1;
    /* U+2500-U+257F box drawing: E2 94 80 - E2 95 BF */
    return c == 0xE2 && end - i >= 3 &&
           ((unsigned char)s[i + 1] == 0x94 || (unsigned char)s[i + 1] == 0x95);
}

/* 1 when two words of the format follow each other in text s[a..b)
 * ("本年新制作数量本年新公开数量"). */
static int
words_adjacent(const char *s, size_t a, size_t b)
{
    if (b - a > MAX_SPLIT_LEN)
        return 0;
    size_t i = a, last_end = (size_t)-1;
    while (i < b) {
        const word_t *w = ogi__runon_word_at(s, i, b, i == last_end);
        if (!w) {
            i += ogi_utf8_len(s + i, s + b);
            continue;
        }
        if (i == last_end)
            return 1;
        i += w->n;
        last_end = i;
    }
    return 0;
}

static void
look_line(const ogi_text_t *t, size_t l, look_t *lk)
{
    const char *s = t->s;
    size_t start = t->lines[l].start, end = t->lines[l].end;
    memset(lk, 0, sizeof(*lk));
    /* narrative says nothing of the layout: only what follows its last
     * sentence is looked at (a page saved on one line) */
    start = prose_end(s, start, end);
    size_t pos = start, prev_end = start;
    int have_prev = 0;
    token_t tk, prev = {TK_TEXT, 0, 0};
    while (ogi__runon_next_token(s, &pos, start, end, &tk)) {
        if (tk.kind == TK_RUN && tk.b - tk.a >= LONG_RUN &&
            !memchr(s + tk.a, '.', tk.b - tk.a))
            lk->long_run = 1;
        if (have_prev && tk.kind == TK_RUN) {
            int touching = tk.a == prev_end;
            if (touching && prev.kind == TK_TEXT &&
                (unsigned char)s[tk.a - 1] >= 0x80)
                lk->glued = 1;
            else if (!touching &&
                     hard_blanks(t, prev_end, tk.a) < tk.a - prev_end)
                lk->spaced = 1;
            else if (!touching) /* a gap of no-break spaces only is an
                                   empty cell's "&nbsp;", not columns */
                lk->hard = 1;
        } else if (have_prev && tk.kind == TK_PLACE && tk.a == prev_end &&
                   prev.kind == TK_TEXT && (s[tk.a] == '-' || s[tk.a] == '/') &&
                   (unsigned char)s[tk.a - 1] >= 0x80 && tk.b < end &&
                   (ogi_text_is_digit((unsigned char)s[tk.b]) ||
                    s[tk.b] == '-' || s[tk.b] == '/')) {
            /* a label, a placeholder mark and more cells, all glued:
             * "总计--/--0" */
            lk->glued = 1;
        } else if (have_prev && tk.kind == TK_PLACE && tk.a > prev_end &&
                   hard_blanks(t, prev_end, tk.a) == tk.a - prev_end) {
            /* a placeholder after an empty cell's "&nbsp;" only, as a
             * value after one */
            lk->hard = 1;
        }
        if (tk.kind == TK_TEXT && !lk->heads)
            lk->heads = words_adjacent(s, tk.a, tk.b);
        prev = tk;
        prev_end = tk.b;
        have_prev = 1;
    }
}

/* ogi__table_is_nbsp(t, p) for offsets p that grow from call to call:
 * *k is the shift in force at the last (SIZE_MAX at first), found on from
 * there (ogi_text_shift_from) rather than searched for at each space. */
static int
nbsp_at(const ogi_text_t *t, size_t p, size_t *k)
{
    if (!t->raw || t->nshifts == 0 || p >= t->len)
        return ogi__table_is_nbsp(t, p);
    if (t->s[p] != ' ')
        return 0;
    size_t lo = ogi_text_shift_from(t, p, *k);
    *k = lo;
    size_t r = t->shifts[lo].raw + (uint32_t)(p - t->shifts[lo].norm);
    return r + 1 < t->raw_len && (unsigned char)t->raw[r] == 0xc2 &&
           (unsigned char)t->raw[r + 1] == 0xa0;
}

/* 1 unless the raw bytes of normalised offsets [a, b) of t are known to
 * hold no C2 byte, the first of a no-break space's (C2 A0): one search
 * that spares the shift map a look for each space before a digit. */
static int
raw_has_c2(const ogi_text_t *t, size_t a, size_t b)
{
    if (!t->raw || t->nshifts == 0)
        return 1;
    size_t ra = ogi_text_raw_offset(t, a), rb = ogi_text_raw_offset(t, b);
    return rb > ra && memchr(t->raw + ra, 0xC2, rb - ra) != NULL;
}

/* Whether a run that starts at i (s[i] a digit, i > a) starts as a
 * run-together one: after a non-ASCII byte (a label glued to its value),
 * a no-break space (an empty cell's "&nbsp;"), or a placeholder mark glued
 * to a value or a mark before it ("--0", "0/3"). *nbsp: whether the raw
 * bytes of [a, b) hold a C2 at all (-1: not yet known); *k: nbsp_at's. */
static int
glued_start(const ogi_text_t *t, size_t a, size_t b, size_t i, int *nbsp,
            size_t *k)
{
    const unsigned char *s = (const unsigned char *)t->s;
    if (s[i - 1] >= 0x80)
        return 1;
    /* a text whose raw bytes hold no C2 (most) holds no no-break space */
    if (s[i - 1] == ' ') {
        if (*nbsp < 0)
            *nbsp = raw_has_c2(t, a, b);
        if (*nbsp && nbsp_at(t, i - 1, k))
            return 1;
    }
    return i >= a + 2 && (s[i - 1] == '-' || s[i - 1] == '/') &&
           (s[i - 2] == '-' || s[i - 2] == '/' || ogi_text_is_digit(s[i - 2]));
}

/*
 * For a region without a digit (Table 4 with every cell a placeholder or
 * blank): 1 when a placeholder ("-", "/", "无", "不适用", "空") starts
 * glued to a label or after a no-break space (an empty cell's "&nbsp;"),
 * as a run-together row's values do: "总计/-", "总计  /", "总计不适用".
 */
static int
marks_glued(const ogi_text_t *t, size_t a, size_t b, size_t *k)
{
    const unsigned char *s = (const unsigned char *)t->s;
    for (size_t i = a + 1; i < b; i++) {
        unsigned char c = s[i];
        int mark = c == '-' || c == '/';
        if (!mark && c != 0xE4 && c != 0xE6 && c != 0xE7)
            continue;
        if (!mark && !ogi__runon_starts(t->s, i, b, "不适用") &&
            !ogi__runon_starts(t->s, i, b, "无") &&
            !ogi__runon_starts(t->s, i, b, "空"))
            continue;
        if ((s[i - 1] >= 0x80 && mark) ||
            (s[i - 1] == ' ' && nbsp_at(t, i - 1, k)))
            return 1;
    }
    return 0;
}

/* The LONG_RUN test of maybe_runon's blocks is written for eleven. */
_Static_assert(LONG_RUN == 11, "maybe_runon counts runs of eleven digits");

#if defined(__SSE2__) && defined(__GNUC__)
/* The bytes of v that are ASCII digits. */
static inline __m128i
digits16(__m128i v)
{
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8('0'));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
}
#endif

/*
 * 1 when lines [l0, l1) may be run together: somewhere a run of digits
 * starts glued (glued_start) or runs long. Sixteen bytes at a time, each
 * with the bytes before it, so that the common layouts (values set apart
 * by spaces or tabs) are declined without lexing a line, or stopping at
 * each run of digits.
 */
static int
maybe_runon(const ogi_text_t *t, size_t l0, size_t l1)
{
    if (l0 >= l1 || l0 >= t->nlines)
        return 0;
    size_t a = t->lines[l0].start;
    size_t b = t->lines[(l1 < t->nlines ? l1 : t->nlines) - 1].end;
    const unsigned char *s = (const unsigned char *)t->s;
    size_t k = SIZE_MAX;
    int nbsp = -1; /* whether the raw bytes hold a C2 at all: not yet known */
    size_t i = a;
    int digits = 0; /* a digit was seen */
#if defined(__SSE2__) && defined(__GNUC__)
    /* the digits of the block before, bits 0-15: a run of LONG_RUN (at
     * most sixteen) digits lies within two blocks */
    uint32_t before = 0;
    for (; b - i >= 16; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        uint32_t d = (uint32_t)_mm_movemask_epi8(digits16(v));
        if (!d) {
            before = 0;
            continue;
        }
        digits = 1;
        /* the bytes one back; the first block's come shifted in as a
         * zero, which none of the tests below take (the region's first
         * byte has no byte before it) */
        __m128i p1 =
            i == a
                ? _mm_slli_si128(v, 1)
                : _mm_loadu_si128((const __m128i *)(const void *)(s + i - 1));
        /* a digit after a byte that is no digit starts a run: after a
         * byte >= 0x80 glued; after a placeholder mark (rare) glued when
         * a mark or a digit stands before that */
        __m128i mark = _mm_or_si128(_mm_cmpeq_epi8(p1, _mm_set1_epi8('-')),
                                    _mm_cmpeq_epi8(p1, _mm_set1_epi8('/')));
        uint32_t after =
            d & (uint32_t)_mm_movemask_epi8(_mm_or_si128(p1, mark));
        if (after) {
            if (after & (uint32_t)_mm_movemask_epi8(p1))
                return 1;
            for (; after; after &= after - 1)
                if (glued_start(t, a, b, i + (size_t)__builtin_ctz(after),
                                &nbsp, &k))
                    return 1;
        }
        /* after a space: one look at the raw bytes settles most texts (no
         * C2 there, no no-break space), and the spaces are not looked at
         * again */
        if (nbsp != 0) {
            uint32_t spaced = d & (uint32_t)_mm_movemask_epi8(
                                      _mm_cmpeq_epi8(p1, _mm_set1_epi8(' ')));
            if (spaced && nbsp < 0)
                nbsp = raw_has_c2(t, a, b);
            for (; spaced && nbsp; spaced &= spaced - 1)
                if (nbsp_at(t, i + (size_t)__builtin_ctz(spaced) - 1, &k))
                    return 1;
        }
        /* LONG_RUN (11) digits in a row: a run not seen whole in the
         * blocks before goes on from there (bit 0) or holds bits 5-10;
         * then 2, 4, 8, and 8 and 8 three apart */
        if ((d & 1) || (d & 0x7E0) == 0x7E0) {
            uint32_t x = before | d << 16;
            x &= x >> 1;
            x &= x >> 2;
            x &= x >> 4;
            x &= x >> 3;
            if (x)
                return 1;
        }
        before = d;
    }
    /* a run the blocks began: its start was looked at there, its length
     * is counted here */
    if (i > a && ogi_text_is_digit(s[i - 1])) {
        size_t r = i - 1, j = i;
        while (r > a && ogi_text_is_digit(s[r - 1]))
            r--;
        while (j < b && ogi_text_is_digit(s[j]))
            j++;
        if (j - r >= LONG_RUN)
            return 1;
        i = j;
    }
#endif
    for (; i < b; i++) {
        if (!ogi_text_is_digit(s[i]))
            continue;
        digits = 1;
        /* the first digit of a run (a run is taken whole below) */
        if (i > a && glued_start(t, a, b, i, &nbsp, &k))
            return 1;
        size_t j = i + 1;
        while (j < b && ogi_text_is_digit(s[j]))
            j++;
        if (j - i >= LONG_RUN)
            return 1;
        i = j - 1; /* the byte after the run is no digit */
    }
    return digits ? 0 : marks_glued(t, a, b, &k);
}

/* 1 when a line of [l0, l1) that is not empty holds a tab, a bar or a
 * box-drawing character (is_drawing): the probe's verdict then is 0
 * whatever the other lines hold, and one pass over the bytes finds it
 * before any line is cut into tokens. */
static int
region_drawn(const ogi_text_t *t, size_t l0, size_t l1)
{
    if (l1 > t->nlines)
        l1 = t->nlines;
    if (l0 >= l1)
        return 0;
    const char *s = t->s;
    size_t l = l0, i = t->lines[l0].start, b = t->lines[l1 - 1].end;
    while (i < b) {
#if defined(__SSE2__) && defined(__GNUC__)
        /* sixteen bytes without a tab, a bar or an E2 lead at once */
        while (b - i >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i m = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
                             _mm_cmpeq_epi8(v, _mm_set1_epi8('|'))),
                _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)));
            unsigned bits = (unsigned)_mm_movemask_epi8(m);
            if (bits) {
                i += (size_t)__builtin_ctz(bits);
                break;
            }
            i += 16;
        }
        if (i >= b)
            break;
#endif
        unsigned char c = (unsigned char)s[i];
        if (c != '\t' && c != '|' && c != 0xE2) {
            i++;
            continue;
        }
        /* the line it is in (the bytes between lines are line breaks) */
        while (t->lines[l].end <= i)
            l++;
        if (i >= t->lines[l].start && !ogi__table_is_empty_line(t, l) &&
            is_drawing(s, i, t->lines[l].end))
            return 1;
        i++;
    }
    return 0;
}

static int
probe(const ogi_text_t *t, size_t l0, size_t l1)
{
    /* any drawing is another layout's */
    if (!maybe_runon(t, l0, l1) || region_drawn(t, l0, l1))
        return 0;
    ogi__runon_words_init();
    size_t glued = 0, heads = 0, spaced = 0, lines = 0, runs = 0;
    size_t hard = 0;
    for (size_t l = l0; l < l1 && l < t->nlines; l++) {
        if (ogi__table_is_empty_line(t, l))
            continue;
        look_t lk;
        look_line(t, l, &lk);
        /* settled before the end: more lines spaced than the lines left
         * could make glued */
        if ((size_t)lk.spaced + spaced >
            glued + heads + (size_t)(lk.glued + lk.heads) + 2 * (l1 - l - 1))
            return 0;
        lines++;
        glued += (size_t)lk.glued;
        heads += (size_t)lk.heads;
        spaced += (size_t)lk.spaced;
        runs += (size_t)lk.long_run;
        hard += (size_t)lk.hard;
    }
    /* columns set apart by blanks are read by the row reader */
    if (glued + heads == 0 || spaced > glued + heads)
        return 0;
    /* a header of run-together words needs values run together too, or
     * set apart only by what a cell's "&nbsp;" leaves */
    if (glued == 0 && heads < 2 && runs == 0 && (heads == 0 || hard == 0))
        return 0;
    int s = 60 + (int)((glued + heads) * 30 / (lines ? lines : 1));
    return s > 90 ? 90 : s;
}

const ogi__reader_t ogi__read_runon = {"runon", probe, read};
