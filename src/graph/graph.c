/*
 * Citation graph: documents and the identities they cite, merged by identity,
 * with igraph computing the metrics. igraph.h is included only under
 * src/graph/: here, in analysis.c and in draw.c (layouts for the drawings).
 *
 * Our own arrays (nodes, edges, their attributes) are the source of truth;
 * igraph_t is built from them in graph_prepare, used for the metrics and
 * destroyed again, so igraph stays purely topological (no attribute table,
 * no process-global attribute handler).
 *
 * Model decisions:
 *  - Node identity: a document is its symbol, or its name when it has none; a
 *    cited thing is its mention key (the same in every language), falling back
 *    to symbol, catalog id, printed title. A document that is both added and
 *    cited is one node. The same resolution added in two languages is one
 *    node too (its lang attribute lists both, "en;zh").
 *  - Edges: at most ONE edge per ordered pair (source, target), so the
 *    written graph is a simple directed graph ("multigraph": false in JSON;
 *    no parallel edges in GraphML, which Gephi would merge anyway). A
 *    relation between a pair that also has a citation edge does not add a
 *    parallel edge: it is recorded on the citation edge in `relation`.
 *    An edge with citations has type "cites"; an edge with only relations
 *    has type = its relation type(s), ";"-joined in sorted order (normally
 *    just one, e.g. "optional_protocol_to"). Identical (from, type, to)
 *    relations therefore collapse by construction. Self-loops are dropped.
 *  - Weights: a citation edge weighs its mention count; a relation-only edge
 *    weighs 1 (so Gephi, which reads `weight`, and the metrics see every
 *    edge).
 *  - Metrics, over ALL edges (citation and relation): in_degree = number of
 *    distinct nodes with an edge into the node (igraph_degree), weighted
 *    in-degree = sum of incoming weights (igraph_strength, an integer because
 *    weights are integers), PageRank = weighted, directed, PRPACK, damping
 *    0.85.
 */
#include "graph/graph.h"
#include "error_set.h"

#include "catalog/catalog.h"

#include <igraph.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Small containers                                                          */

/* Interned strings: each distinct list value (a paragraph name, a clause, a
 * verb, a language, a ";"-joined list) is stored once per graph, and lists
 * hold pointers into the pool, so equal strings are equal pointers. Millions
 * of edges share a few thousand such strings (a per-edge copy of each was
 * most of the memory of a corpus graph). Open addressing, NULL = empty, the
 * capacity a power of two kept at most half full. */
typedef struct strpool {
    char **slot;
    size_t cap, n;
} strpool;

/* Distinct pooled strings in first-seen order: the first inline (most edges
 * carry one paragraph, one clause, one verb, one language), the others in
 * more[]. */
typedef struct strlist {
    const char *one;
    const char **more;
    uint32_t n, cap; /* n entries; cap slots in more */
    const char *joined; /* ";"-joined, pooled; set by strlist_join */
} strlist;

/* Copies s with every character XML 1.0 forbids (C0 controls other than
 * \t \n \r, surrogates, U+FFFE, U+FFFF) and every invalid UTF-8 byte
 * replaced by U+FFFD. Strings are cleaned here, when they enter the graph,
 * so that the GraphML and the JSON writer emit the same value. */
static char *sanitize_dup(const char *s)
{
    size_t len = strlen(s);
    /* Each input byte becomes at most 3 output bytes (U+FFFD). */
    if (len > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = malloc(len * 3 + 1);
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        unsigned c = p[i];
        size_t n = 0;
        uint32_t cp = 0;
        if (c < 0x80) {
            n = 1;
            cp = c;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            cp = c & 0x07;
        }
        bool ok = n > 0 && i + n <= len;
        for (size_t k = 1; ok && k < n; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                ok = false;
            else
                cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (ok) {
            /* Overlong 3/4-byte forms, surrogates, > U+10FFFF, and the
             * code points XML 1.0 excludes. */
            if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
                (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF ||
                (cp < 0x20 && cp != 0x09 && cp != 0x0A && cp != 0x0D))
                ok = false;
        }
        if (ok) {
            memcpy(out + o, p + i, n);
            o += n;
            i += n;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i += 1;
        }
    }
    out[o] = '\0';
    return out;
}

static uint64_t hash_bytes(const char *s);

static const char *pool_find(const strpool *p, const char *s)
{
    if (!p->cap)
        return NULL;
    for (size_t h = (size_t)hash_bytes(s) & (p->cap - 1); p->slot[h]; h = (h + 1) & (p->cap - 1))
        if (strcmp(p->slot[h], s) == 0)
            return p->slot[h];
    return NULL;
}

/* The pooled copy of s (sanitized as sanitize_dup does); NULL when out of
 * memory. Pooled strings are clean, so s found as it is needs no cleaning:
 * the common case allocates nothing. */
static const char *pool_intern(strpool *p, const char *s)
{
    const char *found = pool_find(p, s);
    if (found)
        return found;
    char *clean = sanitize_dup(s);
    if (!clean)
        return NULL;
    if ((found = pool_find(p, clean))) {
        free(clean);
        return found;
    }
    if ((p->n + 1) * 2 > p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 256;
        char **slot = calloc(cap, sizeof *slot);
        if (!slot) {
            free(clean);
            return NULL;
        }
        for (size_t i = 0; i < p->cap; i++) {
            if (!p->slot[i])
                continue;
            size_t h = (size_t)hash_bytes(p->slot[i]) & (cap - 1);
            while (slot[h])
                h = (h + 1) & (cap - 1);
            slot[h] = p->slot[i];
        }
        free(p->slot);
        p->slot = slot;
        p->cap = cap;
    }
    size_t h = (size_t)hash_bytes(clean) & (p->cap - 1);
    while (p->slot[h])
        h = (h + 1) & (p->cap - 1);
    p->slot[h] = clean;
    p->n++;
    return clean;
}

static void pool_destroy(strpool *p)
{
    for (size_t i = 0; i < p->cap; i++)
        free(p->slot[i]);
    free(p->slot);
    memset(p, 0, sizeof *p);
}

static const char *strlist_at(const strlist *l, size_t i)
{
    return i == 0 ? l->one : l->more[i - 1];
}

/* 0 when added or already present, -1 when out of memory. */
static int strlist_put(strlist *l, const char *v);

static int strlist_add(strpool *p, strlist *l, const char *s)
{
    if (!s || !*s)
        return 0;
    const char *v = pool_intern(p, s);
    return v ? strlist_put(l, v) : -1;
}

/* strlist_add for a value already pooled (v from pool_intern). */
static int strlist_put(strlist *l, const char *v)
{
    for (size_t i = 0; i < l->n; i++)
        if (strlist_at(l, i) == v)
            return 0;
    if (l->n == 0) {
        l->one = v;
        l->n = 1;
        return 0;
    }
    if (l->n - 1 == l->cap) {
        if (l->cap >= UINT32_MAX / 2)
            return -1;
        uint32_t cap = l->cap ? l->cap * 2 : 4;
        const char **more = realloc(l->more, cap * sizeof *more);
        if (!more)
            return -1;
        l->more = more;
        l->cap = cap;
    }
    l->more[l->n++ - 1] = v;
    return 0;
}

static int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sets l->joined (NULL when empty). sorted: join a sorted copy instead of
 * first-seen order. 0 or -1 (out of memory). */
static int strlist_join(strpool *p, strlist *l, bool sorted)
{
    l->joined = l->n ? l->one : NULL;
    if (l->n <= 1)
        return 0;
    size_t len = 0;
    for (size_t i = 0; i < l->n; i++)
        len += strlen(strlist_at(l, i)) + 1;
    const char **order = malloc(l->n * sizeof *order);
    char *j = malloc(len);
    if (!order || !j) {
        free(order);
        free(j);
        return -1;
    }
    for (size_t i = 0; i < l->n; i++)
        order[i] = strlist_at(l, i);
    if (sorted)
        qsort(order, l->n, sizeof *order, cmp_str_ptr);
    size_t o = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            j[o++] = ';';
        size_t n = strlen(order[i]);
        memcpy(j + o, order[i], n);
        o += n;
    }
    j[o] = '\0';
    free(order);
    l->joined = pool_intern(p, j);
    free(j);
    return l->joined ? 0 : -1;
}

