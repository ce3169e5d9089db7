/*
 * Rebuilding documents from the JSON Lines records of `instcite extract
 * --format jsonl` (see the README, "Output records").
 *
 * The records of one document are contiguous: a "document" record, then its
 * "mention", "relation" and "warning" records, each naming the document in
 * "doc". The reader keeps the document being assembled and hands it out when
 * the next "document" record (or the end of the stream) shows it complete.
 *
 * A malformed line drops the document it belongs to: what follows up to the
 * next "document" record is skipped silently (it would only repeat the
 * error). Rebuilt documents hold exactly what the records say; fields the
 * records do not carry (none the graph or comparison uses) stay absent, and
 * the confidence keeps the 3 decimals the writer printed.
 */
#define _POSIX_C_SOURCE 200809L
#include "extract/doc.h"
#include "error_set.h"

#include <cjson/cJSON.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct instcite_jsonl_reader {
    FILE *in;          /* borrowed */
    char *line;        /* getline buffer */
    size_t line_cap;
    long line_no;      /* number of the last line read */
    instcite_doc *doc; /* document being assembled, or NULL */
    const char *ident; /* its "doc" value (in doc's arena) */
    bool skipping;     /* after a malformed line: skip to the next document */
    bool eof;
    /* A malformed "document" record right after a complete document: the
     * complete one is returned first, this error on the next call. */
    bool has_pending;
    instcite_error pending;
};

static instcite_status fail(instcite_error *err, instcite_status code, long line, const char *fmt,
                            ...) __attribute__((format(printf, 4, 5)));

static instcite_status fail(instcite_error *err, instcite_status code, long line, const char *fmt,
                            ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, code, -1, line, fmt, ap);
    va_end(ap);
    return code;
}

instcite_jsonl_reader *instcite_jsonl_reader_new(FILE *in, instcite_error *err)
{
    instcite_jsonl_reader *r = in ? calloc(1, sizeof *r) : NULL;
    if (!r) {
        fail(err, in ? INSTCITE_ERR_NOMEM : INSTCITE_ERR_INVALID, 0,
             in ? "out of memory" : "instcite_jsonl_reader_new: NULL stream");
        return NULL;
    }
    r->in = in;
    return r;
}

void instcite_jsonl_reader_free(instcite_jsonl_reader *r)
{
    if (!r)
        return;
    instcite_doc_free(r->doc);
    free(r->line);
    free(r);
}

/* ------------------------------------------------------------------------ */
/* Fields                                                                    */

/* Field conversion state: the first problem found is kept in why.
 *
 * The record's fields are indexed once (conv_index): a mention record has
 * about twenty, and looking each up with cJSON_GetObjectItemCaseSensitive
 * compared names twenty times over (strcmp was 18% of graph --from-jsonl).
 * The index answers what cJSON's lookup answers, a name's first
 * occurrence; a record with more fields than it holds falls back to it. */
#define FIELD_MAX 48
typedef struct conv {
    const cJSON *obj;
    instcite_doc *doc;
    int n; /* fields indexed; -1: too many, ask cJSON */
    uint32_t hash[FIELD_MAX];
    const cJSON *item[FIELD_MAX];
    char why[160];
    bool oom;
} conv;

static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void conv_index(conv *c)
{
    c->n = 0;
    for (const cJSON *v = c->obj->child; v; v = v->next) {
        if (c->n == FIELD_MAX || !v->string) {
            c->n = -1;
            return;
        }
        c->item[c->n] = v;
        c->hash[c->n++] = name_hash(v->string);
    }
}

static const cJSON *field(const conv *c, const char *name)
{
    if (c->n < 0)
        return cJSON_GetObjectItemCaseSensitive(c->obj, name);
    uint32_t h = name_hash(name);
    for (int i = 0; i < c->n; i++)
        if (c->hash[i] == h && strcmp(c->item[i]->string, name) == 0)
            return c->item[i];
    return NULL;
}

static bool bad(conv *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool bad(conv *c, const char *fmt, ...)
{
    if (!c->why[0]) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(c->why, sizeof c->why, fmt, ap);
        va_end(ap);
    }
    return false;
}

