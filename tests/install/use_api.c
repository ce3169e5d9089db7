/* A program built against an installed instcite, through pkg-config only:
 * it sees nothing of the source tree. Extracts the seed resolution through
 * the public API and checks what a user would check first.
 *
 *   use_api SEED.txt EXPECTED_MENTIONS EXPECTED_VERSION
 */
#include <instcite.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: use_api SEED.txt EXPECTED_MENTIONS EXPECTED_VERSION\n");
        return 2;
    }
    if (strcmp(instcite_version(), argv[3]) != 0) {
        fprintf(stderr, "use_api: library version %s, expected %s\n", instcite_version(), argv[3]);
        return 1;
    }
    instcite_error err = {0};
    instcite_catalog *cat = instcite_catalog_new(&err);
    if (!cat) {
        fprintf(stderr, "use_api: catalog: %s\n", err.message);
        return 1;
    }
    instcite_doc *doc = NULL;
    if (instcite_extract_file(cat, argv[1], NULL, &doc, &err) != INSTCITE_OK) {
        fprintf(stderr, "use_api: %s: %s\n", argv[1], err.message);
        instcite_catalog_free(cat);
        return 1;
    }
    int status = 0;
    size_t want = strtoul(argv[2], NULL, 10);
    size_t got = instcite_doc_mention_count(doc);
    const instcite_docinfo *info = instcite_doc_info(doc);
    if (got != want) {
        fprintf(stderr, "use_api: %zu mentions, expected %zu\n", got, want);
        status = 1;
    }
    if (!info->symbol || strcmp(info->symbol, "A/RES/74/174") != 0 || strcmp(info->lang, "zh") != 0) {
        fprintf(stderr, "use_api: document %s [%s], expected A/RES/74/174 [zh]\n",
                info->symbol ? info->symbol : "(none)", info->lang);
        status = 1;
    }
    for (size_t i = 0; i < got; i++) {
        const instcite_mention *m = instcite_doc_mention(doc, i);
        printf("%s\t%s\t%s\n", m->where, instcite_kind_name(m->kind), m->key);
    }
    /* The graph side of the API links too. */
    instcite_graph *g = instcite_graph_new(cat, &err);
    if (!g || instcite_graph_add(g, doc, &err) != INSTCITE_OK || instcite_graph_node_count(g) < 2) {
        fprintf(stderr, "use_api: graph: %s\n", err.message);
        status = 1;
    }
    instcite_graph_free(g);
    instcite_doc_free(doc);
    instcite_catalog_free(cat);
    return status;
}
