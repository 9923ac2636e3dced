/*
 * outline.c - section headings and table regions of a report's text.
 *
 * Headings and anchors are looked for in clean text, whatever markup the
 * form wrapped them in: a Markdown heading (## 一、总体情况), bold
 * (**一、**), html2text's ***** 三、… *****, a table's bars (| 四、…,
 * │行政复议). Inside a drawn table (box characters, an ASCII grid, pipes,
 * HTML <table> markup) a cell's text may wrap over several lines, so those
 * tables are read by their reader first and the anchors looked for in each
 * row's joined labels.
 */
#include "ogi_int.h"

#include <assert.h>
#include <pthread.h>
#include <string.h>

#include "outline_int.h"
#include "reader_int.h"
#include "swar_int.h"

/* Per-line anchor flags, found in the one pass over the text. */
#define A_T2 0x1u /* "第二十条" item heading */
#define A_T3 0x2u /* "勾稽关系" / "申请人情况" / first Table 3 row */
#define A_T4 0x4u /* a "行政复议" header line */

/* What a Table 4 header line starts with. */
#define T4_WORD "行政复议"

/* The words that make a line an anchor of Table 2 (the first NT2) or
 * Table 3 (the others), searched together first. */
static const char *const anchor_words[] = {"第二十条", "勾稽关系", "申请人情况",
                                           "本年新收政府信息公开申请"};
#define NT2 1
#define T2_WORDS anchor_words
#define NT3 (OGI_ARRAY_LEN(anchor_words) - NT2)
#define T3_WORDS (anchor_words + NT2)

/* Two characters of each of anchor_words, then of T4_WORD, by their
 * place in the word (every character of these words is three bytes of
 * UTF-8), the least common in a report's tables: a text lacking either
 * cannot hold the word (block_bits). Read from the words themselves, a
 * tell stays one of its word's characters when the word changes. */
static const unsigned char tell_at[][2] = {
    {2, 3}, {0, 1}, {4, 0}, {2, 3}, {2, 3}}; /* 十条 勾稽 况申 新收 复议 */
_Static_assert(OGI_ARRAY_LEN(tell_at) == OGI_ARRAY_LEN(anchor_words) + 1,
               "two characters of each anchor word and of T4_WORD");

/*
 * Sets bits[k] in mark[l] for every line l of t whose squeezed text holds
 * words[k] of words[0..n) (at most eight, no two starting alike): one
 * search over the whole text for all of them instead of one per line
 * (most lines hold none of the anchor words).
 */
static void
mark_lines(const ogi_text_t *t, const char *const *words, size_t n,
           unsigned char *mark, const unsigned char *bits)
{
    const ogi_squeezed_t *q = &t->sq;
    const char *p = q->s, *end = q->s + q->len;
    size_t l = 0, ml;
    while ((p = ogi_text_find_any(p, end, words, n, &ml)) != NULL) {
        size_t x = (size_t)(p - q->s);
        while (l + 1 < t->nlines && q->line[l + 1] <= x)
            l++;
        if (l < t->nlines && x + ml <= q->line[l + 1]) {
            /* which word: the one of its length starting there */
            size_t k = 0;
            while (k + 1 < n &&
                   !(strlen(words[k]) == ml && memcmp(p, words[k], ml) == 0))
                k++;
            mark[l] |= bits[k];
        }
        p++;
    }
}

/* Anchor flags of a line buf[0..n) (squeezed, at most a buffer's worth
 * of it); maybe is zero when the line holds none of the anchor words,
 * else A_T2 and A_T3 for Table 2's and Table 3's words it holds when
 * known (buf is the line's squeezed text whole but for markup at its
 * ends, which cuts no word), else any bits (buf is then searched).
 * whole[0..wn) is the whole line, for how dense with figures it is (a
 * table run together on one line may open with a header of a few hundred
 * bytes and no figure), or NULL when buf is all of it. */
