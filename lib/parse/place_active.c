/*
 * place_active.c - Table 2 (主动公开政府信息情况) onto the skeleton: its
 * items' rows, the unit of its amount column, and the format its column
 * headers vote for.
 */
#include "ogi_int.h"

#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#include "ogi/text.h"
#include "place_int.h"

/* ---- Table 2 ---- */

/* 1 when b[0..n) are bytes of the character ch in its order (a subsequence
 * of its UTF-8 bytes): what is left of ch where a bar cut it. */
static int
cut_fits(const unsigned char *b, size_t n, const char *ch)
{
    const unsigned char *c = (const unsigned char *)ch;
    size_t j = 0, m = strlen(ch);
    for (size_t i = 0; i < n; i++) {
        while (j < m && c[j] != b[i])
            j++;
        if (j++ >= m)
            return 0;
    }
    return n > 0;
}

/* 1 when p[0..e) starts with a whole UTF-8 character (ogi_utf8_decode). */
static int
whole_char(const unsigned char *p, const unsigned char *e)
{
    uint32_t cp;
    return ogi_utf8_decode((const char *)p, (const char *)e, &cp) != 0;
}

/* The bytes of a character cut by html2text's bar from raw p[0..e): the
 * broken bytes at p, on either side of bars ("\xe5|\x83"), copied into
 * out (at most 3); returns the offset after them, p when none. */
static const unsigned char *
cut_run(const unsigned char *p, const unsigned char *e, unsigned char *out,
        size_t *n)
{
    const unsigned char *q = p, *end = p;
    *n = 0;
    while (q < e && *n <= 3) {
        if (*q == '|') {
            q++;
            continue;
        }
        if (*q < 0x80 || whole_char(q, e))
            break;
        if (*n < 3)
            out[*n] = *q;
        (*n)++;
        end = ++q;
    }
    return end;
}

/* The unit in parentheses at raw p[0..e) (after "额(") when html2text's
 * bar cut a character of it: "(" + what 万 left + "元)" or "(万" + what 元
 * left + ")" is 万元 (only 元 follows 万 in a unit; the bytes fit no
 * other); "(" + what 元 left + ")" is 元. cut: the 额 before was cut, so
 * a whole unit after it is read here too. OGI_UNIT_NONE when no character
 * was cut or the bytes fit neither. */
static ogi_unit_t
cut_unit(const unsigned char *p, const unsigned char *e, int cut)
{
    static const char wan[] = "\xe4\xb8\x87", yuan[] = "\xe5\x85\x83";
    unsigned char b[3];
    size_t n;
    int got_wan = 0;
    for (int k = 0; k < 3 && p < e; k++) {
        while (p < e && *p == '|')
            p++;
        const unsigned char *q = cut_run(p, e, b, &n);
        if (q > p) {
            if (n > 3)
                return OGI_UNIT_NONE;
            cut = 1;
            if (!got_wan && cut_fits(b, n, wan))
                got_wan = 1;
            else if (cut_fits(b, n, yuan)) {
                p = q;
                goto yuan;
            } else
                return OGI_UNIT_NONE;
            p = q;
            continue;
        }
        if (e - p >= 3 && memcmp(p, wan, 3) == 0 && !got_wan) {
            got_wan = 1;
            p += 3;
            continue;
        }
        if (e - p >= 3 && memcmp(p, yuan, 3) == 0) {
            p += 3;
            goto yuan;
        }
        return OGI_UNIT_NONE;
    yuan:
        while (p < e && *p == '|')
            p++;
        if (!cut ||
            !(p < e &&
              (*p == ')' || (e - p >= 3 && memcmp(p, "\xef\xbc\x89", 3) == 0))))
            return OGI_UNIT_NONE;
        return got_wan ? OGI_UNIT_WAN_YUAN : OGI_UNIT_YUAN;
    }
    return OGI_UNIT_NONE;
}

/* The unit of an amount header ("…额(万元)") a bar cut a character of, read
 * from the raw bytes of g's rows (UTF-8 text only, where the bar leaves
 * broken bytes). */
