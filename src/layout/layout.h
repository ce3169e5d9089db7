/*
 * Layout: one resolution's normalised text -> header facts, preambular
 * paragraphs PP1.., operative paragraphs OP1.., footnotes FN1...
 *
 * Footnote lines (a line that opens with a footnote marker) are set aside
 * wherever a page put them, so they never break or join paragraphs.
 */
#ifndef INSTCITE_LAYOUT_H
#define INSTCITE_LAYOUT_H

#include "lang/lang.h"
#include "text/text.h"

#include <stddef.h>

typedef enum para_kind { PARA_HEADER, PARA_PP, PARA_OP, PARA_FN } para_kind;

/* A span of the normalised text. */
typedef struct span {
    size_t start, end;
} span;

typedef struct para {
    para_kind kind;
    int n;           /* PP/OP/FN number; 0 for HEADER */
    char where[16];  /* "PP3", "OP17", "FN6", "HEADER" */
    span line;       /* the whole line(s) */
    span body;       /* text after the paragraph number or footnote marker */
} para;

typedef struct layout {
    para *paras;
    size_t n_paras;
    size_t preambular, operative, footnotes;
    /* Header facts; spans are empty (start == end) when absent. */
    int session;
    span agenda_item, agenda_title;
    char date[11];        /* adoption date, ISO, "" when absent */
    const char *body;     /* adopting body code from the adoption line, or NULL */
    span number;          /* "74/174" on the title line */
    span title;           /* the resolution's title */
    span report_line;     /* "根据第三委员会的报告(A/74/400)通过" */
    span report_symbol;   /* "A/74/400" */
    span committee;       /* "第三委员会" */
    int plenary;
    char closing_date[11];
} layout;

/* Segments t. Fails only when out of memory. */
instcite_status layout_init(layout *lo, const text *t, const lang_table *L, instcite_error *err);
void layout_destroy(layout *lo);

#endif
