/* English, as UN resolutions print it (un-citation-conventions.md §1, §4-9;
 * the PDF text layer of A/RES/74/174 in shared/corpus/en). Forms marked
 * [R] there are provisional. */
#include "lang/lang.h"

#include <stddef.h>

/* Longest first is not required: matching keeps the longest entry. */
static const lang_name kind_words[] = {
    {"resolutions", "resolution"},
    {"resolution", "resolution"},
    {"Resolutions", "resolution"},
    {"Resolution", "resolution"},
    {"decisions", "decision"},
    {"decision", "decision"},
    {"Decision", "decision"},
    {NULL, NULL},
};

static const lang_name bodies[] = {
    {"General Assembly", "GA"},
    {"the Assembly", "GA"},
    {"Economic and Social Council", "ECOSOC"},
    {"Security Council", "SC"},
    {"Human Rights Council", "HRC"},
    {"Commission on Human Rights", "CHR"},
    {"Commission on Crime Prevention and Criminal Justice", "CCPCJ"},
    {"Commission on Narcotic Drugs", "CND"},
    {"Commission on the Status of Women", "CSW"},
    {"Commission for Social Development", "CSocD"},
    {"Commission on Population and Development", "CPD"},
    {NULL, NULL},
};

static const char *const enum_joiners[] = {", and ", ", ", " and ", NULL};
static const char *const possessive[] = {"its ", "their ", NULL};
static const char *const topic_open[] = {" on ", ", on ", NULL};
static const char *const title_open[] = {", entitled ", " entitled ", NULL};
static const char *const date_open[] = {" of ", NULL};
static const char *const chain_breaks[] = {";", ". ", NULL};

static const lang_name months[] = {
    {"January", "1"},   {"February", "2"}, {"March", "3"},     {"April", "4"},
    {"May", "5"},       {"June", "6"},     {"July", "7"},      {"August", "8"},
    {"September", "9"}, {"October", "10"}, {"November", "11"}, {"December", "12"},
    {NULL, NULL},
};
static const char *const date_sep[] = {" ", NULL};

/* "the Charter" alone is the Charter of the United Nations (§6.1). */
static const lang_name short_names[] = {
    {"the Charter", "charter"},
    {NULL, NULL},
};
static const char *const symbol_joiners[] = {" and ", NULL};

static const char *const ibid[] = {"Ibid.", "Ibid", NULL};
static const char *const see[] = {"See also ", "See ", NULL};
static const char *const treaty_series[] = {"Treaty Series", NULL};
static const char *const volume_open[] = {"vol. ", "vols. ", NULL};
static const char *const regno_open[] = {"No. ", "Nos. ", NULL};
static const char *const records_words[] = {"Official Records", NULL};

