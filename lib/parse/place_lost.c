/*
 * place_lost.c - values a layout cut short, put back by the arithmetic.
 *
 * html2text measures a column in characters and writes bytes: a value
 * typed after a no-break space ("&nbsp;47", two bytes for one character)
 * loses its last digit to the bar (" 4|"), and a one-digit value or an
 * empty cell in a column two wide leaves only the space ("| |"). The
 * reader gives such a cell as a pattern (read_underscore.c): the digits
 * left, then one '?' per digit the bar may have taken, so " 4|" is 4 or
 * 4x and "| |" a blank or one digit. A PDF's table the page's edge cut
 * gives its last column's cells the same way (pdf_lines.c: "75???" for a
 * 751 whose 1 lay past the edge, "???" for a cell wholly past it).
 * Placement marks the report's cell
 * (missing, OGI__CELLF_CUT); here an identity of the format (O1 D1 D2
 * D3) whose only unknown cell is a cut one gives its value, kept when the
 * pattern allows it and no other such identity through the cell says
 * otherwise, round after round (a value found lets another identity
 * decide). A 0 where no digit is left is written as the table writes its
 * zeros: blank, placeholder or 0, whichever its cells use most. Each
 * value placed so is a P5 info; the cells no identity decides stay
 * missing. Marks are cleared in every table before the report is used.
 */
#include "ogi_int.h"

#include <stdint.h>
#include <string.h>

#include "ogi/error.h"
#include "place_int.h"

#define MAX_WILD 3 /* '?' of a pattern: more is no cut of ours */
#define DASH     (-2) /* a cut cell's value: pattern "-", a placeholder */
#define EITHER   (-3) /* pattern "~": a placeholder cut, or a blank a
                         label's overflow showed through, the same bytes */

int
ogi__place_cut_mark(ogi_cell_t *c, const char *s, size_t n)
{
    size_t d = 0, q;
    if (n == 1 && s[0] == '~') {
        c->state = OGI_CELL_MISSING;
        c->flags |= OGI__CELLF_CUT;
        c->value = EITHER;
        c->scale = 0;
        return 1;
    }
    if (n == 1 && s[0] == '-') {
        /* a placeholder cut short: 0 in the arithmetic, written as one */
        c->state = OGI_CELL_MISSING;
        c->flags |= OGI__CELLF_CUT;
        c->value = DASH;
        c->scale = 0;
        return 1;
    }
    while (d < n && s[d] >= '0' && s[d] <= '9')
        d++;
    for (q = d; q < n && s[q] == '?'; q++)
        ;
    if (q != n || q == d || q - d > MAX_WILD || d > 12)
        return 0;
    int64_t v = -1;
    if (d > 0) {
        v = 0;
        for (size_t i = 0; i < d; i++)
            v = v * 10 + (s[i] - '0');
    }
    c->state = OGI_CELL_MISSING;
    c->flags |= OGI__CELLF_CUT;
    c->value = v;
    c->scale = (uint8_t)(q - d);
    return 1;
}

/* Whether x is what cut cell c may have held: its digits then at most
 * c->scale more (no digit after a leading 0), or with no digit left a
 * number of at most c->scale digits. */
static int
fits(const ogi_cell_t *c, int64_t x)
{
    if (x < 0)
        return 0;
    int64_t lo = c->value < 0 ? 0 : c->value, span = 1;
    if (c->value < 0) {
        for (int k = 0; k < c->scale; k++)
            span *= 10;
        return x < span;
    }
    if (x == lo)
        return 1;
    if (lo == 0)
        return 0;
    for (int k = 0; k < c->scale; k++) {
        lo *= 10;
        span *= 10;
        if (x >= lo && x < lo + span)
            return 1;
    }
    return 0;
}

/* Whether cell c's text in t (placement's spans are into t->raw) comes
 * right after a no-break space, its own (a reader trims it). */
static int
nbsp_led(const ogi_text_t *t, const ogi_cell_t *c)
{
    return t && c->len > 0 && c->off >= 2 && (size_t)c->off <= t->raw_len &&
           memcmp(t->raw + c->off - 2, "\xc2\xa0", 2) == 0;
}

/*
 * The state of a 0 where a cut left no digit ("| |"): the no-break space
 * that pushed the digits out led the cell, so it was "&nbsp;" (blank),
 * "&nbsp;0" or "&nbsp;" and a placeholder. The table's cells that show
 * whole say which its no-break spaces lead most: its blank cells (an
 * empty cell is "&nbsp;") against its 0s and placeholders led by one.
 * Those show whole in wide columns, and a column is wide where some
 * cell of it is ("&nbsp;0&nbsp;", "&nbsp;12"): a column narrow enough
 * to cut holds fewer padded values than the table, so its cut cells are
 * blanks more often than the whole ones say; blank holds from half as
 * many blanks as 0s. A table showing none: blank when it has blank or
 * placeholder cells at all, else 0.
 */
