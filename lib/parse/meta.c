/*
 * meta.c - a report's metadata from its text (report-format.md §8).
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
 * Thread-safe: the tables are const and all state is on the stack or in
 * the report's arena.
 */
#include "ogi_int.h"

#include <stdint.h>
#include <string.h>

#include "ogi/error.h"
#include "ogi/meta.h"
#include "swar_int.h"

/* ---------------------------------------------------------------------
 * Data tables
 * ------------------------------------------------------------------ */

#define P_BJ  "北京市"
#define P_TJ  "天津市"
#define P_SH  "上海市"
#define P_CQ  "重庆市"
#define P_HEB "河北省"
#define P_SX  "山西省"
#define P_NMG "内蒙古自治区"
#define P_LN  "辽宁省"
#define P_JL  "吉林省"
#define P_HLJ "黑龙江省"
#define P_JS  "江苏省"
#define P_ZJ  "浙江省"
#define P_AH  "安徽省"
#define P_FJ  "福建省"
#define P_JX  "江西省"
#define P_SD  "山东省"
#define P_HEN "河南省"
#define P_HUB "湖北省"
#define P_HUN "湖南省"
#define P_GD  "广东省"
#define P_GX  "广西壮族自治区"
#define P_HAN "海南省"
#define P_SC  "四川省"
#define P_GZ  "贵州省"
#define P_YN  "云南省"
#define P_XZ  "西藏自治区"
#define P_SN  "陕西省"
#define P_GS  "甘肃省"
#define P_QH  "青海省"
#define P_NX  "宁夏回族自治区"
#define P_XJ  "新疆维吾尔自治区"

typedef struct {
    const char *key;      /* a prefix or a name */
    const char *province; /* full official name */
} prov_map_t;

/*
 * Postal codes: the leading digits give the province. Two digits cover
 * most of the country; the four-digit entries are the places of Inner
 * Mongolia numbered inside a neighbour's range (兴安盟 1374xx-1378xx,
 * 呼伦贝尔 1626xx-1628xx and 1654xx, 阿拉善 7354xx, 7373xx, 7503xx). The
 * longest matching prefix wins. 00, 08-09, 14, 17-19, 28-29, 37-39,
 * 48-50, 58-60, 68-70, 76-80, 82 and 86-99 are unassigned.
 */
static const prov_map_t postal_prefixes[] = {
    {"01", P_NMG},   {"02", P_NMG},   {"03", P_SX},    {"04", P_SX},
    {"05", P_HEB},   {"06", P_HEB},   {"07", P_HEB},   {"10", P_BJ},
    {"11", P_LN},    {"12", P_LN},    {"13", P_JL},    {"1374", P_NMG},
    {"1375", P_NMG}, {"1376", P_NMG}, {"1377", P_NMG}, {"1378", P_NMG},
    {"15", P_HLJ},   {"16", P_HLJ},   {"1626", P_NMG}, {"1627", P_NMG},
    {"1628", P_NMG}, {"1654", P_NMG}, {"20", P_SH},    {"21", P_JS},
    {"22", P_JS},    {"23", P_AH},    {"24", P_AH},    {"25", P_SD},
    {"26", P_SD},    {"27", P_SD},    {"30", P_TJ},    {"31", P_ZJ},
    {"32", P_ZJ},    {"33", P_JX},    {"34", P_JX},    {"35", P_FJ},
    {"36", P_FJ},    {"40", P_CQ},    {"41", P_HUN},   {"42", P_HUN},
    {"43", P_HUB},   {"44", P_HUB},   {"45", P_HEN},   {"46", P_HEN},
    {"47", P_HEN},   {"51", P_GD},    {"52", P_GD},    {"53", P_GX},
    {"54", P_GX},    {"55", P_GZ},    {"56", P_GZ},    {"57", P_HAN},
    {"61", P_SC},    {"62", P_SC},    {"63", P_SC},    {"64", P_SC},
    {"65", P_YN},    {"66", P_YN},    {"67", P_YN},    {"71", P_SN},
    {"72", P_SN},    {"73", P_GS},    {"74", P_GS},    {"7354", P_NMG},
    {"7373", P_NMG}, {"75", P_NX},    {"7503", P_NMG}, {"81", P_QH},
    {"83", P_XJ},    {"84", P_XJ},    {"85", P_XZ},
};

/*
 * Telephone area codes (with the leading 0): three digits name a province
 * for almost every code; the exceptions (0335 河北 inside 03x, 0631-0635
 * 山东, 0660-0668 广东, 0691-0692 云南, 0701 江西, 0898 海南) have entries
 * of their own. Longest prefix wins.
 */
static const prov_map_t area_prefixes[] = {
    {"010", P_BJ},  {"020", P_GD},  {"021", P_SH},  {"022", P_TJ},
    {"023", P_CQ},  {"024", P_LN},  {"025", P_JS},  {"027", P_HUB},
    {"028", P_SC},  {"029", P_SN},  {"031", P_HEB}, {"033", P_HEB},
    {"034", P_SX},  {"035", P_SX},  {"037", P_HEN}, {"039", P_HEN},
    {"041", P_LN},  {"042", P_LN},  {"043", P_JL},  {"045", P_HLJ},
    {"046", P_HLJ}, {"047", P_NMG}, {"048", P_NMG}, {"051", P_JS},
    {"052", P_JS},  {"053", P_SD},  {"054", P_SD},  {"055", P_AH},
    {"056", P_AH},  {"057", P_ZJ},  {"058", P_ZJ},  {"059", P_FJ},
    {"063", P_SD},  {"066", P_GD},  {"069", P_YN},  {"070", P_JX},
    {"071", P_HUB}, {"072", P_HUB}, {"073", P_HUN}, {"074", P_HUN},
    {"075", P_GD},  {"076", P_GD},  {"077", P_GX},  {"079", P_JX},
    {"081", P_SC},  {"082", P_SC},  {"083", P_SC},  {"085", P_GZ},
    {"087", P_YN},  {"088", P_YN},  {"089", P_XZ},  {"0898", P_HAN},
    {"090", P_XJ},  {"091", P_SN},  {"093", P_GS},  {"094", P_GS},
    {"095", P_NX},  {"097", P_QH},  {"099", P_XJ},
};

