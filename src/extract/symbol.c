#include "extract/symbol.h"

#include <stdbool.h>
#include <string.h>

/* First components of UN document symbols (un-citation-conventions.md §2.1).
 * Requiring a known series keeps "and/or" or "km/h" from being read as
 * symbols. None is longer than SYMBOL_SERIES_MAX. */
static const char *const series[] = {
    "A", "E", "S", "T", "ST", "CRC", "CEDAW", "CCPR", "CAT", "CERD", "CMW", "CRPD", "CED",
    "DP", "TD", "UNEP", "HRI", "FCCC", "ICCD", "UNW", "JIU", NULL,
};

static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_alnum(char c)
{
    return is_upper(c) || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

size_t symbol_scan(const char *s, size_t n, char prev)
{
    if (!n || !is_upper(s[0]) || is_alnum(prev) || prev == '/' || prev == '.')
        return 0;
    size_t i = 0;
    while (i < n && is_upper(s[i]))
        i++;
    /* scan_symbols looks only this far before each '/'. */
    if (i >= n || s[i] != '/' || i > SYMBOL_SERIES_MAX)
        return 0;
    bool known = false;
    for (const char *const *p = series; *p; p++)
        if (strlen(*p) == i && memcmp(*p, s, i) == 0)
            known = true;
    if (!known)
        return 0;
    size_t slashes = 0, digits = 0;
    while (i < n && s[i] == '/') {
        size_t seg = i + 1;
        size_t j = seg;
        while (j < n && (is_alnum(s[j]) || s[j] == '.' || s[j] == '-' || s[j] == '*'))
            digits += (s[j] >= '0' && s[j] <= '9'), j++;
        /* A component ends before sentence punctuation: "E/2018/30." */
        while (j > seg && (s[j - 1] == '.' || s[j - 1] == '-'))
            j--;
        if (j == seg)
            break;
        slashes++;
        i = j;
    }
    return slashes && digits ? i : 0;
}
