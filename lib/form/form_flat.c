/*
 * form_flat.c - a report saved on one line gets its lines back
 * (form_int.h).
 *
 * Crawlers that normalise a page's text collapse every run of white space
 * to one space: the whole report on one line, table cells' text nodes
 * joined with nothing between them ("…一、总体情况 2023年，… 二、主动公开
 * 政府信息情况第二十条第（一）项信息内容本年制发件数…"), a cell of
 * "&nbsp;" a lone space between its neighbours' digits. The outline and
 * the readers work line by line: a heading that does not start a line is
 * no heading, a table that shares its line with narrative is no table.
 *
 * In a line of at least FLAT_LINE bytes, a line break is put back
 *   - after the title before the first heading ("…年度报告" that a space
 *     or a site's separator follows), so that the agency and year are
 *     read from it;
 *   - before and after a section heading: its ordinal, "、" and the
 *     heading's words as the skeleton prints them (the official title or a
 *     variant: "二、主动公开政府信息情况"), so that "三、本年度办理结果", a
 *     row of Table 3, is not one; or in other words that hold one of the
 *     section's keywords, end at a space, a bracket or a digit, and
 *     follow a space, a value or a sentence's end ("五、存在的主要问题及
 *     整改措施 （一）…");
 *   - before a Table 2 item's heading ("第二十条第（五）项") that a table's
 *     header or row follows ("信息内容", a column or row label of the item):
 *     in a sentence ("根据第二十条第（一）项规定") it stays;
 *   - before Table 3's header ("申请人情况" and a column label after it),
 *     or before the note in brackets that precedes it ("（本列数据的勾稽关系
 *     为：…）");
 *   - before Table 4's header: "行政复议", "行政诉讼" and a column or row
 *     label, as a header row reads run together (the heading's "行政复议、
 *     行政诉讼" has a "、" between them).
 * Words are compared as ogi_text_decode folds them (full width to ASCII),
 * with white space skipped inside them ("三、本年度办 理结果"); the labels
 * are the skeleton's (form_flat_words.c).
 *
 * A table is then read one of two ways (end_table): run together (a label
 * glued to its value, "000", "0049", a placeholder glued to a value), it
 * stays on one line for the run-on reader (read_runon.c), and a lone space
 * before a value (or, in Table 3, before a row's label: a row that ended
 * in empty cells or held nothing else) becomes the no-break space it was,
 * an empty cell; set
 * apart by blanks, each row gets its line (before a row label of the
 * skeleton that a value or the next row follows: a label quoted in a
 * sentence is followed by more words), Table 4's values a line apart from
 * its header, blanks between cells become tabs and a blank inside one of
 * the table's words goes, for the row reader. A text with fewer than
 * MIN_BREAKS breaks is left as it is.
 *
 * The view gets its edits (a '\n' put in, a space written as U+00A0 or a
 * tab, or dropped); its map is the old one composed with them, so that
 * spans still point into the raw bytes. One pass over the text and one
 * over each table, a bounded number of word comparisons at each
 * character: linear.
 */
#define _GNU_SOURCE /* memrchr */
#include "ogi_int.h"

#include <stddef.h>
#include <string.h>

#include "form_flat_int.h"
#include "form_int.h"
#include "ogi/error.h"
#include "ogi/skeleton.h"
#include "ogi/text.h"

/* ---- where the breaks go ---- */

/* How many bytes back from its end a title may start (40 characters). */
#define TITLE_BACK 120

/*
 * A report's title ending at p ("…2023年政府信息公开工作年度报告"): "报告"
 * or "年报" at p that a space, the end or a site's separator ("_", "-",
 * "|") follows, after words since the last space (or from) that name
 * the disclosure ("信息公开") within TITLE_BACK bytes. Its start in *x0,
 * its end in *q.
 */
