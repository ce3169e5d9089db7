/*
 * instcite: the command line. Uses only the public API (instcite.h).
 *
 * Exit status (documented in the README):
 *   0  every input was processed and every output written
 *   1  at least one input could not be processed (the others were, and the
 *      outputs hold their results)
 *   2  usage error (unknown option, format or language)
 *   3  nothing could be produced: the catalog could not be loaded, an output
 *      could not be written (no partial file is left), out of memory
 */
#define _POSIX_C_SOURCE 200809L
#include "instcite.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { EXIT_PARTIAL = 1, EXIT_USAGE = 2, EXIT_FATAL = 3 };

static const char *prog = "instcite";

static void usage(FILE *to)
{
    fprintf(to,
            "usage: instcite extract [options] FILE...\n"
            "       instcite graph [options] -o OUT.graphml|OUT.json FILE...\n"
            "       instcite --version | --help\n"
            "\n"
            "extract  find every instrument each FILE cites and print the mentions\n"
            "graph    build the citation graph of all FILEs and write it\n"
            "\n"
            "options:\n"
            "  -f, --format F    extract: table (default on a terminal), jsonl (default\n"
            "                    otherwise), json, csv; graph: graphml, json (default:\n"
            "                    from the extension of OUT)\n"
            "  -o, --output OUT  write to OUT (through a temporary file, renamed when\n"
            "                    complete) instead of standard output\n"
            "  -l, --lang L      language of the inputs: zh en fr es ru ar (default: detect)\n"
            "  -c, --catalog CSV add or override catalog rows (columns as\n"
            "                    datasets/instruments.csv)\n"
            "  -q, --quiet       no per-file error lines, only the summary\n"
            "\n"
            "examples:\n"
            "  instcite extract datasets/A_RES_74_174.zh.txt\n"
            "  instcite extract --format jsonl res/*.txt > mentions.jsonl\n"
            "  instcite graph res/*.txt -o out/corpus.graphml\n"
            "\n"
            "exit status: 0 ok; 1 some inputs failed; 2 usage; 3 no output possible\n");
}

typedef struct opts {
    const char *format, *output, *lang, *catalog;
    bool quiet;
    char **files;
    int n_files;
} opts;

static int parse_opts(int argc, char **argv, opts *o)
{
    memset(o, 0, sizeof *o);
    o->files = calloc((size_t)argc + 1, sizeof *o->files);
    if (!o->files)
        return EXIT_FATAL;
    bool only_files = false;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = NULL;
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            o->files[o->n_files++] = argv[i];
            continue;
        }
        if (strcmp(a, "--") == 0)
            only_files = true;
        else if (!strcmp(a, "-f") || !strcmp(a, "--format"))
            slot = &o->format;
        else if (!strcmp(a, "-o") || !strcmp(a, "--output"))
            slot = &o->output;
        else if (!strcmp(a, "-l") || !strcmp(a, "--lang"))
            slot = &o->lang;
        else if (!strcmp(a, "-c") || !strcmp(a, "--catalog"))
            slot = &o->catalog;
        else if (!strcmp(a, "-q") || !strcmp(a, "--quiet"))
            o->quiet = true;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            exit(0);
        } else {
            fprintf(stderr, "%s: unknown option '%s' (see --help)\n", prog, a);
            return EXIT_USAGE;
        }
        if (slot) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s: option '%s' needs a value\n", prog, a);
                return EXIT_USAGE;
            }
            *slot = argv[++i];
        }
    }
    if (o->n_files == 0) {
        fprintf(stderr, "%s: no input files (see --help)\n", prog);
        return EXIT_USAGE;
    }
    return 0;
}

/* ---- output through a temporary file ------------------------------------- */

typedef struct sink {
    FILE *f;
    char *tmp;        /* temporary path, NULL when writing to stdout */
    const char *path; /* final path */
} sink;

