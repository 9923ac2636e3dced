/*
 * docx_num.c - a DOCX paragraph's automatic number (docx_int.h).
 *
 * Chinese Word reports number their headings with lists, not typed text:
 * "一、" "（一）" "1." come from word/numbering.xml and are in no w:t.
 * A paragraph is numbered by its w:pPr/w:numPr (w:numId, w:ilvl) or by
 * its paragraph style's (word/styles.xml, through w:basedOn). A w:num
 * names a w:abstractNum, whose w:lvl gives per level the start (w:start),
 * the format (w:numFmt: decimal, chineseCounting, ideographTraditional,
 * decimalEnclosedCircle...), the text (w:lvlText, "%1、": %N is level N's
 * number) and what follows (w:suff). Lists that share an abstractNum
 * count on together, as Word does; a w:num with a w:lvlOverride counts on
 * its own. Counting a level restarts the levels below it.
 */
#include "ogi_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx_int.h"

#define NLVL       9
#define MAX_ABS    2048 /* abstract lists read */
#define MAX_NUMS   4096 /* lists read */
#define MAX_STYLES 4096 /* paragraph styles read */
#define MAX_BASED  16   /* w:basedOn links followed */

typedef struct {
    int start;        /* w:start */
    const char *fmt;  /* w:numFmt, or NULL (decimal) */
    const char *text; /* w:lvlText, or NULL */
    int restart;      /* w:lvlRestart, -1 when absent */
    int legal;        /* w:isLgl: every level's number in decimal */
    int suff_none;    /* w:suff="nothing" */
} lvl_t;

typedef struct {
    int count[NLVL];
    int seen[NLVL];
} counters_t;

typedef struct {
    int id;
    const char *link; /* w:numStyleLink: the levels are a list style's */
    lvl_t lvl[NLVL];
    counters_t c;
} abs_t;

typedef struct {
    int id;
    int abs;        /* index in abs, -1 when unknown */
    int over[NLVL]; /* start override, -1 when none */
    int own;        /* counts on its own (a w:lvlOverride) */
    counters_t c;
} num_t;

typedef struct {
    const char *id, *based;
    int num_id, ilvl; /* -1 when the style says nothing */
} style_t;

struct ogi__docx_num {
    abs_t *abs;
    size_t nabs;
    num_t *nums;
    size_t nnums;
    style_t *styles;
    size_t nstyles;
};

/* ---- reading the parts ---- */

static int
by_abs(const void *a, const void *b)
{
    int x = ((const abs_t *)a)->id, y = ((const abs_t *)b)->id;
    return (x > y) - (x < y);
}

static int
by_num(const void *a, const void *b)
{
    int x = ((const num_t *)a)->id, y = ((const num_t *)b)->id;
    return (x > y) - (x < y);
}

static int
by_style(const void *a, const void *b)
{
    return strcmp(((const style_t *)a)->id, ((const style_t *)b)->id);
}

static void
read_lvl(lvl_t *l, const xmlNode *lvl)
{
    const xmlNode *c;
    l->start = (c = ogi__docx_child(lvl, "start"))
                   ? ogi__docx_int_attr(c, "val", 1)
                   : 1;
    l->fmt =
        (c = ogi__docx_child(lvl, "numFmt")) ? ogi__docx_attr(c, "val") : NULL;
    l->text =
        (c = ogi__docx_child(lvl, "lvlText")) ? ogi__docx_attr(c, "val") : NULL;
    l->restart = (c = ogi__docx_child(lvl, "lvlRestart"))
                     ? ogi__docx_int_attr(c, "val", -1)
                     : -1;
    c = ogi__docx_child(lvl, "isLgl");
    const char *v = c ? ogi__docx_attr(c, "val") : NULL;
    l->legal = c && (!v || (strcmp(v, "0") != 0 && strcmp(v, "false") != 0));
    c = ogi__docx_child(lvl, "suff");
    v = c ? ogi__docx_attr(c, "val") : NULL;
    l->suff_none = v && strcmp(v, "nothing") == 0;
}

