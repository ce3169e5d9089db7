#include "extract/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bump allocator: strings are never freed one by one, only with the doc. */
struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    char data[];
};

/* Blocks double from ARENA_FIRST to ARENA_BLOCK: a short resolution's
 * strings fit in a block or two, and a corpus held in memory does not pay
 * 16 KiB per document. */
enum { ARENA_FIRST = 1024, ARENA_BLOCK = 16384 };

static char *arena_alloc(instcite_doc *doc, size_t n)
{
    struct arena_block *b = doc->arena;
    if (!b || b->cap - b->used < n) {
        size_t want = !b ? ARENA_FIRST : b->cap < ARENA_BLOCK ? b->cap * 2 : ARENA_BLOCK;
        size_t cap = n > want ? n : want;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = doc->arena;
        b->used = 0;
        b->cap = cap;
        doc->arena = b;
    }
    char *p = b->data + b->used;
    b->used += n;
    return p;
}

instcite_doc *doc_new(const char *name)
{
    instcite_doc *doc = calloc(1, sizeof *doc);
    if (!doc)
        return NULL;
    doc->info.name = doc_strdup(doc, name ? name : "-");
    if (!doc->info.name) {
        instcite_doc_free(doc);
        return NULL;
    }
    return doc;
}

const char *doc_strndup(instcite_doc *doc, const char *s, size_t len)
{
    char *p = arena_alloc(doc, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

const char *doc_strdup(instcite_doc *doc, const char *s)
{
    return s ? doc_strndup(doc, s, strlen(s)) : NULL;
}

const char *doc_printf(instcite_doc *doc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = arena_alloc(doc, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

/* Grows *arr (element size sz) so that one more element fits; zeroes it. */
static void *push(void **arr, size_t *n, size_t *cap, size_t sz)
{
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        void *p = realloc(*arr, ncap * sz);
        if (!p)
            return NULL;
        *arr = p;
        *cap = ncap;
    }
    char *slot = (char *)*arr + (*n)++ * sz;
    memset(slot, 0, sz);
    return slot;
}

instcite_mention *doc_add_mention(instcite_doc *doc)
{
    return push((void **)&doc->mentions, &doc->n_mentions, &doc->cap_mentions,
                sizeof *doc->mentions);
}

instcite_relation *doc_add_relation(instcite_doc *doc)
{
    return push((void **)&doc->relations, &doc->n_relations, &doc->cap_relations,
                sizeof *doc->relations);
}

instcite_warning *doc_add_warning(instcite_doc *doc)
{
    return push((void **)&doc->warnings, &doc->n_warnings, &doc->cap_warnings,
                sizeof *doc->warnings);
}

void instcite_doc_free(instcite_doc *doc)
{
    if (!doc)
        return;
    free(doc->mentions);
    free(doc->relations);
    free(doc->warnings);
    struct arena_block *b = doc->arena;
    while (b) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    free(doc);
}

const instcite_docinfo *instcite_doc_info(const instcite_doc *doc)
{
    return &doc->info;
}

size_t instcite_doc_mention_count(const instcite_doc *doc)
{
    return doc->n_mentions;
}

const instcite_mention *instcite_doc_mention(const instcite_doc *doc, size_t i)
{
    return i < doc->n_mentions ? &doc->mentions[i] : NULL;
}

size_t instcite_doc_relation_count(const instcite_doc *doc)
{
    return doc->n_relations;
}

const instcite_relation *instcite_doc_relation(const instcite_doc *doc, size_t i)
{
    return i < doc->n_relations ? &doc->relations[i] : NULL;
}

size_t instcite_doc_warning_count(const instcite_doc *doc)
{
    return doc->n_warnings;
}

const instcite_warning *instcite_doc_warning(const instcite_doc *doc, size_t i)
{
    return i < doc->n_warnings ? &doc->warnings[i] : NULL;
}
