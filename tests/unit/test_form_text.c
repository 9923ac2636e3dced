/*
 * test_form_text.c - text in any encoding ogi reads to its UTF-8 view
 * (ogi__form_decode, lib/form/form_int.h).
 *
 * Each way the encoding is decided (BOM, a declared charset, UTF-8, the
 * detector's choice between GB18030 and Big5) with its expected encoding
 * name and text; declarations that lie; a character cut short and a stray
 * byte (U+FFFD, counted); text in no encoding (rejected, with a reason);
 * and the map back to raw offsets, checked character by character and
 * end to end through a parsed report; text encoded twice (read as
 * ISO-8859-1 or windows-1252 and written as UTF-8) read as its own
 * encoding. Encoded bytes are made here with
 * the C library's iconv from UTF-8 literals and fixtures, or written out
 * as bytes from the standards' tables.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "ogi.h"
#include "ogi/arena.h"
#include "ogi/error.h"

#define REPORTS   "tests/data/reports/"
#define ENCODINGS "tests/data/encodings/"

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("could not open \"%s\"", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *b = malloc((size_t)n + 1);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    b[n] = '\0';
    *len = (size_t)n;
    return b;
}

/* s[0..n) from one encoding to another by iconv, exactly (malloc'd). */
static char *
conv(const char *s, size_t n, const char *from, const char *to, size_t *out_len)
{
    iconv_t cd = iconv_open(to, from);
    assert_true(cd != (iconv_t)-1);
    size_t cap = 4 * n + 8;
    char *v = malloc(cap);
    assert_non_null(v);
    char *in = (char *)(uintptr_t)s, *o = v;
    size_t inleft = n, oleft = cap;
    if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1)
        fail_msg("iconv %s to %s failed at byte %zu", from, to, n - inleft);
    iconv_close(cd);
    *out_len = (size_t)(o - v);
    v[*out_len] = '\0';
    return v;
}

static char *
from_utf8(const char *s, const char *to, size_t *out_len)
{
    return conv(s, strlen(s), "UTF-8", to, out_len);
}

/* Decodes raw[0..len) and checks it succeeded with encoding enc and the
 * UTF-8 text want. */
static ogi__view_t
decoded(ogi_arena_t *a, const char *raw, size_t len, int hint, const char *enc,
        const char *want)
{
    ogi__view_t v;
    char why[256] = "";
    int rc = ogi__form_decode(a, raw, len, hint, &v, why, sizeof(why));
    if (rc)
        fail_msg("decode: rc %d: %s", rc, why);
    assert_string_equal(v.encoding, enc);
    if (want) {
        assert_int_equal(v.len, strlen(want));
        assert_memory_equal(v.s, want, v.len);
    }
    assert_int_equal(v.nraw, len);
    return v;
}

/* The raw offset of view offset off, as form_int.h defines the map. */
static size_t
view_to_raw(const ogi__view_t *v, size_t off)
{
    size_t raw = off;
    for (size_t i = 0; i < v->nmap && v->map[i].norm <= off; i++)
        raw = v->map[i].raw + (off - v->map[i].norm);
    return raw < v->nraw ? raw : v->nraw;
}

/*
 * Every character of the view maps back to exactly the raw bytes that
 * encode it: raw[map(a)..map(b)) converted from enc is view[a..b). The
 * map is sorted, inside the raw bytes, and the view's end maps to the
 * raw end.
 */
static void
map_exact(const ogi__view_t *v, const char *raw, const char *enc)
{
    for (size_t i = 1; i < v->nmap; i++) {
        assert_true(v->map[i].norm > v->map[i - 1].norm);
        assert_true(v->map[i].raw >= v->map[i - 1].raw);
    }
    for (size_t i = 0; i < v->nmap; i++)
        assert_true(v->map[i].raw <= v->nraw);
    assert_int_equal(view_to_raw(v, v->len), v->nraw);
    iconv_t cd = iconv_open("UTF-8", enc);
    assert_true(cd != (iconv_t)-1);
    size_t a = 0;
    while (a < v->len) {
        size_t b = a + 1;
        while (b < v->len && ((unsigned char)v->s[b] & 0xC0) == 0x80)
            b++;
        size_t ra = view_to_raw(v, a), rb = view_to_raw(v, b);
        char out[16];
        char *in = (char *)(uintptr_t)(raw + ra), *o = out;
        size_t inleft = rb - ra, oleft = sizeof(out);
        iconv(cd, NULL, NULL, NULL, NULL);
        if (rb <= ra || iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1 ||
            (size_t)(o - out) != b - a || memcmp(out, v->s + a, b - a) != 0)
            fail_msg("%s: view [%zu, %zu) maps to raw [%zu, %zu), which is "
                     "not that character",
                     enc, a, b, ra, rb);
        a = b;
    }
    iconv_close(cd);
}

