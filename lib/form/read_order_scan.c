/*
 * read_order_scan.c - the reading-order reader's first step
 * (read_order_int.h): a region's lines as items (read_order_pieces.c
 * makes them pieces).
 */
#include "ogi_int.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "label_int.h"
#include "ogi/error.h"
#include "ogi/skeleton.h"
#include "read_order_int.h"
#include "reader_int.h"

void
ogi__order_line_content(const ogi_text_t *t, size_t l, size_t *a, size_t *b)
{
    size_t i = t->lines[l].start, e = t->lines[l].end;
    while (i < e && ogi_text_is_space((unsigned char)t->s[i]))
        i++;
    while (e > i && ogi_text_is_space((unsigned char)t->s[e - 1]))
        e--;
    *a = i;
    *b = e;
}

/* ---- items, values, pieces ---- */

/*
 * Where text s[a, b) holds a second cell: pdftotext sets the cells of a
 * table that sit on one text line apart by a single space ("三、本年度办
 * 理结果 （一）予以公开"), and a word that starts with an item's number
 * starts a cell of its own. The offset of that word, or 0.
 */
static size_t
next_cell(const char *s, size_t a, size_t b)
{
    /* the places after a space only, space to space (most lines of a
     * label hold none) */
    for (size_t i = a + 1; i < b; i++) {
        const char *sp = memchr(s + i - 1, ' ', b - i);
        if (!sp)
            return 0;
        i = (size_t)(sp - s) + 1;
        if (s[i] != ' ' && ogi__table_starts_numbered(s + i, b - i))
            return i;
    }
    return 0;
}

/* The end of the word at s[i..b): the next space, or b. */
static inline size_t
word_end(const char *s, size_t i, size_t b)
{
    const char *sp = i < b ? memchr(s + i, ' ', b - i) : NULL;
    return sp ? (size_t)(sp - s) : b;
}

/*
 * Three for each space and two for each zero of s[a..b): the items a
 * stretch of lines can make at most beyond one a line (a value and a gap
 * per space or zero, values side by side or zeros run together, and a
 * cell that shares its line starts after a space). Sixteen bytes at a
 * time, the matches summed per byte lane and the lanes added up before
 * any can pass 255.
 */
static size_t
items_bound(const char *s, size_t a, size_t b)
{
    size_t n = 0, i = a;
#if defined(__SSE2__) && defined(__GNUC__)
    const __m128i sp = _mm_set1_epi8(' '), zero = _mm_set1_epi8('0');
    while (b - i >= 16) {
        __m128i spaces = _mm_setzero_si128(), zeros = _mm_setzero_si128();
        /* a lane counts one per block: at most 255 blocks before the sum */
        for (size_t k = 0; k < 255 && b - i >= 16; k++, i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            /* a match is -1 in its lane: subtracting counts it */
            spaces = _mm_sub_epi8(spaces, _mm_cmpeq_epi8(v, sp));
            zeros = _mm_sub_epi8(zeros, _mm_cmpeq_epi8(v, zero));
        }
        /* each lane's count, up to 255, summed in two 64-bit halves */
        __m128i ns = _mm_sad_epu8(spaces, _mm_setzero_si128()),
                nz = _mm_sad_epu8(zeros, _mm_setzero_si128());
        size_t nsp = (size_t)_mm_cvtsi128_si32(ns) +
                     (size_t)_mm_cvtsi128_si32(_mm_srli_si128(ns, 8));
        size_t nzr = (size_t)_mm_cvtsi128_si32(nz) +
                     (size_t)_mm_cvtsi128_si32(_mm_srli_si128(nz, 8));
        n += 3 * nsp + 2 * nzr;
    }
#endif
    for (; i < b; i++)
        n += s[i] == ' ' ? 3 : s[i] == '0' ? 2 : 0;
    return n;
}

/*
 * pdftotext sets the cells of a row that sit close side by side on one
 * line a space apart ("0 0", "不适用 - 1"), or with no space at all where
 * they are narrow ("0 00000 0"). When every word of s[a, b) is a value (a
 * sign word joined to its number: "减 22"), the cells' spans into w (up
 * to cap), a word of zeros a cell per zero, and their count when at
 * least two; else 0.
 */
