/*
 * test_text.c - decoding and normalisation (include/ogi/text.h,
 * lib/form/text.c).
 *
 * Usage example:
 *
 *     ogi_text_t t;
 *     char why[160];
 *     int rc = ogi_text_decode(arena, raw, raw_len, 0, &t, why, sizeof(why));
 *     if (rc == OGI_ENCODING)
 *         report why;
 *     for (size_t i = 0; i < t.nlines; i++)
 *         use t.s[t.lines[i].start .. t.lines[i].end);
 *     span in raw = ogi_text_raw_offset(&t, start) .. (&t, end)
 *
 * Raw bytes are written as escapes so that the test says exactly which
 * bytes it feeds in; the comment next to each names the character.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/alloc.h"
#include "ogi/arena.h"
#include "ogi/error.h"
#include "ogi/text.h"

#define WHY_SIZE 256

/* Characters that are invisible or ambiguous when written out. */
#define BOM    "\xef\xbb\xbf" /* U+FEFF */
#define IDSP   "\xe3\x80\x80" /* U+3000 ideographic space */
#define NBSP   "\xc2\xa0"     /* U+00A0 no-break space */
#define ZWSP   "\xe2\x80\x8b" /* U+200B zero-width space */
#define ZWNJ   "\xe2\x80\x8c" /* U+200C zero-width non-joiner */
#define ZWJ    "\xe2\x80\x8d" /* U+200D zero-width joiner */
#define SHY    "\xc2\xad"     /* U+00AD soft hyphen */
#define EMDASH "\xe2\x80\x94" /* U+2014 — */

static int
setup(void **state)
{
    ogi_arena_t *a = ogi_arena_new(0);
    if (!a)
        return -1;
    *state = a;
    return 0;
}

static int
teardown(void **state)
{
    ogi_alloc_fail_after(-1);
    ogi_arena_t *a = *state;
    ogi_arena_destroy(&a);
    return 0;
}

/* Decodes a NUL-terminated literal; expects success. */
static void
decode_ok(void **state, const char *raw, ogi_text_t *t)
{
    char why[WHY_SIZE];
    int rc = ogi_text_decode(*state, raw, strlen(raw), 0, t, why, sizeof(why));
    if (rc != 0)
        print_error("unexpected %d: %s\n", rc, why);
    assert_int_equal(rc, OGI_OK);
    assert_non_null(t->s);
    assert_int_equal(strlen(t->s), t->len); /* NUL-terminated, no NUL inside */
}

/* The normalised form of raw. */
static void
assert_norm(void **state, const char *raw, const char *want)
{
    ogi_text_t t;
    decode_ok(state, raw, &t);
    assert_string_equal(t.s, want);
    assert_int_equal(t.len, strlen(want));
    assert_true(t.len <= strlen(raw)); /* never longer */
}

/* Decodes raw[0..len) and expects rc with a non-empty reason. */
static void
assert_rejected(void **state, const char *raw, size_t len, size_t max, int rc)
{
    ogi_text_t t;
    char why[WHY_SIZE];
    memset(why, 'X', sizeof(why));
    int got = ogi_text_decode(*state, raw, len, max, &t, why, sizeof(why));
    assert_int_equal(got, rc);
    assert_non_null(memchr(why, '\0', sizeof(why))); /* terminated */
    assert_true(strlen(why) > 0);
    assert_int_not_equal(why[0], 'X');
}

/* ---- decoding ---- */

static void
plain_ascii(void **state)
{
    ogi_text_t t;
    const char *raw = "hello\tworld";
    decode_ok(state, raw, &t);
    assert_string_equal(t.s, "hello\tworld");
    assert_ptr_equal(t.raw, raw);
    assert_int_equal(t.raw_len, strlen(raw));
    assert_int_equal(t.bom, 0);
    assert_int_equal(t.nlines, 1);
}

static void
utf8_without_bom(void **state)
{
    ogi_text_t t;
    /* 政府信息公开 */
    const char *raw = "\xe6\x94\xbf\xe5\xba\x9c\xe4\xbf\xa1\xe6\x81\xaf"
                      "\xe5\x85\xac\xe5\xbc\x80";
    decode_ok(state, raw, &t);
    assert_int_equal(t.bom, 0);
    assert_string_equal(t.s, "政府信息公开");
    assert_int_equal(ogi_text_raw_offset(&t, 0), 0);
    assert_int_equal(ogi_text_raw_offset(&t, 3), 3);
}

static void
utf8_with_bom(void **state)
{
    ogi_text_t t;
    const char *raw = "\xef\xbb\xbf"
                      "\xe6\x94\xbf\xe5\xba\x9c"; /* BOM 政府 */
    decode_ok(state, raw, &t);
    assert_int_equal(t.bom, 3);
    assert_string_equal(t.s, "政府");
    assert_int_equal(t.len, 6);
    assert_int_equal(ogi_text_raw_offset(&t, 0), 3); /* points past the BOM */
    assert_int_equal(ogi_text_raw_offset(&t, 6), 9);
    assert_int_equal(t.raw_len, 9);
}

static void
bom_only_and_empty(void **state)
{
    ogi_text_t t;
    decode_ok(state, "\xef\xbb\xbf", &t);
    assert_int_equal(t.bom, 3);
    assert_int_equal(t.len, 0);
    assert_string_equal(t.s, "");
    assert_int_equal(ogi_text_raw_offset(&t, 0), 3);

    decode_ok(state, "", &t);
    assert_int_equal(t.len, 0);
    assert_string_equal(t.s, "");
    assert_int_equal(ogi_text_raw_offset(&t, 0), 0);
    assert_true(t.nlines <= 1);
}

/* A truncated BOM is not a BOM (and here not valid UTF-8 either). */
static void
partial_bom_rejected(void **state)
{
    assert_rejected(state, "\xef\xbb", 2, 0, OGI_ENCODING);
}

/* ---- normalisation ---- */

