/* label.c - label normalisation and scoring against the skeleton. */
#include "ogi_int.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "label_int.h"
#include "ogi/text.h"

#define MAX_VARIANTS 4 /* label + up to 3 variants per row or column */
#define MAX_ROWS     32
#define MAX_COLS     8

/* Reads a Chinese numeral 一..九十九 at p; returns its length, or 0. */
static size_t
cn_number(const char *p, const char *end, int *value)
{
    int v = 0, have = 0, tens = 0;
    const char *q = p;
    while (end - q >= 3) {
        /* every numeral is three bytes led by E4 or E5 */
        if ((unsigned char)q[0] != 0xE4 && (unsigned char)q[0] != 0xE5)
            break;
        int d = ogi_text_cn_digit(q, end);
        if (!d)
            break;
        size_t i = (size_t)d - 1;
        if (i == 9) { /* 十 */
            tens = have ? v : 1;
            v = 0;
            have = 0;
            tens *= 10;
        } else {
            v = (int)i + 1;
            have = 1;
        }
        q += 3;
        if (q - p > 9)
            break;
    }
    if (q == p)
        return 0;
    *value = tens + v;
    return (size_t)(q - p);
}

static int
is_sep(const char *p, const char *end, size_t *len)
{
    if (p < end && *p == '.') {
        *len = 1;
        return 1;
    }
    if (end - p >= 3 && memcmp(p, "、", 3) == 0) {
        *len = 3;
        return 1;
    }
    return 0;
}

/* Whether the code point is kept in a core: letters, digits, ideographs. */
static int
keep_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
               (cp >= 'A' && cp <= 'Z');
    if (cp >= 0x2000 && cp <= 0x206F) /* general punctuation */
        return 0;
    if (cp >= 0x3000 && cp <= 0x303F) /* CJK punctuation */
        return 0;
    if (cp >= 0xFE30 && cp <= 0xFE4F)
        return 0;
    if (cp == 0x00B7 || cp == 0x2022 || cp == 0x25CF || cp == 0x2192)
        return 0;
    return 1;
}

static void norm(const char *s, size_t n, ogi__label_t *out);

/*
 * The labels normalised last on this thread, by their bytes: a report's
 * cells are normalised by more than one reader of them (the format's
 * vote, the unit, the walk; reading order's labels over and over), and
 * the result depends on the bytes alone. A set of two slots is picked by
 * the bytes, and a slot taken only when they are the same.
 */
#define MEMO_BITS  9
#define MEMO_BYTES 180 /* labels longer are normalised each time */

typedef struct {
    size_t n; /* bytes of in; 0 for an empty slot */
    char in[MEMO_BYTES];
    ogi__label_t label;
    ogi__label_rows_t rows; /* the rows label may match, as far as asked
                               (ogi__label_norm_rows) */
} memo_t;

static _Thread_local memo_t memo[1u << MEMO_BITS];
/* per set of two slots, the one used longer ago */
static _Thread_local unsigned char memo_old[1u << (MEMO_BITS - 1)];

/* A hash of the bytes s[0..n): their count, and the first eight, the
 * middle eight and the last eight of them (or each of fewer): a label
 * read again with a line of its middle left out (reading order's) starts
 * and ends alike. */
static uint64_t
memo_hash(const char *s, size_t n)
{
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    uint64_t h = (uint64_t)n * k;
    if (n >= 8) {
        uint64_t a, b, c;
        memcpy(&a, s, 8);
        memcpy(&c, s + (n - 8) / 2, 8);
        memcpy(&b, s + n - 8, 8);
        h = ((((h ^ a) * k) ^ c) * k) ^ b;
    } else {
        for (size_t i = 0; i < n; i++)
            h = (h ^ (unsigned char)s[i]) * k;
    }
    return h * k;
}

static size_t
memo_slot(const char *s, size_t n)
{
    return (size_t)(memo_hash(s, n) >> (64 - MEMO_BITS));
}

/* *dst = *src but for the bytes of the core past its NUL, which nothing
 * reads (norm leaves them unset): every field of ogi__label_t, to keep in
 * step with it. */
