/*
 * Instrument catalog: CSV loading (libcsv), id/title/UNTS lookup, folding.
 *
 * Layout. Every instrument is one heap block (struct rec): the cat_entry
 * followed by all of its strings, so replacing or freeing a row is a single
 * free(). The catalog keeps an array of rec pointers sorted by id, plus a
 * title index rebuilt after each load: every title and alias, folded, in one
 * byte arena, and an array of keys sorted bytewise. Sorted keys serve both
 * lookups: catalog_find_title is a binary search, and catalog_match_prefix
 * narrows a [lo, hi) range of keys one folded byte at a time, which stops as
 * soon as no title starts with the text (usually after the first byte).
 *
 * Loading parses into a temporary list and builds the complete new arrays
 * before touching the catalog, so a parse error or an allocation failure
 * leaves it exactly as it was.
 */
#include "catalog/catalog.h"
#include "error_set.h"

#include <csv.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Generated at build time from datasets/instruments.csv (scripts/embed.py). */
extern const char instcite_catalog_csv[];
extern const size_t instcite_catalog_csv_len;

/* ------------------------------------------------------------------------ */
/* Languages                                                                */

static const char *const lang_codes[LANG_COUNT] = {"en", "fr", "es", "ru", "zh", "ar"};

int lang_index(const char *code)
{
    if (code)
        for (int i = 0; i < LANG_COUNT; i++)
            if (strcmp(lang_codes[i], code) == 0)
                return i;
    return -1;
}

const char *lang_code(int index)
{
    return index >= 0 && index < LANG_COUNT ? lang_codes[index] : "";
}

/* ------------------------------------------------------------------------ */
/* Folding                                                                  */

#define INVALID_CP 0xFFFFFFFFu

/* Decodes one code point at s (len > 0). A byte that does not start a valid,
 * shortest-form, non-surrogate sequence is returned as INVALID_CP with
 * *adv = 1, so malformed input is stepped through byte by byte and never
 * read past len. */
static uint32_t decode(const unsigned char *s, size_t len, size_t *adv)
{
    uint32_t c = s[0];
    size_t n;
    uint32_t min;

    *adv = 1;
    if (c < 0x80)
        return c;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2, c &= 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, c &= 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, c &= 0x07, min = 0x10000;
    } else {
        return INVALID_CP;
    }
    if (len < n)
        return INVALID_CP;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return INVALID_CP;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return INVALID_CP;
    *adv = n;
    return c;
}

