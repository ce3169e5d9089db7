/*
 * Analysis of the citation graph (see analysis.h for the definitions). Reads
 * the sorted view of graph.h, builds its own igraph_t from it (igraph stays
 * inside src/graph/), and keeps every result in sorted-node order so the
 * output is reproducible byte for byte.
 */
#include "graph/analysis.h"

#include <igraph.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The seed of igraph's RNG before the randomised routines (Louvain's vertex
 * order). Changing it may change community numbers, nothing else. */
enum { ANALYSIS_SEED = 20240101 };

static instcite_status nomem(instcite_error *err)
{
    return graph_fail(err, INSTCITE_ERR_NOMEM, "out of memory analysing the citation graph");
}

static size_t node_attr(const char *name)
{
    size_t n = graph_node_attr_count();
    for (size_t k = 0; k < n; k++)
        if (strcmp(graph_node_attr(k)->name, name) == 0)
            return k;
    return n;
}

static size_t edge_attr(const char *name)
{
    size_t n = graph_edge_attr_count();
    for (size_t k = 0; k < n; k++)
        if (strcmp(graph_edge_attr(k)->name, name) == 0)
            return k;
    return n;
}

/* ------------------------------------------------------------------------ */
/* igraph                                                                    */

static char igraph_reason[160];

static void record_igraph_error(const char *reason, const char *file, int line,
                                igraph_error_t code)
{
    snprintf(igraph_reason, sizeof igraph_reason, "%s (%s, igraph error %d at %s:%d)",
             reason ? reason : "unknown reason", igraph_strerror(code), (int)code,
             file ? file : "?", line);
    IGRAPH_FINALLY_FREE();
}

/* Renumbers a membership vector so that groups are numbered 0, 1, ... in the
 * order of their first member (nodes are in id order): the numbers then
 * depend on the partition only. Fills sizes (calloc'ed, *n_groups long). */
static int renumber(const igraph_vector_int_t *membership, size_t n, long long *out,
                    long long **sizes, long long *n_groups)
{
    igraph_integer_t max = 0;
    for (size_t i = 0; i < n; i++)
        if (VECTOR(*membership)[i] > max)
            max = VECTOR(*membership)[i];
    long long *map = malloc(((size_t)max + 1) * sizeof *map);
    long long *sz = calloc(n ? n : 1, sizeof *sz);
    if (!map || !sz) {
        free(map);
        free(sz);
        return -1;
    }
    for (igraph_integer_t k = 0; k <= max; k++)
        map[k] = -1;
    long long next = 0;
    for (size_t i = 0; i < n; i++) {
        igraph_integer_t m = VECTOR(*membership)[i];
        if (map[m] < 0)
            map[m] = next++;
        out[i] = map[m];
        sz[out[i]]++;
    }
    free(map);
    *sizes = sz;
    *n_groups = next;
    return 0;
}

typedef struct upair {
    igraph_integer_t lo, hi;
    igraph_real_t w;
} upair;

static int cmp_upair(const void *x, const void *y)
{
    const upair *p = x, *q = y;
    if (p->lo != q->lo)
        return p->lo < q->lo ? -1 : 1;
    return p->hi < q->hi ? -1 : p->hi > q->hi;
}

