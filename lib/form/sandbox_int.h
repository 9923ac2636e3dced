/*
 * sandbox_int.h - a converter run in a child process, bounded.
 *
 * The child gets the input by fork (no copy), a CPU-time limit, an
 * address-space limit and a wall-clock deadline; it writes the view back
 * through a pipe. A child that crashes, is killed by a limit or overruns
 * the deadline ends as OGI_ECONVERT with a reason naming the form and what
 * happened; the caller's process is never touched by the library that
 * failed. Private to lib/.
 */
#ifndef OGI_SANDBOX_INT_H
#define OGI_SANDBOX_INT_H

#include <stddef.h>

#include "form_int.h"

/* The bounds: seconds of CPU, seconds of wall clock, bytes of address
 * space (a floor; large inputs get more: see sandbox.c). */
#define OGI__SANDBOX_CPU_S  20
#define OGI__SANDBOX_WALL_S 30
#define OGI__SANDBOX_AS     ((size_t)2 << 30)

/*
 * Runs fn(raw, len) in a child and copies its view into arena. form names
 * the form in reasons ("PDF: converter crashed (signal 11)"). Returns what
 * fn returned (why with it); OGI_ECONVERT when the child failed as above
 * or could not be started; OGI_EREJECT when its view exceeds the bound
 * (16 times the input plus 16 MiB); OGI_ENOMEM.
 */
int ogi__sandbox_convert(ogi__form_convert_fn fn, const char *form,
                         ogi_arena_t *arena, const char *raw, size_t len,
                         ogi__view_t *out, char *why, size_t why_size);

/* In the child of ogi__sandbox_convert_scratch: a private directory (0700) for
 * the converter's files, which the parent removes when the child has
 * ended, however it ended; NULL elsewhere (or when none could be made). */
extern _Thread_local const char *ogi__sandbox_scratch;
/* Removes dir and the files in it (no subdirectories). */
void ogi__sandbox_remove_dir(const char *dir);

/* As ogi__sandbox_convert, for a converter that writes files: the child
 * gets a private directory (ogi__sandbox_scratch) that this process
 * removes when the child has ended, however it ended. */
int ogi__sandbox_convert_scratch(ogi__form_convert_fn fn, const char *form,
                                 ogi_arena_t *arena, const char *raw,
                                 size_t len, ogi__view_t *out, char *why,
                                 size_t why_size);

/* Writes p[0..n) to fd whole (retrying interrupted writes): 0, or -1. */
int ogi__sandbox_write_all(int fd, const void *p, size_t n);
/* A monotonic clock in milliseconds, for deadlines. */
long ogi__sandbox_now_ms(void);

/* Sets the CPU and wall-clock bounds in seconds (0: the default above),
 * for every later conversion of the process; for tests. */
void ogi__sandbox_set_limits(unsigned cpu_s, unsigned wall_s);

#endif /* OGI_SANDBOX_INT_H */
