/*
 * networkx node-link JSON, built as a cJSON tree:
 *
 *   {"directed": true, "multigraph": false, "graph": {},
 *    "nodes": [{"id": ..., attributes...}],
 *    "edges": [{"source": ..., "target": ..., attributes...}]}
 *
 * "multigraph" is false because the graph has at most one edge per ordered
 * pair (see graph/graph.c), so networkx's DiGraph keeps every edge and the
 * edge count equals the GraphML one. Read it with networkx 2.8 as
 * node_link_graph(data, link="edges"); `--links` names the array "links",
 * the default of networkx before 3.4 and of D3 examples.
 *
 * The same tree, differently arranged, is Cytoscape.js's elements JSON
 * (what cy.json() reads and Cytoscape desktop imports as .cyjs):
 *
 *   {"data": {}, "directed": true, "multigraph": false,
 *    "elements": {"nodes": [{"data": {"id": ..., attributes...}}],
 *                 "edges": [{"data": {"id": "e0", "source": ..., "target": ...,
 *                                     attributes...}}]}}
 *
 * Edge ids are "e" + the edge's sorted position (stable for a given input);
 * Cytoscape.js would invent random ones otherwise. Nodes also carry `name`
 * (the label; Cytoscape desktop's default label column) and `value` (the id;
 * networkx.cytoscape_graph keys nodes by it), the keys networkx writes.
 *
 * Numbers are inserted as raw text that we format ourselves rather than with
 * cJSON_CreateNumber: cJSON prints a double with an integral value as "1"
 * (which a reader types as int) and stores numbers as double (so integers
 * past 2^53 would lose digits). Integers are written with %lld, doubles with
 * graph_format_double, both locale-free. Absent attributes are omitted, as
 * the GraphML writer omits their <data>.
 */
#include "graph/graph.h"

#include <cjson/cJSON.h>

#include <string.h>

/* Adds v under name to obj; true on success (nothing to add counts as
 * success). On failure nothing leaks: a created item not yet attached is
 * deleted here. */
static bool add_value(cJSON *obj, const char *name, gval v)
{
    char buf[32];
    cJSON *item = NULL;
    switch (v.type) {
    case GVAL_NONE: return true;
    case GVAL_STRING: item = cJSON_CreateString(v.s); break;
    case GVAL_BOOL: item = cJSON_CreateBool(v.b); break;
    case GVAL_INT:
        snprintf(buf, sizeof buf, "%lld", v.i);
        item = cJSON_CreateRaw(buf);
        break;
    case GVAL_DOUBLE:
        graph_format_double(v.d, buf);
        /* JSON has no NaN or infinity: write null (never produced by the
         * metrics, which are finite). */
        item = strpbrk(buf, "NI") ? cJSON_CreateNull() : cJSON_CreateRaw(buf);
        break;
    }
    if (!item)
        return false;
    if (!cJSON_AddItemToObject(obj, name, item)) {
        cJSON_Delete(item);
        return false;
    }
    return true;
}

/* Appends a new object to arr; NULL when out of memory. */
static cJSON *append_object(cJSON *arr)
{
    cJSON *o = cJSON_CreateObject();
    if (o && !cJSON_AddItemToArray(arr, o)) {
        cJSON_Delete(o);
        o = NULL;
    }
    return o;
}

/* Builds the whole node-link document; NULL when out of memory. */
static cJSON *build(const instcite_graph *g, const char *edges_key)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    cJSON *nodes = NULL, *edges = NULL;
    if (!cJSON_AddTrueToObject(root, "directed") || !cJSON_AddFalseToObject(root, "multigraph") ||
        !cJSON_AddObjectToObject(root, "graph") ||
        !(nodes = cJSON_AddArrayToObject(root, "nodes")) ||
        !(edges = cJSON_AddArrayToObject(root, edges_key)))
        goto fail;

    size_t na = graph_node_attr_count(), ea = graph_edge_attr_count();
    for (size_t i = 0; i < instcite_graph_node_count(g); i++) {
        cJSON *o = append_object(nodes);
        if (!o || !cJSON_AddStringToObject(o, "id", graph_node_id(g, i)))
            goto fail;
        for (size_t k = 0; k < na; k++)
            if (!add_value(o, graph_node_attr(k)->name, graph_node_value(g, i, k)))
                goto fail;
    }
    for (size_t e = 0; e < instcite_graph_edge_count(g); e++) {
        cJSON *o = append_object(edges);
        if (!o ||
            !cJSON_AddStringToObject(o, "source", graph_node_id(g, graph_edge_source(g, e))) ||
            !cJSON_AddStringToObject(o, "target", graph_node_id(g, graph_edge_target(g, e))))
            goto fail;
        for (size_t k = 0; k < ea; k++)
            if (!add_value(o, graph_edge_attr(k)->name, graph_edge_value(g, e, k)))
                goto fail;
    }
    return root;
fail:
    cJSON_Delete(root);
    return NULL;
}

/* Appends {"data": {}} to arr and returns the inner data object; NULL when
 * out of memory. */
