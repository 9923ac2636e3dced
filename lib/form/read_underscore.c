/*
 * read_underscore.c - html2text's tables of underscores and bars.
 *
 * html2text (1.3.2a, Debian 12) draws a table as a rule line " _____" and
 * then, for every row, lines "|cell___|cell_|". It measures a column in
 * characters but writes its text in bytes, and it never breaks a word:
 * an ideograph is three bytes, so a label overflows its column, the bar
 * and the next cell's own text are written over the overflow, and what
 * is left of it shows in the next cells, after their value or in place of
 * their blank:
 *
 *     |其他对|19理|-6|1741|        其他对外管理服务事项 | 19 | -6 | 1741
 *
 * The bytes of a character cut by a bar or a value are dropped by the
 * decoder, which remembers where (ogi_text_broken_at): that is how a
 * fragment of overflow is told from a cell's own text. Padding is '_' on
 * the last line of a row and spaces on the others (a cell with <br> or
 * words wrapped at spaces takes several lines); a centred cell is padded
 * on both sides. A row of the table model is one visual row: its label
 * fragments joined in the order they were written, then one value or
 * blank per column after the labels. What a bar or a value overwrote is
 * lost: placement matches labels by prefix and suffix, and by row order.
 */
#include "ogi_int.h"

#include <string.h>

#include "ogi/error.h"
#include "read_underscore_int.h"
#include "reader_int.h"

/* A bar line with padding next to a bar: html2text's, not Markdown's. */
static int
has_underscore_bar(const ogi_text_t *t, size_t l)
{
    const char *s = t->s;
    size_t a = ogi__uscore_bar_start(t, l), e = t->lines[l].end;
    /* the underscore beside a bar: a line without one is settled in one
     * search */
    if (a == e || !memchr(s + a, '_', e - a))
        return 0;
    for (size_t i = a + 1; i < e; i++)
        if (s[i] == '|' &&
            (s[i - 1] == '_' || (i + 1 < t->lines[l].end && s[i + 1] == '_')))
            return 1;
    return 0;
}

/* A line ending a visual row: it has underscore padding, or no cell of
 * text padded with spaces (a line of cells all full; a no-break space of
 * a cell's text is no padding). A cell of spaces only says nothing: it is
 * the middle of a rowspan as often as an empty cell of an upper line. A
 * line whose cells of text are padded with spaces is a row's upper line;
 * one of spaces only, too. */
static int
is_row_end(const ogi_text_t *t, size_t l)
{
    const char *s = t->s;
    int spaced = 0, text = 0, cell_text = 0, cell_nbsp = 0, blank_cells = 0;
    for (size_t i = ogi__uscore_bar_start(t, l) + 1; i < t->lines[l].end; i++) {
        if (s[i] == '_')
            return 1;
        if (s[i] == '|') {
            /* a cell of no-break spaces padded with spaces is blank: the
             * middle of a rowspan, as spaces only */
            if (cell_text && s[i - 1] == ' ' && !ogi__table_is_nbsp(t, i - 1))
                spaced = 1;
            blank_cells += !cell_text && !cell_nbsp;
            text |= cell_text | cell_nbsp;
            cell_text = cell_nbsp = 0;
        } else if (ogi__table_is_nbsp(t, i)) {
            cell_nbsp = 1;
        } else if (s[i] != ' ') {
            cell_text = 1;
        }
    }
    return text ? !spaced : !blank_cells;
}