static abs_t *
find_abs(ogi__docx_num_t *n, int id)
{
    abs_t key = {.id = id};
    return n->nabs ? bsearch(&key, n->abs, n->nabs, sizeof(key), by_abs) : NULL;
}

static void
read_numbering(ogi__docx_num_t *n, const xmlNode *root)
{
    for (const xmlNode *c = root->children; c; c = c->next) {
        if (!ogi__docx_is(c, "abstractNum") || n->nabs >= MAX_ABS)
            continue;
        abs_t *a = &n->abs[n->nabs++];
        memset(a, 0, sizeof(*a));
        a->id = ogi__docx_int_attr(c, "abstractNumId", -1);
        const xmlNode *sl = ogi__docx_child(c, "numStyleLink");
        a->link = sl ? ogi__docx_attr(sl, "val") : NULL;
        for (int k = 0; k < NLVL; k++)
            a->lvl[k] = (lvl_t){1, NULL, NULL, -1, 0, 0};
        for (const xmlNode *l = c->children; l; l = l->next) {
            int k =
                ogi__docx_is(l, "lvl") ? ogi__docx_int_attr(l, "ilvl", -1) : -1;
            if (k >= 0 && k < NLVL)
                read_lvl(&a->lvl[k], l);
        }
    }
    qsort(n->abs, n->nabs, sizeof(*n->abs), by_abs);
    for (const xmlNode *c = root->children; c; c = c->next) {
        if (!ogi__docx_is(c, "num") || n->nnums >= MAX_NUMS)
            continue;
        num_t *m = &n->nums[n->nnums++];
        memset(m, 0, sizeof(*m));
        m->id = ogi__docx_int_attr(c, "numId", -1);
        const xmlNode *an = ogi__docx_child(c, "abstractNumId");
        abs_t *a = an ? find_abs(n, ogi__docx_int_attr(an, "val", -1)) : NULL;
        m->abs = a ? (int)(a - n->abs) : -1;
        for (int k = 0; k < NLVL; k++)
            m->over[k] = -1;
        for (const xmlNode *o = c->children; o; o = o->next) {
            int k = ogi__docx_is(o, "lvlOverride")
                        ? ogi__docx_int_attr(o, "ilvl", -1)
                        : -1;
            if (k < 0 || k >= NLVL)
                continue;
            m->own = 1;
            const xmlNode *s = ogi__docx_child(o, "startOverride");
            if (s)
                m->over[k] = ogi__docx_int_attr(s, "val", 1);
        }
    }
    qsort(n->nums, n->nnums, sizeof(*n->nums), by_num);
}

static void
read_styles(ogi__docx_num_t *n, const xmlNode *root)
{
    for (const xmlNode *c = root->children; c; c = c->next) {
        if (!ogi__docx_is(c, "style") || n->nstyles >= MAX_STYLES)
            continue;
        const char *id = ogi__docx_attr(c, "styleId");
        if (!id)
            continue;
        style_t *s = &n->styles[n->nstyles++];
        const xmlNode *b = ogi__docx_child(c, "basedOn");
        const xmlNode *ppr = ogi__docx_child(c, "pPr");
        const xmlNode *np = ppr ? ogi__docx_child(ppr, "numPr") : NULL;
        const xmlNode *ni = np ? ogi__docx_child(np, "numId") : NULL;
        const xmlNode *il = np ? ogi__docx_child(np, "ilvl") : NULL;
        *s = (style_t){id, b ? ogi__docx_attr(b, "val") : NULL,
                       ni ? ogi__docx_int_attr(ni, "val", -1) : -1,
                       il ? ogi__docx_int_attr(il, "val", -1) : -1};
    }
    qsort(n->styles, n->nstyles, sizeof(*n->styles), by_style);
}

