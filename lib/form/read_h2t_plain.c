/*
 * read_h2t_plain.c - html2text's tables drawn without bars.
 *
 * A table with border="0" (borders in CSS, a third of agency pages) comes
 * out of html2text 1.3.2a with no bars and no underscores. Its canvas is
 * a grid of bytes: each column starts at a byte column fixed for the
 * whole table (its width counted in characters), each cell's text is
 * copied there byte by byte, from the left cell to the right one. So an
 * ideograph label (three bytes a character) overflows its column, and the
 * next cells' text is written over the overflow:
 *
 *     2.申请人逾期未按收费通知要 2��0��0�� 0用 0�� 0��� 2关不再处理...
 *
 * Every value of a column starts at the same byte (left-aligned cells) or
 * about it (a centred cell is padded by half the rest), whatever the label
 * before it, while its display column wanders. The characters a value cut
 * are dropped by the decoder, which remembers where (ogi_text_broken_at).
 * A value is a number, a placeholder or a no-break space standing alone
 * between spaces, or, touching the overflow, a number lying on a column
 * where another line has a value alone. A column of the rows around that
 * holds text on a line is a cell that was overwritten: a placeholder wider
 * than its column ("不适用" in five) cut by the next value, or an empty
 * cell the label shows through; it reads as missing, never as a number.
 * A cell's no-break spaces are its text (two bytes, one character): a
 * value "&nbsp;0" starts at its no-break space, and one that fills its
 * column touches the next cell's digits ("~069" is "~0" and "69"). Such
 * digits are split where the rows around start a column; a cell wider in
 * bytes than in characters by two or more ("增 513", two no-break
 * spaces) may have lost its last digits there, and reads as missing.
 * A row is one line: its label fragments (cut at the dropped bytes), the
 * first one joined with the overflow left after the values, then its
 * values in their columns, each with its byte columns (x0, x1) so that
 * placement can put a short row's values in their columns.
 */
#include "ogi_int.h"

#include <string.h>

#include "ogi/error.h"
#include "h2t_plain_int.h"
#include "reader_int.h"

#define NEAR 8 /* lines around a line whose values vouch for its columns */

/* Whether some line of lines[lo, hi) but k has a value over byte columns
 * [x0, x1): alone between spaces, or touching text too (two numbers that
 * cut a label at the same byte are a column, not a label's digits). */
static int
vouched(const line_t *lines, size_t lo, size_t hi, size_t k, int x0, int x1)
{
    for (size_t m = lo; m < hi; m++) {
        if (m == k || lines[m].prose)
            continue;
        for (uint8_t j = 0; j < lines[m].n; j++) {
            const tok_t *tk = &lines[m].t[j];
            if (tk->kind != T_NBSP && tk->x0 < x1 && x0 < tk->x1)
                return 1;
        }
    }
    return 0;
}

/* Whether some line of lines[lo, hi) but k has a value starting at
 * byte column x: a column's start (cells are written left-aligned at
 * their column's byte, whatever the row). */
static int
starts_at(const line_t *lines, size_t lo, size_t hi, size_t k, int x)
{
    for (size_t m = lo; m < hi; m++) {
        if (m == k || lines[m].prose)
            continue;
        for (uint8_t j = 0; j < lines[m].n; j++)
            if (lines[m].t[j].kind != T_NBSP && !lines[m].t[j].mid &&
                lines[m].t[j].x0 == x)
                return 1;
    }
    return 0;
}

/* Whether some line of lines[lo, hi) but k has two values split at byte
 * column s, the left one ending in (x0, s]: cells of two columns where
 * line k's digits run together across s. */
static int
split_at(const line_t *lines, size_t lo, size_t hi, size_t k, int x0, int s)
{
    for (size_t m = lo; m < hi; m++) {
        if (m == k || lines[m].prose)
            continue;
        int left = 0;
        for (uint8_t j = 0; j < lines[m].n; j++) {
            const tok_t *tk = &lines[m].t[j];
            if (tk->kind == T_NBSP || tk->mid)
                continue;
            if (tk->x1 <= s && tk->x1 > x0)
                left = 1;
            else if (tk->x0 == s && left)
                return 1;
        }
    }
    return 0;
}