static ogi_unit_t
header_cut_unit(const ogi__table_t *g)
{
    const ogi_text_t *t = g->text;
    if (!t || !t->nbroken || !g->nrows)
        return OGI_UNIT_NONE;
    size_t l0 = g->rows[0].line, l1 = g->rows[g->nrows - 1].line + 1;
    if (l1 > t->nlines)
        l1 = t->nlines;
    if (l0 >= l1)
        return OGI_UNIT_NONE;
    const unsigned char *raw = (const unsigned char *)t->raw;
    const unsigned char *p = raw + ogi_text_raw_offset(t, t->lines[l0].start);
    const unsigned char *e =
        l1 < t->nlines ? raw + ogi_text_raw_offset(t, t->lines[l1].start)
                       : raw + t->raw_len;
    static const char e_amt[] = "\xe9\xa2\x9d"; /* 额 */
    const unsigned char *s0 = p;
    int amt_line = 0; /* a line with 额 came before */
    for (; p + 4 <= e; p++) {
        if (memcmp(p, e_amt, 3) == 0)
            amt_line = 1;
        const unsigned char *q = p;
        if (*q == '(')
            q++;
        else if (e - q >= 3 && memcmp(q, "\xef\xbc\x88", 3) == 0)
            q += 3;
        else
            continue;
        /* 额 before it, whole, or cut by the bar after 金 ("金\xe9\xa2|(") */
        const unsigned char *a = p;
        while (a > s0 && a[-1] == '|')
            a--;
        int amt_cut = 0;
        if (a - s0 >= 3 && memcmp(a - 3, e_amt, 3) == 0)
            amt_cut = 0;
        else {
            size_t k = 0;
            while (k < 2 && a - k > s0 && a[-1 - (long)k] >= 0x80 &&
                   a[-1 - (long)k] != 0x91)
                k++;
            if (k && a - k - s0 >= 3 &&
                memcmp(a - k - 3, "\xe9\x87\x91", 3) == 0 && /* 金 */
                cut_fits(a - k, k, e_amt))
                amt_cut = 1;
            /* or a cell of its own under the header ("|（万\xe5|\x83）"
             * under "采购总金额"): a cut unit only */
            else if (!(p > s0 && p[-1] == '|' && amt_line))
                continue;
        }
        const unsigned char *le = q;
        while (le < e && *le != '\n')
            le++;
        ogi_unit_t u = cut_unit(q, le, amt_cut);
        if (u)
            return u;
    }
    return OGI_UNIT_NONE;
}

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
    /* a unit a bar cut a character of: the header reads on from its cells:
     * "金额(|\xb8\x87元)" */
    ogi_unit_t cu = header_cut_unit(g);
    if (cu)
        return cu;
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
    /* the unit on the header's next line, a cell of its own ("采购总金额"
     * over "（万元）": pandoc's multiline tables), or after the next
     * column's line ("项目数量 （万元）": w3m; "项目数（万元）": html2text
     * without bars, 量 under the unit): the one amount column's, no
     * count has a unit of 元 */
    for (size_t r = 0; r < g->nrows; r++) {
        const ogi__row_t *row = &g->rows[r];
        for (size_t i = row->first; !row->prosey && i < row->first + row->count;
             i++) {
            const ogi__cell_t *t = &g->cells[i];
            if (t->kind != OGI__CELL_LABEL || t->n < 2 || t->n > 3 * 12 ||
                t->s[t->n - 1] != ')')
                continue;
            /* the last parenthesis: the unit closing the cell */
            const char *u = t->s + t->n - 1;
            while (u > t->s && *u != '(')
                u--;
            if (*u != '(')
                continue;
            if ((size_t)(t->s + t->n - u) > 3 * 8)
                continue;
            if (ogi_text_find_in(u, t->s + t->n, "万元"))
                return OGI_UNIT_WAN_YUAN;
            if (ogi_text_find_in(u, t->s + t->n, "元"))
                return OGI_UNIT_YUAN;
        }
    }
    return OGI_UNIT_NONE;
}

/* The labels a format's headers are told by, four characters or more:
 * its tables' column labels (and variants), which a header starts with,
 * and its rows' labels, which a header is; with the bytes of their first
 * two characters, which a header of four or more holding them shares.
 * Found once. */
#define FORMAT_KEYS_MAX 512

typedef struct {
    uint64_t head[FORMAT_KEYS_MAX];
    const ogi__label_t *l[FORMAT_KEYS_MAX];
    unsigned char whole[FORMAT_KEYS_MAX]; /* 1: the header is the label */
    size_t n;
} format_keys_t;

static format_keys_t fkeys[3];
static pthread_once_t fkeys_once = PTHREAD_ONCE_INIT;