ogi__docx_num_t *
ogi__docx_num_new(ogi_arena_t *arena, const xmlDoc *numbering,
                  const xmlDoc *styles)
{
    ogi__docx_num_t *n = ogi_arena_calloc(arena, 1, sizeof(*n));
    if (!n)
        return NULL;
    const xmlNode *r = numbering ? xmlDocGetRootElement(numbering) : NULL;
    if (r) {
        size_t na = 0, nn = 0;
        for (const xmlNode *c = r->children; c; c = c->next) {
            na += ogi__docx_is(c, "abstractNum");
            nn += ogi__docx_is(c, "num");
        }
        na = na < MAX_ABS ? na : MAX_ABS;
        nn = nn < MAX_NUMS ? nn : MAX_NUMS;
        n->abs = ogi_arena_calloc(arena, na + 1, sizeof(*n->abs));
        n->nums = ogi_arena_calloc(arena, nn + 1, sizeof(*n->nums));
        if (!n->abs || !n->nums)
            return NULL;
        read_numbering(n, r);
    }
    r = styles ? xmlDocGetRootElement(styles) : NULL;
    if (r) {
        size_t ns = 0;
        for (const xmlNode *c = r->children; c; c = c->next)
            ns += ogi__docx_is(c, "style");
        ns = ns < MAX_STYLES ? ns : MAX_STYLES;
        n->styles = ogi_arena_calloc(arena, ns + 1, sizeof(*n->styles));
        if (!n->styles)
            return NULL;
        read_styles(n, r);
    }
    return n;
}

/* ---- number formats ---- */

/* Appends UTF-8 s to buf[*len..size). */
static void
put(char *buf, size_t size, size_t *len, const char *s)
{
    size_t k = strlen(s);
    if (*len + k >= size)
        return;
    memcpy(buf + *len, s, k);
    *len += k;
    buf[*len] = '\0';
}

/* Appends code point cp as UTF-8. */
static void
put_cp(char *buf, size_t size, size_t *len, unsigned cp)
{
    char u[5] = {0};
    if (cp < 0x80) {
        u[0] = (char)cp;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
    } else {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
    }
    put(buf, size, len, u);
}

/* n in Chinese numerals (n < 100000): digits d[0..9] and units u[1..4]
 * (ten, hundred, thousand, ten thousand); a lone ten as "十" when
 * short_ten, not "一十". */
static void
put_cjk(char *buf, size_t size, size_t *len, int n, const char *const *d,
        const char *const *u, int short_ten)
{
    if (n == 0) {
        put(buf, size, len, d[0]);
        return;
    }
    int digit[5], zero = 0, started = 0;
    for (int k = 0, m = n; k < 5; k++, m /= 10)
        digit[k] = m % 10;
    for (int k = 4; k >= 0; k--) {
        if (digit[k] == 0) {
            zero = started;
            continue;
        }
        if (zero)
            put(buf, size, len, d[0]);
        zero = 0;
        if (!(short_ten && k == 1 && digit[k] == 1 && !started))
            put(buf, size, len, d[digit[k]]);
        if (k > 0)
            put(buf, size, len, u[k]);
        started = 1;
    }
}

