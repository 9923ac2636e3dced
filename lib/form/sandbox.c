/*
 * sandbox.c - a converter run in a child process, bounded (sandbox_int.h).
 *
 * fork() without exec: the child shares the input pages copy-on-write and
 * runs the converter on a fresh arena. The parent never calls into the
 * converter's libraries, so no lock of theirs can be held at the fork.
 * The child writes one message on a pipe:
 *
 *   header (rc, text length, map entries, raw length, encoding length,
 *   reason length), then the text, the map, the encoding, the reason
 *
 * and the parent reads it while the child runs (a pipe holds 64 KiB), up
 * to a bound, until the deadline.
 */
#define _GNU_SOURCE
#include "ogi_int.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ogi/error.h"
#include "sandbox_int.h"

typedef struct {
    int32_t rc;
    uint32_t pad;
    uint64_t len, nmap, nraw, enclen, whylen;
} msg_t;

static unsigned limit_cpu_s = OGI__SANDBOX_CPU_S;
static unsigned limit_wall_s = OGI__SANDBOX_WALL_S;

void
ogi__sandbox_set_limits(unsigned cpu_s, unsigned wall_s)
{
    limit_cpu_s = cpu_s ? cpu_s : OGI__SANDBOX_CPU_S;
    limit_wall_s = wall_s ? wall_s : OGI__SANDBOX_WALL_S;
}

int
ogi__sandbox_write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n) {
        ssize_t k = write(fd, c, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        c += k;
        n -= (size_t)k;
    }
    return 0;
}

static void
child(ogi__form_convert_fn fn, const char *raw, size_t len, int fd)
{
    /* the parent's handlers (a daemon's SIGTERM drain, a test harness's
     * crash catcher) are not the converter's: a fault kills the child and
     * the parent names the signal */
    static const int sigs[] = {SIGSEGV, SIGBUS,  SIGILL, SIGFPE,
                               SIGABRT, SIGTERM, SIGINT, SIGPIPE};
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        signal(sigs[i], SIG_DFL);
    struct rlimit cpu = {limit_cpu_s, limit_cpu_s + 1};
    setrlimit(RLIMIT_CPU, &cpu);
    size_t as = OGI__SANDBOX_AS + 64 * len;
    /* sanitizer runtimes reserve terabytes of address space up front */
#if !defined(__SANITIZE_ADDRESS__) && !defined(OGI_NO_AS_LIMIT)
    struct rlimit lim = {as, as};
    setrlimit(RLIMIT_AS, &lim);
#else
    (void)as;
#endif
    ogi_arena_t *a = ogi_arena_new(0);
    ogi__view_t v;
    memset(&v, 0, sizeof(v));
    char why[512] = "";
    int rc = a ? fn(a, raw, len, &v, why, sizeof(why)) : OGI_ENOMEM;
    msg_t m = {.rc = rc};
    if (rc == 0) {
        m.len = v.len;
        m.nmap = v.map ? v.nmap : 0;
        m.nraw = v.nraw;
        m.enclen = v.encoding ? strlen(v.encoding) : 0;
    }
    m.whylen = strlen(why);
    int bad = ogi__sandbox_write_all(fd, &m, sizeof(m));
    if (!bad && rc == 0) {
        bad = ogi__sandbox_write_all(fd, v.s, v.len) ||
              ogi__sandbox_write_all(fd, v.map, m.nmap * sizeof(*v.map)) ||
              ogi__sandbox_write_all(fd, v.encoding, m.enclen);
    }
    if (!bad)
        bad = ogi__sandbox_write_all(fd, why, m.whylen);
    _exit(bad ? 3 : 0);
}

long
ogi__sandbox_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

_Thread_local const char *ogi__sandbox_scratch;

void
ogi__sandbox_remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        char path[1400];
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
            unlink(path);
        }
        closedir(d);
    }
    rmdir(dir);
}

static int convert(ogi__form_convert_fn fn, const char *form,
                   ogi_arena_t *arena, const char *raw, size_t len,
                   ogi__view_t *out, char *why, size_t why_size);

int
ogi__sandbox_convert(ogi__form_convert_fn fn, const char *form,
                     ogi_arena_t *arena, const char *raw, size_t len,
                     ogi__view_t *out, char *why, size_t why_size)
{
    return convert(fn, form, arena, raw, len, out, why, why_size);
}

int
ogi__sandbox_convert_scratch(ogi__form_convert_fn fn, const char *form,
                             ogi_arena_t *arena, const char *raw, size_t len,
                             ogi__view_t *out, char *why, size_t why_size)
{
    /* the child's scratch directory is made and removed here, so that a
     * child killed by a limit or a crash leaves nothing behind */
    const char *tmp = getenv("TMPDIR");
    char dir[1024];
    snprintf(dir, sizeof(dir), "%s/ogi-conv-XXXXXX",
             tmp && tmp[0] && strlen(tmp) < 900 ? tmp : "/tmp");
    ogi__sandbox_scratch = mkdtemp(dir);
    int rc = convert(fn, form, arena, raw, len, out, why, why_size);
    if (ogi__sandbox_scratch)
        ogi__sandbox_remove_dir(dir);
    ogi__sandbox_scratch = NULL;
    return rc;
}