static size_t
value_words(const char *s, size_t a, size_t b, uint32_t (*w)[2], size_t cap)
{
    size_t n = 0, i = a;
    while (i < b) {
        while (i < b && s[i] == ' ')
            i++;
        if (i == b)
            break;
        size_t w0 = i;
        i = word_end(s, i, b);
        if (i - w0 == 3 &&
            (memcmp(s + w0, "增", 3) == 0 || memcmp(s + w0, "减", 3) == 0)) {
            while (i < b && s[i] == ' ')
                i++;
            i = word_end(s, i, b);
        }
        ogi_num_t num;
        if (ogi_number_parse(s + w0, i - w0, &num) == OGI_NUM_NONE)
            return 0;
        /* zeros run together ("00000": narrow cells set close, their
         * digits joined): no number is written with a leading zero, so
         * each zero is a cell, and so are the zeros before a count's
         * digits ("01": a cell 0, then a cell 1) */
        size_t z = w0;
        while (z < i && s[z] == '0')
            z++;
        size_t d = z;
        while (d < i && s[d] >= '0' && s[d] <= '9')
            d++;
        size_t lead = z == i ? i - w0 : d == i ? z - w0 : 0;
        for (size_t c = w0; c < i;) {
            size_t e = c < w0 + lead ? c + 1 : i;
            if (n == cap)
                return 0;
            w[n][0] = (uint32_t)c;
            w[n][1] = (uint32_t)e;
            n++;
            c = e;
        }
    }
    return n >= 2 ? n : 0;
}

/*
 * A value wrapped over two lines in a narrow column ("不适" then "用"):
 * when text s[a, b) and the next line's s[a2, b2), both a short word,
 * read together as a placeholder, their join in the arena into *js, *jn.
 * Returns 1 when joined, 0 when not, OGI_ENOMEM.
 */
static int
wrapped_value(ogi_arena_t *arena, const char *s, size_t a, size_t b, size_t a2,
              size_t b2, const char **js, uint32_t *jn)
{
    if (b - a > 9 || b2 - a2 > 9 || b2 == a2 || memchr(s + a, ' ', b - a) ||
        memchr(s + a2, ' ', b2 - a2))
        return 0;
    char buf[20];
    memcpy(buf, s + a, b - a);
    memcpy(buf + (b - a), s + a2, b2 - a2);
    size_t n = (b - a) + (b2 - a2);
    ogi_num_t num;
    if (ogi_number_parse(buf, n, &num) != OGI_NUM_PLACEHOLDER)
        return 0;
    char *j = ogi_arena_alloc(arena, n + 1);
    if (!j)
        return OGI_ENOMEM;
    memcpy(j, buf, n);
    j[n] = '\0';
    *js = j;
    *jn = (uint32_t)n;
    return 1;
}

/* 1 when line l is outside [l0, l1), blank or a footer: a block's edge. */
static int
block_edge(const ogi_text_t *t, size_t l0, size_t l1, size_t l)
{
    return l < l0 || l >= l1 || ogi__table_is_empty_line(t, l) ||
           ogi__table_is_page_line(t, l);
}

/*
 * An amount wrapped in a narrow column ("85005400.2" then "8"): a block
 * of exactly two lines, the first a number with a decimal point that
 * fills the column, the second one to three digits. No block of one
 * column's cells looks so: each cell of a table's values is a block of
 * its own or a line of a column of several, and a column of amounts
 * holds more than a digit's tail under its first. Their join in the
 * arena into *js, *jn; returns 1 when joined, 0 when not, OGI_ENOMEM.
 */
static int
wrapped_amount(ogi_arena_t *arena, const ogi_text_t *t, size_t l0, size_t l1,
               size_t l, const char **js, uint32_t *jn)
{
    size_t a, b, a2, b2;
    /* the line's own shape first: most values are short, or whole */
    ogi__order_line_content(t, l, &a, &b);
    if (b - a < 6 || b - a > 16 || !memchr(t->s + a, '.', b - a))
        return 0;
    if (block_edge(t, l0, l1, l + 1) || !block_edge(t, l0, l1, l + 2) ||
        (l > l0 && !block_edge(t, l0, l1, l - 1)))
        return 0;
    ogi__order_line_content(t, l + 1, &a2, &b2);
    if (b2 - a2 > 3)
        return 0;
    for (size_t i = a; i < b; i++)
        if (!(t->s[i] >= '0' && t->s[i] <= '9') && t->s[i] != '.')
            return 0;
    for (size_t i = a2; i < b2; i++)
        if (!(t->s[i] >= '0' && t->s[i] <= '9'))
            return 0;
    char buf[20];
    size_t n = (b - a) + (b2 - a2);
    memcpy(buf, t->s + a, b - a);
    memcpy(buf + (b - a), t->s + a2, b2 - a2);
    ogi_num_t num;
    if (ogi_number_parse(buf, n, &num) != OGI_NUM_VALUE)
        return 0;
    char *j = ogi_arena_alloc(arena, n + 1);
    if (!j)
        return OGI_ENOMEM;
    memcpy(j, buf, n);
    j[n] = '\0';
    *js = j;
    *jn = (uint32_t)n;
    return 1;
}

