/* instcite: the command line. Each subcommand is a cmd_<name>.c; this file
 * only dispatches. Uses only the public API (instcite.h). */
#include "cli.h"

#include <malloc.h>
#include <string.h>

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"extract", cmd_extract, "find every instrument each FILE cites and print the mentions"},
    {"graph", cmd_graph, "build the citation graph of all FILEs and write it"},
    {"analyze", cmd_analyze, "metrics, communities, pairs and citation ages of the graph"},
    {"compare", cmd_compare, "shared and distinct citations of documents; nearest documents"},
    {"text", cmd_text, "text of a PDF, .docx or HTML FILE (what offsets refer to)"},
};

static void usage(FILE *to)
{
    fprintf(to, "usage: instcite COMMAND [options] FILE...\n       instcite --version | --help\n\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(to, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "FILE may be - (standard input) or a directory (its files, recursively);\n"
          "results go to standard output unless -o OUT.\n"
          "'instcite COMMAND --help' lists a command's options; 'man instcite' all.\n"
          "exit status: 0 ok; 1 some inputs failed; 2 usage; 3 no output possible\n"
          "\n"
          "examples:\n"
          "  instcite extract datasets/A_RES_74_174.zh.txt\n"
          "  instcite graph res/ -o corpus.graphml\n"
          "  instcite extract -f jsonl res/ | instcite graph --from-jsonl - -o g.gexf\n",
          to);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
        printf("instcite %s\n", instcite_version());
        return 0;
    }
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return 0;
    }
    /* Each document allocates and frees buffers of a few times its size;
     * with glibc's default threshold, freeing them handed the top of the
     * heap back to the kernel and the next document asked for it again
     * (brk calls were 5% of extracting a corpus). Keep up to 64 MiB. */
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_TOP_PAD, 1 << 20);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 2, argv + 2);
    fprintf(stderr, "%s: unknown command '%s' (see --help)\n", prog, cmd);
    return EXIT_USAGE;
}
