#define _GNU_SOURCE /* memmem */
#include "layout/layout.h"

#include "extract/symbol.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static span mkspan(size_t s, size_t e)
{
    return (span){s, e};
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static para *add_para(layout *lo, para_kind kind, int n, const char *s, const text_off *map, size_t len,
                      size_t body)
{
    if (lo->n_paras == lo->cap_paras) {
        size_t ncap = lo->cap_paras ? lo->cap_paras * 2 : 64;
        para *p = realloc(lo->paras, ncap * sizeof *p);
        if (!p)
            return NULL;
        lo->paras = p;
        lo->cap_paras = ncap;
    }
    para *p = &lo->paras[lo->n_paras++];
    p->kind = kind;
    p->n = n;
    p->s = s;
    p->map = map;
    p->len = len;
    p->body = body;
    static const char *const names[] = {"HEADER", "PP", "OP", "FN"};
    /* "%s%d" without snprintf (once per paragraph), truncated the same way. */
    const char *name = names[kind];
    size_t cap = sizeof p->where, i = 0;
    for (; *name && i + 1 < cap; name++)
        p->where[i++] = *name;
    if (kind != PARA_HEADER) {
        char digits[12];
        size_t k = 0;
        unsigned v = n < 0 ? 0u - (unsigned)n : (unsigned)n;
        do
            digits[k++] = (char)('0' + v % 10);
        while (v /= 10);
        if (n < 0 && i + 1 < cap)
            p->where[i++] = '-';
        while (k && i + 1 < cap)
            p->where[i++] = digits[--k];
    }
    p->where[i] = '\0';
    return p;
}

/* "74/174." or "S-27/2." (Arabic "74/174 -") at the start of a line: the
 * title line. Returns the length of the number (without the dot). */
static size_t title_number(const char *s, size_t n)
{
    size_t i = 0;
    unsigned long v;
    if (lang_match(s, n, "ES-"))
        i = 3;
    else if (lang_match(s, n, "S-"))
        i = 2;
    size_t k = lang_digits(s + i, n - i, 3, &v);
    if (!k)
        return 0;
    i += k;
    if (i >= n || s[i] != '/')
        return 0;
    i++;
    k = lang_digits(s + i, n - i, 5, &v);
    if (!k)
        return 0;
    i += k;
    if (i + 2 < n && s[i] == ' ' && s[i + 1] == '-' && s[i + 2] == ' ')
        return i;
    return i < n && s[i] == '.' ? i : 0;
}

/* "1." (operative paragraph number; Arabic "1 -") at the start of a line: returns the
 * offset of the text after it, 0 if there is none. */
static size_t op_number(const char *s, size_t n, int *num)
{
    unsigned long v;
    size_t k = lang_digits(s, n, 3, &v);
    if (!k || k >= n || v == 0)
        return 0;
    if (s[k] == '.' && !(k + 1 < n && is_digit(s[k + 1])))
        k++;
    else if (k + 2 < n && s[k] == ' ' && s[k + 1] == '-' && s[k + 2] == ' ')
        k += 2; /* Arabic numbers operative paragraphs "1 - تحيط …" */
    else
        return 0;
    *num = (int)v;
    while (k < n && s[k] == ' ')
        k++;
    return k;
}

/* A line that is a date and nothing else. */
static bool date_line(const lang_table *L, const char *s, size_t n, char iso[11])
{
    return lang_parse_date(L, s, n, iso) == n && strlen(iso) == 10;
}

/* "50th plenary meeting", "第50次全体会议": the number, or 0. */
static int plenary_line(const lang_table *L, const char *s, size_t n)
{
    if (n > 80)
        return 0; /* a paragraph, not the meeting line: no search */
    bool has = false;
    for (size_t i = 0; i < n && !has; i++)
        has = lang_match_any(s + i, n - i, L->plenary_words) > 0;
    if (!has)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned long v;
        size_t k;
        if (is_digit(s[i]) && (k = lang_digits(s + i, n - i, 4, &v)))
            return (int)v;
    }
    return 0;
}

typedef struct header_state {
    bool want_adoption_date; /* the adoption line ended before its date */
} header_state;

/* Parses one header line s[0..n) at offset off of the text; returns true if
 * it was one of the recognised header lines. */
