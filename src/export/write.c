/* instcite_graph_write_ex: prepares the view once and picks the writer. */
#include "graph/graph.h"

instcite_status instcite_graph_write_ex(instcite_graph *g, instcite_format format,
                                        const instcite_write_options *options, FILE *out,
                                        instcite_error *err)
{
    static const instcite_write_options defaults = {0};
    if (!g || !out)
        return graph_fail(err, INSTCITE_ERR_INVALID, "instcite_graph_write: NULL argument");
    if (!options)
        options = &defaults;
    switch (format) {
    case INSTCITE_FORMAT_GRAPHML: case INSTCITE_FORMAT_JSON: case INSTCITE_FORMAT_GEXF:
    case INSTCITE_FORMAT_CYTOSCAPE: case INSTCITE_FORMAT_DOT: case INSTCITE_FORMAT_SVG:
    case INSTCITE_FORMAT_HTML: case INSTCITE_FORMAT_CSV_NODES: case INSTCITE_FORMAT_CSV_EDGES:
        break;
    case INSTCITE_FORMAT_CSV:
        return graph_fail(err, INSTCITE_ERR_INVALID,
                          "a graph is two CSV tables: write CSV_NODES and CSV_EDGES");
    default:
        return graph_fail(err, INSTCITE_ERR_INVALID,
                          "a graph is written as graphml, json, gexf, cytoscape, dot, svg, html "
                          "or csv, not format %d", (int)format);
    }
    instcite_status st = graph_prepare(g, err);
    if (st != INSTCITE_OK)
        return st;
    switch (format) {
    case INSTCITE_FORMAT_GRAPHML: return graphml_write(g, out, err);
    case INSTCITE_FORMAT_JSON:
        return nodelink_write_key(g, options->links ? "links" : "edges", out, err);
    case INSTCITE_FORMAT_GEXF: return gexf_write(g, out, err);
    case INSTCITE_FORMAT_CYTOSCAPE: return cytoscape_write(g, out, err);
    case INSTCITE_FORMAT_DOT: return dot_write(g, out, err);
    case INSTCITE_FORMAT_SVG: return svg_write(g, options->layout, true, out, err);
    case INSTCITE_FORMAT_HTML: return report_write(g, options, out, err);
    case INSTCITE_FORMAT_CSV_NODES: return csv_nodes_write(g, out, err);
    default: return csv_edges_write(g, out, err);
    }
}
