/* French, as UN resolutions print it (un-citation-conventions.md §1, §4-10).
 * Seen forms [S] there: "Rappelant ses résolutions 54/148 et 54/149 du 17
 * décembre 1999", "la résolution 34/16 du Conseil, en date du 24 mars 2017",
 * "la résolution 46/182 de l'Assemblée générale, en date du 19 décembre
 * 1991", "Protocole facultatif", the clause verbs of GRP-* pages. Everything
 * else (footnote words "Recueil des Traités", "no", "Documents officiels")
 * is [R], provisional. */
#include "lang/lang.h"

#include <stddef.h>

/* The article-led forms let a subject end before "…, et la résolution 16/2". */
static const lang_name kind_words[] = {
    {"résolution", "resolution"},
    {"résolutions", "resolution"},
    {"Résolution", "resolution"},
    {"Résolutions", "resolution"},
    {"la résolution", "resolution"},
    {"les résolutions", "resolution"},
    {"décision", "decision"},
    {"décisions", "decision"},
    {"Décision", "decision"},
    {"la décision", "decision"},
    {"les décisions", "decision"},
    {NULL, NULL},
};

/* The body follows the number: "la résolution 2011/33 du Conseil économique
 * et social" ("de le" contracts to "du"). */
static const lang_name bodies[] = {
    {"de l'Assemblée générale", "GA"},
    {"de l'Assemblée", "GA"},
    {"du Conseil économique et social", "ECOSOC"},
    {"du Conseil de sécurité", "SC"},
    {"du Conseil des droits de l'homme", "HRC"},
    {"de la Commission des droits de l'homme", "CHR"},
    {"de la Commission pour la prévention du crime et la justice pénale", "CCPCJ"},
    {"de la Commission des stupéfiants", "CND"},
    {"de la Commission de la condition de la femme", "CSW"},
    {"de la Commission du développement social", "CSocD"},
    {"de la Commission de la population et du développement", "CPD"},
    {NULL, NULL},
};

static const char *const enum_joiners[] = {", et ", ", ", " et ", NULL};
static const char *const possessive[] = {"sa ", "ses ", "son ", "leur ", "leurs ", NULL};
static const char *const topic_open[] = {" sur ", ", sur ", ", relative à ", ", relative aux ",
                                         " relative à ", " relative aux ", NULL};
static const char *const title_open[] = {", intitulée ", " intitulée ", ", intitulé ", " intitulé ",
                                         ", intitulées ", " intitulées ", NULL};
/* "73/154 du 17 décembre 2018"; "… du Conseil, en date du 24 mars 2017". */
static const char *const date_open[] = {" du ", ", en date du ", " en date du ", " des ", ", en date des ", " en date des ",
                                        NULL};
static const char *const chain_breaks[] = {";", " ;", ". ", NULL};

static const lang_name months[] = {
    {"janvier", "1"},   {"février", "2"}, {"mars", "3"},      {"avril", "4"},
    {"mai", "5"},       {"juin", "6"},    {"juillet", "7"},   {"août", "8"},
    {"septembre", "9"}, {"octobre", "10"}, {"novembre", "11"}, {"décembre", "12"},
    {NULL, NULL},
};
static const char *const day_suffix[] = {"er", NULL}; /* 1er janvier */
static const char *const date_sep[] = {" ", NULL};

/* "la Charte" alone is the Charter of the United Nations. */
static const lang_name short_names[] = {
    {"la Charte", "charter"},
    {NULL, NULL},
};
static const char *const symbol_joiners[] = {" et ", NULL};

static const char *const ibid[] = {"Ibid.", "Ibid", NULL};
static const char *const see[] = {"Voir aussi ", "Voir ", NULL};
static const char *const treaty_series[] = {"Recueil des Traités", "Recueil des traités", NULL};
static const char *const volume_open[] = {"vol. ", "vols. ", NULL};
/* "no" is n + superscript o; text layers give "no", "n°" or "nº". */
static const char *const regno_open[] = {"no ", "n° ", "nº ", "No ", "nos ", NULL};
static const char *const records_words[] = {"Documents officiels", NULL};