/*
 * One-character abbreviations that open provincial document numbers
 * (黑政办发〔2020〕22号, 粤府办〔…〕, 川办发〔…〕). Both 黔 and 贵 are seen
 * for 贵州, both 蒙 and 内 for 内蒙古. 宁 (南京 as well as 宁夏) and 青
 * (青岛 as well as 青海) are ambiguous, which is why the postal code is
 * asked first.
 */
static const prov_map_t docno_abbrs[] = {
    {"京", P_BJ},  {"津", P_TJ},  {"沪", P_SH},  {"渝", P_CQ},  {"冀", P_HEB},
    {"晋", P_SX},  {"蒙", P_NMG}, {"内", P_NMG}, {"辽", P_LN},  {"吉", P_JL},
    {"黑", P_HLJ}, {"苏", P_JS},  {"浙", P_ZJ},  {"皖", P_AH},  {"闽", P_FJ},
    {"赣", P_JX},  {"鲁", P_SD},  {"豫", P_HEN}, {"鄂", P_HUB}, {"湘", P_HUN},
    {"粤", P_GD},  {"桂", P_GX},  {"琼", P_HAN}, {"川", P_SC},  {"贵", P_GZ},
    {"黔", P_GZ},  {"云", P_YN},  {"藏", P_XZ},  {"陕", P_SN},  {"甘", P_GS},
    {"青", P_QH},  {"宁", P_NX},  {"新", P_XJ},
};

static const char *const province_names[] = {
    P_BJ, P_TJ, P_SH, P_CQ, P_HEB, P_SX,  P_NMG, P_LN,  P_JL, P_HLJ, P_JS,
    P_ZJ, P_AH, P_FJ, P_JX, P_SD,  P_HEN, P_HUB, P_HUN, P_GD, P_GX,  P_HAN,
    P_SC, P_GZ, P_YN, P_XZ, P_SN,  P_GS,  P_QH,  P_NX,  P_XJ,
};

/* Municipalities: "北京市人民政府" is a province-level government. */
static const char *const municipalities[] = {P_BJ, P_TJ, P_SH, P_CQ};

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

/* A body sentence is a contact only when it names one of these... */
static const char *const contact_words[] = {"电话",     "热线", "邮编",
                                            "邮政编码", "地址", "邮箱"};
/* ...and is about the disclosure work, not e.g. a citizen's complaint. */
static const char *const topic_words[] = {"公开", "年报", "报告", "咨询",
                                          "政务"};

static const char *const phone_labels[] = {"电话", "热线", "Tel", "tel", "TEL"};
static const char *const email_labels[] = {"邮箱", "邮件", "mail", "Mail",
                                           "MAIL"};
static const char *const postal_labels[] = {"邮政编码", "邮编"};

/* Where an address ends when no punctuation does. */
static const char *const address_stops[] = {
    "联系电话", "咨询电话", "办公电话", "电话", "邮政编码", "邮编",
    "电子邮箱", "邮箱",     "电子邮件", "传真", "网址",     "联系人",
};

static const char *const date_labels[] = {"发布日期", "发布时间", "公开日期"};

static const char *const period_words[] = {"统计期限", "统计期间", "统计时限",
                                           "统计时间", "统计周期", "统计区间",
                                           "统计时段"};

/* ---------------------------------------------------------------------
 * Bounded byte-string helpers
 * ------------------------------------------------------------------ */

/* First occurrence of needle in [p, end), or NULL. */
static const char *
find(const char *p, const char *end, const char *needle)
{
    return p < end ? ogi_text_find(p, (size_t)(end - p), needle) : NULL;
}

/* Earliest occurrence in [p, end) of any of the n needles; its length in
 * *mlen. NULL when none occurs. */
static const char *
find_any(const char *p, const char *end, const char *const *needles, size_t n,
         size_t *mlen)
{
    const char *best = NULL;
    for (size_t i = 0; i < n; i++) {
        /* a match that starts before best ends before best + its length */
        const char *lim = end;
        if (best && (size_t)(end - best) > strlen(needles[i]))
            lim = best + strlen(needles[i]);
        const char *q = find(p, lim, needles[i]);
        if (q && (!best || q < best)) {
            best = q;
            *mlen = strlen(needles[i]);
        }
    }
    return best;
}

static int
has_prefix(const char *p, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    return p <= end && (size_t)(end - p) >= n && memcmp(p, lit, n) == 0;
}

static int
has_suffix(const char *p, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    return p <= end && (size_t)(end - p) >= n && memcmp(end - n, lit, n) == 0;
}

/* Which of the n literals [p, end) ends with, or NULL. */
static const char *
suffix_any(const char *p, const char *end, const char *const *lits, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (has_suffix(p, end, lits[i]))
            return lits[i];
    return NULL;
}

/* Length of the CJK ideograph at p (always 3 in UTF-8), or 0. */
static size_t
cjk_at(const char *p, const char *end)
{
    uint32_t cp;
    size_t n = ogi_utf8_decode(p, end, &cp);
    return (n == 3 && cp >= 0x3400 && cp <= 0x9FFF) ? 3 : 0;
}

/* Whether a CJK ideograph ends right before p (and after begin). */
static int
cjk_before(const char *begin, const char *p)
{
    return p - begin >= 3 && cjk_at(p - 3, p) == 3;
}

/* Number of code points in [p, end). */
static size_t
count_chars(const char *p, const char *end)
{
    size_t n = 0;
    while (p < end) {
        p += ogi_utf8_len(p, end);
        n++;
    }
    return n;
}

/*
 * Copies the non-space bytes of [p, end) into buf (at most cap - 1 of
 * them, NUL-terminated). Returns their number, or cap when there were more
 * than fit.
 */
static size_t
squeeze_into(const char *p, const char *end, char *buf, size_t cap)
{
    return ogi_text_squeeze_into(p, (size_t)(end - p), buf, cap);
}

