/*
 * Extraction: normalised, segmented text -> mentions with identities.
 *
 * Order of work for one document:
 *   1. text_init: validate + normalise, keeping the offset map;
 *   2. layout_init: header facts, PP/OP paragraphs, footnotes;
 *   3. footnotes first (publication, Treaty Series volume/number, "ibid."
 *      chains), because body mentions take their attributes from them;
 *   4. every paragraph: bracketed instrument titles, resolution numbers
 *      (body carried across an enumeration), document symbols;
 *   5. link mentions to footnotes, lint printed facts against the catalog,
 *      sort mentions by input offset.
 * Everything language-specific comes from the lang_table.
 */
#include "catalog/catalog.h"
#include "extract/doc.h"
#include "extract/resnum.h"
#include "extract/symbol.h"
#include "input/input.h"
#include "lang/lang.h"
#include "layout/layout.h"
#include "text/text.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PUB_NONE, PUB_TREATY_SERIES, PUB_RECORDS };

/* What one footnote says, for the mentions that point to it. */
typedef struct footnote {
    int n;
    int pub;              /* publication, after resolving "ibid." */
    char volume[16], number[16];
    size_t unts_start, unts_end; /* input offsets of "第2237卷，第39674号" */
    size_t first_mention; /* mentions found inside the footnote: [first, last) */
    size_t last_mention;
    bool warned;
} footnote;

typedef struct ctx {
    const instcite_catalog *cat;
    const lang_table *L;
    const text *t;
    /* The text being scanned: one paragraph's normalised bytes and their map
     * to input offsets (layout may join lines, so paragraphs own copies). */
    const char *s;
    const text_off *map;
    size_t len;
    layout lo;
    instcite_doc *doc;
    const body_info *own; /* adopting body of the document itself */
    footnote *fns;
    size_t n_fns;
    /* Relations already recorded, as a hash set of indexes + 1 into
     * doc->relations (0 = empty slot): de-duplication in constant time. */
    size_t *rel_slots;
    size_t rel_cap;
    lang_name_index kind_words, short_names; /* of L, looked up at every word */
    bool oom;
} ctx;

static void set_err(instcite_error *err, instcite_status code, long long offset, const char *msg)
{
    if (!err)
        return;
    err->code = code;
    err->offset = offset;
    err->line = 0;
    snprintf(err->message, sizeof err->message, "%s", msg);
}

/* ---- small helpers over the normalised text ------------------------------ */

static const char *S(const ctx *c, size_t at)
{
    return c->s + at;
}

/* The length of the character at `at`, from its lead byte: the normalised
 * text is valid UTF-8 (text.h), so no decoding is needed; a byte that cannot
 * lead a sequence counts as one, as utf8_decode's failure did. */
static size_t char_len(const ctx *c, size_t at)
{
    unsigned char b = (unsigned char)c->s[at];
    size_t n = b < 0xC2 ? 1 : b <= 0xDF ? 2 : b <= 0xEF ? 3 : b <= 0xF4 ? 4 : 1;
    return n <= c->len - at ? n : 1;
}

/* The next place in [i + 1, e) where the string w may start: its first byte
 * leads a character (w is UTF-8), so memchr skips only characters that
 * cannot begin it. e when there is none. */
static size_t skip_to(const ctx *c, size_t i, size_t e, const char *w)
{
    if (i + 1 >= e)
        return e;
    const char *q = memchr(c->s + i + 1, w[0], e - i - 1);
    return q ? (size_t)(q - c->s) : e;
}

static const char *dup_span(ctx *c, size_t s, size_t e)
{
    if (e < s) /* a caller's bug must not become an overflow */
        e = s;
    const char *r = doc_strndup(c->doc, c->s + s, e - s);
    if (!r)
        c->oom = true;
    return r;
}

static const char *dup_str(ctx *c, const char *s)
{
    if (!s)
        return NULL;
    const char *r = doc_strdup(c->doc, s);
    if (!r)
        c->oom = true;
    return r;
}

/* Skips spaces and the punctuation that may stand between a mention and its
 * footnote marker ("决议，⁶", "Child,4"); returns the marker's number or 0. */
static int marker_after(const ctx *c, size_t at, size_t end, size_t *marker_end)
{
    while (at < end) {
        size_t k;
        if (c->s[at] == ' ' || c->s[at] == ',' || c->s[at] == ';')
            at++;
        else if ((k = lang_match(S(c, at), end - at, "，")) || (k = lang_match(S(c, at), end - at, "、")) ||
                 (k = lang_match(S(c, at), end - at, "；")))
            at += k;
        else
            break;
    }
    if (at < end && c->s[at] == FN_OPEN) {
        unsigned long v;
        size_t k = lang_digits(S(c, at + 1), end - at - 1, 4, &v);
        if (k && at + 1 + k < end && c->s[at + 1 + k] == FN_CLOSE) {
            if (marker_end)
                *marker_end = at + k + 2;
            return (int)v;
        }
    }
    return 0;
}

/* Appends a mention for normalised span [s, e) of paragraph p. */
static instcite_mention *new_mention(ctx *c, const para *p, instcite_kind kind, size_t s, size_t e,
                                     const char *key)
{
    instcite_mention *m = doc_add_mention(c->doc);
    if (!m) {
        c->oom = true;
        return NULL;
    }
    m->kind = kind;
    m->where = dup_str(c, p->where);
    m->key = dup_str(c, key);
    m->start = c->map[s];
    m->end = text_input_end(c->t->in, c->map, e);
    m->text = doc_strndup(c->doc, (const char *)c->t->in + m->start, m->end - m->start);
    if (!m->text)
        c->oom = true;
    m->confidence = 0.9;
    return m;
}

/* The input spans of the mentions a paragraph already has, merged and
 * sorted, read with a cursor by a scanner whose position only grows: a
 * position is tested in constant amortised time (a scan over every mention
 * for every position would be quadratic in a paragraph of many symbols).
 * Mentions a scanner adds itself lie behind its position. */
typedef struct cover {
    size_t (*span)[2];
    size_t n, at;
} cover;

static int by_span_start(const void *a, const void *b)
{
    const size_t *x = a, *y = b;
    return x[0] < y[0] ? -1 : x[0] > y[0];
}

static void cover_init(ctx *c, cover *cv, size_t from)
{
    memset(cv, 0, sizeof *cv);
    size_t n = c->doc->n_mentions - from;
    if (!n)
        return;
    cv->span = malloc(n * sizeof *cv->span);
    if (!cv->span) {
        c->oom = true;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        cv->span[i][0] = c->doc->mentions[from + i].start;
        cv->span[i][1] = c->doc->mentions[from + i].end;
    }
    if (n > 1)
        qsort(cv->span, n, sizeof *cv->span, by_span_start);
    size_t k = 0; /* merge overlapping spans */
    for (size_t i = 1; i < n; i++) {
        if (cv->span[i][0] <= cv->span[k][1]) {
            if (cv->span[i][1] > cv->span[k][1])
                cv->span[k][1] = cv->span[i][1];
        } else {
            k++;
            cv->span[k][0] = cv->span[i][0];
            cv->span[k][1] = cv->span[i][1];
        }
    }
    cv->n = k + 1;
}

/* Is input offset pos inside one of the spans? pos must not decrease
 * between calls. */
static bool covered(cover *cv, size_t pos)
{
    while (cv->at < cv->n && cv->span[cv->at][1] <= pos)
        cv->at++;
    return cv->at < cv->n && cv->span[cv->at][0] <= pos;
}

