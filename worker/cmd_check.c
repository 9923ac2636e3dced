/*
 * cmd_check.c - `ogi check`: findings the way compilers print them, for
 * report authors checking a draft and offices checking what they collect.
 */
#define _POSIX_C_SOURCE 200809L

#include <getopt.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cmd.h"
#include "inputs.h"
#include "ogi.h"

static void
check_usage(FILE *out)
{
    fprintf(out,
            "usage: ogi check [--format text|json] [--min-severity LEVEL] "
            "PATH...\n"
            "\n"
            "Parses and validates each file under PATH (files, directories, "
            "\"-\" for\n"
            "standard input) in any form ogi reads (text in any Chinese "
            "encoding, HTML,\n"
            "PDF, DOCX, DOC) and prints its findings, one per line:\n"
            "  FILE: severity: [RULE] path: message\n"
            "then one summary line and the files that are not reports, "
            "counted by\n"
            "reason. With --format json, one JSON object per file (file, "
            "status,\n"
            "findings) on its own line.\n"
            "\n"
            "  --format text|json     output format (default text)\n"
            "  --min-severity LEVEL   info, warning or error (default info)\n"
            "  --max-bytes N          reject inputs larger than N bytes\n"
            "  -h, --help             show this help\n"
            "\n"
            "exit status: 0 no errors, 1 some file has errors or is not a "
            "report,\n"
            "2 usage or I/O error. 'ogi rules' lists every rule.\n");
}

static int
severity_from(const char *s, ogi_severity_t *out)
{
    for (int v = OGI_SEV_INFO; v <= OGI_SEV_ERROR; v++)
        if (strcmp(s, ogi_severity_name((ogi_severity_t)v)) == 0) {
            *out = (ogi_severity_t)v;
            return 0;
        }
    return -1;
}

int
ogi_cmd_check(int argc, char **argv)
{
    enum { OPT_FORMAT = 1, OPT_MIN, OPT_MAX };
    static const struct option opts[] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {"min-severity", required_argument, NULL, OPT_MIN},
        {"max-bytes", required_argument, NULL, OPT_MAX},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int json = 0;
    ogi_severity_t min = OGI_SEV_INFO;
    ogi_parse_opts_t popts = {0};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
            case OPT_FORMAT:
                if (strcmp(optarg, "json") == 0) {
                    json = 1;
                } else if (strcmp(optarg, "text") != 0) {
                    fprintf(stderr, "ogi check: unknown format \"%s\"\n",
                            optarg);
                    return 2;
                }
                break;
            case OPT_MIN:
                if (severity_from(optarg, &min) != 0) {
                    fprintf(stderr, "ogi check: unknown severity \"%s\"\n",
                            optarg);
                    return 2;
                }
                break;
            case OPT_MAX: {
                unsigned long long v;
                if (ogi_arg_number("check", "--max-bytes", optarg, 1,
                                   SIZE_MAX, &v))
                    return 2;
                popts.max_bytes = (size_t)v;
                break;
            }
            case 'h':
                check_usage(stdout);
                return 0;
            default:
                check_usage(stderr);
                return 2;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "ogi check: no input files\n");
        check_usage(stderr);
        return 2;
    }
    ogi_inputs_t in;
    if (ogi_inputs_open("check", argv + optind, (size_t)(argc - optind), &in))
        return 2;
    char why[512];
    int rc;
    int status = 0;
    size_t count[3] = {0, 0, 0}, files = 0, bad = 0, rejected = 0;
    for (size_t i = 0; i < in.list.n; i++) {
        const char *path = in.list.paths[i];
        ogi_report_t *r = NULL;
        rc = ogi_source_parse_file(in.arena, path, &popts, &r, why,
                                   sizeof(why));
        if (rc == OGI_ECONVERT && r)
            rc = 0; /* a rejected report naming the converter's failure */
        if (rc == 0)
            rc = ogi_validate_report(r);
        if (rc) {
            fprintf(stderr, "ogi check: %s\n",
                    rc == OGI_EIO ? why : ogi_strerror(rc));
            status = 2;
            ogi_arena_reset(in.arena);
            continue;
        }
        files++;
        if (r->status != OGI_STATUS_OK) {
            bad++;
            if (status == 0)
                status = 1;
        }
        if (r->status == OGI_STATUS_REJECTED) {
            rejected++;
            ogi_reasons_add(in.reasons,
                            r->nfindings ? r->findings[0].message : NULL);
        }
        json_t *fs = json ? json_array() : NULL;
        for (size_t k = 0; k < r->nfindings; k++) {
            const ogi_finding_t *f = &r->findings[k];
            if (f->severity < min)
                continue;
            count[f->severity]++;
            if (json) {
                json_array_append_new(
                    fs, json_pack("{s:s,s:s,s:s,s:s}", "rule", f->rule,
                                  "severity", ogi_severity_name(f->severity),
                                  "path", f->path, "message", f->message));
            } else {
                printf("%s: %s: [%s] %s%s%s\n", path,
                       ogi_severity_name(f->severity), f->rule, f->path,
                       *f->path ? ": " : "", f->message);
            }
        }
        if (json) {
            json_t *o = json_pack("{s:s,s:s,s:s,s:o}", "file", path,
                                  "doc_key", r->doc_key, "status",
                                  ogi_status_name(r->status), "findings", fs);
            char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
            if (s) {
                puts(s);
                free(s);
            }
            json_decref(o);
        }
        ogi_arena_reset(in.arena);
    }
    if (!json) {
        printf("%zu file%s checked, %zu with errors or rejected: %zu errors, "
               "%zu warnings, %zu info\n",
               files, files == 1 ? "" : "s", bad, count[OGI_SEV_ERROR],
               count[OGI_SEV_WARNING], count[OGI_SEV_INFO]);
        char title[64];
        snprintf(title, sizeof(title), "%zu not report%s", rejected,
                 rejected == 1 ? "" : "s");
        ogi_reasons_print(in.reasons, stdout, title);
    }
    ogi_inputs_close(&in);
    if (fflush(stdout) != 0)
        return 2;
    return status;
}