/* Whether normalised offset i follows a space, not a no-break space
 * (another cell's), nor text. */
static int
after_space(const ogi_text_t *t, uint32_t i)
{
    return i > 0 && t->s[i - 1] == ' ' && !ogi__table_is_nbsp(t, i - 1);
}

/* Whether some line of lines[lo, hi) but k has a value running from
 * byte column x0 or before it past byte column x: a cell as wide as that
 * in the column at x0. Digits led by no-break spaces say nothing: they
 * may be two cells as well. */
static int
spans_past(const line_t *lines, size_t lo, size_t hi, size_t k, int x0, int x)
{
    for (size_t m = lo; m < hi; m++) {
        if (m == k || lines[m].prose)
            continue;
        for (uint8_t j = 0; j < lines[m].n; j++) {
            const tok_t *tk = &lines[m].t[j];
            int led = tk->kind == T_NUM && tk->xd > tk->x0 && !tk->mid;
            if (!led && tk->x0 <= x0 && tk->x1 > x)
                return 1;
        }
    }
    return 0;
}

/*
 * Whether a header line just above the run of value lines holding
 * lines[k] (up to three lines, no value on them) has a cell's text start
 * at byte column x: after two spaces or more, where html2text wrote a
 * left-aligned header at its column's byte ("信息内  上一本  处理决定数量"
 * over "减 18354": 8354 starts where 处理决定数量 does). Not where html2text
 * read the page as ISO-8859-1: its bytes are not the view's there.
 */
static int
header_starts_at(const ogi_text_t *t, const line_t *lines, size_t k, int x)
{
    const unsigned char *u = (const unsigned char *)t->raw;
    size_t b0 = lines[k].b0;
    if (t->canvas || x < 2)
        return 0;
    for (size_t m = b0; m-- > 0 && b0 - m <= 3;) {
        const line_t *h = &lines[m];
        for (uint8_t j = 0; j < h->n; j++)
            if (h->t[j].kind != T_NBSP)
                return 0;
        if (h->prose)
            return 0;
        uint32_t p = h->r0 + (uint32_t)x;
        if (p < h->r1 && u[p] != ' ' && (u[p] & 0xc0) != 0x80 &&
            u[p - 1] == ' ' && u[p - 2] == ' ')
            return 1;
    }
    return 0;
}

/*
 * Settles line k's tokens against its neighbours' columns. No-break
 * spaces between two values' digits go to the cell whose column starts
 * there. Digits that run on across a column's start (a cell that filled
 * its column, then the next cell's value: "~069", "增 513742") are two
 * values, split there; the left one lost when its cell is wider in bytes
 * than in characters by two or more (a sign, two no-break spaces):
 * html2text cut it at the next column and its last digits may be gone.
 */
