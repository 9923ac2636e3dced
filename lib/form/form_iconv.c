/*
 * form_iconv.c - text in GB18030, Big5 or UTF-16 converted to a UTF-8 view
 * (iconv_int.h).
 *
 * Conversion is iconv's, in large runs; the map back to raw offsets is
 * built by walking the raw characters (their lengths follow from the
 * encoding's structure) alongside the UTF-8 produced, one entry where the
 * raw/view offset difference changes. A byte iconv refuses becomes U+FFFD
 * and is counted (out->nbad); more than one per OGI_TEXT_BROKEN_RATIO
 * non-ASCII bytes means the text is not in that encoding.
 *
 * The view is at most three times the input (U+FFFD for a byte), the map
 * at most one entry per raw character; every loop is linear.
 */
#include "ogi_int.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>

#include "iconv_int.h"
#include "ogi/error.h"
#include "ogi/text.h"

const ogi__enc_names_t ogi__encs[ENC_NONE] = {
    {"UTF-8", "utf-8", "UTF-8"},
    {"GB18030", "gb18030", "GB18030"},
    {"BIG5", "big5", "Big5"},
    {"UTF-16LE", "utf-16le", "UTF-16LE"},
    {"UTF-16BE", "utf-16be", "UTF-16BE"},
};

typedef struct {
    ogi_arena_t *arena;
    char *s; /* the view, cap + 1 bytes */
    size_t len, cap;
    ogi_text_shift_t *map;
    size_t nmap, mapcap;
    size_t nbad;    /* bytes iconv refused, each now U+FFFD */
    size_t bad_raw; /* raw offset of the first */
    size_t high;    /* non-ASCII raw bytes read: what nbad is weighed by */
} conv_t;

/* Notes that view offset v comes from raw offset r: an entry when the
 * last one does not already say so. */
static int
mark(conv_t *c, size_t v, size_t r)
{
    size_t n0 = c->nmap ? c->map[c->nmap - 1].norm : 0;
    size_t r0 = c->nmap ? c->map[c->nmap - 1].raw : 0;
    if (r0 + (v - n0) == r)
        return 0;
    if (c->nmap == c->mapcap) {
        size_t cap = c->mapcap ? c->mapcap * 2 : 256;
        ogi_text_shift_t *p = ogi_arena_grow(
            c->arena, c->map, c->mapcap * sizeof(*p), cap * sizeof(*p));
        if (!p)
            return OGI_ENOMEM;
        c->map = p;
        c->mapcap = cap;
    }
    c->map[c->nmap].norm = (uint32_t)v;
    c->map[c->nmap].raw = (uint32_t)r;
    c->nmap++;
    return 0;
}

size_t
ogi__iconv_char_len(enc_t enc, const unsigned char *p, size_t n)
{
    size_t k;
    switch (enc) {
        case ENC_GB18030:
            k = p[0] < 0x80                              ? 1
                : n >= 2 && p[1] >= 0x30 && p[1] <= 0x39 ? 4
                                                         : 2;
            break;
        case ENC_BIG5:
            k = p[0] < 0x80 ? 1 : 2;
            break;
        case ENC_UTF16LE:
            k = n >= 2 && (p[1] & 0xFC) == 0xD8 ? 4 : 2;
            break;
        case ENC_UTF16BE:
            k = (p[0] & 0xFC) == 0xD8 ? 4 : 2;
            break;
        default:
            k = 1;
            break;
    }
    return k < n ? k : n;
}

static size_t
utf8_char_len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/*
 * Maps what iconv made of raw[r..r+rn) (view[v..v+vn)), a character at a
 * time. Returns 0; 1 when the two do not pair up one to one (a character
 * that became two code points), for the caller to redo the run a
 * character at a time; OGI_ENOMEM.
 */
static int
walk(conv_t *c, enc_t enc, const unsigned char *raw, size_t r, size_t rn,
     size_t v, size_t vn)
{
    const unsigned char *s = (const unsigned char *)c->s;
    size_t re = r + rn, ve = v + vn;
    int rc;
    while (r < re) {
        if (v >= ve)
            return 1;
        /* a run of ASCII keeps the difference: nothing to note */
        if (raw[r] < 0x80 && (enc == ENC_GB18030 || enc == ENC_BIG5)) {
            if (s[v] != raw[r])
                return 1;
            if ((rc = mark(c, v, r)))
                return rc;
            while (r < re && v < ve && raw[r] < 0x80 && s[v] == raw[r]) {
                r++;
                v++;
            }
            continue;
        }
        size_t k = ogi__iconv_char_len(enc, raw + r, re - r);
        size_t m = utf8_char_len(s[v]);
        if (m > ve - v)
            return 1;
        if ((rc = mark(c, v, r)))
            return rc;
        if (raw[r] >= 0x80 || enc == ENC_UTF16LE || enc == ENC_UTF16BE)
            c->high += k;
        r += k;
        v += m;
    }
    return v == ve ? 0 : 1;
}

