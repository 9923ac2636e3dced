/*
 * narrative_lex.c - the first two steps of the narrative checks
 * (narrative.c): a section's text normalised, and a sentence of it turned
 * into tokens.
 *
 * Normalising folds full-width ASCII to ASCII (but the comma ，), dashes
 * to '-', drops page-number lines and removes whitespace wherever it
 * touches a non-ASCII character; a line break survives, as '\n', only
 * where it ends a sentence. Lexing reads keywords and marker words from
 * the lexicon below (the longest entry wins), numbers with their unit,
 * years, and the punctuation that bounds clauses and sentences. Both are
 * linear in the length of the text. Thread-safe: the lexicon's index is
 * built once, under pthread_once, and only read after.
 */
#include "ogi_int.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "narrative_int.h"
#include "ogi/error.h"
#include "ogi/text.h"

/* Integer digits beyond this make a number too large to compare. */
#define NUM_MAX_DIGITS 14

/* What comes right before a number (OGI__TK_PRE arg). */
enum {
    P_ORDINAL = 1, /* 第, 〔, 【, [: not a quantity */
    P_APPROX,      /* 约, 近, 逾, 超过 */
};

/* The lexicon. At each character the longest entry wins, so 不予受理
 * hides 受理, 较上年 hides 上年 and 个工作日 hides 个. Every entry starts
 * with a 3-byte character. Units are looked up only right after a
 * number. */
typedef struct {
    const char *s;
    uint8_t kind; /* OGI__TK_KW, OGI__TK_WORD, OGI__TK_PRE or OGI__TK_UNIT */
    uint16_t arg; /* group, OGI__W_*, P_* or OGI__U_* */
} lex_t;

