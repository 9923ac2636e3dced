/*
 * meta.c - a report's metadata from its text (README "The report format",
 * metadata).
 *
 * Reads the normalised text only (full-width punctuation already folded to
 * ASCII, every dash to '-'), always through explicit end pointers: the text
 * is untrusted and nothing here assumes a NUL inside a line. Where each
 * field comes from, in order of preference:
 *
 *   agency     the title (lines before the first heading); a signature line
 *              "XX人民政府(办公室)" after the last heading; the most frequent
 *              "XX区政府"/"XX县人民政府" in the text
 *   year       the title; the statistical period; the first section
 *   published  a standalone date line after the last heading; a web header
 *              "发布日期：" before the first heading
 *   contact    a squeezed copy of the text (pdftotext splits the contact
 *              sentence over lines and spaces out its punctuation): the
 *              intro as a whole, and in the body only sentences that name
 *              both a contact and the disclosure work
 *   province   postal code; a provincial document number (黑政办发〔…〕);
 *              a province named in the agency, title or intro; the
 *              telephone area code
 *   level      the agency's suffix
 *
 * This file finds the agency, the year and the level, and calls the
 * others: meta_date.c (years, the publication date), meta_contact.c
 * (phones, postal code, e-mail, address), meta_region.c (the province).
 * Thread-safe: the tables are const and all state is on the stack or in
 * the report's arena.
 */
#include "ogi_int.h"

#include <stdint.h>
#include <string.h>

#include "meta_int.h"
#include "ogi/error.h"
#include "ogi/meta.h"
#include "ogi/text.h"

/* ---------------------------------------------------------------------
 * Data tables
 * ------------------------------------------------------------------ */

/* Region names that take 人民政府 (自治区/自治州/自治县 end in 区/州/县). */
static const char *const region_suffixes[] = {"省", "市", "区", "县", "旗",
                                              "州", "盟", "乡", "镇"};

/* Zones run by a management committee, not by a 人民政府: kept as printed. */
static const char *const zone_suffixes[] = {
    "开发区", "园区",   "示范区", "试验区", "实验区", "保税区",
    "合作区", "管理区", "度假区", "旅游区", "风景区", "景区",
};

/* Suffixes of a department or other non-government body. */
static const char *const dept_suffixes[] = {
    "局", "委", "办", "厅", "中心", "院", "署", "会",   "室",   "所",
    "站", "队", "部", "馆", "处",   "社", "行", "公司", "集团",
};

/* Words that end the agency part of a title that has no year before. */
static const char *const disclosure_words[] = {"政府信息公开", "信息公开",
                                               "政务公开"};

/* ---------------------------------------------------------------------
 * The squeezed text
 * ------------------------------------------------------------------ */

/* The report's squeezed text, with the lines of its first and last
 * headings marked. */
static void
squeeze_text(const ogi_text_t *t, size_t first_heading, size_t last_heading,
             ogi__meta_squeezed_t *out)
{
    const ogi_squeezed_t *q = &t->sq;
    size_t body = q->line[first_heading], tail = q->line[last_heading];
    out->s = q->s;
    out->end = q->s + q->len;
    out->body = q->s + body;
    out->tail = q->s + (tail > body ? tail : body);
}

/* ---------------------------------------------------------------------
 * Agency
 * ------------------------------------------------------------------ */

/* Whether [p, end) is all CJK ideographs and parentheses, 2-40 of them. */
static int
agency_chars_ok(const char *p, const char *end)
{
    size_t n = 0;
    while (p < end) {
        size_t k = ogi_text_cjk_at(p, end);
        if (k == 0 && *p != '(' && *p != ')')
            return 0;
        p += k ? k : 1;
        n++;
    }
    return n >= 2 && n <= 40;
}

/* A copy of [p, end) followed by suffix, in the arena; NULL on OOM. */
static char *
dup_with(ogi_arena_t *arena, const char *p, const char *end, const char *suffix)
{
    size_t n = (size_t)(end - p), k = strlen(suffix);
    char *s = ogi_arena_alloc(arena, n + k + 1);
    if (!s)
        return NULL;
    memcpy(s, p, n);
    memcpy(s + n, suffix, k + 1);
    return s;
}

/*
 * The agency's canonical name from the name as printed: "江源区" and
 * "工农区政府" become "江源区人民政府" and "工农区人民政府", "XX街道" becomes
 * "XX街道办事处"; departments and zones stay as printed. Sets *out to NULL
 * when [p, end) is not a plausible name. Returns 0 or OGI_ENOMEM.
 */