static int
title_at(const char *s, size_t from, size_t p, size_t e, size_t *x0, size_t *q)
{
    size_t n;
    if (ogi_text_has_prefix(s + p, s + e, "报告"))
        n = strlen("报告");
    else if (ogi_text_has_prefix(s + p, s + e, "年报"))
        n = strlen("年报");
    else
        return 0;
    size_t x = p + n;
    if (x < e && s[x] != ' ' && s[x] != '_' && s[x] != '-' && s[x] != '|')
        return 0;
    size_t lo = p - from > TITLE_BACK ? p - TITLE_BACK : from, st = p;
    while (st > lo && s[st - 1] != ' ')
        st--;
    if (st == lo && st != from)
        return 0; /* longer than a title */
    if (!ogi_text_find_in(s + st, s + p, "信息公开"))
        return 0;
    *x0 = st;
    *q = x;
    return 1;
}

/* How many characters a heading's words run to at most. */
#define HEADING_CHARS 24

/*
 * A heading of section id in words the skeleton does not list ("五、存在的
 * 主要问题及整改措施"): its ordinal and "、" at p, after the text's start,
 * a space, a value or the end of a sentence (not inside one), then words
 * up to a space, a bracket, a digit or punctuation within HEADING_CHARS
 * characters that hold one of the section's keywords. Its end in *q.
 */
static int
other_heading(const char *s, size_t a, size_t p, size_t e, ogi_section_id_t id,
              size_t *q)
{
    const ogi_skel_section_t *sec = ogi_skeleton_section(id);
    size_t ol = strlen(sec->ordinal);
    if (!ogi_text_has_prefix(s + p, s + e, sec->ordinal) ||
        !ogi_text_has_prefix(s + p + ol, s + e, "、"))
        return 0;
    if (p > a) {
        unsigned char c = (unsigned char)s[p - 1];
        if (!(c == ' ' || ogi_text_is_digit(c) || c == '-' || c == '/' ||
              ogi_text_has_suffix(s + a, s + p, "。") ||
              ogi_text_has_suffix(s + a, s + p, "\xC2\xA0") ||
              ogi_text_has_suffix(s + a, s + p, "　")))
            return 0;
    }
    size_t w = p + ol + strlen("、"), x = w;
    for (size_t chars = 0; x < e && chars < HEADING_CHARS; chars++) {
        size_t l;
        uint32_t cp;
        int f = ogi__flat_fold_at(s, x, e, &l, &cp);
        if (f == -2 || f == '(' || f == ',' || f == ':' || f == ';' ||
            cp == 0x3002 || cp == 0x3001 || (cp < 0x80 && cp != '*'))
            break;
        x += l;
    }
    if (x == w || (x < e && ogi__flat_skip_space(s, x, e) == x &&
                   !(s[x] == '(' || ogi_text_has_prefix(s + x, s + e, "（") ||
                     ogi_text_is_digit((unsigned char)s[x]))))
        return 0; /* no words, or words that run on: a sentence */
    for (size_t k = 0; sec->keywords[k]; k++)
        if (ogi_text_find_in(s + w, s + x, sec->keywords[k])) {
            *q = x;
            return 1;
        }
    return 0;
}

/* How many bytes back from Table 3's header its bracketed note may begin,
 * and how far "勾稽关系" may lie inside it. */
#define NOTE_BACK  240
#define NOTE_OPEN  60
#define FLAT_LINE  1000
#define MIN_BREAKS 2
/* A report has some dozens of lines to give back; a text with thousands
 * of headings or table headers is no report, and its lines would only
 * cost the readers time: no more breaks than this. */
#define MAX_BREAKS 2048
/* digits no one cell holds: Table 4's fifteen cells, Table 3's seven */
#define GLUED_RUN 11

typedef struct {
    ogi_arena_t *arena;
    uint32_t *at; /* view offsets a '\n' goes before, ascending */
    size_t n, cap;
    uint32_t *sp; /* view offsets of spaces to rewrite (SP_*: the kind in
                     the top two bits), ascending */
    size_t nsp, capsp;
    size_t grow; /* bytes the rewritten spaces add */
    int oom;
    size_t from; /* the current line's start: the last break or the line's */
} breaks_t;