static bool failed(const conv *c)
{
    return c->oom || c->why[0];
}

/* An optional string field copied into the document; absent or null ->
 * NULL. */
static const char *str_field(conv *c, const char *name)
{
    const cJSON *v = field(c, name);
    if (!v || cJSON_IsNull(v))
        return NULL;
    if (!cJSON_IsString(v)) {
        bad(c, "field \"%s\" is not a string", name);
        return NULL;
    }
    const char *s = doc_strdup(c->doc, v->valuestring);
    if (!s)
        c->oom = true;
    return s;
}

static const char *required_str(conv *c, const char *name)
{
    const char *s = str_field(c, name);
    if (!s && !failed(c))
        bad(c, "field \"%s\" is missing", name);
    return s;
}

/* An optional non-negative integer field (absent -> 0). */
static unsigned long long uint_field(conv *c, const char *name)
{
    const cJSON *v = field(c, name);
    if (!v || cJSON_IsNull(v))
        return 0;
    /* 2^53: the largest integer a JSON number carries exactly. */
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= 0) || v->valuedouble > 9007199254740992.0 ||
        v->valuedouble != (double)(unsigned long long)v->valuedouble) {
        bad(c, "field \"%s\" is not a non-negative integer", name);
        return 0;
    }
    return (unsigned long long)v->valuedouble;
}

static int int_field(conv *c, const char *name)
{
    unsigned long long u = uint_field(c, name);
    if (u > 1000000000ull) {
        bad(c, "field \"%s\" is out of range", name);
        return 0;
    }
    return (int)u;
}

static instcite_kind kind_field(conv *c, const char *name)
{
    const char *s = str_field(c, name);
    if (!s)
        return INSTCITE_KIND_UNKNOWN;
    instcite_kind k = instcite_kind_from_name(s);
    if (k == INSTCITE_KIND_UNKNOWN && strcmp(s, "unknown") != 0)
        bad(c, "unknown kind \"%s\"", s);
    return k;
}

/* ------------------------------------------------------------------------ */
/* Records                                                                   */

/* Starts a new document from a "document" record. */
static instcite_status begin_document(instcite_jsonl_reader *r, const cJSON *obj,
                                      instcite_error *err)
{
    const cJSON *ident = cJSON_GetObjectItemCaseSensitive(obj, "doc");
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(obj, "name");
    if (!cJSON_IsString(ident))
        return fail(err, INSTCITE_ERR_PARSE, r->line_no,
                    "document record without a \"doc\" string");
    const char *nm = cJSON_IsString(name) ? name->valuestring : ident->valuestring;
    instcite_doc *doc = doc_new(nm);
    if (!doc)
        return fail(err, INSTCITE_ERR_NOMEM, r->line_no, "out of memory");
    conv c = {.obj = obj, .doc = doc};
    conv_index(&c);
    instcite_docinfo *d = &doc->info;
    if (name && !cJSON_IsString(name))
        bad(&c, "field \"name\" is not a string");
    d->lang = str_field(&c, "lang");
    d->source = str_field(&c, "source");
    d->symbol = str_field(&c, "symbol");
    d->kind = kind_field(&c, "kind");
    d->body = str_field(&c, "body");
    d->session = int_field(&c, "session");
    d->agenda_item = str_field(&c, "agenda_item");
    d->agenda_title = str_field(&c, "agenda_title");
    d->date = str_field(&c, "date");
    d->title = str_field(&c, "title");
    d->report = str_field(&c, "report");
    d->committee = str_field(&c, "committee");
    d->plenary_meeting = int_field(&c, "plenary_meeting");
    d->closing_date = str_field(&c, "closing_date");
    d->preambular = (size_t)uint_field(&c, "preambular");
    d->operative = (size_t)uint_field(&c, "operative");
    d->footnotes = (size_t)uint_field(&c, "footnotes");
    r->ident = doc_strdup(doc, ident->valuestring);
    if (c.oom || !r->ident) {
        instcite_doc_free(doc);
        r->ident = NULL; /* it lived in doc */
        return fail(err, INSTCITE_ERR_NOMEM, r->line_no, "out of memory");
    }
    if (c.why[0]) {
        instcite_doc_free(doc);
        r->ident = NULL;
        return fail(err, INSTCITE_ERR_PARSE, r->line_no, "document %s: %s", ident->valuestring,
                    c.why);
    }
    /* The writer's "doc" is the symbol, else the name: anything else means
     * the record was edited and the graph would not find the same node.
     * The message is built from the JSON value: r->ident dies with doc. */
    const char *expect = d->symbol ? d->symbol : d->name;
    if (strcmp(expect, r->ident) != 0) {
        instcite_doc_free(doc);
        r->ident = NULL;
        return fail(err, INSTCITE_ERR_PARSE, r->line_no,
                    "document record: \"doc\" is \"%s\", not its symbol or name", ident->valuestring);
    }
    r->doc = doc;
    return INSTCITE_OK;
}