/* ---- UTF-8 ---- */

static void
utf8_is_raw(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    const char *t = "一、总体情况\n主动公开 12 条\n";
    ogi__view_t v = decoded(a, t, strlen(t), 0, "utf-8", t);
    assert_ptr_equal(v.s, t); /* no copy */
    assert_null(v.map);
    /* a gbk meta on a page that is UTF-8 all the same */
    const char *p = "<html><head><meta charset=\"gbk\"></head><body>政府信息"
                    "公开</body></html>";
    v = decoded(a, p, strlen(p), 1, "utf-8", p);
    assert_ptr_equal(v.s, p);
    ogi_arena_destroy(&a);
}

static void
empty_input(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__view_t v = decoded(a, "", 0, 0, "utf-8", "");
    assert_int_equal(v.len, 0);
    v = decoded(a, "", 0, 1, "utf-8", "");
    assert_int_equal(v.len, 0);
    ogi_arena_destroy(&a);
}

/* ---- BOMs ---- */

static void
bom_utf8(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    const char *t = "\xEF\xBB\xBF政府信息公开";
    /* the view is raw: the text decoder skips the BOM itself */
    ogi__view_t v = decoded(a, t, strlen(t), 0, "utf-8", t);
    assert_ptr_equal(v.s, t);
    ogi_arena_destroy(&a);
}

/* UTF-16 with its NUL bytes (every ASCII character has one), both byte
 * orders, each character mapped to its two (or four) bytes. */
static void
bom_utf16(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    const char *t = "A1\n政府 12\t𠀀x"; /* 𠀀 U+20000: a surrogate pair */
    static const char *const enc[] = {"UTF-16LE", "UTF-16BE"};
    static const char *const name[] = {"utf-16le", "utf-16be"};
    for (int k = 0; k < 2; k++) {
        size_t n;
        char *body = from_utf8(t, enc[k], &n);
        char *raw = malloc(n + 2);
        memcpy(raw, k == 0 ? "\xFF\xFE" : "\xFE\xFF", 2);
        memcpy(raw + 2, body, n);
        assert_non_null(memchr(raw, 0, n + 2));
        ogi__view_t v = decoded(a, raw, n + 2, 0, name[k], t);
        assert_int_equal(view_to_raw(&v, 0), 2);         /* after the BOM */
        assert_int_equal(view_to_raw(&v, 3), 2 + 3 * 2); /* 政 */
        map_exact(&v, raw, enc[k]);
        free(body);
        free(raw);
    }
    ogi_arena_destroy(&a);
}

/* UTF-16 without a BOM: told by the NUL bytes of its ASCII, on one side
 * of each pair. */
static void
utf16_no_bom(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    size_t n, m;
    char *plain = slurp(REPORTS "000_797bd12820c43427.txt", &n);
    char *le = conv(plain, n, "UTF-8", "UTF-16LE", &m);
    ogi__view_t v = decoded(a, le, m, 0, "utf-16le", plain);
    map_exact(&v, le, "UTF-16LE");
    char *be = conv(plain, n, "UTF-8", "UTF-16BE", &m);
    v = decoded(a, be, m, 0, "utf-16be", plain);
    map_exact(&v, be, "UTF-16BE");
    free(le);
    free(be);
    free(plain);
    ogi_arena_destroy(&a);
}