static int
agency_normalise(ogi_arena_t *arena, const char *p, const char *end, char **out)
{
    *out = NULL;
    if (!agency_chars_ok(p, end))
        return 0;
    /* "哈尔滨市松北区(哈尔滨新区)": the alias goes, the region stays */
    const char *open = memchr(p, '(', (size_t)(end - p));
    if (open && end[-1] == ')' &&
        ogi_text_suffix_any(p, open, region_suffixes,
                            OGI_ARRAY_LEN(region_suffixes)))
        end = open;
    const char *suffix = "";
    if (ogi_text_has_suffix(p, end, "人民政府")) {
        suffix = "";
    } else if (ogi_text_has_suffix(p, end, "政府") &&
               ogi_text_suffix_any(p, end - strlen("政府"), region_suffixes,
                                   OGI_ARRAY_LEN(region_suffixes))) {
        end -= strlen("政府");
        suffix = "人民政府";
    } else if (ogi_text_has_suffix(p, end, "街道")) {
        suffix = "办事处";
    } else if (ogi_text_suffix_any(p, end, region_suffixes,
                                   OGI_ARRAY_LEN(region_suffixes)) &&
               !ogi_text_suffix_any(p, end, zone_suffixes,
                                    OGI_ARRAY_LEN(zone_suffixes))) {
        suffix = "人民政府";
    }
    if (!agency_chars_ok(p, end))
        return 0;
    *out = dup_with(arena, p, end, suffix);
    return *out ? 0 : OGI_ENOMEM;
}

/* A line that may be (part of) a title: short, with some CJK, and without
 * the punctuation of a sentence or of a "label: value" header. */
static int
title_like(const char *p, const char *end)
{
    /* > | / are breadcrumbs and menus: "首页 > 政务公开 > 年报" */
    static const char *const bad[] = {",",  ";", ":", "!", "?", "。",
                                      "、", ">", "|", "/", "»"};
    if (p >= end || ogi_text_count_chars(p, end) > 40)
        return 0;
    size_t ml = 0;
    if (ogi_text_find_any(p, end, bad, OGI_ARRAY_LEN(bad), &ml))
        return 0;
    for (const char *q = p; q < end; q++)
        if (ogi_text_cjk_at(q, end))
            return 1;
    return 0;
}

/* Whether a title still lacks its agency: no year yet, or the year comes
 * first ("2020年政府信息公开…" under a line "伊美区人民政府"). */
static int
title_needs_agency(const char *p, const char *end)
{
    const char *at, *after;
    if (!ogi__meta_find_year(p, end, &at, &after))
        return 1;
    if (at != p)
        return 0;
    /* "2024年上海市科委政府信息公开…": the agency after the year */
    if (ogi_text_has_prefix(after, end, "度"))
        after += strlen("度");
    size_t ml = 0;
    const char *to = ogi_text_find_any(after, end, disclosure_words,
                                       OGI_ARRAY_LEN(disclosure_words), &ml);
    return !to || ogi_text_count_chars(after, to) < 2;
}

/* Whether line k may be a parent region printed above the rest of the
 * title ("淮安市" over "洪泽区人民政府"). */
static int
title_parent_region(const char *p, const char *end)
{
    static const char *const parents[] = {"省", "市", "州", "盟"};
    return ogi_text_count_chars(p, end) <= 10 &&
           ogi_text_suffix_any(p, end, parents, OGI_ARRAY_LEN(parents));
}

/* Line i squeezed (every space removed) into the arena, without the
 * markup a form wraps a title in ("# 2024年…", "**…**"). */
static char *
line_squeezed(ogi_arena_t *arena, const ogi_text_t *t, size_t i, size_t *n)
{
    static const char marks[] = "#*|=_";
    const ogi_line_t *l = &t->lines[i];
    char *s = ogi_text_squeeze(arena, t->s + l->start, l->end - l->start, n);
    if (!s)
        return NULL;
    size_t a = 0;
    while (a < *n && memchr(marks, s[a], sizeof(marks) - 1))
        a++;
    while (*n > a && memchr(marks, s[*n - 1], sizeof(marks) - 1))
        (*n)--;
    *n -= a;
    memmove(s, s + a, *n);
    s[*n] = '\0';
    return s;
}

/* Index of the last non-blank line before j, or SIZE_MAX. */
static size_t
prev_nonblank(const ogi_text_t *t, size_t j)
{
    while (j-- > 0) {
        const ogi_line_t *l = &t->lines[j];
        for (uint32_t k = l->start; k < l->end; k++)
            if (!ogi_text_is_space((unsigned char)t->s[k]))
                return j;
    }
    return SIZE_MAX;
}

