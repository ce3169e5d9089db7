/* Spanish, as UN resolutions print it (un-citation-conventions.md §1, §4-10).
 * Seen forms [S] there: the header and clause verbs of SCRIBD-74/174-ES
 * ("Reconociendo también", "Preocupada"), "Protocolo Facultativo de la
 * Convención … relativo a", the English series name kept in footnotes
 * ("Naciones Unidas, Treaty Series, vol. 2133, núm. 37245"). The reference
 * pattern "la resolución 2011/33 del Consejo Económico y Social, de 28 de
 * julio de 2011, relativa a …" and the other footnote words are [R],
 * provisional. */
#include "lang/lang.h"

#include <stddef.h>

/* The article-led forms let a subject end before "…, y la resolución 16/2". */
static const lang_name kind_words[] = {
    {"resolución", "resolution"},
    {"resoluciones", "resolution"},
    {"Resolución", "resolution"},
    {"Resoluciones", "resolution"},
    {"la resolución", "resolution"},
    {"las resoluciones", "resolution"},
    {"decisión", "decision"},
    {"decisiones", "decision"},
    {"Decisión", "decision"},
    {"la decisión", "decision"},
    {"las decisiones", "decision"},
    {NULL, NULL},
};

/* The body follows the number ("de el" contracts to "del"). */
static const lang_name bodies[] = {
    {"de la Asamblea General", "GA"},
    {"de la Asamblea", "GA"},
    {"del Consejo Económico y Social", "ECOSOC"},
    {"del Consejo de Seguridad", "SC"},
    {"del Consejo de Derechos Humanos", "HRC"},
    {"de la Comisión de Derechos Humanos", "CHR"},
    {"de la Comisión de Prevención del Delito y Justicia Penal", "CCPCJ"},
    {"de la Comisión de Estupefacientes", "CND"},
    {"de la Comisión de la Condición Jurídica y Social de la Mujer", "CSW"},
    {"de la Comisión de Desarrollo Social", "CSocD"},
    {"de la Comisión de Población y Desarrollo", "CPD"},
    {NULL, NULL},
};

static const char *const enum_joiners[] = {", y ", ", ", " y ", " e ", NULL};
static const char *const possessive[] = {"su ", "sus ", NULL};
static const char *const topic_open[] = {", relativa a ", ", relativa al ", ", relativo a ", ", relativo al ",
                                         ", relativas a ", ", sobre ", " relativa a ", " relativa al ",
                                         " sobre ", NULL};
static const char *const title_open[] = {", titulada ", " titulada ", ", titulado ", " titulado ",
                                         ", tituladas ", " tituladas ", NULL};
/* "73/154, de 17 de diciembre de 2018," */
static const char *const date_open[] = {", de ", " de ", NULL};
static const char *const chain_breaks[] = {";", ". ", NULL};

static const lang_name months[] = {
    {"enero", "1"},      {"febrero", "2"}, {"marzo", "3"},      {"abril", "4"},
    {"mayo", "5"},       {"junio", "6"},   {"julio", "7"},      {"agosto", "8"},
    {"septiembre", "9"}, {"setiembre", "9"}, {"octubre", "10"}, {"noviembre", "11"},
    {"diciembre", "12"}, {NULL, NULL},
};
static const char *const date_sep[] = {" de ", NULL};

/* "la Carta" alone is the Charter of the United Nations. */
static const lang_name short_names[] = {
    {"la Carta", "charter"},
    {NULL, NULL},
};
static const char *const symbol_joiners[] = {" y ", NULL};

static const char *const ibid[] = {"Ibid.", "Ibíd.", "Ibid", NULL};
static const char *const see[] = {"Véase también ", "Véase ", "Véanse ", NULL};
/* Spanish UN texts keep the English series name. */
static const char *const treaty_series[] = {"Treaty Series", "Colección de Tratados", NULL};
static const char *const volume_open[] = {"vol. ", "vols. ", NULL};
static const char *const regno_open[] = {"núm. ", "núms. ", "No. ", NULL};
static const char *const records_words[] = {"Documentos Oficiales", NULL};

static const lang_name verbs[] = {
    {"Recordando", "recall"},
    {"Recordando también", "recall"},
    {"Recordando además", "recall"},
    {"Reafirmando", "reaffirm"},
    {"Reafirmando también", "reaffirm"},
    {"Observando", "note"},
    {"Observando también", "note"},
    {"Observando con aprecio", "note_with_appreciation"},
    {"Tomando nota", "take_note"},
    {"Tomando nota con aprecio", "note_with_appreciation"},
    {"Reconociendo", "recognize"},
    {"Reconociendo también", "recognize"},
    {"Acogiendo con beneplácito", "welcome"},
    {"Acogiendo con satisfacción", "welcome"},
    {"Teniendo presente", "bear_in_mind"},
    {"Teniendo en cuenta", "bear_in_mind"},
    {"Consciente", "bear_in_mind"},
    {"Guiada por", "guided_by"},
    {"Guiado por", "guided_by"},
    {"Destacando", "stress"},
    {"Poniendo de relieve", "stress"},
    {"Subrayando", "stress"},
    {"Preocupada", "concern"},
    {"Preocupado", "concern"},
    {"Profundamente preocupada", "concern"},
    {"Gravemente preocupada", "concern"},
    {"Seriamente preocupada", "concern"},
    {"Sumamente preocupada", "concern"},
    {"Convencida", "convinced"},
    {"Convencido", "convinced"},
    {"Afirmando", "affirm"},
    {"Expresando", "express"},
    {"Considerando", "consider"},
    {"Insta", "urge"},
    {"Exhorta", "call_upon"},
    {"Alienta", "encourage"},
    {"Invita", "invite"},
    {"Solicita", "request"},
    {"Pide", "request"},
    {"Decide", "decide"},
    {"Reafirma", "reaffirm"},
    {"Recuerda", "recall"},
    {"Observa", "note"},
    {"Toma nota", "take_note"},
    {"Acoge con beneplácito", "welcome"},
    {"Acoge con satisfacción", "welcome"},
    {"Destaca", "stress"},
    {"Subraya", "stress"},
    {"Pone de relieve", "stress"},
    {"Reconoce", "recognize"},
    {"Afirma", "affirm"},
    {"Condena", "condemn"},
    {"Condena enérgicamente", "condemn"},
    {"Expresa", "express"},
    {"Aprueba", "adopt"},
    {"Hace suyo", "endorse"},
    {"Encomia", "commend"},
    {NULL, NULL},
};

static const char *const organ_lines[] = {"La Asamblea General,", "El Consejo de Derechos Humanos,",
                                          "El Consejo Económico y Social,", NULL};
static const char *const agenda_open[] = {"Tema ", "Temas ", NULL};
static const lang_name adoption[] = {
    {"Resolución aprobada por la Asamblea General", "GA"},
    {"Resolución aprobada por el Consejo de Derechos Humanos", "HRC"},
    {"Resolución aprobada por el Consejo Económico y Social", "ECOSOC"},
    {NULL, NULL},
};
static const char *const adoption_date_open[] = {"el ", NULL};
static const char *const report_open[] = {"[sobre la base del informe de la ", "[sin remisión previa a una ",
                                          NULL};
static const char *const plenary_words[] = {"sesión plenaria", NULL};
static const char *const number_nouns[] = {
    "anexo", "parte", "tema", "temas", "cap", "secc", "principio", "objetivo", "objetivos", "meta",
    "metas", "vol", "sesiones", "protocolo", "regla", "reglas", NULL};

const lang_table lang_es = {
    .code = "es",
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