/* What becomes of a space: U+00A0 (an empty cell of a table run
 * together), nothing (inside a label cut in two), a tab (between two
 * cells of a table set apart by blanks). */
#define SP_NBSP (0u << 30)
#define SP_DROP (1u << 30)
#define SP_TAB  (2u << 30)
#define SP_KIND (3u << 30)

/* Appends x to the list *a (n entries, room for *cap). */
static void
push(breaks_t *b, uint32_t **a, size_t *n, size_t *cap, size_t x)
{
    if (b->oom)
        return;
    if (*n == *cap) {
        size_t c = *cap ? 2 * *cap : 64;
        uint32_t *p =
            ogi_arena_grow(b->arena, *a, *cap * sizeof(*p), c * sizeof(*p));
        if (!p) {
            b->oom = 1;
            return;
        }
        *a = p;
        *cap = c;
    }
    (*a)[(*n)++] = (uint32_t)x;
}

/* A row's break (in b->at's top bit): undone when its table turns out to
 * be run together. */
#define BRK_ROW (1u << 31)

/* A break before s[x] (a row's: row), unless only white space lies
 * between the line's start and x, or between x and the line's end e. */
static void
put_break(breaks_t *b, const char *s, size_t x, size_t e, int row)
{
    if (b->oom || b->n >= MAX_BREAKS ||
        ogi__flat_skip_space(s, b->from, e) >= x ||
        ogi__flat_skip_space(s, x, e) >= e)
        return;
    push(b, &b->at, &b->n, &b->cap, x | (row ? BRK_ROW : 0));
    b->from = x;
}

/* Where Table 3's header at p really starts: at the "（" of the note
 * before it when "勾稽关系" lies in the NOTE_BACK bytes before p (and
 * after the line's start). */
static size_t
note_start(const char *s, size_t from, size_t p)
{
    size_t lo = p - from > NOTE_BACK ? p - NOTE_BACK : from;
    const ogi__flat_word_t *w = &ogi__flat_lexicon()->t3_note.w[0];
    const char *k = NULL;
    for (const char *x = s + lo; (x = ogi_text_find_in(x, s + p, w->s)) != NULL;
         x++)
        k = x;
    if (!k)
        return p;
    size_t ko = (size_t)(k - s);
    size_t open = ko - from > NOTE_OPEN ? ko - NOTE_OPEN : from;
    const char *o = NULL;
    for (const char *x = s + open; x < s + ko; x++)
        if (*x == '(' || (s + ko - x >= 3 && memcmp(x, "（", 3) == 0))
            o = x;
    return o ? (size_t)(o - s) : p;
}

/* 1 when what follows a row label at s[q..e) is the row's: a value, a
 * placeholder ("-", "/", "无", "不适用"), the end, or the next row's label
 * (a group row: "（三）不予公开1.属于国家秘密"). In a sentence the label
 * is followed by more words. */
static int is_value_at(const char *s, size_t q, size_t e);

static int
row_follows(const char *s, size_t q, size_t e, const ogi__flat_words_t *rows)
{
    q = ogi__flat_skip_space(s, q, e);
    size_t x;
    return q >= e || is_value_at(s, q, e) ||
           ogi__flat_match_any(s, q, e, rows, &x);
}

/* 1 when s[q] starts a value: a digit or a placeholder mark. */
static int
is_value_at(const char *s, size_t q, size_t e)
{
    static const char *const marks[] = {"无", "不适用", "—", "－", "／"};
    if (q >= e)
        return 0;
    unsigned char c = (unsigned char)s[q];
    if (ogi_text_is_digit(c) || c == '-' || c == '/' || c == '*')
        return 1;
    for (size_t i = 0; i < OGI_ARRAY_LEN(marks); i++)
        if (ogi_text_has_prefix(s + q, s + e, marks[i]))
            return 1;
    return 0;
}