static void
bom_utf32_rejected(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    static const char raw[] = "\xFF\xFE\0\0A\0\0\0";
    ogi__view_t v;
    char why[256];
    assert_int_equal(ogi__form_decode(a, raw, 8, 0, &v, why, sizeof(why)),
                     OGI_ENCODING);
    assert_non_null(strstr(why, "UTF-32"));
    ogi_arena_destroy(&a);
}

/* ---- declared charsets ---- */

/* A page with the head given, its body 中文 2021年 (or 中文 alone when
 * short), in enc. */
static char *
page_of(const char *head, const char *enc, int short_body, size_t *n)
{
    char t[512];
    snprintf(t, sizeof(t), "%s<body><p>%s</p></body></html>\n", head,
             short_body ? "中文" : "中文 2021年");
    return from_utf8(t, enc, n);
}

static char *
page(const char *head, const char *enc, size_t *n)
{
    return page_of(head, enc, 0, n);
}

static void
declared_meta(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    size_t n;
    /* 中文 in Big5 is A4A4 A4E5: both bytes in GB2312's block too, so only
     * the declaration says it is Big5 */
    char *p =
        page_of("<html><head><meta charset=\"big5\"></head>", "BIG5", 1, &n);
    ogi__view_t v = decoded(a, p, n, 1, "big5", NULL);
    assert_non_null(strstr(v.s, "<p>中文</p>"));
    map_exact(&v, p, "BIG5");
    /* not read without the hint: the bytes alone look like GB18030 */
    v = decoded(a, p, n, 0, "gb18030", NULL);
    assert_null(strstr(v.s, "中文"));
    free(p);

    p = page("<html><head><meta http-equiv=\"Content-Type\" "
             "content=\"text/html; charset=gb2312\"></head>",
             "GB18030", &n);
    v = decoded(a, p, n, 1, "gb18030", NULL);
    assert_non_null(strstr(v.s, "中文 2021年"));
    free(p);

    p = page("<?xml version=\"1.0\" encoding=\"GBK\"?>\n<html>", "GB18030", &n);
    v = decoded(a, p, n, 1, "gb18030", NULL);
    assert_non_null(strstr(v.s, "中文 2021年"));
    free(p);

    p = page("<?xml version='1.0' encoding='big5-hkscs'?>\n<html>", "BIG5", &n);
    v = decoded(a, p, n, 1, "big5", NULL);
    assert_non_null(strstr(v.s, "中文 2021年"));
    free(p);
    ogi_arena_destroy(&a);
}

/* A declaration that does not fit the bytes is passed over. */
static void
declared_wrong(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    size_t n;
    /* declared UTF-8, written in GBK */
    char *p =
        page("<html><head><meta charset=\"utf-8\"></head>", "GB18030", &n);
    ogi__view_t v = decoded(a, p, n, 1, "gb18030", NULL);
    assert_non_null(strstr(v.s, "中文 2021年"));
    free(p);
    /* declared Big5, written in GB18030 with a four-byte character (€ is
     * 0xA2E3, 一 0xD2BB; ㄅ is in both): Big5 refuses 0x81 0x30 */
    const char *t = "<meta charset=big5>\n政府信息公开工作年度报告 €€ 𠀀𠀀𠀀 "
                    "2021年 主动公开政府信息情况 收到和处理政府信息公开申请";
    p = from_utf8(t, "GB18030", &n);
    v = decoded(a, p, n, 1, "gb18030", t);
    map_exact(&v, p, "GB18030");
    free(p);
    /* an unknown charset is no claim at all */
    p = page("<html><head><meta charset=\"x-klingon\"></head>", "GB18030", &n);
    v = decoded(a, p, n, 1, "gb18030", NULL);
    assert_non_null(strstr(v.s, "中文 2021年"));
    free(p);
    ogi_arena_destroy(&a);
}

/* ---- the detector: GB18030 or Big5 ---- */

static void
detect_gb18030(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    size_t n, m;
    char *plain = slurp(REPORTS "000_797bd12820c43427.txt", &n);
    char *gb = conv(plain, n, "UTF-8", "GB18030", &m);
    ogi__view_t v = decoded(a, gb, m, 0, "gb18030", plain);
    map_exact(&v, gb, "GB18030");
    /* compact: one entry per non-ASCII character at most */
    assert_true(v.nmap <= m / 2 + 2);
    free(gb);
    gb = conv(plain, n, "UTF-8", "GBK", &m);
    decoded(a, gb, m, 1, "gb18030", plain);
    free(gb);
    free(plain);
    ogi_arena_destroy(&a);
}