static void
settle(line_t *lines, size_t n, size_t k, const ogi_text_t *t)
{
    line_t *ln = &lines[k];
    size_t lo = k > NEAR ? k - NEAR : 0, hi = k + NEAR + 1 < n ? k + NEAR + 1 : n;
    if (ln->prose)
        return;
    if (lo < ln->b0)
        lo = ln->b0;
    if (hi > ln->b1)
        hi = ln->b1;
    for (uint8_t j = 0; j < ln->n; j++) {
        tok_t *tk = &ln->t[j];
        if (tk->mid && j > 0 && !starts_at(lines, lo, hi, k, tk->x0)) {
            /* the no-break spaces (two bytes each) end the left value's
             * cell up to the column that starts among them */
            for (int x = tk->x0 + 2; x <= tk->xd; x += 2) {
                if (!starts_at(lines, lo, hi, k, x))
                    continue;
                uint8_t moved = (uint8_t)((x - tk->x0) / 2);
                ln->t[j - 1].x1 = (int16_t)x;
                ln->t[j - 1].extra = (uint8_t)(ln->t[j - 1].extra + moved);
                tk->x0 = (int16_t)x;
                tk->extra = (uint8_t)(tk->extra - moved);
                break;
            }
        }
        if (tk->kind != T_NUM || ln->n >= MAX_TOK)
            continue;
        /* no-break spaces after a space leading the digits, where the
         * rows around start a column at each (two values split there)
         * and hold no wider cell in the first: a blank "&nbsp;" that
         * filled its column, then the next cell's digits ("~0" over
         * columns two bytes apart: a cell of two characters would have
         * pushed the next column a byte on) */
        if (!t->canvas && !tk->mid && tk->od == tk->off && tk->xd > tk->x0 &&
            tk->off > (uint32_t)(tk->xd - tk->x0) / 2 &&
            after_space(t, tk->off - (uint32_t)(tk->xd - tk->x0) / 2) &&
            starts_at(lines, lo, hi, k, tk->x0) &&
            split_at(lines, lo, hi, k, tk->x0, tk->xd) &&
            !spans_past(lines, lo, hi, k, tk->x0, tk->xd)) {
            uint32_t lead = (uint32_t)(tk->xd - tk->x0) / 2;
            memmove(&ln->t[j + 1], &ln->t[j], (size_t)(ln->n - j) * sizeof(tok_t));
            ln->n++;
            tok_t *b = &ln->t[j], *v = &ln->t[j + 1];
            b->kind = T_NBSP;
            b->off = b->od = v->off - lead;
            b->n = lead;
            b->x1 = b->xd = v->xd;
            b->extra = 0;
            b->clean = 1;
            b->lost = 0;
            v->x0 = v->xd;
            v->extra = (uint8_t)(v->extra - lead);
            continue; /* the digits are looked at next */
        }
        /* the digits of the token: [xd, xd + nd) */
        int nd = (int)(tk->off + tk->n - tk->od);
        /* a sign's or no-break spaces' cell wider in bytes than in
         * characters ran into the next column: the header above says
         * where that column starts, when no row does; right at the
         * digits' start when the next cell was written over all of
         * them ("增695" of "&nbsp;增 3" and 695) */
        int x0 = tk->xd + 1;
        if (tk->extra >= 2 && tk->od > tk->off &&
            header_starts_at(t, lines, k, tk->xd))
            x0 = tk->xd;
        for (int x = x0; x < tk->xd + nd; x++) {
            if (!ogi_text_is_digit((unsigned char)t->s[tk->od + (uint32_t)(x - tk->xd)]) ||
                !(split_at(lines, lo, hi, k, tk->x0, x) ||
                  (tk->extra >= 2 && header_starts_at(t, lines, k, x))))
                continue;
            memmove(&ln->t[j + 1], &ln->t[j], (size_t)(ln->n - j) * sizeof(tok_t));
            ln->n++;
            tok_t *l = &ln->t[j], *r = &ln->t[j + 1];
            uint32_t cut = tk->od + (uint32_t)(x - tk->xd);
            l->n = cut - l->off;
            l->x1 = (int16_t)x;
            l->lost = l->extra >= 2;
            r->off = r->od = cut;
            r->n -= cut - l->off;
            r->x0 = r->xd = (int16_t)x;
            r->extra = 0;
            r->mid = 0;
            r->clean = r->clean || l->clean;
            l->clean = 1;
            break; /* the right one is looked at next */
        }
    }
}

/* Keeps the accepted tokens of lines[k]: the clean ones, and numbers and
 * placeholders touching text that lie on a column where a line near has
 * a value. A line of prose has none. */
/* Whether token tk of line ln is a value of a row alone in its run of
 * value lines (Table 2's 行政事业性收费 and its amount, 政府集中采购 and its
 * projects and amount, between two headings): a number cut on a side
 * from the overflow it was written over ("行政\xe4\xba5319.3\xe6收费",
 * "政府\xe92\x86中\xe9\x8753010727.27"), with no line near to vouch for
 * its column, is the row's value all the same: no label holds digits
 * but its numbering, which is no value token. */
