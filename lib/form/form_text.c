/*
 * form_text.c - text in any encoding ogi reads to a UTF-8 view
 * (form_int.h).
 *
 * Agencies publish in UTF-8, GBK/GB2312 (read as GB18030, which covers
 * both), Big5 and, from Windows tools, UTF-16 with a BOM. What the bytes
 * are is decided in this order:
 *
 *   1. a BOM (UTF-8, UTF-16LE/BE; UTF-32 is refused);
 *   2. when the caller allows it (HTML), the charset the bytes declare in
 *      their first 4 KiB (<meta charset>, http-equiv Content-Type, an XML
 *      declaration). A declaration is a claim: when the bytes are UTF-8
 *      all the same (many sites keep a gb2312 meta after re-encoding) or
 *      do not convert, the next steps decide;
 *   3. UTF-8 by the same rule as ogi_text_decode (a few broken sequences
 *      are damage, more are another encoding): the view is raw itself,
 *      nothing is copied, and the text decoder drops and counts the
 *      damage. UTF-16 without a BOM is told before this by its NUL bytes;
 *   4. otherwise GB18030 or Big5: GB18030 reads nearly every Big5 byte
 *      pair, so decoding cannot tell them apart; uchardet's guess and how
 *      many characters fall in GB2312's common block (A1-F7 x A1-FE,
 *      where GB text lives and a third of Big5 text does not) choose
 *      which is tried first. A government text nobody is sure about is
 *      GB18030.
 *
 * Conversion to the UTF-8 view and its map is form_iconv.c's.
 */
#include "ogi_int.h"

#include <stdio.h>
#include <string.h>
#include <uchardet/uchardet.h>

#include "form_int.h"
#include "iconv_int.h"
#include "ogi/error.h"
#include "ogi/text.h"
#include "swar_int.h"
#include "utf8_int.h"

/* How far a declared charset is looked for. */
#define DECLARED_WINDOW 4096
/* How much uchardet reads: enough to be sure, bounded in time. */
#define DETECT_WINDOW (64u << 10)

/* ---- names ---- */

static int
lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* 1 when s[0..n) is lit, ignoring ASCII case. */
static int
name_is(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    if (n != k)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)s[i]) != lit[i])
            return 0;
    return 1;
}

/* A charset name as pages and tools write it, to the encoding ogi reads
 * it as; ENC_NONE for one it does not read. */
static enc_t
enc_named(const char *s, size_t n)
{
    static const char *const gb[] = {
        "gbk",      "gb2312",  "gb_2312-80", "gb_2312",     "x-gbk",
        "cp936",    "ms936",   "gb18030",    "euc-cn",      "x-euc-cn",
        "csgb2312", "chinese", "iso-ir-58",  "windows-936", "csiso58gb231280",
    };
    static const char *const big5[] = {"big5",       "big5-hkscs", "x-big5",
                                       "cn-big5",    "csbig5",     "cp950",
                                       "windows-950"};
    static const char *const utf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8",
                                       "us-ascii", "ascii"};
    for (size_t i = 0; i < OGI_ARRAY_LEN(gb); i++)
        if (name_is(s, n, gb[i]))
            return ENC_GB18030;
    for (size_t i = 0; i < OGI_ARRAY_LEN(big5); i++)
        if (name_is(s, n, big5[i]))
            return ENC_BIG5;
    for (size_t i = 0; i < OGI_ARRAY_LEN(utf8); i++)
        if (name_is(s, n, utf8[i]))
            return ENC_UTF8;
    if (name_is(s, n, "utf-16le") || name_is(s, n, "utf-16") ||
        name_is(s, n, "unicode"))
        return ENC_UTF16LE;
    if (name_is(s, n, "utf-16be"))
        return ENC_UTF16BE;
    return ENC_NONE;
}

/* The value after "key" at p (spaces, '=', spaces, an optional quote):
 * its start in *v and length, 0 when there is none. */
static size_t
value_after(const char *p, const char *end, const char **v)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    if (p >= end || *p != '=')
        return 0;
    p++;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '"' || *p == '\''))
        p++;
    const char *s = p;
    while (p < end && p - s < 40 &&
           (ogi_text_is_alnum((unsigned char)*p) || *p == '-' || *p == '_' ||
            *p == '.' || *p == ':'))
        p++;
    *v = s;
    return (size_t)(p - s);
}

