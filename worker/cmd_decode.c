/* cmd_decode.c - `ogi decode`: any ogi protobuf frame as JSON. */
#define _POSIX_C_SOURCE 200809L

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cmd.h"
#include "ogi.h"

static void
decode_usage(FILE *out)
{
    fprintf(out,
            "usage: ogi decode [--type TYPE] [--max-bytes N] [FILE]\n"
            "\n"
            "Prints an ogi protobuf message (from FILE, or standard input) as\n"
            "JSON, so that anyone can inspect a frame. A Report prints as the\n"
            "JSON record (README \"The record\"); other messages field by\n"
            "field, bytes as their length and SHA-256.\n"
            "\n"
            "  --type TYPE      Report (default), Document, Record, Ack, Ready,\n"
            "                   Heartbeat\n"
            "  --max-bytes N    refuse frames above N bytes (default 32 MiB)\n"
            "  -h, --help       show this help\n"
            "\n"
            "exit status: 0 decoded, 1 not a message of that type (or too "
            "large),\n"
            "2 usage or I/O error.\n");
}

int
ogi_cmd_decode(int argc, char **argv)
{
    static const struct option opts[] = {
        {"type", required_argument, NULL, 't'},
        {"max-bytes", required_argument, NULL, 'm'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *type = "Report";
    size_t max = OGI_PB_MAX_DEFAULT;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "ht:", opts, NULL)) != -1) {
        switch (c) {
            case 't':
                type = optarg;
                if (!ogi_decode_type_known(type)) {
                    fprintf(stderr, "ogi decode: unknown type \"%s\"\n", type);
                    return 2;
                }
                break;
            case 'm': {
                unsigned long long v;
                if (ogi_arg_number("decode", "--max-bytes", optarg, 1,
                                   SIZE_MAX, &v))
                    return 2;
                max = (size_t)v;
                break;
            }
            case 'h':
                decode_usage(stdout);
                return 0;
            default:
                decode_usage(stderr);
                return 2;
        }
    }
    if (argc - optind > 1) {
        decode_usage(stderr);
        return 2;
    }
    const char *path = optind < argc ? argv[optind] : "-";
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "ogi decode: could not open file \"%s\"\n", path);
        return 2;
    }
    /* read at most max + 1 bytes: enough to know a frame is too large */
    size_t cap = 65536, n = 0;
    uint8_t *buf = malloc(cap);
    size_t k;
    while (buf && n <= max && (k = fread(buf + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap && n <= max) {
            uint8_t *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    int err = ferror(f);
    if (f != stdin)
        fclose(f);
    if (!buf || err) {
        free(buf);
        fprintf(stderr, "ogi decode: could not read \"%s\"\n", path);
        return 2;
    }
    char *json = NULL, why[256] = "";
    int rc = ogi_decode_json(type, buf, n, max, &json, why, sizeof(why));
    free(buf);
    if (rc) {
        fprintf(stderr, "ogi decode: %s\n", why[0] ? why : ogi_strerror(rc));
        return rc == OGI_ENOMEM ? 2 : 1;
    }
    puts(json);
    free(json);
    return fflush(stdout) == 0 ? 0 : 2;
}
