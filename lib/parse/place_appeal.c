/*
 * place_appeal.c - Table 4's one row of values into the report's cells
 * (place_int.h): the blanks its header shows where columns are aligned
 * by spaces, and values fitted to the blocks whose parts make each
 * block's total where the text kept no trace of its blank cells.
 */
#include "ogi_int.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#include "place_int.h"

/*
 * Table 4 has one row of values, so no whole row gives its columns'
 * positions the way Table 3's rows do (place_blanks.c): where columns are
 * aligned by spaces and a cell was left empty, its header shows where
 * the column is. The header's words are laid out in the 15 leaf columns
 * (a leaf's label wrapped over lines stays within its column), under
 * group labels (行政复议, 未经复议直接起诉) that each span several of
 * them. A word overlapping two words that do not overlap each other is
 * such a group label and is set aside, and so is a word that meets only
 * group labels (a group label wrapped over lines). What is left falls in
 * clusters of overlapping words: when they are as many as the table's
 * columns, they are its columns.
 */

#define T4_MAX_WORDS 128

typedef struct {
    int x0, x1; /* display columns [x0, x1) */
    int group;  /* a group label's, or only under one */
    int one;    /* one character: a wrapped label's last piece */
} hword_t;

/* Appends the words of label cell c with their display columns to w[*n]
 * (at most max); a cell whose text's width is not its span (text folded
 * from full-width forms) is one word. */
static void
header_words(const ogi__table_t *g, const ogi__cell_t *c, hword_t *w, size_t *n,
             size_t max)
{
    int x0, x1;
    ogi__table_cell_columns(g->text, c, &x0, &x1);
    if (x0 < 0 || x1 <= x0 || *n == max)
        return;
    const char *p = c->s, *end = c->s + c->n;
    int width = 0;
    while (p < end) {
        uint32_t cp;
        size_t k = ogi_utf8_decode(p, end, &cp);
        if (!k)
            k = 1, cp = '?';
        width += ogi__table_cp_width(cp);
        p += k;
    }
    if (width != x1 - x0) {
        uint32_t first;
        size_t k = ogi_utf8_decode(c->s, end, &first);
        w[(*n)++] = (hword_t){x0, x1, 0, k > 0 && k == c->n};
        return;
    }
    int x = x0, in = 0;
    for (p = c->s; p < end && *n < max;) {
        uint32_t cp;
        size_t k = ogi_utf8_decode(p, end, &cp);
        if (!k)
            k = 1, cp = '?';
        int cw = ogi__table_cp_width(cp);
        if (cp == ' ') {
            in = 0;
        } else if (!in) {
            w[(*n)++] = (hword_t){x, x + cw, 0, 1};
            in = 1;
        } else {
            w[*n - 1].x1 = x + cw;
            w[*n - 1].one = 0;
        }
        x += cw;
        p += k;
    }
}

static int
overlap(const hword_t *a, const hword_t *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1;
}

/*
 * The columns [lo[k], hi[k]) of the header in records [0, upto) of g,
 * when they are ncols (see above). Returns 1 when they are. skip_one:
 * words of one character left out (pdftotext -layout sets a leaf's
 * label wrapped in its narrow column, "结果维" over "持", and the last
 * piece where the characters before it push it, off its column).
 */
static int
header_columns(const ogi__table_t *g, size_t upto, size_t ncols, int *lo,
               int *hi, int skip_one)
{
    hword_t w[T4_MAX_WORDS];
    size_t n = 0, line[T4_MAX_WORDS];
    for (size_t ri = 0; ri < upto; ri++) {
        const ogi__row_t *rec = &g->rows[ri];
        if (rec->prosey)
            continue;
        size_t from = n;
        for (size_t i = 0; i < rec->count; i++)
            if (g->cells[rec->first + i].kind == OGI__CELL_LABEL)
                header_words(g, &g->cells[rec->first + i], w, &n, T4_MAX_WORDS);
        for (size_t k = from; k < n; k++)
            line[k] = ri;
        if (!skip_one)
            continue;
        size_t kept = from;
        for (size_t k = from; k < n; k++)
            if (!w[k].one)
                w[kept++] = w[k];
        n = kept;
    }
    /* group labels: the words they overlap do not all overlap */
    for (size_t i = 0; i < n; i++) {
        int end_min = INT_MAX, start_max = INT_MIN;
        for (size_t j = 0; j < n; j++) {
            if (j == i || !overlap(&w[i], &w[j]))
                continue;
            if (w[j].x1 < end_min)
                end_min = w[j].x1;
            if (w[j].x0 > start_max)
                start_max = w[j].x0;
        }
        w[i].group = end_min <= start_max;
    }
    /* a group label wrapped over lines: its other lines lie within it,
     * starting where it does or centred as it is, and meet no leaf */
    int under[T4_MAX_WORDS];
    for (size_t i = 0; i < n; i++) {
        int leaf = 0, part = 0;
        for (size_t j = 0; j < n && !w[i].group; j++) {
            if (j == i || !overlap(&w[i], &w[j]))
                continue;
            if (!w[j].group)
                leaf = 1;
            else if (w[i].x0 >= w[j].x0 && w[i].x1 <= w[j].x1 &&
                     (w[i].x0 == w[j].x0 ||
                      abs((w[i].x0 + w[i].x1) - (w[j].x0 + w[j].x1)) <= 2))
                part = 1;
        }
        under[i] = part && !leaf;
    }
    /* the middle one of a group's leaves is centred under it too: a word
     * beside another under the same group on its line is a leaf */
    int leaf_too[T4_MAX_WORDS] = {0};
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; under[i] && j < n; j++) {
            if (!w[j].group || !overlap(&w[i], &w[j]))
                continue;
            for (size_t k = 0; k < n; k++)
                if (k != i && line[k] == line[i] && !w[k].group && !under[k] &&
                    overlap(&w[k], &w[j]))
                    leaf_too[i] = 1;
        }
    for (size_t i = 0; i < n; i++)
        under[i] &= !leaf_too[i];
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!w[i].group && !under[i])
            w[k++] = w[i];
    n = k;
    /* clusters of overlapping words, left to right */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && w[j].x0 < w[j - 1].x0; j--) {
            hword_t t = w[j];
            w[j] = w[j - 1];
            w[j - 1] = t;
        }
    size_t nc = 0;
    for (size_t i = 0; i < n; i++) {
        if (nc && w[i].x0 < hi[nc - 1]) {
            if (w[i].x1 > hi[nc - 1])
                hi[nc - 1] = w[i].x1;
            continue;
        }
        if (nc == ncols)
            return 0;
        lo[nc] = w[i].x0;
        hi[nc++] = w[i].x1;
    }
    return nc == ncols;
}

