/*
 * iconv_int.h - the encodings ogi reads besides UTF-8 as it is, and
 * their conversion to a UTF-8 view with its map back to the raw bytes
 * (form_iconv.c), for the text form's choice among them (form_text.c).
 */
#ifndef OGI_ICONV_INT_H
#define OGI_ICONV_INT_H

#include <stddef.h>

#include "form_int.h"
#include "ogi/arena.h"

typedef enum {
    ENC_UTF8 = 0,
    ENC_GB18030,
    ENC_BIG5,
    ENC_UTF16LE,
    ENC_UTF16BE,
    ENC_NONE
} enc_t;

/* An encoding's names: iconv's, the view's (static), the one in reasons. */
typedef struct {
    const char *iconv;
    const char *name;
    const char *label;
} ogi__enc_names_t;

/* By enc_t, ENC_NONE excepted. */
extern const ogi__enc_names_t ogi__encs[ENC_NONE];

/* Length of the raw character at p (n >= 1 bytes left) in enc, by
 * structure alone: what iconv consumes for it when it is valid. */
size_t ogi__iconv_char_len(enc_t enc, const unsigned char *p, size_t n);

/*
 * raw[from..len) converted from enc into *out, its map back to raw
 * offsets (a byte iconv refuses becomes U+FFFD, counted in out->nbad).
 * Returns 0; OGI_ENCODING when the bytes are not enc (more than one
 * refused byte per OGI_TEXT_BROKEN_RATIO non-ASCII bytes); OGI_ENOMEM,
 * OGI_ETOOBIG.
 */
int ogi__iconv_view(ogi_arena_t *arena, const char *raw, size_t len,
                    size_t from, enc_t enc, ogi__view_t *out);

#endif
