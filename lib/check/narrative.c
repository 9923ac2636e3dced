/*
 * narrative.c - the narrative checks: C8 (a stated total against its
 * parts) and N1-N6 (a figure in the text against the table cell it names),
 * README rules C8 and N1-N6. Findings are warnings only.
 *
 * Each section but 五 (which talks about other years by design) goes
 * through three steps, all linear in its length:
 *
 *   1. normalise: full-width ASCII to ASCII (but the comma ，), dashes to
 *      '-', page-number lines ("-1-") dropped, and whitespace removed
 *      wherever it touches a non-ASCII character, so that pdftotext's
 *      "答\n复 3050 件" reads "答复3050件"; a number wrapped over two
 *      lines is joined. A line break survives, as '\n', only where it
 *      ends a sentence: after a line-final '.', or before a list marker
 *      ("1.", "2、", "(三)", "四、").
 *   2. lex, one sentence (up to 。) at a time and only when it holds a
 *      digit (most do not): keywords of the checks, marker words (申请,
 *      其中, 本级, 增加, 解读 ...), numbers with their unit (件/条/项/个,
 *      元/万元/亿元, or another: 年, %, 次, 个工作日 ...), years (2020年),
 *      and the punctuation that bounds clauses (， 、) and sentences (。 ；
 *      ! ? and the kept line breaks).
 *   3. check the tokens.
 *
 * Steps 1 and 2 are in narrative_lex.c, the values read from the tables
 * in narrative_table.c; this file checks.
 *
 * N1-N6, in sentences bounded by 。 ； ! ? and kept line breaks. A
 * keyword's candidate is the first number after it in its clause whose
 * unit fits (件/条/项/个 for counts, 元/万元/亿元 for amounts; numbers
 * without a unit are never read); years and numbers with other units are
 * skipped. N3 also takes a number right before it ("103 件顺延到下年度").
 * The search stops at a keyword of another check, at a word that makes the
 * number something else (增加, 同比, 率, 上年, 其中; 解读, 清理 for
 * 规范性文件; 事项 for 行政许可/处罚/强制), or after too many characters.
 * The words before the keyword, back to the clause's start or its last
 * figure, may disqualify it (another year or a change; another keyword of
 * the same family: "行政复议、行政诉讼 3 件" is a joint figure) or qualify
 * it as a part of the whole (本级, 部门, 街道, 政府办, 代表, or 其中
 * earlier in the sentence). A sentence passes a check when any candidate
 * equals a value the table allows, and warns once when none does and one
 * is unqualified: parts and approximations (约, 近, 余, 多, 3.8万件) can
 * pass but never warn. A sentence whose first year (outside 《》) is not
 * meta.year is skipped. A table cell that is not a number is never
 * compared.
 *
 * C8, in sentences bounded by 。 only. Each 其中 takes as total the last
 * quantity before it, and as parts the quantities after it with the same
 * unit and parenthesis depth, up to the next 其中. With two parts or
 * more, it passes when a running sum of the parts (two or more) equals the
 * total: a list is often followed by another figure in the same sentence
 * ("…尚未审结 37 件；政府信息公开行政诉讼 46 件"). It warns when the
 * parts exceed the total, or fall short of it within one clause run
 * (without a ；): parts that fall short across a ； may be a partial list
 * followed by something else.
 *
 * Paths. N1 apply.new_received.total (new + carried over also passes); N2
 * apply.result_total.total; N3 apply.carry_forward.total; N4
 * appeal.review.total; N5 appeal.suit_direct.total (the value compared is
 * direct + after review); N6 the Table 2 cell: 规范性文件 its row's first
 * column holding a number (any column passes), 行政许可/处罚/强制
 * decisions (in the 2019 format prev_items and prev_items + delta_items
 * pass too), 行政事业性收费 prev_items in 2019 (prev_items, delta_items
 * and their sum pass) and amount_wan in 2021 (an amount; counts of fee
 * items are not compared), 采购项目 projects, 采购金额 amount (in the
 * table's unit; either reading when it is not stated). C8 sections.<key>.
 * A group reports a given figure once per report.
 */
#include "ogi_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "narrative_int.h"
#include "ogi/error.h"
#include "ogi/skeleton.h"
#include "ogi/text.h"