static int
convert(ogi__form_convert_fn fn, const char *form, ogi_arena_t *arena,
        const char *raw, size_t len, ogi__view_t *out, char *why,
        size_t why_size)
{
    memset(out, 0, sizeof(*out));
    int p[2];
    if (pipe2(p, O_CLOEXEC) < 0) {
        snprintf(why, why_size, "%s: could not start a converter: %s", form,
                 strerror(errno));
        return OGI_ECONVERT;
    }
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(why, why_size, "%s: could not start a converter: %s", form,
                 strerror(errno));
        close(p[0]);
        close(p[1]);
        return OGI_ECONVERT;
    }
    if (pid == 0) {
        close(p[0]);
        child(fn, raw, len, p[1]);
    }
    close(p[1]);

    /* the view is at most a few times the input; more is a runaway */
    size_t cap = 16 * len + ((size_t)16 << 20), n = 0;
    size_t want = sizeof(msg_t);
    char *buf = ogi_arena_alloc(arena, 4096);
    size_t bcap = 4096;
    int rc = 0, timed_out = 0, overrun = 0;
    long deadline = ogi__sandbox_now_ms() + (long)limit_wall_s * 1000L;
    while (buf) {
        long left = deadline - ogi__sandbox_now_ms();
        if (left <= 0) {
            timed_out = 1;
            break;
        }
        struct pollfd pf = {p[0], POLLIN, 0};
        int k = poll(&pf, 1, (int)(left > 1000 ? 1000 : left));
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            continue;
        if (n == bcap) {
            if (bcap >= cap) {
                overrun = 1;
                break;
            }
            char *q = ogi_arena_grow(arena, buf, n, bcap * 2);
            if (!q) {
                buf = NULL;
                break;
            }
            buf = q;
            bcap *= 2;
        }
        ssize_t r = read(p[0], buf + n, bcap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    close(p[0]);
    if (timed_out || overrun || !buf)
        kill(pid, SIGKILL);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    if (!buf)
        return OGI_ENOMEM;
    if (timed_out) {
        snprintf(why, why_size, "%s: converter timed out after %u s", form,
                 limit_wall_s);
        return OGI_ECONVERT;
    }
    if (overrun) {
        snprintf(why, why_size, "%s: converter output exceeds %zu bytes", form,
                 cap);
        return OGI_EREJECT;
    }
    if (WIFSIGNALED(st)) {
        int sig = WTERMSIG(st);
        snprintf(why, why_size, "%s: converter %s (signal %d)", form,
                 sig == SIGXCPU || sig == SIGKILL ? "exceeded its CPU limit"
                                                  : "crashed",
                 sig);
        return OGI_ECONVERT;
    }
    msg_t m;
    if (n < want || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        snprintf(why, why_size, "%s: converter failed (exit %d)", form,
                 WIFEXITED(st) ? WEXITSTATUS(st) : -1);
        return OGI_ECONVERT;
    }
    memcpy(&m, buf, sizeof(m));
    size_t mapb = m.nmap * sizeof(ogi_text_shift_t);
    if (m.len > n || m.nmap > n || m.enclen > 64 || m.whylen > 4096 ||
        sizeof(m) + m.len + mapb + m.enclen + m.whylen != n) {
        snprintf(why, why_size, "%s: converter gave a malformed result", form);
        return OGI_ECONVERT;
    }
    const char *q = buf + sizeof(m);
    if (m.rc != 0) {
        size_t wl = m.whylen < why_size ? m.whylen : why_size - 1;
        memcpy(why, q, wl);
        why[wl] = '\0';
        return m.rc;
    }
    char *s = ogi_arena_alloc(arena, m.len + 1);
    if (!s)
        return OGI_ENOMEM;
    memcpy(s, q, m.len);
    s[m.len] = '\0';
    q += m.len;
    if (m.nmap) {
        ogi_text_shift_t *map = ogi_arena_alloc(arena, mapb);
        if (!map)
            return OGI_ENOMEM;
        memcpy(map, q, mapb);
        out->map = map;
        out->nmap = m.nmap;
    }
    q += mapb;
    if (m.enclen) {
        char *e = ogi_arena_strndup(arena, q, m.enclen);
        if (!e)
            return OGI_ENOMEM;
        out->encoding = e;
    }
    out->s = s;
    out->len = m.len;
    out->nraw = m.nraw;
    return rc;
}
