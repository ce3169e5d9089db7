/* The --from-jsonl reader (instcite_jsonl_read) on raw bytes: every
 * document it rebuilds must be usable (its records are written again), and
 * after a malformed line reading goes on. */
#define _POSIX_C_SOURCE 200809L
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    FILE *in = fmemopen((void *)data, size, "rb");
    if (!in)
        return 0;
    instcite_error err;
    instcite_jsonl_reader *r = instcite_jsonl_reader_new(in, &err);
    FILE *sink = fopen("/dev/null", "w");
    for (int guard = 0; r && guard < 100000; guard++) {
        instcite_doc *doc = NULL;
        instcite_status st = instcite_jsonl_read(r, &doc, &err);
        if (st == INSTCITE_ERR_PARSE)
            continue;
        if (st != INSTCITE_OK || !doc)
            break;
        const instcite_doc *docs[] = {doc};
        if (sink)
            instcite_records_write(docs, 1, INSTCITE_FORMAT_JSONL, sink, &err);
        instcite_doc_free(doc);
    }
    if (sink)
        fclose(sink);
    instcite_jsonl_reader_free(r);
    fclose(in);
    return 0;
}
