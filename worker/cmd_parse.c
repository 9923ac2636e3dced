/* cmd_parse.c - `ogi parse`: reports to records, printed. */
#define _POSIX_C_SOURCE 200809L

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cmd.h"
#include "inputs.h"
#include "ogi.h"

static void
parse_usage(FILE *out)
{
    fprintf(out,
            "usage: ogi parse [--json | --jsonl | --format pb] [--cells] "
            "[--max-bytes N] PATH...\n"
            "\n"
            "Parses each file under PATH (files, directories, \"-\" for "
            "standard\n"
            "input) in any form ogi reads (text in any Chinese encoding, "
            "HTML, PDF,\n"
            "DOCX, DOC) and prints its record: a short summary by default, "
            "the JSON\n"
            "record with --json (one pretty object per file) or --jsonl (one "
            "line\n"
            "each). Files that are not reports are counted by reason at the "
            "end\n"
            "(on standard error when the output is records).\n"
            "\n"
            "  --json           print the JSON record\n"
            "  --jsonl          print one JSON record per line\n"
            "  --format pb      write the ogi.v1.Report protobuf (several files:\n"
            "                   each prefixed by its varint length)\n"
            "  --cells          add each cell's state and source span\n"
            "  --max-bytes N    reject inputs larger than N bytes "
            "(default 8 MiB)\n"
            "  -h, --help       show this help\n"
            "\n"
            "exit status: 0 every file parsed as a report, 1 some file is not\n"
            "a report (rejected), 2 usage or I/O error.\n");
}

/* The varint length prefix of protobuf's delimited streams. */
static void
write_varint(size_t v)
{
    do {
        unsigned char b = v & 0x7F;
        v >>= 7;
        fputc(v ? b | 0x80 : b, stdout);
    } while (v);
}

static size_t
count_rows(const ogi_report_t *r, int apply, size_t *total)
{
    size_t found = 0;
    *total = 0;
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_table_t *t = &r->tables[id];
        if (!t->present || (id == OGI_T3) != apply || id == OGI_T4)
            continue;
        for (size_t row = 0; row < t->skel->nrows; row++) {
            if (!ogi_report_row_in_shape(r, (ogi_table_id_t)id, row))
                continue;
            (*total)++;
            found += t->row_found[row] != 0;
        }
    }
    return found;
}

static void
print_summary(const ogi_report_t *r, const char *path)
{
    const ogi_meta_t *m = &r->meta;
    if (r->status == OGI_STATUS_REJECTED) {
        printf("%s: rejected: %s\n", path,
               r->nfindings ? r->findings[0].message : "not a report");
        return;
    }
    printf("%s: %s, %d report of %s (format %s)\n", path,
           ogi_status_name(r->status), m->year,
           m->agency ? m->agency : "unknown agency",
           ogi_skeleton_format_name(m->format));
    size_t t2, t3;
    size_t f2 = count_rows(r, 0, &t2), f3 = count_rows(r, 1, &t3);
    size_t f4 = 0;
    for (size_t i = 0; i < OGI_T4_CELLS; i++) {
        const ogi_cell_t *c = ogi_report_cell(r, OGI_T4, i / 5, i % 5);
        f4 += c && c->state != OGI_CELL_MISSING;
    }
    printf("  tables: active %zu/%zu rows, apply %zu/%zu rows, appeal "
           "%zu/%d cells\n",
           f2, t2, f3, t3, f4, OGI_T4_CELLS);
    size_t sev[3] = {0, 0, 0};
    for (size_t i = 0; i < r->nfindings; i++)
        sev[r->findings[i].severity]++;
    printf("  findings: %zu errors, %zu warnings, %zu info\n", sev[2], sev[1],
           sev[0]);
}

