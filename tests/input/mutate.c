/*
 * Damaged documents never crash the input stage: each FILE is read, then
 * extracted again in ROUNDS variants, each with a few bytes overwritten or
 * cut short (a fixed seed: every run tries the same variants). A variant
 * may fail with an error or give some text; it must not crash, leak or
 * report success without a document.
 *
 *   input-mutate FILE...
 */
#include "instcite.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROUNDS 150

static uint64_t state = 0x9E3779B97F4A7C15u;

static uint64_t next(void) /* xorshift64* */
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545F4914F6CDD1Du;
}

int main(int argc, char **argv)
{
    instcite_error err = {0};
    instcite_catalog *cat = instcite_catalog_new(&err);
    if (!cat) {
        fprintf(stderr, "catalog: %s\n", err.message);
        return 2;
    }
    int failed = 0;
    for (int a = 1; a < argc; a++) {
        FILE *f = fopen(argv[a], "rb");
        if (!f) {
            perror(argv[a]);
            return 2;
        }
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        rewind(f);
        unsigned char *orig = malloc((size_t)size), *buf = malloc((size_t)size);
        if (!orig || !buf || fread(orig, 1, (size_t)size, f) != (size_t)size) {
            fprintf(stderr, "%s: cannot read\n", argv[a]);
            return 2;
        }
        fclose(f);
        int ok = 0, errors = 0;
        for (int r = 0; r < ROUNDS; r++) {
            memcpy(buf, orig, (size_t)size);
            size_t len = (size_t)size;
            int edits = 1 + (int)(next() % 8);
            for (int e = 0; e < edits; e++) {
                /* Keep the first 8 bytes (the format stays the same). */
                size_t at = 8 + (size_t)(next() % (uint64_t)(len - 8));
                buf[at] = (unsigned char)next();
            }
            if (next() % 4 == 0)
                len = 8 + (size_t)(next() % (uint64_t)(len - 8));
            instcite_doc *doc = instcite_extract(cat, argv[a], buf, len, NULL, &err);
            char *text = NULL;
            size_t text_len = 0;
            instcite_status st = instcite_input_text(buf, len, argv[a], &text, &text_len, NULL, &err);
            if (doc)
                ok++;
            else
                errors++;
            if (st == INSTCITE_OK && !text) {
                printf("FAIL %s variant %d: success without a text\n", argv[a], r);
                failed++;
            }
            free(text);
            instcite_doc_free(doc);
        }
        printf("ok   %s: %d variants, %d read, %d refused\n", argv[a], ROUNDS, ok, errors);
        free(orig);
        free(buf);
    }
    instcite_catalog_free(cat);
    printf("%d passed, %d failed\n", failed ? 0 : 1, failed ? 1 : 0);
    return failed ? 1 : 0;
}
