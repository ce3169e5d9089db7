#define _GNU_SOURCE /* memmem */
/* The text builder the input converters share, and format detection. */
#include "input/input.h"
#include "error_set.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void input_set_err(instcite_error *err, instcite_status code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, code, -1, 0, fmt, ap);
    va_end(ap);
}

static bool reserve(sink *k, size_t more)
{
    if (k->oom)
        return false;
    if (k->len + more + 1 <= k->cap)
        return true;
    size_t ncap = k->cap ? k->cap : 4096;
    while (ncap < k->len + more + 1) {
        if (ncap > ((size_t)1 << 40)) {
            k->oom = true;
            return false;
        }
        ncap *= 2;
    }
    char *s = realloc(k->s, ncap);
    if (!s) {
        k->oom = true;
        return false;
    }
    k->s = s;
    k->cap = ncap;
    return true;
}

void sink_put(sink *k, const char *s, size_t n)
{
    if (!n || !reserve(k, n))
        return;
    memcpy(k->s + k->len, s, n);
    k->len += n;
    k->s[k->len] = '\0';
    for (size_t i = 0; i < n && !k->has_text; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            k->has_text = true;
    }
}

void sink_puts(sink *k, const char *s)
{
    sink_put(k, s, strlen(s));
}

static bool at_line_start(const sink *k)
{
    return k->len == 0 || k->s[k->len - 1] == '\n' || k->s[k->len - 1] == '\f';
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void sink_words(sink *k, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (is_space((unsigned char)s[i])) {
            while (i < n && is_space((unsigned char)s[i]))
                i++;
            if (!at_line_start(k) && k->s[k->len - 1] != ' ')
                sink_put(k, " ", 1);
            continue;
        }
        size_t j = i;
        while (j < n && !is_space((unsigned char)s[j]))
            j++;
        sink_put(k, s + i, j - i);
        i = j;
    }
}

static void trim_spaces(sink *k)
{
    while (k->len && k->s[k->len - 1] == ' ')
        k->s[--k->len] = '\0';
}

void sink_newline(sink *k, bool blank)
{
    trim_spaces(k);
    if (!at_line_start(k))
        sink_put(k, "\n", 1);
    /* An empty line, once: not after another one or a page start. */
    if (blank && k->len >= 1 && k->s[k->len - 1] == '\n' && !(k->len >= 2 && k->s[k->len - 2] == '\n'))
        sink_put(k, "\n", 1);
}

void sink_marker(sink *k, const char *digits, size_t n)
{
    if (k->in_notes && at_line_start(k)) {
        if (++k->notes_on_page > SINK_NOTES_PER_PAGE) {
            sink_page(k);
            sink_rule(k);
            k->notes_on_page = 1;
        }
        sink_put(k, digits, n);
        sink_put(k, " ", 1);
        return;
    }
    trim_spaces(k);
    /* U+00B9 U+00B2 U+00B3 and U+2070, U+2074..U+2079. */
    static const char *const sup[10] = {"\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3", "\xe2\x81\xb4",
                                        "\xe2\x81\xb5", "\xe2\x81\xb6", "\xe2\x81\xb7", "\xe2\x81\xb8",
                                        "\xe2\x81\xb9"};
    for (size_t i = 0; i < n; i++)
        if (digits[i] >= '0' && digits[i] <= '9')
            sink_puts(k, sup[digits[i] - '0']);
}

void sink_rule(sink *k)
{
    sink_newline(k, false);
    sink_puts(k, "__________________\n");
    k->in_notes = true;
    k->notes_on_page = 0;
}

void sink_page(sink *k)
{
    /* The form feed takes the place of the line end: "\n\f" would read as
     * an empty line, which ends a paragraph that goes on over the page. */
    sink_newline(k, false);
    if (k->len && k->s[k->len - 1] == '\n')
        k->s[k->len - 1] = '\f';
    else if (k->len)
        sink_put(k, "\f", 1); /* after an empty page */
    k->in_notes = false;
}

instcite_status sink_finish(sink *k, char **out, size_t *out_len, instcite_error *err, const char *empty_msg)
{
    sink_newline(k, false);
    if (k->oom) {
        free(k->s);
        memset(k, 0, sizeof *k);
        input_set_err(err, INSTCITE_ERR_NOMEM, "out of memory");
        return INSTCITE_ERR_NOMEM;
    }
    if (!k->has_text) {
        free(k->s);
        memset(k, 0, sizeof *k);
        input_set_err(err, INSTCITE_ERR_EMPTY, "%s", empty_msg);
        return INSTCITE_ERR_EMPTY;
    }
    if (k->len > INSTCITE_MAX_INPUT) {
        free(k->s);
        memset(k, 0, sizeof *k);
        input_set_err(err, INSTCITE_ERR_LIMIT, "its text is larger than the 1 GiB input limit");
        return INSTCITE_ERR_LIMIT;
    }
    *out = k->s;
    *out_len = k->len;
    memset(k, 0, sizeof *k);
    return INSTCITE_OK;
}

/* ---- detection ----------------------------------------------------------- */

static bool has_suffix(const char *name, const char *suf)
{
    size_t n = name ? strlen(name) : 0, m = strlen(suf);
    return n >= m && strcasecmp(name + n - m, suf) == 0;
}

