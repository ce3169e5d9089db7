/* instcite graph: one citation graph of every input. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void help(FILE *to)
{
    fputs("usage: instcite graph [options] FILE...\n"
          "Builds one citation graph of all FILEs, nodes merged by identity.\n"
          "\n"
          "  -o, --output OUT  the format follows the extension: .graphml .gexf .json\n"
          "                    .cyjs .dot .svg .html; .csv or DIR/ give the nodes and\n"
          "                    edges tables; whole or not at all (default: GraphML on\n"
          "                    standard output)\n"
          "  -f, --format F    graphml gexf json cytoscape dot svg html csv\n"
          "      --links       json: the edge array named \"links\" (networkx < 3.4)\n"
          "      --layout L    svg, html: force (default) or time (x = year)\n"
          "      --timings     time spent reading, building, writing: on stderr\n"
          "\n",
          to);
    help_inputs(to);
    fputs("\n"
          "examples:\n"
          "  instcite graph datasets/A_RES_74_174.zh.txt -o A_RES_74_174.graphml\n"
          "  instcite extract -f jsonl res/ | instcite graph --from-jsonl - -o g.gexf\n",
          to);
}

#define FORMATS "graphml gexf json cytoscape dot svg html csv"

/* An existing directory, or a path ending in '/'. */
static bool is_dir_path(const char *path)
{
    struct stat st;
    size_t len = strlen(path);
    return (len > 0 && path[len - 1] == '/') || (stat(path, &st) == 0 && S_ISDIR(st.st_mode));
}

static instcite_format choose_format(const opts *o)
{
    instcite_format fmt;
    if (o->format)
        fmt = instcite_format_from_name(o->format);
    else if (o->output && strcmp(o->output, "-") != 0)
        fmt = is_dir_path(o->output) ? INSTCITE_FORMAT_CSV : instcite_format_from_path(o->output);
    else
        fmt = INSTCITE_FORMAT_GRAPHML;
    switch (fmt) {
    case INSTCITE_FORMAT_GRAPHML: case INSTCITE_FORMAT_JSON: case INSTCITE_FORMAT_GEXF:
    case INSTCITE_FORMAT_CYTOSCAPE: case INSTCITE_FORMAT_DOT: case INSTCITE_FORMAT_SVG:
    case INSTCITE_FORMAT_HTML: case INSTCITE_FORMAT_CSV:
        break;
    default:
        if (o->format)
            fprintf(stderr, "%s: graph: unknown format '%s' (%s)\n", prog, o->format, FORMATS);
        else
            fprintf(stderr, "%s: graph: cannot tell the format of '%s': use an extension "
                            "(.graphml .gexf .json .cyjs .dot .svg .html .csv) or --format\n",
                    prog, o->output);
        return INSTCITE_FORMAT_UNKNOWN;
    }
    if (fmt == INSTCITE_FORMAT_CSV && (!o->output || strcmp(o->output, "-") == 0)) {
        fprintf(stderr, "%s: graph: csv writes two files: give -o DIR/ or -o FILE.csv\n", prog);
        return INSTCITE_FORMAT_UNKNOWN;
    }
    return fmt;
}

/* --layout; false after printing why. */
static bool layout_of(const opts *o, instcite_layout *layout)
{
    *layout = INSTCITE_LAYOUT_AUTO;
    if (!o->layout || strcmp(o->layout, "force") == 0)
        return true;
    if (strcmp(o->layout, "time") == 0) {
        *layout = INSTCITE_LAYOUT_TIME;
        return true;
    }
    fprintf(stderr, "%s: graph: unknown layout '%s' (force time)\n", prog, o->layout);
    return false;
}

/* The two CSV paths for OUT: X.csv -> X.nodes.csv and X.edges.csv; anything
 * else is a directory (created when absent) -> DIR/nodes.csv, DIR/edges.csv.
 * New strings in paths[0..1]; false after printing why. */
static bool csv_paths(const char *out, char *paths[2])
{
    static const char *const table[2] = {"nodes", "edges"};
    size_t len = strlen(out);
    bool file = !is_dir_path(out) && len > 4 && strcmp(out + len - 4, ".csv") == 0;
    if (!file && mkdir(out, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "%s: %s: cannot create directory: %s\n", prog, out, strerror(errno));
        return false;
    }
    for (int k = 0; k < 2; k++) {
        size_t n = len + 16;
        paths[k] = malloc(n);
        if (!paths[k]) {
            free(paths[0]);
            fprintf(stderr, "%s: out of memory\n", prog);
            return false;
        }
        if (file)
            snprintf(paths[k], n, "%.*s.%s.csv", (int)(len - 4), out, table[k]);
        else
            snprintf(paths[k], n, "%s%s%s.csv", out, out[len - 1] == '/' ? "" : "/", table[k]);
    }
    return true;
}

/* Writes g in fmt to the output (both tables for CSV, each through its own
 * temporary file; when the second fails, the first is removed again, so no
 * half pair is left). Returns false after a failure; *st holds the library
 * status (INSTCITE_OK when the failure was the sink's, which printed it). */
