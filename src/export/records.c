/*
 * Extraction-record writers: JSON Lines, JSON, CSV and a terminal table.
 *
 * Every writer walks the documents through the public accessors only, so it
 * works on any instcite_doc however it was built. Output is deterministic:
 * fixed key order, fixed number formatting (locale-independent), no clock.
 *
 * Field conventions shared by the writers
 *  - "doc" is the document's symbol, or its name when the symbol is unknown.
 *  - String fields whose value is NULL are omitted (JSON) or empty (CSV).
 *  - The integer fields "session" and "plenary_meeting" use 0 for "absent"
 *    and are omitted when 0; the paragraph counts are always written.
 *  - confidence is rounded to 3 decimals before printing; a non-finite
 *    confidence is omitted (JSON) or empty (CSV).
 *  - CSV: every cell is quoted (libcsv). Text cells (all but start, end and
 *    confidence) that begin with = + - @ TAB or CR get a leading apostrophe
 *    so that a spreadsheet shows them instead of evaluating them.
 *  - TABLE: UTF-8, no colour; control characters in cells print as spaces;
 *    long keys are cut to KEY_WIDTH display columns with "…".
 */
#include "instcite.h"
#include "error_set.h"

#include <cjson/cJSON.h>
#include <csv.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest KEY cell in the table, in display columns (including the "…"). */
enum { KEY_WIDTH = 48 };

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

static instcite_status fail(instcite_error *err, instcite_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static instcite_status fail(instcite_error *err, instcite_status code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, code, -1, 0, fmt, ap);
    va_end(ap);
    return code;
}

static instcite_status io_fail(instcite_error *err)
{
    int e = errno;
    return fail(err, INSTCITE_ERR_IO, "cannot write records: %s",
                e ? strerror(e) : "write error");
}

/* Flushes out and reports a write error seen at any point so far. */
static instcite_status check_stream(FILE *out, instcite_error *err)
{
    errno = 0;
    if (fflush(out) != 0 || ferror(out))
        return io_fail(err);
    return INSTCITE_OK;
}

/* ------------------------------------------------------------------------ */
/* Small shared helpers                                                     */

static const char *doc_ident(const instcite_docinfo *info)
{
    if (info->symbol)
        return info->symbol;
    return info->name ? info->name : "-";
}

/* x * 1000 rounded half away from zero; x must be finite and modest. Done by
 * hand so that the library does not need libm. */
static long long milli(double x)
{
    double y = x * 1000.0;
    return (long long)(y < 0 ? y - 0.5 : y + 0.5);
}

/* Confidences outside this range are not printed (they are meant to be
 * 0..1; this only keeps the integer conversion defined). */
static bool printable_confidence(double c)
{
    return isfinite(c) && c > -1e12 && c < 1e12;
}

/* The decimal digits of u, written backwards so that they end just before
 * end; returns where they begin. */
static char *decimal(unsigned long long u, char *end)
{
    do
        *--end = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    return end;
}

/* Formats a confidence with at most 3 decimals, '.' as the decimal point
 * whatever the locale, trailing zeros dropped ("0.9", "1", "0.857"): the
 * digits "%1.15g" gives for the value rounded to 3 decimals, which is what
 * JSON consumers read back. Returns false (and an empty string) for
 * non-finite values. */
static bool format_confidence(double c, char buf[32])
{
    buf[0] = '\0';
    if (!printable_confidence(c))
        return false;
    long long m = milli(c);
    bool neg = m < 0;
    unsigned long long u = neg ? (unsigned long long)(-(m + 1)) + 1u : (unsigned long long)m;
    unsigned fp = (unsigned)(u % 1000u);
    char tmp[24];
    const char *p = decimal(u / 1000u, tmp + sizeof tmp);
    size_t n = 0;
    if (neg)
        buf[n++] = '-';
    while (p < tmp + sizeof tmp)
        buf[n++] = *p++;
    if (fp) {
        buf[n++] = '.';
        for (unsigned d = 100; fp; d /= 10) {
            buf[n++] = (char)('0' + fp / d);
            fp %= d;
        }
    }
    buf[n] = '\0';
    return true;
}

/* ------------------------------------------------------------------------ */
/* JSON objects (shared by JSONL and JSON)                                  */