static uint8_t
zero_state(const ogi_table_t *tb, size_t ncells, const ogi_text_t *t)
{
    size_t zero = 0, empty = 0, na = 0, any_na = 0;
    for (size_t i = 0; i < ncells; i++) {
        const ogi_cell_t *c = &tb->cells[i];
        if (c->flags & OGI__CELLF_CUT)
            continue;
        empty += c->state == OGI_CELL_EMPTY;
        any_na += c->state == OGI_CELL_NA;
        zero += c->state == OGI_CELL_NUM && c->value == 0 && nbsp_led(t, c);
        na += c->state == OGI_CELL_NA && nbsp_led(t, c);
    }
    if (zero + empty + na == 0)
        return any_na ? OGI_CELL_EMPTY : OGI_CELL_NUM;
    if (2 * empty >= zero && empty >= na && empty > 0)
        return OGI_CELL_EMPTY;
    return na > zero ? OGI_CELL_NA : OGI_CELL_NUM;
}

/* Value per cell found this round: 0 none yet, 1 found (in val), 2 two
 * identities disagree. */
typedef struct {
    uint8_t *seen;
    int64_t *val;
    const char **rule;
} round_t;

/* The least value cut cell c may have held: its digits (0 when none). */
static int64_t
least(const ogi_cell_t *c)
{
    return c->value < 0 ? 0 : c->value;
}

/* Records value x for cell i in rd: a second identity giving another
 * value makes the cell undecided this round. */
static void
found(round_t *rd, size_t i, int64_t x, const char *rule)
{
    if (rd->seen[i] == 0) {
        rd->seen[i] = 1;
        rd->val[i] = x;
        rd->rule[i] = rule;
    } else if (rd->val[i] != x) {
        rd->seen[i] = 2;
    }
}

#define MAX_UNKNOWN 16 /* cut cells of one instance looked at */

/*
 * One instance of identity id (at: its row or column). Its cut cells
 * must make up what the known cells leave: one alone takes it whole;
 * several on one side whose least values already make it up each hold
 * their least (a row of zeros whose total is 0 has all its cut cells 0).
 */
static void
solve_instance(const ogi_report_t *r, const ogi_skel_identity_t *id,
               size_t at, round_t *rd)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(id->table);
    const ogi_table_t *tb = &r->tables[id->table];
    int64_t sum = 0;
    size_t unk[MAX_UNKNOWN], nunk = 0;
    int usign = 0;
    for (int side = 0; side < 2; side++) {
        const size_t *keys = side ? id->rhs_at : id->lhs_at;
        size_t nk = side ? id->nrhs : id->nlhs;
        for (size_t k = 0; k < nk; k++) {
            size_t row = id->along_rows ? at : keys[k];
            size_t col = id->along_rows ? keys[k] : at;
            if (!ogi_report_row_in_shape(r, id->table, row))
                continue;
            size_t i = row * sk->ncols + col;
            const ogi_cell_t *c = &tb->cells[i];
            int sign = side ? -1 : 1;
            if (c->state == OGI_CELL_NUM && c->scale == 0) {
                sum += sign * c->value;
            } else if (c->state == OGI_CELL_EMPTY ||
                       c->state == OGI_CELL_NA) {
                continue;
            } else if (c->state == OGI_CELL_MISSING &&
                       (c->flags & OGI__CELLF_CUT) && nunk < MAX_UNKNOWN &&
                       (nunk == 0 || sign == usign)) {
                unk[nunk++] = i;
                usign = sign;
            } else {
                return; /* missing, no integer, or cut cells both sides */
            }
        }
    }
    if (nunk == 0)
        return;
    /* the cut cells add up to rest */
    int64_t rest = -sum * usign;
    if (nunk == 1) {
        if (fits(&tb->cells[unk[0]], rest))
            found(rd, unk[0], rest, id->rule);
        return;
    }
    int64_t low = 0;
    for (size_t k = 0; k < nunk; k++)
        low += least(&tb->cells[unk[k]]);
    if (low != rest)
        return;
    for (size_t k = 0; k < nunk; k++)
        found(rd, unk[k], least(&tb->cells[unk[k]]), id->rule);
}

/* The applications of Table 3's column col (一 + 二, the validator's
 * C6 bound), or -1 when either is not a count yet. */
