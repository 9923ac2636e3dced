/*
 * agency.c - agency names normalised and resolved to a division and a
 * department (include/ogi/agency.h has the rules), against the division
 * table of agency_divisions.c.
 */
#include "ogi_int.h"

#include <stdio.h>
#include <string.h>

#include "agency_int.h"
#include "ogi/agency.h"

#define NAME_MAX_BYTES 1000

/* the table, read only here */
static const ogi__division_t *const divs = ogi__agency_divs;

/* ---- small UTF-8 string helpers ---- */

typedef struct {
    char *s;  /* the buffer */
    size_t n; /* bytes used */
} str_t;

static int
starts(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && memcmp(s, w, k) == 0;
}

static int
ends(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && memcmp(s + n - k, w, k) == 0;
}

static size_t
u8len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Rule 1: full-width ASCII folded, spaces removed, into out (cap > n). */
static size_t
fold(const char *in, size_t n, char *out)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
            c == '\v') {
            i++;
            continue;
        }
        if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) { /* U+00A0 */
            i += 2;
            continue;
        }
        if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x80) {
            i += 3; /* U+3000 */
            continue;
        }
        if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] >= 0x8B &&
            s[i + 2] <= 0x8D) {
            i += 3; /* U+200B..U+200D */
            continue;
        }
        if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF) {
            i += 3; /* U+FEFF */
            continue;
        }
        if (c == 0xEF && i + 2 < n) {
            /* U+FF01..U+FF5E: EF BC 81..BF, EF BD 80..9E */
            unsigned cp = ((unsigned)(s[i + 1] & 0x3F) << 6) |
                          (unsigned)(s[i + 2] & 0x3F);
            cp |= 0xF000;
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                out[o++] = (char)(cp - 0xFF01 + 0x21);
                i += 3;
                continue;
            }
        }
        size_t k = u8len(c);
        if (i + k > n)
            k = n - i;
        memcpy(out + o, s + i, k);
        o += k;
        i += k;
    }
    out[o] = '\0';
    return o;
}

static const char *const openers[] = {"《", "【", "「", "“", "〔",
                                      "\"", "'",  "[",  "<", "‘"};
static const char *const closers[] = {"》", "】", "」", "”", "〕",
                                      "\"", "'",  "]",  ">", "’"};

/* Title tails, longest first (rule 2). */
static const char *const tails[] = {
    "政府信息公开工作年度报告",
    "政府信息公开年度报告",
    "信息公开工作年度报告",
    "信息公开年度报告",
    "政务公开工作年度报告",
    "工作年度报告",
    "年度报告",
};

/* Drops a trailing (or leading) "2023年度"/"2023年"; returns new length. */
static size_t
drop_year_tail(char *s, size_t n)
{
    size_t k = n;
    if (ends(s, k, "年度"))
        k -= 6;
    else if (ends(s, k, "年"))
        k -= 3;
    else
        return n;
    size_t d = k;
    while (d > 0 && s[d - 1] >= '0' && s[d - 1] <= '9')
        d--;
    if (k - d != 4)
        return n;
    s[d] = '\0';
    return d;
}

/* Rule 2: wrappers dropped in place. */
static size_t
unwrap(char *s, size_t n)
{
    for (int changed = 1; changed && n > 0;) {
        changed = 0;
        for (size_t i = 0; i < OGI_ARRAY_LEN(openers); i++) {
            size_t a = strlen(openers[i]), b = strlen(closers[i]);
            if (starts(s, n, openers[i]) && ends(s, n, closers[i]) &&
                n >= a + b) {
                memmove(s, s + a, n - a - b);
                n -= a + b;
                changed = 1;
            } else if (starts(s, n, openers[i]) && n > a &&
                       !strstr(s + a, closers[i])) {
                memmove(s, s + a, n - a);
                n -= a;
                changed = 1;
            } else if (ends(s, n, closers[i]) && n > b) {
                s[n] = '\0';
                const char *o = strstr(s, openers[i]);
                if (!o || openers[i][0] == closers[i][0]) {
                    n -= b;
                    changed = 1;
                }
            }
            s[n] = '\0';
        }
        /* a trailing remark in brackets: "(本级)", "（2023年）" */
        if (n > 0 && s[n - 1] == ')') {
            char *o = strrchr(s, '(');
            if (o && o > s) {
                n = (size_t)(o - s);
                s[n] = '\0';
                changed = 1;
            }
        }
        for (size_t i = 0; i < OGI_ARRAY_LEN(tails); i++) {
            if (ends(s, n, tails[i]) && n > strlen(tails[i])) {
                n -= strlen(tails[i]);
                s[n] = '\0';
                changed = 1;
                break;
            }
        }
        size_t m = drop_year_tail(s, n);
        if (m != n && m > 0) {
            n = m;
            changed = 1;
        }
        /* a leading year: "2023年度洪泽区..." */
        size_t d = 0;
        while (d < n && s[d] >= '0' && s[d] <= '9')
            d++;
        if (d == 4 &&
            (starts(s + d, n - d, "年度") || starts(s + d, n - d, "年"))) {
            size_t k = d + (starts(s + d, n - d, "年度") ? 6 : 3);
            if (k < n) {
                memmove(s, s + k, n - k);
                n -= k;
                changed = 1;
            }
        }
        s[n] = '\0';
    }
    return n;
}