/* Characters of a sentence quoted in a message, and of the figure. */
#define QUOTE_CHARS  60
#define QUOTE_BEFORE 20
#define SAYS_CHARS   30

/* Parts of one C8 list read at most. */
#define C8_MAX_PARTS 32

/* Families: keywords of one family written together ("行政复议、行政诉讼
 * 3 件") give a joint figure, which no single check can use. */
enum { FAM_APPLY = 1, FAM_APPEAL, FAM_ACTIVE };

/* Group flags. */
#define GF_APPLY  0x01u /* needs 申请 in its clause (收到 … 申请 … N 件) */
#define GF_LIST   0x02u /* its clause runs across 、 */
#define GF_BEFORE 0x04u /* "103 件顺延到下年度": the number may come first */
#define GF_DOCOP  0x08u /* stopped by 解读, 清理, 审查 ... */
#define GF_ITEMS  0x10u /* stopped by 事项: decisions are not items */

typedef struct {
    const char *rule; /* rule ID */
    uint8_t family;   /* FAM_* */
    uint8_t gap;      /* characters allowed between keyword and number */
    uint8_t flags;    /* GF_* */
} group_t;

static const group_t groups[OGI__G_COUNT] = {
    [OGI__G_RECEIVED] = {"N1", FAM_APPLY, 30, GF_APPLY | GF_LIST},
    [OGI__G_ANSWERED] = {"N2", FAM_APPLY, 20, GF_LIST},
    [OGI__G_FORWARD] = {"N3", FAM_APPLY, 20, GF_LIST | GF_BEFORE},
    [OGI__G_REVIEW] = {"N4", FAM_APPEAL, 12, 0},
    [OGI__G_SUIT] = {"N5", FAM_APPEAL, 12, 0},
    [OGI__G_NORMATIVE] = {"N6", FAM_ACTIVE, 12, GF_DOCOP},
    [OGI__G_LICENSE] = {"N6", FAM_ACTIVE, 12, GF_ITEMS},
    [OGI__G_PENALTY] = {"N6", FAM_ACTIVE, 12, GF_ITEMS},
    [OGI__G_COERCION] = {"N6", FAM_ACTIVE, 12, GF_ITEMS},
    [OGI__G_FEES] = {"N6", FAM_ACTIVE, 12, 0},
    [OGI__G_PROJECTS] = {"N6", FAM_ACTIVE, 12, 0},
    [OGI__G_AMOUNT] = {"N6", FAM_ACTIVE, 12, 0},
    [OGI__G_SERVICES] = {NULL, FAM_ACTIVE, 0, 0},
};

/* One call's state. */
typedef struct {
    ogi_report_t *r;
    ogi__narrative_gval_t g[OGI__G_COUNT];
    ogi__narrative_lexer_t lx; /* the current section and sentence */
    int sec;                   /* current section */
    char *buf;                 /* the current section normalised: one heap
                                  buffer for all, so that the report's
                                  arena does not hold a second copy */
} ctx_t;

/* ---- messages ---------------------------------------------------------- */

/* The full-width form of ASCII punctuation b, or NULL. */
static const char *
widen(char b)
{
    switch (b) {
        case ';':
            return "；";
        case ':':
            return "：";
        case '(':
            return "（";
        case ')':
            return "）";
        case '!':
            return "！";
        case '?':
            return "？";
        default:
            return NULL;
    }
}

/*
 * Copies s[a..b) into out for a message: at most max characters starting
 * near anchor (QUOTE_BEFORE characters before it), "…" where cut, line
 * breaks dropped, and ASCII punctuation next to Chinese written
 * full-width again.
 */