static inline void
copy_label(ogi__label_t *dst, const ogi__label_t *src)
{
    /* most cores are short: a copy of a fixed size is a few moves, not a
     * call (the bytes past the NUL, copied too, are the array's own) */
    _Static_assert(OGI__LABEL_MAX >= 64, "a core holds 64 bytes");
    if (src->len < 64)
        memcpy(dst->core, src->core, 64);
    else
        memcpy(dst->core, src->core, src->len + 1);
    dst->len = src->len;
    dst->chars = src->chars;
    dst->bloom = src->bloom;
    dst->head = src->head;
    dst->tail = src->tail;
    dst->num = src->num;
}

/* ogi__label_norm through the memo: the slot now holding s[0..n), or
 * NULL for bytes it does not keep (normalised into *out then). *out is
 * written but when the memo held the bytes and copy is 0. */
static memo_t *
norm_memo(const char *s, size_t n, ogi__label_t *out, int copy)
{
    if (n == 0 || n > MEMO_BYTES) {
        norm(s, n, out);
        return NULL;
    }
    /* two slots a set: a label evicts the one of the pair used longer
     * ago, so that two labels of a report picked alike both stay */
    size_t set = memo_slot(s, n) >> 1;
    memo_t *m = &memo[set << 1];
    for (unsigned w = 0; w < 2; w++)
        if (m[w].n == n && memcmp(m[w].in, s, n) == 0) {
            memo_old[set] = (unsigned char)(w ^ 1);
            if (copy)
                copy_label(out, &m[w].label);
            return &m[w];
        }
    unsigned w = memo_old[set];
    memo_old[set] = (unsigned char)(w ^ 1);
    norm(s, n, out);
    m[w].n = n;
    memcpy(m[w].in, s, n);
    copy_label(&m[w].label, out);
    m[w].rows.known = 0;
    m[w].rows.heads_known = 0;
    return &m[w];
}

void
ogi__label_norm(const char *s, size_t n, ogi__label_t *out)
{
    norm_memo(s, n, out, 1);
}

