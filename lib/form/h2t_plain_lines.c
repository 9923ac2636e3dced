/*
 * h2t_plain_lines.c - the value tokens of a line of html2text's tables
 * drawn without bars (read_h2t_plain.c): numbers, placeholders and
 * no-break spaces standing alone or touching the overflow, each with its
 * byte columns in html2text's own bytes.
 */
#include "ogi_int.h"

#include <string.h>

#include "h2t_plain_int.h"
#include "reader_int.h"

/* The offset in html2text's own bytes of raw offset r: r itself, or,
 * when html2text read the page as ISO-8859-1 (t->canvas), the offset in
 * what it wrote, each byte of the page's characters two bytes there. Its
 * columns are fixed in those bytes, not in the page's. */
uint32_t
ogi__h2t_canvas_at(const ogi_text_t *t, uint32_t r)
{
    return t->canvas ? (uint32_t)ogi_text_shift_raw(t->canvas, t->ncanvas, r)
                     : r;
}

/* Byte column (in html2text's bytes) of normalised offset i on a line
 * starting at raw r0. */
static int
raw_col(const ogi_text_t *t, size_t i, uint32_t r0)
{
    uint32_t r = ogi__h2t_canvas_at(t, ogi_text_raw_offset(t, i)), c0 = ogi__h2t_canvas_at(t, r0);
    return r - c0 < MAX_X ? (int)(r - c0) : MAX_X - 1;
}

/* Byte column just past the character ending at normalised offset
 * e - 1 (not past any broken bytes dropped after it). */
static int
raw_end(const ogi_text_t *t, size_t e, uint32_t r0)
{
    uint32_t r = ogi_text_raw_offset(t, e - 1);
    size_t k = ogi_utf8_len(t->raw + r, t->raw + t->raw_len);
    uint32_t x = ogi__h2t_canvas_at(t, r + (uint32_t)k), c0 = ogi__h2t_canvas_at(t, r0);
    return x - c0 < MAX_X ? (int)(x - c0) : MAX_X - 1;
}

/* Length of a value token at s[i..e) of t, with its kind, or 0. Digits
 * on both sides of dropped bytes are two cells' ("0\xe7\x94 0"). After
 * a value of the line (past_values) digits and "、" or "." are a value
 * and overflow ("0、" of 要求行政机关...), never a label's numbering, and
 * no numbering starts at 0. */
static int dash_kind(const ogi_text_t *t, size_t i);

/* Whether the bytes dropped at normalised offset i, right after a 不 (three
 * bytes), are the first ones of 适 (E9, E9 80): 不适用 cut there. Not
 * where html2text read the page as ISO-8859-1: there a value written over
 * 适 leaves its bytes as often before as after it, a label's 不 too. */
static int
cut_shi(const ogi_text_t *t, size_t i)
{
    if (t->canvas || i < 3 || !ogi_text_broken_at(t, i))
        return 0;
    uint32_t r = ogi_text_raw_offset(t, i - 3) + 3;
    const unsigned char *u = (const unsigned char *)t->raw;
    if (r >= t->raw_len || u[r] != 0xe9)
        return 0;
    return r + 1 >= t->raw_len || (u[r + 1] & 0xc0) != 0x80 ||
           (u[r + 1] == 0x80 &&
            (r + 2 >= t->raw_len || (u[r + 2] & 0xc0) != 0x80));
}

