/*
 * place.c - tokens of a table region onto the skeleton's rows.
 *
 * Walks the records of a region once. A record whose text matches a row
 * label opens that row and gives it the values after the label. Values
 * with no label go to the open row while it still has room (the label and
 * its values on different lines), else to the next row by the format's
 * order (a missing label), flagged. Group labels (（三）不予公开) hold no
 * values. Text that matches nothing is a fragment of a split label, a
 * caption or junk, and is skipped.
 */
#include "ogi_int.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "label_int.h"
#include "ogi/error.h"
#include "place_int.h"
#include "split_int.h"

#define MAX_PROWS   40
#define MAX_ROWTOKS 48
#define MIN_SCORE   50
#define MAX_LABEL_BYTES 180 /* a label with some extra words, in UTF-8 */

/* One row a region may hold, in printed order. */
typedef struct {
    ogi_table_id_t table;
    size_t row;       /* skeleton row; groups included */
    int group;        /* holds no values */
    size_t ncols;
    ogi__label_set_t labels;
    uint32_t toks[MAX_ROWTOKS]; /* grid token indexes given to it */
    size_t ntoks;
    int labelled;     /* its label was seen */
    int by_order;     /* got values without a label */
} prow_t;

typedef struct {
    prow_t rows[MAX_PROWS];
    size_t n;
} plan_t;

static void
plan_add_table(plan_t *p, ogi_table_id_t id)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    for (size_t r = 0; r < sk->nrows && p->n < MAX_PROWS; r++) {
        prow_t *pr = &p->rows[p->n++];
        pr->ntoks = 0;
        pr->labelled = 0;
        pr->by_order = 0;
        pr->table = id;
        pr->row = r;
        pr->group = (sk->rows[r].flags & OGI_ROW_GROUP) != 0;
        pr->ncols = sk->ncols;
        ogi__label_row_set(id, r, &pr->labels);
    }
}

/* Best row for label tok, or -1. Ties go to rows at or after the cursor,
 * then to data rows over groups. */
static long
match_range(const plan_t *p, const ogi__label_t *in, size_t cursor,
            size_t from, size_t to, int *score)
{
    long best = -1;
    int best_s = 0;
    for (size_t i = from; i < to && i < p->n; i++) {
        int expected = i == cursor || i == cursor + 1;
        int s = ogi__label_score_set(in, &p->rows[i].labels, expected);
        if (s == 0)
            continue;
        s *= 4;
        if (i < cursor)
            s -= 40; /* a row already behind us: likely a stray word */
        if (!p->rows[i].group)
            s += 1;
        if (s > best_s) {
            best_s = s;
            best = (long)i;
        }
    }
    *score = best_s / 4;
    return best_s / 4 >= MIN_SCORE ? best : -1;
}

/* Best row for label in, or -1. Rows come in order, so the next few rows
 * are tried first; an exact label there settles it without the rest. */
static long
match(const plan_t *p, const ogi__label_t *in, size_t cursor, int *score)
{
    long m = match_range(p, in, cursor, cursor, cursor + 4, score);
    if (m >= 0 && *score >= 100)
        return m;
    return match_range(p, in, cursor, 0, p->n, score);
}

/* The skeleton flags of plan row i. */
static unsigned
row_flags(const plan_t *p, long i)
{
    return ogi_skeleton_table(p->rows[i].table)->rows[p->rows[i].row].flags;
}

/* The next data row at or after cursor, or -1. */
static long
next_data(const plan_t *p, size_t cursor, unsigned skip_flags)
{
    for (size_t i = cursor; i < p->n; i++) {
        const ogi_skel_row_t *row =
            &ogi_skeleton_table(p->rows[i].table)->rows[p->rows[i].row];
        if (!p->rows[i].group && !(row->flags & skip_flags))
            return (long)i;
    }
    return -1;
}

