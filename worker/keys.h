/*
 * keys.h - the CURVE key options the pipeline's commands share, and
 * `ogi keygen`.
 */
#ifndef OGI_WORKER_KEYS_H
#define OGI_WORKER_KEYS_H

#include "ogi/auth.h"

/* getopt_long codes of the key options (beyond any short option) */
enum {
    OGI_OPT_KEY = 0x4B00,
    OGI_OPT_AUTHORIZED,
    OGI_OPT_BROKER_KEY,
    OGI_OPT_SINK_KEY,
    OGI_OPT_INSECURE,
};

#define OGI_KEY_OPTIONS                                                        \
    {"key", required_argument, NULL, OGI_OPT_KEY},                             \
        {"authorized-keys", required_argument, NULL, OGI_OPT_AUTHORIZED},      \
        {"broker-key", required_argument, NULL, OGI_OPT_BROKER_KEY},           \
        {"sink-key", required_argument, NULL, OGI_OPT_SINK_KEY},               \
    {                                                                          \
        "insecure", no_argument, NULL, OGI_OPT_INSECURE                        \
    }

/* Takes option c (with arg) into o; returns 1 when it was a key option. */
int ogi_keys_option(int c, const char *arg, ogi_auth_opts_t *o);

/*
 * The context and keys of a daemon or producer: a new ZeroMQ context, the
 * keys o names, and (server: the broker, the sink) the ZAP handler that
 * admits clients. On error prints "WHO: reason" and returns -1.
 */
int ogi_keys_setup(const char *who, ogi_auth_opts_t *o, int server,
                   void **ctx, ogi_auth_t **auth);
/* Stops the handler, forgets the keys, ends the context. */
void ogi_keys_teardown(void **ctx, ogi_auth_t **auth);

/* The help text of the key options, for a command's --help. */
extern const char ogi_keys_help_server[];
extern const char ogi_keys_help_client[];

#endif /* OGI_WORKER_KEYS_H */
