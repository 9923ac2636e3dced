/*
 * read_order.c - text in reading order (pdftotext without -layout).
 *
 * pdftotext writes each text block of the page in turn: one cell per
 * line, a blank line between blocks, page footers ("-2-") wherever the
 * page broke. Cells that sit close above one another in a column merge
 * into one block, so a table's values come out in three shapes:
 *
 *   singles   each cell its own block: a row's values one after another,
 *             rows in order ("21" "" "0" "" ... "21");
 *   columns   a block of k lines per column, m >= 2 such blocks in a
 *             row: k rows printed column by column (m groups of k
 *             numbers); one group alone is one row's cells, a line each;
 *   mixed     text lines inside a block of numbers ("195" then the next
 *             item's caption).
 *
 * Cells of a row that sit close side by side come out on one line, a
 * space apart ("0 0", "不适用 - 1", after their label or not), or with no
 * space where they are narrow ("0 00000 0": a zero per cell); each is a
 * single of its own. A placeholder can wrap in a narrow column ("不适"
 * then "用").
 *
 * Labels come in runs of their own, often far from their values: the
 * label just before a column block names its last row, a run of labels
 * may follow the values it names, the first row's label can come last.
 *
 * So values are reassembled first: singles in order, column blocks
 * transposed into rows. For Table 3 (recognised by its row labels), whose
 * rows have seven columns, the value rows are then paired with the
 * format's row order, and each printed label goes with the row it names:
 * the model gets one table row per skeleton row, label and values
 * together. Elsewhere (Table 2, Table 4, or a Table 3 whose value rows do
 * not number the format's rows), each line is its own table row as the
 * row-lines reader gives it, with column blocks transposed and paired
 * with the labels just before them; placement's order does the rest.
 * pdftotext leaves blank cells out, so in a Table 3 such a row of single
 * values between two labels may hold fewer than seven: it is read with a
 * gap before, between and after its values, each standing for up to the
 * cells missing, and the splitter places the blanks by the format's
 * arithmetic (P6 where several placements fit).
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
#include "swar_int.h"

/* What the probe looks at in a line. */
typedef struct {
    size_t a, b; /* its content: ogi__order_line_content's */
    int tab;     /* a tab anywhere in the line */
    int tab_in;  /* a tab in its content */
    int wide;    /* a run of three or more spaces in its content: the
                    columns of a -layout rendering, not reading order */
} marks_t;

/* The marks of content s[a, b) (no white space at either end): tabs and
 * runs of spaces. Sixteen places at a time, each with the two bytes after
 * it; the last sixteen, overlapping those before, are read the same way
 * rather than byte by byte. */
static void
content_marks(const char *s, size_t a, size_t b, marks_t *m)
{
    m->tab_in = m->wide = 0;
#if defined(__SSE2__) && defined(__GNUC__)
    if (b - a >= 18) {
        const __m128i sp = _mm_set1_epi8(' '), tb = _mm_set1_epi8('\t');
        for (size_t i = a;; i += 16) {
            if (b - i < 18)
                i = b - 18; /* the last places, again some */
            __m128i v0 =
                _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i v1 =
                _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
            __m128i v2 =
                _mm_loadu_si128((const __m128i *)(const void *)(s + i + 2));
            __m128i run = _mm_and_si128(
                _mm_cmpeq_epi8(v0, sp),
                _mm_and_si128(_mm_cmpeq_epi8(v1, sp), _mm_cmpeq_epi8(v2, sp)));
            m->wide |= _mm_movemask_epi8(run) != 0;
            /* bytes i to i + 17 */
            m->tab_in |=
                _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v0, tb),
                                               _mm_cmpeq_epi8(v2, tb))) != 0;
            if (i + 18 == b || (m->wide && m->tab_in))
                return;
        }
    }
#endif
    /* most lines in reading order are short (a value, a label's piece)
     * and hold no white space inside: looked for a word at a time, the
     * last word overlapping those before */
    if (b - a <= 2)
        return; /* no byte inside the ends, which are no white space */
    if (b - a >= 8) {
        uint64_t above = OGI__HIGHS;
        for (size_t i = a; i < b; i += 8)
            above &= ogi__word_above_space(
                ogi__word_load(s + (b - i < 8 ? b - 8 : i)));
        if (above == OGI__HIGHS)
            return;
    }
    for (size_t i = a; i < b; i++) {
        if (s[i] == '\t')
            m->tab_in = 1;
        else if (s[i] == ' ' && i + 3 <= b && s[i + 1] == ' ' &&
                 s[i + 2] == ' ')
            m->wide = 1;
    }
}