static int
lone_value(const ogi_text_t *t, const line_t *ln, const tok_t *tk)
{
    if (ln->b1 - ln->b0 != 1 || tk->kind != T_NUM)
        return 0;
    return ogi_text_broken_at(t, tk->off) ||
           ogi_text_broken_at(t, tk->off + tk->n);
}

static void
accept(line_t *lines, size_t n, size_t k, const ogi_text_t *t)
{
    line_t *ln = &lines[k];
    size_t lo = k > NEAR ? k - NEAR : 0, hi = k + NEAR + 1 < n ? k + NEAR + 1 : n;
    uint8_t m = 0;
    for (uint8_t j = 0; j < ln->n && !ln->prose; j++) {
        tok_t *tk = &ln->t[j];
        if (!tk->clean && !ln->vline && !lone_value(t, ln, tk) &&
            (tk->kind == T_NBSP || !vouched(lines, lo, hi, k, tk->x0, tk->x1)))
            continue;
        ln->t[m++] = *tk;
        ln->values += tk->kind != T_NBSP;
    }
    ln->n = m;
}

/* Broken sequences dropped inside lines [l0, l1). */
static size_t
broken_in(const ogi_text_t *t, size_t l0, size_t l1)
{
    size_t a = t->lines[l0].start, b = t->lines[l1 - 1].end, n = 0;
    for (size_t i = 0; i < t->nbroken && t->broken[i] <= b; i++)
        n += t->broken[i] >= a;
    return n;
}

/* Lines [l0, l1) scanned, and their values accepted. */
static void
scan_region(const ogi_text_t *t, size_t l0, size_t l1, line_t *lines)
{
    for (size_t l = l0; l < l1; l++)
        ogi__h2t_scan_line(t, l, &lines[l - l0]);
    /* runs of lines with a value token: a heading, a header row or a
     * line of padding between two tables ends one */
    size_t b = 0;
    for (size_t k = 0; k <= l1 - l0; k++) {
        int any = 0;
        for (uint8_t j = 0; k < l1 - l0 && j < lines[k].n && !any; j++)
            any = lines[k].t[j].kind != T_NBSP;
        if (any)
            continue;
        for (size_t m = b; m < k; m++) {
            lines[m].b0 = (uint32_t)b;
            lines[m].b1 = (uint32_t)k;
        }
        if (k < l1 - l0)
            lines[k].b0 = lines[k].b1 = (uint32_t)k;
        b = k + 1;
    }
    for (size_t l = l0; l < l1; l++)
        settle(lines, l1 - l0, l - l0, t);
    for (size_t l = l0; l < l1; l++)
        accept(lines, l1 - l0, l - l0, t);
}

typedef struct {
    int16_t x0, x1;
    uint16_t lines; /* lines of the block with a value in it */
} col_t;

/* The columns of a block of value lines: the byte spans of their values
 * merged where they overlap (a centred value moves by a byte or so), kept
 * where at least half the lines have a value. Returns their count. */
static size_t
block_cols(const line_t *lines, size_t n, col_t *cols)
{
    size_t nc = 0;
    for (size_t k = 0; k < n; k++)
        for (uint8_t j = 0; j < lines[k].n; j++) {
            const tok_t *tk = &lines[k].t[j];
            size_t c = 0;
            while (c < nc && (tk->x1 <= cols[c].x0 || tk->x0 >= cols[c].x1))
                c++;
            if (c == nc) {
                if (nc == MAX_COLS)
                    continue;
                cols[nc++] = (col_t){tk->x0, tk->x1, 0};
            } else {
                if (tk->x0 < cols[c].x0)
                    cols[c].x0 = tk->x0;
                if (tk->x1 > cols[c].x1)
                    cols[c].x1 = tk->x1;
            }
            cols[c].lines++;
        }
    size_t m = 0;
    for (size_t c = 0; c < nc; c++)
        if (cols[c].lines * 2 >= n)
            cols[m++] = cols[c];
    for (size_t c = 1; c < m; c++) /* left to right */
        for (size_t d = c; d > 0 && cols[d].x0 < cols[d - 1].x0; d--) {
            col_t tmp = cols[d];
            cols[d] = cols[d - 1];
            cols[d - 1] = tmp;
        }
    return m;
}

