/*
 * GraphML writer with Gephi's conventions, driven by the graph view
 * (graph/graph.h); igraph's own writer is not used (see the D1 decision in
 * the design notes: it types every number as double and writes graph-level
 * keys that Gephi rejects).
 *
 *  - One <key> per attribute column, typed (string, int, double, boolean);
 *    ids are readable and stable: "n_<name>" for nodes, "e_<name>" for edges
 *    (node and edge columns may share a name, e.g. lang). No graph-level keys
 *    or data. Nodes carry a `label` key, which Gephi shows as the label.
 *  - Node ids must be xs:NMTOKEN in the GraphML schema, and our identities
 *    ("A/RES/74/174", "Convention on the Rights of the Child") are not. They
 *    are encoded reversibly the way XmlConvert.EncodeName does it: ASCII
 *    letters, digits, '.' and '-' stay, every other code point (including
 *    '_' itself) becomes _xHHHH_ (uppercase hex, at least 4 digits). The
 *    readable identity is the label; tests/graph/check_networkx.py decodes.
 *  - Edges have no id (optional in GraphML; Gephi numbers them itself).
 *  - Text is escaped for both element and attribute context; \t \n \r are
 *    written as character references so XML end-of-line and attribute
 *    normalisation cannot alter them.
 */
#include "export/out.h"
#include "graph/graph.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>


/* Decodes one UTF-8 sequence at s (valid: the graph sanitised it); returns
 * its length and stores the code point. */
static size_t utf8_next(const unsigned char *s, uint32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : 2;
    uint32_t v = s[0] & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < n; k++) {
        if ((s[k] & 0xC0) != 0x80) { /* defensive: treat as one bad byte */
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[k] & 0x3F);
    }
    *cp = v;
    return n;
}

/* An identity as an xs:NMTOKEN (see the top of the file), in a new string
 * (NULL when out of memory). */
static char *nmtoken_dup(const char *id)
{
    static const char hex[] = "0123456789ABCDEF";
    /* A character of n bytes becomes at most 10 ("_x10FFFF_" is 9). */
    char *out = malloc(strlen(id) * 10 + 8);
    if (!out)
        return NULL;
    const unsigned char *s = (const unsigned char *)id;
    size_t k = 0;
    while (*s) {
        unsigned c = *s;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
            c == '-') {
            out[k++] = (char)c;
            s++;
            continue;
        }
        uint32_t cp;
        s += utf8_next(s, &cp);
        /* "_x%04X_" without printf: 4 to 6 hex digits. */
        int digits = cp > 0xFFFFF ? 6 : cp > 0xFFFF ? 5 : 4;
        out[k++] = '_';
        out[k++] = 'x';
        for (int d = digits - 1; d >= 0; d--)
            out[k++] = hex[(cp >> (4 * d)) & 0xF];
        out[k++] = '_';
    }
    if (!*id) { /* never happens: ids are non-empty */
        memcpy(out, "_x0000_", 7);
        k = 7;
    }
    out[k] = '\0';
    return out;
}

static const char *type_name(gval_type t)
{
    switch (t) {
    case GVAL_INT: return "int";
    case GVAL_DOUBLE: return "double";
    case GVAL_BOOL: return "boolean";
    default: return "string";
    }
}


static void put_keys(ow *w, const char *domain, const char *prefix, size_t count,
                     const gattr_def *(*attr)(size_t))
{
    for (size_t k = 0; k < count; k++) {
        const gattr_def *a = attr(k);
        ow_put(w, "  <key id=\"");
        ow_put(w, prefix);
        ow_xml(w, a->name);
        ow_put(w, "\" for=\"");
        ow_put(w, domain);
        ow_put(w, "\" attr.name=\"");
        ow_xml(w, a->name);
        ow_put(w, "\" attr.type=\"");
        ow_put(w, type_name(a->type));
        ow_put(w, "\"/>\n");
    }
}