static unsigned
anchors(const char *buf, size_t n, unsigned maybe, int known, const char *whole,
        size_t wn)
{
    int t2 = 0, t3 = 0;
    if (known) {
        t2 = (maybe & A_T2) != 0;
        t3 = !t2 && (maybe & A_T3) != 0;
    }
    for (size_t i = 0; !known && maybe && i < NT2 && !t2; i++)
        t2 = ogi_text_find(buf, n, T2_WORDS[i]) != NULL;
    for (size_t i = 0; !known && maybe && !t2 && i < NT3 && !t3; i++)
        t3 = ogi_text_find(buf, n, T3_WORDS[i]) != NULL;
    int t4 = ogi_text_has_prefix(buf, buf + n, T4_WORD);
    if (!t2 && !t3 && !t4)
        return 0;
    size_t chars = ogi_text_count_chars(buf, buf + n);
    int full_stop = ogi_text_find(buf, n, "。") != NULL;
    if (chars > 150) {
        /* a paragraph, not a table line; unless it is a whole table run
         * together on one line, as a crawler saves it: no full stop and
         * dense with figures */
        const char *d = whole ? whole : buf;
        size_t dn = whole ? wn : n, digits = 0;
        if (whole)
            chars = ogi_text_count_chars(d, d + dn);
        for (size_t i = 0; i < dn; i++)
            digits += ogi_text_is_digit((unsigned char)d[i]);
        /* or Table 3's header run together, which no sentence holds: the
         * part of a table cut in two may hold a few rows only */
        if (full_stop || (digits * 10 < chars &&
                          !ogi_text_find(buf, n, "申请人情况自然人")))
            return 0;
    }
    int comma = memchr(buf, ',', n) != NULL;
    /* a table's header line, or a whole row of headers run together as a
     * crawler saves them: no sentence punctuation */
    int header = !full_stop && !comma;
    unsigned a = 0;
    if (t2 && header && (chars < 40 || ogi_text_find(buf, n, "信息内容")))
        a |= A_T2;
    if (t3 && !full_stop)
        a |= A_T3;
    if (t4 && header &&
        (chars < 30 || ogi_text_find(buf, n, "结果维持") ||
         ogi_text_find(buf, n, "尚未审结")))
        a |= A_T4;
    return a;
}

/* is_drawn_line of a line whose squeezed text starts with a bar, a plus
 * or a box character's lead byte. */
static int
drawn_from(const ogi_text_t *t, size_t l)
{
    const char *p = t->s + t->lines[l].start, *e = t->s + t->lines[l].end;
    /* pdftotext's indentation: eight spaces at a time */
    while (e - p >= 8 && ogi__word_all(ogi__word_load(p), ' '))
        p += 8;
    while (p < e && *p == ' ')
        p++;
    if (p < e && (*p == '|' || *p == '+'))
        return 1;
    return e - p >= 3 && (unsigned char)p[0] == 0xE2 &&
           ((unsigned char)p[1] == 0x94 || (unsigned char)p[1] == 0x95);
}

/* 1 when line l starts, after spaces, with a table-drawing character: a
 * bar, a box corner or a grid's plus. Inline: asked of every line. */
static inline int
is_drawn_line(const ogi_text_t *t, size_t l)
{
    /* the line's first byte but whitespace, the first of its squeezed
     * text, rules out most lines */
    const ogi_squeezed_t *q = &t->sq;
    unsigned char c =
        q->line[l] < q->line[l + 1] ? (unsigned char)q->s[q->line[l]] : 0;
    return (c == '|' || c == '+' || c == 0xE2) && drawn_from(t, l);
}

/*
 * Anchors of drawn tables, whose cells may wrap over lines: each block of
 * drawn lines is read by its reader, and each row's labels, joined, are
 * tested as one line; the anchor goes to the row's first line (a line of
 * its block). Out of memory, the block is left to the line tests.
 *
 * Blocks are read lazily, in order, only as far as a line's flags are
 * asked for (drawn_upto), and only when they may give a flag asked for
 * (block_bits); the others wait until one is (or are never read): the
 * anchors searched for lie mostly before the drawn tables or on a line
 * test's line, and reading a block is the costly part. A line's flags of
 * a kind are final once every block that starts at or before it and may
 * give that kind was read, as a block marks lines of its own only.
 */
