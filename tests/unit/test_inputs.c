/*
 * test_inputs.c - inputs that are not reports, and reports in odd
 * encodings or cut short.
 *
 * What is not a report must come back as OGI_STATUS_REJECTED with a P0
 * finding whose message names the reason, never as a crash: empty and
 * blank files, binary data, a news article, a pre-2019
 * report, a file far above the size limit (read with bounded memory). A
 * report with a UTF-8 BOM or CRLF line endings, or in GBK/GB18030 or
 * UTF-16 with a BOM, must give the same record as the plain file; a report cut at any byte must not crash (any status).
 *
 * Fixtures: tests/data/inputs/ (paths relative to the repository root,
 * the working directory of the tests) and tests/data/reports/.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <ctype.h>
#include <iconv.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

#include "ogi.h"

#define INPUTS  "tests/data/inputs/"
#define REPORTS "tests/data/reports/"

static const char *const real_reports[] = {
    "000_797bd12820c43427", "001_1cb59e66f00bcffe", "002_e734572c7f6275fe",
    "003_17bcadf2ed5508d0", "004_38ec84bebc7328d3", "hongze-district-2023",
    "hongze-district-2024", "huaian-city-2024",
};
#define NREPORTS (sizeof(real_reports) / sizeof(real_reports[0]))

/* The whole file in a malloc'd buffer of exactly *len bytes (1 if empty),
 * so that ASan sees any read past the end. */
static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("could not open \"%s\"", path);
    size_t cap = 4096, n = 0, k;
    char *buf = malloc(cap);
    assert_non_null(buf);
    while ((k = fread(buf + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
    }
    fclose(f);
    char *exact = malloc(n ? n : 1);
    assert_non_null(exact);
    memcpy(exact, buf, n);
    free(buf);
    *len = n;
    return exact;
}

/* Parses a private copy of bytes[0..len) (exact size, on the heap). */
static ogi_report_t *
parse_mem(ogi_arena_t *a, const char *bytes, size_t len)
{
    char *copy = malloc(len ? len : 1);
    assert_non_null(copy);
    if (len)
        memcpy(copy, bytes, len);
    ogi_report_t *r = NULL;
    ogi_parse_opts_t o = {0};
    assert_int_equal(ogi_parse_report(a, copy, len, &o, &r), 0);
    assert_non_null(r);
    free(copy);
    return r;
}

static ogi_report_t *
parse_path(ogi_arena_t *a, const char *path)
{
    ogi_report_t *r = NULL;
    char why[256] = "";
    int rc = ogi_source_parse_file(a, path, NULL, &r, why, sizeof(why));
    if (rc != 0)
        fail_msg("%s: rc %d: %s", path, rc, why);
    assert_non_null(r);
    return r;
}

/* Whether hay contains needle, ASCII letters compared without case. */
static int
contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] &&
               tolower((unsigned char)hay[i]) ==
                   tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return 1;
    }
    return 0;
}

/*
 * r is rejected, with a P0 error finding whose message contains one of
 * words (NULL-terminated), and its JSON record says so.
 */
static void
expect_rejected(const char *what, const ogi_report_t *r,
                const char *const *words)
{
    if (r->status != OGI_STATUS_REJECTED)
        fail_msg("%s: status \"%s\", want \"rejected\"", what,
                 ogi_status_name(r->status));
    const ogi_finding_t *p0 = NULL;
    for (size_t i = 0; i < r->nfindings; i++)
        if (strcmp(r->findings[i].rule, "P0") == 0)
            p0 = &r->findings[i];
    if (!p0)
        fail_msg("%s: rejected without a P0 finding", what);
    assert_int_equal(p0->severity, OGI_SEV_ERROR);
    assert_non_null(p0->message);
    int named = 0;
    for (const char *const *w = words; *w && !named; w++)
        named = contains_nocase(p0->message, *w);
    if (!named)
        fail_msg("%s: P0 message \"%s\" does not name the reason (want "
                 "\"%s\"%s)",
                 what, p0->message, words[0], words[1] ? " or similar" : "");

    char *s = ogi_json_dump(r, 0);
    assert_non_null(s);
    json_error_t err;
    json_t *rec = json_loads(s, 0, &err);
    free(s);
    assert_non_null(rec);
    assert_string_equal(json_string_value(json_object_get(rec, "status")),
                        "rejected");
    json_decref(rec);
}