/* 1 when text item i is a money unit alone on its line ("元", "万元"). */
static int
unit_alone(const order_t *o, size_t i)
{
    const item_t *u = &o->items[i];
    size_t a, b, n = u->b - u->a;
    /* (the unit first: its line looked at for the few items that are) */
    if (u->kind != IT_TEXT || u->js ||
        !((n == strlen("元") && memcmp(o->t->s + u->a, "元", n) == 0) ||
          (n == strlen("万元") && memcmp(o->t->s + u->a, "万元", n) == 0)))
        return 0;
    ogi__order_line_content(o->t, u->line, &a, &b);
    return a == u->a && b == u->b;
}

/*
 * An amount's cell whose unit wrapped ("9002000元" in a narrow column):
 * pdftotext may write the unit's line as a block of its own right before
 * the number's. Value item *itp (not yet counted) after a unit alone and
 * a blank line takes the unit, joined in the arena ("9002000元"); the
 * unit's item is dropped and *itp moves to its place. Returns 0 or
 * OGI_ENOMEM.
 */
static int
unit_before(order_t *o, item_t **itp, ogi_arena_t *arena)
{
    size_t n = o->nitems;
    if (n < 2 || o->items[n - 1].kind != IT_GAP || !unit_alone(o, n - 2))
        return 0;
    const item_t *u = &o->items[n - 2];
    item_t cur = **itp;
    size_t vn = cur.b - cur.a, un = u->b - u->a;
    char *j = ogi_arena_alloc(arena, vn + un + 1);
    if (!j)
        return OGI_ENOMEM;
    memcpy(j, o->t->s + cur.a, vn);
    memcpy(j + vn, o->t->s + u->a, un);
    j[vn + un] = '\0';
    ogi_num_t num;
    if (ogi_number_parse(j, vn + un, &num) != OGI_NUM_VALUE)
        return 0;
    o->items[n - 2] = o->items[n - 1]; /* the gap */
    o->nitems = n - 1;
    cur.js = j;
    cur.jn = (uint32_t)(vn + un);
    *itp = &o->items[o->nitems];
    **itp = cur;
    return 0;
}

/* 1 when the first line after l (before l1) holding anything is a
 * value alone. */
static int
value_follows(const ogi_text_t *t, size_t l, size_t l1)
{
    for (size_t k = l + 1; k < l1; k++) {
        size_t a, b;
        ogi__order_line_content(t, k, &a, &b);
        if (a == b)
            continue;
        ogi_num_t num;
        return ogi_number_parse(t->s + a, b - a, &num) == OGI_NUM_VALUE;
    }
    return 0;
}

/*
 * The same unit written after its number's block ("1321000" then "元"),
 * when no value follows it (else it is the next one's, unit_before):
 * text item it (not yet counted), a unit alone after a value alone and a
 * blank line, joins that value in the arena. Returns 1 so, 0 when not,
 * OGI_ENOMEM.
 */
