/*
 * test_metrics.c - the metrics registry and its Prometheus text
 * exposition (include/ogi/metrics.h, lib/pipeline/metrics.c), checked
 * against the format's rules (exposition format 0.0.4): one HELP and one
 * TYPE per family before its samples, escaped HELP text and label values,
 * cumulative histogram buckets ending at le="+Inf" equal to _count, then
 * _sum and _count. Also /health and the HTTP endpoint on a loopback port.
 *
 * Usage example:
 *
 *     ogi_metrics_t *m = ogi_metrics_new();
 *     ogi_metric_t *c = ogi_metrics_counter(m, "ogi_x_total", "Xs.",
 *                                           NULL, NULL);
 *     ogi_metric_add(c, 1);
 *     ogi_metrics_serve(m, "9464", NULL, why, sizeof(why));
 *     ...
 *     ogi_metrics_destroy(&m);
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <arpa/inet.h>
#include <cmocka.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "ogi/error.h"
#include "ogi/metrics.h"

static void
test_counter_and_gauge(void **state)
{
    (void)state;
    ogi_metrics_t *m = ogi_metrics_new();
    assert_non_null(m);
    ogi_metric_t *c =
        ogi_metrics_counter(m, "ogi_docs_total", "Documents seen.", NULL, NULL);
    ogi_metric_t *g =
        ogi_metrics_gauge(m, "ogi_queue", "Queue depth.", NULL, NULL);
    ogi_metric_add(c, 2);
    ogi_metric_add(c, 3);
    ogi_metric_set(g, 7);
    ogi_metric_set(g, 4.5);
    size_t len;
    char *t = ogi_metrics_render(m, &len);
    assert_string_equal(t, "# HELP ogi_docs_total Documents seen.\n"
                           "# TYPE ogi_docs_total counter\n"
                           "ogi_docs_total 5\n"
                           "# HELP ogi_queue Queue depth.\n"
                           "# TYPE ogi_queue gauge\n"
                           "ogi_queue 4.5\n");
    assert_int_equal(len, strlen(t));
    free(t);
    ogi_metrics_destroy(&m);
    assert_null(m);
    ogi_metrics_destroy(&m); /* twice is fine */
}

/* A running total only raises a counter; series of one family share one
 * HELP and TYPE; the same series is found again. */
static void
test_labels_and_totals(void **state)
{
    (void)state;
    ogi_metrics_t *m = ogi_metrics_new();
    ogi_metric_t *a =
        ogi_metrics_counter(m, "ogi_rejected_total", "Rejected, by reason.",
                            "reason", "not_report");
    ogi_metric_t *b = ogi_metrics_counter(m, "ogi_rejected_total", "", "reason",
                                          "say \"hi\"\\\n");
    assert_ptr_equal(a, ogi_metrics_counter(m, "ogi_rejected_total", "",
                                            "reason", "not_report"));
    ogi_metric_total(a, 10);
    ogi_metric_total(a, 4); /* never lowers */
    ogi_metric_add(b, 1);
    /* another type under the same name, or another label name: refused */
    assert_null(ogi_metrics_gauge(m, "ogi_rejected_total", "", "reason", "x"));
    assert_null(ogi_metrics_counter(m, "ogi_rejected_total", "", "rule", "x"));
    /* a label name without a value */
    assert_null(ogi_metrics_counter(m, "ogi_y_total", "", "reason", NULL));
    char *t = ogi_metrics_render(m, NULL);
    assert_string_equal(
        t, "# HELP ogi_rejected_total Rejected, by reason.\n"
           "# TYPE ogi_rejected_total counter\n"
           "ogi_rejected_total{reason=\"not_report\"} 10\n"
           "ogi_rejected_total{reason=\"say \\\"hi\\\"\\\\\\n\"} 1\n");
    free(t);
    ogi_metrics_destroy(&m);
}

