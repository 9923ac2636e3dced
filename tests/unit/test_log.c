/*
 * test_log.c - event lines (include/ogi/log.h, lib/core/log.c): the text
 * and JSON shapes, escaping, levels, and events said once then summed up.
 *
 * Usage example:
 *
 *     ogi_log_setup(OGI_LOG_JSON, OGI_LOG_INFO);
 *     ogi_log(OGI_LOG_WARN, "sink", "database unreachable: %s, retrying",
 *             why);
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "ogi/log.h"

/* 2026-12-05T19:58:14.123Z */
static const uint64_t when = 1796500694123ULL;

static void
test_text(void **state)
{
    (void)state;
    char b[256];
    size_t n = ogi_log_format_line(b, sizeof(b), OGI_LOG_TEXT, when,
                                   OGI_LOG_INFO, "sink", NULL, 0,
                                   "database back after 3 s, 5 retries");
    assert_string_equal(b, "2026-12-05T19:58:14.123Z info sink: database "
                           "back after 3 s, 5 retries\n");
    assert_int_equal(n, strlen(b));
    /* fields as key=value; a newline in a message stays on one line */
    ogi_log_field_t f[] = {{"worker", "w1.0"}, {"held", "2"}};
    ogi_log_format_line(b, sizeof(b), OGI_LOG_TEXT, when, OGI_LOG_WARN,
                        "broker", f, 2, "worker lost\nagain");
    assert_string_equal(b, "2026-12-05T19:58:14.123Z warn broker: worker "
                           "lost again worker=w1.0 held=2\n");
}

static void
test_json(void **state)
{
    (void)state;
    char b[512];
    ogi_log_field_t f[] = {{"doc_key", "ab\"c"}};
    ogi_log_format_line(b, sizeof(b), OGI_LOG_JSON, when, OGI_LOG_ERROR, "sink",
                        f, 1, "a \\ b\n\tc");
    assert_string_equal(b, "{\"time\":\"2026-12-05T19:58:14.123Z\","
                           "\"level\":\"error\",\"component\":\"sink\","
                           "\"msg\":\"a \\\\ b\\n\\u0009c\","
                           "\"doc_key\":\"ab\\\"c\"}\n");
}

/* A line longer than the buffer is cut, and still ends in a newline (and
 * a JSON one still closes its object). */
static void
test_cut(void **state)
{
    (void)state;
    char b[64], msg[200];
    memset(msg, 'x', sizeof(msg) - 1);
    msg[sizeof(msg) - 1] = '\0';
    size_t n = ogi_log_format_line(b, sizeof(b), OGI_LOG_TEXT, when,
                                   OGI_LOG_INFO, "sink", NULL, 0, msg);
    assert_true(n < sizeof(b));
    assert_int_equal(b[n - 1], '\n');
    n = ogi_log_format_line(b, sizeof(b), OGI_LOG_JSON, when, OGI_LOG_INFO,
                            "sink", NULL, 0, msg);
    assert_true(n < sizeof(b));
    assert_int_equal(b[n - 2], '}');
    assert_int_equal(b[n - 1], '\n');
}

static void
test_names(void **state)
{
    (void)state;
    ogi_log_level_t l;
    ogi_log_format_t f;
    assert_int_equal(ogi_log_parse_level("debug", &l), 0);
    assert_int_equal(l, OGI_LOG_DEBUG);
    assert_int_equal(ogi_log_parse_level("warn", &l), 0);
    assert_int_equal(l, OGI_LOG_WARN);
    assert_int_equal(ogi_log_parse_level("loud", &l), -1);
    assert_int_equal(ogi_log_parse_format("json", &f), 0);
    assert_int_equal(f, OGI_LOG_JSON);
    assert_int_equal(ogi_log_parse_format("xml", &f), -1);
    ogi_log_setup(OGI_LOG_TEXT, OGI_LOG_WARN);
    assert_true(ogi_log_enabled(OGI_LOG_ERROR));
    assert_true(ogi_log_enabled(OGI_LOG_WARN));
    assert_false(ogi_log_enabled(OGI_LOG_INFO));
    ogi_log_setup(OGI_LOG_TEXT, OGI_LOG_INFO);
}

/* The first event is said; more within the period are not; no new
 * events, no line. */
static void
test_limited(void **state)
{
    (void)state;
    ogi_log_limit_t l = {0};
    assert_int_equal(ogi_log_limited(&l, 0, 60, "test", "things dropped"), 0);
    assert_int_equal(ogi_log_limited(&l, 1, 60, "test", "things dropped"), 1);
    assert_int_equal(ogi_log_limited(&l, 5, 60, "test", "things dropped"), 0);
    assert_int_equal(ogi_log_limited(&l, 5, 60, "test", "things dropped"), 0);
    /* a period of 0: the summary is due at once */
    assert_int_equal(ogi_log_limited(&l, 9, 0, "test", "things dropped"), 1);
    assert_int_equal(l.logged, 9);
    assert_int_equal(ogi_log_limited(&l, 9, 0, "test", "things dropped"), 0);
    /* events not yet told are summed up when the period ends, even with
     * no new ones */
    ogi_log_limit_t k = {0};
    assert_int_equal(ogi_log_limited(&k, 1, 60, "test", "things dropped"), 1);
    assert_int_equal(ogi_log_limited(&k, 5, 60, "test", "things dropped"), 0);
    assert_int_equal(ogi_log_limited(&k, 5, 0, "test", "things dropped"), 1);
    assert_int_equal(k.logged, 5);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text),    cmocka_unit_test(test_json),
        cmocka_unit_test(test_cut),     cmocka_unit_test(test_names),
        cmocka_unit_test(test_limited),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
