/*
 * split.c - runs of digits into cells by the format's arithmetic
 * (split_int.h).
 *
 * A span is the cells of one row (all of Table 4 when it is read as one
 * flattened row) and the pieces read for them: a VALUE or BLANK piece is
 * one cell, a RUN of plain digits one or more. The splitter works in
 * three stages, over all the spans of one table at once:
 *
 *   1. Each span on its own: a depth-first walk over the ways its runs cut
 *      into cells (no cell with a leading zero unless it is "0"), keeping
 *      those under which every identity that runs along its rows (D2, D3)
 *      holds. A run's last cell is chosen first (it is the 总计 of a Table
 *      3 row), so the cells before it are cut against a known sum; an
 *      identity is checked exactly once all its cells are chosen and
 *      bounded before that (the chosen cells against the smallest and
 *      largest numbers the digits left could still make).
 *   2. Across spans, the identities that run down the columns (O1, D1),
 *      the cells placed in other rows taking part. An instance that no
 *      combination of the spans' splits satisfies is an error of the
 *      report itself (a typo in another row), not evidence against any
 *      split: it is left to the validator. The others narrow each span's
 *      splits by bounds, then a bounded joint search keeps the splits that
 *      take part in some combination satisfying all of them.
 *   3. One split left: placed, P5. Several: the most plausible placed, the
 *      others named, P6. None: nothing placed, P8.
 *
 * Blank and placeholder cells count as 0 in the arithmetic, as the
 * validator reads them (README "The report format", what a cell holds); a cell
 * that holds no integer makes the identities through it unassessable, so they
 * decide nothing.
 *
 * Plausibility, most important first: fewer soft relations broken (C1-C3,
 * the skeleton's), the row identities kept where a row is read by its
 * shape alone (a total that its parts make, then a total left blank
 * beside values, unchecked, then a total its parts do not make: "26 26"
 * is 自然人 26 … 总计 26, not 自然人 26, 商业企业 26 and no total; "3"
 * alone is 自然人 3 and no total, not a total of 3 over blank parts), gaps read
 * as one blank cell per no-break space (an empty cell saved from Word is one
 * "&nbsp;") and marks as one each, fewer changes (本年增/减) larger than the
 * stock before them and flows (本年制发件数) larger than the stock beside them
 * (现行有效件数), the smaller changes written without a sign, fewer cells of
 * more than one digit (except in the tables of changes, amounts and documents),
 * the smaller sum (amounts apart), the smaller largest cell, then the order the
 * walk found it in (shorter first cells first). Most cells of these tables are
 * 0 or small, so the split with more small cells is the likelier one; C1-C3
 * come first because they are facts about the items, not about typical sizes.
 *
 * Bounds: a run of more than MAX_RUN_DIGITS digits is not tried; each span
 * keeps at most MAX_CANDS splits and walks at most MAX_SPAN_NODES steps,
 * one call at most MAX_CALL_NODES, the joint search MAX_JOINT_NODES. What
 * runs out is P8 (or, for the joint search, the splits each span allows on
 * its own). Memory comes from the report's arena.
 */
#include "ogi_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#define OGI__SPLIT_INTERNAL
#include "split_int.h"

const ogi__cell_t ogi__split_free_gap = {.kind = OGI__CELL_BLANK,
                                         .s = " ",
                                         .n = 1,
                                         .x0 = -1,
                                         .x1 = -1,
                                         .row = -1,
                                         .col = -1};

int
ogi__split_free_fits(size_t ncells, size_t n)
{
    if (n > ncells)
        return 0;
    /* C(ncells, n), stopped once past the bound */
    size_t ways = 1;
    for (size_t k = 1; k <= n; k++) {
        ways = ways * (ncells - n + k) / k;
        if (ways > MAX_FREE_LAYOUTS)
            return 0;
    }
    return 1;
}

/* ---- small helpers ---- */

int
ogi__split_score_cmp(const score_t *a, const score_t *b)
{
    if (a->soft != b->soft)
        return a->soft < b->soft ? -1 : 1;
    if (a->blank != b->blank)
        return a->blank < b->blank ? -1 : 1;
    if (a->odd != b->odd)
        return a->odd < b->odd ? -1 : 1;
    if (a->implaus != b->implaus)
        return a->implaus < b->implaus ? -1 : 1;
    if (a->bare != b->bare)
        return a->bare < b->bare ? -1 : 1;
    if (a->multi != b->multi)
        return a->multi < b->multi ? -1 : 1;
    if (a->sum != b->sum)
        return a->sum < b->sum ? -1 : 1;
    if (a->max != b->max)
        return a->max < b->max ? -1 : 1;
    if (a->rare != b->rare)
        return a->rare < b->rare ? -1 : 1;
    return 0;
}