static size_t
token_at(const ogi_text_t *t, size_t i, size_t e, uint8_t *kind,
         int past_values, int vline)
{
    const char *s = t->s;
    size_t k = i;
    if (ogi_text_is_digit((unsigned char)s[k])) {
        /* no count goes on after a leading 0: "~00" is two cells, "~0"
         * filling its column and the next cell's 0 */
        while (k < e && ogi_text_is_digit((unsigned char)s[k]) &&
               (k == i || !ogi_text_broken_at(t, k)) &&
               !(k == i + 1 && s[i] == '0'))
            k++;
        if (k + 1 < e && s[k] == '.' &&
            ogi_text_is_digit((unsigned char)s[k + 1])) {
            k++;
            while (k < e && ogi_text_is_digit((unsigned char)s[k]))
                k++;
        }
        /* a label's numbering "1." "2、", never a value */
        if (k < e && !past_values && s[i] != '0' &&
            (s[k] == '.' || ogi_text_has_prefix(s + k, s + e, "、")))
            return 0;
        /* an amount's unit written in its cell ("6434000元"): the
         * value's, which no label's overflow starts with */
        static const char *const units[] = {"万元", "元"};
        for (size_t u = 0; u < OGI_ARRAY_LEN(units); u++)
            if (ogi_text_has_prefix(s + k, s + e, units[u]) &&
                !ogi_text_broken_at(t, k)) {
                k += strlen(units[u]);
                break;
            }
        *kind = T_NUM;
        return k - i;
    }
    /* a sign is typed: "—" (folded to '-') before digits is a
     * placeholder the next cell's value was written after ("—0") */
    if ((s[k] == '-' || s[k] == '+') && k + 1 < e && dash_kind(t, k) != 3 &&
        ogi_text_is_digit((unsigned char)s[k + 1]) &&
        !ogi_text_broken_at(t, k + 1)) {
        size_t d = token_at(t, k + 1, e, kind, past_values, vline);
        return d && *kind == T_NUM ? d + 1 : 0;
    }
    if (s[k] == '-' || s[k] == '/') {
        /* a run of one kind: "—/" is two placeholders run together */
        int kind0 = dash_kind(t, k);
        while (k < e && (s[k] == '-' || s[k] == '/') && k - i < 4 &&
               dash_kind(t, k) == kind0)
            k++;
        *kind = T_DASH;
        return k - i;
    }
    static const char *const words[] = {"不适用", "无"};
    for (size_t w = 0; w < OGI_ARRAY_LEN(words); w++)
        if (ogi_text_has_prefix(s + i, s + e, words[w])) {
            *kind = T_WORD;
            return strlen(words[w]);
        }
    /* 不适用 cut by the next cell after 不 or 不适 ("不\xe9\x80"), right
     * after a space: overflow ("不计其他情形") shows after cut bytes */
    size_t n = ogi_text_has_prefix(s + i, s + e, "不适") ? strlen("不适")
               : ogi_text_has_prefix(s + i, s + e, "不")  ? strlen("不")
                                                           : 0;
    /* or cut right at a character: 不 alone, or touching the next
     * cell's digits ("不1\x80\x82用": 适 overwritten by a total) */
    /* on a line of values only, 不 is 不适用 whatever follows: the next
     * cell's text or the pieces of another 不适用; so is 不 anywhere when
     * what was cut right after it is the start of 适 (the next cell's
     * value written over the rest: "关不\xe9\x800用"), which no label's 不
     * is followed by */
    if ((n && vline) || (n == strlen("不") && cut_shi(t, i + n))) {
        *kind = T_WORD;
        return n;
    }
    int cut = n && i + n <= e &&
              (ogi_text_broken_at(t, i + n) || i + n == e || s[i + n] == ' ' ||
               ogi_text_is_digit((unsigned char)s[i + n]) ||
               /* the next cell's dashes over 适用 ("~不--"): no label
                * has a dash after 不 */
               s[i + n] == '-' || s[i + n] == '/');
    /* "不适" is no label's text, only 不适用's: the cell's own even right
     * after the cut bytes of the overflow it was written over
     * ("查询\xe4不适--": and the next cell's dashes over 用) */
    if (cut && i > 0 &&
        ((s[i - 1] == ' ' && !ogi_text_broken_at(t, i)) ||
         n == strlen("不适"))) {
        *kind = T_WORD;
        return n;
    }
    return 0;
}

/* The kind of placeholder character at normalised offset i: '/', '-'
 * typed, or a dash folded to '-' (—, －). */
static int
dash_kind(const ogi_text_t *t, size_t i)
{
    if (t->s[i] == '/')
        return 1;
    uint32_t r = ogi_text_raw_offset(t, i);
    return r < t->raw_len && (unsigned char)t->raw[r] >= 0x80 ? 3 : 2;
}

/* Whether the character before normalised offset i was written as a
 * multibyte one and folded to ASCII (" ” ，): overflow a value touches,
 * as an ideograph's. */
static int
folded_before(const ogi_text_t *t, size_t i)
{
    uint32_t r = ogi_text_raw_offset(t, i);
    return r > 0 && (unsigned char)t->raw[r - 1] >= 0x80 &&
           (unsigned char)t->s[i - 1] < 0x80;
}

/* No-break spaces from normalised offset i of a line ending at le. */
static size_t
nbsp_run(const ogi_text_t *t, size_t i, size_t le)
{
    size_t n = 0;
    while (i + n < le && ogi__table_is_nbsp(t, i + n) &&
           (n == 0 || !ogi_text_broken_at(t, i + n)))
        n++;
    return n;
}

/* Length of a sign 增/减 at s[i..e) and the one space after it, when
 * digits follow: the sign is the value's ("增 51"), never a label's. */
