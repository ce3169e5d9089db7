/*
 * Writers of the graph analysis (src/graph/analysis.h): JSON, CSV and a
 * terminal table. Numbers go through graph_format_double (locale-free,
 * shortest exact form); a value that does not exist (the modularity of a
 * graph without edges, the mean age of no citation) is JSON null, an empty
 * CSV cell, "-" in the table.
 */
#include "graph/analysis.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* A writer that remembers the first failure. */
typedef struct w {
    FILE *f;
    bool failed;
} w;

static void put(w *o, const char *s)
{
    if (!o->failed && fputs(s, o->f) == EOF)
        o->failed = true;
}

static void pf(w *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void pf(w *o, const char *fmt, ...)
{
    if (o->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    if (vfprintf(o->f, fmt, ap) < 0)
        o->failed = true;
    va_end(ap);
}

static void num(w *o, double d)
{
    char buf[32];
    if (!isfinite(d)) {
        put(o, "null");
        return;
    }
    graph_format_double(d, buf);
    put(o, buf);
}

/* A JSON string: UTF-8 as is, " \ and controls escaped. */
static void jstr(w *o, const char *s)
{
    put(o, "\"");
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"')
            put(o, "\\\"");
        else if (*p == '\\')
            put(o, "\\\\");
        else if (*p == '\n')
            put(o, "\\n");
        else if (*p == '\t')
            put(o, "\\t");
        else if (*p < 0x20)
            pf(o, "\\u%04x", *p);
        else if (!o->failed && putc(*p, o->f) == EOF)
            o->failed = true;
    }
    put(o, "\"");
}

static size_t node_attr(const char *name)
{
    size_t n = graph_node_attr_count();
    for (size_t k = 0; k < n; k++)
        if (strcmp(graph_node_attr(k)->name, name) == 0)
            return k;
    return n;
}

static const char *nstr(const analysis *a, size_t i, const char *name)
{
    gval v = graph_node_value(a->g, i, node_attr(name));
    return v.type == GVAL_STRING ? v.s : NULL;
}

static bool in_corpus(const analysis *a, size_t i)
{
    gval v = graph_node_value(a->g, i, node_attr("in_corpus"));
    return v.type == GVAL_BOOL && v.b;
}

/* The methods, as the JSON and the table say them. */
static const char *const M_PAGERANK = "PageRank, directed, weighted by mention count, damping 0.85 (PRPACK)";
static const char *const M_HITS = "HITS, weighted, scaled so the largest score is 1 (ARPACK)";
static const char *const M_BETWEENNESS = "directed, unweighted, not normalised";
static const char *const M_CORENESS = "k-core on in+out degree";
static const char *const M_COMPONENTS = "weakly connected";
static const char *const M_COMMUNITIES = "multilevel (Louvain), resolution 1, seeded";
static const char *const M_PROJECTION =
    "undirected view of the citation graph: each edge once, the weights of A->B and B->A summed "
    "(igraph's Louvain and Leiden refuse directed graphs)";

/* ------------------------------------------------------------------------ */
/* JSON                                                                      */

static void json_pairs(w *o, const analysis *a, const char *name, const an_pair *p, size_t n)
{
    pf(o, ",\n  \"%s\": [", name);
    for (size_t i = 0; i < n; i++) {
        put(o, i ? ",\n    {\"a\": " : "\n    {\"a\": ");
        jstr(o, graph_node_id(a->g, p[i].a));
        put(o, ", \"b\": ");
        jstr(o, graph_node_id(a->g, p[i].b));
        pf(o, ", \"count\": %lld}", p[i].count);
    }
    put(o, n ? "\n  ]" : "]");
}

static void json_groups(w *o, const analysis *a, const char *name, const an_group *gr, size_t n)
{
    pf(o, "\n    \"%s\": {", name);
    for (size_t i = 0; i < n; i++) {
        put(o, i ? ",\n      " : "\n      ");
        jstr(o, gr[i].name);
        put(o, ": [");
        for (size_t k = 0; k < gr[i].n; k++) {
            const an_node *an = &a->nodes[gr[i].nodes[k]];
            put(o, k ? ", {\"id\": " : "{\"id\": ");
            jstr(o, graph_node_id(a->g, gr[i].nodes[k]));
            pf(o, ", \"cited_by\": %lld, \"mentions\": %lld}", an->cited_by, an->mentions);
        }
        put(o, "]");
    }
    put(o, n ? "\n    }" : "}");
}

static void write_json(w *o, const analysis *a)
{
    pf(o, "{\n  \"graph\": {\"nodes\": %zu, \"edges\": %zu, \"documents\": %zu, "
          "\"citation_edges\": %zu},\n",
       a->n_nodes, a->n_edges, a->n_documents, a->n_citation_edges);
    put(o, "  \"methods\": {\"pagerank\": ");
    jstr(o, M_PAGERANK);
    put(o, ", \"hits\": ");
    jstr(o, M_HITS);
    put(o, ", \"betweenness\": ");
    jstr(o, M_BETWEENNESS);
    put(o, ", \"coreness\": ");
    jstr(o, M_CORENESS);
    put(o, ", \"components\": ");
    jstr(o, M_COMPONENTS);
    put(o, ", \"communities\": ");
    jstr(o, M_COMMUNITIES);
    put(o, ", \"community_graph\": ");
    jstr(o, M_PROJECTION);
    put(o, "},\n  \"nodes\": [");
    for (size_t i = 0; i < a->n_nodes; i++) {
        const an_node *n = &a->nodes[i];
        put(o, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
        jstr(o, graph_node_id(a->g, i));
        put(o, ", \"label\": ");
        jstr(o, nstr(a, i, "label"));
        put(o, ", \"kind\": ");
        jstr(o, nstr(a, i, "kind"));
        pf(o, ", \"in_corpus\": %s, \"in_degree\": %lld, \"out_degree\": %lld, "
              "\"weighted_in_degree\": %lld, \"cited_by\": %lld, \"pagerank\": ",
           in_corpus(a, i) ? "true" : "false", n->in_degree, n->out_degree,
           n->weighted_in_degree, n->cited_by);
        num(o, n->pagerank);
        put(o, ", \"hub\": ");
        num(o, n->hub);
        put(o, ", \"authority\": ");
        num(o, n->authority);
        put(o, ", \"betweenness\": ");
        num(o, n->betweenness);
        pf(o, ", \"coreness\": %lld, \"component\": %lld, \"community\": %lld}", n->coreness,
           n->component, n->community);
    }
    put(o, a->n_nodes ? "\n  ],\n" : "],\n");
    pf(o, "  \"components\": {\"count\": %lld, \"sizes\": [", a->n_components);
    for (long long c = 0; c < a->n_components; c++)
        pf(o, c ? ", %lld" : "%lld", a->component_size[c]);
    pf(o, "]},\n  \"communities\": {\"method\": ");
    jstr(o, M_COMMUNITIES);
    put(o, ", \"graph\": \"undirected\", \"count\": ");
    pf(o, "%lld, \"modularity\": ", a->n_communities);
    num(o, a->modularity);
    put(o, ", \"sizes\": [");
    for (long long c = 0; c < a->n_communities; c++)
        pf(o, c ? ", %lld" : "%lld", a->community_size[c]);
    put(o, "]}");
    json_pairs(o, a, "cocited", a->cocited, a->n_cocited);
    json_pairs(o, a, "coupled", a->coupled, a->n_coupled);
    pf(o, ",\n  \"citation_age\": {\"citations\": %lld, \"mean\": ", a->n_aged);
    num(o, a->age_mean);
    put(o, ", \"median\": ");
    num(o, a->age_median);
    if (a->n_ages)
        pf(o, ", \"min\": %lld, \"max\": %lld", a->ages[0].years, a->ages[a->n_ages - 1].years);
    else
        put(o, ", \"min\": null, \"max\": null");
    put(o, ", \"histogram\": [");
    for (size_t i = 0; i < a->n_ages; i++)
        pf(o, "%s{\"years\": %lld, \"count\": %lld}", i ? ", " : "", a->ages[i].years,
           a->ages[i].count);
    put(o, "]},\n  \"most_cited\": {");
    json_groups(o, a, "by_kind", a->by_kind, a->n_by_kind);
    put(o, ",");
    json_groups(o, a, "by_body", a->by_body, a->n_by_body);
    put(o, "\n  }\n}\n");
}

/* ------------------------------------------------------------------------ */
/* CSV: one row per node                                                     */

/* RFC 4180 cell; a text cell a spreadsheet would evaluate (= + - @ TAB CR
 * first) gets a leading apostrophe, as in the record CSV. */
static void csv_cell(w *o, const char *s)
{
    s = s ? s : "";
    put(o, "\"");
    if (strchr("=+-@\t\r", s[0]) && s[0])
        put(o, "'");
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            put(o, "\"\"");
        else if (!o->failed && putc(*p, o->f) == EOF)
            o->failed = true;
    }
    put(o, "\"");
}

static void csv_num(w *o, double d)
{
    if (isfinite(d))
        num(o, d);
}

static void write_csv(w *o, const analysis *a)
{
    put(o, "id,label,kind,in_corpus,in_degree,out_degree,weighted_in_degree,cited_by,pagerank,"
           "hub,authority,betweenness,coreness,component,community\r\n");
    for (size_t i = 0; i < a->n_nodes; i++) {
        const an_node *n = &a->nodes[i];
        csv_cell(o, graph_node_id(a->g, i));
        put(o, ",");
        csv_cell(o, nstr(a, i, "label"));
        put(o, ",");
        csv_cell(o, nstr(a, i, "kind"));
        pf(o, ",%s,%lld,%lld,%lld,%lld,", in_corpus(a, i) ? "true" : "false", n->in_degree,
           n->out_degree, n->weighted_in_degree, n->cited_by);
        csv_num(o, n->pagerank);
        put(o, ",");
        csv_num(o, n->hub);
        put(o, ",");
        csv_num(o, n->authority);
        put(o, ",");
        csv_num(o, n->betweenness);
        pf(o, ",%lld,%lld,%lld\r\n", n->coreness, n->component, n->community);
    }
}

/* ------------------------------------------------------------------------ */
/* Table                                                                     */

/* Fixed-point with 6 decimals, '.' whatever the locale (digits by hand). */
static void fixed6(w *o, double d)
{
    if (!isfinite(d)) {
        put(o, "       -");
        return;
    }
    bool neg = d < 0;
    double x = (neg ? -d : d) * 1e6 + 0.5;
    if (x >= 9e18) {
        num(o, d);
        return;
    }
    unsigned long long u = (unsigned long long)x;
    pf(o, "%s%llu.%06llu", neg ? "-" : " ", u / 1000000u, u % 1000000u);
}

static const char *short_id(const char *s, char buf[64])
{
    /* Cut long titles at a character boundary near 56 bytes. */
    size_t n = strlen(s);
    if (n <= 56)
        return s;
    size_t cut = 53;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    memcpy(buf, s, cut);
    memcpy(buf + cut, "…", 4);
    return buf;
}

/* Node indexes ordered by PageRank, highest first (ties by id). */
static const analysis *sort_a;

static int cmp_rank(const void *x, const void *y)
{
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    double p = sort_a->nodes[i].pagerank, q = sort_a->nodes[j].pagerank;
    if (p != q)
        return p > q ? -1 : 1;
    return i < j ? -1 : i > j;
}

static instcite_status write_table(w *o, const analysis *a)
{
    char buf[64], buf2[64];
    pf(o, "%zu nodes (%zu documents), %zu edges (%zu citation edges)\n", a->n_nodes,
       a->n_documents, a->n_edges, a->n_citation_edges);
    pf(o, "%lld weakly connected components; %lld communities, modularity ", a->n_components,
       a->n_communities);
    if (isfinite(a->modularity))
        num(o, a->modularity);
    else
        put(o, "-");
    pf(o, "\n  communities: %s,\n  on the %s\n\n", M_COMMUNITIES, M_PROJECTION);

    size_t *order = malloc((a->n_nodes ? a->n_nodes : 1) * sizeof *order);
    if (!order)
        return INSTCITE_ERR_NOMEM;
    for (size_t i = 0; i < a->n_nodes; i++)
        order[i] = i;
    sort_a = a;
    qsort(order, a->n_nodes, sizeof *order, cmp_rank);
    sort_a = NULL;
    size_t shown = a->n_nodes < a->top ? a->n_nodes : a->top;
    pf(o, "TOP %zu BY PAGERANK\n%-56s  %4s %4s %5s %5s %9s %9s %9s %11s %4s %4s %4s\n", shown,
       "ID", "IN", "OUT", "WIN", "DOCS", "PAGERANK", "HUB", "AUTH", "BETWEEN", "CORE", "COMP",
       "COMM");
    for (size_t x = 0; x < shown; x++) {
        const an_node *n = &a->nodes[order[x]];
        pf(o, "%-56s  %4lld %4lld %5lld %5lld ", short_id(graph_node_id(a->g, order[x]), buf),
           n->in_degree, n->out_degree, n->weighted_in_degree, n->cited_by);
        fixed6(o, n->pagerank);
        put(o, " ");
        fixed6(o, n->hub);
        put(o, " ");
        fixed6(o, n->authority);
        pf(o, " %11.0f %4lld %4lld %4lld\n", n->betweenness, n->coreness, n->component,
           n->community);
    }
    free(order);

    const struct {
        const char *title;
        const an_pair *p;
        size_t n;
    } pairs[] = {{"CO-CITED PAIRS (documents citing both)", a->cocited, a->n_cocited},
                 {"BIBLIOGRAPHICALLY COUPLED PAIRS (identities both cite)", a->coupled,
                  a->n_coupled}};
    for (size_t s = 0; s < 2; s++) {
        pf(o, "\n%s\n", pairs[s].title);
        if (!pairs[s].n)
            put(o, "  (none)\n");
        for (size_t i = 0; i < pairs[s].n; i++)
            pf(o, "%5lld  %s  +  %s\n", pairs[s].p[i].count,
               short_id(graph_node_id(a->g, pairs[s].p[i].a), buf),
               short_id(graph_node_id(a->g, pairs[s].p[i].b), buf2));
    }

    pf(o, "\nCITATION AGE (years from cited to citing), %lld citations with both years\n",
       a->n_aged);
    if (a->n_ages) {
        put(o, "  mean ");
        num(o, a->age_mean);
        put(o, ", median ");
        num(o, a->age_median);
        pf(o, ", min %lld, max %lld\n", a->ages[0].years, a->ages[a->n_ages - 1].years);
        for (size_t i = 0; i < a->n_ages; i++)
            pf(o, "  %4lld %6lld\n", a->ages[i].years, a->ages[i].count);
    }

    const struct {
        const char *title;
        const an_group *g;
        size_t n;
    } groups[] = {{"MOST CITED PER KIND (documents citing, mentions)", a->by_kind, a->n_by_kind},
                  {"MOST CITED PER BODY (documents citing, mentions)", a->by_body,
                   a->n_by_body}};
    for (size_t s = 0; s < 2; s++) {
        pf(o, "\n%s\n", groups[s].title);
        for (size_t i = 0; i < groups[s].n; i++) {
            pf(o, "  %s\n", groups[s].g[i].name);
            for (size_t k = 0; k < groups[s].g[i].n; k++) {
                size_t v = groups[s].g[i].nodes[k];
                pf(o, "    %4lld %4lld  %s\n", a->nodes[v].cited_by, a->nodes[v].mentions,
                   short_id(graph_node_id(a->g, v), buf));
            }
        }
    }
    return INSTCITE_OK;
}

instcite_status analysis_write(const analysis *a, instcite_format format, FILE *out,
                               instcite_error *err)
{
    w o = {.f = out};
    instcite_status st = INSTCITE_OK;
    switch (format) {
    case INSTCITE_FORMAT_JSON: write_json(&o, a); break;
    case INSTCITE_FORMAT_CSV: write_csv(&o, a); break;
    case INSTCITE_FORMAT_TABLE: st = write_table(&o, a); break;
    default:
        return graph_fail(err, INSTCITE_ERR_INVALID,
                          "an analysis is written as table, json or csv, not format %d",
                          (int)format);
    }
    if (st == INSTCITE_ERR_NOMEM)
        return graph_fail(err, st, "out of memory writing the analysis");
    errno = 0;
    if (fflush(out) != 0 || ferror(out) || o.failed)
        return graph_fail(err, INSTCITE_ERR_IO, "cannot write the analysis: %s",
                          errno ? strerror(errno) : "write error");
    return INSTCITE_OK;
}
