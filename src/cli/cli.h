/*
 * The instcite command: shared pieces. Each subcommand lives in its own
 * cmd_<name>.c and is listed in main.c. Only instcite.h is used.
 *
 * Exit status (documented in the README):
 *   0  every input was processed and every output written
 *   1  at least one input could not be processed (the others were, and the
 *      outputs hold their results)
 *   2  usage error (unknown option, format or language)
 *   3  nothing could be produced: the catalog could not be loaded, an output
 *      could not be written (no partial file is left), out of memory
 */
#ifndef INSTCITE_CLI_H
#define INSTCITE_CLI_H

#include "instcite.h"

#include <stdbool.h>
#include <stdio.h>

enum { EXIT_PARTIAL = 1, EXIT_USAGE = 2, EXIT_FATAL = 3 };

extern const char *prog;

/* Options of every subcommand; each reads the ones it knows. */
typedef struct opts {
    const char *format, *output, *lang, *catalog;
    const char *encoding; /* --encoding E (NULL: auto) */
    const char *invalid;  /* --invalid reject|replace (NULL: reject) */
    bool quiet;
    int jobs; /* --jobs N; 0: one per online core */
    char **files;
    int n_files;
    /* graph (issue 5) */
    bool links;         /* --links: node-link JSON with the older "links" key */
    const char *layout; /* --layout force|time: SVG and HTML drawings */
    /* analyze / compare / graph */
    bool from_jsonl;        /* --from-jsonl: inputs are `extract --format jsonl` streams */
    const char *top;        /* --top N */
    const char *nearest;    /* --nearest K */
    bool matrix;            /* --matrix */
    bool timings;           /* --timings: graph prints its phase times on stderr */
    /* Inputs after expand_inputs: files, directories walked recursively. */
    char **paths;
    int n_paths;
    int walk_failed; /* problems expand_inputs reported */
} opts;

/* Parses argv (after the subcommand name) into o; returns 0 or an exit
 * status. help is printed for -h/--help. */
int opts_parse(int argc, char **argv, opts *o, void (*help)(FILE *));
void opts_free(opts *o);

/* Output through a temporary file beside the final path, renamed into place
 * only when complete; stdout when path is NULL or "-"; a device, a FIFO or
 * a path under /dev or /proc is opened and written in place (tmp NULL). */
typedef struct sink {
    FILE *f;
    char *tmp;
    const char *path;
} sink;
bool sink_open(sink *s, const char *path);
/* Finishes the output: renames on success, removes the temporary file on
 * failure, so no partial file is ever left. Returns false on any failure. */
bool sink_close(sink *s, bool ok);

/* True (after printing why) when the output path names one of the inputs
 * (after expand_inputs, which it calls). */
bool output_is_input(opts *o);
/* Checks --lang, --encoding and --invalid; prints and returns false for an
 * unknown value. */
bool lang_ok(const opts *o);

/* The built-in catalog plus --catalog; NULL after printing why. */
instcite_catalog *catalog_open(const opts *o);

/* What every subcommand that reads documents does once it has checked its own
 * options (valid: they were fine, their errors printed): checks --lang and
 * that no output is an input, then opens the catalog. 0 with *cat; else
 * EXIT_USAGE or EXIT_FATAL, o freed. */
int command_start(opts *o, bool valid, instcite_catalog **cat);

/* Replaces each directory among the inputs by the regular files under it,
 * recursively, in byte order of their names (names starting with '.' are
 * skipped; with --from-jsonl only *.jsonl files are taken). Symbolic links
 * are followed, but a link back to a directory being walked is reported and
 * not followed. Fills o->paths; unreadable directories are reported and
 * counted in the return value (failed inputs), or -1 when out of memory.
 * Called by each_input. */
int expand_inputs(opts *o);

/* Calls fn for every input document in order, handing it over (fn owns the
 * document). Inputs are o->files expanded by expand_inputs; "-" is standard
 * input; with --from-jsonl every input is a JSON Lines stream of records
 * from `instcite extract --format jsonl` and may hold many documents. Failed
 * inputs (and malformed JSONL lines, with their line number) are reported on
 * stderr and skipped. fn returns 0 to go on, non-zero to stop (out of
 * memory). *total receives the number of documents tried. Returns the number
 * of failed inputs, or -1 on a fatal error (out of memory, fn failed). */
