/* args.c - command-line values shared by the subcommands. */
#define _POSIX_C_SOURCE 200809L

#include "args.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int
ogi_arg_number(const char *cmd, const char *opt, const char *arg,
               unsigned long long min, unsigned long long max,
               unsigned long long *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(arg, &end, 10);
    if (*arg == '\0' || *arg == '-' || *end || errno || v < min || v > max) {
        if (max == (unsigned long long)-1 || max >= 0xffffffffULL)
            fprintf(stderr,
                    "ogi %s: invalid %s \"%s\": give a whole number of at "
                    "least %llu\n",
                    cmd, opt, arg, min);
        else
            fprintf(stderr,
                    "ogi %s: invalid %s \"%s\": give a whole number from "
                    "%llu to %llu\n",
                    cmd, opt, arg, min, max);
        return -1;
    }
    *out = v;
    return 0;
}

int
ogi_arg_filter(const char *cmd, const ogi_export_filter_t *filter)
{
    if (filter->province && filter->division) {
        fprintf(stderr, "ogi %s: give --province or --division, not both\n",
                cmd);
        return -1;
    }
    char pattern[16];
    if (filter->division && ogi_export_division_pattern(
                                filter->division, pattern, sizeof(pattern))) {
        fprintf(stderr,
                "ogi %s: invalid --division \"%s\": give a 6-digit "
                "division code\n",
                cmd, filter->division);
        return -1;
    }
    if (filter->province && !filter->province[0]) {
        fprintf(stderr, "ogi %s: --province is empty\n", cmd);
        return -1;
    }
    return 0;
}