static void strlist_destroy(strlist *l)
{
    free(l->more);
    memset(l, 0, sizeof *l);
}

/* ------------------------------------------------------------------------ */
/* Nodes and edges                                                           */

typedef struct node {
    char *id;
    bool in_corpus; /* an added document */
    instcite_kind kind;
    char *label, *symbol, *body, *date, *title, *agenda_item, *catalog_id, *unts;
    int session; /* 0 = absent */
    int year;    /* 0 = absent */
    strlist lang;
    /* The catalog entry of catalog_id has been applied (its attributes,
     * parents and adopting resolution): applying it again changes nothing,
     * and a much cited treaty is met in most documents. */
    bool catalog_done;
    /* Metrics, filled by graph_prepare. */
    long long in_degree, weighted_in_degree;
    double pagerank;
    long long cited_by; /* corpus documents citing the node (its `cites` in-edges) */
} node;

typedef struct edge {
    size_t from, to;     /* node indexes in insertion order */
    long long mentions;  /* > 0 for a citation edge */
    size_t first_offset; /* smallest mention start, valid when mentions > 0 */
    strlist paragraphs, clauses, lang;
    strlist verbs; /* clause verbs as printed, in every language met */
    strlist relations, relation_where;
    const char *type; /* derived by graph_prepare: pooled, or a literal */
} edge;

/* Open-addressing hash indexes, each capacity a power of two kept at most
 * half full. A slot holds what a probe compares, so a lookup reads the slot
 * and, for a node, its id string, and nothing else: on a large corpus every
 * further read (the node, the edge) was a cache miss at every mention. A node
 * slot keeps the id and 32 bits of its hash; an edge slot its two ends.
 * Indexes are 32-bit (index + 1, 0 = empty): a graph of 2^32 nodes or edges
 * would not fit in memory (a node or an edge is over 100 bytes). */
typedef struct nslot {
    const char *id; /* the node's id as stored */
    uint32_t tag;   /* the id's hash, its upper half */
    uint32_t index1;
} nslot;

typedef struct eslot {
    uint32_t from, to, index1;
} eslot;

typedef struct nindex {
    nslot *slot;
    size_t cap, n;
} nindex;

typedef struct eindex {
    eslot *slot;
    size_t cap, n;
} eindex;

struct instcite_graph {
    const instcite_catalog *cat; /* borrowed, may be NULL */
    node *nodes;
    size_t n_nodes, cap_nodes;
    edge *edges;
    size_t n_edges, cap_edges;
    nindex node_index; /* by id */
    eindex edge_index; /* by (from, to) */
    strpool pool;      /* the strings of every strlist */
    /* Sorted view, valid when !dirty. */
    bool dirty;
    size_t *node_order; /* sorted position -> node index */
    size_t *node_rank;  /* node index -> sorted position */
    size_t *edge_order; /* sorted position -> edge index */
    /* instcite_graph_add's per-mention scratch (kept between documents):
     * the hash of the cited id, then the cited node (-1: no edge). */
    struct cited {
        uint64_t hash;
        long node;
    } *cited;
    size_t cap_cited;
};

/* Eight bytes a step (identities are tens of bytes, and every mention
 * looks one up), each step a multiply-xorshift mix; the tail is read by
 * bytes. Only the hash tables see it, so it may change freely. */
static uint64_t hash_bytes(const char *s)
{
    size_t n = strlen(s);
    uint64_t h = 0x9E3779B97F4A7C15u ^ n;
    for (; n >= 8; n -= 8, s += 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9u;
        h ^= h >> 31;
    }
    uint64_t t = 0;
    for (size_t k = 0; k < n; k++)
        t |= (uint64_t)(unsigned char)s[k] << (8 * k);
    h = (h ^ t) * 0x94D049BB133111EBu;
    return h ^ (h >> 29);
}

static uint64_t hash_pair(uint32_t a, uint32_t b)
{
    uint64_t h = ((uint64_t)a << 32 | b) * 0x9E3779B97F4A7C15u;
    h ^= h >> 29;
    return h * 0xBF58476D1CE4E5B9u;
}

/* The capacity that fits one more entry at most half full; 0 when the
 * 32-bit indexes are used up. */
static size_t index_grown(size_t cap, size_t n)
{
    if (n >= UINT32_MAX - 1)
        return 0;
    return (n + 1) * 2 <= cap ? cap : cap ? cap * 2 : 64;
}

static size_t nindex_probe(const nindex *ix, uint64_t hash)
{
    size_t mask = ix->cap - 1, h = (size_t)hash & mask;
    while (ix->slot[h].index1)
        h = (h + 1) & mask;
    return h;
}

/* Grows ix so one more entry fits. 0 or -1. */
static int nindex_reserve(nindex *ix)
{
    size_t cap = index_grown(ix->cap, ix->n);
    if (cap == ix->cap)
        return 0;
    if (!cap)
        return -1;
    nindex grown = {calloc(cap, sizeof *grown.slot), cap, ix->n};
    if (!grown.slot)
        return -1;
    for (size_t s = 0; s < ix->cap; s++)
        if (ix->slot[s].index1)
            grown.slot[nindex_probe(&grown, hash_bytes(ix->slot[s].id))] = ix->slot[s];
    free(ix->slot);
    *ix = grown;
    return 0;
}

