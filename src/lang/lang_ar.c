/* Arabic, as UN resolutions print it (un-citation-conventions.md §1, §4-10).
 * Seen forms [S] there (BITEXT-AR): "إذ تشير إلى قراريها 69/158 المؤرخ 18
 * كانون الأول/ديسمبر 2014 و 71/176 المؤرخ 19 كانون الأول/ديسمبر 2016 بشأن …",
 * Western digits, the double month name "كانون الأول/ديسمبر". Everything
 * else (the other month names, "قرار المجلس الاقتصادي والاجتماعي 2011/33",
 * "القرار 2200 ألف (د-21)", the footnote words "مجموعة المعاهدات، المجلد …،
 * الرقم …", "المرجع نفسه", "الوثائق الرسمية", the clause verbs) is [R],
 * provisional. Arabic joins و (and), ب (by) and ل (for) to the next word:
 * kind words are listed with them; titles take them through word_prefixes;
 * ل + the article (لل) is a catalog alias. */
#include "lang/lang.h"

#include <stddef.h>

/* "قرارها" = its resolution (the citing body's), "قراريها" its two,
 * "قراراتها" its resolutions; مقرر is a decision (not قرار). */
#define KIND(w, v) {w, v}, {"و" w, v}, {"ب" w, v}, {"وب" w, v}
static const lang_name kind_words[] = {
    KIND("قرار", "resolution"),          KIND("القرار", "resolution"),
    KIND("قرارات", "resolution"),        KIND("القرارات", "resolution"),
    KIND("القرارين", "resolution"),      KIND("قراري", "resolution"),
    KIND("قرارها", "resolution+own"),    KIND("قراريها", "resolution+own"),
    KIND("قراراتها", "resolution+own"),  KIND("مقرر", "decision"),
    KIND("المقرر", "decision"),          KIND("مقررات", "decision"),
    KIND("المقررات", "decision"),        KIND("مقررها", "decision+own"),
    KIND("مقرريها", "decision+own"),     KIND("مقرراتها", "decision+own"),
    {"لقرار", "resolution"},             {"للقرار", "resolution"},
    {"لقرارها", "resolution+own"},       {"لمقرر", "decision"},
    {NULL, NULL},
};
#undef KIND

/* After the kind word, in construct state: "قرار مجلس الأمن 1325 (2000)". */
static const lang_name bodies[] = {
    {"الجمعية العامة", "GA"},
    {"المجلس الاقتصادي والاجتماعي", "ECOSOC"},
    {"مجلس الأمن", "SC"},
    {"مجلس حقوق الإنسان", "HRC"},
    {"لجنة حقوق الإنسان", "CHR"},
    {"لجنة منع الجريمة والعدالة الجنائية", "CCPCJ"},
    {"لجنة المخدرات", "CND"},
    {"لجنة وضع المرأة", "CSW"},
    {"لجنة التنمية الاجتماعية", "CSocD"},
    {"لجنة السكان والتنمية", "CPD"},
    {NULL, NULL},
};

/* Part letters by name, "(د-21)" for the twenty-first session. */
static const lang_name res_letters[] = {
    {"ألف", "A"}, {"باء", "B"}, {"جيم", "C"}, {"دال", "D"}, {"هاء", "E"}, {NULL, NULL},
};
static const char *const session_marks[] = {"د-", "د -", NULL};
/* Special and emergency special sessions: "دإ-27/2", "دإط-10/19". [R?] */
static const lang_name res_prefixes[] = {{"دإ-", "S-"}, {"دإط-", "ES-"}, {NULL, NULL}};

/* The Arabic comma is ',' in normalised text; "و 71/176" may be spaced. */
/* "وإلى" (and to) repeats the preposition of "تشير إلى" before the next reference. */
static const char *const enum_joiners[] = {", و ", ", و", ", ", " و ", " و", ", وإلى ", " وإلى ", NULL};
static const char *const topic_open[] = {" بشأن ", ", بشأن ", NULL};
static const char *const title_open[] = {" المعنون ", ", المعنون ", " المعنونة ", ", المعنونة ", NULL};
static const char *const date_open[] = {" المؤرخ ", " المؤرخ في ", " المؤرخة ", " المؤرخة في ", ", المؤرخ ",
                                        " المؤرخين ", " المؤرختين ",
                                        NULL};
static const char *const chain_breaks[] = {";", ". ", NULL};
static const char *const word_prefixes[] = {"و", "ب", "ل", "وب", "ول", "ف", NULL};

/* UN double names (Levantine/Iraqi name / transliterated name), spaced or
 * not around "/"; يونيه/يوليه are UN spellings, يونيو/يوليو press ones. */
