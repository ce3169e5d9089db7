/*
 * Language tables: everything that differs between the six official
 * languages is data here, so adding a language is adding one lang_<xx>.c
 * file and its test paragraphs, not touching the extractor.
 *
 * Strings are matched against normalised text (see text/text.h): ASCII
 * digits, '-', '"', '\'' and single spaces (none next to CJK characters).
 */
#ifndef INSTCITE_LANG_H
#define INSTCITE_LANG_H

#include "instcite.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An issuing body: language-neutral facts, shared by every language. */
typedef struct body_info {
    const char *code;          /* "GA", "ECOSOC", "CCPCJ" */
    const char *name_en;       /* "General Assembly" */
    instcite_kind resolution;  /* kind of its resolutions */
    instcite_kind decision;    /* kind of its decisions */
    const char *res_prefix;    /* identity prefix: "A/RES/", "CCPCJ/RES/" */
    const char *dec_prefix;    /* "A/DEC/", "CCPCJ/DEC/" */
    bool has_symbol;           /* the key is a real UN document symbol */
} body_info;

/* The body with that code, or NULL. */
const body_info *body_find(const char *code);

/* A phrase of a language mapped to a value. */
typedef struct lang_name {
    const char *text;
    const char *value;
} lang_name;

typedef struct lang_table {
    const char *code; /* "zh" */

    /* Resolution references. Two word orders:
     *  - kind word after the number (zh): [body][date][subject]第N号决议;
     *  - kind word before the numbers (en fr es ru ar):
     *    [body] resolutions [body] N [body] [of DATE] [on SUBJECT], N ... */
    bool kind_after_number;
    const char *number_open;          /* zh "第": before each number */
    const lang_name *kind_words;      /* after: "号决议" -> "resolution"; before: "resolutions" ->
                                       * "resolution", "قرارها" -> "resolution+own" */
    const char *const *enum_joiners;  /* between the numbers of one group: "和", ", ", " and " */
    const char *const *possessive;    /* the citing body's own: "其", "its " */
    const char *const *topic_open;    /* subject: "关于", " on " */
    const char *topic_close;          /* zh "的" ends the subject; NULL: it runs to the next number */
    const char *const *title_open;    /* quoted title: "题为", ", entitled " */
    const char *const *date_open;     /* before a date that follows the number: " of " */
    const char *const *chain_breaks;  /* text that ends an enumeration: "；", "。", ";" */
    const lang_name *bodies;          /* body names -> body code (inflected forms included) */
    /* Letters of split resolutions and session marks in the language's own
     * script: ru "А" (Cyrillic) -> "A", ar "ألف" -> "A"; ar "د-" in "(د-21)",
     * the session written in digits -> "(XXI)". NULL: Latin letters and Roman
     * numerals only. */
    const lang_name *res_letters;
    const char *const *session_marks;
    /* Special-session prefixes in the language's script: ar "دإ-" -> "S-",
     * "دإط-" -> "ES-" ("دإ-27/2" is S-27/2). */
    const lang_name *res_prefixes;
    /* Where a body name may stand, for kind-word-first languages. */
    bool body_before_kind;            /* en "Economic and Social Council resolution" */
    bool body_after_kind;             /* ar "قرار المجلس الاقتصادي والاجتماعي 2011/33" */
    bool body_after_number;           /* fr "résolution 2011/33 du Conseil économique et social" */

    /* Dates. zh: year_mark month_mark day_mark after the numbers; others:
     * DAY[day_suffix] date_sep MONTH date_sep YEAR[year_suffix]. */
    const char *year_mark, *month_mark, *day_mark;
    const lang_name *months;          /* "December" -> "12", including every spelling */
    const char *const *day_suffix;    /* fr "er" (1er) */
    const char *const *date_sep;      /* " ", es " de " */
    const char *const *year_suffix;   /* ru " года", " г." */

    /* Instruments printed between brackets (zh 《》); NULL when titles are
     * bare and found by catalog prefix lookup at word starts. */
    const char *title_brackets[2];
    /* Head words of unknown bracketed titles -> kind name, checked as suffix. */
    const lang_name *instrument_heads;
    /* Endings of a protocol title -> its relation to the parent treaty the
     * title names ("任择议定书" -> optional_protocol_to). */
    const lang_name *protocol_relations;
    /* Prefixes written joined to the next word (ar "و" and, "ب" by, "ل"
     * for): a catalog title may begin after one ("والإعلان العالمي …"). */
    const char *const *word_prefixes;
    /* Short names standing for one catalog id ("the Charter" -> charter). */
    const lang_name *short_names;
    /* Between a document symbol and an addendum: "S/25811 and Add.1". */
    const char *const *symbol_joiners;

    /* Footnotes. */
    const char *const *ibid;          /* "同上", "Ibid." */
    const char *const *see;           /* "见", "See " */
    const char *const *treaty_series; /* "条约汇编", "Treaty Series" */
    const char *const *volume_open;   /* "第", "vol. " */
    const char *volume_close;         /* "卷"; NULL when none */
    const char *const *regno_open;    /* "第", "No. " */
    const char *regno_close;          /* "号"; NULL when none */
    const char *const *records_words; /* "正式记录", "Official Records" */

    /* Clause verbs that open paragraphs -> language-neutral clause. */
    const lang_name *verbs;

    /* Layout. */
    bool wrapped;                         /* PDF text layer: paragraphs wrap */
    const char *const *number_nouns;      /* words numbers follow ("Article 1"): a digit
                                           * after them is no footnote marker */
    const char *const *organ_lines;       /* "The General Assembly," */
    const char *session_open, *session_close; /* zh "第", "届会议" (Chinese numerals) */
    const char *const *agenda_open;       /* "议程项目", "Agenda item " */
    const lang_name *adoption;            /* "大会决议", "Resolution adopted by the General Assembly" -> body */
    bool adoption_date_first;             /* zh: the date precedes the adoption words */
    const char *const *adoption_date_open;/* "on " (may start the next line) */
    const char *const *report_open;       /* "[根据", "[on the report of the " */
    const char *const *report_mid;        /* "的报告": between the committee and "(" */
    const char *const *plenary_words;     /* "全体会议", "plenary meeting" */
} lang_table;

