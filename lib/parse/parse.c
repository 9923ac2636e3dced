/*
 * parse.c - from raw bytes to a report, one way through:
 *
 *   bytes → text (decode, normalise) → outline (headings, table regions)
 *         → a table per region, read by the reader of its layout
 *         → cells on the skeleton → meta, sections → report
 *
 * Every step reads the normalised text; spans are mapped back to raw byte
 * offsets. Nothing here trusts the input: a document that is not a report
 * is returned as rejected with its reason.
 */
#include "ogi_int.h"

#include <stdio.h>
#include <string.h>

#include "form_int.h"
#include "ogi/error.h"
#include "ogi/hash.h"
#include "ogi/meta.h"
#include "ogi/parse.h"
#include "ogi/text.h"
#include "outline_int.h"
#include "place_int.h"
#include "reader_int.h"

static int
reject(ogi_report_t *r, const char *why)
{
    r->status = OGI_STATUS_REJECTED;
    return ogi_report_add_finding(r, "P0", OGI_SEV_ERROR, NULL, "%s", why);
}

/* Raw bytes [a, b) of the normalised span, trimmed, copied to the arena;
 * *len gets the copy's length. */
static char *
raw_copy(ogi_report_t *r, const ogi_text_t *t, size_t a, size_t b, size_t *len)
{
    size_t ra = ogi_text_raw_offset(t, a), rb = ogi_text_raw_offset(t, b);
    const char *s = t->raw;
    /* trim ASCII whitespace and the ideographic space (E3 80 80) */
    for (;;) {
        if (ra < rb && ogi_text_is_space((unsigned char)s[ra]))
            ra++;
        else if (rb - ra >= 3 && memcmp(s + ra, "\xE3\x80\x80", 3) == 0)
            ra += 3;
        else
            break;
    }
    for (;;) {
        if (rb > ra && ogi_text_is_space((unsigned char)s[rb - 1]))
            rb--;
        else if (rb - ra >= 3 && memcmp(s + rb - 3, "\xE3\x80\x80", 3) == 0)
            rb -= 3;
        else
            break;
    }
    char *c = ogi_arena_strndup(r->arena, s + ra, rb - ra);
    *len = rb - ra;
    if (c && t->nbroken) {
        /* the raw bytes hold the broken sequences the text dropped: a
         * record is UTF-8 */
        const char *e = c + (rb - ra);
        char *w = c;
        for (const char *p = c; p < e;) {
            uint32_t cp;
            size_t n = ogi_utf8_decode(p, e, &cp);
            if (n == 0) {
                p++;
                continue;
            }
            memmove(w, p, n);
            w += n;
            p += n;
        }
        *w = '\0';
        *len = (size_t)(w - c);
    }
    return c;
}

/* A page number at the end of a section: the dashed forms, or a bare
 * number alone on its line. */
static int
is_page_number(const char *b, size_t n)
{
    size_t d = 0;
    while (d < n && ogi_text_is_digit((unsigned char)b[d]))
        d++;
    return (d > 0 && d == n && d < 4) || ogi_text_is_page_number(b, n);
}

/* A line holding only a date: 2021年2月5日, 2021-02-05, 二〇二一年二月五日. */
static int
is_date_line(const char *b, size_t n)
{
    if (n == 0 || n > 40)
        return 0;
    const char *y = ogi_text_find(b, n, "年");
    if (y && ogi_text_find(b, n, "月") && ogi_text_has_suffix(b, b + n, "日"))
        return !ogi_text_find(b, n, ",") && !ogi_text_find(b, n, "。");
    size_t digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (ogi_text_is_digit((unsigned char)b[i]))
            digits++;
        else if (b[i] != '-' && b[i] != '.' && b[i] != '/')
            return 0;
    }
    return digits >= 6;
}

/* The signer of a report: a short name line such as "…人民政府办公室". */
static int
is_signature(const char *b, size_t n)
{
    static const char *const ends[] = {"政府",   "办公室", "办公厅", "局",
                                       "委员会", "中心",   "办事处", "厅"};
    if (n > 45 || ogi_text_find(b, n, ",") || ogi_text_find(b, n, "。") ||
        ogi_text_find(b, n, ":"))
        return 0;
    /* longer than the ending: a line that is only "局" names no one */
    for (size_t i = 0; i < OGI_ARRAY_LEN(ends); i++)
        if (n > strlen(ends[i]) && ogi_text_has_suffix(b, b + n, ends[i]))
            return 1;
    return 0;
}

/* Where a section's narrative really ends: before trailing blank lines,
 * page numbers and the cells of a table that follows; the last section
 * also loses its signature and date lines. */