static void
detect_big5(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    size_t n, m;
    char *plain = slurp(ENCODINGS "000_traditional.txt", &n);
    char *b5 = conv(plain, n, "UTF-8", "BIG5", &m);
    ogi__view_t v = decoded(a, b5, m, 0, "big5", plain);
    map_exact(&v, b5, "BIG5");
    /* one line of it alone is still Big5 */
    const char *nl = memchr(plain + 1, '\n', n - 1);
    const char *nl2 = memchr(nl + 1, '\n', n - (size_t)(nl + 1 - plain));
    char *line = strndup(nl + 1, (size_t)(nl2 - nl - 1));
    free(b5);
    b5 = from_utf8(line, "BIG5", &m);
    decoded(a, b5, m, 0, "big5", line);
    free(b5);
    free(line);
    free(plain);
    ogi_arena_destroy(&a);
}

/* Short GB18030 texts that uchardet alone takes for something else. */
static void
detect_short_gb(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    static const char *const t[] = {
        "政府信息公开", "二、主动公开政府信息情况\n",
        "第二十条第（一）项 0 0 5", "本年新制作数量：12件"};
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        size_t m;
        char *gb = from_utf8(t[i], "GB18030", &m);
        decoded(a, gb, m, 0, "gb18030", t[i]);
        free(gb);
    }
    ogi_arena_destroy(&a);
}

/* ---- damage ---- */

static void
truncated_char(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    const char *t = "一、总体情况\n2021年，本机关主动公开政府信息";
    size_t m;
    char *gb = from_utf8(t, "GB18030", &m);
    /* the last character cut after its first byte */
    ogi__view_t v = decoded(a, gb, m - 1, 0, "gb18030", NULL);
    assert_int_equal(v.nbad, 1);
    assert_int_equal(v.bad_raw, m - 2);
    char want[256];
    snprintf(want, sizeof(want), "%.*s\xEF\xBF\xBD", (int)(strlen(t) - 3), t);
    assert_int_equal(v.len, strlen(want));
    assert_memory_equal(v.s, want, v.len);
    assert_int_equal(view_to_raw(&v, v.len - 3), m - 2);
    assert_int_equal(view_to_raw(&v, v.len), m - 1);
    free(gb);
    ogi_arena_destroy(&a);
}

static void
stray_byte(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    const char *t = "主动公开政府信息情况：本年新制作数量十二件，本年新公开数量"
                    "十件，对外公开总数量四十件。";
    size_t m;
    char *gb = from_utf8(t, "GB18030", &m);
    /* 0xFF is no byte of GB18030: after the fourth character */
    char *raw = malloc(m + 1);
    memcpy(raw, gb, 8);
    raw[8] = '\xFF';
    memcpy(raw + 9, gb + 8, m - 8);
    ogi__view_t v = decoded(a, raw, m + 1, 0, "gb18030", NULL);
    assert_int_equal(v.nbad, 1);
    assert_int_equal(v.bad_raw, 8);
    assert_memory_equal(v.s, "主动公开\xEF\xBF\xBD政府", 4 * 3 + 3 + 6);
    assert_int_equal(view_to_raw(&v, 12), 8);
    assert_int_equal(view_to_raw(&v, 15), 9);
    free(raw);
    free(gb);
    ogi_arena_destroy(&a);
}

/* Text in no encoding ogi reads: refused, saying what was tried. */
static void
undecodable(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    char raw[2048];
    size_t n = 0;
    /* Latin-1: every accented letter alone between ASCII ones */
    while (n + 32 < sizeof(raw))
        n += (size_t)snprintf(raw + n, sizeof(raw) - n, "caf\xE9 cr\xE8me ");
    ogi__view_t v;
    char why[256] = "";
    assert_int_equal(ogi__form_decode(a, raw, n, 0, &v, why, sizeof(why)),
                     OGI_ENCODING);
    assert_non_null(strstr(why, "not UTF-8, GB18030, Big5 or UTF-16"));
    assert_non_null(strstr(why, "uchardet"));
    ogi_arena_destroy(&a);
}