/* Longest entry of map whose key is a prefix of [p, end), or NULL. */
static const char *
map_longest_prefix(const prov_map_t *map, size_t n, const char *p,
                   const char *end)
{
    const char *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(map[i].key);
        if (k > best_len && has_prefix(p, end, map[i].key)) {
            best = map[i].province;
            best_len = k;
        }
    }
    return best;
}

/* ---------------------------------------------------------------------
 * The squeezed text
 * ------------------------------------------------------------------ */

/* The squeezed text (text.h) as meta reads it: contacts, dates and names
 * are searched there. */
typedef struct {
    const char *s;    /* squeezed text, NUL-terminated */
    const char *end;  /* s + its length */
    const char *body; /* where the first heading's line starts in s */
    const char *tail; /* where the last heading's line starts (>= body) */
} squeezed_t;

/* The report's squeezed text, with the lines of its first and last
 * headings marked. */
static void
squeeze_text(const ogi_text_t *t, size_t first_heading, size_t last_heading,
             squeezed_t *out)
{
    const ogi_squeezed_t *q = &t->sq;
    size_t body = q->line[first_heading], tail = q->line[last_heading];
    out->s = q->s;
    out->end = q->s + q->len;
    out->body = q->s + body;
    out->tail = q->s + (tail > body ? tail : body);
}

/* ---------------------------------------------------------------------
 * Years and dates
 * ------------------------------------------------------------------ */

/*
 * The first year "19xx年"/"20xx年" (1990-2099; spaces allowed before 年) in
 * [p, end): returns it and sets *at to its first digit and *after past 年;
 * 0 when there is none.
 */
static int
find_year(const char *p, const char *end, const char **at, const char **after)
{
    for (const char *q = p; end - q >= 4; q++) {
        if (!ogi_text_is_digit((unsigned char)q[0]) ||
            (q > p && ogi_text_is_digit((unsigned char)q[-1])))
            continue;
        if (!ogi_text_is_digit((unsigned char)q[1]) ||
            !ogi_text_is_digit((unsigned char)q[2]) ||
            !ogi_text_is_digit((unsigned char)q[3]))
            continue;
        if (end - q > 4 && ogi_text_is_digit((unsigned char)q[4]))
            continue;
        int y = (q[0] - '0') * 1000 + (q[1] - '0') * 100 + (q[2] - '0') * 10 +
                (q[3] - '0');
        if (y < 1990 || y > 2099)
            continue;
        const char *r = q + 4;
        while (r < end && (*r == ' ' || *r == '\t'))
            r++;
        if (has_prefix(r, end, "年")) {
            *at = q;
            *after = r + strlen("年");
            return y;
        }
    }
    return 0;
}

typedef struct {
    int y, m, d;
} ymd_t;

static int
date_valid(const ymd_t *d)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
    if (d->y < 1990 || d->y > 2099 || d->m < 1 || d->m > 12 || d->d < 1)
        return 0;
    if (d->d > mdays[d->m - 1])
        return 0;
    int leap = (d->y % 4 == 0 && d->y % 100 != 0) || d->y % 400 == 0;
    return !(d->m == 2 && d->d == 29 && !leap);
}

/* 1 to max ASCII digits at p into *v (a longer run is cut after max, and
 * callers check what follows); returns the end, or NULL. */
static const char *
read_uint(const char *p, const char *end, int max, int *v)
{
    int n = 0, x = 0;
    while (p < end && ogi_text_is_digit((unsigned char)*p) && n < max) {
        x = x * 10 + (*p++ - '0');
        n++;
    }
    if (n == 0)
        return NULL;
    *v = x;
    return p;
}

/* "2021年2月5日", "2021-02-05", "2021.2.5", "2021/02/05" at p: the end of
 * the date, or NULL. */
static const char *
parse_date_digits(const char *p, const char *end, ymd_t *d)
{
    const char *q = read_uint(p, end, 4, &d->y);
    if (!q || q - p != 4 || q >= end)
        return NULL;
    if (has_prefix(q, end, "年")) {
        q = read_uint(q + strlen("年"), end, 2, &d->m);
        if (!q || !has_prefix(q, end, "月"))
            return NULL;
        q = read_uint(q + strlen("月"), end, 2, &d->d);
        if (!q)
            return NULL;
        return has_prefix(q, end, "日") ? q + strlen("日") : q;
    }
    char sep = *q;
    if (sep != '-' && sep != '.' && sep != '/')
        return NULL;
    q = read_uint(q + 1, end, 2, &d->m);
    if (!q || q >= end || *q != sep)
        return NULL;
    return read_uint(q + 1, end, 2, &d->d);
}

/* A Chinese numeral digit (〇 ○ 零 一 … 九, or an ASCII 0/O written in
 * their place) at p: its value with *len set, or -1. */
static int
cjk_digit(const char *p, const char *end, size_t *len)
{
    static const char *const digits[] = {"〇", "一", "二", "三", "四",
                                         "五", "六", "七", "八", "九"};
    if (p < end && (*p == '0' || *p == 'O' || *p == 'o')) {
        *len = 1;
        return 0;
    }
    for (int i = 0; i < 10; i++) {
        if (has_prefix(p, end, digits[i])) {
            *len = strlen(digits[i]);
            return i;
        }
    }
    if (has_prefix(p, end, "○") || has_prefix(p, end, "零")) {
        *len = 3;
        return 0;
    }
    return -1;
}

/* A Chinese numeral from 1 to 39 (五, 十, 十二, 二十五, 三十一) at p: its
 * end with *v set, or NULL. */
static const char *
cjk_small(const char *p, const char *end, int *v)
{
    size_t n = 0;
    int a = cjk_digit(p, end, &n);
    if (a > 0)
        p += n;
    else
        a = -1;
    if (has_prefix(p, end, "十")) {
        p += strlen("十");
        int tens = a > 0 ? a : 1;
        int b = cjk_digit(p, end, &n);
        if (b > 0)
            p += n;
        *v = tens * 10 + (b > 0 ? b : 0);
        return p;
    }
    if (a <= 0)
        return NULL;
    *v = a;
    return p;
}