static size_t
sign_at(const ogi_text_t *t, size_t i, size_t e)
{
    const char *s = t->s;
    if (!ogi_text_has_prefix(s + i, s + e, "增") &&
        !ogi_text_has_prefix(s + i, s + e, "减"))
        return 0;
    size_t k = i + strlen("增");
    if (k < e && s[k] == ' ')
        k++;
    return k < e && ogi_text_is_digit((unsigned char)s[k]) &&
                   !ogi_text_broken_at(t, k)
               ? k - i
               : 0;
}

/*
 * Whether line [ls, le) holds values only, no label: digits, dashes,
 * slashes, no-break spaces and the placeholders 无 and 不适用, and the
 * pieces cells written over one another leave of them (适, 用, cut
 * bytes). The appeals table's row is such a line: each cell is written
 * at its column's byte over what the cell to its left ran on with, so
 * whatever touches there is the next cell's value ("不\xe9\x8026\x940":
 * 不适用, 26, 0), never a label's overflow.
 */
int
ogi__h2t_values_only(const ogi_text_t *t, size_t ls, size_t le)
{
    static const char *const pieces[] = {"不", "适", "用", "无"};
    const char *s = t->s;
    size_t i = ls, digits = 0;
    while (i < le) {
        unsigned char c = (unsigned char)s[i];
        if (ogi_text_is_digit(c)) {
            digits++;
            i++;
        } else if (c == ' ' || c == '.' || c == '-' || c == '/' || c == '+') {
            i++;
        } else if (ogi__table_is_nbsp(t, i)) {
            i += ogi_utf8_len(s + i, s + le);
        } else {
            size_t k = 0;
            while (k < OGI_ARRAY_LEN(pieces) &&
                   !ogi_text_has_prefix(s + i, s + le, pieces[k]))
                k++;
            if (k == OGI_ARRAY_LEN(pieces))
                return 0;
            i += strlen(pieces[k]);
        }
    }
    return digits > 0;
}

/*
 * The value tokens of line l, accepted or not yet (clean ones are). A
 * cell's no-break spaces are its text: "&nbsp;0" is one value whose cell
 * starts at the no-break space, and the ones after a value's digits end
 * its cell. Between two values' digits ("0\xc2\xa00") they belong to the
 * left one or the right one: settled by the columns (settle_mid).
 */
