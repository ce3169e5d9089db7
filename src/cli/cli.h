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
    bool quiet;
    char **files;
    int n_files;
    /* graph (issue 5) */
    bool links;         /* --links: node-link JSON with the older "links" key */
    const char *layout; /* --layout force|time: SVG and HTML drawings */
} opts;

/* Parses argv (after the subcommand name) into o; returns 0 or an exit
 * status. help is printed for -h/--help. */
int opts_parse(int argc, char **argv, opts *o, void (*help)(FILE *));
void opts_free(opts *o);

/* Output through a temporary file beside the final path, renamed into place
 * only when complete; stdout when path is NULL or "-". */
typedef struct sink {
    FILE *f;
    char *tmp;
    const char *path;
} sink;
bool sink_open(sink *s, const char *path);
/* Finishes the output: renames on success, removes the temporary file on
 * failure, so no partial file is ever left. Returns false on any failure. */
bool sink_close(sink *s, bool ok);

/* True (after printing why) when the output path names one of the inputs. */
bool output_is_input(const opts *o);
/* Checks --lang; prints and returns false for an unknown code. */
bool lang_ok(const opts *o);

/* The built-in catalog plus --catalog; NULL after printing why. */
instcite_catalog *catalog_open(const opts *o);

/* Extracts every input ("-" is stdin). Failed inputs are reported on stderr
 * and skipped: *docs receives the n_ok documents that succeeded, in input
 * order (free each with instcite_doc_free, then the array). Returns the
 * number of failed inputs, or -1 when out of memory. */
int extract_inputs(const instcite_catalog *cat, const opts *o, instcite_doc ***docs, size_t *n_ok);

/* Prints "N of M files failed" when some did. */
void report_failures(int failed, int total);

int cmd_extract(int argc, char **argv);
int cmd_graph(int argc, char **argv);

#endif