static const char *
vtype_name(ogi_vtype_t t)
{
    switch (t) {
        case OGI_VT_COUNT:
            return "count";
        case OGI_VT_SIGNED:
            return "signed";
        case OGI_VT_AMOUNT:
            return "amount";
        case OGI_VT_AMOUNT_WAN:
            return "amount (万元)";
    }
    return "?";
}

/* The skeleton as Markdown: every table of both formats, its rows and
 * columns with their printed labels and keys (README "The report format"). */
static void
print_tables(void)
{
    for (int t = 0; t < OGI_TABLE_COUNT; t++) {
        const ogi_skel_table_t *tb = ogi_skeleton_table((ogi_table_id_t)t);
        const char *fmt = tb->formats == OGI_FMASK_BOTH   ? "2019 and 2021"
                          : tb->formats == OGI_FMASK_2019 ? "2019"
                                                          : "2021";
        printf("%s**`%s`** %s (format %s)\n\n", t ? "\n" : "", tb->path,
               tb->label, fmt);
        printf("| column | key | holds |\n|---|---|---|\n");
        for (size_t c = 0; c < tb->ncols; c++)
            printf("| %s | `%s` | %s |\n", tb->cols[c].label, tb->cols[c].key,
                   vtype_name(tb->cols[c].type));
        printf("\n| row | key |\n|---|---|\n");
        for (size_t r = 0; r < tb->nrows; r++) {
            const ogi_skel_row_t *row = &tb->rows[r];
            const char *only = (row->flags & OGI_ROW_OTHER1)   ? " (2019 only)"
                               : (row->flags & OGI_ROW_OTHER3) ? " (2021 only)"
                                                               : "";
            if (row->flags & OGI_ROW_GROUP)
                printf("| %s%s (group heading, no values) | |\n", row->number,
                       row->label);
            else
                printf("| %s%s%s | `%s` |\n", row->number, row->label, only,
                       row->key);
        }
    }
}

int
ogi_cmd_rules(int argc, char **argv)
{
    int markdown = argc > 1 && strcmp(argv[1], "--markdown") == 0;
    int tables = argc > 1 && strcmp(argv[1], "--tables") == 0;
    if (argc > 1 && !markdown && !tables) {
        if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
            printf("usage: ogi rules [--markdown | --tables]\n\nLists every "
                   "rule behind ogi's findings: ID, severity, scope, what it "
                   "checks.\n  --markdown  the same as a Markdown table\n"
                   "  --tables    the tables the rules check, as Markdown: "
                   "each table of both\n              formats, its columns "
                   "and rows, printed labels and keys\n");
            return 0;
        }
        fprintf(stderr, "usage: ogi rules [--markdown | --tables]\n");
        return 2;
    }
    if (tables) {
        print_tables();
        return fflush(stdout) == 0 ? 0 : 2;
    }
    size_t n;
    const ogi_rule_t *rules = ogi_rules_all(&n);
    if (markdown)
        printf("| rule | severity | scope | checks |\n|---|---|---|---|\n");
    for (size_t i = 0; i < n; i++) {
        if (markdown)
            printf("| %s | %s | %s | %s |\n", rules[i].id,
                   ogi_severity_name(rules[i].severity), rules[i].scope,
                   rules[i].summary);
        else
            printf("%-3s %-8s %-10s %s\n", rules[i].id,
                   ogi_severity_name(rules[i].severity), rules[i].scope,
                   rules[i].summary);
    }
    return 0;
}