static size_t
narrative_end(const ogi_text_t *t, size_t first, size_t end, int last)
{
    char buf[256];
    int dated = 0;
    while (end > first) {
        size_t l = end - 1;
        const char *b;
        size_t n = ogi_text_line_squeezed(t, l, buf, sizeof(buf), &b);
        const char *s = t->s + t->lines[l].start;
        size_t i = 0, len = t->lines[l].end - t->lines[l].start;
        while (i < len && s[i] == ' ')
            i++;
        int cell = i < len && s[i] == '\t';
        if (n == 0 || is_page_number(b, n) || cell) {
            end--;
        } else if (last && !dated && is_date_line(b, n)) {
            dated = 1;
            end--;
        } else if (last && dated && is_signature(b, n)) {
            end--;
            break;
        } else {
            break;
        }
    }
    return end;
}

/* Removes Word artefacts such as "[bookmark: _GoBack]" and the CR of
 * CR LF line ends (the raw bytes are copied) from s[0..n) in place, s
 * NUL-terminated (the text holds no NUL). Looked for with memchr rather
 * than strstr: a report's text holds few CRs and brackets. */
static void
drop_artefacts(char *s, size_t n)
{
    char *w = memchr(s, '\r', n);
    if (w) {
        for (char *p = w; *p; p++)
            if (!(*p == '\r' && p[1] == '\n'))
                *w++ = *p;
        *w = '\0';
        n = (size_t)(w - s);
    }
    static const char mark[] = "[bookmark:";
    const size_t ml = sizeof(mark) - 1;
    size_t i = 0;
    char *p;
    while ((p = memchr(s + i, '[', n - i)) != NULL) {
        size_t at = (size_t)(p - s);
        if (n - at < ml || memcmp(p, mark, ml) != 0) {
            i = at + 1;
            continue;
        }
        char *q = memchr(p, ']', n - at);
        if (!q)
            break;
        size_t cut = (size_t)(q + 1 - p);
        memmove(p, q + 1, n - at - cut + 1);
        n -= cut;
        /* the bytes closing up may make a mark that starts before p */
        i = at >= ml ? at - ml + 1 : 0;
    }
}

/* Removes the markup a form wraps a heading in ("## 一、总体情况",
 * "***** 三、… *****", "**一、总体情况**", "| 四、… |") from title in
 * place: ASCII # * | = _ and spaces at either end, and ** inside. */
static void
strip_title_markup(char *title)
{
    static const char marks[] = "#*|=_ \t";
    char *p = title;
    while (*p && strchr(marks, *p))
        p++;
    char *w = title;
    if (!strchr(p, '*')) {
        /* no ** inside, as most titles: moved down whole */
        size_t n = strlen(p);
        memmove(title, p, n);
        w = title + n;
    } else {
        for (; *p; p++)
            if (!(p[0] == '*' && p[1] == '*'))
                *w++ = *p;
            else
                p++;
    }
    while (w > title && strchr(marks, w[-1]))
        w--;
    *w = '\0';
}

static int
read_sections(ogi_report_t *r, const ogi_text_t *t, const ogi__outline_t *o)
{
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        size_t h = o->heading[k];
        if (h == OGI__NONE)
            continue;
        ogi_section_t *sec = &r->sections[k];
        sec->present = 1;
        size_t title_len = 0, text_len = 0;
        sec->title =
            raw_copy(r, t, t->lines[h].start, t->lines[h].end, &title_len);
        size_t end =
            ogi__outline_section_end(o, t->nlines, (ogi_section_id_t)k);
        end = narrative_end(t, h + 1, end, h == o->last_heading);
        size_t a = h + 1 < t->nlines ? t->lines[h + 1].start : t->len;
        size_t b = end > h + 1 ? t->lines[end - 1].end : a;
        sec->text = raw_copy(r, t, a, b > a ? b : a, &text_len);
        sec->off = ogi_text_raw_offset(t, t->lines[h].start);
        sec->len = ogi_text_raw_offset(t, t->lines[h].end) - sec->off;
        if (!sec->title || !sec->text)
            return OGI_ENOMEM;
        drop_artefacts(sec->text, text_len);
        drop_artefacts(sec->title, title_len);
        strip_title_markup(sec->title);
    }
    return 0;
}

/* The format from the Table 2 headers, else Table 3's （六） rows, else the
 * year. */
