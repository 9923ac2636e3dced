/*
 * cmd_gen.c - `ogi gen`: realistic reports with known truth, for property
 * tests, load tests and benchmarks.
 *
 * Report i of a run uses the seed S + i and the layout LIST[i % n], so
 * every report can be made again alone: `ogi gen --count 1 --seed S+i
 * --layouts L`. Each NAME.txt gets NAME.truth.json beside it: the record
 * the parser must read (README "The record"), whose findings are those the
 * validator must give, plus a "gen" object saying how it was made.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "ogi.h"
#include "ogi/gen.h"

static void
gen_usage(FILE *out)
{
    fprintf(out,
            "usage: ogi gen --count N --seed S --out DIR [--format 2019|2021|"
            "both]\n"
            "               [--layouts LIST] [--error-rate R] [--quiet]\n"
            "\n"
            "Writes N generated reports DIR/NAME.txt, each with its truth\n"
            "DIR/NAME.truth.json (the record the parser must read; its\n"
            "\"findings\" are those the validator must give). Report i uses\n"
            "seed S+i and layout LIST[i %% n]; the same options give the same\n"
            "bytes on every machine.\n"
            "\n"
            "  --count N        how many reports (default 1)\n"
            "  --seed S         the first seed (default 1)\n"
            "  --out DIR        where to write them (created if missing)\n"
            "  --format F       2019, 2021 or both (default: both, the year\n"
            "                   decides)\n"
            "  --layouts LIST   comma-separated layouts, or \"all\" (default:\n"
            "                   every layout the parser reads)\n"
            "  --error-rate R   probability that a report gets one injected\n"
            "                   error, 0 to 1 (default 0)\n"
            "  --quiet          no progress line\n"
            "  -h, --help       show this help\n"
            "\n"
            "layouts:\n");
    for (int i = 0; i < OGI_GEN_LAYOUT_COUNT; i++)
        fprintf(out, "  %-10s %s\n", ogi_gen_layout_name((ogi_gen_layout_t)i),
                ogi_gen_layout_doc((ogi_gen_layout_t)i));
    fprintf(out, "\nexit status: 0 written, 2 usage or I/O error.\n");
}

/* Parses "cell,pdf" (or "all") into layouts; returns their number, or 0
 * with a message. */
static size_t
parse_layouts(const char *arg, ogi_gen_layout_t *out, size_t max)
{
    size_t n = 0;
    if (strcmp(arg, "all") == 0) {
        for (int i = 0; i < OGI_GEN_LAYOUT_COUNT && n < max; i++)
            out[n++] = (ogi_gen_layout_t)i;
        return n;
    }
    char buf[512];
    snprintf(buf, sizeof(buf), "%s", arg);
    for (char *save = NULL, *t = strtok_r(buf, ",", &save); t;
         t = strtok_r(NULL, ",", &save)) {
        int l = ogi_gen_layout_find(t);
        if (l < 0) {
            fprintf(stderr, "ogi gen: unknown layout \"%s\"\n", t);
            return 0;
        }
        if (n < max)
            out[n++] = (ogi_gen_layout_t)l;
    }
    if (n == 0)
        fprintf(stderr, "ogi gen: no layout in \"%s\"\n", arg);
    return n;
}

static int
parse_u64(const char *s, unsigned long long *v)
{
    char *end;
    errno = 0;
    if (!*s || *s == '-')
        return -1;
    *v = strtoull(s, &end, 10);
    return (*end || errno) ? -1 : 0;
}

/* Writes data[0..len) to path, and a newline after it when nl. */
static int
write_file(const char *path, const char *data, size_t len, int nl)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "ogi gen: could not write \"%s\": %s\n", path,
                strerror(errno));
        return -1;
    }
    size_t w = fwrite(data, 1, len, f);
    int bad = w != len || (nl && fputc('\n', f) == EOF);
    if (fclose(f) != 0)
        bad = 1;
    if (bad)
        fprintf(stderr, "ogi gen: could not write \"%s\"\n", path);
    return bad ? -1 : 0;
}