/* 1 when s[0, n) is a few digits only: a count, as ogi_number_parse
 * reads it (up to fifteen digits), told without the call. The most
 * common line of a table in reading order. */
static int
is_count(const char *s, size_t n)
{
    int64_t v;
    return n <= 8 && ogi_number_digits(s, n, &v);
}

/* 1 when s[0, n) is a value: a number or a placeholder. */
static int
is_value(const char *s, size_t n)
{
    ogi_num_t num;
    return ogi_number_parse(s, n, &num) != OGI_NUM_NONE;
}

/* 1 when s[a, b) is values a space apart, two or more ("176 0", a row's
 * cells side by side): its words' first bytes a digit or a sign before
 * each is parsed. */
static int
is_value_row(const char *s, size_t a, size_t b)
{
    size_t words = 0;
    for (size_t i = a; i < b;) {
        size_t e = i;
        while (e < b && s[e] != ' ')
            e++;
        if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '-') ||
            !is_value(s + i, e - i))
            return 0;
        words++;
        while (e < b && s[e] == ' ')
            e++;
        i = e;
    }
    return words >= 2;
}

/* The marks of line l of t. */
static void
line_marks(const ogi_text_t *t, size_t l, marks_t *m)
{
    const char *s = t->s;
    size_t i = t->lines[l].start, e = t->lines[l].end;
    int tab = 0;
    /* the white space around the content, as ogi__order_line_content
     * trims it, minding its tabs; an indentation of spaces (pdftotext
     * -layout's, dozens) eight at a time */
    if (i < e && s[i] == ' ')
        while (e - i >= 8 && ogi__word_all(ogi__word_load(s + i), ' '))
            i += 8;
    while (i < e && ogi_text_is_space((unsigned char)s[i]))
        tab |= s[i++] == '\t';
    while (e > i && ogi_text_is_space((unsigned char)s[e - 1]))
        tab |= s[--e] == '\t';
    m->a = i;
    m->b = e;
    content_marks(s, i, e, m);
    m->tab = tab || m->tab_in;
}

static int
probe(const ogi_text_t *t, size_t l0, size_t l1)
{
    /* one pass over the lines: the layout's marks settle most regions
     * early (tabs or aligned columns on more than one line in 20 are
     * another layout's, and so are tabs or aligned columns on many of
     * the lines that are no footer), the values the rest */
    size_t lines = 0, marked = 0, content = 0, tabs = 0, wide = 0;
    size_t nums = 0, shorts = 0;
    size_t gapped = 0; /* values with a blank line next to them */
    for (size_t l = l0; l < l1; l++) {
        /* blanks only: ogi__table_is_empty_line */
        if (ogi__table_is_empty_line(t, l))
            continue;
        marks_t m;
        line_marks(t, l, &m);
        size_t a = m.a, b = m.b;
        lines++;
        /* a tab anywhere: an indenting one is the cell-lines layout's */
        marked += m.tab || m.wide;
        /* settled whatever the lines left hold */
        if (marked * 20 > l1 - l0)
            return 0;
        if (ogi__table_is_page_line(t, l))
            continue;
        content++;
        tabs += (size_t)m.tab_in;
        wide += (size_t)m.wide;
        if (is_count(t->s + a, b - a) || is_value(t->s + a, b - a)) {
            nums++;
            shorts++;
            if ((l > l0 && ogi__table_is_empty_line(t, l - 1)) ||
                (l + 1 < l1 && ogi__table_is_empty_line(t, l + 1)))
                gapped++;
        } else if (b - a <= CELL_MAX_BYTES) {
            shorts++;
            /* a row's values side by side count as values */
            nums += (t->s[a] >= '0' && t->s[a] <= '9') &&
                    memchr(t->s + a, ' ', b - a) &&
                    is_value_row(t->s, a, b);
        }
    }
    /* tabs belong to the cell-lines and row-lines layouts, aligned
     * columns to -layout; a table has values: one line in six at least
     * (Table 2's small tables wrap their headers a word or two a line,
     * so that their few values are outnumbered by the lines of text) */
    if (marked * 20 > lines || content < 6 || tabs * 20 > content ||
        wide * 10 > content || nums < 3 || nums * 6 < content)
        return 0;
    /* blank lines between single values are pdftotext's blocks */
    int score = 30 + (int)(shorts * 40 / content);
    if (gapped * 2 >= nums)
        score += 10;
    return score;
}