static void
test_help_escaped(void **state)
{
    (void)state;
    ogi_metrics_t *m = ogi_metrics_new();
    ogi_metric_set(ogi_metrics_gauge(m, "ogi_g", "a \\ b\nc \"q\"", NULL, NULL),
                   -2);
    char *t = ogi_metrics_render(m, NULL);
    /* HELP escapes backslash and newline, not quotes */
    assert_string_equal(t, "# HELP ogi_g a \\\\ b\\nc \"q\"\n"
                           "# TYPE ogi_g gauge\n"
                           "ogi_g -2\n");
    free(t);
    ogi_metrics_destroy(&m);
}

/* Observations 0.001 (on a bound: le is inclusive), 0.3, 0.3, 7 into
 * bounds 0.001, 0.5, 5: buckets 1, 3, 3, +Inf 4; sum 7.601. */
static void
test_histogram(void **state)
{
    (void)state;
    ogi_metrics_t *m = ogi_metrics_new();
    static const double bounds[] = {0.001, 0.5, 5};
    ogi_metric_t *h =
        ogi_metrics_histogram(m, "ogi_parse_seconds", "Parse time.", bounds, 3);
    assert_non_null(h);
    ogi_metric_observe(h, 0.001);
    ogi_metric_observe(h, 0.3);
    ogi_metric_observe(h, 0.3);
    ogi_metric_observe(h, 7);
    char *t = ogi_metrics_render(m, NULL);
    assert_string_equal(t, "# HELP ogi_parse_seconds Parse time.\n"
                           "# TYPE ogi_parse_seconds histogram\n"
                           "ogi_parse_seconds_bucket{le=\"0.001\"} 1\n"
                           "ogi_parse_seconds_bucket{le=\"0.5\"} 3\n"
                           "ogi_parse_seconds_bucket{le=\"5\"} 3\n"
                           "ogi_parse_seconds_bucket{le=\"+Inf\"} 4\n"
                           "ogi_parse_seconds_sum 7.601\n"
                           "ogi_parse_seconds_count 4\n");
    free(t);
    /* bounds out of order: refused */
    static const double bad[] = {1, 1};
    assert_null(ogi_metrics_histogram(m, "ogi_bad", "", bad, 2));
    ogi_metrics_destroy(&m);
}

/* An empty histogram still shows every bucket at 0. */
static void
test_histogram_empty(void **state)
{
    (void)state;
    ogi_metrics_t *m = ogi_metrics_new();
    static const double bounds[] = {1};
    ogi_metrics_histogram(m, "ogi_batch_records", "Records per batch.", bounds,
                          1);
    char *t = ogi_metrics_render(m, NULL);
    assert_string_equal(t, "# HELP ogi_batch_records Records per batch.\n"
                           "# TYPE ogi_batch_records histogram\n"
                           "ogi_batch_records_bucket{le=\"1\"} 0\n"
                           "ogi_batch_records_bucket{le=\"+Inf\"} 0\n"
                           "ogi_batch_records_sum 0\n"
                           "ogi_batch_records_count 0\n");
    free(t);
    ogi_metrics_destroy(&m);
}

/* NULL series and registries are accepted everywhere: metrics off. */
static void
test_null(void **state)
{
    (void)state;
    assert_null(ogi_metrics_counter(NULL, "ogi_x_total", "", NULL, NULL));
    ogi_metric_add(NULL, 1);
    ogi_metric_total(NULL, 1);
    ogi_metric_set(NULL, 1);
    ogi_metric_observe(NULL, 1);
    ogi_metrics_beat(NULL, "sink");
    ogi_metrics_fault(NULL, "sink", "x");
    ogi_metrics_t *m = NULL;
    ogi_metrics_destroy(&m);
    ogi_metrics_destroy(NULL);
}