/* The table for a language code, or NULL when the language has none yet. */
const lang_table *lang_find(const char *code);

/* Guesses the language of normalised text from the scripts of its first
 * 8 KiB: "zh", "ar", "ru", or a Latin-script language by its common words.
 * Never NULL. */
const char *lang_detect(const char *s, size_t len);

/* Matching helpers over normalised text; each returns the number of bytes
 * matched at s (0 for no match). */
size_t lang_match(const char *s, size_t n, const char *w);
size_t lang_match_any(const char *s, size_t n, const char *const *list);
/* Longest entry of names that s starts with (or, for _suffix_, ends with). */
const lang_name *lang_match_name(const char *s, size_t n, const lang_name *names, size_t *len);
const lang_name *lang_suffix_name(const char *s, size_t n, const lang_name *names, size_t *len);
/* A name list indexed by first byte, for the lists looked up at every
 * paragraph or word (the clause openers, a hundred and more per language;
 * kind words; short names): lang_match_indexed answers what lang_match_name
 * answers, over the entries that begin with s's first byte only, so a byte
 * no entry begins with costs two loads. A list longer than LANG_INDEX_MAX is
 * searched whole. */
#define LANG_INDEX_MAX 1024
typedef struct lang_name_index {
    const lang_name *names;
    bool whole;                    /* too long: lang_match_name over names */
    uint16_t first[257];           /* entries beginning with b: order[first[b] .. first[b + 1]) */
    uint16_t order[LANG_INDEX_MAX]; /* entry indexes, in list order within a byte */
} lang_name_index;
void lang_name_index_init(lang_name_index *ix, const lang_name *names);
const lang_name *lang_match_bucket(const char *s, size_t n, const lang_name_index *ix, size_t *len);
/* Inline: most words begin no entry, and that answer is two loads. */
static inline const lang_name *lang_match_indexed(const char *s, size_t n, const lang_name_index *ix,
                                                  size_t *len)
{
    unsigned char b = n ? (unsigned char)s[0] : 0;
    if (!ix->whole && (!n || ix->first[b] == ix->first[b + 1])) {
        *len = 0;
        return NULL;
    }
    return lang_match_bucket(s, n, ix, len);
}

/* 1..max ASCII digits (0 when none or more than max). */
size_t lang_digits(const char *s, size_t n, size_t max, unsigned long *value);
/* A date in the language's form -> ISO "YYYY-MM-DD" (or "YYYY" when only the
 * year is printed). */
size_t lang_parse_date(const lang_table *L, const char *s, size_t n, char iso[11]);
/* Chinese numerals ("七十四" -> 74). */
size_t lang_parse_cjk_number(const char *s, size_t n, int *value);

#endif