/* ---- Table 3 by the format's order ---- */

/* A label: text items [first, last] joined (a label wrapped over lines:
 * the lines after the first carry no numbering of their own). */
typedef struct {
    uint32_t first, last;
    uint32_t skip; /* an item in (first, last] left out, or UINT32_MAX */
    long row;      /* skeleton row it names, or -1 (-2: none, left out) */
    int score;
} label_t;

/* 1 when text item i starts with a numbering ("1.", "（三）", "一、"). */
static int
has_numbering(const order_t *o, size_t i)
{
    /* through the normalisation's memo: the item is mostly the next
     * label's first line, normalised again to score it */
    ogi__label_t scratch;
    ogi__label_rows_t *slot;
    const ogi__label_t *in = ogi__label_norm_rows(
        o->t->s + o->items[i].a, o->items[i].b - o->items[i].a, &scratch,
        &slot);
    return in->num.level != 0;
}

/* Table 3's rows' label sets (the skeleton has at most 32 rows a table,
 * label.c's MAX_ROWS): the label module's, made once. */
typedef struct {
    const ogi__label_set_t *row;
    size_t n;
} t3_sets_t;

static void
t3_sets(t3_sets_t *s)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    s->n = sk->nrows < 64 ? sk->nrows : 64;
    s->row = ogi__label_row_sets(OGI_T3);
}

/* Scores the text items of l but skip against Table 3's rows: the row
 * and score into l (with skip) when better than l's. */
static void
score_label(const order_t *o, const t3_sets_t *sets, label_t *l, uint32_t skip)
{
    /* the label's text, squeezed of its line breaks, for matching */
    char buf[OGI__LABEL_MAX * 2];
    size_t len = 0;
    for (size_t q = l->first; q <= l->last; q++) {
        if (q == skip)
            continue;
        size_t w = o->items[q].b - o->items[q].a;
        if (w > sizeof(buf) - len)
            w = sizeof(buf) - len;
        memcpy(buf + len, o->t->s + o->items[q].a, w);
        len += w;
    }
    /* normalised with the rows it may match in one memo look-up (a
     * label seen in the text's other regions, or in another report,
     * costs no more) */
    ogi__label_t scratch;
    ogi__label_rows_t *slot;
    const ogi__label_t *in = ogi__label_norm_rows(buf, len, &scratch, &slot);
    /* the rows it may match only, in order */
    for (uint32_t may = ogi__label_rows_in(slot, in, OGI_T3); may;
         may &= may - 1) {
        size_t r = (size_t)__builtin_ctz(may);
        if (r >= sets->n)
            break;
        int s = ogi__label_score_set(in, &sets->row[r], 0);
        if (s >= LABEL_MIN_SCORE && s > l->score) {
            l->score = s;
            l->row = (long)r;
            l->skip = skip;
        }
    }
}

/* Bare numberings ("1." alone on its line) that make a label column's
 * numbering printed apart from its labels. */
#define APART_MIN 3

/* 1 when at least APART_MIN text items are a numbering alone ("1.",
 * "12."): the labels' numbering printed apart from them. */
static int
numbering_apart(const order_t *o)
{
    size_t n = 0;
    for (size_t i = 0; i < o->nitems && n < APART_MIN; i++) {
        const item_t *it = &o->items[i];
        size_t w = it->b - it->a;
        if (w - 2 > 1 || it->kind != IT_TEXT)
            continue; /* (w is 2 or 3) */
        const char *s = o->t->s + it->a;
        n += s[w - 1] == '.' && s[0] >= '1' && s[0] <= '9' &&
             (w == 2 || (s[1] >= '0' && s[1] <= '9'));
    }
    return n >= APART_MIN;
}

/* 1 when text items first..last alone name a row of Table 3. */
static int
names_alone(const order_t *o, const t3_sets_t *sets, size_t first, size_t last)
{
    label_t l = {.first = (uint32_t)first, .last = (uint32_t)last,
                 .skip = UINT32_MAX, .row = -1, .score = 0};
    score_label(o, sets, &l, UINT32_MAX);
    return l.row >= 0;
}

