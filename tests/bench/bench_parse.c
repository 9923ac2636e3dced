/*
 * bench_parse.c - parser throughput on one core, with a plain memchr pass
 * over the same bytes measured in the same run for scale. Prints figures;
 * asserts nothing. Usage: bench_parse DIR [SECONDS [TARGET]]: TARGET is
 * the reports/s the figure is compared with (default 10000, the text
 * forms' goal; the forms bench gives each form its own).
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ogi.h"

#define MAX_DOCS 2048

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

static size_t
load(const char *dir, doc_t *docs, size_t max)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t n = 0;
    while (d && (e = readdir(d)) != NULL && n < max) {
        size_t l = strlen(e->d_name);
        /* every document, whatever its form; not the truths beside them */
        if (e->d_name[0] == '.' || (l > 5 && strcmp(e->d_name + l - 5, ".json") == 0) ||
            strcmp(e->d_name, "README.md") == 0)
            continue;
        char p[4096];
        snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
        FILE *f = fopen(p, "rb");
        if (!f)
            continue;
        fseek(f, 0, SEEK_END);
        long sz = ftell(f);
        fseek(f, 0, SEEK_SET);
        docs[n].data = malloc((size_t)sz + 1);
        docs[n].len = fread(docs[n].data, 1, (size_t)sz, f);
        fclose(f);
        n++;
    }
    if (d)
        closedir(d);
    return n;
}

int
main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_parse DIR [SECONDS [TARGET]]\n");
        return 2;
    }
    double secs = argc > 2 ? atof(argv[2]) : 3.0;
    double target = argc > 3 ? atof(argv[3]) : 10000;
    /* every report of the directory up to MAX_DOCS (the forms bench
     * writes 200 per form) */
    static doc_t docs[MAX_DOCS];
    size_t n = load(argv[1], docs, MAX_DOCS);
    if (n == 0) {
        fprintf(stderr, "bench_parse: no documents in \"%s\"\n", argv[1]);
        return 2;
    }
    size_t bytes_per_round = 0;
    for (size_t i = 0; i < n; i++)
        bytes_per_round += docs[i].len;

    /* baseline: one memchr pass per document (counting lines) */
    volatile size_t sink = 0;
    size_t rounds = 0;
    double t0 = now(), t;
    do {
        for (size_t i = 0; i < n; i++) {
            const char *p = docs[i].data, *e = p + docs[i].len;
            while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
                sink = sink + 1;
                p++;
            }
        }
        rounds++;
    } while ((t = now() - t0) < secs / 3);
    double base_docs = (double)(rounds * n) / t;
    double base_mb = (double)(rounds * bytes_per_round) / t / 1e6;

    /* parse alone and parse + validate take turns, a round of every
     * report each, so that both see the same state of the machine */
    /* as the worker's parse threads: a first block that holds a whole
     * parse (some 300 KB for a real report), so that a reset gives back
     * nothing to the system and the next parse asks nothing of it */
    ogi_arena_t *arena = ogi_arena_new(1 << 20);
    double spent[2] = {0, 0};
    size_t done[2] = {0, 0};
    t0 = now();
    while (now() - t0 < 2 * secs) {
        for (int validate = 0; validate <= 1; validate++) {
            double r0 = now();
            for (size_t i = 0; i < n; i++) {
                ogi_report_t *r;
                ogi_parse_opts_t o = {0};
                if (ogi_parse_report(arena, docs[i].data, docs[i].len, &o, &r))
                    return 1;
                if (validate && ogi_validate_report(r))
                    return 1;
                ogi_arena_reset(arena);
            }
            spent[validate] += now() - r0;
            done[validate]++;
        }
    }
    double docs_s = (double)(done[0] * n) / spent[0];
    double mb_s = (double)(done[0] * bytes_per_round) / spent[0] / 1e6;
    double valid_s = (double)(done[1] * n) / spent[1];
    ogi_arena_destroy(&arena);

    printf("parse: %zu reports (%.1f KB average), %.1f s per measurement\n",
           n, (double)bytes_per_round / (double)n / 1024, secs);
    printf("parse: %.0f reports/s, %.1f MB/s on one core\n", docs_s, mb_s);
    printf("memchr baseline: %.0f reports/s, %.1f MB/s (parse is %.1fx "
           "slower)\n",
           base_docs, base_mb, base_docs / docs_s);
    printf("target: %.0f reports/s -> %s\n", target,
           docs_s >= target ? "met" : "NOT met");
    printf("parse + validate: %.0f reports/s; validation adds %.1f%% to the "
           "parse time (target: at most 20%%)\n",
           valid_s, (docs_s / valid_s - 1) * 100);
    for (size_t i = 0; i < n; i++)
        free(docs[i].data);
    return 0;
}
