/*
 * metrics.c - a registry of counters, gauges and histograms, its
 * Prometheus text exposition (format 0.0.4), and the HTTP endpoint
 * (libmicrohttpd) serving it at /metrics beside /health.
 *
 * The exposition, per family:
 *     # HELP ogi_x_total What it counts.
 *     # TYPE ogi_x_total counter
 *     ogi_x_total{reason="not_report"} 3
 * and for a histogram, cumulative buckets, then the sum and the count:
 *     ogi_y_seconds_bucket{le="0.005"} 1
 *     ogi_y_seconds_bucket{le="+Inf"} 4
 *     ogi_y_seconds_sum 0.42
 *     ogi_y_seconds_count 4
 * HELP text escapes \ and newline; label values escape \, " and newline.
 */
#include "ogi_int.h"

#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>

#include "ogi/error.h"
#include "ogi/metrics.h"

typedef enum { COUNTER, GAUGE, HISTOGRAM } kind_t;

#define MAX_BOUNDS 32
#define MAX_BEATS  8

struct ogi_metric {
    struct ogi_metric *next;
    char *label_value;
    kind_t kind;
    uint64_t value;                   /* counter; gauge: a double's bits */
    uint64_t buckets[MAX_BOUNDS + 1]; /* histogram, not cumulative */
    uint64_t count;
    uint64_t sum;         /* a double's bits */
    const double *bounds; /* the family's */
    size_t nbounds;
};

typedef struct family {
    struct family *next;
    char *name, *help, *label_name;
    kind_t kind;
    double bounds[MAX_BOUNDS];
    size_t nbounds;
    ogi_metric_t *series, *last;
} family_t;

typedef struct {
    char component[32];
    uint64_t beat_ms;
    char fault[256];
} beat_t;

struct ogi_metrics {
    pthread_mutex_t lock;
    family_t *families, *last;
    beat_t beats[MAX_BEATS];
    size_t nbeats;
    struct MHD_Daemon *daemon;
};

const double ogi_metrics_seconds_bounds[] = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                             0.05,  0.1,    0.25,  0.5,  1,
                                             2.5,   5,      10,    30,   60};
const size_t ogi_metrics_seconds_nbounds =
    OGI_ARRAY_LEN(ogi_metrics_seconds_bounds);
const double ogi_metrics_batch_bounds[] = {1,   2,   5,   10,   20,   50,
                                           100, 200, 500, 1000, 2000, 5000};
const size_t ogi_metrics_batch_nbounds =
    OGI_ARRAY_LEN(ogi_metrics_batch_bounds);

static uint64_t
bits(double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof(u));
    return u;
}

static double
from_bits(uint64_t u)
{
    double v;
    memcpy(&v, &u, sizeof(v));
    return v;
}

static uint64_t
mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

ogi_metrics_t *
ogi_metrics_new(void)
{
    ogi_metrics_t *m = calloc(1, sizeof(*m));
    if (m && pthread_mutex_init(&m->lock, NULL) != 0) {
        free(m);
        return NULL;
    }
    return m;
}

void
ogi_metrics_destroy(ogi_metrics_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    ogi_metrics_t *m = *self_p;
    if (m->daemon)
        MHD_stop_daemon(m->daemon);
    for (family_t *f = m->families, *fn; f; f = fn) {
        fn = f->next;
        for (ogi_metric_t *s = f->series, *sn; s; s = sn) {
            sn = s->next;
            free(s->label_value);
            free(s);
        }
        free(f->name);
        free(f->help);
        free(f->label_name);
        free(f);
    }
    pthread_mutex_destroy(&m->lock);
    free(m);
    *self_p = NULL;
}

