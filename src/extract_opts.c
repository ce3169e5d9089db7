/*
 * Extraction with options: the input's encoding and what to do with invalid
 * bytes, and reading a file without ever blocking on it.
 *
 * The input is decoded to UTF-8 first (src/text/encoding.c); when that is a
 * new buffer, the extractor runs on it and every input offset it recorded
 * (mention and warning start/end) is translated back to the caller's bytes
 * afterwards. Offsets stored anywhere else in a document must be added to
 * remap() below. PDF, HTML and Word documents (src/input/) are handed to
 * instcite_extract as they are: they are read by their format.
 */
#include "extract/doc.h"
#include "input/input.h"
#include "text/encoding.h"
#include "text/text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void set_err(instcite_error *err, instcite_status code, const char *msg)
{
    if (!err)
        return;
    err->code = code;
    err->offset = -1;
    err->line = 0;
    snprintf(err->message, sizeof err->message, "%s", msg);
}

const char *instcite_encoding_name(const char *name)
{
    return enc_canonical(name);
}

static bool remap(instcite_doc *doc, const encoded *e)
{
    for (size_t i = 0; i < doc->n_mentions; i++) {
        doc->mentions[i].start = enc_input_offset(e, doc->mentions[i].start);
        doc->mentions[i].end = enc_input_offset(e, doc->mentions[i].end);
    }
    for (size_t i = 0; i < doc->n_warnings; i++) {
        doc->warnings[i].start = enc_input_offset(e, doc->warnings[i].start);
        doc->warnings[i].end = enc_input_offset(e, doc->warnings[i].end);
    }
    return true;
}

static bool warn(instcite_doc *doc, const char *code, size_t s, size_t end, const char *msg)
{
    instcite_warning *w = doc_add_warning(doc);
    if (!w)
        return false;
    w->code = doc_strdup(doc, code);
    w->where = doc_strdup(doc, "INPUT");
    w->start = s;
    w->end = end;
    w->message = doc_strdup(doc, msg);
    return w->code && w->where && w->message;
}

/* The encoding and replacement warnings of a converted input. */
static bool encoding_warnings(instcite_doc *doc, const encoded *e)
{
    char msg[200];
    if (e->detected) {
        snprintf(msg, sizeof msg, "not UTF-8: read as %s (detected)", e->name);
        if (!warn(doc, "encoding-detected", 0, 0, msg))
            return false;
    }
    size_t shown = e->n_bad < ENC_MAX_BAD ? e->n_bad : ENC_MAX_BAD;
    for (size_t i = 0; i < shown; i++) {
        const enc_bad *b = &e->bad[i];
        char hex[16] = "";
        for (size_t k = b->start; k < b->end && k < b->start + 4; k++)
            snprintf(hex + strlen(hex), sizeof hex - strlen(hex), "%s%02X", k > b->start ? " " : "", e->in[k]);
        snprintf(msg, sizeof msg, "invalid %s (%s) at offset %zu replaced with U+FFFD", e->name, hex, b->start);
        if (!warn(doc, "invalid-replaced", b->start, b->end, msg))
            return false;
    }
    if (e->n_bad > shown) {
        snprintf(msg, sizeof msg, "%zu more invalid sequences replaced with U+FFFD (only the first %d are listed)",
                 e->n_bad - shown, ENC_MAX_BAD);
        if (!warn(doc, "invalid-replaced", e->bad[shown - 1].end, e->in_len, msg))
            return false;
    }
    return true;
}

static instcite_doc *extract_named(const instcite_catalog *cat, const char *name, const void *bytes, size_t len,
                                   const instcite_options *opts, instcite_error *err);

/* name with every byte that is not valid UTF-8 replaced by U+FFFD (a file
 * name is any bytes; every output format needs UTF-8). NULL when name is
 * valid as it is, or out of memory (*oom set). */