/* The metrics that need igraph. Vertex v is the node at sorted position v. */
static igraph_error_t igraph_metrics(analysis *a)
{
    const instcite_graph *g = a->g;
    igraph_integer_t n = (igraph_integer_t)a->n_nodes;
    igraph_integer_t m = (igraph_integer_t)a->n_edges;
    size_t k_weight = edge_attr("weight");
    igraph_vector_int_t ends, uends, deg, core, memb, cmemb;
    igraph_vector_t w, uw, rank, hub, auth, btw, q;
    igraph_t ig, ug;
    igraph_real_t value;

    IGRAPH_VECTOR_INT_INIT_FINALLY(&ends, 2 * m);
    IGRAPH_VECTOR_INIT_FINALLY(&w, m);
    for (igraph_integer_t e = 0; e < m; e++) {
        VECTOR(ends)[2 * e] = (igraph_integer_t)graph_edge_source(g, (size_t)e);
        VECTOR(ends)[2 * e + 1] = (igraph_integer_t)graph_edge_target(g, (size_t)e);
        gval v = graph_edge_value(g, (size_t)e, k_weight);
        VECTOR(w)[e] = v.type == GVAL_INT ? (igraph_real_t)v.i : 1.0;
    }
    IGRAPH_CHECK(igraph_create(&ig, &ends, n, IGRAPH_DIRECTED));
    IGRAPH_FINALLY(igraph_destroy, &ig);

    IGRAPH_VECTOR_INT_INIT_FINALLY(&deg, n);
    IGRAPH_CHECK(igraph_degree(&ig, &deg, igraph_vss_all(), IGRAPH_OUT, IGRAPH_LOOPS));
    for (igraph_integer_t v = 0; v < n; v++)
        a->nodes[v].out_degree = (long long)VECTOR(deg)[v];
    IGRAPH_CHECK(igraph_degree(&ig, &deg, igraph_vss_all(), IGRAPH_IN, IGRAPH_LOOPS));
    for (igraph_integer_t v = 0; v < n; v++)
        a->nodes[v].in_degree = (long long)VECTOR(deg)[v];

    IGRAPH_VECTOR_INIT_FINALLY(&rank, n);
    int threads = graph_one_thread();
    igraph_error_t prc = igraph_pagerank(&ig, IGRAPH_PAGERANK_ALGO_PRPACK, &rank, &value,
                                         igraph_vss_all(), IGRAPH_DIRECTED, 0.85, &w, NULL);
    graph_threads_restore(threads);
    IGRAPH_CHECK(prc);

    IGRAPH_VECTOR_INIT_FINALLY(&hub, n);
    IGRAPH_VECTOR_INIT_FINALLY(&auth, n);
    if (m > 0) {
        igraph_arpack_options_t ao;
        igraph_arpack_options_init(&ao);
        IGRAPH_CHECK(igraph_hub_and_authority_scores(&ig, &hub, &auth, &value, /*scale=*/1, &w,
                                                     &ao));
    } else {
        /* No edges: every node is equally (un)important. */
        igraph_vector_fill(&hub, 1.0);
        igraph_vector_fill(&auth, 1.0);
    }

    IGRAPH_VECTOR_INIT_FINALLY(&btw, n);
    IGRAPH_CHECK(igraph_betweenness(&ig, &btw, igraph_vss_all(), IGRAPH_DIRECTED, NULL));

    IGRAPH_VECTOR_INT_INIT_FINALLY(&core, n);
    IGRAPH_CHECK(igraph_coreness(&ig, &core, IGRAPH_ALL));

    IGRAPH_VECTOR_INT_INIT_FINALLY(&memb, n);
    igraph_integer_t n_comp = 0;
    IGRAPH_CHECK(igraph_connected_components(&ig, &memb, NULL, &n_comp, IGRAPH_WEAK));

    for (igraph_integer_t v = 0; v < n; v++) {
        an_node *an = &a->nodes[v];
        an->pagerank = VECTOR(rank)[v];
        an->hub = VECTOR(hub)[v];
        an->authority = VECTOR(auth)[v];
        an->betweenness = VECTOR(btw)[v];
        an->coreness = (long long)VECTOR(core)[v];
    }
    {
        long long *tmp = malloc((size_t)(n ? n : 1) * sizeof *tmp);
        if (!tmp || renumber(&memb, (size_t)n, tmp, &a->component_size, &a->n_components)) {
            free(tmp);
            IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
        }
        for (igraph_integer_t v = 0; v < n; v++)
            a->nodes[v].component = tmp[v];
        free(tmp);
    }

    /* The undirected view: one edge per unordered pair; A->B and B->A
     * become one edge whose weight is the sum. Edges are sorted by (source,
     * target), so the pairs are collected and merged after sorting. */
    IGRAPH_VECTOR_INT_INIT_FINALLY(&uends, 0);
    IGRAPH_VECTOR_INIT_FINALLY(&uw, 0);
    {
        upair *p = malloc((size_t)(m ? m : 1) * sizeof *p);
        if (!p)
            IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
        IGRAPH_FINALLY(free, p);
        for (igraph_integer_t e = 0; e < m; e++) {
            igraph_integer_t s = VECTOR(ends)[2 * e], t = VECTOR(ends)[2 * e + 1];
            p[e].lo = s < t ? s : t;
            p[e].hi = s < t ? t : s;
            p[e].w = VECTOR(w)[e];
        }
        qsort(p, (size_t)m, sizeof *p, cmp_upair);
        for (igraph_integer_t i = 0; i < m; i++) {
            igraph_integer_t last = igraph_vector_size(&uw) - 1;
            if (last >= 0 && VECTOR(uends)[2 * last] == p[i].lo &&
                VECTOR(uends)[2 * last + 1] == p[i].hi) {
                VECTOR(uw)[last] += p[i].w;
                continue;
            }
            IGRAPH_CHECK(igraph_vector_int_push_back(&uends, p[i].lo));
            IGRAPH_CHECK(igraph_vector_int_push_back(&uends, p[i].hi));
            IGRAPH_CHECK(igraph_vector_push_back(&uw, p[i].w));
        }
        free(p);
        IGRAPH_FINALLY_CLEAN(1);
    }
    IGRAPH_CHECK(igraph_create(&ug, &uends, n, IGRAPH_UNDIRECTED));
    IGRAPH_FINALLY(igraph_destroy, &ug);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&cmemb, n);
    IGRAPH_VECTOR_INIT_FINALLY(&q, 0);
    if (igraph_ecount(&ug) > 0) {
        IGRAPH_CHECK(igraph_rng_seed(igraph_rng_default(), ANALYSIS_SEED));
        IGRAPH_CHECK(igraph_community_multilevel(&ug, &uw, 1.0, &cmemb, NULL, &q));
        IGRAPH_CHECK(igraph_modularity(&ug, &cmemb, &uw, 1.0, IGRAPH_UNDIRECTED, &value));
        a->modularity = value;
    } else {
        for (igraph_integer_t v = 0; v < n; v++)
            VECTOR(cmemb)[v] = v;
        a->modularity = NAN;
    }
    {
        long long *tmp = malloc((size_t)(n ? n : 1) * sizeof *tmp);
        if (!tmp || renumber(&cmemb, (size_t)n, tmp, &a->community_size, &a->n_communities)) {
            free(tmp);
            IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
        }
        for (igraph_integer_t v = 0; v < n; v++)
            a->nodes[v].community = tmp[v];
        free(tmp);
    }

    igraph_vector_destroy(&q);
    igraph_vector_int_destroy(&cmemb);
    igraph_destroy(&ug);
    igraph_vector_destroy(&uw);
    igraph_vector_int_destroy(&uends);
    igraph_vector_int_destroy(&memb);
    igraph_vector_int_destroy(&core);
    igraph_vector_destroy(&btw);
    igraph_vector_destroy(&auth);
    igraph_vector_destroy(&hub);
    igraph_vector_destroy(&rank);
    igraph_vector_int_destroy(&deg);
    igraph_destroy(&ig);
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&ends);
    IGRAPH_FINALLY_CLEAN(15);
    return IGRAPH_SUCCESS;
}