/* ---- the map through a parsed report ---- */

/*
 * The cells of ru (parsed from plain) and rv (parsed from raw, the same
 * report in another encoding) agree in state and value, and each cell's
 * span cut from raw and converted from `from` to `to` is the text of the
 * same span cut from plain. Returns the spans compared.
 */
static size_t
same_cells(const ogi_report_t *ru, const ogi_report_t *rv, const char *plain,
           const char *raw, size_t raw_len, const char *from, const char *to)
{
    size_t checked = 0;
    for (int k = 0; k < OGI_TABLE_COUNT; k++) {
        const ogi_table_t *tu = &ru->tables[k], *tv = &rv->tables[k];
        assert_int_equal(tu->present, tv->present);
        if (!tu->present || !tu->cells)
            continue;
        size_t cells = tu->skel->nrows * tu->skel->ncols;
        for (size_t i = 0; i < cells; i++) {
            const ogi_cell_t *cu = &tu->cells[i], *cv = &tv->cells[i];
            assert_int_equal(cu->state, cv->state);
            assert_true(cu->value == cv->value);
            assert_int_equal(cu->len == 0, cv->len == 0);
            if (!cu->len)
                continue;
            assert_true((size_t)cv->off + cv->len <= raw_len);
            size_t k2;
            char *s = conv(raw + cv->off, cv->len, from, to, &k2);
            if (k2 != cu->len || memcmp(s, plain + cu->off, k2) != 0)
                fail_msg("table %d cell %zu: \"%s\" in %s, \"%.*s\" in the "
                         "plain report",
                         k, i, s, from, (int)cu->len, plain + cu->off);
            free(s);
            checked++;
        }
    }
    return checked;
}

/*
 * A GB18030 report parsed: each cell's and heading's span, cut from the
 * GB18030 bytes and converted, is the same text as the same span of the
 * UTF-8 report's parse cut from its bytes.
 */
static void
spans_end_to_end(void **state)
{
    (void)state;
    size_t n, m;
    char *plain = slurp(REPORTS "002_e734572c7f6275fe.txt", &n);
    char *gb = conv(plain, n, "UTF-8", "GB18030", &m);
    ogi_arena_t *a = ogi_arena_new(0), *b = ogi_arena_new(0);
    ogi_report_t *ru = NULL, *rg = NULL;
    assert_int_equal(ogi_parse_report(a, plain, n, NULL, &ru), 0);
    assert_int_equal(ogi_parse_report(b, gb, m, NULL, &rg), 0);
    assert_string_equal(rg->encoding, "gb18030");
    size_t checked = same_cells(ru, rg, plain, gb, m, "GB18030", "UTF-8");
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        ogi_section_t *su = &ru->sections[k], *sg = &rg->sections[k];
        assert_int_equal(su->present, sg->present);
        if (!su->present || !su->len)
            continue;
        size_t k2;
        char *s = conv(gb + sg->off, sg->len, "GB18030", "UTF-8", &k2);
        assert_int_equal(k2, su->len);
        assert_memory_equal(s, plain + su->off, k2);
        assert_string_equal(su->title, sg->title);
        free(s);
        checked++;
    }
    assert_true(checked > 100);
    ogi_arena_destroy(&a);
    ogi_arena_destroy(&b);
    free(gb);
    free(plain);
}

/* ---- text encoded twice ---- */

/* bytes[0..n) as a Windows tool reads them as windows-1252 and writes
 * them as UTF-8: 0x80-0x9F by iconv's windows-1252 table, the five bytes
 * it leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) as U+0081..., as
 * Windows does, every other byte as U+00XX (malloc'd). */