static void
give(prow_t *pr, const ogi__table_t *g, const ogi__row_t *rec, size_t from)
{
    for (size_t i = from; i < rec->count && pr->ntoks < MAX_ROWTOKS; i++) {
        const ogi__cell_t *t = &g->cells[rec->first + i];
        if (t->kind != OGI__CELL_LABEL && t->kind != OGI__CELL_MERGED)
            pr->toks[pr->ntoks++] = (uint32_t)(rec->first + i);
    }
}

static int
has_value(const ogi__table_t *g, const ogi__row_t *rec, size_t from)
{
    for (size_t i = from; i < rec->count; i++)
        if (g->cells[rec->first + i].kind == OGI__CELL_VALUE ||
            g->cells[rec->first + i].kind == OGI__CELL_RUN)
            return 1;
    return 0;
}

static int
has_blank(const ogi__table_t *g, const ogi__row_t *rec)
{
    for (size_t i = 0; i < rec->count; i++)
        if (g->cells[rec->first + i].kind == OGI__CELL_BLANK)
            return 1;
    return 0;
}

/*
 * The walk. skip_flags: rows never taken by order (the shape of （六） is
 * decided afterwards).
 */
static void
walk(plan_t *p, const ogi__table_t *g, unsigned skip_flags)
{
    size_t cursor = 0;
    long cur = -1;
    int started = 0;
    /* rows whose labels came without values, oldest first: a pipeline
     * that tears labels from their numbers may print two labels before
     * the first one's values */
    long wait[MAX_PROWS];
    int wait_level[MAX_PROWS];
    size_t nwait = 0;
    for (size_t ri = 0; ri < g->nrows; ri++) {
        while (nwait && p->rows[wait[0]].ntoks) {
            memmove(wait, wait + 1, (nwait - 1) * sizeof(wait[0]));
            memmove(wait_level, wait_level + 1,
                    (nwait - 1) * sizeof(wait_level[0]));
            nwait--;
        }
        const ogi__row_t *rec = &g->rows[ri];
        long data = -1, group = -1;
        int numbered = 0; /* level of the data label's numbering, or 0 */
        size_t last_text = 0;
        int any_text = 0;
        for (size_t i = 0; i < rec->count; i++) {
            const ogi__cell_t *t = &g->cells[rec->first + i];
            if (t->kind != OGI__CELL_LABEL)
                continue;
            any_text = 1;
            last_text = i;
            if (t->n > MAX_LABEL_BYTES)
                continue; /* longer than any label with its extra words */
            ogi__label_t in;
            ogi__label_norm(t->s, t->n, &in);
            int sc;
            long m = match(p, &in, cursor, &sc);
            if (m < 0)
                continue;
            if (p->rows[m].group)
                group = m;
            else {
                data = m;
                numbered = in.num.level;
            }
        }
        size_t from = any_text ? last_text + 1 : 0;
        /* （六）其他处理 heads its sub-rows in the 2021 shape: values on its
         * line belong to the sub-row whose label came before them */
        if (data >= 0 && nwait && has_value(g, rec, from) &&
            (row_flags(p, data) & OGI_ROW_OTHER1) &&
            (row_flags(p, wait[0]) & OGI_ROW_OTHER3)) {
            started = 1;
            give(&p->rows[wait[0]], g, rec, from);
            continue;
        }
        if (data >= 0) {
            started = 1;
            cur = data;
            cursor = (size_t)data + 1;
            p->rows[cur].labelled = 1;
            give(&p->rows[cur], g, rec, from);
            int queued = 0;
            for (size_t w = 0; w < nwait; w++)
                queued |= wait[w] == cur;
            /* a label's head only: a wrapped tail may match a
             * neighbour sharing its words */
            if (!p->rows[cur].ntoks && numbered && !queued &&
                nwait < MAX_PROWS) {
                /* a sub-row's label ends the wait of the row it is
                 * under ((六) before its 1.): sub-rows take its values */
                while (nwait && wait_level[nwait - 1] < numbered)
                    nwait--;
                wait_level[nwait] = numbered;
                wait[nwait++] = cur;
            }
            continue;
        }
        if (group >= 0) {
            started = 1;
            if (group >= (long)cursor)
                cursor = (size_t)group + 1;
            if (cur >= 0 && p->rows[cur].ntoks == 0) {
                give(&p->rows[cur], g, rec, from);
                continue;
            }
            cur = -1;
            if (has_value(g, rec, from)) {
                cur = next_data(p, cursor, skip_flags);
                if (cur >= 0) {
                    p->rows[cur].by_order = 1;
                    cursor = (size_t)cur + 1;
                    give(&p->rows[cur], g, rec, from);
                }
            }
            continue;
        }
        int values = has_value(g, rec, from);
        if (values && nwait > 1 && !(any_text && rec->prosey)) {
            give(&p->rows[wait[0]], g, rec, from);
            continue;
        }
        /* a label's wrapped tail ("这一情形，不计其他情形）") may carry the
         * values of the row it belongs to: narrative only when no row is
         * waiting for its values */
        int waiting = cur >= 0 && p->rows[cur].ntoks == 0 && values;
        if (!started || (any_text && rec->prosey && !waiting))
            continue;
        if (cur >= 0 && p->rows[cur].ntoks < p->rows[cur].ncols &&
            (values || p->rows[cur].ntoks == 0)) {
            give(&p->rows[cur], g, rec, from);
        } else if (values) {
            cur = next_data(p, cursor, skip_flags);
            if (cur >= 0) {
                p->rows[cur].by_order = 1;
                cursor = (size_t)cur + 1;
                give(&p->rows[cur], g, rec, from);
            }
        }
    }
}