typedef struct {
    uint32_t off, n;
} frag_t;

/* Label fragments of line l outside its tokens: runs of text cut at
 * spaces and where bytes were dropped. */
static size_t
label_frags(const ogi_text_t *t, size_t l, const line_t *ln, frag_t *fr)
{
    const char *s = t->s;
    size_t ls = t->lines[l].start, le = t->lines[l].end, nf = 0, j = 0;
    size_t a = ls, i = ls;
    for (;;) {
        int tok = j < ln->n && i == ln->t[j].off;
        int cut = i >= le || s[i] == ' ' || tok ||
                  (i > a && ogi_text_broken_at(t, i));
        if (cut && i > a && nf < MAX_FRAG)
            fr[nf++] = (frag_t){(uint32_t)a, (uint32_t)(i - a)};
        if (i >= le)
            break;
        if (tok) {
            i += ln->t[j++].n;
            a = i;
        } else if (s[i] == ' ') {
            a = ++i;
        } else {
            if (cut)
                a = i; /* cut where bytes were dropped: text goes on */
            i += ogi_utf8_len(s + i, s + le);
        }
    }
    return nf;
}

/* Whether raw bytes [x0, x1) of a line hold text (neither spaces nor past
 * its end): a cell there was written over. */
static int
raw_text(const ogi_text_t *t, const line_t *ln, int x0, int x1)
{
    if (t->canvas) {
        uint32_t c0 = ogi__h2t_canvas_at(t, ln->r0);
        for (uint32_t r = ln->r0; r < ln->r1; r++) {
            uint32_t x = ogi__h2t_canvas_at(t, r) - c0;
            if (x >= (uint32_t)x1)
                break;
            unsigned char c = (unsigned char)t->raw[r];
            if (x >= (uint32_t)x0 && c != ' ' && c != 0xc2 && c != 0xa0)
                return 1;
        }
        return 0;
    }
    for (int x = x0; x < x1; x++) {
        if (ln->r0 + (uint32_t)x >= ln->r1)
            break;
        unsigned char c = (unsigned char)t->raw[ln->r0 + (uint32_t)x];
        if (c != ' ' && c != 0xc2 && c != 0xa0)
            return 1;
    }
    return 0;
}

/* A value the next cell cut (tk->lost) as a pattern for the arithmetic
 * (place_lost.c): its digits, then one '?' per byte it had beyond one a
 * character, as many as the digits it may have lost ("4??" for "增 4"
 * would need the sign: a signed one is "?", nothing to put back). */
static ogi__cell_t *
add_lost(ogi__table_t *tb, const ogi_text_t *t, const tok_t *tk)
{
    char pat[24];
    size_t o = 0, nd = tk->off + tk->n - tk->od;
    int ok = tk->kind == T_NUM && tk->extra > 0 &&
             nd + tk->extra < sizeof(pat);
    for (size_t i = tk->off; ok && i < tk->od; i++)
        ok = ogi__table_is_nbsp(t, i);
    for (size_t i = 0; ok && i < nd; i++) {
        pat[o] = t->s[tk->od + i];
        ok = ogi_text_is_digit((unsigned char)pat[o++]);
    }
    if (!ok)
        return ogi__table_add(tb, OGI__CELL_RUN, "?", 1, tk->off, tk->n);
    for (uint8_t k = 0; k < tk->extra; k++)
        pat[o++] = '?';
    const char *ps = ogi__table_strdup(tb, pat, o);
    return ps ? ogi__table_add(tb, OGI__CELL_RUN, ps, o, tk->off, tk->n)
              : NULL;
}