static char *
as_1252_utf8(const char *bytes, size_t n, size_t *out_len)
{
    iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
    assert_true(cd != (iconv_t)-1);
    char *v = malloc(3 * n + 1), *o = v;
    assert_non_null(v);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)bytes[i];
        char *in = (char *)(uintptr_t)(bytes + i), *p = o;
        size_t il = 1, ol = 4;
        iconv(cd, NULL, NULL, NULL, NULL);
        if (c >= 0x80 && c <= 0x9F &&
            iconv(cd, &in, &il, &p, &ol) != (size_t)-1) {
            o = p;
        } else if (c < 0x80) {
            *o++ = (char)c;
        } else {
            *o++ = (char)(0xC0 | (c >> 6));
            *o++ = (char)(0x80 | (c & 0x3F));
        }
    }
    iconv_close(cd);
    *out_len = (size_t)(o - v);
    *o = '\0';
    return v;
}

/* Each character of v maps to raw bytes that, read back as `as` and then
 * as enc, are that character. */
static void
map_exact_twice(const ogi__view_t *v, const char *raw, const char *as,
                const char *enc)
{
    for (size_t i = 1; i < v->nmap; i++) {
        assert_true(v->map[i].norm > v->map[i - 1].norm);
        assert_true(v->map[i].raw >= v->map[i - 1].raw);
    }
    assert_int_equal(view_to_raw(v, v->len), v->nraw);
    for (size_t a = 0, b; a < v->len; a = b) {
        b = a + 1;
        while (b < v->len && ((unsigned char)v->s[b] & 0xC0) == 0x80)
            b++;
        size_t ra = view_to_raw(v, a), rb = view_to_raw(v, b), k1, k2;
        assert_true(rb > ra);
        char *once = conv(raw + ra, rb - ra, "UTF-8", as, &k1);
        char *text = conv(once, k1, enc, "UTF-8", &k2);
        if (k2 != b - a || memcmp(text, v->s + a, k2) != 0)
            fail_msg("view [%zu, %zu) maps to raw [%zu, %zu): \"%s\"", a, b, ra,
                     rb, text);
        free(once);
        free(text);
    }
}

/* A report read as ISO-8859-1 and written as UTF-8 (what html2text does
 * without -utf8): its own UTF-8 text, every span leading to the raw bytes
 * of the same text, the record the plain report's, with a P10 info. */
static void
twice_latin1(void **state)
{
    (void)state;
    size_t n, m;
    char *plain = slurp(REPORTS "002_e734572c7f6275fe.txt", &n);
    char *twice = conv(plain, n, "ISO-8859-1", "UTF-8", &m);
    ogi_arena_t *a = ogi_arena_new(0), *b = ogi_arena_new(0);
    ogi__view_t v = decoded(a, twice, m, 0, "utf-8", plain);
    assert_string_equal(v.twice, "ISO-8859-1");
    map_exact_twice(&v, twice, "ISO-8859-1", "UTF-8");

    ogi_report_t *ru = NULL, *rt = NULL;
    assert_int_equal(ogi_parse_report(a, plain, n, NULL, &ru), 0);
    assert_int_equal(ogi_parse_report(b, twice, m, NULL, &rt), 0);
    int p10 = 0;
    for (size_t i = 0; i < rt->nfindings; i++)
        p10 += strcmp(rt->findings[i].rule, "P10") == 0;
    assert_int_equal(p10, 1);
    size_t checked = same_cells(ru, rt, plain, twice, m, "UTF-8", "ISO-8859-1");
    assert_true(checked > 100);
    ogi_arena_destroy(&a);
    ogi_arena_destroy(&b);
    free(twice);
    free(plain);
}

/* GB18030 bytes read as ISO-8859-1 and written as UTF-8 (html2text
 * without -utf8 on a GBK page): the GB18030 text, mapped back exactly. */
static void
twice_gb18030(void **state)
{
    (void)state;
    size_t n, g, m;
    char *plain = slurp(REPORTS "000_797bd12820c43427.txt", &n);
    char *gb = conv(plain, n, "UTF-8", "GB18030", &g);
    char *twice = conv(gb, g, "ISO-8859-1", "UTF-8", &m);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__view_t v = decoded(a, twice, m, 0, "gb18030", plain);
    assert_string_equal(v.twice, "ISO-8859-1");
    map_exact_twice(&v, twice, "ISO-8859-1", "GB18030");
    ogi_arena_destroy(&a);
    free(twice);
    free(gb);
    free(plain);
}