/*
 * Gives a row of values that came short the blanks its header's columns
 * show: each value goes to the column it lies in (or is nearest to), in
 * order, one value a column; the others are blank. A row whose values
 * cannot be so placed is left as it is.
 */
static void
appeal_blanks(ogi__prow_t *pr, const ogi__table_t *g, size_t rec)
{
    int lo[OGI_T4_CELLS], hi[OGI_T4_CELLS];
    if (pr->ntoks == 0 || pr->ntoks >= OGI_T4_CELLS ||
        (!header_columns(g, rec, OGI_T4_CELLS, lo, hi, 0) &&
         !header_columns(g, rec, OGI_T4_CELLS, lo, hi, 1)))
        return;
    uint32_t out[OGI_T4_CELLS];
    size_t next = 0;
    for (size_t v = 0; v < pr->ntoks; v++) {
        const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[v]);
        int x0, x1;
        ogi__table_cell_columns(g->text, c, &x0, &x1);
        if (c->kind != OGI__CELL_VALUE || x0 < 0 || x1 <= x0)
            return;
        /* twice the distance of the value's centre from each column */
        long m = (long)x0 + x1, best_d = LONG_MAX;
        size_t best = OGI_T4_CELLS;
        for (size_t k = 0; k < OGI_T4_CELLS; k++) {
            long d = m < 2L * lo[k]    ? 2L * lo[k] - m
                     : m >= 2L * hi[k] ? m - 2L * hi[k] + 1
                                       : 0;
            if (d < best_d) {
                best_d = d;
                best = k;
            }
        }
        if (best < next || OGI_T4_CELLS - best < pr->ntoks - v)
            return;
        while (next < best)
            out[next++] = OGI__PLAN_GAP;
        out[next++] = pr->toks[v];
    }
    while (next < OGI_T4_CELLS)
        out[next++] = OGI__PLAN_GAP;
    memcpy(pr->toks, out, sizeof(out));
    pr->ntoks = OGI_T4_CELLS;
}

/*
 * Table 4's values with its blank cells gone without a trace (a crawler's
 * text of one text node a line, from a page that leaves every zero blank:
 * "5 2 7 8 1 9" for fifteen cells). Each block's parts make its total
 * (D3, a blank cell 0), which leaves few placements. Among them counts go
 * where counts usually are: the earlier blocks first (行政复议 before the
 * suits), and within a block 维持, then 尚未审结, 其他结果, 纠正. The
 * values placed, with P5 when one placement fits and P6 naming how many
 * when several do; none fits: *done 0, the row read as printed.
 */
#define FIT_BLOCKS 3
#define FIT_COLS   5
typedef struct {
    int64_t v[OGI_T4_CELLS];
    size_t n;
    size_t pos[OGI_T4_CELLS], best[OGI_T4_CELLS];
    long best_cost;
    size_t fits, ties;
} fit_t;