static size_t rel_hash(const char *from, const char *type, const char *to)
{
    size_t h = 14695981039346656037u; /* FNV-1a over the three strings and their ends */
    for (const char *const *p = (const char *const[]){from, type, to, NULL}; *p; p++) {
        for (const unsigned char *q = (const unsigned char *)*p; *q; q++)
            h = (h ^ *q) * 1099511628211u;
        h = (h ^ 0xff) * 1099511628211u;
    }
    return h;
}

static bool same_relation(const instcite_relation *r, const char *from, const char *type, const char *to)
{
    return strcmp(r->from, from) == 0 && strcmp(r->type, type) == 0 && strcmp(r->to, to) == 0;
}

/* Makes room so that the table stays at most half full. */
static bool rel_grow(ctx *c)
{
    if (2 * (c->doc->n_relations + 1) <= c->rel_cap)
        return true;
    size_t cap = c->rel_cap ? 2 * c->rel_cap : 64;
    size_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < c->doc->n_relations; i++) {
        const instcite_relation *r = &c->doc->relations[i];
        size_t h = rel_hash(r->from, r->type, r->to) & (cap - 1);
        while (slots[h])
            h = (h + 1) & (cap - 1);
        slots[h] = i + 1;
    }
    free(c->rel_slots);
    c->rel_slots = slots;
    c->rel_cap = cap;
    return true;
}

static void add_relation(ctx *c, const char *from, const char *type, const char *to, const char *where)
{
    if (!from || !to || strcmp(from, to) == 0)
        return;
    if (!rel_grow(c)) {
        c->oom = true;
        return;
    }
    size_t h = rel_hash(from, type, to) & (c->rel_cap - 1);
    for (; c->rel_slots[h]; h = (h + 1) & (c->rel_cap - 1))
        if (same_relation(&c->doc->relations[c->rel_slots[h] - 1], from, type, to))
            return;
    instcite_relation *r = doc_add_relation(c->doc);
    if (!r) {
        c->oom = true;
        return;
    }
    r->from = dup_str(c, from);
    r->type = dup_str(c, type);
    r->to = dup_str(c, to);
    r->where = dup_str(c, where);
    if (r->from && r->type && r->to)
        c->rel_slots[h] = c->doc->n_relations;
}

/* s and e are input offsets. */
static void add_warning(ctx *c, const char *code, const char *where, size_t s, size_t e,
                        const char *message)
{
    instcite_warning *w = doc_add_warning(c->doc);
    if (!w) {
        c->oom = true;
        return;
    }
    w->code = dup_str(c, code);
    w->where = dup_str(c, where);
    w->start = s;
    w->end = e;
    w->message = dup_str(c, message);
}

/* Fills identity fields from a catalog entry. */
static void from_catalog(ctx *c, instcite_mention *m, const cat_entry *e)
{
    m->key = dup_str(c, e->title[LANG_EN]);
    m->title_en = m->key;
    m->catalog_id = dup_str(c, e->id);
    if (e->kind != INSTCITE_KIND_UNKNOWN)
        m->kind = e->kind;
}

/* The catalog relation of an instrument (protocol -> parent), if any. */
static void catalog_relation(ctx *c, const cat_entry *e, const char *where)
{
    if (!e->parent[0] || !e->relation[0])
        return;
    const cat_entry *parent = catalog_find_id(c->cat, e->parent);
    if (parent)
        add_relation(c, e->title[LANG_EN], e->relation, parent->title[LANG_EN], where);
}

/* ---- footnotes ----------------------------------------------------------- */

static footnote *find_footnote(ctx *c, int n)
{
    for (size_t i = 0; i < c->n_fns; i++)
        if (c->fns[i].n == n)
            return &c->fns[i];
    return NULL;
}

/* Finds the closing bracket matching the opening one at open (nesting
 * allowed); returns its offset or end when unbalanced. */
static size_t bracket_close(const ctx *c, size_t open, size_t end)
{
    const char *o = c->L->title_brackets[0], *cl = c->L->title_brackets[1];
    size_t ol = strlen(o), cll = strlen(cl);
    int depth = 0;
    for (size_t i = open; i < end;) {
        if (lang_match(S(c, i), end - i, o)) {
            depth++;
            i += ol;
        } else if (lang_match(S(c, i), end - i, cl)) {
            if (--depth == 0)
                return i;
            i += cll;
        } else {
            i += char_len(c, i);
        }
    }
    return end;
}

/* The first year (1900-2099, four digits standing alone) in [s, e), or "". */
static void year_in(const ctx *c, size_t s, size_t e, char out[11])
{
    out[0] = '\0';
    for (size_t i = s; i + 4 <= e; i++) {
        unsigned long y;
        if ((i == s || c->s[i - 1] < '0' || c->s[i - 1] > '9') &&
            lang_digits(S(c, i), e - i, 4, &y) == 4 && y >= 1900 && y < 2100) {
            snprintf(out, 11, "%lu", y);
            return;
        }
    }
}

/* Matches an optional word: absent (NULL) matches with length 0. */
static bool opt_match(const char *s, size_t n, const char *w, size_t *k)
{
    *k = w ? lang_match(s, n, w) : 0;
    return !w || *k > 0;
}

/* "第2225卷，第39574号", "vol. 2225, No. 39574" anywhere in [s, e): volume
 * and registration number. */
static bool parse_unts(const ctx *c, size_t s, size_t e, footnote *f)
{
    const lang_table *L = c->L;
    for (size_t i = s; i < e; i += char_len(c, i)) {
        size_t k = lang_match_any(S(c, i), e - i, L->volume_open);
        unsigned long vol, no;
        size_t d, j;
        if (!k || !(d = lang_digits(S(c, i + k), e - i - k, 6, &vol)))
            continue;
        j = i + k + d;
        if (!opt_match(S(c, j), e - j, L->volume_close, &k))
            continue;
        j += k;
        while (j < e && (c->s[j] == ' ' || c->s[j] == ','))
            j++;
        if ((k = lang_match(S(c, j), e - j, "，")))
            j += k;
        if (!(k = lang_match_any(S(c, j), e - j, L->regno_open)) ||
            !(d = lang_digits(S(c, j + k), e - j - k, 7, &no)))
            continue;
        j += k + d;
        if (!opt_match(S(c, j), e - j, L->regno_close, &k))
            continue;
        snprintf(f->volume, sizeof f->volume, "%lu", vol);
        snprintf(f->number, sizeof f->number, "%lu", no);
        f->unts_start = c->map[i];
        f->unts_end = text_input_end(c->t->in, c->map, j + k);
        return true;
    }
    return false;
}

/* Offset of the first of words in [s, e), or e. */
static size_t find_any(const ctx *c, size_t s, size_t e, const char *const *words)
{
    for (size_t i = s; i < e; i += char_len(c, i))
        if (lang_match_any(S(c, i), e - i, words))
            return i;
    return e;
}

/* One footnote: its publication (resolving "ibid." to the previous
 * footnote's), Treaty Series reference, Official Records mention. The
 * publication is the first bracketed title where titles are bracketed
 * (zh 《条约汇编》), else the series words anywhere in the footnote. */
