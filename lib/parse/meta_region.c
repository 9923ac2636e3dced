/*
 * meta_region.c - the province a report comes from (meta.c), and the
 * tables that tell it: province names, postal-code prefixes, telephone
 * area codes and the abbreviations of provincial document numbers.
 *
 * In the order of trust: the postal code; a provincial document number
 * (黑政办发〔…〕); a province named in the agency, title or intro; the
 * telephone area code. Thread-safe: the tables are const.
 */
#include "ogi_int.h"

#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#include "meta_int.h"
#include "ogi/text.h"

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
/* Longest entry of map whose key is a prefix of [p, end), or NULL. */
static const char *
map_longest_prefix(const prov_map_t *map, size_t n, const char *p,
                   const char *end)
{
    const char *best = NULL;
    size_t best_len = 0;
    if (p >= end)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        /* most keys differ in their first byte: measured only if not */
        if (map[i].key[0] != *p)
            continue;
        size_t k = strlen(map[i].key);
        if (k > best_len && ogi_text_has_prefix(p, end, map[i].key)) {
            best = map[i].province;
            best_len = k;
        }
    }
    return best;
}

/* ---------------------------------------------------------------------
 * Province
 * ------------------------------------------------------------------ */

/* 1 when a document number's bracket and year start at p ("〔2020"). */
static int
bracket_year_at(const char *p, const char *end)
{
    static const char *const brackets[] = {"〔", "[", "(", "【", "〈"};
    /* the brackets start with E3 ('〔' '【' '〈'), '[' or '(': most places
     * have none of those */
    if (p >= end || ((unsigned char)*p != 0xE3 && *p != '[' && *p != '('))
        return 0;
    for (size_t i = 0; i < OGI_ARRAY_LEN(brackets); i++) {
        if (ogi_text_has_prefix(p, end, brackets[i])) {
            const char *q = p + strlen(brackets[i]);
            int v;
            const char *z = ogi__meta_read_uint(q, end, 4, &v);
            return z && z - q == 4 && v >= 1990 && v <= 2099;
        }
    }
    return 0;
}

/* The middle characters of a document number, between 政/府/办 and the
 * bracket: each three bytes with a lead E5-E8, so that no byte of theirs
 * starts a bracket. */
#define DOCNO_MIDDLE_MAX 3

/* A provincial document number at p: the abbreviation, 政/府/办, up to
 * three of 办厅发函字规明电, then a bracket and a year ("黑政办发〔2020〕"). */
static int
docno_at(const char *p, const char *end)
{
    static const char *const second[] = {"政", "府", "办"};
    static const char *const middle[] = {"办", "厅", "发", "函",
                                         "字", "规", "明", "电"};
    int ok = 0;
    if (end - p < 3)
        return 0;
    for (size_t i = 0; i < OGI_ARRAY_LEN(second) && !ok; i++)
        ok = memcmp(p, second[i], 3) == 0;
    if (!ok)
        return 0;
    p += 3;
    for (int n = 0; n < DOCNO_MIDDLE_MAX; n++) {
        int more = 0;
        for (size_t i = 0; i < OGI_ARRAY_LEN(middle) && !more && end - p >= 3;
             i++)
            more = memcmp(p, middle[i], 3) == 0;
        if (!more)
            break;
        p += 3;
    }
    return bracket_year_at(p, end);
}

/* Bit k of the sixteen places at p: a bracket may start at p + k ('(',
 * '[', or E3 80 and 88, 90 or 94: 〈 【 〔, not the common 。、《》).
 * Reads p[0, 18). */
#if defined(__SSE2__) && defined(__GNUC__)
static inline unsigned
brackets16(const char *p)
{
    __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
    __m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)(p + 2));
    __m128i ascii = _mm_or_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8('(')),
                                 _mm_cmpeq_epi8(v0, _mm_set1_epi8('[')));
    __m128i third =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0x88)),
                                  _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0x90))),
                     _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0x94)));
    __m128i cjk = _mm_and_si128(
        _mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xE3)),
                      _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x80))),
        third);
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(ascii, cjk));
}
#endif

/* The place after p where a document number's bracket and year start
 * (bracket_year_at), or NULL. */
static const char *
next_bracket_year(const char *p, const char *end)
{
#if defined(__SSE2__) && defined(__GNUC__)
    for (; end - p >= 18; p += 16)
        for (unsigned m = brackets16(p); m; m &= m - 1) {
            const char *x = p + __builtin_ctz(m);
            if (bracket_year_at(x, end))
                return x;
        }
#endif
    for (; p < end; p++)
        if (bracket_year_at(p, end))
            return p;
    return NULL;
}

/* The province most often cited by provincial document numbers (the
 * first cited on a tie), or NULL. */
static const char *
province_from_docno(const ogi__meta_squeezed_t *sq)
{
    unsigned counts[OGI_ARRAY_LEN(docno_abbrs)] = {0};
    size_t first[OGI_ARRAY_LEN(docno_abbrs)] = {0};
    size_t order = 0;
    /* a document number ends in a bracket and a year, far rarer than its
     * 政, 府 or 办 (政府 is in every other sentence): each found, the
     * places up to DOCNO_MIDDLE_MAX characters before it that the 政/府/办
     * may be at, nearest last, so that the places come in order. A place
     * at or before one tried already is no document number's: the bracket
     * tried it for stands between it and any bracket after (none of the
     * middle characters' bytes starts a bracket) */
    const char *s = sq->s, *end = sq->end, *tried = NULL;
    for (const char *p = next_bracket_year(s, end); p;
         p = next_bracket_year(p + 1, end)) {
        for (int m = DOCNO_MIDDLE_MAX; m >= 0; m--) {
            /* the abbreviation, a character, before x */
            if (p - s < 6 + 3 * m)
                continue;
            const char *x = p - 3 - 3 * m, *q = x - 3;
            if (tried && x <= tried)
                continue;
            tried = x;
            if ((unsigned char)*q < 0xE0 || (unsigned char)*q >= 0xF0 ||
                !ogi_text_cjk_at(q, end) || !docno_at(x, end))
                continue;
            for (size_t i = 0; i < OGI_ARRAY_LEN(docno_abbrs); i++) {
                if (ogi_text_has_prefix(q, end, docno_abbrs[i].key)) {
                    if (counts[i]++ == 0)
                        first[i] = ++order;
                    break;
                }
            }
        }
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
    const char *q = ogi_text_find_any(p, end, province_names,
                                      OGI_ARRAY_LEN(province_names), &ml);
    if (!q)
        return NULL;
    for (size_t i = 0; i < OGI_ARRAY_LEN(province_names); i++)
        if (ogi_text_has_prefix(q, end, province_names[i]) &&
            strlen(province_names[i]) == ml)
            return province_names[i];
    return NULL;
}

/* The province in the order of trust: postal code, document numbers, a
 * name in the agency or the title and intro, the first area code. */
const char *
ogi__meta_province_find(const ogi_meta_t *m, const ogi__meta_squeezed_t *sq)
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

int
ogi__meta_is_municipality(const char *p, const char *end)
{
    for (size_t i = 0; i < OGI_ARRAY_LEN(municipalities); i++)
        if ((size_t)(end - p) == strlen(municipalities[i]) &&
            memcmp(p, municipalities[i], (size_t)(end - p)) == 0)
            return 1;
    return 0;
}