int
ogi__split_col_rarity(ogi_table_id_t id, size_t col)
{
    static const struct {
        const char *key;
        uint8_t rare;
    } seldom[] = {{"legal_service", 1},
                  {"other_org", 2},
                  {"research", 3},
                  {"public_interest", 4}};
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    if (id != OGI_T3 || col >= sk->ncols)
        return 0;
    for (size_t k = 0; k < OGI_ARRAY_LEN(seldom); k++)
        if (strcmp(sk->cols[col].key, seldom[k].key) == 0)
            return seldom[k].rare;
    return 0;
}

static void
column_rarity(ctx_t *cx)
{
    for (size_t c = 0; c < OGI__SPLIT_MAX_COLS; c++)
        cx->rare[c] = (uint8_t)ogi__split_col_rarity(cx->id, c);
}

int
ogi__split_amount_at(const ctx_t *cx, size_t cell)
{
    ogi_vtype_t t = cx->sk->cols[cell % cx->sk->ncols].type;
    return t == OGI_VT_AMOUNT || t == OGI_VT_AMOUNT_WAN;
}

/* A placed cell as the arithmetic reads it. */
static int
fixed_kind(const ogi_cell_t *c, int64_t *v)
{
    *v = 0;
    if (c->state == OGI_CELL_NUM && c->scale == 0) {
        *v = c->value;
        return K_NUM;
    }
    if (c->state == OGI_CELL_EMPTY || c->state == OGI_CELL_NA)
        return K_ZERO;
    return K_OPAQUE;
}

/* ---- stage 3, placing and telling: split_tell.c ---- */

/* ---- stage 0: instances of the table's identities ---- */

static int
add_instances(ctx_t *cx, const ogi_skel_identity_t *ids, size_t nids, int ident)
{
    const ogi_skel_table_t *sk = cx->sk;
    for (size_t i = 0; i < nids; i++) {
        const ogi_skel_identity_t *id = &ids[i];
        if (id->table != cx->id)
            continue;
        size_t n = id->along_rows ? sk->nrows : sk->ncols;
        for (size_t at = 0; at < n; at++) {
            if (id->along_rows && !ogi_report_row_in_shape(cx->r, cx->id, at))
                continue;
            inst_t *e = &cx->inst[cx->ninst];
            e->rule = id->rule;
            e->ident = ident;
            e->along_rows = id->along_rows;
            e->n = 0;
            e->fixed = 0;
            e->opaque = 0;
            e->kept = 0;
            e->span = -2;
            for (int side = 0; side < 2; side++) {
                const size_t *keys = side ? id->rhs_at : id->lhs_at;
                size_t nk = side ? id->nrhs : id->nlhs;
                for (size_t k = 0; k < nk && e->n < MAX_INST_CELLS; k++) {
                    size_t row = id->along_rows ? at : keys[k];
                    size_t col = id->along_rows ? keys[k] : at;
                    if (!ogi_report_row_in_shape(cx->r, cx->id, row))
                        continue;
                    uint32_t cell = (uint32_t)(row * sk->ncols + col);
                    int8_t sign = side ? -1 : 1;
                    long s = cx->owner[cell];
                    if (s < 0) {
                        int64_t v;
                        if (fixed_kind(&cx->r->tables[cx->id].cells[cell],
                                       &v) == K_OPAQUE)
                            e->opaque = 1;
                        e->fixed += sign * v;
                        continue;
                    }
                    e->span = e->span == -2 || e->span == s ? s : -1;
                    e->cell[e->n] = cell;
                    e->sign[e->n++] = sign;
                }
            }
            /* one that touches no span, or can never be assessed, has
             * nothing to say about any split */
            if (e->span == -2 || e->opaque)
                continue;
            if (e->span >= 0 && e->along_rows) {
                span_t *s = &cx->spans[e->span];
                if (s->ninst < MAX_SPAN_INST)
                    s->inst[s->ninst++] = (uint32_t)cx->ninst;
                e->span = -3; /* handled by its span's walk */
            } else if (!ident) {
                continue; /* soft relations only rank within a row */
            }
            cx->ninst++;
        }
    }
    return 0;
}

