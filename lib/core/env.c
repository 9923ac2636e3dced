/* env.c - options from the environment (include/ogi/env.h). */
#include "ogi_int.h"

#include "ogi/env.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "ogi/error.h"

static int
put(char *buf, size_t size, size_t *at, const char *s, int upper)
{
    for (; *s; s++) {
        if (*at + 1 >= size)
            return -1;
        char c = *s;
        if (upper) {
            c = (char)toupper((unsigned char)c);
            if (c == '-')
                c = '_';
        }
        buf[(*at)++] = c;
    }
    buf[*at] = '\0';
    return 0;
}

int
ogi_env_name(const char *prefix, const char *option, char *buf, size_t size)
{
    size_t at = 0;
    if (size == 0)
        return OGI_ETOOBIG;
    buf[0] = '\0';
    if (put(buf, size, &at, "OGI_", 0) ||
        (prefix &&
         (put(buf, size, &at, prefix, 1) || put(buf, size, &at, "_", 0))) ||
        put(buf, size, &at, option, 1)) {
        buf[0] = '\0';
        return OGI_ETOOBIG;
    }
    return 0;
}

int
ogi_env_flag(const char *value)
{
    static const char *const yes[] = {"1", "true", "yes", "on"};
    static const char *const no[] = {"0", "false", "no", "off"};
    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(value, yes[i]) == 0)
            return 1;
        if (strcasecmp(value, no[i]) == 0)
            return 0;
    }
    return -1;
}

size_t
ogi_env_distance(const char *a, const char *b)
{
    /* one row of the Wagner-Fischer table; names past 63 bytes are cut
     * (no variable is that long) */
    enum { MAXN = 64 };
    size_t la = strlen(a), lb = strlen(b);
    if (la >= MAXN)
        la = MAXN - 1;
    if (lb >= MAXN)
        lb = MAXN - 1;
    size_t row[MAXN];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb] > 255 ? 255 : row[lb];
}

const char *
ogi_env_closest(const char *name, const char *const *known, size_t n)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        size_t d = ogi_env_distance(name, known[i]);
        if (d < best_d) {
            best_d = d;
            best = known[i];
        }
    }
    return best;
}

const char *
ogi_env_unknown(const char *const *envp, const char *const *known, size_t n,
                size_t *len)
{
    for (; envp && *envp; envp++) {
        const char *e = *envp;
        if (strncmp(e, "OGI_", 4) != 0)
            continue;
        const char *eq = strchr(e, '=');
        size_t l = eq ? (size_t)(eq - e) : strlen(e);
        size_t i;
        for (i = 0; i < n; i++)
            if (strlen(known[i]) == l && memcmp(known[i], e, l) == 0)
                break;
        if (i == n) {
            *len = l;
            return e;
        }
    }
    return NULL;
}
