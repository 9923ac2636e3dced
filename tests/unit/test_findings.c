/*
 * test_findings.c - each real report gives exactly the findings a careful
 * reader expects (tests/data/findings/NAME.json, reasons inside).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "ogi.h"

static int
matches(const ogi_finding_t *f, json_t *want)
{
    const char *rule = json_string_value(json_object_get(want, "rule"));
    const char *sev = json_string_value(json_object_get(want, "severity"));
    const char *path = json_string_value(json_object_get(want, "path"));
    int prefix = json_is_true(json_object_get(want, "path_prefix"));
    if (!rule || !sev || !path)
        return 0;
    if (strcmp(f->rule, rule) != 0 ||
        strcmp(ogi_severity_name(f->severity), sev) != 0)
        return 0;
    return prefix ? strncmp(f->path, path, strlen(path)) == 0
                  : strcmp(f->path, path) == 0;
}

static void
check(const char *name)
{
    char rp[256], fp[256], why[256];
    snprintf(rp, sizeof(rp), "tests/data/reports/%s.txt", name);
    snprintf(fp, sizeof(fp), "tests/data/findings/%s.json", name);
    json_error_t err;
    json_t *want = json_load_file(fp, 0, &err);
    assert_non_null(want);
    ogi_arena_t *a = ogi_arena_new(0);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_source_parse_file(a, rp, NULL, &r, why, sizeof(why)),
                     0);
    assert_int_equal(ogi_validate_report(r), 0);
    size_t n = json_array_size(want);
    int used[64] = {0};
    int bad = 0;
    assert_true(n < 64);
    for (size_t i = 0; i < r->nfindings; i++) {
        const ogi_finding_t *f = &r->findings[i];
        size_t k;
        for (k = 0; k < n; k++)
            if (!used[k] && matches(f, json_array_get(want, k)))
                break;
        if (k == n) {
            print_error("%s: unexpected %s %s %s: %s\n", name, f->rule,
                        ogi_severity_name(f->severity), f->path, f->message);
            bad++;
        } else {
            used[k] = 1;
        }
    }
    for (size_t k = 0; k < n; k++)
        if (!used[k]) {
            json_t *w = json_array_get(want, k);
            print_error("%s: missing %s %s %s\n", name,
                        json_string_value(json_object_get(w, "rule")),
                        json_string_value(json_object_get(w, "severity")),
                        json_string_value(json_object_get(w, "path")));
            bad++;
        }
    json_decref(want);
    ogi_arena_destroy(&a);
    assert_int_equal(bad, 0);
}

#define EXPECT(fn, name)                                                       \
    static void fn(void **state)                                               \
    {                                                                          \
        (void)state;                                                           \
        check(name);                                                           \
    }

EXPECT(seed0, "000_797bd12820c43427")
EXPECT(seed1, "001_1cb59e66f00bcffe")
EXPECT(seed2, "002_e734572c7f6275fe")
EXPECT(seed3, "003_17bcadf2ed5508d0")
EXPECT(seed4, "004_38ec84bebc7328d3")
EXPECT(hongze_2023, "hongze-district-2023")
EXPECT(hongze_2024, "hongze-district-2024")
EXPECT(huaian_2024, "huaian-city-2024")

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed0),       cmocka_unit_test(seed1),
        cmocka_unit_test(seed2),       cmocka_unit_test(seed3),
        cmocka_unit_test(seed4),       cmocka_unit_test(hongze_2023),
        cmocka_unit_test(hongze_2024), cmocka_unit_test(huaian_2024),
    };
    return cmocka_run_group_tests_name("findings", tests, NULL, NULL);
}
