/*
 * form_twice.c - text encoded twice, its first encoding recovered
 * (form_int.h).
 *
 * A tool that reads a Chinese page as ISO-8859-1 and writes what it read
 * as UTF-8 (html2text without -utf8, a crawler told the wrong charset, a
 * Windows tool reading it as windows-1252) leaves valid UTF-8 in which
 * every character stands for one byte of the original: U+0000-U+00FF, or
 * one of windows-1252's 27 characters for 0x80-0x9F (“ for 0x93). Each
 * character back to its byte gives the original bytes exactly; they are
 * then decoded like any text, and the view's map composed with the map
 * from those bytes to the raw ones, so spans still point into the raw
 * bytes.
 *
 * The probe costs a look at the first non-ASCII characters: a Chinese text
 * in UTF-8 is told apart by its three-byte characters at once.
 */
#include "ogi_int.h"

#include <iconv.h>
#include <string.h>

#include "form_int.h"
#include "ogi/error.h"
#include "ogi/text.h"

/* Characters looked at before deciding (a twice-encoded report has
 * thousands); at least this many stand for high bytes. */
#define PROBE_CHARS 4096
#define MIN_HIGH    32

/* The byte a windows-1252 character above U+00FF stands for (iconv's
 * table), -1 when it stands for none. */
static int
cp1252_byte(iconv_t cd, const char *s, size_t n)
{
    if (cd == (iconv_t)-1)
        return -1;
    char in[4], out[4];
    memcpy(in, s, n);
    char *ip = in, *op = out;
    size_t il = n, ol = sizeof(out);
    iconv(cd, NULL, NULL, NULL, NULL);
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il || op != out + 1 ||
        (unsigned char)out[0] < 0x80 || (unsigned char)out[0] > 0x9F)
        return -1;
    return (unsigned char)out[0];
}

/* 1 when raw holds a C1 control (U+0080-U+009F) that windows-1252 has a
 * character for: the tool read the bytes as ISO-8859-1, and a character
 * above U+00FF is its own (html2text writes &mdash; as U+2014 in UTF-8),
 * no byte of the original. The five bytes windows-1252 leaves undefined
 * (0x81 0x8D 0x8F 0x90 0x9D) say nothing: a Windows tool writes them as
 * their C1 controls too. */
static int
has_c1(const char *raw, size_t len)
{
    const unsigned char *u = (const unsigned char *)raw;
    for (size_t i = 0; i + 1 < len; i++)
        if (u[i] == 0xC2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F &&
            u[i + 1] != 0x81 && u[i + 1] != 0x8D && u[i + 1] != 0x8F &&
            u[i + 1] != 0x90 && u[i + 1] != 0x9D)
            return 1;
    return 0;
}

/* Whether the character of UTF-8 bytes p[0], p[1] and A0 is one of
 * GB2312's (the characters a Chinese text is written in). */