static bool header_line(layout *lo, header_state *hs, const lang_table *L, const char *s, size_t n,
                        size_t off)
{
    size_t k, m;
    int v;
    char iso[11];
    if (hs->want_adoption_date) {
        hs->want_adoption_date = false;
        k = lang_match_any(s, n, L->adoption_date_open);
        if (date_line(L, s + k, n - k, iso)) {
            memcpy(lo->date, iso, sizeof iso);
            return true;
        }
    }
    if (L->session_open && (k = lang_match(s, n, L->session_open)) &&
        (m = lang_parse_cjk_number(s + k, n - k, &v)) && lang_match(s + k + m, n - k - m, L->session_close)) {
        lo->session = v;
        return true;
    }
    if ((k = lang_match_any(s, n, L->agenda_open))) {
        size_t e = k;
        while (e < n && s[e] != ' ')
            e++;
        lo->agenda_item = mkspan(off + k, off + e);
        return true;
    }
    if (L->adoption_date_first) {
        /* zh: "2019年12月18日大会决议" */
        if ((k = lang_parse_date(L, s, n, iso)) && strlen(iso) == 10) {
            const lang_name *a = lang_match_name(s + k, n - k, L->adoption, &m);
            if (a && k + m == n) {
                memcpy(lo->date, iso, sizeof iso);
                lo->body = a->value;
                return true;
            }
        }
    } else {
        /* "Resolution adopted by the General Assembly [on 18 December 2019]" */
        const lang_name *a = lang_match_name(s, n, L->adoption, &m);
        if (a) {
            lo->body = a->value;
            while (m < n && s[m] == ' ')
                m++;
            /* ru prints the date right after the body: no opening word. */
            k = lang_match_any(s + m, n - m, L->adoption_date_open);
            if ((k || !L->adoption_date_open) && date_line(L, s + m + k, n - m - k, iso))
                memcpy(lo->date, iso, sizeof iso);
            else
                hs->want_adoption_date = true;
            return true;
        }
    }
    /* The report line: a bracketed line with a symbol in parentheses. */
    if (n > 2 && s[0] == '[' && s[n - 1] == ']') {
        const char *open = memchr(s, '(', n);
        size_t sl;
        if (open && (sl = symbol_scan(open + 1, n - (size_t)(open - s) - 1, '('))) {
            size_t at = (size_t)(open - s);
            lo->report_symbol = mkspan(off + at + 1, off + at + 1 + sl);
            lo->report_line = mkspan(off + 1, off + n - 1);
            size_t cs = lang_match_any(s, n, L->report_open);
            size_t ce = at;
            /* The committee ends before the words that lead to "(": the table's
             * report_mid ("的报告") when given. */
            for (const char *const *mid = L->report_mid; mid && *mid; mid++) {
                size_t l = strlen(*mid);
                if (at >= cs + l && memcmp(s + at - l, *mid, l) == 0) {
                    ce = at - l;
                    break;
                }
            }
            while (ce > cs && s[ce - 1] == ' ')
                ce--;
            if (cs && ce > cs)
                lo->committee = mkspan(off + cs, off + ce);
            return true;
        }
    }
    return false;
}

/* ---- line paragraphs (one paragraph per line) ---------------------------- */

static instcite_status by_lines(layout *lo, const text *t, const lang_table *L)
{
    enum { HEAD, ORGAN, BODY, FOOTER } state = HEAD;
    header_state hs = {0};
    /* Index, not pointer: add_para may move the array. */
    size_t last_body = SIZE_MAX;
    for (size_t ls = 0; ls < t->len;) {
        const char *nl = memchr(t->s + ls, '\n', t->len - ls);
        size_t le = nl ? (size_t)(nl - t->s) : t->len;
        size_t next = nl ? le + 1 : le;
        const char *s = t->s + ls;
        size_t n = le - ls;
        const text_off *map = t->map + ls;
        para *p = NULL;
        bool wants_para = true;
        int num;
        size_t k;
        unsigned long fn;
        char iso[11];
        if (n == 0) {
            wants_para = false;
        } else if (s[0] == FN_OPEN && (k = lang_digits(s + 1, n - 1, 4, &fn)) && 1 + k < n &&
                   s[1 + k] == FN_CLOSE) {
            p = add_para(lo, PARA_FN, (int)fn, s, map, n, k + 2);
            lo->footnotes++;
        } else if (state == HEAD && L && (lang_match_indexed(s, n, &lo->verbs, &k) || op_number(s, n, &num))) {
            /* No title line (a fragment, not a whole resolution): the
             * paragraphs begin at the first clause verb or number. */
            state = BODY;
            next = ls; /* read this line again as a paragraph */
            wants_para = false;
        } else if (state == HEAD) {
            if (L && (k = title_number(s, n))) {
                lo->number = mkspan(ls, ls + k);
                k++;
                while (k < n && (s[k] == ' ' || s[k] == '-'))
                    k++;
                lo->title = mkspan(ls + k, le);
                state = ORGAN;
            } else if (L && header_line(lo, &hs, L, s, n, ls)) {
                ;
            } else if (lo->agenda_item.end && !lo->agenda_title.end && !lo->date[0]) {
                lo->agenda_title = mkspan(ls, le);
            }
            p = add_para(lo, PARA_HEADER, 0, s, map, n, 0);
        } else if (state == ORGAN && lang_match_name(s, n, L->bodies, &k) && n - k <= 3) {
            /* "大会，": the organ line that opens the preamble. */
            state = BODY;
            wants_para = false;
        } else if (state == FOOTER) {
            if (date_line(L, s, n, iso))
                memcpy(lo->closing_date, iso, sizeof iso);
            wants_para = false;
        } else if ((num = plenary_line(L, s, n))) {
            lo->plenary = num;
            state = FOOTER;
            wants_para = false;
        } else if (lo->operative && date_line(L, s, n, iso)) {
            memcpy(lo->closing_date, iso, sizeof iso);
            wants_para = false;
        } else if ((k = op_number(s, n, &num))) {
            p = add_para(lo, PARA_OP, num, s, map, n, k);
            lo->operative++;
            state = BODY;
        } else if (lo->operative == 0) {
            lo->preambular++;
            p = add_para(lo, PARA_PP, (int)lo->preambular, s, map, n, 0);
            state = BODY;
        } else if (last_body != SIZE_MAX) {
            /* A line without a number after the operative paragraphs began
             * continues the previous paragraph (a sub-paragraph). */
            p = add_para(lo, lo->paras[last_body].kind, lo->paras[last_body].n, s, map, n, 0);
        } else {
            wants_para = false;
        }
        if (wants_para && !p)
            return INSTCITE_ERR_NOMEM;
        if (p && (p->kind == PARA_PP || p->kind == PARA_OP))
            last_body = (size_t)(p - lo->paras);
        ls = next;
    }
    return INSTCITE_OK;
}

