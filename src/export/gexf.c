/*
 * GEXF 1.3 writer (Gephi's native format), driven by the graph view.
 *
 *  - Static typed attributes, declared once per class: ids "n_<name>" and
 *    "e_<name>" (as in the GraphML writer, so node and edge columns named
 *    alike cannot collide and no column id clashes with the ids Gephi keeps
 *    for itself: id, label, type, weight), titles the plain names. Integers
 *    are "integer", doubles "double", booleans "boolean".
 *  - The node label is GEXF's own `label` attribute (not repeated as a
 *    column); the edge weight is GEXF's own `weight` (a double in GEXF); the
 *    edge type ("cites", "optional_protocol_to", ...) is both the `kind`
 *    Gephi shows for parallel edge kinds and the `type` column.
 *  - Time: mode="dynamic", timeformat="date", timerepresentation="interval"
 *    (mode="static" without time attributes when no node has a date).
 *    A node starts at its date (adoption; a bare year is its 1 January); an
 *    edge starts at the date of its source (for a citation, the citing
 *    resolution's adoption). Nothing ends. A node or edge without a usable
 *    date has no start and is present throughout, which is what Gephi's
 *    timeline does with it.
 *  - Node ids are the identities themselves (GEXF ids are plain strings),
 *    escaped like all text; edges have no ids (optional; Gephi numbers them).
 *  - Each node has a <color> (its kind's colour in the SVG drawing, as
 *    integer r/g/b) and a <size> (growing with the in-degree), so Gephi opens
 *    it coloured. The 1.3 schema declares these in the GEXF namespace (Gephi
 *    writes them with a viz: prefix but reads them by local name), so they
 *    are written unprefixed and the file stays valid; networkx, which looks
 *    for them in the viz namespace, ignores them. No positions: Gephi's own
 *    layouts do better than a fixed picture.
 */
#include "export/out.h"
#include "instcite_config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *gexf_type(gval_type t)
{
    switch (t) {
    case GVAL_INT: return "integer";
    case GVAL_DOUBLE: return "double";
    case GVAL_BOOL: return "boolean";
    default: return "string";
    }
}

/* Columns the GEXF element itself carries: not declared, not written. */
static bool own_node_column(const char *name)
{
    return strcmp(name, "label") == 0;
}

static bool own_edge_column(const char *name)
{
    return strcmp(name, "weight") == 0;
}

static void declare(ow *w, const char *cls, const char *prefix, size_t count,
                    const gattr_def *(*attr)(size_t), bool (*own)(const char *))
{
    ow_printf(w, "    <attributes class=\"%s\" mode=\"static\">\n", cls);
    for (size_t k = 0; k < count; k++) {
        const gattr_def *a = attr(k);
        if (own(a->name))
            continue;
        ow_printf(w, "      <attribute id=\"%s", prefix);
        ow_xml(w, a->name);
        ow_put(w, "\" title=\"");
        ow_xml(w, a->name);
        ow_printf(w, "\" type=\"%s\"/>\n", gexf_type(a->type));
    }
    ow_put(w, "    </attributes>\n");
}

static void attvalue(ow *w, const char *prefix, const gattr_def *a, gval v, bool *open)
{
    if (v.type == GVAL_NONE)
        return;
    if (!*open) {
        ow_put(w, ">\n        <attvalues>\n");
        *open = true;
    }
    ow_printf(w, "          <attvalue for=\"%s", prefix);
    ow_xml(w, a->name);
    ow_put(w, "\" value=\"");
    ow_value(w, v, ow_xml);
    ow_put(w, "\"/>\n");
}