/*
 * The table the scan is in: its rows' breaks wait until the table ends.
 * A table whose values are glued to their labels ("行政许可2629") is a
 * crawler's run-on text that the run-on reader reads whole on one line;
 * only a table whose cells are all set apart by blanks gets a line per
 * row (and Table 4 its values apart from its header), for the row reader.
 */
typedef struct {
    const ogi__flat_words_t *rows; /* its row labels; NULL in Table 4 or none */
    const ogi__flat_words_t *const *words; /* all its labels, NULL-terminated */
    int in;                                /* inside a table */
    int t4;       /* Table 4: its values follow its header */
    int nbsp;     /* a lone space before a value is an empty cell */
    size_t start; /* where it starts in the view */
    size_t first; /* index of its first row break in b->at */
    size_t glued; /* labels with a value glued to them */
    size_t line;  /* the line's start */
} table_t;

/* 1 when s[a..e) shows cells run together: a digit run that starts with
 * a 0 and goes on ("000", "0049": no cell is printed so), a digit run no
 * cell holds, or a value glued to a placeholder mark after it ("000—"). */
static int
values_glued(const char *s, size_t a, size_t e)
{
    size_t run = 0;
    for (size_t i = a; i < e; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!ogi_text_is_digit(c)) {
            if (run && (c == '-' || c == '/' ||
                        ogi_text_has_prefix(s + i, s + e, "—") ||
                        ogi_text_has_prefix(s + i, s + e, "－") ||
                        ogi_text_has_prefix(s + i, s + e, "增") ||
                        ogi_text_has_prefix(s + i, s + e, "减")))
                return 1;
            run = 0;
            continue;
        }
        int starts = run == 0 && (i == a || s[i - 1] != '.');
        if (++run >= GLUED_RUN)
            return 1;
        if (starts && c == '0' && i + 1 < e &&
            ogi_text_is_digit((unsigned char)s[i + 1]))
            return 1;
    }
    return 0;
}

/* The end of the longest of the table's words at s[p..end), or p. */
static size_t
table_word(const table_t *tb, const char *s, size_t p, size_t end)
{
    size_t q = p, x;
    for (size_t k = 0; tb->words[k]; k++)
        if (ogi__flat_match_any(s, p, end, tb->words[k], &x) && x > q)
            q = x;
    return q;
}

/* 1 when the space at s[i] is where a row's line ends (a break at i + 1:
 * the breaks from *k on are looked at, *k moved). */
static int
before_break(const breaks_t *b, size_t *k, size_t i)
{
    while (*k < b->n && (b->at[*k] & ~BRK_ROW) <= i)
        (*k)++;
    return *k < b->n && (b->at[*k] & ~BRK_ROW) == i + 1;
}

/*
 * Ends the table at view offset end, and rewrites its lone spaces:
 *   - a table run together (values glued to their labels or to each
 *     other) stays on one line, read whole by the run-on reader; a lone
 *     space before a value there (Tables 3 and 4, whose arithmetic checks
 *     the guess) is what a cell's "&nbsp;" became when the
 *     crawler collapsed white space ("1.属于国家秘密 0000 00 0"): it is
 *     written back as a no-break space, which that reader takes for an
 *     empty cell;
 *   - in a table whose cells are all set apart by blanks, each row has
 *     its line; a blank inside one of the table's words is a line break
 *     that cut a cell's label ("本年制 发件数") and goes, every other blank
 *     is a cell's edge and becomes a tab, so that the row reader takes
 *     labels with spaces in them whole. A blank after a sign word ("减 3")
 *     stays: the word and the number are one cell.
 */