/*
 * Whether token tk of line ln is digits led by no-break spaces on a row
 * of values alone with no line around it (Table 4's one row): a cell
 * "&nbsp;7" that filled its column (two characters, three bytes) runs
 * into the next cell's value with no space between ("~70" is 7 and 0),
 * the same bytes as one cell "&nbsp;70" in a wider column, and no other
 * row tells the columns apart. Its digits are a run for the splitter,
 * whose arithmetic decides (or names the readings it cannot tell apart).
 */
static int
lone_run(const ogi_text_t *t, const line_t *ln, const tok_t *tk)
{
    if (ln->b1 - ln->b0 != 1 || !ln->vline || tk->kind != T_NUM ||
        tk->mid || tk->xd <= tk->x0 || tk->od == 0 ||
        !ogi__table_is_nbsp(t, tk->od - 1))
        return 0;
    uint32_t a = tk->od - 1;
    while (a > 0 && ogi__table_is_nbsp(t, a - 1))
        a--;
    if (a > 0 && ogi_text_is_digit((unsigned char)t->s[a - 1]))
        return 0; /* "0~53": whose the no-break spaces are is open */
    uint32_t e = tk->od, d;
    while (e < t->len && ogi_text_is_digit((unsigned char)t->s[e]))
        e++;
    d = e - tk->od;
    while (e < t->len && ogi__table_is_nbsp(t, e))
        e++;
    /* the no-break spaces after the digits, if any, are the cell's own:
     * no value touches them ("~10~53" is open, "~110~  12" is not) */
    return d >= 2 && d == tk->off + tk->n - tk->od &&
           (e == t->len || t->s[e] == '\n' || t->s[e] == ' ');
}

static ogi__cell_t *
add_tok(ogi__table_t *tb, const ogi_text_t *t, const line_t *ln,
        const tok_t *tk)
{
    ogi__cell_t *c;
    if (lone_run(t, ln, tk))
        c = ogi__table_add(tb, OGI__CELL_RUN, t->s + tk->od,
                           tk->off + tk->n - tk->od, tk->od,
                           tk->off + tk->n - tk->od);
    else if (tk->kind == T_NBSP)
        c = ogi__table_add(tb, OGI__CELL_BLANK, t->s + tk->off, 0, tk->off,
                           tk->n);
    else if (tk->lost)
        c = add_lost(tb, t, tk);
    else if (tk->kind == T_WORD && tk->n < strlen("不适用") &&
             memcmp(t->s + tk->off, "不", strlen("不")) == 0)
        c = ogi__table_add(tb, OGI__CELL_VALUE, "不适用", strlen("不适用"),
                           tk->off, tk->n);
    else
        c = ogi__table_add(tb, OGI__CELL_VALUE, t->s + tk->off, tk->n,
                           tk->off, tk->n);
    if (c) {
        c->x0 = tk->x0;
        c->x1 = tk->x1;
    }
    return c;
}

/* One value line as a row: labels, then values and the block's columns
 * it has nothing at. */
