/*
 * read_row_bands.c - the row-lines reader's rows drawn over several lines
 * (read_row_lines.c, reader_int.h): pdftotext -layout's bands.
 */
#include "ogi_int.h"

#include <limits.h>

#include "bands_int.h"
#include "ogi/error.h"
#include "reader_int.h"
#include "swar_int.h"

/* ---- rows drawn over several lines (pdftotext -layout) ----
 *
 * A converter that lays a table out on a grid of characters prints a
 * row whose label wraps in a narrow column as a band of lines: the
 * label's pieces above and below the line that holds the values, a group
 * label of an outer column (（六）其他处理) beside them, a placeholder
 * that wraps ("不适" over "用") in its own column, a value set lower in
 * its cell. The band is read back as one row: each piece joins the cell
 * of the value line in whose column it stands, a piece in no cell of that
 * line starts a column of its own, ordered by position.
 */

/* 1 when row r of sc starts with a numbered label that starts a row,
 * after the tails of outer groups' labels wrapped (two at most: "果" of
 * 三、本年度办理结果): not an outer group's label beside the tail of a
 * row label (a line of two labels and no values, the second without a
 * number of its own, left of column vx where the values of the line
 * before start). */
static int
starts_numbered(const ogi__table_t *sc, size_t r, const int *x0, int vx)
{
    const ogi__row_t *row = &sc->rows[r];
    const ogi__cell_t *c = &sc->cells[row->first];
    size_t k = 0;
    while (k < row->count && k < 3 && c[k].kind == OGI__CELL_LABEL &&
           !ogi__table_starts_numbered(c[k].s, c[k].n))
        k++;
    if (k == row->count || k == 3 || c[k].kind != OGI__CELL_LABEL ||
        !ogi__table_starts_numbered(c[k].s, c[k].n))
        return 0;
    /* an outer group's label (三、本年度) beside the tails of the labels
     * of the row above (予处理 of （五）不予处理, 请 of its row label),
     * left of its values: one tail and no value, or tails and one value
     * (a cell set lower in its wrapped row, 无): the row above goes on */
    size_t tails = 0, vals = 0;
    for (size_t i = k + 1; i < row->count; i++) {
        if (is_value(&c[i])) {
            vals++;
            continue;
        }
        if (c[i].kind != OGI__CELL_LABEL ||
            ogi__table_starts_numbered(c[i].s, c[i].n) ||
            x0[row->first + i] >= vx || vals)
            return 1;
        tails++;
    }
    return !((tails == 1 && vals == 0) || (tails >= 1 && vals == 1));
}

/*
 * 1 when row s of sc starts a numbered row whose number a browser set
 * apart: a line of labels (a group label's piece beside the row label's,
 * at most), then values only (the cells set at the top of the row's
 * band), whose last label is followed, on the next line of the band
 * (before e), by a row's number alone at that piece's column or just
 * left of it ("属于国家秘" over "1."). starts_numbered sees no number on
 * line s and would join it to the row above.
 */
static int
starts_numbered_below(const ogi__table_t *sc, size_t s, size_t e, const int *x0)
{
    if (s + 1 >= e || sc->rows[s + 1].count != 1 ||
        sc->rows[s + 1].line != sc->rows[s].line + 1)
        return 0;
    const ogi__row_t *row = &sc->rows[s];
    size_t labels = 0;
    while (labels < row->count &&
           sc->cells[row->first + labels].kind == OGI__CELL_LABEL)
        labels++;
    if (labels == 0 || labels > 2)
        return 0;
    for (size_t i = row->first; i < row->first + row->count; i++)
        if (i < row->first + labels
                ? ogi__table_starts_numbered(sc->cells[i].s, sc->cells[i].n)
                : !is_value(&sc->cells[i]))
            return 0;
    size_t num = sc->rows[s + 1].first, last = row->first + labels - 1;
    if (!ogi__band_bare_number(&sc->cells[num]) || x0[num] < 0 || x0[last] < 0)
        return 0;
    return x0[num] <= x0[last] + 1 && x0[num] >= x0[last] - 3;
}

/*
 * 1 when row s of sc is the top of numbers wrapped around the next line
 * (before e) in columns too narrow for them: values (after an outer
 * group's label at most) over a line of values with none in their
 * columns, over as many values each at the column of one above (within
 * one): "27" / "（一）予以公开 ... 0 0 2" / "3" is 273; "19 ... 22" /
 * "（七）总计 19 0 0 16 0" / "4 ... 9" is 194 and 229. The tops of that
 * row's numbers, not values of the row above set lower.
 */
