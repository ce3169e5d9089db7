/*
 * Analysis of a citation graph: per-node metrics computed with igraph, pair
 * statistics (co-citation, bibliographic coupling), citation age and the
 * most-cited identities per kind and per body. Computed from the sorted view
 * of graph.h, so node indexes are sorted positions and every list is in a
 * fixed order. The writer (src/export/analysis_write.c) only reads it.
 *
 * Definitions (also in the README):
 *  - the graph is the written graph: citation and relation edges, weight =
 *    mention count (1 for a relation edge);
 *  - in/out degree = distinct neighbours; weighted in-degree = sum of weights;
 *    cited_by = number of corpus documents citing the node;
 *  - PageRank: directed, weighted, damping 0.85 (the graph's own);
 *  - HITS: weighted, principal eigenvectors of A^T A (authority) and A A^T
 *    (hub), scaled so the largest is 1;
 *  - betweenness: directed, unweighted (weights are strengths, not lengths),
 *    not normalised;
 *  - coreness: k-core number on in+out degree;
 *  - components: weakly connected, numbered by their first node in id order;
 *  - communities: multilevel (Louvain) modularity optimisation on the
 *    undirected view (each edge once, both directions' weights summed),
 *    resolution 1, seeded RNG; numbered by their first node in id order;
 *  - co-cited pair: two identities cited by the same corpus document, counted
 *    per document; coupled pair: two corpus documents citing the same
 *    identity, counted per shared identity; citation edges only;
 *  - citation age: year of the citing document minus year of the cited
 *    identity, over citation edges where both years are known.
 */
#ifndef INSTCITE_ANALYSIS_H
#define INSTCITE_ANALYSIS_H

#include "graph/graph.h"

typedef struct an_node {
    long long in_degree, out_degree, weighted_in_degree, cited_by, mentions;
    double pagerank, hub, authority, betweenness;
    long long coreness, component, community;
} an_node;

typedef struct an_pair {
    size_t a, b; /* node indexes, a < b */
    long long count;
} an_pair;

typedef struct an_age {
    long long years, count;
} an_age;

/* The most-cited nodes of one kind or one body. */
typedef struct an_group {
    const char *name; /* borrowed from the graph, or a static string */
    size_t *nodes;    /* node indexes, most cited first */
    size_t n;
} an_group;

typedef struct analysis {
    const instcite_graph *g; /* borrowed; its view must stay valid */
    size_t top;              /* list lengths */
    size_t n_nodes, n_edges, n_documents, n_citation_edges;
    an_node *nodes;
    long long n_components;
    long long *component_size; /* by component number */
    long long n_communities;
    long long *community_size;
    double modularity; /* NaN when the graph has no edges */
    an_pair *cocited;
    size_t n_cocited; /* at most top */
    an_pair *coupled;
    size_t n_coupled;
    an_age *ages;
    size_t n_ages;      /* distinct ages, ascending */
    long long n_aged;   /* citation edges with an age */
    double age_mean, age_median;
    an_group *by_kind;
    size_t n_by_kind;
    an_group *by_body;
    size_t n_by_body;
} analysis;

/* Computes everything for g (graph_prepare is called). top bounds the pair
 * and most-cited lists. On failure *a is left empty (analysis_destroy is
 * still safe). Time: igraph's metrics (betweenness O(nm)) plus, for the
 * pairs, the sum over documents of (cited identities)^2 and over identities
 * of (citing documents)^2. */
instcite_status analysis_compute(analysis *a, instcite_graph *g, size_t top, instcite_error *err);
void analysis_destroy(analysis *a);

/* Writers (src/export/analysis_write.c). */
instcite_status analysis_write(const analysis *a, instcite_format format, FILE *out,
                               instcite_error *err);

#endif