static size_t encode(uint32_t c, unsigned char *out)
{
    if (c < 0x80) {
        out[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (unsigned char)(0xC0 | (c >> 6));
        out[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (c >> 12));
        out[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (c >> 18));
    out[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

/* Whitespace, punctuation and dashes: characters that differ between two
 * printings of the same title (spacing, 、 vs ，, 《》, hyphen vs en dash)
 * and so must not take part in comparisons. */
static int is_dropped(uint32_t c)
{
    if (c < 0x80)
        return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    if (c >= 0x80 && c <= 0xBF)   /* C1 controls, NBSP, Latin-1 punctuation and */
        return !(c == 0xAA || c == 0xB2 || c == 0xB3 || c == 0xB5 || c == 0xB9 ||
                 c == 0xBA || (c >= 0xBC && c <= 0xBE)); /* ...but not ª ² ³ µ ¹ º ¼ ½ ¾ */
    if (c == 0x037E || c == 0x0387)                   /* Greek question mark, ano teleia */
        return 1;
    if (c == 0x060C || c == 0x061B || c == 0x061F || c == 0x0640 || c == 0x06D4 ||
        (c >= 0x066A && c <= 0x066D))                 /* Arabic punctuation, tatweel */
        return 1;
    if (c == 0x1680 || (c >= 0x2000 && c <= 0x206F))  /* spaces, dashes, quotes, ... */
        return 1;
    if (c == 0x2212 || (c >= 0x2E00 && c <= 0x2E7F)) /* minus, supplemental punct. */
        return 1;
    if ((c >= 0x3000 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3020) || c == 0x3030 ||
        c == 0x303D || c == 0x30FB)                   /* CJK punctuation, katakana dot */
        return 1;
    if ((c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6F)) /* vertical, small */
        return 1;
    if (c == 0xFEFF)                                  /* BOM / zero-width no-break space */
        return 1;
    if (c >= 0xFF01 && c <= 0xFF65)                   /* full-width punctuation */
        return !((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
                 (c >= 0xFF41 && c <= 0xFF5A));
    return 0;
}

/* The folded form of one kept code point: lower case for the scripts the
 * catalog's titles use, full-width ASCII letters and digits as ASCII, and two
 * spelling variants merged (final sigma, Russian ё printed as е). */
static uint32_t fold_cp(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)          /* Latin-1 capitals */
        return c + 32;
    if (c >= 0x100 && c <= 0x17F) {                   /* Latin Extended-A */
        if (c == 0x130)                               /* İ: simple mapping is i */
            return 'i';
        if (c == 0x178)                               /* Ÿ */
            return 0xFF;
        if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
            return c | 1;                             /* even capital, odd small */
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            return (c & 1) ? c + 1 : c;               /* odd capital, even small */
        return c;
    }
    if (c >= 0x370 && c <= 0x3FF) {                  /* Greek */
        if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
            return c + 32;
        if (c == 0x386)
            return 0x3AC;
        if (c >= 0x388 && c <= 0x38A)
            return c + 37;
        if (c == 0x38C)
            return 0x3CC;
        if (c == 0x38E || c == 0x38F)
            return c + 63;
        if (c == 0x3C2)                               /* final sigma */
            return 0x3C3;
        return c;
    }
    if (c >= 0x400 && c <= 0x52F) {                   /* Cyrillic */
        if (c == 0x401 || c == 0x451)                 /* Ё ё */
            return 0x435;
        if (c >= 0x410 && c <= 0x42F)
            return c + 32;
        if (c >= 0x400 && c <= 0x40F)
            return c + 80;
        if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) ||
            (c >= 0x4D0 && c <= 0x52F))
            return c | 1;
        if (c == 0x4C0)
            return 0x4CF;
        if (c >= 0x4C1 && c <= 0x4CE)
            return (c & 1) ? c + 1 : c;
        return c;
    }
    if (c >= 0xFF10 && c <= 0xFF19)                   /* full-width digits */
        return c - 0xFF10 + '0';
    if (c >= 0xFF21 && c <= 0xFF3A)                   /* full-width capitals */
        return c - 0xFF21 + 'a';
    if (c >= 0xFF41 && c <= 0xFF5A)
        return c - 0xFF41 + 'a';
    return c;
}

/* Folds the code point at s into out (at least 4 bytes); returns the folded
 * byte count (0 when dropped) and sets *adv to the input bytes consumed and
 * *cp to the decoded code point (INVALID_CP for a stray byte, which is kept
 * as is so that malformed input still compares equal to itself). */
static size_t fold_next(const unsigned char *s, size_t len, size_t *adv, uint32_t *cp,
                        unsigned char *out)
{
    if (s[0] < 0x80) { /* ASCII, what decode, is_dropped and fold_cp give */
        unsigned char c = s[0];
        *adv = 1;
        *cp = c;
        if (c >= 'A' && c <= 'Z')
            c += 32;
        else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return 0;
        out[0] = c;
        return 1;
    }
    uint32_t c = decode(s, len, adv);

    *cp = c;
    if (c == INVALID_CP) {
        out[0] = s[0];
        return 1;
    }
    if (is_dropped(c))
        return 0;
    return encode(fold_cp(c), out);
}

size_t catalog_fold(const char *s, size_t len, char *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t total = 0;

    for (size_t i = 0; i < len;) {
        unsigned char buf[4];
        size_t adv;
        uint32_t cp;
        size_t n = fold_next(p + i, len - i, &adv, &cp, buf);

        for (size_t k = 0; k < n; k++, total++)
            if (cap > 0 && total < cap - 1)
                out[total] = (char)buf[k];
        i += adv;
    }
    if (cap > 0)
        out[total < cap - 1 ? total : cap - 1] = '\0';
    return total;
}

/* Word classes for the boundary test of catalog_match_prefix. */
enum { CLS_OTHER, CLS_LETTER, CLS_DIGIT, CLS_CJK };

static int char_class(uint32_t c)
{
    if (c == INVALID_CP)
        return CLS_OTHER;
    if ((c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9) ||
        (c >= 0xFF10 && c <= 0xFF19))
        return CLS_DIGIT;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xFF21 && c <= 0xFF3A) ||
        (c >= 0xFF41 && c <= 0xFF5A))
        return CLS_LETTER;
    /* Han, kana, bopomofo, Hangul and their extensions: no spaces between
     * words, so any position is a boundary. */
    if ((c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3040 && c <= 0x31FF) ||
        (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
        (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0x20000 && c <= 0x3FFFF))
        return CLS_CJK;
    if (is_dropped(c))
        return CLS_OTHER;
    /* Letters and combining marks of the alphabetic scripts (Latin, Greek,
     * Cyrillic, Armenian, Hebrew, Arabic, ...); superscript digits, × and
     * ÷ are not word characters, so "Child³" still ends a title. */
    if ((c >= 0xC0 && c < 0x2000 && c != 0xD7 && c != 0xF7) ||
        (c >= 0xFB00 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC))
        return CLS_LETTER;
    return CLS_OTHER;
}

/* ------------------------------------------------------------------------ */
/* Catalog storage                                                          */

/* One instrument: its entry and, after it, every string it points to. */
typedef struct rec {
    cat_entry e;
    char data[];
} rec;

/* One folded title or alias. */
typedef struct tkey {
    const char *k;  /* into the index arena; not NUL-terminated */
    size_t len;
    size_t entry;   /* index into recs */
    int prio;       /* 0: English title, 1: other title, 2: alias */
} tkey;

struct instcite_catalog {
    rec **recs;     /* sorted by id, ids unique */
    size_t n;
    tkey *keys;     /* sorted by (bytes, prio, entry) */
    size_t nkeys;
    char *arena;    /* bytes of all keys */
    /* The keys again as a trie, for catalog_match_prefix, which is asked at
     * every capitalised word and walks a title one byte at a time (binary
     * searches over keys[] cost about a thousand instructions a word). */
    struct tnode *trie;
    uint32_t root[256]; /* the root's child for each first byte, 0: none */
};

static int cmp_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
    int c = memcmp(a, b, alen < blen ? alen : blen);
    if (c)
        return c;
    return alen < blen ? -1 : alen > blen;
}

