/*
 * sink_health.c - what the sink says about itself and keeps of its
 * database: its metrics series and their running totals, the
 * connection's loss and return (said once, however many retries follow),
 * the back-off while it is gone, and an idle sink's check every second.
 */
#include "ogi_int.h"

#include <stdio.h>
#include <string.h>

#include "ogi/db.h"
#include "ogi/error.h"
#include "ogi/log.h"
#include "ogi/metrics.h"
#include "ogi/rules.h"
#include "sink_int.h"
#include "wire_int.h"

void
ogi__sink_metrics_init(sink_t *s)
{
    ogi_metrics_t *m = s->m;
    sink_metrics_t *x = &s->mx;
    if (!m)
        return;
    x->records = ogi_metrics_counter(m, "ogi_records_received_total",
                                     "Records the sink received from workers.",
                                     NULL, NULL);
    x->stored = ogi_metrics_counter(m, "ogi_documents_stored_total",
                                    "Documents stored as reports (COMMIT).",
                                    NULL, NULL);
    x->duplicate = ogi_metrics_counter(
        m, "ogi_documents_duplicate_total",
        "Documents already stored under the same key.", NULL, NULL);
    /* the rejected family is made here so that it shows before any */
    ogi_metrics_counter(m, "ogi_documents_rejected_total",
                        "Documents stored as rejected, by reason class.",
                        "reason", "not_report");
    x->dead = ogi_metrics_counter(
        m, "ogi_documents_dead_lettered_total",
        "Documents written to the dead letters (poison, refused).", NULL, NULL);
    x->batches =
        ogi_metrics_counter(m, "ogi_batches_total",
                            "Transactions committed by the sink.", NULL, NULL);
    x->batch_records = ogi_metrics_histogram(
        m, "ogi_batch_records", "Records per committed batch.",
        ogi_metrics_batch_bounds, ogi_metrics_batch_nbounds);
    x->commit_seconds = ogi_metrics_histogram(
        m, "ogi_batch_commit_seconds",
        "Time to write and commit one batch, retries included.",
        ogi_metrics_seconds_bounds, ogi_metrics_seconds_nbounds);
    x->retries = ogi_metrics_counter(
        m, "ogi_db_errors_total",
        "Batch writes or connections that failed (and were retried).", NULL,
        NULL);
    x->reconnects = ogi_metrics_counter(
        m, "ogi_db_reconnects_total",
        "Connections to the database made again after a loss.", NULL, NULL);
    x->bisections = ogi_metrics_counter(
        m, "ogi_db_bisections_total",
        "Batches split because the database refused a record.", NULL, NULL);
    x->connected = ogi_metrics_gauge(
        m, "ogi_db_connected", "1 when the sink has a database connection.",
        NULL, NULL);
    x->forged = ogi_metrics_counter(
        m, "ogi_records_forged_total",
        "Records dropped: their key is not the SHA-256 of their bytes.", NULL,
        NULL);
    x->dropped = ogi_metrics_counter(
        m, "ogi_messages_dropped_total",
        "Malformed, oversized or undecodable messages dropped.", "component",
        "sink");
}

/* The running totals, as counters. */
void
ogi__sink_metrics_publish(sink_t *s)
{
    sink_metrics_t *x = &s->mx;
    if (!s->m)
        return;
    ogi_metric_total(x->records, s->st.records);
    ogi_metric_total(x->stored, s->st.stored);
    ogi_metric_total(x->duplicate, s->st.duplicates);
    ogi_metric_total(x->dead, s->st.poison);
    ogi_metric_total(x->batches, s->st.batches);
    ogi_metric_total(x->retries, s->st.retries);
    ogi_metric_total(x->reconnects, s->st.reconnects);
    ogi_metric_total(x->bisections, s->st.bisections);
    ogi_metric_total(x->forged, s->st.forged);
    ogi_metric_total(x->dropped, s->st.dropped);
    ogi_metric_set(x->connected, s->db ? 1 : 0);
    size_t nrules;
    const ogi_rule_t *rules = ogi_rules_all(&nrules);
    for (size_t k = 0; k < nrules && k < 64; k++) {
        if (!s->st.findings[k])
            continue;
        if (!x->findings[k])
            x->findings[k] =
                ogi_metrics_counter(s->m, "ogi_findings_total",
                                    "Findings of the reports stored, by rule.",
                                    "rule", rules[k].id);
        ogi_metric_total(x->findings[k], s->st.findings[k]);
    }
    ogi_metrics_beat(s->m, "sink");
}

