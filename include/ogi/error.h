/*
 * error.h - the one table of ogi result codes.
 *
 * Every fallible function in ogi returns 0 on success or one of these
 * negative codes. Values are stable: a code is never renumbered or reused.
 */
#ifndef OGI_ERROR_H
#define OGI_ERROR_H

/* X(name, value, message) */
#define OGI_ERR_MAP(X)                                                         \
    X(OK, 0, "success")                                                        \
    X(ENOMEM, -1, "out of memory")                                             \
    X(EINVAL, -2, "invalid argument")                                          \
    X(EPARSE, -3, "could not parse input")                                     \
    X(ETOOBIG, -4, "input too large")                                          \
    X(ERETRY, -5, "temporary failure, retry")                                  \
    X(EREJECT, -6, "input rejected")                                           \
    X(EIO, -7, "input/output error")                                           \
    X(ENCODING, -8, "unsupported text encoding")                               \
    X(ENOTFOUND, -9, "not found")                                              \
    X(ECONVERT, -10, "a form's converter crashed or timed out")             \
    X(EINTR, -11, "stopped before the end")

typedef enum {
#define OGI__ERR_ENUM(name, value, msg) OGI_##name = (value),
    OGI_ERR_MAP(OGI__ERR_ENUM)
#undef OGI__ERR_ENUM
} ogi_err_t;

/* Human-readable message for rc; never NULL ("unknown error" otherwise). */
const char *ogi_strerror(int rc);

/* Symbolic name such as "OGI_ENOMEM"; never NULL. */
const char *ogi_err_name(int rc);

#endif /* OGI_ERROR_H */