static int
common_han(iconv_t *cd, const char *p)
{
    if (*cd == (iconv_t)-1)
        *cd = iconv_open("GB2312", "UTF-8");
    if (*cd == (iconv_t)-1)
        return 1;
    char in[3] = {p[0], p[1], (char)0xA0}, out[8];
    char *ip = in, *op = out;
    size_t il = 3, ol = sizeof(out);
    iconv(*cd, NULL, NULL, NULL, NULL);
    return iconv(*cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0;
}

/* 1 when raw's first non-ASCII characters are all of one byte each: two
 * bytes of UTF-8 for U+0080-U+00FF, or a windows-1252 character. */
static int
probe(const char *raw, size_t len)
{
    const unsigned char *u = (const unsigned char *)raw;
    size_t high = 0, seen = 0;
    for (size_t i = 0; i < len && seen < PROBE_CHARS; i++) {
        if (u[i] < 0xC0)
            continue; /* ASCII, or half of a character cut in two */
        seen++;
        if (u[i] == 0xC2 || u[i] == 0xC3)
            high++;
        else if (u[i] != 0xC5 && u[i] != 0xC6 && u[i] != 0xCB && u[i] != 0xE2)
            return 0; /* an ideograph: the text is what it says */
        /* past the character */
        while (i + 1 < len && (u[i + 1] & 0xC0) == 0x80)
            i++;
    }
    return high >= MIN_HIGH;
}

int
ogi__form_twice_undo(ogi_arena_t *arena, const char *raw, size_t len,
                     ogi__twice_t *out)
{
    memset(out, 0, sizeof(*out));
    if (!probe(raw, len))
        return 0;
    /* one byte per character: at most len bytes; one map entry where the
     * raw/byte offset difference changes, at most one per character */
    char *b = ogi_arena_alloc(arena, len + 1);
    size_t mapcap = len / 2 + 2;
    ogi_text_shift_t *map = ogi_arena_alloc(arena, mapcap * sizeof(*map));
    if (!b || !map)
        return OGI_ENOMEM;
    iconv_t cd = (iconv_t)-1, gb = (iconv_t)-1;
    const char *end = raw + len;
    size_t n = 0, nmap = 0, high = 0;
    int w1252 = 0, ok = 1;
    int latin1 = has_c1(raw, len);
    int need = 0; /* continuation bytes the original's character awaits,
                     were it UTF-8 */
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)raw[i];
        if (i - n != (nmap ? map[nmap - 1].raw - map[nmap - 1].norm : 0)) {
            if (nmap && map[nmap - 1].norm == n)
                nmap--; /* bytes dropped since: the later raw offset */
            if (nmap == mapcap) {
                ok = 0; /* cannot be: a change takes two raw bytes */
                break;
            }
            map[nmap].norm = (uint32_t)n;
            map[nmap].raw = (uint32_t)i;
            nmap++;
        }
        if (c < 0x80) {
            b[n++] = (char)c;
            need = 0;
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = ogi_utf8_decode(raw + i, end, &cp);
        if (k == 0) {
            /* a character cut in two: html2text wraps its output counting
             * bytes, and a table cell's text goes on in its column on the
             * next line, so the two bytes of one character end up apart.
             * A lone second byte still holds the low six bits of the byte
             * it stood for, most likely one of 0x80-0xBF (two thirds of
             * the bytes of Chinese UTF-8): so it is taken, and the cut
             * original character is left broken where the lead byte was
             * dropped, as html2text -utf8 leaves it. */
            if ((c & 0xC0) == 0x80) {
                b[n++] = (char)c;
                need -= need > 0;
                high++;
            }
            i++;
            continue;
        }
        if (cp > 0xFF && latin1) {
            /* the tool's own character (an entity it wrote), kept */
            memcpy(b + n, raw + i, k);
            n += k;
            need = 0;
            i += k;
            continue;
        }
        int byte = -1;
        if (cp <= 0xFF) {
            byte = (int)cp;
        } else {
            if (cd == (iconv_t)-1)
                cd = iconv_open("WINDOWS-1252", "UTF-8");
            byte = cp1252_byte(cd, raw + i, k);
            w1252 |= byte >= 0;
        }
        if (byte < 0) {
            ok = 0; /* a character that stands for no byte */
            break;
        }
        if (byte == 0xA0 && need == 1 && k == 2 && n >= 2 &&
            (unsigned char)b[n - 2] >= 0xE0 &&
            (unsigned char)b[n - 2] <= 0xEF && !common_han(&gb, b + n - 2)) {
            /* the last byte of an ideograph no text uses (甠 of 用 cut):
             * html2text wrote its no-break space over the last byte of a
             * character that overflowed its column; the character is cut
             * (its bytes left broken) and the space is the tool's */
            need = 0;
        }
        if (byte == 0xA0 && need == 0 && k == 2) {
            /* a no-break space where no character of the original awaits
             * its next byte: the tool's own (an &nbsp; it wrote as
             * ISO-8859-1's A0), not a byte of the page: as UTF-8 it is two
             * bytes, as many as it took here */
            b[n++] = (char)0xC2;
        }
        b[n++] = (char)byte;
        need = need && (byte & 0xC0) == 0x80 ? need - 1
               : byte >= 0xF0                ? 3
               : byte >= 0xE0                ? 2
               : byte >= 0xC0                ? 1
                                             : 0;
        high++;
        i += k;
    }
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    if (gb != (iconv_t)-1)
        iconv_close(gb);
    if (!ok || high < MIN_HIGH)
        return 0;
    b[n] = '\0';
    out->s = b;
    out->len = n;
    out->map = map;
    out->nmap = nmap;
    out->as = w1252 ? "windows-1252" : "ISO-8859-1";
    return 1;
}

/* Appends the entry (x, r) to m[0..*n) keeping the map's order: an entry
 * at the same view offset as the last replaces it, one that would lead
 * back in the raw bytes is left out (a decoder never writes one). */
static void
put(ogi_text_shift_t *m, size_t *n, size_t cap, size_t x, size_t r)
{
    if (*n && m[*n - 1].norm == x)
        (*n)--;
    if (*n && (r < m[*n - 1].raw || m[*n - 1].raw + (x - m[*n - 1].norm) == r))
        return;
    if (*n == cap)
        return;
    m[*n].norm = (uint32_t)x;
    m[*n].raw = (uint32_t)r;
    (*n)++;
}