/* ---- wrapped text (PDF text layers) --------------------------------------- */

typedef struct line {
    size_t start, end; /* in text.s */
} line;

typedef struct growbuf {
    char *s;
    text_off *map;
    size_t len, cap;
} growbuf;

/* Room for extra more bytes (and the map's entry past the end). */
static bool gb_reserve(growbuf *b, size_t extra)
{
    if (b->len + extra < b->cap)
        return true;
    size_t ncap = b->cap ? b->cap : 256;
    while (b->len + extra >= ncap)
        ncap *= 2;
    char *s = realloc(b->s, ncap);
    if (!s)
        return false;
    b->s = s;
    text_off *m = realloc(b->map, (ncap + 1) * sizeof *m);
    if (!m)
        return false;
    b->map = m;
    b->cap = ncap;
    return true;
}

static bool gb_put(growbuf *b, char c, size_t at)
{
    if (!gb_reserve(b, 1))
        return false;
    b->s[b->len] = c;
    b->map[b->len++] = (text_off)at;
    return true;
}

/* n bytes of the text with their offsets, as n gb_put calls would. */
static bool gb_copy(growbuf *b, const char *s, const text_off *map, size_t n)
{
    if (!gb_reserve(b, n))
        return false;
    memcpy(b->s + b->len, s, n);
    memcpy(b->map + b->len, map, n * sizeof *map);
    b->len += n;
    return true;
}

/* Page furniture: job numbers ("19-22331 (E) 100120"), bar codes
 * ("*1922331*"), page counters ("2/6"), the symbol alone on a line, and the
 * running head (the title repeated). */
static bool furniture(const text *t, const line *l, const layout *lo)
{
    const char *s = t->s + l->start;
    size_t n = l->end - l->start;
    unsigned long v;
    size_t k;
    if (n == 0)
        return false;
    if (n >= 8 && lang_digits(s, n, 2, &v) == 2 && s[2] == '-' && lang_digits(s + 3, n - 3, 5, &v) == 5)
        return true;
    if (n >= 3 && s[0] == '*' && s[n - 1] == '*' && lang_digits(s + 1, n - 2, 12, &v) == n - 2)
        return true;
    if (n >= 5 && lang_digits(s, n, 12, &v) == n) /* a print date stamp: "071118" */
        return true;
    if ((k = lang_digits(s, n, 3, &v)) && k < n && s[k] == '/' &&
        lang_digits(s + k + 1, n - k - 1, 3, &v) == n - k - 1)
        return true;
    if (symbol_scan(s, n, 0) == n)
        return true;
    size_t tl = lo->title.end - lo->title.start;
    return tl && tl == n && memcmp(s, t->s + lo->title.start, n) == 0;
}

static bool rule_line(const text *t, const line *l)
{
    size_t n = l->end - l->start;
    if (n < 5)
        return false;
    for (size_t i = l->start; i < l->end; i++)
        if (t->s[i] != '_')
            return false;
    return true;
}

/* Footnote numbers that exist in the document: a marker printed as plain
 * digits is taken for one only if such a footnote exists. */
typedef struct fnset {
    unsigned char has[1000];
    int max_seen; /* highest marker met so far in the body */
    const char *const *number_nouns; /* words a number follows: "Article 1" */
    unsigned char counted[1000];     /* footnotes counted in lo->footnotes */
} fnset;

/* Is the character that ends just before s[i] a letter (of any alphabetic
 * script: Latin, Greek, Cyrillic, Arabic)? *start is where it begins. */