/* ---- blanks a layout of aligned columns lost ---- */

/* A row's token that stands for a blank cell inferred from the columns'
 * positions: no cell of the table model holds it. */
#define TOK_GAP UINT32_MAX

static const ogi__cell_t gap_cell = {.kind = OGI__CELL_BLANK, .x0 = -1,
                                     .x1 = -1, .row = -1, .col = -1};

static const ogi__cell_t *
tok_cell(const ogi__table_t *g, uint32_t tok)
{
    return tok == TOK_GAP ? &gap_cell : &g->cells[tok];
}

/* Twice the centre of token tok's display columns, or -1 unknown. */
static long
tok_mid2(const ogi__table_t *g, uint32_t tok)
{
    const ogi__cell_t *c = tok_cell(g, tok);
    if (c->x0 < 0 || c->x1 < c->x0)
        return -1;
    return (long)c->x0 + c->x1;
}

/*
 * Where columns are aligned by spaces, an empty cell is only more space
 * and its row comes with fewer values than columns. The rows of the same
 * skeleton table that came whole give each column's position; a short
 * row's values are matched to the columns in order, as close as they
 * can be (each within half the distance to a neighbouring column), and
 * the columns left over are blank. A row that cannot be matched so is
 * left as it is (and is reported short).
 */
static void
infer_blanks(plan_t *p, const ogi__table_t *g)
{
    for (size_t i = 0; i < p->n; i++) {
        prow_t *pr = &p->rows[i];
        size_t nc = pr->ncols;
        if (pr->group || pr->ntoks == 0 || pr->ntoks >= nc || nc > 16)
            continue;
        /* column centres from the nearest whole row of the same table:
         * a table cut by a page break may set its parts' columns apart */
        long col[16];
        size_t best_d = SIZE_MAX;
        uint32_t at = tok_cell(g, pr->toks[0])->off;
        for (size_t k = 0; k < p->n; k++) {
            const prow_t *q = &p->rows[k];
            if (q->table != pr->table || q->ntoks != nc)
                continue;
            long m[16];
            size_t j = 0;
            for (; j < nc && (m[j] = tok_mid2(g, q->toks[j])) >= 0; j++)
                if (j && m[j] <= m[j - 1])
                    break; /* not columns from left to right */
            if (j < nc)
                continue;
            uint32_t qat = tok_cell(g, q->toks[0])->off;
            size_t d = qat > at ? qat - at : at - qat;
            if (d < best_d) {
                best_d = d;
                memcpy(col, m, sizeof(m[0]) * nc);
            }
        }
        if (best_d == SIZE_MAX)
            continue;
        /* values to columns: greedy to the nearest column in order, each
         * within half the gap to its neighbours */
        uint32_t out[MAX_ROWTOKS];
        size_t n = 0, j = 0;
        for (size_t v = 0; v < pr->ntoks; v++) {
            long m = tok_mid2(g, pr->toks[v]);
            if (m < 0)
                goto next;
            size_t best = j;
            for (size_t c = j; c < nc; c++)
                if (labs(col[c] - m) < labs(col[best] - m))
                    best = c;
            /* nearer to its column than to any other, and within a
             * column's distance of it */
            long d = labs(col[best] - m);
            long lo = best > 0 ? col[best] - col[best - 1] : LONG_MAX;
            long hi = best + 1 < nc ? col[best + 1] - col[best] : LONG_MAX;
            if ((best > 0 && labs(col[best - 1] - m) <= d) ||
                (best + 1 < nc && labs(col[best + 1] - m) <= d) ||
                d >= (lo < hi ? lo : hi) || nc - best < pr->ntoks - v)
                goto next;
            while (j < best)
                out[n++] = TOK_GAP, j++;
            out[n++] = pr->toks[v];
            j = best + 1;
        }
        while (j < nc)
            out[n++] = TOK_GAP, j++;
        memcpy(pr->toks, out, n * sizeof(out[0]));
        pr->ntoks = n;
    next:;
    }
}