static void read_footnote(ctx *c, const para *p, int prev_pub)
{
    const lang_table *L = c->L;
    footnote *f = &c->fns[c->n_fns++];
    memset(f, 0, sizeof *f);
    f->n = p->n;
    f->first_mention = f->last_mention = c->doc->n_mentions;
    size_t s = p->body, e = p->len;
    size_t lead = s + lang_match_any(S(c, s), e - s, L->see);
    bool ibid = lang_match_any(S(c, lead), e - lead, L->ibid) > 0;
    f->pub = ibid ? prev_pub : PUB_NONE;
    size_t pub_s = s, pub_e = e; /* where the publication's title is */
    if (L->title_brackets[0]) {
        size_t open_at = e;
        for (size_t i = s; i < e; i += char_len(c, i))
            if (lang_match(S(c, i), e - i, L->title_brackets[0])) {
                open_at = i;
                break;
            }
        size_t close_at = open_at < e ? bracket_close(c, open_at, e) : e;
        if (close_at >= e)
            open_at = close_at = e;
        pub_s = open_at;
        pub_e = close_at;
        size_t ts = open_at + (open_at < e ? strlen(L->title_brackets[0]) : 0);
        if (open_at < e && lang_match_any(S(c, ts), close_at - ts, L->treaty_series) == close_at - ts)
            f->pub = PUB_TREATY_SERIES;
    } else if (find_any(c, s, e, L->treaty_series) < e) {
        f->pub = PUB_TREATY_SERIES;
    }
    if (pub_s < pub_e && find_any(c, pub_s, pub_e, L->records_words) < pub_e)
        f->pub = PUB_RECORDS;
    if (f->pub == PUB_TREATY_SERIES)
        parse_unts(c, s, e, f);
    if (f->pub != PUB_RECORDS)
        return;
    /* "Official Records of ..., 2007, Supplement No. 10 (E/2007/30/Rev.1)",
     * 《…正式记录，2007年，补编第10号》(E/2007/30/Rev.1): the symbol in the
     * parentheses after the title identifies the records. */
    size_t from = L->title_brackets[0] && pub_e < e ? pub_e + strlen(L->title_brackets[1]) : s;
    for (size_t j = from; j < e; j++) {
        size_t sl;
        if (c->s[j] != '(' || !(sl = symbol_scan(S(c, j + 1), e - j - 1, '(')))
            continue;
        size_t sym_end = j + 1 + sl;
        size_t close = sym_end < e && c->s[sym_end] == ')' ? sym_end + 1 : sym_end;
        const char *sym = dup_span(c, j + 1, sym_end);
        /* From the bracketed title when there is one (zh), else from the
         * footnote's start ("See Official Records ...", "Ibid., 2018 ..."). */
        bool bracketed = L->title_brackets[0] && pub_s < pub_e;
        size_t start = ibid ? lead : bracketed ? pub_s : s;
        instcite_mention *m = new_mention(c, p, INSTCITE_KIND_OFFICIAL_RECORDS, start, close, sym);
        if (m) {
            m->symbol = m->key;
            char year[11];
            year_in(c, start, j, year);
            if (year[0])
                m->date = dup_str(c, year);
            if (bracketed)
                m->title = dup_span(c, pub_s + strlen(L->title_brackets[0]), pub_e);
            m->confidence = 0.95;
        }
        break;
    }
}

/* ---- bracketed instrument titles ----------------------------------------- */

static instcite_kind kind_from_heads(const lang_table *L, const char *title, size_t len)
{
    size_t hl;
    const lang_name *h = lang_suffix_name(title, len, L->instrument_heads, &hl);
    return h ? instcite_kind_from_name(h->value) : INSTCITE_KIND_UNKNOWN;
}

static void scan_titles(ctx *c, const para *p)
{
    const lang_table *L = c->L;
    if (!L->title_brackets[0])
        return;
    size_t ol = strlen(L->title_brackets[0]), cl = strlen(L->title_brackets[1]);
    size_t s = p->body, e = p->len;
    for (size_t i = s; i < e && !c->oom;) {
        if (!lang_match(S(c, i), e - i, L->title_brackets[0])) {
            i = skip_to(c, i, e, L->title_brackets[0]);
            continue;
        }
        size_t close = bracket_close(c, i, e);
        if (close >= e)
            break;
        size_t ts = i + ol, tl = close - ts;
        const cat_entry *ce = catalog_find_title(c->cat, S(c, ts), tl);
        instcite_kind kind = ce ? ce->kind : kind_from_heads(L, S(c, ts), tl);
        size_t next = close + cl;
        if (kind == INSTCITE_KIND_UNKNOWN || p->kind == PARA_FN) {
            /* A publication title, or a footnote's source: not a citation
             * of an instrument by itself. */
            i = next;
            continue;
        }
        const char *printed = dup_span(c, ts, close);
        instcite_mention *m = new_mention(c, p, kind, i, next, printed);
        if (!m)
            return;
        m->title = printed;
        if (ce) {
            from_catalog(c, m, ce);
            catalog_relation(c, ce, p->where);
            m->confidence = 0.97;
        } else {
            /* Not in the catalog: keep the printed title as identity, and
             * relate a protocol to the parent its title names. */
            m->confidence = 0.6;
            size_t matched;
            const cat_entry *parent = catalog_match_prefix(c->cat, S(c, ts), tl, &matched);
            if (parent && kind == INSTCITE_KIND_PROTOCOL && matched < tl) {
                size_t rl;
                const lang_name *rel = lang_suffix_name(S(c, ts), tl, L->protocol_relations, &rl);
                add_relation(c, printed, rel ? rel->value : "protocol_to", parent->title[LANG_EN],
                             p->where);
            }
            char msg[200];
            snprintf(msg, sizeof msg, "instrument not in the catalog: %.*s", (int)(tl < 150 ? tl : 150),
                     S(c, ts));
            add_warning(c, "not-in-catalog", p->where, c->map[i], text_input_end(c->t->in, c->map, next), msg);
        }
        int fn = marker_after(c, next, e, NULL);
        if (fn)
            m->footnote = doc_printf(c->doc, "%d", fn);
        i = next;
    }
}

/* ---- bare instrument titles (no brackets) --------------------------------- */

/* ASCII letters and digits, and every byte of a non-ASCII character, are
 * word bytes: a word starts where the byte before is not one. A table, as
 * the scanners ask this of nearly every byte. */
