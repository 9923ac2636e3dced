/*
 * read_order_scan.c - the reading-order reader's first step
 * (read_order_int.h): a region's lines as items, and the items as pieces.
 */
#include "ogi_int.h"

#include <string.h>

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
    for (size_t i = a + 1; i < b; i++)
        if (s[i - 1] == ' ' && s[i] != ' ' &&
            ogi__table_starts_numbered(s + i, b - i))
            return i;
    return 0;
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
        while (i < b && s[i] != ' ')
            i++;
        if (i - w0 == 3 &&
            (memcmp(s + w0, "增", 3) == 0 || memcmp(s + w0, "减", 3) == 0)) {
            while (i < b && s[i] == ' ')
                i++;
            while (i < b && s[i] != ' ')
                i++;
        }
        ogi_num_t num;
        if (ogi_number_parse(s + w0, i - w0, &num) == OGI_NUM_NONE)
            return 0;
        /* zeros run together ("00000": narrow cells set close, their
         * digits joined): no number is written with a leading zero, so
         * each zero is a cell */
        size_t z = w0;
        while (z < i && s[z] == '0')
            z++;
        size_t step = z == i ? 1 : i - w0;
        for (size_t c = w0; c < i; c += step) {
            if (n == cap)
                return 0;
            w[n][0] = (uint32_t)c;
            w[n][1] = (uint32_t)(c + step);
            n++;
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
    if (block_edge(t, l0, l1, l + 1) || !block_edge(t, l0, l1, l + 2) ||
        (l > l0 && !block_edge(t, l0, l1, l - 1)))
        return 0;
    ogi__order_line_content(t, l, &a, &b);
    ogi__order_line_content(t, l + 1, &a2, &b2);
    if (b - a < 6 || b - a > 16 || b2 - a2 > 3 || !memchr(t->s + a, '.', b - a))
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

/* Page numbers sit this far at most below their page's place in the
 * text: a cover or a contents page left unnumbered. */
#define PAGE_SHIFT_MAX 2
/* Pages that must end in their number: two could by chance, a table's
 * small values ending pages 3 and 5 ("2", "4") as the numbers of a
 * document whose first page is a cover. */
#define PAGE_MIN_NUMBERED 3

/* 1 when line l starts a page: pdftotext ends each page with a form
 * feed, at the start of the next page's first line, which the decoded
 * text holds as a space (lib/form/text.c); pdftotext indents no line of
 * its reading order. */
static int
page_start(const ogi_text_t *t, size_t l)
{
    const char *s = t->s + t->lines[l].start;
    size_t n = t->lines[l].end - t->lines[l].start;
    return n >= 1 && s[0] == ' ' && (n == 1 || (s[1] != ' ' && s[1] != '\t'));
}

/* The number at s[*i, b) (one to three digits, not starting with 0),
 * *i past it; 0 when none. */
static size_t
page_digits(const char *s, size_t *i, size_t b)
{
    size_t v = 0, q = *i;
    if (q == b || s[q] == '0')
        return 0;
    for (; q < b && q - *i < 4 && s[q] >= '0' && s[q] <= '9'; q++)
        v = v * 10 + (size_t)(s[q] - '0');
    if (q - *i > 3)
        return 0;
    *i = q;
    return v;
}

/* The number line p holds when a bare page number could ("3"), or the
 * page of a "3 / 12" (the page of the pages; "3/12" is a footer to
 * ogi_text_is_page_number, not spaced so), else 0. */
static size_t
bare_number(const ogi_text_t *t, size_t p)
{
    size_t a, b;
    ogi__order_line_content(t, p, &a, &b);
    size_t v = page_digits(t->s, &a, b);
    if (!v || a == b)
        return a == b ? v : 0;
    while (a < b && t->s[a] == ' ')
        a++;
    if (a == b || t->s[a] != '/')
        return 0;
    a++;
    while (a < b && t->s[a] == ' ')
        a++;
    size_t of = page_digits(t->s, &a, b);
    return a == b && of >= v ? v : 0;
}

/* Lines before a page's start a footer may sit among, when pdftotext
 * wrote it before the page's last blocks. */
#define PAGE_FOOT_LINES 6

/*
 * Page numbers written bare ("3", not "-3-"): a page's footer is the
 * last line before the next page's start, or, where pdftotext wrote the
 * page's last blocks after it, among the few lines before. A bare number
 * ending a page is a footer when the document numbers its pages so:
 * PAGE_MIN_NUMBERED pages at least, and most of those that end in a bare
 * number, end in their own number (the pages' count, less the pages
 * left unnumbered at the front; footers on odd pages only are common).
 * A table's small values that happen to end pages seldom make such a
 * run. A page that does not end in its number has it among its last
 * lines only when more than half the document's pages, three or more,
 * end in theirs. The footers' lines into o->pages. Returns 0 or
 * OGI_ENOMEM.
 */
static int
find_page_numbers(order_t *o, ogi_arena_t *arena)
{
    const ogi_text_t *t = o->t;
    size_t votes[PAGE_SHIFT_MAX + 1] = {0}, bare = 0, k = 0, shift = 0;
    int strong = 0;
    o->npages = 0;
    o->pages = NULL;
    /* two passes: the votes, then the footers of the shift that won */
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            for (size_t d = 1; d <= PAGE_SHIFT_MAX; d++)
                if (votes[d] > votes[shift])
                    shift = d;
            if (votes[shift] < PAGE_MIN_NUMBERED || votes[shift] * 2 <= bare)
                return 0;
            strong = votes[shift] >= 3 && votes[shift] * 2 > k;
            o->pages = ogi_arena_alloc(arena, (k + 1) * sizeof(*o->pages));
            if (!o->pages)
                return OGI_ENOMEM;
        }
        k = 0;
        /* (a first line that starts a page: an empty page before) */
        for (size_t l = 0; l < t->nlines; l++) {
            if (!page_start(t, l))
                continue;
            k++;
            /* the page's content lines from its last, up */
            size_t seen = 0;
            for (size_t p = l; p-- > 0 && !page_start(t, p);) {
                if (ogi__table_is_empty_line(t, p))
                    continue;
                size_t v = bare_number(t, p);
                if (pass == 0) {
                    if (v) {
                        bare++;
                        if (v <= k && k - v <= PAGE_SHIFT_MAX)
                            votes[k - v]++;
                    }
                    break;
                }
                if (v && v <= k && k - v == shift) {
                    o->pages[o->npages++] = (uint32_t)p;
                    break;
                }
                if (!strong || ++seen == PAGE_FOOT_LINES)
                    break;
            }
        }
    }
    return 0;
}

