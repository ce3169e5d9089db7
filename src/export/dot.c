/*
 * Graphviz DOT writer: `dot -Tsvg graph.dot`, or networkx/pydot read_dot.
 *
 *  - Node ids are the identities, always double-quoted; every attribute value
 *    is a double-quoted string too (DOT keywords, digits or spaces in a value
 *    then need no special case).
 *  - Inside quotes DOT's lexer reads \" as a quote and \\ as a backslash
 *    (graphviz 2.43 and later), so " and \ are escaped. A newline in an id
 *    or attribute value is written as \n: in a label that is a line break,
 *    which is what it meant; in other attributes readers keep it as text.
 *    Escaping the backslash also defuses label escapes such as \N, \G, \l.
 *  - Attributes are written under their own names (Graphviz ignores the ones
 *    it does not know and keeps them for other tools); `label` is the node's
 *    label; edges carry `weight` (an integer, as Graphviz wants) and `type`.
 *    Nothing else is styled: `dot` draws it plainly, left to right.
 */
#include "export/out.h"

static void dot_string(ow *w, const char *s)
{
    ow_put(w, "\"");
    const char *run = s;
    for (; *s; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '"': rep = "\\\""; break;
        case '\\': rep = "\\\\"; break;
        case '\n': rep = "\\n"; break;
        case '\r': rep = "\\r"; break;
        default: break;
        }
        if (rep) {
            ow_len(w, run, (size_t)(s - run));
            ow_put(w, rep);
            run = s + 1;
        }
    }
    ow_len(w, run, (size_t)(s - run));
    ow_put(w, "\"");
}

/* [name="value", ...] of the present values; nothing when none is. */
static void attr_list(ow *w, size_t count, const gattr_def *(*attr)(size_t),
                      gval (*value)(const instcite_graph *, size_t, size_t),
                      const instcite_graph *g, size_t i)
{
    bool first = true;
    for (size_t k = 0; k < count; k++) {
        gval v = value(g, i, k);
        if (v.type == GVAL_NONE)
            continue;
        ow_put(w, first ? " [" : ", ");
        first = false;
        ow_put(w, attr(k)->name); /* our names are plain identifiers */
        ow_put(w, "=");
        if (v.type == GVAL_STRING) {
            dot_string(w, v.s);
        } else {
            ow_put(w, "\"");
            ow_value(w, v, NULL);
            ow_put(w, "\"");
        }
    }
    if (!first)
        ow_put(w, "]");
}

instcite_status dot_write(const instcite_graph *g, FILE *out, instcite_error *err)
{
    ow w = {.out = out};
    ow_put(&w, "digraph \"instcite\" {\n"
               "  graph [rankdir=\"LR\"];\n"
               "  node [shape=\"box\", fontname=\"sans-serif\"];\n");
    for (size_t i = 0; i < instcite_graph_node_count(g) && !w.failed; i++) {
        ow_put(&w, "  ");
        dot_string(&w, graph_node_id(g, i));
        attr_list(&w, graph_node_attr_count(), graph_node_attr, graph_node_value, g, i);
        ow_put(&w, ";\n");
    }
    for (size_t e = 0; e < instcite_graph_edge_count(g) && !w.failed; e++) {
        ow_put(&w, "  ");
        dot_string(&w, graph_node_id(g, graph_edge_source(g, e)));
        ow_put(&w, " -> ");
        dot_string(&w, graph_node_id(g, graph_edge_target(g, e)));
        attr_list(&w, graph_edge_attr_count(), graph_edge_attr, graph_edge_value, g, e);
        ow_put(&w, ";\n");
    }
    ow_put(&w, "}\n");
    return ow_finish(&w, "DOT", err);
}