static void
norm(const char *s, size_t n, ogi__label_t *out)
{
    /* squeeze whitespace and markup first, into a bounded buffer */
    char buf[OGI__LABEL_MAX * 2];
    size_t b = 0;
    buf[0] = '\0'; /* only buf[0..b) is read; this quiets the compiler */
    const char *end = s + n;
    for (const char *p = s; p < end && b < sizeof(buf) - 4;) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0xE4 && c <= 0xE9 && end - p >= 3 &&
            ((unsigned char)p[1] & 0xC0) == 0x80 &&
            ((unsigned char)p[2] & 0xC0) == 0x80) {
            /* an ideograph (U+4000-U+9FFF), the bulk of a label: kept */
            memcpy(buf + b, p, 3);
            b += 3;
            p += 3;
            continue;
        }
        if (ogi_text_is_space(c) || c == '*' || c == '"' || c == '\'' ||
            c == '`' || c == '#') {
            p++;
            continue;
        }
        uint32_t cp;
        size_t l = ogi_utf8_decode(p, end, &cp);
        if (l == 0) {
            p++;
            continue;
        }
        /* the skeleton is written full width; text arrives folded */
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            buf[b++] = (char)(cp - 0xFEE0);
        } else if (cp != 0x3000) {
            memcpy(buf + b, p, l);
            b += l;
        }
        p += l;
    }
    const char *p = buf, *e = buf + b;
    memset(&out->num, 0, sizeof(out->num));

    /* numbering: 一、 / (一) / 1. */
    size_t l, sl = 0;
    int v;
    if ((l = cn_number(p, e, &v)) &&
        (is_sep(p + l, e, &sl) || (p + l < e && p[l] == ',' && (sl = 1)))) {
        out->num.level = 1;
        out->num.value = v;
        p += l + sl;
    } else if (p < e && *p == '(' && (l = cn_number(p + 1, e, &v)) &&
               p + 1 + l < e && p[1 + l] == ')') {
        out->num.level = 2;
        out->num.value = v;
        p += l + 2;
        if (is_sep(p, e, &sl))
            p += sl;
    } else if (p < e && *p >= '0' && *p <= '9') {
        const char *q = p;
        v = 0;
        while (q < e && *q >= '0' && *q <= '9' && q - p < 3)
            v = v * 10 + (*q++ - '0');
        /* OCR drops the "." ("4保护第三方合法权益", "2 其他法律"): one
         * or two digits right before an ideograph number the row */
        int bare = q - p <= 2 && q < e && (unsigned char)*q >= 0xE4 &&
                   (unsigned char)*q <= 0xE9;
        if ((is_sep(q, e, &sl) || (q < e && *q == ')') || bare) &&
            !(q + 1 < e && *q == '.' && q[1] >= '0' && q[1] <= '9')) {
            out->num.level = 3;
            out->num.value = v;
            p = q + (bare ? 0 : q < e && *q == ')' ? 1 : sl);
        }
    }

    /* core: letters, digits and ideographs only */
    size_t o = 0, chars = 0, head2 = 0, last = 0, before = 0;
    uint64_t bloom = 0;
    while (p < e) {
        uint32_t cp;
        size_t k;
        unsigned char c = (unsigned char)*p;
        if (c >= 0xE4 && c <= 0xE9 && e - p >= 3 &&
            ((unsigned char)p[1] & 0xC0) == 0x80 &&
            ((unsigned char)p[2] & 0xC0) == 0x80) {
            /* an ideograph (U+4000-U+9FFF), which keep_cp always keeps */
            if (o + 3 < OGI__LABEL_MAX) {
                cp = ((uint32_t)(c & 0x0F) << 12) |
                     ((uint32_t)((unsigned char)p[1] & 0x3F) << 6) |
                     (uint32_t)((unsigned char)p[2] & 0x3F);
                out->core[o] = p[0];
                out->core[o + 1] = p[1];
                out->core[o + 2] = p[2];
                before = last;
                last = o;
                o += 3;
                if (++chars <= 2)
                    head2 = o;
                bloom |= (uint64_t)1 << ((cp * 0x9E3779B1u) >> 26);
            }
            p += 3;
            continue;
        }
        k = ogi_utf8_decode(p, e, &cp);
        if (k == 0) {
            p++;
            continue;
        }
        if (keep_cp(cp) && o + k < OGI__LABEL_MAX) {
            memcpy(out->core + o, p, k);
            before = last;
            last = o;
            o += k;
            if (++chars <= 2)
                head2 = o;
            bloom |= (uint64_t)1 << ((cp * 0x9E3779B1u) >> 26);
        }
        p += k;
    }
    out->core[o] = '\0';
    out->len = o;
    out->chars = chars;
    out->bloom = bloom;
    /* the first two characters and the last two, at most four bytes
     * each: their bytes as a number */
    size_t t0 = chars >= 2 ? before : 0;
    out->head = 0;
    out->tail = 0;
    memcpy(&out->head, out->core, head2);
    memcpy(&out->tail, out->core + t0, o - t0);
}

/* ---- the skeleton's labels, normalised once ---- */

static ogi__label_t row_labels[OGI_TABLE_COUNT][MAX_ROWS][MAX_VARIANTS];
static ogi__label_t col_labels[OGI_TABLE_COUNT][MAX_COLS][MAX_VARIANTS];
static size_t row_nvar[OGI_TABLE_COUNT][MAX_ROWS];
static size_t col_nvar[OGI_TABLE_COUNT][MAX_COLS];
static uint64_t row_bloom[OGI_TABLE_COUNT][MAX_ROWS]; /* union of a row's */
/* each row's set (ogi__label_row_set), made with the labels; a row past
 * its table's is an empty set */
static ogi__label_set_t row_sets[OGI_TABLE_COUNT][MAX_ROWS];
static pthread_once_t labels_once = PTHREAD_ONCE_INIT;
static atomic_int labels_ready; /* set once init_labels has run */

