/* UN document symbols in running text ("A/74/400", "E/2007/30/Rev.1"). */
#ifndef INSTCITE_SYMBOL_H
#define INSTCITE_SYMBOL_H

#include <stddef.h>

/* If a document symbol starts at s (n bytes available; prev is the byte
 * before s or 0), returns its length; trailing sentence punctuation is not
 * part of it. */
size_t symbol_scan(const char *s, size_t n, char prev);

/* A symbol's first component (a series: "A", "CEDAW") is at most this many
 * capitals, then '/': no symbol starts more than this far before a '/'. */
#define SYMBOL_SERIES_MAX 5

#endif