/* Appends n in format fmt (w:numFmt). */
static void
put_number(char *buf, size_t size, size_t *len, const char *fmt, int n)
{
    static const char *const cn[] = {"〇", "一", "二", "三", "四",
                                     "五", "六", "七", "八", "九"};
    static const char *const cz[] = {"零", "一", "二", "三", "四",
                                     "五", "六", "七", "八", "九"};
    static const char *const cu[] = {"", "十", "百", "千", "万"};
    static const char *const lg[] = {"零", "壹", "贰", "叁", "肆",
                                     "伍", "陆", "柒", "捌", "玖"};
    static const char *const lu[] = {"", "拾", "佰", "仟", "万"};
    static const char *const tg[] = {"零", "壹", "貳", "參", "肆",
                                     "伍", "陸", "柒", "捌", "玖"};
    static const char *const tu[] = {"", "拾", "佰", "仟", "萬"};
    static const char *const stem[] = {"甲", "乙", "丙", "丁", "戊",
                                       "己", "庚", "辛", "壬", "癸"};
    static const char *const branch[] = {"子", "丑", "寅", "卯", "辰", "巳",
                                         "午", "未", "申", "酉", "戌", "亥"};
    char d[32];
    if (!fmt)
        fmt = "decimal";
    if (n < 0)
        n = 0;
    if (strcmp(fmt, "none") == 0)
        return;
    if (n < 100000 && (strcmp(fmt, "chineseCounting") == 0 ||
                       strcmp(fmt, "chineseCountingThousand") == 0 ||
                       strcmp(fmt, "japaneseCounting") == 0 ||
                       strcmp(fmt, "taiwaneseCounting") == 0 ||
                       strcmp(fmt, "taiwaneseCountingThousand") == 0)) {
        put_cjk(buf, size, len, n, cz, cu, 1);
    } else if (n < 100000 && strcmp(fmt, "chineseLegalSimplified") == 0) {
        put_cjk(buf, size, len, n, lg, lu, 0);
    } else if (n < 100000 && strcmp(fmt, "ideographLegalTraditional") == 0) {
        put_cjk(buf, size, len, n, tg, tu, 0);
    } else if (strcmp(fmt, "ideographDigital") == 0 ||
               strcmp(fmt, "taiwaneseDigital") == 0 ||
               strcmp(fmt, "japaneseDigitalTenThousand") == 0) {
        snprintf(d, sizeof(d), "%d", n);
        for (const char *p = d; *p; p++)
            put(buf, size, len, cn[*p - '0']);
    } else if (n >= 1 && n <= 10 && strcmp(fmt, "ideographTraditional") == 0) {
        put(buf, size, len, stem[n - 1]);
    } else if (n >= 1 && n <= 12 && strcmp(fmt, "ideographZodiac") == 0) {
        put(buf, size, len, branch[n - 1]);
    } else if (n >= 1 && n <= 20 &&
               (strcmp(fmt, "decimalEnclosedCircle") == 0 ||
                strcmp(fmt, "decimalEnclosedCircleChinese") == 0)) {
        put_cp(buf, size, len, 0x2460u + (unsigned)n - 1);
    } else if (n >= 1 && n <= 20 && strcmp(fmt, "decimalEnclosedParen") == 0) {
        put_cp(buf, size, len, 0x2474u + (unsigned)n - 1);
    } else if (n >= 1 && n <= 20 &&
               strcmp(fmt, "decimalEnclosedFullstop") == 0) {
        put_cp(buf, size, len, 0x2488u + (unsigned)n - 1);
    } else if (strncmp(fmt, "decimalFullWidth", 16) == 0) {
        snprintf(d, sizeof(d), "%d", n);
        for (const char *p = d; *p; p++)
            put_cp(buf, size, len, 0xFF10u + (unsigned)(*p - '0'));
    } else if (n >= 1 && (strcmp(fmt, "upperLetter") == 0 ||
                          strcmp(fmt, "lowerLetter") == 0)) {
        /* A..Z, then AA..ZZ, AAA.. (Word repeats the letter) */
        int reps = (n - 1) / 26 + 1;
        char c = (char)((fmt[0] == 'u' ? 'A' : 'a') + (n - 1) % 26);
        for (int k = 0; k < reps && k < 8; k++)
            d[k] = c;
        d[reps < 8 ? reps : 8] = '\0';
        put(buf, size, len, d);
    } else if (n >= 1 && n < 4000 &&
               (strcmp(fmt, "upperRoman") == 0 ||
                strcmp(fmt, "lowerRoman") == 0)) {
        static const int val[] = {1000, 900, 500, 400, 100, 90, 50,
                                  40,   10,  9,   5,   4,   1};
        static const char *const up[] = {"M",  "CM", "D",  "CD", "C",
                                         "XC", "L",  "XL", "X",  "IX",
                                         "V",  "IV", "I"};
        static const char *const lo[] = {"m",  "cm", "d",  "cd", "c",
                                         "xc", "l",  "xl", "x",  "ix",
                                         "v",  "iv", "i"};
        for (int k = 0; k < 13; k++)
            while (n >= val[k]) {
                put(buf, size, len, fmt[0] == 'u' ? up[k] : lo[k]);
                n -= val[k];
            }
    } else if (strcmp(fmt, "decimalZero") == 0) {
        snprintf(d, sizeof(d), "%02d", n);
        put(buf, size, len, d);
    } else {
        snprintf(d, sizeof(d), "%d", n);
        put(buf, size, len, d);
    }
}

/* ---- a paragraph's number ---- */