#define DRAWN_WAIT 16 /* blocks put off at a time; past that they are read */

typedef struct {
    size_t a, e;  /* lines [a, e) */
    unsigned may; /* the flags it may give (block_bits) */
} drawn_block_t;

typedef struct {
    const ogi_text_t *t;
    unsigned char *flags; /* the lines' anchor flags, ORed into */
    ogi_arena_t *arena;   /* where blocks are read */
    int markup;           /* the text holds a '<': HTML tables may be blocks */
    size_t next;          /* first line not yet scanned for a block */
    size_t nwait;
    drawn_block_t wait[DRAWN_WAIT]; /* blocks scanned, not read */
} drawn_t;

static void
drawn_init(drawn_t *d, const ogi_text_t *t, unsigned char *flags,
           ogi_arena_t *arena)
{
    d->t = t;
    d->flags = flags;
    d->arena = arena;
    /* most reports hold no markup at all: one search settles it */
    d->markup = memchr(t->s, '<', t->len) != NULL;
    d->next = 0;
    d->nwait = 0;
}

/*
 * The anchor flags the labels of the block [a, l) of drawn lines may
 * give: a row's labels joined hold a Table 2 or Table 3 anchor word, or
 * start with Table 4's, only when the block's bytes hold every character
 * of that word (a reader cuts and joins the lines' text, it writes none
 * of its own). Two characters of each word are looked for
 * (tell_at): most blocks lack one of each pair. HTML may write a
 * character as an entity: a block of it may give any flag.
 */
static unsigned
block_bits(const drawn_t *d, size_t a, size_t l)
{
    static const unsigned char bits[] = {A_T2, A_T3, A_T3, A_T3, A_T4};
    _Static_assert(OGI_ARRAY_LEN(bits) == OGI_ARRAY_LEN(tell_at),
                   "a flag for each anchor word's characters");
    if (d->markup)
        return A_T2 | A_T3 | A_T4;
    const ogi_text_t *t = d->t;
    const char *s = t->s + t->lines[a].start;
    size_t n = t->lines[l - 1].end - t->lines[a].start;
    unsigned may = 0;
    for (size_t k = 0; k < OGI_ARRAY_LEN(tell_at); k++) {
        const char *w =
            k < OGI_ARRAY_LEN(anchor_words) ? anchor_words[k] : T4_WORD;
        assert(3 * (size_t)(tell_at[k][0] + 1) <= strlen(w) &&
               3 * (size_t)(tell_at[k][1] + 1) <= strlen(w));
        if (!(may & bits[k]) &&
            ogi_text_find_len(s, n, w + 3 * tell_at[k][0], 3) &&
            ogi_text_find_len(s, n, w + 3 * tell_at[k][1], 3))
            may |= bits[k];
    }
    return may;
}

/* Reads the block [a, l) of drawn lines into d's flags. */
static void
drawn_read(drawn_t *d, size_t a, size_t l)
{
    const ogi_text_t *t = d->t;
    char buf[512];
    const ogi__reader_t *rd = ogi__reader_pick(t, a, l);
    if (rd == &ogi__read_row_lines)
        return; /* one line, one row: the line tests suffice */
    ogi__table_t tb;
    ogi__table_init(&tb, d->arena, t);
    if (rd->read(&tb, t, a, l))
        return;
    for (size_t r = 0; r < tb.nrows; r++) {
        const ogi__row_t *row = &tb.rows[r];
        size_t n = 0;
        for (size_t i = row->first; i < row->first + row->count; i++) {
            const ogi__cell_t *c = &tb.cells[i];
            if (c->kind != OGI__CELL_LABEL)
                continue;
            size_t k =
                ogi_text_squeeze_into(c->s, c->n, buf + n, sizeof(buf) - n);
            n += k < sizeof(buf) - n ? k : sizeof(buf) - n - 1;
        }
        const char *b = buf;
        ogi__outline_strip_markup(&b, &n);
        if (n && row->line < t->nlines)
            d->flags[row->line] |=
                (unsigned char)anchors(b, n, A_T2 | A_T3, 0, NULL, 0);
    }
}