/*
 * The labels of the region, each matched against Table 3's rows: a text
 * item and those after it without a numbering (a label wrapped over
 * lines); where the numbering stands apart (a browser's label column),
 * up to one that names a row alone after items that name one.
 */
static size_t
find_labels(const order_t *o, label_t *lab)
{
    size_t n = 0;
    t3_sets_t sets;
    t3_sets(&sets);
    int apart = -1; /* numbering_apart's, once a label may wrap */
    for (size_t i = 0; i < o->nitems; i++) {
        if (o->items[i].kind != IT_TEXT)
            continue;
        size_t last = i;
        while (last + 1 < o->nitems && o->items[last + 1].kind == IT_TEXT &&
               !has_numbering(o, last + 1) &&
               !((apart < 0 ? (apart = numbering_apart(o)) : apart) &&
                 names_alone(o, &sets, i, last) &&
                 names_alone(o, &sets, last + 1, last + 1)))
            last++;
        label_t *l = &lab[n++];
        l->first = (uint32_t)i;
        l->last = (uint32_t)last;
        l->skip = UINT32_MAX;
        l->row = -1;
        l->score = 0;
        score_label(o, &sets, l, UINT32_MAX);
        /* the wrapped tail of a taller cell beside (a group's label
         * centred over its rows) may sit among the label's lines: left
         * out when the label then names a row better */
        for (size_t q = i + 1; q <= last && last - i < 8; q++)
            score_label(o, &sets, l, (uint32_t)q);
        i = last;
    }
    /* a row named twice keeps its best label: the highest score, the
     * first of those (the labels name rows of sets.row, 64 at most) */
    long best[64];
    for (size_t r = 0; r < 64; r++)
        best[r] = -1;
    for (size_t a = 0; a < n; a++)
        if (lab[a].row >= 0 && (best[lab[a].row] < 0 ||
                                lab[a].score > lab[best[lab[a].row]].score))
            best[lab[a].row] = (long)a;
    for (size_t a = 0; a < n; a++)
        if (lab[a].row >= 0 && best[lab[a].row] != (long)a)
            lab[a].row = -1;
    return n;
}

/* A label as one cell: its lines joined in the arena when it wraps. */
static int
add_label(ogi__table_t *tb, const order_t *o, const label_t *l)
{
    const item_t *f = &o->items[l->first], *e = &o->items[l->last];
    if (l->first == l->last)
        return ogi__table_add(tb, OGI__CELL_LABEL, o->t->s + f->a, f->b - f->a,
                              f->a, f->b - f->a)
                   ? 0
                   : OGI_ENOMEM;
    size_t len = 0;
    for (uint32_t q = l->first; q <= l->last; q++)
        len += o->items[q].b - o->items[q].a;
    char *buf = ogi_arena_alloc(tb->arena, len + 1);
    if (!buf)
        return OGI_ENOMEM;
    size_t w = 0;
    for (uint32_t q = l->first; q <= l->last; q++) {
        if (q == l->skip)
            continue;
        memcpy(buf + w, o->t->s + o->items[q].a, o->items[q].b - o->items[q].a);
        w += o->items[q].b - o->items[q].a;
    }
    buf[w] = '\0';
    return ogi__table_add(tb, OGI__CELL_LABEL, buf, w, f->a, e->b - f->a)
               ? 0
               : OGI_ENOMEM;
}

/* The item of value v of value row p (singles gathered in order, or a
 * column block's row in vals). */
static uint32_t
row_value(const order_t *o, const piece_t *p, const uint32_t *order, size_t v)
{
    return p->bid == UINT32_MAX ? order[p->first + v] : o->vals[p->first + v];
}

/*
 * 1 when the value rows, taken in the format's order, agree with every
 * label that pdftotext wrote right before its row's values: a label
 * between two runs of exactly seven values, labels and rows alternating,
 * names the run after it. When
 * the page's blocks came out of order (a row's values split, part of them
 * after later rows), the rows taken in order disagree with such a label,
 * and the region is better read line by line.
 */