static bool letter_before(const char *s, size_t i, size_t *start)
{
    size_t b = i - 1;
    while (b > 0 && i - b < 4 && ((unsigned char)s[b] & 0xC0) == 0x80)
        b--;
    unsigned cp = 0;
    if (utf8_decode((const unsigned char *)s + b, i - b, &cp) != i - b)
        return false;
    *start = b;
    return (cp < 0x80 && is_ascii_letter((char)cp)) ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x52F) ||
           (cp >= 0x620 && cp <= 0x64A) || (cp >= 0x66E && cp <= 0x6D3);
}

/* Is the digit run s[i..i+k) (value v) a footnote marker glued to the text
 * before it ("Crime3", "pornography,5", "2018,7 in")? Decimal numbers,
 * symbols ("Rev.1") and numbers after spaces are not. */
static bool glued_marker(const char *s, size_t n, size_t i, size_t k, unsigned long v, const fnset *fs)
{
    if (i == 0 || v == 0 || v >= 1000 || !fs->has[v] || (int)v > fs->max_seen + 1)
        return false;
    char prev = s[i - 1];
    size_t w = i, letters = 0, at;
    while (w > 0 && letter_before(s, w, &at))
        w = at, letters++;
    if (!letters && prev != ',' && prev != ';' && prev != ')' && prev != '"' && prev != ':')
        return false;
    if (letters) {
        /* "Crime3", "organisée1", "ребенка2": the word before must be a
         * word, not a symbol part. */
        if (w > 0 && (s[w - 1] == '/' || s[w - 1] == '.' || s[w - 1] == '-' || is_digit(s[w - 1])))
            return false;
        if (letters < 2)
            return false;
    } else if (prev == ',' && i >= 2 && is_digit(s[i - 2]) && i + k < n && is_digit(s[i + k])) {
        return false; /* "1,000" */
    }
    char next = i + k < n ? s[i + k] : ' ';
    return next == ' ' || next == ',' || next == ';' || next == '.' || next == ':' || next == ')';
}

/* A marker set off by a space inside a sentence ("Development, 1 including"):
 * taken only for the next footnote number, after a comma or semicolon, and
 * before a lower-case word or the end of the line. */
static bool spaced_marker(const char *s, size_t n, size_t i, size_t k, unsigned long v, const fnset *fs)
{
    if (i < 2 || s[i - 1] != ' ' || v == 0 || v >= 1000 || !fs->has[v] || (int)v != fs->max_seen + 1)
        return false;
    if (s[i - 2] == ',' || s[i - 2] == ';')
        return i + k == n || (s[i + k] == ' ' && i + k + 1 < n && s[i + k + 1] >= 'a' && s[i + k + 1] <= 'z');
    /* After a word or year ("Criminal Court 1", "2015-2030 3 and"), at the
     * end of a line, before a lower-case word or before a comma or semicolon
     * (French sets the callout before the punctuation: "avril 2007 4,"),
     * unless the word is one that numbers follow ("Article 1 of"). */
    if (!is_ascii_letter(s[i - 2]) && !is_digit(s[i - 2]))
        return false;
    if (i + k < n && s[i + k] != ',' && s[i + k] != ';' &&
        !(s[i + k] == ' ' && i + k + 1 < n && s[i + k + 1] >= 'a' && s[i + k + 1] <= 'z'))
        return false;
    size_t w = i - 1;
    while (w > 0 && is_ascii_letter(s[w - 1]))
        w--;
    for (const char *const *nn = fs->number_nouns; nn && *nn; nn++)
        if (strlen(*nn) == i - 1 - w && strncasecmp(s + w, *nn, i - 1 - w) == 0)
            return false;
    return true;
}

/* A year with a marker glued on ("Drugs, 19611;", "August 19493,"): a run of
 * five to seven digits after a space, whose first four are a year (1800-2099)
 * and whose rest is the number of a footnote that exists and may come next.
 * Returns the marker's length (the run's part after the year), else 0. */
static size_t year_marker(const char *s, size_t n, size_t i, const fnset *fs, unsigned long *v)
{
    size_t r = 0;
    while (i + r < n && r < 8 && is_digit(s[i + r]))
        r++;
    if (r < 5 || r > 7 || i == 0 || s[i - 1] != ' ' || s[i + 4] == '0')
        return 0;
    int year = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
    if (year < 1800 || year > 2099)
        return 0;
    unsigned long m = 0;
    for (size_t j = 4; j < r; j++)
        m = m * 10 + (unsigned long)(s[i + j] - '0');
    if (m == 0 || m >= 1000 || !fs->has[m] || (int)m > fs->max_seen + 1)
        return 0;
    char next = i + r < n ? s[i + r] : ' ';
    if (next != ' ' && next != ',' && next != ';' && next != '.' && next != ':' && next != ')')
        return 0;
    *v = m;
    return r - 4;
}

/* Appends line l to b, joining with a space (none after a hyphen that ends a
 * line before a lower-case letter), turning glued markers into FN marks. */
