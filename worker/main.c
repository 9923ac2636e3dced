/* main.c - the ogi binary: dispatches to its subcommands. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "ogi.h"

static void
usage(FILE *out)
{
    fprintf(out,
            "usage: ogi COMMAND [OPTIONS] [ARGS]\n"
            "\n"
            "ogi turns government information-disclosure annual reports\n"
            "(政府信息公开工作年度报告) into exact, validated records.\n"
            "\n"
            "commands:\n"
            "  ingest PATH...   parse, validate and store reports in "
            "PostgreSQL\n"
            "  push PATH...     send reports to a running pipeline\n"
            "  reparse          parse the stored documents again with this "
            "parser\n"
            "  broker | worker | sink\n"
            "                   the pipeline's daemons\n"
            "  keygen NAME      a CURVE key pair for a daemon or producer\n"
            "  parse PATH...    parse reports and print their records\n"
            "  check PATH...    parse and validate reports, print findings\n"
            "  rules            list the rules behind the findings\n"
            "  decode [FILE]    print an ogi protobuf message as JSON\n"
            "  gen --out DIR    generate reports with known truth\n"
            "  agency NAME...   resolve agency names to divisions\n"
            "  export VIEW      a reporting view as CSV or JSON lines\n"
            "  report --out FILE.html\n"
            "                   the year's summary page, with charts\n"
            "  db start|stop|status|migrate|psql\n"
            "                   the private PostgreSQL server, migrations\n"
            "  dead-letters list|show|retry\n"
            "                   the documents the pipeline gave up on\n"
            "\n"
            "options:\n"
            "  -h, --help       show this help\n"
            "  -V, --version    show the version\n"
            "\n"
            "Run 'ogi COMMAND --help' for a command's options.\n");
}

int
main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
        strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("ogi %s (parser %s)\n", OGI_VERSION_STRING, OGI_PARSER_VERSION);
        return 0;
    }
    if (strcmp(cmd, "ingest") == 0)
        return ogi_cmd_ingest(argc - 1, argv + 1);
    if (strcmp(cmd, "push") == 0)
        return ogi_cmd_push(argc - 1, argv + 1);
    if (strcmp(cmd, "reparse") == 0)
        return ogi_cmd_reparse(argc - 1, argv + 1);
    if (strcmp(cmd, "broker") == 0)
        return ogi_cmd_broker(argc - 1, argv + 1);
    if (strcmp(cmd, "worker") == 0)
        return ogi_cmd_worker(argc - 1, argv + 1);
    if (strcmp(cmd, "sink") == 0)
        return ogi_cmd_sink(argc - 1, argv + 1);
    if (strcmp(cmd, "parse") == 0)
        return ogi_cmd_parse(argc - 1, argv + 1);
    if (strcmp(cmd, "check") == 0)
        return ogi_cmd_check(argc - 1, argv + 1);
    if (strcmp(cmd, "rules") == 0)
        return ogi_cmd_rules(argc - 1, argv + 1);
    if (strcmp(cmd, "decode") == 0)
        return ogi_cmd_decode(argc - 1, argv + 1);
    if (strcmp(cmd, "gen") == 0)
        return ogi_cmd_gen(argc - 1, argv + 1);
    if (strcmp(cmd, "db") == 0)
        return ogi_cmd_db(argc - 1, argv + 1);
    if (strcmp(cmd, "agency") == 0)
        return ogi_cmd_agency(argc - 1, argv + 1);
    if (strcmp(cmd, "dead-letters") == 0)
        return ogi_cmd_dead_letters(argc - 1, argv + 1);
    if (strcmp(cmd, "report") == 0)
        return ogi_cmd_report(argc - 1, argv + 1);
    if (strcmp(cmd, "export") == 0)
        return ogi_cmd_export(argc - 1, argv + 1);
    if (strcmp(cmd, "keygen") == 0)
        return ogi_cmd_keygen(argc - 1, argv + 1);
    fprintf(stderr, "ogi: unknown command \"%s\"\n", cmd);
    usage(stderr);
    return 2;
}