int each_input(const instcite_catalog *cat, opts *o, int (*fn)(instcite_doc *doc, void *ctx),
               void *ctx, int *total);

/* Extracts every input (each_input): *docs receives the n_ok documents that
 * succeeded, in input order (free each with instcite_doc_free, then the
 * array). Returns the number of failed inputs, or -1 when out of memory;
 * *total the number of inputs tried. */
int extract_inputs(const instcite_catalog *cat, opts *o, instcite_doc ***docs, size_t *n_ok,
                   int *total);

/* One input ("-" is standard input): a new document, or NULL with err filled. */
instcite_doc *extract_one(const instcite_catalog *cat, const opts *o, const char *path,
                          instcite_error *err);
/* An each_input callback that adds each document to a graph as it comes
 * and frees it, so memory holds the graph, not the corpus; st and err
 * keep the first failure. */
typedef struct graph_adder {
    instcite_graph *g;
    instcite_status st;
    instcite_error err;
    double seconds; /* spent in instcite_graph_add */
} graph_adder;
int add_to_graph(instcite_doc *doc, void *ctx);

/* A monotonic clock, in seconds. */
double now_seconds(void);

/* The line each_input prints for a failed input (nothing with --quiet). */
void report_input_error(const opts *o, const char *path, const instcite_error *err);

/* each_input with a stage that runs where the document was extracted (a
 * worker thread with --jobs, else the calling thread): pre(&doc, ctx) returns
 * a block (malloc'd, or NULL) that fn(doc, extra, ctx) then receives, in
 * input order on the calling thread, and frees. pre may only read ctx; it
 * lets the work of rendering a document run in parallel too. When pre has
 * all it needs it may free the document there and set doc to NULL (then it
 * must return a block): fn gets a NULL doc, and the freeing, too, stays off
 * the calling thread. An extra whose fn is never called (after a fatal
 * error) is freed with free(). */
int each_input_pre(const instcite_catalog *cat, opts *o, void *(*pre)(instcite_doc **doc, void *ctx),
                   int (*fn)(instcite_doc *doc, void *extra, void *ctx), void *ctx, int *total);

/* --jobs (jobs.c): the number of extraction threads (o->jobs, or the number
 * of online cores). */
int jobs_count(const opts *o);
/* each_input_pre's files (not --from-jsonl) extracted (and pre run) on `jobs`
 * threads, handed to fn in input order on the calling thread. Adds failed
 * inputs to *failed. Returns 0, -1 on a fatal error, 1 when no thread could
 * be started (nothing was done). */
int each_input_parallel(const instcite_catalog *cat, opts *o, int jobs,
                        void *(*pre)(instcite_doc **doc, void *ctx),
                        int (*fn)(instcite_doc *doc, void *extra, void *ctx), void *ctx,
                        int *failed);

/* Progress on stderr (files done / total, MB/s, ETA) when stderr is a
 * terminal, without --quiet, once a run has lasted a second. */
typedef struct progress {
    bool on, shown;
    int done, total;
    long long bytes;
    double t0, last;
} progress;
void progress_start(progress *p, const opts *o, int total);
/* The size of path when progress is shown (else 0, without a stat). */
long long progress_size(const progress *p, const char *path);
void progress_step(progress *p, long long bytes);
void progress_end(progress *p);

/* Prints "N of M files failed" (or "documents", with --from-jsonl) when some did. */
void report_failures(const opts *o, int failed, int total);

/* The options every subcommand that reads documents shares, for its --help
 * (one block, so a new input option is listed once for all). */
void help_inputs(FILE *to);

/* A count option (--top, --nearest) from 1 to 1000000: dflt when value is
 * NULL, 0 after printing why when it is not such a number. */
size_t count_option(const char *value, const char *name, size_t dflt);

int cmd_extract(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_text(int argc, char **argv);

#endif
