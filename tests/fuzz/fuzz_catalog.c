/* The catalog CSV loader (libcsv and the row checks) on raw bytes, through
 * the public instcite_catalog_load on an in-memory file. A failed load
 * leaves the catalog as it was. */
#define _GNU_SOURCE
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int fd = -1;
    if (fd < 0 && (fd = memfd_create("catalog", MFD_CLOEXEC)) < 0)
        abort();
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    /* Building the embedded catalog costs more than a load: one catalog
     * serves 256 inputs (loads only add or replace rows), then a fresh one. */
    static instcite_catalog *cat;
    static unsigned uses;
    instcite_error err;
    if (cat && ++uses % 256 == 0) {
        instcite_catalog_free(cat);
        cat = NULL;
    }
    if (!cat && !(cat = instcite_catalog_new(&err)))
        abort();
    size_t before = instcite_catalog_size(cat);
    if (instcite_catalog_load(cat, path, &err) != INSTCITE_OK && instcite_catalog_size(cat) != before)
        abort();
    return 0;
}
