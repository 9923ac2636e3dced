/*
 * env.h - options from the environment: the names and values of the
 * OGI_* variables the daemons read (README, "Configuration").
 */
#ifndef OGI_ENV_H
#define OGI_ENV_H

#include <stddef.h>

/*
 * Writes "OGI_" + prefix + "_" (when prefix is not NULL) + option in
 * capitals with '-' as '_' into buf ("drain-timeout" -> OGI_DRAIN_TIMEOUT,
 * prefix "worker", "threads" -> OGI_WORKER_THREADS). Returns 0, or
 * OGI_ETOOBIG when it does not fit in size bytes (buf is then "").
 */
int ogi_env_name(const char *prefix, const char *option, char *buf,
                 size_t size);

/* A flag's value: 1 for 1/true/yes/on, 0 for 0/false/no/off (any case),
 * -1 for anything else. */
int ogi_env_flag(const char *value);

/* The edit distance (insertions, deletions, substitutions) of a and b,
 * capped at 255. */
size_t ogi_env_distance(const char *a, const char *b);

/* The name in known[0..n) closest to name by ogi_env_distance (the first
 * on ties), or NULL when n is 0. */
const char *ogi_env_closest(const char *name, const char *const *known,
                            size_t n);

/*
 * The first entry of envp ("NAME=VALUE", NULL-terminated) whose NAME
 * starts with OGI_ and is none of known[0..n): returns the entry and its
 * NAME's length in *len; NULL when every OGI_ variable is known.
 */
const char *ogi_env_unknown(const char *const *envp, const char *const *known,
                            size_t n, size_t *len);

#endif /* OGI_ENV_H */