/* Appends one label cell made of fragments fr[0..n) (in writing order). */
static int
add_label(ogi__table_t *tb, const frag_t *const *fr, size_t n)
{
    const char *s = tb->text->s;
    size_t lo = fr[0]->off, hi = fr[0]->off + fr[0]->n, total = 0;
    for (size_t i = 0; i < n; i++) {
        total += fr[i]->n + 1;
        if (fr[i]->off < lo)
            lo = fr[i]->off;
        if (fr[i]->off + fr[i]->n > hi)
            hi = fr[i]->off + fr[i]->n;
    }
    if (n == 1)
        return ogi__table_add(tb, OGI__CELL_LABEL, s + fr[0]->off, fr[0]->n,
                              fr[0]->off, fr[0]->n)
                   ? 0
                   : OGI_ENOMEM;
    char *buf = ogi_arena_alloc(tb->arena, total);
    if (!buf)
        return OGI_ENOMEM;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        /* lines of a wrapped label were broken at spaces: keep one */
        if (i > 0 && fr[i]->line != fr[i - 1]->line && fr[i]->kind == F_OWN)
            buf[o++] = ' ';
        memcpy(buf + o, s + fr[i]->off, fr[i]->n);
        o += fr[i]->n;
    }
    return ogi__table_add(tb, OGI__CELL_LABEL, buf, o, lo, hi - lo)
               ? 0
               : OGI_ENOMEM;
}

/*
 * The labels of a visual row. A chain is a label's own fragment and the
 * overflow fragments after it on its line; the chains that start in one
 * column on successive lines are one wrapped label. Each label is added
 * as its first fragment alone (a prefix that placement recognises when
 * the overflow lost too much) and then joined, so that the joined label
 * decides when it matches. Returns the last column holding a label, or
 * -1, through *last_col.
 */
static int
add_labels(ogi__table_t *tb, const frags_t *fs, int *last_col)
{
    const frag_t *order[MAX_FRAGS];
    *last_col = -1;
    int done_col = -1;
    for (;;) {
        /* the leftmost column with an own fragment not yet read */
        int col = -1;
        for (size_t i = 0; i < fs->n; i++)
            if (fs->f[i].kind == F_OWN && fs->f[i].col > done_col &&
                (col < 0 || fs->f[i].col < col))
                col = fs->f[i].col;
        if (col < 0)
            break;
        size_t n = 0;
        for (size_t i = 0; i < fs->n; i++) {
            const frag_t *f = &fs->f[i];
            if (f->kind != F_OWN || f->col != col)
                continue;
            order[n++] = f;
            /* its overflow: the fragments after it on its line, up to the
             * next own fragment */
            for (size_t j = i + 1; j < fs->n && fs->f[j].line == f->line &&
                                   fs->f[j].kind != F_OWN;
                 j++)
                if (fs->f[j].kind == F_CONT)
                    order[n++] = &fs->f[j];
        }
        int rc;
        if (n > 1 && (rc = add_label(tb, order, 1)))
            return rc;
        if ((rc = add_label(tb, order, n)))
            return rc;
        *last_col = col;
        done_col = col;
    }
    /* overflow with no own fragment on its line (the label's start was in
     * the row above): a label of its own */
    for (size_t i = 0; i < fs->n; i++) {
        const frag_t *f = &fs->f[i];
        int owned = 0;
        for (size_t j = 0; j < i && !owned; j++)
            owned = fs->f[j].line == f->line && fs->f[j].kind == F_OWN;
        if (f->kind == F_CONT && !owned) {
            const frag_t *one = f;
            int rc = add_label(tb, &one, 1);
            if (rc)
                return rc;
        }
    }
    return 0;
}

/*
 * What is left of a value cut at the bar (F_CUT) as a pattern for the
 * arithmetic (OGI__CELL_RUN, place_lost.c): its digits, then one '?' per
 * digit the bar may have taken. Each no-break space before the digits is
 * one character but two bytes, so it pushed one byte past the column: the
 * value lost at most as many digits as it has no-break spaces ("\xc2\xa04|"
 * is 4 or 4x: "4?"; "\xc2\xa0|" a blank or one digit: "?"); a dash
 * after them is a placeholder cut short: "-". Returns the pattern's
 * length, 0 when the cell is no such value (a sign's cut).
 */
