/*
 * zsend.c - sends raw frames to a ZeroMQ endpoint, for tests that throw
 * garbage at ogi's sockets. Usage:
 *   zsend dealer|push|req ENDPOINT FRAME...
 * A FRAME is text, "@FILE" for a file's bytes, or "#N" for N random bytes.
 * With ZSEND_SERVER_KEY, ZSEND_PUBLIC and ZSEND_SECRET (Z85 keys) set, it
 * connects as a CURVE client.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

int
main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: zsend dealer|push ENDPOINT FRAME...\n");
        return 2;
    }
    int type = strcmp(argv[1], "push") == 0 ? ZMQ_PUSH : ZMQ_DEALER;
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, type);
    int linger = 10000; /* returns as soon as all is sent */
    zmq_setsockopt(s, ZMQ_LINGER, &linger, sizeof(linger));
    const char *server = getenv("ZSEND_SERVER_KEY");
    const char *pub = getenv("ZSEND_PUBLIC"), *sec = getenv("ZSEND_SECRET");
    if (server && pub && sec &&
        (zmq_setsockopt(s, ZMQ_CURVE_SERVERKEY, server, 40) ||
         zmq_setsockopt(s, ZMQ_CURVE_PUBLICKEY, pub, 40) ||
         zmq_setsockopt(s, ZMQ_CURVE_SECRETKEY, sec, 40))) {
        fprintf(stderr, "zsend: bad CURVE keys\n");
        return 1;
    }
    if (zmq_connect(s, argv[2]) != 0) {
        fprintf(stderr, "zsend: could not connect to \"%s\"\n", argv[2]);
        return 1;
    }
    srand(42);
    for (int i = 3; i < argc; i++) {
        const char *f = argv[i];
        char *buf = NULL;
        size_t n = 0;
        if (f[0] == '@') {
            FILE *fp = fopen(f + 1, "rb");
            if (!fp)
                return 1;
            fseek(fp, 0, SEEK_END);
            n = (size_t)ftell(fp);
            fseek(fp, 0, SEEK_SET);
            buf = malloc(n + 1);
            n = fread(buf, 1, n, fp);
            fclose(fp);
        } else if (f[0] == '#') {
            n = strtoul(f + 1, NULL, 10);
            buf = malloc(n + 1);
            for (size_t k = 0; k < n; k++)
                buf[k] = (char)rand();
        } else {
            n = strlen(f);
            buf = malloc(n + 1);
            memcpy(buf, f, n);
        }
        zmq_send(s, buf, n, i + 1 < argc ? ZMQ_SNDMORE : 0);
        free(buf);
    }
    zmq_close(s);
    zmq_ctx_term(ctx);
    return 0;
}
