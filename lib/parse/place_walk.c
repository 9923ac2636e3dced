/*
 * place_walk.c - the plan: the rows a region may hold, and the walk that
 * gives them the region's records (place_int.h).
 *
 * Walks the records of a region once. A record whose text matches a row
 * label opens that row and gives it the values after the label. Values
 * with no label go to the open row while it still has room (the label and
 * its values on different lines), else to the next row by the format's
 * order (a missing label), flagged. Group labels (（三）不予公开) hold no
 * values. A table's heading alone (第二十条第（一）项) starts its rows.
 * Other text that matches nothing is a fragment of a split label, a
 * caption or junk, and is skipped.
 */
#include "ogi_int.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "place_int.h"

#define MIN_SCORE 50

void
ogi__plan_add_table(ogi__plan_t *p, ogi_table_id_t id)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    const ogi__label_set_t *sets = ogi__label_row_sets(id);
    for (size_t r = 0; r < sk->nrows && p->n < OGI__PLAN_MAX_ROWS; r++) {
        ogi__prow_t *pr = &p->rows[p->n++];
        pr->ntoks = 0;
        pr->labelled = 0;
        pr->by_order = 0;
        pr->traceless = 0;
        pr->table = id;
        pr->row = r;
        pr->nrows = sk->nrows;
        pr->group = (sk->rows[r].flags & OGI_ROW_GROUP) != 0;
        pr->ncols = sk->ncols;
        pr->labels = sets[r];
    }
}

/* The rows label in may match: its slot of the label memo, looked up
 * with the label (ogi__label_norm_rows) for the tries of one match and
 * every table of the plan (nothing normalises a label meanwhile). */
typedef struct {
    ogi__label_rows_t *slot; /* NULL: a label the memo does not keep */
} may_t;

static uint32_t
rows_may(may_t *may, const ogi__label_t *in, ogi_table_id_t id)
{
    return ogi__label_rows_in(may->slot, in, id);
}

/* Best row for label tok, or -1. Ties go to rows at or after the cursor,
 * then to data rows over groups. */