static bool append_line(growbuf *b, const text *t, const line *l, fnset *fs, bool markers)
{
    const char *s = t->s + l->start;
    size_t n = l->end - l->start;
    if (b->len) {
        bool hyphen = b->s[b->len - 1] == '-' && n && s[0] >= 'a' && s[0] <= 'z';
        if (!hyphen && !gb_put(b, ' ', t->map[l->start]))
            return false;
    }
    for (size_t i = 0; i < n;) {
        unsigned long v;
        size_t k;
        bool run_start = markers && is_digit(s[i]) && (i == 0 || !is_digit(s[i - 1]));
        if (run_start && (k = year_marker(s, n, i, fs, &v))) {
            for (size_t j = 0; j < 4; j++, i++) /* the year, then the marker below */
                if (!gb_put(b, s[i], t->map[l->start + i]))
                    return false;
        } else if (!(run_start && (k = lang_digits(s + i, n - i, 3, &v)) &&
                     (glued_marker(s, n, i, k, v, fs) || spaced_marker(s, n, i, k, v, fs)))) {
            k = 0;
        }
        if (k) {
            if (!gb_put(b, FN_OPEN, t->map[l->start + i]))
                return false;
            for (size_t j = 0; j < k; j++)
                if (!gb_put(b, s[i + j], t->map[l->start + i + j]))
                    return false;
            if (!gb_put(b, FN_CLOSE, t->map[l->start + i + k - 1]))
                return false;
            if ((int)v > fs->max_seen)
                fs->max_seen = (int)v;
            i += k;
            continue;
        }
        /* Up to the next digit (where a marker may start), in one copy. */
        size_t j = markers ? i + 1 + text_next_digit(s + i + 1, n - i - 1) : n;
        if (!gb_copy(b, s + i, t->map + l->start + i, j - i))
            return false;
        i = j;
    }
    return true;
}

/* A marker set off by a space at the very end of a paragraph
 * ("social stability, 2"). */
static bool trailing_marker(growbuf *b, fnset *fs)
{
    size_t e = b->len, i = e;
    while (i > 0 && is_digit(b->s[i - 1]))
        i--;
    unsigned long v;
    if (i == e || e - i > 3 || i < 3 || b->s[i - 1] != ' ' || (b->s[i - 2] != ',' && b->s[i - 2] != ';'))
        return true;
    if (lang_digits(b->s + i, e - i, 3, &v) != e - i || v == 0 || v >= 1000 || !fs->has[v] ||
        (int)v > fs->max_seen + 1)
        return true;
    /* Grow by two, shift the digits right by one and frame them. */
    size_t last_at = b->map[e - 1];
    if (!gb_put(b, FN_CLOSE, last_at) || !gb_put(b, FN_CLOSE, last_at))
        return false;
    memmove(b->s + i + 1, b->s + i, e - i);
    memmove(b->map + i + 1, b->map + i, (e - i) * sizeof *b->map);
    b->s[i] = FN_OPEN;
    b->s[e + 1] = FN_CLOSE;
    b->map[e + 1] = last_at;
    if ((int)v > fs->max_seen)
        fs->max_seen = (int)v;
    return true;
}

static bool keep_buf(layout *lo, growbuf *b)
{
    if (lo->n_bufs + 2 > lo->cap_bufs) {
        size_t ncap = lo->cap_bufs ? lo->cap_bufs * 2 : 64;
        char **nb = realloc(lo->bufs, ncap * sizeof *nb);
        if (!nb)
            return false;
        lo->bufs = nb;
        lo->cap_bufs = ncap;
    }
    lo->bufs[lo->n_bufs++] = b->s;
    lo->bufs[lo->n_bufs++] = (char *)b->map;
    return true;
}

/* Emits the paragraph being built. */
static instcite_status flush(layout *lo, growbuf *b, para_kind kind, int n, size_t body, fnset *fs)
{
    if (!b->len)
        return INSTCITE_OK;
    if ((kind != PARA_FN && !trailing_marker(b, fs)) || !keep_buf(lo, b)) {
        free(b->s);
        free(b->map);
        memset(b, 0, sizeof *b);
        return INSTCITE_ERR_NOMEM;
    }
    para *p = add_para(lo, kind, n, b->s, b->map, b->len, body);
    memset(b, 0, sizeof *b);
    return p ? INSTCITE_OK : INSTCITE_ERR_NOMEM;
}

/* Does the text so far end a clause, a footnote marker aside (framed, or
 * still plain digits after the punctuation: "Development; 2")? */
static bool ends_clause(const growbuf *b)
{
    size_t e = b->len;
    if (e && b->s[e - 1] == FN_CLOSE) {
        while (e && b->s[e - 1] != FN_OPEN)
            e--;
        if (e)
            e--;
        while (e && b->s[e - 1] == ' ')
            e--;
    } else {
        size_t d = e;
        while (d && e - d < 4 && is_digit(b->s[d - 1]))
            d--;
        if (d < e && d >= 2 && b->s[d - 1] == ' ' &&
            (b->s[d - 2] == ',' || b->s[d - 2] == ';' || b->s[d - 2] == '.' || b->s[d - 2] == ':'))
            e = d - 1;
    }
    return e && (b->s[e - 1] == ',' || b->s[e - 1] == ';' || b->s[e - 1] == '.' || b->s[e - 1] == ':');
}

