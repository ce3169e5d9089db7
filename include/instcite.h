/*
 * instcite: find the instruments a UN resolution cites and build citation graphs.
 *
 * This is the only public header. Everything else under src/ is private.
 *
 * Conventions
 *  - Names are instcite_<module>_<verb>; constants INSTCITE_*.
 *  - Functions that can fail return instcite_status and fill a caller-owned
 *    instcite_error (which may be NULL). There is no global error state.
 *  - Ownership is stated on every function: "borrows" (the caller keeps
 *    ownership and must keep the object alive for the call), "returns a new
 *    object; free with ..." (the caller owns the result).
 *  - Byte offsets always refer to the bytes the caller passed in, never to a
 *    normalised copy; for a PDF, HTML or .docx input, to its text layer
 *    (instcite_input_text).
 *  - Not thread-safe per object; distinct documents may be extracted on
 *    distinct threads with a shared catalog (the catalog is read-only after
 *    loading). Graph functions must all run on one thread (igraph 0.10 as
 *    packaged by Debian keeps process-global state).
 */
#ifndef INSTCITE_H
#define INSTCITE_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(INSTCITE_BUILDING_LIBRARY) && defined(__GNUC__)
#define INSTCITE_API __attribute__((visibility("default")))
#else
#define INSTCITE_API
#endif

/* ------------------------------------------------------------------------ */
/* Status and errors                                                        */

typedef enum instcite_status {
    INSTCITE_OK = 0,
    INSTCITE_ERR_NOMEM,    /* out of memory */
    INSTCITE_ERR_IO,       /* a file cannot be opened, read or written */
    INSTCITE_ERR_ENCODING, /* input bytes are not valid UTF-8 */
    INSTCITE_ERR_EMPTY,    /* input holds no text */
    INSTCITE_ERR_PARSE,    /* malformed catalog, CSV or JSON */
    INSTCITE_ERR_INVALID,  /* invalid argument (unknown format, language, ...) */
    INSTCITE_ERR_GRAPH,    /* the graph library reported a failure */
    INSTCITE_ERR_LIMIT,    /* input beyond a documented size limit */
    INSTCITE_ERR_UNSUPPORTED /* a document instcite cannot read: an encrypted
                              * PDF, a zip archive that is no .docx */
} instcite_status;

typedef struct instcite_error {
    instcite_status code;
    long long offset; /* byte offset in the input, or -1 when not applicable */
    long line;        /* 1-based line in the input, or 0 when not applicable */
    char message[256];
} instcite_error;

/* A static English description of a status. Never NULL. */
INSTCITE_API const char *instcite_strerror(instcite_status status);

/* The library version, "MAJOR.MINOR.PATCH". Static string. */
INSTCITE_API const char *instcite_version(void);

/* Largest input accepted by instcite_extract (bytes). Larger input fails
 * with INSTCITE_ERR_LIMIT. */
#define INSTCITE_MAX_INPUT ((size_t)1 << 30)

/* ------------------------------------------------------------------------ */
/* Kinds of cited things                                                    */

typedef enum instcite_kind {
    INSTCITE_KIND_UNKNOWN = 0,
    INSTCITE_KIND_GA_RESOLUTION,
    INSTCITE_KIND_GA_DECISION,
    INSTCITE_KIND_ECOSOC_RESOLUTION,
    INSTCITE_KIND_ECOSOC_DECISION,
    INSTCITE_KIND_SC_RESOLUTION,
    INSTCITE_KIND_HRC_RESOLUTION,
    INSTCITE_KIND_HRC_DECISION,
    INSTCITE_KIND_COMMISSION_RESOLUTION,
    INSTCITE_KIND_COMMISSION_DECISION,
    INSTCITE_KIND_CONVENTION,
    INSTCITE_KIND_PROTOCOL,
    INSTCITE_KIND_COVENANT,
    INSTCITE_KIND_CHARTER,
    INSTCITE_KIND_DECLARATION,
    INSTCITE_KIND_AGREEMENT,
    INSTCITE_KIND_OTHER_INSTRUMENT,
    INSTCITE_KIND_REPORT,
    INSTCITE_KIND_OFFICIAL_RECORDS,
    INSTCITE_KIND_COUNT_
} instcite_kind;

/* The contract name of a kind ("ga_resolution", ...). Static; never NULL
 * ("unknown" for out-of-range values). */