static const unsigned char word_bytes[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static bool word_byte(char ch)
{
    return word_bytes[(unsigned char)ch];
}

/* From i inside a word (s[i - 1] is a word byte), the next place where a word
 * may start: past the rest of the word and the character after it, which
 * still follows a word byte. Every byte >= 0x80 is a word byte, so the word
 * ends on a character boundary. Scanners that look only at word starts step
 * through the positions skipped here without doing anything. */
static size_t past_word(const ctx *c, size_t i, size_t e)
{
    while (i < e && word_byte(c->s[i]))
        i++;
    return i < e ? i + char_len(c, i) : e;
}

static void scan_bare_titles(ctx *c, const para *p, size_t from)
{
    const lang_table *L = c->L;
    size_t s = p->body, e = p->len;
    cover cv;
    cover_init(c, &cv, from);
    for (size_t i = s; i < e && !c->oom;) {
        if (i > s && word_byte(c->s[i - 1])) {
            i = past_word(c, i, e);
            continue;
        }
        unsigned char ch = (unsigned char)c->s[i];
        if (!word_byte((char)ch) || covered(&cv, c->map[i])) {
            i += char_len(c, i);
            continue;
        }
        size_t matched = 0;
        const cat_entry *ce = NULL;
        /* Titles start with a capital or a year ("2030 Agenda") in Latin
         * script; other scripts are tried at every word. */
        if (ch >= 0x80 || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))
            ce = catalog_match_prefix(c->cat, S(c, i), e - i, &matched);
        if (!ce) {
            size_t sl = 0;
            const lang_name *sn = lang_match_indexed(S(c, i), e - i, &c->short_names, &sl);
            /* A short name ("the Charter") that begins a full title ("the
             * Charter of the United Nations") gives way to the title. */
            for (size_t w = i + 1; sn && w < i + sl; w++) {
                size_t fm;
                if (!word_byte(c->s[w - 1]) && word_byte(c->s[w]) &&
                    catalog_match_prefix(c->cat, S(c, w), e - w, &fm) && w + fm > i + sl)
                    sn = NULL;
            }
            if (sn && (i + sl >= e || !word_byte(c->s[i + sl]))) {
                ce = catalog_find_id(c->cat, sn->value);
                matched = sl;
            }
        }
        /* A title after a prefix joined to it (ar "والإعلان العالمي …"):
         * the mention begins after the prefix. */
        for (const char *const *wp = L->word_prefixes; !ce && wp && *wp; wp++) {
            size_t pl = lang_match(S(c, i), e - i, *wp);
            if (pl && i + pl < e && (ce = catalog_match_prefix(c->cat, S(c, i + pl), e - i - pl, &matched)))
                i += pl;
        }
        if (!ce) {
            i += char_len(c, i);
            continue;
        }
        instcite_mention *m = new_mention(c, p, ce->kind, i, i + matched, ce->title[LANG_EN]);
        if (!m)
            break;
        from_catalog(c, m, ce);
        catalog_relation(c, ce, p->where);
        m->confidence = 0.95;
        int fn = marker_after(c, i + matched, e, NULL);
        if (fn)
            m->footnote = doc_printf(c->doc, "%d", fn);
        i += matched;
    }
    free(cv.span);
}

/* ---- resolution and decision numbers ------------------------------------- */

typedef struct res_item {
    size_t start;    /* where "第" is */
    size_t num_end;  /* after the number */
    resnum rn;
} res_item;

/* Analyses the text before a group of numbers, [a, b): date, subject or
 * title, and the issuing body (explicit, possessive, or none). */
typedef struct prefix {
    char date[11];
    size_t span_start;       /* where the mention's text begins */
    const body_info *body;   /* explicit or possessive body; NULL when not stated */
    bool only_joiners;       /* nothing but separators before the anchor */
    size_t title_s, title_e; /* subject or title, when printed */
} prefix;

static void read_prefix(ctx *c, size_t a, size_t b, prefix *pf)
{
    const lang_table *L = c->L;
    memset(pf, 0, sizeof *pf);
    pf->span_start = b;
    /* The date comes first after the body; a year inside a subject comes
     * later, so the first full date wins. */
    size_t anchor = b, date_end = b;
    for (size_t i = a; i < b; i += char_len(c, i)) {
        char iso[11];
        size_t k;
        if ((i == a || c->s[i - 1] < '0' || c->s[i - 1] > '9') &&
            (k = lang_parse_date(L, S(c, i), b - i, iso)) && strlen(iso) == 10) {
            memcpy(pf->date, iso, sizeof iso);
            anchor = i;
            date_end = i + k;
            break;
        }
    }
    size_t topic_from = pf->date[0] ? date_end : a;
    size_t k;
    if ((k = lang_match_any(S(c, topic_from), b - topic_from, L->topic_open))) {
        size_t cl = strlen(L->topic_close);
        if (!pf->date[0])
            anchor = topic_from;
        if (b - topic_from >= k + cl && lang_match(S(c, b - cl), cl, L->topic_close)) {
            pf->title_s = topic_from + k;
            pf->title_e = b - cl;
        }
    } else if ((k = lang_match_any(S(c, topic_from), b - topic_from, L->title_open))) {
        if (!pf->date[0])
            anchor = topic_from;
        size_t q = topic_from + k;
        if (q < b && c->s[q] == '"') {
            const char *endq = memchr(S(c, q + 1), '"', b - q - 1);
            if (endq) {
                pf->title_s = q + 1;
                pf->title_e = (size_t)(endq - c->s);
            }
        }
    }
    pf->span_start = anchor;
    /* Body or possessive directly before the anchor. */
    size_t end = anchor;
    while (end > a && c->s[end - 1] == ' ')
        end--;
    size_t bl;
    const lang_name *bn = lang_suffix_name(S(c, a), end - a, L->bodies, &bl);
    if (bn) {
        pf->body = body_find(bn->value);
        pf->span_start = end - bl;
        end -= bl;
    } else {
        for (const char *const *ps = L->possessive; ps && *ps; ps++) {
            size_t pl = strlen(*ps);
            if (end - a >= pl && memcmp(S(c, end - pl), *ps, pl) == 0) {
                pf->body = c->own;
                end -= pl;
                break;
            }
        }
    }
    /* Is what stands before it only separators (an enumeration goes on)? */
    pf->only_joiners = true;
    for (size_t i = a; i < end;) {
        size_t j;
        char ch = c->s[i];
        if (ch == ' ' || ch == ',' || ch == FN_OPEN || ch == FN_CLOSE || (ch >= '0' && ch <= '9'))
            i++;
        else if ((j = lang_match_any(S(c, i), end - i, L->enum_joiners)) || (j = lang_match(S(c, i), end - i, "，")))
            i += j;
        else {
            pf->only_joiners = false;
            break;
        }
    }
}

/* The kind and identity of number rn issued by body b. */
static instcite_kind res_identity(const body_info *b, bool decision, const resnum *rn, char *key,
                                  size_t cap)
{
    if (rn->form == RESNUM_YEAR)
        b = body_find("SC"); /* only the Security Council numbers with a year */
    snprintf(key, cap, "%s%s", decision ? b->dec_prefix : b->res_prefix, rn->compact);
    return decision ? b->decision : b->resolution;
}

static bool contains_break(const ctx *c, size_t a, size_t b)
{
    for (size_t i = a; i < b; i += char_len(c, i))
        if (lang_match_any(S(c, i), b - i, c->L->chain_breaks))
            return true;
    return false;
}