/* A page begins where the input had a form feed just before the line. */
static bool page_start(const text *t, const line *l)
{
    size_t at = t->map[l->start];
    return l->start < t->len && at > 0 && t->in[at - 1] == '\f';
}

/* Running heads: a line that stands among the first three lines of at least
 * two pages (the title, split over lines as the page head prints it). */
static void mark_running_heads(const text *t, const layout *lo, const line *lines, size_t n_lines,
                               unsigned char *kind)
{
    /* The title with its line breaks as spaces: a page head prints it
     * broken at other places. */
    size_t tl = lo->title.end - lo->title.start;
    char *title = tl ? malloc(tl) : NULL;
    for (size_t q = 0; title && q < tl; q++)
        title[q] = t->s[lo->title.start + q] == '\n' ? ' ' : t->s[lo->title.start + q];
    for (size_t j = 0; j < n_lines; j++) {
        if (!page_start(t, &lines[j]))
            continue;
        for (size_t h = j, seen = 0; h < n_lines && seen < 3; h++) {
            size_t n = lines[h].end - lines[h].start;
            if (!n)
                continue;
            seen++;
            int pages = 0;
            for (size_t q = 0; q < n_lines && pages < 2; q++) {
                if (!page_start(t, &lines[q]))
                    continue;
                for (size_t r = q, rs = 0; r < n_lines && rs < 3; r++) {
                    size_t rn = lines[r].end - lines[r].start;
                    if (!rn)
                        continue;
                    rs++;
                    if (rn == n && memcmp(t->s + lines[r].start, t->s + lines[h].start, n) == 0) {
                        pages++;
                        break;
                    }
                }
            }
            if (pages >= 2 || (title && n >= 10 && n <= tl && memmem(title, tl, t->s + lines[h].start, n)))
                kind[h] = 1;
        }
    }
    free(title);
}

/* A footnote number alone on its line, or at the start of "N text" (or
 * "¹ text": superscript digits, a marker after normalisation, as in text
 * saved from a word processor). */
static size_t footnote_number(const char *s, size_t n, unsigned long *v)
{
    if (n > 2 && s[0] == FN_OPEN) {
        size_t d = lang_digits(s + 1, n - 1, 3, v);
        if (!d || 1 + d >= n || s[1 + d] != FN_CLOSE || *v == 0 || *v >= 1000 || (d + 2 < n && s[d + 2] != ' '))
            return 0;
        return d + 2;
    }
    size_t k = lang_digits(s, n, 3, v);
    if (!k || *v == 0 || *v >= 1000 || (k < n && s[k] != ' '))
        return 0;
    return k;
}

typedef struct fn_text {
    size_t first, last; /* line indexes of the text, inclusive */
    int n;              /* its number, 0 until paired */
} fn_text;

/* The footnotes of one block [from, to). The usual text layer prints
 * "N text" lines. pdftotext prints some pages with numbers and texts on
 * lines of their own, in three arrangements, all handled here:
 *  - a number, then its text;
 *  - a run of numbers, then their texts in the same order ("5", "6", text
 *    of 5, text of 6);
 *  - texts first, their numbers at the end of the block (the texts left
 *    without a number take the numbers left without a text, in order).
 * A text with no number at all on its page continues the last footnote of
 * the page before: *carry (0 when none) is that footnote's number. */
static bool read_block(const text *t, const line *lines, size_t from, size_t to, const unsigned char *kind,
                       fn_text *out, size_t *n_out, fnset *fs, int *carry)
{
    int queue[64]; /* numbers waiting for their texts, in order */
    size_t q_head = 0, q_len = 0, n = 0;
    size_t orphans[64];
    size_t n_orphans = 0;
    bool any_number = false;
    for (size_t j = from; j < to; j++) {
        if (kind[j] != 2)
            continue;
        const char *s = t->s + lines[j].start;
        size_t len = lines[j].end - lines[j].start;
        unsigned long v;
        size_t k = footnote_number(s, len, &v);
        if (k == len) { /* a number alone */
            if (q_len < 64)
                queue[q_len++] = (int)v;
            fs->has[v] = 1;
            any_number = true;
            continue;
        }
        bool starts_text = k > 0 || q_head < q_len || n == 0;
        if (!starts_text) {
            /* Continuation, unless the text before ended a sentence and
             * this line starts a new one. */
            const line *prev = &lines[out[n - 1].last];
            char end = t->s[prev->end - 1];
            starts_text = end == '.' && ((s[0] >= 'A' && s[0] <= 'Z') || s[0] == '"');
        }
        if (!starts_text) {
            out[n - 1].last = j;
            continue;
        }
        if (n == 256)
            return false;
        out[n] = (fn_text){j, j, 0};
        if (k) {
            out[n].n = (int)v;
            fs->has[v] = 1;
            any_number = true;
        } else if (q_head < q_len) {
            out[n].n = queue[q_head++];
        } else if (n_orphans < 64) {
            orphans[n_orphans++] = n;
        }
        n++;
    }
    for (size_t o = 0; o < n_orphans && q_head < q_len; o++)
        out[orphans[o]].n = queue[q_head++];
    if (!any_number && n && *carry)
        out[0].n = *carry; /* a footnote that began on the page before */
    for (size_t q = 0; q < n; q++)
        if (out[q].n)
            *carry = out[q].n;
    *n_out = n;
    return true;
}