/* ------------------------------------------------------------------------ */
/* Pairs                                                                     */

/* Counting hash map from a pair of node indexes to a count. Open addressing,
 * at most half full; key 0 is "empty" (keys are stored + 1). */
typedef struct pairmap {
    uint64_t *key;
    long long *count;
    size_t cap, n;
} pairmap;

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdu;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53u;
    x ^= x >> 33;
    return x;
}

static int pairmap_grow(pairmap *pm)
{
    size_t cap = pm->cap ? pm->cap * 2 : 1024;
    uint64_t *key = calloc(cap, sizeof *key);
    long long *count = calloc(cap, sizeof *count);
    if (!key || !count) {
        free(key);
        free(count);
        return -1;
    }
    for (size_t s = 0; s < pm->cap; s++) {
        if (!pm->key[s])
            continue;
        size_t h = (size_t)mix(pm->key[s]) & (cap - 1);
        while (key[h])
            h = (h + 1) & (cap - 1);
        key[h] = pm->key[s];
        count[h] = pm->count[s];
    }
    free(pm->key);
    free(pm->count);
    pm->key = key;
    pm->count = count;
    pm->cap = cap;
    return 0;
}

static int pairmap_add(pairmap *pm, size_t a, size_t b)
{
    if ((pm->n + 1) * 2 > pm->cap && pairmap_grow(pm))
        return -1;
    uint64_t k = ((uint64_t)a << 32 | (uint64_t)b) + 1;
    size_t h = (size_t)mix(k) & (pm->cap - 1);
    while (pm->key[h] && pm->key[h] != k)
        h = (h + 1) & (pm->cap - 1);
    if (!pm->key[h]) {
        pm->key[h] = k;
        pm->n++;
    }
    pm->count[h]++;
    return 0;
}

