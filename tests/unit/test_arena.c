/*
 * test_arena.c - the per-document arena (include/ogi/arena.h, lib/core/arena.c).
 *
 * Usage example, as a worker does it:
 *
 *     ogi_arena_t *a = ogi_arena_new(0);
 *     for (each document) {
 *         char *s = ogi_arena_strdup(a, "...");
 *         ogi_arena_cleanup_add(a, close_something, handle);
 *         ...
 *         ogi_arena_reset(a);          whatever the outcome
 *     }
 *     ogi_arena_destroy(&a);           a == NULL afterwards
 *
 * Out-of-memory paths use ogi_alloc_fail_after() from ogi/alloc.h. Leaks are
 * checked right after each such test by LeakSanitizer in the ASan build
 * (make SANITIZE=address); the plain build checks that resets return the
 * extra blocks to the C heap, using glibc's count of bytes in use.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <malloc.h>
#include <string.h>

#include "ogi/alloc.h"
#include "ogi/arena.h"
#include "ogi/error.h"

#if defined(__SANITIZE_ADDRESS__)
#define HAVE_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_LSAN 1
#endif
#endif
#ifdef HAVE_LSAN
#include <sanitizer/lsan_interface.h>
#endif

#define ALIGN 16

/*
 * Bytes the C heap has handed out (0 under ASan, which has its own heap).
 * glibc counts chunks parked in its per-thread cache (up to 1032 bytes) as
 * in use, so only allocations larger than that show up reliably here.
 */
static size_t
heap_in_use(void)
{
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks;
}

/* Fails the test if anything allocated so far is unreachable (ASan build;
 * a no-op in the plain build, where valgrind does the same). */
static void
assert_no_leaks(void)
{
#ifdef HAVE_LSAN
    assert_int_equal(__lsan_do_recoverable_leak_check(), 0);
#endif
}

static int
teardown(void **state)
{
    (void)state;
    ogi_alloc_fail_after(-1); /* never leak injection into the next test */
    return 0;
}

static int
is_aligned(const void *p)
{
    return ((uintptr_t)p % ALIGN) == 0;
}

static void
new_and_destroy(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    assert_int_equal(ogi_arena_used(a), 0);
    ogi_arena_destroy(&a);
    assert_null(a);
}

/* destroy nulls the pointer, and a second call (and NULL) is harmless. */
static void
destroy_twice_and_null(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(128);
    assert_non_null(a);
    assert_non_null(ogi_arena_alloc(a, 10));
    ogi_arena_destroy(&a);
    assert_null(a);
    ogi_arena_destroy(&a);
    assert_null(a);
    ogi_arena_destroy(NULL);
}

/* Every allocation is 16-aligned, whatever the sizes before it. */
static void
alloc_alignment(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(256);
    assert_non_null(a);
    static const size_t sizes[] = {1,  3,   7,   8,   15,  16,   17, 31,
                                   33, 100, 255, 256, 257, 1000, 0,  5};
    for (int round = 0; round < 4; round++)
        for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
            void *p = ogi_arena_alloc(a, sizes[i]);
            assert_non_null(p);
            assert_true(is_aligned(p));
            /* usable for any type: store a double and a uint64_t */
            if (sizes[i] >= 16) {
                double *d = p;
                *d = 1.5;
                uint64_t *u = (uint64_t *)((char *)p + 8);
                *u = UINT64_C(0x0123456789abcdef);
                assert_true(*d == 1.5);
            }
        }
    ogi_arena_destroy(&a);
}

/* used() counts bytes handed out, rounded up to the alignment. */
static void
used_counts_rounded_bytes(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(1024);
    assert_non_null(a);
    assert_non_null(ogi_arena_alloc(a, 1));
    assert_int_equal(ogi_arena_used(a), 16);
    assert_non_null(ogi_arena_alloc(a, 16));
    assert_int_equal(ogi_arena_used(a), 32);
    assert_non_null(ogi_arena_alloc(a, 17));
    assert_int_equal(ogi_arena_used(a), 64);
    ogi_arena_destroy(&a);
}