static int
build_instances(ctx_t *cx)
{
    size_t nid, nrel, total = 0;
    const ogi_skel_identity_t *ids = ogi_skeleton_identities(&nid);
    const ogi_skel_identity_t *rel = ogi_skeleton_relations(&nrel);
    for (size_t i = 0; i < nid; i++)
        if (ids[i].table == cx->id)
            total += ids[i].along_rows ? cx->sk->nrows : cx->sk->ncols;
    for (size_t i = 0; i < nrel; i++)
        if (rel[i].table == cx->id)
            total += rel[i].along_rows ? cx->sk->nrows : cx->sk->ncols;
    cx->inst = ogi_arena_alloc(cx->r->arena, (total + 1) * sizeof(inst_t));
    if (!cx->inst)
        return OGI_ENOMEM;
    cx->ninst = 0;
    add_instances(cx, ids, nid, 1);
    add_instances(cx, rel, nrel, 0);
    return 0;
}

/* Length of a sign that opens run p ("-", "+", "增" or "减" and the blanks
 * after it) with digits after it, or 0. */
static size_t
sign_len(const ogi__cell_t *p, int *sign)
{
    size_t i = 0;
    if (p->n > 0 && (p->s[0] == '-' || p->s[0] == '+')) {
        *sign = p->s[0] == '-' ? -1 : 1;
        i = 1;
    } else if (p->n >= 3 &&
               (memcmp(p->s, "增", 3) == 0 || memcmp(p->s, "减", 3) == 0)) {
        *sign = memcmp(p->s, "减", 3) == 0 ? -1 : 1;
        i = 3;
        while (i < p->n && (p->s[i] == ' ' || p->s[i] == '\t'))
            i++;
    }
    return i < p->n && ogi_text_is_digit((unsigned char)p->s[i]) ? i : 0;
}

/*
 * Sets the sign of each run of s apart as a piece of its own: "-00" is
 * the sign and "00". Whether a sign is one is up to the layouts: only a
 * signed column (本年增/减) takes a value's sign; anywhere else "-" is a
 * placeholder cell ("—" before a cell of digits) and the others are no
 * cell at all. Returns 0 or OGI_ENOMEM.
 */
static int
set_signs(ogi_arena_t *arena, span_t *s)
{
    const ogi__split_span_t *sp = s->orig;
    size_t signs = 0;
    int sign;
    for (size_t i = 0; i < sp->npieces; i++)
        signs += sp->pieces[i]->kind == OGI__CELL_RUN &&
                 sign_len(sp->pieces[i], &sign);
    if (!signs)
        return 0;
    if (sp->npieces + signs > MAX_PIECES) {
        s->fail = F_SHAPE;
        return 0;
    }
    ogi__split_span_t *ns = ogi_arena_alloc(arena, sizeof(*ns));
    const ogi__cell_t **pieces =
        ogi_arena_alloc(arena, (sp->npieces + signs) * sizeof(*pieces));
    ogi__cell_t *made = ogi_arena_calloc(arena, 2 * signs, sizeof(*made));
    if (!ns || !pieces || !made)
        return OGI_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < sp->npieces; i++) {
        const ogi__cell_t *p = sp->pieces[i];
        size_t sl = p->kind == OGI__CELL_RUN ? sign_len(p, &sign) : 0;
        if (!sl) {
            pieces[n++] = p;
            continue;
        }
        ogi__cell_t *mark = made++, *dig = made++;
        *mark = *p;
        mark->kind = OGI__CELL_VALUE;
        mark->n = p->s[0] == '-' || p->s[0] == '+' ? 1 : 3;
        mark->len = (uint32_t)sl;
        ogi_number_parse("-", 1, &mark->num); /* a placeholder */
        *dig = *p;
        dig->s = p->s + sl;
        dig->n = p->n - (uint32_t)sl;
        dig->off = p->off + (uint32_t)sl;
        dig->len = p->len > sl ? p->len - (uint32_t)sl : 0;
        s->sign[n] = (int8_t)(sign * (p->s[0] == '-' ? 2 : 1));
        pieces[n++] = mark;
        pieces[n++] = dig;
    }
    *ns = *sp;
    ns->pieces = pieces;
    ns->npieces = n;
    s->sp = ns;
    return 0;
}

