#include "text/encoding.h"
#include "error_set.h"
#include "text/text.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { CK_SHIFT = 6 }; /* a checkpoint every 64 UTF-8 bytes */

static const struct {
    const char *name;  /* canonical (also the iconv name) */
    enc_kind kind;
    const char *aliases[4];
} encodings[] = {
    {"UTF-8", ENC_UTF8, {"utf8"}},
    {"UTF-16", ENC_UTF16LE, {"utf16"}}, /* by BOM, little-endian without one */
    {"UTF-16LE", ENC_UTF16LE, {"utf16le"}},
    {"UTF-16BE", ENC_UTF16BE, {"utf16be"}},
    {"GB18030", ENC_ICONV, {"gb-18030"}},
    {"GBK", ENC_ICONV, {"cp936"}},
    {"GB2312", ENC_ICONV, {"euc-cn"}},
    {"BIG5", ENC_ICONV, {"big-5"}},
    {"WINDOWS-1252", ENC_ICONV, {"cp1252"}},
    {"ISO-8859-1", ENC_ICONV, {"latin1", "latin-1"}},
    {"WINDOWS-1251", ENC_ICONV, {"cp1251"}},
    {"KOI8-R", ENC_ICONV, {"koi8r"}},
    {"WINDOWS-1256", ENC_ICONV, {"cp1256"}},
};

static int enc_index(const char *name)
{
    for (size_t i = 0; i < sizeof encodings / sizeof encodings[0]; i++) {
        if (strcasecmp(name, encodings[i].name) == 0)
            return (int)i;
        for (size_t a = 0; a < 4 && encodings[i].aliases[a]; a++)
            if (strcasecmp(name, encodings[i].aliases[a]) == 0)
                return (int)i;
    }
    return -1;
}

const char *enc_canonical(const char *name)
{
    if (!name || strcasecmp(name, "auto") == 0)
        return "auto";
    int i = enc_index(name);
    return i < 0 ? NULL : encodings[i].name;
}

bool utf8_valid(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            i++;
            /* Eight ASCII bytes at a time. */
            uint64_t w;
            while (n - i >= 8 && (memcpy(&w, s + i, 8), !(w & 0x8080808080808080ULL)))
                i += 8;
            continue;
        }
        /* Two- and three-byte sequences (Cyrillic, Arabic, CJK) inline:
         * C2..DF + tail; E0..EF + two tails, neither overlong (E0 A0..)
         * nor a surrogate (ED ..9F). Anything else is decoded in full. */
        unsigned char c = s[i];
        if (c >= 0xC2 && c <= 0xDF && n - i >= 2 && (s[i + 1] & 0xC0) == 0x80) {
            i += 2;
            continue;
        }
        if ((c & 0xF0) == 0xE0 && n - i >= 3 && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80 && (c != 0xE0 || s[i + 1] >= 0xA0) &&
            (c != 0xED || s[i + 1] < 0xA0)) {
            i += 3;
            continue;
        }
        unsigned cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (!k)
            return false;
        i += k;
    }
    return true;
}

static void fail(instcite_error *err, instcite_status code, long long offset, long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void fail(instcite_error *err, instcite_status code, long long offset, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, code, offset, line, fmt, ap);
    va_end(ap);
}

/* ---- one character ------------------------------------------------------- */

static size_t utf16_one(const unsigned char *s, size_t n, bool be, unsigned *cp)
{
    if (n < 2)
        return 0;
    unsigned u = be ? (unsigned)s[0] << 8 | s[1] : (unsigned)s[1] << 8 | s[0];
    if (u < 0xD800 || u > 0xDFFF) {
        *cp = u;
        return 2;
    }
    if (u >= 0xDC00 || n < 4)
        return 0;
    unsigned v = be ? (unsigned)s[2] << 8 | s[3] : (unsigned)s[3] << 8 | s[2];
    if (v < 0xDC00 || v > 0xDFFF)
        return 0;
    *cp = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
    return 4;
}

/* One character of an ASCII-compatible, stateless charset through iconv:
 * room for exactly one UTF-32 code unit makes iconv stop after the first
 * character, and how far it moved the input is that character's length. */