static void scan_resolutions(ctx *c, const para *p)
{
    const lang_table *L = c->L;
    if (!L->kind_after_number || !L->number_open)
        return;
    size_t s = p->body, e = p->len;
    size_t region = s;              /* where the text before the next group starts */
    const body_info *chain = NULL;  /* body of the enumeration going on, if any */
    size_t ol = strlen(L->number_open);
    res_item items[32];
    for (size_t i = s; i < e && !c->oom;) {
        if (!lang_match(S(c, i), e - i, L->number_open)) {
            i = skip_to(c, i, e, L->number_open);
            continue;
        }
        /* A group: 第N (joiner 第N)* kind-word. */
        size_t n_items = 0, j = i, kl = 0;
        const lang_name *kw = NULL;
        while (n_items < sizeof items / sizeof items[0]) {
            size_t k = lang_match(S(c, j), e - j, L->number_open);
            resnum rn;
            if (!k || !resnum_parse(S(c, j + k), e - j - k, &rn))
                break;
            items[n_items].start = j;
            items[n_items].num_end = j + k + rn.len;
            items[n_items].rn = rn;
            n_items++;
            j += k + rn.len;
            while (j < e && c->s[j] == ' ')
                j++;
            if ((kw = lang_match_name(S(c, j), e - j, L->kind_words, &kl)))
                break;
            size_t jn = lang_match_any(S(c, j), e - j, L->enum_joiners);
            if (!jn || !lang_match(S(c, j + jn), e - j - jn, L->number_open))
                break;
            j += jn;
        }
        if (!kw || n_items == 0) {
            i += ol;
            continue;
        }
        size_t group_end = j + kl;
        bool decision = strcmp(kw->value, "decision") == 0;
        prefix pf;
        read_prefix(c, region, items[0].start, &pf);
        const body_info *body = pf.body;
        double conf = 0.95;
        if (!body && chain && pf.only_joiners && !contains_break(c, region, items[0].start)) {
            body = chain;
            conf = 0.9;
        }
        if (!body) {
            body = c->own ? c->own : body_find("GA");
            conf = 0.8;
        }
        for (size_t it = 0; it < n_items; it++) {
            char key[96];
            instcite_kind kind = res_identity(body, decision, &items[it].rn, key, sizeof key);
            const body_info *kb = items[it].rn.form == RESNUM_YEAR ? body_find("SC") : body;
            size_t ms = it == 0 ? pf.span_start : items[it].start;
            size_t me = it + 1 == n_items ? group_end : items[it].num_end;
            if (c->doc->info.symbol && strcmp(key, c->doc->info.symbol) == 0)
                continue; /* the document's own number is not a citation */
            instcite_mention *m = new_mention(c, p, kind, ms, me, key);
            if (!m)
                return;
            if (kb->has_symbol)
                m->symbol = m->key;
            m->body = dup_str(c, kb->code);
            m->number = dup_str(c, items[it].rn.printed);
            if (pf.date[0])
                m->date = dup_str(c, pf.date);
            if (pf.title_e > pf.title_s)
                m->title = dup_span(c, pf.title_s, pf.title_e);
            m->confidence = conf;
            if (it + 1 == n_items) {
                int fn = marker_after(c, group_end, e, NULL);
                if (fn)
                    m->footnote = doc_printf(c->doc, "%d", fn);
            }
        }
        chain = body;
        region = group_end;
        i = group_end;
    }
}

/* A resolution number at s, with the table's letters and session marks. */
static size_t parse_num(const ctx *c, size_t at, size_t end, resnum *rn)
{
    return resnum_parse_words(S(c, at), end - at, c->L->res_letters, c->L->session_marks, c->L->res_prefixes,
                              rn);
}

/* Where the subject printed after a number ends: before a footnote
 * marker, a break, or a joiner that leads to the next number, body or kind
 * word of the enumeration. */
static size_t subject_end(const ctx *c, size_t i, size_t e)
{
    const lang_table *L = c->L;
    for (size_t q = i; q < e; q += char_len(c, q)) {
        if (c->s[q] == FN_OPEN || lang_match_any(S(c, q), e - q, L->chain_breaks))
            return q;
        size_t k = lang_match_any(S(c, q), e - q, L->enum_joiners);
        if (!k)
            continue;
        size_t r = q + k, bl;
        resnum rn;
        if (parse_num(c, r, e, &rn) || lang_match_name(S(c, r), e - r, L->bodies, &bl) ||
            lang_match_name(S(c, r), e - r, L->kind_words, &bl))
            return q;
        for (const char *const *ps = L->possessive; ps && *ps; ps++)
            if (lang_match(S(c, r), e - r, *ps) &&
                lang_match_name(S(c, r + strlen(*ps)), e - r - strlen(*ps), L->kind_words, &bl))
                return q;
    }
    return e;
}

/* Nothing but joiners, punctuation, spaces and footnote markers in [a, b). */
static bool only_joiners(const ctx *c, size_t a, size_t b)
{
    for (size_t i = a; i < b;) {
        char ch = c->s[i];
        size_t k;
        if ((k = lang_match_any(S(c, i), b - i, c->L->enum_joiners)))
            i += k;
        else if (ch == ' ' || ch == ',' || ch == FN_OPEN || ch == FN_CLOSE || (ch >= '0' && ch <= '9'))
            i++;
        else
            return false;
    }
    return true;
}

typedef struct ref_item {
    size_t start, end;
    resnum rn;
    char date[11];
    size_t title_s, title_e;
} ref_item;

/* Roman numerals of a session ("XXI") -> 21; 0 when not one. */
static int roman_value(const char *s, size_t n)
{
    int total = 0, prev = 0;
    for (size_t i = n; i-- > 0;) {
        int v = s[i] == 'I' ? 1 : s[i] == 'V' ? 5 : s[i] == 'X' ? 10 : s[i] == 'L' ? 50 : s[i] == 'C' ? 100 : 0;
        if (!v)
            return 0;
        total += v < prev ? -v : v;
        if (v > prev)
            prev = v;
    }
    return total;
}

/* Could number rn of body b be dated in year y? Used before giving one
 * printed date to several numbers: the Security Council's year, a
 * year-numbered resolution's year, a General Assembly session's year or the
 * year after, roughly three Human Rights Council sessions a year. */
static bool year_fits(const body_info *b, const resnum *rn, int y)
{
    const char *s = rn->compact, *paren = strchr(s, '(');
    if (rn->form == RESNUM_YEAR)
        return paren && atoi(paren + 1) == y;
    if (rn->form == RESNUM_ROMAN) {
        if (!paren || paren[1] == 'S' || paren[1] == 'E')
            return true; /* special sessions */
        int session = roman_value(paren + 1, strcspn(paren + 1, ")"));
        return strcmp(b->code, "GA") != 0 || y == 1945 + session || y == 1946 + session;
    }
    if (s[0] < '0' || s[0] > '9')
        return true; /* "S-27/2", "ES-10/19" */
    int a = atoi(s);
    if (a >= 1946)
        return a == y;
    if (strcmp(b->code, "GA") == 0)
        return y == 1945 + a || y == 1946 + a;
    if (strcmp(b->code, "HRC") == 0)
        return y >= 2005 + (a - 1) / 3 && y <= 2007 + (a - 1) / 3;
    return true;
}

/* Dates printed once for a whole enumeration: "ses résolutions 54/148 et
 * 54/149 du 17 décembre 1999" (one date after the last number, none before,
 * no subject: each number has that date, if it fits every number), "des
 * résolutions 1379 (2001) et 1460 (2003) du Conseil, en date des 20 novembre
 * 2001 et 30 janvier 2003" (as many dates as numbers: in order). */
static void share_dates(const body_info *b, ref_item *items, size_t n_items, char (*more)[11], size_t n_more)
{
    ref_item *last = &items[n_items - 1];
    if (n_items < 2 || !last->date[0])
        return;
    for (size_t n = 0; n + 1 < n_items; n++)
        if (items[n].date[0] || items[n].title_e > items[n].title_s)
            return;
    if (n_more) {
        if (n_more + 1 != n_items)
            return;
        char first[11];
        memcpy(first, last->date, sizeof first);
        for (size_t n = 0; n < n_items; n++)
            memcpy(items[n].date, n ? more[n - 1] : first, sizeof first);
        return;
    }
    int y = atoi(last->date);
    for (size_t n = 0; n < n_items; n++)
        if (!year_fits(b, &items[n].rn, y))
            return;
    for (size_t n = 0; n + 1 < n_items; n++)
        memcpy(items[n].date, last->date, sizeof last->date);
}

/* A body named after a number, past a comma and spaces ("1325 (2000) du
 * Conseil de sécurité"): sets *body and returns where it ends, else k. */
static size_t body_after_number(const ctx *c, const lang_table *L, size_t k, size_t e,
                                const body_info **body)
{
    size_t q = k + (k < e && c->s[k] == ',');
    while (q < e && c->s[q] == ' ')
        q++;
    size_t bl;
    const lang_name *bn = lang_match_name(S(c, q), e - q, L->bodies, &bl);
    if (!bn)
        return k;
    *body = body_find(bn->value);
    return q + bl;
}