static int
anchors_agree(const order_t *o, const label_t *lab, const long *by_row,
              const piece_t *rows, const uint32_t *order, unsigned skip)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    size_t next = 0, ndata = 0;
    int trailing = 0; /* a label seen after its row's values */
    for (size_t r = 0; r < sk->nrows; r++)
        ndata += !(sk->rows[r].flags & skip);
    for (size_t r = 0; r < sk->nrows; r++) {
        if (sk->rows[r].flags & skip)
            continue;
        const piece_t *p = &rows[next++];
        const label_t *l = r < 64 && by_row[r] >= 0 ? &lab[by_row[r]] : NULL;
        if (!l)
            continue;
        uint32_t vals[T3_COLS], prev[T3_COLS];
        size_t n = 0, before = 0;
        for (size_t i = l->last + 1;
             i < o->nitems && o->items[i].kind != IT_TEXT && n <= T3_COLS; i++)
            if (o->items[i].kind == IT_NUM && n++ < T3_COLS)
                vals[n - 1] = (uint32_t)i;
        for (size_t i = l->first;
             i-- > 0 && o->items[i].kind != IT_TEXT && before <= T3_COLS;)
            if (o->items[i].kind == IT_NUM && before++ < T3_COLS)
                prev[T3_COLS - before] = (uint32_t)i;
        /* labels and rows alternating: seven values before the label
         * (the previous row's) and seven after it (its own); or, where
         * pdftotext wrote each label after its row's values (a label
         * wrapped over more lines than the row's), the seven before it
         * its own and the seven after it the next row's, for every
         * anchored label from the first so written on */
        if (n != T3_COLS || before != T3_COLS)
            continue;
        int after = 1, ahead = next < ndata;
        for (size_t v = 0; v < T3_COLS; v++) {
            after &= row_value(o, p, order, v) == vals[v];
            /* (and the seven after it the next row's) */
            ahead &= row_value(o, p, order, v) == prev[v] &&
                     row_value(o, &rows[next], order, v) == vals[v];
        }
        /* (labels after their rows from one row on: a label before
         * its row's values after such a one is no such layout) */
        if ((!after && !ahead) || (after && trailing))
            return 0;
        trailing |= ahead;
    }
    return 1;
}

/* Rows that may not add up in a Table 3 read with every value a single
 * (the report's own errors): more, and the stream did not come in rows. */
#define FLAT_MAX_WRONG 3

/*
 * Reads the region as Table 3 when its labels are Table 3's and its value
 * rows, seven values each, number exactly the format's data rows (23 with
 * one （六） row, 25 with its three sub-rows). *done is 0 when the region
 * is not such a table: nothing was added. *is_t3 is 1 when its labels are
 * Table 3's, whether or not its values number the rows.
 */
