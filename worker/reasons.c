/* reasons.c - documents not stored, counted by reason (reasons.h). */
#define _POSIX_C_SOURCE 200809L

#include "reasons.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* more distinct reasons than this are counted as "other reasons" */
#define MAX_REASONS 64
#define MAX_SHOWN 12

typedef struct {
    char *key;     /* the reason with each run of digits as '#' */
    char *example; /* the first reason seen */
    unsigned long count;
} reason_t;

struct ogi_reasons {
    reason_t v[MAX_REASONS];
    size_t n;
    unsigned long other;
};

ogi_reasons_t *
ogi_reasons_create(void)
{
    return calloc(1, sizeof(ogi_reasons_t));
}

void
ogi_reasons_destroy(ogi_reasons_t **reasons)
{
    if (!reasons || !*reasons)
        return;
    for (size_t i = 0; i < (*reasons)->n; i++) {
        free((*reasons)->v[i].key);
        free((*reasons)->v[i].example);
    }
    free(*reasons);
    *reasons = NULL;
}

static char *
key_of(const char *reason)
{
    size_t n = strlen(reason);
    char *k = malloc(n + 1), *o = k;
    if (!k)
        return NULL;
    for (const char *p = reason; *p;) {
        if (isdigit((unsigned char)*p)) {
            *o++ = '#';
            while (isdigit((unsigned char)*p))
                p++;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return k;
}

void
ogi_reasons_add(ogi_reasons_t *reasons, const char *reason)
{
    if (!reasons)
        return;
    if (!reason || !*reason)
        reason = "no reason given";
    char *key = key_of(reason);
    if (!key) {
        reasons->other++;
        return;
    }
    for (size_t i = 0; i < reasons->n; i++)
        if (strcmp(reasons->v[i].key, key) == 0) {
            reasons->v[i].count++;
            free(key);
            return;
        }
    char *example = strdup(reason);
    if (reasons->n == MAX_REASONS || !example) {
        reasons->other++;
        free(key);
        free(example);
        return;
    }
    reasons->v[reasons->n++] = (reason_t){key, example, 1};
}

static int
by_count(const void *a, const void *b)
{
    const reason_t *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->example, y->example);
}

void
ogi_reasons_print(const ogi_reasons_t *reasons, FILE *out, const char *title)
{
    if (!reasons || (reasons->n == 0 && reasons->other == 0))
        return;
    reason_t sorted[MAX_REASONS];
    memcpy(sorted, reasons->v, reasons->n * sizeof(*sorted));
    qsort(sorted, reasons->n, sizeof(*sorted), by_count);
    unsigned long rest = reasons->other;
    size_t rest_kinds = reasons->other ? 1 : 0;
    fprintf(out, "%s, by reason:\n", title);
    for (size_t i = 0; i < reasons->n; i++) {
        if (i >= MAX_SHOWN) {
            rest += sorted[i].count;
            rest_kinds++;
            continue;
        }
        fprintf(out, "%8lu  %s\n", sorted[i].count, sorted[i].example);
    }
    if (rest)
        fprintf(out, "%8lu  (%zu other reason%s)\n", rest, rest_kinds,
                rest_kinds == 1 ? "" : "s");
}