static const lex_t lexicon[] = {
    {"收到", OGI__TK_KW, OGI__G_RECEIVED},
    {"受理", OGI__TK_KW, OGI__G_RECEIVED},
    {"新收", OGI__TK_KW, OGI__G_RECEIVED},
    {"答复", OGI__TK_KW, OGI__G_ANSWERED},
    {"办结", OGI__TK_KW, OGI__G_ANSWERED},
    {"结转下年度", OGI__TK_KW, OGI__G_FORWARD},
    {"结转至下年度", OGI__TK_KW, OGI__G_FORWARD},
    {"结转到下年度", OGI__TK_KW, OGI__G_FORWARD},
    {"结转下一年度", OGI__TK_KW, OGI__G_FORWARD},
    {"结转至下一年度", OGI__TK_KW, OGI__G_FORWARD},
    {"结转到下一年度", OGI__TK_KW, OGI__G_FORWARD},
    {"顺延到下年度", OGI__TK_KW, OGI__G_FORWARD},
    {"顺延至下年度", OGI__TK_KW, OGI__G_FORWARD},
    {"顺延到下一年度", OGI__TK_KW, OGI__G_FORWARD},
    {"顺延至下一年度", OGI__TK_KW, OGI__G_FORWARD},
    {"转入下年度", OGI__TK_KW, OGI__G_FORWARD},
    {"转入下一年度", OGI__TK_KW, OGI__G_FORWARD},
    {"行政复议", OGI__TK_KW, OGI__G_REVIEW},
    {"行政诉讼", OGI__TK_KW, OGI__G_SUIT},
    {"规范性文件", OGI__TK_KW, OGI__G_NORMATIVE},
    {"行政许可", OGI__TK_KW, OGI__G_LICENSE},
    {"行政处罚", OGI__TK_KW, OGI__G_PENALTY},
    {"行政强制", OGI__TK_KW, OGI__G_COERCION},
    {"行政事业性收费", OGI__TK_KW, OGI__G_FEES},
    {"采购项目", OGI__TK_KW, OGI__G_PROJECTS},
    {"采购金额", OGI__TK_KW, OGI__G_AMOUNT},
    {"采购总金额", OGI__TK_KW, OGI__G_AMOUNT},
    {"采购总额", OGI__TK_KW, OGI__G_AMOUNT},
    {"采购资金", OGI__TK_KW, OGI__G_AMOUNT},
    {"其他对外管理服务", OGI__TK_KW, OGI__G_SERVICES},
    {"申请", OGI__TK_WORD, OGI__W_APPLY},
    {"其中", OGI__TK_WORD, OGI__W_QIZHONG},
    {"本级", OGI__TK_WORD, OGI__W_SCOPE},
    {"政府办", OGI__TK_WORD, OGI__W_SCOPE},
    {"办公室", OGI__TK_WORD, OGI__W_SCOPE},
    {"代表", OGI__TK_WORD, OGI__W_SCOPE},
    {"部门", OGI__TK_WORD, OGI__W_SCOPE},
    {"乡镇", OGI__TK_WORD, OGI__W_SCOPE},
    {"街道", OGI__TK_WORD, OGI__W_SCOPE},
    {"街镇", OGI__TK_WORD, OGI__W_SCOPE},
    {"镇街", OGI__TK_WORD, OGI__W_SCOPE},
    {"增加", OGI__TK_WORD, OGI__W_CHANGE},
    {"减少", OGI__TK_WORD, OGI__W_CHANGE},
    {"增长", OGI__TK_WORD, OGI__W_CHANGE},
    {"下降", OGI__TK_WORD, OGI__W_CHANGE},
    {"上升", OGI__TK_WORD, OGI__W_CHANGE},
    {"同比", OGI__TK_WORD, OGI__W_CHANGE},
    {"环比", OGI__TK_WORD, OGI__W_CHANGE},
    {"较上年", OGI__TK_WORD, OGI__W_CHANGE},
    {"较去年", OGI__TK_WORD, OGI__W_CHANGE},
    {"比上年", OGI__TK_WORD, OGI__W_CHANGE},
    {"比去年", OGI__TK_WORD, OGI__W_CHANGE},
    {"上年", OGI__TK_WORD, OGI__W_OTHERYEAR},
    {"上一年", OGI__TK_WORD, OGI__W_OTHERYEAR},
    {"去年", OGI__TK_WORD, OGI__W_OTHERYEAR},
    {"前年", OGI__TK_WORD, OGI__W_OTHERYEAR},
    {"明年", OGI__TK_WORD, OGI__W_OTHERYEAR},
    {"下年", OGI__TK_WORD, OGI__W_OTHERYEAR},
    {"下一年", OGI__TK_WORD, OGI__W_OTHERYEAR},
    {"率", OGI__TK_WORD, OGI__W_RATE},
    {"期限", OGI__TK_WORD, OGI__W_RATE},
    {"时限", OGI__TK_WORD, OGI__W_RATE},
    {"工作日", OGI__TK_WORD, OGI__W_RATE},
    {"解读", OGI__TK_WORD, OGI__W_DOCOP},
    {"清理", OGI__TK_WORD, OGI__W_DOCOP},
    {"审查", OGI__TK_WORD, OGI__W_DOCOP},
    {"审核", OGI__TK_WORD, OGI__W_DOCOP},
    {"备案", OGI__TK_WORD, OGI__W_DOCOP},
    {"起草", OGI__TK_WORD, OGI__W_DOCOP},
    {"征求意见", OGI__TK_WORD, OGI__W_DOCOP},
    {"合法性", OGI__TK_WORD, OGI__W_DOCOP},
    {"事项", OGI__TK_WORD, OGI__W_ITEMS},
    {"不予受理", OGI__TK_WORD, OGI__W_BLOCK},
    {"答复书", OGI__TK_WORD, OGI__W_BLOCK},
    {"行政复议答复", OGI__TK_WORD, OGI__W_BLOCK},
    {"第", OGI__TK_PRE, P_ORDINAL},
    {"约", OGI__TK_PRE, P_APPROX},
    {"近", OGI__TK_PRE, P_APPROX},
    {"逾", OGI__TK_PRE, P_APPROX},
    {"超过", OGI__TK_PRE, P_APPROX},
    {"件", OGI__TK_UNIT, OGI__U_COUNT},
    {"条", OGI__TK_UNIT, OGI__U_COUNT},
    {"项", OGI__TK_UNIT, OGI__U_COUNT},
    {"个", OGI__TK_UNIT, OGI__U_COUNT},
    {"份", OGI__TK_UNIT, OGI__U_COUNT},
    {"宗", OGI__TK_UNIT, OGI__U_COUNT},
    {"起", OGI__TK_UNIT, OGI__U_COUNT},
    {"篇", OGI__TK_UNIT, OGI__U_COUNT},
    {"个月", OGI__TK_UNIT, OGI__U_OTHER},
    {"个百分点", OGI__TK_UNIT, OGI__U_OTHER},
    {"个小时", OGI__TK_UNIT, OGI__U_OTHER},
    {"个工作日", OGI__TK_UNIT, OGI__U_OTHER},
    {"个季度", OGI__TK_UNIT, OGI__U_OTHER},
    {"个点", OGI__TK_UNIT, OGI__U_OTHER},
    {"个人", OGI__TK_UNIT, OGI__U_OTHER},
    {"元", OGI__TK_UNIT, OGI__U_YUAN},
    {"万元", OGI__TK_UNIT, OGI__U_WAN},
    {"亿元", OGI__TK_UNIT, OGI__U_YI},
    {"万", OGI__TK_UNIT, OGI__UL_MYRIAD},
    {"亿", OGI__TK_UNIT, OGI__UL_MYRIAD},
    {"年", OGI__TK_UNIT, OGI__UL_YEAR},
    {"余", OGI__TK_UNIT, OGI__UL_APPROX},
    {"多", OGI__TK_UNIT, OGI__UL_APPROX},
};