static void
excerpt(const char *s, size_t a, size_t b, size_t anchor, size_t max, char *out,
        size_t size)
{
    size_t chars = ogi_text_count_chars(s + a, s + b);
    size_t from = a, to = b;
    if (chars > max) {
        size_t back = 0;
        from = anchor;
        while (from > a && back < QUOTE_BEFORE) {
            from--;
            if (((unsigned char)s[from] & 0xC0) != 0x80)
                back++;
        }
        size_t k = 0;
        to = from;
        while (to < b && k < max) {
            to++;
            while (to < b && ((unsigned char)s[to] & 0xC0) == 0x80)
                to++;
            k++;
        }
    }
    size_t o = 0;
    if (size == 0)
        return;
#define PUT(p, l)                                                              \
    do {                                                                       \
        if (o + (l) < size) {                                                  \
            memcpy(out + o, (p), (l));                                         \
            o += (l);                                                          \
        }                                                                      \
    } while (0)
    if (from > a)
        PUT("…", 3);
    for (size_t i = from; i < to; i++) {
        const char *w;
        if (s[i] == '\n')
            continue;
        if ((w = widen(s[i])) != NULL &&
            ((i > from && (unsigned char)s[i - 1] >= 0x80) ||
             (i + 1 < to && (unsigned char)s[i + 1] >= 0x80)))
            PUT(w, 3);
        else
            PUT(s + i, 1);
    }
    if (to < b)
        PUT("…", 3);
#undef PUT
    out[o] = '\0';
}

/* ---- the checks -------------------------------------------------------- */

static int
unit_fits(const ogi__narrative_gval_t *g, const ogi__narrative_tok_t *t)
{
    if (g->amount)
        return t->arg == OGI__U_YUAN || t->arg == OGI__U_WAN ||
               t->arg == OGI__U_YI;
    return t->arg == OGI__U_COUNT;
}

/* Whether number t equals a value the group accepts. */
static int
matches(const ogi__narrative_gval_t *g, const ogi__narrative_tok_t *t)
{
    if (!g->amount) {
        for (size_t k = 0; k < g->nvals; k++)
            if (g->vals[k] == t->value)
                return 1;
        return 0;
    }
    double f = t->arg == OGI__U_WAN ? 1e4 : t->arg == OGI__U_YI ? 1e8 : 1.0;
    double v = (double)t->value / OGI__NUM_SCALE * f;
    double tol = 0.5 * f;
    for (unsigned d = 0; d < t->decimals; d++)
        tol /= 10.0;
    tol += 1e-6 * f;
    for (size_t k = 0; k < g->nyuan; k++) {
        double diff = v - g->yuan[k];
        if (diff <= tol && diff >= -tol)
            return 1;
    }
    return 0;
}

/* Whether token t bounds a clause for group g. */
static int
clause_break(const ogi__narrative_tok_t *t, unsigned gflags)
{
    return t->kind == OGI__TK_CLAUSE ||
           (t->kind == OGI__TK_LIST && !(gflags & GF_LIST));
}

typedef struct {
    int matched;  /* a candidate equals the table */
    long kw, num; /* first unqualified candidate that does not, or -1 */
} gstate_t;

/* Sentence bounds in the text of tokens [a, b). */
static void
sentence_span(const ctx_t *x, size_t a, size_t b, size_t *from, size_t *to)
{
    *from = a > 0 ? x->lx.toks[a - 1].end : x->lx.from;
    *to = b < x->lx.ntoks ? x->lx.toks[b].off : x->lx.to;
}

static int
report_n(ctx_t *x, int gi, size_t a, size_t b, long kw, long num)
{
    ogi__narrative_gval_t *g = &x->g[gi];
    const ogi__narrative_tok_t *k = &x->lx.toks[kw], *nt = &x->lx.toks[num];
    for (size_t i = 0; i < g->nwarned; i++)
        if (g->warned[i] == nt->value)
            return 0;
    if (g->nwarned < OGI_ARRAY_LEN(g->warned))
        g->warned[g->nwarned++] = nt->value;
    size_t from, to;
    sentence_span(x, a, b, &from, &to);
    char says[SAYS_CHARS * 4 + 16], quote[QUOTE_CHARS * 4 + 16];
    char table[160], path[96];
    size_t sa = nt->off < k->off ? nt->off : k->off;
    size_t sb = nt->end > k->end ? nt->end : k->end;
    excerpt(x->lx.s, sa, sb, sa, SAYS_CHARS, says, sizeof(says));
    excerpt(x->lx.s, from, to, k->off, QUOTE_CHARS, quote, sizeof(quote));
    ogi_report_path(g->tid, g->row, g->col, path, sizeof(path));
    return ogi_report_add_finding(
        x->r, groups[gi].rule, OGI_SEV_WARNING, path,
        "narrative says %s, table has %s: \"%s\"", says,
        ogi__narrative_describe(g, table, sizeof(table)), quote);
}