static int
add_row(ogi__table_t *tb, const ogi_text_t *t, size_t l, const line_t *ln,
        const col_t *cols, size_t nc)
{
    int rc = ogi__table_row_open(tb, l);
    if (rc)
        return rc;
    frag_t fr[MAX_FRAG];
    size_t nf = label_frags(t, l, ln, fr), pre = 0;
    /* no-break spaces before the label: blank cells of the columns left
     * of it (a group label's), not the row's values */
    size_t j0 = 0;
    while (j0 < ln->n && nf > 0 && ln->t[j0].kind == T_NBSP &&
           ln->t[j0].off < fr[0].off)
        j0++;
    uint32_t first = j0 < ln->n ? ln->t[j0].off : t->lines[l].end;
    while (pre < nf && fr[pre].off < first)
        pre++;
    for (size_t k = 0; k < pre; k++)
        if (!ogi__table_add(tb, OGI__CELL_LABEL, t->s + fr[k].off, fr[k].n,
                            fr[k].off, fr[k].n))
            return OGI_ENOMEM;
    if (pre > 0 && pre < nf) {
        /* the overflow the values left, after the label it belongs to */
        size_t n = 0;
        for (size_t k = pre - 1; k < nf; k++)
            n += fr[k].n;
        char *j = ogi_arena_alloc(tb->arena, n + 1);
        if (!j)
            return OGI_ENOMEM;
        size_t o = 0;
        for (size_t k = pre - 1; k < nf; k++) {
            memcpy(j + o, t->s + fr[k].off, fr[k].n);
            o += fr[k].n;
        }
        uint32_t a = fr[pre - 1].off, b = fr[nf - 1].off + fr[nf - 1].n;
        if (!ogi__table_add(tb, OGI__CELL_LABEL, j, n, a, b - a))
            return OGI_ENOMEM;
    }
    /* values and gaps, left to right */
    size_t j = j0;
    for (size_t c = 0; c <= nc; c++) {
        int lim = c < nc ? cols[c].x0 : MAX_X;
        while (j < ln->n && ln->t[j].x0 < lim)
            if (!add_tok(tb, t, ln, &ln->t[j++]))
                return OGI_ENOMEM;
        if (c == nc)
            break;
        if (j < ln->n && ln->t[j].x0 < cols[c].x1)
            continue; /* the next token is in this column */
        if (j == j0 && ln->n > j0)
            continue; /* left of the first value: the label's */
        uint32_t at = j > 0 ? ln->t[j - 1].off + ln->t[j - 1].n
                            : t->lines[l].end;
        ogi__cell_t *cell;
        if (raw_text(t, ln, cols[c].x0, cols[c].x1))
            cell = ogi__table_add(tb, OGI__CELL_RUN, "?", 1, at, 0);
        else if (ogi__h2t_canvas_at(t, ln->r0) + (uint32_t)cols[c].x0 <
                 ogi__h2t_canvas_at(t, ln->r1))
            cell = ogi__table_add(tb, OGI__CELL_BLANK, t->s + at, 0, at, 0);
        else
            continue; /* past the line: placement's to place */
        if (!cell)
            return OGI_ENOMEM;
        cell->x0 = cols[c].x0;
        cell->x1 = cols[c].x1;
    }
    ogi__table_row_close(tb);
    return 0;
}

/* Line l, which holds no values, as a row of its words cut at spaces and
 * where bytes were dropped. html2text that read the page as ISO-8859-1
 * wraps a header cell at its column's width in the page's bytes but
 * writes each byte as two: the next column is written over the second
 * half of every line of it, and what is left ("本年" of 本年增/减) runs
 * into the next column's words ("本年�处理决定数量"), which are another
 * header's. */
static int
add_cut_line(ogi__table_t *tb, const ogi_text_t *t, size_t l, const line_t *ln)
{
    int rc = ogi__table_row_open(tb, l);
    if (rc)
        return rc;
    line_t none = *ln;
    none.n = 0;
    frag_t fr[MAX_FRAG];
    size_t nf = label_frags(t, l, &none, fr);
    for (size_t k = 0; k < nf; k++) {
        ogi__cell_t *c = ogi__table_add(tb, OGI__CELL_LABEL, t->s + fr[k].off,
                                        fr[k].n, fr[k].off, fr[k].n);
        if (!c)
            return OGI_ENOMEM;
        c->measurable = 1;
    }
    ogi__table_row_close(tb);
    return 0;
}

/* Whether one of lines [l0, l1) holds values only (values_only) and a
 * byte dropped among them. */
static int
cut_value_line(const ogi_text_t *t, size_t l0, size_t l1)
{
    for (size_t l = l0; l < l1; l++)
        if (broken_in(t, l, l + 1) &&
            ogi__h2t_values_only(t, t->lines[l].start, t->lines[l].end))
            return 1;
    return 0;
}