/* Scans the blocks of drawn lines that start at or before line x, not
 * scanned yet: those that may give a flag of want are read, the others
 * wait (or, giving none, are dropped). Line x's flags of want are then
 * final but for blocks already waiting. */
static void
drawn_upto(drawn_t *d, size_t x, unsigned want)
{
    const ogi_text_t *t = d->t;
    while (d->next <= x && d->next < t->nlines) {
        size_t l = d->next;
        if (!is_drawn_line(t, l) &&
            !(d->markup && ogi__html_table_end(t, l, l + 1))) {
            d->next = l + 1;
            continue;
        }
        size_t a = l;
        size_t e = d->markup ? ogi__html_table_end(t, l, t->nlines) : 0;
        if (e)
            l = e; /* <table> ... </table>: cells wrap over lines too */
        else
            while (l < t->nlines && is_drawn_line(t, l))
                l++;
        d->next = l;
        unsigned may = block_bits(d, a, l);
        if (may & want || (may && d->nwait == DRAWN_WAIT))
            drawn_read(d, a, l);
        else if (may)
            d->wait[d->nwait++] = (drawn_block_t){a, l, may};
    }
}

/* First line at or after from with a flag of want, or OGI__NONE; the
 * blocks of drawn lines that may give one read as far as it. */
static size_t
first_with(drawn_t *d, size_t from, unsigned want)
{
    /* the blocks waiting that may give one at or after from */
    for (size_t w = 0; w < d->nwait;) {
        if ((d->wait[w].may & want) && d->wait[w].e > from) {
            drawn_block_t b = d->wait[w];
            d->wait[w] = d->wait[--d->nwait];
            drawn_read(d, b.a, b.e);
        } else {
            w++;
        }
    }
    for (size_t l = from; l < d->t->nlines; l++) {
        if (l >= d->next)
            drawn_upto(d, l, want);
        if (d->flags[l] & want)
            return l;
    }
    return OGI__NONE;
}

/* The opening words of Table 3's note ("（本列数据的勾稽关系为：…）"). */
#define T3_NOTE "本列数据的"

/*
 * Table 3's note as OCR may read it, its "勾稽关系" misread ("匀稽关系",
 * "勾移关系"), and the other anchors later or lost ("申 / 请人情况" over
 * two lines): the first line of lines [from, to) whose squeezed text
 * holds the note's opening words (T3_NOTE) and no full stop gets A_T3.
 * One search over those lines only: the text between Table 3's heading
 * and its first anchor.
 */
static void
note_anchor(const ogi_text_t *t, unsigned char *flags, size_t from, size_t to)
{
    const ogi_squeezed_t *q = &t->sq;
    if (from >= to || to > t->nlines)
        return;
    const char *a = q->s + q->line[from], *e = q->s + q->line[to];
    const char *p = ogi_text_find(a, (size_t)(e - a), T3_NOTE);
    if (!p)
        return;
    size_t x = (size_t)(p - q->s), l = from;
    while (l + 1 < to && q->line[l + 1] <= x)
        l++;
    const char *b = q->s + q->line[l];
    size_t n = q->line[l + 1] - q->line[l];
    if (!ogi_text_find(b, n, "。"))
        flags[l] |= A_T3;
}

/* The first characters of the lines that may be the heading of a section
 * from next on (its ordinal's first character) or Table 4's header
 * (T4_WORD's): most lines are told by a look-up of their first byte, the
 * rest (which share it with the ordinals' CJK numerals) by a comparison
 * of their first character. Made again when next moves on. */