int
ogi__form_twice_compose(ogi_arena_t *arena, ogi__view_t *v,
                        const ogi__twice_t *t, size_t nraw)
{
    v->bad_raw = ogi_text_shift_raw(t->map, t->nmap, v->bad_raw);
    v->nraw = nraw;
    if (!v->map) { /* the bytes are the view: their map is the view's */
        v->map = t->map;
        v->nmap = t->nmap;
        return 0;
    }
    /* each of the view's pieces (the first from 0, where the view's map
     * starts later), cut where the bytes' map changes under it */
    size_t cap = v->nmap + t->nmap + 2, n = 0;
    ogi_text_shift_t *m = ogi_arena_alloc(arena, cap * sizeof(*m));
    if (!m)
        return OGI_ENOMEM;
    int lead = v->map[0].norm > 0;
    for (size_t i = 0; i < v->nmap + (size_t)lead; i++) {
        size_t k = i - (size_t)lead; /* the piece's entry (or before it) */
        size_t x0 = lead && i == 0 ? 0 : v->map[k].norm;
        size_t b0 = lead && i == 0 ? 0 : v->map[k].raw;
        size_t x1 = k + 1 < v->nmap ? v->map[k + 1].norm : v->len;
        if (lead && i == 0)
            x1 = v->map[0].norm;
        size_t b1 = b0 + (x1 - x0);
        size_t lo = 0, hi = t->nmap; /* the first entry of t past b0 */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (t->map[mid].norm <= b0)
                lo = mid + 1;
            else
                hi = mid;
        }
        put(m, &n, cap, x0, ogi_text_shift_raw(t->map, t->nmap, b0));
        for (size_t j = lo; j < t->nmap && t->map[j].norm < b1; j++)
            put(m, &n, cap, x0 + (t->map[j].norm - b0), t->map[j].raw);
    }
    v->map = m;
    v->nmap = n;
    return 0;
}

/* Bytes of t's from j on that stand for a character the tool wrote of
 * its own (an entity), 0 when byte j is not one: where raw has a
 * character of three bytes or more (a byte of the page is two there,
 * C2/C3 and one), kept in UTF-8 or taken for a windows-1252 byte; or its
 * no-break space (C2 A0, kept as it is or taken for the byte A0). *rk
 * receives the raw character's length. Only for GB18030 bytes, where A0
 * is no byte of a common character. */
static size_t
own_char(const ogi__twice_t *t, const char *raw, size_t len, size_t j,
         size_t *rk)
{
    unsigned char c = (unsigned char)t->s[j];
    size_t r = ogi_text_shift_raw(t->map, t->nmap, j);
    if (r >= len)
        return 0;
    unsigned char u = (unsigned char)raw[r];
    if (c == 0xC2 && j + 1 < t->len && (unsigned char)t->s[j + 1] == 0xA0 &&
        u == 0xC2 && r + 1 < len && (unsigned char)raw[r + 1] == 0xA0) {
        *rk = 2;
        return 2;
    }
    if (c == 0xA0 && u == 0xC2 && r + 1 < len &&
        (unsigned char)raw[r + 1] == 0xA0) {
        /* the same, taken for a byte of a character (GBK has none of
         * A0 but a few rare ones the tool's would be cut from) */
        *rk = 2;
        return 1;
    }
    if (u < 0xE0 || u > 0xF4)
        return 0;
    uint32_t cp;
    size_t k = ogi_utf8_decode(raw + r, raw + len, &cp);
    if (k < 3)
        return 0;
    *rk = k;
    if (j + k <= t->len && memcmp(raw + r, t->s + j, k) == 0)
        return k;                          /* kept */
    return c >= 0x80 && c <= 0x9F ? 1 : 0; /* its windows-1252 byte */
}

/* Whether GBK bytes a, b are a character of a report's text: a hanzi of
 * GB2312's first level (the 3755 common ones) or its punctuation. The
 * bytes of such a text paired one off are mostly not (AD B8, 93 C3) or
 * rare ones of the second level (E9 D6 橹). */
static int
common_pair(unsigned char a, unsigned char b)
{
    return b >= 0xA1 && b <= 0xFE &&
           ((a >= 0xB0 && a <= 0xD7) || (a >= 0xA1 && a <= 0xA3));
}

/*
 * Whether bytes c[x], c[y] pair into a common character, either as they
 * are or, for a byte guessed from a lone second byte of the tool's UTF-8
 * (guess[]: its lead C2 or C3 was written over, so the page's byte was
 * it or it | 0x40), as the other; with fix set, such a byte is made the
 * one that pairs.
 */
