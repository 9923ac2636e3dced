/*
 * read_lynx.c - tables as lynx -dump draws them.
 *
 * lynx (2.9) has two ways of drawing a table, and an agency page often
 * gets both in one table:
 *
 *   Cells as paragraphs. Once a cell holds a block (<p>, as in every page
 *   Word saves), lynx gives up the grid: each paragraph of a cell comes on
 *   its own line, indented, with an empty line before it. A cell whose
 *   paragraph holds only &nbsp; leaves one more empty line and nothing
 *   else, so between two cells' texts k empty lines mean k - 1 empty
 *   cells, and before the next row's label likewise (a row whose cells
 *   are all &nbsp; is its label and k - 1 blanks). An empty <td></td>,
 *   <p></p> or a paragraph of white space (Word's <o:p> </o:p>) leaves
 *   nothing at all: between two values of a row led by a label such
 *   cells may hide, so a gap is put there (split_int.h); where the row
 *   comes short, the format's arithmetic tells which gaps were cells,
 *   and where it is whole the gaps go.
 *
 *       3.危及"三安全一稳定"
 *
 *       0
 *
 *
 *       0            (0, blank, 0)
 *
 *   Rows as lines. Cells without blocks come one row per line, cells
 *   apart by one space, each as wide as its text; a cell of &nbsp; is one
 *   space wide, so it shows as a gap of three spaces between its
 *   neighbours ("0 0 0   无 0 0"), two such cells as five. A trailing
 *   blank cell is trimmed with the line's end, and an empty <td></td> is
 *   nothing: where a table's other rows show it has more cells than a row
 *   shows, the row is completed with blanks at its end. lynx's columns
 *   are counted in characters, not display columns: an ideograph is one.
 *
 * Both layouts are told from other tools' by lynx's margin (content lines
 * indented by three spaces) and, for rows, values one space apart. The
 * grid a table's row lines are aligned on: read_lynx_grid.c.
 */
#include "ogi_int.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ogi/error.h"
#include "read_lynx_int.h"
#include "swar_int.h"


/* The text of a gap where paragraphs of white space may have been: as
 * many cells as it may stand for, at most (split_int.h) */
static const char hidden[] = "      ";


/* The words of line l (at most max) with their character columns. */
size_t
ogi__lynx_line_words(const ogi_text_t *t, size_t l, word_t *w, size_t max)
{
    const char *s = t->s;
    size_t i = t->lines[l].start, end = t->lines[l].end, n = 0;
    uint32_t col = 0;
    while (i < end && n < max) {
        while (i < end && (s[i] == ' ' || s[i] == '\t')) {
            i++;
            col++;
        }
        if (i >= end)
            break;
        word_t *x = &w[n++];
        x->a = (uint32_t)i;
        x->c0 = col;
        while (i < end && s[i] != ' ' && s[i] != '\t') {
            if (((unsigned char)s[i] & 0xC0) != 0x80)
                col++;
            i++;
        }
        x->b = (uint32_t)i;
        x->c1 = col;
        ogi_num_t num;
        x->value =
            ogi_number_parse(s + x->a, x->b - x->a, &num) != OGI_NUM_NONE;
        /* "减 124": a sign word and the number one space after it are one
         * value (the change column of Table 2) */
        word_t *p = n >= 2 ? &w[n - 2] : NULL;
        if (x->value && p && !p->value && p->b - p->a == 3 &&
            x->c0 - p->c1 == 1 &&
            (memcmp(s + p->a, "增", 3) == 0 ||
             memcmp(s + p->a, "减", 3) == 0) &&
            ogi_number_parse(s + p->a, x->b - p->a, &num) == OGI_NUM_VALUE) {
            p->b = x->b;
            p->c1 = x->c1;
            p->value = 1;
            n--;
        }
    }
    return n;
}

/* 1 when line l starts with lynx's margin: three spaces or more (only
 * the first three are looked at: pdftotext indents by dozens). */
static int
has_margin(const ogi_text_t *t, size_t l)
{
    const char *p = t->s + t->lines[l].start;
    return t->lines[l].end - t->lines[l].start >= 3 && p[0] == ' ' &&
           p[1] == ' ' && p[2] == ' ';
}

