/* The extractor on raw bytes: every encoding path (detection, UTF-16 by
 * BOM, GB18030, invalid bytes replaced or rejected), the input formats (PDF,
 * HTML, .docx: seeds input-*) and the records writers on whatever it found.
 * Offsets must lie inside the input (a document's: inside its text layer). */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const instcite_catalog *cat = fuzz_catalog();
    /* The first byte picks the options; the rest is the document. */
    static const char *const encodings[] = {NULL, "UTF-16LE", "UTF-16BE", "GB18030"};
    static const char *const langs[] = {NULL, "zh", "en", "fr"};
    instcite_options o = {0};
    if (size > 0) {
        o.encoding = encodings[data[0] & 3];
        o.lang = langs[(data[0] >> 2) & 3];
        o.invalid_policy = (data[0] >> 4) & 1 ? INSTCITE_INVALID_REPLACE : INSTCITE_INVALID_REJECT;
        data++;
        size--;
    }
    instcite_error err;
    instcite_doc *doc = instcite_extract_opts(cat, "fuzz", data, size, &o, &err);
    if (!doc) {
        if (err.offset > (long long)size)
            abort();
        return 0;
    }
    /* A PDF, HTML or .docx input: offsets lie in its text layer. */
    size_t limit = size;
    if (instcite_doc_info(doc)->source) {
        char *layer = NULL;
        if (instcite_input_text(data, size, "fuzz", &layer, &limit, NULL, &err) != INSTCITE_OK)
            abort();
        free(layer);
    }
    for (size_t i = 0; i < instcite_doc_mention_count(doc); i++) {
        const instcite_mention *m = instcite_doc_mention(doc, i);
        if (m->start > m->end || m->end > limit || !m->key || !m->where || !m->text)
            abort();
    }
    for (size_t i = 0; i < instcite_doc_warning_count(doc); i++) {
        const instcite_warning *w = instcite_doc_warning(doc, i);
        if (w->start > w->end || w->end > limit)
            abort();
    }
    FILE *sink = fopen("/dev/null", "w");
    if (sink) {
        const instcite_doc *docs[] = {doc};
        instcite_records_write(docs, 1, INSTCITE_FORMAT_JSONL, sink, &err);
        instcite_records_write(docs, 1, INSTCITE_FORMAT_CSV, sink, &err);
        fclose(sink);
    }
    instcite_doc_free(doc);
    return 0;
}
