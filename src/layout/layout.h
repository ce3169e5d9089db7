/*
 * Layout: one resolution's normalised text -> header facts, preambular
 * paragraphs PP1.., operative paragraphs OP1.., footnotes FN1...
 *
 * Two shapes of input, chosen by the language table:
 *  - one paragraph per line (the Chinese seed): a paragraph is a line of the
 *    normalised text and points into it;
 *  - wrapped text, as a PDF text layer prints it (L->wrapped): paragraphs
 *    run over several lines and across pages; running heads, job numbers,
 *    page counters and footnote blocks (after a "_____" rule) stand between
 *    their lines. Layout joins the lines into a copy of its own, with its own
 *    map to input offsets, and turns footnote markers printed as plain digits
 *    ("Crime3", "pornography,5") into FN_OPEN digits FN_CLOSE.
 * Either way footnotes never break or join paragraphs.
 */
#ifndef INSTCITE_LAYOUT_H
#define INSTCITE_LAYOUT_H

#include "lang/lang.h"
#include "text/text.h"

#include <stddef.h>

typedef enum para_kind { PARA_HEADER, PARA_PP, PARA_OP, PARA_FN } para_kind;

/* A span of the normalised text (text.s). */
typedef struct span {
    size_t start, end;
} span;

typedef struct para {
    para_kind kind;
    int n;          /* PP/OP/FN number; 0 for HEADER */
    char where[16]; /* "PP3", "OP17", "FN6", "HEADER" */
    const char *s;  /* the paragraph's normalised bytes (not NUL-terminated) */
    const text_off *map; /* input offset of each byte of s */
    size_t len;
    size_t body;    /* offset in s of the text after the number or marker */
} para;

typedef struct layout {
    para *paras;
    size_t n_paras, cap_paras;
    size_t preambular, operative, footnotes;
    /* Header facts; spans of text.s, empty (start == end) when absent. */
    int session;
    span agenda_item, agenda_title;
    char date[11];    /* adoption date, ISO, "" when absent */
    const char *body; /* adopting body code from the adoption line, or NULL */
    span number;      /* "74/174" on the title line */
    span title;       /* the resolution's title */
    span report_line; /* "根据第三委员会的报告(A/74/400)通过" */
    span report_symbol;
    span committee;
    int plenary;
    char closing_date[11];
    /* Joined paragraph copies (wrapped text): freed with the layout. */
    char **bufs;
    size_t n_bufs, cap_bufs;
    /* The table's clause openers, indexed: asked at every paragraph, here
     * and by the scanners (extract.c). */
    lang_name_index verbs;
} layout;

/* Segments t; L may be NULL (no table: every line is a HEADER line). Fails
 * only when out of memory. */
instcite_status layout_init(layout *lo, const text *t, const lang_table *L, instcite_error *err);
void layout_destroy(layout *lo);

#endif