static void
fit_walk(fit_t *f, size_t i, size_t from)
{
    if (i == f->n) {
        int64_t cell[OGI_T4_CELLS] = {0};
        for (size_t k = 0; k < f->n; k++)
            cell[f->pos[k]] = f->v[k];
        for (size_t b = 0; b < FIT_BLOCKS; b++) {
            const int64_t *c = cell + b * FIT_COLS;
            if (c[0] + c[1] + c[2] + c[3] != c[4])
                return;
        }
        /* 维持 0, 纠正 3, 其他 2, 尚未审结 1, 总计 0; a later block 10 */
        static const long col_cost[FIT_COLS] = {0, 3, 2, 1, 0};
        long cost = 0;
        for (size_t k = 0; k < f->n; k++)
            cost += (long)(f->pos[k] / FIT_COLS) * 10 +
                    col_cost[f->pos[k] % FIT_COLS];
        f->fits++;
        if (f->fits == 1 || cost < f->best_cost) {
            f->best_cost = cost;
            f->ties = 1;
            memcpy(f->best, f->pos, f->n * sizeof(*f->pos));
        } else if (cost == f->best_cost) {
            f->ties++;
        }
        return;
    }
    for (size_t p = from; p + (f->n - i) <= OGI_T4_CELLS; p++) {
        f->pos[i] = p;
        fit_walk(f, i + 1, p + 1);
    }
}

/*
 * The rows a traceless row of values leaves undecided: toks[0..n) are
 * Table 4's values in printed order with nothing telling where its
 * blank cells stood (each block's parts make its total, D3, a blank or a
 * placeholder 0 in the sums). Every placement of them, in order, that
 * keeps each block's total is a reading of the same text; a block whose
 * cells (a count, a "—", a blank) differ among those readings from what
 * was placed gets a P6 naming its other readings, the row's own warning
 * that the text cannot tell them apart. Placements that give the same
 * numbers (a 0 here and a blank there, or the other way) are different
 * readings: a 0 and a blank are not the same cell. Nothing is said when
 * a token is no count, placeholder or blank. Where no placement keeps
 * every total (a report whose own sums are wrong), the readings are
 * those that break the fewest.
 */
#define TELL_SHOWN 4
typedef struct {
    uint8_t st[OGI_T4_CELLS]; /* OGI_CELL_* of each token */
    int64_t v[OGI_T4_CELLS];
    size_t n;
    size_t pos[OGI_T4_CELLS];
    uint8_t placed_st[OGI_T4_CELLS];
    int64_t placed_v[OGI_T4_CELLS];
    size_t fits;
    int bad; /* blocks whose total the readings break, the fewest */
    int runs;   /* pieces are runs of digits and values (tell_runs) */
    size_t least[OGI__PLAN_MAX_TOKS + 1]; /* cells pieces i.. fill */
    int spaced; /* some white space may hold blank cells */
    long steps; /* left to tell_runs's walk */
    /* per block: its other readings seen (the first TELL_SHOWN kept) */
    size_t nalt[FIT_BLOCKS];
    uint8_t alt_st[FIT_BLOCKS][TELL_SHOWN][FIT_COLS];
    int64_t alt_v[FIT_BLOCKS][TELL_SHOWN][FIT_COLS];
    uint32_t seen[FIT_BLOCKS][8]; /* a hash set of readings, for nalt */
} tell_t;

static int
tell_token(const ogi__cell_t *c, uint8_t *st, int64_t *v)
{
    *v = 0;
    if (c->kind == OGI__CELL_BLANK) {
        *st = OGI_CELL_EMPTY;
        return 1;
    }
    if (c->kind != OGI__CELL_VALUE)
        return 0;
    if (c->num.kind == OGI_NUM_PLACEHOLDER) {
        *st = OGI_CELL_NA;
        return 1;
    }
    if (c->num.kind != OGI_NUM_VALUE || c->num.scale)
        return 0;
    *st = OGI_CELL_NUM;
    *v = c->num.value;
    return 1;
}

/* Records block b's reading st/v when it is not the placed one. */
static void
tell_note(tell_t *t, size_t b, const uint8_t *st, const int64_t *v)
{
    const uint8_t *pst = t->placed_st + b * FIT_COLS;
    const int64_t *pv = t->placed_v + b * FIT_COLS;
    uint32_t h = 2166136261u;
    int same = 1;
    for (size_t k = 0; k < FIT_COLS; k++) {
        same &= st[k] == pst[k] && v[k] == pv[k];
        h = (h ^ st[k]) * 16777619u;
        h = (h ^ (uint32_t)v[k]) * 16777619u;
    }
    if (same)
        return;
    /* distinct readings counted by a 256-bit set of their hashes: a count
     * for the message, never a decision */
    uint32_t bit = h % 256;
    if (t->seen[b][bit / 32] & (1u << (bit % 32)))
        return;
    t->seen[b][bit / 32] |= 1u << (bit % 32);
    if (t->nalt[b] < TELL_SHOWN) {
        memcpy(t->alt_st[b][t->nalt[b]], st, FIT_COLS);
        memcpy(t->alt_v[b][t->nalt[b]], v, FIT_COLS * sizeof(*v));
    }
    t->nalt[b]++;
}

/* A reading st/v of the fifteen cells: kept among the readings when it
 * breaks no more blocks' totals than the fewest seen. */
