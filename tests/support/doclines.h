/*
 * Shared by the extraction test runners (tests/extract/run_cases.c,
 * tests/input/run_doc.c): a growable string, and a document's mentions,
 * relations and warnings rendered as the lines their expected files hold:
 *     WHERE<TAB>KIND<TAB>KEY<TAB>DATE<TAB>FOOTNOTE<TAB>UNTS    (one per mention)
 *     --- relations / FROM<TAB>TYPE<TAB>TO
 *     --- warnings  / CODE<TAB>WHERE
 * with "-" for an empty cell.
 */
#ifndef INSTCITE_TEST_DOCLINES_H
#define INSTCITE_TEST_DOCLINES_H

#include "instcite.h"

#include <stddef.h>

typedef struct buf {
    char *s; /* always NUL-terminated once anything was put */
    size_t len, cap;
} buf;

/* Appends n bytes; exits with status 2 when out of memory. */
void put(buf *b, const char *s, size_t n);

/* Appends the lines of doc to out. text (len bytes) is what offsets index:
 * the input, or the text layer of a PDF/DOCX/HTML input. Returns how many
 * mentions' text is not text[start..end] and how many warnings lie outside
 * it. */
size_t doc_lines(const instcite_doc *doc, const char *text, size_t len, buf *out);

#endif
