/*
 * read_order_wrap.c - numbers wrapped in a narrow column, in reading order
 * (read_order_int.h): a row's total or value whose digits pdftotext wrote
 * over several lines ("107" "6" for 1076), joined where the row's
 * arithmetic confirms it.
 */
#include "ogi_int.h"


#include "ogi/error.h"
#include "read_order_int.h"

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
 * one per line among other numbers are a column block's cells; a block
 * of two lines alone may be a digit each, a column one digit wide), its
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
        (x->b - x->a < 2 && n != 2) || y->b - y->a > x->b - x->a ||
        o->t->s[x->a] == '0' ||
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

/* 1 when items q and q + 1 are a block of their own of two lines, a
 * digit each: a value wrapped a digit per line in a column one digit
 * wide ("4" "8" for 48 under a header written a character per line). */
static int
pair_block(const order_t *o, size_t q)
{
    const item_t *x = &o->items[q], *y = &o->items[q + 1];
    return x->b - x->a == 1 && y->b - y->a == 1 &&
           (q + 2 >= o->nitems || o->items[q + 2].kind != IT_NUM ||
            o->items[q + 2].line != y->line + 1);
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
            y->line == x->line + 1 &&
            (q == 0 || o->items[q - 1].kind != IT_NUM) &&
            (x->b - x->a >= 2 || pair_block(o, q)))
            return 1;
    }
    return 0;
}

int
ogi__order_join_items(const order_t *o, const size_t *idx, size_t n,
                      item_t *d, ogi_arena_t *arena)
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

/* 1 when text item it starts with an item's numbering ("（二）", "3."):
 * a row's label, not a header's fragment or a label's wrapped tail. */
static int
numbered(const order_t *o, const item_t *it)
{
    return ogi__table_starts_numbered(o->t->s + it->a, it->b - it->a);
}

/*
 * 1 when the values before item w and the two pieces [w's run, j) are
 * one Table 3 row between its label and the next: six values after the
 * row's numbered label (text without numbering among them, the headers'
 * fragments set beside the first row), the next item but gaps after j
 * another numbered label, or the end. Such pieces shaped as a total
 * wrapped in its narrow column are joined whatever their sum (a report's
 * own sum may be wrong: the row would hold eight values).
 */
static int
framed_row(const order_t *o, size_t w, size_t j)
{
    size_t after = j;
    while (after < o->nitems && o->items[after].kind == IT_GAP)
        after++;
    if (after < o->nitems &&
        (o->items[after].kind != IT_TEXT || !numbered(o, &o->items[after])))
        return 0;
    size_t seen = 0;
    for (size_t q = w; q-- > 0;) {
        const item_t *x = &o->items[q];
        if (x->kind == IT_NUM && ++seen > T3_COLS - 1)
            return 0;
        if (x->kind == IT_TEXT && numbered(o, x))
            return seen == T3_COLS - 1;
        if (x->kind == IT_HOLE)
            return 0;
    }
    return 0;
}

/* The sums of the four and of the six values before item w into
 * plain[0] and plain[1] (-1: not so many values; gaps and text without
 * numbering, a header's fragments or Table 4's row, skipped). */
static void
row_sums(const order_t *o, size_t w, int64_t plain[2])
{
    int64_t sum = 0;
    size_t seen = 0;
    plain[0] = plain[1] = -1;
    for (size_t q = w; q-- > 0 && seen < T3_COLS - 1;) {
        const item_t *x = &o->items[q];
        if (x->kind == IT_GAP || (x->kind == IT_TEXT && !numbered(o, x)))
            continue;
        int64_t v = x->kind == IT_NUM ? ogi__order_item_count(o, x) : -1;
        if (v < 0)
            break;
        sum += v;
        seen++;
        if (seen == 4 || seen == T3_COLS - 1)
            plain[seen != 4] = sum;
    }
}

/* 1 when the last value before item w is the sum of the six before it:
 * a row's total, the run after it the next row's first value (a "9" ""
 * "0" there is no 90 split). */
static int
closes_row(const order_t *o, size_t w)
{
    size_t q = w;
    while (q > 0 && (o->items[q - 1].kind == IT_GAP ||
                     (o->items[q - 1].kind == IT_TEXT &&
                      !numbered(o, &o->items[q - 1]))))
        q--;
    if (q == 0 || o->items[q - 1].kind != IT_NUM)
        return 0;
    int64_t v = ogi__order_item_count(o, &o->items[q - 1]), sums[2];
    row_sums(o, q - 1, sums);
    return v >= 0 && v == sums[1];
}

/*
 * 1 when the pieces [i, e) read apart make a whole Table 3 row with the
 * values before w: the value on the line after them, item e, is the sum
 * of the six values that end with them (node text a value per line:
 * "10" "0" "0" "0" "1" "0" "11" is a row and its total, its "1" "0" no
 * total 10 of the four before).
 */
static int
row_goes_on(const order_t *o, size_t w, size_t i, size_t e)
{
    if (e >= o->nitems || !plain_digits(o, &o->items[e]) ||
        o->items[e].line != o->items[e - 1].line + 1 || e - i > T3_COLS - 1)
        return 0;
    int64_t sum = 0;
    for (size_t q = i; q < e; q++)
        sum += ogi__order_item_count(o, &o->items[q]);
    size_t seen = e - i;
    if (seen < T3_COLS - 1) {
        /* the values before w: the row's first ones */
        size_t q = w, more = T3_COLS - 1 - seen;
        int64_t part = 0;
        for (; q-- > 0 && more > 0;) {
            const item_t *x = &o->items[q];
            if (x->kind == IT_GAP || (x->kind == IT_TEXT && !numbered(o, x)))
                continue;
            int64_t v = x->kind == IT_NUM ? ogi__order_item_count(o, x) : -1;
            if (v < 0)
                return 0;
            part += v;
            more--;
        }
        if (more > 0)
            return 0;
        sum += part;
    }
    return ogi__order_item_count(o, &o->items[e]) == sum;
}