/* Builder that remembers the first allocation failure, so the field lists
 * below read as plain lists.
 *
 * Names are literals and values live in the document, which outlives the
 * object (it is printed and deleted before the document is freed), so both
 * are referenced, not copied: one allocation per field instead of three.
 * Numbers (integers, the 3-decimal confidence) are printed here as raw
 * digits: cJSON prints every number with sprintf("%1.15g") and reads it
 * back with sscanf, a fifth of rendering a record; the digits are the same. */
struct jb {
    cJSON *obj;
    bool oom;
};

static void j_add(struct jb *b, const char *name, cJSON *item)
{
    if (!item || !cJSON_AddItemToObjectCS(b->obj, name, item)) {
        cJSON_Delete(item);
        b->oom = true;
    }
}

static void j_str(struct jb *b, const char *name, const char *value)
{
    if (b->oom || !value)
        return;
    j_add(b, name, cJSON_CreateStringReference(value));
}

static void j_raw(struct jb *b, const char *name, const char *digits)
{
    if (b->oom)
        return;
    j_add(b, name, cJSON_CreateRaw(digits));
}

static void j_int(struct jb *b, const char *name, long long value)
{
    if (b->oom)
        return;
    char digits[24];
    digits[sizeof digits - 1] = '\0';
    unsigned long long u = value < 0 ? 0ull - (unsigned long long)value : (unsigned long long)value;
    char *p = decimal(u, digits + sizeof digits - 1);
    if (value < 0)
        *--p = '-';
    j_raw(b, name, p);
}

static void j_begin(struct jb *b)
{
    b->obj = cJSON_CreateObject();
    b->oom = b->obj == NULL;
}

/* Returns the finished object, or NULL (and frees it) after a failure. */
static cJSON *j_end(struct jb *b)
{
    if (b->oom) {
        cJSON_Delete(b->obj);
        b->obj = NULL;
    }
    return b->obj;
}

/* nested: the object goes inside its document (JSON format), so "type" and
 * "doc" are left out; flat records (JSONL) carry both. */
static cJSON *json_document(const instcite_docinfo *d, bool nested)
{
    struct jb b;
    j_begin(&b);
    if (!nested)
        j_str(&b, "type", "document");
    j_str(&b, "doc", doc_ident(d));
    j_str(&b, "name", d->name);
    j_str(&b, "source", d->source); /* pdf/html/docx: offsets are in the text layer */
    j_str(&b, "lang", d->lang);
    j_str(&b, "symbol", d->symbol);
    j_str(&b, "kind", instcite_kind_name(d->kind));
    j_str(&b, "body", d->body);
    if (d->session)
        j_int(&b, "session", d->session);
    j_str(&b, "agenda_item", d->agenda_item);
    j_str(&b, "agenda_title", d->agenda_title);
    j_str(&b, "date", d->date);
    j_str(&b, "title", d->title);
    j_str(&b, "report", d->report);
    j_str(&b, "committee", d->committee);
    if (d->plenary_meeting)
        j_int(&b, "plenary_meeting", d->plenary_meeting);
    j_str(&b, "closing_date", d->closing_date);
    j_int(&b, "preambular", (long long)d->preambular);
    j_int(&b, "operative", (long long)d->operative);
    j_int(&b, "footnotes", (long long)d->footnotes);
    return j_end(&b);
}

static cJSON *json_mention(const instcite_docinfo *d, const instcite_mention *m, bool nested)
{
    struct jb b;
    j_begin(&b);
    if (!nested) {
        j_str(&b, "type", "mention");
        j_str(&b, "doc", doc_ident(d));
    }
    j_str(&b, "lang", d->lang);
    j_str(&b, "where", m->where);
    j_str(&b, "kind", instcite_kind_name(m->kind));
    j_str(&b, "key", m->key);
    j_str(&b, "title_en", m->title_en);
    j_str(&b, "symbol", m->symbol);
    j_str(&b, "body", m->body);
    j_str(&b, "number", m->number);
    j_str(&b, "date", m->date);
    j_str(&b, "title", m->title);
    j_str(&b, "footnote", m->footnote);
    j_str(&b, "unts", m->unts);
    j_str(&b, "verb", m->verb);
    j_str(&b, "clause", m->clause);
    j_str(&b, "catalog_id", m->catalog_id);
    j_int(&b, "start", (long long)m->start);
    j_int(&b, "end", (long long)m->end);
    j_str(&b, "text", m->text);
    char conf[32];
    if (format_confidence(m->confidence, conf))
        j_raw(&b, "confidence", conf);
    return j_end(&b);
}

