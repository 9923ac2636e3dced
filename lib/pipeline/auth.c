/*
 * auth.c - ZeroMQ CURVE keys and the ZAP handler that admits clients
 * (include/ogi/auth.h).
 *
 * Certificates are czmq's zcert text ("curve" section, public-key and
 * secret-key in Z85), read line by line: only those two fields matter.
 * The ZAP handler (RFC 27) answers on inproc://zeromq.zap.01 of the
 * daemon's context; a client is admitted when the 32-byte key it proved
 * is among the authorized ones, and its messages then carry that key,
 * Z85-encoded, as their User-Id (the broker takes acknowledgements from
 * the sink's key only).
 */
#define _GNU_SOURCE
#include "ogi_int.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zmq.h>

#include "ogi/auth.h"
#include "ogi/error.h"
#include "ogi/log.h"

#define KEY OGI_AUTH_KEY_LEN
#define MAX_CERT 65536     /* bytes of a certificate file */
#define MAX_AUTHORIZED 100000

struct ogi_auth {
    char who[64];
    int insecure;
    int has_key;
    char pub[KEY + 1], sec[KEY + 1];
    char broker[KEY + 1], sink[KEY + 1]; /* "" when not given */
    char (*allowed)[KEY + 1];
    size_t nallowed;
    int has_allowed;
    /* the ZAP handler */
    char refused[KEY + 64]; /* the last client refused, and when */
    time_t refused_at;
    pthread_t zap;
    int zap_running;
    volatile int zap_stop;
    void *zap_sock;
};

/* ---- keys and certificates ---- */

/* The log's component for a who such as "ogi broker": "broker". */
static const char *
component(const char *who)
{
    if (!who)
        return "ogi";
    return strncmp(who, "ogi ", 4) == 0 && who[4] ? who + 4 : who;
}

static int
valid_key(const char *k, size_t n)
{
    uint8_t bin[32];
    char z[KEY + 1];
    if (n != KEY)
        return 0;
    memcpy(z, k, KEY);
    z[KEY] = '\0';
    return zmq_z85_decode(bin, z) != NULL;
}

/* Reads path whole (at most MAX_CERT bytes) into a NUL-ended buffer. */
static char *
slurp(const char *path, int secret, char *why, size_t why_size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(why, why_size, "could not open \"%s\": %s", path,
                 strerror(errno));
        return NULL;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        snprintf(why, why_size, "\"%s\" is not a regular file", path);
        close(fd);
        return NULL;
    }
    if (secret && (sb.st_mode & 077)) {
        snprintf(why, why_size,
                 "\"%s\" holds a secret key and can be read by others "
                 "(chmod 600 it)",
                 path);
        close(fd);
        return NULL;
    }
    if (sb.st_size > MAX_CERT) {
        snprintf(why, why_size, "\"%s\" is too large for a certificate",
                 path);
        close(fd);
        return NULL;
    }
    char *buf = malloc((size_t)sb.st_size + 1);
    size_t n = 0;
    while (buf && n < (size_t)sb.st_size) {
        ssize_t k = read(fd, buf + n, (size_t)sb.st_size - n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        n += (size_t)k;
    }
    close(fd);
    if (!buf) {
        snprintf(why, why_size, "out of memory");
        return NULL;
    }
    buf[n] = '\0';
    return buf;
}

/* The quoted Z85 value of field ("public-key") on one of the lines of s,
 * into out; 0 or -1. */
static int
cert_field(const char *s, const char *field, char out[KEY + 1])
{
    size_t fl = strlen(field);
    for (const char *p = s; (p = strstr(p, field)) != NULL; p += fl) {
        if (p != s && p[-1] != ' ' && p[-1] != '\t' && p[-1] != '\n')
            continue;
        const char *q = p + fl;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q++ != '=')
            continue;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q++ != '"')
            continue;
        const char *e = strchr(q, '"');
        if (!e || !valid_key(q, (size_t)(e - q)))
            return -1;
        memcpy(out, q, KEY);
        out[KEY] = '\0';
        return 0;
    }
    return -1;
}