/* N1-N6 on the tokens [a, b) of one sentence. */
static int
check_n(ctx_t *x, size_t a, size_t b)
{
    const ogi__narrative_tok_t *T = x->lx.toks;
    long qizhong = -1;
    int year = 0;
    for (size_t i = a; i < b; i++) {
        if (!year && T[i].kind == OGI__TK_YEAR && !(T[i].flags & OGI__NF_BOOK))
            year = (int)T[i].value;
        if (qizhong < 0 && T[i].kind == OGI__TK_WORD &&
            T[i].arg == OGI__W_QIZHONG)
            qizhong = (long)i;
    }
    if (year && x->r->meta.year && year != x->r->meta.year)
        return 0;

    gstate_t st[OGI__G_COUNT];
    int any = 0;
    for (int i = 0; i < OGI__G_COUNT; i++) {
        st[i].matched = 0;
        st[i].kw = st[i].num = -1;
    }
    for (size_t k = a; k < b; k++) {
        if (T[k].kind != OGI__TK_KW)
            continue;
        int gi = T[k].arg;
        const group_t *gr = &groups[gi];
        ogi__narrative_gval_t *g = &x->g[gi];
        if (!gr->rule || !g->on)
            continue;
        any = 1;
        /* what the figure is about: the clause before the keyword, from
         * the last figure in it on; across 、, which lists keywords that
         * share one figure ("行政许可、行政处罚等信息 8000 条") */
        size_t cs = k;
        while (cs > a && T[cs - 1].kind != OGI__TK_CLAUSE) {
            if (T[cs - 1].kind == OGI__TK_NUM && OGI__U_QUANTITY(T[cs - 1].arg))
                break;
            cs--;
        }
        int partial = qizhong >= 0 && (size_t)qizhong < k;
        int skip = 0, applied = 0;
        for (size_t j = cs; j < k; j++) {
            const ogi__narrative_tok_t *t = &T[j];
            if (t->kind == OGI__TK_WORD) {
                /* 我街道, 本部门: the agency itself, not a part of it */
                int self = t->off >= 3 &&
                           (memcmp(x->lx.s + t->off - 3, "我", 3) == 0 ||
                            memcmp(x->lx.s + t->off - 3, "本", 3) == 0);
                partial |= (t->arg & OGI__W_SCOPE) != 0 && !self;
                skip |= (t->arg & (OGI__W_CHANGE | OGI__W_OTHERYEAR)) != 0;
                skip |= (gr->flags & GF_DOCOP) && (t->arg & OGI__W_DOCOP);
                applied |= (t->arg & OGI__W_APPLY) != 0;
            } else if (t->kind == OGI__TK_KW && t->arg != gi &&
                       groups[t->arg].family == gr->family) {
                skip = 1; /* "行政复议、行政诉讼 3 件": a joint figure */
            }
        }
        if (skip)
            continue;
        /* the first number after it that fits, in the same clause */
        long cand = -1;
        for (size_t j = k + 1; j < b && !clause_break(&T[j], gr->flags); j++) {
            const ogi__narrative_tok_t *t = &T[j];
            if (t->kind == OGI__TK_KW) {
                if (t->arg != gi)
                    break;
            } else if (t->kind == OGI__TK_WORD) {
                if (t->arg & (OGI__W_CHANGE | OGI__W_RATE | OGI__W_OTHERYEAR |
                              OGI__W_QIZHONG))
                    break;
                if ((gr->flags & GF_DOCOP) && (t->arg & OGI__W_DOCOP))
                    break;
                if ((gr->flags & GF_ITEMS) && (t->arg & OGI__W_ITEMS))
                    break;
                applied |= (t->arg & OGI__W_APPLY) != 0;
            } else if (t->kind == OGI__TK_NUM) {
                if ((t->flags & OGI__NF_BOOK) || !unit_fits(g, t))
                    continue;
                if (ogi_text_count_chars(x->lx.s + T[k].end, x->lx.s + t->off) >
                    gr->gap)
                    break;
                if ((gr->flags & GF_APPLY) && !applied)
                    break;
                cand = (long)j;
                break;
            }
        }
        if (cand < 0 && (gr->flags & GF_BEFORE) && k > a &&
            T[k - 1].kind == OGI__TK_NUM && T[k - 1].end == T[k].off &&
            !(T[k - 1].flags & OGI__NF_BOOK) && unit_fits(g, &T[k - 1]))
            cand = (long)k - 1;
        if (cand < 0 || (T[cand].flags & OGI__NF_APPROX))
            continue;
        if (matches(g, &T[cand]))
            st[gi].matched = 1;
        else if (!partial && st[gi].kw < 0) {
            st[gi].kw = (long)k;
            st[gi].num = cand;
        }
    }
    if (!any)
        return 0;
    for (int gi = 0; gi < OGI__G_COUNT; gi++) {
        if (st[gi].matched || st[gi].kw < 0)
            continue;
        int rc = report_n(x, gi, a, b, st[gi].kw, st[gi].num);
        if (rc)
            return rc;
    }
    return 0;
}

