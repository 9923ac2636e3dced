/*
 * narrative.c - the narrative checks: C8 (a stated total against its
 * parts) and N1-N6 (a figure in the text against the table cell it names),
 * report-format.md §5b and §5c. Findings are warnings only.
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

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "narrative_int.h"
#include "ogi/error.h"
#include "ogi/skeleton.h"
#include "ogi/text.h"

/* Numbers read from the text are kept as value * NUM_SCALE. */
#define NUM_SCALE    10000
#define NUM_DECIMALS 4
/* Integer digits beyond this make a number too large to compare. */
#define NUM_MAX_DIGITS 14

/* Characters of a sentence quoted in a message, and of the figure. */
#define QUOTE_CHARS  60
#define QUOTE_BEFORE 20
#define SAYS_CHARS   30

/* Parts of one C8 list read at most. */
#define C8_MAX_PARTS 32

/* Unit of a number. */
enum {
    U_NONE = 0, /* followed by punctuation, a space or the end */
    U_OTHER,    /* 年 月 日 % 次 期 人 个工作日 ...: not a count */
    U_COUNT,    /* 件 条 项 个 份 宗 起 篇 */
    U_YUAN,     /* 元 */
    U_WAN,      /* 万元 */
    U_YI,       /* 亿元 */
    /* read only while lexing a number */
    UL_YEAR,   /* 年 */
    UL_APPROX, /* 余, 多 */
    UL_MYRIAD, /* 万, 亿 before a count */
};

/* Whether unit u makes a number a quantity: a count or an amount. */
#define U_QUANTITY(u) ((u) >= U_COUNT && (u) <= U_YI)

/* What comes right before a number (TK_PRE arg). */
enum {
    P_ORDINAL = 1, /* 第, 〔, 【, [: not a quantity */
    P_APPROX,      /* 约, 近, 逾, 超过 */
};

/* Token kinds. */
enum {
    TK_KW = 1, /* keyword of a check: arg = group */
    TK_WORD,   /* marker word: arg = W_* */
    TK_NUM,    /* number: arg = U_* */
    TK_YEAR,   /* "2020年": value = the year */
    TK_CLAUSE, /* ',' */
    TK_LIST,   /* '、': bounds a clause for topic keywords only */
    TK_SENT,   /* ';' '!' '?' a kept line break: ends an N sentence */
    TK_STOP,   /* '。' or a line-final '.': ends every sentence */
    TK_PRE,    /* what may qualify a number that follows: arg = P_* */
    TK_UNIT,   /* lexicon only: a unit after a number, arg = U_* or UL_* */
};

/* Marker words (TK_WORD arg, bits). */
#define W_APPLY     0x01u /* 申请 */
#define W_QIZHONG   0x02u /* 其中 */
#define W_SCOPE     0x04u /* 本级, 部门, 街道...: the clause is about a part */
#define W_CHANGE    0x08u  /* 增加, 同比...: the number is a change */
#define W_OTHERYEAR 0x10u  /* 上年, 去年, 明年...: about another year */
#define W_RATE      0x20u  /* 率, 期限, 工作日: not a count */
#define W_DOCOP     0x40u  /* 解读, 清理, 审查...: work on documents */
#define W_BLOCK     0x80u  /* 不予受理, 答复书...: hides a keyword */
#define W_ITEMS     0x100u /* 事项: a catalogue of items, not decisions */

/* Number flags. */
#define NF_APPROX 0x01u /* 约/近/逾/超过 before, 余/多 or 万件 after */
#define NF_BOOK   0x02u /* inside 《》: part of a title */

typedef struct {
    uint8_t kind;     /* TK_* */
    uint16_t arg;     /* group, W_*, P_* or U_* */
    uint8_t flags;    /* TK_NUM, TK_YEAR: NF_* */
    uint8_t depth;    /* parenthesis depth */
    uint8_t decimals; /* TK_NUM: digits after the point (at most 4) */
    uint32_t off;     /* first byte in the normalised text */
    uint32_t end;     /* one past the last byte (a number: with its unit) */
    uint32_t uoff;    /* TK_NUM: first byte of the unit */
    int64_t value;    /* TK_NUM: number * NUM_SCALE; TK_YEAR: the year */
} tok_t;

/* The checks' keyword groups. */
enum {
    G_RECEIVED = 0, /* N1 */
    G_ANSWERED,     /* N2 */
    G_FORWARD,      /* N3 */
    G_REVIEW,       /* N4 */
    G_SUIT,         /* N5 */
    G_NORMATIVE,    /* N6 规范性文件 */
    G_LICENSE,      /* N6 行政许可 */
    G_PENALTY,      /* N6 行政处罚 */
    G_COERCION,     /* N6 行政强制 */
    G_FEES,         /* N6 行政事业性收费 */
    G_PROJECTS,     /* N6 采购项目 */
    G_AMOUNT,       /* N6 采购金额 */
    G_SERVICES, /* 其他对外管理服务事项: no check, only a boundary */
    G_COUNT
};

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

static const group_t groups[G_COUNT] = {
    [G_RECEIVED] = {"N1", FAM_APPLY, 30, GF_APPLY | GF_LIST},
    [G_ANSWERED] = {"N2", FAM_APPLY, 20, GF_LIST},
    [G_FORWARD] = {"N3", FAM_APPLY, 20, GF_LIST | GF_BEFORE},
    [G_REVIEW] = {"N4", FAM_APPEAL, 12, 0},
    [G_SUIT] = {"N5", FAM_APPEAL, 12, 0},
    [G_NORMATIVE] = {"N6", FAM_ACTIVE, 12, GF_DOCOP},
    [G_LICENSE] = {"N6", FAM_ACTIVE, 12, GF_ITEMS},
    [G_PENALTY] = {"N6", FAM_ACTIVE, 12, GF_ITEMS},
    [G_COERCION] = {"N6", FAM_ACTIVE, 12, GF_ITEMS},
    [G_FEES] = {"N6", FAM_ACTIVE, 12, 0},
    [G_PROJECTS] = {"N6", FAM_ACTIVE, 12, 0},
    [G_AMOUNT] = {"N6", FAM_ACTIVE, 12, 0},
    [G_SERVICES] = {NULL, FAM_ACTIVE, 0, 0},
};

/* The lexicon. At each character the longest entry wins, so 不予受理
 * hides 受理, 较上年 hides 上年 and 个工作日 hides 个. Every entry starts
 * with a 3-byte character. Units are looked up only right after a
 * number. */
typedef struct {
    const char *s;
    uint8_t kind; /* TK_KW, TK_WORD, TK_PRE or TK_UNIT */
    uint16_t arg; /* group, W_*, P_* or U_* */
} lex_t;