static void
tell_leaf(tell_t *t, const uint8_t *st, const int64_t *v)
{
    int bad = 0;
    for (size_t b = 0; b < FIT_BLOCKS; b++) {
        const int64_t *c = v + b * FIT_COLS;
        bad += c[0] + c[1] + c[2] + c[3] != c[4];
    }
    if (bad > t->bad)
        return;
    if (bad < t->bad) { /* the readings so far break more */
        t->bad = bad;
        t->fits = 0;
        memset(t->nalt, 0, sizeof(t->nalt));
        memset(t->seen, 0, sizeof(t->seen));
    }
    t->fits++;
    for (size_t b = 0; b < FIT_BLOCKS; b++)
        tell_note(t, b, st + b * FIT_COLS, v + b * FIT_COLS);
}

static void
tell_walk(tell_t *t, size_t i, size_t from)
{
    if (i == t->n) {
        uint8_t st[OGI_T4_CELLS];
        int64_t v[OGI_T4_CELLS] = {0};
        memset(st, OGI_CELL_EMPTY, sizeof(st));
        for (size_t k = 0; k < t->n; k++) {
            st[t->pos[k]] = t->st[k];
            v[t->pos[k]] = t->v[k];
        }
        tell_leaf(t, st, v);
        return;
    }
    for (size_t p = from; p + (t->n - i) <= OGI_T4_CELLS; p++) {
        t->pos[i] = p;
        tell_walk(t, i + 1, p + 1);
    }
}

/* Appends block cells st/v as "0 - _ 3 3" to buf[*w..size). */
static void
tell_show(char *buf, size_t size, size_t *w, const uint8_t *st,
          const int64_t *v)
{
    for (size_t k = 0; k < FIT_COLS; k++) {
        int m = st[k] == OGI_CELL_NUM
                    ? snprintf(buf + *w, size - *w, "%s%lld", k ? " " : "",
                               (long long)v[k])
                    : snprintf(buf + *w, size - *w, "%s%s", k ? " " : "",
                               st[k] == OGI_CELL_NA ? "-" : "_");
        if (m > 0 && (size_t)m < size - *w)
            *w += (size_t)m;
    }
}

/*
 * Whether values toks[0..n) keep no trace of the blank cells among them:
 * no blank piece, no column of a grid, no empty line between two of
 * them, and no display columns, or the same one for each value on the
 * line after the one before (a text of one cell a line, its empty cells
 * dropped, as a crawler saves text nodes).
 */
static int
appeal_traceless(const ogi__table_t *g, const uint32_t *toks, size_t n)
{
    int columns = !ogi__plan_no_trace(g, toks, n);
    for (size_t k = 0; k < n; k++) {
        const ogi__cell_t *c = ogi__plan_tok_cell(g, toks[k]);
        if (c->kind == OGI__CELL_BLANK || c->col >= 0 ||
            toks[k] >= OGI__PLAN_FREE)
            return 0;
        if (k == 0)
            continue;
        /* no empty line between two values: empty lines may be the blank
         * cells' (lynx writes a cell a paragraph); with display columns,
         * all alike, each value on the line after the one before */
        const ogi__cell_t *p = ogi__plan_tok_cell(g, toks[k - 1]);
        uint32_t a = p->off + p->len;
        if (c->off < a || c->off > g->text->len)
            return 0;
        const char *q = g->text->s + a, *e = g->text->s + c->off;
        size_t breaks = 0;
        for (; q < e; q++)
            breaks += *q == '\n';
        if (breaks > 1 || (columns && (c->x0 != p->x0 || breaks != 1)))
            return 0;
    }
    return 1;
}

/* Whether a line holding one of toks[0..n) has a '|': cells delimited,
 * their places kept (a grid a reader did not read as one). */
static int
tell_delimited(const ogi__table_t *g, const uint32_t *toks, size_t n)
{
    const char *s = g->text->s, *end = s + g->text->len;
    for (size_t i = 0; i < n; i++) {
        const ogi__cell_t *c = ogi__plan_tok_cell(g, toks[i]);
        if (toks[i] >= OGI__PLAN_FREE || c->off > g->text->len)
            continue;
        const char *a = s + c->off, *b = a;
        while (a > s && a[-1] != '\n')
            a--;
        while (b < end && *b != '\n')
            b++;
        if (memchr(a, '|', (size_t)(b - a)))
            return 1;
    }
    return 0;
}

static int tell_report(ogi_report_t *r, const tell_t *tp);

/* Reads Table 4's cells as placed in r into t. Returns 0 when one is
 * missing. */
static int
tell_placed(tell_t *t, const ogi_report_t *r)
{
    for (size_t k = 0; k < OGI_T4_CELLS; k++) {
        const ogi_cell_t *c =
            ogi_report_cell(r, OGI_T4, k / FIT_COLS, k % FIT_COLS);
        if (!c)
            return 0;
        t->placed_st[k] = c->state;
        t->placed_v[k] = c->state == OGI_CELL_NUM && !c->scale ? c->value : 0;
    }
    return 1;
}

static int
appeal_tell_rows(ogi_report_t *r, const ogi__table_t *g, const uint32_t *toks,
                 size_t n)
{
    tell_t t = {.n = n, .bad = FIT_BLOCKS + 1};
    if (n == 0 || n >= OGI_T4_CELLS)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!tell_token(ogi__plan_tok_cell(g, toks[i]), &t.st[i], &t.v[i]))
            return 0;
    if (tell_delimited(g, toks, n) || !tell_placed(&t, r))
        return 0;
    tell_walk(&t, 0, 0);
    return tell_report(r, &t);
}