/* Short forms of departments written out (rule 5): whole suffixes. */
static const char *const shorts[][2] = {
    {"卫健委", "卫生健康委员会"},       {"卫健局", "卫生健康局"},
    {"发改委", "发展和改革委员会"},     {"发改局", "发展和改革局"},
    {"住建局", "住房和城乡建设局"},     {"住建委", "住房和城乡建设委员会"},
    {"住建厅", "住房和城乡建设厅"},     {"人社局", "人力资源和社会保障局"},
    {"人社厅", "人力资源和社会保障厅"}, {"市监局", "市场监督管理局"},
    {"文旅局", "文化和旅游局"},         {"文旅厅", "文化和旅游厅"},
    {"科委", "科学技术委员会"},         {"科技局", "科学技术局"},
    {"科技厅", "科学技术厅"},           {"管委会", "管理委员会"},
    {"街道办", "街道办事处"},           {"办事事处", "办事处"},
};

/* Rule 5 on the department text d (in place, cap bytes). */
static size_t
expand_dept(char *d, size_t n, size_t cap)
{
    for (size_t i = 0; i < OGI_ARRAY_LEN(shorts); i++) {
        size_t a = strlen(shorts[i][0]), b = strlen(shorts[i][1]);
        if (ends(d, n, shorts[i][0]) && n - a + b < cap) {
            memcpy(d + n - a, shorts[i][1], b);
            n = n - a + b;
            d[n] = '\0';
        }
    }
    /* a town's government: "X镇", "X镇政府" → "X镇人民政府" */
    static const char *const town[] = {"镇", "乡"};
    for (size_t i = 0; i < OGI_ARRAY_LEN(town); i++) {
        char w[16];
        snprintf(w, sizeof(w), "%s政府", town[i]);
        if (ends(d, n, w) && !ends(d, n, "人民政府")) {
            n -= strlen("政府");
            d[n] = '\0';
        }
        if (ends(d, n, town[i]) && n > 3 && n + 12 < cap) {
            memcpy(d + n, "人民政府", 13);
            n += 12;
        }
    }
    if (ends(d, n, "街道") && n > 6 && n + 9 < cap) {
        memcpy(d + n, "办事处", 10);
        n += 9;
    }
    d[n] = '\0';
    return n;
}

/* ---- resolution ---- */
/* A place read at the start of the rest of the name. */
typedef struct {
    int cand[64]; /* division indexes */
    int n;
    size_t len; /* bytes of the name read */
} step_t;

/* The longest name at s[0..n) whose divisions lie under one of prev's
 * (any division when prev is NULL); fills *st, 0 when none. */
static int
read_place(const char *s, size_t n, const step_t *prev, step_t *st)
{
    size_t lim = n < ogi__agency_longest() ? n : ogi__agency_longest();
    /* candidate lengths on character boundaries, longest first */
    size_t bounds[64];
    int nb = 0;
    for (size_t i = 0; i < lim && nb < 64;) {
        i += u8len((unsigned char)s[i]);
        if (i <= lim)
            bounds[nb++] = i;
    }
    for (int b = nb - 1; b >= 0; b--) {
        size_t len = bounds[b];
        if (len < 6)
            break; /* two characters at least */
        const ogi__division_slot_t *sl = ogi__agency_lookup(s, len);
        if (!sl)
            continue;
        st->n = 0;
        st->len = len;
        for (int k = sl->first; k >= 0 && st->n < 64;
             k = sl->alias ? -1 : divs[k].next_same) {
            int ok = !prev;
            for (int j = 0; prev && j < prev->n && !ok; j++)
                ok = ogi__agency_is_ancestor(prev->cand[j], k);
            if (ok)
                st->cand[st->n++] = k;
        }
        if (st->n > 0)
            return 1;
    }
    return 0;
}

