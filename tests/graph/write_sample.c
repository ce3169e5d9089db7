/*
 * Writes a small sample citation graph as GraphML and as node-link JSON:
 *   write_sample OUT.graphml OUT.json
 * The documents are built by hand (no extraction) and include text that
 * needs escaping, non-ASCII identities and a cited-and-added document, so
 * the schema check and the networkx comparison exercise the hard cases.
 */
#include "instcite.h"
#include "extract/doc.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

static int add_mention(instcite_doc *d, instcite_kind kind, const char *where, const char *key,
                       const char *catalog_id, const char *clause, size_t start)
{
    instcite_mention *m = doc_add_mention(d);
    if (!m)
        return -1;
    m->kind = kind;
    m->where = doc_strdup(d, where);
    m->key = doc_strdup(d, key);
    m->catalog_id = catalog_id ? doc_strdup(d, catalog_id) : NULL;
    if (kind == INSTCITE_KIND_GA_RESOLUTION || kind == INSTCITE_KIND_REPORT)
        m->symbol = m->key;
    m->clause = clause ? doc_strdup(d, clause) : NULL;
    m->start = start;
    m->end = start + 8;
    m->confidence = 1.0;
    return m->where && m->key ? 0 : -1;
}

static instcite_doc *make_doc(const char *name, const char *symbol, const char *lang,
                              const char *title)
{
    instcite_doc *d = doc_new(name);
    if (!d)
        return NULL;
    d->info.symbol = symbol ? doc_strdup(d, symbol) : NULL;
    d->info.lang = doc_strdup(d, lang);
    d->info.kind = symbol ? INSTCITE_KIND_GA_RESOLUTION : INSTCITE_KIND_UNKNOWN;
    d->info.body = symbol ? doc_strdup(d, "GA") : NULL;
    d->info.session = symbol ? 74 : 0;
    d->info.date = symbol ? doc_strdup(d, "2019-12-18") : NULL;
    d->info.agenda_item = symbol ? doc_strdup(d, "106") : NULL;
    d->info.title = doc_strdup(d, title);
    return d;
}

#define CRC "Convention on the Rights of the Child"
#define OPSC                                                                                  \
    "Optional Protocol to the Convention on the Rights of the Child on the sale of children, " \
    "child prostitution and child pornography"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s OUT.graphml OUT.json\n", argv[0]);
        return 2;
    }
    /* Honour the environment's locale, so running under a comma-decimal
     * locale shows that the output does not depend on it. */
    setlocale(LC_ALL, "");
    instcite_error err;
    instcite_catalog *cat = instcite_catalog_new(&err);
    instcite_graph *g = cat ? instcite_graph_new(cat, &err) : NULL;
    if (!g) {
        fprintf(stderr, "setup: %s\n", err.message);
        instcite_catalog_free(cat);
        return 1;
    }
    instcite_doc *docs[3] = {
        make_doc("A_RES_74_174.en.txt", "A/RES/74/174", "en",
                 "Countering child sexual exploitation & abuse <online>, \"quoted\" 'too'"),
        make_doc("A_RES_74_174.zh.txt", "A/RES/74/174", "zh",
                 "\xE6\x89\x93\xE5\x87\xBB\xE5\x84\xBF\xE7\xAB\xA5"), /* 打击儿童 */
        make_doc("\xE6\x96\x87\xE4\xBB\xB6 notes_1.txt", NULL, "zh", "tab\tand\nnewline"),
    };
    int rc = 0;
    for (int i = 0; i < 3; i++)
        if (!docs[i])
            rc = 1;
    if (!rc) {
        rc |= add_mention(docs[0], INSTCITE_KIND_REPORT, "HEADER", "A/74/400", NULL, NULL, 3);
        rc |= add_mention(docs[0], INSTCITE_KIND_CONVENTION, "PP8", CRC, "crc", "recall", 120);
        rc |= add_mention(docs[0], INSTCITE_KIND_PROTOCOL, "PP8", OPSC, "crc-opsc", "recall", 160);
        rc |= add_mention(docs[0], INSTCITE_KIND_GA_RESOLUTION, "PP12", "A/RES/73/154", NULL,
                          "recall", 400);
        rc |= add_mention(docs[0], INSTCITE_KIND_CONVENTION, "OP3", CRC, "crc", "urge", 900);
        rc |= add_mention(docs[1], INSTCITE_KIND_CONVENTION, "PP8", CRC, "crc", "recall", 90);
        rc |= add_mention(docs[2], INSTCITE_KIND_GA_RESOLUTION, "PP1", "A/RES/74/174", NULL,
                          "recall", 12);
        rc |= add_mention(docs[2], INSTCITE_KIND_OTHER_INSTRUMENT, "OP1",
                          "Rules & <Guidelines> \xE6\x9D\xA1\xE4\xBE\x8B", NULL, "take_note", 40);
    }
    for (int i = 0; i < 3 && !rc; i++)
        if (instcite_graph_add(g, docs[i], &err) != INSTCITE_OK) {
            fprintf(stderr, "add: %s\n", err.message);
            rc = 1;
        }
    const char *paths[2] = {argv[1], argv[2]};
    instcite_format fmts[2] = {INSTCITE_FORMAT_GRAPHML, INSTCITE_FORMAT_JSON};
    for (int k = 0; k < 2 && !rc; k++) {
        FILE *out = fopen(paths[k], "w");
        if (!out) {
            perror(paths[k]);
            rc = 1;
            break;
        }
        if (instcite_graph_write(g, fmts[k], out, &err) != INSTCITE_OK) {
            fprintf(stderr, "write %s: %s\n", paths[k], err.message);
            rc = 1;
        }
        if (fclose(out) != 0)
            rc = 1;
    }
    for (int i = 0; i < 3; i++)
        instcite_doc_free(docs[i]);
    instcite_graph_free(g);
    instcite_catalog_free(cat);
    return rc ? 1 : 0;
}
