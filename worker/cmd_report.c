/*
 * cmd_report.c - `ogi report --out FILE.html`: the annual review page of
 * the current reports, with charts, one self-contained file
 * (include/ogi/review.h).
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
#include "ogi/review.h"

static void
usage(FILE *out)
{
    fprintf(out,
            "usage: ogi report [--year Y] [--province P | --division CODE]\n"
            "                  --out FILE.html [--db CONNINFO]\n"
            "\n"
            "Writes one self-contained HTML page (Chinese labels, charts by\n"
            "the embedded Apache ECharts %s; it opens offline) summing up\n"
            "the current reports of a year: applications received and how\n"
            "they were answered, by region and year; administrative reviews\n"
            "and lawsuits; the share of reports with errors, by rule; the\n"
            "agencies with the most findings, each linked to its findings;\n"
            "who has not published; year on year where the previous year is\n"
            "stored.\n"
            "\n"
            "  --year Y         the year reviewed (default: the latest "
            "stored)\n"
            "  --province P     a province (江苏省, or its start 江苏): "
            "regions\n"
            "                   are its prefectures\n"
            "  --division CODE  a division code and the divisions under it\n"
            "                   (320800: 淮安市 and its counties)\n"
            "  --out FILE       the page to write\n"
            "  --db CONNINFO    the database (libpq conninfo or URL); "
            "default:\n"
            "                   PG* variables when PGHOST or PGDATABASE is "
            "set,\n"
            "                   else the private server (ogi db start)\n"
            "  -h, --help       show this help\n"
            "\n"
            "Without --province or --division the regions are provinces.\n"
            "\n"
            "exit status: 0 written, 1 database or output failure, 2 usage "
            "error\n",
            ogi_review_echarts_version());
}

int
ogi_cmd_report(int argc, char **argv)
{
    static const struct option opts[] = {
        {"year", required_argument, NULL, 'y'},
        {"province", required_argument, NULL, 'p'},
        {"division", required_argument, NULL, 'd'},
        {"out", required_argument, NULL, 'o'},
        {"db", required_argument, NULL, 'D'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    ogi_export_filter_t filter = {0};
    const char *path = NULL;
    const char *conninfo = NULL;
    unsigned long long year;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
            case 'y':
                if (ogi_arg_number("report", "--year", optarg, 1900, 9999,
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
    if (optind != argc || !path) {
        fprintf(stderr,
                optind != argc ? "ogi report: unexpected argument "
                                 "\"%s\"\n"
                               : "ogi report: give --out FILE.html%s\n",
                optind != argc ? argv[optind] : "");
        usage(stderr);
        return 2;
    }
    if (ogi_arg_filter("report", &filter))
        return 2;

    char why[1024];
    ogi_db_t *db = ogi_db_connect(conninfo, why, sizeof(why));
    if (!db) {
        fprintf(stderr, "ogi report: %s\n", why);
        return 1;
    }
    /* written beside the target, renamed over it when complete */
    char tmp[4096];
    if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp)) {
        fprintf(stderr, "ogi report: --out path too long\n");
        ogi_db_destroy(&db);
        return 2;
    }
    FILE *out = fopen(tmp, "wb");
    if (!out) {
        fprintf(stderr, "ogi report: could not open \"%s\": %s\n", tmp,
                strerror(errno));
        ogi_db_destroy(&db);
        return 1;
    }
    ogi_review_stats_t st;
    int rc = ogi_review_write(db, &filter, out, &st);
    if (fclose(out) != 0 && !rc)
        rc = OGI_EIO;
    if (!rc && rename(tmp, path) != 0) {
        fprintf(stderr, "ogi report: could not write \"%s\": %s\n", path,
                strerror(errno));
        rc = OGI_EIO;
    } else if (rc == OGI_EIO) {
        fprintf(stderr, "ogi report: could not write \"%s\"\n", tmp);
    } else if (rc) {
        fprintf(stderr, "ogi report: %s\n",
                ogi_db_error(db)[0] ? ogi_db_error(db) : ogi_strerror(rc));
    }
    if (rc)
        remove(tmp);
    else if (st.year)
        fprintf(stderr,
                "ogi report: %s: year %d, %zu current reports, %zu charts\n",
                path, st.year, st.reports, st.charts);
    else
        fprintf(stderr, "ogi report: %s: no reports matched\n", path);
    ogi_db_destroy(&db);
    return rc ? 1 : 0;
}
