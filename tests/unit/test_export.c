/*
 * test_export.c - CSV records, the byte order mark, division patterns and
 * the export list (include/ogi/export.h, lib/store/export.c). Expected
 * bytes are RFC 4180's rules written out by hand. Usage example:
 *
 *     ogi_export_csv_bom(out);
 *     const char *row[] = {"江苏省", "a,b", NULL};
 *     ogi_export_csv_row(out, row, 3);   // 江苏省,"a,b",\r\n
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/error.h"
#include "ogi/export.h"

/* The bytes ogi_export_csv_row writes for fields[0..n). */
static char *
csv(const char *const *fields, size_t n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(ogi_export_csv_row(f, fields, n), 0);
    fclose(f);
    return buf;
}

static void
plain_fields_are_bare(void **state)
{
    (void)state;
    const char *row[] = {"2024", "江苏省", "320813:人民政府", "3214"};
    char *s = csv(row, 4);
    assert_string_equal(s, "2024,江苏省,320813:人民政府,3214\r\n");
    free(s);
}

static void
null_and_empty_fields_are_empty(void **state)
{
    (void)state;
    const char *row[] = {NULL, "", "x", NULL};
    char *s = csv(row, 4);
    assert_string_equal(s, ",,x,\r\n");
    free(s);
}

static void
special_fields_are_quoted(void **state)
{
    (void)state;
    const char *row[] = {"a,b",      "say \"hi\"", "two\nlines",
                         "cr\rhere", " lead",      "trail "};
    char *s = csv(row, 6);
    assert_string_equal(s, "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\","
                           "\"cr\rhere\",\" lead\",\"trail \"\r\n");
    free(s);
}

static void
a_lone_quote_is_doubled(void **state)
{
    (void)state;
    const char *row[] = {"\""};
    char *s = csv(row, 1);
    assert_string_equal(s, "\"\"\"\"\r\n");
    free(s);
}

static void
bom_is_utf8(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(ogi_export_csv_bom(f), 0);
    const char *row[] = {"省"};
    assert_int_equal(ogi_export_csv_row(f, row, 1), 0);
    fclose(f);
    assert_int_equal(len, 3 + 3 + 2);
    assert_memory_equal(buf, "\xef\xbb\xbf\xe7\x9c\x81\r\n", 8);
    free(buf);
}

static void
division_patterns(void **state)
{
    (void)state;
    char p[16];
    assert_int_equal(ogi_export_division_pattern("320000", p, sizeof(p)), 0);
    assert_string_equal(p, "32%");
    assert_int_equal(ogi_export_division_pattern("320800", p, sizeof(p)), 0);
    assert_string_equal(p, "3208%");
    assert_int_equal(ogi_export_division_pattern("320813", p, sizeof(p)), 0);
    assert_string_equal(p, "320813");
    assert_int_equal(ogi_export_division_pattern("000000", p, sizeof(p)), 0);
    assert_string_equal(p, "000000");
    assert_int_equal(ogi_export_division_pattern("32081", p, sizeof(p)),
                     OGI_EINVAL);
    assert_int_equal(ogi_export_division_pattern("32081x", p, sizeof(p)),
                     OGI_EINVAL);
    assert_int_equal(ogi_export_division_pattern("3208130", p, sizeof(p)),
                     OGI_EINVAL);
    assert_int_equal(ogi_export_division_pattern("32%", p, sizeof(p)),
                     OGI_EINVAL);
}

static void
only_listed_views_are_known(void **state)
{
    (void)state;
    assert_true(ogi_export_known("apply_by_region"));
    assert_true(ogi_export_known("arithmetic_failures"));
    assert_true(ogi_export_known("active_2021_a20_8"));
    assert_false(ogi_export_known("documents"));
    assert_false(ogi_export_known("dead_letters"));
    assert_false(ogi_export_known("apply; DROP TABLE apply"));
    assert_false(ogi_export_known(""));
    assert_false(ogi_export_known(NULL));
    size_t n;
    const char *const *v = ogi_export_views(&n);
    assert_int_equal(n, 23);
    for (size_t i = 0; i < n; i++)
        assert_true(ogi_export_known(v[i]));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_fields_are_bare),
        cmocka_unit_test(null_and_empty_fields_are_empty),
        cmocka_unit_test(special_fields_are_quoted),
        cmocka_unit_test(a_lone_quote_is_doubled),
        cmocka_unit_test(bom_is_utf8),
        cmocka_unit_test(division_patterns),
        cmocka_unit_test(only_listed_views_are_known),
    };
    return cmocka_run_group_tests_name("export", tests, NULL, NULL);
}
