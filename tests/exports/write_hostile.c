/*
 * Writes one small citation graph in every graph format into a directory:
 *   write_hostile DIR [seed.txt]
 * gives DIR/graph.graphml .gexf .json .links.json .cyjs .dot .svg
 * .time.svg .html .nodes.csv .edges.csv.
 *
 * The documents are built by hand (no extraction) and are hostile: titles,
 * identities, paragraph names and warnings carry markup (<script>), quotes,
 * ampersands, spreadsheet formulas (=cmd|...), newlines, tabs, backslashes,
 * U+2028 and bidi overrides (U+202E), so that tests/exports/check_exports.py can
 * check that every format keeps their meaning and renders them inert. With
 * a second argument the seed document is extracted and added too, so the
 * hostile nodes sit in a real graph.
 */
#include "instcite.h"
#include "extract/doc.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Shared with check_exports.py (HOSTILE there): keep the two in step. */
#define T_SCRIPT "<script>alert(\"x\")</script> & 'more'"
#define T_FORMULA "=cmd|' /C calc'!A0"
#define T_LINES "first line\nsecond\tline\r\nthird \\ back\\" "\xE2\x80\xA8" "sep"
#define T_RTL "\xE2\x80\xAE" "evil.exe" "\xE2\x80\xAC" " txt"
#define T_PLUS "+1-2 @SUM(A1:A2) -x"
#define T_ENTITY "&amp; &lt;b&gt; &#x41; ]]> -->"

static int mention(instcite_doc *d, instcite_kind kind, const char *where, const char *key,
                   const char *title, const char *symbol, const char *date, size_t start)
{
    instcite_mention *m = doc_add_mention(d);
    if (!m)
        return -1;
    m->kind = kind;
    m->where = doc_strdup(d, where);
    m->key = doc_strdup(d, key);
    m->title = title ? doc_strdup(d, title) : NULL;
    m->symbol = symbol ? doc_strdup(d, symbol) : NULL;
    m->date = date ? doc_strdup(d, date) : NULL;
    m->clause = doc_strdup(d, "recall");
    m->verb = doc_strdup(d, "Recalling <i>");
    m->text = doc_strdup(d, key);
    m->start = start;
    m->end = start + strlen(key);
    m->confidence = 0.5;
    return m->where && m->key ? 0 : -1;
}

static instcite_doc *hostile_doc(void)
{
    instcite_doc *d = doc_new("hostile \"doc\" <1>.txt");
    if (!d)
        return NULL;
    d->info.symbol = doc_strdup(d, "A/RES/99/1");
    d->info.lang = doc_strdup(d, "en");
    d->info.kind = INSTCITE_KIND_GA_RESOLUTION;
    d->info.body = doc_strdup(d, "GA");
    d->info.session = 99;
    d->info.date = doc_strdup(d, "2044-12-18");
    d->info.agenda_item = doc_strdup(d, T_FORMULA);
    d->info.title = doc_strdup(d, T_SCRIPT " " T_RTL);
    d->info.report = doc_strdup(d, "A/99/<400>");
    int rc = 0;
    rc |= mention(d, INSTCITE_KIND_CONVENTION, "PP1", T_SCRIPT, T_SCRIPT, NULL, "1989", 10);
    rc |= mention(d, INSTCITE_KIND_OTHER_INSTRUMENT, "PP2", T_FORMULA, NULL, NULL, NULL, 40);
    rc |= mention(d, INSTCITE_KIND_DECLARATION, "OP1", T_LINES, T_LINES, NULL, "2001-02-03", 80);
    rc |= mention(d, INSTCITE_KIND_GA_RESOLUTION, "OP2", T_RTL, NULL, T_RTL, "2019-12-18", 120);
    rc |= mention(d, INSTCITE_KIND_PROTOCOL, "OP3<b>", T_PLUS, T_ENTITY, NULL, NULL, 160);
    rc |= mention(d, INSTCITE_KIND_CONVENTION, "OP4", T_SCRIPT, T_SCRIPT, NULL, "1989", 200);
    instcite_relation *r = doc_add_relation(d);
    if (!r)
        rc = -1;
    else {
        r->from = doc_strdup(d, T_PLUS);
        r->type = doc_strdup(d, "protocol_to");
        r->to = doc_strdup(d, T_SCRIPT);
        r->where = doc_strdup(d, "OP3<b>");
    }
    instcite_warning *w = doc_add_warning(d);
    if (!w)
        rc = -1;
    else {
        w->code = doc_strdup(d, "not-in-catalog");
        w->where = doc_strdup(d, "PP2");
        w->message = doc_strdup(d, "unknown title " T_FORMULA " " T_SCRIPT " " T_RTL);
    }
    if (rc) {
        instcite_doc_free(d);
        return NULL;
    }
    return d;
}