static const lex_t lexicon[] = {
    {"收到", TK_KW, G_RECEIVED},
    {"受理", TK_KW, G_RECEIVED},
    {"新收", TK_KW, G_RECEIVED},
    {"答复", TK_KW, G_ANSWERED},
    {"办结", TK_KW, G_ANSWERED},
    {"结转下年度", TK_KW, G_FORWARD},
    {"结转至下年度", TK_KW, G_FORWARD},
    {"结转到下年度", TK_KW, G_FORWARD},
    {"结转下一年度", TK_KW, G_FORWARD},
    {"结转至下一年度", TK_KW, G_FORWARD},
    {"结转到下一年度", TK_KW, G_FORWARD},
    {"顺延到下年度", TK_KW, G_FORWARD},
    {"顺延至下年度", TK_KW, G_FORWARD},
    {"顺延到下一年度", TK_KW, G_FORWARD},
    {"顺延至下一年度", TK_KW, G_FORWARD},
    {"转入下年度", TK_KW, G_FORWARD},
    {"转入下一年度", TK_KW, G_FORWARD},
    {"行政复议", TK_KW, G_REVIEW},
    {"行政诉讼", TK_KW, G_SUIT},
    {"规范性文件", TK_KW, G_NORMATIVE},
    {"行政许可", TK_KW, G_LICENSE},
    {"行政处罚", TK_KW, G_PENALTY},
    {"行政强制", TK_KW, G_COERCION},
    {"行政事业性收费", TK_KW, G_FEES},
    {"采购项目", TK_KW, G_PROJECTS},
    {"采购金额", TK_KW, G_AMOUNT},
    {"采购总金额", TK_KW, G_AMOUNT},
    {"采购总额", TK_KW, G_AMOUNT},
    {"采购资金", TK_KW, G_AMOUNT},
    {"其他对外管理服务", TK_KW, G_SERVICES},
    {"申请", TK_WORD, W_APPLY},
    {"其中", TK_WORD, W_QIZHONG},
    {"本级", TK_WORD, W_SCOPE},
    {"政府办", TK_WORD, W_SCOPE},
    {"办公室", TK_WORD, W_SCOPE},
    {"代表", TK_WORD, W_SCOPE},
    {"部门", TK_WORD, W_SCOPE},
    {"乡镇", TK_WORD, W_SCOPE},
    {"街道", TK_WORD, W_SCOPE},
    {"街镇", TK_WORD, W_SCOPE},
    {"镇街", TK_WORD, W_SCOPE},
    {"增加", TK_WORD, W_CHANGE},
    {"减少", TK_WORD, W_CHANGE},
    {"增长", TK_WORD, W_CHANGE},
    {"下降", TK_WORD, W_CHANGE},
    {"上升", TK_WORD, W_CHANGE},
    {"同比", TK_WORD, W_CHANGE},
    {"环比", TK_WORD, W_CHANGE},
    {"较上年", TK_WORD, W_CHANGE},
    {"较去年", TK_WORD, W_CHANGE},
    {"比上年", TK_WORD, W_CHANGE},
    {"比去年", TK_WORD, W_CHANGE},
    {"上年", TK_WORD, W_OTHERYEAR},
    {"上一年", TK_WORD, W_OTHERYEAR},
    {"去年", TK_WORD, W_OTHERYEAR},
    {"前年", TK_WORD, W_OTHERYEAR},
    {"明年", TK_WORD, W_OTHERYEAR},
    {"下年", TK_WORD, W_OTHERYEAR},
    {"下一年", TK_WORD, W_OTHERYEAR},
    {"率", TK_WORD, W_RATE},
    {"期限", TK_WORD, W_RATE},
    {"时限", TK_WORD, W_RATE},
    {"工作日", TK_WORD, W_RATE},
    {"解读", TK_WORD, W_DOCOP},
    {"清理", TK_WORD, W_DOCOP},
    {"审查", TK_WORD, W_DOCOP},
    {"审核", TK_WORD, W_DOCOP},
    {"备案", TK_WORD, W_DOCOP},
    {"起草", TK_WORD, W_DOCOP},
    {"征求意见", TK_WORD, W_DOCOP},
    {"合法性", TK_WORD, W_DOCOP},
    {"事项", TK_WORD, W_ITEMS},
    {"不予受理", TK_WORD, W_BLOCK},
    {"答复书", TK_WORD, W_BLOCK},
    {"行政复议答复", TK_WORD, W_BLOCK},
    {"第", TK_PRE, P_ORDINAL},
    {"约", TK_PRE, P_APPROX},
    {"近", TK_PRE, P_APPROX},
    {"逾", TK_PRE, P_APPROX},
    {"超过", TK_PRE, P_APPROX},
    {"件", TK_UNIT, U_COUNT},
    {"条", TK_UNIT, U_COUNT},
    {"项", TK_UNIT, U_COUNT},
    {"个", TK_UNIT, U_COUNT},
    {"份", TK_UNIT, U_COUNT},
    {"宗", TK_UNIT, U_COUNT},
    {"起", TK_UNIT, U_COUNT},
    {"篇", TK_UNIT, U_COUNT},
    {"个月", TK_UNIT, U_OTHER},
    {"个百分点", TK_UNIT, U_OTHER},
    {"个小时", TK_UNIT, U_OTHER},
    {"个工作日", TK_UNIT, U_OTHER},
    {"个季度", TK_UNIT, U_OTHER},
    {"个点", TK_UNIT, U_OTHER},
    {"个人", TK_UNIT, U_OTHER},
    {"元", TK_UNIT, U_YUAN},
    {"万元", TK_UNIT, U_WAN},
    {"亿元", TK_UNIT, U_YI},
    {"万", TK_UNIT, UL_MYRIAD},
    {"亿", TK_UNIT, UL_MYRIAD},
    {"年", TK_UNIT, UL_YEAR},
    {"余", TK_UNIT, UL_APPROX},
    {"多", TK_UNIT, UL_APPROX},
};

#define LEX_COUNT OGI_ARRAY_LEN(lexicon)
#define LEX_HASH  1024u

/* The lexicon indexed by its entries' first character (the low 10 bits of
 * the code point), built per call (a 1 KiB clear and about 80 steps) so
 * that nothing global is ever written. Few characters of a text hit a
 * bucket, and those compare one word before the whole entry. */
typedef struct {
    uint8_t head[LEX_HASH];    /* first entry + 1 of a bucket, 0: empty */
    uint8_t next[LEX_COUNT];   /* next entry + 1 in the bucket */
    uint8_t len[LEX_COUNT];    /* strlen of the entry */
    uint32_t first[LEX_COUNT]; /* its first character's three bytes */
} lexidx_t;

/* How a group's table figure is written in a message. */
enum {
    S_PLAIN = 0, /* "293" */
    S_LABELLED,  /* "prev_items 0, delta_items 0, prev_items + delta_items 0" */
    S_RECEIVED,  /* "140 (143 with those carried over)" */
    S_SUIT,      /* "46 (26 direct + 20 after review)" */
    S_AMOUNT,    /* "26102 wan_yuan" */
};

/* What the tables say for one group. */
typedef struct {
    int on;          /* the table cell is a number: compare */
    int amount;      /* compares amounts (元) rather than counts */
    int64_t vals[4]; /* counts that pass, * NUM_SCALE */
    size_t nvals;
    double yuan[2]; /* amounts that pass, in 元 */
    size_t nyuan;
    ogi_table_id_t tid; /* the cell named in the finding */
    size_t row;
    long col;
    uint8_t style;        /* S_*: how the figures below are written */
    uint8_t unit;         /* S_AMOUNT: ogi_unit_t, or 0 */
    const char *label[4]; /* S_LABELLED: column keys */
    int64_t shown[4];     /* figures written in the message */
    size_t nshown;
    int64_t warned[4]; /* figures already reported for this group */
    size_t nwarned;
} gval_t;

