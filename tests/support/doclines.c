#include "doclines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void put(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s) {
            perror("realloc");
            exit(2);
        }
    }
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void cell(buf *b, const char *s, int last)
{
    const char *v = s && *s ? s : "-";
    put(b, v, strlen(v));
    put(b, last ? "\n" : "\t", 1);
}

size_t doc_lines(const instcite_doc *doc, const char *text, size_t len, buf *out)
{
    size_t bad = 0;
    put(out, "", 0);
    for (size_t i = 0; i < instcite_doc_mention_count(doc); i++) {
        const instcite_mention *m = instcite_doc_mention(doc, i);
        cell(out, m->where, 0);
        cell(out, instcite_kind_name(m->kind), 0);
        cell(out, m->key, 0);
        cell(out, m->date, 0);
        cell(out, m->footnote, 0);
        cell(out, m->unts, 1);
        if (m->end > len || m->start >= m->end || strlen(m->text) != m->end - m->start ||
            memcmp(text + m->start, m->text, m->end - m->start) != 0)
            bad++;
    }
    if (instcite_doc_relation_count(doc)) {
        put(out, "--- relations\n", 14);
        for (size_t i = 0; i < instcite_doc_relation_count(doc); i++) {
            const instcite_relation *r = instcite_doc_relation(doc, i);
            cell(out, r->from, 0);
            cell(out, r->type, 0);
            cell(out, r->to, 1);
        }
    }
    if (instcite_doc_warning_count(doc)) {
        put(out, "--- warnings\n", 13);
        for (size_t i = 0; i < instcite_doc_warning_count(doc); i++) {
            const instcite_warning *w = instcite_doc_warning(doc, i);
            cell(out, w->code, 0);
            cell(out, w->where, 1);
            if (w->end > len || w->start > w->end)
                bad++;
        }
    }
    return bad;
}