instcite_status gexf_write(const instcite_graph *g, FILE *out, instcite_error *err)
{
    ow w = {.out = out};
    size_t nn = instcite_graph_node_count(g), ne = instcite_graph_edge_count(g);
    size_t na = graph_node_attr_count(), ea = graph_edge_attr_count();
    size_t k_label = node_attr_index("label"), k_weight = edge_attr_index("weight");
    size_t k_type = edge_attr_index("type");
    char date[11];

    ow_put(&w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<gexf xmlns=\"http://gexf.net/1.3\"\n"
               "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
               "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\"\n"
               "    version=\"1.3\">\n"
               "  <meta>\n"
               "    <creator>instcite " INSTCITE_VERSION "</creator>\n"
               "    <description>Citation graph of UN resolutions: nodes start at their "
               "adoption date, edges at the citing resolution's date</description>\n"
               "  </meta>\n");
    /* Dynamic only when some node has a date: a graph without any time is
     * static, and Gephi shows no empty timeline. */
    bool dynamic = false;
    for (size_t i = 0; i < nn && !dynamic; i++)
        dynamic = iso_date(node_str(g, i, "date"), date);
    ow_put(&w, dynamic ? "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" "
                         "timeformat=\"date\" timerepresentation=\"interval\">\n"
                       : "  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    declare(&w, "node", "n_", na, graph_node_attr, own_node_column);
    declare(&w, "edge", "e_", ea, graph_edge_attr, own_edge_column);

    ow_printf(&w, "    <nodes count=\"%zu\">\n", nn);
    for (size_t i = 0; i < nn && !w.failed; i++) {
        ow_put(&w, "      <node id=\"");
        ow_xml(&w, graph_node_id(g, i));
        ow_put(&w, "\" label=\"");
        gval label = graph_node_value(g, i, k_label);
        ow_xml(&w, label.type == GVAL_STRING ? label.s : graph_node_id(g, i));
        ow_put(&w, "\"");
        if (iso_date(node_str(g, i, "date"), date))
            ow_printf(&w, " start=\"%s\"", date);
        /* Colour by kind and size by in-degree, as in the SVG drawing. */
        unsigned rgb = (unsigned)strtoul(kind_colour(instcite_kind_from_name(
                                             node_str(g, i, "kind"))) + 1, NULL, 16);
        ow_printf(&w, ">\n        <color r=\"%u\" g=\"%u\" b=\"%u\"/>\n        <size value=\"",
                  (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        ow_coord(&w, 10.0 + 6.0 * sqrt((double)node_int(g, i, "in_degree")));
        ow_put(&w, "\"/>\n        <attvalues>\n");
        bool open = true;
        for (size_t k = 0; k < na; k++)
            if (k != k_label)
                attvalue(&w, "n_", graph_node_attr(k), graph_node_value(g, i, k), &open);
        ow_put(&w, "        </attvalues>\n      </node>\n");
    }
    ow_put(&w, "    </nodes>\n");

    ow_printf(&w, "    <edges count=\"%zu\">\n", ne);
    for (size_t e = 0; e < ne && !w.failed; e++) {
        size_t s = graph_edge_source(g, e);
        ow_put(&w, "      <edge source=\"");
        ow_xml(&w, graph_node_id(g, s));
        ow_put(&w, "\" target=\"");
        ow_xml(&w, graph_node_id(g, graph_edge_target(g, e)));
        ow_put(&w, "\"");
        gval type = graph_edge_value(g, e, k_type);
        if (type.type == GVAL_STRING) {
            ow_put(&w, " kind=\"");
            ow_xml(&w, type.s);
            ow_put(&w, "\"");
        }
        gval weight = graph_edge_value(g, e, k_weight);
        if (weight.type == GVAL_INT)
            ow_printf(&w, " weight=\"%lld.0\"", weight.i);
        if (iso_date(node_str(g, s, "date"), date))
            ow_printf(&w, " start=\"%s\"", date);
        bool open = false;
        for (size_t k = 0; k < ea; k++)
            if (k != k_weight)
                attvalue(&w, "e_", graph_edge_attr(k), graph_edge_value(g, e, k), &open);
        ow_put(&w, open ? "        </attvalues>\n      </edge>\n" : "/>\n");
    }
    ow_put(&w, "    </edges>\n  </graph>\n</gexf>\n");
    return ow_finish(&w, "GEXF", err);
}