/* A zero-byte request still yields a distinct, usable pointer. */
static void
alloc_zero_bytes(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(64);
    assert_non_null(a);
    char *p = ogi_arena_alloc(a, 0);
    char *q = ogi_arena_alloc(a, 0);
    assert_non_null(p);
    assert_non_null(q);
    assert_ptr_not_equal(p, q);
    p[0] = 'x';
    q[0] = 'y';
    assert_int_equal(p[0], 'x');
    ogi_arena_destroy(&a);
}

/* Many allocations across many blocks: none overlaps another. */
static void
many_allocations_span_blocks(void **state)
{
    (void)state;
    enum { N = 2000, SZ = 24 };
    ogi_arena_t *a = ogi_arena_new(128); /* a handful per block */
    assert_non_null(a);
    static unsigned char *ptrs[N];
    for (size_t i = 0; i < N; i++) {
        ptrs[i] = ogi_arena_alloc(a, SZ);
        assert_non_null(ptrs[i]);
        assert_true(is_aligned(ptrs[i]));
        memset(ptrs[i], (int)(i & 0xFF), SZ);
    }
    for (size_t i = 0; i < N; i++)
        for (size_t k = 0; k < SZ; k++)
            assert_int_equal(ptrs[i][k], i & 0xFF);
    assert_int_equal(ogi_arena_used(a), (size_t)N * 32);
    ogi_arena_destroy(&a);
}

/* A request larger than the block size gets a block of its own, and small
 * allocations keep working afterwards. */
static void
large_allocation(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(256);
    assert_non_null(a);
    char *small1 = ogi_arena_alloc(a, 32);
    assert_non_null(small1);
    memset(small1, 'a', 32);
    size_t big_n = 100000;
    unsigned char *big = ogi_arena_alloc(a, big_n);
    assert_non_null(big);
    assert_true(is_aligned(big));
    for (size_t i = 0; i < big_n; i++)
        big[i] = (unsigned char)(i * 7);
    char *small2 = ogi_arena_alloc(a, 32);
    assert_non_null(small2);
    memset(small2, 'b', 32);
    for (size_t i = 0; i < big_n; i++)
        assert_int_equal(big[i], (unsigned char)(i * 7));
    for (size_t i = 0; i < 32; i++) {
        assert_int_equal(small1[i], 'a');
        assert_int_equal(small2[i], 'b');
    }
    /* the same on a default-sized arena, bigger than 64 KiB */
    ogi_arena_t *d = ogi_arena_new(0);
    assert_non_null(d);
    unsigned char *huge = ogi_arena_alloc(d, 1u << 20);
    assert_non_null(huge);
    memset(huge, 0x5A, 1u << 20);
    assert_int_equal(huge[(1u << 20) - 1], 0x5A);
    ogi_arena_destroy(&d);
    ogi_arena_destroy(&a);
}

/* Absurd sizes fail cleanly rather than wrapping around. */
static void
alloc_absurd_size(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(64);
    assert_non_null(a);
    assert_null(ogi_arena_alloc(a, SIZE_MAX));
    assert_null(ogi_arena_alloc(a, SIZE_MAX - 8));
    assert_int_equal(ogi_arena_used(a), 0);
    assert_non_null(ogi_arena_alloc(a, 8));
    ogi_arena_destroy(&a);
}

static int cleanup_log[16];
static int cleanup_n;

static void
record_cleanup(void *data)
{
    if (cleanup_n < 16)
        cleanup_log[cleanup_n] = *(int *)data;
    cleanup_n++;
}