/* The charset raw declares in its first DECLARED_WINDOW bytes: an XML
 * declaration's encoding, else the first charset= (a <meta charset> or
 * an http-equiv Content-Type). *name gets the name as written. */
static enc_t
declared(const char *raw, size_t len, const char **name, size_t *nlen)
{
    size_t n = len < DECLARED_WINDOW ? len : DECLARED_WINDOW;
    const char *end = raw + n, *v = NULL;
    size_t k = 0;
    const char *x = ogi__form_find_ci(raw, n < 64 ? n : 64, "<?xml");
    if (x) {
        const char *q = ogi__form_find_ci(x, (size_t)(end - x), "?>");
        const char *e =
            ogi__form_find_ci(x, (size_t)((q ? q : end) - x), "encoding");
        if (e)
            k = value_after(e + 8, q ? q : end, &v);
    }
    for (const char *p = raw; k == 0 && p < end;) {
        const char *c = ogi__form_find_ci(p, (size_t)(end - p), "charset");
        if (!c)
            break;
        k = value_after(c + 7, end, &v);
        p = c + 7;
    }
    if (k == 0)
        return ENC_NONE;
    *name = v;
    *nlen = k;
    return enc_named(v, k);
}

/* ---- UTF-8 and UTF-16 by their bytes ---- */

/*
 * 1 when raw[from..len) is UTF-8 by ogi_text_decode's rule: at most one
 * broken sequence (a bad lead byte with the continuation bytes after it,
 * at most OGI_TEXT_BROKEN_MAX) per OGI_TEXT_BROKEN_RATIO non-ASCII bytes.
 * *broken gets the count.
 */
#if defined(__SSE2__) && defined(__GNUC__)
/* The ASCII bytes, the leads of valid three-byte characters (E1-EC or
 * EE-EF: ideographs and full-width punctuation; E0 and ED, whose second
 * bytes are narrower, are left to the byte loop) and the continuation
 * bytes among the 16 at u, bit k for byte k. */
static inline void
masks16(const unsigned char *u, uint32_t *single, uint32_t *lead,
        uint32_t *cont)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)u);
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)0xE1));
    __m128i l = _mm_andnot_si128(
        _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)),
        _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(0x0E)), d));
    /* 80-BF, as signed bytes, are those below C0 */
    __m128i c = _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0));
    *single = ~(uint32_t)_mm_movemask_epi8(v) & 0xFFFFu;
    *lead = (uint32_t)_mm_movemask_epi8(l);
    *cont = (uint32_t)_mm_movemask_epi8(c);
}

/* How many of the 64 bytes at u are ASCII and such three-byte characters,
 * in whole characters from the start (ogi__utf8_run16's rule over 64
 * bytes: a turn of the check's loop costs as much as the test of sixteen
 * bytes, so the more at a turn the better). */
static inline unsigned
valid64(const unsigned char *u)
{
    uint64_t single = 0, lead = 0, cont = 0;
    for (unsigned k = 0; k < 64; k += 16) {
        uint32_t s, l, c;
        masks16(u + k, &s, &l, &c);
        single |= (uint64_t)s << k;
        lead |= (uint64_t)l << k;
        cont |= (uint64_t)c << k;
    }
    return ogi__utf8_run64(single, lead, cont, 0);
}
#endif

/*
 * 1 when raw[from..len) is UTF-8 by ogi_text_decode's rule: at most one
 * broken sequence (a bad lead byte with the continuation bytes after it,
 * at most OGI_TEXT_BROKEN_MAX) per OGI_TEXT_BROKEN_RATIO non-ASCII bytes.
 * *broken gets the count.
 */