static int
unit_after(order_t *o, const item_t *it, size_t l1, ogi_arena_t *arena)
{
    size_t n = o->nitems;
    o->items[n] = *it;
    if (n < 2 || o->items[n - 1].kind != IT_GAP || !unit_alone(o, n) ||
        o->items[n - 2].kind != IT_NUM || o->items[n - 2].js ||
        value_follows(o->t, it->line, l1))
        return 0;
    item_t *v = &o->items[n - 2];
    size_t a, b;
    ogi__order_line_content(o->t, v->line, &a, &b);
    if (a != v->a || b != v->b)
        return 0; /* not a value alone on its line */
    size_t vn = v->b - v->a, un = it->b - it->a;
    char *j = ogi_arena_alloc(arena, vn + un + 1);
    if (!j)
        return OGI_ENOMEM;
    memcpy(j, o->t->s + v->a, vn);
    memcpy(j + vn, o->t->s + it->a, un);
    j[vn + un] = '\0';
    ogi_num_t num;
    if (ogi_number_parse(j, vn + un, &num) != OGI_NUM_VALUE)
        return 0;
    v->js = j;
    v->jn = (uint32_t)(vn + un);
    return 1;
}

/* The offset of the first no-break space of line l when the line holds
 * nothing else (blanks around it aside), else 0: an empty cell's
 * "&nbsp;" as a crawler keeps it. pdftotext writes none. */
static size_t
hole_at(const ogi_text_t *t, size_t l)
{
    size_t first = 0;
    for (size_t i = t->lines[l].start; i < t->lines[l].end; i++) {
        if (t->s[i] != ' ' && t->s[i] != '\t')
            return 0;
        if (!first && ogi__table_is_nbsp(t, i))
            first = i;
    }
    return first;
}

/* The blanks that indent line l, a no-break space not among them (it
 * is a cell's text: "&nbsp;0"). */
static size_t
indent_of(const ogi_text_t *t, size_t l)
{
    size_t i = t->lines[l].start;
    while (i < t->lines[l].end && (t->s[i] == ' ' || t->s[i] == '\t') &&
           !ogi__table_is_nbsp(t, i))
        i++;
    return i - t->lines[l].start;
}

/* The item next to i in direction d (+1, -1) that is neither a gap nor
 * a hole, or NULL. */
static const item_t *
near_item(const order_t *o, size_t i, int d)
{
    for (size_t k = i; d > 0 ? k + 1 < o->nitems : k > 0;) {
        k = d > 0 ? k + 1 : k - 1;
        if (o->items[k].kind != IT_GAP && o->items[k].kind != IT_HOLE)
            return &o->items[k];
    }
    return NULL;
}

/*
 * Settles each hole: an empty cell (a blank value) where values go on
 * after it, or where it ends a row of values written as they are (its
 * no-break space indented as the value before it: a row's cells come
 * from one template of the page); else a gap (an "&nbsp;" paragraph
 * between blocks).
 */
static void
settle_holes(order_t *o)
{
    const ogi_text_t *t = o->t;
    for (size_t i = 0; i < o->nitems; i++) {
        item_t *it = &o->items[i];
        if (it->kind != IT_HOLE)
            continue;
        const item_t *nx = near_item(o, i, 1), *pv = near_item(o, i, -1);
        int cell = nx && nx->kind == IT_NUM;
        if (!cell && pv && pv->kind == IT_NUM)
            cell = indent_of(t, it->line) == indent_of(t, pv->line);
        it->kind = cell ? IT_NUM : IT_GAP;
        it->b = it->a; /* no content: a blank cell */
    }
    /* the gaps are read as before: one per run of them */
    size_t w = 0;
    for (size_t i = 0; i < o->nitems; i++) {
        if (o->items[i].kind == IT_GAP && w && o->items[w - 1].kind == IT_GAP)
            continue;
        o->items[w++] = o->items[i];
    }
    o->nitems = w;
}

/* 1 when line l of [l0, l1) holds a content s[a, b) that is a line of
 * text, not a blank line or a footer. */
static int
text_line(const ogi_text_t *t, size_t l0, size_t l1, size_t l)
{
    return l >= l0 && l < l1 && !ogi__table_is_empty_line(t, l) &&
           !ogi__table_is_page_line(t, l) && !hole_at(t, l);
}

/*
 * 1 when line l, content s[a, b), is the "/" of a header "本年增/减"
 * wrapped in a narrow column, not a placeholder: pdftotext writes the
 * lines of the header cells side by side interleaved in one block
 * ("上一年 本年增" "处理决定数" "/" "项" "量" "减"), so the "/" sits
 * between lines of text, after a line of its block that ends with "增"
 * and before one that starts with "减".
 */