/* ---- turning a row's tokens into cells ---- */

static int
cell_from_tok(ogi_report_t *r, ogi_cell_t *c, const ogi__table_t *g,
              const ogi__cell_t *t)
{
    const ogi_text_t *tx = g->text;
    c->off = ogi_text_raw_offset(tx, t->off);
    c->len = ogi_text_raw_offset(tx, t->off + t->len) - c->off;
    if (t->kind == OGI__CELL_BLANK) {
        c->state = OGI_CELL_EMPTY;
        return 0;
    }
    ogi_num_t num = t->num;
    /* a run that turned out to be one cell */
    if (t->kind == OGI__CELL_RUN &&
        ogi_number_parse(t->s, t->n, &num) == OGI_NUM_NONE)
        return 0;
    if (num.kind == OGI_NUM_PLACEHOLDER) {
        c->state = OGI_CELL_NA;
        return 0;
    }
    c->state = OGI_CELL_NUM;
    c->value = num.value;
    c->scale = num.scale;
    c->unit = num.unit;
    (void)r;
    return 0;
}

/* Rows whose runs of digits are left to the splitter, per table. */
typedef struct {
    ogi_table_id_t table[MAX_PROWS];
    ogi__split_span_t span[MAX_PROWS];
    size_t n;
} pending_t;

/* Hands the cells toks[lo..hi) of a row to the splitter, to fill ncells
 * cells from cell `first` of the table. */
static int
defer(ogi_report_t *r, const ogi__table_t *g, pending_t *pend,
      ogi_table_id_t id, size_t first, size_t ncells, const uint32_t *toks,
      size_t lo, size_t hi)
{
    if (pend->n == MAX_PROWS)
        return 0;
    const ogi__cell_t **pieces =
        ogi_arena_alloc(r->arena, (hi - lo) * sizeof(*pieces));
    if (!pieces)
        return OGI_ENOMEM;
    for (size_t i = lo; i < hi; i++)
        pieces[i - lo] = tok_cell(g, toks[i]);
    pend->table[pend->n] = id;
    pend->span[pend->n++] = (ogi__split_span_t){first, ncells, pieces, hi - lo};
    return 0;
}

/* Runs the splitter over the deferred rows, one table at a time. */
static int
split_pending(ogi_report_t *r, const ogi__table_t *g, pending_t *pend)
{
    for (size_t i = 0; i < pend->n; i++) {
        ogi_table_id_t id = pend->table[i];
        if ((int)id < 0)
            continue;
        ogi__split_span_t spans[MAX_PROWS];
        size_t n = 0;
        for (size_t k = i; k < pend->n; k++)
            if (pend->table[k] == id) {
                spans[n++] = pend->span[k];
                pend->table[k] = (ogi_table_id_t)-1;
            }
        int rc = ogi__split_runs(r, g, id, spans, n);
        if (rc)
            return rc;
    }
    return 0;
}