static long
match_range(const ogi__plan_t *p, const ogi__label_t *in, may_t *may,
            size_t cursor, size_t from, size_t to, int *score)
{
    long best = -1;
    int best_s = 0;
    size_t end = to < p->n ? to : p->n;
    /* table by table, the rows in may match only (most labels name one
     * row or two), in order: ogi__plan_add_table lays a table's rows out
     * one after another, skeleton row r at its first plus r */
    for (size_t at = from; at < end;) {
        const ogi__prow_t *pr = &p->rows[at];
        size_t first = at - pr->row;
        size_t stop = first + pr->nrows;
        if (stop > end)
            stop = end;
        uint32_t rows = rows_may(may, in, pr->table);
        rows &= ~(((uint32_t)1 << pr->row) - 1); /* those from at on */
        at = stop;
        for (; rows; rows &= rows - 1) {
            size_t i = first + (size_t)__builtin_ctz(rows);
            if (i >= stop)
                break;
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
    }
    *score = best_s / 4;
    return best_s / 4 >= MIN_SCORE ? best : -1;
}

/* Best row for label in, or -1. Rows come in order, so the next few rows
 * are tried first; an exact label there settles it without the rest. */
static long
match(const ogi__plan_t *p, const ogi__label_t *in, ogi__label_rows_t *slot,
      size_t cursor, int *score)
{
    may_t may = {.slot = slot};
    /* text that is no row's label (a header, a note, a caption) may
     * match no row of any table: told once, not by both tries */
    uint32_t any = 0;
    for (size_t i = 0; i < p->n && !any;
         i += p->rows[i].nrows - p->rows[i].row)
        any = rows_may(&may, in, p->rows[i].table);
    if (!any) {
        *score = 0;
        return -1;
    }
    long m = match_range(p, in, &may, cursor, cursor, cursor + 4, score);
    if (m >= 0 && *score >= 100)
        return m;
    return match_range(p, in, &may, cursor, 0, p->n, score);
}

/* The first plan row of the table whose heading in is ("第二十条第（一）项"
 * over a table of Table 2), or -1: the heading it matches best, cut short
 * or with characters lost as a label may be, and better than any other
 * (the headings differ in their numbering only). */
/* The tables' headings, normalised once (immutable after). */
static ogi__label_t caption_labels[OGI_TABLE_COUNT];
static pthread_once_t captions_once = PTHREAD_ONCE_INIT;

static void
init_captions(void)
{
    for (int t = 0; t < OGI_TABLE_COUNT; t++) {
        const char *cap = ogi_skeleton_table((ogi_table_id_t)t)->label;
        ogi__label_norm(cap, strlen(cap), &caption_labels[t]);
    }
}

/* slot: in's slot of the label memo, which keeps its scores against the
 * headings (a label read again, in this report or the next, is scored
 * once), or NULL. */
static long
caption_row(const ogi__plan_t *p, const ogi__label_t *in,
            ogi__label_rows_t *slot)
{
    long best = -1;
    int best_s = 0, second = 0;
    pthread_once(&captions_once, init_captions);
    /* table by table: ogi__plan_add_table lays a table's rows out one
     * after another, skeleton row r at its first plus r */
    for (size_t i = 0; i < p->n; i += p->rows[i].nrows - p->rows[i].row) {
        if (i > 0 && p->rows[i].table == p->rows[i - 1].table)
            continue;
        ogi_table_id_t id = p->rows[i].table;
        uint32_t bit = 1u << id;
        int sc;
        if (slot && (slot->heads_known & bit)) {
            sc = slot->heads[id];
        } else {
            const ogi__label_t *lp = &caption_labels[id];
            ogi__label_set_t set = {lp, 1, 0, lp->bloom};
            sc = lp->len ? ogi__label_score_set(in, &set, 0) : 0;
            if (slot) {
                slot->heads[id] = sc;
                slot->heads_known |= bit;
            }
        }
        if (sc > best_s) {
            second = best_s;
            best_s = sc;
            best = (long)i;
        } else if (sc > second) {
            second = sc;
        }
    }
    return best_s >= MIN_SCORE && best_s > second ? best : -1;
}

/* caption_row of the labels of record rec joined, or -1. */
static long
caption_of(const ogi__plan_t *p, const ogi__table_t *g, const ogi__row_t *rec)
{
    char buf[OGI__PLAN_MAX_LABEL];
    size_t n = 0;
    for (size_t i = 0; i < rec->count; i++) {
        const ogi__cell_t *t = &g->cells[rec->first + i];
        if (t->kind != OGI__CELL_LABEL)
            continue;
        if (n + t->n > sizeof(buf))
            return -1;
        memcpy(buf + n, t->s, t->n);
        n += t->n;
    }
    ogi__label_t in;
    ogi__label_norm(buf, n, &in);
    return caption_row(p, &in, NULL);
}

/* Whether label in, matched to plan row m with score sc, is as likely a
 * header's words: three characters or fewer cut short of a label that
 * starts with a numbering it lacks ("申请人" of the header 申请人情况,
 * which html2text repeats where a table was split, against
 * 1.申请人无正当理由逾期不补正…). Taken as such on a line of no values. */
static int
header_words(const ogi__plan_t *p, long m, const ogi__label_t *in, int sc)
{
    const ogi_skel_row_t *row =
        &ogi_skeleton_table(p->rows[m].table)->rows[p->rows[m].row];
    return sc < 100 && !in->num.level && in->chars <= 3 && row->number &&
           row->number[0];
}

/* The skeleton flags of plan row i. */
static unsigned
row_flags(const ogi__plan_t *p, long i)
{
    return ogi_skeleton_table(p->rows[i].table)->rows[p->rows[i].row].flags;
}

/* The next data row at or after cursor, or -1. Rows of skip_flags are
 * skipped until one of them was seen by label with values (the sub-rows
 * of （六）: once one is, the others follow it by order). */
static long
next_data(const ogi__plan_t *p, const ogi__table_t *g, size_t cursor,
          unsigned skip_flags)
{
    for (size_t i = 0; i < p->n && skip_flags; i++)
        if (p->rows[i].labelled && !p->rows[i].group &&
            (row_flags(p, (long)i) & skip_flags) &&
            ogi__plan_row_has_value(g, &p->rows[i]))
            skip_flags = 0;
    for (size_t i = cursor; i < p->n; i++) {
        const ogi_skel_row_t *row =
            &ogi_skeleton_table(p->rows[i].table)->rows[p->rows[i].row];
        if (!p->rows[i].group && !(row->flags & skip_flags))
            return (long)i;
    }
    return -1;
}

int
ogi__plan_row_has_value(const ogi__table_t *g, const ogi__prow_t *pr)
{
    for (size_t k = 0; k < pr->ntoks; k++) {
        const ogi__cell_t *c = ogi__plan_tok_cell(g, pr->toks[k]);
        if (c->kind == OGI__CELL_VALUE || c->kind == OGI__CELL_RUN)
            return 1;
    }
    return 0;
}

void
ogi__plan_give(ogi__prow_t *pr, const ogi__table_t *g, const ogi__row_t *rec,
               size_t from)
{
    for (size_t i = from; i < rec->count && pr->ntoks < OGI__PLAN_MAX_TOKS;
         i++) {
        const ogi__cell_t *t = &g->cells[rec->first + i];
        if (t->kind != OGI__CELL_LABEL && t->kind != OGI__CELL_MERGED)
            pr->toks[pr->ntoks++] = (uint32_t)(rec->first + i);
    }
}

int
ogi__plan_has_value(const ogi__table_t *g, const ogi__row_t *rec, size_t from)
{
    for (size_t i = from; i < rec->count; i++)
        if (g->cells[rec->first + i].kind == OGI__CELL_VALUE ||
            g->cells[rec->first + i].kind == OGI__CELL_RUN)
            return 1;
    return 0;
}

int
ogi__plan_has_blank(const ogi__table_t *g, const ogi__row_t *rec)
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
void
ogi__plan_walk(ogi__plan_t *p, const ogi__table_t *g, unsigned skip_flags)
{
    size_t cursor = 0;
    long cur = -1;
    int started = 0;
    /* rows whose labels came without values, oldest first: a pipeline
     * that tears labels from their numbers may print two labels before
     * the first one's values */
    long wait[OGI__PLAN_MAX_ROWS];
    int wait_level[OGI__PLAN_MAX_ROWS];
    size_t nwait = 0;
    /* the headings normalised before any label is: a label read from the
     * memo is read again after caption_row, which must not evict it */
    pthread_once(&captions_once, init_captions);
    for (size_t ri = 0; ri < g->nrows; ri++) {
        while (nwait && p->rows[wait[0]].ntoks) {
            memmove(wait, wait + 1, (nwait - 1) * sizeof(wait[0]));
            memmove(wait_level, wait_level + 1,
                    (nwait - 1) * sizeof(wait_level[0]));
            nwait--;
        }
        const ogi__row_t *rec = &g->rows[ri];
        long data = -1, group = -1, caption = -1;
        int numbered = 0; /* level of the data label's numbering, or 0 */
        size_t last_text = 0;
        int any_text = 0;
        /* the record's one label, normalised (NULL: none, or several, or
         * one too long), which its caption test reads again as is */
        const ogi__label_t *only = NULL;
        ogi__label_rows_t *only_slot = NULL;
        ogi__label_t scratch;
        for (size_t i = 0; i < rec->count; i++) {
            const ogi__cell_t *t = &g->cells[rec->first + i];
            if (t->kind != OGI__CELL_LABEL)
                continue;
            int first_text = !any_text;
            any_text = 1;
            last_text = i;
            only = NULL;
            if (t->n > OGI__PLAN_MAX_LABEL)
                continue; /* longer than any label with its extra words */
            ogi__label_rows_t *slot;
            const ogi__label_t *in =
                ogi__label_norm_rows(t->s, t->n, &scratch, &slot);
            if (first_text) {
                only = in;
                only_slot = slot;
            }
            int sc;
            long m = match(p, in, slot, cursor, &sc);
            if (m >= 0 && header_words(p, m, in, sc) &&
                !ogi__plan_has_value(g, rec, 0))
                m = -1;
            if (m < 0)
                continue;
            if (p->rows[m].group)
                group = m;
            else {
                data = m;
                numbered = in->num.level;
            }
        }
        /* a table's heading alone (its words joined, a layout may cut
         * it over cells): its rows come next, even when their labels are
         * cut past matching (html2text's "规" of 规章) */
        if (data < 0 && group < 0 && any_text &&
            !ogi__plan_has_value(g, rec, 0))
            caption = only ? caption_row(p, only, only_slot)
                           : caption_of(p, g, rec);
        if (caption >= 0) {
            started = 1;
            /* a row still waiting for its values keeps waiting: reading
             * order may write them after the next table's heading */
            if (cur < 0 || p->rows[cur].ntoks)
                cur = -1;
            if ((size_t)caption > cursor)
                cursor = (size_t)caption;
            continue;
        }
        size_t from = any_text ? last_text + 1 : 0;
        /* （六）其他处理 heads its sub-rows in the 2021 shape: values on its
         * line belong to the sub-row whose label came before them */
        if (data >= 0 && nwait && ogi__plan_has_value(g, rec, from) &&
            (row_flags(p, data) & OGI_ROW_OTHER1) &&
            (row_flags(p, wait[0]) & OGI_ROW_OTHER3)) {
            started = 1;
            ogi__plan_give(&p->rows[wait[0]], g, rec, from);
            continue;
        }
        if (data >= 0) {
            started = 1;
            cur = data;
            cursor = (size_t)data + 1;
            p->rows[cur].labelled = 1;
            ogi__plan_give(&p->rows[cur], g, rec, from);
            int queued = 0;
            for (size_t w = 0; w < nwait; w++)
                queued |= wait[w] == cur;
            /* a label's head only: a wrapped tail may match a
             * neighbour sharing its words */
            if (!p->rows[cur].ntoks && numbered && !queued &&
                nwait < OGI__PLAN_MAX_ROWS) {
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
                ogi__plan_give(&p->rows[cur], g, rec, from);
                continue;
            }
            cur = -1;
            if (ogi__plan_has_value(g, rec, from)) {
                cur = next_data(p, g, cursor, skip_flags);
                if (cur >= 0) {
                    p->rows[cur].by_order = 1;
                    cursor = (size_t)cur + 1;
                    ogi__plan_give(&p->rows[cur], g, rec, from);
                }
            }
            continue;
        }
        int values = ogi__plan_has_value(g, rec, from);
        /* several rows waiting, or one and a label that matches no row
         * (the torn tail of the waiting one's): the oldest takes them */
        if (values && (nwait > 1 || (nwait && any_text)) &&
            !(any_text && rec->prosey)) {
            ogi__plan_give(&p->rows[wait[0]], g, rec, from);
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
            ogi__plan_give(&p->rows[cur], g, rec, from);
        } else if (values) {
            cur = next_data(p, g, cursor, skip_flags);
            if (cur >= 0) {
                p->rows[cur].by_order = 1;
                cursor = (size_t)cur + 1;
                ogi__plan_give(&p->rows[cur], g, rec, from);
            }
        }
    }
}