static int
number_around(const ogi__table_t *sc, const size_t *nv, size_t s, size_t e,
              const int *x0, const int *x1)
{
    if (s + 2 >= e || nv[s] == 0 || nv[s + 2] != nv[s] || nv[s + 1] <= nv[s] ||
        sc->rows[s + 1].line != sc->rows[s].line + 1 ||
        sc->rows[s + 2].line != sc->rows[s + 1].line + 1)
        return 0;
    /* an outer group's label may lead either line, left of its values;
     * below them, never a row's own (numbered: a row of its own) */
    size_t a = sc->rows[s].first, b = sc->rows[s + 2].first;
    for (size_t i = b; i < b + sc->rows[s + 2].count - nv[s]; i++)
        if (ogi__table_starts_numbered(sc->cells[i].s, sc->cells[i].n))
            return 0;
    a += sc->rows[s].count - nv[s];
    b += sc->rows[s + 2].count - nv[s];
    for (size_t k = 0; k < nv[s]; k++, a++, b++) {
        if (!is_value(&sc->cells[a]) || !is_value(&sc->cells[b]) ||
            abs(x0[a] - x0[b]) > 1)
            return 0;
        for (size_t i = sc->rows[s + 1].first;
             i < sc->rows[s + 1].first + sc->rows[s + 1].count; i++)
            if (overlap(x0[a], x1[a], x0[i], x1[i]) ||
                overlap(x0[b], x1[b], x0[i], x1[i]))
                return 0;
    }
    return 1;
}

/*
 * 1 when row s of sc starts a numbered row whose number a browser set on
 * the line of its values, below its label's top: a line of labels and no
 * value (a group label's piece beside the row label's, at most), none
 * numbered, then (the next line, before e) a row's number alone at the
 * last label's column or just left of it, and values ("属于国家秘密" over
 * "1.   0 0 0"). starts_numbered sees no number on line s and would join
 * it to the row above.
 */
static int
starts_numbered_above(const ogi__table_t *sc, const size_t *nv, size_t s,
                      size_t e, const int *x0)
{
    if (s + 1 >= e || nv[s] || nv[s + 1] < 2 || sc->rows[s].count > 2 ||
        sc->rows[s + 1].line != sc->rows[s].line + 1)
        return 0;
    const ogi__row_t *row = &sc->rows[s];
    for (size_t i = row->first; i < row->first + row->count; i++)
        if (sc->cells[i].kind != OGI__CELL_LABEL ||
            ogi__table_starts_numbered(sc->cells[i].s, sc->cells[i].n))
            return 0;
    size_t num = sc->rows[s + 1].first, last = row->first + row->count - 1;
    if (!ogi__band_bare_number(&sc->cells[num]) || x0[num] < 0 || x0[last] < 0)
        return 0;
    return x0[num] <= x0[last] + 1 && x0[num] >= x0[last] - 3;
}

/* The column the first numbered label of row r of sc (one of its first
 * three cells, labels) starts at, or -1; with near >= 0, the first such
 * label starting within two columns of near. */
static int
numbered_at(const ogi__table_t *sc, size_t r, const int *x0, int near)
{
    const ogi__row_t *row = &sc->rows[r];
    for (size_t k = 0; k < row->count && k < 3; k++) {
        const ogi__cell_t *c = &sc->cells[row->first + k];
        int x = x0[row->first + k];
        if (c->kind != OGI__CELL_LABEL)
            return -1;
        if (ogi__table_starts_numbered(c->s, c->n) && x >= 0 &&
            (near < 0 || abs(x - near) <= 2))
            return x;
    }
    return -1;
}

/* The column the first value of row r of sc starts at, or INT_MAX. */
static int
first_value_at(const ogi__table_t *sc, size_t r, const int *x0)
{
    for (size_t i = sc->rows[r].first;
         i < sc->rows[r].first + sc->rows[r].count; i++)
        if (is_value(&sc->cells[i]))
            return x0[i];
    return INT_MAX;
}

/* The number of cells of row r of sc overlapping [a, b); *label is set
 * when one of them is a label. */
