#include "text/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t text_next_digit(const char *s, size_t n)
{
    /* A byte b of w is a digit when 0x2F < b < 0x3A, tested on its low
     * seven bits (no carry crosses into the next byte) and its high bit
     * clear. */
    const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80, low7 = ones * 0x7F;
    size_t i = 0;
    for (; n - i >= 8; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t x = w & low7;
        uint64_t digits = (ones * (127 + 0x3A) - x) & ~w & (x + ones * (127 - 0x2F)) & high;
        if (digits)
            return i + (size_t)__builtin_ctzll(digits) / 8;
    }
    while (i < n && !(s[i] >= '0' && s[i] <= '9'))
        i++;
    return i;
}

bool is_cjk(unsigned cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           (cp >= 0x20000 && cp <= 0x3FFFF);
}

static bool is_space(unsigned cp)
{
    return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

static int superscript_digit(unsigned cp)
{
    switch (cp) {
    case 0xB9: return 1;
    case 0xB2: return 2;
    case 0xB3: return 3;
    case 0x2070: return 0;
    default: return (cp >= 0x2074 && cp <= 0x2079) ? (int)(cp - 0x2070) : -1;
    }
}

/* Arabic presentation forms (U+FE80..U+FEFC, what text layers of older PDFs
 * hold): the letter each positional form stands for, as UTF-8 ("" when cp is
 * none). The lam-alef ligatures are two letters. */
static const char *arabic_letter(unsigned cp)
{
    static const struct {
        unsigned short first, count;
        const char *letter;
    } forms[] = {
        {0xFE80, 1, "ء"}, {0xFE81, 2, "آ"}, {0xFE83, 2, "أ"}, {0xFE85, 2, "ؤ"}, {0xFE87, 2, "إ"},
        {0xFE89, 4, "ئ"}, {0xFE8D, 2, "ا"}, {0xFE8F, 4, "ب"}, {0xFE93, 2, "ة"}, {0xFE95, 4, "ت"},
        {0xFE99, 4, "ث"}, {0xFE9D, 4, "ج"}, {0xFEA1, 4, "ح"}, {0xFEA5, 4, "خ"}, {0xFEA9, 2, "د"},
        {0xFEAB, 2, "ذ"}, {0xFEAD, 2, "ر"}, {0xFEAF, 2, "ز"}, {0xFEB1, 4, "س"}, {0xFEB5, 4, "ش"},
        {0xFEB9, 4, "ص"}, {0xFEBD, 4, "ض"}, {0xFEC1, 4, "ط"}, {0xFEC5, 4, "ظ"}, {0xFEC9, 4, "ع"},
        {0xFECD, 4, "غ"}, {0xFED1, 4, "ف"}, {0xFED5, 4, "ق"}, {0xFED9, 4, "ك"}, {0xFEDD, 4, "ل"},
        {0xFEE1, 4, "م"}, {0xFEE5, 4, "ن"}, {0xFEE9, 4, "ه"}, {0xFEED, 2, "و"}, {0xFEEF, 2, "ى"},
        {0xFEF1, 4, "ي"}, {0xFEF5, 2, "لآ"}, {0xFEF7, 2, "لأ"}, {0xFEF9, 2, "لإ"}, {0xFEFB, 2, "لا"},
    };
    if (cp < 0xFE80 || cp > 0xFEFC)
        return "";
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (cp >= forms[i].first && cp < (unsigned)forms[i].first + forms[i].count)
            return forms[i].letter;
    return "";
}

/* The ASCII character a code point normalises to, or 0 to keep it. */
static unsigned fold_ascii(unsigned cp)
{
    if (cp >= 0xFF10 && cp <= 0xFF19) /* full-width digits */
        return cp - 0xFF10 + '0';
    if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A))
        return cp - 0xFF21 + 'A';
    if (cp >= 0x0660 && cp <= 0x0669) /* Arabic-Indic digits */
        return cp - 0x0660 + '0';
    if (cp >= 0x06F0 && cp <= 0x06F9) /* Extended (Persian) digits */
        return cp - 0x06F0 + '0';
    switch (cp) {
    case 0xFF0F: return '/';
    case 0xFF08: return '(';
    case 0xFF09: return ')';
    case 0xFF3B: return '[';
    case 0xFF3D: return ']';
    case 0xFF0E: return '.';
    case 0x060C: return ','; /* Arabic comma and semicolon */
    case 0x061B: return ';';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return '-';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0xAB: case 0xBB: case 0xFF02:
        return '"';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0xFF07:
        return '\'';
    default:
        return 0;
    }
}