static const struct {
    const char *suffix;
    instcite_format format;
    int links;
    instcite_layout layout;
} outputs[] = {
    {"graph.graphml", INSTCITE_FORMAT_GRAPHML, 0, INSTCITE_LAYOUT_AUTO},
    {"graph.gexf", INSTCITE_FORMAT_GEXF, 0, INSTCITE_LAYOUT_AUTO},
    {"graph.json", INSTCITE_FORMAT_JSON, 0, INSTCITE_LAYOUT_AUTO},
    {"graph.links.json", INSTCITE_FORMAT_JSON, 1, INSTCITE_LAYOUT_AUTO},
    {"graph.cyjs", INSTCITE_FORMAT_CYTOSCAPE, 0, INSTCITE_LAYOUT_AUTO},
    {"graph.dot", INSTCITE_FORMAT_DOT, 0, INSTCITE_LAYOUT_AUTO},
    {"graph.svg", INSTCITE_FORMAT_SVG, 0, INSTCITE_LAYOUT_AUTO},
    {"graph.time.svg", INSTCITE_FORMAT_SVG, 0, INSTCITE_LAYOUT_TIME},
    {"graph.html", INSTCITE_FORMAT_HTML, 0, INSTCITE_LAYOUT_AUTO},
    {"graph.nodes.csv", INSTCITE_FORMAT_CSV_NODES, 0, INSTCITE_LAYOUT_AUTO},
    {"graph.edges.csv", INSTCITE_FORMAT_CSV_EDGES, 0, INSTCITE_LAYOUT_AUTO},
};

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s DIR [SEED.txt]\n", argv[0]);
        return 2;
    }
    /* The environment's locale: output must not depend on it. */
    setlocale(LC_ALL, "");
    instcite_error err = {0};
    instcite_catalog *cat = instcite_catalog_new(&err);
    instcite_graph *g = cat ? instcite_graph_new(cat, &err) : NULL;
    instcite_doc *docs[2] = {hostile_doc(), NULL};
    size_t n = 1;
    int rc = 0;
    if (!g || !docs[0]) {
        fprintf(stderr, "setup: %s\n", err.message);
        rc = 1;
    }
    if (!rc && argc == 3) {
        if (instcite_extract_file(cat, argv[2], NULL, &docs[1], &err) != INSTCITE_OK) {
            fprintf(stderr, "%s: %s\n", argv[2], err.message);
            rc = 1;
        } else {
            n = 2;
        }
    }
    for (size_t i = 0; i < n && !rc; i++)
        if (instcite_graph_add(g, docs[i], &err) != INSTCITE_OK) {
            fprintf(stderr, "add: %s\n", err.message);
            rc = 1;
        }
    for (size_t k = 0; k < sizeof outputs / sizeof outputs[0] && !rc; k++) {
        size_t len = strlen(argv[1]) + strlen(outputs[k].suffix) + 2;
        char *path = malloc(len);
        if (!path) {
            rc = 1;
            break;
        }
        snprintf(path, len, "%s/%s", argv[1], outputs[k].suffix);
        FILE *out = fopen(path, "wb");
        instcite_write_options wo = {.links = outputs[k].links, .layout = outputs[k].layout,
                                     .docs = (const instcite_doc *const *)docs, .n_docs = n};
        if (!out) {
            perror(path);
            rc = 1;
        } else {
            if (instcite_graph_write_ex(g, outputs[k].format, &wo, out, &err) != INSTCITE_OK) {
                fprintf(stderr, "%s: %s\n", path, err.message);
                rc = 1;
            }
            if (fclose(out) != 0)
                rc = 1;
        }
        free(path);
    }
    /* CSV as one format is refused with a clear error. */
    if (!rc && instcite_graph_write_ex(g, INSTCITE_FORMAT_CSV, NULL, stdout, &err) !=
                   INSTCITE_ERR_INVALID) {
        fprintf(stderr, "CSV as one stream was not refused\n");
        rc = 1;
    }
    for (size_t i = 0; i < 2; i++)
        instcite_doc_free(docs[i]);
    instcite_graph_free(g);
    instcite_catalog_free(cat);
    return rc;
}