static bool write_graph(instcite_graph *g, instcite_format fmt, const opts *o,
                        const instcite_write_options *wo, instcite_status *st,
                        instcite_error *err)
{
    if (fmt != INSTCITE_FORMAT_CSV) {
        sink s;
        if (!sink_open(&s, o->output))
            return false;
        *st = instcite_graph_write_ex(g, fmt, wo, s.f, err);
        return sink_close(&s, *st == INSTCITE_OK);
    }
    char *paths[2];
    if (!csv_paths(o->output, paths))
        return false;
    static const instcite_format tables[2] = {INSTCITE_FORMAT_CSV_NODES,
                                              INSTCITE_FORMAT_CSV_EDGES};
    sink s[2];
    bool ok = sink_open(&s[0], paths[0]);
    if (ok && !sink_open(&s[1], paths[1])) {
        sink_close(&s[0], false);
        ok = false;
    }
    if (ok) {
        *st = instcite_graph_write_ex(g, tables[0], wo, s[0].f, err);
        if (*st == INSTCITE_OK)
            *st = instcite_graph_write_ex(g, tables[1], wo, s[1].f, err);
        bool first = sink_close(&s[0], *st == INSTCITE_OK);
        ok = sink_close(&s[1], first && *st == INSTCITE_OK) && first;
        if (first && !ok)
            unlink(paths[0]);
    }
    free(paths[0]);
    free(paths[1]);
    return ok;
}

/* --timings: one line on stderr. read is the rest of the run (reading and
 * extracting the inputs, or parsing the JSONL); graph the time spent adding
 * documents to the graph; write ranking (degrees, PageRank), sorting and
 * writing the output. */
static void print_timings(const opts *o, double t0, double graph, double t_write, double t_end)
{
    if (!o->timings)
        return;
    double read = t_write - t0 - graph;
    fprintf(stderr, "%s: timings: read %.3f s, graph %.3f s, write %.3f s, total %.3f s\n", prog,
            read < 0 ? 0 : read, graph, t_end - t_write, t_end - t0);
}

/* Streaming (every format but HTML, which lists the documents' mentions):
 * each document goes into the graph as soon as it is extracted and is freed,
 * so memory holds the graph, not the corpus. */
static int graph_streaming(const instcite_catalog *cat, opts *o, instcite_format fmt,
                           instcite_layout layout)
{
    double t0 = now_seconds();
    graph_adder a = {.st = INSTCITE_OK};
    a.g = instcite_graph_new(cat, &a.err);
    int total = 0;
    int failed = -1;
    if (a.g) {
        failed = each_input(cat, o, add_to_graph, &a, &total);
    } else {
        a.st = a.err.code;
    }
    instcite_status st = a.st;
    bool ok = false;
    if (failed < 0 && st == INSTCITE_OK) {
        fprintf(stderr, "%s: out of memory\n", prog);
        st = INSTCITE_ERR_NOMEM;
    } else if (st == INSTCITE_OK) {
        instcite_write_options wo = {.links = o->links, .layout = layout};
        double t_write = now_seconds();
        ok = write_graph(a.g, fmt, o, &wo, &st, &a.err);
        if (ok)
            print_timings(o, t0, a.seconds, t_write, now_seconds());
    }
    if (st != INSTCITE_OK && !(failed < 0 && a.st == INSTCITE_OK))
        fprintf(stderr, "%s: %s: %s\n", prog, o->output ? o->output : "standard output",
                a.err.message[0] ? a.err.message : instcite_strerror(st));
    instcite_graph_free(a.g);
    if (failed >= 0)
        report_failures(o, failed, total);
    return ok ? (failed ? EXIT_PARTIAL : 0) : EXIT_FATAL;
}

int cmd_graph(int argc, char **argv)
{
    opts o;
    int rc = opts_parse(argc, argv, &o, help);
    if (rc) {
        opts_free(&o);
        return rc;
    }
    instcite_format fmt = choose_format(&o);
    instcite_layout layout = INSTCITE_LAYOUT_AUTO;
    instcite_catalog *cat;
    if ((rc = command_start(&o, fmt != INSTCITE_FORMAT_UNKNOWN && layout_of(&o, &layout), &cat)))
        return rc;
    if (fmt != INSTCITE_FORMAT_HTML) {
        int status = graph_streaming(cat, &o, fmt, layout);
        instcite_catalog_free(cat);
        opts_free(&o);
        return status;
    }
    double t0 = now_seconds();
    instcite_doc **docs;
    size_t n = 0;
    int total = 0;
    int failed = extract_inputs(cat, &o, &docs, &n, &total);
    int status = 0;
    if (failed < 0) {
        fprintf(stderr, "%s: out of memory\n", prog);
        status = EXIT_FATAL;
    } else {
        instcite_error err = {0};
        instcite_graph *g = instcite_graph_new(cat, &err);
        instcite_status st = g ? INSTCITE_OK : err.code;
        double t_add = now_seconds();
        for (size_t i = 0; i < n && st == INSTCITE_OK; i++)
            st = instcite_graph_add(g, docs[i], &err);
        instcite_write_options wo = {.links = o.links, .layout = layout,
                                     .docs = (const instcite_doc *const *)docs, .n_docs = n};
        double t_write = now_seconds();
        bool ok = st == INSTCITE_OK && write_graph(g, fmt, &o, &wo, &st, &err);
        if (ok)
            print_timings(&o, t0, t_write - t_add, t_write, now_seconds());
        if (st != INSTCITE_OK)
            fprintf(stderr, "%s: %s: %s\n", prog, o.output ? o.output : "standard output",
                    err.message[0] ? err.message : instcite_strerror(st));
        instcite_graph_free(g);
        status = ok ? (failed ? EXIT_PARTIAL : 0) : EXIT_FATAL;
        report_failures(&o, failed, total);
    }
    for (size_t i = 0; i < n; i++)
        instcite_doc_free(docs[i]);
    free(docs);
    instcite_catalog_free(cat);
    opts_free(&o);
    return status;
}