typedef struct out {
    char *s;
    text_off *map;
    size_t len;
    unsigned last; /* last code point written on this line, 0 at line start */
    bool pending_space;
    size_t pending_at;
} out;

static void put(out *o, const char *b, size_t n, size_t at)
{
    for (size_t i = 0; i < n; i++) {
        o->s[o->len] = b[i];
        o->map[o->len++] = (text_off)at;
    }
}

/* Writes one code point, first flushing a pending space unless the space
 * is typographic only (line start, or next to a CJK character). */
static void emit(out *o, unsigned cp, const char *b, size_t n, size_t at)
{
    if (o->pending_space && o->last && !is_cjk(o->last) && !is_cjk(cp) && cp != '\n')
        put(o, " ", 1, o->pending_at);
    o->pending_space = false;
    put(o, b, n, at);
    o->last = cp == '\n' ? 0 : cp;
}

/* A character at s[i] that the fast path of text_init copies as it is:
 * U+3001..U+9FFF (lead bytes E3..E9 but U+3000, the ideographic space): CJK
 * punctuation, kana, ideographs; and the full-width comma, colon and
 * semicolon: never a space, a fold, a marker digit or a dropped character. */
static bool cjk_kept(const unsigned char *s, size_t i, size_t len)
{
    if (len - i < 3)
        return false;
    unsigned char b = s[i];
    unsigned t = (unsigned)s[i + 1] << 8 | s[i + 2];
    if ((t & 0xC0C0) != 0x8080)
        return false;
    if (b >= 0xE4 && b <= 0xE9)
        return true;
    if (b == 0xE3)
        return t != 0x8080;
    return b == 0xEF && (t == 0xBC8C || t == 0xBC9A || t == 0xBC9B); /* ， ： ； */
}