/* UTF-8 bytes read as windows-1252 (“ for 0x93, € for 0x80) and written
 * as UTF-8: the UTF-8 text. */
static void
twice_1252(void **state)
{
    (void)state;
    size_t n, m;
    char *plain = slurp(REPORTS "000_797bd12820c43427.txt", &n);
    char *twice = as_1252_utf8(plain, n, &m);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__view_t v = decoded(a, twice, m, 0, "utf-8", plain);
    assert_string_equal(v.twice, "windows-1252");
    ogi_arena_destroy(&a);
    free(twice);
    free(plain);
}

/* html2text without -utf8 of a page with &nbsp; cells (made by the real
 * tool from `<td>&nbsp;0</td>`): the no-break space it wrote as
 * ISO-8859-1's A0 is a no-break space again, not a stray byte, and 章,
 * whose last byte is A0, stays 章. */
static void
twice_nbsp(void **state)
{
    (void)state;
    size_t n;
    char *raw = slurp(ENCODINGS "h2t_latin1_nbsp.txt", &n);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__view_t v = decoded(a, raw, n, 0, "utf-8", NULL);
    assert_string_equal(v.twice, "ISO-8859-1");
    assert_non_null(strstr(v.s, "规章"));
    assert_non_null(strstr(v.s, "|\xC2\xA0"
                                "0"));
    assert_non_null(strstr(v.s, "二、主动公开政府信息情况"));
    ogi_arena_destroy(&a);
    free(raw);
}

/* html2text without -utf8 of a page with &mdash; cells (made by the real
 * tool: README.md there): it writes — as U+2014 in UTF-8 among the page's
 * bytes written as ISO-8859-1 characters (C1 controls among them): its
 * own character, kept, not windows-1252's 0x97. */
static void
twice_mdash(void **state)
{
    (void)state;
    size_t n;
    char *raw = slurp(ENCODINGS "h2t_latin1_mdash.txt", &n);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__view_t v = decoded(a, raw, n, 0, "utf-8", NULL);
    assert_string_equal(v.twice, "ISO-8859-1");
    assert_non_null(strstr(v.s, "|规章_________|—_______________|3___"));
    assert_non_null(strstr(v.s, "|—_______________|\n"));
    assert_non_null(strstr(v.s, "二、主动公开政府信息情况"));
    /* its span is the tool's three bytes */
    const char *d = strstr(v.s, "—");
    size_t r = view_to_raw(&v, (size_t)(d - v.s));
    assert_memory_equal(raw + r, "—", 3);
    assert_int_equal(view_to_raw(&v, (size_t)(d - v.s) + 3), r + 3);
    ogi_arena_destroy(&a);
    free(raw);
}

/* html2text without -utf8 of tests/data/forms/h2t_plain/latin1.html
 * (README.md there): where it wrote a cell's no-break space over the last
 * byte of the label before it (行政事业性收费 overflowing, then
 * "&nbsp;645.04"), the bytes read back would make 丠 of 业, a character
 * no text uses: the label's character is cut and the space is the
 * tool's. 章 of 规章, whose last byte is A0 too, stays 章. */
static void
twice_nbsp_over(void **state)
{
    (void)state;
    size_t n;
    char *raw = slurp("tests/data/forms/h2t_plain/latin1.txt", &n);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__view_t v = decoded(a, raw, n, 0, "utf-8", NULL);
    assert_string_equal(v.twice, "ISO-8859-1");
    assert_null(strstr(v.s, "丠"));
    assert_non_null(strstr(v.s, "行政事\xE4\xB8\xC2\xA0"
                                "645.04"));
    assert_non_null(strstr(v.s, "规章\xC2\xA0 "));
    ogi_arena_destroy(&a);
    free(raw);
}

/* Bars of each line of s[0..n), in out[0..cap) (the lines counted). */
static size_t
bars_per_line(const char *s, size_t n, int *out, size_t cap)
{
    size_t l = 0;
    out[0] = 0;
    for (size_t i = 0; i < n && l < cap; i++) {
        if (s[i] == '|')
            out[l]++;
        else if (s[i] == '\n' && ++l < cap)
            out[l] = 0;
    }
    return l;
}