static size_t iconv_one(iconv_t cd, const unsigned char *s, size_t n, unsigned *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    char *ip = (char *)s, *op;
    size_t il = n < 8 ? n : 8, ol = 4;
    unsigned char ob[4];
    op = (char *)ob;
    iconv(cd, NULL, NULL, NULL, NULL);
    iconv(cd, &ip, &il, &op, &ol);
    size_t used = (size_t)(ip - (char *)s);
    if (used == 0 || ol != 0)
        return 0;
    unsigned c = ob[0] | (unsigned)ob[1] << 8 | (unsigned)ob[2] << 16 | (unsigned)ob[3] << 24;
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return used;
}

/* Decodes the character at s (n > 0 bytes left): its length and code point,
 * or 0 and in *bad the number of bytes that make one invalid unit. */
static size_t dec_one(const encoded *e, const unsigned char *s, size_t n, unsigned *cp, size_t *bad)
{
    size_t k;
    switch (e->kind) {
    case ENC_UTF8:
        k = utf8_decode(s, n, cp);
        break;
    case ENC_UTF16LE:
    case ENC_UTF16BE:
        k = utf16_one(s, n, e->kind == ENC_UTF16BE, cp);
        if (!k) {
            *bad = n < 2 ? n : 2;
            return 0;
        }
        return k;
    default:
        k = iconv_one((iconv_t)e->cd, s, n, cp);
        break;
    }
    if (!k)
        *bad = 1;
    return k;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18);
    o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ---- detection ----------------------------------------------------------- */

/* Chinese in GB18030 (or GBK, GB2312): see the header for the rule. */
static bool looks_gb18030(const unsigned char *s, size_t n)
{
    size_t multi = 0, shaped = 0, utf8_multi = 0; /* utf8_multi: bytes */
    for (size_t i = 0; i < n;) {
        unsigned b = s[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        if (b == 0x80 || b == 0xFF || i + 1 >= n)
            return false;
        unsigned c = s[i + 1];
        if (c >= 0x30 && c <= 0x39) {
            if (i + 3 >= n || s[i + 2] < 0x81 || s[i + 2] > 0xFE || s[i + 3] < 0x30 || s[i + 3] > 0x39)
                return false;
            multi++;
            i += 4;
            continue;
        }
        if (c < 0x40 || c == 0x7F || c == 0xFF)
            return false;
        multi++;
        if (b >= 0xA1 && b <= 0xF7 && c >= 0xA1)
            shaped++;
        i += 2;
    }
    size_t non_ascii = 0;
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t k = s[i] < 0x80 ? 1 : utf8_decode(s + i, n - i, &cp);
        if (k > 1)
            utf8_multi += k;
        if (s[i] >= 0x80)
            non_ascii += k ? k : 1;
        i += k ? k : 1;
    }
    return multi > 0 && shaped * 5 >= multi * 4 && utf8_multi * 2 < non_ascii;
}

/* UTF-16 without a BOM, as some converters write it: text with Latin letters
 * or digits has a zero high byte in most 16-bit units. Looks at the first 4
 * KiB: UTF-16LE when at least 40% of the odd bytes are zero and under 5% of
 * the even ones (mirrored for UTF-16BE). Stray NULs (OCR) are never that
 * regular. Returns "UTF-16LE", "UTF-16BE" or NULL. */
static const char *looks_utf16(const unsigned char *s, size_t n)
{
    size_t units = (n < 4096 ? n : 4096) / 2, zero_even = 0, zero_odd = 0;
    if (units < 8)
        return NULL;
    for (size_t i = 0; i < units; i++) {
        zero_even += s[2 * i] == 0;
        zero_odd += s[2 * i + 1] == 0;
    }
    if (zero_odd * 10 >= units * 4 && zero_even * 20 < units)
        return "UTF-16LE";
    if (zero_even * 10 >= units * 4 && zero_odd * 20 < units)
        return "UTF-16BE";
    return NULL;
}