/* Kind word first (en fr es ru ar): "[body] resolutions [body] N [body]
 * [of DATE] [on SUBJECT | , entitled "TITLE"], N ..., and N ...". The body
 * is found where the table allows it; "its" (possessive) is the citing
 * body; nothing stated means the citing body too. */
static void scan_resolutions_before(ctx *c, const para *p)
{
    const lang_table *L = c->L;
    size_t s = p->body, e = p->len;
    ref_item items[64];
    const body_info *chain = NULL; /* body of the group just read */
    size_t chain_end = s;
    /* A reference needs a number, and parse_num reads ASCII digits: a
     * paragraph without one has no reference (most have none). */
    if (text_next_digit(S(c, s), e - s) == e - s)
        return;
    for (size_t i = s; i < e && !c->oom;) {
        size_t kl = 0;
        const lang_name *kw = NULL;
        if (i > s && word_byte(c->s[i - 1])) {
            i = past_word(c, i, e);
            continue;
        }
        kw = lang_match_indexed(S(c, i), e - i, &c->kind_words, &kl);
        if (!kw || (i + kl < e && c->s[i + kl] != ' ')) {
            i += char_len(c, i);
            continue;
        }
        bool decision = strncmp(kw->value, "decision", 8) == 0;
        const body_info *body = strstr(kw->value, "+own") ? c->own : NULL;
        size_t span_start = i;
        size_t b = i;
        while (b > s && c->s[b - 1] == ' ')
            b--;
        for (const char *const *ps = L->possessive; !body && ps && *ps; ps++) {
            size_t pl = strlen(*ps);
            /* Possessives are listed with their trailing space ("its "). */
            if (i - s >= pl && memcmp(S(c, i - pl), *ps, pl) == 0) {
                body = c->own;
                span_start = i - pl;
            }
        }
        size_t bl;
        const lang_name *bn;
        if (!body && L->body_before_kind && (bn = lang_suffix_name(S(c, s), b - s, L->bodies, &bl))) {
            body = body_find(bn->value);
            span_start = b - bl;
        }
        size_t j = i + kl;
        while (j < e && c->s[j] == ' ')
            j++;
        if (!body && L->body_after_kind && (bn = lang_match_name(S(c, j), e - j, L->bodies, &bl))) {
            body = body_find(bn->value);
            j += bl;
            while (j < e && c->s[j] == ' ')
                j++;
        }
        size_t n_items = 0, n_more = 0;
        char more[8][11]; /* the dates after the first of a date list */
        while (n_items < sizeof items / sizeof items[0]) {
            ref_item *it = &items[n_items];
            memset(it, 0, sizeof *it);
            if (!parse_num(c, j, e, &it->rn))
                break;
            it->start = n_items ? j : span_start;
            size_t k = j + it->rn.len;
            if (!body && L->body_after_number)
                k = body_after_number(c, L, k, e, &body);
            size_t dk = lang_match_any(S(c, k), e - k, L->date_open), dl;
            n_more = 0;
            if (dk && (dl = lang_parse_date(L, S(c, k + dk), e - k - dk, it->date)) && strlen(it->date) == 10) {
                k += dk + dl;
                /* "en date des 20 novembre 2001 et 30 janvier 2003" */
                size_t jd;
                while (n_more < sizeof more / sizeof more[0] &&
                       (jd = lang_match_any(S(c, k), e - k, L->enum_joiners)) &&
                       (dl = lang_parse_date(L, S(c, k + jd), e - k - jd, more[n_more])) &&
                       strlen(more[n_more]) == 10) {
                    k += jd + dl;
                    n_more++;
                }
            } else {
                it->date[0] = '\0';
            }
            if (!body && L->body_after_number && it->date[0])
                /* fr "la résolution 1325 (2000) du 31 octobre 2000 du Conseil de sécurité" */
                k = body_after_number(c, L, k, e, &body);
            size_t tk;
            if ((tk = lang_match_any(S(c, k), e - k, L->title_open))) {
                size_t q = k + tk;
                while (q < e && c->s[q] == ' ')
                    q++;
                const char *close = q < e && c->s[q] == '"' ? memchr(S(c, q + 1), '"', e - q - 1) : NULL;
                if (close) {
                    it->title_s = q + 1;
                    it->title_e = (size_t)(close - c->s);
                    k = it->title_e + 1;
                    /* « Titre »: the spaces inside the guillemets are not the title's */
                    while (it->title_s < it->title_e && c->s[it->title_s] == ' ')
                        it->title_s++;
                    while (it->title_e > it->title_s && c->s[it->title_e - 1] == ' ')
                        it->title_e--;
                }
            } else if ((tk = lang_match_any(S(c, k), e - k, L->topic_open))) {
                size_t q = k + tk, end = subject_end(c, q, e);
                while (end > q && (c->s[end - 1] == ' ' || c->s[end - 1] == ','))
                    end--;
                if (end > q) {
                    it->title_s = q;
                    it->title_e = end;
                    k = end;
                }
            }
            it->end = k;
            n_items++;
            size_t jn = lang_match_any(S(c, k), e - k, L->enum_joiners);
            resnum next;
            if (!jn || !parse_num(c, k + jn, e, &next))
                break;
            j = k + jn;
        }
        if (n_items == 0) {
            i += kl;
            continue;
        }
        double conf = body ? 0.95 : 0.8;
        if (!body && chain && only_joiners(c, chain_end, span_start)) {
            /* "Commission ... resolution 27/3 ..., and resolution 26/3": the
             * enumeration goes on with the body it had. */
            body = chain;
            conf = 0.9;
        }
        if (!body)
            body = c->own ? c->own : body_find("GA");
        chain = body;
        chain_end = items[n_items - 1].end;
        share_dates(body, items, n_items, more, n_more);
        for (size_t n = 0; n < n_items; n++) {
            char key[96];
            instcite_kind kind = res_identity(body, decision, &items[n].rn, key, sizeof key);
            const body_info *kb = items[n].rn.form == RESNUM_YEAR ? body_find("SC") : body;
            if (c->doc->info.symbol && strcmp(key, c->doc->info.symbol) == 0)
                continue;
            instcite_mention *m = new_mention(c, p, kind, items[n].start, items[n].end, key);
            if (!m)
                return;
            if (kb->has_symbol)
                m->symbol = m->key;
            m->body = dup_str(c, kb->code);
            m->number = dup_str(c, items[n].rn.printed);
            if (items[n].date[0])
                m->date = dup_str(c, items[n].date);
            if (items[n].title_e > items[n].title_s)
                m->title = dup_span(c, items[n].title_s, items[n].title_e);
            m->confidence = conf;
            int fn = marker_after(c, items[n].end, e, NULL);
            if (fn)
                m->footnote = doc_printf(c->doc, "%d", fn);
        }
        i = items[n_items - 1].end;
    }
}

/* ---- document symbols ---------------------------------------------------- */

/* "S/25811 and Add.1": an addendum or corrigendum named after a symbol
 * (which ends at j) is a document of its own. Returns the end of the
 * addendum's mention, or 0 when there is none. */