static int
pair_common(char *c, const unsigned char *guess, size_t x, size_t y, int fix)
{
    unsigned char a = (unsigned char)c[x], b = (unsigned char)c[y];
    if (common_pair(a, b))
        return 1;
    for (int da = 0; da <= (guess[x] && a < 0xC0 ? 0x40 : 0); da += 0x40)
        for (int db = 0; db <= (guess[y] && b < 0xC0 ? 0x40 : 0); db += 0x40)
            if (common_pair((unsigned char)(a | da), (unsigned char)(b | db))) {
                if (fix) {
                    c[x] = (char)(a | da);
                    c[y] = (char)(b | db);
                }
                return 1;
            }
    return 0;
}

/*
 * Settles the run c[i, e) of the page's high bytes (own[] bytes counting
 * for none): pairs of bytes, but one when it is odd, the orphan of a
 * character the layout cut, which is returned ((size_t)-1 for none). The
 * orphan lies before an even count of the page's bytes, at the run's
 * start (a trail after the bar or value written over its lead), its end
 * (a lead before them) or inside it, where a cell's text that ran over
 * its column was written over by the next cell's (总计 in a column of
 * three bytes: "总\xbc" and the next header's characters). The place that
 * pairs the rest into the most common characters is it; on a tie, dflt.
 * A byte guessed from a lone second byte (guess[]) is made the one of its
 * two that pairs into a common character with its neighbour.
 */
static size_t
gbk_run(char *c, const unsigned char *own, const unsigned char *guess, size_t i,
        size_t e, size_t dflt)
{
    size_t pos[64], k = 0;
    for (size_t x = i; x < e; x++)
        if (!own[x]) {
            if (k == OGI_ARRAY_LEN(pos))
                return k % 2 ? dflt : (size_t)-1; /* long: its ends decide */
            pos[k++] = x;
        }
    size_t drop = (size_t)-1;
    if (k % 2) {
        /* after[j]: common pairs among pos[j..k) paired from j */
        int after[65], best = -1, before = 0;
        after[k] = 0;
        for (size_t j = k; j-- > 0;)
            after[j] = j + 1 < k && (k - j) % 2 == 0
                           ? after[j + 2] +
                                 pair_common(c, guess, pos[j], pos[j + 1], 0)
                           : 0;
        drop = dflt;
        for (size_t j = 0; j < k; j += 2) {
            int sc = before + after[j + 1 <= k ? j + 1 : k];
            if (sc > best || (sc == best && pos[j] == dflt)) {
                best = sc;
                drop = pos[j];
            }
            if (j + 1 < k)
                before += pair_common(c, guess, pos[j], pos[j + 1], 0);
        }
    }
    /* the pairs left, their guessed bytes settled */
    for (size_t j = 0, h = 0, first = 0; j < k; j++) {
        if (pos[j] == drop)
            continue;
        if (h++ % 2 == 0) {
            first = pos[j];
            continue;
        }
        if (guess[first] || guess[pos[j]])
            pair_common(c, guess, first, pos[j], 1);
    }
    return drop;
}