/* The database is gone (why): said once, however many retries follow. */
void
ogi__sink_db_down(sink_t *s, const char *why)
{
    if (!s->down_since) {
        s->down_since = ogi__wire_now_ms();
        s->down_retries = 0;
        ogi_log_fields(OGI_LOG_WARN, "sink", &(ogi_log_field_t){"error", why},
                       1, "database unreachable: %s, retrying", why);
    } else {
        s->down_retries++;
    }
    char reason[300];
    snprintf(reason, sizeof(reason), "database unreachable: %s", why);
    ogi_metrics_fault(s->m, "sink", reason);
    ogi_metric_set(s->mx.connected, 0);
}

/* A connection was made: says the database is back, if it was gone. */
void
ogi__sink_db_up(sink_t *s)
{
    if (s->was_connected)
        s->st.reconnects++;
    s->was_connected = 1;
    s->last_check = ogi__wire_now_ms();
    s->wait = 100;
    if (s->down_since) {
        uint64_t secs = (ogi__wire_now_ms() - s->down_since + 500) / 1000;
        char n[24];
        snprintf(n, sizeof(n), "%llu", (unsigned long long)secs);
        ogi_log_fields(OGI_LOG_INFO, "sink", &(ogi_log_field_t){"down_s", n}, 1,
                       "database back after %llu s, %llu retries",
                       (unsigned long long)secs,
                       (unsigned long long)s->down_retries);
        s->down_since = 0;
    }
    ogi_metrics_fault(s->m, "sink", NULL);
    ogi_metric_set(s->mx.connected, 1);
}

/* The class of a rejection, for a label of few values. */
static const char *
reject_class(const char *reason)
{
    if (!reason)
        return "not_report";
    if (strstr(reason, "exceeds the limit"))
        return "too_large";
    if (strstr(reason, "empty document"))
        return "empty";
    if (strstr(reason, "pre-2019"))
        return "old_format";
    if (strstr(reason, "no disclosure tables") ||
        strstr(reason, "not a report") || strstr(reason, "not an annual"))
        return "not_report";
    return "form"; /* a form's converter could not read it */
}

void
ogi__sink_count_rejected(sink_t *s, const char *reason)
{
    ogi_metric_add(ogi_metrics_counter(s->m, "ogi_documents_rejected_total", "",
                                       "reason", reject_class(reason)),
                   1);
}

/* Connects (again) after a failure, backing off up to 5 s; gives up only
 * when stopped. */
int
ogi__sink_reconnect(sink_t *s)
{
    unsigned wait = 100;
    ogi_db_destroy(&s->db);
    for (;;) {
        char why[256];
        s->db = ogi_db_connect(s->o->db, why, sizeof(why));
        if (s->db) {
            ogi__sink_db_up(s);
            return 0;
        }
        ogi__sink_db_down(s, why);
        s->st.retries++;
        ogi__sink_metrics_publish(s); /* alive, and saying why it is stuck */
        if (s->o->tick)
            s->o->tick(s->o->tick_arg);
        if (s->o->stop && *s->o->stop)
            return OGI_ERETRY;
        ogi__wire_sleep_ms(wait);
        wait = wait * 2 > 5000 ? 5000 : wait * 2;
    }
}

/*
 * An idle sink checks its database every second, so that /health and the
 * log say when it goes away before a batch finds out; a lost one is
 * tried again with back-off.
 */
void
ogi__sink_watch_db(sink_t *s, uint64_t now)
{
    if (s->db) {
        if (now < s->last_check + 1000)
            return;
        int version;
        if (ogi_db_schema_version(s->db, &version) == 0) {
            s->last_check = now;
            return;
        }
        char why[256];
        snprintf(why, sizeof(why), "%s", ogi_db_error(s->db));
        char *nl = strchr(why, '\n');
        if (nl)
            *nl = '\0';
        ogi_db_destroy(&s->db);
        ogi__sink_db_down(s, why);
        s->next_try = now;
        s->wait = 100;
        return;
    }
    if (now < s->next_try)
        return;
    char why[256];
    s->db = ogi_db_connect(s->o->db, why, sizeof(why));
    if (s->db) {
        ogi__sink_db_up(s);
        return;
    }
    ogi__sink_db_down(s, why);
    s->st.retries++;
    s->next_try = now + s->wait;
    s->wait = s->wait * 2 > 5000 ? 5000 : s->wait * 2;
}