static int
read_cert(const char *path, int secret, char pub[KEY + 1], char sec[KEY + 1],
          char *why, size_t why_size)
{
    char *s = slurp(path, secret, why, why_size);
    if (!s)
        return OGI_EINVAL;
    int rc = cert_field(s, "public-key", pub);
    if (rc == 0 && secret)
        rc = cert_field(s, "secret-key", sec);
    free(s);
    if (rc) {
        snprintf(why, why_size,
                 "\"%s\" is not a ZeroMQ %s certificate (want %s = \"...\" "
                 "in Z85; make one with ogi keygen)",
                 path, secret ? "secret" : "public",
                 secret ? "public-key and secret-key" : "public-key");
        return OGI_EINVAL;
    }
    return 0;
}

static int
allow(ogi_auth_t *a, const char *key)
{
    if (a->nallowed >= MAX_AUTHORIZED)
        return OGI_ETOOBIG;
    if ((a->nallowed & (a->nallowed - 1)) == 0) { /* 0, 1, 2, 4, ... */
        size_t cap = a->nallowed ? a->nallowed * 2 : 16;
        void *p = realloc(a->allowed, cap * sizeof(*a->allowed));
        if (!p)
            return OGI_ENOMEM;
        a->allowed = p;
    }
    memcpy(a->allowed[a->nallowed++], key, KEY + 1);
    return 0;
}

/* A file of keys: a certificate, or lines "KEY [comment]" (# comments). */
static int
read_key_list(ogi_auth_t *a, const char *path, char *why, size_t why_size)
{
    char *s = slurp(path, 0, why, why_size);
    if (!s)
        return OGI_EINVAL;
    char key[KEY + 1];
    int rc = 0;
    if (cert_field(s, "public-key", key) == 0) {
        rc = allow(a, key);
    } else {
        size_t line = 0;
        for (char *p = s; *p && !rc;) {
            char *e = strchr(p, '\n');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            line++;
            while (n && (*p == ' ' || *p == '\t')) {
                p++;
                n--;
            }
            size_t k = 0;
            while (k < n && p[k] != ' ' && p[k] != '\t' && p[k] != '\r')
                k++;
            if (k && p[0] != '#') {
                if (!valid_key(p, k)) {
                    snprintf(why, why_size,
                             "\"%s\" line %zu: not a Z85 CURVE public key",
                             path, line);
                    rc = OGI_EINVAL;
                    break;
                }
                memcpy(key, p, KEY);
                key[KEY] = '\0';
                rc = allow(a, key);
            }
            p = e ? e + 1 : p + n;
        }
    }
    free(s);
    return rc;
}

static int
read_authorized(ogi_auth_t *a, const char *path, char *why, size_t why_size)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        snprintf(why, why_size, "could not open \"%s\": %s", path,
                 strerror(errno));
        return OGI_EINVAL;
    }
    a->has_allowed = 1;
    if (!S_ISDIR(sb.st_mode))
        return read_key_list(a, path, why, why_size);
    DIR *d = opendir(path);
    if (!d) {
        snprintf(why, why_size, "could not read \"%s\": %s", path,
                 strerror(errno));
        return OGI_EINVAL;
    }
    int rc = 0;
    struct dirent *e;
    while (!rc && (e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        /* public certificates only: a secret one has no place here */
        if (e->d_name[0] == '.' || l < 5 ||
            strcmp(e->d_name + l - 4, ".pub") != 0)
            continue;
        char p[4096];
        snprintf(p, sizeof(p), "%s/%s", path, e->d_name);
        rc = read_key_list(a, p, why, why_size);
    }
    closedir(d);
    return rc;
}