/* Whether a squeezed line ends a title: "…年度报告", "…工作报告", "…年报". */
static int
title_end_line(const char *s, size_t n)
{
    return title_like(s, s + n) && (ogi_text_has_suffix(s, s + n, "报告") ||
                                    ogi_text_has_suffix(s, s + n, "年报"));
}

/*
 * The title, squeezed and joined over up to four lines, found among the
 * first 40 lines before the first heading: the line that ends in 报告/年报
 * and the title lines above it that carry the agency. *title is NULL when
 * there is none. Returns 0 or OGI_ENOMEM.
 */
#define TITLE_FAR 400 /* lines a heading that is the title is looked for in */

static int
title_find(ogi_arena_t *arena, const ogi_text_t *t, size_t first_heading,
           char **title, size_t *tlen)
{
    *title = NULL;
    size_t limit = first_heading < 40 ? first_heading : 40, i, n = 0;
    char *cur = NULL;
    for (i = 0; i < limit; i++) {
        cur = line_squeezed(arena, t, i, &n);
        if (!cur)
            return OGI_ENOMEM;
        /* a site archive's header line: "标题: 2023年度…报告" */
        if (ogi_text_has_prefix(cur, cur + n, "标题:")) {
            cur += strlen("标题:");
            n -= strlen("标题:");
            if (title_end_line(cur, n))
                break;
            continue;
        }
        if (title_end_line(cur, n))
            break;
    }
    if (i == limit) {
        /* a whole saved page's chrome can push the title further down:
         * there only a line set apart as a heading ("# …年度报告") */
        size_t far = first_heading < TITLE_FAR ? first_heading : TITLE_FAR;
        for (; i < far; i++) {
            const ogi_line_t *l = &t->lines[i];
            size_t a = l->start;
            while (a < l->end && t->s[a] == ' ')
                a++;
            if (a == l->end || t->s[a] != '#')
                continue;
            cur = line_squeezed(arena, t, i, &n);
            if (!cur)
                return OGI_ENOMEM;
            if (title_end_line(cur, n))
                break;
        }
        if (i >= far)
            return 0;
    }
    for (int joined = 0; joined < 3; joined++) {
        size_t k = prev_nonblank(t, i), pn;
        if (k == SIZE_MAX)
            break;
        char *prev = line_squeezed(arena, t, k, &pn);
        if (!prev)
            return OGI_ENOMEM;
        if (!title_like(prev, prev + pn) || title_end_line(prev, pn))
            break;
        if (!title_needs_agency(cur, cur + n) &&
            !title_parent_region(prev, prev + pn))
            break;
        char *both = dup_with(arena, prev, prev + pn, cur);
        if (!both)
            return OGI_ENOMEM;
        cur = both;
        n += pn;
        i = k;
    }
    *title = cur;
    *tlen = n;
    return 0;
}

/* Trims [*p, *end) to the agency proper: no leading bullet or quote, no
 * trailing "关于" or punctuation. */
static void
agency_trim(const char **p, const char **end)
{
    while (*p < *end && !ogi_text_cjk_at(*p, *end))
        (*p)++;
    if (ogi_text_has_suffix(*p, *end, "关于"))
        *end -= strlen("关于");
    while (*end > *p && !ogi_text_cjk_before(*p, *end) && (*end)[-1] != ')')
        (*end)--;
}

/* The agency named by a squeezed title (NULL when it names none). */
static int
agency_from_title(ogi_arena_t *arena, const char *title, size_t n,
                  char **agency)
{
    const char *end = title + n, *at, *after;
    const char *from = title, *to;
    int year = ogi__meta_find_year(title, end, &at, &after);
    if (year && at > title) {
        to = at; /* "江源区2020年度…" */
    } else {
        /* "2020年度哈尔滨市教育局政府信息公开…" or no year at all */
        if (year) {
            from = after;
            if (ogi_text_has_prefix(from, end, "度"))
                from += strlen("度");
        }
        size_t ml = 0;
        to = ogi_text_find_any(from, end, disclosure_words,
                               OGI_ARRAY_LEN(disclosure_words), &ml);
        if (!to)
            return 0;
    }
    agency_trim(&from, &to);
    return agency_normalise(arena, from, to, agency);
}

