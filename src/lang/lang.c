#define _GNU_SOURCE /* memmem */
#include "lang/lang.h"

#include "text/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const lang_table lang_zh, lang_en, lang_fr, lang_es, lang_ru, lang_ar;

static const lang_table *const tables[] = {&lang_zh, &lang_en, &lang_fr, &lang_es, &lang_ru, &lang_ar};

const lang_table *lang_find(const char *code)
{
    if (code)
        for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
            if (strcmp(tables[i]->code, code) == 0)
                return tables[i];
    return NULL;
}

/* Counts a few frequent function words of several languages (counts[k] for
 * the words of lists[k]); used only to tell Latin-script languages apart.
 * Each needle is matched with spaces around it. One pass over the text with a
 * first-byte filter gives the same counts as searching each word in turn:
 * leftmost first, occurrences of one word never overlapping. */
static void count_words(const char *s, size_t len, const char *const *const *lists, size_t nl,
                        size_t *counts)
{
    struct needle {
        const char *w;
        size_t len, next;
        size_t list;
    } nd[32];
    /* Bit j of first[b] (second[b]): needle j starts with b (has b second). */
    uint32_t first[256] = {0}, second[256] = {0};
    size_t k = 0;
    for (size_t l = 0; l < nl; l++) {
        counts[l] = 0;
        for (const char *const *w = lists[l]; *w && k < sizeof nd / sizeof nd[0]; w++) {
            nd[k] = (struct needle){*w, strlen(*w), 0, l};
            if (nd[k].len < 2)
                continue; /* every word has two bytes or more */
            first[(unsigned char)(*w)[0]] |= (uint32_t)1 << k;
            second[(unsigned char)(*w)[1]] |= (uint32_t)1 << k;
            k++;
        }
    }
    for (size_t i = 0; i + 1 < len; i++) {
        uint32_t cand = first[(unsigned char)s[i]];
        if (!cand || !(cand &= second[(unsigned char)s[i + 1]]))
            continue;
        for (; cand; cand &= cand - 1) {
            struct needle *d = &nd[__builtin_ctz(cand)];
            if (i >= d->next && d->len <= len - i && memcmp(s + i, d->w, d->len) == 0) {
                counts[d->list]++;
                d->next = i + d->len;
            }
        }
    }
}

/* The first 8 KiB decide: a resolution's header and first paragraphs are
 * hundreds of words of its language, and reading further only costs time
 * (this pass was 12% of extraction on 12 KB resolutions). */
#define DETECT_BYTES 8192

const char *lang_detect(const char *s, size_t len)
{
    size_t cjk = 0, cyr = 0, arab = 0, latin = 0;
    size_t limit = len < DETECT_BYTES ? len : DETECT_BYTES;
    /* The text is valid UTF-8 (normalised): the lead byte tells the block.
     * U+4E00..U+9FFF is E4 B8.. to E9 BF BF, U+0400..U+04FF leads D0..D3,
     * U+0600..U+06FF D8..DB; Latin letters are counted in ASCII only. */
    const unsigned char *u = (const unsigned char *)s;
    const uint64_t ones = 0x0101010101010101ull;
    for (size_t i = 0; i < limit;) {
        unsigned char c = u[i];
        uint64_t w;
        if (c < 0x80) {
            if (limit - i >= 8 && (memcpy(&w, u + i, 8), !(w & ones * 0x80))) {
                /* Eight ASCII bytes: a letter is 0x60 < (b | 0x20) < 0x7B. */
                uint64_t t = w | ones * 0x20;
                uint64_t letters =
                    (ones * (127 + 0x7B) - t) & ~t & (t + ones * (127 - 0x60)) & ones * 0x80;
                /* One bit per letter at bit 7 of its byte: the sum of the
                 * eight bytes, by multiplication, is the count. */
                latin += (size_t)(((letters >> 7) * ones) >> 56);
                i += 8;
            } else {
                latin += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
                i++;
            }
        } else if (c < 0xE0) {
            cyr += c >= 0xD0 && c <= 0xD3;
            arab += c >= 0xD8 && c <= 0xDB;
            i += 2;
        } else if (c < 0xF0) {
            cjk += (c >= 0xE5 && c <= 0xE9) || (c == 0xE4 && i + 1 < limit && u[i + 1] >= 0xB8);
            i += 3;
        } else {
            i += 4;
        }
    }
    if (cjk * 3 >= latin && cjk >= cyr && cjk >= arab && cjk > 0)
        return "zh";
    if (arab > cyr && arab * 2 >= latin)
        return "ar";
    if (cyr * 2 >= latin && cyr > 0)
        return "ru";
    /* " la " and " de " are both French and Spanish: only words of one; the
     * kind word and the Assembly's name decide a fragment too short for
     * function words ("Recordando la resolución 73/154,"). */
    static const char *const en[] = {" the ", " of ", " and ", "resolution", "Assembly", NULL};
    static const char *const fr[] = {" le ", " les ", " des ", " du ", " et ", " aux ", "résolution",
                                     "Assemblée", NULL};
    static const char *const es[] = {" el ", " los ", " las ", " del ", " y ", " por ", "resolución",
                                     "Asamblea", NULL};
    const char *const *const lists[] = {en, fr, es};
    size_t counts[3];
    count_words(s, limit, lists, 3, counts);
    size_t ne = counts[0], nf = counts[1], ns = counts[2];
    if (nf > ne && nf >= ns)
        return "fr";
    if (ns > ne && ns > nf)
        return "es";
    return "en";
}

