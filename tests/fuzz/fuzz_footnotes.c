/* The footnote parser: the input's lines become the footnotes of a small
 * resolution whose paragraphs carry the markers, so every line reaches the
 * footnote reader (publication, Treaty Series numbers, ibid. chains,
 * Official Records) and the linking of markers to mentions. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char head[] =
    "第七十四届会议\n议程项目106\n2019年12月18日大会决议\n"
    "大会，\n"
    "回顾《儿童权利公约》¹及其《关于买卖儿童的任择议定书》²，\n"
    "又回顾其2018年12月17日第73/154号决议³、经济及社会理事会第2011/33号决议⁴，\n"
    "1. 决定继续审议这个问题。⁵\n"
    "2019年12月18日\n第50次全体会议\n";

static const char *const sup[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 20)
        return 0;
    /* Every line gets a marker (1, 2, ... in superscript digits, 3 bytes a
     * digit, at most 10 digits) and a space. */
    size_t cap = sizeof head + size * 33 + 64, n = sizeof head - 1;
    char *text = malloc(cap);
    if (!text)
        return 0;
    memcpy(text, head, n);
    unsigned line = 1;
    for (size_t i = 0; i <= size;) {
        const uint8_t *nl = i < size ? memchr(data + i, '\n', size - i) : NULL;
        size_t end = nl ? (size_t)(nl - data) : size;
        char num[12];
        int k = snprintf(num, sizeof num, "%u", line++);
        for (int d = 0; d < k; d++) {
            const char *s = sup[num[d] - '0'];
            memcpy(text + n, s, strlen(s));
            n += strlen(s);
        }
        text[n++] = ' ';
        memcpy(text + n, data + i, end - i);
        n += end - i;
        text[n++] = '\n';
        if (!nl)
            break;
        i = end + 1;
    }
    instcite_options o = {.lang = "zh", .invalid_policy = INSTCITE_INVALID_REPLACE};
    instcite_error err;
    instcite_doc *doc = instcite_extract_opts(fuzz_catalog(), "fuzz", text, n, &o, &err);
    if (doc) {
        for (size_t i = 0; i < instcite_doc_mention_count(doc); i++) {
            const instcite_mention *m = instcite_doc_mention(doc, i);
            if (m->start > m->end || m->end > n)
                abort();
        }
        instcite_doc_free(doc);
    }
    free(text);
    return 0;
}