static cJSON *json_relation(const instcite_docinfo *d, const instcite_relation *r, bool nested)
{
    struct jb b;
    j_begin(&b);
    if (!nested) {
        j_str(&b, "type", "relation");
        j_str(&b, "doc", doc_ident(d));
    }
    j_str(&b, "from", r->from);
    j_str(&b, "relation", r->type);
    j_str(&b, "to", r->to);
    j_str(&b, "where", r->where);
    return j_end(&b);
}

static cJSON *json_warning(const instcite_docinfo *d, const instcite_warning *w, bool nested)
{
    struct jb b;
    j_begin(&b);
    if (!nested) {
        j_str(&b, "type", "warning");
        j_str(&b, "doc", doc_ident(d));
    }
    j_str(&b, "code", w->code);
    j_str(&b, "where", w->where);
    j_int(&b, "start", (long long)w->start);
    j_int(&b, "end", (long long)w->end);
    j_str(&b, "message", w->message);
    return j_end(&b);
}

/* ------------------------------------------------------------------------ */
/* JSON Lines                                                               */

/* Prints obj on one line and frees it. NULL obj means it could not be built.
 * Most records fit the stack buffer (cJSON's own printing allocates and
 * grows a buffer per record); a longer one is printed into a new one. */
static instcite_status jsonl_emit(cJSON *obj, FILE *out, instcite_error *err)
{
    if (!obj)
        return fail(err, INSTCITE_ERR_NOMEM, "out of memory building a JSON record");
    char buf[4096];
    char *s = buf;
    /* cJSON asks for 5 bytes more than it may use; one more for '\n'. */
    if (!cJSON_PrintPreallocated(obj, buf, (int)sizeof buf - 1, false))
        s = cJSON_PrintUnformatted(obj);
    cJSON_Delete(obj);
    if (!s)
        return fail(err, INSTCITE_ERR_NOMEM, "out of memory printing a JSON record");
    size_t len = strlen(s);
    errno = 0;
    bool ok;
    if (s == buf) {
        buf[len++] = '\n';
        ok = fwrite(buf, 1, len, out) == len;
    } else {
        ok = fwrite(s, 1, len, out) == len && putc('\n', out) != EOF;
        cJSON_free(s);
    }
    return ok ? INSTCITE_OK : io_fail(err);
}

static instcite_status write_jsonl(const instcite_doc *const *docs, size_t n, FILE *out,
                                   instcite_error *err)
{
    instcite_status st;
    for (size_t i = 0; i < n; i++) {
        const instcite_doc *doc = docs[i];
        const instcite_docinfo *d = instcite_doc_info(doc);
        if ((st = jsonl_emit(json_document(d, false), out, err)))
            return st;
        for (size_t k = 0; k < instcite_doc_mention_count(doc); k++)
            if ((st = jsonl_emit(json_mention(d, instcite_doc_mention(doc, k), false), out, err)))
                return st;
        for (size_t k = 0; k < instcite_doc_relation_count(doc); k++)
            if ((st = jsonl_emit(json_relation(d, instcite_doc_relation(doc, k), false), out,
                                 err)))
                return st;
        for (size_t k = 0; k < instcite_doc_warning_count(doc); k++)
            if ((st = jsonl_emit(json_warning(d, instcite_doc_warning(doc, k), false), out,
                                 err)))
                return st;
    }
    return check_stream(out, err);
}

/* ------------------------------------------------------------------------ */
/* JSON                                                                     */

