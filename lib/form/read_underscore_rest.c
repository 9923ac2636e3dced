/*
 * read_underscore_rest.c - what a label's overflow may still show in
 * html2text's tables of underscores and bars (read_underscore.c).
 *
 * A label wider than its column runs on under the cells to its right,
 * and what the bars and the cells' own text did not write over shows
 * there: cut bytes in a value's cell are the cell's own placeholder (无,
 * 不适用, —) or that overflow. The skeleton knows the label: its own
 * fragment is a prefix of one of the format's labels, and the rest of
 * that label, past the prefix, is all its overflow can show. When no
 * character of the rest starts with the bytes a cell shows, the bytes
 * are the cell's own.
 */
#include "ogi_int.h"

#include <string.h>

#include "ogi/skeleton.h"
#include "read_underscore_int.h"

/* The byte count of label number+label, into lab (raw UTF-8); 0 when it
 * does not fit. */
static size_t
join_label(char *lab, size_t cap, const char *number, const char *label)
{
    size_t a = strlen(number), b = strlen(label);
    if (a + b >= cap)
        return 0;
    memcpy(lab, number, a);
    memcpy(lab + a, label, b);
    lab[a + b] = '\0';
    return a + b;
}

/*
 * Where fragment s[0..n) (normalised text, spaces skipped) ends in raw
 * label lab[0..len): the offset of the first character past it, or -1
 * when the fragment is no prefix of the label folded.
 */
static long
prefix_end(const char *s, size_t n, const char *lab, size_t len)
{
    size_t i = 0, p = 0;
    while (i < n) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        if (p >= len)
            return -1;
        uint32_t cp;
        size_t k = ogi_utf8_decode(lab + p, lab + len, &cp);
        if (k == 0)
            return -1;
        int f = ogi_text_fold(cp);
        if (f > 0) {
            if ((unsigned char)s[i] != (unsigned)f)
                return -1;
            i++;
        } else if (f == 0) {
            if (i + k > n || memcmp(s + i, lab + p, k) != 0)
                return -1;
            i += k;
        }
        p += k;
    }
    return (long)p;
}

/* Whether a character of lab[p..len) starts with bytes[0..nb). */
static int
holds_lead(const char *lab, size_t p, size_t len, const char *bytes,
           size_t nb)
{
    while (p < len) {
        size_t k = ogi_utf8_len(lab + p, lab + len);
        if (k == 0)
            k = 1;
        if (nb <= k && memcmp(lab + p, bytes, nb) == 0)
            return 1;
        p += k;
    }
    return 0;
}

/*
 * For own fragment f starting at raw byte r0: 1 when some label of the
 * skeleton it starts reaches raw byte r and holds such a character past
 * the fragment, 0 when none does, -1 when it starts none.
 */
static int
frag_may_hold(const ogi_text_t *t, const frag_t *f, uint32_t r0, uint32_t r,
              const char *bytes, size_t nb)
{
    char lab[512];
    int matched = 0;
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_skel_table_t *sk = ogi_skeleton_table((ogi_table_id_t)id);
        for (size_t row = 0; row < sk->nrows; row++) {
            const ogi_skel_row_t *sr = &sk->rows[row];
            for (size_t v = 0;; v++) {
                const char *label = v == 0 ? sr->label
                                    : sr->variants  ? sr->variants[v - 1]
                                                    : NULL;
                if (!label)
                    break;
                size_t len = join_label(lab, sizeof(lab), sr->number, label);
                long p = len ? prefix_end(t->s + f->off, f->n, lab, len) : -1;
                if (p < 0)
                    continue;
                matched = 1;
                if (r0 + len > r && holds_lead(lab, (size_t)p, len, bytes, nb))
                    return 1;
            }
        }
    }
    return matched ? 0 : -1;
}

int
ogi__uscore_rest_may_hold(const ogi_text_t *t, const frags_t *fs, size_t line,
                          uint32_t r, const char *bytes, size_t nb)
{
    int own = 0;
    for (size_t i = 0; i < fs->n; i++) {
        const frag_t *f = &fs->f[i];
        if (f->line != line || f->kind != F_OWN || f->n == 0)
            continue;
        own = 1;
        uint32_t r0 = ogi_text_raw_offset(t, f->off);
        int h = frag_may_hold(t, f, r0, r, bytes, nb);
        if (h != 0)
            return h;
    }
    if (own)
        return 0;
    /* a line of values only so far (Table 4's): what overflows is a
     * placeholder cut short to its left, past its first character (无
     * and — have no more): 适用 of 不适用 ("不\xe9|/用|") */
    static const char marks[] = "适用";
    int cut = 0;
    for (size_t i = 0; i < fs->n; i++) {
        const frag_t *f = &fs->f[i];
        if (f->line != line)
            continue;
        if (f->kind == F_CONT)
            return -1;
        cut |= f->kind == F_VALUE && f->spaced == 2;
    }
    if (!cut)
        return -1;
    return holds_lead(marks, 0, sizeof(marks) - 1, bytes, nb);
}
