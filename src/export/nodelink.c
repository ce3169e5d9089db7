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
 * node_link_graph(data, link="edges").
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

/* Builds the whole document; NULL when out of memory. */
static cJSON *build(const instcite_graph *g)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    cJSON *nodes = NULL, *edges = NULL;
    if (!cJSON_AddTrueToObject(root, "directed") || !cJSON_AddFalseToObject(root, "multigraph") ||
        !cJSON_AddObjectToObject(root, "graph") ||
        !(nodes = cJSON_AddArrayToObject(root, "nodes")) ||
        !(edges = cJSON_AddArrayToObject(root, "edges")))
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

instcite_status nodelink_write(const instcite_graph *g, FILE *out, instcite_error *err)
{
    cJSON *root = build(g);
    if (!root)
        return graph_fail(err, INSTCITE_ERR_NOMEM, "out of memory building node-link JSON");
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!text)
        return graph_fail(err, INSTCITE_ERR_NOMEM, "out of memory printing node-link JSON");
    size_t len = strlen(text);
    bool ok = fwrite(text, 1, len, out) == len && fputc('\n', out) != EOF && fflush(out) != EOF;
    cJSON_free(text);
    if (!ok || ferror(out))
        return graph_fail(err, INSTCITE_ERR_IO, "cannot write node-link JSON output");
    return INSTCITE_OK;
}
