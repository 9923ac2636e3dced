/*
 * bench_layouts.c - parser throughput per layout, on generated reports.
 *
 * For every layout the parser reads, generates REPORTS reports in memory
 * (lib/gen, both format versions, no injected errors) and parses them
 * round after round for SECONDS, then the same with validation. Prints
 * reports/s and MB/s per layout on one core; asserts nothing.
 * Usage: bench_layouts [SECONDS per layout] [REPORTS per layout]
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ogi.h"
#include "ogi/gen.h"

typedef struct {
    char *data;
    size_t len;
} doc_t;

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Parses (and validates) every document round after round for secs;
 * returns reports per second, and the bytes per second in *bps. */
static double
run(ogi_arena_t *arena, const doc_t *docs, size_t n, double secs, int validate,
    double *bps)
{
    size_t rounds = 0, bytes = 0;
    for (size_t i = 0; i < n; i++)
        bytes += docs[i].len;
    double t0 = now(), t;
    do {
        for (size_t i = 0; i < n; i++) {
            ogi_report_t *r;
            if (ogi_parse_report(arena, docs[i].data, docs[i].len, NULL, &r) ||
                (validate && ogi_validate_report(r))) {
                fprintf(stderr, "bench_layouts: out of memory\n");
                exit(1);
            }
            ogi_arena_reset(arena);
        }
        rounds++;
    } while ((t = now() - t0) < secs);
    *bps = (double)(rounds * bytes) / t;
    return (double)(rounds * n) / t;
}

int
main(int argc, char **argv)
{
    double secs = argc > 1 ? atof(argv[1]) : 0.5;
    size_t per = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 200;
    if (secs <= 0 || per == 0) {
        fprintf(stderr, "usage: bench_layouts [SECONDS] [REPORTS]\n");
        return 2;
    }
    ogi_arena_t *gen = ogi_arena_new(1 << 20), *arena = ogi_arena_new(0);
    doc_t *docs = calloc(per, sizeof(*docs));
    if (!gen || !arena || !docs) {
        fprintf(stderr, "bench_layouts: out of memory\n");
        return 1;
    }
    printf("parse by layout: %zu generated reports each, %.1f s per "
           "measurement, one core\n",
           per, secs);
    printf("%-10s %9s %12s %9s %14s\n", "layout", "KB/report", "reports/s",
           "MB/s", "+validate r/s");
    double all_docs = 0, all_time = 0;
    for (int l = 0; l < OGI_GEN_LAYOUT_COUNT; l++) {
        if (!ogi_gen_layout_parsed((ogi_gen_layout_t)l))
            continue;
        size_t bytes = 0;
        for (size_t i = 0; i < per; i++) {
            ogi_gen_opts_t o = {1000003u * (uint64_t)l + i, (ogi_gen_layout_t)l,
                                OGI_FORMAT_UNKNOWN, 0.0};
            ogi_gen_doc_t d;
            if (ogi_gen_report(gen, &o, NULL, &d)) {
                fprintf(stderr, "bench_layouts: could not generate\n");
                return 1;
            }
            docs[i].data = malloc(d.len);
            if (!docs[i].data)
                return 1;
            memcpy(docs[i].data, d.text, d.len);
            docs[i].len = d.len;
            bytes += d.len;
            ogi_arena_reset(gen);
        }
        double bps, bps2;
        double rps = run(arena, docs, per, secs, 0, &bps);
        double vps = run(arena, docs, per, secs, 1, &bps2);
        printf("%-10s %9.1f %12.0f %9.1f %14.0f\n",
               ogi_gen_layout_name((ogi_gen_layout_t)l),
               (double)bytes / (double)per / 1024, rps, bps / 1e6, vps);
        all_docs += (double)per;
        all_time += (double)per / rps;
        for (size_t i = 0; i < per; i++)
            free(docs[i].data);
    }
    printf("all layouts: %.0f reports/s (harmonic mean)\n",
           all_docs / all_time);
    free(docs);
    ogi_arena_destroy(&arena);
    ogi_arena_destroy(&gen);
    return 0;
}