/*
 * The agency from a signature line after the last heading:
 * "哈尔滨市松北区人民政府办公室" compiles the report of
 * "哈尔滨市松北区人民政府". The last such line wins.
 */
static int
agency_from_signature(ogi_arena_t *arena, const ogi_text_t *t,
                      size_t last_heading, char **agency)
{
    char buf[128];
    *agency = NULL;
    for (size_t i = t->nlines; i-- > last_heading + 1 && i < t->nlines;) {
        const ogi_line_t *l = &t->lines[i];
        size_t n = ogi_text_squeeze_into(t->s + l->start, l->end - l->start,
                                         buf, sizeof(buf));
        if (n == 0 || n >= sizeof(buf))
            continue;
        const char *end = buf + n;
        if (ogi_text_has_suffix(buf, end, "办公室"))
            end -= strlen("办公室");
        if (!ogi_text_has_suffix(buf, end, "人民政府") ||
            ogi_text_count_chars(buf, end) > 30)
            continue;
        return agency_normalise(arena, buf, end, agency);
    }
    return 0;
}

/* One "XX区政府" candidate and how often it was seen. */
typedef struct {
    const char *p; /* the name up to its region character, in sq */
    size_t n;
    unsigned count;
} cand_t;

#define MAX_CANDS 16

/*
 * The region name before a "政府" at q in the squeezed text: "工农区" for
 * "，工农区政府" or "“工农区人民政府". The part before 区/县/市/旗 is the
 * run of ideographs back to punctuation or a digit, 2-6 of them, and
 * starts with none of 我/本/全/各/该 ("全区政府" is no name). Returns its
 * start, or NULL.
 */
static const char *
region_before(const char *s, const char *q)
{
    static const char *const regions[] = {"区", "县", "市", "旗"};
    static const char *const not_first[] = {"我", "本", "全", "各", "该"};
    static const char *const not_last[] = {"全", "我", "本", "各", "该",
                                           "市", "县", "区", "省", "府"};
    if (q - s >= 6 && memcmp(q - 6, "人民", 6) == 0)
        q -= 6;
    if (!ogi_text_suffix_any(s, q, regions, OGI_ARRAY_LEN(regions)))
        return NULL;
    const char *r = q - 3, *k = r;
    int chars = 0;
    while (chars < 7 && ogi_text_cjk_before(s, k)) {
        k -= 3;
        chars++;
    }
    if (chars < 2 || chars > 6)
        return NULL;
    for (size_t i = 0; i < OGI_ARRAY_LEN(not_first); i++)
        if (ogi_text_has_prefix(k, r, not_first[i]))
            return NULL;
    if (ogi_text_suffix_any(k, r, not_last, OGI_ARRAY_LEN(not_last)))
        return NULL;
    return k;
}

/* Counts name in cands (adding it when there is room). */
static void
cand_add(cand_t *cands, size_t *ncands, const char *p, size_t n)
{
    for (size_t i = 0; i < *ncands; i++) {
        if (cands[i].n == n && memcmp(cands[i].p, p, n) == 0) {
            cands[i].count++;
            return;
        }
    }
    if (*ncands < MAX_CANDS)
        cands[(*ncands)++] = (cand_t){p, n, 1};
}

/* With no title and no signature: the most frequent "XX区政府" or
 * "XX县人民政府" in the text ("2020年，工农区政府主动公开…"), the first
 * seen on a tie. */
static int
agency_from_mentions(ogi_arena_t *arena, const ogi__meta_squeezed_t *sq,
                     char **agency)
{
    cand_t cands[MAX_CANDS];
    size_t ncands = 0;
    const char *q = sq->s;
    *agency = NULL;
    while ((q = ogi_text_find_in(q, sq->end, "政府")) != NULL) {
        const char *k = region_before(sq->s, q);
        if (k) {
            const char *name_end = q;
            if (name_end - k >= 6 && memcmp(name_end - 6, "人民", 6) == 0)
                name_end -= 6;
            cand_add(cands, &ncands, k, (size_t)(name_end - k));
        }
        q += strlen("政府");
    }
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < ncands; i++)
        if (best == SIZE_MAX || cands[i].count > cands[best].count)
            best = i;
    if (best == SIZE_MAX)
        return 0;
    return agency_normalise(arena, cands[best].p, cands[best].p + cands[best].n,
                            agency);
}