/*
 * 1 when the run of digits [i, j) on consecutive lines, a blank line,
 * and the digits of item j + 1 are the pieces of one number split over
 * two blocks in its narrow column ("22" "" "6" for 226, "1" "2" "" "9"
 * for 129): every line of the run as wide as the first (the column's
 * width, filled), the last piece no wider, a block of its own and
 * followed by text, the first not starting with a zero. The number into
 * *joined.
 */
static int
split_total(const order_t *o, size_t i, size_t j, int64_t *joined)
{
    if (j <= i || j + 1 >= o->nitems || o->items[j].kind != IT_GAP ||
        !plain_digits(o, &o->items[j + 1]) ||
        o->items[j + 1].line != o->items[j - 1].line + 2 ||
        o->t->s[o->items[i].a] == '0')
        return 0;
    /* the last piece ends the row: text after it, not the next row's
     * values (a total cut at the paper's edge, "5", and the next row's
     * first value "3" are no 53) */
    size_t after = j + 2;
    while (after < o->nitems && o->items[after].kind == IT_GAP)
        after++;
    if (after < o->nitems && o->items[after].kind == IT_NUM)
        return 0;
    size_t w = o->items[i].b - o->items[i].a, digits = 0;
    int64_t v = 0;
    for (size_t q = i; q <= j + 1; q++) {
        if (q == j)
            continue;
        const item_t *x = &o->items[q];
        size_t n = x->b - x->a;
        if (n > w || (q < j && n != w) || (digits += n) > 9)
            return 0;
        for (uint32_t c = x->a; c < x->b; c++)
            v = v * 10 + (o->t->s[c] - '0');
    }
    *joined = v;
    return 1;
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
    /* values on consecutive lines, one after the other: without any (a
     * region of singles), no run of pieces and no block that starts with
     * a wrapped value, and joining a total split over two blocks makes
     * none (a blank line before it, text or a blank line after), so that
     * only such totals are looked for */
    int stacked = 0;
    for (size_t q = 0; q + 1 < o->nitems && !stacked; q++)
        stacked = o->items[q].kind == IT_NUM &&
                  o->items[q + 1].kind == IT_NUM &&
                  o->items[q + 1].line == o->items[q].line + 1;
    size_t w = 0;
    /* where the run of digits on consecutive lines from an item before
     * ends: the same for every item of it (items from i on stay as they
     * are until two are joined) */
    size_t run_end = 0;
    for (size_t i = 0; i < o->nitems;) {
        size_t j = i;
        if (i < run_end)
            j = run_end;
        else
            while (j < o->nitems && plain_digits(o, &o->items[j]) &&
                   (j == i || o->items[j].line == o->items[j - 1].line + 1))
                j++;
        run_end = j;
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
        int max_joins =
            stacked && alone && j > i && wide && may_wrap_before(o, w)
                            ? WRAP_MAX_JOINS
                            : 0;
        int64_t two, split;
        /* a total split over two blocks, that makes the row's sum */
        if (alone && split_total(o, i, j, &split)) {
            int64_t sums[2];
            row_sums(o, w, sums);
            if (split >= 10 && (split == sums[0] || split == sums[1]) &&
                !closes_row(o, w)) {
                size_t idx[10], k = 0;
                for (size_t q = i; q < j; q++)
                    idx[k++] = q;
                idx[k++] = j + 1;
                if (ogi__order_join_items(o, idx, k, &o->items[w++], arena))
                    return OGI_ENOMEM;
                run_end = 0;
                i = j + 2;
                continue;
            }
        }
        if (!max_joins && (j - i < 2 || !wrap_shape(o, i, i + 2, &two))) {
            if (w != i) /* (items move only once some are joined) */
                o->items[w] = o->items[i];
            w++;
            i++;
            continue; /* nothing to join (no longer run is shaped if its
                         first two lines are not) */
        }
        /* the sums of the four and of the six values before (-1: not
         * so many values), for the runs joined alone */
        int64_t plain[2];
        row_sums(o, w, plain);
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
                    if ((total == plain[0] || total == plain[1]) &&
                        !row_goes_on(o, w, i, e))
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
        if (!end && alone && j - i == 2 && wrap_shape(o, i, j, &two) &&
            framed_row(o, w, j)) {
            nat = 0;
            end = j;
        }
        if (!end) {
            o->items[w++] = o->items[i++];
            continue;
        }
        run_end = 0; /* items are joined: the runs are looked at anew */
        /* the values' joins, last first: a block's first line takes
         * its last, the cells between stay */
        for (size_t k = nat; k-- > 0;) {
            size_t idx[2] = {at[k].p, at[k].p + at[k].n - 1};
            if (ogi__order_join_items(o, idx, 2, &o->items[idx[0]], arena))
                return OGI_ENOMEM;
            memmove(&o->items[idx[1]], &o->items[idx[1] + 1],
                    (w - idx[1] - 1) * sizeof(*o->items));
            w--;
        }
        if (end > i + 1) {
            size_t idx[9];
            for (size_t q = i; q < end; q++)
                idx[q - i] = q;
            if (ogi__order_join_items(o, idx, end - i, &o->items[w++], arena))
                return OGI_ENOMEM;
        } else {
            o->items[w++] = o->items[i];
        }
        i = end;
    }
    o->nitems = w;
    return 0;
}
