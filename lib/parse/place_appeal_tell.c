/*
 * place_appeal_tell.c - the readings of Table 4's row a text cannot tell
 * apart (place_int.h): where the blank cells left no trace, or the digits
 * of adjacent cells ran together, every reading that keeps each block's
 * total is listed, and each block read otherwise than placed gets a P6 on
 * its own row naming the others. Nothing placed changes here.
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
    int bad;  /* blocks whose total the readings break, the fewest */
    int runs; /* pieces are runs of digits and values (tell_runs) */
    size_t least[OGI__PLAN_MAX_TOKS + 1]; /* cells pieces i.. fill */
    int spaced; /* some white space may hold blank cells */
    long steps; /* left to tell_runs's walk */
    /* per block: its other readings seen (the first TELL_SHOWN kept) */
    size_t nalt[OGI__T4_BLOCKS];
    uint8_t alt_st[OGI__T4_BLOCKS][TELL_SHOWN][OGI__T4_BLOCK_COLS];
    int64_t alt_v[OGI__T4_BLOCKS][TELL_SHOWN][OGI__T4_BLOCK_COLS];
    uint32_t seen[OGI__T4_BLOCKS][8]; /* a hash set of readings, for nalt */
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
    const uint8_t *pst = t->placed_st + b * OGI__T4_BLOCK_COLS;
    const int64_t *pv = t->placed_v + b * OGI__T4_BLOCK_COLS;
    uint32_t h = 2166136261u;
    int same = 1;
    for (size_t k = 0; k < OGI__T4_BLOCK_COLS; k++) {
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
        memcpy(t->alt_st[b][t->nalt[b]], st, OGI__T4_BLOCK_COLS);
        memcpy(t->alt_v[b][t->nalt[b]], v, OGI__T4_BLOCK_COLS * sizeof(*v));
    }
    t->nalt[b]++;
}

/* A reading st/v of the fifteen cells: kept among the readings when it
 * breaks no more blocks' totals than the fewest seen. */
static void
tell_leaf(tell_t *t, const uint8_t *st, const int64_t *v)
{
    int bad = 0;
    for (size_t b = 0; b < OGI__T4_BLOCKS; b++) {
        const int64_t *c = v + b * OGI__T4_BLOCK_COLS;
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
    for (size_t b = 0; b < OGI__T4_BLOCKS; b++)
        tell_note(t, b, st + b * OGI__T4_BLOCK_COLS,
                  v + b * OGI__T4_BLOCK_COLS);
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
    for (size_t k = 0; k < OGI__T4_BLOCK_COLS; k++) {
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
int
ogi__appeal_traceless(const ogi__table_t *g, const uint32_t *toks, size_t n)
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
        const ogi_cell_t *c = ogi_report_cell(r, OGI_T4, k / OGI__T4_BLOCK_COLS,
                                              k % OGI__T4_BLOCK_COLS);
        if (!c)
            return 0;
        t->placed_st[k] = c->state;
        t->placed_v[k] = c->state == OGI_CELL_NUM && !c->scale ? c->value : 0;
    }
    return 1;
}

int
ogi__appeal_tell_rows(ogi_report_t *r, const ogi__table_t *g,
                      const uint32_t *toks, size_t n)
{
    tell_t t = {.n = n, .bad = OGI__T4_BLOCKS + 1};
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
    for (size_t b = 0; b < OGI__T4_BLOCKS && t.fits; b++) {
        if (!t.nalt[b])
            continue;
        char path[64], shown[TELL_SHOWN * 64 + 64];
        size_t w = 0;
        ogi_report_path(OGI_T4, b, -1, path, sizeof(path));
        tell_show(shown, sizeof(shown), &w,
                  t.placed_st + b * OGI__T4_BLOCK_COLS,
                  t.placed_v + b * OGI__T4_BLOCK_COLS);
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
                      head, t.fits, t.bad, t.bad > 1 ? "s' totals" : "'s total",
                      shown);
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
    size_t gap; /* a gap: at most this many blank cells, none too */
    uint8_t st;
    int64_t v;
} tpiece_t;

/* Whether cells [cell - 4, cell] of v, a block just filled, break its
 * total; 0 when cell does not end a block. */
static int
block_broken(const int64_t *v, size_t cell)
{
    if (cell % OGI__T4_BLOCK_COLS != OGI__T4_BLOCK_COLS - 1)
        return 0;
    const int64_t *c = v + cell - (OGI__T4_BLOCK_COLS - 1);
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
int
ogi__appeal_tell_runs(ogi_report_t *r, const ogi__table_t *g,
                      const uint32_t *toks, size_t n)
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
    for (int most = 0; most <= OGI__T4_BLOCKS && !t.fits && t.steps >= 0;
         most++) {
        t.bad = most;
        runs_walk(&t, pc, n, 0, 0, 0, st, v, 0);
    }
    if (t.steps < 0)
        return 0;
    return tell_report(r, &t);
}