static void
fullwidth_ascii_folded(void **state)
{
    assert_norm(state, "\xef\xbc\x88\xe4\xb8\x80\xef\xbc\x89", /* （一） */
                "(一)");
    assert_norm(state, "\xef\xbc\x91\xef\xbc\x92", "12"); /* １２ */
    assert_norm(state, "\xef\xbc\x9a", ":");              /* ： */
    assert_norm(state, "\xef\xbc\x8b\xef\xbc\x95", "+5"); /* ＋５ */
    assert_norm(state, "\xef\xbc\xa1\xef\xbd\x9a", "Az"); /* Ａｚ */
    assert_norm(state, "\xef\xbc\x8c\xef\xbc\x8e", ",."); /* ，． */
    assert_norm(state, "\xef\xbc\x81\xef\xbd\x9e", "!~"); /* U+FF01, U+FF5E */
    /* CJK punctuation outside the full-width ASCII block is kept */
    assert_norm(state, "\xe3\x80\x81\xe3\x80\x82", "、。");
}

static void
spaces_folded(void **state)
{
    assert_norm(state, "a" IDSP "b", "a b");
    assert_norm(state, "a" NBSP "b", "a b");
    assert_norm(state, IDSP IDSP "1", "  1");
}

static void
dashes_folded(void **state)
{
    assert_norm(state, "\xe2\x80\x94", "-"); /* — U+2014 */
    assert_norm(state, "\xe2\x80\x93", "-"); /* – U+2013 */
    assert_norm(state, "\xe2\x88\x92", "-"); /* − U+2212 */
    assert_norm(state, "\xef\xbc\x8d", "-"); /* － U+FF0D */
    assert_norm(state, "\xe2\x80\x90", "-"); /* ‐ U+2010 */
    /* a phone number with an em dash, as in contact lines */
    assert_norm(state, "0458" EMDASH "3608992", "0458-3608992");
    /* ——, two em dashes, stay two */
    assert_norm(state, EMDASH EMDASH, "--");
}

static void
quotes_folded(void **state)
{
    /* 危及“三安全一稳定” */
    assert_norm(state,
                "\xe5\x8d\xb1\xe5\x8f\x8a\xe2\x80\x9c\xe4\xb8\x89\xe5\xae\x89"
                "\xe5\x85\xa8\xe4\xb8\x80\xe7\xa8\xb3\xe5\xae\x9a\xe2\x80\x9d",
                "危及\"三安全一稳定\"");
    assert_norm(state, "\xe2\x80\x98x\xe2\x80\x99", "'x'"); /* ‘x’ */
}

static void
line_endings(void **state)
{
    assert_norm(state, "a\r\nb\r\n", "a\nb\n");
    assert_norm(state, "a\rb\r", "a\nb\n");
    assert_norm(state, "a\r\r\nb", "a\n\nb"); /* lone CR, then CR LF */
    assert_norm(state, "a\n\rb", "a\n\nb");   /* LF then lone CR */
    assert_norm(state, "\r", "\n");
}

static void
zero_width_dropped(void **state)
{
    assert_norm(state, "a" ZWSP "b", "ab");
    assert_norm(state, "a" ZWNJ "b", "ab");
    assert_norm(state, "a" ZWJ "b", "ab");
    assert_norm(state, "a" BOM "b", "ab"); /* not at the start: dropped */
    assert_norm(state, "a" SHY "b", "ab");
    assert_norm(state, ZWSP ZWSP, "");
    assert_norm(state, BOM "a" BOM, "a");
}

/* Characters without a folding pass through byte for byte. */
static void
other_characters_kept(void **state)
{
    assert_norm(state, "\xc3\xa9", "é");
    assert_norm(state, "\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80"); /* U+1F600 */
    assert_norm(state, "\xe4\xb8\x87\xe5\x85\x83", "万元");
}

/* A few stray control characters become spaces; the text is kept. */
static void
few_control_chars_become_spaces(void **state)
{
    assert_norm(state, "page\fbreak, a\vvertical tab, a\x7f",
                "page break, a vertical tab, a ");
}

/* map[i] is the raw offset of the byte s[i] came from, for a mix of every
 * kind of rewrite; map[len] is the raw length. */
static void
map_points_at_raw_bytes(void **state)
{
    ogi_text_t t;
    const char *raw = "\xef\xbb\xbf" /*  0 BOM, skipped */
                      "A"            /*  3 */
                      "\xef\xbc\x88" /*  4 （ -> ( */
                      "\xef\xbc\x91" /*  7 １ -> 1 */
                      "\xef\xbc\x89" /* 10 ） -> ) */
                      "\xe2\x80\x94" /* 13 — -> - */
                      "\xe4\xb8\xad" /* 16 中, kept (an ideograph) */
                      "\xe3\x80\x81" /* 19 、, kept (CJK punctuation) */
                      "\xc3\xa9"     /* 22 é, kept (2 bytes) */
                      "\r\n"         /* 24 CR dropped, 25 LF */
                      "\xe2\x80\x8b" /* 26 ZWSP dropped */
                      "\xe3\x80\x80" /* 29 U+3000 -> ' ' */
                      "\xc2\xa0"     /* 32 NBSP -> ' ' */
                      "\r"           /* 34 lone CR -> LF */
                      "\xe2\x80\x9d" /* 35 ” -> " */
                      "x";           /* 38 */
    decode_ok(state, raw, &t);
    assert_string_equal(t.s, "A(1)-中、é\n  \n\"x");
    static const uint32_t want[] = {3,  4,  7,  10, 13, 16, 17, 18, 19, 20,
                                    21, 22, 23, 25, 29, 32, 34, 35, 38, 39};
    assert_int_equal(t.len + 1, sizeof(want) / sizeof(want[0]));
    for (size_t i = 0; i <= t.len; i++) {
        if (ogi_text_raw_offset(&t, i) != want[i])
            print_error("map[%zu] = %u, want %u\n", i, ogi_text_raw_offset(&t, i), want[i]);
        assert_int_equal(ogi_text_raw_offset(&t, i), want[i]);
        assert_int_equal(ogi_text_raw_offset(&t, i), want[i]);
    }
    /* every ASCII byte kept as is maps onto the same byte */
    assert_int_equal(raw[ogi_text_raw_offset(&t, 0)], 'A');
    assert_int_equal(raw[ogi_text_raw_offset(&t, 13)], '\n');
    assert_int_equal(raw[ogi_text_raw_offset(&t, 18)], 'x');
    /* kept multi-byte characters map byte for byte */
    assert_memory_equal(raw + ogi_text_raw_offset(&t, 5), t.s + 5, 3);
    assert_memory_equal(raw + ogi_text_raw_offset(&t, 8), t.s + 8, 3);
    assert_memory_equal(raw + ogi_text_raw_offset(&t, 11), t.s + 11, 2);
    /* offsets past the end clamp to the end */
    assert_int_equal(ogi_text_raw_offset(&t, t.len + 100), 39);
}

