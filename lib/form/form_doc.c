/*
 * form_doc.c - DOC documents (Word 97-2003) to a text view (form_int.h).
 *
 * wvWare's wvHtml (Debian package wv) writes a DOC as an HTML page that
 * keeps its tables whole, spans included, where catdoc and antiword
 * flatten them. The page is read by the HTML converter. This runs in the
 * sandbox child already (sandbox.c); wvHtml runs as its own process:
 *
 *   a private directory (mkdtemp, 0700) gets the bytes as in.doc;
 *   wvHtml --charset=utf-8 --targetdir=DIR DIR/in.doc out.html runs from
 *   fork + execvp (no shell of ours), in its own process group, with its
 *   output and messages in DIR/msg.txt, files bounded (RLIMIT_FSIZE), and
 *   killed after DOC_TIMEOUT_S;
 *   DIR/out.html is read (bounded) and the directory removed, on every
 *   path.
 *
 * wvHtml writes a vertically merged cell as the first cell with its
 * rowspan and each cell it covers again with rowspan="0"; in HTML that
 * would mean "to the end of the table", so those covered cells are taken
 * out of the page before it is read. Its revision marks (tracked changes
 * shown struck and underlined, with their authors in brackets) are read
 * as the changes accepted: deleted text and the brackets go.
 */
#define _GNU_SOURCE
#include "ogi_int.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "form_int.h"
#include "ogi/error.h"
#include "sandbox_int.h"

#define DOC_TIMEOUT_S  20                  /* wvHtml's wall time */
#define MAX_HTML_BYTES ((size_t)64 << 20)  /* the page read back */
#define MAX_FILE_BYTES ((rlim_t)256 << 20) /* any file wvHtml writes */
#define MSG_BYTES      160                 /* of wvHtml's message */

/* Reads file path into a malloc'd buffer of at most cap bytes (+ NUL).
 * 0; 1 when larger than cap; -1 when unreadable. */
static int
read_file(const char *path, size_t cap, char **s, size_t *n)
{
    *s = NULL;
    *n = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t len = 0, bcap = 0;
    char *buf = NULL;
    int rc = 0;
    for (;;) {
        if (len == bcap) {
            if (bcap > cap) {
                rc = 1;
                break;
            }
            size_t ncap = bcap ? bcap * 2 : 65536;
            ncap = ncap > cap + 1 ? cap + 1 : ncap;
            char *p = ogi_realloc(buf, ncap + 1);
            if (!p) {
                rc = -1;
                break;
            }
            buf = p;
            bcap = ncap;
        }
        ssize_t k = read(fd, buf + len, bcap - len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            rc = -1;
            break;
        }
        if (k == 0)
            break;
        len += (size_t)k;
    }
    close(fd);
    if (rc == 0 && len > cap)
        rc = 1;
    if (rc) {
        ogi_free(buf);
        return rc;
    }
    if (!buf && !(buf = ogi_malloc(1)))
        return -1;
    buf[len] = '\0';
    *s = buf;
    *n = len;
    return 0;
}

/* The first line of wvHtml's messages worth quoting, into msg. */
static void
first_message(const char *dir, char *msg, size_t size)
{
    char path[1400], *s = NULL;
    size_t n = 0;
    msg[0] = '\0';
    snprintf(path, sizeof(path), "%s/msg.txt", dir);
    if (read_file(path, 4096, &s, &n) != 0)
        return;
    const char *p = s, *end = s + n;
    while (p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        e = e ? e : end;
        const char *a = p;
        /* glib's "(process:123): " prefix says nothing */
        if (e - a > 9 && memcmp(a, "(process:", 9) == 0) {
            const char *q = memchr(a, ' ', (size_t)(e - a));
            a = q ? q + 1 : a;
        }
        while (a < e && (*a == ' ' || *a == '\t' || *a == '\r'))
            a++;
        if (a < e) {
            size_t k = 0;
            for (; a < e && k + 1 < size && k < MSG_BYTES; a++)
                msg[k++] = (*a >= 0 && *a < 0x20) ? ' ' : *a;
            msg[k] = '\0';
            break;
        }
        p = e + 1;
    }
    ogi_free(s);
}

