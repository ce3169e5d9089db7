/*
 * Checks one document read from its file format (PDF, DOCX, HTML):
 *
 *   run-doc DOC EXPECTED [SOURCE [TXT]]
 *
 * DOC is extracted through the public API as bytes (the format found by
 * content). Its mentions, relations and warnings must be the lines of
 * EXPECTED (the format of tests/extract/run_cases.c: lines after
 * "--- mentions", '#' lines are comments). Every mention's text must be the
 * text layer's bytes between its offsets (instcite_input_text), and
 * info.source must be SOURCE (default "pdf"). With TXT (the same document's
 * text layer as pdftotext printed it), both must cite the same set of
 * identities and relations.
 */
#include "instcite.h"
#include "doclines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static buf slurp(const char *path)
{
    buf b = {0};
    put(&b, "", 0);
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        put(&b, chunk, n);
    fclose(f);
    return b;
}

static instcite_doc *extract(const instcite_catalog *cat, const char *path, const buf *bytes)
{
    instcite_error err = {0};
    instcite_doc *doc = instcite_extract(cat, path, bytes->s, bytes->len, NULL, &err);
    if (!doc) {
        printf("FAIL %s: extraction failed: %s\n", path, err.message);
        exit(1);
    }
    return doc;
}

/* "key" lines of mentions and "from type to" lines of relations, sorted and
 * unique: the identities a document cites. */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t identity_set(const instcite_doc *doc, char ***out)
{
    size_t n = instcite_doc_mention_count(doc) + instcite_doc_relation_count(doc), k = 0;
    char **v = calloc(n ? n : 1, sizeof *v);
    for (size_t i = 0; i < instcite_doc_mention_count(doc); i++) {
        const instcite_mention *m = instcite_doc_mention(doc, i);
        size_t len = strlen(m->key) + 32;
        v[k] = malloc(len);
        snprintf(v[k++], len, "%s %s", instcite_kind_name(m->kind), m->key);
    }
    for (size_t i = 0; i < instcite_doc_relation_count(doc); i++) {
        const instcite_relation *r = instcite_doc_relation(doc, i);
        size_t len = strlen(r->from) + strlen(r->type) + strlen(r->to) + 8;
        v[k] = malloc(len);
        snprintf(v[k++], len, "%s %s %s", r->from, r->type, r->to);
    }
    qsort(v, k, sizeof *v, cmp_str);
    size_t u = 0;
    for (size_t i = 0; i < k; i++) {
        if (u && strcmp(v[u - 1], v[i]) == 0)
            free(v[i]);
        else
            v[u++] = v[i];
    }
    *out = v;
    return u;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 5) {
        fprintf(stderr, "usage: run-doc DOC EXPECTED [SOURCE [TXT]]\n");
        return 2;
    }
    const char *path = argv[1], *source = argc > 3 ? argv[3] : "pdf";
    instcite_error err = {0};
    instcite_catalog *cat = instcite_catalog_new(&err);
    if (!cat) {
        fprintf(stderr, "catalog: %s\n", err.message);
        return 2;
    }
    buf bytes = slurp(path), exp_raw = slurp(argv[2]), want = {0};
    put(&want, "", 0);
    for (char *line = exp_raw.s; line && *line;) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) + 1 : strlen(line);
        if (line[0] != '#')
            put(&want, line, n);
        line += n;
    }
    instcite_doc *doc = extract(cat, path, &bytes);
    int fail = 0;
    const instcite_docinfo *info = instcite_doc_info(doc);
    if (!info->source || strcmp(info->source, source) != 0) {
        printf("FAIL %s: source is %s, not %s\n", path, info->source ? info->source : "(text)", source);
        fail = 1;
    }
    char *layer = NULL;
    size_t layer_len = 0;
    const char *layer_source = NULL;
    if (instcite_input_text(bytes.s, bytes.len, path, &layer, &layer_len, &layer_source, &err) != INSTCITE_OK) {
        printf("FAIL %s: no text layer: %s\n", path, err.message);
        return 1;
    }
    buf got = {0};
    size_t bad_offsets = doc_lines(doc, layer, layer_len, &got);
    if (bad_offsets) {
        printf("FAIL %s: %zu offset(s) that are not the text layer's\n", path, bad_offsets);
        fail = 1;
    }
    if (strcmp(got.s, want.s) != 0) {
        printf("FAIL %s: mentions differ from %s\n--- expected\n%s--- got\n%s", path, argv[2], want.s, got.s);
        fail = 1;
    }
    if (argc > 4) {
        buf txt = slurp(argv[4]);
        instcite_doc *tdoc = extract(cat, argv[4], &txt);
        char **a, **b;
        size_t na = identity_set(doc, &a), nb = identity_set(tdoc, &b);
        size_t i = 0, j = 0;
        while (i < na || j < nb) {
            int c = i == na ? 1 : j == nb ? -1 : strcmp(a[i], b[j]);
            if (c < 0)
                printf("FAIL only in %s: %s\n", path, a[i++]), fail = 1;
            else if (c > 0)
                printf("FAIL only in %s: %s\n", argv[4], b[j++]), fail = 1;
            else
                i++, j++;
        }
        if (!fail)
            printf("ok   %s and %s cite the same %zu identities and relations\n", path, argv[4], na);
        for (size_t q = 0; q < na; q++)
            free(a[q]);
        for (size_t q = 0; q < nb; q++)
            free(b[q]);
        free(a);
        free(b);
        instcite_doc_free(tdoc);
        free(txt.s);
    }
    if (!fail)
        printf("ok   %s: %zu mentions as in %s\n", path, instcite_doc_mention_count(doc), argv[2]);
    printf("%d passed, %d failed\n", !fail, fail);
    free(layer);
    free(got.s);
    free(want.s);
    free(exp_raw.s);
    free(bytes.s);
    instcite_doc_free(doc);
    instcite_catalog_free(cat);
    return fail;
}