/* One cell on the line: a single value, or text words one space apart. */
static int
is_lone(const word_t *w, size_t n)
{
    if (n == 1)
        return 1;
    for (size_t i = 0; i < n; i++)
        if (w[i].value || (i && w[i].c0 - w[i - 1].c1 != 1))
            return 0;
    return n > 0;
}

/* Values of a row line after its last text word. */
size_t
ogi__lynx_trailing_values(const word_t *w, size_t n)
{
    size_t k = 0;
    while (k < n && w[n - 1 - k].value)
        k++;
    return k;
}

/* 1 for a byte of a count or a date: a digit, '-' or '/'. */
static int
is_count_char(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '/';
}

/* The first byte of s[i..n) that is no space, or n: eight at a time
 * (pdftotext's runs between columns are a few spaces to dozens). */
static size_t
past_spaces(const char *s, size_t i, size_t n)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) &&                            \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (n - i >= 8) {
        /* the bytes that are no space are the ones left nonzero */
        uint64_t x = ogi__word_load(s + i) ^ (OGI__ONES * ' ');
        if (x)
            return i + (size_t)(__builtin_ctzll(x) >> 3);
        i += 8;
    }
#endif
    while (i < n && s[i] == ' ')
        i++;
    return i;
}

#if defined(__SSE2__) && defined(__GNUC__)
/* is_count_char of each of the sixteen bytes of v: the bytes 2D-39 but
 * the full stop (2E). */
static inline __m128i
counts16(__m128i v)
{
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8(0x2D));
    __m128i in = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(12)), d);
    return _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')), in);
}
#endif

/* 1 when line s[0..n) may count for the probe, so is worth reading into
 * words: one word alone (a cell as a paragraph), or two values one space
 * apart (a row of lynx's grid). */
static int
may_count(const char *s, size_t n)
{
    size_t a = past_spaces(s, 0, n);
    while (n > a && s[n - 1] == ' ')
        n--;
    if (!memchr(s + a, ' ', n - a))
        return 1;
    /* a space between two counts is one between two bytes that are no
     * space (a space of a run of two or more stands beside a space);
     * s[a] and s[n - 1] are none */
    size_t i = a + 1;
#if defined(__SSE2__) && defined(__GNUC__)
    /* sixteen places at a time, each with the bytes before and after; the
     * last sixteen, overlapping those before, read the same way rather
     * than byte by byte */
    if (n - i >= 17)
        for (;; i += 16) {
            if (n - i < 17)
                i = n - 17;
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i before =
                _mm_loadu_si128((const __m128i *)(const void *)(s + i - 1));
            __m128i after =
                _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
            __m128i m =
                _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
                              _mm_and_si128(counts16(before), counts16(after)));
            if (_mm_movemask_epi8(m))
                return 1;
            if (i + 17 == n)
                return 0;
        }
#endif
    for (; i + 1 < n; i++)
        if (s[i] == ' ' && is_count_char(s[i - 1]) && is_count_char(s[i + 1]))
            return 1;
    return 0;
}