/* The agency and, from the title, the year. */
static int
agency_extract(ogi_report_t *r, const ogi_text_t *t,
               const ogi__meta_squeezed_t *sq, size_t first_heading,
               size_t last_heading, int *title_year)
{
    ogi_meta_t *m = &r->meta;
    char *title;
    size_t tlen;
    const char *at, *after;
    int rc = title_find(r->arena, t, first_heading, &title, &tlen);
    if (rc)
        return rc;
    *title_year = 0;
    if (title) {
        *title_year = ogi__meta_find_year(title, title + tlen, &at, &after);
        rc = agency_from_title(r->arena, title, tlen, &m->agency);
        if (rc || m->agency)
            return rc;
    }
    if (last_heading < t->nlines) {
        rc = agency_from_signature(r->arena, t, last_heading, &m->agency);
        if (rc || m->agency)
            return rc;
    }
    return agency_from_mentions(r->arena, sq, &m->agency);
}

/* ---------------------------------------------------------------------
 * Administrative level
 * ------------------------------------------------------------------ */

/* The level of a government "<region>人民政府" from its region. */
static ogi_level_t
region_level(const char *p, const char *end)
{
    static const char *const county[] = {"区", "县", "旗"};
    static const char *const township[] = {"乡", "镇", "街道"};
    static const char *const prefecture[] = {"州", "盟", "地区"};
    if (ogi__meta_is_municipality(p, end))
        return OGI_LEVEL_PROVINCE;
    if (ogi_text_has_suffix(p, end, "自治区") ||
        ogi_text_has_suffix(p, end, "省"))
        return OGI_LEVEL_PROVINCE;
    if (ogi_text_suffix_any(p, end, township, OGI_ARRAY_LEN(township)))
        return OGI_LEVEL_TOWNSHIP;
    if (ogi_text_suffix_any(p, end, county, OGI_ARRAY_LEN(county)))
        return OGI_LEVEL_COUNTY;
    if (ogi_text_suffix_any(p, end, prefecture, OGI_ARRAY_LEN(prefecture)))
        return OGI_LEVEL_CITY;
    if (ogi_text_has_suffix(p, end, "市")) {
        /* "苏州市昆山市": a county-level city under a prefecture */
        const char *m = ogi_text_find_in(p, end - strlen("市"), "市");
        return m ? OGI_LEVEL_COUNTY : OGI_LEVEL_CITY;
    }
    return OGI_LEVEL_UNKNOWN;
}

static ogi_level_t
level_of(const char *agency)
{
    const char *end = agency + strlen(agency);
    if (ogi_text_has_suffix(agency, end, "街道办事处") ||
        ogi_text_has_suffix(agency, end, "街道"))
        return OGI_LEVEL_TOWNSHIP;
    if (ogi_text_has_suffix(agency, end, "行政公署"))
        return OGI_LEVEL_CITY;
    if (ogi_text_has_suffix(agency, end, "人民政府"))
        return region_level(agency, end - strlen("人民政府"));
    if (ogi_text_suffix_any(agency, end, dept_suffixes,
                            OGI_ARRAY_LEN(dept_suffixes)))
        return OGI_LEVEL_DEPARTMENT;
    return OGI_LEVEL_UNKNOWN;
}

/* ---------------------------------------------------------------------
 * Entry point
 * ------------------------------------------------------------------ */

int
ogi_meta_extract(ogi_report_t *report, const ogi_text_t *t,
                 size_t first_heading, size_t last_heading)
{
    assert(report && t);
    ogi_meta_t *m = &report->meta;
    ogi_format_t format = m->format;
    memset(m, 0, sizeof(*m));
    m->format = format;
    if (first_heading > t->nlines)
        first_heading = t->nlines;
    if (last_heading > t->nlines)
        last_heading = t->nlines;

    ogi__meta_squeezed_t sq;
    int title_year = 0;
    squeeze_text(t, first_heading, last_heading, &sq);
    int rc = agency_extract(report, t, &sq, first_heading, last_heading,
                            &title_year);
    if (!rc)
        rc = ogi__meta_date_extract(report, t, first_heading, last_heading);
    if (!rc)
        rc = ogi__meta_contact_extract(report, &sq);
    if (rc)
        return rc;
    m->title_year = title_year;
    m->period_year = ogi__meta_period_year(&sq);
    m->year =
        title_year ? title_year : ogi__meta_year_from_text(&sq, m->period_year);
    m->admin_level = m->agency ? level_of(m->agency) : OGI_LEVEL_UNKNOWN;
    const char *prov = ogi__meta_province_find(m, &sq);
    if (prov) {
        m->province = ogi_arena_strdup(report->arena, prov);
        if (!m->province)
            return OGI_ENOMEM;
    }
    return 0;
}