int
ogi_cmd_parse(int argc, char **argv)
{
    enum { OPT_JSON = 1, OPT_JSONL, OPT_CELLS, OPT_MAX, OPT_FORMAT };
    static const struct option opts[] = {
        {"json", no_argument, NULL, OPT_JSON},
        {"jsonl", no_argument, NULL, OPT_JSONL},
        {"cells", no_argument, NULL, OPT_CELLS},
        {"max-bytes", required_argument, NULL, OPT_MAX},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int json = 0, pb = 0;
    unsigned flags = 0;
    ogi_parse_opts_t popts = {0};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
            case OPT_JSON:
                json = 1;
                break;
            case OPT_JSONL:
                json = 1;
                flags |= OGI_JSON_COMPACT;
                break;
            case OPT_CELLS:
                flags |= OGI_JSON_CELLS;
                break;
            case OPT_FORMAT:
                if (strcmp(optarg, "pb") == 0) {
                    pb = 1;
                } else if (strcmp(optarg, "json") == 0) {
                    json = 1;
                } else if (strcmp(optarg, "jsonl") == 0) {
                    json = 1;
                    flags |= OGI_JSON_COMPACT;
                } else if (strcmp(optarg, "text") != 0) {
                    fprintf(stderr, "ogi parse: unknown format \"%s\"\n",
                            optarg);
                    return 2;
                }
                break;
            case OPT_MAX: {
                unsigned long long v;
                if (ogi_arg_number("parse", "--max-bytes", optarg, 1,
                                   SIZE_MAX, &v))
                    return 2;
                popts.max_bytes = (size_t)v;
                break;
            }
            case 'h':
                parse_usage(stdout);
                return 0;
            default:
                parse_usage(stderr);
                return 2;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "ogi parse: no input files\n");
        parse_usage(stderr);
        return 2;
    }
    ogi_inputs_t in;
    if (ogi_inputs_open("parse", argv + optind, (size_t)(argc - optind), &in))
        return 2;
    char why[512];
    int rc;
    int status = 0;
    size_t rejected = 0;
    for (size_t i = 0; i < in.list.n; i++) {
        const char *path = in.list.paths[i];
        ogi_report_t *r = NULL;
        rc = ogi_source_parse_file(in.arena, path, &popts, &r, why,
                                   sizeof(why));
        if (rc == OGI_ECONVERT && r)
            rc = 0; /* a rejected report naming the converter's failure */
        if (rc) {
            fprintf(stderr, "ogi parse: %s\n",
                    rc == OGI_EIO ? why : ogi_strerror(rc));
            status = 2;
            ogi_arena_reset(in.arena);
            continue;
        }
        if (ogi_validate_report(r) != 0) {
            fprintf(stderr, "ogi parse: out of memory\n");
            status = 2;
            ogi_arena_reset(in.arena);
            continue;
        }
        if (r->status == OGI_STATUS_REJECTED) {
            if (status == 0)
                status = 1;
            rejected++;
            ogi_reasons_add(in.reasons,
                            r->nfindings ? r->findings[0].message : NULL);
        }
        if (pb) {
            uint8_t *buf;
            size_t len;
            if (ogi_encode_report(in.arena, r, &buf, &len) != 0) {
                fprintf(stderr, "ogi parse: could not encode \"%s\"\n",
                        path);
                status = 2;
            } else {
                if (in.list.n > 1)
                    write_varint(len);
                fwrite(buf, 1, len, stdout);
            }
        } else if (json) {
            char *s = ogi_json_dump(r, flags);
            if (!s) {
                fprintf(stderr, "ogi parse: out of memory\n");
                status = 2;
            } else {
                fputs(s, stdout);
                fputc('\n', stdout);
                free(s);
            }
        } else {
            print_summary(r, path);
        }
        ogi_arena_reset(in.arena);
    }
    if (in.list.n > 1 && rejected) {
        char title[64];
        snprintf(title, sizeof(title), "%zu not report%s", rejected,
                 rejected == 1 ? "" : "s");
        ogi_reasons_print(in.reasons, json || pb ? stderr : stdout, title);
    }
    ogi_inputs_close(&in);
    if (fflush(stdout) != 0)
        return 2;
    return status;
}