INSTCITE_API const char *instcite_kind_name(instcite_kind kind);
/* The kind with that contract name, or INSTCITE_KIND_UNKNOWN. */
INSTCITE_API instcite_kind instcite_kind_from_name(const char *name);

/* ------------------------------------------------------------------------ */
/* Catalog of instruments                                                   */

typedef struct instcite_catalog instcite_catalog;

/* Returns a new catalog holding the rows embedded at build time from
 * datasets/instruments.csv; free with instcite_catalog_free. NULL on failure
 * (err filled). */
INSTCITE_API instcite_catalog *instcite_catalog_new(instcite_error *err);

/* Reads a catalog CSV (same columns as datasets/instruments.csv) from path
 * and adds its rows; a row whose id already exists replaces that row.
 * Borrows cat and path. On failure cat is unchanged. */
INSTCITE_API instcite_status instcite_catalog_load(instcite_catalog *cat, const char *path,
                                                   instcite_error *err);

/* Number of instruments. */
INSTCITE_API size_t instcite_catalog_size(const instcite_catalog *cat);

/* instcite_catalog_free(NULL) is a no-op. */
INSTCITE_API void instcite_catalog_free(instcite_catalog *cat);

/* ------------------------------------------------------------------------ */
/* Extraction                                                               */

/* One place where a document cites one identity. All strings are owned by
 * the instcite_doc and live until instcite_doc_free; NULL means absent. */
typedef struct instcite_mention {
    instcite_kind kind;
    const char *where;      /* "HEADER", "PP3", "OP17", "FN6" */
    const char *key;        /* identity: same for the same instrument in every language */
    const char *catalog_id; /* catalog id ("crc"), for catalog instruments */
    const char *title_en;   /* English title, for catalog instruments */
    const char *symbol;     /* UN document symbol ("A/RES/73/154", "E/2018/30") */
    const char *body;       /* issuing body code: "GA", "ECOSOC", "SC", "HRC", "CCPCJ", ... */
    const char *number;     /* resolution or decision number as cited ("73/154") */
    const char *date;       /* ISO date ("2018-12-17") or a bare year ("2007") */
    const char *title;      /* title or subject as printed, when given */
    const char *footnote;   /* footnote marker attached to this mention ("3") */
    const char *unts;       /* Treaty Series "volume/number" as printed in that footnote */
    const char *verb;       /* governing clause verb as printed ("回顾", "Recalling") */
    const char *clause;     /* the same verb in a language-neutral form ("recall") */
    const char *text;       /* the input bytes start..end, as a string */
    size_t start, end;      /* byte offsets in the input */
    double confidence;      /* 0..1 */
} instcite_mention;

/* A typed relation between two identities ("optional_protocol_to",
 * "supplements", "published_in", "adopted_by"). */
typedef struct instcite_relation {
    const char *from;
    const char *type;
    const char *to;
    const char *where; /* paragraph that established it, or "CATALOG" */
} instcite_relation;

/* Something worth a reader's attention that did not stop extraction
 * (a printed fact that disagrees with the catalog, an unknown instrument). */
typedef struct instcite_warning {
    const char *code; /* stable, machine-readable: "unts-mismatch", ... */
    const char *where;
    size_t start, end; /* byte offsets in the input */
    const char *message;
} instcite_warning;

/* What the document says about itself. */
typedef struct instcite_docinfo {
    const char *name;         /* the name the caller gave (usually the path) */
    const char *lang;         /* "zh", "en", ... */
    const char *symbol;       /* "A/RES/74/174"; NULL when not found */
    instcite_kind kind;       /* kind of the document itself */
    const char *body;         /* adopting body code ("GA") */
    int session;              /* 74, or 0 */
    const char *agenda_item;  /* "106" */
    const char *agenda_title; /* "预防犯罪和刑事司法" */
    const char *date;         /* adoption date, ISO */
    const char *title;        /* the resolution's title */
    const char *report;       /* symbol of the report it was adopted on */
    const char *committee;    /* the committee that reported, as printed */
    int plenary_meeting;      /* 50, or 0 */
    const char *closing_date; /* date under the plenary-meeting line, ISO */
    size_t preambular;        /* number of preambular paragraphs */
    size_t operative;         /* number of operative paragraphs */
    size_t footnotes;         /* number of footnotes */
    /* The input format when it was not text: "pdf", "html", "docx"; NULL for
     * text. For those, mention and warning offsets (start/end) are byte
     * offsets in the document's text layer, the UTF-8 text that
     * instcite_input_text returns for the same bytes, not in the file. */
    const char *source;
} instcite_docinfo;