static void
init_labels(void)
{
    for (int t = 0; t < OGI_TABLE_COUNT; t++) {
        const ogi_skel_table_t *sk = ogi_skeleton_table((ogi_table_id_t)t);
        assert(sk->nrows <= MAX_ROWS && sk->ncols <= MAX_COLS);
        for (size_t r = 0; r < sk->nrows; r++) {
            const ogi_skel_row_t *row = &sk->rows[r];
            char tmp[OGI__LABEL_MAX];
            size_t nv = 0;
            snprintf(tmp, sizeof(tmp), "%s%s", row->number, row->label);
            ogi__label_norm(tmp, strlen(tmp), &row_labels[t][r][nv++]);
            for (size_t i = 0; row->variants && row->variants[i] &&
                               nv < MAX_VARIANTS;
                 i++) {
                snprintf(tmp, sizeof(tmp), "%s%s", row->number,
                         row->variants[i]);
                ogi__label_norm(tmp, strlen(tmp), &row_labels[t][r][nv++]);
            }
            row_nvar[t][r] = nv;
            for (size_t v = 0; v < nv; v++)
                row_bloom[t][r] |= row_labels[t][r][v].bloom;
            row_sets[t][r] = (ogi__label_set_t){
                row_labels[t][r], nv, (row->flags & OGI_ROW_SHORTKEY) != 0,
                row_bloom[t][r]};
        }
        for (size_t c = 0; c < sk->ncols; c++) {
            const ogi_skel_col_t *col = &sk->cols[c];
            size_t nv = 0;
            ogi__label_norm(col->label, strlen(col->label),
                            &col_labels[t][c][nv++]);
            for (size_t i = 0; col->variants && col->variants[i] &&
                               nv < MAX_VARIANTS;
                 i++)
                ogi__label_norm(col->variants[i], strlen(col->variants[i]),
                                &col_labels[t][c][nv++]);
            col_nvar[t][c] = nv;
        }
    }
    atomic_store_explicit(&labels_ready, 1, memory_order_release);
}

/* The skeleton's labels, normalised on first use: the flag, read with
 * acquire order, spares the callers (thousands a report) pthread_once's
 * call once they are made. */
static inline void
labels_init(void)
{
    if (!atomic_load_explicit(&labels_ready, memory_order_acquire))
        pthread_once(&labels_once, init_labels);
}

const ogi__label_t *
ogi__label_row(ogi_table_id_t id, size_t row, size_t v)
{
    labels_init();
    if (row >= MAX_ROWS || v >= row_nvar[id][row])
        return NULL;
    return &row_labels[id][row][v];
}

const ogi__label_t *
ogi__label_col(ogi_table_id_t id, size_t col, size_t v)
{
    labels_init();
    if (col >= MAX_COLS || v >= col_nvar[id][col])
        return NULL;
    return &col_labels[id][col][v];
}

int
ogi__label_starts(const ogi__label_t *a, const ogi__label_t *b)
{
    return b->len > 0 && a->len >= b->len &&
           memcmp(a->core, b->core, b->len) == 0;
}

/* Common prefix and suffix of two cores, in code points. */
static size_t
common_prefix(const ogi__label_t *a, const ogi__label_t *b)
{
    /* cores are whole UTF-8 characters (ogi__label_norm keeps only what
     * decodes), and a lead byte gives its character's length: the common
     * characters are those that start before the first differing byte
     * and end at or before it */
    size_t n = a->len < b->len ? a->len : b->len, d = 0;
    while (d < n && a->core[d] == b->core[d])
        d++;
    size_t chars = 0;
    for (size_t i = 0; i < d;) {
        unsigned char c = (unsigned char)a->core[i];
        size_t l = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + l > d)
            break;
        i += l;
        chars++;
    }
    return chars;
}

static size_t
common_suffix(const ogi__label_t *a, const ogi__label_t *b)
{
    /* the common characters are those that start in the bytes the two
     * end in alike: a character starting there ends there too, the same
     * in both (a lead byte says where one starts), and the one before,
     * holding the first byte that differs or none of both, is not
     * common */
    size_t n = a->len < b->len ? a->len : b->len, d = 0;
    const char *x = a->core + a->len, *y = b->core + b->len;
    while (d < n && x[-1 - (long)d] == y[-1 - (long)d])
        d++;
    size_t chars = 0;
    for (size_t i = a->len - d; i < a->len; i++)
        chars += ((unsigned char)a->core[i] & 0xC0) != 0x80;
    return chars;
}

