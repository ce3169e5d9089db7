/*
 * instcite_doc: the result of extracting one document. Strings live in an
 * arena owned by the doc, so mentions, relations and warnings can hand out
 * plain const char pointers that stay valid until instcite_doc_free.
 */
#ifndef INSTCITE_DOC_H
#define INSTCITE_DOC_H

#include "instcite.h"

#include <stdarg.h>
#include <stddef.h>

struct arena_block;

struct instcite_doc {
    instcite_docinfo info;
    instcite_mention *mentions;
    size_t n_mentions, cap_mentions;
    instcite_relation *relations;
    size_t n_relations, cap_relations;
    instcite_warning *warnings;
    size_t n_warnings, cap_warnings;
    struct arena_block *arena;
};

/* Returns a new empty document named name (copied); NULL when out of memory. */
instcite_doc *doc_new(const char *name);

/* Copies len bytes (NUL-terminated) into the doc's arena. NULL when out of
 * memory. s may be NULL when len is 0. */
const char *doc_strndup(instcite_doc *doc, const char *s, size_t len);
const char *doc_strdup(instcite_doc *doc, const char *s);
const char *doc_printf(instcite_doc *doc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Appends a zeroed record and returns it; NULL when out of memory. The
 * pointer is valid until the next append of the same type. */
instcite_mention *doc_add_mention(instcite_doc *doc);
instcite_relation *doc_add_relation(instcite_doc *doc);
instcite_warning *doc_add_warning(instcite_doc *doc);

#endif