static bool add_mention(conv *c)
{
    instcite_mention *m = doc_add_mention(c->doc);
    if (!m) {
        c->oom = true;
        return false;
    }
    m->where = required_str(c, "where");
    m->kind = kind_field(c, "kind");
    m->key = str_field(c, "key");
    m->title_en = str_field(c, "title_en");
    m->symbol = str_field(c, "symbol");
    m->body = str_field(c, "body");
    m->number = str_field(c, "number");
    m->date = str_field(c, "date");
    m->title = str_field(c, "title");
    m->footnote = str_field(c, "footnote");
    m->unts = str_field(c, "unts");
    m->verb = str_field(c, "verb");
    m->clause = str_field(c, "clause");
    m->catalog_id = str_field(c, "catalog_id");
    m->start = (size_t)uint_field(c, "start");
    m->end = (size_t)uint_field(c, "end");
    m->text = str_field(c, "text");
    const cJSON *conf = field(c, "confidence");
    if (conf && !cJSON_IsNumber(conf))
        bad(c, "field \"confidence\" is not a number");
    m->confidence = conf && cJSON_IsNumber(conf) ? conf->valuedouble : NAN;
    if (!failed(c) && m->end < m->start)
        bad(c, "mention ends (%zu) before it starts (%zu)", m->end, m->start);
    if (!failed(c) && !m->key && !m->symbol && !m->catalog_id && !m->title)
        bad(c, "mention without key, symbol, catalog_id or title");
    return !failed(c);
}

static bool add_relation(conv *c)
{
    instcite_relation *rel = doc_add_relation(c->doc);
    if (!rel) {
        c->oom = true;
        return false;
    }
    rel->from = required_str(c, "from");
    rel->type = required_str(c, "relation");
    rel->to = required_str(c, "to");
    rel->where = str_field(c, "where");
    return !failed(c);
}

static bool add_warning(conv *c)
{
    instcite_warning *w = doc_add_warning(c->doc);
    if (!w) {
        c->oom = true;
        return false;
    }
    w->code = required_str(c, "code");
    w->where = str_field(c, "where");
    w->start = (size_t)uint_field(c, "start");
    w->end = (size_t)uint_field(c, "end");
    w->message = str_field(c, "message");
    return !failed(c);
}

/* Drops the document being assembled after a malformed line and reports
 * the line. */
static instcite_status reject(instcite_jsonl_reader *r, instcite_error *err, const char *why)
{
    char what[96] = "";
    if (r->doc)
        snprintf(what, sizeof what, " (document %s skipped)", r->ident);
    instcite_doc_free(r->doc);
    r->doc = NULL;
    r->ident = NULL;
    r->skipping = true;
    return fail(err, INSTCITE_ERR_PARSE, r->line_no, "line %ld: %s%s", r->line_no, why, what);
}