static int
change_slash(const ogi_text_t *t, size_t l0, size_t l1, size_t l, size_t a,
             size_t b)
{
    if (b - a != 1 || t->s[a] != '/' || !text_line(t, l0, l1, l - 1) ||
        !text_line(t, l0, l1, l + 1))
        return 0;
    int inc = 0, dec = 0;
    for (size_t k = l; k-- > l0 && text_line(t, l0, l1, k) && !inc;) {
        size_t ka, kb;
        ogi__order_line_content(t, k, &ka, &kb);
        inc = kb - ka >= 3 && memcmp(t->s + kb - 3, "增", 3) == 0;
    }
    for (size_t k = l + 1; k < l1 && text_line(t, l0, l1, k) && !dec; k++) {
        size_t ka, kb;
        ogi__order_line_content(t, k, &ka, &kb);
        dec = kb - ka >= 3 && memcmp(t->s + ka, "减", 3) == 0;
    }
    return inc && dec;
}

/* 1 when the content s[a, b) starts a sentence after its year ("年，我区
 *共收到…", "年度，…", "年1月15日", "年政府信息公开…"). */
static int
after_year(const char *s, size_t a, size_t b)
{
    /* the decoded text's commas are ASCII ("年,我区…") */
    static const char *const heads[] = {"年,",    "年度,",  "年，",
                                        "年度，", "年政府", "年度政府"};
    for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
        size_t n = strlen(heads[i]);
        if (b - a >= n && memcmp(s + a, heads[i], n) == 0)
            return 1;
    }
    return b - a > 3 && memcmp(s + a, "年", 3) == 0 && s[a + 3] >= '0' &&
           s[a + 3] <= '9';
}

/*
 * 1 when line l, content s[a, b), is the year of a sentence, not a value:
 * a browser prints the year of "2020年，我市…" in a text run of its own
 * (a span), and pdftotext writes it as a block apart, a line or two
 * before or after the rest ("年，我市未发生…" "" "2020"), inside a table's
 * region where it would be read as a cell. A year (1990 to 2099) alone
 * on its line whose nearest line of text, before it or after, starts so.
 */