/* ---- conversion ---------------------------------------------------------- */

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap + *cap / 2 + 64;
    if (ncap < need)
        ncap = need;
    void *np = realloc(*p, ncap * size);
    if (!np)
        return false;
    *p = np;
    *cap = ncap;
    return true;
}

static instcite_status convert(encoded *e, bool replace, instcite_error *err)
{
    const unsigned char *s = e->in;
    size_t len = e->in_len;
    size_t cap = len + len / 2 + 16, ck_cap = (cap >> CK_SHIFT) + 2;
    char *o = malloc(cap);
    size_t *cku = malloc(ck_cap * sizeof *cku), *cki = malloc(ck_cap * sizeof *cki);
    size_t olen = 0, n_ck = 0;
    long line = 1;
    if (!o || !cku || !cki)
        goto nomem;
    for (size_t i = 0;; ) {
        /* Checkpoint: the first boundary in each 64-byte block of the output. */
        if ((olen >> CK_SHIFT) >= n_ck) {
            size_t a = ck_cap, b = ck_cap;
            if (!grow((void **)&cku, &a, n_ck + 1, sizeof *cku) || !grow((void **)&cki, &b, n_ck + 1, sizeof *cki))
                goto nomem;
            ck_cap = a;
            cku[n_ck] = olen;
            cki[n_ck] = i;
            n_ck++;
        }
        if (i >= len)
            break;
        unsigned cp;
        size_t bad = 0;
        size_t k = dec_one(e, s + i, len - i, &cp, &bad);
        if (!k) {
            if (!replace) {
                free(o);
                free(cku);
                free(cki);
                if (e->kind == ENC_UTF16LE || e->kind == ENC_UTF16BE)
                    fail(err, INSTCITE_ERR_ENCODING, (long long)i, line,
                         "invalid %s %s at offset %zu (line %ld)", e->name,
                         bad < 2 ? "truncated last byte" : "lone surrogate", i, line);
                else
                    fail(err, INSTCITE_ERR_ENCODING, (long long)i, line,
                         "invalid %s byte 0x%02X at offset %zu (line %ld)", e->name, s[i], i, line);
                return INSTCITE_ERR_ENCODING;
            }
            if (e->n_bad < ENC_MAX_BAD)
                e->bad[e->n_bad] = (enc_bad){i, i + bad};
            e->n_bad++;
            cp = 0xFFFD;
            k = bad;
        }
        if (cp == '\n')
            line++;
        if (olen + 4 > cap && !grow((void **)&o, &cap, olen + 4, 1))
            goto nomem;
        olen += put_utf8(o + olen, cp);
        i += k;
        if (olen > INSTCITE_MAX_INPUT) {
            free(o);
            free(cku);
            free(cki);
            fail(err, INSTCITE_ERR_LIMIT, (long long)i, 0,
                 "input larger than %zu bytes once converted from %s to UTF-8",
                 (size_t)INSTCITE_MAX_INPUT, e->name);
            return INSTCITE_ERR_LIMIT;
        }
    }
    /* Shrink to fit; keep the larger block if the allocator says no. */
    char *shrunk = realloc(o, olen + 1);
    if (shrunk)
        o = shrunk;
    o[olen] = '\0';
    e->owned = o;
    e->u8 = o;
    e->u8_len = olen;
    e->ck_u8 = cku;
    e->ck_in = cki;
    e->n_ck = n_ck;
    e->converted = true;
    return INSTCITE_OK;
nomem:
    free(o);
    free(cku);
    free(cki);
    fail(err, INSTCITE_ERR_NOMEM, -1, 0, "out of memory");
    return INSTCITE_ERR_NOMEM;
}

/* *e as the input itself, read as UTF-8 (nothing converted). */
static void as_utf8(encoded *e, const void *in, size_t len)
{
    memset(e, 0, sizeof *e);
    e->in = in;
    e->in_len = len;
    e->u8 = in;
    e->u8_len = len;
    e->name = "UTF-8";
    e->kind = ENC_UTF8;
}

