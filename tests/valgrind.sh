#!/bin/sh
# exe_wrapper of the 'valgrind' test setup (tests/meson.build): runs a C test
# program under memcheck; any error or definitely lost block fails the test
# (exit 99). Tests driven by Python or sh run as they are: under valgrind
# they would check the interpreter, not instcite. The soname synonym lets
# test_catalog_oom keep its own malloc (see its header comment).
case "$(basename "$1")" in
python*|sh|bash|dash)
    exec "$@"
    ;;
esac
exec valgrind --quiet --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --soname-synonyms=somalloc=nouserintercepts "$@"
