/* Option parsing, atomic output, input reading shared by the subcommands. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* d_type and DT_REG in struct dirent */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
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
    const char *jobs = NULL;
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
        else if (!strcmp(a, "--encoding"))
            slot = &o->encoding;
        else if (!strcmp(a, "--invalid"))
            slot = &o->invalid;
        else if (!strcmp(a, "-q") || !strcmp(a, "--quiet"))
            o->quiet = true;
        else if (!strcmp(a, "-j") || !strcmp(a, "--jobs"))
            slot = &jobs;
        else if (!strcmp(a, "--links"))
            o->links = true;
        else if (!strcmp(a, "--layout"))
            slot = &o->layout;
        else if (!strcmp(a, "--from-jsonl"))
            o->from_jsonl = true;
        else if (!strcmp(a, "--top"))
            slot = &o->top;
        else if (!strcmp(a, "--nearest"))
            slot = &o->nearest;
        else if (!strcmp(a, "--matrix"))
            o->matrix = true;
        else if (!strcmp(a, "--timings"))
            o->timings = true;
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
    if (jobs) {
        char *end;
        long v = strtol(jobs, &end, 10);
        if (jobs[0] < '0' || jobs[0] > '9' || *end || v < 1 || v > 256) {
            fprintf(stderr, "%s: --jobs must be a number from 1 to 256, not '%s'\n", prog, jobs);
            return EXIT_USAGE;
        }
        o->jobs = (int)v;
    }
    if (o->n_files == 0) {
        fprintf(stderr, "%s: no input files (see --help)\n", prog);
        return EXIT_USAGE;
    }
    return 0;
}