/* One call's state. */
typedef struct {
    ogi_report_t *r;
    const lexidx_t *idx; /* built once */
    gval_t g[G_COUNT];
    tok_t *toks; /* tokens of the current section */
    size_t ntoks;
    size_t cap;
    const char *s; /* normalised text of the current section */
    size_t len;
    size_t from; /* the part of s lexed into toks: one sentence */
    size_t to;
    int sec; /* current section */
} ctx_t;

/* ---- normalising ------------------------------------------------------ */

/* Whether s[i..n) starts with lit. */
static int
at(const char *s, size_t n, size_t i, const char *lit)
{
    size_t l = strlen(lit);
    return i <= n && n - i >= l && memcmp(s + i, lit, l) == 0;
}

/*
 * Folds code point cp for matching: an ASCII byte, 0 to keep its bytes, -1
 * to drop it.
 */
static int
fold_cp(uint32_t cp)
{
    /* the full-width comma stays: folded, "5，123件" would read as one
     * number with a thousands separator; quotes stay as printed */
    if (cp == 0xFF0C || (cp >= 0x2018 && cp <= 0x201E) || cp == 0x300C ||
        cp == 0x300D)
        return 0;
    return ogi_text_fold(cp);
}

/* Whether the 3 bytes at p are a CJK numeral 一 … 十. */
static int
is_cjk_numeral(const char *p)
{
    static const char digits[] = "一二三四五六七八九十";
    for (const char *d = digits; *d; d += 3)
        if (d[0] == p[0] && d[1] == p[1] && d[2] == p[2])
            return 1;
    return 0;
}

/* Length of the run of CJK numerals (一 … 十) at s[i..n), in characters;
 * advances *i past it. */
static size_t
cjk_numerals(const char *s, size_t n, size_t *i)
{
    size_t k = 0;
    while (*i + 3 <= n && is_cjk_numeral(s + *i)) {
        *i += 3;
        k++;
    }
    return k;
}

/* Whether a list marker starts the folded text s[0..n): "1." "2、" "3)"
 * "(4)" "(五)" "六、". */
static int
list_marker(const char *s, size_t n)
{
    size_t i = 0, k = 0;
    if (n > 0 && s[0] == '(') {
        i++;
        while (i < n && ogi_text_is_digit((unsigned char)s[i]) && k < 3) {
            i++;
            k++;
        }
        if (k == 0)
            k = cjk_numerals(s, n, &i);
        return k > 0 && k <= 3 && i < n && s[i] == ')';
    }
    while (i < n && ogi_text_is_digit((unsigned char)s[i])) {
        i++;
        k++;
    }
    if (k > 2)
        return 0;
    if (k > 0) {
        if (i < n && (s[i] == '.' || s[i] == ')'))
            return !(i + 1 < n && ogi_text_is_digit((unsigned char)s[i + 1]));
        return at(s, n, i, "、");
    }
    k = cjk_numerals(s, n, &i);
    return k > 0 && k <= 3 && at(s, n, i, "、");
}

/*
 * Folds the character at p (end bounds the read) into f (up to 4 bytes):
 * returns the raw length consumed and sets *fl to the folded length, 0
 * when the character is dropped, or -1 for whitespace.
 */
static size_t
fold_char(const char *p, const char *end, char *f, int *fl)
{
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
        f[0] = (char)c;
        *fl = (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f')
                  ? -1
                  : 1;
        return 1;
    }
    uint32_t cp;
    size_t k = ogi_utf8_decode(p, end, &cp);
    if (k == 0) { /* invalid: keep the byte, it matches nothing */
        f[0] = (char)c;
        *fl = 1;
        return 1;
    }
    int g = fold_cp(cp);
    if (g == ' ') {
        *fl = -1;
    } else if (g > 0) {
        f[0] = (char)g;
        *fl = 1;
    } else if (g < 0) {
        *fl = 0;
    } else if (cp == 0xFF61) { /* half-width 。 */
        memcpy(f, "。", 3);
        *fl = 3;
    } else {
        memcpy(f, p, k);
        *fl = (int)k;
    }
    return k;
}

/* Whether a list marker starts the raw text p[0..end). */
static int
list_marker_raw(const char *p, const char *end)
{
    /* cheap refusal: a marker starts with a digit, a parenthesis or a
     * CJK numeral (full-width forms begin with EF) */
    unsigned char c = (unsigned char)*p;
    if (c < 0x80 ? !(ogi_text_is_digit(c) || c == '(')
                 : c != 0xEF && !(end - p >= 3 && is_cjk_numeral(p)))
        return 0;
    char buf[32];
    size_t n = 0;
    for (int k = 0; k < 8 && p < end && n + 4 <= sizeof(buf); k++) {
        int fl;
        p += fold_char(p, end, buf + n, &fl);
        if (fl < 0)
            break;
        n += (size_t)fl;
    }
    return list_marker(buf, n);
}

/*
 * Writes the whitespace pending before a character whose first folded
 * byte is b at raw p: '\n' where a line break ends a sentence, nothing
 * where a line break splits a number, ' ' between ASCII characters, else
 * nothing. Returns the new output end.
 */
static char *
flush_space(char *out, char *o, int pend, unsigned char b, const char *p,
            const char *end)
{
    if (o == out)
        return o;
    unsigned char prev = (unsigned char)o[-1];
    if (pend == 2 &&
        ((prev == '.' &&
          !(o - out >= 2 && ogi_text_is_digit((unsigned char)o[-2]))) ||
         list_marker_raw(p, end)))
        *o++ = '\n';
    else if (pend == 2 && ogi_text_is_digit(prev) && ogi_text_is_digit(b))
        ; /* a number wrapped by the layout: "231\n5条" */
    else if (prev < 0x80 && b < 0x80)
        *o++ = ' ';
    return o;
}

/*
 * Normalises s[0..n) into out (never longer): full-width ASCII folded,
 * dashes to '-', page-number lines dropped, whitespace removed where it
 * touches a non-ASCII character or the ends, one space kept between ASCII
 * characters, and a line break kept as '\n' only where it ends a sentence
 * (after a line-final '.', or before a list marker). Returns the length
 * written.
 */