static char *utf8_name(const char *name, bool *oom)
{
    *oom = false;
    size_t n = name ? strlen(name) : 0;
    if (!name || utf8_valid((const unsigned char *)name, n))
        return NULL;
    char *out = malloc(3 * n + 1);
    if (!out) {
        *oom = true;
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t k = utf8_decode((const unsigned char *)name + i, n - i, &cp);
        if (k) {
            memcpy(out + o, name + i, k);
            o += k;
            i += k;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    out[o] = '\0';
    return out;
}

instcite_doc *instcite_extract_opts(const instcite_catalog *cat, const char *name, const void *bytes, size_t len,
                                    const instcite_options *opts, instcite_error *err)
{
    static const instcite_options defaults = {0};
    if (!opts)
        opts = &defaults;
    if (opts->invalid_policy != INSTCITE_INVALID_REJECT && opts->invalid_policy != INSTCITE_INVALID_REPLACE) {
        set_err(err, INSTCITE_ERR_INVALID, "unknown invalid-input policy");
        return NULL;
    }
    if (!cat || (!bytes && len)) {
        set_err(err, INSTCITE_ERR_INVALID, "no catalog or no input");
        return NULL;
    }
    bool oom;
    char *fixed = utf8_name(name, &oom);
    if (oom) {
        set_err(err, INSTCITE_ERR_NOMEM, "out of memory");
        return NULL;
    }
    instcite_doc *doc = extract_named(cat, fixed ? fixed : name, bytes, len, opts, err);
    free(fixed);
    return doc;
}

static instcite_doc *extract_named(const instcite_catalog *cat, const char *name, const void *bytes, size_t len,
                                   const instcite_options *opts, instcite_error *err)
{
    /* A PDF, HTML or .docx document is read by its format, not decoded. */
    if (input_detect(bytes, len, name) != INPUT_TEXT)
        return instcite_extract(cat, name, bytes, len, opts->lang, err);
    bool allow_gb = !opts->lang || strcmp(opts->lang, "zh") == 0;
    encoded e;
    instcite_doc *doc = NULL;
    /* Input is nearly always valid UTF-8, and text_init checks every byte
     * as it normalises: it is tried as such first, and only an input that
     * text_init finds invalid goes through the whole detection (a pass of
     * its own over the bytes, 10% of extracting Chinese). */
    if (enc_assume_utf8(&e, bytes, len, opts->encoding)) {
        instcite_error trial = {0};
        doc = instcite_extract(cat, name, e.u8, e.u8_len, opts->lang, &trial);
        if (!doc && trial.code != INSTCITE_ERR_ENCODING) {
            if (err)
                *err = trial;
            return NULL;
        }
    }
    if (!doc) {
        if (enc_decode(&e, bytes, len, opts->encoding, opts->invalid_policy == INSTCITE_INVALID_REPLACE,
                       allow_gb, err) != INSTCITE_OK)
            return NULL;
        doc = instcite_extract(cat, name, e.u8, e.u8_len, opts->lang, err);
    }
    if (!doc) {
        if (err && err->offset >= 0 && e.converted)
            err->offset = (long long)enc_input_offset(&e, (size_t)err->offset);
        enc_destroy(&e);
        return NULL;
    }
    if (e.converted && (!remap(doc, &e) || !encoding_warnings(doc, &e))) {
        instcite_doc_free(doc);
        enc_destroy(&e);
        set_err(err, INSTCITE_ERR_NOMEM, "out of memory");
        return NULL;
    }
    enc_destroy(&e);
    return doc;
}

/* Why a file that is not a regular file is refused. */
static const char *not_regular(mode_t m)
{
    return S_ISDIR(m)                 ? "is a directory"
           : S_ISFIFO(m)              ? "not a regular file (a FIFO): refused"
           : S_ISCHR(m) || S_ISBLK(m) ? "not a regular file (a device): refused"
           : S_ISSOCK(m)              ? "not a regular file (a socket): refused"
                                      : "not a regular file: refused";
}

/* Reads a whole regular file into a new buffer. Never blocks on a FIFO or a
 * device: the file is opened non-blocking and refused unless regular. */
static instcite_status read_file(const char *path, char **buf, size_t *len, instcite_error *err)
{
    *buf = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        struct stat st;
        /* A socket cannot be opened (ENXIO): say what it is. */
        if (e == ENXIO && stat(path, &st) == 0 && !S_ISREG(st.st_mode))
            set_err(err, INSTCITE_ERR_IO, not_regular(st.st_mode));
        else
            set_err(err, INSTCITE_ERR_IO, strerror(e));
        return INSTCITE_ERR_IO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        set_err(err, INSTCITE_ERR_IO, strerror(errno));
        close(fd);
        return INSTCITE_ERR_IO;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        set_err(err, INSTCITE_ERR_IO, not_regular(st.st_mode));
        return INSTCITE_ERR_IO;
    }
    if ((unsigned long long)st.st_size > INSTCITE_MAX_INPUT) {
        close(fd);
        set_err(err, INSTCITE_ERR_LIMIT, "file larger than the 1 GiB input limit");
        return INSTCITE_ERR_LIMIT;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *b = malloc(cap);
    if (!b) {
        close(fd);
        set_err(err, INSTCITE_ERR_NOMEM, "out of memory");
        return INSTCITE_ERR_NOMEM;
    }
    for (;;) {
        ssize_t got = read(fd, b + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            set_err(err, INSTCITE_ERR_IO, strerror(errno));
            break;
        }
        if (got == 0) {
            close(fd);
            *buf = b;
            *len = n;
            return INSTCITE_OK;
        }
        n += (size_t)got;
        if (n == cap) { /* the file grew while we read it */
            set_err(err, INSTCITE_ERR_IO, "file changed while being read");
            break;
        }
    }
    close(fd);
    free(b);
    return err ? err->code : INSTCITE_ERR_IO;
}

instcite_status instcite_extract_file_opts(const instcite_catalog *cat, const char *path,
                                           const instcite_options *opts, instcite_doc **out,
                                           instcite_error *err)
{
    instcite_error local;
    instcite_error *e = err ? err : &local;
    *out = NULL;
    char *buf;
    size_t len;
    instcite_status st = read_file(path, &buf, &len, e);
    if (st != INSTCITE_OK)
        return st;
    *out = instcite_extract_opts(cat, path, buf, len, opts, e);
    free(buf);
    return *out ? INSTCITE_OK : e->code;
}