typedef struct {
    int any;                 /* a section with no ordinal: every line may */
    unsigned char byte[256]; /* 1 for the first byte of one of the chars */
    /* 1 for the second byte of one of them, each of two bytes or more
     * (a CJK numeral shares its lead with a quarter of the ideographs,
     * its second byte with few); short: one of a byte, which has none */
    unsigned char second[256];
    int short_key;
    uint32_t key[OGI_SEC_COUNT + 1];  /* each character's bytes, padded */
    uint32_t mask[OGI_SEC_COUNT + 1]; /* bytes 0xFF where it has them */
    size_t len[OGI_SEC_COUNT + 1];    /* its byte count, four at most */
    size_t n;
} leads_t;

static void
leads_add(leads_t *ld, const char *s)
{
    unsigned char c = (unsigned char)s[0];
    size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4, len = 0;
    static const unsigned char ones[4] = {0xFF, 0xFF, 0xFF, 0xFF};
    while (len < k && s[len])
        len++;
    ld->byte[c] = 1;
    if (len >= 2)
        ld->second[(unsigned char)s[1]] = 1;
    else
        ld->short_key = 1;
    ld->key[ld->n] = ld->mask[ld->n] = 0;
    /* as a line's bytes are loaded (may_lead): the same order whatever
     * the machine's */
    memcpy(&ld->key[ld->n], s, len);
    memcpy(&ld->mask[ld->n], ones, len);
    ld->len[ld->n++] = len;
}

static void
heading_leads(const ogi_skel_section_t *const *secs, int next, leads_t *ld)
{
    ld->any = 0;
    ld->n = 0;
    ld->short_key = 0;
    memset(ld->byte, 0, sizeof(ld->byte));
    memset(ld->second, 0, sizeof(ld->second));
    for (int k = next; k < OGI_SEC_COUNT; k++)
        ld->any |= !secs[k]->ordinal[0];
    leads_add(ld, T4_WORD);
    for (int k = next; k < OGI_SEC_COUNT; k++)
        if (secs[k]->ordinal[0])
            leads_add(ld, secs[k]->ordinal);
}

/* The leads of heading_leads for each next heading, 0 to OGI_SEC_COUNT,
 * made once (immutable after): the skeleton's sections never change. */
static leads_t leads_by_next[OGI_SEC_COUNT + 1];
static pthread_once_t leads_once = PTHREAD_ONCE_INIT;

static void
init_leads(void)
{
    const ogi_skel_section_t *secs[OGI_SEC_COUNT];
    for (int k = 0; k < OGI_SEC_COUNT; k++)
        secs[k] = ogi_skeleton_section((ogi_section_id_t)k);
    for (int next = 0; next <= OGI_SEC_COUNT; next++)
        heading_leads(secs, next, &leads_by_next[next]);
}

/* 1 when p[0..e) may start a heading or Table 4's header by ld. */
static int
may_lead(const leads_t *ld, const char *p, const char *e)
{
    if (ld->any)
        return 1;
    if (!ld->byte[(unsigned char)*p])
        return 0;
    size_t have = (size_t)(e - p);
    if (!ld->short_key && (have < 2 || !ld->second[(unsigned char)p[1]]))
        return 0;
    /* the line's first four bytes (or fewer) against each character */
    uint32_t w = 0;
    if (have >= 4)
        memcpy(&w, p, 4);
    else
        memcpy(&w, p, have);
    for (size_t i = 0; i < ld->n; i++)
        if (have >= ld->len[i] && (w & ld->mask[i]) == ld->key[i])
            return 1;
    return 0;
}