/* Whether lines [l0, l1) may be the layout at all: bytes were dropped
 * (no other converter cuts characters; one is enough on a line of values
 * only, the appeals table's, where html2text of a GBK page leaves its one
 * cut) and nothing is drawn with bars. */
static int
maybe_plain(const ogi_text_t *t, size_t l0, size_t l1)
{
    if (l1 > t->nlines)
        l1 = t->nlines;
    size_t nb = l0 < l1 && l1 - l0 <= 4096 ? broken_in(t, l0, l1) : 0;
    if (nb == 0 || (nb < 2 && !cut_value_line(t, l0, l1)))
        return 0;
    for (size_t l = l0; l < l1; l++) {
        const ogi_line_t *ln = &t->lines[l];
        /* bars and box drawing are other layouts' */
        if (ln->end > ln->start && (t->s[ln->start] == '|' ||
                                    t->s[ln->start] == '+'))
            return 0;
    }
    return 1;
}

/* html2text's mark: value lines of several values whose numbers touch the
 * dropped bytes of an overflow, on columns other lines hold values at. */
static int
probe(const ogi_text_t *t, size_t l0, size_t l1)
{
    if (l1 > t->nlines)
        l1 = t->nlines;
    if (!maybe_plain(t, l0, l1))
        return 0;
    ogi_arena_t *a = ogi_arena_new(0);
    if (!a)
        return 0;
    line_t *lines = ogi_arena_alloc(a, (l1 - l0) * sizeof(*lines));
    int s = 0;
    if (lines) {
        scan_region(t, l0, l1, lines);
        size_t rows = 0, touched = 0;
        for (size_t l = l0; l < l1; l++) {
            const line_t *ln = &lines[l - l0];
            if (ln->values < 2)
                continue;
            rows++;
            for (uint8_t j = 0; j < ln->n; j++)
                if (!ln->t[j].clean) {
                    touched++;
                    break;
                }
        }
        /* one row of values alone (the appeals table) is no other
         * layout's either where characters were cut */
        if ((rows >= 2 || touched == rows) && touched >= 1)
            s = 60 + (int)(touched * 20 / rows);
        else if (rows >= 1)
            s = 40;
    }
    ogi_arena_destroy(&a);
    return s < OGI__PROBE_SURE ? s : OGI__PROBE_SURE;
}

static int
read(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    int rc;
    if (l1 > t->nlines)
        l1 = t->nlines;
    if (l0 >= l1)
        return 0;
    line_t *lines = ogi_arena_alloc(tb->arena, (l1 - l0) * sizeof(*lines));
    if (!lines)
        return OGI_ENOMEM;
    scan_region(t, l0, l1, lines);
    size_t l = l0;
    while (l < l1) {
        const line_t *ln = &lines[l - l0];
        if (ln->values == 0) {
            if (!ogi__table_is_empty_line(t, l) &&
                !ogi__table_is_page_line(t, l) &&
                !(ln->n > 0 && ln->n == 1 && ln->t[0].kind == T_NBSP &&
                  ln->t[0].n == t->lines[l].end - t->lines[l].start)) {
                if ((rc = t->canvas && !ln->prose
                              ? add_cut_line(tb, t, l, ln)
                              : ogi__table_add_line_row(tb, l)))
                    return rc;
            }
            l++;
            continue;
        }
        /* a block of consecutive value lines shares its columns */
        size_t m = l;
        while (m < l1 && lines[m - l0].values > 0)
            m++;
        col_t cols[MAX_COLS];
        size_t nc = block_cols(&lines[l - l0], m - l, cols);
        for (size_t k = l; k < m; k++)
            if ((rc = add_row(tb, t, k, &lines[k - l0], cols, nc)))
                return rc;
        l = m;
    }
    return 0;
}

const ogi__reader_t ogi__read_h2t_plain = {"h2t_plain", probe, read};