static cJSON *json_full_document(const instcite_doc *doc)
{
    const instcite_docinfo *d = instcite_doc_info(doc);
    cJSON *obj = json_document(d, true);
    if (!obj)
        return NULL;
    cJSON *mentions = cJSON_AddArrayToObject(obj, "mentions");
    cJSON *relations = cJSON_AddArrayToObject(obj, "relations");
    cJSON *warnings = cJSON_AddArrayToObject(obj, "warnings");
    if (!mentions || !relations || !warnings)
        goto oom;
    for (size_t k = 0; k < instcite_doc_mention_count(doc); k++) {
        cJSON *item = json_mention(d, instcite_doc_mention(doc, k), true);
        if (!item || !cJSON_AddItemToArray(mentions, item)) {
            cJSON_Delete(item);
            goto oom;
        }
    }
    for (size_t k = 0; k < instcite_doc_relation_count(doc); k++) {
        cJSON *item = json_relation(d, instcite_doc_relation(doc, k), true);
        if (!item || !cJSON_AddItemToArray(relations, item)) {
            cJSON_Delete(item);
            goto oom;
        }
    }
    for (size_t k = 0; k < instcite_doc_warning_count(doc); k++) {
        cJSON *item = json_warning(d, instcite_doc_warning(doc, k), true);
        if (!item || !cJSON_AddItemToArray(warnings, item)) {
            cJSON_Delete(item);
            goto oom;
        }
    }
    return obj;
oom:
    cJSON_Delete(obj);
    return NULL;
}

static instcite_status write_json(const instcite_doc *const *docs, size_t n, FILE *out,
                                  instcite_error *err)
{
    cJSON *root = cJSON_CreateObject();
    cJSON *arr = root ? cJSON_AddArrayToObject(root, "documents") : NULL;
    if (!arr)
        goto oom;
    for (size_t i = 0; i < n; i++) {
        cJSON *item = json_full_document(docs[i]);
        if (!item || !cJSON_AddItemToArray(arr, item)) {
            cJSON_Delete(item);
            goto oom;
        }
    }
    char *s = cJSON_Print(root);
    cJSON_Delete(root);
    if (!s)
        return fail(err, INSTCITE_ERR_NOMEM, "out of memory printing JSON");
    errno = 0;
    int rc = fputs(s, out);
    cJSON_free(s);
    if (rc == EOF || putc('\n', out) == EOF)
        return io_fail(err);
    return check_stream(out, err);
oom:
    cJSON_Delete(root);
    return fail(err, INSTCITE_ERR_NOMEM, "out of memory building JSON");
}

/* ------------------------------------------------------------------------ */
/* CSV                                                                      */

static const char *const csv_header[] = {
    "doc",  "lang", "where",  "kind", "key",   "symbol", "number", "date",
    "footnote", "unts", "clause", "verb", "start", "end", "text", "confidence",
};
enum { CSV_COLS = sizeof csv_header / sizeof csv_header[0] };

static bool csv_formula_like(const char *s)
{
    return s[0] && strchr("=+-@\t\r", s[0]) != NULL;
}

/* Writes one quoted cell; sep is written first unless this is column 0.
 * neutral: prefix an apostrophe to a cell a spreadsheet would evaluate. */
static bool csv_cell(FILE *out, size_t col, const char *s, bool neutral)
{
    if (!s)
        s = "";
    if (col > 0 && putc(',', out) == EOF)
        return false;
    if (neutral && csv_formula_like(s)) {
        /* libcsv quotes each call separately: build "'" + s as one cell. */
        size_t len = strlen(s);
        char *tmp = malloc(len + 2);
        if (!tmp) {
            errno = ENOMEM;
            return false;
        }
        tmp[0] = '\'';
        memcpy(tmp + 1, s, len + 1);
        int rc = csv_fwrite(out, tmp, len + 1);
        free(tmp);
        return rc == 0;
    }
    return csv_fwrite(out, s, strlen(s)) == 0;
}

