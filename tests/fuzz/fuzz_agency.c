/*
 * fuzz_agency.c - libFuzzer target: untrusted agency names (a report's
 * title) through ogi_agency_resolve and ogi_agency_normalise. The first
 * line, when there are two, is the province hint.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/agency.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    char *hint = NULL, *name = s;
    char *nl = strchr(s, '\n');
    if (nl) {
        *nl = '\0';
        hint = s;
        name = nl + 1;
    }
    ogi_agency_t a;
    ogi_agency_resolve(name, hint, &a);
    char out[64];
    ogi_agency_normalise(name, out, sizeof(out));
    free(s);
    return 0;
}
