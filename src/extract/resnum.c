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
    /* At most "ES-" + 5 + "/" + 5 digits, " A", " (" + 15 + ")": 34 bytes,
     * within both fields. Copied by hand: snprintf was most of this. */
    char *pr = r->printed, *cp = r->compact;
    size_t pl = strlen(prefix), pn = strlen(paren);
    memcpy(pr, prefix, pl), pr += pl;
    memcpy(pr, s + a_at, a), pr += a;
    if (b) {
        *pr++ = '/';
        memcpy(pr, s + b_at, b), pr += b;
    }
    size_t nl = (size_t)(pr - r->printed);
    memcpy(cp, r->printed, nl), cp += nl;
    if (letter) {
        *pr++ = ' ', *pr++ = letter;
        *cp++ = letter;
    }
    if (pn) {
        *pr++ = ' ', *pr++ = '(';
        memcpy(pr, paren, pn), pr += pn;
        *pr++ = ')';
        *cp++ = '(';
        memcpy(cp, paren, pn), cp += pn;
        *cp++ = ')';
    }
    *pr = '\0', *cp = '\0';
    r->len = i;
    return i;
}

/* Roman numeral of a session number (1..89); returns its length. */
static size_t roman(unsigned long v, char *out)
{
    static const char *const tens[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX"};
    static const char *const units[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    return (size_t)sprintf(out, "%s%s", tens[v / 10], units[v % 10]);
}

size_t resnum_parse_words(const char *s, size_t n, const lang_name *letters,
                          const char *const *session_marks, const lang_name *prefixes, resnum *r)
{
    if (!letters && !session_marks && !prefixes)
        return resnum_parse(s, n, r);
    /* A Latin copy of the number, with at[] mapping each byte back to s. */
    char canon[64];
    size_t at[sizeof canon + 1];
    size_t ci = 0, i = 0;
    while (i < n && ci + 12 < sizeof canon) {
        if ((unsigned char)s[i] < 0x80) {
            at[ci] = i;
            canon[ci++] = s[i++];
            continue;
        }
        size_t ll;
        const lang_name *l;
        if (ci == 0 && (l = lang_match_name(s + i, n - i, prefixes, &ll))) {
            for (const char *p = l->value; *p; p++) { /* "دإ-27/2" -> "S-27/2" */
                at[ci] = i;
                canon[ci++] = *p;
            }
            i += ll;
            continue;
        }
        if (ci >= 2 && canon[ci - 1] == ' ' && canon[ci - 2] >= '0' && canon[ci - 2] <= '9' &&
            (l = lang_match_name(s + i, n - i, letters, &ll)) &&
            (i + ll >= n || ((unsigned char)s[i + ll] < 0x80 && !is_letter(s[i + ll])))) {
            at[ci] = i; /* "2200 А (XXI)", "2200 ألف (د-21)"; not "2200 Ассамблеи" */
            canon[ci++] = l->value[0];
            i += ll;
            continue;
        }
        size_t ml;
        unsigned long v;
        size_t d;
        if (ci >= 1 && canon[ci - 1] == '(' && (ml = lang_match_any(s + i, n - i, session_marks)) &&
            (d = lang_digits(s + i + ml, n - i - ml, 2, &v)) && v >= 1 && v < 90) {
            char rn[8];
            size_t rl = roman(v, rn);
            for (size_t k = 0; k < rl; k++) {
                at[ci] = i;
                canon[ci++] = rn[k];
            }
            i += ml + d;
            continue;
        }
        break;
    }
    at[ci] = i;
    if (!resnum_parse(canon, ci, r))
        return 0;
    r->len = at[r->len];
    return r->len;
}