static bool sink_open(sink *s, const char *path)
{
    memset(s, 0, sizeof *s);
    if (!path || strcmp(path, "-") == 0) {
        s->f = stdout;
        return true;
    }
    s->path = path;
    size_t n = strlen(path) + 16;
    s->tmp = malloc(n);
    if (!s->tmp)
        return false;
    snprintf(s->tmp, n, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(s->tmp);
    if (fd < 0) {
        fprintf(stderr, "%s: %s: cannot create output: %s\n", prog, path, strerror(errno));
        free(s->tmp);
        s->tmp = NULL;
        return false;
    }
    s->f = fdopen(fd, "wb");
    if (!s->f) {
        close(fd);
        unlink(s->tmp);
        free(s->tmp);
        s->tmp = NULL;
        return false;
    }
    return true;
}

/* Finishes the output: on success renames the temporary file into place;
 * on failure removes it, so no partial file is ever left. */
static bool sink_close(sink *s, bool ok)
{
    if (s->f == stdout) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, "%s: standard output: write error: %s\n", prog, strerror(errno));
            return false;
        }
        return ok;
    }
    if (ok && (fflush(s->f) != 0 || ferror(s->f) || fsync(fileno(s->f)) != 0)) {
        fprintf(stderr, "%s: %s: write error: %s\n", prog, s->path, strerror(errno));
        ok = false;
    }
    if (fclose(s->f) != 0 && ok) {
        fprintf(stderr, "%s: %s: write error: %s\n", prog, s->path, strerror(errno));
        ok = false;
    }
    if (ok && rename(s->tmp, s->path) != 0) {
        fprintf(stderr, "%s: %s: cannot rename into place: %s\n", prog, s->path, strerror(errno));
        ok = false;
    }
    if (!ok)
        unlink(s->tmp);
    free(s->tmp);
    return ok;
}

