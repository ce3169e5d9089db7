/* Resolution and decision numbers as printed: "73/154", "49/35 A",
 * "2200 A (XXI)", "1325 (2000)", "S-27/2", "ES-10/19". */
#ifndef INSTCITE_RESNUM_H
#define INSTCITE_RESNUM_H

#include "lang/lang.h"

#include <stddef.h>

typedef enum resnum_form {
    RESNUM_SLASH, /* session/number or year/number: GA since 1976, ECOSOC, HRC, commissions */
    RESNUM_ROMAN, /* number (session in Roman numerals): GA and ECOSOC before 1976 */
    RESNUM_YEAR   /* number (year): Security Council */
} resnum_form;

typedef struct resnum {
    resnum_form form;
    size_t len;         /* bytes consumed */
    char printed[48];   /* as cited, spaces normalised: "2200 A (XXI)" */
    char compact[48];   /* for identity keys, no spaces: "2200A(XXI)" */
} resnum;

/* Parses a number at s; returns 0 (and leaves *r undefined) if there is none. */
size_t resnum_parse(const char *s, size_t n, resnum *r);

/* The same, also reading a letter written as a word of the language
 * (letters: "А" -> "A", "ألف" -> "A") and a session written in digits after
 * a mark ("(د-21)" with mark "د-" -> "(XXI)") and a special-session prefix
 * ("دإ-27/2" -> "S-27/2"). printed and compact are the
 * Latin forms ("2200 A (XXI)"); len counts the bytes of s. */
size_t resnum_parse_words(const char *s, size_t n, const lang_name *letters,
                          const char *const *session_marks, const lang_name *prefixes, resnum *r);

#endif
