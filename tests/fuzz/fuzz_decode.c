/*
 * fuzz_decode.c - libFuzzer target: untrusted frames through every ogi
 * protobuf decoder. The first byte picks the message type.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "ogi.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const types[] = {"Report", "Document", "Record",
                                        "Ack",    "Ready",    "Heartbeat"};
    if (size < 1)
        return 0;
    const char *type = types[data[0] % 6];
    char *json = NULL, why[128];
    if (ogi_decode_json(type, data + 1, size - 1, 1u << 20, &json, why,
                        sizeof(why)) == 0)
        free(json);
    return 0;
}