bool enc_assume_utf8(encoded *e, const void *in, size_t len, const char *encoding)
{
    memset(e, 0, sizeof *e);
    const unsigned char *s = in;
    const char *name = enc_canonical(encoding);
    if (!name || strcmp(name, "auto") != 0 || len > INSTCITE_MAX_INPUT ||
        (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) ||
        (!(len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) && looks_utf16(s, len)))
        return false;
    as_utf8(e, in, len);
    return true;
}

instcite_status enc_decode(encoded *e, const void *in, size_t len, const char *encoding, bool replace,
                           bool allow_gb, instcite_error *err)
{
    as_utf8(e, in, len);
    const unsigned char *s = in;
    const char *name = enc_canonical(encoding);
    if (!name) {
        fail(err, INSTCITE_ERR_INVALID, -1, 0, "unknown encoding '%.64s'", encoding);
        return INSTCITE_ERR_INVALID;
    }
    if (len > INSTCITE_MAX_INPUT) {
        fail(err, INSTCITE_ERR_LIMIT, (long long)INSTCITE_MAX_INPUT, 0, "input larger than %zu bytes",
             (size_t)INSTCITE_MAX_INPUT);
        return INSTCITE_ERR_LIMIT;
    }
    bool bom16le = len >= 2 && s[0] == 0xFF && s[1] == 0xFE;
    bool bom16be = len >= 2 && s[0] == 0xFE && s[1] == 0xFF;
    bool bom8 = len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
    bool valid8 = false; /* known valid UTF-8: not validated twice */
    if (strcmp(name, "auto") == 0) {
        const char *u16 = NULL;
        if (bom16le || bom16be) {
            name = bom16le ? "UTF-16LE" : "UTF-16BE";
        } else if (!bom8 && (u16 = looks_utf16(s, len))) {
            name = u16;
            e->detected = true;
        } else if (bom8 || (valid8 = utf8_valid(s, len))) {
            name = "UTF-8";
        } else if (allow_gb && looks_gb18030(s, len)) {
            name = "GB18030";
            e->detected = true;
        } else {
            name = "UTF-8";
        }
    } else if (strcmp(name, "UTF-16") == 0) {
        name = bom16be ? "UTF-16BE" : "UTF-16LE";
    }
    e->kind = encodings[enc_index(name)].kind;
    e->name = encodings[enc_index(name)].name;
    if (e->kind == ENC_UTF8 && (!replace || valid8 || utf8_valid(s, len)))
        return INSTCITE_OK; /* used as it is; text_init reports a bad byte */
    if (e->kind == ENC_ICONV) {
        iconv_t cd = iconv_open("UTF-32LE", e->name);
        if (cd == (iconv_t)-1) {
            fail(err, INSTCITE_ERR_INVALID, -1, 0, "encoding %s is not available: %s", e->name,
                 strerror(errno));
            return INSTCITE_ERR_INVALID;
        }
        e->cd = cd;
    }
    instcite_status st = convert(e, replace, err);
    if (st != INSTCITE_OK) {
        if (e->cd)
            iconv_close((iconv_t)e->cd);
        memset(e, 0, sizeof *e);
    }
    return st;
}

size_t enc_input_offset(const encoded *e, size_t off)
{
    if (!e->converted)
        return off;
    if (off >= e->u8_len)
        return e->in_len;
    size_t b = off >> CK_SHIFT;
    if (b >= e->n_ck)
        b = e->n_ck - 1;
    if (e->ck_u8[b] > off)
        b--; /* block b starts inside a character that begins in block b - 1 */
    size_t u = e->ck_u8[b], i = e->ck_in[b];
    char tmp[4];
    while (u < off && i < e->in_len) {
        unsigned cp;
        size_t bad = 0;
        size_t k = dec_one(e, e->in + i, e->in_len - i, &cp, &bad);
        if (!k) {
            cp = 0xFFFD;
            k = bad;
        }
        u += put_utf8(tmp, cp);
        i += k;
    }
    return i;
}

void enc_destroy(encoded *e)
{
    if (e->cd)
        iconv_close((iconv_t)e->cd);
    free(e->owned);
    free(e->ck_u8);
    free(e->ck_in);
    memset(e, 0, sizeof *e);
}