/* The child: wvHtml with its output in dir; exec's errno on fd. */
static void
exec_wvhtml(const char *dir, int fd)
{
    char target[1400], in[1400], msg[1400];
    snprintf(target, sizeof(target), "--targetdir=%s", dir);
    snprintf(in, sizeof(in), "%s/in.doc", dir);
    snprintf(msg, sizeof(msg), "%s/msg.txt", dir);
    setpgid(0, 0);
    struct rlimit fsz = {MAX_FILE_BYTES, MAX_FILE_BYTES};
    setrlimit(RLIMIT_FSIZE, &fsz);
    int nul = open("/dev/null", O_RDONLY);
    int out = open(msg, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (nul < 0 || out < 0 || dup2(nul, 0) < 0 || dup2(out, 1) < 0 ||
        dup2(out, 2) < 0 || chdir(dir) < 0) {
        int e = errno;
        (void)!write(fd, &e, sizeof(e));
        _exit(126);
    }
    char prog[] = "wvHtml", charset[] = "--charset=utf-8", page[] = "out.html";
    char *argv[] = {prog, charset, target, in, page, NULL};
    execvp(argv[0], argv);
    int e = errno;
    (void)!write(fd, &e, sizeof(e));
    _exit(127);
}

/* Runs wvHtml on dir/in.doc. 0, or a rejection (why). */
static int
run_wvhtml(const char *dir, char *why, size_t why_size)
{
    int p[2];
    if (pipe(p) < 0 || fcntl(p[0], F_SETFD, FD_CLOEXEC) < 0 ||
        fcntl(p[1], F_SETFD, FD_CLOEXEC) < 0) {
        snprintf(why, why_size, "DOC: could not run wvHtml: %s",
                 strerror(errno));
        return OGI_EIO;
    }
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(why, why_size, "DOC: could not run wvHtml: %s",
                 strerror(errno));
        close(p[0]);
        close(p[1]);
        return OGI_EIO;
    }
    if (pid == 0) {
        close(p[0]);
        exec_wvhtml(dir, p[1]);
    }
    close(p[1]);
    int e = 0;
    ssize_t k;
    while ((k = read(p[0], &e, sizeof(e))) < 0 && errno == EINTR)
        ;
    close(p[0]);
    long deadline = ogi__sandbox_now_ms() + DOC_TIMEOUT_S * 1000L;
    int st = 0, timed_out = 0;
    struct timespec nap = {0, 1000000};
    for (;;) {
        pid_t w = waitpid(pid, &st, WNOHANG);
        if (w == pid || (w < 0 && errno != EINTR))
            break;
        if (ogi__sandbox_now_ms() >= deadline) {
            timed_out = 1;
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
                ;
            break;
        }
        nanosleep(&nap, NULL);
        if (nap.tv_nsec < 16000000)
            nap.tv_nsec *= 2;
    }
    /* what wvHtml started lives in its group: ended with it */
    kill(-pid, SIGKILL);
    if (k == (ssize_t)sizeof(e)) {
        if (e == ENOENT)
            snprintf(why, why_size,
                     "DOC: wvHtml not installed (Debian package wv)");
        else
            snprintf(why, why_size, "DOC: could not run wvHtml: %s",
                     strerror(e));
        return OGI_EREJECT;
    }
    if (timed_out) {
        snprintf(why, why_size, "DOC: wvHtml timed out");
        return OGI_EREJECT;
    }
    if (WIFSIGNALED(st)) {
        snprintf(why, why_size, "DOC: wvHtml was stopped (signal %d)",
                 WTERMSIG(st));
        return OGI_EREJECT;
    }
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        char msg[MSG_BYTES + 1];
        first_message(dir, msg, sizeof(msg));
        snprintf(why, why_size, "DOC: wvHtml could not read it (exit %d%s%s)",
                 WIFEXITED(st) ? WEXITSTATUS(st) : -1, msg[0] ? ": " : "", msg);
        return OGI_EREJECT;
    }
    return 0;
}