static int cmp_pair(const void *x, const void *y)
{
    const an_pair *p = x, *q = y;
    if (p->count != q->count)
        return p->count > q->count ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

/* The top pairs of pm, most frequent first, ties by node order. */
static int pairmap_top(const pairmap *pm, size_t top, an_pair **out, size_t *n_out)
{
    an_pair *all = malloc((pm->n ? pm->n : 1) * sizeof *all);
    if (!all)
        return -1;
    size_t n = 0;
    for (size_t s = 0; s < pm->cap; s++) {
        if (!pm->key[s])
            continue;
        uint64_t k = pm->key[s] - 1;
        all[n++] = (an_pair){.a = (size_t)(k >> 32), .b = (size_t)(k & 0xffffffffu),
                             .count = pm->count[s]};
    }
    qsort(all, n, sizeof *all, cmp_pair);
    *n_out = n < top ? n : top;
    *out = all;
    return 0;
}

/* Adjacency lists (citation edges only) as CSR arrays. */
typedef struct csr {
    size_t *start; /* n + 1 */
    size_t *adj;
} csr;

/* Fills out (by source) and in (by target) from the citation edges. */
static int build_csr(const analysis *a, const bool *cites, csr *out, csr *in)
{
    size_t n = a->n_nodes, m = a->n_edges;
    out->start = calloc(n + 1, sizeof(size_t));
    in->start = calloc(n + 1, sizeof(size_t));
    out->adj = malloc((m ? m : 1) * sizeof(size_t));
    in->adj = malloc((m ? m : 1) * sizeof(size_t));
    if (!out->start || !in->start || !out->adj || !in->adj)
        return -1;
    for (size_t e = 0; e < m; e++) {
        if (!cites[e])
            continue;
        out->start[graph_edge_source(a->g, e) + 1]++;
        in->start[graph_edge_target(a->g, e) + 1]++;
    }
    for (size_t i = 0; i < n; i++) {
        out->start[i + 1] += out->start[i];
        in->start[i + 1] += in->start[i];
    }
    size_t *fo = malloc((n ? n : 1) * sizeof *fo), *fi = malloc((n ? n : 1) * sizeof *fi);
    if (!fo || !fi) {
        free(fo);
        free(fi);
        return -1;
    }
    memcpy(fo, out->start, n * sizeof *fo);
    memcpy(fi, in->start, n * sizeof *fi);
    /* Edges are sorted by (source, target): each list comes out sorted. */
    for (size_t e = 0; e < m; e++) {
        if (!cites[e])
            continue;
        size_t s = graph_edge_source(a->g, e), t = graph_edge_target(a->g, e);
        out->adj[fo[s]++] = t;
        in->adj[fi[t]++] = s;
    }
    free(fo);
    free(fi);
    return 0;
}

static void csr_destroy(csr *c)
{
    free(c->start);
    free(c->adj);
}

/* Counts, for every node, the pairs among its list: co-citation when the
 * lists are a document's cited identities, coupling when they are an
 * identity's citing documents. */
static int count_pairs(const csr *c, size_t n, pairmap *pm)
{
    for (size_t i = 0; i < n; i++)
        for (size_t x = c->start[i]; x < c->start[i + 1]; x++)
            for (size_t y = x + 1; y < c->start[i + 1]; y++)
                if (pairmap_add(pm, c->adj[x], c->adj[y]))
                    return -1;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Most cited per kind and per body                                         */

static const analysis *sort_an;

static int cmp_most_cited(const void *x, const void *y)
{
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    const an_node *p = &sort_an->nodes[i], *q = &sort_an->nodes[j];
    if (p->cited_by != q->cited_by)
        return p->cited_by > q->cited_by ? -1 : 1;
    if (p->mentions != q->mentions)
        return p->mentions > q->mentions ? -1 : 1;
    return i < j ? -1 : i > j;
}

/* Groups the cited nodes by the string attribute k (a kind or a body); the
 * groups are in byte order of their names, each with its top nodes. */
static int group_by(analysis *a, size_t k, an_group **out, size_t *n_out)
{
    size_t n = a->n_nodes;
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    if (!order)
        return -1;
    size_t cited = 0;
    for (size_t i = 0; i < n; i++) {
        gval v = graph_node_value(a->g, i, k);
        if (a->nodes[i].cited_by > 0 && v.type == GVAL_STRING)
            order[cited++] = i;
    }
    sort_an = a;
    qsort(order, cited, sizeof *order, cmp_most_cited);
    sort_an = NULL;
    an_group *groups = NULL;
    size_t ng = 0;
    for (size_t x = 0; x < cited; x++) {
        const char *name = graph_node_value(a->g, order[x], k).s;
        size_t gi = 0;
        while (gi < ng && strcmp(groups[gi].name, name) != 0)
            gi++;
        if (gi == ng) {
            an_group *v = realloc(groups, (ng + 1) * sizeof *v);
            size_t *nodes = malloc((a->top ? a->top : 1) * sizeof *nodes);
            if (!v || !nodes) {
                free(nodes);
                groups = v ? v : groups;
                for (size_t j = 0; j < ng; j++)
                    free(groups[j].nodes);
                free(groups);
                free(order);
                return -1;
            }
            groups = v;
            groups[ng++] = (an_group){.name = name, .nodes = nodes, .n = 0};
        }
        if (groups[gi].n < a->top)
            groups[gi].nodes[groups[gi].n++] = order[x];
    }
    /* Groups by name (byte order): a few dozen at most, insertion sort. */
    for (size_t i = 1; i < ng; i++) {
        an_group t = groups[i];
        size_t j = i;
        while (j > 0 && strcmp(groups[j - 1].name, t.name) > 0) {
            groups[j] = groups[j - 1];
            j--;
        }
        groups[j] = t;
    }
    free(order);
    *out = groups;
    *n_out = ng;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Citation age                                                              */

static int cmp_ll(const void *x, const void *y)
{
    long long p = *(const long long *)x, q = *(const long long *)y;
    return p < q ? -1 : p > q;
}

static int citation_ages(analysis *a, const bool *cites)
{
    size_t k_year = node_attr("year");
    long long *ages = malloc((a->n_edges ? a->n_edges : 1) * sizeof *ages);
    if (!ages)
        return -1;
    size_t n = 0;
    for (size_t e = 0; e < a->n_edges; e++) {
        if (!cites[e])
            continue;
        gval ys = graph_node_value(a->g, graph_edge_source(a->g, e), k_year);
        gval yt = graph_node_value(a->g, graph_edge_target(a->g, e), k_year);
        if (ys.type == GVAL_INT && yt.type == GVAL_INT)
            ages[n++] = ys.i - yt.i;
    }
    qsort(ages, n, sizeof *ages, cmp_ll);
    a->n_aged = (long long)n;
    a->ages = malloc((n ? n : 1) * sizeof *a->ages);
    if (!a->ages) {
        free(ages);
        return -1;
    }
    double sum = 0;
    for (size_t i = 0; i < n; i++) {
        sum += (double)ages[i];
        if (a->n_ages && a->ages[a->n_ages - 1].years == ages[i])
            a->ages[a->n_ages - 1].count++;
        else
            a->ages[a->n_ages++] = (an_age){.years = ages[i], .count = 1};
    }
    a->age_mean = n ? sum / (double)n : NAN;
    a->age_median = n == 0 ? NAN
                    : n % 2 ? (double)ages[n / 2]
                            : ((double)ages[n / 2 - 1] + (double)ages[n / 2]) / 2.0;
    free(ages);
    return 0;
}

/* ------------------------------------------------------------------------ */

void analysis_destroy(analysis *a)
{
    free(a->nodes);
    free(a->component_size);
    free(a->community_size);
    free(a->cocited);
    free(a->coupled);
    free(a->ages);
    for (size_t i = 0; i < a->n_by_kind; i++)
        free(a->by_kind[i].nodes);
    free(a->by_kind);
    for (size_t i = 0; i < a->n_by_body; i++)
        free(a->by_body[i].nodes);
    free(a->by_body);
    memset(a, 0, sizeof *a);
}

instcite_status analysis_compute(analysis *a, instcite_graph *g, size_t top, instcite_error *err)
{
    memset(a, 0, sizeof *a);
    instcite_status st = graph_prepare(g, err);
    if (st != INSTCITE_OK)
        return st;
    a->g = g;
    a->top = top;
    a->n_nodes = instcite_graph_node_count(g);
    a->n_edges = instcite_graph_edge_count(g);
    a->nodes = calloc(a->n_nodes ? a->n_nodes : 1, sizeof *a->nodes);
    bool *cites = calloc(a->n_edges ? a->n_edges : 1, sizeof *cites);
    csr out = {0}, in = {0};
    pairmap pm = {0};
    if (!a->nodes || !cites)
        goto oom;

    size_t k_type = edge_attr("type"), k_weight = edge_attr("weight");
    size_t k_corpus = node_attr("in_corpus"), k_wdeg = node_attr("weighted_in_degree");
    for (size_t i = 0; i < a->n_nodes; i++) {
        gval v = graph_node_value(g, i, k_corpus);
        if (v.type == GVAL_BOOL && v.b)
            a->n_documents++;
        a->nodes[i].weighted_in_degree = graph_node_value(g, i, k_wdeg).i;
    }
    for (size_t e = 0; e < a->n_edges; e++) {
        gval t = graph_edge_value(g, e, k_type);
        cites[e] = t.type == GVAL_STRING && strcmp(t.s, "cites") == 0;
        if (!cites[e])
            continue;
        a->n_citation_edges++;
        an_node *target = &a->nodes[graph_edge_target(g, e)];
        target->cited_by++;
        target->mentions += graph_edge_value(g, e, k_weight).i;
    }

    if (a->n_nodes > 0) {
        igraph_error_handler_t *old = igraph_set_error_handler(record_igraph_error);
        igraph_warning_handler_t *old_warn =
            igraph_set_warning_handler(igraph_warning_handler_ignore);
        igraph_reason[0] = '\0';
        igraph_error_t rc = igraph_metrics(a);
        igraph_set_warning_handler(old_warn);
        igraph_set_error_handler(old);
        if (rc == IGRAPH_ENOMEM)
            goto oom;
        if (rc != IGRAPH_SUCCESS) {
            st = graph_fail(err, INSTCITE_ERR_GRAPH, "igraph: %s",
                            igraph_reason[0] ? igraph_reason : igraph_strerror(rc));
            goto fail;
        }
    }

    if (build_csr(a, cites, &out, &in) || count_pairs(&out, a->n_nodes, &pm) ||
        pairmap_top(&pm, top, &a->cocited, &a->n_cocited))
        goto oom;
    free(pm.key);
    free(pm.count);
    memset(&pm, 0, sizeof pm);
    if (count_pairs(&in, a->n_nodes, &pm) || pairmap_top(&pm, top, &a->coupled, &a->n_coupled) ||
        citation_ages(a, cites) || group_by(a, node_attr("kind"), &a->by_kind, &a->n_by_kind) ||
        group_by(a, node_attr("body"), &a->by_body, &a->n_by_body))
        goto oom;
    st = INSTCITE_OK;
    goto done;
oom:
    st = nomem(err);
fail:
    analysis_destroy(a);
done:
    free(pm.key);
    free(pm.count);
    csr_destroy(&out);
    csr_destroy(&in);
    free(cites);
    return st;
}

instcite_status instcite_graph_analyze(instcite_graph *g, size_t top, instcite_format format,
                                       FILE *out, instcite_error *err)
{
    if (!g || !out)
        return graph_fail(err, INSTCITE_ERR_INVALID, "instcite_graph_analyze: NULL argument");
    if (format != INSTCITE_FORMAT_TABLE && format != INSTCITE_FORMAT_JSON &&
        format != INSTCITE_FORMAT_CSV)
        return graph_fail(err, INSTCITE_ERR_INVALID,
                          "an analysis is written as table, json or csv, not format %d",
                          (int)format);
    analysis a;
    instcite_status st = analysis_compute(&a, g, top ? top : 10, err);
    if (st == INSTCITE_OK)
        st = analysis_write(&a, format, out, err);
    analysis_destroy(&a);
    return st;
}
