/* service.c - the daemons' log and metrics options (see service.h). */
#define _POSIX_C_SOURCE 200809L

#include "service.h"

#include <stdio.h>
#include <string.h>
#include <systemd/sd-daemon.h>
#include <time.h>

#include "ogi/error.h"

const char ogi_service_help_log[] =
    "  --log-format text|json  one line per event: \"TIME LEVEL COMPONENT: "
    "message\"\n"
    "                          or a JSON object (default text)\n"
    "  --log-level LEVEL       error, warn, info or debug (default info)\n";

const char ogi_service_help[] =
    "  --metrics [ADDR:]PORT   serve /metrics (Prometheus) and /health over "
    "HTTP\n"
    "                          (default off; a PORT alone is on 127.0.0.1)\n";

void
ogi_service_init(ogi_service_opts_t *so)
{
    memset(so, 0, sizeof(*so));
    so->format = OGI_LOG_TEXT;
    so->level = OGI_LOG_INFO;
}

int
ogi_service_option(const char *cmd, int c, const char *arg,
                   ogi_service_opts_t *so)
{
    switch (c) {
        case OGI_OPT_LOG_FORMAT:
            if (ogi_log_parse_format(arg, &so->format) != 0) {
                fprintf(stderr,
                        "ogi %s: invalid --log-format \"%s\" (text or "
                        "json)\n",
                        cmd, arg);
                return -1;
            }
            return 1;
        case OGI_OPT_LOG_LEVEL:
            if (ogi_log_parse_level(arg, &so->level) != 0) {
                fprintf(stderr,
                        "ogi %s: invalid --log-level \"%s\" (error, warn, "
                        "info or debug)\n",
                        cmd, arg);
                return -1;
            }
            return 1;
        case OGI_OPT_METRICS:
            if (!*arg) {
                fprintf(stderr, "ogi %s: invalid --metrics \"\"\n", cmd);
                return -1;
            }
            so->metrics = arg;
            return 1;
        default:
            return 0;
    }
}

int
ogi_service_start(const char *cmd, const ogi_service_opts_t *so,
                  ogi_metrics_t **metrics)
{
    ogi_log_setup(so->format, so->level);
    *metrics = NULL;
    if (!so->metrics)
        return 0;
    ogi_metrics_t *m = ogi_metrics_new();
    if (!m) {
        ogi_log(OGI_LOG_ERROR, cmd, "out of memory");
        return -1;
    }
    char why[300] = "";
    unsigned port = 0;
    int rc = ogi_metrics_serve(m, so->metrics, &port, why, sizeof(why));
    if (rc) {
        if (rc == OGI_EINVAL)
            fprintf(stderr, "ogi %s: invalid --metrics: %s\n", cmd, why);
        else
            ogi_log(OGI_LOG_ERROR, cmd, "%s", why);
        ogi_metrics_destroy(&m);
        return -1;
    }
    char p[16], host[300];
    snprintf(p, sizeof(p), "%u", port);
    const char *colon = strrchr(so->metrics, ':');
    if (colon)
        snprintf(host, sizeof(host), "%.*s", (int)(colon - so->metrics),
                 so->metrics);
    else
        snprintf(host, sizeof(host), "127.0.0.1");
    ogi_log_fields(OGI_LOG_INFO, cmd, &(ogi_log_field_t){"port", p}, 1,
                   "metrics on http://%s:%u/metrics, health on /health", host,
                   port);
    *metrics = m;
    return 0;
}

static uint64_t
mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void
ogi_service_notify_init(ogi_service_notify_t *n, const char *name,
                        volatile sig_atomic_t *stop)
{
    memset(n, 0, sizeof(*n));
    n->name = name;
    n->stop = stop;
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec >= 2000)
        n->watchdog_ms = usec / 2000; /* ping at half the interval */
}

void
ogi_service_tick(void *arg)
{
    ogi_service_notify_t *n = arg;
    uint64_t now = mono_ms();
    if (!n->ready) {
        char status[96];
        snprintf(status, sizeof(status), "READY=1\nSTATUS=ogi %s running",
                 n->name);
        sd_notify(0, status);
        n->ready = 1;
        n->last_ping_ms = now;
        ogi_log(OGI_LOG_DEBUG, n->name, "ready");
    }
    if (n->stop && *n->stop && !n->stopping) {
        sd_notify(0, "STOPPING=1\nSTATUS=draining");
        n->stopping = 1;
    }
    if (n->watchdog_ms && now - n->last_ping_ms >= n->watchdog_ms) {
        sd_notify(0, "WATCHDOG=1");
        n->last_ping_ms = now;
    }
}

void
ogi_service_stopping(ogi_service_notify_t *n)
{
    if (!n->stopping) {
        sd_notify(0, "STOPPING=1");
        n->stopping = 1;
    }
}