int
ogi_auth_create(const ogi_auth_opts_t *o, ogi_auth_t **out, char *why,
                size_t why_size)
{
    *out = NULL;
    ogi_auth_t *a = calloc(1, sizeof(*a));
    if (!a)
        return OGI_ENOMEM;
    snprintf(a->who, sizeof(a->who), "%s", o->who ? o->who : "ogi");
    a->insecure = o->insecure;
    char unused[KEY + 1];
    int rc = 0;
    if (o->key_file) {
        rc = read_cert(o->key_file, 1, a->pub, a->sec, why, why_size);
        a->has_key = rc == 0;
    }
    if (!rc && o->broker_key_file)
        rc = read_cert(o->broker_key_file, 0, a->broker, unused, why,
                       why_size);
    if (!rc && o->sink_key_file)
        rc = read_cert(o->sink_key_file, 0, a->sink, unused, why, why_size);
    if (!rc && o->authorized_keys)
        rc = read_authorized(a, o->authorized_keys, why, why_size);
    if (rc) {
        ogi_auth_destroy(&a);
        return rc == OGI_ENOMEM ? rc : OGI_EINVAL;
    }
    *out = a;
    return 0;
}

void
ogi_auth_destroy(ogi_auth_t **auth)
{
    if (!auth || !*auth)
        return;
    ogi_auth_t *a = *auth;
    if (a->zap_running) {
        a->zap_stop = 1;
        pthread_join(a->zap, NULL);
    }
    /* the secret key does not outlive its use */
    explicit_bzero(a->sec, sizeof(a->sec));
    free(a->allowed);
    free(a);
    *auth = NULL;
}

const char *
ogi_auth_sink_key(const ogi_auth_t *a)
{
    return a && a->sink[0] ? a->sink : NULL;
}

/* ---- the ZAP handler ---- */

static int
admitted(const ogi_auth_t *a, const char *key)
{
    for (size_t i = 0; i < a->nallowed; i++)
        if (memcmp(a->allowed[i], key, KEY) == 0)
            return 1;
    return 0;
}

static void
reply(void *sock, zmq_msg_t *id, const char *code, const char *text,
      const char *user)
{
    zmq_send(sock, "1.0", 3, ZMQ_SNDMORE);
    zmq_send(sock, zmq_msg_data(id), zmq_msg_size(id), ZMQ_SNDMORE);
    zmq_send(sock, code, 3, ZMQ_SNDMORE);
    zmq_send(sock, text, strlen(text), ZMQ_SNDMORE);
    zmq_send(sock, user, strlen(user), ZMQ_SNDMORE);
    zmq_send(sock, "", 0, 0);
}

/* One request: version, request id, domain, address, identity,
 * mechanism, credentials. */
static void
answer(ogi_auth_t *a, void *sock)
{
    zmq_msg_t f[8];
    int n = 0, more = 1;
    while (more && n < 8) {
        zmq_msg_init(&f[n]);
        if (zmq_msg_recv(&f[n], sock, 0) < 0) {
            zmq_msg_close(&f[n]);
            break;
        }
        more = zmq_msg_more(&f[n]);
        n++;
    }
    while (more) { /* more frames than the protocol has */
        zmq_msg_t x;
        zmq_msg_init(&x);
        if (zmq_msg_recv(&x, sock, 0) < 0)
            more = 0;
        else
            more = zmq_msg_more(&x);
        zmq_msg_close(&x);
    }
    if (n >= 2) {
        const char *mech = n > 5 ? zmq_msg_data(&f[5]) : "";
        size_t ml = n > 5 ? zmq_msg_size(&f[5]) : 0;
        char key[KEY + 1] = "";
        if (n == 7 && ml == 5 && memcmp(mech, "CURVE", 5) == 0 &&
            zmq_msg_size(&f[6]) == 32)
            zmq_z85_encode(key, zmq_msg_data(&f[6]), 32);
        if (key[0] && admitted(a, key)) {
            reply(sock, &f[1], "200", "OK", key);
        } else {
            char addr[64] = "";
            if (n > 3)
                snprintf(addr, sizeof(addr), "%.*s",
                         (int)zmq_msg_size(&f[3]),
                         (const char *)zmq_msg_data(&f[3]));
            /* a refused client reconnects again and again: say it once
             * a minute */
            char who[sizeof(a->refused)];
            snprintf(who, sizeof(who), "%s %s", addr, key);
            time_t now = time(NULL);
            if (strcmp(who, a->refused) != 0 || now - a->refused_at >= 60) {
                ogi_log_fields(OGI_LOG_WARN, component(a->who),
                               &(ogi_log_field_t){"peer", addr}, 1,
                               "refused a client from %s: %s",
                               addr[0] ? addr : "an unknown address",
                               key[0] ? "its key is not authorized"
                                      : "no CURVE key");
                memcpy(a->refused, who, sizeof(who));
                a->refused_at = now;
            }
            reply(sock, &f[1], "400", "not authorized", "");
        }
    }
    for (int i = 0; i < n; i++)
        zmq_msg_close(&f[i]);
}