/* Cleanups run last in, first out, once, at reset. */
static void
reset_runs_cleanups_lifo(void **state)
{
    (void)state;
    static int ids[] = {1, 2, 3, 4};
    cleanup_n = 0;
    ogi_arena_t *a = ogi_arena_new(64);
    assert_non_null(a);
    for (int i = 0; i < 4; i++)
        assert_int_equal(ogi_arena_cleanup_add(a, record_cleanup, &ids[i]),
                         OGI_OK);
    assert_int_equal(cleanup_n, 0); /* nothing runs before the reset */
    ogi_arena_reset(a);
    assert_int_equal(cleanup_n, 4);
    assert_int_equal(cleanup_log[0], 4);
    assert_int_equal(cleanup_log[1], 3);
    assert_int_equal(cleanup_log[2], 2);
    assert_int_equal(cleanup_log[3], 1);
    /* a second reset does not run them again */
    ogi_arena_reset(a);
    assert_int_equal(cleanup_n, 4);
    ogi_arena_destroy(&a);
    assert_int_equal(cleanup_n, 4);
}

/* destroy runs the pending cleanups too, LIFO. */
static void
destroy_runs_cleanups(void **state)
{
    (void)state;
    static int ids[] = {10, 20};
    cleanup_n = 0;
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    assert_int_equal(ogi_arena_cleanup_add(a, record_cleanup, &ids[0]), 0);
    assert_int_equal(ogi_arena_cleanup_add(a, record_cleanup, &ids[1]), 0);
    ogi_arena_destroy(&a);
    assert_null(a);
    assert_int_equal(cleanup_n, 2);
    assert_int_equal(cleanup_log[0], 20);
    assert_int_equal(cleanup_log[1], 10);
}

/* After a reset the arena is empty and fully usable again, across blocks,
 * for many rounds (a worker's loop). */
static void
reset_keeps_working(void **state)
{
    (void)state;
    /* blocks above glibc's cache limit, so heap_in_use() sees them go */
    ogi_arena_t *a = ogi_arena_new(4096);
    assert_non_null(a);
    size_t before = heap_in_use();
    for (int round = 0; round < 50; round++) {
        char *s[40];
        for (int i = 0; i < 40; i++) {
            s[i] = ogi_arena_alloc(a, 1000); /* 4 per block */
            assert_non_null(s[i]);
            memset(s[i], 'a' + (round + i) % 26, 1000);
        }
        for (int i = 0; i < 40; i++)
            assert_int_equal(s[i][999], 'a' + (round + i) % 26);
        assert_int_equal(ogi_arena_used(a), 40 * 1008);
        ogi_arena_reset(a);
        assert_int_equal(ogi_arena_used(a), 0);
    }
    /* the extra blocks were released: no growth round after round */
    assert_int_equal(heap_in_use(), before);
    ogi_arena_destroy(&a);
}

/* The first block survives a reset, so the steady state needs no system
 * allocation at all (documented in arena.h). */
static void
reset_keeps_first_block(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(1024);
    assert_non_null(a);
    for (int i = 0; i < 10; i++)
        assert_non_null(ogi_arena_alloc(a, 500)); /* several blocks */
    ogi_arena_reset(a);
    ogi_alloc_fail_after(0); /* any system allocation now fails */
    for (int i = 0; i < 8; i++)
        assert_non_null(ogi_arena_alloc(a, 100)); /* 8 * 112 <= 1024 */
    ogi_alloc_fail_after(-1);
    ogi_arena_destroy(&a);
}

/* calloc zero-fills even memory reused after a reset. */
static void
calloc_zero_fills(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(512);
    assert_non_null(a);
    unsigned char *p = ogi_arena_alloc(a, 400);
    assert_non_null(p);
    memset(p, 0xAA, 400);
    ogi_arena_reset(a);
    unsigned char *q = ogi_arena_calloc(a, 100, 4);
    assert_non_null(q);
    for (size_t i = 0; i < 400; i++)
        assert_int_equal(q[i], 0);
    int *z = ogi_arena_calloc(a, 0, sizeof(int));
    assert_non_null(z);
    ogi_arena_destroy(&a);
}

/* count * size overflowing size_t returns NULL and allocates nothing. */
static void
calloc_overflow(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(64);
    assert_non_null(a);
    assert_null(ogi_arena_calloc(a, SIZE_MAX / 2, 4));
    assert_null(ogi_arena_calloc(a, SIZE_MAX, 2));
    assert_null(ogi_arena_calloc(a, 2, SIZE_MAX));
    assert_null(ogi_arena_calloc(a, (SIZE_MAX >> 4) + 2, 16));
    assert_int_equal(ogi_arena_used(a), 0);
    ogi_arena_destroy(&a);
}

