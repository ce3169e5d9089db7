/*
 * Text: input bytes -> a normalised copy for matching, with a map back to the
 * input's byte offsets.
 *
 * Normalisation (what rules may rely on):
 *  - the copy is valid UTF-8 with no NUL byte; lines end with '\n' (CRLF, CR
 *    and form feed become '\n'); a leading BOM is dropped;
 *  - full-width digits, Latin letters and / ( ) [ ] . - become ASCII;
 *    Arabic-Indic digits (U+0660.., U+06F0..) become ASCII digits and the
 *    Arabic comma and semicolon (U+060C, U+061B) ',' and ';';
 *  - Arabic presentation forms (U+FE80..U+FEFC) become the letters they
 *    shape (a lam-alef ligature two letters);
 *  - invisible format characters are dropped: BOM, zero-width space and
 *    joiners, bidirectional marks, embeddings and isolates, the Arabic
 *    tatweel (U+0640);
 *  - a run of superscript digits (a footnote marker) becomes
 *    FN_OPEN digits FN_CLOSE, so a marker can never be read as text digits;
 *  - dashes become '-', double quotes (“ ” « » ...) '"', single quotes '\'';
 *  - every Unicode space becomes ' ', runs collapse to one, spaces at line
 *    start and end and spaces next to a CJK character are dropped (they are
 *    typographic only: "2018 年 12 月" reads "2018年12月");
 *  - other C0 control characters become ' '.
 * map[i] is the input offset of the character that produced byte i; the
 * input end of a span [s, e) is text_input_end(t->in, t->map, e), always
 * within the input (a marker's FN_CLOSE at the very end maps to its last
 * digit).
 */
#ifndef INSTCITE_TEXT_H
#define INSTCITE_TEXT_H

#include "instcite.h"

#include <stdbool.h>
#include <stddef.h>

#define FN_OPEN '\x1e'
#define FN_CLOSE '\x1f'

/* An input byte offset in a map: 32 bits, since an input is at most
 * INSTCITE_MAX_INPUT (1 GiB) and a converted one (UTF-16, GB18030 -> UTF-8)
 * at most 1.5 times that. Four bytes per normalised byte instead of eight. */
#include <stdint.h>
typedef uint32_t text_off;
_Static_assert(INSTCITE_MAX_INPUT / 2 * 3 <= UINT32_MAX, "map offsets need 32 bits");

typedef struct text {
    const unsigned char *in; /* borrowed input */
    size_t in_len;
    char *s;     /* normalised, NUL-terminated */
    size_t len;
    text_off *map; /* len + 1 entries; map[len] == in_len */
} text;

/* Validates and normalises len bytes. Fails with INSTCITE_ERR_ENCODING (offset
 * of the first bad byte) on invalid UTF-8, INSTCITE_ERR_EMPTY when nothing but
 * spaces remains, INSTCITE_ERR_NOMEM. On failure *t holds nothing to free. */
instcite_status text_init(text *t, const void *in, size_t len, instcite_error *err);
void text_destroy(text *t);

/* Input offset just past the character that produced normalised byte e - 1
 * (e > 0), i.e. the input end of a span ending at e. */
size_t text_input_end(const unsigned char *in, const text_off *map, size_t e);

/* Decodes one UTF-8 code point at s (which has n > 0 bytes); returns its
 * length, or 0 if the bytes are not a valid, shortest-form code point.
 * Inline: every scanner calls it per character. */
static inline size_t utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, min = 0x80, c &= 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, min = 0x800, c &= 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, min = 0x10000, c &= 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

/* True for CJK ideographs, CJK punctuation and full-width forms. */
bool is_cjk(unsigned cp);

/* The index of the first ASCII digit of s[0..n), n when there is none
 * (eight bytes at a time: layout and the scanners ask it of whole lines
 * and paragraphs). */
size_t text_next_digit(const char *s, size_t n);

#endif