static int64_t
column_cap(const ogi_report_t *r, size_t col)
{
    long nr = ogi_skeleton_row_index(OGI_T3, "new_received");
    long co = ogi_skeleton_row_index(OGI_T3, "carried_over");
    if (nr < 0 || co < 0)
        return -1;
    const ogi_cell_t *a = ogi_report_cell(r, OGI_T3, (size_t)nr, col);
    const ogi_cell_t *b = ogi_report_cell(r, OGI_T3, (size_t)co, col);
    if (!a || !b || a->state != OGI_CELL_NUM || b->state != OGI_CELL_NUM ||
        a->scale || b->scale)
        return -1;
    return a->value + b->value;
}

/*
 * Whether value x for Table 3's cell (row, col) breaks C6 (no cell of a
 * result row exceeds its column's applications): an identity gives it
 * from the other cells, so one of them is the report's own error (a
 * total typed wrong), and the cut cell is no more that value than the
 * column's bound says: left missing, P6 naming both.
 */
static int
breaks_cap(const ogi_report_t *r, size_t row, size_t col, int64_t x,
           int64_t *cap)
{
    static const char *const own[] = {"new_received", "carried_over",
                                      "result_total", "carry_forward"};
    for (size_t k = 0; k < OGI_ARRAY_LEN(own); k++)
        if (ogi_skeleton_row_index(OGI_T3, own[k]) == (long)row)
            return 0;
    *cap = column_cap(r, col);
    return *cap >= 0 && x > *cap;
}

/* Solves the cut cells of table tid, round after round; *none: 1 when
 * the table has no cut cell (nothing to clear after). */
static int
solve_table(ogi_report_t *r, ogi_table_id_t tid, const ogi_text_t *t,
            int *none)
{
    ogi_table_t *tb = &r->tables[tid];
    const ogi_skel_table_t *sk = ogi_skeleton_table(tid);
    size_t ncells = sk->nrows * sk->ncols, cuts = 0;
    for (size_t i = 0; i < ncells; i++)
        cuts += (tb->cells[i].flags & OGI__CELLF_CUT) != 0;
    *none = cuts == 0;
    if (cuts == 0)
        return 0;
    round_t rd;
    rd.seen = ogi_arena_alloc(r->arena, ncells);
    rd.val = ogi_arena_alloc(r->arena, ncells * sizeof(*rd.val));
    rd.rule = ogi_arena_alloc(r->arena, ncells * sizeof(*rd.rule));
    if (!rd.seen || !rd.val || !rd.rule)
        return OGI_ENOMEM;
    /* a dash is a placeholder's: no count of these tables is negative */
    for (size_t i = 0; i < ncells; i++) {
        ogi_cell_t *c = &tb->cells[i];
        if ((c->flags & OGI__CELLF_CUT) && c->value == DASH) {
            c->flags &= (uint8_t)~OGI__CELLF_CUT;
            c->value = 0;
            c->state = OGI_CELL_NA;
        }
    }
    uint8_t zstate = zero_state(tb, ncells, t);
    size_t nid;
    const ogi_skel_identity_t *ids = ogi_skeleton_identities(&nid);
    for (int placed = 1; placed;) {
        placed = 0;
        memset(rd.seen, 0, ncells);
        for (size_t k = 0; k < nid; k++) {
            if (ids[k].table != tid)
                continue;
            size_t n = ids[k].along_rows ? sk->nrows : sk->ncols;
            for (size_t at = 0; at < n; at++)
                if (!ids[k].along_rows ||
                    ogi_report_row_in_shape(r, tid, at))
                    solve_instance(r, &ids[k], at, &rd);
        }
        for (size_t i = 0; i < ncells; i++) {
            if (rd.seen[i] != 1)
                continue;
            ogi_cell_t *c = &tb->cells[i];
            int64_t x = rd.val[i];
            char path[160];
            ogi_report_path(tid, i / sk->ncols, (long)(i % sk->ncols), path,
                            sizeof(path));
            int64_t cap;
            if (tid == OGI_T3 &&
                breaks_cap(r, i / sk->ncols, i % sk->ncols, x, &cap)) {
                char rpath[160];
                ogi_report_path(tid, i / sk->ncols, -1, rpath, sizeof(rpath));
                c->flags &= (uint8_t)~OGI__CELLF_CUT;
                c->value = 0;
                c->scale = 0;
                int rc = ogi_report_add_finding(
                    r, "P6", OGI_SEV_WARNING, rpath,
                    "the layout cut %s short; %s gives %lld, more than "
                    "the %lld applications of its column (C6): one of "
                    "the report's own cells is wrong, which the text "
                    "cannot tell; left missing",
                    path, rd.rule[i], (long long)x, (long long)cap);
                if (rc)
                    return rc;
                continue;
            }
            int rc = ogi_report_add_finding(
                r, "P5", OGI_SEV_INFO, path,
                "the layout cut this cell's digits short; %s gives %lld, "
                "placed",
                rd.rule[i], (long long)x);
            if (rc)
                return rc;
            int no_digit = c->value < 0;
            c->flags &= (uint8_t)~OGI__CELLF_CUT;
            c->scale = 0;
            c->value = x;
            c->state = x == 0 && no_digit ? zstate : OGI_CELL_NUM;
            placed = 1;
            /* a 0 with no digit left: a blank, a 0 and a placeholder
             * cut before their first byte print the same ("&nbsp;" and
             * "&nbsp;0" in html2text's columns), and the arithmetic
             * holds for each: the text cannot tell them apart */
            if (x == 0 && no_digit) {
                char rpath[160];
                ogi_report_path(tid, i / sk->ncols, -1, rpath, sizeof(rpath));
                rc = ogi_report_add_finding(
                    r, "P6", OGI_SEV_WARNING, rpath,
                    "the layout cut %s before any digit: a blank, 0 and a "
                    "placeholder print the same bytes and fit the "
                    "arithmetic alike; read as %s",
                    path, zstate == OGI_CELL_EMPTY ? "blank"
                          : zstate == OGI_CELL_NA  ? "a placeholder"
                                                   : "0");
                if (rc)
                    return rc;
            }
        }
    }
    return 0;
}

