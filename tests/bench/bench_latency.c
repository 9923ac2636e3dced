/*
 * bench_latency.c - continuous submission through the daemons: one
 * long-lived producer sends documents at a fixed rate to `ogi broker` and
 * measures, for each, the time from its scheduled send to the sink's
 * acknowledgement (stored, after COMMIT). Prints p50, p90, p99 and max;
 * asserts nothing.
 *
 * The producer speaks the protocol `ogi push` speaks, through the same
 * framing (lib/pipeline/wire.c): a Document with its SHA-256 key and a
 * sequence number, settled only by an Ack naming both, resent after a
 * timeout that doubles (10 s, up to 60 s, as push's defaults). It does not
 * call ogi_push_run: that reads its files as it sends and fills its window
 * as fast as acknowledgements allow, where this needs documents in memory
 * before the clock starts and sends on a schedule.
 *
 * Sends follow an absolute schedule (start + i / rate, clock_nanosleep
 * with TIMER_ABSTIME) and latency counts from the scheduled time, not from
 * when the send happened, so a producer that falls behind shows it (no
 * coordinated omission). Between sends the socket is polled, and every
 * Ack is timestamped as it is read (one that arrives in the last
 * millisecond before a send, while the producer sleeps to the exact time,
 * is read just after it: up to a millisecond late).
 *
 * Usage: bench_latency FRONTEND DIR RATE SECONDS
 * DIR holds at least RATE * SECONDS + 1 distinct documents (*.txt; the
 * first, in name order, warms the pipeline up and is not counted).
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zmq.h>

#include "ogi.h"
#include "ogi/pipeline.h"
#include "wire_int.h"

#define MS           1000000ull /* nanoseconds */
#define FIRST_RESEND (10000 * MS)
#define MAX_RESEND   (60000 * MS)
#define WARMUP_WAIT  (60000 * MS) /* for the first acknowledgement */
#define DRAIN_WAIT   (15000 * MS) /* for the last, after the last send */

typedef struct {
    char *path;
    uint8_t *raw;
    size_t len;
    char key[65];
    uint64_t due;      /* scheduled send, ns */
    uint64_t deadline; /* next resend, ns; 0: not sent yet */
    uint64_t timeout;  /* ns, doubling */
    uint32_t attempt;
    int settled;      /* 0, or 1 + ogi_push_outcome_t */
    uint64_t latency; /* ns from due to acknowledgement */
} doc_t;

typedef struct {
    void *dealer;
    char producer[64];
    ogi_arena_t *arena;
    ogi__wire_stats_t ws;
    doc_t *docs;
    size_t n;      /* documents, the warm-up first */
    size_t oldest; /* no document before it is unsettled */
    size_t next;   /* the next to send */
    size_t settled;
    uint64_t resent, stray;
} bench_t;

static uint64_t
now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads a whole file into doc (raw bytes and SHA-256 key). */
static int
load(doc_t *d)
{
    FILE *f = fopen(d->path, "rb");
    if (!f)
        return -1;
    size_t cap = 65536;
    d->raw = malloc(cap);
    while (d->raw) {
        d->len += fread(d->raw + d->len, 1, cap - d->len, f);
        if (d->len < cap)
            break;
        uint8_t *q = realloc(d->raw, cap * 2);
        if (!q)
            free(d->raw);
        d->raw = q; /* NULL ends the loop */
        cap *= 2;
    }
    int bad = ferror(f);
    fclose(f);
    unsigned char h[EVP_MAX_MD_SIZE];
    unsigned hl = 0;
    if (!d->raw || bad ||
        !EVP_Digest(d->raw, d->len, h, &hl, EVP_sha256(), NULL))
        return -1;
    for (unsigned i = 0; i < 32; i++)
        snprintf(d->key + 2 * i, 3, "%02x", h[i]);
    return 0;
}

/* The first n documents of dir (*.txt, in name order), read into docs. */
static doc_t *
load_dir(const char *dir, size_t n)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return NULL;
    size_t count = 0, cap = 1024;
    char **names = malloc(cap * sizeof(*names));
    struct dirent *e;
    while (names && (e = readdir(dp))) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0)
            continue;
        if (count == cap) {
            char **q = realloc(names, (cap *= 2) * sizeof(*names));
            if (!q)
                break;
            names = q;
        }
        if (!(names[count] = strdup(e->d_name)))
            break;
        count++;
    }
    closedir(dp);
    if (!names || count < n) {
        fprintf(stderr, "bench_latency: %s holds %zu documents, not %zu\n", dir,
                count, n);
        return NULL;
    }
    qsort(names, count, sizeof(*names), by_name);
    doc_t *docs = calloc(n, sizeof(*docs));
    for (size_t i = 0; docs && i < n; i++) {
        size_t l = strlen(dir) + strlen(names[i]) + 2;
        docs[i].path = malloc(l);
        if (!docs[i].path)
            return NULL;
        snprintf(docs[i].path, l, "%s/%s", dir, names[i]);
        if (load(&docs[i]) != 0) {
            fprintf(stderr, "bench_latency: could not read \"%s\"\n",
                    docs[i].path);
            return NULL;
        }
    }
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
    return docs;
}