/* The P6 of each block the readings of t read otherwise than placed. */
static int
tell_report(ogi_report_t *r, const tell_t *tp)
{
    const tell_t t = *tp;
    size_t n = t.n;
    char head[96];
    if (t.runs)
        snprintf(head, sizeof(head),
                 "%zu piece%s for %d cells, digits of adjacent cells run "
                 "together%s",
                 n, n > 1 ? "s" : "", OGI_T4_CELLS,
                 t.spaced ? ", a space a blank cell or none" : "");
    else
        snprintf(head, sizeof(head),
                 "%zu values for %d cells, blank cells left no trace", n,
                 OGI_T4_CELLS);
    for (size_t b = 0; b < FIT_BLOCKS && t.fits; b++) {
        if (!t.nalt[b])
            continue;
        char path[64], shown[TELL_SHOWN * 64 + 64];
        size_t w = 0;
        ogi_report_path(OGI_T4, b, -1, path, sizeof(path));
        tell_show(shown, sizeof(shown), &w, t.placed_st + b * FIT_COLS,
                  t.placed_v + b * FIT_COLS);
        int m = snprintf(shown + w, sizeof(shown) - w, "; also fits: ");
        if (m > 0 && (size_t)m < sizeof(shown) - w)
            w += (size_t)m;
        for (size_t a = 0; a < t.nalt[b] && a < TELL_SHOWN; a++) {
            if (a && w + 2 < sizeof(shown)) {
                memcpy(shown + w, "; ", 3);
                w += 2;
            }
            tell_show(shown, sizeof(shown), &w, t.alt_st[b][a], t.alt_v[b][a]);
        }
        if (t.nalt[b] > TELL_SHOWN) {
            m = snprintf(shown + w, sizeof(shown) - w, "; and %zu more",
                         t.nalt[b] - TELL_SHOWN);
            if (m > 0 && (size_t)m < sizeof(shown) - w)
                w += (size_t)m;
        }
        int rc =
            t.bad == 0
                ? ogi_report_add_finding(
                      r, "P6", OGI_SEV_WARNING, path,
                      "%s: %zu placements keep each block's total and read "
                      "this row differently; placed %s",
                      head, t.fits, shown)
                : ogi_report_add_finding(
                      r, "P6", OGI_SEV_WARNING, path,
                      "%s: %zu placements break only %d block%s and read "
                      "this row differently; placed %s",
                      head, t.fits, t.bad,
                      t.bad > 1 ? "s' totals" : "'s total", shown);
        if (rc)
            return rc;
    }
    return 0;
}

/*
 * The readings of a row of Table 4 whose digits ran together (a crawler
 * joining text nodes with nothing between them: "42200260000000000" for
 * fifteen cells), its blank cells left as spaces or nothing: each piece
 * in order fills cells, a value one, a run of digits one or more, cut
 * where a count may end (no count of several digits starts with 0), and
 * white space between them none up to one a character (a blank cell's
 * &nbsp;, or padding around a value: pages write both). Every cut that
 * fills the fifteen cells is a reading of the same text; tell_leaf keeps
 * those that break the fewest blocks' totals. The walk is bounded: out of
 * steps, t->steps is below 0 and nothing is told.
 */
typedef struct {
    const char *s; /* a run's digits, or NULL: a value or a gap */
    size_t n;
    size_t gap;    /* a gap: at most this many blank cells, none too */
    uint8_t st;
    int64_t v;
} tpiece_t;

/* Whether cells [cell - 4, cell] of v, a block just filled, break its
 * total; 0 when cell does not end a block. */
static int
block_broken(const int64_t *v, size_t cell)
{
    if (cell % FIT_COLS != FIT_COLS - 1)
        return 0;
    const int64_t *c = v + cell - (FIT_COLS - 1);
    return c[0] + c[1] + c[2] + c[3] != c[4];
}

static void
runs_walk(tell_t *t, const tpiece_t *pc, size_t np, size_t i, size_t d,
          size_t cell, uint8_t *st, int64_t *v, int bad)
{
    if (--t->steps < 0 || bad > t->bad)
        return;
    if (i == np) {
        if (cell == OGI_T4_CELLS)
            tell_leaf(t, st, v);
        return;
    }
    /* each piece left but a gap fills at least a cell */
    if (cell + t->least[i] > OGI_T4_CELLS)
        return;
    if (pc[i].gap == SIZE_MAX) { /* padding alone */
        runs_walk(t, pc, np, i + 1, 0, cell, st, v, bad);
        return;
    }
    if (pc[i].gap) {
        size_t k = 0;
        int b = bad;
        for (;;) {
            runs_walk(t, pc, np, i + 1, 0, cell + k, st, v, b);
            if (k == pc[i].gap || cell + k == OGI_T4_CELLS)
                break;
            st[cell + k] = OGI_CELL_EMPTY;
            v[cell + k] = 0;
            b += block_broken(v, cell + k);
            k++;
        }
        return;
    }
    if (!pc[i].s) {
        st[cell] = pc[i].st;
        v[cell] = pc[i].v;
        runs_walk(t, pc, np, i + 1, 0, cell + 1, st, v,
                  bad + block_broken(v, cell));
        return;
    }
    int64_t val = 0;
    for (size_t take = 1; d + take <= pc[i].n && take <= 15; take++) {
        if (take > 1 && pc[i].s[d] == '0')
            break;
        val = val * 10 + (pc[i].s[d + take - 1] - '0');
        st[cell] = OGI_CELL_NUM;
        v[cell] = val;
        int b = bad + block_broken(v, cell);
        if (d + take == pc[i].n)
            runs_walk(t, pc, np, i + 1, 0, cell + 1, st, v, b);
        else
            runs_walk(t, pc, np, i, d + take, cell + 1, st, v, b);
    }
}

