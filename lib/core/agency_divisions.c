/*
 * agency_divisions.c - the administrative divisions agency.c resolves
 * names to: the TSV lib/core/divisions.tsv, embedded by the Makefile as
 * ogi__divisions_tsv (build/gen/divisions.c), read once into static
 * tables: the divisions, and an open-addressing hash of their names (and
 * the provinces' short names) to the first division of that name,
 * divisions of one name chained by next_same.
 */
#include "ogi_int.h"

#include <pthread.h>
#include <string.h>

#include "agency_int.h"
#include "ogi/agency.h"

extern const unsigned char ogi__divisions_tsv[];
extern const size_t ogi__divisions_tsv_len;

#define HASH_SIZE 16384 /* a power of two, at least 2 x names */
#define POOL_MAX  (256 * 1024)

ogi__division_t ogi__agency_divs[OGI__AGENCY_DIV_MAX];
static ogi__division_t *const divs = ogi__agency_divs;
static int ndivs;
static ogi__division_slot_t slots[HASH_SIZE];
static char pool[POOL_MAX];
static size_t pool_used;
static size_t max_name_len; /* bytes of the longest name */
static char source_line[512];
static int load_failed;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static unsigned
hash(const char *s, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

const ogi__division_slot_t *
ogi__agency_lookup(const char *s, size_t n)
{
    unsigned h = hash(s, n) & (HASH_SIZE - 1);
    while (slots[h].name) {
        if (slots[h].len == n && memcmp(slots[h].name, s, n) == 0)
            return &slots[h];
        h = (h + 1) & (HASH_SIZE - 1);
    }
    return NULL;
}

static void
insert(const char *s, size_t n, int idx, int alias)
{
    unsigned h = hash(s, n) & (HASH_SIZE - 1);
    while (slots[h].name) {
        if (slots[h].len == n && memcmp(slots[h].name, s, n) == 0) {
            if (alias || slots[h].alias)
                return; /* a full name wins over a short one */
            /* chain at the end: keeps the file's (code) order */
            int k = slots[h].first;
            while (divs[k].next_same >= 0)
                k = divs[k].next_same;
            divs[k].next_same = idx;
            return;
        }
        h = (h + 1) & (HASH_SIZE - 1);
    }
    slots[h] = (ogi__division_slot_t){s, n, idx, alias};
    if (n > max_name_len)
        max_name_len = n;
}

int
ogi__agency_find_code(const char *code)
{
    /* the file is sorted by code */
    int lo = 0, hi = ndivs - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(divs[mid].code, code);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static char *
pool_put(const char *s, size_t n)
{
    if (pool_used + n + 1 > POOL_MAX)
        return NULL;
    char *p = pool + pool_used;
    memcpy(p, s, n);
    p[n] = '\0';
    pool_used += n + 1;
    return p;
}

/* A province's short name: 江苏省 → 江苏, 北京市 → 北京, 广西壮族自治区 →
 * 广西, 内蒙古自治区 → 内蒙古 (the autonomous regions' first two
 * characters, 内蒙古's three). */
static size_t
province_short(const char *name, size_t n)
{
    if (n > 3 && strcmp(name + n - 3, "省") == 0)
        return n - 3;
    if (n > 3 && strcmp(name + n - 3, "市") == 0)
        return n - 3;
    if (n > 9 && strcmp(name + n - 9, "自治区") == 0)
        return strncmp(name, "内蒙古", 9) == 0 ? 9 : 6;
    return 0;
}

/* Reads the embedded TSV: code, level, name, parent, kind per line. */
static void
load(void)
{
    const char *p = (const char *)ogi__divisions_tsv;
    const char *end = p + ogi__divisions_tsv_len;
    static char parent_codes[OGI__AGENCY_DIV_MAX]
                            [7]; /* resolved once all are read */
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        if (*p == '#') {
            if (!source_line[0]) {
                size_t n = (size_t)(le - p);
                n = n > 2 ? n - 2 : 0;
                if (n >= sizeof(source_line))
                    n = sizeof(source_line) - 1;
                memcpy(source_line, p + 2, n);
            }
        } else if (le > p) {
            const char *f[5];
            size_t fl[5];
            int nf = 0;
            const char *q = p;
            while (nf < 5) {
                const char *t = memchr(q, '\t', (size_t)(le - q));
                const char *fe = t ? t : le;
                f[nf] = q;
                fl[nf] = (size_t)(fe - q);
                nf++;
                if (!t)
                    break;
                q = t + 1;
            }
            if (nf < 4 || fl[0] != 6 || ndivs >= OGI__AGENCY_DIV_MAX) {
                load_failed = 1;
                return;
            }
            ogi__division_t *d = &divs[ndivs];
            memcpy(d->code, f[0], 6);
            d->code[6] = '\0';
            d->level = fl[1] == 8 && memcmp(f[1], "province", 8) == 0
                           ? OGI_AGENCY_PROVINCE
                       : fl[1] == 10 && memcmp(f[1], "prefecture", 10) == 0
                           ? OGI_AGENCY_PREFECTURE
                           : OGI_AGENCY_COUNTY;
            d->name = pool_put(f[2], fl[2]);
            d->len = fl[2];
            d->next_same = -1;
            if (!d->name || fl[3] > 6) {
                load_failed = 1;
                return;
            }
            memcpy(parent_codes[ndivs], f[3], fl[3]);
            parent_codes[ndivs][fl[3]] = '\0';
            ndivs++;
        }
        p = le + 1;
    }
    for (int i = 0; i < ndivs; i++) {
        divs[i].parent =
            parent_codes[i][0] ? ogi__agency_find_code(parent_codes[i]) : -1;
        insert(divs[i].name, divs[i].len, i, 0);
    }
    for (int i = 0; i < ndivs; i++) {
        if (divs[i].level != OGI_AGENCY_PROVINCE)
            continue;
        size_t n = province_short(divs[i].name, divs[i].len);
        if (n)
            insert(divs[i].name, n, i, 1);
    }
    if (ndivs == 0)
        load_failed = 1;
}

int
ogi__agency_ready(void)
{
    pthread_once(&load_once, load);
    return !load_failed;
}

const char *
ogi_agency_source(void)
{
    ogi__agency_ready();
    return source_line;
}

int
ogi__agency_is_ancestor(int a, int d)
{
    for (int k = divs[d].parent; k >= 0; k = divs[k].parent)
        if (k == a)
            return 1;
    return 0;
}

int
ogi__agency_province_of(int d)
{
    while (divs[d].parent >= 0)
        d = divs[d].parent;
    return d;
}

int
ogi__agency_count(void)
{
    return ndivs;
}

size_t
ogi__agency_longest(void)
{
    return max_name_len;
}
