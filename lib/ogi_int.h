/*
 * ogi_int.h - private to lib/: feature-test macros and allocation hooks.
 *
 * Included first by every lib/ source so that system headers see the same
 * feature-test macros everywhere.
 */
#ifndef OGI_INT_H
#define OGI_INT_H

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <assert.h>
#include <stddef.h>

#include "ogi/alloc.h"

/*
 * OGI_ALWAYS/OGI_NEVER mark "cannot happen, but recover anyway" branches:
 * they assert in debug builds and pass the value through in release.
 */
#ifdef NDEBUG
#define OGI_ALWAYS(x) (x)
#define OGI_NEVER(x)  (x)
#else
#define OGI_ALWAYS(x) ((x) ? 1 : (assert(0), 0))
#define OGI_NEVER(x)  ((x) ? (assert(0), 1) : 0)
#endif

#if defined(__GNUC__) || defined(__clang__)
#define OGI_FALLTHROUGH __attribute__((fallthrough))
#else
#define OGI_FALLTHROUGH
#endif

#define OGI_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif /* OGI_INT_H */