static size_t
cells_over(const ogi__table_t *sc, size_t r, int a, int b, const int *x0,
           const int *x1, int *label)
{
    size_t n = 0;
    *label = 0;
    for (size_t j = sc->rows[r].first;
         j < sc->rows[r].first + sc->rows[r].count; j++)
        if (overlap(a, b, x0[j], x1[j])) {
            *label |= sc->cells[j].kind == OGI__CELL_LABEL;
            n++;
        }
    return n;
}

/*
 * Where the row label of row s of sc ends, when cell i (of the line
 * above, left of where the values of the row before start) is the top
 * of a placeholder wrapped in its column ("不" of 不/适/用) over a piece
 * of row s right of that label: the row before left its first columns
 * blank, so its values start right of the placeholder's column. -1 when
 * not (cell i is then an outer group's label).
 */
static int
top_beside_label(const ogi__table_t *sc, size_t s, size_t i, const int *x0,
                 const int *x1)
{
    const ogi__cell_t *c = &sc->cells[i];
    if ((c->n != 3 && c->n != 6) ||
        memcmp(c->s, "\xE4\xB8\x8D\xE9\x80\x82", c->n) != 0)
        return -1;
    const ogi__row_t *row = &sc->rows[s];
    for (size_t k = 0; k < row->count && k < 3; k++) {
        size_t j = row->first + k;
        const ogi__cell_t *l = &sc->cells[j];
        if (l->kind != OGI__CELL_LABEL || x0[j] < 0)
            return -1;
        if (ogi__table_starts_numbered(l->s, l->n))
            return x1[j] <= x0[i] ? x1[j] : -1;
    }
    return -1;
}

/*
 * 1 when row l of sc, a line after a row's values, is the top of a cell
 * of the row starting at row s (the next line): a converter that centres
 * a cell's lines in a taller row (w3m) sets "不" of 不/适/用 above the
 * line of the row's label. Its cells right of column vx (where values
 * stand) are pieces, none a value, each over one piece of line s that is
 * no value either and under no piece of the line above (which it would
 * end: "不适" over "用"); left of vx it holds labels only (an outer
 * group's). A piece ending right of vx stands among the values: a
 * column a little wider than its value starts left of it ("不" at 48
 * over "适", the value "0" above at 49).
 */
static int
top_of_next(const ogi__table_t *sc, size_t r0, size_t l, size_t s,
            const int *x0, const int *x1, int vx)
{
    const ogi__row_t *a = &sc->rows[l];
    size_t pieces = 0;
    for (size_t i = a->first; i < a->first + a->count; i++) {
        const ogi__cell_t *c = &sc->cells[i];
        if (c->kind != OGI__CELL_LABEL || x0[i] < 0)
            return 0;
        int lx = x1[i] <= vx ? top_beside_label(sc, s, i, x0, x1) : vx;
        if (lx < 0)
            continue;
        int label;
        if (cells_over(sc, s, x0[i], x1[i], x0, x1, &label) != 1 || !label)
            return 0;
        for (size_t j = sc->rows[s].first;
             j < sc->rows[s].first + sc->rows[s].count; j++)
            if (overlap(x0[i], x1[i], x0[j], x1[j]) && x1[j] <= lx)
                return 0;
        /* the pieces right above it, up to a value: a word it would end */
        size_t up[BAND_MAX], nup = 0;
        for (size_t q = l; q > r0 && nup < BAND_MAX; q--) {
            size_t at = SIZE_MAX;
            for (size_t j = sc->rows[q - 1].first;
                 j < sc->rows[q - 1].first + sc->rows[q - 1].count; j++)
                if (x1[j] > vx && overlap(x0[i], x1[i], x0[j], x1[j]))
                    at = j;
            if (at == SIZE_MAX || is_value(&sc->cells[at]))
                break;
            up[nup++] = at;
        }
        char buf[128];
        size_t n = 0;
        for (size_t k = nup; k > 0; k--)
            if (n + sc->cells[up[k - 1]].n <= sizeof(buf)) {
                memcpy(buf + n, sc->cells[up[k - 1]].s, sc->cells[up[k - 1]].n);
                n += sc->cells[up[k - 1]].n;
            }
        ogi_num_t num;
        if (n && ogi_number_parse(buf, n, &num) == OGI_NUM_NONE)
            return 0;
        pieces++;
    }
    return pieces > 0;
}

