/*
 * cmd_export.c - `ogi export VIEW`: a reporting view or table as CSV
 * (UTF-8 with BOM) or JSON lines (include/ogi/export.h).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cmd.h"
#include "ogi/db.h"
#include "ogi/error.h"
#include "ogi/export.h"

static void
usage(FILE *out)
{
    fprintf(out,
            "usage: ogi export VIEW [--year Y] [--province P | --division "
            "CODE]\n"
            "                  [--format csv|jsonl] [--out FILE] [--db "
            "CONNINFO]\n"
            "\n"
            "Writes a reporting view or table of the database, in a stable "
            "order:\n"
            "CSV in UTF-8 with a byte order mark (spreadsheets open it as "
            "UTF-8),\n"
            "a header row and RFC 4180 quoting, or JSON lines (one object "
            "per row).\n"
            "\n"
            "  --year Y         the year reported on\n"
            "  --province P     a province: 江苏省, or its start 江苏\n"
            "  --division CODE  a division code and the divisions under it\n"
            "                   (320800: 淮安市 and its counties)\n"
            "  --format F       csv (the default) or jsonl\n"
            "  --out FILE       write to FILE (default: standard output)\n"
            "  --db CONNINFO    the database (libpq conninfo or URL); "
            "default:\n"
            "                   PG* variables when PGHOST or PGDATABASE is "
            "set,\n"
            "                   else the private server (ogi db start)\n"
            "  -h, --help       show this help\n"
            "\n"
            "VIEW is one of:\n");
    size_t n;
    const char *const *views = ogi_export_views(&n);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s%s",
                i == 0       ? "  "
                : i % 4 == 0 ? ",\n  "
                             : ", ",
                views[i]);
    fprintf(out, "\n\nexit status: 0 written, 1 database or output failure, "
                 "2 usage error\n");
}

int
ogi_cmd_export(int argc, char **argv)
{
    static const struct option opts[] = {
        {"year", required_argument, NULL, 'y'},
        {"province", required_argument, NULL, 'p'},
        {"division", required_argument, NULL, 'd'},
        {"format", required_argument, NULL, 'f'},
        {"out", required_argument, NULL, 'o'},
        {"db", required_argument, NULL, 'D'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    ogi_export_filter_t filter = {0};
    ogi_export_format_t format = OGI_EXPORT_CSV;
    const char *path = NULL;
    const char *conninfo = NULL;
    unsigned long long year;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
            case 'y':
                if (ogi_arg_number("export", "--year", optarg, 1900, 9999,
                                   &year))
                    return 2;
                filter.year = (int)year;
                break;
            case 'p':
                filter.province = optarg;
                break;
            case 'd':
                filter.division = optarg;
                break;
            case 'f':
                if (strcmp(optarg, "csv") == 0) {
                    format = OGI_EXPORT_CSV;
                } else if (strcmp(optarg, "jsonl") == 0) {
                    format = OGI_EXPORT_JSONL;
                } else {
                    fprintf(stderr,
                            "ogi export: invalid --format \"%s\": give csv "
                            "or jsonl\n",
                            optarg);
                    return 2;
                }
                break;
            case 'o':
                path = optarg;
                break;
            case 'D':
                conninfo = optarg;
                break;
            case 'h':
                usage(stdout);
                return 0;
            default:
                usage(stderr);
                return 2;
        }
    }
    if (optind + 1 != argc) {
        fprintf(stderr, "ogi export: name one view\n");
        usage(stderr);
        return 2;
    }
    const char *view = argv[optind];
    if (!ogi_export_known(view)) {
        fprintf(stderr, "ogi export: unknown view \"%s\"\n", view);
        usage(stderr);
        return 2;
    }
    if (ogi_arg_filter("export", &filter))
        return 2;

    char why[1024];
    ogi_db_t *db = ogi_db_connect(conninfo, why, sizeof(why));
    if (!db) {
        fprintf(stderr, "ogi export: %s\n", why);
        return 1;
    }
    FILE *out = stdout;
    if (path && !(out = fopen(path, "wb"))) {
        fprintf(stderr, "ogi export: could not open \"%s\": %s\n", path,
                strerror(errno));
        ogi_db_destroy(&db);
        return 1;
    }
    size_t rows = 0;
    int rc = ogi_export_write(db, view, &filter, format, out, &rows);
    if (rc == OGI_EIO)
        fprintf(stderr, "ogi export: could not write \"%s\"\n",
                path ? path : "standard output");
    else if (rc)
        fprintf(stderr, "ogi export: %s\n",
                ogi_db_error(db)[0] ? ogi_db_error(db) : ogi_strerror(rc));
    if (path && fclose(out) != 0 && !rc) {
        fprintf(stderr, "ogi export: could not write \"%s\"\n", path);
        rc = OGI_EIO;
    }
    if (!rc && path)
        fprintf(stderr, "ogi export: %zu rows of %s written to %s\n", rows,
                view, path);
    ogi_db_destroy(&db);
    return rc ? 1 : 0;
}
