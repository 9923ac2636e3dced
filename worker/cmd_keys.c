/*
 * cmd_keys.c - `ogi keygen` and the key options of the pipeline's
 * commands (keys.h).
 */
#define _POSIX_C_SOURCE 200809L

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <zmq.h>

#include "cmd.h"
#include "keys.h"
#include "ogi.h"

const char ogi_keys_help_server[] =
    "  --key FILE              this daemon's secret certificate (ogi keygen;\n"
    "                          mode 600)\n"
    "  --authorized-keys PATH  the clients admitted: a file of public keys or\n"
    "                          certificates, or a directory of NAME.pub files\n"
    "  --insecure              allow tcp:// without keys (logged)\n";

const char ogi_keys_help_client[] =
    "  --key FILE              this client's secret certificate (ogi "
    "keygen;\n"
    "                          mode 600)\n"
    "  --broker-key FILE       the broker's public certificate\n"
    "  --insecure              allow tcp:// without keys (logged)\n";

int
ogi_keys_option(int c, const char *arg, ogi_auth_opts_t *o)
{
    switch (c) {
        case OGI_OPT_KEY:
            o->key_file = arg;
            return 1;
        case OGI_OPT_AUTHORIZED:
            o->authorized_keys = arg;
            return 1;
        case OGI_OPT_BROKER_KEY:
            o->broker_key_file = arg;
            return 1;
        case OGI_OPT_SINK_KEY:
            o->sink_key_file = arg;
            return 1;
        case OGI_OPT_INSECURE:
            o->insecure = 1;
            return 1;
        default:
            return 0;
    }
}

int
ogi_keys_setup(const char *who, ogi_auth_opts_t *o, int server, void **ctx,
               ogi_auth_t **auth)
{
    char why[512] = "";
    *ctx = NULL;
    *auth = NULL;
    o->who = who;
    if (o->authorized_keys && !o->key_file) {
        fprintf(stderr, "%s: --authorized-keys needs --key\n", who);
        return -1;
    }
    if (ogi_auth_create(o, auth, why, sizeof(why)) != 0) {
        fprintf(stderr, "%s: %s\n", who, why[0] ? why : "out of memory");
        return -1;
    }
    *ctx = zmq_ctx_new();
    if (!*ctx) {
        fprintf(stderr, "%s: could not start ZeroMQ\n", who);
        ogi_auth_destroy(auth);
        return -1;
    }
    if (server && ogi_auth_start(*auth, *ctx, why, sizeof(why)) != 0) {
        fprintf(stderr, "%s: %s\n", who, why);
        ogi_keys_teardown(ctx, auth);
        return -1;
    }
    return 0;
}

void
ogi_keys_teardown(void **ctx, ogi_auth_t **auth)
{
    /* the handler's socket must close before the context can end */
    ogi_auth_destroy(auth);
    if (*ctx)
        zmq_ctx_term(*ctx);
    *ctx = NULL;
}

int
ogi_cmd_keygen(int argc, char **argv)
{
    static const struct option opts[] = {
        {"force", no_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int force = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "fh", opts, NULL)) != -1) {
        switch (c) {
            case 'f':
                force = 1;
                break;
            case 'h':
                printf("usage: ogi keygen [--force] NAME\n\n"
                       "Writes a new CURVE key pair as ZeroMQ certificates: "
                       "NAME.key (public and\n"
                       "secret key, mode 600: give it to the daemon or "
                       "producer it is for) and\n"
                       "NAME.pub (public key: hand it to the servers that "
                       "admit it, or to the\n"
                       "clients of a broker or sink). Existing files are "
                       "kept unless --force.\n");
                return 0;
            default:
                return 2;
        }
    }
    if (optind + 1 != argc) {
        fprintf(stderr, "usage: ogi keygen [--force] NAME\n");
        return 2;
    }
    char why[512] = "";
    if (ogi_auth_keygen(argv[optind], force, why, sizeof(why)) != 0) {
        fprintf(stderr, "ogi keygen: %s\n", why);
        return 1;
    }
    printf("%s.key (secret, mode 600) and %s.pub written\n", argv[optind],
           argv[optind]);
    return 0;
}