/* Bytes of a unit that ends p ("元", "万元" and the blanks before it),
 * its ogi_unit_t into *unit; 0 when none. */
static size_t
unit_len(const ogi__cell_t *p, uint8_t *unit)
{
    size_t n = p->n;
    while (n > 0 && (p->s[n - 1] == ' ' || p->s[n - 1] == '\t'))
        n--;
    size_t u = 0;
    if (n >= 6 && memcmp(p->s + n - 6, "万元", 6) == 0) {
        *unit = OGI_UNIT_WAN_YUAN;
        u = 6;
    } else if (n >= 3 && memcmp(p->s + n - 3, "元", 3) == 0) {
        *unit = OGI_UNIT_YUAN;
        u = 3;
    } else {
        return 0;
    }
    n -= u;
    while (n > 0 && (p->s[n - 1] == ' ' || p->s[n - 1] == '\t'))
        n--;
    return p->n - n;
}

/*
 * Sets apart what only an amount's cell may hold at the end of a run: a
 * decimal point ("634893.9": the projects 6 and the amount 34893.9 run
 * together) and a unit ("00元"). The run keeps its digits; s->frac and
 * s->unit say that its last cell is an amount with that many decimals
 * and that unit, which the walk places in an amount column only. A run
 * with a point that cannot be an amount's (two points, more than two
 * decimals, a point at either end) is left as read: the walk finds it
 * holds more than digits. Returns 0 or OGI_ENOMEM.
 */
static int
set_amounts(ctx_t *cx, span_t *s)
{
    int any = 0;
    for (size_t i = 0; i < s->sp->ncells; i++)
        any |= ogi__split_amount_at(cx, s->sp->first + i);
    if (!any)
        return 0;
    const ogi__split_span_t *sp = s->sp;
    const ogi__cell_t **pieces = NULL;
    for (size_t i = 0; i < sp->npieces; i++) {
        const ogi__cell_t *p = sp->pieces[i];
        if (p->kind != OGI__CELL_RUN)
            continue;
        uint8_t unit = 0;
        size_t ul = unit_len(p, &unit), n = p->n - ul, dot = n, dots = 0;
        for (size_t k = 0; k < n; k++)
            if (p->s[k] == '.') {
                dot = k;
                dots++;
            }
        if (dots > 1 ||
            (dots && (dot == 0 || n - dot - 1 > 2 || n - dot - 1 == 0)))
            continue;
        if (!ul && !dots)
            continue;
        char *dig = ogi_arena_alloc(cx->r->arena, n ? n : 1);
        ogi__cell_t *np = ogi_arena_alloc(cx->r->arena, sizeof(*np));
        if (!pieces) {
            pieces =
                ogi_arena_alloc(cx->r->arena, sp->npieces * sizeof(*pieces));
            if (pieces)
                memcpy(pieces, sp->pieces, sp->npieces * sizeof(*pieces));
        }
        if (!dig || !np || !pieces)
            return OGI_ENOMEM;
        size_t dn = 0;
        for (size_t k = 0; k < n; k++)
            if (k != dot)
                dig[dn++] = p->s[k];
        *np = *p;
        np->s = dig;
        np->n = (uint32_t)dn;
        pieces[i] = np;
        s->frac[i] = (uint8_t)(dots ? n - dot - 1 : 0);
        s->unit[i] = unit;
    }
    if (!pieces)
        return 0;
    ogi__split_span_t *ns = ogi_arena_alloc(cx->r->arena, sizeof(*ns));
    if (!ns)
        return OGI_ENOMEM;
    *ns = *sp;
    ns->pieces = pieces;
    s->sp = ns;
    return 0;
}

/* Whether a row read with its total left blank (shape_only 2 and 3) is
 * still open: the table's columns hold under no joint split (*failed),
 * or more than one split of it is left. */
static int
guesses_open(const ctx_t *cx, int *failed)
{
    int joint_failed = 0, guessed = 0, open = 0;
    for (size_t i = 0; i < cx->nspans; i++) {
        const span_t *s = &cx->spans[i];
        joint_failed |= s->fail == F_JOINT;
        if (s->free)
            continue; /* placed by ranking where left open */
        /* a row no cut keeps (shape_only 4) is the report's own error:
         * its cuts are what the page may say, several named (P6) */
        int guess = s->shape_only == 2 || s->shape_only == 3;
        guessed |= !s->fail && s->shape_only >= 2;
        open |= !s->fail && guess && s->nalive != 1;
    }
    *failed = joint_failed;
    return open || (joint_failed && guessed);
}