static int
read_t3(ogi__table_t *tb, order_t *o, int *done, int *is_t3)
{
    *done = 0;
    *is_t3 = 0;
    label_t *lab = ogi_arena_alloc(tb->arena, (o->nitems + 1) * sizeof(*lab));
    /* value rows of seven: singles gathered, column rows as they are */
    piece_t *rows =
        ogi_arena_alloc(tb->arena, (o->npieces + 1) * sizeof(*rows));
    if (!lab || !rows)
        return OGI_ENOMEM;
    size_t nlab = find_labels(o, lab);
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    size_t named = 0;
    int sub = 0;
    size_t sub_labels = 0;
    for (size_t i = 0; i < nlab; i++) {
        if (lab[i].row < 0)
            continue;
        unsigned f = sk->rows[lab[i].row].flags;
        if (!(f & OGI_ROW_GROUP))
            named++;
        if (f & OGI_ROW_OTHER3) {
            sub = 1;
            sub_labels++;
        }
    }
    if (named < T3_MIN_LABELS)
        return 0;
    *is_t3 = 1;

    uint32_t *order =
        ogi_arena_alloc(tb->arena, (o->nvals + 1) * sizeof(*order));
    if (!order)
        return OGI_ENOMEM;
    size_t nrows, nord;
    int flat = 0;
again:
    nrows = nord = 0;
    if (flat) {
        /* every value a single, in the text's order (a column block's
         * rows in turn): column blocks of other than a row's width (a
         * column written apart, "总计" then the page's totals a line
         * each) or rows cut short among them */
        for (size_t i = 0; i < o->npieces; i++) {
            const piece_t *p = &o->pieces[i];
            for (uint32_t v = 0; !p->text && v < p->count && nord < o->nvals;
                 v++)
                order[nord++] = o->vals[p->first + v];
        }
        if (nord % T3_COLS)
            return 0;
        for (; nrows * T3_COLS < nord; nrows++) {
            piece_t *r = &rows[nrows];
            memset(r, 0, sizeof(*r));
            r->first = (uint32_t)(nrows * T3_COLS);
            r->count = T3_COLS;
            r->bid = UINT32_MAX;
        }
    }
    size_t pend = 0; /* singles waiting for a full row */
    for (size_t i = 0; i < o->npieces && !flat; i++) {
        const piece_t *p = &o->pieces[i];
        if (p->text)
            continue;
        if (p->block) {
            /* a row cut short, or a block not of rows */
            if (pend || p->count != T3_COLS) {
                flat = 1;
                goto again;
            }
            rows[nrows++] = *p;
            continue;
        }
        order[nord++] = o->vals[p->first];
        if (++pend == T3_COLS) {
            piece_t *r = &rows[nrows++];
            memset(r, 0, sizeof(*r));
            r->first = (uint32_t)(nord - T3_COLS);
            r->count = T3_COLS;
            r->bid = UINT32_MAX; /* values in `order`, not in vals */
            pend = 0;
        }
    }
    if (pend) {
        flat = 1;
        goto again;
    }
    unsigned skip = OGI_ROW_GROUP | (sub ? OGI_ROW_OTHER1 : OGI_ROW_OTHER3);
    size_t want = 0;
    for (size_t r = 0; r < sk->nrows; r++)
        want += !(sk->rows[r].flags & skip);
    if (nrows != want && !sub && nrows == want + 2) {
        /* no sub-row labelled, but three rows where （六） stands */
        sub = 1;
        skip = OGI_ROW_GROUP | OGI_ROW_OTHER1;
        want += 2;
    } else if (nrows != want && sub && nrows == want - 2 && sub_labels == 1) {
        /* one sub-row named, and by a fragment of another cell (the
         * header "申请人" names "1.申请人无正当理由…" well enough), but
         * one row where （六） stands: that label names nothing */
        sub = 0;
        skip = OGI_ROW_GROUP | OGI_ROW_OTHER3;
        want -= 2;
        for (size_t i = 0; i < nlab; i++)
            if (lab[i].row >= 0 &&
                (sk->rows[lab[i].row].flags & OGI_ROW_OTHER3))
                lab[i].row = -2;
    }
    if (nrows != want) {
        if (flat || nord == o->nvals)
            return 0;
        flat = 1; /* column blocks among the rows */
        goto again;
    }
    if (nord == nrows * T3_COLS) {
        /* every row of singles: a chunk of a row written apart */
        int64_t *cnt = ogi_arena_alloc(tb->arena, (nord + 1) * sizeof(*cnt));
        int64_t *tmp = ogi_arena_alloc(tb->arena, (nord + 1) * sizeof(*tmp));
        uint32_t *save = ogi_arena_alloc(tb->arena, (nord + 1) * sizeof(*save));
        if (!cnt || !tmp || !save)
            return OGI_ENOMEM;
        ogi__order_t3_moves(o, order, nord, cnt, tmp, save);
        /* rows that mostly do not add up were not written row by row
         * (a column's cells come apart, after the other columns'): the
         * region is better read line by line */
        for (size_t q = 0; q < nord; q++)
            cnt[q] = ogi__order_item_count(o, &o->items[order[q]]);
        size_t good = ogi__order_identity_rows(cnt, nord);
        if (good * 2 < nrows || (flat && good + FLAT_MAX_WRONG < nrows))
            return 0;
    }
    /* each row's label, the first naming it (find_labels leaves one a
     * row), looked up by row rather than searched for each */
    long by_row[64];
    for (size_t r = 0; r < 64; r++)
        by_row[r] = -1;
    for (size_t i = nlab; i-- > 0;)
        if (lab[i].row >= 0 && lab[i].row < 64)
            by_row[lab[i].row] = (long)i;
    if (!anchors_agree(o, lab, by_row, rows, order, skip))
        return 0;

    int rc;
    /* text naming no row first: headers, captions */
    for (size_t i = 0; i < nlab; i++) {
        /* (-2: a fragment that would name a sub-row the table lacks, left
         * out so that placement does not take it for one) */
        if (lab[i].row >= 0 || lab[i].row == -2)
            continue;
        if ((rc = ogi__table_row_open(tb, o->items[lab[i].first].line)))
            return rc;
        for (uint32_t q = lab[i].first; q <= lab[i].last; q++)
            if ((rc = ogi__order_add_item(tb, o, q)))
                return rc;
        ogi__table_row_close(tb);
    }
    size_t next = 0;
    for (size_t r = 0; r < sk->nrows; r++) {
        const label_t *l = r < 64 && by_row[r] >= 0 ? &lab[by_row[r]] : NULL;
        int data = !(sk->rows[r].flags & skip);
        if (!data && !l)
            continue;
        const piece_t *p = data ? &rows[next++] : NULL;
        uint32_t first_val = 0;
        if (p)
            first_val =
                p->bid == UINT32_MAX ? order[p->first] : o->vals[p->first];
        size_t line = l ? o->items[l->first].line : o->items[first_val].line;
        if ((rc = ogi__table_row_open(tb, line)))
            return rc;
        if (l && (rc = add_label(tb, o, l)))
            return rc;
        for (uint32_t v = 0; p && v < p->count; v++) {
            uint32_t it = p->bid == UINT32_MAX ? order[p->first + v]
                                               : o->vals[p->first + v];
            if (ogi__order_add_value(tb, o, &o->items[it]))
                return OGI_ENOMEM;
        }
        ogi__table_row_close(tb);
    }
    *done = 1;
    return 0;
}