/*
 * The rows after band [r, s) of sc that are the tail of its row label
 * set below an empty line (Chromium's PDF, pdftotext -layout: a row's
 * label wraps over more lines than its values' line, which stands apart
 * by a line, "不再处理其政  0 0 0" / "" / "府信息公开申" / "（六） 请"):
 * when the band, which has a numbered label, ends on its line of values,
 * up to TAIL_MAX lines one after another from the one after the gap,
 * each of no value, its last cell a label with no number of its own at
 * the column of the label's piece on the line of values (within two),
 * the one before it, if any, a label left of that column (an outer
 * group's piece); the line right after them starts a numbered row (not
 * with its number alone: then they are that row's top). Their count, or
 * 0.
 */
#define TAIL_MAX 3
static size_t
tail_after_gap(const ogi__table_t *sc, const size_t *nv, size_t r, size_t s,
               const int *x0, const int *x1)
{
    if (s >= sc->nrows || sc->rows[s].line != sc->rows[s - 1].line + 2 ||
        nv[s - 1] == 0)
        return 0;
    int numbered = 0, lx = -1;
    for (size_t k = r; k < s && !numbered; k++)
        numbered = numbered_at(sc, k, x0, -1) >= 0;
    /* the label's column: its piece on the line of values */
    const ogi__row_t *vr = &sc->rows[s - 1];
    for (size_t i = vr->first;
         i < vr->first + vr->count && sc->cells[i].kind == OGI__CELL_LABEL; i++)
        lx = x0[i];
    if (!numbered || lx < 0)
        return 0;
    size_t q = s;
    while (q < sc->nrows && q - s < TAIL_MAX &&
           (q == s || sc->rows[q].line == sc->rows[q - 1].line + 1)) {
        const ogi__row_t *row = &sc->rows[q];
        if (nv[q] || row->count == 0 || row->count > 2)
            break;
        size_t last = row->first + row->count - 1;
        const ogi__cell_t *c = &sc->cells[last];
        if (c->kind != OGI__CELL_LABEL || x0[last] < 0 ||
            abs(x0[last] - lx) > 2 || ogi__table_starts_numbered(c->s, c->n))
            break;
        if (row->count == 2 && (sc->cells[row->first].kind != OGI__CELL_LABEL ||
                                x1[row->first] > lx))
            break;
        q++;
    }
    if (q == s || q == sc->nrows ||
        sc->rows[q].line != sc->rows[q - 1].line + 1 ||
        !starts_numbered(sc, q, x0, first_value_at(sc, q, x0)) ||
        (sc->rows[q].count == 1 &&
         ogi__band_bare_number(&sc->cells[sc->rows[q].first])))
        return 0;
    return q - s;
}

/*
 * 1 when band [r, s) of sc, no line of it with values, is the top of a
 * browser's row label over its number alone (the band's last line,
 * "申请人无正当理由逾期不补正、" / "1."), and row s, after one empty line,
 * its line of values: values, two or more, after a label piece at the
 * column of the band's first piece (within two) ("行政机关不再处理其政府
 * 信息公开  0 0 0"). pdftotext sets the row's lines apart by an empty
 * line there.
 */
static int
head_across_gap(const ogi__table_t *sc, const size_t *nv, size_t r, size_t s,
                const int *x0)
{
    if (s >= sc->nrows || s - r < 2 ||
        sc->rows[s].line != sc->rows[s - 1].line + 2 || nv[s] < 2 ||
        sc->rows[s - 1].count != 1 ||
        !ogi__band_bare_number(&sc->cells[sc->rows[s - 1].first]))
        return 0;
    size_t top = sc->rows[s - 2].first + sc->rows[s - 2].count - 1;
    size_t piece = sc->rows[s].first;
    const ogi__cell_t *c = &sc->cells[piece];
    return c->kind == OGI__CELL_LABEL &&
           sc->cells[top].kind == OGI__CELL_LABEL &&
           !ogi__table_starts_numbered(c->s, c->n) && x0[piece] >= 0 &&
           x0[top] >= 0 && abs(x0[piece] - x0[top]) <= 2;
}

/* 1 when rows [r, e) of sc may be a header's lines: no values, two
 * labels or more on one of them at least (a wrapped label's top is one
 * piece a line); the others may hold one, a label's tail wrapped in its
 * column ("行政复" over "议", "机" over "构"). */
static int
header_over(const ogi__table_t *sc, const size_t *nv, size_t r, size_t e)
{
    int two = 0;
    for (size_t k = r; k < e; k++) {
        if (nv[k])
            return 0;
        two |= sc->rows[k].count >= 2;
    }
    return two;
}