static size_t
cut_pattern(const ogi_text_t *t, const frag_t *f, char *out, size_t size)
{
    size_t p = f->off, e = f->off + f->n, k = 0, o = 0;
    while (p < e && ogi__table_is_nbsp(t, p)) {
        p++;
        k++;
    }
    if (k == 0)
        return 0;
    /* a dash run up to the bar: a placeholder ("--", "—") cut short */
    if (p + 1 == e && t->s[p] == '-') {
        out[0] = '-';
        return 1;
    }
    for (; p < e; p++) {
        if (!ogi_text_is_digit((unsigned char)t->s[p]) || o + 1 >= size)
            return 0;
        out[o++] = t->s[p];
    }
    if (o + k >= size)
        return 0;
    while (k-- > 0)
        out[o++] = '?';
    return o;
}

/*
 * A placeholder of dashes html2text broke after a hyphen over the lines of
 * a row ("--" as "-" on one line and "-" on the next, in a column narrow
 * in the bytes it laid out): column col's values, when they are all
 * dashes and each on a line of its own, are one value, added whole.
 * Sets *added to 1 when it added it. Returns nonzero on no memory.
 */
static int
split_dashes(ogi__table_t *tb, const frags_t *fs, int col, int *added)
{
    const char *s = tb->text->s;
    char buf[8];
    size_t n = 0, k = 0, off = 0, end = 0;
    int line = -1;
    for (size_t i = 0; i < fs->n; i++) {
        const frag_t *f = &fs->f[i];
        if (f->col != col || f->kind == F_BLANK)
            continue;
        if (f->kind != F_VALUE || f->spaced || f->line == line ||
            n + f->n > sizeof(buf))
            return 0;
        for (size_t j = 0; j < f->n; j++)
            if (s[f->off + j] != '-')
                return 0;
        memcpy(buf + n, s + f->off, f->n);
        n += f->n;
        if (k++ == 0)
            off = f->off;
        end = f->off + f->n;
        line = f->line;
    }
    if (k < 2)
        return 0;
    const char *v = ogi__table_strdup(tb, buf, n);
    if (!v || !ogi__table_add(tb, OGI__CELL_VALUE, v, n, off, end - off))
        return 1;
    *added = 1;
    return 0;
}

/* The values of a visual row: per column after the labels, its value(s),
 * else a blank when the column holds nothing of its own. */
static int
add_values(ogi__table_t *tb, const frags_t *fs, int last_col)
{
    const char *s = tb->text->s;
    int maxcol = -1;
    for (size_t i = 0; i < fs->n; i++)
        if (fs->f[i].col > maxcol)
            maxcol = fs->f[i].col;
    for (int col = 0; col <= maxcol; col++) {
        int values = 0, own = 0, blank = 0;
        size_t blank_off = 0;
        if (col > last_col && split_dashes(tb, fs, col, &values))
            return OGI_ENOMEM;
        for (size_t i = 0; i < fs->n && !values; i++) {
            const frag_t *f = &fs->f[i];
            if (f->col != col)
                continue;
            if (f->kind == F_VALUE) {
                const char *v = s + f->off;
                size_t vn = f->n;
                if (f->spaced == 3) {
                    /* a placeholder or a blank: place_lost.c says so */
                    if (!ogi__table_add(tb, OGI__CELL_RUN, "~", 1, f->off,
                                        f->n))
                        return OGI_ENOMEM;
                    values++;
                    continue;
                }
                if (f->spaced == 2) {
                    v = "不适用";
                    vn = strlen(v);
                } else if (f->spaced) {
                    char *c = ogi__table_strdup(tb, v, f->n);
                    if (!c)
                        return OGI_ENOMEM;
                    for (size_t k = 0; k < f->n; k++)
                        if (c[k] == '_')
                            c[k] = ' ';
                    v = c;
                }
                if (!ogi__table_add(tb, OGI__CELL_VALUE, v, vn, f->off, f->n))
                    return OGI_ENOMEM;
                values++;
            } else if (f->kind == F_LOST) {
                /* kept in its column so that the next values stay in
                 * theirs; as no number it becomes a missing cell */
                if (!ogi__table_add(tb, OGI__CELL_RUN, s + f->off, f->n, f->off,
                                    f->n))
                    return OGI_ENOMEM;
                values++;
            } else if (f->kind == F_CUT) {
                /* left of the labels it is a spanned cell's "&nbsp;";
                 * after them a value that must read as missing */
                char pat[24];
                size_t pn = cut_pattern(tb->text, f, pat, sizeof(pat));
                const char *ps = pn ? ogi__table_strdup(tb, pat, pn) : NULL;
                if (pn && !ps)
                    return OGI_ENOMEM;
                if (col > last_col &&
                    !ogi__table_add(tb, OGI__CELL_RUN, ps ? ps : "?",
                                    ps ? pn : 1, f->off, f->n))
                    return OGI_ENOMEM;
                values += col > last_col;
            } else if (f->kind == F_OWN) {
                own = 1;
            } else if (!blank) {
                blank = 1;
                blank_off = f->off;
            }
        }
        if (!values && !own && blank && col > last_col &&
            !ogi__table_add(tb, OGI__CELL_BLANK, s + blank_off, 0, blank_off,
                            0))
            return OGI_ENOMEM;
    }
    return 0;
}