/* A span found in the normalised text points back into the raw bytes. */
static void
span_maps_back(void **state)
{
    ogi_text_t t;
    /* "总计：１２件" */
    const char *raw = "\xe6\x80\xbb\xe8\xae\xa1\xef\xbc\x9a\xef\xbc\x91\xef"
                      "\xbc\x92\xe4\xbb\xb6";
    decode_ok(state, raw, &t);
    const char *p = ogi_text_find(t.s, t.len, "12");
    assert_non_null(p);
    size_t i = (size_t)(p - t.s);
    uint32_t b = ogi_text_raw_offset(&t, i);
    uint32_t e = ogi_text_raw_offset(&t, i + 2);
    assert_int_equal(b, 9);
    assert_int_equal(e, 15);
    assert_memory_equal(raw + b, "\xef\xbc\x91\xef\xbc\x92", e - b);
}

/* ---- lines ---- */

static void
lines_basic(void **state)
{
    ogi_text_t t;
    decode_ok(state, "ab\ncde\n\nf", &t);
    assert_int_equal(t.nlines, 4);
    assert_int_equal(t.lines[0].start, 0);
    assert_int_equal(t.lines[0].end, 2);
    assert_int_equal(t.lines[1].start, 3);
    assert_int_equal(t.lines[1].end, 6);
    assert_int_equal(t.lines[2].start, 7); /* the empty line */
    assert_int_equal(t.lines[2].end, 7);
    assert_int_equal(t.lines[3].start, 8);
    assert_int_equal(t.lines[3].end, 9);
}

/* No empty last line after a final LF; but an empty line before it counts. */
static void
lines_final_lf(void **state)
{
    ogi_text_t t;
    decode_ok(state, "a\nb\n", &t);
    assert_int_equal(t.nlines, 2);
    assert_int_equal(t.lines[1].start, 2);
    assert_int_equal(t.lines[1].end, 3);

    decode_ok(state, "a\n\n", &t);
    assert_int_equal(t.nlines, 2);
    assert_int_equal(t.lines[1].start, 2);
    assert_int_equal(t.lines[1].end, 2);

    decode_ok(state, "\n", &t);
    assert_int_equal(t.nlines, 1);
    assert_int_equal(t.lines[0].start, 0);
    assert_int_equal(t.lines[0].end, 0);

    decode_ok(state, "one line", &t);
    assert_int_equal(t.nlines, 1);
    assert_int_equal(t.lines[0].end, 8);
}

/* Lines are counted after CR LF and lone CR become LF. */
static void
lines_crlf(void **state)
{
    ogi_text_t t;
    decode_ok(state, "a\r\nbb\rc\r\n", &t);
    assert_string_equal(t.s, "a\nbb\nc\n");
    assert_int_equal(t.nlines, 3);
    assert_int_equal(t.lines[1].start, 2);
    assert_int_equal(t.lines[1].end, 4);
    assert_int_equal(t.lines[2].start, 5);
    assert_int_equal(t.lines[2].end, 6);
    /* the line's span maps to raw bytes "bb" */
    assert_int_equal(ogi_text_raw_offset(&t, t.lines[1].start), 3);
    assert_int_equal(ogi_text_raw_offset(&t, t.lines[1].end), 5);
}

/* Lines of a multi-byte text are in bytes of the normalised text. */
static void
lines_multibyte(void **state)
{
    ogi_text_t t;
    decode_ok(state,
              "\xe4\xb8\x80\xe3\x80\x81\n\xef\xbc\x88\xe4\xb8\x80\xef"
              "\xbc\x89", /* 一、\n（一） */
              &t);
    assert_string_equal(t.s, "一、\n(一)");
    assert_int_equal(t.nlines, 2);
    assert_int_equal(t.lines[0].end, 6);
    assert_int_equal(t.lines[1].start, 7);
    assert_int_equal(t.lines[1].end, 12);
    assert_int_equal(ogi_text_raw_offset(&t, t.lines[1].end), 16);
}

/* ---- rejections ---- */

static void
reject_nul(void **state)
{
    static const char raw[] = {'a', 'b', '\0', 'c'};
    assert_rejected(state, raw, sizeof(raw), 0, OGI_ENCODING);
}

static void
reject_utf16(void **state)
{
    static const char le[] = {'\xff', '\xfe', 'a', '\0', 'b', '\0'};
    static const char be[] = {'\xfe', '\xff', '\0', 'a', '\0', 'b'};
    assert_rejected(state, le, sizeof(le), 0, OGI_ENCODING);
    assert_rejected(state, be, sizeof(be), 0, OGI_ENCODING);
    /* the BOM alone is enough */
    assert_rejected(state, le, 2, 0, OGI_ENCODING);
    assert_rejected(state, be, 2, 0, OGI_ENCODING);
}

static void
reject_invalid_utf8(void **state)
{
    /* a lone continuation byte */
    assert_rejected(state, "ab\x80zz", 5, 0, OGI_ENCODING);
    /* a 3-byte sequence cut short at the end of the input */
    assert_rejected(state, "ab\xe4\xb8", 4, 0, OGI_ENCODING);
    /* ... and in the middle, followed by ASCII */
    assert_rejected(state, "\xe4\xb8z", 3, 0, OGI_ENCODING);
    /* overlong encoding of NUL */
    assert_rejected(state, "a\xc0\x80", 3, 0, OGI_ENCODING);
    /* overlong 3-byte form of '/' */
    assert_rejected(state, "\xe0\x80\xaf", 3, 0, OGI_ENCODING);
    /* a UTF-16 surrogate U+D800 */
    assert_rejected(state, "\xed\xa0\x80", 3, 0, OGI_ENCODING);
    /* beyond U+10FFFF */
    assert_rejected(state, "\xf4\x90\x80\x80", 4, 0, OGI_ENCODING);
    /* bytes never valid in UTF-8 */
    assert_rejected(state, "\xff", 1, 0, OGI_ENCODING);
    assert_rejected(state, "\xf8\x88\x80\x80\x80", 5, 0, OGI_ENCODING);
    /* GBK: 政府 */
    assert_rejected(state, "\xd5\xfe\xb8\xae", 4, 0, OGI_ENCODING);
}

