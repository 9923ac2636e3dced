/*
 * log.c - event lines on stderr in text or JSON (see ogi/log.h).
 */
#include "ogi_int.h"

#include "ogi/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static ogi_log_format_t log_format = OGI_LOG_TEXT;
static ogi_log_level_t log_level = OGI_LOG_INFO;

static const char *const level_names[] = {"error", "warn", "info", "debug"};

void
ogi_log_setup(ogi_log_format_t format, ogi_log_level_t level)
{
    log_format = format;
    log_level = level;
}

int
ogi_log_parse_level(const char *name, ogi_log_level_t *out)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(name, level_names[i]) == 0) {
            *out = (ogi_log_level_t)i;
            return 0;
        }
    if (strcmp(name, "warning") == 0) {
        *out = OGI_LOG_WARN;
        return 0;
    }
    return -1;
}

int
ogi_log_parse_format(const char *name, ogi_log_format_t *out)
{
    if (strcmp(name, "text") == 0)
        *out = OGI_LOG_TEXT;
    else if (strcmp(name, "json") == 0)
        *out = OGI_LOG_JSON;
    else
        return -1;
    return 0;
}

int
ogi_log_enabled(ogi_log_level_t level)
{
    return level <= log_level;
}

/* Appends s to buf at *n (never past size - 2, leaving room for the
 * newline), JSON-escaped when json. */
static void
put(char *buf, size_t size, size_t *n, const char *s, int json)
{
    static const char hex[] = "0123456789abcdef";
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char esc[7];
        size_t k = 0;
        if (json && (c == '"' || c == '\\')) {
            esc[k++] = '\\';
            esc[k++] = (char)c;
        } else if (json && c == '\n') {
            esc[k++] = '\\';
            esc[k++] = 'n';
        } else if (json && c < 0x20) {
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            k = 6;
        } else if (!json && (c == '\n' || c == '\r')) {
            esc[k++] = ' '; /* one event, one line */
        } else {
            esc[k++] = (char)c;
        }
        if (*n + k + 2 > size)
            return;
        memcpy(buf + *n, esc, k);
        *n += k;
    }
}

size_t
ogi_log_format_line(char *buf, size_t size, ogi_log_format_t format,
                    uint64_t ms, ogi_log_level_t level, const char *component,
                    const ogi_log_field_t *fields, size_t nfields,
                    const char *msg)
{
    if (size < 2) {
        if (size)
            buf[0] = '\0';
        return 0;
    }
    time_t secs = (time_t)(ms / 1000);
    struct tm tm;
    gmtime_r(&secs, &tm);
    char when[96];
    snprintf(when, sizeof(when), "%04d-%02d-%02dT%02d:%02d:%02d.%03uZ",
             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
             tm.tm_min, tm.tm_sec, (unsigned)(ms % 1000));
    const char *lv = level_names[level <= OGI_LOG_DEBUG ? level : 0];
    int json = format == OGI_LOG_JSON;
    size_t n = 0;
    if (json) {
        put(buf, size, &n, "{\"time\":\"", 0);
        put(buf, size, &n, when, 1);
        put(buf, size, &n, "\",\"level\":\"", 0);
        put(buf, size, &n, lv, 1);
        put(buf, size, &n, "\",\"component\":\"", 0);
        put(buf, size, &n, component, 1);
        put(buf, size, &n, "\",\"msg\":\"", 0);
        put(buf, size, &n, msg, 1);
        put(buf, size, &n, "\"", 0);
        for (size_t i = 0; i < nfields; i++) {
            put(buf, size, &n, ",\"", 0);
            put(buf, size, &n, fields[i].key, 1);
            put(buf, size, &n, "\":\"", 0);
            put(buf, size, &n, fields[i].value ? fields[i].value : "", 1);
            put(buf, size, &n, "\"", 0);
        }
        /* a line cut short still closes: drop what does not fit */
        if (n + 3 > size)
            n = size - 3;
        buf[n++] = '}';
    } else {
        put(buf, size, &n, when, 0);
        put(buf, size, &n, " ", 0);
        put(buf, size, &n, lv, 0);
        put(buf, size, &n, " ", 0);
        put(buf, size, &n, component, 0);
        put(buf, size, &n, ": ", 0);
        put(buf, size, &n, msg, 0);
        for (size_t i = 0; i < nfields; i++) {
            put(buf, size, &n, " ", 0);
            put(buf, size, &n, fields[i].key, 0);
            put(buf, size, &n, "=", 0);
            put(buf, size, &n, fields[i].value ? fields[i].value : "", 0);
        }
    }
    buf[n++] = '\n';
    buf[n] = '\0';
    return n;
}

/* fmt is checked at ogi_log's and ogi_log_fields' callers */
__attribute__((format(printf, 5, 0))) static void
vlog(ogi_log_level_t level, const char *component,
     const ogi_log_field_t *fields, size_t nfields, const char *fmt, va_list ap)
{
    if (!ogi_log_enabled(level))
        return;
    char msg[2048], line[4096];
    vsnprintf(msg, sizeof(msg), fmt, ap);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t ms = (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
    size_t n = ogi_log_format_line(line, sizeof(line), log_format, ms, level,
                                   component ? component : "ogi", fields,
                                   nfields, msg);
    /* one write per line: threads' lines never interleave */
    ssize_t w = write(2, line, n);
    (void)w;
}

void
ogi_log(ogi_log_level_t level, const char *component, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vlog(level, component, NULL, 0, fmt, ap);
    va_end(ap);
}

void
ogi_log_fields(ogi_log_level_t level, const char *component,
               const ogi_log_field_t *fields, size_t nfields, const char *fmt,
               ...)
{
    va_list ap;
    va_start(ap, fmt);
    vlog(level, component, fields, nfields, fmt, ap);
    va_end(ap);
}

int
ogi_log_limited(ogi_log_limit_t *l, uint64_t total, unsigned every_s,
                const char *component, const char *what)
{
    if (total > l->total)
        l->total = total;
    total = l->total;
    if (total == l->logged)
        return 0; /* nothing new since the last line */
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    uint64_t now = (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
    char all[24];
    snprintf(all, sizeof(all), "%llu", (unsigned long long)total);
    ogi_log_field_t f = {"total", all};
    if (l->logged == 0) {
        ogi_log_fields(OGI_LOG_WARN, component, &f, 1, "%s", what);
    } else if (now - l->last_ms >= (uint64_t)every_s * 1000) {
        ogi_log_fields(OGI_LOG_WARN, component, &f, 1,
                       "%llu %s in the last %llu s (%llu in all)",
                       (unsigned long long)(total - l->logged), what,
                       (unsigned long long)((now - l->last_ms) / 1000),
                       (unsigned long long)total);
    } else {
        return 0;
    }
    l->logged = total;
    l->last_ms = now;
    return 1;
}
