/*
 * push.c - the producer: every document sent, every one acknowledged.
 *
 * At most `window` documents are in flight; each is kept (raw bytes and
 * all) until the sink's acknowledgement comes back through the broker, and
 * resent after a timeout that doubles up to a cap. An acknowledgement
 * settles a document only when it names both the producer's sequence
 * number and the document's key (the same bytes submitted twice are two
 * documents with one key: one stored, one duplicate); any other is
 * counted and ignored. The producer id acks are routed by is random.
 */
#include "ogi_int.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zmq.h>

#include "ogi/error.h"
#include "ogi/hash.h"
#include "ogi/pipeline.h"
#include "ogi/source.h"
#include "ogi/text.h"
#include "wire_int.h"

/* The bytes of a document above the size limit that are sent: enough to
 * tell what it is when its dead letter is read. */
#define HEAD_BYTES 65536

/*
 * Reads a whole file into *buf, *len and its SHA-256 into key. A file
 * above max is read through, hashed in chunks, and only its first
 * HEAD_BYTES kept: *size then receives its full size (else 0).
 */
static int
read_file(const char *path, size_t max, uint8_t **buf, size_t *len,
          uint64_t *size, char key[65])
{
    int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return OGI_EIO;
    size_t cap = 65536, n = 0;
    uint64_t total = 0;
    uint8_t *p = malloc(cap);
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    int rc = p && md && EVP_DigestInit_ex(md, EVP_sha256(), NULL) ? 0
                                                                    : OGI_ENOMEM;
    int too_big = 0;
    size_t hashed = 0; /* p[0..hashed) is in the digest already */
    while (!rc) {
        if (n == cap) {
            if (too_big || cap > max) {
                /* keep the head, hash and drop the rest as it comes */
                EVP_DigestUpdate(md, p + hashed, n - hashed);
                too_big = 1;
                n = hashed = HEAD_BYTES < cap ? HEAD_BYTES : cap;
                if (n == cap) {
                    uint8_t *q = realloc(p, cap * 2);
                    if (!q) {
                        rc = OGI_ENOMEM;
                        break;
                    }
                    p = q;
                    cap *= 2;
                }
            } else {
                uint8_t *q = realloc(p, cap * 2);
                if (!q) {
                    rc = OGI_ENOMEM;
                    break;
                }
                p = q;
                cap *= 2;
            }
        }
        ssize_t k = read(fd, p + n, cap - n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            rc = OGI_EIO;
        if (k <= 0)
            break;
        n += (size_t)k;
        total += (uint64_t)k;
    }
    if (fd != 0)
        close(fd);
    if (!rc && !too_big && total > max)
        too_big = 1;
    unsigned char h[EVP_MAX_MD_SIZE];
    unsigned int hl = 0;
    if (!rc && (!EVP_DigestUpdate(md, p + hashed, n - hashed) ||
                !EVP_DigestFinal_ex(md, h, &hl)))
        rc = OGI_ENOMEM;
    EVP_MD_CTX_free(md);
    if (rc) {
        free(p);
        return rc;
    }
    static const char hex[] = "0123456789abcdef";
    for (unsigned i = 0; i < 32; i++) {
        key[2 * i] = hex[h[i] >> 4];
        key[2 * i + 1] = hex[h[i] & 15];
    }
    key[64] = '\0';
    *buf = p;
    *len = too_big && n > HEAD_BYTES ? HEAD_BYTES : n;
    *size = too_big ? total : 0;
    return 0;
}

/*
 * A document given in memory (ogi_push_opts_t.docs), copied into *buf as
 * read_file would read it from a file.
 */
static int
take_doc(const ogi_push_doc_t *d, size_t max, uint8_t **buf, size_t *len,
         uint64_t *size, char key[65])
{
    int too_big = d->len > max;
    size_t n = too_big && d->len > HEAD_BYTES ? HEAD_BYTES : d->len;
    uint8_t *p = malloc(n ? n : 1);
    if (!p)
        return OGI_ENOMEM;
    if (n)
        memcpy(p, d->raw, n);
    ogi_hash_sha256_hex(d->raw, d->len, key);
    *buf = p;
    *len = n;
    *size = too_big ? d->len : 0;
    return 0;
}

/* The name of document i: its path, or the name given with it in memory. */
static const char *
name_of(const ogi_push_opts_t *o, const ogi_source_list_t *paths, size_t i)
{
    if (o->docs)
        return o->docs[i].name ? o->docs[i].name : "";
    return paths->paths[i];
}

typedef struct {
    int used;
    size_t path;       /* index in the list (or in docs) */
    char key[65];
    uint64_t seq;
    uint32_t attempt;
    uint64_t deadline; /* ms */
    uint64_t timeout;  /* ms, doubling */
    uint8_t *raw;
    size_t len;
    uint64_t size; /* a document above the limit: its size (raw: head) */
} slot_t;

static void
settle(const ogi_push_opts_t *o, ogi_push_stats_t *st, const ogi_source_list_t *paths,
       slot_t *s, ogi_push_outcome_t out, const char *reason)
{
    st->outcome[out]++;
    if (o->report)
        o->report(o->report_arg, name_of(o, paths, s->path), s->key, out,
                  reason);
    free(s->raw);
    memset(s, 0, sizeof(*s));
}

static int
send_doc(void *dealer, const char *producer, slot_t *s, const char *path,
         int retry_dead)
{
    Ogi__V1__Document d;
    ogi__v1__document__init(&d);
    const char *name = strrchr(path, '/');
    d.doc_key = s->key;
    d.producer_id = ogi__pb_str(producer);
    d.sequence = s->seq;
    d.attempt = s->attempt;
    d.source_name = ogi__pb_str(name ? name + 1 : path);
    /* no content_type: the worker tells the form from the bytes */
    d.raw.data = s->raw;
    d.raw.len = s->len;
    d.size = s->size;
    d.retry_dead = retry_dead != 0;
    return ogi__wire_send(dealer, NULL, 0, OGI__MSG_DOC, &d.base, 1);
}

/*
 * A producer id nobody can guess: acknowledgements are routed by it, so a
 * guessable one (a pid and a clock) would let anyone aim acks at a push.
 */
static int
random_id(char *out, size_t size)
{
    unsigned char b[16];
    size_t got = 0;
    while (got < sizeof(b)) {
        ssize_t k = getrandom(b + got, sizeof(b) - got, 0);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return -1;
        got += (size_t)k;
    }
    static const char hex[] = "0123456789abcdef";
    if (size < 2 * sizeof(b) + 2)
        return -1;
    out[0] = 'p';
    for (size_t i = 0; i < sizeof(b); i++) {
        out[1 + 2 * i] = hex[b[i] >> 4];
        out[2 + 2 * i] = hex[b[i] & 15];
    }
    out[1 + 2 * sizeof(b)] = '\0';
    return 0;
}

static void
progress(const ogi_push_stats_t *st, uint64_t done, uint64_t start,
         uint64_t now, int final)
{
    double secs = (double)(now - start) / 1000.0;
    double rate = secs > 0 ? (double)done / secs : 0;
    double eta = rate > 0 ? (double)(st->total - done) / rate : 0;
    fprintf(stderr, "\r%llu/%llu documents, %.0f/s, ETA %.0f s   %s",
            (unsigned long long)done, (unsigned long long)st->total, rate,
            eta, final ? "\n" : "");
}

int
ogi_push_run(const ogi_push_opts_t *o, char *why, size_t why_size)
{
    ogi_source_list_t paths;
    memset(&paths, 0, sizeof(paths));
    int rc = o->docs ? 0
                     : ogi_source_list(o->paths, o->npaths, &paths, why,
                                       why_size);
    size_t ndocs = o->docs ? o->ndocs : paths.n;
    ogi_push_stats_t st0, *st = o->stats ? o->stats : &st0;
    memset(st, 0, sizeof(*st));
    st->total = ndocs;
    unsigned window = o->window ? o->window : 64;
    uint64_t t0 = o->timeout_ms ? o->timeout_ms : 10000;
    uint64_t tmax = o->max_timeout_ms ? o->max_timeout_ms : 60000;
    size_t max = o->max_bytes ? o->max_bytes : OGI_TEXT_MAX_DEFAULT;
    /* the frame limit: a whole document of max bytes and its fields */
    size_t frame = (max > HEAD_BYTES ? max : HEAD_BYTES) + 65536;
    slot_t *slots = calloc(window, sizeof(*slots));
    char producer[80];
    if (o->id)
        snprintf(producer, sizeof(producer), "%s", o->id);
    else if (random_id(producer, sizeof(producer)) != 0) {
        snprintf(why, why_size, "could not draw a producer id: %s",
                 strerror(errno));
        rc = OGI_EIO;
    }
    void *ctx = o->ctx ? o->ctx : zmq_ctx_new();
    void *dealer = ctx ? zmq_socket(ctx, ZMQ_DEALER) : NULL;
    if (!rc && (!slots || !dealer))
        rc = OGI_ENOMEM;
    if (!rc && ogi_auth_client(o->auth, dealer, OGI_AUTH_BROKER, o->frontend,
                               why, why_size))
        rc = OGI_EINVAL;
    if (!rc && (ogi__wire_setup(dealer, frame, 100000) ||
                zmq_setsockopt(dealer, ZMQ_ROUTING_ID, producer,
                               strlen(producer)) ||
                zmq_connect(dealer, o->frontend))) {
        snprintf(why, why_size, "could not connect to \"%s\": %s",
                 o->frontend, zmq_strerror(zmq_errno()));
        rc = OGI_EIO;
    }
    ogi_arena_t *arena = ogi_arena_new(0);
    if (!arena)
        rc = OGI_ENOMEM;
    size_t next = 0, inflight = 0;
    uint64_t seq = 0, done = 0, start = ogi__wire_now_ms(), next_progress = 0;
    ogi__wire_stats_t ws = {0};
    ogi_metric_t *m_sent = ogi_metrics_counter(
        o->metrics, "ogi_documents_sent_total",
        "Documents a producer sent, resends included.", NULL, NULL);
    ogi_metric_t *m_resent = ogi_metrics_counter(
        o->metrics, "ogi_documents_resent_total",
        "Documents a producer sent again, not acknowledged in time.", NULL,
        NULL);
    while (!rc) {
        uint64_t now = ogi__wire_now_ms();
        int stopping = o->stop && *o->stop;
        /* fill the window */
        for (unsigned i = 0; i < window && next < ndocs && !stopping; i++) {
            slot_t *s = &slots[i];
            if (s->used)
                continue;
            memset(s, 0, sizeof(*s));
            s->path = next++;
            int r = o->docs ? take_doc(&o->docs[s->path], max, &s->raw,
                                       &s->len, &s->size, s->key)
                            : read_file(paths.paths[s->path], max, &s->raw,
                                        &s->len, &s->size, s->key);
            if (r) {
                settle(o, st, &paths, s, OGI_PUSH_FAILED,
                       r == OGI_ENOMEM ? "out of memory"
                                       : "could not be read");
                done++;
                continue;
            }
            s->used = 1;
            s->seq = ++seq;
            s->attempt = 1;
            s->timeout = t0;
            s->deadline = now + t0;
            st->bytes += s->len;
            inflight++;
            if (send_doc(dealer, producer, s, name_of(o, &paths, s->path),
                         o->retry_dead) == 0)
                st->sent++;
            else
                s->deadline = now + 100; /* queue full: try again soon */
        }
        if (inflight == 0 && (next >= ndocs || stopping))
            break;
        if (o->give_up_s && now - start > (uint64_t)o->give_up_s * 1000) {
            rc = OGI_ERETRY;
            break;
        }
        if (stopping) {
            rc = OGI_ERETRY;
            break;
        }
        zmq_pollitem_t it = {dealer, 0, ZMQ_POLLIN, 0};
        zmq_poll(&it, 1, 100);
        now = ogi__wire_now_ms();
        ogi__wire_msg_t m;
        while (ogi__wire_recv(dealer, 0, arena, frame, &m, &ws) !=
               OGI_ERETRY) {
            if (m.type != OGI__MSG_ACK)
                continue;
            const Ogi__V1__Ack *ack = (const Ogi__V1__Ack *)m.msg;
            for (size_t k = 0; k < ack->n_items; k++) {
                const Ogi__V1__AckItem *item = ack->items[k];
                unsigned i = 0;
                for (; i < window; i++) {
                    slot_t *s = &slots[i];
                    /* an ack settles only the document it names */
                    if (!s->used || s->seq != item->sequence ||
                        !item->doc_key || strcmp(item->doc_key, s->key) != 0)
                        continue;
                    ogi_push_outcome_t out = OGI_PUSH_STORED;
                    switch (item->outcome) {
                        case OGI__V1__OUTCOME__OUTCOME_DUPLICATE:
                            out = OGI_PUSH_DUPLICATE;
                            break;
                        case OGI__V1__OUTCOME__OUTCOME_REJECTED:
                            out = OGI_PUSH_REJECTED;
                            break;
                        case OGI__V1__OUTCOME__OUTCOME_POISON:
                            out = OGI_PUSH_POISON;
                            break;
                        default:
                            break;
                    }
                    const char *reason = item->reason;
                    char rev[320];
                    if (out == OGI_PUSH_STORED && item->revision) {
                        snprintf(rev, sizeof(rev),
                                 "a revision of %.12s (%s, %d)",
                                 item->supersedes ? item->supersedes : "",
                                 item->agency_key ? item->agency_key : "",
                                 (int)item->year);
                        reason = rev;
                        st->revisions++;
                    }
                    settle(o, st, &paths, s, out, reason);
                    inflight--;
                    done++;
                    break;
                }
                if (i == window)
                    st->stray_acks++;
            }
        }
        ogi_arena_reset(arena);
        /* resend what was not acknowledged in time, backing off */
        for (unsigned i = 0; i < window; i++) {
            slot_t *s = &slots[i];
            if (!s->used || now < s->deadline)
                continue;
            s->attempt++;
            s->timeout = s->timeout * 2 > tmax ? tmax : s->timeout * 2;
            s->deadline = now + s->timeout;
            if (send_doc(dealer, producer, s, name_of(o, &paths, s->path),
                         o->retry_dead) == 0) {
                st->sent++;
                st->resent++;
            }
        }
        ogi_metric_total(m_sent, st->sent);
        ogi_metric_total(m_resent, st->resent);
        if (o->progress && now >= next_progress) {
            progress(st, done, start, now, 0);
            next_progress = now + 250;
        }
    }
    if (o->progress)
        progress(st, done, start, ogi__wire_now_ms(), 1);
    /* what is still pending was not acknowledged */
    for (unsigned i = 0; slots && i < window; i++)
        if (slots[i].used)
            settle(o, st, &paths, &slots[i], OGI_PUSH_PENDING,
                   "not acknowledged");
    /* a push refused at the start (keys) sent nothing: its caller says
     * why, once */
    for (; rc != OGI_EINVAL && next < ndocs; next++) {
        st->outcome[OGI_PUSH_PENDING]++;
        if (o->report)
            o->report(o->report_arg, name_of(o, &paths, next), "",
                      OGI_PUSH_PENDING,
                      "not sent");
    }
    ogi_source_list_free(&paths);
    free(slots);
    ogi_arena_destroy(&arena);
    if (dealer)
        zmq_close(dealer);
    if (!o->ctx && ctx)
        zmq_ctx_term(ctx);
    if (!rc && (st->outcome[OGI_PUSH_FAILED] || st->outcome[OGI_PUSH_PENDING]))
        rc = OGI_ERETRY;
    return rc;
}