static void
end_table(breaks_t *b, table_t *tb, const char *s, size_t end)
{
    if (!tb->in)
        return;
    tb->in = 0;
    if (!tb->glued && values_glued(s, tb->start, end))
        tb->glued = 1;
    if (tb->glued) {
        /* run together: the rows stay on one line */
        size_t w = tb->first;
        for (size_t r = tb->first; r < b->n; r++)
            if (!(b->at[r] & BRK_ROW))
                b->at[w++] = b->at[r];
        b->n = w;
        b->from = b->n && (b->at[b->n - 1] & ~BRK_ROW) > tb->line
                      ? (b->at[b->n - 1] & ~BRK_ROW)
                      : tb->line;
    }
    size_t k = tb->first, word_end = tb->start;
    for (size_t i = tb->start; i + 1 < end && !b->oom; i++) {
        if (!tb->glued && i >= word_end && (unsigned char)s[i] >= 0x80 &&
            ((unsigned char)s[i] & 0xC0) != 0x80)
            word_end = table_word(tb, s, i, end);
        if (i == tb->start || s[i] != ' ' || s[i - 1] == ' ' ||
            s[i + 1] == ' ' || before_break(b, &k, i))
            continue;
        uint32_t kind;
        if (tb->glued) {
            /* before a value, or before a row's label (the row before
             * ended in empty cells, or was all of them: "3 （三）",
             * "2.其他法律行政法规禁止公开 3.危及") */
            size_t x;
            if (!tb->nbsp || !(is_value_at(s, i + 1, end) ||
                               (tb->rows && ogi__flat_match_any(s, i + 1, end,
                                                                tb->rows, &x))))
                continue;
            kind = SP_NBSP;
        } else if (i < word_end) {
            kind = SP_DROP;
        } else if (i >= 3 && (memcmp(s + i - 3, "增", 3) == 0 ||
                              memcmp(s + i - 3, "减", 3) == 0)) {
            continue;
        } else {
            kind = SP_TAB;
        }
        push(b, &b->sp, &b->nsp, &b->capsp, i | kind);
        b->grow += kind == SP_NBSP;
    }
    tb->rows = NULL;
    tb->words = NULL;
}

static void
begin_table(breaks_t *b, table_t *tb, const char *s, size_t p,
            const ogi__flat_words_t *rows,
            const ogi__flat_words_t *const *words, int t4, int nbsp)
{
    end_table(b, tb, s, p);
    tb->in = 1;
    tb->rows = rows;
    tb->words = words;
    tb->nbsp = nbsp;
    tb->t4 = t4;
    tb->start = p;
    tb->first = b->n;
    tb->glued = 0;
}

/* The breaks of line s[a..e). */
/* The bit of the first character of str, folded, as
 * ogi__flat_match_any tests a place's. */
static uint64_t
first_bit(const char *str)
{
    size_t l;
    uint32_t cp;
    int f = ogi__flat_fold_at(str, 0, strlen(str), &l, &cp);
    return (uint64_t)1 << ((f > 0 ? (uint32_t)f : cp) & 63);
}