int
ogi__label_score_one(const ogi__label_t *in, const ogi__label_t *sk,
                     int shortkey, int expected)
{
    if (!ogi__label_may_match_one(in, sk))
        return 0;
    int num_known = in->num.level && sk->num.level;
    int num_same = num_known && in->num.level == sk->num.level &&
                   in->num.value == sk->num.value;
    int s = 0;
    uint64_t both = in->bloom & sk->bloom;
    /* the same core has the same bloom, and a core that starts another
     * has none of its bits but the other's: tested before the bytes */
    if (in->len == sk->len && in->bloom == sk->bloom &&
        memcmp(in->core, sk->core, in->len) == 0) {
        s = 100;
    } else if ((both & (both - 1)) == 0 && in->chars >= 2) {
        /* fewer than two characters in common: no partial match */
        return 0;
    } else if (shortkey) {
        return 0;
    } else if ((in->bloom & ~sk->bloom) == 0 && ogi__label_starts(sk, in) &&
               (in->chars >= 3 || (in->chars >= 2 && num_same))) {
        /* cut short: a label split over a page break */
        s = 60 + (int)(30 * in->chars / sk->chars);
    } else if (sk->chars >= 4 && in->len > sk->len &&
               (sk->bloom & ~in->bloom) == 0 && strstr(in->core, sk->core)) {
        s = 70; /* the label with extra text around it */
    } else if (sk->chars >= 4 && in->chars >= 4 &&
               in->chars * 10 >= sk->chars * 6 &&
               sk->chars * 10 >= in->chars * 6) {
        /* a typo or a dropped character ("其他法律行政止公开") */
        size_t pre = common_prefix(in, sk), suf = common_suffix(in, sk);
        size_t longer = in->chars > sk->chars ? in->chars : sk->chars;
        if (pre + suf >= 3 && (pre + suf) * 10 >= longer * 6 &&
            pre + suf <= sk->chars + 1)
            s = 40 + (int)(30 * (pre + suf) / longer);
    }
    if (s == 0)
        return 0;
    if (shortkey && !num_same && !(expected && !in->num.level))
        return 0;
    if (num_same)
        s += 20;
    else if (num_known)
        s -= s >= 100 ? 30 : 100; /* another row's number: doubtful */
    return s > 0 ? s : 0;
}

const ogi__label_set_t *
ogi__label_row_sets(ogi_table_id_t id)
{
    labels_init();
    return row_sets[id];
}

void
ogi__label_row_set(ogi_table_id_t id, size_t row, ogi__label_set_t *out)
{
    labels_init();
    if (row >= MAX_ROWS) {
        *out = (ogi__label_set_t){NULL, 0, 0, 0};
        return;
    }
    *out = row_sets[id][row];
}

/* 1 when x has at most one bit set. */
static int
one_bit(uint64_t x)
{
    return (x & (x - 1)) == 0;
}

/* 1 when in matches no label of a set whose blooms' union is bloom:
 * fewer than two characters in common with every one (the first test of
 * ogi__label_score_one), and none the same as in, whose bloom would be
 * in's, two bits or more. */
static int
no_match(const ogi__label_t *in, uint64_t bloom)
{
    return in->chars >= 2 && one_bit(in->bloom & bloom) && !one_bit(in->bloom);
}

int
ogi__label_score_row(const ogi__label_t *in, ogi_table_id_t id, size_t row,
                     int expected)
{
    labels_init();
    if (row < MAX_ROWS && no_match(in, row_bloom[id][row]))
        return 0;
    ogi__label_set_t set;
    ogi__label_row_set(id, row, &set);
    return ogi__label_score_set(in, &set, expected);
}

/*
 * The rows of a table each label may match, by the label's core and
 * numbering (all a score depends on: bloom, head, tail and counts come
 * from the core): a report's labels are matched against the same rows by
 * more than one pass (reading order's, the walk's narrow and wide
 * tries), and the same labels come back report after report. A slot is
 * picked by the core and taken only when core and numbering are the
 * same; a table's rows are scored the first time they are asked for.
 */
#define ROWS_MEMO_BITS  10  /* slots, in sets of two */
#define ROWS_MEMO_BYTES OGI__LABEL_ROWS_BYTES

typedef struct {
    size_t len;           /* bytes of the core plus one; 0: an empty slot */
    ogi__numbering_t num; /* the label's numbering */
    ogi__label_rows_t r;  /* its rows */
    char core[ROWS_MEMO_BYTES];
} rows_slot_t;