/* ---- broken sequences in UTF-8 text ---- */

/* 政府信息公开 four times: enough ideographs to excuse a few broken bytes. */
#define ZF4 "政府信息公开政府信息公开政府信息公开政府信息公开"

/* html2text cuts 文 (e6 96 87) after two bytes and draws its bar: the two
 * bytes are dropped, counted, and remembered where they were. */
static void
broken_dropped_and_counted(void **state)
{
    ogi_text_t t;
    const char *raw = ZF4 "|15\xe6\x80\xa7\xe6\x96|52_|";
    decode_ok(state, raw, &t);
    assert_string_equal(t.s, ZF4 "|15性|52_|");
    assert_int_equal(t.nbroken, 1);
    size_t at = strlen(ZF4 "|15性");
    assert_int_equal(t.broken_raw, at);
    assert_int_equal(t.broken[0], at);
    assert_true(ogi_text_broken_at(&t, at));
    assert_false(ogi_text_broken_at(&t, at - 1));
    assert_false(ogi_text_broken_at(&t, at + 1));
    /* the '|' after the dropped bytes maps to its raw byte */
    assert_int_equal(ogi_text_raw_offset(&t, at), at + 2);
    assert_int_equal(ogi_text_raw_offset(&t, at - 1), at - 1);
}

/* A run of stray continuation bytes is one sequence; a lead byte followed
 * by a valid character loses only itself. */
static void
broken_runs(void **state)
{
    ogi_text_t t;
    /* 19, then the tail of 管 (ae a1), 理; a lone e6 before 性 */
    const char *raw = ZF4 "|19\xae\xa1理|\xe6性|";
    decode_ok(state, raw, &t);
    assert_string_equal(t.s, ZF4 "|19理|性|");
    assert_int_equal(t.nbroken, 2);
    assert_int_equal(t.broken[0], strlen(ZF4 "|19"));
    assert_int_equal(t.broken[1], strlen(ZF4 "|19理|"));
    assert_int_equal(t.broken_raw, strlen(ZF4 "|19"));
    /* a run longer than a sequence counts as several */
    decode_ok(state, ZF4 "\x80\x80\x80\x80\x80\x80", &t);
    assert_string_equal(t.s, ZF4);
    assert_int_equal(t.nbroken, 2);
    assert_true(ogi_text_broken_at(&t, strlen(ZF4)));
}

/* Broken bytes at the very start, the very end, and around a line break;
 * lines and the squeezed text skip them. */
static void
broken_at_edges(void **state)
{
    ogi_text_t t;
    const char *raw = "\xbf" ZF4 "\xe4\n\xb8\x80" ZF4 "\xe4\xb8";
    decode_ok(state, raw, &t);
    assert_string_equal(t.s, ZF4 "\n" ZF4);
    assert_int_equal(t.nbroken, 4);
    assert_int_equal(t.broken_raw, 0);
    assert_int_equal(t.nlines, 2);
    assert_int_equal(t.lines[1].start, strlen(ZF4) + 1);
    assert_string_equal(t.sq.s, ZF4 ZF4);
    assert_int_equal(ogi_text_raw_offset(&t, 0), 1);
    assert_int_equal(ogi_text_raw_offset(&t, strlen(ZF4) + 1),
                     strlen(ZF4) + 5);
}

/* The proportion decides: one broken sequence per eight non-ASCII bytes
 * is still UTF-8 with damage, more is another encoding. */
static void
broken_threshold(void **state)
{
    ogi_text_t t;
    char why[WHY_SIZE];
    /* nine stray continuation bytes in a row: sequences of at most four */
    decode_ok(state, ZF4 "\x80\x80\x80\x80\x80\x80\x80\x80\x80", &t);
    assert_int_equal(t.nbroken, 3);
    char many[512];
    size_t n = 0;
    memcpy(many, ZF4, strlen(ZF4));
    n = strlen(ZF4);
    for (int k = 0; k < 9; k++) {
        many[n++] = 'a';
        many[n++] = '\xe6'; /* a lead byte cut from its character */
    }
    many[n] = '\0';
    /* 9 sequences, 72 + 9 = 81 non-ASCII bytes: accepted */
    decode_ok(state, many, &t);
    assert_int_equal(t.nbroken, 9);
    many[n++] = 'a';
    many[n++] = '\xe6';
    many[n] = '\0';
    /* 10 sequences, 82 bytes: 80 <= 82, accepted */
    decode_ok(state, many, &t);
    for (int k = 0; k < 4; k++) {
        many[n++] = 'b';
        many[n++] = '\xff';
    }
    many[n] = '\0';
    /* 14 sequences, 86 bytes: 112 > 86, rejected with the first offset */
    int rc = ogi_text_decode(*state, many, n, 0, &t, why, sizeof(why));
    assert_int_equal(rc, OGI_ENCODING);
    char off[32];
    snprintf(off, sizeof(off), "offset %zu", strlen(ZF4) + 1);
    assert_non_null(strstr(why, off));
    assert_non_null(strstr(why, "UTF-8"));
}

/* GBK long enough to be read to its end would still be rejected: every
 * ideograph is two broken bytes. */
static void
broken_gbk_rejected(void **state)
{
    char buf[4096];
    size_t n = 0;
    while (n + 5 < sizeof(buf)) {
        memcpy(buf + n, "\xd5\xfe\xb8\xae", 4); /* 政府 in GBK */
        n += 4;
        if (n % 40 == 0)
            buf[n++] = '\n';
    }
    assert_rejected(state, buf, n, 0, OGI_ENCODING);
    /* Latin-1: é and à in French */
    static const char latin1[] = "caf\xe9 \xe0 la cr\xe8me br\xfbl\xe9"
                                 "e, d\xe9j\xe0 vu";
    assert_rejected(state, latin1, sizeof(latin1) - 1, 0, OGI_ENCODING);
}