/*
 * The cells of pattern "~": html2text left the first bytes of a
 * character that starts a placeholder (无, 不适用, —) and a character of
 * the label's overflow alike, so the cell held the placeholder or a blank
 * the overflow showed through. Both are 0 to the arithmetic: read as the
 * placeholder, with a P6 warning naming the blank.
 */
static int
place_either(ogi_report_t *r)
{
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        ogi_table_t *tb = &r->tables[id];
        if (!tb->present)
            continue;
        size_t nc = tb->skel->ncols, n = tb->skel->nrows * nc;
        for (size_t i = 0; i < n; i++) {
            ogi_cell_t *c = &tb->cells[i];
            if (!(c->flags & OGI__CELLF_CUT) || c->value != EITHER)
                continue;
            c->flags &= (uint8_t)~OGI__CELLF_CUT;
            c->value = 0;
            c->state = OGI_CELL_NA;
            char path[160], rpath[160];
            ogi_report_path((ogi_table_id_t)id, i / nc, (long)(i % nc), path,
                            sizeof(path));
            ogi_report_path((ogi_table_id_t)id, i / nc, -1, rpath,
                            sizeof(rpath));
            int rc = ogi_report_add_finding(
                r, "P6", OGI_SEV_WARNING, rpath,
                "the layout cut %s to the first bytes of a character that "
                "may be a placeholder's or the overflow of the row's label "
                "over a blank cell: read as a placeholder, may be blank",
                path);
            if (rc)
                return rc;
        }
    }
    return 0;
}

int
ogi__place_lost(ogi_report_t *r, const ogi_text_t *t)
{
    static const ogi_table_id_t solved[] = {OGI_T3, OGI_T4};
    int rc0 = place_either(r);
    if (rc0)
        return rc0;
    /* the tables solve_table found without a mark: not walked again */
    int clear[OGI_TABLE_COUNT];
    for (int id = 0; id < OGI_TABLE_COUNT; id++)
        clear[id] = 1;
    for (size_t k = 0; k < OGI_ARRAY_LEN(solved); k++) {
        if (!r->tables[solved[k]].present)
            continue;
        int none, rc = solve_table(r, solved[k], t, &none);
        if (rc)
            return rc;
        clear[solved[k]] = !none;
    }
    /* what no identity decided stays missing, its mark gone */
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        ogi_table_t *tb = &r->tables[id];
        if (!tb->present || !clear[id])
            continue;
        size_t n = tb->skel->nrows * tb->skel->ncols;
        for (size_t i = 0; i < n; i++) {
            ogi_cell_t *c = &tb->cells[i];
            if (c->flags & OGI__CELLF_CUT) {
                /* the digits it may have held are several readings the
                 * text cannot tell apart */
                char path[160], rpath[160];
                size_t nc = tb->skel->ncols;
                ogi_report_path((ogi_table_id_t)id, i / nc, (long)(i % nc),
                                path, sizeof(path));
                ogi_report_path((ogi_table_id_t)id, i / nc, -1, rpath,
                                sizeof(rpath));
                int rc = ogi_report_add_finding(
                    r, "P6", OGI_SEV_WARNING, rpath,
                    "the layout cut %s short and no identity decides what "
                    "it held: left missing",
                    path);
                if (rc)
                    return rc;
                c->flags &= (uint8_t)~OGI__CELLF_CUT;
                c->value = 0;
                c->scale = 0;
            }
        }
    }
    return 0;
}