/* "      <data key=\"e_NAME\">" of an attribute, in a new string (NULL
 * when out of memory): the same for every node or edge, so built once. */
static char *data_open(const char *prefix, const gattr_def *a)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    ow t = {.out = f};
    ow_put(&t, "      <data key=\"");
    ow_put(&t, prefix);
    ow_xml(&t, a->name);
    ow_put(&t, "\">");
    ow_flush(&t);
    if (fclose(f) != 0 || t.failed) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* A string written many times, with its length. */
typedef struct piece {
    char *s;
    size_t n;
} piece;

static bool piece_set(piece *p, char *s)
{
    p->s = s;
    p->n = s ? strlen(s) : 0;
    return s != NULL;
}

static void put_data(ow *w, const piece *open, gval v)
{
    if (v.type == GVAL_NONE)
        return;
    ow_len(w, open->s, open->n);
    ow_value(w, v, ow_xml);
    OW_LIT(w, "</data>\n");
}

instcite_status graphml_write(const instcite_graph *g, FILE *out, instcite_error *err)
{
    ow w = {.out = out};
    size_t nn = instcite_graph_node_count(g), ne = instcite_graph_edge_count(g);
    size_t na = graph_node_attr_count(), ea = graph_edge_attr_count();
    /* Each node's id token (written once per node and twice per edge) and
     * each column's <data> opening, made once. */
    piece *token = calloc(nn ? nn : 1, sizeof *token);
    piece *nopen = calloc(na ? na : 1, sizeof *nopen);
    piece *eopen = calloc(ea ? ea : 1, sizeof *eopen);
    bool ok = token && nopen && eopen;
    for (size_t i = 0; ok && i < nn; i++)
        ok = piece_set(&token[i], nmtoken_dup(graph_node_id(g, i)));
    for (size_t k = 0; ok && k < na; k++)
        ok = piece_set(&nopen[k], data_open("n_", graph_node_attr(k)));
    for (size_t k = 0; ok && k < ea; k++)
        ok = piece_set(&eopen[k], data_open("e_", graph_edge_attr(k)));
    instcite_status st;
    if (!ok) {
        st = graph_fail(err, INSTCITE_ERR_NOMEM, "out of memory writing GraphML");
        goto out;
    }

    ow_put(&w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
            "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
            "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    put_keys(&w, "node", "n_", na, graph_node_attr);
    put_keys(&w, "edge", "e_", ea, graph_edge_attr);
    ow_put(&w, "  <graph id=\"G\" edgedefault=\"directed\">\n");
    for (size_t i = 0; i < nn && !w.failed; i++) {
        OW_LIT(&w, "    <node id=\"");
        ow_len(&w, token[i].s, token[i].n);
        OW_LIT(&w, "\">\n");
        for (size_t k = 0; k < na; k++)
            put_data(&w, &nopen[k], graph_node_value(g, i, k));
        OW_LIT(&w, "    </node>\n");
    }
    for (size_t e = 0; e < ne && !w.failed; e++) {
        const piece *from = &token[graph_edge_source(g, e)], *to = &token[graph_edge_target(g, e)];
        OW_LIT(&w, "    <edge source=\"");
        ow_len(&w, from->s, from->n);
        OW_LIT(&w, "\" target=\"");
        ow_len(&w, to->s, to->n);
        OW_LIT(&w, "\">\n");
        for (size_t k = 0; k < ea; k++)
            put_data(&w, &eopen[k], graph_edge_value(g, e, k));
        OW_LIT(&w, "    </edge>\n");
    }
    ow_put(&w, "  </graph>\n</graphml>\n");
    st = ow_finish(&w, "GraphML", err);
out:
    for (size_t i = 0; token && i < nn; i++)
        free(token[i].s);
    for (size_t k = 0; nopen && k < na; k++)
        free(nopen[k].s);
    for (size_t k = 0; eopen && k < ea; k++)
        free(eopen[k].s);
    free(token);
    free(nopen);
    free(eopen);
    return st;
}