static int
sentence_year(const ogi_text_t *t, size_t l, size_t a, size_t b)
{
    const char *s = t->s;
    if (b - a != 4 ||
        !(memcmp(s + a, "19", 2) == 0 || memcmp(s + a, "20", 2) == 0))
        return 0;
    for (size_t i = a; i < b; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    if (memcmp(s + a, "199", 3) < 0)
        return 0;
    /* the nearest lines with content, up to three lines away */
    for (int dir = -1; dir <= 1; dir += 2) {
        for (size_t k = 1; k <= 3; k++) {
            if (dir < 0 ? l < k : l + k >= t->nlines)
                break;
            size_t m = dir < 0 ? l - k : l + k, ka, kb;
            ogi__order_line_content(t, m, &ka, &kb);
            if (ka == kb)
                continue;
            if (after_year(s, ka, kb))
                return 1;
            break;
        }
    }
    return 0;
}

/*
 * A row's label and its first value with no space between ("规范性文件1",
 * "行政处罚977"): a browser sets the label cell and the first value's
 * close, and pdftotext writes them as one word. For text s[a, b) that
 * ends so, the value's start: a run of digits (a point among them) right
 * after a character outside ASCII, the text before it short and a row
 * label of Table 2 or 3; else b.
 */
static size_t
glued_value(const char *s, size_t a, size_t b)
{
    size_t v = b;
    while (v > a && ((s[v - 1] >= '0' && s[v - 1] <= '9') || s[v - 1] == '.'))
        v--;
    if (v == b || v == a || !(s[v] >= '0' && s[v] <= '9') ||
        !((unsigned char)s[v - 1] & 0x80) || v - a > CELL_MAX_BYTES)
        return b;
    ogi__label_t in;
    ogi__label_norm(s + a, v - a, &in);
    return ogi__order_label_tables(&in, OGI_T3) ? v : b;
}

int
ogi__order_scan(order_t *o, size_t l0, size_t l1, ogi_arena_t *arena)
{
    const ogi_text_t *t = o->t;
    /* items: one a line at most, and those of values and cells sharing
     * lines, bounded over the region's bytes at once (its lines follow
     * one another in the text) */
    size_t n = l1 - l0;
    if (l1 > l0)
        n += items_bound(t->s, t->lines[l0].start, t->lines[l1 - 1].end);
    o->items = ogi_arena_alloc(arena, (n + 1) * sizeof(*o->items));
    o->vals = ogi_arena_alloc(arena, (n + 1) * sizeof(*o->vals));
    o->pieces = ogi_arena_alloc(arena, (n + 1) * sizeof(*o->pieces));
    if (!o->items || !o->vals || !o->pieces)
        return OGI_ENOMEM;
    o->nitems = o->nvals = o->npieces = 0;
    int rc0 = ogi__order_find_page_numbers(o, arena);
    if (rc0)
        return rc0;
    int holes = 0;
    for (size_t l = l0; l < l1; l++) {
        item_t *it = &o->items[o->nitems];
        it->js = NULL; /* not joined with the next line's (wrapped_value) */
        it->jn = 0;
        size_t hole = hole_at(t, l);
        if (hole) {
            it->kind = IT_HOLE;
            it->line = (uint32_t)l;
            it->a = it->b = (uint32_t)hole;
            o->nitems++;
            holes = 1;
            continue;
        }
        if (ogi__table_is_empty_line(t, l) || ogi__order_page_line(o, l)) {
            /* a footer ends a block as a blank line does */
            if (o->nitems && o->items[o->nitems - 1].kind == IT_GAP)
                continue;
            it->kind = IT_GAP;
            it->line = (uint32_t)l;
            it->a = it->b = t->lines[l].start;
            o->nitems++;
            continue;
        }
        size_t a, b;
        ogi__order_line_content(t, l, &a, &b);
        ogi_num_t num;
        int parsed = ogi_number_parse(t->s + a, b - a, &num) != OGI_NUM_NONE;
        it->kind = parsed ? IT_NUM : IT_TEXT;
        if (it->kind == IT_NUM &&
            (change_slash(t, l0, l1, l, a, b) || sentence_year(t, l, a, b)))
            it->kind = IT_TEXT;
        it->line = (uint32_t)l;
        it->a = (uint32_t)a;
        it->b = (uint32_t)b;
        it->js = NULL;
        it->jn = 0;
        /* (a line of one word that is no number holds no values: most
         * lines of text) */
        int spaced = memchr(t->s + a, ' ', b - a) != NULL;
        if (it->kind == IT_NUM && !spaced) {
            int rc = unit_before(o, &it, arena);
            if (rc)
                return rc;
        }
        if (it->kind == IT_TEXT) {
            int rc = unit_after(o, it, l1, arena);
            if (rc < 0)
                return rc;
            if (rc)
                continue; /* the unit went to the value before */
        }
        /* (a value alone in one word holds several only as a run of
         * zeros or zeros before digits: any other word is one value,
         * value_words' none) */
        if ((it->kind == IT_TEXT && (spaced || parsed)) ||
            (it->kind == IT_NUM && !spaced && b - a >= 2 && t->s[a] == '0' &&
             t->s[a + 1] >= '0' && t->s[a + 1] <= '9')) {
            /* values side by side: each a single of its own, a gap
             * between, as if pdftotext had set them a block each */
            uint32_t w[LINE_MAX_VALUES][2];
            size_t nw = value_words(t->s, a, b, w, LINE_MAX_VALUES);
            for (size_t q = 0; q < nw; q++) {
                item_t *x = &o->items[o->nitems++];
                *x = *it;
                x->kind = q ? IT_GAP : IT_NUM;
                x->a = x->b = w[q][0];
                if (q) {
                    x = &o->items[o->nitems++];
                    *x = *it;
                    x->kind = IT_NUM;
                }
                x->a = w[q][0];
                x->b = w[q][1];
            }
            if (nw)
                continue;
        }
        if (it->kind == IT_NUM) {
            size_t a2, b2;
            int rc = wrapped_amount(arena, t, l0, l1, l, &it->js, &it->jn);
            if (rc < 0)
                return rc;
            if (rc) {
                ogi__order_line_content(t, l + 1, &a2, &b2);
                it->b = (uint32_t)b2;
                o->nitems++;
                l++;
                continue;
            }
        }
        if (it->kind == IT_TEXT) {
            size_t a2, b2;
            int rc = 0;
            if (l + 1 < l1 && !ogi__table_is_empty_line(t, l + 1) &&
                !ogi__order_page_line(o, l + 1)) {
                ogi__order_line_content(t, l + 1, &a2, &b2);
                rc = wrapped_value(arena, t->s, a, b, a2, b2, &it->js, &it->jn);
            }
            if (rc < 0)
                return rc;
            if (rc) {
                it->kind = IT_NUM;
                it->b = (uint32_t)b2;
                o->nitems++;
                l++;
                continue;
            }
        }
        o->nitems++;
        /* cells that share the line: text items of their own */
        size_t c;
        while (it->kind == IT_TEXT && (c = next_cell(t->s, it->a, it->b))) {
            item_t *nx = &o->items[o->nitems++];
            *nx = *it;
            nx->a = (uint32_t)c;
            size_t e = c;
            while (e > it->a && t->s[e - 1] == ' ')
                e--;
            it->b = (uint32_t)e;
            it = nx;
        }
        /* a row's label and its first value on one line ("行政规范性文件
         * 0"): the value an item of its own */
        size_t v = it->b;
        /* (a line without spaces is one word: its start, unwalked) */
        if (!spaced)
            v = it->a;
        while (it->kind == IT_TEXT && v > it->a && t->s[v - 1] != ' ')
            v--;
        if (it->kind == IT_TEXT &&
            ogi_number_parse(t->s + v, it->b - v, &num) == OGI_NUM_NONE) {
            size_t g = glued_value(t->s, v, it->b);
            if (g < it->b && g > it->a + 1)
                v = g;
        }
        if (it->kind == IT_TEXT && v > it->a + 1 &&
            ogi_number_parse(t->s + v, it->b - v, &num) != OGI_NUM_NONE) {
            size_t e = v;
            while (e > it->a && t->s[e - 1] == ' ')
                e--;
            ogi_num_t lead;
            /* not a value whose sign is a word ("增 16") */
            int sign = e - it->a == 3 && (memcmp(t->s + it->a, "增", 3) == 0 ||
                                          memcmp(t->s + it->a, "减", 3) == 0);
            /* nor values one after another ("0 0 0 16"): the line's
             * first word is no value */
            size_t w = it->a;
            while (w < e && t->s[w] != ' ')
                w++;
            if (!sign && ogi_number_parse(t->s + it->a, w - it->a, &lead) ==
                             OGI_NUM_NONE) {
                /* the row's other values before it, up to the label
                 * ("…已获取信息 0 0 0 0 0 0 0", "…信息 000000 0") */
                for (;;) {
                    size_t e2 = v, w0;
                    while (e2 > w && t->s[e2 - 1] == ' ')
                        e2--;
                    for (w0 = e2; w0 > w && t->s[w0 - 1] != ' '; w0--)
                        ;
                    if (w0 <= w || e2 == v ||
                        ogi_number_parse(t->s + w0, e2 - w0, &lead) ==
                            OGI_NUM_NONE)
                        break;
                    v = w0;
                }
                /* the row's first value glued to its label before them
                 * ("政府集中采购22 7426000元") */
                size_t e3 = v, w3;
                while (e3 > it->a && t->s[e3 - 1] == ' ')
                    e3--;
                for (w3 = e3; w3 > it->a && t->s[w3 - 1] != ' '; w3--)
                    ;
                size_t g3 = e3 < v ? glued_value(t->s, w3, e3) : e3;
                if (g3 < e3 && g3 > it->a + 1)
                    v = g3;
                e = v;
                while (e > it->a && t->s[e - 1] == ' ')
                    e--;
                uint32_t wv[LINE_MAX_VALUES][2];
                size_t nw = value_words(t->s, v, it->b, wv, LINE_MAX_VALUES);
                if (nw == 0) {
                    nw = 1;
                    wv[0][0] = (uint32_t)v;
                    wv[0][1] = it->b;
                }
                item_t lab = *it;
                it->b = (uint32_t)e;
                /* the first value next to its label, the others singles */
                for (size_t q = 0; q < nw; q++) {
                    item_t *nx = &o->items[o->nitems++];
                    *nx = lab;
                    if (q) {
                        nx->kind = IT_GAP;
                        nx->a = nx->b = wv[q][0];
                        nx = &o->items[o->nitems++];
                        *nx = lab;
                    }
                    nx->kind = IT_NUM;
                    nx->a = wv[q][0];
                    nx->b = wv[q][1];
                }
            }
        }
    }
    if (holes)
        settle_holes(o);
    return 0;
}