typedef struct instcite_doc instcite_doc;

/* Extracts the mentions of one document from len bytes of UTF-8 (a BOM, CRLF
 * line ends, full-width digits, superscript footnote markers and unusual
 * spaces are accepted). lang is "zh", "en", ... or NULL to detect it. name
 * identifies the document when it carries no symbol of its own (usually the
 * path). Borrows cat, name and bytes. Returns a new object; free with
 * instcite_doc_free. NULL on failure (err filled; for invalid UTF-8 the
 * offset of the first bad byte). Time and memory are linear in len. */
INSTCITE_API instcite_doc *instcite_extract(const instcite_catalog *cat, const char *name,
                                            const void *bytes, size_t len, const char *lang,
                                            instcite_error *err);

/* Input formats. instcite_extract (and every function built on it) looks
 * at the bytes first: a PDF ("%PDF-" in the first 1024 bytes), a Word .docx
 * (a zip holding word/document.xml) or an HTML page ("<!DOCTYPE html",
 * "<html", or markup when name ends in .html/.htm) is first turned into its
 * text layer, as pdftotext would print it: lines, a form feed before each
 * page after the first (PDF, and DOCX page breaks), footnotes after a
 * "__________________" line as "N text", footnote markers in running text as
 * superscript digits (PDF: digits set smaller and raised; HTML: <sup>; DOCX:
 * footnote references, with footnotes.xml as the notes). Every other input
 * is text. The document's info.source names the format, and offsets refer
 * to the text layer. An encrypted PDF fails with INSTCITE_ERR_UNSUPPORTED,
 * one without text (scanned, image-only) with INSTCITE_ERR_EMPTY; there is
 * no OCR. */

/* The text layer of len bytes, the text that offsets of a document read
 * from these bytes refer to: *text receives a new NUL-terminated UTF-8
 * buffer (free with free), *text_len its length, *source (may be NULL) the
 * format: "pdf", "html", "docx", or "text" (then *text is a copy of the
 * bytes). name (may be NULL) is used only for its extension. Borrows bytes
 * and name. Fails as instcite_extract does on such a document. */
INSTCITE_API instcite_status instcite_input_text(const void *bytes, size_t len, const char *name,
                                                 char **text, size_t *text_len, const char **source,
                                                 instcite_error *err);

/* Reads path whole and calls instcite_extract with name = path. Borrows all
 * arguments. *out receives a new object; free with instcite_doc_free. */
INSTCITE_API instcite_status instcite_extract_file(const instcite_catalog *cat, const char *path,
                                                   const char *lang, instcite_doc **out,
                                                   instcite_error *err);

/* What to do with bytes that are invalid in the input's encoding. */
enum {
    INSTCITE_INVALID_REJECT = 0, /* fail with INSTCITE_ERR_ENCODING and the offset */
    INSTCITE_INVALID_REPLACE     /* read each bad byte (UTF-16: 16-bit unit) as U+FFFD
                                  * and add an "invalid-replaced" warning for it */
};

/* Options of instcite_extract_opts; a zeroed struct (or NULL) gives the
 * behaviour of instcite_extract with lang NULL. */
typedef struct instcite_options {
    const char *lang;     /* as for instcite_extract; NULL detects */
    /* NULL or "auto": a BOM decides (UTF-8, UTF-16LE, UTF-16BE); without
     * one, UTF-16 whose units mostly have a zero high byte is recognised
     * (an "encoding-detected" warning says so); otherwise valid UTF-8 is
     * UTF-8, and bytes shaped like GB18030 Chinese are
     * GB18030 (only when lang is NULL or "zh"; an "encoding-detected"
     * warning says so). Or one of the names instcite_encoding_name accepts. */
    const char *encoding;
    int invalid_policy;   /* INSTCITE_INVALID_REJECT (default) or _REPLACE */
} instcite_options;

/* The canonical name of a supported encoding: "UTF-8", "UTF-16" (by BOM,
 * little-endian without one), "UTF-16LE", "UTF-16BE", "GB18030", "GBK",
 * "GB2312", "BIG5", "WINDOWS-1252", "ISO-8859-1", "WINDOWS-1251", "KOI8-R",
 * "WINDOWS-1256" (case-insensitive; "utf8", "cp936", "latin1" ... too);
 * "auto" for NULL or "auto"; NULL when unsupported. Static string. */
INSTCITE_API const char *instcite_encoding_name(const char *name);