static long find_node(const instcite_graph *g, const char *id, uint64_t hash)
{
    const nindex *ix = &g->node_index;
    if (!ix->cap)
        return -1;
    size_t mask = ix->cap - 1;
    uint32_t tag = (uint32_t)(hash >> 32);
    for (size_t h = (size_t)hash & mask; ix->slot[h].index1; h = (h + 1) & mask)
        if (ix->slot[h].tag == tag && strcmp(ix->slot[h].id, id) == 0)
            return (long)ix->slot[h].index1 - 1;
    return -1;
}

static size_t eindex_probe(const eindex *ix, uint64_t hash)
{
    size_t mask = ix->cap - 1, h = (size_t)hash & mask;
    while (ix->slot[h].index1)
        h = (h + 1) & mask;
    return h;
}

static int eindex_reserve(eindex *ix)
{
    size_t cap = index_grown(ix->cap, ix->n);
    if (cap == ix->cap)
        return 0;
    if (!cap)
        return -1;
    eindex grown = {calloc(cap, sizeof *grown.slot), cap, ix->n};
    if (!grown.slot)
        return -1;
    for (size_t s = 0; s < ix->cap; s++)
        if (ix->slot[s].index1)
            grown.slot[eindex_probe(&grown, hash_pair(ix->slot[s].from, ix->slot[s].to))] =
                ix->slot[s];
    free(ix->slot);
    *ix = grown;
    return 0;
}

static long find_edge(const instcite_graph *g, uint32_t from, uint32_t to, uint64_t hash)
{
    const eindex *ix = &g->edge_index;
    if (!ix->cap)
        return -1;
    size_t mask = ix->cap - 1;
    for (size_t h = (size_t)hash & mask; ix->slot[h].index1; h = (h + 1) & mask)
        if (ix->slot[h].from == from && ix->slot[h].to == to)
            return (long)ix->slot[h].index1 - 1;
    return -1;
}

/* Sets *field to a sanitized copy of value when *field is unset (or
 * always, when overwrite) and value is non-empty. 0 or -1. */
static int set_str(char **field, const char *value, bool overwrite)
{
    if (!value || !*value || (*field && !overwrite))
        return 0;
    char *copy = sanitize_dup(value);
    if (!copy)
        return -1;
    free(*field);
    *field = copy;
    return 0;
}

/* The year of an ISO date or bare year ("2018-12-17", "2007"), or 0. */
static int year_of(const char *date)
{
    if (!date)
        return 0;
    int y = 0;
    for (int k = 0; k < 4; k++) {
        if (date[k] < '0' || date[k] > '9')
            return 0;
        y = y * 10 + (date[k] - '0');
    }
    if (date[4] != '\0' && date[4] != '-')
        return 0;
    return y;
}

/* Index of the node with that id (hash: hash_bytes(id)), created (empty) if
 * absent; -1 when out of memory. */
static long ensure_node_hashed(instcite_graph *g, const char *id, uint64_t hash, bool *created)
{
    long found = find_node(g, id, hash);
    if (created)
        *created = found < 0;
    if (found >= 0)
        return found;
    if (g->n_nodes == g->cap_nodes) {
        size_t cap = g->cap_nodes ? g->cap_nodes * 2 : 16;
        node *v = realloc(g->nodes, cap * sizeof *v);
        if (!v)
            return -1;
        g->nodes = v;
        g->cap_nodes = cap;
    }
    if (nindex_reserve(&g->node_index) != 0)
        return -1;
    node *n = &g->nodes[g->n_nodes];
    memset(n, 0, sizeof *n);
    n->id = sanitize_dup(id);
    if (!n->id)
        return -1;
    size_t i = g->n_nodes++;
    /* Indexed by the id as stored: sanitising may have changed it. */
    if (strcmp(n->id, id) != 0)
        hash = hash_bytes(n->id);
    nindex *ix = &g->node_index;
    ix->slot[nindex_probe(ix, hash)] = (nslot){n->id, (uint32_t)(hash >> 32), (uint32_t)i + 1};
    ix->n++;
    g->dirty = true;
    return (long)i;
}

static long ensure_node(instcite_graph *g, const char *id, bool *created)
{
    return ensure_node_hashed(g, id, hash_bytes(id), created);
}

static long ensure_edge(instcite_graph *g, size_t from, size_t to)
{
    /* Node indexes fit in 32 bits: nindex_reserve stops before. */
    uint64_t hash = hash_pair((uint32_t)from, (uint32_t)to);
    long found = find_edge(g, (uint32_t)from, (uint32_t)to, hash);
    if (found >= 0)
        return found;
    if (g->n_edges == g->cap_edges) {
        size_t cap = g->cap_edges ? g->cap_edges * 2 : 16;
        edge *v = realloc(g->edges, cap * sizeof *v);
        if (!v)
            return -1;
        g->edges = v;
        g->cap_edges = cap;
    }
    if (eindex_reserve(&g->edge_index) != 0)
        return -1;
    edge *e = &g->edges[g->n_edges];
    memset(e, 0, sizeof *e);
    e->from = from;
    e->to = to;
    size_t i = g->n_edges++;
    eindex *ix = &g->edge_index;
    ix->slot[eindex_probe(ix, hash)] = (eslot){(uint32_t)from, (uint32_t)to, (uint32_t)i + 1};
    ix->n++;
    g->dirty = true;
    return (long)i;
}

/* The identity key of a catalog entry: its English title (see catalog.h),
 * else its id. */
static const char *entry_key(const cat_entry *e)
{
    return e->title[LANG_EN][0] ? e->title[LANG_EN] : e->id;
}

/* Fills the unset attributes of node n from a catalog entry. 0 or -1. */
static int fill_from_entry(node *n, const cat_entry *e)
{
    if (n->kind == INSTCITE_KIND_UNKNOWN)
        n->kind = e->kind;
    if (set_str(&n->catalog_id, e->id, false) || set_str(&n->title, e->title[LANG_EN], false) ||
        set_str(&n->date, e->date, false))
        return -1;
    if (!n->label && set_str(&n->label, e->title[LANG_EN], false))
        return -1;
    if (!n->unts && e->unts_volume[0] && e->unts_number[0]) {
        size_t len = strlen(e->unts_volume) + strlen(e->unts_number) + 2;
        char *u = malloc(len);
        if (!u)
            return -1;
        snprintf(u, len, "%s/%s", e->unts_volume, e->unts_number);
        n->unts = u;
    }
    if (!n->year)
        n->year = year_of(n->date);
    return 0;
}

/* Adds (or extends) the relation edge from -> to. 0 or -1. */
static int add_relation(instcite_graph *g, size_t from, size_t to, const char *type,
                        const char *where)
{
    if (from == to || !type || !*type)
        return 0;
    long e = ensure_edge(g, from, to);
    if (e < 0)
        return -1;
    if (strlist_add(&g->pool, &g->edges[e].relations, type) ||
        strlist_add(&g->pool, &g->edges[e].relation_where, where))
        return -1;
    g->dirty = true;
    return 0;
}