int
ogi_cmd_gen(int argc, char **argv)
{
    enum {
        OPT_COUNT = 1,
        OPT_SEED,
        OPT_OUT,
        OPT_FORMAT,
        OPT_LAYOUTS,
        OPT_RATE,
        OPT_QUIET
    };
    static const struct option opts[] = {
        {"count", required_argument, NULL, OPT_COUNT},
        {"seed", required_argument, NULL, OPT_SEED},
        {"out", required_argument, NULL, OPT_OUT},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"layouts", required_argument, NULL, OPT_LAYOUTS},
        {"error-rate", required_argument, NULL, OPT_RATE},
        {"quiet", no_argument, NULL, OPT_QUIET},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    unsigned long long count = 1, seed = 1;
    const char *dir = NULL;
    ogi_format_t format = OGI_FORMAT_UNKNOWN;
    ogi_gen_layout_t layouts[OGI_GEN_LAYOUT_COUNT * 4];
    size_t nlayouts = 0;
    double rate = 0.0;
    int quiet = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
            case OPT_COUNT:
                if (parse_u64(optarg, &count) || count == 0) {
                    fprintf(stderr, "ogi gen: invalid --count \"%s\"\n",
                            optarg);
                    return 2;
                }
                break;
            case OPT_SEED:
                if (parse_u64(optarg, &seed)) {
                    fprintf(stderr, "ogi gen: invalid --seed \"%s\"\n", optarg);
                    return 2;
                }
                break;
            case OPT_OUT:
                dir = optarg;
                break;
            case OPT_FORMAT:
                if (strcmp(optarg, "2019") == 0)
                    format = OGI_FORMAT_2019;
                else if (strcmp(optarg, "2021") == 0)
                    format = OGI_FORMAT_2021;
                else if (strcmp(optarg, "both") == 0)
                    format = OGI_FORMAT_UNKNOWN;
                else {
                    fprintf(stderr, "ogi gen: invalid --format \"%s\"\n",
                            optarg);
                    return 2;
                }
                break;
            case OPT_LAYOUTS:
                nlayouts = parse_layouts(optarg, layouts,
                                         sizeof(layouts) / sizeof(layouts[0]));
                if (nlayouts == 0)
                    return 2;
                break;
            case OPT_RATE: {
                char *end;
                rate = strtod(optarg, &end);
                if (*end || !(rate >= 0.0 && rate <= 1.0)) {
                    fprintf(stderr, "ogi gen: invalid --error-rate \"%s\"\n",
                            optarg);
                    return 2;
                }
                break;
            }
            case OPT_QUIET:
                quiet = 1;
                break;
            case 'h':
                gen_usage(stdout);
                return 0;
            default:
                gen_usage(stderr);
                return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "ogi gen: unexpected argument \"%s\"\n", argv[optind]);
        return 2;
    }
    if (!dir) {
        fprintf(stderr, "ogi gen: --out DIR is required\n");
        gen_usage(stderr);
        return 2;
    }
    if (nlayouts == 0)
        for (int i = 0; i < OGI_GEN_LAYOUT_COUNT; i++)
            if (ogi_gen_layout_parsed((ogi_gen_layout_t)i))
                layouts[nlayouts++] = (ogi_gen_layout_t)i;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "ogi gen: could not create \"%s\": %s\n", dir,
                strerror(errno));
        return 2;
    }
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        fprintf(stderr, "ogi gen: \"%s\" is not a directory\n", dir);
        return 2;
    }
    ogi_arena_t *arena = ogi_arena_new(1 << 20);
    if (!arena) {
        fprintf(stderr, "ogi gen: out of memory\n");
        return 2;
    }
    int progress = !quiet && count >= 100 && isatty(STDERR_FILENO);
    int status = 0;
    size_t width = 6;
    for (unsigned long long n = count - 1; n >= 1000000; n /= 10)
        width++;
    for (unsigned long long i = 0; i < count; i++) {
        ogi_gen_opts_t o = {seed + i, layouts[i % nlayouts], format, rate};
        char name[128], path[4096];
        snprintf(name, sizeof(name), "%0*llu_%s_s%llu.txt", (int)width, i,
                 ogi_gen_layout_name(o.layout), seed + i);
        ogi_gen_doc_t doc;
        int rc = ogi_gen_report(arena, &o, name, &doc);
        if (rc) {
            fprintf(stderr, "ogi gen: %s\n", ogi_strerror(rc));
            status = 2;
            break;
        }
        snprintf(path, sizeof(path), "%s/%s", dir, name);
        if (write_file(path, doc.text, doc.len, 0)) {
            status = 2;
            break;
        }
        char *json = ogi_gen_truth_json(&doc, o.seed);
        if (!json) {
            fprintf(stderr, "ogi gen: out of memory\n");
            status = 2;
            break;
        }
        /* NAME.txt -> NAME.truth.json */
        snprintf(path, sizeof(path), "%s/%.*s.truth.json", dir,
                 (int)(strlen(name) - 4), name);
        int w = write_file(path, json, strlen(json), 1);
        free(json);
        if (w) {
            status = 2;
            break;
        }
        ogi_arena_reset(arena);
        if (progress && ((i + 1) % 100 == 0 || i + 1 == count))
            fprintf(stderr, "\rogi gen: %llu/%llu reports", i + 1, count);
    }
    if (progress)
        fputc('\n', stderr);
    ogi_arena_destroy(&arena);
    return status;
}