void
ogi__outline_find(const ogi_text_t *t, ogi__outline_t *o, unsigned char *flags,
                  ogi_arena_t *arena)
{
    char buf[512];
    for (int i = 0; i < OGI_SEC_COUNT; i++)
        o->heading[i] = OGI__NONE;
    for (int i = 0; i < OGI__REG_COUNT; i++)
        o->start[i] = o->end[i] = OGI__NONE;
    o->old_format = 0;

    /* one pass: headings in order, anchors, signs of the old format */
    int next = 0;
    int have_anchor_19 = 0;
    int old_hits = 0;
    memset(flags, 0, t->nlines);
    const ogi_skel_section_t *secs[OGI_SEC_COUNT];
    for (int k = 0; k < OGI_SEC_COUNT; k++)
        secs[k] = ogi_skeleton_section((ogi_section_id_t)k);
    static const unsigned char anchor_bits[] = {A_T2, A_T3, A_T3, A_T3};
    _Static_assert(OGI_ARRAY_LEN(anchor_bits) == OGI_ARRAY_LEN(anchor_words) &&
                       NT2 == 1,
                   "a bit per anchor word: Table 2's first");
    mark_lines(t, anchor_words, OGI_ARRAY_LEN(anchor_words), flags,
               anchor_bits);
    pthread_once(&leads_once, init_leads);
    for (size_t l = 0; l < t->nlines; l++) {
        unsigned maybe = flags[l];
        flags[l] = 0;
        /* a paragraph is neither a heading nor a table line; a long line
         * holding anchor words may be a whole table on one line */
        if (t->lines[l].end - t->lines[l].start > 3 * 200 && !maybe)
            continue;
        if (!maybe) {
            /* without anchor words a line is a heading or Table 4's header
             * or nothing, and both are told by their first character: most
             * lines need not be read further */
            const char *e, *p = ogi__outline_line_lead(t, l, &e);
            if (!p || !may_lead(&leads_by_next[next], p, e))
                continue;
        }
        const char *b;
        size_t n = ogi_text_line_squeezed(t, l, buf, sizeof(buf), &b);
        /* read in place and whole: the words marked are those it holds */
        int known = b != buf && n == t->sq.line[l + 1] - t->sq.line[l];
        ogi__outline_strip_markup(&b, &n);
        if (n == 0)
            continue;
        for (int k = next; k < OGI_SEC_COUNT; k++) {
            if (ogi__outline_is_heading(b, n, secs[k])) {
                o->heading[k] = l;
                next = k + 1;
                break;
            }
        }
        flags[l] = (unsigned char)anchors(
            b, n, maybe, known,
            n + 4 >= sizeof(buf) ? t->s + t->lines[l].start : NULL,
            t->lines[l].end - t->lines[l].start);
    }
    ogi__outline_find_renumbered(t, o);
    /* the line tests done (they set a line's flags, not add to them), the
     * drawn tables' anchors are added to them as they are asked for */
    drawn_t drawn;
    drawn_init(&drawn, t, flags, arena);
    have_anchor_19 = first_with(&drawn, 0, A_T2 | A_T3) != OGI__NONE;
    /* tables of the pre-2019 format count applications by channel */
    for (size_t l = 0; !have_anchor_19 && l < t->nlines; l++) {
        const char *b;
        size_t n = ogi_text_line_squeezed(t, l, buf, sizeof(buf), &b);
        if (ogi_text_find(b, n, "当面申请") ||
            ogi_text_find(b, n, "信函申请") ||
            ogi_text_find(b, n, "网上申请") || ogi_text_find(b, n, "网络申请"))
            old_hits++;
    }
    o->old_format = old_hits >= 2 && !have_anchor_19;

    /* each table's anchor, searched from its section's heading */
    size_t from2 = o->heading[OGI_SEC_ACTIVE] != OGI__NONE
                       ? o->heading[OGI_SEC_ACTIVE]
                       : 0;
    o->start[OGI__REG_T2] = first_with(&drawn, from2, A_T2);
    size_t from3 = o->heading[OGI_SEC_APPLY];
    if (from3 == OGI__NONE)
        from3 = o->start[OGI__REG_T2] != OGI__NONE ? o->start[OGI__REG_T2] : 0;
    size_t t3 = first_with(&drawn, from3, A_T3);
    note_anchor(t, flags, from3, t3 == OGI__NONE ? t->nlines : t3);
    o->start[OGI__REG_T3] = first_with(&drawn, from3, A_T3);
    size_t from4 = o->heading[OGI_SEC_APPEAL];
    if (from4 == OGI__NONE)
        from4 = o->start[OGI__REG_T3] != OGI__NONE ? o->start[OGI__REG_T3] + 1
                                                   : 0;
    o->start[OGI__REG_T4] = first_with(&drawn, from4, A_T4);
    /* a table whose anchor words the layout lost: html2text cuts a header
     * cell to its first characters, a narrow column wraps "行政 行政" over
     * "复议 诉讼". Under its section's heading, a drawn table is the
     * section's table; failing that, when the report's other tables were
     * found, the section's text after its heading is read as the table. */
    int anchored = 0;
    for (int r = 0; r < OGI__REG_COUNT; r++)
        anchored += o->start[r] != OGI__NONE;
    for (int r = 0; r < OGI__REG_COUNT; r++) {
        size_t h = o->heading[OGI_SEC_ACTIVE + r];
        if (o->start[r] != OGI__NONE || h == OGI__NONE || h + 1 >= t->nlines)
            continue;
        size_t stop = t->nlines;
        for (int k = OGI_SEC_ACTIVE + r + 1; k < OGI_SEC_COUNT; k++)
            if (o->heading[k] != OGI__NONE && o->heading[k] > h &&
                o->heading[k] < stop)
                stop = o->heading[k];
        int markup = memchr(t->s, '<', t->len) != NULL;
        for (size_t l = h + 1; l + 1 < stop; l++)
            if ((is_drawn_line(t, l) && is_drawn_line(t, l + 1)) ||
                (markup && ogi__html_table_end(t, l, l + 1))) {
                o->start[r] = l;
                break;
            }
        if (o->start[r] == OGI__NONE && anchored)
            o->start[r] = h + 1;
    }

    /* each table ends where the next table or a later heading starts */
    for (int r = 0; r < OGI__REG_COUNT; r++) {
        if (o->start[r] == OGI__NONE)
            continue;
        size_t end = t->nlines;
        for (int q = r + 1; q < OGI__REG_COUNT; q++)
            if (o->start[q] != OGI__NONE && o->start[q] > o->start[r] &&
                o->start[q] < end)
                end = o->start[q];
        /* the heading of the section after the table's own, and the
         * table's tail after it in reading order */
        size_t stop = end;
        int at_heading = 0;
        for (int k = OGI_SEC_APPLY + r; k < OGI_SEC_COUNT; k++)
            if (o->heading[k] != OGI__NONE && o->heading[k] > o->start[r] &&
                o->heading[k] < end) {
                end = o->heading[k];
                at_heading = 1;
            }
        for (int k = 0; k < OGI_SEC_COUNT; k++)
            if (o->heading[k] != OGI__NONE && o->heading[k] > end &&
                o->heading[k] < stop)
                stop = o->heading[k];
        if (at_heading)
            end = ogi__outline_tail_end(t, o->start[r], end, stop);
        o->end[r] = end;
    }
    o->first_heading = o->last_heading = t->nlines;
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        if (o->heading[k] == OGI__NONE)
            continue;
        if (o->first_heading == t->nlines)
            o->first_heading = o->heading[k];
        o->last_heading = o->heading[k];
    }
}

size_t
ogi__outline_section_end(const ogi__outline_t *o, size_t nlines,
                         ogi_section_id_t id)
{
    size_t h = o->heading[id];
    size_t end = nlines;
    for (int k = id + 1; k < OGI_SEC_COUNT; k++)
        if (o->heading[k] != OGI__NONE && o->heading[k] > h) {
            end = o->heading[k];
            break;
        }
    for (int r = 0; r < OGI__REG_COUNT; r++)
        if (o->start[r] != OGI__NONE && o->start[r] > h && o->start[r] < end)
            end = o->start[r];
    return end;
}
