/*
 * alloc.h - the allocator every part of lib/ goes through.
 *
 * Tests can make the N-th allocation fail (ogi_alloc_fail_after) so that
 * every error path is exercised; the library then returns OGI_ENOMEM.
 */
#ifndef OGI_ALLOC_H
#define OGI_ALLOC_H

#include <stddef.h>

void *ogi_malloc(size_t size);
void *ogi_calloc(size_t count, size_t size);
void *ogi_realloc(void *ptr, size_t size);
void ogi_free(void *ptr);

/*
 * Make the allocation after the next n succeed-ones fail, and every one after
 * it; n < 0 turns failure injection off. Not thread-safe: for tests only.
 */
void ogi_alloc_fail_after(long n);

#endif /* OGI_ALLOC_H */