static void
line_breaks(breaks_t *b, const char *s, size_t a, size_t e)
{
    b->from = a;
    int next = 0; /* headings come in order: the next one looked for */
    const ogi__flat_lexicon_t *L = ogi__flat_lexicon();
    const ogi__flat_words_t *const t2_words[] = {&L->t2_items, &L->t2_next,
                                                 NULL};
    const ogi__flat_words_t *const t3_words[] = {&L->t3_head, &L->t3_next,
                                                 &L->t3_rows, NULL};
    const ogi__flat_words_t *const t4_words[] = {&L->t4_review, &L->t4_suit,
                                                 &L->t4_next, NULL};
    table_t tb = {.line = a};
    /* the first characters of what may start at a place, a bit each as
     * ogi__flat_match_any tests them: a place whose character is none of
     * them starts nothing (most of a line's) */
    uint64_t fixed = L->t2_items.firsts | L->t3_head.firsts |
                     L->t4_review.firsts;
    uint64_t title = first_bit("报") | first_bit("年");
    uint64_t heads_from[OGI_SEC_COUNT + 1] = {0};
    for (int k = OGI_SEC_COUNT - 1; k >= 0; k--) {
        const char *ord = ogi_skeleton_section((ogi_section_id_t)k)->ordinal;
        heads_from[k] = heads_from[k + 1] | L->heads[k].firsts |
                        first_bit(*ord ? ord : "、");
    }
    for (size_t p = a; p < e && !b->oom;) {
        size_t l, q, x0;
        uint32_t cp;
        int f = ogi__flat_fold_at(s, p, e, &l, &cp);
        if (tb.in && tb.t4 && is_value_at(s, p, e)) {
            /* Table 4's first value: its header ends here */
            if (p > a && s[p - 1] != ' ')
                tb.glued++;
            put_break(b, s, p, e, 1);
            tb.t4 = 0;
        }
        if (f == -2 || f == -1 ||
            (cp < 0x80 && cp != '(' && !ogi_text_is_digit((int)cp)) ||
            (f > 0 && f != '(')) {
            /* the words start with a CJK character, a bracket or a digit
             * (the numbering "（一）", "1.") */
            p += l;
            continue;
        }
        uint64_t want = fixed | heads_from[next] | (next == 0 ? title : 0) |
                        (tb.rows ? tb.rows->firsts : 0);
        if (!(want >> ((f > 0 ? (uint32_t)f : cp) & 63) & 1)) {
            p += l;
            continue;
        }
        if (next == 0 && title_at(s, b->from, p, e, &x0, &q)) {
            /* the title before the first heading: a line of its own */
            put_break(b, s, x0, e, 0);
            put_break(b, s, ogi__flat_skip_space(s, q, e), e, 0);
            p = q;
            continue;
        }
        int hit = 0;
        for (int k = next; k < OGI_SEC_COUNT && !hit; k++)
            if (ogi__flat_match_any(s, p, e, &L->heads[k], &q) ||
                other_heading(s, a, p, e, (ogi_section_id_t)k, &q)) {
                end_table(b, &tb, s, p);
                put_break(b, s, p, e, 0);
                put_break(b, s, ogi__flat_skip_space(s, q, e), e, 0);
                next = k + 1;
                hit = 1;
            }
        if (hit) {
            p = q;
            continue;
        }
        if (ogi__flat_match_then(s, p, e, &L->t2_items, &L->t2_next, &q)) {
            /* Table 2's items are read as one region: one table here */
            /* its lone spaces stay: no arithmetic ties its cells, and a
             * space there is as often the page's own as a blank cell's */
            if (tb.words != t2_words)
                begin_table(b, &tb, s, p, &L->t2_rows, t2_words, 0, 1);
            put_break(b, s, p, e, 0);
        } else if (ogi__flat_match_then(s, p, e, &L->t3_head, &L->t3_next,
                                        &q)) {
            size_t ns = note_start(s, b->from, p);
            end_table(b, &tb, s, ns);
            put_break(b, s, ns, e, 0);
            begin_table(b, &tb, s, ns, &L->t3_rows, t3_words, 0, 1);
        } else if (ogi__flat_match_then(s, p, e, &L->t4_review, &L->t4_suit,
                                        &q) &&
                   ogi__flat_match_any(s, ogi__flat_skip_space(s, q, e), e,
                                       &L->t4_next, &q)) {
            end_table(b, &tb, s, p);
            put_break(b, s, p, e, 0);
            /* its rows are printed as columns: no row breaks */
            begin_table(b, &tb, s, p, NULL, t4_words, 1, 1);
        } else if (tb.rows && ogi__flat_match_any(s, p, e, tb.rows, &q) &&
                   row_follows(s, q, e, tb.rows)) {
            put_break(b, s, p, e, 1);
            if (is_value_at(s, q, e))
                tb.glued++;
        } else {
            p += l;
            continue;
        }
        p = q;
    }
    end_table(b, &tb, s, e);
}

/* ---- the new view ---- */

typedef struct {
    ogi_text_shift_t *map;
    size_t n, cap;
} map_t;

/* Notes that new offset norm comes from raw offset raw: an entry unless
 * the last one already says so; one at the same offset is replaced. */
