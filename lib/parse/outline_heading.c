/*
 * outline_heading.c - a line read as a section's heading, whatever markup
 * surrounds it (## 一、, **一、**, ***** 三、… *****, | 四、…, │行政复议):
 * by its ordinal and the skeleton's words, and, where a report renumbered
 * its sections or OCR misread the ordinal or 、, by the title's words.
 */
#include "ogi_int.h"

#include <string.h>

#include "outline_int.h"

#define HEADING_MAX_CHARS 48 /* a heading is one short line */

/* Drops markup from both ends of the squeezed line *b[0..*n). */
void
ogi__outline_strip_markup(const char **b, size_t *n)
{
    /* most lines have none: their first and last bytes say so */
    if (*n && ogi__outline_markup_len(*b, *n) == 0 &&
        ogi__outline_markup_len(*b + *n - 1, 1) == 0 &&
        (*n < 3 || ogi__outline_markup_len(*b + *n - 3, 3) == 0))
        return;
    size_t k;
    while (*n && (k = ogi__outline_markup_len(*b, *n)) != 0) {
        *b += k;
        *n -= k;
    }
    for (;;) {
        if (*n >= 1 && ogi__outline_markup_len(*b + *n - 1, 1) == 1)
            *n -= 1;
        else if (*n >= 3 && ogi__outline_markup_len(*b + *n - 3, 3) == 3)
            *n -= 3;
        else
            break;
    }
}

/* Whether line text buf is the heading of section sec. */
int
ogi__outline_is_heading(const char *buf, size_t n, const ogi_skel_section_t *sec)
{
    /* most lines and ordinals differ in their first byte */
    if (sec->ordinal[0] && (n == 0 || buf[0] != sec->ordinal[0]))
        return 0;
    /* the ordinal's bytes (a character or two) compared in place */
    const char *ord = sec->ordinal;
    size_t ol = 0;
    while (ord[ol] && ol < n && buf[ol] == ord[ol])
        ol++;
    if (ord[ol] || n <= ol)
        return 0;
    const char *p = buf + ol;
    if (ogi_text_has_prefix(p, buf + n, "、"))
        p += 3;
    else if (*p == '.' || *p == ',')
        p++;
    else
        return 0;
    /* "一、**总体情况**": bold around the words */
    while (p < buf + n && *p == '*')
        p++;
    size_t rest = n - (size_t)(p - buf);
    if (ogi_text_count_chars(p, p + rest) > HEADING_MAX_CHARS ||
        ogi_text_find(p, rest, "。"))
        return 0;
    for (size_t k = 0; sec->keywords[k]; k++)
        if (ogi_text_find(p, rest, sec->keywords[k]))
            return 1;
    return 0;
}

/* The words of a printed heading after its "、" ("主动公开…" of
 * "二、主动公开…"): found once a section, not once a line. */
typedef struct {
    const char *s; /* NULL: the heading has no "、" */
    size_t n;
} words_t;

static words_t
heading_words(const char *h)
{
    const char *w = strstr(h, "、");
    if (!w)
        return (words_t){NULL, 0};
    w += strlen("、");
    return (words_t){w, strlen(w)};
}

/* 1 when s[0..n) is the words w of a printed heading, the ordinal left
 * out. */
static int
same_words(const char *s, size_t n, words_t w)
{
    return w.s && w.n == n && memcmp(s, w.s, n) == 0;
}

/* The next character of s[*i..n) that is not "、" (what OCR drops or
 * adds between words), its bytes' length in *len; 0 at the end. */
static uint32_t
next_word_char(const char *s, size_t n, size_t *i, size_t *len)
{
    while (*i < n && ogi_text_has_prefix(s + *i, s + n, "、"))
        *i += strlen("、");
    if (*i >= n)
        return 0;
    uint32_t cp = 0;
    *len = ogi_utf8_decode(s + *i, s + n, &cp);
    if (*len == 0) {
        *len = 1;
        cp = (unsigned char)s[*i];
    }
    return cp;
}

/* 1 when s[0..n) is the words of a printed heading ("政府信息…" of "四、政府信息…"),
 * the ordinal left out, as OCR reads them: "、" anywhere lost or not, and
 * at most one character of eight or more read wrong ("下、政府信息公开行政
 * 复议行政诉讼情况"). */
static int
ocr_same_words(const char *s, size_t n, words_t words)
{
    if (!words.s)
        return 0;
    const char *w = words.s;
    size_t wn = words.n, i = 0, j = 0, chars = 0, wrong = 0;
    /* most lines are told by their length: a "、" lost or put in, a
     * character read as an ASCII one, move it a few bytes at most */
    if (n + 8 < wn || n > wn + 8)
        return 0;
    for (;;) {
        size_t a = 0, b = 0;
        uint32_t x = next_word_char(s, n, &i, &a);
        uint32_t y = next_word_char(w, wn, &j, &b);
        if (!x || !y) {
            if (x || y)
                return 0;
            break;
        }
        chars++;
        wrong += x != y;
        if (wrong > 1)
            return 0;
        i += a;
        j += b;
    }
    return chars >= 8;
}

