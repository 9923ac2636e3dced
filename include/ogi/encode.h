/*
 * encode.h - the record as protobuf (proto/ogi/v1/report.proto) and back.
 *
 * Field names in the schema are the skeleton's keys, so the mapping is
 * made by walking the skeleton and looking fields up by name: a cell the
 * schema lacks is an error found by the tests, not a silent loss.
 * Everything decoded is allocated in the caller's arena. Thread-safe per
 * arena.
 */
#ifndef OGI_ENCODE_H
#define OGI_ENCODE_H

#include <stddef.h>
#include <stdint.h>

#include "ogi/arena.h"
#include "ogi/report.h"

#define OGI_PB_MAX_DEFAULT (32u << 20) /* frames above this are refused */

/* Encodes report as an ogi.v1.Report into *out (allocated in arena).
 * Returns 0, OGI_ENOMEM, or OGI_EINVAL when a skeleton key has no field in
 * the schema. */
int ogi_encode_report(ogi_arena_t *arena, const ogi_report_t *report,
                      uint8_t **out, size_t *len);

/*
 * Decodes an ogi.v1.Report of len bytes into *out (in arena). Frames above
 * max bytes (0: OGI_PB_MAX_DEFAULT) give OGI_ETOOBIG; bytes that are not
 * a Report give OGI_EPARSE. why receives the reason. Returns 0 on success.
 */
int ogi_decode_report(ogi_arena_t *arena, const uint8_t *data, size_t len,
                      size_t max, ogi_report_t **out, char *why,
                      size_t why_size);

/* Names of the wire message types ogi_decode_json knows: "Report",
 * "Document", "Record", "Ack", "Ready", "Heartbeat". */
int ogi_decode_type_known(const char *type);

/*
 * Any ogi protobuf of the named type as JSON (malloc'd; free() it), with
 * the same limits and errors as ogi_decode_report. A Report prints as the
 * JSON record; other messages field by field, bytes as their length and
 * SHA-256.
 */
int ogi_decode_json(const char *type, const uint8_t *data, size_t len,
                    size_t max, char **json, char *why, size_t why_size);

#endif /* OGI_ENCODE_H */
