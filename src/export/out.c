/* Shared writer helpers of the graph exporters (see out.h). */
#include "export/out.h"

#include <stdarg.h>
#include <string.h>

void ow_flush(ow *w)
{
    if (!w->failed && w->n && fwrite(w->buf, 1, w->n, w->out) != w->n)
        w->failed = true;
    w->n = 0;
}

void ow_len_slow(ow *w, const char *s, size_t n)
{
    ow_flush(w);
    if (n > sizeof w->buf) { /* a long value: straight through */
        if (!w->failed && fwrite(s, 1, n, w->out) != n)
            w->failed = true;
        return;
    }
    memcpy(w->buf + w->n, s, n);
    w->n += n;
}

void ow_put(ow *w, const char *s)
{
    ow_len(w, s, strlen(s));
}

void ow_printf(ow *w, const char *fmt, ...)
{
    if (w->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(w->buf + w->n, sizeof w->buf - w->n, fmt, ap);
    va_end(ap);
    if (k < 0) {
        w->failed = true;
    } else if ((size_t)k < sizeof w->buf - w->n) {
        w->n += (size_t)k;
    } else { /* did not fit: what was written is dropped, written again */
        ow_flush(w);
        va_start(ap, fmt);
        if (!w->failed && vfprintf(w->out, fmt, ap) < 0)
            w->failed = true;
        va_end(ap);
    }
}

void ow_int(ow *w, long long v)
{
    char digits[24];
    char *p = digits + sizeof digits;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        *--p = '-';
    ow_len(w, p, (size_t)(digits + sizeof digits - p));
}

/* What ow_xml writes for each byte: NULL for the byte itself. */
static const char *const xml_escape[256] = {
    [0x01] = "\xEF\xBF\xBD", [0x02] = "\xEF\xBF\xBD", [0x03] = "\xEF\xBF\xBD",
    [0x04] = "\xEF\xBF\xBD", [0x05] = "\xEF\xBF\xBD", [0x06] = "\xEF\xBF\xBD",
    [0x07] = "\xEF\xBF\xBD", [0x08] = "\xEF\xBF\xBD", ['\t'] = "&#9;",
    ['\n'] = "&#10;",         [0x0B] = "\xEF\xBF\xBD", [0x0C] = "\xEF\xBF\xBD",
    ['\r'] = "&#13;",         [0x0E] = "\xEF\xBF\xBD", [0x0F] = "\xEF\xBF\xBD",
    [0x10] = "\xEF\xBF\xBD", [0x11] = "\xEF\xBF\xBD", [0x12] = "\xEF\xBF\xBD",
    [0x13] = "\xEF\xBF\xBD", [0x14] = "\xEF\xBF\xBD", [0x15] = "\xEF\xBF\xBD",
    [0x16] = "\xEF\xBF\xBD", [0x17] = "\xEF\xBF\xBD", [0x18] = "\xEF\xBF\xBD",
    [0x19] = "\xEF\xBF\xBD", [0x1A] = "\xEF\xBF\xBD", [0x1B] = "\xEF\xBF\xBD",
    [0x1C] = "\xEF\xBF\xBD", [0x1D] = "\xEF\xBF\xBD", [0x1E] = "\xEF\xBF\xBD",
    [0x1F] = "\xEF\xBF\xBD", ['&'] = "&amp;",        ['<'] = "&lt;",
    ['>'] = "&gt;",           ['"'] = "&quot;",       ['\''] = "&#39;",
    [0x7F] = "\xEF\xBF\xBD",
};

/* The bytes at which ow_xml stops: those escaped, and the terminating NUL. */
static const unsigned char xml_stop[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
    [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1,
    [0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
    [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1,
    [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1, ['&'] = 1,  ['<'] = 1,  ['>'] = 1,
    ['"'] = 1,  ['\''] = 1, [0x7F] = 1,
};

void ow_xml(ow *w, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    for (;;) {
        const unsigned char *run = p;
        while (!xml_stop[*p])
            p++;
        ow_len(w, (const char *)run, (size_t)(p - run));
        if (!*p)
            return;
        ow_put(w, xml_escape[*p++]);
    }
}

void ow_coord(ow *w, double d)
{
    /* Two decimals are enough for a drawing. Written from integers so the
     * process locale cannot put a comma in. */
    long long v = (long long)(d * 100.0 + (d < 0 ? -0.5 : 0.5));
    bool neg = v < 0;
    if (neg)
        v = -v;
    ow_printf(w, "%s%lld.%02lld", neg ? "-" : "", v / 100, v % 100);
}

void ow_value(ow *w, gval v, void (*esc)(ow *, const char *))
{
    char buf[32];
    switch (v.type) {
    case GVAL_STRING:
        if (esc)
            esc(w, v.s);
        else
            ow_put(w, v.s);
        break;
    case GVAL_INT: ow_int(w, v.i); break;
    case GVAL_DOUBLE:
        graph_format_double(v.d, buf);
        ow_put(w, buf);
        break;
    case GVAL_BOOL: ow_put(w, v.b ? "true" : "false"); break;
    case GVAL_NONE: break;
    }
}

instcite_status ow_finish(ow *w, const char *what, instcite_error *err)
{
    ow_flush(w);
    if (!w->failed && fflush(w->out) == EOF)
        w->failed = true;
    if (w->failed || ferror(w->out))
        return graph_fail(err, INSTCITE_ERR_IO, "cannot write %s output", what);
    return INSTCITE_OK;
}

/* Indexed by instcite_kind: one hue family per issuing organ (GA blues,
 * ECOSOC teals, SC red, HRC purples, commissions browns) or instrument
 * family (treaties oranges, declarations greens, documents greys). */
static const char *const kind_colours[INSTCITE_KIND_COUNT_] = {
    [INSTCITE_KIND_UNKNOWN] = "#9e9e9e",
    [INSTCITE_KIND_GA_RESOLUTION] = "#1f5fbf",
    [INSTCITE_KIND_GA_DECISION] = "#6f9fe6",
    [INSTCITE_KIND_ECOSOC_RESOLUTION] = "#0f8f8f",
    [INSTCITE_KIND_ECOSOC_DECISION] = "#5cc7c7",
    [INSTCITE_KIND_SC_RESOLUTION] = "#c62828",
    [INSTCITE_KIND_HRC_RESOLUTION] = "#7b3fb5",
    [INSTCITE_KIND_HRC_DECISION] = "#b48be0",
    [INSTCITE_KIND_COMMISSION_RESOLUTION] = "#8d5a2b",
    [INSTCITE_KIND_COMMISSION_DECISION] = "#c49a6c",
    [INSTCITE_KIND_CONVENTION] = "#ef6c00",
    [INSTCITE_KIND_PROTOCOL] = "#ffa726",
    [INSTCITE_KIND_COVENANT] = "#e65100",
    [INSTCITE_KIND_CHARTER] = "#bf360c",
    [INSTCITE_KIND_DECLARATION] = "#2e7d32",
    [INSTCITE_KIND_AGREEMENT] = "#f9a825",
    [INSTCITE_KIND_OTHER_INSTRUMENT] = "#66bb6a",
    [INSTCITE_KIND_REPORT] = "#546e7a",
    [INSTCITE_KIND_OFFICIAL_RECORDS] = "#90a4ae",
};

const char *kind_colour(instcite_kind kind)
{
    return (int)kind >= 0 && kind < INSTCITE_KIND_COUNT_ && kind_colours[kind] ? kind_colours[kind]
                                                                               : "#9e9e9e";
}

size_t node_attr_index(const char *name)
{
    size_t n = graph_node_attr_count();
    for (size_t k = 0; k < n; k++)
        if (strcmp(graph_node_attr(k)->name, name) == 0)
            return k;
    return n;
}

size_t edge_attr_index(const char *name)
{
    size_t n = graph_edge_attr_count();
    for (size_t k = 0; k < n; k++)
        if (strcmp(graph_edge_attr(k)->name, name) == 0)
            return k;
    return n;
}

const char *node_str(const instcite_graph *g, size_t i, const char *name)
{
    gval v = graph_node_value(g, i, node_attr_index(name));
    return v.type == GVAL_STRING ? v.s : NULL;
}

long long node_int(const instcite_graph *g, size_t i, const char *name)
{
    gval v = graph_node_value(g, i, node_attr_index(name));
    return v.type == GVAL_INT ? v.i : 0;
}

static bool digits(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (s[k] < '0' || s[k] > '9')
            return false;
    return true;
}

bool iso_date(const char *date, char buf[11])
{
    if (!date)
        return false;
    size_t len = strlen(date);
    if (len == 4 && digits(date, 4)) {
        memcpy(buf, date, 4);
        memcpy(buf + 4, "-01-01", 7);
        return true;
    }
    if (len == 10 && digits(date, 4) && date[4] == '-' && digits(date + 5, 2) && date[7] == '-' &&
        digits(date + 8, 2)) {
        int month = (date[5] - '0') * 10 + (date[6] - '0');
        int day = (date[8] - '0') * 10 + (date[9] - '0');
        if (month < 1 || month > 12 || day < 1 || day > 31)
            return false;
        memcpy(buf, date, 11);
        return true;
    }
    return false;
}