static void
reject_file(const char *name, const char *const *words)
{
    char path[256];
    snprintf(path, sizeof(path), INPUTS "%s", name);
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    expect_rejected(path, parse_path(a, path), words);

    size_t len;
    char *bytes = slurp(path, &len);
    ogi_arena_reset(a);
    expect_rejected(path, parse_mem(a, bytes, len), words);
    free(bytes);
    ogi_arena_destroy(&a);
}

/* ---- not reports ------------------------------------------------------ */

static const char *const w_empty[] = {"empty", "blank", "whitespace", NULL};

static void
empty_file(void **state)
{
    (void)state;
    reject_file("empty.txt", w_empty);
    /* zero bytes in memory, too */
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_report_t *r = NULL;
    ogi_parse_opts_t o = {0};
    assert_int_equal(ogi_parse_report(a, "", 0, &o, &r), 0);
    assert_non_null(r);
    expect_rejected("0 bytes", r, w_empty);
    assert_int_equal(r->source_bytes, 0);
    ogi_arena_destroy(&a);
}

static void
whitespace_only(void **state)
{
    (void)state;
    reject_file("whitespace.txt", w_empty);
}

/* U+3000 IDEOGRAPHIC SPACE and U+00A0 NO-BREAK SPACE are whitespace too. */
static void
whitespace_unicode(void **state)
{
    (void)state;
    reject_file("whitespace_unicode.txt", w_empty);
}

/* xorshift64*: the same bytes on every run. */
static uint64_t
next_rand(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ULL;
}

static void
fill_random(unsigned char *buf, size_t n, uint64_t seed)
{
    uint64_t s = seed;
    for (size_t i = 0; i < n; i++)
        buf[i] = (unsigned char)(next_rand(&s) >> 56);
}

#define BIN_SIZE (64u * 1024u)

static void
random_binary(void **state)
{
    (void)state;
    static const char *const w[] = {"binary", "NUL", "control", "UTF-8", NULL};
    unsigned char *buf = malloc(BIN_SIZE);
    assert_non_null(buf);
    fill_random(buf, BIN_SIZE, 0x0123456789abcdefULL);
    size_t nuls = 0;
    for (size_t i = 0; i < BIN_SIZE; i++)
        nuls += buf[i] == 0;
    assert_true(nuls > 0);
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    expect_rejected("64 KiB random", parse_mem(a, (char *)buf, BIN_SIZE), w);

    /* NUL bytes late in an otherwise valid UTF-8 text */
    size_t len;
    char *rep = slurp(REPORTS "002_e734572c7f6275fe.txt", &len);
    rep[len - 10] = '\0';
    ogi_arena_reset(a);
    expect_rejected("report with a NUL byte", parse_mem(a, rep, len), w);
    free(rep);
    ogi_arena_destroy(&a);
    free(buf);
}

/* Random bytes with the NULs replaced: invalid UTF-8 rather than NUL. */
static void
random_binary_no_nul(void **state)
{
    (void)state;
    static const char *const w[] = {"binary", "UTF-8", "encoding", NULL};
    unsigned char *buf = malloc(BIN_SIZE);
    assert_non_null(buf);
    fill_random(buf, BIN_SIZE, 42);
    for (size_t i = 0; i < BIN_SIZE; i++)
        if (buf[i] == 0)
            buf[i] = 0xFF;
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    expect_rejected("64 KiB random, no NUL",
                    parse_mem(a, (char *)buf, BIN_SIZE), w);
    ogi_arena_destroy(&a);
    free(buf);
}