static int cmp_tkey(const void *a, const void *b)
{
    const tkey *x = a, *y = b;
    int c = cmp_bytes(x->k, x->len, y->k, y->len);
    if (c)
        return c;
    if (x->prio != y->prio)
        return x->prio < y->prio ? -1 : 1;
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}

/* Calls fn for every non-empty title and alias of e. */
static void each_name(const cat_entry *e, void (*fn)(const char *, size_t, int, void *),
                      void *ctx)
{
    for (int l = 0; l < LANG_COUNT; l++)
        if (e->title[l][0])
            fn(e->title[l], strlen(e->title[l]), l == LANG_EN ? 0 : 1, ctx);
    for (const char *a = e->aliases; *a;) {
        const char *bar = strchr(a, '|');
        size_t n = bar ? (size_t)(bar - a) : strlen(a);
        if (n)
            fn(a, n, 2, ctx);
        a += n + (bar != NULL);
    }
}

struct index_build {
    tkey *keys;
    size_t nkeys;
    size_t bytes;
    char *arena;
    size_t used;
    size_t entry;
};

static void count_name(const char *s, size_t len, int prio, void *ctx)
{
    struct index_build *b = ctx;
    size_t f = catalog_fold(s, len, NULL, 0);
    (void)prio;
    if (f) {
        b->nkeys++;
        b->bytes += f + 1;
    }
}

static void add_name(const char *s, size_t len, int prio, void *ctx)
{
    struct index_build *b = ctx;
    size_t f = catalog_fold(s, len, b->arena + b->used, b->bytes - b->used);
    if (f == 0)
        return;
    b->keys[b->nkeys++] = (tkey){b->arena + b->used, f, b->entry, prio};
    b->used += f + 1;
}

/* A trie node. Node 0 is the root, so 0 also means "none". Each node's
 * children are a sibling list (after the first byte, most nodes have one). */
typedef struct tnode {
    uint32_t child, sibling;
    int32_t key; /* the first key of keys[] (in their order) ending here, or -1 */
    unsigned char byte;
} tnode;

/* The child of node under byte b, 0 when there is none. */
static uint32_t trie_step(const instcite_catalog *cat, uint32_t node, unsigned char b)
{
    if (node == 0)
        return cat->root[b];
    uint32_t c = cat->trie[node].child;
    while (c && cat->trie[c].byte != b)
        c = cat->trie[c].sibling;
    return c;
}

/* Builds cat->trie over cat->keys (sorted, so the first key to end at a
 * node is the one catalog_match_prefix prefers). Returns NULL when out of
 * memory. */
static tnode *build_trie(const tkey *keys, size_t nkeys, uint32_t root[256])
{
    size_t cap = 1;
    for (size_t i = 0; i < nkeys; i++)
        cap += keys[i].len;
    if (cap > INT32_MAX)
        return NULL;
    tnode *t = malloc(cap * sizeof *t);
    if (!t)
        return NULL;
    memset(root, 0, 256 * sizeof *root);
    t[0] = (tnode){0, 0, -1, 0};
    uint32_t n = 1;
    for (size_t i = 0; i < nkeys; i++) {
        uint32_t cur = 0;
        for (size_t d = 0; d < keys[i].len; d++) {
            unsigned char b = (unsigned char)keys[i].k[d];
            uint32_t c = cur ? t[cur].child : root[b];
            while (cur && c && t[c].byte != b)
                c = t[c].sibling;
            if (!c) {
                c = n++;
                t[c] = (tnode){0, cur ? t[cur].child : 0, -1, b};
                if (cur)
                    t[cur].child = c;
                else
                    root[b] = c;
            }
            cur = c;
        }
        if (cur && t[cur].key < 0)
            t[cur].key = (int32_t)i;
    }
    return t;
}

/* Builds the title index of recs[0..n). Returns 0, or -1 when out of memory
 * (nothing allocated then). */