static void *
zap_thread(void *arg)
{
    ogi_auth_t *a = arg;
    while (!a->zap_stop) {
        zmq_pollitem_t it = {a->zap_sock, 0, ZMQ_POLLIN, 0};
        if (zmq_poll(&it, 1, 100) > 0)
            answer(a, a->zap_sock);
    }
    zmq_close(a->zap_sock);
    return NULL;
}

int
ogi_auth_start(ogi_auth_t *a, void *ctx, char *why, size_t why_size)
{
    if (!a || !a->has_allowed || a->zap_running)
        return 0;
    a->zap_sock = zmq_socket(ctx, ZMQ_REP);
    int linger = 0;
    if (!a->zap_sock ||
        zmq_setsockopt(a->zap_sock, ZMQ_LINGER, &linger, sizeof(linger)) ||
        zmq_bind(a->zap_sock, "inproc://zeromq.zap.01")) {
        snprintf(why, why_size, "could not start the ZAP handler: %s",
                 zmq_strerror(zmq_errno()));
        if (a->zap_sock)
            zmq_close(a->zap_sock);
        return OGI_EIO;
    }
    if (pthread_create(&a->zap, NULL, zap_thread, a)) {
        zmq_close(a->zap_sock);
        return OGI_ENOMEM;
    }
    a->zap_running = 1;
    return 0;
}

/* ---- sockets ---- */

/*
 * An endpoint without keys: inproc is one process; ipc is as private as
 * the directory its socket file is in; anything else is the network.
 */
static int
unsecured(const ogi_auth_t *a, const char *ep, const char *need, char *why,
          size_t why_size)
{
    int insecure = a && a->insecure;
    const char *who = a ? a->who : "ogi";
    if (strncmp(ep, "inproc://", 9) == 0)
        return 0;
    if (strncmp(ep, "ipc://", 6) == 0) {
        char dir[4096];
        snprintf(dir, sizeof(dir), "%s", ep + 6);
        char *slash = strrchr(dir, '/');
        if (slash)
            *(slash == dir ? slash + 1 : slash) = '\0';
        else
            snprintf(dir, sizeof(dir), ".");
        struct stat sb;
        if (stat(dir, &sb) == 0 && (sb.st_mode & 077) == 0)
            return 0;
        if (insecure) {
            ogi_log(OGI_LOG_WARN, component(who),
                    "%s is in a directory other users can enter "
                    "(--insecure)",
                    ep);
            return 0;
        }
        snprintf(why, why_size,
                 "%s: its directory %s can be entered by other users: make "
                 "it mode 700, give %s, or --insecure",
                 ep, dir, need);
        return OGI_EINVAL;
    }
    if (insecure) {
        ogi_log(OGI_LOG_WARN, component(who),
                "%s is not authenticated (--insecure): anyone who reaches "
                "it can submit documents or forge messages",
                ep);
        return 0;
    }
    snprintf(why, why_size, "%s: a network endpoint needs %s, or --insecure",
             ep, need);
    return OGI_EINVAL;
}

int
ogi_auth_server(const ogi_auth_t *a, void *sock, const char *ep, char *why,
                size_t why_size)
{
    if (!a || !a->has_key || !a->has_allowed)
        return unsecured(a, ep, "--key and --authorized-keys", why,
                         why_size);
    int one = 1;
    if (zmq_setsockopt(sock, ZMQ_CURVE_SERVER, &one, sizeof(one)) ||
        zmq_setsockopt(sock, ZMQ_CURVE_SECRETKEY, a->sec, KEY) ||
        zmq_setsockopt(sock, ZMQ_ZAP_DOMAIN, "ogi", 3)) {
        snprintf(why, why_size, "%s: could not set CURVE: %s", ep,
                 zmq_strerror(zmq_errno()));
        return OGI_EIO;
    }
    return 0;
}