/*
 * The most blank cells white space c between pieces may stand for: in a
 * text whose white space was collapsed (no line breaks left, the whole
 * page on one line) any number, up to the row's cells; else one per
 * no-break space in the raw bytes (a blank cell's &nbsp;), other white
 * space being the page's padding or a layout's alignment.
 */
static size_t
gap_most(ogi_report_t *r, const ogi__table_t *g, const ogi__cell_t *c,
         int *aligned)
{
    const ogi_text_t *tx = g->text;
    if (tx->nlines <= 2)
        return OGI_T4_CELLS;
    ogi_cell_t span = {0};
    if (ogi__plan_cell_from_tok(r, &span, g, c) || !tx->raw ||
        (size_t)span.off + span.len > tx->raw_len)
        return 0;
    size_t most = 0;
    const char *p = tx->raw + span.off, *end = p + span.len;
    while (p < end) {
        if (p + 1 < end && (unsigned char)p[0] == 0xC2 &&
            (unsigned char)p[1] == 0xA0) {
            most++;
            p += 2;
        } else {
            *aligned = 1; /* other white space: a layout's, that may
                             place the cells by their columns */
            p++;
        }
    }
    return most;
}

/* The P6 of each block that toks[0..n) (values and runs of digits, no
 * blank) cut otherwise than placed in r read differently. */
static int
appeal_tell_runs(ogi_report_t *r, const ogi__table_t *g, const uint32_t *toks,
                 size_t n)
{
    tpiece_t pc[OGI__PLAN_MAX_TOKS];
    tell_t t = {.n = n, .runs = 1, .steps = 1L << 18};
    if (n == 0 || n > OGI__PLAN_MAX_TOKS)
        return 0;
    int any_run = 0;
    for (size_t i = 0; i < n; i++) {
        const ogi__cell_t *c = ogi__plan_tok_cell(g, toks[i]);
        pc[i] = (tpiece_t){NULL, 0, 0, 0, 0};
        if (c->kind == OGI__CELL_BLANK && toks[i] < OGI__PLAN_FREE) {
            int aligned = 0;
            pc[i].gap = gap_most(r, g, c, &aligned);
            if (aligned)
                return 0;
            if (!pc[i].gap)
                pc[i].gap = SIZE_MAX; /* white space that holds no cell */
        } else if (c->kind == OGI__CELL_RUN) {
            for (size_t k = 0; k < c->n; k++)
                if (c->s[k] < '0' || c->s[k] > '9')
                    return 0;
            pc[i].s = c->s;
            pc[i].n = c->n;
            any_run = 1;
        } else if (c->kind != OGI__CELL_VALUE ||
                   !tell_token(c, &pc[i].st, &pc[i].v)) {
            return 0;
        }
    }
    if (!any_run || tell_delimited(g, toks, n) || !tell_placed(&t, r))
        return 0;
    t.least[n] = 0;
    for (size_t i = n; i-- > 0;)
        t.least[i] = t.least[i + 1] + (pc[i].gap ? 0 : 1);
    for (size_t i = 0; i < n; i++)
        t.spaced |= pc[i].gap && pc[i].gap != SIZE_MAX;
    uint8_t st[OGI_T4_CELLS];
    int64_t v[OGI_T4_CELLS];
    /* the fewest broken first: every total kept, else one broken, ... */
    for (int most = 0; most <= FIT_BLOCKS && !t.fits && t.steps >= 0;
         most++) {
        t.bad = most;
        runs_walk(&t, pc, n, 0, 0, 0, st, v, 0);
    }
    if (t.steps < 0)
        return 0;
    return tell_report(r, &t);
}