#define LEX_COUNT OGI_ARRAY_LEN(lexicon)
#define LEX_HASH  1024u

/* The lexicon indexed by its entries' first character (the low 10 bits of
 * the code point), built once (a 1 KiB clear and about 80 steps) and only
 * read after. Few characters of a text hit a
 * bucket, and those compare one word before the whole entry. */
struct ogi__narrative_lexidx {
    uint8_t head[LEX_HASH];    /* first entry + 1 of a bucket, 0: empty */
    uint8_t next[LEX_COUNT];   /* next entry + 1 in the bucket */
    uint8_t len[LEX_COUNT];    /* strlen of the entry */
    uint32_t first[LEX_COUNT]; /* its first character's three bytes */
};

/* ---- normalising ------------------------------------------------------ */

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
    /* all ten begin with E4 or E5: most characters are refused here */
    if ((unsigned char)p[0] != 0xE4 && (unsigned char)p[0] != 0xE5)
        return 0;
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
        return ogi_text_has_prefix(s + i, s + n, "、");
    }
    k = cjk_numerals(s, n, &i);
    return k > 0 && k <= 3 && ogi_text_has_prefix(s + i, s + n, "、");
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
    unsigned char c1 = end - p >= 3 ? (unsigned char)p[1] : 0;
    unsigned char c2 = end - p >= 3 ? (unsigned char)p[2] : 0;
    if (c >= 0xE4 && c <= 0xE9 && (c1 & 0xC0) == 0x80 && (c2 & 0xC0) == 0x80) {
        /* a CJK ideograph (U+4000..9FFF): nothing to fold */
        memcpy(f, p, 3);
        *fl = 3;
        return 3;
    }
    if (c == 0xEF &&
        ((c1 == 0xBC && c2 >= 0x81 && c2 <= 0xBF && c2 != 0x8C) ||
         (c1 == 0xBD && c2 >= 0x80 && c2 <= 0x9E))) {
        /* full-width ASCII U+FF01..FF5E but the comma, without decoding */
        f[0] = (char)(c1 == 0xBC ? c2 - 0x60 : c2 - 0x20);
        *fl = 1;
        return 3;
    }
    if (c == 0xE3 && c1 == 0x80 && c2 >= 0x81 && c2 <= 0xBF) {
        /* CJK punctuation but the ideographic space: as is */
        memcpy(f, p, 3);
        *fl = 3;
        return 3;
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

size_t
ogi__narrative_normalise(const char *s, size_t n, char *out)
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
                /* the run's end found first, then copied at once */
                const char *q = p;
                do
                    q += 3;
                while (end - q >= 3 && (unsigned char)*q >= 0xE4 &&
                       (unsigned char)*q <= 0xE9);
                memcpy(o, p, (size_t)(q - p));
                o += q - p;
                p = q;
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
            size_t k = fold_char(p, end, f, &fl);
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

static ogi__narrative_lexidx_t lexidx;
static pthread_once_t lexidx_once = PTHREAD_ONCE_INIT;

static void
lexidx_build(ogi__narrative_lexidx_t *x)
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

void
ogi__narrative_lexer_init(ogi__narrative_lexer_t *lx, ogi_arena_t *arena)
{
    memset(lx, 0, sizeof(*lx));
    lx->arena = arena;
    pthread_once(&lexidx_once, lexidx_build_once);
    lx->idx = &lexidx;
}

/* The longest lexicon entry at s[i..n) (a 3-byte character), or -1. */
static long
lex_lookup(const ogi__narrative_lexidx_t *x, const char *s, size_t n, size_t i)
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

static ogi__narrative_tok_t *
push(ogi__narrative_lexer_t *x, int kind, size_t off, size_t end)
{
    if (x->ntoks == x->cap) {
        size_t cap = x->cap ? x->cap * 2 : 64;
        ogi__narrative_tok_t *t = ogi_arena_grow(
            x->arena, x->toks, x->ntoks * sizeof(*t), cap * sizeof(*t));
        if (!t)
            return NULL;
        x->toks = t;
        x->cap = cap;
    }
    ogi__narrative_tok_t *t = &x->toks[x->ntoks++];
    memset(t, 0, sizeof(*t));
    t->kind = (uint8_t)kind;
    t->off = (uint32_t)off;
    t->end = (uint32_t)end;
    return t;
}

/* The unit (lexicon entry) right at s[i..n), or -1. */
static long
unit_at(const ogi__narrative_lexer_t *x, const char *s, size_t n, size_t i)
{
    if (i + 3 > n || (unsigned char)s[i] < 0xE0 || (unsigned char)s[i] > 0xEF)
        return -1;
    long e = lex_lookup(x->idx, s, n, i);
    return e >= 0 && lexicon[e].kind == OGI__TK_UNIT ? e : -1;
}

/*
 * Reads the number at s[i] (a digit) with its unit into a token and
 * returns the index after them; sets *rc to OGI_ENOMEM when out of memory.
 */
static size_t
lex_number(ogi__narrative_lexer_t *x, const char *s, size_t n, size_t i,
           unsigned depth, unsigned book, int *rc)
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
            if (decimals < OGI__NUM_DECIMALS) {
                frac = frac * 10 + (s[i] - '0');
                decimals++;
            }
            i++;
        }
    }
    int unit = OGI__U_NONE;
    unsigned flags = book ? OGI__NF_BOOK : 0;
    size_t uoff = i, uend = i;
    long e = unit_at(x, s, n, i);
    if (e >= 0 && lexicon[e].arg == OGI__UL_YEAR) {
        if (digits == 4 && decimals == 0 && ip >= 1900 && ip <= 2100) {
            ogi__narrative_tok_t *t = push(x, OGI__TK_YEAR, start, i + 3);
            if (!t) {
                *rc = OGI_ENOMEM;
                return n;
            }
            t->value = ip;
            t->flags = (uint8_t)flags;
            t->depth = (uint8_t)depth;
            return i + 3;
        }
        unit = OGI__U_OTHER;
        uend = i + 3;
    } else {
        if (e >= 0 && lexicon[e].arg == OGI__UL_APPROX) {
            flags |= OGI__NF_APPROX;
            uoff += x->idx->len[e];
            e = unit_at(x, s, n, uoff);
        }
        uend = uoff;
        if (e >= 0 && lexicon[e].arg == OGI__UL_MYRIAD) {
            /* "3.8万件": a rounded figure, never compared */
            long c = unit_at(x, s, n, uoff + 3);
            if (c >= 0 && lexicon[c].arg == OGI__U_COUNT) {
                unit = OGI__U_COUNT;
                flags |= OGI__NF_APPROX;
                uend = uoff + 3 + x->idx->len[c];
            } else {
                unit = OGI__U_OTHER;
            }
        } else if (e >= 0 && lexicon[e].arg <= OGI__U_YI) { /* not 余年 */
            unit = lexicon[e].arg;
            uend = uoff + x->idx->len[e];
        } else if (uoff < n &&
                   ((unsigned char)s[uoff] >= 0x80 || s[uoff] == '%' ||
                    ogi_text_is_alpha((unsigned char)s[uoff]))) {
            unit = OGI__U_OTHER;
        }
    }
    if (digits > NUM_MAX_DIGITS) { /* ip holds only its first digits */
        unit = OGI__U_OTHER;
        ip = 0;
    }
    /* what comes right before: 第3条 is an ordinal, 〔2020〕 a document
     * number, 约/近/逾/超过 an approximation */
    if (x->ntoks > 0 && x->toks[x->ntoks - 1].kind == OGI__TK_PRE &&
        x->toks[x->ntoks - 1].end == start) {
        if (x->toks[x->ntoks - 1].arg == P_ORDINAL)
            unit = OGI__U_OTHER;
        else
            flags |= OGI__NF_APPROX;
    }
    static const int64_t pow10[] = {1, 10, 100, 1000, 10000};
    int64_t v =
        ip * OGI__NUM_SCALE + frac * pow10[OGI__NUM_DECIMALS - decimals];
    size_t next = uend > i ? uend : i;
    ogi__narrative_tok_t *t = push(x, OGI__TK_NUM, start, next);
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

