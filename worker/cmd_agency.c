/*
 * cmd_agency.c - `ogi agency NAME...`: how agency names resolve to a
 * division and a department (include/ogi/agency.h).
 */
#define _POSIX_C_SOURCE 200809L

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "ogi/agency.h"

static void
usage(FILE *out)
{
    fprintf(out,
            "usage: ogi agency [--province P] [--stdin] NAME...\n"
            "\n"
            "Resolves agency names to an administrative division (GB/T 2260\n"
            "code) and a department, printing one block per name: key, code,\n"
            "level, province, prefecture, county, department, or the reason.\n"
            "\n"
            "  --province P   the report's province (江苏省, 江苏 or 32): it\n"
            "                 breaks ties between places of the same name\n"
            "  --stdin        read names from standard input, one a line, and\n"
            "                 print one tab-separated line each: status, key,\n"
            "                 name (or reason)\n"
            "  --source       print the divisions data set's origin\n"
            "\n"
            "Exit status: 0 every name resolved, 1 some ambiguous or\n"
            "unresolved, 2 usage.\n");
}

static void
print_block(const char *name, const ogi_agency_t *a)
{
    printf("name: %s\n", name);
    printf("status: %s\n", ogi_agency_status_name(a->status));
    printf("canonical: %s\n", a->canonical);
    if (a->prefix[0])
        printf("prefix: %s\n", a->prefix);
    if (a->status == OGI_AGENCY_RESOLVED) {
        printf("key: %s\n", a->key);
        printf("code: %s\n", a->code);
        printf("level: %s\n", ogi_agency_level_name(a->level));
        printf("province: %s\n", a->province);
        printf("prefecture: %s\n", a->prefecture);
        printf("county: %s\n", a->county);
        printf("department: %s\n", a->department);
        printf("kind: %s\n", ogi_agency_kind_name(a->kind));
    } else {
        for (size_t i = 0; i < a->ncandidates; i++)
            printf("candidate: %s\n", a->candidates[i]);
        printf("reason: %s\n", a->reason);
    }
}

int
ogi_cmd_agency(int argc, char **argv)
{
    static const struct option opts[] = {
        {"province", required_argument, NULL, 'p'},
        {"stdin", no_argument, NULL, 's'},
        {"source", no_argument, NULL, 'S'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *hint = NULL;
    int from_stdin = 0;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "p:h", opts, NULL)) != -1) {
        switch (c) {
            case 'p':
                hint = optarg;
                break;
            case 's':
                from_stdin = 1;
                break;
            case 'S':
                printf("%s\n", ogi_agency_source());
                return 0;
            case 'h':
                usage(stdout);
                return 0;
            default:
                usage(stderr);
                return 2;
        }
    }
    if (from_stdin == (optind < argc)) {
        usage(stderr);
        return 2;
    }
    int failed = 0;
    ogi_agency_t a;
    if (from_stdin) {
        char line[4096];
        while (fgets(line, sizeof(line), stdin)) {
            line[strcspn(line, "\r\n")] = '\0';
            ogi_agency_resolve(line, hint, &a);
            failed |= a.status != OGI_AGENCY_RESOLVED;
            printf("%s\t%s\t%s\n", ogi_agency_status_name(a.status),
                   a.status == OGI_AGENCY_RESOLVED ? a.key : "",
                   a.status == OGI_AGENCY_RESOLVED ? line : a.reason);
        }
        return failed ? 1 : 0;
    }
    for (int i = optind; i < argc; i++) {
        ogi_agency_resolve(argv[i], hint, &a);
        failed |= a.status != OGI_AGENCY_RESOLVED;
        if (i > optind)
            printf("\n");
        print_block(argv[i], &a);
    }
    return failed ? 1 : 0;
}
