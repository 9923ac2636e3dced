/*
 * log.h - one line per event on stderr, with time, level and component.
 *
 * Text lines read
 *     2026-12-05T19:58:14.123Z info sink: database back after 12 s
 * and JSON lines (--log-format json) hold one object per line:
 *     {"time":"...","level":"info","component":"sink","msg":"...",
 *      "retries":"7"}
 * plus the event's key fields. Each line is written with one write(2), so
 * lines from several threads never interleave. Messages follow the error
 * style: lower case, no trailing period, values quoted with ".
 */
#ifndef OGI_LOG_H
#define OGI_LOG_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    OGI_LOG_ERROR = 0,
    OGI_LOG_WARN,
    OGI_LOG_INFO,
    OGI_LOG_DEBUG,
} ogi_log_level_t;

typedef enum {
    OGI_LOG_TEXT = 0,
    OGI_LOG_JSON,
} ogi_log_format_t;

/* A key field of an event: shown as key=value in text, a member in JSON. */
typedef struct {
    const char *key;
    const char *value;
} ogi_log_field_t;

/* Sets the format and the most verbose level written (default text,
 * info). Process-wide; call before starting threads. */
void ogi_log_setup(ogi_log_format_t format, ogi_log_level_t level);

/* Reads "error", "warn", "info", "debug" / "text", "json"; -1 when the
 * name is unknown. */
int ogi_log_parse_level(const char *name, ogi_log_level_t *out);
int ogi_log_parse_format(const char *name, ogi_log_format_t *out);

/* Whether a line at level would be written. */
int ogi_log_enabled(ogi_log_level_t level);

void ogi_log(ogi_log_level_t level, const char *component, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The same with key fields (nfields of them, values copied). */
void ogi_log_fields(ogi_log_level_t level, const char *component,
                    const ogi_log_field_t *fields, size_t nfields,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/*
 * Formats one line into buf (at most size bytes, NUL-terminated, ending
 * in a newline) for the time ms since the epoch: what ogi_log writes.
 * Returns the line's length. For tests.
 */
size_t ogi_log_format_line(char *buf, size_t size, ogi_log_format_t format,
                           uint64_t ms, ogi_log_level_t level,
                           const char *component, const ogi_log_field_t *fields,
                           size_t nfields, const char *msg);

/*
 * Something that happens again and again (garbage on a socket): the
 * first time is logged, then at most one summary every `every_s`
 * seconds. Embed one, zeroed, per kind of event.
 */
typedef struct {
    uint64_t total;   /* events so far */
    uint64_t logged;  /* total when the last line was written */
    uint64_t last_ms; /* when it was written */
} ogi_log_limit_t;

/*
 * Call it each time round a loop with the running count `total`. Logs a
 * warning at component, "WHAT" the first time and "N WHAT in the last S s
 * (T in all)" after, at most once every every_s seconds; events not yet
 * told are summed up when the period is over even when no new ones came.
 * Returns 1 when a line was written.
 */
int ogi_log_limited(ogi_log_limit_t *l, uint64_t total, unsigned every_s,
                    const char *component, const char *what);

#endif /* OGI_LOG_H */