int
ogi__narrative_lex(ogi__narrative_lexer_t *x)
{
    const char *s = x->s;
    size_t n = x->to, i = x->from;
    unsigned depth = 0, book = 0;
    int rc = 0;
    x->ntoks = 0;
    while (i < n && rc == 0) {
        unsigned char c = (unsigned char)s[i];
        ogi__narrative_tok_t *t = NULL;
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
                    kind = OGI__TK_CLAUSE;
                    break;
                case ';':
                case '!':
                case '?':
                    kind = OGI__TK_SENT;
                    break;
                case '\n':
                    kind =
                        i > 0 && s[i - 1] == '.' ? OGI__TK_STOP : OGI__TK_SENT;
                    break;
                case '[':
                    kind = OGI__TK_PRE;
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
            if (kind == OGI__TK_PRE)
                t->arg = P_ORDINAL;
            i++;
            continue;
        }
        if (c >= 0xE0 && c <= 0xEF && n - i >= 3) {
            if (c == 0xE3 && (unsigned char)s[i + 1] == 0x80) {
                switch ((unsigned char)s[i + 2]) {
                    case 0x82: /* 。 */
                        kind = OGI__TK_STOP;
                        break;
                    case 0x81: /* 、 */
                        kind = OGI__TK_LIST;
                        break;
                    case 0x8A: /* 《 */
                        book += book < 255;
                        break;
                    case 0x8B: /* 》 */
                        book -= book > 0;
                        break;
                    case 0x94: /* 〔 */
                    case 0x90: /* 【 */
                        kind = OGI__TK_PRE;
                        break;
                    default:
                        break;
                }
                if (kind && !(t = push(x, kind, i, i + 3)))
                    return OGI_ENOMEM;
                if (kind == OGI__TK_PRE)
                    t->arg = P_ORDINAL;
                i += 3;
                continue;
            }
            if (c == 0xEF && memcmp(s + i, "，", 3) == 0) {
                if (!push(x, OGI__TK_CLAUSE, i, i + 3))
                    return OGI_ENOMEM;
                i += 3;
                continue;
            }
            if (!x->idx->head[lex_hash(s + i)]) { /* most characters */
                i += 3;
                continue;
            }
            long e = lex_lookup(x->idx, s, n, i);
            if (e >= 0 && (lexicon[e].kind == OGI__TK_UNIT ||
                           (book && lexicon[e].kind == OGI__TK_KW))) {
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