/* 1 when each of rows [r, e) of sc holds no value and the tail of a
 * placeholder wrapped in its column (ogi__band_wrap_tail), beside it at
 * most the tails of the row's labels ("处理" of （五）不予处理). */
static int
tails_only(const ogi__table_t *sc, const size_t *nv, size_t r, size_t e)
{
    for (size_t k = r; k < e; k++) {
        int tail = 0;
        for (size_t i = sc->rows[k].first;
             i < sc->rows[k].first + sc->rows[k].count; i++)
            tail |= ogi__band_wrap_tail(&sc->cells[i]);
        if (nv[k] || !tail)
            return 0;
    }
    return 1;
}

/* 1 when row k of sc holds no value and only the tops of placeholders
 * wrapped in their columns ("不", "不适" of 不适用). */
static int
tops_only(const ogi__table_t *sc, const size_t *nv, size_t k)
{
    if (nv[k])
        return 0;
    for (size_t i = sc->rows[k].first;
         i < sc->rows[k].first + sc->rows[k].count; i++) {
        const ogi__cell_t *c = &sc->cells[i];
        if (c->kind != OGI__CELL_LABEL || (c->n != 3 && c->n != 6) ||
            memcmp(c->s, "\xE4\xB8\x8D\xE9\x80\x82", c->n) != 0)
            return 0;
    }
    return 1;
}

/* Appends row r of sc to tb as it is, its cells at columns x0/x1. */
static int
copy_row(ogi__table_t *tb, const ogi__table_t *sc, size_t r, const int *x0,
         const int *x1)
{
    int rc;
    if ((rc = ogi__table_row_open(tb, sc->rows[r].line)))
        return rc;
    for (size_t i = sc->rows[r].first;
         i < sc->rows[r].first + sc->rows[r].count; i++) {
        ogi__cell_t *d = ogi__table_add_copy(tb, &sc->cells[i]);
        if (!d)
            return OGI_ENOMEM;
        d->x0 = (int16_t)x0[i];
        d->x1 = (int16_t)x1[i];
    }
    ogi__table_row_close(tb);
    return 0;
}

/* 1 when cell c of a line of t may read otherwise when its text is read
 * again as words (add_line_apart): a label that holds a blank, or whose
 * text is a number. Anything else is kept as it is, by either way. */
static int
reads_again(const ogi_text_t *t, const ogi__cell_t *c)
{
    if (c->kind != OGI__CELL_LABEL || c->s != t->s + c->off || c->n != c->len)
        return 0;
    /* eight bytes at a time while none is below 0x21 (no blank) */
    size_t i = 0;
    while (c->n - i >= 8 &&
           !ogi__word_any_below(ogi__word_load(c->s + i), 0x21))
        i += 8;
    for (; i < c->n; i++)
        if (c->s[i] == ' ' || c->s[i] == '\t')
            return 1;
    ogi_num_t num;
    return ogi_number_parse(c->s, c->n, &num) != OGI_NUM_NONE;
}

/*
 * Appends the cells of the open row of sc read from line l, a label cell
 * that holds a space between two characters that are not ASCII read as
 * two: Chinese text has no spaces, and a converter that sets tight
 * columns one space apart (w3m) runs two cells together ("（六）
 * 2.申请人…" over "其他处 费用、…"): apart, each joins its own column.
 * Cells one space apart are only so read (merge_header takes them as
 * words of a header whose columns are unsure).
 */
