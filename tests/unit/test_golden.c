/*
 * test_golden.c - the real reports against golden values that a person
 * read off each report (tests/data/golden/NAME.json, with notes inside).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>

#include "golden.h"

static void
check(const char *name)
{
    char rp[256], gp[256], diff[4096];
    snprintf(rp, sizeof(rp), "tests/data/reports/%s.txt", name);
    snprintf(gp, sizeof(gp), "tests/data/golden/%s.json", name);
    int n = ogi_test_golden_check(rp, gp, diff, sizeof(diff));
    if (n != 0)
        print_error("%s: %d differences\n%s", name, n, diff);
    assert_int_equal(n, 0);
}

#define GOLDEN(fn, name)                                                       \
    static void fn(void **state)                                               \
    {                                                                          \
        (void)state;                                                           \
        check(name);                                                           \
    }

GOLDEN(seed0_gongnong_2020, "000_797bd12820c43427")
GOLDEN(seed1_jiangyuan_2020, "001_1cb59e66f00bcffe")
GOLDEN(seed2_songbei_2020, "002_e734572c7f6275fe")
GOLDEN(seed3_yimei_2020, "003_17bcadf2ed5508d0")
GOLDEN(seed4_xiangyang_2021, "004_38ec84bebc7328d3")
GOLDEN(pdf_hongze_2023, "hongze-district-2023")
GOLDEN(pdf_hongze_2024, "hongze-district-2024")
GOLDEN(pdf_huaian_2024, "huaian-city-2024")

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed0_gongnong_2020),
        cmocka_unit_test(seed1_jiangyuan_2020),
        cmocka_unit_test(seed2_songbei_2020),
        cmocka_unit_test(seed3_yimei_2020),
        cmocka_unit_test(seed4_xiangyang_2021),
        cmocka_unit_test(pdf_hongze_2023),
        cmocka_unit_test(pdf_hongze_2024),
        cmocka_unit_test(pdf_huaian_2024),
    };
    return cmocka_run_group_tests_name("golden", tests, NULL, NULL);
}
