/*
 * hash.c - SHA-256 by OpenSSL (hash.h).
 */
#include "ogi_int.h"

#include <openssl/evp.h>
#include <pthread.h>
#include <string.h>

#include "ogi/hash.h"

/* The SHA-256 implementation, fetched once: a fetch per call costs more
 * than hashing a small report. */
static EVP_MD *sha256;
static pthread_once_t sha256_once = PTHREAD_ONCE_INIT;

static void
fetch_sha256(void)
{
    sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
}

void
ogi_hash_sha256_hex(const void *data, size_t len, char out[65])
{
    /* OpenSSL's SHA-256 uses the CPU's SHA extensions where present: the
     * key is computed for every document, so this is on the hot path */
    unsigned char h[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    pthread_once(&sha256_once, fetch_sha256);
    if (!sha256 || !EVP_Digest(data, len, h, &n, sha256, NULL) || n != 32)
        memset(h, 0, sizeof(h));
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < 32; i++) {
        out[2 * i] = hex[h[i] >> 4];
        out[2 * i + 1] = hex[h[i] & 15];
    }
    out[64] = '\0';
}