/* For a cited catalog instrument: its parent chain as relation edges
 * (protocol -> parent), adding parent nodes when absent. The depth bound
 * guards against a cycle in a user-supplied catalog. 0 or -1. */
static int add_catalog_parents(instcite_graph *g, size_t child, const cat_entry *e)
{
    for (int depth = 0; depth < 16 && e && e->parent[0]; depth++) {
        const cat_entry *parent = catalog_find_id(g->cat, e->parent);
        if (!parent)
            return 0;
        long p = ensure_node(g, entry_key(parent), NULL);
        if (p < 0 || fill_from_entry(&g->nodes[p], parent))
            return -1;
        /* A catalog row without a relation still names a parent: say only
         * that it is part of it. */
        const char *type = e->relation[0] ? e->relation : "part_of";
        if (add_relation(g, child, (size_t)p, type, "CATALOG"))
            return -1;
        child = (size_t)p;
        e = parent;
    }
    return 0;
}

/* The session in a resolution or decision number ("73/154" -> 73) for the
 * bodies that number by session (GA, HRC, functional commissions; not
 * ECOSOC, which numbers by year, nor the Security Council); 0 otherwise. */
static int session_of(instcite_kind kind, const char *number)
{
    switch (kind) {
    case INSTCITE_KIND_GA_RESOLUTION:
    case INSTCITE_KIND_GA_DECISION:
    case INSTCITE_KIND_HRC_RESOLUTION:
    case INSTCITE_KIND_HRC_DECISION:
    case INSTCITE_KIND_COMMISSION_RESOLUTION:
    case INSTCITE_KIND_COMMISSION_DECISION:
        break;
    default:
        return 0;
    }
    if (!number)
        return 0;
    int s = 0, k = 0;
    for (; number[k] >= '0' && number[k] <= '9' && k < 4; k++)
        s = s * 10 + (number[k] - '0');
    return k > 0 && k < 4 && number[k] == '/' ? s : 0;
}

/* The resolution that adopted a cited catalog instrument (the catalog's
 * adopted_by column) as a typed edge instrument -> resolution, adding the
 * resolution's node when absent. 0 or -1. */
static int add_catalog_adopted(instcite_graph *g, size_t inst, const cat_entry *e)
{
    if (!e->adopted_by || !e->adopted_by[0])
        return 0;
    bool created = false;
    long r = ensure_node(g, e->adopted_by, &created);
    if (r < 0)
        return -1;
    node *n = &g->nodes[r];
    if (created) {
        if (set_str(&n->symbol, e->adopted_by, false) || set_str(&n->label, e->adopted_by, false))
            return -1;
        if (strncmp(e->adopted_by, "A/RES/", 6) == 0) {
            n->kind = INSTCITE_KIND_GA_RESOLUTION;
            if (set_str(&n->body, "GA", false))
                return -1;
            /* "A/RES/44/25" -> 44; "A/RES/1386(XIV)" (a Roman session)
             * -> none. */
            n->session = session_of(n->kind, e->adopted_by + 6);
        }
    }
    return add_relation(g, inst, (size_t)r, "adopted_by", "CATALOG");
}

/* The identity a mention cites, or NULL when it carries none. */
static const char *mention_id(const instcite_mention *m)
{
    if (m->key && *m->key)
        return m->key;
    if (m->symbol && *m->symbol)
        return m->symbol;
    if (m->catalog_id && *m->catalog_id)
        return m->catalog_id;
    if (m->title && *m->title)
        return m->title;
    return NULL;
}

/* Cited-node attributes from one mention (unset ones only), then from the
 * catalog. Order matters: the date comes from the mention first, the title
 * and UNTS reference from the catalog first. */
static int fill_from_mention(instcite_graph *g, size_t ni, const instcite_mention *m)
{
    node *n = &g->nodes[ni];
    if (n->kind == INSTCITE_KIND_UNKNOWN)
        n->kind = m->kind;
    if (set_str(&n->symbol, m->symbol, false) || set_str(&n->body, m->body, false) ||
        set_str(&n->date, m->date, false) || set_str(&n->catalog_id, m->catalog_id, false))
        return -1;
    const cat_entry *e = NULL;
    if (g->cat && n->catalog_id && !n->catalog_done)
        e = catalog_find_id(g->cat, n->catalog_id);
    if (e && fill_from_entry(n, e))
        return -1;
    if (set_str(&n->title, m->title_en, false) || set_str(&n->title, m->title, false) ||
        set_str(&n->unts, m->unts, false))
        return -1;
    if (!n->label) {
        /* Short and readable: the symbol for resolutions and reports, the
         * English title for catalog instruments, else the key. */
        const char *label = n->symbol ? n->symbol : m->title_en ? m->title_en : n->id;
        if (set_str(&n->label, label, false))
            return -1;
    }
    if (!n->year)
        n->year = year_of(n->date);
    if (!n->session)
        n->session = session_of(n->kind, m->number);
    if (e && (add_catalog_parents(g, ni, e) || add_catalog_adopted(g, ni, e)))
        return -1;
    if (e) /* n may have moved: the calls above add nodes */
        g->nodes[ni].catalog_done = true;
    return 0;
}

static int fill_from_doc(strpool *pool, node *n, const instcite_docinfo *info)
{
    /* The document's own statements win over what citing documents said
     * about it; a second copy (another language) only fills gaps. */
    bool overwrite = !n->in_corpus;
    n->in_corpus = true;
    if (info->kind != INSTCITE_KIND_UNKNOWN && (overwrite || n->kind == INSTCITE_KIND_UNKNOWN))
        n->kind = info->kind;
    const char *label = info->symbol ? info->symbol : info->name;
    if (set_str(&n->label, label, overwrite) || set_str(&n->symbol, info->symbol, overwrite) ||
        set_str(&n->body, info->body, overwrite) || set_str(&n->date, info->date, overwrite) ||
        set_str(&n->title, info->title, overwrite) ||
        set_str(&n->agenda_item, info->agenda_item, overwrite) || strlist_add(pool, &n->lang, info->lang))
        return -1;
    if (info->session && (overwrite || !n->session))
        n->session = info->session;
    int y = year_of(n->date);
    if (y)
        n->year = y;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Errors                                                                    */

instcite_status graph_fail(instcite_error *err, instcite_status code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, code, -1, 0, fmt, ap);
    va_end(ap);
    return code;
}