/* A NUL byte is binary data wherever it is, and the reason gives its
 * offset: before a text's end, at its end, and after GBK long enough to
 * be given up before its end (the NUL never read). */
static void
reject_nul_offset(void **state)
{
    ogi_text_t t;
    char why[WHY_SIZE];
    static char buf[16384];
    size_t n = 0;
    while (n + 5 < sizeof(buf) - 100) {
        memcpy(buf + n, "\xd5\xfe\xb8\xae", 4); /* 政府 in GBK */
        n += 4;
        if (n % 40 == 0)
            buf[n++] = '\n';
    }
    buf[n] = '\0';
    memcpy(buf + n + 1, "tail", 4);
    int rc = ogi_text_decode(*state, buf, n + 5, 0, &t, why, sizeof(why));
    assert_int_equal(rc, OGI_ENCODING);
    char want[64];
    snprintf(want, sizeof(want), "NUL byte at offset %zu", n);
    assert_non_null(strstr(why, want));
    /* a clean text, the NUL after a window's worth of ideographs */
    static const char zf[] = "政府信息公开工作年度报告政府信息公开工作年度报告"
                             "政府信息公开工作年度报告";
    size_t m = strlen(zf);
    memcpy(buf, zf, m);
    buf[m] = '\0';
    memcpy(buf + m + 1, "x\n", 2);
    rc = ogi_text_decode(*state, buf, m + 3, 0, &t, why, sizeof(why));
    assert_int_equal(rc, OGI_ENCODING);
    snprintf(want, sizeof(want), "NUL byte at offset %zu", m);
    assert_non_null(strstr(why, want));
    /* the last byte */
    rc = ogi_text_decode(*state, buf, m + 1, 0, &t, why, sizeof(why));
    assert_int_equal(rc, OGI_ENCODING);
    assert_non_null(strstr(why, want));
}

/* The reason says where the bad byte is. */
static void
reject_reason_gives_offset(void **state)
{
    ogi_text_t t;
    char why[WHY_SIZE];
    int rc = ogi_text_decode(*state, "abcdefg\x80", 8, 0, &t, why, sizeof(why));
    assert_int_equal(rc, OGI_ENCODING);
    assert_non_null(strstr(why, "7"));
}

/* A small reason buffer is truncated, never overrun. */
static void
reject_small_why(void **state)
{
    ogi_text_t t;
    char why[8];
    memset(why, 'X', sizeof(why));
    int rc = ogi_text_decode(*state, "a\x80", 2, 0, &t, why, 5);
    assert_int_equal(rc, OGI_ENCODING);
    assert_int_equal(strlen(why), 4);
    assert_int_equal(why[5], 'X');
    assert_int_equal(why[7], 'X');
}

static void
reject_many_control_chars(void **state)
{
    char raw[200];
    for (size_t i = 0; i < sizeof(raw); i++)
        raw[i] = (i % 4 == 0) ? '\x01' : 'a'; /* 50 control characters */
    assert_rejected(state, raw, sizeof(raw), 0, OGI_ENCODING);
    /* even when otherwise valid UTF-8 multibyte text */
    char raw2[120];
    for (size_t i = 0; i < sizeof(raw2); i += 6)
        memcpy(raw2 + i, "\x1b\x02\xe4\xb8\x80\x03", 6);
    assert_rejected(state, raw2, sizeof(raw2), 0, OGI_ENCODING);
}

static void
too_big(void **state)
{
    char raw[101];
    memset(raw, 'a', sizeof(raw));
    assert_rejected(state, raw, sizeof(raw), 100, OGI_ETOOBIG);
    /* exactly max is fine */
    ogi_text_t t;
    char why[WHY_SIZE];
    assert_int_equal(
        ogi_text_decode(*state, raw, 100, 100, &t, why, sizeof(why)), OGI_OK);
    assert_int_equal(t.len, 100);
}

/* max == 0 means the default limit. */
static void
too_big_default(void **state)
{
    size_t n = OGI_TEXT_MAX_DEFAULT + 1;
    char *raw = malloc(n);
    assert_non_null(raw);
    memset(raw, 'a', n);
    assert_rejected(state, raw, n, 0, OGI_ETOOBIG);
    free(raw);
}

/* ---- utf8 helpers ---- */

