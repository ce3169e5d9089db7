/*
 * Out-of-memory behaviour of the catalog: the n-th allocation is made to
 * fail, for every n until loading succeeds. Every failure must be reported
 * as INSTCITE_ERR_NOMEM (or INSTCITE_ERR_IO when fopen itself cannot
 * allocate), leave the catalog unchanged, and leak nothing (run under
 * valgrind to check the last part).
 *
 * This file replaces malloc, calloc and realloc for the whole test program
 * with glibc's own allocator behind a countdown, which is why it is a
 * program of its own. Valgrind intercepts malloc in the executable too,
 * which switches the countdown off (the tests then skip); run it as
 *   valgrind --soname-synonyms=somalloc=nouserintercepts --leak-check=full
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog/catalog.h"

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);

static long countdown = -1; /* allocations left before one fails; -1: never */

static int fail_now(void)
{
    if (countdown < 0)
        return 0;
    if (countdown == 0)
        return 1;
    countdown--;
    return 0;
}

void *malloc(size_t n)
{
    return fail_now() ? NULL : __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
    return fail_now() ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
    return fail_now() ? NULL : __libc_realloc(p, n);
}

/* Skips the test when something (valgrind) bypasses the allocator above. */
static void require_injection(void)
{
    /* Called through a volatile pointer: the compiler may otherwise fold a
     * malloc/free pair away, assuming that malloc succeeds. */
    void *(*volatile alloc)(size_t) = malloc;
    countdown = 0;
    void *p = alloc(1);
    countdown = -1;
    if (p) {
        free(p);
        skip();
    }
}

static void test_new_oom(void **state)
{
    (void)state;
    require_injection();
    for (long k = 0;; k++) {
        instcite_error err = {0};
        countdown = k;
        instcite_catalog *cat = instcite_catalog_new(&err);
        countdown = -1;
        if (cat) {
            assert_true(instcite_catalog_size(cat) > 100);
            instcite_catalog_free(cat);
            assert_true(k > 0);
            break;
        }
        assert_int_equal(err.code, INSTCITE_ERR_NOMEM);
        assert_true(k < 100000);
    }
}

static void test_load_oom(void **state)
{
    (void)state;
    require_injection();
    char path[] = "/tmp/instcite-oom-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *csv = "id,kind,title_en,aliases\n"
                      "crc,convention,Replaced Title,R1|R2\n"
                      "oom-new,declaration,Declaration on Memory,DOM\n";
    assert_int_equal(write(fd, csv, strlen(csv)), (ssize_t)strlen(csv));
    close(fd);

    instcite_error err = {0};
    instcite_catalog *cat = instcite_catalog_new(&err);
    assert_non_null(cat);
    size_t n = instcite_catalog_size(cat);

    long failures = 0;
    for (long k = 0;; k++) {
        countdown = k;
        instcite_status s = instcite_catalog_load(cat, path, &err);
        countdown = -1;
        if (s == INSTCITE_OK)
            break;
        failures++;
        assert_true(s == INSTCITE_ERR_NOMEM || s == INSTCITE_ERR_IO);
        assert_int_equal(instcite_catalog_size(cat), n);
        assert_string_equal(catalog_find_id(cat, "crc")->title[LANG_EN],
                            "Convention on the Rights of the Child");
        assert_null(catalog_find_id(cat, "oom-new"));
        assert_true(k < 100000);
    }
    assert_true(failures > 3);
    assert_int_equal(instcite_catalog_size(cat), n + 1);
    assert_string_equal(catalog_find_title(cat, "DOM", 3)->id, "oom-new");
    assert_string_equal(catalog_find_title(cat, "R2", 2)->id, "crc");
    unlink(path);
    instcite_catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_oom),
        cmocka_unit_test(test_load_oom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
