/* Russian, as UN resolutions print it (un-citation-conventions.md §1, §4-10).
 * Seen forms [S] there: the "резолюцией … от … года" structure (CNTD-RU,
 * RU-ICERD, RU-36/55), "Факультативный протокол к …, касающийся …",
 * "Генеральная Ассамблея". The reference pattern "резолюция 2011/33
 * Экономического и Социального Совета от 28 июля 2011 года", the footnote
 * words ("Сборник договоров, т. …, № …", "Там же", "Официальные отчеты"),
 * the clause verbs and the Cyrillic part letters are [R], provisional.
 * Russian inflects: kind words and body names are listed in the cases they
 * take in references; inflected instrument titles are catalog aliases. */
#include "lang/lang.h"

#include <stddef.h>

static const lang_name kind_words[] = {
    {"резолюция", "resolution"},   {"резолюции", "resolution"},   {"резолюцию", "resolution"},
    {"резолюцией", "resolution"},  {"резолюциях", "resolution"},  {"резолюциям", "resolution"},
    {"резолюциями", "resolution"}, {"резолюций", "resolution"},   {"Резолюция", "resolution"},
    {"Резолюции", "resolution"},   {"Резолюцию", "resolution"},   {"решение", "decision"},
    {"решения", "decision"},       {"решению", "decision"},       {"решением", "decision"},
    {"решении", "decision"},       {"решениях", "decision"},      {"решениям", "decision"},
    {"решениями", "decision"},     {"решений", "decision"},       {"Решение", "decision"},
    {NULL, NULL},
};

/* After the number, in the genitive: "резолюция 2011/33 Экономического и
 * Социального Совета". */
static const lang_name bodies[] = {
    {"Генеральной Ассамблеи", "GA"},
    {"Ассамблеи", "GA"},
    {"Экономического и Социального Совета", "ECOSOC"},
    {"Совета Безопасности", "SC"},
    {"Совета по правам человека", "HRC"},
    {"Комиссии по правам человека", "CHR"},
    {"Комиссии по предупреждению преступности и уголовному правосудию", "CCPCJ"},
    {"Комиссии по наркотическим средствам", "CND"},
    {"Комиссии по положению женщин", "CSW"},
    {"Комиссии социального развития", "CSocD"},
    {"Комиссии по народонаселению и развитию", "CPD"},
    {NULL, NULL},
};

/* Part letters printed in Cyrillic ("2200 А (XXI)"). [R?] */
static const lang_name res_letters[] = {
    {"А", "A"}, {"Б", "B"}, {"В", "B"}, {"С", "C"}, {"Д", "D"}, {NULL, NULL},
};

static const char *const enum_joiners[] = {", и ", ", ", " и ", NULL};
/* "свою резолюцию", "свои резолюции", "в своей резолюции", "ее резолюция". */
static const char *const possessive[] = {"свою ", "свои ", "своей ", "своих ", "своим ", "своими ", "свое ",
                                         "своё ", "своего ", "своем ", "своему ",
                                         "ее ", "её ", NULL};
static const char *const topic_open[] = {" о ", " об ", " по вопросу о ", NULL};
static const char *const title_open[] = {", озаглавленная ", ", озаглавленную ", ", озаглавленной ",
                                         ", озаглавленные ", ", озаглавленных ", " озаглавленная ",
                                         " озаглавленную ", NULL};
static const char *const date_open[] = {" от ", NULL};
static const char *const chain_breaks[] = {";", ". ", NULL};

static const lang_name months[] = {
    {"января", "1"},   {"февраля", "2"}, {"марта", "3"},    {"апреля", "4"},
    {"мая", "5"},      {"июня", "6"},    {"июля", "7"},     {"августа", "8"},
    {"сентября", "9"}, {"октября", "10"}, {"ноября", "11"}, {"декабря", "12"},
    {NULL, NULL},
};
static const char *const date_sep[] = {" ", NULL};
static const char *const year_suffix[] = {" года", " г.", NULL};
static const char *const symbol_joiners[] = {" и ", NULL};

