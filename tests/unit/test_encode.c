/*
 * test_encode.c - the record through protobuf and back: nothing lost,
 * nothing invented, and hostile frames refused with an error.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi.h"

static const char *const reports[] = {
    "000_797bd12820c43427", "001_1cb59e66f00bcffe", "002_e734572c7f6275fe",
    "003_17bcadf2ed5508d0", "004_38ec84bebc7328d3", "hongze-district-2023",
    "hongze-district-2024", "huaian-city-2024",
};

static ogi_report_t *
load(ogi_arena_t *a, const char *name)
{
    char path[256], why[256];
    snprintf(path, sizeof(path), "tests/data/reports/%s.txt", name);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_source_parse_file(a, path, NULL, &r, why, sizeof(why)),
                     0);
    assert_int_equal(ogi_validate_report(r), 0);
    return r;
}

/* report -> protobuf -> report -> JSON equals the direct JSON, byte for
 * byte, for every real report (cells, spans, meta, sections, findings). */
static void
round_trip_reports(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(reports) / sizeof(reports[0]); i++) {
        ogi_arena_t *a = ogi_arena_new(0);
        ogi_report_t *r = load(a, reports[i]);
        uint8_t *buf;
        size_t len;
        assert_int_equal(ogi_encode_report(a, r, &buf, &len), 0);
        assert_true(len > 1000);
        ogi_report_t *back = NULL;
        char why[128];
        assert_int_equal(
            ogi_decode_report(a, buf, len, 0, &back, why, sizeof(why)), 0);
        char *j1 = ogi_json_dump(r, OGI_JSON_CELLS);
        char *j2 = ogi_json_dump(back, OGI_JSON_CELLS);
        if (strcmp(j1, j2) != 0)
            print_error("%s: JSON differs after the round trip\n", reports[i]);
        assert_string_equal(j1, j2);
        free(j1);
        free(j2);
        ogi_arena_destroy(&a);
    }
}

/* The agency resolved at validation travels through protobuf: 淮安市洪泽区
 * is 320813, a county (lib/core/divisions.tsv). */
static void
agency_travels(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    ogi_report_t *r = load(a, "hongze-district-2024");
    uint8_t *buf;
    size_t len;
    assert_int_equal(ogi_encode_report(a, r, &buf, &len), 0);
    ogi_report_t *back = NULL;
    char why[128];
    assert_int_equal(ogi_decode_report(a, buf, len, 0, &back, why, sizeof(why)),
                     0);
    assert_string_equal(back->meta.agency_key, "320813:人民政府");
    assert_string_equal(back->meta.division_code, "320813");
    assert_string_equal(back->meta.division_level, "county");
    ogi_arena_destroy(&a);
}

/* The parser version travels with the record: what the sink stores is
 * the version of the worker that parsed it, not the sink's own. */
static void
parser_version_travels(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    ogi_report_t *r = load(a, "hongze-district-2024");
    r->parser_version = "0.0.9-older-worker";
    uint8_t *buf;
    size_t len;
    assert_int_equal(ogi_encode_report(a, r, &buf, &len), 0);
    ogi_report_t *back = NULL;
    char why[128];
    assert_int_equal(ogi_decode_report(a, buf, len, 0, &back, why, sizeof(why)),
                     0);
    assert_string_equal(back->parser_version, "0.0.9-older-worker");
    char *json = ogi_json_dump(back, OGI_JSON_COMPACT);
    assert_non_null(json);
    assert_non_null(strstr(json, "\"parser_version\":\"0.0.9-older-worker\""));
    free(json);
    ogi_arena_destroy(&a);
}

/* Blank and placeholder cells stay distinct from 0 through protobuf. */
static void
blank_is_not_zero(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    ogi_report_t *r = load(a, "004_38ec84bebc7328d3"); /* 3.其他 blank */
    long row = ogi_skeleton_row_index(OGI_T3, "other.misc");
    assert_int_equal(ogi_report_cell(r, OGI_T3, (size_t)row, 0)->state,
                     OGI_CELL_EMPTY);
    uint8_t *buf;
    size_t len;
    assert_int_equal(ogi_encode_report(a, r, &buf, &len), 0);
    ogi_report_t *back;
    char why[128];
    assert_int_equal(ogi_decode_report(a, buf, len, 0, &back, why, sizeof(why)),
                     0);
    const ogi_cell_t *c = ogi_report_cell(back, OGI_T3, (size_t)row, 0);
    assert_int_equal(c->state, OGI_CELL_EMPTY);
    long granted = ogi_skeleton_row_index(OGI_T3, "granted");
    c = ogi_report_cell(back, OGI_T3, (size_t)granted, 0);
    assert_int_equal(c->state, OGI_CELL_NUM);
    assert_int_equal(c->value, 0);
    ogi_arena_destroy(&a);
}