static size_t addendum(ctx *c, const para *p, instcite_kind kind, const char *sym, size_t j, size_t e)
{
    static const char *const suffixes[] = {"Add.", "Corr.", "Rev.", NULL};
    size_t k = c->L ? lang_match_any(S(c, j), e - j, c->L->symbol_joiners) : 0;
    size_t sk = k ? lang_match_any(S(c, j + k), e - j - k, suffixes) : 0;
    unsigned long v;
    size_t d = sk ? lang_digits(S(c, j + k + sk), e - j - k - sk, 3, &v) : 0;
    if (!d)
        return 0;
    const char *add = doc_printf(c->doc, "%s/%.*s", sym, (int)(sk + d), S(c, j + k));
    instcite_mention *m = add ? new_mention(c, p, kind, j + k, j + k + sk + d, add) : NULL;
    if (m) {
        m->symbol = m->key;
        m->confidence = 0.9;
    }
    return j + k + sk + d;
}

static void scan_symbols(ctx *c, const para *p, size_t para_first)
{
    size_t s = p->body, e = p->len;
    cover cv;
    cover_init(c, &cv, para_first);
    for (size_t i = s; i < e && !c->oom;) {
        /* A symbol starts with a capital letter at most SYMBOL_SERIES_MAX
         * bytes before a '/': skip the rest unscanned. */
        if (c->s[i] < 'A' || c->s[i] > 'Z') {
            const char *slash = memchr(S(c, i), '/', e - i);
            if (!slash)
                break;
            size_t from = (size_t)(slash - c->s);
            from = from > SYMBOL_SERIES_MAX ? from - SYMBOL_SERIES_MAX : 0;
            i = from > i ? from : i + 1;
            continue;
        }
        char prev = i > 0 ? c->s[i - 1] : 0;
        size_t n = symbol_scan(S(c, i), e - i, prev);
        if (!n) {
            i++;
            continue;
        }
        if (!covered(&cv, c->map[i])) {
            const char *sym = dup_span(c, i, i + n);
            instcite_kind kind = INSTCITE_KIND_REPORT;
            static const struct { const char *prefix, *body; } res[] = {
                {"A/HRC/RES/", "HRC"}, {"A/RES/", "GA"}, {"E/RES/", "ECOSOC"}, {"S/RES/", "SC"},
            };
            const char *body = NULL;
            for (size_t r = 0; r < sizeof res / sizeof res[0]; r++)
                if (sym && strncmp(sym, res[r].prefix, strlen(res[r].prefix)) == 0) {
                    body = res[r].body;
                    kind = body_find(body)->resolution;
                    break;
                }
            if (sym && !(c->doc->info.symbol && strcmp(sym, c->doc->info.symbol) == 0)) {
                instcite_mention *m = new_mention(c, p, kind, i, i + n, sym);
                if (m) {
                    m->symbol = m->key;
                    m->body = dup_str(c, body);
                    m->confidence = 0.95;
                }
            }
            size_t add_end = sym ? addendum(c, p, kind, sym, i + n, e) : 0;
            if (add_end)
                n = add_end - i;
        }
        i += n;
    }
    free(cv.span);
}

/* ---- linking and lint ---------------------------------------------------- */

static void link_footnotes(ctx *c)
{
    size_t n = c->doc->n_mentions;
    for (size_t i = 0; i < n && !c->oom; i++) {
        instcite_mention *m = &c->doc->mentions[i];
        if (!m->footnote || strncmp(m->where, "FN", 2) == 0)
            continue;
        footnote *f = find_footnote(c, atoi(m->footnote));
        if (!f)
            continue;
        if (f->pub == PUB_TREATY_SERIES && f->volume[0]) {
            m->unts = doc_printf(c->doc, "%s/%s", f->volume, f->number);
            const cat_entry *ce = m->catalog_id ? catalog_find_id(c->cat, m->catalog_id) : NULL;
            if (!ce) {
                /* Unknown title, known treaty: the Treaty Series decides. */
                const cat_entry *by = catalog_find_unts(c->cat, f->volume, f->number);
                if (by) {
                    from_catalog(c, m, by);
                    catalog_relation(c, by, m->where);
                    m->confidence = 0.85;
                }
            } else if (!f->warned && ((ce->unts_volume[0] && strcmp(ce->unts_volume, f->volume)) ||
                                      (ce->unts_number[0] && strcmp(ce->unts_number, f->number)))) {
                const char *msg = doc_printf(
                    c->doc,
                    "footnote %d prints Treaty Series vol. %s, No. %s for %s; the catalog has "
                    "vol. %s, No. %s (the printed value is kept)",
                    f->n, f->volume, f->number, ce->id, ce->unts_volume, ce->unts_number);
                char where[16];
                snprintf(where, sizeof where, "FN%d", f->n);
                add_warning(c, "unts-mismatch", where, f->unts_start, f->unts_end, msg);
                f->warned = true;
                m = &c->doc->mentions[i]; /* add_warning does not move mentions */
            }
        }
        for (size_t k = f->first_mention; k < f->last_mention; k++) {
            const instcite_mention *src = &c->doc->mentions[k];
            /* Resolutions and decisions are printed in Official Records
             * supplements (a commission's in its report to the Council, the
             * Human Rights Council's in the Assembly's Supplement No. 53):
             * that is where such a footnote sends the reader. A footnote that
             * names a report is about the report, not the resolution. */
            if (src->kind == INSTCITE_KIND_OFFICIAL_RECORDS && m->kind >= INSTCITE_KIND_GA_RESOLUTION &&
                m->kind <= INSTCITE_KIND_COMMISSION_DECISION)
                add_relation(c, m->key, "published_in", src->key, m->where);
            else if (m->catalog_id && src->kind == INSTCITE_KIND_GA_RESOLUTION)
                add_relation(c, m->key, "adopted_by", src->key, m->where);
        }
    }
}