static int
has_run(const ogi__table_t *g, const uint32_t *toks, size_t lo, size_t hi)
{
    for (size_t i = lo; i < hi; i++)
        if (tok_cell(g, toks[i])->kind == OGI__CELL_RUN)
            return 1;
    return 0;
}

/*
 * Fits a row's tokens to its columns: extra blanks at either end are
 * dropped first; still too many, the last ncols are kept (the total
 * column is the rightmost); too few, the first columns are filled, unless
 * the row holds runs of digits, which go to the splitter (pend).
 */
static int
fill_row(ogi_report_t *r, const ogi__table_t *g, prow_t *pr, pending_t *pend)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(pr->table);
    size_t lo = 0, hi = pr->ntoks;
    while (hi - lo > pr->ncols && tok_cell(g, pr->toks[hi - 1])->kind == OGI__CELL_BLANK)
        hi--;
    while (hi - lo > pr->ncols && tok_cell(g, pr->toks[lo])->kind == OGI__CELL_BLANK)
        lo++;
    char path[128] = "";
    int rc;
    if (hi - lo < pr->ncols && has_run(g, pr->toks, lo, hi)) {
        r->tables[pr->table].row_found[pr->row] = 1;
        return defer(r, g, pend, pr->table, pr->row * pr->ncols, pr->ncols,
                     pr->toks, lo, hi);
    }
    if (hi - lo != pr->ncols || (pr->by_order && !pr->labelled))
        ogi_report_path(pr->table, pr->row, -1, path, sizeof(path));
    if (hi - lo > pr->ncols) {
        if ((rc = ogi_report_add_finding(
                 r, "P3", OGI_SEV_WARNING, path,
                 "row has %zu cells for %zu columns; the last %zu were read",
                 hi - lo, pr->ncols, pr->ncols)))
            return rc;
        lo = hi - pr->ncols;
    } else if (hi - lo < pr->ncols && pr->ntoks > 0) {
        if ((rc = ogi_report_add_finding(
                 r, "P3", OGI_SEV_WARNING, path,
                 "row has %zu cells for %zu columns; the rest are missing",
                 hi - lo, pr->ncols)))
            return rc;
    }
    if (pr->by_order && !pr->labelled &&
        (rc = ogi_report_add_finding(
             r, "P2", OGI_SEV_WARNING, path,
             "row label \"%s\" not found; values placed by row order",
             sk->rows[pr->row].label)))
        return rc;
    r->tables[pr->table].row_found[pr->row] = pr->labelled || pr->ntoks > 0;
    for (size_t i = lo; i < hi; i++) {
        ogi_cell_t *c = ogi_report_cell(r, pr->table, pr->row, i - lo);
        if (!c)
            break;
        if ((rc = cell_from_tok(r, c, g, tok_cell(g, pr->toks[i]))))
            return rc;
        if (pr->by_order && !pr->labelled)
            c->flags |= OGI_CELLF_BY_ORDER;
        if (pr->ntoks != pr->ncols)
            c->flags |= OGI_CELLF_SHIFTED;
    }
    return 0;
}

/* ---- Table 2 ---- */