static size_t
normalise(const char *s, size_t n, char *out)
{
    const char *p = s, *end = s + n;
    char *o = out;
    int pend = 0; /* whitespace before the next character: 1 space, 2 a
                     line break */
    while (p < end) {
        char *line = o;
        int pend0 = pend;
        while (p < end && *p != '\n') {
            unsigned char c = (unsigned char)*p;
            if (c >= 0xE4 && c <= 0xE9 && end - p >= 3) {
                /* CJK ideographs, most of the text: nothing to fold */
                if (pend) {
                    o = flush_space(out, o, pend, c, p, end);
                    pend = 0;
                }
                do {
                    o[0] = p[0];
                    o[1] = p[1];
                    o[2] = p[2];
                    o += 3;
                    p += 3;
                } while (end - p >= 3 && (unsigned char)*p >= 0xE4 &&
                         (unsigned char)*p <= 0xE9);
                continue;
            }
            if (c < 0x80) {
                /* ASCII: kept, or pending whitespace */
                if (c == ' ' || c == '\t' || c == '\r' || c == '\v' ||
                    c == '\f') {
                    if (!pend)
                        pend = 1;
                } else {
                    if (pend) {
                        o = flush_space(out, o, pend, c, p, end);
                        pend = 0;
                    }
                    *o++ = (char)c;
                }
                p++;
                continue;
            }
            char f[4];
            int fl;
            size_t k;
            unsigned char c1 = end - p >= 3 ? (unsigned char)p[1] : 0;
            unsigned char c2 = end - p >= 3 ? (unsigned char)p[2] : 0;
            if (c == 0xEF &&
                ((c1 == 0xBC && c2 >= 0x81 && c2 <= 0xBF && c2 != 0x8C) ||
                 (c1 == 0xBD && c2 >= 0x80 && c2 <= 0x9E))) {
                /* full-width ASCII U+FF01..FF5E, without decoding */
                f[0] = (char)(c1 == 0xBC ? c2 - 0x60 : c2 - 0x20);
                fl = 1;
                k = 3;
            } else if (c == 0xE3 && c1 == 0x80 && c2 >= 0x81 && c2 <= 0xBF) {
                /* CJK punctuation but the ideographic space: as is */
                f[0] = (char)c;
                f[1] = (char)c1;
                f[2] = (char)c2;
                fl = 3;
                k = 3;
            } else {
                k = fold_char(p, end, f, &fl);
            }
            if (fl <= 0) {
                if (fl < 0 && !pend)
                    pend = 1;
                p += k;
                continue;
            }
            if (pend) {
                o = flush_space(out, o, pend, (unsigned char)f[0], p, end);
                pend = 0;
            }
            for (int j = 0; j < fl; j++)
                *o++ = f[j];
            p += k;
        }
        if (ogi_text_is_page_number(line, (size_t)(o - line))) {
            o = line;
            pend = pend0;
        }
        if (p < end) {
            p++;
            pend = 2;
        }
    }
    return (size_t)(o - out);
}

/* ---- lexing ------------------------------------------------------------ */

/* Bucket of the 3-byte character at p. */
static unsigned
lex_hash(const char *p)
{
    return (((unsigned)(unsigned char)p[1] & 0x0Fu) << 6 |
            ((unsigned)(unsigned char)p[2] & 0x3Fu)) &
           (LEX_HASH - 1);
}

/* The three bytes at p as one word. */
static uint32_t
lex_key(const char *p)
{
    return (uint32_t)(unsigned char)p[0] << 16 |
           (uint32_t)(unsigned char)p[1] << 8 | (uint32_t)(unsigned char)p[2];
}

static lexidx_t lexidx;
static pthread_once_t lexidx_once = PTHREAD_ONCE_INIT;

static void
lexidx_build(lexidx_t *x)
{
    memset(x->head, 0, sizeof(x->head));
    for (size_t i = LEX_COUNT; i-- > 0;) {
        unsigned h = lex_hash(lexicon[i].s);
        x->len[i] = (uint8_t)strlen(lexicon[i].s);
        x->first[i] = lex_key(lexicon[i].s);
        x->next[i] = x->head[h];
        x->head[h] = (uint8_t)(i + 1);
    }
}

static void
lexidx_build_once(void)
{
    lexidx_build(&lexidx);
}

/* The longest lexicon entry at s[i..n) (a 3-byte character), or -1. */
static long
lex_lookup(const lexidx_t *x, const char *s, size_t n, size_t i)
{
    unsigned e = x->head[lex_hash(s + i)];
    if (!e)
        return -1;
    uint32_t key = lex_key(s + i);
    long best = -1;
    size_t blen = 0;
    for (; e; e = x->next[e - 1]) {
        size_t l = x->len[e - 1];
        if (x->first[e - 1] != key || l <= blen || n - i < l)
            continue;
        /* entries are short: a loop beats a call to memcmp */
        const char *w = lexicon[e - 1].s;
        size_t k = 3;
        while (k < l && s[i + k] == w[k])
            k++;
        if (k == l) {
            best = (long)(e - 1);
            blen = l;
        }
    }
    return best;
}

static tok_t *
push(ctx_t *x, int kind, size_t off, size_t end)
{
    if (x->ntoks == x->cap) {
        size_t cap = x->cap ? x->cap * 2 : 64;
        tok_t *t = ogi_arena_grow(x->r->arena, x->toks, x->ntoks * sizeof(*t),
                                  cap * sizeof(*t));
        if (!t)
            return NULL;
        x->toks = t;
        x->cap = cap;
    }
    tok_t *t = &x->toks[x->ntoks++];
    memset(t, 0, sizeof(*t));
    t->kind = (uint8_t)kind;
    t->off = (uint32_t)off;
    t->end = (uint32_t)end;
    return t;
}

/* The unit (lexicon entry) right at s[i..n), or -1. */
static long
unit_at(const ctx_t *x, const char *s, size_t n, size_t i)
{
    if (i + 3 > n || (unsigned char)s[i] < 0xE0 || (unsigned char)s[i] > 0xEF)
        return -1;
    long e = lex_lookup(x->idx, s, n, i);
    return e >= 0 && lexicon[e].kind == TK_UNIT ? e : -1;
}

/*
 * Reads the number at s[i] (a digit) with its unit into a token and
 * returns the index after them; sets *rc to OGI_ENOMEM when out of memory.
 */
static size_t
lex_number(ctx_t *x, const char *s, size_t n, size_t i, unsigned depth,
           unsigned book, int *rc)
{
    size_t start = i;
    int64_t ip = 0, frac = 0;
    unsigned digits = 0, decimals = 0;
    while (i < n && ogi_text_is_digit((unsigned char)s[i])) {
        if (digits < NUM_MAX_DIGITS)
            ip = ip * 10 + (s[i] - '0');
        digits++;
        i++;
    }
    /* thousands separators: "1,234" (never "12345,678") */
    int grouped = digits <= 3;
    while (grouped && i + 3 < n && s[i] == ',' &&
           ogi_text_is_digit((unsigned char)s[i + 1]) &&
           ogi_text_is_digit((unsigned char)s[i + 2]) &&
           ogi_text_is_digit((unsigned char)s[i + 3]) &&
           !(i + 4 < n && ogi_text_is_digit((unsigned char)s[i + 4]))) {
        for (size_t k = 1; k <= 3; k++)
            if (digits++ < NUM_MAX_DIGITS)
                ip = ip * 10 + (s[i + k] - '0');
        i += 4;
    }
    if (i + 1 < n && s[i] == '.' &&
        ogi_text_is_digit((unsigned char)s[i + 1])) {
        i++;
        while (i < n && ogi_text_is_digit((unsigned char)s[i])) {
            if (decimals < NUM_DECIMALS) {
                frac = frac * 10 + (s[i] - '0');
                decimals++;
            }
            i++;
        }
    }
    int unit = U_NONE;
    unsigned flags = book ? NF_BOOK : 0;
    size_t uoff = i, uend = i;
    long e = unit_at(x, s, n, i);
    if (e >= 0 && lexicon[e].arg == UL_YEAR) {
        if (digits == 4 && decimals == 0 && ip >= 1900 && ip <= 2100) {
            tok_t *t = push(x, TK_YEAR, start, i + 3);
            if (!t) {
                *rc = OGI_ENOMEM;
                return n;
            }
            t->value = ip;
            t->flags = (uint8_t)flags;
            t->depth = (uint8_t)depth;
            return i + 3;
        }
        unit = U_OTHER;
        uend = i + 3;
    } else {
        if (e >= 0 && lexicon[e].arg == UL_APPROX) {
            flags |= NF_APPROX;
            uoff += x->idx->len[e];
            e = unit_at(x, s, n, uoff);
        }
        uend = uoff;
        if (e >= 0 && lexicon[e].arg == UL_MYRIAD) {
            /* "3.8万件": a rounded figure, never compared */
            long c = unit_at(x, s, n, uoff + 3);
            if (c >= 0 && lexicon[c].arg == U_COUNT) {
                unit = U_COUNT;
                flags |= NF_APPROX;
                uend = uoff + 3 + x->idx->len[c];
            } else {
                unit = U_OTHER;
            }
        } else if (e >= 0 && lexicon[e].arg <= U_YI) { /* not 余年 */
            unit = lexicon[e].arg;
            uend = uoff + x->idx->len[e];
        } else if (uoff < n &&
                   ((unsigned char)s[uoff] >= 0x80 || s[uoff] == '%' ||
                    ogi_text_is_alpha((unsigned char)s[uoff]))) {
            unit = U_OTHER;
        }
    }
    if (digits > NUM_MAX_DIGITS) { /* ip holds only its first digits */
        unit = U_OTHER;
        ip = 0;
    }
    /* what comes right before: 第3条 is an ordinal, 〔2020〕 a document
     * number, 约/近/逾/超过 an approximation */
    if (x->ntoks > 0 && x->toks[x->ntoks - 1].kind == TK_PRE &&
        x->toks[x->ntoks - 1].end == start) {
        if (x->toks[x->ntoks - 1].arg == P_ORDINAL)
            unit = U_OTHER;
        else
            flags |= NF_APPROX;
    }
    static const int64_t pow10[] = {1, 10, 100, 1000, 10000};
    int64_t v = ip * NUM_SCALE + frac * pow10[NUM_DECIMALS - decimals];
    size_t next = uend > i ? uend : i;
    tok_t *t = push(x, TK_NUM, start, next);
    if (!t) {
        *rc = OGI_ENOMEM;
        return n;
    }
    t->arg = (uint8_t)unit;
    t->flags = (uint8_t)flags;
    t->depth = (uint8_t)depth;
    t->decimals = (uint8_t)decimals;
    t->uoff = (uint32_t)uoff;
    t->value = v;
    return next;
}