/* instcite_extract with options. Input in another encoding is converted to
 * UTF-8 for matching; offsets (mention and warning start/end, the error
 * offset) still refer to the bytes passed in, and mention text is UTF-8.
 * Fails as instcite_extract does, and with INSTCITE_ERR_INVALID for an
 * unknown encoding or policy, INSTCITE_ERR_LIMIT when the UTF-8 form of the
 * input is larger than INSTCITE_MAX_INPUT. Time and memory linear in len. */
INSTCITE_API instcite_doc *instcite_extract_opts(const instcite_catalog *cat, const char *name,
                                                 const void *bytes, size_t len,
                                                 const instcite_options *opts, instcite_error *err);

/* Reads path whole and calls instcite_extract_opts with name = path. Only a
 * regular file is read: a directory, FIFO, device or socket fails with
 * INSTCITE_ERR_IO at once (it is never opened for blocking reads), a file
 * larger than INSTCITE_MAX_INPUT with INSTCITE_ERR_LIMIT. Borrows all
 * arguments. *out receives a new object; free with instcite_doc_free. */
INSTCITE_API instcite_status instcite_extract_file_opts(const instcite_catalog *cat, const char *path,
                                                        const instcite_options *opts,
                                                        instcite_doc **out, instcite_error *err);

/* Accessors. Returned pointers live until instcite_doc_free. Indexes past the
 * count return NULL. Mentions are in input order. */
INSTCITE_API const instcite_docinfo *instcite_doc_info(const instcite_doc *doc);
INSTCITE_API size_t instcite_doc_mention_count(const instcite_doc *doc);
INSTCITE_API const instcite_mention *instcite_doc_mention(const instcite_doc *doc, size_t i);
INSTCITE_API size_t instcite_doc_relation_count(const instcite_doc *doc);
INSTCITE_API const instcite_relation *instcite_doc_relation(const instcite_doc *doc, size_t i);
INSTCITE_API size_t instcite_doc_warning_count(const instcite_doc *doc);
INSTCITE_API const instcite_warning *instcite_doc_warning(const instcite_doc *doc, size_t i);

/* instcite_doc_free(NULL) is a no-op. */
INSTCITE_API void instcite_doc_free(instcite_doc *doc);

/* ------------------------------------------------------------------------ */
/* Output formats                                                           */

typedef enum instcite_format {
    INSTCITE_FORMAT_UNKNOWN = 0,
    INSTCITE_FORMAT_TABLE,   /* extraction: aligned text for a terminal */
    INSTCITE_FORMAT_JSONL,   /* extraction: JSON Lines records */
    INSTCITE_FORMAT_JSON,    /* extraction: one JSON document; graph: node-link JSON */
    INSTCITE_FORMAT_CSV,     /* extraction: one row per mention */
    INSTCITE_FORMAT_GRAPHML, /* graph: GraphML with Gephi's conventions */
    /* New values are appended so the ones above keep their numbers. */
    INSTCITE_FORMAT_GEXF,      /* graph: GEXF 1.3 with adoption dates (Gephi's timeline) */
    INSTCITE_FORMAT_CYTOSCAPE, /* graph: Cytoscape.js JSON {"elements": {"nodes", "edges"}} */
    INSTCITE_FORMAT_DOT,       /* graph: Graphviz DOT */
    INSTCITE_FORMAT_SVG,       /* graph: a drawing (igraph layout) */
    INSTCITE_FORMAT_HTML,      /* graph: one self-contained HTML report */
    INSTCITE_FORMAT_CSV_NODES, /* graph: the node table (nodes.csv) */
    INSTCITE_FORMAT_CSV_EDGES  /* graph: the edge table (edges.csv) */
} instcite_format;

/* "table", "jsonl", "json", "csv", "graphml", "gexf", "cytoscape", "dot",
 * "svg", "html" -> format; UNKNOWN otherwise. For a graph, CSV means the two
 * tables CSV_NODES and CSV_EDGES. */
INSTCITE_API instcite_format instcite_format_from_name(const char *name);
/* The format a graph file name asks for by its extension (".graphml",
 * ".json", ".gexf", ".cyjs", ".dot"/".gv", ".svg", ".html"/".htm", ".csv"),
 * or UNKNOWN. */
INSTCITE_API instcite_format instcite_format_from_path(const char *path);

/* Writes the records of n documents (document, mention, relation and
 * warning records) in an extraction format (TABLE, JSONL, JSON, CSV).
 * Borrows everything. Output is deterministic. */