static ogi_format_t
decide_format(ogi_report_t *r, const ogi__table_t *g2, const ogi__table_t *g3)
{
    int margin = 0;
    ogi_format_t f =
        g2 ? ogi__place_detect_format(g2, &margin) : OGI_FORMAT_UNKNOWN;
    ogi_format_t by_year = r->meta.year >= 2021 ? OGI_FORMAT_2021
                           : r->meta.year == 2019 || r->meta.year == 2020
                               ? OGI_FORMAT_2019
                               : OGI_FORMAT_UNKNOWN;
    /* one header against the year is too little: a layout that overwrites
     * cells can make one up (html2text writes 处理决定数量 over the end of
     * 本年增/减: 本年处理决定数量, a 2021 header) */
    if (f && !(by_year && f != by_year && margin < 2))
        return f;
    if (g3) {
        for (size_t i = 0; i < g3->ncells; i++) {
            const ogi__cell_t *tk = &g3->cells[i];
            if (tk->kind == OGI__CELL_LABEL && tk->n >= 15 &&
                ogi_text_find(tk->s, tk->n, "逾期不补正"))
                return OGI_FORMAT_2021;
        }
    }
    if (r->meta.year >= 2021)
        return OGI_FORMAT_2021;
    if (r->meta.year == 2019 || r->meta.year == 2020)
        return OGI_FORMAT_2019;
    return OGI_FORMAT_UNKNOWN;
}

static int
parse_text(ogi_report_t *r, const ogi_text_t *t)
{
    ogi__outline_t o;
    unsigned char *flags = ogi_arena_alloc(r->arena, t->nlines + 1);
    if (!flags)
        return OGI_ENOMEM;
    ogi__outline_find(t, &o, flags, r->arena);
    if (o.old_format)
        return reject(r, "report in the pre-2019 format (当面申请/信函申请 "
                         "tables) is out of scope");
    int rc;
    if ((rc = ogi_meta_extract(r, t, o.first_heading, o.last_heading)))
        return rc;

    ogi__table_t grids[OGI__REG_COUNT];
    int have[OGI__REG_COUNT] = {0};
    int ntables = 0;
    for (int i = 0; i < OGI__REG_COUNT; i++) {
        if (o.start[i] == OGI__NONE)
            continue;
        if ((rc = ogi__reader_read(&grids[i], r->arena, t, o.start[i],
                                   o.end[i])))
            return rc;
        have[i] = 1;
        ntables++;
    }
    const ogi__table_t *as_read[OGI__REG_COUNT];
    for (int i = 0; i < OGI__REG_COUNT; i++)
        as_read[i] = have[i] ? &grids[i] : NULL;
    size_t was_start[OGI__REG_COUNT], was_end[OGI__REG_COUNT];
    for (int i = 0; i < OGI__REG_COUNT; i++) {
        was_start[i] = o.start[i];
        was_end[i] = o.end[i];
    }
    /* a region the cut left where it was reads as it did: only those
     * that moved are read again */
    if (ogi__outline_rebalance(t, &o, as_read, r->arena))
        for (int i = OGI__REG_T2; i <= OGI__REG_T4; i++)
            if (o.start[i] != OGI__NONE &&
                (o.start[i] != was_start[i] || o.end[i] != was_end[i]) &&
                (rc = ogi__reader_read(&grids[i], r->arena, t, o.start[i],
                                       o.end[i])))
                return rc;
    int nheadings = 0;
    for (int k = 0; k < OGI_SEC_COUNT; k++)
        nheadings += o.heading[k] != OGI__NONE;
    if (ntables == 0 && nheadings < 3)
        return reject(r, "no disclosure tables or report sections found: "
                         "not an annual report");

    r->meta.format =
        decide_format(r, have[OGI__REG_T2] ? &grids[OGI__REG_T2] : NULL,
                      have[OGI__REG_T3] ? &grids[OGI__REG_T3] : NULL);
    if (r->meta.format == OGI_FORMAT_UNKNOWN) {
        r->meta.format = OGI_FORMAT_2021;
        if ((rc = ogi_report_add_finding(
                 r, "P7", OGI_SEV_WARNING, "meta.format",
                 "format version not stated by the tables or the year; "
                 "read as 2021")))
            return rc;
    }

    static const char *const names[OGI__REG_COUNT] = {"active", "apply",
                                                      "appeal"};
    static const char *const labels[OGI__REG_COUNT] = {
        "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
        "行政复议、行政诉讼情况"};
    for (int i = 0; i < OGI__REG_COUNT; i++) {
        if (!have[i]) {
            if ((rc = ogi_report_add_finding(r, "P1", OGI_SEV_WARNING, names[i],
                                             "table %s not found", labels[i])))
                return rc;
            continue;
        }
        if (i == OGI__REG_T2)
            rc = ogi__place_active(r, &grids[i]);
        else if (i == OGI__REG_T3)
            rc = ogi__place_apply(r, &grids[i]);
        else
            rc = ogi__place_appeal(r, &grids[i]);
        if (rc)
            return rc;
    }
    if ((rc = ogi__place_lost(r, t)))
        return rc;
    return read_sections(r, t, &o);
}

