/*
 * test_error.c - the result-code table (include/ogi/error.h).
 *
 * Every code comes from the one X-macro table OGI_ERR_MAP; the tests walk
 * the same table, so a code added to it is checked without editing this
 * file. Usage example:
 *
 *     int rc = ogi_text_decode(...);
 *     if (rc != OGI_OK)
 *         fprintf(stderr, "%s: %s\n", ogi_err_name(rc), ogi_strerror(rc));
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <limits.h>
#include <string.h>

#include "ogi/error.h"

typedef struct {
    int value;        /* the code */
    const char *name; /* "OGI_" followed by its name in the table */
    const char *msg;  /* its message in the table */
} code_t;

static const code_t codes[] = {
#define CODE(name, value, msg) {(value), "OGI_" #name, (msg)},
    OGI_ERR_MAP(CODE)
#undef CODE
};

#define NCODES (sizeof(codes) / sizeof(codes[0]))

/* Each enumerator equals the value written in the table. */
static void
enum_matches_table(void **state)
{
    (void)state;
#define CHECK_ENUM(name, value, msg) assert_int_equal(OGI_##name, (value));
    OGI_ERR_MAP(CHECK_ENUM)
#undef CHECK_ENUM
    assert_true(NCODES >= 10);
}

static void
ok_is_zero(void **state)
{
    (void)state;
    assert_int_equal(OGI_OK, 0);
    assert_string_equal(ogi_err_name(0), "OGI_OK");
    assert_string_equal(ogi_strerror(0), "success");
}

/* The values stay as documented: codes are never renumbered. */
static void
values_are_stable(void **state)
{
    (void)state;
    assert_int_equal(OGI_ENOMEM, -1);
    assert_int_equal(OGI_EINVAL, -2);
    assert_int_equal(OGI_EPARSE, -3);
    assert_int_equal(OGI_ETOOBIG, -4);
    assert_int_equal(OGI_ERETRY, -5);
    assert_int_equal(OGI_EREJECT, -6);
    assert_int_equal(OGI_EIO, -7);
    assert_int_equal(OGI_ENCODING, -8);
    assert_int_equal(OGI_ENOTFOUND, -9);
    assert_int_equal(OGI_ECONVERT, -10);
    assert_int_equal(OGI_EINTR, -11);
}

static void
values_are_distinct(void **state)
{
    (void)state;
    for (size_t i = 0; i < NCODES; i++)
        for (size_t j = i + 1; j < NCODES; j++) {
            if (codes[i].value == codes[j].value)
                print_error("%s and %s share the value %d\n", codes[i].name,
                            codes[j].name, codes[i].value);
            assert_int_not_equal(codes[i].value, codes[j].value);
        }
}

/* Failures are negative, success alone is 0. */
static void
failures_are_negative(void **state)
{
    (void)state;
    for (size_t i = 0; i < NCODES; i++) {
        if (strcmp(codes[i].name, "OGI_OK") == 0)
            continue;
        assert_true(codes[i].value < 0);
    }
}

static void
every_code_has_message_and_name(void **state)
{
    (void)state;
    for (size_t i = 0; i < NCODES; i++) {
        const char *m = ogi_strerror(codes[i].value);
        const char *n = ogi_err_name(codes[i].value);
        assert_non_null(m);
        assert_non_null(n);
        assert_true(strlen(m) > 0);
        assert_string_equal(m, codes[i].msg);
        assert_string_not_equal(m, "unknown error");
        assert_string_equal(n, codes[i].name);
        assert_int_equal(strncmp(n, "OGI_", 4), 0);
        assert_true(strlen(n) > 4);
    }
}

/* Messages follow the style guide: lower case, no trailing period. */
static void
messages_follow_style(void **state)
{
    (void)state;
    for (size_t i = 0; i < NCODES; i++) {
        const char *m = ogi_strerror(codes[i].value);
        size_t len = strlen(m);
        assert_false(m[0] >= 'A' && m[0] <= 'Z');
        assert_int_not_equal(m[len - 1], '.');
    }
}

/* Messages and names are distinct from one code to another. */
static void
messages_and_names_are_distinct(void **state)
{
    (void)state;
    for (size_t i = 0; i < NCODES; i++)
        for (size_t j = i + 1; j < NCODES; j++) {
            assert_string_not_equal(ogi_err_name(codes[i].value),
                                    ogi_err_name(codes[j].value));
            assert_string_not_equal(ogi_strerror(codes[i].value),
                                    ogi_strerror(codes[j].value));
        }
}

static void
unknown_codes(void **state)
{
    (void)state;
    static const int unknown[] = {1, 2, 42, -12, -100, INT_MIN, INT_MAX};
    for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
        assert_string_equal(ogi_strerror(unknown[i]), "unknown error");
        assert_string_equal(ogi_err_name(unknown[i]), "OGI_UNKNOWN");
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(enum_matches_table),
        cmocka_unit_test(ok_is_zero),
        cmocka_unit_test(values_are_stable),
        cmocka_unit_test(values_are_distinct),
        cmocka_unit_test(failures_are_negative),
        cmocka_unit_test(every_code_has_message_and_name),
        cmocka_unit_test(messages_follow_style),
        cmocka_unit_test(messages_and_names_are_distinct),
        cmocka_unit_test(unknown_codes),
    };
    return cmocka_run_group_tests_name("error", tests, NULL, NULL);
}