static char *
dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static int
same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The series, found or made; the registry's lock is held. */
static ogi_metric_t *
series(ogi_metrics_t *m, kind_t kind, const char *name, const char *help,
       const char *label_name, const char *label_value, const double *bounds,
       size_t nbounds)
{
    family_t *f = m->families;
    while (f && strcmp(f->name, name) != 0)
        f = f->next;
    if (f && (f->kind != kind || !same(f->label_name, label_name)))
        return NULL;
    if (!f) {
        if (nbounds > MAX_BOUNDS)
            return NULL;
        f = calloc(1, sizeof(*f));
        if (!f)
            return NULL;
        f->name = strdup(name);
        f->help = strdup(help ? help : "");
        f->label_name = dup_or_null(label_name);
        if (!f->name || !f->help || (label_name && !f->label_name)) {
            free(f->name);
            free(f->help);
            free(f->label_name);
            free(f);
            return NULL;
        }
        f->kind = kind;
        if (nbounds)
            memcpy(f->bounds, bounds, nbounds * sizeof(*bounds));
        f->nbounds = nbounds;
        if (m->last)
            m->last->next = f;
        else
            m->families = f;
        m->last = f;
    }
    for (ogi_metric_t *s = f->series; s; s = s->next)
        if (same(s->label_value, label_value))
            return s;
    ogi_metric_t *s = calloc(1, sizeof(*s));
    if (!s)
        return NULL;
    s->label_value = dup_or_null(label_value);
    if (label_value && !s->label_value) {
        free(s);
        return NULL;
    }
    s->kind = kind;
    s->bounds = f->bounds;
    s->nbounds = f->nbounds;
    if (f->last)
        f->last->next = s;
    else
        f->series = s;
    f->last = s;
    return s;
}

static ogi_metric_t *
lookup(ogi_metrics_t *m, kind_t kind, const char *name, const char *help,
       const char *label_name, const char *label_value, const double *bounds,
       size_t nbounds)
{
    if (!m || !name || (!label_name != !label_value))
        return NULL;
    pthread_mutex_lock(&m->lock);
    ogi_metric_t *s =
        series(m, kind, name, help, label_name, label_value, bounds, nbounds);
    pthread_mutex_unlock(&m->lock);
    return s;
}

ogi_metric_t *
ogi_metrics_counter(ogi_metrics_t *m, const char *name, const char *help,
                    const char *label_name, const char *label_value)
{
    return lookup(m, COUNTER, name, help, label_name, label_value, NULL, 0);
}

ogi_metric_t *
ogi_metrics_gauge(ogi_metrics_t *m, const char *name, const char *help,
                  const char *label_name, const char *label_value)
{
    return lookup(m, GAUGE, name, help, label_name, label_value, NULL, 0);
}

ogi_metric_t *
ogi_metrics_histogram(ogi_metrics_t *m, const char *name, const char *help,
                      const double *bounds, size_t nbounds)
{
    for (size_t i = 1; i < nbounds; i++)
        if (!(bounds[i - 1] < bounds[i]))
            return NULL;
    return lookup(m, HISTOGRAM, name, help, NULL, NULL, bounds, nbounds);
}

void
ogi_metric_add(ogi_metric_t *c, uint64_t n)
{
    if (c && c->kind == COUNTER)
        __atomic_add_fetch(&c->value, n, __ATOMIC_RELAXED);
}

void
ogi_metric_total(ogi_metric_t *c, uint64_t total)
{
    if (!c || c->kind != COUNTER)
        return;
    uint64_t old = __atomic_load_n(&c->value, __ATOMIC_RELAXED);
    while (old < total &&
           !__atomic_compare_exchange_n(&c->value, &old, total, 1,
                                        __ATOMIC_RELAXED, __ATOMIC_RELAXED))
        ;
}

void
ogi_metric_set(ogi_metric_t *g, double v)
{
    if (g && g->kind == GAUGE)
        __atomic_store_n(&g->value, bits(v), __ATOMIC_RELAXED);
}