/* The spans' splits chosen again by the identities down the columns, the
 * spans marked in drop given up first (P8). */
static int
choose_again(ctx_t *cx, const uint8_t *drop)
{
    for (size_t i = 0; i < cx->nspans; i++) {
        span_t *s = &cx->spans[i];
        s->joint = -1;
        if (s->fail == F_JOINT)
            s->fail = F_OK;
        if (!s->fail && drop && drop[i])
            s->fail = F_NONE;
        if (s->fail)
            continue;
        memset(s->alive, 1, s->ncand);
        memset(s->insol, 0, s->ncand);
        s->nalive = s->ncand;
    }
    for (size_t i = 0; i < cx->ninst; i++)
        cx->inst[i].kept = 0;
    return ogi__split_across(cx);
}

/*
 * The cuts of a row no cut fits as printed (shape_only 2 and 3: its total
 * left blank) are a reading, not the page's word: when with them the
 * table's columns hold under no joint split, or when more than one is
 * left, they are given up (P8, as any row no split fits) and the other
 * spans chosen again without them.
 *
 * Before that, the rows read with one blank cell per no-break space
 * (shape_only 2) are read again with each gap up to MAX_GAP_CELLS blank
 * cells: a crawler that collapses white space leaves one space for a run
 * of empty cells ("25812 11" for 258 12 _ _ 1 1, its total blank), which
 * the flat form writes back as one no-break space, so the count of no-break
 * spaces is no count of cells there; the columns' identities choose.
 */
static int
retry_without_guesses(ctx_t *cx)
{
    int joint_failed, rc;
    int open = guesses_open(cx, &joint_failed);
    /* free spans (a row whose blank cells left no trace) whose
     * placements leave the table's columns no joint split are read by
     * their own rows: the other rows' splits stand as the page gives them */
    int any_free = 0;
    for (size_t i = 0; i < cx->nspans; i++)
        any_free |= cx->spans[i].free && !cx->spans[i].fail;
    if (joint_failed && any_free) {
        cx->free_wild = 1;
        if ((rc = choose_again(cx, NULL)))
            return rc;
        open = guesses_open(cx, &joint_failed);
    }
    /* a row read with its total left blank and its gaps not as their
     * no-break spaces say (shape_only 3) where the text kept its white
     * space, or as they say (2) where it collapsed it (a space there says
     * nothing of a blank cell): the one cut so read is no likelier than
     * the cuts of its digits alone, its total printed and the row the
     * report's own error ("  200 000 017 " for 20 0 0 0 0 0 17, its total
     * printed 3 short); where these are several, the columns choose among
     * them */
    int widened = 0;
    for (size_t i = 0; !joint_failed && i < cx->nspans; i++) {
        span_t *s = &cx->spans[i];
        if (s->free || s->fail || s->nalive != 1 ||
            s->shape_only != (cx->collapsed ? 2 : 3))
            continue;
        if ((rc = ogi__split_span_shape(cx, s)))
            return rc;
        if ((s->fail || s->ncand < 2) && (rc = ogi__split_span_loosen(cx, s)))
            return rc;
        widened = 1;
    }
    if (widened) {
        if ((rc = choose_again(cx, NULL)))
            return rc;
        open = guesses_open(cx, &joint_failed);
    }
    if (!open)
        return 0;
    int loosened = 0;
    for (size_t i = 0; i < cx->nspans; i++) {
        span_t *s = &cx->spans[i];
        if ((s->fail == F_OK || s->fail == F_JOINT) && s->shape_only == 2 &&
            (joint_failed || s->nalive != 1)) {
            if ((rc = ogi__split_span_loosen(cx, s)))
                return rc;
            loosened = 1;
        }
    }
    if (loosened) {
        if ((rc = choose_again(cx, NULL)))
            return rc;
        if (!guesses_open(cx, &joint_failed))
            return 0;
    }
    uint8_t *drop = ogi_arena_calloc(cx->r->arena, cx->nspans + 1, 1);
    uint8_t *single = ogi_arena_calloc(cx->r->arena, cx->nspans + 1, 1);
    if (!drop || !single)
        return OGI_ENOMEM;
    for (size_t i = 0; i < cx->nspans; i++) {
        span_t *s = &cx->spans[i];
        drop[i] = !s->free && s->shape_only >= 2 &&
                  (joint_failed || (s->shape_only < 4 && s->nalive != 1));
        /* a guess the columns leave open: the row's total may be printed
         * after all, the row holding the report's own error; the cuts of
         * its digits alone, when they are several (shape_only 4, or a
         * minus read as a placeholder or a sign), for the columns to
         * choose among; one cut alone is placed unless the columns
         * refute it */
        if (drop[i] && !joint_failed && s->shape_only < 4) {
            if ((rc = ogi__split_span_shape(cx, s)))
                return rc;
            drop[i] = s->fail != F_OK || s->ncand < 2;
            /* the one cut of its digits: placed where the columns do not
             * refute it (a row holding the report's own error, P5 saying
             * it breaks the row), given up where they do (below) */
            single[i] = s->fail == F_OK && s->ncand == 1;
            if (single[i])
                drop[i] = 0;
        }
    }
    if ((rc = choose_again(cx, drop)))
        return rc;
    int refuted = 0;
    for (size_t i = 0; i < cx->nspans; i++) {
        if (!single[i] || cx->spans[i].fail)
            continue;
        if ((rc = ogi__split_refuted(cx, i)) < 0)
            return rc;
        if (rc) {
            drop[i] = 1;
            refuted = 1;
        }
    }
    return refuted ? choose_again(cx, drop) : 0;
}