/* Unit written in the header of an amount column, from g's text tokens. */
static ogi_unit_t
header_unit(const ogi__table_t *g, ogi_table_id_t id, size_t col)
{
    const ogi__label_t *want = ogi__label_col(id, col, 0);
    /* "本年收费金额（单位：万元）" normalises past the label itself */
    ogi__label_t base;
    const ogi_skel_col_t *c = &ogi_skeleton_table(id)->cols[col];
    const char *stem = c->variants ? c->variants[0] : c->label;
    ogi__label_norm(stem, strlen(stem), &base);
    for (size_t i = 0; i < g->ncells; i++) {
        const ogi__cell_t *t = &g->cells[i];
        if (t->kind != OGI__CELL_LABEL || t->n < base.len)
            continue;
        ogi__label_t in;
        ogi__label_norm(t->s, t->n, &in);
        /* the header may share its cell with the headers before it, where
         * a layout separates columns by one space only */
        const char *at = ogi__label_starts(&in, want) ? in.core
                                                       : strstr(in.core, base.core);
        if (!at)
            continue;
        const char *rest = at + base.len;
        if (strstr(rest, "万元"))
            return OGI_UNIT_WAN_YUAN;
        if (strstr(rest, "元"))
            return OGI_UNIT_YUAN;
    }
    /* a header some characters of which the layout lost (html2text writes
     * a bar over them: "采购总额(万元)"): a table of Table 2 has one amount
     * column, so a short header naming an amount (…额) and a unit after
     * it is that column's, outside the narrative */
    for (size_t r = 0; r < g->nrows; r++) {
        const ogi__row_t *row = &g->rows[r];
        for (size_t i = row->first; !row->prosey && i < row->first + row->count;
             i++) {
            const ogi__cell_t *t = &g->cells[i];
            if (t->kind != OGI__CELL_LABEL || t->n > 3 * 24)
                continue;
            ogi__label_t in;
            ogi__label_norm(t->s, t->n, &in);
            const char *amt = strstr(in.core, "额");
            if (!amt)
                continue;
            if (strstr(amt, "万元"))
                return OGI_UNIT_WAN_YUAN;
            if (strstr(amt, "元"))
                return OGI_UNIT_YUAN;
        }
    }
    return OGI_UNIT_NONE;
}

ogi_format_t
ogi__place_detect_format(const ogi__table_t *g)
{
    int votes[3] = {0, 0, 0};
    for (size_t i = 0; i < g->ncells; i++) {
        const ogi__cell_t *t = &g->cells[i];
        if (t->kind != OGI__CELL_LABEL)
            continue;
        if (t->n < 12 || t->n > MAX_LABEL_BYTES)
            continue; /* shorter than four ideographs, or a paragraph */
        ogi__label_t in;
        ogi__label_norm(t->s, t->n, &in);
        if (in.chars < 4)
            continue;
        int hit[3] = {0, 0, 0};
        for (int f = OGI_FORMAT_2019; f <= OGI_FORMAT_2021; f++) {
            size_t n;
            const ogi_table_id_t *ids = ogi_skeleton_active((ogi_format_t)f, &n);
            for (size_t k = 0; k < n; k++) {
                const ogi_skel_table_t *sk = ogi_skeleton_table(ids[k]);
                for (size_t c = 0; c < sk->ncols; c++)
                    for (size_t v = 0;; v++) {
                        const ogi__label_t *l = ogi__label_col(ids[k], c, v);
                        if (!l)
                            break;
                        if (l->chars >= 4 && ogi__label_starts(&in, l))
                            hit[f] = 1;
                    }
                for (size_t r = 0; r < sk->nrows; r++) {
                    const ogi__label_t *l = ogi__label_row(ids[k], r, 0);
                    if (l && l->chars >= 4 && in.len == l->len &&
                        memcmp(in.core, l->core, l->len) == 0)
                        hit[f] = 1;
                }
            }
        }
        if (hit[OGI_FORMAT_2019] != hit[OGI_FORMAT_2021])
            votes[hit[OGI_FORMAT_2019] ? OGI_FORMAT_2019 : OGI_FORMAT_2021]++;
        /* three headers one way and none the other settle it */
        if ((votes[OGI_FORMAT_2019] >= 3 && !votes[OGI_FORMAT_2021]) ||
            (votes[OGI_FORMAT_2021] >= 3 && !votes[OGI_FORMAT_2019]))
            break;
    }
    if (votes[OGI_FORMAT_2019] > votes[OGI_FORMAT_2021])
        return OGI_FORMAT_2019;
    if (votes[OGI_FORMAT_2021] > votes[OGI_FORMAT_2019])
        return OGI_FORMAT_2021;
    return OGI_FORMAT_UNKNOWN;
}

