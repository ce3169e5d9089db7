/* instcite compare: the citation sets of two documents (or two groups), of
 * every pair, or each document's nearest. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void help(FILE *to)
{
    fputs("usage: instcite compare [options] A B\n"
          "       instcite compare --matrix [options] FILE...\n"
          "       instcite compare --nearest K [options] FILE...\n"
          "Compares what documents cite, as sets of identities (the same in every\n"
          "language): shared, only-A, only-B, Jaccard, overlap, clause verbs that differ.\n"
          "A or B may be a directory or a JSONL stream: the union of its documents.\n"
          "\n"
          "      --matrix      every pair of documents, as CSV\n"
          "      --nearest K   the K most similar of each (Jaccard): csv (default), json\n"
          "  -f, --format F    A B: table (default on a terminal), json, csv\n"
          "  -o, --output OUT  write to OUT, whole or not at all\n"
          "\n",
          to);
    help_inputs(to);
    fputs("\n"
          "examples:\n"
          "  instcite compare res/A_RES_73_154.zh.txt res/A_RES_74_174.zh.txt\n"
          "  instcite compare --nearest 10 --from-jsonl corpus.jsonl -o nearest.csv\n",
          to);
}

typedef struct adder {
    instcite_compare *c;
    size_t set;    /* where the next document goes */
    bool new_each; /* every document a set of its own */
    size_t docs;   /* documents added to the current side */
    instcite_error err;
} adder;

static int add_doc(instcite_doc *doc, void *ctx)
{
    adder *a = ctx;
    size_t set = a->new_each ? instcite_compare_count(a->c) : a->set;
    instcite_status st = instcite_compare_add(a->c, doc, set, &a->err);
    instcite_doc_free(doc);
    a->docs++;
    return st != INSTCITE_OK;
}

/* Reads one side of A B into a new set named by its path when it holds
 * several documents. Returns failed inputs, or -1. */
static int read_side(const instcite_catalog *cat, opts *o, int i, adder *a, int *total)
{
    opts side = *o;
    side.files = &o->files[i];
    side.n_files = 1;
    side.paths = NULL;
    side.n_paths = 0;
    a->set = instcite_compare_count(a->c);
    a->docs = 0;
    int t = 0;
    int failed = each_input(cat, &side, add_doc, a, &t);
    *total += t;
    for (int k = 0; k < side.n_paths; k++)
        free(side.paths[k]);
    free(side.paths);
    if (failed >= 0 && a->docs > 1 &&
        instcite_compare_set_name(a->c, a->set, o->files[i], &a->err) != INSTCITE_OK)
        return -1;
    return failed;
}

int cmd_compare(int argc, char **argv)
{
    opts o;
    int rc = opts_parse(argc, argv, &o, help);
    if (rc) {
        opts_free(&o);
        return rc;
    }
    size_t k = count_option(o.nearest, "--nearest", 10);
    bool pair = !o.matrix && !o.nearest;
    instcite_format fmt = INSTCITE_FORMAT_UNKNOWN;
    const char *fname = o.format;
    if (!fname && o.output && strcmp(o.output, "-") != 0) {
        const char *dot = strrchr(o.output, '.');
        if (dot && (!strcmp(dot, ".json") || !strcmp(dot, ".jsonl") || !strcmp(dot, ".csv")))
            fname = dot + 1;
    }
    if (!fname)
        fname = pair ? (isatty(STDOUT_FILENO) && !o.output ? "table" : "json") : "csv";
    fmt = instcite_format_from_name(fname);
    bool fmt_ok = pair ? fmt == INSTCITE_FORMAT_TABLE || fmt == INSTCITE_FORMAT_JSON ||
                             fmt == INSTCITE_FORMAT_CSV
                : o.matrix ? fmt == INSTCITE_FORMAT_CSV
                           : fmt == INSTCITE_FORMAT_CSV || fmt == INSTCITE_FORMAT_JSON ||
                                 fmt == INSTCITE_FORMAT_JSONL;
    bool valid = false;
    if (!fmt_ok) {
        fprintf(stderr, "%s: compare: format '%s' not available here (%s)\n", prog, fname,
                pair ? "table json csv" : o.matrix ? "csv" : "csv json");
    } else if (o.matrix && o.nearest) {
        fprintf(stderr, "%s: compare: --matrix and --nearest exclude each other\n", prog);
    } else if (pair && o.n_files != 2) {
        fprintf(stderr, "%s: compare: give two inputs A B, or --matrix / --nearest K\n", prog);
    } else {
        valid = k > 0;
    }
    instcite_catalog *cat;
    if ((rc = command_start(&o, valid, &cat)))
        return rc;
    int status = 0;
    adder ad = {.new_each = !pair};
    ad.c = instcite_compare_new(&ad.err);
    int total = 0, failed = ad.c ? 0 : -1;
    if (ad.c && pair) {
        for (int i = 0; i < 2 && failed >= 0; i++) {
            int f = read_side(cat, &o, i, &ad, &total);
            failed = f < 0 ? -1 : failed + f;
            if (f >= 0 && ad.docs == 0) {
                fprintf(stderr, "%s: compare: %s: no document to compare\n", prog, o.files[i]);
                status = EXIT_FATAL;
            }
        }
    } else if (ad.c) {
        failed = each_input(cat, &o, add_doc, &ad, &total);
    }
    if (failed < 0) {
        fprintf(stderr, "%s: %s\n", prog, ad.err.message[0] ? ad.err.message : "out of memory");
        status = EXIT_FATAL;
    } else if (!status) {
        instcite_error err = {0};
        sink s;
        bool ok = sink_open(&s, o.output);
        if (ok) {
            instcite_status st =
                pair ? instcite_compare_write_pair(ad.c, 0, 1, fmt, s.f, &err)
                : o.matrix ? instcite_compare_write_matrix(ad.c, s.f, &err)
                           : instcite_compare_write_nearest(ad.c, k, fmt, s.f, &err);
            if (st != INSTCITE_OK)
                fprintf(stderr, "%s: %s: %s\n", prog, o.output ? o.output : "standard output",
                        err.message[0] ? err.message : instcite_strerror(st));
            ok = sink_close(&s, st == INSTCITE_OK);
        }
        status = ok ? (failed ? EXIT_PARTIAL : 0) : EXIT_FATAL;
    }
    if (failed > 0)
        report_failures(&o, failed, total);
    instcite_compare_free(ad.c);
    instcite_catalog_free(cat);
    opts_free(&o);
    return status;
}