/* Every cell of both formats has its field in the schema. */
static void
schema_covers_skeleton(void **state)
{
    (void)state;
    for (int f = OGI_FORMAT_2019; f <= OGI_FORMAT_2021; f++) {
        ogi_arena_t *a = ogi_arena_new(0);
        ogi_report_t *r = ogi_report_new(a);
        r->meta.format = (ogi_format_t)f;
        r->apply_other_rows = f == OGI_FORMAT_2019 ? 1 : 3;
        for (int id = 0; id < OGI_TABLE_COUNT; id++)
            if (ogi_skeleton_table((ogi_table_id_t)id)->formats & (1u << f))
                assert_int_equal(ogi_report_table_init(r, (ogi_table_id_t)id),
                                 0);
        uint8_t *buf;
        size_t len;
        assert_int_equal(ogi_encode_report(a, r, &buf, &len), 0);
        ogi_arena_destroy(&a);
    }
}

static void
oversized_frame(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    ogi_report_t *r = load(a, "002_e734572c7f6275fe");
    uint8_t *buf;
    size_t len;
    assert_int_equal(ogi_encode_report(a, r, &buf, &len), 0);
    ogi_report_t *back = NULL;
    char why[128] = "";
    assert_int_equal(ogi_decode_report(a, buf, len, len - 1, &back, why,
                                       sizeof(why)),
                     OGI_ETOOBIG);
    assert_null(back);
    assert_non_null(strstr(why, "exceeds the limit"));
    char *json = NULL;
    assert_int_equal(ogi_decode_json("Report", buf, len, 100, &json, why,
                                     sizeof(why)),
                     OGI_ETOOBIG);
    assert_null(json);
    ogi_arena_destroy(&a);
}

/* Garbage and every truncation of a real frame: an error or a report,
 * never a crash (ASan runs this too). */
static void
garbage_and_truncated(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    ogi_report_t *r = load(a, "huaian-city-2024");
    uint8_t *buf;
    size_t len;
    assert_int_equal(ogi_encode_report(a, r, &buf, &len), 0);
    char why[128];
    ogi_report_t *back;
    static const uint8_t garbage[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0x0f,
                                      0x12, 0x80, 0x80, 0x80, 0x80, 0x08};
    assert_int_equal(ogi_decode_report(a, garbage, sizeof(garbage), 0, &back,
                                       why, sizeof(why)),
                     OGI_EPARSE);
    int errors = 0;
    for (size_t cut = 0; cut < len; cut += 7) {
        ogi_arena_t *b = ogi_arena_new(0);
        if (ogi_decode_report(b, buf, cut, 0, &back, why, sizeof(why)) != 0)
            errors++;
        ogi_arena_destroy(&b);
    }
    assert_true(errors > 0);
    ogi_arena_destroy(&a);
}

/* Wire messages print field by field; bytes as length and SHA-256. */
static void
decode_wire_json(void **state)
{
    (void)state;
    /* Document{doc_key:"k", attempt:2, raw:"abc"}, hand-encoded */
    static const uint8_t doc[] = {0x0a, 0x01, 'k', 0x20, 0x02,
                                  0x3a, 0x03, 'a', 'b', 'c'};
    char *json = NULL, why[128];
    assert_int_equal(ogi_decode_json("Document", doc, sizeof(doc), 0, &json,
                                     why, sizeof(why)),
                     0);
    assert_non_null(strstr(json, "\"doc_key\": \"k\""));
    assert_non_null(strstr(json, "\"attempt\": 2"));
    /* SHA-256("abc") */
    assert_non_null(strstr(json, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    free(json);
    assert_int_equal(ogi_decode_json("Nope", doc, sizeof(doc), 0, &json, why,
                                     sizeof(why)),
                     OGI_EINVAL);
    assert_false(ogi_decode_type_known("Nope"));
    assert_true(ogi_decode_type_known("Ack"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip_reports),
        cmocka_unit_test(agency_travels),
        cmocka_unit_test(parser_version_travels),
        cmocka_unit_test(blank_is_not_zero),
        cmocka_unit_test(schema_covers_skeleton),
        cmocka_unit_test(oversized_frame),
        cmocka_unit_test(garbage_and_truncated),
        cmocka_unit_test(decode_wire_json),
    };
    return cmocka_run_group_tests_name("encode", tests, NULL, NULL);
}