/* Valid UTF-8, but mostly ASCII control characters. */
static void
control_bytes(void **state)
{
    (void)state;
    static const char *const w[] = {"binary", "control", NULL};
    unsigned char *buf = malloc(BIN_SIZE);
    assert_non_null(buf);
    fill_random(buf, BIN_SIZE, 7);
    for (size_t i = 0; i < BIN_SIZE; i++) {
        buf[i] &= 0x3F; /* 0x00-0x3F: controls, digits, punctuation */
        if (buf[i] == 0)
            buf[i] = 0x01;
    }
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    expect_rejected("control bytes", parse_mem(a, (char *)buf, BIN_SIZE), w);
    ogi_arena_destroy(&a);
    free(buf);
}

static void
news_article(void **state)
{
    (void)state;
    static const char *const w[] = {"not an annual report", "not a report",
                                    "no disclosure", NULL};
    reject_file("news.txt", w);
}

/* A 2017 report in the format of the 2008 条例: 7 sections, a table of
 * 当面申请/信函申请/网络申请 counts. */
static void
pre2019_report(void **state)
{
    (void)state;
    static const char *const w[] = {"pre-2019", "old format", "2008", NULL};
    reject_file("pre2019.txt", w);
}

/* ---- far above the size limit ------------------------------------------ */

#define BIG_SIZE (100L * 1024 * 1024)

static long
peak_rss_kib(void)
{
    struct rusage ru;
    assert_int_equal(getrusage(RUSAGE_SELF, &ru), 0);
    return ru.ru_maxrss; /* KiB on Linux */
}

/* The temporary file of big_file, removed by its teardown whatever
 * happens in the test. */
static char big_path[] = "/tmp/ogi-test-inputs-XXXXXX";

static int
big_setup(void **state)
{
    (void)state;
    int fd = mkstemp(big_path);
    if (fd < 0)
        return -1;
    size_t hl;
    char *head = slurp(REPORTS "002_e734572c7f6275fe.txt", &hl);
    int ok = write(fd, head, hl) == (ssize_t)hl && ftruncate(fd, BIG_SIZE) == 0;
    free(head);
    close(fd);
    return ok ? 0 : -1;
}

static int
big_teardown(void **state)
{
    (void)state;
    unlink(big_path);
    return 0;
}

/*
 * A 100 MB file (sparse, with a report's first bytes at its start) is
 * rejected for its size without being read into memory: the peak RSS
 * grows by less than 64 MB. Runs first, while the peak is still low.
 */
static void
big_file(void **state)
{
    (void)state;
    static const char *const w[] = {"limit", "too big", "too large", "exceeds",
                                    NULL};
    long before = peak_rss_kib();
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_report_t *r = parse_path(a, big_path);
    long after = peak_rss_kib();
    expect_rejected("100 MB file", r, w);
    assert_int_equal(r->source_bytes, BIG_SIZE);
    if (after - before >= 64L * 1024)
        fail_msg("peak RSS grew by %ld KiB reading a 100 MB file",
                 after - before);
    ogi_arena_destroy(&a);
}

/* ---- same record: BOM, CRLF --------------------------------------------- */

/* The record as JSON, without what depends on the raw bytes themselves. */
static json_t *
record_of(const ogi_report_t *r, int drop_sections)
{
    char *s = ogi_json_dump(r, 0);
    assert_non_null(s);
    json_error_t err;
    json_t *rec = json_loads(s, 0, &err);
    free(s);
    assert_non_null(rec);
    json_object_del(rec, "doc_key");
    json_object_del(json_object_get(rec, "source"), "bytes");
    /* the variants in other encodings are checked for it apart */
    json_object_del(json_object_get(rec, "source"), "encoding");
    if (drop_sections)
        json_object_del(rec, "sections");
    return rec;
}

/* Length of the longest prefix of s of at most max bytes that ends on a
 * UTF-8 character boundary. */