/* Turns the normalised text s[from..to) into tokens. Returns 0 or
 * OGI_ENOMEM. */
static int
lex(ctx_t *x)
{
    const char *s = x->s;
    size_t n = x->to, i = x->from;
    unsigned depth = 0, book = 0;
    int rc = 0;
    x->ntoks = 0;
    while (i < n && rc == 0) {
        unsigned char c = (unsigned char)s[i];
        tok_t *t = NULL;
        int kind = 0;
        if (ogi_text_is_digit(c)) {
            i = lex_number(x, s, n, i, depth, book, &rc);
            continue;
        }
        if (ogi_text_is_alpha(c)) { /* "IPv6", "QQ": no number inside words */
            while (i < n && (ogi_text_is_alpha((unsigned char)s[i]) ||
                             ogi_text_is_digit((unsigned char)s[i])))
                i++;
            continue;
        }
        if (c < 0x80) {
            switch (c) {
                case ',':
                    kind = TK_CLAUSE;
                    break;
                case ';':
                case '!':
                case '?':
                    kind = TK_SENT;
                    break;
                case '\n':
                    kind = i > 0 && s[i - 1] == '.' ? TK_STOP : TK_SENT;
                    break;
                case '[':
                    kind = TK_PRE;
                    break;
                case '(':
                    depth += depth < 255;
                    break;
                case ')':
                    depth -= depth > 0;
                    break;
                default:
                    break;
            }
            if (kind && !(t = push(x, kind, i, i + 1)))
                return OGI_ENOMEM;
            if (kind == TK_PRE)
                t->arg = P_ORDINAL;
            i++;
            continue;
        }
        if (c >= 0xE0 && c <= 0xEF && n - i >= 3) {
            if (c == 0xE3 && (unsigned char)s[i + 1] == 0x80) {
                switch ((unsigned char)s[i + 2]) {
                    case 0x82: /* 。 */
                        kind = TK_STOP;
                        break;
                    case 0x81: /* 、 */
                        kind = TK_LIST;
                        break;
                    case 0x8A: /* 《 */
                        book += book < 255;
                        break;
                    case 0x8B: /* 》 */
                        book -= book > 0;
                        break;
                    case 0x94: /* 〔 */
                    case 0x90: /* 【 */
                        kind = TK_PRE;
                        break;
                    default:
                        break;
                }
                if (kind && !(t = push(x, kind, i, i + 3)))
                    return OGI_ENOMEM;
                if (kind == TK_PRE)
                    t->arg = P_ORDINAL;
                i += 3;
                continue;
            }
            if (c == 0xEF && memcmp(s + i, "，", 3) == 0) {
                if (!push(x, TK_CLAUSE, i, i + 3))
                    return OGI_ENOMEM;
                i += 3;
                continue;
            }
            if (!x->idx->head[lex_hash(s + i)]) { /* most characters */
                i += 3;
                continue;
            }
            long e = lex_lookup(x->idx, s, n, i);
            if (e >= 0 && (lexicon[e].kind == TK_UNIT ||
                           (book && lexicon[e].kind == TK_KW))) {
                /* a unit away from a number; a keyword inside a title
                 * (《行政许可法》) */
                i += x->idx->len[e];
                continue;
            }
            if (e >= 0) {
                size_t l = x->idx->len[e];
                t = push(x, lexicon[e].kind, i, i + l);
                if (!t)
                    return OGI_ENOMEM;
                t->arg = lexicon[e].arg;
                t->depth = (uint8_t)depth;
                i += l;
                continue;
            }
            i += 3;
            continue;
        }
        i += ogi_utf8_len(s + i, s + n);
    }
    return rc;
}

/* ---- the tables -------------------------------------------------------- */

/* The cell (row, col) of table id if it holds a number, else NULL. */
static const ogi_cell_t *
num_cell(const ogi_report_t *r, ogi_table_id_t id, const char *row,
         const char *col, long *ri, long *ci)
{
    if (!r->tables[id].present)
        return NULL;
    long a = ogi_skeleton_row_index(id, row);
    long b = ogi_skeleton_col_index(id, col);
    if (a < 0 || b < 0)
        return NULL;
    const ogi_cell_t *c = ogi_report_cell(r, id, (size_t)a, (size_t)b);
    if (!c || c->state != OGI_CELL_NUM)
        return NULL;
    if (ri)
        *ri = a;
    if (ci)
        *ci = b;
    return c;
}

/* A cell's value * NUM_SCALE; 0 when it does not fit. */
static int
cell_scaled(const ogi_cell_t *c, int64_t *out)
{
    int64_t v = c->value;
    unsigned sc = c->scale;
    const int64_t lim = INT64_MAX / NUM_SCALE / 1000;
    if (v > lim || v < -lim)
        return 0;
    if (sc <= NUM_DECIMALS) {
        for (unsigned k = sc; k < NUM_DECIMALS; k++)
            v *= 10;
    } else {
        for (unsigned k = NUM_DECIMALS; k < sc && k < 30; k++)
            v /= 10;
    }
    *out = v;
    return 1;
}