/* Whether numbers t and u have the same unit text. */
static int
same_unit(const ctx_t *x, const ogi__narrative_tok_t *t,
          const ogi__narrative_tok_t *u)
{
    size_t lt = t->end - t->uoff, lu = u->end - u->uoff;
    return t->arg == u->arg && lt == lu &&
           memcmp(x->lx.s + t->uoff, x->lx.s + u->uoff, lt) == 0;
}

/* C8 on the tokens [a, b) of one sentence (bounded by 。). */
static int
check_c8(ctx_t *x, size_t a, size_t b)
{
    const ogi__narrative_tok_t *T = x->lx.toks;
    for (size_t q = a; q < b; q++) {
        if (T[q].kind != OGI__TK_WORD || T[q].arg != OGI__W_QIZHONG)
            continue;
        unsigned d = T[q].depth;
        long tot = -1;
        for (size_t j = q; j-- > a;) {
            if (T[j].kind == OGI__TK_NUM && !(T[j].flags & OGI__NF_BOOK) &&
                OGI__U_QUANTITY(T[j].arg) && T[j].depth <= d) {
                tot = (long)j;
                break;
            }
        }
        if (tot < 0 || (T[tot].flags & OGI__NF_APPROX))
            continue;
        size_t parts[C8_MAX_PARTS], np = 0;
        int ok = 1, sent = 0, crossed = 0;
        for (size_t j = q + 1; j < b; j++) {
            const ogi__narrative_tok_t *t = &T[j];
            if (t->kind == OGI__TK_WORD && t->arg == OGI__W_QIZHONG &&
                t->depth <= d)
                break;
            sent |= t->kind == OGI__TK_SENT;
            if (t->kind != OGI__TK_NUM || (t->flags & OGI__NF_BOOK) ||
                t->depth != d || !same_unit(x, &T[tot], t))
                continue;
            if ((t->flags & OGI__NF_APPROX) || np == C8_MAX_PARTS) {
                ok = 0;
                break;
            }
            crossed |= sent;
            parts[np++] = j;
        }
        if (!ok || np < 2)
            continue;
        int64_t sum = 0;
        int pass = 0;
        for (size_t k = 0; k < np && !pass; k++) {
            if (sum > INT64_MAX - T[parts[k]].value) {
                pass = 1; /* absurd figures: nothing to say */
                break;
            }
            sum += T[parts[k]].value;
            if (k >= 1 && sum == T[tot].value)
                pass = 1;
        }
        /* short of the total across a ；: the list may name only some
         * parts before the sentence moves on ("其中政策文件46条、…通知公告
         * 527条；通过政务新媒体发布信息1204条") */
        if (pass || (crossed && sum < T[tot].value))
            continue;
        char list[128], buf[32], tb[64], quote[QUOTE_CHARS * 4 + 16];
        size_t l = 0;
        list[0] = '\0';
        for (size_t k = 0; k < np && l < sizeof(list); k++) {
            ogi__narrative_fmt_num(T[parts[k]].value, buf, sizeof(buf));
            if (l + strlen(buf) + 8 > sizeof(list)) {
                snprintf(list + l, sizeof(list) - l, " + …");
                break;
            }
            l += (size_t)snprintf(list + l, sizeof(list) - l, "%s%s",
                                  k ? " + " : "", buf);
        }
        size_t from, to;
        sentence_span(x, a, b, &from, &to);
        excerpt(x->lx.s, from, to, T[q].off, QUOTE_CHARS, quote, sizeof(quote));
        char path[64];
        snprintf(path, sizeof(path), "sections.%s",
                 ogi_skeleton_section((ogi_section_id_t)x->sec)->key);
        const ogi__narrative_tok_t *tt = &T[tot];
        ogi__narrative_fmt_num(tt->value, tb, sizeof(tb));
        int rc = ogi_report_add_finding(
            x->r, "C8", OGI_SEV_WARNING, path,
            "narrative total %s%.*s differs from the sum of its parts %s "
            "(%s): \"%s\"",
            tb, (int)(tt->end - tt->uoff), x->lx.s + tt->uoff,
            ogi__narrative_fmt_num(sum, buf, sizeof(buf)), list, quote);
        if (rc)
            return rc;
    }
    return 0;
}