/* Appends U+FFFD for the bad raw bytes at r. */
static int
put_bad(conv_t *c, size_t r, size_t n)
{
    int rc = mark(c, c->len, r);
    if (rc)
        return rc;
    if (c->cap - c->len < 3)
        return OGI_ETOOBIG; /* cannot happen: cap is 3 bytes a raw byte */
    memcpy(c->s + c->len, "\xEF\xBF\xBD", 3);
    c->len += 3;
    if (c->nbad == 0)
        c->bad_raw = r;
    c->nbad++;
    c->high += n;
    return 0;
}

/* Too many refused bytes for the text to be in this encoding. */
static int
too_bad(const conv_t *c, int at_end)
{
    if (at_end)
        return c->nbad * OGI_TEXT_BROKEN_RATIO > c->high;
    return c->nbad >= 256 && c->nbad * (OGI_TEXT_BROKEN_RATIO / 2) > c->high;
}

/*
 * raw[r..r + rn) a character at a time: for the runs whose characters
 * do not map one to one.
 */
static int
by_char(conv_t *c, iconv_t cd, enc_t enc, const char *raw, size_t r, size_t rn)
{
    size_t re = r + rn;
    int rc;
    while (r < re) {
        size_t k =
            ogi__iconv_char_len(enc, (const unsigned char *)raw + r, re - r);
        char *in = (char *)(uintptr_t)(raw + r), *o = c->s + c->len;
        size_t inleft = k, oleft = c->cap - c->len;
        iconv(cd, NULL, NULL, NULL, NULL);
        size_t x = iconv(cd, &in, &inleft, &o, &oleft);
        if (x == (size_t)-1 || inleft) {
            if ((rc = put_bad(c, r, 1)))
                return rc;
            r++;
            continue;
        }
        if ((rc = mark(c, c->len, r)))
            return rc;
        if ((unsigned char)raw[r] >= 0x80 || enc == ENC_UTF16LE ||
            enc == ENC_UTF16BE)
            c->high += k;
        c->len = (size_t)(o - c->s);
        r += k;
    }
    return 0;
}

/*
 * Converts raw[from..len) from enc into c (fresh). Returns 0 when it
 * reads as enc (a few bad bytes as U+FFFD), OGI_ENCODING when it does not,
 * OGI_ENOMEM.
 */
static int
convert(conv_t *c, ogi_arena_t *arena, const char *raw, size_t len, size_t from,
        enc_t enc)
{
    memset(c, 0, sizeof(*c));
    c->arena = arena;
    if (len > (SIZE_MAX - 16) / 3 || len > UINT32_MAX - 1)
        return OGI_ETOOBIG;
    c->cap = 3 * (len - from) + 16;
    c->s = ogi_arena_alloc(arena, c->cap + 1);
    if (!c->s)
        return OGI_ENOMEM;
    iconv_t cd = iconv_open("UTF-8", ogi__encs[enc].iconv);
    if (cd == (iconv_t)-1)
        return OGI_ENCODING;
    const unsigned char *u = (const unsigned char *)raw;
    size_t i = from;
    int rc = 0;
    while (i < len) {
        char *in = (char *)(uintptr_t)(raw + i), *o = c->s + c->len;
        size_t inleft = len - i, oleft = c->cap - c->len;
        size_t x = iconv(cd, &in, &inleft, &o, &oleft);
        int err = x == (size_t)-1 ? errno : 0;
        size_t used = (size_t)(in - (raw + i)),
               made = (size_t)(o - (c->s + c->len));
        size_t high = c->high;
        rc = walk(c, enc, u, i, used, c->len, made);
        if (rc == 1) {
            /* redo the run a character at a time */
            while (c->nmap && c->map[c->nmap - 1].norm >= c->len)
                c->nmap--;
            c->high = high;
            rc = by_char(c, cd, enc, raw, i, used);
        } else {
            c->len += made;
        }
        if (rc)
            break;
        i += used;
        if (!err)
            break;
        if (err == E2BIG) {
            rc = OGI_ETOOBIG; /* cannot happen: see cap */
            break;
        }
        /* EILSEQ: a refused byte; EINVAL: the text ends inside a
         * character, which is refused whole */
        size_t n = err == EINVAL ? len - i : 1;
        if ((rc = put_bad(c, i, n)))
            break;
        i += n;
        iconv(cd, NULL, NULL, NULL, NULL);
        if (too_bad(c, 0)) {
            rc = OGI_ENCODING;
            break;
        }
    }
    iconv_close(cd);
    if (rc)
        return rc;
    if (too_bad(c, 1))
        return OGI_ENCODING;
    /* the end of the view is the end of the raw bytes */
    if ((rc = mark(c, c->len, len)))
        return rc;
    c->s[c->len] = '\0';
    return 0;
}

static void
view_conv(const conv_t *c, enc_t enc, size_t len, ogi__view_t *out)
{
    out->s = c->s;
    out->len = c->len;
    out->encoding = ogi__encs[enc].name;
    out->map = c->map;
    out->nmap = c->nmap;
    out->nraw = len;
    out->nbad = c->nbad;
    out->bad_raw = c->bad_raw;
    out->twice = NULL;
}

int
ogi__iconv_view(ogi_arena_t *arena, const char *raw, size_t len, size_t from,
                enc_t enc, ogi__view_t *out)
{
    conv_t c;
    int rc = convert(&c, arena, raw, len, from, enc);
    if (rc == 0)
        view_conv(&c, enc, len, out);
    return rc;
}
