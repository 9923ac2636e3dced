/*
 * bench_memory.c - memory a parse takes, as a multiple of its input: the
 * arena's bytes after parse and validation, and the process's peak
 * resident size, for inputs of 1 to 8 MiB made of a report's text
 * repeated and of each form's fixtures. Prints figures; asserts nothing.
 * Usage: bench_memory REPORT [FILE...]
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ogi.h"

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    if (p)
        *len = fread(p, 1, (size_t)n, f);
    fclose(f);
    return p;
}

/* Parses buf in a child, so that its peak RSS is this parse's alone. */
static void
measure(const char *what, const char *buf, size_t len)
{
    int fd[2];
    if (pipe(fd) != 0)
        return;
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        struct rusage ru0;
        getrusage(RUSAGE_SELF, &ru0);
        ogi_arena_t *a = ogi_arena_new(0);
        ogi_report_t *r = NULL;
        ogi_parse_opts_t o = {0};
        o.max_bytes = len + 1;
        size_t used = 0;
        if (a && ogi_parse_report(a, buf, len, &o, &r) == 0 && r) {
            ogi_validate_report(r);
            used = ogi_arena_used(a);
        }
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        long v[2] = {(long)used, ru.ru_maxrss - ru0.ru_maxrss};
        if (write(fd[1], v, sizeof(v)) != (ssize_t)sizeof(v))
            _exit(1);
        _exit(0);
    }
    close(fd[1]);
    long v[2] = {0, 0};
    ssize_t n = read(fd[0], v, sizeof(v));
    close(fd[0]);
    waitpid(pid, NULL, 0);
    if (n != (ssize_t)sizeof(v))
        return;
    printf("  %-28s %6.2f MB in: arena %6.1f MB (%4.1fx), peak RSS +%6.1f "
           "MB (%4.1fx)\n",
           what, (double)len / 1e6, (double)v[0] / 1e6,
           (double)v[0] / (double)len, (double)v[1] / 1e3,
           (double)v[1] * 1e3 / (double)len);
}

int
main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_memory REPORT [FILE...]\n");
        return 2;
    }
    size_t rl = 0;
    char *report = slurp(argv[1], &rl);
    if (!report || rl == 0) {
        fprintf(stderr, "bench_memory: cannot read \"%s\"\n", argv[1]);
        return 2;
    }
    printf("memory of a parse (target: at most 4x the input):\n");
    for (size_t mb = 1; mb <= 8; mb *= 2) {
        size_t len = mb << 20;
        char *buf = malloc(len);
        if (!buf)
            return 1;
        for (size_t o = 0; o < len; o += rl)
            memcpy(buf + o, report, o + rl <= len ? rl : len - o);
        char what[64];
        snprintf(what, sizeof(what), "report text repeated");
        measure(what, buf, len);
        free(buf);
    }
    for (int i = 2; i < argc; i++) {
        size_t len = 0;
        char *buf = slurp(argv[i], &len);
        if (!buf)
            continue;
        const char *name = strrchr(argv[i], '/');
        measure(name ? name + 1 : argv[i], buf, len);
        free(buf);
    }
    free(report);
    return 0;
}
