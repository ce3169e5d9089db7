/*
 * Input formats: a file's bytes -> UTF-8 text shaped like a PDF text layer,
 * before src/text sees it.
 *
 * The shape every converter writes (what src/layout relies on):
 *  - one line per printed line (PDF) or per paragraph (HTML, DOCX), '\n'
 *    at the end of each;
 *  - a form feed at the start of every page after the first (PDF; a DOCX
 *    page break);
 *  - footnotes after a rule line of 18 '_', one "N text" line per footnote
 *    (N as plain digits at the line start);
 *  - a footnote marker in running text as Unicode superscript digits glued
 *    to the word before it (the normaliser frames those as markers).
 *
 * Offsets reported for such an input refer to this text, which
 * instcite_input_text returns for the same bytes.
 */
#ifndef INSTCITE_INPUT_H
#define INSTCITE_INPUT_H

#include "instcite.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum input_format {
    INPUT_TEXT = 0,
    INPUT_PDF,
    INPUT_HTML,
    INPUT_DOCX,
    INPUT_ZIP, /* a zip archive that is no Word document: refused */
    INPUT_OLE, /* a Word 97-2003 .doc (or another OLE2 file): refused */
    INPUT_RTF  /* an RTF document: refused (its control words are no text) */
} input_format;

/* The format of bytes, by content: "%PDF-1.x" in the first 1024 bytes; a zip
 * ("PK\3\4") holding word/document.xml; "<!DOCTYPE html" or "<html" (after a
 * BOM, spaces and comments), or markup such as "<body"/"<p" when name ends in
 * .html/.htm. Anything else is text. */
input_format input_detect(const void *bytes, size_t len, const char *name);

/* "text", "pdf", "html", "docx", "zip", "doc", "rtf". */
const char *input_format_name(input_format f);

/* Converts a PDF, HTML or DOCX input to its text layer: *out receives a new
 * NUL-terminated buffer (free with free), *out_len its length. Fails with
 * INSTCITE_ERR_PARSE (malformed), INSTCITE_ERR_UNSUPPORTED (encrypted),
 * INSTCITE_ERR_EMPTY (no text: an image-only PDF), INSTCITE_ERR_NOMEM. */
instcite_status input_convert(input_format f, const void *bytes, size_t len, char **out, size_t *out_len,
                              instcite_error *err);

instcite_status input_pdf(const void *bytes, size_t len, char **out, size_t *out_len, instcite_error *err);
instcite_status input_html(const void *bytes, size_t len, char **out, size_t *out_len, instcite_error *err);
instcite_status input_docx(const void *bytes, size_t len, char **out, size_t *out_len, instcite_error *err);

/* The entry instcite_extract takes first: when bytes are a PDF, HTML or
 * DOCX document, converts them, extracts from the text layer (through
 * instcite_extract again, which then reads text), sets info.source and
 * returns true with *doc the result (NULL on failure, err filled). Returns
 * false for text (and within that inner call). */
bool input_extract(const instcite_catalog *cat, const char *name, const void *bytes, size_t len,
                   const char *lang, instcite_doc **doc, instcite_error *err);

/* ---- the text builder the converters share ---------------------------- */

typedef struct sink {
    char *s;
    size_t len, cap;
    bool oom;
    bool in_notes;  /* after a rule line, until the next page */
    bool has_text;  /* any letter or digit written (not rules or markers) */
    size_t notes_on_page; /* footnote numbers written since the rule */
} sink;

/* Appends n bytes of text as they are. */
void sink_put(sink *k, const char *s, size_t n);
void sink_puts(sink *k, const char *s);
/* Appends text collapsing runs of white space to one space, none at a line
 * start (HTML and XML character data). */
void sink_words(sink *k, const char *s, size_t n);
/* Ends the current line (spaces before it dropped); nothing when the line is
 * empty, unless blank is true (then an empty line is kept, once). */
void sink_newline(sink *k, bool blank);
/* A footnote marker of decimal digits: superscript digits glued to the text
 * before; in the notes, at a line start, the footnote's number "N " (after
 * every SINK_NOTES_PER_PAGE of them a page break and the rule again, as a
 * printed page would have: the layout reads footnotes a page at a time). */
#define SINK_NOTES_PER_PAGE 100
void sink_marker(sink *k, const char *digits, size_t n);
/* The footnote rule, on a line of its own; what follows are footnotes. */
void sink_rule(sink *k);
/* A page break: a form feed starts the next page. */
void sink_page(sink *k);
/* Hands the text to the caller (*out, *out_len) or fails (NOMEM, EMPTY). */
instcite_status sink_finish(sink *k, char **out, size_t *out_len, instcite_error *err, const char *empty_msg);

/* Initialises libxml2 once, before any thread parses (its own lazy
 * initialisation is not thread-safe). */
void input_xml_init(void);

/* libxml2 prints some errors (encoding conversion, I/O) to stderr whatever
 * the parse options say: input_xml_quiet silences them on this thread until
 * input_xml_restore puts back what was there (the caller's own handler). */
typedef struct xml_saved {
    void (*func)(void);
    void *ctx;
} xml_saved;
void input_xml_quiet(xml_saved *saved);
void input_xml_restore(const xml_saved *saved);

void input_set_err(instcite_error *err, instcite_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
