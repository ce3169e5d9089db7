/*
 * Encodings: input bytes in UTF-8, UTF-16 or a legacy charset -> UTF-8 that
 * text_init can normalise, with a compact map from those UTF-8 bytes back to
 * the input's byte offsets.
 *
 * What enc_decode reads:
 *  - encoding NULL or "auto": a BOM decides (EF BB BF UTF-8, FF FE UTF-16LE,
 *    FE FF UTF-16BE); without one, bytes whose 16-bit units mostly have a
 *    zero high byte (looks_utf16 in encoding.c) are UTF-16 of that byte
 *    order (detected); then valid UTF-8 is UTF-8; otherwise, when
 *    allow_gb, bytes shaped like GB18030 Chinese (every non-ASCII byte starts
 *    a well-formed GB18030 sequence, at least 80% of the two-byte characters
 *    lie in the GB2312 area A1-F7/A1-FE, and less than half of the non-ASCII
 *    bytes happen to form valid UTF-8 sequences) are GB18030; anything else
 *    is UTF-8 (and its first bad byte is the error);
 *  - a named encoding (enc_canonical lists them): that one; a BOM of the same
 *    encoding is kept in the UTF-8 (text_init drops it).
 * Invalid input (a byte that starts no character, a lone UTF-16 surrogate, a
 * truncated last character) fails with INSTCITE_ERR_ENCODING and its input
 * offset, or, with replace, becomes U+FFFD (one per bad byte; per 16-bit unit
 * in UTF-16) and is listed in bad[] (the first ENC_MAX_BAD) and n_bad.
 *
 * When the input is valid UTF-8 nothing is copied: converted is false, u8 is
 * the input itself and offsets need no translation. Otherwise u8 is a new
 * buffer and enc_input_offset translates an offset in it (at a character
 * boundary) to the input offset of the same character, in constant time
 * (a checkpoint every 64 UTF-8 bytes, then at most 64 bytes re-decoded).
 * Only stateless, ASCII-compatible legacy charsets are offered, so decoding
 * may restart at any character boundary.
 */
#ifndef INSTCITE_ENCODING_H
#define INSTCITE_ENCODING_H

#include "instcite.h"

#include <stdbool.h>
#include <stddef.h>

enum { ENC_MAX_BAD = 100 };

typedef enum enc_kind { ENC_UTF8, ENC_UTF16LE, ENC_UTF16BE, ENC_ICONV } enc_kind;

typedef struct enc_bad {
    size_t start, end; /* input offsets of the bytes replaced */
} enc_bad;

typedef struct encoded {
    const char *name; /* canonical name of the encoding read: "UTF-8", "GB18030" */
    bool detected;    /* not UTF-8, and chosen by detection rather than asked for */
    bool converted;   /* u8 is a new buffer: translate offsets */
    const char *u8;   /* the input as UTF-8 (the input itself unless converted) */
    size_t u8_len;
    size_t n_bad;               /* invalid sequences replaced */
    enc_bad bad[ENC_MAX_BAD];   /* the first of them */
    /* private */
    enc_kind kind;
    void *cd; /* iconv_t for ENC_ICONV */
    const unsigned char *in;
    size_t in_len;
    char *owned;
    size_t *ck_u8, *ck_in; /* checkpoint b: first character boundary at or after 64 * b */
    size_t n_ck;
} encoded;

/* The canonical name of a supported encoding ("utf8", "GBK", "utf-16le" ...
 * are accepted, case-insensitively), "auto" for NULL or "auto", NULL when
 * unsupported. */
const char *enc_canonical(const char *name);

/* Reads len bytes (at most INSTCITE_MAX_INPUT) as described above. Fails with
 * INSTCITE_ERR_INVALID (unknown encoding), INSTCITE_ERR_ENCODING (offset and
 * line of the first bad sequence; for UTF-8 input the check is left to
 * text_init, which reports the same offset), INSTCITE_ERR_LIMIT (the UTF-8
 * form exceeds INSTCITE_MAX_INPUT), INSTCITE_ERR_NOMEM. On failure *e holds
 * nothing to free. Borrows in until enc_destroy. */
instcite_status enc_decode(encoded *e, const void *in, size_t len, const char *encoding, bool replace,
                           bool allow_gb, instcite_error *err);

/* The common case without a pass of its own: when encoding is NULL or
 * "auto" and the input has no UTF-16 BOM and does not look like UTF-16,
 * fills *e as enc_decode does for valid UTF-8 (nothing converted) without
 * checking the bytes, and returns true. The caller lets text_init check
 * them and, when it reports INSTCITE_ERR_ENCODING, calls enc_decode for the
 * full detection (GB18030, replacement). Returns false (and *e empty)
 * otherwise, or when len exceeds INSTCITE_MAX_INPUT. */
bool enc_assume_utf8(encoded *e, const void *in, size_t len, const char *encoding);

/* The input offset of the character whose UTF-8 starts at u8 offset off
 * (off == u8_len gives in_len). Identity when not converted. */
size_t enc_input_offset(const encoded *e, size_t off);

void enc_destroy(encoded *e);

/* True when s[0..n) is valid UTF-8 throughout (shortest forms, no surrogates). */
bool utf8_valid(const unsigned char *s, size_t n);

#endif