static const style_t *
find_style(const ogi__docx_num_t *n, const char *id)
{
    style_t key = {.id = id};
    return id && n->nstyles
               ? bsearch(&key, n->styles, n->nstyles, sizeof(key), by_style)
               : NULL;
}

/* The list and level of paragraph p: its own w:numPr, else its style's
 * (through w:basedOn). 0 when p is not numbered. */
static int
para_list(const ogi__docx_num_t *n, const xmlNode *p, int *num_id, int *ilvl)
{
    const xmlNode *ppr = ogi__docx_child(p, "pPr");
    if (!ppr)
        return 0;
    const xmlNode *np = ogi__docx_child(ppr, "numPr");
    const xmlNode *ni = np ? ogi__docx_child(np, "numId") : NULL;
    const xmlNode *il = np ? ogi__docx_child(np, "ilvl") : NULL;
    *num_id = ni ? ogi__docx_int_attr(ni, "val", -1) : -1;
    *ilvl = il ? ogi__docx_int_attr(il, "val", -1) : -1;
    const xmlNode *ps = ogi__docx_child(ppr, "pStyle");
    const style_t *s = ps ? find_style(n, ogi__docx_attr(ps, "val")) : NULL;
    for (int k = 0; s && k < MAX_BASED && (*num_id < 0 || *ilvl < 0); k++) {
        if (*num_id < 0 && s->num_id >= 0)
            *num_id = s->num_id;
        if (*ilvl < 0 && s->ilvl >= 0)
            *ilvl = s->ilvl;
        s = find_style(n, s->based);
    }
    if (*ilvl < 0)
        *ilvl = 0;
    /* numId 0 takes a style's numbering away */
    return *num_id > 0 && *ilvl < NLVL;
}

size_t
ogi__docx_num_label(ogi__docx_num_t *n, const xmlNode *p, char *buf,
                    size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    int id, ilvl;
    if (!n || !para_list(n, p, &id, &ilvl))
        return 0;
    num_t key = {.id = id};
    num_t *m =
        n->nnums ? bsearch(&key, n->nums, n->nnums, sizeof(key), by_num) : NULL;
    if (!m || m->abs < 0)
        return 0;
    abs_t *a = &n->abs[m->abs];
    if (a->link) {
        /* a list that takes its levels from a list style: the style
         * names a list whose abstract list holds them */
        const style_t *s = find_style(n, a->link);
        num_t k2 = {.id = s ? s->num_id : -1};
        const num_t *m2 =
            s ? bsearch(&k2, n->nums, n->nnums, sizeof(k2), by_num) : NULL;
        if (m2 && m2->abs >= 0)
            a = &n->abs[m2->abs];
    }
    counters_t *c = m->own ? &m->c : &a->c;
    const lvl_t *l = a->lvl;
    int start = m->over[ilvl] >= 0 ? m->over[ilvl] : l[ilvl].start;
    if (!c->seen[ilvl]) {
        c->count[ilvl] = start;
        c->seen[ilvl] = 1;
    } else if (c->count[ilvl] < 1000000) {
        c->count[ilvl]++;
    }
    for (int k = ilvl + 1; k < NLVL; k++)
        if (l[k].restart != 0 && (l[k].restart < 0 || ilvl < l[k].restart))
            c->seen[k] = 0;
    const char *fmt = l[ilvl].fmt, *t = l[ilvl].text;
    if (!t || (fmt && strcmp(fmt, "bullet") == 0))
        return 0;
    for (; *t; t++) {
        if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
            int k = t[1] - '1';
            int v = c->seen[k] ? c->count[k]
                               : (m->over[k] >= 0 ? m->over[k] : l[k].start);
            const char *f = l[ilvl].legal && k < ilvl ? "decimal" : l[k].fmt;
            if (k <= ilvl)
                put_number(buf, size, &len, f, v);
            t++;
        } else {
            char ch[2] = {*t, '\0'};
            put(buf, size, &len, ch);
        }
    }
    /* "1." and "(1)" are followed by a space; "一、" "（一）" need none */
    if (len && !l[ilvl].suff_none && (unsigned char)buf[len - 1] < 0x80 &&
        buf[len - 1] != ' ')
        put(buf, size, &len, " ");
    return len;
}