instcite_status text_init(text *t, const void *in, size_t len, instcite_error *err)
{
    memset(t, 0, sizeof *t);
    const unsigned char *s = in;
    if (len > INSTCITE_MAX_INPUT) {
        if (err) {
            err->code = INSTCITE_ERR_LIMIT;
            err->offset = (long long)INSTCITE_MAX_INPUT;
            err->line = 0;
            snprintf(err->message, sizeof err->message, "input larger than %zu bytes",
                     (size_t)INSTCITE_MAX_INPUT);
        }
        return INSTCITE_ERR_LIMIT;
    }
    /* A superscript digit (2-3 bytes) becomes at most 3 bytes, a lam-alef
     * ligature (3 bytes) 4, every other character at most its own length:
     * 3 * len + 1 always suffices, but a marker adds 2 bytes per run, so
     * 2 * len + 2 covers every case. */
    out o = {0};
    size_t cap = 2 * len + 2;
    o.s = malloc(cap);
    o.map = malloc(cap * sizeof *o.map);
    if (!o.s || !o.map) {
        free(o.s);
        free(o.map);
        if (err) {
            err->code = INSTCITE_ERR_NOMEM;
            err->offset = -1;
            err->line = 0;
            snprintf(err->message, sizeof err->message, "out of memory");
        }
        return INSTCITE_ERR_NOMEM;
    }
    size_t i = 0;
    long line = 1;
    bool in_marker = false;
    bool any_text = false;
    while (i < len) {
        /* Fast paths for the commonest characters outside a footnote
         * marker, each doing exactly what the general case below does:
         * runs of printable ASCII, the ASCII space, and runs of CJK
         * characters (cjk_kept). */
        unsigned char c0 = s[i];
        if (!in_marker && c0 > 0x20 && c0 < 0x7F) {
            if (o.pending_space && o.last && !is_cjk(o.last))
                put(&o, " ", 1, o.pending_at);
            o.pending_space = false;
            /* The run takes in single spaces between printable ASCII
             * characters: the pending-space rule would write each of them
             * as it is, at its own offset. */
            size_t j = i + 1;
            for (;;) {
                while (j < len && s[j] > 0x20 && s[j] < 0x7F)
                    j++;
                if (len - j < 2 || s[j] != ' ' || s[j + 1] <= 0x20 || s[j + 1] >= 0x7F)
                    break;
                j += 2;
            }
            memcpy(o.s + o.len, s + i, j - i);
            text_off *m = o.map + o.len;
            for (size_t k = 0; k < j - i; k++)
                m[k] = (text_off)(i + k);
            o.len += j - i;
            o.last = s[j - 1];
            any_text = true;
            i = j;
            continue;
        }
        if (!in_marker && c0 == ' ') {
            if (o.last && !o.pending_space) {
                o.pending_space = true;
                o.pending_at = i;
            }
            i++;
            continue;
        }
        if (!in_marker && cjk_kept(s, i, len)) {
            o.pending_space = false;
            size_t j = i;
            do
                j += 3;
            while (cjk_kept(s, j, len));
            memcpy(o.s + o.len, s + i, j - i);
            text_off *m = o.map + o.len;
            for (size_t k = 0; k < j - i; k += 3)
                m[k] = m[k + 1] = m[k + 2] = (text_off)(i + k);
            o.len += j - i;
            o.last = ((unsigned)(s[j - 3] & 0x0F) << 12) | ((unsigned)(s[j - 2] & 0x3F) << 6) |
                     (unsigned)(s[j - 1] & 0x3F);
            any_text = true;
            i = j;
            continue;
        }
        unsigned cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            free(o.s);
            free(o.map);
            if (err) {
                err->code = INSTCITE_ERR_ENCODING;
                err->offset = (long long)i;
                err->line = line;
                snprintf(err->message, sizeof err->message,
                         "invalid UTF-8 byte 0x%02X at offset %zu (line %ld)", s[i], i, line);
            }
            return INSTCITE_ERR_ENCODING;
        }
        size_t at = i;
        i += n;
        int sup = superscript_digit(cp);
        if (sup >= 0) {
            if (!in_marker) {
                char m = FN_OPEN;
                emit(&o, cp, &m, 1, at);
                in_marker = true;
            }
            char d = (char)('0' + sup);
            put(&o, &d, 1, at);
            continue;
        }
        if (in_marker) {
            char m = FN_CLOSE;
            put(&o, &m, 1, at);
            in_marker = false;
        }
        /* BOM, zero-width space; invisible format characters: joiners,
         * bidirectional marks, embeddings and isolates (around Latin symbols
         * in Arabic text), the Arabic tatweel that stretches justified words
         * ("الجمعيــة"). */
        if (cp == 0xFEFF || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x200E || cp == 0x200F ||
            (cp >= 0x202A && cp <= 0x202E) || cp == 0x2060 || (cp >= 0x2066 && cp <= 0x2069) ||
            cp == 0x061C || cp == 0x0640)
            continue;
        if (cp == '\r' && i < len && s[i] == '\n')
            continue;
        if (cp == '\r' || cp == '\n' || cp == '\f' || cp == 0x2028 || cp == 0x2029) {
            line++;
            o.pending_space = false;
            emit(&o, '\n', "\n", 1, at);
            continue;
        }
        if (is_space(cp) || cp < 0x20 || cp == 0x7F) {
            if (o.last && !o.pending_space) {
                o.pending_space = true;
                o.pending_at = at;
            }
            continue;
        }
        any_text = true;
        unsigned a = fold_ascii(cp);
        const char *letter = arabic_letter(cp);
        if (a) {
            char c = (char)a;
            emit(&o, a, &c, 1, at);
        } else if (*letter) {
            emit(&o, 0x0627, letter, strlen(letter), at); /* any Arabic letter: not CJK */
        } else {
            emit(&o, cp, (const char *)s + at, n, at);
        }
    }
    if (in_marker) {
        /* Mapped to the marker's last digit, like the digit itself, so that
         * text_input_end never decodes past the input. */
        char m = FN_CLOSE;
        put(&o, &m, 1, o.map[o.len - 1]);
    }
    if (!any_text) {
        free(o.s);
        free(o.map);
        if (err) {
            err->code = INSTCITE_ERR_EMPTY;
            err->offset = -1;
            err->line = 0;
            snprintf(err->message, sizeof err->message, "no text in input");
        }
        return INSTCITE_ERR_EMPTY;
    }
    o.s[o.len] = '\0';
    o.map[o.len] = (text_off)len;
    t->in = s;
    t->in_len = len;
    t->s = o.s;
    t->len = o.len;
    t->map = o.map;
    return INSTCITE_OK;
}

void text_destroy(text *t)
{
    free(t->s);
    free(t->map);
    memset(t, 0, sizeof *t);
}

size_t text_input_end(const unsigned char *in, const text_off *map, size_t e)
{
    size_t at = map[e - 1];
    unsigned cp;
    /* Input is known valid here; 4 is the longest sequence. */
    size_t n = utf8_decode(in + at, 4, &cp);
    return at + (n ? n : 1);
}
