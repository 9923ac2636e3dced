/*
 * rules.h - the catalogue of rules behind every finding.
 *
 * IDs are stable (O, D, V, C, N, S, X, M for validation, P* for the parser):
 * a finding's rule never changes meaning. The README's rule table is
 * generated from this catalogue (`ogi rules --markdown`), so the two cannot
 * drift. Static data: thread-safe.
 */
#ifndef OGI_RULES_H
#define OGI_RULES_H

#include <stddef.h>

#include "ogi/report.h"

typedef struct {
    const char *id;          /* "D2" */
    ogi_severity_t severity; /* severity when the rule fails */
    const char *scope;       /* "parser", "table", "narrative", "document",
                                "years" */
    const char *summary;     /* what it checks, one line */
} ogi_rule_t;

/* Every rule, in catalogue order; *n receives the count. */
const ogi_rule_t *ogi_rules_all(size_t *n);

/* The rule with this ID, or NULL. */
const ogi_rule_t *ogi_rules_find(const char *id);

#endif /* OGI_RULES_H */