static int build_index(rec *const *recs, size_t n, tkey **keys, size_t *nkeys, char **arena)
{
    struct index_build b = {0};

    for (size_t i = 0; i < n; i++)
        each_name(&recs[i]->e, count_name, &b);
    b.keys = malloc((b.nkeys ? b.nkeys : 1) * sizeof *b.keys);
    b.arena = malloc(b.bytes ? b.bytes : 1);
    if (!b.keys || !b.arena) {
        free(b.keys);
        free(b.arena);
        return -1;
    }
    b.nkeys = 0;
    for (b.entry = 0; b.entry < n; b.entry++)
        each_name(&recs[b.entry]->e, add_name, &b);
    qsort(b.keys, b.nkeys, sizeof *b.keys, cmp_tkey);
    *keys = b.keys;
    *nkeys = b.nkeys;
    *arena = b.arena;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* CSV parsing                                                              */

/* Columns we read, in the order of the fields of a rec's string block. */
enum {
    COL_ID, COL_KIND, COL_TITLE_EN, COL_TITLE_FR, COL_TITLE_ES, COL_TITLE_RU, COL_TITLE_ZH,
    COL_TITLE_AR, COL_ALIASES, COL_DATE, COL_ADOPTED_BY, COL_UNTS_VOLUME, COL_UNTS_NUMBER,
    COL_PARENT, COL_RELATION, COL_CONFIDENCE, COL_COUNT
};

static const char *const col_names[COL_COUNT] = {
    "id", "kind", "title_en", "title_fr", "title_es", "title_ru", "title_zh", "title_ar",
    "aliases", "date", "adopted_by", "unts_volume", "unts_number", "parent", "relation",
    "confidence",
};

typedef struct parse_state {
    const char *name;       /* for messages: the path or "embedded catalog" */
    instcite_error *err;
    instcite_status status; /* first failure; callbacks do nothing after it */

    long line;              /* physical line being fed to libcsv */
    long long line_off;     /* byte offset of that line */
    long long line_end;     /* byte offset just past it */
    long row_line;          /* line where the current record started */
    long long row_off;      /* (a quoted field may span lines) */

    int header_done;
    size_t nheader;         /* fields in the header row */
    int *col_of_field;      /* header field -> COL_*, or -1 (ignored column) */
    size_t cap_cols;

    /* Fields of the current record, each NUL-terminated in buf. */
    char *buf;
    size_t used, cap;
    struct field { size_t off, len; } *fields;
    size_t nfields, cap_fields;

    rec **out;              /* records parsed so far, in input order */
    size_t nout, cap_out;
} parse_state;

static void set_error(instcite_error *err, instcite_status code, long line, long long off,
                      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void set_error(instcite_error *err, instcite_status code, long line, long long off,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, code, off, line, fmt, ap);
    va_end(ap);
}

static void fail_nomem(parse_state *st)
{
    if (st->status == INSTCITE_OK) {
        st->status = INSTCITE_ERR_NOMEM;
        set_error(st->err, INSTCITE_ERR_NOMEM, 0, -1, "%s: out of memory", st->name);
    }
}

/* Returns p grown to hold need elements of size sz (doubling *cap), or NULL
 * when out of memory, in which case p is still valid and unchanged. */
static void *grow(void *p, size_t *cap, size_t need, size_t sz)
{
    if (need <= *cap)
        return p;
    size_t n = *cap ? *cap : 16;
    while (n < need) {
        if (n > SIZE_MAX / 2 / sz)
            return NULL;
        n *= 2;
    }
    void *q = realloc(p, n * sz);
    if (q)
        *cap = n;
    return q;
}

static void on_field(void *s, size_t len, void *data)
{
    parse_state *st = data;
    if (st->status != INSTCITE_OK)
        return;
    char *buf = grow(st->buf, &st->cap, st->used + len + 1, 1);
    if (buf)
        st->buf = buf;
    struct field *fields = grow(st->fields, &st->cap_fields, st->nfields + 1, sizeof *fields);
    if (fields)
        st->fields = fields;
    if (!buf || !fields) {
        fail_nomem(st);
        return;
    }
    if (len)
        memcpy(st->buf + st->used, s, len);
    st->buf[st->used + len] = '\0';
    st->fields[st->nfields++] = (struct field){st->used, len};
    st->used += len + 1;
}

static void parse_header(parse_state *st)
{
    int seen[COL_COUNT] = {0};

    int *cols = grow(st->col_of_field, &st->cap_cols, st->nfields + 1, sizeof *cols);
    if (!cols) {
        fail_nomem(st);
        return;
    }
    st->col_of_field = cols;
    for (size_t f = 0; f < st->nfields; f++) {
        const char *name = st->buf + st->fields[f].off;
        if (f == 0 && strncmp(name, "\xEF\xBB\xBF", 3) == 0)
            name += 3; /* a BOM written by a spreadsheet */
        st->col_of_field[f] = -1;
        for (int c = 0; c < COL_COUNT; c++) {
            if (strcmp(name, col_names[c]) != 0)
                continue;
            if (seen[c]) {
                st->status = INSTCITE_ERR_PARSE;
                set_error(st->err, INSTCITE_ERR_PARSE, st->row_line, st->row_off,
                          "%s:%ld: duplicate column \"%s\"", st->name, st->row_line, name);
                return;
            }
            seen[c] = 1;
            st->col_of_field[f] = c;
        }
    }
    static const int required[] = {COL_ID, COL_TITLE_EN};
    for (size_t r = 0; r < sizeof required / sizeof required[0]; r++) {
        if (!seen[required[r]]) {
            st->status = INSTCITE_ERR_PARSE;
            set_error(st->err, INSTCITE_ERR_PARSE, st->row_line, st->row_off,
                      "%s:%ld: header lacks the required column \"%s\"", st->name,
                      st->row_line, col_names[required[r]]);
            return;
        }
    }
    st->nheader = st->nfields;
    st->header_done = 1;
}

static void row_error(parse_state *st, const char *what, const char *value)
{
    st->status = INSTCITE_ERR_PARSE;
    set_error(st->err, INSTCITE_ERR_PARSE, st->row_line, st->row_off, "%s:%ld: %s%s%s%s",
              st->name, st->row_line, what, value ? " \"" : "", value ? value : "",
              value ? "\"" : "");
}

static void parse_record(parse_state *st)
{
    const char *cell[COL_COUNT];
    size_t clen[COL_COUNT];

    if (st->nfields != st->nheader) {
        char msg[64];
        snprintf(msg, sizeof msg, "%zu fields where the header has %zu", st->nfields,
                 st->nheader);
        row_error(st, msg, NULL);
        return;
    }
    for (int c = 0; c < COL_COUNT; c++)
        cell[c] = "", clen[c] = 0;
    for (size_t f = 0; f < st->nfields; f++) {
        int c = st->col_of_field[f];
        if (c >= 0)
            cell[c] = st->buf + st->fields[f].off, clen[c] = st->fields[f].len;
    }
    if (!clen[COL_ID]) {
        row_error(st, "empty id", NULL);
        return;
    }
    if (!clen[COL_TITLE_EN]) {
        row_error(st, "empty title_en for id", cell[COL_ID]);
        return;
    }
    /* No kind column (or an empty cell) means "an instrument, kind unknown";
     * anything else must name one of the instrument kinds. */
    instcite_kind kind = INSTCITE_KIND_OTHER_INSTRUMENT;
    if (clen[COL_KIND]) {
        kind = instcite_kind_from_name(cell[COL_KIND]);
        if (kind < INSTCITE_KIND_CONVENTION || kind > INSTCITE_KIND_OTHER_INSTRUMENT) {
            row_error(st, "unknown kind", cell[COL_KIND]);
            return;
        }
    }

    size_t total = 0;
    for (int c = 0; c < COL_COUNT; c++)
        if (c != COL_KIND)
            total += clen[c] + 1;
    rec **out = grow(st->out, &st->cap_out, st->nout + 1, sizeof *out);
    if (out)
        st->out = out;
    rec *r = out ? malloc(sizeof *r + total) : NULL;
    if (!r) {
        fail_nomem(st);
        return;
    }
    const char *str[COL_COUNT];
    char *p = r->data;
    for (int c = 0; c < COL_COUNT; c++) {
        if (c == COL_KIND)
            continue;
        memcpy(p, cell[c], clen[c]);
        p[clen[c]] = '\0';
        str[c] = p;
        p += clen[c] + 1;
    }
    r->e = (cat_entry){
        .id = str[COL_ID],
        .kind = kind,
        .title = {str[COL_TITLE_EN], str[COL_TITLE_FR], str[COL_TITLE_ES], str[COL_TITLE_RU],
                  str[COL_TITLE_ZH], str[COL_TITLE_AR]},
        .aliases = str[COL_ALIASES],
        .date = str[COL_DATE],
        .adopted_by = str[COL_ADOPTED_BY],
        .unts_volume = str[COL_UNTS_VOLUME],
        .unts_number = str[COL_UNTS_NUMBER],
        .parent = str[COL_PARENT],
        .relation = str[COL_RELATION],
        .confidence = str[COL_CONFIDENCE],
    };
    st->out[st->nout++] = r;
}

static void on_row(int term, void *data)
{
    parse_state *st = data;
    (void)term;
    if (st->status == INSTCITE_OK) {
        if (!st->header_done)
            parse_header(st);
        else
            parse_record(st);
    }
    st->nfields = 0;
    st->used = 0;
    /* libcsv ends a record on its line terminator, so the next record
     * starts on the next line. */
    st->row_line = st->line + 1;
    st->row_off = st->line_end;
}

static void parse_state_destroy(parse_state *st)
{
    for (size_t i = 0; i < st->nout; i++)
        free(st->out[i]);
    free(st->out);
    free(st->buf);
    free(st->fields);
    free(st->col_of_field);
}

static void csv_failure(parse_state *st, struct csv_parser *p, long long off)
{
    int e = csv_error(p);
    instcite_status code = e == CSV_ENOMEM ? INSTCITE_ERR_NOMEM : INSTCITE_ERR_PARSE;
    st->status = code;
    set_error(st->err, code, st->line, off, "%s:%ld: %s", st->name, st->line,
              csv_strerror(e));
}

/* Parses len bytes of CSV into st->out. The input goes to libcsv one
 * physical line at a time so that every callback, and every error, knows
 * its line and the byte offset where that line starts. */
static instcite_status parse_csv(parse_state *st, const char *data, size_t len)
{
    struct csv_parser p;

    if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0) {
        fail_nomem(st);
        return st->status;
    }
    size_t pos = 0;
    st->line = st->row_line = 1;
    st->row_off = 0;
    while (pos < len && st->status == INSTCITE_OK) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (data + pos)) + 1 : len - pos;
        st->line_off = (long long)pos;
        st->line_end = (long long)(pos + n);
        size_t done = csv_parse(&p, data + pos, n, on_field, on_row, st);
        if (done < n && st->status == INSTCITE_OK)
            csv_failure(st, &p, (long long)(pos + done));
        pos += n;
        if (nl)
            st->line++;
    }
    if (st->status == INSTCITE_OK) {
        /* Past the last byte; with CSV_STRICT_FINI the one error left is a
         * quoted field never closed, reported where its record started. */
        if (len > 0 && data[len - 1] == '\n')
            st->line--;
        st->line_off = st->line_end = (long long)len;
        if (csv_fini(&p, on_field, on_row, st) != 0 && st->status == INSTCITE_OK) {
            int e = csv_error(&p);
            st->status = e == CSV_ENOMEM ? INSTCITE_ERR_NOMEM : INSTCITE_ERR_PARSE;
            set_error(st->err, st->status, st->row_line, st->row_off,
                      "%s:%ld: %s: unterminated quoted field", st->name, st->row_line,
                      csv_strerror(e));
        }
    }
    csv_free(&p);
    if (st->status == INSTCITE_OK && !st->header_done) {
        st->status = INSTCITE_ERR_PARSE;
        set_error(st->err, INSTCITE_ERR_PARSE, 1, 0, "%s:1: missing header row", st->name);
    }
    return st->status;
}