static int
add_line_apart(ogi__table_t *sc, const ogi_text_t *t, size_t l)
{
    size_t c0 = sc->ncells;
    int rc = ogi__table_add_line(sc, l);
    if (rc || c0 == sc->ncells)
        return rc;
    /* the cells before the first label that may read otherwise stay as
     * they are: a label of one word that is no number reads back as
     * itself (most lines hold no other) */
    while (c0 < sc->ncells && !reads_again(t, &sc->cells[c0]))
        c0++;
    if (c0 == sc->ncells)
        return 0;
    size_t n = sc->ncells - c0;
    ogi__cell_t *copy = ogi_arena_alloc(sc->arena, n * sizeof(*copy));
    if (!copy)
        return OGI_ENOMEM;
    memcpy(copy, &sc->cells[c0], n * sizeof(*copy));
    sc->ncells = c0;
    for (size_t k = 0; k < n; k++) {
        const ogi__cell_t *c = &copy[k];
        if (c->kind != OGI__CELL_LABEL || c->s != t->s + c->off ||
            c->n != c->len) {
            if (!ogi__table_add_copy(sc, c))
                return OGI_ENOMEM;
            continue;
        }
        size_t a = 0;
        for (size_t i = 1; i <= c->n; i++) {
            /* space to space, to one between two bytes that are not
             * ASCII, or to the end */
            if (i < c->n) {
                const char *sp = memchr(c->s + i, ' ', c->n - i);
                i = sp ? (size_t)(sp - c->s) : c->n;
            }
            if (i < c->n &&
                !(i + 1 < c->n && (unsigned char)c->s[i - 1] >= 0x80 &&
                  (unsigned char)c->s[i + 1] >= 0x80))
                continue;
            size_t at = sc->ncells;
            if ((rc = ogi__table_add_words(sc, c->s + a, i - a, c->off + a)))
                return rc;
            for (; at < sc->ncells; at++)
                sc->cells[at].measurable = c->measurable;
            a = i + 1;
        }
    }
    return 0;
}

/* A region without rules: each line read as a row, then bands of lines
 * that draw one row joined (merge_band). */
/* Each row's values of sc, listed once: row k's are vcell[vfirst[k] ..
 * vfirst[k] + nv[k]) (vfirst[sc->nrows] their count). Returns 1 when a
 * label may end a wrapped 不适用 (ogi__band_wrap_tail), else 0. */
static int
list_values(const ogi__table_t *sc, size_t *nv, size_t *vfirst,
            uint32_t *vcell)
{
    size_t nval = 0;
    int tails = 0;
    for (size_t k = 0; k < sc->nrows; k++) {
        vfirst[k] = nval;
        for (size_t i = sc->rows[k].first;
             i < sc->rows[k].first + sc->rows[k].count; i++)
            if (is_value(&sc->cells[i]))
                vcell[nval++] = (uint32_t)i;
            else
                tails |= ogi__band_wrap_tail(&sc->cells[i]);
        nv[k] = nval - vfirst[k];
    }
    vfirst[sc->nrows] = nval;
    return tails;
}