INSTCITE_API instcite_status instcite_records_write(const instcite_doc *const *docs, size_t n,
                                                    instcite_format format, FILE *out,
                                                    instcite_error *err);

/* ------------------------------------------------------------------------ */
/* Reading records back                                                     */

/* Reads the JSON Lines records that instcite_records_write(..., JSONL, ...)
 * writes and rebuilds the documents, so that extraction can run anywhere
 * (one process per shard) and the graph be assembled from the streams. */
typedef struct instcite_jsonl_reader instcite_jsonl_reader;

/* Returns a new reader of in; free with instcite_jsonl_reader_free. Borrows
 * in, which must stay open while the reader is used. NULL when out of
 * memory (err filled). */
INSTCITE_API instcite_jsonl_reader *instcite_jsonl_reader_new(FILE *in, instcite_error *err);

/* Reads the next document: a "document" record and the mention, relation
 * and warning records of that document that follow it. On INSTCITE_OK *out
 * receives a new object (free with instcite_doc_free), or NULL at the end of
 * the stream. A malformed line (not JSON, not an object, an unknown record
 * type, a field of the wrong type, a record of another document) gives
 * INSTCITE_ERR_PARSE with err->line its 1-based line number; the document it
 * belongs to is dropped and the reader resumes at the next "document" record,
 * so calling again goes on with the rest of the stream. INSTCITE_ERR_IO and
 * INSTCITE_ERR_NOMEM end the stream. Empty lines are ignored. Time linear in
 * the input; memory bounded by the largest document. */
INSTCITE_API instcite_status instcite_jsonl_read(instcite_jsonl_reader *r, instcite_doc **out,
                                                 instcite_error *err);

/* instcite_jsonl_reader_free(NULL) is a no-op. Does not close the stream. */
INSTCITE_API void instcite_jsonl_reader_free(instcite_jsonl_reader *r);

/* ------------------------------------------------------------------------ */
/* Citation graph                                                           */

typedef struct instcite_graph instcite_graph;

/* Returns a new, empty graph; free with instcite_graph_free. Borrows cat,
 * which must outlive the graph. NULL on failure (err filled). */
INSTCITE_API instcite_graph *instcite_graph_new(const instcite_catalog *cat, instcite_error *err);

/* Adds a document and its citations, merging nodes by identity. Copies what
 * it needs: doc may be freed afterwards. */
INSTCITE_API instcite_status instcite_graph_add(instcite_graph *g, const instcite_doc *doc,
                                                instcite_error *err);

/* Node and edge counts of the graph as it would be written now. */
INSTCITE_API size_t instcite_graph_node_count(const instcite_graph *g);
INSTCITE_API size_t instcite_graph_edge_count(const instcite_graph *g);

/* Writes the graph as GRAPHML or JSON (networkx node-link, "edges" key).
 * Nodes and edges are sorted by identity; output is byte-for-byte
 * reproducible. Borrows everything. */
INSTCITE_API instcite_status instcite_graph_write(instcite_graph *g, instcite_format format,
                                                  FILE *out, instcite_error *err);

/* How SVG and HTML place the nodes. */
typedef enum instcite_layout {
    INSTCITE_LAYOUT_AUTO = 0, /* force-directed: Fruchterman-Reingold, DrL for large graphs */
    INSTCITE_LAYOUT_FORCE,    /* the same, named */
    INSTCITE_LAYOUT_TIME      /* x = year (as CitNetExplorer), y force-directed */
} instcite_layout;

/* Options of instcite_graph_write_ex; a zeroed struct (or NULL) gives the
 * defaults of instcite_graph_write. */
typedef struct instcite_write_options {
    int links;              /* JSON: name the edge array "links" (networkx < 3.4) */
    instcite_layout layout; /* SVG, HTML */
    /* HTML: the documents whose mentions and warnings the report lists.
     * Borrowed for the call; may be NULL with n_docs 0 (graph only). */
    const instcite_doc *const *docs;
    size_t n_docs;
} instcite_write_options;

/* instcite_graph_write with options, for every graph format: GRAPHML, JSON,
 * GEXF, CYTOSCAPE, DOT, SVG, HTML, CSV_NODES, CSV_EDGES (CSV itself is
 * refused: write its two tables). Every format escapes what its readers
 * interpret; output is byte-for-byte reproducible (layouts are seeded).
 * Borrows everything. INSTCITE_ERR_INVALID for another format,
 * INSTCITE_ERR_IO when a write fails, INSTCITE_ERR_GRAPH when a layout fails.
 * Time: linear in the graph, except SVG/HTML layouts (O(n^2) per
 * Fruchterman-Reingold iteration up to 1000 nodes, DrL above). */
