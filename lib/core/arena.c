/*
 * arena.c - bump allocator in chained blocks, modelled on nginx pools and
 * PostgreSQL memory contexts.
 */
#include "ogi_int.h"

#include <stdint.h>
#include <string.h>

#include "ogi/arena.h"
#include "ogi/error.h"

#define ARENA_DEFAULT_BLOCK 65536
#define ARENA_ALIGN         16

typedef struct block {
    struct block *next; /* older block, or NULL */
    size_t size;        /* usable bytes after the header */
    size_t used;        /* bytes handed out from this block */
    /* data follows, aligned to ARENA_ALIGN */
} block_t;

typedef struct cleanup {
    struct cleanup *next;
    void (*fn)(void *);
    void *data;
} cleanup_t;

struct ogi_arena {
    block_t *head;     /* current block; the first block is last in chain */
    size_t block_size; /* default size of new blocks */
    size_t used;       /* bytes handed out since reset */
    cleanup_t *cleanups;
#ifdef OGI_ARENA_DEBUG
    void **debug_ptrs; /* every allocation, each its own malloc */
    size_t debug_n, debug_cap;
#endif
};

#define BLOCK_HDR ((sizeof(block_t) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

#ifndef OGI_ARENA_DEBUG
static unsigned char *
block_data(block_t *b)
{
    return (unsigned char *)b + BLOCK_HDR;
}
#endif

static block_t *
block_new(size_t size)
{
    block_t *b = ogi_malloc(BLOCK_HDR + size);
    if (!b)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

ogi_arena_t *
ogi_arena_new(size_t block_size)
{
    ogi_arena_t *self = ogi_calloc(1, sizeof(*self));
    if (!self)
        return NULL;
    self->block_size = block_size ? block_size : ARENA_DEFAULT_BLOCK;
    self->head = block_new(self->block_size);
    if (!self->head) {
        ogi_free(self);
        return NULL;
    }
    return self;
}

static void
run_cleanups(ogi_arena_t *self)
{
    while (self->cleanups) {
        cleanup_t *c = self->cleanups;
        self->cleanups = c->next;
        c->fn(c->data);
    }
}

static void
free_extra(ogi_arena_t *self)
{
#ifdef OGI_ARENA_DEBUG
    for (size_t i = 0; i < self->debug_n; i++)
        ogi_free(self->debug_ptrs[i]);
    self->debug_n = 0;
#endif
    /* keep only the oldest (first) block */
    while (self->head && self->head->next) {
        block_t *b = self->head;
        self->head = b->next;
        ogi_free(b);
    }
    if (self->head)
        self->head->used = 0;
    self->used = 0;
}

void
ogi_arena_reset(ogi_arena_t *self)
{
    assert(self);
    run_cleanups(self);
    free_extra(self);
}

void
ogi_arena_destroy(ogi_arena_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    ogi_arena_t *self = *self_p;
    ogi_arena_reset(self);
    ogi_free(self->head);
#ifdef OGI_ARENA_DEBUG
    ogi_free(self->debug_ptrs);
#endif
    ogi_free(self);
    *self_p = NULL;
}

void *
ogi_arena_alloc(ogi_arena_t *self, size_t size)
{
    assert(self);
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX / 2)
        return NULL;
    size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
#ifdef OGI_ARENA_DEBUG
    if (self->debug_n == self->debug_cap) {
        size_t cap = self->debug_cap ? self->debug_cap * 2 : 64;
        void **p = ogi_realloc(self->debug_ptrs, cap * sizeof(*p));
        if (!p)
            return NULL;
        self->debug_ptrs = p;
        self->debug_cap = cap;
    }
    void *mem = ogi_malloc(size);
    if (!mem)
        return NULL;
    self->debug_ptrs[self->debug_n++] = mem;
    self->used += need;
    return mem;
#else
    block_t *b = self->head;
    if (b->size - b->used < need) {
        size_t bs = need > self->block_size ? need : self->block_size;
        block_t *nb = block_new(bs);
        if (!nb)
            return NULL;
        nb->next = b;
        self->head = nb;
        b = nb;
    }
    void *p = block_data(b) + b->used;
    b->used += need;
    self->used += need;
    return p;
#endif
}

void *
ogi_arena_calloc(ogi_arena_t *self, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = ogi_arena_alloc(self, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

char *
ogi_arena_strndup(ogi_arena_t *self, const char *s, size_t n)
{
    char *p = ogi_arena_alloc(self, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *
ogi_arena_strdup(ogi_arena_t *self, const char *s)
{
    return ogi_arena_strndup(self, s, strlen(s));
}

void *
ogi_arena_grow(ogi_arena_t *self, void *ptr, size_t old_size, size_t new_size)
{
    void *p = ogi_arena_alloc(self, new_size);
    if (!p)
        return NULL;
    if (ptr && old_size)
        memcpy(p, ptr, old_size < new_size ? old_size : new_size);
    return p;
}

int
ogi_arena_cleanup_add(ogi_arena_t *self, void (*fn)(void *), void *data)
{
    cleanup_t *c = ogi_arena_alloc(self, sizeof(*c));
    if (!c)
        return OGI_ENOMEM;
    c->fn = fn;
    c->data = data;
    c->next = self->cleanups;
    self->cleanups = c;
    return 0;
}

size_t
ogi_arena_used(const ogi_arena_t *self)
{
    return self->used;
}
