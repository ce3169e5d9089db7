/*
 * The citation graph as the exporters see it: a read-only, sorted "view" of
 * an instcite_graph with typed attributes. This header does not include
 * igraph.h (only src/graph/graph.c does); the writers in src/export/ read the
 * view and never change the graph.
 *
 * Model (see graph.c for the reasons):
 *  - one node per identity (a document's symbol, else its name; a mention's
 *    key); a document that is also cited is one node with in_corpus = true;
 *  - at most one edge per ordered pair of nodes (the written graph is a simple
 *    directed graph, "multigraph": false); no self-loops;
 *  - nodes sorted by id (byte order), edges by (source id, target id, type).
 */
#ifndef INSTCITE_GRAPH_H
#define INSTCITE_GRAPH_H

#include "instcite.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum gval_type {
    GVAL_NONE = 0, /* attribute absent on this node or edge: written by neither writer */
    GVAL_STRING,
    GVAL_INT,
    GVAL_DOUBLE,
    GVAL_BOOL
} gval_type;

/* One attribute value. s is borrowed from the graph. */
typedef struct gval {
    gval_type type;
    const char *s;
    long long i;
    double d;
    bool b;
} gval;

/* One attribute column: its name and the type every present value has. */
typedef struct gattr_def {
    const char *name;
    gval_type type;
} gattr_def;

/* The attribute columns of nodes and of edges, in output order. */
size_t graph_node_attr_count(void);
const gattr_def *graph_node_attr(size_t k);
size_t graph_edge_attr_count(void);
const gattr_def *graph_edge_attr(size_t k);

/* Sorts nodes and edges and computes the igraph metrics (in_degree,
 * weighted_in_degree, pagerank). Must be called before the accessors below;
 * instcite_graph_write calls it. Cheap when nothing changed since the last
 * call. INSTCITE_ERR_GRAPH when igraph fails, INSTCITE_ERR_NOMEM. */
instcite_status graph_prepare(instcite_graph *g, instcite_error *err);

/* Around an igraph call that may run OpenMP loops (PageRank): one thread,
 * so that its sums, and the output bytes, are the same on every run.
 * graph_one_thread returns what graph_threads_restore puts back. */
int graph_one_thread(void);
void graph_threads_restore(int saved);

/* Sorted view, valid until the next instcite_graph_add. i < node count,
 * e < edge count; k indexes the attribute columns above. */
const char *graph_node_id(const instcite_graph *g, size_t i);
gval graph_node_value(const instcite_graph *g, size_t i, size_t k);
/* Indexes (into the sorted nodes) of an edge's endpoints. */
size_t graph_edge_source(const instcite_graph *g, size_t e);
size_t graph_edge_target(const instcite_graph *g, size_t e);
gval graph_edge_value(const instcite_graph *g, size_t e, size_t k);

/* Writes a double so that strtod in the "C" locale reads back the same value,
 * always with a '.' or an exponent so readers type it as floating point
 * ("1.0", never "1"); "NaN", "INF", "-INF" for non-finite values. Does not
 * depend on the process locale. buf holds at least 32 bytes. */
void graph_format_double(double d, char buf[32]);

/* The writers. Borrow everything; INSTCITE_ERR_IO when a write fails. */
instcite_status graphml_write(const instcite_graph *g, FILE *out, instcite_error *err);
instcite_status nodelink_write(const instcite_graph *g, FILE *out, instcite_error *err);

/* More writers over the view (src/export/), same contract. nodelink_write
 * is nodelink_write_key with "edges". */
instcite_status nodelink_write_key(const instcite_graph *g, const char *edges_key, FILE *out,
                                   instcite_error *err);
instcite_status cytoscape_write(const instcite_graph *g, FILE *out, instcite_error *err);
instcite_status gexf_write(const instcite_graph *g, FILE *out, instcite_error *err);
instcite_status dot_write(const instcite_graph *g, FILE *out, instcite_error *err);
instcite_status csv_nodes_write(const instcite_graph *g, FILE *out, instcite_error *err);
instcite_status csv_edges_write(const instcite_graph *g, FILE *out, instcite_error *err);
/* The drawing, standalone (an .svg file) or as an <svg> element to inline
 * in HTML (no XML declaration). */
instcite_status svg_write(const instcite_graph *g, instcite_layout layout, bool standalone,
                          FILE *out, instcite_error *err);
/* The HTML report; docs may be NULL when n_docs is 0. */
instcite_status report_write(const instcite_graph *g, const instcite_write_options *options,
                             FILE *out, instcite_error *err);

/* Positions for a drawing (src/graph/draw.c, igraph): x[i], y[i] in [0, 1]
 * for sorted node i; x and y hold the node count. shown: NULL for every
 * node, else only the nodes i with shown[i] are laid out (with the edges
 * between them), the others' x and y left as they are. Deterministic
 * (seeded). With INSTCITE_LAYOUT_TIME x is graph_time_x of the node's year
 * (0 when it has none). INSTCITE_ERR_GRAPH when igraph fails,
 * INSTCITE_ERR_NOMEM. */
instcite_status graph_layout(const instcite_graph *g, instcite_layout layout, const bool *shown,
                             double *x, double *y, instcite_error *err);
/* The x of a year in a time layout whose years run from lo to hi: the years
 * span [0.12, 1]; 0 (year 0) is the column of undated nodes. */
double graph_time_x(long long year, long long lo, long long hi);
/* The year a time layout places sorted node i at: its year, else the year
 * its UN symbol implies (GA session s -> 1945 + s; ECOSOC and Security
 * Council symbols carry the year), else 0 (undated). */
long long graph_node_time_year(const instcite_graph *g, size_t i);

/* Fills err (may be NULL) with code and a printf-style message; returns code. */
instcite_status graph_fail(instcite_error *err, instcite_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