INSTCITE_API instcite_status instcite_graph_write_ex(instcite_graph *g, instcite_format format,
                                                     const instcite_write_options *options,
                                                     FILE *out, instcite_error *err);

/* Analyses the graph and writes the report as TABLE (sections for a
 * terminal), JSON (one object: graph counts, the methods used, per-node
 * metrics, components, communities, co-cited and coupled pairs, citation
 * age, most cited per kind and per body) or CSV (one row per node with its
 * metrics). Metrics: in/out degree, weighted in-degree, documents citing,
 * PageRank, HITS hub and authority, betweenness, coreness, weakly connected
 * component, community (Louvain on the undirected view; igraph's Louvain and
 * Leiden refuse directed graphs). top bounds every list (0 means 10).
 * Deterministic: seeded RNG, nodes in id order, numbers locale-free.
 * Borrows everything. Time dominated by betweenness (O(nodes * edges)) and
 * by the pair counts (sum of squared list lengths). */
INSTCITE_API instcite_status instcite_graph_analyze(instcite_graph *g, size_t top,
                                                    instcite_format format, FILE *out,
                                                    instcite_error *err);

/* instcite_graph_free(NULL) is a no-op. */
INSTCITE_API void instcite_graph_free(instcite_graph *g);

/* ------------------------------------------------------------------------ */
/* Comparing citation sets                                                  */

/* Citation sets of documents (or of groups of documents), for comparison:
 * a set is the identities its documents cite (the targets of their `cites`
 * edges in the graph, so two language versions of one resolution have the
 * same set) with the clause verbs (language-neutral) under which each is
 * cited. Memory is linear in the number of citations. */
typedef struct instcite_compare instcite_compare;

/* Returns a new, empty comparison; free with instcite_compare_free. NULL
 * when out of memory (err filled). */
INSTCITE_API instcite_compare *instcite_compare_new(instcite_error *err);

/* Number of sets. */
INSTCITE_API size_t instcite_compare_count(const instcite_compare *c);

/* Adds doc's citations to set number `set`: set == instcite_compare_count(c)
 * starts a new set, named by the document (its symbol, else its name); a
 * smaller number adds to that set (a union: compare one agenda item's
 * resolutions of one year with the next). Copies what it needs. */
INSTCITE_API instcite_status instcite_compare_add(instcite_compare *c, const instcite_doc *doc,
                                                  size_t set, instcite_error *err);

/* Renames a set (copied). */
INSTCITE_API instcite_status instcite_compare_set_name(instcite_compare *c, size_t set,
                                                       const char *name, instcite_error *err);

/* Compares sets a and b: shared, only-a and only-b identities, Jaccard
 * (|A∩B| / |A∪B|) and overlap (|A∩B| / min(|A|, |B|)) coefficients (0 when
 * a set is empty), and the shared identities cited under different clause
 * verbs. Written as TABLE, JSON or CSV (one row per identity of A∪B). */
INSTCITE_API instcite_status instcite_compare_write_pair(instcite_compare *c, size_t a, size_t b,
                                                         instcite_format format, FILE *out,
                                                         instcite_error *err);

/* Every pair of sets (i < j, in set order) as CSV rows: names, sizes,
 * shared count, Jaccard, overlap. Time O(sets^2 * set size). */
INSTCITE_API instcite_status instcite_compare_write_matrix(instcite_compare *c, FILE *out,
                                                           instcite_error *err);

/* For every set, the k other sets with the highest Jaccard coefficient
 * (ties: more shared identities, then set order), as CSV or JSON (JSON
 * Lines, one object per set). Uses an inverted index (identity -> sets) and
 * visits the rarest identities first, stopping once no set not yet seen can
 * enter the top k; sets sharing nothing are never visited. Memory linear in
 * the citations. */
INSTCITE_API instcite_status instcite_compare_write_nearest(instcite_compare *c, size_t k,
                                                            instcite_format format, FILE *out,
                                                            instcite_error *err);

/* instcite_compare_free(NULL) is a no-op. */
INSTCITE_API void instcite_compare_free(instcite_compare *c);

#ifdef __cplusplus
}
#endif

#endif /* INSTCITE_H */