/* Items of o that are amounts, digits with a decimal point between
 * ("3.37"), turned into blank lines; their number, also taken off
 * *values (the region's stream of values). */
static size_t
drop_amounts(order_t *o, size_t *values)
{
    size_t n = 0;
    for (size_t i = 0; i < o->nitems; i++) {
        item_t *it = &o->items[i];
        if (it->kind != IT_NUM || it->js || it->b - it->a < 3)
            continue;
        const char *s = o->t->s;
        uint32_t q = it->a, dot = 0;
        while (q < it->b && ((s[q] >= '0' && s[q] <= '9') || s[q] == '.')) {
            if (s[q] == '.') {
                if (dot || q == it->a)
                    break;
                dot = q;
            }
            q++;
        }
        if (q != it->b || !dot || dot + 1 == it->b)
            continue;
        it->kind = IT_GAP;
        n++;
    }
    *values -= n;
    return n;
}

static int
read(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    order_t o = {.t = t};
    int rc;
    if ((rc = ogi__order_scan(&o, l0, l1, tb->arena)) ||
        (rc = ogi__order_join_wrapped_totals(&o, tb->arena)))
        return rc;
    for (size_t i = 0; i < o.nitems; i++)
        tb->stream_values += o.items[i].kind == IT_NUM;
    /* first with Table 3's width: blocks side by side split into tables
     * of seven columns */
    if ((rc = ogi__order_make_pieces(&o, T3_COLS, tb->arena)))
        return rc;
    int done = 0, is_t3 = 0;
    if ((rc = read_t3(tb, &o, &done, &is_t3)))
        return rc;
    if (done)
        return 0;
    /* Table 3 counts applications: an amount among its items ("3.37",
     * Table 2's last value a browser's PDF wrote after Table 3's labels)
     * is none of its cells, read as a blank line; the table again */
    if (is_t3 && drop_amounts(&o, &tb->stream_values)) {
        o.npieces = o.nvals = 0;
        if ((rc = ogi__order_make_pieces(&o, T3_COLS, tb->arena)) ||
            (rc = read_t3(tb, &o, &done, &is_t3)))
            return rc;
        if (done)
            return 0;
    }
    /* the pieces again without Table 3's width, where it cut some
     * (read_t3 leaves o as it was) */
    if (o.chunked) {
        o.npieces = o.nvals = 0;
        if ((rc = ogi__order_make_pieces(&o, 0, tb->arena)))
            return rc;
    }
    if ((rc = ogi__order_emit_plain(tb, &o, is_t3 ? T3_COLS : 0)))
        return rc;
    return is_t3 ? ogi__order_late_labels(tb) : 0;
}

size_t
ogi__order_value_lines(const ogi_text_t *t, size_t l0, size_t l1,
                       ogi_arena_t *arena, uint32_t *line, size_t cap)
{
    order_t o = {.t = t};
    if (l1 > t->nlines)
        l1 = t->nlines;
    if (l0 >= l1 || ogi__order_scan(&o, l0, l1, arena) ||
        ogi__order_join_wrapped_totals(&o, arena))
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < o.nitems; i++) {
        if (o.items[i].kind != IT_NUM)
            continue;
        if (n < cap)
            line[n] = o.items[i].line;
        n++;
    }
    return n;
}

const ogi__reader_t ogi__read_order = {"order", probe, read};