static void
test_health(void **state)
{
    (void)state;
    char why[128];
    ogi_metrics_t *m = ogi_metrics_new();
    assert_int_not_equal(ogi_metrics_health(m, 5000, why, sizeof(why)), 0);
    assert_string_equal(why, "not started");
    ogi_metrics_beat(m, "broker");
    ogi_metrics_beat(m, "sink");
    assert_int_equal(ogi_metrics_health(m, 5000, why, sizeof(why)), 0);
    ogi_metrics_fault(m, "sink", "database unreachable: gone");
    assert_int_not_equal(ogi_metrics_health(m, 5000, why, sizeof(why)), 0);
    assert_string_equal(why, "sink: database unreachable: gone");
    ogi_metrics_fault(m, "sink", NULL);
    assert_int_equal(ogi_metrics_health(m, 5000, why, sizeof(why)), 0);
    /* a loop that has not run within the limit */
    nanosleep(&(struct timespec){0, 30000000}, NULL);
    assert_int_not_equal(ogi_metrics_health(m, 10, why, sizeof(why)), 0);
    assert_non_null(strstr(why, "loop has not run for"));
    ogi_metrics_destroy(&m);
}

/* GET path from 127.0.0.1:port; the whole answer in buf. */
static size_t
http_get(unsigned port, const char *path, char *buf, size_t size)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(connect(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
    char req[256];
    int n = snprintf(req, sizeof(req),
                     "GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n", path);
    assert_int_equal(write(fd, req, (size_t)n), n);
    size_t got = 0;
    ssize_t r;
    while (got + 1 < size && (r = read(fd, buf + got, size - 1 - got)) > 0)
        got += (size_t)r;
    buf[got] = '\0';
    close(fd);
    return got;
}

static void
test_serve(void **state)
{
    (void)state;
    char why[256], buf[8192];
    ogi_metrics_t *m = ogi_metrics_new();
    ogi_metric_add(ogi_metrics_counter(m, "ogi_x_total", "Xs.", NULL, NULL), 3);
    unsigned port = 0;
    assert_int_equal(
        ogi_metrics_serve(m, "127.0.0.1:0", &port, why, sizeof(why)), 0);
    assert_true(port > 0);
    http_get(port, "/metrics", buf, sizeof(buf));
    assert_non_null(strstr(buf, "HTTP/1.0 200") ? buf
                                                : strstr(buf, "HTTP/1.1 200"));
    assert_non_null(strstr(buf, "text/plain; version=0.0.4"));
    assert_non_null(strstr(buf, "\r\n\r\n# HELP ogi_x_total Xs.\n"
                                "# TYPE ogi_x_total counter\n"
                                "ogi_x_total 3\n"));
    http_get(port, "/health", buf, sizeof(buf));
    assert_non_null(strstr(buf, " 503 "));
    assert_non_null(strstr(buf, "\r\n\r\nnot started\n"));
    ogi_metrics_beat(m, "worker");
    http_get(port, "/health", buf, sizeof(buf));
    assert_non_null(strstr(buf, " 200 "));
    assert_non_null(strstr(buf, "\r\n\r\nok\n"));
    http_get(port, "/other", buf, sizeof(buf));
    assert_non_null(strstr(buf, " 404 "));
    ogi_metrics_destroy(&m);

    /* bad addresses */
    m = ogi_metrics_new();
    assert_int_equal(
        ogi_metrics_serve(m, "127.0.0.1:70000", NULL, why, sizeof(why)),
        OGI_EINVAL);
    assert_int_equal(ogi_metrics_serve(m, ":80", NULL, why, sizeof(why)),
                     OGI_EINVAL);
    assert_int_equal(ogi_metrics_serve(m, "abc", NULL, why, sizeof(why)),
                     OGI_EINVAL);
    ogi_metrics_destroy(&m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counter_and_gauge),
        cmocka_unit_test(test_labels_and_totals),
        cmocka_unit_test(test_help_escaped),
        cmocka_unit_test(test_histogram),
        cmocka_unit_test(test_histogram_empty),
        cmocka_unit_test(test_null),
        cmocka_unit_test(test_health),
        cmocka_unit_test(test_serve),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