static int
is_utf8(const char *raw, size_t len, size_t from, size_t *broken)
{
    const unsigned char *u = (const unsigned char *)raw;
    const char *end = raw + len;
    size_t i = from, nb = 0;
    while (i < len) {
#if defined(__SSE2__) && defined(__GNUC__)
        /* ASCII, ideographs and CJK punctuation, most of a report, a
         * block at a time */
        unsigned p = 64;
        while (len - i >= 64 && p >= 62) {
            p = valid64(u + i);
            i += p;
        }
#else
        while (len - i >= 8 && !(ogi__word_load(raw + i) & OGI__HIGHS))
            i += 8;
#endif
        if (i >= len)
            break;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = ogi_utf8_decode(raw + i, end, &cp);
        if (n == 0) {
            n = 1;
            while (i + n < len && n < OGI_TEXT_BROKEN_MAX &&
                   (u[i + n] & 0xC0) == 0x80)
                n++;
            nb++;
        }
        i += n;
    }
    *broken = nb;
    if (nb == 0)
        return 1;
    /* the non-ASCII bytes: every byte of a character or a broken
     * sequence but the ASCII ones */
    size_t high = 0;
    for (i = from; i < len; i++)
        high += u[i] >= 0x80;
    return nb * OGI_TEXT_BROKEN_RATIO <= high;
}

/*
 * UTF-16 without a BOM, from the first DECLARED_WINDOW bytes: the ASCII
 * of a report (digits, line breaks, spaces) puts NUL bytes on one side of
 * each pair and almost never on the other. Also, with no NUL at all, when
 * nearly every high byte is that of a CJK character or punctuation
 * (U+3000-U+30FF, U+4E00-U+9FFF, U+FF00-U+FFEF) while the text is not
 * UTF-8. ENC_NONE when neither side looks so.
 */
static enc_t
utf16_guess(const char *raw, size_t len, int not_utf8)
{
    const unsigned char *u = (const unsigned char *)raw;
    size_t n = (len < DECLARED_WINDOW ? len : DECLARED_WINDOW) & ~(size_t)1;
    size_t pairs = n / 2;
    if (pairs < 8)
        return ENC_NONE;
    /* without a NUL byte only the CJK test can say UTF-16, and it is
     * asked only of text that is not UTF-8: most texts stop here */
    if (!not_utf8 && !memchr(raw, 0, n))
        return ENC_NONE;
    size_t zero[2] = {0, 0}, cjk[2] = {0, 0};
    for (size_t i = 0; i < n; i++) {
        unsigned c = u[i];
        zero[i & 1] += c == 0;
        if (not_utf8)
            cjk[i & 1] += c == 0 || c == 0x30 || (c >= 0x4E && c <= 0x9F) ||
                          c == 0xFF || (c >= 0x20 && c <= 0x26);
    }
    /* side 1 high: LE; side 0 high: BE */
    for (int s = 0; s < 2; s++) {
        size_t z = zero[s], other = zero[!s];
        if (z * 16 >= pairs && other * 8 <= z)
            return s ? ENC_UTF16LE : ENC_UTF16BE;
        if (not_utf8 && cjk[s] * 20 >= pairs * 19 && cjk[!s] * 4 < pairs * 3)
            return s ? ENC_UTF16LE : ENC_UTF16BE;
    }
    return ENC_NONE;
}

/* ---- choosing between GB18030 and Big5 ---- */

/* What uchardet makes of the first DETECT_WINDOW bytes, copied into
 * buf ("" when it has no guess). */
static void
detect(const char *raw, size_t len, char *buf, size_t size)
{
    buf[0] = '\0';
    uchardet_t ud = uchardet_new();
    if (!ud)
        return;
    if (uchardet_handle_data(ud, raw,
                             len < DETECT_WINDOW ? len : DETECT_WINDOW) == 0) {
        uchardet_data_end(ud);
        const char *cs = uchardet_get_charset(ud);
        if (cs)
            snprintf(buf, size, "%s", cs);
    }
    uchardet_delete(ud);
}

/*
 * Of the double-byte characters in the first DETECT_WINDOW bytes read as
 * GB18030, how many per thousand lie in GB2312's block (both bytes
 * A1-FE): 980 and more in GB text, at most about 600 in Big5 text, whose
 * second bytes run from 40 to 7E as often as not. 1000 without any.
 */
static unsigned
gb2312_share(const char *raw, size_t len)
{
    const unsigned char *u = (const unsigned char *)raw;
    size_t n = len < DETECT_WINDOW ? len : DETECT_WINDOW, dbl = 0, in = 0;
    for (size_t i = 0; i < n;) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = ogi__iconv_char_len(ENC_GB18030, u + i, n - i);
        if (k == 2) {
            dbl++;
            in += u[i] >= 0xA1 && u[i + 1] >= 0xA1 && u[i + 1] <= 0xFE;
        }
        i += k;
    }
    return dbl ? (unsigned)(in * 1000 / dbl) : 1000;
}