static void
remap_span(const ogi__view_t *v, uint32_t *off, uint32_t *len)
{
    uint32_t a = ogi__view_raw(v, *off);
    uint32_t b = *len ? ogi__view_raw(v, *off + *len) : a;
    *off = a;
    *len = b > a ? b - a : 0;
}

/* Spans found in a converted view (GB18030 text, say) pointed back into
 * the document's own bytes. */
static void
remap_spans(ogi_report_t *r, const ogi__view_t *v)
{
    for (int k = 0; k < OGI_TABLE_COUNT; k++) {
        ogi_table_t *tb = &r->tables[k];
        if (!tb->present || !tb->cells)
            continue;
        size_t n = tb->skel->nrows * tb->skel->ncols;
        for (size_t i = 0; i < n; i++)
            if (tb->cells[i].len)
                remap_span(v, &tb->cells[i].off, &tb->cells[i].len);
    }
    for (int k = 0; k < OGI_SEC_COUNT; k++)
        if (r->sections[k].present)
            remap_span(v, &r->sections[k].off, &r->sections[k].len);
}

int
ogi_parse_report(ogi_arena_t *arena, const char *raw, size_t len,
                 const ogi_parse_opts_t *opts, ogi_report_t **out)
{
    *out = NULL;
    if (!raw) {
        if (len)
            return OGI_EINVAL;
        raw = ""; /* protobuf gives empty bytes as NULL */
    }
    ogi_report_t *r = ogi_report_new(arena);
    if (!r)
        return OGI_ENOMEM;
    ogi_hash_sha256_hex(raw, len, r->doc_key);
    r->source_bytes = len;
    if (opts && opts->name &&
        !(r->source_name = ogi_arena_strdup(arena, opts->name)))
        return OGI_ENOMEM;

    ogi__form_t form;
    ogi__view_t v;
    char why[512];
    size_t max =
        opts && opts->max_bytes ? opts->max_bytes : OGI_TEXT_MAX_DEFAULT;
    int rc;
    if (len > max) {
        snprintf(why, sizeof(why),
                 "input of %zu bytes exceeds the limit of %zu", len, max);
        rc = OGI_ETOOBIG;
        r->content_type = "application/octet-stream";
    } else {
        rc = ogi__form_view(arena, raw, len, &form, &v, why, sizeof(why));
        r->content_type = form.content_type;
    }
    if (rc == OGI_ENOMEM)
        return rc;
    if (rc) {
        int conv = rc == OGI_ECONVERT;
        if ((rc = reject(r, why)))
            return rc;
        *out = r;
        return conv ? OGI_ECONVERT : 0;
    }
    r->encoding = v.encoding;
    if (v.twice &&
        (rc = ogi_report_add_finding(
             r, "P10", OGI_SEV_INFO, NULL,
             "the text was encoded twice: its %s bytes had been read as %s "
             "and written again as UTF-8; read as %s",
             v.encoding, v.twice, v.encoding)))
        return rc;
    if (v.nbad &&
        (rc = ogi_report_add_finding(
             r, "P9", OGI_SEV_INFO, NULL,
             "%zu bytes not valid %s were replaced with U+FFFD, the first at "
             "byte offset %zu",
             v.nbad, v.encoding, v.bad_raw)))
        return rc;

    ogi_text_t t;
    if (v.text && v.text->raw == v.s && v.text->raw_len == v.len) {
        t = *v.text; /* the form decoded it to learn that it is UTF-8 */
    } else {
        rc = ogi_text_decode(arena, v.s, v.len, v.len > max ? v.len : max, &t,
                             why, sizeof(why));
        if (rc == OGI_ENOMEM)
            return rc;
        if (rc) {
            if ((rc = reject(r, why)))
                return rc;
            *out = r;
            return 0;
        }
    }
    if (v.twice && v.map) { /* layouts were drawn in the twice bytes */
        t.canvas = v.map;
        t.ncanvas = v.nmap;
    }
    if (t.nbroken &&
        (rc = ogi_report_add_finding(
             r, "P9", OGI_SEV_INFO, NULL,
             "%zu broken UTF-8 sequences were dropped, the first at byte "
             "offset %zu",
             t.nbroken, t.broken_raw)))
        return rc;
    size_t i = 0;
    while (i < t.len && ogi_text_is_space((unsigned char)t.s[i]))
        i++;
    if (i == t.len)
        rc = reject(r, "empty document");
    else
        rc = parse_text(r, &t);
    if (rc)
        return rc;
    if (v.map)
        remap_spans(r, &v);
    *out = r;
    return 0;
}