static void
strdup_and_strndup(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(32);
    assert_non_null(a);
    const char *src = "本年新收政府信息公开申请数量";
    char *d = ogi_arena_strdup(a, src);
    assert_non_null(d);
    assert_ptr_not_equal(d, src);
    assert_string_equal(d, src);

    char *n = ogi_arena_strndup(a, "abcdef", 3);
    assert_non_null(n);
    assert_string_equal(n, "abc");
    assert_int_equal(n[3], '\0');

    char *e = ogi_arena_strndup(a, "abc", 0);
    assert_non_null(e);
    assert_string_equal(e, "");

    char *s = ogi_arena_strdup(a, "");
    assert_non_null(s);
    assert_string_equal(s, "");

    /* strndup reads no further than n: the source has no NUL */
    char raw[4] = {'w', 'x', 'y', 'z'};
    char *r = ogi_arena_strndup(a, raw, sizeof(raw));
    assert_non_null(r);
    assert_string_equal(r, "wxyz");

    /* the copies are independent of the source */
    raw[0] = 'Q';
    assert_string_equal(r, "wxyz");
    ogi_arena_destroy(&a);
}

/* grow returns a larger block holding the old contents. */
static void
grow_copies(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(64);
    assert_non_null(a);
    int *v = ogi_arena_alloc(a, 4 * sizeof(int));
    assert_non_null(v);
    for (int i = 0; i < 4; i++)
        v[i] = i * 11;
    int *w = ogi_arena_grow(a, v, 4 * sizeof(int), 1000 * sizeof(int));
    assert_non_null(w);
    assert_ptr_not_equal(w, v);
    assert_true(is_aligned(w));
    for (int i = 0; i < 4; i++)
        assert_int_equal(w[i], i * 11);
    for (int i = 4; i < 1000; i++)
        w[i] = i; /* the new part is writable */
    assert_int_equal(w[999], 999);

    /* growing from nothing is an allocation */
    char *g = ogi_arena_grow(a, NULL, 0, 10);
    assert_non_null(g);
    memset(g, 'g', 10);

    /* shrinking copies only what fits */
    char *src = ogi_arena_strdup(a, "0123456789");
    assert_non_null(src);
    char *dst = ogi_arena_grow(a, src, 11, 4);
    assert_non_null(dst);
    assert_memory_equal(dst, "0123", 4);
    ogi_arena_destroy(&a);
}

/* ---- out of memory ---- */

/* The arena's own struct fails, then its first block: NULL, no leak. */
static void
oom_new(void **state)
{
    (void)state;
    ogi_alloc_fail_after(0);
    assert_null(ogi_arena_new(0));
    ogi_alloc_fail_after(1);
    assert_null(ogi_arena_new(0)); /* the struct is freed again */
    ogi_alloc_fail_after(1);
    assert_null(ogi_arena_new(64));
    ogi_alloc_fail_after(-1);
    assert_no_leaks();
    /* the third allocation would not fail: two suffice */
    ogi_alloc_fail_after(2);
    ogi_arena_t *a = ogi_arena_new(64);
    ogi_alloc_fail_after(-1);
    assert_non_null(a);
    ogi_arena_destroy(&a);
    assert_no_leaks();
}