static size_t
clip(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

/* Writes the first difference between a and b (by path) into buf. */
static int
first_diff(json_t *a, json_t *b, const char *path, char *buf, size_t size)
{
    if (json_equal(a, b))
        return 0;
    if (json_is_object(a) && json_is_object(b)) {
        const char *k;
        json_t *v;
        json_object_foreach(a, k, v)
        {
            char p[256];
            snprintf(p, sizeof(p), "%s.%s", path, k);
            json_t *w = json_object_get(b, k);
            if (!w) {
                snprintf(buf, size, "%s: only in the plain record", p);
                return 1;
            }
            if (first_diff(v, w, p, buf, size))
                return 1;
        }
        json_object_foreach(b, k, v) if (!json_object_get(a, k))
        {
            snprintf(buf, size, "%s.%s: only in the variant", path, k);
            return 1;
        }
    }
    if (json_is_array(a) && json_is_array(b) &&
        json_array_size(a) == json_array_size(b)) {
        for (size_t i = 0; i < json_array_size(a); i++) {
            char p[256];
            snprintf(p, sizeof(p), "%s[%zu]", path, i);
            if (first_diff(json_array_get(a, i), json_array_get(b, i), p, buf,
                           size))
                return 1;
        }
    }
    if (json_is_string(a) && json_is_string(b)) {
        /* show both strings around their first difference, escaped */
        const char *x = json_string_value(a), *y = json_string_value(b);
        size_t off = 0;
        while (x[off] && x[off] == y[off])
            off++;
        size_t from = off > 12 ? off - 12 : 0;
        while (from > 0 && ((unsigned char)x[from] & 0xC0) == 0x80)
            from--;
        json_t *ex = json_stringn(x + from, clip(x + from, 36));
        json_t *ey = json_stringn(y + from, clip(y + from, 36));
        char *sx = json_dumps(ex, JSON_ENCODE_ANY);
        char *sy = json_dumps(ey, JSON_ENCODE_ANY);
        snprintf(buf, size, "%s: differs at byte %zu: plain %s…, variant %s…",
                 path, off, sx ? sx : "?", sy ? sy : "?");
        free(sx);
        free(sy);
        json_decref(ex);
        json_decref(ey);
        return 1;
    }
    char *x = json_dumps(a, JSON_ENCODE_ANY | JSON_COMPACT);
    char *y = json_dumps(b, JSON_ENCODE_ANY | JSON_COMPACT);
    snprintf(buf, size, "%s: plain %.100s, variant %.100s", path, x ? x : "?",
             y ? y : "?");
    free(x);
    free(y);
    return 1;
}

typedef char *(*variant_fn)(const char *raw, size_t len, size_t *out_len);

static char *
with_bom(const char *raw, size_t len, size_t *out_len)
{
    char *v = malloc(len + 3);
    assert_non_null(v);
    memcpy(v, "\xEF\xBB\xBF", 3);
    memcpy(v + 3, raw, len);
    *out_len = len + 3;
    return v;
}

/* Every LF becomes CR LF (an existing CR LF is left alone). */
static char *
with_crlf(const char *raw, size_t len, size_t *out_len)
{
    char *v = malloc(2 * len + 1);
    assert_non_null(v);
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r'))
            v[o++] = '\r';
        v[o++] = raw[i];
    }
    *out_len = o;
    return v;
}

/* raw in another encoding, converted by the C library's iconv, with the
 * BOM bom (bn bytes) in front. */
static char *
encoded(const char *raw, size_t len, const char *to, const char *bom,
        size_t bn, size_t *out_len)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t cap = 4 * len + 8;
    char *v = malloc(cap);
    assert_non_null(v);
    memcpy(v, bom, bn);
    char *in = (char *)(uintptr_t)raw, *o = v + bn;
    size_t inleft = len, oleft = cap - bn;
    if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1)
        fail_msg("iconv to %s failed at byte %zu", to, len - inleft);
    iconv_close(cd);
    *out_len = (size_t)(o - v);
    return v;
}