/* "二〇二一年二月五日" at p: the end of the date, or NULL. */
static const char *
parse_date_cjk(const char *p, const char *end, ymd_t *d)
{
    d->y = 0;
    for (int i = 0; i < 4; i++) {
        size_t n = 0;
        int v = cjk_digit(p, end, &n);
        if (v < 0)
            return NULL;
        d->y = d->y * 10 + v;
        p += n;
    }
    if (!has_prefix(p, end, "年"))
        return NULL;
    p = cjk_small(p + strlen("年"), end, &d->m);
    if (!p || !has_prefix(p, end, "月"))
        return NULL;
    p = cjk_small(p + strlen("月"), end, &d->d);
    if (!p || !has_prefix(p, end, "日"))
        return NULL;
    return p + strlen("日");
}

/* A valid date in any accepted form at p: its end, or NULL. */
static const char *
parse_date(const char *p, const char *end, ymd_t *d)
{
    const char *q = parse_date_digits(p, end, d);
    if (!q)
        q = parse_date_cjk(p, end, d);
    return q && date_valid(d) ? q : NULL;
}

/* "YYYY-MM-DD" in the arena, or NULL when out of memory. */
static char *
format_date(ogi_arena_t *arena, const ymd_t *d)
{
    char buf[11];
    int parts[3] = {d->y, d->m, d->d};
    int widths[3] = {4, 2, 2};
    size_t o = 0;
    for (int i = 0; i < 3; i++) {
        if (i > 0)
            buf[o++] = '-';
        int v = parts[i];
        for (int k = widths[i] - 1; k >= 0; k--) {
            buf[o + (size_t)k] = (char)('0' + v % 10);
            v /= 10;
        }
        o += (size_t)widths[i];
    }
    return ogi_arena_strndup(arena, buf, o);
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
        size_t k = cjk_at(p, end);
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
        suffix_any(p, open, region_suffixes, OGI_ARRAY_LEN(region_suffixes)))
        end = open;
    const char *suffix = "";
    if (has_suffix(p, end, "人民政府")) {
        suffix = "";
    } else if (has_suffix(p, end, "政府") &&
               suffix_any(p, end - strlen("政府"), region_suffixes,
                          OGI_ARRAY_LEN(region_suffixes))) {
        end -= strlen("政府");
        suffix = "人民政府";
    } else if (has_suffix(p, end, "街道")) {
        suffix = "办事处";
    } else if (suffix_any(p, end, region_suffixes,
                          OGI_ARRAY_LEN(region_suffixes)) &&
               !suffix_any(p, end, zone_suffixes,
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
    if (p >= end || count_chars(p, end) > 40)
        return 0;
    size_t ml = 0;
    if (find_any(p, end, bad, OGI_ARRAY_LEN(bad), &ml))
        return 0;
    for (const char *q = p; q < end; q++)
        if (cjk_at(q, end))
            return 1;
    return 0;
}

/* Whether a title still lacks its agency: no year yet, or the year comes
 * first ("2020年政府信息公开…" under a line "伊美区人民政府"). */
static int
title_needs_agency(const char *p, const char *end)
{
    const char *at, *after;
    return !find_year(p, end, &at, &after) || at == p;
}

/* Whether line k may be a parent region printed above the rest of the
 * title ("淮安市" over "洪泽区人民政府"). */
static int
title_parent_region(const char *p, const char *end)
{
    static const char *const parents[] = {"省", "市", "州", "盟"};
    return count_chars(p, end) <= 10 &&
           suffix_any(p, end, parents, OGI_ARRAY_LEN(parents));
}

/* Line i squeezed (every space removed) into the arena. */
static char *
line_squeezed(ogi_arena_t *arena, const ogi_text_t *t, size_t i, size_t *n)
{
    const ogi_line_t *l = &t->lines[i];
    return ogi_text_squeeze(arena, t->s + l->start, l->end - l->start, n);
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
    return title_like(s, s + n) &&
           (has_suffix(s, s + n, "报告") || has_suffix(s, s + n, "年报"));
}

/*
 * The title, squeezed and joined over up to four lines, found among the
 * first 40 lines before the first heading: the line that ends in 报告/年报
 * and the title lines above it that carry the agency. *title is NULL when
 * there is none. Returns 0 or OGI_ENOMEM.
 */
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
        if (title_end_line(cur, n))
            break;
    }
    if (i == limit)
        return 0;
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
    while (*p < *end && !cjk_at(*p, *end))
        (*p)++;
    if (has_suffix(*p, *end, "关于"))
        *end -= strlen("关于");
    while (*end > *p && !cjk_before(*p, *end) && (*end)[-1] != ')')
        (*end)--;
}

