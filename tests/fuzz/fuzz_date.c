/* The date parser of every language table on raw bytes: whatever it accepts
 * must be a well-formed ISO date (or year, or year-month) read from inside
 * the input. */
#include "fuzz.h"
#include "lang/lang.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const codes[] = {"zh", "en", "fr", "es", "ru", "ar"};
    for (size_t c = 0; c < sizeof codes / sizeof codes[0]; c++) {
        const lang_table *L = lang_find(codes[c]);
        if (!L)
            continue;
        char iso[11];
        memset(iso, 'X', sizeof iso);
        size_t k = lang_parse_date(L, (const char *)data, size, iso);
        if (!k)
            continue;
        size_t len = strnlen(iso, sizeof iso);
        if (k > size || (len != 4 && len != 7 && len != 10))
            abort();
        for (size_t i = 0; i < len; i++)
            if (!((iso[i] >= '0' && iso[i] <= '9') || ((i == 4 || i == 7) && iso[i] == '-')))
                abort();
    }
    return 0;
}