/*
 * A row read with its total left blank (shape_only 2 or 3) whose reading
 * the columns refute ("3000004 " read as 3000004 and six blank cells,
 * past the column's 总计 138, where 3 0 0 0 0 0 4 is the one cut of its
 * digits, its total the report's own error) is read by the cuts of its
 * digits instead: the one there is, placed unless the columns refute it
 * too (then P8), several for the columns to choose among.
 */
static int
refuted_guesses(ctx_t *cx)
{
    int changed = 0, rc;
    uint8_t *drop = ogi_arena_calloc(cx->r->arena, cx->nspans + 1, 1);
    if (!drop)
        return OGI_ENOMEM;
    for (size_t i = 0; i < cx->nspans; i++) {
        span_t *s = &cx->spans[i];
        if (s->free || s->fail || s->nalive != 1 ||
            (s->shape_only != 2 && s->shape_only != 3))
            continue;
        if ((rc = ogi__split_refuted(cx, i)) < 0)
            return rc;
        if (!rc)
            continue;
        if ((rc = ogi__split_span_shape(cx, s)))
            return rc;
        drop[i] = 1; /* checked again below */
        changed = 1;
    }
    if (!changed)
        return 0;
    uint8_t *again = ogi_arena_calloc(cx->r->arena, cx->nspans + 1, 1);
    if (!again)
        return OGI_ENOMEM;
    if ((rc = choose_again(cx, again)))
        return rc;
    int refuted = 0;
    for (size_t i = 0; i < cx->nspans; i++) {
        if (!drop[i] || cx->spans[i].fail)
            continue;
        if ((rc = ogi__split_refuted(cx, i)) < 0)
            return rc;
        again[i] = (uint8_t)rc;
        refuted |= rc;
    }
    return refuted ? choose_again(cx, again) : 0;
}

/*
 * 1 when g reads like a text that collapsed its white space (a crawler
 * that keeps one space for a run of them, the whole table on one line,
 * each lone space before a value written back as a no-break space): the
 * run-on reader's, its rows of values on one line (after a header,
 * on its line), every gap there one
 * no-break space (three or more), and no two blanks in a row anywhere
 * in the text. There one space stands
 * for as many blank cells as the page had there, none to several; a page
 * that leaves each empty cell its "&nbsp;" shows runs of them.
 */
