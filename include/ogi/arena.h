/*
 * arena.h - a per-document memory arena.
 *
 * Everything parsed or validated for one document is allocated here and
 * released at once by ogi_arena_reset() or ogi_arena_destroy(); nothing
 * inside is freed one by one. Not thread-safe: one arena per thread.
 *
 * Built with -DOGI_ARENA_DEBUG every allocation is its own malloc, so ASan
 * and valgrind see overruns inside the arena.
 */
#ifndef OGI_ARENA_H
#define OGI_ARENA_H

#include <stddef.h>

typedef struct ogi_arena ogi_arena_t;

/* A new arena whose first block holds block_size bytes (0: a default).
 * Returns NULL when out of memory. The caller owns it. */
ogi_arena_t *ogi_arena_new(size_t block_size);

/* Runs the cleanups, frees everything, sets *self_p to NULL. Accepts NULL
 * and *self_p == NULL; safe to call twice. */
void ogi_arena_destroy(ogi_arena_t **self_p);

/* Runs the cleanups and forgets every allocation; keeps the first block for
 * reuse, so a worker's steady state allocates nothing from the system. */
void ogi_arena_reset(ogi_arena_t *self);

/* size bytes aligned for any type, or NULL when out of memory. Owned by the
 * arena. */
void *ogi_arena_alloc(ogi_arena_t *self, size_t size);

/* Like ogi_arena_alloc, zero-filled; count * size is checked for overflow. */
void *ogi_arena_calloc(ogi_arena_t *self, size_t count, size_t size);

/* A NUL-terminated copy of s[0..n), or NULL when out of memory. */
char *ogi_arena_strndup(ogi_arena_t *self, const char *s, size_t n);

/* A NUL-terminated copy of s, or NULL when out of memory. */
char *ogi_arena_strdup(ogi_arena_t *self, const char *s);

/* Grows an array allocated from this arena: returns a copy of ptr (old_size
 * bytes) in a block of new_size bytes, or NULL when out of memory. */
void *ogi_arena_grow(ogi_arena_t *self, void *ptr, size_t old_size,
                     size_t new_size);

/* Registers fn(data) to run at the next reset or destroy (last in, first
 * out). Returns 0 or OGI_ENOMEM. */
int ogi_arena_cleanup_add(ogi_arena_t *self, void (*fn)(void *), void *data);

/* Bytes handed out since the last reset (for tests and statistics). */
size_t ogi_arena_used(const ogi_arena_t *self);

#endif /* OGI_ARENA_H */
