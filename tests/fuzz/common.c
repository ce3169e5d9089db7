#include "fuzz.h"

#include <stdlib.h>

static instcite_catalog *cat;

const instcite_catalog *fuzz_catalog(void)
{
    if (!cat) {
        cat = instcite_catalog_new(NULL);
        if (!cat)
            abort();
    }
    return cat;
}
