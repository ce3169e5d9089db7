/* instcite extract: the mentions of every input, as records. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void help(FILE *to)
{
    fputs("usage: instcite extract [options] FILE...\n"
          "Finds every instrument each FILE cites and prints the mentions.\n"
          "\n"
          "  -f, --format F    table (default on a terminal), jsonl (default otherwise),\n"
          "                    json, csv\n"
          "  -o, --output OUT  write to OUT (default: standard output), whole or not at\n"
          "                    all; the format follows its extension when -f is not given\n"
          "\n",
          to);
    help_inputs(to);
    fputs("\n"
          "examples:\n"
          "  instcite extract datasets/A_RES_74_174.zh.txt\n"
          "  instcite extract --format jsonl res/ > mentions.jsonl\n"
          "  instcite extract -f csv -o mentions.csv res/*.txt\n",
          to);
}

/* The format asked for, or UNKNOWN after printing why. */
static instcite_format choose_format(const opts *o)
{
    instcite_format fmt;
    if (o->format) {
        fmt = instcite_format_from_name(o->format);
        if (fmt != INSTCITE_FORMAT_TABLE && fmt != INSTCITE_FORMAT_JSONL &&
            fmt != INSTCITE_FORMAT_JSON && fmt != INSTCITE_FORMAT_CSV) {
            fprintf(stderr, "%s: extract: unknown format '%s' (table jsonl json csv)\n", prog, o->format);
            return INSTCITE_FORMAT_UNKNOWN;
        }
        return fmt;
    }
    if (o->output && strcmp(o->output, "-") != 0) {
        const char *dot = strrchr(o->output, '.');
        fmt = dot ? instcite_format_from_name(dot + 1) : INSTCITE_FORMAT_UNKNOWN;
        if (fmt == INSTCITE_FORMAT_TABLE || fmt == INSTCITE_FORMAT_JSON || fmt == INSTCITE_FORMAT_CSV)
            return fmt;
        return INSTCITE_FORMAT_JSONL;
    }
    return isatty(STDOUT_FILENO) ? INSTCITE_FORMAT_TABLE : INSTCITE_FORMAT_JSONL;
}

typedef struct streamer {
    FILE *out;
    instcite_status st;
    instcite_error err;
} streamer;

/* A document's JSONL records rendered in memory (on the thread that extracted
 * it): this header, then len bytes. One malloc'd block. */
typedef struct rendered {
    instcite_status st;
    instcite_error err;
    size_t len;
} rendered;

static void *render_one(instcite_doc **docp, void *ctx)
{
    (void)ctx;
    const instcite_doc *doc = *docp;
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    if (!f)
        return NULL; /* write_one renders it again on the calling thread */
    rendered h = {.st = INSTCITE_OK};
    const instcite_doc *one[1] = {doc};
    if (fwrite(&h, sizeof h, 1, f) == 1)
        h.st = instcite_records_write(one, 1, INSTCITE_FORMAT_JSONL, f, &h.err);
    else
        h.st = INSTCITE_ERR_NOMEM;
    if (fclose(f) != 0 || size < sizeof h) {
        free(buf);
        return NULL;
    }
    h.len = size - sizeof h;
    memcpy(buf, &h, sizeof h);
    if (h.st == INSTCITE_OK) { /* write_one needs only the bytes */
        instcite_doc_free(*docp);
        *docp = NULL;
    }
    return buf;
}

static int write_one(instcite_doc *doc, void *extra, void *ctx)
{
    streamer *w = ctx;
    rendered h;
    if (!extra || (memcpy(&h, extra, sizeof h), h.st != INSTCITE_OK)) {
        /* Not rendered (or failed there): the same call here says why. */
        const instcite_doc *one[1] = {doc};
        w->st = instcite_records_write(one, 1, INSTCITE_FORMAT_JSONL, w->out, &w->err);
    } else {
        errno = 0;
        if ((h.len && fwrite((char *)extra + sizeof h, 1, h.len, w->out) != h.len) ||
            ferror(w->out)) {
            /* as instcite_records_write reports it */
            int e = errno;
            w->st = INSTCITE_ERR_IO;
            w->err.code = INSTCITE_ERR_IO;
            w->err.offset = -1;
            w->err.line = 0;
            snprintf(w->err.message, sizeof w->err.message, "cannot write records: %s",
                     e ? strerror(e) : "write error");
        }
    }
    free(extra);
    instcite_doc_free(doc);
    return w->st != INSTCITE_OK;
}

/* extract --format jsonl: streamed through each_input. */
static int extract_jsonl(const instcite_catalog *cat, opts *o)
{
    sink s;
    if (!sink_open(&s, o->output))
        return EXIT_FATAL;
    streamer w = {.out = s.f, .st = INSTCITE_OK};
    int total = 0;
    int failed = each_input_pre(cat, o, render_one, write_one, &w, &total);
    if (w.st != INSTCITE_OK)
        fprintf(stderr, "%s: %s: %s\n", prog, o->output ? o->output : "standard output",
                w.err.message[0] ? w.err.message : instcite_strerror(w.st));
    else if (failed < 0)
        fprintf(stderr, "%s: out of memory\n", prog);
    bool ok = sink_close(&s, failed >= 0 && w.st == INSTCITE_OK);
    if (failed >= 0)
        report_failures(o, failed, total);
    return ok ? (failed ? EXIT_PARTIAL : 0) : EXIT_FATAL;
}

int cmd_extract(int argc, char **argv)
{
    opts o;
    int rc = opts_parse(argc, argv, &o, help);
    if (rc) {
        opts_free(&o);
        return rc;
    }
    instcite_format fmt = choose_format(&o);
    instcite_catalog *cat;
    if ((rc = command_start(&o, fmt != INSTCITE_FORMAT_UNKNOWN, &cat)))
        return rc;
    if (fmt == INSTCITE_FORMAT_JSONL) {
        /* One record stream: each document is written as it comes and
         * freed, so memory does not grow with the corpus. */
        int status = extract_jsonl(cat, &o);
        instcite_catalog_free(cat);
        opts_free(&o);
        return status;
    }
    instcite_doc **docs;
    size_t n = 0;
    int total = 0;
    int failed = extract_inputs(cat, &o, &docs, &n, &total);
    int status = 0;
    if (failed < 0) {
        fprintf(stderr, "%s: out of memory\n", prog);
        status = EXIT_FATAL;
    } else {
        sink s;
        bool ok = sink_open(&s, o.output);
        if (ok) {
            instcite_error err = {0};
            instcite_status st = instcite_records_write((const instcite_doc *const *)docs, n, fmt, s.f, &err);
            if (st != INSTCITE_OK)
                fprintf(stderr, "%s: %s: %s\n", prog, o.output ? o.output : "standard output",
                        err.message[0] ? err.message : instcite_strerror(st));
            ok = sink_close(&s, st == INSTCITE_OK);
        }
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
