/*
 * Instrument catalog: datasets/instruments.csv, embedded at build time and
 * optionally extended with --catalog FILE. Read-only after loading, so one
 * catalog may be shared by threads that extract distinct documents.
 *
 * Title lookup works on a folded form (see catalog_fold) so that spacing,
 * case and punctuation differences between a printed title and the catalog
 * do not matter.
 */
#ifndef INSTCITE_CATALOG_H
#define INSTCITE_CATALOG_H

#include "instcite.h"

#include <stddef.h>

/* Languages in the fixed order used by every per-language array. */
enum { LANG_EN, LANG_FR, LANG_ES, LANG_RU, LANG_ZH, LANG_AR, LANG_COUNT };

/* Index of "en", "fr", ... in the order above, or -1. */
int lang_index(const char *code);
/* "en", "fr", ... for an index above. */
const char *lang_code(int index);

/* One instrument. Every string is non-NULL ("" when the cell is empty). */
typedef struct cat_entry {
    const char *id;               /* stable slug: "crc", "untoc-tip" */
    instcite_kind kind;           /* convention, protocol, declaration, ... */
    const char *title[LANG_COUNT];/* official titles; title[LANG_EN] is the identity key */
    const char *aliases;          /* "|"-separated other names, any language */
    const char *date;             /* adoption date, ISO */
    const char *adopted_by;       /* adopting resolution symbol ("A/RES/44/25") */
    const char *unts_volume;      /* "1577" */
    const char *unts_number;      /* "27531" */
    const char *parent;           /* id of the parent instrument, for protocols */
    const char *relation;         /* "optional_protocol_to" | "supplements" | "protocol_to" | "" */
    const char *confidence;       /* provenance: "sourced" | "partial" | "recalled", then
                                   * per-cell detail ("recalled; titles fr:R ...; facts ...") */
} cat_entry;

/* Number of entries and the i-th entry (sorted by id). */
size_t catalog_count(const instcite_catalog *cat);
const cat_entry *catalog_entry(const instcite_catalog *cat, size_t i);

/* Entry by id, or NULL. */
const cat_entry *catalog_find_id(const instcite_catalog *cat, const char *id);

/* Entry whose title (in any language) or alias folds to the same string as
 * the len bytes at title, or NULL. */
const cat_entry *catalog_find_title(const instcite_catalog *cat, const char *title, size_t len);

/* Longest entry title or alias (any language) that is a prefix of the len
 * bytes at text, compared folded; the match must end at a word boundary in
 * text for scripts that have words (a letter may not be followed by a letter,
 * nor a digit by a digit; after a CJK character any position will do).
 * Returns the entry and sets *matched to the number of bytes of text
 * consumed, up to the end of the last matched character, or returns NULL
 * with *matched 0. The match starts at text[0]: text that starts with a
 * character that folds away (a space, 《) matches nothing.
 * Stops reading as soon as no title can match: cheap at every position. */
const cat_entry *catalog_match_prefix(const instcite_catalog *cat, const char *text, size_t len,
                                      size_t *matched);

/* Entries registered in the Treaty Series under (volume, number); both are
 * decimal strings. Returns the first, preferring an exact number over a
 * catalog range ("970-973") and an instrument without parent over a
 * protocol, then id order; or NULL. */
const cat_entry *catalog_find_unts(const instcite_catalog *cat, const char *volume,
                                   const char *number);

/* The catalog entry registered under that number, with any volume (the
 * parent treaty when protocols share its number), or NULL. */
const cat_entry *catalog_find_unts_number(const instcite_catalog *cat, const char *number);

/* Writes into out (capacity cap, NUL-terminated) the folded form of len bytes
 * of UTF-8: letters lower-cased (ASCII, Latin-1, Latin Extended-A, Greek,
 * Cyrillic; also final sigma as sigma, Russian ё as е, full-width ASCII
 * letters and digits as ASCII), whitespace, punctuation (ASCII, Latin-1,
 * General Punctuation, CJK and full-width, Arabic) and the hyphen/dash family
 * dropped, other code points kept (a byte that is not valid UTF-8 is kept as
 * is). Returns the length of the full folded string (which may exceed
 * cap - 1, as snprintf does); out may be NULL when cap is 0. */
size_t catalog_fold(const char *s, size_t len, char *out, size_t cap);

#endif