static void
copy(char *dst, size_t cap, const char *src, size_t n)
{
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static int
hint_province(const char *hint)
{
    if (!hint || !*hint)
        return -1;
    if (hint[0] >= '0' && hint[0] <= '9' && hint[1] >= '0' && hint[1] <= '9') {
        char code[7];
        snprintf(code, sizeof(code), "%.2s0000", hint);
        return ogi__agency_find_code(code);
    }
    char buf[256];
    size_t n = strlen(hint);
    if (n >= sizeof(buf))
        return -1;
    n = fold(hint, n, buf);
    const ogi__division_slot_t *sl = ogi__agency_lookup(buf, n);
    if (!sl)
        return -1;
    for (int k = sl->first; k >= 0; k = sl->alias ? -1 : divs[k].next_same)
        if (divs[k].level == OGI_AGENCY_PROVINCE)
            return k;
    return -1;
}

static void
fill_names(ogi_agency_t *out, int d)
{
    memcpy(out->code, divs[d].code, 7);
    out->level = (ogi_agency_level_t)divs[d].level;
    for (int k = d; k >= 0; k = divs[k].parent) {
        if (divs[k].level == OGI_AGENCY_PROVINCE)
            out->province = divs[k].name;
        else if (divs[k].level == OGI_AGENCY_PREFECTURE)
            out->prefecture = divs[k].name;
        else
            out->county = divs[k].name;
    }
}

/* The department (rules 4-5) of rest[0..n) under a division of level lv
 * (a statistical unit when zone): writes out->department and ->kind. */
static void
department(const char *rest, size_t n, int lv, ogi_agency_t *out)
{
    char d[sizeof(out->department)];
    int gov = 0;
    if (starts(rest, n, "人民政府")) {
        rest += 12, n -= 12, gov = 1;
    } else if (starts(rest, n, "政府")) {
        rest += 6, n -= 6, gov = 1;
    } else if (starts(rest, n, "行政公署")) {
        rest += 12, n -= 12, gov = 1; /* a 地区's or 盟's government */
    } else if (starts(rest, n, "行署")) {
        rest += 6, n -= 6, gov = 1;
    }
    const char *office =
        lv == OGI_AGENCY_PROVINCE ? "人民政府办公厅" : "人民政府办公室";
    int zone_gov = !gov && ((n == 15 && memcmp(rest, "管理委员会", 15) == 0) ||
                            (n == 9 && memcmp(rest, "管委会", 9) == 0));
    if (n == 0 || zone_gov) {
        out->kind = OGI_AGENCY_GOVERNMENT;
        copy(out->department, sizeof(out->department),
             n == 0 ? "人民政府" : "管理委员会", n == 0 ? 12 : 15);
        return;
    }
    if ((n == 9 &&
         (memcmp(rest, "办公室", 9) == 0 || memcmp(rest, "办公厅", 9) == 0)) ||
        (gov && n == 3 && memcmp(rest, "办", 3) == 0) ||
        (!gov && n == 9 && memcmp(rest, "政府办", 9) == 0) ||
        (!gov && n == 6 && memcmp(rest, "府办", 6) == 0)) {
        out->kind = OGI_AGENCY_OFFICE;
        copy(out->department, sizeof(out->department), office, strlen(office));
        return;
    }
    copy(d, sizeof(d), rest, n);
    n = expand_dept(d, strlen(d), sizeof(d));
    out->kind = ends(d, n, "镇人民政府") || ends(d, n, "乡人民政府") ||
                        ends(d, n, "街道办事处")
                    ? OGI_AGENCY_TOWNSHIP
                    : OGI_AGENCY_DEPARTMENT;
    copy(out->department, sizeof(out->department), d, n);
}

/* Places that are not divisions: development zones and the like, often
 * printed after their city ("淮安市高新区管委会") and not in the data. */
static const char *const zones[] = {
    "新区",   "开发区", "园区",   "经开区", "示范区", "实验区",
    "试验区", "合作区", "保税区", "景区",   "管理区", "工业区",
    "度假区", "功能区", "港区",   "集聚区", "产业区", "自贸区",
    "片区",   "社区",   "辖区",   "城区",
};

/* A place the data does not know under the one read: rest[0..n) starts
 * with a name of two to seven characters ending in 县 or 旗, or in 区 and
 * not a zone, followed by anything ("清江区人民政府" under 淮安市:
 * abolished in 2016; "沙水区统计局"), or ending in 市 followed by
 * 人民政府, 政府 or nothing. Returns the bytes of that place name, 0 when
 * rest is a department. */
static size_t
unknown_place(const char *rest, size_t n)
{
    size_t i = u8len((unsigned char)rest[0]);
    for (int chars = 1; chars < 7 && i < n; chars++) {
        size_t e = i + 3;
        int gov_next = e == n || starts(rest + e, n - e, "人民政府") ||
                       starts(rest + e, n - e, "政府");
        if (starts(rest + i, n - i, "县") || starts(rest + i, n - i, "旗"))
            return e;
        if (starts(rest + i, n - i, "市") && gov_next)
            return e;
        if (starts(rest + i, n - i, "区")) {
            int zone = 0;
            for (size_t k = 0; k < OGI_ARRAY_LEN(zones) && !zone; k++)
                zone = ends(rest, e, zones[k]);
            if (!zone && (chars >= 2 || gov_next))
                return e;
            return 0;
        }
        i += u8len((unsigned char)rest[i]);
    }
    return 0;
}

/* National bodies (rule 6): 1 when s[0..n) is one, out filled. */
static int
national(const char *s, size_t n, ogi_agency_t *out)
{
    if (starts(s, n, "中华人民共和国") && n > 21)
        s += 21, n -= 21;
    if (!(starts(s, n, "国务院") || starts(s, n, "国家") ||
          starts(s, n, "中国") || ends(s, n, "部") || ends(s, n, "署")))
        return 0;
    memcpy(out->code, "000000", 7);
    out->level = OGI_AGENCY_NATIONAL;
    out->kind = OGI_AGENCY_DEPARTMENT;
    copy(out->department, sizeof(out->department), s, n);
    return 1;
}

/* Level words that stand for "the X of the hint's province" alone. */
static int
province_body(const char *s, size_t n, size_t *skip)
{
    if (starts(s, n, "省")) {
        *skip = 3;
        return 1;
    }
    if (starts(s, n, "自治区")) {
        *skip = 9;
        return 1;
    }
    return 0;
}

static void
make_key(ogi_agency_t *out)
{
    snprintf(out->key, sizeof(out->key), "%s:%s", out->code, out->department);
}

/* The whole work: folds and unwraps name, reads its places, fills out.
 * canonical is always filled. */
static ogi_agency_status_t
resolve(const char *name, const char *hint, ogi_agency_t *out)
{
    memset(out, 0, sizeof(*out));
    out->province = out->prefecture = out->county = "";
    size_t len = name ? strlen(name) : 0;
    if (len > NAME_MAX_BYTES) {
        snprintf(out->reason, sizeof(out->reason),
                 "name too long (%zu bytes, at most %d)", len, NAME_MAX_BYTES);
        return out->status = OGI_AGENCY_UNRESOLVED;
    }
    char buf[NAME_MAX_BYTES + 1];
    size_t n = fold(name ? name : "", len, buf);
    n = unwrap(buf, n);
    if (n == 0) {
        snprintf(out->reason, sizeof(out->reason), "empty name");
        return out->status = OGI_AGENCY_UNRESOLVED;
    }
    if (!ogi__agency_ready()) {
        copy(out->canonical, sizeof(out->canonical), buf, n);
        snprintf(out->reason, sizeof(out->reason),
                 "the divisions data could not be read");
        return out->status = OGI_AGENCY_UNRESOLVED;
    }

    /* rule 3: places, each inside the one before */
    step_t steps[2];
    step_t *prev = NULL, *cur = &steps[0];
    size_t pos = 0, last_start = 0, nsteps = 0;
    while (pos < n && read_place(buf + pos, n - pos, prev, cur)) {
        /* the previous place keeps only its candidates above this one */
        if (prev) {
            int m = 0;
            for (int j = 0; j < prev->n; j++) {
                int keep = 0;
                for (int k = 0; k < cur->n && !keep; k++)
                    keep = ogi__agency_is_ancestor(prev->cand[j], cur->cand[k]);
                if (keep)
                    prev->cand[m++] = prev->cand[j];
            }
            prev->n = m;
        }
        last_start = pos;
        pos += cur->len;
        nsteps++;
        prev = cur;
        cur = cur == &steps[0] ? &steps[1] : &steps[0];
    }
    const step_t *place = prev;
    const char *rest = buf + pos;
    size_t nrest = n - pos;
    int hp = hint_province(hint);

    if (!place) {
        if (national(buf, n, out)) {
            copy(out->canonical, sizeof(out->canonical), buf, n);
            make_key(out);
            return out->status = OGI_AGENCY_RESOLVED;
        }
        size_t skip = 0;
        if (province_body(buf, n, &skip)) {
            if (hp >= 0) {
                fill_names(out, hp);
                department(buf + skip, n - skip, OGI_AGENCY_PROVINCE, out);
                snprintf(out->canonical, sizeof(out->canonical), "%s%s",
                         divs[hp].name,
                         out->kind == OGI_AGENCY_GOVERNMENT ? "人民政府"
                                                            : out->department);
                make_key(out);
                return out->status = OGI_AGENCY_RESOLVED;
            }
        }
        copy(out->canonical, sizeof(out->canonical), buf, n);
        snprintf(out->reason, sizeof(out->reason),
                 "no division name at the start of \"%.200s\"%s (tried %d "
                 "divisions and provinces' short names; not a national "
                 "body)",
                 buf, hint && *hint && hp < 0 ? ", unknown hint" : "",
                 ogi__agency_count());
        return out->status = OGI_AGENCY_UNRESOLVED;
    }

    /* the hint breaks ties */
    int cand[64];
    int nc = 0;
    for (int j = 0; j < place->n; j++)
        cand[nc++] = place->cand[j];
    int in_hint = 0;
    if (nc > 1 && hp >= 0) {
        for (int j = 0; j < nc; j++)
            if (ogi__agency_province_of(cand[j]) == hp)
                cand[in_hint++] = cand[j];
        if (in_hint > 0)
            nc = in_hint;
    }
    department(rest, nrest, nc > 0 ? divs[cand[0]].level : 0, out);
    /* canonical: the last place, then the department as one agency */
    {
        const char *pl = buf + last_start;
        size_t pn = pos - last_start;
        const ogi__division_slot_t *sl = ogi__agency_lookup(pl, pn);
        if (sl && sl->alias) {
            pl = divs[sl->first].name; /* 江苏 → 江苏省 */
            pn = divs[sl->first].len;
        }
        const char *dep = out->department;
        if (out->kind == OGI_AGENCY_TOWNSHIP ||
            out->kind == OGI_AGENCY_DEPARTMENT ||
            out->kind == OGI_AGENCY_OFFICE ||
            out->kind == OGI_AGENCY_GOVERNMENT)
            snprintf(out->canonical, sizeof(out->canonical), "%.*s%s", (int)pn,
                     pl, dep);
        copy(out->prefix, sizeof(out->prefix), buf, last_start);
    }
    /* one place name alone, found only outside the hint's province: the
     * report and the name disagree (an invented or misread name) */
    int elsewhere = nc == 1 && nsteps == 1 && hp >= 0 &&
                    divs[cand[0]].level != OGI_AGENCY_PROVINCE &&
                    ogi__agency_province_of(cand[0]) != hp;
    size_t up = nc == 1 ? unknown_place(rest, nrest) : 0;
    if (up) {
        char path[160] = "";
        ogi_agency_division_path(divs[cand[0]].code, path, sizeof(path));
        size_t w = (size_t)snprintf(
            out->reason, sizeof(out->reason),
            "no division \"%.*s\" under %s %s (renamed or abolished "
            "divisions are not known)",
            (int)up, rest, divs[cand[0]].code, path);
        /* the same name elsewhere says what the prefix got wrong */
        const ogi__division_slot_t *sl = ogi__agency_lookup(rest, up);
        if (sl && !sl->alias) {
            w += (size_t)snprintf(out->reason + w, sizeof(out->reason) - w,
                                  "; \"%.*s\" is", (int)up, rest);
            for (int j = sl->first; j >= 0 && w < sizeof(out->reason);
                 j = divs[j].next_same) {
                ogi_agency_division_path(divs[j].code, path, sizeof(path));
                w += (size_t)snprintf(out->reason + w, sizeof(out->reason) - w,
                                      " %s %s", divs[j].code, path);
            }
        }
        return out->status = OGI_AGENCY_UNRESOLVED;
    }
    if (nc == 1 && !elsewhere) {
        fill_names(out, cand[0]);
        make_key(out);
        return out->status = OGI_AGENCY_RESOLVED;
    }
    out->ncandidates = (size_t)nc;
    size_t w = (size_t)snprintf(out->reason, sizeof(out->reason),
                                "\"%.*s\" is %d division%s:", (int)place->len,
                                buf + last_start, nc, nc == 1 ? "" : "s");
    for (int j = 0; j < nc; j++) {
        if (j < OGI_AGENCY_MAX_CANDIDATES)
            memcpy(out->candidates[j], divs[cand[j]].code, 7);
        char path[160];
        ogi_agency_division_path(divs[cand[j]].code, path, sizeof(path));
        if (w < sizeof(out->reason))
            w += (size_t)snprintf(out->reason + w, sizeof(out->reason) - w,
                                  " %s %s", divs[cand[j]].code, path);
    }
    if (out->ncandidates > OGI_AGENCY_MAX_CANDIDATES)
        out->ncandidates = OGI_AGENCY_MAX_CANDIDATES;
    if (w < sizeof(out->reason))
        snprintf(out->reason + w, sizeof(out->reason) - w, "; %s %s",
                 hp < 0        ? "no province hint"
                 : in_hint > 0 ? "several in the hint's province"
                               : "none in the hint's province",
                 hp < 0 ? "" : divs[hp].name);
    return out->status = OGI_AGENCY_AMBIGUOUS;
}

ogi_agency_status_t
ogi_agency_resolve(const char *name, const char *hint, ogi_agency_t *out)
{
    assert(out);
    return resolve(name, hint, out);
}

size_t
ogi_agency_normalise(const char *name, char *out, size_t cap)
{
    assert(out && cap > 0);
    ogi_agency_t a;
    resolve(name, NULL, &a);
    copy(out, cap, a.canonical, strlen(a.canonical));
    return strlen(out);
}

const char *
ogi_agency_division_path(const char *code, char *out, size_t cap)
{
    assert(out && cap > 0);
    if (!ogi__agency_ready() || !code)
        return NULL;
    int d = ogi__agency_find_code(code);
    if (d < 0)
        return NULL;
    int chain[4], nch = 0;
    for (int k = d; k >= 0 && nch < 4; k = divs[k].parent)
        chain[nch++] = k;
    size_t w = 0;
    out[0] = '\0';
    for (int i = nch - 1; i >= 0; i--)
        if (w < cap)
            w += (size_t)snprintf(out + w, cap - w, "%s", divs[chain[i]].name);
    return out;
}

const char *
ogi_agency_level_name(ogi_agency_level_t level)
{
    switch (level) {
        case OGI_AGENCY_NATIONAL:
            return "national";
        case OGI_AGENCY_PROVINCE:
            return "province";
        case OGI_AGENCY_PREFECTURE:
            return "prefecture";
        case OGI_AGENCY_COUNTY:
            return "county";
    }
    return "?";
}

const char *
ogi_agency_kind_name(ogi_agency_kind_t kind)
{
    switch (kind) {
        case OGI_AGENCY_GOVERNMENT:
            return "government";
        case OGI_AGENCY_OFFICE:
            return "office";
        case OGI_AGENCY_DEPARTMENT:
            return "department";
        case OGI_AGENCY_TOWNSHIP:
            return "township";
    }
    return "?";
}

const char *
ogi_agency_status_name(ogi_agency_status_t status)
{
    switch (status) {
        case OGI_AGENCY_RESOLVED:
            return "resolved";
        case OGI_AGENCY_AMBIGUOUS:
            return "ambiguous";
        case OGI_AGENCY_UNRESOLVED:
            return "unresolved";
    }
    return "?";
}
