/* Option parsing, atomic output, input reading shared by the subcommands. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *prog = "instcite";

int opts_parse(int argc, char **argv, opts *o, void (*help)(FILE *))
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
        else if (!strcmp(a, "--links"))
            o->links = true;
        else if (!strcmp(a, "--layout"))
            slot = &o->layout;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            help(stdout);
            opts_free(o);
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

void opts_free(opts *o)
{
    free(o->files);
    o->files = NULL;
}

bool sink_open(sink *s, const char *path)
{
    memset(s, 0, sizeof *s);
    if (!path || strcmp(path, "-") == 0) {
        s->f = stdout;
        return true;
    }
    s->path = path;
    size_t n = strlen(path) + 16;
    s->tmp = malloc(n);
    if (!s->tmp) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return false;
    }
    snprintf(s->tmp, n, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(s->tmp);
    if (fd < 0) {
        fprintf(stderr, "%s: %s: cannot create output: %s\n", prog, path, strerror(errno));
        free(s->tmp);
        s->tmp = NULL;
        return false;
    }
    /* mkstemp creates 0600; give the file the mode a plain create would. */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || !(s->f = fdopen(fd, "wb"))) {
        fprintf(stderr, "%s: %s: cannot create output: %s\n", prog, path, strerror(errno));
        close(fd);
        unlink(s->tmp);
        free(s->tmp);
        s->tmp = NULL;
        return false;
    }
    return true;
}

bool sink_close(sink *s, bool ok)
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

bool output_is_input(const opts *o)
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

bool lang_ok(const opts *o)
{
    static const char *const langs[] = {"zh", "en", "fr", "es", "ru", "ar"};
    if (!o->lang)
        return true;
    for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++)
        if (strcmp(o->lang, langs[i]) == 0)
            return true;
    fprintf(stderr, "%s: unknown language '%s' (zh en fr es ru ar)\n", prog, o->lang);
    return false;
}

instcite_catalog *catalog_open(const opts *o)
{
    instcite_error err = {0};
    instcite_catalog *cat = instcite_catalog_new(&err);
    if (!cat) {
        fprintf(stderr, "%s: built-in catalog: %s\n", prog, err.message);
        return NULL;
    }
    if (o->catalog && instcite_catalog_load(cat, o->catalog, &err) != INSTCITE_OK) {
        if (err.line > 0)
            fprintf(stderr, "%s: %s: line %ld: %s\n", prog, o->catalog, err.line, err.message);
        else
            fprintf(stderr, "%s: %s: %s\n", prog, o->catalog, err.message);
        instcite_catalog_free(cat);
        return NULL;
    }
    return cat;
}

static instcite_doc *read_stdin(const instcite_catalog *cat, const char *lang, instcite_error *err)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        goto nomem;
    size_t got;
    while ((got = fread(buf + len, 1, cap - len, stdin)) > 0) {
        len += got;
        if (len < cap)
            continue;
        if (cap > INSTCITE_MAX_INPUT) {
            free(buf);
            err->code = INSTCITE_ERR_LIMIT;
            err->offset = -1;
            snprintf(err->message, sizeof err->message, "input larger than the 1 GiB limit");
            return NULL;
        }
        char *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            goto nomem;
        }
        buf = nb;
        cap *= 2;
    }
    instcite_doc *doc = instcite_extract(cat, "-", buf, len, lang, err);
    free(buf);
    return doc;
nomem:
    err->code = INSTCITE_ERR_NOMEM;
    err->offset = -1;
    snprintf(err->message, sizeof err->message, "out of memory");
    return NULL;
}

int extract_inputs(const instcite_catalog *cat, const opts *o, instcite_doc ***docs, size_t *n_ok)
{
    *n_ok = 0;
    *docs = calloc((size_t)o->n_files, sizeof **docs);
    if (!*docs)
        return -1;
    int failed = 0;
    for (int i = 0; i < o->n_files; i++) {
        instcite_error err = {0};
        instcite_doc *doc = NULL;
        const char *path = o->files[i];
        if (strcmp(path, "-") == 0)
            doc = read_stdin(cat, o->lang, &err);
        else if (instcite_extract_file(cat, path, o->lang, &doc, &err) != INSTCITE_OK)
            doc = NULL;
        if (doc) {
            (*docs)[(*n_ok)++] = doc;
            continue;
        }
        failed++;
        if (err.code == INSTCITE_ERR_NOMEM)
            return -1;
        if (o->quiet)
            continue;
        if (err.offset >= 0)
            fprintf(stderr, "%s: %s: byte %lld: %s\n", prog, path, err.offset, err.message);
        else
            fprintf(stderr, "%s: %s: %s\n", prog, path, err.message);
    }
    return failed;
}

void report_failures(int failed, int total)
{
    if (failed > 0)
        fprintf(stderr, "%s: %d of %d files failed\n", prog, failed, total);
}
