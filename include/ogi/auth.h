/*
 * auth.h - who may talk to ogi's daemons: ZeroMQ CURVE keys.
 *
 * The broker and the sink are CURVE servers with key pairs of their own;
 * producers, workers and the sink (for its acknowledgements) connect as
 * clients with theirs, and a server admits a client only when its public
 * key is listed in its authorized keys (a ZAP handler checks every
 * connection). Keys are ZeroMQ certificates (the format of czmq's zcert):
 * NAME.key holds the public and secret key and must be readable by its
 * owner only; NAME.pub holds the public key and may be handed out.
 *
 * Endpoints: tcp:// needs keys unless insecure is set (then a warning is
 * logged); ipc:// needs a directory only its owner can enter; inproc://
 * (ogi ingest) is one process and needs nothing.
 */
#ifndef OGI_AUTH_H
#define OGI_AUTH_H

#include <stddef.h>

#define OGI_AUTH_KEY_LEN 40 /* a Z85-encoded CURVE key */

typedef struct ogi_auth ogi_auth_t;

typedef struct {
    const char *key_file;        /* own certificate with its secret key */
    const char *authorized_keys; /* servers: the clients admitted, a file
                                    (one key or certificate per line) or a
                                    directory of certificates */
    const char *broker_key_file; /* the broker's public certificate */
    const char *sink_key_file;   /* the sink's public certificate */
    int insecure;                /* allow unauthenticated tcp:// */
    const char *who;             /* "ogi broker": names messages */
} ogi_auth_opts_t;

typedef enum {
    OGI_AUTH_BROKER = 0, /* a client socket connecting to the broker */
    OGI_AUTH_SINK        /* ... to the sink */
} ogi_auth_peer_t;

/*
 * Reads the keys opts name (none: an auth that secures nothing). Returns
 * 0; OGI_EINVAL with why naming the file and the reason (missing, not a
 * certificate, a secret key readable by others); OGI_ENOMEM.
 */
int ogi_auth_create(const ogi_auth_opts_t *opts, ogi_auth_t **out, char *why,
                    size_t why_size);
void ogi_auth_destroy(ogi_auth_t **auth);

/*
 * Starts the ZAP handler of ctx (a thread; ogi_auth_destroy stops it, and
 * must come before the context is terminated). Needed before a server
 * socket binds; does nothing without authorized keys.
 */
int ogi_auth_start(ogi_auth_t *auth, void *ctx, char *why, size_t why_size);

/*
 * Makes sock, about to bind ep, a CURVE server; or checks that ep may go
 * without one. auth may be NULL (no keys). Returns 0 or OGI_EINVAL (why:
 * "tcp://...: needs --key and --authorized-keys, or --insecure").
 */
int ogi_auth_server(const ogi_auth_t *auth, void *sock, const char *ep,
                    char *why, size_t why_size);

/* The same for a client socket about to connect to peer at ep. */
int ogi_auth_client(const ogi_auth_t *auth, void *sock, ogi_auth_peer_t peer,
                    const char *ep, char *why, size_t why_size);

/* The sink's public key (Z85), or NULL when none was given. */
const char *ogi_auth_sink_key(const ogi_auth_t *auth);

/*
 * Writes a new key pair: path.key (mode 0600) and path.pub. Refuses to
 * overwrite unless force. Returns 0, OGI_EIO (why) or OGI_EINVAL.
 */
int ogi_auth_keygen(const char *path, int force, char *why, size_t why_size);

#endif /* OGI_AUTH_H */