static const lang_name verbs[] = {
    {"Rappelant", "recall"},
    {"Rappelant également", "recall"},
    {"Rappelant en outre", "recall"},
    {"Rappelant aussi", "recall"},
    {"Réaffirmant", "reaffirm"},
    {"Réaffirmant également", "reaffirm"},
    {"Réaffirmant en outre", "reaffirm"},
    {"Notant", "note"},
    {"Notant également", "note"},
    {"Notant avec satisfaction", "note_with_appreciation"},
    {"Prenant note", "take_note"},
    {"Prenant note avec satisfaction", "note_with_appreciation"},
    {"Prenant acte", "take_note"},
    {"Constatant", "note"},
    {"Constatant avec préoccupation", "concern"},
    {"Considérant", "recognize"},
    {"Reconnaissant", "recognize"},
    {"Sachant", "recognize"},
    {"Consciente", "bear_in_mind"},
    {"Conscient", "bear_in_mind"},
    {"Ayant à l'esprit", "bear_in_mind"},
    {"Se félicitant", "welcome"},
    {"Accueillant avec satisfaction", "welcome"},
    {"Saluant", "welcome"},
    {"Soulignant", "stress"},
    {"Insistant", "stress"},
    {"Préoccupée", "concern"},
    {"Préoccupé", "concern"},
    {"Profondément préoccupée", "concern"},
    {"Vivement préoccupée", "concern"},
    {"Gravement préoccupée", "concern"},
    {"Sérieusement préoccupée", "concern"},
    {"Extrêmement préoccupée", "concern"},
    {"Convaincue", "convinced"},
    {"Convaincu", "convinced"},
    {"Affirmant", "affirm"},
    {"Guidée par", "guided_by"},
    {"Guidé par", "guided_by"},
    {"Exprimant", "express"},
    {"Prie instamment", "urge"},
    {"Exhorte", "urge"},
    {"Demande", "call_upon"},
    {"Engage", "encourage"},
    {"Encourage", "encourage"},
    {"Invite", "invite"},
    {"Prie", "request"},
    {"Décide", "decide"},
    {"Réaffirme", "reaffirm"},
    {"Rappelle", "recall"},
    {"Note", "note"},
    {"Prend note", "take_note"},
    {"Prend acte", "take_note"},
    {"Se félicite", "welcome"},
    {"Accueille avec satisfaction", "welcome"},
    {"Salue", "welcome"},
    {"Souligne", "stress"},
    {"Insiste", "stress"},
    {"Reconnaît", "recognize"},
    {"Affirme", "affirm"},
    {"Condamne", "condemn"},
    {"Condamne énergiquement", "condemn"},
    {"Exprime", "express"},
    {"Adopte", "adopt"},
    {"Approuve", "approve"},
    {"Fait sienne", "endorse"},
    {"Félicite", "commend"},
    {NULL, NULL},
};

static const char *const organ_lines[] = {"L'Assemblée générale,", "Le Conseil des droits de l'homme,",
                                          "Le Conseil économique et social,", NULL};
static const char *const agenda_open[] = {"Point ", "Points ", NULL};
static const lang_name adoption[] = {
    {"Résolution adoptée par l'Assemblée générale", "GA"},
    {"Résolution adoptée par le Conseil des droits de l'homme", "HRC"},
    {"Résolution adoptée par le Conseil économique et social", "ECOSOC"},
    {NULL, NULL},
};
static const char *const adoption_date_open[] = {"le ", NULL};
static const char *const report_open[] = {"[sur le rapport de la ", "[sans renvoi à une ", NULL};
static const char *const plenary_words[] = {"séance plénière", NULL};
static const char *const number_nouns[] = {
    "paragraphe", "paragraphes", "par", "article", "articles", "point", "points", "annexe", "chapitre",
    "chap", "section", "sect", "partie", "principe", "objectif", "objectifs", "cible", "cibles", "vol",
    "no", "session", "protocole", "tome", NULL};

const lang_table lang_fr = {
    .code = "fr",
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
    .months = months,
    .day_suffix = day_suffix,
    .date_sep = date_sep,
    .short_names = short_names,
    .symbol_joiners = symbol_joiners,
    .ibid = ibid,
    .see = see,
    .treaty_series = treaty_series,
    .volume_open = volume_open,
    .regno_open = regno_open,
    .records_words = records_words,
    .verbs = verbs,
    .wrapped = true,
    .number_nouns = number_nouns,
    .organ_lines = organ_lines,
    .agenda_open = agenda_open,
    .adoption = adoption,
    .adoption_date_open = adoption_date_open,
    .report_open = report_open,
    .plenary_words = plenary_words,
};