void opts_free(opts *o)
{
    for (int i = 0; i < o->n_paths; i++)
        free(o->paths[i]);
    free(o->paths);
    o->paths = NULL;
    o->n_paths = 0;
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
    /* A device or FIFO (/dev/null, /dev/full, a named pipe) and anything
     * under /dev or /proc (/dev/stdout) is written in place: there is no
     * file to replace, and renaming over it would replace the node itself. */
    struct stat st;
    bool special = strncmp(path, "/dev/", 5) == 0 || strncmp(path, "/proc/", 6) == 0;
    if (special || (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))) {
        if (!(s->f = fopen(path, "wb"))) {
            fprintf(stderr, "%s: %s: cannot open output: %s\n", prog, path, strerror(errno));
            return false;
        }
        return true;
    }
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
    /* A corpus graph runs to gigabytes: 1 MiB writes instead of the
     * default 4 KiB (a failed setvbuf keeps the default). */
    setvbuf(s->f, NULL, _IOFBF, (size_t)1 << 20);
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
    if (!s->tmp) { /* written in place (sink_open) */
        if ((fflush(s->f) != 0 || ferror(s->f)) && ok) {
            fprintf(stderr, "%s: %s: write error: %s\n", prog, s->path, strerror(errno));
            ok = false;
        }
        if (fclose(s->f) != 0 && ok) {
            fprintf(stderr, "%s: %s: write error: %s\n", prog, s->path, strerror(errno));
            ok = false;
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

bool output_is_input(opts *o)
{
    struct stat out;
    if (!o->output || stat(o->output, &out) != 0)
        return false;
    if (expand_inputs(o) < 0)
        return false; /* out of memory: each_input reports it */
    for (int i = 0; i < o->n_paths; i++) {
        struct stat in;
        if (stat(o->paths[i], &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
            fprintf(stderr, "%s: output '%s' is also an input: refused\n", prog, o->output);
            return true;
        }
    }
    return false;
}

bool lang_ok(const opts *o)
{
    static const char *const langs[] = {"zh", "en", "fr", "es", "ru", "ar"};
    if (o->encoding && !instcite_encoding_name(o->encoding)) {
        fprintf(stderr, "%s: unknown encoding '%s' (auto utf-8 utf-16 utf-16le utf-16be gb18030 gbk "
                        "gb2312 big5 windows-1252 iso-8859-1 windows-1251 koi8-r windows-1256)\n",
                prog, o->encoding);
        return false;
    }
    if (o->invalid && strcmp(o->invalid, "reject") != 0 && strcmp(o->invalid, "replace") != 0) {
        fprintf(stderr, "%s: --invalid takes reject or replace, not '%s'\n", prog, o->invalid);
        return false;
    }
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

int command_start(opts *o, bool valid, instcite_catalog **cat)
{
    *cat = NULL;
    if (!valid || !lang_ok(o) || output_is_input(o)) {
        opts_free(o);
        return EXIT_USAGE;
    }
    if (!(*cat = catalog_open(o))) {
        opts_free(o);
        return EXIT_FATAL;
    }
    return 0;
}

static instcite_doc *read_stdin(const instcite_catalog *cat, const instcite_options *io, instcite_error *err)
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
        if (len > INSTCITE_MAX_INPUT) { /* read no more than one byte past the limit */
            free(buf);
            err->code = INSTCITE_ERR_LIMIT;
            err->offset = -1;
            snprintf(err->message, sizeof err->message, "input larger than the 1 GiB limit");
            return NULL;
        }
        size_t ncap = cap * 2 > INSTCITE_MAX_INPUT + 1 ? INSTCITE_MAX_INPUT + 1 : cap * 2;
        char *nb = realloc(buf, ncap);
        if (!nb) {
            free(buf);
            goto nomem;
        }
        buf = nb;
        cap = ncap;
    }
    instcite_doc *doc = instcite_extract_opts(cat, "-", buf, len, io, err);
    free(buf);
    return doc;
nomem:
    err->code = INSTCITE_ERR_NOMEM;
    err->offset = -1;
    snprintf(err->message, sizeof err->message, "out of memory");
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Inputs: files and directories                                             */

typedef struct pathlist {
    char **v;
    int n, cap;
} pathlist;

static int pathlist_add(pathlist *l, char *owned)
{
    if (!owned)
        return -1;
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 64;
        char **v = realloc(l->v, (size_t)cap * sizeof *v);
        if (!v) {
            free(owned);
            return -1;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = owned;
    return 0;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* walk's entries: the d_type byte, then the name. */
static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The directories being walked, from the top: a link back to one of them
 * would loop. */
typedef struct dirstack {
    dev_t dev[64];
    ino_t ino[64];
    int n;
} dirstack;

/* Appends the files under dir (which stat says is st) to out. Returns the
 * number of problems reported, or -1 when out of memory. */
static int walk(const opts *o, const char *dir, const struct stat *st, dirstack *stack,
                pathlist *out)
{
    for (int k = 0; k < stack->n; k++) {
        if (stack->dev[k] == st->st_dev && stack->ino[k] == st->st_ino) {
            if (!o->quiet)
                fprintf(stderr, "%s: %s: a link back to a directory above it; not followed\n",
                        prog, dir);
            return 0;
        }
    }
    if (stack->n == (int)(sizeof stack->dev / sizeof stack->dev[0])) {
        if (!o->quiet)
            fprintf(stderr, "%s: %s: directories nested too deep; not followed\n", prog, dir);
        return 1;
    }
    DIR *d = opendir(dir);
    if (!d) {
        if (!o->quiet)
            fprintf(stderr, "%s: %s: %s\n", prog, dir, strerror(errno));
        return 1;
    }
    pathlist names = {0};
    struct dirent *de;
    int problems = 0;
    errno = 0;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue; /* ".", "..", hidden files and editors' litter */
        size_t nl = strlen(de->d_name);
        char *e = malloc(nl + 2);
        if (e) {
            e[0] = (char)de->d_type;
            memcpy(e + 1, de->d_name, nl + 1);
        }
        if (pathlist_add(&names, e)) {
            problems = -1;
            break;
        }
        errno = 0;
    }
    if (problems == 0 && errno != 0) {
        if (!o->quiet)
            fprintf(stderr, "%s: %s: %s\n", prog, dir, strerror(errno));
        problems = 1;
    }
    closedir(d);
    if (problems >= 0 && names.n > 1) /* an empty directory has no array at all */
        qsort(names.v, (size_t)names.n, sizeof *names.v, cmp_names);
    stack->dev[stack->n] = st->st_dev;
    stack->ino[stack->n] = st->st_ino;
    stack->n++;
    size_t dl = strlen(dir);
    bool slash = dl > 0 && dir[dl - 1] == '/';
    for (int i = 0; i < names.n && problems >= 0; i++) {
        const char *name = names.v[i] + 1;
        size_t len = dl + 1 + strlen(name) + 1;
        char *path = malloc(len);
        if (!path) {
            problems = -1;
            break;
        }
        snprintf(path, len, "%s%s%s", dir, slash ? "" : "/", name);
        struct stat sub;
        if (names.v[i][0] == DT_REG) {
            /* A regular file by the directory entry itself (not a link):
             * no stat, which was a million system calls on a big corpus;
             * the extraction opens and checks it anyway. */
            if (o->from_jsonl && !has_suffix(path, ".jsonl"))
                free(path);
            else if (pathlist_add(out, path))
                problems = -1;
        } else if (stat(path, &sub) != 0) {
            /* A dangling link, or a chain of links that loops (ELOOP). */
            if (!o->quiet)
                fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
            problems++;
            free(path);
        } else if (S_ISDIR(sub.st_mode)) {
            int r = walk(o, path, &sub, stack, out);
            problems = r < 0 ? -1 : problems + r;
            free(path);
        } else if (S_ISREG(sub.st_mode) && (!o->from_jsonl || has_suffix(path, ".jsonl"))) {
            if (pathlist_add(out, path))
                problems = -1;
        } else {
            free(path); /* FIFOs, sockets, devices; other files with --from-jsonl */
        }
    }
    stack->n--;
    for (int i = 0; i < names.n; i++)
        free(names.v[i]);
    free(names.v);
    return problems;
}

int expand_inputs(opts *o)
{
    if (o->paths)
        return o->walk_failed;
    pathlist out = {0};
    int problems = 0;
    for (int i = 0; i < o->n_files && problems >= 0; i++) {
        const char *f = o->files[i];
        struct stat st;
        if (strcmp(f, "-") != 0 && stat(f, &st) == 0 && S_ISDIR(st.st_mode)) {
            dirstack stack = {.n = 0};
            int before = out.n;
            int r = walk(o, f, &st, &stack, &out);
            problems = r < 0 ? -1 : problems + r;
            if (r == 0 && out.n == before) {
                if (!o->quiet)
                    fprintf(stderr, "%s: %s: no input files in this directory\n", prog, f);
                problems++;
            }
        } else if (pathlist_add(&out, xstrdup(f))) {
            problems = -1; /* missing files are reported when they are read */
        }
    }
    if (problems < 0) {
        for (int i = 0; i < out.n; i++)
            free(out.v[i]);
        free(out.v);
        return -1;
    }
    o->paths = out.v;
    o->n_paths = out.n;
    o->walk_failed = problems;
    if (!o->paths) {
        o->paths = calloc(1, sizeof *o->paths);
        if (!o->paths)
            return -1;
    }
    return problems;
}

/* Reads one JSONL stream, handing each document to fn. Adds to *failed and
 * *total; returns -1 on a fatal error, else 0. */
static int each_jsonl(const opts *o, const char *path, int (*fn)(instcite_doc *, void *),
                      void *ctx, int *failed, int *total)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        if (!o->quiet)
            fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
        (*failed)++;
        (*total)++;
        return 0;
    }
    instcite_error err = {0};
    instcite_jsonl_reader *r = instcite_jsonl_reader_new(f, &err);
    int rc = r ? 0 : -1;
    while (r) {
        instcite_doc *doc = NULL;
        instcite_status st = instcite_jsonl_read(r, &doc, &err);
        if (st == INSTCITE_OK && !doc)
            break;
        if (st == INSTCITE_OK) {
            (*total)++;
            if (fn(doc, ctx)) {
                rc = -1;
                break;
            }
            continue;
        }
        if (st == INSTCITE_ERR_NOMEM) {
            rc = -1;
            break;
        }
        (*failed)++;
        (*total)++;
        if (!o->quiet)
            fprintf(stderr, "%s: %s: %s\n", prog, is_stdin ? "standard input" : path, err.message);
        if (st != INSTCITE_ERR_PARSE)
            break; /* a read error ends this stream */
    }
    instcite_jsonl_reader_free(r);
    if (!is_stdin)
        fclose(f);
    return rc;
}

instcite_doc *extract_one(const instcite_catalog *cat, const opts *o, const char *path,
                          instcite_error *err)
{
    instcite_options io = {.lang = o->lang, .encoding = o->encoding};
    io.invalid_policy = o->invalid && strcmp(o->invalid, "replace") == 0 ? INSTCITE_INVALID_REPLACE
                                                                          : INSTCITE_INVALID_REJECT;
    instcite_doc *doc = NULL;
    if (strcmp(path, "-") == 0)
        doc = read_stdin(cat, &io, err);
    else if (instcite_extract_file_opts(cat, path, &io, &doc, err) != INSTCITE_OK)
        doc = NULL;
    return doc;
}

void report_input_error(const opts *o, const char *path, const instcite_error *err)
{
    if (o->quiet)
        return;
    if (err->offset >= 0)
        fprintf(stderr, "%s: %s: byte %lld: %s\n", prog, path, err->offset, err->message);
    else
        fprintf(stderr, "%s: %s: %s\n", prog, path, err->message);
}

/* pre and fn of each_input_pre as one callback, for the inputs handled on
 * the calling thread. */
typedef struct both {
    void *(*pre)(instcite_doc **doc, void *ctx);
    int (*fn)(instcite_doc *doc, void *extra, void *ctx);
    void *ctx;
} both;

static int run_both(instcite_doc *doc, void *arg)
{
    both *b = arg;
    void *extra = b->pre ? b->pre(&doc, b->ctx) : NULL;
    return b->fn(doc, extra, b->ctx);
}

int each_input_pre(const instcite_catalog *cat, opts *o, void *(*pre)(instcite_doc **doc, void *ctx),
                   int (*fn)(instcite_doc *doc, void *extra, void *ctx), void *ctx, int *total)
{
    *total = 0;
    int failed = expand_inputs(o);
    if (failed < 0)
        return -1;
    *total = failed; /* directories that could not be walked count as inputs */
    int jobs = jobs_count(o);
    if (!o->from_jsonl && jobs > 1 && o->n_paths > 1) {
        *total += o->n_paths;
        int rc = each_input_parallel(cat, o, jobs, pre, fn, ctx, &failed);
        if (rc <= 0)
            return rc < 0 ? -1 : failed;
        *total -= o->n_paths; /* no thread could be started: one at a time */
    }
    both b = {.pre = pre, .fn = fn, .ctx = ctx};
    progress line;
    progress_start(&line, o, o->from_jsonl ? 0 : o->n_paths);
    for (int i = 0; i < o->n_paths; i++) {
        const char *path = o->paths[i];
        if (o->from_jsonl) {
            if (each_jsonl(o, path, run_both, &b, &failed, total))
                return -1;
            continue;
        }
        instcite_error err = {0};
        (*total)++;
        long long bytes = progress_size(&line, path);
        instcite_doc *doc = extract_one(cat, o, path, &err);
        if (doc) {
            if (run_both(doc, &b)) {
                progress_end(&line);
                return -1;
            }
        } else if (err.code == INSTCITE_ERR_NOMEM) {
            progress_end(&line);
            return -1;
        } else {
            failed++;
            report_input_error(o, path, &err);
        }
        progress_step(&line, bytes);
    }
    progress_end(&line);
    return failed;
}

/* each_input's fn under each_input_pre. */
typedef struct plain {
    int (*fn)(instcite_doc *doc, void *ctx);
    void *ctx;
} plain;

static int run_plain(instcite_doc *doc, void *extra, void *arg)
{
    (void)extra; /* no pre stage */
    plain *p = arg;
    return p->fn(doc, p->ctx);
}

int each_input(const instcite_catalog *cat, opts *o, int (*fn)(instcite_doc *doc, void *ctx),
               void *ctx, int *total)
{
    plain p = {.fn = fn, .ctx = ctx};
    return each_input_pre(cat, o, NULL, run_plain, &p, total);
}

typedef struct collect {
    instcite_doc **docs;
    size_t n, cap;
} collect;

static int collect_doc(instcite_doc *doc, void *ctx)
{
    collect *c = ctx;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        instcite_doc **v = realloc(c->docs, cap * sizeof *v);
        if (!v) {
            instcite_doc_free(doc);
            return -1;
        }
        c->docs = v;
        c->cap = cap;
    }
    c->docs[c->n++] = doc;
    return 0;
}

int extract_inputs(const instcite_catalog *cat, opts *o, instcite_doc ***docs, size_t *n_ok,
                   int *total)
{
    collect c = {0};
    int failed = each_input(cat, o, collect_doc, &c, total);
    if (!c.docs)
        c.docs = calloc(1, sizeof *c.docs);
    if (!c.docs)
        failed = -1;
    *docs = c.docs;
    *n_ok = c.n;
    return failed;
}

void help_inputs(FILE *to)
{
    fputs("inputs (FILE: a path, - for standard input, or a directory, walked):\n"
          "  -l, --lang L      zh en fr es ru ar (default: detected per file)\n"
          "  -c, --catalog CSV add or override catalog rows\n"
          "      --encoding E  auto (default), utf-8, utf-16, gb18030, big5, ...\n"
          "      --invalid P   bytes invalid in it: reject (default) or replace\n"
          "  -j, --jobs N      extraction threads (default: one per core)\n"
          "      --from-jsonl  inputs are `instcite extract --format jsonl` streams\n"
          "  -q, --quiet       only the summary of failed inputs\n",
          to);
}

void report_failures(const opts *o, int failed, int total)
{
    if (failed > 0)
        fprintf(stderr, "%s: %d of %d %s failed\n", prog, failed, total,
                o->from_jsonl ? "documents" : "files");
}

size_t count_option(const char *value, const char *name, size_t dflt)
{
    if (!value)
        return dflt;
    char *end;
    unsigned long long v = strtoull(value, &end, 10);
    if (value[0] < '0' || value[0] > '9' || *end || v == 0 || v > 1000000) {
        fprintf(stderr, "%s: %s must be a number from 1 to 1000000, not '%s'\n", prog, name, value);
        return 0;
    }
    return (size_t)v;
}

int add_to_graph(instcite_doc *doc, void *ctx)
{
    graph_adder *a = ctx;
    double t = now_seconds();
    a->st = instcite_graph_add(a->g, doc, &a->err);
    a->seconds += now_seconds() - t;
    instcite_doc_free(doc);
    return a->st != INSTCITE_OK;
}

double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