int
ogi__form_twice_gbk(ogi_arena_t *arena, const char *raw, size_t len,
                    ogi__twice_t *t)
{
    /* the bytes with the tool's characters in GB18030 (at most four bytes
     * for three or more), each with its raw offset */
    size_t cap = 2 * t->len + 1;
    char *c = ogi_arena_alloc(arena, cap);
    uint32_t *at = ogi_arena_alloc(arena, cap * sizeof(*at));
    unsigned char *own = ogi_arena_alloc(arena, cap);
    unsigned char *guess = ogi_arena_alloc(arena, cap);
    if (!c || !at || !own || !guess)
        return OGI_ENOMEM;
    iconv_t cd = (iconv_t)-1;
    size_t n = 0;
    for (size_t j = 0; j < t->len;) {
        size_t rk = 0, k = own_char(t, raw, len, j, &rk);
        uint32_t r = (uint32_t)ogi_text_shift_raw(t->map, t->nmap, j);
        if (k && rk <= 4) {
            if (cd == (iconv_t)-1)
                cd = iconv_open("GB18030", "UTF-8");
            char in[4], out[4];
            memcpy(in, raw + r, rk);
            char *ip = in, *op = out;
            size_t il = rk, ol = sizeof(out);
            if (cd != (iconv_t)-1) {
                iconv(cd, NULL, NULL, NULL, NULL);
                if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && !il) {
                    for (char *p = out; p < op; p++) {
                        at[n] = r;
                        own[n] = 1;
                        guess[n] = 0;
                        c[n++] = *p;
                    }
                    j += k;
                    continue;
                }
            }
        }
        at[n] = r;
        own[n] = 0;
        /* a byte taken from a lone second byte of the tool's UTF-8 */
        guess[n] = (unsigned char)t->s[j] >= 0x80 && r < len &&
                   ((unsigned char)raw[r] & 0xC0) == 0x80;
        c[n++] = t->s[j++];
    }
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    /* a run of the page's bytes above 0x7F is whole characters of two
     * bytes (GBK's): an odd run lost a byte of a character the layout
     * cut, and its orphan would pair with the byte next to it (a bar, a
     * digit, the next character), shifting the run. The orphan is a lead
     * left before the bar or the next cell (the tool wrote over the
     * trail), or a trail after a bar (it wrote the bar over the lead): it
     * is dropped. The tool's own characters (a no-break space of four
     * bytes with digits inside, a dash) end a run as a bar does: they are
     * a cell's text the tool wrote, over what ran on from the left
     * ("不\xca" then &nbsp; then "\x93\xc3" of 用: 不, then 用) */
    char *b = ogi_arena_alloc(arena, n + 1);
    ogi_text_shift_t *map = ogi_arena_alloc(arena, (n + 2) * sizeof(*map));
    uint32_t *cuts = ogi_arena_alloc(arena, (n / 2 + 1) * sizeof(*cuts));
    if (!b || !map || !cuts)
        return OGI_ENOMEM;
    size_t m = 0, nmap = 0, ncuts = 0;
    for (size_t i = 0; i < n;) {
        size_t e = i, drop = (size_t)-1, odd = 0, first = n, last = n;
        int guessed = 0;
        if ((unsigned char)c[i] >= 0x80 && !own[i]) {
            for (; e < n && (unsigned char)c[e] >= 0x80 && !own[e]; e++) {
                odd ^= 1;
                guessed |= guess[e];
                first = first == n ? e : first;
                last = e;
            }
            if (odd || guessed)
                drop = gbk_run(c, own, guess, i, e,
                               e < n && c[e] != '|' && i > 0 && c[i - 1] == '|'
                                   ? first
                                   : last);
        } else {
            e = i + 1;
        }
        for (size_t k = i; k < e; k++) {
            if (k == drop) {
                if (ncuts < n / 2 + 1 && (!ncuts || cuts[ncuts - 1] != m))
                    cuts[ncuts++] = (uint32_t)m;
                continue;
            }
            if (!nmap || at[k] - m != map[nmap - 1].raw - map[nmap - 1].norm) {
                if (nmap && map[nmap - 1].norm == m)
                    nmap--;
                map[nmap].norm = (uint32_t)m;
                map[nmap].raw = at[k];
                nmap++;
            }
            b[m++] = c[k];
        }
        i = e;
    }
    b[m] = '\0';
    t->s = b;
    t->len = m;
    t->map = map;
    t->nmap = nmap;
    t->cuts = cuts;
    t->ncuts = ncuts;
    return 0;
}

int
ogi__form_twice_mark_cuts(ogi_arena_t *arena, ogi__view_t *v,
                          const ogi__twice_t *t)
{
    if (!t->ncuts)
        return 0;
    size_t len = v->len + t->ncuts;
    char *s = ogi_arena_alloc(arena, len + 1);
    ogi_text_shift_t *map =
        ogi_arena_alloc(arena, (v->len + 2 * t->ncuts + 2) * sizeof(*map));
    if (!s || !map)
        return OGI_ENOMEM;
    size_t n = 0, nmap = 0, k = 0;
    for (size_t x = 0; x <= v->len; x++) {
        size_t bx = v->map ? ogi_text_shift_raw(v->map, v->nmap, x) : x;
        /* before the first character at or past the cut */
        int lead = x == v->len || ((unsigned char)v->s[x] & 0xC0) != 0x80;
        while (lead && k < t->ncuts && t->cuts[k] <= bx && n < len) {
            map[nmap].norm = (uint32_t)n;
            map[nmap].raw = t->cuts[k];
            nmap++;
            s[n++] = (char)0x80;
            k++;
        }
        if (x == v->len)
            break;
        if (!nmap || bx - n != (size_t)map[nmap - 1].raw - map[nmap - 1].norm) {
            if (nmap && map[nmap - 1].norm == n)
                nmap--;
            map[nmap].norm = (uint32_t)n;
            map[nmap].raw = (uint32_t)bx;
            nmap++;
        }
        s[n++] = v->s[x];
    }
    s[n] = '\0';
    v->s = s;
    v->len = n;
    v->map = map;
    v->nmap = nmap;
    return 0;
}
