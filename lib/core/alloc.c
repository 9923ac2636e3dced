/* alloc.c - allocation hooks with optional failure injection for tests. */
#include "ogi_int.h"

#include <stdlib.h>

/* < 0: no injection; otherwise allocations left before failing. */
static long fail_countdown = -1;

static int
should_fail(void)
{
    if (fail_countdown < 0)
        return 0;
    if (fail_countdown == 0)
        return 1;
    fail_countdown--;
    return 0;
}

void
ogi_alloc_fail_after(long n)
{
    fail_countdown = n;
}

void *
ogi_malloc(size_t size)
{
    return should_fail() ? NULL : malloc(size ? size : 1);
}

void *
ogi_calloc(size_t count, size_t size)
{
    return should_fail() ? NULL : calloc(count ? count : 1, size ? size : 1);
}

void *
ogi_realloc(void *ptr, size_t size)
{
    return should_fail() ? NULL : realloc(ptr, size ? size : 1);
}

void
ogi_free(void *ptr)
{
    free(ptr);
}
