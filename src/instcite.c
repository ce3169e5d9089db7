/* Library-wide helpers: version, status and kind names, format names. */
#include "instcite.h"
#include "error_set.h"
#include "instcite_config.h"

#include <stdio.h>
#include <string.h>

instcite_status error_vset(instcite_error *err, instcite_status code, long long offset, long line,
                           const char *fmt, va_list ap)
{
    if (err) {
        err->code = code;
        err->offset = offset;
        err->line = line;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
    }
    return code;
}

const char *instcite_version(void)
{
    return INSTCITE_VERSION;
}

const char *instcite_strerror(instcite_status status)
{
    switch (status) {
    case INSTCITE_OK: return "success";
    case INSTCITE_ERR_NOMEM: return "out of memory";
    case INSTCITE_ERR_IO: return "input/output error";
    case INSTCITE_ERR_ENCODING: return "invalid encoding";
    case INSTCITE_ERR_EMPTY: return "empty input";
    case INSTCITE_ERR_PARSE: return "malformed input";
    case INSTCITE_ERR_INVALID: return "invalid argument";
    case INSTCITE_ERR_GRAPH: return "graph library failure";
    case INSTCITE_ERR_LIMIT: return "input too large";
    case INSTCITE_ERR_UNSUPPORTED: return "unsupported document";
    }
    return "unknown status";
}

/* Indexed by instcite_kind; these strings are the JSON Lines contract. */
static const char *const kind_names[INSTCITE_KIND_COUNT_] = {
    [INSTCITE_KIND_UNKNOWN] = "unknown",
    [INSTCITE_KIND_GA_RESOLUTION] = "ga_resolution",
    [INSTCITE_KIND_GA_DECISION] = "ga_decision",
    [INSTCITE_KIND_ECOSOC_RESOLUTION] = "ecosoc_resolution",
    [INSTCITE_KIND_ECOSOC_DECISION] = "ecosoc_decision",
    [INSTCITE_KIND_SC_RESOLUTION] = "sc_resolution",
    [INSTCITE_KIND_HRC_RESOLUTION] = "hrc_resolution",
    [INSTCITE_KIND_HRC_DECISION] = "hrc_decision",
    [INSTCITE_KIND_COMMISSION_RESOLUTION] = "commission_resolution",
    [INSTCITE_KIND_COMMISSION_DECISION] = "commission_decision",
    [INSTCITE_KIND_CONVENTION] = "convention",
    [INSTCITE_KIND_PROTOCOL] = "protocol",
    [INSTCITE_KIND_COVENANT] = "covenant",
    [INSTCITE_KIND_CHARTER] = "charter",
    [INSTCITE_KIND_DECLARATION] = "declaration",
    [INSTCITE_KIND_AGREEMENT] = "agreement",
    [INSTCITE_KIND_OTHER_INSTRUMENT] = "other_instrument",
    [INSTCITE_KIND_REPORT] = "report",
    [INSTCITE_KIND_OFFICIAL_RECORDS] = "official_records",
};

const char *instcite_kind_name(instcite_kind kind)
{
    if ((int)kind < 0 || kind >= INSTCITE_KIND_COUNT_)
        return "unknown";
    return kind_names[kind];
}

instcite_kind instcite_kind_from_name(const char *name)
{
    if (name)
        for (int k = 1; k < INSTCITE_KIND_COUNT_; k++)
            if (strcmp(kind_names[k], name) == 0)
                return (instcite_kind)k;
    return INSTCITE_KIND_UNKNOWN;
}

instcite_format instcite_format_from_name(const char *name)
{
    static const struct { const char *name; instcite_format fmt; } names[] = {
        {"table", INSTCITE_FORMAT_TABLE}, {"jsonl", INSTCITE_FORMAT_JSONL},
        {"json", INSTCITE_FORMAT_JSON},   {"csv", INSTCITE_FORMAT_CSV},
        {"graphml", INSTCITE_FORMAT_GRAPHML}, {"gexf", INSTCITE_FORMAT_GEXF},
        {"cytoscape", INSTCITE_FORMAT_CYTOSCAPE}, {"dot", INSTCITE_FORMAT_DOT},
        {"svg", INSTCITE_FORMAT_SVG},     {"html", INSTCITE_FORMAT_HTML},
    };
    if (name)
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            if (strcmp(names[i].name, name) == 0)
                return names[i].fmt;
    return INSTCITE_FORMAT_UNKNOWN;
}

instcite_format instcite_format_from_path(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return INSTCITE_FORMAT_UNKNOWN;
    if (strcmp(dot, ".graphml") == 0)
        return INSTCITE_FORMAT_GRAPHML;
    if (strcmp(dot, ".json") == 0)
        return INSTCITE_FORMAT_JSON;
    static const struct { const char *ext; instcite_format fmt; } exts[] = {
        {".gexf", INSTCITE_FORMAT_GEXF}, {".cyjs", INSTCITE_FORMAT_CYTOSCAPE},
        {".dot", INSTCITE_FORMAT_DOT},   {".gv", INSTCITE_FORMAT_DOT},
        {".svg", INSTCITE_FORMAT_SVG},   {".html", INSTCITE_FORMAT_HTML},
        {".htm", INSTCITE_FORMAT_HTML},  {".csv", INSTCITE_FORMAT_CSV},
    };
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (strcmp(dot, exts[i].ext) == 0)
            return exts[i].fmt;
    return INSTCITE_FORMAT_UNKNOWN;
}