void
ogi__h2t_scan_line(const ogi_text_t *t, size_t l, line_t *ln)
{
    const char *s = t->s;
    size_t ls = t->lines[l].start, le = t->lines[l].end;
    ln->n = 0;
    ln->values = 0;
    ln->r0 = ogi_text_raw_offset(t, ls);
    ln->r1 = ogi_text_raw_offset(t, le);
    ln->prose = ogi_text_find_in(s + ls, s + le, "。") != NULL;
    int vline = ln->vline = (uint8_t)ogi__h2t_values_only(t, ls, le);
    size_t i = ls;
    int after_digits = 0; /* the last token was a number ending at i */
    int after_zero = 0;   /* ... a lone 0 a digit touches (zero_split) */
    int past = 0;         /* a value token (no no-break spaces) before i */
    while (i < le && ln->n < MAX_TOK) {
        past = ln->n > 0 && ln->t[ln->n - 1].kind != T_NBSP ? 1 : past;
        uint8_t kind = T_NUM;
        size_t n = 0, lead = 0, sign = 0;
        /* digits right after a placeholder's dashes ("--0"): the next
         * cell's, its column filled */
        int after_dash = ln->n > 0 && ln->t[ln->n - 1].kind == T_DASH &&
                         ln->t[ln->n - 1].off + ln->t[ln->n - 1].n == i &&
                         (ogi_text_is_digit((unsigned char)s[i]) ||
                          s[i] == '-' || s[i] == '/');
        int start = i == ls || s[i - 1] == ' ' || after_zero ||
                    ogi_text_broken_at(t, i) ||
                    (unsigned char)s[i - 1] >= 0x80 || folded_before(t, i) ||
                    after_dash || vline;
        if (s[i] == ' ') {
            if (!ogi__table_is_nbsp(t, i)) {
                i++;
                after_digits = 0;
                after_zero = 0;
                continue;
            }
            n = nbsp_run(t, i, le);
            kind = T_NBSP;
            size_t d = 0;
            uint8_t dk = T_NUM;
            if (i + n < le && !ogi_text_broken_at(t, i + n) &&
                (ogi_text_is_digit((unsigned char)s[i + n]) ||
                 ((s[i + n] == '-' || s[i + n] == '/') &&
                  (i == ls || (s[i - 1] == ' ' && !ogi__table_is_nbsp(t, i - 1)))) ||
                 (vline && (unsigned char)s[i + n] > ' ')))
                d = token_at(t, i + n, le, &dk, past, vline);
            /* on a line of values only, a placeholder right after them
             * is the cell's too ("&nbsp;--"); elsewhere a run of dashes
             * between spaces: it touches no text, so no overflow it was
             * written over and no cell before it ("&nbsp;-") */
            if (d && (dk == T_NUM || vline ||
                      (dk == T_DASH &&
                       (i + n + d == le || s[i + n + d] == ' ') &&
                       !ogi_text_broken_at(t, i + n + d)))) {
                lead = n;
                n = d;
                kind = dk;
            }
        } else if (start) {
            sign = sign_at(t, i, le);
            n = token_at(t, i + sign, le, &kind, past, vline);
            if (sign && (n == 0 || kind != T_NUM)) {
                sign = 0;
                n = token_at(t, i, le, &kind, past, vline);
            }
        }
        if (n == 0) {
            i += ogi_utf8_len(s + i, s + le);
            after_digits = 0;
            after_zero = 0;
            continue;
        }
        size_t b = i + lead, e = b + sign + n;
        tok_t *tk = &ln->t[ln->n++];
        memset(tk, 0, sizeof(*tk));
        tk->off = (uint32_t)(b);
        tk->n = (uint32_t)(sign + n);
        tk->kind = kind;
        tk->x0 = (int16_t)raw_col(t, i, ln->r0);
        tk->x1 = (int16_t)raw_end(t, e, ln->r0);
        tk->od = tk->off;
        if (kind == T_NUM)
            while (tk->od < e && !ogi_text_is_digit((unsigned char)s[tk->od]))
                tk->od++;
        tk->xd = (int16_t)raw_col(t, tk->od < e ? tk->od : b, ln->r0);
        tk->extra = (uint8_t)(lead + (sign ? 2 : 0));
        tk->mid = lead > 0 && after_digits;
        size_t a = i;
        int nbsp_end = 0; /* no-break spaces end the cell: a space */
        if (kind == T_NUM && e < le && ogi__table_is_nbsp(t, e) &&
            (t->canvas || !ogi_text_broken_at(t, e))) {
            /* no-break spaces after the digits: the cell's, unless
             * digits follow them (the next cell's lead) or bytes cut
             * come between (the pieces of what the digits were written
             * over: the no-break space is the next cell's; where
             * html2text read the page as ISO-8859-1 the digits end
             * inside a character of six bytes as often as not) */
            size_t m = nbsp_run(t, e, le);
            if (e + m >= le || s[e + m] == ' ' || ogi_text_broken_at(t, e + m) ||
                !ogi_text_is_digit((unsigned char)s[e + m])) {
                tk->extra = (uint8_t)(tk->extra + m);
                e += m;
                tk->x1 = (int16_t)raw_end(t, e, ln->r0);
                nbsp_end = 1;
            }
        }
        /* a cell that filled its column touches the next one's text, but
         * a no-break space of either is a space between them ("6~/~2":
         * cells "6~", "/~" and "2") */
        /* a 0 and the digits touching it: two whole cells, since no
         * count goes on after a leading 0 (the split is as sure as a
         * space) */
        int zero_split = kind == T_NUM && !sign && n == 1 && s[b] == '0' &&
                         e < le && ogi_text_is_digit((unsigned char)s[e]) &&
                         !ogi_text_broken_at(t, e);
        /* where html2text read the page as ISO-8859-1 an ideograph is
         * six of its bytes, so a value written over a label's overflow
         * falls on a character's start as often as inside one: digits
         * right after a whole ideograph are a cell's own as well, when
         * the cell's no-break space or the line's end ends them (the
         * overflow goes on after the space, cut or not) */
        int over = t->canvas && kind == T_NUM && a > ls &&
                   (unsigned char)s[a - 1] >= 0x80 && (nbsp_end || e == le);
        tk->clean =
            (a == ls || s[a - 1] == ' ' || lead > 0 || after_zero || over) &&
            !ogi_text_broken_at(t, a) &&
            (e == le || s[e] == ' ' || nbsp_end || zero_split) &&
            (!ogi_text_broken_at(t, e) || over);
        after_digits = kind == T_NUM && e < le && ogi__table_is_nbsp(t, e);
        after_zero = zero_split;
        i = e;
    }
}