/* html2text without -utf8 of a GBK page declared by <meta charset="gbk">
 * (made by the real tool: README.md there): it read the GBK bytes as
 * ISO-8859-1 and cut characters where the table's columns end. Read back
 * as GB18030, the byte left of a cut character never takes the bar (or
 * the digit) after it as its second byte: every line has its bars, the
 * values and labels from the HTML read whole, and the tool's own — and
 * no-break spaces are those characters, not GBK's 聽; where a lone byte
 * was dropped a byte 0x80 stands, which the text decoder drops in turn
 * and remembers, as it does a UTF-8 character html2text -utf8 cut. */
static void
twice_gbk_cut(void **state)
{
    (void)state;
    size_t n;
    char *raw = slurp(ENCODINGS "h2t_latin1_gbk.txt", &n);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__view_t v = decoded(a, raw, n, 0, "gb18030", NULL);
    assert_non_null(v.twice);
    int want[64], got[64];
    size_t lw = bars_per_line(raw, n, want, 64);
    size_t lg = bars_per_line(v.s, v.len, got, 64);
    assert_int_equal(lw, lg);
    for (size_t l = 0; l < lw; l++)
        assert_int_equal(got[l], want[l]);
    static const char *const whole[] = {
        "|第二十条第（一）项",
        "|规章\xC2\xA0",
        "|\xC2\xA0"
        "0___|0___",
        "|42\xC2\xA0",
        "|10823\xC2\xA0",
        "|—___",
        "|310\xC2\xA0",
        "|\xC2\xA0"
        "645.04",
        "三、收到和处理政府信息公开申请情况",
    };
    for (size_t i = 0; i < sizeof(whole) / sizeof(whole[0]); i++)
        if (!strstr(v.s, whole[i]))
            fail_msg("no \"%s\" in the view", whole[i]);
    assert_null(strstr(v.s, "聽"));
    /* the lone bytes dropped are marked where they were, as a UTF-8
     * character cut in two leaves a broken byte: 容 of 信息内容 and 文 of
     * 规范性文件 cut by the bars, 发 of 本年制发件数 by the line's end */
    assert_non_null(strstr(v.s, "|信息内\x80|"));
    assert_non_null(strstr(v.s, "|规范性\x80|6"));
    assert_non_null(strstr(v.s, "|发\x80|"));
    ogi_arena_destroy(&a);
    free(raw);
}

/* Text that is meant in Latin-1 characters stays as it is. */
static void
twice_not(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    char t[4096] = "";
    for (int i = 0; i < 40; i++)
        strcat(t, "Café à Genève, résumé. ");
    ogi__view_t v = decoded(a, t, strlen(t), 0, "utf-8", t);
    assert_null(v.twice);
    /* a Chinese text with a few Latin-1 signs (° ±) is not looked at */
    const char *z = "一、总体情况 ±1° ±2° ±3°\n";
    v = decoded(a, z, strlen(z), 0, "utf-8", z);
    assert_null(v.twice);
    ogi_arena_destroy(&a);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_is_raw),
        cmocka_unit_test(empty_input),
        cmocka_unit_test(bom_utf8),
        cmocka_unit_test(bom_utf16),
        cmocka_unit_test(utf16_no_bom),
        cmocka_unit_test(bom_utf32_rejected),
        cmocka_unit_test(declared_meta),
        cmocka_unit_test(declared_wrong),
        cmocka_unit_test(detect_gb18030),
        cmocka_unit_test(detect_big5),
        cmocka_unit_test(detect_short_gb),
        cmocka_unit_test(truncated_char),
        cmocka_unit_test(stray_byte),
        cmocka_unit_test(undecodable),
        cmocka_unit_test(spans_end_to_end),
        cmocka_unit_test(twice_latin1),
        cmocka_unit_test(twice_gb18030),
        cmocka_unit_test(twice_1252),
        cmocka_unit_test(twice_nbsp),
        cmocka_unit_test(twice_mdash),
        cmocka_unit_test(twice_nbsp_over),
        cmocka_unit_test(twice_gbk_cut),
        cmocka_unit_test(twice_not),
    };
    return cmocka_run_group_tests_name("form_text", tests, NULL, NULL);
}