static int
probe(const ogi_text_t *t, size_t l0, size_t l1)
{
    size_t bars = 0, marked = 0, rules = 0;
    /* a marked line holds a bar and an underscore beside it: a region
     * without either (most; Markdown's pipe tables have no underscores) is
     * declined in one search or two */
    if (!ogi__probe_region_has(t, l0, l1, "|") ||
        !ogi__probe_region_has(t, l0, l1, "_"))
        return 0;
    for (size_t l = l0; l < l1; l++) {
        if (ogi__uscore_is_rule_line(t, l))
            rules++;
        else if (ogi__uscore_is_bar_line(t, l)) {
            bars++;
            marked += (size_t)has_underscore_bar(t, l);
        }
    }
    /* header rows cut short carry no padding: a few marked rows decide */
    if (marked < 2 || marked * 8 < bars)
        return 0;
    /* "_|" is html2text's alone; a rule line above the bars too */
    int s = 80 + (int)(10 * marked / bars) + (rules ? 5 : 0);
    return s < OGI__PROBE_SURE ? s : OGI__PROBE_SURE;
}

static int
read(ogi__table_t *tb, const ogi_text_t *t, size_t l0, size_t l1)
{
    int rc;
    size_t l = l0;
    /* one row's fragments, reused row after row: too large for the stack */
    frags_t *f = ogi_arena_alloc(tb->arena, sizeof(*f));
    if (!f)
        return OGI_ENOMEM;
    while (l < l1) {
        if (ogi__uscore_is_rule_line(t, l) || ogi__table_is_empty_line(t, l) ||
            ogi__table_is_page_line(t, l)) {
            l++;
            continue;
        }
        if (!ogi__uscore_is_bar_line(t, l)) {
            if ((rc = ogi__table_add_line_row(tb, l)))
                return rc;
            l++;
            continue;
        }
        /* a visual row: upper lines padded with spaces, then its last */
        size_t m = l;
        while (m + 1 < l1 && m - l + 1 < MAX_ROWLINE && !is_row_end(t, m) &&
               ogi__uscore_is_bar_line(t, m + 1))
            m++;
        f->n = 0;
        for (size_t k = l; k <= m; k++)
            ogi__uscore_read_line(t, f, k, k - l);
        int last_col;
        if ((rc = ogi__table_row_open(tb, l)) ||
            (rc = add_labels(tb, f, &last_col)) ||
            (rc = add_values(tb, f, last_col)))
            return rc;
        ogi__table_row_close(tb);
        l = m + 1;
    }
    return 0;
}

const ogi__reader_t ogi__read_underscore = {"underscore", probe, read};
