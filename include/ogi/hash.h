/*
 * hash.h - the SHA-256 of a document's bytes: its doc_key, the name it is
 * stored, deduplicated and acknowledged under everywhere in ogi.
 */
#ifndef OGI_HASH_H
#define OGI_HASH_H

#include <stddef.h>

/* Writes the SHA-256 of data[0..len) as 64 lower-case hex digits and a
 * NUL into out. Thread-safe. */
void ogi_hash_sha256_hex(const void *data, size_t len, char out[65]);

#endif /* OGI_HASH_H */