static _Thread_local rows_slot_t rows_memo[1u << ROWS_MEMO_BITS];
/* per set of two slots, the one used longer ago */
static _Thread_local unsigned char rows_old[1u << (ROWS_MEMO_BITS - 1)];

/* The rows of table id that in may match, computed. */
static uint32_t
rows_may(const ogi__label_t *in, ogi_table_id_t id)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    labels_init();
    uint32_t may = 0;
    for (size_t r = 0; r < sk->nrows && r < MAX_ROWS; r++) {
        if (no_match(in, row_bloom[id][r]))
            continue;
        /* ogi__label_row_set's set, without its look-ups */
        ogi__label_set_t set = {row_labels[id][r], row_nvar[id][r],
                                (sk->rows[r].flags & OGI_ROW_SHORTKEY) != 0,
                                row_bloom[id][r]};
        /* expected only lets a short label through: a row it may match
         * unexpected it may match expected */
        if (ogi__label_score_set(in, &set, 1))
            may |= (uint32_t)1 << r;
    }
    return may;
}

/* 1 when slot m holds in's core and numbering. */
static inline int
rows_memo_holds(const rows_slot_t *m, const ogi__label_t *in)
{
    return m->len == in->len + 1 && m->num.level == in->num.level &&
           m->num.value == in->num.value &&
           memcmp(m->core, in->core, in->len) == 0;
}

ogi__label_rows_t *
ogi__label_rows_find(const ogi__label_t *in)
{
    if (in->len == 0 || in->len > ROWS_MEMO_BYTES)
        return NULL;
    /* the numbering picks the set too: rows of a table differ by it
     * alone ("1.其他", "2.其他") */
    uint64_t h = memo_hash(in->core, in->len) +
                 ((uint64_t)in->num.level << 40) +
                 ((uint64_t)(unsigned)in->num.value << 48);
    size_t set =
        (size_t)((h * 0x9E3779B97F4A7C15ull) >> (64 - (ROWS_MEMO_BITS - 1)));
    rows_slot_t *m = &rows_memo[set << 1];
    unsigned w = 0;
    if (!rows_memo_holds(&m[0], in)) {
        w = 1;
        if (!rows_memo_holds(&m[1], in)) {
            /* the slot used longer ago takes it */
            w = rows_old[set];
            m[w].len = in->len + 1;
            m[w].num = in->num;
            m[w].r.known = 0;
            m[w].r.heads_known = 0;
            memcpy(m[w].core, in->core, in->len);
        }
    }
    rows_old[set] = (unsigned char)(w ^ 1);
    return &m[w].r;
}

const ogi__label_t *
ogi__label_norm_rows(const char *s, size_t n, ogi__label_t *scratch,
                     ogi__label_rows_t **slot)
{
    /* the skeleton's labels are normalised through the memo on first
     * use (by rows_may): before the slot is handed out, not after */
    labels_init();
    memo_t *m = norm_memo(s, n, scratch, 0);
    *slot = m ? &m->rows : NULL;
    return m ? &m->label : scratch;
}

uint32_t
ogi__label_rows_fill(ogi__label_rows_t *m, const ogi__label_t *in,
                     ogi_table_id_t id)
{
    uint32_t bit = 1u << id;
    if (!m) /* an empty core matches nothing; a long one is not kept */
        return in->len == 0 ? 0 : rows_may(in, id);
    if (!(m->known & bit)) {
        /* a slot of the normalisation's memo, new, asks the rows memo
         * (c, by the core: labels alike but for spaces share it, and it
         * keeps more), which computes what neither holds */
        ogi__label_rows_t *c = ogi__label_rows_find(in);
        if (c && c != m && !(c->known & bit)) {
            c->rows[id] = rows_may(in, id);
            c->known |= bit;
        }
        m->rows[id] = c && c != m ? c->rows[id] : rows_may(in, id);
        m->known |= bit;
    }
    return m->rows[id];
}

uint32_t
ogi__label_rows_may(const ogi__label_t *in, ogi_table_id_t id)
{
    return ogi__label_rows_in(ogi__label_rows_find(in), in, id);
}