static int
collapsed_gaps(const ogi__table_t *g)
{
    if (!g || !g->reader || strcmp(g->reader, "runon") != 0 || g->nrows == 0)
        return 0;
    /* the rows that hold values on one line, or on one line after each
     * header: the flat form puts a line break back before Table 3's
     * header, and a table the page split in two repeats it */
    size_t gaps = 0;
    int64_t line = -1, head = -1;
    for (size_t i = 0; i < g->nrows; i++) {
        const ogi__row_t *w = &g->rows[i];
        int cells = 0;
        for (uint32_t k = 0; k < w->count && !cells; k++)
            cells = g->cells[w->first + k].kind == OGI__CELL_VALUE ||
                    g->cells[w->first + k].kind == OGI__CELL_RUN;
        if (!cells) {
            head = w->line;
            continue;
        }
        if (line >= 0 && w->line != (uint32_t)line && w->line != head)
            return 0;
        line = w->line;
    }
    for (size_t i = 0; i < g->ncells; i++) {
        if (g->cells[i].kind != OGI__CELL_BLANK)
            continue;
        if (g->cells[i].n != 1)
            return 0;
        gaps++;
    }
    if (gaps < 3 || !g->text)
        return 0;
    /* and nowhere in the text two blanks in a row (a space, a tab, a
     * no-break space): a page's own text keeps its indents and its runs
     * of "&nbsp;" */
    const unsigned char *t = (const unsigned char *)g->text->s;
    int prev = 0;
    for (size_t i = 0; i < g->text->len; i++) {
        int blank = t[i] == ' ' || t[i] == '\t' ||
                    (t[i] == 0xC2 && i + 1 < g->text->len && t[i + 1] == 0xA0);
        if (blank && prev)
            return 0;
        prev = blank;
        i += t[i] == 0xC2 && blank;
    }
    return 1;
}

int
ogi__split_runs(ogi_report_t *r, const ogi__table_t *g, ogi_table_id_t id,
                const ogi__split_span_t *spans, size_t n)
{
    int rc = ogi_report_table_init(r, id);
    if (rc || n == 0)
        return rc;
    ctx_t cx = {.r = r, .g = g, .id = id, .sk = ogi_skeleton_table(id)};
    cx.tcells = cx.sk->nrows * cx.sk->ncols;
    column_rarity(&cx);
    cx.collapsed = collapsed_gaps(g);
    cx.work = MAX_CALL_NODES;
    cx.nspans = n;
    cx.owner = ogi_arena_alloc(r->arena, cx.tcells * sizeof(*cx.owner));
    cx.opos = ogi_arena_calloc(r->arena, cx.tcells, 1);
    cx.spans = ogi_arena_calloc(r->arena, n, sizeof(*cx.spans));
    cx.set_a = ogi_arena_alloc(r->arena, 2 * MAX_SUMSET * sizeof(int64_t));
    if (!cx.owner || !cx.opos || !cx.spans || !cx.set_a)
        return OGI_ENOMEM;
    cx.set_b = cx.set_a + MAX_SUMSET;
    for (size_t i = 0; i < cx.tcells; i++)
        cx.owner[i] = -1;
    for (size_t i = 0; i < n; i++) {
        span_t *s = &cx.spans[i];
        s->sp = s->orig = &spans[i];
        s->joint = -1;
        const ogi__split_span_t *sp = &spans[i];
        int fits = sp->ncells > 0 && sp->ncells <= MAX_CELLS &&
                   sp->npieces <= MAX_PIECES && sp->first < cx.tcells &&
                   sp->ncells <= cx.tcells - sp->first;
        for (size_t p = 0; fits && p < sp->ncells; p++)
            fits = cx.owner[sp->first + p] < 0; /* spans never overlap */
        if (!fits) {
            s->fail = F_SHAPE;
            continue;
        }
        for (size_t p = 0; p < sp->npieces; p++)
            s->free |= sp->pieces[p] == &ogi__split_free_gap;
        for (size_t p = 0; p < sp->ncells; p++) {
            cx.owner[sp->first + p] = (int16_t)i;
            cx.opos[sp->first + p] = (uint8_t)p;
        }
        if ((rc = set_signs(r->arena, s)) ||
            (!s->fail && (rc = set_amounts(&cx, s))))
            return rc;
    }
    if ((rc = build_instances(&cx)))
        return rc;
    for (size_t i = 0; i < n; i++)
        if (!cx.spans[i].fail && (rc = ogi__split_span_walk(&cx, &cx.spans[i])))
            return rc;
    if ((rc = ogi__split_across(&cx)))
        return rc;
    if ((rc = retry_without_guesses(&cx)) || (rc = refuted_guesses(&cx)))
        return rc;
    for (size_t i = 0; i < n; i++)
        if ((rc = ogi__split_tell(&cx, &cx.spans[i])))
            return rc;
    return 0;
}
