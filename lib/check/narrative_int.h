/*
 * narrative_int.h - the narrative checks (README rules C8, N1-N6).
 *
 * Numbers are read from the sections' text sentence by sentence and
 * compared with the tables (N1-N6) or with their own stated totals (C8).
 * Real narratives group things differently from the tables, so these give
 * warnings only, and only when the phrase is unambiguous; each finding
 * quotes its sentence. Private to lib/.
 *
 * Three files: narrative_lex.c normalises a section's text and turns a
 * sentence into tokens, narrative_table.c reads what the tables say for
 * each keyword group, narrative.c checks the tokens against them. What
 * they share is declared here.
 */
#ifndef OGI_NARRATIVE_INT_H
#define OGI_NARRATIVE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "ogi/arena.h"
#include "ogi/report.h"

/* Runs C8 and N1-N6 on report, appending findings. Returns 0 or
 * OGI_ENOMEM. */
int ogi__narrative_check(ogi_report_t *report);

/* ---- shared by the three files ---- */

/* Numbers read from the text are kept as value * OGI__NUM_SCALE. */
#define OGI__NUM_SCALE    10000
#define OGI__NUM_DECIMALS 4

/* Unit of a number. */
enum {
    OGI__U_NONE = 0, /* followed by punctuation, a space or the end */
    OGI__U_OTHER, /* 年 月 日 % 次 期 人 个工作日 ...: not a count */
    OGI__U_COUNT, /* 件 条 项 个 份 宗 起 篇 */
    OGI__U_YUAN,  /* 元 */
    OGI__U_WAN,   /* 万元 */
    OGI__U_YI,    /* 亿元 */
    /* read only while lexing a number */
    OGI__UL_YEAR,   /* 年 */
    OGI__UL_APPROX, /* 余, 多 */
    OGI__UL_MYRIAD, /* 万, 亿 before a count */
};

/* Whether unit u makes a number a quantity: a count or an amount. */
#define OGI__U_QUANTITY(u) ((u) >= OGI__U_COUNT && (u) <= OGI__U_YI)

/* Token kinds. */
enum {
    OGI__TK_KW = 1, /* keyword of a check: arg = group */
    OGI__TK_WORD,   /* marker word: arg = OGI__W_* */
    OGI__TK_NUM,    /* number: arg = OGI__U_* */
    OGI__TK_YEAR,   /* "2020年": value = the year */
    OGI__TK_CLAUSE, /* ',' */
    OGI__TK_LIST,   /* '、': bounds a clause for topic keywords only */
    OGI__TK_SENT,   /* ';' '!' '?' a kept line break: ends an N sentence */
    OGI__TK_STOP,   /* '。' or a line-final '.': ends every sentence */
    OGI__TK_PRE,    /* what may qualify a number that follows: arg = P_*
                       (narrative_lex.c) */
    OGI__TK_UNIT,   /* lexicon only: a unit after a number, arg = OGI__U_* */
};

/* Marker words (OGI__TK_WORD arg, bits). */
#define OGI__W_APPLY     0x01u /* 申请 */
#define OGI__W_QIZHONG   0x02u /* 其中 */
#define OGI__W_SCOPE     0x04u /* 本级, 部门...: the clause is about a part */
#define OGI__W_CHANGE    0x08u /* 增加, 同比...: the number is a change */
#define OGI__W_OTHERYEAR 0x10u /* 上年, 去年, 明年...: about another year */
#define OGI__W_RATE      0x20u /* 率, 期限, 工作日: not a count */
#define OGI__W_DOCOP     0x40u /* 解读, 清理, 审查...: work on documents */
#define OGI__W_BLOCK     0x80u /* 不予受理, 答复书...: hides a keyword */
#define OGI__W_ITEMS     0x100u /* 事项: a catalogue of items, not decisions */

/* Number flags. */
#define OGI__NF_APPROX 0x01u /* 约/近/逾/超过 before, 余/多 or 万件 after */
#define OGI__NF_BOOK   0x02u /* inside 《》: part of a title */