static void
mark(map_t *m, uint32_t norm, uint32_t raw)
{
    if (m->n && m->map[m->n - 1].norm == norm)
        m->n--; /* said again for the same offset: the later one holds */
    uint32_t n0 = m->n ? m->map[m->n - 1].norm : 0;
    uint32_t r0 = m->n ? m->map[m->n - 1].raw : 0;
    if (r0 + (norm - n0) == raw)
        return;
    if (OGI_ALWAYS(m->n < m->cap))
        m->map[m->n++] = (ogi_text_shift_t){norm, raw};
}

int
ogi__form_unflatten(ogi_arena_t *arena, ogi__view_t *v)
{
    const char *s = v->s;
    breaks_t b = {.arena = arena};
    /* the lines of FLAT_LINE bytes or more: a line break among the
     * FLAT_LINE bytes from a line's start says that the line, and every
     * one starting before that break, is shorter, so most of the text is
     * passed over without finding each line */
    for (size_t a = 0; v->len - a >= FLAT_LINE;) {
        const char *nl = memrchr(s + a, '\n', FLAT_LINE);
        if (nl) {
            a = (size_t)(nl - s) + 1;
            continue;
        }
        nl = memchr(s + a + FLAT_LINE, '\n', v->len - a - FLAT_LINE);
        size_t e = nl ? (size_t)(nl - s) : v->len;
        line_breaks(&b, s, a, e);
        a = e + 1;
        if (a > v->len)
            break;
    }
    if (b.oom)
        return OGI_ENOMEM;
    if (b.n < MIN_BREAKS || v->len + b.n + b.grow > UINT32_MAX - 1 ||
        v->len >= (1u << 30))
        return 0;

    char *out = ogi_arena_alloc(arena, v->len + b.n + b.grow + 1);
    map_t m = {.cap = v->nmap + 2 * (b.n + b.nsp) + 2};
    m.map = ogi_arena_alloc(arena, m.cap * sizeof(*m.map));
    if (!out || !m.map)
        return OGI_ENOMEM;
    /* the old map's entries and the edits, in view order: a break at x
     * (nothing replaced) before an entry at x; a space at x (replaced or
     * dropped) after it */
    size_t i = 0, k = 0, j = 0, o = 0, prev = 0;
    ptrdiff_t grow = 0;
    while (i < v->nmap || k < b.n || j < b.nsp) {
        size_t xb = k < b.n ? (b.at[k] & ~BRK_ROW) : SIZE_MAX;
        size_t xs = j < b.nsp ? (b.sp[j] & ~SP_KIND) : SIZE_MAX;
        int brk = xb < xs;
        size_t x = brk ? xb : xs, del = brk ? 0 : 1;
        if (i < v->nmap && (x == SIZE_MAX || x + del > v->map[i].norm)) {
            mark(&m, (uint32_t)((ptrdiff_t)v->map[i].norm + grow),
                 v->map[i].raw);
            i++;
            continue;
        }
        memcpy(out + o, s + prev, x - prev);
        o += x - prev;
        mark(&m, (uint32_t)o, ogi__view_raw(v, x));
        if (brk) {
            out[o++] = '\n';
            grow++;
            k++;
        } else {
            switch (b.sp[j] & SP_KIND) {
                case SP_NBSP:
                    out[o++] = '\xC2';
                    out[o++] = '\xA0';
                    grow++;
                    break;
                case SP_DROP:
                    grow--;
                    break;
                default:
                    out[o++] = '\t';
                    break;
            }
            j++;
        }
        prev = x + del;
        mark(&m, (uint32_t)o, ogi__view_raw(v, prev));
    }
    memcpy(out + o, s + prev, v->len - prev);
    o += v->len - prev;
    out[o] = '\0';
    /* the end of the view is the end of the raw bytes */
    mark(&m, (uint32_t)o, ogi__view_raw(v, v->len));
    v->s = out;
    v->len = o;
    v->map = m.map;
    v->nmap = m.n;
    return 0;
}