int
ogi_auth_client(const ogi_auth_t *a, void *sock, ogi_auth_peer_t peer,
                const char *ep, char *why, size_t why_size)
{
    const char *server = !a ? "" : peer == OGI_AUTH_SINK ? a->sink : a->broker;
    const char *need =
        peer == OGI_AUTH_SINK ? "--key and --sink-key" : "--key and --broker-key";
    if (!a || !a->has_key || !server[0])
        return unsecured(a, ep, need, why, why_size);
    if (zmq_setsockopt(sock, ZMQ_CURVE_SERVERKEY, server, KEY) ||
        zmq_setsockopt(sock, ZMQ_CURVE_PUBLICKEY, a->pub, KEY) ||
        zmq_setsockopt(sock, ZMQ_CURVE_SECRETKEY, a->sec, KEY)) {
        snprintf(why, why_size, "%s: could not set CURVE: %s", ep,
                 zmq_strerror(zmq_errno()));
        return OGI_EIO;
    }
    return 0;
}

/* ---- ogi keygen ---- */

static int
write_file(const char *path, const char *text, mode_t mode, int force,
           char *why, size_t why_size)
{
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (force ? O_TRUNC : O_EXCL);
    int fd = open(path, flags, mode);
    if (fd < 0) {
        snprintf(why, why_size, "could not create \"%s\": %s%s", path,
                 strerror(errno),
                 errno == EEXIST ? " (--force replaces it)" : "");
        return OGI_EIO;
    }
    /* an existing file keeps its mode through O_TRUNC: set it */
    size_t n = strlen(text);
    int rc = fchmod(fd, mode) == 0 && write(fd, text, n) == (ssize_t)n &&
                     fsync(fd) == 0
                 ? 0
                 : OGI_EIO;
    if (close(fd) != 0)
        rc = OGI_EIO;
    if (rc)
        snprintf(why, why_size, "could not write \"%s\": %s", path,
                 strerror(errno));
    return rc;
}

int
ogi_auth_keygen(const char *path, int force, char *why, size_t why_size)
{
    char pub[KEY + 1], sec[KEY + 1];
    if (zmq_curve_keypair(pub, sec) != 0) {
        snprintf(why, why_size, "could not make a key pair: %s",
                 zmq_strerror(zmq_errno()));
        return OGI_EIO;
    }
    char when[32];
    time_t t = time(NULL);
    struct tm tm;
    strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", gmtime_r(&t, &tm));
    char keyp[4096], pubp[4096], text[1024];
    snprintf(keyp, sizeof(keyp), "%s.key", path);
    snprintf(pubp, sizeof(pubp), "%s.pub", path);
    snprintf(text, sizeof(text),
             "#   ****  Generated on %s UTC by ogi keygen  ****\n"
             "#   ZeroMQ CURVE **Secret** Certificate\n"
             "#   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its "
             "permissions.\n\n"
             "metadata\ncurve\n    public-key = \"%s\"\n"
             "    secret-key = \"%s\"\n",
             when, pub, sec);
    int rc = write_file(keyp, text, 0600, force, why, why_size);
    explicit_bzero(text, sizeof(text));
    explicit_bzero(sec, sizeof(sec));
    if (rc)
        return rc;
    snprintf(text, sizeof(text),
             "#   ****  Generated on %s UTC by ogi keygen  ****\n"
             "#   ZeroMQ CURVE Public Certificate\n"
             "#   Exchange securely, or use a secure mechanism to verify "
             "the contents\n#   of this file after exchange.\n\n"
             "metadata\ncurve\n    public-key = \"%s\"\n",
             when, pub);
    return write_file(pubp, text, 0644, force, why, why_size);
}