size_t lang_match(const char *s, size_t n, const char *w)
{
    /* The first bytes decide most calls (lists such as the clause openers
     * hold many words beginning alike): compared in place, and strlen and
     * memcmp only for what is left of a longer word. */
    if (!w || !n || *s != *w)
        return 0;
    size_t k = 1;
    while (k < 4 && w[k] && k < n && s[k] == w[k])
        k++;
    if (!w[k])
        return k;
    if (k < 4)
        return 0; /* a byte differs, or s ends first */
    size_t wl = k + strlen(w + k);
    return wl <= n && memcmp(s + k, w + k, wl - k) == 0 ? wl : 0;
}

size_t lang_match_any(const char *s, size_t n, const char *const *list)
{
    size_t best = 0;
    for (; list && *list; list++) {
        size_t m = lang_match(s, n, *list);
        if (m > best)
            best = m;
    }
    return best;
}

const lang_name *lang_match_name(const char *s, size_t n, const lang_name *names, size_t *len)
{
    const lang_name *best = NULL;
    size_t bl = 0;
    for (; names && names->text; names++) {
        size_t m = lang_match(s, n, names->text);
        if (m > bl)
            best = names, bl = m;
    }
    *len = bl;
    return best;
}

void lang_name_index_init(lang_name_index *ix, const lang_name *names)
{
    ix->names = names;
    size_t n = 0;
    while (names && names[n].text)
        n++;
    ix->whole = n > LANG_INDEX_MAX;
    if (ix->whole)
        return;
    /* A counting sort by first byte; stable, so that ties keep going to the
     * entry listed first, as in lang_match_name. */
    memset(ix->first, 0, sizeof ix->first);
    for (size_t i = 0; i < n; i++)
        ix->first[(unsigned char)names[i].text[0] + 1]++;
    for (size_t b = 0; b < 256; b++)
        ix->first[b + 1] += ix->first[b];
    uint16_t next[256];
    memcpy(next, ix->first, sizeof next);
    for (size_t i = 0; i < n; i++)
        ix->order[next[(unsigned char)names[i].text[0]]++] = (uint16_t)i;
}

/* lang_match_indexed past its empty-bucket test. */
const lang_name *lang_match_bucket(const char *s, size_t n, const lang_name_index *ix, size_t *len)
{
    if (ix->whole)
        return lang_match_name(s, n, ix->names, len);
    const lang_name *best = NULL;
    size_t bl = 0;
    unsigned char b = n ? (unsigned char)s[0] : 0;
    for (size_t k = ix->first[b]; n && k < ix->first[b + 1]; k++) {
        const lang_name *e = &ix->names[ix->order[k]];
        size_t m = lang_match(s, n, e->text);
        if (m > bl)
            best = e, bl = m;
    }
    *len = bl;
    return best;
}

const lang_name *lang_suffix_name(const char *s, size_t n, const lang_name *names, size_t *len)
{
    const lang_name *best = NULL;
    size_t bl = 0;
    for (; names && names->text; names++) {
        size_t wl = strlen(names->text);
        if (wl > bl && wl <= n && memcmp(s + n - wl, names->text, wl) == 0)
            best = names, bl = wl;
    }
    *len = bl;
    return best;
}