/* Sends (or resends) document i, as ogi push does. */
static void
send_doc(bench_t *b, size_t i, uint64_t now)
{
    doc_t *d = &b->docs[i];
    Ogi__V1__Document m;
    ogi__v1__document__init(&m);
    const char *name = strrchr(d->path, '/');
    m.doc_key = d->key;
    m.producer_id = b->producer;
    m.sequence = i + 1;
    m.attempt = ++d->attempt;
    m.source_name = ogi__pb_str(name ? name + 1 : d->path);
    m.raw.data = d->raw;
    m.raw.len = d->len;
    if (d->attempt > 1) {
        b->resent++;
        d->timeout = d->timeout * 2 > MAX_RESEND ? MAX_RESEND : d->timeout * 2;
    } else {
        d->timeout = FIRST_RESEND;
    }
    d->deadline = now + d->timeout;
    if (ogi__wire_send(b->dealer, NULL, 0, OGI__MSG_DOC, &m.base, 1) != 0)
        d->deadline = now + 100 * MS; /* queue full: try again soon */
}

/* Reads every Ack waiting, timestamping each document it settles. */
static void
take_acks(bench_t *b)
{
    ogi__wire_msg_t m;
    int r;
    while ((r = ogi__wire_recv(b->dealer, 0, b->arena, 1 << 20, &m, &b->ws)) !=
           OGI_ERETRY) {
        if (r != 0 || m.type != OGI__MSG_ACK)
            continue;
        uint64_t now = now_ns();
        const Ogi__V1__Ack *ack = (const Ogi__V1__Ack *)m.msg;
        for (size_t k = 0; k < ack->n_items; k++) {
            const Ogi__V1__AckItem *it = ack->items[k];
            doc_t *d = it->sequence >= 1 && it->sequence <= b->next
                           ? &b->docs[it->sequence - 1]
                           : NULL;
            /* an ack settles only the document it names, once */
            if (!d || d->settled || !it->doc_key ||
                strcmp(it->doc_key, d->key) != 0) {
                b->stray++;
                continue;
            }
            ogi_push_outcome_t out = OGI_PUSH_STORED;
            if (it->outcome == OGI__V1__OUTCOME__OUTCOME_DUPLICATE)
                out = OGI_PUSH_DUPLICATE;
            else if (it->outcome == OGI__V1__OUTCOME__OUTCOME_REJECTED)
                out = OGI_PUSH_REJECTED;
            else if (it->outcome == OGI__V1__OUTCOME__OUTCOME_POISON)
                out = OGI_PUSH_POISON;
            d->settled = 1 + (int)out;
            d->latency = now > d->due ? now - d->due : 0;
            b->settled++;
        }
    }
    ogi_arena_reset(b->arena);
    while (b->oldest < b->next && b->docs[b->oldest].settled)
        b->oldest++;
}

/* Resends what was sent and not acknowledged in time. */
static void
resend_due(bench_t *b, uint64_t now)
{
    for (size_t i = b->oldest; i < b->next; i++)
        if (!b->docs[i].settled && now >= b->docs[i].deadline)
            send_doc(b, i, now);
}

/*
 * Takes acknowledgements until t (ns), or until every document sent is
 * settled when stop_when_settled: polls the socket to within a
 * millisecond of t, then sleeps to t exactly.
 */
static void
wait_until(bench_t *b, uint64_t t, int stop_when_settled)
{
    for (;;) {
        take_acks(b);
        uint64_t now = now_ns();
        resend_due(b, now);
        if (stop_when_settled && b->settled == b->next)
            return;
        if (now + MS >= t)
            break;
        /* wake a millisecond early at most: zmq_poll counts whole ones */
        zmq_pollitem_t it = {b->dealer, 0, ZMQ_POLLIN, 0};
        long wait = (long)((t - now) / MS) - 1;
        zmq_poll(&it, 1, wait < 1 ? 1 : wait > 100 ? 100 : wait);
    }
    struct timespec ts = {(time_t)(t / 1000000000ull),
                          (long)(t % 1000000000ull)};
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
        ;
}