/* A parsed record and its position in the file, to sort by (id, position). */
typedef struct ordered {
    rec *r;
    size_t pos;
} ordered;

static int cmp_ordered(const void *a, const void *b)
{
    const ordered *x = a, *y = b;
    int c = strcmp(x->r->e.id, y->r->e.id);
    if (c)
        return c;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Merges parsed records into cat: a record replaces the catalog's row with
 * the same id, and within one file the last row of an id wins. On failure
 * cat is untouched and the records stay owned by st. */
static instcite_status merge(instcite_catalog *cat, parse_state *st)
{
    size_t total = cat->n + st->nout;
    ordered *ord = malloc((st->nout ? st->nout : 1) * sizeof *ord);
    rec **all = malloc((total ? total : 1) * sizeof *all);
    rec **dead = malloc((total ? total : 1) * sizeof *dead); /* freed on success */
    if (!ord || !all || !dead)
        goto nomem;

    /* New rows sorted by id, the last of each id kept. */
    for (size_t i = 0; i < st->nout; i++)
        ord[i] = (ordered){st->out[i], i};
    qsort(ord, st->nout, sizeof *ord, cmp_ordered);
    size_t nnew = 0, ndead = 0;
    for (size_t i = 0; i < st->nout; i++) {
        if (i + 1 < st->nout && strcmp(ord[i].r->e.id, ord[i + 1].r->e.id) == 0)
            dead[ndead++] = ord[i].r;
        else
            ord[nnew++] = ord[i];
    }

    /* Merge two sorted runs; on equal ids the new row wins. */
    size_t i = 0, j = 0, k = 0;
    while (i < cat->n || j < nnew) {
        int c = i == cat->n ? 1 : j == nnew ? -1 : strcmp(cat->recs[i]->e.id, ord[j].r->e.id);
        if (c < 0) {
            all[k++] = cat->recs[i++];
        } else {
            if (c == 0)
                dead[ndead++] = cat->recs[i++];
            all[k++] = ord[j++].r;
        }
    }

    tkey *keys;
    size_t nkeys;
    char *arena;
    if (build_index(all, k, &keys, &nkeys, &arena) != 0)
        goto nomem;
    uint32_t root[256];
    tnode *trie = build_trie(keys, nkeys, root);
    if (!trie) {
        free(keys);
        free(arena);
        goto nomem;
    }

    /* Committed; nothing fails from here. Every parsed record is now either
     * in all[] or in dead[], so st no longer owns any. */
    for (size_t d = 0; d < ndead; d++)
        free(dead[d]);
    st->nout = 0;
    free(cat->recs);
    free(cat->keys);
    free(cat->arena);
    free(cat->trie);
    cat->recs = all;
    cat->n = k;
    cat->keys = keys;
    cat->nkeys = nkeys;
    cat->arena = arena;
    cat->trie = trie;
    memcpy(cat->root, root, sizeof root);
    free(ord);
    free(dead);
    return INSTCITE_OK;

nomem:
    free(ord);
    free(all);
    free(dead);
    fail_nomem(st);
    return st->status;
}

static instcite_status load_buffer(instcite_catalog *cat, const char *name, const char *data,
                                   size_t len, instcite_error *err)
{
    parse_state st = {.name = name, .err = err, .status = INSTCITE_OK};

    if (parse_csv(&st, data, len) == INSTCITE_OK)
        merge(cat, &st);
    instcite_status s = st.status;
    parse_state_destroy(&st);
    return s;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

instcite_catalog *instcite_catalog_new(instcite_error *err)
{
    instcite_catalog *cat = calloc(1, sizeof *cat);
    if (!cat) {
        set_error(err, INSTCITE_ERR_NOMEM, 0, -1, "out of memory");
        return NULL;
    }
    if (load_buffer(cat, "embedded catalog", instcite_catalog_csv, instcite_catalog_csv_len,
                    err) != INSTCITE_OK) {
        instcite_catalog_free(cat);
        return NULL;
    }
    return cat;
}

instcite_status instcite_catalog_load(instcite_catalog *cat, const char *path,
                                      instcite_error *err)
{
    if (!cat || !path) {
        set_error(err, INSTCITE_ERR_INVALID, 0, -1, "catalog and path are required");
        return INSTCITE_ERR_INVALID;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_error(err, INSTCITE_ERR_IO, 0, -1, "%s: %s", path, strerror(errno));
        return INSTCITE_ERR_IO;
    }
    char *data = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        char *more = grow(data, &cap, len + 65536, 1);
        if (!more) {
            free(data);
            fclose(f);
            set_error(err, INSTCITE_ERR_NOMEM, 0, -1, "%s: out of memory", path);
            return INSTCITE_ERR_NOMEM;
        }
        data = more;
        size_t got = fread(data + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno;
        free(data);
        fclose(f);
        set_error(err, INSTCITE_ERR_IO, 0, -1, "%s: %s", path, strerror(e));
        return INSTCITE_ERR_IO;
    }
    fclose(f);
    instcite_status s = load_buffer(cat, path, data, len, err);
    free(data);
    return s;
}

size_t instcite_catalog_size(const instcite_catalog *cat)
{
    return cat ? cat->n : 0;
}

void instcite_catalog_free(instcite_catalog *cat)
{
    if (!cat)
        return;
    for (size_t i = 0; i < cat->n; i++)
        free(cat->recs[i]);
    free(cat->recs);
    free(cat->keys);
    free(cat->arena);
    free(cat->trie);
    free(cat);
}

/* ------------------------------------------------------------------------ */
/* Lookups                                                                  */

size_t catalog_count(const instcite_catalog *cat)
{
    return cat ? cat->n : 0;
}

const cat_entry *catalog_entry(const instcite_catalog *cat, size_t i)
{
    return cat && i < cat->n ? &cat->recs[i]->e : NULL;
}

const cat_entry *catalog_find_id(const instcite_catalog *cat, const char *id)
{
    if (!cat || !id)
        return NULL;
    size_t lo = 0, hi = cat->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(cat->recs[mid]->e.id, id);
        if (c == 0)
            return &cat->recs[mid]->e;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* First key in [lo, hi) not less than (k, len) bytewise. */
static size_t lower_bound(const tkey *keys, size_t lo, size_t hi, const char *k, size_t len)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_bytes(keys[mid].k, keys[mid].len, k, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const cat_entry *catalog_find_title(const instcite_catalog *cat, const char *title, size_t len)
{
    if (!cat || !title || cat->nkeys == 0)
        return NULL;
    char small[512];
    char *buf = small;
    size_t f = catalog_fold(title, len, small, sizeof small);
    if (f == 0)
        return NULL;
    if (f >= sizeof small) {
        buf = malloc(f + 1);
        if (!buf)
            return NULL;
        catalog_fold(title, len, buf, f + 1);
    }
    /* Equal keys are ordered English title first, then other titles, then
     * aliases, so a name that is one instrument's title and another's
     * alias resolves to the title. */
    size_t i = lower_bound(cat->keys, 0, cat->nkeys, buf, f);
    const cat_entry *e = NULL;
    if (i < cat->nkeys && cmp_bytes(cat->keys[i].k, cat->keys[i].len, buf, f) == 0)
        e = &cat->recs[cat->keys[i].entry]->e;
    if (buf != small)
        free(buf);
    return e;
}

/* A title ending in a year (four ASCII digits, s[i-4..i)) followed by one to
 * three more digits and then no digit: "Drugs, 19611," is the year with a
 * footnote marker glued on, as text layers print superscripts. */
static int year_then_marker(const unsigned char *s, size_t i, size_t len)
{
    if (i < 4 || (i > 4 && s[i - 5] >= '0' && s[i - 5] <= '9'))
        return 0;
    for (size_t k = 1; k <= 4; k++)
        if (s[i - k] < '0' || s[i - k] > '9')
            return 0;
    size_t j = i;
    while (j < len && j - i < 4 && s[j] >= '0' && s[j] <= '9')
        j++;
    return j > i && j - i <= 3 && (j == len || s[j] < '0' || s[j] > '9');
}

/* Punctuation does not count in a key, so a match of "International Health
 * Regulations (2005)" ends after "2005": the bracket left open in s[0..end)
 * belongs to the title. Returns the length of the ")" or "）" at s[end] that
 * closes it, else 0. */
static size_t close_paren(const unsigned char *s, size_t end, size_t len)
{
    int open = 0;
    for (size_t i = 0; i < end; i++) {
        if (s[i] == '(' || (s[i] == 0xEF && i + 2 < end && s[i + 1] == 0xBC && s[i + 2] == 0x88))
            open++;
        else if ((s[i] == ')' || (s[i] == 0xEF && i + 2 < end && s[i + 1] == 0xBC && s[i + 2] == 0x89)) && open)
            open--;
    }
    if (open <= 0 || end >= len)
        return 0;
    if (s[end] == ')')
        return 1;
    if (end + 2 < len && s[end] == 0xEF && s[end + 1] == 0xBC && s[end + 2] == 0x89)
        return 3;
    return 0;
}

const cat_entry *catalog_match_prefix(const instcite_catalog *cat, const char *text, size_t len,
                                      size_t *matched)
{
    if (matched)
        *matched = 0;
    if (!cat || !text || cat->nkeys == 0)
        return NULL;

    const unsigned char *s = (const unsigned char *)text;
    uint32_t node = 0;
    const cat_entry *best = NULL;
    size_t best_end = 0;

    for (size_t i = 0; i < len;) {
        unsigned char buf[4];
        size_t adv;
        uint32_t cp;
        size_t n = fold_next(s + i, len - i, &adv, &cp, buf);
        if (n == 0) {
            /* A match starts on a character that counts, so that the span
             * [text, text + matched) is the title and nothing before it. */
            if (i == 0)
                break;
            i += adv;
            continue;
        }
        i += adv;
        for (size_t k = 0; k < n && (node = trie_step(cat, node, buf[k])) != 0; k++)
            ;
        if (node == 0)
            break; /* no key goes on this way */
        if (cat->trie[node].key < 0)
            continue;
        /* A whole key ends here; accept it if text has a word boundary. */
        int last = char_class(cp);
        int ok = 1;
        if (last == CLS_LETTER || last == CLS_DIGIT) {
            if (i < len) {
                size_t nadv;
                uint32_t next = decode(s + i, len - i, &nadv);
                ok = char_class(next) != last ||
                     (last == CLS_DIGIT && year_then_marker(s, i, len));
            }
        }
        if (ok) {
            best = &cat->recs[cat->keys[cat->trie[node].key].entry]->e;
            best_end = i;
        }
    }
    if (best && matched)
        *matched = best_end + close_paren(s, best_end, len);
    return best;
}

/* Reads decimal digits; *end is left at the first non-digit. */
static unsigned long long parse_num(const char *s, const char **end)
{
    unsigned long long v = 0;
    while (*s >= '0' && *s <= '9') {
        if (v > (ULLONG_MAX - 9) / 10)
            break;
        v = v * 10 + (unsigned long long)(*s++ - '0');
    }
    *end = s;
    return v;
}

/* Compares a wanted decimal string with a catalog cell as numbers (leading
 * zeros ignored); the cell may be a range "970-973", which matches any
 * number inside it. Returns 2 for an exact match, 1 for a match inside a
 * range, 0 otherwise. */
static int num_match(const char *want, const char *have)
{
    const char *we, *he;
    if (!*want || !*have)
        return 0;
    unsigned long long w = parse_num(want, &we);
    unsigned long long a = parse_num(have, &he);
    if (*we || he == have)
        return 0;
    if (*he == '\0')
        return w == a ? 2 : 0;
    if (*he == '-') {
        const char *he2;
        unsigned long long b = parse_num(he + 1, &he2);
        if (*he2 == '\0' && he2 != he + 1 && a <= w && w <= b)
            return 1;
    }
    return 0;
}

/* Best entry by registration number (and volume, when given): exact number
 * before a range, an instrument without parent before a protocol, then id
 * order. */
static const cat_entry *find_unts(const instcite_catalog *cat, const char *volume,
                                  const char *number)
{
    if (!cat || !number)
        return NULL;
    const cat_entry *best = NULL;
    int best_score = 0;
    for (size_t i = 0; i < cat->n; i++) {
        const cat_entry *e = &cat->recs[i]->e;
        int m = num_match(number, e->unts_number);
        if (!m)
            continue;
        if (volume && num_match(volume, e->unts_volume) != 2)
            continue;
        int score = m * 2 + (e->parent[0] == '\0');
        if (score > best_score) {
            best = e;
            best_score = score;
        }
    }
    return best;
}

const cat_entry *catalog_find_unts(const instcite_catalog *cat, const char *volume,
                                   const char *number)
{
    if (!volume)
        return NULL;
    return find_unts(cat, volume, number);
}

const cat_entry *catalog_find_unts_number(const instcite_catalog *cat, const char *number)
{
    return find_unts(cat, NULL, number);
}