/* A new block cannot be had: NULL, the arena unchanged and still usable. */
static void
oom_block(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(64);
    assert_non_null(a);
    char *p = ogi_arena_strdup(a, "keep");
    assert_non_null(p);
    size_t used = ogi_arena_used(a);

    ogi_alloc_fail_after(0);
    assert_null(ogi_arena_alloc(a, 64));   /* needs a new block */
    assert_null(ogi_arena_alloc(a, 5000)); /* an oversized one too */
    assert_null(ogi_arena_calloc(a, 10, 10));
    assert_null(ogi_arena_strdup(a, "a string longer than 48 bytes, so it "
                                    "does not fit"));
    assert_null(ogi_arena_strndup(a,
                                  "0123456789012345678901234567890123456"
                                  "789012345678901234567890",
                                  60));
    assert_null(ogi_arena_grow(a, p, 5, 100));
    /* what still fits in the current block needs no system allocation */
    assert_non_null(ogi_arena_alloc(a, 16));
    ogi_alloc_fail_after(-1);

    assert_int_equal(ogi_arena_used(a), used + 16);
    assert_string_equal(p, "keep");
    char *q = ogi_arena_alloc(a, 5000);
    assert_non_null(q);
    memset(q, 1, 5000);
    ogi_arena_destroy(&a);
    assert_no_leaks();
}

/* cleanup_add reports OGI_ENOMEM and registers nothing. */
static void
oom_cleanup_add(void **state)
{
    (void)state;
    static int id = 7;
    cleanup_n = 0;
    ogi_arena_t *a = ogi_arena_new(16);
    assert_non_null(a);
    assert_non_null(ogi_arena_alloc(a, 16)); /* the first block is full */
    ogi_alloc_fail_after(0);
    assert_int_equal(ogi_arena_cleanup_add(a, record_cleanup, &id), OGI_ENOMEM);
    ogi_alloc_fail_after(-1);
    ogi_arena_reset(a);
    assert_int_equal(cleanup_n, 0);
    assert_int_equal(ogi_arena_cleanup_add(a, record_cleanup, &id), OGI_OK);
    ogi_arena_destroy(&a);
    assert_int_equal(cleanup_n, 1);
    assert_int_equal(cleanup_log[0], 7);
    assert_no_leaks();
}

/* Failing at every allocation in turn of a small workload never crashes
 * or leaks, and each call either succeeds or returns NULL. */
static void
oom_every_step(void **state)
{
    (void)state;
    int completed = 0;
    for (long n = 0; n < 64 && !completed; n++) {
        ogi_alloc_fail_after(n);
        ogi_arena_t *a = ogi_arena_new(32);
        if (a) {
            int ok = 1;
            for (int i = 0; i < 8 && ok; i++) {
                char *s = ogi_arena_strdup(a, "0123456789abcdefghij");
                if (!s)
                    ok = 0;
                else
                    assert_string_equal(s, "0123456789abcdefghij");
            }
            completed = ok;
            ogi_arena_destroy(&a);
        }
        ogi_alloc_fail_after(-1);
        assert_no_leaks();
    }
    assert_true(completed);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(new_and_destroy, teardown),
        cmocka_unit_test_teardown(destroy_twice_and_null, teardown),
        cmocka_unit_test_teardown(alloc_alignment, teardown),
        cmocka_unit_test_teardown(used_counts_rounded_bytes, teardown),
        cmocka_unit_test_teardown(alloc_zero_bytes, teardown),
        cmocka_unit_test_teardown(many_allocations_span_blocks, teardown),
        cmocka_unit_test_teardown(large_allocation, teardown),
        cmocka_unit_test_teardown(alloc_absurd_size, teardown),
        cmocka_unit_test_teardown(reset_runs_cleanups_lifo, teardown),
        cmocka_unit_test_teardown(destroy_runs_cleanups, teardown),
        cmocka_unit_test_teardown(reset_keeps_working, teardown),
        cmocka_unit_test_teardown(reset_keeps_first_block, teardown),
        cmocka_unit_test_teardown(calloc_zero_fills, teardown),
        cmocka_unit_test_teardown(calloc_overflow, teardown),
        cmocka_unit_test_teardown(strdup_and_strndup, teardown),
        cmocka_unit_test_teardown(grow_copies, teardown),
        cmocka_unit_test_teardown(oom_new, teardown),
        cmocka_unit_test_teardown(oom_block, teardown),
        cmocka_unit_test_teardown(oom_cleanup_add, teardown),
        cmocka_unit_test_teardown(oom_every_step, teardown),
    };
    return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
