/*
 * The graph as two CSV tables, nodes.csv and edges.csv, with the headers
 * Gephi's spreadsheet import recognises (Id, Label; Source, Target, Type,
 * Weight) followed by the attribute columns under their own names, so that a
 * graph-database bulk loader (Neo4j LOAD CSV, Memgraph, Kuzu COPY) can map
 * them by name.
 *
 *  - Every cell is written by libcsv's csv_fwrite, which always quotes: the
 *    output is the same bytes whatever the content (commas, quotes,
 *    newlines inside a cell stay inside it). Lines end with CRLF (RFC 4180).
 *  - Gephi reads Type as Directed/Undirected, so the edge's own type
 *    ("cites", "optional_protocol_to") goes in Label, which Gephi shows on
 *    the edge, and again in a `kind` column.
 *  - A text cell that a spreadsheet would evaluate as a formula (starting
 *    with = + - @ TAB CR) is prefixed with an apostrophe, the rule of the
 *    extraction CSV. Numbers are never prefixed (they are never negative).
 *  - Absent values are empty cells; booleans true/false; numbers locale-free.
 */
#include "export/out.h"

#include <csv.h>

#include <stdlib.h>
#include <string.h>

static bool formula_like(const char *s)
{
    return s[0] && strchr("=+-@\t\r", s[0]) != NULL;
}

/* One quoted cell, preceded by a comma unless first. */
static void cell(ow *w, bool first, const char *s)
{
    ow_flush(w); /* libcsv writes to the FILE itself */
    if (w->failed)
        return;
    if (!first && fputc(',', w->out) == EOF) {
        w->failed = true;
        return;
    }
    size_t len = strlen(s);
    if (formula_like(s)) {
        char *tmp = malloc(len + 2);
        if (!tmp) {
            w->failed = true;
            return;
        }
        tmp[0] = '\'';
        memcpy(tmp + 1, s, len + 1);
        if (csv_fwrite(w->out, tmp, len + 1) != 0)
            w->failed = true;
        free(tmp);
        return;
    }
    if (csv_fwrite(w->out, s, len) != 0)
        w->failed = true;
}

static void value_cell(ow *w, gval v)
{
    char buf[32];
    switch (v.type) {
    case GVAL_STRING: cell(w, false, v.s); return;
    case GVAL_INT: snprintf(buf, sizeof buf, "%lld", v.i); break;
    case GVAL_DOUBLE: graph_format_double(v.d, buf); break;
    case GVAL_BOOL: strcpy(buf, v.b ? "true" : "false"); break;
    case GVAL_NONE: buf[0] = '\0'; break;
    }
    cell(w, false, buf);
}

static void end_row(ow *w)
{
    ow_put(w, "\r\n");
}

instcite_status csv_nodes_write(const instcite_graph *g, FILE *out, instcite_error *err)
{
    ow w = {.out = out};
    size_t na = graph_node_attr_count(), k_label = node_attr_index("label");
    cell(&w, true, "Id");
    cell(&w, false, "Label");
    for (size_t k = 0; k < na; k++)
        if (k != k_label)
            cell(&w, false, graph_node_attr(k)->name);
    end_row(&w);
    for (size_t i = 0; i < instcite_graph_node_count(g) && !w.failed; i++) {
        cell(&w, true, graph_node_id(g, i));
        value_cell(&w, graph_node_value(g, i, k_label));
        for (size_t k = 0; k < na; k++)
            if (k != k_label)
                value_cell(&w, graph_node_value(g, i, k));
        end_row(&w);
    }
    return ow_finish(&w, "nodes CSV", err);
}

instcite_status csv_edges_write(const instcite_graph *g, FILE *out, instcite_error *err)
{
    ow w = {.out = out};
    size_t ea = graph_edge_attr_count();
    size_t k_type = edge_attr_index("type"), k_weight = edge_attr_index("weight");
    static const char *const head[] = {"Source", "Target", "Type", "Weight", "Label", "kind"};
    for (size_t h = 0; h < sizeof head / sizeof head[0]; h++)
        cell(&w, h == 0, head[h]);
    for (size_t k = 0; k < ea; k++)
        if (k != k_type && k != k_weight)
            cell(&w, false, graph_edge_attr(k)->name);
    end_row(&w);
    for (size_t e = 0; e < instcite_graph_edge_count(g) && !w.failed; e++) {
        cell(&w, true, graph_node_id(g, graph_edge_source(g, e)));
        cell(&w, false, graph_node_id(g, graph_edge_target(g, e)));
        cell(&w, false, "Directed");
        value_cell(&w, graph_edge_value(g, e, k_weight));
        value_cell(&w, graph_edge_value(g, e, k_type));
        value_cell(&w, graph_edge_value(g, e, k_type));
        for (size_t k = 0; k < ea; k++)
            if (k != k_type && k != k_weight)
                value_cell(&w, graph_edge_value(g, e, k));
        end_row(&w);
    }
    return ow_finish(&w, "edges CSV", err);
}