/* Characters of s[0..n), eight bytes at a time. */
static size_t
chars(const char *s, size_t n)
{
    size_t k = 0, i = 0;
    for (; n - i >= 8; i += 8)
        k += ogi__word_leads(ogi__word_load(s + i));
    for (; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Whether s[0..n) holds a digit, a dash or slash, 无 or 不适用. */
static int
valueish(const char *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__) && defined(__GNUC__)
    /* sixteen at a time */
    for (; n - i >= 16; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        if (_mm_movemask_epi8(counts16(v)))
            return 1;
    }
#endif
    for (; i < n; i++)
        if ((s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '/')
            return 1;
    return ogi_text_find_in(s, s + n, "无") != NULL ||
           ogi_text_find_in(s, s + n, "不适用") != NULL;
}

/* Whether line s[0..n) may be a heading of Table 4: short past its
 * indent (lynx centres a centred cell's text), nothing a value is
 * written with. */
static int
heading(const char *s, size_t n)
{
    size_t i = ogi__skip_spaces(s, 0, n);
    return chars(s + i, n - i) <= 24 && !valueish(s + i, n - i);
}

static int
probe(const ogi_text_t *t, size_t l0, size_t l1)
{
    size_t content = 0, margin = 0, paras = 0, rows = 0;
    word_t w[MAX_WORDS];
    /* a region without a tab (most) needs no line searched for one */
    int tabs = l0 < l1 && memchr(t->s + t->lines[l0].start, '\t',
                                 t->lines[l1 - 1].end - t->lines[l0].start);
    /* lynx indents everything by three: without that margin the region
     * is declined before any line is read into words */
    for (size_t l = l0; l < l1; l++) {
        if (ogi__table_is_empty_line(t, l))
            continue;
        const ogi_line_t *ln = &t->lines[l];
        if (tabs && memchr(t->s + ln->start, '\t', ln->end - ln->start))
            return 0; /* tabs are another tool's */
        content++;
        margin += (size_t)has_margin(t, l);
        /* settled: four lines in five with the margin are out of reach
         * even if every line left has it */
        if (content * 8 > margin * 10 + 2 * (l1 - l - 1))
            return 0;
    }
    if (content < 6 || margin * 10 < content * 8)
        return content >= 3 && ogi__lynx_t4_grid(t, l0, l1) ? 60 : 0;
    content = margin = 0;
    size_t valrows = 0, heads = 0;
    for (size_t l = l0; l < l1; l++) {
        if (ogi__table_is_empty_line(t, l) || ogi__table_is_page_line(t, l))
            continue;
        const ogi_line_t *ln = &t->lines[l];
        if (tabs && memchr(t->s + ln->start, '\t', ln->end - ln->start))
            return 0; /* tabs are another tool's */
        content++;
        /* whether the line may count (asked of every line), and its
         * words, read once when first needed (SIZE_MAX: not yet) */
        int counts = may_count(t->s + ln->start, ln->end - ln->start);
        size_t n = SIZE_MAX;
        if (has_margin(t, l))
            margin++;
        /* a row of values that starts at the line's first column is no
         * lynx's, which indents every line of a table: a converter that
         * lays pages out by position (pdftotext -layout, of a browser's
         * PDF most of all) indents only most of its lines */
        else if (ln->end > ln->start && t->s[ln->start] != ' ' && counts &&
                 valueish(t->s + ln->start, ln->end - ln->start)) {
            n = ogi__lynx_line_words(t, l, w, MAX_WORDS);
            if (ogi__lynx_trailing_values(w, n) >= 2)
                return 0;
        }
        /* a heading: short, nothing a value is written with. Headings
         * count only for Table 4 drawn as lines or paragraphs (below),
         * with its values nine lines in ten of its region: once that is
         * out of reach, even with this line and every line left a
         * heading, they are no longer looked for */
        if (valrows <= 1 &&
            (heads + valrows + paras + 1) * 10 + (l1 - l - 1) >= content * 9 &&
            heading(t->s + ln->start, ln->end - ln->start))
            heads++;
        if (!counts)
            continue;
        if (n == SIZE_MAX)
            n = ogi__lynx_line_words(t, l, w, MAX_WORDS);
        if (n == 1 && w[0].value && l > l0 &&
            ogi__table_is_empty_line(t, l - 1))
            paras++;
        /* values one space apart: lynx's grid without padding; a run of
         * digits with a leading zero ("00000", adjacent cells' digits set
         * close by a converter that lays a page out by position) is never
         * lynx's, which sets its cells a space apart */
        size_t v = ogi__lynx_trailing_values(w, n), tight = 0, runs = 0;
        for (size_t i = n - v; v >= 3 && i < n; i++) {
            const char *ws = t->s + w[i].a;
            runs += w[i].b - w[i].a >= 2 && ws[0] == '0' && ws[1] >= '0' &&
                    ws[1] <= '9';
            if (i > n - v)
                tight += w[i].c0 - w[i - 1].c1 == 1;
        }
        if (v >= 3 && tight && tight * 4 >= v - 1 && runs == 0)
            rows++;
        /* a line of values only (Table 4's one row) */
        if (v == n && v >= 5)
            valrows++;
    }
    if (content < 6 || margin * 10 < content * 8)
        return 0;
    /* paragraphs beat pdftotext's reading order, which has no margin */
    if (paras >= 6 && paras * 4 >= content)
        return 85;
    if (rows >= 3)
        return 60;
    /* Table 4 drawn as lines: its headings and one line of values, or
     * a value a paragraph */
    if (valrows == 1 && heads >= 6 && (heads + valrows) * 10 >= content * 9)
        return 60;
    if (valrows == 0 && paras >= 3 && heads >= 6 &&
        (heads + paras) * 10 >= content * 9)
        return 85; /* paragraphs, as above */
    return 0;
}

/* ---- a row line ---- */


static int
add_blanks(rd_t *r, size_t k, size_t off)
{
    for (size_t i = 0; i < k; i++)
        if (!ogi__table_add(r->tb, OGI__CELL_BLANK, r->t->s + off, 0, off, 0))
            return OGI_ENOMEM;
    return 0;
}

/* The fewest spaces the lines right above line l (up to an empty line)
 * start with; UINT32_MAX when there are none. */
static uint32_t
block_indent(const ogi_text_t *t, size_t l)
{
    uint32_t best = UINT32_MAX;
    while (l > 0 && !ogi__table_is_empty_line(t, l - 1)) {
        const ogi_line_t *ln = &t->lines[--l];
        uint32_t k = 0;
        while (ln->start + k < ln->end && t->s[ln->start + k] == ' ')
            k++;
        if (k < best)
            best = k;
    }
    return best;
}

/* 1 when row line l is the only line of its block (r->b0, r->b1) with
 * a label and values after it. */
static int
alone_in_block(const rd_t *r, size_t l)
{
    word_t w[MAX_WORDS];
    for (size_t k = r->b0; k < r->b1; k++) {
        if (k == l)
            continue;
        size_t n = ogi__lynx_line_words(r->t, k, w, MAX_WORDS);
        size_t v = ogi__lynx_trailing_values(w, n);
        if (v >= 1 && v < n)
            return 0;
    }
    return l >= r->b0 && l < r->b1;
}

/*
 * The cells of a row line: runs of text words one space apart are read
 * with ogi__table_add_words (labels, a group label and its row's
 * numbering apart), values one each. A gap of g >= 3 spaces before a
 * value holds (g - 1) / 2 cells of &nbsp;. Where the region's widest row
 * (width) says how many cells a row has, a row that comes out with more
 * loses the blanks of its narrowest gaps (&nbsp; typed around values
 * widens a gap too), and one with fewer is completed at its end.
 */
static int
row_line(rd_t *r, size_t l, const word_t *w, size_t n)
{
    ogi__table_t *tb = r->tb;
    const char *s = r->t->s;
    size_t gapk[MAX_WORDS];
    size_t nval = 0, nblank = 0;
    for (size_t i = 0; i < n; i++) {
        gapk[i] = 0;
        if (!w[i].value)
            continue;
        nval++;
        if (i > 0) {
            uint32_t g = w[i].c0 - w[i - 1].c1;
            if (g >= 3)
                gapk[i] = (g - 1) / 2;
            nblank += gapk[i];
        }
    }
    size_t vals = ogi__lynx_trailing_values(w, n);
    /* a line of values only where no row says the width (Table 4's):
     * blank cells before its first value indent it past the lines of
     * its headings right above, as a gap between two values is */
    uint32_t lead = 0;
    if (!r->width && vals == n && n >= 5) {
        uint32_t ind = block_indent(r->t, l);
        if (ind < w[0].c0 && w[0].c0 - ind + 1 >= 3) {
            lead = w[0].c0 - ind + 1;
            gapk[0] = (lead - 1) / 2;
            nblank += gapk[0];
        }
    }
    size_t tail = 0; /* blank columns after the last value, on the grid */
    uint8_t opened[MAX_WORDS] = {0}; /* gaps whose last blank is open */
    /* a row under its table's headings (a table too short for its rows
     * to show the grid): a labelled row, or Table 4's line of values
     * only, which lynx aligns under the headings' words as well */
    int gridded = (r->ngrid && vals >= 1 && vals <= r->ngrid &&
                   ogi__lynx_on_grid(r, w, n, gapk, &tail)) ||
                  (vals >= 1 && (vals < n || (!r->width && n >= T4_GRID_MIN)) &&
                   ogi__lynx_head_grid(r, l, w, n, gapk, &tail));
    if (gridded) {
        nblank = 0;
        for (size_t i = 0; i < n; i++)
            nblank += gapk[i];
    } else if (r->width && vals >= 1 && vals <= r->width) {
        /* too many: a blank less where the gap has the fewest spaces
         * besides its blanks and the separator (&nbsp; typed around a
         * value is one space on either side, two at most), then the
         * narrowest, the rightmost of equals. Gaps with no space to
         * spare (three spaces: a blank cell, or &nbsp; typed on both
         * sides; five: two, or one and that) cannot be told apart by
         * their spaces: where more of them are left than blanks to take
         * away, each keeps one blank open (split_int.h), for the
         * format's arithmetic to place, or to name the readings. */
        while (vals + nblank > r->width) {
            size_t best = 0, even = 0;
            uint32_t best_rest = 0, best_g = 0;
            for (size_t i = n; i-- > 0;) {
                if (!gapk[i] || opened[i])
                    continue;
                uint32_t g = w[i].c0 - w[i - 1].c1;
                uint32_t rest = g - 1 - 2 * (uint32_t)gapk[i];
                even += rest == 0;
                if (!best || rest < best_rest ||
                    (rest == best_rest && g < best_g)) {
                    best = i;
                    best_rest = rest;
                    best_g = g;
                }
            }
            if (!best)
                break;
            if (best_rest == 0 && even > vals + nblank - r->width) {
                for (size_t i = 1; i < n; i++)
                    if (gapk[i] && !opened[i] &&
                        w[i].c0 - w[i - 1].c1 == 1 + 2 * (uint32_t)gapk[i])
                        opened[i] = 1;
                break;
            }
            gapk[best]--;
            nblank--;
        }
        /* a row alone in its block (a table of one row: Table 2's last
         * ones, narrower than the region's widest) has no row beside it
         * to say its cells: its gaps may be lynx's padding under wider
         * headings as well as blank cells, so each keeps one blank open,
         * for the format's columns to settle */
        if (vals < n && nblank && alone_in_block(r, l))
            for (size_t i = 1; i < n; i++)
                if (gapk[i])
                    opened[i] = 1;
    }
    size_t i = 0;
    while (i < n) {
        if (w[i].value) {
            /* a line of values only has no width to check its gaps by:
             * an odd gap is a blank cell, or &nbsp; typed on both sides
             * and one cell fewer; that one is a gap of one (split_int.h)
             * placement fills where the row comes short */
            uint32_t g = i > 0 ? w[i].c0 - w[i - 1].c1 : lead;
            int open = opened[i] || (!gridded && vals == n && !r->width &&
                                     gapk[i] && g % 2 == 1);
            int rc = add_blanks(r, gapk[i] - (size_t)open, w[i].a);
            if (rc)
                return rc;
            if (open &&
                !ogi__table_add(tb, OGI__CELL_BLANK, hidden, 1, w[i].a, 0))
                return OGI_ENOMEM;
            if (!ogi__table_add(tb, OGI__CELL_VALUE, s + w[i].a,
                                w[i].b - w[i].a, w[i].a, w[i].b - w[i].a))
                return OGI_ENOMEM;
            r->row_values++;
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && !w[j].value && w[j].c0 - w[j - 1].c1 == 1)
            j++;
        int rc =
            ogi__table_add_words(tb, s + w[i].a, w[j - 1].b - w[i].a, w[i].a);
        if (rc)
            return rc;
        i = j;
    }
    /* the rest of a line longer than MAX_WORDS words: text */
    size_t end = r->t->lines[l].end;
    if (n == MAX_WORDS && w[n - 1].b < end) {
        int rc = ogi__table_add_words(tb, s + w[n - 1].b, end - w[n - 1].b,
                                      w[n - 1].b);
        if (rc)
            return rc;
    }
    if (gridded)
        return add_blanks(r, tail, w[n - 1].b);
    if (r->width && vals >= 1 && vals + nblank < r->width)
        return add_blanks(r, r->width - vals - nblank, w[n - 1].b);
    /* a line of values only where no row says the width (Table 4's):
     * blank cells at its end were trimmed with it, a gap there says so */
    if (!r->width && vals == n && n >= 5 &&
        !ogi__table_add(tb, OGI__CELL_BLANK, hidden, sizeof(hidden) - 1,
                        w[n - 1].b, 0))
        return OGI_ENOMEM;
    return 0;
}

/* ---- the region ---- */

/*
 * A row line lynx wrapped at its width: its last values go on the next
 * line, at the margin, with no empty line between. A line of values only
 * right under a row line (a label, values after it) is no row of its
 * own, every row of the tables having a label, but the end of that row.
 * Its words are appended to w[0..n) (room for MAX_WORDS), set one space
 * after the row's last (where lynx broke the line, one space); returns
 * how many, 0 where line l + 1 is no such line.
 */
static size_t
wrapped(const ogi_text_t *t, size_t l, size_t l1, word_t *w, size_t n)
{
    size_t v = ogi__lynx_trailing_values(w, n);
    if (l + 1 >= l1 || v == 0 || v == n || n >= MAX_WORDS ||
        ogi__table_is_empty_line(t, l + 1) || ogi__table_is_page_line(t, l + 1))
        return 0;
    const ogi_line_t *ln = &t->lines[l + 1];
    if (ln->end - ln->start < 4 || memcmp(t->s + ln->start, "   ", 3) ||
        t->s[ln->start + 3] == ' ')
        return 0;
    word_t *x = w + n;
    size_t m = ogi__lynx_line_words(t, l + 1, x, MAX_WORDS - n);
    if (m == 0 || ogi__lynx_trailing_values(x, m) != m ||
        x[m - 1].b < ln->end)
        return 0;
    uint32_t shift = w[n - 1].c1 + 1 - x[0].c0;
    for (size_t i = 0; i < m; i++) {
        x[i].c0 += shift;
        x[i].c1 += shift;
    }
    return m;
}

static int
open_row(rd_t *r, size_t l)
{
    if (r->in_row)
        ogi__table_row_close(r->tb);
    r->in_row = 1;
    r->row_values = 0;
    r->labelled = 0;
    return ogi__table_row_open(r->tb, l);
}

static void
close_row(rd_t *r)
{
    if (r->in_row)
        ogi__table_row_close(r->tb);
    r->in_row = 0;
}

static int
read(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    size_t by_gaps = 0;
    rd_t r = {.tb = tb, .t = t, .width = ogi__lynx_region_width(t, l0, l1, &by_gaps)};
    int rc = ogi__lynx_region_grid(&r, l0, l1);
    if (rc)
        return rc;
    memcpy(r.rgrid, r.grid, sizeof(r.grid));
    r.nrgrid = r.ngrid;
    /* a block lynx laid out on a grid of more columns than any row has
     * values (every row with a blank cell) says how many cells the
     * table's rows have, the blocks it could not lay out too */
    size_t most = r.ngrid, owns = 0, own_most = 0;
    for (size_t l = l0; l < l1;) {
        if (ogi__table_is_empty_line(t, l)) {
            l++;
            continue;
        }
        if ((rc = ogi__lynx_block_grid(&r, l, l0, l1)))
            return rc;
        if (r.ngrid > most)
            most = r.ngrid;
        if (r.own) {
            owns++;
            if (r.ngrid > own_most)
                own_most = r.ngrid;
        }
        l = r.b1;
    }
    /* blocks lynx laid out each on a grid of its own (a table the page
     * split, each part's columns where its own widest cells put them):
     * the region's grid, wider than any of theirs, is their columns
     * side by side, no grid of the table's */
    if (owns >= 2 && r.nrgrid > own_most) {
        r.nrgrid = 0;
        most = own_most;
    }
    /* with no grid anywhere, the rows' gaps may say more cells (where
     * lynx kept a grid, its gaps are its padding) */
    if (most > r.width)
        r.width = most;
    else if (!most && by_gaps)
        r.width = by_gaps;
    r.b0 = r.b1 = 0;
    word_t w[MAX_WORDS];
    size_t empties = 0; /* empty lines since the last cell's line */
    int after_cell = 0; /* the last content was a cell of its own line */
    size_t l = l0;
    while (l < l1) {
        if (ogi__table_is_empty_line(t, l)) {
            empties++;
            l++;
            continue;
        }
        if (ogi__table_is_page_line(t, l)) {
            l++;
            continue;
        }
        size_t n = ogi__lynx_line_words(t, l, w, MAX_WORDS);
        /* k empty lines between two paragraphs: k - 1 cells of &nbsp; */
        size_t gap_cells = after_cell && empties > 1 ? empties - 1 : 0;
        empties = 0;
        if (!is_lone(w, n)) {
            if (gap_cells && r.in_row && r.row_values &&
                (rc = add_blanks(&r, gap_cells, t->lines[l].start)))
                return rc;
            size_t more = wrapped(t, l, l1, w, n);
            if ((rc = open_row(&r, l)) || (rc = ogi__lynx_block_grid(&r, l, l0, l1)) ||
                (rc = row_line(&r, l, w, n + more)))
                return rc;
            after_cell = 0;
            l += more ? 2 : 1;
            continue;
        }
        if (w[0].value && n == 1) {
            if (!r.in_row && (rc = open_row(&r, l)))
                return rc;
            if ((rc = add_blanks(&r, gap_cells, w[0].a)))
                return rc;
            /* a paragraph of white space alone (<o:p> </o:p>) leaves
             * nothing: between two values, cells may be hidden; a gap
             * the format's arithmetic fills where the row is short */
            if (r.row_values && r.labelled &&
                !ogi__table_add(tb, OGI__CELL_BLANK, hidden, sizeof(hidden) - 1,
                                w[0].a, 0))
                return OGI_ENOMEM;
            if (!ogi__table_add(tb, OGI__CELL_VALUE, t->s + w[0].a,
                                w[0].b - w[0].a, w[0].a, w[0].b - w[0].a))
                return OGI_ENOMEM;
            r.row_values++;
            after_cell = 1;
            l++;
            continue;
        }
        /* a label opens a row; the blanks before it end the row above,
         * all of them where the row is only its label and &nbsp; cells */
        if (gap_cells && r.in_row &&
            (rc = add_blanks(&r, gap_cells, t->lines[l].start)))
            return rc;
        if ((rc = open_row(&r, l)))
            return rc;
        r.labelled = 1;
        /* a label wrapped over lines with no empty line between: one cell */
        size_t m = l + 1, a = w[0].a, b = w[n - 1].b;
        word_t w2[MAX_WORDS];
        while (m < l1 && !ogi__table_is_empty_line(t, m) &&
               !ogi__table_is_page_line(t, m)) {
            size_t n2 = ogi__lynx_line_words(t, m, w2, MAX_WORDS);
            if (!is_lone(w2, n2) || (n2 == 1 && w2[0].value))
                break;
            b = w2[n2 - 1].b;
            m++;
        }
        if (m == l + 1) {
            if ((rc = ogi__table_add_words(tb, t->s + a, b - a, a)))
                return rc;
        } else {
            /* joined without the line breaks and the margin */
            char *buf = ogi_arena_alloc(tb->arena, b - a);
            if (!buf)
                return OGI_ENOMEM;
            size_t k = 0;
            for (size_t x = l; x < m; x++) {
                size_t n2 = ogi__lynx_line_words(t, x, w2, MAX_WORDS);
                size_t p = w2[0].a, q = w2[n2 - 1].b;
                if (k && q > p && (unsigned char)buf[k - 1] < 0x80 &&
                    (unsigned char)t->s[p] < 0x80)
                    buf[k++] = ' ';
                memcpy(buf + k, t->s + p, q - p);
                k += q - p;
            }
            if (!ogi__table_add(tb, OGI__CELL_LABEL, buf, k, a, b - a))
                return OGI_ENOMEM;
        }
        after_cell = 1;
        l = m;
    }
    /* k empty lines after the last paragraph: k - 1 cells of &nbsp; */
    if (after_cell && empties > 1 && r.in_row && r.row_values &&
        (rc = add_blanks(&r, empties - 1, t->lines[l1 - 1].end)))
        return rc;
    close_row(&r);
    return 0;
}

const ogi__reader_t ogi__read_lynx = {"lynx", probe, read};
