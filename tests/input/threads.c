/*
 * PDF, DOCX and HTML inputs extracted on several threads at once (as
 * `instcite extract --jobs` does) give what they give on one thread:
 *
 *   input-threads FILE...
 *
 * Each file is extracted once alone; then 4 threads extract every file 3
 * times, each thread in its own order, and every result must match.
 */
#include "instcite.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 4
#define ROUNDS 3

static const instcite_catalog *cat;
static char **paths;
static int n_paths;
static char **want; /* per file: its mentions, one line each */

/* A document's mentions as text: where, kind, key, footnote, offsets. */
static char *signature(const char *path)
{
    instcite_doc *doc = NULL;
    instcite_error err = {0};
    if (instcite_extract_file(cat, path, NULL, &doc, &err) != INSTCITE_OK) {
        char *e = malloc(300);
        snprintf(e, 300, "error %s", err.message);
        return e;
    }
    size_t cap = 1024, len = 0;
    char *s = malloc(cap);
    s[0] = '\0';
    for (size_t i = 0; i < instcite_doc_mention_count(doc); i++) {
        const instcite_mention *m = instcite_doc_mention(doc, i);
        char line[1024];
        int n = snprintf(line, sizeof line, "%s %s %s %s %zu %zu\n", m->where, instcite_kind_name(m->kind),
                         m->key, m->footnote ? m->footnote : "-", m->start, m->end);
        if (n < 0)
            continue;
        if (len + (size_t)n + 1 > cap) {
            cap = (len + (size_t)n + 1) * 2;
            s = realloc(s, cap);
        }
        memcpy(s + len, line, (size_t)n + 1);
        len += (size_t)n;
    }
    instcite_doc_free(doc);
    return s;
}

static void *worker(void *arg)
{
    long t = (long)arg;
    long bad = 0;
    for (int r = 0; r < ROUNDS; r++)
        for (int i = 0; i < n_paths; i++) {
            int f = (int)((i * (t + 1) + t + r) % n_paths); /* each thread its own order */
            char *got = signature(paths[f]);
            if (strcmp(got, want[f]) != 0) {
                printf("FAIL thread %ld: %s differs from its one-thread result\n", t, paths[f]);
                bad++;
            }
            free(got);
        }
    return (void *)bad;
}

int main(int argc, char **argv)
{
    instcite_error err = {0};
    instcite_catalog *c = instcite_catalog_new(&err);
    if (!c || argc < 2) {
        fprintf(stderr, "usage: input-threads FILE... (%s)\n", err.message);
        return 2;
    }
    cat = c;
    paths = argv + 1;
    n_paths = argc - 1;
    want = calloc((size_t)n_paths, sizeof *want);
    for (int i = 0; i < n_paths; i++)
        want[i] = signature(paths[i]);
    pthread_t th[THREADS];
    for (long t = 0; t < THREADS; t++)
        if (pthread_create(&th[t], NULL, worker, (void *)t) != 0) {
            perror("pthread_create");
            return 2;
        }
    long bad = 0;
    for (int t = 0; t < THREADS; t++) {
        void *r;
        pthread_join(th[t], &r);
        bad += (long)r;
    }
    for (int i = 0; i < n_paths; i++)
        free(want[i]);
    free(want);
    instcite_catalog_free(c);
    printf("%s %d files x %d threads x %d rounds\n", bad ? "FAIL" : "ok  ", n_paths, THREADS, ROUNDS);
    printf("%d passed, %d failed\n", bad ? 0 : 1, bad ? 1 : 0);
    return bad ? 1 : 0;
}