/* A token of the normalised text. */
typedef struct {
    uint8_t kind;     /* OGI__TK_* */
    uint16_t arg;     /* group, OGI__W_*, P_* or OGI__U_* */
    uint8_t flags;    /* a number or a year: OGI__NF_* */
    uint8_t depth;    /* parenthesis depth */
    uint8_t decimals; /* a number: digits after the point (at most 4) */
    uint32_t off;     /* first byte in the normalised text */
    uint32_t end;     /* one past the last byte (a number: with its unit) */
    uint32_t uoff;    /* a number: first byte of the unit */
    int64_t value;    /* a number: value * OGI__NUM_SCALE; a year: the year */
} ogi__narrative_tok_t;

/* The checks' keyword groups. */
enum {
    OGI__G_RECEIVED = 0, /* N1 */
    OGI__G_ANSWERED,     /* N2 */
    OGI__G_FORWARD,      /* N3 */
    OGI__G_REVIEW,       /* N4 */
    OGI__G_SUIT,         /* N5 */
    OGI__G_NORMATIVE,    /* N6 规范性文件 */
    OGI__G_LICENSE,      /* N6 行政许可 */
    OGI__G_PENALTY,      /* N6 行政处罚 */
    OGI__G_COERCION,     /* N6 行政强制 */
    OGI__G_FEES,         /* N6 行政事业性收费 */
    OGI__G_PROJECTS,     /* N6 采购项目 */
    OGI__G_AMOUNT,       /* N6 采购金额 */
    OGI__G_SERVICES, /* 其他对外管理服务事项: no check, only a boundary */
    OGI__G_COUNT
};

/* ---- narrative_lex.c ---- */

/* The lexicon's index (narrative_lex.c), built once and never written
 * after. */
typedef struct ogi__narrative_lexidx ogi__narrative_lexidx_t;

/* A lexer over one section's normalised text, a sentence at a time. */
typedef struct {
    ogi_arena_t *arena;                 /* where toks grows */
    const ogi__narrative_lexidx_t *idx; /* the lexicon's index */
    ogi__narrative_tok_t *toks;         /* tokens of s[from..to) */
    size_t ntoks;
    size_t cap;
    const char *s; /* normalised text of the current section */
    size_t len;
    size_t from; /* the part of s lexed into toks: one sentence */
    size_t to;
} ogi__narrative_lexer_t;

/*
 * Normalises s[0..n) into out (never longer): full-width ASCII folded,
 * dashes to '-', page-number lines dropped, whitespace removed where it
 * touches a non-ASCII character or the ends, one space kept between ASCII
 * characters, and a line break kept as '\n' only where it ends a sentence
 * (after a line-final '.', or before a list marker). Returns the length
 * written; out is not NUL-terminated.
 */
size_t ogi__narrative_normalise(const char *s, size_t n, char *out);

/* Sets lx up to lex with tokens allocated in arena (builds the lexicon's
 * index on first use). lx->s, len, from and to are the caller's to set.
 * Thread-safe. */
void ogi__narrative_lexer_init(ogi__narrative_lexer_t *lx, ogi_arena_t *arena);

/* Turns lx->s[from..to) into lx->toks (replacing what was there). Returns
 * 0 or OGI_ENOMEM. */
int ogi__narrative_lex(ogi__narrative_lexer_t *lx);

/* ---- narrative_table.c ---- */

/* What the tables say for one group. */
typedef struct {
    int on;          /* the table cell is a number: compare */
    int amount;      /* compares amounts (元) rather than counts */
    int64_t vals[4]; /* counts that pass, * OGI__NUM_SCALE */
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
} ogi__narrative_gval_t;

/* Sets, for every keyword group, the table values its figures are
 * compared with (g[i].on stays 0 when the cell is not a number). */
void ogi__narrative_load_tables(const ogi_report_t *r,
                                ogi__narrative_gval_t g[OGI__G_COUNT]);

/* Writes the group's table figures for a message into buf; returns buf. */
char *ogi__narrative_describe(const ogi__narrative_gval_t *g, char *buf,
                              size_t size);

/* Writes v (scaled by OGI__NUM_SCALE) without trailing zeros into buf;
 * returns buf. */
char *ogi__narrative_fmt_num(int64_t v, char *buf, size_t size);

#endif /* OGI_NARRATIVE_INT_H */