/* 1 when line l is a page's footer: a page number, bare or marked. */
static int
page_line(const order_t *o, size_t l)
{
    if (ogi__table_is_page_line(o->t, l))
        return 1;
    for (size_t i = 0; i < o->npages; i++)
        if (o->pages[i] == l)
            return 1;
    return 0;
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
    for (int id = 0; id <= OGI_T3; id++) {
        const ogi_skel_table_t *sk = ogi_skeleton_table((ogi_table_id_t)id);
        for (size_t r = 0; r < sk->nrows; r++)
            if (!(sk->rows[r].flags & OGI_ROW_GROUP) &&
                ogi__label_score_row(&in, (ogi_table_id_t)id, r, 0) >=
                    LABEL_MIN_SCORE)
                return v;
    }
    return b;
}

int
ogi__order_scan(order_t *o, size_t l0, size_t l1, ogi_arena_t *arena)
{
    const ogi_text_t *t = o->t;
    size_t n = l1 - l0;
    for (size_t l = l0; l < l1; l++) {
        size_t a, b, c;
        ogi__order_line_content(t, l, &a, &b);
        /* values one after another: a value and a gap per space, or
         * per zero of a run of zeros */
        for (size_t i = a; i < b; i++)
            n += t->s[i] == ' ' || t->s[i] == '0' ? 2 : 0;
        while (a < b && (c = next_cell(t->s, a, b)) != 0) {
            n++;
            a = c;
        }
        n++; /* a value at the end of the line */
    }
    o->items = ogi_arena_alloc(arena, (n + 1) * sizeof(*o->items));
    o->vals = ogi_arena_alloc(arena, (n + 1) * sizeof(*o->vals));
    o->pieces = ogi_arena_alloc(arena, (n + 1) * sizeof(*o->pieces));
    if (!o->items || !o->vals || !o->pieces)
        return OGI_ENOMEM;
    o->nitems = o->nvals = o->npieces = 0;
    int rc0 = find_page_numbers(o, arena);
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
        if (ogi__table_is_empty_line(t, l) || page_line(o, l)) {
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
        it->kind = ogi_number_parse(t->s + a, b - a, &num) != OGI_NUM_NONE
                       ? IT_NUM
                       : IT_TEXT;
        if (it->kind == IT_NUM &&
            (change_slash(t, l0, l1, l, a, b) || sentence_year(t, l, a, b)))
            it->kind = IT_TEXT;
        it->line = (uint32_t)l;
        it->a = (uint32_t)a;
        it->b = (uint32_t)b;
        it->js = NULL;
        it->jn = 0;
        if (it->kind == IT_TEXT ||
            (it->kind == IT_NUM && !memchr(t->s + a, ' ', b - a))) {
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
                !page_line(o, l + 1)) {
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

int64_t
ogi__order_item_count(const order_t *o, const item_t *it)
{
    ogi_num_t num;
    const char *s = it->js ? it->js : o->t->s + it->a;
    size_t n = it->js ? it->jn : it->b - it->a;
    ogi_num_kind_t k = ogi_number_parse(s, n, &num);
    if (k == OGI_NUM_PLACEHOLDER)
        return 0;
    if (k != OGI_NUM_VALUE || num.scale || num.value < 0 ||
        num.value > INT32_MAX)
        return -1;
    return num.value;
}

/* 1 when item it is plain digits (no sign, point or placeholder), the
 * first not a zero unless alone: a piece of a wrapped number. */
static int
plain_digits(const order_t *o, const item_t *it)
{
    if (it->kind != IT_NUM || it->js || it->b == it->a)
        return 0;
    for (uint32_t q = it->a; q < it->b; q++)
        if (o->t->s[q] < '0' || o->t->s[q] > '9')
            return 0;
    return 1;
}

/*
 * 1 when items [i, e) on consecutive lines are the pieces of one number
 * wrapped in a narrow column: every line but the last as wide as the
 * first (the column's width, filled), the last no wider, the first not
 * starting with a zero. The number into *joined.
 */
static int
wrap_shape(const order_t *o, size_t i, size_t e, int64_t *joined)
{
    size_t w = o->items[i].b - o->items[i].a;
    if (e - i < 2 || o->t->s[o->items[i].a] == '0')
        return 0;
    int64_t v = 0;
    size_t digits = 0;
    for (size_t q = i; q < e; q++) {
        const item_t *x = &o->items[q];
        size_t n = x->b - x->a;
        if (n > w || (q + 1 < e && n != w))
            return 0;
        digits += n;
        if (digits > 9)
            return 0;
        for (uint32_t c = x->a; c < x->b; c++)
            v = v * 10 + (o->t->s[c] - '0');
    }
    *joined = v;
    return 1;
}

/* Wrapped values joined among a row's values at most (a row's narrow
 * columns: 自然人 and 总计 in LibreOffice's tables), and the lines of
 * the block one of them starts at most. */
#define WRAP_MAX_JOINS 2
#define WRAP_MAX_LINES 4

/* A value wrapped at the start of its block: the block's items
 * [p, p + n), its first and last the value's pieces. */
typedef struct {
    uint32_t p, n;
} wrap_t;

/*
 * 1 when items [p, p + n), before lim, are a whole block of numbers on
 * consecutive lines that starts with a value wrapped in its narrow
 * column: its first line fills the column (two digits or more: digits
 * one per line among other numbers are a column block's cells), its
 * tail is the block's last line, no wider. Between them sit the cells
 * of the next columns on the row's line: pdftotext writes a block's
 * lines from the top, and the wrapped value starts above them and ends
 * below ("104" "0" "1": 1041 then 0). The wrapped value into *v, the
 * sum of the cells between into *mid.
 */
static int
wrap_block(const order_t *o, size_t p, size_t n, size_t lim, int64_t *v,
           int64_t *mid)
{
    const item_t *x = &o->items[p], *y = &o->items[p + n - 1];
    if (n < 2 || !plain_digits(o, x) || !plain_digits(o, y) ||
        x->b - x->a < 2 || y->b - y->a > x->b - x->a || o->t->s[x->a] == '0' ||
        (x->b - x->a) + (y->b - y->a) > 9 ||
        (p > 0 && o->items[p - 1].kind == IT_NUM))
        return 0;
    if (p + n < lim && o->items[p + n].kind == IT_NUM &&
        o->items[p + n].line == y->line + 1)
        return 0; /* the block goes on */
    *mid = 0;
    for (size_t q = p + 1; q < p + n; q++) {
        if (o->items[q].kind != IT_NUM ||
            o->items[q].line != o->items[q - 1].line + 1)
            return 0;
        if (q + 1 < p + n) {
            int64_t c = ogi__order_item_count(o, &o->items[q]);
            if (c < 0)
                return 0;
            *mid += c;
        }
    }
    int64_t j = 0;
    for (uint32_t c = x->a; c < x->b; c++)
        j = j * 10 + (o->t->s[c] - '0');
    for (uint32_t c = y->a; c < y->b; c++)
        j = j * 10 + (o->t->s[c] - '0');
    *v = j;
    return 1;
}

/*
 * 1 when the items before q (blank lines between them only; lim the
 * end of the items written) end with `left` values that add up to rest,
 * taking up to `joins` blocks that start with a wrapped value as their
 * values; those blocks into at[*nat].
 */
static int
fit_back(const order_t *o, size_t q, size_t lim, size_t left, int64_t rest,
         int joins, wrap_t *at, size_t *nat)
{
    while (q > 0 && o->items[q - 1].kind == IT_GAP)
        q--;
    if (left == 0)
        return rest == 0;
    if (q == 0 || o->items[q - 1].kind != IT_NUM)
        return 0;
    int64_t v = ogi__order_item_count(o, &o->items[q - 1]), mid;
    if (v < 0)
        return 0;
    if (fit_back(o, q - 1, lim, left - 1, rest - v, joins, at, nat))
        return 1;
    for (size_t n = 2;
         joins > 0 && n <= WRAP_MAX_LINES && n <= q && n - 1 <= left; n++)
        if (wrap_block(o, q - n, n, lim, &v, &mid) &&
            fit_back(o, q - n, lim, left - (n - 1), rest - v - mid, joins - 1,
                     at, nat)) {
            at[*nat].p = (uint32_t)(q - n);
            at[*nat].n = (uint32_t)n;
            (*nat)++;
            return 1;
        }
    return 0;
}

/* 1 when one of the items a row's values before w span (a row's six
 * values, each with the gap after it, and a block's extra lines) starts
 * a block of numbers two digits wide or more on consecutive lines: a
 * value wrapped there could be joined (wrap_block). */
static int
may_wrap_before(const order_t *o, size_t w)
{
    size_t from = w > 4 * T3_COLS ? w - 4 * T3_COLS : 0;
    for (size_t q = from; q + 1 < w; q++) {
        const item_t *x = &o->items[q], *y = &o->items[q + 1];
        if (x->kind == IT_NUM && y->kind == IT_NUM && !x->js &&
            x->b - x->a >= 2 && y->line == x->line + 1 &&
            (q == 0 || o->items[q - 1].kind != IT_NUM))
            return 1;
    }
    return 0;
}

/* The items idx[0..n) (n <= 9, in order) joined into one value item
 * (their digits in the arena), written at d. Returns 0 or OGI_ENOMEM. */
static int
join_items(order_t *o, const size_t *idx, size_t n, item_t *d,
           ogi_arena_t *arena)
{
    size_t len = 0;
    for (size_t k = 0; k < n; k++)
        len += o->items[idx[k]].b - o->items[idx[k]].a;
    char *s = ogi_arena_alloc(arena, len + 1);
    if (!s)
        return OGI_ENOMEM;
    size_t w = 0;
    for (size_t k = 0; k < n; k++) {
        const item_t *x = &o->items[idx[k]];
        memcpy(s + w, o->t->s + x->a, x->b - x->a);
        w += x->b - x->a;
    }
    s[w] = '\0';
    item_t x = o->items[idx[0]];
    x.b = o->items[idx[n - 1]].b;
    x.js = s;
    x.jn = (uint32_t)w;
    *d = x;
    return 0;
}

/*
 * A row's total in a narrow last column wraps over lines: a digit per
 * line ("796" as "7" "9" "6"), or as many digits as the column holds and
 * then the rest ("1076" as "107" "6", "538" as "53" "8"), after the
 * row's other values as singles. Such pieces, on consecutive lines, are
 * joined into one value where the number they make is the sum of the six
 * values before them (Table 3's row identity) or of the four (Table
 * 4's); pieces that make no such sum are left alone (a column of single
 * digits, a row's last values on lines of their own: "10" "0"). A value
 * of the row in another narrow column wraps the same way ("104" "0" for
 * 自然人's 1040, then the next column's "1"): where only such joins
 * among the values before make the total (wrapped or not) their sum,
 * the fewest that do are made.
 * Returns 0 or OGI_ENOMEM.
 */
int
ogi__order_join_wrapped_totals(order_t *o, ogi_arena_t *arena)
{
    size_t w = 0;
    for (size_t i = 0; i < o->nitems;) {
        size_t j = i;
        while (j < o->nitems && plain_digits(o, &o->items[j]) &&
               (j == i || o->items[j].line == o->items[j - 1].line + 1))
            j++;
        /* the longest run from i that makes the sum, with the fewest
         * joins among the values before */
        size_t end = 0, nat = 0;
        wrap_t at[WRAP_MAX_JOINS];
        /* the total a block of its own: pieces and values of a column
         * block's lines make sums by chance */
        int alone = w == 0 || o->items[w - 1].kind == IT_GAP;
        /* values joined only where a block among the row's values
         * before could start with a wrapped one */
        /* (a total on one line is 10 or more: a smaller one never
         * wraps) */
        int wide = j - i >= 2 || o->items[i].b - o->items[i].a >= 2;
        int max_joins = alone && j > i && wide && may_wrap_before(o, w)
                            ? WRAP_MAX_JOINS
                            : 0;
        int64_t two;
        if (!max_joins && (j - i < 2 || !wrap_shape(o, i, i + 2, &two))) {
            o->items[w++] = o->items[i++];
            continue; /* nothing to join (no longer run is shaped if its
                         first two lines are not) */
        }
        /* the sums of the four and of the six values before (-1: not
         * so many values), for the runs joined alone */
        int64_t plain[2] = {-1, -1}, sum = 0;
        size_t seen = 0;
        for (size_t q = w; q-- > 0 && seen < T3_COLS - 1;) {
            const item_t *x = &o->items[q];
            if (x->kind == IT_GAP)
                continue;
            int64_t v = x->kind == IT_NUM ? ogi__order_item_count(o, x) : -1;
            if (v < 0)
                break;
            sum += v;
            seen++;
            if (seen == 4 || seen == T3_COLS - 1)
                plain[seen != 4] = sum;
        }
        for (int joins = 0; joins <= max_joins && !end; joins++)
            for (size_t e = j; e > i && !end; e--) {
                int64_t total;
                /* pieces wider than a digit, or values joined: only a
                 * block of its own (digits one per line as before) */
                if ((joins || o->items[i].b - o->items[i].a > 1) &&
                    (!alone || (e < o->nitems && o->items[e].kind == IT_NUM)))
                    continue;
                if (e == i + 1) {
                    /* a total on one line: only with values joined */
                    total = ogi__order_item_count(o, &o->items[i]);
                    if (!joins || total < 10)
                        continue;
                } else if (!wrap_shape(o, i, e, &total)) {
                    continue;
                }
                if (!joins) {
                    if (total == plain[0] || total == plain[1])
                        end = e;
                    continue;
                }
                for (size_t left = 4; left <= T3_COLS - 1 && !end; left += 2) {
                    nat = 0;
                    if (fit_back(o, w, w, left, total, joins, at, &nat) &&
                        nat == (size_t)joins)
                        end = e;
                }
            }
        if (!end) {
            o->items[w++] = o->items[i++];
            continue;
        }
        /* the values' joins, last first: a block's first line takes
         * its last, the cells between stay */
        for (size_t k = nat; k-- > 0;) {
            size_t idx[2] = {at[k].p, at[k].p + at[k].n - 1};
            if (join_items(o, idx, 2, &o->items[idx[0]], arena))
                return OGI_ENOMEM;
            memmove(&o->items[idx[1]], &o->items[idx[1] + 1],
                    (w - idx[1] - 1) * sizeof(*o->items));
            w--;
        }
        if (end > i + 1) {
            size_t idx[9];
            for (size_t q = i; q < end; q++)
                idx[q - i] = q;
            if (join_items(o, idx, end - i, &o->items[w++], arena))
                return OGI_ENOMEM;
        } else {
            o->items[w++] = o->items[i];
        }
        i = end;
    }
    o->nitems = w;
    return 0;
}

/* A group: numbers on consecutive lines (one block of one column). */
typedef struct {
    size_t first; /* item index */
    size_t n;
} group_t;

/*
 * Turns the groups g[0..ng) (separated only by blank lines) into value
 * pieces: a run of groups of one line each gives single values; a run of
 * m groups of k >= 2 lines gives k rows of m values, column by column.
 * With width (> 0), a run of width * j column groups is j blocks side by
 * side, each width columns wide.
 */
static void
add_groups(order_t *o, const group_t *g, size_t ng, size_t width, uint32_t *bid)
{
    size_t i = 0;
    while (i < ng) {
        size_t j = i + 1;
        while (j < ng && g[j].n == g[i].n)
            j++;
        size_t k = g[i].n;
        /* one group alone is a row's cells one per line, not a column:
         * a column block has a group per column */
        if (k == 1 || j - i == 1) {
            for (size_t q = i; q < j; q++)
                for (size_t r = 0; r < g[q].n; r++) {
                    piece_t *p = &o->pieces[o->npieces++];
                    memset(p, 0, sizeof(*p));
                    p->first = (uint32_t)o->nvals;
                    p->count = 1;
                    p->bid = (*bid)++;
                    o->vals[o->nvals++] = (uint32_t)(g[q].first + r);
                }
            i = j;
            continue;
        }
        size_t m = j - i;
        size_t chunk = width && m > width && m % width == 0 ? width : m;
        for (size_t c0 = i; c0 < j; c0 += chunk) {
            for (size_t r = 0; r < k; r++) {
                piece_t *p = &o->pieces[o->npieces++];
                memset(p, 0, sizeof(*p));
                p->block = 1;
                p->first = (uint32_t)o->nvals;
                p->count = (uint32_t)chunk;
                p->bid = *bid;
                for (size_t c = c0; c < c0 + chunk; c++)
                    o->vals[o->nvals++] = (uint32_t)(g[c].first + r);
            }
            (*bid)++;
        }
        i = j;
    }
}

/*
 * The pieces of the region in reading order. Every value item lands in
 * exactly one value piece, so pieces and values never outnumber items.
 */
int
ogi__order_make_pieces(order_t *o, size_t width, ogi_arena_t *arena)
{
    group_t *g = ogi_arena_alloc(arena, (o->nitems + 1) * sizeof(*g));
    if (!g)
        return OGI_ENOMEM;
    uint32_t bid = 0;
    size_t i = 0;
    while (i < o->nitems) {
        const item_t *it = &o->items[i];
        if (it->kind == IT_GAP) {
            i++;
            continue;
        }
        if (it->kind == IT_TEXT) {
            piece_t *p = &o->pieces[o->npieces++];
            memset(p, 0, sizeof(*p));
            p->text = 1;
            p->item = (uint32_t)i;
            i++;
            continue;
        }
        /* groups separated by nothing but blank lines */
        size_t ng = 0;
        while (i < o->nitems && o->items[i].kind != IT_TEXT) {
            if (o->items[i].kind == IT_GAP) {
                i++;
                continue;
            }
            size_t s = i;
            while (i < o->nitems && o->items[i].kind == IT_NUM)
                i++;
            g[ng].first = s;
            g[ng].n = i - s;
            ng++;
        }
        add_groups(o, g, ng, width, &bid);
    }
    return 0;
}