static cJSON *append_element(cJSON *arr)
{
    cJSON *o = append_object(arr);
    return o ? cJSON_AddObjectToObject(o, "data") : NULL;
}

/* Builds the Cytoscape.js document; NULL when out of memory. */
static cJSON *build_cytoscape(const instcite_graph *g)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    cJSON *elements = NULL, *nodes = NULL, *edges = NULL;
    if (!cJSON_AddObjectToObject(root, "data") || !cJSON_AddTrueToObject(root, "directed") ||
        !cJSON_AddFalseToObject(root, "multigraph") ||
        !(elements = cJSON_AddObjectToObject(root, "elements")) ||
        !(nodes = cJSON_AddArrayToObject(elements, "nodes")) ||
        !(edges = cJSON_AddArrayToObject(elements, "edges")))
        goto fail;

    size_t na = graph_node_attr_count(), ea = graph_edge_attr_count(), k_label = 0;
    while (k_label < na && strcmp(graph_node_attr(k_label)->name, "label") != 0)
        k_label++;
    for (size_t i = 0; i < instcite_graph_node_count(g); i++) {
        cJSON *d = append_element(nodes);
        gval label = graph_node_value(g, i, k_label);
        if (!d || !cJSON_AddStringToObject(d, "id", graph_node_id(g, i)) ||
            !cJSON_AddStringToObject(d, "value", graph_node_id(g, i)) ||
            !cJSON_AddStringToObject(d, "name", label.type == GVAL_STRING ? label.s
                                                                           : graph_node_id(g, i)))
            goto fail;
        for (size_t k = 0; k < na; k++)
            if (!add_value(d, graph_node_attr(k)->name, graph_node_value(g, i, k)))
                goto fail;
    }
    for (size_t e = 0; e < instcite_graph_edge_count(g); e++) {
        char id[32];
        snprintf(id, sizeof id, "e%zu", e);
        cJSON *d = append_element(edges);
        if (!d || !cJSON_AddStringToObject(d, "id", id) ||
            !cJSON_AddStringToObject(d, "source", graph_node_id(g, graph_edge_source(g, e))) ||
            !cJSON_AddStringToObject(d, "target", graph_node_id(g, graph_edge_target(g, e))))
            goto fail;
        for (size_t k = 0; k < ea; k++)
            if (!add_value(d, graph_edge_attr(k)->name, graph_edge_value(g, e, k)))
                goto fail;
    }
    return root;
fail:
    cJSON_Delete(root);
    return NULL;
}

/* Writes cJSON's text with "</" as "<\\/" and U+2028, U+2029 as \\u2028,
 * \\u2029: the same JSON values, but a file that can also be pasted into an
 * HTML <script> block (D3 pages do) without a title closing the block, and
 * read by JavaScript engines older than ES2019. Both only occur inside
 * strings, where these escapes are valid JSON. */
static bool put_json(const char *text, FILE *out)
{
    const char *run = text, *p = text;
    for (; *p; p++) {
        const char *rep = NULL;
        size_t skip = 1;
        if (p[0] == '<' && p[1] == '/') {
            rep = "<\\/";
            skip = 2;
        } else if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
                   ((unsigned char)p[2] == 0xA8 || (unsigned char)p[2] == 0xA9)) {
            rep = (unsigned char)p[2] == 0xA8 ? "\\u2028" : "\\u2029";
            skip = 3;
        }
        if (!rep)
            continue;
        size_t n = (size_t)(p - run);
        if ((n && fwrite(run, 1, n, out) != n) || fputs(rep, out) == EOF)
            return false;
        p += skip - 1;
        run = p + 1;
    }
    size_t n = (size_t)(p - run);
    return !n || fwrite(run, 1, n, out) == n;
}

/* Prints root (and frees it) to out. */
static instcite_status print_tree(cJSON *root, FILE *out, const char *what, instcite_error *err)
{
    if (!root)
        return graph_fail(err, INSTCITE_ERR_NOMEM, "out of memory building %s", what);
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!text)
        return graph_fail(err, INSTCITE_ERR_NOMEM, "out of memory printing %s", what);
    bool ok = put_json(text, out) && fputc('\n', out) != EOF && fflush(out) != EOF;
    cJSON_free(text);
    if (!ok || ferror(out))
        return graph_fail(err, INSTCITE_ERR_IO, "cannot write %s output", what);
    return INSTCITE_OK;
}

instcite_status nodelink_write(const instcite_graph *g, FILE *out, instcite_error *err)
{
    return nodelink_write_key(g, "edges", out, err);
}

instcite_status nodelink_write_key(const instcite_graph *g, const char *edges_key, FILE *out,
                                   instcite_error *err)
{
    return print_tree(build(g, edges_key), out, "node-link JSON", err);
}

instcite_status cytoscape_write(const instcite_graph *g, FILE *out, instcite_error *err)
{
    return print_tree(build_cytoscape(g), out, "Cytoscape.js JSON", err);
}