/*
 * Whether buf is a section's heading as OCR reads it: one character for
 * the ordinal, the right one or not ("元", "下"), with or without "、",
 * then the words of its official title, title (ocr_same_words).
 */
static int
is_ocr_heading(const char *buf, size_t n, words_t title)
{
    size_t k = ogi_text_cjk_at(buf, buf + n);
    if (k == 0)
        return 0;
    if (ogi_text_has_prefix(buf + k, buf + n, "、"))
        k += strlen("、");
    else if (k < n && (buf[k] == '.' || buf[k] == ','))
        k++;
    return ocr_same_words(buf + k, n - k, title);
}

/*
 * Whether buf is section id's heading printed under another number: the
 * official words (title) exactly, after any ordinal
 * ("一、主动公开政府信息情况" in a report whose own overview took several
 * numbers). Only the official
 * title and its listed variants count: a narrative sub-heading that shares
 * a keyword ("四、政府信息公开申请情况") does not.
 */
static int
is_renumbered_heading(const char *buf, size_t n, ogi_section_id_t id,
                      words_t title)
{
    static const char cjk[] = "一二三四五六七八九十";
    size_t i = 0, k = 0;
    /* the numerals' lead bytes are E4 and E5: others end it at once */
    while (n - i >= 3 && k < 3 &&
           ((unsigned char)buf[i] == 0xE4 || (unsigned char)buf[i] == 0xE5)) {
        const char *d = cjk;
        while (*d && memcmp(d, buf + i, 3) != 0)
            d += 3;
        if (!*d)
            break;
        i += 3;
        k++;
    }
    if (k == 0 || !ogi_text_has_prefix(buf + i, buf + n, "、"))
        return 0;
    i += strlen("、");
    const ogi_skel_section_t *sec = ogi_skeleton_section(id);
    if (same_words(buf + i, n - i, title))
        return 1;
    /* short variants ("主动公开情况") are what overviews number their own
     * paragraphs with */
    for (size_t v = 0; sec->variants && sec->variants[v]; v++)
        if (ogi_text_count_chars(sec->variants[v],
                                 sec->variants[v] + strlen(sec->variants[v])) >
                12 &&
            same_words(buf + i, n - i, heading_words(sec->variants[v])))
            return 1;
    return 0;
}

/*
 * Sections not found under their own number, looked for under another
 * between the headings found around them (a second pass, so that a
 * heading printed with its own number always wins).
 */
/* The fewest bytes the text of a line (stripped, without spaces) holds
 * when is_renumbered_heading or is_ocr_heading takes it for section id's
 * heading: an ordinal and "、" (six bytes at least) before a listed
 * title's words, or a character for the ordinal before the official
 * title's words with up to eight bytes lost. */
static size_t
renumbered_min_bytes(ogi_section_id_t id)
{
    const ogi_skel_section_t *sec = ogi_skeleton_section(id);
    const char *w = strstr(sec->title, "、");
    if (!w)
        return 0;
    size_t wn = strlen(w + strlen("、"));
    size_t least = wn > 5 ? wn - 5 : 0;
    for (size_t v = 0; sec->variants && sec->variants[v]; v++) {
        const char *x = strstr(sec->variants[v], "、");
        size_t xn = x ? strlen(x + strlen("、")) + 6 : 0;
        if (xn < least)
            least = xn;
    }
    return least;
}

/* Headings OCR misread or a report renumbered (the section's title
 * words after its 、 under another ordinal or none), for sections whose
 * heading was not found by its ordinal: o->heading[k] set to the first
 * line that reads so between the headings found before and after it. */
void
ogi__outline_find_renumbered(const ogi_text_t *t, ogi__outline_t *o)
{
    char buf[512];
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        if (o->heading[k] != OGI__NONE)
            continue;
        size_t least = renumbered_min_bytes((ogi_section_id_t)k);
        words_t title =
            heading_words(ogi_skeleton_section((ogi_section_id_t)k)->title);
        size_t lo = 0, hi = t->nlines;
        for (int j = 0; j < OGI_SEC_COUNT; j++) {
            size_t h = o->heading[j];
            if (h == OGI__NONE)
                continue;
            if (j < k && h + 1 > lo)
                lo = h + 1;
            if (j > k && h < hi)
                hi = h;
        }
        for (size_t l = lo; l < hi; l++) {
            if (t->lines[l].end - t->lines[l].start > 3 * HEADING_MAX_CHARS)
                continue;
            /* both tests want a CJK character first (a numeral, or one
             * OCR read for it: lead bytes E3-E9) and the words after it:
             * most lines are ruled out before they are squeezed */
            const char *e, *p = ogi__outline_line_lead(t, l, &e);
            if (!p || (unsigned char)*p < 0xE3 || (unsigned char)*p > 0xE9 ||
                (size_t)(e - p) < least)
                continue;
            const char *b;
            size_t n = ogi_text_line_squeezed(t, l, buf, sizeof(buf), &b);
            ogi__outline_strip_markup(&b, &n);
            if (n &&
                (is_renumbered_heading(b, n, (ogi_section_id_t)k, title) ||
                 is_ocr_heading(b, n, title))) {
                o->heading[k] = l;
                break;
            }
        }
    }
}
