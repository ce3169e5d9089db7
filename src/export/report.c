/*
 * The HTML report: one self-contained file a person opens in a browser.
 * The drawing (inline SVG), the most-cited instruments, then per document
 * its mentions with the paragraph each comes from, and its warnings.
 *
 * Inert by construction:
 *  - every text from a document or the catalog goes through ow_xml (& < > "
 *    ' escaped, so nothing can open a tag or leave an attribute);
 *  - there is no script at all, and a Content-Security-Policy forbids any
 *    (default-src 'none'; only inline styles), so even an injection the
 *    escaping missed could not run or load anything;
 *  - no external resource: styles inline, generic font families, no images
 *    but the inline SVG;
 *  - text that may carry bidi controls (U+202E ...) sits in <bdi>, so it
 *    cannot reorder the text around it.
 */
#include "export/out.h"
#include "instcite_config.h"

#include <stdlib.h>
#include <string.h>

enum { TOP_MAX = 25 };

static const char style[] =
    "body{font-family:sans-serif;margin:2em auto;max-width:1240px;color:#1a1a1a;"
    "background:#fff;padding:0 1em}"
    "h1{font-size:1.6em}h2{font-size:1.3em;margin-top:1.6em;border-bottom:1px solid #ccc}"
    "h3{font-size:1.05em}"
    "table{border-collapse:collapse;margin:.5em 0;font-size:.9em}"
    "th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}"
    "th{background:#f0f0f0}td.n{text-align:right;font-variant-numeric:tabular-nums}"
    "td.t{max-width:40em;overflow-wrap:anywhere}"
    ".meta{color:#555}.warn{color:#8a4b00}"
    "svg{max-width:100%;height:auto;border:1px solid #ddd}";

/* Text cell (escaped, isolated); "" when absent. */
static void td_text(ow *w, const char *s, const char *cls)
{
    ow_put(w, cls ? "<td class=\"" : "<td>");
    if (cls) {
        ow_put(w, cls);
        ow_put(w, "\">");
    }
    if (s && *s) {
        ow_put(w, "<bdi>");
        ow_xml(w, s);
        ow_put(w, "</bdi>");
    }
    ow_put(w, "</td>");
}

static void td_int(ow *w, long long v)
{
    ow_printf(w, "<td class=\"n\">%lld</td>", v);
}

/* A probability with four decimals, locale-free. */
static void td_fraction(ow *w, double d)
{
    long long v = (long long)(d * 10000.0 + 0.5);
    ow_printf(w, "<td class=\"n\">%lld.%04lld</td>", v / 10000, v % 10000);
}

static void most_cited(ow *w, const instcite_graph *g)
{
    size_t *order = graph_most_cited(g);
    if (!order) {
        w->failed = true;
        return;
    }
    size_t k_rank = node_attr_index("pagerank");
    ow_put(w, "<section id=\"most-cited\"><h2>Most-cited instruments</h2>\n");
    size_t shown = 0;
    for (size_t r = 0; r < instcite_graph_node_count(g) && shown < TOP_MAX; r++) {
        size_t i = order[r];
        if (node_int(g, i, "in_degree") == 0)
            break;
        if (shown++ == 0)
            ow_put(w, "<table><thead><tr><th>#</th><th>identity</th><th>kind</th><th>date</th>"
                      "<th>cited by</th><th>mentions</th><th>PageRank</th></tr></thead>"
                      "<tbody>\n");
        ow_printf(w, "<tr><td class=\"n\">%zu</td>", shown);
        td_text(w, graph_node_id(g, i), "t");
        td_text(w, node_str(g, i, "kind"), NULL);
        td_text(w, node_str(g, i, "date"), NULL);
        td_int(w, node_int(g, i, "in_degree"));
        td_int(w, node_int(g, i, "weighted_in_degree"));
        gval pr = graph_node_value(g, i, k_rank);
        td_fraction(w, pr.type == GVAL_DOUBLE ? pr.d : 0.0);
        ow_put(w, "</tr>\n");
    }
    ow_put(w, shown ? "</tbody></table>\n" : "<p>Nothing is cited.</p>\n");
    ow_put(w, "</section>\n");
    free(order);
}