/* Writes v (scaled by NUM_SCALE) without trailing zeros into buf. */
static char *
fmt_num(int64_t v, char *buf, size_t size)
{
    int neg = v < 0;
    uint64_t u = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    uint64_t ip = u / NUM_SCALE, fr = u % NUM_SCALE;
    if (fr == 0) {
        snprintf(buf, size, "%s%llu", neg ? "-" : "", (unsigned long long)ip);
    } else {
        char f[8];
        snprintf(f, sizeof(f), "%04llu", (unsigned long long)fr);
        size_t l = strlen(f);
        while (l > 0 && f[l - 1] == '0')
            f[--l] = '\0';
        snprintf(buf, size, "%s%llu.%s", neg ? "-" : "", (unsigned long long)ip,
                 f);
    }
    return buf;
}

/* Adds a count the group accepts. */
static void
accept(gval_t *g, int64_t v)
{
    for (size_t k = 0; k < g->nvals; k++)
        if (g->vals[k] == v)
            return;
    if (g->nvals < OGI_ARRAY_LEN(g->vals))
        g->vals[g->nvals++] = v;
}

/* Adds a figure to write in the message. */
static void
show(gval_t *g, const char *label, int64_t v)
{
    if (g->nshown < OGI_ARRAY_LEN(g->shown)) {
        g->label[g->nshown] = label;
        g->shown[g->nshown++] = v;
    }
}

/* Names the cell (id, row, col) in the group's findings. */
static void
name_cell(gval_t *g, ogi_table_id_t id, long row, long col)
{
    g->on = 1;
    g->tid = id;
    g->row = (size_t)row;
    g->col = col;
}

/*
 * Sets g to compare with the cells (row, cols[0..ncols)) of table id, all
 * of which pass. cols[0] is the cell named in the findings and must hold a
 * number; with any, the first that holds one is named instead. With sum,
 * the sum of the last two columns (prev_items + delta_items) passes too.
 */
static void
use_cells(const ogi_report_t *r, gval_t *g, ogi_table_id_t id, const char *row,
          const char *const *cols, size_t ncols, int any, int sum)
{
    long ri = -1, ci = -1;
    int64_t v[4] = {0};
    int have[4] = {0};
    if (ncols > 4)
        ncols = 4;
    for (size_t k = 0; k < ncols; k++) {
        long a, b;
        const ogi_cell_t *c = num_cell(r, id, row, cols[k], &a, &b);
        if (!c || !cell_scaled(c, &v[k]))
            continue;
        have[k] = 1;
        if (ci < 0 && (k == 0 || any)) {
            ri = a;
            ci = b;
        }
    }
    if (ci < 0)
        return;
    name_cell(g, id, ri, ci);
    g->style = ncols > 1 ? S_LABELLED : S_PLAIN;
    for (size_t k = 0; k < ncols; k++) {
        if (!have[k])
            continue;
        accept(g, v[k]);
        show(g, cols[k], v[k]);
    }
    if (sum && ncols >= 2 && have[ncols - 2] && have[ncols - 1]) {
        accept(g, v[ncols - 2] + v[ncols - 1]);
        show(g, "prev_items + delta_items", v[ncols - 2] + v[ncols - 1]);
    }
}

/* Sets g to compare amounts with the cell (row, col) of table id. */
static void
use_amount(const ogi_report_t *r, gval_t *g, ogi_table_id_t id, const char *row,
           const char *col)
{
    long ri = -1, ci = -1;
    int64_t v;
    const ogi_cell_t *c = num_cell(r, id, row, col, &ri, &ci);
    if (!c || !cell_scaled(c, &v))
        return;
    ogi_unit_t u = (ogi_unit_t)c->unit;
    if (!u)
        u = r->tables[id].unit;
    if (!u && ogi_skeleton_table(id)->cols[ci].type == OGI_VT_AMOUNT_WAN)
        u = OGI_UNIT_WAN_YUAN;
    double a = ogi_cell_number(c);
    name_cell(g, id, ri, ci);
    g->amount = 1;
    g->style = S_AMOUNT;
    g->unit = (uint8_t)u;
    show(g, NULL, v);
    if (u != OGI_UNIT_WAN_YUAN) /* 元, or not stated: either reading */
        g->yuan[g->nyuan++] = a;
    if (u != OGI_UNIT_YUAN)
        g->yuan[g->nyuan++] = a * 10000.0;
}

/* Writes the group's table figures for a message into buf. */
static char *
describe(const gval_t *g, char *buf, size_t size)
{
    char a[32], b[32], c[32];
    size_t l = 0;
    buf[0] = '\0';
    switch (g->style) {
        case S_LABELLED:
            for (size_t k = 0; k < g->nshown && l < size; k++)
                l += (size_t)snprintf(buf + l, size - l, "%s%s %s",
                                      k ? ", " : "", g->label[k],
                                      fmt_num(g->shown[k], a, sizeof(a)));
            break;
        case S_RECEIVED:
            snprintf(buf, size, "%s (%s with those carried over)",
                     fmt_num(g->shown[0], a, sizeof(a)),
                     fmt_num(g->shown[1], b, sizeof(b)));
            break;
        case S_SUIT:
            snprintf(buf, size, "%s (%s direct + %s after review)",
                     fmt_num(g->shown[0], a, sizeof(a)),
                     fmt_num(g->shown[1], b, sizeof(b)),
                     fmt_num(g->shown[2], c, sizeof(c)));
            break;
        case S_AMOUNT:
            snprintf(buf, size, "%s %s", fmt_num(g->shown[0], a, sizeof(a)),
                     g->unit ? ogi_unit_name((ogi_unit_t)g->unit)
                             : "(unit not stated)");
            break;
        default:
            snprintf(buf, size, "%s", fmt_num(g->shown[0], a, sizeof(a)));
            break;
    }
    return buf;
}

/* The Table 2 item of the report's format (2019 or 2021 id), or -1. */
static int
active_table(const ogi_report_t *r, ogi_table_id_t t19, int t21)
{
    int use19 = r->meta.format == OGI_FORMAT_2019 ||
                (r->meta.format != OGI_FORMAT_2021 && r->tables[t19].present);
    if (use19)
        return r->tables[t19].present ? (int)t19 : -1;
    return t21 >= 0 && r->tables[t21].present ? t21 : -1;
}