/* Handles one non-empty line. *done receives a finished document. */
static instcite_status take_line(instcite_jsonl_reader *r, const char *text, size_t len,
                                 instcite_doc **done, instcite_error *err)
{
    cJSON *obj = cJSON_ParseWithLength(text, len);
    if (!obj) {
        /* cJSON keeps its error position in a process-global; it is not
         * reported, the line number says enough. */
        return reject(r, err, "not valid JSON");
    }
    instcite_status st = INSTCITE_OK;
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(obj, "type");
    if (!cJSON_IsObject(obj) || !cJSON_IsString(type)) {
        st = reject(r, err, "not a record (a JSON object with a \"type\" string)");
        goto out;
    }
    const char *t = type->valuestring;
    if (strcmp(t, "document") == 0) {
        instcite_doc *prev = r->doc;
        r->doc = NULL;
        r->skipping = false;
        st = begin_document(r, obj, err);
        if (st == INSTCITE_ERR_PARSE) {
            char why[sizeof err->message];
            snprintf(why, sizeof why, "%s", err ? err->message : "malformed document record");
            st = reject(r, err, why);
        }
        if (st == INSTCITE_ERR_PARSE && prev) {
            /* prev is complete and good: hand it out now, report the
             * error on the next call. */
            r->has_pending = true;
            if (err)
                r->pending = *err;
            else
                r->pending.code = st;
            st = INSTCITE_OK;
        } else if (st != INSTCITE_OK) {
            instcite_doc_free(prev);
            goto out;
        }
        *done = prev;
        goto out;
    }
    bool known = !strcmp(t, "mention") || !strcmp(t, "relation") || !strcmp(t, "warning");
    if (!known) {
        char why[96];
        snprintf(why, sizeof why, "unknown record type \"%.40s\"", t);
        st = reject(r, err, why);
        goto out;
    }
    if (r->skipping)
        goto out;
    if (!r->doc) {
        st = reject(r, err, "a record before any document record");
        goto out;
    }
    const cJSON *ident = cJSON_GetObjectItemCaseSensitive(obj, "doc");
    if (!cJSON_IsString(ident) || strcmp(ident->valuestring, r->ident) != 0) {
        st = reject(r, err, "record of another document (records of one document must follow "
                            "its document record)");
        goto out;
    }
    conv c = {.obj = obj, .doc = r->doc};
    conv_index(&c);
    bool ok = t[0] == 'm' ? add_mention(&c) : t[0] == 'r' ? add_relation(&c) : add_warning(&c);
    if (c.oom)
        st = fail(err, INSTCITE_ERR_NOMEM, r->line_no, "out of memory");
    else if (!ok) {
        char why[200];
        snprintf(why, sizeof why, "%s record: %s", t, c.why);
        st = reject(r, err, why);
    }
out:
    cJSON_Delete(obj);
    return st;
}

instcite_status instcite_jsonl_read(instcite_jsonl_reader *r, instcite_doc **out,
                                    instcite_error *err)
{
    if (!r || !out)
        return fail(err, INSTCITE_ERR_INVALID, 0, "instcite_jsonl_read: NULL argument");
    *out = NULL;
    if (r->has_pending) {
        r->has_pending = false;
        if (err)
            *err = r->pending;
        return r->pending.code;
    }
    while (!r->eof) {
        errno = 0;
        ssize_t n = getline(&r->line, &r->line_cap, r->in);
        if (n < 0) {
            if (ferror(r->in))
                return fail(err, errno == ENOMEM ? INSTCITE_ERR_NOMEM : INSTCITE_ERR_IO,
                            r->line_no, "read error after line %ld: %s", r->line_no,
                            errno ? strerror(errno) : "I/O error");
            r->eof = true;
            break;
        }
        r->line_no++;
        size_t len = (size_t)n;
        while (len > 0 && (r->line[len - 1] == '\n' || r->line[len - 1] == '\r'))
            len--;
        size_t lead = 0;
        while (lead < len && (r->line[lead] == ' ' || r->line[lead] == '\t'))
            lead++;
        if (lead == len)
            continue;
        instcite_doc *done = NULL;
        instcite_status st = take_line(r, r->line + lead, len - lead, &done, err);
        if (done) {
            *out = done;
            return INSTCITE_OK;
        }
        if (st != INSTCITE_OK)
            return st;
    }
    *out = r->doc;
    r->doc = NULL;
    r->ident = NULL;
    return INSTCITE_OK;
}
