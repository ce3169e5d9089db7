/* Without a fuzzing engine: runs a target on every file named on the command
 * line, or found (not recursively) in a directory named there, in name
 * order, so the committed corpora run as ordinary tests under any build
 * (sanitizers, valgrind). A crash fails the test; so does an empty corpus. */
#define _POSIX_C_SOURCE 200809L
#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 1;
    }
    size_t cap = 4096, len = 0, got;
    unsigned char *buf = malloc(cap);
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            unsigned char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    /* An exact-size copy, so reads past the input are caught. */
    unsigned char *exact = buf ? malloc(len ? len : 1) : NULL;
    if (!exact) {
        free(buf);
        fprintf(stderr, "%s: out of memory\n", path);
        return 1;
    }
    memcpy(exact, buf, len);
    free(buf);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every file of directory dir in name order; returns the failures, or
 * -1 when the directory cannot be listed. */
static int run_dir(const char *dir, int *runs)
{
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    int bad = 0;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn)
                abort();
            names = nn;
        }
        size_t l = strlen(dir) + strlen(de->d_name) + 2;
        if (!(names[n] = malloc(l)))
            abort();
        snprintf(names[n++], l, "%s/%s", dir, de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    for (size_t k = 0; k < n; k++) {
        bad += run_file(names[k]);
        (*runs)++;
        free(names[k]);
    }
    free(names);
    return bad;
}

int main(int argc, char **argv)
{
    int runs = 0, bad = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            perror(argv[i]);
            return 1;
        }
        if (S_ISDIR(st.st_mode)) {
            int b = run_dir(argv[i], &runs);
            if (b < 0)
                return 1;
            bad += b;
        } else {
            bad += run_file(argv[i]);
            runs++;
        }
    }
    printf("%d inputs replayed\n", runs);
    if (runs == 0) {
        fprintf(stderr, "no inputs\n");
        return 1;
    }
    return bad ? 1 : 0;
}