/* ---- the view ---- */

static void
view_raw(const char *raw, size_t len, ogi__view_t *out)
{
    out->s = raw;
    out->len = len;
    out->encoding = ogi__encs[ENC_UTF8].name;
    out->map = NULL;
    out->nmap = 0;
    out->nraw = len;
    out->nbad = 0;
    out->bad_raw = 0;
    out->twice = NULL;
    out->text = NULL;
}

/* rc from a try: go on to the next step (0), or stop with it. */
static int
fatal(int rc)
{
    return rc == OGI_ENOMEM || rc == OGI_ETOOBIG;
}

static int decode(ogi_arena_t *arena, const char *raw, size_t len,
                  int hint_declared, int inner, int *assumed, ogi__view_t *out,
                  char *why, size_t why_size);

/* raw, valid UTF-8: its view, or that of the bytes it stands for when it
 * was encoded twice (and they decode) */
static int
utf8_or_twice(ogi_arena_t *arena, const char *raw, size_t len,
              int hint_declared, int inner, ogi__view_t *out, char *why,
              size_t why_size)
{
    view_raw(raw, len, out);
    if (inner)
        return 0;
    ogi__twice_t t;
    int rc = ogi__form_twice_undo(arena, raw, len, &t);
    if (rc <= 0)
        return rc;
    ogi__view_t v;
    char w[8];
    rc = decode(arena, t.s, t.len, hint_declared, 1, NULL, &v, w, sizeof(w));
    if (rc == OGI_ENOMEM)
        return rc;
    if (rc)
        return 0; /* the bytes are no text: the characters were meant */
    if (v.encoding && strcmp(v.encoding, "gb18030") == 0) {
        /* GBK read as ISO-8859-1 by a tool that cut characters */
        if ((rc = ogi__form_twice_gbk(arena, raw, len, &t)))
            return rc;
        rc =
            decode(arena, t.s, t.len, hint_declared, 1, NULL, &v, w, sizeof(w));
        if (rc == OGI_ENOMEM)
            return rc;
        if (rc)
            return 0;
        /* a view of broken UTF-8 is one no longer than the raw bytes */
        if (v.len + t.ncuts <= len &&
            (rc = ogi__form_twice_mark_cuts(arena, &v, &t)))
            return rc;
    }
    if ((rc = ogi__form_twice_compose(arena, &v, &t, len)))
        return rc;
    v.twice = t.as;
    *out = v;
    (void)why;
    (void)why_size;
    return 0;
}

int
ogi__form_decode(ogi_arena_t *arena, const char *raw, size_t len,
                 int hint_declared, ogi__view_t *out, char *why,
                 size_t why_size)
{
    return decode(arena, raw, len, hint_declared, 0, NULL, out, why, why_size);
}

/* inner: raw is the bytes of a text encoded twice, not looked at again.
 * assumed: NULL, or where to say that raw was taken for UTF-8 without
 * the check (ogi__form_text_assumed). */