static const lang_name verbs[] = {
    {"Recalling", "recall"},
    {"Recalling also", "recall"},
    {"Recalling further", "recall"},
    {"Reaffirming", "reaffirm"},
    {"Reaffirming also", "reaffirm"},
    {"Noting with appreciation", "note_with_appreciation"},
    {"Noting", "note"},
    {"Noting also", "note"},
    {"Taking note", "take_note"},
    {"Recognizing", "recognize"},
    {"Recognizing also", "recognize"},
    {"Acknowledging", "acknowledge"},
    {"Welcoming", "welcome"},
    {"Emphasizing", "stress"},
    {"Stressing", "stress"},
    {"Concerned", "concern"},
    {"Deeply concerned", "concern"},
    {"Gravely concerned", "concern"},
    /* An adverb first: a paragraph opens with these too (A/RES/73/6 PP17
     * "Seriously concerned about ..."); "Welcoming also" and the like need
     * no entry, a verb matches as a prefix. */
    {"Seriously concerned", "concern"},
    {"Extremely concerned", "concern"},
    {"Profoundly concerned", "concern"},
    {"Greatly concerned", "concern"},
    {"Particularly concerned", "concern"},
    {"Deeply alarmed", "concern"},
    {"Gravely alarmed", "concern"},
    {"Deeply disturbed", "concern"},
    {"Disturbed", "concern"},
    {"Firmly convinced", "convinced"},
    {"Deeply convinced", "convinced"},
    {"Strongly condemning", "condemn"},
    {"Condemning", "condemn"},
    {"Encouraging", "encourage"},
    {"Having heard", "consider"},
    {"Having regard", "bear_in_mind"},
    {"Bearing in mind", "bear_in_mind"},
    {"Mindful", "bear_in_mind"},
    {"Convinced", "convinced"},
    {"Affirming", "affirm"},
    {"Guided by", "guided_by"},
    {"Expressing", "express"},
    {"Considering", "consider"},
    {"Determined", "determined"},
    {"Alarmed", "concern"},
    {"Aware", "aware"},
    {"Fully aware", "aware"},
    {"Conscious", "aware"},
    {"Cognizant", "aware"},
    {"Believing", "convinced"},
    {"Deploring", "deplore"},
    {"Desiring", "desire"},
    {"Encouraged", "encouraged"},
    {"Having considered", "consider"},
    {"Having examined", "consider"},
    {"Noting further", "note"},
    {"Observing", "note"},
    {"Reiterating", "reaffirm"},
    {"Regretting", "regret"},
    {"Underlining", "stress"},
    {"Underscoring", "stress"},
    {"Highlighting", "stress"},
    {"Taking into account", "bear_in_mind"},
    {"Taking into consideration", "bear_in_mind"},
    {"Keeping in mind", "bear_in_mind"},
    {"Appreciating", "appreciate"},
    {"Commending", "commend"},
    {"Expressing concern", "concern"},
    {"Urges", "urge"},
    {"Reiterates", "reaffirm"},
    {"Underlines", "stress"},
    {"Underscores", "stress"},
    {"Highlights", "stress"},
    {"Calls on", "call_upon"},
    {"Demands", "demand"},
    {"Deplores", "deplore"},
    {"Regrets", "regret"},
    {"Supports", "support"},
    {"Appeals", "appeal"},
    {"Authorizes", "authorize"},
    {"Proclaims", "proclaim"},
    {"Declares", "declare"},
    {"Also urges", "urge"},
    {"Further urges", "urge"},
    {"Calls upon", "call_upon"},
    {"Also calls upon", "call_upon"},
    {"Encourages", "encourage"},
    {"Also encourages", "encourage"},
    {"Further encourages", "encourage"},
    {"Invites", "invite"},
    {"Also invites", "invite"},
    {"Requests", "request"},
    {"Also requests", "request"},
    {"Decides", "decide"},
    {"Also decides", "decide"},
    {"Reaffirms", "reaffirm"},
    {"Recalls", "recall"},
    {"Notes", "note"},
    {"Takes note", "take_note"},
    {"Welcomes", "welcome"},
    {"Stresses", "stress"},
    {"Emphasizes", "stress"},
    {"Recognizes", "recognize"},
    {"Affirms", "affirm"},
    {"Condemns", "condemn"},
    {"Strongly condemns", "condemn"},
    {"Expresses", "express"},
    {"Acknowledges", "acknowledge"},
    {"Adopts", "adopt"},
    {"Approves", "approve"},
    {"Endorses", "endorse"},
    {"Commends", "commend"},
    {NULL, NULL},
};

static const char *const organ_lines[] = {"The General Assembly,", "The General Assembly",
                                          "The Human Rights Council,", "The Economic and Social Council,",
                                          NULL};
static const char *const agenda_open[] = {"Agenda item ", "Agenda items ", NULL};
static const lang_name adoption[] = {
    {"Resolution adopted by the General Assembly", "GA"},
    {"Resolution adopted by the Human Rights Council", "HRC"},
    {"Resolution adopted by the Economic and Social Council", "ECOSOC"},
    {NULL, NULL},
};
static const char *const adoption_date_open[] = {"on ", NULL};
static const char *const report_open[] = {"[on the report of the ", "[without reference to a ", NULL};
static const char *const plenary_words[] = {"plenary meeting", NULL};
static const char *const number_nouns[] = {
    "article", "articles", "paragraph", "paragraphs", "para", "chapter", "chap", "annex", "part",
    "section", "sect", "principle", "goal", "goals", "target", "targets", "rule", "rules", "resolution",
    "resolutions", "decision", "decisions", "vol", "no", "page", "item", "items", "level", "phase",
    "day", "days", "year", "years", "step", "option", "protocol", "table", "figure", "session", NULL};

const lang_table lang_en = {
    .code = "en",
    .kind_after_number = false,
    .kind_words = kind_words,
    .enum_joiners = enum_joiners,
    .possessive = possessive,
    .topic_open = topic_open,
    .title_open = title_open,
    .date_open = date_open,
    .chain_breaks = chain_breaks,
    .bodies = bodies,
    .body_before_kind = true,
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