/* Reads 1..max ASCII digits; returns how many, 0 if none. */
size_t lang_digits(const char *s, size_t n, size_t max, unsigned long *value)
{
    size_t i = 0;
    unsigned long v = 0;
    while (i < n && i < max && s[i] >= '0' && s[i] <= '9')
        v = v * 10 + (unsigned long)(s[i++] - '0');
    if (i < n && s[i] >= '0' && s[i] <= '9')
        return 0; /* longer than max: not this kind of number */
    *value = v;
    return i;
}

/* zh: "2018年12月17日" (or "2007年" alone). */
static size_t cjk_date(const lang_table *L, const char *s, size_t n, char iso[11])
{
    unsigned long y, m, d;
    size_t i = lang_digits(s, n, 4, &y);
    if (i != 4)
        return 0;
    size_t k = lang_match(s + i, n - i, L->year_mark);
    if (!k)
        return 0;
    i += k;
    size_t j = lang_digits(s + i, n - i, 2, &m);
    if (!j || m < 1 || m > 12 || !(k = lang_match(s + i + j, n - i - j, L->month_mark))) {
        snprintf(iso, 11, "%04lu", y); /* a bare year */
        return i;
    }
    size_t after_month = i + j + k;
    j = lang_digits(s + after_month, n - after_month, 2, &d);
    if (!j || d < 1 || d > 31 || !(k = lang_match(s + after_month + j, n - after_month - j, L->day_mark))) {
        snprintf(iso, 11, "%04lu-%02lu", y, m);
        return after_month;
    }
    snprintf(iso, 11, "%04lu-%02lu-%02lu", y, m, d);
    return after_month + j + k;
}

/* "17 December 2018", "1er janvier 2019", "17 de diciembre de 2018",
 * "17 декабря 2018 года", "17 كانون الأول/ديسمبر 2018". */
static size_t word_date(const lang_table *L, const char *s, size_t n, char iso[11])
{
    unsigned long d, y;
    size_t i = lang_digits(s, n, 2, &d);
    if (!i || d < 1 || d > 31)
        return 0;
    i += lang_match_any(s + i, n - i, L->day_suffix);
    size_t k = lang_match_any(s + i, n - i, L->date_sep);
    if (!k)
        return 0;
    i += k;
    size_t ml;
    const lang_name *month = lang_match_name(s + i, n - i, L->months, &ml);
    if (!month)
        return 0;
    i += ml;
    if (!(k = lang_match_any(s + i, n - i, L->date_sep)))
        return 0;
    i += k;
    if (lang_digits(s + i, n - i, 4, &y) != 4)
        return 0;
    i += 4;
    i += lang_match_any(s + i, n - i, L->year_suffix);
    snprintf(iso, 11, "%04lu-%02d-%02lu", y, atoi(month->value), d);
    return i;
}

size_t lang_parse_date(const lang_table *L, const char *s, size_t n, char iso[11])
{
    if (L->year_mark)
        return cjk_date(L, s, n, iso);
    return L->months ? word_date(L, s, n, iso) : 0;
}

/* Chinese numerals as used for session numbers: 一..九, 十, 百, 零/〇. */
size_t lang_parse_cjk_number(const char *s, size_t n, int *value)
{
    static const char *const units[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    int total = 0, cur = 0;
    size_t i = 0;
    bool any = false;
    while (i < n) {
        int digit = -1;
        for (int u = 0; u < 10; u++)
            if (lang_match(s + i, n - i, units[u])) {
                digit = u;
                break;
            }
        if (digit < 0 && lang_match(s + i, n - i, "〇"))
            digit = 0;
        if (digit < 0 && lang_match(s + i, n - i, "两"))
            digit = 2;
        if (digit >= 0) {
            cur = digit;
            i += 3;
            any = true;
            continue;
        }
        if (lang_match(s + i, n - i, "十")) {
            total += (cur ? cur : 1) * 10;
            cur = 0;
        } else if (lang_match(s + i, n - i, "百")) {
            total += (cur ? cur : 1) * 100;
            cur = 0;
        } else {
            break;
        }
        i += 3;
        any = true;
    }
    if (!any)
        return 0;
    *value = total + cur;
    return i;
}