static const char *const ibid[] = {"Там же", NULL};
static const char *const see[] = {"См. также ", "См. ", NULL};
static const char *const treaty_series[] = {"Сборник договоров", NULL};
static const char *const volume_open[] = {"т. ", "тт. ", NULL};
static const char *const regno_open[] = {"№ ", "№", NULL};
static const char *const records_words[] = {"Официальные отчеты", NULL};

/* Preambular participles begin with a lower-case letter. */
static const lang_name verbs[] = {
    {"ссылаясь на", "recall"},
    {"ссылаясь также на", "recall"},
    {"ссылаясь далее на", "recall"},
    {"напоминая", "recall"},
    {"напоминая также", "recall"},
    {"вновь подтверждая", "reaffirm"},
    {"подтверждая", "affirm"},
    {"отмечая", "note"},
    {"отмечая также", "note"},
    {"с удовлетворением отмечая", "note_with_appreciation"},
    {"принимая к сведению", "take_note"},
    {"признавая", "recognize"},
    {"признавая также", "recognize"},
    {"приветствуя", "welcome"},
    {"учитывая", "bear_in_mind"},
    {"памятуя", "bear_in_mind"},
    {"руководствуясь", "guided_by"},
    {"подчеркивая", "stress"},
    {"будучи обеспокоена", "concern"},
    {"будучи глубоко обеспокоена", "concern"},
    {"будучи убеждена", "convinced"},
    {"выражая", "express"},
    {"настоятельно призывает", "urge"},
    {"призывает", "call_upon"},
    {"рекомендует", "encourage"},
    {"предлагает", "invite"},
    {"просит", "request"},
    {"постановляет", "decide"},
    {"вновь подтверждает", "reaffirm"},
    {"подтверждает", "affirm"},
    {"напоминает", "recall"},
    {"отмечает", "note"},
    {"принимает к сведению", "take_note"},
    {"приветствует", "welcome"},
    {"подчеркивает", "stress"},
    {"признает", "recognize"},
    {"осуждает", "condemn"},
    {"решительно осуждает", "condemn"},
    {"выражает", "express"},
    {"принимает", "adopt"},
    {"одобряет", "endorse"},
    {"утверждает", "approve"},
    {"высоко оценивает", "commend"},
    {NULL, NULL},
};

static const char *const organ_lines[] = {"Генеральная Ассамблея,", "Совет по правам человека,",
                                          "Экономический и Социальный Совет,", NULL};
static const char *const agenda_open[] = {"Пункт ", "Пункты ", NULL};
static const lang_name adoption[] = {
    {"Резолюция, принятая Генеральной Ассамблеей", "GA"},
    {"Резолюция, принятая Советом по правам человека", "HRC"},
    {"Резолюция, принятая Экономическим и Социальным Советом", "ECOSOC"},
    {NULL, NULL},
};
static const char *const report_open[] = {"[по докладу ", "[без передачи в ", NULL};
static const char *const plenary_words[] = {"пленарное заседание", NULL};

const lang_table lang_ru = {
    .code = "ru",
    .kind_after_number = false,
    .kind_words = kind_words,
    .enum_joiners = enum_joiners,
    .possessive = possessive,
    .topic_open = topic_open,
    .title_open = title_open,
    .date_open = date_open,
    .chain_breaks = chain_breaks,
    .bodies = bodies,
    .body_after_number = true,
    .res_letters = res_letters,
    .months = months,
    .date_sep = date_sep,
    .year_suffix = year_suffix,
    .symbol_joiners = symbol_joiners,
    .ibid = ibid,
    .see = see,
    .treaty_series = treaty_series,
    .volume_open = volume_open,
    .regno_open = regno_open,
    .records_words = records_words,
    .verbs = verbs,
    .wrapped = true,
    .organ_lines = organ_lines,
    .agenda_open = agenda_open,
    .adoption = adoption,
    .report_open = report_open,
    .plenary_words = plenary_words,
};