static void
fkey_add(format_keys_t *fk, const ogi__label_t *l, int whole)
{
    if (!l || l->chars < 4)
        return;
    assert(fk->n < FORMAT_KEYS_MAX);
    fk->head[fk->n] = l->head;
    fk->l[fk->n] = l;
    fk->whole[fk->n] = (unsigned char)whole;
    fk->n++;
}

static void
init_format_keys(void)
{
    for (int f = OGI_FORMAT_2019; f <= OGI_FORMAT_2021; f++) {
        size_t n;
        const ogi_table_id_t *ids = ogi_skeleton_active((ogi_format_t)f, &n);
        for (size_t k = 0; k < n; k++) {
            const ogi_skel_table_t *sk = ogi_skeleton_table(ids[k]);
            for (size_t col = 0; col < sk->ncols; col++)
                for (size_t v = 0; ogi__label_col(ids[k], col, v); v++)
                    fkey_add(&fkeys[f], ogi__label_col(ids[k], col, v), 0);
            for (size_t r = 0; r < sk->nrows; r++)
                fkey_add(&fkeys[f], ogi__label_row(ids[k], r, 0), 1);
        }
    }
}

static const format_keys_t *
format_keys(void)
{
    pthread_once(&fkeys_once, init_format_keys);
    return fkeys;
}

/* The format's key that header in (four characters or more) starts with
 * (a column label) or is (a row label), plus one; 0 for none. */
static size_t
format_hit(const format_keys_t *fk, const ogi__label_t *in)
{
    for (size_t k = 0; k < fk->n; k++) {
        if (fk->head[k] != in->head)
            continue;
        const ogi__label_t *l = fk->l[k];
        if (fk->whole[k] ? in->len == l->len &&
                               memcmp(in->core, l->core, l->len) == 0
                         : ogi__label_starts(in, l))
            return k + 1;
    }
    return 0;
}

/* Keys that voted already, per format: a key counts once. */
typedef struct {
    size_t key[3][16];
    size_t n[3];
} voted_t;

/* 1 when key (format_hit's) of format f has not voted yet, noting it. */
static int
first_vote(voted_t *v, int f, size_t key)
{
    for (size_t i = 0; i < v->n[f]; i++)
        if (v->key[f][i] == key)
            return 0;
    if (v->n[f] < OGI_ARRAY_LEN(v->key[f]))
        v->key[f][v->n[f]++] = key;
    return 1;
}