static int
appeal_fit(ogi_report_t *r, ogi__prow_t *pr, const ogi__table_t *g, size_t lo,
           size_t hi, int *done)
{
    *done = 0;
    fit_t f = {.n = hi - lo};
    if (f.n < 2 || f.n >= OGI_T4_CELLS)
        return 0;
    for (size_t i = 0; i < f.n; i++) {
        const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[lo + i]);
        if (c->kind != OGI__CELL_VALUE || c->num.kind != OGI_NUM_VALUE ||
            c->num.scale || c->num.value < 0)
            return 0; /* a placeholder or a blank: its place is its own */
        f.v[i] = c->num.value;
    }
    fit_walk(&f, 0, 0);
    if (f.fits == 0)
        return 0;
    uint32_t out[OGI_T4_CELLS];
    char shown[OGI_T4_CELLS * 22 + 1];
    size_t w = 0;
    for (size_t k = 0, i = 0; k < OGI_T4_CELLS; k++) {
        int at = i < f.n && f.best[i] == k;
        out[k] = at ? pr->toks[lo + i] : OGI__PLAN_GAP;
        int m =
            at ? snprintf(shown + w, sizeof(shown) - w, "%s%lld", k ? " " : "",
                          (long long)f.v[i++])
               : snprintf(shown + w, sizeof(shown) - w, "%s_", k ? " " : "");
        if (m > 0 && (size_t)m < sizeof(shown) - w)
            w += (size_t)m;
    }
    int rc = f.fits == 1
                 ? ogi_report_add_finding(
                       r, "P5", OGI_SEV_INFO, "appeal",
                       "%zu values for %d cells, blank cells left no trace: "
                       "one placement keeps each block's total; placed %s",
                       f.n, OGI_T4_CELLS, shown)
                 : ogi_report_add_finding(
                       r, "P6", OGI_SEV_WARNING, "appeal",
                       "%zu values for %d cells, blank cells left no trace: "
                       "%zu placements keep each block's total; placed the "
                       "likeliest, %s",
                       f.n, OGI_T4_CELLS, f.fits, shown);
    if (rc)
        return rc;
    memcpy(pr->toks, out, sizeof(out));
    pr->ntoks = OGI_T4_CELLS;
    *done = 1;
    return 0;
}