static char *
with_gb18030(const char *raw, size_t len, size_t *out_len)
{
    return encoded(raw, len, "GB18030", "", 0, out_len);
}

static char *
with_utf16le_bom(const char *raw, size_t len, size_t *out_len)
{
    return encoded(raw, len, "UTF-16LE", "\xFF\xFE", 2, out_len);
}

static char *
with_utf16be_bom(const char *raw, size_t len, size_t *out_len)
{
    return encoded(raw, len, "UTF-16BE", "\xFE\xFF", 2, out_len);
}

/* Each real report and its variant give the same record. */
static void
same_record(variant_fn make, const char *what, int drop_sections)
{
    int bad = 0;
    for (size_t i = 0; i < NREPORTS; i++) {
        char path[256];
        snprintf(path, sizeof(path), REPORTS "%s.txt", real_reports[i]);
        size_t len, vlen;
        char *raw = slurp(path, &len);
        char *var = make(raw, len, &vlen);
        ogi_arena_t *a = ogi_arena_new(0), *b = ogi_arena_new(0);
        assert_non_null(a);
        assert_non_null(b);
        json_t *ra = record_of(parse_mem(a, raw, len), drop_sections);
        json_t *rb = record_of(parse_mem(b, var, vlen), drop_sections);
        char diff[512];
        if (first_diff(ra, rb, "", diff, sizeof(diff))) {
            print_error("%s with %s: %s\n", real_reports[i], what, diff);
            bad++;
        }
        json_decref(ra);
        json_decref(rb);
        ogi_arena_destroy(&a);
        ogi_arena_destroy(&b);
        free(raw);
        free(var);
    }
    assert_int_equal(bad, 0);
}

static void
utf8_bom_same_record(void **state)
{
    (void)state;
    same_record(with_bom, "a UTF-8 BOM", 0);
}

/* Tables, meta, status and findings only. */
static void
gb18030_same_record(void **state)
{
    (void)state;
    same_record(with_gb18030, "GB18030", 0);
}

static void
utf16_same_record(void **state)
{
    (void)state;
    same_record(with_utf16le_bom, "UTF-16LE with a BOM", 0);
    same_record(with_utf16be_bom, "UTF-16BE with a BOM", 0);
}

static void
crlf_same_tables(void **state)
{
    (void)state;
    same_record(with_crlf, "CRLF line endings", 1);
}

/* The whole record, the sections' text included. */
static void
crlf_same_record(void **state)
{
    (void)state;
    same_record(with_crlf, "CRLF line endings", 0);
}

/* The first 1624 characters of 002 in UTF-16 with a BOM: decoded, a
 * fragment that is not a report, rejected as such (not for its encoding),
 * and the record names the encoding. */
static void
utf16_bom(void **state)
{
    (void)state;
    static const char *const w[] = {"not an annual report", NULL};
    static const char *const f[] = {"utf16le_bom.txt", "utf16be_bom.txt"};
    static const char *const e[] = {"utf-16le", "utf-16be"};
    for (size_t i = 0; i < 2; i++) {
        char path[256];
        snprintf(path, sizeof(path), INPUTS "%s", f[i]);
        ogi_arena_t *a = ogi_arena_new(0);
        assert_non_null(a);
        ogi_report_t *r = parse_path(a, path);
        expect_rejected(f[i], r, w);
        char *js = ogi_json_dump(r, 0);
        assert_non_null(js);
        char want[64];
        snprintf(want, sizeof(want), "\"encoding\": \"%s\"", e[i]);
        if (!strstr(js, want))
            fail_msg("%s: no %s in the record", f[i], want);
        free(js);
        ogi_arena_destroy(&a);
    }
}

/* Seed 0 encoded in GBK (by iconv): read as GB18030, the same record as
 * the UTF-8 file, and the record names the encoding. */