static instcite_status wrapped(layout *lo, const text *t, const lang_table *L)
{
    /* Lines of the normalised text. */
    size_t n_lines = 0, cap = 256;
    line *lines = malloc(cap * sizeof *lines);
    if (!lines)
        return INSTCITE_ERR_NOMEM;
    for (size_t ls = 0; ls <= t->len;) {
        const char *nl = memchr(t->s + ls, '\n', t->len - ls);
        size_t le = nl ? (size_t)(nl - t->s) : t->len;
        if (n_lines == cap) {
            line *nlines = realloc(lines, (cap *= 2) * sizeof *lines);
            if (!nlines) {
                free(lines);
                return INSTCITE_ERR_NOMEM;
            }
            lines = nlines;
        }
        lines[n_lines++] = (line){ls, le};
        if (!nl)
            break;
        ls = le + 1;
    }
    instcite_status st = INSTCITE_OK;
    header_state hs = {0};
    size_t i = 0;
    /* Header, up to the title line ("74/174. Title", or the number alone
     * with the title on the next lines) and the organ line. */
    bool titled = false;
    for (; i < n_lines; i++) {
        const line *l = &lines[i];
        const char *s = t->s + l->start;
        size_t n = l->end - l->start, k;
        if (!n)
            continue;
        if (!add_para(lo, PARA_HEADER, 0, s, t->map + l->start, n, 0)) {
            free(lines);
            return INSTCITE_ERR_NOMEM;
        }
        if ((k = title_number(s, n))) {
            lo->number = mkspan(l->start, l->start + k);
            k++;
            while (k < n && (s[k] == ' ' || s[k] == '-'))
                k++;
            lo->title = mkspan(l->start + k, l->end);
            titled = true;
            i++;
            break;
        }
        int num;
        if (lang_match_indexed(s, n, &lo->verbs, &k) || op_number(s, n, &num)) {
            lo->n_paras--; /* a fragment without a header: this line is body text */
            break;
        }
        header_line(lo, &hs, L, s, n, l->start);
    }
    /* Title lines up to the organ line, when it comes within a few lines. */
    for (size_t j = i, seen = 0; titled && j < n_lines && seen < 5; j++) {
        const char *s = t->s + lines[j].start;
        size_t n = lines[j].end - lines[j].start;
        if (!n)
            continue;
        seen++;
        if (lang_match_any(s, n, L->organ_lines) == n) {
            for (size_t q = i; q < j; q++) {
                if (lines[q].end == lines[q].start)
                    continue;
                if (lo->title.start == lo->title.end)
                    lo->title.start = lines[q].start;
                lo->title.end = lines[q].end;
            }
            i = j + 1;
            break;
        }
    }
    /* Which lines are footnotes: the blocks after a rule, up to the end of
     * the page (a form feed) or, in text without form feeds, up to the next
     * page furniture. */
    unsigned char *kind = calloc(n_lines ? n_lines : 1, 1); /* 0 body, 1 furniture/rule, 2 footnote */
    fnset *fs = calloc(1, sizeof *fs);
    fn_text *texts = malloc(256 * sizeof *texts);
    if (!kind || !fs || !texts) {
        free(kind);
        free(fs);
        free(texts);
        free(lines);
        return INSTCITE_ERR_NOMEM;
    }
    fs->number_nouns = L->number_nouns;
    bool paged = false;
    for (size_t j = 0; j < n_lines && !paged; j++)
        paged = page_start(t, &lines[j]);
    if (paged)
        mark_running_heads(t, lo, lines, n_lines, kind);
    size_t block_start = 0;
    bool in_block = false;
    int carry = 0; /* the last footnote read, which a next page may continue */
    for (size_t j = i; j <= n_lines && st == INSTCITE_OK; j++) {
        bool end_block = j == n_lines || (paged ? page_start(t, &lines[j]) : false);
        const line *l = j < n_lines ? &lines[j] : NULL;
        if (l && !end_block && in_block && !paged && furniture(t, l, lo))
            end_block = true;
        if (in_block && end_block) {
            size_t nt = 0;
            if (!read_block(t, lines, block_start, j, kind, texts, &nt, fs, &carry)) {
                st = INSTCITE_ERR_LIMIT;
                break;
            }
            for (size_t q = 0; q < nt && st == INSTCITE_OK; q++) {
                if (!texts[q].n)
                    continue;
                growbuf b = {0};
                for (size_t r = texts[q].first; r <= texts[q].last; r++) {
                    if (kind[r] != 2)
                        continue;
                    line part = lines[r];
                    unsigned long v;
                    size_t k = footnote_number(t->s + part.start, part.end - part.start, &v);
                    if (r == texts[q].first && k)
                        part.start += k + 1;
                    if (part.end > part.start && !append_line(&b, t, &part, fs, false)) {
                        st = INSTCITE_ERR_NOMEM;
                        break;
                    }
                }
                if (!fs->counted[texts[q].n]) { /* a footnote continued over a page counts once */
                    fs->counted[texts[q].n] = 1;
                    lo->footnotes++;
                }
                if (st == INSTCITE_OK)
                    st = flush(lo, &b, PARA_FN, texts[q].n, 0, fs);
                free(b.s), free(b.map); /* flush took them, or failed */
            }
            in_block = false;
        }
        if (!l || l->end == l->start)
            continue;
        if (rule_line(t, l)) {
            kind[j] = 1;
            in_block = true;
            block_start = j;
        } else if (kind[j] == 1 || furniture(t, l, lo)) {
            kind[j] = 1;
        } else if (in_block) {
            kind[j] = 2;
        }
    }
    free(texts);
    growbuf b = {0};
    /* Body paragraphs. */
    para_kind pk = PARA_PP;
    int pn = 0;
    size_t pbody = 0;
    bool blank = false, brk = false, footer = false;
    for (size_t j = i; j < n_lines && st == INSTCITE_OK; j++) {
        const line *l = &lines[j];
        const char *s = t->s + l->start;
        size_t n = l->end - l->start, k;
        int num;
        char iso[11];
        if (kind[j]) {
            brk = true;
            continue;
        }
        if (!n) {
            blank = true;
            continue;
        }
        if (footer) {
            if (date_line(L, s, n, iso))
                memcpy(lo->closing_date, iso, sizeof iso);
            continue;
        }
        if ((num = plenary_line(L, s, n))) {
            st = flush(lo, &b, pk, pn, pbody, fs);
            lo->plenary = num;
            footer = true;
            continue;
        }
        size_t opk = op_number(s, n, &num);
        bool starts = opk || lang_match_indexed(s, n, &lo->verbs, &k);
        /* A blank line within a page ends a paragraph; so does a line that
         * opens with a number or a clause verb after a line that ended a
         * clause (some text layers have no blank lines at all). A blank line
         * next to page furniture is the page's, not the paragraph's. */
        bool new_para = !b.len || (blank && !brk) || (starts && ends_clause(&b));
        if (new_para) {
            st = flush(lo, &b, pk, pn, pbody, fs);
            if (st != INSTCITE_OK)
                break;
            if (opk) {
                pk = PARA_OP;
                pn = num;
                lo->operative++;
                pbody = opk;
            } else if (lo->operative == 0) {
                pk = PARA_PP;
                pn = (int)++lo->preambular;
                pbody = 0;
            } else {
                pbody = 0; /* an unnumbered sub-paragraph continues the last one */
            }
        }
        if (!append_line(&b, t, l, fs, true))
            st = INSTCITE_ERR_NOMEM;
        blank = brk = false;
    }
    if (st == INSTCITE_OK && !footer)
        st = flush(lo, &b, pk, pn, pbody, fs);
    free(b.s);
    free(b.map);
    free(kind);
    free(fs);
    free(lines);
    return st;
}