static int
by_latency(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The nearest-rank percentile p (0-100] of sorted v[0..n). */
static uint64_t
percentile(const uint64_t *v, size_t n, unsigned p)
{
    size_t rank = (n * p + 99) / 100;
    return n ? v[rank ? rank - 1 : 0] : 0;
}

/* Milliseconds with two significant figures or so: "4.1 ms", "23 ms". */
static const char *
ms(char *buf, size_t size, uint64_t ns)
{
    double v = (double)ns / (double)MS;
    snprintf(buf, size, v < 10 ? "%.1f ms" : "%.0f ms", v);
    return buf;
}

int
main(int argc, char **argv)
{
    if (argc != 5 || atof(argv[3]) <= 0 || atof(argv[4]) <= 0) {
        fprintf(stderr, "usage: bench_latency FRONTEND DIR RATE SECONDS\n");
        return 2;
    }
    double rate = atof(argv[3]), seconds = atof(argv[4]);
    size_t timed = (size_t)(rate * seconds + 0.5);
    bench_t b = {0};
    b.n = timed + 1;
    b.docs = load_dir(argv[2], b.n);
    if (!b.docs)
        return 1;
    snprintf(b.producer, sizeof(b.producer), "bench-latency-%ld-%llx",
             (long)getpid(), (unsigned long long)now_ns());
    void *ctx = zmq_ctx_new();
    b.dealer = ctx ? zmq_socket(ctx, ZMQ_DEALER) : NULL;
    b.arena = ogi_arena_new(0);
    if (!b.dealer || !b.arena || ogi__wire_setup(b.dealer, 1 << 20, 100000) ||
        zmq_setsockopt(b.dealer, ZMQ_ROUTING_ID, b.producer,
                       strlen(b.producer)) ||
        zmq_connect(b.dealer, argv[1])) {
        fprintf(stderr, "bench_latency: could not connect to \"%s\": %s\n",
                argv[1], zmq_strerror(zmq_errno()));
        return 1;
    }

    /* warm-up: one document through every daemon and the database */
    uint64_t t = now_ns();
    b.docs[0].due = t;
    b.next = 1;
    send_doc(&b, 0, t);
    wait_until(&b, t + WARMUP_WAIT, 1);
    if (!b.docs[0].settled) {
        fprintf(stderr,
                "bench_latency: the warm-up document was not "
                "acknowledged in %llu s\n",
                (unsigned long long)(WARMUP_WAIT / 1000000000ull));
        return 1;
    }

    /* the schedule: document i (from 1) due at start + (i - 1) / rate */
    uint64_t start = now_ns() + 10 * MS;
    uint64_t late_max = 0;
    for (size_t i = 1; i < b.n; i++)
        b.docs[i].due = start + (uint64_t)((double)(i - 1) * 1e9 / rate);
    for (size_t i = 1; i < b.n; i++) {
        wait_until(&b, b.docs[i].due, 0);
        uint64_t now = now_ns();
        if (now - b.docs[i].due > late_max)
            late_max = now - b.docs[i].due;
        b.next = i + 1;
        send_doc(&b, i, now);
    }
    wait_until(&b, b.docs[b.n - 1].due + DRAIN_WAIT, 1);

    uint64_t out[7] = {0};
    uint64_t *lat = malloc(timed * sizeof(*lat));
    size_t nlat = 0;
    for (size_t i = 1; lat && i < b.n; i++) {
        out[b.docs[i].settled]++;
        if (b.docs[i].settled)
            lat[nlat++] = b.docs[i].latency;
    }
    if (lat)
        qsort(lat, nlat, sizeof(*lat), by_latency);
    char p50[32], p90[32], p99[32], max[32], late[32], other[160] = "";
    size_t o = 0;
    static const char *const names[] = {"",         "stored", "duplicates",
                                        "rejected", "poison", "failed"};
    for (int k = OGI_PUSH_DUPLICATE; k <= OGI_PUSH_POISON; k++)
        if (out[1 + k])
            o += (size_t)snprintf(other + o, sizeof(other) - o, ", %llu %s",
                                  (unsigned long long)out[1 + k], names[k]);
    if (out[0])
        snprintf(other + o, sizeof(other) - o, ", %llu not acknowledged",
                 (unsigned long long)out[0]);
    printf("continuous: %zu documents at %g/s for %g s: acknowledged %llu "
           "stored%s; latency p50 %s, p90 %s, p99 %s, max %s (aim: p99 <= "
           "100 ms)\n",
           timed, rate, seconds, (unsigned long long)out[1 + OGI_PUSH_STORED],
           other, ms(p50, sizeof(p50), percentile(lat, nlat, 50)),
           ms(p90, sizeof(p90), percentile(lat, nlat, 90)),
           ms(p99, sizeof(p99), percentile(lat, nlat, 99)),
           ms(max, sizeof(max), nlat ? lat[nlat - 1] : 0));
    printf("  sends at most %s behind schedule; %llu resent, %llu stray "
           "acknowledgements\n",
           ms(late, sizeof(late), late_max), (unsigned long long)b.resent,
           (unsigned long long)b.stray);
    for (size_t i = 0; i < b.n; i++) {
        free(b.docs[i].raw);
        free(b.docs[i].path);
    }
    free(b.docs);
    free(lat);
    ogi_arena_destroy(&b.arena);
    zmq_close(b.dealer);
    zmq_ctx_term(ctx);
    return 0;
}