/*
 * P4: an amount whose unit the report does not state, with the likely one
 * (two decimals at six digits or more, or eight digits, is 元); and a 2021
 * 收费金额 stated in 元 where the format fixes 万元.
 */
static int
check_units(ogi_report_t *r, const ogi_table_id_t *ids, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const ogi_table_t *t = &r->tables[ids[k]];
        const ogi_skel_table_t *sk = t->skel;
        for (size_t row = 0; row < sk->nrows; row++) {
            for (size_t col = 0; col < sk->ncols; col++) {
                ogi_vtype_t type = sk->cols[col].type;
                const ogi_cell_t *c = ogi_report_cell(r, ids[k], row, col);
                if (!c || c->state != OGI_CELL_NUM)
                    continue;
                ogi_unit_t u = c->unit ? (ogi_unit_t)c->unit : t->unit;
                int none = type == OGI_VT_AMOUNT && u == OGI_UNIT_NONE;
                int yuan_in_wan =
                    type == OGI_VT_AMOUNT_WAN && u == OGI_UNIT_YUAN;
                if (!none && !yuan_in_wan)
                    continue;
                char path[160];
                ogi_report_path(ids[k], row, (long)col, path, sizeof(path));
                int rc;
                if (none) {
                    double v = ogi_cell_number(c);
                    int yuan = (c->scale == 2 && v >= 1e5) || v >= 1e7;
                    rc = ogi_report_add_finding(
                        r, "P4", OGI_SEV_WARNING, path,
                        "the unit of %s is not stated; the value looks like "
                        "%s",
                        sk->cols[col].label, yuan ? "元" : "万元");
                } else {
                    rc = ogi_report_add_finding(
                        r, "P4", OGI_SEV_WARNING, path,
                        "%s is stated in 元 where the format fixes 万元",
                        sk->cols[col].label);
                }
                if (rc)
                    return rc;
            }
        }
    }
    return 0;
}

int
ogi__place_active(ogi_report_t *r, const ogi__table_t *g)
{
    size_t n;
    const ogi_table_id_t *ids = ogi_skeleton_active(r->meta.format, &n);
    /* rows are initialised as they are added: the token lists (most of
     * the plan's size) are written before they are read */
    plan_t *p = ogi_arena_alloc(r->arena, sizeof(*p));
    if (!p)
        return OGI_ENOMEM;
    p->n = 0;
    int rc;
    for (size_t k = 0; k < n; k++) {
        if ((rc = ogi_report_table_init(r, ids[k])))
            return rc;
        plan_add_table(p, ids[k]);
    }
    walk(p, g, 0);
    infer_blanks(p, g);
    pending_t pend = {.n = 0};
    for (size_t i = 0; i < p->n; i++)
        if ((rc = fill_row(r, g, &p->rows[i], &pend)))
            return rc;
    if ((rc = split_pending(r, g, &pend)))
        return rc;
    /* units of the amount columns */
    for (size_t k = 0; k < n; k++) {
        const ogi_skel_table_t *sk = ogi_skeleton_table(ids[k]);
        for (size_t c = 0; c < sk->ncols; c++) {
            if (sk->cols[c].type == OGI_VT_AMOUNT)
                r->tables[ids[k]].unit = header_unit(g, ids[k], c);
            else if (sk->cols[c].type == OGI_VT_AMOUNT_WAN) {
                ogi_unit_t u = header_unit(g, ids[k], c);
                r->tables[ids[k]].unit = u ? u : OGI_UNIT_WAN_YUAN;
            }
        }
    }
    return check_units(r, ids, n);
}

/* ---- Table 3 ---- */

static long
find_prow(const plan_t *p, const char *key)
{
    for (size_t i = 0; i < p->n; i++) {
        const ogi_skel_row_t *row =
            &ogi_skeleton_table(p->rows[i].table)->rows[p->rows[i].row];
        if (strcmp(row->key, key) == 0)
            return (long)i;
    }
    return -1;
}