/* Checks the sentence x->lx.s[x->lx.from..x->lx.to), which ends at a 。. */
static int
check_sentence(ctx_t *x)
{
    int rc = ogi__narrative_lex(&x->lx);
    if (rc)
        return rc;
    size_t a = 0, c = 0;
    for (size_t i = 0; i <= x->lx.ntoks; i++) {
        int kind = i < x->lx.ntoks ? x->lx.toks[i].kind : OGI__TK_STOP;
        if (kind != OGI__TK_SENT && kind != OGI__TK_STOP)
            continue;
        if ((rc = check_n(x, a, i)))
            return rc;
        a = i + 1;
        if (kind == OGI__TK_STOP) {
            if ((rc = check_c8(x, c, i)))
                return rc;
            c = i + 1;
        }
    }
    return 0;
}

/*
 * Normalises one section and checks it sentence by sentence. Only
 * sentences with a digit can say anything checkable, and most have none:
 * the others are not lexed at all.
 */
static int
check_section(ctx_t *x, int k)
{
    const char *text = x->r->sections[k].text;
    size_t n = strlen(text);
    char *s = x->buf;
    n = ogi__narrative_normalise(text, n, s);
    s[n] = '\0';
    x->lx.s = s;
    x->lx.len = n;
    x->sec = k;
    size_t a = 0;
    while (a < n) {
        const char *stop = ogi_text_find(s + a, n - a, "。");
        size_t b = stop ? (size_t)(stop - s) : n;
        if (ogi_text_has_digit(s + a, s + b)) {
            x->lx.from = a;
            x->lx.to = b;
            int rc = check_sentence(x);
            if (rc)
                return rc;
        }
        a = stop ? b + 3 : n;
    }
    return 0;
}

int
ogi__narrative_check(ogi_report_t *report)
{
    assert(report);
    ctx_t *x = ogi_arena_calloc(report->arena, 1, sizeof(*x));
    if (!x)
        return OGI_ENOMEM;
    x->r = report;
    ogi__narrative_lexer_init(&x->lx, report->arena);
    ogi__narrative_load_tables(report, x->g);
    size_t longest = 0;
    for (int k = 0; k < OGI_SEC_COUNT; k++)
        if (report->sections[k].present && report->sections[k].text) {
            size_t n = strlen(report->sections[k].text);
            longest = n > longest ? n : longest;
        }
    /* normalising never lengthens the text */
    x->buf = malloc(longest + 1);
    if (!x->buf)
        return OGI_ENOMEM;
    int rc = 0;
    for (int k = 0; k < OGI_SEC_COUNT && !rc; k++) {
        /* 五 reviews last year and plans the next: never compared */
        if (k == OGI_SEC_PROBLEMS || !report->sections[k].present ||
            !report->sections[k].text || !report->sections[k].text[0])
            continue;
        rc = check_section(x, k);
    }
    free(x->buf);
    x->buf = NULL;
    return rc;
}