static instcite_status write_csv(const instcite_doc *const *docs, size_t n, FILE *out,
                                 instcite_error *err)
{
    errno = 0;
    for (size_t c = 0; c < CSV_COLS; c++)
        if (!csv_cell(out, c, csv_header[c], false))
            return io_fail(err);
    if (putc('\n', out) == EOF)
        return io_fail(err);

    for (size_t i = 0; i < n; i++) {
        const instcite_doc *doc = docs[i];
        const instcite_docinfo *d = instcite_doc_info(doc);
        for (size_t k = 0; k < instcite_doc_mention_count(doc); k++) {
            const instcite_mention *m = instcite_doc_mention(doc, k);
            char start[32], end[32], conf[32];
            snprintf(start, sizeof start, "%zu", m->start);
            snprintf(end, sizeof end, "%zu", m->end);
            format_confidence(m->confidence, conf);
            const char *cells[CSV_COLS] = {
                doc_ident(d), d->lang,   m->where,  instcite_kind_name(m->kind),
                m->key,       m->symbol, m->number, m->date,
                m->footnote,  m->unts,   m->clause, m->verb,
                start,        end,       m->text,   conf,
            };
            errno = 0;
            for (size_t c = 0; c < CSV_COLS; c++) {
                bool numeric = c == 12 || c == 13 || c == 15;
                if (!csv_cell(out, c, cells[c], !numeric)) {
                    if (errno == ENOMEM)
                        return fail(err, INSTCITE_ERR_NOMEM, "out of memory writing CSV");
                    return io_fail(err);
                }
            }
            if (putc('\n', out) == EOF)
                return io_fail(err);
        }
    }
    return check_stream(out, err);
}

/* ------------------------------------------------------------------------ */
/* Display width (a small wcwidth for the ranges a UN document uses)        */

/* Decodes one UTF-8 sequence at s (NUL-terminated); stores its length in
 * *len. Malformed bytes decode as U+FFFD, one byte long. */
static uint32_t utf8_next(const unsigned char *s, size_t *len)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    size_t n;
    uint32_t cp, min;
    if ((c & 0xE0) == 0xC0) {
        n = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4, cp = c & 0x07, min = 0x10000;
    } else {
        *len = 1;
        return 0xFFFD;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *len = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *len = 1;
        return 0xFFFD;
    }
    *len = n;
    return cp;
}

/* Columns a terminal gives cp: 0 for combining marks and zero-width
 * characters, 2 for East Asian wide and full-width characters, else 1.
 * Control characters are printed as spaces by the table, so count 1. */