/* 1 when the tag at s[0..n) ("<td ...>") has rowspan="0". */
static int
rowspan_zero(const char *s, size_t n)
{
    for (size_t i = 0; i + 8 < n; i++) {
        if (strncasecmp(s + i, "rowspan=", 8) != 0)
            continue;
        size_t j = i + 8;
        if (j < n && (s[j] == '"' || s[j] == '\''))
            j++;
        return j + 1 < n && s[j] == '0' &&
               !(s[j + 1] >= '0' && s[j + 1] <= '9');
    }
    return 0;
}

/* Takes wvHtml's covered cells (<td rowspan="0">..</td>) out of the page
 * s[0..*n), in place. */
static void
drop_covered(char *s, size_t *n)
{
    size_t r = 0, w = 0, len = *n;
    while (r < len) {
        if (s[r] == '<' && r + 3 < len && strncasecmp(s + r, "<td", 3) == 0 &&
            (s[r + 3] == ' ' || s[r + 3] == '\t' || s[r + 3] == '\n')) {
            const char *gt = memchr(s + r, '>', len - r);
            size_t tag = gt ? (size_t)(gt - (s + r)) + 1 : len - r;
            if (rowspan_zero(s + r, tag)) {
                /* to its </td>, or the next cell or row at this depth */
                size_t i = r + tag;
                int depth = 0;
                while (i < len) {
                    if (s[i] == '<') {
                        if (strncasecmp(s + i, "<table", 6) == 0)
                            depth++;
                        else if (strncasecmp(s + i, "</table", 7) == 0 &&
                                 depth > 0)
                            depth--;
                        else if (depth == 0 &&
                                 strncasecmp(s + i, "</td>", 5) == 0) {
                            i += 5;
                            break;
                        } else if (depth == 0 &&
                                   (strncasecmp(s + i, "<td", 3) == 0 ||
                                    strncasecmp(s + i, "<tr", 3) == 0 ||
                                    strncasecmp(s + i, "</tr", 4) == 0 ||
                                    strncasecmp(s + i, "</table", 7) == 0))
                            break;
                    }
                    i++;
                }
                r = i;
                continue;
            }
        }
        s[w++] = s[r++];
    }
    s[w] = '\0';
    *n = w;
}

/* 1 when s[w - n..w) is the ASCII text t, case-insensitive. */
static int
ends_with(const char *s, size_t w, const char *t)
{
    size_t n = strlen(t);
    return w >= n && strncasecmp(s + w - n, t, n) == 0;
}

/*
 * Takes wvHtml's revision marks out of the page s[0..*n), in place: each
 * tracked change ends with an anchor naming its author ("<a
 * href="#author1">[Author ID1: at ...]</a>"), which goes; a deletion is
 * the struck text before it ("<s>1502</s>"), which goes too. What was
 * inserted stays, as the document reads once its changes are accepted.
 */
static void
drop_revisions(char *s, size_t *n)
{
    static const char mark[] = "<a href=\"#author";
    size_t r = 0, w = 0, len = *n;
    while (r < len) {
        if (s[r] == '<' && len - r >= sizeof(mark) - 1 &&
            strncasecmp(s + r, mark, sizeof(mark) - 1) == 0) {
            size_t e = r + sizeof(mark) - 1;
            while (e + 4 <= len && strncasecmp(s + e, "</a>", 4) != 0)
                e++;
            if (e + 4 > len)
                break; /* not closed: the rest is kept as it is */
            if (ends_with(s, w, "</s>")) {
                size_t k = w - 4;
                /* a deletion is short: look back a bounded way */
                while (k >= 3 && w - k < 65536 && !ends_with(s, k, "<s>"))
                    k--;
                if (k >= 3 && ends_with(s, k, "<s>"))
                    w = k - 3;
            }
            r = e + 4;
            continue;
        }
        s[w++] = s[r++];
    }
    if (r < len) {
        memmove(s + w, s + r, len - r);
        w += len - r;
    }
    s[w] = '\0';
    *n = w;
}

