/*
 * fuzz_parse.c - libFuzzer target: any bytes through the whole parser and
 * the JSON writer. The first byte, when it is 0xA5, turns on allocation
 * failure after the count given by the second byte, so that error paths
 * are fuzzed too.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "ogi.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    long fail_after = -1;
    if (size >= 2 && data[0] == 0xA5) {
        fail_after = data[1] * 4;
        data += 2;
        size -= 2;
    }
    ogi_arena_t *arena = ogi_arena_new(0);
    if (!arena)
        return 0;
    ogi_alloc_fail_after(fail_after);
    ogi_report_t *r = NULL;
    ogi_parse_opts_t opts = {.max_bytes = 1u << 20, .name = "fuzz"};
    if (ogi_parse_report(arena, (const char *)data, size, &opts, &r) == 0) {
        char *s = ogi_json_dump(r, OGI_JSON_CELLS);
        free(s);
    }
    ogi_alloc_fail_after(-1);
    ogi_arena_destroy(&arena);
    return 0;
}
