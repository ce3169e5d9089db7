/*
 * Runs extraction cases: data files that document the rules. A case file
 * holds cases separated by lines "=== NAME"; each case has
 *     lang: zh
 *     --- text
 *     the input (any number of lines)
 *     --- mentions
 *     WHERE<TAB>KIND<TAB>KEY<TAB>DATE<TAB>FOOTNOTE<TAB>UNTS   (one per mention, in order)
 *     --- relations                                         (optional)
 *     FROM<TAB>TYPE<TAB>TO
 *     --- warnings                                          (optional)
 *     CODE<TAB>WHERE
 * Empty cells are written as "-". The runner extracts the text through the
 * public API and compares every line; it also checks that each mention's
 * text is exactly the input bytes between its offsets.
 *
 * With --doc INPUT EXPECTED, a whole document is the input and EXPECTED
 * holds the lines that follow "--- mentions" ('#' lines are comments).
 */
#include "instcite.h"
#include "doclines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run_case(const instcite_catalog *cat, const char *file, const char *name, const char *lang,
                    const buf *text, const buf *want)
{
    instcite_error err = {0};
    instcite_doc *doc = instcite_extract(cat, name, text->s, text->len, lang, &err);
    if (!doc) {
        printf("FAIL %s: %s: extraction failed: %s\n", file, name, err.message);
        return 1;
    }
    buf got = {0};
    size_t bad_offsets = doc_lines(doc, text->s, text->len, &got);
    instcite_doc_free(doc);
    int fail = strcmp(got.s, want->s ? want->s : "") != 0 || bad_offsets;
    if (fail) {
        printf("FAIL %s: %s\n", file, name);
        if (bad_offsets)
            printf("  %zu mention(s) or warning(s) whose offsets are not the input's\n", bad_offsets);
        printf("--- expected\n%s--- got\n%s", want->s ? want->s : "", got.s);
    } else {
        printf("ok   %s: %s\n", file, name);
    }
    free(got.s);
    return fail;
}

int main(int argc, char **argv)
{
    instcite_error err = {0};
    instcite_catalog *cat = instcite_catalog_new(&err);
    if (!cat) {
        fprintf(stderr, "catalog: %s\n", err.message);
        return 2;
    }
    int passed = 0, failed = 0;
    if (argc == 4 && strcmp(argv[1], "--doc") == 0) {
        buf text = {0}, want = {0};
        char line[8192];
        put(&text, "", 0);
        put(&want, "", 0);
        FILE *in = fopen(argv[2], "rb"), *ex = fopen(argv[3], "rb");
        if (!in || !ex) {
            perror(!in ? argv[2] : argv[3]);
            return 2;
        }
        size_t n;
        while ((n = fread(line, 1, sizeof line, in)) > 0)
            put(&text, line, n);
        while (fgets(line, sizeof line, ex))
            if (line[0] != '#')
                put(&want, line, strlen(line));
        fclose(in);
        fclose(ex);
        if (run_case(cat, argv[3], argv[2], NULL, &text, &want))
            failed++;
        else
            passed++;
        free(text.s);
        free(want.s);
        argc = 1; /* no case files */
    }
    for (int a = 1; a < argc; a++) {
        FILE *f = fopen(argv[a], "rb");
        if (!f) {
            perror(argv[a]);
            return 2;
        }
        char line[8192], name[256] = "", lang[16] = "";
        buf text = {0}, want = {0};
        enum { NONE, TEXT, MENTIONS } mode = NONE;
        int have = 0;
        for (;;) {
            char *l = fgets(line, sizeof line, f);
            if (!l || strncmp(line, "=== ", 4) == 0) {
                if (have) {
                    /* The text's last newline belongs to the file layout. */
                    if (text.len && text.s[text.len - 1] == '\n')
                        text.s[--text.len] = '\0';
                    if (run_case(cat, argv[a], name, lang[0] ? lang : NULL, &text, &want))
                        failed++;
                    else
                        passed++;
                }
                free(text.s);
                free(want.s);
                memset(&text, 0, sizeof text);
                memset(&want, 0, sizeof want);
                lang[0] = '\0';
                mode = NONE;
                if (!l)
                    break;
                put(&want, "", 0);
                snprintf(name, sizeof name, "%.255s", line + 4);
                name[strcspn(name, "\r\n")] = '\0';
                have = 1;
                continue;
            }
            if (mode != TEXT && line[0] == '#')
                continue;
            if (strcmp(line, "--- text\n") == 0) {
                mode = TEXT;
                put(&text, "", 0);
            } else if (strcmp(line, "--- mentions\n") == 0) {
                mode = MENTIONS;
            } else if (mode == TEXT) {
                put(&text, line, strlen(line));
            } else if (mode == MENTIONS) {
                if (line[0] != '\n')
                    put(&want, line, strlen(line));
            } else if (strncmp(line, "lang: ", 6) == 0) {
                snprintf(lang, sizeof lang, "%.15s", line + 6);
                lang[strcspn(lang, "\r\n")] = '\0';
            }
        }
        fclose(f);
    }
    instcite_catalog_free(cat);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