ogi_format_t
ogi__place_detect_format(const ogi__table_t *g, int *margin)
{
    int votes[3] = {0, 0, 0};
    voted_t voted = {.n = {0, 0, 0}};
    for (size_t i = 0; i < g->ncells; i++) {
        const ogi__cell_t *t = &g->cells[i];
        if (t->kind != OGI__CELL_LABEL)
            continue;
        char joined[2 * 12];
        const char *s = t->s;
        size_t sn = t->n;
        /* a header split in two cells ("本年" over "制发件数": two
         * paragraphs of one cell, drawn as two by lynx) is read whole */
        /* but not one cut where the next column was written over it
         * ("本年" of 本年增/减, then 处理决定数量: html2text) */
        if (sn < 12 && i + 1 < g->ncells &&
            g->cells[i + 1].kind == OGI__CELL_LABEL &&
            !(g->text && t->s == g->text->s + t->off &&
              ogi_text_broken_at(g->text, t->off + t->n)) &&
            sn + g->cells[i + 1].n <= sizeof(joined)) {
            memcpy(joined, s, sn);
            memcpy(joined + sn, g->cells[i + 1].s, g->cells[i + 1].n);
            sn += g->cells[i + 1].n;
            s = joined;
        }
        if (sn < 12 || sn > OGI__PLAN_MAX_LABEL)
            continue; /* shorter than four ideographs, or a paragraph */
        ogi__label_t in;
        ogi__label_norm(s, sn, &in);
        if (in.chars < 4)
            continue;
        size_t hit[3] = {0, 0, 0};
        const format_keys_t *fk = format_keys();
        for (int f = OGI_FORMAT_2019; f <= OGI_FORMAT_2021; f++)
            hit[f] = format_hit(&fk[f], &in);
        /* each header counts once: a header both formats' blocks repeat
         * (本年处理决定数量 of 2021's (五) and (六)) is one sign, and so is
         * one a layout made up twice over the same columns of 2019's (五)
         * and (六) (html2text writes 处理决定数量 over the end of 本年增/减) */
        int f = OGI_FORMAT_2019, other = OGI_FORMAT_2021;
        if (!hit[f]) {
            f = OGI_FORMAT_2021;
            other = OGI_FORMAT_2019;
        }
        if (hit[f] && !hit[other] && first_vote(&voted, f, hit[f]))
            votes[f]++;
        /* three headers one way and none the other settle it */
        if ((votes[OGI_FORMAT_2019] >= 3 && !votes[OGI_FORMAT_2021]) ||
            (votes[OGI_FORMAT_2021] >= 3 && !votes[OGI_FORMAT_2019]))
            break;
    }
    if (margin)
        *margin = abs(votes[OGI_FORMAT_2019] - votes[OGI_FORMAT_2021]);
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

/* The amounts of table id whose 元 a bar cut right after their digits
 * ("|2452000\xe5|\x83"): in the amount column nothing but a unit follows
 * the number, and the bytes fit 元 alone. */
static void
amount_cut_units(ogi_report_t *r, const ogi__table_t *g, ogi_table_id_t id,
                 size_t col)
{
    const ogi_text_t *t = g->text;
    if (!t || !t->nbroken)
        return;
    const unsigned char *raw = (const unsigned char *)t->raw;
    const unsigned char *e = raw + t->raw_len;
    for (size_t row = 0; row < r->tables[id].skel->nrows; row++) {
        ogi_cell_t *c = ogi_report_cell(r, id, row, col);
        if (!c || c->state != OGI_CELL_NUM || c->unit || !c->len ||
            (size_t)c->off + c->len >= t->raw_len)
            continue;
        /* the cell's span may hold the bytes the bar left */
        const unsigned char *p = raw + c->off, *pe = p + c->len;
        while (p < pe && ((*p >= '0' && *p <= '9') || *p == '.' || *p == ','))
            p++;
        if (p == raw + c->off || p[-1] < '0' || p[-1] > '9')
            continue;
        /* up to the bar: what comes after it may be another cell's
         * overflow ("0\xe5\x85|\xad") */
        size_t n = 0;
        while (p + n < e && n < 3 && p[n] >= 0x80 &&
               !whole_char(p + n, e))
            n++;
        if (n && p[0] == 0xe5 && cut_fits(p, n, "\xe5\x85\x83") &&
            (p + n == e || p[n] == '|'))
            c->unit = OGI_UNIT_YUAN;
    }
}

int
ogi__place_active(ogi_report_t *r, const ogi__table_t *g)
{
    size_t n;
    const ogi_table_id_t *ids = ogi_skeleton_active(r->meta.format, &n);
    /* rows are initialised as they are added: the token lists (most of
     * the plan's size) are written before they are read */
    ogi__plan_t *p = ogi_arena_alloc(r->arena, sizeof(*p));
    if (!p)
        return OGI_ENOMEM;
    p->n = 0;
    int rc;
    for (size_t k = 0; k < n; k++) {
        if ((rc = ogi_report_table_init(r, ids[k])))
            return rc;
        ogi__plan_add_table(p, ids[k]);
    }
    ogi__plan_walk(p, g, 0);
    ogi__plan_infer_blanks(p, g);
    ogi__pending_t pend = {.n = 0};
    for (size_t i = 0; i < p->n; i++)
        if ((rc = ogi__plan_fill_row(r, g, &p->rows[i], &pend)))
            return rc;
    if ((rc = ogi__plan_split_pending(r, g, &pend)))
        return rc;
    /* units of the amount columns */
    for (size_t k = 0; k < n; k++) {
        const ogi_skel_table_t *sk = ogi_skeleton_table(ids[k]);
        for (size_t c = 0; c < sk->ncols; c++) {
            if (sk->cols[c].type == OGI_VT_AMOUNT) {
                r->tables[ids[k]].unit = header_unit(g, ids[k], c);
                amount_cut_units(r, g, ids[k], c);
            } else if (sk->cols[c].type == OGI_VT_AMOUNT_WAN) {
                ogi_unit_t u = header_unit(g, ids[k], c);
                r->tables[ids[k]].unit = u ? u : OGI_UNIT_WAN_YUAN;
            }
        }
    }
    return check_units(r, ids, n);
}

