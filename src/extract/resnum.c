#include "extract/resnum.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static size_t digits(const char *s, size_t n, size_t max)
{
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i <= max ? i : 0;
}

static bool is_roman(char c)
{
    return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
}

static bool is_letter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

size_t resnum_parse(const char *s, size_t n, resnum *r)
{
    size_t i = 0;
    char prefix[4] = "";
    if (n >= 3 && memcmp(s, "ES-", 3) == 0)
        memcpy(prefix, "ES-", 4), i = 3;
    else if (n >= 2 && memcmp(s, "S-", 2) == 0)
        memcpy(prefix, "S-", 3), i = 2;
    size_t a = digits(s + i, n - i, 5);
    if (!a)
        return 0;
    size_t a_at = i;
    i += a;
    size_t b = 0, b_at = 0;
    if (i + 1 < n && s[i] == '/' && (b = digits(s + i + 1, n - i - 1, 5)) > 0) {
        b_at = i + 1;
        i = b_at + b;
    } else if (prefix[0]) {
        return 0;
    }
    /* Optional capital letter of a split resolution: "49/35 A", "2200 A (XXI)". */
    char letter = 0;
    size_t j = i + (i < n && s[i] == ' ');
    if (j < n && s[j] >= 'A' && s[j] <= 'H' && (j + 1 >= n || !is_letter(s[j + 1])) &&
        !(is_roman(s[j]) && j + 1 < n && s[j + 1] == ')')) {
        letter = s[j];
        i = j + 1;
    }
    /* Optional parenthesised session or year. */
    char paren[16] = "";
    j = i + (i < n && s[i] == ' ');
    if (j < n && s[j] == '(') {
        size_t k = j + 1, m = 0;
        while (k < n && m < sizeof paren - 1 && s[k] != ')' &&
               (is_roman(s[k]) || s[k] == '-' || s[k] == 'S' || s[k] == 'E' ||
                (s[k] >= '0' && s[k] <= '9')))
            paren[m++] = s[k++];
        paren[m] = '\0';
        if (k < n && s[k] == ')' && m > 0)
            i = k + 1;
        else
            paren[0] = '\0';
    }
    bool year = paren[0] && paren[0] >= '0' && paren[0] <= '9';
    if (year && (strlen(paren) != 4 || digits(paren, 4, 4) != 4))
        return 0;
    if (b) {
        r->form = RESNUM_SLASH;
        if (paren[0]) /* "73/154 (2018)" is not a form in use */
            return 0;
    } else if (year) {
        r->form = RESNUM_YEAR;
    } else if (paren[0]) {
        r->form = RESNUM_ROMAN;
    } else {
        return 0; /* a bare integer is not a resolution number */
    }
    char num[24];
    if (b)
        snprintf(num, sizeof num, "%s%.*s/%.*s", prefix, (int)a, s + a_at, (int)b, s + b_at);
    else
        snprintf(num, sizeof num, "%.*s", (int)a, s + a_at);
    char let[3] = "";
    if (letter)
        let[0] = ' ', let[1] = letter;
    snprintf(r->printed, sizeof r->printed, "%s%s%s%s%s", num, let, paren[0] ? " (" : "", paren,
             paren[0] ? ")" : "");
    snprintf(r->compact, sizeof r->compact, "%s%s%s%s%s", num, letter ? let + 1 : "",
             paren[0] ? "(" : "", paren, paren[0] ? ")" : "");
    r->len = i;
    return i;
}
