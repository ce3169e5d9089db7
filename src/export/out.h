/*
 * Small helpers shared by the graph writers in src/export/ (GraphML, GEXF,
 * DOT, SVG, HTML, CSV): a FILE writer that remembers the first failure, so a writer
 * emits everything and checks once at the end, and the escapes each syntax
 * needs. Private to src/export/.
 */
#ifndef INSTCITE_EXPORT_OUT_H
#define INSTCITE_EXPORT_OUT_H

#include "graph/graph.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Writes go to buf and reach out in 32 KiB blocks: a graph file is millions
 * of small pieces, and each stdio call takes the stream's lock once the
 * process has threads (--jobs). Start with `ow w = {.out = out}`; end with
 * ow_finish. Anyone writing to out directly calls ow_flush first. */
typedef struct ow {
    FILE *out;
    bool failed;
    size_t n;
    char buf[32768];
} ow;

void ow_flush(ow *w);
/* n bytes at s. What does not fit in buf goes through ow_len_slow; the
 * common case, a short piece that fits, is a copy. (After a failure the
 * bytes still land in buf, which is never written again.) */
void ow_len_slow(ow *w, const char *s, size_t n);
static inline void ow_len(ow *w, const char *s, size_t n)
{
    if (n <= sizeof w->buf - w->n) {
        memcpy(w->buf + w->n, s, n);
        w->n += n;
    } else {
        ow_len_slow(w, s, n);
    }
}
/* A string literal, its length known at compile time. */
#define OW_LIT(w, lit) ow_len((w), "" lit, sizeof(lit) - 1)
void ow_put(ow *w, const char *s);
void ow_printf(ow *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* An integer in decimal, as "%lld" prints it (graph files hold millions). */
void ow_int(ow *w, long long v);
/* Text escaped for XML and HTML element content and double-quoted attribute
 * values: & < > " ' as entities; \t \n \r as character references (so XML
 * attribute normalisation cannot turn them into spaces); other C0 controls
 * (the graph already removed them) as U+FFFD. */
void ow_xml(ow *w, const char *s);
/* A double, locale-free, with fixed decimals (coordinates). */
void ow_coord(ow *w, double d);
/* An attribute value as text: strings as they are (escaped with esc, or raw
 * when esc is NULL), integers %lld, doubles graph_format_double, booleans
 * true/false. Nothing for GVAL_NONE. */
void ow_value(ow *w, gval v, void (*esc)(ow *, const char *));
/* Ends the output: flushes and reports a failure as INSTCITE_ERR_IO naming
 * what. */
instcite_status ow_finish(ow *w, const char *what, instcite_error *err);

/* The colour of a kind in the drawings, "#rrggbb" (static). */
const char *kind_colour(instcite_kind kind);

/* Index of the node (or edge) attribute column with that name; the count of
 * columns when there is none. */
size_t node_attr_index(const char *name);
size_t edge_attr_index(const char *name);

/* A node's string attribute, or NULL when absent. */
const char *node_str(const instcite_graph *g, size_t i, const char *name);
/* A node's integer attribute, or 0 when absent. */
long long node_int(const instcite_graph *g, size_t i, const char *name);

/* Node positions sorted by how often they are cited (in-degree, then
 * weighted in-degree, then id); a new array of the node count (free it),
 * NULL when out of memory. In svg.c. */
size_t *graph_most_cited(const instcite_graph *g);

/* Copies date into buf (11 bytes) as an xs:date when it is one ("2019-12-18")
 * or a bare year ("2007" -> "2007-01-01"); false otherwise. */
bool iso_date(const char *date, char buf[11]);

#endif