static void document(ow *w, const instcite_doc *doc, size_t index)
{
    const instcite_docinfo *info = instcite_doc_info(doc);
    ow_printf(w, "<section class=\"doc\" id=\"doc-%zu\"><h2><bdi>", index + 1);
    ow_xml(w, info->symbol ? info->symbol : info->name ? info->name : "-");
    ow_put(w, "</bdi>");
    if (info->title) {
        ow_put(w, ": <bdi>");
        ow_xml(w, info->title);
        ow_put(w, "</bdi>");
    }
    ow_put(w, "</h2>\n<p class=\"meta\">");
    const char *facts[][2] = {
        {"file", info->name},   {"language", info->lang},   {"adopted", info->date},
        {"report", info->report}, {"agenda item", info->agenda_item},
    };
    bool first = true;
    for (size_t k = 0; k < sizeof facts / sizeof facts[0]; k++) {
        if (!facts[k][1] || !*facts[k][1])
            continue;
        ow_put(w, first ? "" : " &middot; ");
        first = false;
        ow_put(w, facts[k][0]);
        ow_put(w, ": <bdi>");
        ow_xml(w, facts[k][1]);
        ow_put(w, "</bdi>");
    }
    size_t nm = instcite_doc_mention_count(doc), nw = instcite_doc_warning_count(doc);
    ow_printf(w, "%s%zu mentions, %zu warnings</p>\n", first ? "" : " &middot; ", nm, nw);

    ow_put(w, "<h3>Mentions</h3>\n");
    if (nm) {
        ow_put(w, "<table><thead><tr><th>paragraph</th><th>clause</th><th>kind</th>"
                  "<th>identity</th><th>date</th><th>footnote</th><th>as printed</th></tr>"
                  "</thead><tbody>\n");
        for (size_t i = 0; i < nm; i++) {
            const instcite_mention *m = instcite_doc_mention(doc, i);
            ow_put(w, "<tr>");
            td_text(w, m->where, NULL);
            td_text(w, m->verb ? m->verb : m->clause, NULL);
            td_text(w, instcite_kind_name(m->kind), NULL);
            td_text(w, m->key, "t");
            td_text(w, m->date, NULL);
            td_text(w, m->footnote, NULL);
            td_text(w, m->text, "t");
            ow_put(w, "</tr>\n");
        }
        ow_put(w, "</tbody></table>\n");
    } else {
        ow_put(w, "<p>No mentions.</p>\n");
    }
    ow_put(w, "<h3>Warnings</h3>\n");
    if (nw) {
        ow_put(w, "<ul class=\"warn\">\n");
        for (size_t i = 0; i < nw; i++) {
            const instcite_warning *wr = instcite_doc_warning(doc, i);
            ow_put(w, "<li><bdi>");
            ow_xml(w, wr->where ? wr->where : "");
            ow_put(w, "</bdi> <code>");
            ow_xml(w, wr->code ? wr->code : "");
            ow_put(w, "</code>: <bdi>");
            ow_xml(w, wr->message ? wr->message : "");
            ow_put(w, "</bdi></li>\n");
        }
        ow_put(w, "</ul>\n");
    } else {
        ow_put(w, "<p>None.</p>\n");
    }
    ow_put(w, "</section>\n");
}

instcite_status report_write(const instcite_graph *g, const instcite_write_options *options,
                             FILE *out, instcite_error *err)
{
    static const instcite_write_options none = {0};
    if (!options)
        options = &none;
    ow w = {.out = out};
    size_t n_docs = options->docs ? options->n_docs : 0;
    const char *subject = NULL;
    if (n_docs == 1) {
        const instcite_docinfo *info = instcite_doc_info(options->docs[0]);
        subject = info->symbol ? info->symbol : info->name;
    }
    ow_put(&w, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
               "style-src 'unsafe-inline'\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<meta name=\"generator\" content=\"instcite " INSTCITE_VERSION "\">\n"
               "<title>instcite report");
    if (subject) {
        ow_put(&w, ": ");
        ow_xml(&w, subject);
    }
    ow_printf(&w, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>Citation report", style);
    if (subject) {
        ow_put(&w, ": <bdi>");
        ow_xml(&w, subject);
        ow_put(&w, "</bdi>");
    }
    size_t nm = 0, nw = 0;
    for (size_t d = 0; d < n_docs; d++) {
        nm += instcite_doc_mention_count(options->docs[d]);
        nw += instcite_doc_warning_count(options->docs[d]);
    }
    ow_printf(&w, "</h1>\n<p class=\"meta\">%zu documents, %zu mentions, %zu warnings; "
                  "graph of %zu nodes and %zu edges. Written by instcite %s.</p>\n",
              n_docs, nm, nw, instcite_graph_node_count(g), instcite_graph_edge_count(g),
              INSTCITE_VERSION);
    ow_put(&w, "<section id=\"graph\"><h2>Citation graph</h2>\n");
    if (ow_finish(&w, "HTML", err) != INSTCITE_OK)
        return INSTCITE_ERR_IO;
    instcite_status st = svg_write(g, options->layout, false, out, err);
    if (st != INSTCITE_OK)
        return st;
    ow_put(&w, "<p class=\"meta\">Circles are coloured by kind and sized by how many nodes "
               "cite them; dark rings mark the documents read; dashed lines are relations "
               "between instruments.</p>\n</section>\n");
    most_cited(&w, g);
    if (n_docs > 1) {
        /* A corpus: a table of contents (internal links only). */
        ow_put(&w, "<section id=\"documents\"><h2>Documents</h2>\n<ol>\n");
        for (size_t d = 0; d < n_docs && !w.failed; d++) {
            const instcite_docinfo *info = instcite_doc_info(options->docs[d]);
            ow_printf(&w, "<li><a href=\"#doc-%zu\"><bdi>", d + 1);
            ow_xml(&w, info->symbol ? info->symbol : info->name ? info->name : "-");
            ow_put(&w, "</bdi></a>");
            if (info->title) {
                ow_put(&w, ": <bdi>");
                ow_xml(&w, info->title);
                ow_put(&w, "</bdi>");
            }
            ow_printf(&w, " (%zu mentions)</li>\n", instcite_doc_mention_count(options->docs[d]));
        }
        ow_put(&w, "</ol>\n</section>\n");
    }
    for (size_t d = 0; d < n_docs && !w.failed; d++)
        document(&w, options->docs[d], d);
    ow_put(&w, "</body>\n</html>\n");
    return ow_finish(&w, "HTML", err);
}