instcite_status layout_init(layout *lo, const text *t, const lang_table *L, instcite_error *err)
{
    memset(lo, 0, sizeof *lo);
    instcite_status st;
    lang_name_index_init(&lo->verbs, L ? L->verbs : NULL);
    if (!L) {
        /* No table: every line is a header line (symbols are still found). */
        st = INSTCITE_OK;
        for (size_t ls = 0; ls < t->len && st == INSTCITE_OK;) {
            const char *nl = memchr(t->s + ls, '\n', t->len - ls);
            size_t le = nl ? (size_t)(nl - t->s) : t->len;
            if (le > ls && !add_para(lo, PARA_HEADER, 0, t->s + ls, t->map + ls, le - ls, 0))
                st = INSTCITE_ERR_NOMEM;
            ls = nl ? le + 1 : t->len;
        }
    } else {
        st = L->wrapped ? wrapped(lo, t, L) : by_lines(lo, t, L);
    }
    if (st != INSTCITE_OK) {
        layout_destroy(lo);
        if (err) {
            err->code = st;
            err->offset = -1;
            err->line = 0;
            snprintf(err->message, sizeof err->message, "out of memory");
        }
    }
    return st;
}

void layout_destroy(layout *lo)
{
    for (size_t i = 0; i < lo->n_bufs; i++)
        free(lo->bufs[i]);
    free(lo->bufs);
    free(lo->paras);
    memset(lo, 0, sizeof *lo);
}