static int
decode(ogi_arena_t *arena, const char *raw, size_t len, int hint_declared,
       int inner, int *assumed, ogi__view_t *out, char *why, size_t why_size)
{
    const unsigned char *u = (const unsigned char *)raw;
    int rc;
    if (why_size)
        why[0] = '\0';
    view_raw(raw, len, out);
    if (len == 0)
        return 0;
    if (len > UINT32_MAX - 1) {
        snprintf(why, why_size, "text: %zu bytes is beyond what ogi reads",
                 len);
        return OGI_ETOOBIG;
    }

    /* 1. the BOM */
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        return 0; /* the text decoder skips it */
    if (len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && !u[2] && !u[3]) ||
                     (!u[0] && !u[1] && u[2] == 0xFE && u[3] == 0xFF))) {
        snprintf(why, why_size,
                 "text: UTF-32 (BOM), not an encoding ogi "
                 "reads (UTF-8, GB18030, Big5 or UTF-16)");
        return OGI_ENCODING;
    }
    if (len >= 2 &&
        ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        enc_t e = u[0] == 0xFF ? ENC_UTF16LE : ENC_UTF16BE;
        rc = ogi__iconv_view(arena, raw, len, 2, e, out);
        if (rc == OGI_ENCODING)
            snprintf(why, why_size, "text: a %s BOM, but not %s text",
                     ogi__encs[e].label, ogi__encs[e].label);
        return rc;
    }

    size_t broken = 0;
    int utf8 = -1; /* not yet known */

    /* 2. a declared charset, when the form has a way to declare one */
    if (hint_declared) {
        const char *name = NULL;
        size_t nlen = 0;
        enc_t e = declared(raw, len, &name, &nlen);
        if (e == ENC_GB18030 || e == ENC_BIG5) {
            /* pages that were re-encoded keep their old meta */
            utf8 = is_utf8(raw, len, 0, &broken);
            if (utf8)
                return utf8_or_twice(arena, raw, len, hint_declared, inner, out,
                                     why, why_size);
            /* strictly: one refused byte and the claim is not taken */
            rc = ogi__iconv_view(arena, raw, len, 0, e, out);
            if ((rc == 0 && out->nbad == 0) || fatal(rc))
                return rc;
            view_raw(raw, len, out);
        }
    }

    /* 3. UTF-8, unless NUL bytes on one side of each pair say UTF-16 */
    enc_t w = utf16_guess(raw, len, 0);
    if (w != ENC_NONE) {
        rc = ogi__iconv_view(arena, raw, len, 0, w, out);
        if (rc == 0 || fatal(rc))
            return rc;
        view_raw(raw, len, out);
    }
    if (utf8 < 0 && assumed) {
        *assumed = 1;
        utf8 = 1;
    }
    if (utf8 < 0)
        utf8 = is_utf8(raw, len, 0, &broken);
    if (utf8)
        return utf8_or_twice(arena, raw, len, hint_declared, inner, out, why,
                             why_size);
    w = utf16_guess(raw, len, 1);
    if (w != ENC_NONE) {
        rc = ogi__iconv_view(arena, raw, len, 0, w, out);
        if (rc == 0 || fatal(rc))
            return rc;
        view_raw(raw, len, out);
    }

    /* 4. GB18030 or Big5 */
    char cs[64];
    detect(raw, len, cs, sizeof(cs));
    int big5_first = name_is(cs, strlen(cs) < 4 ? strlen(cs) : 4, "big5") ||
                     name_is(cs, strlen(cs), "euc-tw") ||
                     gb2312_share(raw, len) < 800;
    enc_t order[2] = {ENC_GB18030, ENC_BIG5};
    if (big5_first) {
        order[0] = ENC_BIG5;
        order[1] = ENC_GB18030;
    }
    ogi__view_t best = {0};
    int have = 0;
    for (int k = 0; k < 2; k++) {
        ogi__view_t v = {0};
        rc = ogi__iconv_view(arena, raw, len, 0, order[k], &v);
        if (fatal(rc))
            return rc;
        if (rc)
            continue;
        if (v.nbad == 0) {
            *out = v;
            return 0;
        }
        if (!have || v.nbad < best.nbad) {
            best = v;
            have = 1;
        }
    }
    if (have) {
        *out = best;
        return 0;
    }
    view_raw(raw, len, out);
    snprintf(why, why_size,
             "text: not UTF-8, GB18030, Big5 or UTF-16 (uchardet: %s; %zu "
             "broken UTF-8 sequences)",
             cs[0] ? cs : "no guess", broken);
    return OGI_ENCODING;
}

int
ogi__form_text(ogi_arena_t *arena, const char *raw, size_t len,
               ogi__view_t *out, char *why, size_t why_size)
{
    return ogi__form_decode(arena, raw, len, 0, out, why, why_size);
}

int
ogi__form_text_assumed(ogi_arena_t *arena, const char *raw, size_t len,
                       ogi__view_t *out, char *why, size_t why_size,
                       int *assumed)
{
    *assumed = 0;
    return decode(arena, raw, len, 0, 0, assumed, out, why, why_size);
}

int
ogi__form_text_is_utf8(const char *raw, size_t len)
{
    size_t broken;
    return is_utf8(raw, len, 0, &broken);
}
