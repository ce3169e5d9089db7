/* instcite analyze: metrics, pairs, ages and most-cited lists of the
 * citation graph of the inputs. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void help(FILE *to)
{
    fputs("usage: instcite analyze [options] FILE...\n"
          "Analyses the citation graph of all FILEs: degrees, PageRank, HITS hubs and\n"
          "authorities, betweenness, k-cores, components, communities (Louvain), co-cited\n"
          "and coupled pairs, citation age, most cited per kind and per body.\n"
          "\n"
          "  -f, --format F    table (default on a terminal), json (default otherwise),\n"
          "                    csv (one row per node)\n"
          "  -o, --output OUT  write to OUT, whole or not at all (format from extension)\n"
          "      --top N       length of every list (default 10)\n"
          "\n",
          to);
    help_inputs(to);
    fputs("\n"
          "examples:\n"
          "  instcite analyze res/\n"
          "  instcite analyze --from-jsonl shards/ -f json -o analysis.json\n",
          to);
}

static instcite_format choose_format(const opts *o)
{
    const char *name = o->format;
    if (!name && o->output && strcmp(o->output, "-") != 0) {
        const char *dot = strrchr(o->output, '.');
        name = dot ? dot + 1 : NULL;
        if (name && strcmp(name, "json") && strcmp(name, "csv"))
            name = "table";
    }
    if (!name)
        name = isatty(STDOUT_FILENO) ? "table" : "json";
    instcite_format fmt = instcite_format_from_name(name);
    if (fmt != INSTCITE_FORMAT_TABLE && fmt != INSTCITE_FORMAT_JSON && fmt != INSTCITE_FORMAT_CSV) {
        fprintf(stderr, "%s: analyze: unknown format '%s' (table json csv)\n", prog, name);
        return INSTCITE_FORMAT_UNKNOWN;
    }
    return fmt;
}

int cmd_analyze(int argc, char **argv)
{
    opts o;
    int rc = opts_parse(argc, argv, &o, help);
    if (rc) {
        opts_free(&o);
        return rc;
    }
    instcite_format fmt = choose_format(&o);
    size_t top = count_option(o.top, "--top", 10);
    instcite_catalog *cat;
    if ((rc = command_start(&o, fmt != INSTCITE_FORMAT_UNKNOWN && top, &cat)))
        return rc;
    graph_adder ad = {.st = INSTCITE_OK};
    ad.g = instcite_graph_new(cat, &ad.err);
    int total = 0;
    int failed = ad.g ? each_input(cat, &o, add_to_graph, &ad, &total) : -1;
    int status;
    if (failed < 0) {
        fprintf(stderr, "%s: %s\n", prog,
                ad.st != INSTCITE_OK || !ad.g ? ad.err.message : "out of memory");
        status = EXIT_FATAL;
    } else {
        instcite_error err = {0};
        sink s;
        bool ok = sink_open(&s, o.output);
        if (ok) {
            instcite_status st = instcite_graph_analyze(ad.g, top, fmt, s.f, &err);
            if (st != INSTCITE_OK)
                fprintf(stderr, "%s: %s: %s\n", prog, o.output ? o.output : "standard output",
                        err.message[0] ? err.message : instcite_strerror(st));
            ok = sink_close(&s, st == INSTCITE_OK);
        }
        status = ok ? (failed ? EXIT_PARTIAL : 0) : EXIT_FATAL;
        report_failures(&o, failed, total);
    }
    instcite_graph_free(ad.g);
    instcite_catalog_free(cat);
    opts_free(&o);
    return status;
}