static instcite_status nomem(instcite_error *err)
{
    return graph_fail(err, INSTCITE_ERR_NOMEM, "out of memory building the citation graph");
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

instcite_graph *instcite_graph_new(const instcite_catalog *cat, instcite_error *err)
{
    instcite_graph *g = calloc(1, sizeof *g);
    if (!g) {
        nomem(err);
        return NULL;
    }
    g->cat = cat;
    g->dirty = true;
    return g;
}

/* On failure (out of memory) the graph keeps what was added before the
 * failure: it stays consistent (every edge joins two existing nodes) and may
 * still be written or freed, but holds part of this document. */
instcite_status instcite_graph_add(instcite_graph *g, const instcite_doc *doc, instcite_error *err)
{
    if (!g || !doc)
        return graph_fail(err, INSTCITE_ERR_INVALID, "instcite_graph_add: NULL argument");
    const instcite_docinfo *info = instcite_doc_info(doc);
    const char *doc_id = info->symbol && *info->symbol ? info->symbol : info->name;
    if (!doc_id || !*doc_id)
        doc_id = "-";
    long d = ensure_node(g, doc_id, NULL);
    if (d < 0 || fill_from_doc(&g->pool, &g->nodes[d], info))
        return nomem(err);

    /* The document's language goes on each of its edges: pooled once. */
    const char *lang = info->lang && *info->lang ? pool_intern(&g->pool, info->lang) : NULL;
    if (info->lang && *info->lang && !lang)
        return nomem(err);
    /* Three passes over the mentions, so that the hash-table reads of one
     * mention overlap those of the others instead of each waiting on its
     * own cache miss: the node slots are fetched ahead, then the cited nodes
     * found (and the edge slots fetched ahead), then the edges. Each pass
     * keeps the mentions' order, which is what the output depends on. */
    size_t nm = instcite_doc_mention_count(doc);
    if (nm > g->cap_cited) {
        size_t cap = nm < 64 ? 64 : nm;
        struct cited *cited = realloc(g->cited, cap * sizeof *cited);
        if (!cited)
            return nomem(err);
        g->cited = cited;
        g->cap_cited = cap;
    }
    struct cited *cited = g->cited;
    for (size_t i = 0; i < nm; i++) {
        const char *id = mention_id(instcite_doc_mention(doc, i));
        cited[i].hash = id ? hash_bytes(id) : 0;
        if (id && g->node_index.cap)
            __builtin_prefetch(&g->node_index.slot[cited[i].hash & (g->node_index.cap - 1)]);
    }
    for (size_t i = 0; i < nm; i++) {
        const instcite_mention *m = instcite_doc_mention(doc, i);
        const char *id = mention_id(m);
        long c = -1;
        if (id) {
            c = ensure_node_hashed(g, id, cited[i].hash, NULL);
            if (c < 0 || fill_from_mention(g, (size_t)c, m))
                return nomem(err);
            if (c == d)
                c = -1; /* a document citing itself: no self-loop */
            else if (g->edge_index.cap)
                __builtin_prefetch(&g->edge_index.slot[hash_pair((uint32_t)d, (uint32_t)c) &
                                                       (g->edge_index.cap - 1)]);
        }
        cited[i].node = c;
    }
    for (size_t i = 0; i < nm; i++) {
        if (cited[i].node < 0)
            continue;
        const instcite_mention *m = instcite_doc_mention(doc, i);
        long e = ensure_edge(g, (size_t)d, (size_t)cited[i].node);
        if (e < 0)
            return nomem(err);
        edge *ed = &g->edges[e];
        if (ed->mentions == 0 || m->start < ed->first_offset)
            ed->first_offset = m->start;
        ed->mentions++;
        if (strlist_add(&g->pool, &ed->paragraphs, m->where) ||
            strlist_add(&g->pool, &ed->clauses, m->clause) || strlist_add(&g->pool, &ed->verbs, m->verb) ||
            (lang && strlist_put(&ed->lang, lang)))
            return nomem(err);
    }

    size_t nr = instcite_doc_relation_count(doc);
    for (size_t i = 0; i < nr; i++) {
        const instcite_relation *r = instcite_doc_relation(doc, i);
        if (!r->from || !*r->from || !r->to || !*r->to || !r->type || !*r->type)
            continue;
        long ends[2];
        const char *ids[2] = {r->from, r->to};
        for (int k = 0; k < 2; k++) {
            bool created = false;
            ends[k] = ensure_node(g, ids[k], &created);
            if (ends[k] < 0)
                return nomem(err);
            if (created) {
                /* An identity known only from a relation: describe it from
                 * the catalog when the key is a catalog title. */
                const cat_entry *e =
                    g->cat ? catalog_find_title(g->cat, ids[k], strlen(ids[k])) : NULL;
                if ((e && fill_from_entry(&g->nodes[ends[k]], e)) ||
                    set_str(&g->nodes[ends[k]].label, ids[k], false))
                    return nomem(err);
            }
        }
        if (add_relation(g, (size_t)ends[0], (size_t)ends[1], r->type, r->where))
            return nomem(err);
    }
    g->dirty = true;
    return INSTCITE_OK;
}

size_t instcite_graph_node_count(const instcite_graph *g)
{
    return g ? g->n_nodes : 0;
}

size_t instcite_graph_edge_count(const instcite_graph *g)
{
    return g ? g->n_edges : 0;
}

static void node_destroy(node *n)
{
    free(n->id);
    free(n->label);
    free(n->symbol);
    free(n->body);
    free(n->date);
    free(n->title);
    free(n->agenda_item);
    free(n->catalog_id);
    free(n->unts);
    strlist_destroy(&n->lang);
}

static void edge_destroy(edge *e)
{
    strlist_destroy(&e->paragraphs);
    strlist_destroy(&e->clauses);
    strlist_destroy(&e->verbs);
    strlist_destroy(&e->lang);
    strlist_destroy(&e->relations);
    strlist_destroy(&e->relation_where);
}

void instcite_graph_free(instcite_graph *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n_nodes; i++)
        node_destroy(&g->nodes[i]);
    for (size_t i = 0; i < g->n_edges; i++)
        edge_destroy(&g->edges[i]);
    free(g->nodes);
    free(g->edges);
    free(g->node_index.slot);
    free(g->edge_index.slot);
    pool_destroy(&g->pool);
    free(g->node_order);
    free(g->node_rank);
    free(g->edge_order);
    free(g->cited);
    free(g);
}

/* Every format, with its options: src/export/write.c. */
instcite_status instcite_graph_write(instcite_graph *g, instcite_format format, FILE *out,
                                     instcite_error *err)
{
    return instcite_graph_write_ex(g, format, NULL, out, err);
}

/* ------------------------------------------------------------------------ */
/* Sorting and metrics                                                       */

/* qsort has no context argument; graph functions run on one thread (igraph
 * 0.10 is process-global anyway), so a file-static pointer is safe here. */
static const instcite_graph *sort_graph;

static int cmp_nodes(const void *a, const void *b)
{
    const node *x = &sort_graph->nodes[*(const size_t *)a];
    const node *y = &sort_graph->nodes[*(const size_t *)b];
    return strcmp(x->id, y->id); /* byte order; ids are unique */
}

