/* Shared by the fuzz targets: the libFuzzer entry point every target
 * defines, and a catalog built once per process. */
#ifndef INSTCITE_FUZZ_H
#define INSTCITE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "instcite.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The built-in catalog, loaded on first use and kept for the process (it
 * stays reachable, so leak checkers do not count it). Aborts on failure. */
const instcite_catalog *fuzz_catalog(void);

#endif