static void
gbk_bytes(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0), *b = ogi_arena_new(0);
    assert_non_null(a);
    assert_non_null(b);
    ogi_report_t *plain = parse_path(a, REPORTS "000_797bd12820c43427.txt");
    ogi_report_t *gbk = parse_path(b, INPUTS "gbk.txt");
    assert_int_equal(gbk->status, plain->status);
    assert_string_equal(gbk->encoding, "gb18030");
    json_t *ra = record_of(plain, 0), *rb = record_of(gbk, 0);
    json_object_del(json_object_get(ra, "source"), "encoding");
    json_object_del(json_object_get(rb, "source"), "encoding");
    json_object_del(json_object_get(ra, "source"), "name");
    json_object_del(json_object_get(rb, "source"), "name");
    char diff[512];
    if (first_diff(ra, rb, "", diff, sizeof(diff)))
        fail_msg("gbk.txt: %s", diff);
    json_decref(ra);
    json_decref(rb);
    ogi_arena_destroy(&a);
    ogi_arena_destroy(&b);
}

/* ---- truncated reports ------------------------------------------------- */

/*
 * Each report cut at 10 offsets: two inside a multi-byte UTF-8 character
 * (after its first and after its second byte), the others random. Any
 * status will do; the record must still be produced and dumped.
 */
static void
truncate_one(const char *name, uint64_t seed)
{
    char path[256];
    snprintf(path, sizeof(path), REPORTS "%s.txt", name);
    size_t len;
    char *raw = slurp(path, &len);
    assert_true(len > 100);
    size_t cuts[10];
    uint64_t s = seed;
    for (size_t k = 0; k < 10; k++)
        cuts[k] = 1 + (size_t)(next_rand(&s) % (len - 1));
    /* move the first two into a character: after its lead byte, then
     * after its second byte */
    for (size_t k = 0; k < 2; k++) {
        size_t c = cuts[k];
        while (c < len && ((unsigned char)raw[c] & 0xC0) != 0x80)
            c++;
        if (c < len && k == 1 && c + 1 < len &&
            ((unsigned char)raw[c + 1] & 0xC0) == 0x80)
            c++;
        assert_true(c < len);
        assert_true(((unsigned char)raw[c] & 0xC0) == 0x80);
        cuts[k] = c; /* raw[c] is a continuation byte: cut before it */
    }
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    for (size_t k = 0; k < 10; k++) {
        ogi_report_t *r = parse_mem(a, raw, cuts[k]);
        assert_int_equal(r->source_bytes, cuts[k]);
        char *j = ogi_json_dump(r, OGI_JSON_CELLS);
        assert_non_null(j);
        free(j);
        ogi_arena_reset(a);
    }
    ogi_arena_destroy(&a);
    free(raw);
}

static void
truncated_reports(void **state)
{
    (void)state;
    truncate_one("002_e734572c7f6275fe", 1);
    truncate_one("003_17bcadf2ed5508d0", 2);
    truncate_one("huaian-city-2024", 3);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        /* first: it measures the growth of the peak RSS */
        cmocka_unit_test_setup_teardown(big_file, big_setup, big_teardown),
        cmocka_unit_test(empty_file),
        cmocka_unit_test(whitespace_only),
        cmocka_unit_test(whitespace_unicode),
        cmocka_unit_test(random_binary),
        cmocka_unit_test(random_binary_no_nul),
        cmocka_unit_test(control_bytes),
        cmocka_unit_test(utf16_bom),
        cmocka_unit_test(gbk_bytes),
        cmocka_unit_test(news_article),
        cmocka_unit_test(pre2019_report),
        cmocka_unit_test(utf8_bom_same_record),
        cmocka_unit_test(gb18030_same_record),
        cmocka_unit_test(utf16_same_record),
        cmocka_unit_test(crlf_same_tables),
        cmocka_unit_test(crlf_same_record),
        cmocka_unit_test(truncated_reports),
    };
    return cmocka_run_group_tests_name("inputs", tests, NULL, NULL);
}