static void
utf8_decode_classes(void **state)
{
    (void)state;
    uint32_t cp = 0;
    const char *s;

    s = "A";
    assert_int_equal(ogi_utf8_decode(s, s + 1, &cp), 1);
    assert_int_equal(cp, 'A');
    s = "\x7f";
    assert_int_equal(ogi_utf8_decode(s, s + 1, &cp), 1);
    assert_int_equal(cp, 0x7F);
    s = "\xc2\xa0"; /* U+00A0, smallest 2-byte lead */
    assert_int_equal(ogi_utf8_decode(s, s + 2, &cp), 2);
    assert_int_equal(cp, 0xA0);
    s = "\xdf\xbf"; /* U+07FF */
    assert_int_equal(ogi_utf8_decode(s, s + 2, &cp), 2);
    assert_int_equal(cp, 0x7FF);
    s = "\xe4\xb8\x80"; /* 一 U+4E00 */
    assert_int_equal(ogi_utf8_decode(s, s + 3, &cp), 3);
    assert_int_equal(cp, 0x4E00);
    s = "\xe0\xa0\x80"; /* U+0800, smallest 3-byte */
    assert_int_equal(ogi_utf8_decode(s, s + 3, &cp), 3);
    assert_int_equal(cp, 0x800);
    s = "\xef\xbf\xbd"; /* U+FFFD */
    assert_int_equal(ogi_utf8_decode(s, s + 3, &cp), 3);
    assert_int_equal(cp, 0xFFFD);
    s = "\xf0\x9f\x98\x80"; /* U+1F600 */
    assert_int_equal(ogi_utf8_decode(s, s + 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
    s = "\xf4\x8f\xbf\xbf"; /* U+10FFFF, the last */
    assert_int_equal(ogi_utf8_decode(s, s + 4, &cp), 4);
    assert_int_equal(cp, 0x10FFFF);

    /* invalid: each returns 0 and leaves *cp alone */
    cp = 12345;
    s = "\x80";
    assert_int_equal(ogi_utf8_decode(s, s + 1, &cp), 0); /* continuation */
    s = "\xc0\x80";
    assert_int_equal(ogi_utf8_decode(s, s + 2, &cp), 0); /* overlong */
    s = "\xc1\xbf";
    assert_int_equal(ogi_utf8_decode(s, s + 2, &cp), 0); /* overlong */
    s = "\xe0\x9f\xbf";
    assert_int_equal(ogi_utf8_decode(s, s + 3, &cp), 0); /* overlong */
    s = "\xf0\x8f\xbf\xbf";
    assert_int_equal(ogi_utf8_decode(s, s + 4, &cp), 0); /* overlong */
    s = "\xed\xa0\x80";
    assert_int_equal(ogi_utf8_decode(s, s + 3, &cp), 0); /* U+D800 */
    s = "\xed\xbf\xbf";
    assert_int_equal(ogi_utf8_decode(s, s + 3, &cp), 0); /* U+DFFF */
    s = "\xf4\x90\x80\x80";
    assert_int_equal(ogi_utf8_decode(s, s + 4, &cp), 0); /* > U+10FFFF */
    s = "\xf5\x80\x80\x80";
    assert_int_equal(ogi_utf8_decode(s, s + 4, &cp), 0); /* bad lead */
    s = "\xff";
    assert_int_equal(ogi_utf8_decode(s, s + 1, &cp), 0);
    s = "\xe4\x41\x80";
    assert_int_equal(ogi_utf8_decode(s, s + 3, &cp), 0); /* bad 2nd byte */
    s = "\xe4\xb8\xc0";
    assert_int_equal(ogi_utf8_decode(s, s + 3, &cp), 0); /* bad 3rd byte */
    assert_int_equal(cp, 12345);

    /* end bounds the read: a valid sequence cut by end is invalid */
    s = "\xe4\xb8\x80";
    assert_int_equal(ogi_utf8_decode(s, s + 2, &cp), 0);
    assert_int_equal(ogi_utf8_decode(s, s + 1, &cp), 0);
    assert_int_equal(ogi_utf8_decode(s, s, &cp), 0); /* empty */
    s = "\xf0\x9f\x98\x80";
    assert_int_equal(ogi_utf8_decode(s, s + 3, &cp), 0);
}

/* The bounds are honoured on a heap buffer exactly as long as the bytes
 * (ASan catches any read past it). */
static void
utf8_decode_reads_within_bounds(void **state)
{
    (void)state;
    char *buf = malloc(2);
    assert_non_null(buf);
    memcpy(buf, "\xe4\xb8", 2);
    uint32_t cp;
    assert_int_equal(ogi_utf8_decode(buf, buf + 2, &cp), 0);
    assert_int_equal(ogi_utf8_len(buf, buf + 2), 1);
    buf[0] = '\xf0';
    buf[1] = '\x9f';
    assert_int_equal(ogi_utf8_decode(buf, buf + 2, &cp), 0);
    free(buf);
}

static void
utf8_len(void **state)
{
    (void)state;
    const char *s = "a\xc3\xa9\xe4\xb8\x80\xf0\x9f\x98\x80";
    const char *end = s + strlen(s);
    assert_int_equal(ogi_utf8_len(s, end), 1);
    assert_int_equal(ogi_utf8_len(s + 1, end), 2);
    assert_int_equal(ogi_utf8_len(s + 3, end), 3);
    assert_int_equal(ogi_utf8_len(s + 6, end), 4);
    /* invalid or cut short: 1, so that a scan always moves on */
    assert_int_equal(ogi_utf8_len(s + 7, end), 1);
    assert_int_equal(ogi_utf8_len(s + 3, s + 5), 1);
}

static void
is_space(void **state)
{
    (void)state;
    assert_true(ogi_text_is_space(' '));
    assert_true(ogi_text_is_space('\t'));
    assert_true(ogi_text_is_space('\n'));
    assert_true(ogi_text_is_space('\r'));
    assert_false(ogi_text_is_space('a'));
    assert_false(ogi_text_is_space('\0'));
    assert_false(ogi_text_is_space(0xE3)); /* lead byte of U+3000 */
    assert_false(ogi_text_is_space(0xA0)); /* NBSP's second byte */
}

/* ---- find and squeeze ---- */

static void
find(void **state)
{
    (void)state;
    const char *s = "三、收到和处理政府信息公开申请情况";
    size_t n = strlen(s);
    const char *p = ogi_text_find(s, n, "政府信息");
    assert_non_null(p);
    assert_int_equal(p - s, strlen("三、收到和处理"));
    assert_ptr_equal(ogi_text_find(s, n, "三"), s);
    assert_ptr_equal(ogi_text_find(s, n, "情况"), s + n - strlen("情况"));
    assert_null(ogi_text_find(s, n, "行政复议"));
    /* only s[0..n) is searched */
    assert_null(ogi_text_find(s, n - 1, "情况"));
    assert_null(ogi_text_find(s, 0, "三"));
    assert_null(ogi_text_find("ab", 2, "abc"));
    /* the empty string is found at the start */
    assert_ptr_equal(ogi_text_find(s, n, ""), s);
    /* a partial match first, then the real one */
    const char *t = "aab aabc";
    assert_ptr_equal(ogi_text_find(t, strlen(t), "aabc"), t + 4);
    assert_ptr_equal(ogi_text_find(t, strlen(t), "abc"), t + 5);
}

/* find never reads past n: a heap buffer without a NUL. */
static void
find_within_bounds(void **state)
{
    (void)state;
    char *buf = malloc(5);
    assert_non_null(buf);
    memcpy(buf, "xxxab", 5);
    assert_ptr_equal(ogi_text_find(buf, 5, "ab"), buf + 3);
    assert_null(ogi_text_find(buf, 5, "abc"));
    assert_null(ogi_text_find(buf, 5, "bx"));
    assert_null(ogi_text_find(buf, 4, "ab"));
    free(buf);
}

/* The plain definition of find, to compare against. */
static const char *
naive_find(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    for (size_t i = 0; i + l <= n; i++)
        if (memcmp(s + i, lit, l) == 0)
            return s + i;
    return NULL;
}

/* Random texts from a few pieces that share bytes (ideographs with the
 * same lead or last byte, ASCII), long enough for the word-wide search,
 * each in an exact heap buffer so that a read past n is caught by ASan. */
static void
find_agrees_with_naive(void **state)
{
    (void)state;
    static const char *const pieces[] = {"政", "府", "办", "公", "开", "电话",
                                         "a",  "b",  " ",  "\n", "信息"};
    static const char *const needles[] = {"政府", "电话", "府办", "ab",
                                          "政府信息公开", "开a", "b\n政",
                                          "公开公开公开公开公开公开"};
    unsigned seed = 12345;
    for (int round = 0; round < 400; round++) {
        char tmp[800];
        size_t n = 0;
        size_t want = (size_t)(round % 97) * 7;
        while (n < want) {
            seed = seed * 1103515245u + 12345u;
            const char *pc = pieces[(seed >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
            size_t l = strlen(pc);
            if (n + l > sizeof(tmp))
                break;
            memcpy(tmp + n, pc, l);
            n += l;
        }
        char *buf = malloc(n ? n : 1);
        assert_non_null(buf);
        memcpy(buf, tmp, n);
        for (size_t k = 0; k < sizeof(needles) / sizeof(needles[0]); k++)
            for (size_t from = 0; from <= n && from < 40; from += 13)
                assert_ptr_equal(ogi_text_find(buf + from, n - from, needles[k]),
                                 naive_find(buf + from, n - from, needles[k]));
        free(buf);
    }
}

/* The squeezed text keeps one space between letters or digits only, and
 * knows where each line starts; a line read from it drops that space. */
static void
squeezed_text_and_lines(void **state)
{
    const char *raw = "邮 编 ：223100\n  电话：0517 87222589\n\n"
                      "地址：90\n号          大楼\nend";
    ogi_text_t t;
    char why[WHY_SIZE];
    assert_int_equal(
        ogi_text_decode(*state, raw, strlen(raw), 0, &t, why, sizeof(why)),
        OGI_OK);
    assert_string_equal(t.sq.s,
                        "邮编:223100电话:0517 87222589地址:90号大楼end");
    assert_int_equal(t.sq.len, strlen(t.sq.s));
    assert_int_equal(t.nlines, 6);
    assert_int_equal(t.sq.line[0], 0);
    assert_int_equal(t.sq.line[1], strlen("邮编:223100"));
    assert_int_equal(t.sq.line[2], strlen("邮编:223100电话:0517 87222589"));
    assert_int_equal(t.sq.line[3], t.sq.line[2]); /* the blank line */
    assert_int_equal(t.sq.line[6], t.sq.len);

    char buf[64];
    const char *l;
    size_t n = ogi_text_line_squeezed(&t, 1, buf, sizeof(buf), &l);
    assert_int_equal(n, strlen("电话:051787222589"));
    assert_memory_equal(l, "电话:051787222589", n);
    n = ogi_text_line_squeezed(&t, 3, buf, sizeof(buf), &l);
    assert_int_equal(n, strlen("地址:90"));
    assert_memory_equal(l, "地址:90", n);
    assert_int_equal(ogi_text_line_squeezed(&t, 2, buf, sizeof(buf), &l), 0);
    /* no such line */
    assert_int_equal(ogi_text_line_squeezed(&t, 6, buf, sizeof(buf), &l), 0);
    /* which lines keep a space: line 1 only */
    assert_non_null(t.sq.spaced);
    for (size_t k = 0; k < t.nlines; k++)
        assert_int_equal(t.sq.spaced[k], k == 1);

    /* cut to the buffer at a character boundary */
    n = ogi_text_line_squeezed(&t, 0, buf, 8, &l);
    assert_int_equal(n, strlen("邮编:"));
    assert_memory_equal(l, "邮编:", n);

    /* a space kept before a line break belongs to the line it ends */
    ogi_text_t u;
    raw = "ab 12\ncd\nef\n9";
    assert_int_equal(
        ogi_text_decode(*state, raw, strlen(raw), 0, &u, why, sizeof(why)),
        OGI_OK);
    assert_string_equal(u.sq.s, "ab 12 cd ef 9");
    assert_int_equal(u.sq.line[1], strlen("ab 12 "));
    assert_int_equal(u.sq.spaced[0], 1);
    assert_int_equal(u.sq.spaced[1], 1);
    assert_int_equal(u.sq.spaced[2], 1);
    assert_int_equal(u.sq.spaced[3], 0);
    n = ogi_text_line_squeezed(&u, 1, buf, sizeof(buf), &l);
    assert_int_equal(n, 2);
    assert_memory_equal(l, "cd", 2);
    n = ogi_text_line_squeezed(&u, 0, buf, sizeof(buf), &l);
    assert_int_equal(n, strlen("ab12"));
    assert_memory_equal(l, "ab12", n);
}

static void
squeeze(void **state)
{
    size_t n = 99;
    const char *in = "自 然 人";
    char *p = ogi_text_squeeze(*state, in, strlen(in), &n);
    assert_non_null(p);
    assert_string_equal(p, "自然人");
    assert_int_equal(n, strlen("自然人"));

    in = " \t商业\n企业\r\n ";
    p = ogi_text_squeeze(*state, in, strlen(in), &n);
    assert_string_equal(p, "商业企业");
    assert_int_equal(n, strlen("商业企业"));

    p = ogi_text_squeeze(*state, "  \n\t", 4, &n);
    assert_string_equal(p, "");
    assert_int_equal(n, 0);

    /* only n bytes are taken; out_len may be NULL */
    p = ogi_text_squeeze(*state, "a b c d", 3, NULL);
    assert_string_equal(p, "ab");
    /* the input is not modified */
    assert_string_equal(in, " \t商业\n企业\r\n ");

    /* long runs: pdftotext's aligned columns, words without spaces */
    in = "一、总体情况                  本年新收政府信息公开申请数量    12\n"
         "abcdefghijklmnopqrstuvwxyz0123456789";
    p = ogi_text_squeeze(*state, in, strlen(in), &n);
    assert_string_equal(p, "一、总体情况本年新收政府信息公开申请数量12"
                           "abcdefghijklmnopqrstuvwxyz0123456789");
    /* a bounded buffer cut inside a long run keeps whole characters */
    char buf[20];
    assert_int_equal(ogi_text_squeeze_into(in, strlen(in), buf, sizeof(buf)),
                     sizeof(buf));
    assert_string_equal(buf, "一、总体情况");
}

/* ---- out of memory ---- */

/* Failing each allocation in turn gives OGI_ENOMEM, never a crash; once
 * enough succeed, the result is complete. */
static void
oom(void **state)
{
    (void)state;
    /* a tiny block size makes every arena allocation ask the system */
    ogi_arena_t *a = ogi_arena_new(16);
    assert_non_null(a);
    const char *raw = "\xef\xbb\xbf\xe4\xb8\x80\xe3\x80\x81\xef\xbc\x91\r\n"
                      "line two\n";
    int failures = 0, rc = OGI_ENOMEM;
    for (long n = 0; n < 32; n++) {
        ogi_text_t t;
        char why[WHY_SIZE];
        ogi_arena_reset(a);
        ogi_alloc_fail_after(n);
        rc = ogi_text_decode(a, raw, strlen(raw), 0, &t, why, sizeof(why));
        ogi_alloc_fail_after(-1);
        if (rc == OGI_OK) {
            assert_string_equal(t.s, "一、1\nline two\n");
            assert_int_equal(t.nlines, 2);
            assert_int_equal(ogi_text_raw_offset(&t, 0), 3);
            break;
        }
        assert_int_equal(rc, OGI_ENOMEM);
        failures++;
    }
    assert_int_equal(rc, OGI_OK);
    assert_true(failures >= 2); /* text, map and lines are all allocated */

    /* squeeze reports NULL */
    ogi_arena_reset(a);
    assert_non_null(ogi_arena_alloc(a, 16)); /* the first block is full */
    ogi_alloc_fail_after(0);
    assert_null(ogi_text_squeeze(a, "a b", 3, NULL));
    ogi_alloc_fail_after(-1);
    ogi_arena_destroy(&a);
}

/* ogi_text_find_any: the earliest match, the first listed of those that
 * match there, whether the literals are taken in one pass (two bytes or
 * more, eight at most) or not (one byte, or many), over a short text and
 * a long one. */
static void
find_any_earliest_first_listed(void **state)
{
    (void)state;
    static const char *const two[] = {"邮政编码", "邮编", "电话"};
    static const char *const punct[] = {",", ";", "。", "、", ">", "|",
                                        "/", "»", ":",  "!",  "?"};
    static const char *const many[] = {"a", "b", "c", "d",        "e",
                                       "f", "g", "h", "联系电话", "电话"};
    const char *s = "地址:某路1号,邮政编码:223001,联系电话:0517-1";
    const char *end = s + strlen(s);
    size_t ml = 0;
    /* 邮政编码 and 邮编 both start with 邮: the first listed that matches */
    assert_ptr_equal(ogi_text_find_any(s, end, two, 3, &ml),
                     strstr(s, "邮政编码"));
    assert_int_equal(ml, strlen("邮政编码"));
    /* one-byte literals: the earliest of them (:), not the first listed */
    assert_ptr_equal(ogi_text_find_any(s, end, punct, 11, &ml),
                     s + strlen("地址"));
    assert_int_equal(ml, 1);
    /* ten literals: 联系电话 listed before 电话, which starts later in it */
    assert_ptr_equal(ogi_text_find_any(s, end, many, 10, &ml),
                     strstr(s, "联系电话"));
    assert_int_equal(ml, strlen("联系电话"));
    ml = 7;
    assert_null(ogi_text_find_any(s, s + strlen("地址"), punct, 11, &ml));
    assert_int_equal(ml, 7); /* untouched */
    /* the same over a text longer than a short one (the matches at its
     * end) */
    char big[2048];
    size_t n = 0;
    while (n + 3 < 1500) {
        memcpy(big + n, "年", 3);
        n += 3;
    }
    strcpy(big + n, s);
    end = big + strlen(big);
    assert_ptr_equal(ogi_text_find_any(big, end, many, 10, &ml),
                     strstr(big, "联系电话"));
    assert_ptr_equal(ogi_text_find_any(big, end, punct, 11, &ml),
                     strchr(big, ':'));
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(plain_ascii),
        T(utf8_without_bom),
        T(utf8_with_bom),
        T(bom_only_and_empty),
        T(partial_bom_rejected),
        T(fullwidth_ascii_folded),
        T(spaces_folded),
        T(dashes_folded),
        T(quotes_folded),
        T(line_endings),
        T(zero_width_dropped),
        T(other_characters_kept),
        T(few_control_chars_become_spaces),
        T(map_points_at_raw_bytes),
        T(span_maps_back),
        T(lines_basic),
        T(lines_final_lf),
        T(lines_crlf),
        T(lines_multibyte),
        T(reject_nul),
        T(reject_utf16),
        T(reject_invalid_utf8),
        T(broken_dropped_and_counted),
        T(broken_runs),
        T(broken_at_edges),
        T(broken_threshold),
        T(broken_gbk_rejected),
        T(reject_nul_offset),
        T(reject_reason_gives_offset),
        T(reject_small_why),
        T(reject_many_control_chars),
        T(too_big),
        T(too_big_default),
        T(utf8_decode_classes),
        T(utf8_decode_reads_within_bounds),
        T(utf8_len),
        T(is_space),
        T(find),
        T(find_within_bounds),
        T(find_agrees_with_naive),
        T(find_any_earliest_first_listed),
        T(squeezed_text_and_lines),
        T(squeeze),
        T(oom),
    };
#undef T
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
