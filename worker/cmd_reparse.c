/*
 * cmd_reparse.c - `ogi reparse`: the stored raw documents parsed again by
 * this ogi (include/ogi/reparse.h).
 */
#define _POSIX_C_SOURCE 200809L

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "cmd.h"
#include "ogi/error.h"
#include "ogi/reparse.h"
#include "ogi/version.h"

static volatile sig_atomic_t stop_flag;

static void
on_signal(int sig)
{
    (void)sig;
    stop_flag = 1; /* end after the batch being written */
}

static void
usage(FILE *out)
{
    fprintf(out,
            "usage: ogi reparse [--all] [--year Y] [--agency KEY] [--threads "
            "N]\n"
            "                   [--batch N] [-q] [--db CONNINFO]\n"
            "\n"
            "Parses the stored raw documents again with this ogi's parser "
            "(" OGI_PARSER_VERSION ")\n"
            "and replaces their reports: cells, findings, agency, which "
            "report is\n"
            "current, cross-year findings. Each batch is one transaction. "
            "Stopped\n"
            "part way (Ctrl-C, a kill, a lost connection), the same command "
            "resumes\n"
            "after the last batch written.\n"
            "\n"
            "  --all           every stored document (default: those parsed "
            "by another\n"
            "                  version of ogi)\n"
            "  --year Y        only reports on year Y\n"
            "  --agency KEY    only reports of this agency "
            "(\"320813:人民政府\",\n"
            "                  see `ogi agency`)\n"
            "  --threads N     parsing threads (default 2)\n"
            "  --batch N       documents per transaction (default 500)\n"
            "  -q, --quiet     no progress line\n"
            "  --db CONNINFO   the database (libpq conninfo or URL); default: "
            "PG*\n"
            "                  variables when PGHOST or PGDATABASE is set, "
            "else the\n"
            "                  private server (ogi db start)\n"
            "  -h, --help      show this help\n"
            "\n"
            "exit status: 0 every selected document done, 1 stopped before "
            "the end\n"
            "(run again to resume), 2 usage or database error\n");
}

int
ogi_cmd_reparse(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"all", no_argument, NULL, 'a'},
        {"year", required_argument, NULL, 'y'},
        {"agency", required_argument, NULL, 'g'},
        {"threads", required_argument, NULL, 't'},
        {"batch", required_argument, NULL, 'b'},
        {"quiet", no_argument, NULL, 'q'},
        {"db", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    ogi_reparse_opts_t o;
    memset(&o, 0, sizeof(o));
    int quiet = 0, c;
    unsigned long long v;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":qh", longopts, NULL)) != -1) {
        switch (c) {
            case 'a':
                o.all = 1;
                break;
            case 'y':
                if (ogi_arg_number("reparse", "--year", optarg, 1990, 2100, &v))
                    return 2;
                o.year = (int)v;
                break;
            case 'g':
                o.agency = optarg;
                break;
            case 't':
                if (ogi_arg_number("reparse", "--threads", optarg, 1, 64, &v))
                    return 2;
                o.threads = (unsigned)v;
                break;
            case 'b':
                if (ogi_arg_number("reparse", "--batch", optarg, 1, 10000, &v))
                    return 2;
                o.batch = (size_t)v;
                break;
            case 'q':
                quiet = 1;
                break;
            case 'd':
                o.db = optarg;
                break;
            case 'h':
                usage(stdout);
                return 0;
            case ':':
                fprintf(stderr, "ogi reparse: %s needs a value\n",
                        argv[optind - 1]);
                return 2;
            default:
                fprintf(stderr, "ogi reparse: unknown option \"%s\"\n",
                        argv[optind - 1]);
                usage(stderr);
                return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "ogi reparse: unexpected argument \"%s\"\n",
                argv[optind]);
        usage(stderr);
        return 2;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    o.stop = &stop_flag;
    o.progress = !quiet && isatty(STDERR_FILENO);
    char why[1024] = "";
    int rc = ogi_reparse_run(&o, why, sizeof(why));
    if (rc != 0 && rc != OGI_EINTR) {
        fprintf(stderr, "ogi reparse: %s\n", why[0] ? why : ogi_strerror(rc));
        return 2;
    }
    printf("%s%llu documents parsed again by ogi %s: %llu reports, %llu "
           "not reports, %llu kept as they were (their converter failed)\n",
           o.resumed ? "resumed: " : "", (unsigned long long)o.done,
           OGI_PARSER_VERSION, (unsigned long long)o.reports,
           (unsigned long long)o.rejected, (unsigned long long)o.kept);
    if (rc == OGI_EINTR) {
        printf("stopped after %llu of %llu: run the same command again to "
               "resume\n",
               (unsigned long long)o.done, (unsigned long long)o.total);
        return 1;
    }
    return 0;
}