/* Edges sort by (source rank, target rank), one edge per pair: the two
 * ranks packed in one integer key (source above target, each in as many bits
 * as the largest rank needs), sorted by radix, eleven bits a pass (three
 * passes for 30,000 nodes, four for a million), instead of a comparison sort
 * reading two edges and four ranks per comparison (the edges of a large
 * corpus are millions). */
typedef struct edge_key {
    uint64_t key;
    size_t index;
} edge_key;

/* Sorts keys[0..n) by key, whose values are below 2^bits; tmp has room for
 * n. Least significant digit first, each pass a stable counting sort. */
static void sort_edge_keys(edge_key *keys, edge_key *tmp, size_t n, unsigned bits)
{
    enum { DIGIT = 11, BUCKETS = 1 << DIGIT };
    size_t at[BUCKETS];
    edge_key *from = keys, *to = tmp;
    for (unsigned shift = 0; shift < bits; shift += DIGIT) {
        memset(at, 0, sizeof at);
        for (size_t i = 0; i < n; i++)
            at[(from[i].key >> shift) & (BUCKETS - 1)]++;
        size_t sum = 0;
        for (size_t d = 0; d < BUCKETS; d++) {
            size_t c = at[d];
            at[d] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            to[at[(from[i].key >> shift) & (BUCKETS - 1)]++] = from[i];
        edge_key *t = from;
        from = to;
        to = t;
    }
    if (from != keys)
        memcpy(keys, from, n * sizeof *keys);
}

/* The reason igraph gave for the last failure; process-global like igraph's
 * own error state (graph functions run on one thread). */
static char igraph_reason[160];

static void record_igraph_error(const char *reason, const char *file, int line,
                                igraph_error_t code)
{
    snprintf(igraph_reason, sizeof igraph_reason, "%s (%s, igraph error %d at %s:%d)",
             reason ? reason : "unknown reason", igraph_strerror(code), (int)code,
             file ? file : "?", line);
    /* Required of a handler that returns: free what the failed call put on
     * the finally stack. */
    IGRAPH_FINALLY_FREE();
}

/* Builds the igraph_t for the sorted view and computes the metrics into the
 * nodes. Speaks igraph's idiom: every temporary goes on the finally stack, so
 * an error anywhere frees all of them (through record_igraph_error). */
static igraph_error_t compute_metrics(instcite_graph *g)
{
    igraph_integer_t n = (igraph_integer_t)g->n_nodes;
    igraph_integer_t m = (igraph_integer_t)g->n_edges;
    igraph_vector_int_t ends;
    igraph_vector_t weights, strength, rank;
    igraph_vector_int_t degree;
    igraph_t ig;
    igraph_real_t value;

    IGRAPH_VECTOR_INT_INIT_FINALLY(&ends, 2 * m);
    IGRAPH_VECTOR_INIT_FINALLY(&weights, m);
    for (igraph_integer_t k = 0; k < m; k++) {
        const edge *e = &g->edges[g->edge_order[k]];
        VECTOR(ends)[2 * k] = (igraph_integer_t)g->node_rank[e->from];
        VECTOR(ends)[2 * k + 1] = (igraph_integer_t)g->node_rank[e->to];
        VECTOR(weights)[k] = e->mentions > 0 ? (igraph_real_t)e->mentions : 1.0;
    }
    IGRAPH_CHECK(igraph_create(&ig, &ends, n, IGRAPH_DIRECTED));
    IGRAPH_FINALLY(igraph_destroy, &ig);

    IGRAPH_VECTOR_INT_INIT_FINALLY(&degree, n);
    IGRAPH_VECTOR_INIT_FINALLY(&strength, n);
    IGRAPH_VECTOR_INIT_FINALLY(&rank, n);
    IGRAPH_CHECK(igraph_degree(&ig, &degree, igraph_vss_all(), IGRAPH_IN, IGRAPH_LOOPS));
    IGRAPH_CHECK(igraph_strength(&ig, &strength, igraph_vss_all(), IGRAPH_IN, IGRAPH_LOOPS,
                                 &weights));
    int threads = graph_one_thread();
    igraph_error_t prc = igraph_pagerank(&ig, IGRAPH_PAGERANK_ALGO_PRPACK, &rank, &value,
                                         igraph_vss_all(), IGRAPH_DIRECTED, 0.85, &weights, NULL);
    graph_threads_restore(threads);
    IGRAPH_CHECK(prc);

    /* Vertex v of ig is the node at sorted position v. */
    for (igraph_integer_t v = 0; v < n; v++) {
        node *nd = &g->nodes[g->node_order[v]];
        nd->in_degree = (long long)VECTOR(degree)[v];
        /* A sum of integer weights is exact in a double; round rather than
         * truncate anyway (no llround: the build does not link libm). */
        nd->weighted_in_degree = (long long)(VECTOR(strength)[v] + 0.5);
        nd->pagerank = VECTOR(rank)[v];
    }

    igraph_vector_destroy(&rank);
    igraph_vector_destroy(&strength);
    igraph_vector_int_destroy(&degree);
    igraph_destroy(&ig);
    igraph_vector_destroy(&weights);
    igraph_vector_int_destroy(&ends);
    IGRAPH_FINALLY_CLEAN(6);
    return IGRAPH_SUCCESS;
}

/* Derives the edge type and the joined lists that the writers read. */
static int finish_edge(strpool *p, edge *e)
{
    if (strlist_join(p, &e->paragraphs, false) || strlist_join(p, &e->clauses, false) ||
        strlist_join(p, &e->verbs, false) || strlist_join(p, &e->lang, false) ||
        strlist_join(p, &e->relations, true) || strlist_join(p, &e->relation_where, false))
        return -1;
    e->type = e->mentions > 0 ? "cites" : e->relations.joined ? e->relations.joined : "";
    return 0;
}

int graph_one_thread(void)
{
#ifdef _OPENMP
    int saved = omp_get_max_threads();
    omp_set_num_threads(1);
    return saved;
#else
    return 0;
#endif
}

void graph_threads_restore(int saved)
{
#ifdef _OPENMP
    if (saved > 0)
        omp_set_num_threads(saved);
#else
    (void)saved;
#endif
}

instcite_status graph_prepare(instcite_graph *g, instcite_error *err)
{
    if (!g->dirty)
        return INSTCITE_OK;
    if (g->n_nodes > UINT32_MAX) /* ranks are packed in 32 bits below (not reachable in memory) */
        return graph_fail(err, INSTCITE_ERR_LIMIT, "more than %lu nodes", (unsigned long)UINT32_MAX);
    size_t nn = g->n_nodes ? g->n_nodes : 1, ne = g->n_edges ? g->n_edges : 1;
    size_t *order = malloc(nn * sizeof *order);
    size_t *rank = malloc(nn * sizeof *rank);
    size_t *eorder = malloc(ne * sizeof *eorder);
    if (!order || !rank || !eorder) {
        free(order);
        free(rank);
        free(eorder);
        return nomem(err);
    }
    free(g->node_order);
    free(g->node_rank);
    free(g->edge_order);
    g->node_order = order;
    g->node_rank = rank;
    g->edge_order = eorder;

    for (size_t i = 0; i < g->n_nodes; i++) {
        order[i] = i;
        g->nodes[i].cited_by = 0;
        if (strlist_join(&g->pool, &g->nodes[i].lang, false))
            return nomem(err);
    }
    for (size_t i = 0; i < g->n_edges; i++) {
        if (finish_edge(&g->pool, &g->edges[i]))
            return nomem(err);
        if (g->edges[i].mentions > 0)
            g->nodes[g->edges[i].to].cited_by++;
    }
    sort_graph = g;
    qsort(order, g->n_nodes, sizeof *order, cmp_nodes);
    sort_graph = NULL;
    for (size_t p = 0; p < g->n_nodes; p++)
        rank[order[p]] = p;
    unsigned rank_bits = 1;
    while (rank_bits < 32 && (g->n_nodes - 1) >> rank_bits)
        rank_bits++;
    edge_key *keys = malloc(ne * sizeof *keys), *tmp = malloc(ne * sizeof *tmp);
    if (!keys || !tmp) {
        free(keys);
        free(tmp);
        return nomem(err);
    }
    for (size_t i = 0; i < g->n_edges; i++)
        keys[i] = (edge_key){(uint64_t)rank[g->edges[i].from] << rank_bits | rank[g->edges[i].to], i};
    sort_edge_keys(keys, tmp, g->n_edges, 2 * rank_bits);
    free(tmp);
    for (size_t i = 0; i < g->n_edges; i++)
        eorder[i] = keys[i].index;
    free(keys);

    if (g->n_nodes > 0) {
        /* Our handler records instead of aborting; the previous one is put
         * back so an embedding program's handler is undisturbed. The RNG is
         * seeded so any randomised igraph routine added later repeats
         * (PRPACK itself is deterministic). */
        igraph_error_handler_t *old = igraph_set_error_handler(record_igraph_error);
        /* A library must not print: igraph's default warning handler writes
         * to stderr. No warning changes our results, so they are dropped. */
        igraph_warning_handler_t *old_warn =
            igraph_set_warning_handler(igraph_warning_handler_ignore);
        igraph_reason[0] = '\0';
        igraph_error_t rc = igraph_rng_seed(igraph_rng_default(), 20240101);
        if (rc == IGRAPH_SUCCESS)
            rc = compute_metrics(g);
        igraph_set_warning_handler(old_warn);
        igraph_set_error_handler(old);
        if (rc != IGRAPH_SUCCESS) {
            if (rc == IGRAPH_ENOMEM)
                return nomem(err);
            return graph_fail(err, INSTCITE_ERR_GRAPH, "igraph: %s",
                              igraph_reason[0] ? igraph_reason : igraph_strerror(rc));
        }
    }
    g->dirty = false;
    return INSTCITE_OK;
}

/* ------------------------------------------------------------------------ */
/* The view                                                                  */

static const gattr_def node_attrs[] = {
    {"label", GVAL_STRING},      {"kind", GVAL_STRING},
    {"in_corpus", GVAL_BOOL},    {"symbol", GVAL_STRING},
    {"body", GVAL_STRING},       {"session", GVAL_INT},
    {"date", GVAL_STRING},       {"year", GVAL_INT},
    {"title", GVAL_STRING},      {"agenda_item", GVAL_STRING},
    {"lang", GVAL_STRING},       {"catalog_id", GVAL_STRING},
    {"unts", GVAL_STRING},       {"in_degree", GVAL_INT},
    {"weighted_in_degree", GVAL_INT}, {"pagerank", GVAL_DOUBLE},
    {"cited_by", GVAL_INT},
};
enum { N_NODE_ATTRS = sizeof node_attrs / sizeof node_attrs[0] };

static const gattr_def edge_attrs[] = {
    {"type", GVAL_STRING},   {"weight", GVAL_INT},      {"paragraphs", GVAL_STRING},
    {"clauses", GVAL_STRING}, {"first_offset", GVAL_INT}, {"lang", GVAL_STRING},
    {"relation", GVAL_STRING}, {"relation_where", GVAL_STRING},
    {"verbs", GVAL_STRING},
};
enum { N_EDGE_ATTRS = sizeof edge_attrs / sizeof edge_attrs[0] };

size_t graph_node_attr_count(void)
{
    return N_NODE_ATTRS;
}

const gattr_def *graph_node_attr(size_t k)
{
    return k < N_NODE_ATTRS ? &node_attrs[k] : NULL;
}

size_t graph_edge_attr_count(void)
{
    return N_EDGE_ATTRS;
}

const gattr_def *graph_edge_attr(size_t k)
{
    return k < N_EDGE_ATTRS ? &edge_attrs[k] : NULL;
}

static gval str_val(const char *s)
{
    gval v = {.type = s && *s ? GVAL_STRING : GVAL_NONE, .s = s};
    return v;
}

static gval int_val(long long i)
{
    gval v = {.type = GVAL_INT, .i = i};
    return v;
}

static gval opt_int_val(long long i)
{
    gval v = {.type = i ? GVAL_INT : GVAL_NONE, .i = i};
    return v;
}

const char *graph_node_id(const instcite_graph *g, size_t i)
{
    return g->nodes[g->node_order[i]].id;
}

gval graph_node_value(const instcite_graph *g, size_t i, size_t k)
{
    const node *n = &g->nodes[g->node_order[i]];
    gval none = {.type = GVAL_NONE};
    switch (k) { /* cases follow the order of node_attrs[] */
    case 0: return str_val(n->label ? n->label : n->id);
    case 1: return str_val(instcite_kind_name(n->kind));
    case 2: return (gval){.type = GVAL_BOOL, .b = n->in_corpus};
    case 3: return str_val(n->symbol);
    case 4: return str_val(n->body);
    case 5: return opt_int_val(n->session);
    case 6: return str_val(n->date);
    case 7: return opt_int_val(n->year);
    case 8: return str_val(n->title);
    case 9: return str_val(n->agenda_item);
    case 10: return str_val(n->lang.joined);
    case 11: return str_val(n->catalog_id);
    case 12: return str_val(n->unts);
    case 13: return int_val(n->in_degree);
    case 14: return int_val(n->weighted_in_degree);
    case 15: return (gval){.type = GVAL_DOUBLE, .d = n->pagerank};
    case 16: return int_val(n->cited_by);
    }
    return none;
}

/* Writers walk the edges in sorted order, which is not the order of the
 * edges array: each edge would be cache misses (it spans four lines) on a large
 * graph. Asking for an edge's source, which every writer does first, has the
 * edge a few places further fetched ahead. */
enum { EDGE_AHEAD = 8 };

size_t graph_edge_source(const instcite_graph *g, size_t e)
{
    if (e + EDGE_AHEAD < g->n_edges) {
        const char *ahead = (const char *)&g->edges[g->edge_order[e + EDGE_AHEAD]];
        for (size_t b = 0; b < sizeof(edge); b += 64)
            __builtin_prefetch(ahead + b);
    }
    return g->node_rank[g->edges[g->edge_order[e]].from];
}

size_t graph_edge_target(const instcite_graph *g, size_t e)
{
    return g->node_rank[g->edges[g->edge_order[e]].to];
}

gval graph_edge_value(const instcite_graph *g, size_t i, size_t k)
{
    const edge *e = &g->edges[g->edge_order[i]];
    gval none = {.type = GVAL_NONE};
    bool cites = e->mentions > 0;
    switch (k) { /* cases follow the order of edge_attrs[] */
    case 0: return str_val(e->type);
    case 1: return int_val(cites ? e->mentions : 1);
    case 2: return str_val(e->paragraphs.joined);
    case 3: return str_val(e->clauses.joined);
    case 4: return cites ? int_val((long long)e->first_offset) : none;
    case 5: return str_val(e->lang.joined);
    case 6: return str_val(e->relations.joined);
    case 7: return str_val(e->relation_where.joined);
    case 8: return str_val(e->verbs.joined);
    }
    return none;
}

/* ------------------------------------------------------------------------ */
/* Locale-free numbers                                                       */

/* d as "%.<p>g" prints it, the precision p given by its p significant
 * digits (a string of p digits, the first non-zero) and the decimal exponent
 * x of the first; the C standard's rule: fixed notation when -4 <= x < p,
 * else scientific, trailing fractional zeros and a bare point dropped. */
static void put_g(char *buf, bool neg, const char *digits, int p, int x)
{
    int len = p;
    while (len > 1 && digits[len - 1] == '0')
        len--;
    char *o = buf;
    if (neg)
        *o++ = '-';
    if (x < -4 || x >= p) {
        *o++ = digits[0];
        if (len > 1) {
            *o++ = '.';
            memcpy(o, digits + 1, (size_t)len - 1);
            o += len - 1;
        }
        *o++ = 'e';
        *o++ = x < 0 ? '-' : '+';
        int ax = x < 0 ? -x : x;
        if (ax >= 100)
            *o++ = (char)('0' + ax / 100);
        *o++ = (char)('0' + ax / 10 % 10);
        *o++ = (char)('0' + ax % 10);
    } else if (x < 0) {
        *o++ = '0';
        *o++ = '.';
        for (int k = -1; k > x; k--)
            *o++ = '0';
        memcpy(o, digits, (size_t)len);
        o += len;
    } else {
        int whole = x + 1; /* <= p */
        for (int k = 0; k < whole; k++)
            *o++ = k < len ? digits[k] : '0';
        if (len > whole) {
            *o++ = '.';
            memcpy(o, digits + whole, (size_t)(len - whole));
            o += len - whole;
        }
    }
    *o = '\0';
}

/* What the loop "%.15g, %.16g, %.17g: the first that strtod reads back as
 * d" of graph_format_double prints, from a single "%.16e" (a quarter of
 * writing a graph was that loop's printf calls). The 15- and 16-digit
 * forms are rounded from the 17 digits, which is the correct rounding of d
 * unless the digits dropped are exactly 5 then zeros (d's own digits might
 * lie on either side): then -1, and the caller prints. Needs the C radix;
 * d finite and non-zero, else -1. */
static int shortest_g(double d, char buf[32])
{
    if (d == 0 || isnan(d) || isinf(d))
        return -1;
    char e[40];
    int n = snprintf(e, sizeof e, "%.16e", d < 0 ? -d : d);
    if (n < 20 || n >= (int)sizeof e || e[1] != '.' || e[18] != 'e')
        return -1;
    char digits[17];
    digits[0] = e[0];
    memcpy(digits + 1, e + 2, 16);
    int x = atoi(e + 19);
    for (int p = 15; p <= 16; p++) {
        char r[17];
        memcpy(r, digits, (size_t)p);
        int rx = x;
        bool tie = digits[p] == '5';
        for (int k = p + 1; tie && k < 17; k++)
            tie = digits[k] == '0';
        if (tie)
            return -1;
        if (digits[p] >= '5') {
            int k = p - 1;
            while (k >= 0 && r[k] == '9')
                r[k--] = '0';
            if (k >= 0) {
                r[k]++;
            } else { /* 99...9 -> 100...0 */
                r[0] = '1';
                rx++;
            }
        }
        put_g(buf, d < 0, r, p, rx);
        if (strtod(buf, NULL) == d)
            return 0;
    }
    put_g(buf, d < 0, digits, 17, x);
    return 0;
}

/* Choice: switch this thread to the "C" numeric locale with
 * newlocale/uselocale (POSIX 2008) around snprintf/strtod, rather than
 * formatting digits by hand. uselocale is per thread, so other threads and
 * the caller's setlocale are untouched. If newlocale fails (out of memory)
 * we fall back to the process locale and rewrite its decimal point. */
void graph_format_double(double d, char buf[32])
{
    if (isnan(d)) {
        strcpy(buf, "NaN");
        return;
    }
    if (isinf(d)) {
        strcpy(buf, d > 0 ? "INF" : "-INF");
        return;
    }
    /* printf and strtod follow the locale: in one whose decimal point is not
     * "." this thread switches to the C locale for the value (asked first:
     * a new locale per value was most of writing a graph's numbers, and
     * the command line's locale is C). */
    const char *radix = nl_langinfo(RADIXCHAR);
    bool dot = radix && radix[0] == '.' && !radix[1];
    locale_t c = dot ? (locale_t)0 : newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    locale_t old = c != (locale_t)0 ? uselocale(c) : (locale_t)0;
    /* Shortest precision from 15 that reads back exactly (when the locale
     * could not be switched, strtod would misread the radix: the first one). */
    if (!dot || shortest_g(d, buf) != 0) {
        for (int prec = 15; prec <= 17; prec++) {
            snprintf(buf, 32, "%.*g", prec, d);
            if ((!dot && c == (locale_t)0) || strtod(buf, NULL) == d)
                break;
        }
    }
    if (c != (locale_t)0) {
        uselocale(old);
        freelocale(c);
    } else if (!dot) {
        /* Fallback: replace a non-"." decimal point (which may be several
         * bytes long) by ".". */
        const char *dp = localeconv()->decimal_point;
        size_t dl = dp ? strlen(dp) : 0;
        char *at = dl && strcmp(dp, ".") != 0 ? strstr(buf, dp) : NULL;
        if (at) {
            *at = '.';
            memmove(at + 1, at + dl, strlen(at + dl) + 1);
        }
    }
    if (!strpbrk(buf, ".eE"))
        strcat(buf, ".0");
}