int
ogi__form_doc_page(ogi_arena_t *arena, const char *raw, size_t len,
                   ogi__view_t *out, char *why, size_t why_size)
{
    memset(out, 0, sizeof(*out));
    const char *tmp = getenv("TMPDIR");
    char dir[1024], path[1400];
    /* in the sandbox, its scratch directory (removed by the parent even
     * when this process is killed); called directly, one of its own */
    int own = !ogi__sandbox_scratch;
    if (!own)
        snprintf(dir, sizeof(dir), "%s", ogi__sandbox_scratch);
    else
        snprintf(dir, sizeof(dir), "%s/ogi-doc-XXXXXX",
                 tmp && tmp[0] && strlen(tmp) < 900 ? tmp : "/tmp");
    if (own && !mkdtemp(dir)) {
        snprintf(why, why_size, "DOC: could not make a private directory: %s",
                 strerror(errno));
        return OGI_EIO;
    }
    int rc = 0;
    snprintf(path, sizeof(path), "%s/in.doc", dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 || ogi__sandbox_write_all(fd, raw, len) != 0) {
        snprintf(why, why_size, "DOC: could not write \"%s\": %s", path,
                 strerror(errno));
        if (fd >= 0)
            close(fd);
        rc = OGI_EIO;
        goto out;
    }
    close(fd);
    if ((rc = run_wvhtml(dir, why, why_size)))
        goto out;
    char *html = NULL;
    size_t n = 0;
    snprintf(path, sizeof(path), "%s/out.html", dir);
    size_t cap = len < MAX_HTML_BYTES / 16 ? 16 * len : MAX_HTML_BYTES;
    cap = cap < ((size_t)1 << 20) ? (size_t)1 << 20 : cap;
    int r = read_file(path, cap, &html, &n);
    if (r == 1) {
        snprintf(why, why_size, "DOC: wvHtml's page exceeds %zu bytes", cap);
        rc = OGI_ETOOBIG;
        goto out;
    }
    if (r < 0) {
        snprintf(why, why_size, "DOC: wvHtml wrote no page");
        rc = OGI_EREJECT;
        goto out;
    }
    drop_covered(html, &n);
    drop_revisions(html, &n);
    /* the view may be the page itself: it lives in the arena */
    char *page = ogi_arena_strndup(arena, html, n);
    ogi_free(html);
    if (!page) {
        rc = OGI_ENOMEM;
        goto out;
    }
    out->s = page;
    out->len = n;
    out->nraw = 0;
out:
    if (own)
        ogi__sandbox_remove_dir(dir);
    return rc;
}

int
ogi__form_doc_html(ogi_arena_t *arena, const ogi__view_t *page,
                   ogi__view_t *out, char *why, size_t why_size)
{
    int rc = ogi__form_html(arena, page->s, page->len, out, why, why_size);
    if (rc == 0) {
        out->encoding = NULL;
        out->map = NULL;
        out->nmap = 0;
        out->nraw = 0;
    }
    return rc;
}

int
ogi__form_doc(ogi_arena_t *arena, const char *raw, size_t len, ogi__view_t *out,
              char *why, size_t why_size)
{
    ogi__view_t page;
    int rc = ogi__form_doc_page(arena, raw, len, &page, why, why_size);
    return rc ? rc : ogi__form_doc_html(arena, &page, out, why, why_size);
}
