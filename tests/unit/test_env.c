/*
 * test_env.c - the names and values of the OGI_* variables
 * (include/ogi/env.h, lib/core/env.c). Usage example:
 *
 *     char name[64];
 *     ogi_env_name(NULL, "drain-timeout", name, sizeof(name));
 *         -> "OGI_DRAIN_TIMEOUT"
 *     ogi_env_name("worker", "threads", ...)   -> "OGI_WORKER_THREADS"
 *     ogi_env_flag("yes") -> 1, ogi_env_flag("0") -> 0, "maybe" -> -1
 *     ogi_env_unknown(environ, known, n, &len) -> the first OGI_ entry
 *         not in known, ogi_env_closest(it, known, n) -> a suggestion
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "ogi/env.h"
#include "ogi/error.h"

static void
names(void **state)
{
    (void)state;
    char b[64];
    assert_int_equal(ogi_env_name(NULL, "frontend", b, sizeof(b)), 0);
    assert_string_equal(b, "OGI_FRONTEND");
    assert_int_equal(ogi_env_name(NULL, "drain-timeout", b, sizeof(b)), 0);
    assert_string_equal(b, "OGI_DRAIN_TIMEOUT");
    assert_int_equal(ogi_env_name(NULL, "log-format", b, sizeof(b)), 0);
    assert_string_equal(b, "OGI_LOG_FORMAT");
    assert_int_equal(ogi_env_name("worker", "threads", b, sizeof(b)), 0);
    assert_string_equal(b, "OGI_WORKER_THREADS");
    assert_int_equal(ogi_env_name("sink", "authorized-keys", b, sizeof(b)), 0);
    assert_string_equal(b, "OGI_SINK_AUTHORIZED_KEYS");
}

static void
name_too_long(void **state)
{
    (void)state;
    char b[13]; /* "OGI_FRONTEND" and its NUL fit exactly */
    assert_int_equal(ogi_env_name(NULL, "frontend", b, sizeof(b)), 0);
    assert_string_equal(b, "OGI_FRONTEND");
    assert_int_equal(ogi_env_name(NULL, "frontends", b, sizeof(b)),
                     OGI_ETOOBIG);
    assert_string_equal(b, "");
    assert_int_equal(ogi_env_name("broker", "frontend", b, sizeof(b)),
                     OGI_ETOOBIG);
    assert_int_equal(ogi_env_name(NULL, "x", b, 0), OGI_ETOOBIG);
}

static void
flags(void **state)
{
    (void)state;
    const char *yes[] = {"1", "true", "yes", "on", "TRUE", "Yes"};
    const char *no[] = {"0", "false", "no", "off", "FALSE", "No"};
    const char *bad[] = {"", "2", "maybe", "y", "n", "1 ", "truee"};
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
        assert_int_equal(ogi_env_flag(yes[i]), 1);
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
        assert_int_equal(ogi_env_flag(no[i]), 0);
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        assert_int_equal(ogi_env_flag(bad[i]), -1);
}

static void
distance(void **state)
{
    (void)state;
    assert_int_equal(ogi_env_distance("", ""), 0);
    assert_int_equal(ogi_env_distance("abc", "abc"), 0);
    assert_int_equal(ogi_env_distance("", "abc"), 3);
    assert_int_equal(ogi_env_distance("abc", ""), 3);
    /* the classic: kitten -> sitting is 3 */
    assert_int_equal(ogi_env_distance("kitten", "sitting"), 3);
    assert_int_equal(ogi_env_distance("OGI_FRONTED", "OGI_FRONTEND"), 1);
    assert_int_equal(ogi_env_distance("OGI_BAKEND", "OGI_BACKEND"), 1);
    assert_int_equal(ogi_env_distance("OGI_SNIK", "OGI_SINK"), 2);
}

static const char *const known[] = {"OGI_FRONTEND", "OGI_BACKEND",
                                    "OGI_SINK",     "OGI_SINK_KEY",
                                    "OGI_DB",       "OGI_DRAIN_TIMEOUT"};
enum { NKNOWN = sizeof(known) / sizeof(known[0]) };

static void
closest(void **state)
{
    (void)state;
    assert_string_equal(ogi_env_closest("OGI_FRONTED", known, NKNOWN),
                        "OGI_FRONTEND");
    assert_string_equal(ogi_env_closest("OGI_SINK_KEYS", known, NKNOWN),
                        "OGI_SINK_KEY");
    assert_string_equal(ogi_env_closest("OGI_DRAIN_TIMOUT", known, NKNOWN),
                        "OGI_DRAIN_TIMEOUT");
    assert_string_equal(ogi_env_closest("OGI_D", known, NKNOWN), "OGI_DB");
    assert_null(ogi_env_closest("OGI_X", known, 0));
}

static void
unknown(void **state)
{
    (void)state;
    size_t len = 0;
    const char *ok[] = {"PATH=/bin",
                        "OGI_FRONTEND=tcp://x",
                        "OGI_DB=a=b c",
                        "OGIX=1",
                        "ogi_frontend=lower case is not ours",
                        NULL};
    assert_null(ogi_env_unknown(ok, known, NKNOWN, &len));
    const char *typo[] = {"OGI_SINK=x", "OGI_FRONTED=tcp://x", "OGI_BAKEND=y",
                          NULL};
    const char *e = ogi_env_unknown(typo, known, NKNOWN, &len);
    assert_non_null(e);
    assert_int_equal(len, strlen("OGI_FRONTED"));
    assert_memory_equal(e, "OGI_FRONTED", len);
    /* a known name's prefix or extension is not the name */
    const char *prefix[] = {"OGI_SIN=x", NULL};
    e = ogi_env_unknown(prefix, known, NKNOWN, &len);
    assert_non_null(e);
    assert_int_equal(len, 7);
    const char *longer[] = {"OGI_DBX=x", NULL};
    assert_non_null(ogi_env_unknown(longer, known, NKNOWN, &len));
    assert_int_equal(len, 7);
    /* an entry without '=' is still named */
    const char *bare[] = {"OGI_NOPE", NULL};
    assert_non_null(ogi_env_unknown(bare, known, NKNOWN, &len));
    assert_int_equal(len, 8);
    assert_null(ogi_env_unknown(NULL, known, NKNOWN, &len));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names),   cmocka_unit_test(name_too_long),
        cmocka_unit_test(flags),   cmocka_unit_test(distance),
        cmocka_unit_test(closest), cmocka_unit_test(unknown),
    };
    return cmocka_run_group_tests_name("env", tests, NULL, NULL);
}