int
ogi__row_bands_read(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    int rc;
    ogi__table_t sc;
    ogi__table_init(&sc, tb->arena, t);
    for (size_t l = l0; l < l1; l++) {
        if (ogi__table_is_page_line(t, l) || ogi__table_is_empty_line(t, l))
            continue;
        if ((rc = ogi__table_row_open(&sc, l)) ||
            (rc = add_line_apart(&sc, t, l)))
            return rc;
        /* the scratch's rows are not read as prose: a row copied out is,
         * in the table, and a band's lines merged need not be */
        ogi__table_row_close_as(&sc, 0);
    }
    if (sc.nrows == 0)
        return 0;
    int *x0 = ogi_arena_alloc(tb->arena, 4 * sc.ncells * sizeof(int));
    size_t *nv =
        ogi_arena_alloc(tb->arena, (2 * sc.nrows + 1) * sizeof(size_t));
    uint32_t *vcell = ogi_arena_alloc(tb->arena, sc.ncells * sizeof(uint32_t));
    if (!x0 || !nv || !vcell)
        return OGI_ENOMEM;
    int *x1 = x0 + sc.ncells;
    int *n0 = x1 + sc.ncells, *n1 = n0 + sc.ncells;
    int *wx0 = x0, *wx1 = x1; /* display columns, whichever is chosen */
    /* each row's values, listed once: their count, and where they are */
    size_t *vfirst = nv + sc.nrows;
    /* tails: a label that may end 不适用 wrapped */
    int tails = list_values(&sc, nv, vfirst, vcell);
    /* a converter that sets a character per grid cell, whatever its
     * width, is told by the values lining up in code points: the cells
     * are given those columns (placement finds blank cells by them) */
    int same = ogi__band_measure(&sc, x0, x1, n0, n1);
    if (!same) {
        size_t wide, narrow;
        ogi__band_alignment(&sc, vcell, vfirst, x0, x1, n0, n1, &wide, &narrow);
        /* no second line of values to tell: the header's words do */
        if (narrow == wide)
            ogi__band_header_fit(&sc, nv, vcell, vfirst, x0, x1, n0, n1, &wide,
                                 &narrow);
        if (narrow > wide) {
            x0 = n0;
            x1 = n1;
        }
    }
    /* placeholders wrapped beside another row's cells, joined: each
     * row's values counted again */
    int joined =
        tails ? ogi__band_join_wraps(&sc, x0, x1, wx0, wx1, n0, n1) : 0;
    if (joined < 0)
        return joined;
    if (joined)
        list_values(&sc, nv, vfirst, vcell);
    size_t r = 0;
    while (r < sc.nrows) {
        size_t e = r + 1;
        while (e < sc.nrows && sc.rows[e].line == sc.rows[e - 1].line + 1 &&
               !memchr(t->s + t->lines[sc.rows[e].line].start, '\t',
                       t->lines[sc.rows[e].line].end -
                           t->lines[sc.rows[e].line].start))
            e++;
        /* rows printed without a line between them: after a line of
         * values, a numbered row label starts the next */
        while (r < e) {
            size_t s = r + 1, vl = r; /* the band's line of values */
            int values = nv[r] >= 2;
            /* the tops of numbers wrapped, the row's label below them:
             * told in code points, as pdftotext set them */
            int tops = values && number_around(&sc, nv, r, e, n0, n1);
            /* a row left wholly blank: a line of its numbered label
             * alone, then the next row's values and label in its column */
            int at = sc.rows[r].count == 1 ? numbered_at(&sc, r, x0, -1) : -1;
            while (
                s < e &&
                !(values && !(tops && s == r + 1) &&
                  starts_numbered(&sc, s, x0, first_value_at(&sc, vl, x0))) &&
                !(values && starts_numbered_below(&sc, s, e, x0)) &&
                !(values && number_around(&sc, nv, s, e, x0, x1)) &&
                !(values && starts_numbered_above(&sc, nv, s, e, x0)) &&
                !(!values && at >= 0 && s == r + 1 && nv[s] >= 2 &&
                  numbered_at(&sc, s, x0, at) >= 0)) {
                if (!values && nv[s] >= 2)
                    vl = s;
                values |= nv[s] >= 2;
                s++;
            }
            /* the tops of the next row's cells set above its label */
            if (values && s < e) {
                int vx = first_value_at(&sc, vl, x0);
                size_t top = s;
                while (top - 1 > vl &&
                       top_of_next(&sc, r, top - 1, top, x0, x1, vx))
                    top--;
                s = top;
            }
            /* a label's top over its number alone, its values below an
             * empty line */
            if (!values && s == e && head_across_gap(&sc, nv, r, s, x0)) {
                s++;
                values = 1;
            }
            /* the label's tail below the gap after its values */
            if (values && s >= e)
                s += tail_after_gap(&sc, nv, r, s, x0, x1);
            int m = 0;
            if (s - r >= 2 && s - r <= BAND_MAX) {
                m = ogi__band_merge(tb, &sc, r, s, x0, x1,
                                    !tops || s != r + 3 ? NULL
                                    : same              ? x0
                                                        : n0);
                if (m < 0)
                    return m;
            }
            /* a header's lines just above the row (no line between)
             * and below it only the tails of placeholders wrapped in
             * their columns ("用"): the band from its line of values (or
             * the tops of its placeholders) down, the header's lines
             * rows of their own */
            size_t from = r, top = vl;
            /* the tops of placeholders wrapped three lines tall ("不"
             * over "适" over "用") between the header and the values */
            while (top > r + 1 && tops_only(&sc, nv, top - 1))
                top--;
            if (m == 0 && values && top > r && s - top >= 2 &&
                s - top <= BAND_MAX && header_over(&sc, nv, r, top) &&
                tails_only(&sc, nv, vl + 1, s)) {
                for (size_t k = r; k < top; k++)
                    if ((rc = copy_row(tb, &sc, k, x0, x1)))
                        return rc;
                from = top;
                m = ogi__band_merge(tb, &sc, top, s, x0, x1, NULL);
                if (m < 0)
                    return m;
            }
            if (m == 0)
                for (size_t k = from; k < s; k++)
                    if ((rc = copy_row(tb, &sc, k, x0, x1)))
                        return rc;
            r = s;
        }
    }
    return 0;
}

/* Marks as runs the values of cells [c0, ncells) of tb that are digits
 * with a leading zero ("0000000", "00"): no number is written so, but a
 * converter that sets narrow columns close runs adjacent cells' digits
 * together; the format's arithmetic splits them (OGI__CELL_RUN). */