static int cp_width(uint32_t cp)
{
    static const struct { uint32_t lo, hi; } zero[] = {
        {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
        {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
        {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
        {0x200B, 0x200F}, {0x2028, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF},
        {0x302A, 0x302D}, {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
        {0xFEFF, 0xFEFF},
    };
    static const struct { uint32_t lo, hi; } wide[] = {
        {0x1100, 0x115F},   /* Hangul Jamo initial consonants */
        {0x2E80, 0x303E},   /* CJK radicals, Kangxi, ideographic description, CJK punctuation */
        {0x3041, 0x33FF},   /* kana, bopomofo, Hangul compatibility jamo, CJK compatibility */
        {0x3400, 0x4DBF},   /* CJK Unified Ideographs Extension A */
        {0x4E00, 0x9FFF},   /* CJK Unified Ideographs */
        {0xA000, 0xA4CF},   /* Yi */
        {0xA960, 0xA97F},   /* Hangul Jamo Extended-A */
        {0xAC00, 0xD7A3},   /* Hangul syllables */
        {0xF900, 0xFAFF},   /* CJK compatibility ideographs */
        {0xFE10, 0xFE19},   /* vertical forms */
        {0xFE30, 0xFE6F},   /* CJK compatibility forms, small form variants */
        {0xFF00, 0xFF60},   /* full-width forms */
        {0xFFE0, 0xFFE6},   /* full-width signs */
        {0x1F300, 0x1F64F}, /* pictographs, emoticons */
        {0x1F900, 0x1F9FF}, /* supplemental symbols and pictographs */
        {0x20000, 0x2FFFD}, /* CJK extensions B..F, compatibility supplement */
        {0x30000, 0x3FFFD}, /* CJK extension G.. */
    };
    if (cp < 0x300)
        return 1;
    for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
        if (cp >= zero[i].lo && cp <= zero[i].hi)
            return 0;
    if (cp == 0x303F) /* half-width ideographic space */
        return 1;
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
        if (cp >= wide[i].lo && cp <= wide[i].hi)
            return 2;
    return 1;
}

static size_t str_width(const char *s)
{
    size_t w = 0, len;
    for (const unsigned char *p = (const unsigned char *)s; *p; p += len)
        w += (size_t)cp_width(utf8_next(p, &len));
    return w;
}

/* Number of bytes of s that fit in max_w columns, whole characters only;
 * *w receives their width. Zero-width characters after the last one that
 * fits stay with it. */
static size_t prefix_fitting(const char *s, size_t max_w, size_t *w)
{
    size_t used = 0, bytes = 0, len;
    const unsigned char *p = (const unsigned char *)s;
    while (p[bytes]) {
        int cw = cp_width(utf8_next(p + bytes, &len));
        if (used + (size_t)cw > max_w)
            break;
        used += (size_t)cw;
        bytes += len;
    }
    *w = used;
    return bytes;
}

/* ------------------------------------------------------------------------ */
/* Table                                                                    */

/* Writes s with control characters as spaces; at most nbytes bytes. */
static void put_clean(FILE *out, const char *s, size_t nbytes)
{
    for (size_t i = 0; i < nbytes && s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        putc(c < 0x20 || c == 0x7F ? ' ' : c, out);
    }
}

static void put_spaces(FILE *out, size_t n)
{
    while (n--)
        putc(' ', out);
}

/* What the KEY column shows: the English title of a catalog instrument,
 * else the identity key, else whatever identifies the mention. */
static const char *table_key(const instcite_mention *m)
{
    if (m->title_en && (m->catalog_id || !m->key))
        return m->title_en;
    if (m->key)
        return m->key;
    if (m->symbol)
        return m->symbol;
    return m->text ? m->text : "";
}

/* Identity used for counting distinct identities in the header. */
static const char *ident_of(const instcite_mention *m)
{
    if (m->key)
        return m->key;
    if (m->title_en)
        return m->title_en;
    if (m->symbol)
        return m->symbol;
    return m->text ? m->text : "";
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Number of distinct identities among the mentions; (size_t)-1 when out of
 * memory. */
static size_t count_identities(const instcite_doc *doc)
{
    size_t n = instcite_doc_mention_count(doc);
    if (n == 0)
        return 0;
    const char **ids = malloc(n * sizeof *ids);
    if (!ids)
        return (size_t)-1;
    for (size_t k = 0; k < n; k++)
        ids[k] = ident_of(instcite_doc_mention(doc, k));
    qsort(ids, n, sizeof *ids, cmp_str);
    size_t distinct = 1;
    for (size_t k = 1; k < n; k++)
        if (strcmp(ids[k - 1], ids[k]) != 0)
            distinct++;
    free(ids);
    return distinct;
}

enum { T_WHERE, T_KIND, T_KEY, T_DATE, T_FN, T_UNTS, T_COLS };

static const char *const table_header[T_COLS] = {"WHERE", "KIND", "KEY", "DATE", "FN", "UNTS"};

/* Writes one table row: cells padded to widths, two spaces between
 * columns, no trailing blanks. The KEY cell is cut to widths[T_KEY]. */
static void table_row(FILE *out, const char *const cells[T_COLS], const size_t widths[T_COLS])
{
    int last = -1;
    for (int c = 0; c < T_COLS; c++)
        if (cells[c] && cells[c][0])
            last = c;
    for (int c = 0; c <= last; c++) {
        const char *s = cells[c] ? cells[c] : "";
        size_t w = str_width(s), nbytes = strlen(s);
        bool cut = false;
        if (c == T_KEY && w > widths[c]) {
            nbytes = prefix_fitting(s, widths[c] - 1, &w);
            cut = true;
        }
        if (c > 0)
            fputs("  ", out);
        put_clean(out, s, nbytes);
        if (cut) {
            fputs("\u2026", out);
            w++;
        }
        if (c < last && w < widths[c])
            put_spaces(out, widths[c] - w);
    }
    putc('\n', out);
}

static instcite_status table_document(const instcite_doc *doc, bool first, FILE *out,
                                      instcite_error *err)
{
    const instcite_docinfo *d = instcite_doc_info(doc);
    size_t nm = instcite_doc_mention_count(doc);
    size_t nid = count_identities(doc);
    if (nid == (size_t)-1)
        return fail(err, INSTCITE_ERR_NOMEM, "out of memory counting identities");

    if (!first)
        putc('\n', out);
    /* Header: who the document is, then what it holds. */
    put_clean(out, doc_ident(d), (size_t)-1);
    if (d->lang) {
        fputs("  [", out);
        put_clean(out, d->lang, (size_t)-1);
        putc(']', out);
    }
    if (d->date) {
        fputs("  ", out);
        put_clean(out, d->date, (size_t)-1);
    }
    if (d->title) {
        fputs("  ", out);
        put_clean(out, d->title, (size_t)-1);
    }
    putc('\n', out);
    fputs("  ", out);
    if (d->report) {
        fputs("report ", out);
        put_clean(out, d->report, (size_t)-1);
        fputs("; ", out);
    }
    fprintf(out, "%zu mention%s of %zu identit%s; %zu preambular / %zu operative paragraphs / %zu footnotes\n",
            nm, nm == 1 ? "" : "s", nid, nid == 1 ? "y" : "ies", d->preambular, d->operative,
            d->footnotes);

    if (nm > 0) {
        size_t widths[T_COLS];
        for (int c = 0; c < T_COLS; c++)
            widths[c] = str_width(table_header[c]);
        for (size_t k = 0; k < nm; k++) {
            const instcite_mention *m = instcite_doc_mention(doc, k);
            const char *cells[T_COLS] = {m->where, instcite_kind_name(m->kind), table_key(m),
                                         m->date,  m->footnote, m->unts};
            for (int c = 0; c < T_COLS; c++) {
                size_t w = cells[c] ? str_width(cells[c]) : 0;
                if (c == T_KEY && w > KEY_WIDTH)
                    w = KEY_WIDTH;
                if (w > widths[c])
                    widths[c] = w;
            }
        }
        putc('\n', out);
        table_row(out, table_header, widths);
        for (size_t k = 0; k < nm; k++) {
            const instcite_mention *m = instcite_doc_mention(doc, k);
            const char *cells[T_COLS] = {m->where, instcite_kind_name(m->kind), table_key(m),
                                         m->date,  m->footnote, m->unts};
            table_row(out, cells, widths);
        }
    }

    size_t nw = instcite_doc_warning_count(doc);
    if (nw > 0)
        putc('\n', out);
    for (size_t k = 0; k < nw; k++) {
        const instcite_warning *w = instcite_doc_warning(doc, k);
        fputs("warning: ", out);
        put_clean(out, w->where ? w->where : "-", (size_t)-1);
        fputs(": ", out);
        put_clean(out, w->message ? w->message : (w->code ? w->code : ""), (size_t)-1);
        putc('\n', out);
    }
    return ferror(out) ? io_fail(err) : INSTCITE_OK;
}

static instcite_status write_table(const instcite_doc *const *docs, size_t n, FILE *out,
                                   instcite_error *err)
{
    errno = 0;
    for (size_t i = 0; i < n; i++) {
        instcite_status st = table_document(docs[i], i == 0, out, err);
        if (st)
            return st;
    }
    return check_stream(out, err);
}

/* ------------------------------------------------------------------------ */
/* Entry point                                                              */

instcite_status instcite_records_write(const instcite_doc *const *docs, size_t n,
                                       instcite_format format, FILE *out, instcite_error *err)
{
    if (!out)
        return fail(err, INSTCITE_ERR_INVALID, "no output stream");
    if (n > 0 && !docs)
        return fail(err, INSTCITE_ERR_INVALID, "no documents");
    for (size_t i = 0; i < n; i++)
        if (!docs[i])
            return fail(err, INSTCITE_ERR_INVALID, "document %zu is NULL", i);
    switch (format) {
    case INSTCITE_FORMAT_JSONL: return write_jsonl(docs, n, out, err);
    case INSTCITE_FORMAT_JSON: return write_json(docs, n, out, err);
    case INSTCITE_FORMAT_CSV: return write_csv(docs, n, out, err);
    case INSTCITE_FORMAT_TABLE: return write_table(docs, n, out, err);
    default: break; /* UNKNOWN and the graph formats */
    }
    return fail(err, INSTCITE_ERR_INVALID, "format %d is not an extraction-record format",
                (int)format);
}