void input_xml_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, xmlInitParser);
}

static void xml_silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

void input_xml_quiet(xml_saved *saved)
{
    saved->func = (void (*)(void))xmlGenericError;
    saved->ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, xml_silent);
}

void input_xml_restore(const xml_saved *saved)
{
    xmlSetGenericErrorFunc(saved->ctx, (xmlGenericErrorFunc)saved->func);
}

/* Does the zip hold word/document.xml? Looks for the name among the local
 * file headers and the central directory (a plain byte search suffices: a
 * stored file name is never compressed). */
static bool zip_has_docx(const unsigned char *b, size_t len)
{
    static const char want[] = "word/document.xml";
    return len > sizeof want && memmem(b, len, want, sizeof want - 1) != NULL;
}

/* Starts with s, case-insensitively, at b[i]? */
static bool starts_ci(const unsigned char *b, size_t len, size_t i, const char *s)
{
    size_t n = strlen(s);
    return i + n <= len && strncasecmp((const char *)b + i, s, n) == 0;
}

input_format input_detect(const void *bytes, size_t len, const char *name)
{
    const unsigned char *b = bytes;
    if (!b || len < 5)
        return INPUT_TEXT;
    /* "%PDF-1.7": at the start, or after a little junk, as readers allow. */
    size_t head = len < 1024 ? len : 1024;
    for (const unsigned char *p = b; (p = memmem(p, head - (size_t)(p - b), "%PDF-", 5)) != NULL; p++)
        if ((size_t)(p - b) + 8 <= len && p[5] >= '1' && p[5] <= '9' && p[6] == '.' && p[7] >= '0' && p[7] <= '9')
            return INPUT_PDF;
    if (len >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4)
        return zip_has_docx(b, len) ? INPUT_DOCX : INPUT_ZIP;
    static const unsigned char ole[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    if (len >= 8 && memcmp(b, ole, 8) == 0)
        return INPUT_OLE;
    if (starts_ci(b, len, 0, "{\\rtf"))
        return INPUT_RTF;
    /* Markup: skip a BOM, white space, an XML declaration and comments. */
    size_t i = 0;
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        i = 3;
    for (int rounds = 0; rounds < 16; rounds++) {
        while (i < len && is_space(b[i]))
            i++;
        if (starts_ci(b, len, i, "<!--")) {
            const unsigned char *e = memmem(b + i + 4, len - i - 4, "-->", 3);
            if (!e)
                return INPUT_TEXT;
            i = (size_t)(e - b) + 3;
        } else if (starts_ci(b, len, i, "<?xml")) {
            const unsigned char *e = memmem(b + i, len - i, "?>", 2);
            if (!e)
                return INPUT_TEXT;
            i = (size_t)(e - b) + 2;
        } else {
            break;
        }
    }
    if (starts_ci(b, len, i, "<!doctype html") || starts_ci(b, len, i, "<html"))
        return INPUT_HTML;
    if ((has_suffix(name, ".html") || has_suffix(name, ".htm") || has_suffix(name, ".xhtml")) && i < len &&
        b[i] == '<')
        return INPUT_HTML;
    return INPUT_TEXT;
}

const char *input_format_name(input_format f)
{
    switch (f) {
    case INPUT_PDF: return "pdf";
    case INPUT_HTML: return "html";
    case INPUT_DOCX: return "docx";
    case INPUT_ZIP: return "zip";
    case INPUT_OLE: return "doc";
    case INPUT_RTF: return "rtf";
    case INPUT_TEXT: break;
    }
    return "text";
}

instcite_status input_convert(input_format f, const void *bytes, size_t len, char **out, size_t *out_len,
                              instcite_error *err)
{
    *out = NULL;
    *out_len = 0;
    switch (f) {
    case INPUT_PDF: return input_pdf(bytes, len, out, out_len, err);
    case INPUT_HTML: return input_html(bytes, len, out, out_len, err);
    case INPUT_DOCX: return input_docx(bytes, len, out, out_len, err);
    case INPUT_ZIP:
        if (memmem(bytes, len < 256 ? len : 256, "application/vnd.oasis.opendocument", 34))
            input_set_err(err, INSTCITE_ERR_UNSUPPORTED,
                          "an OpenDocument file (.odt), not a Word .docx: save it as .docx or PDF");
        else
            input_set_err(err, INSTCITE_ERR_UNSUPPORTED, "a zip archive that is not a Word .docx document");
        return INSTCITE_ERR_UNSUPPORTED;
    case INPUT_OLE:
        input_set_err(err, INSTCITE_ERR_UNSUPPORTED,
                      "a Word 97-2003 .doc (binary) file, which instcite cannot read: save it as .docx or PDF");
        return INSTCITE_ERR_UNSUPPORTED;
    case INPUT_RTF:
        input_set_err(err, INSTCITE_ERR_UNSUPPORTED,
                      "an RTF document, which instcite cannot read: save it as .docx, PDF or text");
        return INSTCITE_ERR_UNSUPPORTED;
    case INPUT_TEXT: break;
    }
    input_set_err(err, INSTCITE_ERR_INVALID, "not a PDF, HTML or Word document");
    return INSTCITE_ERR_INVALID;
}
