/*
 * Golden CLI test: runs the real binary, checks its exit status and compares
 * its standard output byte for byte with an expected file.
 *
 *   golden EXPECTED STATUS PROGRAM ARGS...
 *
 * With INSTCITE_UPDATE_GOLDEN=1 the output is written to EXPECTED instead:
 * read the diff before committing it. Written in C rather than sh so that the
 * exit status of the program is the one checked, and so that under valgrind
 * only our own code runs.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char *slurp_fd(int fd, size_t *len)
{
    size_t cap = 1 << 16;
    char *b = malloc(cap);
    *len = 0;
    ssize_t n;
    while (b && (n = read(fd, b + *len, cap - *len)) > 0) {
        *len += (size_t)n;
        if (*len == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb)
                free(b);
            b = nb;
        }
    }
    return b;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: golden EXPECTED STATUS PROGRAM ARGS...\n");
        return 2;
    }
    int want_status = atoi(argv[2]);
    int fds[2];
    if (pipe(fds) != 0) {
        perror("pipe");
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 2;
    }
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execv(argv[3], argv + 3);
        perror(argv[3]);
        _exit(127);
    }
    close(fds[1]);
    size_t got_len;
    char *got = slurp_fd(fds[0], &got_len);
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    if (!got) {
        fprintf(stderr, "out of memory\n");
        return 2;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (code != want_status) {
        fprintf(stderr, "FAIL: exit status %d, expected %d\n", code, want_status);
        return 1;
    }
    const char *update = getenv("INSTCITE_UPDATE_GOLDEN");
    if (update && strcmp(update, "1") == 0) {
        FILE *f = fopen(argv[1], "wb");
        if (!f || fwrite(got, 1, got_len, f) != got_len || fclose(f) != 0) {
            perror(argv[1]);
            return 2;
        }
        printf("updated %s (%zu bytes): review the diff\n", argv[1], got_len);
        free(got);
        return 0;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    size_t want_len;
    char *want = slurp_fd(fileno(f), &want_len);
    fclose(f);
    int same = want && want_len == got_len && memcmp(want, got, got_len) == 0;
    if (!same) {
        size_t i = 0;
        while (want && i < want_len && i < got_len && want[i] == got[i])
            i++;
        fprintf(stderr, "FAIL: output differs from %s at byte %zu (expected %zu bytes, got %zu)\n",
                argv[1], i, want_len, got_len);
    }
    free(want);
    free(got);
    return same ? 0 : 1;
}