int
ogi__place_apply(ogi_report_t *r, const ogi__table_t *g)
{
    /* rows are initialised as they are added: the token lists (most of
     * the plan's size) are written before they are read */
    plan_t *p = ogi_arena_alloc(r->arena, sizeof(*p));
    if (!p)
        return OGI_ENOMEM;
    p->n = 0;
    int rc = ogi_report_table_init(r, OGI_T3);
    if (rc)
        return rc;
    plan_add_table(p, OGI_T3);
    /* by order, （六） is taken as one row; sub-rows only by label */
    walk(p, g, OGI_ROW_OTHER3);
    infer_blanks(p, g);

    /* the shape of （六）: sub-rows seen by label make it the 2021 one */
    int sub = 0;
    for (size_t i = 0; i < p->n; i++) {
        const ogi_skel_row_t *row = &ogi_skeleton_table(OGI_T3)->rows[p->rows[i].row];
        if ((row->flags & OGI_ROW_OTHER3) && p->rows[i].labelled)
            sub = 1;
    }
    long one = find_prow(p, "other.all");
    if (sub) {
        r->apply_other_rows = 3;
        long first = find_prow(p, "other.no_correction");
        /* values under the group label belong to its first sub-row */
        if (one >= 0 && first >= 0 && p->rows[one].ntoks &&
            !p->rows[first].ntoks) {
            memcpy(p->rows[first].toks, p->rows[one].toks,
                   p->rows[one].ntoks * sizeof(p->rows[one].toks[0]));
            p->rows[first].ntoks = p->rows[one].ntoks;
            p->rows[first].by_order = 1;
        }
        if (one >= 0)
            p->rows[one].ntoks = 0;
    } else if (one >= 0 && (p->rows[one].ntoks || p->rows[one].labelled)) {
        r->apply_other_rows = 1;
    } else {
        r->apply_other_rows = r->meta.format == OGI_FORMAT_2019 ? 1 : 3;
    }
    pending_t pend = {.n = 0};
    for (size_t i = 0; i < p->n; i++) {
        if (!ogi_report_row_in_shape(r, OGI_T3, p->rows[i].row))
            continue;
        if ((rc = fill_row(r, g, &p->rows[i], &pend)))
            return rc;
    }
    return split_pending(r, g, &pend);
}

/* ---- Table 4 ---- */

int
ogi__place_appeal(ogi_report_t *r, const ogi__table_t *g)
{
    int rc = ogi_report_table_init(r, OGI_T4);
    if (rc)
        return rc;
    /* one flattened row of 15 cells: values after the last text of each
     * record that is not narrative */
    prow_t *pr = ogi_arena_calloc(r->arena, 1, sizeof(*pr));
    if (!pr)
        return OGI_ENOMEM;
    pr->table = OGI_T4;
    pr->ncols = OGI_T4_CELLS;
    pr->labelled = 1;
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
        if (!has_value(g, rec, from) && (any_text || !has_blank(g, rec)))
            continue;
        give(pr, g, rec, from);
    }
    size_t lo = 0, hi = pr->ntoks;
    while (hi - lo > OGI_T4_CELLS &&
           tok_cell(g, pr->toks[hi - 1])->kind == OGI__CELL_BLANK)
        hi--;
    while (hi - lo > OGI_T4_CELLS && tok_cell(g, pr->toks[lo])->kind == OGI__CELL_BLANK)
        lo++;
    if (hi - lo < OGI_T4_CELLS && has_run(g, pr->toks, lo, hi)) {
        for (size_t b = 0; b < 3; b++)
            r->tables[OGI_T4].row_found[b] = 1;
        pending_t pend = {.n = 0};
        if ((rc = defer(r, g, &pend, OGI_T4, 0, OGI_T4_CELLS, pr->toks, lo,
                        hi)))
            return rc;
        return split_pending(r, g, &pend);
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
        if ((rc = cell_from_tok(r, c, g, tok_cell(g, pr->toks[i]))))
            return rc;
        r->tables[OGI_T4].row_found[k / 5] = 1;
    }
    return 0;
}