/* Reads, for every group, the table values it is compared with. */
static void
load_tables(ctx_t *x)
{
    const ogi_report_t *r = x->r;
    gval_t *g = x->g;
    static const char *const total[] = {"total"};
    long ri = -1, ci = -1;
    int64_t v1, v2;

    /* N1: new, or new + carried over */
    const ogi_cell_t *c1 =
        num_cell(r, OGI_T3, "new_received", "total", &ri, &ci);
    const ogi_cell_t *c2 =
        num_cell(r, OGI_T3, "carried_over", "total", NULL, NULL);
    if (c1 && cell_scaled(c1, &v1)) {
        gval_t *p = &g[G_RECEIVED];
        name_cell(p, OGI_T3, ri, ci);
        accept(p, v1);
        show(p, NULL, v1);
        if (c2 && cell_scaled(c2, &v2) && v2 != 0) {
            accept(p, v1 + v2);
            show(p, NULL, v1 + v2);
            p->style = S_RECEIVED;
        }
    }
    use_cells(r, &g[G_ANSWERED], OGI_T3, "result_total", total, 1, 0, 0);
    use_cells(r, &g[G_FORWARD], OGI_T3, "carry_forward", total, 1, 0, 0);
    use_cells(r, &g[G_REVIEW], OGI_T4, "review", total, 1, 0, 0);

    /* N5: the two kinds of suit together */
    c1 = num_cell(r, OGI_T4, "suit_direct", "total", &ri, &ci);
    c2 = num_cell(r, OGI_T4, "suit_after_review", "total", NULL, NULL);
    if (c1 && c2 && cell_scaled(c1, &v1) && cell_scaled(c2, &v2)) {
        gval_t *p = &g[G_SUIT];
        name_cell(p, OGI_T4, ri, ci);
        accept(p, v1 + v2);
        show(p, NULL, v1 + v2);
        show(p, NULL, v1);
        show(p, NULL, v2);
        p->style = S_SUIT;
    }

    /* N6: Table 2 of the report's format */
    static const char *const n19[] = {"new_made", "new_published",
                                      "total_published"};
    static const char *const n21[] = {"issued", "repealed", "in_force"};
    static const char *const d19[] = {"decisions", "prev_items", "delta_items"};
    static const char *const d21[] = {"decisions"};
    static const char *const f19[] = {"prev_items", "delta_items"};
    static const char *const proj[] = {"projects"};
    int t;
    if ((t = active_table(r, OGI_T2_19_1, OGI_T2_21_1)) >= 0)
        use_cells(r, &g[G_NORMATIVE], (ogi_table_id_t)t, "normative_docs",
                  t == OGI_T2_19_1 ? n19 : n21, 3, 1, 0);
    /* 2019: the decisions, or the items (prev_items, prev + delta) */
    if ((t = active_table(r, OGI_T2_19_5, OGI_T2_21_5)) >= 0) {
        int is19 = t == OGI_T2_19_5;
        use_cells(r, &g[G_LICENSE], (ogi_table_id_t)t, "license",
                  is19 ? d19 : d21, is19 ? 3 : 1, 0, is19);
    }
    if ((t = active_table(r, OGI_T2_19_6, OGI_T2_21_6)) >= 0) {
        int is19 = t == OGI_T2_19_6;
        use_cells(r, &g[G_PENALTY], (ogi_table_id_t)t, "penalty",
                  is19 ? d19 : d21, is19 ? 3 : 1, 0, is19);
        use_cells(r, &g[G_COERCION], (ogi_table_id_t)t, "coercion",
                  is19 ? d19 : d21, is19 ? 3 : 1, 0, is19);
    }
    /* 行政事业性收费: item counts in 2019, an amount in 万元 in 2021 */
    if ((t = active_table(r, OGI_T2_19_8, OGI_T2_21_8)) == OGI_T2_19_8)
        use_cells(r, &g[G_FEES], OGI_T2_19_8, "admin_fees", f19, 2, 1, 1);
    else if (t >= 0)
        use_amount(r, &g[G_FEES], (ogi_table_id_t)t, "admin_fees",
                   "amount_wan");
    if (active_table(r, OGI_T2_19_9, -1) >= 0) {
        use_cells(r, &g[G_PROJECTS], OGI_T2_19_9, "central_procurement", proj,
                  1, 0, 0);
        use_amount(r, &g[G_AMOUNT], OGI_T2_19_9, "central_procurement",
                   "amount");
    }
}

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
    size_t chars = 0;
    for (size_t i = a; i < b; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
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
unit_fits(const gval_t *g, const tok_t *t)
{
    if (g->amount)
        return t->arg == U_YUAN || t->arg == U_WAN || t->arg == U_YI;
    return t->arg == U_COUNT;
}

/* Whether number t equals a value the group accepts. */
static int
matches(const gval_t *g, const tok_t *t)
{
    if (!g->amount) {
        for (size_t k = 0; k < g->nvals; k++)
            if (g->vals[k] == t->value)
                return 1;
        return 0;
    }
    double f = t->arg == U_WAN ? 1e4 : t->arg == U_YI ? 1e8 : 1.0;
    double v = (double)t->value / NUM_SCALE * f;
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

/* Characters in s[a..b). */
static size_t
chars_between(const char *s, size_t a, size_t b)
{
    size_t k = 0;
    for (size_t i = a; i < b; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Whether token t bounds a clause for group g. */
static int
clause_break(const tok_t *t, unsigned gflags)
{
    return t->kind == TK_CLAUSE || (t->kind == TK_LIST && !(gflags & GF_LIST));
}

typedef struct {
    int matched;  /* a candidate equals the table */
    long kw, num; /* first unqualified candidate that does not, or -1 */
} gstate_t;

/* Sentence bounds in the text of tokens [a, b). */
static void
sentence_span(const ctx_t *x, size_t a, size_t b, size_t *from, size_t *to)
{
    *from = a > 0 ? x->toks[a - 1].end : x->from;
    *to = b < x->ntoks ? x->toks[b].off : x->to;
}

static int
report_n(ctx_t *x, int gi, size_t a, size_t b, long kw, long num)
{
    gval_t *g = &x->g[gi];
    const tok_t *k = &x->toks[kw], *nt = &x->toks[num];
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
    excerpt(x->s, sa, sb, sa, SAYS_CHARS, says, sizeof(says));
    excerpt(x->s, from, to, k->off, QUOTE_CHARS, quote, sizeof(quote));
    ogi_report_path(g->tid, g->row, g->col, path, sizeof(path));
    return ogi_report_add_finding(x->r, groups[gi].rule, OGI_SEV_WARNING, path,
                                  "narrative says %s, table has %s: \"%s\"",
                                  says, describe(g, table, sizeof(table)),
                                  quote);
}

/* N1-N6 on the tokens [a, b) of one sentence. */
static int
check_n(ctx_t *x, size_t a, size_t b)
{
    const tok_t *T = x->toks;
    long qizhong = -1;
    int year = 0;
    for (size_t i = a; i < b; i++) {
        if (!year && T[i].kind == TK_YEAR && !(T[i].flags & NF_BOOK))
            year = (int)T[i].value;
        if (qizhong < 0 && T[i].kind == TK_WORD && T[i].arg == W_QIZHONG)
            qizhong = (long)i;
    }
    if (year && x->r->meta.year && year != x->r->meta.year)
        return 0;

    gstate_t st[G_COUNT];
    int any = 0;
    for (int i = 0; i < G_COUNT; i++) {
        st[i].matched = 0;
        st[i].kw = st[i].num = -1;
    }
    for (size_t k = a; k < b; k++) {
        if (T[k].kind != TK_KW)
            continue;
        int gi = T[k].arg;
        const group_t *gr = &groups[gi];
        gval_t *g = &x->g[gi];
        if (!gr->rule || !g->on)
            continue;
        any = 1;
        /* what the figure is about: the clause before the keyword, from
         * the last figure in it on; across 、, which lists keywords that
         * share one figure ("行政许可、行政处罚等信息 8000 条") */
        size_t cs = k;
        while (cs > a && T[cs - 1].kind != TK_CLAUSE) {
            if (T[cs - 1].kind == TK_NUM && U_QUANTITY(T[cs - 1].arg))
                break;
            cs--;
        }
        int partial = qizhong >= 0 && (size_t)qizhong < k;
        int skip = 0, applied = 0;
        for (size_t j = cs; j < k; j++) {
            const tok_t *t = &T[j];
            if (t->kind == TK_WORD) {
                /* 我街道, 本部门: the agency itself, not a part of it */
                int self = t->off >= 3 &&
                           (memcmp(x->s + t->off - 3, "我", 3) == 0 ||
                            memcmp(x->s + t->off - 3, "本", 3) == 0);
                partial |= (t->arg & W_SCOPE) != 0 && !self;
                skip |= (t->arg & (W_CHANGE | W_OTHERYEAR)) != 0;
                skip |= (gr->flags & GF_DOCOP) && (t->arg & W_DOCOP);
                applied |= (t->arg & W_APPLY) != 0;
            } else if (t->kind == TK_KW && t->arg != gi &&
                       groups[t->arg].family == gr->family) {
                skip = 1; /* "行政复议、行政诉讼 3 件": a joint figure */
            }
        }
        if (skip)
            continue;
        /* the first number after it that fits, in the same clause */
        long cand = -1;
        for (size_t j = k + 1; j < b && !clause_break(&T[j], gr->flags); j++) {
            const tok_t *t = &T[j];
            if (t->kind == TK_KW) {
                if (t->arg != gi)
                    break;
            } else if (t->kind == TK_WORD) {
                if (t->arg & (W_CHANGE | W_RATE | W_OTHERYEAR | W_QIZHONG))
                    break;
                if ((gr->flags & GF_DOCOP) && (t->arg & W_DOCOP))
                    break;
                if ((gr->flags & GF_ITEMS) && (t->arg & W_ITEMS))
                    break;
                applied |= (t->arg & W_APPLY) != 0;
            } else if (t->kind == TK_NUM) {
                if ((t->flags & NF_BOOK) || !unit_fits(g, t))
                    continue;
                if (chars_between(x->s, T[k].end, t->off) > gr->gap)
                    break;
                if ((gr->flags & GF_APPLY) && !applied)
                    break;
                cand = (long)j;
                break;
            }
        }
        if (cand < 0 && (gr->flags & GF_BEFORE) && k > a &&
            T[k - 1].kind == TK_NUM && T[k - 1].end == T[k].off &&
            !(T[k - 1].flags & NF_BOOK) && unit_fits(g, &T[k - 1]))
            cand = (long)k - 1;
        if (cand < 0 || (T[cand].flags & NF_APPROX))
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
    for (int gi = 0; gi < G_COUNT; gi++) {
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
same_unit(const ctx_t *x, const tok_t *t, const tok_t *u)
{
    size_t lt = t->end - t->uoff, lu = u->end - u->uoff;
    return t->arg == u->arg && lt == lu &&
           memcmp(x->s + t->uoff, x->s + u->uoff, lt) == 0;
}

/* C8 on the tokens [a, b) of one sentence (bounded by 。). */
static int
check_c8(ctx_t *x, size_t a, size_t b)
{
    const tok_t *T = x->toks;
    for (size_t q = a; q < b; q++) {
        if (T[q].kind != TK_WORD || T[q].arg != W_QIZHONG)
            continue;
        unsigned d = T[q].depth;
        long tot = -1;
        for (size_t j = q; j-- > a;) {
            if (T[j].kind == TK_NUM && !(T[j].flags & NF_BOOK) &&
                U_QUANTITY(T[j].arg) && T[j].depth <= d) {
                tot = (long)j;
                break;
            }
        }
        if (tot < 0 || (T[tot].flags & NF_APPROX))
            continue;
        size_t parts[C8_MAX_PARTS], np = 0;
        int ok = 1, sent = 0, crossed = 0;
        for (size_t j = q + 1; j < b; j++) {
            const tok_t *t = &T[j];
            if (t->kind == TK_WORD && t->arg == W_QIZHONG && t->depth <= d)
                break;
            sent |= t->kind == TK_SENT;
            if (t->kind != TK_NUM || (t->flags & NF_BOOK) || t->depth != d ||
                !same_unit(x, &T[tot], t))
                continue;
            if ((t->flags & NF_APPROX) || np == C8_MAX_PARTS) {
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
            fmt_num(T[parts[k]].value, buf, sizeof(buf));
            if (l + strlen(buf) + 8 > sizeof(list)) {
                snprintf(list + l, sizeof(list) - l, " + …");
                break;
            }
            l += (size_t)snprintf(list + l, sizeof(list) - l, "%s%s",
                                  k ? " + " : "", buf);
        }
        size_t from, to;
        sentence_span(x, a, b, &from, &to);
        excerpt(x->s, from, to, T[q].off, QUOTE_CHARS, quote, sizeof(quote));
        char path[64];
        snprintf(path, sizeof(path), "sections.%s",
                 ogi_skeleton_section((ogi_section_id_t)x->sec)->key);
        const tok_t *tt = &T[tot];
        fmt_num(tt->value, tb, sizeof(tb));
        int rc = ogi_report_add_finding(
            x->r, "C8", OGI_SEV_WARNING, path,
            "narrative total %s%.*s differs from the sum of its parts %s "
            "(%s): \"%s\"",
            tb, (int)(tt->end - tt->uoff), x->s + tt->uoff,
            fmt_num(sum, buf, sizeof(buf)), list, quote);
        if (rc)
            return rc;
    }
    return 0;
}

/* Whether s[0..n) holds an ASCII digit; eight bytes at a time, since
 * most of the text has none (the "has a byte between" trick of Bit
 * Twiddling Hacks, for bytes 0x30..0x39; bytes >= 0x80 never match). */
static int
has_digit(const char *s, size_t n)
{
    const uint64_t ones = ~(uint64_t)0 / 255, high = ones * 128;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        uint64_t low = v & (ones * 127);
        if ((ones * (127 + '9' + 1) - low) & ~v &
            (low + ones * (127 - '0' + 1)) & high)
            return 1;
    }
    for (; i < n; i++)
        if (ogi_text_is_digit((unsigned char)s[i]))
            return 1;
    return 0;
}

/* Checks the sentence x->s[x->from..x->to), which ends at a 。. */
static int
check_sentence(ctx_t *x)
{
    int rc = lex(x);
    if (rc)
        return rc;
    size_t a = 0, c = 0;
    for (size_t i = 0; i <= x->ntoks; i++) {
        int kind = i < x->ntoks ? x->toks[i].kind : TK_STOP;
        if (kind != TK_SENT && kind != TK_STOP)
            continue;
        if ((rc = check_n(x, a, i)))
            return rc;
        a = i + 1;
        if (kind == TK_STOP) {
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
    char *s = ogi_arena_alloc(x->r->arena, n + 1);
    if (!s)
        return OGI_ENOMEM;
    n = normalise(text, n, s);
    s[n] = '\0';
    x->s = s;
    x->len = n;
    x->sec = k;
    size_t a = 0;
    while (a < n) {
        const char *stop = ogi_text_find(s + a, n - a, "。");
        size_t b = stop ? (size_t)(stop - s) : n;
        if (has_digit(s + a, b - a)) {
            x->from = a;
            x->to = b;
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
    pthread_once(&lexidx_once, lexidx_build_once);
    x->idx = &lexidx;
    load_tables(x);
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        /* 五 reviews last year and plans the next: never compared */
        if (k == OGI_SEC_PROBLEMS || !report->sections[k].present ||
            !report->sections[k].text || !report->sections[k].text[0])
            continue;
        int rc = check_section(x, k);
        if (rc)
            return rc;
    }
    return 0;
}