#define MONTH(a, b, v) {a "/" b, v}, {a " / " b, v}
static const lang_name months[] = {
    MONTH("كانون الثاني", "يناير", "1"),   MONTH("شباط", "فبراير", "2"),
    MONTH("آذار", "مارس", "3"),            MONTH("نيسان", "أبريل", "4"),
    MONTH("أيار", "مايو", "5"),            MONTH("حزيران", "يونيه", "6"),
    MONTH("حزيران", "يونيو", "6"),         MONTH("تموز", "يوليه", "7"),
    MONTH("تموز", "يوليو", "7"),           MONTH("آب", "أغسطس", "8"),
    MONTH("أيلول", "سبتمبر", "9"),         MONTH("تشرين الأول", "أكتوبر", "10"),
    MONTH("تشرين الثاني", "نوفمبر", "11"), MONTH("كانون الأول", "ديسمبر", "12"),
    {NULL, NULL},
};
#undef MONTH
static const char *const date_sep[] = {" ", NULL};

static const lang_name short_names[] = {
    {"الميثاق", "charter"},
    {NULL, NULL},
};
static const char *const symbol_joiners[] = {" و ", NULL};

static const char *const ibid[] = {"المرجع نفسه", "المرجع السابق", NULL};
static const char *const see[] = {"انظر أيضا ", "انظر ", NULL};
static const char *const treaty_series[] = {"مجموعة المعاهدات", NULL};
static const char *const volume_open[] = {"المجلد ", "المجلدان ", NULL};
static const char *const regno_open[] = {"الرقم ", "رقم ", NULL};
static const char *const records_words[] = {"الوثائق الرسمية", NULL};

/* The first preambular clause follows "إن الجمعية العامة،" with "إذ", the
 * next ones with "وإذ". */
static const lang_name verbs[] = {
    {"إذ تشير إلى", "recall"},
    {"وإذ تشير إلى", "recall"},
    {"وإذ تشير أيضا إلى", "recall"},
    {"وإذ تشير كذلك إلى", "recall"},
    {"وإذ تستذكر", "recall"},
    {"إذ تؤكد من جديد", "reaffirm"},
    {"وإذ تؤكد من جديد", "reaffirm"},
    {"وإذ تعيد تأكيد", "reaffirm"},
    {"وإذ تلاحظ", "note"},
    {"وإذ تلاحظ مع التقدير", "note_with_appreciation"},
    {"وإذ تحيط علما", "take_note"},
    {"وإذ تسلم", "recognize"},
    {"وإذ ترحب", "welcome"},
    {"وإذ تضع في اعتبارها", "bear_in_mind"},
    {"وإذ تسترشد", "guided_by"},
    {"وإذ تشدد", "stress"},
    {"وإذ تؤكد", "stress"},
    {"وإذ يساورها القلق", "concern"},
    {"وإذ يساورها بالغ القلق", "concern"},
    {"واقتناعا منها", "convinced"},
    {"وإذ تعرب", "express"},
    {"تحث", "urge"},
    {"تهيب", "call_upon"},
    {"تدعو", "invite"},
    {"تشجع", "encourage"},
    {"تطلب", "request"},
    {"تقرر", "decide"},
    {"تؤكد من جديد", "reaffirm"},
    {"تعيد تأكيد", "reaffirm"},
    {"تشير إلى", "recall"},
    {"تلاحظ", "note"},
    {"تحيط علما", "take_note"},
    {"ترحب", "welcome"},
    {"تشدد", "stress"},
    {"تسلم", "recognize"},
    {"تدين", "condemn"},
    {"تعرب", "express"},
    {"تعتمد", "adopt"},
    {"تؤيد", "endorse"},
    {"تثني", "commend"},
    {NULL, NULL},
};

static const char *const organ_lines[] = {"إن الجمعية العامة,", "إن مجلس حقوق الإنسان,",
                                          "إن المجلس الاقتصادي والاجتماعي,", NULL};
static const char *const agenda_open[] = {"البند ", "البندان ", NULL};
static const lang_name adoption[] = {
    {"قرار اتخذته الجمعية العامة", "GA"},
    {"قرار اتخذه مجلس حقوق الإنسان", "HRC"},
    {"قرار اتخذه المجلس الاقتصادي والاجتماعي", "ECOSOC"},
    {NULL, NULL},
};
static const char *const adoption_date_open[] = {"في ", NULL};
static const char *const report_open[] = {"[بناء على تقرير ", "[دون إحالة إلى ", NULL};
static const char *const plenary_words[] = {"الجلسة العامة", NULL};

const lang_table lang_ar = {
    .code = "ar",
    .kind_after_number = false,
    .kind_words = kind_words,
    .enum_joiners = enum_joiners,
    .topic_open = topic_open,
    .title_open = title_open,
    .date_open = date_open,
    .chain_breaks = chain_breaks,
    .bodies = bodies,
    .body_after_kind = true,
    .res_letters = res_letters,
    .session_marks = session_marks,
    .res_prefixes = res_prefixes,
    .months = months,
    .date_sep = date_sep,
    .word_prefixes = word_prefixes,
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
    .organ_lines = organ_lines,
    .agenda_open = agenda_open,
    .adoption = adoption,
    .adoption_date_open = adoption_date_open,
    .report_open = report_open,
    .plenary_words = plenary_words,
};