int
ogi__place_appeal(ogi_report_t *r, const ogi__table_t *g)
{
    int rc = ogi_report_table_init(r, OGI_T4);
    if (rc)
        return rc;
    /* one flattened row of 15 cells: values after the last text of each
     * record that is not narrative */
    ogi__prow_t *pr = ogi_arena_calloc(r->arena, 1, sizeof(*pr));
    if (!pr)
        return OGI_ENOMEM;
    pr->table = OGI_T4;
    pr->ncols = OGI_T4_CELLS;
    pr->labelled = 1;
    size_t first_rec = 0, recs = 0; /* records that gave values */
    for (size_t ri = 0; ri < g->nrows; ri++) {
        const ogi__row_t *rec = &g->rows[ri];
        size_t from = 0;
        int any_text = 0;
        for (size_t i = 0; i < rec->count; i++)
            if (g->cells[rec->first + i].kind == OGI__CELL_LABEL) {
                from = i + 1;
                any_text = 1;
            }
        if (any_text && rec->prosey)
            continue;
        /* a row of blank cells with no label is a row of Table 4 left
         * blank; a header row's empty cells are merged, not blank */
        if (!ogi__plan_has_value(g, rec, from) &&
            (any_text || !ogi__plan_has_blank(g, rec)))
            continue;
        if (!recs++)
            first_rec = ri;
        ogi__plan_give(pr, g, rec, from);
    }
    if (recs == 1)
        appeal_blanks(pr, g, first_rec);
    size_t lo = 0, hi = pr->ntoks;
    int lines = ogi__plan_empty_lines(g, pr->toks, hi);
    int gap = ogi__plan_has_gap(g, pr->toks, lo, hi);
    /* gaps without runs: Table 4's one row of values, its cells mostly
     * 0, gives the arithmetic too little to tell where blanks hidden in
     * them were; the cells are read in printed order without them */
    if (gap && !ogi__plan_has_run(g, pr->toks, lo, hi)) {
        /* lynx's line of values: a gap of one (a blank cell, or &nbsp;
         * typed on both sides of a gap) holds its blank where the row
         * comes short, left to right, and the gap ending the line the
         * blank cells lynx trimmed with it */
        int lynx = g->reader && strcmp(g->reader, "lynx") == 0;
        const ogi__cell_t *end = ogi__plan_tok_cell(g, pr->toks[hi - 1]);
        uint32_t trail = pr->toks[hi - 1];
        int trimmed = lynx && end->kind == OGI__CELL_BLANK && end->n > 0;
        size_t fixed = 0, ones = 0;
        for (size_t i = lo; i < hi; i++) {
            const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[i]);
            fixed += c->kind != OGI__CELL_BLANK || c->n == 0;
            ones += lynx && c->kind == OGI__CELL_BLANK && c->n == 1;
        }
        size_t fill = fixed < OGI_T4_CELLS ? OGI_T4_CELLS - fixed : 0;
        if (fill > ones)
            fill = ones;
        size_t kept = 0;
        for (size_t i = lo; i < hi; i++) {
            const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[i]);
            if (c->kind != OGI__CELL_BLANK || c->n == 0)
                pr->toks[kept++] = pr->toks[i];
            else if (lynx && c->n == 1 && fill > 0) {
                pr->toks[kept++] = pr->toks[i];
                fill--;
            }
        }
        while (trimmed && kept < OGI_T4_CELLS)
            pr->toks[kept++] = trail;
        hi = pr->ntoks = kept;
        gap = 0;
    }
    while (!gap && hi - lo > OGI_T4_CELLS &&
           ogi__plan_tok_cell(g, pr->toks[hi - 1])->kind == OGI__CELL_BLANK)
        hi--;
    while (!gap && hi - lo > OGI_T4_CELLS &&
           ogi__plan_tok_cell(g, pr->toks[lo])->kind == OGI__CELL_BLANK)
        lo++;
    if ((hi - lo < OGI_T4_CELLS || gap) &&
        ogi__plan_has_run(g, pr->toks, lo, hi)) {
        for (size_t b = 0; b < 3; b++)
            r->tables[OGI_T4].row_found[b] = 1;
        ogi__pending_t pend = {.n = 0};
        if ((rc = ogi__plan_defer(r, g, &pend, OGI_T4, 0, OGI_T4_CELLS,
                                  pr->toks, lo, hi)) ||
            (rc = ogi__plan_split_pending(r, g, &pend)))
            return rc;
        return appeal_tell_runs(r, g, pr->toks + lo, hi - lo);
    }
    /* the values appeal_fit placed, for the rows they leave undecided */
    uint32_t fitted[OGI_T4_CELLS];
    size_t nfitted = 0;
    if (hi - lo < OGI_T4_CELLS && !gap) {
        int done;
        nfitted = hi - lo;
        if (nfitted < OGI_T4_CELLS)
            memcpy(fitted, pr->toks + lo, nfitted * sizeof(*fitted));
        if ((rc = appeal_fit(r, pr, g, lo, hi, &done)))
            return rc;
        if (done) {
            lo = 0;
            hi = OGI_T4_CELLS;
        }
        /* values with display columns (a layout keeping its spaces) may
         * still show where a blank stood: not told as undecided here */
        if (!done || !appeal_traceless(g, fitted, nfitted))
            nfitted = 0;
    }
    /* short of its cells with no trace of the blank ones, and not all
     * counts (a placeholder's place is as lost as a count's): each
     * block's total (D3) places the values, the splitter's free span
     * (defer_free) */
    if (hi - lo < OGI_T4_CELLS && hi > lo && !gap &&
        ogi__plan_no_trace(g, pr->toks + lo, hi - lo)) {
        memmove(pr->toks, pr->toks + lo, (hi - lo) * sizeof(pr->toks[0]));
        pr->ntoks = hi - lo;
        pr->traceless = 1;
        ogi__pending_t pend = {.n = 0};
        int freed = ogi__plan_defer_free(r, g, pr, &pend);
        if (freed < 0)
            return OGI_ENOMEM;
        if (freed) {
            for (size_t b = 0; b < 3; b++)
                r->tables[OGI_T4].row_found[b] = 1;
            if ((rc = ogi__plan_split_pending(r, g, &pend)))
                return rc;
            return appeal_traceless(g, pr->toks, pr->ntoks)
                       ? appeal_tell_rows(r, g, pr->toks, pr->ntoks)
                       : 0;
        }
    }
    if (hi - lo > OGI_T4_CELLS && lines) {
        /* as many values as cells among empty lines (ogi__plan_fill_row) */
        size_t nv = 0;
        for (size_t i = lo; i < hi; i++)
            nv += ogi__plan_tok_cell(g, pr->toks[i])->kind != OGI__CELL_BLANK;
        if (nv == OGI_T4_CELLS) {
            size_t k = lo;
            for (size_t i = lo; i < hi; i++)
                if (ogi__plan_tok_cell(g, pr->toks[i])->kind != OGI__CELL_BLANK)
                    pr->toks[k++] = pr->toks[i];
            hi = k;
        }
    }
    {
        size_t n = hi - lo;
        /* short with no trace of its blank cells: moved by the sums,
         * where they may leave several places */
        if (!nfitted && n < OGI_T4_CELLS && !gap &&
            appeal_traceless(g, pr->toks + lo, n)) {
            nfitted = n;
            memcpy(fitted, pr->toks + lo, n * sizeof(*fitted));
        }
        if ((rc = ogi__appeal_by_sums(r, g, pr->toks + lo, &n)))
            return rc;
        hi = lo + n;
        if (hi - lo != OGI_T4_CELLS)
            nfitted = 0;
    }
    if (hi - lo != OGI_T4_CELLS) {
        if ((rc = ogi_report_add_finding(
                 r, "P3", OGI_SEV_WARNING, "appeal",
                 "table has %zu cells for %d; cells read in printed order",
                 hi - lo, OGI_T4_CELLS)))
            return rc;
        if (hi - lo > OGI_T4_CELLS)
            hi = lo + OGI_T4_CELLS;
    }
    for (size_t i = lo; i < hi; i++) {
        size_t k = i - lo;
        ogi_cell_t *c = ogi_report_cell(r, OGI_T4, k / 5, k % 5);
        if (!c)
            break;
        if ((rc = ogi__plan_cell_from_tok(r, c, g,
                                          ogi__plan_tok_cell(g, pr->toks[i]))))
            return rc;
        r->tables[OGI_T4].row_found[k / 5] = 1;
    }
    return appeal_tell_rows(r, g, fitted, nfitted);
}
