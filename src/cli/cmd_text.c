/* instcite text: the text layer of one input, the text whose bytes the
 * offsets of a PDF, HTML or .docx input refer to (a text input as it is). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void help(FILE *to)
{
    fprintf(to, "usage: instcite text [-o OUT] FILE\n\n"
                "Prints the text instcite reads from FILE: for a PDF, Word .docx or HTML page\n"
                "(found by content) the text layer that mention offsets (start/end) refer to;\n"
                "a text file as it is.\n\n"
                "FILE may be - (standard input).\n\n"
                "  -o, --output OUT  write to OUT instead of standard output\n\n"
                "examples:\n"
                "  instcite text datasets/en/A_RES_73_3.pdf > A_RES_73_3.txt\n"
                "  curl -s https://example.org/res.html | instcite text - | less\n");
}

/* Reads all of f; NULL (after printing why) on failure. */
static char *read_all(FILE *f, const char *name, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    while (b) {
        if (n == cap) {
            if (cap > INSTCITE_MAX_INPUT) {
                fprintf(stderr, "%s: %s: larger than the 1 GiB input limit\n", prog, name);
                free(b);
                return NULL;
            }
            char *nb = realloc(b, cap * 2);
            if (!nb)
                break;
            b = nb, cap *= 2;
        }
        size_t got = fread(b + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                fprintf(stderr, "%s: %s: read error\n", prog, name);
                free(b);
                return NULL;
            }
            *len = n;
            return b;
        }
    }
    free(b);
    fprintf(stderr, "%s: out of memory\n", prog);
    return NULL;
}

int cmd_text(int argc, char **argv)
{
    opts o;
    int st = opts_parse(argc, argv, &o, help);
    if (st) {
        opts_free(&o);
        return st;
    }
    if (output_is_input(&o)) {
        opts_free(&o);
        return EXIT_USAGE;
    }
    if (o.n_files != 1) {
        fprintf(stderr, "%s: text takes one FILE (see 'instcite text --help')\n", prog);
        opts_free(&o);
        return EXIT_USAGE;
    }
    const char *path = o.files[0];
    bool is_stdin = strcmp(path, "-") == 0;
    struct stat sb;
    if (!is_stdin && stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        fprintf(stderr, "%s: %s: not a regular file\n", prog, path);
        opts_free(&o);
        return EXIT_PARTIAL;
    }
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        perror(path);
        opts_free(&o);
        return EXIT_PARTIAL;
    }
    size_t len = 0;
    char *bytes = read_all(f, path, &len);
    if (!is_stdin)
        fclose(f);
    if (!bytes) {
        opts_free(&o);
        return EXIT_PARTIAL;
    }
    char *text = NULL;
    size_t text_len = 0;
    instcite_error err = {0};
    instcite_status s = instcite_input_text(bytes, len, is_stdin ? NULL : path, &text, &text_len, NULL, &err);
    free(bytes);
    if (s != INSTCITE_OK) {
        fprintf(stderr, "%s: %s: %s\n", prog, is_stdin ? "standard input" : path, err.message);
        opts_free(&o);
        return s == INSTCITE_ERR_NOMEM ? EXIT_FATAL : EXIT_PARTIAL;
    }
    sink out;
    int rc = 0;
    if (!sink_open(&out, o.output)) {
        rc = EXIT_FATAL;
    } else {
        bool ok = fwrite(text, 1, text_len, out.f) == text_len;
        if (!sink_close(&out, ok))
            rc = EXIT_FATAL;
    }
    free(text);
    opts_free(&o);
    return rc;
}