static int by_start(const void *a, const void *b)
{
    const instcite_mention *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

/* ---- document info ------------------------------------------------------- */

static void fill_info(ctx *c, const char *lang)
{
    instcite_docinfo *d = &c->doc->info;
    const layout *lo = &c->lo;
    c->s = c->t->s, c->map = c->t->map, c->len = c->t->len;
    d->lang = dup_str(c, lang);
    c->own = body_find(lo->body ? lo->body : "GA");
    d->body = dup_str(c, c->own->code);
    if (lo->number.end > lo->number.start) {
        d->symbol = doc_printf(c->doc, "%s%.*s", c->own->res_prefix,
                               (int)(lo->number.end - lo->number.start), S(c, lo->number.start));
        d->kind = c->own->resolution;
    }
    d->session = lo->session;
    unsigned long session;
    if (!d->session && strcmp(c->own->code, "GA") == 0 && lo->number.end > lo->number.start &&
        lang_digits(S(c, lo->number.start), lo->number.end - lo->number.start, 3, &session) &&
        c->s[lo->number.start + (session >= 100 ? 3 : session >= 10 ? 2 : 1)] == '/')
        d->session = (int)session; /* "74/174": General Assembly numbers begin with the session */
    if (lo->agenda_item.end > lo->agenda_item.start)
        d->agenda_item = dup_span(c, lo->agenda_item.start, lo->agenda_item.end);
    if (lo->agenda_title.end > lo->agenda_title.start)
        d->agenda_title = dup_span(c, lo->agenda_title.start, lo->agenda_title.end);
    if (lo->date[0])
        d->date = dup_str(c, lo->date);
    if (lo->title.end > lo->title.start) {
        /* A title printed over several lines reads as one. */
        char *title = (char *)dup_span(c, lo->title.start, lo->title.end);
        for (char *q = title; q && *q; q++)
            if (*q == '\n')
                *q = ' ';
        d->title = title;
    }
    if (lo->report_symbol.end > lo->report_symbol.start)
        d->report = dup_span(c, lo->report_symbol.start, lo->report_symbol.end);
    if (lo->committee.end > lo->committee.start)
        d->committee = dup_span(c, lo->committee.start, lo->committee.end);
    d->plenary_meeting = lo->plenary;
    if (lo->closing_date[0])
        d->closing_date = dup_str(c, lo->closing_date);
    d->preambular = lo->preambular;
    d->operative = lo->operative;
    d->footnotes = lo->footnotes;
}

/* The clause verb that opens a paragraph. */
static void set_clauses(ctx *c, const para *p, size_t from)
{
    if (p->kind != PARA_PP && p->kind != PARA_OP)
        return;
    size_t vl;
    const lang_name *v = lang_match_indexed(S(c, p->body), p->len - p->body, &c->lo.verbs, &vl);
    if (!v)
        return;
    const char *verb = dup_span(c, p->body, p->body + vl);
    const char *clause = dup_str(c, v->value);
    for (size_t i = from; i < c->doc->n_mentions; i++) {
        c->doc->mentions[i].verb = verb;
        c->doc->mentions[i].clause = clause;
    }
}

/* Makes paragraph p the text being scanned. */
static void enter(ctx *c, const para *p)
{
    c->s = p->s;
    c->map = p->map;
    c->len = p->len;
}

static void extract_all(ctx *c)
{
    const layout *lo = &c->lo;
    const text *t = c->t;
    /* The report the resolution was adopted on (a header line of the text). */
    if (lo->report_symbol.end > lo->report_symbol.start) {
        c->s = t->s, c->map = t->map, c->len = t->len;
        static const para header = {.kind = PARA_HEADER, .where = "HEADER"};
        const char *sym = dup_span(c, lo->report_symbol.start, lo->report_symbol.end);
        instcite_mention *m =
            new_mention(c, &header, INSTCITE_KIND_REPORT, lo->report_line.start, lo->report_line.end, sym);
        if (m) {
            m->symbol = m->key;
            m->confidence = 0.98;
        }
        /* "(A/73/L.8 and A/73/L.8/Add.1)", "(A/50/630 and Corr.1)": the
         * other documents of the line. */
        size_t add_end = sym ? addendum(c, &header, INSTCITE_KIND_REPORT, sym, lo->report_symbol.end,
                                        lo->report_line.end)
                             : 0;
        para rest = {.kind = PARA_HEADER, .where = "HEADER", .s = t->s, .map = t->map,
                     .len = lo->report_line.end, .body = add_end ? add_end : lo->report_symbol.end};
        scan_symbols(c, &rest, c->doc->n_mentions);
    }
    size_t n_fn_paras = 0; /* a footnote continued over a page is two paragraphs */
    for (size_t i = 0; i < lo->n_paras; i++)
        n_fn_paras += lo->paras[i].kind == PARA_FN;
    c->fns = calloc(n_fn_paras ? n_fn_paras : 1, sizeof *c->fns);
    if (!c->fns) {
        c->oom = true;
        return;
    }
    const lang_table *L = c->L;
    void (*scan_res)(ctx *, const para *) = L->kind_after_number ? scan_resolutions : scan_resolutions_before;
    int prev_pub = PUB_NONE;
    for (size_t i = 0; i < lo->n_paras && !c->oom; i++) {
        const para *p = &lo->paras[i];
        if (p->kind != PARA_FN)
            continue;
        enter(c, p);
        read_footnote(c, p, prev_pub);
        footnote *f = &c->fns[c->n_fns - 1];
        size_t from = f->first_mention;
        scan_res(c, p);
        scan_symbols(c, p, from);
        f->last_mention = c->doc->n_mentions;
        prev_pub = f->pub;
    }
    for (size_t i = 0; i < lo->n_paras && !c->oom; i++) {
        const para *p = &lo->paras[i];
        if (p->kind != PARA_PP && p->kind != PARA_OP)
            continue;
        enter(c, p);
        size_t from = c->doc->n_mentions;
        /* Resolutions first: a title inside a resolution's subject belongs
         * to that mention, not to a mention of its own. */
        scan_res(c, p);
        scan_symbols(c, p, from);
        if (L->title_brackets[0])
            scan_titles(c, p);
        else
            scan_bare_titles(c, p, from);
        set_clauses(c, p, from);
    }
    if (!c->oom)
        link_footnotes(c);
    if (c->doc->n_mentions > 1) /* qsort's base may not be NULL, even for no elements */
        qsort(c->doc->mentions, c->doc->n_mentions, sizeof *c->doc->mentions, by_start);
}

/* ---- public entry points ------------------------------------------------- */

instcite_doc *instcite_extract(const instcite_catalog *cat, const char *name, const void *bytes,
                               size_t len, const char *lang, instcite_error *err)
{
    if (!cat || (!bytes && len)) {
        set_err(err, INSTCITE_ERR_INVALID, -1, "no catalog or no input");
        return NULL;
    }
    if (lang && !lang_find(lang) && lang_index(lang) < 0) {
        char msg[64];
        snprintf(msg, sizeof msg, "unknown language '%.16s'", lang);
        set_err(err, INSTCITE_ERR_INVALID, -1, msg);
        return NULL;
    }
    instcite_doc *read_doc; /* a PDF, HTML or .docx input: extracted from its text layer */
    if (input_extract(cat, name, bytes, len, lang, &read_doc, err))
        return read_doc;
    text t;
    if (text_init(&t, bytes, len, err) != INSTCITE_OK)
        return NULL;
    ctx c = {.cat = cat, .t = &t};
    const char *code = lang ? lang : lang_detect(t.s, t.len);
    c.L = lang_find(code);
    if (c.L) {
        lang_name_index_init(&c.kind_words, c.L->kind_words);
        lang_name_index_init(&c.short_names, c.L->short_names);
    }
    c.doc = doc_new(name);
    if (!c.doc) {
        text_destroy(&t);
        set_err(err, INSTCITE_ERR_NOMEM, -1, "out of memory");
        return NULL;
    }
    if (layout_init(&c.lo, &t, c.L, err) != INSTCITE_OK) {
        instcite_doc_free(c.doc);
        text_destroy(&t);
        return NULL;
    }
    fill_info(&c, code);
    if (c.L) {
        extract_all(&c);
    } else {
        /* No language table yet: symbols are the same in every language. */
        for (size_t i = 0; i < c.lo.n_paras; i++) {
            size_t from = c.doc->n_mentions;
            enter(&c, &c.lo.paras[i]);
            scan_symbols(&c, &c.lo.paras[i], from);
        }
        static const para whole = {.kind = PARA_HEADER, .where = "HEADER"};
        char msg[96];
        snprintf(msg, sizeof msg, "no language table for '%s': only document symbols were extracted", code);
        add_warning(&c, "unsupported-language", whole.where, 0, 0, msg);
        if (c.doc->n_mentions > 1)
            qsort(c.doc->mentions, c.doc->n_mentions, sizeof *c.doc->mentions, by_start);
    }
    free(c.fns);
    free(c.rel_slots);
    layout_destroy(&c.lo);
    text_destroy(&t);
    if (c.oom) {
        instcite_doc_free(c.doc);
        set_err(err, INSTCITE_ERR_NOMEM, -1, "out of memory");
        return NULL;
    }
    return c.doc;
}

instcite_status instcite_extract_file(const instcite_catalog *cat, const char *path, const char *lang,
                                      instcite_doc **out, instcite_error *err)
{
    /* One way to read files: the one that refuses FIFOs and devices before
     * opening them and detects encodings (src/extract_opts.c). */
    instcite_options opts = {.lang = lang};
    return instcite_extract_file_opts(cat, path, &opts, out, err);
}