/* An output path that names one of the inputs would destroy it. */
static bool output_is_input(const opts *o)
{
    struct stat out;
    if (!o->output || stat(o->output, &out) != 0)
        return false;
    for (int i = 0; i < o->n_files; i++) {
        struct stat in;
        if (stat(o->files[i], &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
            fprintf(stderr, "%s: output '%s' is also an input: refused\n", prog, o->output);
            return true;
        }
    }
    return false;
}

/* ---- inputs -------------------------------------------------------------- */

static instcite_doc *read_stdin(const instcite_catalog *cat, const char *lang, instcite_error *err)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    size_t got;
    while ((got = fread(buf + len, 1, cap - len, stdin)) > 0) {
        len += got;
        if (len == cap) {
            if (cap >= INSTCITE_MAX_INPUT) {
                free(buf);
                err->code = INSTCITE_ERR_LIMIT;
                err->offset = -1;
                snprintf(err->message, sizeof err->message, "input larger than the 1 GiB limit");
                return NULL;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    instcite_doc *doc = instcite_extract(cat, "-", buf, len, lang, err);
    free(buf);
    return doc;
}

/* Extracts every file; failed ones are reported and left NULL. Returns the
 * number of failures, or -1 when out of memory. */
static int extract_all(const instcite_catalog *cat, const opts *o, instcite_doc **docs)
{
    int failed = 0;
    for (int i = 0; i < o->n_files; i++) {
        instcite_error err = {0};
        const char *path = o->files[i];
        if (strcmp(path, "-") == 0) {
            docs[i] = read_stdin(cat, o->lang, &err);
        } else if (instcite_extract_file(cat, path, o->lang, &docs[i], &err) != INSTCITE_OK) {
            docs[i] = NULL;
        }
        if (!docs[i]) {
            failed++;
            if (err.code == INSTCITE_ERR_NOMEM)
                return -1;
            if (!o->quiet) {
                if (err.offset >= 0)
                    fprintf(stderr, "%s: %s: byte %lld: %s\n", prog, path, err.offset, err.message);
                else
                    fprintf(stderr, "%s: %s: %s\n", prog, path, err.message);
            }
        }
    }
    return failed;
}

static int run(const char *cmd, const opts *o)
{
    bool graph = strcmp(cmd, "graph") == 0;
    instcite_format fmt = INSTCITE_FORMAT_UNKNOWN;
    if (o->format) {
        fmt = instcite_format_from_name(o->format);
        bool ok = graph ? (fmt == INSTCITE_FORMAT_GRAPHML || fmt == INSTCITE_FORMAT_JSON)
                        : (fmt != INSTCITE_FORMAT_UNKNOWN && fmt != INSTCITE_FORMAT_GRAPHML);
        if (!ok) {
            fprintf(stderr, "%s: %s: unknown format '%s'\n", prog, cmd, o->format);
            return EXIT_USAGE;
        }
    } else if (graph) {
        fmt = o->output ? instcite_format_from_path(o->output) : INSTCITE_FORMAT_GRAPHML;
        if (fmt == INSTCITE_FORMAT_UNKNOWN) {
            fprintf(stderr, "%s: graph: cannot tell the format of '%s': use .graphml or .json, or --format\n",
                    prog, o->output);
            return EXIT_USAGE;
        }
    } else if (o->output) {
        const char *dot = strrchr(o->output, '.');
        fmt = dot ? instcite_format_from_name(dot + 1) : INSTCITE_FORMAT_UNKNOWN;
        if (fmt == INSTCITE_FORMAT_UNKNOWN || fmt == INSTCITE_FORMAT_GRAPHML)
            fmt = INSTCITE_FORMAT_JSONL;
    } else {
        fmt = isatty(STDOUT_FILENO) ? INSTCITE_FORMAT_TABLE : INSTCITE_FORMAT_JSONL;
    }
    if (o->lang) {
        static const char *const langs[] = {"zh", "en", "fr", "es", "ru", "ar"};
        bool known = false;
        for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++)
            known |= strcmp(o->lang, langs[i]) == 0;
        if (!known) {
            fprintf(stderr, "%s: unknown language '%s' (zh en fr es ru ar)\n", prog, o->lang);
            return EXIT_USAGE;
        }
    }
    if (output_is_input(o))
        return EXIT_USAGE;

    instcite_error err = {0};
    instcite_catalog *cat = instcite_catalog_new(&err);
    if (!cat) {
        fprintf(stderr, "%s: built-in catalog: %s\n", prog, err.message);
        return EXIT_FATAL;
    }
    if (o->catalog && instcite_catalog_load(cat, o->catalog, &err) != INSTCITE_OK) {
        if (err.line > 0)
            fprintf(stderr, "%s: %s: line %ld: %s\n", prog, o->catalog, err.line, err.message);
        else
            fprintf(stderr, "%s: %s: %s\n", prog, o->catalog, err.message);
        instcite_catalog_free(cat);
        return EXIT_FATAL;
    }

    instcite_doc **docs = calloc((size_t)o->n_files, sizeof *docs);
    if (!docs) {
        instcite_catalog_free(cat);
        fprintf(stderr, "%s: out of memory\n", prog);
        return EXIT_FATAL;
    }
    int failed = extract_all(cat, o, docs);
    int status = 0;
    if (failed < 0) {
        fprintf(stderr, "%s: out of memory\n", prog);
        status = EXIT_FATAL;
    }
    size_t n_ok = 0;
    for (int i = 0; i < o->n_files; i++)
        if (docs[i])
            docs[n_ok++] = docs[i];

    if (status == 0) {
        sink s;
        bool ok = sink_open(&s, o->output);
        if (ok) {
            instcite_status st;
            if (graph) {
                instcite_graph *g = instcite_graph_new(cat, &err);
                st = g ? INSTCITE_OK : err.code;
                for (size_t i = 0; i < n_ok && st == INSTCITE_OK; i++)
                    st = instcite_graph_add(g, docs[i], &err);
                if (st == INSTCITE_OK)
                    st = instcite_graph_write(g, fmt, s.f, &err);
                instcite_graph_free(g);
            } else {
                st = instcite_records_write((const instcite_doc *const *)docs, n_ok, fmt, s.f, &err);
            }
            if (st != INSTCITE_OK)
                fprintf(stderr, "%s: %s: %s\n", prog, o->output ? o->output : "standard output",
                        err.message[0] ? err.message : instcite_strerror(st));
            ok = sink_close(&s, st == INSTCITE_OK);
        }
        if (!ok)
            status = EXIT_FATAL;
    }
    if (failed > 0) {
        fprintf(stderr, "%s: %d of %d files failed\n", prog, failed, o->n_files);
        if (status == 0)
            status = EXIT_PARTIAL;
    }
    for (size_t i = 0; i < n_ok; i++)
        instcite_doc_free(docs[i]);
    free(docs);
    instcite_catalog_free(cat);
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
        printf("instcite %s\n", instcite_version());
        return 0;
    }
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "extract") != 0 && strcmp(cmd, "graph") != 0) {
        fprintf(stderr, "%s: unknown command '%s' (see --help)\n", prog, cmd);
        return EXIT_USAGE;
    }
    opts o;
    int rc = parse_opts(argc - 2, argv + 2, &o);
    if (rc == 0)
        rc = run(cmd, &o);
    free(o.files);
    return rc;
}
