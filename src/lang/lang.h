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

    /* Resolution references. zh: [body][date][topic]第N号决议 — the kind word
     * follows the number and the date precedes it. */
    bool kind_after_number;
    const char *number_open;          /* "第": before each number */
    const lang_name *kind_words;      /* "号决议" -> "resolution", "号决定" -> "decision" */
    const char *const *enum_joiners;  /* between numbers of one group: "和", "、" */
    const char *const *possessive;    /* "其": the citing body's own */
    const char *const *topic_open;    /* "关于" (topic ends at topic_close) */
    const char *topic_close;          /* "的" */
    const char *const *title_open;    /* "题为" + quoted title + topic_close */
    const char *const *chain_breaks;  /* text that ends an enumeration: "；", "。" */
    const lang_name *bodies;          /* body names -> body code, longest first */

    /* Dates: zh "2018年12月17日". */
    const char *year_mark, *month_mark, *day_mark;

    /* Instruments printed between brackets (zh 《》); NULL when titles are bare. */
    const char *title_brackets[2];
    /* Head words of unknown instrument titles -> kind name, checked as suffix. */
    const lang_name *instrument_heads;
    /* Endings of a protocol title -> its relation to the parent treaty the
     * title names ("任择议定书" -> optional_protocol_to). */
    const lang_name *protocol_relations;

    /* Footnotes. */
    const char *const *ibid;          /* "同上" */
    const char *const *see;           /* "见" */
    const char *const *treaty_series; /* series title: "条约汇编" */
    const char *volume_open, *volume_close; /* "第", "卷" */
    const char *regno_open, *regno_close;   /* "第", "号" */
    const char *const *records_words; /* inside an Official Records title: "正式记录" */

    /* Clause verbs (longest first) -> language-neutral clause. */
    const lang_name *verbs;

    /* Header. */
    const char *session_open, *session_close;   /* "第", "届会议" (Chinese numerals) */
    const char *agenda_open;                    /* "议程项目" */
    const lang_name *adoption;                  /* "大会决议" (after the date) -> body */
    const char *report_open, *report_mid, *report_close; /* "[根据", "的报告(", ")通过]" */
    const char *plenary_open, *plenary_close;   /* "第", "次全体会议" */
} lang_table;

/* The table for a language code, or NULL when the language has none yet. */
const lang_table *lang_find(const char *code);

/* Guesses the language of normalised text from its scripts: "zh", "ar",
 * "ru", or a Latin-script language by its common words. Never NULL. */
const char *lang_detect(const char *s, size_t len);

/* Matching helpers over normalised text; each returns the number of bytes
 * matched at s (0 for no match). */
size_t lang_match(const char *s, size_t n, const char *w);
size_t lang_match_any(const char *s, size_t n, const char *const *list);
/* Longest entry of names that s starts with (or, for _suffix_, ends with). */
const lang_name *lang_match_name(const char *s, size_t n, const lang_name *names, size_t *len);
const lang_name *lang_suffix_name(const char *s, size_t n, const lang_name *names, size_t *len);
/* 1..max ASCII digits (0 when none or more than max). */
size_t lang_digits(const char *s, size_t n, size_t max, unsigned long *value);
/* A date in the language's form -> ISO "YYYY-MM-DD" (or "YYYY" when only the
 * year is printed). */
size_t lang_parse_date(const lang_table *L, const char *s, size_t n, char iso[11]);
/* Chinese numerals ("七十四" -> 74). */
size_t lang_parse_cjk_number(const char *s, size_t n, int *value);

#endif