/* The agency named by a squeezed title (NULL when it names none). */
static int
agency_from_title(ogi_arena_t *arena, const char *title, size_t n,
                  char **agency)
{
    const char *end = title + n, *at, *after;
    const char *from = title, *to;
    int year = find_year(title, end, &at, &after);
    if (year && at > title) {
        to = at; /* "江源区2020年度…" */
    } else {
        /* "2020年度哈尔滨市教育局政府信息公开…" or no year at all */
        if (year) {
            from = after;
            if (has_prefix(from, end, "度"))
                from += strlen("度");
        }
        size_t ml = 0;
        to = find_any(from, end, disclosure_words,
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
        size_t n =
            squeeze_into(t->s + l->start, t->s + l->end, buf, sizeof(buf));
        if (n == 0 || n >= sizeof(buf))
            continue;
        const char *end = buf + n;
        if (has_suffix(buf, end, "办公室"))
            end -= strlen("办公室");
        if (!has_suffix(buf, end, "人民政府") || count_chars(buf, end) > 30)
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
    if (!suffix_any(s, q, regions, OGI_ARRAY_LEN(regions)))
        return NULL;
    const char *r = q - 3, *k = r;
    int chars = 0;
    while (chars < 7 && cjk_before(s, k)) {
        k -= 3;
        chars++;
    }
    if (chars < 2 || chars > 6)
        return NULL;
    for (size_t i = 0; i < OGI_ARRAY_LEN(not_first); i++)
        if (has_prefix(k, r, not_first[i]))
            return NULL;
    if (suffix_any(k, r, not_last, OGI_ARRAY_LEN(not_last)))
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
agency_from_mentions(ogi_arena_t *arena, const squeezed_t *sq, char **agency)
{
    cand_t cands[MAX_CANDS];
    size_t ncands = 0;
    const char *q = sq->s;
    *agency = NULL;
    while ((q = find(q, sq->end, "政府")) != NULL) {
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
agency_extract(ogi_report_t *r, const ogi_text_t *t, const squeezed_t *sq,
               size_t first_heading, size_t last_heading, int *title_year)
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
        *title_year = find_year(title, title + tlen, &at, &after);
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
    for (size_t i = 0; i < OGI_ARRAY_LEN(municipalities); i++)
        if ((size_t)(end - p) == strlen(municipalities[i]) &&
            memcmp(p, municipalities[i], (size_t)(end - p)) == 0)
            return OGI_LEVEL_PROVINCE;
    if (has_suffix(p, end, "自治区") || has_suffix(p, end, "省"))
        return OGI_LEVEL_PROVINCE;
    if (suffix_any(p, end, township, OGI_ARRAY_LEN(township)))
        return OGI_LEVEL_TOWNSHIP;
    if (suffix_any(p, end, county, OGI_ARRAY_LEN(county)))
        return OGI_LEVEL_COUNTY;
    if (suffix_any(p, end, prefecture, OGI_ARRAY_LEN(prefecture)))
        return OGI_LEVEL_CITY;
    if (has_suffix(p, end, "市")) {
        /* "苏州市昆山市": a county-level city under a prefecture */
        const char *m = find(p, end - strlen("市"), "市");
        return m ? OGI_LEVEL_COUNTY : OGI_LEVEL_CITY;
    }
    return OGI_LEVEL_UNKNOWN;
}

static ogi_level_t
level_of(const char *agency)
{
    const char *end = agency + strlen(agency);
    if (has_suffix(agency, end, "街道办事处") ||
        has_suffix(agency, end, "街道"))
        return OGI_LEVEL_TOWNSHIP;
    if (has_suffix(agency, end, "行政公署"))
        return OGI_LEVEL_CITY;
    if (has_suffix(agency, end, "人民政府"))
        return region_level(agency, end - strlen("人民政府"));
    if (suffix_any(agency, end, dept_suffixes, OGI_ARRAY_LEN(dept_suffixes)))
        return OGI_LEVEL_DEPARTMENT;
    return OGI_LEVEL_UNKNOWN;
}

/* ---------------------------------------------------------------------
 * Year and publication date
 * ------------------------------------------------------------------ */

/* The year reported on when the title gives none: the statistical period
 * ("统计期限自2021年1月1日起"), else the first year in the first section
 * (its first 3000 bytes, and never in the last section, whose signature
 * date names the next year). */
/* The year of the statistical period ("统计期限自2021年1月1日起"), or 0. */
static int
period_year(const squeezed_t *sq)
{
    const char *at, *after, *p = sq->s;
    size_t ml = 0;
    /* a few mentions at most: each find_any pass may scan the whole text */
    for (int tries = 0;
         tries < 4 && (p = find_any(p, sq->end, period_words,
                                    OGI_ARRAY_LEN(period_words), &ml));
         tries++) {
        p += ml;
        const char *lim = sq->end - p > 60 ? p + 60 : sq->end;
        int y = find_year(p, lim, &at, &after);
        if (y)
            return y;
    }
    return 0;
}

static int
year_from_text(const squeezed_t *sq, int period)
{
    const char *at, *after;
    if (period)
        return period;
    const char *lim = sq->tail > sq->body ? sq->tail : sq->end;
    if (lim - sq->body > 3000)
        lim = sq->body + 3000;
    return find_year(sq->body, lim, &at, &after);
}

/*
 * The publication date: the last line after the last heading that is
 * nothing but a date ("2021年2月5日", "二〇二一年二月五日"), else a header
 * "发布日期：2020-01-31" before the first heading (never one pasted into
 * the body). *out stays NULL when neither exists.
 */
static int
date_extract(ogi_report_t *r, const ogi_text_t *t, size_t first_heading,
             size_t last_heading)
{
    char buf[64];
    ymd_t d;
    for (size_t i = t->nlines; i-- > last_heading && i < t->nlines;) {
        const ogi_line_t *l = &t->lines[i];
        size_t n =
            squeeze_into(t->s + l->start, t->s + l->end, buf, sizeof(buf));
        if (n == 0 || n >= sizeof(buf))
            continue;
        if (parse_date(buf, buf + n, &d) == buf + n) {
            r->meta.published_on = format_date(r->arena, &d);
            return r->meta.published_on ? 0 : OGI_ENOMEM;
        }
    }
    for (size_t i = 0; i < first_heading && i < t->nlines; i++) {
        const ogi_line_t *l = &t->lines[i];
        const char *p = t->s + l->start, *end = t->s + l->end;
        size_t ml = 0;
        const char *k =
            find_any(p, end, date_labels, OGI_ARRAY_LEN(date_labels), &ml);
        if (!k)
            continue;
        size_t n = squeeze_into(k + ml, end, buf, sizeof(buf));
        if (n >= sizeof(buf))
            n = sizeof(buf) - 1;
        const char *q = buf;
        if (q < buf + n && *q == ':')
            q++;
        if (parse_date(q, buf + n, &d)) {
            r->meta.published_on = format_date(r->arena, &d);
            return r->meta.published_on ? 0 : OGI_ENOMEM;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------------
 * Contact
 * ------------------------------------------------------------------ */

/* Where contact details are searched: a region of the squeezed text. */
typedef struct {
    const char *p; /* start of the intro, or of one body sentence */
    const char *end;
    int body; /* items need a label and a disclosure word nearby */
} region_t;

/* Whether one of the words occurs in the window bytes before p (not
 * before start). */
static int
near_before(const char *start, const char *p, const char *const *words,
            size_t n, size_t window)
{
    const char *from = (size_t)(p - start) > window ? p - window : start;
    size_t ml = 0;
    return find_any(from, p, words, n, &ml) != NULL;
}

/*
 * Whether an item at z may be taken. In the intro anything goes; in the
 * body the item needs its label just before (labels NULL: the caller found
 * it after its label) and a word about the disclosure work within about 30
 * characters: "区政府信息公开联系电话：0468-3357660" qualifies, a citizen's
 * "（承办单位：物业站，联系电话：…）" pasted into section 一 does not.
 * Headings carry no 。, so a sentence can run from such junk into the next
 * section; the window keeps its words apart.
 */
static int
item_ok(const region_t *rg, const char *z, const char *const *labels,
        size_t nlabels)
{
    if (!rg->body)
        return 1;
    if (labels && !near_before(rg->p, z, labels, nlabels, 30))
        return 0;
    return near_before(rg->p, z, topic_words, OGI_ARRAY_LEN(topic_words), 100);
}

/* Whether the number at p is labelled as a fax: "传真：0451-…" with no
 * "电话" just before that label. */
static int
is_fax(const char *start, const char *p)
{
    const char *q = p;
    if (q > start && q[-1] == ':')
        q--;
    if (!has_suffix(start, q, "传真"))
        return 0;
    q -= strlen("传真");
    const char *from = q - start > 9 ? q - 9 : start;
    return find(from, q, "电话") == NULL;
}

/*
 * A telephone number "0451-84015515" or "(0451)84015515" at p: writes
 * "0451-84015515" to out and returns the end of the number, or NULL. The
 * area code is 0 and 2-3 digits, the number 7-8 digits, and no digit may
 * touch either end.
 */
static const char *
phone_at(const char *start, const char *p, const char *end, char out[16])
{
    int paren = p > start && p[-1] == '(';
    if (p > start && !paren &&
        (ogi_text_is_alnum((unsigned char)p[-1]) || p[-1] == '-' ||
         p[-1] == '.'))
        return NULL;
    const char *q = p;
    while (q < end && ogi_text_is_digit((unsigned char)*q) && q - p < 5)
        q++;
    size_t area = (size_t)(q - p);
    if (*p != '0' || p[1] == '0' || area < 3 || area > 4 || q >= end)
        return NULL;
    if (!(*q == '-' || (paren && *q == ')')))
        return NULL;
    const char *num = ++q;
    while (q < end && ogi_text_is_digit((unsigned char)*q) && q - num < 9)
        q++;
    size_t digits = (size_t)(q - num);
    if (digits < 7 || digits > 8)
        return NULL;
    memcpy(out, p, area);
    out[area] = '-';
    memcpy(out + area + 1, num, digits);
    out[area + 1 + digits] = '\0';
    return q;
}

/* Adds a phone unless it is already there or the list is full. */
static int
phone_add(ogi_arena_t *arena, ogi_meta_t *m, const char *phone)
{
    for (size_t i = 0; i < m->nphones; i++)
        if (strcmp(m->phones[i], phone) == 0)
            return 0;
    if (m->nphones == OGI_MAX_PHONES)
        return 0;
    char *s = ogi_arena_strdup(arena, phone);
    if (!s)
        return OGI_ENOMEM;
    m->phones[m->nphones++] = s;
    return 0;
}

/* Telephone numbers of the region, in order. */
static int
scan_phones(ogi_arena_t *arena, ogi_meta_t *m, const region_t *rg)
{
    const char *p = rg->p, *end = rg->end;
    char phone[16];
    for (const char *q = p; q < end;) {
        const char *z = memchr(q, '0', (size_t)(end - q));
        if (!z)
            break;
        const char *after = phone_at(p, z, end, phone);
        if (!after) {
            q = z + 1;
            continue;
        }
        q = after;
        if (is_fax(p, z))
            continue;
        if (!item_ok(rg, z, phone_labels, OGI_ARRAY_LEN(phone_labels)))
            continue;
        int rc = phone_add(arena, m, phone);
        if (rc)
            return rc;
    }
    return 0;
}

/* The postal code after 邮编/邮政编码 in the region: six digits, alone. */
static int
scan_postal(ogi_arena_t *arena, ogi_meta_t *m, const region_t *rg)
{
    const char *p = rg->p, *end = rg->end, *k;
    /* both labels start with 邮: one pass over the region, never one per
     * label and hit, which would be quadratic on hostile input */
    while (!m->postal_code && (k = find(p, end, "邮")) != NULL) {
        size_t ml = 0;
        for (size_t i = 0; i < OGI_ARRAY_LEN(postal_labels) && !ml; i++)
            if (has_prefix(k, end, postal_labels[i]))
                ml = strlen(postal_labels[i]);
        if (!ml) {
            p = k + strlen("邮");
            continue;
        }
        const char *q = k + ml;
        if (q < end && *q == ':')
            q++;
        else if (has_prefix(q, end, "为") || has_prefix(q, end, "是"))
            q += strlen("为");
        int v;
        const char *z = read_uint(q, end, 6, &v);
        if (z && z - q == 6 &&
            (z == end || !ogi_text_is_digit((unsigned char)*z)) &&
            item_ok(rg, k, NULL, 0)) {
            m->postal_code = ogi_arena_strndup(arena, q, 6);
            if (!m->postal_code)
                return OGI_ENOMEM;
        }
        p = q;
    }
    return 0;
}

static int
email_local_char(int c)
{
    return ogi_text_is_alnum(c) || c == '.' || c == '_' || c == '%' ||
           c == '+' || c == '-';
}

static int
email_domain_char(int c)
{
    return ogi_text_is_alnum(c) || c == '.' || c == '-';
}

/* Whether [p, end) is a domain with a dot and a top-level part of two or
 * more letters. */
static int
domain_ok(const char *p, const char *end)
{
    const char *dot = NULL;
    for (const char *q = p; q < end; q++)
        if (*q == '.')
            dot = q;
    if (!dot || dot == p || end - dot < 3)
        return 0;
    for (const char *q = dot + 1; q < end; q++)
        if (!ogi_text_is_alpha((unsigned char)*q))
            return 0;
    return 1;
}

/* The first e-mail address of the region. */
static int
scan_email(ogi_arena_t *arena, ogi_meta_t *m, const region_t *rg)
{
    const char *p = rg->p, *end = rg->end;
    for (const char *q = p; !m->email && q < end;) {
        const char *at = memchr(q, '@', (size_t)(end - q));
        if (!at)
            break;
        const char *a = at, *b = at + 1;
        while (a > p && email_local_char((unsigned char)a[-1]))
            a--;
        while (b < end && email_domain_char((unsigned char)*b))
            b++;
        while (b > at + 1 && (b[-1] == '.' || b[-1] == '-'))
            b--;
        q = at + 1;
        if (a == at || !domain_ok(at + 1, b))
            continue;
        if (!item_ok(rg, a, email_labels, OGI_ARRAY_LEN(email_labels)))
            continue;
        m->email = ogi_arena_strndup(arena, a, (size_t)(b - a));
        if (!m->email)
            return OGI_ENOMEM;
    }
    return 0;
}

/* Where the address starting at p ends: the first , ; 。 、 " or unmatched
 * ) or a following label (邮编, 电话…); NULL when there is none within
 * 200 bytes. */
static const char *
address_end(const char *p, const char *end)
{
    const char *lim = end - p > 200 ? p + 200 : end;
    size_t ml = 0;
    const char *stop =
        find_any(p, lim, address_stops, OGI_ARRAY_LEN(address_stops), &ml);
    if (stop)
        lim = stop;
    int depth = 0;
    for (const char *q = p; q < lim; q++) {
        if (*q == ',' || *q == ';' || *q == '"' || has_prefix(q, lim, "。") ||
            has_prefix(q, lim, "、"))
            return q;
        if (*q == '(')
            depth++;
        else if (*q == ')' && depth-- == 0)
            return q;
    }
    return stop || lim == end ? lim : NULL;
}

/* A copy of [p, end) without spaces, in the arena; NULL on OOM. */
static char *
dup_nospace(ogi_arena_t *arena, const char *p, const char *end)
{
    return ogi_text_squeeze(arena, p, (size_t)(end - p), NULL);
}

/* The first address after 地址 (联系地址, 通讯地址…, not 网站地址) in the
 * region. */
static int
scan_address(ogi_arena_t *arena, ogi_meta_t *m, const region_t *rg)
{
    const char *p = rg->p, *end = rg->end;
    static const char *const web[] = {"网", "站", "页", "箱", "件", "络"};
    const char *k = p;
    while (!m->address && (k = find(k, end, "地址")) != NULL) {
        const char *before = k;
        k += strlen("地址");
        if (suffix_any(p, before, web, OGI_ARRAY_LEN(web)) ||
            !item_ok(rg, before, NULL, 0))
            continue;
        const char *q = k;
        if (q < end && *q == ':')
            q++;
        else if (has_prefix(q, end, "为") || has_prefix(q, end, "是"))
            q += strlen("为");
        const char *e = address_end(q, end);
        if (!e)
            continue;
        size_t nchars = count_chars(q, e);
        int cjk = 0;
        for (const char *z = q; z < e && !cjk; z++)
            cjk = cjk_at(z, e) != 0;
        if (nchars < 4 || !cjk)
            continue;
        m->address = dup_nospace(arena, q, e);
        if (!m->address)
            return OGI_ENOMEM;
    }
    return 0;
}

static int
scan_contact(ogi_arena_t *arena, ogi_meta_t *m, const char *p, const char *end,
             int body)
{
    region_t rg = {p, end, body};
    int rc = scan_phones(arena, m, &rg);
    if (!rc)
        rc = scan_postal(arena, m, &rg);
    if (!rc)
        rc = scan_email(arena, m, &rg);
    if (!rc)
        rc = scan_address(arena, m, &rg);
    return rc;
}

/* The end of the sentence starting at p: its 。 ! or ?, or end. Not ';':
 * contact lists separate their items with it ("电话：…；电子邮箱：…"). */
static const char *
sentence_end(const char *p, const char *end)
{
    const char *e = p < end ? ogi_text_find(p, (size_t)(end - p), "。") : NULL;
    if (!e)
        e = end;
    const char *x = memchr(p, '!', (size_t)(e - p));
    if (x)
        e = x;
    x = memchr(p, '?', (size_t)(e - p));
    return x ? x : e;
}

/* Start of the sentence holding q: just after the last 。 ! ? in [p, q). */
static const char *
sentence_start(const char *p, const char *q)
{
    for (const char *b = q; b > p; b--) {
        if (b[-1] == '!' || b[-1] == '?')
            return b;
        if (b - p >= 3 && memcmp(b - 3, "。", 3) == 0)
            return b;
    }
    return p;
}

/*
 * Contact details: everything in the intro (the part before the first
 * heading, where reports print their contact), then, in the body, only
 * sentences that name a contact, and there only items labelled and close
 * to a word about the disclosure work (item_ok).
 */
static int
contact_extract(ogi_report_t *r, const squeezed_t *sq)
{
    int rc = scan_contact(r->arena, &r->meta, sq->s, sq->body, 0);
    /* jump from one contact word to the next rather than walking every
     * sentence: most of a report names no contact at all */
    /* the next occurrence of each contact word, found once and moved on
     * only when passed: one scan of the body per word in all */
    enum { NW = OGI_ARRAY_LEN(contact_words) };
    const char *next[NW];
    for (size_t i = 0; i < NW; i++)
        next[i] = find(sq->body, sq->end, contact_words[i]);
    for (const char *p = sq->body; !rc && p < sq->end;) {
        size_t ml = 0;
        const char *q = NULL;
        for (size_t i = 0; i < NW; i++) {
            if (next[i] && next[i] < p)
                next[i] = find(p, sq->end, contact_words[i]);
            if (next[i] && (!q || next[i] < q))
                q = next[i];
        }
        if (!q)
            break;
        const char *b = sentence_start(p, q);
        const char *e = sentence_end(q, sq->end);
        if (find_any(b, e, topic_words, OGI_ARRAY_LEN(topic_words), &ml))
            rc = scan_contact(r->arena, &r->meta, b, e, 1);
        p = e < sq->end ? e + ogi_utf8_len(e, sq->end) : e;
    }
    return rc;
}

/* ---------------------------------------------------------------------
 * Province
 * ------------------------------------------------------------------ */

/* A provincial document number at p: the abbreviation, 政/府/办, up to
 * three of 办厅发函字规明电, then a bracket and a year ("黑政办发〔2020〕"). */
static int
docno_at(const char *p, const char *end)
{
    static const char *const second[] = {"政", "府", "办"};
    static const char *const middle[] = {"办", "厅", "发", "函",
                                         "字", "规", "明", "电"};
    static const char *const brackets[] = {"〔", "[", "(", "【", "〈"};
    int ok = 0;
    if (end - p < 3)
        return 0;
    for (size_t i = 0; i < OGI_ARRAY_LEN(second) && !ok; i++)
        ok = memcmp(p, second[i], 3) == 0;
    if (!ok)
        return 0;
    p += 3;
    for (int n = 0; n < 3; n++) {
        int more = 0;
        for (size_t i = 0; i < OGI_ARRAY_LEN(middle) && !more && end - p >= 3;
             i++)
            more = memcmp(p, middle[i], 3) == 0;
        if (!more)
            break;
        p += 3;
    }
    for (size_t i = 0; i < OGI_ARRAY_LEN(brackets); i++) {
        if (has_prefix(p, end, brackets[i])) {
            const char *q = p + strlen(brackets[i]);
            int v;
            const char *z = read_uint(q, end, 4, &v);
            return z && z - q == 4 && v >= 1990 && v <= 2099;
        }
    }
    return 0;
}

/* The province most often cited by provincial document numbers (the
 * first cited on a tie), or NULL. */
static const char *
province_from_docno(const squeezed_t *sq)
{
    unsigned counts[OGI_ARRAY_LEN(docno_abbrs)] = {0};
    size_t first[OGI_ARRAY_LEN(docno_abbrs)] = {0};
    size_t order = 0;
    /* a character at a time (an abbreviation only starts a character);
     * the cheap test first: most text is no docno, and 政 府 办 all start
     * with byte E5 or E6 */
    for (const char *q = sq->s; sq->end - q >= 6;) {
        unsigned char c = (unsigned char)*q;
        size_t step = c < 0xE0 ? 1 : c < 0xF0 ? 3 : 4;
        if (step != 3 ||
            ((unsigned char)q[3] != 0xE5 && (unsigned char)q[3] != 0xE6) ||
            !cjk_at(q, sq->end) || !docno_at(q + 3, sq->end)) {
            q += step;
            continue;
        }
        for (size_t i = 0; i < OGI_ARRAY_LEN(docno_abbrs); i++) {
            if (has_prefix(q, sq->end, docno_abbrs[i].key)) {
                if (counts[i]++ == 0)
                    first[i] = ++order;
                break;
            }
        }
        q += 3;
    }
    const char *best = NULL;
    size_t bi = 0;
    for (size_t i = 0; i < OGI_ARRAY_LEN(docno_abbrs); i++) {
        if (!counts[i])
            continue;
        if (!best || counts[i] > counts[bi] ||
            (counts[i] == counts[bi] && first[i] < first[bi])) {
            best = docno_abbrs[i].province;
            bi = i;
        }
    }
    return best;
}

/* The province whose full name occurs first in [p, end), or NULL. */
static const char *
province_named(const char *p, const char *end)
{
    size_t ml = 0;
    const char *q =
        find_any(p, end, province_names, OGI_ARRAY_LEN(province_names), &ml);
    if (!q)
        return NULL;
    for (size_t i = 0; i < OGI_ARRAY_LEN(province_names); i++)
        if (has_prefix(q, end, province_names[i]) &&
            strlen(province_names[i]) == ml)
            return province_names[i];
    return NULL;
}

/* The province in the order of trust: postal code, document numbers, a
 * name in the agency or the title and intro, the first area code. */
static const char *
province_find(const ogi_meta_t *m, const squeezed_t *sq)
{
    const char *p = NULL;
    if (m->postal_code)
        p = map_longest_prefix(postal_prefixes, OGI_ARRAY_LEN(postal_prefixes),
                               m->postal_code,
                               m->postal_code + strlen(m->postal_code));
    if (!p)
        p = province_from_docno(sq);
    if (!p && m->agency)
        p = province_named(m->agency, m->agency + strlen(m->agency));
    if (!p)
        p = province_named(sq->s, sq->body);
    if (!p && m->nphones > 0)
        p = map_longest_prefix(area_prefixes, OGI_ARRAY_LEN(area_prefixes),
                               m->phones[0], strchr(m->phones[0], '-'));
    return p;
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

    squeezed_t sq;
    int title_year = 0;
    squeeze_text(t, first_heading, last_heading, &sq);
    int rc = agency_extract(report, t, &sq, first_heading, last_heading,
                            &title_year);
    if (!rc)
        rc = date_extract(report, t, first_heading, last_heading);
    if (!rc)
        rc = contact_extract(report, &sq);
    if (rc)
        return rc;
    m->title_year = title_year;
    m->period_year = period_year(&sq);
    m->year = title_year ? title_year : year_from_text(&sq, m->period_year);
    m->admin_level = m->agency ? level_of(m->agency) : OGI_LEVEL_UNKNOWN;
    const char *prov = province_find(m, &sq);
    if (prov) {
        m->province = ogi_arena_strdup(report->arena, prov);
        if (!m->province)
            return OGI_ENOMEM;
    }
    return 0;
}