void
ogi_metric_observe(ogi_metric_t *h, double v)
{
    if (!h || h->kind != HISTOGRAM)
        return;
    size_t i = 0;
    while (i < h->nbounds && v > h->bounds[i])
        i++;
    __atomic_add_fetch(&h->buckets[i], 1, __ATOMIC_RELAXED);
    uint64_t old = __atomic_load_n(&h->sum, __ATOMIC_RELAXED);
    while (!__atomic_compare_exchange_n(&h->sum, &old, bits(from_bits(old) + v),
                                        1, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
        ;
    /* the count last: a scrape sees buckets at least as full as it */
    __atomic_add_fetch(&h->count, 1, __ATOMIC_RELAXED);
}

/* ---- the exposition ---- */

typedef struct {
    char *buf;
    size_t len, cap;
    int failed;
} out_t;

static void
emit(out_t *o, const char *s, size_t n)
{
    if (o->failed)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 4096;
        while (o->len + n + 1 > cap)
            cap *= 2;
        char *b = realloc(o->buf, cap);
        if (!b) {
            o->failed = 1;
            return;
        }
        o->buf = b;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

static void
emits(out_t *o, const char *s)
{
    emit(o, s, strlen(s));
}

static void __attribute__((format(printf, 2, 3)))
emitf(out_t *o, const char *fmt, ...)
{
    char b[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b, sizeof(b), fmt, ap);
    va_end(ap);
    if (n > 0)
        emit(o, b, (size_t)n < sizeof(b) ? (size_t)n : sizeof(b) - 1);
}

/* HELP escapes \ and newline; label values also " */
static void
emit_escaped(out_t *o, const char *s, int label)
{
    for (; *s; s++) {
        if (*s == '\\')
            emits(o, "\\\\");
        else if (*s == '\n')
            emits(o, "\\n");
        else if (label && *s == '"')
            emits(o, "\\\"");
        else
            emit(o, s, 1);
    }
}

/* A float as Prometheus reads it: the shortest form that reads back. */
static void
format_double(char *b, size_t size, double v)
{
    if (v != v) {
        snprintf(b, size, "NaN");
        return;
    }
    if (v > 1.7976931348623157e308 || v < -1.7976931348623157e308) {
        snprintf(b, size, v > 0 ? "+Inf" : "-Inf");
        return;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(b, size, "%.*g", prec, v);
        if (strtod(b, NULL) == v)
            return;
    }
}

static void
emit_labels(out_t *o, const family_t *f, const ogi_metric_t *s, const char *le)
{
    if (!s->label_value && !le)
        return;
    emits(o, "{");
    if (s->label_value) {
        emits(o, f->label_name);
        emits(o, "=\"");
        emit_escaped(o, s->label_value, 1);
        emits(o, "\"");
    }
    if (le) {
        emits(o, s->label_value ? ",le=\"" : "le=\"");
        emits(o, le);
        emits(o, "\"");
    }
    emits(o, "}");
}

static void
emit_family(out_t *o, const family_t *f)
{
    static const char *const types[] = {"counter", "gauge", "histogram"};
    emitf(o, "# HELP %s ", f->name);
    emit_escaped(o, f->help, 0);
    emitf(o, "\n# TYPE %s %s\n", f->name, types[f->kind]);
    for (const ogi_metric_t *s = f->series; s; s = s->next) {
        char v[64];
        if (f->kind == COUNTER) {
            emits(o, f->name);
            emit_labels(o, f, s, NULL);
            emitf(o, " %llu\n",
                  (unsigned long long)__atomic_load_n(&s->value,
                                                      __ATOMIC_RELAXED));
            continue;
        }
        if (f->kind == GAUGE) {
            format_double(
                v, sizeof(v),
                from_bits(__atomic_load_n(&s->value, __ATOMIC_RELAXED)));
            emits(o, f->name);
            emit_labels(o, f, s, NULL);
            emitf(o, " %s\n", v);
            continue;
        }
        /* the count first: buckets are read after it, so none of them
         * is below what it implies (observe adds the count last) */
        uint64_t count = __atomic_load_n(&s->count, __ATOMIC_ACQUIRE);
        uint64_t cum = 0;
        for (size_t i = 0; i <= f->nbounds; i++) {
            cum += __atomic_load_n(&s->buckets[i], __ATOMIC_RELAXED);
            if (i == f->nbounds)
                snprintf(v, sizeof(v), "+Inf");
            else
                format_double(v, sizeof(v), f->bounds[i]);
            uint64_t shown = i == f->nbounds ? count : cum;
            if (shown > count)
                shown = count;
            emitf(o, "%s_bucket", f->name);
            emit_labels(o, f, s, v);
            emitf(o, " %llu\n", (unsigned long long)shown);
        }
        format_double(v, sizeof(v),
                      from_bits(__atomic_load_n(&s->sum, __ATOMIC_RELAXED)));
        emitf(o, "%s_sum", f->name);
        emit_labels(o, f, s, NULL);
        emitf(o, " %s\n", v);
        emitf(o, "%s_count", f->name);
        emit_labels(o, f, s, NULL);
        emitf(o, " %llu\n", (unsigned long long)count);
    }
}

char *
ogi_metrics_render(ogi_metrics_t *m, size_t *len)
{
    out_t o = {0};
    emits(&o, "");
    if (m) {
        pthread_mutex_lock(&m->lock);
        for (const family_t *f = m->families; f; f = f->next)
            emit_family(&o, f);
        pthread_mutex_unlock(&m->lock);
    }
    if (o.failed) {
        free(o.buf);
        return NULL;
    }
    if (len)
        *len = o.len;
    return o.buf;
}

/* ---- health ---- */

static beat_t *
beat_of(ogi_metrics_t *m, const char *component)
{
    for (size_t i = 0; i < m->nbeats; i++)
        if (strcmp(m->beats[i].component, component) == 0)
            return &m->beats[i];
    if (m->nbeats == MAX_BEATS)
        return NULL;
    beat_t *b = &m->beats[m->nbeats++];
    memset(b, 0, sizeof(*b));
    snprintf(b->component, sizeof(b->component), "%s", component);
    return b;
}

void
ogi_metrics_beat(ogi_metrics_t *m, const char *component)
{
    if (!m)
        return;
    pthread_mutex_lock(&m->lock);
    beat_t *b = beat_of(m, component);
    if (b)
        b->beat_ms = mono_ms();
    pthread_mutex_unlock(&m->lock);
}

void
ogi_metrics_fault(ogi_metrics_t *m, const char *component, const char *reason)
{
    if (!m)
        return;
    pthread_mutex_lock(&m->lock);
    beat_t *b = beat_of(m, component);
    if (b)
        snprintf(b->fault, sizeof(b->fault), "%s", reason ? reason : "");
    pthread_mutex_unlock(&m->lock);
}

int
ogi_metrics_health(ogi_metrics_t *m, unsigned stale_ms, char *why,
                   size_t why_size)
{
    if (!m) {
        snprintf(why, why_size, "no metrics");
        return OGI_EINVAL;
    }
    int rc = 0;
    uint64_t now = mono_ms();
    pthread_mutex_lock(&m->lock);
    if (m->nbeats == 0) {
        snprintf(why, why_size, "not started");
        rc = OGI_ERETRY;
    }
    for (size_t i = 0; !rc && i < m->nbeats; i++) {
        const beat_t *b = &m->beats[i];
        if (b->fault[0]) {
            snprintf(why, why_size, "%s: %s", b->component, b->fault);
            rc = OGI_ERETRY;
        } else if (now - b->beat_ms > stale_ms) {
            snprintf(why, why_size, "%s: loop has not run for %llu ms",
                     b->component, (unsigned long long)(now - b->beat_ms));
            rc = OGI_ERETRY;
        }
    }
    pthread_mutex_unlock(&m->lock);
    return rc;
}

/* ---- HTTP ---- */

static enum MHD_Result
answer(struct MHD_Connection *c, unsigned status, char *body, size_t len,
       const char *type)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(r, "Content-Type", type);
    enum MHD_Result rc = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return rc;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
           const char *method, const char *version, const char *upload,
           size_t *upload_size, void **con_cls)
{
    (void)version;
    (void)upload;
    (void)upload_size;
    (void)con_cls;
    ogi_metrics_t *m = cls;
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return answer(c, MHD_HTTP_METHOD_NOT_ALLOWED, strdup("only GET\n"), 9,
                      "text/plain");
    if (strcmp(url, "/metrics") == 0) {
        size_t len;
        char *text = ogi_metrics_render(m, &len);
        if (!text)
            return MHD_NO;
        return answer(c, MHD_HTTP_OK, text, len,
                      "text/plain; version=0.0.4; charset=utf-8");
    }
    if (strcmp(url, "/health") == 0) {
        char why[300];
        char *body = malloc(320);
        if (!body)
            return MHD_NO;
        int rc = ogi_metrics_health(m, 5000, why, sizeof(why));
        int n = snprintf(body, 320, "%s\n", rc ? why : "ok");
        return answer(c, rc ? MHD_HTTP_SERVICE_UNAVAILABLE : MHD_HTTP_OK, body,
                      (size_t)n, "text/plain; charset=utf-8");
    }
    return answer(c, MHD_HTTP_NOT_FOUND,
                  strdup("not found: try /metrics or /health\n"), 35,
                  "text/plain");
}

int
ogi_metrics_serve(ogi_metrics_t *m, const char *addr, unsigned *port, char *why,
                  size_t why_size)
{
    if (!m || !addr || m->daemon)
        return OGI_EINVAL;
    char host[256], serv[16];
    const char *colon = strrchr(addr, ':');
    if (!colon) {
        snprintf(host, sizeof(host), "127.0.0.1");
        snprintf(serv, sizeof(serv), "%s", addr);
    } else {
        size_t hl = (size_t)(colon - addr);
        if (hl >= 2 && addr[0] == '[' && addr[hl - 1] == ']') {
            addr++;
            hl -= 2;
        }
        if (hl == 0 || hl >= sizeof(host)) {
            snprintf(why, why_size,
                     "invalid address \"%s\": give PORT or "
                     "HOST:PORT",
                     addr);
            return OGI_EINVAL;
        }
        memcpy(host, addr, hl);
        host[hl] = '\0';
        snprintf(serv, sizeof(serv), "%s", colon + 1);
    }
    char *end;
    unsigned long p = strtoul(serv, &end, 10);
    if (!serv[0] || *end || p > 65535) {
        snprintf(why, why_size, "invalid port \"%s\"", serv);
        return OGI_EINVAL;
    }
    struct addrinfo hints, *ai = NULL;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    int g = getaddrinfo(host, serv, &hints, &ai);
    if (g != 0 || !ai) {
        snprintf(why, why_size, "could not resolve \"%s\": %s", host,
                 gai_strerror(g));
        return OGI_EINVAL;
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD;
    if (ai->ai_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    m->daemon = MHD_start_daemon(
        flags, (uint16_t)p, NULL, NULL, on_request, m, MHD_OPTION_SOCK_ADDR,
        ai->ai_addr, MHD_OPTION_CONNECTION_TIMEOUT, 10u, MHD_OPTION_END);
    freeaddrinfo(ai);
    if (!m->daemon) {
        snprintf(why, why_size, "could not listen on %s:%s for metrics", host,
                 serv);
        return OGI_EIO;
    }
    if (port) {
        const union MHD_DaemonInfo *di =
            MHD_get_daemon_info(m->daemon, MHD_DAEMON_INFO_BIND_PORT);
        *port = di ? di->port : (unsigned)p;
    }
    return 0;
}
