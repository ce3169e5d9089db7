/* instcite graph: one citation graph of every input. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void help(FILE *to)
{
    fprintf(to,
            "usage: instcite graph [options] -o OUT FILE...\n"
            "Builds the citation graph of all FILEs (- reads standard input), merging\n"
            "nodes by identity.\n"
            "\n"
            "  -o, --output OUT  OUT.graphml (Gephi) or OUT.json (networkx node-link);\n"
            "                    the file appears only when complete; default: GraphML\n"
            "                    on standard output\n"
            "  -f, --format F    graphml or json, whatever the extension\n"
            "  -l, --lang L      zh en fr es ru ar (default: detect)\n"
            "  -c, --catalog CSV add or override catalog rows\n"
            "  -q, --quiet       only the summary of failed files\n"
            "\n"
            "examples:\n"
            "  instcite graph datasets/A_RES_74_174.zh.txt -o out/A_RES_74_174.graphml\n"
            "  instcite graph res/*.txt -o corpus.json\n");
}

static instcite_format choose_format(const opts *o)
{
    instcite_format fmt;
    if (o->format)
        fmt = instcite_format_from_name(o->format);
    else if (o->output && strcmp(o->output, "-") != 0)
        fmt = instcite_format_from_path(o->output);
    else
        fmt = INSTCITE_FORMAT_GRAPHML;
    if (fmt != INSTCITE_FORMAT_GRAPHML && fmt != INSTCITE_FORMAT_JSON) {
        if (o->format)
            fprintf(stderr, "%s: graph: unknown format '%s' (graphml json)\n", prog, o->format);
        else
            fprintf(stderr, "%s: graph: cannot tell the format of '%s': use .graphml or .json, or --format\n",
                    prog, o->output);
        return INSTCITE_FORMAT_UNKNOWN;
    }
    return fmt;
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
    if (fmt == INSTCITE_FORMAT_UNKNOWN || !lang_ok(&o) || output_is_input(&o)) {
        opts_free(&o);
        return EXIT_USAGE;
    }
    instcite_catalog *cat = catalog_open(&o);
    if (!cat) {
        opts_free(&o);
        return EXIT_FATAL;
    }
    instcite_doc **docs;
    size_t n = 0;
    int failed = extract_inputs(cat, &o, &docs, &n);
    int status = 0;
    if (failed < 0) {
        fprintf(stderr, "%s: out of memory\n", prog);
        status = EXIT_FATAL;
    } else {
        instcite_error err = {0};
        instcite_graph *g = instcite_graph_new(cat, &err);
        instcite_status st = g ? INSTCITE_OK : err.code;
        for (size_t i = 0; i < n && st == INSTCITE_OK; i++)
            st = instcite_graph_add(g, docs[i], &err);
        sink s;
        bool ok = st == INSTCITE_OK && sink_open(&s, o.output);
        if (ok) {
            st = instcite_graph_write(g, fmt, s.f, &err);
            ok = sink_close(&s, st == INSTCITE_OK);
        }
        if (st != INSTCITE_OK)
            fprintf(stderr, "%s: %s: %s\n", prog, o.output ? o.output : "standard output",
                    err.message[0] ? err.message : instcite_strerror(st));
        instcite_graph_free(g);
        status = ok ? (failed ? EXIT_PARTIAL : 0) : EXIT_FATAL;
        report_failures(failed, o.n_files);
    }
    for (size_t i = 0; i < n; i++)
        instcite_doc_free(docs[i]);
    free(docs);
    instcite_catalog_free(cat);
    opts_free(&o);
    return status;
}
